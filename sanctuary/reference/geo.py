"""Map shapes from the projected us-atlas TopoJSON (plain Python, no projection code).

The TopoJSON is already projected (Albers USA) into a 975×610 viewport: arcs are decoded, joined
into rings and written as SVG path data, dropping points closer than a fraction of a pixel so the
map stays small. County centroids place the points for cities, counties and 287(g) agreements.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..errors import FileCheck

WIDTH, HEIGHT = 975, 610


@dataclass(frozen=True)
class Shape:
    id: str  # FIPS
    name: str
    path: str  # SVG path data
    centroid: tuple[float, float]


def parse_topojson(text: str, obj: str, check: FileCheck) -> dict | None:
    try:
        topo = json.loads(text)
    except json.JSONDecodeError as exc:
        check.at(exc.lineno, "", f"not valid JSON: {exc.msg}")
        return None
    try:
        topo["transform"]["scale"], topo["transform"]["translate"], topo["arcs"]
        geometries = topo["objects"][obj]["geometries"]
    except (KeyError, TypeError) as exc:
        check.at(1, f"objects.{obj}", f"not a us-atlas TopoJSON file (no {exc})")
        return None
    for i, geom in enumerate(geometries):
        if not isinstance(geom.get("id"), str) or "name" not in geom.get("properties", {}):
            check.at(1, f"objects.{obj}.geometries[{i}]", "a shape needs an id and properties.name")
            return None
    return topo


def _arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def _simplify(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    kept = [ring[0]]
    for p in ring[1:-1]:
        q = kept[-1]
        if abs(p[0] - q[0]) + abs(p[1] - q[1]) >= tolerance:
            kept.append(p)
    kept.append(ring[-1])
    return kept


def _num(tenths: int) -> str:
    """A coordinate in tenths of a pixel, written as short as SVG allows ('-0.3' -> '-.3')."""
    text = f"{tenths / 10:.1f}".rstrip("0").rstrip(".")
    if text.startswith("0."):
        return text[1:]
    if text.startswith("-0."):
        return "-" + text[2:]
    return text


def _path(rings: list[list[tuple[float, float]]], tolerance: float) -> str:
    parts = []
    for ring in rings:
        pts = _simplify(ring, tolerance)
        if len(pts) < 4:
            continue
        # absolute start, then relative steps on a 0.1 px grid (shorter than absolute points)
        grid = [(round(x * 10), round(y * 10)) for x, y in pts[:-1]]
        steps = " ".join(_num(x1 - x0) + "," + _num(y1 - y0) for (x0, y0), (x1, y1) in zip(grid, grid[1:]) if (x1, y1) != (x0, y0))
        parts.append(f"M{_num(grid[0][0])},{_num(grid[0][1])}l{steps}z")
    return "".join(parts)


def _area_centroid(ring: list[tuple[float, float]]) -> tuple[float, tuple[float, float]]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        f = x0 * y1 - x1 * y0
        a += f
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    if a == 0:
        xs, ys = zip(*ring)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(a / 2), (cx / (3 * a), cy / (3 * a))


def shapes(topo: dict, obj: str, tolerance: float | None) -> dict[str, Shape]:
    """FIPS -> shape (with SVG path data when ``tolerance`` is given, else centroid only)."""
    arcs = _arcs(topo)
    out = {}
    for geom in topo["objects"][obj]["geometries"]:
        if geom["type"] == "Polygon":
            polygons = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polygons = geom["arcs"]
        else:
            continue
        outer = [_ring(poly[0], arcs) for poly in polygons]
        centroid = max((_area_centroid(r) for r in outer), key=lambda t: t[0])[1]
        path = _path([_ring(r, arcs) for poly in polygons for r in poly], tolerance) if tolerance else ""
        out[geom["id"]] = Shape(geom["id"], geom["properties"]["name"], path, centroid)
    return out


# ---------------------------------------------------------------- placing a point in a county

# d3's geoAlbersUsa as us-atlas used it (scale 1300, translate [487.5, 305]): the same projection as
# the shapes, so a facility's longitude and latitude fall in the right county shape.
_K, _X, _Y = 1300.0, 487.5, 305.0
# (rotate λ, center [λ, φ], parallels, scale factor, translate offset in units of k)
_PARTS = {
    "lower48": (96.0, (-0.6, 38.7), (29.5, 45.5), 1.0, (0.0, 0.0)),
    "alaska": (154.0, (-2.0, 58.5), (55.0, 65.0), 0.35, (-0.307, 0.201)),
    "hawaii": (157.0, (-3.0, 19.9), (8.0, 18.0), 1.0, (-0.205, 0.212)),
}


def _conic(lam: float, phi: float, parallels: tuple[float, float]) -> tuple[float, float]:
    import math

    sy0 = math.sin(math.radians(parallels[0]))
    n = (sy0 + math.sin(math.radians(parallels[1]))) / 2
    c = 1 + sy0 * (2 * n - sy0)
    r0 = math.sqrt(c) / n
    r = math.sqrt(max(c - 2 * n * math.sin(phi), 0.0)) / n
    return r * math.sin(lam * n), r0 - r * math.cos(lam * n)


def project(lon: float, lat: float, state: str) -> tuple[float, float]:
    """Longitude and latitude to the map's 975×610 pixels (Alaska and Hawaii in their insets)."""
    import math

    rot, (clon, clat), parallels, scale, (ox, oy) = _PARTS["alaska" if state == "AK" else "hawaii" if state == "HI" else "lower48"]
    k = _K * scale
    lam = math.radians(((lon + rot + 180) % 360) - 180)
    px, py = _conic(lam, math.radians(lat), parallels)
    cx, cy = _conic(math.radians(clon), math.radians(clat), parallels)
    return _X + ox * _K + k * (px - cx), _Y + oy * _K - k * (py - cy)


def rings(topo: dict, obj: str) -> dict[str, list[list[tuple[float, float]]]]:
    """FIPS -> the full rings of its shape (for point-in-polygon; no simplification)."""
    arcs = _arcs(topo)
    out = {}
    for geom in topo["objects"][obj]["geometries"]:
        polygons = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"] if geom["type"] == "MultiPolygon" else []
        out[geom["id"]] = [_ring(r, arcs) for poly in polygons for r in poly]
    return out


def bbox(ring_lists: list[list[list[tuple[float, float]]]]) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) of every point of the given shapes."""
    xs = [x for rings_ in ring_lists for ring in rings_ for x, _ in ring]
    ys = [y for rings_ in ring_lists for ring in rings_ for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def fit_path(ring_list: list[list[tuple[float, float]]], box: tuple[float, float, float, float], width: float,
             tolerance: float) -> str:
    """SVG path data of a shape drawn in a frame where ``box`` is ``width`` pixels wide (a state's
    county map zooms the national projection to the state)."""
    minx, miny, maxx, _ = box
    scale = width / (maxx - minx)
    local = [[((x - minx) * scale, (y - miny) * scale) for x, y in ring] for ring in ring_list]
    # A shape smaller than the tolerance (Virginia's small independent cities) keeps its points
    # rather than vanish, and one the atlas reduced to a sliver becomes a small square at its
    # place: every county stays on its state's map, as a link.
    found = _path(local, tolerance) or _path(local, 0.0)
    if not found:
        xs = [x for ring in local for x, _ in ring]
        ys = [y for ring in local for _, y in ring]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        found = f"M{_num(round(cx * 10) - 20)},{_num(round(cy * 10) - 20)}h4v4h-4z"
    return found


def contains(ring_list: list[list[tuple[float, float]]], x: float, y: float) -> bool:
    """Even-odd rule over every ring (holes included)."""
    inside = False
    for ring in ring_list:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
                inside = not inside
    return inside
