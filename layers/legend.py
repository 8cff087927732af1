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
    return [seen[k] for k in sorted(seen, key=lambda k: (order[k[0]], k[1]))]


def _place_entries(features: Iterable[MapFeature]) -> list[Entry]:
    roles: set[str] = set()
    city = False
    for f in features:
        if f.kind == "city":
            city = True
        elif f.properties.get("role"):
            roles.add(f.properties["role"])
    rows = [
        Entry(style.ROLE_LABELS[r], "fill", style.ROLE_COLORS[r], fill=style.ROLE_COLORS[r], opacity=0.55)
        for r in style.ROLE_ORDER
        if r in roles
    ]
    if city:
        rows.append(Entry("City (larger = more mentions)", "circle", "#ffffff", fill=style.CITY))
    return rows


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
    return Legend(legend_sections({k: v for k, v in features.items() if k in set(layers)}))
