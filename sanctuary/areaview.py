"""The offline edition's county and city view: every county and city nobody has researched, in
one page and a few data files (plain Python).

Online, each of the 3,200-odd counties and cities has its own page. A page each in both
languages would make the offline zip about 40 MB, so the offline edition has one page,
``area.html``, that shows any of them from its address (``area.html#counties/tx/harris``). Its
content is rendered by the same templates as the online page (``area_facts.md.j2`` and
``area_body.md.j2``), turned into HTML here, and stored in small scripts split by state and first
letter (``assets/areas/tx/h.js``), so opening one county loads only a few dozen. Researched places
keep their own pages offline.

Most lines of a county's HTML are the same in every county of its state (the fourteen provision
rows, the state's law, the headings). Each state's shared lines are written once
(``assets/areas/tx/_.js``) and each county keeps only its own lines and the numbers of the
shared ones (:func:`pack`); the view joins them again (:func:`unpack`, and the same few lines in
``areaview.js``). Zipped, that is a third of the size of a whole copy of each county: one small file
compresses the shared text afresh, so a copy in each of 800 files had cost 3 MB of the download.

The HTML comes from our templates, which escape all data text; the view inserts it as it is.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import markdown

from . import pagetoc, paths, render
from .guide import Guide

# The Markdown features the area templates use (the same as mkdocs.yml's).
_EXTENSIONS = ("attr_list", "md_in_html", "tables", "def_list")


def chunk_of(area) -> str:
    """The data file that holds an area: by state and the first letter of its slug."""
    first = area.slug[:1]
    return f"{paths.AREA_DATA_DIR}/{area.state.lower()}/{first if first.isalpha() else '0'}.js"


_H2 = re.compile(r'<h2\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)


def fragment(ctx: render.Ctx, area) -> tuple[str, str]:
    """(title, HTML) of one county or city, as the view shows it: with the contents at its top
    for small screens, as its page has online (sanctuary/pagetoc.py)."""
    md = markdown.Markdown(extensions=list(_EXTENSIONS))
    html = md.convert(render.area_fragment(ctx, area.key))
    contents = [(m.group(1), m.group(2)) for m in _H2.finditer(html)]
    html = pagetoc.insert(html, contents, ctx.guide.label("toc_title", ctx.lang))
    return render.area_title(ctx, area.key), html


SHARED = "_"  # each state's shared lines: assets/areas/<st>/_.js
_MIN_SHARED = 8  # shorter lines cost less written out than as a number


def pack(fragments: dict[str, str]) -> tuple[list[str], dict[str, list[int | str]]]:
    """The lines (split at newlines) that two or more of ``fragments`` hold, once and sorted, and
    each fragment as a list of its lines, where each shared line is its number in that list.
    ``unpack(shared, parts)`` gives each fragment back exactly."""
    counts = Counter(line for text in fragments.values() for line in set(text.split("\n")))
    shared = sorted(line for line, n in counts.items() if n > 1 and len(line) >= _MIN_SHARED)
    number = {line: i for i, line in enumerate(shared)}
    return shared, {key: [number.get(line, line) for line in text.split("\n")] for key, text in fragments.items()}


def unpack(shared: list[str], parts: list[int | str]) -> str:
    return "\n".join(shared[p] if isinstance(p, int) else p for p in parts)


def _js(value) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # Valid in a script either way; escaped so no editor or old parser trips on them.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def shared_of(state: str) -> str:
    return f"{paths.AREA_DATA_DIR}/{state.lower()}/{SHARED}.js"


def scripts(guide: Guide, lang: str) -> dict[str, str]:
    """File (under the edition) -> its script. Each state's shared lines,
    ``sgAreas.lines("tx", [line, ...])``, and each chunk's counties and cities,
    ``sgAreas.add("tx", {route: [title, [line or number, ...]], ...})`` (see :func:`pack`)."""
    ctx = render.Ctx(guide, lang, paths.Links(paths.AREA_VIEW, use_directory_urls=False), offline=True)
    by_state: dict[str, dict[str, tuple[str, str, str]]] = {}
    for area in guide.areas:
        if area.place is None:
            title, html = fragment(ctx, area)
            by_state.setdefault(area.state.lower(), {})[paths.area_route(area)] = (chunk_of(area), title, html)
    out: dict[str, str] = {}
    for state, areas in sorted(by_state.items()):
        shared, packed = pack({route: html for route, (_, _, html) in areas.items()})
        out[shared_of(state)] = f"window.sgAreas&&window.sgAreas.lines({_js(state)},{_js(shared)});\n"
        chunks: dict[str, dict[str, list]] = {}
        for route, (path, title, _) in areas.items():
            chunks.setdefault(path, {})[route] = [title, packed[route]]
        for path, rows in chunks.items():
            out[path] = f"window.sgAreas&&window.sgAreas.add({_js(state)},{_js(rows)});\n"
    return dict(sorted(out.items()))


def routes(guide: Guide) -> set[str]:
    """Every address the view answers (the link check accepts exactly these)."""
    return {paths.area_route(a) for a in guide.areas if a.place is None}


def search_entries(guide: Guide, lang: str) -> list[dict]:
    """Search index entries for the view's counties and cities: found by name, offline too. Each
    names its county in the query (``area.html?r=counties/tx/harris``), not the fragment: search
    groups entries that differ only by fragment as sections of one page, and would hide all but one."""
    ctx = render.Ctx(guide, lang, paths.Links(paths.AREA_VIEW, False))
    view = paths.page_url(paths.AREA_VIEW, False)
    return [{"location": f"{view}?r={paths.area_route(area)}", "title": render.area_title(ctx, area.key), "text": ""}
            for area in guide.areas if area.place is None]
