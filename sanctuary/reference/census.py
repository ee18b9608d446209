"""Census snapshots: every county with its 2025 population, the 100 largest cities with their
counties, and every town split by county (plain Python)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import FileCheck
from .table import Row

COUNTY_COLUMNS = ("fips", "state_fips", "county_fips", "state", "county", "kind", "pop_2025")
CITY_COLUMNS = ("rank", "name", "census_name", "state", "pop_2024", "county_fips", "county_names", "city_kind")
TOWN_COLUMNS = ("place_geoid", "place_name", "state", "county_fips", "pop_2024_in_county", "place_pop_2024", "funcstat")
CITY_KINDS = {"city": "city", "consolidated city-county": "city-county", "independent city": "independent-city"}
# The legal descriptor Census appends to a place name ("Aurora city", "Nashville-Davidson
# metropolitan government (balance)"): removed for the name a reader types.
_DESCRIPTOR = re.compile(
    r"\s+(?:city and borough|consolidated government|metropolitan government|unified government|metro government|"
    r"urban county|city|town|village|borough|township|municipality|plantation|CDP|comunidad|zona urbana|corporation)"
    r"(?:\s+\(balance\))?$")


@dataclass(frozen=True)
class County:
    fips: str  # 5 digits
    state_fips: str
    name: str  # as Census writes it: "Harris County", "Orleans Parish", "Baltimore city"
    pop_2025: int


@dataclass(frozen=True)
class City:
    rank: int
    name: str  # plain name: "Houston", "Nashville"
    state: str  # postal code
    pop_2024: int
    county_fips: tuple[str, ...]  # principal county first
    kind: str  # city | city-county | independent-city


@dataclass(frozen=True)
class Town:
    geoid: str
    name: str  # plain name: "Aurora"
    census_name: str  # "Aurora city"
    state_fips: str
    county_fips: str
    pop_in_county: int
    pop_total: int


def _int(row: Row, column: str, check: FileCheck) -> int | None:
    try:
        return int(row[column])
    except ValueError:
        check.at(row.line, column, f"not a whole number: {row[column]!r}")
        return None


def read_counties(rows: list[Row], check: FileCheck) -> list[County]:
    out = []
    for r in rows:
        if r["kind"] == "state":
            continue
        if r["kind"] != "county":
            check.at(r.line, "kind", f"expected 'county' or 'state' (got {r['kind']!r})")
            continue
        if not re.fullmatch(r"\d{5}", r["fips"]) or r["fips"][:2] != r["state_fips"]:
            check.at(r.line, "fips", f"not a 5-digit county FIPS in state {r['state_fips']!r}: {r['fips']!r}")
            continue
        pop = _int(r, "pop_2025", check)
        if pop is not None:
            out.append(County(r["fips"], r["state_fips"], r["county"].strip(), pop))
    return out


def read_cities(rows: list[Row], check: FileCheck) -> list[City]:
    out = []
    for r in rows:
        kind = CITY_KINDS.get(r["city_kind"])
        if kind is None:
            check.at(r.line, "city_kind", f"unknown city kind {r['city_kind']!r} (known: {', '.join(CITY_KINDS)})")
            continue
        fips = tuple(f.strip() for f in r["county_fips"].split(";") if f.strip())
        if not fips or not all(re.fullmatch(r"\d{5}", f) for f in fips):
            check.at(r.line, "county_fips", f"expected 5-digit county FIPS separated by ';' (got {r['county_fips']!r})")
            continue
        rank, pop = _int(r, "rank", check), _int(r, "pop_2024", check)
        if rank is not None and pop is not None:
            out.append(City(rank, r["name"].strip(), r["state"].strip(), pop, fips, kind))
    return out


def plain_town_name(census_name: str) -> str:
    return _DESCRIPTOR.sub("", census_name).strip()


def read_towns(rows: list[Row], check: FileCheck) -> list[Town]:
    out = []
    for r in rows:
        if not re.fullmatch(r"\d{5}", r["county_fips"]):
            check.at(r.line, "county_fips", f"not a 5-digit county FIPS: {r['county_fips']!r}")
            continue
        part, total = _int(r, "pop_2024_in_county", check), _int(r, "place_pop_2024", check)
        if part is not None and total is not None:
            out.append(Town(r["place_geoid"], plain_town_name(r["place_name"]), r["place_name"], r["county_fips"][:2],
                            r["county_fips"], part, total))
    return out
