"""Who gets what a giving verb gives, when no to-phrase says so: helpers for :mod:`geo.transfer_frames`.

"A handed over trucks, and B has delivered goggles" (both to the story's recipient, neither to the
other); "30 jets, the last of which came from Boeing" (to whoever flies the jets); "sent air
defence batteries to protect Hanoi" (for whom they are meant); "its takeover of Sweden's Saab gave
it ..." (the act gives, not the firm).
"""

from __future__ import annotations

from geo.clauses import Parse, Side
from geo.gate import giving_words
from geo.grammar import Clause
from geo.items import item_phrases, system_maker
from geo.slots import operated, operator_of, possessor_in, resumed_start

__all__ = [
    "act_named",
    "actor_object",
    "all_trade",
    "antecedent_holder",
    "antecedent_span",
    "goal_after",
    "goal_after_as",
    "goal_past_aside",
    "inside_a_gift",
    "maker_of_item",
    "makers_listed",
    "other_givers",
    "own_border",
    "own_item",
    "protected_for",
    "reduced_giver",
    "site_recipient",
    "where_place",
]


def actor_object(p: Parse, v: int) -> bool:
    """An actor phrase right after v is its object ("would make Chile Peru's supplier"), not an item's owner.

    "China built Algeria's Alcomsat-1 satellite": Algeria owns what is built.
    """
    pi = p.phrase_at[v + 1] if v + 1 < len(p.low) else -1
    if pi < 0:
        return False
    ph = p.phrases[pi]
    # "is building the El Dabaa nuclear plant": a town's name before the thing built names it, no actor
    named = ph.possessive or all(p.anchors[k].kind in ("city", "admin1", "other") for k in ph.anchors)
    return not (named and item_phrases(p.text(ph.last + 1, p.clause(v).last)))


def act_named(p: Parse, side: Side | None) -> bool:
    """Whether ``side`` only completes a noun that names an act: "its purchase of Finland's Patria"."""
    if side is None or side.np < 0:
        return False
    ph = p.phrases[side.np]
    if not ph.prep and side.np > 0 and p.phrases[side.np - 1].possessive:
        ph = p.phrases[side.np - 1]  # "of Estonia's Milrem": the owner's phrase holds the preposition
    return ph.prep == "of" and ph.prep_at > 0 and p.g.has("summary_nouns", p.low[ph.prep_at - 1])


def other_givers(p: Parse, v: int) -> set[int]:
    """Subjects of clauses coordinated with v's: "A handed over trucks, and B sent goggles" (A gives, not gets).

    Also the makers named in a compound or by a firm ("Turkish-made drones", "Bayraktar TB2s were seen")
    and the agent of another gift ("vehicles handed over by Germany"): a giver or maker gets nothing.
    """
    lead: dict[int, int] = {}
    for pi, ph in enumerate(p.phrases):
        lead.setdefault(p.clause_of[ph.first], pi)
    makers = {
        t.anchor
        for j, t in enumerate(p.tokens[:-2])
        if t.anchor >= 0 and p.low[j + 1] in ("-", "‐") and p.g.has("compound_maker_participles", p.low[j + 2])
    } | {k for k, a in enumerate(p.anchors) if a.how == "company"}  # "Bayraktar TB2 drones"
    giving = giving_words()  # "vehicles handed over by Germany": the agent of a gift gives too
    makers |= {
        k
        for ph in p.phrases
        if ph.prep == "by" and ph.prep_at >= 2 and giving & {p.low[ph.prep_at - 1], p.low[ph.prep_at - 2]}
        for k in ph.anchors
    }
    return makers | {
        k
        for ci, pi in lead.items()
        if ci != p.clause_of[v] and not p.phrases[pi].prep and "coord" in (p.clauses[ci].kind, p.clause(v).kind)
        for k in p.phrases[pi].anchors
    }


def protected_for(p: Parse, v: int) -> tuple[Side | None, int]:
    """In "sent air defence batteries to protect Hanoi": for whom they are meant, and the item's end."""
    c = p.clause(v)
    for k in range(v + 1, min(c.last, v + 12)):
        if p.low[k] == "to" and p.g.has("protective_verbs", p.low[k + 1] if k + 1 < len(p.low) else ""):
            return p.object(k + 1), k - 1
    return None, -1


def goal_after(p: Parse, v: int, last: int) -> bool:
    """A to/for/into phrase after v that names someone, not the giver's own service ("to the army")."""
    return any(
        p.low[k] in ("to", "for", "into")
        and not p.g.has("compound_prepositions", p.low[k - 1])  # "according to the statement"
        and (p.phrase_at[k + 1] >= 0 or p.g.has("determiners", p.low[k + 1]))
        and not p.g.words["own_services"].intersection(p.low[k + 2 : k + 6])  # "to the army", "for the F-16 fleet"
        for k in range(v + 1, min(last, len(p.low) - 2) + 1)
    )


def antecedent_span(p: Parse, c: Clause, i: int) -> tuple[int, int] | None:
    """The noun phrase a clause after a comma says more of, back to a verb or preposition.

    A partitive relative ("30 jets, the last of which came") or a participle right after the
    comma ("Norway's frigates, built in Spain by Navantia").
    """
    if c.kind == "rel" and p.low[c.first - 1 : c.first + 1] == ["of", "which"]:
        comma = next((k for k in range(c.first - 2, max(0, c.first - 6), -1) if p.low[k] == ","), -1)
    elif c.kind == "reduced" and c.first == i and i > 1 and p.low[i - 1] == ",":
        comma = i - 1
    elif resumed_start(p, c, i) != c.first:  # "Six jets, made by Saab, were handed over"
        comma = p.clauses[p.clause_of[c.first] - 1].first - 1
    else:
        return None
    start = comma
    while start > 0 and comma - start < 8:
        w = p.low[start - 1]
        if w in (",", ";") or p.g.has("prepositions", w) or p.g.has("operating_verbs", w):
            break
        if (p.phrase_at[start - 1] >= 0 and not p.phrases[p.phrase_at[start - 1]].possessive) or (
            p.finite(w) and not p._ed_adjective(start - 1)
        ):
            break
        start -= 1
    marks = [k for k in range(start, comma) if p.low[k] in ("'s", "’s", "'", "’")]
    start = marks[-1] + 1 if marks else start  # "Norway's frigates": the item after its owner
    return (start, comma - 1) if start < comma else None


def antecedent_holder(p: Parse, start: int, src: Side | None) -> Side | None:
    """Who holds the noun phrase at ``start``: its possessor, else the subject of the verb of using it."""
    first = p.clause(start).first
    owner = possessor_in(p, first, start)
    if owner is None:
        k = operated(p, first, start)
        owner = operator_of(p, k, k, src) if k >= 0 else None
    return owner if owner is not None and not (src and set(owner.ids) & set(src.ids)) else None


def makers_listed(p: Parse, start: int, end: int, exclude: tuple[str, ...]) -> list[tuple[Side, int, int]]:
    """Items listed each with its own maker: "Turkish drones, Italian radars and Spanish trucks".

    The (maker, first, last) of every member when there are two makers or more, else [].
    """
    parts: list[tuple[int, int]] = []
    first = start
    for k in range(start, end + 1):
        if p.low[k] in (",", "and"):
            if k > first:
                parts.append((first, k - 1))
            first = k + 1
    if end >= first:
        parts.append((first, end))
    if len(parts) < 2:
        return []
    out: list[tuple[Side, int, int]] = []
    for a, b in parts:
        ids = {p.anchors[p.tokens[k].anchor].id.split("@")[0] for k in range(a, b + 1) if p.tokens[k].anchor >= 0}
        made = system_maker(p.text(a, b))
        ids = (ids or ({made} if made else set())) - set(exclude)
        if len(out) >= 2 and not ids and not item_phrases(p.text(a, b)):
            break  # "..., and French radars, in a strategy officials call balanced": the list has ended
        if len(ids) != 1 or not item_phrases(p.text(a, b)):
            return []  # "Chinese and Turkish drones": one item with two makers
        out.append((Side((min(ids),), -1, "maker"), a, b))
    return out if len({m.ids for m, _, _ in out}) > 1 else []


def goal_past_aside(p: Parse, v: int, preps: tuple[str, ...]) -> Side | None:
    """The goal after an aside on the item: "shipped interceptors, built by Mitsubishi, to the United States"."""
    ci = p.clause_of[v]
    if ci + 2 >= len(p.clauses) or p.clauses[ci + 1].kind not in ("reduced", "paren"):
        return None
    after = p.clauses[ci + 2]
    if after.first + 2 >= len(p.low) or p.low[after.first] not in preps:
        return None
    pi = p.phrase_at[after.first + 1]
    if pi < 0 and p.is_function(p.low[after.first + 1]):
        pi = p.phrase_at[after.first + 2]  # "to the United States"
    return p.side(pi) if pi >= 0 else None


def goal_after_as(p: Parse, v: int, side: Side | None) -> bool:
    """A to-phrase after "as" and another noun belongs to that noun: "the drone sales as a challenge to Moscow"."""
    return side is not None and side.np >= 0 and "as" in p.low[v + 1 : p.phrases[side.np].prep_at]


def maker_of_item(p: Parse, side: Side | None) -> bool:
    """A "for" or "to" phrase that names no recipient: the maker of the item after it, or a reason.

    "a contract for three Thales radars" tells what a deal was for, "in retaliation for an Iranian
    attack" and "in response to Peru's strike" why; "for the Polish army" and "for Ukraine's navy" still
    name a recipient.
    """
    if side is None or side.np < 0:
        return False
    at = p.phrases[side.np].prep_at
    if at > 0 and p.phrases[side.np].prep in ("for", "to") and p.g.has("reason_nouns", p.low[at - 1]):
        return True
    if p.phrases[side.np].prep != "for" or p.low[p.phrases[side.np].last] in ("'s", "’s"):
        return False
    k = p.phrases[side.np].last + 1
    stop = min(len(p.low), k + 8)  # "Thales Ground Master 200 air surveillance radars"
    end = next((j for j in range(k, stop) if not p.low[j][0].isalnum() or p.is_function(p.low[j])), stop)
    return end > k and bool(item_phrases(p.text(k, end - 1)))


def pronoun_recipient(p: Parse, v: int, giver: Side | None) -> tuple[Side, int] | None:
    """The side "it" stands for before an item: "with Addis Ababa, having sold it TB2 drones" (and the item's start).

    The last actor named before the verb that is not the giver.
    """
    if p.low[v + 1 : v + 2] not in (["it"], ["them"]) or not item_phrases(p.text(v + 2, p.clause(v).last)):
        return None
    others = [q for q, ph in enumerate(p.phrases) if ph.last < v and not (giver and set(p.ids(ph)) & set(giver.ids))]
    if p.low[v + 1] == "them":
        # "Moscow gives them guns, Ankara sells them drones": many, not the one state named last
        others = [q for q in others if len(p.ids(p.phrases[q])) > 1 or p.phrases[q].head.endswith("s")]
        plural = tuple(x for x in p.context.plural if not (giver and x in giver.ids))
        if not others and len(plural) > 1:
            return Side(plural, -1, "pronoun"), v + 2
    return (p.side(others[-1]), v + 2) if others else None


def own_border(p: Parse) -> bool:
    """The sentence deploys to its subject's own edge: "doubled the troops on the borders, sending 20 armored vehicles".

    A border named without a state after it ("the borders", "its frontier") is the sender's own: what is
    sent there is deployed, not given to the state the story is about.
    """
    return any(
        p.g.has("border_nouns", w)
        and p.low[k - 1] in ("the", "its", "their")
        and p.low[k + 1 : k + 2] not in (["with"], ["of"], ["between"])
        for k, w in enumerate(p.low)
        if k > 0
    )


def inside_a_gift(p: Parse, v: int) -> bool:
    """A getting participle on what a giving verb just before it hands over, with no seller of its own.

    "Leonardo has delivered 14 of the 24 helicopters ordered in 2023": the delivery tells the transfer; the
    participle names no buyer (its clause's subject is the one who delivers).
    """
    before = p.low[v - 1] if v > 0 else ""
    if p.g.has("auxiliaries", before) or not p.is_word(v - 1) or p.pp(v, ("by", "from"), limit=30) is not None:
        return False  # "has ordered", "..., ordered": a verb of its own; "received ... from X": its own seller
    c = p.clause(v)
    return any(
        p.low[k] in giving_words() and p.tokens[k].text.islower() and p.phrase_at[k + 1] < 0
        for k in range(max(c.first, v - 12), v)
    )  # a verb, not a word of a name ("the Royal Armed Forces received ...")


def own_item(p: Parse, v: int) -> bool:
    """A possessive pronoun right after a giving verb owns the item, and gets nothing: "handed over its F-16s"."""
    return p.low[v + 1 : v + 2] in (["its"], ["their"]) and bool(item_phrases(p.text(v + 2, p.clause(v).last)))


def site_recipient(p: Parse, v: int, preps: tuple[str, ...]) -> Side | None:
    """The state of an unknown site a transfer goes to: "delivered fuel to the Rooppur plant in Bangladesh".

    "to" (one of ``preps``) opens a phrase of up to four words that names no actor, and "in", "at" or
    "on" then names the place the site lies in.
    """
    c = p.clause(v)
    k = next((k for k in range(v + 1, min(c.last, v + 12)) if p.low[k] in preps), -1)
    if k < 0 or p.low[k + 1] == "power":
        return None  # "bring its people to power in Chisinau": no site, an idiom
    for j in range(k + 1, min(c.last, k + 6)):
        if p.phrase_at[j] >= 0:
            ph = p.phrases[p.phrase_at[j]]
            return p.side(p.phrase_at[j]) if ph.prep in ("in", "at", "on") and ph.first > k + 2 else None
        if not p.is_word(j):  # "to Kupol, a subsidiary of Russia's Almaz-Antey": the firm's state
            return _firm_of(p, j, len(p.low) - 1) if p.low[j] == "," and j > k + 1 else None
    return None


def _firm_of(p: Parse, j: int, last: int) -> Side | None:
    """The state of a firm an apposition (at the comma j) describes.

    "to Kupol, a subsidiary of Russian state arms maker Almaz-Antey"; "to Humain, a new AI company owned by
    Saudi Arabia's Public Investment Fund".
    """
    if p.low[j + 1 : j + 2] not in (["a"], ["an"]):
        return None
    stop = (k for k in range(j + 2, min(last, j + 12)) if p.tokens[k].anchor < 0 and not p.low[k][:1].isalnum())
    end = next(stop, min(last, j + 12))
    if not p.g.words["apposed_firm_nouns"].intersection(p.low[j + 2 : end]):
        return None
    q = next((q for q, ph in enumerate(p.phrases) if j + 2 <= ph.first < end), -1)
    return p.side(q) if q >= 0 and p.phrases[q].prep in ("", "of", "by") else None


def reduced_giver(p: Parse, v: int, tgt: Side) -> Side | None:
    """The clause's subject gives what a participle after its item tells of, with no maker and no by-phrase.

    "The US has been the largest donor, providing equipment, including armoured vehicles delivered to the
    Haitian police": the US delivered them.
    """
    if v == 0 or p.g.has("be_forms", p.low[v - 1]) or not p.passive(v):
        return None
    subj = p.subject(v, exclude=frozenset(tgt.ids), first=True)
    after = p.phrases[subj.np].last + 1 if subj is not None and subj.np >= 0 else v
    # only a giver's own gift: not "blocked EU money meant to reimburse states for weapons sent to Ukraine"
    return subj if giving_words().intersection(p.low[after:v]) else None


def all_trade(p: Parse, v: int) -> bool:
    """A trade told as a whole: "India's defence exports reached a record", "a halt to ammunition exports"."""
    trend = p.low[v].endswith("s") and any(p.g.has("trend_verbs", w) for w in p.low[v + 1 : v + 4])
    return trend or not p.g.words["halting_nouns"].isdisjoint(p.low[max(0, v - 4) : v])


def where_place(p: Parse, v: int) -> Side | None:
    """The place a "where" clause around v hangs on: "Belarus, where Moscow said it had deployed missiles"."""
    ci = p.clause_of[v]
    for _ in range(3):
        c = p.clauses[ci]
        if c.kind == "rel" and c.marker == "where" and c.antecedent >= 0:
            return p.side(c.antecedent)
        if c.parent < 0 or c.kind not in ("content", "rel"):
            return None
        ci = c.parent
    return None


def subject_partner(p: Parse, i: int, giver: Side | None) -> Side | None:
    """The giver's partner in a subject of two: "Pakistan and Saudi Arabia are discussing converting Saudi loans"."""
    if giver is None:
        return None
    both = p.subject(i, first=True)
    if both is None or len(both.ids) != 2 or not set(giver.ids) < set(both.ids):
        return None
    return Side(tuple(x for x in both.ids if x not in giver.ids), both.np, both.how)


def reporting_service(p: Parse, v: int, giver: Side | None) -> Side | None:
    """The armed service that reports getting it: "has delivered 14 helicopters, according to the Peruvian Air Force".

    A service is its state's receiving end; a minister, a leader or an outlet quoted this way names no recipient.
    """
    side = p.pp(v, ("according to",), limit=30)
    if side is None or side.np < 0 or giver is None or set(side.ids) & set(giver.ids):
        return None
    head = p.phrases[side.np].head.split()
    return side if head and p.g.has("security_forces", head[-1]) else None
