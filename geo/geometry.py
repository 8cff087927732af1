"""Geometry helpers for drawing relations: geodesic arcs, bows, unwrapping, bearings.

Every function here is pure: numbers in, numbers out. Points are
``(lat, lon)`` pairs in degrees, the order Leaflet uses, unless a name
says otherwise. Curves are bent in Web Mercator (EPSG:3857), the plane the
map is drawn in, so a bow looks the same at every latitude.

Examples
--------
>>> pts = geodesic_latlngs((50.45, 30.52), (39.93, 32.86), n=8)
>>> len(pts), pts[0], pts[-1]
(10, (50.45, 30.52), (39.93, 32.86))
>>> unwrap_longitudes([170.0, 179.0, -179.0, -170.0])
[170.0, 179.0, 181.0, 190.0]
>>> round(mercator_bearing((0.0, 0.0), (0.0, 1.0)))
90
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

LatLng = tuple[float, float]

#: Web Mercator cannot show the poles; latitudes are clamped to this.
MAX_LATITUDE = 85.05112878
_R = 6378137.0


def unwrap_longitudes(lons: Sequence[float]) -> list[float]:
    """Shift longitudes by whole turns so that neighbours differ by less than 180°.

    A line drawn through the result crosses the antimeridian instead of
    running the long way round the world.

    Parameters
    ----------
    lons : sequence of float
        Longitudes in degrees, in drawing order.

    Returns
    -------
    list of float
        The same longitudes; the first is unchanged, later ones may lie
        outside [-180, 180].

    Examples
    --------
    >>> unwrap_longitudes([-170.0, 175.0])
    [-170.0, -185.0]
    """
    out: list[float] = []
    for lon in lons:
        lon = float(lon)
        if out:
            prev = out[-1]
            lon += 360.0 * round((prev - lon) / 360.0)
        out.append(lon)
    return out


def unwrap_latlngs(points: Sequence[LatLng]) -> list[LatLng]:
    """Unwrap the longitudes of a ``(lat, lon)`` polyline; see `unwrap_longitudes`."""
    lons = unwrap_longitudes([p[1] for p in points])
    return [(float(p[0]), lon) for p, lon in zip(points, lons, strict=True)]


@cache
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def geodesic_latlngs(start: LatLng, end: LatLng, n: int = 48) -> list[LatLng]:
    """Points along the shortest path on the WGS84 ellipsoid, endpoints included.

    Parameters
    ----------
    start, end : (lat, lon)
        The two ends, in degrees.
    n : int
        How many intermediate points to add.

    Returns
    -------
    list of (lat, lon)
        ``n + 2`` points with unwrapped longitudes (the first keeps its
        longitude), so the line never jumps across the map.

    Examples
    --------
    >>> pts = geodesic_latlngs((60.0, 170.0), (60.0, -170.0), n=3)
    >>> [round(lon) for _, lon in pts]
    [170, 175, 180, 185, 190]
    """
    (lat1, lon1), (lat2, lon2) = start, end
    if (lat1, lon1) == (lat2, lon2) or n <= 0:
        return unwrap_latlngs([(lat1, lon1), (lat2, lon2)])
    mids = _geod().npts(lon1, lat1, lon2, lat2, n)
    pts = [(lat1, lon1), *((lat, lon) for lon, lat in mids), (lat2, lon2)]
    return unwrap_latlngs(pts)


def to_mercator(point: LatLng) -> tuple[float, float]:
    """Project ``(lat, lon)`` to Web Mercator ``(x, y)`` metres (y grows northwards).

    Examples
    --------
    >>> to_mercator((0.0, 180.0))[0]
    20037508.342789244
    """
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, point[0]))
    x = _R * math.radians(point[1])
    y = _R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return x, y


def from_mercator(xy: tuple[float, float]) -> LatLng:
    """Inverse of `to_mercator`: Web Mercator metres to ``(lat, lon)`` degrees.

    Examples
    --------
    >>> lat, lon = from_mercator(to_mercator((45.0, 30.0)))
    >>> round(lat, 9), round(lon, 9)
    (45.0, 30.0)
    """
    x, y = xy
    lon = math.degrees(x / _R)
    lat = math.degrees(2 * math.atan(math.exp(y / _R)) - math.pi / 2)
    return lat, lon


def mercator_bearing(start: LatLng, end: LatLng) -> float:
    """Screen direction from ``start`` to ``end`` on a Web Mercator map.

    Parameters
    ----------
    start, end : (lat, lon)
        Two points; longitudes should already be unwrapped.

    Returns
    -------
    float
        Degrees clockwise from screen-up (north), in [0, 360). A CSS
        ``rotate()`` by this angle turns an upward-pointing arrowhead to
        point along the segment.

    Examples
    --------
    >>> round(mercator_bearing((10.0, 0.0), (0.0, 0.0)))
    180
    """
    x1, y1 = to_mercator(start)
    x2, y2 = to_mercator(end)
    return math.degrees(math.atan2(x2 - x1, y2 - y1)) % 360.0


def bezier_bow(start: LatLng, end: LatLng, bend: float, n: int = 32) -> list[LatLng]:
    """A quadratic Bézier bow from ``start`` to ``end``, drawn in Web Mercator.

    Parameters
    ----------
    start, end : (lat, lon)
        The two ends. The end's longitude is unwrapped towards the start.
    bend : float
        How far the middle of the bow leaves the straight chord, as a
        fraction of the chord's length. Positive bends to the left of the
        direction of travel, negative to the right, so swapping the ends
        and the sign gives the same curve.
    n : int
        Number of segments.

    Returns
    -------
    list of (lat, lon)
        ``n + 1`` points, from ``start`` to ``end``.

    Examples
    --------
    >>> pts = bezier_bow((0.0, 0.0), (0.0, 10.0), 0.25, n=2)
    >>> round(pts[1][0], 2), round(pts[1][1], 2)
    (2.5, 5.0)
    """
    (lat1, lon1), (lat2, lon2) = start, end
    lon2 = unwrap_longitudes([lon1, lon2])[1]
    ax, ay = to_mercator((lat1, lon1))
    bx, by = to_mercator((lat2, lon2))
    dx, dy = bx - ax, by - ay
    # Left normal of the chord; the control point sits at twice the apex offset.
    cx = (ax + bx) / 2 - 2 * bend * dy
    cy = (ay + by) / 2 + 2 * bend * dx
    pts: list[LatLng] = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        x = u * u * ax + 2 * u * t * cx + t * t * bx
        y = u * u * ay + 2 * u * t * cy + t * t * by
        pts.append(from_mercator((x, y)))
    pts[0], pts[-1] = (lat1, lon1), (lat2, lon2)
    return unwrap_latlngs(pts)


def bend_curve(points: Sequence[LatLng], bend: float) -> list[LatLng]:
    """Bow an existing polyline (e.g. a geodesic) sideways by a parabolic offset.

    Each point moves along the left normal of the start→end chord by
    ``bend × chord length × 4t(1 − t)``, where ``t`` is the point's share of
    the way along the line, so the ends stay put and the middle moves most.

    Examples
    --------
    >>> line = [(0.0, 0.0), (0.0, 5.0), (0.0, 10.0)]
    >>> round(bend_curve(line, 0.25)[1][0], 2)
    2.5
    """
    pts = unwrap_latlngs(points)
    if bend == 0 or len(pts) < 3:
        return pts
    xy = [to_mercator(p) for p in pts]
    (ax, ay), (bx, by) = xy[0], xy[-1]
    dx, dy = bx - ax, by - ay
    steps = [math.dist(xy[i], xy[i + 1]) for i in range(len(xy) - 1)]
    total = sum(steps) or 1.0
    out: list[LatLng] = [pts[0]]
    run = 0.0
    for i in range(1, len(xy) - 1):
        run += steps[i - 1]
        t = run / total
        k = bend * 4 * t * (1 - t)
        out.append(from_mercator((xy[i][0] - k * dy, xy[i][1] + k * dx)))
    out.append(pts[-1])
    return unwrap_latlngs(out)


def lane_bend(lane: int, base: float = 0.14, step: float = 0.16) -> float:
    """The bend for the ``lane``-th arc between one pair of places.

    Lanes alternate sides and grow outwards (``+b, −b, +(b+s), −(b+s), …``)
    so that several arcs between the same two places never overlap.

    Examples
    --------
    >>> [round(lane_bend(i), 2) for i in range(4)]
    [0.14, -0.14, 0.3, -0.3]
    """
    magnitude = base + step * (lane // 2)
    return magnitude if lane % 2 == 0 else -magnitude


def along(points: Sequence[LatLng], fraction: float) -> LatLng:
    """The point a given fraction of the way along a polyline (measured in Mercator).

    Examples
    --------
    >>> along([(0.0, 0.0), (0.0, 10.0)], 0.5)
    (0.0, 5.0)
    """
    if len(points) == 1:
        return points[0]
    xy = [to_mercator(p) for p in points]
    steps = [math.dist(xy[i], xy[i + 1]) for i in range(len(xy) - 1)]
    goal = max(0.0, min(1.0, fraction)) * sum(steps)
    for i, step in enumerate(steps):
        if goal <= step or i == len(steps) - 1:
            t = 0.0 if step == 0 else min(1.0, goal / step)
            x = xy[i][0] + t * (xy[i + 1][0] - xy[i][0])
            y = xy[i][1] + t * (xy[i + 1][1] - xy[i][1])
            lat, lon = from_mercator((x, y))
            return round(lat, 9), round(lon, 9)
        goal -= step
    return points[-1]
