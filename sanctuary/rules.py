"""Validation rules across the fields of a data file and across files: small named functions.

Each rule takes a :class:`~sanctuary.errors.FileCheck` and the (possibly partial) values it
checks, and reports what is wrong through the check; none raises. The schema (pydantic) checks
each value on its own; these rules check how values refer to each other. Each has its own
table-driven test in ``tests/test_rules.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import schema
from .areas import slugify
from .errors import FileCheck

Where = tuple[Any, ...]


def id_matches_file(check: FileCheck, value: str | None, field: str, transform=str) -> None:
    """A record's id (slug, section id, state code) is its file's name."""
    expected = Path(check.rel).stem
    if value is not None and transform(value) != expected:
        shown = expected.upper() if transform is str.lower else expected
        check.add((field,), f"{field} {value!r} does not match the file name (expected {shown!r})")


def unique(check: FileCheck, items: list[Any] | None, attr: str, where: Where, what: str) -> dict[str, Any] | None:
    """Ids within one list are unique; returns id -> item (None when the list itself is invalid)."""
    if items is None:
        return None
    seen: dict[str, Any] = {}
    for i, item in enumerate(items):
        key = getattr(item, attr)
        if key in seen:
            check.add(where + (i, attr), f"duplicate {what} {key!r}")
        else:
            seen[key] = item
    return seen


def refs_exist(check: FileCheck, ids: list[str], known: dict[str, Any] | set[str] | None, where: Where, what: str) -> None:
    """Every id a record cites is defined (skipped when the defining list is itself invalid)."""
    if known is None:
        return
    for i, ref in enumerate(ids):
        if ref not in known:
            hint = f"; known: {', '.join(sorted(known))}" if len(known) <= 12 else ""
            check.add(where + (i,), f"unknown {what} {ref!r}{hint}")


def sourced_items(check: FileCheck, items: list[Any], field: str, what: str, sources: list[schema.Source]) -> None:
    """A file of items with unique ids, each citing the file's own sources by id."""
    unique(check, items, "id", (field,), what)
    known = unique(check, sources, "id", ("sources",), "source id")
    for i, item in enumerate(items):
        refs_exist(check, item.sources, known, (field, i, "sources"), "source")


def section_refs(check: FileCheck, section: schema.Section) -> None:
    """A section file: its id is its file name; reasons and model texts cite its own sources."""
    id_matches_file(check, section.id, "id")
    sources = unique(check, section.sources, "id", ("sources",), "source id")
    for i, prov in enumerate(section.provisions):
        at = ("provisions", i)
        for j, why in enumerate(prov.why):
            refs_exist(check, why.sources, sources, at + ("why", j, "sources"), "source")
        for j, model in enumerate(prov.models):
            refs_exist(check, model.sources, sources, at + ("models", j, "sources"), "source")


# Statuses checked on or after this day follow the research method of the Sources and method page:
# a yes, partial or no names the section that settles it and quotes it (at most QUOTE_WORDS words).
QUOTE_REQUIRED_FROM = "2026-12-03"  # ISO dates compare as text
QUOTE_WORDS = 25
SETTLED = (schema.Status.yes, schema.Status.partial, schema.Status.no)


def status_has_source(check: FileCheck, code: str, st: schema.ProvisionStatus) -> None:
    """A status of yes, partial or no cites at least one source."""
    if st.status in SETTLED and not st.sources:
        check.add(("provisions", code, "sources"), f"a status of '{st.status.value}' needs at least one source")


def status_is_explained(check: FileCheck, code: str, st: schema.ProvisionStatus, reviewed: str | None) -> None:
    """What each status must carry beyond its sources.

    - yes / partial / no: a note; from QUOTE_REQUIRED_FROM on, the settling section and a short quote.
    - unknown: a note and what was searched, and when (`searched`); otherwise it is `not-researched`.
    - not-researched: nothing that would claim research (no policies, quote, section or search); a
      note and sources may record leads for whoever researches it.
    """
    at = ("provisions", code)
    if st.status is not schema.Status.not_researched and st.note is None:
        check.add(at + ("note",), f"a status of '{st.status.value}' needs a note saying why")
    if st.quote is not None and len(st.quote.split()) > QUOTE_WORDS:
        check.add(at + ("quote",), f"a quote has at most {QUOTE_WORDS} words (this one has {len(st.quote.split())})")
    if st.status in SETTLED:
        checked = st.as_of or reviewed
        if checked is not None and checked >= QUOTE_REQUIRED_FROM:
            for field in ("section", "quote"):
                if getattr(st, field) is None:
                    check.add(at + (field,), f"a status of '{st.status.value}' checked on {checked} needs `{field}` "
                              f"(required from {QUOTE_REQUIRED_FROM}: the section that settles it and its words)")
        if st.searched is not None:
            check.add(at + ("searched",), f"`searched` belongs to an unknown status, not '{st.status.value}'")
    elif st.status is schema.Status.unknown:
        if st.searched is None:
            check.add(at + ("searched",), "an unknown status says what was searched and when "
                      "(searched: {what: {en, es}, on: YYYY-MM-DD}); if nobody searched, use status: not-researched")
    else:
        extra = [f for f in ("policies", "quote", "section", "searched") if getattr(st, f)]
        if extra:
            check.add(at, f"a not-researched status claims no research: remove {', '.join(extra)}")


def every_provision(check: FileCheck, provisions: dict[str, Any], codes: list[str]) -> list[str]:
    """A place has a status for every provision and none for an unknown code; returns the known codes it uses."""
    known = []
    for code in provisions:
        if codes and code not in codes:
            check.add(("provisions", code), f"unknown provision code {code!r} (known: {', '.join(codes)})")
        else:
            known.append(code)
    missing = [c for c in codes if c not in provisions]
    if missing:
        check.add(("provisions",), f"no status for provision{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                  "(use status: not-researched if nobody has checked)")
    return known


def place_refs(check: FileCheck, place: Any, codes: list[str], federal_ids: set[str]) -> None:
    """Cross-checks of one place; ``place`` is a Place or the valid pieces of one (a field that
    failed validation is None, and the rules that need it are skipped)."""
    id_matches_file(check, place.slug, "slug")
    sources = unique(check, place.sources, "id", ("sources",), "source id")
    policies = unique(check, place.policies, "id", ("policies",), "policy id")
    for i, pol in enumerate(place.policies or []):
        refs_exist(check, pol.sources, sources, ("policies", i, "sources"), "source")
    if place.provisions is not None:
        for code in every_provision(check, place.provisions, codes):
            st = place.provisions[code]
            status_has_source(check, code, st)
            status_is_explained(check, code, st, place.reviewed)
            refs_exist(check, st.sources, sources, ("provisions", code, "sources"), "source")
            refs_exist(check, st.policies, policies, ("provisions", code, "policies"), "policy")
    for i, ev in enumerate(place.timeline or []):
        refs_exist(check, ev.sources, sources, ("timeline", i, "sources"), "source")
    for i, fed in enumerate(place.federal or []):
        if federal_ids and fed.listed_on not in federal_ids:
            check.add(("federal", i, "listed_on"), f"unknown federal list {fed.listed_on!r} (known: {', '.join(sorted(federal_ids))})")
        refs_exist(check, fed.sources, sources, ("federal", i, "sources"), "source")


def state_refs(check: FileCheck, state: schema.State, codes: list[str] | None = None) -> None:
    """A state file: its code is its file name; laws have unique ids, cite its own sources and
    cover known provision codes, each once."""
    id_matches_file(check, state.code, "code", transform=str.lower)
    sources = unique(check, state.sources, "id", ("sources",), "source id")
    unique(check, state.laws, "id", ("laws",), "law id")
    for i, law in enumerate(state.laws):
        refs_exist(check, law.sources, sources, ("laws", i, "sources"), "source")
        for j, code in enumerate(law.covers):
            if codes and code not in codes:
                check.add(("laws", i, "covers", j), f"unknown provision code {code!r} (known: {', '.join(codes)})")
            elif code in law.covers[:j]:
                check.add(("laws", i, "covers", j), f"provision {code} is listed twice")


def place_in_known_state(check: FileCheck, place: schema.Place, fips: dict[str, str], states_dir: str) -> bool:
    """Once the state layer exists, every place's state has its file there."""
    if place.state not in fips:
        check.add(("state",), f"no file {states_dir}/{place.state.lower()}.yml for state {place.state!r}")
        return False
    return True


def counties_known(check: FileCheck, place: schema.Place, named: Callable[[str], list]) -> None:
    """A place's counties are counties the Census knows in its state, each named once and plainly:
    ``named(name)`` gives the Census counties a name can mean (full name, or without 'County')."""
    for i, county in enumerate(place.counties):
        hits = named(county)
        if not hits:
            check.add(("counties", i), f"no county {county!r} in {place.state} (use the Census name, with or without 'County')")
        elif len(hits) > 1:
            names = " or ".join(repr(h.name) for h in hits)
            check.add(("counties", i), f"{county!r} names {len(hits)} counties in {place.state}: write the Census name in full ({names})")


def unique_across_files(check: FileCheck, seen: dict[tuple[str, str], str], path: Where, attr: str, value: Any, what: str) -> None:
    """A value (slug, provision code, section number) is used by one file only; ``seen`` maps
    (attribute, value) to the first file that used it."""
    key = (attr, value)
    if key in seen:
        check.add(path, f"duplicate {what} {value!r} (also in {seen[key]})")
    else:
        seen[key] = check.rel


LOCAL_KINDS = (schema.PlaceKind.city, schema.PlaceKind.county, schema.PlaceKind.city_county)


def bare_name(text: str) -> str:
    """'Los Angeles (city)' -> 'los-angeles': a name without its bracketed note, as the city pages fold it."""
    return slugify(re.sub(r"\s*\([^)]*\)", "", text))


def city_has_one_page(check: FileCheck, place: schema.Place, census_cities: dict[str, set[str]]) -> None:
    """A city place whose name is one of the 100 largest cities of its state must be matched to that
    city's page (there is never a second page for the same place): when its name differs from the
    Census name, `census_name` says the Census name. ``census_cities``: state -> city slugs."""
    if place.kind not in (schema.PlaceKind.city, schema.PlaceKind.city_county):
        return
    names = census_cities.get(place.state, set())
    key = slugify(place.census_name or place.name.en)
    if key in names:
        return
    if place.census_name is not None:
        check.add(("census_name",), f"no city named {place.census_name!r} among the Census's 100 largest cities in {place.state}")
        return
    bare = bare_name(place.name.en)
    if bare in names:
        check.add(("name", "en"), f"{place.name.en!r} is the Census city {bare!r}: set `census_name` to the Census "
                  "name so the place is that city's page (not a second page)")


def consistency_rule_refs(check: FileCheck, i: int, rule: schema.ConsistencyRule, codes: list[str],
                          places: set[str]) -> None:
    """A consistency rule names known provisions and places, and says what it allows."""
    at = ("rules", i)
    for j, code in enumerate(rule.provisions):
        if codes and code not in codes:
            check.add(at + ("provisions", j), f"unknown provision code {code!r}")
    for j, ex in enumerate(rule.exceptions):
        if ex.place not in places:
            check.add(at + ("exceptions", j, "place"), f"no place file data/places/{ex.place}.yml")
    if rule.check is schema.RuleCheck.allowed and not (rule.states and rule.provisions and rule.allowed):
        check.add(at, "an allowed-statuses rule lists its states, provisions and allowed statuses")


def follows_rule(check: FileCheck, place: schema.Place, rule: schema.ConsistencyRule) -> None:
    """One place against one consistency rule; a breach points at the status it concerns."""
    if rule.check is schema.RuleCheck.reading or any(ex.place == place.slug for ex in rule.exceptions):
        return
    kinds = {p.id: p.kind for p in place.policies}
    if rule.check is schema.RuleCheck.state_law_only:
        if place.kind not in LOCAL_KINDS:
            return
        for code, st in place.provisions.items():
            if st.status is schema.Status.yes and st.policies and all(
                    kinds.get(pid) is schema.Instrument.state_law for pid in st.policies):
                check.add(("provisions", code, "status"), f"'yes' rests only on state law ({', '.join(st.policies)}): "
                          f"it is 'partial' for a {place.kind.value} (consistency rule {rule.id})")
        return
    if place.state not in rule.states:
        return
    for code in rule.provisions:
        st = place.provisions.get(code)
        if st is not None and st.status not in rule.allowed:
            check.add(("provisions", code, "status"), f"'{st.status.value}' breaks consistency rule {rule.id} "
                      f"(allowed: {', '.join(s.value for s in rule.allowed)}); see data/consistency.yml")
