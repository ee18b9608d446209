"""Open data: every file and column described in both languages (opendata.COLUMNS, its Spanish in
dictionary_es.COLUMNS), the README and LEEME in the download and the site, the zip, the DOJ list's
codes, each row's layer dates."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
from bs4 import BeautifulSoup

from sanctuary import dictionary_es, opendata


def test_every_file_and_column_is_described(guide):
    assert opendata.undescribed(guide) == []


def _doj_name(guide) -> str:
    return next(n for n, _ in opendata.files(guide) if n.startswith("doj_list"))


def test_a_column_without_a_description_stops_the_build(guide, monkeypatch, tmp_path):
    columns = {k: v for k, v in opendata.COLUMNS["doj_list"].items() if k != "state_fips"}
    columns["fips"] = "A column the file does not have."
    monkeypatch.setitem(opendata.COLUMNS, "doj_list", columns)
    name = _doj_name(guide)
    assert opendata.undescribed(guide) == [
        f"{name}: column 'state_fips' is not described in opendata.COLUMNS",
        f"{name}: opendata.COLUMNS describes a column 'fips' the file does not have",
        "no Spanish for doj_list.fips: add it to dictionary_es.COLUMNS",
        "dictionary_es.COLUMNS has doj_list.state_fips, which opendata.COLUMNS does not describe"]
    with pytest.raises(ValueError, match="disagree"):
        opendata.write(guide, tmp_path)


def test_a_file_without_sources_or_a_licence_without_spanish_stops_the_build(guide, monkeypatch):
    monkeypatch.delitem(opendata.SOURCES, "doj_list")
    licence = guide.doj_layer.snapshot.licence
    monkeypatch.delitem(dictionary_es.LICENCES, licence)
    assert opendata.undescribed(guide) == [
        f"{_doj_name(guide)}: no sources in opendata.SOURCES (key 'doj_list')",
        f"no Spanish for the licence {licence!r}: add it to dictionary_es.LICENCES"]


@pytest.mark.parametrize("lang, other, source, columns", [
    ("en", "LEEME.txt", "Source:", "Columns:"),
    ("es", "README.txt", "Fuente:", "Columnas:"),
])
def test_the_readme_names_each_file_its_sources_dates_licence_and_columns(guide, lang, other, source, columns):
    text = opendata.readme(guide, lang, "https://example.org/guide/")
    assert other in text and "https://example.org/guide/" in text
    infos = opendata.file_infos(guide)
    blocks = re.split(r"\n\n(?=\S+\.(?:csv|json)\n-+\n)", text)
    assert [b.split("\n", 1)[0] for b in blocks[1:]] == [i.name for i in infos]
    for info, block in zip(infos, blocks[1:]):
        assert block.count(source) == len(info.sources), info.name
        flat = " ".join(block.split())
        for src in info.sources:
            if not src.guide:  # the publisher, its address, the date the data describes, the licence
                assert src.url in flat and src.publisher in flat and src.licence(lang) in flat
                assert opendata_date(src.as_of, lang) in flat, info.name
        for col in info.columns:
            assert f"\n    {col.shown}\n" in block and " ".join(col.text(lang).split()) in flat
        assert (columns in block) == bool(info.columns)
    assert "127.0.0.1" not in opendata.readme(guide, lang)
    assert "example.org" not in opendata.readme(guide, lang)  # no address without SITE_URL


def opendata_date(value: str, lang: str) -> str:
    from sanctuary.render import format_date

    return format_date(value, lang)


def test_the_spanish_readme_reads_in_spanish(guide):
    es = " ".join(opendata.readme(guide, "es").split())
    for key, columns in opendata.COLUMNS.items():
        for column in columns:
            text = opendata.column_text(key, column)
            assert " ".join(text.es.split()) in es
            if text.en != text.es:
                assert " ".join(text.en.split()) not in es
    assert "Obra del gobierno de EE. UU., de dominio público" in es and "U.S. government work" not in es


def test_the_download_is_one_reproducible_zip_with_both_readmes(guide, tmp_path):
    written = opendata.write(guide, tmp_path / "a")
    archive = tmp_path / "a" / opendata.ZIP_NAME
    assert archive in written
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert names[:2] == ["sanctuary-guide-data/README.txt", "sanctuary-guide-data/LEEME.txt"]
        assert {n.split("/", 1)[1] for n in names} == {p.name for p in written if p != archive}
        assert zf.read("sanctuary-guide-data/LEEME.txt").decode("utf-8") == opendata.readme(guide, "es")
    opendata.write(guide, tmp_path / "b")
    assert (tmp_path / "b" / opendata.ZIP_NAME).read_bytes() == archive.read_bytes()


def _rows(guide, prefix: str) -> list[dict]:
    name, (columns, rows) = next((n, t) for n, t in opendata.tables(guide).items() if n.startswith(prefix))
    return list(csv.DictReader(io.StringIO(opendata._csv(rows, columns))))


def test_the_doj_lists_codes_are_what_their_names_say(guide):
    fips = {s.code: s.fips for s in guide.states}
    rows = _rows(guide, "doj_list")
    assert rows and list(rows[0]) == ["name", "kind", "state", "state_fips", "county_fips", "guide_places"]
    for r in rows:
        assert r["state_fips"] == fips[r["state"]], r  # the state's own two-digit code
        if r["kind"] == "county":
            assert re.fullmatch(r"\d{5}", r["county_fips"]) and r["county_fips"][:2] == r["state_fips"], r
            assert guide.area_of_county(r["county_fips"]) is not None
        else:
            assert r["county_fips"] == "", r


def _read_doj(*rows: tuple[str, str, str, str, str]) -> tuple[list, list[str]]:
    from sanctuary.errors import FileCheck
    from sanctuary.reference import doj
    from sanctuary.reference.table import Row

    errors: list = []
    keys = ("jurisdiction", "jurisdiction_type", "state_abbr", "state_fips", "county_fips")
    found = doj.read_rows([Row(i + 2, dict(zip(keys, r))) for i, r in enumerate(rows)], FileCheck("doj.csv", errors),
                          {"CA": "06", "MD": "24"}, {"06073", "24005"})
    return found, [str(e) for e in errors]


@pytest.mark.parametrize("row, message", [
    (("San Diego County", "county", "CA", "06", "06073"), None),
    (("California", "state", "CA", "06", ""), None),
    (("California", "state", "CA", "CA", ""), "doj.csv:2: state_fips: state_fips must be the state's 2-digit FIPS code (got 'CA')"),
    (("California", "state", "CA", "6", ""), "doj.csv:2: state_fips: state_fips must be the state's 2-digit FIPS code (got '6')"),
    (("California", "state", "CA", "24", ""), "doj.csv:2: state_fips: '24' is not the FIPS code of 'CA' (the state layer has '06')"),
    (("San Diego County", "county", "CA", "06", "6073"),
     "doj.csv:2: county_fips: a listed county needs its 5-digit county FIPS, beginning with its state's 06 (got '6073')"),
    (("San Diego County", "county", "CA", "06", "24005"),
     "doj.csv:2: county_fips: a listed county needs its 5-digit county FIPS, beginning with its state's 06 (got '24005')"),
    (("San Diego County", "county", "CA", "06", "06999"), "doj.csv:2: county_fips: '06999' is no county of the Census layer"),
    (("Berkeley", "city", "CA", "06", "06001"),
     "doj.csv:2: county_fips: a listed city has no county FIPS: leave county_fips empty (got '06001')"),
    (("California", "state", "CA", "06", "06"), "doj.csv:2: county_fips: a listed state has no county FIPS: leave county_fips empty (got '06')"),
])
def test_the_doj_lists_codes_are_checked_when_read(row, message):
    found, errors = _read_doj(row)
    assert errors == ([message] if message else [])
    assert len(found) == (0 if message else 1)


def test_each_row_of_counties_and_cities_carries_its_own_layers_dates(guide):
    from sanctuary.reference.snapshots import Kind

    for prefix, kind in (("counties", Kind.census_counties), ("cities", Kind.census_cities)):
        rows = _rows(guide, prefix)
        census = guide.reference.current(kind).snapshot
        assert {r["census_as_of"] for r in rows} == {census.as_of}
        assert {r["ice_287g_as_of"] for r in rows} == {guide.agreements_layer.snapshot.as_of}


# ------------------------------------------------------------------------------ on the site


def _page(site, edition: str) -> BeautifulSoup:
    return BeautifulSoup((site / edition / "open-data" / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("edition, lang", [("", "en"), ("es/", "es")])
def test_the_open_data_page_shows_each_files_sources_and_columns_in_its_language(site, guide, edition, lang):
    soup = _page(site, edition)
    files = soup.select("ul.sg-open-data > li")
    links = [a["href"].rsplit("/", 1)[-1] for li in files for a in li.select(":scope > a[download]")]
    assert links == [opendata.ZIP_NAME] + [name for name, _ in opendata.files(guide)]
    assert {a["href"].rsplit("/", 1)[-1] for a in soup.select("a[hreflang]") if "downloads/data" in a["href"]} == {"README.txt", "LEEME.txt"}
    for info in opendata.file_infos(guide):
        item = next(li for li in files if li.select_one(f":scope > a[href$='/{info.name}']"))
        details = item.select_one("details")
        assert details is not None and len(details.select("ul > li")) == len(info.sources) + bool(info.dated)
        rows = details.select("tbody tr")
        assert [r.th.get_text(strip=True) for r in rows] == [c.shown for c in info.columns]
        assert [r.td.get_text(strip=True) for r in rows] == [c.text(lang) for c in info.columns]
    for name in ("README.txt", "LEEME.txt"):
        assert (site / "downloads" / "data" / name).is_file()
