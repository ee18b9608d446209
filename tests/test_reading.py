"""Reading the guide on a phone and a laptop, in both languages (Debian's Chromium): words in tables
are never split (on screen and in print), headings' permalinks and the 404 page speak the page's
language, the language switch says its language's name in words, and every tap target is at least
24 x 24 px (WCAG 2.2, 2.5.8) or is exempt as that criterion says."""

from __future__ import annotations

import pytest

# Pages with tables of every kind, in both languages: a researched city, a researched county, a
# state as a place, a county not yet researched, a state, the states index, the compare matrix, the
# 287(g) tables, a provision's adopters, the DOJ list (method), the changes. Every cell of each.
TABLE_PAGES = tuple(edition + rel for edition in ("", "es/") for rel in (
    "cities/ca/long-beach/", "counties/ca/los-angeles/", "places/california/", "counties/tx/harris/", "states/ca/",
    "states/", "compare/", "ice-287g/", "immigration-enforcement/no-local-immigration-enforcement/", "method/", "changes/"))
CELLS_PER_TABLE = 100_000
# The printed page's width: Letter less the PDF's margins (sanctuary/printing.py: 8.5 in - 2 x 14 mm).
PRINT_WIDTH = 710

# For each word of the first cells of every table in the article: the lines its letters sit on
# (one Range per word; its rectangles' tops). A word a line break may legitimately split is
# skipped: one with a hyphen, dash or slash, URLs and domain names, and a legal citation's
# subsections, which Unicode's line breaking lets break between ')' and '(' ("7282.5(a)(1)").
# Returns the split words and how many words were measured (so the test cannot pass by measuring
# nothing).
SPLIT_WORDS = """(maxCells) => {
  const breakable = /[-\\/\\u2010-\\u2015_@]|\\)\\(|:\\/\\/|^\\(?www\\.|\\.(gov|org|com|net|us|edu)\\b/i;
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


@pytest.mark.parametrize("media, width", [("screen", 360), ("screen", 1280), ("print", PRINT_WIDTH)])
def test_table_cells_wrap_between_words_never_inside_one(browser, base_url, media, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.emulate_media(media=media)
    found = {}
    measured = 0
    for rel in TABLE_PAGES:
        page.goto(base_url + rel, wait_until="load")
        result = page.evaluate(SPLIT_WORDS, CELLS_PER_TABLE)
        assert result["tables"], rel
        # on screen every page's tables are measured; in print some are left out (.sg-screen-only)
        assert media == "print" or result["measured"] > 20, (rel, result)
        measured += result["measured"]
        if result["split"]:
            found[rel] = result["split"][:10]
    page.close()
    assert found == {}
    assert measured > 20_000  # the measure cannot pass by measuring nothing


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


# Every tap target of a page, as WCAG 2.2's 2.5.8 (Target Size, Minimum) reads: links, buttons,
# inputs, selects, summaries and focusable regions that are rendered on the screen. One passes when
# its bounding box is at least 24 x 24 px, or
# - when it is inline in a sentence (the inline exception): a link displayed `inline` whose block
#   also holds text of its own, a word of two letters or more outside any target ("see the
#   <a>method</a>"; a list of links separated by commas or semicolons is not a sentence, and
#   is measured), or
# - when it is spaced (the spacing exception): a 24 px circle centred on its bounding box meets no
#   other target (the line boxes of a link that wraps: getClientRects) nor the circle of another
#   undersized target.
# Measures the targets inside `root` (the page, or Material's navigation drawer once it is open over it);
# returns the failures, and how many targets were measured and found inline.
TAP_TARGETS = """(root) => {
  const SEL = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])';
  const width = document.documentElement.clientWidth;
  const blockOf = el => { let n = el.parentElement; while (n && getComputedStyle(n).display.startsWith('inline')) n = n.parentElement; return n; };
  const targets = [];
  for (const el of document.querySelector(root).querySelectorAll(SEL)) {
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= 0 || box.left >= width) continue;  // off screen: a closed drawer
    targets.push({el, box, parts: [...el.getClientRects()].filter(r => r.width > 0 && r.height > 0)});
  }
  let inline = 0;
  const small = [];
  for (const t of targets) {
    if (t.box.width >= 24 && t.box.height >= 24) continue;
    if (getComputedStyle(t.el).display === 'inline') {
      const block = blockOf(t.el).cloneNode(true);
      block.querySelectorAll(SEL).forEach(other => other.remove());
      if (/\\p{L}{2,}/u.test(block.textContent)) { inline++; continue; }
    }
    t.small = true;
    small.push(t);
  }
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const distance = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const failed = [];
  for (const t of small) {
    const c = centre(t.box);
    const near = targets.find(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) &&
      (o.parts.some(r => distance(c, r) < 12) || (o.small && Math.hypot(centre(o.box)[0] - c[0], centre(o.box)[1] - c[1]) < 24)));
    if (near) failed.push(`<${t.el.tagName.toLowerCase()} class="${t.el.className}"> "${(t.el.textContent || t.el.value || '').trim().slice(0, 40)}" `
      + `${Math.round(t.box.width)}x${Math.round(t.box.height)} px, next to "${(near.el.textContent || '').trim().slice(0, 30)}"`);
  }
  return {failed, measured: targets.length, inline};
}"""

# Every kind of page, in both languages (the checklist's boxes, the compare filters, the finder, the
# contents at the top, the collapsed sources and their links back, the footer's downloads).
TAP_PAGES = tuple(edition + rel for edition in ("", "es/") for rel in (
    "", "cities/ca/long-beach/", "counties/ca/los-angeles/", "counties/ca/alameda/", "states/ca/", "states/", "compare/",
    "criminal-justice/", "criminal-justice/no-private-prisons/", "check/", "method/", "glossary/", "places/", "ice-287g/",
    "changes/", "open-data/"))


def test_every_tap_target_is_large_enough_or_inline_in_a_sentence_on_a_phone(browser, base_url):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    found, measured, inline = {}, 0, 0
    for rel in TAP_PAGES:
        page.goto(base_url + rel, wait_until="load")
        page.evaluate(DOWNLOADS)
        page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")  # what they hold, too
        for state, root in (("page", "body"), ("menu", ".md-sidebar--primary")):
            if state == "menu":  # Material's navigation drawer, open over the page
                page.locator("label.md-header__button[for=__drawer]").click()
                page.locator(root).wait_for(state="visible")
                page.wait_for_timeout(400)  # it slides in
            result = page.evaluate(TAP_TARGETS, root)
            measured, inline = measured + result["measured"], inline + result["inline"]
            if result["failed"]:
                found[f"{rel} ({state})"] = result["failed"][:8]
    page.close()
    assert found == {}
    assert measured > 3_000 and inline > 100, (measured, inline)


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
