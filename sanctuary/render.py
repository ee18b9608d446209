"""Pure renderers: validated records in, Markdown (with escaped HTML blocks) out, via template files.

Every function takes the loaded :class:`~sanctuary.load.Guide`, a language code and a
:class:`~sanctuary.paths.Links` for the page being rendered, and returns a string. Nothing here
reads files other than the templates, and nothing imports mkdocs.

Data text is always escaped: Jinja autoescaping covers HTML, and the ``md`` filter also
neutralises Markdown syntax in the few places where data text lands in a Markdown line (headings).
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import dictionary, federal, geo, ice287g, paths, schema
from .load import Guide

TEMPLATES = Path(__file__).parent / "templates"

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}

# Pages stay light as the data grows toward every county (~3,100 places): lists longer than this
# are cut, with a note and a way to the rest (state pages, the compare filter).
LIST_LIMIT = 200
ADOPTERS_LIMIT = 50
PLACES_PER_STATE_LIMIT = 12

STATUS_ORDER = [schema.Status.yes, schema.Status.partial, schema.Status.no, schema.Status.unknown]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")


def md_escape(value: Any) -> Markup:
    """Escape text for a Markdown line: HTML-escape, then backslash Markdown punctuation."""
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return Markup(text)


def format_date(value: str | None, lang: str) -> str:
    """'2017-03-20' -> 'March 20, 2017' / '20 de marzo de 2017'; '2017-03' and '2017' too."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[lang][int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}" if lang == "en" else f"{month} de {parts[0]}"
    day = int(parts[2])
    return f"{month} {day}, {parts[0]}" if lang == "en" else f"{day} de {month} de {parts[0]}"


def _paragraphs(value: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", value.strip()) if p.strip()]


@dataclass
class Ctx:
    """What a template needs: the guide, the language and links from the current page."""

    guide: Guide
    lang: str
    links: paths.Links

    def t(self, key: str) -> str:
        return self.guide.label(key, self.lang)

    def date(self, value: str | None) -> str:
        return format_date(value, self.lang)

    def tx(self, text: schema.Text | None) -> str:
        return text(self.lang) if text is not None else ""

    def section_link(self, code: str) -> str:
        prov = self.guide.provision_by_code[code]
        return self.links.to(paths.section_page(self.guide.section_of[code].id), prov.slug)

    def place_link(self, slug: str, anchor: str | None = None) -> str:
        return self.links.to(paths.place_page(slug), anchor)

    def state_link(self, code: str, anchor: str | None = None) -> str:
        return self.links.to(paths.state_page(code), anchor)

    def top_asset(self, path: str) -> str:
        """A file at the root of the published site (both editions share it; Spanish lives in es/)."""
        return ("../" if self.lang == "es" else "") + self.links.asset(path)

    def page(self, src: str, anchor: str | None = None) -> str:
        return self.links.to(src, anchor)

    def counts(self, place: schema.Place) -> dict[str, int]:
        c = Counter(st.status.value for st in place.provisions.values())
        return {s.value: c.get(s.value, 0) for s in STATUS_ORDER}

    def ordered_places(self) -> list[schema.Place]:
        """Every place in list order: sample places first, then by name."""
        return sorted(self.guide.places, key=lambda p: (not p.sample, p.name(self.lang).casefold()))

    def listed_places(self) -> list[schema.Place]:
        """The places a long list shows: the first LIST_LIMIT in list order."""
        return self.ordered_places()[:LIST_LIMIT]

    def adopters(self, code: str) -> list[tuple[schema.Place, schema.ProvisionStatus]]:
        """Places with status yes or partial for a provision, yes first."""
        rows = [(p, p.provisions[code]) for p in self.guide.places if p.provisions[code].status.value in ("yes", "partial")]
        return sorted(rows, key=lambda r: (r[1].status.value != "yes", r[0].name(self.lang).casefold()))

    def codes_with(self, place: schema.Place, status: str) -> list[str]:
        return [code for code, st in place.provisions.items() if st.status.value == status]

    @staticmethod
    def numbered(sources: list[schema.Source]) -> dict[str, tuple[int, schema.Source]]:
        """Source id -> (its number in the page's source list, the source)."""
        return {s.id: (i + 1, s) for i, s in enumerate(sources)}


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["paragraphs"] = _paragraphs
    env.globals["STATUS_ORDER"] = [s.value for s in STATUS_ORDER]
    return env


ENV = _env()


def _render(template: str, ctx: Ctx, **values: Any) -> str:
    return ENV.get_template(template).render(c=ctx, g=ctx.guide, lang=ctx.lang, **values)


# ---------------------------------------------------------------- one function per page block


def notice(ctx: Ctx) -> str:
    """The 'not legal advice; local policy does not bind federal agents' note."""
    return _render("notice.md.j2", ctx)


def status_legend(ctx: Ctx) -> str:
    return _render("status_legend.md.j2", ctx)


def sections_overview(ctx: Ctx) -> str:
    """The three sections at a glance, each with its provisions linked."""
    return _render("sections_overview.md.j2", ctx)


def section_page(ctx: Ctx, section_id: str) -> str:
    """A whole section page: intro, then every provision with its explanation and adopters."""
    section = next((s for s in ctx.guide.sections if s.id == section_id), None)
    if section is None:
        raise KeyError(f"no section {section_id!r}; known: {', '.join(s.id for s in ctx.guide.sections)}")
    return _render("section.md.j2", ctx, section=section, sources=ctx.numbered(section.sources))


def place_page(ctx: Ctx, slug: str) -> str:
    """A whole place page, from its data file."""
    place = ctx.guide.place_by_slug.get(slug)
    if place is None:
        raise KeyError(f"no place {slug!r} in data/places/")
    return _render("place.md.j2", ctx, place=place, sources=ctx.numbered(place.sources), g287=place_287g(ctx, place))


def state_page(ctx: Ctx, code: str) -> str:
    """A whole state page (the state-law layer), from data/states/<code>.yml."""
    state = ctx.guide.state_by_code.get(code.upper())
    if state is None:
        raise KeyError(f"no state {code!r} in data/states/")
    return _render("state.md.j2", ctx, state=state, sources=ctx.numbered(state.sources))


def states_index(ctx: Ctx) -> str:
    """All states grouped by the stance of their law."""
    return _render("states_index.md.j2", ctx)


def state_description(ctx: Ctx, code: str) -> str:
    state = ctx.guide.state_by_code[code.upper()]
    return ctx.t("state_description").format(name=state.name(ctx.lang), stance=ctx.t("stance_" + state.stance.value), n=len(state.laws))


def places_index(ctx: Ctx, sample_only: bool = False) -> str:
    """The list of places with their counts by status (the sample places only, for the home page)."""
    places = [p for p in ctx.guide.places if p.sample] if sample_only else ctx.listed_places()
    return _render("places_index.md.j2", ctx, places=places, sample_only=sample_only)


def compare_matrix(ctx: Ctx) -> str:
    """Places × provisions, status by symbol and text. The table holds at most LIST_LIMIT rows;
    every place is in a compact inline JSON that the page's filter draws from (works offline)."""
    letters = {"yes": "y", "partial": "p", "no": "n", "unknown": "u"}
    data = {
        "places": [[p.slug, p.name(ctx.lang), p.state, "".join(letters[p.provisions[c.code].status.value] for c in ctx.guide.provisions)]
                   for p in ctx.ordered_places()],
        "provisions": [[prov.code, ctx.section_link(prov.code), prov.title(ctx.lang), prov.slug] for prov in ctx.guide.provisions],
        "placeLink": ctx.place_link("SLUG"),
        "labels": {s.value: ctx.t("status_" + s.value) for s in STATUS_ORDER},
        "limit": LIST_LIMIT,
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return _render("compare.md.j2", ctx, places=ctx.listed_places(), payload=Markup(payload))


def all_sources(ctx: Ctx) -> str:
    """Every source used anywhere, grouped by where it is used."""
    return _render("sources.md.j2", ctx)


def glossary(ctx: Ctx) -> str:
    return _render("glossary.md.j2", ctx)


def federal_lists(ctx: Ctx) -> str:
    return _render("federal_lists.md.j2", ctx)


def place_description(ctx: Ctx, slug: str) -> str:
    """A one-line meta description for a place page, generated from its data."""
    place = ctx.guide.place_by_slug[slug]
    counts = ctx.counts(place)
    return ctx.t("place_description").format(
        name=place.name(ctx.lang), yes=counts["yes"], partial=counts["partial"], total=len(place.provisions),
        date=format_date(place.reviewed, ctx.lang),
    )


# ---------------------------------------------------------------- coverage: map, 287(g), DOJ list, checklist


@functools.lru_cache(maxsize=1)
def agreements() -> tuple[ice287g.Agreement, ...]:
    """ICE's 287(g) sheet, cleaned (read once per build)."""
    return tuple(ice287g.read_sheet(ice287g.REFERENCE_FILE))


def _fips(guide: Guide, code: str) -> str:
    return guide.state_by_code[code].fips


def us_map(ctx: Ctx) -> str:
    """SVG map: states by stance, places as points, counties with 287(g) agreements as marks."""
    centroids = geo.county_centroids()
    points = []
    shown = ctx.guide.places if len(ctx.guide.places) <= LIST_LIMIT else [p for p in ctx.guide.places if p.sample]
    for place in shown:
        spots = [centroids[(_fips(ctx.guide, place.state), c.lower())] for c in place.counties]
        if spots:
            points.append((place, (sum(x for x, _ in spots) / len(spots), sum(y for _, y in spots) / len(spots))))
    marks = set()
    for a in agreements():
        if a.county and a.state in ctx.guide.state_by_code:
            _, name = ice287g.county_key(a.state, a.county)
            spot = centroids.get((_fips(ctx.guide, a.state), name))
            if spot:
                marks.add((round(spot[0], 1), round(spot[1], 1)))
    return _render("map.md.j2", ctx, shapes=geo.states(), points=points, agreements=sorted(marks))


def ice287g_page(ctx: Ctx) -> str:
    """The 287(g) agreements by state and in full (sortable, filterable)."""
    rows = sorted(agreements(), key=lambda a: (a.state, a.agency, a.model))
    counts: dict[str, Counter] = {}
    for a in rows:
        counts.setdefault(a.state, Counter())[a.model] += 1
    by_state = [(code, {"total": sum(c.values()), **{m: c.get(m, 0) for m in ice287g.MODELS.values()}})
                for code, c in sorted(counts.items(), key=lambda kv: ctx.guide.state_by_code[kv[0]].name(ctx.lang))]
    return _render("ice287g.md.j2", ctx, agreements=rows, by_state=by_state)


@functools.lru_cache(maxsize=1)
def _agreements_by_area() -> dict[tuple[str, str], list[ice287g.Agreement]]:
    """(state, county key) -> agreements, and (state, "") -> all of the state's: built once."""
    out: dict[tuple[str, str], list[ice287g.Agreement]] = {}
    for a in agreements():
        out.setdefault((a.state, ""), []).append(a)
        if a.county:
            out.setdefault(ice287g.county_key(a.state, a.county), []).append(a)
    return out


def place_287g(ctx: Ctx, place: schema.Place) -> str:
    """The 287(g) agreements in a place's area (its counties), and how many act statewide."""
    by_area = _agreements_by_area()
    in_state = by_area.get((place.state, ""), [])
    if place.kind is schema.PlaceKind.state:
        local, statewide = [], in_state
    else:
        local = [a for c in place.counties for a in by_area.get(ice287g.county_key(place.state, c + " County"), [])]
        statewide = [a for a in in_state if a.agency_type == "state-agency"]
    return _render("place_287g.md.j2", ctx, local=local, statewide=statewide)


def doj_list(ctx: Ctx) -> str:
    """The DOJ list of 2025-08-05, each entry next to the guide's page for it."""
    matches = federal.match_places(federal.read_doj(), ctx.guide.places)
    return _render("doj_list.md.j2", ctx, matches=list(matches.items()))


def checklist(ctx: Ctx) -> str:
    """'Check your city': tick the provisions a place has, see what is missing."""
    return _render("checklist.md.j2", ctx)


def data_dictionary(ctx: Ctx) -> str:
    """Every data file's fields, types and meaning, generated from the schema."""
    return _render("dictionary.md.j2", ctx, models=dictionary.models(), rows=dictionary.rows)


OPEN_DATA_FILES = ["provisions.csv", "places.csv", "policies.csv", "statuses.csv", "sources.csv", "states.csv",
                   "state_laws.csv", "ice_287g_2025-07-18.csv", "doj_list_2025-08-05.csv", "guide.json"]


def open_data(ctx: Ctx) -> str:
    """Links to the CSV and JSON downloads (written by the build into downloads/data/)."""
    files = [(name, ctx.t("file_" + name.split(".")[0].replace("_2025-07-18", "").replace("_2025-08-05", ""))) for name in OPEN_DATA_FILES]
    return _render("open_data.md.j2", ctx, files=files)
