"""Clause frames: which phrase of a clause fills a cue's source and which its target.

Each frame is a small function ``frame(parse, i, n, cue) -> list[Hit]``: the cue's trigger spans
tokens ``i .. i+n-1`` of the sentence ``parse`` (:class:`geo.clauses.Parse`), and the cue table entry
``cue`` (:class:`geo.cuetable.Cue`) names the frame and its options. A frame reads the clause's roles
(subject, object, to/from/with/by phrases, possessor, apposition) and returns :class:`Hit` records;
:mod:`geo.relations` turns them into findings. The frames, in the order of the cue table:

agent-patient
    "X backed Y", "X clashed with Y", "Y, backed by X": the subject is the
    source and the object (or the phrase of one of ``preps``) the target; a
    passive takes the source from its by-phrase. With ``symmetric`` a
    coordinated subject and no object gives every pair ("A and B signed").
give / get / deal
    a transfer told from the supplier ("X sold ITEM to Y", "X supplied Y with
    ITEM"), from the recipient ("Y bought ITEM from X"): :mod:`geo.transfer_frames`;
    or by a deal noun ("a contract with X for ITEM"): :mod:`geo.deal_frames`.
between / possessor / compound / subject-noun
    a relation stated by a noun: "tensions between A and B", "A's war in B",
    "the A-B pact", "[A ...] tensions with B".
relational
    "A's ally B", "B, an ally of A", "B, A's patron": the noun names one side.
fellow
    "A's threat comes from fellow NATO member B": A and B belong to one group.
compound-adjective
    "A-backed B", "A-led war in B", "A-supplied drones".
presence
    troops, bases and influence of X in A, B and C: a sphere of influence.
licensed
    "built by Y under licence from X": a transfer from the licensor's state
    (:mod:`geo.licence_frames`).
paid-for, funded-work
    "X pays the salaries of Y's soldiers", "X financed the expansion of Y's port": a transfer
    of pay or of a work paid for (:mod:`geo.payment_frames`).
operated-by
    "the port is run by X's state firm": X's footprint where the port lies.
thank-for, use-maker, arrive-maker, participants
    "Y thanked X for its support", "Y fired X-made missiles", "X's cargo reached Y", "joint drills held by A and B".
"""

from __future__ import annotations

from geo.clauses import Parse, Side
from geo.compound_frames import compound_adjective
from geo.cuetable import Cue
from geo.deal_frames import chosen, continued_deal, deal, package_for
from geo.items import system_maker
from geo.licence_frames import licensed
from geo.maker_frames import arrive_maker, sighted_maker, use_maker
from geo.member_frames import MEMBER_FRAMES, from_before, story_backed
from geo.noun_frames import between, compound, possessor, subject_noun, under_which
from geo.payment_frames import funded_work, paid_for
from geo.presence import joint_force_kind, leased_to, operated_by, presence
from geo.relational_frames import bloc_members, bloc_named, fellow, partner_in, relational
from geo.relative_frames import relative_object, summed_up
from geo.slots import (
    Frame,
    Hit,
    blocked_thing,
    content_actor,
    hit,
    items_after,
    noun_after,
    noun_before,
    noun_past_aside,
    objects_before,
    owner_of,
    pairs,
    sold_to,
)
from geo.space_frames import launched
from geo.transfer_frames import get, give
from geo.wars import war_owned
from geo.word_use import after_its_noun, instrument, names_agreement

__all__ = ["FRAME_FUNCTIONS", "Hit"]


def _needed_noun(p: Parse, i: int, v: int, cue: Cue) -> int | None:
    """The noun a ``needs`` cue must find near its verb (the anchor of its phrases), or None to drop the cue.

    "deployed troops to": the verb counts only with one of the needed nouns within reach; without
    ``needs`` the verb itself is the anchor.
    """
    needs = cue.opt("needs")
    if not needs:
        return v
    j = -1 if cue.opt("needs_before") else noun_after(p, v, set(needs), cue.opt("needs_within", 8))
    if cue.opt("needs_after"):  # "added Gazprombank to its sanctions list", not "added that sanctions would stay"
        j = j if j < 0 or set(cue.opt("needs_after")).intersection(p.low[v + 2 : j]) else -1
        j = j if j >= 0 else noun_past_aside(p, v, set(needs), cue.opt("needs_after"))
    if j < 0 and cue.opt("needs_before"):
        j = noun_before(p, i, set(needs), cue.opt("needs_within", 8))  # "the pact that links A with B"
        return v if j >= 0 else None
    c = p.clause(v)
    if j < 0 and c.kind == "rel" and c.first > 0 and p.low[c.first - 1] in set(needs):
        j = c.first - 1  # "a treaty that Chile and Peru signed in 2019"
    pi = p.phrase_at[i - 1] if i > 0 else -1
    if j < 0 and pi >= 0 and p.phrases[pi].first > 0 and p.low[p.phrases[pi].first - 1] in set(needs):
        j = p.phrases[pi].first - 1  # "the agreement Cameroon signed with Russia": a relative with no "that"
    if j < 0 and cue.opt("passive_owner") and p.passive(v):  # "soldiers had been deployed", "troops from A, B ..."
        j = noun_before(p, i, set(needs), max(10, cue.opt("needs_within", 8)))
    if j < 0 and cue.kind == "alliance" and p.low[v + 1 : v + 2] == ["by"] and p.passive(v):
        j = noun_before(p, i, set(needs), 4)  # "the security agreement (was) signed by Germany and Ukraine"
    if j < 0 and cue.kind == "alliance":
        j = bloc_named(p, v, set(needs), cue.opt("needs_within", 8))  # "formed the Alliance of Sahel States"
    if j < 0 and p.low[v + 1 : v + 2] in (["it"], ["them"]) and noun_before(p, i, set(needs), 12) >= 0:
        j = v + 1  # "used the new missile, firing it at a factory": the pronoun is the needed noun
    if j < 0 or (cue.opt("not_with_item") and items_after(p, j)):
        return None
    peace = j > 0 and p.g.has("peace_words", p.low[j - 1])  # "signed a peace deal with the TPLF": a war's end
    effect = any(p.g.has("effect_nouns", p.low[k]) for k in range(v + 1, j))  # "have consequences for relations"
    return None if cue.kind == "alliance" and (peace or effect) else j


def _passive_agent_patient(p: Parse, i: int, v: int, cue: Cue, preps: list[str]) -> list[Hit]:
    """In "Y was backed by X": the by-phrase is the source and the subject the target."""
    src = p.agent(v)
    tgt = p.subject(v)
    if v > 0 and after_its_noun(p, v - 1):
        # "flew hardware to bases controlled by Haftar": a participle right after its noun is said of that noun
        tgt = p.side(p.phrase_at[v - 1]) if p.phrase_at[v - 1] >= 0 else None
    if src is None and cue.opt("passive_from"):
        src = p.pp(v, ("from",), limit=6)  # "diplomats being expelled from Germany"
    if src is None and cue.kind == "support" and p.low[v] == "trained":
        src = p.pp(v, ("in", "at"), limit=4)  # "officers trained in Britain": there, by it
    tgt = tgt or (from_before(p, v, cue.opt("needs", ())) if cue.opt("passive_owner") else None)
    if src is None and cue.opt("passive_owner") and tgt is not None:
        # "11,000 North Korean soldiers had been deployed to Russia": the soldiers' state sends them
        return hit(cue, i, tgt, p.pp(v, preps, limit=cue.opt("pp_within", 25)) if preps else None)
    if v >= 2 and p.low[v - 1] in ("both", "all") and p.low[v - 2] == ",":
        # "fought Hezbollah in Lebanon and Hamas in Gaza, both backed by Iran"
        tgt = objects_before(p, v - 2) or tgt
    if cue.opt("symmetric") and src is not None and len(src.ids) > 1 and tgt is None:
        return pairs(cue, i, src.ids)  # "the security agreement signed by Germany and Ukraine": its parties
    return hit(cue, i, src, tgt)


def _led_group(p: Parse, v: int, src: Side | None) -> Side | None:
    """An "X-led" group right before "that"/"which" and the verb acts for X too.

    "The UAE is a key member of the Saudi-led coalition that has been fighting the Houthis": Saudi
    Arabia fights them, beside the member the clause is about.
    """
    k = v - 1
    while k > 0 and (p.g.has("auxiliaries", p.low[k]) or p.low[k] in ("been", "long", "also", "since")):
        k -= 1
    if k < 4 or p.low[k] not in ("that", "which") or not p.g.has("coalition_nouns", p.low[k - 1]):
        return src
    j = k - 2 if p.low[k - 2] == "led" else k - 3 if p.low[k - 3] == "led" else -1
    if j < 2 or p.low[j - 1] != "-" or p.tokens[j - 2].anchor < 0:
        return src
    leader = p.anchors[p.tokens[j - 2].anchor].id
    return Side(tuple(dict.fromkeys((leader, *(src.ids if src else ())))), src.np if src else -1, "led")


def _agent(p: Parse, v: int, cue: Cue) -> Side | None:
    """Who does an active cue: the noun a participle follows ("British vessels supporting X"), else the subject."""
    before = p.phrase_at[v - 1] if v > 0 and p.low[v].endswith("ing") else -1
    if before >= 0 and p.phrases[before].head:
        return p.side(before)
    return p.subject(v, platforms=cue.kind == "conflict" or bool(cue.opt("platforms")))


def _event_actor(p: Parse, v: int, src: Side) -> Side | None:
    """Whoever the story says carried out the act a reaction names.

    "issued statements criticising the incursion": the attacker; "condemning the transfers": the
    supplier of the story's transfer; "condemned the pact": the parties the story listed.
    """
    j = v + 1
    while (
        j < len(p.low)
        and j <= v + 3
        and (
            p.g.has("determiners", p.low[j])
            or p.low[j] in ("latest", "recent", "to", "against")
            or (p.low[j].endswith("ed") and p.tokens[j].anchor < 0)  # "protested repeated seizures"
        )
    ):
        j += 1
    if j >= len(p.low):
        return None
    w, ctx = p.low[j], p.context
    maker = system_maker(p.tokens[j].text) if p.low[j + 1 : j + 2] in (["plan"], ["purchase"], ["package"]) else None
    if maker and maker not in src.ids:
        return Side((maker,), -1, "maker")  # "denounced the Gripen plan": the sale of Sweden's jets
    by = p.pp(j, ("by",), limit=8) if p.g.has("event_nouns", w) else None
    if by is not None and not set(by.ids) & set(src.ids):
        return by  # "protested the seizure of its boats by the Nicaraguan navy": the one who seized them
    if p.g.has("event_nouns", w) and ctx.conflict and not set(ctx.conflict) & set(src.ids):
        return Side(ctx.conflict, -1, "context")
    barred = p.g.has("sale_nouns", w) and p.g.has("blocking_verbs", p.low[v])
    buyer = p.pp(j, ("for", "to"), limit=8) if barred else None
    if buyer is not None and not set(buyer.ids) & set(src.ids):
        return buyer  # "refused export licences for equipment destined for Argentina": the buyer denied
    if p.g.has("sale_nouns", w) and ctx.transfer and ctx.transfer[0] and not p.g.has("blocking_verbs", p.low[v]):
        # "joined Seoul in condemning the transfers": the story's main supplier, not merely the last one read
        ranked = ctx.ranked_suppliers() or [ctx.transfer[0]]
        supplier = next((x for x in ranked if x not in src.ids), None)
        if supplier is not None:
            return Side((supplier,), -1, "context")
    if p.g.has("pact_nouns", w):
        named = p.pp(j, ("between", "with"), limit=3)  # "protested against a treaty between Chile and Peru"
        if named is not None and not set(named.ids) & set(src.ids):
            return named
    parties = ctx.listed if len(ctx.listed) >= 2 else ctx.pair or ()
    # a pact just told of (its parties named in the sentence before); "the alliance" is a bloc's, not theirs
    recent = set(parties) <= set(ctx.previous) and w != "alliance"
    if p.g.has("pact_nouns", w) and parties and recent and not set(parties) & set(src.ids):
        return Side(tuple(parties), -1, "context")
    return None


def _title_length(p: Parse, j: int) -> int:
    """How many words of a capitalised title follow the noun at j ("Agreement on Defence Cooperation")."""
    k = j + 1
    while k < len(p.low) and (p.tokens[k].text[:1].isupper() or p.low[k] in ("on", "of", "and", "for", "the")):
        if p.tokens[k].anchor >= 0:
            break
        k += 1
    return k - j - 1


def _unowned_envoys(p: Parse, v: int) -> bool:
    """The verb's object is envoys of no state named: "expelled 60 diplomats"."""
    c = p.clause(v)
    for k in range(v + 1, min(c.last, v + 4) + 1):
        if p.tokens[k].anchor >= 0 or p.low[k] in ("its", "their", "his", "her", "our"):
            return False
        if p.g.has("envoy_nouns", p.low[k]):
            return True
    return False


def _story_backed(p: Parse, v: int, src: Side | None) -> Side | None:
    """Where forces sent to nowhere named go: the state the story last told of backing.

    "Jamaica sent more than 20 soldiers and police" in a story of the states that back Haiti; never a
    state the sender fights, nor when the clause names where they went.
    """
    backed = story_backed(p)
    if src is None or not backed or backed in src.ids or set(src.ids) & set(p.context.conflict):
        return None
    c = p.clause(v)
    if any(p.g.has("prepositions", w) and w not in ("of", "with", "for", "than") for w in p.low[v + 1 : c.last + 1]):
        return None  # "deployed troops along its border", "sent soldiers to the front": somewhere named
    return Side((backed,), -1, "context")


def _late_target(p: Parse, v: int, cue: Cue, src: Side | None) -> Side | None:
    """A content clause's actor, else the other side of an invader's known war ("since Russia invaded last year")."""
    tgt = content_actor(p, v) if cue.opt("content") else None
    if tgt is None and src is not None and p.g.has("invasion_verbs", p.low[v]):
        tgt = war_owned(p, src, False)[1]
    return tgt


def _active_target(p: Parse, v: int, anchor_v: int, cue: Cue, src: Side | None, preps: list[str]) -> Side | None:
    """The target of an active cue: its object, else an event's actor, a phrase of ``preps`` or a content clause."""
    if p.low[v + 1 : v + 2] in (["him"], ["her"]) and p.phrase_at[v + 1] < 0:
        return None  # "accused him of siding with Hamas": a person of no state named, not the with-phrase
    tgt = (p.object(v) or relative_object(p, v, src)) if cue.opt("object", True) else None
    own = anchor_v == v + 2 and p.low[v + 1] in ("its", "their")  # "recalled their envoys": the subject's own
    own = own and tgt is not None and (tgt.np < 0 or p.phrases[tgt.np].first < v)
    if tgt is not None and (
        (cue.kind == "support" and names_agreement(p, tgt)) or (src and preps and (set(tgt.ids) <= set(src.ids) or own))
    ):
        tgt = None  # "backs the Minsk agreements"; "recalled its ambassador from Peru": not its own, the phrase after
    if tgt is None and cue.opt("event_owner") and src is not None:
        tgt = _event_actor(p, v, src) or summed_up(p, v, src)
    if tgt is None and cue.opt("infinitive_object") and v + 2 < len(p.low) and p.low[v + 1] == "to":
        tgt = p.object(v + 2)  # "threatened to annex Guyana's Essequibo region": the threat's target
    if tgt is None and cue.opt("story_foe") == "always" and src is not None:
        foe = p.context.foe  # "Canada and Norway followed suit": against the story's accused too
        tgt = Side((foe,), -1, "context") if foe and foe not in src.ids else None
    if tgt is None and cue.opt("story_foe") is True and src is not None and _unowned_envoys(p, v):
        foe = p.context.foe  # "Canada has expelled 12 diplomats": the story's accused
        tgt = Side((foe,), -1, "context") if foe and foe not in src.ids else None
    if tgt is None and cue.opt("sale_target"):
        tgt = sold_to(p, v)
    if tgt is None and cue.opt("noun_owner") and anchor_v != v:
        tgt = owner_of(p, anchor_v)  # "recognised Spanish sovereignty over the islets": Spain's
    if tgt is None and preps and not blocked_thing(p, v):  # "blocked joint measures against X": no one is hit
        start = v if cue.opt("pp_from_verb") or anchor_v < v else anchor_v  # a needed noun before the verb: from it
        limit = cue.opt("pp_within", 25)
        if anchor_v != v and p.tokens[anchor_v].text[:1].isupper():
            limit += _title_length(p, anchor_v)  # "an Agreement on Maritime Search and Rescue with"
        tgt = p.pp(start, preps, limit=limit, ground=bool(cue.opt("ground_target")))
        at = p.phrases[tgt.np].prep_at if tgt is not None and tgt.np >= 0 else 0
        border = cue.kind == "support" and at > 0 and p.g.has("border_nouns", p.low[at - 1])  # "guard the border with"
        tgt = None if tgt is not None and (instrument(p, tgt) or border) else tgt
    if tgt is None and "with" in preps and p.low[0] == "with" and p.phrase_at[1] >= 0 and "," in p.low[2:4]:
        tgt = p.side(p.phrase_at[1])  # "With Australia, Singapore has a strategic partnership"
    if tgt is None and cue.opt("place_preps") and (p.g.has("physical_attacks", p.low[v]) or cue.opt("needs")):
        # "shelled a town in northern Ethiopia", "fired missiles at a plant in Dnipro": where the blow lands
        tgt = p.pp(v, cue.opt("place_preps"), limit=cue.opt("pp_within", 8), ground=True)
    tgt = tgt or _late_target(p, v, cue, src)
    if tgt is not None and tgt.np >= 0:
        ph = p.phrases[tgt.np]
        if any(p.g.has("past_office", w) for w in p.low[max(0, ph.first - 1) : ph.last + 1]):
            return None  # "has praised former British prime minister Margaret Thatcher": a person of the past
    return tgt


def agent_patient(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "X backed Y", "Y was backed by X", "A and B signed": subject to object (see the module)."""
    v = i + n - 1
    anchor_v = _needed_noun(p, i, v, cue)
    if anchor_v is None or (cue.opt("no_infinitive") and p.low[v + 1 : v + 2] == ["to"]):
        return []  # "refused to export the engines": a refusal to act, aimed at no one
    preps = cue.opt("preps", [])
    if cue.opt("object_vs_pp"):
        # "the war pits the army against the RSF": the object against the phrase
        obj = p.object(v)
        return hit(cue, i, obj, p.pp(v, preps, limit=12) if obj else None)
    if p.passive(v) and cue.opt("passive", True):
        return _passive_agent_patient(p, i, v, cue, preps)
    src = _agent(p, i, cue) or (  # "siding with": i
        from_before(p, v, cue.opt("needs", ())) if cue.opt("needs_before") else None
    )
    src = _led_group(p, v, src) if cue.kind == "conflict" else src
    if src is not None and len(src.ids) > 1 and cue.kind in ("conflict", "alliance") and _reciprocal_object(p, v):
        # "Greece and Turkey accused each other of airspace violations"; not "both sides", a pair read from context
        return [] if src.how in ("anaphor", "pair") else pairs(cue, i, src.ids)
    if (
        cue.opt("copula")
        and (
            not any(p.g.has("copulas", w) for w in p.low[max(0, i - 4) : i])
            or any(w.endswith("ing") for w in p.low[max(0, i - 3) : i])  # "have been looking for new partners"
            or any(p.g.has("complement_verbs", w) for w in p.low[p.clause(i).first : i])
        )
    ):
        return []  # "A and B are allies", not "A's allies met" nor "X counts A and B as allies"
    heads = cue.opt("subject_head")
    if heads and (src is None or src.np < 0 or p.phrases[src.np].head not in heads):
        return []
    src = _joined_in(p, v, src)
    if cue.kind == "support" and p.low[v] in ("train", "trains", "trained", "training"):
        k = v + 1
        while k < len(p.low) and (p.low[k].endswith("ly") or p.g.has("adverbs", p.low[k])):
            k += 1
        if k < len(p.low) and p.low[k] in ("with", "alongside"):
            # "Colombian marines train regularly with Brazilian forces": exercising together, not backing
            return hit(cue, i, src, p.pp(v, ("with", "alongside"), limit=4), kind="alliance")
    tgt = _active_target(p, v, anchor_v, cue, src, preps)
    tgt = tgt or (_story_backed(p, v, src) if cue.opt("story_backed") else None)
    if tgt is None and (cue.kind == "support" or cue.opt("rebels")):
        tgt = _rebels_against(p, v)
    if _unbacked(p, tgt, cue, v):
        return []
    if cue.opt("symmetric") and src is not None and len(src.ids) > 1 and (tgt is None or tgt.ids):
        plural = _plural_subject(p, i, v, anchor_v, cue, src, tgt)
        if plural is not None:
            return plural
    if tgt is not None and not _target_kind_ok(p, tgt, cue):
        return []
    return hit(cue, i, src, tgt, kind=joint_force_kind(p, v, cue)) + _common_enemy(p, i, v, cue, src, tgt)


def _plural_subject(p: Parse, i: int, v: int, anchor_v: int, cue: Cue, src: Side, tgt: Side | None) -> list[Hit] | None:
    """A symmetric cue with coordinated subjects: "A and B clashed", "A and B signed a pact with C".

    None when the target is not of the cue's kind (the caller drops it).
    """
    if tgt is None:  # "A and B clashed"; with "named_pair", not "the two armies" read from the sentence's states
        if (cue.opt("named_pair") and src.how in ("anaphor", "pair")) or _each_after(p, v):
            return []  # "A and B have a dozen trade agreements each": each with others, not with one another
        return pairs(cue, i, src.ids)
    if not _target_kind_ok(p, tgt, cue):
        return None
    # "A and B signed a pact with C": all three allied; "A and B cut ties with C", "A and B have both
    # cultivated ties with C": each with C only
    each = src.np >= 0 and bool(
        {"both", "each", "separately"} & set(p.low[p.phrases[src.np].last + 1 : max(v, anchor_v)])
    )
    # "A, B and C established relations with D", "... signed agreements with D": each pair of its own
    end = p.phrases[tgt.np].first if tgt.np > v else v + 8
    each = each or not p.g.words["bilateral_nouns"].isdisjoint(p.low[v + 1 : end])
    return hit(cue, i, src, tgt) + (pairs(cue, i, src.ids) if cue.kind == "alliance" and not each else [])


def _reciprocal_object(p: Parse, v: int) -> bool:
    """The verb's object is "each other" or "one another": what the coordinated subjects do to one another."""
    after = p.low[v + 3] if v + 3 < len(p.low) else ""
    return p.low[v + 1 : v + 3] in (["each", "other"], ["one", "another"]) and after not in ("'s", "’s")


def _each_after(p: Parse, v: int) -> bool:
    """A distributive word after the verb of a plural subject: "have trade agreements each", "respectively".

    "each" ends its phrase there; "each country" is a determiner, "each other" the reciprocal.
    """
    last = p.clause(v).last
    for k in range(v + 1, min(last, v + 10) + 1):
        if p.low[k] in ("respectively", "separately", "individually"):
            return True
        nxt = p.low[k + 1] if k + 1 < len(p.low) else "."
        if p.low[k] == "each" and k > v + 1 and not nxt[:1].isalnum():  # not "each country", "each other"
            return True
    return False


def _unbacked(p: Parse, tgt: Side | None, cue: Cue, v: int = -1) -> bool:
    """A backing's target that is ground ("units guarding the Afghan frontier") or ties ("praised their relations").

    Also a side's own stake after "its"/"their" ("to defend its rights and interests"): no one is backed.
    """
    own = v >= 0 and p.low[v + 1 : v + 2] in (["its"], ["their"]) and v + 2 < len(p.low)
    if cue.kind == "support" and tgt is not None and own and p.g.has("own_stake_nouns", p.low[v + 2]):
        return True
    if cue.kind != "support" or tgt is None or tgt.np < 0:
        return False
    ph = p.phrases[tgt.np]
    return (p.ground(ph) and not cue.opt("ground")) or p.g.has("relationship_nouns", ph.head)


def _rebels_against(p: Parse, v: int) -> Side | None:
    """In "Rwanda backs rebel groups fighting to topple the government in Kinshasa": rebels of the state they fight."""
    c = p.clause(v)
    words = p.low[v + 1 : min(c.last, v + 7) + 1]
    if not any(p.g.has("insurgent_nouns", w) for w in words):
        return None
    for k in range(v + 1, min(c.last, v + 14) + 1):
        if p.g.has("fighting_words", p.low[k]):
            foe = p.object(k) or p.pp(k, ("against",), limit=6) or _toppled(p, k)
            # the rebels' country, not the side they fight ("militias fighting the Sudanese army": Sudan)
            return Side(tuple(dict.fromkeys(i.split("@")[0] for i in foe.ids)), -1, "rebels") if foe else None
    # "backs the separatists in Transnistria", "arms rebels in eastern Congo": the rebels' ground
    j = next(k for k in range(v + 1, len(p.low)) if p.g.has("insurgent_nouns", p.low[k]))
    j += 1 if p.low[j + 1 : j + 2] in (["fighting"], ["operating"], ["based"]) else 0  # "rebels fighting in Syria"
    return p.pp(j, ("in", "inside"), limit=3, ground=True) if p.low[j + 1 : j + 2] in (["in"], ["inside"]) else None


def _toppled(p: Parse, k: int) -> Side | None:
    """The state in "fighting to topple Assad", "seeking to overthrow the government in Kinshasa"."""
    if k + 2 < len(p.low) and p.low[k + 1] == "to":
        return p.object(k + 2)
    return None


def _joined_in(p: Parse, v: int, src: Side | None) -> Side | None:
    """In "Japan and the US joined Manila in condemning the incursion": Manila condemns too, it is no target."""
    if src is None or v < 3 or p.low[v - 1] != "in":
        return src
    for k in range(max(0, v - 8), v - 2):
        if p.low[k] in ("joined", "join", "joins", "joining") and p.phrase_at[k + 1] >= 0:
            return Side(tuple(dict.fromkeys((*src.ids, *p.ids(p.phrases[p.phrase_at[k + 1]])))), src.np, src.how)
    return src


def _common_enemy(p: Parse, i: int, v: int, cue: Cue, src: Side | None, tgt: Side | None) -> list[Hit]:
    """Both sides against a third: "fighting alongside Russian forces against Ukrainian troops"."""
    enemy = p.pp(v, ("against",), limit=10) if cue.opt("allied_against") else None
    if enemy is None:
        return []
    return [h for side in (src, tgt) if side is not None for h in hit(cue, i, side, enemy, kind="conflict")]


def _target_kind_ok(p: Parse, tgt: Side, cue: Cue) -> bool:
    """Whether the target's phrase names a place of one of the cue's ``target_kinds`` (any, without them)."""
    kinds = cue.opt("target_kinds")
    if not kinds or tgt.np < 0:
        return True
    ph = p.phrases[tgt.np]
    after = p.low[ph.last + 1] if ph.last + 1 < len(p.low) else ""
    # "joined NATO in 2023", "joined the AUKUS security pact", not "joined EU sanctions" nor "the EU deal talks"
    j = next((j for j in range(ph.last + 1, min(len(p.low) - 1, ph.last + 4)) if p.g.has("pact_nouns", p.low[j])), -1)
    after = p.low[j + 1] if j > 0 else after
    if p.is_function(after) or not after.isalpha() or p.finite(after):
        return any(p.anchors[k].kind in kinds for k in ph.anchors)
    return False


def thank_for(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    v = i + n - 1
    if noun_after(p, v, {"support", "help", "aid", "assistance", "backing", "solidarity"}, 8) < 0:
        return []
    return hit(cue, i, p.object(v), p.subject(v))


_MOST_PAIRED = 3


def participants(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "joint drills held by A and B", "A and B held joint exercises": every pair of the participants."""
    v = i + n - 1
    before = cue.opt("after_words")
    if before and not any(w in before for w in p.low[max(0, i - cue.opt("after_within", 4)) : i]):
        return []
    if cue.ended(p.low[max(0, i - 5) : i]):
        return []  # "called off naval drills": none held
    by = p.pp(v, ("by", "between", "with", "among"), limit=10)
    by = by if by is None or by.np < 0 or _drills_phrase(p, v, p.phrases[by.np].prep_at) else None
    subj = p.subject(i)
    head = p.phrases[subj.np].head.split() if subj is not None and subj.np >= 0 else []
    if head and any(p.g.has(words, head[-1]) for words in ("item_words", "thing_nouns", "firm_nouns")):
        subj = None  # "Saudi money and Chinese infrastructure sit side by side", "Russian arms makers": no parties
    joined = _joined(p, i)  # "Maldivian ships joined India and Sri Lanka in the Dosti exercise"
    if by is None and joined:
        return pairs(cue, i, joined)
    if by is None and p.low[v + 1 : v + 2] == ["with"]:
        return []  # "A, B and C send ships for exercises with the region's navies": with others, not each other
    ids: tuple[str, ...] = ()
    if by is not None and by.np >= 0 and p.phrases[by.np].prep in ("between", "among"):
        subj = None  # "the conflict between A and B": the pair, not the clause's subject
    if by is not None and by.np >= 0 and p.phrases[by.np].prep == "with" and len(by.ids) > 1:
        # "take part in the exercise with A, B and C": the one who takes part with each, not A with B
        hub = subj.ids if subj is not None else (p.context.focus(exclude=by.ids),)
        return [h for x in by.ids for h in pairs(cue, i, (*hub, x))] if hub[0] and set(hub).isdisjoint(by.ids) else []
    if by is not None and len(by.ids) > 1:
        ids = by.ids
    elif by is not None and subj is not None:
        ids = tuple(dict.fromkeys(subj.ids + by.ids))
    elif subj is not None and len(subj.ids) > 1:
        ids = subj.ids
    k = v + 2 if p.low[v + 2 : v + 3] == ["the"] else v + 1
    if (
        len(ids) < 2
        and p.low[v + 1 : v + 2] in (["that"], ["which"])
        and k + 1 < len(p.low)
        and p.phrase_at[k + 1] >= 0
    ):
        ids = p.side(p.phrase_at[k + 1]).ids  # "the joint offensive that Kenya and Somalia launched"
    if len(ids) < 2 and subj is not None and cue.opt("host_support"):
        where = p.pp(v, ("in",), limit=4)
        if where is not None and not set(where.ids) & set(subj.ids):
            return hit(cue, i, subj, where, kind="support")  # "the US led military exercises in Guyana"
    # "troops from A, B, C, D and E take part in exercises": a crowd of participants pairs no allies
    return pairs(cue, i, ids) if 1 < len(ids) <= _MOST_PAIRED else []


def _drills_phrase(p: Parse, v: int, k: int) -> bool:
    """Whether the preposition at k belongs to the drills noun at v, no other noun standing between.

    "drills with China in May", "exercises held off Crete with Greece"; not "exercises near its border with
    Azerbaijan", "the exercise follows a turbulent period in relations between Canberra and Beijing".
    """
    return not any(
        p.is_word(j)
        and not (p.is_function(p.low[j]) or p.low[j].endswith(("ed", "ly")) or p.g.has("time_nouns", p.low[j]))
        for j in range(v + 1, k)
        if p.tokens[j].anchor < 0
    )


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


FRAME_FUNCTIONS: dict[str, Frame] = {
    "agent-patient": agent_patient,
    "give": give,
    "get": get,
    "between": between,
    "possessor": possessor,
    "compound": compound,
    "subject-noun": subject_noun,
    "relational": relational,
    "partner-in": partner_in,
    "fellow": fellow,
    "bloc-members": bloc_members,
    **MEMBER_FRAMES,
    "compound-adjective": compound_adjective,
    "presence": presence,
    "thank-for": thank_for,
    "use-maker": use_maker,
    "arrive-maker": arrive_maker,
    "sighted-maker": sighted_maker,
    "leased-to": leased_to,
    "participants": participants,
    "deal": deal,
    "chosen": chosen,
    "package-for": package_for,
    "continued-deal": continued_deal,
    "invite": invite,
    "licensed": licensed,
    "paid-for": paid_for,
    "funded-work": funded_work,
    "operated-by": operated_by,
    "launched": launched,
    "under-which": under_which,
}
