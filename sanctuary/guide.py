"""The validated guide and every question the pages ask of it, in one place (plain Python).

:func:`sanctuary.load.load_guide` builds a :class:`Guide` from the data files and the reference
snapshots; renderers and templates only ask it questions (places in a state, agreements in a
county, statuses of a provision, counts) and format the answers. Nothing here reads a file.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from . import areas as area_pages
from . import derive, maps, paths, schema
from .reference import doj, ice287g, placement
from .reference.detention import Placed
from .reference.snapshots import Kind, Layer, Reference

STATUS_ORDER = (schema.Status.yes, schema.Status.partial, schema.Status.no, schema.Status.unknown, schema.Status.not_researched)
"""The order statuses are shown and counted in, everywhere."""

STANCE_ORDER = (schema.Stance.floor, schema.Stance.preemption, schema.Stance.neither)


def name_key(text: str) -> str:
    """How a reader looks a name up in a list: case and accents ignored ("Álamo" among the A's),
    ñ a letter after n (Spanish order). A list in a Spanish page sorts by the Spanish name:
    "Nueva York" under N, "Carolina del Norte" under C."""
    folded = unicodedata.normalize("NFC", text).casefold().replace("ñ", "n\x7f")
    return "".join(ch for ch in unicodedata.normalize("NFD", folded) if not unicodedata.combining(ch))


def by_name(items, lang: str) -> list:
    """Records with a ``name`` {en, es} (places, states, county and city pages), in ``lang``'s order."""
    return sorted(items, key=lambda x: name_key(x.name(lang)))


@dataclass(frozen=True, repr=False)
class Labels:
    """Interface strings from ``data/ui.yml``, each in both languages."""

    texts: dict[str, schema.Text]

    def __call__(self, key: str, lang: str) -> str:
        try:
            return self.texts[key](lang)
        except KeyError:
            raise KeyError(f"data/ui.yml: no label {key!r}") from None

    def plural(self, key: str, n: int, lang: str) -> str:
        """The form of a count's label for ``n``: ``key_one`` when n is 1, ``key_other`` otherwise.

        English and Spanish share the rule (CLDR: one for 1; 0 and 2 take the plural, "0 lugares").
        The scripts use the same rule on the two forms passed as data attributes.
        """
        return self(f"{key}_{plural_form(n)}", lang)


def plural_form(n: int) -> str:
    return "one" if n == 1 else "other"


def _most_cited(sources: list[schema.Source], citations: list[list[str]], limit: int) -> list[schema.Source]:
    """The ``limit`` sources cited most often in ``citations`` (verified before unverified on a
    tie, then in the file's order)."""
    cited = Counter(sid for ids in citations for sid in ids)
    order = sorted(enumerate(sources), key=lambda item: (-cited[item[1].id], item[1].unverified, item[0]))
    return [s for _, s in order[:limit]]


@dataclass(repr=False)
class Guide:
    """Everything the site shows, validated: the data files and the reference snapshots."""

    sections: list[schema.Section]
    glossary: schema.Glossary
    federal: schema.FederalLists
    ui: Labels
    places: list[schema.Place] = field(default_factory=list)
    states: list[schema.State] = field(default_factory=list)
    reference: Reference = field(default_factory=Reference)
    area_states: frozenset[str] | None = None  # the states whose county and city pages are built (None: all)
    consistency: schema.Consistency | None = None  # data/consistency.yml

    def label(self, key: str, lang: str) -> str:
        return self.ui(key, lang)

    def label_n(self, key: str, n: int, lang: str, **values) -> str:
        """A count's label for ``n``, formatted with ``n`` (and ``values``)."""
        return self.ui.plural(key, n, lang).format(n=n, **values)

    # ------------------------------------------------------------ provisions and sections

    @cached_property
    def provisions(self) -> list[schema.Provision]:
        return [p for s in self.sections for p in s.provisions]

    @cached_property
    def section_of(self) -> dict[str, schema.Section]:
        """Provision code -> its section."""
        return {p.code: s for s in self.sections for p in s.provisions}

    @cached_property
    def section_by_id(self) -> dict[str, schema.Section]:
        return {s.id: s for s in self.sections}

    @cached_property
    def provision_by_code(self) -> dict[str, schema.Provision]:
        return {p.code: p for p in self.provisions}

    def page_of_provision(self, code: str) -> str:
        """A provision's own page (its section page holds a summary of it, at the id of its slug)."""
        return paths.provision_page(self.section_of[code].id, self.provision_by_code[code].slug)

    def provision_index(self, code: str) -> int:
        """Position of a provision in the guide's order (the compare filter's column)."""
        return [p.code for p in self.provisions].index(code)

    # ------------------------------------------------------------ places

    @cached_property
    def place_by_slug(self) -> dict[str, schema.Place]:
        return {p.slug: p for p in self.places}

    @cached_property
    def _places_by_state(self) -> dict[str, list[schema.Place]]:
        out: dict[str, list[schema.Place]] = {}
        for p in self.places:
            out.setdefault(p.state, []).append(p)
        return out

    def places_in(self, code: str) -> list[schema.Place]:
        """The researched places of a state, by name."""
        return self._places_by_state.get(code, [])

    def places_sorted(self, lang: str) -> list[schema.Place]:
        """Every place in list order: the 2016 guide's sample places first, then by name in ``lang``."""
        return sorted(self.places, key=lambda p: (not p.sample, name_key(p.name(lang)), p.slug))

    @cached_property
    def sample_places(self) -> list[schema.Place]:
        return [p for p in self.places if p.sample]

    @staticmethod
    def counts(place: schema.Place) -> dict[str, int]:
        """Status -> how many provisions of the place have it, in STATUS_ORDER."""
        c = Counter(st.status.value for st in place.provisions.values())
        return {s.value: c.get(s.value, 0) for s in STATUS_ORDER}

    @staticmethod
    def codes_with(place: schema.Place, status: schema.Status | str) -> list[str]:
        value = status.value if isinstance(status, schema.Status) else status
        return [code for code, st in place.provisions.items() if st.status.value == value]

    def adopters(self, code: str, lang: str) -> list[tuple[schema.Place, schema.ProvisionStatus]]:
        """Places with status yes or partial for a provision: yes first, then by name."""
        rows = [(p, p.provisions[code]) for p in self.places if p.provisions[code].status in (schema.Status.yes, schema.Status.partial)]
        return sorted(rows, key=lambda r: (r[1].status is not schema.Status.yes, name_key(r[0].name(lang))))

    # ------------------------------------------------------------ states

    @staticmethod
    def top_sources(place: schema.Place, limit: int) -> list[schema.Source]:
        """The sources a place's statuses cite most: the few a printed report card names."""
        return _most_cited(place.sources, [st.sources for st in place.provisions.values()], limit)

    @staticmethod
    def top_state_sources(state: schema.State, limit: int) -> list[schema.Source]:
        """The sources a state's laws cite most."""
        return _most_cited(state.sources, [law.sources for law in state.laws], limit)

    @cached_property
    def state_by_code(self) -> dict[str, schema.State]:
        return {s.code: s for s in self.states}

    @cached_property
    def state_by_fips(self) -> dict[str, schema.State]:
        return {s.fips: s for s in self.states}

    def states_with(self, stance: schema.Stance) -> list[schema.State]:
        return [s for s in self.states if s.stance is stance]

    def states_sorted(self, lang: str) -> list[schema.State]:
        return sorted(self.states, key=lambda s: name_key(s.name(lang)))

    # ------------------------------------------------------------ glossary and federal lists

    @cached_property
    def glossary_sources(self) -> dict[str, schema.Source]:
        return {s.id: s for s in self.glossary.sources}

    @cached_property
    def federal_sources(self) -> dict[str, schema.Source]:
        return {s.id: s for s in self.federal.sources}

    @cached_property
    def federal_by_id(self) -> dict[str, schema.FederalList]:
        return {f.id: f for f in self.federal.lists}

    def places_on_list(self, list_id: str) -> list[schema.Place]:
        """Places whose data records a mention on a federal list."""
        return [p for p in self.places if any(f.listed_on == list_id for f in p.federal)]

    @property
    def doj_layer(self) -> Layer:
        layer = self.reference.current(Kind.doj_list)
        assert layer is not None, "load_guide checks there is one"
        return layer

    @cached_property
    def doj_matches(self) -> list[tuple[doj.Listed, list[schema.Place]]]:
        """Each entry of the DOJ list, with the guide's places it names."""
        return list(doj.match_places(self.doj_layer.records, self.places, self.place_county_fips).items())

    # ------------------------------------------------------------ 287(g) agreements

    @property
    def agreements_layer(self) -> Layer:
        """ICE's newest 287(g) sheet."""
        layer = self.reference.current(Kind.ice_287g_participating)
        assert layer is not None, "load_guide checks there is one"
        return layer

    @property
    def agreements(self) -> tuple[ice287g.Agreement, ...]:
        return self.agreements_layer.records

    @cached_property
    def _agreements_by_area(self) -> dict[tuple[str, str], list[ice287g.Agreement]]:
        """(state, county key) -> agreements, and (state, "") -> all of the state's: built once."""
        out: dict[tuple[str, str], list[ice287g.Agreement]] = {}
        for a in self.agreements:
            out.setdefault((a.state, ""), []).append(a)
            if a.county:
                out.setdefault(ice287g.county_key(a.state, a.county), []).append(a)
        return out

    def agreements_in_state(self, state: str) -> list[ice287g.Agreement]:
        return self._agreements_by_area.get((state, ""), [])

    def agreements_for_place(self, place: schema.Place) -> tuple[list[ice287g.Agreement], list[ice287g.Agreement]]:
        """(agreements of agencies in the place's counties, agreements of state agencies);
        for a state, every agreement in it counts as its own."""
        in_state = self.agreements_in_state(place.state)
        if place.kind is schema.PlaceKind.state:
            return [], in_state
        local = [a for f in self.place_county_fips(place) for a in self.agreements_in_fips(f)]
        return local, self.statewide_agreements(place.state)

    def place_county_fips(self, place: schema.Place) -> list[str]:
        """The FIPS codes of a place's counties (``make check`` has made sure each names one)."""
        gazetteer = self.reference.gazetteer
        if gazetteer is None:
            return []
        return [c.fips for name in place.counties if (c := gazetteer.county_named(place.state, name))]

    def agreement_counts_by_state(self, lang: str) -> list[tuple[schema.State, dict[str, int]]]:
        """States with agreements, by name, each with its total and its count per model."""
        out = []
        for state in self.states_sorted(lang):
            rows = self.agreements_in_state(state.code)
            if rows:
                c = Counter(a.model for a in rows)
                out.append((state, {"total": len(rows), **{m: c.get(m, 0) for m in ice287g.MODEL_ORDER}}))
        return out

    # ------------------------------------------------------------ the map

    def place_point(self, place: schema.Place) -> tuple[float, float] | None:
        """Where a place sits on the map: the mean of its counties' centroids."""
        shapes = self.reference.county_shapes
        spots = [shapes[f].centroid for f in self.place_county_fips(place) if f in shapes]
        if not spots:
            return None
        return sum(x for x, _ in spots) / len(spots), sum(y for _, y in spots) / len(spots)

    @cached_property
    def agreement_counties(self) -> list[tuple[str, str]]:
        """(FIPS, national map path) of every county with at least one agreement."""
        return maps.national_agreement_counties(self)

    def state_map(self, code: str) -> maps.StateMap | None:
        """A state's county map (computed once per build, shared by both editions)."""
        if code not in self._state_maps:
            self._state_maps[code] = maps.state_map(self, code)
        return self._state_maps[code]

    @cached_property
    def _state_maps(self) -> dict[str, maps.StateMap | None]:
        return {}

    # ------------------------------------------------------------ counties and cities

    def _records(self, kind: Kind) -> tuple:
        layer = self.reference.current(kind)
        return layer.records if layer else ()

    @cached_property
    def census_counties(self) -> dict[str, object]:
        """County FIPS -> Census county (every county and county-equivalent, 2025)."""
        return {c.fips: c for c in self._records(Kind.census_counties)}

    @cached_property
    def all_areas(self) -> list[area_pages.Area]:
        """Every county and city of the guide, by state and name, whether or not this build makes its page."""
        fips_to_state = {s.fips: s.code for s in self.states}
        found = area_pages.build(list(self.census_counties.values()), list(self._records(Kind.census_cities)), self.places, fips_to_state)
        return sorted(found, key=lambda a: (a.state, a.kind, a.slug))

    @cached_property
    def areas(self) -> list[area_pages.Area]:
        """Every county page and city page this build makes (the states in scope)."""
        if self.area_states is None:
            return self.all_areas
        return [a for a in self.all_areas if a.state in self.area_states]

    @cached_property
    def area_by_key(self) -> dict[str, area_pages.Area]:
        return {a.key: a for a in self.areas}

    @cached_property
    def _area_of_place(self) -> dict[str, area_pages.Area]:
        return {a.place.slug: a for a in self.areas if a.place is not None}

    def area_of_place(self, slug: str) -> area_pages.Area | None:
        """The county or city page a researched place is, if it is one."""
        return self._area_of_place.get(slug)

    @cached_property
    def _unresearched_area_by_src(self) -> dict[str, area_pages.Area]:
        return {a.src: a for a in self.areas if a.place is None}

    def area_in_view(self, src: str) -> area_pages.Area | None:
        """The county or city nobody has researched whose page is ``src``: the offline edition
        shows it in its data-driven view (sanctuary/areaview.py) rather than as a page."""
        return self._unresearched_area_by_src.get(src)

    def page_of_place(self, slug: str) -> str:
        """The page source of a researched place: its county or city page, else places/<slug>.md."""
        area = self._area_of_place.get(slug)
        return area.src if area else f"places/{slug}.md"

    @cached_property
    def _areas_by_state(self) -> dict[str, list[area_pages.Area]]:
        out: dict[str, list[area_pages.Area]] = {}
        for a in self.areas:
            out.setdefault(a.state, []).append(a)
        return out

    def areas_in(self, state: str, kind: str | None = None) -> list[area_pages.Area]:
        return [a for a in self._areas_by_state.get(state, []) if kind is None or a.kind == kind]

    @cached_property
    def _area_of_county(self) -> dict[str, area_pages.Area]:
        """County FIPS -> its page (a county page, or the city page of a city that is the county)."""
        out = {}
        for a in self.areas:
            if a.kind == area_pages.COUNTY:
                out[a.counties[0]] = a
            elif a.city and a.city.kind != "city" and len(a.counties) == 1:
                out.setdefault(a.counties[0], a)
        return out

    @cached_property
    def _city_by_name(self) -> dict[tuple[str, str], area_pages.Area]:
        return {(a.state, placement.fold(a.name.en)): a for a in self.areas if a.kind == area_pages.CITY}

    def city_area(self, state: str, name: str) -> area_pages.Area | None:
        """The city page of one of the 100 largest cities, by state and name."""
        return self._city_by_name.get((state, placement.fold(name)))

    def area_of_county(self, fips: str) -> area_pages.Area | None:
        return self._area_of_county.get(fips)

    @property
    def census_towns(self) -> tuple:
        return self._records(Kind.census_towns)

    @cached_property
    def _towns_by_county(self) -> dict[str, list]:
        out: dict[str, list] = {}
        for t in self._records(Kind.census_towns):
            out.setdefault(t.county_fips, []).append(t)
        for towns in out.values():
            towns.sort(key=lambda t: (-t.pop_in_county, t.name))
        return out

    def towns_in(self, fips: str, limit: int | None = None) -> list:
        """The county's towns, most populous first (the part of each town in the county)."""
        return self._towns_by_county.get(fips, [])[:limit]

    def _by_fips(self, agreements: tuple[ice287g.Agreement, ...]) -> dict[str, list[ice287g.Agreement]]:
        out: dict[str, list[ice287g.Agreement]] = {}
        by_name = {(self.state_by_fips[c.state_fips].code, ice287g.county_key("", c.name)[1]): c.fips
                   for c in self.census_counties.values() if c.state_fips in self.state_by_fips}
        for a in agreements:
            fips = a.county_fips if a.scope else by_name.get((a.state, ice287g.county_key("", a.county)[1])) if a.county else None
            if fips:
                out.setdefault(fips, []).append(a)
        return out

    @cached_property
    def _agreements_by_fips(self) -> dict[str, list[ice287g.Agreement]]:
        return self._by_fips(self.agreements)

    @cached_property
    def pending_layer(self) -> Layer | None:
        return self.reference.current(Kind.ice_287g_pending)

    @cached_property
    def _pending_by_fips(self) -> dict[str, list[ice287g.Agreement]]:
        return self._by_fips(self.pending_layer.records) if self.pending_layer else {}

    def agreements_in_fips(self, fips: str) -> list[ice287g.Agreement]:
        """Every agreement of an agency placed in the county (sheriffs, police, constables alike)."""
        return sorted(self._agreements_by_fips.get(fips, []), key=lambda a: (a.agency, a.model))

    def pending_in_fips(self, fips: str) -> list[ice287g.Agreement]:
        return sorted(self._pending_by_fips.get(fips, []), key=lambda a: (a.agency, a.model))

    def statewide_agreements(self, state: str) -> list[ice287g.Agreement]:
        """Agreements placed statewide (state agencies; see reference/placement.py)."""
        return [a for a in self.agreements_in_state(state) if a.scope == placement.STATEWIDE]

    @cached_property
    def _facilities_by_fips(self) -> dict[str, list[Placed]]:
        out: dict[str, list[Placed]] = {}
        for p in self.reference.facilities:
            if p.county_fips:
                out.setdefault(p.county_fips, []).append(p)
        return out

    def facilities_in(self, fips: str) -> list[Placed]:
        return sorted(self._facilities_by_fips.get(fips, []), key=lambda p: -p.facility.adp)

    @property
    def facilities_layer(self) -> Layer | None:
        return self.reference.current(Kind.ice_detention)

    def own_agreements(self, area: area_pages.Area) -> list[ice287g.Agreement]:
        """The agreements of the area's own government: a county's sheriff and other county
        agencies; a city's police (agencies named after the city)."""
        if area.kind == area_pages.COUNTY:
            return [a for a in self.agreements_in_fips(area.counties[0]) if a.agency_type == "county"]
        name = placement.fold(area.name.en)
        pool = [a for f in area.counties for a in self.agreements_in_fips(f)]
        own = [a for a in pool if a.agency_type == "municipality" and placement.fold(a.agency).startswith(name + " ")]
        if area.city and area.city.kind != "city":  # a city that is its county runs the county's offices too
            own += [a for a in pool if a.agency_type == "county"]
        return own

    @cached_property
    def _area_statuses(self) -> dict[str, dict[str, tuple[str, object]]]:
        return {}

    def area_statuses(self, area: area_pages.Area) -> dict[str, tuple[str, object]]:
        """Cached per area (each page, the compare data and the open data ask)."""
        if area.key not in self._area_statuses:
            self._area_statuses[area.key] = self._compute_area_statuses(area)
        return self._area_statuses[area.key]

    def _compute_area_statuses(self, area: area_pages.Area) -> dict[str, tuple[str, object]]:
        """Provision code -> (basis, what backs it): ('researched', ProvisionStatus) from the place's
        own file, else ('derived', Derived) from a record, else ('not-researched', None)."""
        codes = [p.code for p in self.provisions]
        derived = derive.derive(self.own_agreements(area), self.state_by_code.get(area.state), codes)
        out: dict[str, tuple[str, object]] = {}
        for code in codes:
            if area.place is not None:
                out[code] = ("researched", area.place.provisions[code])
            elif code in derived:
                out[code] = ("derived", derived[code])
            else:
                out[code] = ("not-researched", None)
        return out

    def doj_listing(self, area: area_pages.Area) -> list[doj.Listed]:
        """The DOJ list's entries that name this county or city."""
        out = []
        for item in self.doj_layer.records:
            if item.state != area.state:
                continue
            if item.kind == "county" and item.county_fips in area.counties and area.kind == area_pages.COUNTY:
                out.append(item)
            elif item.kind == "city" and area.kind == area_pages.CITY and doj._bare(item.name) == doj._bare(area.name.en):
                out.append(item)
            elif item.kind == "county" and area.kind == area_pages.CITY and area.city and area.city.kind != "city" and item.county_fips in area.counties:
                out.append(item)
        return out

    def places_in_area(self, area: area_pages.Area) -> list[schema.Place]:
        """Researched places that lie in the area's counties (other than the area's own place)."""
        names = {self.census_counties[f].name for f in area.counties if f in self.census_counties}
        bare = {ice287g.county_key("", n)[1] for n in names}
        return [p for p in self.places_in(area.state) if p is not area.place and p.kind is not schema.PlaceKind.state
                and any(ice287g.county_key("", c)[1] in bare for c in p.counties)]

    # ------------------------------------------------------------ dates

    @cached_property
    def last_reviewed(self) -> str:
        return max((p.reviewed for p in self.places), default="")

    @cached_property
    def data_date(self) -> str:
        """The newest date the data speaks for (a review, a snapshot): the build's date, so the same
        data builds the same bytes (see :func:`build_epoch`)."""
        dates = [p.reviewed for p in self.places] + [s.reviewed for s in self.states] + [s.as_of for s in self.reference.snapshots]
        return max(dates, default="2016-01-01")

    @property
    def build_epoch(self) -> int:
        """:attr:`data_date` as seconds since 1970 (noon UTC), for SOURCE_DATE_EPOCH."""
        day = dt.datetime.fromisoformat(self.data_date).replace(hour=12, tzinfo=dt.UTC)
        return int(day.timestamp())
