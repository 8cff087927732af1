"""Clause frames: which phrase of a clause fills a cue's source and which its target.

Each frame is a small function ``frame(parse, i, n, cue) -> list[Hit]``: the
cue's trigger spans tokens ``i .. i+n-1`` of the sentence ``parse``
(:class:`geo.clauses.Parse`), and the cue table entry ``cue``
(:class:`geo.cuetable.Cue`) names the frame and its options. A frame reads
the clause's roles (subject, object, to/from/with/by phrases, possessor,
apposition) and returns :class:`Hit` records; :mod:`geo.relations` turns
them into findings. The frames, in the order of the cue table:

agent-patient
    "X backed Y", "X clashed with Y", "Y, backed by X": the subject is the
    source and the object (or the phrase of one of ``preps``) the target; a
    passive takes the source from its by-phrase. With ``symmetric`` a
    coordinated subject and no object gives every pair ("A and B signed").
give / get
    a transfer told from the supplier ("X sold ITEM to Y", "X supplied Y with
    ITEM") or from the recipient ("Y bought ITEM from X"); the item is the
    stretch between the cue and the other party.
between / possessor / compound / subject-noun
    a relation stated by a noun: "tensions between A and B", "A's war in B",
    "the A-B pact", "[A ...] tensions with B".
relational
    "A's ally B", "B, an ally of A", "B, A's patron": the noun names one side.
compound-adjective
    "A-backed B", "A-led war in B", "A-supplied drones".
presence
    troops, bases and influence of X in A, B and C: a sphere of influence.
thank-for, use-maker, arrive-maker, participants
    "Y thanked X for its support", "Y fired X-made missiles", "X's cargo
    reached Y", "joint drills held by A and B".
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.items import item_phrases, relative_item, share, system_maker
from geo.noun_frames import (
    between,
    compound,
    compound_adjective,
    possessor,
    presence,
    relational,
    subject_noun,
)
from geo.slots import (
    Frame,
    Hit,
    after_verb,
    blocked_by,
    content_actor,
    cut_item,
    hit,
    items_after,
    maker_in,
    noun_after,
    noun_before,
    objects_before,
    owner_of,
    pairs,
    reacted_to,
    shares,
)

__all__ = ["FRAME_FUNCTIONS", "Hit"]


def _needed_noun(p: Parse, i: int, v: int, cue: Cue) -> int | None:
    """The noun a ``needs`` cue must find near its verb (the anchor of its phrases), or None to drop the cue.

    "deployed troops to": the verb counts only with one of the needed nouns within reach; without
    ``needs`` the verb itself is the anchor.
    """
    needs = cue.opt("needs")
    if not needs:
        return v
    j = noun_after(p, v, set(needs), cue.opt("needs_within", 8))
    if j < 0 and cue.opt("passive_owner") and p.passive(v):
        j = noun_before(p, i, set(needs), cue.opt("needs_within", 8))  # "soldiers had been deployed"
    if j < 0 or (cue.opt("not_with_item") and items_after(p, j)):
        return None
    if cue.kind == "alliance" and j > 0 and p.g.has("peace_words", p.low[j - 1]):
        return None  # "signed a peace deal with the TPLF": the end of a war, not an alliance
    return j


def _passive_agent_patient(p: Parse, i: int, v: int, cue: Cue, preps: list[str]) -> list[Hit]:
    """In "Y was backed by X": the by-phrase is the source and the subject the target."""
    src = p.agent(v)
    tgt = p.subject(v)
    if src is None and cue.opt("passive_owner") and tgt is not None:
        # "11,000 North Korean soldiers had been deployed to Russia": the soldiers' state sends them
        return hit(cue, i, tgt, p.pp(v, preps, limit=cue.opt("pp_within", 25)) if preps else None)
    if v >= 2 and p.low[v - 1] in ("both", "all") and p.low[v - 2] == ",":
        # "fought Hezbollah in Lebanon and Hamas in Gaza, both backed by Iran"
        tgt = objects_before(p, v - 2) or tgt
    return hit(cue, i, src, tgt)


def _event_actor(p: Parse, v: int, src: Side) -> Side | None:
    """In "issued statements criticising the incursion": whoever the story says carried the event out."""
    j = v + 1
    while j < len(p.low) and j <= v + 3 and (p.g.has("determiners", p.low[j]) or p.low[j] in ("latest", "recent")):
        j += 1
    if j < len(p.low) and p.g.has("event_nouns", p.low[j]) and not set(p.context.conflict) & set(src.ids):
        return Side(p.context.conflict, -1, "context")
    return None


def _sold_to(p: Parse, v: int) -> Side | None:
    """The buyer of a sale a hostile act stops: "Britain has blocked the sale of components to Argentina"."""
    for k in range(v + 1, min(p.clause(v).last, v + 4) + 1):
        if p.g.has("sale_nouns", p.low[k]):
            return p.pp(k, ("to",), limit=10)
    return None


def _active_target(p: Parse, v: int, anchor_v: int, cue: Cue, src: Side | None, preps: list[str]) -> Side | None:
    """The target of an active cue: its object, else an event's actor, a phrase of ``preps`` or a content clause."""
    tgt = p.object(v) if cue.opt("object", True) else None
    if tgt is not None and src is not None and set(tgt.ids) <= set(src.ids) and preps:
        tgt = None  # "recalled its ambassador from Peru": not its own ambassador, the phrase after
    if tgt is None and cue.opt("event_owner") and p.context.conflict and src is not None:
        tgt = _event_actor(p, v, src)
    if tgt is None and cue.opt("sale_target"):
        tgt = _sold_to(p, v)
    if tgt is None and preps:
        start = v if cue.opt("pp_from_verb") else anchor_v
        tgt = p.pp(start, preps, limit=cue.opt("pp_within", 25))
    if tgt is None and cue.opt("content"):
        tgt = content_actor(p, v)
    return tgt


def agent_patient(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "X backed Y", "Y was backed by X", "A and B signed": subject to object (see the module)."""
    v = i + n - 1
    anchor_v = _needed_noun(p, i, v, cue)
    if anchor_v is None:
        return []
    preps = cue.opt("preps", [])
    if cue.opt("object_vs_pp"):
        # "the war pits the army against the RSF": the object against the phrase
        obj = p.object(v)
        return hit(cue, i, obj, p.pp(v, preps, limit=12) if obj else None)
    if p.passive(v) and cue.opt("passive", True):
        return _passive_agent_patient(p, i, v, cue, preps)
    src = p.subject(v, platforms=cue.kind == "conflict" or bool(cue.opt("platforms")))
    if cue.opt("copula") and (
        not any(p.g.has("copulas", w) for w in p.low[max(0, i - 4) : i])
        or any(p.g.has("complement_verbs", w) for w in p.low[p.clause(i).first : i])
    ):
        return []  # "A and B are allies", not "A's allies met" nor "X counts A and B as allies"
    heads = cue.opt("subject_head")
    if heads and (src is None or src.np < 0 or p.phrases[src.np].head not in heads):
        return []
    tgt = _active_target(p, v, anchor_v, cue, src, preps)
    if cue.kind == "support" and tgt is not None and _ground(p, tgt):
        return []  # "units guarding the Afghan frontier": ground, not the state it belongs to, is guarded
    if cue.opt("symmetric") and src is not None and len(src.ids) > 1:
        if tgt is None:
            return pairs(cue, i, src.ids)
        if tgt.ids and _target_kind_ok(p, tgt, cue):
            return hit(cue, i, src, tgt) + pairs(cue, i, src.ids)
    if tgt is not None and not _target_kind_ok(p, tgt, cue):
        return []
    return hit(cue, i, src, tgt)


def _ground(p: Parse, side: Side) -> bool:
    """Whether a phrase names ground ("the Afghan frontier"), not a body ("the Philippine coast guard")."""
    if side.np < 0:
        return False
    ph = p.phrases[side.np]
    after = p.tokens[ph.last + 1] if ph.last + 1 < len(p.tokens) else None
    compound = after is not None and after.anchor < 0 and after.text[:1].isalpha() and not p.is_function(after.low)
    return ph.head in p.g.words["place_nouns"] and not compound


def _target_kind_ok(p: Parse, tgt: Side, cue: Cue) -> bool:
    """Whether the target's phrase names a place of one of the cue's ``target_kinds`` (any, without them)."""
    kinds = cue.opt("target_kinds")
    if not kinds or tgt.np < 0:
        return True
    return any(p.anchors[k].kind in kinds for k in p.phrases[tgt.np].anchors)


@dataclass
class _Transfer:
    """The parts of a transfer a frame fills step by step: who gives, who gets, and where the item is told."""

    src: Side | None
    tgt: Side | None
    item_start: int
    item_end: int


def _passive_give(p: Parse, i: int, v: int, cue: Cue, t: _Transfer) -> None:
    """In "72 Typhoons delivered by Britain", "Peru was supplied with ...": the by-phrase gives."""
    c = p.clause(v)
    t.src = p.agent(v)
    subj = p.subject(v)
    said = [k for k in range(c.first, i) if p.g.has("reporting", p.low[k])]
    t.item_start, t.item_end = (said[-1] + 1 if said else c.first), i - 1
    if t.tgt is None and subj is not None and cue.opt("passive_recipient"):
        t.tgt = subj
    if t.tgt is None and i > 0 and p.g.has("item_words", p.low[i - 1]) and _operated(p, c.first, i):
        # "The Saudi air force operates 72 Typhoons delivered by Britain": the operator received them
        src = t.src
        owner = p.subject(i, first=True, exclude=frozenset(src.ids) if src else frozenset())
        t.tgt = owner if owner is not None and owner.np != (src.np if src else -2) else None
        if t.tgt is not None and t.tgt.np >= 0:
            t.item_start = after_verb(p, p.phrases[t.tgt.np].last + 1)  # the item, not its operator


def _operated(p: Parse, start: int, i: int) -> bool:
    """Whether a verb of holding or using comes before i ("operates 72 Typhoons delivered by Britain")."""
    return any(p.g.has("operating_verbs", w) for w in p.low[start:i])


def _active_give(p: Parse, v: int, t: _Transfer) -> None:
    """In "X sold Y ITEM", "X supplied Y with ITEM": the subject gives, an object that is no item gets."""
    c = p.clause(v)
    t.src = p.subject(v)
    if t.tgt is not None:
        return
    obj = p.object(v)
    if obj is not None and obj.np >= 0:
        ph = p.phrases[obj.np]
        if ph.last + 1 < len(p.low) and p.low[ph.last + 1] == "with":
            t.tgt, t.item_start, t.item_end = obj, ph.last + 2, c.last
        elif not ph.head or not any(p.g.has("item_words", w) for w in ph.head.split()):
            t.tgt, t.item_start = obj, ph.last + 1


def _protected(p: Parse, v: int, t: _Transfer) -> None:
    """In "delivered Pantsir air defence systems to protect Pyongyang": for whom they are meant."""
    c = p.clause(v)
    for k in range(v + 1, min(c.last, v + 12)):
        if p.low[k] == "to" and p.g.has("protective_verbs", p.low[k + 1] if k + 1 < len(p.low) else ""):
            t.tgt = p.object(k + 1)
            if t.tgt is not None:
                t.item_end = k - 1
            break


def _owner_of_item(p: Parse, v: int, t: _Transfer) -> None:
    """Whose the items now are: "has supplied much of the Cambodian army's heavy weaponry"."""
    c = p.clause(v)
    for pi, ph in enumerate(p.phrases):
        if v < ph.first <= min(c.last, v + 6) and ph.possessive and ph.last < c.last:
            rest = p.text(ph.last + 1, min(c.last, ph.last + 5))
            if item_phrases(rest) and (t.src is None or not set(p.ids(ph)) & set(t.src.ids)):
                t.tgt, t.item_start = p.side(pi), ph.last + 1
            return


def _bought_by(p: Parse, v: int) -> Side | None:
    """The buyer named after the item: "will deliver six helicopters already purchased by the Colombian army"."""
    c = p.clause(v)
    for k in range(v + 2, c.last):
        if p.low[k] == "by" and p.g.has("buying_participles", p.low[k - 1]):
            return p.pp(k - 1, ("by",), limit=4)
    return None


def _story_recipient(p: Parse, v: int, src: Side) -> Side | None:
    """In "Poland and the Netherlands are also sending tanks": to the recipient the story is about."""
    c = p.clause(v)
    last = p.context.transfer
    if not last or not last[1] or last[1] in src.ids:
        return None
    words = p.low[c.first : c.last + 1]
    if (
        any(w in ("also", "too") for w in words)
        and not any(w in ("to", "for", "into") for w in p.low[v + 1 : c.last + 1])
        and not any(c.first <= ph.first <= c.last and ph.first > v for ph in p.phrases)
    ):
        return Side((last[1],), -1, "context")
    return None


def _given_item(p: Parse, i: int, v: int, cue: Cue, t: _Transfer) -> str | None:
    """The words that name what is given, or None when the clause names no item."""
    c = p.clause(v)
    text = p.text(t.item_start, cut_item(p, t.item_start, t.item_end))
    if item_phrases(text):
        return text
    if cue.pos == "noun":
        k = i - 1  # "stepped up arms deliveries to ...": the words before the noun name the item
        while (
            k >= c.first
            and i - k <= 3
            and p.tokens[k].anchor < 0
            and not p.is_function(p.low[k])
            and not (p.finite(p.low[k]) or p.g.has("particles", p.low[k]))
        ):
            k -= 1
        text = p.text(k + 1, i - 1)
        return text if item_phrases(text) else None
    text = p.text(max(c.first, i - 8), i - 1)
    if c.kind == "rel" and c.marker in ("that", "which"):
        # "corvettes that Chile has handed over to Peru": the item is what the clause hangs on
        text = relative_item(p.text(max(0, c.first - 8), c.first - 1))
    if not item_phrases(text) or p.low[i - 1] in p.verbs:
        return None
    return text


def give(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A transfer told from the supplier: "X sold ITEM to Y", "X supplied Y with ITEM" (see the module)."""
    v = i + n - 1
    c = p.clause(v)
    if cue.opt("no_actor_object") and v + 1 < len(p.low) and p.phrase_at[v + 1] >= 0:
        return []  # "would make Chile Peru's supplier": "make" with an actor as its object makes nothing
    if p.low[v + 2 : v + 3] == ["way"] and p.low[v + 1] in ("its", "their", "his", "her", "the"):
        return []  # "the launcher made its way to Armenia": it travelled; no one made it for Armenia
    to = cue.opt("to", ["to", "for", "into"])
    tgt = p.pp(v, to, limit=30)
    t = _Transfer(None, tgt, v + 1, c.last)
    if tgt is not None:
        t.item_end = p.phrases[tgt.np].first - 1 if tgt.np >= 0 else c.last
    if cue.pos == "noun" and i > 0 and p.low[i - 1] in ("took", "take", "takes", "taking", "taken"):
        return []  # "took delivery of drones from Turkey": the buyer's story, which the get cue reads
    if cue.pos == "noun":
        t.src = owner_of(p, i) or p.pp(v, ("by",), limit=20) or (None if reacted_to(p, i) else p.subject(i))
    elif p.passive(v):
        _passive_give(p, i, v, cue, t)
    else:
        _active_give(p, v, t)
    if t.tgt is None and t.src is not None:
        _protected(p, v, t)
    if t.tgt is None:
        t.tgt = _bought_by(p, v)
    if t.tgt is None and cue.pos == "verb" and not p.passive(v):
        _owner_of_item(p, v, t)
    frm = p.pp(v, ("from",), limit=6)
    if t.tgt is None and frm is None and t.src is not None:
        t.tgt = _story_recipient(p, v, t.src)
    if t.tgt is None and frm is not None:
        # "minesweepers transferred from the Soviet Union": from X to the clause's subject
        t.tgt, t.src = p.subject(i, exclude=frozenset(frm.ids), first=True), frm
        t.item_start, t.item_end = max(c.first, i - 8), i - 1
    if t.tgt is None:
        return []
    tgt = t.tgt
    src = t.src
    if src is None or (src.np >= 0 and src.np == tgt.np):
        src = frm or maker_in(p, t.item_start, t.item_end, tgt.ids)
    text = _given_item(p, i, v, cue, t) if src is not None else None
    if src is None or text is None:
        return []
    out = [Hit("transfer", src.ids, tgt.ids, cue, i, item_text=text)]
    return out + [Hit("transfer", src.ids, s.ids, cue, i, item_text=share(text, n)) for s, n in shares(p, tgt, to)]


def get(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    v = i + n - 1
    c = p.clause(v)
    if cue.opt("no_infinitive") and v + 1 < len(p.low) and p.low[v + 1] == "to":
        return []  # "sought to bolster ... by acquiring": the later verb is the cue
    frm = p.pp(v, cue.opt("from", ["from"]), limit=30)
    if cue.pos == "noun":
        tgt = p.pp(v, ("by",), limit=4) or owner_of(p, i) or (None if reacted_to(p, i) else p.subject(i))
    elif p.passive(v):
        tgt = p.pp(v, ("to", "by"), limit=20) or p.subject(v, exclude=frozenset(frm.ids) if frm else frozenset())
        if (cue.opt("reduced_recipient_main") and c.kind in ("reduced",)) or p.clause(v).first == v:
            tgt = tgt or p.subject(c.first)
    else:
        tgt = p.subject(v, exclude=frozenset(frm.ids) if frm else frozenset())
    item_start, item_end = v + 1, c.last
    if frm is not None and frm.np >= 0:
        item_end = p.phrases[frm.np].first - 1
    if p.passive(v) and cue.pos == "verb":
        item_start = max(c.first, i - 8)
        item_end = i - 1
    src = frm or maker_in(p, v + 1, c.last, tgt.ids if tgt else (), systems=True)
    if src is None and tgt is not None:
        src = blocked_by(p, v)  # "wanted to buy the plant, and the contract was blocked by Chile"
    last = p.context.transfer
    open_market = any(p.g.has("open_sources", w) for w in p.low[v + 1 : c.last + 1])
    told = cue.pos != "noun"  # "coordination on arms procurement" names no purchase of the story's
    if src is None and tgt is not None and last and last[1] in tgt.ids and last[0] and not open_market and told:
        src = Side((last[0],))  # the seller the story already named for this buyer
    if src is None or tgt is None:
        return []
    text = p.text(item_start, cut_item(p, item_start, item_end))
    if not item_phrases(text):
        # "five mine hunters bought from France": a participle after its item
        text = p.text(max(c.first, i - 8), i - 1)
        if not item_phrases(text):
            return []
    out = [Hit("transfer", src.ids, tgt.ids, cue, i, item_text=text)]
    return out + [
        Hit("transfer", s.ids, tgt.ids, cue, i, item_text=share(text, n)) for s, n in shares(p, frm, ("from",))
    ]


def deal(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A deal noun: "a Turkish helicopter deal with Pakistan", "a contract with Russia for 24 jets"."""
    v = i + n - 1
    c = p.clause(v)
    other = p.pp(v, ("with",), limit=cue.opt("within", 8))
    maker = None
    k = i - 1
    while k >= c.first and i - k <= 4 and p.low[k] not in (",", "a", "an", "the"):
        pi = p.phrase_at[k]
        if pi >= 0:
            maker = p.side(pi)
            break
        k -= 1
    before = p.text(p.phrases[maker.np].first, i - 1) if maker is not None and maker.np >= 0 else ""
    k = next((k for k in range(v + 1, min(c.last, v + 6)) if p.low[k] in ("for", "to") or p.phrase_at[k] >= 0), -1)
    if other is None and k > 0 and p.low[k] in ("for", "to"):
        # "Saudi Arabia signed a contract in 2023 for Baykar's Akinci drones": the maker named in the item
        if p.low[k] == "to" and (p.g.has("deal_verbs_get", p.low[k + 1]) or p.g.has("deal_verbs_give", p.low[k + 1])):
            k += 1  # "a contract to buy Scorpene submarines": the item after the verb
        text = p.text(k + 1, cut_item(p, k + 1, c.last))
        made_by = maker_in(p, k + 1, c.last, systems=True)
        buyer = p.subject(i, exclude=frozenset(made_by.ids) if made_by else frozenset(), first=True)
        if made_by is not None and buyer is not None and item_phrases(text):
            return [Hit("transfer", made_by.ids, buyer.ids, cue, i, item_text=text)]
    if maker is not None and other is not None and item_phrases(before):
        return [Hit("transfer", maker.ids, other.ids, cue, i, item_text=before)]
    if other is None:
        return []
    after = p.phrases[other.np].last + 1 if other.np >= 0 else v + 1
    if (
        after + 2 <= c.last
        and p.low[after] == "to"
        and (p.g.has("deal_verbs_get", p.low[after + 1]) or p.g.has("deal_verbs_give", p.low[after + 1]))
    ):
        # "signed a deal with France to buy 42 Rafale jets": the verb says who sells
        text = p.text(after + 2, cut_item(p, after + 2, c.last))
        subj = p.subject(i, exclude=frozenset(other.ids), first=True)
        if subj is not None and item_phrases(text):
            buys = p.g.has("deal_verbs_get", p.low[after + 1])
            src, dst = (other, subj) if buys else (subj, other)
            return [Hit("transfer", src.ids, dst.ids, cue, i, item_text=text)]
    including = [k for k in range(after, c.last + 1) if p.low[k] in ("including", "includes", "comprising")]
    start = after
    while after < c.last and after - start < 8 and p.low[after] != "for" and _same_side(p, after, other):
        after += 1  # past "in 2023", and past the firm of "Israel's Elbit"
    if after + 1 < len(p.low) and p.low[after] == "for":
        subj = p.subject(i, exclude=frozenset(other.ids), first=True)
        text = p.text(after + 1, c.last)
        if subj is not None and item_phrases(text):
            return [Hit("transfer", other.ids, subj.ids, cue, i, item_text=text)]
    if including:
        return _deal_by_maker(p, i, cue, other, p.text(including[0] + 1, c.last))
    return []


def _same_side(p: Parse, k: int, side: Side) -> bool:
    """Whether token k is a word, or part of a phrase naming no one but ``side``."""
    pi = p.phrase_at[k]
    return pi < 0 or set(p.ids(p.phrases[pi])) <= set(side.ids)


def _deal_by_maker(p: Parse, i: int, cue: Cue, other: Side, text: str) -> list[Hit]:
    """The side that makes the systems sells: "A signed an arms deal with B, including JF-17 fighter jets"."""
    subj = p.subject(i, exclude=frozenset(other.ids), first=True)
    maker = system_maker(text)
    if subj is None or maker is None or not item_phrases(text):
        return []
    if maker in subj.ids:
        return [Hit("transfer", subj.ids, other.ids, cue, i, item_text=text)]
    if maker in other.ids:
        return [Hit("transfer", other.ids, subj.ids, cue, i, item_text=text)]
    return []


def thank_for(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    v = i + n - 1
    if noun_after(p, v, {"support", "help", "aid", "assistance", "backing", "solidarity"}, 8) < 0:
        return []
    return hit(cue, i, p.object(v), p.subject(v))


def use_maker(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "Y fired X-made missiles", "the use of Iranian drones by Y": maker → user."""
    v = i + n - 1
    c = p.clause(v)
    user = p.pp(v, ("by",), limit=14) if cue.pos == "noun" or p.passive(v) else p.subject(v)
    if user is None:
        return []
    s, e = (v + 1, c.last) if not p.passive(v) else (c.first, i - 1)
    aimed = [k for k in range(s, e + 1) if p.low[k] in ("at", "against", "on", "into", "toward", "towards")]
    if aimed and not p.passive(v):
        e = aimed[0] - 1  # "launched drones at Saudi oil facilities": the target is no maker
    maker = maker_in(p, s, e, user.ids, item_head=True)
    if maker is None:
        return []
    if (
        maker.np >= 0
        and not p.phrases[maker.np].head
        and not (p.phrases[maker.np].last + 2 < len(p.low) and p.low[p.phrases[maker.np].last + 1] == "-")
    ):
        return []
    text = p.text(s, e)
    if not item_phrases(text):
        return []
    return [Hit("transfer", maker.ids, user.ids, cue, i, item_text=text)]


def arrive_maker(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "ITEM from X arrived in Y", "India's Pinaka launchers reached Armenia"."""
    v = i + n - 1
    c = p.clause(v)
    dest = p.pp(v, ("in", "at", "to"), limit=8) or p.object(v)
    if dest is None:
        return []
    src = None
    for pi, ph in enumerate(p.phrases):
        if c.first <= ph.first < i and ph.prep == "from":
            src = p.side(pi)
    if src is None:
        src = maker_in(p, c.first, i - 1, dest.ids, systems=True)
    if src is None:
        return []
    text = p.text(c.first, i - 1)
    if not item_phrases(text):
        return []
    return [Hit("transfer", src.ids, dest.ids, cue, i, item_text=text)]


def participants(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "joint drills held by A and B", "A and B held joint exercises": every pair of the participants."""
    v = i + n - 1
    before = cue.opt("after_words")
    if before and not any(w in before for w in p.low[max(0, i - cue.opt("after_within", 4)) : i]):
        return []
    by = p.pp(v, ("by", "between", "with", "among"), limit=10)
    subj = p.subject(i)
    joined = _joined(p, i)  # "Maldivian ships joined India and Sri Lanka in the Dosti exercise"
    if by is None and joined:
        return pairs(cue, i, joined)
    ids: tuple[str, ...] = ()
    if by is not None and by.np >= 0 and p.phrases[by.np].prep in ("between", "among"):
        subj = None  # "the conflict between A and B": the pair, not the clause's subject
    if by is not None and len(by.ids) > 1:
        ids = by.ids
    elif by is not None and subj is not None:
        ids = tuple(dict.fromkeys(subj.ids + by.ids))
    elif subj is not None and len(subj.ids) > 1:
        ids = subj.ids
    if len(ids) < 2 and subj is not None and cue.opt("host_support"):
        where = p.pp(v, ("in",), limit=4)
        if where is not None and not set(where.ids) & set(subj.ids):
            return hit(cue, i, subj, where, kind="support")  # "the US led military exercises in Guyana"
    return pairs(cue, i, ids) if len(ids) > 1 else []


def _joined(p: Parse, i: int) -> tuple[str, ...]:
    """Who takes part when one side "joined A and B in the drills" before the noun at i: all of them."""
    for k in range(p.clause(i).first, i):
        if p.low[k] in ("joined", "join", "joins", "joining"):
            subj, obj = p.subject(k, platforms=True), p.object(k)
            if subj is not None and obj is not None:
                return tuple(dict.fromkeys(subj.ids + obj.ids))
    return ()


def invite(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """An invitation: "Mali invited Russian instructors to Bamako": the troops' state backs the host."""
    v = i + n - 1
    j = noun_after(p, v, set(cue.opt("needs", [])), 5)
    if j < 0:
        return []
    owner = owner_of(p, j)
    host = p.pp(j, ("to", "into"), limit=3) or p.subject(v)
    return hit(cue, i, owner, host)


def package_for(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "X announced a $1.1-billion arms package for Taiwan": the subject supplies the phrase after "for"."""
    v = i + n - 1
    tgt = p.pp(v, ("for", "to"), limit=3)
    src = p.subject(i, exclude=frozenset(tgt.ids) if tgt else frozenset(), first=True)
    k = i - 1
    while k > 0 and i - k <= 4 and p.low[k] not in ("a", "an", "the", ","):
        k -= 1
    text = p.text(k + 1, v)
    if tgt is None or src is None or not item_phrases(text):
        return []
    return [Hit("transfer", src.ids, tgt.ids, cue, i, item_text=text)]


def continued_deal(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """More items of the transfer the previous sentences told, between the same two sides.

    "The deal also includes 100 Sidewinder missiles", "Taiwan will also spend $355 million on 60 Harpoon missiles".
    """
    v = i + n - 1
    last = p.context.transfer
    if not last or not last[0] or not last[1]:
        return []
    c = p.clause(v)
    if cue.opt("buyer"):
        buyer = p.subject(i)
        if buyer is None or last[1] not in buyer.ids:
            return []
        on = p.find("on", v + 1)
        if on < 0 or on > c.last:
            return []
        text = p.text(on + 1, cut_item(p, on + 1, c.last))
    else:
        nouns = set(cue.opt("needs", []))
        if not any(w in nouns for w in p.low[max(c.first, i - 4) : i]):
            return []
        text = p.text(v + 1, cut_item(p, v + 1, c.last))
    if not item_phrases(text) or (
        p.phrases and any(c.first <= ph.first <= c.last and not set(p.ids(ph)) <= set(last) for ph in p.phrases)
    ):
        return []
    return [Hit("transfer", (last[0],), (last[1],), cue, i, item_text=text)]


FRAME_FUNCTIONS: dict[str, Frame] = {
    "agent-patient": agent_patient,
    "give": give,
    "get": get,
    "between": between,
    "possessor": possessor,
    "compound": compound,
    "subject-noun": subject_noun,
    "relational": relational,
    "compound-adjective": compound_adjective,
    "presence": presence,
    "thank-for": thank_for,
    "use-maker": use_maker,
    "arrive-maker": arrive_maker,
    "participants": participants,
    "deal": deal,
    "package-for": package_for,
    "continued-deal": continued_deal,
    "invite": invite,
}
