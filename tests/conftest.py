"""Shared fixtures: the real data, and the real site built once per test session."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from sanctuary.load import load_guide

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"en": "mkdocs.yml"}


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def guide():
    return load_guide(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """Build every edition with the project's real configuration, in-process, into a temp folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = tmp_path_factory.mktemp("site")
    for lang, config_file in EDITIONS.items():
        site_dir = out if lang == "en" else out / lang
        config = load_config(str(ROOT / config_file), site_dir=str(site_dir), strict=True)
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        build(config)  # raises on any warning (strict), data error or broken link
    return out
