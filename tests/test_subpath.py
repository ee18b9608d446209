"""Published under a project sub-path (https://user.github.io/repo/): the site built for such an
address keeps its 404 page, canonical links and sitemap right."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import PUBLIC as ADDRESS  # a project sub-path, as on GitHub Pages (conftest.public_site)

from sanctuary.linkcheck import check_site


def test_site_works_under_a_project_sub_path(public_site):
    tmp_path = public_site  # both editions, built for ADDRESS (conftest.public_site)
    # the 404 page is served at any depth, so its links are absolute: under the sub-path
    soup = BeautifulSoup((tmp_path / "404.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("a[href]") if not a["href"].startswith(("http", "#", "mailto"))]
    links += [link["href"] for link in soup.select("link[rel=stylesheet]")]
    assert links and all(h.startswith("/sanctuary-guide/") for h in links), links
    assert check_site(tmp_path, base_path="/sanctuary-guide/") == []
    home = BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("link[rel=canonical]")["href"] == ADDRESS
    place = BeautifulSoup((tmp_path / "cities" / "ca" / "long-beach" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert place.select_one("meta[property='og:url']")["content"] == ADDRESS + "cities/ca/long-beach/"
    sitemap = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{ADDRESS}cities/ca/long-beach/</loc>" in sitemap
    assert f'hreflang="es" href="{ADDRESS}es/cities/ca/long-beach/"' in sitemap
    assert f"Sitemap: {ADDRESS}sitemap.xml" in (tmp_path / "robots.txt").read_text(encoding="utf-8")
