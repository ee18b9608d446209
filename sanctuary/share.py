"""Share images of the provision pages: what each card says, where it lives, and the text kept
inside the PNG (plain Python; scripts/make_share_images.py draws them with Chromium, once, and
they are committed).

A provision page's link preview shows a 1200×630 card with the provision's title, so a shared
link shows what it is about. Each card's words are stored in the PNG itself (a ``tEXt`` chunk,
keyword ``Description``), so a test can tell when the data changed and a card is stale, without
drawing anything.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from .guide import Guide

FOLDER = "assets/share"  # in each edition's docs folder: docs/<lang>/assets/share/<slug>.png
KEYWORD = b"Description"
_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Card:
    title: str  # the provision's title, large
    kicker: str  # "Provision CJ1 · 1. Criminal justice"
    site: str  # the site's name, at the foot

    @property
    def text(self) -> str:
        """The card's words in reading order: its image's alt text, and what its PNG records."""
        return f"{self.title}. {self.kicker}. {self.site}"


def image_path(slug: str) -> str:
    """A provision's card, relative to its edition's root (and to docs/<lang>/)."""
    return f"{FOLDER}/{slug}.png"


def provision_card(guide: Guide, lang: str, code: str) -> Card:
    prov = guide.provision_by_code[code]
    section = guide.section_of[code]
    kicker = f"{guide.label('provision_code', lang)} {code} · {section.number}. {section.title(lang)}"
    return Card(" ".join(prov.title(lang).split()), kicker, guide.label("site_name", lang))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def with_text(png: bytes, text: str) -> bytes:
    """The PNG with ``text`` (UTF-8, as an iTXt chunk) right after its header."""
    if not png.startswith(_SIGNATURE):
        raise ValueError("not a PNG")
    end_of_header = len(_SIGNATURE) + 8 + 13 + 4  # IHDR is always first and 13 bytes long
    itxt = KEYWORD + b"\x00\x00\x00" + b"\x00" + b"\x00" + text.encode("utf-8")  # no compression, no language
    return png[:end_of_header] + _chunk(b"iTXt", itxt) + png[end_of_header:]


def read_text(png: bytes) -> str | None:
    """The text a card recorded with :func:`with_text`, or None."""
    if not png.startswith(_SIGNATURE):
        raise ValueError("not a PNG")
    pos = len(_SIGNATURE)
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind, data = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        if kind == b"iTXt" and data.startswith(KEYWORD + b"\x00"):
            return data[len(KEYWORD) + 5:].decode("utf-8")
        if kind == b"IEND":
            return None
        pos += 12 + length
    return None


def size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height, from its header."""
    return struct.unpack(">II", png[16:24])
