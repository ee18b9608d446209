"""'Find your place': the index (unit) and the box on the real site (browser), both languages."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from sanctuary import finder


@pytest.mark.parametrize("typed, expected", [
    ("Doña Ana County", "dona ana"), ("dona ana", "dona ana"), ("Condado de Harris", "harris"), ("harris county", "harris"),
    ("St. Louis", "st louis"), ("Saint Louis", "st louis"), ("  HOUSTON ", "houston"), ("Parroquia de Orleans", "orleans"),
])
def test_names_match_without_case_accents_or_county_words(typed, expected):
    assert finder.key(typed) == expected


def test_every_lookup_is_small(guide):
    import gzip

    for lang in ("en", "es"):
        sizes = {path: len(gzip.compress(text.encode("utf-8"))) for path, text in finder.scripts(guide, lang, True).items()}
        assert max(sizes.values()) <= 50_000, max(sizes.items(), key=lambda kv: kv[1])


def test_a_town_leads_to_its_counties_and_state(guide):
    rows = {(r[0], r[2]): r for r in finder.entries(guide, "en", True)["e"]}
    name, what, state, targets, _ = rows[("Elgin", "IL")]  # a town in two counties
    links = [t[1] for t in targets]
    assert links == ["counties/il/kane/", "counties/il/cook/", "states/il/"]


def find(page, base, query, state=""):
    page.goto(base, wait_until="load")
    if state:
        page.select_option("#finder-state", state)
    page.locator("#finder-q").fill("")
    page.locator("#finder-q").type(query, delay=15)
    page.locator("[data-finder-results] li").first.wait_for(timeout=10_000)
    return page.locator("[data-finder-results] a").evaluate_all("els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize("edition, query, state, expected", [
    ("", "Houston", "", "cities/tx/houston/"),
    ("", "Harris County", "TX", "counties/tx/harris/"),
    ("", "dona ana", "", "counties/nm/dona-ana/"),
    ("es/", "condado de harris", "", "counties/ga/harris/"),
    ("es/", "condado de harris", "", "counties/tx/harris/"),
    ("", "Aurora", "CO", "counties/co/arapahoe/"),
    ("", "Aurora", "CO", "counties/co/douglas/"),
])
def test_the_finder_in_the_browser(browser, base_url, edition, query, state, expected):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    links = find(page, base_url + edition, query, state)
    assert expected in links, links
    assert all(urlsplit(u).netloc == urlsplit(base_url).netloc for u in requests)
    assert any("/assets/finder/" in u for u in requests)
    page.locator(f"[data-finder-results] a[href='{expected}']").first.click()
    page.wait_for_url(base_url + edition + expected)
    context.close()


# Elgin: one town in Illinois, twelve places in the country whose names start with it.
@pytest.mark.parametrize("edition, query, state, n, text", [
    ("", "Elgin", "IL", 1, "1 place found"),
    ("es/", "Elgin", "IL", 1, "1 lugar encontrado"),
    ("", "Elgin", "", 12, "12 places found"),
    ("es/", "Elgin", "", 12, "12 lugares encontrados"),
])
def test_the_finder_counts_in_singular_and_plural(browser, base_url, edition, query, state, n, text):
    page = browser.new_page()
    find(page, base_url + edition, query, state)
    shown = page.locator("[data-finder-results] li").count()
    count = page.locator("[data-finder-count]").text_content().strip()
    page.close()
    assert (shown, count) == (n, text)
