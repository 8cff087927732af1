"""Who hosts a footprint, and who is named beside it as the owner of another.

"Djibouti hosts military bases of the United States, China and France", "Qatar hosts
several foreign bases: American, British and Turkish": the guests' sway over the host.
In "Russia's air base in Syria sits near a Turkish base" Turkey owns a base of its own
and hosts none of Russia's; after a preposition of place ("at Turkish bases") the state
is the host.
"""

from __future__ import annotations

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.grammar import Phrase
from geo.slots import Hit, noun_after, state_of

__all__ = ["hosted", "hosts_named"]


def hosted(p: Parse, i: int, v: int, cue: Cue) -> list[Hit]:
    """In "Djibouti hosts military bases of the United States, China and France": the guests' sway."""
    guest = p.object(v)
    if guest is None:
        j = noun_after(p, v, set(cue.opt("needs", [])), 4)
        guest = p.pp(j, ("of",), limit=2) if j >= 0 else None
        if guest is None:
            guest = _colon_list(p, noun_after(p, v, set(cue.opt("needs", [])), cue.opt("needs_within", 5)))
    host = p.subject(v)
    if guest is None or host is None or any(p.g.has("past_office", w) for w in p.low[v + 1 : v + 4]):
        return []  # "hosts the former French naval base": a footprint of the past
    if all(g.startswith(("other:", "city:", "admin1:")) for g in guest.ids):
        # "hosts Al Udeid air base, the largest U.S. military facility": the owner the apposition names
        last = p.phrases[guest.np].last if guest.np >= 0 else v
        comma = next((k for k in range(last + 1, min(len(p.low), last + 4)) if p.low[k] == ","), -1)
        after = next((q for q, ph in enumerate(p.phrases) if comma < ph.first <= comma + 4), -1) if comma > 0 else -1
        guest = p.side(after) if after >= 0 else None
        if guest is None or any(g.startswith(("other:", "city:", "admin1:")) for g in guest.ids):
            return []  # "hosts Souda Bay naval base": a site of its own
    guest = _owners_after(p, guest)
    # "hosts Camp Lemonnier, the US base, and a Chinese one": the site is no guest; nor is a region ("give landlocked
    # Sahel states access to the Atlantic through its ports"): only states and their forces hold a footprint
    guests = tuple(g for g in guest.ids if not g.startswith(("other:", "city:", "admin1:", "region:", "sea:")))
    if not guests:
        return []
    # "Al Udeid hosts 10,000 American personnel": a base or a town hosts them for its state
    members = tuple(dict.fromkeys(state_of(h, ("city:", "admin1:", "other:")) for h in host.ids))
    return [Hit("influence", guests, (), cue, i, members=members)]


def _owners_after(p: Parse, guest: Side) -> Side:
    """The guest, with the owners of further footprints listed after it: "hosts a US base and China's first base"."""
    q = guest.np
    ids = list(guest.ids)
    while 0 <= q < len(p.phrases) - 1:
        ph, nxt = p.phrases[q], p.phrases[q + 1]
        gap = p.low[ph.last + 1 : nxt.first]
        k = len(gap) - (2 if gap[-2:] == [",", "and"] else 1)
        noun = gap[:k]  # the first footprint's own noun when the phrase stops before it ("a US | air base | and")
        if k < 0 or gap[k:] not in (["and"], [",", "and"]) or not nxt.possessive or len(noun) > 4:
            break
        end = _owned_footprint_end(p, nxt)
        if (noun and _footprint_end(p, ph.last + 1) < 0) or end < 0 or _own_clause_at(p, end):
            break  # "hosts a US base, and China's navy patrols nearby": a clause of its own
        ids.extend(x for a in nxt.anchors for x in p.anchors[a].id.split("|") if x not in ids)
        q += 1
    ids.extend(x for x in _listed_after_semicolons(p, guest) if x not in ids)
    return Side(tuple(ids), guest.np, guest.how) if len(ids) > len(guest.ids) else guest


def _listed_after_semicolons(p: Parse, guest: Side) -> list[str]:
    """Owners of the footprints a semicolon list goes on with after the guest.

    "hosts Camp Lemonnier, the US base; France's largest military presence; Japan's only overseas base; and
    an Italian support base used by its navy": France, Japan and Italy.
    """
    start = p.phrases[guest.np].last + 1 if guest.np >= 0 else len(p.low)
    out: list[str] = []
    for k in range(start, len(p.low) - 1):
        if p.low[k] != ";":
            continue
        j = k + 1 + (p.low[k + 1] == "and")
        j += p.low[j] in ("a", "an", "the")
        pi = p.phrase_at[j] if j < len(p.low) else -1
        if pi < 0 or p.phrases[pi].first not in (j, j - 1):
            break  # the list is over: a clause of its own follows the semicolon
        ph = p.phrases[pi]
        demonym = all(p.anchors[a].how == "demonym" for a in ph.anchors)
        end = _owned_footprint_end(p, ph)
        if not (ph.possessive or demonym) or end < 0 or _own_clause_at(p, end, participle=True):
            break  # "; China's navy patrols nearby": a clause of its own
        out.extend(x for a in ph.anchors for x in p.anchors[a].id.split("|"))
    return out


def _owned_footprint_end(p: Parse, ph: Phrase) -> int:
    """The token after the footprint an owner's phrase names ("China's first base", "an Italian base"), or -1."""
    mark = next((t for t in range(ph.first, ph.last + 1) if p.low[t] in ("'s", "’s")), -1)
    if mark < 0 and not ph.possessive:
        mark = next(t for t in range(ph.first, ph.last + 1) if p.tokens[t].anchor >= 0)  # the demonym itself
    return _footprint_end(p, mark + 1 if mark >= 0 else ph.last + 1)


def _colon_list(p: Parse, j: int) -> Side | None:
    """The owners a colon lists after the noun at j: "hosts foreign bases: the United States at X, China at Y"."""
    colon = next((k for k in range(j + 1, min(len(p.low), j + 5)) if p.low[k] == ":"), -1) if j >= 0 else -1
    ids: list[str] = []
    for t in range(colon + 1, len(p.low) if colon > 0 else 0):
        k = p.tokens[t].anchor
        if k >= 0 and p.anchors[k].kind == "country" and not p.g.has("prepositions", _governor(p, t)):
            ids.extend(x for x in p.anchors[k].id.split("|") if x not in ids)
    return Side(tuple(ids), -1) if ids else None


_BESIDE = ("near", "beside", "alongside", "from", "outside")  # "near a Turkish base": beside it, not at it


def hosts_named(p: Parse, ph: Phrase) -> list[str]:
    """The ids of ph that may host a footprint: not those that own another one named beside it.

    "near a Turkish base", "and China's first overseas military base", "China at its naval base": owners.
    After a preposition of place the state is the host ("at Poland's air bases", "through Peruvian bases").
    """
    out: list[str] = []
    for t in range(ph.first, ph.last + 1):
        k = p.tokens[t].anchor
        if k < 0:
            continue
        a = p.anchors[k]
        after = t + 2 if p.low[t + 1 : t + 2] in (["'s"], ["’s"]) else t + 1
        gov = _governor(p, t)
        hosting = p.g.has("prepositions", gov) and gov not in _BESIDE
        if (a.how == "demonym" or after > t + 1) and not hosting and _footprint_noun(p, after):
            continue
        nxt = t + 2 if p.low[t + 1 : t + 2] == [","] else t + 1  # "France, whose garrison is its biggest"
        if p.low[nxt : nxt + 2] in (["at", "its"], ["with", "its"]) or (
            p.low[nxt : nxt + 1] == ["whose"] and _footprint_noun(p, nxt + 1)
        ):
            continue
        out.extend(x for x in a.id.split("|") if x not in out)
    return out


def _governor(p: Parse, t: int) -> str:
    """The word before token t, past a determiner: "at" in "at the Turkish base"."""
    k = t - 2 if t > 1 and p.g.has("determiners", p.low[t - 1]) else t - 1
    return p.low[k] if k >= 0 else ""


def _footprint_noun(p: Parse, j: int) -> bool:
    """A presence noun opens at j, after at most three modifiers ("first overseas military base")."""
    return _footprint_end(p, j) >= 0


def _footprint_end(p: Parse, j: int) -> int:
    """The token after the presence noun that opens at j past at most three modifiers (-1: none opens there)."""
    for k, w in enumerate(p.low[j : j + 4], j):
        if p.g.has("presence_nouns", w):
            while k + 1 < len(p.low) and p.g.has("presence_nouns", p.low[k + 1]):
                k += 1  # "military base", "air base"
            return k + 1
        if not w.isalpha() or p.g.has("prepositions", w) or w in ("and", "or"):
            return -1
    return -1


def _own_clause_at(p: Parse, k: int, *, participle: bool = False) -> bool:
    """Whether the word at k, right after a footprint noun, opens a clause of its own ("navy patrols nearby").

    A preposition or "and" goes on with the footprint's phrase, and with ``participle`` a past participle
    too ("an Italian support base used by its navy").
    """
    w = p.low[k] if k < len(p.low) else "."
    goes_on = p.g.has("prepositions", w) or w in ("and", "or") or (participle and w.endswith("ed") and p.finite(w))
    return w.isalpha() and not goes_on
