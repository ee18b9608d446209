"""Refresh a federal layer from the publisher's own workbook (plain Python, never imports mkdocs).

    python -m sanctuary refresh-287g participatingAgencies_2026-02-18.xlsx [--pending pendingAgencies_2026-02-18.xlsx]
    python -m sanctuary refresh-detention FY26_detentionStats_2026-02-05.xlsx

Each command reads ICE's workbook exactly as ICE publishes it and checks its format first: the
sheet, the header row, every column, every date and every state. At the first change it stops with
a message naming the workbook, the sheet and the column or cell, and writes nothing: it never guesses.
Then it writes the snapshot CSV under ``data/reference/`` in the shape of the ones already there
(kept as published: every correction stays in ``sanctuary/reference/``), records its provenance
in ``snapshots.yml`` (added, or replacing the entry of the same file; earlier snapshots stay side by
side; the file's comments are kept, since entries are edited as text), loads the guide so every
row is validated and placed in a county as the build does (a problem undoes the writes), and
prints what changed since the previous snapshot of that kind (``--report FILE``: also as Markdown,
which the refresh workflow uses as its pull request's body).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import sys
import textwrap
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import schema, yamlio
from .errors import DataErrors
from .reference import ice287g
from .reference.snapshots import REFERENCE_DIR, SNAPSHOTS_FILE

Kind = schema.SnapshotKind
PUBLISHER = "U.S. Immigration and Customs Enforcement"
LICENCE = "U.S. government work, public domain"
URL_287G = ice287g.SOURCE_URL
URL_DETENTION = "https://www.ice.gov/detain/detention-management"
HEADER_SCAN = 40  # rows searched for the header row
# GitHub refuses a pull-request body over 65,536 characters; the workflow joins both reports.
REPORT_LIMIT = {"287g": 48_000, "detention": 12_000}
STATES = frozenset(ice287g.STATE_CODES.values())
MODEL_NAMES = {code: name for name, code in ice287g.MODELS.items()}


class FormatChanged(Exception):
    """The workbook is not in the format this reader knows. Nothing is written."""


class Usage(Exception):
    """A bad option (exit code 2)."""


# ---------------------------------------------------------------- the workbooks, as this reader knows them


@dataclass(frozen=True)
class Column:
    header: str  # as the workbook names it (spacing and case aside)
    kind: str = "text"  # text | link (a hyperlink's target, else the text) | date | number | state | postal
    required: bool = False  # an empty cell is a change of format


@dataclass(frozen=True)
class Layout:
    """One sheet of a publisher's workbook. A renamed sheet or column is a change of format: update
    it here, in a reviewed pull request, after checking what the publisher changed."""

    what: str
    sheet: str
    columns: tuple[Column, ...]
    only_sheet: bool  # the workbook holds this sheet alone
    exact: bool  # no other column may appear: the snapshot keeps every column of the sheet
    bands: dict[str, str] = field(default_factory=dict)  # header -> the group title above it


PARTICIPATING = Layout(
    "participating agencies", "Sheet1",
    (Column("STATE", "state", True), Column("LAW ENFORCEMENT AGENCY"), Column("TYPE"), Column("COUNTY"), Column("SUPPORT TYPE"),
     Column("SIGNED", "date"), Column("MOA", "link"), Column("ADDENDUM", "link")),
    only_sheet=True, exact=True)
PENDING = Layout(
    "pending agencies", "Sheet 1",
    (Column("STATE", "state", True), Column("LAW ENFORCEMENT AGENCY"), Column("TYPE"), Column("COUNTY"), Column("SUPPORT TYPE"),
     Column("MOA", "link")),
    only_sheet=True, exact=True)
_LEVELS = ("Level A", "Level B", "Level C", "Level D")
FACILITIES = Layout(
    "detention facilities", "Facilities FY26",
    (Column("Name", required=True), Column("Address"), Column("City"), Column("State", "postal", True), Column("Zip"), Column("AOR"),
     Column("Type Detailed"), Column("Male/Female"), Column("FY26 ALOS", "number"), *(Column(level, "number", True) for level in _LEVELS)),
    only_sheet=False, exact=False, bands={level: "FY26 ADP: Detainee Classification Level" for level in _LEVELS})
# The snapshot's columns (data/reference/ice_detention_facilities_fy26_*.csv): ICE's, then the coordinates.
DETENTION_COLUMNS = ("name", "address", "city", "state", "zip", "aor", "type", "gender", "fy26_alos_days", "fy26_adp", "latitude", "longitude")
_FROM_SHEET = {"name": "Name", "address": "Address", "city": "City", "state": "State", "zip": "Zip", "aor": "AOR",
               "type": "Type Detailed", "gender": "Male/Female"}


@dataclass(frozen=True)
class Table:
    """The rows of one sheet, each with its row number in the workbook."""

    workbook: Path
    sheet: str
    header_row: int
    rows: tuple[tuple[int, dict[str, object]], ...]
    notes: tuple[str, ...] = ()  # the text above the header (the sheet's title, its data date...)

    @property
    def where(self) -> str:
        return f"{self.workbook.name}, sheet {self.sheet!r}"


def _norm(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_workbook(path: Path, layout: Layout) -> Table:
    """Every row of the layout's sheet, its cells checked and converted (see :class:`Column`)."""
    import openpyxl  # only the refresh needs it
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise FormatChanged(f"{path}: no such file")
    try:
        book = openpyxl.load_workbook(path, data_only=True)  # not read-only: hyperlinks are needed
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise FormatChanged(f"{path.name}: not an .xlsx workbook that openpyxl can read ({exc})") from None
    names = ", ".join(repr(n) for n in book.sheetnames)
    if layout.sheet not in book.sheetnames:
        raise FormatChanged(f"{path.name}: no sheet {layout.sheet!r} (the workbook has: {names}). If ICE renamed it, check "
                            f"its columns and update the {layout.what} layout in sanctuary/refresh.py")
    if layout.only_sheet and len(book.sheetnames) > 1:
        raise FormatChanged(f"{path.name}: ICE's {layout.what} workbook has one sheet, {layout.sheet!r}; this one has {names}. "
                            "Rows on the other sheets would be left out: check them, then update sanctuary/refresh.py")
    ws = book[layout.sheet]
    where = f"{path.name}, sheet {layout.sheet!r}"

    # The header row: the one (of the first rows) naming the most of the expected columns.
    wanted = {_norm(c.header): c.header for c in layout.columns}
    best: tuple[int, int, list] = (0, 0, [])
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, HEADER_SCAN)):
        cells = [(c.column, c.value.strip()) for c in row if isinstance(c.value, str) and c.value.strip()]
        hits = sum(1 for _, text in cells if _norm(text) in wanted)
        if hits > best[0]:
            best = (hits, row[0].row, cells)
    hits, line, cells = best
    if not hits:
        raise FormatChanged(f"{where}: no header row: none of its first {HEADER_SCAN} rows names any of the columns "
                            f"{', '.join(c.header for c in layout.columns)}")
    at: dict[str, int] = {}
    new: list[str] = []
    for col, text in cells:
        header = wanted.get(_norm(text))
        if header is None:
            new.append(f"{text!r} (column {get_column_letter(col)})")
        elif header in at:
            raise FormatChanged(f"{where}, header row {line}: column {header!r} appears twice "
                                f"({get_column_letter(at[header])} and {get_column_letter(col)})")
        else:
            at[header] = col
    missing = [c.header for c in layout.columns if c.header not in at]
    if missing:
        raise FormatChanged(f"{where}, header row {line}: missing column{'s' if len(missing) > 1 else ''} "
                            f"{', '.join(repr(m) for m in missing)} (the header has: {', '.join(text for _, text in cells)})"
                            + (f"; renamed? new: {', '.join(new)}" if new and layout.exact else ""))
    if new and layout.exact:
        raise FormatChanged(f"{where}, header row {line}: new column{'s' if len(new) > 1 else ''} {', '.join(new)}: the snapshot "
                            "keeps every column of this sheet and has no place for it; update sanctuary/refresh.py")
    for header, title in layout.bands.items():
        col = at[header]
        above = [ws.cell(row=line - 1, column=c).value for c in range(col, 0, -1)] if line > 1 else []
        group = next((v for v in above if not _blank(v)), None)
        if _norm(group or "") != _norm(title):
            raise FormatChanged(f"{where}, row {line - 1}: column {header!r} ({get_column_letter(col)}{line}) is no longer under "
                                f"{title!r} (found {group!r})")
    notes = tuple(c.value.strip() for row in (ws.iter_rows(min_row=1, max_row=line - 1) if line > 1 else ()) for c in row
                  if isinstance(c.value, str) and c.value.strip())

    used = set(at.values())
    rows = []
    for row in ws.iter_rows(min_row=line + 1):
        cells = [c for c in row if c.column in used] if not layout.exact else list(row)
        if all(_blank(c.value) for c in cells):
            continue
        if layout.exact:
            for c in row:
                if c.column not in used and not _blank(c.value):
                    raise FormatChanged(f"{where}, cell {c.coordinate}: a value ({c.value!r}) under no column header")
        number = row[0].row
        rows.append((number, {c.header: _value(row[at[c.header] - 1], c, where) for c in layout.columns}))
    return Table(path, layout.sheet, line, tuple(rows), notes)


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _value(cell, col: Column, where: str) -> object:
    """A cell's value in the snapshot: text as published; a hyperlink's target; a date as YYYY-MM-DD."""
    value = cell.value
    at = f"{where}, cell {cell.coordinate} ({col.header})"
    if col.required and _blank(value):
        raise FormatChanged(f"{at}: empty")
    if col.kind == "link" and cell.hyperlink is not None:
        target = cell.hyperlink.target
        if not target:
            raise FormatChanged(f"{at}: a hyperlink with no web address (to {cell.hyperlink.location!r} in the workbook)")
        return target
    if col.kind == "date":
        return _date(value, at)
    if col.kind == "number":
        if _blank(value):
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FormatChanged(f"{at}: expected a number, found {value!r}")
        return float(value)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FormatChanged(f"{at}: expected text, found {type(value).__name__} {value!r}")
    if col.kind == "state":
        name = " ".join(value.split()).upper()
        if name not in ice287g.STATE_CODES and name not in ice287g.STATE_SPELLINGS:
            raise FormatChanged(f"{at}: unknown state {value!r} (sanctuary/reference/ice287g.py knows the 50 states, DC, "
                                "the territories and the misspellings seen so far)")
    if col.kind == "postal" and value.strip() not in STATES:
        raise FormatChanged(f"{at}: unknown state {value!r} (expected a postal code: {', '.join(sorted(STATES))})")
    return value


def _date(value: object, at: str) -> str:
    if _blank(value):
        return ""  # an agreement without a signing date: kept (ice287g.py flags it)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        if m := _ISO_DATE.fullmatch(text):
            year, month, day = m.groups()
        elif m := _US_DATE.fullmatch(text):
            month, day, year = m.groups()
        else:
            raise FormatChanged(f"{at}: unreadable date {value!r} (expected a date cell, YYYY-MM-DD or M/D/YYYY)")
        try:
            return dt.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            raise FormatChanged(f"{at}: impossible date {value!r}") from None
    raise FormatChanged(f"{at}: expected a date, found {type(value).__name__} {value!r} (a number is not read as a date)")


def date_in_name(path: Path) -> str | None:
    """The date in a workbook's file name: YYYY-MM-DD (or with _), or 8 digits as ICE writes them
    (MMDDYYYY, e.g. participatingAgencies10092026.xlsx) or YYYYMMDD. Two readings: an error."""
    found = set()
    for m in re.finditer(r"(?<!\d)(\d{4})[-_](\d{2})[-_](\d{2})(?!\d)", path.stem):
        found.add(_day(*m.groups()))
    for m in re.finditer(r"(?<!\d)(\d{8})(?!\d)", path.stem):
        digits = m.group(1)
        found.add(_day(digits[4:], digits[:2], digits[2:4]))
        found.add(_day(digits[:4], digits[4:6], digits[6:]))
    found.discard(None)
    if len(found) > 1:
        raise FormatChanged(f"{path.name}: the file name reads as more than one date ({', '.join(sorted(found))}): pass --as-of YYYY-MM-DD")
    return found.pop() if found else None


def _day(year: str, month: str, day: str) -> str | None:
    try:
        d = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return d.isoformat() if 2000 <= d.year <= 2099 else None


def check_day(text: str | None, option: str) -> str | None:
    if text is not None and (not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) or _day(*text.split("-")) is None):
        raise Usage(f"{option} {text!r}: expected a date YYYY-MM-DD")
    return text


# ---------------------------------------------------------------- the snapshot files and their provenance


@dataclass
class Planned:
    """One snapshot to write: its CSV text and its entry in snapshots.yml."""

    kind: Kind
    file: str  # under data/reference/
    text: str
    entry: dict[str, str]  # the snapshots.yml fields, in order
    table: Table
    lines: list[int]  # the workbook row of each CSV row (CSV line 2 onwards)
    state: str = ""  # added | replaced | unchanged (after writing)

    @property
    def rel(self) -> str:
        return f"{REFERENCE_DIR}/{self.file}"


def csv_text(header: tuple[str, ...], rows: list[list[str]]) -> str:
    """CSV in the shape of the snapshots already here: UTF-8, CRLF, quoted only where needed."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _entry(planned_id: str, file: str, kind: Kind, title: str, url: str, as_of: str, retrieved: str, text: str,
           notes: str, via: str | None = None, licence: str = LICENCE) -> dict[str, str]:
    entry = {"id": planned_id, "file": file, "kind": kind.value, "title": title, "publisher": PUBLISHER, "url": url,
             "as_of": as_of, "retrieved": retrieved}
    if via:
        entry["via"] = via
    entry |= {"licence": licence, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "notes": " ".join(notes.split())}
    return entry


def _scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly ``value`` (plain when it can be, else double-quoted)."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .,/()'_+:%?&=-]*", value) and ": " not in value and not value.endswith((":", " ")):
        try:
            if yamlio.parse(f"k: {value}\n").data == {"k": value}:
                return value
        except yamlio.YamlProblem:
            pass
    return json.dumps(value, ensure_ascii=False)


def render_entry(entry: dict[str, str], indent: str) -> list[str]:
    """The entry as the text lines of one list item, in the file's own style."""
    lines = []
    for i, (key, value) in enumerate(entry.items()):
        lead = f"{indent}- " if i == 0 else f"{indent}  "
        if key == "notes" and len(value) > 80:
            lines.append(f"{lead}notes: >-\n")
            lines += [f"{indent}    {chunk}\n" for chunk in textwrap.wrap(value, 96, break_long_words=False, break_on_hyphens=False)]
        else:
            lines.append(f"{lead}{key}: {_scalar(value)}\n")
    return lines


@dataclass(frozen=True)
class Block:
    start: int
    end: int  # exclusive; trailing blank lines excluded
    id: str
    file: str


def _blocks(lines: list[str]) -> tuple[str, list[Block]]:
    """The items of the top-level ``snapshots:`` list, as line ranges (the file's comments stay where they are)."""
    top = next((i for i, line in enumerate(lines) if re.match(r"snapshots:\s*(#.*)?$", line)), None)
    if top is None:
        raise FormatChanged(f"{SNAPSHOTS_FILE}: no top-level 'snapshots:' list")
    indent, starts, stop = None, [], len(lines)
    for i in range(top + 1, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        item = re.match(r"( *)- ", line)
        comment = line.lstrip().startswith("#")
        if item and (indent is None or item.group(1) == indent):
            indent = item.group(1)
            starts.append(i)
        elif not comment and (indent is None or len(line) - len(line.lstrip(" ")) <= len(indent)):
            stop = i  # the next top-level key: the list is over
            break
    indent = indent if indent is not None else "  "
    blocks = []
    for n, start in enumerate(starts):
        end = start + 1
        for j in range(start + 1, starts[n + 1] if n + 1 < len(starts) else stop):
            if lines[j].strip():
                if len(lines[j]) - len(lines[j].lstrip(" ")) < len(indent) + 2:
                    break  # a comment between items belongs to neither
                end = j + 1
        text = "".join(lines[start:end])
        ident = re.search(r"^\s*(?:- )?id:\s*[\"']?([^\"'\s]+)", text, re.M)
        file = re.search(r"^\s*(?:- )?file:\s*[\"']?([^\"'\s]+)", text, re.M)
        blocks.append(Block(start, end, ident.group(1) if ident else "", file.group(1) if file else ""))
    return indent, blocks


def upsert_entry(text: str, entry: dict[str, str]) -> tuple[str, str]:
    """snapshots.yml's text with ``entry`` added after the last snapshot, or replacing the entry of
    the same file (whose id it keeps; else the entry of the same id); and what was done: added |
    replaced | unchanged."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    indent, blocks = _blocks(lines)
    same = next((b for b in blocks if b.file == entry["file"]), None) or next((b for b in blocks if b.id == entry["id"]), None)
    if same is not None and same.file == entry["file"] and same.id:
        entry["id"] = same.id  # the file's entry keeps its id (pages and tests may name it)
    new = render_entry(entry, indent)
    if same is not None:
        old = "".join(lines[same.start:same.end])
        if re.search(rf"^\s*sha256:\s*[\"']?{entry['sha256']}\b", old, re.M):
            return text, "unchanged"
        lines[same.start:same.end] = new
        done = "replaced"
    else:
        at = blocks[-1].end if blocks else len(lines)
        lines[at:at] = new
        done = "added"
    out = "".join(lines)
    doc = yamlio.parse(out)  # the edit must read back as exactly the entry written
    found = [s for s in doc.data.get("snapshots", []) if isinstance(s, dict) and s.get("file") == entry["file"]]
    if found != [entry]:
        raise RuntimeError(f"{SNAPSHOTS_FILE}: the edited entry reads back as {found!r}, not {entry!r}")
    return out, done


def write_and_load(root: Path, planned: list[Planned], keep: bool = False):
    """Write each snapshot and its entry, then load the guide as the build does. On any problem,
    put every file back as it was (unless ``keep``) and raise."""
    from .load import load_guide

    yml = root / SNAPSHOTS_FILE
    before = {yml: yml.read_bytes()}
    text = before[yml].decode("utf-8")
    for p in planned:
        path = root / p.rel
        before.setdefault(path, path.read_bytes() if path.exists() else None)
        text, p.state = upsert_entry(text, p.entry)
    try:
        for p in planned:
            if p.state != "unchanged" or not (root / p.rel).is_file() or sha256_of(root / p.rel) != p.entry["sha256"]:
                (root / p.rel).write_bytes(p.text.encode("utf-8"))
        if text.encode("utf-8") != before[yml]:
            yml.write_bytes(text.encode("utf-8"))
        return load_guide(root)  # validated and placed in counties as the build does
    except BaseException as exc:
        if isinstance(exc, DataErrors):
            exc.planned = planned  # for the workbook rows in the message
        if not keep:
            for path, data in before.items():
                if data is None:
                    path.unlink(missing_ok=True)
                else:
                    path.write_bytes(data)
        raise


def _where_in_workbook(exc: DataErrors, planned: list[Planned]) -> list[str]:
    """Each error, with the workbook row of a snapshot row it names."""
    by_file = {p.rel: p for p in planned}
    out = []
    for e in exc.errors:
        p = by_file.get(e.file)
        row = p.lines[e.line - 2] if p and 2 <= e.line < len(p.lines) + 2 else None
        out.append(f"{e} (workbook {p.table.where}, row {row})" if row else str(e))
    return out


# ---------------------------------------------------------------- 287(g)


def plan_287g(table: Table, kind: Kind, as_of: str, retrieved: str) -> Planned:
    layout = PARTICIPATING if kind is Kind.ice_287g_participating else PENDING
    header = tuple(c.header for c in layout.columns)
    rows = [[str(values[h]) for h in header] for _, values in table.rows]
    text = csv_text(header, rows)
    workbook_sha = sha256_of(table.workbook)
    if kind is Kind.ice_287g_participating:
        sid, file = f"ice-287g-{as_of}", f"ice_287g_participating_{as_of}.csv"
        title = ("Delegation of Immigration Authority Section 287(g) Immigration and Nationality Act: participating agencies "
                 "(participatingAgencies workbook, as CSV)")
        what = f"{len(rows):,} agreements"
        links = ("SIGNED as YYYY-MM-DD; MOA and ADDENDUM hold each cell's hyperlink target as ICE links it (the cell text "
                 "where there is no link).")
    else:
        sid, file = f"ice-287g-pending-{as_of}", f"ice_287g_pending_{as_of}.csv"
        title = ("Delegation of Immigration Authority Section 287(g) Immigration and Nationality Act: pending agencies "
                 "(pendingAgencies workbook, as CSV)")
        what = f"{len(rows):,} pending requests"
        links = "MOA holds a cell's hyperlink target where ICE links one."
    notes = (f"{what}. Written by `python -m sanctuary refresh-287g` from ICE's workbook {table.workbook.name} (sheet {table.sheet!r}; "
             f"workbook sha256 {workbook_sha}), cells as published. {links} Cleaned in code "
             "(sanctuary/reference/ice287g.py). The program grows every week: say which sheet a page shows.")
    entry = _entry(sid, file, kind, title, URL_287G, as_of, retrieved, text, notes)
    return Planned(kind, file, text, entry, table, [n for n, _ in table.rows])


def _key(a: ice287g.Agreement) -> tuple[str, str, str]:
    """An agreement across sheets: state, agency (spacing, apostrophes and case aside) and model."""
    return a.state, " ".join(a.agency.split()).casefold(), a.model


def diff(old: list, new: list, key) -> tuple[list, list]:
    """The records of ``new`` that ``old`` lacks, and those of ``old`` that ``new`` lacks (as multisets)."""
    olds, news = Counter(map(key, old)), Counter(map(key, new))
    added, ended, seen_new, seen_old = [], [], Counter(), Counter()
    for r in new:
        seen_new[key(r)] += 1
        if seen_new[key(r)] > olds[key(r)]:
            added.append(r)
    for r in old:
        seen_old[key(r)] += 1
        if seen_old[key(r)] > news[key(r)]:
            ended.append(r)
    return added, ended


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", " ".join(str(text).split())) or "—"


def _county(a: ice287g.Agreement) -> str:
    if a.scope == "county" or (not a.scope and a.county):
        return a.county
    return f"({a.scope})" if a.scope else "(no county)"


@dataclass
class _Rows:
    rows: list[str]
    what: str


class Report:
    """Markdown. With a ``limit`` (characters), long tables are cut at a row, each table keeping a
    fair share of the room left, with a line saying how many rows were left out."""

    def __init__(self, limit: int | None = None):
        self.limit, self.parts = limit, []

    def add(self, line: str = "") -> None:
        self.parts.append(line)

    def rows(self, rows: list[str], what: str) -> None:
        self.parts.append(_Rows(rows, what))

    def text(self) -> str:
        tables = [p for p in self.parts if isinstance(p, _Rows)]
        keep = {id(t): len(t.rows) for t in tables}
        if self.limit:
            budget = self.limit - sum(len(p) + 1 for p in self.parts if isinstance(p, str)) - 100 * len(tables)
            for n, t in enumerate(sorted(tables, key=lambda t: sum(len(r) + 1 for r in t.rows))):
                share, used, count = budget / (len(tables) - n), 0, 0
                for row in t.rows:
                    if used + len(row) + 1 > share:
                        break
                    used, count = used + len(row) + 1, count + 1
                keep[id(t)], budget = count, budget - used
        out = []
        for p in self.parts:
            if isinstance(p, str):
                out.append(p)
                continue
            out += p.rows[:keep[id(p)]]
            if keep[id(p)] < len(p.rows):
                out.append(f"| … | {len(p.rows) - keep[id(p)]:,} more {p.what}: see the snapshot in this change |")
        return "\n".join(out).rstrip() + "\n"


def _snapshot_line(p: Planned, root_note: str) -> str:
    state = {"added": "added", "replaced": "replaced", "unchanged": "unchanged (it already holds this workbook)"}[p.state]
    return (f"`{p.rel}` {state}: {len(p.lines):,} rows, from `{p.table.workbook.name}` (sheet {p.table.sheet!r}; workbook sha256 "
            f"`{sha256_of(p.table.workbook)[:16]}…`){root_note}")


def _layers(guide, p: Planned):
    """The planned snapshot's layer and the previous one of its kind (the newest with an earlier date)."""
    layers = guide.reference.of_kind(p.kind)
    current = next(la for la in layers if la.snapshot.id == p.entry["id"] or la.snapshot.file == p.file)
    previous = next((la for la in layers if la.snapshot.as_of < current.snapshot.as_of), None)
    newer = [la.snapshot.id for la in layers if la.snapshot.as_of > current.snapshot.as_of]
    note = f"; note: {', '.join(newer)} is newer, and the pages keep showing it" if newer else ""
    return current, previous, note


def report_287g(guide, planned: list[Planned], limit: int | None = None) -> str:
    out = Report(limit)
    for p in planned:
        current, previous, note = _layers(guide, p)
        new, old = list(current.records), list(previous.records) if previous else []
        added, ended = diff(old, new, _key)
        pending = p.kind is Kind.ice_287g_pending
        noun = "pending requests" if pending else "agreements"
        gone = "no longer pending (signed or withdrawn)" if pending else "ended"
        out.add(f"## 287(g) {noun}: ICE's sheet of {current.snapshot.as_of}")
        out.add()
        out.add(_snapshot_line(p, note) + ".")
        out.add()
        if previous:
            out.add(f"Against the previous sheet, of {previous.snapshot.as_of} (`{previous.snapshot.id}`): **{len(added):,} added, "
                    f"{len(ended):,} {gone}**; {len(old):,} {noun} before, {len(new):,} now. A row is matched across sheets "
                    "by state, agency (spacing, apostrophes and case aside) and model; each is placed in a county as the site places it.")
        else:
            out.add(f"No earlier sheet of this kind: all {len(new):,} {noun} are new.")
        out.add()
        by_state: dict[str, list[int]] = {}
        for records, col in ((old, 0), (new, 1), (added, 2), (ended, 3)):
            for a in records:
                by_state.setdefault(a.state, [0, 0, 0, 0])[col] += 1
        changed = {s: v for s, v in by_state.items() if v[2] or v[3]}
        if changed:
            out.add(f"| State | Before | Now | Added | {gone.split(' (')[0].capitalize()} |")
            out.add("|---|--:|--:|--:|--:|")
            for state in sorted(changed):
                b, n, a, e = changed[state]
                out.add(f"| {state} | {b:,} | {n:,} | {a:,} | {e:,} |")
            out.add(f"| **Total** | **{len(old):,}** | **{len(new):,}** | **{len(added):,}** | **{len(ended):,}** |")
            out.add()
            if len(changed) < len(by_state):
                out.add(f"States with no change ({len(by_state) - len(changed)}) are left out.")
                out.add()
        for title, records in ((f"{'New' if pending else 'Added'} ({len(added):,})", added),
                               (f"{gone.split(' (')[0].capitalize()} ({len(ended):,})", ended)):
            if not records:
                continue
            out.add(f"### {title}")
            out.add()
            out.add("| State | County | Agency | Model |" + ("" if pending else " Signed |"))
            out.add("|---|---|---|---|" + ("" if pending else "---|"))
            out.rows([f"| {a.state} | {_md(_county(a))} | {_md(a.agency)} | {MODEL_NAMES.get(a.model, a.model)} |"
                      + ("" if pending else f" {a.signed or '—'} |")
                      for a in sorted(records, key=lambda a: (a.state, _county(a).casefold(), a.agency.casefold(), a.model))], noun)
            out.add()
    return out.text()


def refresh_287g(root: Path, workbook: Path, pending: Path | None = None, retrieved: str | None = None,
                 as_of: str | None = None, keep: bool = False, limit: int | None = None) -> tuple[str, str, list[Planned]]:
    """Read ICE's workbooks, write the snapshots, load the guide; the report (full, and cut to ``limit``)."""
    planned = []
    for path, layout, kind in ((workbook, PARTICIPATING, Kind.ice_287g_participating), (pending, PENDING, Kind.ice_287g_pending)):
        if path is None:
            continue
        day = as_of or date_in_name(path)
        if day is None:
            raise Usage(f"{path.name}: no date in the file name (YYYY-MM-DD, or MMDDYYYY as ICE writes it): pass --as-of YYYY-MM-DD")
        planned.append(plan_287g(read_workbook(path, layout), kind, day, _retrieved(retrieved, day)))
    guide = write_and_load(root, planned, keep)
    return report_287g(guide, planned), report_287g(guide, planned, limit), planned


def _retrieved(retrieved: str | None, as_of: str) -> str:
    day = retrieved or dt.datetime.now(dt.UTC).date().isoformat()
    if day < as_of:
        raise Usage(f"--retrieved {day} is before the sheet's date {as_of}")
    return day


# ---------------------------------------------------------------- detention


def _number(value: float | None) -> str:
    return "" if value is None else str(round(value, 1))


def _facility_key(name: str, address: str) -> tuple[str, str]:
    return _norm(name), _norm(address)


def _coordinates(root: Path, as_of: str, file: str) -> dict[tuple[str, str], tuple[str, str, str]]:
    """Coordinates (latitude, longitude, the snapshot's id) by facility name and address, from the
    detention snapshots up to ``as_of`` (the newest that locates a facility wins). Not ICE's data:
    their provenance is each snapshot's own (``via``)."""
    doc = yamlio.parse((root / SNAPSHOTS_FILE).read_text(encoding="utf-8"))
    snaps = schema.Snapshots.model_validate(doc.data).snapshots
    earlier = sorted((s for s in snaps if s.kind is Kind.ice_detention and (s.as_of < as_of or s.file == file)), key=lambda s: s.as_of)
    found: dict[tuple[str, str], tuple[str, str, str]] = {}
    for snap in earlier:
        path = root / REFERENCE_DIR / snap.file
        if not path.is_file():
            continue
        for row in csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")):
            if (row.get("latitude") or "").strip() and (row.get("longitude") or "").strip():
                found[_facility_key(row["name"], row["address"])] = (row["latitude"], row["longitude"], snap.id)
    return found


def _data_date(table: Table) -> str | None:
    """The date the sheet says its data was pulled ("Data Source: ICE Integrated Decision Support (IIDS), 02/05/2026")."""
    for note in table.notes:
        if m := re.search(r"data source:.*?(\d{1,2})/(\d{1,2})/(\d{4})", note, re.I):
            return _day(m.group(3), m.group(1), m.group(2))
    return None


def plan_detention(root: Path, table: Table, as_of: str, retrieved: str) -> tuple[Planned, int]:
    file = f"ice_detention_facilities_fy26_{as_of}.csv"
    coords = _coordinates(root, as_of, file)
    rows, located, sources = [], 0, set()
    for _, v in table.rows:
        lat, lon, source = coords.get(_facility_key(str(v["Name"]), str(v["Address"])), ("", "", ""))
        located += bool(lat)
        sources.add(source)
        adp = sum(v[level] for level in _LEVELS)  # every level is required: an empty one stopped the read
        rows.append([*(str(v[_FROM_SHEET[c]]) for c in DETENTION_COLUMNS[:8]), _number(v["FY26 ALOS"]), _number(adp), lat, lon])
    text = csv_text(DETENTION_COLUMNS, rows)
    sid = f"ice-detention-{as_of}"
    via = (f"coordinates carried over by facility name and address from {', '.join(sorted(sources - {''}))} (the Open "
           f"Security Mapping Project's geocoding, CC0), {located} of {len(rows)} located") if located else None
    notes = (f"{len(rows):,} facilities holding at least one person; a county with no row may still hold people for ICE under a contract. "
             f"Written by `python -m sanctuary refresh-detention` from ICE's workbook {table.workbook.name} (sheet {table.sheet!r}; workbook "
             f"sha256 {sha256_of(table.workbook)}): fy26_adp is the sum of the four classification-level ADP columns, fy26_alos_days "
             "and fy26_adp rounded to 0.1.")
    entry = _entry(sid, file, Kind.ice_detention, 'ICE Detention Statistics FY2026, sheet "Facilities FY26"', URL_DETENTION, as_of,
                   retrieved, text, notes, via, LICENCE + ("; coordinates CC0" if located else ""))
    return Planned(Kind.ice_detention, file, text, entry, table, [n for n, _ in table.rows]), located


def report_detention(guide, p: Planned, located: int, limit: int | None = None) -> str:
    current, previous, note = _layers(guide, p)
    new, old = list(current.records), list(previous.records) if previous else []
    key = lambda f: _facility_key(f.name, f.address)  # noqa: E731
    added, gone = diff(old, new, key)
    counties = {}
    if guide.reference.current(Kind.ice_detention) is current and guide.reference.gazetteer is not None:
        for placed in guide.reference.facilities:
            if placed.scope == "county":
                counties[placed.facility.line] = guide.reference.gazetteer.county_by_fips[placed.county_fips].name
            else:
                counties[placed.facility.line] = f"({placed.scope})"
    out = Report(limit)
    out.add(f"## ICE detention facilities: the \"Facilities FY26\" sheet of {current.snapshot.as_of}")
    out.add()
    out.add(_snapshot_line(p, note) + ".")
    out.add()
    adp_new, adp_old = sum(f.adp for f in new), sum(f.adp for f in old)
    if previous:
        out.add(f"Against the previous sheet, of {previous.snapshot.as_of} (`{previous.snapshot.id}`): **{len(added):,} new, "
                f"{len(gone):,} no longer listed**; {len(old):,} facilities before, {len(new):,} now (matched by name and address). "
                f"Average daily population, summed: {adp_old:,.1f} before, {adp_new:,.1f} now.")
    else:
        out.add(f"No earlier sheet of this kind: all {len(new):,} facilities are new (average daily population, summed: {adp_new:,.1f}).")
    out.add()
    missing = [_md(f"{f.name} ({f.city}, {f.state})") for f in new if f.lat is None]
    listed = (": " + ", ".join(missing[:40]) + (f" and {len(missing) - 40} more" if len(missing) > 40 else "")) if missing else ""
    out.add(f"Coordinates (not in ICE's workbook) carried over for {located:,} of {len(new):,} facilities; the others have none "
            f"(each is placed by its town, or by an explicit entry){listed}.")
    out.add()
    for title, records in ((f"New ({len(added):,})", added), (f"No longer listed ({len(gone):,})", gone)):
        if not records:
            continue
        out.add(f"### {title}")
        out.add()
        out.add("| State | County | City | Facility | Type | ADP |")
        out.add("|---|---|---|---|---|--:|")
        out.rows([f"| {f.state} | {_md(counties.get(f.line, '') if records is added else '')} | {_md(f.city)} | {_md(f.name)} | "
                  f"{f.type} | {f.adp:,.1f} |" for f in sorted(records, key=lambda f: (f.state, f.city, f.name))], "facilities")
        out.add()
    return out.text()


def refresh_detention(root: Path, workbook: Path, retrieved: str | None = None, as_of: str | None = None,
                      keep: bool = False, limit: int | None = None) -> tuple[str, str, list[Planned]]:
    table = read_workbook(workbook, FACILITIES)
    named, pulled = date_in_name(workbook), _data_date(table)
    if as_of is None:
        if named and pulled and named != pulled:
            raise FormatChanged(f"{table.where}: the file name says {named} but the sheet says its data was pulled on {pulled}: "
                                "pass --as-of YYYY-MM-DD")
        as_of = named or pulled
    if as_of is None:
        raise Usage(f"{workbook.name}: no date in the file name or the sheet: pass --as-of YYYY-MM-DD")
    planned, located = plan_detention(root, table, as_of, _retrieved(retrieved, as_of))
    guide = write_and_load(root, [planned], keep)
    return report_detention(guide, planned, located), report_detention(guide, planned, located, limit), [planned]


# ---------------------------------------------------------------- the command line (see __main__.py)


def command(args) -> int:
    """``refresh-287g`` and ``refresh-detention``: 0 done, 1 a change of format or a data error, 2 a bad option."""
    try:
        as_of = check_day(args.as_of, "--as-of")
        retrieved = check_day(args.retrieved, "--retrieved")
        if args.command == "refresh-287g":
            full, cut, planned = refresh_287g(args.root, args.file, args.pending, retrieved, as_of, args.keep, REPORT_LIMIT["287g"])
        else:
            full, cut, planned = refresh_detention(args.root, args.file, retrieved, as_of, args.keep, REPORT_LIMIT["detention"])
    except Usage as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except FormatChanged as exc:
        print(f"error: ICE's workbook changed format, nothing was written: {exc}", file=sys.stderr)
        return 1
    except DataErrors as exc:
        planned = getattr(exc, "planned", [])
        print("\n".join(_where_in_workbook(exc, planned)) if planned else str(exc), file=sys.stderr)
        print("error: the refreshed snapshot does not load as the build loads it; "
              + ("the files are kept (--keep)." if args.keep else "every file was put back as it was."), file=sys.stderr)
        return 1
    for p in planned:
        print(f"{p.state}: {p.rel} ({len(p.lines):,} rows), entry {p.entry['id']!r} in {SNAPSHOTS_FILE}")
    print()
    print(full, end="")
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(cut, encoding="utf-8")
        print(f"\nreport written to {args.report}")
    return 0
