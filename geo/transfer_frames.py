"""Clause frames of transfers: "X sold ITEM to Y", "Y bought ITEM from X", and "Y took delivery of ITEM".

give
    a transfer told from the supplier ("X sold ITEM to Y", "X supplied Y with ITEM"); the item is
    the stretch between the cue and the other party.
get
    told from the recipient ("Y bought ITEM from X", "Y took delivery of ITEM").
Deal nouns and chosen suppliers are in :mod:`geo.deal_frames`. See :mod:`geo.frames` for the frame contract.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.data.wordlists import ABSTRACT_OBJECTS, NUMBER_WORDS
from geo.deal_frames import delivery_taken, past_licence
from geo.item_spans import antecedent_start, got_item, made_start, topic_maker
from geo.items import item_phrases, money_sum, relative_item, share, system_kinds
from geo.member_frames import from_before
from geo.presence import sent_as_deployment
from geo.recipients import (
    act_named,
    actor_object,
    all_trade,
    antecedent_holder,
    antecedent_span,
    goal_after,
    goal_after_as,
    goal_past_aside,
    inside_a_gift,
    maker_of_item,
    makers_listed,
    other_givers,
    own_border,
    own_item,
    pronoun_recipient,
    protected_for,
    reduced_giver,
    reporting_service,
    site_recipient,
    subject_partner,
    where_place,
)
from geo.slots import (
    Hit,
    after_saying,
    after_verb,
    bought_by,
    cut_item,
    fronted,
    further_items,
    maker_in,
    named_between,
    noun_before_participle,
    operated,
    operator_of,
    own_doing,
    own_subject,
    owned_item_start,
    owner_of,
    possessor_in,
    reacted_to,
    shares,
    story_seller,
    supplied_by,
)

__all__ = ["get", "give"]


@dataclass
class _Transfer:
    """The parts of a transfer a frame fills step by step: who gives, who gets, and where the item is told."""

    src: Side | None
    tgt: Side | None
    item_start: int
    item_end: int


def _passive_give(p: Parse, i: int, v: int, cue: Cue, t: _Transfer) -> None:
    """In "40 jets delivered by France", "Peru was supplied with ...": the by-phrase gives."""
    c = p.clause(v)
    t.src = p.agent(v) or from_before(p, i)  # "twelve jets from France were delivered to Egypt"
    subj = p.subject(v)
    t.item_start, t.item_end = after_saying(p, c.first, i), i - 1
    span = antecedent_span(p, c, i)  # "30 jets, the last of which came from X": the jets, and who holds them
    if span is not None:
        t.item_start, t.item_end = span
        t.tgt = t.tgt or antecedent_holder(p, span[0], t.src)
        t.src = t.src or p.pp(span[1] + 2, ("by",), limit=3)  # "jets, made by Saab, were handed over"
    reduced = i > 0 and not p.g.has("be_forms", p.low[max(0, p.g.adverbs_back(p.low, i - 1))])  # "were also sold"
    if reduced:
        t.item_start = max(t.item_start, noun_before_participle(p, i))  # "received two helicopters donated by Russia"
    if t.tgt is None and subj is not None and cue.opt("passive_recipient"):
        t.tgt = subj
    owner = possessor_in(p, c.first, i) if t.tgt is None else None
    if owner is not None and owner.np >= 0 and named_between(p, owner, i):
        owner = None  # "A's air force flies jets, and B received helicopters donated by C": B's, not A's
    if owner is not None and t.src is not None and not set(owner.ids) & set(t.src.ids):
        t.tgt = owner  # "the navy's latest frigate, built by a Korean yard": built for its owner
        t.item_start = max(owned_item_start(p, owner), noun_before_participle(p, i) if reduced else 0)
    k = operated(p, c.first, i) if t.tgt is None and i > 0 and p.g.has("item_words", p.low[i - 1]) else -1
    if k >= 0:  # "The air force flies 40 jets delivered by France": the operator received them
        t.tgt = operator_of(p, i, k, t.src)
        if t.tgt is not None and t.tgt.np >= 0:  # the item, not its operator
            t.item_start = max(
                after_verb(p, p.phrases[t.tgt.np].last + 1), noun_before_participle(p, i) if reduced else 0
            )


def _active_give(p: Parse, v: int, t: _Transfer, platforms: bool = False) -> None:
    """In "X sold Y ITEM", "X supplied Y with ITEM": the subject gives, an object that is no item gets.

    With ``platforms`` a state's ships or planes give for it ("Russian navy ships unloaded equipment").
    """
    c = p.clause(v)
    t.src = p.subject(v, platforms=platforms)
    if act_named(p, t.src):
        t.src = None  # "its purchase of Finland's Patria gave it ...": the act gives, not the firm
    if t.tgt is not None:
        return
    obj = None if (got := pronoun_recipient(p, v, t.src)) or own_item(p, v) else p.object(v)
    if got:
        t.tgt, t.item_start = got  # "with Addis Ababa, having sold it TB2 drones"
    if obj is not None and t.src is not None and obj.np == t.src.np:
        return  # "Canada has disbursed its C$5bn share": the giver's own, no recipient
    if obj is not None and obj.np >= 0:
        ph = p.phrases[obj.np]
        if all(p.anchors[k].how == "company" for k in ph.anchors) or p.low[ph.last + 1 : ph.last + 2] == ["-"]:
            return  # "delivered Bayraktar TB2 drones", "Chinese-made drones": a maker's name in the item
        if ph.last + 1 < len(p.low) and p.low[ph.last + 1] == "with":
            t.tgt, t.item_start, t.item_end = obj, ph.last + 2, c.last
        elif not ph.head or not any(p.g.has("item_words", w) for w in ph.head.split()):
            t.tgt, t.item_start = obj, ph.last + 1


def _owner_of_item(p: Parse, v: int, t: _Transfer) -> None:
    """Whose the items now are: "much of the Cambodian army's heavy weaponry", "much of Turkey's gas".

    The owner's own head noun is the item, unless items are listed after it ("Vietnam's weapons, including X").
    """
    c = p.clause(v)
    for pi, ph in enumerate(p.phrases):
        if v < ph.first <= min(c.last, v + 6) and ph.possessive and ph.last < c.last:
            head = ph.head_at > ph.first and item_phrases(ph.head) and "including" not in p.low[ph.last : ph.last + 6]
            owned = next((k + 1 for k in range(ph.first, ph.head_at) if p.low[k] in ("'s", "’s")), ph.head_at)
            start = owned if head else ph.last + 1
            rest = p.text(start, min(c.last, start + 4))
            if item_phrases(rest) and (t.src is None or not set(p.ids(ph)) & set(t.src.ids)):
                t.tgt, t.item_start = p.side(pi), start
            return


# prepositions of a phrase that names where something was, not who gets it ("left over from the war in Mali")
_PLACE_PREPS = ("in", "from", "near", "across", "over", "of")
_NAMING_ELSEWHERE = (*_PLACE_PREPS, "against", "by", "according to")


def _unnamed_recipient(p: Parse, v: int, t: _Transfer, verb: bool) -> None:
    """A gift to no one named goes to the recipient the story tells of (see :func:`_story_recipient`).

    "The first two of twelve Apache helicopters were handed over in May": with no giver named
    either, the system's maker gives; a shared undertaking ("pledging joint training") is no gift.
    """
    if t.src is None and p.passive(v):
        t.src = maker_in(p, t.item_start, max(t.item_end, t.item_start), (), systems=True)
    if t.src is not None and not p.g.has("shared_adjectives", p.low[min(t.item_start, len(p.low) - 1)]):
        t.tgt = supplied_by(p, t.src) or _story_recipient(p, v, t.src, focus_ok=verb)


def _placed(p: Parse) -> set[int]:
    """The anchors named only as where something is or was ("left over from the war in Mali")."""
    return {k for ph in p.phrases if ph.prep in _PLACE_PREPS for k in ph.anchors}


def _story_recipient(p: Parse, v: int, src: Side, *, own_clause: bool = False, focus_ok: bool = False) -> Side | None:
    """In "Poland and the Netherlands are also sending tanks": to the recipient the story is about."""
    c = p.clause(v)
    if (last := p.context.transfer) and last[1] in src.ids and last[0] and p.in_return():
        return Side((last[0],), -1, "context")  # "... shells to Russia. In return, Russia has provided Pantsir systems"
    recipient = p.context.transfer[1] if p.context.transfer else ""  # the last transfer's; before any, the focus
    if not recipient and focus_ok:
        focus = p.context.focus(exclude=src.ids)
        seen = p.context.mentions.get(focus, 0)  # a state the story keeps naming, or one just named
        recipient = focus if seen >= 5 or (seen >= 3 and focus in p.context.previous) else ""
    if not recipient or recipient in src.ids or all_trade(p, v) or own_border(p):
        return None  # "sending 20 armored vehicles" to "the borders": deployed at home
    words = p.low[c.first : c.last + 1]
    if c.kind == "rel" and c.antecedent >= 0 and p.low[v].endswith("s") and src.how == "company":
        return None  # "Kongsberg, which supplies the Naval Strike Missile": what a firm makes, sold to no one here
    if any(p.low[k] == "to" and p.g.has("purpose_verbs", p.low[k + 1]) for k in range(max(0, v - 6), v - 1)):
        return None  # "giving grants to help Lima repair and arm the fleet": a purpose, not a gift
    obj = v + 2 if p.low[v + 1 : v + 2] in (["the"], ["its"], ["their"]) else v + 1
    if obj < len(p.low) and p.g.has("faction_nouns", p.low[obj]) and p.low[obj + 1 : obj + 2] == ["with"]:
        return None  # "supply the factions with drones": fighters the sentence does not place, no story state
    if goal_after(p, v, c.last) or any(
        c.first <= ph.first <= c.last
        and ph.first > v
        and not set(p.ids(ph)) <= set(src.ids)
        and ph.prep not in _NAMING_ELSEWHERE  # "used against India", "by X"
        for ph in p.phrases
    ):
        return None  # someone named after the verb (not the giver's own maker: "delivered Bayraktar drones")
    if any(w in ("also", "too") for w in words):
        return Side((recipient,), -1, "context")
    # "Portugal has donated body armour": to the story's recipient, unless another state is named; none is one
    # named as where something was ("left over from the war in Mali") or in a participle clause after the verb
    placed = _placed(p)
    placed |= {t.anchor for j, t in enumerate(p.tokens) if j > v and p.clause(j).kind == "part" and t.anchor >= 0}
    placed |= other_givers(p, v)
    if own_clause:  # a participle after its item: only its own clause can name a rival buyer
        placed |= {t.anchor for j, t in enumerate(p.tokens) if t.anchor >= 0 and p.clause_of[j] != p.clause_of[v]}
    others = {a.id.split("@")[0] for k, a in enumerate(p.anchors) if a.kind == "country" and k not in placed}
    others -= set(src.ids) | {recipient}
    lead = p.phrases[0] if p.phrases and not p.phrases[0].prep and p.clause_of[p.phrases[0].first] == 0 else None
    lead = lead if focus_ok or lead is None or not p.speaker_of(p.side(0), v) else None  # "X said French arms sales"
    if len(others) == 1 and (p.context.focus(exclude=src.ids) in others or (lead and set(p.ids(lead)) == others)):
        # "Islamabad has turned to Moscow: four Mi-35s were delivered by Russia": the lead subject, not the story's
        recipient = min(others)
    return Side((recipient,), -1, "context") if not others - {recipient} else None


def _given_item(p: Parse, i: int, v: int, cue: Cue, t: _Transfer) -> str | None:
    """The words that name what is given, or None when the clause names no item."""
    c = p.clause(v)
    text = p.text(t.item_start, cut_item(p, t.item_start, t.item_end))
    money = cue.opt("money_object") or (cue.pos == "verb" and p.g.has("money_giving_verbs", p.low[v]))
    if cue.opt("money_only"):
        return text if money_sum(text) else None  # "committed $250 million to Moldova", not "paid for the jets"
    if item_phrases(text) or (money and money_sum(text)):
        return text  # "lent $1 billion to Kenya": a sum lent is the thing given
    last = p.context.transfer
    if (
        cue.pos == "verb"
        and p.context.item
        and last
        and t.tgt
        and last[1] in t.tgt.ids
        and _bare_count(p, t.item_start)
    ):
        return f"{p.low[t.item_start]} {p.context.item}"  # "Belgium will send 30 by 2028": more of that item
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
        text = p.text(k + 1, v if cue.opt("noun_item") else i - 1)  # "Japan's loan to Kenya": the loan
        return text if item_phrases(text) else None
    text = p.text(max(c.first, i - 8), i - 1)
    if (
        c.kind != "rel"
        and not (p.passive(v) or p.g.has("prepositions", p.low[i - 1]))
        and t.src is not None
        and t.src.np >= 0
        and max(c.first, i - 8) <= p.phrases[t.src.np].last < i
    ):  # "the UH-60s the US supplied": the item before its giver, never the giver's words ("Patria, a maker of")
        first = p.phrases[t.src.np].first
        text = p.text(max(c.first, noun_before_participle(p, first)), first - 1)
        return text if item_phrases(text) and p.low[first - 1 : first] != [","] else None
    if c.kind == "rel" and c.marker in ("that", "which"):
        # "corvettes that Chile has handed over to Peru": the item is what the clause hangs on
        text = relative_item(p.text(max(0, c.first - 8), c.first - 1))
    if not item_phrases(text) or p.low[i - 1] in p.verbs or p.g.has("prepositions", p.low[i - 1]):
        return None  # "for sending troops": a gerund's object follows it, the words before are no item
    return text


def _bare_count(p: Parse, k: int) -> bool:
    """A number standing alone for its noun: "will send 30 by 2028", "pledged six more"."""
    if k >= len(p.low) or not (p.low[k].replace(",", "").isdigit() or p.low[k] in NUMBER_WORDS):
        return False
    nxt = p.low[k + 1] if k + 1 < len(p.low) else "."
    return nxt in ("more", ".", ",", ";") or p.g.has("prepositions", nxt)


def _recipient(p: Parse, i: int, v: int, cue: Cue, t: _Transfer) -> Side | None:
    """Who gets what a giving verb gives, when no to-phrase says it; returns the from-phrase, if any."""
    if t.tgt is None and t.src is not None:
        t.tgt, end = protected_for(p, v)  # "delivered Pantsir systems to protect Pyongyang"
        t.item_end = end if t.tgt is not None else t.item_end
    if t.tgt is None and (t.src is not None or p.passive(v)):
        # "has sold Bayraktars to more than 30 countries, including Poland" (or "has been sold to ..."): those named
        c = p.clause(v)
        named = [q for q, ph in enumerate(p.phrases) if ph.prep == "including" and v < ph.first <= c.last]
        if named and "to" in p.low[v + 1 : p.phrases[named[0]].first]:
            t.tgt = p.side(named[0])
            t.item_end = t.item_end if p.passive(v) else p.low.index("to", v + 1) - 1
    if t.tgt is None:
        t.tgt = bought_by(p, v) or (where_place(p, v) if cue.pos == "verb" else None)
        if t.tgt is not None and t.tgt.np >= 0 and p.phrases[t.tgt.np].first > v:
            t.item_end = min(t.item_end, p.phrases[t.tgt.np].first - 1)  # "the squadrons India ordered": no buyer in it
    if t.tgt is None and cue.pos == "verb" and not p.passive(v):
        _owner_of_item(p, v, t)
    t.tgt = t.tgt or (subject_partner(p, i, t.src) if cue.pos == "noun" else reporting_service(p, v, t.src))
    frm = p.pp(v, ("from",), limit=6)
    if t.tgt is None and frm is None and cue.opt("story_recipient", True):
        _unnamed_recipient(p, v, t, cue.pos == "verb")
    if t.tgt is None and frm is not None:
        # "patrol boats handed over from Norway": from X to the clause's subject
        t.tgt, t.src = p.subject(i, exclude=frozenset(frm.ids), first=True), frm
        t.item_start, t.item_end = max(p.clause(v).first, i - 8), i - 1
    return frm


def give(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A transfer told from the supplier: "X sold ITEM to Y", "X supplied Y with ITEM" (see the module)."""
    v = i + n - 1
    c = p.clause(v)
    if cue.opt("no_actor_object") and actor_object(p, v):
        return []  # "would make Chile Peru's supplier": "make" with an actor as its object makes nothing
    if own_doing(p, v) or (p.g.has("stipulating_verbs", p.low[v]) and p.low[v + 1 : v + 2] == ["for"]):
        return []  # "the treaty provides for shared drills": a term of the deal, nothing handed over
    if (p.low[v].startswith(("g", "hand")) and any(p.g.has("idiom_gifts", w) for w in p.low[v + 1 : v + 5])) or (
        p.passive(v) and ABSTRACT_OBJECTS.intersection(p.low[v + 1 : v + 3])
    ):
        return []  # "gives them an edge", "warships were granted access to Duqm": nothing handed over
    to = tuple(cue.opt("to", ("to", "for", "into")))
    tgt = None if v > 0 and p.low[v - 1] in ("originally", "initially") else p.pp(v, to, limit=30)  # former owner
    tgt = None if maker_of_item(p, tgt) or (cue.pos == "noun" and goal_after_as(p, v, tgt)) else tgt
    tgt = tgt or (goal_past_aside(p, v, to) if cue.pos == "verb" else None)
    tgt = _past_item_aside(p, v, tgt) or (_port_of(p, v) if "at" in to else None)
    tgt = tgt or (site_recipient(p, v, tuple(to)) if cue.pos == "verb" else None)  # "to the X plant in Bangladesh"
    if (
        tgt is not None
        and tgt.np >= 0
        and any(w.isalpha() and p.g.has("auxiliaries", w) for w in p.low[v + 1 : p.phrases[tgt.np].first])
    ):
        tgt = None  # "a transport donated by the US is now flying supplies to Antarctica": another verb's goal
    t = _Transfer(None, tgt, past_licence(p, v, cue.pos == "noun"), c.last)  # "export licences for tanks"
    if tgt is not None:
        t.item_end = p.phrases[tgt.np].first - 1 if tgt.np >= 0 else c.last
        after = p.phrases[tgt.np].last + 1 if tgt.np >= 0 else -1
        if cue.pos == "noun" and p.phrases[tgt.np].prep_at == v + 1 and after < c.last and p.low[after] == "of":
            t.item_start, t.item_end = after + 1, c.last  # "the sale to Egypt of 24 missiles"
    if cue.pos == "noun" and i > 0 and p.low[i - 1] in ("took", "take", "takes", "taking", "taken"):
        return delivery_taken(p, i, v, cue)  # the buyer's story ("took delivery of drones": the get cue's)
    if cue.pos == "noun":
        vague = p.g.words["vague_suppliers"].intersection(p.low[max(0, i - 3) : i])  # "Western arms supplies"
        t.src = (
            owner_of(p, i)
            or p.agent(v)  # "deliveries by France", not "aid to Gaza was blocked by Israel"
            or (None if reacted_to(p, i) or vague or cue.opt("owner_only") else own_subject(p, i))
        )
    elif p.passive(v):
        _passive_give(p, i, v, cue, t)
    else:
        _active_give(p, v, t, bool(cue.opt("platforms")))
    frm = _recipient(p, i, v, cue, t)
    if t.tgt is None or (p.low[v].startswith("offer") and _idle_offer(p, v, t.tgt)):
        return []
    tgt = t.tgt
    carried = bool(cue.opt("maker_first")) and t.item_end >= t.item_start
    src = (_cargo_maker(p, t, tgt) or frm) if carried else t.src  # "carries electricity from Sweden to Lithuania"
    if not carried and (src is None or (src.np >= 0 and src.np == tgt.np)):
        end = cut_item(p, t.item_start, t.item_end) if t.item_end >= t.item_start else t.item_end
        end = end if end + 1 < len(p.low) and p.low[end + 1] == "to" else t.item_end  # no maker in a purpose
        src = frm or maker_in(p, made_start(p, t.item_start), end, tgt.ids, systems=cue.pos == "noun")
        src = src or (reduced_giver(p, v, tgt) if cue.pos == "verb" else None)
    text = _given_item(p, i, v, cue, t) if src is not None else None
    words = set(text.lower().replace(",", " ").split()) | system_kinds(text) if text is not None else set()
    if words & set(cue.opt("not_items", ())) or (cue.opt("only_items") and not words & set(cue.opt("only_items"))):
        text = None  # "stationed a Dutch Patriot unit in Romania": its own forces placed there, nothing handed over
    # "will send a guided-missile destroyer to help defend the UAE": a deployment
    if src is None or text is None or sent_as_deployment(p, i, p.low[t.item_start : t.item_end + 1], text):
        return []
    out = [Hit("transfer", src.ids, tgt.ids, cue, i, item_text=text, extra={"guessed": tgt.how == "context"})]
    return out + [Hit("transfer", src.ids, s.ids, cue, i, item_text=share(text, n)) for s, n in shares(p, tgt, to)]


def _idle_offer(p: Parse, v: int, tgt: Side) -> bool:
    """An offer (at v) to no one named, an earlier one ("which had offered", not "said it had offered"), one meant."""
    earlier = "had" in p.low[max(0, v - 3) : v] and not any(p.g.has("reporting", w) for w in p.low)
    return tgt.how == "context" or earlier or p.low[v - 1] == "to"


def _past_item_aside(p: Parse, v: int, tgt: Side | None) -> Side | None:
    """The goal after an aside on the item, not inside it: "sold two frigates, built for Italy, to Egypt": Egypt."""
    if tgt is None or tgt.np < 0 or "," not in p.low[v + 1 : p.phrases[tgt.np].first]:
        return tgt
    close = next(
        (k for k in range(p.phrases[tgt.np].last + 1, min(len(p.low), p.phrases[tgt.np].last + 4)) if p.low[k] == ","),
        -1,
    )
    if close < 0 or p.low[close + 1 : close + 2] != ["to"]:
        return tgt
    pi = next((q for q, ph in enumerate(p.phrases) if ph.prep == "to" and ph.prep_at == close + 1), -1)
    return p.side(pi) if pi >= 0 else tgt


def _port_of(p: Parse, v: int) -> Side | None:
    """The place a port is named after, after "at" or "in": "unloaded equipment at the port of Tobruk"."""
    for pi, ph in enumerate(p.phrases):
        k = ph.prep_at
        if (
            ph.prep == "of"
            and v < k <= v + 10
            and p.g.has("place_nouns", p.low[k - 1])
            and {"at", "in"} & set(p.low[max(v, k - 4) : k])
        ):
            return p.named_side(pi)
    return None


def _cargo_maker(p: Parse, t: _Transfer, tgt: Side) -> Side | None:
    """A carrier brings its cargo's maker's goods ("tankers carrying Russian oil to Cuba"), to a named end.

    "the shadow fleet of tankers carrying Russian oil" is bound nowhere the sentence names: no transfer.
    """
    if tgt.how == "context":
        return None
    return maker_in(p, t.item_start, cut_item(p, t.item_start, t.item_end), tgt.ids) or t.src


def blocked_by(p: Parse, v: int) -> Side | None:
    """The side that blocked a purchase later in the sentence: the would-be supplier."""
    for k in range(v + 1, len(p.low) - 2):
        if p.g.has("blockers", p.low[k]) and p.low[k + 1] == "by" and p.phrase_at[k + 2] >= 0:
            return p.side(p.phrase_at[k + 2])
        if p.g.has("blockers", p.low[k]) and p.low[k + 1] == "by" and k + 3 < len(p.low) and p.phrase_at[k + 3] >= 0:
            return p.side(p.phrase_at[k + 3])
    return None


def bought_a_firm(p: Parse, v: int) -> bool:
    """What is got is a firm or a share of one: "a share in Chile's Famae", "Finland's Patria, a maker of ..."."""
    k = v + 1
    if k < len(p.low) and p.low[k] == "of":
        k += 1
    window = p.low[k : k + 6]
    if any(p.g.has("ownership_nouns", w) for w in window):
        return True
    pi = p.phrase_at[k] if k < len(p.low) else -1
    if pi < 0:
        return False
    ph = p.phrases[pi]
    if ph.possessive and ph.last + 1 < len(p.low) and p.phrase_at[ph.last + 1] >= 0:
        ph = p.phrases[p.phrase_at[ph.last + 1]]  # "Finland's Patria"
    return (
        all(p.anchors[a].how == "company" for a in ph.anchors[-1:])
        and ph.last + 1 < len(p.low)
        and p.low[ph.last + 1] == ","
    )


def _no_getting(p: Parse, i: int, v: int, cue: Cue) -> bool:
    """A getting verb that gets no weapons from anyone."""
    if cue.opt("no_infinitive") and v + 1 < len(p.low) and p.low[v + 1] == "to":
        return True  # "sought to bolster ... by acquiring": the later verb is the cue
    if i > 1 and p.low[i - 2] == "as" and p.low[i - 1] in ("he", "she", "it", "they", "we", "you"):
        return True  # "as many vehicles as he wants": a comparison, not a want
    only = cue.opt("only_items")  # "draws power from Sweden": a verb that gets only these goods, named right after it
    return bought_a_firm(p, v) or inside_a_gift(p, v) or bool(only and not set(p.low[v + 1 : v + 7]) & set(only))


def get(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A transfer told from the recipient: "Y bought ITEM from X", "Y received ITEM" (the seller from the story)."""
    v = i + n - 1
    c = p.clause(v)
    if _no_getting(p, i, v, cue):
        return []
    frm = _seller_phrase(p, v, cue)
    special = _special_get(p, i, v, cue, frm)
    if special is not None:
        return special
    if cue.pos == "noun":
        tgt = p.pp(v, ("by",), limit=4) or owner_of(p, i) or (None if reacted_to(p, i) else own_subject(p, i))
    elif p.passive(v):
        tgt = p.pp(v, ("to", "by"), limit=20) or p.subject(v, exclude=frozenset(frm.ids) if frm else frozenset())
        if (cue.opt("reduced_recipient_main") and c.kind in ("reduced",)) or p.clause(v).first == v:
            tgt = tgt or p.subject(c.first)
    else:
        tgt = p.subject(v, exclude=frozenset(frm.ids) if frm else frozenset())
    item_start, item_end = got_item(p, i, v, cue, frm)
    item_end = cut_item(p, item_start, max(item_end, item_start))  # "requested F-16s after its purchase of S-400s"
    src = frm or maker_in(p, item_start, item_end, tgt.ids if tgt else (), systems=True)
    if src is None and tgt is not None and c.kind == "rel" and c.marker in ("that", "which") and c.first > 0:
        # "a NASAMS battery that Oslo bought", "the Israeli-made drones, which India bought"
        src = maker_in(p, antecedent_start(p, c.first), c.first - 1, tgt.ids, systems=True)
    if src is None and tgt is not None:
        src = blocked_by(p, v)  # "wanted to buy the plant, and the contract was blocked by Chile"
    if src is None and tgt is not None:
        src = story_seller(p, v, cue, tgt)
    src = src or topic_maker(p, p.text(item_start, max(item_start, item_end)), tgt.ids if tgt else ())
    seller = frm or (src if src is not None and src.how == "topic" else None)
    if tgt is None and cue.pos == "verb" and seller is not None:
        tgt = _participle_buyer(p, v, seller)  # "Sixty-six jets ordered in 2019": by the story's state
    if src is None or tgt is None:
        return []
    text = p.text(item_start, cut_item(p, item_start, item_end))
    borrowed = frm is not None and p.g.has("borrowing_verbs", p.low[v]) and money_sum(text)  # "borrowed $2bn from"
    if not (item_phrases(text) or borrowed):
        # "five mine hunters bought from France": a participle after its item (after any verb of saying)
        start = max(i - 8, after_saying(p, c.first, i)) if c.kind != "rel" else i
        text = p.text(start, i - 1) if start < i else ""
        if not item_phrases(text) and c.kind in ("rel", "reduced") and c.first > 0:
            # "18 Gripen jets that Thailand bought from Sweden", "India's Rafales, bought from France in 2016,"
            text = p.text(max(0, c.first - 8), c.first - 1)
            text = relative_item(text) or text  # "designed to house the two submarines that X bought"
        if not item_phrases(text):
            return []
    listed = makers_listed(p, item_start, item_end, tgt.ids) if frm is None else []
    if listed:  # "buying Turkish drones, Italian radars and Spanish trucks"
        return [Hit("transfer", m.ids, tgt.ids, cue, i, item_text=p.text(a, b)) for m, a, b in listed]
    text = p.context.topic if src.how == "topic" else text
    return [Hit("transfer", src.ids, tgt.ids, cue, i, item_text=text), *further_items(p, frm, tgt, cue, i, text)]


def _seller_phrase(p: Parse, v: int, cue: Cue) -> Side | None:
    """A getting verb's from-phrase, unless a clause opens before it ("after a row with Russian aides") or a site."""
    frm = p.pp(v, cue.opt("from", ["from"]), limit=30) or fronted(p, v, ("from",))
    frm = frm or (from_before(p, v - 1) if cue.opt("item_subject") else None)  # "more jets from X are on order"
    if frm is not None and frm.np > 0 and cut_item(p, v + 1, p.phrases[frm.np].first) < p.phrases[frm.np].first - 2:
        return None
    nxt = p.low[p.phrases[frm.np].last + 1 :][:1] if frm is not None and frm.np >= 0 else []
    return None if nxt and p.g.has("facility_nouns", nxt[0]) else frm  # "from the Baikonur cosmodrome": a site


def _participle_buyer(p: Parse, v: int, frm: Side) -> Side | None:
    """The story's recipient buys what a participle after its noun names: "four aircraft bought from Norway"."""
    before = p.low[v - 1] if v > 0 else ""
    reduced = p.clause(v).kind == "reduced" or (  # "fire units ordered from the US"
        p.is_word(v - 1) and not p.is_function(before) and (p.g.has("item_words", before) or before.endswith("s"))
    )
    if not (p.passive(v) or reduced):
        return None
    focus = p.context.focus(exclude=frm.ids)
    if focus and any(ph.prep == "in" and p.ids(ph) == (focus,) for ph in p.phrases):
        return Side((focus,), -1, "context")  # "drones ordered from Elbit ..., four of them now in Switzerland"
    if p.context.transfer is None:  # no transfer read yet: the buyer is the country the story is about
        placed = _placed(p)
        named = {a.id for k, a in enumerate(p.anchors) if a.kind == "country" and k not in placed}
        if not focus and len(named - set(frm.ids)) == 1:
            focus = min(named - set(frm.ids))  # the story's first sentence: the one other state it names
        known = p.context.mentions.get(focus, 0) >= 2 or focus in named  # the story's state, or the sentence's
        return Side((focus,), -1, "context") if focus and known and not named - set(frm.ids) - {focus} else None
    return _story_recipient(p, v, frm, own_clause=True, focus_ok=True)


def _relied_on(p: Parse, i: int, v: int, cue: Cue, frm: Side | None) -> list[Hit]:
    """In "Laos relies on China for its arms imports": the one relied on supplies the subject."""
    c = p.clause(v)
    k = next((k for k in range(v + 1, min(c.last, v + 8) + 1) if p.low[k] == "for"), -1)
    if frm is None or k < 0 or not any(w in cue.opt("needs_item") for w in p.low[k + 1 : min(c.last, k + 8) + 1]):
        return []
    tgt = p.subject(v, exclude=frozenset(frm.ids))
    if tgt is None:
        return []
    return [Hit("transfer", frm.ids, tgt.ids, cue, i, item_text=p.text(k + 1, c.last))]


def _special_get(p: Parse, i: int, v: int, cue: Cue, frm: Side | None) -> list[Hit] | None:
    """The buyer's stories told by a frame option: relied on, held from, come from (None: none of them)."""
    if cue.opt("needs_item"):
        return _relied_on(p, i, v, cue, frm)
    if cue.opt("holdings"):
        return _holdings_from(p, i, v, cue)
    if cue.opt("item_subject"):
        return _came_from(p, i, v, cue, frm)
    return None


def _holdings_from(p: Parse, i: int, v: int, cue: Cue) -> list[Hit]:
    """In "Egypt's fleet includes Rafales from France and F-16s from the United States": one transfer each."""
    c = p.clause(v)
    owner = possessor_in(p, c.first, v)
    if owner is None or not any(p.g.has("holding_nouns", w) for w in p.low[c.first : v]):
        return []
    out, start = [], v + 1
    for ph in p.phrases:
        if ph.prep == "from" and start < ph.first <= c.last + 1 and not set(p.ids(ph)) & set(owner.ids):
            text = p.text(start, ph.prep_at - 1)
            if item_phrases(text):
                out.append(Hit("transfer", p.ids(ph), owner.ids, cue, i, item_text=text))
            start = ph.last + 1
            while start <= c.last and p.low[start] in (",", "and", "as", "well"):
                start += 1
    return out


def _came_from(p: Parse, i: int, v: int, cue: Cue, frm: Side | None) -> list[Hit]:
    """In "Most of Algeria's weapons come from Russia": the subject is the item, its owner the recipient."""
    c = p.clause(v)
    if frm is None or frm.np < 0 or p.phrases[frm.np].first > v + 3:
        return []
    tgt = possessor_in(p, c.first, v)
    if tgt is None and cue.opt("story_buyer"):  # "Six frigates are on order from Italy": the story's buyer's
        buyer = p.context.transfer[1] if p.context.transfer else p.context.focus(exclude=frm.ids)
        tgt = Side((buyer,), -1, "context") if buyer and p.context.mentions.get(buyer, 0) >= 2 else None
    text = p.text(c.first, v - 1)
    if tgt is None or set(tgt.ids) & set(frm.ids) or not item_phrases(text):
        return []
    return [Hit("transfer", frm.ids, tgt.ids, cue, i, item_text=text)]
