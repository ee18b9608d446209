"""Text from data is text, wherever it lands: a hostile place name and hostile front matter, built
online and offline in both languages, create no element and no attribute on any page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest

pytestmark = pytest.mark.slow  # builds a copy of the project, online and offline

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = """</title>"'><img src=x onerror=alert(1)></script><script>alert(1)</script><!--"""
NAME = "Hostileville " + PAYLOAD


def _copy_project(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".venv", "site", "build", ".git", ".pytest_cache",
                                                              "__pycache__", "node_modules"))
    place = (dest / "data/places/long-beach.yml").read_text(encoding="utf-8")
    place = place.replace("slug: long-beach", "slug: hostileville").replace("sample: true", "sample: false")
    place = place.replace("name: {en: Long Beach, es: Long Beach}", "name: " + json.dumps({"en": NAME, "es": NAME}))
    (dest / "data/places/hostileville.yml").write_text(place, encoding="utf-8")
    for lang in ("en", "es"):  # hand-written front matter too: a description with quotes and markup
        page = dest / "docs" / lang / "glossary.md"
        text = page.read_text(encoding="utf-8")
        start = text.index("description:")
        end = text.index("\n", start)
        page.write_text(text[:start] + "description: " + json.dumps("A \"quoted\" glossary " + PAYLOAD) + text[end:], encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def hostile_builds(tmp_path_factory) -> dict[str, Path]:
    project = _copy_project(tmp_path_factory.mktemp("hostile") / "project")
    out = {}
    for offline in (False, True):
        site = project.parent / ("offline" if offline else "online")
        env = dict(os.environ, OFFLINE="true" if offline else "false", SANCTUARY_AREAS="sample")
        for config, folder in (("mkdocs.yml", site), ("mkdocs.es.yml", site / "es")):
            run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(folder)],
                                 cwd=project, env=env, capture_output=True, text=True)
            assert run.returncode == 0, run.stderr[-3000:]
        out["offline" if offline else "online"] = site
    return out


def _payload_made_something(doc) -> list[str]:
    found = []
    for el in doc.iter():
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if tag == "img" and el.get("src") == "x":
            found.append("an <img src=x> element")
        if any(name.lower().startswith("on") for name in el.attrib):
            found.append(f"an event-handler attribute on <{tag}>")
        if tag == "script" and (el.text or "").strip() == "alert(1)":
            found.append("a <script> running alert(1)")
    return found


@pytest.mark.parametrize("edition", ["online", "offline"])
def test_hostile_text_creates_no_element_on_any_page(hostile_builds, edition):
    site = hostile_builds[edition]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    bad = {}
    for path in pages:
        doc = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
        found = _payload_made_something(doc)
        if found:
            bad[path.relative_to(site).as_posix()] = sorted(set(found))
    assert bad == {}


@pytest.mark.parametrize("edition", ["online", "offline"])
@pytest.mark.parametrize("prefix", ["", "es/"])
def test_hostile_text_is_shown_as_text_in_the_head(hostile_builds, edition, prefix):
    """The test would pass vacuously if the payload never reached the pages: check it did, intact."""
    site = hostile_builds[edition] / prefix
    page = site / ("places/hostileville/index.html" if edition == "online" else "places/hostileville.html")
    doc = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
    meta = {m.get("property") or m.get("name"): m.get("content") for m in doc.iter("meta")}
    assert meta["og:title"] == NAME and "twitter:title" not in meta  # X reads og:title
    assert doc.find(".//title").text.startswith(NAME)
    assert doc.find(".//h1").text.startswith(NAME) or NAME in "".join(doc.find(".//h1").itertext())
    glossary = site / ("glossary/index.html" if edition == "online" else "glossary.html")
    meta = {m.get("name") or m.get("property"): m.get("content") for m in html5lib.parse(glossary.read_bytes(), namespaceHTMLElements=False).iter("meta")}
    assert meta["description"] == "A \"quoted\" glossary " + PAYLOAD
    assert meta["og:description"] == meta["description"]


def test_hostile_name_in_the_search_index_is_escaped(hostile_builds):
    index = json.loads((hostile_builds["online"] / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [d["title"] for d in index["docs"] if "Hostileville" in d["title"]]
    assert titles, "the hostile place is indexed"
    assert all("<" not in t for t in titles)  # Material renders result titles as HTML


@pytest.mark.parametrize("edition", ["online", "offline"])
def test_hostile_text_creates_no_element_in_any_report_card(hostile_builds, edition):
    """The report cards live beside their pages (guide.js puts one into its page when printed)."""
    from sanctuary import steps

    site = hostile_builds[edition]
    cards = sorted(site.rglob("*" + steps.CARD_SUFFIX))
    assert len(cards) > 20
    bad, seen = {}, 0
    for path in cards:
        script = path.read_text(encoding="utf-8")
        assert script.startswith(steps.CARD_CALLBACK + "(") and "</script" not in script.lower()
        card = json.loads(script[len(steps.CARD_CALLBACK) + 1 : script.rindex(")")])
        seen += "Hostileville" in card
        found = _payload_made_something(html5lib.parseFragment(card, namespaceHTMLElements=False))
        if found:
            bad[path.relative_to(site).as_posix()] = sorted(set(found))
    assert seen >= 2 and bad == {}  # the hostile place's card, in both languages
