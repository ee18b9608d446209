"""Build-time packaging: the offline zip and the printable PDF edition of each language.

    python -m sanctuary.package zip build/offline build/downloads
    python -m sanctuary.package pdf build/offline build/downloads   # needs Chromium and Playwright

Plain Python; the PDF step drives Debian's Chromium through Playwright.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import zipfile
from pathlib import Path

ZIP_NAME = "sanctuary-guide-offline.zip"
PDF_NAME = "sanctuary-guide-{lang}.pdf"
# The printable edition: the guide's pages in reading order (offline build, .html URLs).
PRINT_ORDER = [
    "index.html",
    "criminal-justice.html",
    "immigration-enforcement.html",
    "inclusive-community.html",
    "places/index.html",
    "states/index.html",
    "method.html",
    "glossary.html",
]
EDITIONS = {"en": "", "es": "es/"}


def make_zip(offline: Path, out_dir: Path) -> Path:
    """Zip the offline build under one top folder, files in a stable order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / ZIP_NAME
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in offline.rglob("*") if p.is_file()):
            zf.write(path, "sanctuary-guide/" + path.relative_to(offline).as_posix())
    return target


def make_pdfs(offline: Path, out_dir: Path, browser=None) -> list[Path]:
    """Print each edition's pages (print stylesheet) with Chromium and join them into one PDF.
    Uses the given Playwright browser, or starts Debian's Chromium."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        from .chromium import CHROMIUM_ARGS, chromium_path

        with sync_playwright() as pw:
            own = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                return make_pdfs(offline, out_dir, own)
            finally:
                own.close()
    from pypdf import PdfWriter

    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    page = browser.new_page()
    for lang, prefix in EDITIONS.items():
        writer = PdfWriter()
        for rel in PRINT_ORDER:
            html = offline / prefix / rel
            if not html.is_file():
                raise FileNotFoundError(f"{html} is missing: build the offline edition first")
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            tmp = out_dir / f".part-{lang}.pdf"
            page.pdf(path=str(tmp), format="Letter", print_background=False,
                     margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"})
            writer.append(str(tmp))
            tmp.unlink()
        target = out_dir / PDF_NAME.format(lang=lang)
        writer.add_metadata({"/Title": "Sanctuary Guide" if lang == "en" else "Guía Santuario"})
        with target.open("wb") as fh:
            writer.write(fh)
        made.append(target)
    page.close()
    return made


def describe(out_dir: Path) -> dict[str, dict[str, int]]:
    """Sizes of the downloads, for the pages that offer them."""
    return {p.name: {"bytes": p.stat().st_size} for p in sorted(out_dir.glob("*")) if p.is_file() and not p.name.startswith(".")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sanctuary.package")
    parser.add_argument("what", choices=["zip", "pdf"])
    parser.add_argument("offline", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.what == "zip":
        print(make_zip(args.offline, args.out))
    else:
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            print("error: the printable PDF needs Chromium (make test installs it; or apt-get install chromium)", file=sys.stderr)
            return 1
        for path in make_pdfs(args.offline, args.out):
            print(path)
    print(json.dumps(describe(args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
