"""Assertions on the real site, built once per session (see conftest.site)."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser import pages_to_check
from bs4 import BeautifulSoup

from sanctuary import paths, render, schema
from sanctuary.linkcheck import check_site
from sanctuary.paths import page_url


def place_url(guide, slug: str) -> str:
    """Where a researched place's page is: its county or city page, else places/<slug>/."""
    return page_url(guide.page_of_place(slug))


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def heading(tag) -> str:
    """A heading's text without its permalink."""
    return "".join(tag.find_all(string=True, recursive=False)).strip() or tag.get_text(strip=True).rstrip("¶")


def provision_url(guide, code: str) -> str:
    return page_url(guide.page_of_provision(code))


@pytest.mark.parametrize("edition, lang", [("", "en"), ("es/", "es")])
def test_every_provision_has_its_own_page(site, guide, edition, lang):
    titles, descriptions = set(), set()
    for prov in guide.provisions:
        url = provision_url(guide, prov.code)
        assert url == f"{guide.section_of[prov.code].id}/{prov.slug}/"
        soup = page(site, edition + url)
        title = getattr(prov.title, lang)
        assert heading(soup.h1) == title
        assert soup.title.string == f"{title} - {guide.label('site_name', lang)}"
        meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.select("meta[content]")}
        assert meta["og:title"] == title and "twitter:title" not in meta  # X falls back to og:title
        assert meta["og:description"] == meta["description"] == " ".join(getattr(prov.recommendation, lang).split())
        titles.add(soup.title.string)
        descriptions.add(meta["og:description"])
        # what the section page showed of it before: why it matters, model texts, limits, adopters
        block = soup.find("div", attrs={"data-code": prov.code})
        assert getattr(prov.recommendation, lang)[:40] in block.get_text(" ", strip=True)
        for part in ("meaning", "why", "how", "limits", "places"):
            assert soup.find(id=f"{prov.slug}-{part}") is not None, (prov.code, part)
        assert (soup.find(id=f"{prov.slug}-models") is not None) == bool(prov.models)
        text = " ".join(soup.select_one("article").get_text(" ", strip=True).split())
        for model in prov.models:
            title = schema.in_language(model.title, lang)  # an original title, or our name in the page's language
            assert " ".join(title.split()) in text, (prov.code, title)
        assert " ".join(getattr(prov.limits, lang).split())[:60] in text
        # every citation lands in the page's own list of sources
        ids = {li["id"] for li in soup.select("ol.sg-sources li[id]")}
        cites = soup.select("a.sg-cite")
        assert cites and all(a["href"].lstrip("#") in ids for a in cites), prov.code
        # back to its section's overview, where its summary is
        assert soup.select_one(f"div[data-code={prov.code}] a[href='../']") is not None
    assert len(titles) == len(descriptions) == len(guide.provisions) == 14


def test_provision_pages_list_the_places_that_adopted_each_provision(site, guide):
    for prov in guide.provisions:
        soup = page(site, provision_url(guide, prov.code))
        table = soup.find(id=f"{prov.slug}-places").find_next("table")
        adopters = {posixpath.normpath(posixpath.join(provision_url(guide, prov.code), a["href"].split("#")[0])) + "/"
                    for a in table.select("th a")}
        adopted = [p for p in guide.places if p.provisions[prov.code].status.value in ("yes", "partial")]
        ctx = render.Ctx(guide, "en", paths.Links(guide.page_of_provision(prov.code), True))
        shown = [p for p, _st in ctx.adopters(prov.code)][: paths.ADOPTERS_LIMIT]
        assert {p.slug for p in shown} <= {p.slug for p in adopted} and len(shown) == min(len(adopted), paths.ADOPTERS_LIMIT)
        assert adopters == {place_url(guide, p.slug) for p in shown}, prov.code
        cut = soup.find(id=f"{prov.slug}-places").find_next("div").get_text(" ", strip=True)
        # a longer list is cut, and says so: "50 of 56 places shown"
        assert (f"{len(shown)}" in cut and f"{len(adopted)}" in cut) if len(adopted) > len(shown) else True, prov.code


@pytest.mark.parametrize("edition, lang", [("", "en"), ("es/", "es")])
def test_section_pages_are_overviews_whose_summaries_keep_the_old_anchors(site, guide, edition, lang):
    for section in guide.sections:
        soup = page(site, edition + section.id)
        assert soup.h1.get_text(strip=True).startswith(getattr(section.title, lang))
        for prov in section.provisions:
            # criminal-justice/#no-private-prisons still lands on the provision's summary...
            summary = soup.find(id=prov.slug)
            assert summary is not None and summary.name == "h2", prov.code
            assert getattr(prov.title, lang) in summary.get_text()
            block = summary.find_next("div", attrs={"data-code": prov.code})
            assert getattr(prov.recommendation, lang)[:40] in block.get_text(" ", strip=True)
            # ...which links to the provision's own page
            assert block.select_one(f"a[href='{prov.slug}/']") is not None, prov.code
            assert soup.find(id=f"{prov.slug}-why") is None  # the detail moved to that page
        assert {li["id"] for li in soup.select("ol.sg-sources li[id]")} == {f"source-{s.id}" for s in section.sources}


def test_provision_pages_are_out_of_the_navigation(site, guide):
    nav = page(site, "").select_one("nav.md-nav--primary")
    hrefs = {a.get("href", "") for a in nav.select("a")}
    assert not any(provision_url(guide, p.code) in h for p in guide.provisions for h in hrefs), hrefs


def test_every_place_has_a_page_with_sourced_statuses(site, guide):
    assert len(guide.places) >= 3
    for place in guide.places:
        soup = page(site, place_url(guide, place.slug))
        assert heading(soup.h1) == place.name.en
        assert "Every status is as of that date unless it says otherwise." in soup.select_one(".sg-meta").get_text()
        source_ids = {li["id"] for li in soup.select("ol.sg-sources li[id]")}
        assert source_ids == {f"source-{s.id}" for s in place.sources}
        for prov in guide.provisions:
            row = soup.find("tr", id=prov.slug)
            st = place.provisions[prov.code]
            assert row is not None, (place.slug, prov.code)
            assert f"sg-status--{st.status.value}" in str(row)
            cites = row.select("a.sg-cite")
            if st.status.value in ("yes", "partial", "no"):
                assert cites, (place.slug, prov.code)
            if st.quote:  # the rule's own words, marked with their language where it differs from the page's
                assert st.quote in row.get_text(" ").replace("\n", " ") or st.quote.split()[0] in row.get_text(), (place.slug, prov.code)
            if st.searched:
                assert st.searched.on[:4] in row.get_text(), (place.slug, prov.code)
            if st.as_of and st.as_of != place.reviewed:
                assert "As of" in row.get_text(), (place.slug, prov.code)
            for a in cites:
                assert a["href"].lstrip("#") in source_ids
        for pol in place.policies:
            article = soup.find("article", id=f"policy-{pol.id}")
            assert article is not None and article.select("a.sg-cite"), pol.id
        # each source links out to its publisher, safely
        for a in soup.select("ol.sg-sources a[href^='http']"):
            assert a["rel"] == ["noopener", "noreferrer"]


def test_the_three_sample_places_are_there(guide):
    assert {"new-orleans", "san-francisco", "long-beach"} <= {p.slug for p in guide.places}


def test_place_pages_are_out_of_the_navigation(site, guide):
    html = (site / "index.html").read_text(encoding="utf-8")
    nav = BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary")
    hrefs = [a.get("href", "") for a in nav.select("a")]
    assert not any(re.search(r"(places|counties|cities)/[a-z/-]+/$", h) for h in hrefs), hrefs


def test_compare_matrix_is_complete(site, guide):
    soup = page(site, "compare")
    table = soup.select_one("table.sg-matrix")
    assert table.caption is not None
    rows = table.select("tbody tr")
    assert len(rows) == len(guide.places)
    ordered = sorted(guide.places, key=lambda p: (not p.sample, p.name.en.casefold()))  # sample places first
    for row, place in zip(rows, ordered):
        assert row.th.get_text(" ", strip=True).startswith(place.name.en)
        cells = row.select("td.sg-cell")  # after the box that chooses the row
        assert len(cells) == len(guide.provisions)
        for cell, prov in zip(cells, guide.provisions):
            status = place.provisions[prov.code].status.value
            assert f"sg-cell--{status}" in cell["class"]
            label = {"yes": "Yes", "partial": "Partial", "no": "No", "unknown": "Unknown",
                     "not-researched": "Not yet researched"}[status]
            assert cell.get_text(" ", strip=True).endswith(label)  # text, not colour alone
            assert cell.a["href"].endswith(f"{place_url(guide, place.slug)}#{prov.slug}")


def test_search_index_holds_provisions_and_places(site, guide):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["title"] for d in index["docs"]}
    for prov in guide.provisions:
        assert prov.title.en in titles, prov.code
    for place in guide.places:
        assert place.name.en in titles, place.slug
    text = " ".join(d["text"] for d in index["docs"]).lower()
    for word in ("stop-and-frisk", "detainer", "long beach"):
        assert word in text


def test_home_page(site, guide):
    soup = page(site, "")
    text = soup.get_text(" ", strip=True)
    assert "no legal definition" in text
    assert "not legal advice" in text
    for section in guide.sections:
        assert section.title.en in text
    for slug in ("new-orleans", "san-francisco", "long-beach"):
        assert soup.select_one(f"a[href='{place_url(guide, slug)}']") is not None
    assert guide.last_reviewed in str(soup)


MOVED = '<meta http-equiv="refresh"'  # the old address of a place that is now its county or city page


def test_every_page_says_not_legal_advice(site):
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        if MOVED in text:
            continue
        spanish = html.relative_to(site).as_posix().startswith("es/")
        assert ("no es asesoría legal" if spanish else "not legal advice") in text, html


def test_glossary_has_the_terms_pages_link_to(site):
    soup = page(site, "glossary")
    for term in ("ice", "detainer", "287g", "sanctuary", "8-usc-1373", "trust-act", "truth-act"):
        assert soup.find(id=term) is not None, term


MARKUP_AS_TEXT = re.compile(r"</?(?:p|div|span|a|ul|li|br|strong|em|table|tr|td|img|script)\b[^<]{0,80}?>", re.I)
# The same, escaped in the page's source: what a reader sees as markup. Matching the source is fast
# enough for every page of the site; it also catches escaped markup in attributes.
ESCAPED_MARKUP = re.compile(r"&lt;/?(?:p|div|span|a|ul|li|br|strong|em|table|tr|td|img|script)\b.{0,80}?&gt;", re.I)


def visible_text(soup: BeautifulSoup) -> str:
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    return soup.get_text(" ")


def test_no_page_shows_markup_as_text(site):
    """A renderer's output escaped a second time shows as '<p>…</p>' to readers."""
    shown = {}
    for html in sorted(site.rglob("*.html")):
        found = ESCAPED_MARKUP.findall(html.read_text(encoding="utf-8"))
        if found:
            shown[html.relative_to(site).as_posix()] = found[:3]
    assert shown == {}
    # and, on the pages the browser tests sample, in the text a reader sees
    for rel in pages_to_check(site):
        path = site / rel / "index.html" if not rel.endswith(".html") else site / rel
        found = MARKUP_AS_TEXT.findall(visible_text(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")))
        assert found == [], rel


def test_the_markup_check_can_fail():
    source = "<p>Agencies: &lt;p&gt;ICE list&lt;/p&gt;</p>"
    assert MARKUP_AS_TEXT.findall(visible_text(BeautifulSoup(source, "html.parser"))) == ["<p>", "</p>"]
    assert ESCAPED_MARKUP.findall(source) == ["&lt;p&gt;", "&lt;/p&gt;"]


def test_link_checker_accepts_only_the_routes_a_view_answers(tmp_path):
    (tmp_path / "index.html").write_text('<a href="area.html#counties/tx/harris">x</a><a href="area.html#counties/tx/nowhere">y</a>')
    (tmp_path / "area.html").write_text('<div id="view"></div>')
    assert check_site(tmp_path, routes={"area.html": {"counties/tx/harris"}}) == [
        "index.html: area.html#counties/tx/nowhere: no element with id 'counties/tx/nowhere' in area.html"]


def test_link_checker_catches_a_broken_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#missing">x</a><a href="b/">y</a><a id="top" href="#top">t</a>')
    (tmp_path / "a" / "index.html").write_text('<h1 id="here">A</h1>')
    assert check_site(tmp_path) == [
        "index.html: a/#missing: no element with id 'missing' in a/index.html",
        "index.html: b/: no such file",
    ]


def test_a_broken_data_file_stops_the_build(tmp_path, root):
    """The real build command on a copy of the project with one bad value: no site, a clear message."""
    copy = tmp_path / "project"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".venv", "site", ".git", ".pytest_cache", "__pycache__"))
    place = copy / "data" / "places" / "long-beach.yml"
    text = place.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("kind:"))
    lines[number] = "kind: town\n"
    place.write_text("".join(lines), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=copy, capture_output=True, text=True,
    )
    assert run.returncode != 0
    assert f"data/places/long-beach.yml:{number + 1}: kind: input should be" in run.stderr + run.stdout
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.parametrize("path", ["", "cities/ca/san-francisco/", "compare/", "criminal-justice/", "glossary/", "counties/tx/harris/"])
def test_both_editions_have_the_page_with_language_metadata(site, site_url, path):
    for lang, prefix in (("en", ""), ("es", "es/")):
        soup = page(site, prefix + path)
        assert soup.html["lang"] == lang
        switch = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        assert set(switch) == {"en", "es"}
        assert not soup.select("link[rel=alternate][hreflang]")  # Material would fetch a sitemap beside each
        sitemap = (site / prefix / "sitemap.xml").read_text(encoding="utf-8")
        for other, other_prefix in (("en", ""), ("es", "es/"), ("x-default", "")):
            assert f'<xhtml:link rel="alternate" hreflang="{other}" href="{site_url}{other_prefix}{path}"/>' in sitemap
        locale = soup.select_one("meta[property='og:locale']")["content"]
        assert locale == ("es_US" if lang == "es" else "en_US")
        assert soup.select_one("link[rel=canonical]")["href"] == site_url + prefix + path


def test_spanish_pages_use_the_spanish_data(site, guide):
    soup = page(site, "es/cities/ca/long-beach/")
    place = guide.place_by_slug["long-beach"]
    assert heading(soup.h1) == place.name.es
    assert "Medida por medida" in soup.get_text()
    assert place.overview.es.split(".")[0] in soup.get_text(" ")
    matrix = page(site, "es/compare").select_one("table.sg-matrix")
    assert matrix.select("td .sg-status")[0].get_text(strip=True) in {"Sí", "Parcial", "No", "Sin datos"}


def test_the_whole_site_links_resolve_across_editions(site):
    # every internal link and anchor, including the language switch's links between editions
    assert check_site(site) == []


def test_state_layer_has_all_51_and_a_page_each(site, guide):
    assert len(guide.states) == 51
    counts = {s: len(guide.states_with(s)) for s in schema.Stance}
    assert sum(counts.values()) == 51
    index = page(site, "states")
    for state in guide.states:
        soup = page(site, f"states/{state.code.lower()}")
        assert heading(soup.h1) == state.name.en
        assert f"sg-stance-badge--{state.stance.value}" in str(soup)
        for law in state.laws:
            article = soup.find("article", id=f"law-{law.id}")
            assert article is not None and article.select("a.sg-cite"), (state.code, law.id)
            assert f"sg-law--{law.status.value}" in str(article)
        assert index.select_one(f"a[href='{state.code.lower()}/']") is not None


def test_blocked_laws_are_shown_as_blocked(site, guide):
    blocked = [(s, law) for s in guide.states for law in s.laws if law.status.value in ("blocked", "partly-blocked")]
    assert blocked, "the research lists laws that courts have blocked"
    for state, law in blocked:
        article = page(site, f"states/{state.code.lower()}").find("article", id=f"law-{law.id}")
        assert "blocked by a court" in article.get_text().lower()


def test_every_place_page_shows_the_state_law_that_applies(site, guide):
    for place in guide.places:
        soup = page(site, place_url(guide, place.slug))
        section = soup.find(id="state-law")
        assert section is not None, place.slug
        state = guide.state_by_code[place.state]
        link = section.find_next("p").find("a")
        assert link["href"].endswith(f"states/{state.code.lower()}/")


def test_compact_html_keeps_verbatim_elements_and_word_breaks(tmp_path):
    from sanctuary.steps import compact_html

    page = tmp_path / "a.html"
    page.write_text('<div>\n    <p>one\n      two</p>\n  <pre>\n    code\n</pre>\n  <script>\n    var x = 1;\n</script>\n</div>\n')
    (tmp_path / "es").mkdir()
    other = tmp_path / "es" / "b.html"
    other.write_text("<p>\n    kept\n</p>")
    saved = compact_html(tmp_path, skip=("es/",))
    assert page.read_text() == '<div>\n<p>one\ntwo</p>\n<pre>\n    code\n</pre>\n<script>\n    var x = 1;\n</script>\n</div>\n'
    assert saved == 4 + 6 + 2 + 2 and other.read_text() == "<p>\n    kept\n</p>"


def test_compact_html_then_adds_the_csp_of_the_compacted_page_in_the_same_pass(tmp_path):
    import base64
    import hashlib

    from sanctuary import csp
    from sanctuary.steps import compact_html

    page = tmp_path / "a.html"
    page.write_text('<html><head><meta charset="utf-8">\n    <script>\n  var a = 1;\n</script></head><body>\n    <p>x</p></body></html>')
    (tmp_path / "es").mkdir()
    other = tmp_path / "es" / "b.html"
    other.write_text('<html><head><meta charset="utf-8"></head></html>')
    compact_html(tmp_path, skip=("es/",), then=csp.add_policy)
    out = page.read_text()
    assert "\n<p>x</p>" in out and csp.MARK in out
    digest = base64.b64encode(hashlib.sha256(b"\n  var a = 1;\n").digest()).decode()
    assert f"'sha256-{digest}'" in out  # the script as it is on the page, left verbatim by compacting
    assert csp.MARK not in other.read_text()  # another edition's pages get theirs from its own build
