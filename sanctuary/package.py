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
    files = sorted(p for p in offline.rglob("*") if p.is_file())
    target = write_zip(out_dir / ZIP_NAME, ((p.relative_to(offline).as_posix(), p.read_bytes()) for p in files), date, ZIP_TOP)
    manifest.record(out_dir, target, "zip", None, date)
    return target
