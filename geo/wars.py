"""Known wars: the two sides of a war the news names by its ground or by one side alone.

"the war in Ukraine" names where a war is fought and no side; "since Russia launched its full-scale
invasion" names the side that attacked and not the ground. Readers know both sides of such a war,
and so does ``geo/data/wars.tsv``: one row per war, its ground (gazetteer ids) and its two sides.

Examples
--------
>>> war_sides("UA")
('RU', 'UA')
>>> war_sides("FR") is None
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from geo.grammar import Side

if TYPE_CHECKING:
    from geo.clauses import Parse
    from geo.slots import Hit

__all__ = ["other_side", "war_background", "war_ground_side", "war_noun", "war_owned", "war_owner", "war_sides"]


@lru_cache(maxsize=1)
def _wars() -> tuple[tuple[frozenset[str], tuple[str, str]], ...]:
    raw = resources.files("geo").joinpath("data/wars.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if line and not line.startswith("#")]
    out = []
    for row in rows[1:]:  # the first row names the columns
        a, b = row[1].split()
        out.append((frozenset(row[0].split()), (a, b)))
    return tuple(out)


def war_sides(ground: str) -> tuple[str, str] | None:
    """The two sides of the known war fought on ``ground`` (a gazetteer id), or None."""
    return next((sides for theatre, sides in _wars() if ground in theatre), None)


def other_side(side: str) -> str | None:
    """The other side of the one known war ``side`` fights, or None (no war, or more than one)."""
    found = {b if a == side else a for _, (a, b) in _wars() if side in (a, b)}
    return found.pop() if len(found) == 1 else None


def war_noun(p: Parse, v: int) -> tuple[bool, bool]:
    """Whether the noun at v modifies the next ("war economy", "war crimes"), and whether it names a war."""
    modified = v + 1 < len(p.low) and p.g.has("war_modified_nouns", p.low[v + 1])
    return modified, p.g.has("known_war_nouns", p.low[v]) and not modified


def _home(ident: str) -> str:
    """The state an actor id stands for: "SD@group:rsf" → "SD"."""
    return ident.split("@")[0]


def war_ground_side(ground: Side) -> Side | None:
    """The side that wages the known war on ``ground``: Russia for "the war in Ukraine" (None: no known war)."""
    if len(ground.ids) != 1:
        return None
    place = _home(ground.ids[0])
    sides = war_sides(place)
    return Side((sides[0],), -1, "war") if sides is not None and sides[0] != place else None


def war_owner(owner: Side | None, ground: Side) -> Side | None:
    """Who wages the war a noun names on ``ground``: a side of the known war fought there, else ``owner``.

    "the war in Ukraine": Russia; "diversify its suppliers as the war in Ukraine disrupts deliveries": Russia,
    not the "its" the owner search met; "Russia's war in Ukraine": Russia.
    """
    side = war_ground_side(ground)
    if side is None or (owner is not None and set(owner.ids) & {side.ids[0], *ground.ids}):
        return owner
    return side


def war_owned(p: Parse, owner: Side, ground: bool) -> tuple[Side | None, Side | None]:
    """Both sides of a known war that a noun names by one side (``owner``) alone.

    "since Russia launched its full-scale invasion": Ukraine, when the sentence names it; "the Ukrainian war"
    (``ground``: the demonym places the war): Russia against Ukraine. Else ``owner`` and no other side.
    """
    other = other_side(_home(owner.ids[0])) if len(owner.ids) == 1 else None
    if other is not None and any(_home(a.id) == other for a in p.anchors):
        return owner, Side((other,), -1, "war")
    return (war_ground_side(owner), owner) if ground else (owner, None)


def war_background(found: list[Hit], *sides: Side | None) -> list[Hit]:
    """``found``, marked as background when a known war gave one of ``sides``.

    The war a story mentions is no event it tells: it leaves the story's last foe and last attack as they were.
    """
    if any(s is not None and s.how == "war" for s in sides):
        for h in found:
            h.extra["background"] = True
    return found
