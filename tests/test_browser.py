"""Browser tests in Debian's Chromium: privacy (no third-party request) and search."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser import pages_to_check


def test_no_page_makes_a_third_party_request(browser, site, base_url):
    """Load every built page, wait for it to settle, and record every request it makes."""
    origin = urlsplit(base_url).netloc
    context = browser.new_context()
    requests: list[tuple[str, str]] = []
    page = context.new_page()
    page.on("request", lambda r: requests.append((page.url, r.url)))
    blocked: list[str] = []  # the Content-Security-Policy must never have to block anything of ours
    page.on("console", lambda m: blocked.append(f"{page.url}: {m.text}") if "Content Security Policy" in m.text else None)
    pages = pages_to_check(site)
    assert len(pages) > 10
    for rel in pages:
        page.goto(base_url + rel, wait_until="networkidle")
    foreign = [(p, u) for p, u in requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != origin]
    assert foreign == []
    assert blocked == []
    # Material fetches a sitemap.xml beside each <link rel="alternate">: never the site's own (1.5 MB)
    assert [u for _, u in requests if u.endswith("sitemap.xml") and "/feeds/" not in u] == []
    assert len(requests) > len(pages)  # the recorder saw the pages' own requests
    assert context.cookies() == []
    context.close()


@pytest.mark.parametrize(
    "edition, query, expected",
    [
        ("", "stop and frisk", "racial profiling"),
        ("", "detainer", "jails"),
        ("", "Long Beach", "Long Beach"),
        # Spanish: with or without accents, and plural or singular
        ("es/", "informacion", "información"),
        ("es/", "policia", "policía"),
        ("es/", "detencion", "detención"),
        ("es/", "ciudades", "ciudad"),
        ("es/", "politica", "políticas"),
        # every county and city page, by name, in both languages
        ("", "Harris County", "Harris County, Texas"),
        ("", "Garland", "Garland, Texas"),  # one of the 100 largest cities nobody has researched yet
        ("", "Fort Worth", "Fort Worth"),  # researched since: its city page has the place's name
        ("", "Houston", "Houston"),  # a researched city: its page is its city page (see the finder tests)
        ("es/", "condado de Harris", "Condado de Harris, Texas"),
        ("es/", "Doña Ana", "Condado de Doña Ana, Nuevo México"),
        ("es/", "la policia", "policía"),  # a stop word first: not a prefix that matches every "La..." county
    ],
)
def test_search_finds_provisions_and_places(browser, base_url, edition, query, expected):
    page = browser.new_page()
    page.goto(base_url + edition, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)  # Material searches on key events, as a reader types
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    # results change as each key arrives: wait for those of the whole query (or time out and fail)
    try:
        page.wait_for_function(
            "want => [...document.querySelectorAll('.md-search-result__item')].some(e => e.innerText.toLowerCase().includes(want))",
            arg=expected.lower(), timeout=10_000)
    except Exception:
        pass
    text = " ".join(results.all_inner_texts()).lower()
    assert expected.lower() in text
    page.close()


@pytest.mark.parametrize("width", [360, 320])  # a small phone; 320 CSS px = 1280 px at 400 % zoom (WCAG reflow)
def test_no_page_scrolls_sideways_on_a_small_screen(browser, site, base_url, width):
    """Wide tables scroll inside their own box; the page itself never scrolls sideways."""
    page = browser.new_page(viewport={"width": width, "height": 740})
    too_wide = []
    for rel in pages_to_check(site):
        page.goto(base_url + rel, wait_until="load")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            too_wide.append((rel, scroll))
    page.close()
    assert too_wide == []


def test_each_language_searches_only_its_own_pages(browser, base_url):
    page = browser.new_page()
    for edition, query, lang in (("", "Welcoming", "en"), ("es/", "acogedora", "es")):
        page.goto(base_url + edition, wait_until="networkidle")
        page.locator("input.md-search__input").click()
        page.keyboard.type(query, delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        links = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")
        assert links
        for href in links:
            assert ("/es/" in href) == (lang == "es"), href
    page.close()


@pytest.mark.parametrize("path", ["", "cities/ca/long-beach/", "compare/", "immigration-enforcement/", "criminal-justice/no-private-prisons/"])
def test_language_switch_goes_to_the_same_page(browser, base_url, path):
    page = browser.new_page()
    page.goto(base_url + path, wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=es]").click()
    page.wait_for_url(base_url + "es/" + path)
    assert page.locator("html").get_attribute("lang") == "es"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_url(base_url + path)
    page.close()


def test_skip_link_and_visible_focus(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "cities/ca/long-beach/", wait_until="load")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert "md-skip" in focused[0]
    target = focused[1].lstrip("#")
    assert page.locator(f"[id='{target}']").count() == 1
    assert page.evaluate("getComputedStyle(document.activeElement).transform") != "none" or page.locator(".md-skip").is_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.close()


@pytest.mark.parametrize("locale, path, offered", [
    ("es-MX", "", True),  # an English page, a Spanish-preferring browser: the offer shows
    ("en-US", "", False),
    ("fr-FR", "", False),  # neither language preferred: no offer
    ("es-MX", "es/", False),  # already Spanish: no offer of English to a Spanish reader
])
def test_a_spanish_preferring_browser_is_offered_spanish(browser, base_url, locale, path, offered):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(base_url + path + "states/", wait_until="load")
    offers = page.locator("[data-lang-offer]:visible")
    if not offered:
        assert offers.count() == 0
        context.close()
        return
    assert offers.count() == 1
    link = offers.locator("a")
    assert link.get_attribute("hreflang") == "es" and link.inner_text().strip() == "Lea esta página en español"
    assert page.url.startswith(base_url + path)  # no redirect
    offers.locator("button").click()  # "No, gracias": hidden, and remembered on this device
    assert page.locator("[data-lang-offer]:visible").count() == 0
    page.reload(wait_until="load")
    assert page.locator("[data-lang-offer]:visible").count() == 0
    page.goto(base_url + "states/", wait_until="load")
    link_target = page.locator("[data-lang-offer='es'] a").get_attribute("href")
    context.close()
    assert link_target.endswith("es/states/")
