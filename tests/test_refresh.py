"""Refreshing a federal layer from ICE's own workbook: the snapshot written is the one the project
keeps, its provenance is recorded beside the earlier ones, the change report counts what an
independent reading of the two sheets counts, and any change of format stops it, naming where."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import shutil
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from sanctuary.__main__ import main
from sanctuary.reference import ice287g

ROOT = Path(__file__).resolve().parent.parent
# ICE's own workbooks, as ice.gov publishes them (public domain), kept as test fixtures; the CSV
# snapshots they must give are the project's own, in data/reference/.
SHARED = ROOT / "data" / "reference"
XLSX = Path(__file__).resolve().parent / "fixtures" / "ice-xlsx"
PARTICIPATING = XLSX / "participatingAgencies_2026-02-18.xlsx"
PENDING = XLSX / "pendingAgencies_2026-02-18.xlsx"
DETENTION = XLSX / "FY26_detentionStats_2026-02-05.xlsx"
REF = "data/reference"
SNAPSHOTS = f"{REF}/snapshots.yml"


def drop_entries(root: Path, ids: set[str]) -> None:
    """Remove snapshots (their files and their entries) from a copy, leaving the rest as it is."""
    path = root / SNAPSHOTS
    head, *items = path.read_text(encoding="utf-8").split("\n  - id: ")
    kept = []
    for item in items:
        if item.split("\n", 1)[0].strip() in ids:
            (root / REF / re.search(r"^    file: (\S+)", item, re.M).group(1)).unlink()
        else:
            kept.append(item)
    path.write_text("\n  - id: ".join([head, *kept]), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's data whose newest 287(g) sheets are the 2025-07-18 ones."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    drop_entries(root, {"ice-287g-2026-02-18", "ice-287g-pending-2026-02-18"})
    return root


def rows_of(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def key(row: dict) -> tuple[str, str, str]:
    """An agreement across sheets, read here without the refresh's code: state, agency, model."""
    state = " ".join(row["STATE"].split()).upper()
    agency = " ".join(row["LAW ENFORCEMENT AGENCY"].replace("\u2019", "'").split()).casefold()
    return ice287g.STATE_CODES[ice287g.STATE_SPELLINGS.get(state, state)], agency, " ".join(row["SUPPORT TYPE"].split())


def keys_of(path: Path) -> Counter:
    with path.open(newline="", encoding="utf-8") as f:
        return Counter(key(r) for r in csv.DictReader(f))


def table_rows(text: str, heading: str) -> list[str]:
    """The data rows of the Markdown table under a heading."""
    section = text.split(f"### {heading}", 1)[1].split("\n\n#", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| ") and not line.startswith(("| State", "|---"))]


def test_refresh_287g_writes_the_snapshot_and_its_change_report(project, tmp_path, capsys):
    before = (project / SNAPSHOTS).read_text(encoding="utf-8")
    report = tmp_path / "report.md"
    args = ["refresh-287g", str(PARTICIPATING), "--pending", str(PENDING), "--retrieved", "2026-03-01", "--root", str(project)]
    assert main([*args, "--report", str(report)]) == 0
    out = capsys.readouterr().out

    # The snapshot: ICE's rows as published, the MOA column holding each cell's hyperlink target.
    written = project / REF / "ice_287g_participating_2026-02-18.csv"
    assert rows_of(written) == rows_of(SHARED / "ice_287g_participating_2026-02-18.csv")
    assert rows_of(project / REF / "ice_287g_pending_2026-02-18.csv") == rows_of(SHARED / "ice_287g_pending_2026-02-18.csv")
    links = [c.hyperlink.target for c in openpyxl.load_workbook(PARTICIPATING)["Sheet1"]["G"][1:1426] if c.hyperlink]
    assert [r[6] for r in rows_of(written)[1:] if r[6] != "link pending"] == links and len(links) > 1300

    # Its provenance, after the earlier snapshots, whose entries and the file's comments are untouched.
    after = (project / SNAPSHOTS).read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n") + "\n  - id: ice-287g-2026-02-18\n")
    entry = after.split("  - id: ice-287g-2026-02-18\n", 1)[1].split("\n  - id:", 1)[0]
    for needle in ("url: https://www.ice.gov/identify-and-arrest/287g", "as_of: 2026-02-18", "retrieved: 2026-03-01",
                   f"sha256: {hashlib.sha256(written.read_bytes()).hexdigest()}", hashlib.sha256(PARTICIPATING.read_bytes()).hexdigest()):
        assert needle in " ".join(entry.split())

    # The report counts what the two sheets, read independently, differ by.
    old, new = keys_of(project / REF / "ice_287g_participating_2025-07-18.csv"), keys_of(written)
    added, ended = sum((new - old).values()), sum((old - new).values())
    assert (added, ended) == (640, 47)  # the 2026-02-18 sheet against the 2025-07-18 one
    md = report.read_text(encoding="utf-8")
    for text in (md, out):
        assert f"**{added:,} added, {ended:,} ended**; {sum(old.values()):,} agreements before, {sum(new.values()):,} now" in text
        assert f"| **Total** | **{sum(old.values()):,}** | **{sum(new.values()):,}** | **{added:,}** | **{ended:,}** |" in text
        for state in ("TX", "FL", "ME"):
            a = sum(v for k, v in (new - old).items() if k[0] == state)
            e = sum(v for k, v in (old - new).items() if k[0] == state)
            b, n = sum(v for k, v in old.items() if k[0] == state), sum(v for k, v in new.items() if k[0] == state)
            assert f"| {state} | {b:,} | {n:,} | {a:,} | {e:,} |" in text
    assert len(table_rows(out, f"Added ({added:,})")) == added and len(table_rows(out, f"Ended ({ended:,})")) == ended
    # Placed as the site places it: the sheet gives this one's county as "County" alone.
    assert "| AL | Clarke County | Clarke County Sheriff's Office | Task Force Model | 2026-01-30 |" in out
    assert len(md) < 50_000 and "more agreements: see the snapshot" in md  # a pull request's body (GitHub: < 65,536)
    assert len(table_rows(md, "New (12)")) == 12  # the short tables stay whole

    # Run again on the same workbooks: nothing changes (not even the retrieval date).
    assert main([*args[:-4], "--retrieved", "2026-03-08", "--root", str(project)]) == 0
    assert "unchanged: data/reference/ice_287g_participating_2026-02-18.csv" in capsys.readouterr().out
    assert (project / SNAPSHOTS).read_text(encoding="utf-8") == after


def test_refresh_detention_gives_the_projects_rows(project, capsys):
    # Keep the project's detention snapshot as an earlier one, so the refresh writes the file anew
    # and carries the coordinates (not in ICE's workbook) over from it.
    path = project / SNAPSHOTS
    text = path.read_text(encoding="utf-8")
    old_file = "ice_detention_facilities_fy26_2026-02-05.csv"
    (project / REF / old_file).rename(project / REF / "ice_detention_facilities_fy26_2026-01-30.csv")
    entry = text.split("  - id: ice-detention-2026-02-05\n", 1)[1].split("\n  - id:", 1)[0]
    path.write_text(text.replace(entry, entry.replace("2026-02-05", "2026-01-30")).replace(
        "id: ice-detention-2026-02-05", "id: ice-detention-2026-01-30"), encoding="utf-8")

    assert main(["refresh-detention", str(DETENTION), "--retrieved", "2026-03-01", "--root", str(project)]) == 0
    out = capsys.readouterr().out
    mine, theirs = rows_of(project / REF / old_file), rows_of(ROOT / REF / old_file)
    assert mine[0] == theirs[0] and len(mine) == len(theirs) == 221
    assert [r[:10] for r in mine] == [r[:10] for r in theirs]  # the columns ICE publishes
    assert mine == theirs  # and the coordinates, carried over by name and address
    assert "**0 new, 0 no longer listed**; 220 facilities before, 220 now" in out
    assert "carried over for 205 of 220 facilities" in out
    assert "url: https://www.ice.gov/detain/detention-management" in path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- a change of format stops it

HEADER = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"]
ROWS = [["TEXAS", "Harris County Sheriff's Office", "County", "Harris County", "Task Force Model", dt.datetime(2026, 2, 1), "link", None],
        ["TEXAS", "Houston Police Department ", "Municipality", "Harris County", "Warrant Service Officer", "2/14/2026", "link pending", None]]


def sheet_287g(tmp_path: Path, name="participatingAgencies_2026-02-18.xlsx", title="Sheet1", header=HEADER, rows=ROWS, edit=None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    ws.append(header)
    for row in rows:
        ws.append(row)
    if "MOA" in header:
        ws.cell(row=2, column=header.index("MOA") + 1).hyperlink = "https://www.ice.gov/doclib/287gMOA/HarrisCoSO_TFM.pdf"
    if edit:
        edit(book)
    path = tmp_path / name
    book.save(path)
    return path


def without(column: str):
    i = HEADER.index(column)
    return {"header": HEADER[:i] + HEADER[i + 1:], "rows": [r[:i] + r[i + 1:] for r in ROWS]}


def cell(ref: str, value):
    def edit(book):
        book.active[ref] = value
    return {"edit": edit}


@pytest.mark.parametrize(("change", "message"), [
    (without("SUPPORT TYPE"), "sheet 'Sheet1', header row 1: missing column 'SUPPORT TYPE'"),
    ({"header": [h if h != "SIGNED" else "SIGNED ON" for h in HEADER]},
     "sheet 'Sheet1', header row 1: missing column 'SIGNED' (the header has: STATE, LAW ENFORCEMENT AGENCY"),
    ({"header": [*HEADER, "EXPIRES"]}, "sheet 'Sheet1', header row 1: new column 'EXPIRES' (column I)"),
    ({"title": "Participating"}, "no sheet 'Sheet1' (the workbook has: 'Participating')"),
    ({"edit": lambda book: book.create_sheet("More agencies")}, "has one sheet, 'Sheet1'; this one has 'Sheet1', 'More agencies'"),
    (cell("F3", "next Tuesday"), "sheet 'Sheet1', cell F3 (SIGNED): unreadable date 'next Tuesday'"),
    (cell("F3", "2/30/2026"), "sheet 'Sheet1', cell F3 (SIGNED): impossible date '2/30/2026'"),
    (cell("F3", 46000), "sheet 'Sheet1', cell F3 (SIGNED): expected a date, found int 46000"),
    (cell("A3", "ATLANTIS"), "sheet 'Sheet1', cell A3 (STATE): unknown state 'ATLANTIS'"),
    (cell("J2", "see note"), "sheet 'Sheet1', cell J2: a value ('see note') under no column header"),
])
def test_a_change_of_format_stops_the_287g_refresh(tmp_path, capsys, change, message):
    root = tmp_path / "root"
    (root / REF).mkdir(parents=True)
    shutil.copy(ROOT / SNAPSHOTS, root / SNAPSHOTS)
    before = sorted(p.name for p in (root / REF).iterdir())
    workbook = sheet_287g(tmp_path, **change)
    assert main(["refresh-287g", str(workbook), "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "changed format, nothing was written" in err and "participatingAgencies_2026-02-18.xlsx" in err and message in err, err
    assert sorted(p.name for p in (root / REF).iterdir()) == before
    assert (root / SNAPSHOTS).read_bytes() == (ROOT / SNAPSHOTS).read_bytes()


def test_dates_are_read_from_date_cells_and_text_and_links_from_their_targets(tmp_path):
    from sanctuary import refresh

    table = refresh.read_workbook(sheet_287g(tmp_path), refresh.PARTICIPATING)
    assert [(n, v["SIGNED"], v["MOA"]) for n, v in table.rows] == [
        (2, "2026-02-01", "https://www.ice.gov/doclib/287gMOA/HarrisCoSO_TFM.pdf"), (3, "2026-02-14", "link pending")]
    assert table.rows[1][1]["LAW ENFORCEMENT AGENCY"] == "Houston Police Department "  # kept as published
    assert refresh.date_in_name(Path("participatingAgencies10092026.xlsx")) == "2026-10-09"  # ICE's own naming
    assert refresh.date_in_name(Path("FY26_detentionStats_2026-02-05.xlsx")) == "2026-02-05"


def test_a_workbook_without_a_date_needs_as_of(tmp_path, capsys):
    root = tmp_path / "root"
    (root / REF).mkdir(parents=True)
    shutil.copy(ROOT / SNAPSHOTS, root / SNAPSHOTS)
    assert main(["refresh-287g", str(sheet_287g(tmp_path, name="participatingAgencies.xlsx")), "--root", str(root)]) == 2
    assert "no date in the file name" in capsys.readouterr().err


def test_a_row_the_guide_cannot_read_undoes_the_refresh(project, tmp_path, capsys):
    before = (project / SNAPSHOTS).read_bytes()
    rows = [ROWS[0], [*ROWS[1][:4], "Task Force Modell", *ROWS[1][5:]]]
    assert main(["refresh-287g", str(sheet_287g(tmp_path, rows=rows)), "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert ("data/reference/ice_287g_participating_2026-02-18.csv:3: SUPPORT TYPE: unknown support type 'Task Force Modell'" in err
            and "(workbook participatingAgencies_2026-02-18.xlsx, sheet 'Sheet1', row 3)" in err and "put back as it was" in err), err
    assert (project / SNAPSHOTS).read_bytes() == before
    assert not (project / REF / "ice_287g_participating_2026-02-18.csv").exists()


def sheet_detention(tmp_path: Path, title="Facilities FY26", levels=("Level A", "Level B", "Level C", "Level D"), state="MS") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    ws.append(["ICE Facilities Data, FY26"])
    ws.append(["Data Source: ICE Integrated Decision Support (IIDS), 02/05/2026"])
    ws.append(["Facility Information", None, None, None, None, None, None, None, "Facility Average Length of Stay",
               "FY26 ADP: Detainee Classification Level"])
    ws.append(["Name", "Address", "City", "State", "Zip", "AOR", "Type Detailed", "Male/Female", "FY26 ALOS", *levels])
    ws.append(["ADAMS COUNTY CORRECTIONAL CENTER", "20 HOBO FORK RD.", "NATCHEZ", state, "39120", "NOL", "DIGSA", "Male", 36.9, 1, 2, 3, 4])
    path = tmp_path / "FY26_detentionStats_2026-02-05.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(("change", "message"), [
    ({"title": "Facilities FY27"}, "no sheet 'Facilities FY26' (the workbook has: 'Facilities FY27')"),
    ({"levels": ("Level A", "Level B2", "Level C", "Level D")}, "sheet 'Facilities FY26', header row 4: missing column 'Level B'"),
    ({"state": "ZZ"}, "sheet 'Facilities FY26', cell D5 (State): unknown state 'ZZ'"),
])
def test_a_change_of_format_stops_the_detention_refresh(tmp_path, capsys, change, message):
    root = tmp_path / "root"
    (root / REF).mkdir(parents=True)
    shutil.copy(ROOT / SNAPSHOTS, root / SNAPSHOTS)
    assert main(["refresh-detention", str(sheet_detention(tmp_path, **change)), "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "FY26_detentionStats_2026-02-05.xlsx" in err and message in err, err
    assert sorted(p.name for p in (root / REF).iterdir()) == ["snapshots.yml"]
