"""The map as the Streamlit app shows it: st_folium with no CDN.

streamlit-folium's frontend (``streamlit_folium/frontend/build``) receives
the map's ``js_links``/``css_links`` lists, built in ``st_folium`` from the
``default_js``/``default_css`` of every folium element, and appends a
``<script src>`` / ``<link href>`` for each to its iframe. folium points
those at jsDelivr and other CDNs, so an air-gapped room gets a blank map.

Here every element's lists are rewritten, per instance (the class lists are
shared), so that:

- Leaflet's ``leaflet.js`` and ``leaflet.css`` (with its ``images/``) come
  from the ``xstatic-leaflet`` package's own folder, which the app serves
  through Streamlit's component file route (:func:`register_leaflet_assets`
  declares that folder as a file-only component; nothing is copied);
- jQuery, Bootstrap, Font-Awesome and awesome-markers, which folium adds to
  every map but geobrief's layers never use, are dropped;
- anything else that still points at the network makes
  :func:`make_offline` raise, so a new plugin cannot slip a CDN in silently.

Links are relative to the map's iframe
(``<base>/component/app.map.st_folium/index.html``), so they work
under any ``server.baseUrlPath``.

The map itself is drawn by streamlit-folium's own frontend, which
:func:`show_map` declares as a component from the installed package's
``frontend/build`` folder. Drawing a prepared map therefore imports neither
folium nor the ``streamlit_folium`` module: the app's first page can come
from the primed store (:mod:`app.cache`) without paying for them.
Only :func:`prepare_map` needs them.

Why this adapter and not the public ``st_folium`` (checked against
streamlit-folium 0.27.4, the newest release; tests/test_app_map.py fails
loudly when a release changes any of it):

- Offline links alone would not need it: ``st_folium`` builds its
  ``js_links``/``css_links`` from each element's ``default_js``/``default_css``,
  which :func:`make_offline` has already rewritten (only a branca colour map
  would add d3 from two CDNs; geobrief draws none).
- ``st_folium`` renders the body HTML before ``_get_map_string`` renames every
  element, so the divs of geobrief's title and legend keep their old ids
  while the script looks them up by the new names: the map shows without
  its title and legend. :func:`prepare_map` renames those ids.
- ``st_folium`` takes a live folium map and renders it on every Streamlit
  run. The prepared map is plain strings, cached and stored by
  :mod:`app.cache`, so the first page imports neither folium nor
  streamlit-folium (tests/test_app_cache.py).
- It passes ``default`` as a dict, and Streamlit's check of dict arguments
  for dataframes imports pandas, numpy and pyarrow (0.6-1 s on a fresh
  server) before the first map is sent.

So ``streamlit-folium`` stays pinned below 0.28 (no newer release exists
today); the adapter uses its helpers ``_get_html``, ``_get_header``,
``_get_map_string``, ``get_full_id`` and its built frontend.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from layers.leaflet import OfflineError, leaflet_dir

if TYPE_CHECKING:
    import folium

ASSET_COMPONENT = "leaflet_assets"
"""The short name of the file-only component that serves Leaflet's folder."""

LEAFLET_PREFIX = f"../{__name__}.{ASSET_COMPONENT}/"
"""Leaflet's folder relative to the map's iframe, as :func:`register_leaflet_assets` returns it."""

MAP_COMPONENT = "st_folium"
"""The short name under which streamlit-folium's frontend is declared here."""

_UNUSED = re.compile(r"jquery|bootstrap|font-?awesome|awesome-markers|awesome\.rotate|glyphicons", re.IGNORECASE)
_LEAFLET_JS = re.compile(r"/leaflet(?:-src)?(?:\.min)?\.js$", re.IGNORECASE)
_LEAFLET_CSS = re.compile(r"/leaflet(?:\.min)?\.css$", re.IGNORECASE)
_REMOTE = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def register_leaflet_assets() -> str:
    """Let Streamlit serve Leaflet's folder; return its URL relative to st_folium's iframe.

    Declares a component whose "frontend" is the xstatic-leaflet folder.
    It is never called as a component; Streamlit's component route
    (``/component/<name>/<file>``) then serves ``leaflet.js`` with the right
    content type. Safe to call on every run (re-registering is a no-op).

    Returns
    -------
    str
        e.g. ``"../app.map.leaflet_assets/"``.
    """
    import streamlit.components.v1 as components

    component = components.declare_component(ASSET_COMPONENT, path=str(leaflet_dir()))
    prefix = f"../{component.name}/"
    if prefix != LEAFLET_PREFIX:  # prepared maps in the primed store were built with LEAFLET_PREFIX
        raise OfflineError(f"Leaflet is served at {prefix}, not {LEAFLET_PREFIX}")
    return prefix


LAND_COMPONENT = "geobrief_assets"
"""The short name of the file-only component that serves the basemap's land as a script."""

LAND_PREFIX = f"../{__name__}.{LAND_COMPONENT}/"
"""That folder relative to st_folium's iframe."""

LAND_VARIABLE = "window.geobriefLand"


def land_folder() -> Path:
    """Where the land script is kept: beside the app's store (``<store>-assets``), else a temporary folder.

    Not inside the store, which holds only the store's own files.
    """
    import tempfile

    from app.cache import default_dir

    store = default_dir()
    for folder in (store.with_name(store.name + "-assets"), Path(tempfile.gettempdir()) / "geobrief-assets"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return folder
        except OSError:
            continue
    raise OfflineError("no folder can be written for the map's land")


def land_asset() -> str | None:
    """Write the basemap's land as a script (once per content) and return its file name, or None.

    Every map of the app draws the same land (about 0.7 MB of outlines). Sent
    as a script file, the browser fetches it once and caches it, and a rerun
    that shows the map again sends a few hundred kB instead of a megabyte.
    """
    import hashlib

    from layers.basemap import land_json
    from layers.outlines import default_outlines

    land = land_json(default_outlines())
    if land is None:
        return None
    name = f"land-{hashlib.sha256(land.encode('utf-8')).hexdigest()[:16]}.js"
    folder = land_folder()
    path = folder / name
    if not path.is_file():
        import os
        import tempfile

        # written whole under a name of its own, then moved in place: a reader never sees half
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".land-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"{LAND_VARIABLE} = {land};\n")
        os.replace(tmp, path)
    return name


def register_land_assets() -> str:
    """Let Streamlit serve the land script's folder; return its URL relative to st_folium's iframe."""
    import streamlit.components.v1 as components

    component = components.declare_component(LAND_COMPONENT, path=str(land_folder()))
    prefix = f"../{component.name}/"
    if prefix != LAND_PREFIX:
        raise OfflineError(f"the land is served at {prefix}, not {LAND_PREFIX}")
    return prefix


def refer_to_land(m: folium.Map) -> folium.Map:
    """Draw the basemap's land from the cached script (:func:`land_asset`) instead of inlining it."""
    from layers.basemap import land_json
    from layers.elements import Shape, walk_elements
    from layers.outlines import default_outlines

    land = land_json(default_outlines())
    name = land_asset() if land is not None else None
    if name is None:
        return m
    swapped = False
    for element in walk_elements(m):
        if isinstance(element, Shape) and element.data_json == land:
            element.data_json = LAND_VARIABLE
            swapped = True
    if swapped:
        m.default_js = [*m.default_js, ("geobrief_land", LAND_PREFIX + name)]
    return m


def map_frontend() -> Path:
    """streamlit-folium's built frontend folder, found without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec("streamlit_folium")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        build = Path(folder) / "frontend" / "build"
        if (build / "index.html").is_file():
            return build
    raise OfflineError(
        "streamlit-folium's frontend (streamlit_folium/frontend/build) is missing; reinstall with ./run.sh app"
    )


def _map_component():
    import streamlit.components.v1 as components

    return components.declare_component(MAP_COMPONENT, path=str(map_frontend()))


def _rewrite(links: list[tuple[str, str]], prefix: str, kind: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, url in links:
        if kind == "js" and _LEAFLET_JS.search(url):
            out.append((name, prefix + "leaflet.js"))
        elif kind == "css" and _LEAFLET_CSS.search(url):
            out.append((name, prefix + "leaflet.css"))
        elif _UNUSED.search(url) or _UNUSED.search(name):
            continue
        elif _REMOTE.match(url):
            raise OfflineError(
                f"the map asks for {url} ({name}); geobrief serves no assets from the "
                "network, so inline this plugin from a registry package first"
            )
        else:
            out.append((name, url))
    return out


def make_offline(m: folium.Map, prefix: str) -> folium.Map:
    """Point every asset link of a folium map at local files; drop unused CDN assets.

    Parameters
    ----------
    m : folium.Map
        The map; changed in place (per-instance lists, class lists untouched).
    prefix : str
        Where Leaflet's folder is served (see :func:`register_leaflet_assets`).

    Returns
    -------
    folium.Map
        The same map.

    Raises
    ------
    OfflineError
        An element needs a remote asset that is neither Leaflet nor one of
        the unused folium defaults.
    """
    from layers.elements import walk_elements

    for element in walk_elements(m):
        js = getattr(element, "default_js", None)
        css = getattr(element, "default_css", None)
        if js:
            element.default_js = _rewrite(list(js), prefix, "js")
        if css:
            element.default_css = _rewrite(list(css), prefix, "css")
    return m


def remote_links(m: folium.Map) -> list[str]:
    """Every asset URL of the map that would still be fetched from the network."""
    from layers.elements import walk_elements

    urls = []
    for element in walk_elements(m):
        for _, url in [*getattr(element, "default_js", []), *getattr(element, "default_css", [])]:
            if _REMOTE.match(url):
                urls.append(url)
    return urls


def _plain_text(markup: str) -> str:
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup or "")).split())


def feature_at(
    scene,
    tooltip: str | None,
    latlng: dict | None = None,
    *,
    max_degrees: float = 2.0,
) -> tuple[str, str] | None:
    """What a click on the st_folium map picked: ``("relation", id)`` or ``("place", id)``.

    st_folium reports the clicked layer's tooltip as plain text and the
    click position. The tooltip is matched against the tooltips geobrief's
    layers give their features; without a match, the nearest place within
    ``max_degrees`` of the click is taken.

    Parameters
    ----------
    scene : Scene
        The Scene the map was drawn from.
    tooltip : str or None
        ``last_object_clicked_tooltip``.
    latlng : dict or None
        ``last_object_clicked`` (``{"lat": …, "lng": …}``).

    Returns
    -------
    tuple or None
    """

    def kind_of(key: str) -> tuple[str, str] | None:
        if scene.relation(key) is not None:
            return ("relation", key)
        if scene.place(key) is not None:
            return ("place", key)
        return None

    wanted = _plain_text(tooltip or "")
    if wanted:
        from layers.render import FEATURE_LAYERS, collect_layers

        features = collect_layers(scene, layers=FEATURE_LAYERS)
        for layer in ("arcs", "places", "regions", "spheres"):
            for feature in features.get(layer, []):
                if _plain_text(feature.tooltip) == wanted and (hit := kind_of(feature.key)):
                    return hit
    if latlng and latlng.get("lat") is not None and latlng.get("lng") is not None:
        lat, lng = float(latlng["lat"]), float(latlng["lng"])
        best = min(
            scene.places,
            key=lambda p: (p.lat - lat) ** 2 + (p.lon - lng) ** 2,
            default=None,
        )
        if best is not None and (best.lat - lat) ** 2 + (best.lon - lng) ** 2 <= max_degrees**2:
            return ("place", best.id)
    return None


# -- a prepared map: st_folium's Python-side work done once and cached ----------------------

_SF_HELPERS = ("_get_html", "_get_header", "_get_map_string", "get_full_id")


def _not_bare_mode_warning(record: logging.LogRecord) -> bool:
    return "missing ScriptRunContext" not in record.getMessage()


def _streamlit_folium():
    """The streamlit_folium module, checked for the helpers this module relies on.

    They are module-level functions of streamlit-folium 0.24–0.27 (tested with
    0.27.4); a release that renames them fails here with a clear message
    rather than somewhere inside the map.
    """
    from streamlit.runtime.scriptrunner_utils import script_run_context

    if script_run_context.get_script_run_ctx(suppress_warning=True) is None:
        # outside a script run (the primer): streamlit-folium declares its component on
        # import, and Streamlit logs that a missing context "can be ignored" in that case
        logging.getLogger(script_run_context.__name__).addFilter(_not_bare_mode_warning)
    import streamlit_folium as sf

    missing = [name for name in _SF_HELPERS if not hasattr(sf, name)]
    if missing:
        raise OfflineError(
            f"this streamlit-folium ({getattr(sf, '__version__', '?')}) lacks {', '.join(missing)}; "
            "geobrief's app map was built against streamlit-folium 0.27"
        )
    return sf


def prepare_map(m: folium.Map, prefix: str) -> dict:
    """Everything streamlit-folium's frontend needs to draw ``m``, as plain strings.

    ``st_folium`` renders the whole map (templates, GeoJSON dumps) on every
    Streamlit run, about two seconds for a briefing map with its basemap.
    This does the same preparation once, with streamlit-folium's own
    helpers, so the app can cache the result (it is a dict of strings and
    lists) and redraw with :func:`show_map` in milliseconds.

    Parameters
    ----------
    m : folium.Map
        The map; it is rendered and made offline (see :func:`make_offline`).
    prefix : str
        Where Leaflet's folder is served (see :func:`register_leaflet_assets`).

    Returns
    -------
    dict
        ``script``, ``header``, ``html``, ``id``, ``css_links``, ``js_links``
        and ``bounds``.
    """
    from layers.elements import walk_elements

    sf = _streamlit_folium()
    make_offline(m, prefix)
    # One render of the map fills the figure's header and body; st_folium also renders
    # the whole figure first, which only repeats the (large) script.
    m.render()
    html = sf._get_html(m)
    header = sf._get_header(m)
    elements = list(walk_elements(m))
    before = [el.get_name() for el in elements]
    script = sf._get_map_string(m)
    # streamlit-folium renames every element while it builds the script, but the
    # body HTML was rendered with the old names; controls whose HTML lives in the
    # body (geobrief's legend) look their div up by name, so rename those ids too.
    for old, el in zip(before, elements, strict=True):
        new = el.get_name()
        if new != old:
            html = html.replace(f'id="{old}"', f'id="{new}"')
    css: list[str] = []
    js: list[str] = []
    for element in walk_elements(m):
        css.extend(url for _, url in getattr(element, "default_css", []) or [])
        js.extend(url for _, url in getattr(element, "default_js", []) or [])
    remote = [u for u in [*css, *js] if _REMOTE.match(u)]
    if remote:
        raise OfflineError(f"the map still asks for {remote[0]}")
    try:
        (s, w), (n, e) = m.get_bounds()
    except (AttributeError, TypeError, ValueError):
        s = w = n = e = None
    return {
        "script": script,
        "header": header,
        "html": html,
        "id": sf.get_full_id(m),
        "css_links": list(dict.fromkeys(css)),
        "js_links": list(dict.fromkeys(js)),
        "bounds": {"_southWest": {"lat": s, "lng": w}, "_northEast": {"lat": n, "lng": e}},
    }


def show_map(
    prepared: dict,
    *,
    key: str,
    height: int = 560,
    returned_objects: list[str] | None = None,
) -> dict | None:
    """Draw a :func:`prepare_map` result with streamlit-folium's frontend.

    The component key is a digest of the map's script and ``key``, as in
    ``st_folium``: the same map keeps its frontend (no flicker, pan and zoom
    kept), a changed map remounts. Only ``returned_objects`` come back, so
    panning and zooming never rerun the app.

    Returns
    -------
    dict or None
        The returned objects after the latest click.
    """
    import hashlib
    import json

    returned = tuple(returned_objects or ())
    digest = hashlib.sha256((prepared["script"] + key).encode("utf-8")).hexdigest()
    # Every argument is a string, number, tuple or None: Streamlit checks any other argument
    # (a dict, a list) for being a dataframe, and that check imports pandas, numpy and pyarrow,
    # 0.6-1 s on a fresh server, before the first map can be sent. So the component's
    # ``default`` (what the frontend compares a pan or zoom against, to stay silent) is not
    # passed; the script sets it first thing instead, to the same value.
    # (the frontend starts its "selected_tags", the field map picks travel in, as an empty list)
    default: dict[str, list | None] = {k: [] if k == "selected_tags" else None for k in returned}
    seed = (
        "if (window.__GLOBAL_DATA__ && window.__GLOBAL_DATA__.previous_data == null) {"
        f" window.__GLOBAL_DATA__.previous_data = {json.dumps(default)}; }}\n"
    )
    return _map_component()(
        script=seed + prepared["script"],
        header=prepared["header"],
        html=prepared["html"],
        id=prepared["id"],
        key=f"{key}-{digest[:24]}",
        height=height,
        width=None,
        returned_objects=returned,
        default=None,
        zoom=None,
        center=None,
        feature_group=None,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=tuple(prepared["css_links"]),
        js_links=tuple(prepared["js_links"]),
        wrap_longitude=False,
    )
