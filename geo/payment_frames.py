"""Paid upkeep: "Turkey pays the salaries of Somali special forces units".

A state that pays another's soldiers, officials or police keeps that force going; SIPRI and event
coders count such budget support as aid, and the gold conventions count salary payments as
transfers. The payer is the paying verb's subject; the one paid is the owner of the pay: the
"of" phrase after the pay noun ("the salaries of Somali units") or its possessor ("their wages").
Pay nouns are a table (``pay_nouns`` in grammar.toml); without one near the verb nothing is read.
"""

from __future__ import annotations

from geo.clauses import Parse
from geo.cuetable import Cue
from geo.slots import Hit, possessor_in

__all__ = ["paid_for"]


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
