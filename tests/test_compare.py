"""The compare page: short provision names head its columns (the code as a small mark), the place
names stay visible while it scrolls, the filters narrow its rows, and a reader can choose 2 to 5
places to see alone, share (an address with ?p=) or print; without scripts it is the full table.
The browser tests run in Debian's Chromium on the session's site; the first two need no browser."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from sanctuary import comparedata, paths, render
from sanctuary.load import load_guide

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
MARGIN = {"top": "16mm", "bottom": "22mm", "left": "14mm", "right": "14mm"}  # as the report card's tests print


def test_matrix_headings_are_short_names_with_the_code_as_a_mark_and_rows_can_be_chosen():
    guide = load_guide(MINI)
    out = render.compare_matrix(render.Ctx(guide, "es", paths.Links("compare.md", True)))
    heads = re.findall(r'<th scope="col"><a [^>]*>(.*?)</a></th>', out)
    assert heads == [f'<span class="sg-matrix__short">{p.short.es}</span> <span class="sg-code">{p.code}</span>'
                     for p in guide.provisions]
    # a box per row, named by the place (escaped), with the row's id
    assert '<input type="checkbox" autocomplete="off" data-pick="places/testville" aria-label="Elegir &lt;script&gt;alert(1)&lt;/script&gt; Villaprueba, CA">' in out
    assert "<script>alert" not in out
    assert 'aria-live="polite" data-compare-count' in out and ">0 lugares elegidos.<" in out


def test_every_row_has_an_id_that_names_its_page_in_every_edition(guide):
    for place in guide.places:
        assert comparedata.place_id(guide, place.slug) == guide.page_of_place(place.slug).removesuffix(".md")
    state = next(s.code for s in guide.states if any(a.place is None for a in guide.areas_in(s.code)))
    online = comparedata.rows(guide, state, "en", True, False, render.AREA_LETTER)
    offline = comparedata.rows(guide, state, "es", False, True, render.AREA_LETTER)
    assert [r[7] for r in online] == [r[7] for r in offline] == [paths.area_route(a) for a in guide.areas_in(state) if a.place is None]
    assert all(re.fullmatch(r"(counties|cities)/[a-z]{2}/[a-z0-9-]+", r[7]) for r in online)


# ---------------------------------------------------------------- in the browser

def _rows(page) -> list[str]:
    return [t.strip() for t in page.locator("#sg-matrix tbody th a").all_inner_texts()]


def _wait_rows(page, n: int) -> None:
    """A state's script arrives after the page asks for it (the CSP forbids evaluating a string: poll from here)."""
    for _ in range(100):
        if page.locator("#sg-matrix tbody tr").count() == n:
            return
        page.wait_for_timeout(100)


@pytest.mark.parametrize("edition, lang", [("", "en"), ("es/", "es")])
def test_headings_show_short_names_with_the_code_below(browser, base_url, guide, edition, lang):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(base_url + edition + "compare/", wait_until="load")
    heads = page.locator("#sg-matrix thead tr:last-child th[scope=col] a")
    shown = [" ".join(t.split()) for t in heads.all_inner_texts()]
    assert shown == [f"{p.short(lang)} {p.code}" for p in guide.provisions]
    # the code is a smaller mark on a line of its own, under the name
    name_box = heads.first.locator(".sg-matrix__short").bounding_box()
    code = heads.first.locator(".sg-code")
    assert code.bounding_box()["y"] >= name_box["y"] + name_box["height"] - 1
    assert page.evaluate("e => parseFloat(getComputedStyle(e).fontSize) < parseFloat(getComputedStyle(e.parentNode).fontSize)",
                         code.element_handle())
    page.close()


def test_place_names_and_headings_stay_visible_while_the_table_scrolls_at_360_px(browser, base_url):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(base_url + "compare/", wait_until="load")
    wrap = page.locator(".sg-matrix-wrap")
    wrap.evaluate("w => window.scrollTo(0, w.getBoundingClientRect().top + window.scrollY - 60)")  # below the site's header
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # the table scrolls in its box, not the page
    sizes = wrap.evaluate("w => [w.scrollWidth, w.clientWidth, w.scrollHeight, w.clientHeight]")
    assert sizes[0] > sizes[1] and sizes[2] > sizes[3], sizes  # it does scroll both ways here
    # the element a reader sees at the middle of a box: it, or something inside it
    on_top = """e => { const r = e.getBoundingClientRect(), w = e.closest('.sg-matrix-wrap').getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
      return [e.contains(hit), Math.round(r.left - w.left), Math.round(r.top - w.top)]; }"""
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; w.scrollTop = 400; }")
    # a row's place name, halfway down the box, after scrolling to the last column
    row = page.evaluate("""() => { const w = document.querySelector('.sg-matrix-wrap').getBoundingClientRect();
      return [...document.querySelectorAll('#sg-matrix tbody th')].findIndex(th => th.getBoundingClientRect().top > w.top + w.height / 2); }""")
    name = page.locator("#sg-matrix tbody th").nth(row)
    visible, left, _ = name.evaluate(on_top)
    assert visible and 0 <= left <= 2, (visible, left)
    # the last provision's heading, at the top of the box, after scrolling down
    head = page.locator("#sg-matrix thead tr:last-child th").last
    visible, _, top = head.evaluate(on_top)
    assert visible and 0 <= top <= 2, (visible, top)
    page.close()


def test_the_filters_narrow_the_rows(browser, base_url, guide):
    page = browser.new_page()
    page.goto(base_url + "compare/", wait_until="load")
    rows = page.locator("#sg-matrix tbody tr")
    assert rows.count() == len(guide.places)
    page.fill("#matrix-q", "san")
    names = _rows(page)
    assert names and len(names) < len(guide.places)
    assert all("san" in n.lower() for n in names)
    assert page.locator("[data-filter-count]").inner_text() == guide.label("matrix_count_other", "en").format(n=len(names))
    page.fill("#matrix-q", "")
    code = "IE1"
    col = guide.provision_index(code)
    page.select_option("#matrix-kind", "researched")
    page.select_option("#matrix-has", str(col))
    page.select_option("#matrix-status", "y")
    expected = [p.name.en for p in guide.places_sorted("en") if p.provisions[code].status.value == "yes"]
    assert 0 < len(expected) < len(guide.places)
    assert _rows(page) == expected
    assert f"has={col}" in page.url and "status=y" in page.url
    page.close()


def test_two_chosen_places_are_shared_by_an_address_that_reopens_only_them(browser, base_url, guide):
    """Chosen with the keyboard; the count is announced; the shared address reopens those rows alone,
    a county from its state's script among them."""
    place = guide.places_sorted("en")[0]
    county = next(a for a in guide.areas_in("CA") if a.place is None and a.kind == "county")
    page = browser.new_page()
    page.goto(base_url + "compare/", wait_until="load")
    count = page.locator("[data-compare-count]")
    assert count.get_attribute("aria-live") == "polite" and count.inner_text() == "0 places chosen."
    assert page.locator("[data-compare-share]").is_disabled()
    first = page.locator("#sg-matrix tbody input[data-pick]").first
    place_id = first.get_attribute("data-pick")
    assert place_id == comparedata.place_id(guide, place.slug)
    first.focus()
    page.keyboard.press("Space")
    assert count.inner_text() == "1 place chosen. " + guide.label("compare_chosen_more", "en")
    page.select_option("#matrix-state", "CA")
    page.select_option("#matrix-kind", "county")
    box = page.locator(f"#sg-matrix input[data-pick='{paths.area_route(county)}']")
    box.wait_for(timeout=10_000)
    assert box.get_attribute("aria-label") == f"Choose {county.name('en')}, CA"
    box.focus()
    page.keyboard.press("Space")
    assert count.inner_text() == "2 places chosen."
    page.locator("[data-compare-share]").click()
    address = page.locator("[data-compare-address]").get_attribute("href")
    assert address == f"{base_url}compare/?p={place_id},{paths.area_route(county)}"
    page.close()

    other = browser.new_page()
    other.goto(address, wait_until="load")
    _wait_rows(other, 2)
    assert _rows(other) == [place.name.en, county.name("en")]
    assert other.locator("#sg-matrix tbody input[data-pick]:checked").count() == 2
    assert other.locator("[data-compare-only]").get_attribute("aria-pressed") == "true"
    assert other.locator("[data-compare-count]").inner_text() == "2 places chosen."
    # "Show only the chosen places" again: every place, the two still ticked
    other.locator("[data-compare-only]").click()
    assert other.locator("#sg-matrix tbody tr").count() == len(guide.places)
    assert "p=" not in other.url
    other.close()


def test_no_more_than_five_places_can_be_chosen(browser, base_url, guide):
    page = browser.new_page()
    page.goto(base_url + "es/compare/", wait_until="load")
    boxes = page.locator("#sg-matrix tbody input[data-pick]")
    for i in range(comparedata.PICK_MAX):
        boxes.nth(i).check()
    boxes.nth(comparedata.PICK_MAX).click()
    assert not boxes.nth(comparedata.PICK_MAX).is_checked()
    assert page.locator("#sg-matrix tbody input[data-pick]:checked").count() == comparedata.PICK_MAX
    assert guide.label("compare_chosen_max", "es").format(max=comparedata.PICK_MAX) in page.locator("[data-compare-count]").inner_text()
    page.close()


@pytest.mark.parametrize("lang, edition", [("en", ""), ("es", "es/")])
def test_printing_shows_only_the_chosen_places_on_one_page(browser, base_url, guide, lang, edition):
    from pypdf import PdfReader

    chosen = guide.places_sorted(lang)[: comparedata.PICK_MAX]
    page = browser.new_page()
    page.goto(base_url + edition + "compare/", wait_until="load")
    page.evaluate("window.print = function () {}")
    boxes = page.locator("#sg-matrix tbody input[data-pick]")  # the rows are in the guide's order
    for i in range(len(chosen)):
        boxes.nth(i).check()
    page.locator("[data-compare-print]").click()
    page.emulate_media(media="print")
    assert not page.locator("#sg-matrix").is_visible() and not page.locator("[data-compare-pick]").is_visible()
    printed = page.locator(".sg-compare-print")
    assert printed.is_visible()
    heads = [" ".join(t.split()) for t in printed.locator("thead th").all_inner_texts()]
    assert heads == [f"{p.name(lang)} {p.state}" for p in chosen]
    assert printed.locator("tbody th[scope=row]").count() == len(guide.provisions)
    for fmt in ("Letter", "A4"):
        pdf = PdfReader(io.BytesIO(page.pdf(format=fmt, margin=MARGIN)))
        assert len(pdf.pages) == 1, f"{lang}: {len(pdf.pages)} {fmt} pages"
    # with fewer than two chosen, the page prints whole again
    page.emulate_media(media="screen")
    for i in range(1, len(chosen)):
        boxes.nth(i).uncheck()
    page.emulate_media(media="print")
    assert page.locator("#sg-matrix").is_visible() and not printed.is_visible()
    page.close()


def test_without_javascript_the_page_is_the_full_table(browser, base_url, guide):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "compare/", wait_until="load")
    assert page.locator("#sg-matrix tbody tr").count() == min(len(guide.places), paths.LIST_LIMIT)
    assert page.locator("#sg-matrix thead th[scope=col] .sg-matrix__short").first.is_visible()
    assert not page.locator("[data-compare-pick]").is_visible()
    assert page.locator("#sg-matrix input[data-pick]:visible").count() == 0
    context.close()
