"""Placing ICE's 287(g) rows in counties (sanctuary.reference.placement): each rule on rows it
places and rows it must not place, with a small hand-made gazetteer; then the real sheets, every
row placed or classified."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from sanctuary import load
from sanctuary.reference import placement as P
from sanctuary.reference.census import County, Town
from sanctuary.reference.placement import COUNTY, STATEWIDE, TERRITORY, Row287g

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------- a small gazetteer

STATE_FIPS = {"AL": "01", "AR": "05", "FL": "12", "GA": "13", "LA": "22", "MD": "24", "NC": "37", "NH": "33",
              "PA": "42", "TN": "47", "TX": "48", "VA": "51", "GU": "66"}
COUNTIES = [
    ("01059", "Franklin County"), ("01025", "Clarke County"), ("01033", "Colbert County"), ("01019", "Cherokee County"),
    ("05091", "Miller County"), ("05119", "Pulaski County"),
    ("12095", "Orange County"), ("12117", "Seminole County"), ("12035", "Flagler County"), ("12001", "Alachua County"),
    ("12115", "Sarasota County"), ("12081", "Manatee County"),
    ("13015", "Bartow County"), ("13145", "Harris County"),
    ("22001", "Acadia Parish"), ("22089", "St. Charles Parish"), ("22013", "Bienville Parish"),
    ("24045", "Wicomico County"),
    ("37139", "Pasquotank County"), ("37029", "Camden County"),
    ("33007", "Coos County"),
    ("42127", "Wayne County"), ("42071", "Lancaster County"), ("42003", "Allegheny County"),
    ("47113", "Madison County"), ("47111", "Macon County"),
    ("48201", "Harris County"), ("48177", "Gonzales County"), ("48493", "Wilson County"), ("48145", "Falls County"),
    ("48037", "Bowie County"),
    ("51670", "Hopewell city"), ("51059", "Fairfax County"), ("51600", "Fairfax city"),
]
TOWNS = [  # geoid, plain name, Census name, county FIPS, people in that county, people in all
    ("1201700", "Apopka", "Apopka city", "12095", 60000, 60000),
    ("1250525", "Oakland", "Oakland town", "12095", 3796, 3796),
    ("1299991", "Oakland", "Oakland city", "12117", 100, 100),  # made up: a second Oakland in Florida
    ("0568810", "Texarkana", "Texarkana city", "05091", 28897, 28897),
    ("4872368", "Texarkana", "Texarkana city", "48037", 35971, 35971),
    ("4851588", "Nixon", "Nixon city", "48177", 2389, 2400),
    ("4851588", "Nixon", "Nixon city", "48493", 11, 2400),
    ("4246888", "Manheim", "Manheim borough", "42071", 5011, 5011),
    ("2252180", "Morse", "Morse village", "22001", 700, 700),
    ("0114152", "Cherokee", "Cherokee town", "01033", 967, 967),
]


@pytest.fixture(scope="module")
def gz() -> P.Gazetteer:
    counties = [County(fips, fips[:2], name, 1000) for fips, name in COUNTIES]
    towns = [Town(g, n, cn, fips[:2], fips, part, total) for g, n, cn, fips, part, total in TOWNS]
    return P.Gazetteer(counties, towns, STATE_FIPS)


def row(state: str, county: str, agency: str, kind: str = "municipality") -> Row287g:
    return Row287g(state, county, agency, kind)


# ---------------------------------------------------------------- each rule, rows it places

PLACED = [
    # (row, scope, county FIPS, rule id)
    (row("GU", "#NA", "Office Of The Attorney General", "state-agency"), TERRITORY, "", "territory"),
    (row("TX", "", "Texas Department of Public Safety", "state-agency"), STATEWIDE, "", "state-agency"),
    (row("AR", "Pulaski County", "Arkansas State Police Department", "state-agency"), STATEWIDE, "", "state-agency"),
    (row("AR", "Pulaski County", "Arkansas State Police Department"), STATEWIDE, "", "state-agency-listed"),
    (row("FL", "", "University of Florida Police Department", "state-agency"), COUNTY, "12001", "campus"),
    (row("FL", "#N/A", "University of Florida Police Department"), COUNTY, "12001", "campus"),
    (row("FL", "#N/A", "Sanford Airport Police Department"), COUNTY, "12117", "airport-police"),
    (row("MD", "Wicomico County", "Wicomico County Corrections Center", "state-agency"), COUNTY, "24045", "county-agency"),
    (row("NC", "Albemarle County", "Albemarle District Jail", "county"), COUNTY, "37139", "regional-agency"),
    (row("PA", "#N/A", "Damascus Township Constable"), COUNTY, "42127", "township"),
    (row("NH", "", "Pittsburgh Police Department"), COUNTY, "33007", "township"),
    (row("GA", "#N/A", "Euharlee Police Department"), COUNTY, "13015", "georgia-town"),
    (row("TN", "Macon County", "Madison County Sheriff's Office", "county"), COUNTY, "47113", "county-misread"),
    (row("AR", "Bowie County", "Texarkana Police Department"), COUNTY, "05091", "county-misread"),
    (row("LA", "Arcadia County", "Morse Police Department"), COUNTY, "22001", "county-misread"),
    (row("LA", "German Coast County", "St. Charles Parish Sheriff's Office", "county"), COUNTY, "22089", "county-misread"),
    (row("AL", "Cherokee County", "Cherokee Police Department"), COUNTY, "01033", "county-misread"),
    (row("AL", "Frankin County", "Franklin County Sheriff's Office", "county"), COUNTY, "01059", "county-misspelled"),
    (row("FL", "Flagere County", "Bunnell Police Department"), COUNTY, "12035", "county-misspelled"),
    (row("FL", "Flager County", "Bunnell Police Department"), COUNTY, "12035", "county-misspelled"),
    (row("TX", "Fall County", "Marlin Police Department"), COUNTY, "48145", "county-misspelled"),
    (row("GA", "Harris County", "Harris County Sheriff's Office", "county"), COUNTY, "13145", "county-name"),
    (row("TX", "Harris County", "Harris County Sheriff's Office", "county"), COUNTY, "48201", "county-name"),
    (row("TN", "Macon County", "Macon County Sheriff's Office", "county"), COUNTY, "47111", "county-name"),
    (row("TN", "Madison County", "Madison County Sheriff's Office", "county"), COUNTY, "47113", "county-name"),
    (row("AL", "Cherokee County", "Cherokee County Sheriff's Office", "county"), COUNTY, "01019", "county-name"),
    (row("VA", "Hopewell County", "Hopewell County Sheriff's Office", "county"), COUNTY, "51670", "county-name"),
    (row("VA", "Fairfax County", "Fairfax County Police Department", "county"), COUNTY, "51059", "county-name"),
    (row("LA", "Saint Charles", "St. Charles Parish Sheriff's Office", "county"), COUNTY, "22089", "county-name"),
    (row("FL", "Seminole County", "Apopka Police Department"), COUNTY, "12117", "county-name"),  # the sheet's county wins
    (row("AL", "County", "Clarke County Sheriff's Office", "county"), COUNTY, "01025", "agency-county"),
    (row("AL", "#N/A", "Clarke County Sheriff's Office", "county"), COUNTY, "01025", "agency-county"),
    (row("LA", "N/A", "St. Charles Parish Sheriff's Office", "county"), COUNTY, "22089", "agency-county"),
    (row("FL", "#N/A", "Apopka Police Department"), COUNTY, "12095", "agency-town"),
    (row("FL", "", "City of Apopka Police Department"), COUNTY, "12095", "agency-town"),
    (row("AR", "#NA", "Texarkana Police Department"), COUNTY, "05091", "agency-town"),  # Arkansas's, not Texas's
    (row("TX", "#N/A", "Texarkana Police Department"), COUNTY, "48037", "agency-town"),
    (row("TX", "", "Nixon Police Department"), COUNTY, "48177", "agency-town"),  # most of its people
    (row("PA", "#N/A", "Manheim Borough Police Department"), COUNTY, "42071", "agency-town"),
]
RULE_IDS = {"territory", "state-agency", "state-agency-listed", "campus", "airport-police", "county-agency",
            "regional-agency", "township", "georgia-town", "county-misread", "county-misspelled", "county-name",
            "agency-county", "agency-town"}


@pytest.mark.parametrize("r, scope, fips, rule", PLACED, ids=[f"{c[3]}:{c[0].state}:{c[0].agency}" for c in PLACED])
def test_a_rule_places_the_row(gz, r, scope, fips, rule):
    found = P.place(r, gz)
    assert not isinstance(found, str), found
    assert (found.scope, found.county_fips, found.rule) == (scope, fips, rule)
    if fips:
        assert fips[:2] == STATE_FIPS[r.state]  # never a county of another state


def test_every_rule_is_tested_and_documented():
    assert {c[3] for c in PLACED} == RULE_IDS
    for rule in P.RULES:
        assert rule.__doc__ and rule.__doc__.strip(), rule.__name__
    assert len({rule.__name__ for rule in P.RULES}) == len(P.RULES)


@pytest.mark.parametrize("r, expected", [
    (row("VA", "Hopewell County", "Hopewell County Sheriff's Office", "county"), "read as 'Hopewell city'"),
    (row("TX", "", "Nixon Police Department"), "lies in 2 counties; placed in Gonzales County, which holds most of its people"),
    (row("AL", "Frankin County", "Franklin County Sheriff's Office", "county"), "'Frankin County' read as 'Franklin County'"),
    (row("TN", "Macon County", "Madison County Sheriff's Office", "county"), "'Macon County' read as Madison County"),
    (row("FL", "", "University of Florida Police Department", "state-agency"), "not statewide"),
    (row("FL", "#N/A", "Apopka Police Department"), "no county in the sheet (#N/A): Apopka city is in Orange County"),
    (row("AL", "County", "Clarke County Sheriff's Office", "county"), "no county in the sheet (County)"),
])
def test_a_placement_says_what_was_read_differently(gz, r, expected):
    assert expected in P.place(r, gz).note


def test_a_placement_as_the_sheet_says_has_no_note(gz):
    assert P.place(row("GA", "Harris County", "Harris County Sheriff's Office", "county"), gz).note == ""
    assert P.place(row("TN", "Madison County", "Madison County Sheriff's Office", "county"), gz).note == ""


# ---------------------------------------------------------------- rows no rule may place

NOT_PLACED = [
    row("TX", "Frankin County", "Franklin County Sheriff's Office", "county"),  # the misspelling is Alabama's
    row("TX", "Macon County", "Madison County Sheriff's Office", "county"),  # the misreading is Tennessee's
    row("FL", "Bowie County", "Texarkana Police Department"),  # no Bowie County in Florida: not Texas's
    row("GA", "#N/A", "Apopka Police Department"),  # Apopka is in Florida: never another state's county
    row("FL", "#N/A", "Oakland Police Department"),  # two Oaklands in the state: not guessed
    row("VA", "Fairfax", "Fairfax Police Department"),  # Fairfax County or Fairfax city
    row("FL", "#N/A", "Springfield Police Department"),  # no such town here
    row("FL", "Lake County", "Howey in the Hills Police Department"),  # no Lake County here; the town does not decide
    row("FL", "#N/A", "Orange County Fire Rescue"),  # neither a sheriff nor a town's police
    row("AL", "Colbert County Sheriff's Office", "Colbert County Sheriff's Office", "county"),  # a county column is not read from the agency
]


@pytest.mark.parametrize("r", NOT_PLACED, ids=[f"{r.state}:{r.county}:{r.agency}" for r in NOT_PLACED])
def test_no_rule_places_the_row(gz, r):
    found = P.place(r, gz)
    assert isinstance(found, str) and found.startswith("no rule places"), found
    assert r.agency in found and r.state in found


@pytest.mark.parametrize("r", [
    row("PA", "#N/A", "Derry Township Constable's Office"),
    row("VA", "", "Southwest Virginia Regional Jail Authority", "state-agency"),  # typed so, but not statewide
    row("VA", "#N/A", "Southwest Virginia Regional Jail Authority", "county"),
    row("FL", "#N/A", "Sarasota Manatee Airport Authority Police Department"),
    row("FL", "#NA", "Office of the State Attorney Sixth Judicial Circuit", "state-agency"),
])
def test_a_held_agency_is_classified_regional_not_put_in_one_county(gz, r):
    found = P.place(r, gz)
    assert found.scope == P.REGIONAL and found.county_fips == "" and found.rule == "regional"
    assert found.note.startswith("not placed in one county: ")


@pytest.mark.parametrize("rule, r", [
    (P.agency_town, row("FL", "Seminole County", "Apopka Police Department")),  # the sheet gives a county
    (P.agency_town, row("FL", "#N/A", "Apopka County Sheriff's Office", "county")),
    (P.agency_county, row("GA", "Harris County", "Harris County Sheriff's Office", "county")),
    (P.agency_county, row("FL", "#N/A", "Apopka Police Department")),
    (P.county_misspelled, row("AL", "Franklin County", "Franklin County Sheriff's Office", "county")),
    (P.county_misread, row("TN", "Madison County", "Madison County Sheriff's Office", "county")),
    (P.state_agency_listed, row("AR", "#N/A", "Arkansas State Police Department", "state-agency")),
    (P.state_agency, row("FL", "#N/A", "Apopka Police Department")),
    (P.campus, row("FL", "Orange County", "Orange County Sheriff's Office", "county")),
    (P.territory, row("TX", "Harris County", "Harris County Sheriff's Office", "county")),
    (P.county_name, row("AR", "Bowie County", "Texarkana Police Department")),
    (P.county_name, row("AL", "#N/A", "Clarke County Sheriff's Office", "county")),
])
def test_a_rule_leaves_rows_it_does_not_know(gz, rule, r):
    assert rule(r, gz) is None


def test_the_tables_are_consistent():
    tables = [P.CAMPUSES, P.AIRPORT_POLICE, P.COUNTY_AGENCIES, P.REGIONAL_AGENCIES, P.TOWNSHIPS, P.GEORGIA_TOWNS]
    keys = [(s, P.fold(a)) for t in tables for s, a in t]
    assert len(keys) == len(set(keys)), "an agency in two tables"
    held = {(s, P.fold(a)) for s, a in P.HELD}
    assert not held & (set(keys) | {(s, P.fold(a)) for s, a in P.STATE_AGENCIES})
    assert all(s == "GA" for s, _ in P.GEORGIA_TOWNS)
    for table in tables:
        assert all(why for _, why in table.values())
    assert all(why for _, why in P.MISREAD_COUNTIES.values())


# ---------------------------------------------------------------- the real sheets

PARTICIPATING = ("ice-287g-2025-07-18", "ice-287g-2026-02-18")
SHEETS = {"ice-287g-2025-07-18": "ice_287g_participating_2025-07-18.csv",
          "ice-287g-2026-02-18": "ice_287g_participating_2026-02-18.csv",
          "ice-287g-pending-2025-07-18": "ice_287g_pending_2025-07-18.csv",
          "ice-287g-pending-2026-02-18": "ice_287g_pending_2026-02-18.csv"}
# The rows of agencies of several counties (placement.HELD), by sheet: classified regional.
HELD_ROWS = {
    "ice-287g-2025-07-18": {"Sarasota Manatee Airport Authority Police Department", "Derry Township Constable's Office",
                            "Southwest Virginia Regional Jail Authority"},
    "ice-287g-2026-02-18": {"Sarasota Manatee Airport Authority Police Department", "Southwest Virginia Regional Jail Authority",
                            "Office of the State Attorney Sixth Judicial Circuit"},
}
SCOPES = {
    "ice-287g-2025-07-18": {COUNTY: 779, STATEWIDE: 50, P.REGIONAL: 3},
    "ice-287g-2026-02-18": {COUNTY: 1350, STATEWIDE: 69, TERRITORY: 3, P.REGIONAL: 3},
    "ice-287g-pending-2025-07-18": {COUNTY: 26},
    "ice-287g-pending-2026-02-18": {COUNTY: 12},
}


@pytest.fixture(scope="module")
def real():
    """The reference snapshots, placed, as load_guide reads them, with any errors kept."""
    reader = load.Reader(ROOT)
    states, _ = load.load_states(reader)
    reference = load.load_snapshots(reader, states)
    return reference, reader.errors


def test_load_guide_places_every_row():
    guide = load.load_guide(ROOT)
    layer = guide.reference.layers["ice-287g-2026-02-18"]
    assert all(a.scope and a.placed_by for a in layer.records)


def _sheet_rows(sheet: str) -> list[dict]:
    with open(ROOT / "data/reference" / SHEETS[sheet], newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("sheet", SHEETS)
def test_every_row_of_every_sheet_is_placed(real, sheet):
    reference, errors = real
    records = reference.layers[sheet].records
    assert [str(e) for e in errors if e.file.endswith(SHEETS[sheet])] == []
    assert len(records) == len(_sheet_rows(sheet))
    assert {a.agency for a in records if a.scope == P.REGIONAL} == HELD_ROWS.get(sheet, set())
    assert all(a.scope in (COUNTY, STATEWIDE, TERRITORY, P.REGIONAL) and a.placed_by for a in records)


@pytest.mark.parametrize("sheet", SHEETS)
def test_the_counts_by_scope(real, sheet):
    reference, _ = real
    assert Counter(a.scope for a in reference.layers[sheet].records) == SCOPES[sheet]


def test_harris_county_georgia_has_an_agreement_harris_county_texas_none(real):
    reference, _ = real
    records = reference.layers["ice-287g-2026-02-18"].records
    georgia = [a for a in records if a.county_fips == "13145"]
    assert georgia and all(a.state == "GA" and a.county == "Harris County" for a in georgia)
    assert not [a for a in records if a.county_fips == "48201"]


def test_every_county_is_in_the_rows_state(real):
    reference, _ = real
    fips = reference.gazetteer.state_fips
    for sheet in SHEETS:
        for a in reference.layers[sheet].records:
            assert (a.scope == COUNTY) == bool(a.county_fips), a
            if a.county_fips:
                assert a.county_fips[:2] == fips[a.state], a


def test_an_agency_in_both_dated_sheets_lands_in_the_same_county(real):
    reference, _ = real
    where: dict[tuple[str, str], dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for sheet in PARTICIPATING:
        for a in reference.layers[sheet].records:
            where[(a.state, P.fold(a.agency))][sheet].add((a.scope, a.county_fips))
    both = {k: v for k, v in where.items() if len(v) == 2}
    assert len(both) > 600
    differ = {k: dict(v) for k, v in both.items() if len(v[PARTICIPATING[0]] | v[PARTICIPATING[1]]) > 1}
    assert differ == {}


_SHERIFF = re.compile(r"^(?:metropolitan )?(.+?) (county|parish)(?:'s)? sheriff")


def test_a_sheriffs_office_is_placed_in_its_own_county(real):
    """The sheet's county column agrees with the sheriff's county (or is corrected to it)."""
    reference, _ = real
    gz = reference.gazetteer
    misspelled = {(s, P.fold(t)) for s, t in P.MISSPELLED_COUNTIES}
    for sheet in SHEETS:
        for a in reference.layers[sheet].records:
            m = _SHERIFF.match(P.fold(a.agency))
            if a.scope != COUNTY or not m:
                continue
            own = gz.county_named(a.state, f"{m[1]} {m[2]}")
            if own is None:  # the agency spells its county as the sheet does ("Berrian County Sheriff's Office")
                assert (a.state, P.fold(f"{m[1]} {m[2]}")) in misspelled, a
            else:
                assert own.fips == a.county_fips, a


def test_a_towns_police_is_placed_in_a_county_of_its_town(real):
    """Wherever the agency names one Census town, the placed county holds part of it."""
    reference, _ = real
    gz = reference.gazetteer
    for sheet in SHEETS:
        for a in reference.layers[sheet].records:
            m = P._TOWN_AGENCY.match(P.fold(a.agency))
            if a.scope != COUNTY or not m:
                continue
            parts = P._town_parts(gz, a.state, P._TOWN_SPELLINGS.get((a.state, m["town"]), m["town"]))
            if parts:
                assert a.county_fips in {p.county_fips for p in parts}, a


def test_every_table_entry_is_used_and_names_a_census_county(real):
    reference, _ = real
    gz = reference.gazetteer
    used: Counter = Counter()
    for sheet in SHEETS:
        for a in reference.layers[sheet].records:
            used[a.placed_by] += 1
    tables = {"campus": P.CAMPUSES, "airport-police": P.AIRPORT_POLICE, "county-agency": P.COUNTY_AGENCIES,
              "regional-agency": P.REGIONAL_AGENCIES, "township": P.TOWNSHIPS, "georgia-town": P.GEORGIA_TOWNS}
    agencies = {(a.state, P.fold(a.agency)) for sheet in SHEETS for a in reference.layers[sheet].records}
    for rule, table in tables.items():
        assert used[rule], rule
        for (state, agency), (county, _) in table.items():
            assert gz.county_named(state, county), (state, county)
            assert (state, P.fold(agency)) in agencies, (state, agency)
    for (state, _), county in P.MISSPELLED_COUNTIES.items():
        assert gz.county_named(state, county), (state, county)
    rows = {(s, P.fold(r["LAW ENFORCEMENT AGENCY"].replace("\u2019", "'")), P.fold(r["COUNTY"]))
            for sheet in SHEETS for s, r in _states_of(_sheet_rows(sheet))}
    for (state, agency, text), (county, _) in P.MISREAD_COUNTIES.items():
        assert gz.county_named(state, county), (state, county)
        assert (state, P.fold(agency), P.fold(text)) in rows, (state, agency, text)
    texts = {(s, P.fold(r["COUNTY"].strip())) for sheet in SHEETS for s, r in _states_of(_sheet_rows(sheet))}
    assert {(s, P.fold(t)) for s, t in P.MISSPELLED_COUNTIES} <= texts
    for (state, agency) in P.STATE_AGENCIES:
        assert (state, P.fold(agency)) in agencies


def _states_of(rows: list[dict]):
    from sanctuary.reference.ice287g import STATE_CODES, STATE_SPELLINGS
    for r in rows:
        name = r["STATE"].strip().upper()
        yield STATE_CODES[STATE_SPELLINGS.get(name, name)], r
