"""The compare page's counties and cities: one small script per state, loaded when a reader picks
the state (plain Python).

The page itself carries the researched places (an inline JSON). Every county and top-100 city
nobody has researched is in ``assets/compare/<st>.js``: its page, name, kind, one status letter
per provision (derived from a record, or not yet researched) and which of them are derived, so
the table can mark them apart. Links are relative to the edition's root, like the finder's.

Every row also has an id, the same in every edition and language: its page's source path without
".md" ("cities/wa/seattle", "counties/tx/harris", "places/new-orleans"). The address of a chosen
comparison lists them (``compare/?p=cities/wa/seattle,counties/tx/harris``); a county keeps its id
when someone researches it, and the id names the state whose script has the row.
"""

from __future__ import annotations

import json

from . import paths
from .guide import Guide

COMPARE_DIR = "assets/compare"
PICK_MAX = 5
"""How many places a reader can choose to compare, share or print (at least two)."""


def place_id(guide: Guide, slug: str) -> str:
    """A researched place's id: its page's source path without ".md" (a county's or city's, else places/<slug>)."""
    return guide.page_of_place(slug).removesuffix(".md")


def rows(guide: Guide, code: str, lang: str, use_directory_urls: bool, offline: bool, letter: dict) -> list[list]:
    """[link, name, state, letters, kind, derived mask, 0, id] for each county and city of a state not researched."""
    out = []
    for area in guide.areas_in(code):
        if area.place is not None:
            continue  # a researched place: on the page already
        if offline:
            link = f"{paths.page_url(paths.AREA_VIEW, False)}#{paths.area_route(area)}"
        else:
            link = paths.page_url(area.src, use_directory_urls)
        statuses = guide.area_statuses(area)
        letters = "".join(letter[rec.status] if basis == "derived" else letter[None] for basis, rec in
                          (statuses[p.code] for p in guide.provisions))
        derived = "".join("1" if statuses[p.code][0] == "derived" else "0" for p in guide.provisions)
        out.append([link, area.name(lang), area.state, letters, area.kind, derived, 0, paths.area_route(area)])
    return out


def scripts(guide: Guide, lang: str, use_directory_urls: bool, offline: bool, letter: dict) -> dict[str, str]:
    """File (under the edition) -> ``sgMatrix.add(state, rows)`` for every state with counties."""
    out = {}
    for state in guide.states:
        found = rows(guide, state.code, lang, use_directory_urls, offline, letter)
        if found:
            data = json.dumps(found, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
            out[f"{COMPARE_DIR}/{state.code.lower()}.js"] = f"window.sgMatrix&&window.sgMatrix.add({json.dumps(state.code)},{data});\n"
    return out
