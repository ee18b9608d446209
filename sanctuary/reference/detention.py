"""ICE's detention facilities (the "Facilities FY26" sheet), as a snapshot (plain Python)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import FileCheck
from .table import Row

COLUMNS = ("name", "address", "city", "state", "zip", "aor", "type", "fy26_adp", "latitude", "longitude")
# Facility types as ICE names them, explained on the pages (data/ui.yml: facility_type_<code>).
TYPES = ("IGSA", "DIGSA", "CDF", "USMS IGA", "USMS CDF", "SPC", "STAGING", "FAMILY", "DOD", "BOP", "STATE", "MOC")


@dataclass(frozen=True)
class Facility:
    line: int  # in the snapshot file
    name: str
    address: str
    city: str
    state: str  # postal code
    zip: str
    type: str
    adp: float  # average daily population, FY2026 to the sheet's date
    lat: float | None
    lon: float | None


def read_rows(rows: list[Row], check: FileCheck) -> list[Facility]:
    out = []
    for r in rows:
        kind = r["type"].strip()
        if kind not in TYPES:
            check.at(r.line, "type", f"unknown facility type {kind!r} (known: {', '.join(TYPES)})")
            continue
        try:
            adp = float(r["fy26_adp"] or 0)
            lat = float(r["latitude"]) if r["latitude"].strip() else None
            lon = float(r["longitude"]) if r["longitude"].strip() else None
        except ValueError as exc:
            check.at(r.line, "fy26_adp", f"not a number ({exc})")
            continue
        out.append(Facility(r.line, r["name"].strip(), r["address"].strip(), r["city"].strip(), r["state"].strip(), r["zip"].strip(),
                            kind, adp, lat, lon))
    return out


# Facilities whose town the Census towns file does not hold and whose coordinates are missing or
# wrong: each placed by hand, with why.
EXPLICIT = {
    ("LA", "NELSON COLEMAN CORRECTION"): ("22089", "Killona is in St. Charles Parish"),
    # The sheet writes "BUNKERHILL"; Bunker Hill is in Miami County, and the geocoded point is not.
    ("IN", "MIAMI CORRECTIONAL CENTER"): ("18103", "Bunker Hill is in Miami County"),
}
OUTSIDE = {"FPO"}  # the military post office: Naval Station Guantánamo Bay, outside the 50 states and DC


@dataclass(frozen=True)
class Placed:
    facility: Facility
    scope: str  # county | territory | outside
    county_fips: str = ""
    how: str = ""  # town | coordinates | explicit


def place(f: Facility, gazetteer, county_rings: dict, territories: set[str]) -> Placed | str:
    """A facility's county: from its town (ICE's own address), else its coordinates, else an
    explicit entry; a facility in a territory or abroad is classified as such."""
    from . import geo

    if f.state in territories:
        return Placed(f, "territory", how="state")
    if f.city.upper() in OUTSIDE:
        return Placed(f, "outside", how="address")
    if (f.state, f.name) in EXPLICIT:
        return Placed(f, "county", EXPLICIT[(f.state, f.name)][0], "explicit")
    county = gazetteer.principal_county(f.state, f.city.title().replace("Ft.", "Fort ").strip())
    if county:
        return Placed(f, "county", county.fips, "town")
    if f.lat and f.lon:
        x, y = geo.project(f.lon, f.lat, f.state)
        prefix = gazetteer.state_fips.get(f.state, "??")
        hits = [fips for fips, rings in county_rings.items() if fips.startswith(prefix) and geo.contains(rings, x, y)]
        if len(hits) == 1:
            return Placed(f, "county", hits[0], "coordinates")
    return f"no county for {f.name!r} in {f.city}, {f.state}: not a Census town, and no coordinates inside one county"
