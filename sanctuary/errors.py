"""Data errors: every problem found, as ``file:line: field.path: message``, reported all at once.

Plain Python. Data files (YAML) and reference snapshots (CSV, JSON) report through the same
:class:`FileCheck`, so a volunteer sees one kind of message whatever the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol


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


class _Lines(Protocol):
    def line_of(self, path: tuple[Any, ...]) -> int: ...


def dotted(path: Iterable[Any]) -> str:
    """('provisions', 'IE1', 'sources', 0) -> 'provisions.IE1.sources[0]'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class FileCheck:
    """The errors of one file. ``lines`` maps a field path to its line (a parsed YAML document);
    snapshot readers, which know their lines themselves, use :meth:`at`."""

    def __init__(self, rel: str, errors: list[DataError], lines: _Lines | None = None):
        self.rel, self.errors, self.lines = rel, errors, lines

    def add(self, path: tuple[Any, ...], message: str) -> None:
        line = self.lines.line_of(path) if self.lines else 1
        self.errors.append(DataError(self.rel, line, dotted(path), message))

    def at(self, line: int, field: str, message: str) -> None:
        self.errors.append(DataError(self.rel, line, field, message))

    @property
    def count(self) -> int:
        return sum(1 for e in self.errors if e.file == self.rel)


def pydantic_message(err: dict[str, Any]) -> str:
    """One pydantic error, in the words a volunteer editing the file needs."""
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
