"""Licensed production: "frigates built by a Chilean yard under licence from Germany's TKMS".

SIPRI counts production under licence as a transfer from the licensor's state to the producer's
(see ../shared/notes/relation-cues.md): the design, the know-how and often the kits cross the
border even when the hull is welded at home. The licensor is named after "licence from" or
"licensed from", or by an adjective before the licence ("a French licence"), or as the designer
("corvettes designed by Italy's Fincantieri", built at home); the producer is the
one that builds: the building verb's subject or agent ("Kenya Shipyards is building ...", "built by
PT PAL"), else the state of the place it is built in ("at its Avadi factory", "in Mumbai"), else
the state the story is about.
"""

from __future__ import annotations

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.items import item_phrases
from geo.slots import Hit, cut_item, noun_before_participle, owner_of, state_of

__all__ = ["licensed"]


def licensed(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A transfer by licence: the licensor gives the item the producer builds (see the module)."""
    v = i + n - 1
    c = p.clause(v)
    w = p.low[v]
    make = next((k for k in range(v - 1, c.first - 1, -1) if p.g.has("making_words", p.low[k])), -1)
    if w == "designed":  # "corvettes designed by Italy's Fincantieri": the design is the licence
        src = p.pp(v, ("by",), limit=2)
        make = v if make < 0 else make
    elif w == "licensed":
        src = p.pp(v, ("from",), limit=4)
    elif "under" in p.low[max(c.first, i - 3) : i]:
        src = p.pp(v, ("from",), limit=4) or owner_of(p, i)
    else:
        return []
    if src is None or make < 0:
        return []
    src = Side(tuple(state_of(x) for x in src.ids), src.np, src.how)
    tgt = _producer(p, make, v, src)
    if tgt is None or set(tgt.ids) & set(src.ids):
        return []
    text = _made_item(p, make, v)
    if text is None:
        return []
    return [Hit("transfer", src.ids, tgt.ids, cue, i, item_text=text)]


def _producer(p: Parse, make: int, v: int, src: Side) -> Side | None:
    """Who builds: the making verb's agent or subject, else the state it builds in, else the story's state."""
    c = p.clause(v)
    agent = p.pp(make, ("by",), limit=6)
    if agent is not None and not set(agent.ids) & set(src.ids):
        return agent
    subj = p.subject(make, exclude=frozenset(src.ids))
    if subj is not None and (subj.np < 0 or p.phrases[subj.np].last < make):
        return subj
    for ph in p.phrases:  # "in Mumbai", "at its Avadi factory in Tamil Nadu"
        if c.first <= ph.first <= c.last and ph.prep in ("in", "at"):
            ids = tuple(state_of(x) for x in p.ids(ph))
            if all(len(x) == 2 for x in ids) and not set(ids) & set(src.ids):
                return Side(ids, -1, "place")
    focus = p.context.focus(exclude=src.ids)
    return Side((focus,), -1, "context") if focus and p.context.mentions.get(focus, 0) >= 3 else None


def _made_item(p: Parse, make: int, v: int) -> str | None:
    """What is built under the licence.

    The making verb's object ("is building four patrol vessels under licence"), or what the
    participle follows ("six boats, built by the SIMA yard"), or the clause's subject.
    """
    c = p.clause(v)
    k = make + 1
    while k < v and (p.low[k] in ("under", "a", "an", "the") or p.phrase_at[k] >= 0):
        k += 1
    after = p.text(k, cut_item(p, k, v - 1)) if k < v else ""
    if item_phrases(after):
        return after
    start = noun_before_participle(p, make)
    before = p.text(start, make - 1) if start < make else ""
    if not item_phrases(before):
        before = p.text(c.first, make - 1) if c.first < make else ""
    return before if item_phrases(before) else None
