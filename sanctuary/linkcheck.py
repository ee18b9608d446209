"""Check every internal link and anchor in a built site (plain Python, no mkdocs).

MkDocs validates links written in Markdown; the generated blocks are HTML, so the built site
is checked as a whole: every relative ``href``/``src`` must reach a file, and every ``#anchor``
an element with that id.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []  # (attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            elif name in ("href", "src") and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.refs.append((tag, value))


def _parse(path: Path) -> _Collect:
    parser = _Collect()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def check_site(
    site_dir: str | Path,
    only_prefix: str = "",
    ignore_targets: tuple[str, ...] = (),
    base_path: str = "/",
) -> list[str]:
    """Return one message per broken internal link, as ``page.html: href: problem``.

    ``only_prefix`` checks only the pages under it (one edition); ``ignore_targets`` skips links
    into folders not built yet (the other edition, while the first one builds).
    ``base_path`` is the path of ``site_url`` (e.g. ``/repo/`` on GitHub Pages): links starting
    with it (as on the 404 page, which must work at any depth) are resolved from the site root.
    """
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    site = Path(site_dir)
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}
    parsed: dict[str, _Collect] = {}

    def get(rel: str) -> _Collect:
        if rel not in parsed:
            parsed[rel] = _parse(pages[rel])
        return parsed[rel]

    problems: list[str] = []
    for rel in sorted(pages):
        if not rel.startswith(only_prefix):
            continue
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
                joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
            if parts.path:
                if any(joined == t.rstrip("/") or joined.startswith(t) for t in ignore_targets):
                    continue
                if joined.startswith("../") or joined == "..":
                    problems.append(f"{rel}: {ref}: points outside the site")
                    continue
                path = site / joined if joined != "." else site
                if path.is_dir() or parts.path.endswith("/"):
                    path = path / "index.html"
                if not path.is_file():
                    problems.append(f"{rel}: {ref}: no such file")
                    continue
                target = path.relative_to(site).as_posix()
            if parts.fragment and tag == "a" and target.endswith(".html"):
                fragment = unquote(parts.fragment)
                if fragment not in get(target).ids:
                    problems.append(f"{rel}: {ref}: no element with id {fragment!r} in {target}")
    return problems
