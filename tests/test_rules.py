"""Each validation rule of sanctuary.rules on its own rows of good and bad input."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from sanctuary import rules, schema
from sanctuary.errors import FileCheck


def check(rel: str = "data/places/testville.yml") -> FileCheck:
    return FileCheck(rel, [])


def messages(c: FileCheck) -> list[str]:
    return [f"{e.path}: {e.message}" if e.path else e.message for e in c.errors]


@pytest.mark.parametrize("rel, value, field, transform, expected", [
    ("data/places/testville.yml", "testville", "slug", str, []),
    ("data/places/testville.yml", "testvile", "slug", str, ["slug: slug 'testvile' does not match the file name (expected 'testville')"]),
    ("data/states/ca.yml", "CA", "code", str.lower, []),
    ("data/states/ca.yml", "TX", "code", str.lower, ["code: code 'TX' does not match the file name (expected 'CA')"]),
    ("data/places/testville.yml", None, "slug", str, []),  # an invalid slug is reported by the schema
])
def test_id_matches_file(rel, value, field, transform, expected):
    c = check(rel)
    rules.id_matches_file(c, value, field, transform)
    assert messages(c) == expected


@pytest.mark.parametrize("ids, expected", [
    (["a", "b"], []),
    (["a", "a"], ["sources[1].id: duplicate source id 'a'"]),
    (["a", "b", "a", "b"], ["sources[2].id: duplicate source id 'a'", "sources[3].id: duplicate source id 'b'"]),
])
def test_unique(ids, expected):
    c = check()
    known = rules.unique(c, [NS(id=i) for i in ids], "id", ("sources",), "source id")
    assert messages(c) == expected and set(known) == set(ids)


def test_unique_skips_an_invalid_list():
    c = check()
    assert rules.unique(c, None, "id", ("sources",), "source id") is None and c.errors == []


@pytest.mark.parametrize("ids, known, expected", [
    (["ord"], {"ord": 1}, []),
    (["ordinance"], {"ord": 1}, ["timeline[0].sources[0]: unknown source 'ordinance'; known: ord"]),
    (["x"], {f"s{i}": i for i in range(13)}, ["timeline[0].sources[0]: unknown source 'x'"]),  # no hint past 12
    (["x"], None, []),  # the defining list is invalid: nothing to check against
])
def test_refs_exist(ids, known, expected):
    c = check()
    rules.refs_exist(c, ids, known, ("timeline", 0, "sources"), "source")
    assert messages(c) == expected


@pytest.mark.parametrize("status, sources, expected", [
    ("yes", ["ord"], []),
    ("yes", [], ["provisions.IE1.sources: a status of 'yes' needs at least one source"]),
    ("partial", [], ["provisions.IE1.sources: a status of 'partial' needs at least one source"]),
    ("no", [], ["provisions.IE1.sources: a status of 'no' needs at least one source"]),
    ("unknown", [], []),
    ("not-researched", [], []),
])
def test_status_has_source(status, sources, expected):
    c = check()
    st = schema.ProvisionStatus(status=status, note={"en": "x", "es": "x"}, sources=sources)
    rules.status_has_source(c, "IE1", st)
    assert messages(c) == expected


NOTE = {"en": "x", "es": "x"}
SEARCHED = {"what": {"en": "the municipal code", "es": "el código municipal"}, "on": "2026-12-03"}
QUOTE = {"section": "§ 2-1", "quote": "No officer shall inquire into immigration status."}
BEFORE, FROM = "2026-12-02", "2026-12-03"


@pytest.mark.parametrize("fields, reviewed, expected", [
    ({"status": "yes", "note": NOTE}, BEFORE, []),  # before the quote rule: no quote needed
    ({"status": "yes", "note": NOTE, **QUOTE}, FROM, []),
    ({"status": "partial", "note": NOTE}, FROM, [
        "provisions.IE1.section: a status of 'partial' checked on 2026-12-03 needs `section` (required from 2026-12-03: the section that settles it and its words)",
        "provisions.IE1.quote: a status of 'partial' checked on 2026-12-03 needs `quote` (required from 2026-12-03: the section that settles it and its words)"]),
    ({"status": "no", "note": NOTE, "as_of": FROM, "section": "§ 1"}, BEFORE, [
        "provisions.IE1.quote: a status of 'no' checked on 2026-12-03 needs `quote` (required from 2026-12-03: the section that settles it and its words)"]),
    ({"status": "yes", "note": NOTE, "section": "§ 1", "quote": " ".join(["word"] * 26)}, BEFORE, [
        "provisions.IE1.quote: a quote has at most 25 words (this one has 26)"]),
    ({"status": "yes", "note": NOTE, "searched": SEARCHED}, BEFORE, [
        "provisions.IE1.searched: `searched` belongs to an unknown status, not 'yes'"]),
    ({"status": "yes"}, BEFORE, ["provisions.IE1.note: a status of 'yes' needs a note saying why"]),
    ({"status": "unknown", "note": NOTE, "searched": SEARCHED}, FROM, []),
    ({"status": "unknown", "note": NOTE}, FROM, [
        "provisions.IE1.searched: an unknown status says what was searched and when (searched: {what: {en, es}, on: YYYY-MM-DD}); "
        "if nobody searched, use status: not-researched"]),
    ({"status": "not-researched"}, FROM, []),
    ({"status": "not-researched", "note": NOTE, "sources": ["lead"]}, FROM, []),  # leads for a researcher
    ({"status": "not-researched", "policies": ["ord"], **QUOTE}, FROM, [
        "provisions.IE1: a not-researched status claims no research: remove policies, quote, section"]),
])
def test_status_is_explained(fields, reviewed, expected):
    c = check()
    rules.status_is_explained(c, "IE1", schema.ProvisionStatus(**fields), reviewed)
    assert messages(c) == expected


@pytest.mark.parametrize("given, codes, expected", [
    (["CJ1", "IE1"], ["CJ1", "IE1"], []),
    (["CJ1"], ["CJ1", "IE1"], ["provisions: no status for provision IE1 (use status: not-researched if nobody has checked)"]),
    ([], ["CJ1", "IE1"], ["provisions: no status for provisions CJ1, IE1 (use status: not-researched if nobody has checked)"]),
    (["CJ1", "IE1", "XX9"], ["CJ1", "IE1"], ["provisions.XX9: unknown provision code 'XX9' (known: CJ1, IE1)"]),
    (["ZZ1"], [], []),  # the section files are broken: codes cannot be checked
])
def test_every_provision(given, codes, expected):
    c = check()
    rules.every_provision(c, dict.fromkeys(given), codes)
    assert messages(c) == expected


@pytest.mark.parametrize("state, known_states, expected", [
    ("CA", {"CA": "06"}, []),
    ("XX", {"CA": "06"}, ["state: no file data/states/xx.yml for state 'XX'"]),
])
def test_place_in_known_state(state, known_states, expected):
    c = check()
    assert rules.place_in_known_state(c, NS(state=state), known_states, "data/states") is (not expected)
    assert messages(c) == expected


@pytest.mark.parametrize("counties, expected", [
    (["Alameda"], []),
    (["alameda"], []),
    (["Alameda County"], []),
    (["Baltimore city"], []),
    (["Baltimore"], ["counties[0]: 'Baltimore' names 2 counties in MD: write the Census name in full "
                     "('Baltimore County' or 'Baltimore city')"]),
    (["Alameda", "Gotham"], ["counties[1]: no county 'Gotham' in MD (use the Census name, with or without 'County')"]),
])
def test_counties_known(counties, expected):
    from sanctuary.reference.census import County
    from sanctuary.reference.placement import Gazetteer

    gz = Gazetteer([County("24005", "24", "Baltimore County", 1), County("24510", "24", "Baltimore city", 1),
                    County("24001", "24", "Alameda County", 1)], [], {"MD": "24"})
    c = check()
    rules.counties_known(c, NS(state="MD", counties=counties), lambda name: gz.counties_named("MD", name))
    assert messages(c) == expected


def test_unique_across_files():
    seen: dict = {}
    first, second = check("data/places/a.yml"), check("data/places/b.yml")
    rules.unique_across_files(first, seen, ("slug",), "slug", "x", "slug")
    rules.unique_across_files(second, seen, ("slug",), "slug", "x", "slug")
    rules.unique_across_files(second, seen, ("slug",), "slug", "y", "slug")
    assert messages(first) == [] and messages(second) == ["slug: duplicate slug 'x' (also in data/places/a.yml)"]


def _place(kind: str, state: str, ie4: dict, policies: list[tuple[str, str]]) -> schema.Place:
    return schema.Place.model_validate({
        "slug": "testville", "name": {"en": "T", "es": "T"}, "state": state, "kind": kind, "overview": {"en": "x", "es": "x"},
        "reviewed": "2026-11-01", "sources": [{"id": "s", "title": "t", "url": "https://example.gov/", "publisher": "p", "kind": "official"}],
        "policies": [{"id": pid, "title": pid, "kind": k, "adopted_by": {"en": "x", "es": "x"}, "state": "in-force",
                      "summary": {"en": "x", "es": "x"}, "sources": ["s"]} for pid, k in policies],
        "provisions": {"IE4": {"note": {"en": "x", "es": "x"}, "sources": ["s"], **ie4}}})


STATE_ONLY = schema.ConsistencyRule(id="state-law-only", check="state-law-only", text={"en": "x", "es": "x"})
SB54 = schema.ConsistencyRule(id="ca-sb54", check="allowed-statuses", text={"en": "x", "es": "x"}, states=["CA"],
                              provisions=["IE4"], allowed=["partial", "no", "unknown", "not-researched"],
                              exceptions=[{"place": "elsewhere", "why": {"en": "x", "es": "x"}}])
LAW, ORD = ("law", "state-law"), ("ord", "ordinance")


@pytest.mark.parametrize("rule, kind, state, ie4, policies, expected", [
    (STATE_ONLY, "city", "CA", {"status": "yes", "policies": ["law"]}, [LAW],
     ["provisions.IE4.status: 'yes' rests only on state law (law): it is 'partial' for a city (consistency rule state-law-only)"]),
    (STATE_ONLY, "county", "CA", {"status": "yes", "policies": ["law", "ord"]}, [LAW, ORD], []),  # its own rule too
    (STATE_ONLY, "city", "CA", {"status": "partial", "policies": ["law"]}, [LAW], []),
    (STATE_ONLY, "state", "CA", {"status": "yes", "policies": ["law"]}, [LAW], []),  # a state's law is its own
    (SB54, "city", "CA", {"status": "yes", "policies": ["ord"]}, [ORD],
     ["provisions.IE4.status: 'yes' breaks consistency rule ca-sb54 (allowed: partial, no, unknown, not-researched); "
      "see data/consistency.yml"]),
    (SB54, "state", "CA", {"status": "yes", "policies": ["law"]}, [LAW],
     ["provisions.IE4.status: 'yes' breaks consistency rule ca-sb54 (allowed: partial, no, unknown, not-researched); "
      "see data/consistency.yml"]),
    (SB54, "city", "CA", {"status": "partial", "policies": ["ord"]}, [ORD], []),
    (SB54, "city", "OR", {"status": "yes", "policies": ["ord"]}, [ORD], []),  # another state
])
def test_follows_rule(rule, kind, state, ie4, policies, expected):
    c = check()
    rules.follows_rule(c, _place(kind, state, ie4, policies), rule)
    assert messages(c) == expected


def test_a_named_exception_is_not_bound():
    c = check()
    place = _place("city", "CA", {"status": "yes", "policies": ["ord"]}, [ORD]).model_copy(update={"slug": "elsewhere"})
    rules.follows_rule(c, place, SB54)
    assert messages(c) == []


def test_consistency_rule_refs():
    c = check("data/consistency.yml")
    bad = SB54.model_copy(update={"provisions": ["XX9"]})
    rules.consistency_rule_refs(c, 0, bad, ["IE4"], {"testville"})
    empty = schema.ConsistencyRule(id="e", check="allowed-statuses", text={"en": "x", "es": "x"})
    rules.consistency_rule_refs(c, 1, empty, ["IE4"], {"testville"})
    assert messages(c) == ["rules[0].provisions[0]: unknown provision code 'XX9'",
                           "rules[0].exceptions[0].place: no place file data/places/elsewhere.yml",
                           "rules[1]: an allowed-statuses rule lists its states, provisions and allowed statuses"]


CENSUS_CITIES = {"CA": {"los-angeles", "long-beach"}, "NY": {"new-york"}}


@pytest.mark.parametrize("kind, state, name, census_name, expected", [
    ("city", "CA", "Long Beach", None, []),
    ("city", "CA", "Los Angeles (city)", "Los Angeles", []),
    ("city-county", "NY", "New York City", "New York", []),
    ("city", "CA", "Los Angeles (city)", None,
     ["name.en: 'Los Angeles (city)' is the Census city 'los-angeles': set `census_name` to the Census name so the "
      "place is that city's page (not a second page)"]),
    ("city", "CA", "Los Angeles (city)", "Los Angles",
     ["census_name: no city named 'Los Angles' among the Census's 100 largest cities in CA"]),
    ("city", "CA", "Berkeley", None, []),  # not one of the 100: it keeps its own place page
    ("county", "CA", "Los Angeles (city)", None, []),  # counties are matched by their own rule
    ("state", "CA", "California", None, []),
])
def test_a_top_100_city_place_is_that_citys_page(kind, state, name, census_name, expected):
    c = check()
    place = NS(kind=schema.PlaceKind(kind), state=state, name=NS(en=name), census_name=census_name)
    rules.city_has_one_page(c, place, CENSUS_CITIES)
    assert messages(c) == expected
