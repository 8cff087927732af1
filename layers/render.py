"""Scene → folium.Map: every layer as a named FeatureGroup, the layer control last.

The output is deterministic: element ids derive from the scene and a
counter, not from random uuids, so the same Scene always renders to the same
bytes and golden files can be diffed.

Examples
--------
>>> from geo.examples import example_scene
>>> from layers.outlines import NoOutlines
>>> m = render_map(example_scene(), outlines=NoOutlines())
>>> html = m.get_root().render()
>>> "gb-arc gb-transfer" in html
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

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


#: With no relation, the view fits the places with the most mentions: those with at least this
#: share of the most-mentioned place's mentions (at most `TOP_PLACES` of them)
TOP_SHARE = 0.5
TOP_PLACES = 6


def world_copies(features: Mapping[str, list[MapFeature]]) -> dict[tuple[float, float], int]:
    """Where arcs that take the short way across the antimeridian end, in the real world: ``(lat, lon)`` → shift.

    The shift (-360 or 360) is the world copy the arc's end is drawn in; the place drawn at that point is
    drawn again there, and the basemap's land with it.
    """
    ends: dict[tuple[float, float], int] = {}
    for f in features.get("arcs", []):
        coords = f.geometry["coordinates"]
        for lon, lat in (coords[0], coords[-1]):
            if abs(lon) > 180:
                shift = 360 if lon > 180 else -360
                ends[(round(lat, 3), round(lon - shift, 3))] = shift
    return ends


def story_points(scene: Scene, features: Mapping[str, list[MapFeature]]) -> list[tuple[float, float]]:
    """``(lat, lon)`` of what the story is about: the ends of its relations as drawn.

    Arc ends come from the drawn arcs (longitudes unwrapped across the
    antimeridian, a side's node rather than its country); a sphere adds its
    holder. With no relation, the places with the most mentions.
    """
    pts: list[tuple[float, float]] = []
    for f in features.get("arcs", []):
        coords = f.geometry["coordinates"]
        for lon, lat in (coords[0], coords[-1]):
            pts.append((lat, lon))
    if "arcs" not in features:  # the arcs are switched off: the same ends, from the Scene
        for rel in scene.relations:
            for end in ("source", "target"):
                where = scene.endpoint(rel, end) if rel.target is not None else None
                if where is not None:
                    pts.append((where.lat, where.lon))
    for rel in scene.relations:
        if rel.kind == "influence" and (holder := scene.place(rel.source)) is not None:
            pts.append((holder.lat, holder.lon))
    if pts:
        return list(dict.fromkeys(pts))
    counted = sorted(scene.places, key=lambda p: -len(p.mentions))
    if not counted:
        return []
    most = max(1, len(counted[0].mentions))
    top = [p for p in counted if len(p.mentions) >= TOP_SHARE * most][:TOP_PLACES] or counted[:1]
    return [(p.lat, p.lon) for p in top]


def _bounds(scene: Scene, features: Mapping[str, list[MapFeature]]) -> list[list[float]] | None:
    """The first view: the box of `story_points`, a little padded (at least a degree)."""
    pts = story_points(scene, features)
    if not pts:
        return None
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    pad_lat = max(0.6, (max(lats) - min(lats)) * 0.04)
    pad_lon = max(0.6, (max(lons) - min(lons)) * 0.04)
    return [
        [max(-80.0, min(lats) - pad_lat), min(lons) - pad_lon],
        [min(84.0, max(lats) + pad_lat), max(lons) + pad_lon],
    ]


def story_bounds(scene: Scene) -> list[list[float]] | None:
    """The first view of a Scene (see `story_points`), without drawing it.

    Arc ends are read from the Scene, not from drawn arcs, so an arc across
    the antimeridian is framed from its wrapped ends.
    """
    return _bounds(scene, {})


class LayerOrder(QuickMacroElement):
    """Keeps the layers stacked in their order when one is switched off and on again."""

    def __init__(self, groups: Sequence):
        super().__init__()
        self._name = "LayerOrder"
        self._template = template("layer_order.js.jinja")
        self.groups = list(groups)


#: Room around the story in the first view (px): names and role markers sit beside the points
FIT_PADDING = (60, 36)


def fit_view(bounds: Sequence[Sequence[float]], *, max_zoom: int | None):
    """A ``folium.FitBounds`` for the first view, with room for the labels around the story."""
    import folium

    class FitView(folium.FitBounds):
        _template = template("fit.js.jinja")

    fit = FitView(bounds, padding_top_left=FIT_PADDING, padding_bottom_right=FIT_PADDING, max_zoom=max_zoom)
    # without the zoom animation (see render_map)
    fit.options["animate"] = False
    return fit


class ViewGuard(QuickMacroElement):
    """After the legend and the layer control exist: make sure none of them covers the story.

    If a control covers an end of a relation (or the room its name needs), the
    view is fitted again with that control's side padded; if that is not
    enough, the legend folds to its title. A ``folium.FitBounds`` in kind, so
    whoever drops the first view (the briefing player) drops this too.
    """

    def __init__(self, bounds: Sequence[Sequence[float]], points: Sequence[tuple[float, float]], max_zoom):
        super().__init__()
        self._name = "ViewGuard"
        self._template = template("view_guard.js.jinja")
        self.bounds = [list(b) for b in bounds]
        self.points = [[round(lat, 4), round(lon, 4)] for lat, lon in points]
        self.padding = list(FIT_PADDING)
        self.max_zoom = max_zoom


def new_map(tiles: str | None = None):
    """An empty folium Map with geobrief's defaults: no tiles, SVG paths, world view."""
    import folium

    m = folium.Map(
        location=[30.0, 20.0],
        zoom_start=3,
        # quarter zoom steps: the first view fits the story closely, not up to twice too wide
        zoom_snap=0.25,
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
    title: str | None = None,
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
    title : str, optional
        The map's title (a new map only; default: its documents' titles, see
        `layers.titles`); the page's ``<title>`` and a source line come with it.

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
    added: list[Any] = []  # every element this call adds to the map (their ids are made stable)
    page = PageStyle()
    page.add_to(m)
    added.append(page)
    features = collect_layers(scene, layers=[x for x in layers if x in FEATURE_LAYERS], outlines=outlines)
    if created:
        # a whole Scene opens no closer than zoom 7; bounds given (a briefing step) are framed
        # as tightly as they ask
        max_zoom = 7 if bounds is None else None
        points = story_points(scene, features) if bounds is None else []
        bounds = _bounds(scene, features) if bounds is None else [list(b) for b in bounds]
        if bounds is not None:
            # The view is set before any layer is added, and without the zoom animation:
            # fitted last, the browser drew every layer twice (at the opening zoom, then
            # again when the animation ended): 0.19 s of the renderer's 0.78 s on the
            # sample map. The ViewGuard (last) makes room for the controls if they cover the story.
            fit = fit_view(bounds, max_zoom=max_zoom)
            fit.add_to(m)
            added.append(fit)
    stacked = []  # the toggleable layers, bottom to top
    copies = world_copies(features)
    if "basemap" in layers:
        shifts = tuple(sorted(set(copies.values())))
        basemap = build_basemap_layer(scene, outlines=outlines, tiles=tiles, attr=tiles_attribution, shifts=shifts)
        basemap.add_to(m)
        added.append(basemap)
        stacked.append(basemap)
    elif tiles:
        added.append(folium.TileLayer(tiles, name="Online tiles", attr=tiles_attribution).add_to(m))
    for layer in FEATURE_LAYERS:
        if layer in features:
            group = feature_group(LAYER_NAMES[layer], features[layer], highlight, copies=copies)
            added.append(group.add_to(m))
            stacked.append(group)
            if layer == "arcs":
                from layers.timeline import build_time_filter

                # arcs whose documents are dated (a corpus) get a time slider
                time_filter = build_time_filter(scene, group, features[layer])
                if time_filter is not None:
                    added.append(time_filter.add_to(m))
    if created:
        from layers.titles import add_titles

        added.append(add_titles(m, scene, title))
    if "legend" in layers:
        added.append(build_legend_layer(scene, layers=FEATURE_LAYERS, features=features, outlines=outlines).add_to(m))
    # folded to an icon that opens on hover or tap: with the legend, at most a small share of the map
    control = folium.LayerControl(collapsed=True, position="topright")
    control.add_to(m)
    added.append(control)
    if created and bounds is not None:
        guard = ViewGuard(bounds, points or [], max_zoom)
        guard.add_to(m)
        added.append(guard)
    if len(stacked) > 1:
        order = LayerOrder(stacked)
        order.add_to(m)
        added.append(order)
    key = scene_key(scene)
    stabilise_ids([m] if created else added, key)
    return m
