"""The map's palette and line styles: one place to change how a briefing looks.

Colours are calm and print-safe; red is kept for conflict. Every colour or
line style used on the map has an entry here, and the legend reads them
from here too.
"""

from __future__ import annotations

SEA = "#dbe5ec"
LAND = "#f3f0e8"
LAND_EDGE = "#c9c2b3"
INK = "#2c3440"

ROLE_COLORS: dict[str, str] = {
    "supplier": "#2a6f97",
    "recipient": "#d4943a",
    "backer": "#5a8f5c",
    "target": "#b5473f",
    "other": "#a3abb3",
}
ROLE_LABELS: dict[str, str] = {
    "supplier": "Supplier",
    "recipient": "Recipient or backed side",
    "backer": "Backer",
    "target": "Target of hostility",
    "other": "Also involved",
}
ROLE_ORDER: tuple[str, ...] = tuple(ROLE_COLORS)

CITY = "#34404e"

REGION_STYLES: dict[str, dict] = {
    "sea": {"color": "#5f8fb0", "fillColor": "#a9c4d8", "fillOpacity": 0.45, "weight": 1.2},
    "strait": {"color": "#2f6690", "fillColor": "#7fa7c4", "fillOpacity": 0.6, "weight": 2},
    "disputed": {
        "color": "#8a4b2f",
        "fillColor": "url(#gb-hatch)",
        "fillOpacity": 1.0,
        "weight": 1.8,
        "dashArray": "5 4",
    },
    "admin1": {"color": "#7b6a55", "fillColor": "#c9b99e", "fillOpacity": 0.35, "weight": 1.5},
    "region": {"color": "#7b6a55", "fillColor": "#c9b99e", "fillOpacity": 0.25, "weight": 1.2, "dashArray": "2 4"},
}
REGION_LABELS: dict[str, str] = {
    "sea": "Sea",
    "strait": "Strait",
    "disputed": "Disputed area",
    "admin1": "Province or area named in the text",
    "region": "Region named in the text",
}
HATCH = "#8a4b2f"

SPHERE_COLORS: tuple[str, ...] = ("#c0703a", "#6b5ca5", "#2d8a82", "#a8556f", "#7a8a3a")

ARC_COLORS: dict[str, str] = {
    "alliance": "#33618f",
    "transfer": "#1d6f6a",
    "support": "#6f4e9c",
    "conflict": "#c0392b",
}
FROZEN = "#9a9a9a"
ARC_WEIGHT = 3
#: corpus arcs: width = min(max, base + step × log2(supporting documents)), in px; one
#: document draws at the ordinary width, 16 at 9 px, 64 and more at the cap
SUPPORT_WEIGHT = (ARC_WEIGHT, 1.5, 12.0)


def support_weight(documents: int) -> float:
    """The width (px) of an arc supported by this many documents (see `SUPPORT_WEIGHT`)."""
    import math

    base, step, cap = SUPPORT_WEIGHT
    return round(min(cap, base + step * math.log2(max(1, documents))), 2)


DASH_PLANNED = "9 6"
DASH_SUPPORT = "1 7"

ARC_LABELS: dict[str, str] = {
    "alliance": "Alliance or cooperation (no direction)",
    "transfer": "Transfer, delivered (arrow at the recipient)",
    "support": "Support or backing (backer → backed)",
    "conflict": "Conflict or hostility (→ target)",
}

#: How much a feature fades when the map highlights something else.
DIM = 0.2
