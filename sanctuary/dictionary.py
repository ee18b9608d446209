"""The data dictionary, generated from the schema so it cannot drift from the validator."""

from __future__ import annotations

import enum
import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from . import dictionary_es, schema

# The files and the model each holds, in the order a contributor meets them.
FILES = [
    ("data/places/<slug>.yml", schema.Place),
    ("data/states/<code>.yml", schema.State),
    ("data/sections/<id>.yml", schema.Section),
    ("data/glossary.yml", schema.Glossary),
    ("data/federal_lists.yml", schema.FederalLists),
]


@dataclass
class Row:
    name: str
    type: str
    required: bool
    description: str


def _validators(metadata) -> set[str]:
    return {getattr(getattr(m, "func", None), "__name__", "") for m in metadata}


def _w(key: str, lang: str) -> str:
    """A word of the type column in ``lang`` (sanctuary/dictionary_es.py holds the Spanish)."""
    return dictionary_es.TYPE_WORDS[key] if lang == "es" else key


def type_name(annotation, metadata=(), lang: str = "en") -> str:
    names = _validators(metadata)
    pattern = next((getattr(m, "pattern", None) for m in metadata if getattr(m, "pattern", None)), None)
    if pattern:
        return _w("code matching {}", lang).format(pattern)
    for check, key in (("_check_fuzzy_date", "date (YYYY-MM-DD, YYYY-MM or YYYY)"), ("_check_full_date", "date (YYYY-MM-DD)"),
                       ("_check_url", "http(s) URL"), ("_check_slug", "id (lowercase-with-hyphens)")):
        if check in names:
            return _w(key, lang)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0], tuple(args[1:]) + tuple(metadata), lang)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _w(" or ", lang).join(type_name(a, (), lang) for a in inner) + (_w(", optional", lang) if len(inner) < len(args) else "")
    if origin is list:
        return _w("list of {}", lang).format(type_name(args[0], (), lang))
    if origin is dict:
        return _w("mapping of {} to {}", lang).format(type_name(args[0], (), lang), type_name(args[1], (), lang))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _w("one of: {}", lang).format(", ".join(m.value for m in annotation))
    if annotation is schema.Text:
        return _w("text {en, es}", lang)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__
    words = {str: "text", int: "whole number", bool: "true or false"}
    if annotation in words:
        return _w(words[annotation], lang)
    return getattr(annotation, "__name__", str(annotation))


def note(model: type[BaseModel], lang: str = "en") -> str:
    """A model's note: the first paragraph of its docstring (Spanish: sanctuary/dictionary_es.py)."""
    if lang == "es":
        return dictionary_es.SPANISH.get(model.__name__, "")
    return " ".join((model.__doc__ or "").split("\n\n")[0].replace("``", "").split())


def rows(model: type[BaseModel], lang: str = "en") -> list[Row]:
    out = []
    for name, info in model.model_fields.items():
        desc = info.description or ""
        if lang == "es" and desc:
            desc = dictionary_es.SPANISH[f"{model.__name__}.{name}"]
        out.append(Row(name, type_name(info.annotation, info.metadata, lang), info.is_required(), desc))
    return out


def models() -> list[type[BaseModel]]:
    """Every model reachable from the files, each once, parents first."""
    seen: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in seen or model is schema.Text:
            return
        seen.append(model)
        for info in model.model_fields.values():
            for arg in _flatten(info.annotation):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    visit(arg)

    for _, model in FILES:
        visit(model)
    return seen


def _flatten(annotation) -> list:
    args = typing.get_args(annotation)
    return [annotation] + [x for a in args for x in _flatten(a)]
