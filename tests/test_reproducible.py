"""The same commit builds the same bytes: dates come from the data or SOURCE_DATE_EPOCH, never from
the clock or file times."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path

import pytest

from sanctuary import manifest, package

ROOT = Path(__file__).resolve().parent.parent


def digests(folder: Path, skip: str = "") -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not (skip and p.relative_to(folder).as_posix().startswith(skip))}


def test_a_second_build_gives_the_same_bytes(public_site, tmp_path, monkeypatch):
    """Build the English edition again, later, as the session's public build was made (conftest.
    public_site: its address, the sample states' county pages), and compare every file."""
    from conftest import PUBLIC
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    time.sleep(1.1)  # a build that used the clock would now differ
    monkeypatch.setitem(os.environ, "SITE_URL", PUBLIC)
    monkeypatch.setitem(os.environ, "SANCTUARY_AREAS", "sample")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "again"), strict=True))
    first, second = digests(public_site, skip="es/"), digests(tmp_path / "again")
    assert set(first) == set(second)
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []
    assert any(name.endswith(".csv") for name in first) and any(name.endswith(".json") for name in first)
    assert any(name.startswith("counties/") for name in first)


def test_zip_is_the_same_bytes_whatever_the_file_times(tmp_path):
    folder = tmp_path / "offline"
    (folder / "es").mkdir(parents=True)
    (folder / "index.html").write_text("<p>hola</p>")
    (folder / "es" / "index.html").write_text("<p>hola</p>")
    one = package.make_zip(folder, tmp_path / "a", "2026-11-28").read_bytes()
    os.utime(folder / "index.html", (1_000_000, 1_000_000))
    two = package.make_zip(folder, tmp_path / "b", "2026-11-28").read_bytes()
    assert one == two
    assert package.make_zip(folder, tmp_path / "c", "2026-11-29").read_bytes() != one  # the date is in it


def test_manifest_lists_what_was_made(tmp_path):
    (tmp_path / "offline").mkdir()
    (tmp_path / "offline" / "index.html").write_text("<p>hi</p>")
    out = tmp_path / "downloads"
    archive = package.make_zip(tmp_path / "offline", out, "2026-11-28")
    [item] = manifest.read(out)
    assert (item.name, item.kind, item.lang, item.date) == (archive.name, "zip", None, "2026-11-28")
    assert item.bytes == archive.stat().st_size and item.sha256 == hashlib.sha256(archive.read_bytes()).hexdigest()
    archive.unlink()
    with pytest.raises(FileNotFoundError, match="lists sanctuary-guide-offline.zip"):
        manifest.read(out)


def test_the_build_date_comes_from_the_data(guide):
    assert guide.data_date >= guide.last_reviewed
    assert time.strftime("%Y-%m-%d", time.gmtime(guide.build_epoch)) == guide.data_date
