"""Search entries made from the data, added to Material's index after a build (plain Python).

Material's indexer cuts a page into sections at its headings with an id, and a result opens at its
section. The glossary's terms are a definition list, not headings, so the whole glossary was one
entry that opened at the top of the page whatever term matched: its list is left out of the index
(``data-search-exclude``) and each term is an entry of its own here (``glossary/#detainer``), titled
by the term, with its definition as the snippet.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from . import paths
from .guide import Guide

INDEX = "search/search_index.json"


def glossary_entries(guide: Guide, lang: str, use_directory_urls: bool) -> list[dict]:
    """One entry per glossary term: a section of the glossary page, at the term's anchor. Text from
    data is text: Material's index holds HTML, so it is escaped here."""
    page = paths.page_url(paths.GLOSSARY, use_directory_urls)
    return [{"location": f"{page}#{term.id}", "title": html.escape(term.term(lang), quote=False),
             "text": f"<p>{html.escape(term.definition(lang), quote=False)}</p>"}
            for term in guide.glossary.terms]


def add_entries(site_dir: Path, entries: list[dict]) -> int:
    """Add entries to the built index. Material reads a page's sections as those that follow the
    page's own entry, so each entry goes right after its page's last one (at the end when its page
    is not in the index: an entry of its own). Returns how many were added."""
    path = site_dir / INDEX
    if not path.is_file():  # Material's search plugin writes it before hooks.py's post-build step
        raise FileNotFoundError(f"{path}: no search index to add to")
    index = json.loads(path.read_text(encoding="utf-8"))
    by_page: dict[str, list[dict]] = {}
    for entry in entries:
        by_page.setdefault(entry["location"].split("#")[0], []).append(entry)
    page_of = [d["location"].split("#")[0] for d in index["docs"]]
    docs = []
    for i, doc in enumerate(index["docs"]):
        docs.append(doc)
        if i + 1 == len(page_of) or page_of[i + 1] != page_of[i]:
            docs.extend(by_page.pop(page_of[i], []))
    index["docs"] = docs + [e for rest in by_page.values() for e in rest]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(entries)
