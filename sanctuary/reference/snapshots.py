"""Load every reference snapshot declared in ``data/reference/snapshots.yml``, once (plain Python)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .. import schema
from ..errors import FileCheck
from . import doj, geo, ice287g
from .table import read_csv, read_text

REFERENCE_DIR = "data/reference"
SNAPSHOTS_FILE = f"{REFERENCE_DIR}/snapshots.yml"
Kind = schema.SnapshotKind


@dataclass(frozen=True)
class Layer:
    """One snapshot's records, with its provenance (the page that shows it says where and when)."""

    snapshot: schema.Snapshot
    records: tuple = ()


@dataclass(frozen=True)
class Reference:
    """Every reference snapshot, read and cleaned. The newest sheet of each kind is the current one."""

    snapshots: tuple[schema.Snapshot, ...] = ()
    layers: dict[str, Layer] = field(default_factory=dict)  # snapshot id -> its records
    state_shapes: dict[str, geo.Shape] = field(default_factory=dict)  # state FIPS -> shape
    county_shapes: dict[str, geo.Shape] = field(default_factory=dict)  # county FIPS -> centroid (no path)

    def current(self, kind: Kind) -> Layer | None:
        """The newest snapshot of a kind (by its as-of date)."""
        found = [layer for layer in self.layers.values() if layer.snapshot.kind is kind]
        return max(found, key=lambda layer: layer.snapshot.as_of) if found else None

    def of_kind(self, kind: Kind) -> list[Layer]:
        """Every snapshot of a kind, newest first (side by side, so the site can say what changed)."""
        return sorted((la for la in self.layers.values() if la.snapshot.kind is kind), key=lambda la: la.snapshot.as_of, reverse=True)


def _agreements(path: Path, snap: schema.Snapshot, check: FileCheck) -> tuple:
    rows = read_csv(path, ice287g.COLUMNS, check)
    return tuple(ice287g.clean_rows(rows, check, snap.as_of)) if rows is not None else ()


def _pending(path: Path, snap: schema.Snapshot, check: FileCheck) -> tuple:
    rows = read_csv(path, ice287g.PENDING_COLUMNS, check)
    return tuple(ice287g.clean_rows(rows, check, snap.as_of, pending=True)) if rows is not None else ()


def _doj(path: Path, snap: schema.Snapshot, check: FileCheck) -> tuple:
    rows = read_csv(path, doj.COLUMNS, check)
    return tuple(doj.read_rows(rows, check)) if rows is not None else ()


_TABLES = {
    Kind.ice_287g_participating: _agreements,
    Kind.ice_287g_pending: _pending,
    Kind.doj_list: _doj,
}
_MAPS = {Kind.us_atlas_states: ("states", 1.2), Kind.us_atlas_counties: ("counties", None)}


def load_reference(root: Path, snapshots: schema.Snapshots | None, check: FileCheck, errors: list) -> Reference:
    """Check each snapshot against its provenance, then read it. ``check`` is snapshots.yml's."""
    if snapshots is None:
        return Reference()
    layers: dict[str, Layer] = {}
    shapes: dict[Kind, dict[str, geo.Shape]] = {}
    seen: dict[str, int] = {}
    for i, snap in enumerate(snapshots.snapshots):
        if snap.id in seen:
            check.add(("snapshots", i, "id"), f"duplicate snapshot id {snap.id!r}")
            continue
        seen[snap.id] = i
        rel = f"{REFERENCE_DIR}/{snap.file}"
        path = root / rel
        if not path.is_file():
            check.add(("snapshots", i, "file"), f"no file {rel}")
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != snap.sha256:
            check.add(("snapshots", i, "sha256"), f"{rel} has sha256 {digest}: the file changed; snapshots are kept as "
                      "published, so restore it, or record the new copy's provenance")
            continue
        file_check = FileCheck(rel, errors)
        if snap.kind in _TABLES:
            layers[snap.id] = Layer(snap, _TABLES[snap.kind](path, snap, file_check))
        else:
            obj, tolerance = _MAPS[snap.kind]
            text = read_text(path, file_check)
            topo = geo.parse_topojson(text, obj, file_check) if text is not None else None
            if topo is not None:
                shapes[snap.kind] = geo.shapes(topo, obj, tolerance)
                layers[snap.id] = Layer(snap)
    for kind in (Kind.ice_287g_participating, Kind.doj_list, Kind.us_atlas_states, Kind.us_atlas_counties):
        if not any(s.kind is kind for s in snapshots.snapshots):
            check.add(("snapshots",), f"no snapshot of kind {kind.value!r}: the site needs one")
    return Reference(
        snapshots=tuple(snapshots.snapshots), layers=layers,
        state_shapes=shapes.get(Kind.us_atlas_states, {}), county_shapes=shapes.get(Kind.us_atlas_counties, {}),
    )
