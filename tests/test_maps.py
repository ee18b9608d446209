"""County maps (sanctuary/maps.py): every county drawn once and linked, boundary changes said out loud."""

from __future__ import annotations

import re

import pytest

from sanctuary import maps, paths, render


@pytest.mark.parametrize("code", ["TX", "GA", "CA", "LA", "VA"])
def test_every_county_of_the_state_is_drawn_once_and_linked(guide, code):
    m = guide.state_map(code)
    counties = {a.counties[0] for a in guide.areas_in(code, "county")}
    cities_that_are_counties = {a.counties[0] for a in guide.areas_in(code, "city") if a.city and a.city.kind != "city"}
    drawn = [s.fips for s in m.shapes if s.area is not None]
    assert len(drawn) == len(set(drawn))
    assert set(drawn) == counties | (cities_that_are_counties & {s.fips for s in m.shapes})
    assert m.without_shape == ()
    for s in m.shapes:
        assert s.current and s.path.startswith("M")
        assert s.agreements == len(guide.agreements_in_fips(s.fips))



@pytest.mark.parametrize("code, fips, expected", [("GA", "13145", True), ("TX", "48201", False)])
def test_agreement_counts_on_the_map(guide, code, fips, expected):
    shape = next(s for s in guide.state_map(code).shapes if s.fips == fips)
    assert (shape.agreements > 0) is expected


def test_connecticut_planning_regions_are_named_not_drawn(guide):
    m = guide.state_map("CT")
    assert all(not s.current and s.area is None for s in m.shapes)  # the 8 counties of 2017
    assert len(m.shapes) == 8
    assert sorted(a.slug for a in m.without_shape) == sorted(a.slug for a in guide.areas_in("CT", "county"))
    assert len(m.without_shape) == 9


def test_alaska_valdez_cordova_split(guide):
    m = guide.state_map("AK")
    old = [s for s in m.shapes if not s.current]
    assert [s.fips for s in old] == ["02261"]  # Valdez-Cordova Census Area, split in 2019
    assert sorted(a.slug for a in m.without_shape) == ["chugach", "copper-river"]


def test_the_national_map_shades_each_county_with_an_agreement(guide):
    fips = {a.county_fips for a in guide.agreements if a.county_fips}
    shaded = [f for f, _ in maps.national_agreement_counties(guide)]
    assert shaded == sorted(shaded) and set(shaded) == {f for f in fips if f in guide.reference.county_rings}
    assert len(shaded) > 500


def test_state_map_markup_links_every_shape_with_a_text_label(guide):
    ctx = render.Ctx(guide, "es", paths.Links(paths.state_page("TX")))
    out = render.state_page(ctx, "TX")
    svg = re.search(r'<figure[^>]*sg-state-map.*?</figure>', out, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"><path[^>]*><title>([^<]+)</title>', svg)
    assert len(links) == len(guide.areas_in("TX", "county"))
    assert all(label == title and href.startswith("../../counties/tx/") for href, label, title in links)
    assert any(label.startswith("Condado de Harris: ") for _, label, _ in links)
