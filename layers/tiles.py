"""Online tiles, only when a user asks for them by a known name or an http(s) URL template.

geobrief's maps need no network. ``geobrief map --tiles`` can still put an
online tile layer under them; the value is checked here first, so a typo, a
``javascript:`` URL or a template without its attribution is refused with one
line instead of reaching Leaflet.

Examples
--------
>>> check_tiles("cartodb positron", None)
Tiles(source='CartoDB positron', attribution=None)
>>> check_tiles("https://tiles.example.org/{z}/{x}/{y}.png", "© Example")
Tiles(source='https://tiles.example.org/{z}/{x}/{y}.png', attribution='© Example')
>>> check_tiles("javascript:alert(1)", None)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
layers.tiles.TilesError: unknown tiles 'javascript:alert(1)': give one of OpenStreetMap, ... and an --attribution
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

TILE_NAMES = ("OpenStreetMap", "CartoDB positron", "CartoDB dark_matter")
"""The tile providers ``--tiles`` accepts by name (folium knows their URLs and attributions)."""

MAX_ATTRIBUTION_CHARS = 300
"""The longest attribution accepted."""

_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?/[^\s\"'<>\\`]*", re.IGNORECASE)
_HINT = (
    f"give one of {', '.join(TILE_NAMES)}, or an http(s) URL template with {{z}}, {{x}} and {{y}} and an --attribution"
)


class TilesError(ValueError):
    """A ``--tiles`` value geobrief does not use; the message says what it accepts."""


@dataclass(frozen=True)
class Tiles:
    """A checked tile source: a name from :data:`TILE_NAMES` or a URL template, and its attribution."""

    source: str
    attribution: str | None


def check_tiles(tiles: str, attribution: str | None = None) -> Tiles:
    """The tile source ``tiles`` names, checked.

    Parameters
    ----------
    tiles : str
        A name from :data:`TILE_NAMES` (any case) or an ``http(s)://`` URL
        template holding ``{z}``, ``{x}`` and ``{y}``.
    attribution : str, optional
        Plain text crediting the tiles; required for a URL template (it is
        shown escaped, never as markup).

    Raises
    ------
    TilesError
        Anything else.
    """
    value = (tiles or "").strip()
    by_name = {name.lower(): name for name in TILE_NAMES}
    if value.lower() in by_name:
        return Tiles(by_name[value.lower()], _attribution(attribution) if attribution else None)
    if not _URL.fullmatch(value) or not all(part in value for part in ("{z}", "{x}", "{y}")):
        raise TilesError(f"unknown tiles {value[:80]!r}: {_HINT}")
    if not attribution or not attribution.strip():
        raise TilesError("tiles from a URL need --attribution TEXT naming who provides them (their licence asks it)")
    return Tiles(value, _attribution(attribution))


def _attribution(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_ATTRIBUTION_CHARS:
        raise TilesError(f"the attribution is {len(text)} characters long; at most {MAX_ATTRIBUTION_CHARS}")
    return text


def attribution_html(tiles: Tiles) -> str | None:
    """The attribution as Leaflet shows it (escaped text), or None for a named provider's own."""
    return html.escape(tiles.attribution) if tiles.attribution else None
