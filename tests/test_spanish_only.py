"""Every text a reader sees on a Spanish page is Spanish, or an original marked as such.

Our words (publishers' notes such as "copy on Scribd", state-law and model-text names, glosses,
interface strings) come in both languages; a document's, law's or organisation's own title stays in
its language, after a Spanish description, marked ``lang="en"`` so that a screen reader switches
voice (WCAG 3.1.2). The check is sanctuary/langcheck.py, a small heuristic, tested here on its
own; then it reads every built Spanish page, the Spanish search index, the offline edition's
county view and start page, and the data files. A hostile copy (one Spanish text replaced by its
English) must be caught, in a rendered page and in a built one.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
import pytest
import yaml

from sanctuary import areaview, langcheck, paths, render, schema
from sanctuary.guide import by_name, name_key

# ---------------------------------------------------------------- the heuristic itself


@pytest.mark.parametrize("text, english", [
    ("Copy on Scribd", True),
    ("Verite News (republished by louisianabest.us)", True),
    ("Ban on sanctuary policies and detainer mandate", True),
    ("The Pantagraph", True),
    ("Office of the Mayor", True),
    ("City of Long Beach", True),  # a name: it must be marked, not shown bare
    ("Sources for this page", True),
    ("Verite News (republicado por louisianabest.us)", False),
    ("The Spokesman-Review (artículo de The News Tribune)", False),  # capitalised "The" inside: a name's
    ("La ciudad no ayuda a ICE con las solicitudes de retención.", False),
    ("Ley de Valores de California (California Values Act)", False),
    ("Condado de Los Ángeles", False),
    ("Long Beach", False),  # a name without function words
    ("IN", False), ("Portland, OR", False),  # postal codes are not words
    ("https://www.example.org/the-and-of-with", False),  # addresses are not prose
    ("docslib.org", False),
    ("", False),
    # a short interface text of English words only, though without function words
    ("Moved", True), ("Skip to content", True), ("Back to top", True), ("Copy to clipboard", True), ("Sources (3)", True),
    ("Guía Santuario", False), ("Enlace permanente", False), ("Fuentes (3)", False), ("Harris", False),
])
def test_reads_english(text, english):
    assert langcheck.reads_english(text) is english


def test_a_page_is_read_as_a_reader_reads_it():
    page = """<html lang="es"><head><title>Guía</title><meta property="og:title" content="Search the guide">
    <meta property="og:description" content="Qué hacen las ciudades."></head><body>
    <p data-template-one="{n} place found" data-template-other="{n} lugares encontrados" data-md-component="search-query">x</p>
    <p>Una política <span lang="en">Welcoming City Ordinance</span> de la ciudad.</p>
    <p lang="en">The whole paragraph is English and marked.</p>
    <code>the and of</code><pre>for with from</pre><script>var the = "and of";</script>
    <a href="#x" aria-label="Source of the page">[1]</a>
    <img src="x.png" alt="Map of the state">
    <svg role="img"><title>Counties of the state</title></svg>
    <li>Copy on <a href="https://scribd.com">Scribd</a></li>
    <!-- a comment of the and of -->
    </body></html>"""
    found = [(f.where, f.text) for f in langcheck.english_on_page(page)]
    assert found == [("meta og:title", "Search the guide"), ("data-template-one", "{n} place found"),
                     ("aria-label", "Source of the page"), ("alt", "Map of the state"),
                     ("text", "Counties of the state"), ("text", "Copy on Scribd")]


def test_data_pairs_whose_spanish_is_their_english_are_found():
    tree = {"a": {"en": "Copy on Scribd", "es": "Copy on Scribd"}, "b": {"en": "Long Beach", "es": "Long Beach"},
            "c": [{"en": "The Pantagraph", "es": "The Pantagraph"}], "d": {"en": "Copy of the code", "es": "Copia del código"}}
    assert list(langcheck.untranslated(tree)) == [("a", "Copy on Scribd"), ("c[0]", "The Pantagraph")]


def test_census_names_do_not_count():
    names = langcheck.Names(["Lake of the Woods County", "Condado de Lake of the Woods", "Harris County"])
    assert names.names == ("Condado de Lake of the Woods", "Lake of the Woods County")  # only those with function words
    assert not langcheck.reads_english("Condado de Lake of the Woods, Minnesota", names)
    assert langcheck.reads_english("Condado de Lake of the Woods, Minnesota")
    assert langcheck.reads_english("Lake of the Woods County and the rest of the state", names)


@pytest.fixture(scope="module")
def names(guide):
    return langcheck.census_names(guide)


# ---------------------------------------------------------------- the data


def _data_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "data").rglob("*.yml") if "reference" not in p.parts)


def test_no_spanish_text_of_the_data_is_its_english(root):
    """An {en, es} pair with the English copied into es is an untranslated text of ours."""
    bad = []
    for path in _data_files(root):
        for where, text in langcheck.untranslated(yaml.safe_load(path.read_text(encoding="utf-8"))):
            bad.append(f"{path.relative_to(root)}: {where}: {text}")
    assert bad == []


def test_every_original_title_has_a_spanish_description(guide):
    """A state law or model text with its own (English) title says in Spanish what it is: its gloss."""
    laws = [f"data/states/{s.code.lower()}.yml: {law.id}" for s in guide.states for law in s.laws
            if not isinstance(law.title, schema.Text) and law.gloss is None]
    models = [f"{p.code}: {m.title}" for p in guide.provisions for m in p.models
              if not isinstance(m.title, schema.Text) and m.gloss is None]
    assert laws == [] and models == []


def test_no_plain_publisher_or_section_holds_words_of_ours(guide):
    """A publisher or a status's section written as a plain string is shown as an original (marked
    English): one that reads as a description of ours must be {en, es} instead."""
    assert langcheck.plain_words_of_ours(guide) == []


def test_the_data_dictionary_has_spanish_for_every_note_and_description():
    from sanctuary import dictionary, dictionary_es

    needed = {m.__name__ for m in dictionary.models() if dictionary.note(m)}
    needed |= {f"{m.__name__}.{name}" for m in dictionary.models() for name, info in m.model_fields.items() if info.description}
    assert sorted(needed - set(dictionary_es.SPANISH)) == []  # missing Spanish
    assert sorted(set(dictionary_es.SPANISH) - needed) == []  # Spanish for nothing
    types = {r.type for m in dictionary.models() for r in dictionary.rows(m, "es")}
    assert "lista de id (minúsculas-con-guiones)" in types and not [t for t in types if langcheck.reads_english(t)]


# ---------------------------------------------------------------- rendered pages (no build)


def _html(markdown_text: str) -> str:
    body = markdown.markdown(markdown_text, extensions=["attr_list", "md_in_html", "tables", "def_list"])
    return f'<html lang="es"><body>{body}</body></html>'


def _ctx(guide, src: str) -> render.Ctx:
    return render.Ctx(guide, "es", paths.Links(src, True))


def test_a_spanish_place_page_renders_without_english(guide):
    place = guide.place_by_slug["new-orleans"]
    found = langcheck.english_on_page(_html(render.place_page(_ctx(guide, paths.place_page(place.slug)), place.slug)))
    assert found == []


def test_a_hostile_place_with_one_untranslated_text_is_caught(guide):
    """The check can fail: a policy whose Spanish summary is its English, and a publisher's note left
    in English as a plain name, are both reported."""
    place = guide.place_by_slug["new-orleans"]
    english = "The city does not hold people for ICE without a warrant signed by a judge."
    pol = place.policies[0].model_copy(update={"summary": schema.Text(en=english, es=english)})
    src = place.sources[0].model_copy(update={"publisher": "Verite News (copy on Scribd)"})
    hostile = place.model_copy(update={"policies": [pol, *place.policies[1:]], "sources": [src, *place.sources[1:]]})
    guide.place_by_slug[place.slug] = hostile
    try:
        page = _html(render.place_page(_ctx(guide, paths.place_page(place.slug)), place.slug))
    finally:
        guide.place_by_slug[place.slug] = place
    texts = [f.text for f in langcheck.english_on_page(page)]
    assert any(english in t for t in texts), texts
    assert len(texts) == 1  # the plain publisher is marked as an original: the test above keeps notes out of it


def test_titles_show_a_spanish_description_then_the_original_marked(guide):
    c = _ctx(guide, "states/ca.md")
    law = next(law for law in guide.state_by_code["CA"].laws if law.id == "sb-54-2017")
    assert str(c.named(law)) == 'Ley de Valores de California (<span lang="en">California Values Act</span>)'
    assert c.named_plain(law) == "Ley de Valores de California (California Values Act)"
    ours = next(law for law in guide.state_by_code["TX"].laws if law.id == "sb-4-2017")
    assert str(c.named(ours)).startswith("Prohibición de las políticas santuario") and "lang=" not in str(c.named(ours))
    en = render.Ctx(guide, "en", paths.Links("states/ca.md", True))
    assert str(en.named(law)) == "California Values Act"
    pol = next(p for p in guide.place_by_slug["chicago"].policies if p.gloss is None)
    assert str(c.named(pol)).startswith(c.t("instrument_" + pol.kind.value) + " (<span lang=\"en\">")


def test_offline_county_view_and_start_page_are_spanish(guide, names):
    """The offline edition's county view (its fragments, built by the same templates) and start.html."""
    ctx = render.Ctx(guide, "es", paths.Links(paths.AREA_VIEW, use_directory_urls=False), offline=True)
    shown = [a for a in guide.areas if a.place is None][::150]
    assert len(shown) >= 5
    bad = {}
    for area in shown:
        title, html = areaview.fragment(ctx, area)
        found = langcheck.english_on_page(f'<html lang="es"><head><title>{title}</title></head><body>{html}</body></html>', names=names)
        if found:
            bad[area.key] = [f.text for f in found]
    assert bad == {}
    start = render.offline_start(guide)
    assert langcheck.english_on_page(start) == []  # its English parts are marked
    assert "<title>Guía Santuario · Sanctuary Guide</title>" in start  # a lang="es" page: its title starts in Spanish
    entries = areaview.search_entries(guide, "es")
    assert [e["title"] for e in entries if langcheck.reads_english(e["title"], names)] == []


def test_a_moved_page_speaks_its_edition_language(guide):
    """The page left at a researched place's old address (places/<slug>/) says where it went, in
    Spanish, on a page that says it is Spanish."""
    page = render.moved_page("../../cities/ca/long-beach/", "es", guide.label("moved_title", "es"), guide.label("moved_text", "es"),
                             guide.place_by_slug["long-beach"].name("es"))
    assert page.startswith('<!doctype html><html lang="es">') and "<title>Esta página cambió de dirección</title>" in page
    assert langcheck.english_on_page(page) == []
    assert '<a href="../../cities/ca/long-beach/">Long Beach</a>' in page


def test_the_data_dictionary_names_each_model_in_spanish(guide):
    """A Spanish reader meets "Lugar (Place)", not "Place": each model has a Spanish name, and its
    heading and caption show it, with the class name as code beside it."""
    from sanctuary import dictionary, dictionary_es

    assert sorted(dictionary_es.MODEL_NAMES) == sorted(m.__name__ for m in dictionary.models())
    out = render.data_dictionary(_ctx(guide, "open-data.md"))
    headings = re.findall(r"^### (.+?) \{: #model-", out, re.M)
    assert headings[:2] == ["Lugar (`Place`)", "Fuente (`Source`)"] and len(headings) == len(dictionary_es.MODEL_NAMES)
    assert "<caption id=\"dict-place\">Campos de Lugar</caption>" in out
    assert "lista de Fuente" in out  # a field whose type is a model names it in Spanish
    page = _html(out)
    assert langcheck.english_on_page(page) == []
    en = render.data_dictionary(render.Ctx(guide, "en", paths.Links("open-data.md", True)))
    assert re.findall(r"^### (.+?) \{", en, re.M)[:2] == ["Place", "Source"]


def test_the_spanish_glossary_is_in_the_order_of_its_spanish_terms(guide):
    out = render.glossary(_ctx(guide, "glossary.md"))
    terms = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<dt id=\"[^\"]+\">(.+?)</dt>", out)]
    assert len(terms) == len(guide.glossary.terms) and terms == sorted(terms, key=name_key)
    assert terms[0] == "Acuerdo 287(g)" and terms.index("Orden administrativa de ICE (administrative warrant)") > terms.index("Deportación (remoción)")
    en = render.glossary(render.Ctx(guide, "en", paths.Links("glossary.md", True)))
    assert re.findall(r'<dt id="([^"]+)">', en) == [t.id for t in guide.glossary.terms]  # the data's order, English's


def test_the_spanish_feed_is_spanish_with_its_originals_marked(guide):
    """The Atom feed of what changed: each entry's title and text are Spanish; a source's title as
    published (English) is marked lang="en" in the entry's HTML."""
    from xml.etree import ElementTree

    from sanctuary import changes

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.fromstring(changes.atom(guide, "es", "https://example.org/", "es/", lambda src: src))
    entries = feed.findall(f"{atom}entry")
    assert len(entries) > 20 and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    bad = [e.find(f"{atom}title").text for e in entries if langcheck.reads_english(e.find(f"{atom}title").text)]
    for e in entries:
        content = f'<html lang="es"><body>{e.find(f"{atom}content").text}</body></html>'
        bad += [f.text for f in langcheck.english_on_page(content)]
    assert bad == []
    assert ' lang="en">' in "".join(e.find(f"{atom}content").text for e in entries)
    en = ElementTree.fromstring(changes.atom(guide, "en", "https://example.org/", "", lambda src: src))
    assert ' lang="en"' not in "".join(e.find(f"{atom}content").text for e in en.findall(f"{atom}entry"))


def test_the_spanish_footer_writes_the_download_dates_in_words(tmp_path, monkeypatch, root):
    """The footer's downloads (overrides/partials/copyright.html, from the manifest `make build`
    writes): their dates in Spanish words, nothing in English."""
    from mkdocs.config import load_config

    import hooks
    from sanctuary import manifest

    for name, kind, lang in (("sanctuary-guide-offline.zip", "zip", None), ("sanctuary-guide-es.pdf", "pdf", "es")):
        (tmp_path / name).write_bytes(b"x" * 4_600_000)
        manifest.record(tmp_path, tmp_path / name, kind, lang, "2026-12-03")
    monkeypatch.setattr(hooks, "DOWNLOADS", tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764763200")  # on_config sets it when missing: keep it to this test
    config = hooks.on_config(load_config(str(root / "mkdocs.es.yml")))
    footer = config.theme.get_env().get_template("partials/copyright.html").render(config=config, base_url=".")
    assert footer.count('<time datetime="2026-12-03">3 de diciembre de 2026</time>') == 2
    page = f'<html lang="es"><body>{footer}</body></html>'
    assert [f.text for f in langcheck.english_on_page(page)] == []
    assert [f.text for f in langcheck.texts(page) if _ISO_DATE.search(f.text)] == []


# ---------------------------------------------------------------- lists in the Spanish order


def test_names_sort_as_a_spanish_reader_looks_them_up():
    names = ["Nuevo México", "Nueva York", "Carolina del Norte", "Ñandú", "Nunca", "Álamo", "Arizona", "Alabama", "Nebraska"]
    assert sorted(names, key=name_key) == ["Alabama", "Álamo", "Arizona", "Carolina del Norte", "Nebraska", "Nueva York",
                                           "Nuevo México", "Nunca", "Ñandú"]


def test_states_sort_by_their_spanish_name(guide):
    es = [s.name.es for s in by_name(guide.states, "es")]
    assert es == sorted(es, key=name_key)
    assert es.index("Nueva York") > es.index("Nebraska") and es.index("Carolina del Norte") < es.index("Colorado")
    assert [s.name.es for s in guide.states_sorted("es")] == es


# ---------------------------------------------------------------- the built Spanish site

# Pages that still show English of ours, with why; the list may only shrink (the test fails when a
# listed page no longer needs to be here).
PENDING: dict[str, str] = {}
_ISO_DATE = re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b")
_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass
class Read:
    """What a reader meets on one built Spanish page (parsed once for all the tests below)."""

    english: list
    dates: list
    structure: list  # tables without a caption, images without alt


def _sample(site: Path) -> list[Path]:
    """Every hand-written and researched page, and one county or city page in 20 (every page with
    SANCTUARY_EVERY_PAGE=1): the rest come from the same templates."""
    pages = sorted((site / "es").rglob("*.html"))
    if os.environ.get("SANCTUARY_EVERY_PAGE") == "1":
        return pages
    generated = [p for p in pages if p.relative_to(site / "es").parts[0] in ("counties", "cities")]
    every = set(generated[::20])
    return [p for p in pages if p not in generated or p in every or "sg-policy" in p.read_text(encoding="utf-8")]


@pytest.fixture(scope="module")
def spanish_site(site, names) -> dict[str, Read]:
    out = {}
    for page in _sample(site):
        root = langcheck.parse(page.read_text(encoding="utf-8"))
        found = list(langcheck.texts(root))
        english = [f for f in found if langcheck.reads_english(f.text, names)]
        dates = [f"{f.where}: {f.text[:100]}" for f in found if _ISO_DATE.search(f.text)]  # texts, attributes, previews
        structure = []
        for table in root.iter(f"{_XHTML}table"):
            caption = table.find(f"{_XHTML}caption")
            if caption is None or not "".join(caption.itertext()).strip():
                structure.append("a table without a caption")
        structure += ["an image without alt" for img in root.iter(f"{_XHTML}img") if img.get("alt") is None]
        out[page.relative_to(site / "es").as_posix()] = Read(english, dates, structure)
    assert len(out) > 100 and "cities/ca/long-beach/index.html" in out and "states/ca/index.html" in out
    return out


def test_no_spanish_page_shows_english_of_ours(spanish_site):
    bad, pending = {}, set()
    for rel, read in spanish_site.items():
        if rel in PENDING:
            pending.add(rel) if read.english else None
        elif read.english:
            bad[rel] = sorted({f"{f.where}: {f.text[:120]}" for f in read.english})[:8]
    assert bad == {}
    assert pending == set(PENDING), f"now Spanish, take off PENDING: {set(PENDING) - pending}"


def test_no_spanish_page_shows_a_date_in_digits(spanish_site):
    """Dates are words ("3 de diciembre de 2026"); the digits stay in <time datetime> for machines."""
    assert {rel: read.dates for rel, read in spanish_site.items() if read.dates} == {}


def test_spanish_tables_have_captions_and_images_alt_texts(spanish_site):
    """Their words are read with the rest (alt is read aloud, a caption is a block)."""
    assert {rel: read.structure for rel, read in spanish_site.items() if read.structure} == {}


def test_spanish_search_titles_are_spanish(site, names):
    docs = json.loads((site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    titles = {re.sub(r"<[^>]+>", "", d["title"]) for d in docs}
    assert len(titles) > 100
    assert sorted(t for t in titles if langcheck.reads_english(t, names)) == []


def _search_text_findings(docs, names) -> list[tuple[str, str]]:
    """English of ours in the text of Spanish search entries (what a result's snippet shows), read
    as a Spanish page's block would be: an original keeps its lang="en" mark in the index."""
    out = []
    for doc in docs:
        if doc.get("text"):
            page = f'<html lang="es"><body><div>{doc["text"]}</div></body></html>'
            out += [(doc["location"], f.text) for f in langcheck.english_on_page(page, names=names)]
    return out


def test_spanish_search_texts_are_spanish(site, names):
    docs = json.loads((site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    with_text = [d for d in docs if d.get("text")]
    assert len(with_text) > 100 and sum(len(d["text"]) for d in with_text) > 50_000  # the check reads something
    assert _search_text_findings(docs, names) == []
    # and it would see English put into one entry
    english = "The city limits what its police share with ICE, and it does not hold people for ICE."
    hostile = [dict(with_text[0], text=with_text[0]["text"] + f"<p>{english}</p>")]
    assert _search_text_findings(hostile, names) == [(with_text[0]["location"], english)]


def test_a_hostile_copy_of_a_built_page_is_caught(site, names):
    """One Spanish text of a built page put back in English: the check reports that text, and only
    it; the same words marked as an original pass."""
    html = (site / "es" / "cities" / "ca" / "long-beach" / "index.html").read_text(encoding="utf-8")
    lead = re.search(r'<p class="sg-lead"[^>]*>([^<]+)</p>', html)
    assert lead, "the page has a lead paragraph"
    english = "The city limits what its police share with ICE, and it does not hold people for ICE."
    hostile = html.replace(lead.group(1), english, 1)
    assert [f.text for f in langcheck.english_on_page(hostile, names=names)] == [english]
    marked = html.replace(lead.group(1), f'<span lang="en">{english}</span>', 1)
    assert langcheck.english_on_page(marked, names=names) == []


def test_spanish_menus_and_lists_sort_by_the_spanish_name(site):
    import html5lib

    checked = 0
    for rel in ("index.html", "compare/index.html"):
        root = html5lib.parse((site / "es" / rel).read_text(encoding="utf-8"), namespaceHTMLElements=False)
        for select in root.iter("select"):
            if select.get("id") in ("finder-state", "matrix-state"):
                names = [o.text for o in select.iter("option") if o.get("value")]
                assert "Nueva York" in names and names == sorted(names, key=name_key), rel
                checked += 1
    assert checked == 2
    state = (site / "es" / "states" / "ca" / "index.html").read_text(encoding="utf-8")
    table = state[state.index('id="counties-caption"'):]
    counties = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', table[: table.index("</table>")])
    assert len(counties) > 50 and counties == sorted(counties, key=name_key)


# ---------------------------------------------------------------- what the scripts write (Chromium)

# Pages whose scripts write texts: search (every page), the compare matrix and its counts, the
# checklist, a county page's report card; Material writes the search count and the back-to-top.
SCRIPTED = ("method/", "compare/", "check/", "counties/ca/alameda/")


def read_after_scripts(page, url: str, names) -> tuple[list, str]:
    """A Spanish page as a reader meets it after the scripts ran, scrolled and searched: its English
    of ours, and the search's count line."""
    page.goto(url, wait_until="networkidle")
    page.mouse.wheel(0, 3000)
    page.mouse.wheel(0, -400)  # Material shows its back-to-top button on the way up
    page.locator("input.md-search__input").click()
    page.keyboard.type("santuario", delay=20)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=15_000)
    return langcheck.english_on_page(page.content(), names=names), meta.inner_text()


def test_what_the_scripts_write_on_spanish_pages_is_spanish(browser, base_url, names):
    page = browser.new_page()
    bad, counts = {}, set()
    try:
        for rel in SCRIPTED:
            found, count = read_after_scripts(page, base_url + "es/" + rel, names)
            counts.add(re.sub(r"\d[\d\u00a0]*", "N", count))
            if found:
                bad[rel] = sorted({f"{f.where}: {f.text[:120]}" for f in found})[:8]
    finally:
        page.close()
    assert bad == {}
    assert counts == {"N documentos encontrados"}


def test_a_researched_city_has_its_spanish_name_on_its_page(guide):
    """Titles, lists and the finder name a city page by its area's name: a researched city named
    as the Census names it gives its Spanish name; the others keep the Census name."""
    by_src = {a.src: a for a in guide.all_areas}
    assert by_src["cities/ca/san-jose.md"].name("es") == "San José"
    assert by_src["cities/la/new-orleans.md"].name("es") == "Nueva Orleans"
    assert by_src["cities/ca/san-jose.md"].name("en") == "San Jose"
    assert by_src["cities/tx/garland.md"].name("es") == "Garland"  # nobody has researched it
