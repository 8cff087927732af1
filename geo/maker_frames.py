"""Clause frames of goods named by their maker: "Y fired X-made missiles", "ITEM from X arrived in Y".

A state's weapons, fuel or power are told by who uses or receives them, and the maker's name (a
demonym, a firm, the system's own name) says who supplied them. See :mod:`geo.frames` for the frame
contract.
"""

from __future__ import annotations

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.item_spans import topic_maker
from geo.items import item_phrases, system_maker
from geo.slots import Hit, after_saying, cut_item, maker_in, owner_of, resumed_start

__all__ = ["arrive_maker", "sighted_maker", "use_maker"]


def use_maker(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "Y fired X-made missiles", "the use of Iranian drones by Y": maker → user."""
    v = i + n - 1
    c = p.clause(v)
    # "Israeli jets struck Hezbollah targets using American bombs": a state's jets use them for it
    user = p.pp(v, ("by",), limit=14) if cue.pos == "noun" or p.passive(v) else p.subject(v, platforms=True)
    user = owner_of(p, i) if cue.opt("owned") else user  # "the navy's fleet of Russian-built MiG-29Ks"
    if user is None:
        return []
    s, e = (v + 1, c.last) if not p.passive(v) else (_participle_head(p, i, c.first), i - 1)
    aimed = [
        k
        for k in range(s, e + 1)
        if p.low[k] in ("at", "against", "on", "into", "toward", "towards", "alongside", "beside", "with")
    ]
    aimed += [k for k in range(s, e) if p.low[k] == "to" and p.phrase_at[k + 1] < 0 and p.tokens[k + 1].text.islower()]
    if aimed and not p.passive(v):
        e = min(aimed) - 1  # "launched drones at Saudi oil facilities", "deploy them to hunt Russian submarines"
    if any(w in ("seized", "captured", "intercepted", "confiscated") for w in p.low[s : e + 1]):
        return []  # "found uses for seized Iranian munitions": taken, never given
    if p.low[v].startswith("launch") and p.g.words["satellite_nouns"].intersection(p.low[s : e + 1]):
        return []  # "will launch four South Korean satellites": a launch service, the launch-for cue's
    fleet = p.g.has("fleet_verbs", p.low[v])  # "Egypt flies F-16s": a fleet names its maker by the system's name
    # "flies Soviet-era MiG-29s": an old design's name tells no supplier of today
    maker = maker_in(p, s, e, user.ids, item_head=True, systems=fleet and not old_design(p, s, e))
    supplied = maker is None and p.g.has("dependence_verbs", p.low[i])
    if supplied:
        maker, e = _supplied_from(p, s, e, user)  # "Egypt relies on gas from Israel": the supplier
    if maker is None:
        return []
    if (
        not supplied
        and maker.np >= 0
        and not p.phrases[maker.np].head
        and not (p.phrases[maker.np].last + 2 < len(p.low) and p.low[p.phrases[maker.np].last + 1] == "-")
    ):
        return []
    text = p.text(s, cut_item(p, s, e))
    items = item_phrases(text)
    if not items:
        return []
    if len(items) > 1:
        # "flies F-16s and Rafales", "fields Turkish drones and Chinese jets": each item from its own maker
        out = []
        for (item, _), (a, b) in zip(items, _pieces(p, s, e), strict=False):
            own = tuple(
                dict.fromkeys(p.anchors[p.tokens[k].anchor].id for k in range(a, b + 1) if p.tokens[k].anchor >= 0)
            )
            made_by = system_maker(item) if fleet else None
            src = own if own else (made_by,) if made_by else maker.ids
            if not set(src) & set(user.ids):
                out.append(Hit("transfer", src, user.ids, cue, i, item_text=item))
        if len({h.source for h in out}) > 1 or fleet:
            return out
    return [Hit("transfer", maker.ids, user.ids, cue, i, item_text=text)]


def _supplied_from(p: Parse, s: int, e: int, user: Side) -> tuple[Side | None, int]:
    """The from-phrase after the goods one depends on ("relies on gas from Israel"), and where the goods end."""
    frm = next((ph for ph in p.phrases if s < ph.first <= e and ph.prep == "from"), None)
    if frm is None or set(p.ids(frm)) & set(user.ids) or not item_phrases(p.text(s, frm.prep_at - 1)):
        return None, e
    return p.side(p.phrases.index(frm)), frm.prep_at - 1


def _participle_head(p: Parse, i: int, first: int) -> int:
    """Where the noun phrase a passive participle tells of starts: "shot down a drone [launched by ...]"."""
    if i > 0 and (p.g.has("be_forms", p.low[i - 1]) or p.low[i - 1] in ("been", "being")):
        return first  # "missiles were launched by the Houthis": the clause's subject
    k = i
    while k > first and (
        p.low[k - 1] in ("a", "an", "the", "and", ",", "-")
        or (k >= 2 and p.low[k - 2] == "-")  # "Iranian-made"
        or not (p.is_function(p.low[k - 1]) or p.finite(p.low[k - 1]) or p.low[k - 1] in ("down", "up", "off", "out"))
    ):
        k -= 1
    return k


def _pieces(p: Parse, s: int, e: int) -> list[tuple[int, int]]:
    """The token stretches of a list between s and e, split at commas and "and"."""
    out, a = [], s
    for k in range(s, e + 1):
        if p.low[k] in (",", "and"):
            if k > a:
                out.append((a, k - 1))
            a = k + 1
    return out + ([(a, e)] if a <= e else [])


def arrive_maker(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "ITEM from X arrived in Y", "India's Pinaka launchers reached Armenia"."""
    v = i + n - 1
    if p.low[i].endswith("ing") and i > 0 and p.g.has("item_words", p.low[i - 1]):
        return []  # "lasers pointed at aircraft landing at the base": aircraft on their way, no delivery
    c = p.clause(v)
    # "the ministry said six Akinci drones had arrived": what arrived follows the verb of saying
    first = after_saying(p, resumed_start(p, c, i), i, that=True)
    before = {ph.prep: p.side(pi) for pi, ph in enumerate(p.phrases) if first <= ph.first < i and ph.prep}
    # "the first howitzers for Norway arrived from South Korea": whom they are for, where they came from
    buyer = before.get("for")  # "the first howitzers for Norway arrived", never "a contract for Lockheed jets"
    dest = p.pp(v, ("in", "at", "to", "into"), limit=8) or p.object(v)
    if dest is not None and dest.np >= 0 and any(p.finite(w) for w in p.low[v + 1 : p.phrases[dest.np].first]):
        dest = None  # "the day the Russian ships arrived the submarine docked at Guantanamo": another verb's place
    dest = dest or (buyer if buyer and buyer.how != "company" else None)
    if dest is None or p.g.words["visit_nouns"].intersection(p.low[v + 1 : c.last + 1]):
        return []  # "two Chilean frigates arrived in Lima for a port call": a visit, nothing handed over
    src = before.get("from") or p.pp(v, ("from",), limit=4)
    if src is None or p.g.words["carrying_words"].intersection(p.low[first:i]):
        # "tanker trucks carrying Iranian diesel rolled in from Syria": the cargo's maker sends, the road is a route
        src = maker_in(p, first, i - 1, dest.ids, systems=True) or src
    text = p.text(first, verb_group_start(p, first, i) - 1)  # "Romanian gas continues to flow": the gas
    src = src or topic_maker(p, text, dest.ids)  # "- M1A2T Abrams. The first 38 of 108 tanks arrived at Taichung"
    struck = (p.g.words["debris_nouns"] | p.g.words["firing_participles"]).intersection(p.low[first:i])
    if src is None or not item_phrases(text) or struck:
        return []
    return [Hit("transfer", src.ids, dest.ids, cue, i, item_text=p.context.topic if src.how == "topic" else text)]


def _made_maker(p: Parse, s: int, e: int) -> Side | None:
    """The maker an "X-made", "X-built" compound names between s and e ("Iranian-made Mohajer-6 drones").

    Also a state's adjective before a system that state makes ("Iranian Mohajer-6 drones").
    """
    for k in range(max(s, 2), e + 1):
        if p.g.has("compound_maker_participles", p.low[k]) and p.low[k - 1] == "-" and p.phrase_at[k - 2] >= 0:
            return p.side(p.phrase_at[k - 2])
    # a state's adjective before a system its state makes: "Iranian Mohajer-6 drones" (not "Iranian drones")
    for k in range(max(s, 0), e):
        pi = p.phrase_at[k]
        if pi >= 0 and p.anchors[p.tokens[k].anchor].how == "demonym":
            maker = system_maker(p.text(k + 1, min(e, k + 4)))
            return p.side(pi) if maker is not None and maker in p.ids(p.phrases[pi]) else None
    return None


def _kit_holder(p: Parse, kit: int) -> Side | None:
    """Whose the base or arsenal at ``kit`` is.

    The actor right before it ("the Sudanese army's arsenal"), else the first one named just after it
    ("air base north of Omdurman", "the hands of junta troops").
    """
    if kit > 0 and p.phrase_at[kit - 1] >= 0:
        return p.side(p.phrase_at[kit - 1])
    for k in range(kit + 1, min(len(p.low), kit + 7)):
        if p.phrase_at[k] >= 0:
            return p.side(p.phrase_at[k])
        if p.finite(p.low[k]) or p.low[k] in (";", "."):
            return None
    return None


def sighted_maker(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A foreign-made weapon seen in a state's hands: maker → holder.

    "Iranian-made drones have been spotted at a Sudanese air base", "Turkish-made drones have appeared in
    the army's arsenal", "satellite images showed Iranian-made drones at X air base". Only an item its
    maker's compound names ("X-made"), and only where a force keeps its kit (a base, an arsenal, the
    hands of its troops): drones seen over a city they strike were sent by no one to it.
    """
    v = i + n - 1
    c = p.clause(v)
    first = after_saying(p, resumed_start(p, c, i), i, that=True)
    maker = _made_maker(p, first, i - 1)
    after = maker is None  # "satellite images showed Iranian-made drones at Wadi Seidna air base"
    maker = maker or _made_maker(p, v + 1, min(c.last, v + 8))
    if maker is None:
        return []
    kit = next((k for k in range(v + 1, min(len(p.low), v + 18)) if p.g.has("kit_places", p.low[k])), -1)
    holder = _kit_holder(p, kit) if kit >= 0 else None
    if holder is None or holder.np < 0 or set(holder.ids) & set(maker.ids):
        return []
    s, e = (v + 1, min(kit, p.phrases[holder.np].first) - 1) if after else (first, i - 1)
    text = p.text(s, cut_item(p, s, e))
    return [Hit("transfer", maker.ids, holder.ids, cue, i, item_text=text)] if item_phrases(text) else []


def verb_group_start(p: Parse, first: int, v: int) -> int:
    """Where the verb group of v begins after ``first``: "drones had arrived", "gas continues to flow"."""
    for k in range(first + 1, v):
        if (p.g.has("auxiliaries", p.low[k]) and p.low[k].isalpha()) or p.low[k + 1 : k + 3] == ["to", p.low[v]]:
            return k
    return v


def old_design(p: Parse, s: int, e: int) -> bool:
    """An "-era" qualifier in the item stretch: "Soviet-era MiG-29s", "Cold War-era tanks"."""
    return any(w == "era" or w.endswith(("-era", "‐era")) for w in p.low[s : e + 1])
