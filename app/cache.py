"""The app's first page, computed before the first browser asks for it.

Streamlit runs the app's script only when a browser connects. On a fresh
server that first run imports folium and pandas, loads the gazetteer and the
outlines, extracts the sample articles and draws their map: more than three
seconds of one CPU core while the analyst looks at an empty page. A thread
in the server cannot take that work off the first run: it holds the GIL
while the same process serves the hundred-odd script files of Streamlit's
page, so the page loads that much slower.

So ``python -m app.server`` (what ``./run.sh app`` runs) starts
:func:`prime` in a *separate process* while Streamlit starts. The primer
computes the first page through the same functions the app calls
(:func:`extract_items`, :func:`prepare`, :func:`story_for`) and writes the
results, the sample articles' Scene, storyline and prepared map, to a
:class:`Store` on disk, keyed by a digest of the inputs and of geobrief's
code, data and rendering packages (:func:`fingerprint`). The app looks
there first; when the primer is still at work it waits for it instead of
doing the same work twice. Later launches find the results at once.

Only the primer writes these; the app only reads them (it writes one other
kind of file, each session's last work, see :func:`keep_work`). Any failure
(no writable cache folder, a damaged, truncated or foreign file, a primer that
died) means the app computes the page itself, as it always could.

The store itself (its files, their headers and what it refuses to follow) is
:mod:`app.store`.

After the first run the app warms the rest of the library in the background
(:func:`warm_in_background`), so the analyst's first own article does not
pay for the imports either. Imports are never run by two threads at once:
the warm-up and every heavy path of a script run go through
:func:`load_library`, which imports under one lock (two threads importing
the same modules can deadlock in Python's import system).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from app.store import MAGIC, MAX_FILE_BYTES, O_NOFOLLOW, O_NONBLOCK, Store, default_dir
from geo.documents import InputError, load_path
from geo.scene import Document, Scene

log = logging.getLogger("geobrief.app_cache")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
KEEP_WORK = 20
"""Sessions' last work kept; the oldest beyond these are removed when a session saves."""
_PACKAGES = ("folium", "branca", "jinja2", "streamlit-folium", "xstatic-leaflet")


# -- what a result depends on ---------------------------------------------------------------


@cache
def fingerprint() -> str:
    """A digest of everything a stored result depends on besides its inputs.

    geobrief's code and data (``geo/``, ``layers/``, ``app/``) and the versions of the
    packages that render maps. Any change makes every stored result miss.
    """
    from importlib import metadata

    h = hashlib.sha256(sys.version.encode())
    for package in _PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"\0{package}={version}".encode())
    for top in ("geo", "layers", "app"):
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(f"\0{path.relative_to(ROOT).as_posix()}\0".encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def key_of(kind: str, *parts: Any) -> str:
    """The store key of a result of ``kind`` computed from ``parts`` (JSON-serialisable)."""
    h = hashlib.sha256(f"{fingerprint()}\0{kind}\0".encode())
    h.update(json.dumps(parts, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return h.hexdigest()[:40]


# -- the first page, computed the same way by the primer and the app -------------------------


def read_seeds(folder: Path = SEEDS) -> dict[str, Document]:
    """The sample articles by file name, in name order; unreadable files are left out."""
    out: dict[str, Document] = {}
    for path in sorted(Path(folder).glob("*.*")):
        try:
            out[path.name] = load_path(path)
        except InputError:
            continue
    return out


def items_of(docs: Sequence[Document]) -> tuple[tuple[str | None, ...], ...]:
    """Documents as the hashable tuples extraction is cached by (``Document(*item)`` gives them back).

    A document's date, when it has one, follows its source: undated documents
    keep the four-field tuples (and store keys) they always had.
    """
    return tuple((d.id, d.title, d.text, d.source) + ((d.date, d.dated_by) if d.date else ()) for d in docs)


def _stored(store: Store | None, kind: str, key: str, decode: Callable[[str], Any]) -> Any:
    """The decoded result in ``store``, or None (absent, or a damaged file: then compute)."""
    if store is None:
        return None
    text = store.get(kind, key)
    if text is None:
        return None
    try:
        return decode(text)
    except Exception:
        log.warning("ignoring an unreadable stored %s %s", kind, key)
        return None


def extract_items(
    items: tuple[tuple[str | None, ...], ...], *, store: Store | None = None, save: bool = False
) -> Scene:
    """The Scene extracted from ``items`` (see :func:`items_of`), from ``store`` when there."""
    key = key_of("scene", items)
    scene = _stored(store, "scene", key, Scene.from_json)
    if scene is not None:
        return scene
    load_library()
    from geo.extract import extract

    scene = extract([Document(*item) for item in items])  # type: ignore[arg-type]  # items_of's tuples
    if store is not None and save:
        store.put("scene", key, scene.to_json(indent=None))
    return scene


def story_for(scene_json: str, *, store: Store | None = None, save: bool = False) -> tuple:
    """The storyline geobrief proposes for a Scene given as JSON, from ``store`` when there.

    (Captions name peoples by their demonyms, so building one loads the gazetteer.)
    """
    key = key_of("story", scene_json)
    story = _stored(store, "story", key, lambda text: Scene.from_json(text).story)
    if story is not None:
        return story
    load_library()
    from geo.story import build_story

    scene = Scene.from_json(scene_json)
    story = tuple(build_story(scene))
    if store is not None and save:
        store.put("story", key, replace(scene, story=story).to_json(indent=None))
    return story


def prepare(
    view_json: str,
    layers: tuple[str, ...],
    highlight: tuple[str, ...],
    bounds: tuple | None,
    prefix: str,
    *,
    store: Store | None = None,
    save: bool = False,
    title: str | None = None,
) -> dict:
    """The prepared map (see :func:`app.map.prepare_map`) of a Scene, from ``store`` when there.

    Parameters
    ----------
    view_json : str
        The Scene on screen, as compact JSON.
    layers, highlight : tuple of str
        Layers drawn and feature keys highlighted.
    bounds : ((south, west), (north, east)) or None
        A view to fit instead of the Scene's own.
    prefix : str
        Where Leaflet is served (:data:`app.map.LEAFLET_PREFIX`).
    title : str, optional
        The map's title (default: the documents' titles).
    """
    key = key_of("map", view_json, list(layers), list(highlight), bounds, prefix, title or "")
    prepared = _stored(store, "map", key, json.loads)
    if prepared is not None:
        return prepared
    load_library()
    from app.map import prepare_map, refer_to_land
    from app.pick import picker
    from layers.render import render_map

    scene = Scene.from_json(view_json)
    m = render_map(scene, layers=layers, highlight=set(highlight) or None, bounds=bounds or None, title=title)
    picker(scene).add_to(m)  # a click answers at once (app/pick.py)
    refer_to_land(m)  # the land comes from a script the browser caches: reruns send less
    prepared = prepare_map(m, prefix)
    from app.pick import not_on_the_map

    prepared["not_drawn"] = not_on_the_map(scene)  # listed in the Inspect panel
    if store is not None and save:
        from geo import strict_json

        store.put("map", key, strict_json.dumps(prepared))
    return prepared


def first_page(seeds: Path, store: Store | None, *, save: bool = False) -> tuple[Scene, dict]:
    """The Scene and prepared map the app opens with: every sample, no filter, every layer.

    This is what ``streamlit_app.py`` shows before the analyst touches
    anything (tests/test_app_cache.py checks that its first run finds exactly
    these results in the store).
    """
    from app.map import LEAFLET_PREFIX
    from geo.filters import filter_scene
    from geo.workspace import Workspace, build_scene
    from layers.names import ALL_LAYERS

    ws = Workspace()
    for doc in read_seeds(seeds).values():
        ws = ws.add_document(doc)
    outcome = build_scene(
        ws,
        lambda docs: extract_items(items_of(docs), store=store, save=save),
        story_builder=lambda sc: story_for(sc.to_json(indent=None), store=store, save=save),
    )
    # the app's own call with its filters empty (empty means all)
    view = filter_scene(outcome.scene, kinds=None, actors=None, statuses=None)
    prepared = prepare(view.to_json(indent=None), ALL_LAYERS, (), None, LEAFLET_PREFIX, store=store, save=save)
    return view, prepared


def prime(seeds: Path = SEEDS, store: Store | None = None) -> float:
    """Compute the first page into ``store`` (holding its lock); return the seconds taken."""
    store = store if store is not None else Store(default_dir())
    t = time.perf_counter()
    with store.priming():
        first_page(seeds, store, save=True)
    return time.perf_counter() - t


# -- each session's last work ---------------------------------------------------------------

WORK_KIND = "work"


def new_work_key() -> str:
    """A key of its own for a new session's work (a tab, a browser).

    No session overwrites another's work until its user picks that work to go on with.
    """
    import secrets

    return secrets.token_hex(16)


@dataclass(frozen=True)
class LastWork:
    """A Scene the app kept for a session (see :func:`keep_work`), when, and under which key."""

    scene: Scene
    saved: str  # e.g. "23 Nov 17:40"
    key: str = ""

    def describe(self) -> str:
        """e.g. ``"2 articles, 23 Nov 17:40: Turkey sells drones…"``."""
        n = len(self.scene.documents)
        title = self.scene.documents[0].title if n else ""
        title = title if len(title) <= 40 else title[:39] + "…"
        return f"{n} article{'s' * (n != 1)}, {self.saved}" + (f": {title}" if title else "")


def keep_work(store: Store, scene: Scene, key: str) -> bool:
    """Write ``scene`` as the last work of the session that owns ``key``.

    False when the store cannot be written (the work then lives in the session only, as it always could).
    """
    try:
        store.put(WORK_KIND, key, scene.to_json(indent=None), keep=KEEP_WORK)
    except (OSError, ValueError):
        log.warning("could not keep the analyst's work in %s", store.folder, exc_info=True)
        return False
    return True


LEGACY_WORK = "work-last.json"
"""Where geobrief kept the one last work before each session had its own (read, never pruned)."""


def _legacy_work(store: Store) -> tuple[float, str] | None:
    """(mtime, text) of a last work kept by an earlier geobrief, if there is one."""
    if store.folder_problem() is not None:
        return None
    try:
        fd = os.open(store.folder / LEGACY_WORK, os.O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    finally:
        os.close(fd)
    if data.startswith(MAGIC.encode()):
        return None  # written by this store under the key "last": listed as its own
    try:
        return info.st_mtime, data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def recent_work(store: Store, limit: int = 5, *, exclude: str | None = None) -> list[LastWork]:
    """The work sessions kept, newest first, at most ``limit`` (unreadable ones are skipped)."""
    out: list[LastWork] = []
    found: list[tuple[float, str, str | None]] = [
        (mtime, path.name[len(WORK_KIND) + 1 : -len(".json")], None) for mtime, path in store.own_files(WORK_KIND)
    ]
    legacy = _legacy_work(store)
    if legacy is not None:
        found = sorted([*found, (legacy[0], "last", legacy[1])], key=lambda item: item[0], reverse=True)
    for mtime, key, legacy_text in found:
        if key == exclude:
            continue
        text = legacy_text if legacy_text is not None else store.read(WORK_KIND, key)
        if text is None:
            continue
        try:
            scene = Scene.from_json(text)
        except Exception:
            log.warning("ignoring unreadable kept work %s", key)
            continue
        if scene.documents:
            out.append(LastWork(scene, time.strftime("%d %b %H:%M", time.localtime(mtime)), key))
        if len(out) >= limit:
            break
    return out


def last_work(store: Store) -> LastWork | None:
    """The work a session kept most recently, or None (none, or unreadable)."""
    found = recent_work(store, 1)
    return found[0] if found else None


# -- after the first page -------------------------------------------------------------------

_warm_lock = threading.Lock()
_warm_started = False
_library_lock = threading.Lock()
_library_loaded = False


def load_library() -> None:
    """Import everything beyond the first page (folium, pandas, extraction, rendering), once.

    Under one lock: the warm-up thread and script runs (and Streamlit's download threads)
    all come through here before anything heavy, so no two threads ever import these
    modules at the same time, where Python's import locks can deadlock
    (``_DeadlockError`` on ``_ModuleLock('branca')``). Later calls return at once.
    """
    global _library_loaded
    if _library_loaded:
        return
    with _library_lock:
        if _library_loaded:
            return
        import branca.element  # noqa: F401
        import folium
        import folium.plugins  # noqa: F401  (imported by streamlit-folium when a map is prepared)
        import jinja2  # noqa: F401
        import pandas  # noqa: F401  (the Correct tab's tables)
        import shapely  # noqa: F401
        import streamlit_folium  # noqa: F401

        import geo.extract
        import geo.gazetteer
        import geo.shapes
        import geo.story  # noqa: F401
        import layers.briefing
        import layers.export
        import layers.render  # noqa: F401

        _library_loaded = True


def warm_up() -> None:
    """Import and load what editing and adding articles need.

    That is folium, pandas for the tables, the gazetteer and the outlines.
    """
    load_library()
    from geo.gazetteer import load_gazetteer
    from geo.shapes import load_shapes

    load_gazetteer()
    load_shapes()


def warm_in_background(delay: float = 2.0) -> bool:
    """Start :func:`warm_up` in a daemon thread, once per process; True if this call started it.

    The thread first sleeps ``delay`` seconds: the browser is still fetching
    the map's frame and scripts from this same process, and would wait for
    the GIL while the imports run.
    """
    global _warm_started
    with _warm_lock:
        if _warm_started:
            return False
        _warm_started = True

    def run() -> None:
        time.sleep(delay)
        try:
            warm_up()
        except Exception:
            log.warning("warming geobrief's library failed; it loads on first use", exc_info=True)

    threading.Thread(target=run, name="geobrief-warm-up", daemon=True).start()
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m app.cache [SEEDS]``: prime the store; say where and how long."""
    args = list(sys.argv[1:] if argv is None else argv)
    seeds = Path(args[0]) if args else SEEDS
    store = Store(default_dir())
    try:
        seconds = prime(seeds, store)
    except Exception as exc:  # the app computes the page itself; say why it will be slower
        print(f"geobrief: could not prepare the first page in {store.folder}: {exc}", file=sys.stderr)
        return 1
    print(f"geobrief: first page prepared in {seconds:.2f} s ({store.folder})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
