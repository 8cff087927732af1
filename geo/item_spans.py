"""Where a transfer verb tells its item: after a getting verb, before a passive, or before its buyer.

"Peru bought 24 jets from Russia": after the verb; "24 jets were bought": before it; "the 26 Rafale
jets it ordered in April": before the buyer of a relative clause with no "that".
"""

from __future__ import annotations

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.items import item_phrases, system_maker, system_names
from geo.slots import cut_item

__all__ = ["antecedent_start", "got_item", "made_start", "topic_maker"]


def got_item(p: Parse, i: int, v: int, cue: Cue, frm: Side | None) -> tuple[int, int]:
    """Where the item of a getting verb is told: after the verb (before its from-phrase), or before a passive."""
    c = p.clause(v)
    item_start, item_end = v + 1, c.last
    if frm is not None and frm.np >= 0 and p.phrases[frm.np].first > v:
        item_end = p.phrases[frm.np].first - 1
    if p.passive(v) and cue.pos == "verb":
        item_start, item_end = max(c.first, i - 8), i - 1
    elif cue.pos == "verb" and not item_phrases(p.text(item_start, max(item_start, item_end))):
        gap = _gap_subject(p, i)  # "the 26 Rafale jets it ordered in April": the item before its buyer
        if gap > c.first and item_phrases(p.low[gap - 1]):
            item_start, item_end = _noun_group_start(p, gap - 1, c.first), gap - 1
    if item_end >= item_start:
        item_end = cut_item(p, item_start, item_end)  # "received missiles since Russia's invasion": no maker after
    return item_start, item_end


def _gap_subject(p: Parse, i: int) -> int:
    """The first token of the subject right before a getting verb at i ("it", "New Delhi"), else -1."""
    if i == 0:
        return -1
    k = i - 1
    while k > 0 and p.g.has("auxiliaries", p.low[k]):
        k -= 1  # "the jets it had ordered"
    if p.low[k] in ("it", "they"):
        return k
    return p.phrases[p.phrase_at[k]].first if k >= 0 and p.phrase_at[k] >= 0 else -1


def _noun_group_start(p: Parse, k: int, first: int) -> int:
    """The first word of the noun group ending at k: back past numbers and modifiers, to a verb or preposition."""
    j = k
    while j - 1 >= first and k - j < 8:
        w = p.low[j - 1]
        word = p.is_word(j - 1) or w[:1].isdigit()  # "the 26 Rafale jets"
        if not word or p.phrase_at[j - 1] >= 0 or p.finite(w) or p.g.has("prepositions", w):
            break
        j -= 1
    return j


def made_start(p: Parse, k: int) -> int:
    """Where an item at k starts with its maker's compound before it: "Turkish-made Songar drones", else k."""
    pi = p.phrase_at[k - 3] if k >= 3 else -1
    return k - 3 if pi >= 0 and p.phrases[pi].last == k - 3 and p.made_compound(p.phrases[pi]) else k


def topic_maker(p: Parse, text: str, exclude: tuple[str, ...] = ()) -> Side | None:
    """The maker of the system the paragraph's label names, for an item that names none (how "topic").

    "- HIMARS. Eleven of the 29 launchers Taipei ordered arrived in 2024": the launchers are HIMARS,
    made in the United States. None when the item names a system itself or no label does.
    """
    topic = p.context.topic
    maker = system_maker(topic) if topic and not system_names(text) else None
    return Side((maker,), -1, "topic") if maker is not None and maker not in exclude else None


def antecedent_start(p: Parse, marker: int) -> int:
    """The first word of the noun group a relative marker at ``marker`` hangs on, its maker included.

    "the Israeli-made drones, which India bought": "Israeli"; back to a comma or preposition, six words at most.
    """
    k = marker - (2 if p.low[marker - 1 : marker] == [","] else 1)
    while k > max(0, marker - 7) and p.low[k - 1] not in (",", ";") and not p.g.has("prepositions", p.low[k - 1]):
        k -= 1
    return max(0, k)
