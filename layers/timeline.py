"""A time filter for relation arcs: a slider over the days they were reported, in the page.

`TimeFilter` is a folium element (a Leaflet control and a Jinja template)
that shows only the arcs reported within a window of days, with switches
for undated arcs and for each relation kind, and a minimum number of
supporting documents. It works on any map whose arcs carry dates, offline:
the dates travel in the page as JSON and the filtering runs in the
browser, so an exported HTML file needs no server.

What an arc's dates are comes from :func:`arc_dates`: a corpus relation's
``Support.by_date`` (documents per day), or else the date its own sentence
gives (``Relation.when``), or else the dates of the documents its evidence
sentences come from (``Document.when``: the date given, else the first date
the document's text states; geo reads both from the text). An arc drawn for
several statements counts the dates of all. An arc whose supporting
documents are undated counts in every window while the "undated" switch is
on. Arcs with ``Support`` are redrawn with the width of the documents that
support them within the window.

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


def document_date(scene: Scene, doc_id: str) -> str | None:
    """A document's date (:attr:`geo.scene.Document.when`), or None for an unknown id."""
    doc = scene.document(doc_id)
    return doc.when if doc is not None else None


def arc_dates(scene: Scene, rel: Relation) -> tuple[list[tuple[str, int]], int]:
    """The days a relation was reported (with documents per day) and its undated documents.

    A corpus relation counts its supporting documents per day. Otherwise a
    statement dated in its own sentence ("delivered in March 2022") counts on
    that date; else each of its documents counts on the document's date.
    """
    if rel.support is not None:
        return [(d.date, d.documents) for d in rel.support.by_date], rel.support.undated
    own = rel.when
    if own:
        # "in March 2024" in an article of 12 March 2024: the document's day is the fuller date
        fuller = [d for d in (document_date(scene, s.doc) for s in rel.evidence) if d and d.startswith(own)]
        return [(fuller[0] if fuller else own, 1)], 0
    days: Counter[str] = Counter()
    undated = 0
    for doc_id in dict.fromkeys(s.doc for s in rel.evidence):
        date = document_date(scene, doc_id)
        if date:
            days[date] += 1
        else:
            undated += 1
    if not rel.evidence:
        undated = 1  # added by the analyst: no date known
    return sorted(days.items()), undated


def timeline_entries(scene: Scene, arcs: Sequence[MapFeature]) -> list[dict]:
    """What the filter needs of each drawn arc: its key class, kind, dates and undated count."""
    out = []
    for feature in arcs:
        # an arc may stand for several statements (layers.arcs): its dates are theirs together
        rels = [r for r in (scene.relation(k) for k in feature.all_keys) if r is not None]
        if not rels:
            continue
        days: Counter[str] = Counter()
        undated = 0
        for rel in rels:
            got, none = arc_dates(scene, rel)
            days.update(dict(got))
            undated += none
        out.append(
            {
                "key": key_class(feature.key),
                "kind": rels[0].kind,
                "dates": [[d, n] for d, n in sorted(days.items())],
                "undated": undated,
                "scale": rels[0].support is not None,
            }
        )
    return out


def has_dates(entries: Sequence[dict]) -> bool:
    """Whether the arcs' dates give a filter something to do: two days or more, or a day and undated arcs.

    (A filter over no dates would show nothing, and over one day it only takes room.)
    """
    days = {d for e in entries for d, _ in e["dates"]}
    return len(days) >= 2 or (len(days) == 1 and any(e["undated"] for e in entries))


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
