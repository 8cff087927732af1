"""Seas, straits, disputed areas and named regions, from their real outlines.

Disputed areas are hatched (an SVG pattern defined by the page) with a
dashed edge, so they never read as ordinary territory. Regions named by a
list of members (e.g. an admin-1 union such as Donbas, or a bloc) are drawn
as the union of the members' outlines.
"""

from __future__ import annotations

from typing import Any

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
from layers.outlines import Outlines, default_outlines, shape_geojson, union_geojson

REGION_KINDS: tuple[str, ...] = ("sea", "strait", "disputed", "admin1", "region", "bloc")


def style_kind(place: Place) -> str:
    """The `style.REGION_STYLES` key for a region-like place (blocs draw like regions)."""
    return "region" if place.kind == "bloc" else place.kind


def region_geojson(place: Place, outlines: Outlines) -> dict | None:
    """The outline of a region-like place: its own shape, else the union of its members."""
    geom = shape_geojson(outlines, place.shape) if place.shape else None
    if geom is None and place.members:
        geom = union_geojson(outlines, tuple(dict.fromkeys(place.members)))[0]
    return geom


def collect_regions(scene: Scene, outlines: Outlines | None = None) -> list[MapFeature]:
    """One `MapFeature` per region-like place, outlines first, then outline-less points."""
    from layers.places import endpoint_ids

    outlines = outlines if outlines is not None else default_outlines()
    ends = endpoint_ids(scene)
    shaped: list[MapFeature] = []
    points: list[MapFeature] = []
    for place in scene.places:
        if place.kind not in REGION_KINDS:
            continue
        kind = style_kind(place)
        opts = dict(style.REGION_STYLES[kind])
        geom = region_geojson(place, outlines)
        evidence = quotes(scene, place.mentions, whole_sentence=True)
        facts = [
            style.REGION_LABELS[kind].split(" ")[0] if kind != "disputed" else "disputed",
            ", ".join(place.members),
        ]
        note = f"Resolved by: {place.reason}" if place.reason else ""
        props = base_properties("regions", place.kind, place.id, place.name)
        sentences, docs = joined_evidence(evidence)
        props |= {
            "name": place.name,
            "members": ", ".join(place.members) or None,
            "mentions": len(place.mentions),
            "evidence": sentences,
            "documents": docs,
        }
        # an area at an end of a relation (a disputed region backed or attacked) is named first
        css = "gb-region-label gb-endpoint" if place.id in ends else "gb-region-label"
        label = Mark("label", place.lat, place.lon, text=place.name, css=css, weight=len(place.mentions))
        common: dict[str, Any] = dict(
            key=place.id,
            layer="regions",
            kind=place.kind,
            tooltip=tooltip_html(f"{place.name} · {style.REGION_LABELS[kind].lower()}"),
            popup=popup_html(place.name, facts, evidence, note),
            properties=props,
            marks=(label,),
        )
        if geom is not None:
            shaped.append(MapFeature(geometry=geom, css=f"gb-shape gb-region gb-{place.kind}", style=opts, **common))
        else:
            point_opts = {
                "color": opts["color"],
                "weight": 2,
                "opacity": 0.9,
                "dashArray": "3 3",
                "fillColor": "#ffffff",
                "fillOpacity": 0.6,
            }
            points.append(
                MapFeature(
                    geometry=point_geometry(place),
                    css=f"gb-place gb-region-point gb-{place.kind}",
                    style=point_opts,
                    radius=8,
                    **common,
                )
            )
    return shaped + points
