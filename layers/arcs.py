"""Relation arcs: alliances, transfers, support and conflict between places.

Alliances are undirected Bézier bows; transfers, support and conflict
follow the great circle (bent into a lane) and end in an arrowhead at the
recipient, backed side or target. Several arcs between the same two places
take different lanes, so none hides another; longitudes are unwrapped so an
arc across the antimeridian takes the short way.

Examples
--------
>>> from tests.scenes import transfer_scene
>>> [f.css for f in collect_arcs(transfer_scene())]
['gb-arc gb-transfer']
"""

from __future__ import annotations

from collections import defaultdict

from geo.geometry import (
    along,
    bend_curve,
    bezier_bow,
    geodesic_latlngs,
    lane_bend,
    mercator_bearing,
)
from geo.scene import Place, Relation, Scene
from layers import style
from layers.feature import (
    MapFeature,
    Mark,
    base_properties,
    joined_evidence,
    popup_html,
    quotes,
    tooltip_html,
)
from layers.support import support_popup

ARC_KINDS: tuple[str, ...] = ("alliance", "transfer", "support", "conflict")
LAYER_NAME = "Relations"
PENDING = frozenset({"planned", "ordered"})
#: Labels on the map stay short; the popup has the full text.
LABEL_CHARS = 30


def arc_style(rel: Relation) -> dict:
    """Leaflet path options for a relation: colour by kind, dashes by status."""
    opts: dict = {"color": style.ARC_COLORS[rel.kind], "weight": style.ARC_WEIGHT, "opacity": 0.9}
    if rel.kind == "support":
        opts |= {"dashArray": style.DASH_SUPPORT, "weight": style.ARC_WEIGHT + 0.5}
    if rel.kind == "transfer" and rel.status in PENDING:
        opts["dashArray"] = style.DASH_PLANNED
    if rel.kind == "transfer" and rel.status == "frozen":
        opts |= {"color": style.FROZEN, "dashArray": style.DASH_PLANNED, "opacity": 0.85}
    if rel.support is not None:  # a corpus arc: as wide as the documents behind it
        opts["weight"] = style.support_weight(rel.support.documents)
    return opts


def item_text(rel: Relation) -> str:
    """What a transfer moves, e.g. ``"12 × Bayraktar TB2"``; empty when unknown."""
    item = (rel.item or "").strip()
    if rel.quantity is not None:
        return f"{rel.quantity} × {item}" if item else f"{rel.quantity} items"
    return item


def short(text: str, limit: int = LABEL_CHARS) -> str:
    """Text cut to ``limit`` characters at a word boundary, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:(")
    return cut + "…"


def _label(rel: Relation) -> str:
    text = short(item_text(rel) or rel.label)
    if rel.kind == "transfer" and rel.status in PENDING | {"frozen"}:
        text = f"{text} ({rel.status})" if text else rel.status
    return text


def _points(rel: Relation, src: Place, dst: Place, bend: float) -> list[tuple[float, float]]:
    a, b = (src.lat, src.lon), (dst.lat, dst.lon)
    if rel.kind == "alliance":
        return bezier_bow(a, b, bend, n=32)
    return bend_curve(geodesic_latlngs(a, b, n=48), bend)


def collect_arcs(scene: Scene) -> list[MapFeature]:
    """One `MapFeature` per drawable relation (both ends known and distinct), in scene order."""
    lanes: dict[tuple[str, str], int] = defaultdict(int)
    out: list[MapFeature] = []
    for rel in scene.relations:
        if rel.kind not in ARC_KINDS or rel.target is None:
            continue
        # a relation that names a non-state side (the RSF, the Houthis) is drawn from that side's node
        src, dst = scene.endpoint(rel, "source"), scene.endpoint(rel, "target")
        if src is None or dst is None or (src.lat, src.lon) == (dst.lat, dst.lon):
            continue
        pair = (min(src.id, dst.id), max(src.id, dst.id))
        bend = lane_bend(lanes[pair])
        lanes[pair] += 1
        if (src.id, dst.id) != pair:
            bend = -bend  # lanes are counted on the sides of the pair's canonical direction
        pts = _points(rel, src, dst, bend)
        opts = arc_style(rel)
        marks: list[Mark] = []
        if rel.kind != "alliance":
            marks.append(
                Mark(
                    "arrow",
                    *pts[-1],
                    angle=round(mercator_bearing(pts[-2], pts[-1]), 2),
                    color=opts["color"],
                    css=f"gb-arrow-{rel.kind}",
                )
            )
        label = _label(rel)
        if rel.kind == "transfer" and label:
            marks.append(Mark("label", *along(pts, 0.5), text=label, css="gb-arc-label"))
        arrow = "–" if rel.kind == "alliance" else "→"
        title = f"{rel.kind.capitalize()}: {src.name} {arrow} {dst.name}"
        facts = [
            item_text(rel),
            rel.label if rel.label != item_text(rel) else "",
            "" if rel.status == "unknown" else f"status: {rel.status}",
            rel.date or "",
        ]
        evidence = quotes(scene, rel.evidence, whole_sentence=True)
        note = f"Why: {rel.cue}" if rel.cue else ""
        tip = f"{src.name} {arrow} {dst.name} · {rel.kind}"
        if label:
            tip += f" · {label}"
        if rel.support is not None:
            tip += f" · {rel.support.documents:,} document{'s' if rel.support.documents != 1 else ''}"
        props = base_properties("arcs", rel.kind, rel.id, title)
        sentences, docs = joined_evidence(evidence)
        props |= {
            "relation": rel.kind,
            "source": src.name,
            "target": dst.name,
            "source_id": src.id,
            "target_id": dst.id,
            "item": rel.item,
            "quantity": rel.quantity,
            "status": rel.status,
            "date": rel.date,
            "confidence": rel.confidence,
            "evidence": sentences,
            "documents": docs,
        }
        out.append(
            MapFeature(
                key=rel.id,
                layer="arcs",
                kind=rel.kind,
                geometry={"type": "LineString", "coordinates": [[round(lon, 5), round(lat, 5)] for lat, lon in pts]},
                css=f"gb-arc gb-{rel.kind}",
                style=opts,
                tooltip=tooltip_html(tip),
                popup=(
                    popup_html(title, facts, evidence, note)
                    if rel.support is None
                    else support_popup(scene, rel, title, facts, note)
                ),
                properties=props,
                marks=tuple(marks),
            )
        )
    return out


def build_arcs_layer(scene: Scene, *, highlight: set[str] | None = None, name: str = LAYER_NAME):
    """The relations of a scene as one named folium FeatureGroup.

    Parameters
    ----------
    scene : Scene
    highlight : set of str, optional
        Relation ids to emphasise; the others are dimmed.
    name : str
        The layer's name in the layer control.
    """
    from layers.group import feature_group

    return feature_group(name, collect_arcs(scene), highlight)
