"""ICE's 287(g) participating-agencies sheet, cleaned in code (plain Python).

The sheet (as of 2025-07-18) is messy; every fix is made here, named and tested:
- trailing and doubled spaces in every column;
- support-type names with trailing spaces ("Task Force Model ");
- one impossible signing year (5025-07-07, Grundy County, TN): read as 2025, the only year
  the program's current agreements were signed in around that date, and flagged;
- a county given without "County" ("Decatur");
- two agreements without a signing date (kept, with the date left empty);
- curly apostrophes in some agency names (the same agency spelled two ways);
- states spelled out in capitals: mapped to postal codes.
An agreement belongs to an agency, not to a jurisdiction. The program grew several-fold after
mid-2025: this sheet undercounts today's agreements.
"""

from __future__ import annotations

import csv
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

AS_OF = "2025-07-18"
REFERENCE_FILE = Path(__file__).resolve().parent.parent / "data" / "reference" / "ice_287g_participating_2025-07-18.csv"
SOURCE_URL = "https://www.ice.gov/identify-and-arrest/287g"
SOURCE_TITLE = "Delegation of Immigration Authority Section 287(g) Immigration and Nationality Act: participating agencies"

STATE_CODES = {
    "ALABAMA": "AL", "ALASKA": "AK", "ARIZONA": "AZ", "ARKANSAS": "AR", "CALIFORNIA": "CA", "COLORADO": "CO",
    "CONNECTICUT": "CT", "DELAWARE": "DE", "DISTRICT OF COLUMBIA": "DC", "FLORIDA": "FL", "GEORGIA": "GA",
    "HAWAII": "HI", "IDAHO": "ID", "ILLINOIS": "IL", "INDIANA": "IN", "IOWA": "IA", "KANSAS": "KS",
    "KENTUCKY": "KY", "LOUISIANA": "LA", "MAINE": "ME", "MARYLAND": "MD", "MASSACHUSETTS": "MA",
    "MICHIGAN": "MI", "MINNESOTA": "MN", "MISSISSIPPI": "MS", "MISSOURI": "MO", "MONTANA": "MT",
    "NEBRASKA": "NE", "NEVADA": "NV", "NEW HAMPSHIRE": "NH", "NEW JERSEY": "NJ", "NEW MEXICO": "NM",
    "NEW YORK": "NY", "NORTH CAROLINA": "NC", "NORTH DAKOTA": "ND", "OHIO": "OH", "OKLAHOMA": "OK",
    "OREGON": "OR", "PENNSYLVANIA": "PA", "RHODE ISLAND": "RI", "SOUTH CAROLINA": "SC", "SOUTH DAKOTA": "SD",
    "TENNESSEE": "TN", "TEXAS": "TX", "UTAH": "UT", "VERMONT": "VT", "VIRGINIA": "VA", "WASHINGTON": "WA",
    "WEST VIRGINIA": "WV", "WISCONSIN": "WI", "WYOMING": "WY",
}
MODELS = {"Task Force Model": "task-force", "Warrant Service Officer": "warrant-service-officer",
          "Jail Enforcement Model": "jail-enforcement"}
AGENCY_TYPES = {"County": "county", "Municipality": "municipality", "State Agency": "state-agency"}
_SPACES = re.compile(r"\s+")
_COUNTY_SUFFIX = re.compile(r"\b(County|Parish|Borough|Census Area|Municipality|city|City)$")


@dataclass(frozen=True)
class Agreement:
    state: str  # postal code
    agency: str
    agency_type: str  # county | municipality | state-agency
    county: str  # "" for state agencies
    model: str  # task-force | warrant-service-officer | jail-enforcement
    signed: str  # YYYY-MM-DD, or "" where the sheet gives none
    moa_published: bool  # ICE links the signed agreement (vs "link pending")
    fixes: tuple[str, ...] = field(default=())

    def row(self) -> dict:
        out = asdict(self)
        out["fixes"] = "; ".join(self.fixes)
        return out


def _clean(value: str) -> str:
    return _SPACES.sub(" ", value or "").strip()


class SheetError(ValueError):
    """A row the cleaner does not know how to read: fail loudly, naming the line."""


def clean_rows(rows: list[dict[str, str]], first_line: int = 2) -> list[Agreement]:
    out = []
    for i, raw in enumerate(rows):
        line = first_line + i
        r = {_clean(k): _clean(v) for k, v in raw.items() if k is not None}
        fixes: list[str] = []
        if any((v or "") != _clean(v or "") for v in raw.values() if isinstance(v, str)):
            fixes.append("trimmed spaces")
        state = STATE_CODES.get(r["STATE"].upper())
        if state is None:
            raise SheetError(f"line {line}: unknown state {r['STATE']!r}")
        model = MODELS.get(r["SUPPORT TYPE"])
        if model is None:
            raise SheetError(f"line {line}: unknown support type {r['SUPPORT TYPE']!r}")
        agency_type = AGENCY_TYPES.get(r["TYPE"].strip('"'))
        if agency_type is None:
            raise SheetError(f"line {line}: unknown agency type {r['TYPE']!r}")
        if r["TYPE"] != r["TYPE"].strip('"'):
            fixes.append("removed stray quote in TYPE")
        signed = r["SIGNED"]
        if not signed:
            fixes.append("no signing date in the sheet")
        elif not re.fullmatch(r"\d{4}-\d{2}-\d{2}", signed):
            raise SheetError(f"line {line}: signing date {signed!r} is not YYYY-MM-DD")
        if signed.startswith("5025-"):
            signed = "2025-" + signed[5:]
            fixes.append("signing year 5025 read as 2025")
        if signed and not "2000-01-01" <= signed <= AS_OF:
            raise SheetError(f"line {line}: signing date {signed} outside 2000..{AS_OF}")
        county = r["COUNTY"]
        if county and not _COUNTY_SUFFIX.search(county):
            county += " Parish" if state == "LA" else " County"
            fixes.append("added 'County' to the county name")
        agency = r["LAW ENFORCEMENT AGENCY"].replace("\u2019", "'")
        if agency != r["LAW ENFORCEMENT AGENCY"]:
            fixes.append("straight apostrophe in the agency name")
        out.append(Agreement(state, agency, agency_type, county, model, signed,
                             r["MOA"].lower() == "link", tuple(fixes)))
    return out


def read_sheet(path: Path) -> list[Agreement]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return clean_rows(list(csv.DictReader(fh)))


def county_key(state: str, county: str) -> tuple[str, str]:
    """Match county names across sources: 'St. Lucie County' ~ 'St. Lucie'."""
    name = _COUNTY_SUFFIX.sub("", county).strip().lower().replace("saint ", "st. ")
    return state, name
