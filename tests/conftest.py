"""Shared fixtures: the real data, and the real site built once per test session.

Tests are marked by what they cost, from the fixtures they use (see pytest_collection_modifyitems):
`site` (the session's build of both languages), `browser` (Chromium), `slow` (a build of its own:
the offline edition, a copy of the project). `make test-fast` runs the rest.
"""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

import pytest

from sanctuary.load import load_guide

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"en": "mkdocs.yml", "es": "mkdocs.es.yml"}


_MARKS = {"site": "site", "base_url": "site", "site_url": "site", "browser": "browser", "offline": "slow",
          "public_site": "slow"}
# The address of the public build (public_site): a project sub-path, as on GitHub Pages.
PUBLIC = "https://example.org/sanctuary-guide/"


def pytest_collection_modifyitems(config, items):
    for item in items:
        for fixture, mark in _MARKS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(mark)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def guide():
    return load_guide(ROOT)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def site_url() -> str:
    """The address the test server will use: the site is built for it, as it is for its real host."""
    return f"http://127.0.0.1:{_free_port()}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory, site_url) -> Path:
    """Build every edition with the project's real configuration, in-process, into a temp folder."""
    os.environ["SITE_URL"] = site_url
    out = tmp_path_factory.mktemp("site")
    _build_editions(out)
    return out


def _build_editions(out: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    for lang, config_file in EDITIONS.items():
        site_dir = out if lang == "en" else out / lang
        config = load_config(str(ROOT / config_file), site_dir=str(site_dir), strict=True)
        build(config)  # raises on any warning (strict), data error or broken link


@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> Path:
    """Both editions built for a public address under a sub-path (PUBLIC): what is printed with a
    QR code (the session's site is built for 127.0.0.1, which prints none) and what must hold
    under a project sub-path. The county pages of the sample states only."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = tmp_path_factory.mktemp("public-site")
    saved = {k: os.environ.get(k) for k in ("SITE_URL", "SANCTUARY_AREAS")}
    os.environ.update(SITE_URL=PUBLIC, SANCTUARY_AREAS="sample")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        for config_file, site_dir in (("mkdocs.yml", out), ("mkdocs.es.yml", out / "es")):
            build(load_config(str(ROOT / config_file), site_dir=str(site_dir), strict=True))
    finally:
        for k, v in saved.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
    return out


@pytest.fixture(scope="session")
def browser():
    """One Debian Chromium for the whole session, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    from sanctuary.chromium import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def base_url(site, site_url):
    """The built site, served at the address it was built for, as on its real host."""
    from urllib.parse import urlsplit

    from browser import serve

    with serve(site, urlsplit(site_url).port) as url:
        assert url == site_url
        yield url


@pytest.fixture(scope="session")
def offline(tmp_path_factory, browser) -> dict[str, Path]:
    """The offline edition as `make build` makes it: both languages, zipped, and the PDFs."""
    from sanctuary import package, printable
    from sanctuary.load import load_guide

    guide = load_guide(ROOT)
    out = tmp_path_factory.mktemp("offline")
    os.environ["OFFLINE"] = "true"
    try:
        _build_editions(out / "site")
    finally:
        del os.environ["OFFLINE"]
    downloads = out / "downloads"
    archive = package.make_zip(out / "site", downloads, guide.data_date)
    pdfs = printable.make_pdfs(guide, out / "site", downloads, browser=browser)
    return {"site": out / "site", "zip": archive, "pdf_en": pdfs[0], "pdf_es": pdfs[1]}
