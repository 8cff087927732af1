"""Briefing mode: a Scene's story as one self-contained, offline HTML player, or as PNGs.

:func:`export_briefing_html` writes ONE HTML file: the map (Leaflet and
every asset inlined by :mod:`layers.offline`), a step panel with the title,
caption and supporting quote of each step, next/previous buttons, numbered
step buttons and keyboard control (Right/PageDown/Space forward,
Left/PageUp/Shift+Space back, Home/End) and a ``#3`` deep link. The map is
drawn once, by :func:`layers.render.render_map`; each step frames it on
bounds computed here in Python and emphasises its own relations and places
by CSS class (every feature carries its key class, ``gb-k-…``), dimming the
rest. The file never touches the network (:func:`layers.offline.check_offline`).

:func:`export_briefing_pngs` opens that file in headless Chromium (Debian's
``chromium``, driven by Python playwright, every non-file request aborted)
and writes one PNG per step, for slides.

The player's JavaScript and CSS live in ``layers/templates/briefing.*``;
article text reaches the page only through Jinja autoescape (the panel) and
``|tojson`` (the step data), never through string concatenation, and the
rendered panel is never parsed again as a template.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from geo.scene import Place, Scene, Step
from layers.feature import shorten

CHROMIUM = Path("/usr/bin/chromium")
PNG_SIZE = (1600, 900)
MAX_ZOOM = 7
PADDING_PX = (48, 48)
BIG_COUNTRY_KM2 = 2_500_000
"""Countries larger than this frame only their part nearest the step's other places."""

_SHAPED_KINDS = frozenset({"country", "region", "sea", "strait", "admin1", "disputed", "bloc"})
_POINT_HALF_DEG = {"city": 0.6, "strait": 0.8, "other": 1.0}


class BriefingError(RuntimeError):
    """A briefing that cannot be made; the message says what to install or fix."""


# -- steps and framing ------------------------------------------------------------


@cache
def _shapes() -> Any | None:
    try:
        from geo.shapes import load_shapes

        return load_shapes()
    except (ImportError, OSError):
        return None


Box = tuple[float, float, float, float]  # south, west, north, east


def _point_box(place: Place) -> Box:
    if place.area_km2 > 0:
        half = min(12.0, max(0.4, math.sqrt(place.area_km2) / 2 / 111.0))
    else:
        half = _POINT_HALF_DEG.get(place.kind, 3.0)
    cos = max(0.2, math.cos(math.radians(place.lat)))
    return (place.lat - half, place.lon - half / cos, place.lat + half, place.lon + half / cos)


def _geometry(place: Place) -> Any | None:
    shapes = _shapes()
    if shapes is None or place.kind not in _SHAPED_KINDS:
        return None
    for key in (place.shape, place.id):
        if key:
            geom = shapes.geometry(key)
            if geom is not None and not geom.is_empty:
                return geom
    if place.members:  # a region or bloc without its own outline: its members'
        geom = shapes.union(place.members)
        return None if geom.is_empty else geom
    return None


def _main_box(geom: Any, place: Place) -> Box:
    """Bounds of the parts of ``geom`` near its main part (no far-flung islands).

    Keeps the polygons whose own bounds lie within 40° of longitude of the
    place's representative point; a country straddling the antimeridian
    (Russia, Fiji) thus frames its main side.
    """
    parts = list(getattr(geom, "geoms", [geom]))
    near = [
        p
        for p in parts
        if min(
            abs(p.bounds[0] - place.lon),
            abs(p.bounds[2] - place.lon),
            0 if p.bounds[0] <= place.lon <= p.bounds[2] else 999,
        )
        < 40
        and p.bounds[2] - p.bounds[0] < 180
    ]
    if near:
        biggest = max(p.area for p in near)
        near = [p for p in near if p.area >= biggest * 0.02]
    if not near:
        return _point_box(place)
    w = min(p.bounds[0] for p in near)
    s = min(p.bounds[1] for p in near)
    e = max(p.bounds[2] for p in near)
    n = max(p.bounds[3] for p in near)
    return (s, w, n, e)


def _near_part(geom: Any, place: Place, toward: tuple[float, float]) -> Box:
    """A window of a big country around its point nearest ``toward`` (lat, lon)."""
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    lat, lon = toward
    try:
        near = nearest_points(geom, Point(lon, lat))[0]
        nlat, nlon = near.y, near.x
    except (ValueError, AttributeError):  # shapely raises these on odd geometries
        nlat, nlon = place.lat, place.lon
    return (nlat - 6.0, nlon - 10.0, nlat + 6.0, nlon + 10.0)


def step_bounds(scene: Scene, step: Step) -> list[list[float]] | None:
    """The ``[[south, west], [north, east]]`` a step frames, or None with no places.

    The overview frames the ends of the Scene's relations, as the main map's first view does.

    Countries and areas count with their outlines (from :mod:`geo.shapes`
    when its data is installed, else a box sized by their area); very large
    countries shown beside smaller places count only with their part
    nearest those places and their point (where their arcs end), not
    with every far-flung coast. The box is padded and never smaller than a few degrees.
    """
    from geo.story import OVERVIEW_ID

    if step.id == OVERVIEW_ID and scene.relations:
        # the overview frames what the main map opens on: the ends of the relations
        from layers.render import story_bounds

        return story_bounds(scene)
    places = [p for p in (scene.place(pid) for pid in step.place_ids) if p is not None]
    if not places:
        return None
    geoms = {p.id: _geometry(p) for p in places}

    def big(p: Place) -> bool:
        area = p.area_km2 or (_shapes_area(p) if geoms[p.id] is not None else 0)
        return p.kind == "country" and area > BIG_COUNTRY_KM2

    small = [p for p in places if not big(p)]
    boxes: list[Box] = []
    for p in small:
        geom = geoms[p.id]
        boxes.append(_main_box(geom, p) if geom is not None else _point_box(p))
    if small:
        s = sum((b[0] + b[2]) / 2 for b in boxes) / len(boxes)
        w = sum((b[1] + b[3]) / 2 for b in boxes) / len(boxes)
        toward = (s, w)
    for p in places:
        if p in small:
            continue
        geom = geoms[p.id]
        if small and geom is not None:
            # its part nearest the others, plus its point, where its arcs end
            boxes.append(_near_part(geom, p, toward))
            boxes.append((p.lat - 1.0, p.lon - 1.0, p.lat + 1.0, p.lon + 1.0))
        else:
            boxes.append(_main_box(geom, p) if geom is not None else _point_box(p))
    s = min(b[0] for b in boxes)
    w = min(b[1] for b in boxes)
    n = max(b[2] for b in boxes)
    e = max(b[3] for b in boxes)
    # pad, and keep a minimum span so one city is not shown at street level
    pad_lat = max((n - s) * 0.06, (3.0 - (n - s)) / 2, 0.0)
    pad_lon = max((e - w) * 0.06, (4.0 - (e - w)) / 2, 0.0)
    s, n = max(-75.0, s - pad_lat), min(80.0, n + pad_lat)
    w, e = w - pad_lon, e + pad_lon
    return [[round(s, 3), round(w, 3)], [round(n, 3), round(e, 3)]]


def _shapes_area(place: Place) -> float:
    shapes = _shapes()
    rec = shapes.record(place.shape or place.id) if shapes is not None else None
    return rec.area_km2 if rec is not None else 0.0


# -- the HTML player --------------------------------------------------------------


@cache
def _jinja() -> Any:
    import jinja2

    from layers.elements import template_text

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(template_text),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _player_element(panel: str) -> Any:
    """The player's CSS, panel and script as one folium element.

    A :class:`layers.elements.QuickMacroElement`: its output goes into the
    page as is and is never parsed again as a Jinja template, so the panel
    (article text, escaped by :func:`_jinja`) cannot be evaluated by branca.
    """
    from markupsafe import Markup

    from layers.elements import QuickMacroElement, template, template_text

    class BriefingPlayer(QuickMacroElement):
        """Adds the player's CSS, step panel and script to a folium map."""

        def __init__(self) -> None:
            super().__init__()
            self._name = "BriefingPlayer"
            self._id = "player"
            self._template = template("briefing_element.html.jinja")
            self.css = template_text("briefing.css") + template_text("focus.css")
            self.panel = Markup(panel)
            self.js = template_text("briefing.js")

    return BriefingPlayer()


def _panel_steps(scene: Scene, steps: Sequence[Step]) -> list[dict[str, str]]:
    out = []
    for step in steps:
        quote = source = ""
        if step.quote is not None:
            quote = shorten(step.quote.text)
            doc = scene.document(step.quote.doc)
            source = doc.title if doc is not None and doc.title else step.quote.doc
        out.append({"id": step.id, "title": step.title, "caption": step.caption, "quote": quote, "source": source})
    return out


def _heading(scene: Scene) -> str:
    return "Briefing" if len(scene.documents) != 1 else f"Briefing · {scene.documents[0].title}"


def step_keys(step: Step) -> list[str]:
    """The key classes (``gb-k-…``) of the features a step emphasises; empty for the overview.

    Its relations first, then its places, each once, in the step's order;
    :func:`layers.feature.key_class` gives every path, arrowhead and label
    of a relation or place the same class.
    """
    from geo.story import OVERVIEW_ID
    from layers.feature import key_class

    if step.id == OVERVIEW_ID:
        return []
    return list(dict.fromkeys(key_class(k) for k in (*step.relation_ids, *step.place_ids)))


def export_briefing_html(scene: Scene, *, title: str | None = None, jump: bool = False) -> str:
    """One self-contained HTML file that plays the Scene's story step by step.

    Parameters
    ----------
    scene
        The Scene; its ``storyline`` is played (its ``story``, else the one
        geo proposes, :attr:`geo.scene.Scene.storyline`).

    Returns
    -------
    str
        A complete HTML document with Leaflet, the map data, the player's
        CSS and JS inlined; it loads nothing from the network. The map is
        drawn once; each step's data lists the key classes of the features
        it emphasises (:func:`step_keys`), and the player dims the rest.
        Each step is an ``<li data-step="i">``; the current one has
        ``aria-current="step"``. The output is deterministic.

    ``jump`` frames each step at once instead of flying to it, and takes
    the keyboard when the page opens (the app's briefing mode embeds it).

    Raises
    ------
    BriefingError
        When the page would load anything from the network
        (:func:`layers.offline.check_offline`).
    """
    from layers.titles import source_line

    steps = scene.storyline
    m = _draw(scene, title)
    data = {
        "map": m.get_name(),
        "padding": list(PADDING_PX),
        "maxZoom": MAX_ZOOM,
        "steps": [{"id": s.id, "bounds": step_bounds(scene, s), "keys": step_keys(s)} for s in steps],
        "jump": jump,
    }
    panel = (
        _jinja()
        .get_template("briefing_panel.html")
        .render(
            steps=_panel_steps(scene, steps),
            heading=title.strip() if title and title.strip() else _heading(scene),
            sources=source_line(scene),
            data=data,
        )
    )
    _player_element(panel).add_to(m)
    return _offline_html(m)  # element ids are stable: render_map's and the player's fixed one


# -- drawing ----------------------------------------------------------------------


@cache
def _outlines() -> Any:
    """The gazetteer's shapes, or points only when their data files are not installed."""
    from layers.outlines import NoOutlines, default_outlines

    try:
        return default_outlines()
    except OSError:
        return NoOutlines()


def _draw(scene: Scene, title: str | None = None) -> Any:
    """The map, drawn once by :func:`layers.render.render_map` with nothing dimmed.

    Basemap, spheres, regions, places, arcs and legend; the layer control
    and the initial FitBounds are dropped, since the player frames each
    step itself and emphasises its features by CSS class.
    """
    import folium

    from layers.render import ALL_LAYERS, ViewGuard, render_map

    m = render_map(scene, layers=ALL_LAYERS, outlines=_outlines(), title=title)
    for key, child in list(m._children.items()):
        if isinstance(child, folium.LayerControl | folium.FitBounds | ViewGuard):
            del m._children[key]
    return m


# -- offline ----------------------------------------------------------------------


def _offline_html(m: Any) -> str:
    """The whole page (map, panel, player) with every asset inlined.

    :func:`layers.offline.offline_html` runs the project's one network
    guard, :func:`layers.offline.check_offline`, on the finished page.
    """
    from layers.offline import OfflineError, offline_html

    try:
        return offline_html(m)
    except OfflineError as exc:
        raise BriefingError(f"the briefing would load something from the network: {exc}") from exc


# -- PNG stills -------------------------------------------------------------------


def _check_png_tools(chromium: Path) -> None:
    """Say what to install before any PNG is attempted: playwright and Chromium."""
    try:
        import playwright.sync_api  # noqa: F401  (checked here, used where the page is shot)
    except ImportError as exc:
        raise BriefingError("PNG export needs the playwright package: pip install playwright") from exc
    if not Path(chromium).exists():
        raise BriefingError(f"chromium not found at {chromium}: install Debian's chromium package")


def shoot_page(page_html: str, out: Path, *, size: tuple[int, int] = PNG_SIZE, chromium: Path = CHROMIUM) -> Path:
    """One PNG of an offline HTML page (an exported map) as headless Chromium draws it, network cut.

    Raises
    ------
    BriefingError
        When playwright or Chromium is missing, or the page fails to load.
    """
    _check_png_tools(chromium)
    from concurrent.futures import ThreadPoolExecutor

    def run() -> Path:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        with tempfile.TemporaryDirectory(prefix="geobrief-") as tmp:
            page_path = Path(tmp) / "map.html"
            page_path.write_text(page_html, encoding="utf-8")
            try:
                with sync_playwright() as p:
                    browser = launch_chromium(p, Path(chromium))
                    try:
                        context = browser.new_context(
                            viewport={"width": size[0], "height": size[1]}, device_scale_factor=1
                        )
                        page = context.new_page()
                        page.route("**/*", _only_local)
                        page.goto(page_path.as_uri(), wait_until="load")
                        page.wait_for_selector(".leaflet-container", timeout=15_000)
                        # let the labels settle (they are placed after the first frame)
                        page.evaluate("() => new Promise(r => setTimeout(() => requestAnimationFrame(r), 250))")
                        page.screenshot(path=str(out), full_page=False)
                    finally:
                        browser.close()
            except PlaywrightError as exc:
                raise BriefingError(f"headless Chromium failed: {exc.message.splitlines()[0]}") from exc
        return Path(out)

    # Playwright's sync API refuses to run where an asyncio loop is running: use a fresh thread
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def launch_chromium(playwright: Any, chromium: Path = CHROMIUM) -> Any:
    """Debian's Chromium, headless, without GPU, sandbox or background networking.

    The one place geobrief launches a browser (its PNG exports, and the browser tests).
    """
    if not chromium.exists():
        raise BriefingError(f"chromium not found at {chromium}: install Debian's chromium package")
    return playwright.chromium.launch(
        executable_path=str(chromium),
        headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


def _only_local(route: Any) -> None:
    """Let file: and data: URLs through; abort everything else (the network is cut)."""
    url = route.request.url
    if url.startswith(("file:", "data:", "blob:", "about:")):
        route.continue_()
    else:
        route.abort()


def export_briefing_pngs(
    scene: Scene,
    out_dir: Path,
    *,
    size: tuple[int, int] = PNG_SIZE,
    chromium: Path = CHROMIUM,
    html: str | None = None,
) -> list[Path]:
    """Write one PNG per briefing step, rendered in headless Chromium.

    Parameters
    ----------
    scene
        The Scene whose ``storyline`` is rendered.
    out_dir
        Where ``step-01.png``, ``step-02.png``, ... go; created if missing.
    size
        Width and height of each picture in CSS pixels (1600×900, 16:9).
    chromium
        The Chromium executable (Debian's ``chromium`` package).
    html
        The briefing page if already exported (saves rendering it again).

    Returns
    -------
    list of Path
        The files written, in step order.

    Raises
    ------
    BriefingError
        When playwright or Chromium is missing, or the page fails to load.
    """
    _check_png_tools(chromium)
    page_html = html if html is not None else export_briefing_html(scene)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefingError(f"cannot create {out_dir}: {exc.strerror}") from exc
    # Playwright's sync API refuses to run where an asyncio loop is running
    # (Jupyter, or another sync_playwright in this thread): use a fresh thread.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_shoot, page_html, out_dir, size, Path(chromium)).result()


def _shoot(page_html: str, out_dir: Path, size: tuple[int, int], chromium: Path) -> list[Path]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="geobrief-") as tmp:
        page_path = Path(tmp) / "briefing.html"
        page_path.write_text(page_html, encoding="utf-8")
        try:
            with sync_playwright() as p:
                browser = launch_chromium(p, chromium)
                try:
                    context = browser.new_context(
                        viewport={"width": size[0], "height": size[1]},
                        device_scale_factor=1,
                        reduced_motion="reduce",
                    )
                    page = context.new_page()
                    page.route("**/*", _only_local)
                    page.goto(page_path.as_uri(), wait_until="load")
                    page.wait_for_function("window.geobriefBriefing !== undefined", timeout=15_000)
                    page.evaluate("window.geobriefBriefing.still()")
                    count = page.evaluate("window.geobriefBriefing.count")
                    for i in range(count):
                        page.evaluate("i => window.geobriefBriefing.go(i)", i)
                        page.wait_for_function("i => window.geobriefBriefing.settled === i", arg=i, timeout=15_000)
                        # two frames: let Leaflet redraw the paths after the move
                        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                        path = out_dir / f"step-{i + 1:02d}.png"
                        page.screenshot(path=str(path), full_page=False)
                        written.append(path)
                finally:
                    browser.close()
        except PlaywrightError as exc:
            raise BriefingError(f"headless Chromium failed: {exc.message.splitlines()[0]}") from exc
    return written
