"""Relation arcs: alliances, transfers, support and conflict between places.

Every statement of one kind between the same two drawn ends becomes ONE
arc (`group_relations`): its popup lists the statements' items, quantities,
stages, dates and sentences together, its width grows with their number and
its label names the most important item. The Scene keeps every statement.

Alliances are undirected Bézier bows; transfers, support and conflict
follow the great circle (bent into a lane) and end in an arrowhead at the
recipient, backed side or target. Arcs of different kinds between the same
two places take different lanes, so none hides another; longitudes are
unwrapped so an arc across the antimeridian takes the short way.

Examples
--------
>>> from geo.examples import example_scene
>>> [f.css for f in collect_arcs(example_scene())]
['gb-arc gb-transfer']
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from geo.geometry import (
    along,
    bend_curve,
    bezier_bow,
    geodesic_latlngs,
    lane_bend,
    mercator_bearing,
)
from geo.scene import Place, Relation, Scene, Status
from layers import style
from layers.feature import (
    MapFeature,
    Mark,
    base_properties,
    esc,
    joined_evidence,
    quotes,
    tooltip_html,
)
from layers.support import support_popup

ARC_KINDS: tuple[str, ...] = ("alliance", "transfer", "support", "conflict")
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


#: How important a transfer's stage is when one arc stands for several statements (first wins).
_STATUS_ORDER = ("delivered", "ordered", "planned", "unknown", "frozen")
#: The statements an arc's popup lists one by one; the rest are counted.
MAX_LISTED = 8


@dataclass(frozen=True)
class ArcGroup:
    """Every statement of one kind between the same two drawn ends: one arc on the map.

    ``src``/``dst`` are where the arc's ends are drawn (a non-state side's node
    when the relation names one, see `Scene.endpoint`); alliances have no
    direction, so A–B and B–A are one group.
    """

    kind: str
    src: Place
    dst: Place
    relations: tuple[Relation, ...]

    @property
    def key(self) -> str:
        """The feature's key: its first statement's relation id (what highlights and clicks name)."""
        return self.relations[0].id


def group_relations(scene: Scene) -> list[ArcGroup]:
    """The scene's drawable relations grouped by (kind, source end, target end), in scene order.

    Both ends must be known and distinct. The Scene keeps every statement;
    only the map draws them as one arc.

    Examples
    --------
    >>> from dataclasses import replace
    >>> from geo.examples import example_scene
    >>> scene = example_scene()
    >>> again = replace(scene.relations[0], id="r2", item="drones", status="planned")
    >>> groups = group_relations(scene.replace(relations=(*scene.relations, again)))
    >>> [(g.kind, g.src.id, g.dst.id, len(g.relations)) for g in groups]
    [('transfer', 'TR', 'UA', 2)]
    """
    groups: dict[tuple[str, str, str], list] = {}
    for rel in scene.relations:
        if rel.kind not in ARC_KINDS or rel.target is None:
            continue
        # a relation that names a non-state side (the RSF, the Houthis) is drawn from that side's node
        src, dst = scene.endpoint(rel, "source"), scene.endpoint(rel, "target")
        if src is None or dst is None or (src.lat, src.lon) == (dst.lat, dst.lon):
            continue
        key = (rel.kind, src.id, dst.id)
        if rel.kind == "alliance" and (rel.kind, dst.id, src.id) in groups:
            key = (rel.kind, dst.id, src.id)
        groups.setdefault(key, [src, dst, []])[2].append(rel)
    return [ArcGroup(kind, src, dst, tuple(rels)) for (kind, _, _), (src, dst, rels) in groups.items()]


def group_status(group: ArcGroup) -> Status:
    """The stage an arc is drawn in.

    Delivered (solid) when any statement is not pending or frozen, else
    pending (planned or ordered) when any is, else frozen.
    """
    statuses = {r.status for r in group.relations}
    if statuses - PENDING - {"frozen"}:
        return "delivered" if "delivered" in statuses else "unknown"
    if statuses & PENDING:
        return "planned" if "planned" in statuses else "ordered"
    return "frozen"


def main_item(group: ArcGroup) -> tuple[str, int]:
    """The arc's most important item and how many other items it carries.

    The item named by most statements; ties go to the further stage
    (delivered before ordered, planned, frozen), then the larger quantity,
    then the first named.
    """
    texts: dict[str, list[Relation]] = {}
    for rel in group.relations:
        text = item_text(rel) or rel.label
        if text:
            texts.setdefault(text, []).append(rel)
    if not texts:
        return "", 0

    def weight(pair):
        i, (_text, rels) = pair
        best = min(_STATUS_ORDER.index(r.status) for r in rels)
        qty = max((r.quantity or 0) for r in rels)
        return (-len(rels), best, -qty, i)

    _, (text, _) = min(enumerate(texts.items()), key=weight)
    distinct = {(r.item or r.label or "").strip().lower() for r in group.relations if (r.item or r.label)}
    return text, max(0, len(distinct) - 1)


def _label(group: ArcGroup) -> str:
    item, more = main_item(group)
    text = short(item)
    if more:
        text = f"{text} +{more}"
    status = group_status(group)
    if group.kind == "transfer" and status in PENDING | {"frozen"}:
        text = f"{text} ({status})" if text else status
    return text


def _points(kind: str, src: Place, dst: Place, bend: float) -> list[tuple[float, float]]:
    a, b = (src.lat, src.lon), (dst.lat, dst.lon)
    if kind == "alliance":
        return bezier_bow(a, b, bend, n=32)
    return bend_curve(geodesic_latlngs(a, b, n=48), bend)


def _statement_facts(rel: Relation) -> list[str]:
    return [
        item_text(rel),
        rel.label if rel.label != item_text(rel) else "",
        "" if rel.status == "unknown" else rel.status,
        rel.date or "",
    ]


def arc_popup(scene: Scene, group: ArcGroup, title: str) -> str:
    """One popup for every statement an arc stands for: a summary, then each statement with its sentence.

    Every piece of text is escaped here.
    """
    rels = group.relations
    n = len(rels)
    items = list(dict.fromkeys(t for t in (item_text(r) or r.label for r in rels) if t))
    statuses = list(dict.fromkeys(r.status for r in rels if r.status != "unknown"))
    dates = list(dict.fromkeys(r.date for r in rels if r.date))
    summary = [f"{n} statement{'s' if n != 1 else ''}"]
    if items:
        summary.append(("items: " if len(items) > 1 else "") + ", ".join(items))
    if statuses:
        summary.append(("statuses: " if len(statuses) > 1 else "status: ") + ", ".join(statuses))
    if dates:
        summary.append(", ".join(dates))
    parts = [f'<div class="gb-pop"><div class="gb-pop-title">{esc(title)}</div>']
    parts.append('<div class="gb-pop-facts">' + " · ".join(esc(f) for f in summary) + "</div>")
    parts.append('<ol class="gb-pop-list">')
    seen: set[str] = set()
    for rel in rels[:MAX_LISTED]:
        facts = [f for f in _statement_facts(rel) if f]
        parts.append("<li>")
        if facts and n > 1:
            parts.append('<div class="gb-pop-facts">' + " · ".join(esc(f) for f in facts) + "</div>")
        evidence = [q for q in quotes(scene, rel.evidence, whole_sentence=True) if q[0] not in seen][:2]
        for sentence, doc_title in evidence:
            seen.add(sentence)
            parts.append(
                f'<blockquote class="gb-quote">{esc(sentence)}<span class="gb-doc">{esc(doc_title)}</span></blockquote>'
            )
        if not rel.evidence:
            parts.append('<div class="gb-pop-note">No evidence sentence recorded.</div>')
        elif not evidence:
            parts.append('<div class="gb-pop-note">(the same sentence as above)</div>')
        if rel.cue:
            parts.append(f'<div class="gb-pop-note">{esc("Why: " + rel.cue)}</div>')
        parts.append("</li>")
    parts.append("</ol>")
    if n > MAX_LISTED:
        parts.append(f'<div class="gb-pop-note">{esc(f"… and {n - MAX_LISTED} more statements")}</div>')
    parts.append("</div>")
    return "".join(parts)


def collect_arcs(scene: Scene) -> list[MapFeature]:
    """One `MapFeature` per (kind, source end, target end), in scene order (see `group_relations`).

    Its key is the group's first relation id and ``keys`` lists every
    relation it stands for; its width grows with the number of statements.
    """
    lanes: dict[tuple[str, str], int] = defaultdict(int)
    out: list[MapFeature] = []
    for group in group_relations(scene):
        src, dst, kind = group.src, group.dst, group.kind
        pair = (min(src.id, dst.id), max(src.id, dst.id))
        bend = lane_bend(lanes[pair])
        lanes[pair] += 1
        if (src.id, dst.id) != pair:
            bend = -bend  # lanes are counted on the sides of the pair's canonical direction
        pts = _points(kind, src, dst, bend)
        status = group_status(group)
        first = group.relations[0]
        opts = arc_style(replace(first, status=status))
        n = len(group.relations)
        opts["weight"] = round(opts["weight"] + style.statement_weight(n) - style.ARC_WEIGHT, 2)
        marks: list[Mark] = []
        if kind != "alliance":
            marks.append(
                Mark(
                    "arrow",
                    *pts[-1],
                    angle=round(mercator_bearing(pts[-2], pts[-1]), 2),
                    color=opts["color"],
                    css=f"gb-arrow-{kind}",
                )
            )
        label = _label(group)
        if kind == "transfer" and label:
            marks.append(Mark("label", *along(pts, 0.5), text=label, css="gb-arc-label"))
        arrow = "–" if kind == "alliance" else "→"
        title = f"{kind.capitalize()}: {src.name} {arrow} {dst.name}"
        evidence = [q for rel in group.relations for q in quotes(scene, rel.evidence, whole_sentence=True)]
        tip = f"{src.name} {arrow} {dst.name} · {kind}"
        if label:
            tip += f" · {label}"
        if n > 1:
            tip += f" · {n} statements"
        if first.support is not None:  # a corpus arc: the documents behind it
            tip += f" · {first.support.documents:,} document{'s' if first.support.documents != 1 else ''}"
        props = base_properties("arcs", kind, group.key, title)
        sentences, docs = joined_evidence(list(dict.fromkeys(evidence)))
        item, _ = main_item(group)
        quantities = [r.quantity for r in group.relations if r.quantity is not None]
        dates = sorted({r.date for r in group.relations if r.date})
        props |= {
            "relation": kind,
            "source": src.name,
            "target": dst.name,
            "source_id": src.id,
            "target_id": dst.id,
            "item": item or None,
            "quantity": sum(quantities) if quantities else None,
            "status": status,
            "date": " | ".join(dates) or None,
            "confidence": max(r.confidence for r in group.relations),
            "statements": n,
            "relation_ids": " | ".join(r.id for r in group.relations),
            "evidence": sentences,
            "documents": docs,
        }
        out.append(
            MapFeature(
                key=group.key,
                layer="arcs",
                kind=kind,
                geometry={"type": "LineString", "coordinates": [[round(lon, 5), round(lat, 5)] for lat, lon in pts]},
                css=f"gb-arc gb-{kind}",
                style=opts,
                tooltip=tooltip_html(tip),
                popup=(
                    arc_popup(scene, group, title)
                    if first.support is None or n > 1
                    else support_popup(
                        scene, first, title, _statement_facts(first), f"Why: {first.cue}" if first.cue else ""
                    )
                ),
                properties=props,
                marks=tuple(marks),
                keys=tuple(r.id for r in group.relations),
            )
        )
    return out
