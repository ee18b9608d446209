"""Long pages on a phone: the contents at the top on small screens (sanctuary/pagetoc.py), sources
and model texts collapsed (<details>) but printed, and every reference to a note (a source's
"[3]", a policy's title in a table row) with a way back to where the reader was (sanctuary/notes.py)."""

from __future__ import annotations

import pytest
from browser import pages_to_check
from bs4 import BeautifulSoup
from mkdocs.structure.toc import get_toc

from sanctuary import notes, pagetoc, paths, render

# ---------------------------------------------------------------- the contents (plain Python)


def _toc(markdown_text: str):
    import markdown

    md = markdown.Markdown(extensions=["toc", "attr_list"])
    md.convert(markdown_text)
    return get_toc(md.toc_tokens)


def test_contents_list_the_second_level_headings_in_page_order():
    toc = _toc("# Title\n\n## One {: #one }\n\n### Deeper\n\n## Two &amp; *more* {: #two }\n\n## Three\n")
    assert pagetoc.entries(toc) == [("one", "One"), ("two", "Two &amp; more"), ("three", "Three")]
    assert pagetoc.entries(_toc("## A\n\n## B\n")) == [("a", "A"), ("b", "B")]  # a page without an <h1> of its own


HEAD = '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1>\n<p class="sg-meta" data-search-exclude="1">City · CA</p>\n'
BODY = '<p class="sg-lead">Lead.</p>\n<h2 id="one">One</h2>'
ITEMS = [("one", "One"), ("two", "Two &amp; more"), ("th\"ree", "Three")]


def test_contents_go_after_the_title_and_its_meta_lines():
    out = pagetoc.insert(HEAD + BODY, ITEMS, "En esta <página>")
    assert out.startswith(HEAD + '<nav class="sg-toc" aria-labelledby="sg-toc-title" data-search-exclude="1">')
    assert '<p class="sg-toc__title" id="sg-toc-title">En esta &lt;página&gt;</p>' in out
    assert '<li><a href="#one">One</a></li><li><a href="#two">Two &amp; more</a></li><li><a href="#th&#34;ree">Three</a></li>' in out
    assert out.endswith("</nav>\n" + BODY)
    assert pagetoc.insert(BODY, ITEMS, "x").startswith('<nav class="sg-toc"')  # no title: at the start
    assert pagetoc.insert(HEAD + BODY, ITEMS[:2], "x") == HEAD + BODY  # a short page has none


# ---------------------------------------------------------------- references and notes (plain Python)


def test_each_reference_gets_an_id_and_its_note_lists_them_all():
    assert [notes.mark(k) for k in (0, 1, 25, 26)] == ["a", "b", "z", "27"]
    n = notes.Notes([])
    assert n.backrefs("source-x") == []
    assert n.ref("source-x") == "ref-source-x-1"
    assert n.backrefs("source-x") == [("ref-source-x-1", "")]  # one reference: an arrow, no letter
    assert n.ref("policy-y") == "ref-policy-y-1"
    assert n.ref("source-x") == "ref-source-x-2"
    assert n.backrefs("source-x") == [("ref-source-x-1", "a"), ("ref-source-x-2", "b")]


# ---------------------------------------------------------------- the built pages


def _soup(site, rel: str) -> BeautifulSoup:
    path = site / rel / "index.html" if not rel.endswith(".html") else site / rel
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_long_page_has_its_contents_at_the_top_and_a_short_one_none(site, guide):
    """On every page checked by the browser tests (both languages): a page with at least three
    headings of the second level has one list of links to exactly those, in order, after its title."""
    with_toc = 0
    for rel in pages_to_check(site):
        if not (site / rel / "index.html").is_file():
            continue
        soup = _soup(site, rel)
        article = soup.select_one("article")
        if article is None:
            continue
        # the page's Markdown headings (the ones with a permalink), as MkDocs lists them
        headings = [h["id"] for h in article.select("h2[id]") if h.select_one("a.headerlink")]
        navs = article.select("nav.sg-toc")
        if len(headings) < pagetoc.MIN_ENTRIES:
            assert navs == [], rel
            continue
        with_toc += 1
        assert len(navs) == 1, rel
        assert [a["href"] for a in navs[0].select("a")] == ["#" + h for h in headings], rel
        lang = "es" if rel.startswith("es/") else "en"
        assert navs[0].select_one(".sg-toc__title").get_text() == guide.label("toc_title", lang)
        # at the top: after the title (and its meta lines), before anything else
        before = [el for el in navs[0].find_previous_siblings() if el.name]
        assert [el.name for el in before][-1] == "h1" and all(el.name == "h1" or "sg-meta" in el.get("class", []) for el in before), rel
    assert with_toc > 20


# Pages with references to their notes: places (city, county, state as a place), a state, provisions.
NOTED = ("cities/ca/long-beach/", "counties/ca/los-angeles/", "places/california/", "states/ca/",
         "criminal-justice/no-private-prisons/", "immigration-enforcement/no-local-immigration-enforcement/")


@pytest.mark.parametrize("edition", ["", "es/"])
def test_every_reference_has_an_id_and_its_note_links_back_to_it(site, guide, edition):
    for rel in NOTED:
        soup = _soup(site, edition + rel)
        article = soup.select_one("article")
        refs = {a["id"]: a["href"] for a in article.select("a[id^='ref-']")}
        cites = article.select("a.sg-cite")
        assert cites and all(a.get("id") in refs for a in cites), rel  # every "[n]" has its id
        for ref, href in refs.items():
            note = soup.find(id=href.lstrip("#"))
            assert note is not None, (rel, href)
            assert note.select_one(f"a.sg-backref[href='#{ref}']") is not None, (rel, ref)
        backs = article.select("a.sg-backref")
        assert backs and all(b["href"].lstrip("#") in refs for b in backs), rel
        # a reference to a policy (its title in a table row) is a reference too
        if "places" in rel or "cities" in rel or "counties" in rel:
            assert any(h.startswith("#policy-") for h in refs.values()), rel


@pytest.mark.parametrize("edition, word", [("", "Sources"), ("es/", "Fuentes")])
def test_sources_are_collapsed_under_their_count(site, guide, edition, word):
    for rel in (*NOTED, "criminal-justice/", "method/"):
        soup = _soup(site, edition + rel)
        boxes = soup.select("article details.sg-sources-box")
        assert boxes, rel
        for box in boxes:
            count = len(box.select("ol.sg-sources > li"))
            assert box.summary.get_text() == f"{word} ({count})", rel
        assert not [ol for ol in soup.select("article ol.sg-sources") if ol.find_parent("details") is None], rel
    # a provision page's model texts, each under its title as the page names it ({en, es}, or an
    # original after our Spanish description)
    ctx = render.Ctx(guide, edition.rstrip("/") or "en", paths.Links("index.md", True))
    for prov in guide.provisions:
        soup = _soup(site, edition + f"{guide.section_of[prov.code].id}/{prov.slug}/")
        models = soup.select("article ul.sg-models > li > details.sg-model")
        assert len(models) == len(prov.models), prov.code
        for model, details in zip(prov.models, models, strict=True):
            assert details.summary.strong.get_text() == ctx.named_plain(model)
            assert " ".join(model.clauses(edition.rstrip("/") or "en").split())[:40] in " ".join(details.get_text(" ").split())


@pytest.mark.parametrize("edition", ["", "es/"])
def test_policies_are_collapsed_under_a_line_that_says_what_they_are(site, guide, edition):
    lang = edition.rstrip("/") or "en"
    place = guide.place_by_slug["long-beach"]
    soup = _soup(site, edition + "cities/ca/long-beach/")
    articles = soup.select("article article.sg-policy")
    assert len(articles) == len(place.policies) > 3
    for article, pol in zip(articles, place.policies, strict=True):
        box = article.select_one("details.sg-policy-box")
        assert article.h3 and box is not None and box.find_parent("article") is article, pol.id
        line = box.summary.get_text(" ")
        assert guide.label("instrument_" + pol.kind.value, lang) in line and guide.label("state_" + pol.state.value, lang) in line
        summary = " ".join(getattr(pol.summary, lang).split())[:40]
        assert summary in " ".join(box.get_text(" ").split()), pol.id  # the text is in the box, not before it
        assert summary not in " ".join(t for el in article.find_all(recursive=False) if el is not box for t in el.stripped_strings)


# ---------------------------------------------------------------- in the browser


@pytest.mark.parametrize("edition", ["", "es/"])
def test_phone_shows_the_contents_at_the_top_and_a_wide_screen_only_the_sidebar(browser, base_url, edition):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(base_url + edition + "cities/ca/long-beach/", wait_until="load")
    toc = page.locator("article nav.sg-toc")
    assert toc.is_visible()
    box = toc.bounding_box()
    assert box["y"] < 740, box  # on the first screen
    assert page.locator(".md-sidebar--secondary").is_visible() is False  # Material's is hidden here
    link = toc.locator("a").nth(1)  # the second heading: policies
    target = link.get_attribute("href")
    link.click()
    page.wait_for_function("h => location.hash === h", arg=target)
    top = page.locator(target).bounding_box()["y"]
    assert 0 <= top < 200, top  # the heading is at the top of the screen, under the header
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + edition + "cities/ca/long-beach/", wait_until="load")
    assert not toc.is_visible()  # not twice: the sidebar has it
    assert page.locator(".md-sidebar--secondary nav.md-nav--secondary a[href='#sources']").is_visible()
    page.close()


def _in_view(page, selector: str) -> bool:
    """The element is shown and starts on the screen (a policy may be taller than the screen)."""
    return page.evaluate("""s => { const r = document.querySelector(s).getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.top < innerHeight - 24 }""", selector)


@pytest.mark.parametrize("edition", ["", "es/"])
@pytest.mark.parametrize("rel, cite", [
    ("cities/ca/long-beach/", "tr a.sg-cite"),  # a "[n]" in the table of provisions
    ("cities/ca/long-beach/", "tr a[href^='#policy-']"),  # a policy named in it
    ("criminal-justice/no-private-prisons/", "details.sg-model a.sg-cite"),  # a "[n]" in a collapsed model text
])
def test_a_reference_opens_its_note_and_the_note_leads_back(browser, base_url, edition, rel, cite):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(base_url + edition + rel, wait_until="load")
    ref = page.locator(f"article {cite}").nth(2)
    ref_id, note = ref.get_attribute("id"), ref.get_attribute("href")
    if "sg-model" in cite:
        ref.evaluate("a => a.closest('details').open = true")
    ref.click()
    page.wait_for_function("h => location.hash === h", arg=note)
    page.wait_for_timeout(300)
    assert _in_view(page, note), note  # the note is shown (its <details> opened), on screen
    if note.startswith("#policy-"):  # a policy, collapsed on the page, opens to show its text
        assert page.locator(f"{note} details.sg-policy-box").evaluate("d => d.open")
        assert page.locator(f"{note} details.sg-policy-box > p").first.is_visible()
    back = page.locator(f"{note} a.sg-backref[href='#{ref_id}']")
    page.evaluate("document.querySelectorAll('details.sg-model[open]').forEach(d => d.open = false)")
    back.click()
    page.wait_for_function("h => location.hash === h", arg="#" + ref_id)
    page.wait_for_timeout(300)
    assert _in_view(page, "#" + ref_id), ref_id  # back where the reader was (a closed model text opened)
    page.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_printing_shows_what_is_collapsed_and_not_the_phone_contents(browser, base_url, javascript):
    """Material's script opens every <details> for print; without it, Chromium's ::details-content."""
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 710, "height": 900})
    page = context.new_page()
    page.emulate_media(media="print")
    for rel in ("cities/ca/long-beach/", "es/criminal-justice/no-private-prisons/"):
        page.goto(base_url + rel, wait_until="load")
        shown = page.evaluate("""() => [...document.querySelectorAll('article details > :not(summary)')]
          .map(el => el.checkVisibility() && el.getBoundingClientRect().height > 0)""")
        assert shown and all(shown), (rel, shown)
        assert page.locator("article nav.sg-toc").is_visible() is False
    context.close()
