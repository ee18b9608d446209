from __future__ import annotations

import pytest

from sanctuary.paths import Links, page_url


@pytest.mark.parametrize(
    "src, dir_urls, url",
    [
        ("index.md", True, ""),
        ("compare.md", True, "compare/"),
        ("places/index.md", True, "places/"),
        ("places/long-beach.md", True, "places/long-beach/"),
        ("index.md", False, "index.html"),
        ("places/long-beach.md", False, "places/long-beach.html"),
    ],
)
def test_page_url(src, dir_urls, url):
    assert page_url(src, dir_urls) == url


@pytest.mark.parametrize(
    "here, target, anchor, dir_urls, expected",
    [
        ("index.md", "compare.md", None, True, "compare/"),
        ("index.md", "index.md", None, True, "./"),
        ("compare.md", "index.md", None, True, "../"),
        ("places/sf.md", "places/la.md", "ie3", True, "../la/#ie3"),
        ("places/sf.md", "places/sf.md", "ie3", True, "#ie3"),
        ("places/sf.md", "compare.md", None, False, "../compare.html"),
        ("places/index.md", "places/sf.md", None, False, "sf.html"),
        ("compare.md", "compare.md", None, False, "compare.html"),
    ],
)
def test_relative_links(here, target, anchor, dir_urls, expected):
    assert Links(here, dir_urls).to(target, anchor) == expected


@pytest.mark.parametrize("target, base", [
    ("a/b/c", "a/b"), ("a/b", "a/b/c"), ("x/y", "a/b"), (".", "a"), ("a", "."), (".", "."), ("a/b", "a/b"),
    ("counties/tx/harris", "states/tx"), ("assets/x.css", "es/counties/ca/alpine"),
])
def test_relpath_matches_posixpath(target, base):
    import posixpath

    from sanctuary.paths import relpath

    assert relpath(target, base) == posixpath.relpath(target, base)
