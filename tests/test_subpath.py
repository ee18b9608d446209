"""Published under a project sub-path (https://user.github.io/repo/): the English edition built
for such an address keeps its 404 page, canonical links and sitemap right."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from bs4 import BeautifulSoup

from sanctuary.linkcheck import check_site

ROOT = Path(__file__).resolve().parent.parent
ADDRESS = "https://example.github.io/sanctuary-guide/"


def test_site_works_under_a_project_sub_path(tmp_path, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setitem(os.environ, "SITE_URL", ADDRESS)
    monkeypatch.setitem(os.environ, "SANCTUARY_AREAS", "sample")  # the county pages of a few states: enough here
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path), strict=True))
    # the 404 page is served at any depth, so its links are absolute: under the sub-path
    soup = BeautifulSoup((tmp_path / "404.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("a[href]") if not a["href"].startswith(("http", "#", "mailto"))]
    links += [link["href"] for link in soup.select("link[rel=stylesheet]")]
    assert links and all(h.startswith("/sanctuary-guide/") for h in links), links
    assert check_site(tmp_path, ignore_targets=("es/",), base_path="/sanctuary-guide/") == []
    home = BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("link[rel=canonical]")["href"] == ADDRESS
    place = BeautifulSoup((tmp_path / "cities" / "ca" / "long-beach" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert place.select_one("meta[property='og:url']")["content"] == ADDRESS + "cities/ca/long-beach/"
    sitemap = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{ADDRESS}cities/ca/long-beach/</loc>" in sitemap
    assert f'hreflang="es" href="{ADDRESS}es/cities/ca/long-beach/"' in sitemap
    assert f"Sitemap: {ADDRESS}sitemap.xml" in (tmp_path / "robots.txt").read_text(encoding="utf-8")
