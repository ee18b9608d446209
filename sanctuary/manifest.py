"""The manifest of the downloads `make build` made (plain Python).

Each packaging step records what it wrote (file, kind, language, size, sha256, the data's date)
in ``build/downloads/manifest.json``; the pages offer what the manifest lists, never guessing
from file names or modification times.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .paths import MANIFEST


@dataclass(frozen=True)
class Download:
    name: str  # file name in the downloads folder
    kind: str  # "zip" | "pdf"
    lang: str | None  # the edition it is in; None for both (the offline zip)
    bytes: int
    sha256: str
    date: str  # the date of the data it holds (YYYY-MM-DD), not the time it was made

    @property
    def megabytes(self) -> str:
        return f"{self.bytes / 1_000_000:.1f}"


def read(out_dir: Path) -> list[Download]:
    """What the manifest lists (nothing if no download was made), checking each file is there."""
    path = out_dir / MANIFEST
    if not path.is_file():
        return []
    items = [Download(**item) for item in json.loads(path.read_text(encoding="utf-8"))["downloads"]]
    for item in items:
        if not (out_dir / item.name).is_file():
            raise FileNotFoundError(f"{path} lists {item.name}, which is not in {out_dir}")
    return items


def record(out_dir: Path, file: Path, kind: str, lang: str | None, date: str) -> Download:
    """Add (or replace) one download in the manifest."""
    item = Download(file.name, kind, lang, file.stat().st_size, hashlib.sha256(file.read_bytes()).hexdigest(), date)
    items = [d for d in read(out_dir) if d.name != item.name] + [item]
    items.sort(key=lambda d: (d.kind, d.lang or "", d.name))
    (out_dir / MANIFEST).write_text(json.dumps({"downloads": [asdict(d) for d in items]}, indent=1) + "\n", encoding="utf-8")
    return item
