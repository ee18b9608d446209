"""ICE's 287(g) participating-agencies sheet, cleaned in code (plain Python).

The sheet is messy; every fix is made here, named and tested:
- trailing and doubled spaces in every column;
- support-type names with trailing spaces ("Task Force Model ");
- one impossible signing year (5025-07-07, Grundy County, TN, 2025-07-18 sheet): read as 2025,
  the only year the program's current agreements were signed in around that date, and flagged;
- a county given without "County" ("Decatur");
- agreements without a signing date (kept, with the date left empty);
- curly apostrophes in some agency names (the same agency spelled two ways);
- a stray quote in TYPE;
- states spelled out in capitals: mapped to postal codes.
A row the cleaner cannot read is a data error naming its line and column; every row is checked.
An agreement belongs to an agency, not to a jurisdiction.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from urllib.parse import parse_qs, urlsplit

from ..errors import FileCheck
from . import placement
from .table import Row

PENDING_COLUMNS = ("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE")
COLUMNS = (*PENDING_COLUMNS, "SIGNED", "MOA")
SOURCE_URL = "https://www.ice.gov/identify-and-arrest/287g"

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
    # territories: on the sheet, outside the guide's 50 states and DC
    "GUAM": "GU", "NORTHERN MARIANA ISLANDS": "MP", "PUERTO RICO": "PR", "U.S. VIRGIN ISLANDS": "VI",
}


# Misspelled state names seen on ICE's sheets, read as the state they name.
STATE_SPELLINGS = {"PENNSLYVANIA": "PENNSYLVANIA"}
MODELS = {"Task Force Model": "task-force", "Warrant Service Officer": "warrant-service-officer",
          "Jail Enforcement Model": "jail-enforcement"}
MODEL_ORDER = tuple(MODELS.values())  # the order pages show the models in
AGENCY_TYPES = {"County": "county", "Municipality": "municipality", "State Agency": "state-agency", "State": "state-agency"}
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
    moa_url: str = ""  # the signed agreement on ice.gov (never an e-mail "safe links" redirect)
    scope: str = ""  # county | statewide | territory (see placement.py); "" when not placed
    county_fips: str = ""  # the county it is placed in
    placed_by: str = ""  # the id of the placement rule

    def row(self) -> dict:
        out = asdict(self)
        out["fixes"] = "; ".join(self.fixes)
        return out


def _clean(value: str) -> str:
    return _SPACES.sub(" ", value or "").strip()


def moa_address(cell: str) -> tuple[str, str]:
    """The signed agreement's address from the MOA cell, and the fix made: ICE's sheet wraps some
    links in an e-mail "safe links" redirect; the ice.gov address inside it is the one to publish."""
    cell = cell.strip()
    if not cell.lower().startswith("http"):
        return "", ""
    parts = urlsplit(cell)
    if parts.netloc.endswith("safelinks.protection.outlook.com"):
        inner = parse_qs(parts.query).get("url", [""])[0]
        return inner, "unwrapped a safe-links redirect in MOA"
    return cell, ""


def clean_rows(rows: list[Row], check: FileCheck, as_of: str, pending: bool = False,
               gazetteer: placement.Gazetteer | None = None) -> list[Agreement]:
    """Clean every row; a row that cannot be read is reported (line and column) and left out.
    A pending request has no signing date nor agreement. With a gazetteer, every row is placed in
    a county or explicitly classified (placement.py); a row no rule places is an error."""
    out = []
    for raw in rows:
        r = {_clean(k): _clean(v) for k, v in raw.values.items() if k is not None}
        fixes: list[str] = []
        problems = len(check.errors)
        if any((v or "") != _clean(v or "") for v in raw.values.values() if isinstance(v, str)):
            fixes.append("trimmed spaces")
        state_name = r["STATE"].upper()
        if state_name in STATE_SPELLINGS:
            fixes.append(f"state {r['STATE']!r} read as {STATE_SPELLINGS[state_name].title()!r}")
            state_name = STATE_SPELLINGS[state_name]
        state = STATE_CODES.get(state_name)
        if state is None:
            check.at(raw.line, "STATE", f"unknown state {r['STATE']!r}")
        model = MODELS.get(r["SUPPORT TYPE"])
        if model is None:
            check.at(raw.line, "SUPPORT TYPE", f"unknown support type {r['SUPPORT TYPE']!r} (known: {', '.join(MODELS)})")
        agency_type = AGENCY_TYPES.get(r["TYPE"].strip('"'))
        if agency_type is None:
            check.at(raw.line, "TYPE", f"unknown agency type {r['TYPE']!r} (known: {', '.join(AGENCY_TYPES)})")
        if r["TYPE"] != r["TYPE"].strip('"'):
            fixes.append("removed stray quote in TYPE")
        if r["TYPE"] == "State":
            fixes.append("TYPE 'State' read as 'State Agency'")
        signed = "" if pending else r["SIGNED"]
        if not signed:
            if not pending:
                fixes.append("no signing date in the sheet")
        elif not re.fullmatch(r"\d{4}-\d{2}-\d{2}", signed):
            check.at(raw.line, "SIGNED", f"signing date {signed!r} is not YYYY-MM-DD")
            signed = ""
        if signed.startswith("5025-"):
            signed = "2025-" + signed[5:]
            fixes.append("signing year 5025 read as 2025")
        if signed and not "2000-01-01" <= signed <= as_of:
            check.at(raw.line, "SIGNED", f"signing date {signed} outside 2000-01-01..{as_of} (the sheet's date)")
        county = r["COUNTY"]
        agency = r["LAW ENFORCEMENT AGENCY"].replace("\u2019", "'")
        if agency != r["LAW ENFORCEMENT AGENCY"]:
            fixes.append("straight apostrophe in the agency name")
        moa_url, moa_fix = ("", "") if pending else moa_address(r["MOA"])
        if moa_fix:
            fixes.append(moa_fix)
        placed = placement.Placement("")
        if gazetteer is not None and state and agency_type:
            found = placement.place(placement.Row287g(state, county, agency, agency_type), gazetteer)
            if isinstance(found, str):
                check.at(raw.line, "COUNTY", found)
            else:
                placed = found
                if found.note:
                    fixes.append(found.note)
                if found.scope == placement.COUNTY:
                    county = gazetteer.county_by_fips[found.county_fips].name
                else:
                    county = ""
        elif county and not _COUNTY_SUFFIX.search(county):
            county += " Parish" if state == "LA" else " County"
            fixes.append("added 'County' to the county name")
        if len(check.errors) > problems:
            continue
        published = not pending and (r["MOA"].lower() == "link" or bool(moa_url))
        out.append(Agreement(state, agency, agency_type, county, model, signed, published, tuple(fixes),
                             moa_url, placed.scope, placed.county_fips, placed.rule))
    return out


def county_key(state: str, county: str) -> tuple[str, str]:
    """Match county names across sources: 'St. Lucie County' ~ 'St. Lucie'."""
    name = _COUNTY_SUFFIX.sub("", county).strip().lower().replace("saint ", "st. ")
    return state, name
