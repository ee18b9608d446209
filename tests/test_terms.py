"""Fixed Spanish terms: no data file, interface string or built Spanish page uses a variant that a
glossary term's ``avoid`` lists (data/glossary.yml; the rules are in sanctuary/schema.py, Avoid).

The only allowances are the ``allow`` phrases of each term, each with its reason, in the glossary
data itself: the recommended form "orden judicial firmada por un juez" holds the avoided bare
"orden judicial", for example.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sanctuary import schema, terms


@pytest.fixture(scope="module")
def rules(guide):
    found = terms.rules(guide.glossary)
    assert len({r.term for r in found}) >= 6  # protective floor, warrants, injunction, booking, Secure Communities
    return found


def _spanish(node, path=""):
    """Every Spanish text of a YAML tree: the `es` of each {en, es} pair (a string or a list)."""
    if isinstance(node, dict):
        if "en" in node and "es" in node:
            values = node["es"] if isinstance(node["es"], list) else [node["es"]]
            for v in values:
                if isinstance(v, str):
                    yield path, v
        for key, value in node.items():
            if key != "avoid":  # the variants themselves
                yield from _spanish(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _spanish(value, f"{path}[{i}]")


def _data_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "data").rglob("*.yml") if "reference" not in p.parts)


def test_no_data_file_or_interface_string_uses_an_avoided_variant(root, rules):
    import yaml

    bad = []
    files = _data_files(root)
    assert root / "data" / "ui.yml" in files and len(files) > 70
    for path in files:
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, text in _spanish(tree):
            bad += [f"{path.relative_to(root)}: {where}: {hit}" for hit in terms.find(text, rules)]
    for path in sorted((root / "docs" / "es").rglob("*.md")):
        bad += [f"{path.relative_to(root)}: {hit}" for hit in terms.find(path.read_text(encoding="utf-8"), rules)]
    assert bad == []


_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def test_no_built_spanish_page_uses_an_avoided_variant(site, rules):
    import html

    pages = sorted((site / "es").rglob("*.html"))
    assert len(pages) > 50
    bad = {}
    for page in pages:
        text = html.unescape(_TAGS.sub(" ", page.read_text(encoding="utf-8")))
        hits = [str(h) for h in terms.find(text, rules)]
        if hits:
            bad[page.relative_to(site).as_posix()] = hits[:5]
    assert bad == {}


# ------------------------------------------------------------ the matcher, on its own table


def _rule(variant, *allow):
    avoid = schema.Avoid(es=[variant], why="test", allow=[schema.Allowance(phrase=a, why="test") for a in allow])
    glossary = schema.Glossary(terms=[schema.GlossaryTerm(id="t", term={"en": "t", "es": "t"}, definition={"en": "d", "es": "d"}, avoid=avoid)])
    return terms.rules(glossary)


@pytest.mark.parametrize("variant, allow, text, found", [
    ("orden judicial", ["orden judicial firmada por un juez"], "sin una orden judicial.", ["orden judicial"]),
    ("orden judicial", ["orden judicial firmada por un juez"], "sin una orden judicial firmada por un juez federal.", []),
    ("orden judicial", ["orden judicial firmada por un juez"], "Una Orden Judicial de 2026", ["Orden Judicial"]),
    ("orden judicial", [], "una orden judicialmente rara", []),  # whole words only
    ("orden judicial", [], "una orden\n   judicial", ["orden judicial"]),  # line breaks of the YAML
    ("protección mínima", [], "una protección mínima estatal", ["protección mínima"]),
    ("protección mínima", [], "una proteccion minima", []),  # accents count: another word
    ("registr* … en la cárcel", [], "cuando la policía registra a una persona en la cárcel", ["registra a una persona en la cárcel"]),
    ("registr* … en la cárcel", [], "ya registraron a la persona en la cárcel", ["registraron a la persona en la cárcel"]),
    ("registr* … en la cárcel", [], "parar y registrar a la gente en la calle", []),
    ("registr* … en la cárcel", [], "registros de religión. Cinco años después, mucha gente en la cárcel", []),  # more than 4 words apart
    ("Ley de Comunidades Seguras", [], "la Ley de Comunidades Seguras de 2026", ["Ley de Comunidades Seguras"]),
    ("Ley de Comunidades Seguras", [], "el programa Comunidades Seguras (Secure Communities)", []),
])
def test_variants_are_found_as_documented(variant, allow, text, found):
    assert [h.found for h in terms.find(text, _rule(variant, *allow))] == found
