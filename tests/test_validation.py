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
STATE = "data/states/ca.yml"


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


def write(root: Path, rel: str, data: str | bytes) -> None:
    """Create or replace a whole file; bytes are written as they are (for encoding problems)."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def errors_of(root: Path) -> list[str]:
    with pytest.raises(DataErrors) as info:
        load_guide(root)
    return [str(e) for e in info.value.errors]


def test_fixture_is_valid():
    guide = load_guide(FIXTURE)
    assert [p.slug for p in guide.places] == ["testville"]
    assert [p.code for p in guide.provisions] == ["CJ1", "IE1"]
    assert [s.code for s in guide.states] == ["CA"]
    assert [law.id for law in guide.states[0].laws] == ["sb-54-2017"]


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
            f"{PLACE}:25: provisions: no status for provision CJ1 (use status: not-researched if nobody has checked)",
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
        [f"{PLACE}:26: provisions.CJ1.searched: `searched` belongs to an unknown status, not 'partial'",
         f"{PLACE}:26: provisions.CJ1.sources: a status of 'partial' needs at least one source"],
        id="partial-without-source",
    ),
    pytest.param(
        PLACE, ", searched: {what: {en: the town code, es: el código municipal}, on: 2026-10-01}}", "}",
        [f"{PLACE}:26: provisions.CJ1.searched: an unknown status says what was searched and when "
         "(searched: {what: {en, es}, on: YYYY-MM-DD}); if nobody searched, use status: not-researched"],
        id="unknown-without-search",
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
        PLACE, "  CJ1: {status: unknown, note: {en: No source found., es: No se encontró fuente.}, searched: {what: {en: the town code, es: el código municipal}, on: 2026-10-01}}\n",
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
        [f"{SECTION}:19: provisions[1].slug: duplicate provision slug 'first-provision' (also in {SECTION})"],
        id="duplicate-provision-slug",
    ),
    pytest.param(
        SECTION, "  - code: IE1", "  - code: XX1",
        # the places are not also flagged: their codes cannot be checked against a broken section
        [f"{SECTION}:18: provisions[1].code: string should match pattern '^(CJ|IE|IC)[0-9]$' (got 'XX1')"],
        id="bad-provision-code",
    ),
    pytest.param(
        SECTION, "    short: {en: Second, es: Segunda}", "    short: {en: Second, es: La segunda medida de esta guía de prueba}",
        [f"{SECTION}:21: provisions[1].short: a short name has at most 36 characters "
         "(es: 40, 'La segunda medida de esta guía de prueba')"],
        id="short-name-too-long",
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
    # ---- the state layer (data/states/ca.yml; Testville is in CA)
    pytest.param(
        STATE, "code: CA", "code: NV",
        # Only the mismatch is the volunteer's mistake: data/states/ca.yml exists.
        [f"{STATE}:1: code: code 'NV' does not match the file name (expected 'CA')"],
        id="state-code-mismatch-in-own-file",
    ),
    pytest.param(
        STATE, "sources:\n  - id: sb54",
        "  - id: sb-54-2017\n    title: Again\n    status: repealed\n"
        "    summary: {en: Again., es: Otra vez.}\n    sources: [sb54]\nsources:\n  - id: sb54",
        [f"{STATE}:15: laws[1].id: duplicate law id 'sb-54-2017'"],
        id="state-duplicate-law-id",
    ),
    pytest.param(
        STATE, "sources: [sb54]", "sources: [sb-54]",
        [f"{STATE}:14: laws[0].sources[0]: unknown source 'sb-54'; known: sb54"],
        id="state-law-unknown-source",
    ),
    pytest.param(
        STATE, "stance: protective-floor", "stance: sanctuary",
        [f"{STATE}:4: stance: input should be 'protective-floor', 'preemption' or 'neither' (got 'sanctuary')"],
        id="state-bad-stance",
    ),
    pytest.param(
        STATE, "status: in-force", "status: active",
        [f"{STATE}:12: laws[0].status: input should be 'in-force', 'partly-blocked', 'blocked' or 'repealed' (got 'active')"],
        id="state-law-bad-status",
    ),
    pytest.param(
        STATE, 'fips: "06"', 'fips: "6"',
        [f"{STATE}:2: fips: string should match pattern '^[0-9]{{2}}$' (got '6')"],
        id="state-bad-fips-pattern",
    ),
    pytest.param(
        # Unquoted, YAML reads 06 as the number 6.
        STATE, 'fips: "06"', "fips: 06",
        [f"{STATE}:2: fips: input should be a valid string (got 6)"],
        id="state-fips-unquoted",
    ),
    pytest.param(
        STATE, "reviewed: 2026-11-28\n", "",
        [f"{STATE}:1: reviewed: missing required field"],
        id="state-missing-reviewed",
    ),
    pytest.param(
        STATE, "summary: {en: Limits holds and transfers to ICE., es: Limita las retenciones y transferencias a ICE.}",
        "summary: {en: Limits holds and transfers to ICE.}",
        [f"{STATE}:13: laws[0].summary.es: missing required field"],
        id="state-law-missing-spanish",
    ),
    pytest.param(
        STATE, "stance: protective-floor", "stance: [protective-floor",
        [f"{STATE}:5: YAML syntax error: while parsing a flow sequence did not find expected ',' or ']'"],
        id="state-yaml-syntax",
    ),
    pytest.param(
        STATE, "  - id: sb-54-2017", "\t- id: sb-54-2017",
        [f"{STATE}:8: YAML syntax error: while scanning for the next token found character that cannot start any token"],
        id="state-tab-indent",
    ),
    pytest.param(
        PLACE, "state: CA", "state: XX",
        [f"{PLACE}:3: state: no file data/states/xx.yml for state 'XX'"],
        id="place-state-without-state-file",
    ),
    pytest.param(
        PLACE, "kind: city\n", "kind: city\ncounties: [Nowhere]\n",
        [f"{PLACE}:5: counties[0]: no county 'Nowhere' in CA (use the Census name, with or without 'County')"],
        id="place-county-unknown-in-state",
    ),
]


@pytest.mark.parametrize("rel, old, new, expected", CASES)
def test_bad_data_is_reported_with_file_line_and_field(project, rel, old, new, expected):
    edit(project, rel, old, new)
    assert errors_of(project) == expected


CA_FILE = (FIXTURE / STATE).read_text(encoding="utf-8")
NV_FILE = CA_FILE.replace("code: CA", "code: NV", 1).replace('fips: "06"', 'fips: "32"', 1)
PLACE_BYTES = (FIXTURE / PLACE).read_bytes()

# Whole files written into the fixture: (files to write, edits, expected).
FILE_CASES = [
    pytest.param(
        {"data/places/x.yaml": "slug: x\n"}, [],
        ["data/places/x.yaml:1: place files must end in .yml"],
        id="place-file-yaml-extension",
    ),
    pytest.param(
        {"data/states/nv.yaml": NV_FILE}, [],
        ["data/states/nv.yaml:1: state files must end in .yml"],
        id="state-file-yaml-extension",
    ),
    pytest.param(
        {"data/sections/extra.yaml": "id: extra\n"}, [],
        ["data/sections/extra.yaml:1: section files must end in .yml"],
        id="section-file-yaml-extension",
    ),
    pytest.param(
        {PLACE: b"slug: caf\xe9\n"}, [],
        [f"{PLACE}:1: not UTF-8 text (invalid continuation byte)"],
        id="not-utf8-latin1",
    ),
    pytest.param(
        {PLACE: PLACE_BYTES.decode("utf-8").encode("utf-16")}, [],
        [f"{PLACE}:1: not UTF-8 text (invalid start byte)"],
        id="not-utf8-utf16",
    ),
    pytest.param(
        {PLACE: PLACE_BYTES.replace(b"kind: city", b"kind: city # caf\xe9")}, [],
        [f"{PLACE}:4: not UTF-8 text (invalid continuation byte)"],
        id="not-utf8-reports-its-line",
    ),
    pytest.param(
        {PLACE: b"\xef\xbb\xbf" + PLACE_BYTES}, [],
        [],  # a UTF-8 byte-order mark (some Windows editors add one) is fine
        id="utf8-bom-accepted",
    ),
    pytest.param(
        {PLACE: "- slug: testville\n- name: Testville\n"}, [],
        [f"{PLACE}:1: the file must hold a mapping of fields (key: value)"],
        id="top-level-list",
    ),
    pytest.param(
        {PLACE: "testville\n"}, [],
        [f"{PLACE}:1: the file must hold a mapping of fields (key: value)"],
        id="top-level-string",
    ),
    pytest.param(
        {STATE: "- CA\n"}, [],
        [f"{STATE}:1: the file must hold a mapping of fields (key: value)"],
        id="state-top-level-list",
    ),
    pytest.param(
        {PLACE: ""}, [],
        [f"{PLACE}:1: the file must hold a mapping of fields (key: value)"],
        id="empty-file",
    ),
    pytest.param(
        {PLACE: "# to do\n"}, [],
        [f"{PLACE}:1: the file must hold a mapping of fields (key: value)"],
        id="comments-only-file",
    ),
    pytest.param(
        {STATE: ""}, [],
        [f"{STATE}:1: the file must hold a mapping of fields (key: value)"],
        id="empty-state-file",
    ),
    pytest.param(
        {"data/states/nv.yml": CA_FILE}, [],
        # a second file claiming CA: its own name says it is NV
        ["data/states/nv.yml:1: code: code 'CA' does not match the file name (expected 'NV')"],
        id="state-code-mismatch",
    ),
    pytest.param(
        {"data/states/nv.yml": NV_FILE}, [],
        [],  # a second valid state with no places is fine
        id="second-state-valid",
    ),
    pytest.param(
        {"data/states/nv.yml": NV_FILE}, [(STATE, "stance: protective-floor", "stance: sanctuary")],
        # Only the stance is wrong: Testville's state file exists, it just failed validation.
        [f"{STATE}:4: stance: input should be 'protective-floor', 'preemption' or 'neither' (got 'sanctuary')"],
        id="invalid-state-file-no-false-missing-file",
    ),
]


@pytest.mark.parametrize("files, edits, expected", FILE_CASES)
def test_bad_files_are_reported_with_file_and_line(project, files, edits, expected):
    for rel, data in files.items():
        write(project, rel, data)
    for rel, old, new in edits:
        edit(project, rel, old, new)
    if expected:
        assert errors_of(project) == expected
    else:
        load_guide(project)


@pytest.mark.parametrize("form, partner", [("_one", "_other"), ("_other", "_one")])
def test_a_count_label_needs_both_its_forms(project, form, partner):
    ui = project / "data" / "ui.yml"
    lines = ui.read_text(encoding="utf-8").splitlines(keepends=True)
    gone = next(i for i, line in enumerate(lines) if line.startswith("finder_count" + partner + ":"))
    kept = next(i for i, line in enumerate(lines) if line.startswith("finder_count" + form + ":"))
    ui.write_text("".join(lines[:gone] + lines[gone + 1 :]), encoding="utf-8")
    line = kept + (0 if kept < gone else -1) + 1
    assert errors_of(project) == [f"data/ui.yml:{line}: finder_count{form}: a count's label needs both forms: add 'finder_count{partner}'"]


def test_a_census_county_is_accepted_in_any_case(project):
    edit(project, PLACE, "kind: city\n", "kind: city\ncounties: [alameda]\n")
    assert load_guide(project).places[0].counties == ["alameda"]


def test_without_state_files_place_states_are_not_checked(project):
    (project / STATE).unlink()
    edit(project, PLACE, "state: CA", "state: XX")
    assert load_guide(project).states == []


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
    assert errors_of(project) == [
        f"{PLACE}:25: provisions: no status for provisions CJ2, CJ3, CJ4, CJ5, IE2, IE3, IE4, IE5, IE6, "
        "IC1, IC2, IC3 (use status: not-researched if nobody has checked)",
        "data/sections:1: no section files found",
    ]


def test_all_errors_in_all_files_are_reported_at_once(project):
    edit(project, PLACE, "kind: city", "kind: town")
    edit(project, PLACE, "url: https://testville.example.gov/ord-1", "url: nope")
    edit(project, SECTION, "    instruments: [ordinance]", "    instruments: [decree]")
    edit(project, "data/glossary.yml", "  - id: ice", "  - id: ICE")
    with pytest.raises(DataErrors) as info:
        load_guide(project)
    found = [str(e) for e in info.value.errors]
    assert len(found) == 4
    assert {e.split(":")[0] for e in found} == {PLACE, SECTION, "data/glossary.yml"}
    # the summary of the real exception (it was a constant built from DataErrors([]))
    assert str(info.value).endswith("\n4 errors in 3 files.")
    assert str(info.value).splitlines()[:-1] == found


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
