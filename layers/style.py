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

#: Countries at an end of a relation: one neutral fill (what each does is told by its markers)
ACTOR_FILL: dict = {"color": "#56606b", "weight": 1.3, "opacity": 0.9, "fillColor": "#9aa5b1", "fillOpacity": 0.38}
#: Countries only mentioned: paler, and unlabelled
MENTIONED_FILL: dict = {"color": "#a3abb3", "weight": 0.8, "opacity": 0.8, "fillColor": "#c3c9cf", "fillOpacity": 0.2}
ACTOR_POINT = "#56606b"
MENTIONED_POINT = "#a3abb3"
SIDE_POINT = "#2c3440"
#: A dissolved state, drawn as the dashed outline of its successors, never filled as today's land
HISTORICAL: dict = {"color": "#6b5a3c", "weight": 1.8, "opacity": 0.9, "dashArray": "6 4", "fill": False}

#: The role marker beside a country's name, by (relation kind, end, transfer stage); a marker
#: says what the text says and no more (a halted purchase is not a delivery)
ROLE_WORDS: dict[tuple[str, str, str], str] = {
    ("transfer", "source", ""): "supplies",
    ("transfer", "target", ""): "receives",
    ("transfer", "source", "pending"): "to supply",
    ("transfer", "target", "pending"): "to receive",
    ("transfer", "source", "frozen"): "sale halted",
    ("transfer", "target", "frozen"): "purchase halted",
    ("support", "source", ""): "backs",
    ("support", "target", ""): "backed",
    ("conflict", "source", ""): "hostile",
    ("conflict", "target", ""): "targeted",
    ("alliance", "source", ""): "partner",
    ("alliance", "target", ""): "partner",
}
#: What each role marker means, for the legend
ROLE_MEANINGS: dict[str, str] = {
    "supplies": "sends a transfer (arms, technology)",
    "receives": "receives a transfer",
    "to supply": "a planned or ordered transfer from here",
    "to receive": "a planned or ordered transfer to here",
    "sale halted": "a transfer from here was frozen or blocked",
    "purchase halted": "a transfer to here was frozen or blocked",
    "backs": "backs another side",
    "backed": "is backed by another",
    "hostile": "acts against another side",
    "targeted": "target of hostility or attack",
    "partner": "in an alliance or cooperation",
}
#: The order of the markers beside a name: (kind, end)
ROLE_ORDER: tuple[tuple[str, str], ...] = (
    ("conflict", "source"),
    ("conflict", "target"),
    ("support", "source"),
    ("support", "target"),
    ("transfer", "source"),
    ("transfer", "target"),
    ("alliance", "source"),
    ("alliance", "target"),
)

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
#: arcs for several statements: width = min(cap, ARC_WEIGHT + step × log2(statements)), px
STATEMENT_WEIGHT = (1.5, 9.0)


def statement_weight(statements: int) -> float:
    """The width (px) of an arc that stands for this many statements (one: `ARC_WEIGHT`)."""
    import math

    step, cap = STATEMENT_WEIGHT
    return round(min(cap, ARC_WEIGHT + step * math.log2(max(1, statements))), 2)


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
    "alliance": "Alliance or cooperation",
    "transfer": "Transfer, delivered (→ recipient)",
    "support": "Support (backer → backed)",
    "conflict": "Conflict or hostility (→ target)",
}

#: How much a feature fades when the map highlights something else.
DIM = 0.2
