"""QR codes for the printed report cards, drawn at build time (segno): the page asks no one.

    from sanctuary import qr
    qr.svg("https://example.org/guide/cities/la/new-orleans/", "QR code: the page's address")
    # -> '<svg xmlns=... class="sg-qr" role="img" aria-label="..." viewBox="0 0 37 37"><path .../></svg>'
    qr.svg("http://127.0.0.1:8000/places/boston/", "...")  # -> None: a local preview has no public address

Pure: text in, text out. A QR code is made only for a public address (http or https, with a host
that is not this machine), so a page built for a local preview (the default site URL) or for the
offline edition without a public ``SITE_URL`` never prints a code that leads nowhere.
"""

from __future__ import annotations

import html
import io
from urllib.parse import urlsplit

import segno

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1", "::"})
BORDER = 2  # quiet zone, in modules (the printed card leaves white space around it too)
ERROR = "m"  # medium error correction: survives a crease or a smudge, stays small
# One fixed mask pattern. Any of the eight is valid (ISO/IEC 18004: every reader decodes them all);
# scoring all eight to pick one, as segno does by default, is about 80 % of the time (13 ms
# instead of 3 ms a code), which a public build of every county page in both languages (~6,500
# cards) would pay as more than a minute. Mask 0 (a checkerboard) breaks up long runs well.
MASK = 0


def is_public(url: str | None) -> bool:
    """True for an absolute http(s) address on a host other than this machine."""
    if not url:
        return False
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return False
    return host not in LOCAL_HOSTS and not host.startswith("127.") and not host.endswith(".localhost")


def svg(url: str | None, label: str) -> str | None:
    """The QR code of ``url`` as an inline SVG element (black modules, no fixed size: CSS sizes it),
    named for screen readers by ``label``; None when ``url`` is not a public address."""
    if not is_public(url):
        return None
    code = segno.make(url, error=ERROR, micro=False, mask=MASK)
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=True, nl=False, border=BORDER, omitsize=True,
              svgclass=None, lineclass=None, dark="#000")
    text = out.getvalue().decode("ascii")
    attrs = f'class="sg-qr" role="img" aria-label="{html.escape(label)}" '
    return text.replace("<svg ", "<svg " + attrs, 1)
