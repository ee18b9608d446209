"""Search: the entries made from data (sanctuary/search.py), Spanish matching and Material's
"Missing:" line (sanctuary/assets/lunr-es-fold.js, run in Material's own worker under Node), what
the index holds on the real site, and in Chromium: typed queries, and where a result opens."""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from bs4 import BeautifulSoup

from sanctuary import editions, schema, search, steps

ROOT = Path(__file__).resolve().parent.parent
MATERIAL_JS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"


# ------------------------------------------------------------------ entries made from data (fast)

def _guide_with_term(term: str, definition: str):
    t = SimpleNamespace(id="detainer", term=schema.Text(en=term, es=term), definition=schema.Text(en=definition, es=definition))
    return SimpleNamespace(glossary=SimpleNamespace(terms=[t]))


@pytest.mark.parametrize("directory_urls, location", [(True, "glossary/#detainer"), (False, "glossary.html#detainer")])
def test_a_glossary_term_is_a_section_of_the_glossary_page(directory_urls, location):
    guide = _guide_with_term("Detainer <b>", 'A "form" & <script>x</script>')
    [entry] = search.glossary_entries(guide, "en", directory_urls)
    assert entry["location"] == location
    # Material's index holds HTML: text from data is escaped
    assert entry["title"] == "Detainer &lt;b&gt;"
    assert entry["text"] == '<p>A "form" &amp; &lt;script&gt;x&lt;/script&gt;</p>'


def _index(tmp_path: Path, locations: list[str]) -> Path:
    (tmp_path / "search").mkdir()
    path = tmp_path / search.INDEX
    path.write_text(json.dumps({"config": {}, "docs": [{"location": loc, "title": loc, "text": ""} for loc in locations]}))
    return path


def test_entries_follow_their_page_and_others_go_last(tmp_path):
    path = _index(tmp_path, ["", "#intro", "glossary/", "glossary/#top", "method/"])
    added = search.add_entries(tmp_path, [{"location": "glossary/#ice", "title": "", "text": ""},
                                          {"location": "area.html?r=counties/tx/harris", "title": "", "text": ""},
                                          {"location": "#sample", "title": "", "text": ""}])
    assert added == 3
    # Material takes the entries after a page's own entry as its sections
    assert [d["location"] for d in json.loads(path.read_text())["docs"]] == [
        "", "#intro", "#sample", "glossary/", "glossary/#top", "glossary/#ice", "method/", "area.html?r=counties/tx/harris"]


def test_no_index_to_add_to_stops_the_build(tmp_path):
    with pytest.raises(steps.StepError, match="no search index"):
        steps.add_search_entries(_guide_with_term("a", "b"), tmp_path, "en", offline=False)


# ------------------------------------------------ Spanish matching, in Material's worker (Node)

def _spanish_support(tmp_path: Path) -> Path:
    """Material's search worker and Spanish support, with our step applied as the build applies it."""
    js = tmp_path / "assets" / "javascripts"
    shutil.copytree(MATERIAL_JS / "workers", js / "workers")
    (js / "lunr" / "min").mkdir(parents=True)
    for name in ("lunr.stemmer.support.min.js", "lunr.es.min.js"):
        shutil.copy(MATERIAL_JS / "lunr" / "min" / name, js / "lunr" / "min" / name)
    steps.fold_spanish_search(tmp_path)
    return tmp_path


DOCS = [
    ("counties/tx/harris/", "Condado de Harris, Texas", ""),
    ("counties/ga/harris/", "Condado de Harris, Georgia", ""),
    ("counties/ar/desha/", "Condado de Desha, Arkansas", ""),
    ("cities/tx/houston/", "Houston", ""),
    ("immigration-enforcement/no-ice-in-jails-courts/", "ICE fuera de cárceles, tribunales y oficinas de libertad condicional",
     "<p>No retener a nadie por una solicitud de retención de ICE.</p>"),
    ("criminal-justice/no-private-prisons/", "No a los contratos con prisiones privadas",
     "<p>La detención privada de inmigrantes cuesta más, y las empresas firman contratos con ICE.</p>"),
    ("places/", "Lugares", "<p>Las ciudades de la guía, como Houston.</p>"),
]


def _search(tmp_path: Path, queries: list[str]) -> dict[str, dict]:
    node = shutil.which("node")
    assert node, "Node.js is needed (make test installs the npm tools)"
    es = editions.edition("es")
    index = {"config": {"lang": ["es"], "separator": es.search_separator, "pipeline": list(es.search_pipeline),
                        "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}},
             "docs": [{"location": loc, "title": title, "text": text} for loc, title, text in DOCS]}
    run = subprocess.run([node, str(ROOT / "tests" / "search_worker.cjs"), str(_spanish_support(tmp_path))],
                         input=json.dumps({"index": index, "queries": queries}), capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    answers = {a["query"]: a for a in json.loads(run.stdout)}
    for answer in answers.values():
        assert answer["warnings"] == [], answer  # Material answers nothing when lunr throws
    return answers


def _terms(answer: dict) -> dict[str, dict]:
    """Each result's words: true where it has the word, false where Material strikes it out."""
    return {item["location"]: item["terms"] for group in answer["groups"] for item in group}


@pytest.mark.node
def test_spanish_results_strike_out_only_the_words_they_lack(tmp_path):
    answers = _search(tmp_path, ["condado de Harris", "detención ICE", "detencion", "Houston", "retenciones"])
    harris = _terms(answers["condado de Harris"])
    # "condado" is indexed as its stem "cond", and "de" is a stop word: neither is missing
    assert harris["counties/tx/harris/"] == harris["counties/ga/harris/"] == {"condado": True, "harris": True}
    assert harris["counties/ar/desha/"] == {"condado": True, "harris": False}  # a word it does lack stays
    assert [g[0]["location"] for g in answers["condado de Harris"]["groups"][:2]] == ["counties/tx/harris/", "counties/ga/harris/"]
    # the stem of a whole word is not a prefix: "condado" does not find "condicional"
    assert "immigration-enforcement/no-ice-in-jails-courts/" not in harris
    detention = _terms(answers["detención ICE"])
    assert detention["criminal-justice/no-private-prisons/"] == {"detención": True, "ice": True}
    assert detention["immigration-enforcement/no-ice-in-jails-courts/"] == {"ice": True, "detención": False}
    assert _terms(answers["detencion"]) == {"criminal-justice/no-private-prisons/": {"detencion": True}}
    assert _terms(answers["Houston"]) == {"cities/tx/houston/": {"houston": True}, "places/": {"houston": True}}
    assert _terms(answers["retenciones"]) == {"immigration-enforcement/no-ice-in-jails-courts/": {"retenciones": True}}


@pytest.mark.node
def test_spanish_stop_words_neither_match_nor_rule_out(tmp_path):
    answers = _search(tmp_path, ['"condado de Harris"', "de", "la", "Condado de"])
    # a quoted phrase requires each word; a stop word is never indexed, so it is not required
    assert [g[0]["location"] for g in answers['"condado de Harris"']["groups"]] == ["counties/tx/harris/", "counties/ga/harris/"]
    assert answers["de"]["groups"] == answers["la"]["groups"] == []
    assert "counties/ar/desha/" in _terms(answers["Condado de"])  # "de*" no longer finds only "Desha"
    assert all(terms == {"condado": True} for terms in _terms(answers["Condado de"]).values())


# ----------------------------------------------------------------------- the built index (site)

def _docs(site: Path, edition: str) -> list[dict]:
    return json.loads((site / edition / search.INDEX).read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("edition", ["", "es/"])
def test_each_glossary_term_is_a_search_result_at_its_term(site, guide, edition):
    lang = "es" if edition else "en"
    docs = _docs(site, edition)
    at = {d["location"]: i for i, d in enumerate(docs)}
    soup = BeautifulSoup((site / edition / "glossary" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for term in guide.glossary.terms:
        location = f"glossary/#{term.id}"
        assert at[location] > at["glossary/"], location  # a section of the glossary page
        assert html.unescape(docs[at[location]]["title"]) == term.term(lang)
        assert soup.find(id=term.id) is not None
    # the page's own entry is its introduction, not every definition run together
    assert guide.glossary.terms[0].definition(lang)[:40] not in html.unescape(docs[at["glossary/"]]["text"])


def _cells(row) -> str:
    return "".join(cell.get_text("", strip=True) for cell in row.find_all(["th", "td"]))


@pytest.mark.parametrize("edition", ["", "es/"])
def test_search_snippets_hold_no_run_of_table_cells(site, edition):
    """Material's index keeps a table's text without the cells apart ("HoustonCiudadTX4451"):
    no table of a page reaches the index."""
    from browser import pages_to_check

    text = " ".join(html.unescape(d["title"] + " " + d["text"]) for d in _docs(site, edition))
    text = " ".join(text.replace("<", " <").split())
    indexed = []
    for rel in pages_to_check(site):
        if rel.startswith("es/") != bool(edition) or rel.endswith(".html"):
            continue
        soup = BeautifulSoup((site / rel / "index.html").read_text(encoding="utf-8"), "html.parser")
        for table in soup.select("article table"):
            row = table.select_one("tbody tr")
            cells = _cells(row) if row else ""
            if len(row.find_all(["th", "td"])) > 1 and len(cells) > 12 and cells in text:
                indexed.append((rel, cells[:60]))
    assert indexed == []


# ------------------------------------------------------------------------------- in the browser

def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


def _type_query(page, query: str, want: str | None = None) -> None:
    if page.viewport_size["width"] < 960:  # on a phone search opens from the header's button
        page.locator("label.md-header__button[for='__search']").first.click()
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)  # Material searches on key events, as a reader types
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    # results change as each key arrives: wait for those of the whole query
    page.wait_for_function(
        "want => [...document.querySelectorAll('.md-search-result__item')].some(e => e.innerText.toLowerCase().includes(want))",
        arg=(want or query).lower(), timeout=10_000)


SHOWN = """() => [...document.querySelectorAll('.md-search-result__article')].map(a => {
  const missing = [...a.querySelectorAll('.md-search-result__terms del')].map(d => d.textContent);
  const rest = a.cloneNode(true); rest.querySelectorAll('.md-search-result__terms').forEach(t => t.remove());
  return {text: rest.textContent, missing};
})"""


@pytest.mark.parametrize("query, want", [("detención ICE", "detención"), ("condado de Harris", "condado de harris, texas"),
                                         ("Houston", None), ("policía local", "local")])
def test_spanish_results_do_not_strike_out_words_they_show(browser, base_url, query, want):
    page = browser.new_page()
    page.goto(base_url + "es/", wait_until="networkidle")
    _type_query(page, query, want)
    shown = page.evaluate(SHOWN)
    page.close()
    assert shown
    for article in shown:
        for word in article["missing"]:
            assert _fold(word) not in _fold(article["text"]), (word, article["text"][:200])
            assert word not in ("de", "la", "el")  # stop words are never missing
    if want:  # the result that shows the words misses none of them (a page and its sections may each be a result)
        matching = [a for a in shown if want in a["text"].lower()]
        assert any(a["missing"] == [] for a in matching), matching


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("edition, query, want, page_url", [
    ("es/", "Long Beach", "lista de", "method/"),  # a place named in a section of a long page
    ("", "detainer", "detainer (", "glossary/"),  # a glossary term
])
def test_a_result_opens_where_it_matched(browser, base_url, width, edition, query, want, page_url):
    """The result's title and its section both open at the section that matched, in view, with its
    address in the URL (not the top of the page)."""
    page = browser.new_page(viewport={"width": width, "height": 740})
    page.goto(base_url + edition, wait_until="networkidle")
    _type_query(page, query, want)
    item = page.locator(".md-search-result__item").filter(
        has=page.locator(f"a.md-search-result__link[href*='/{page_url}']")).first
    links = item.locator("a.md-search-result__link")
    hrefs = links.evaluate_all("els => els.map(e => e.href)")
    assert len(hrefs) > 1 and "#" in hrefs[1], hrefs
    for i in (0, 1):  # the result's title, then its section
        page.goto(base_url + edition, wait_until="networkidle")
        _type_query(page, query, want)
        item.locator("a.md-search-result__link").nth(i).click()
        page.wait_for_load_state("load")
        anchor = page.evaluate("decodeURIComponent(location.hash.slice(1))")
        assert anchor and page.url.split("?")[0].endswith(page_url), page.url
        top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", anchor)
        assert 0 <= top < 740 / 2, (page.url, top)
        assert page.evaluate("scrollY") > 0
    page.close()
