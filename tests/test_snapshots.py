"""Reference snapshots are data like any other: a malformed one stops the check with file, line
and column, every problem at once, before anything is built."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sanctuary.load import DataErrors, load_guide

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
SHEET = "data/reference/ice_287g.csv"
DOJ = "data/reference/doj.csv"
SNAPSHOTS = "data/reference/snapshots.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURE, dest)
    return dest


def rewrite(root: Path, rel: str, old: str, new: str, reseal: bool = True) -> None:
    """Edit a snapshot; with ``reseal``, record the new copy's sha256 as a refresh would."""
    path = root / rel
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if reseal:
        snaps = root / SNAPSHOTS
        snaps.write_text(snaps.read_text().replace(before, hashlib.sha256(path.read_bytes()).hexdigest()), encoding="utf-8")


def errors_of(root: Path) -> list[str]:
    with pytest.raises(DataErrors) as info:
        load_guide(root)
    return [str(e) for e in info.value.errors]


CASES = [
    pytest.param(SHEET, "SUPPORT TYPE,SIGNED", "SUPPORT,SIGNED",
                 [f"{SHEET}:1: SUPPORT TYPE: missing column (the header has: STATE, LAW ENFORCEMENT AGENCY, TYPE, COUNTY, SUPPORT, SIGNED, MOA, ADDENDUM)"],
                 id="missing-column"),
    pytest.param(SHEET, "2025-04-02", "04/02/2025", [f"{SHEET}:3: SIGNED: signing date '04/02/2025' is not YYYY-MM-DD"], id="bad-date"),
    pytest.param(SHEET, "2025-04-02", "2026-04-02",
                 [f"{SHEET}:3: SIGNED: signing date 2026-04-02 outside 2000-01-01..2025-07-18 (the sheet's date)"], id="date-after-sheet"),
    pytest.param(SHEET, "CALIFORNIA,California", "CALIFORNA,California", [f"{SHEET}:3: STATE: unknown state 'CALIFORNA'"], id="unknown-state"),
    pytest.param(DOJ, "Testville,city", "Testville,town",
                 [f"{DOJ}:3: jurisdiction_type: unknown jurisdiction_type 'town' (known: state, county, city)"], id="doj-kind"),
    pytest.param(DOJ, "Testville,city,CA,06,", "Testville,city,CA,CA,",
                 [f"{DOJ}:3: state_fips: state_fips must be the state's 2-digit FIPS code (got 'CA')"], id="doj-state-fips"),
    pytest.param(DOJ, "Testville,city,CA,06,", "Testville,city,CA,06,06001",
                 [f"{DOJ}:3: county_fips: a listed city has no county FIPS: leave county_fips empty (got '06001')"], id="doj-city-county"),
    pytest.param("data/reference/geo/states.json", '"objects"', '"objectz"',
                 ["data/reference/geo/states.json:1: objects.states: not a us-atlas TopoJSON file (no 'objects')"], id="not-topojson"),
    pytest.param("data/reference/geo/counties.json", '{"type"', '{"type" ',
                 [], id="harmless-whitespace"),
]


@pytest.mark.parametrize("rel, old, new, expected", CASES)
def test_a_bad_snapshot_is_reported_with_file_line_and_column(project, rel, old, new, expected):
    rewrite(project, rel, old, new)
    if expected:
        assert errors_of(project) == expected
    else:
        load_guide(project)


def test_a_snapshot_changed_without_its_provenance_stops_the_check(project):
    rewrite(project, SHEET, "2025-03-01", "2025-03-02", reseal=False)
    [message] = errors_of(project)
    assert message.startswith(f"{SNAPSHOTS}:12: snapshots[0].sha256: {SHEET} has sha256 ")
    assert "the file changed" in message


def test_every_bad_row_is_reported_at_once(project):
    rewrite(project, SHEET, "2025-03-01", "2025-13-45x")
    rewrite(project, SHEET, "State Agency", "Tribe")
    assert errors_of(project) == [
        f"{SHEET}:2: SIGNED: signing date '2025-13-45x' is not YYYY-MM-DD",
        f"{SHEET}:3: TYPE: unknown agency type 'Tribe' (known: County, Municipality, State Agency, State)",
    ]


def test_a_missing_snapshot_file_and_kind(project):
    (project / DOJ).unlink()
    found = errors_of(project)
    assert found == [f"{SNAPSHOTS}:23: snapshots[2].file: no file {DOJ}"]


def test_check_command_stops_on_a_bad_snapshot(project):
    rewrite(project, SHEET, "2025-04-02", "04/02/2025")
    run = subprocess.run([sys.executable, "-m", "sanctuary", "check", "--root", str(project)], capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [f"{SHEET}:3: SIGNED: signing date '04/02/2025' is not YYYY-MM-DD", "1 error in 1 file."]
