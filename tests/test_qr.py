"""QR codes for the printed report cards (sanctuary/qr.py): only for a public address, and the
drawing is exactly the code of the URL.

segno cannot decode a QR code, so these tests check the drawing instead: the SVG's modules, read
back from its path, are exactly segno's matrix for the URL (and a changed URL changes them)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
import segno

from sanctuary import qr

SVG = "{http://www.w3.org/2000/svg}"
PUBLIC = "https://example.org/sanctuary-guide/"



@pytest.mark.parametrize(
    "url, public",
    [
        ("https://example.org/guide/places/boston/", True),
        ("http://example.org/", True),
        ("https://user.github.io/sanctuary-guide/es/counties/ca/alameda/", True),
        ("http://127.0.0.1:8000/places/boston/", False),  # the default SITE_URL: a local preview
        ("http://127.0.0.2/", False),
        ("http://localhost:8000/", False),
        ("http://app.localhost/", False),
        ("http://0.0.0.0:8000/", False),
        ("http://[::1]:8000/", False),
        ("", False),
        (None, False),
        ("/places/boston/", False),  # no host
        ("file:///home/me/site/places/boston.html", False),
        ("ftp://example.org/", False),
    ],
)
def test_only_a_public_address_is_public(url, public):
    assert qr.is_public(url) is public


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/places/boston/", "http://localhost/", "", None])
def test_no_qr_code_for_a_local_or_empty_address(url):
    assert qr.svg(url, "QR") is None


def _modules(svg_text: str) -> tuple[int, set[tuple[int, int]]]:
    """The SVG's size in modules and its dark modules (x, y), read back from segno's path: one
    horizontal line per run of dark modules, at y + 0.5 (M x y, then relative m dx dy and h n)."""
    root = ET.fromstring(svg_text)
    assert root.tag == SVG + "svg"
    size = root.get("viewBox").split()
    assert size[:2] == ["0", "0"] and size[2] == size[3]
    (path,) = root.iter(SVG + "path")
    dark, x, y = set(), 0.0, 0.0
    for op, args in re.findall(r"([Mmh])([-\d. ]+)", path.get("d")):
        nums = [float(n) for n in args.split()]
        if op == "M":
            x, y = nums
        elif op == "m":
            x, y = x + nums[0], y + nums[1]
        else:
            dark |= {(int(x) + i, int(y - 0.5)) for i in range(int(nums[0]))}
            x += nums[0]
    return int(size[2]), dark


def test_qr_svg_draws_exactly_the_code_of_the_url():
    url = PUBLIC + "cities/la/new-orleans/"
    text = qr.svg(url, "QR code of https://example.org/<page>")
    root = ET.fromstring(text)
    assert root.get("class") == "sg-qr" and root.get("role") == "img"
    assert root.get("aria-label") == "QR code of https://example.org/<page>"  # escaped in the markup
    assert "&lt;page&gt;" in text and "<page>" not in text
    assert root.get("width") is None and root.get("height") is None  # CSS sizes it
    assert not re.search(r"<(script|image|use|a)\b|href", text)  # nothing to fetch, nothing to run
    code = segno.make(url, error=qr.ERROR, micro=False, mask=qr.MASK)
    size, dark = _modules(text)
    assert size == code.symbol_size(border=qr.BORDER)[0]
    expected = {(x + qr.BORDER, y + qr.BORDER) for y, row in enumerate(code.matrix) for x, bit in enumerate(row) if bit}
    assert dark == expected


def test_qr_svg_is_deterministic_and_follows_the_url():
    a = qr.svg(PUBLIC + "cities/ca/long-beach/", "QR")
    assert a == qr.svg(PUBLIC + "cities/ca/long-beach/", "QR")
    b = qr.svg(PUBLIC + "es/cities/ca/long-beach/", "QR")
    assert a != b and _modules(a)[1] != _modules(b)[1]
