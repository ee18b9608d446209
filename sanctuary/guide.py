"""The validated guide and every question the pages ask of it, in one place (plain Python).

:func:`sanctuary.load.load_guide` builds a :class:`Guide` from the data files and the reference
snapshots; renderers and templates only ask it questions (places in a state, agreements in a
county, statuses of a provision, counts) and format the answers. Nothing here reads a file.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from . import schema
from .reference import doj, ice287g
from .reference.snapshots import Kind, Layer, Reference

STATUS_ORDER = (schema.Status.yes, schema.Status.partial, schema.Status.no, schema.Status.unknown)
"""The order statuses are shown and counted in, everywhere."""

STANCE_ORDER = (schema.Stance.floor, schema.Stance.preemption, schema.Stance.neither)


@dataclass(frozen=True, repr=False)
class Labels:
    """Interface strings from ``data/ui.yml``, each in both languages."""

    texts: dict[str, schema.Text]

    def __call__(self, key: str, lang: str) -> str:
        try:
            return self.texts[key](lang)
        except KeyError:
            raise KeyError(f"data/ui.yml: no label {key!r}") from None


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

    def label(self, key: str, lang: str) -> str:
        return self.ui(key, lang)

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
        return sorted(self.places, key=lambda p: (not p.sample, p.name(lang).casefold(), p.slug))

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
        return sorted(rows, key=lambda r: (r[1].status is not schema.Status.yes, r[0].name(lang).casefold()))

    # ------------------------------------------------------------ states

    @cached_property
    def state_by_code(self) -> dict[str, schema.State]:
        return {s.code: s for s in self.states}

    @cached_property
    def state_by_fips(self) -> dict[str, schema.State]:
        return {s.fips: s for s in self.states}

    def states_with(self, stance: schema.Stance) -> list[schema.State]:
        return [s for s in self.states if s.stance is stance]

    def states_sorted(self, lang: str) -> list[schema.State]:
        return sorted(self.states, key=lambda s: s.name(lang).casefold())

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
        return list(doj.match_places(self.doj_layer.records, self.places).items())

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

    def agreements_in_county(self, state: str, county: str) -> list[ice287g.Agreement]:
        return self._agreements_by_area.get(ice287g.county_key(state, county), [])

    def agreements_in_state(self, state: str) -> list[ice287g.Agreement]:
        return self._agreements_by_area.get((state, ""), [])

    def agreements_for_place(self, place: schema.Place) -> tuple[list[ice287g.Agreement], list[ice287g.Agreement]]:
        """(agreements of agencies in the place's counties, agreements of state agencies);
        for a state, every agreement in it counts as its own."""
        in_state = self.agreements_in_state(place.state)
        if place.kind is schema.PlaceKind.state:
            return [], in_state
        local = [a for c in place.counties for a in self.agreements_in_county(place.state, c + " County")]
        return local, [a for a in in_state if a.agency_type == "state-agency"]

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
        state = self.state_by_code.get(place.state)
        spots = [self._county_centroid.get((state.fips, c.lower())) for c in place.counties] if state else []
        spots = [s for s in spots if s]
        if not spots:
            return None
        return sum(x for x, _ in spots) / len(spots), sum(y for _, y in spots) / len(spots)

    @cached_property
    def _county_centroid(self) -> dict[tuple[str, str], tuple[float, float]]:
        """(state FIPS, lowercase county name) -> centroid."""
        return {(fips[:2], shape.name.lower()): shape.centroid for fips, shape in self.reference.county_shapes.items()}

    @cached_property
    def agreement_marks(self) -> list[tuple[float, float]]:
        """Map marks of the counties with at least one agreement (rounded, each once)."""
        marks = set()
        for a in self.agreements:
            state = self.state_by_code.get(a.state)
            if a.county and state:
                spot = self._county_centroid.get((state.fips, ice287g.county_key(a.state, a.county)[1]))
                if spot:
                    marks.add((round(spot[0], 1), round(spot[1], 1)))
        return sorted(marks)

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
