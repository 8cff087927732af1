"""Evidence views: an article's text with its place mentions highlighted.

Everything from the article is escaped with :func:`html.escape` before it
reaches the HTML; only our own ``<mark>`` and ``<span>`` tags with
attribute values we build (colours from a fixed palette, ids made safe)
are added. The result can go to ``st.html`` or into any page.

Examples
--------
>>> from geo.scene import Document, Place, Span
>>> doc = Document("d1", "demo", "Turkey <b>sells</b> to Ukraine.")
>>> tr = Place("TR", "Turkey", "country", "TR", 39.0, 35.0, mentions=(Span("d1", 0, 6, "Turkey"),))
>>> html_out = highlight_document(doc, [tr])
>>> "&lt;b&gt;sells&lt;/b&gt;" in html_out and "<b>" not in html_out
True
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

from geo.scene import Document, Place, Relation, Scene, Span

PALETTE: tuple[str, ...] = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#3182bd",
)
"""Sixteen well separated colours (the Tableau/d3 categorical families)."""

_SAFE_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def place_colour(place_id: str) -> str:
    """A deterministic colour for a place id, the same in every run.

    Examples
    --------
    >>> place_colour("TR") == place_colour("TR")
    True
    >>> place_colour("TR") in PALETTE
    True
    """
    digest = hashlib.sha1(place_id.encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def place_colours(places: Iterable[Place]) -> dict[str, str]:
    """Colours for a set of places: palette order first, so neighbours rarely clash.

    Places are coloured in sorted-id order through the palette, which keeps
    up to 16 places distinct and stays stable when the same places recur.
    """
    ids = sorted({p.id for p in places})
    if len(ids) <= len(PALETTE):
        return {pid: PALETTE[i] for i, pid in enumerate(ids)}
    return {pid: place_colour(pid) for pid in ids}


def _tint(colour: str, alpha: str = "40") -> str:
    """The colour with an alpha byte appended (#rrggbbaa) for a light background."""
    return f"{colour}{alpha}" if _SAFE_COLOUR.match(colour) else "#ffff0040"


def _non_overlapping(spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the earliest, then longest, of overlapping spans."""
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, pid in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if start >= last_end and end > start:
            out.append((start, end, pid))
            last_end = end
    return out


def highlight_document(
    doc: Document,
    places: Iterable[Place],
    *,
    colours: Mapping[str, str] | None = None,
    focus: Iterable[Span] = (),
    max_chars: int | None = None,
) -> str:
    """The document's text as escaped HTML with every place mention marked.

    Parameters
    ----------
    doc : Document
        The article.
    places : iterable of Place
        Places whose mentions in this document are marked.
    colours : mapping, optional
        Place id → ``#rrggbb``; defaults to :func:`place_colours`.
    focus : iterable of Span
        Evidence sentences to emphasise (e.g. the selected relation's); the
        first one gets ``id="gb-focus"`` so a page can scroll to it.
    max_chars : int, optional
        Cut the text after this many characters (an ellipsis marks the cut).

    Returns
    -------
    str
        A ``<div class="gb-evidence">`` whose line breaks are kept.
    """
    places = list(places)
    colours = dict(colours or place_colours(places))
    names = {p.id: p.name for p in places}
    text = doc.text if max_chars is None else doc.text[:max_chars]
    n = len(text)
    marks = _non_overlapping(
        [(max(0, s.start), min(n, s.end), p.id) for p in places for s in p.mentions if s.doc == doc.id and s.start < n]
    )
    focus_spans = sorted((max(0, s.start), min(n, s.end)) for s in focus if s.doc == doc.id and s.start < n)
    cuts = {0, n}
    for start, end, _ in marks:
        cuts.update((start, end))
    for start, end in focus_spans:
        cuts.update((start, end))
    points = sorted(cuts)
    parts: list[str] = []
    mark_at = {start: (end, pid) for start, end, pid in marks}
    open_mark: tuple[int, str] | None = None
    first_focus = True
    for a, b in pairwise(points):
        in_focus = any(fs <= a and b <= fe for fs, fe in focus_spans)
        if a in mark_at:
            open_mark = mark_at[a]
        chunk = html.escape(text[a:b])
        if open_mark is not None and a < open_mark[0]:
            pid = open_mark[1]
            colour = colours.get(pid, place_colour(pid))
            if not _SAFE_COLOUR.match(colour):
                colour = place_colour(pid)
            chunk = (
                f'<mark class="gb-mention" data-place="{html.escape(pid, quote=True)}" '
                f'title="{html.escape(names.get(pid, pid), quote=True)}" '
                f'style="background:{_tint(colour)};border-bottom:2px solid {colour};'
                f'padding:0 1px;border-radius:2px">{chunk}</mark>'
            )
        if open_mark is not None and b >= open_mark[0]:
            open_mark = None
        if in_focus:
            attr = ' id="gb-focus"' if first_focus else ""
            first_focus = False
            chunk = (
                f'<span class="gb-focus"{attr} style="background:#fff3b0;'
                f'outline:2px solid #f0b400;border-radius:2px">{chunk}</span>'
            )
        parts.append(chunk)
    if max_chars is not None and len(doc.text) > max_chars:
        parts.append("…")
    body = "".join(parts)
    return f'<div class="gb-evidence" style="white-space:pre-wrap;line-height:1.55;font-size:0.95rem">{body}</div>'


def legend_html(places: Iterable[Place], colours: Mapping[str, str] | None = None) -> str:
    """A row of colour chips naming each place (escaped)."""
    places = list(places)
    colours = dict(colours or place_colours(places))
    chips = []
    for p in places:
        colour = colours.get(p.id, place_colour(p.id))
        if not _SAFE_COLOUR.match(colour):
            colour = place_colour(p.id)
        chips.append(
            f'<span style="display:inline-block;margin:0 6px 4px 0;padding:0 6px;'
            f'border-radius:3px;background:{_tint(colour)};border-left:4px solid {colour}">'
            f"{html.escape(p.name)}</span>"
        )
    return f'<div class="gb-legend">{"".join(chips)}</div>'


def relation_html(rel: Relation, names: Mapping[str, str]) -> str:
    """A one-line escaped summary of a relation: "Turkey → Ukraine · transfer · drones (12)"."""

    def name(pid: str | None) -> str:
        return html.escape(names.get(pid or "", pid or "?"))

    if rel.kind == "influence":
        ends = f"{name(rel.source)} ⇢ {', '.join(name(m) for m in rel.members)}"
    else:
        arrow = "↔" if rel.kind == "alliance" else "→"
        ends = f"{name(rel.source)} {arrow} {name(rel.target)}"
    bits = [ends, html.escape(rel.kind)]
    if rel.item:
        qty = f" ({rel.quantity})" if rel.quantity is not None else ""
        bits.append(html.escape(rel.item) + qty)
    if rel.kind == "transfer" and rel.status != "unknown":
        bits.append(html.escape(rel.status))
    return " · ".join(bits)


def relations_list_html(
    scene: Scene, names: Mapping[str, str], *, selected: str | None = None, max_quotes: int = 3
) -> str:
    """Every relation of a Scene with its evidence sentences, as one escaped HTML list.

    The selected relation is marked (``class="gb-selected"``) and tinted.
    """
    titles = {d.id: d.title for d in scene.documents}
    items = []
    for rel in scene.relations:
        quotes = "".join(
            f'<blockquote style="margin:2px 0 2px 12px;color:#333">“{html.escape(s.text)}”'
            f' <small style="color:#777">— {html.escape(titles.get(s.doc, s.doc))}</small></blockquote>'
            for s in rel.evidence[:max_quotes]
        )
        more = len(rel.evidence) - max_quotes
        if more > 0:
            quotes += f'<small style="margin-left:12px;color:#777">and {more} more</small>'
        if not rel.evidence:
            quotes = '<small style="margin-left:12px;color:#777">added by the analyst, no sentence</small>'
        mark = ' class="gb-selected" style="background:#fff3b0"' if rel.id == selected else ""
        items.append(f"<li{mark}><strong>{relation_html(rel, names)}</strong>{quotes}</li>")
    return f'<ul class="gb-relations" style="padding-left:1rem">{"".join(items)}</ul>'
