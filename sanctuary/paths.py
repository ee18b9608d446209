"""Where each page lives, the site's display limits, and relative links between pages
(pure; mirrors MkDocs' URL rules). Templates and scripts take paths and limits from here."""

from __future__ import annotations

import posixpath

# Hand-written pages (docs/<lang>/...), by role.
HOME = "index.md"
COMPARE = "compare.md"
PLACES = "places/index.md"
STATES = "states/index.md"
METHOD = "method.md"
GLOSSARY = "glossary.md"
OPEN_DATA = "open-data.md"
CHECK = "check.md"
# The offline edition's view of every county and city nobody has researched (sanctuary/areaview.py):
# ``area.html#counties/tx/harris`` shows what ``counties/tx/harris/`` shows online.
AREA_VIEW = "area.md"
AREA_DATA_DIR = "assets/areas"
OFFLINE_START = "start.html"  # the downloaded guide's first page, in both languages
ICE_287G = "ice-287g.md"

# Published files outside the pages.
DOWNLOADS = "downloads"  # at the top of the site, shared by both editions
OPEN_DATA_DIR = "downloads/data"
MANIFEST = "manifest.json"  # in the downloads folder: what `make build` made

# Pages stay light as the data grows toward every county (~3,300 places): lists longer than
# these are cut, with a note and a way to the rest (state pages, the compare filter).
LIST_LIMIT = 200
ADOPTERS_LIMIT = 50
PLACES_PER_STATE_LIMIT = 12
TOWNS_LIMIT = 5  # a county page names its largest towns
CARD_SOURCES = 4  # a printed report card names this many sources (it must stay on one page)


def section_page(section_id: str) -> str:
    return f"{section_id}.md"


def provision_page(section_id: str, slug: str) -> str:
    """A provision's own page, under its section's address (criminal-justice/no-private-prisons/)."""
    return f"{section_id}/{slug}.md"


def place_page(slug: str) -> str:
    return f"places/{slug}.md"


def state_page(code: str) -> str:
    return f"states/{code.lower()}.md"


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The URL (relative to the site root) that MkDocs gives a Markdown file."""
    stem, _ = posixpath.splitext(src_path)
    name = posixpath.basename(stem)
    folder = posixpath.dirname(stem)
    if not use_directory_urls:
        return f"{stem}.html"
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def relpath(target: str, base: str) -> str:
    """posixpath.relpath for paths relative to the site root (no '..' in them), without its
    os.getcwd() call: the build computes this some 200,000 times."""
    t = [p for p in target.split("/") if p and p != "."]
    b = [p for p in base.split("/") if p and p != "."]
    common = 0
    for x, y in zip(t, b):
        if x != y:
            break
        common += 1
    parts = [".."] * (len(b) - common) + t[common:]
    return "/".join(parts) or "."


class Links:
    """Relative links from one page to others, valid online, offline and under a sub-path."""

    def __init__(self, from_src: str, use_directory_urls: bool = True):
        self.src = from_src
        self.use_directory_urls = use_directory_urls
        self.here = page_url(from_src, use_directory_urls)

    def _base(self) -> str:
        """The folder a relative link on this page resolves against."""
        if self.use_directory_urls:
            return self.here.rstrip("/") or "."
        return posixpath.dirname(self.here) or "."

    def to(self, src_path: str, anchor: str | None = None) -> str:
        target = page_url(src_path, self.use_directory_urls)
        if target == self.here and anchor:
            return f"#{anchor}"
        if self.use_directory_urls:
            rel = relpath(target.rstrip("/") or ".", self._base())
            rel = "./" if rel == "." else rel + "/"
        else:
            rel = relpath(target, self._base())
        return f"{rel}#{anchor}" if anchor else rel

    def asset(self, path: str) -> str:
        """Link to a static file (e.g. 'assets/x.css') relative to this page."""
        return relpath(path, self._base())


def area_route(area) -> str:
    """The offline view's address of a county or city page: 'counties/tx/harris'."""
    return area.src.removesuffix(".md")
