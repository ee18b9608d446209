"""Read a CSV snapshot with the line of every row, checking its columns first (plain Python)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import FileCheck


@dataclass(frozen=True)
class Row:
    line: int  # the file line the row starts on (the header is line 1)
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]


def read_text(path: Path, check: FileCheck) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        check.at(1, "", "file not found")
    except UnicodeDecodeError as exc:
        check.at(1, "", f"not UTF-8 text ({exc.reason})")
    return None


def read_csv(path: Path, columns: tuple[str, ...], check: FileCheck) -> list[Row] | None:
    """Rows of a CSV file whose header has every one of ``columns`` (spaces around names ignored).
    Returns None (with the errors reported) when the file cannot be used at all."""
    text = read_text(path, check)
    if text is None:
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        check.at(1, "", "empty file: expected a header row")
        return None
    missing = [c for c in columns if c not in header]
    for column in missing:
        check.at(1, column, f"missing column (the header has: {', '.join(header)})")
    if missing:
        return None
    rows = []
    start = reader.line_num + 1
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            start = reader.line_num + 1
            continue
        if len(cells) > len(header):
            check.at(start, "", f"{len(cells)} cells but the header has {len(header)} columns")
        rows.append(Row(start, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)}))
        start = reader.line_num + 1
    return rows
