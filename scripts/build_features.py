"""Build ``geo/data/features.tsv``: named islands, island groups and lakes.

Usage (a developer's step; it fetches its input with apt-get)::

    .venv/bin/python scripts/build_features.py [--cache DIR] [--data-dir geo/data]

Input: the Debian package ``r-cran-maps`` (R's ``maps`` package), whose ``world``
database is Natural Earth 1:50m land with its polygons named ``Country:Island``
("Japan:Kyushu", "Russia:Ostrov Kunashir", "Finland:Aland Islands:Foglo"), and
whose ``lakes`` database holds the major lakes. The ``.N`` files name the
polygons; ``.G`` lists each polygon's lines and ``.L`` holds the lines' points
(float32 radians), read here by their byte layout.

Output rows: id (``other:feature-<slug>``), name, kind ("other", the gazetteer's kind for
hand-picked islands and lakes such as Luzon and Lake Chad; "region" is for macro-regions
with members), iso (the admin-0 country the feature's point lies in, from
``admin0.parquet``; empty at sea or inside a disputed area of ``disputed.parquet``),
lat, lon, alternative names (``|``). The gazetteer reads them last and only
under forms no other place bears (:func:`geo.gazetteer_build._load_features`).
"""

from __future__ import annotations

import argparse
import math
import re
import struct
import subprocess
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq
import shapely
from shapely.geometry import Point, Polygon

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "r-cran-maps"
MAPDATA = "usr/lib/R/site-library/maps/mapdata"
#: Russian "island(s)" in the source's transliterated names; the bare name is the English one
_RU_PREFIX = re.compile(r"^Ostrova? ")
_SKIP_PART = re.compile(r"^\d+$|enclave|border|^\?$", re.IGNORECASE)


def fetch(cache: Path) -> tuple[Path, str]:
    """The unpacked mapdata folder of ``r-cran-maps`` and the package version."""
    cache.mkdir(parents=True, exist_ok=True)
    debs = sorted(cache.glob("r-cran-maps_*.deb"))
    if not debs:
        subprocess.run(["apt-get", "download", PACKAGE], cwd=cache, check=True)
        debs = sorted(cache.glob("r-cran-maps_*.deb"))
    out = cache / "r-cran-maps"
    if not (out / MAPDATA).exists():
        subprocess.run(["dpkg-deb", "-x", str(debs[-1]), str(out)], check=True)
    version = debs[-1].name.split("_")[1].replace("%3a", ":")
    return out / MAPDATA, version


def read_polygons(base: Path) -> dict[int, Polygon]:
    """Polygon number (1-based, as in the ``.N`` file) -> ring, from ``base.G`` and ``base.L``."""
    lbytes = base.with_suffix(".L").read_bytes()
    _coordtype, nlines = struct.unpack_from("<ii", lbytes, 0)
    lines = []
    for i in range(nlines):
        offset, npair = struct.unpack_from("<iH", lbytes, 8 + 28 * i)
        pts = struct.unpack_from(f"<{2 * npair}f", lbytes, offset)
        lines.append([(math.degrees(pts[j]), math.degrees(pts[j + 1])) for j in range(0, len(pts), 2)])
    gbytes = base.with_suffix(".G").read_bytes()
    (npoly,) = struct.unpack_from("<H", gbytes, 0)
    polys = {}
    for k in range(npoly):
        offset, n = struct.unpack_from("<iH", gbytes, 2 + 24 * k)
        ring: list[tuple[float, float]] = []
        for lid in struct.unpack_from(f"<{n}i", gbytes, offset):
            pts = lines[abs(lid) - 1]
            ring.extend(pts if lid > 0 else pts[::-1])
        if len(ring) >= 3:
            polys[k + 1] = shapely.make_valid(Polygon(ring))
    return polys


def read_names(base: Path) -> list[tuple[str, int]]:
    rows = []
    for line in base.with_suffix(".N").read_text(encoding="latin-1").splitlines():
        name, _, num = line.rpartition("\t")
        if name:
            rows.append((name, int(num)))
    return rows


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def island_features(base: Path) -> list[tuple[str, list[str], object]]:
    """(name, alt names, geometry) of every named island and island group of the ``world`` database."""
    polys = read_polygons(base)
    groups: dict[str, list[object]] = defaultdict(list)
    alts: dict[str, set[str]] = defaultdict(set)
    for full, num in read_names(base):
        parts = full.split(":")[1:]  # the first part is the country
        if num not in polys:
            continue
        for part in parts:
            part = part.strip()
            if not part or _SKIP_PART.search(part):
                continue
            bare = _RU_PREFIX.sub("", part)
            groups[bare].append(polys[num])
            if bare != part:
                alts[bare].add(part)
    return [(name, sorted(alts[name]), shapely.union_all(geoms)) for name, geoms in sorted(groups.items())]


def lake_features(base: Path) -> list[tuple[str, list[str], object]]:
    """(name, alt names, geometry) of the ``lakes`` database: its parts (":2") and islands left out."""
    polys = read_polygons(base)
    groups: dict[str, list[object]] = defaultdict(list)
    for full, num in read_names(base):
        parts = full.split(":")
        great = parts[0] == "Great Lakes"  # "Great Lakes:Erie"; "Superior, Huron, Michigan" is no one lake
        name = parts[0] if not great else "" if "," in parts[1] else f"Lake {parts[1]}"
        if not name or name == "?" or "Res." in name or num not in polys:
            continue
        groups[name].append(polys[num])
    return [(name, [], shapely.union_all(geoms)) for name, geoms in sorted(groups.items())]


def _layer(path: Path) -> tuple[list[str], list[object]]:
    t = pq.read_table(path, columns=["id", "iso", "geometry"]).to_pydict()
    geoms = list(shapely.from_wkb(t["geometry"]))
    return [i or "" for i in t["iso"]], geoms


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "geobrief-features-cache")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "geo" / "data")
    args = parser.parse_args(argv)
    mapdata, version = fetch(args.cache)
    isos, countries = _layer(args.data_dir / "admin0.parquet")
    _, disputed = _layer(args.data_dir / "disputed.parquet")
    ctree, dtree = shapely.STRtree(countries), shapely.STRtree(disputed)

    def country_of(pt: Point) -> str:
        if len(dtree.query(pt, predicate="intersects")):
            return ""
        hits = ctree.query(pt, predicate="intersects")
        return isos[int(hits[0])] if len(hits) == 1 else ""

    rows: dict[str, tuple] = {}
    feats = [*island_features(mapdata / "world"), *lake_features(mapdata / "lakes")]
    for name, alt, geom in feats:
        pt = geom.point_on_surface()
        if pt.is_empty:
            continue
        fid = f"other:feature-{slugify(name)}"
        if fid in rows:  # the same name in two countries: keep the first (alphabetical by country)
            continue
        rows[fid] = (fid, name, "other", country_of(pt), f"{pt.y:.3f}", f"{pt.x:.3f}", "|".join(alt))
    header = [
        "# Named islands, island groups and lakes for geobrief's gazetteer (read last, only under free forms).",
        f"# Source: Debian package {PACKAGE} {version} (R 'maps', GPL-2): 'world' database (Natural Earth 1:50m,",
        "# public domain, island names added by the maps authors) and 'lakes' database (Natural Earth lakes).",
        "# Built by scripts/build_features.py; iso by point-in-polygon against admin0.parquet (empty at sea",
        "# or in a disputed area). See SOURCES.md.",
        "id\tname\tkind\tiso\tlat\tlon\talt_names",
    ]
    out = args.data_dir / "features.tsv"
    body = ["\t".join(r) for r in sorted(rows.values())]
    out.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{out}: {len(body)} features from {PACKAGE} {version}")


if __name__ == "__main__":
    main()
