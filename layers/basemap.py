"""The basemap: simplified country outlines on a sea-coloured page, no tile server.

The land comes from the gazetteer's committed outlines
(`geo.shapes.load_shapes().basemap_geojson()`); the sea is the map's CSS
background. Online tiles are added only when the user names a provider.
"""

from __future__ import annotations

from functools import lru_cache

from geo.scene import Scene
from layers import style
from layers.elements import Shape, script_json
from layers.names import LAYER_NAMES
from layers.outlines import Outlines, default_outlines

LAND_STYLE = {
    "color": style.LAND_EDGE,
    "weight": 0.7,
    "opacity": 1.0,
    "fillColor": style.LAND,
    "fillOpacity": 1.0,
    "className": "gb-land",
}


@lru_cache(maxsize=4)
def land_json(outlines: Outlines) -> str | None:
    """`land_geojson` serialised for a script element once, or None when there is no land."""
    land = land_geojson(outlines)
    return script_json(land) if land["features"] else None


def land_geojson(outlines: Outlines) -> dict:
    """The basemap FeatureCollection, reduced to what the map needs (geometry and id)."""
    fc = outlines.basemap_geojson()
    feats = [
        {"type": "Feature", "properties": {"id": (f.get("properties") or {}).get("id")}, "geometry": f["geometry"]}
        for f in fc.get("features", [])
        if f.get("geometry")
    ]
    return {"type": "FeatureCollection", "features": feats}


def build_basemap_layer(
    scene: Scene | None = None,
    *,
    outlines: Outlines | None = None,
    tiles: str | None = None,
    name: str = LAYER_NAMES["basemap"],
    attr: str | None = None,
    shifts: tuple[int, ...] = (),
):
    """Country outlines (and optional online tiles) as one named folium FeatureGroup.

    Parameters
    ----------
    scene : Scene, optional
        Unused today; every layer builder takes the scene first.
    outlines : Outlines, optional
        Where the outlines come from; defaults to `geo.shapes.load_shapes()`.
    tiles : str, optional
        A folium tile provider name or URL template. Off by default: the
        basemap then needs no network.
    name : str
        The layer's name in the layer control.
    attr : str, optional
        The tiles' attribution (HTML, escaped by the caller); required with a URL template.
    shifts : tuple of int
        Longitudes (-360, 360) at which the land is drawn again: the world copy an arc across the
        antimeridian ends in (`layers.arcs` unwraps longitudes to take the short way).
    """
    import folium

    outlines = outlines if outlines is not None else default_outlines()
    group = folium.FeatureGroup(name=name, show=True)
    if tiles:
        folium.TileLayer(tiles, name="Online tiles", control=False, attr=attr).add_to(group)
    land = land_json(outlines)
    if land is not None:
        land_style = dict(LAND_STYLE)
        if tiles:
            land_style |= {"fillOpacity": 0.0}
        Shape(land, land_style, interactive=False, shifts=shifts).add_to(group)
    return group
