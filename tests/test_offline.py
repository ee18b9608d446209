"""The offline edition (zip, file://, no network), the printable PDFs, and the share tags."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def unzipped(offline, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline["zip"]) as zf:
        names = zf.namelist()
        assert "sanctuary-guide/index.html" in names and "sanctuary-guide/es/index.html" in names
        zf.extractall(dest)
    return dest / "sanctuary-guide"


def test_offline_edition_works_from_file_with_the_network_off(browser, unzipped):
    context = browser.new_context(offline=True)
    requests: list[str] = []
    failed: list[str] = []  # a file the zip left out that a page still asks for (or file:// refuses)
    context.on("request", lambda r: requests.append(r.url))
    # ERR_ABORTED: a load cut short because the test moved on to the next page (the favicon, once)
    context.on("requestfailed", lambda r: None if "ERR_ABORTED" in (r.failure or "") else failed.append(f"{r.url} {r.failure}"))
    page = context.new_page()
    home = (unzipped / "index.html").resolve().as_uri()
    page.goto(home, wait_until="load")
    # styles applied (Material's stylesheet loaded from the zip)
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    # navigation: follow the nav link to a section page, then a place page
    page.locator("nav.md-nav--primary a[href='criminal-justice.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/criminal-justice.html")
    page.goto((unzipped / "cities" / "ca" / "long-beach.html").resolve().as_uri(), wait_until="load")
    assert "Long Beach" in page.locator("h1").inner_text()
    # search runs (through the vendored iframe-worker shim) and returns results
    page.locator("input.md-search__input").click()
    page.keyboard.type("detainer", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    # the language switch goes to the same page in Spanish, and Spanish search works there too
    page.keyboard.press("Escape")  # close the search overlay first
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=es]").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/es/cities/ca/long-beach.html")
    assert page.locator("html").get_attribute("lang") == "es"
    page.locator("input.md-search__input").click()
    page.keyboard.type("informacion", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    context.close()
    off_disk = [u for u in requests if not u.startswith(("file://", "data:", "blob:", "about:"))]
    assert off_disk == []
    assert failed == []
    assert any(u.endswith("iframe-worker/shim.js") for u in requests)


def test_offline_pages_link_to_html_files(unzipped):
    html = (unzipped / "index.html").read_text(encoding="utf-8")
    assert 'href="criminal-justice.html"' in html
    assert "unpkg.com" not in html


@pytest.mark.parametrize("lang", ["en", "es"])
def test_printable_pdf_is_the_guide_with_bookmarks_and_page_numbers(offline, guide, lang):
    from sanctuary import printable

    reader = PdfReader(offline[f"pdf_{lang}"])
    assert len(reader.pages) > 10
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for prov in guide.provisions:
        title = getattr(prov.title, lang)
        assert " ".join(title.split()) in text, (lang, prov.code)
    chapters = printable.chapters(guide, lang)
    assert [o.title for o in reader.outline] == [c.title for c in chapters]
    # each section's overview, then each of its provisions' own page, with what it says
    paths = [c.path for c in chapters]
    for prov in guide.provisions:
        section = paths.index(printable.html_path(f"{guide.section_of[prov.code].id}.md"))
        assert printable.html_path(guide.page_of_provision(prov.code)) in paths[section + 1: section + 7], prov.code
        assert " ".join(getattr(prov.limits, lang).split())[:50] in text, (lang, prov.code)
    starts = [reader.get_destination_page_number(o) for o in reader.outline]
    assert starts == sorted(starts) and starts[0] == 0
    assert reader.pages[-1].extract_text().split()[-1] == str(len(reader.pages))
    assert reader.trailer["/Root"]["/Lang"] == lang
    # bounded: the lists that grow with the data are not in it
    assert {c.path for c in chapters}.isdisjoint({"places/index.html", "compare.html", "ice-287g.html"})


@pytest.mark.parametrize("lang", ["en", "es"])
def test_printable_pdf_prints_what_pages_collapse(offline, guide, lang):
    """Sources and model texts are collapsed on screen (<details>); the PDF has them (sanctuary/printing.py)."""
    reader = PdfReader(offline[f"pdf_{lang}"])
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for prov in guide.provisions:
        for model in prov.models:
            assert " ".join(getattr(model.clauses, lang).split())[:40] in text, (lang, prov.code, model.title)
    for place in guide.places:
        if place.sample:
            last = place.sources[-1]
            assert " ".join(last.title.split())[:30] in text, (lang, place.slug, last.id)


@pytest.mark.parametrize("edition", ["", "es"])
def test_offline_pages_have_the_phone_contents(unzipped, edition):
    from bs4 import BeautifulSoup

    folder = unzipped / edition if edition else unzipped
    soup = BeautifulSoup((folder / "cities" / "ca" / "long-beach.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("article nav.sg-toc a")]
    assert len(links) >= 5 and all(soup.find(id=h.removeprefix("#")) is not None for h in links), links


@pytest.mark.node
def test_vendored_shim_matches_npm():
    vendored = ROOT / "overrides" / "assets" / "vendor" / "iframe-worker" / "shim.js"
    npm = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
    assert vendored.read_bytes() == npm.read_bytes(), "update the vendored copy from node_modules"


def _area_rows(folder: Path) -> dict[str, list[str]]:
    """Every county and city the offline view can show: route -> [title, html], read from the data
    files as the view reads them: each state's shared lines (_.js), and each county's own lines and
    numbers of shared ones."""
    import json
    import re

    shared: dict[str, list[str]] = {}
    packed: dict[str, tuple[str, str, list]] = {}
    call = re.compile(r'window\.sgAreas&&window\.sgAreas\.(lines|add)\("([a-z]{2})",(.*)\);\n', re.S)
    for path in sorted((folder / "assets" / "areas").rglob("*.js")):
        m = call.fullmatch(path.read_text(encoding="utf-8"))
        assert m and m.group(2) == path.parent.name, path
        data = json.loads(m.group(3))
        if m.group(1) == "lines":
            assert path.name == "_.js", path
            shared[m.group(2)] = data
        else:
            assert not set(data) & set(packed), path
            packed.update({route: (m.group(2), title, parts) for route, (title, parts) in data.items()})
    return {route: [title, "\n".join(shared[st][p] if isinstance(p, int) else p for p in parts)]
            for route, (st, title, parts) in packed.items()}


@pytest.mark.parametrize("edition", ["", "es"])
def test_every_county_and_city_is_in_the_offline_edition(unzipped, guide, edition):
    from sanctuary import paths

    folder = unzipped / edition if edition else unzipped
    rows = _area_rows(folder)
    unresearched = {paths.area_route(a) for a in guide.all_areas if a.place is None}
    assert set(rows) == unresearched
    assert len(rows) + sum(1 for a in guide.all_areas if a.place is not None) == len(guide.all_areas) > 3_200
    for a in guide.all_areas:  # a researched county or city keeps its own page
        if a.place is not None:
            assert (folder / paths.page_url(a.src, False)).is_file(), a.src
    harris = rows["counties/tx/harris"]
    assert harris[0] == ("Harris County, Texas" if not edition else "Condado de Harris, Texas")
    # the view's content is the online page's, links relative to the view (area.html at the root)
    assert 'href="states/tx.html"' in harris[1] and 'id="ice-287g"' in harris[1]
    # and its contents at the top for small screens, as online, each link to a heading of the county
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(harris[1], "html.parser")
    links = [a["href"] for a in soup.select("nav.sg-toc a")]
    assert len(links) >= 4 and all(soup.find(id=h.removeprefix("#")) is not None for h in links), links
    assert soup.select_one("nav.sg-toc").find_previous("h1") is not None


@pytest.mark.parametrize("edition, query, route, heading", [
    ("", "Harris County", "counties/tx/harris", "Harris County, Texas"),
    ("es/", "condado de harris", "counties/ga/harris", "Condado de Harris, Georgia"),
    ("", "Garland", "cities/tx/garland", "Garland, Texas"),  # one of the 100 largest cities nobody has researched yet
])
def test_offline_finder_and_search_reach_a_county(browser, unzipped, edition, query, route, heading):
    context = browser.new_context(offline=True)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto((unzipped / edition / "index.html").resolve().as_uri(), wait_until="load")
    page.locator("#finder-q").type(query, delay=15)
    target = f"area.html#{route}"
    page.locator(f"[data-finder-results] a[href$='{target}']").first.click()
    page.locator("[data-area-view] h1").filter(has_text=heading).wait_for(timeout=10_000)
    assert page.title().startswith(heading)
    assert page.locator("[data-area-view] #by-provision").count() == 1
    # Material's search finds it by name too, and its result opens the same view
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    hrefs = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => decodeURIComponent(e.href))")
    found = [h for h in hrefs if f"r={route}" in h]
    assert found, hrefs
    page.goto(found[0], wait_until="load")  # each county is its own result, and opens the view
    page.locator("[data-area-view] h1").filter(has_text=heading).wait_for(timeout=10_000)
    context.close()
    assert [u for u in requests if not u.startswith(("file://", "data:", "blob:", "about:"))] == []


def test_offline_view_says_so_for_an_unknown_address(browser, unzipped):
    page = browser.new_page()
    page.goto((unzipped / "area.html").resolve().as_uri() + "#counties/tx/nowhere", wait_until="load")
    page.get_by_text("has no county or city at this address").wait_for(timeout=10_000)
    page.close()


def test_the_zip_opens_on_a_page_in_both_languages(browser, unzipped):
    start = unzipped / "start.html"
    assert start.is_file()
    page = browser.new_context(offline=True).new_page()
    page.goto(start.resolve().as_uri(), wait_until="load")
    links = page.locator("a.lang")
    assert links.all_inner_texts()[0].startswith("Español") and links.all_inner_texts()[1].startswith("English")
    links.first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/es/index.html") and page.locator("html").get_attribute("lang") == "es"
    page.context.close()


def test_offline_compare_reopens_a_chosen_comparison_from_its_address(browser, unzipped, guide):
    """A comparison's address (?p=) works from file:// with the network off: a researched place from
    the page's own data, and a county from its state's script, linked to the offline view."""
    from sanctuary import comparedata, paths

    place = guide.places_sorted("es")[0]
    county = next(a for a in guide.areas_in("TX") if a.place is None and a.kind == "county")
    context = browser.new_context(offline=True)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    ids = f"{comparedata.place_id(guide, place.slug)},{paths.area_route(county)}"
    page.goto((unzipped / "es" / "compare.html").resolve().as_uri() + "?p=" + ids, wait_until="load")
    rows = page.locator("#sg-matrix tbody tr")
    for _ in range(100):  # the state's script arrives after the page asks for it
        if rows.count() == 2:
            break
        page.wait_for_timeout(100)
    assert [t.strip() for t in rows.locator("th a").all_inner_texts()] == [place.name.es, county.name("es")]
    assert rows.nth(1).locator("th a").get_attribute("href") == f"area.html#{paths.area_route(county)}"
    assert page.locator("[data-compare-count]").inner_text() == "2 lugares elegidos."
    context.close()
    assert [u for u in requests if not u.startswith(("file://", "data:", "blob:", "about:"))] == []
