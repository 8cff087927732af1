"""Outlines for places: where the layers get polygons, simplified for the browser.

The gazetteer's shapes live in `geo.shapes`; this module only asks it for a
geometry by id (or a union of ids) and turns the answer into a compact
GeoJSON geometry: simplified, one path per feature, coordinates rounded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Protocol

#: Simplification tolerance in degrees, and coordinate rounding in decimals.
TOLERANCE = 0.02
DECIMALS = 3
#: Large features are shown at small zooms, where a pixel spans a tenth of a degree or more,
#: so they are simplified in proportion to their extent, up to this tolerance.
MAX_TOLERANCE = 0.1
EXTENT_PER_TOLERANCE = 600.0


def tolerance_for(geom: Any) -> float:
    """The simplification tolerance for a geometry: `TOLERANCE`, coarser for large extents.

    >>> from shapely.geometry import box
    >>> tolerance_for(box(30, 45, 40, 52)), tolerance_for(box(27, 41, 180, 78))
    (0.02, 0.1)
    """
    minx, miny, maxx, maxy = geom.bounds
    extent = max(maxx - minx, maxy - miny)
    return min(MAX_TOLERANCE, max(TOLERANCE, extent / EXTENT_PER_TOLERANCE))


class Outlines(Protocol):
    """What the layers need from `geo.shapes.load_shapes()`."""

    def geometry(self, shape_id: str) -> Any:
        """The shapely geometry of one shape id, or None."""
        ...

    def union(self, ids: Any) -> Any:
        """The union of several shapes' geometries, or None."""
        ...

    def basemap_geojson(self) -> dict:
        """The land drawn under every map, as a GeoJSON FeatureCollection."""
        ...

    def __hash__(self) -> int:
        """Outlines are cache keys of the layers' memoised geometry look-ups."""
        ...


class NoOutlines:
    """Stands in when no shapes are available: every place is drawn as a point."""

    def geometry(self, shape_id: str) -> None:
        """No geometry: the place is drawn as a point."""
        return None

    def union(self, ids: Any) -> None:
        """No union: the members are drawn as points."""
        return None

    def basemap_geojson(self) -> dict:
        """An empty FeatureCollection."""
        return {"type": "FeatureCollection", "features": []}


def default_outlines() -> Outlines:
    """The gazetteer's shapes (`geo.shapes.load_shapes`), or `NoOutlines` if not installed."""
    try:
        from geo.shapes import load_shapes
    except ImportError:
        return NoOutlines()
    return load_shapes()


def compact_geojson(geom: Any, tolerance: float | None = None) -> dict | None:
    """A shapely (multi)polygon as a simplified, rounded GeoJSON geometry dict.

    Returns None for an empty or missing geometry. Polygons stay one
    (Multi)Polygon so Leaflet draws them as one SVG path. ``tolerance``
    defaults to `tolerance_for` the geometry.
    """
    if geom is None:
        return None
    import numpy as np
    import shapely

    if geom.is_empty:
        return None
    if geom.geom_type == "GeometryCollection":
        polys = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        if not polys:
            return None
        geom = shapely.union_all(polys)
    if tolerance is None:
        tolerance = tolerance_for(geom)
    geom = shapely.simplify(geom, tolerance, preserve_topology=True)
    geom = shapely.transform(geom, lambda c: np.round(c, DECIMALS))
    if geom.is_empty:
        return None
    import json

    return json.loads(shapely.to_geojson(geom))


@lru_cache(maxsize=1024)
def shape_geojson(outlines: Outlines, shape_id: str) -> dict | None:
    """`compact_geojson` of one gazetteer shape, cached (outlines are read-only)."""
    return compact_geojson(outlines.geometry(shape_id))


@lru_cache(maxsize=256)
def union_geojson(outlines: Outlines, ids: tuple[str, ...]) -> tuple[dict | None, tuple | None]:
    """`compact_geojson` of the union of some shapes and a point inside it, cached."""
    geom = outlines.union(list(ids))
    return compact_geojson(geom), representative_latlng(geom)


def representative_latlng(geom: Any) -> tuple[float, float] | None:
    """A point inside a geometry, for its label, as ``(lat, lon)``."""
    if geom is None or geom.is_empty:
        return None
    p = geom.representative_point() if geom.geom_type != "Point" else geom
    return round(p.y, 4), round(p.x, 4)
