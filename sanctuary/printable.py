"""The printable guide, one PDF per language: the guide itself, bounded in size however many
places exist (plain Python; prints the offline build with Chromium through sanctuary.printing).

Chapters: the home page, the three sections (each section's overview, then each of its
provisions' own page), the states overview, the method, the glossary and the 2016 guide's sample
places. Lists that grow with the data (every place, every county) are not
chapters, and the pages' print styles leave out what grows (see guide.css, ``sg-screen-only``).
"""

from __future__ import annotations

from pathlib import Path

from . import editions, manifest, paths
from .guide import Guide
from .printing import Chapter, print_edition

PDF_NAME = "sanctuary-guide-{lang}.pdf"


def html_path(src: str) -> str:
    """The offline build's file for a page source ('states/index.md' -> 'states/index.html')."""
    return paths.page_url(src, use_directory_urls=False)


def chapters(guide: Guide, lang: str) -> list[Chapter]:
    """The printable guide's chapters, in reading order, with their bookmark titles."""
    out = [Chapter(guide.label("site_name", lang), html_path(paths.HOME))]
    for s in guide.sections:
        out.append(Chapter(s.title(lang), html_path(paths.section_page(s.id))))
        out += [Chapter(f"{p.code}. {p.title(lang)}", html_path(guide.page_of_provision(p.code))) for p in s.provisions]
    out += [Chapter(guide.label("chapter_states", lang), html_path(paths.STATES)),
            Chapter(guide.label("chapter_method", lang), html_path(paths.METHOD)),
            Chapter(guide.label("glossary", lang), html_path(paths.GLOSSARY))]
    out += [Chapter(p.name(lang), html_path(guide.page_of_place(p.slug))) for p in guide.places_sorted(lang) if p.sample]
    return out


def make_pdfs(guide: Guide, offline: Path, out_dir: Path, browser=None) -> list[Path]:
    """Print each edition's chapters from the offline build into ``out_dir`` and record them in
    the downloads manifest. Uses the given Playwright browser, or starts Debian's Chromium."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        from .chromium import CHROMIUM_ARGS, chromium_path

        with sync_playwright() as pw:
            own = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                return make_pdfs(guide, offline, out_dir, own)
            finally:
                own.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for edition in editions.EDITIONS:
        target = out_dir / PDF_NAME.format(lang=edition.lang)
        print_edition(offline / edition.prefix, chapters(guide, edition.lang), target, browser=browser,
                      title=guide.label("site_name", edition.lang), lang=edition.lang, epoch=guide.build_epoch)
        manifest.record(out_dir, target, "pdf", edition.lang, guide.data_date)
        made.append(target)
    return made
