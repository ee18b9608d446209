"""The data dictionary, generated from the schema so it cannot drift from the validator."""

from __future__ import annotations

import enum
import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from . import schema

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


def type_name(annotation, metadata=()) -> str:
    names = _validators(metadata)
    pattern = next((getattr(m, "pattern", None) for m in metadata if getattr(m, "pattern", None)), None)
    if pattern:
        return f"code matching {pattern}"
    if "_check_fuzzy_date" in names:
        return "date (YYYY-MM-DD, YYYY-MM or YYYY)"
    if "_check_full_date" in names:
        return "date (YYYY-MM-DD)"
    if "_check_url" in names:
        return "http(s) URL"
    if "_check_slug" in names:
        return "id (lowercase-with-hyphens)"
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0], tuple(args[1:]) + tuple(metadata))
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return " or ".join(type_name(a) for a in inner) + (", optional" if len(inner) < len(args) else "")
    if origin is list:
        return "list of " + type_name(args[0])
    if origin is dict:
        return f"mapping of {type_name(args[0])} to {type_name(args[1])}"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "one of: " + ", ".join(m.value for m in annotation)
    if annotation is schema.Text:
        return "text {en, es}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__
    return {str: "text", int: "whole number", bool: "true or false"}.get(annotation, getattr(annotation, "__name__", str(annotation)))


def rows(model: type[BaseModel]) -> list[Row]:
    out = []
    for name, info in model.model_fields.items():
        out.append(Row(name, type_name(info.annotation, info.metadata), info.is_required(), info.description or ""))
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
