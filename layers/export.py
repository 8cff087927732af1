"""Exports: a self-contained offline HTML map and a GeoJSON of every layer.

Examples
--------
>>> from geo.examples import example_scene
>>> from layers.outlines import NoOutlines
>>> fc = export_geojson(example_scene(), outlines=NoOutlines())
>>> sorted({f["properties"]["layer"] for f in fc["features"]})
['arcs', 'places']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from geo.scene import Scene
from layers.outlines import Outlines


def export_html(
    scene: Scene,
    *,
    layers: Iterable[str] | None = None,
    tiles: str | None = None,
    attribution: str | None = None,
    outlines: Outlines | None = None,
    highlight: set[str] | None = None,
    title: str | None = None,
) -> str:
    """The scene as one HTML page that opens with no network.

    Parameters
    ----------
    scene : Scene
    layers : iterable of str, optional
        Which layers to draw (see `layers.names.ALL_LAYERS`); all by default.
    tiles : str, optional
        An online tile provider, only when the user asks for one; the page
        then needs the network for its tiles (and only for them). A name
        from `layers.tiles.TILE_NAMES` or an http(s) URL template.
    attribution : str, optional
        Plain text crediting the tiles; required with a URL template.
    outlines : Outlines, optional
        Where outlines come from; defaults to `geo.shapes.load_shapes()`.
    highlight : set of str, optional
        Place and relation ids to emphasise.
    title : str, optional
        The map's title (default: its documents' titles); the page's
        ``<title>`` and a source line (documents and dates) come with it.

    Returns
    -------
    str
        The HTML text; the same scene always gives the same bytes.

    Raises
    ------
    layers.tiles.TilesError
        ``tiles`` is neither a known name nor an http(s) URL template with an attribution.
    """
    from layers.names import ALL_LAYERS
    from layers.offline import offline_html
    from layers.render import render_map
    from layers.tiles import attribution_html, check_tiles

    checked = check_tiles(tiles, attribution) if tiles else None
    m = render_map(
        scene,
        layers=ALL_LAYERS if layers is None else tuple(layers),
        tiles=checked.source if checked else None,
        tiles_attribution=attribution_html(checked) if checked else None,
        outlines=outlines,
        highlight=highlight,
        title=title,
    )
    return offline_html(m, online_tiles=bool(tiles))


def export_geojson(
    scene: Scene, *, layers: Iterable[str] | None = None, outlines: Outlines | None = None
) -> dict[str, Any]:
    """The scene's feature layers as one GeoJSON FeatureCollection.

    ``layers`` names which to include (every feature layer by default; the
    basemap and the legend have no features and are ignored).

    Each feature has the same flat properties (strings, numbers or null),
    so QGIS and other GIS tools read it as one table: ``layer``, ``kind``,
    ``id``, ``name``, ``label``, ``role``, ``relation``, ``source``,
    ``target`` (names) with ``source_id``/``target_id``, ``item``,
    ``quantity``, ``status``, ``date``, ``members``, ``mentions``,
    ``confidence``, ``evidence`` (sentences joined by " | ") and
    ``documents`` (their titles).

    Arc longitudes are unwrapped, so a line across the antimeridian may
    have longitudes beyond ±180.
    """
    from layers.render import FEATURE_LAYERS, collect_layers

    chosen = set(FEATURE_LAYERS if layers is None else layers)
    wanted = [layer for layer in FEATURE_LAYERS if layer in chosen]
    collected = collect_layers(scene, layers=wanted, outlines=outlines)
    features = []
    seen: dict[str, int] = {}
    for layer in wanted:
        for f in collected.get(layer, []):
            fid = f"{layer}:{f.key}"
            seen[fid] = seen.get(fid, 0) + 1
            if seen[fid] > 1:
                fid = f"{fid}:{seen[fid]}"
            props = dict(f.properties)
            props["style"] = f.css
            props["color"] = f.style.get("color")
            features.append({"type": "Feature", "id": fid, "geometry": _plain(f.geometry), "properties": props})
    return {"type": "FeatureCollection", "name": "geobrief", "features": features}


def _plain(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    return obj


def export_map_png(scene: Scene, out, *, html: str | None = None, title: str | None = None, size=(1600, 900)):
    """A PNG of the scene's main map (its first view, title and source line), drawn by headless Chromium.

    Parameters
    ----------
    scene : Scene
    out : path
        The PNG file to write.
    html : str, optional
        The map page if already exported (saves drawing it again).
    title : str, optional
        The map's title (see `export_html`).
    size : (int, int)
        Width and height in CSS pixels (16:9 by default, for slides).

    Raises
    ------
    layers.briefing.BriefingError
        When playwright or Debian's chromium is missing, or the page fails.
    """
    from pathlib import Path

    from layers.briefing import shoot_page

    page = html if html is not None else export_html(scene, title=title)
    return shoot_page(page, Path(out), size=size)
