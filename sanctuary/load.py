"""Load every data file and reference snapshot, validate them, and collect *all* errors first.

Plain Python: never imports mkdocs. ``load_guide(root)`` returns a :class:`~sanctuary.guide.Guide`
or raises :class:`~sanctuary.errors.DataErrors`, whose message lists each problem as
``file:line: field.path: message``. The cross-file rules live in :mod:`sanctuary.rules`.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import rules, schema
from .errors import DataError, DataErrors, FileCheck, pydantic_message
from .guide import Guide, Labels
from .reference.snapshots import SNAPSHOTS_FILE, Reference, load_reference
from .yamlio import Document, YamlProblem, parse

__all__ = ["DataError", "DataErrors", "load_guide", "load_guide_cached"]

M = TypeVar("M", bound=BaseModel)

SECTIONS_DIR = "data/sections"
GLOSSARY_FILE = "data/glossary.yml"
FEDERAL_FILE = "data/federal_lists.yml"
CONSISTENCY_FILE = "data/consistency.yml"
UI_FILE = "data/ui.yml"
PLACES_DIR = "data/places"
STATES_DIR = "data/states"


class Reader:
    """Reads the data files under one root, recording every problem in one error list."""

    def __init__(self, root: Path):
        self.root = root
        self.errors: list[DataError] = []

    def document(self, rel: str) -> tuple[Document | None, FileCheck]:
        check = FileCheck(rel, self.errors)
        try:
            text = (self.root / rel).read_text(encoding="utf-8")
        except FileNotFoundError:
            check.at(1, "", "file not found")
            return None, check
        except UnicodeDecodeError as exc:
            line = exc.object[: exc.start].count(b"\n") + 1
            check.at(line, "", f"not UTF-8 text ({exc.reason})")
            return None, check
        try:
            doc = parse(text)
        except YamlProblem as exc:
            check.at(exc.line, "", exc.message)
            return None, check
        if not isinstance(doc.data, dict):
            check.at(1, "", "the file must hold a mapping of fields (key: value)")
            return None, check
        check.lines = doc
        return doc, check

    def model(self, rel: str, model: type[M]) -> tuple[M | None, FileCheck, Document | None]:
        doc, check = self.document(rel)
        if doc is None:
            return None, check, None
        try:
            return model.model_validate(doc.data), check, doc
        except ValidationError as exc:
            for err in exc.errors():
                check.add(tuple(err["loc"]), pydantic_message(err))
            return None, check, doc

    def folder(self, folder: str, what: str, required: bool = True) -> list[str]:
        """The YAML files of one folder, as project-relative paths; a .yaml file is an error."""
        found = sorted((self.root / folder).glob("*.y*ml"))
        if required and not found:
            self.errors.append(DataError(folder, 1, "", f"no {what} files found"))
        for path in found:
            if path.suffix != ".yml":
                self.errors.append(DataError(path.relative_to(self.root).as_posix(), 1, "", f"{what} files must end in .yml"))
        return [p.relative_to(self.root).as_posix() for p in found if p.suffix == ".yml"]


def _pieces(model: type[BaseModel], data: Any) -> SimpleNamespace:
    """Validate each top-level field on its own, so the cross-file checks can still run on the
    parts of an invalid file that are valid (a bad `kind` must not hide an unsourced status).
    A field that fails (its errors are already reported) becomes None."""
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if not isinstance(data, dict) or name not in data:
            out[name] = None
            continue
        annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        try:
            out[name] = TypeAdapter(annotation).validate_python(data[name])
        except ValidationError:
            out[name] = None
    return SimpleNamespace(**out)


# ---------------------------------------------------------------- one step per kind of file


def load_sections(reader: Reader) -> tuple[list[schema.Section], list[str]]:
    """The valid section files, in their order; and the files found."""
    sections: list[schema.Section] = []
    seen: dict[tuple[str, str], str] = {}
    numbers: dict[int, str] = {}
    files = reader.folder(SECTIONS_DIR, "section")
    for rel in files:
        section, check, _ = reader.model(rel, schema.Section)
        if section is None:
            continue
        rules.section_refs(check, section)
        if section.number in numbers:
            check.add(("number",), f"section number {section.number} is also used by {numbers[section.number]}")
        numbers.setdefault(section.number, rel)
        for i, prov in enumerate(section.provisions):
            for attr in ("code", "slug"):
                rules.unique_across_files(check, seen, ("provisions", i, attr), attr, getattr(prov, attr), f"provision {attr}")
        sections.append(section)
    sections.sort(key=lambda s: s.number)
    return sections, files


def provision_codes(sections: list[schema.Section], files: list[str]) -> list[str]:
    """The codes place statuses are checked against. If a section file is invalid the list is
    incomplete: skip that check rather than report false errors. With no section files at all,
    use the guide's 14 codes (so one place file can be checked alone)."""
    if not files:
        return list(schema.GUIDE_CODES)
    return [p.code for s in sections for p in s.provisions] if len(sections) == len(files) else []


def load_ui(reader: Reader) -> Labels:
    doc, check = reader.document(UI_FILE)
    out: dict[str, schema.Text] = {}
    for key, value in (doc.data.items() if doc else ()):
        try:
            out[str(key)] = schema.Text.model_validate(value)
        except ValidationError as exc:
            for err in exc.errors():
                check.add((key,) + tuple(err["loc"]), pydantic_message(err))
    # A count's label has both forms (Labels.plural): foo_one, and foo_other with its {n}.
    # ("instrument_other", without {n}, is a label of its own.)
    for key in map(str, doc.data if doc else ()):
        if key.endswith("_one"):
            partner = key.removesuffix("_one") + "_other"
        elif key.endswith("_other") and "{n}" in str(doc.data[key]):
            partner = key.removesuffix("_other") + "_one"
        else:
            continue
        if partner not in doc.data:
            check.add((key,), f"a count's label needs both forms: add {partner!r}")
    return Labels(out)


def load_places(reader: Reader, codes: list[str], federal_ids: set[str]) -> dict[str, tuple[schema.Place, FileCheck]]:
    """Each valid place, with its file's check (for rules that need the state layer)."""
    places: dict[str, tuple[schema.Place, FileCheck]] = {}
    seen: dict[tuple[str, str], str] = {}
    for rel in reader.folder(PLACES_DIR, "place"):
        place, check, doc = reader.model(rel, schema.Place)
        if doc is None:
            continue
        # On an invalid file, still run the cross-checks on its valid parts: all errors at once.
        checked = place if place is not None else _pieces(schema.Place, doc.data)
        rules.place_refs(check, checked, codes, federal_ids)
        if isinstance(checked.slug, str):
            rules.unique_across_files(check, seen, ("slug",), "slug", checked.slug, "slug")
        if place is not None:
            places[place.slug] = (place, check)
    return places


def load_states(reader: Reader, codes: list[str] | None = None) -> tuple[list[schema.State], set[str]]:
    """The valid state files, and the codes of every state file present (valid or not)."""
    states = []
    files = reader.folder(STATES_DIR, "state", required=False)
    for rel in files:
        state, check, _ = reader.model(rel, schema.State)
        if state is not None:
            rules.state_refs(check, state, codes)
            states.append(state)
    return states, {Path(rel).stem.upper() for rel in files}


def check_places_in_states(places: dict[str, tuple[schema.Place, FileCheck]], states: list[schema.State],
                           present: set[str], reference: Reference) -> None:
    """Once the state layer exists, every place's state must be in it, and its counties in the
    state's Census counties (the map's shapes). A state file that is there but invalid (its own
    errors are reported) is not reported missing."""
    if not present:
        return
    fips = {s.code: s.fips for s in states}
    gazetteer = reference.gazetteer
    shapes: dict[tuple[str, str], list] = {}  # without the Census snapshots: the map's county names
    for county_fips, shape in reference.county_shapes.items():
        shapes.setdefault((county_fips[:2], shape.name.lower()), []).append(shape)

    def named(state: str, name: str) -> list:
        if gazetteer is not None:
            return gazetteer.counties_named(state, name)
        return shapes.get((fips[state], name.lower()), [])

    city_layer = reference.current(schema.SnapshotKind.census_cities)
    census_cities: dict[str, set[str]] = {}
    for city in city_layer.records if city_layer else ():
        census_cities.setdefault(city.state, set()).add(rules.slugify(city.name))
    for place, check in places.values():
        if city_layer is not None:
            rules.city_has_one_page(check, place, census_cities)
        if place.state not in fips and place.state in present:
            continue
        if rules.place_in_known_state(check, place, fips, STATES_DIR) and (gazetteer is not None or shapes):
            rules.counties_known(check, place, lambda name, st=place.state: named(st, name))


def load_snapshots(reader: Reader, states: list[schema.State]) -> Reference:
    snapshots, check, _ = reader.model(SNAPSHOTS_FILE, schema.Snapshots)
    return load_reference(reader.root, snapshots, check, reader.errors, {s.code: s.fips for s in states})


# ---------------------------------------------------------------- the guide


def load_guide(root: str | Path = ".", area_states: frozenset[str] | None = None) -> Guide:
    """Load and validate every data file and snapshot under ``root``; raise :class:`DataErrors`
    listing all problems. ``area_states`` limits the county and city pages to some states (quick
    builds: see :data:`AREA_SAMPLE`)."""
    reader = Reader(Path(root))
    sections, section_files = load_sections(reader)
    codes = provision_codes(sections, section_files)
    glossary, gl_check, _ = reader.model(GLOSSARY_FILE, schema.Glossary)
    if glossary:
        rules.sourced_items(gl_check, glossary.terms, "terms", "term id", glossary.sources)
    federal, fed_check, _ = reader.model(FEDERAL_FILE, schema.FederalLists)
    if federal:
        rules.sourced_items(fed_check, federal.lists, "lists", "list id", federal.sources)
    ui = load_ui(reader)
    places = load_places(reader, codes, {f.id for f in federal.lists} if federal else set())
    states, present = load_states(reader, codes)
    reference = load_snapshots(reader, states)
    check_places_in_states(places, states, present, reference)
    consistency, cons_check, _ = reader.model(CONSISTENCY_FILE, schema.Consistency)
    if consistency:
        rules.unique(cons_check, consistency.rules, "id", ("rules",), "rule id")
        for i, rule in enumerate(consistency.rules):
            rules.consistency_rule_refs(cons_check, i, rule, codes, set(places))
            for place, check in places.values():
                rules.follows_rule(check, place, rule)
    if reader.errors:
        raise DataErrors(reader.errors)
    assert glossary and federal
    return Guide(
        sections=sections, glossary=glossary, federal=federal, ui=ui,
        places=sorted((p for p, _ in places.values()), key=lambda p: (p.name.en.casefold(), p.slug)),
        states=sorted(states, key=lambda s: s.name.en),
        reference=reference, area_states=area_states, consistency=consistency,
    )


AREA_SAMPLE = frozenset({"CA", "DE", "DC", "HI", "RI"})
"""The states whose county and city pages a quick build makes (SANCTUARY_AREAS=sample): every
template and kind of county and city page, in a few seconds."""


def area_scope() -> frozenset[str] | None:
    """The states whose county and city pages are built: SANCTUARY_AREAS=all (default), sample, none."""
    import os

    # The offline edition (OFFLINE=true) has every county and city too, but those nobody has
    # researched are shown by one data-driven view (sanctuary/areaview.py), not a page each.
    value = os.environ.get("SANCTUARY_AREAS", "all")
    if value == "all":
        return None
    if value == "sample":
        return AREA_SAMPLE
    if value == "none":
        return frozenset()
    raise ValueError(f"SANCTUARY_AREAS={value!r}: use all, sample or none")


_CACHE: dict[str, tuple[tuple, Guide]] = {}


def data_fingerprint(root: Path) -> tuple[tuple[str, int], ...]:
    """Names and modification times of every data file (to reload on edit under `mkdocs serve`)."""
    files = sorted(p for p in (root / "data").rglob("*") if p.is_file())
    return tuple((f.as_posix(), f.stat().st_mtime_ns) for f in files)


def load_guide_cached(root: str | Path) -> Guide:
    """:func:`load_guide`, reusing the result while no data file changed (the English and
    Spanish builds, the hooks and the macros all share one load), with the areas in scope."""
    root = Path(root).resolve()
    scope = area_scope()
    stamp = (data_fingerprint(root), tuple(sorted(scope)) if scope is not None else None)
    hit = _CACHE.get(str(root))
    if hit and hit[0] == stamp:
        return hit[1]
    guide = load_guide(root, scope)
    _CACHE[str(root)] = (stamp, guide)
    return guide
