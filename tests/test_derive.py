"""Derived statuses (sanctuary/derive.py): which records trigger each rule, and which do not.

Each case gives the place's own 287(g) agreements (by model and date) and its state's stance and
laws, and the statuses that must come out: code -> (status, rule id). Codes not listed must stay
underived (the page shows them as not yet researched).
"""

from __future__ import annotations

import pytest

from sanctuary import derive, schema
from sanctuary.reference.ice287g import Agreement

CODES = ["CJ1", "CJ2", "IE1", "IE2", "IE3", "IE4", "IE5", "IC1"]


def agreement(model: str, signed: str = "2025-03-01", agency: str = "Example County Sheriff's Office") -> Agreement:
    return Agreement(state="TX", agency=agency, agency_type="county", county="Example", model=model, signed=signed,
                     moa_published=True)


def law(law_id: str, covers=(), status: str = "in-force") -> dict:
    return {"id": law_id, "title": law_id.upper(), "identifier": law_id.upper(), "summary": {"en": "x", "es": "x"},
            "status": status, "covers": list(covers), "sources": ["s"]}


def state(stance: str, *laws: dict) -> schema.State:
    return schema.State.model_validate({
        "code": "XX", "fips": "99", "name": {"en": "X", "es": "X"}, "stance": stance, "reviewed": "2026-12-01",
        "summary": {"en": "x", "es": "x"}, "laws": list(laws),
        "sources": [{"id": "s", "title": "t", "url": "https://example.gov/", "publisher": "p", "kind": "legislature"}]})


NEITHER = state("neither")
BANS = state("preemption", law("sb4"))
BANS_REPEALED = state("preemption", law("old", status="repealed"))
FLOOR = state("protective-floor", law("trust", covers=["IE1", "IE3"]), law("courts", covers=["IE4"]),
              law("gone", covers=["IE5"], status="repealed"), law("blocked", covers=["CJ1"], status="partly-blocked"))
FLOOR_NO_COVERS = state("protective-floor", law("trust"))


@pytest.mark.parametrize("agreements, st, expected", [
    pytest.param([], NEITHER, {}, id="nothing-settles-anything"),
    pytest.param([], None, {}, id="no-state-file"),
    pytest.param([agreement("task-force")], NEITHER,
                 {"IE1": ("no", "287g-any-model"), "IE2": ("no", "287g-status-questions")}, id="task-force"),
    pytest.param([agreement("warrant-service-officer")], NEITHER,
                 {"IE1": ("no", "287g-any-model"), "IE4": ("no", "287g-in-the-jail")}, id="warrant-service-officer"),
    pytest.param([agreement("jail-enforcement")], NEITHER,
                 {"IE1": ("no", "287g-any-model"), "IE2": ("no", "287g-status-questions"), "IE4": ("no", "287g-in-the-jail")},
                 id="jail-enforcement"),
    pytest.param([], BANS, {"IE1": ("no", "state-bans-local-limits")}, id="state-bans-local-limits"),
    pytest.param([], BANS_REPEALED, {}, id="a-repealed-ban-settles-nothing"),
    pytest.param([agreement("task-force")], BANS,
                 {"IE1": ("no", "287g-any-model"), "IE2": ("no", "287g-status-questions")}, id="own-agreement-before-state-ban"),
    pytest.param([], FLOOR, {"IE1": ("partial", "state-law-floor"), "IE3": ("partial", "state-law-floor"),
                             "IE4": ("partial", "state-law-floor")}, id="floor-covers-only-in-force-laws"),
    pytest.param([], FLOOR_NO_COVERS, {}, id="floor-law-that-covers-nothing"),
    pytest.param([], state("neither", law("trust", covers=["IE1"])), {}, id="covers-outside-a-protective-state"),
    pytest.param([agreement("jail-enforcement")], FLOOR,
                 {"IE1": ("no", "287g-any-model"), "IE2": ("no", "287g-status-questions"), "IE4": ("no", "287g-in-the-jail"),
                  "IE3": ("partial", "state-law-floor")}, id="own-agreement-before-state-floor"),
])
def test_derive(agreements, st, expected):
    got = derive.derive(agreements, st, CODES)
    assert {code: (d.status.value, d.rule) for code, d in got.items()} == expected


def test_the_earliest_agreement_is_the_record():
    later, earlier = agreement("task-force", "2025-06-01", "B Sheriff"), agreement("task-force", "2019-01-01", "A Sheriff")
    got = derive.derive([later, earlier], NEITHER, CODES)
    assert got["IE1"].agreement is earlier and got["IE2"].agreement is earlier


def test_floor_cites_exactly_the_laws_that_cover_the_provision():
    got = derive.derive([], FLOOR, CODES)
    assert [law.id for law in got["IE1"].laws] == ["trust"]
    assert [law.id for law in got["IE4"].laws] == ["courts"]


def test_only_the_codes_asked_for():
    assert set(derive.derive([agreement("jail-enforcement")], FLOOR, ["IE3"])) == {"IE3"}


def test_every_rule_is_explained_in_both_languages(guide):
    for rule in derive.RULES:
        for key in (f"rule_{rule.id}", f"rule_{rule.id}_means"):
            assert guide.label(key, "en") and guide.label(key, "es"), key
    assert len({r.id for r in derive.RULES}) == len(derive.RULES)
