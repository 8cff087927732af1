"""Places the story involves: countries in a neutral fill with role markers, cities, sides.

A fill never claims more than the text says. Every country that is an end
of a relation gets the same neutral fill; what it does is told by small role
markers beside its name, one per relation kind and end ("supplies",
"receives", "backs", …, with a transfer's stage: a halted purchase is not a
delivery), in the colour of that relation's arcs. Countries only mentioned
get a paler fill and no label (hover names them). Non-state sides (armed
groups, factions) are points of their own, so rival sides stay apart.

Historical and dissolved states (the Soviet Union, Yugoslavia) are drawn as
the dashed outline of their successor states when the gazetteer has them,
and are never a dot somewhere inside; without outlines they are left off the
map (`historical_unplaced` lists them for the legend and the app's panel).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from geo.scene import Place, Relation, Scene
from layers import style
from layers.feature import (
    MapFeature,
    Mark,
    base_properties,
    joined_evidence,
    point_geometry,
    popup_html,
    quotes,
    tooltip_html,
)
from layers.outlines import NoOutlines, Outlines, default_outlines, shape_geojson, union_geojson

MAX_CITY_RADIUS = 14.0
"""The largest city dot (px)."""
POINT_KINDS = frozenset({"country", "city", "other"})
PENDING = frozenset({"planned", "ordered"})


def role_word(kind: str, end: str, statuses: Iterable[str] = ()) -> str:
    """The role marker a relation gives one of its ends (see `style.ROLE_WORDS`).

    A transfer's marker follows its stage: delivered (or unknown) when any
    statement is, else pending, else halted.

    Examples
    --------
    >>> role_word("transfer", "target", ["frozen"]), role_word("support", "source")
    ('purchase halted', 'backs')
    """
    statuses = set(statuses)
    stage = ""
    if kind == "transfer" and statuses and not statuses - PENDING - {"frozen"}:
        stage = "pending" if statuses & PENDING else "frozen"
    return style.ROLE_WORDS[(kind, end, stage)]


def place_markers(scene: Scene) -> dict[str, list[tuple[str, str]]]:
    """The role markers of every relation end, by place or side id: ``[(word, kind), …]``.

    Ends are where arcs are drawn (`Scene.endpoint`): a side named by a
    relation gets the marker, not its country. One marker per relation kind
    and end, in the order of `style.ROLE_ORDER`.

    Examples
    --------
    >>> from geo.examples import example_scene
    >>> place_markers(example_scene())
    {'TR': [('supplies', 'transfer')], 'UA': [('receives', 'transfer')]}
    """
    found: dict[str, dict[tuple[str, str], list[str]]] = {}
    for rel in scene.relations:
        if rel.target is None:
            continue
        for end in ("source", "target"):
            where = scene.endpoint(rel, end)
            if where is None:
                continue
            found.setdefault(where.id, {}).setdefault((rel.kind, end), []).append(rel.status)
    out: dict[str, list[tuple[str, str]]] = {}
    for pid, parts in found.items():
        ordered = sorted(parts, key=lambda ke: style.ROLE_ORDER.index(ke))
        out[pid] = [(role_word(kind, end, parts[(kind, end)]), kind) for kind, end in ordered]
    return out


def endpoint_ids(scene: Scene) -> set[str]:
    """The ids of every place or side an arc or a sphere is drawn to."""
    ids: set[str] = set()
    for rel in scene.relations:
        if rel.kind == "influence":
            ids.add(rel.source)
            continue
        for end in ("source", "target"):
            where = scene.endpoint(rel, end)
            if where is not None:
                ids.add(where.id)
    return ids


def is_historical(place: Place) -> bool:
    """A dissolved state (the Soviet Union, Yugoslavia): a country-like place listing successor members."""
    return place.kind in ("other", "country") and bool(place.members)


def historical_unplaced(scene: Scene, outlines: Outlines | None = None) -> list[Place]:
    """Historical states the map cannot draw (no outline of theirs or of their successors)."""
    outlines = outlines if outlines is not None else default_outlines()
    return [p for p in scene.places if is_historical(p) and _historical_geometry(p, outlines) is None]


def _historical_geometry(place: Place, outlines: Outlines) -> dict | None:
    geom = shape_geojson(outlines, place.shape) if place.shape else None
    if geom is None and place.members:
        geom = union_geojson(outlines, tuple(place.members))[0]
    return geom


def _feature(
    scene: Scene,
    place: Place,
    markers: list[tuple[str, str]],
    geometry: dict,
    css: str,
    opts: dict,
    radius: float,
    marks: tuple[Mark, ...],
    what: str = "",
) -> MapFeature:
    evidence = quotes(scene, place.mentions, whole_sentence=True)
    n = len(place.mentions)
    roles = ", ".join(w for w, _ in markers)
    # a corpus place counts the documents that mention it
    count = f"{n} mention{'s' if n != 1 else ''}"
    if place.documents:
        count = f"mentioned in {place.documents:,} document{'s' if place.documents != 1 else ''}"
    facts = [what or place.kind, roles, count]
    note = f"Resolved by: {place.reason}" if place.reason else ""
    tip = f"{place.name} · {roles or what or place.kind} · {count}"
    props = base_properties("places", place.kind, place.id, place.name)
    sentences, docs = joined_evidence(evidence)
    props |= {
        "name": place.name,
        "role": roles or None,
        "mentions": n,
        "evidence": sentences,
        "documents": docs,
    }
    return MapFeature(
        key=place.id,
        layer="places",
        kind=place.kind,
        geometry=geometry,
        css=css,
        style=opts,
        tooltip=tooltip_html(tip),
        popup=popup_html(place.name, facts, evidence, note),
        properties=props,
        radius=radius,
        marks=marks,
    )


def _label(place: Place, markers: list[tuple[str, str]], css: str, endpoint: bool) -> Mark:
    chips = tuple((word, style.ARC_COLORS.get(kind, style.INK)) for word, kind in markers)
    css = f"{css} gb-endpoint" if endpoint else css
    return Mark("label", place.lat, place.lon, text=place.name, css=css, chips=chips, weight=len(place.mentions))


def collect_places(scene: Scene, outlines: Outlines | None = None) -> list[MapFeature]:
    """Countries (outlines or points), historical states, cities and sides of a scene, countries first."""
    outlines = outlines if outlines is not None else default_outlines()
    markers = place_markers(scene)
    ends = endpoint_ids(scene)
    countries: list[MapFeature] = []
    points: list[MapFeature] = []
    for place in scene.places:
        if place.kind not in POINT_KINDS:
            continue
        mine = markers.get(place.id, [])
        endpoint = place.id in ends
        if place.kind == "city":
            n = max(1, place.documents or len(place.mentions))
            # grows with the mentions, but never over the story: a long file names Kyiv hundreds
            # of times
            radius = round(min(3.5 + 1.8 * math.sqrt(n), MAX_CITY_RADIUS), 2)
            opts = {"color": "#ffffff", "weight": 1.5, "fillColor": style.CITY, "fillOpacity": 0.95, "opacity": 1.0}
            label = _label(place, mine, "gb-city-label", endpoint)
            points.append(
                _feature(scene, place, mine, point_geometry(place), "gb-place gb-city", opts, radius, (label,))
            )
            continue
        if is_historical(place):
            geom = _historical_geometry(place, outlines)
            if geom is None:
                continue  # no outline: listed beside the map, never a misleading dot
            opts = dict(style.HISTORICAL)
            label = _label(place, mine, "gb-place-label gb-historical-label", endpoint)
            countries.append(
                _feature(scene, place, mine, geom, "gb-shape gb-historical", opts, 0, (label,), what="historical state")
            )
            continue
        geom = None
        if place.kind == "country" and place.shape:
            geom = shape_geojson(outlines, place.shape)
        # only the countries that act in the story are named on the map (their outline shows
        # the rest; hover names them); places drawn as a dot are always named
        if geom is not None:
            fill = style.ACTOR_FILL if endpoint else style.MENTIONED_FILL
            labels = (_label(place, mine, "gb-place-label", endpoint),) if endpoint else ()
            css = "gb-shape gb-country " + ("gb-actor-country" if endpoint else "gb-mentioned")
            countries.append(_feature(scene, place, mine, geom, css, dict(fill), 0, labels))
        else:
            opts = {
                "color": "#ffffff",
                "weight": 1.5,
                "fillColor": style.ACTOR_POINT if endpoint else style.MENTIONED_POINT,
                "fillOpacity": 0.95,
                "opacity": 1.0,
            }
            # a dot says nothing by itself: always name it, beside the dot rather than over it
            labels = (_label(place, mine, "gb-place-label gb-point-label", endpoint),)
            points.append(_feature(scene, place, mine, point_geometry(place), "gb-place gb-actor", opts, 7, labels))
    return countries + points + _actor_points(scene, markers)


def _actor_points(scene: Scene, markers: dict[str, list[tuple[str, str]]]) -> list[MapFeature]:
    """Non-state sides (armed groups, factions) as labelled points of their own, so rival sides stay apart."""
    named = {a for r in scene.relations for a in (r.source_actor, r.target_actor) if a}
    out = []
    for actor in scene.actors:
        mine = markers.get(actor.id, [])
        opts = {"color": "#1f2933", "weight": 2, "fillColor": style.SIDE_POINT, "fillOpacity": 0.95, "opacity": 1.0}
        label = _label(actor, mine, "gb-place-label gb-point-label", actor.id in named)
        out.append(
            _feature(
                scene, actor, mine, point_geometry(actor), "gb-place gb-group", opts, 7, (label,), what="armed group"
            )
        )
    return out


def relations_of_end(scene: Scene, end_id: str) -> list[Relation]:
    """The relations drawn to or from a place or side (by where their arcs end)."""
    out = []
    for rel in scene.relations:
        ends = {e.id for e in (scene.endpoint(rel, "source"), scene.endpoint(rel, "target")) if e is not None}
        if end_id in ends or end_id in rel.endpoints():
            out.append(rel)
    return out


__all__ = [
    "NoOutlines",
    "collect_places",
    "endpoint_ids",
    "historical_unplaced",
    "place_markers",
]
