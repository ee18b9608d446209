"""Build-time packaging: the offline zip and the printable PDF of each language (plain Python).

    python -m sanctuary zip build/offline build/downloads
    python -m sanctuary pdf build/offline build/downloads   # needs Chromium and Playwright

Both record what they made in the downloads manifest. The zip is reproducible: files in a fixed
order with fixed times (the data's date), so the same commit gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from . import manifest

ZIP_NAME = "sanctuary-guide-offline.zip"
ZIP_TOP = "sanctuary-guide"

# What the offline build holds that a downloaded guide never reads, so the zip leaves it out:
# Material's source maps (only a browser's developer tools fetch them, 0.5 MB zipped), the search
# index as JSON (the offline plugin's search_index.js carries the same index for file://), and the
# link-preview images (a downloaded guide is never previewed; its pages name only the public ones).
LEFT_OUT = ("*.map", "search/search_index.json", "assets/share-*.png", "assets/share/*.png")


def left_out(name: str) -> bool:
    """Whether the zip leaves out ``name`` (a path in the offline build, under an edition's prefix
    or at the top)."""
    from fnmatch import fnmatch

    from .editions import EDITIONS

    inner = next((name[len(e.prefix):] for e in EDITIONS if e.prefix and name.startswith(e.prefix)), name)
    return any(fnmatch(inner, pattern) if "/" in pattern else fnmatch(inner.rsplit("/", 1)[-1], pattern) for pattern in LEFT_OUT)


def write_zip(target: Path, members, date: str, top: str) -> Path:
    """A reproducible zip: ``members`` (name, bytes) under one top folder, in the order given,
    each stamped with ``date``, so the same files give the same bytes."""
    stamp = dt.date.fromisoformat(date).timetuple()[:6]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=9)
    return target


def make_zip(offline: Path, out_dir: Path, date: str) -> Path:
    """Zip the offline build under one top folder, files in a stable order, stamped with ``date``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in offline.rglob("*") if p.is_file() and not left_out(p.relative_to(offline).as_posix()))
    target = write_zip(out_dir / ZIP_NAME, ((p.relative_to(offline).as_posix(), p.read_bytes()) for p in files), date, ZIP_TOP)
    manifest.record(out_dir, target, "zip", None, date)
    return target
