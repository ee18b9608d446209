"""Find English of ours on a Spanish page: a small heuristic, tested in tests/test_spanish_only.py.

Every text a reader sees on a Spanish page must be Spanish, or an original title (a law's, a
document's, an organisation's name) marked ``lang="en"``, so that a screen reader switches voice
(WCAG 3.1.2). This module reads a built page as a reader would: the text of each block (a
paragraph, a list item, a table cell, a heading...) and the texts read aloud (``alt``, ``title``,
``aria-label``, ``placeholder``), leaving out whatever is marked with another language, code, and
addresses. A text reads as English when it holds English function words that are not Spanish
words ("the", "and", "of", "with"...): two of them, or one in a short text with no Spanish
function word. Names without such words ("Long Beach", "Harris") pass; that is acceptable: a
proper name is exempt from WCAG 3.1.2, and what the check is for is prose and descriptions.

Pure functions (html5lib parses the page); nothing here imports mkdocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import html5lib

# English words that are not Spanish words (so "a", "no", "he", "son", "me" are not here).
ENGLISH = frozenset("""
the and of with not for from this that these those which who whom whose what when where why how
was were is are been being be has have had does did do will would shall should could can must
by on in at to into onto upon about after before between under over through during without within
its it their they them there here our ours your you we she his her him than then also only
but or nor an as if any each every all some such other another more most less least very just
copy republished republishing republishes reprinted reprints
""".split())
# English words of an interface (a title, a button, a link) that are not Spanish words: a short text
# made only of them ("Moved", "Skip to content", "Back to top", "Copy to clipboard") is English too,
# though it may hold no function word.
INTERFACE = frozenset("""
moved redirect redirecting search searching share print printed copy copied clipboard close open menu next previous
back top skip content contents download downloads loading home page pages found results result show hide clear
filter sort sources source made with permanent link links go see read more less edit view here place places
""".split())
# Spanish function words: a text with several of them is Spanish with an English name in it.
SPANISH = frozenset("""
de del la las el los lo un una unos unas y e o u que en por para con sin sobre entre hasta desde
se su sus es son fue está están ha han hay no al como más pero porque cuando donde este esta estos
estas ese esa le les ni muy ya también
""".split())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
# Addresses, paths and file names are not prose: https://..., ../cities/in/x/, www.x.org, docslib.org.
_ADDRESS = re.compile(r"(?:\S*/\S*|\bhttps?://\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|us|io|info|live|mx|pub|in|club|press|online)\b\S*)",
                      re.IGNORECASE)

# Elements whose text is never prose of ours, and elements that end a block of text.
SKIP = frozenset({"script", "style", "code", "pre", "kbd", "samp", "math", "template", "noscript"})
BLOCKS = frozenset({"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption",
                    "summary", "label", "option", "button", "title", "blockquote", "div", "section", "article",
                    "nav", "header", "footer", "aside", "main", "ul", "ol", "dl", "table", "tr", "thead", "tbody",
                    "form", "details", "body", "head", "html", "legend", "fieldset", "select", "figure",
                    "svg", "text", "desc"})  # an SVG map's <title>, <desc> and labels are read too
READ_ALOUD = ("alt", "title", "aria-label", "placeholder")
# Texts a page's scripts show (counts, messages, printed lines: data-template-one="{n} lugar..."), and
# those a link preview shows (og:title...); Material's own data-md-* attributes hold no prose.
PREVIEW = frozenset({"og:title", "og:description", "og:image:alt", "twitter:title", "twitter:description",
                     "twitter:image:alt"})


def _shown_by_script(attr: str) -> bool:
    return attr.startswith("data-") and not attr.startswith("data-md-")


_PLACEHOLDER = re.compile(r"\{\w*\}")  # a script's template: "{n} lugares encontrados"


def words(text: str) -> list[str]:
    """The words of a text, without addresses, a template's placeholders and short capitals (postal
    codes such as IN, OR)."""
    text = _PLACEHOLDER.sub(" ", _ADDRESS.sub(" ", text))
    return [w for w in _WORD.findall(text) if not (w.isupper() and len(w) <= 3)]


class Names:
    """Proper names whose words do not count (a county called "Lake of the Woods" is not English of
    ours): the Census names that hold English function words, from :func:`census_names`."""

    def __init__(self, names=()):
        kept = sorted({n for n in names if any(w.lower() in ENGLISH for w in _WORD.findall(n))}, key=len, reverse=True)
        self.names = tuple(kept)
        self._re = re.compile("|".join(re.escape(n) for n in kept)) if kept else None

    def drop(self, text: str) -> str:
        return self._re.sub(" ", text) if self._re else text


NO_NAMES = Names()


def census_names(guide) -> Names:
    """The county, city and town names of the Census snapshots (county names without "County")."""
    from . import areas

    found = set()
    for county in guide.census_counties.values():
        found.add(county.name)
        found.add(areas.county_name(county.name, "es"))
    found |= {a.name.en for a in guide.all_areas}
    gazetteer = guide.reference.gazetteer
    if gazetteer is not None:
        found |= {t.name for t in getattr(gazetteer, "towns", ())}
    return Names(found)


def english_words(text: str, names: Names = NO_NAMES) -> list[str]:
    """The English function words of a text: in lower case anywhere, or capitalised as its first
    word ("The ..."); a capitalised one inside a text is a name's ("artículo de The News Tribune")."""
    found = words(names.drop(text))
    return [w.lower() for i, w in enumerate(found) if w.lower() in ENGLISH and (i == 0 or w.islower())]


def reads_english(text: str, names: Names = NO_NAMES) -> bool:
    """True when a text of a Spanish page reads as English (see the module's docstring)."""
    text = names.drop(text)
    found = words(text)
    eng = len(english_words(text))
    spa = sum(1 for w in found if w.lower() in SPANISH)
    if eng >= 2:
        return eng > spa
    if found and len(found) <= 4 and all(w.lower() in INTERFACE | ENGLISH for w in found):
        return True
    return eng == 1 and spa == 0 and len(found) <= 6


@dataclass(frozen=True)
class Finding:
    where: str  # "text", or the attribute read aloud ("alt", "aria-label"...)
    text: str


def _tag(el) -> str:
    """An element's name without its namespace (HTML's or SVG's); '' for comments."""
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _other_language(el, page_lang: str) -> bool:
    lang = el.get("lang") or el.get("{http://www.w3.org/XML/1998/namespace}lang")
    return bool(lang) and not lang.lower().startswith(page_lang)


def parse(page: str):
    """A page as an ElementTree (html5lib, as a browser parses it)."""
    return html5lib.parse(page, namespaceHTMLElements=True)


def texts(page, lang: str = "es") -> Iterator[Finding]:
    """Every text a reader sees or hears on a page (its HTML, or a tree from :func:`parse`), by
    block, without what is marked with another language than ``lang``, and code."""
    root = parse(page) if isinstance(page, str) else page
    blocks: list[list[str]] = []

    def walk(el, block: list[str]) -> None:
        tag = _tag(el)
        if not tag or tag in SKIP or _other_language(el, lang):  # a comment, code, or another language
            if el.tail:
                block.append(el.tail)
            return
        for attr, value in el.attrib.items():
            if (attr in READ_ALOUD or _shown_by_script(attr)) and value and value.strip():
                yield_list.append(Finding(attr, " ".join(value.split())))
        if tag == "meta" and el.get("content"):
            kind = el.get("name") if el.get("name") == "description" else el.get("property") or el.get("name")
            if kind == "description" or kind in PREVIEW:
                yield_list.append(Finding(f"meta {kind}", " ".join(el.get("content").split())))
        own = block
        if tag in BLOCKS:
            own = []
            blocks.append(own)
        if el.text:
            own.append(el.text)
        for child in el:
            walk(child, own)
        if el.tail:
            block.append(el.tail)

    yield_list: list[Finding] = []
    top: list[str] = []
    blocks.append(top)
    walk(root, top)
    yield from yield_list
    for parts in blocks:
        text = " ".join("".join(parts).split())
        if text:
            yield Finding("text", text)


def english_on_page(page, lang: str = "es", names: Names = NO_NAMES) -> list[Finding]:
    """The texts of a Spanish page that read as English, in page order (attributes first)."""
    return [f for f in texts(page, lang) if reads_english(f.text, names)]


def untranslated(node, path: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every ``{en, es}`` pair of a YAML tree whose Spanish is its English word
    for word and reads as English: words of ours that nobody translated."""
    if isinstance(node, dict):
        if isinstance(node.get("en"), str) and isinstance(node.get("es"), str):
            if " ".join(node["es"].split()) == " ".join(node["en"].split()) and reads_english(node["es"]):
                yield path, node["es"]
        elif isinstance(node.get("en"), list) and isinstance(node.get("es"), list):
            yield from ((f"{path}.es", v) for v in node["es"] if v in node["en"] and reads_english(v))
        for key, value in node.items():
            yield from untranslated(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from untranslated(value, f"{path}[{i}]")


# A plain-string publisher or section is shown as an original (marked English); these words say it
# is a description of ours instead ("copy on Scribd", "as reported by ...", "summary"), which must
# be written {en, es}.
OURS = re.compile(r"\b(copy|republish\w*|reprint\w*|via|blog|summary|tracker|mirror|report)\b")


def plain_words_of_ours(guide) -> list[tuple[str, str]]:
    """Every plain publisher that holds words of :data:`OURS`, and every plain section of a status
    that reads as English: (file and field, text). tests/test_spanish_only.py fails on them;
    scripts/words_of_ours.py lists and rewrites them."""
    sourced = [(f"data/places/{p.slug}.yml", p.sources) for p in guide.places]
    sourced += [(f"data/states/{st.code.lower()}.yml", st.sources) for st in guide.states]
    sourced += [(f"data/sections/ (section {sec.id})", sec.sources) for sec in guide.sections]
    sourced += [("data/glossary.yml", guide.glossary.sources), ("data/federal_lists.yml", guide.federal.sources)]
    found = [(f"{where}: sources.{s.id}.publisher", s.publisher) for where, sources in sourced for s in sources
             if isinstance(s.publisher, str) and OURS.search(s.publisher)]
    found += [(f"data/places/{p.slug}.yml: provisions.{code}.section", st.section) for p in guide.places
              for code, st in p.provisions.items() if isinstance(st.section, str) and reads_english(st.section)]
    return found
