"""Print chapters of a built (offline) edition into one PDF with Chromium: bookmarks per chapter,
page numbers across the whole document, and metadata (plain Python; Playwright drives Chromium).

Each chapter is printed with the page's print styles, the chapters are joined with pypdf, a page
number is stamped at the foot of every page (a one-page-per-number PDF printed by the same
Chromium, merged onto each page), and every chapter gets a bookmark at its first page. Dates and
the document id come from ``epoch`` (SOURCE_DATE_EPOCH), so the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MARGINS = {"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}


@dataclass(frozen=True)
class Chapter:
    title: str  # bookmark text
    path: str  # HTML file relative to the edition folder


@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    starts: tuple[int, ...]  # 0-based first page of each chapter


def _numbers_html(count: int, lang: str) -> str:
    pages = "".join(f'<div class="p"><span>{i}</span></div>' for i in range(1, count + 1))
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><style>'
            "@page { margin: 0 } html, body { margin: 0 } "
            ".p { height: 100vh; position: relative; break-after: page; } .p:last-child { break-after: auto; } "
            ".p span { position: absolute; bottom: 8mm; left: 0; right: 0; text-align: center; font: 9pt sans-serif; color: #444; }"
            f"</style></head><body>{pages}</body></html>")


def _pdf_date(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")


def print_edition(edition_dir: Path, chapters: Sequence[Chapter], out: Path, *, browser, title: str, lang: str,
                  epoch: int | None = None, paper: str = "Letter") -> PrintResult:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject

    page = browser.new_page()
    try:
        parts = []
        for chapter in chapters:
            html = edition_dir / chapter.path
            if not html.is_file():
                raise FileNotFoundError(f"{html} is missing: build the offline edition first")
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            parts.append(PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False, margin=MARGINS))))
        total = sum(len(r.pages) for r in parts)
        page.set_content(_numbers_html(total, lang), wait_until="load")
        numbers = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False)))
    finally:
        page.close()
    writer = PdfWriter()
    starts = []
    for reader in parts:
        starts.append(len(writer.pages))
        for p in reader.pages:
            writer.add_page(p)
    for i, p in enumerate(writer.pages):
        p.merge_page(numbers.pages[i])
    for chapter, start in zip(chapters, starts):
        writer.add_outline_item(chapter.title, start)
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    meta = {"/Title": title, "/Producer": "Sanctuary Guide (Chromium, pypdf)", "/Creator": "Sanctuary Guide"}
    if epoch is not None:
        meta["/CreationDate"] = meta["/ModDate"] = _pdf_date(epoch)
    writer.metadata = None
    writer.add_metadata(meta)
    buf = io.BytesIO()
    writer.write(buf)
    digest = hashlib.md5(buf.getvalue()).digest()  # a document id from the content itself  # noqa: S324
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        writer.write(fh)
    return PrintResult(out, total, tuple(starts))
