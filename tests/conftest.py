"""Shared fixtures: paths, tiny hand-built scenes, and a real headless Chromium."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# The app's store of precomputed first pages (app/cache.py) lives in a folder of this
# run, never in the user's ~/.cache; app servers started by the tests inherit it.
os.environ["GEOBRIEF_CACHE_DIR"] = tempfile.mkdtemp(prefix="geobrief-test-cache-")

# Fuzz tests (tests/test_fuzz.py): 200 examples each; in CI (CI set) a fixed seed, so a run is
# repeatable, and random ones locally, so each developer's run explores new input.
# GEOBRIEF_HYPOTHESIS_PROFILE picks a profile by name (e.g. "ci" locally to reproduce CI).
_FUZZ = {"max_examples": 200, "deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, **_FUZZ)
settings.register_profile("dev", **_FUZZ)
settings.load_profile(os.environ.get("GEOBRIEF_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
