"""Shared fixtures: paths, tiny hand-built scenes, and a real headless Chromium."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# The app's store of precomputed first pages (layers/app_cache.py) lives in a folder of this
# run, never in the user's ~/.cache; app servers started by the tests inherit it.
os.environ["GEOBRIEF_CACHE_DIR"] = tempfile.mkdtemp(prefix="geobrief-test-cache-")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
