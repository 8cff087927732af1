"""Targets that a relative or summing clause names rather than an object after the verb.

"Chile bought Norwegian frigates, a purchase that Peru condemned": Peru acts on the clause summed
up. "Russia, which he has accused of ...", "the LNA, which Moscow has armed": the relative's own
subject acts on its antecedent.
"""

from __future__ import annotations

from geo.clauses import Parse, Side

__all__ = ["relative_object", "summed_up"]


def summed_up(p: Parse, v: int, src: Side) -> Side | None:
    """In "Chile bought Norwegian frigates, a purchase that Peru condemned": the actor of the clause summed up."""
    k = v - 1
    if src.np >= 0 and p.phrases[src.np].last == v - 1:
        k = p.phrases[src.np].first - 1
    if k >= 0 and p.low[k] in ("that", "which"):
        k -= 1
    if not (k >= 2 and p.g.has("summary_nouns", p.low[k]) and p.low[k - 1] in ("a", "an") and p.low[k - 2] == ","):
        return None
    actor = p.subject(k - 3, exclude=frozenset(src.ids))
    return actor if actor is not None and actor.np != src.np else None


def relative_object(p: Parse, v: int, src: Side | None) -> Side | None:
    """In "Russia, which he has accused of ...": a pronoun acts in the relative clause, on its antecedent."""
    c = p.clause(v)
    if c.marker not in ("which", "whom") or c.antecedent < 0 or src is None:
        return None
    # "the LNA, which Moscow has armed since 2019": a named subject opens the clause, its antecedent is the object
    ph = p.phrases[src.np] if src.np >= 0 else None
    named = ph is not None and not ph.prep and (ph.first == c.first + 1 or p.low[c.first + 1 : ph.first] == ["the"])
    named = (
        named
        and ph is not None
        and not any(  # its own verb: "which blamed Tehran for arming" names no object
            p.finite(w) and not p.g.has("auxiliaries", w) for w in p.low[ph.last + 1 : v]
        )
    )
    if not (p.pronoun_subject(c) or named):
        return None
    ante = p.side(c.antecedent)
    return ante if not set(ante.ids) & set(src.ids) else None
