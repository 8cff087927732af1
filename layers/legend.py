"""The legend: explains every colour and line style on the map, and only those.

It reads the features the other layers drew, so an entry appears exactly
when something on the map needs it. It is a Leaflet control (not a
toggleable layer) built from ``templates/legend.html.jinja``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from geo.scene import Scene
from layers import style
from layers.elements import QuickMacroElement, template
from layers.feature import MapFeature
from layers.outlines import Outlines

TITLE = "Legend"
#: maps narrower than this (px) open with the legend folded to its title: on the app's map
#: column or a laptop screen the unfolded legend would cover a third of the story
OPEN_FROM_PX = 800
#: the room the unfolded legend takes at the map's left edge (px)
WIDTH_PX = 250


@dataclass(frozen=True)
class Entry:
    """One legend row: a small symbol and its meaning."""

    label: str
    shape: str  # "fill", "line" or "circle"
    color: str
    fill: str = "none"
    dash: str = ""
    arrow: bool = False
    opacity: float = 1.0
    chip: str = ""
    width: float = 3.0


class Legend(QuickMacroElement):
    """A Leaflet control listing `Entry` rows under section headings."""

    def __init__(self, sections: list[tuple[str, list[Entry]]], title: str = TITLE, position: str = "bottomleft"):
        super().__init__()
        self._name = "Legend"
        self._template = template("legend.html.jinja")
        self.sections = sections
        self.title = title
        self.position = position
        self.open_from = OPEN_FROM_PX


def _arc_entries(features: Iterable[MapFeature]) -> list[Entry]:
    features = list(features)
    seen: dict[tuple[str, str], Entry] = {}
    for f in features:
        status = f.properties.get("status") or ""
        variant = ""
        if f.kind == "transfer" and status in ("planned", "ordered"):
            variant = "pending"
        elif f.kind == "transfer" and status == "frozen":
            variant = "frozen"
        label = {
            "pending": "Transfer, planned or ordered",
            "frozen": "Transfer, frozen or halted",
        }.get(variant, style.ARC_LABELS[f.kind])
        seen.setdefault(
            (f.kind, variant),
            Entry(label, "line", f.style["color"], dash=f.style.get("dashArray", "") or "", arrow=f.kind != "alliance"),
        )
    order = {k: i for i, k in enumerate(("alliance", "transfer", "support", "conflict"))}
    rows = [seen[k] for k in sorted(seen, key=lambda k: (order[k[0]], k[1]))]
    most = max((f.properties.get("statements") or 1 for f in features), default=1)
    if most > 1:
        rows.append(
            Entry(
                f"Wider: more statements (≤ {most})",
                "line",
                style.INK,
                width=style.statement_weight(most),
            )
        )
    return rows


def _place_entries(features: Iterable[MapFeature]) -> list[Entry]:
    seen: set[str] = set()
    for f in features:
        if f.kind == "city":
            seen.add("city")
        elif "gb-historical" in f.css:
            seen.add("historical")
        elif "gb-group" in f.css:
            seen.add("group")
        elif "gb-actor-country" in f.css:
            seen.add("actor")
        elif "gb-mentioned" in f.css:
            seen.add("mentioned")
        elif "gb-actor" in f.css:
            seen.add("actor-point" if f.style.get("fillColor") == style.ACTOR_POINT else "mentioned-point")
    a, m, h = style.ACTOR_FILL, style.MENTIONED_FILL, style.HISTORICAL
    rows = {
        "actor": Entry("Country at an end of a relation", "fill", a["color"], fill=a["fillColor"], opacity=0.6),
        "mentioned": Entry("Country only mentioned", "fill", m["color"], fill=m["fillColor"], opacity=0.5),
        "actor-point": Entry("Place at an end of a relation", "circle", "#ffffff", fill=style.ACTOR_POINT),
        "mentioned-point": Entry("Place only mentioned", "circle", "#ffffff", fill=style.MENTIONED_POINT),
        "historical": Entry("Historical state (successors' outline)", "fill", h["color"], dash=h["dashArray"]),
        "group": Entry("Armed group or faction", "circle", "#1f2933", fill=style.SIDE_POINT),
        "city": Entry("City (larger = more mentions)", "circle", "#ffffff", fill=style.CITY),
    }
    return [rows[k] for k in rows if k in seen]


def _marker_entries(features: Iterable[MapFeature]) -> list[Entry]:
    """One row per role marker drawn beside a name: the marker itself and what it means."""
    seen: dict[str, str] = {}
    for f in features:
        for mark in f.marks:
            for word, color in mark.chips:
                seen.setdefault(word, color)
    order = list(style.ROLE_MEANINGS)
    return [
        Entry(style.ROLE_MEANINGS.get(word, word), "chip", color, chip=word)
        for word, color in sorted(seen.items(), key=lambda wc: order.index(wc[0]) if wc[0] in order else 99)
    ]


def _region_entries(features: Iterable[MapFeature]) -> list[Entry]:
    kinds = {("region" if f.kind == "bloc" else f.kind) for f in features}
    rows = []
    for kind in ("sea", "strait", "disputed", "admin1", "region"):
        if kind in kinds:
            s = style.REGION_STYLES[kind]
            rows.append(
                Entry(
                    style.REGION_LABELS[kind],
                    "fill",
                    s["color"],
                    fill=s["fillColor"],
                    dash=s.get("dashArray", ""),
                    opacity=s["fillOpacity"],
                )
            )
    return rows


def _sphere_entries(features: Iterable[MapFeature]) -> list[Entry]:
    rows: dict[str, Entry] = {}
    for f in features:
        rows.setdefault(
            f.key,
            Entry(f.properties["label"], "fill", f.style["color"], fill=f.style["fillColor"], dash="4 3", opacity=0.35),
        )
    return list(rows.values())


def legend_sections(features: Mapping[str, list[MapFeature]]) -> list[tuple[str, list[Entry]]]:
    """Legend sections for the drawn features, keyed by layer ("places", "arcs", ...)."""
    sections = [
        ("Relations", _arc_entries(features.get("arcs", []))),
        ("Countries and places", _place_entries(features.get("places", []))),
        ("Role beside a name", _marker_entries(features.get("places", []))),
        ("Seas and regions", _region_entries(features.get("regions", []))),
        ("Spheres of influence", _sphere_entries(features.get("spheres", []))),
    ]
    return [(title, rows) for title, rows in sections if rows]


def build_legend_layer(
    scene: Scene,
    *,
    layers: Iterable[str] = ("places", "regions", "spheres", "arcs"),
    outlines: Outlines | None = None,
    features: Mapping[str, list[MapFeature]] | None = None,
) -> Legend:
    """The legend for a scene's layers, as a folium element to add to the map.

    Parameters
    ----------
    scene : Scene
    layers : iterable of str
        Which layers the legend explains.
    outlines : Outlines, optional
        Passed to the layers' collectors when ``features`` is not given.
    features : mapping, optional
        Features already collected by `layers.render`, to avoid collecting twice.
    """
    if features is None:
        from layers.render import collect_layers

        features = collect_layers(scene, layers=tuple(layers), outlines=outlines)
    sections = legend_sections({k: v for k, v in features.items() if k in set(layers)})
    if "places" in set(layers):
        from layers.places import historical_unplaced

        missing = historical_unplaced(scene, outlines)
        if missing:
            names = ", ".join(p.name for p in missing)
            sections.append(("Not drawn", [Entry(f"{names}: historical state, no outline", "none", style.INK)]))
    return Legend(sections)
