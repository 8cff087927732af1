"""A click on the app's map answers at once: the pick goes straight from the map to the panel.

streamlit-folium's frontend reports a click 250 ms later (it debounces its
updates) and only as the clicked layer's tooltip text, which it cannot read
from a country outline (an ``L.geoJSON`` layer): a click on a country left
the Inspect panel empty, and a click on an arc took about 1.5 s to answer
because the whole app ran again and redrew the map with the arc emphasised.

Here the map itself knows what each feature is: :class:`Picker` adds a
small script that reads the clicked path's key class (``gb-k-…``, see
:func:`layers.feature.key_class`), looks up ``(kind, id)`` in a table made
from the Scene, marks the picked feature on the map (CSS, no redraw) and
sends ``[kind, id, n]`` to Streamlit at once, through a field of the
component's value that nothing else in geobrief's maps writes
(:data:`PICK_FIELD`, named ``selected_tags`` by streamlit-folium). The
app reads it with :func:`picked` inside a fragment that holds the map and
the panel, so a click reruns only those two, and the map (same arguments)
is not sent again.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from functools import cache

from geo.scene import Relation, Scene

PICK_FIELD = "selected_tags"
"""The component value field the map's picks travel in (see the module docstring)."""


def pick_table(scene: Scene) -> dict[str, list[str]]:
    """``{key class: [kind, id]}`` for every relation, place and side of a Scene."""
    from layers.feature import key_class

    table: dict[str, list[str]] = {}
    for rel in scene.relations:
        table[key_class(rel.id)] = ["relation", rel.id]
    for place in (*scene.places, *scene.actors):
        table[key_class(place.id)] = ["place", place.id]
    return table


@cache
def _picker_class() -> type:
    # defined on first use: the app's first page comes from the store without branca or folium
    from layers.elements import QuickMacroElement, template

    class Picker(QuickMacroElement):
        """Sends a click on a relation, place or side to the app at once, and marks it on the map."""

        def __init__(self, scene: Scene):
            super().__init__()
            self._name = "Picker"
            self._id = "picker"  # a stable name: the same Scene gives the same script
            self._template = template("pick.js.jinja")
            self.table = pick_table(scene)
            self.field = PICK_FIELD

    return Picker


def picker(scene: Scene):
    """The folium element that makes a map's clicks picks (add it to the map before preparing it)."""
    return _picker_class()(scene)


def picked(value: Mapping | None) -> tuple[str, str, int] | None:
    """``(kind, id, n)`` from the map component's value, or None (no pick yet, or not a pick).

    ``n`` counts the picks of this map, so picking the same feature again is
    a new pick.

    Examples
    --------
    >>> picked({"selected_tags": ["place", "TR", 3]})
    ('place', 'TR', 3)
    >>> picked({"selected_tags": []}) is None
    True
    """
    raw = (value or {}).get(PICK_FIELD)
    if not isinstance(raw, list | tuple) or len(raw) != 3:
        return None
    kind, key, n = raw
    if kind not in ("relation", "place") or not isinstance(key, str) or not isinstance(n, int):
        return None
    return kind, key, n


def _end_name(scene: Scene, rel: Relation, end: str, names: Mapping[str, str]) -> str:
    where = scene.endpoint(rel, end)
    pid = rel.source if end == "source" else rel.target
    return where.name if where is not None else names.get(pid or "", pid or "?")


def statements_html(scene: Scene, rels: list[Relation], names: Mapping[str, str], *, max_quotes: int = 3) -> str:
    """Relations with their sentences, as one escaped HTML list (ends named as the map draws them)."""
    titles = {d.id: d.title for d in scene.documents}
    items = []
    for rel in rels:
        if rel.kind == "influence":
            ends = f"{names.get(rel.source, rel.source)} ⇢ {', '.join(names.get(m, m) for m in rel.members)}"
        else:
            arrow = "↔" if rel.kind == "alliance" else "→"
            ends = f"{_end_name(scene, rel, 'source', names)} {arrow} {_end_name(scene, rel, 'target', names)}"
        bits = [ends, rel.kind]
        if rel.item:
            bits.append(rel.item + (f" ({rel.quantity})" if rel.quantity is not None else ""))
        if rel.status != "unknown":
            bits.append(rel.status)
        if rel.date:
            bits.append(rel.date)
        quotes = "".join(
            f'<blockquote style="margin:2px 0 2px 12px;color:#333">“{html.escape(s.text)}”'
            f' <small style="color:#777">— {html.escape(titles.get(s.doc, s.doc))}</small></blockquote>'
            for s in rel.evidence[:max_quotes]
        )
        if not rel.evidence:
            quotes = '<small style="margin-left:12px;color:#777">added by the analyst, no sentence</small>'
        items.append(f"<li><strong>{html.escape(' · '.join(bits))}</strong>{quotes}</li>")
    return f'<ul class="gb-relations" style="padding-left:1rem">{"".join(items)}</ul>'


def inspect(scene: Scene, selected: tuple[str, str] | None, names: Mapping[str, str]) -> dict | None:
    """What the Inspect panel shows for a pick: a heading, a caption, and its statements as HTML.

    A relation shows every statement its arc stands for (same kind and ends);
    a place or side shows the relations drawn to or from it, else the
    sentences that mention it. None when the pick is not in the Scene.
    """
    if not selected:
        return None
    kind, key = selected
    if kind == "relation":
        rel = scene.relation(key)
        if rel is None:
            return None
        from layers.arcs import group_relations

        group = next((g for g in group_relations(scene) if key in {r.id for r in g.relations}), None)
        rels = list(group.relations) if group is not None else [rel]
        n = len(rels)
        caption = f"{n} statement{'s' if n != 1 else ''}" + (f" · why: {rel.cue}" if rel.cue and n == 1 else "")
        return {"heading": "Relation", "caption": caption, "html": statements_html(scene, rels, names)}
    place = scene.place(key) or scene.actor(key)
    if place is None:
        return None
    from layers.places import relations_of_end

    own = relations_of_end(scene, key)
    caption = f"{place.kind} · {len(place.mentions)} mentions · {len(own)} relations"
    if place.reason:
        caption += f" · {place.reason}"
    if own:
        body = statements_html(scene, own, names)
    else:
        titles = {d.id: d.title for d in scene.documents}
        from layers.feature import quotes

        body = (
            "".join(
                f'<blockquote style="margin:2px 0 2px 12px;color:#333">“{html.escape(s)}”'
                f' <small style="color:#777">— {html.escape(t)}</small></blockquote>'
                for s, t in quotes(scene, place.mentions, whole_sentence=True)
            )
            or "<small>No sentence recorded.</small>"
        )
        del titles
    return {"heading": place.name, "caption": caption, "html": body}


def not_on_the_map(scene: Scene) -> list[str]:
    """Names of the historical states the map cannot draw (listed in the panel instead of a dot).

    Called where the map is prepared (the outlines are loaded there anyway);
    the app reads the list from the prepared map (``prepared["not_drawn"]``).
    """
    from layers.places import historical_unplaced, is_historical

    if not any(is_historical(p) for p in scene.places):
        return []
    return [p.name for p in historical_unplaced(scene)]
