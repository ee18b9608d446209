"""287(g) cleaning, the DOJ list, the map, open data round trips, the checklist."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sanctuary import opendata, schema
from sanctuary.errors import FileCheck
from sanctuary.reference import geo, ice287g
from sanctuary.reference.table import Row

HEADER = {"STATE": "", "LAW ENFORCEMENT AGENCY": "", "TYPE": "County", "COUNTY": "", "SUPPORT TYPE": "Task Force Model",
          "SIGNED": "2025-03-01", "MOA": "link", "ADDENDUM": ""}


def row(**changes) -> dict:
    out = dict(HEADER, STATE="TEXAS", **{"LAW ENFORCEMENT AGENCY": "Harris County Sheriff's Office", "COUNTY": "Harris County"})
    out.update({k.replace("_", " "): v for k, v in changes.items()})
    return out


def clean(raw: dict, as_of: str = "2025-07-18") -> tuple[list, list[str]]:
    errors: list = []
    out = ice287g.clean_rows([Row(2, raw)], FileCheck("sheet.csv", errors), as_of)
    return out, [str(e) for e in errors]


@pytest.mark.parametrize(
    "raw, field, expected, fix",
    [
        (row(STATE="TEXAS "), "state", "TX", "trimmed spaces"),
        (row(SUPPORT_TYPE="Task Force Model "), "model", "task-force", "trimmed spaces"),
        (row(SIGNED="5025-07-07"), "signed", "2025-07-07", "signing year 5025 read as 2025"),
        (row(SIGNED=""), "signed", "", "no signing date in the sheet"),
        (row(COUNTY="Decatur"), "county", "Decatur County", "added 'County' to the county name"),
        (row(STATE="LOUISIANA", COUNTY="Orleans"), "county", "Orleans Parish", "added 'County' to the county name"),
        (row(**{"LAW ENFORCEMENT AGENCY": "Harris County Sheriff\u2019s Office"}), "agency", "Harris County Sheriff's Office",
         "straight apostrophe in the agency name"),
        (row(TYPE='"County'), "agency_type", "county", "removed stray quote in TYPE"),
    ],
)
def test_287g_cleaning_fixes_each_known_error(raw, field, expected, fix):
    [agreement], errors = clean(raw)
    assert errors == []
    assert getattr(agreement, field) == expected
    assert fix in agreement.fixes


@pytest.mark.parametrize(
    "raw, message",
    [
        (row(STATE="ATLANTIS"), "sheet.csv:2: STATE: unknown state 'ATLANTIS'"),
        (row(SUPPORT_TYPE="Raid Model"), "sheet.csv:2: SUPPORT TYPE: unknown support type 'Raid Model' "
                                         "(known: Task Force Model, Warrant Service Officer, Jail Enforcement Model)"),
        (row(TYPE="Tribe"), "sheet.csv:2: TYPE: unknown agency type 'Tribe' (known: County, Municipality, State Agency, State)"),
        (row(SIGNED="07/01/2025"), "sheet.csv:2: SIGNED: signing date '07/01/2025' is not YYYY-MM-DD"),
        (row(SIGNED="1999-01-01"), "sheet.csv:2: SIGNED: signing date 1999-01-01 outside 2000-01-01..2025-07-18 (the sheet's date)"),
    ],
)
def test_287g_cleaning_reports_the_unknown_with_line_and_column(raw, message):
    agreements, errors = clean(raw)
    assert agreements == [] and errors == [message]


def sheet_rows(guide) -> int:
    """The data rows of the current 287(g) sheet, as the file holds them."""
    path = Path(__file__).parent.parent / "data" / "reference" / guide.agreements_layer.snapshot.file
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def test_287g_sheet_as_published(guide):
    agreements = guide.agreements
    as_of = guide.agreements_layer.snapshot.as_of
    assert as_of == "2026-02-18" and len(agreements) == sheet_rows(guide) == 1425
    states = {a.state for a in agreements}
    assert len(states) == 41 and states & {"GU", "MP"} == {"GU", "MP"}  # 39 states and two territories
    assert all(a.signed <= as_of for a in agreements)
    assert not any("safelinks" in a.moa_url for a in agreements)
    assert sum(1 for a in agreements if a.moa_url.startswith("https://www.ice.gov/")) > 1300


def test_287g_earlier_sheet_is_kept_side_by_side(guide):
    from sanctuary.reference.snapshots import Kind

    older = guide.reference.of_kind(Kind.ice_287g_participating)[1]
    assert older.snapshot.as_of == "2025-07-18" and len(older.records) == 832
    assert [a.agency for a in older.records if "signing year 5025 read as 2025" in a.fixes] == ["Grundy County Sheriff's Office"]


def test_doj_list_matches_the_places_that_say_they_are_on_it(guide):
    listed = guide.doj_layer.records
    assert len(listed) == 35
    assert {x.kind for x in listed} == {"state", "county", "city"}
    assert all(len(x.county_fips) == 5 for x in listed if x.kind == "county")
    matched = {p.slug for _, places in guide.doj_matches for p in places}
    says = {p.slug for p in guide.places if any(f.listed_on == guide.doj_layer.snapshot.id for f in p.federal)}
    assert matched == says


def test_map_geometry(guide):
    states = guide.reference.state_shapes
    assert len(states) == 51
    for shape in states.values():
        assert shape.path.startswith("M") and shape.path.endswith("z")
        x, y = shape.centroid
        assert 0 <= x <= geo.WIDTH and 0 <= y <= geo.HEIGHT
    assert guide.reference.county_shapes["06037"].name == "Los Angeles"


def test_map_page(site, guide):
    soup = BeautifulSoup((site / "states" / "index.html").read_text(encoding="utf-8"), "html.parser")
    svg = soup.select_one("figure.sg-map svg")
    links = svg.select("a[href]")
    state_links = [a for a in links if a.path]
    assert len(state_links) == 51
    for a in state_links:
        assert a["aria-label"] and a.path.title.get_text()
    points = svg.select("circle.sg-map-place")
    assert len(points) == sum(1 for p in guide.places if p.counties)
    shaded = svg.select_one(".sg-map-287g path")["d"]  # one path: a patch per county with an agreement
    assert shaded.count("M") >= len(guide.agreement_counties) > 500
    assert "February 18, 2026" in soup.select_one("figure.sg-map figcaption").get_text()
    # The map stays small (bytes of inline SVG): its shapes are bounded, and each place adds one small
    # link (the map grows with the places researched, a few hundred bytes each).
    point_links = [c.parent for c in points]
    per_point = [len(str(a).encode("utf-8")) for a in point_links]
    assert max(per_point, default=0) < 300, max(per_point)
    size = len(str(svg).encode("utf-8")) - sum(per_point)
    assert size < 150_000, size


def test_287g_page_and_place_sections(site, guide):
    soup = BeautifulSoup((site / "ice-287g" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("#g287-table tbody tr")) == len(guide.agreements) == sheet_rows(guide)
    assert "The program has grown since" in soup.get_text()
    nola = BeautifulSoup((site / "cities" / "la" / "new-orleans" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert nola.find(id="ice-287g") is not None
    texas_like = [p for p in guide.places if p.kind is schema.PlaceKind.state]
    for place in texas_like:
        page = BeautifulSoup((site / "places" / place.slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.find(id="ice-287g") is not None


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_open_data_round_trips_to_the_yaml(site, guide):
    data = site / "downloads" / "data"
    statuses = read_csv(data / "statuses.csv")
    assert len(statuses) == len(guide.places) * 14
    for r in statuses:
        place = guide.place_by_slug[r["place"]]
        st = place.provisions[r["code"]]
        by_id = {s.id: s.url for s in place.sources}
        assert r["status"] == st.status.value
        assert (r["note_en"], r["note_es"]) == ((st.note.en, st.note.es) if st.note else ("", ""))
        assert (r["section"], r["quote"]) == (schema.in_language(st.section, "en"), st.quote or "")
        assert r["searched_on"] == (st.searched.on if st.searched else "")
        assert r["source_urls"].split(opendata.SEP) == [by_id[i] for i in st.sources] or (not st.sources and r["source_urls"] == "")
        assert r["policies"] == opendata.SEP.join(st.policies)
    whole = json.loads((data / "guide.json").read_text(encoding="utf-8"))
    assert [schema.Place.model_validate(p) for p in whole["places"]] == guide.places
    assert [schema.State.model_validate(s) for s in whole["states"]] == guide.states
    assert [schema.Section.model_validate(s) for s in whole["sections"]] == guide.sections
    assert [r["agency"] for r in read_csv(data / "ice_287g_2026-02-18.csv")] == [a.agency for a in guide.agreements]
    doj = read_csv(data / "doj_list_2025-08-05.csv")
    assert [(r["name"], r["state_fips"], r["county_fips"]) for r in doj] == [
        (x.name, x.state_fips, x.county_fips) for x in guide.doj_layer.records]
    assert {p.name for p in data.iterdir()} == {name for name, _ in opendata.files(guide)} | set(opendata.README.values()) | {opendata.ZIP_NAME}
    laws = read_csv(data / "state_laws.csv")
    assert len(laws) == sum(len(s.laws) for s in guide.states)


def test_data_dictionary_lists_every_field(site):
    soup = BeautifulSoup((site / "open-data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    table = soup.find(id="model-place").find_next("table")
    fields = {th.get_text(strip=True) for th in table.select("tbody th")}
    assert fields == set(schema.Place.model_fields)


def test_check_your_city_in_the_browser(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "check/", wait_until="load")
    summary = page.locator("[data-check-summary]")
    assert summary.inner_text() == "0 of 14 protections are in place."
    page.check("#have-IE3")
    page.check("#have-CJ2")
    assert summary.inner_text() == "2 of 14 protections are in place."
    assert "have=CJ2%2CIE3" in page.url or "have=CJ2,IE3" in page.url
    missing = page.locator("[data-check-missing] li")
    assert missing.count() == 12
    assert missing.first.locator("a").get_attribute("href").endswith("criminal-justice/no-private-prisons/")
    # the address carries the result: open it fresh
    shared = page.url
    other = browser.new_page()
    other.goto(shared, wait_until="load")
    assert other.is_checked("#have-IE3") and other.is_checked("#have-CJ2") and not other.is_checked("#have-IE1")
    # start from a place: its "yes" provisions are ticked, its partial ones are marked
    other.select_option("#sg-check-start", "long-beach")
    assert "place=long-beach" in other.url
    assert "partly in place there" in other.locator("[data-check-missing]").inner_text()
    other.close()
    page.close()


def test_287g_table_filters_and_sorts_in_the_browser(browser, base_url, guide):
    page = browser.new_page()
    page.goto(base_url + "ice-287g/", wait_until="load")
    page.fill("#g287-filter", "grundy")
    visible = page.locator("#g287-table tbody tr:visible")
    assert 1 <= visible.count() <= 3
    assert "Grundy" in visible.first.inner_text()
    page.fill("#g287-filter", "")
    page.click("#g287-table th:nth-child(5) button")
    assert page.locator("#g287-table th:nth-child(5)").get_attribute("aria-sort") == "ascending"
    # The cells show dates in words ("March 5, 2025"); they sort by their <time datetime>.
    cell_dates = "els => els.map(td => (td.querySelector('time') || {}).dateTime || '')"
    dates = [d for d in page.locator("#g287-table tbody td:nth-child(5)").evaluate_all(cell_dates) if d]
    dated = sum(1 for a in guide.agreements if a.signed)
    assert len(dates) == dated and dates == sorted(dates)
    page.click("#g287-table th:nth-child(5) button")
    assert page.locator("#g287-table th:nth-child(5)").get_attribute("aria-sort") == "descending"
    assert page.locator("#g287-table tbody td:nth-child(5) time").first.get_attribute("datetime") == max(dates)
    page.close()


def test_compare_filter_in_the_browser(browser, base_url, guide):
    """The filter draws rows from the page's own data, with its own status labels; choosing a state
    adds its counties and cities (derived or not yet researched) from that state's script."""
    code = "IE3"
    col = guide.provision_index(code)
    places = [p for p in guide.places_sorted("es") if p.state == "CA" and p.provisions[code].status.value in ("yes", "partial")]
    assert places, "the data has California places with this provision"
    areas = [a for a in guide.areas_in("CA") if a.place is None and guide.area_statuses(a)[code][0] == "derived"
             and guide.area_statuses(a)[code][1].status.value in ("yes", "partial")]
    assert areas, "California's law gives its counties a derived status on this provision"
    page = browser.new_page()
    page.goto(base_url + "es/compare/", wait_until="load")
    page.select_option("#matrix-state", "CA")
    page.select_option("#matrix-has", str(col))
    rows = page.locator("#sg-matrix tbody tr")
    # the state's script arrives after the choice (the CSP forbids evaluating a string: poll from here)
    for _ in range(100):
        if rows.count() == len(places) + len(areas):
            break
        page.wait_for_timeout(100)
    names = [t.strip() for t in rows.locator("th a").all_inner_texts()]
    assert names == [p.name.es for p in places] + [a.name.es for a in areas]
    first = places[0]
    cell = rows.first.locator("td.sg-cell").nth(col)
    label = {"yes": "Sí", "partial": "Parcial"}[first.provisions[code].status.value]
    assert cell.inner_text().strip() == label
    derived = rows.nth(len(places)).locator("td.sg-cell").nth(col)
    assert "sg-cell--derived" in derived.get_attribute("class") and derived.inner_text().strip() == "Parcial *"
    assert "state=CA" in page.url and f"has={col}" in page.url
    # kind and status narrow the rows; the address keeps them
    page.select_option("#matrix-kind", "researched")
    assert rows.count() == len(places)
    page.select_option("#matrix-kind", "county")
    page.select_option("#matrix-status", "r")  # not yet researched on this provision: none in California
    assert rows.count() == 0
    assert "kind=county" in page.url and "status=r" in page.url
    page.close()
