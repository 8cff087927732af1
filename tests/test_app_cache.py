"""The app's first page from the store the primer fills (app/cache.py).

The primer and the app must compute the first page through the same
functions, or the app silently misses the store and opens slowly; the
AppTests here check that it hits, that what it shows is what it would have
computed itself, and that a damaged or missing store only costs time.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app import cache as app_cache
from app import store as app_store
from app.cache import Store

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
    monkeypatch.setenv(app_store.CACHE_ENV, str(folder))
    st.cache_data.clear()  # Streamlit's caches outlive an AppTest; start from nothing
    st.cache_resource.clear()
    app_store.stats.clear()
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at, dict(app_store.stats)


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


def test_stored_page_is_the_page_the_app_computes(primed, tmp_path, monkeypatch, map_args):
    hit, _ = _first_run(primed, monkeypatch)
    computed, stats = _first_run(tmp_path / "empty", monkeypatch)
    assert stats.get("hit:map", 0) == 0
    assert hit.session_state["app"].view.to_json() == computed.session_state["app"].view.to_json()
    assert map_args(hit)["script"] == map_args(computed)["script"]


def test_damaged_store_files_are_recomputed(primed, tmp_path, monkeypatch, caplog, map_args):
    folder = tmp_path / "damaged"
    folder.mkdir()
    for path in primed.glob("*.json"):
        (folder / path.name).write_text(path.read_text()[:100])  # cut short
    at, _ = _first_run(folder, monkeypatch)
    assert "gb-arc" in map_args(at)["script"]
    assert at.session_state["app"].scene.relations
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
    env = {**__import__("os").environ, app_store.CACHE_ENV: str(primed)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


# -- the store itself -----------------------------------------------------------------------


def test_put_get_and_keep_only_the_newest(tmp_path, monkeypatch):
    monkeypatch.setattr(app_store, "KEEP", 3)
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


def test_fingerprint_covers_code_data_and_packages(tmp_path, monkeypatch):
    from importlib import metadata

    for rel in ("geo/extract.py", "geo/data/words/stop_words.txt", "layers/arcs.py", "app/map.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"{rel} v1\n")
    monkeypatch.setattr(app_cache, "ROOT", tmp_path)
    versions = {"folium": "0.20.0"}
    real_version = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: versions.get(name) or real_version(name))

    def digest() -> str:
        app_cache.fingerprint.cache_clear()
        return app_cache.fingerprint()

    try:
        before = digest()
        assert digest() == before  # the same tree and packages give the same digest
        changes = {
            "code": lambda: (tmp_path / "geo/extract.py").write_text("geo/extract.py v2\n"),
            "data": lambda: (tmp_path / "geo/data/words/stop_words.txt").write_text("stop words v2\n"),
            "layer code": lambda: (tmp_path / "layers/arcs.py").write_text("layers/arcs.py v2\n"),
            "app code": lambda: (tmp_path / "app/map.py").write_text("app/map.py v2\n"),
            "a module added": lambda: (tmp_path / "layers/new_layer.py").write_text(""),
            "a rendering package upgraded": lambda: versions.update(folium="0.21.0"),
        }
        for what, change in changes.items():
            change()
            after = digest()
            assert after != before, f"{what} left the fingerprint unchanged"
            before = after
        (tmp_path / "README.md").write_text("not code")  # outside geo/, layers/, app/: no effect
        assert digest() == before
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
    # the result is written only after the primer's half second of work: found, it was waited for
    assert Store(tmp_path).get("scene", "k", wait=10) == "primed"  # as the app process sees it
    thread.join()


def test_a_stuck_primer_is_given_up_on(tmp_path, caplog):
    store = Store(tmp_path)
    with store.priming():
        # another open file (as in another process) cannot share the lock
        with open(tmp_path / "prime.lock") as fh, pytest.raises(BlockingIOError):
            fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
        store._priming = False  # look from outside the primer
        with caplog.at_level("WARNING", logger="geobrief.app_cache"):
            assert store.get("scene", "absent", wait=0.3) is None
        assert "the primer is still busy after 0 s; computing here" in caplog.text


def test_primer_command_reports_and_survives_an_unwritable_store(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    env = {**__import__("os").environ, app_store.CACHE_ENV: str(blocker / "store")}
    done = subprocess.run(
        [sys.executable, "-m", "app.cache"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 1
    assert "could not prepare the first page" in done.stderr
    assert "Traceback" not in done.stderr


def test_warm_up_starts_once_per_process():
    app_cache.warm_in_background(delay=0.0)  # an app run in this process may have started it
    assert app_cache.warm_in_background(delay=0.0) is False


# -- hygiene: only its own files, no links, no races ----------------------------------------


def _corrupt_every_kind(folder: Path, primed: Path) -> None:
    """Every kind of file the store keeps, damaged in every way, plus foreign and linked ones."""
    folder.mkdir()
    victim = folder.parent / "victim.txt"
    victim.write_text("not the store's")
    for i, path in enumerate(sorted(primed.glob("*-*.json"))):
        data = path.read_bytes()
        damaged = [
            data[: len(data) // 2],  # cut short
            b"",  # empty
            b"\x00\xff" * 500,  # garbage
            data.replace(b"gb-arc", b"gb-xyz"),  # body changed: digest no longer matches
            data.split(b"\n", 1)[1],  # the body without the store's header (foreign)
        ][i % 5]
        (folder / path.name).write_bytes(damaged)
    work = app_store.Store(folder)
    (folder / "work-0123456789abcdef0123456789abcdef.json").write_bytes(b'{"schema_version": 1, "documents": [')
    (folder / "work-fedcba9876543210fedcba9876543210.json").write_text("\n" * 10)
    (folder / "work-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json").symlink_to(victim)
    (folder / "work-last.json").write_text('{"schema_version": 1}')  # an old, unmarked file
    (folder / "prime.lock").symlink_to(folder.parent / "lock-target")
    os.mkfifo(folder / "work-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.json")
    assert work.own_files("work") == []


def test_the_app_opens_normally_over_a_corrupt_cache(primed, tmp_path, monkeypatch, map_args):
    folder = tmp_path / "corrupt"
    _corrupt_every_kind(folder, primed)
    before = {p.name: (p.is_symlink(), p.is_symlink() or p.is_fifo() or p.read_bytes()) for p in folder.iterdir()}
    at, stats = _first_run(folder, monkeypatch)
    assert not at.exception
    assert "gb-arc" in map_args(at)["script"]
    assert at.session_state["app"].scene.relations
    assert not [b for b in at.button if str(b.key).startswith("restore_")]  # nothing unreadable offered
    assert stats.get("hit:map", 0) == 0  # recomputed, not read from the damaged files
    # an edit keeps the work in a file of the store's own; nothing else was touched
    at.text_area(key="paste").input("Turkey delivered drones to Azerbaijan, officials in Baku said.")
    at.button(key="paste_add").click()
    at.run()
    assert not at.exception
    after = {p.name: (p.is_symlink(), p.is_symlink() or p.is_fifo() or p.read_bytes()) for p in folder.iterdir()}
    assert {k: v for k, v in after.items() if k in before} == before
    assert not (tmp_path / "lock-target").exists()
    assert (tmp_path / "victim.txt").read_text() == "not the store's"
    assert len(app_store.Store(folder).own_files("work")) == 1


def test_pruning_removes_only_the_stores_own_files(tmp_path):
    store = Store(tmp_path)
    foreign = tmp_path / "work-0000.json"
    foreign.write_text('{"schema_version": 1, "documents": []}')  # named like the store's, not written by it
    os.utime(foreign, (1, 1))  # the oldest of all
    for i in range(5):
        store.put("work", f"k{i}", "{}", keep=2)
        time.sleep(0.01)
    assert foreign.exists()
    assert [p.name for _, p in store.own_files("work")] == ["work-k4.json", "work-k3.json"]


def test_a_linked_lock_is_never_followed(tmp_path):
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / "prime.lock").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OSError), Store(folder).priming():
        pass
    assert not (tmp_path / "elsewhere").exists()


def test_a_linked_cache_folder_is_bypassed(tmp_path, caplog):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    store = Store(tmp_path / "link")
    assert "symbolic link" in store.write_problem()
    assert app_cache.keep_work(store, app_cache.Scene(), "k") is False
    assert store.read("work", "k") is None
    assert list(real.iterdir()) == []
    assert "symbolic link" in caplog.text


def test_a_foreign_file_under_a_stores_name_is_ignored(tmp_path):
    store = Store(tmp_path)
    store.put("scene", "k", '{"a": 1}')
    path = store.path("scene", "k")
    assert store.read("scene", "k") == '{"a": 1}'
    path.write_text('{"a": 1}')  # same text, no header: someone else's
    assert store.read("scene", "k") is None


def test_imports_wait_while_the_warm_up_holds_them():
    """A script run's heavy path waits for the library lock: the two never import at once."""
    code = (
        "import sys, threading, time\n"
        "from app import cache as app_cache\n"
        "app_cache._library_lock.acquire()  # as the warm-up thread holds it while importing\n"
        "t = threading.Thread(target=app_cache.extract_items, args=((('d', 't', 'Turkey sold drones to Ukraine.', "
        "None),),))\n"
        "t.start(); t.join(1.5)\n"
        "assert t.is_alive() and 'geo.extract' not in sys.modules, 'imported alongside the warm-up'\n"
        "app_cache._library_lock.release(); t.join(120)\n"
        "assert not t.is_alive() and 'geo.extract' in sys.modules and 'folium' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def test_work_kept_by_an_earlier_geobrief_is_still_offered(tmp_path):
    from geo.scene import Document, Scene

    scene = Scene(documents=(Document("d", "Old work", "Turkey sold drones to Ukraine."),))
    (tmp_path / app_cache.LEGACY_WORK).write_text(scene.to_json())  # no header: the old format
    (found,) = app_cache.recent_work(Store(tmp_path))
    assert found.scene == scene and found.key == "last"
    assert app_cache.keep_work(Store(tmp_path), scene, "last")  # reopened and kept again, now as the store's
    assert [p.name for _, p in Store(tmp_path).own_files("work")] == [app_cache.LEGACY_WORK]
    assert [w.key for w in app_cache.recent_work(Store(tmp_path))] == ["last"]
