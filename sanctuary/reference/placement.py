"""Place each 287(g) agreement in a county, or classify it explicitly (plain Python).

ICE's sheets name counties in many ways (parishes, boroughs, independent cities, "St."/"Saint",
"Doña Ana", a missing "County", misspellings, "#N/A"). Each way is a named rule, tried in order;
the first that places a row wins and its id is kept with the agreement. A row no rule places is a
data error naming its line and text. An agreement belongs to an agency: a state agency's covers
the whole state; a row from a territory is classified as such.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .census import County, Town

COUNTY = "county"
STATEWIDE = "statewide"
TERRITORY = "territory"
TERRITORIES = {"GU", "MP", "PR", "VI", "AS"}


@dataclass(frozen=True)
class Placement:
    scope: str  # county | statewide | territory
    county_fips: str = ""  # for scope county
    rule: str = ""  # the id of the rule that placed the row
    note: str = ""  # what was read differently from the sheet, if anything


def fold(text: str) -> str:
    """Lowercase, no accents, 'saint' as 'st.', single spaces: how names are compared."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"\s+", " ", text.lower().replace("\u2019", "'")).strip()
    return re.sub(r"\bsaint\b", "st.", re.sub(r"\bst\b(?!\.)", "st.", text))


_SUFFIX = re.compile(r"\s+(county|parish|borough|city and borough|census area|municipality|municipio|city)$")


@dataclass
class Gazetteer:
    """The Census counties and towns of every state, indexed for placing rows."""

    counties: Iterable[County]
    towns: Iterable[Town]
    state_fips: dict[str, str]  # postal code -> state FIPS
    by_name: dict[tuple[str, str], list[County]] = field(default_factory=dict, init=False)
    by_bare: dict[tuple[str, str], list[County]] = field(default_factory=dict, init=False)
    towns_by_name: dict[tuple[str, str], list[Town]] = field(default_factory=dict, init=False)
    county_by_fips: dict[str, County] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.counties = list(self.counties)
        self.towns = list(self.towns)
        self.county_by_fips = {c.fips: c for c in self.counties}
        for c in self.counties:
            self.by_name.setdefault((c.state_fips, fold(c.name)), []).append(c)
            self.by_bare.setdefault((c.state_fips, _SUFFIX.sub("", fold(c.name))), []).append(c)
        for t in self.towns:
            self.towns_by_name.setdefault((t.state_fips, fold(t.name)), []).append(t)

    def county_named(self, state: str, name: str) -> County | None:
        """The one county of a state with this name (full, or without its suffix)."""
        sf = self.state_fips.get(state)
        hits = self.by_name.get((sf, fold(name))) or self.by_bare.get((sf, _SUFFIX.sub("", fold(name)))) or []
        return hits[0] if len(hits) == 1 else None

    def principal_county(self, state: str, town: str) -> County | None:
        """The county holding most of a town's people (a town may lie in several)."""
        parts = self.towns_by_name.get((self.state_fips.get(state), fold(town)), [])
        if not parts:
            return None
        geoids = {p.geoid for p in parts}
        if len(geoids) > 1:
            return None  # two towns of the same name in one state: not for a rule to guess
        best = max(parts, key=lambda p: p.pop_in_county)
        return self.county_by_fips.get(best.county_fips)


@dataclass(frozen=True)
class Row287g:
    state: str  # postal code
    county: str  # the sheet's text, spaces cleaned
    agency: str
    agency_type: str  # county | municipality | state-agency


Rule = Callable[[Row287g, Gazetteer], Placement | None]


def territory(row: Row287g, gz: Gazetteer) -> Placement | None:
    """A row from a U.S. territory: no county of the 50 states and DC."""
    return Placement(TERRITORY, rule="territory") if row.state in TERRITORIES else None


def state_agency(row: Row287g, gz: Gazetteer) -> Placement | None:
    """A state agency (highway patrol, corrections, ...) acts statewide."""
    return Placement(STATEWIDE, rule="state-agency") if row.agency_type == "state-agency" else None


def county_name(row: Row287g, gz: Gazetteer) -> Placement | None:
    """The sheet's county, as Census names it, with or without 'County'/'Parish', 'St.'/'Saint', accents."""
    county = gz.county_named(row.state, row.county) if row.county else None
    return Placement(COUNTY, county.fips, "county-name") if county else None


RULES: tuple[Rule, ...] = (territory, state_agency, county_name)


def place(row: Row287g, gz: Gazetteer) -> Placement | str:
    """The first rule's placement, or a message saying what no rule could place."""
    for rule in RULES:
        found = rule(row, gz)
        if found is not None:
            return found
    return f"no rule places {row.agency!r} (county {row.county!r}) in a county of {row.state}"
