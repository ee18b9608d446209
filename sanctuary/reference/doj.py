"""The DOJ "sanctuary jurisdictions" list of 2025-08-05, read from its snapshot and matched to the
guide's own places (plain Python). A federal claim, not a finding."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import FileCheck
from .table import Row

COLUMNS = ("jurisdiction", "jurisdiction_type", "state_abbr", "state_fips", "county_fips")
KINDS = ("state", "county", "city")


@dataclass(frozen=True)
class Listed:
    name: str
    kind: str  # state | county | city
    state: str  # postal code
    state_fips: str
    county_fips: str  # 5 digits for a listed county, else ""


def read_rows(rows: list[Row], check: FileCheck) -> list[Listed]:
    out = []
    for r in rows:
        kind = r["jurisdiction_type"].strip()
        if kind not in KINDS:
            check.at(r.line, "jurisdiction_type", f"unknown jurisdiction_type {kind!r} (known: {', '.join(KINDS)})")
            continue
        county = r["county_fips"].strip()
        if kind == "county" and not re.fullmatch(r"\d{5}", county):
            check.at(r.line, "county_fips", f"a listed county needs a 5-digit county FIPS (got {county!r})")
            continue
        out.append(Listed(r["jurisdiction"].strip(), kind, r["state_abbr"].strip(), r["state_fips"].strip(), county))
    return out


# A listed city may be a consolidated city-county in the guide, and so may a listed county.
PLACE_KINDS = {"city": ("city", "city-county"), "county": ("county", "city-county")}


def _bare(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)$", "", name)  # "Los Angeles (city)" -> "Los Angeles"
    for suffix in (" County", " City"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.strip().casefold()


def match_places(listed, places, place_fips=None) -> dict[Listed, list]:
    """Each listed jurisdiction -> the guide's places it names: same state, and the same county
    (by FIPS, when ``place_fips`` gives a place's county codes: Baltimore County is not Baltimore
    city) or the same name. The District of Columbia, listed as a state, is also a city."""
    out = {}
    for item in listed:
        hits = []
        for place in places:
            if place.state != item.state:
                continue
            if item.kind == "state":
                if place.kind.value == "state" or (item.state == "DC" and place.kind.value == "city-county"):
                    hits.append(place)
            elif place.kind.value not in PLACE_KINDS[item.kind]:
                continue
            elif item.kind == "county" and item.county_fips and place_fips is not None:
                if place_fips(place) == [item.county_fips]:
                    hits.append(place)
            elif _bare(place.name.en) == _bare(item.name):
                hits.append(place)
        out[item] = hits
    return out
