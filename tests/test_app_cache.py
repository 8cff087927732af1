"""The app's first page from the store the primer fills (layers/app_cache.py).

The primer and the app must compute the first page through the same
functions, or the app silently misses the store and opens slowly; the
AppTests here check that it hits, that what it shows is what it would have
computed itself, and that a damaged or missing store only costs time.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from layers import app_cache
from layers.app_cache import Store
from tests.test_app import _map_args

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
SEEDS = ROOT / "seeds"
KINDS = ("scene", "story", "map")


@pytest.fixture(scope="module")
def primed(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("primed")
    app_cache.prime(SEEDS, Store(folder))
    return folder


def _first_run(folder: Path, monkeypatch) -> tuple[AppTest, dict]:
    monkeypatch.setenv(app_cache.CACHE_ENV, str(folder))
    st.cache_data.clear()  # Streamlit's caches outlive an AppTest; start from nothing
    st.cache_resource.clear()
    app_cache.stats.clear()
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at, dict(app_cache.stats)


def test_primer_writes_scene_story_and_map(primed):
    names = sorted(p.name.split("-")[0] for p in primed.glob("*.json"))
    assert names == ["map", "scene", "story"]
    path = next(primed.glob("map-*.json"))
    prepared = json.loads(Store(primed).read("map", path.stem.split("-", 1)[1]))
    assert "gb-arc" in prepared["script"] and prepared["js_links"]


def test_app_first_page_comes_from_the_store(primed, monkeypatch):
    _, stats = _first_run(primed, monkeypatch)
    for kind in KINDS:
        assert stats.get(f"hit:{kind}", 0) >= 1, stats
        assert stats.get(f"miss:{kind}", 0) == 0, stats


def test_stored_page_is_the_page_the_app_computes(primed, tmp_path, monkeypatch):
    hit, _ = _first_run(primed, monkeypatch)
    computed, stats = _first_run(tmp_path / "empty", monkeypatch)
    assert stats.get("hit:map", 0) == 0
    assert hit.session_state["view"].to_json() == computed.session_state["view"].to_json()
    assert _map_args(hit)["script"] == _map_args(computed)["script"]


def test_damaged_store_files_are_recomputed(primed, tmp_path, monkeypatch, caplog):
    folder = tmp_path / "damaged"
    folder.mkdir()
    for path in primed.glob("*.json"):
        (folder / path.name).write_text(path.read_text()[:100])  # cut short
    at, _ = _first_run(folder, monkeypatch)
    assert "gb-arc" in _map_args(at)["script"]
    assert at.session_state["scene"].relations
    assert "ignoring an unreadable stored" in caplog.text


def test_first_page_from_the_store_needs_no_folium_pandas_or_gazetteer(primed):
    """What makes the first page fast: nothing heavy runs before the map is sent."""
    code = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({APP!r}, default_timeout=180)\n"
        "at.run()\n"
        "assert not at.exception, [e.value for e in at.exception]\n"
        "heavy = [m for m in ('folium', 'streamlit_folium', 'branca', 'geo.extract', 'pandas')\n"
        "         if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "import geo.gazetteer\n"
        "assert geo.gazetteer.load_gazetteer.cache_info().currsize == 0\n"
    )
    env = {**__import__("os").environ, app_cache.CACHE_ENV: str(primed)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


# -- the store itself -----------------------------------------------------------------------


def test_put_get_and_keep_only_the_newest(tmp_path, monkeypatch):
    monkeypatch.setattr(app_cache, "KEEP", 3)
    store = Store(tmp_path / "s")
    assert store.get("map", "nothing", wait=0) is None  # no folder yet: a miss, no error
    for i in range(5):
        store.put("map", f"k{i}", f"text {i}")
        time.sleep(0.01)  # distinct modification times
    assert sorted(p.name for p in (tmp_path / "s").glob("map-*.json")) == ["map-k2.json", "map-k3.json", "map-k4.json"]
    assert store.get("map", "k4") == "text 4"
    assert not list((tmp_path / "s").glob(".*.tmp"))


def test_keys_follow_kind_inputs_and_fingerprint(monkeypatch):
    a = app_cache.key_of("map", "scene", ["arcs"])
    assert a == app_cache.key_of("map", "scene", ["arcs"])
    assert a != app_cache.key_of("map", "scene", ["places"])
    assert a != app_cache.key_of("scene", "scene", ["arcs"])
    monkeypatch.setattr(app_cache, "fingerprint", lambda: "another build")
    assert a != app_cache.key_of("map", "scene", ["arcs"])


def test_fingerprint_covers_code_data_and_packages():
    app_cache.fingerprint.cache_clear()
    try:
        assert len(app_cache.fingerprint()) == 64
    finally:
        app_cache.fingerprint.cache_clear()


def test_app_waits_for_a_running_primer(tmp_path):
    store = Store(tmp_path)
    held = threading.Event()

    def primer() -> None:
        with store.priming():
            held.set()
            time.sleep(0.5)
            store.put("scene", "k", "primed")

    thread = threading.Thread(target=primer)
    thread.start()
    held.wait(5)
    t = time.monotonic()
    assert Store(tmp_path).get("scene", "k", wait=10) == "primed"  # as the app process sees it
    assert time.monotonic() - t >= 0.3
    thread.join()


def test_a_stuck_primer_is_given_up_on(tmp_path):
    store = Store(tmp_path)
    with store.priming():
        # another open file (as in another process) cannot share the lock
        with open(tmp_path / "prime.lock") as fh, pytest.raises(BlockingIOError):
            fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
        store._priming = False  # look from outside the primer
        t = time.monotonic()
        assert store.get("scene", "absent", wait=0.3) is None
        assert 0.3 <= time.monotonic() - t < 5


def test_primer_command_reports_and_survives_an_unwritable_store(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    env = {**__import__("os").environ, app_cache.CACHE_ENV: str(blocker / "store")}
    done = subprocess.run(
        [sys.executable, "-m", "layers.app_cache"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 1
    assert "could not prepare the first page" in done.stderr
    assert "Traceback" not in done.stderr


def test_warm_up_starts_once_per_process():
    app_cache.warm_in_background(delay=0.0)  # an app run in this process may have started it
    assert app_cache.warm_in_background(delay=0.0) is False
