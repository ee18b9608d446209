""""Find your place": the data the finder box searches, split by first letter so a lookup loads
only a small part (plain Python).

Each entry: [name shown, what it is, state, [[label, link], ...]]. A town leads to its county page
(or pages) and its state; a county, city or state to its own page. Names are matched without case
or accents, and without words like "County" or "Condado de" (see :func:`key`); the same folding is
done by overrides/assets/finder.js.
"""

from __future__ import annotations

import json
import re
import unicodedata

from . import areas as area_pages
from . import paths
from .guide import Guide

# Words a reader may type around a name; the finder drops them from the query and the index alike.
_NOISE = re.compile(r"^(?:condado de|county of|city of|ciudad de|parroquia de|town of|pueblo de)\s+|"
                    r"\s+(?:county|parish|borough|census area|city and borough|municipality|planning region|city|town|village)$")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"\bsaint\b", "st", text)
    return text


def key(text: str) -> str:
    """How a name is matched: folded, without surrounding words such as 'County' or 'Condado de'."""
    text = fold(text)
    for _ in range(2):
        text = _NOISE.sub("", text).strip()
    return text


def bucket(name_key: str) -> str:
    first = name_key[:1]
    return first if first.isalpha() else "0"


def entries(guide: Guide, lang: str, use_directory_urls: bool, offline: bool = False) -> dict[str, list]:
    """Letter -> its entries, for one edition. Links are relative to the edition's root; offline,
    a county or city nobody has researched is an address of the offline view."""
    def link(src: str) -> str:
        if offline and (area := guide.area_in_view(src)) is not None:
            return f"{paths.page_url(paths.AREA_VIEW, False)}#{paths.area_route(area)}"
        return paths.page_url(src, use_directory_urls)

    out: dict[str, list] = {}

    def add(name: str, what: str, state: str, targets: list[list[str]]) -> None:
        k = key(name)
        if k:
            out.setdefault(bucket(k), []).append([name, what, state, targets, k])

    state_names = {s.code: s.name(lang) for s in guide.states}
    for s in guide.states:
        add(s.name(lang), guide.label("finder_state", lang), s.code, [[s.name(lang), link(paths.state_page(s.code))]])
    for a in guide.areas:
        targets = [[a.name(lang), link(a.src)]]
        if a.kind == area_pages.CITY:  # a city leads to its own page and to each county it lies in
            targets += [[c.name(lang), link(c.src)] for f in a.counties if (c := guide.area_of_county(f)) and c is not a]
        add(a.name(lang), guide.label("finder_" + a.kind, lang), a.state, targets)
    for place in guide.places:
        if guide.area_of_place(place.slug) is None:
            add(place.name(lang), guide.label("finder_researched", lang), place.state, [[place.name(lang), link(guide.page_of_place(place.slug))]])
    towns: dict[tuple[str, str], list] = {}
    for t in guide.census_towns:
        state = guide.state_by_fips.get(t.state_fips)
        if state is not None:
            towns.setdefault((t.geoid, state.code), []).append(t)
    for (_, code), parts in towns.items():
        parts.sort(key=lambda t: -t.pop_in_county)
        if guide.city_area(code, parts[0].name):
            continue  # one of the largest cities: it has its own entry
        targets = []
        for t in parts:
            area = guide.area_of_county(t.county_fips)
            if area is not None:
                targets.append([area.name(lang), link(area.src)])
        targets.append([state_names[code], link(paths.state_page(code))])
        add(parts[0].name, guide.label("finder_town", lang), code, targets)
    for rows in out.values():
        rows.sort(key=lambda r: (r[4], r[2], r[0]))
    return out


def scripts(guide: Guide, lang: str, use_directory_urls: bool, offline: bool = False) -> dict[str, str]:
    """File (under the edition) -> its script: ``sgFinder.add(letter, entries)``."""
    out = {}
    for letter, rows in sorted(entries(guide, lang, use_directory_urls, offline).items()):
        data = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        out[f"{FINDER_DIR}/{letter}.js"] = f"window.sgFinder&&window.sgFinder.add({json.dumps(letter)},{data});\n"
    return out


FINDER_DIR = "assets/finder"
