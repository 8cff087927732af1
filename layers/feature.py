"""What a layer draws, before it becomes folium or GeoJSON.

Each layer module turns a Scene into `MapFeature` records (geometry, style,
the texts shown to people, and plain properties for GIS users). The folium
builders and the GeoJSON export both read these records, so the map and the
export always agree.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from geo.scene import Place, Scene, Span

MAX_QUOTES = 4
MAX_QUOTE_CHARS = 420


@dataclass(frozen=True)
class Mark:
    """A small marker drawn with a feature: an arrowhead or a text label.

    ``angle`` is the arrowhead's rotation in degrees clockwise from north.
    """

    kind: Literal["arrow", "label"]
    lat: float
    lon: float
    text: str = ""
    angle: float = 0.0
    color: str = ""
    css: str = ""
    #: role markers written after a label: ``(word, colour)``
    chips: tuple[tuple[str, str], ...] = ()
    #: a label's weight among labels of its kind (mentions): heavier labels are placed first
    weight: int = 0


@dataclass(frozen=True)
class MapFeature:
    """One drawable feature of one layer.

    Parameters
    ----------
    key : str
        The place or relation id it stands for (what ``highlight`` names).
    layer, kind : str
        The layer ("places", "arcs", ...) and the feature kind within it.
    geometry : dict
        A GeoJSON geometry, ``(lon, lat)`` order; ``Point`` features draw as
        circles of ``radius`` pixels.
    css : str
        Class names for the SVG path, e.g. ``"gb-arc gb-transfer"``.
    style : dict
        Leaflet path options (colour, weight, dashArray, ...).
    tooltip, popup : str
        Escaped HTML, ready for Leaflet.
    properties : dict
        Plain scalar properties for the GeoJSON export.
    keys : tuple of str
        Every place or relation id the feature stands for, when it is more
        than ``key`` (one arc for several statements).
    """

    key: str
    layer: str
    kind: str
    geometry: dict[str, Any]
    css: str
    style: dict[str, Any]
    tooltip: str
    popup: str
    properties: dict[str, Any]
    radius: float = 0.0
    marks: tuple[Mark, ...] = field(default=())
    keys: tuple[str, ...] = ()

    @property
    def all_keys(self) -> tuple[str, ...]:
        """Every id this feature stands for: ``key`` first, then the rest of ``keys``.

        An arc drawn for several statements names each relation.
        """
        return (self.key, *(k for k in self.keys if k != self.key))


def point_geometry(place: Place) -> dict[str, Any]:
    """A place's representative point as a GeoJSON geometry (5 decimals, about 1 m)."""
    return {"type": "Point", "coordinates": [round(place.lon, 5), round(place.lat, 5)]}


def key_class(key: str) -> str:
    """A CSS class naming a feature's key, safe whatever the id holds (``gb-k-`` + digest).

    The path, arrowhead and labels of one relation or place share it, so a
    browser test can pair them up.
    """
    import hashlib

    return "gb-k-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def esc(text: object) -> str:
    """Escape any text for HTML, quotes included."""
    return html.escape(str(text), quote=True)


_BY_ID: list[Any] = [None, {}]  # the last documents tuple seen (kept alive, so its id stays its own), by id


def _documents_by_id(documents: tuple) -> dict[str, Any]:
    """Documents by id (the first of an id, as `Scene.document`), remembered for the last scene drawn."""
    if _BY_ID[0] is not documents:
        _BY_ID[:] = [documents, {d.id: d for d in reversed(documents)}]
    return _BY_ID[1]


def quotes(scene: Scene, spans: Iterable[Span], *, whole_sentence: bool) -> list[tuple[str, str]]:
    """Evidence as ``(sentence, document title)`` pairs, de-duplicated, at most `MAX_QUOTES`.

    With ``whole_sentence`` a span (e.g. a place-name mention) is widened to
    the sentence that holds it.
    """
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    documents = _documents_by_id(scene.documents)
    for span in spans:
        doc = documents.get(span.doc)
        title = doc.title if doc is not None else span.doc
        text = span.text
        # a corpus Scene keeps its documents without their text: the span's own text is the quote
        if whole_sentence and doc is not None and doc.text and 0 <= span.start <= len(doc.text):
            text = doc.sentence(span.start, span.end)
        text = shorten(text)
        if not text or text in seen:
            continue
        seen.add(text)
        out.append((text, title))
        if len(out) == MAX_QUOTES:
            break
    return out


def shorten(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    """A quote on one line, cut to ``limit`` characters with an ellipsis.

    >>> shorten("Turkey  sold   drones to Ukraine.", 16)
    'Turkey sold dro…'
    >>> shorten("Turkey sold drones to Ukraine.", 13)
    'Turkey sold…'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def popup_html(title: str, facts: Iterable[str], evidence: list[tuple[str, str]], note: str = "") -> str:
    """The popup of a feature: title, facts, evidence quotes with their documents.

    Every piece of text is escaped here; callers pass plain text.
    """
    parts = [f'<div class="gb-pop"><div class="gb-pop-title">{esc(title)}</div>']
    facts = [f for f in facts if f]
    if facts:
        parts.append('<div class="gb-pop-facts">' + " · ".join(esc(f) for f in facts) + "</div>")
    parts.append(evidence_html(evidence))
    if note:
        parts.append(f'<div class="gb-pop-note">{esc(note)}</div>')
    parts.append("</div>")
    return "".join(parts)


def evidence_html(evidence: list[tuple[str, str]]) -> str:
    """Evidence ``(sentence, source)`` pairs as a popup's quotes, escaped; a note when there is none."""
    if not evidence:
        return '<div class="gb-pop-note">No evidence sentence recorded.</div>'
    return "".join(
        f'<blockquote class="gb-quote">{esc(sentence)}<span class="gb-doc">{esc(source)}</span></blockquote>'
        for sentence, source in evidence
    )


def tooltip_html(text: str) -> str:
    """A one-line tooltip, escaped."""
    return f'<span class="gb-tip">{esc(text)}</span>'


def joined_evidence(evidence: list[tuple[str, str]]) -> tuple[str, str]:
    """Evidence sentences and their document titles as two plain strings (for GIS tables)."""
    sentences = " | ".join(s for s, _ in evidence)
    docs = " | ".join(dict.fromkeys(t for _, t in evidence))
    return sentences, docs


def base_properties(layer: str, kind: str, key: str, label: str) -> dict[str, Any]:
    """Every GeoJSON property the export writes, with empty values; layers fill in theirs."""
    return {
        "layer": layer,
        "kind": kind,
        "id": key,
        "name": None,
        "label": label,
        "role": None,
        "relation": None,
        "source": None,
        "target": None,
        "source_id": None,
        "target_id": None,
        "item": None,
        "quantity": None,
        "status": None,
        "date": None,
        "members": None,
        "mentions": None,
        "confidence": None,
        "statements": None,
        "relation_ids": None,
        "evidence": "",
        "documents": "",
    }
