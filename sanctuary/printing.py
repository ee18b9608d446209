"""The printable PDF of one edition: chapters printed by Chromium, joined, bookmarked and numbered.

    from sanctuary.printing import Chapter, print_edition
    result = print_edition(Path("build/offline/es"), [Chapter("Justicia penal", "criminal-justice.html"), ...],
                           Path("build/downloads/sanctuary-guide-es.pdf"), browser=browser,
                           title="Guía Santuario", lang="es", epoch=1700000000)

How it works:

* Each chapter's HTML file (from the offline edition, loaded from ``file://``) is printed by the
  given Playwright Chromium with the print stylesheet (``emulate_media(media="print")``), Letter or
  A4, with a taller bottom margin that holds the page number.
* The chapters are joined in order with pypdf. Each chapter gets one bookmark (outline item) at
  its first page.
* Page numbers ("3 / 41", continuous across chapters) come from one extra small HTML document with
  one sheet per page, each holding only its number near the bottom, printed by the same Chromium at
  the same paper size; its page *i* is laid over page *i* of the joined PDF (``merge_page``).
* Links: a link to another chapter (a ``file://`` URL to one of the printed files, with or without
  ``#fragment``) becomes an internal link to that chapter (or to the fragment's place in it); a link
  within a page (``#fragment``) is kept as an internal link to the right chapter's place (named
  destinations would clash between chapters, so they are made explicit). Chromium only makes a
  destination for an id that its own page links to, so a link to any other fragment of a chapter
  goes to that chapter's first page. Other ``file://`` links
  (pages not in the PDF) are removed: they would point into the build machine. Web links stay.
* Collapsed parts (``<details>``: a page's sources, model texts) are opened before printing.
* Metadata: /Title, /Creator, /Producer, /CreationDate and /ModDate in the info dictionary, /Lang
  (and /PageMode /UseOutlines, /DisplayDocTitle) in the catalog.

Reproducibility: the dates come from ``epoch`` (or ``SOURCE_DATE_EPOCH``, or else the current time);
Chromium's own info dictionary (which holds the print time) is not carried over; the file /ID is
the first 16 bytes of the SHA-256 of the document written without an /ID. Chromium's output is
otherwise deterministic (same font subsets, same object order), so the same inputs, epoch and
Chromium build give byte-identical files. The /Producer names the Chromium and pypdf versions, so
a different Chromium gives a different file (as its layout may differ anyway). Absolute paths of
the build folder do not end up in the file (``file://`` links are rewritten or removed).

Plain Python (Playwright's browser object is passed in); no temporary files are written: every
PDF is kept in memory until ``out`` is written.
"""

from __future__ import annotations

import hashlib
import html
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from pypdf import PdfReader, PdfWriter
from pypdf import __version__ as PYPDF_VERSION
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NullObject,
    TextStringObject,
)

# Paper: Playwright's format name, CSS page size, and the PDF size in points.
PAPERS = {
    "Letter": ("Letter", "8.5in 11in", (612.0, 792.0)),
    "A4": ("A4", "210mm 297mm", (595.92, 842.88)),
}
# Like sanctuary/package.py, with a taller bottom margin for the page number.
MARGIN = {"top": "16mm", "bottom": "22mm", "left": "14mm", "right": "14mm"}
NUMBER_FROM_BOTTOM = "10mm"  # baseline area of the page number, inside the bottom margin
NUMBER_FORMAT = "{n} / {total}"
# What a page collapses on screen (its sources, model texts: <details>) is printed open; printing
# to PDF fires no `beforeprint`, on which Material's script opens them in a reader's browser.
OPEN_DETAILS = "document.querySelectorAll('details:not([open])').forEach(d => { d.open = true; })"


@dataclass(frozen=True)
class Chapter:
    title: str  # bookmark text, e.g. "Criminal justice"
    path: str  # HTML file relative to the edition folder, e.g. "criminal-justice.html"


@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    starts: tuple[int, ...]  # 0-based first page of each chapter


def page_label(n: int, total: int) -> str:
    """The number stamped on page n (1-based) of total."""
    return NUMBER_FORMAT.format(n=n, total=total)


def print_edition(
    edition_dir: Path,
    chapters: Sequence[Chapter],
    out: Path,
    *,
    browser,
    title: str,
    lang: str,
    epoch: int | None = None,
    paper: str = "Letter",
) -> PrintResult:
    """Print the chapters of one edition into one bookmarked, numbered PDF at `out`."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    chapters = list(chapters)
    if not chapters:
        raise ValueError("no chapters to print")
    files = []
    for chapter in chapters:
        file = Path(edition_dir) / chapter.path
        if not file.is_file():
            raise FileNotFoundError(f"chapter {chapter.title!r}: {file} does not exist (build the offline edition first)")
        files.append(file.resolve())
    if epoch is None:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())

    context = browser.new_context()
    try:
        parts = [PdfReader(BytesIO(_print_file(context, file, paper))) for file in files]
        total = sum(len(part.pages) for part in parts)
        numbers = PdfReader(BytesIO(_print_numbers(context, total, paper)))
    finally:
        context.close()
    if len(numbers.pages) != total:
        raise RuntimeError(f"page numbers came out on {len(numbers.pages)} pages, not {total}")

    writer = PdfWriter()
    starts: list[int] = []
    for part in parts:
        starts.append(len(writer.pages))
        for page in part.pages:
            writer.add_page(page)
    _relink(writer, parts, files, starts)

    for page, number in zip(writer.pages, numbers.pages, strict=True):
        page.merge_page(number)
        page.compress_content_streams(level=9)
    for chapter, start in zip(chapters, starts, strict=True):
        writer.add_outline_item(title=chapter.title, page_number=start)

    date = time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(epoch))
    writer.add_metadata({
        "/Title": title,
        "/Creator": "Sanctuary Guide (sanctuary.printing)",
        "/Producer": f"{browser.version} (Chromium); pypdf {PYPDF_VERSION}",
        "/CreationDate": date,
        "/ModDate": date,
    })
    root = writer.root_object
    root[NameObject("/Lang")] = TextStringObject(lang)
    root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    root[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)}
    )
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)

    data = _write(writer)
    digest = ByteStringObject(hashlib.sha256(data).digest()[:16])
    # pypdf has no public setter for a chosen /ID (generate_file_identifiers() is random).
    writer._ID = ArrayObject([digest, digest])
    data = _write(writer)

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return PrintResult(path=out, pages=total, starts=tuple(starts))


def _write(writer: PdfWriter) -> bytes:
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _pdf_options(paper: str, margin: dict[str, str]) -> dict:
    return {"format": PAPERS[paper][0], "print_background": False, "margin": margin}


def _print_file(context, file: Path, paper: str) -> bytes:
    page = context.new_page()
    try:
        page.emulate_media(media="print")
        page.goto(file.as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.evaluate(OPEN_DETAILS)
        return page.pdf(**_pdf_options(paper, MARGIN))
    finally:
        page.close()


def _numbers_html(total: int, paper: str) -> str:
    size = PAPERS[paper][1]
    height = size.split()[1]
    sheets = "".join(
        f'<div class="sheet"><p>{html.escape(page_label(n, total))}</p></div>' for n in range(1, total + 1)
    )
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><style>
@page {{ size: {size}; margin: 0; }}
html, body {{ margin: 0; padding: 0; background: transparent; }}
.sheet {{ position: relative; height: calc({height} - 2px); overflow: hidden; break-after: page; }}
.sheet:last-child {{ break-after: auto; }}
.sheet p {{ position: absolute; left: 0; right: 0; bottom: {NUMBER_FROM_BOTTOM}; margin: 0;
  text-align: center; font: 9pt/1 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #333; }}
</style></head><body>{sheets}</body></html>"""


def _print_numbers(context, total: int, paper: str) -> bytes:
    page = context.new_page()
    try:
        page.emulate_media(media="print")
        page.set_content(_numbers_html(total, paper), wait_until="load")
        zero = {side: "0" for side in MARGIN}
        return page.pdf(**_pdf_options(paper, zero))
    finally:
        page.close()


def _relink(writer: PdfWriter, parts: list[PdfReader], files: list[Path], starts: list[int]) -> None:
    """Make the chapters' links work in the joined PDF (see the module docstring)."""
    by_file = {file: index for index, file in enumerate(files)}
    anchors: list[dict[str, tuple[int, float | None, float | None]]] = []
    for part, start in zip(parts, starts, strict=True):
        named = {}
        for name, dest in part.named_destinations.items():
            page_index = part.get_destination_page_number(dest)
            if page_index >= 0:
                named[str(name).lstrip("/")] = (start + page_index, dest.left, dest.top)
        anchors.append(named)

    def explicit(target: tuple[int, float | None, float | None]) -> ArrayObject:
        index, left, top = target
        if top is None:
            top = float(writer.pages[index].mediabox.top)
        return ArrayObject([
            writer.pages[index].indirect_reference,
            NameObject("/XYZ"),
            NullObject() if left is None else FloatObject(left),
            FloatObject(top),
            NullObject(),
        ])

    for chapter, start in enumerate(starts):
        end = starts[chapter + 1] if chapter + 1 < len(starts) else len(writer.pages)
        for page in writer.pages[start:end]:
            if "/Annots" not in page:
                continue
            kept = ArrayObject()
            for ref in page["/Annots"]:
                annot = ref.get_object()
                target = ...
                if annot.get("/Subtype") == "/Link":
                    if "/Dest" in annot and isinstance(annot["/Dest"], str):
                        target = anchors[chapter].get(str(annot["/Dest"]).lstrip("/"))
                    elif "/A" in annot and annot["/A"].get("/S") == "/URI":
                        url = urlsplit(str(annot["/A"].get("/URI", "")))
                        if url.scheme == "file":
                            other = by_file.get(Path(url2pathname(unquote(url.path))).resolve())
                            target = None
                            if other is not None:
                                fragment = unquote(url.fragment)
                                target = anchors[other].get(fragment) if fragment else None
                                target = target or (starts[other], None, None)
                if target is ...:  # not a link we change
                    kept.append(ref)
                elif target is not None:
                    annot.pop("/A", None)
                    annot[NameObject("/Dest")] = explicit(target)
                    kept.append(ref)
            page[NameObject("/Annots")] = kept
