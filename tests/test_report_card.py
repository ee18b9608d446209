"""The one-page report card: its renderer, and the card and the checklist's handout printed by
Chromium on one Letter page and one A4 page, in both languages (the QR module: test_qr.py)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from conftest import PUBLIC  # the public build's address (conftest.public_site)

from sanctuary import paths, render, steps
from sanctuary.load import load_guide

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "mini"


# ---------------------------------------------------------------- the renderer


@pytest.fixture(scope="module")
def mini():
    return load_guide(FIXTURE)


def _ctx(guide, lang="en", page="places/testville.md", site_url=""):
    return render.Ctx(guide, lang, paths.Links(page, True), site_url=site_url)


@pytest.mark.parametrize(
    "site_url, expected",
    [
        (PUBLIC, PUBLIC + "places/testville/"),
        (PUBLIC + "es/", PUBLIC + "es/places/testville/"),
        ("https://example.org", "https://example.org/places/testville/"),
        ("http://127.0.0.1:8000/", ""),
        ("", ""),
    ],
)
def test_page_address_is_the_public_online_page_or_nothing(mini, site_url, expected):
    assert _ctx(mini, site_url=site_url).address("places/testville.md") == expected
    # the offline edition (no directory URLs) still prints the online page's address
    offline = render.Ctx(mini, "en", paths.Links("places/testville.md", False), site_url=site_url)
    assert offline.address("places/testville.md") == expected


def test_card_names_the_place_its_date_every_status_and_the_qr(mini):
    place = mini.place_by_slug["testville"]
    url = PUBLIC + "places/testville/"
    card = str(render.report_card(_ctx(mini), place=place, url=url))
    assert card.startswith('<div class="sg-card"') and card.rstrip().endswith("</div>")
    assert "\n\n" not in card  # one raw HTML block for Markdown
    assert "<script>" not in card and "&lt;script&gt;alert(1)&lt;/script&gt; Testville" in card
    assert f'<time datetime="{place.reviewed}">' in card and render.format_date(place.reviewed, "en") in card
    for prov in mini.provisions:
        status = place.provisions[prov.code].status.value
        assert re.search(rf'<th scope="row">{re.escape(prov.title.en)}</th><td><span class="sg-status sg-status--{status}">'
                         rf'{re.escape(mini.label("status_" + status, "en"))}</span>', card), prov.code
    assert card.count('<svg class="sg-qr"') == 1 and url in card
    assert mini.label("card_no_address", "en") not in card
    assert len(re.findall(r"<li>", card)) <= paths.CARD_SOURCES


def test_card_marks_an_unverified_source(mini):
    place = mini.place_by_slug["testville"]
    doubtful = place.model_copy(update={"sources": [src.model_copy(update={"unverified": True}) for src in place.sources]})
    card = str(render.report_card(_ctx(mini), place=doubtful, url=""))
    assert card.count('<strong class="sg-unverified">Unverified</strong>') == min(len(place.sources), paths.CARD_SOURCES)


def test_card_without_a_public_address_says_so_and_has_no_qr(mini):
    place = mini.place_by_slug["testville"]
    for lang in ("en", "es"):
        card = str(render.report_card(_ctx(mini, lang), place=place, url=""))
        assert "<svg" not in card and "127.0.0.1" not in card
        assert mini.label("card_no_address", lang).split(":")[0] in card
        assert mini.label("card_title", lang) in card


def test_place_page_has_the_card_and_its_button_only_with_a_public_address(mini):
    public = render.place_page(_ctx(mini, site_url=PUBLIC), "testville")
    assert public.count('class="sg-card"') == 1 and public.count("data-print-card") == 1
    assert '<p class="sg-card-print" data-search-exclude' in public  # hidden by guide.css where scripts are off
    assert PUBLIC + "places/testville/" in public and '<svg class="sg-qr"' in public
    local = render.place_page(_ctx(mini, site_url="http://127.0.0.1:8000/"), "testville")
    assert "<svg class=\"sg-qr\"" not in local and "127.0.0.1" not in local


def test_top_sources_are_the_most_cited(guide):
    place = guide.place_by_slug["san-francisco"]
    top = guide.top_sources(place, paths.CARD_SOURCES)
    assert len(top) == paths.CARD_SOURCES
    cited = lambda s: sum(s.id in st.sources for st in place.provisions.values())  # noqa: E731
    rest = [s for s in place.sources if s not in top]
    assert min(cited(s) for s in top) >= max(cited(s) for s in rest)


def test_county_card_gives_records_date_derived_statuses_and_sources(guide):
    area = next(a for a in guide.areas if a.place is None and any(b == "derived" for b, _ in guide.area_statuses(a).values()))
    for lang in ("en", "es"):
        ctx = render.Ctx(guide, lang, paths.Links(area.src, True), site_url=PUBLIC + ("es/" if lang == "es" else ""))
        card = str(render.report_card(ctx, area=area, url=ctx.address(area.src)))
        assert area.name(lang) in card and guide.state_by_code[area.state].name(lang) in card
        assert render.format_date(guide.data_date, lang) in card
        assert guide.label("basis_derived", lang) in card and guide.label("card_legend_derived", lang) in card
        assert guide.label("status_not-researched", lang) in card
        assert guide.agreements_layer.snapshot.publisher in card
        assert PUBLIC + ("es/" if lang == "es" else "") + paths.page_url(area.src) in card


@pytest.mark.parametrize("page, expected_page, expected_card", [
    ('<main><p>a</p><div class="sg-card" data-x="1"><div><div></div></div><p>c</p></div><p>b</p></main>',
     '<main><p>a</p><div class="sg-card-slot" data-card-src="index.card.js"></div><p>b</p></main>',
     '<div class="sg-card" data-x="1"><div><div></div></div><p>c</p></div>'),
    ("<main><p>no card</p></main>", "<main><p>no card</p></main>", None),
    ('<div class="sg-card-print"><button data-print-card>x</button></div>', '<div class="sg-card-print"><button data-print-card>x</button></div>', None),
])
def test_the_build_moves_a_card_out_of_its_page(page, expected_page, expected_card):
    assert steps.detach_card(page, "index.card.js") == (expected_page, expected_card)


def test_a_card_without_its_end_stops_the_build():
    with pytest.raises(steps.StepError, match="closing"):
        steps.detach_card('<div class="sg-card"><div></div>', "index.card.js")


def test_a_card_script_hands_the_card_to_the_page_as_text():
    card = '<div class="sg-card"><h2>&lt;/script&gt; "Ñ"</h2></div>'
    script = steps.card_script(card)
    assert script.startswith(steps.CARD_CALLBACK + "(") and "</script" not in script.lower()
    assert json.loads(script[len(steps.CARD_CALLBACK) + 1 : script.rindex(")")]) == card


def test_built_pages_carry_a_card_slot_and_their_card_beside_them(site, guide):
    """County and place pages leave their card out (loaded when printed) and the card is beside them."""
    for rel in ("counties/ca/alameda/index.html", "es/counties/ca/alameda/index.html", "places/new-york-state/index.html"):
        page = (site / rel).read_text(encoding="utf-8")
        assert steps.CARD_START not in page and page.count('<div class="sg-card-slot" data-card-src="index.card.js">') == 1
        script = (site / rel).with_name("index.card.js").read_text(encoding="utf-8")
        card = json.loads(script[len(steps.CARD_CALLBACK) + 1 : script.rindex(")")])
        assert card.startswith(steps.CARD_START) and ("Alameda" in card or "New York" in card)
    assert not (site / "compare" / "index.card.js").exists()


# ---------------------------------------------------------------- printed by Chromium

PUBLIC_PAGES = [
    "cities/ca/san-francisco/",  # the researched place with the most sources (60)
    "cities/ca/long-beach/",  # a sample city of the 2016 guide
    "counties/ca/santa-clara/",  # a researched county, long names in Spanish
    "places/new-orleans/",  # a researched place whose county page this quick build does not make
    "places/new-york-state/",  # a state as a place
    "counties/ca/alameda/",  # a county nobody has researched: derived and not-yet-researched statuses
    "cities/ca/san-diego/",  # a city nobody has researched
]
MARGIN = {"top": "16mm", "bottom": "22mm", "left": "14mm", "right": "14mm"}  # wider than a browser's default


@pytest.fixture(scope="module")
def public_url(public_site):
    from browser import serve

    with serve(public_site) as url:
        yield url


def _print(page, fmt: str, button: str | None) -> tuple[int, str]:
    """Press the page's print button (window.print stubbed: Chromium prints with page.pdf), print
    with the print stylesheet, and return the PDF's page count and text (the QR code's printed
    width in CSS px, when there is one, in ``page.qr_width``)."""
    from pypdf import PdfReader

    if button:
        page.emulate_media(media="screen")
        page.click(button)  # each print is a press of the button: printing ends the card mode
        # the first press loads the card's script (it is not in the page), then prints
        page.locator("html.sg-card-mode").wait_for(state="attached")  # (no wait_for_function: the CSP forbids eval)
    page.emulate_media(media="print")
    page.qr_width = page.evaluate("(document.querySelector('svg.sg-qr') || {getBoundingClientRect: () => ({width: 0})})"
                                  ".getBoundingClientRect().width")
    reader = PdfReader(io.BytesIO(page.pdf(format=fmt, margin=MARGIN)))
    return len(reader.pages), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _open(browser, base: str, rel: str):
    """The page at ``base`` + ``rel``, and the list of requests it makes anywhere else."""
    page = browser.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((base, "data:")) else outside.append(r.url))
    page.goto(base + rel)
    page.evaluate("window.print = function () {}")
    return page, outside


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("rel", PUBLIC_PAGES)
def test_report_card_prints_on_one_letter_and_one_a4_page(browser, public_url, guide, rel, lang):
    src = rel.rstrip("/") + ".md"
    area = next((a for a in guide.all_areas if a.src == src), None)
    place = area.place if area else guide.place_by_slug[rel.split("/")[1]]
    ctx = render.Ctx(guide, lang, paths.Links(src, True), site_url=PUBLIC + ("es/" if lang == "es" else ""))
    name = ctx.card_name(place) if place else render.area_title(ctx, area.key)
    date = render.format_date(place.reviewed if place else guide.data_date, lang)
    statuses = ({st.status.value for st in place.provisions.values()} if place
                else {(r.status.value if r else "not-researched") for _, r in guide.area_statuses(area).values()})
    page, outside = _open(browser, public_url, ("es/" if lang == "es" else "") + rel)
    try:
        assert page.locator("[data-print-card]").is_visible()
        for fmt in ("Letter", "A4"):
            count, text = _print(page, fmt, "[data-print-card]")
            assert count == 1, f"{rel} ({lang}) prints on {count} {fmt} pages"
            assert name in text and date in text, text[:300]
            for status in statuses:
                assert guide.label("status_" + status, lang) in text, status
            assert ctx.address(src) in text.replace(" ", "")
            assert guide.label("card_notice", lang).split(".")[0] in text
            assert page.qr_width > 100  # 32 mm (121 px): big enough for a phone's camera
        assert page.locator("svg.sg-qr").count() == 1
        # once printed, the page prints whole again (Ctrl+P), without the card
        count, text = _print(page, "Letter", None)
        heading = guide.label("site_name", lang) + " · " + guide.label("card_title", lang)
        assert count > 1 and heading.upper() not in text.upper()
        assert outside == []
    finally:
        page.close()


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("query", ["?place=san-francisco&have=CJ2,CJ5,IE1,IE2,IE5,IE6,IC1,IC3", "?place=new-york-state", "", "?have=CJ1"])
def test_checklist_handout_prints_on_one_page_with_place_and_date(browser, public_url, guide, query, lang):
    page, outside = _open(browser, public_url, ("es/" if lang == "es" else "") + "check/" + query)
    try:
        today = page.evaluate("new Date().toLocaleDateString(document.documentElement.lang, "
                              "{year: 'numeric', month: 'long', day: 'numeric'})")
        for fmt in ("Letter", "A4"):
            count, text = _print(page, fmt, None)
            assert count == 1, f"check/{query} ({lang}) prints on {count} {fmt} pages"
            assert guide.label("check_printed_on", lang).format(date=today) in text
            assert guide.label("card_notice", lang).split(".")[0] in text
            assert guide.label("notice_title", lang) not in text  # the long notice gives way to the short one
            if "place=" in query:
                place = guide.place_by_slug[query.split("place=")[1].split("&")[0]]
                ctx = render.Ctx(guide, lang, paths.Links(paths.CHECK, True))
                assert guide.label("check_place", lang).format(place=ctx.card_name(place)) in text
                assert render.format_date(place.reviewed, lang) in text
            assert (PUBLIC + ("es/" if lang == "es" else "") + "check/") in text.replace(" ", "")
        assert outside == []
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_local_preview_card_prints_a_note_not_a_qr(browser, base_url, guide, lang):
    """The session's site is built for 127.0.0.1: its cards print no address and no QR code."""
    page, _ = _open(browser, base_url, ("es/" if lang == "es" else "") + "counties/ca/alameda/")
    try:
        for fmt in ("Letter", "A4"):
            count, text = _print(page, fmt, "[data-print-card]")
            assert count == 1
            assert "127.0.0.1" not in text and guide.label("card_no_address", lang).split(":")[0] in text
        assert page.locator("svg.sg-qr").count() == 0
    finally:
        page.close()


@pytest.mark.slow
def test_without_javascript_the_page_prints_whole_and_has_no_button(browser, public_url, guide):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(public_url + "cities/ca/long-beach/")
        assert not page.locator("[data-print-card]").is_visible()
        count, text = _print(page, "Letter", None)
        heading = guide.label("site_name", "en") + " · " + guide.label("card_title", "en")
        assert count > 1 and heading.upper() not in text.upper()
        assert guide.label("federal_says", "en") in text  # the page itself, whole
    finally:
        context.close()
