"""Load every data file, validate it, and collect *all* errors before failing.

Plain Python: never imports mkdocs. ``load_guide(root)`` returns a :class:`Guide` or raises
:class:`DataErrors`, whose message lists each problem as ``file:line: field.path: message``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, TypeVar

from types import SimpleNamespace
from typing import Annotated

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import geo, schema
from .yamlio import Document, YamlProblem, parse

M = TypeVar("M", bound=BaseModel)

SECTIONS_DIR = "data/sections"
GLOSSARY_FILE = "data/glossary.yml"
FEDERAL_FILE = "data/federal_lists.yml"
UI_FILE = "data/ui.yml"
PLACES_DIR = "data/places"
STATES_DIR = "data/states"


@dataclass(frozen=True, order=True)
class DataError:
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


class DataErrors(Exception):
    """Raised with every problem found, sorted by file and line."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = sorted(set(errors))
        count = len(self.errors)
        files = len({e.file for e in self.errors})
        lines = [str(e) for e in self.errors]
        lines.append(f"{count} error{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}.")
        super().__init__("\n".join(lines))


def _dotted(path: Iterable[Any]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    if kind == "missing":
        return "missing required field"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; see the data dictionary)"
    msg = err["msg"]
    if msg.startswith("Value error, "):
        return msg[len("Value error, "):]
    value = err.get("input")
    if kind.endswith("_type") or kind in {"enum", "string_pattern_mismatch", "literal_error"}:
        shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
        return f"{msg[0].lower()}{msg[1:]} (got {shown})"
    return f"{msg[0].lower()}{msg[1:]}"


class _FileCheck:
    """Errors of one file, with line lookup."""

    def __init__(self, rel: str, doc: Document | None, errors: list[DataError]):
        self.rel, self.doc, self.errors = rel, doc, errors

    def add(self, path: tuple[Any, ...], message: str) -> None:
        line = self.doc.line_of(path) if self.doc else 1
        self.errors.append(DataError(self.rel, line, _dotted(path), message))


def _read(root: Path, rel: str, errors: list[DataError]) -> Document | None:
    try:
        text = (root / rel).read_text(encoding="utf-8")
    except FileNotFoundError:
        errors.append(DataError(rel, 1, "", "file not found"))
        return None
    except UnicodeDecodeError as exc:
        errors.append(DataError(rel, 1, "", f"not UTF-8 text ({exc.reason})"))
        return None
    try:
        doc = parse(text)
    except YamlProblem as exc:
        errors.append(DataError(rel, exc.line, "", exc.message))
        return None
    if not isinstance(doc.data, dict):
        errors.append(DataError(rel, 1, "", "the file must hold a mapping of fields (key: value)"))
        return None
    return doc


def _validate(model: type[M], check: _FileCheck) -> M | None:
    assert check.doc is not None
    try:
        return model.model_validate(check.doc.data)
    except ValidationError as exc:
        for err in exc.errors():
            check.add(tuple(err["loc"]), _message(err))
        return None


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


def _unique(check: _FileCheck, items: list[Any] | None, attr: str, where: tuple[Any, ...], what: str) -> dict[str, Any] | None:
    if items is None:
        return None  # the list itself is invalid: its errors are reported already
    seen: dict[str, Any] = {}
    for i, item in enumerate(items):
        key = getattr(item, attr)
        if key in seen:
            check.add(where + (i, attr), f"duplicate {what} {key!r}")
        else:
            seen[key] = item
    return seen


def _refs(check: _FileCheck, ids: list[str], known: dict[str, Any] | None, where: tuple[Any, ...], what: str) -> None:
    if known is None:
        return
    for i, ref in enumerate(ids):
        if ref not in known:
            hint = f"; known: {', '.join(sorted(known))}" if len(known) <= 12 else ""
            check.add(where + (i,), f"unknown {what} {ref!r}{hint}")


# ---------------------------------------------------------------- the loaded guide


@dataclass
class Guide:
    """Everything the pages need, validated."""

    sections: list[schema.Section]
    glossary: schema.Glossary
    federal: schema.FederalLists
    ui: dict[str, schema.Text]
    places: list[schema.Place] = field(default_factory=list)
    states: list[schema.State] = field(default_factory=list)

    @cached_property
    def state_by_code(self) -> dict[str, schema.State]:
        return {s.code: s for s in self.states}

    def states_with_value(self, stance: str) -> list[schema.State]:
        return [s for s in self.states if s.stance.value == stance]

    def places_in(self, code: str) -> list[schema.Place]:
        return [p for p in self.places if p.state == code]

    @cached_property
    def provisions(self) -> list[schema.Provision]:
        return [p for s in self.sections for p in s.provisions]

    @cached_property
    def section_of(self) -> dict[str, schema.Section]:
        """Provision code -> its section."""
        return {p.code: s for s in self.sections for p in s.provisions}

    @cached_property
    def provision_by_code(self) -> dict[str, schema.Provision]:
        return {p.code: p for p in self.provisions}

    @cached_property
    def place_by_slug(self) -> dict[str, schema.Place]:
        return {p.slug: p for p in self.places}

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

    def label(self, key: str, lang: str) -> str:
        try:
            return self.ui[key](lang)
        except KeyError:
            raise KeyError(f"{UI_FILE}: no label {key!r}") from None

    @cached_property
    def last_reviewed(self) -> str:
        return max((p.reviewed for p in self.places), default="")


def _load_ui(root: Path, errors: list[DataError]) -> dict[str, schema.Text]:
    doc = _read(root, UI_FILE, errors)
    if doc is None:
        return {}
    check = _FileCheck(UI_FILE, doc, errors)
    out: dict[str, schema.Text] = {}
    for key, value in doc.data.items():
        try:
            out[str(key)] = schema.Text.model_validate(value)
        except ValidationError as exc:
            for err in exc.errors():
                check.add((key,) + tuple(err["loc"]), _message(err))
    return out


def _check_sourced_items(check: _FileCheck, items: list[Any], field: str, what: str, sources: list[schema.Source]) -> None:
    """A file of items with unique ids, each citing the file's own sources by id."""
    _unique(check, items, "id", (field,), what)
    known = _unique(check, sources, "id", ("sources",), "source id")
    for i, item in enumerate(items):
        _refs(check, item.sources, known, (field, i, "sources"), "source")


def _check_section(sec: schema.Section, check: _FileCheck) -> None:
    expected = Path(check.rel).stem
    if sec.id != expected:
        check.add(("id",), f"id {sec.id!r} does not match the file name (expected {expected!r})")
    sources = _unique(check, sec.sources, "id", ("sources",), "source id")
    for i, prov in enumerate(sec.provisions):
        at = ("provisions", i)
        for j, why in enumerate(prov.why):
            _refs(check, why.sources, sources, at + ("why", j, "sources"), "source")
        for j, model in enumerate(prov.models):
            _refs(check, model.sources, sources, at + ("models", j, "sources"), "source")


def _check_place(place: Any, check: _FileCheck, guide_codes: list[str], federal_ids: set[str]) -> None:
    """Cross-checks of one place; `place` is a Place or the valid pieces of one (None = invalid)."""
    expected = Path(check.rel).stem
    if place.slug is not None and place.slug != expected:
        check.add(("slug",), f"slug {place.slug!r} does not match the file name (expected {expected!r})")
    sources = _unique(check, place.sources, "id", ("sources",), "source id")
    policies = _unique(check, place.policies, "id", ("policies",), "policy id")
    for i, pol in enumerate(place.policies or []):
        _refs(check, pol.sources, sources, ("policies", i, "sources"), "source")
    for code, st in (place.provisions or {}).items():
        at = ("provisions", code)
        if guide_codes and code not in guide_codes:
            check.add(at, f"unknown provision code {code!r} (known: {', '.join(guide_codes)})")
            continue
        if st.status is not schema.Status.unknown and not st.sources:
            check.add(at + ("sources",), f"a status of '{st.status.value}' needs at least one source")
        _refs(check, st.sources, sources, at + ("sources",), "source")
        _refs(check, st.policies, policies, at + ("policies",), "policy")
    if place.provisions is not None:
        missing = [c for c in guide_codes if c not in place.provisions]
        if missing:
            check.add(("provisions",), f"no status for provision{'s' if len(missing) > 1 else ''} {', '.join(missing)} (use status: unknown if no source says)")
    for i, ev in enumerate(place.timeline or []):
        _refs(check, ev.sources, sources, ("timeline", i, "sources"), "source")
    for i, fed in enumerate(place.federal or []):
        if federal_ids and fed.listed_on not in federal_ids:
            check.add(("federal", i, "listed_on"), f"unknown federal list {fed.listed_on!r} (known: {', '.join(sorted(federal_ids))})")
        _refs(check, fed.sources, sources, ("federal", i, "sources"), "source")


def _check_state(state: schema.State, check: _FileCheck) -> None:
    expected = Path(check.rel).stem
    if state.code.lower() != expected:
        check.add(("code",), f"code {state.code!r} does not match the file name (expected {expected.upper()!r})")
    sources = _unique(check, state.sources, "id", ("sources",), "source id")
    _unique(check, state.laws, "id", ("laws",), "law id")
    for i, law in enumerate(state.laws):
        _refs(check, law.sources, sources, ("laws", i, "sources"), "source")


def load_guide(root: str | Path = ".") -> Guide:
    """Load and validate every data file under ``root``; raise :class:`DataErrors` listing all problems."""
    root = Path(root)
    errors: list[DataError] = []

    def load(rel: str, model: type[M]) -> tuple[M | None, _FileCheck]:
        doc = _read(root, rel, errors)
        check = _FileCheck(rel, doc, errors)
        return (_validate(model, check) if doc else None), check

    def files(folder: str, what: str, required: bool = True) -> list[str]:
        """The YAML files of one folder, as project-relative paths; a .yaml file is an error."""
        found = sorted((root / folder).glob("*.y*ml"))
        if required and not found:
            errors.append(DataError(folder, 1, "", f"no {what} files found"))
        for path in found:
            if path.suffix != ".yml":
                errors.append(DataError(path.relative_to(root).as_posix(), 1, "", f"{what} files must end in .yml"))
        return [p.relative_to(root).as_posix() for p in found if p.suffix == ".yml"]

    sections: list[schema.Section] = []
    seen_in: dict[tuple[str, str], str] = {}  # (attribute, value) -> file that has it
    numbers: dict[int, str] = {}
    section_files = files(SECTIONS_DIR, "section")
    for rel in section_files:
        section, check = load(rel, schema.Section)
        if section is None:
            continue
        _check_section(section, check)
        if section.number in numbers:
            check.add(("number",), f"section number {section.number} is also used by {numbers[section.number]}")
        numbers.setdefault(section.number, rel)
        for i, prov in enumerate(section.provisions):
            for attr in ("code", "slug"):
                key = (attr, getattr(prov, attr))
                if key in seen_in:
                    check.add(("provisions", i, attr), f"duplicate provision {attr} {key[1]!r} (also in {seen_in[key]})")
                else:
                    seen_in[key] = rel
        sections.append(section)
    sections.sort(key=lambda s: s.number)
    glossary, gl_check = load(GLOSSARY_FILE, schema.Glossary)
    if glossary:
        _check_sourced_items(gl_check, glossary.terms, "terms", "term id", glossary.sources)
    federal, fed_check = load(FEDERAL_FILE, schema.FederalLists)
    if federal:
        _check_sourced_items(fed_check, federal.lists, "lists", "list id", federal.sources)
    ui = _load_ui(root, errors)

    # Place statuses are checked against the provision codes of the section files. If a section
    # file is invalid the list is incomplete: skip that check rather than report false errors.
    # With no section files at all, use the guide's 14 codes (so one place file can be checked alone).
    if not section_files:
        codes = list(schema.GUIDE_CODES)
    elif len(sections) == len(section_files):
        codes = [p.code for s in sections for p in s.provisions]
    else:
        codes = []
    federal_ids = {f.id for f in federal.lists} if federal else set()
    places: list[schema.Place] = []
    place_checks: dict[str, _FileCheck] = {}
    slugs: dict[str, str] = {}
    for rel in files(PLACES_DIR, "place"):
        place, check = load(rel, schema.Place)
        if check.doc is None:
            continue
        # On an invalid file, still run the cross-checks on its valid parts: all errors at once.
        checked = place if place is not None else _pieces(schema.Place, check.doc.data)
        _check_place(checked, check, codes, federal_ids)
        slug = checked.slug
        if isinstance(slug, str):
            if slug in slugs:
                check.add(("slug",), f"duplicate slug {slug!r} (also in {slugs[slug]})")
            slugs.setdefault(slug, rel)
        if place is not None:
            places.append(place)
            place_checks[place.slug] = check

    states: list[schema.State] = []
    for rel in files(STATES_DIR, "state", required=False):
        state, check = load(rel, schema.State)
        if state is not None:
            _check_state(state, check)
            states.append(state)
    if states:  # once the state layer exists, every place's state must be in it
        fips = {s.code: s.fips for s in states}
        known_counties = geo.county_names()
        for place in places:
            check = place_checks[place.slug]
            if place.state not in fips:
                check.add(("state",), f"no file {STATES_DIR}/{place.state.lower()}.yml for state {place.state!r}")
                continue
            for i, county in enumerate(place.counties):
                if county.lower() not in known_counties.get(fips[place.state], set()):
                    check.add(("counties", i), f"no county {county!r} in {place.state} (use the Census name without 'County')")

    if errors:
        raise DataErrors(errors)
    assert glossary and federal
    places.sort(key=lambda p: (p.name.en.casefold(), p.slug))
    states.sort(key=lambda s: s.name.en)
    return Guide(states=states, sections=sections, glossary=glossary, federal=federal, ui=ui, places=places)


_CACHE: dict[str, tuple[tuple[tuple[str, int], ...], Guide]] = {}


def data_fingerprint(root: Path) -> tuple[tuple[str, int], ...]:
    """Names and modification times of every data file (to reload on edit under `mkdocs serve`)."""
    files = sorted((root / "data").rglob("*.yml"))
    return tuple((f.as_posix(), f.stat().st_mtime_ns) for f in files)


def load_guide_cached(root: str | Path) -> Guide:
    """:func:`load_guide`, reusing the result while no data file changed (the English and
    Spanish builds, the hooks and the macros all share one load)."""
    root = Path(root).resolve()
    stamp = data_fingerprint(root)
    hit = _CACHE.get(str(root))
    if hit and hit[0] == stamp:
        return hit[1]
    guide = load_guide(root)
    _CACHE[str(root)] = (stamp, guide)
    return guide
