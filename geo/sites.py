"""Named sites the gazetteer does not hold, mapped where the text sets them.

Defence news names bases, camps, airfields, fields and islands by names no gazetteer we ship
holds ("Sultan Hasanuddin Air Base", "the Karabur camp", "Camp Lion"). Such a site goes on the
map only when the text says where it is, right after its name: "... Air Base in Makassar",
"the Karabur camp near Mosul", "Kala Air Base, south of Baku". It is drawn at the point of
that place (a town, a province, a known site, or a small state) and says so in its reason, so an
analyst sees "placed at Makassar" rather than a guess. A name that is only a state's or a
people's ("a Russian air base", "the US base") is an owner, not a site's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from geo.data.wordlists import SITE_NOUNS, alternation

__all__ = ["Site", "named_sites"]

#: a state this small stands for a point near any place in it (Djibouti, Bahrain, Qatar's 11,600 km²)
SMALL_STATE_KM2 = 30_000

_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME = rf"(?:[{_UPPER}][\w'’.-]*|bin|al-\w+|el-\w+|de|do|da|dos)"
_SITE = re.compile(
    rf"\b(?:(Camp\s+{_NAME}(?:\s+{_NAME}){{0,2}})|((?:{_NAME}\s+){{0,3}}[{_UPPER}][\w'’.-]*)\s+"
    rf"((?i:{alternation(SITE_NOUNS)})))\b"
)
_ANCHOR = re.compile(
    r"\s*,?\s*(?:in|near|outside|at|on|off|close to|(?:just\s+)?(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+of|on the (?:\w+\s+)?(?:edge|outskirts) of)\s+(?:the\s+)?(?:(?:city|town|port|"
    r"province|region|island) of\s+)?"
)


@dataclass(frozen=True, slots=True)
class Site:
    """A named site and the mapped place whose point it takes."""

    start: int
    end: int
    name: str
    anchor_id: str
    anchor_name: str


def named_sites(text: str, places: Sequence[tuple[int, int, str, str, str, float]]) -> list[Site]:
    """The named sites of ``text`` that the text sets at one of ``places``.

    ``places`` are the resolved mentions that name places: (start, end, id, kind, name, area in km²).

    >>> text = "Two jets flew to Sultan Hasanuddin Air Base in Makassar; a Russian air base near Homs."
    >>> p = [(text.index("Makassar"), text.index("Makassar") + 8, "city:1", "city", "Makassar", 0.0)]
    >>> [(s.name, s.anchor_name) for s in named_sites(text, p)]
    [('Sultan Hasanuddin Air Base', 'Makassar')]
    """
    starts = {p[0]: p for p in places}
    out: list[Site] = []
    for m in _SITE.finditer(text):
        name = m.group(1) or f"{m.group(2)} {m.group(3)}"
        start = m.start(1) if m.group(1) else m.start(2)
        if any(s <= start < e or start <= s < m.end() for s, e, *_ in places):
            continue  # a known place's name, or the site's name holds one ("Juba International Airport")
        if name.split()[0] in ("The", "A", "An", "Its", "Their") or not re.search(r"[a-z]", name.split()[0][1:] or "a"):
            continue  # "The base", "US Air Base": no site's own name
        a = _ANCHOR.match(text, m.end())
        anchor = starts.get(a.end()) if a else None
        if anchor is None or not _fits(anchor):
            continue
        out.append(Site(start, m.end(), re.sub(r"\s+", " ", name), anchor[2], anchor[4]))
    return out


def _fits(anchor: tuple[int, int, str, str, str, float]) -> bool:
    """A place precise enough to stand for a site in it: a town, a province, a site, or a small state."""
    kind, area = anchor[3], anchor[5]
    return kind in ("city", "admin1", "other") or (kind == "country" and 0 < area <= SMALL_STATE_KM2)
