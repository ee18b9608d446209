"""Make the 1200×630 link-preview images from HTML cards (run by hand when the wording changes; the
PNGs are committed): the site's card per language (overrides/assets/share-<lang>.png) and one card
per provision and language, with its title (docs/<lang>/assets/share/<slug>.png; each records
its words inside, see sanctuary/share.py, and a test fails when the data no longer matches them).
Uses Debian's Chromium, system fonts only, no network.

    .venv/bin/python scripts/make_share_images.py
"""

from __future__ import annotations

import html
from pathlib import Path

from playwright.sync_api import sync_playwright

from sanctuary import editions, share
from sanctuary.chromium import CHROMIUM_ARGS, chromium_path
from sanctuary.load import load_guide

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
PROVISION_HTML = """<!doctype html><html><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:72px 80px;background:#283593;color:#fff;
font-family:'DejaVu Sans',Arial,sans-serif;display:flex;flex-direction:column;justify-content:space-between">
<div style="font-size:34px;opacity:.9">{kicker}</div>
<div style="font-size:{size}px;font-weight:700;line-height:1.15;letter-spacing:-1px">{title}</div>
<div style="font-size:34px;display:flex;justify-content:space-between"><span>{site}</span><span style="opacity:.9">✓ ◐ ✗ ?</span></div></div></body></html>"""


def provision_cards(page) -> None:
    guide = load_guide(ROOT)
    for edition in editions.EDITIONS:
        folder = ROOT / "docs" / edition.lang
        for prov in guide.provisions:
            card = share.provision_card(guide, edition.lang, prov.code)
            size = 76 if len(card.title) <= 48 else 64
            page.set_content(PROVISION_HTML.format(kicker=html.escape(card.kicker), title=html.escape(card.title),
                                                   site=html.escape(card.site), size=size))
            out = folder / share.image_path(prov.slug)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(share.with_text(page.screenshot(), card.text))
            print(out)


def main() -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        for lang, (title, text) in CARDS.items():
            page.set_content(HTML.format(title=title, text=text))
            out = ROOT / "overrides" / "assets" / f"share-{lang}.png"
            page.screenshot(path=str(out))
            print(out)
        provision_cards(page)
        browser.close()


if __name__ == "__main__":
    main()
