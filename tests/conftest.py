"""Shared fixtures: paths, tiny hand-built scenes, and a real headless Chromium."""

from __future__ import annotations

import json
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


@pytest.fixture(scope="session")
def extracted_seeds():
    """The sample articles in seeds/, extracted once for the whole run (a frozen Scene)."""
    from geo.documents import load_path
    from geo.extract import extract

    return extract([load_path(p) for p in sorted(SEEDS.glob("*.txt"))])


# -- a real headless Chromium -----------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


def pytest_collection_modifyitems(session, config, items):
    """Modules that use the ``browser`` fixture run after all the others (in their own order).

    Then one Chromium serves the whole run (see ``browser``), and no AppTest or Dask client
    runs after it has started.
    """
    with_browser = {item.nodeid.split("::")[0] for item in items if "browser" in getattr(item, "fixturenames", ())}
    items.sort(key=lambda item: item.nodeid.split("::")[0] in with_browser)  # a stable sort


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, launched the way geobrief's own PNG export launches it.

    One for the whole run: Playwright's sync API keeps its event loop marked as running in the
    thread that started it, which Streamlit's AppTest and Dask's client must not see, so the
    modules that use it run last (``pytest_collection_modifyitems``). Each test opens a context
    of its own.
    """
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is not installed at /usr/bin/chromium: ./run.sh test installs it")
    from playwright import sync_api

    from layers.briefing import launch_chromium

    with sync_api.sync_playwright() as p:
        b = launch_chromium(p, CHROMIUM)
        yield b
        b.close()


class OfflinePage:
    """A page that may load only file: and data: URLs, recording everything that went wrong."""

    def __init__(self, browser, path: Path, viewport: tuple[int, int] = (1280, 800)):
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("path.leaflet-interactive")
        self.page.wait_for_timeout(300)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def open_offline(browser):
    """Open an exported HTML file in :class:`OfflinePage` (network cut): ``open_offline(path, viewport)``."""
    pages: list[OfflinePage] = []

    def open_page(path: Path, viewport: tuple[int, int] = (1280, 800)) -> OfflinePage:
        page = OfflinePage(browser, path, viewport)
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.context.close()


# -- the Streamlit app under AppTest -------------------------------------------------------------


def _map_args(at) -> dict:
    comps = [c for c in at.get("component_instance") if "st_folium" in c.proto.component_name]
    assert comps, "no st_folium map on the page"
    return json.loads(comps[0].proto.json_args)


@pytest.fixture
def map_args():
    """What the app handed its st_folium map in an AppTest run: ``map_args(at)`` → the arguments."""
    return _map_args
