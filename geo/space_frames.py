"""Launch services: a satellite put into orbit for another state is a transfer from the launcher's state.

"A Russian Soyuz rocket carried two Iranian satellites into orbit", "SpaceX launched South Korea's first
spy satellite", "India launched a satellite for Nepal", and in the passive "South Korea's satellite was
placed into orbit aboard a SpaceX rocket". The launcher is the subject (a state's rocket acts for it) or
the agent or the rocket named after "aboard"; the owner is the satellite's possessor or demonym, the
for-phrase, or whoever the satellite was built, developed or ordered by. A state launching its own
satellite hands nothing over.

See :mod:`geo.frames` for the frame contract.
"""

from __future__ import annotations

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.slots import Hit, state_of

__all__ = ["launched"]

_LAUNCH_VERBS = ("launch", "loft")  # verbs that launch by themselves; the others need "into orbit"


def launched(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A transfer from the state that launches a satellite to the state it is launched for (see the module)."""
    v = i + n - 1
    c = p.clause(v)
    if not p.low[v].startswith(_LAUNCH_VERBS) and "orbit" not in p.low[v + 1 : c.last + 1]:
        return []  # "put pressure on", "carried crude": no launch
    if p.passive(v):
        sat = _satellite(p, c.first, v)
        owner = _owner(p, c.first, sat) if sat >= 0 else None
        launcher = p.agent(v) or _aboard(p, v, c.last)
    else:
        sat = _satellite(p, v + 1, min(c.last, v + 12) + 1)
        owner = (_owner(p, v + 1, sat) if sat >= 0 else None) or p.pp(v, ("for",), limit=14)
        launcher = p.subject(v, platforms=True) or _launch_site(p, c.first, v)
    if sat >= 0 and (owner is None or (launcher is not None and set(owner.ids) & set(launcher.ids))):
        owner = _made_by(p, sat)  # "launched Khayyam, a Russian-built satellite ordered by Iran"
    if sat < 0 or owner is None or launcher is None or set(owner.ids) & set(launcher.ids):
        return []
    start = next(
        (k + 1 for k in range(sat - 1, max(-1, sat - 4), -1) if not p.is_word(k) or p.is_function(p.low[k])), sat
    )
    done = p.low[v].endswith("ed") and not (v > 0 and p.g.has("auxiliaries", p.low[v - 1]))  # not "will be launched"
    return [Hit("transfer", launcher.ids, owner.ids, cue, i, item_text=p.text(start, sat), extra={"done": done})]


def _launch_site(p: Parse, first: int, v: int) -> Side | None:
    """The state of the site a rocket flew from, named in the subject: "a Soyuz rocket from Vostochny"."""
    q = next((q for q, ph in enumerate(p.phrases) if first <= ph.first < v and ph.prep == "from"), -1)
    return Side(tuple(state_of(x) for x in p.side(q).ids)) if q >= 0 else None


def _satellite(p: Parse, first: int, end: int) -> int:
    """The first "satellite(s)" from token first up to end, or -1."""
    return next((k for k in range(first, end) if p.g.has("satellite_nouns", p.low[k])), -1)


def _owner(p: Parse, first: int, sat: int) -> Side | None:
    """The possessor or demonym on the satellite: "South Korea's first spy satellite", "two Iranian satellites"."""
    named = [q for q, ph in enumerate(p.phrases) if first <= ph.first < sat and not ph.prep]
    return p.side(named[-1]) if named and sat - p.phrases[named[-1]].last <= 5 else None


def _aboard(p: Parse, v: int, last: int) -> Side | None:
    """The rocket's state after "aboard": "placed into orbit aboard a SpaceX Falcon 9 rocket"."""
    k = next((k for k in range(v + 1, last) if p.low[k] == "aboard"), -1)
    q = next((q for q, ph in enumerate(p.phrases) if k >= 0 and k < ph.first <= k + 3), -1)
    return p.side(q) if q >= 0 else None


def _made_by(p: Parse, sat: int) -> Side | None:
    """Whom an apposition says the satellite is for: "a remote-sensing satellite developed by Iran's agency"."""
    k = next((k for k in range(sat + 1, min(len(p.low), sat + 4)) if p.g.has("owning_participles", p.low[k])), -1)
    return p.pp(k, ("by", "for"), limit=3) if k >= 0 else None
