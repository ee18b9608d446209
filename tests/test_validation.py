"""Table-driven validation tests: each case breaks the small valid fixture in one way and
expects exact messages, as `file:line: field.path: message`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sanctuary.load import DataErrors, load_guide

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
PLACE = "data/places/testville.yml"
SECTION = "data/sections/justice.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURE, dest)
    return dest


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors_of(root: Path) -> list[str]:
    with pytest.raises(DataErrors) as info:
        load_guide(root)
    return [str(e) for e in info.value.errors]


def test_fixture_is_valid():
    guide = load_guide(FIXTURE)
    assert [p.slug for p in guide.places] == ["testville"]
    assert [p.code for p in guide.provisions] == ["CJ1", "IE1"]


CASES = [
    pytest.param(
        PLACE, "state: CA\n", "state: CA\n  bad: [\n",
        [f"{PLACE}:4: YAML syntax error: mapping values are not allowed in this context"],
        id="yaml-syntax",
    ),
    pytest.param(
        PLACE, "kind: city\n", "kind: city\nmayor: Someone\n",
        [f"{PLACE}:5: mayor: unknown field (check the spelling; see the data dictionary)"],
        id="unknown-field",
    ),
    pytest.param(
        PLACE, "reviewed: 2026-11-01\n", "",
        [f"{PLACE}:1: reviewed: missing required field"],
        id="missing-field",
    ),
    pytest.param(
        PLACE, "kind: city", "kind: town",
        [f"{PLACE}:4: kind: input should be 'city', 'county', 'city-county' or 'state' (got 'town')"],
        id="bad-enum",
    ),
    pytest.param(
        PLACE, "    sources: [ord]\nprovisions:", "    sources: ord\nprovisions:",
        [f"{PLACE}:24: policies[0].sources: input should be a valid list (got 'ord')"],
        id="wrong-type",
    ),
    pytest.param(
        PLACE, "  CJ1: {status: unknown", "  CJ9: {status: unknown",
        [
            f"{PLACE}:25: provisions: no status for provision CJ1 (use status: unknown if no source says)",
            f"{PLACE}:26: provisions.CJ9: unknown provision code 'CJ9' (known: CJ1, IE1)",
        ],
        id="unknown-provision-code",
    ),
    pytest.param(
        PLACE, "policies: [values], sources: [ord], as_of", "policies: [values], sources: [], as_of",
        [f"{PLACE}:27: provisions.IE1.sources: a status of 'yes' needs at least one source"],
        id="yes-without-source",
    ),
    pytest.param(
        PLACE, "  CJ1: {status: unknown,", "  CJ1: {status: partial,",
        [f"{PLACE}:26: provisions.CJ1.sources: a status of 'partial' needs at least one source"],
        id="partial-without-source",
    ),
    pytest.param(
        PLACE, "url: https://testville.example.gov/ord-1", "url: testville.example.gov/ord 1",
        [f"{PLACE}:10: sources[0].url: not a valid http(s) URL: 'testville.example.gov/ord 1'"],
        id="bad-url",
    ),
    pytest.param(
        PLACE, "    adopted: 2018-02-03", "    adopted: 2018-02-30",
        [f"{PLACE}:19: policies[0].adopted: not a real date: '2018-02-30'"],
        id="impossible-date",
    ),
    pytest.param(
        PLACE, "reviewed: 2026-11-01", "reviewed: last week",
        [f"{PLACE}:6: reviewed: not a date: 'last week' (use YYYY-MM-DD, YYYY-MM or YYYY)"],
        id="malformed-date",
    ),
    pytest.param(
        PLACE, "slug: testville", "slug: testvile",
        [f"{PLACE}:1: slug: slug 'testvile' does not match the file name (expected 'testville')"],
        id="slug-mismatch",
    ),
    pytest.param(
        PLACE, "policies: [values]", "policies: [valuez]",
        [f"{PLACE}:27: provisions.IE1.policies[0]: unknown policy 'valuez'; known: values"],
        id="unknown-policy-ref",
    ),
    pytest.param(
        PLACE, "    sources: [ord]\nfederal:", "    sources: [ordinance]\nfederal:",
        [f"{PLACE}:31: timeline[0].sources[0]: unknown source 'ordinance'; known: ord"],
        id="unknown-source-ref",
    ),
    pytest.param(
        PLACE, "listed_on: doj-2025-08-05", "listed_on: dhs-list",
        [f"{PLACE}:33: federal[0].listed_on: unknown federal list 'dhs-list' (known: doj-2025-08-05)"],
        id="unknown-federal-list",
    ),
    pytest.param(
        PLACE, ", es: Limita la ayuda de la policía a ICE.}", "}",
        [f"{PLACE}:22: policies[0].summary.es: missing required field"],
        id="missing-spanish",
    ),
    pytest.param(
        PLACE, "  CJ1: {status: unknown, note: {en: No source found., es: No se encontró fuente.}}\n",
        "  CJ1: {status: unknown, note: {en: No source found., es: No se encontró fuente.}}\n"
        "  CJ1: {status: unknown, note: {en: Again., es: Otra vez.}}\n",
        [f"{PLACE}:27: key 'CJ1' appears twice in the same mapping"],
        id="duplicate-key",
    ),
    pytest.param(
        PLACE, "  - id: values\n", "  - id: values\n    title: Testville Values Act\n    id: again\n",
        [f"{PLACE}:17: key 'id' appears twice in the same mapping"],
        id="duplicate-key-nested",
    ),
    pytest.param(
        SECTION, "    slug: second-provision", "    slug: first-provision",
        [f"{SECTION}:18: provisions[1].slug: duplicate provision slug 'first-provision' (also in {SECTION})"],
        id="duplicate-provision-slug",
    ),
    pytest.param(
        SECTION, "  - code: IE1", "  - code: XX1",
        # the places are not also flagged: their codes cannot be checked against a broken section
        [f"{SECTION}:17: provisions[1].code: string should match pattern '^(CJ|IE|IC)[0-9]$' (got 'XX1')"],
        id="bad-provision-code",
    ),
    pytest.param(
        "data/glossary.yml", "    sources: [ice-site]", "    sources: [ice-sit]",
        ["data/glossary.yml:5: terms[0].sources[0]: unknown source 'ice-sit'; known: ice-site"],
        id="glossary-unknown-source",
    ),
    pytest.param(
        "data/federal_lists.yml", "  - id: doj-2025-08-05", "  - id: doj-2025-08-05\n    publisher: DOJ",
        ["data/federal_lists.yml:5: key 'publisher' appears twice in the same mapping"],
        id="federal-duplicate-key",
    ),
    pytest.param(
        "data/ui.yml", "status_yes: {en: \"Yes\", es: \"Sí\"}", "status_yes: {en: \"Yes\"}",
        ["data/ui.yml:4: status_yes.es: missing required field"],
        id="ui-label-missing-spanish",
    ),
]


@pytest.mark.parametrize("rel, old, new, expected", CASES)
def test_bad_data_is_reported_with_file_line_and_field(project, rel, old, new, expected):
    edit(project, rel, old, new)
    assert errors_of(project) == expected


def test_yes_and_no_are_statuses_not_booleans(project):
    guide = load_guide(project)
    assert guide.places[0].provisions["IE1"].status.value == "yes"


def test_duplicate_slugs_across_files(project):
    other = project / "data/places/testville-2.yml"
    other.write_text((project / PLACE).read_text(encoding="utf-8"), encoding="utf-8")
    # Files are read in name order, so the second file to claim the slug is testville.yml.
    assert errors_of(project) == [
        "data/places/testville-2.yml:1: slug: slug 'testville' does not match the file name (expected 'testville-2')",
        "data/places/testville.yml:1: slug: duplicate slug 'testville' (also in data/places/testville-2.yml)",
    ]


def test_an_invalid_file_still_gets_its_cross_checks(project):
    edit(project, PLACE, "kind: city", "kind: town")
    edit(project, PLACE, "policies: [values], sources: [ord], as_of", "policies: [values], sources: [], as_of")
    edit(project, PLACE, "policies: [values]", "policies: [valuez]")
    assert errors_of(project) == [
        f"{PLACE}:4: kind: input should be 'city', 'county', 'city-county' or 'state' (got 'town')",
        f"{PLACE}:27: provisions.IE1.policies[0]: unknown policy 'valuez'; known: values",
        f"{PLACE}:27: provisions.IE1.sources: a status of 'yes' needs at least one source",
    ]


def test_a_place_file_is_checked_against_the_14_codes_when_no_section_file_exists(project):
    for path in (project / "data/sections").glob("*.yml"):
        path.unlink()
    found = errors_of(project)
    assert "data/sections:1: no section files found" in found
    assert any("no status for provisions CJ2, CJ3" in e for e in found)


def test_all_errors_in_all_files_are_reported_at_once(project):
    edit(project, PLACE, "kind: city", "kind: town")
    edit(project, PLACE, "url: https://testville.example.gov/ord-1", "url: nope")
    edit(project, SECTION, "    instruments: [ordinance]", "    instruments: [decree]")
    edit(project, "data/glossary.yml", "  - id: ice", "  - id: ICE")
    found = errors_of(project)
    assert len(found) == 4
    assert {e.split(":")[0] for e in found} == {PLACE, SECTION, "data/glossary.yml"}
    message = str(DataErrors([]))
    assert message.endswith("0 errors in 0 files.")


def test_check_command_exits_non_zero_with_a_count(project):
    edit(project, PLACE, "kind: city", "kind: town")
    run = subprocess.run(
        [sys.executable, "-m", "sanctuary.check", "--root", str(project)],
        capture_output=True, text=True, cwd=Path(__file__).parent.parent,
    )
    assert run.returncode == 1
    assert f"{PLACE}:4: kind:" in run.stderr
    assert run.stderr.strip().endswith("1 error in 1 file.")


def test_check_command_passes_on_valid_data():
    run = subprocess.run(
        [sys.executable, "-m", "sanctuary.check", "--root", str(FIXTURE)],
        capture_output=True, text=True, cwd=Path(__file__).parent.parent,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ok: 1 sections, 2 provisions, 1 places")
