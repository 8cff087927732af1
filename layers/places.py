"""Places the story involves: countries shaded by their role, cities sized by mentions.

A country's role comes from the relations it takes part in (supplier,
recipient, backer, target), or from ``Place.role`` when extraction set one;
countries only mentioned are "other". Countries without an outline, and
other actors, are drawn as points.
"""

from __future__ import annotations

import math

from geo.scene import Place, Scene
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
from layers.outlines import NoOutlines, Outlines, default_outlines, shape_geojson

LAYER_NAME = "Places"
MAX_CITY_RADIUS = 14.0
"""The largest city dot (px)."""
POINT_KINDS = frozenset({"country", "city", "other"})
#: Which role wins when a country plays several (first wins).
_PRIORITY = ("supplier", "backer", "recipient", "target", "other")


def place_roles(scene: Scene) -> dict[str, str]:
    """The role of every place that takes part in a relation, by place id.

    A place's role is the one it plays in most relations ("other" counts
    for alliances and for the side that starts a conflict).

    Examples
    --------
    >>> from tests.scenes import transfer_scene
    >>> place_roles(transfer_scene())
    {'TR': 'supplier', 'UA': 'recipient'}
    """
    found: dict[str, list[str]] = {}
    for rel in scene.relations:
        if rel.target is None:
            continue
        src_role, dst_role = {
            "transfer": ("supplier", "recipient"),
            "support": ("backer", "recipient"),
            "conflict": ("other", "target"),
            "alliance": ("other", "other"),
        }.get(rel.kind, ("other", "other"))
        found.setdefault(rel.source, []).append(src_role)
        found.setdefault(rel.target, []).append(dst_role)
    # the role played most often wins; ties go to the earlier role in _PRIORITY
    roles = {pid: min(set(rs), key=lambda r: (-rs.count(r), _PRIORITY.index(r))) for pid, rs in found.items()}
    for p in scene.places:
        if p.role in style.ROLE_COLORS:
            roles[p.id] = p.role
    return roles


def _evidence(scene: Scene, place: Place):
    return quotes(scene, place.mentions, whole_sentence=True)


def _feature(
    scene: Scene,
    place: Place,
    role: str | None,
    geometry: dict,
    css: str,
    opts: dict,
    radius: float,
    marks: tuple[Mark, ...],
) -> MapFeature:
    evidence = _evidence(scene, place)
    n = len(place.mentions)
    role_text = style.ROLE_LABELS.get(role or "", "")
    # a corpus place counts the documents that mention it
    count = f"{n} mention{'s' if n != 1 else ''}"
    if place.documents:
        count = f"mentioned in {place.documents:,} document{'s' if place.documents != 1 else ''}"
    facts = [place.kind, role_text, count]
    note = f"Resolved by: {place.reason}" if place.reason else ""
    tip = f"{place.name} · {role_text or place.kind} · {count}"
    props = base_properties("places", place.kind, place.id, place.name)
    sentences, docs = joined_evidence(evidence)
    props |= {"name": place.name, "role": role, "mentions": n, "evidence": sentences, "documents": docs}
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


def collect_places(scene: Scene, outlines: Outlines | None = None) -> list[MapFeature]:
    """Countries (outlines or points), cities and other actors of a scene, countries first."""
    outlines = outlines if outlines is not None else default_outlines()
    roles = place_roles(scene)
    countries: list[MapFeature] = []
    points: list[MapFeature] = []
    for place in scene.places:
        if place.kind not in POINT_KINDS:
            continue
        if place.kind == "city":
            n = max(1, place.documents or len(place.mentions))
            # grows with the mentions, but never over the story: a long file names Kyiv hundreds
            # of times
            radius = round(min(3.5 + 1.8 * math.sqrt(n), MAX_CITY_RADIUS), 2)
            opts = {"color": "#ffffff", "weight": 1.5, "fillColor": style.CITY, "fillOpacity": 0.95, "opacity": 1.0}
            label = Mark("label", place.lat, place.lon, text=place.name, css="gb-city-label")
            points.append(
                _feature(
                    scene, place, roles.get(place.id), point_geometry(place), "gb-place gb-city", opts, radius, (label,)
                )
            )
            continue
        role = roles.get(place.id, "other")
        color = style.ROLE_COLORS[role]
        # only the countries that act in the story are named on the map (their outline shows
        # the rest; hover names them); places drawn as a dot are always named
        label = (
            (Mark("label", place.lat, place.lon, text=place.name, css="gb-place-label"),) if place.id in roles else ()
        )
        geom = None
        if place.kind == "country" and place.shape:
            geom = shape_geojson(outlines, place.shape)
        if geom is not None:
            opts = {
                "color": color,
                "weight": 1.2,
                "opacity": 0.9,
                "fillColor": color,
                "fillOpacity": 0.42 if role != "other" else 0.18,
            }
            countries.append(_feature(scene, place, role, geom, f"gb-shape gb-country gb-role-{role}", opts, 0, label))
        else:
            opts = {"color": "#ffffff", "weight": 1.5, "fillColor": color, "fillOpacity": 0.95, "opacity": 1.0}
            # a dot says nothing by itself (a historical state, a group): always name it,
            # beside the dot rather than over it
            label = (Mark("label", place.lat, place.lon, text=place.name, css="gb-place-label gb-point-label"),)
            points.append(
                _feature(scene, place, role, point_geometry(place), f"gb-place gb-actor gb-role-{role}", opts, 7, label)
            )
    return countries + points + _actor_points(scene)


def _actor_points(scene: Scene) -> list[MapFeature]:
    """Non-state sides (armed groups, factions) as labelled points of their own, so rival sides stay apart."""
    found: dict[str, list[str]] = {}
    for rel in scene.relations:
        for actor, end in ((rel.source_actor, "source"), (rel.target_actor, "target")):
            if actor:
                role = {"transfer": ("supplier", "recipient"), "support": ("backer", "recipient")}.get(
                    rel.kind, ("other", "target" if rel.kind == "conflict" else "other")
                )[0 if end == "source" else 1]
                found.setdefault(actor, []).append(role)
    out = []
    for actor in scene.actors:
        roles = found.get(actor.id, ["other"])
        role = min(set(roles), key=lambda r: (-roles.count(r), _PRIORITY.index(r)))
        opts = {
            "color": "#1f2933",
            "weight": 2,
            "fillColor": style.ROLE_COLORS[role],
            "fillOpacity": 0.95,
            "opacity": 1.0,
        }
        label = (Mark("label", actor.lat, actor.lon, text=actor.name, css="gb-place-label gb-point-label"),)
        out.append(
            _feature(scene, actor, role, point_geometry(actor), f"gb-place gb-group gb-role-{role}", opts, 7, label)
        )
    return out


def build_places_layer(
    scene: Scene, *, outlines: Outlines | None = None, highlight: set[str] | None = None, name: str = LAYER_NAME
):
    """The places of a scene as one named folium FeatureGroup.

    Parameters
    ----------
    scene : Scene
    outlines : Outlines, optional
        Where country outlines come from; defaults to `geo.shapes.load_shapes()`.
        Pass `NoOutlines()` to draw every place as a point.
    highlight : set of str, optional
        Place ids to emphasise; the others are dimmed.
    name : str
        The layer's name in the layer control.
    """
    from layers.group import feature_group

    return feature_group(name, collect_places(scene, outlines), highlight)


__all__ = ["NoOutlines", "build_places_layer", "collect_places", "place_roles"]
