"""'What changed' and its Atom feeds: newest first, each change linked to a page that exists."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from sanctuary import changes
from sanctuary.reference.snapshots import Kind

ATOM = "{http://www.w3.org/2005/Atom}"


def test_changes_are_newest_first_and_include_the_287g_sheets(guide):
    found = changes.changes(guide, "en")
    dates = [changes._sortable(c.date) for c in found]
    assert dates == sorted(dates, reverse=True)
    kinds = {c.kind for c in found}
    assert {"place-event", "first-287g"} <= kinds
    new, old = (layer.records for layer in guide.reference.of_kind(Kind.ice_287g_participating)[:2])
    first = {a.county_fips for a in new if a.county_fips} - {a.county_fips for a in old if a.county_fips}
    assert {c.page for c in found if c.kind == "first-287g"} == {guide.area_of_county(f).src for f in first}
    assert "counties/ga/harris.md" not in {c.page for c in found if c.kind == "first-287g"}  # on both sheets


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_each_edition_has_a_valid_atom_feed_linked_from_every_page(site, site_url, prefix):
    feed = ET.fromstring((site / prefix / "feeds" / "guide.xml").read_bytes())
    assert feed.tag == ATOM + "feed" and feed.find(ATOM + "title").text
    entries = feed.findall(ATOM + "entry")
    assert 10 <= len(entries) <= 100
    for entry in entries:
        assert entry.find(ATOM + "id").text and entry.find(ATOM + "updated").text.endswith("Z")
        href = entry.find(ATOM + "link").get("href")
        assert href.startswith(site_url + prefix)
        path = urlsplit(href).path.lstrip("/")
        assert (site / path / "index.html").is_file() or (site / path).is_file(), href
    for page in ("", "changes/", "counties/tx/harris/"):
        soup = BeautifulSoup((site / prefix / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one("link[rel=alternate][type='application/atom+xml']")
        assert link is not None and link["href"].endswith("feeds/guide.xml")


def test_the_changes_page_lists_the_newest(site, guide):
    soup = BeautifulSoup((site / "changes" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("table tbody tr")
    newest = changes.changes(guide, "en")[0]
    assert rows and newest.name in rows[0].th.get_text()


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_each_state_has_its_own_feed(site, guide, prefix):
    for state in guide.states:
        feed = ET.fromstring((site / prefix / "feeds" / f"{state.code.lower()}.xml").read_bytes())
        entries = feed.findall(ATOM + "entry")
        expected = [c for c in changes.changes(guide, "es" if prefix else "en") if c.state == state.code][:100]
        assert len(entries) == len(expected), state.code
    texas = BeautifulSoup((site / prefix / "states" / "tx" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert texas.select_one("a[type='application/atom+xml']")["href"].endswith("feeds/tx.xml")
