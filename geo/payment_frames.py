"""Payments: upkeep ("Turkey pays the salaries of Somali special forces units") and works paid for.

A state that pays another's soldiers, officials or police keeps that force going; SIPRI and event
coders count such budget support as aid, and the gold conventions count salary payments as
transfers. The payer is the paying verb's subject; the one paid is the owner of the pay: the
"of" phrase after the pay noun ("the salaries of Somali units") or its possessor ("their wages").
Pay nouns are a table (``pay_nouns`` in grammar.toml); without one near the verb nothing is read.

Works paid for: "Japan financed the expansion of a port in Fiji", "Canada funds the training of
Malian officers". A state that pays for another's building, upgrading or buying gives it the
work (a grant, in SIPRI's and the gold conventions' terms), and one that pays for another's
training backs it. The work noun heads the verb's object, at most the cue's ``reach`` words after
the verb ("financed the Patuca III hydroelectric dam"; a table named by the cue's ``works``
option), and no possessive makes the work the payer's own; the state the work is for is the first
actor or place named after the noun,
before any comma, in a prepositional phrase ("of Latvian barracks", "in Fiji"),
a place noun's bearing excepted ("on the Afghan border" says where).
"""

from __future__ import annotations

import re

from geo.clauses import Parse
from geo.cuetable import Cue
from geo.slots import Hit, cut_item, possessor_in, state_of

__all__ = ["funded_work", "paid_for"]


def paid_for(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A transfer of pay: the subject pays what the owner of the pay noun receives (see the module)."""
    v = i + n - 1
    c = p.clause(v)
    j = next((k for k in range(v + 1, min(c.last, v + 5) + 1) if p.g.has("pay_nouns", p.low[k])), -1)
    if j < 0:
        return []
    src = p.subject(v)
    of = p.pp(j, ("of",), limit=6)
    tgt = of if of is not None and of.np >= 0 and p.phrases[of.np].prep_at == j + 1 else possessor_in(p, v + 1, j + 1)
    if src is None or tgt is None or set(src.ids) & set(tgt.ids):
        return []
    end = p.phrases[tgt.np].last if tgt.np >= 0 and tgt.np == getattr(of, "np", -2) else j
    return [Hit("transfer", src.ids, tgt.ids, cue, i, item_text=p.text(j, end))]


_STATE = re.compile(r"[A-Z]{2}(?:@.+)?")


def funded_work(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A work paid for: the subject pays for what the state named after the work noun gets (see the module)."""
    v = i + n - 1
    c = p.clause(v)
    works = cue.opt("works", "funded_works")
    if p.passive(v):
        return _funded_by(p, i, v, cue, works)
    # the work noun heads the object: "the expansion", "a new runway extension", "the Patuca III dam"
    reach = cue.opt("reach", 2)  # words the object may put before its head
    k = next((j for j in range(v + 1, min(c.last, v + reach + 1) + 1) if p.g.has(works, p.low[j])), -1)
    for_only = cue.opt("for_only", False)  # goods bought for another ("financing five vessels for the coast guard")
    if k < 0 or any(
        p.low[j] in ("its", "their", "his", "her", "own", ",", "to", "of") or p.tokens[j].anchor >= 0
        for j in range(v + 1, k)
    ):
        return []  # "financed its own barracks", "funded talks on the dam": no work of another's
    src = p.subject(v)
    if src is None:
        return []
    start = next(j for j in range(v + 1, k + 1) if p.low[j] not in ("the", "a", "an"))  # the item's first word
    # up to a comma: "the expansion of ranges at Lanark and Hobart in Tasmania" goes past the "and"
    last = len(p.low) - 1
    end = next((j - 1 for j in range(k + 1, last + 1) if p.low[j] in (",", ";")), last)
    while end > k and p.tokens[end].anchor < 0 and not p.tokens[end].text[0].isalnum():
        end -= 1  # the sentence's full stop
    for ph in p.phrases:
        if ph.first <= k or ph.first > end or not ph.prep or p.ground(ph) or (for_only and ph.prep != "for"):
            continue  # "three outposts on the Afghan frontier": where the work is, not for whom
        stop = ph.last + 1
        if stop < len(p.low) and p.finite(p.low[stop]) and "and" in p.low[ph.first : stop]:
            stop = max(j for j in range(ph.first, stop) if p.low[j] == "and")  # "... and Sweden sent": its subject
        named = (
            x
            for j in range(ph.first, stop)
            if p.tokens[j].anchor >= 0
            for x in p.anchors[p.tokens[j].anchor].id.split("|")
        )
        ids = tuple(dict.fromkeys(x for x in map(state_of, named) if _STATE.fullmatch(x)))
        if not ids or set(ids) & set(src.ids):
            return []  # a state paying for its own works, or the first place named is in no state
        return [
            Hit(
                cue.kind,
                src.ids,
                ids,
                cue,
                i,
                item_text=p.text(start, min(cut_item(p, start, end), stop - 1 if stop <= ph.last else end)),
            )
        ]
    return []


def _funded_by(p: Parse, i: int, v: int, cue: Cue, works: str) -> list[Hit]:
    """A work "financed by China", "a pier and a dry dock, all financed by a Chinese grant": a grant of the work.

    The work is a work noun (or "project") among the words before the verb; it is for the state of the
    first place the sentence names before the verb, else for the state the story is about.
    """
    by = p.pp(v, ("by",), limit=4)
    if by is None or by.np < 0 or p.phrases[by.np].prep_at != v + 1:
        return []
    before = range(v - 1, max(-1, v - 25), -1)
    projects = ("project", "projects") if works == "funded_works" else ()
    k = next((j for j in before if p.g.has(works, p.low[j]) or p.low[j] in projects), -1)
    if k < 0 or any(p.low[j] in ("its", "their", "own") for j in range(max(0, k - 2), k)):
        return []  # "its own barracks, financed by the state": no work of another's
    named = (x for j in range(v) if p.tokens[j].anchor >= 0 for x in p.anchors[p.tokens[j].anchor].id.split("|"))
    states = [x for x in map(state_of, named) if _STATE.fullmatch(x) and x not in by.ids]
    home = states[0] if states else p.context.focus(exclude=by.ids)
    if not home or not _STATE.fullmatch(home):
        return []
    return [Hit(cue.kind, by.ids, (home,), cue, i, item_text=f"financing of the {p.low[k]}")]
