"""Spheres of influence: the patron's colour over the union of its members.

Each influence relation becomes one shaded area (the union of its members'
outlines) labelled in words, e.g. "Turkish influence: the East". Members
without outlines fall back to points in the patron's colour.
"""

from __future__ import annotations

from typing import Any

from geo.scene import Relation, Scene, possessive
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
from layers.outlines import Outlines, default_outlines, union_geojson


def patron_colors(scene: Scene) -> dict[str, str]:
    """A colour for every patron of an influence relation, stable for a given scene."""
    patrons = sorted({r.source for r in scene.relations if r.kind == "influence"})
    return {p: style.SPHERE_COLORS[i % len(style.SPHERE_COLORS)] for i, p in enumerate(patrons)}


def sphere_label(scene: Scene, rel: Relation) -> str:
    """The sphere's caption, e.g. ``"Turkish influence: the East"``."""
    patron = scene.place(rel.source)
    head = f"{patron.adjective if patron else possessive(rel.source)} influence"
    return f"{head}: {rel.label}" if rel.label else head


def collect_spheres(scene: Scene, outlines: Outlines | None = None) -> list[MapFeature]:
    """One shaded `MapFeature` per influence relation (or one point per member without outline)."""
    outlines = outlines if outlines is not None else default_outlines()
    colors = patron_colors(scene)
    out: list[MapFeature] = []
    places = {p.id: p for p in reversed(scene.places)}  # the first of an id, as Scene.place
    for rel in scene.relations:
        if rel.kind != "influence" or not rel.members:
            continue
        members = tuple(dict.fromkeys(rel.members))  # each once: the union grows with every repeat
        color = colors[rel.source]
        caption = sphere_label(scene, rel)
        patron = places.get(rel.source)
        names = [(places[m].name if m in places else m) for m in members]
        evidence = quotes(scene, rel.evidence, whole_sentence=True)
        facts = ["members: " + ", ".join(names)]
        note = f"Why: {rel.cue}" if rel.cue else ""
        props = base_properties("spheres", "influence", rel.id, caption)
        sentences, docs = joined_evidence(evidence)
        props |= {
            "relation": "influence",
            "source": patron.name if patron else rel.source,
            "source_id": rel.source,
            "members": ", ".join(members),
            "confidence": rel.confidence,
            "evidence": sentences,
            "documents": docs,
        }
        common: dict[str, Any] = dict(
            key=rel.id,
            layer="spheres",
            kind="influence",
            tooltip=tooltip_html(f"{caption} ({', '.join(names)})"),
            popup=popup_html(caption, facts, evidence, note),
            properties=props,
        )
        geom, where = union_geojson(outlines, members)
        if geom is not None:
            marks = (Mark("label", where[0], where[1], text=caption, css="gb-sphere-label"),) if where else ()
            opts = {
                "color": color,
                "weight": 1.6,
                "opacity": 0.85,
                "dashArray": "6 4",
                "fillColor": color,
                "fillOpacity": 0.2,
            }
            out.append(MapFeature(geometry=geom, css="gb-shape gb-sphere", style=opts, marks=marks, **common))
            continue
        for i, member in enumerate(members):
            place = places.get(member)
            if place is None:
                continue
            marks = (Mark("label", place.lat, place.lon, text=caption, css="gb-sphere-label"),) if i == 0 else ()
            opts = {"color": color, "weight": 2, "opacity": 0.9, "fillColor": color, "fillOpacity": 0.35}
            out.append(
                MapFeature(
                    geometry=point_geometry(place),
                    css="gb-place gb-sphere-point",
                    style=opts,
                    radius=11,
                    marks=marks,
                    **common,
                )
            )
    return out
