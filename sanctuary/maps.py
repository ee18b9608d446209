"""Map geometry for the pages (plain Python): each state's county map, and the national map's
counties with a 287(g) agreement. Shapes come from the us-atlas snapshot (2017 boundaries) in
d3's Albers USA projection; a state's map zooms that projection to the state.

Boundaries changed since 2017 in two places, and the maps say so instead of guessing:
Connecticut's eight counties gave way to nine planning regions (2022), and Alaska's
Valdez-Cordova Census Area was split in two (2019). A shape with no page today is drawn in grey
without a link; a page with no shape is named under the map. Every county keeps its row in the
table on the state page.
"""

from __future__ import annotations

from dataclasses import dataclass

from .reference import geo

STATE_MAP_WIDTH = 600  # px of the state map's frame (the SVG scales to the page)
STATE_TOLERANCE = 1.2  # px in that frame: points closer than this are dropped
NATIONAL_TOLERANCE = 1.5  # px on the national map (975 px wide): a county is a shaded patch, not a boundary


@dataclass(frozen=True)
class CountyShape:
    fips: str
    name: str  # the map's name for it (2017)
    path: str
    area: object | None  # its county or city page today (areas.Area), or None
    agreements: int  # 287(g) agreements placed in the county
    current: bool  # the county still exists (Census 2025); False for a 2017 boundary no longer used


@dataclass(frozen=True)
class StateMap:
    width: int
    height: int
    shapes: tuple[CountyShape, ...]
    without_shape: tuple  # areas whose county has no shape in the 2017 map


def state_map(guide, code: str) -> StateMap | None:
    """The county map of one state, or None where the map has no county shapes for it."""
    state = guide.state_by_code[code]
    rings = {f: r for f, r in guide.reference.county_rings.items() if f[:2] == state.fips and r}
    if not rings:
        return None
    box = geo.bbox(list(rings.values()))
    width = STATE_MAP_WIDTH
    height = max(1, round((box[3] - box[1]) * width / (box[2] - box[0])))
    shapes = []
    for fips in sorted(rings, key=lambda f: guide.reference.county_shapes[f].name if f in guide.reference.county_shapes else f):
        shape = guide.reference.county_shapes.get(fips)
        shapes.append(CountyShape(fips, shape.name if shape else fips, geo.fit_path(rings[fips], box, width, STATE_TOLERANCE),
                                  guide.area_of_county(fips), len(guide.agreements_in_fips(fips)),
                                  fips in guide.census_counties))
    drawn = {s.fips for s in shapes}
    without = tuple(a for a in guide.areas_in(code, "county") if a.counties[0] not in drawn)
    return StateMap(width, height, tuple(shapes), without)


def national_agreement_counties(guide) -> list[tuple[str, str]]:
    """(FIPS, path on the national map) of every county with at least one 287(g) agreement."""
    frame = (0.0, 0.0, 975.0, 610.0)
    out = []
    for fips in sorted({a.county_fips for a in guide.agreements if a.county_fips}):
        rings = guide.reference.county_rings.get(fips)
        if rings:
            out.append((fips, geo.fit_path(rings, frame, 975.0, NATIONAL_TOLERANCE)))
    return out
