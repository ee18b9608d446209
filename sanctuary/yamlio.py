"""Read YAML the way a volunteer editing a data file expects, and remember where every value is.

Three differences from ``yaml.safe_load``:

* ``yes``/``no``/``on``/``off`` and dates stay strings. A provision status is literally ``yes`` or ``no``;
  YAML 1.1 would silently turn them into booleans. Only ``true``/``false`` are booleans.
* A key given twice in one mapping is an error, not "the last one wins".
* Every value's line is recorded under its path (a tuple of keys and list indexes), so a
  validation error can say ``data/places/x.yml:42: provisions.IE3.sources: ...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]


# libyaml's C parser when PyYAML has it (ten times faster: the build reads thousands of files),
# else the pure-Python one; both keep line marks.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """SafeLoader with YAML 1.2-style booleans (true/false only)."""


# Drop the YAML 1.1 bool resolver (yes/no/on/off) and add a strict one.
# Dates stay strings too: the schema checks them and reports an impossible date with its field,
# where PyYAML would crash on 2018-02-30.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
for _ch in "tTfF":
    _Loader.yaml_implicit_resolvers.setdefault(_ch, []).append(("tag:yaml.org,2002:bool", _BOOL))


class YamlProblem(Exception):
    """A file that cannot be read as YAML at all (or has duplicate keys)."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Document:
    """Parsed YAML data plus the line of every value, keyed by path."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int:
        """Line of the deepest value on ``path`` that exists (1 if none)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


def _walk(node: yaml.Node, loader: _Loader, path: Path, lines: dict[Path, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise YamlProblem(key_node.start_mark.line + 1, "a mapping key must be a plain value")
            if key in out:
                raise YamlProblem(key_node.start_mark.line + 1, f"key {key!r} appears twice in the same mapping")
            # The key's own line: that is where a volunteer looks for an unknown field.
            out[key] = _walk(value_node, loader, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, loader, path + (i,), lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def parse(text: str) -> Document:
    """Parse one YAML document. Raises :class:`YamlProblem` with a 1-based line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(None, {(): 1})
        lines: dict[Path, int] = {}
        data = _walk(node, loader, (), lines)
        return Document(data, lines)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise YamlProblem(line, f"YAML syntax error: {message}") from None
    finally:
        loader.dispose()
