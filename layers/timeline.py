"""A time filter for relation arcs: a slider over the days they were reported, in the page.

`TimeFilter` is a folium element (a Leaflet control and a Jinja template)
that shows only the arcs reported within a window of days, with switches
for undated arcs and for each relation kind, and a minimum number of
supporting documents. It works on any map whose arcs carry dates, offline:
the dates travel in the page as JSON and the filtering runs in the
browser, so an exported HTML file needs no server.

What an arc's dates are comes from :func:`arc_dates`: a corpus relation's
``Support.by_date`` (documents per day), or else the dates of the
documents its evidence sentences come from (``Document.date``). An arc
whose supporting documents are undated counts in every window while the
"undated" switch is on. Arcs with ``Support`` are redrawn with the width of
the documents that support them within the window.

Examples
--------
>>> from geo.scene import Document, Relation, Scene, Span
>>> doc = Document("d", "t", "x", date="2024-05-01", dated_by="text")
>>> rel = Relation("r", "conflict", "RU", "UA", evidence=(Span("d", 0, 1, "x"),))
>>> arc_dates(Scene(documents=(doc,), relations=(rel,)), rel)
([('2024-05-01', 1)], 0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from geo.scene import Relation, Scene
from layers import style
from layers.elements import QuickMacroElement, template
from layers.feature import MapFeature, key_class


def arc_dates(scene: Scene, rel: Relation) -> tuple[list[tuple[str, int]], int]:
    """The days a relation was reported (with documents per day) and its undated documents."""
    if rel.support is not None:
        return [(d.date, d.documents) for d in rel.support.by_date], rel.support.undated
    days: Counter[str] = Counter()
    undated = 0
    for doc_id in dict.fromkeys(s.doc for s in rel.evidence):
        doc = scene.document(doc_id)
        if doc is not None and doc.date:
            days[doc.date] += 1
        else:
            undated += 1
    return sorted(days.items()), undated


def timeline_entries(scene: Scene, arcs: Sequence[MapFeature]) -> list[dict]:
    """What the filter needs of each drawn arc: its key class, kind, dates and undated count."""
    out = []
    for feature in arcs:
        rel = scene.relation(feature.key)
        if rel is None:
            continue
        days, undated = arc_dates(scene, rel)
        out.append(
            {
                "key": key_class(feature.key),
                "kind": rel.kind,
                "dates": [[d, n] for d, n in days],
                "undated": undated,
                "scale": rel.support is not None,
            }
        )
    return out


def has_dates(entries: Sequence[dict]) -> bool:
    """Whether any arc has a dated document (a filter over no dates would show nothing)."""
    return any(e["dates"] for e in entries)


class TimeFilter(QuickMacroElement):
    """A Leaflet control filtering one layer group's arcs by date, kind and support.

    Parameters
    ----------
    group : folium.FeatureGroup
        The group holding the arcs (paths, arrowheads and labels share a
        key class, `layers.feature.key_class`).
    entries : list of dict
        From :func:`timeline_entries`.
    title : str
        The control's heading.
    position : str
        A Leaflet control corner.
    """

    def __init__(self, group, entries: list[dict], *, title: str = "Reported", position: str = "bottomright"):
        super().__init__()
        self._name = "TimeFilter"
        self._template = template("timeline.html.jinja")
        self.group = group
        self.entries = entries
        self.title = title
        self.position = position
        self.kinds = [k for k in style.ARC_COLORS if any(e["kind"] == k for e in entries)]
        self.colors = {k: style.ARC_COLORS[k] for k in self.kinds}
        self.weights = {
            "base": style.SUPPORT_WEIGHT[0],
            "step": style.SUPPORT_WEIGHT[1],
            "max": style.SUPPORT_WEIGHT[2],
        }
        self.max_support = max((sum(n for _, n in e["dates"]) + e["undated"] for e in entries), default=1)


def build_time_filter(scene: Scene, group, arcs: Sequence[MapFeature]) -> TimeFilter | None:
    """A `TimeFilter` over ``group``'s arcs, or None when none of them is dated."""
    entries = timeline_entries(scene, arcs)
    if not has_dates(entries):
        return None
    return TimeFilter(group, entries)
