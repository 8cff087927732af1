"""Checks of the committed shape data (geo/data) through geo.shapes.

These run against the real committed files: areas against published
figures, representative points against outlines, coverage of the features
issue 2 names.
"""

from __future__ import annotations

import json

import pytest
import shapely

from geo.shapes import ShapeRecord, load_shapes

REQUIRED_SEAS = [
    "black-sea",
    "sea-of-azov",
    "mediterranean-sea",
    "aegean-sea",
    "adriatic-sea",
    "caspian-sea",
    "red-sea",
    "persian-gulf",
    "gulf-of-aden",
    "arabian-sea",
    "gulf-of-oman",
    "south-china-sea",
    "east-china-sea",
    "sea-of-japan",
    "yellow-sea",
    "philippine-sea",
    "baltic-sea",
    "north-sea",
    "barents-sea",
    "norwegian-sea",
    "gulf-of-mexico",
    "caribbean-sea",
    "bay-of-bengal",
]
REQUIRED_STRAITS = [
    "bosphorus",
    "dardanelles",
    "kerch-strait",
    "strait-of-hormuz",
    "bab-el-mandeb",
    "strait-of-malacca",
    "taiwan-strait",
    "strait-of-gibraltar",
    "suez-canal",
]
REQUIRED_DISPUTED = {
    "nagorno-karabakh": "AZ",
    "crimea": "UA",
    "donbas": "UA",
    "transnistria": "MD",
    "abkhazia": "GE",
    "south-ossetia": "GE",
    "northern-cyprus": "CY",
    "western-sahara": "EH",
    "kashmir": "IN",
    "gaza-strip": "PS",
    "west-bank": "PS",
    "golan-heights": "SY",
    "kosovo": "XK",
    "taiwan": "TW",
}


@pytest.fixture(scope="module")
def shapes():
    return load_shapes()


@pytest.fixture(scope="module")
def countries(shapes):
    recs = [r for r in shapes.records() if r.kind == "country"]
    return {r.id: shapes.geometry(r.id) for r in recs}


def required_ids() -> list[str]:
    return (
        [f"sea:{s}" for s in REQUIRED_SEAS]
        + [f"strait:{s}" for s in REQUIRED_STRAITS]
        + [f"disputed:{s}" for s in REQUIRED_DISPUTED]
        + [
            "UA",
            "RU",
            "US",
            "FR",
            "NO",
            "XK",
            "TW",
            "EH",
            "PS",
            "LY",
            "admin1:UA-23",
            "admin1:UA-63",
            "admin1:UA-65",
            "admin1:UA-14",
            "admin1:UA-09",
        ]
    )


@pytest.mark.parametrize("fid", required_ids())
def test_required_feature_has_polygon(shapes, fid):
    rec = shapes.record(fid)
    assert rec is not None, f"{fid} missing"
    geom = shapes.geometry(fid)
    assert geom.geom_type in ("Polygon", "MultiPolygon") and not geom.is_empty
    assert geom.is_valid
    assert geom.contains(shapely.Point(rec.lon, rec.lat)), f"{fid}: point not inside its shape"


@pytest.mark.parametrize(
    ("fid", "expected_km2", "tolerance"),
    [
        ("sea:black-sea", 436_000, 0.10),
        ("disputed:donbas", 53_000, 0.10),
        ("disputed:crimea", 27_000, 0.10),
        ("sea:sea-of-azov", 39_000, 0.10),
        # NE's outline of Libya measures 1.62M km² (geodesic and equal-area alike), 7.7 % under
        # the official 1.76M; the tolerance reflects the data, not a tuning to it.
        ("LY", 1_760_000, 0.10),
        ("UA", 603_500, 0.05),
        ("disputed:nagorno-karabakh", 11_500, 0.10),
        ("disputed:south-ossetia", 3_900, 0.15),
        ("disputed:gaza-strip", 365, 0.15),
        ("sea:caspian-sea", 371_000, 0.10),
        ("sea:mediterranean-sea", 2_500_000, 0.25),
        ("sea:red-sea", 438_000, 0.15),
        ("sea:persian-gulf", 251_000, 0.15),
        ("sea:baltic-sea", 377_000, 0.20),
        ("sea:north-sea", 575_000, 0.20),
        ("sea:gulf-of-mexico", 1_550_000, 0.15),
        ("sea:caribbean-sea", 2_750_000, 0.20),
        ("sea:south-china-sea", 3_500_000, 0.25),
    ],
)
def test_area_against_reference(shapes, fid, expected_km2, tolerance):
    area = shapes.record(fid).area_km2
    assert abs(area - expected_km2) <= tolerance * expected_km2, f"{fid}: {area:,.0f} km²"


def test_seas_smaller_parts_do_not_leak(shapes):
    black = shapes.record("sea:black-sea").area_km2
    assert black < 480_000  # Marmara (11k) and Azov (39k) excluded, no leak into the Aegean
    med = shapes.geometry("sea:mediterranean-sea")
    assert not med.intersects(shapes.geometry("sea:black-sea").buffer(-0.05))


@pytest.mark.parametrize(
    ("fid", "lat", "lon"),
    [("RU", None, None), ("US", None, None), ("FR", None, None), ("NO", None, None)],
)
def test_country_point_in_main_landmass(shapes, fid, lat, lon):
    rec = shapes.record(fid)
    geom = shapes.geometry(fid)
    main = max(getattr(geom, "geoms", [geom]), key=lambda p: p.area)
    assert main.contains(shapely.Point(rec.lon, rec.lat))


def test_specific_points():
    shapes = load_shapes()
    us = shapes.record("US")
    assert 24 < us.lat < 50 and -125 < us.lon < -66  # contiguous US, not Alaska
    fr = shapes.record("FR")
    assert 42 < fr.lat < 51 and -5 < fr.lon < 8  # metropolitan France
    ru = shapes.record("RU")
    assert shapes.geometry("RU").contains(shapely.Point(ru.lon, ru.lat))


def test_nagorno_karabakh_point_inside_azerbaijan(shapes):
    nk = shapes.record("disputed:nagorno-karabakh")
    assert shapes.geometry("AZ").contains(shapely.Point(nk.lon, nk.lat))
    assert nk.attr("period") and "1994" in nk.attr("period")


@pytest.mark.parametrize("fid", [f"disputed:{s}" for s in REQUIRED_DISPUTED])
def test_disputed_iso_de_jure(shapes, fid):
    assert shapes.record(fid).iso == REQUIRED_DISPUTED[fid.split(":", 1)[1]]


def test_disputed_points_inside_their_de_jure_country(shapes):
    skip_own = {"XK", "TW", "EH", "PS"}  # these are their own admin-0 features
    for slug, iso in REQUIRED_DISPUTED.items():
        rec = shapes.record(f"disputed:{slug}")
        if iso in skip_own or slug in ("kashmir", "golan-heights"):
            continue
        country = shapes.geometry(iso)
        assert country.buffer(0.02).contains(shapely.Point(rec.lon, rec.lat)), slug


def test_every_sea_point_is_water(shapes, countries):
    tree = shapely.STRtree(list(countries.values()))
    waters = [r for r in shapes.records() if r.kind in ("sea", "strait")]
    assert len(waters) >= len(REQUIRED_SEAS) + len(REQUIRED_STRAITS)
    for rec in waters:
        if rec.id in ("strait:suez-canal", "strait:panama-canal"):
            continue  # canals are cut through land; their point is on the canal line
        hits = tree.query(shapely.Point(rec.lon, rec.lat), predicate="intersects")
        assert len(hits) == 0, f"{rec.id} point ({rec.lat}, {rec.lon}) is on land"


def test_every_sea_is_a_single_polygon(shapes):
    for rec in shapes.records():
        if rec.kind == "sea":
            assert shapes.geometry(rec.id).geom_type == "Polygon", rec.id


def test_country_ids_are_alpha2_and_unique(shapes):
    recs = [r for r in shapes.records() if r.kind == "country"]
    ids = [r.id for r in recs]
    assert len(ids) == len(set(ids))
    assert all(len(i) == 2 and i.isupper() for i in ids)
    assert len(recs) >= 230
    assert "-99" not in ids and "XK" in ids and "FR" in ids and "NO" in ids


def test_admin1_records(shapes):
    recs = [r for r in shapes.records() if r.kind == "admin1"]
    assert len(recs) > 4000
    zap = shapes.record("admin1:UA-23")
    assert zap.iso == "UA" and "Zaporizhzhya" in zap.alt_names
    assert zap.attr("gn_a1_code") == "UA.26"
    assert shapes.record("admin1:UA-43").iso == "UA"  # Crimea: de jure Ukraine
    assert all(r.id.startswith("admin1:") for r in recs)
    # only NE's odd pieces (sovereign base areas, Guantanamo, Spratlys, external territories) lack a country
    assert sum(1 for r in recs if not r.iso) <= 10


def test_records_are_frozen_and_complete(shapes):
    rec = shapes.records()[0]
    assert isinstance(rec, ShapeRecord)
    with pytest.raises(AttributeError):
        rec.name = "x"  # type: ignore[misc]
    for r in shapes.records():
        assert -90 <= r.lat <= 90 and -180 <= r.lon <= 180 and r.area_km2 > 0, r.id
        assert isinstance(r.alt_names, tuple)


def test_geometry_is_cached_and_unknown_is_none(shapes):
    assert shapes.geometry("UA") is shapes.geometry("UA")
    assert shapes.geometry("nope") is None


def test_union(shapes):
    both = shapes.union(["FR", "DE"])
    assert both.area > shapes.geometry("FR").area
    assert shapes.union([]).is_empty


def test_basemap(shapes):
    fc = shapes.basemap_geojson()
    assert fc["type"] == "FeatureCollection"
    ids = {f["properties"]["id"] for f in fc["features"]}
    assert {"UA", "RU", "US", "XK", "TW"} <= ids
    text = json.dumps(fc, separators=(",", ":"))
    assert len(text) < 700_000
    first = fc["features"][0]["geometry"]["coordinates"]
    while isinstance(first[0], list):
        first = first[0]
    assert all(round(v, 3) == v for v in first)
