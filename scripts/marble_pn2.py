"""Read Marble's packed polygon files (``.pn2``) into shapely polygons.

Marble (KDE's virtual globe, Debian package ``marble-qt-data``) ships some
Natural Earth 50m layers in a compact binary form. This reader was written
from the byte layout of the files, as observed in version 2 files:

- header: ``uint8`` version (2), ``uint32`` polygon count, ``uint8`` flag
  (1 when a colour index follows each polygon; 0 in the files read here);
- then records, each starting with a ``uint8`` tag:

  - tag 4 (group header): ``uint32`` feature id, ``uint8`` number of parts
    that follow; carries no coordinates;
  - any other tag (a ring): ``uint32`` feature id, ``uint32`` number of
    absolute nodes, then per absolute node ``int16`` lat, ``int16`` lon and
    ``int16`` count of relative nodes, followed by that many ``int8``
    (lat, lon) offsets *from that absolute node* (not chained).

All integers are big-endian; coordinates are in units of 1/120 degree
(half an arc minute). Several rings may share a feature id (islands).

Examples
--------
>>> rings = read_pn2_rings(path)            # doctest: +SKIP
>>> features = rings_to_polygons(rings)     # {feature id: shapely geometry}  # doctest: +SKIP
"""

from __future__ import annotations

import struct
from collections import defaultdict
from pathlib import Path

UNITS_PER_DEGREE = 120.0
GROUP_TAG = 4


class Pn2Error(ValueError):
    """The file does not follow the layout this reader understands."""


def read_pn2_rings(path: str | Path) -> list[tuple[int, list[tuple[float, float]]]]:
    """Decode a ``.pn2`` file into ``(feature id, [(lon, lat), ...])`` rings.

    Parameters
    ----------
    path
        The ``.pn2`` file.

    Returns
    -------
    list of (int, list of (float, float))
        One entry per ring, in file order, coordinates in degrees.
    """
    data = Path(path).read_bytes()
    if len(data) < 6:
        raise Pn2Error(f"{path}: too short for a header")
    version = data[0]
    if version != 2:
        raise Pn2Error(f"{path}: version {version}, only version 2 is understood")
    has_colour = data[5] != 0
    pos = 6
    rings: list[tuple[int, list[tuple[float, float]]]] = []
    while pos < len(data):
        tag = data[pos]
        pos += 1
        if tag == GROUP_TAG:
            pos += 5  # feature id + part count: the parts themselves follow as rings
            continue
        feature_id, n_absolute = struct.unpack_from(">II", data, pos)
        pos += 8
        if has_colour:
            pos += 1
        points: list[tuple[float, float]] = []
        for _ in range(n_absolute):
            lat, lon, n_relative = struct.unpack_from(">hhh", data, pos)
            pos += 6
            points.append((lon / UNITS_PER_DEGREE, lat / UNITS_PER_DEGREE))
            offsets = struct.unpack_from(f">{2 * n_relative}b", data, pos)
            pos += 2 * n_relative
            for k in range(n_relative):
                d_lat, d_lon = offsets[2 * k], offsets[2 * k + 1]
                points.append(((lon + d_lon) / UNITS_PER_DEGREE, (lat + d_lat) / UNITS_PER_DEGREE))
        rings.append((feature_id, points))
    if pos != len(data):
        raise Pn2Error(f"{path}: decoding overran the file ({pos} of {len(data)} bytes)")
    return rings


def rings_to_polygons(rings: list[tuple[int, list[tuple[float, float]]]]) -> dict[int, object]:
    """Group rings by feature id into valid shapely (multi)polygons.

    Parameters
    ----------
    rings
        Output of :func:`read_pn2_rings`.

    Returns
    -------
    dict
        Feature id to a shapely Polygon or MultiPolygon (repaired with
        ``make_valid`` where a ring self-touches).
    """
    import shapely
    from shapely.geometry import Polygon

    parts: dict[int, list[Polygon]] = defaultdict(list)
    for feature_id, points in rings:
        if len(points) >= 3:
            parts[feature_id].append(Polygon(points))
    out: dict[int, object] = {}
    for feature_id, polys in parts.items():
        geom = shapely.make_valid(shapely.union_all(polys))
        polys_only = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
        out[feature_id] = shapely.union_all(polys_only)
    return out
