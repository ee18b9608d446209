"""Make the 1200×630 link-preview images, one per language, from an HTML card (run by hand when
the wording changes; the PNGs are committed under overrides/assets/). Uses Debian's Chromium,
system fonts only, no network.

    .venv/bin/python scripts/make_share_images.py
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

from sanctuary.chromium import CHROMIUM_ARGS, chromium_path

ROOT = Path(__file__).resolve().parent.parent

CARDS = {
    "en": ("Sanctuary Guide", "What cities, counties and states can do to protect immigrant families — and what real places have done, with sources."),
    "es": ("Guía Santuario", "Lo que pueden hacer las ciudades, los condados y los estados para proteger a las familias inmigrantes, y lo que han hecho lugares reales, con fuentes."),
}
HTML = """<!doctype html><html><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:80px;background:#283593;color:#fff;
font-family:'DejaVu Sans',Arial,sans-serif;display:flex;flex-direction:column;justify-content:space-between">
<div style="font-size:84px;font-weight:700;letter-spacing:-1px">{title}</div>
<div style="font-size:40px;line-height:1.35">{text}</div>
<div style="font-size:30px;opacity:.9">✓ ◐ ✗ ?</div></div></body></html>"""


def main() -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        for lang, (title, text) in CARDS.items():
            page.set_content(HTML.format(title=title, text=text))
            out = ROOT / "overrides" / "assets" / f"share-{lang}.png"
            page.screenshot(path=str(out))
            print(out)
        browser.close()


if __name__ == "__main__":
    main()
