"""Load every reference snapshot declared in ``data/reference/snapshots.yml``, once (plain Python)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .. import schema
from ..errors import FileCheck
from . import census, detention, doj, geo, ice287g, placement
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
    county_rings: dict[str, list] = field(default_factory=dict)  # county FIPS -> its full rings (maps, placing)
    gazetteer: placement.Gazetteer | None = None  # Census counties and towns, indexed by name
    facilities: tuple[detention.Placed, ...] = ()  # the newest detention sheet, each facility placed

    def current(self, kind: Kind) -> Layer | None:
        """The newest snapshot of a kind (by its as-of date)."""
        found = [layer for layer in self.layers.values() if layer.snapshot.kind is kind]
        return max(found, key=lambda layer: layer.snapshot.as_of) if found else None

    def of_kind(self, kind: Kind) -> list[Layer]:
        """Every snapshot of a kind, newest first (side by side, so the site can say what changed)."""
        return sorted((la for la in self.layers.values() if la.snapshot.kind is kind), key=lambda la: la.snapshot.as_of, reverse=True)


def _agreements(path: Path, snap: schema.Snapshot, check: FileCheck, gazetteer) -> tuple:
    rows = read_csv(path, ice287g.COLUMNS, check)
    return tuple(ice287g.clean_rows(rows, check, snap.as_of, gazetteer=gazetteer)) if rows is not None else ()


def _pending(path: Path, snap: schema.Snapshot, check: FileCheck, gazetteer) -> tuple:
    rows = read_csv(path, ice287g.PENDING_COLUMNS, check)
    return tuple(ice287g.clean_rows(rows, check, snap.as_of, pending=True, gazetteer=gazetteer)) if rows is not None else ()


def _reader(columns, read):
    def run(path: Path, snap: schema.Snapshot, check: FileCheck, gazetteer=None) -> tuple:
        rows = read_csv(path, columns, check)
        return tuple(read(rows, check)) if rows is not None else ()
    return run


def _doj(path: Path, snap: schema.Snapshot, check: FileCheck, gazetteer=None) -> tuple:
    """The DOJ list, its codes checked against the states' and the Census counties' (when read)."""
    rows = read_csv(path, doj.COLUMNS, check)
    if rows is None:
        return ()
    known = (gazetteer.state_fips, set(gazetteer.county_by_fips)) if gazetteer is not None else (None, None)
    return tuple(doj.read_rows(rows, check, *known))


_TABLES = {
    Kind.ice_287g_participating: _agreements,
    Kind.ice_287g_pending: _pending,
    Kind.doj_list: _doj,
    Kind.census_counties: _reader(census.COUNTY_COLUMNS, census.read_counties),
    Kind.census_cities: _reader(census.CITY_COLUMNS, census.read_cities),
    Kind.census_towns: _reader(census.TOWN_COLUMNS, census.read_towns),
    Kind.ice_detention: _reader(detention.COLUMNS, detention.read_rows),
}
# Read first: the 287(g) sheets are placed in the counties these name.
_FIRST = (Kind.census_counties, Kind.census_towns, Kind.census_cities, Kind.us_atlas_states, Kind.us_atlas_counties)
_MAPS = {Kind.us_atlas_states: ("states", 1.2), Kind.us_atlas_counties: ("counties", None)}


def load_reference(root: Path, snapshots: schema.Snapshots | None, check: FileCheck, errors: list,
                   state_fips: dict[str, str] | None = None) -> Reference:
    """Check each snapshot against its provenance, then read it: the Census ones first, then the
    287(g) sheets placed in their counties (``state_fips``: postal code -> FIPS, from the state
    layer). ``check`` is snapshots.yml's."""
    if snapshots is None:
        return Reference()
    layers: dict[str, Layer] = {}
    shapes: dict[Kind, dict[str, geo.Shape]] = {}
    seen: dict[str, int] = {}
    gazetteer = None
    county_rings: dict = {}
    order = sorted(enumerate(snapshots.snapshots), key=lambda item: item[1].kind not in _FIRST)
    for i, snap in order:
        if gazetteer is None and snap.kind not in _FIRST:
            gazetteer = _gazetteer(layers, state_fips)
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
            layers[snap.id] = Layer(snap, _TABLES[snap.kind](path, snap, file_check, gazetteer))
        else:
            obj, tolerance = _MAPS[snap.kind]
            text = read_text(path, file_check)
            topo = geo.parse_topojson(text, obj, file_check) if text is not None else None
            if topo is not None:
                shapes[snap.kind] = geo.shapes(topo, obj, tolerance)
                if snap.kind is Kind.us_atlas_counties:
                    county_rings = geo.rings(topo, obj)
                layers[snap.id] = Layer(snap)
    for kind in (Kind.ice_287g_participating, Kind.doj_list, Kind.us_atlas_states, Kind.us_atlas_counties):
        if not any(s.kind is kind for s in snapshots.snapshots):
            check.add(("snapshots",), f"no snapshot of kind {kind.value!r}: the site needs one")
    gazetteer = gazetteer or _gazetteer(layers, state_fips)
    facilities = []
    detention_layers = [la for la in layers.values() if la.snapshot.kind is Kind.ice_detention]
    if detention_layers and gazetteer is not None:
        newest = max(detention_layers, key=lambda la: la.snapshot.as_of)
        file_check = FileCheck(f"{REFERENCE_DIR}/{newest.snapshot.file}", errors)
        for f in newest.records:
            found = detention.place(f, gazetteer, county_rings, placement.TERRITORIES)
            if isinstance(found, str):
                file_check.at(f.line, "city", found)
            else:
                facilities.append(found)
    return Reference(
        gazetteer=gazetteer, facilities=tuple(facilities),
        snapshots=tuple(snapshots.snapshots), layers=layers,
        state_shapes=shapes.get(Kind.us_atlas_states, {}), county_shapes=shapes.get(Kind.us_atlas_counties, {}),
        county_rings=county_rings or {},
    )


def _gazetteer(layers: dict[str, Layer], state_fips: dict[str, str] | None) -> placement.Gazetteer | None:
    """Counties and towns from the newest Census snapshots; None without them (no placing then)."""
    def newest(kind: Kind) -> tuple:
        found = [la for la in layers.values() if la.snapshot.kind is kind]
        return max(found, key=lambda la: la.snapshot.as_of).records if found else ()
    counties = newest(Kind.census_counties)
    if not counties or not state_fips:
        return None
    return placement.Gazetteer(counties, newest(Kind.census_towns), state_fips)
