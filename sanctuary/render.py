"""Pure renderers: the validated guide in, Markdown (with escaped HTML blocks) out, via template files.

Every function takes a :class:`Ctx` (the loaded :class:`~sanctuary.guide.Guide`, a language code and
a :class:`~sanctuary.paths.Links` for the page being rendered) and returns a string. Nothing here
reads a file other than the templates, and nothing imports mkdocs; the guide answers every
question about the data, and this module only formats the answers.

Data text is always escaped: Jinja autoescaping covers HTML, and the ``md`` filter also
neutralises Markdown syntax in the few places where data text lands in a Markdown line (headings).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
from markupsafe import Markup

from . import areas, changes, comparedata, derive, dictionary, notes, paths, qr, schema
from .guide import STANCE_ORDER, STATUS_ORDER, Guide, by_name
from .reference import ice287g

TEMPLATES = Path(__file__).parent / "templates"

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}

STALE_DAYS = 90  # a layer older than this, at the build's date, says so in plain words
STANCE_SYMBOL = {schema.Stance.floor: "▲", schema.Stance.preemption: "▼", schema.Stance.neither: "■"}
# One letter per status in the compare page's compact JSON (the page's script reads the table from it).
STATUS_LETTER = {schema.Status.yes: "y", schema.Status.partial: "p", schema.Status.no: "n", schema.Status.unknown: "u",
                 schema.Status.not_researched: "r"}
# A county or city page's status: a derived status's letter, or None (not yet researched).
AREA_LETTER = {**STATUS_LETTER, None: STATUS_LETTER[schema.Status.not_researched]}
KIND_OF_PLACE = {schema.PlaceKind.city: "city", schema.PlaceKind.city_county: "city", schema.PlaceKind.county: "county",
                 schema.PlaceKind.state: "state"}

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
    # The offline edition shows the counties and cities nobody has researched in one data-driven
    # view (sanctuary/areaview.py) instead of a page each: links to them go there.
    offline: bool = False
    # Where "report a correction" leads (mkdocs.yml extra.corrections_url, from CORRECTIONS_URL):
    # an address with {title} and {page}, e.g. an issue form; empty: the method page.
    corrections: str = ""
    site_url: str = ""  # this edition's public root (https://host/ or https://host/es/); "" when unknown

    def t(self, key: str) -> str:
        return self.guide.label(key, self.lang)

    def tn(self, key: str, n: int, **values) -> str:
        """A count's label: ``key_one`` for 1, ``key_other`` otherwise, with ``n`` written as a number of
        this language (e.g. ``c.tn("finder_count", 3)`` is "3 lugares encontrados")."""
        return self.guide.ui.plural(key, n, self.lang).format(n=self.number(n), **values)

    def date(self, value: str | None) -> str:
        return format_date(value, self.lang)

    def tx(self, text: schema.Text | None) -> str:
        return text(self.lang) if text is not None else ""

    # ------------------------------------------------------------ originals and our words
    # Every text a reader sees is in the page's language, or is an original (a document's title,
    # an organisation's or agency's name) marked with its own language, so that a screen reader
    # switches voice (WCAG 3.1.2). These helpers are the one place that decides; the templates
    # call them wherever a title or a name lands (tests/test_spanish_only.py reads the result).

    def mark(self, text: str, lang: str | None = "en") -> Markup:
        """``text`` (escaped), inside ``<span lang>`` when ``lang`` is not the page's language."""
        if not text:
            return Markup("")
        if not lang or lang == self.lang:
            return Markup.escape(text)
        return Markup('<span lang="{}">{}</span>').format(lang, text)

    def orig(self, value: str | schema.Text | None, lang: str = "en") -> Markup:
        """A :data:`~sanctuary.schema.Name`: words of ours (``{en, es}``) in the page's language, an
        original name or title as written, marked with its language ``lang``."""
        if value is None:
            return Markup("")
        if isinstance(value, schema.Text):
            return Markup.escape(value(self.lang))
        return self.mark(value, lang)

    def _description(self, obj) -> str:
        """Our words for what a titled thing is: its gloss, else (a policy) its kind of instrument."""
        gloss = getattr(obj, "gloss", None)
        if gloss is not None:
            return gloss(self.lang)
        kind = getattr(obj, "kind", None)
        return self.t("instrument_" + kind.value) if isinstance(kind, schema.Instrument) else ""

    def _needs_description(self, obj) -> bool:
        return not isinstance(obj.title, schema.Text) and self.lang != "en"

    def named(self, obj) -> Markup:
        """A policy's, state law's or model text's title as headings and links show it. On a page
        in the title's language, the title; elsewhere our description first (its gloss, else its
        kind), then the original title in parentheses, marked: "Ordenanza (<span lang="en">Welcoming
        City Ordinance</span>)"."""
        if not self._needs_description(obj):
            return self.orig(obj.title)
        desc = self._description(obj)
        if not desc:
            return self.orig(obj.title)
        return Markup("{} ({})").format(desc, self.orig(obj.title))

    def named_plain(self, obj) -> str:
        """:meth:`named` as plain text (attributes, scripts' data, search titles)."""
        if not self._needs_description(obj):
            return schema.in_language(obj.title, self.lang)
        desc = self._description(obj)
        return f"{desc} ({obj.title})" if desc else obj.title

    def cite_label(self, n: int | None, source: schema.Source) -> str:
        """What a citation mark says to a screen reader: "Fuente 3: <publisher>". An original name
        cannot be marked inside an attribute, so on a page of another language it is left out
        (the source list it links to names it, marked)."""
        label = self.t("source") + (f" {n}" if n else "")
        pub = source.publisher
        if isinstance(pub, schema.Text) or self.lang == "en":
            return f"{label}: {schema.in_language(pub, self.lang)}"
        return label

    def provision_link(self, code: str, anchor: str | None = None) -> str:
        """A provision's own page (its detail; its section page holds only a summary)."""
        return self.links.to(self.guide.page_of_provision(code), anchor)

    def place_link(self, slug: str, anchor: str | None = None) -> str:
        """A researched place's page: its county or city page when it is one."""
        return self.links.to(self.guide.page_of_place(slug), anchor)

    def area_link(self, area, anchor: str | None = None) -> str:
        return self.page(area.src, anchor)

    def state_link(self, code: str, anchor: str | None = None) -> str:
        return self.links.to(paths.state_page(code), anchor)

    def top_asset(self, path: str) -> str:
        """A file at the root of the published site (both editions share it; Spanish lives in es/)."""
        return ("../" if self.lang == "es" else "") + self.links.asset(path)

    def edition_root(self) -> str:
        """This edition's root, relative to the page (where the finder's data and pages start)."""
        root = self.links.to(paths.HOME)
        return "" if root == "./" else root.removesuffix("index.html")

    def page(self, src: str, anchor: str | None = None) -> str:
        if self.offline and (area := self.guide.area_in_view(src)) is not None:
            return self.links.to(paths.AREA_VIEW, paths.area_route(area))
        return self.links.to(src, anchor)

    def card_name(self, place: schema.Place) -> str:
        """A place's name with its state ("Boston, Massachusetts"; a state alone), as printed."""
        name = place.name(self.lang)
        state = self.guide.state_by_code.get(place.state)
        if place.kind is schema.PlaceKind.state or state is None:
            return name
        return f"{name}, {state.name(self.lang)}"

    def address(self, src: str) -> str:
        """A page's public address (its online page, also from the offline edition), or '' when the
        edition has none (a local preview at 127.0.0.1, the offline edition without SITE_URL)."""
        if not qr.is_public(self.site_url):
            return ""
        return self.site_url.rstrip("/") + "/" + paths.page_url(src, use_directory_urls=True)

    def number(self, n: int) -> str:
        """12,345 (English) / 12 345 (Spanish, as the RAE writes numbers)."""
        text = f"{n:,}"
        return text.replace(",", "\u00a0") if self.lang == "es" else text

    def county_name(self, name: str) -> str:
        """A Census county name ("Harris County") in the page's language ("Condado de Harris")."""
        return areas.county_name(name, self.lang) if name else ""

    def county_label(self, fips: str) -> str:
        county = self.guide.census_counties.get(fips)
        return areas.county_name(county.name, self.lang) if county else fips

    def area_agreements(self, area) -> list:
        """A county's agreements; for a city, every agreement in its counties."""
        return [a for f in area.counties for a in self.guide.agreements_in_fips(f)]

    def area_pending(self, area) -> list:
        return [a for f in area.counties for a in self.guide.pending_in_fips(f)]

    def area_facilities(self, area) -> list:
        return [p for f in area.counties for p in self.guide.facilities_in(f)]

    @property
    def page_src(self) -> str:
        return self.links.src

    def correction_link(self, title: str, page_src: str) -> str:
        if not self.corrections:
            return self.page(paths.METHOD, "corrections")
        from urllib.parse import quote

        return self.corrections.replace("{title}", quote(title)).replace("{page}", quote(paths.page_url(page_src)))

    def area_have(self, area) -> list[str]:
        """The provisions a county or city page shows as yes or partial (to start the checklist)."""
        have = (schema.Status.yes, schema.Status.partial)
        return [code for code, (basis, rec) in self.guide.area_statuses(area).items()
                if basis != "not-researched" and rec is not None and rec.status in have]

    def derived_note(self, record, area) -> str:
        """The sentence that gives a derived status's rule and record."""
        label = self.t("rule_" + record.rule)
        if record.agreement is not None:
            a = record.agreement
            return label.format(agency=a.agency, model=self.t("g287_model_" + a.model), date=self.date(a.signed) or "—",
                                as_of=self.g287_date)
        laws = "; ".join(law.identifier or self.named_plain(law) for law in record.laws)
        return label.format(state=self.guide.state_by_code[area.state].name(self.lang), laws=laws)

    def stale(self, as_of: str) -> str:
        """A plain warning when a layer is more than 90 days older than the build's date, else ''."""
        import datetime as dt

        age = (dt.date.fromisoformat(self.guide.data_date) - dt.date.fromisoformat(as_of)).days
        return self.t("layer_stale").format(days=age) if age > STALE_DAYS else ""

    @property
    def g287_date(self) -> str:
        """The date of ICE's 287(g) sheet the pages show, in words."""
        return self.date(self.guide.agreements_layer.snapshot.as_of)

    def ordered_places(self) -> list[schema.Place]:
        return self.guide.places_sorted(self.lang)

    def listed_places(self) -> list[schema.Place]:
        """The places a long list shows: the first LIST_LIMIT in list order."""
        return self.ordered_places()[: paths.LIST_LIMIT]

    def adopters(self, code: str) -> list[tuple[schema.Place, schema.ProvisionStatus]]:
        return self.guide.adopters(code, self.lang)

    @staticmethod
    def numbered(sources: list[schema.Source]) -> notes.Notes:
        """A page's notes: its sources numbered in the page's order (source id -> (number, source)),
        and the references to them and to its other notes, so each note links back to them."""
        return notes.Notes(sources)


def page_ctx(guide: Guide, extra: dict, src: str, use_directory_urls: bool) -> Ctx:
    """The context of one page of an edition (``extra``: the MkDocs config's ``extra``, as
    hooks.py fills it: language, offline, where corrections go)."""
    return Ctx(guide, extra["lang"], paths.Links(src, use_directory_urls), offline=bool(extra.get("offline")),
               corrections=extra.get("corrections_url") or "",
               site_url=extra.get("site_root_url", "") + extra.get("edition", ""))


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
    env.filters["by_name"] = by_name  # a list in the page's language order: {% for s in states|by_name(lang) %}
    env.globals.update(
        STATUS_ORDER=[s.value for s in STATUS_ORDER],
        STATUS_LETTERS={s.value: letter for s, letter in STATUS_LETTER.items()},
        STANCE_ORDER=STANCE_ORDER,
        STANCE_SYMBOL={k.value: v for k, v in STANCE_SYMBOL.items()},
        MODEL_ORDER=ice287g.MODEL_ORDER,
        P=paths,
    )
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
    """A section page, the overview of its provisions: intro, then each provision's summary (at the
    id of its slug, where links to the section's provisions land) linked to its own page, and
    the section's sources."""
    section = ctx.guide.section_by_id.get(section_id)
    if section is None:
        raise KeyError(f"no section {section_id!r}; known: {', '.join(s.id for s in ctx.guide.sections)}")
    return _render("section.md.j2", ctx, section=section)


def _provision(ctx: Ctx, code: str) -> schema.Provision:
    prov = ctx.guide.provision_by_code.get(code)
    if prov is None:
        raise KeyError(f"no provision {code!r}; known: {', '.join(p.code for p in ctx.guide.provisions)}")
    return prov


def provision_page(ctx: Ctx, code: str) -> str:
    """A provision's own page: what it means, why it matters (sourced), how places adopt it and
    wrote it into law, its limits, the places that have it, and the sources it cites."""
    prov = _provision(ctx, code)
    section = ctx.guide.section_of[code]
    cited = {sid for w in prov.why for sid in w.sources} | {sid for m in prov.models for sid in m.sources}
    own = [s for s in section.sources if s.id in cited]  # in the section's order, numbered on this page
    return _render("provision.md.j2", ctx, prov=prov, section=section, own_sources=own, notes=ctx.numbered(own))


def provision_title(ctx: Ctx, code: str) -> str:
    """A provision page's title (plain text: hooks.py escapes it for the theme)."""
    return _provision(ctx, code).title(ctx.lang)


def provision_description(ctx: Ctx, code: str) -> str:
    """A provision page's meta description, the one a share preview shows: the guide's own
    recommendation, in plain words (plain text: the theme escapes it where it lands)."""
    return " ".join(_provision(ctx, code).recommendation(ctx.lang).split())


def place_page(ctx: Ctx, slug: str) -> str:
    """A whole place page, from its data file and the reference layers of its area."""
    place = ctx.guide.place_by_slug.get(slug)
    if place is None:
        raise KeyError(f"no place {slug!r} in data/places/")
    local, statewide = ctx.guide.agreements_for_place(place)
    return _render("place.md.j2", ctx, place=place, notes=ctx.numbered(place.sources), local=local, statewide=statewide,
                   area=None, state=ctx.guide.state_by_code.get(place.state),
                   card=report_card(ctx, place=place, url=ctx.address(paths.place_page(slug))))


def state_page(ctx: Ctx, code: str) -> str:
    """A whole state page (the state-law layer), from data/states/<code>.yml."""
    state = ctx.guide.state_by_code.get(code.upper())
    if state is None:
        raise KeyError(f"no state {code!r} in data/states/")
    return _render("state.md.j2", ctx, state=state, notes=ctx.numbered(state.sources))


def states_index(ctx: Ctx) -> str:
    """All states grouped by the stance of their law."""
    return _render("states_index.md.j2", ctx)


def state_description(ctx: Ctx, code: str) -> str:
    state = ctx.guide.state_by_code[code.upper()]
    return ctx.tn("state_description", len(state.laws), name=state.name(ctx.lang), stance=ctx.t("stance_" + state.stance.value))


def places_index(ctx: Ctx, sample_only: bool = False) -> str:
    """The list of places with their counts by status (the sample places only, for the home page)."""
    places = ctx.guide.sample_places if sample_only else ctx.listed_places()
    return _render("places_index.md.j2", ctx, places=places, sample_only=sample_only)


def compare_matrix(ctx: Ctx) -> str:
    """Places × provisions, status by symbol and text. The table holds at most LIST_LIMIT rows;
    every place is in a compact inline JSON that the page's filter draws from (works offline).
    The JSON carries its own status letters and labels, so the script repeats none of them.
    Each row has an id that stays the same in every edition (comparedata.place_id), which the
    address of a chosen comparison lists (``?p=``)."""
    provisions = ctx.guide.provisions
    home = paths.Links(paths.HOME, ctx.links.use_directory_urls)
    ids = {p.slug: comparedata.place_id(ctx.guide, p.slug) for p in ctx.guide.places}
    data = {
        "places": [[home.to(ctx.guide.page_of_place(p.slug)), p.name(ctx.lang), p.state,
                    "".join(STATUS_LETTER[p.provisions[c.code].status] for c in provisions), KIND_OF_PLACE[p.kind],
                    "0" * len(provisions), 1, ids[p.slug], p.slug]
                   for p in ctx.ordered_places()],
        "provisions": [[prov.code, ctx.provision_link(prov.code), prov.title(ctx.lang), prov.slug, prov.short(ctx.lang)]
                       for prov in provisions],
        "sections": [[s.title(ctx.lang), len(s.provisions)] for s in ctx.guide.sections],
        "root": ctx.edition_root(),
        "areaDir": comparedata.COMPARE_DIR,
        "statuses": {STATUS_LETTER[s]: [s.value, ctx.t("status_" + s.value)] for s in STATUS_ORDER},
        "has": [STATUS_LETTER[schema.Status.yes], STATUS_LETTER[schema.Status.partial]],
        "derivedLabel": ctx.t("basis_derived"),
        "derivedMark": "*",
        "limit": paths.LIST_LIMIT,
        "pickMax": comparedata.PICK_MAX,
        "address": ctx.address(paths.COMPARE),
    }
    return _render("compare.md.j2", ctx, places=ctx.listed_places(), ids=ids, pick_max=comparedata.PICK_MAX,
                   payload=json_for_html(data))


def json_for_html(data: Any) -> Markup:
    """JSON safe inside a <script type="application/json"> element (no '</', no '<!--')."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def all_sources(ctx: Ctx) -> str:
    """The sources of the sections, the glossary and the federal lists (each place and state lists
    its own sources on its page, so this list stays the same size however many places exist)."""
    return _render("sources.md.j2", ctx)


def glossary(ctx: Ctx) -> str:
    return _render("glossary.md.j2", ctx)


def federal_lists(ctx: Ctx) -> str:
    return _render("federal_lists.md.j2", ctx)


def place_description(ctx: Ctx, slug: str) -> str:
    """A one-line meta description for a place page, generated from its data (plain text: the
    theme escapes it where it lands)."""
    place = ctx.guide.place_by_slug[slug]
    counts = ctx.guide.counts(place)
    return ctx.t("place_description").format(
        name=place.name(ctx.lang), yes=counts["yes"], partial=counts["partial"], total=len(place.provisions),
        date=format_date(place.reviewed, ctx.lang),
    )


# ---------------------------------------------------------------- coverage: map, 287(g), DOJ list, checklist


def us_map(ctx: Ctx) -> str:
    """SVG map: states by stance, places as points, counties with 287(g) agreements as marks."""
    shown = ctx.guide.places if len(ctx.guide.places) <= paths.LIST_LIMIT else ctx.guide.sample_places
    points = [(p, xy) for p in shown if (xy := ctx.guide.place_point(p))]
    return _render("map.md.j2", ctx, shapes=ctx.guide.reference.state_shapes, points=points, agreements=ctx.guide.agreement_counties)


def ice287g_page(ctx: Ctx) -> str:
    """The 287(g) agreements by state and in full (sortable, filterable)."""
    rows = sorted(ctx.guide.agreements, key=lambda a: (a.state, a.agency, a.model))
    return _render("ice287g.md.j2", ctx, agreements=rows, by_state=ctx.guide.agreement_counts_by_state(ctx.lang),
                   layer=ctx.guide.agreements_layer.snapshot)


def doj_list(ctx: Ctx) -> str:
    """The DOJ list, each entry next to the guide's page for it."""
    return _render("doj_list.md.j2", ctx, matches=ctx.guide.doj_matches)


def checklist(ctx: Ctx) -> str:
    """'Check your city': tick the provisions a place has, see what is missing."""
    return _render("checklist.md.j2", ctx)


def data_dictionary(ctx: Ctx) -> str:
    """Every data file's fields, types and meaning, generated from the schema."""
    return _render("dictionary.md.j2", ctx, models=dictionary.models(), dictionary=dictionary)


def open_data(ctx: Ctx, infos: list) -> str:
    """Links to the downloads (written by the build into downloads/data/), each file with its
    sources, dates and columns; ``infos`` from :func:`sanctuary.opendata.file_infos`."""
    from . import opendata

    return _render("open_data.md.j2", ctx, infos=infos, readme=opendata.README, zip_name=opendata.ZIP_NAME)


def last_reviewed(ctx: Ctx) -> str:
    """The most recent review date of any place, formatted for the page language."""
    value = ctx.guide.last_reviewed
    return f'<time datetime="{html.escape(value)}">{html.escape(ctx.date(value))}</time>'


def g287_as_of(ctx: Ctx) -> str:
    value = ctx.guide.agreements_layer.snapshot.as_of
    return f'<time datetime="{html.escape(value)}">{html.escape(ctx.date(value))}</time>'


def g287_notice(ctx: Ctx) -> str:
    """The 287(g) list is dated; the program has grown since (a warning box)."""
    return _render("g287_notice.md.j2", ctx)


def area_page(ctx: Ctx, key: str) -> str:
    """A county or city page: its researched place if it is one, else what the records show."""
    area = ctx.guide.area_by_key.get(key)
    if area is None:
        raise KeyError(f"no county or city page {key!r}")
    state = ctx.guide.state_by_code[area.state]
    if area.place is not None:
        local, statewide = ctx.guide.agreements_for_place(area.place)
        return _render("place.md.j2", ctx, place=area.place, notes=ctx.numbered(area.place.sources), local=local,
                       statewide=statewide, area=area, state=state,
                       card=report_card(ctx, place=area.place, area=area, url=ctx.address(area.src)))
    return _render("area.md.j2", ctx, area=area, state=state, card=report_card(ctx, area=area, url=ctx.address(area.src)))


@dataclass(frozen=True)
class CardSource:
    """A source as the report card names it: who published it, its title, its date, and the
    language each is written in (None: ours, in the page's language)."""

    publisher: str
    title: str
    date: str | None = None
    unverified: bool = False
    publisher_lang: str | None = "en"
    title_lang: str | None = "en"

    @classmethod
    def of(cls, s: schema.Source, lang: str) -> CardSource:
        ours = isinstance(s.publisher, schema.Text)
        return cls(schema.in_language(s.publisher, lang), s.title, s.date, s.unverified,
                   None if ours else "en", s.lang.value)


def report_card(ctx: Ctx, *, url: str, place: schema.Place | None = None, area=None) -> Markup:
    """The one-page report card of a place page, or of a county or city page (``area``): name,
    "as of" date, the 14 statuses in words, the main sources, and ``url`` (the page's public
    address) with its QR code, drawn here at build time. With ``url`` empty (no public address)
    the card says so instead. Hidden on screen; printed by the page's "report card" button."""
    g = ctx.guide
    if place is None and area is None:
        raise ValueError("report_card needs a place or an area")
    state = g.state_by_code.get(area.state if area else place.state)
    state_name = state.name(ctx.lang) if state else (place.state if place else "")
    rows: dict[str, tuple[str, bool]] = {}  # provision code -> (status, derived)
    if place is not None:
        kind = ctx.t("kind_place_" + place.kind.value)
        title = ctx.card_name(place)
        dated = ctx.t("card_reviewed").format(date=ctx.date(place.reviewed))
        date = place.reviewed
        rows = {code: (st.status.value, False) for code, st in place.provisions.items()}
        sources = [CardSource.of(s, ctx.lang) for s in g.top_sources(place, paths.CARD_SOURCES)]
        total = len(place.sources)
    else:
        title = f"{area.name(ctx.lang)}, {state_name}"
        kind = ctx.t("area_kind_" + area.kind)
        date = g.data_date
        dated = ctx.t("card_data_as_of").format(date=ctx.date(date))
        for code, (basis, record) in g.area_statuses(area).items():
            rows[code] = (record.status.value, basis == "derived") if record is not None else (schema.Status.not_researched.value, False)
        sheet = g.agreements_layer.snapshot
        sources = [CardSource(sheet.publisher, sheet.title, sheet.as_of)]
        if state is not None:
            sources += [CardSource.of(s, ctx.lang) for s in g.top_state_sources(state, paths.CARD_SOURCES - 1)]
        total = 0
    label = ctx.t("card_qr_label").format(url=url)
    code = qr.svg(url, label)
    return Markup(_render("report_card.md.j2", ctx, title=title, kind=kind, dated=dated, date=date,
                          rows=rows, sources=sources, total=total, url=url if code else "",
                          qr=Markup(code) if code else None,
                          derived=any(d for _, d in rows.values())))


def area_fragment(ctx: Ctx, key: str) -> str:
    """A county or city nobody has researched, as the offline view shows it (no finder, no notice)."""
    area = ctx.guide.area_by_key[key]
    return _render("area_fragment.md.j2", ctx, area=area, state=ctx.guide.state_by_code[area.state])


def area_view(ctx: Ctx) -> str:
    """The offline edition's page that shows any county or city nobody has researched."""
    return _render("area_view.md.j2", ctx)


def area_description(ctx: Ctx, key: str) -> str:
    """A one-line meta description of a county or city page (plain text)."""
    area = ctx.guide.area_by_key[key]
    if area.place is not None:
        return place_description(ctx, area.place.slug)
    state = ctx.guide.state_by_code[area.state]
    return ctx.t("area_description").format(name=area.name(ctx.lang), state=state.name(ctx.lang), date=ctx.g287_date)


def area_title(ctx: Ctx, key: str) -> str:
    area = ctx.guide.area_by_key[key]
    return f"{area.name(ctx.lang)}, {ctx.guide.state_by_code[area.state].name(ctx.lang)}"


def moved_place_page(guide: Guide, lang: str, slug: str, url: str) -> str:
    """The page left at a researched place's old address (places/<slug>/), sending the reader to
    ``url``, in the edition's words."""
    return moved_page(url, lang, guide.label("moved_title", lang), guide.label("moved_text", lang),
                      guide.place_by_slug[slug].name(lang))


def moved_page(url: str, lang: str, title: str, text: str, name: str) -> str:
    """A page that has moved: a redirect any browser follows, in the edition's language, with a
    link for the rest (``text`` before the new page's ``name``)."""
    u, e = html.escape(url), html.escape
    return (f'<!doctype html><html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(title)}</title>'
            f'<meta name="robots" content="noindex"><link rel="canonical" href="{u}">'
            f'<meta http-equiv="refresh" content="0; url={u}"></head>'
            f'<body><p>{e(text)} <a href="{u}">{e(name)}</a></p></body></html>\n')


def derivation_rules(ctx: Ctx) -> str:
    """The rules of sanctuary.derive, each with its stable id, what triggers it and what it settles."""
    return _render("derivation_rules.md.j2", ctx, rules=derive.RULES)


def download_box(ctx: Ctx, downloads: list[dict], offline: bool) -> str:
    """The offline download as a button with its size and date, and how to open it; ``downloads``
    is the manifest as hooks.py gives it to the theme (each with ``mb`` and ``date_text``)."""
    zip_item = next((d for d in downloads if d["kind"] == "zip"), None)
    return _render("download_box.md.j2", ctx, zip=SimpleNamespace(**zip_item) if zip_item else None, offline=offline)


def offline_start(guide: Guide) -> str:
    """start.html at the top of the downloaded guide: both languages, no script."""
    labels = {lang: SimpleNamespace(**{k: guide.label(k, lang) for k in ("site_name", "start_open", "start_note")})
              for lang in ("en", "es")}
    return ENV.get_template("offline_start.html.j2").render(**labels)


def consistency_rules(ctx: Ctx) -> str:
    """The rules that keep statuses comparable across places (data/consistency.yml)."""
    return _render("consistency_rules.md.j2", ctx)


def finder(ctx: Ctx) -> str:
    """The "find your place" box."""
    return _render("finder.md.j2", ctx, with_states=True)


def what_changed(ctx: Ctx) -> str:
    """The newest changes (LIST_LIMIT of them), each linked to the page it concerns."""
    found = changes.changes(ctx.guide, ctx.lang)
    return _render("changes.md.j2", ctx, shown=found[: paths.LIST_LIMIT], total=len(found))
