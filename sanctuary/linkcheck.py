"""Check every internal link and anchor in a built site (plain Python, no mkdocs).

MkDocs validates links written in Markdown; the generated blocks are HTML, so the built site
is checked as a whole: every relative ``href``/``src`` must reach a file, and every ``#anchor``
an element with that id.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The pages are MkDocs' output (double-quoted attributes), so regular expressions are exact
# enough here and ten times faster than an HTML parser over thousands of pages.
_ID = re.compile(r'\sid="([^"]*)"')
_ANCHOR_NAME = re.compile(r'<a\s[^>]*?\bname="([^"]*)"')
_REF = re.compile(r'<(a|link|script|img|source|iframe)\s[^>]*?\b(?:href|src)="([^"]*)"', re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


class _Collect:
    def __init__(self, text: str) -> None:
        text = _COMMENT.sub("", text)
        self.ids: set[str] = {html.unescape(v) for v in _ID.findall(text)} | {html.unescape(v) for v in _ANCHOR_NAME.findall(text)}
        self.refs: list[tuple[str, str]] = [(tag.lower(), html.unescape(v)) for tag, v in _REF.findall(text)]


def _parse(path: Path) -> _Collect:
    return _Collect(path.read_text(encoding="utf-8"))


def check_site(
    site_dir: str | Path,
    only_prefix: str = "",
    ignore_targets: tuple[str, ...] = (),
    base_path: str = "/",
    routes: dict[str, set[str]] | None = None,
) -> list[str]:
    """Return one message per broken internal link, as ``page.html: href: problem``.

    ``only_prefix`` checks only the pages under it (one edition); ``ignore_targets`` skips links
    into folders not built yet (the other edition, while the first one builds).
    ``base_path`` is the path of ``site_url`` (e.g. ``/repo/`` on GitHub Pages): links starting
    with it (as on the 404 page, which must work at any depth) are resolved from the site root.
    ``routes`` gives, for a page that shows content by its address (the offline county view), the
    fragments it answers besides its element ids.
    """
    routes = routes or {}
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    site = Path(site_dir)
    # One walk of the site: every file and folder, so links are checked without a stat each.
    files: set[str] = set()
    folders: set[str] = {"."}
    for dirpath, dirnames, filenames in os.walk(site):
        here = Path(dirpath).relative_to(site).as_posix()
        folders.update(posixpath.normpath(posixpath.join(here, d)) for d in dirnames)
        files.update(posixpath.normpath(posixpath.join(here, f)) for f in filenames)
    pages = sorted(f for f in files if f.endswith(".html"))
    parsed: dict[str, _Collect] = {}

    def get(rel: str) -> _Collect:
        if rel not in parsed:
            parsed[rel] = _parse(site / rel)
        return parsed[rel]

    problems: list[str] = []
    for rel in pages:
        if not rel.startswith(only_prefix):
            continue
        base_dir = posixpath.dirname(rel)
        for tag, ref in get(rel).refs:
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith("//") or ref.startswith("data:"):
                continue
            target = rel
            if parts.path.startswith("/"):
                if not parts.path.startswith(base_path):
                    problems.append(f"{rel}: {ref}: absolute link outside the site's path {base_path}")
                    continue
                joined = posixpath.normpath(unquote(parts.path[len(base_path):]) or ".")
            elif parts.path:
                joined = posixpath.normpath(posixpath.join(base_dir, unquote(parts.path)))
            if parts.path:
                if any(joined == t.rstrip("/") or joined.startswith(t) for t in ignore_targets):
                    continue
                if joined.startswith("../") or joined == "..":
                    problems.append(f"{rel}: {ref}: points outside the site")
                    continue
                if joined in folders or parts.path.endswith("/"):
                    joined = posixpath.normpath(posixpath.join(joined, "index.html"))
                if joined not in files:
                    problems.append(f"{rel}: {ref}: no such file")
                    continue
                target = joined
            if parts.fragment and tag == "a" and target.endswith(".html"):
                fragment = unquote(parts.fragment)
                if fragment not in get(target).ids and fragment not in routes.get(target, ()):
                    problems.append(f"{rel}: {ref}: no element with id {fragment!r} in {target}")
    return problems
