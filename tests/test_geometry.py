"""Unit tests for geo.geometry: unwrapping, geodesics, bows, bearings, lanes."""

from __future__ import annotations

import itertools
import math

import pytest

from geo.geometry import (
    along,
    bend_curve,
    bezier_bow,
    from_mercator,
    geodesic_latlngs,
    lane_bend,
    mercator_bearing,
    to_mercator,
    unwrap_longitudes,
)


@pytest.mark.parametrize(
    ("lons", "expected"),
    [
        ([10.0, 20.0, 30.0], [10.0, 20.0, 30.0]),
        ([170.0, -175.0], [170.0, 185.0]),
        ([-170.0, 175.0, 160.0], [-170.0, -185.0, -200.0]),
        ([179.0, -179.0, 179.0], [179.0, 181.0, 179.0]),
    ],
)
def test_unwrap_keeps_neighbours_close(lons, expected):
    out = unwrap_longitudes(lons)
    assert out == pytest.approx(expected)
    assert all(abs(b - a) < 180 for a, b in itertools.pairwise(out))


def test_geodesic_has_endpoints_and_follows_great_circle():
    pts = geodesic_latlngs((51.5, -0.1), (40.7, -74.0), n=30)
    assert pts[0] == (51.5, -0.1) and pts[-1] == (40.7, -74.0)
    assert len(pts) == 32
    # London→New York bulges north of both ends
    assert max(lat for lat, _ in pts) > 51.5


def test_geodesic_across_antimeridian_is_short_and_unwrapped():
    pts = geodesic_latlngs((43.1, 131.9), (61.2, -149.9), n=40)
    lons = [lon for _, lon in pts]
    assert lons[-1] == pytest.approx(210.1)
    assert all(abs(b - a) < 10 for a, b in itertools.pairwise(lons))
    assert all(131 < lon < 211 for lon in lons)


def test_mercator_round_trip():
    for p in [(0.0, 0.0), (45.0, 30.0), (-60.0, -120.0), (80.0, 179.0)]:
        assert from_mercator(to_mercator(p)) == pytest.approx(p)


@pytest.mark.parametrize(
    ("start", "end", "bearing"),
    [
        ((0, 0), (1, 0), 0),
        ((0, 0), (0, 1), 90),
        ((0, 0), (-1, 0), 180),
        ((0, 0), (0, -1), 270),
        ((0, 179), (0, 181), 90),
    ],
)
def test_mercator_bearing(start, end, bearing):
    assert mercator_bearing(start, end) == pytest.approx(bearing, abs=1e-6)


def test_bow_leaves_chord_on_the_left_and_flips_with_sign():
    left = bezier_bow((0.0, 0.0), (0.0, 10.0), 0.2)
    right = bezier_bow((0.0, 0.0), (0.0, 10.0), -0.2)
    assert left[0] == (0.0, 0.0) and left[-1] == (0.0, 10.0)
    assert max(lat for lat, _ in left) == pytest.approx(2.0, abs=0.05)  # north = left of eastward
    assert min(lat for lat, _ in right) == pytest.approx(-2.0, abs=0.05)
    # B→A with the opposite sign is the same curve reversed
    back = bezier_bow((0.0, 10.0), (0.0, 0.0), -0.2)
    assert [tuple(round(c, 6) for c in p) for p in back[::-1]] == [tuple(round(c, 6) for c in p) for p in left]


def test_bend_curve_keeps_ends_and_moves_middle():
    line = geodesic_latlngs((39.0, 35.0), (49.0, 31.4), n=20)
    bent = bend_curve(line, 0.15)
    assert bent[0] == line[0] and bent[-1] == line[-1]
    mid = len(line) // 2
    assert math.dist(bent[mid], line[mid]) > 0.5


def test_lanes_alternate_and_grow():
    bends = [lane_bend(i) for i in range(6)]
    assert len(set(bends)) == 6
    assert bends[0] > 0 > bends[1]
    assert abs(bends[2]) > abs(bends[0])


def test_along_midpoint():
    assert along([(0.0, 0.0), (0.0, 4.0), (0.0, 10.0)], 0.5) == pytest.approx((0.0, 5.0))
