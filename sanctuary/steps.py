"""Build steps that are not MkDocs's business, as plain functions (called by hooks.py's thin
adapters, and from the command line: ``python -m sanctuary --help``).

Nothing here imports mkdocs; each step takes folders and values and returns what it did.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from . import areaview, csp, editions, manifest, opendata, paths, search, sitemap
from .guide import Guide
from .linkcheck import check_site
from .paths import DOWNLOADS, OFFLINE_START, OPEN_DATA_DIR

ASSETS = Path(__file__).parent / "assets"
SPANISH_FOLD = ASSETS / "lunr-es-fold.js"
LUNR_ES = "assets/javascripts/lunr/min/lunr.es.min.js"


class StepError(RuntimeError):
    """A build step that cannot go on (the hooks turn it into a failed build)."""


def site_root_url(site_url: str | None, prefix: str) -> str:
    """The published site's root address, from one edition's ``site_url`` (which may or may not
    already end in the edition's prefix)."""
    root = (site_url or "/").rstrip("/") + "/"
    if prefix and root.endswith("/" + prefix):
        root = root[: -len(prefix)]
    return root


# mkdocs.yml's site_url when SITE_URL is unset: a local address, never one to publish in previews.
LOCAL_ROOT_URL = "http://127.0.0.1:8000/"


def is_published(root_url: str) -> bool:
    """Whether the site was given its public address (SITE_URL). Without it the pages carry no
    absolute address (canonical link, og:url, og:image): a share preview must not point at a
    reader's own machine."""
    return root_url != LOCAL_ROOT_URL


def fold_spanish_search(site_dir: Path) -> None:
    """Append accent folding (sanctuary/assets/lunr-es-fold.js) to Material's Spanish lunr support."""
    path = site_dir / LUNR_ES
    if not path.is_file():
        raise StepError(f"{path} not found: Material's Spanish search support moved; update sanctuary/steps.py")
    fold = SPANISH_FOLD.read_text(encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    if fold.splitlines()[0] not in text:
        path.write_text(text + "\n" + fold, encoding="utf-8")


LUNR = "assets/javascripts/lunr"
# Material's worker loads lunr's stemmer support and lunr.<lang>.min.js for a search language
# other than English, lunr.multi for more than one, and tinyseg/wordcut for Japanese and Thai only.
_LUNR_ALWAYS = ("min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js")


def drop_unused_lunr(site_dir: Path, langs: list[str]) -> list[str]:
    """Remove the search languages the edition does not search in (Material copies all 31 and
    two word splitters, 1.2 MB per edition, 0.5 MB of the zip). Returns the files removed."""
    folder = site_dir / LUNR
    if not (folder / "min").is_dir():
        raise StepError(f"{folder}/min not found: Material's search languages moved; update sanctuary/steps.py")
    keep = set(_LUNR_ALWAYS) | {f"min/lunr.{lang}.min.js" for lang in langs}
    gone = []
    for path in sorted(folder.rglob("*.js")):
        name = path.relative_to(folder).as_posix()
        if name not in keep:
            path.unlink()
            gone.append(name)
    return gone


def robots(site_dir: Path, root_url: str) -> None:
    """robots.txt, naming each edition's sitemap when the site has its public address (a sitemap
    is published only then: its addresses must be absolute)."""
    sitemaps = "".join(f"Sitemap: {root_url}{e.prefix}sitemap.xml\n" for e in editions.EDITIONS) if is_published(root_url) else ""
    (site_dir / "robots.txt").write_text("User-agent: *\nAllow: /\n" + sitemaps, encoding="utf-8")


def drop_sitemap(site_dir: Path) -> list[str]:
    """Without the site's public address (no SITE_URL) there is no sitemap: one must list absolute
    addresses, and MkDocs would write this machine's. Returns the files removed."""
    gone = []
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        path = site_dir / name
        if path.is_file():
            path.unlink()
            gone.append(name)
    return gone


def copy_downloads(downloads: Path, site_dir: Path) -> list[manifest.Download]:
    """Publish the downloads the manifest lists (with the manifest) at the top of the site."""
    items = manifest.read(downloads)
    if items:
        target = site_dir / DOWNLOADS
        target.mkdir(parents=True, exist_ok=True)
        for item in items:
            shutil.copyfile(downloads / item.name, target / item.name)
    return items


# Elements whose text keeps its whitespace exactly (and inline scripts keep their CSP hashes).
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n\s+")  # indentation, and the blank lines Material's templates leave
CARD_START = '<div class="sg-card"'
_DIV = re.compile(r"<(/?)div\b", re.I)
CARD_SUFFIX = ".card.js"
CARD_CALLBACK = "sgCard"  # guide.js defines it before it loads a card's script


def detach_card(text: str, script: str) -> tuple[str, str | None]:
    """Cut a page's report card (render.report_card: hidden until the reader asks to print it) out
    of the page: it is a tenth of a county page, and few readers print it. Returns the page, with
    an empty slot where the card was (guide.js loads ``script``, the card's file, into it), and the card's HTML, or
    the page unchanged and None when it has no card."""
    start = text.find(CARD_START)
    if start < 0:
        return text, None
    depth = 0
    for m in _DIV.finditer(text, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            end = text.index(">", m.end()) + 1
            break
    else:
        raise StepError(f"a report card without its closing </div> (at character {start})")
    slot = f'<div class="sg-card-slot" data-card-src="{html.escape(script)}"></div>'
    return text[:start] + slot + text[end:], text[start:end]


def card_script(card: str) -> str:
    """The script a page loads to show its card: a call with the card's HTML as a JSON string
    (a script, not a fetch, so it works from file:// in the offline edition too)."""
    return f"{CARD_CALLBACK}({json.dumps(card)});\n"


def compact_html(site_dir: Path, skip: tuple[str, ...] = (), then: Callable[[str], str] | None = None) -> int:
    """Drop the indentation at the start of lines and blank lines in every page (outside pre,
    textarea, script and style): Material's templates indent deeply, and on 6,000 county pages
    that is about a tenth of each page. A newline stays, so no words run together. Also move each
    report card into its own script beside the page (:func:`detach_card`), and apply ``then`` to
    the compacted page (the CSP online: one read and one write of each of 6,000 pages, not two).
    ``skip``: the folders of the other editions (built on their own). Returns the bytes saved on
    the pages by compacting."""
    saved = 0
    for path in site_dir.rglob("*.html"):
        if skip and path.relative_to(site_dir).as_posix().startswith(skip):
            continue
        text = path.read_text(encoding="utf-8")
        name = path.stem + CARD_SUFFIX
        new, card = detach_card(text, name)
        if card is not None:
            path.with_name(name).write_text(card_script(_compact(card)), encoding="utf-8")
        new = _compact(new)
        saved += len(text.encode()) - len(new.encode())
        if then is not None:
            new = then(new)
        if new != text:
            path.write_text(new, encoding="utf-8")
    return saved


def _compact(text: str) -> str:
    parts = _VERBATIM.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 3 == 1:
            out.append(part)  # a verbatim element
        elif i % 3 == 0:
            out.append(_INDENT.sub("\n", part))
    return "".join(out)


def add_search_entries(guide: Guide, site_dir: Path, lang: str, offline: bool) -> int:
    """Search entries made from the data (sanctuary/search.py): a section for each glossary term,
    and offline, where the counties and cities nobody has researched have no page each, an entry
    for each (its name, leading to the offline view) so they are found by name there too."""
    entries = search.glossary_entries(guide, lang, use_directory_urls=not offline)
    if offline:
        entries += areaview.search_entries(guide, lang)
    try:
        return search.add_entries(site_dir, entries)
    except FileNotFoundError as exc:
        raise StepError(str(exc)) from None


def post_build(guide: Guide, site_dir: Path, lang: str, *, root_url: str, offline: bool, downloads: Path) -> None:
    """Everything after MkDocs wrote one edition: search tweaks, open data, robots.txt and the
    downloads (at the top, once), then the link check, and online only the CSP and hreflang."""
    edition = editions.edition(lang)
    top = site_dir.parents[edition.prefix.count("/") - 1] if edition.prefix else site_dir
    others = tuple(e.prefix for e in editions.others(lang) if e.prefix)
    # Online, each page gets its CSP in the same pass (under file:// browsers give pages no usable
    # origin for 'self'). The policy hashes the page's inline scripts, which compacting leaves as they are.
    compact_html(site_dir, skip=others if not edition.prefix else (), then=None if offline else csp.add_policy)
    add_search_entries(guide, site_dir, lang, offline)
    drop_unused_lunr(site_dir, [lang])
    if lang == "es":
        fold_spanish_search(site_dir)
    if not edition.prefix:
        try:
            opendata.write(guide, site_dir / OPEN_DATA_DIR, root_url if is_published(root_url) else None, bundle=not offline)
        except ValueError as exc:
            raise StepError(str(exc)) from None
        if offline:  # the downloaded guide opens on a page in both languages
            from . import render

            (site_dir / OFFLINE_START).write_text(render.offline_start(guide), encoding="utf-8")
        robots(site_dir, root_url)
        if not offline:
            copy_downloads(downloads, site_dir)
    # The first edition is built first: its links into the others are checked by the later
    # builds and by the tests, which check the whole site.
    routes = {}
    if offline:  # the offline view answers these addresses (area.html#counties/tx/harris)
        view = posixpath.join(edition.prefix, paths.page_url(paths.AREA_VIEW, False)).lstrip("/")
        routes[view] = areaview.routes(guide)
    problems = check_site(top, only_prefix=edition.prefix, ignore_targets=others if not edition.prefix else (),
                          base_path=urlsplit(root_url).path, routes=routes)
    if problems:
        raise StepError("Broken internal links:\n" + "\n".join(problems))
    if not offline:
        if is_published(root_url):
            sitemap.add_alternates(site_dir / "sitemap.xml", root_url, {e.lang: e.prefix for e in editions.EDITIONS}, edition.prefix)
    if not is_published(root_url):
        drop_sitemap(site_dir)
