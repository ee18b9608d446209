"""Place each 287(g) agreement in a county, or classify it explicitly (plain Python).

ICE's sheets name counties in many ways (parishes, boroughs, independent cities, "St."/"Saint",
"Doña Ana", a missing "County", misspellings, "#N/A"). Each way is a named rule, tried in order;
the first that places a row wins and its id is kept with the agreement. A row no rule places is a
data error naming its line and text. An agreement belongs to an agency: a state agency's covers
the whole state; a row from a territory is classified as such.

Order matters (see RULES): explicit tables of agencies seen on the sheets come first, each entry
saying why; then the sheet's TYPE (state agencies); then its county column (misspelled, or as
Census names it); last, for a row without a county, the county named by the agency, or the Census
town it polices. An agency listed in HELD is classified "regional": it acts in several counties
(named in its note) and has no one county page; the 287(g) list shows it with that note.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .census import County, Town

COUNTY = "county"
STATEWIDE = "statewide"
TERRITORY = "territory"
REGIONAL = "regional"  # several counties, none of them its own (see HELD)
TERRITORIES = {"GU", "MP", "PR", "VI", "AS"}


@dataclass(frozen=True)
class Placement:
    scope: str  # county | statewide | territory | regional
    county_fips: str = ""  # for scope county
    rule: str = ""  # the id of the rule that placed the row
    note: str = ""  # what was read differently from the sheet, if anything


def fold(text: str) -> str:
    """Lowercase, no accents, 'saint' as 'st.', single spaces: how names are compared."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'")).encode("ascii", "ignore").decode()
    text = re.sub(r"\s+", " ", text.lower()).strip()
    return re.sub(r"\bsaint\b", "st.", re.sub(r"\bst\b(?!\.)", "st.", text))


_SUFFIX = re.compile(r"\s+(county|parish|borough|city and borough|census area|municipality|municipio|city)$")


@dataclass
class Gazetteer:
    """The Census counties and towns of every state, indexed for placing rows."""

    counties: Iterable[County]
    towns: Iterable[Town]
    state_fips: dict[str, str]  # postal code -> state FIPS
    by_name: dict[tuple[str, str], list[County]] = field(default_factory=dict, init=False)
    by_bare: dict[tuple[str, str], list[County]] = field(default_factory=dict, init=False)
    towns_by_name: dict[tuple[str, str], list[Town]] = field(default_factory=dict, init=False)
    county_by_fips: dict[str, County] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.counties = list(self.counties)
        self.towns = list(self.towns)
        self.county_by_fips = {c.fips: c for c in self.counties}
        for c in self.counties:
            self.by_name.setdefault((c.state_fips, fold(c.name)), []).append(c)
            self.by_bare.setdefault((c.state_fips, _SUFFIX.sub("", fold(c.name))), []).append(c)
        for t in self.towns:
            self.towns_by_name.setdefault((t.state_fips, fold(t.name)), []).append(t)

    def counties_named(self, state: str, name: str) -> list[County]:
        """The counties of a state with this name: its full Census name, else the name without its
        suffix ('Baltimore' is Baltimore County and Baltimore city; 'Baltimore city' is one)."""
        sf = self.state_fips.get(state)
        return list(self.by_name.get((sf, fold(name))) or self.by_bare.get((sf, _SUFFIX.sub("", fold(name)))) or [])

    def county_named(self, state: str, name: str) -> County | None:
        """The one county of a state with this name (full, or without its suffix)."""
        hits = self.counties_named(state, name)
        return hits[0] if len(hits) == 1 else None

    def principal_county(self, state: str, town: str) -> County | None:
        """The county holding most of a town's people (a town may lie in several)."""
        parts = self.towns_by_name.get((self.state_fips.get(state), fold(town)), [])
        if not parts:
            return None
        geoids = {p.geoid for p in parts}
        if len(geoids) > 1:
            return None  # two towns of the same name in one state: not for a rule to guess
        best = max(parts, key=lambda p: p.pop_in_county)
        return self.county_by_fips.get(best.county_fips)


@dataclass(frozen=True)
class Row287g:
    state: str  # postal code
    county: str  # the sheet's text, spaces cleaned
    agency: str
    agency_type: str  # county | municipality | state-agency


Rule = Callable[[Row287g, Gazetteer], Placement | None]


def territory(row: Row287g, gz: Gazetteer) -> Placement | None:
    """A row from a U.S. territory: no county of the 50 states and DC."""
    return Placement(TERRITORY, rule="territory") if row.state in TERRITORIES else None


def state_agency(row: Row287g, gz: Gazetteer) -> Placement | None:
    """A state agency (highway patrol, corrections, ...) acts statewide."""
    return Placement(STATEWIDE, rule="state-agency") if row.agency_type == "state-agency" else None


def county_name(row: Row287g, gz: Gazetteer) -> Placement | None:
    """The sheet's county, as Census names it, with or without 'County'/'Parish', 'St.'/'Saint', accents."""
    county = gz.county_named(row.state, row.county) if row.county else None
    if county is None:
        return None
    note = "" if fold(row.county) == fold(county.name) else f"county {row.county!r} read as {county.name!r}"
    return Placement(COUNTY, county.fips, "county-name", note)


# ---------------------------------------------------------------- explicit tables
# Each entry is one agency (or one spelling) actually seen on ICE's sheets, with why it goes where
# it goes. Keys are compared folded (see fold). A table entry always names a county of the row's
# own state: the lookups are by state.

_PLACEHOLDERS = {"", "#n/a", "#na", "n/a", "na", "county"}  # "County" alone: a name left out


def no_county(row: Row287g) -> bool:
    """The sheet gives no county: empty, '#N/A', '#NA', 'N/A', or a bare 'County'."""
    return fold(row.county) in _PLACEHOLDERS


# Held back: agencies no rule may place, because the right county cannot be told from what is
# here. Each stays a data error (saying why) until someone decides; nothing is guessed.
HELD: dict[tuple[str, str], str] = {
    # ICE types it "State Agency" (2025-07-18) and "County" (2026-02-18); it is neither: a jail
    # authority of many counties and cities of southwest Virginia, with jails in several of them
    # (Abingdon, Duffield, Haysi, Tazewell), and no county is given in either sheet.
    ("VA", "Southwest Virginia Regional Jail Authority"):
        "a regional jail authority of several counties, with jails in several of them; no county in either sheet",
    # The airport lies on the Sarasota-Manatee county line (terminal in Sarasota County, airfield in
    # Manatee County) and its authority is run jointly by both counties.
    ("FL", "Sarasota Manatee Airport Authority Police Department"):
        "the airport and its authority straddle the Sarasota-Manatee county line; no county in either sheet",
    # A state attorney's office acts in its judicial circuit only (Florida's sixth: Pasco and Pinellas
    # counties); ICE types it "State Agency" and gives no county.
    ("FL", "Office of the State Attorney Sixth Judicial Circuit"):
        "a state attorney's office for one judicial circuit of two counties (Pasco, Pinellas): neither statewide nor one county",
    # Pennsylvania has four Derry Townships (Dauphin, Mifflin, Montour, Westmoreland counties); the
    # 2025-07-18 sheet gives no county and the 2026-02-18 sheet no longer lists the agency.
    ("PA", "Derry Township Constable's Office"):
        "four Derry Townships in Pennsylvania (Dauphin, Mifflin, Montour, Westmoreland); no county in the sheet",
}

# State agencies the sheet types otherwise: they act statewide.
STATE_AGENCIES: dict[tuple[str, str], str] = {
    # 2025-07-18: "Municipality", "Pulaski County" (its headquarters, Little Rock); the 2026-02-18
    # sheet types the same agreement (signed 2025-07-07) "State Agency".
    ("AR", "Arkansas State Police Department"): "typed 'Municipality' in the sheet: Arkansas's state police",
    # 2025-07-18: "Municipality", no county; the 2026-02-18 sheet types the same agreement (signed
    # 2025-05-20) "State Agency". A state office.
    ("LA", "Louisiana Alcohol and Tobacco Control"): "typed 'Municipality' in the sheet: a Louisiana state office",
}

# Misspelled county names: (state, the sheet's text) -> the Census county. One entry per spelling
# seen; each checked against the agencies of the rows that carry it (tests/test_placement.py).
MISSPELLED_COUNTIES: dict[tuple[str, str], str] = {
    ("AL", "Frankin County"): "Franklin County",  # Franklin County Sheriff's Office
    ("AR", "Layafette County"): "Lafayette County",  # Lafayette County Sheriff's Office
    ("AR", "Pop County"): "Pope County",  # Pope County Sheriff's Office
    ("FL", "Flager County"): "Flagler County",  # Bunnell Police Department: Bunnell is Flagler's seat
    ("FL", "Flagere County"): "Flagler County",  # the same agency in the 2025-07-18 sheet
    ("FL", "Lake Conty"): "Lake County",  # Howey-in-the-Hills Police Department: a town of Lake County
    ("FL", "St. Luice County"): "St. Lucie County",  # Port St. Lucie Police Department
    ("IN", "Stueben County"): "Steuben County",  # Angola Police Department: Angola is Steuben's seat
    ("LA", "Calacasieu Parish"): "Calcasieu Parish",  # Calcasieu Parish Sheriff's Office
    ("MI", "Berrian County"): "Berrien County",  # "Berrian County Sheriff's Office": Berrien's sheriff
    ("OK", "Bryant County"): "Bryan County",  # Bokchito Police Department: a town of Bryan County
    ("PA", "Alleghany County"): "Allegheny County",  # Monroeville and Robinson Township: Allegheny County
    ("PA", "Miffin County"): "Mifflin County",  # Lewistown Borough: Mifflin's seat
    ("SC", "McCorkmick County"): "McCormick County",  # McCormick County Sheriff's Office
    ("TX", "Fall County"): "Falls County",  # Marlin Police Department: Marlin is Falls County's seat
    ("TX", "Guadalupe Conty"): "Guadalupe County",  # New Berlin Marshal's Office: a city of Guadalupe County
    ("TX", "Lampass County"): "Lampasas County",  # "Lampass County Sheriff's Office": Lampasas's sheriff
}

# A county column that names another place (or a wrong county), read from the agency:
# (state, agency, the sheet's text) -> (Census county, why). Only that agency's rows with that text.
MISREAD_COUNTIES: dict[tuple[str, str, str], tuple[str, str]] = {
    ("AL", "Cherokee Police Department", "Cherokee County"): (
        "Colbert County", "Cherokee is a town of Colbert County; Cherokee County has no town of that name"),
    ("AR", "Texarkana Police Department", "Bowie County"): (
        "Miller County", "Bowie County is Texarkana's Texas side; Texarkana, Arkansas lies in Miller County "
        "(ICE's agreement file is TexarkanaPoliceDeptAR)"),
    ("LA", "Morse Police Department", "Arcadia County"): (
        "Acadia Parish", "Morse is a village of Acadia Parish (Arcadia is a town of Bienville Parish)"),
    ("LA", "St. Charles Parish Sheriff's Office", "German Coast County"): (
        "St. Charles Parish", "the German Coast is the old name of St. Charles and St. John the Baptist parishes; "
        "the agency is St. Charles Parish's sheriff"),
    ("LA", "St. Charles Place Sheriff's Office", "German Coast County"): (
        "St. Charles Parish", "the German Coast is the old name of St. Charles and St. John the Baptist parishes; "
        "the agency ('Place' for 'Parish') is St. Charles Parish's sheriff"),
    ("TN", "Madison County Sheriff's Office", "Macon County"): (
        "Madison County", "the agency is Madison County's sheriff; the 2026-02-18 sheet gives the same "
        "agreement (signed 2025-07-02) as Madison County"),
    ("TN", "Sparta Police Department", "Sparta-White County"): (
        "White County", "Sparta is the seat of White County"),
    ("TX", "Tye Police Department", "Galveston County"): (
        "Taylor County", "Tye is a city of Taylor County; Galveston County has no town of that name"),
    ("TX", "Yoakum Police Department", "Yoakum County"): (
        "Lavaca County", "the city of Yoakum lies in Lavaca and DeWitt counties, most of its people in Lavaca "
        "County (ICE's agreement file is YoakumPDTX); Yoakum County has no town of that name"),
}

# Universities and colleges (their police, or their boards of trustees, which sign for them): the
# county of the main campus. The 2025-07-18 sheet types most of them "State Agency", but a campus
# police acts on its campus, not statewide.
CAMPUSES: dict[tuple[str, str], tuple[str, str]] = {
    ("FL", "District Board of Trustees of Pensacola State College"): (
        "Escambia County", "the college is in Pensacola, Escambia County, as the sheet says"),
    ("FL", "Florida A&M University Board of Trustees"): ("Leon County", "Florida A&M University is in Tallahassee"),
    ("FL", "Florida Gulf Coast University Police Department"): ("Lee County", "the campus is south of Fort Myers, Lee County"),
    ("FL", "Florida International University Police Department"): ("Miami-Dade County", "both main campuses are in Miami-Dade County"),
    ("FL", "Florida Polytechnic University Police Department"): ("Polk County", "the campus is in Lakeland"),
    ("FL", "Florida Southwestern State College Police Department"): (
        "Lee County", "the main campus is in Fort Myers; others are in Collier and Charlotte counties"),
    ("FL", "Florida State College at Jacksonville Police Department"): ("Duval County", "the college is in Jacksonville"),
    ("FL", "New College of Florida Police Department"): (
        "Sarasota County", "the campus is in Sarasota, just south of the Manatee county line"),
    ("FL", "Northwest Florida State College Police Department"): ("Okaloosa County", "the main campus is in Niceville"),
    ("FL", "Tallahassee State College Police Department"): ("Leon County", "the college is in Tallahassee"),
    ("FL", "University of Central Florida Board of Trustees"): (
        "Orange County", "the university is in Orlando, Orange County, where the 2026-02-18 sheet places its police"),
    ("FL", "University of Florida Police Department"): ("Alachua County", "the university is in Gainesville"),
    ("FL", "University of North Florida Police Department"): ("Duval County", "the university is in Jacksonville"),
    ("FL", "University of West Florida Police Department"): ("Escambia County", "the university is in Pensacola"),
}

# Airport police: the county the airport lies in.
AIRPORT_POLICE: dict[tuple[str, str], tuple[str, str]] = {
    ("FL", "Melbourne International Airport Police Department"): (
        "Brevard County", "Melbourne Orlando International Airport is in Melbourne, Brevard County"),
    ("FL", "Sanford Airport Police Department"): (
        "Seminole County", "Orlando Sanford International Airport is in Sanford, Seminole County"),
}

# County agencies that are not a sheriff, where the sheet's TYPE would place them otherwise.
COUNTY_AGENCIES: dict[tuple[str, str], tuple[str, str]] = {
    # TYPE "State" in the 2026-02-18 sheet: it is Wicomico County's own jail.
    ("MD", "Wicomico County Corrections Center"): ("Wicomico County", "the county's own detention center"),
}

# Agencies of several counties with one seat: the county of the seat.
REGIONAL_AGENCIES: dict[tuple[str, str], tuple[str, str]] = {
    # TYPE "State Agency" in the 2026-02-18 sheet, but a judicial district's task force, not a state agency.
    ("AR", "16th Judicial Distric Drug Task Force"): (
        "Independence County", "a judicial district's drug task force; the sheet names Independence County"),
    # The sheet's "Albemarle County": North Carolina has none (Albemarle is a city of Stanly County).
    ("NC", "Albemarle District Jail"): (
        "Pasquotank County", "the district jail of Camden, Pasquotank and Perquimans counties is in Elizabeth City, "
        "Pasquotank County"),
    ("VA", "Rappahannock, Shenandoah, Warren Regional Jail Authority"): (
        "Warren County", "the authority's one jail is north of Front Royal, Warren County"),
    ("PA", "Northwest Regional Police Department"): (
        "Lancaster County", "the regional police of Mount Joy and West Donegal townships, Lancaster County"),
}

# Townships and New England towns: county subdivisions, which the Census places file does not hold.
# Each name is the only one of its kind in its state.
TOWNSHIPS: dict[tuple[str, str], tuple[str, str]] = {
    ("ME", "Wells Police Department"): ("York County", "Wells is a town of York County"),
    ("NH", "Candia Police Department"): ("Rockingham County", "Candia is a town of Rockingham County"),
    ("NH", "Carroll Police Department"): ("Coos County", "Carroll is a town of Coos County"),
    ("NH", "Colebrook Police Department"): ("Coos County", "Colebrook is a town of Coos County"),
    ("NH", "Gorham Police Department"): ("Coos County", "Gorham is a town of Coos County"),
    ("NH", "Ossipee Police Department"): ("Carroll County", "Ossipee is a town of Carroll County"),
    ("NH", "Pittsburgh Police Department"): ("Coos County", "'Pittsburgh' read as Pittsburg, a town of Coos County"),
    ("NH", "Troy Police Department"): ("Cheshire County", "Troy is a town of Cheshire County"),
    ("PA", "Damascus Township Constable"): ("Wayne County", "Damascus Township is in Wayne County"),
    ("PA", "East Donegal Township Constables Office"): (
        "Lancaster County", "East Donegal Township is in Lancaster County, as the 2025-07-18 sheet says"),
    ("PA", "New Sewickley Township Police Department"): ("Beaver County", "New Sewickley Township is in Beaver County"),
    ("PA", "Preston Township Constable's Office"): ("Wayne County", "Preston Township is in Wayne County"),
    ("PA", "Sewickley Township Constable's Office"): ("Westmoreland County", "Sewickley Township is in Westmoreland County"),
}

# Georgia's towns are missing from the Census places file: each Georgia town agency without a county.
GEORGIA_TOWNS: dict[tuple[str, str], tuple[str, str]] = {
    ("GA", "Euharlee Police Department"): ("Bartow County", "Euharlee is a city of Bartow County"),
}

# Town names the sheet spells otherwise than Census: (state, the sheet's town) -> Census town name.
TOWN_SPELLINGS: dict[tuple[str, str], str] = {
    ("FL", "Sunny Isles"): "Sunny Isles Beach",
    ("IN", "Green Forks"): "Greens Fork",  # the 2025-07-18 sheet; the 2026-02-18 sheet has "Greens Fork"
}


def _index(table: dict) -> dict:
    return {(key[0], *(fold(k) for k in key[1:])): value for key, value in table.items()}


_HELD, _STATE_AGENCIES = _index(HELD), _index(STATE_AGENCIES)
_MISSPELLED, _MISREAD, _TOWN_SPELLINGS = _index(MISSPELLED_COUNTIES), _index(MISREAD_COUNTIES), _index(TOWN_SPELLINGS)


def _read_as(row: Row287g, gz: Gazetteer, county: County, why: str) -> str:
    """The note for a county read from something other than the sheet's county column (and TYPE)."""
    typed = "typed a state agency in the sheet, but not statewide; " if row.agency_type == "state-agency" else ""
    if no_county(row):
        return f"{typed}no county in the sheet ({row.county or 'empty'}): placed in {county.name}: {why}"
    if gz.county_named(row.state, row.county) == county:
        return f"{typed}{why}" if typed else ""
    return f"{typed}county {row.county!r} read as {county.name}: {why}"


def _listed(table: dict[tuple[str, str], tuple[str, str]], rule: str, doc: str) -> Rule:
    """A rule placing the agencies of one table, (state, agency) -> (Census county, why)."""
    index = _index(table)

    def listed(row: Row287g, gz: Gazetteer) -> Placement | None:
        found = index.get((row.state, fold(row.agency)))
        county = gz.county_named(row.state, found[0]) if found else None
        return Placement(COUNTY, county.fips, rule, _read_as(row, gz, county, found[1])) if county else None
    listed.__name__ = listed.__qualname__ = rule.replace("-", "_")
    listed.__doc__ = doc
    return listed


def state_agency_listed(row: Row287g, gz: Gazetteer) -> Placement | None:
    """A state agency the sheet types as a municipality or county (STATE_AGENCIES): statewide."""
    if row.agency_type == "state-agency":
        return None  # typed right: state_agency places it
    why = _STATE_AGENCIES.get((row.state, fold(row.agency)))
    return Placement(STATEWIDE, rule="state-agency-listed", note=why) if why else None


def county_misread(row: Row287g, gz: Gazetteer) -> Placement | None:
    """A county column naming the wrong place for this agency (MISREAD_COUNTIES), read from the agency."""
    found = _MISREAD.get((row.state, fold(row.agency), fold(row.county)))
    county = gz.county_named(row.state, found[0]) if found else None
    return Placement(COUNTY, county.fips, "county-misread", _read_as(row, gz, county, found[1])) if county else None


def county_misspelled(row: Row287g, gz: Gazetteer) -> Placement | None:
    """A misspelled county (MISSPELLED_COUNTIES): 'Frankin County' is Franklin County."""
    name = _MISSPELLED.get((row.state, fold(row.county)))
    county = gz.county_named(row.state, name) if name else None
    return Placement(COUNTY, county.fips, "county-misspelled", f"county {row.county!r} read as {county.name!r}") if county else None


campus = _listed(CAMPUSES, "campus", "A university's or college's police or board (CAMPUSES): the county of its main campus.")
airport_police = _listed(AIRPORT_POLICE, "airport-police", "An airport's police (AIRPORT_POLICE): the county of the airport.")
county_agency = _listed(COUNTY_AGENCIES, "county-agency",
                        "A county agency that is not a sheriff, typed otherwise in the sheet (COUNTY_AGENCIES).")
regional_agency = _listed(REGIONAL_AGENCIES, "regional-agency",
                          "A district jail, task force or regional police of several counties (REGIONAL_AGENCIES): its seat.")
township = _listed(TOWNSHIPS, "township", "A township's or New England town's agency (TOWNSHIPS): not in the Census places file.")
georgia_town = _listed(GEORGIA_TOWNS, "georgia-town",
                       "A Georgia town's agency without a county (GEORGIA_TOWNS): Georgia is missing from the places file.")

_SHERIFF = re.compile(r"^(?P<name>.+?)\s+(?P<kind>county|parish)(?:'s)?\s+sheriff(?:'s|s)?(?:\s+(?:office|department))?$")


def agency_county(row: Row287g, gz: Gazetteer) -> Placement | None:
    """No county in the sheet, and the agency is '<Name> County Sheriff's Office': that county."""
    if not no_county(row):
        return None
    m = _SHERIFF.match(fold(row.agency))
    county = gz.county_named(row.state, f"{m['name']} {m['kind']}") if m else None
    if county is None:
        return None
    return Placement(COUNTY, county.fips, "agency-county", f"no county in the sheet ({row.county or 'empty'}): read from the agency")


_TOWN_AGENCY = re.compile(
    r"^(?:(?:city|town|village) of\s+)?(?P<town>.+?)\s+(?:police services department|police department|police dept\.?|"
    r"department of public safety|public safety department|public safety|police|city marshal's office|marshal'?s office)$")
_TOWN_DESCRIPTOR = re.compile(r"\s+(borough|village|town|city)$")


def _town_parts(gz: Gazetteer, state: str, name: str) -> list[Town]:
    """The parts (one per county) of the one town of the state with this name; [] if none, or several towns."""
    sf = gz.state_fips.get(state)
    parts = gz.towns_by_name.get((sf, fold(name)), [])
    if not parts:  # "Manheim Borough": the borough Census calls "Manheim borough"
        m = _TOWN_DESCRIPTOR.search(fold(name))
        if m:
            parts = [t for t in gz.towns_by_name.get((sf, fold(name)[:m.start()]), [])
                     if t.census_name.lower().endswith(" " + m[1])]
    return parts if len({p.geoid for p in parts}) == 1 else []


def agency_town(row: Row287g, gz: Gazetteer) -> Placement | None:
    """No county in the sheet, and the agency is a town's police (department, marshal, public safety):
    the county of that Census town, or, for a town in several counties, the one holding most of its people."""
    if not no_county(row):
        return None
    m = _TOWN_AGENCY.match(fold(row.agency))
    if m is None:
        return None
    town = _TOWN_SPELLINGS.get((row.state, m["town"]), m["town"])
    parts = _town_parts(gz, row.state, town)
    if not parts:
        return None
    best = max(parts, key=lambda p: p.pop_in_county)
    county = gz.county_by_fips.get(best.county_fips)
    if county is None:
        return None
    note = f"no county in the sheet ({row.county or 'empty'}): {best.census_name}"
    if town != m["town"]:
        note += f" (the sheet writes {m['town'].title()!r})"
    if len(parts) > 1:
        note += (f" lies in {len(parts)} counties; placed in {county.name}, which holds most of its people "
                 f"({best.pop_in_county:,} of {best.pop_total:,})")
    else:
        note += f" is in {county.name}"
    return Placement(COUNTY, county.fips, "agency-town", note)


# Tried in order: explicit tables before the generic rules, so a listed entry wins when both match.
# The agency tables come before state_agency: they correct the sheet's TYPE too (a campus police
# typed "State Agency" acts on its campus). The county-text rules come after it: a state agency acts
# statewide whatever county the sheet writes.
RULES: tuple[Rule, ...] = (
    territory, state_agency_listed,
    campus, airport_police, county_agency, regional_agency, township, georgia_town, county_misread,
    state_agency, county_misspelled, county_name, agency_county, agency_town,
)


def place(row: Row287g, gz: Gazetteer) -> Placement | str:
    """The first rule's placement, or a message saying what no rule could place (or why it is held)."""
    held = _HELD.get((row.state, fold(row.agency)))
    if held:
        return Placement(REGIONAL, rule="regional", note=f"not placed in one county: {held}")
    for rule in RULES:
        found = rule(row, gz)
        if found is not None:
            return found
    return f"no rule places {row.agency!r} (county {row.county!r}) in a county of {row.state}"
