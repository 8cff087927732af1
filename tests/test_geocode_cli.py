"""The real ``geobrief geocode`` command, run as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ISSUE_NAMES = [
    "Black Sea",
    "Nagorno-Karabakh",
    "Donbas",
    "Libya",
    "Syria",
    "Sea of Azov",
    "Crimea",
    "Kyiv",
    "Kiev",
    "Zaporizhzhia",
    "Türkiye",
    "Strait of Hormuz",
    "Transnistria",
]
FIELDS = {"query", "name", "kind", "iso", "lat", "lon", "area_km2", "has_polygon"}


def geocode(*names: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "geocode", *names, "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def issue_rows() -> dict[str, dict]:
    proc = geocode(*ISSUE_NAMES)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = json.loads(proc.stdout)
    return {r["query"]: r for r in rows}


def test_every_issue_name_resolves(issue_rows):
    assert list(issue_rows) == ISSUE_NAMES
    for row in issue_rows.values():
        assert row.keys() >= FIELDS
        assert -90 <= row["lat"] <= 90 and -180 <= row["lon"] <= 180


def test_kiev_and_kyiv_are_one_place(issue_rows):
    kiev, kyiv = issue_rows["Kiev"], issue_rows["Kyiv"]
    assert (kiev["name"], kiev["lat"], kiev["lon"]) == (kyiv["name"], kyiv["lat"], kyiv["lon"])
    assert kyiv["kind"] == "city" and kyiv["iso"] == "UA"


@pytest.mark.parametrize(
    ("query", "kind", "iso"),
    [
        ("Black Sea", "sea", None),
        ("Sea of Azov", "sea", None),
        ("Strait of Hormuz", "strait", None),
        ("Nagorno-Karabakh", "disputed", "AZ"),
        ("Donbas", "disputed", "UA"),
        ("Crimea", "disputed", "UA"),
        ("Transnistria", "disputed", "MD"),
        ("Libya", "country", "LY"),
        ("Syria", "country", "SY"),
        ("Türkiye", "country", "TR"),
        ("Zaporizhzhia", "city", "UA"),
    ],
)
def test_kinds(issue_rows, query, kind, iso):
    assert (issue_rows[query]["kind"], issue_rows[query]["iso"]) == (kind, iso)


@pytest.mark.parametrize(
    ("query", "expected", "tolerance"),
    [
        ("Black Sea", 436_000, 0.10),
        ("Donbas", 53_000, 0.10),
        ("Crimea", 27_000, 0.10),
        ("Sea of Azov", 39_000, 0.10),
        ("Libya", 1_760_000, 0.10),
    ],
)
def test_areas_match_the_issue(issue_rows, query, expected, tolerance):
    row = issue_rows[query]
    assert row["has_polygon"], f"{query} has no outline (shapes data missing?)"
    assert abs(row["area_km2"] - expected) <= tolerance * expected, row["area_km2"]


def test_unknown_name_prints_the_others_and_fails():
    proc = geocode("Libya", "Xyzzyland Qwerty", "Kiev")
    assert proc.returncode == 1
    assert [r["query"] for r in json.loads(proc.stdout)] == ["Libya", "Kiev"]
    assert "Xyzzyland Qwerty" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("bad", ["", "   ", "x" * 5000, "Kiev " * 100])
def test_empty_or_absurd_names_fail_cleanly(bad):
    proc = geocode("Syria", bad)
    assert proc.returncode == 1
    assert [r["query"] for r in json.loads(proc.stdout)] == ["Syria"]
    assert proc.stderr.strip() and "Traceback" not in proc.stderr


def test_ambiguous_name_is_reported_as_such():
    proc = geocode("Korean")
    assert proc.returncode == 1
    assert json.loads(proc.stdout) == []
    assert "ambiguous" in proc.stderr and "KP" in proc.stderr and "KR" in proc.stderr


def test_text_format_prints_one_line_per_name():
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "geocode", "Turkish", "NATO"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 2 and "Türkiye" in lines[0] and "bloc" in lines[1]
