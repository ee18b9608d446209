"""The offline edition's county and city view: every county and city nobody has researched, in
one page and a few data files (plain Python).

Online, each of the 3,200-odd counties and cities has its own page. A page each in both
languages would make the offline zip about 40 MB, so the offline edition has one page,
``area.html``, that shows any of them from its address (``area.html#counties/tx/harris``). Its
content is rendered by the same templates as the online page (``area_facts.md.j2`` and
``area_body.md.j2``), turned into HTML here, and stored in small scripts split by state and first
letter (``assets/areas/tx/h.js``), so opening one county loads only a few dozen. Researched places
keep their own pages offline.

The HTML comes from our templates, which escape all data text; the view inserts it as it is.
"""

from __future__ import annotations

import json

import markdown

from . import paths, render
from .guide import Guide

# The Markdown features the area templates use (the same as mkdocs.yml's).
_EXTENSIONS = ("attr_list", "md_in_html", "tables", "def_list")


def chunk_of(area) -> str:
    """The data file that holds an area: by state and the first letter of its slug."""
    first = area.slug[:1]
    return f"{paths.AREA_DATA_DIR}/{area.state.lower()}/{first if first.isalpha() else '0'}.js"


def fragment(ctx: render.Ctx, area) -> tuple[str, str]:
    """(title, HTML) of one county or city, as the view shows it."""
    md = markdown.Markdown(extensions=list(_EXTENSIONS))
    body = render.area_fragment(ctx, area.key)
    return render.area_title(ctx, area.key), md.convert(body)


def _js(value) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # Valid in a script either way; escaped so no editor or old parser trips on them.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def scripts(guide: Guide, lang: str) -> dict[str, str]:
    """File (under the edition) -> its script: ``sgAreas.add({route: [title, html], ...})``."""
    ctx = render.Ctx(guide, lang, paths.Links(paths.AREA_VIEW, use_directory_urls=False), offline=True)
    chunks: dict[str, dict[str, list[str]]] = {}
    for area in guide.areas:
        if area.place is None:
            title, html = fragment(ctx, area)
            chunks.setdefault(chunk_of(area), {})[paths.area_route(area)] = [title, html]
    return {path: f"window.sgAreas&&window.sgAreas.add({_js(rows)});\n" for path, rows in sorted(chunks.items())}


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
