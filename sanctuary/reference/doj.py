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


def read_rows(rows: list[Row], check: FileCheck, state_fips: dict[str, str] | None = None,
              counties: set[str] | frozenset[str] | None = None) -> list[Listed]:
    """The list's rows, each with codes that are what their column names say: ``state_fips`` the
    state's two digits (the state layer's, when ``state_fips`` maps postal code -> FIPS),
    ``county_fips`` a listed county's five digits (beginning with its state's two, one of the
    Census ``counties`` when given) and empty for a state or a city, which the list names without
    a county."""
    out = []
    for r in rows:
        kind = r["jurisdiction_type"].strip()
        if kind not in KINDS:
            check.at(r.line, "jurisdiction_type", f"unknown jurisdiction_type {kind!r} (known: {', '.join(KINDS)})")
            continue
        state, st_fips, county = r["state_abbr"].strip(), r["state_fips"].strip(), r["county_fips"].strip()
        if not re.fullmatch(r"\d{2}", st_fips):
            check.at(r.line, "state_fips", f"state_fips must be the state's 2-digit FIPS code (got {st_fips!r})")
            continue
        if state_fips is not None and state_fips.get(state) != st_fips:
            check.at(r.line, "state_fips", f"{st_fips!r} is not the FIPS code of {state!r} (the state layer has "
                     f"{state_fips.get(state)!r})")
            continue
        if kind == "county":
            if not re.fullmatch(r"\d{5}", county) or not county.startswith(st_fips):
                check.at(r.line, "county_fips", f"a listed county needs its 5-digit county FIPS, beginning with its "
                         f"state's {st_fips} (got {county!r})")
                continue
            if counties is not None and county not in counties:
                check.at(r.line, "county_fips", f"{county!r} is no county of the Census layer")
                continue
        elif county:
            check.at(r.line, "county_fips", f"a listed {kind} has no county FIPS: leave county_fips empty (got {county!r})")
            continue
        out.append(Listed(r["jurisdiction"].strip(), kind, state, st_fips, county))
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
