"""Clause frames of deals: "a deal with X for ITEM", "a contract with Russia for 24 jets", "chose X to build".

deal
    a deal noun ("a contract with Russia for 24 jets", "a deal to buy 42 Rafale jets", "a contract for
    96 helicopters with Boeing"); who sells is the other party, unless the subject is the seller.
chosen
    a supplier chosen ("Chile has chosen Spain's Navantia to build six frigates").
package_for
    a package for a state ("a $1.1-billion arms package for Taiwan").
continued_deal
    more items of the transfer the previous sentences told ("The deal also includes 100 missiles").

See :mod:`geo.frames` for the frame contract.
"""

from __future__ import annotations

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.data.wordlists import NUMBER_WORDS
from geo.items import item_phrases, system_maker, system_names
from geo.slots import Hit, cut_item, maker_in, only_ground, owner_of, reacted_to, state_of

__all__ = ["chosen", "deal", "delivery_taken", "package_for", "past_licence"]


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
    # "a contract worth about 3 billion euros for three boats": past the price to "for"
    k = next((k for k in range(v + 1, min(c.last, v + 8)) if p.low[k] in ("for", "to") or p.phrase_at[k] >= 0), -1)
    if other is None and k > 0 and p.low[k] in ("for", "to"):
        found = _deal_named_by_item(p, i, k, cue)
        if found:
            return found
    if maker is not None and other is not None and item_phrases(before):
        return [Hit("transfer", maker.ids, other.ids, cue, i, item_text=before)]
    if other is None:
        return []
    after = p.phrases[other.np].last + 1 if other.np >= 0 else v + 1
    to = _past_firm(p, after, other, c.last)  # "with Russian state nuclear corporation Rosatom to build"
    named_firm = any(p.g.has("firm_nouns", w) for w in p.low[after:to]) or any(
        p.side(p.phrase_at[j]).how == "company" for j in range(after, to) if p.phrase_at[j] >= 0
    )
    after = to
    if (
        after + 2 <= c.last
        and p.low[after] == "to"
        and (p.g.has("deal_verbs_get", p.low[after + 1]) or p.g.has("deal_verbs_give", p.low[after + 1]))
    ):
        # "signed a deal with France to buy 42 Rafale jets": the verb says who sells
        text = p.text(after + 2, cut_item(p, after + 2, c.last))
        subj = p.subject(i, exclude=frozenset(other.ids), first=True)
        if subj is not None and item_phrases(text):
            # a firm sells whatever the verb: "a deal with Boeing to build drones"
            firm = (
                named_firm
                or other.how == "company"
                or (other.np >= 0 and p.g.has("firm_nouns", p.phrases[other.np].head))
            )
            buys = p.g.has("deal_verbs_get", p.low[after + 1]) or (firm and subj.how != "company")
            src, dst = (other, subj) if buys else (subj, other)
            return [Hit("transfer", src.ids, dst.ids, cue, i, item_text=text)]
    if k > 0 and p.low[k] == "for" and other.np >= 0 and k < p.phrases[other.np].prep_at:
        # "a contract for 96 helicopters with Boeing": the item comes before the seller
        return _deal_for(p, i, cue, other, p.text(k + 1, p.phrases[other.np].prep_at - 1))
    including = [k for k in range(after, c.last + 1) if p.low[k] in ("including", "includes", "comprising")]
    start = after
    while after < c.last and after - start < 8 and p.low[after] != "for" and _same_side(p, after, other):
        after += 1  # past "in 2023", and past the firm of "Israel's Elbit"
    found = _deal_for(p, i, cue, other, p.text(after + 1, c.last)) if p.low[after : after + 2][:1] == ["for"] else []
    if found:
        return found
    if including:
        return _deal_by_maker(p, i, cue, other, p.text(including[0] + 1, c.last))
    return []


def _deal_for(p: Parse, i: int, cue: Cue, other: Side, text: str) -> list[Hit]:
    """A deal with ``other`` for the item ``text``: the subject buys, unless it is the one that sells."""
    subj = p.subject(i, exclude=frozenset(other.ids), first=True)
    first = p.clause(i).first
    if subj is not None and subj.np >= 0:
        head = p.phrases[subj.np].head.rsplit(" ", 1)[-1]
    else:  # "The order follows a contract with Saudi Arabia": no actor, another deal
        head = p.low[first + 1] if subj is None and p.low[first] in ("the", "this") and first + 2 < i else ""
    if not item_phrases(text) or (subj is None and not head):
        return []
    maker = system_maker(text)
    if p.g.has("pact_nouns", head) or p.g.has("sale_nouns", head) or head in ("order", "orders", "contract"):
        # "The Iraqi order follows a contract with Saudi Arabia for Cheongung batteries": another deal's
        # buyer is no party; the system's maker sells to the one the contract is with
        # with no maker named, the seller of the story's last deal sells again ("for ten batteries of the same system")
        maker = maker or (p.context.transfer[0] if p.context.transfer else None)
        if maker is None or maker in other.ids or other.how == "company":
            return []
        return [Hit("transfer", (maker,), other.ids, cue, i, item_text=text)]
    if subj is None:
        return []
    if maker is not None and maker not in subj.ids and maker in other.ids:
        return [Hit("transfer", other.ids, subj.ids, cue, i, item_text=text)]  # the maker's side sells
    if maker is not None and maker in subj.ids and maker not in other.ids:
        return [Hit("transfer", subj.ids, other.ids, cue, i, item_text=text)]  # "it signed with Egypt for K9s"
    if _seller(p, i, subj, other):  # "Baykar signed an export contract with Saudi Arabia for drones"
        return [Hit("transfer", subj.ids, other.ids, cue, i, item_text=text)]
    return [Hit("transfer", other.ids, subj.ids, cue, i, item_text=text)]


def _time_word(p: Parse, k: int) -> bool:
    """A word of a time adverbial: "earlier this year", "last month", "in 2023", "in March"."""
    w = p.low[k]
    return w.isdigit() or any(p.g.has(table, w) for table in ("time_nouns", "duration_nouns", "time_adverb_words"))


def chosen(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A supplier chosen: "Chile has chosen Spain's Navantia to build six frigates".

    The object is the supplier (a state or its firm), the subject the buyer; the item is named after
    the supplier ("to build 11 frigates", "and its A26 design").
    """
    v = i + n - 1
    c = p.clause(v)
    supplier = p.object(v)
    if supplier is not None and supplier.np >= 0 and only_ground(p, supplier):
        supplier = None  # "chose David's Sling": a system named like a town, no supplier
    buyer = p.subject(v, exclude=frozenset(supplier.ids) if supplier else frozenset())
    if supplier is None and buyer is not None and v + 1 <= c.last:
        # "Helsinki chose David's Sling": a system chosen by its name comes from its maker's state
        named = p.text(v + 1, cut_item(p, v + 1, min(c.last, v + 6)))
        maker = system_maker(named) if item_phrases(named) else None
        if maker and maker not in buyer.ids:
            return [Hit("transfer", (maker,), buyer.ids, cue, i, item_text=named)]
    if supplier is None or buyer is None or supplier.np < 0 or set(supplier.ids) & set(buyer.ids):
        return []
    sup = p.phrases[supplier.np]
    start = sup.last + 1
    head = sup.head_at - len(sup.head.split()) + 1  # the first word of the phrase's own noun
    if sup.possessive and sup.head_at >= 0 and (item_phrases(sup.head) or system_names(p.text(head, sup.head_at))):
        named = p.text(head, sup.head_at)  # "picked Japan's Mogami frigate", "chose Saab's Gripen"
        return [Hit("transfer", supplier.ids, buyer.ids, cue, i, item_text=named)]
    if not sup.possessive and sup.head_at >= 0:
        start = head  # "chose the German Leopard 2A8": the item opens at its noun
    if start <= c.last and p.phrase_at[start] >= 0 and sup.possessive:
        start = p.phrases[p.phrase_at[start]].last + 1  # "Spain's Navantia": past the firm
    to = next((k for k in range(start, min(c.last, start + 5)) if p.low[k] == "to"), -1)
    if to > start and all(_time_word(p, k) for k in range(start, to)):
        start = to  # "selected STM earlier this year to build three ships": past the time adverbial
    while start < len(p.low) and (p.low[start] in ("to", "and", "its", "their", "for") or p.low[start] in p.verbs):
        start += 1
    end = start  # the item may follow in a verbless continuation: "selected Norway's Kongsberg and its NSM missiles"
    while end + 1 < len(p.low) and not p.finite(p.low[end + 1]) and p.low[end + 1] not in (";", "."):
        end += 1
    end = max(c.last, end)
    end = next((k - 1 for k in range(start, end + 1) if p.low[k] in ("over", "instead")), end)  # "over the K2"
    text = p.text(start, cut_item(p, start, end))
    if not item_phrases(text):
        return []
    return [Hit("transfer", supplier.ids, buyer.ids, cue, i, item_text=text)]


def _deal_named_by_item(p: Parse, i: int, k: int, cue: Cue) -> list[Hit]:
    """A deal with no "with" party, followed by "for"/"to" at k: the item or its verb names the sides."""
    c = p.clause(i)
    # "Kenya signed a contract in 2022 for Baykar's TB2 drones": the maker named in the item
    if p.low[k] == "to" and p.g.has("deal_verbs_give", p.low[k + 1]):
        # "Airbus signed a contract to supply 14 helicopters to the Iraqi army": the subject sells
        seller = p.subject(i, first=True)
        buyer = p.pp(k + 1, ("to", "for"), limit=15)
        text = p.text(k + 2, cut_item(p, k + 2, p.phrases[buyer.np].first - 2 if buyer and buyer.np >= 0 else c.last))
        if seller is not None and buyer is not None and not set(buyer.ids) & set(seller.ids) and item_phrases(text):
            return [Hit("transfer", seller.ids, buyer.ids, cue, i, item_text=text)]
        return []  # "Rosatom signed a deal to build a plant in Uzbekistan's Jizzakh region": the subject sells
    if p.low[k] == "to" and p.g.has("deal_verbs_get", p.low[k + 1]):
        k += 1  # "a contract to buy Scorpene submarines": the item after the verb
    elif (
        p.low[k] == "to"
        and p.tokens[k + 1].text.islower()
        and p.tokens[k + 1].text.isalpha()
        and not (p.is_function(p.low[k + 1]) or p.low[k + 1] in NUMBER_WORDS)
    ):
        return []  # "an order to cut the country's oil exports": a command or a deal to do, nothing sold
    text = p.text(k + 1, cut_item(p, k + 1, c.last))
    maker = system_maker(text)  # a system's own maker before a possessor after it ("... for the navy's carriers")
    # "a contract for three boats from Germany", "... from the Kiel-based shipyard": the seller after "from"
    seller = p.pp(k, ("from",), limit=12)
    # a seller named outright comes first: "a deal for 12 second-hand Mirage jets from Qatar"
    made_by = seller or (Side((maker,), -1, "system") if maker else maker_in(p, k + 1, c.last, systems=True))
    # "from the Kiel-based shipyard": a seller named by its town excludes the town's state as the buyer
    sellers = frozenset(x for m in made_by.ids for x in (m, state_of(m))) if made_by else frozenset()
    buyer = p.subject(i, exclude=sellers, first=True)
    if made_by is None or not item_phrases(text):
        return []
    if buyer is None:
        # "a 2020 order for 218 Lynx vehicles from Rheinmetall was the centrepiece": the buyer of the story's
        # last transfer (the state the story names most is too loose a guess)
        focus = p.context.transfer[1] if p.context.transfer else ""
        buyer = Side((focus,), -1, "context") if focus and focus not in made_by.ids else None
    if buyer is None:
        return []
    return [Hit("transfer", made_by.ids, buyer.ids, cue, i, item_text=text, extra={"guessed": buyer.how == "context"})]


def _seller(p: Parse, i: int, subj: Side, other: Side) -> bool:
    """The subject of a deal is its seller: a firm dealing with a state, or the deal is an export one.

    Between two firms the subject buys, as a state does: "Petrobangla signed a deal with QatarEnergy for LNG".
    """
    firm = subj.np >= 0 and all(p.anchors[k].how == "company" for k in p.phrases[subj.np].anchors)
    firm = firm and other.how != "company"
    main = p.context.ranked_suppliers()[:1]  # the story's main supplier
    story = bool(main) and main[0] in subj.ids and main[0] not in other.ids  # "It follows a similar contract with X"
    return firm or story or any(w in ("export", "exports", "sales") for w in p.low[max(0, i - 4) : i])


def _past_firm(p: Parse, k: int, side: Side, last: int) -> int:
    """The "to" after the rest of a party's name at k ("Russian state nuclear corporation Rosatom to"), else k.

    A date may stand between them: "with Rosatom in June to build", "with ... Rosatom last year to build".
    """
    for j in range(k, min(last, k + 5)):
        if p.low[j] == "to":
            return j
        to = next((t for t in range(j, min(last, j + 4)) if p.low[t] == "to"), -1)
        if to > j and all(_time_word(p, t) for t in range(j, to)):
            return to
        if p.phrase_at[j] < 0 and (not p.is_word(j) or p.is_function(p.low[j]) or p.finite(p.low[j])):
            return k
        if not _same_side(p, j, side):
            return k
    return k


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


def package_for(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "X announced a $1.1-billion arms package for Taiwan": the subject supplies the phrase after "for"."""
    v = i + n - 1
    tgt = p.pp(v, ("for", "to"), limit=3)
    # "Peru said Spain's arms sales to Chile ...": the package's owner supplies, not the clause's subject
    owner = owner_of(p, i)
    named = owner is not None and owner.np >= 0 and p.phrases[owner.np].possessive  # not "its": read too loosely
    src = owner if named and owner is not None and not (tgt and set(owner.ids) & set(tgt.ids)) else None
    # "protested the arms sales to Taiwan", "sanctioned US firms over arms sales to Taiwan": the seller is not
    # the one who protests or punishes
    if src is None and not reacted_to(p, i):
        src = p.subject(i, exclude=frozenset(tgt.ids) if tgt else frozenset(), first=True)
    k = i - 1
    # the package's own words: back to its article, a comma or a preposition ("a year on military aid")
    # ... or its verb ("would suspend most direct financial aid")
    while k > 0 and i - k <= 4 and p.low[k] not in ("a", "an", "the", ",") and not p.g.has("prepositions", p.low[k]):
        if p.finite(p.low[k]):
            break
        k -= 1
    text = p.text(k + 1, v)
    if tgt is None or src is None or not item_phrases(text):
        return []
    return [Hit("transfer", src.ids, tgt.ids, cue, i, item_text=text)]


def delivery_taken(p: Parse, i: int, v: int, cue: Cue) -> list[Hit]:
    """A delivery taken, with a time phrase inside the verb the get cue reads whole ("took delivery of").

    "Chile took delivery last year of two patrol boats built by Kongsberg": the buyer's story.
    """
    c = p.clause(v)
    if v + 1 <= c.last and p.low[v + 1] == "of":
        return []  # the get cue reads it
    k = next((k for k in range(v + 2, min(c.last, v + 5) + 1) if p.low[k] == "of"), -1)
    if k < 0:
        return []
    tgt = p.subject(i)
    src = p.pp(k, ("from",), limit=20) or maker_in(p, k + 1, c.last, tgt.ids if tgt else (), systems=True)
    text = p.text(k + 1, cut_item(p, k + 1, c.last))
    if tgt is None or src is None or set(src.ids) & set(tgt.ids) or not item_phrases(text):
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


def past_licence(p: Parse, v: int, noun: bool) -> int:
    """Where the item of a trade noun at v starts: past a licence it names ("export licences for 50 tanks").

    An export licence is no thing handed over; what it is for is.
    """
    if noun and p.low[v + 1 : v + 2] and p.g.has("licence_nouns", p.low[v + 1]) and p.low[v + 2 : v + 3] == ["for"]:
        return v + 3
    return v + 1
