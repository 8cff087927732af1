"""Shapes of the offline gazetteer: countries, admin-1 units, seas, straits, disputed areas.

The committed data in ``geo/data/`` (built by ``scripts/build_geodata.py``)
is one small JSON index with a row per feature (id, name, kind, point,
geodesic area, alternative names) plus one GeoParquet file per layer holding
the outlines as WKB. Listing records reads only the index; an outline is
decoded the first time it is asked for.

Nothing loads at import time.

Examples
--------
>>> shapes = load_shapes()
>>> rec = shapes.record("sea:black-sea")
>>> rec.kind, 392_000 < rec.area_km2 < 480_000
('sea', True)
>>> shapes.geometry("UA").geom_type in ("Polygon", "MultiPolygon")
True
"""

from __future__ import annotations

import functools
import gzip
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
INDEX_FILE = "shapes_index.json"
BASEMAP_FILE = "basemap.geojson.gz"


LARGE_UNION = 60
"""Members past which the union of outlines skips snapping to a grid (see ``union``)."""


@dataclass(frozen=True)
class ShapeRecord:
    """One shaped gazetteer feature, without its outline.

    ``id`` follows the project's place ids ("UA", "admin1:UA-14",
    "sea:black-sea", "strait:bosphorus", "disputed:donbas"). ``iso`` is the
    ISO alpha-2 code of the country the feature belongs to de jure (None for
    seas and straits). ``lat``/``lon`` is a representative point inside the
    shape (for countries: inside the main landmass). ``area_km2`` is the
    geodesic area of the full-resolution source shape. ``attrs`` holds extra
    attributes as sorted (key, value) pairs, e.g. ``gn_a1_code`` for admin-1
    units, ``iso_a3`` for countries, ``period`` for disputed outlines.
    """

    id: str
    name: str
    kind: str
    iso: str | None
    lat: float
    lon: float
    area_km2: float
    alt_names: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def attr(self, key: str, default: str | None = None) -> str | None:
        """Return the extra attribute ``key`` (e.g. ``"gn_a1_code"``) or ``default``."""
        for k, v in self.attrs:
            if k == key:
                return v
        return default


class ShapeIndex:
    """Records of every shaped feature, with lazily decoded outlines.

    Use :func:`load_shapes` rather than building one directly.
    """

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self._data_dir = Path(data_dir)
        raw = json.loads((self._data_dir / INDEX_FILE).read_text(encoding="utf-8"))
        cols = {name: i for i, name in enumerate(raw["columns"])}
        self._records: list[ShapeRecord] = []
        self._by_id: dict[str, ShapeRecord] = {}
        self._where: dict[str, tuple[str, int]] = {}
        for row in raw["rows"]:
            rec = ShapeRecord(
                id=row[cols["id"]],
                name=row[cols["name"]],
                kind=row[cols["kind"]],
                iso=row[cols["iso"]],
                lat=row[cols["lat"]],
                lon=row[cols["lon"]],
                area_km2=row[cols["area_km2"]],
                alt_names=tuple(row[cols["alt_names"]]),
                attrs=tuple(sorted((k, str(v)) for k, v in row[cols["attrs"]].items())),
            )
            self._where[rec.id] = (row[cols["layer"]], row[cols["row"]])
            if rec.kind == "other":  # minor admin-0 pieces (leases, reefs): basemap only
                continue
            self._records.append(rec)
            self._by_id[rec.id] = rec
        self._wkb: dict[str, list[bytes]] = {}
        self._geoms: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._basemap: dict | None = None

    # ----------------------------------------------------------------- records

    def records(self) -> list[ShapeRecord]:
        """Every shaped feature (countries, admin-1, seas, straits, disputed areas)."""
        return list(self._records)

    def record(self, id: str) -> ShapeRecord | None:
        """The record for ``id``, or None."""
        return self._by_id.get(id)

    def __contains__(self, id: object) -> bool:
        return id in self._by_id

    def __len__(self) -> int:
        return len(self._records)

    # ----------------------------------------------------------------- geometry

    def _layer_wkb(self, layer: str) -> list[bytes]:
        blobs = self._wkb.get(layer)
        if blobs is None:
            import pyarrow.parquet as pq

            table = pq.read_table(self._data_dir / f"{layer}.parquet", columns=["geometry"])
            blobs = table.column("geometry").to_pylist()
            self._wkb[layer] = blobs
        return blobs

    def geometry(self, id: str):
        """The outline of ``id`` as a shapely geometry (decoded once, then cached), or None.

        Parameters
        ----------
        id
            A record id such as ``"UA"`` or ``"sea:black-sea"``.
        """
        geom = self._geoms.get(id)
        if geom is not None:
            return geom
        where = self._where.get(id)
        if where is None:
            return None
        import shapely

        with self._lock:
            geom = self._geoms.get(id)
            if geom is None:
                layer, row = where
                geom = shapely.from_wkb(self._layer_wkb(layer)[row])
                self._geoms[id] = geom
        return geom

    def union(self, ids: Iterable[str]):
        """Union of the outlines of ``ids`` (unknown ids are ignored); empty polygon if none.

        Examples
        --------
        >>> load_shapes().union(["FR", "DE"]).area > load_shapes().geometry("FR").area
        True
        """
        import shapely
        from shapely.geometry import Polygon

        # each id once: a member list that repeats itself must not grow the union's input
        geoms = [g for g in (self.geometry(i) for i in dict.fromkeys(ids)) if g is not None]
        if not geoms:
            return Polygon()
        # Snapping to a 0.001° grid closes the slivers between neighbours' borders, but costs
        # 3-4 times as much: 3.7 s for every country at once. Past LARGE_UNION members the
        # union is drawn at a tolerance of 0.1°, where those slivers are far below a pixel.
        grid = None if len(geoms) > LARGE_UNION else 0.001
        return shapely.make_valid(shapely.union_all(geoms, grid_size=grid))

    # ----------------------------------------------------------------- basemap

    def basemap_geojson(self) -> dict:
        """A GeoJSON FeatureCollection of all country outlines for a world basemap.

        Outlines are the admin-0 shapes simplified further at build time
        (0.08°, specks dropped, coordinates rounded to 3 decimals; about
        0.6 MB serialised); properties are ``id`` and ``name``. Read once,
        then cached; callers must not mutate it.
        """
        if self._basemap is None:
            with gzip.open(self._data_dir / BASEMAP_FILE, "rt", encoding="utf-8") as fh:
                self._basemap = json.load(fh)
        return self._basemap


_LOAD_LOCK = threading.Lock()


@functools.cache
def load_shapes(data_dir: str | None = None) -> ShapeIndex:
    """Load (once) the shape index from ``geo/data`` or ``data_dir``.

    Threads that ask at the same time share one load (see
    :func:`geo.gazetteer.load_gazetteer`).

    Examples
    --------
    >>> load_shapes() is load_shapes()
    True
    """
    with _LOAD_LOCK:
        return _load(data_dir)


@functools.cache
def _load(data_dir: str | None) -> ShapeIndex:
    return ShapeIndex(Path(data_dir) if data_dir else DATA_DIR)
