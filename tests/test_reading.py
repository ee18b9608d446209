"""Reading the guide on a phone and a laptop, in both languages (Debian's Chromium): words in tables
are never split, headings' permalinks and the 404 page speak the page's language, and the language
switch says its language's name in words, with tap targets of at least 24 x 24 px (WCAG 2.2)."""

from __future__ import annotations

import pytest

# Pages with tables of every kind: the compare matrix, a state's laws, a county not yet researched,
# a researched city, the 287(g) tables, in both languages.
TABLE_PAGES = ("compare/", "states/ca/", "counties/tx/harris/", "cities/ca/long-beach/", "es/compare/", "ice-287g/",
               "immigration-enforcement/no-local-immigration-enforcement/")
CELLS_PER_TABLE = 40

# For each word of the first cells of every table in the article: the lines its letters sit on
# (one Range per word; its rectangles' tops). A word a line break may legitimately split is
# skipped: one with a hyphen, dash or slash, and URLs or domain names. Returns the split words and
# how many words were measured (so the test cannot pass by measuring nothing).
SPLIT_WORDS = """(maxCells) => {
  const breakable = /[-\\/\\u2010-\\u2015_@]|:\\/\\/|^\\(?www\\.|\\.(gov|org|com|net|us|edu)\\b/i;
  const split = [];
  let measured = 0, tables = 0;
  for (const table of document.querySelectorAll('article table')) {
    tables++;
    for (const cell of [...table.querySelectorAll('th, td')].slice(0, maxCells)) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node; (node = walker.nextNode()); ) {
        const words = /\\S+/g;
        for (let m; (m = words.exec(node.data)); ) {
          if (breakable.test(m[0])) continue;
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
          if (!rects.length) continue;  // not rendered (display: none)
          measured++;
          const lines = new Set(rects.map(r => Math.round(r.top)));
          if (lines.size > 1) split.push(m[0] + ' in <' + cell.tagName.toLowerCase() + '> of table.' + table.className.replace(/ /g, '.'));
        }
      }
    }
  }
  return {split, measured, tables};
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_table_cells_wrap_between_words_never_inside_one(browser, base_url, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    found = {}
    for rel in TABLE_PAGES:
        page.goto(base_url + rel, wait_until="load")
        result = page.evaluate(SPLIT_WORDS, CELLS_PER_TABLE)
        assert result["tables"] and result["measured"] > 20, (rel, result)
        if result["split"]:
            found[rel] = result["split"][:10]
    page.close()
    assert found == {}


@pytest.mark.parametrize("edition, title", [("", "Permanent link"), ("es/", "Enlace permanente")])
def test_heading_permalinks_are_titled_in_the_page_language(browser, base_url, edition, title):
    page = browser.new_page()
    page.goto(base_url + edition + "criminal-justice/", wait_until="load")
    titles = page.locator("article .headerlink").evaluate_all("els => els.map(e => e.title)")
    page.close()
    assert titles and set(titles) == {title}


def _box(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    return box["width"], box["height"]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("edition, lang, other, other_name", [("", "en", "es", "Español"), ("es/", "es", "en", "English")])
def test_language_switch_names_the_other_language_with_large_enough_targets(browser, base_url, width, edition, lang, other, other_name):
    page = browser.new_page(viewport={"width": width, "height": 740})
    page.goto(base_url + edition + "cities/ca/long-beach/", wait_until="load")
    button = page.locator(".md-header__option .md-select button")
    # the other language's name is shown in words, marked as that language, and is the button's name
    name = button.locator(f"[lang={other}]")
    assert name.inner_text().strip() == other_name
    assert name.is_visible()
    label_w, label_h = _box(name)
    assert label_w > 30 and label_h > 8  # really visible, not a visually hidden label
    assert page.get_by_role("button", name=other_name).count() == 1
    w, h = _box(button)
    assert w >= 24 and h >= 24, (w, h)
    # the menu's links, once it opens
    page.locator(".md-header__option .md-select").hover()
    links = page.locator("a.md-select__link")
    assert links.count() == 2
    for i in range(links.count()):
        links.nth(i).wait_for(state="visible")
        page.wait_for_timeout(300)  # Material's menu slides in
        w, h = _box(links.nth(i))
        assert w >= 24 and h >= 24, (links.nth(i).inner_text(), w, h)
    assert page.locator(f"a.md-select__link[hreflang={lang}]").get_attribute("aria-current") == "true"
    page.close()


# The footer's downloads, as overrides/partials/copyright.html prints them when `make build` has
# made them (the test session's build has no downloads, so the same markup is added to the page).
DOWNLOADS = """() => {
  if (document.querySelector('.sg-downloads a')) return;
  const list = document.createElement('ul');
  list.className = 'sg-downloads';
  list.innerHTML = '<li><a href="#" download>Download for offline use</a> (ZIP, 9.9 MB, <time>May 1, 2026</time>, English and Spanish)</li>'
    + '<li><a href="#">PDF</a> (PDF, 1.2 MB, <time>May 1, 2026</time>)</li>';
  document.querySelector('.md-copyright__highlight').after(list);
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_footer_download_links_are_large_enough_targets(browser, base_url, width):
    page = browser.new_page(viewport={"width": width, "height": 740})
    page.goto(base_url + "es/", wait_until="load")
    page.evaluate(DOWNLOADS)
    links = page.locator(".sg-downloads a")
    assert links.count() >= 2
    for i in range(links.count()):
        w, h = _box(links.nth(i))
        assert w >= 24 and h >= 24, (links.nth(i).inner_text(), w, h)
    page.close()


@pytest.mark.parametrize(
    "edition, lang, heading, finder",
    [("", "en", "Page not found", "Find your place"), ("es/", "es", "No se encontró la página", "Busque su lugar")],
)
def test_404_page_speaks_its_edition_and_offers_the_finder_and_both_home_pages(browser, base_url, site, edition, lang, heading, finder):
    """A host serves 404.html at whatever address was missing: serve it at a deep one."""
    body = (site / edition / "404.html").read_text(encoding="utf-8")
    missing = base_url + edition + "no/such/page/"
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.route(missing, lambda route: route.fulfill(status=404, body=body, content_type="text/html; charset=utf-8"))
    page.goto(missing, wait_until="load")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("article h1").inner_text().strip() == heading
    assert heading in page.title()
    assert "Not found" not in page.locator("article").inner_text()
    links = page.locator("article a[href]")
    hrefs = {links.nth(i).inner_text().strip(): links.nth(i).evaluate("a => a.href") for i in range(links.count())}
    assert hrefs[finder] == base_url + edition + "#finder-title"
    homes = page.locator("article a[hreflang]")
    assert sorted(homes.evaluate_all("els => els.map(a => [a.hreflang, a.lang, a.href])")) == [
        ["en", "en", base_url],
        ["es", "es", base_url + "es/"],
    ]
    for i in range(links.count()):
        w, h = _box(links.nth(i))
        assert w >= 24 and h >= 24, (links.nth(i).inner_text(), w, h)
    # the finder link leads to a working finder in the same language
    page.locator("article a", has_text=finder).click()
    page.wait_for_url(base_url + edition + "#finder-title")
    assert page.locator("html").get_attribute("lang") == lang
    page.locator("#finder-q").wait_for(state="visible")
    page.close()
