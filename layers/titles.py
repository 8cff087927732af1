"""Titles and sources on every export: the page's ``<title>``, a title on the map, and a source line.

The source line names the documents the map was made from, with their
dates (the date given, else the first date the text states), so a map or a
slide that travels on its own still says where it comes from.

Examples
--------
>>> from geo.examples import example_scene
>>> default_title(example_scene())
'Drone deal'
>>> source_line(example_scene())
'Source: Drone deal'
"""

from __future__ import annotations

import html
from typing import Any

from geo.scene import Scene

#: documents named one by one in a source line; the rest are counted
LISTED = 3


def default_title(scene: Scene) -> str:
    """The map's title when the analyst gives none: the one document's title, else a count."""
    docs = scene.documents
    if len(docs) == 1:
        return docs[0].title
    if not docs:
        return "geobrief map"
    return f"{docs[0].title} and {len(docs) - 1} more article{'s' if len(docs) > 2 else ''}"


def source_line(scene: Scene) -> str:
    """``"Sources: A (2024-03-12); B; and 2 more"``: the documents and their dates."""
    from layers.timeline import document_date

    parts = []
    for doc in scene.documents[:LISTED]:
        date = document_date(scene, doc.id)
        parts.append(f"{doc.title} ({date})" if date else doc.title)
    more = len(scene.documents) - LISTED
    if more > 0:
        parts.append(f"and {more} more")
    if not parts:
        return ""
    return ("Sources: " if len(scene.documents) > 1 else "Source: ") + "; ".join(parts)


def add_titles(m, scene: Scene, title: str | None = None) -> Any:
    """Give a folium map's page its ``<title>`` and draw the title and source line on the map."""
    from layers.elements import QuickMacroElement, template

    class MapTitle(QuickMacroElement):
        def __init__(self, title: str, sources: str):
            super().__init__()
            self._name = "MapTitle"
            self._template = template("map_title.html.jinja")
            self.title = title
            self.sources = sources

    text = (title or "").strip() or default_title(scene)
    # branca writes the figure's title into <title> as it is: escape article text here
    m.get_root().title = html.escape(f"{text} · geobrief")
    element = MapTitle(text, source_line(scene))
    element.add_to(m)
    return element
