"""Scene → folium.Map: every layer as a named FeatureGroup, the layer control last.

The output is deterministic: element ids derive from the scene and a
counter, not from random uuids, so the same Scene always renders to the same
bytes and golden files can be diffed.

Examples
--------
>>> from tests.scenes import transfer_scene
>>> from layers.outlines import NoOutlines
>>> m = render_map(transfer_scene(), outlines=NoOutlines())
>>> html = m.get_root().render()
>>> "gb-arc gb-transfer" in html
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from geo.scene import Scene
from layers.elements import QuickMacroElement, template, walk_elements
from layers.feature import MapFeature
from layers.names import ALL_LAYERS, FEATURE_LAYERS, LAYER_NAMES
from layers.outlines import Outlines, default_outlines


def collect_layers(
    scene: Scene, *, layers: Iterable[str] = FEATURE_LAYERS, outlines: Outlines | None = None
) -> dict[str, list[MapFeature]]:
    """The features of each requested feature layer, keyed by layer name."""
    from layers.arcs import collect_arcs
    from layers.places import collect_places
    from layers.regions import collect_regions
    from layers.spheres import collect_spheres

    outlines = outlines if outlines is not None else default_outlines()
    wanted = set(layers)
    out: dict[str, list[MapFeature]] = {}
    if "spheres" in wanted:
        out["spheres"] = collect_spheres(scene, outlines)
    if "regions" in wanted:
        out["regions"] = collect_regions(scene, outlines)
    if "places" in wanted:
        out["places"] = collect_places(scene, outlines)
    if "arcs" in wanted:
        out["arcs"] = collect_arcs(scene)
    return out


def scene_key(scene: Scene) -> str:
    """A short digest of a scene's content, the seed of its element ids."""
    return hashlib.sha256(scene.to_json(indent=None).encode("utf-8")).hexdigest()[:16]


def stabilise_ids(elements: Iterable, key: str) -> None:
    """Give every element (and its descendants) an id from ``key`` and a counter.

    Replaces folium's random uuids, so rendering is reproducible.
    """
    counter = 0
    for top in elements:
        for el in walk_elements(top):
            el._id = hashlib.sha256(f"{key}:{counter}".encode()).hexdigest()[:20]
            counter += 1
    parents = [top._parent for top in elements if getattr(top, "_parent", None) is not None]
    for top in [*elements, *parents]:
        for el in walk_elements(top):
            el._children = type(el._children)((child.get_name(), child) for child in el._children.values())


def _bounds(scene: Scene, features: Mapping[str, list[MapFeature]]) -> list[list[float]] | None:
    """The view: what the story is about (arcs, spheres, regions and the places in relations).

    Places only mentioned in passing do not widen the view; if nothing
    else is drawn, every place counts.
    """
    lats: list[float] = []
    lons: list[float] = []

    def add(lat: float, lon: float) -> None:
        lats.append(lat)
        lons.append(lon)

    for f in features.get("arcs", []):
        for lon, lat in f.geometry["coordinates"]:
            add(lat, lon)
    for layer in ("regions", "spheres"):
        for f in features.get(layer, []):
            for mark in f.marks:
                add(mark.lat, mark.lon)
    actors = {end for r in scene.relations for end in r.endpoints()}
    for f in features.get("places", []):
        if f.key in actors and f.geometry["type"] == "Point":
            lon, lat = f.geometry["coordinates"]
            add(lat, lon)
    if not lats:
        for p in scene.places:
            add(p.lat, p.lon)
    if not lats:
        return None
    pad_lat = max(1.0, (max(lats) - min(lats)) * 0.05)
    pad_lon = max(1.0, (max(lons) - min(lons)) * 0.05)
    return [
        [max(-80.0, min(lats) - pad_lat), min(lons) - pad_lon],
        [min(84.0, max(lats) + pad_lat), max(lons) + pad_lon],
    ]


class LayerOrder(QuickMacroElement):
    """Keeps the layers stacked in their order when one is switched off and on again."""

    def __init__(self, groups: Sequence):
        super().__init__()
        self._name = "LayerOrder"
        self._template = template("layer_order.js.jinja")
        self.groups = list(groups)


def fit_view(bounds: Sequence[Sequence[float]], *, max_zoom: int | None):
    """A ``folium.FitBounds`` that leaves room for the legend only where it opens unfolded."""
    import folium

    from layers import legend

    class FitView(folium.FitBounds):
        _template = template("fit.js.jinja")

    fit = FitView(bounds, padding_top_left=(legend.WIDTH_PX, 20), padding_bottom_right=(40, 20), max_zoom=max_zoom)
    fit.legend_open_from = legend.OPEN_FROM_PX
    fit.narrow_padding = [20, 20]
    # without the zoom animation (see render_map)
    fit.options["animate"] = False
    return fit


def new_map(tiles: str | None = None):
    """An empty folium Map with geobrief's defaults: no tiles, SVG paths, world view."""
    import folium

    m = folium.Map(
        location=[30.0, 20.0],
        zoom_start=3,
        tiles=tiles,
        prefer_canvas=False,
        control_scale=True,
        world_copy_jump=False,
        min_zoom=2,
    )
    return m


def render_map(
    scene: Scene,
    *,
    layers: Iterable[str] = ALL_LAYERS,
    m=None,
    tiles: str | None = None,
    highlight: set[str] | None = None,
    outlines: Outlines | None = None,
    bounds: Sequence[Sequence[float]] | None = None,
    tiles_attribution: str | None = None,
):
    """Draw a scene as a folium map.

    Parameters
    ----------
    scene : Scene
        What to draw.
    layers : iterable of str
        Which of `ALL_LAYERS` to draw ("basemap", "spheres", "regions",
        "places", "arcs", "legend").
    m : folium.Map, optional
        Draw onto this map instead of a new one (its view is left alone).
    tiles : str, optional
        An online tile provider; off by default so nothing touches the network.
        Checked first by `layers.tiles.check_tiles` when it comes from a user.
    highlight : set of str, optional
        Place and relation ids to emphasise; every other feature is dimmed.
    outlines : Outlines, optional
        Where outlines come from; defaults to `geo.shapes.load_shapes()`.
    bounds : ((south, west), (north, east)), optional
        The view to open on instead of the Scene's own extent (a new map only).

    Returns
    -------
    folium.Map
        The map, with a layer control added last.
    """
    import folium

    from layers.basemap import build_basemap_layer
    from layers.elements import PageStyle
    from layers.group import feature_group
    from layers.legend import build_legend_layer

    outlines = outlines if outlines is not None else default_outlines()
    layers = tuple(layers)
    created = m is None
    if m is None:
        m = new_map()
    added = []
    page = PageStyle()
    page.add_to(m)
    added.append(page)
    features = collect_layers(scene, layers=[x for x in layers if x in FEATURE_LAYERS], outlines=outlines)
    if created:
        # a whole Scene opens no closer than zoom 6; bounds given (a briefing step) are framed
        # as tightly as they ask
        max_zoom = 6 if bounds is None else None
        bounds = _bounds(scene, features) if bounds is None else [list(b) for b in bounds]
        if bounds is not None:
            # The view is set before any layer is added, and without the zoom animation:
            # fitted last, the browser drew every layer twice (at the opening zoom, then
            # again when the animation ended): 0.19 s of the renderer's 0.78 s on the
            # sample map. Room is left for the legend (bottom left) and the layer control
            # (top right).
            fit = fit_view(bounds, max_zoom=max_zoom)
            fit.add_to(m)
            added.append(fit)
    stacked = []  # the toggleable layers, bottom to top
    if "basemap" in layers:
        basemap = build_basemap_layer(scene, outlines=outlines, tiles=tiles, attr=tiles_attribution).add_to(m)
        added.append(basemap)
        stacked.append(basemap)
    elif tiles:
        added.append(folium.TileLayer(tiles, name="Online tiles", attr=tiles_attribution).add_to(m))
    for layer in FEATURE_LAYERS:
        if layer in features:
            group = feature_group(LAYER_NAMES[layer], features[layer], highlight)
            added.append(group.add_to(m))
            stacked.append(group)
            if layer == "arcs":
                from layers.timeline import build_time_filter

                # arcs whose documents are dated (a corpus) get a time slider
                time_filter = build_time_filter(scene, group, features[layer])
                if time_filter is not None:
                    added.append(time_filter.add_to(m))
    if "legend" in layers:
        added.append(build_legend_layer(scene, layers=FEATURE_LAYERS, features=features).add_to(m))
    control = folium.LayerControl(collapsed=False, position="topright")
    control.add_to(m)
    added.append(control)
    if len(stacked) > 1:
        order = LayerOrder(stacked)
        order.add_to(m)
        added.append(order)
    key = scene_key(scene)
    stabilise_ids([m] if created else added, key)
    return m
