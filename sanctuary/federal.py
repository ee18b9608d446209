"""The DOJ "sanctuary jurisdictions" list of 2025-08-05, read from its snapshot and matched to the
guide's own places and states (plain Python). A federal claim, not a finding."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"
DOJ_FILE = REFERENCE / "doj_sanctuary_jurisdictions_2025-08-05.csv"
DOJ_LIST_ID = "doj-2025-08-05"


@dataclass(frozen=True)
class Listed:
    name: str
    kind: str  # state | county | city
    state: str  # postal code
    fips: str  # state FIPS, or county FIPS for counties


def read_doj(path: Path = DOJ_FILE) -> list[Listed]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for i, r in enumerate(rows, start=2):
        kind = r["jurisdiction_type"].strip()
        if kind not in ("state", "county", "city"):
            raise ValueError(f"{path.name}:{i}: unknown jurisdiction_type {kind!r}")
        out.append(Listed(r["jurisdiction"].strip(), kind, r["state_abbr"].strip(), (r["county_fips"] or r["state_fips"]).strip()))
    return out


# A listed city may be a consolidated city-county in the guide, and so may a listed county.
KINDS = {"city": ("city", "city-county"), "county": ("county", "city-county")}


def _bare(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)$", "", name)  # "Los Angeles (city)" -> "Los Angeles"
    for suffix in (" County", " City"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.strip().casefold()


def match_places(listed: list[Listed], places) -> dict[Listed, list]:
    """Each listed jurisdiction -> the guide's places it names (same state, same name)."""
    out = {}
    for item in listed:
        hits = []
        for place in places:
            if place.state != item.state:
                continue
            if item.kind == "state":
                if place.kind.value == "state":
                    hits.append(place)
            elif place.kind.value in KINDS[item.kind] and _bare(place.name.en) == _bare(item.name):
                hits.append(place)
        out[item] = hits
    return out
