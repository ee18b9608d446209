"""hreflang for every page, in the sitemaps (plain Python).

Material's script fetches `sitemap.xml` next to every `<link rel="alternate">` in a page, which
only works for links to an edition's home; so the per-page language alternates live in the
sitemaps (as search engines accept), and in the page as the language switch's `<a hreflang>`.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

XHTML = "http://www.w3.org/1999/xhtml"


def add_alternates(sitemap: Path, root_url: str, editions: dict[str, str], edition: str) -> int:
    """Add <xhtml:link rel="alternate" hreflang> for each language (and x-default) to every <url>."""
    text = sitemap.read_text(encoding="utf-8")
    if XHTML in text:
        return 0
    text = text.replace('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
                        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="{XHTML}">')
    prefix = root_url + edition
    count = 0

    def one(m: re.Match) -> str:
        nonlocal count
        loc = m.group(1)
        if not loc.startswith(prefix):
            raise ValueError(f"{sitemap}: {loc} is not under {prefix}")
        page = loc[len(prefix):]
        links = "".join(f'\n         <xhtml:link rel="alternate" hreflang="{lang}" href="{root_url}{path}{page}"/>'
                        for lang, path in editions.items())
        links += f'\n         <xhtml:link rel="alternate" hreflang="x-default" href="{root_url}{page}"/>'
        count += 1
        return m.group(0) + links

    text = re.sub(r"<loc>([^<]+)</loc>", one, text)
    sitemap.write_text(text, encoding="utf-8")
    gz = sitemap.with_suffix(".xml.gz")
    if gz.exists():
        gz.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    return count
