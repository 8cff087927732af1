"""Whether a cue word found in a sentence applies there: the checks before a frame reads it.

A cue word must be used as its part of speech (a verb cue is no noun here: "its support"), be
asserted (not negated, hedged, only possible, refused or hypothetical: :mod:`geo.modality`), and
not be one of the uses that name no relation: a word inside a system's name ("Thunder Block III"),
a sale that is banned, a quarrel that is settled, a stance rather than a deal, a purpose of a
thing given, or an aside that only dates an item a verb before already gave or got.
:mod:`geo.relations` asks :func:`in_name` and :func:`cue_applies` before it runs a cue's frame.
"""

from __future__ import annotations

import re
from itertools import pairwise

from geo.clauses import Parse
from geo.cuetable import Cue
from geo.gate import giving_words
from geo.slots import Hit, state_of
from geo.word_use import helps_do_a_thing, modifies_item

__all__ = ["checked_sides", "cue_applies", "cue_asserted", "cue_fits", "in_name"]


_NUMERAL = re.compile(r"(?:[IVX]+|\d+)$")


def in_name(p: Parse, i: int) -> bool:
    """A capitalised cue word inside a thing's name: "Thunder Block III", "Strike 2", "Storm Shadow missiles".

    Before a numeral, or mid-sentence before another capitalised word and an item noun (not a verb).
    """
    t = p.tokens[i]
    if i == 0 or not t.text[:1].isupper() or not p.tokens[i - 1].text[:1].isalnum() or i + 1 >= len(p.tokens):
        return False
    if _NUMERAL.match(p.tokens[i + 1].text) is not None:
        return True
    nxt = p.tokens[i + 1]
    return (
        p.tokens[i - 1].text.islower()
        and nxt.anchor < 0
        and nxt.text[:1].isupper()
        and i + 2 < len(p.tokens)
        and p.g.has("item_words", p.low[i + 2])
    )


def name_end(p: Parse, i: int) -> bool:
    """A capitalised cue word after another capitalised word that names no place: the end of a body's name.

    "the Office of Foreign Assets Control added ...": no control. A programme or pact the name calls
    by its relation ("Foreign Military Sales", "Mutual Defence Agreement") is the caller's to keep, and a
    title-case headline's capitals name nothing.
    """
    if i < 2 or not p.tokens[i].text[:1].isupper():
        return False
    before = p.tokens[i - 1]
    return before.anchor < 0 and before.text[:1].isupper() and before.text.isalpha() and not _title_case(p)


def _title_case(p: Parse) -> bool:
    """A headline in title case ("Russia Backs Serbia Over Kosovo"): no lowercase word but short ones ("of", "in")."""
    return not any(t.text.isalpha() and len(t.text) > 3 and t.text.islower() for t in p.tokens)


def cue_applies(p: Parse, i: int, n: int, cue: Cue, noun_use: bool, verb_use: bool) -> bool:
    """Whether a cue at token i is used as its part of speech and asserted (not negated, hedged or if-ed)."""
    return cue_fits(p, i, n, cue, noun_use, verb_use) and cue_asserted(p, i, cue)


def cue_fits(p: Parse, i: int, n: int, cue: Cue, noun_use: bool, verb_use: bool) -> bool:
    """The cheap half of :func:`cue_applies`: the word is used as its entry reads, and names a relation here."""
    if cue.kind not in ("transfer", "alliance") and name_end(p, i):
        return False  # "the Office of Foreign Assets Control added ...": a name, no control
    only = cue.options.get("only_before")
    if only and (p.low[i + n] if i + n < len(p.low) else "") not in only:
        return False  # "the base is in Djibouti", not "is pulling its troops out"
    if not _used_as(p, i, n, cue, noun_use, verb_use):
        return False
    if cue.opt("negated_only"):
        return True
    if cue.pos == "noun":
        modals = p.g.words["possibility_modals"]
        start = max(p.clause(i).first, i - 8)
        if not modals.isdisjoint(p.low[start:i]) and any(
            p.low[k] in modals and p.tokens[k].text != "May" for k in range(start, i)
        ):
            return False  # "feared it could lead to a Chinese naval base": a possibility, not a fact
    return not _idle(p, i, n, cue)


def cue_asserted(p: Parse, i: int, cue: Cue) -> bool:
    """The costlier half of :func:`cue_applies`, asked only of a cue whose frame found a relation.

    Not negated, hypothetical or hedged ("would consider recognising", "invited to join"); a cue read
    only when negated ("did not recognise") the other way round.
    """
    if cue.opt("negated_only"):
        return p.negated(i) and not p.hypothetical(i)
    if cue.opt("asserted", True) and ((p.negated(i) and not _presupposed(p, i, cue)) or p.hypothetical(i)):
        return False
    if cue.kind in ("support", "influence") and _NOT_YET.search(p.sentence):
        return False  # "approved sending 200 soldiers, though the deployment has yet to take place"
    return not p.hedged(i, aspirations=cue.kind not in ("transfer", "influence") or cue.opt("aspirations", False))


# a deployment or a base the sentence says has not happened yet
_NOT_YET = re.compile(r"\b(?:has|have|had) yet to (?:take place|begin|start|happen|materiali[sz]e|arrive)\b")


def _used_as(p: Parse, i: int, n: int, cue: Cue, noun_use: bool, verb_use: bool) -> bool:
    """Whether the cue word is used here as the part of speech and form its entry reads."""
    if cue.pos == "verb" and noun_use:
        return False
    if cue.pos == "noun" and verb_use and n == 1:
        return False  # "a request to purchase 40 jets": a verb here, not the noun "purchase"
    if cue.pos == "noun" and cue.kind in ("conflict", "support") and modifies_item(p, i + n - 1):
        return False  # "six T129 attack helicopters", "support ships": a kind of weapon, no attack or backing
    if (
        cue.kind == "transfer"
        and cue.pos == "noun"
        and p.g.has("supply_compound_heads", p.low[min(i + n, len(p.low) - 1)])
    ):
        return False  # "a supply ship bound for X", "supply lines through Y": a means of supply, no supply to anyone
    if (
        p.low[i] == "armed"
        and i + 1 < len(p.low)
        and not (i > 0 and p.g.has("auxiliaries", p.low[i - 1]))
        and (
            (p.is_word(i + 1) and not p.is_function(p.low[i + 1]))
            or p.low[i + 1] == "with"
            or (p.tokens[i + 1].anchor >= 0 and p.g.has("item_words", p.low[min(i + 2, len(p.low) - 1)]))
        )
    ):
        # "operated armed Bayraktar drones", "fly armed Chinese drones": an adjective, nobody armed;
        # "fighters, armed with Chinese missiles": what they carry, no backing of its maker
        return False
    if cue.pos == "verb" and i > 0 and (p.low[i - 1], p.low[i]) in p.g.phrases["compound_nouns"]:
        return False  # "its ground control station", "included technology transfer": a noun
    if (
        cue.kind == "transfer"
        and cue.pos == "verb"
        and i > 1
        and p.low[i].endswith("s")
        and p.g.has("item_words", p.low[i - 1])
        and p.g.has("determiners", p.low[i - 2])
    ):
        return False  # "calling the drone transfers a threat": "the drone transfers" is a noun phrase
    if (
        cue.pos == "verb"
        and i > 0
        and p.g.has("classified_force_nouns", p.low[min(i + n, len(p.low) - 1)])
        and p.is_word(i - 1)
        and not p.is_function(p.low[i - 1])
        and not p.g.has("auxiliaries", p.low[i - 1])
    ):
        return False  # "a carrier strike group": a noun that names a kind of force, nothing struck
    if cue.pos == "verb" and i > 0 and modifies_item(p, i + n - 1) and _modifier_before(p, i):
        return False  # "aboard military transport planes": a kind of plane, nothing transported to anyone
    if cue.kind == "conflict" and p.low[i + n - 1] == "war" and p.low[i + n : i + n + 1] in (["weapons"], ["materiel"]):
        return False  # "the biggest buyer of German war weapons": a class of arms, no war
    if p.low[i] in ("provided", "providing") and i > 0 and p.low[i - 1] == "," and "by" not in p.low[i + 1 : i + 3]:
        return False  # "..., she said, provided conditions are met": a conjunction, nothing provided
    if cue.opt("active_only") and p.passive(i + n - 1):
        return False  # "was handed to a regiment": the cue gives only when its subject acts
    # "bought the Barak system, delivered in 2023,": the aside dates the item bought
    return not (cue.kind == "transfer" and cue.pos == "verb" and _item_aside(p, i))


def _modifier_before(p: Parse, i: int) -> bool:
    """An article or a classifying adjective before the word: it opens a noun phrase ("a transport plane")."""
    return p.g.has("determiners", p.low[i - 1]) or p.g.has("classifying_adjectives", p.low[i - 1])


def _gerund(w: str) -> bool:
    """A word that may be a gerund: "running", not "thing" or "king"."""
    return w.endswith("ing") and w.isalpha() and len(w) > 5


def _given_with(p: Parse, i: int) -> bool:
    """The noun is in what a verb of giving hands over: "provided Ukraine with aid and military supplies such as".

    The verb's own cue reads that transfer; the noun names its goods, no second one.
    """
    c = p.clause(i)
    k = next((k for k in range(i - 1, c.first, -1) if p.low[k] == "with"), -1)
    return k > 0 and p.phrase_at[k - 1] >= 0 and any(p.low[j] in giving_words() for j in range(c.first, k - 1))


def _watched_for(p: Parse, i: int) -> bool:
    """The noun is what someone watches for: "watching for possible transfers", "on alert for shipments"."""
    return any(p.low[j + 1] == "for" and p.g.has("vigilance_words", p.low[j]) for j in range(max(0, i - 4), i - 1))


def _carried_on(p: Parse, i: int, n: int) -> bool:
    """A payload launched on or aboard a rocket rides it: "launched on a Proton rocket from Baikonur"."""
    if not p.low[i].startswith("launch") or p.low[i + n : i + n + 1] not in (["on"], ["aboard"]):
        return False
    for k in range(i + n + 1, min(len(p.low), i + n + 6)):
        if p.tokens[k].anchor >= 0:
            return False  # "launched on Israel a barrage of rockets": a target first
        if p.g.has("launch_vehicle_nouns", p.low[k]):
            return True
    return False


def _cited(p: Parse, before: list[str], nxt: str) -> bool:
    """A verb of citing stands just before the noun, and no "with" after it names a side ("citing tensions with X")."""
    return not p.g.words["citing_verbs"].isdisjoint(before) and nxt not in ("with", "between")


def _opposed_measure(p: Parse, i: int, n: int) -> bool:
    """A penalty with no owner named, laid "on" or "against" a side, that the clause opposes.

    "Hungary opposed sanctions on Belgrade", "Slovakia rejected new sanctions on Russia": the side the
    penalty is aimed at is no foe of the one who opposes it ("rejected US sanctions" still names the US).
    """
    low, g = p.low, p.g
    if g.has("penalty_nouns", low[i + n - 1]):  # the cue is the penalty: "opposed [sanctions] on"
        k, verb = i + n - 1, next((j for j in range(i - 1, max(-1, i - 4), -1) if g.has("opposing_verbs", low[j])), -1)
    else:  # the cue is the verb: "[opposed] new sanctions on"
        verb = i if g.has("opposing_verbs", low[i]) else -1
        k = next((j for j in range(i + n, min(len(low), i + n + 4)) if g.has("penalty_nouns", low[j])), -1)
    if verb < 0 or k < 0 or low[k + 1 : k + 2] not in (["on"], ["against"]):
        return False
    return all(p.tokens[j].anchor < 0 and low[j] not in ("'s", "’s") for j in range(verb + 1, k))


def _idle(p: Parse, i: int, n: int, cue: Cue) -> bool:
    """Whether the words around the cue make it name no relation (a ban, a stance, a quarrel settled)."""
    low, kind, noun, options = p.low, cue.kind, cue.pos == "noun", cue.options
    nxt = low[i + n] if i + n < len(low) else ""
    before = low[max(0, i - 3) : i]
    after = options.get("not_before")
    if after and nxt in after:
        return True  # "carried out strikes": another verb, made with a particle
    if not noun and p.g.has("aspect_verbs", low[i]) and not p.g.has("blockers", low[i]) and _gerund(nxt):
        return True  # "coast guard ships keep running into Chinese vessels": the aspect of another verb
    objects = options.get("not_objects")
    if objects and any(w in objects for w in low[i + n : i + n + 3]):
        return True  # "made repeated flights": an act, nothing made
    if (
        noun
        and (
            (kind in ("support", "alliance") and _curbing_before(p, low[max(0, i - 4) : i]))
            or (kind == "transfer" and _vetoed_before(p, low[max(0, i - 4) : i]))
            or "any" in before  # "watching for any transfer of missile technology": no transfer in particular
            or _watched_for(p, i)
            or (kind == "transfer" and _given_with(p, i))
            or (nxt in ("to", "towards", "toward") and low[i + n + 1 : i + n + 2] == ["zero"])  # "exports to zero"
            or (nxt and p.g.has("lifting_nouns", nxt))  # "India's sanctions waiver": the measure is lifted, not laid
            or (kind == "support" and _ended_after(p, i + n))  # "the EU's training missions in Mali have closed"
        )
    ):
        return True  # "lifted a ban on arms sales to Chad", "restrictions on defence cooperation with X": none made
    if not p.g.words["dispositions"].isdisjoint(before) or (
        kind == "conflict" and (_cited(p, before, nxt) if noun else _carried_on(p, i, n))
    ):
        # "a readiness to hand over know-how", "prepared to sell jets": a stance, not a deal; "fired missiles at
        # Israel, citing the war in Gaza": a reason given, not the subject's war; "launched on a Proton rocket"
        return True
    if (kind == "support" and _own_ground(p, low[i + n : i + n + 4])) or (
        kind == "conflict" and _opposed_measure(p, i, n)
    ):
        return True  # "help Armenia defend its borders", one's own ground; "opposed sanctions on Belgrade"
    if (
        kind == "support"
        and low[i].startswith("help")
        and any(p.g.has("paying_verbs", w) for w in low[i + n : i + n + 4])
    ):
        return True  # "granted $40 million to help Buenos Aires pay for them": the money is the relation
    if kind == "alliance" and p.g.has("tie_nouns", low[i]) and _tie_damaged(p, i):
        return True  # "has long strained its ties with Washington", "India's ties with China have been frozen"
    if kind == "alliance" and noun and p.g.has("drill_nouns", low[i + n - 1]) and _called_off(p, i):
        return True  # "after Phnom Penh suspended its Angkor Sentinel exercises with the United States"
    if low[i].endswith("ing") and i > 0 and p.g.has("stance_verbs", low[i - 1]):
        return True  # "80% of Georgians support joining the EU", "opposes sending troops": a stance, not a deed
    if kind == "transfer" and (
        _flies_itself(p, i, n)
        or (not noun and _infinitive_after(p, i + n))
        or _own_kit(p, i, n, cue)
        or _commanded(p, i + n)
    ):
        # "a passenger jet flying from Baku to Grozny": the plane travels, nothing is given; "by pledging to do
        # away with its oil industry": a pledge to act ("pledged to send tanks" is the cue "send")
        return True
    if kind in ("influence", "conflict") and i > 0 and _control_not_held(p, i):
        return True  # "Armenia, which lost control of Karabakh", "regards both regions as occupied Georgian territory"
    if kind == "support" and low[i].startswith("help") and helps_do_a_thing(p, i + n):
        return True  # "to help clear the Russian mines", "help replenish U.S. stockpiles": a task, no one backed
    if kind == "support" and _purpose_of_a_thing(p, i):
        return True  # "sent radars to protect Hanoi": the sending is the relation
    return kind == "conflict" and _no_quarrel(p, i, noun)


def _no_quarrel(p: Parse, i: int, noun: bool) -> bool:
    """A conflict word that names no quarrel between sides: nature's, a war within, a quarrel settled."""
    low = p.low
    if not p.g.words["natural_events"].isdisjoint(low[max(0, i - 3) : i]):
        return True  # "the earthquake that struck Kunar": no one strikes
    if noun and i > 0 and p.g.has("internal_adjectives", low[i - 1]):
        return True  # "Angola borrowed from Chinese lenders after its civil war ended": a war within, with no state
    if not p.g.words["settling_verbs"].isdisjoint(low[max(p.clause(i).first, i - 5) : i]):
        return True  # "which settled its old border quarrel with Laos": a quarrel that is over
    # "the two long disputed the island, a quarrel settled by the court in 1999"
    return _settled_after(p, i)


def _ended_after(p: Parse, k: int) -> bool:
    """The clause of the noun before token k says it has ended: "missions in Mali and Niger have closed"."""
    c = p.clause(k - 1)
    j = next((q for q in range(k, min(c.last, k + 8) + 1) if p.finite(p.low[q]) or p.low[q] == ","), -1)
    if j >= 0 and p.low[j] == ",":
        return False  # "in total solidarity with Sudan, closed its border": the noun is no subject
    while 0 <= j < c.last and p.g.has("auxiliaries", p.low[j]):
        j += 1  # "have closed", "was wound down"
    return j >= 0 and p.g.has("ending_verbs", p.low[j])


def _called_off(p: Parse, i: int) -> bool:
    """A verb of stopping stands before the noun at i in its clause: "suspended its exercises", "cancelled drills"."""
    return any(p.g.has("blockers", w) for w in p.low[max(p.clause(i).first, i - 5) : i])


def _tie_damaged(p: Parse, i: int) -> bool:
    """A word that damages or ends the tie at i stands within its clause, five words before or six after."""
    c = p.clause(i)
    start = max(c.first, i - 5)
    start = next((k + 1 for k in range(i - 1, start - 1, -1) if p.low[k] == ","), start)  # "reviewing AUKUS, the pact"
    return any(p.g.has("tie_damaging_words", w) for w in p.low[start : min(c.last + 1, i + 7)])


def _infinitive_after(p: Parse, k: int) -> bool:
    """Token k is "to" before a bare verb (no actor, article or number after it): an infinitive, no recipient."""
    if p.low[k : k + 1] != ["to"] or k + 1 >= len(p.low) or p.tokens[k + 1].anchor >= 0:
        return False
    w = p.low[k + 1]
    return p.is_word(k + 1) and not (p.g.has("to_phrase_openers", w) or w[:1].isdigit() or p.g.has("determiners", w))


def _commanded(p: Parse, k: int) -> bool:
    """An order given, not goods ordered: "ordered the cargo ship to drop anchor".

    A definite object, then "to" and a verb other than "be"; "ordered the jets from Chile to replace its
    fleet" names a seller: a purchase.
    """
    if not p.low[k - 1].startswith("order") or p.low[k : k + 1] not in (["the"], ["its"], ["their"], ["his"], ["an"]):
        return False
    if k + 1 < len(p.low) and p.g.has("commanded_acts", p.low[k + 1]):
        return True  # "ordered the expulsion of Chinese executives", "ordered an investigation": an act commanded
    to = next((j for j in range(k + 1, min(len(p.low) - 1, k + 11)) if p.low[j] == "to"), -1)
    return to > 0 and p.low[to + 1] != "be" and "from" not in p.low[k:to] and not p.low[k + 1][:1].isdigit()


def _flies_itself(p: Parse, i: int, n: int) -> bool:
    """An active "fly" with a place phrase and no object after it: the subject travels."""
    after = p.low[i + n] if i + n < len(p.low) else ""
    return (
        n == 1
        and p.g.has("fly_forms", p.low[i])
        and p.g.has("travel_particles", after)
        and not (
            i > 0
            and (p.g.has("be_forms", p.low[i - 1]) or (p.g.has("auxiliaries", p.low[i - 1]) and p.low[i] == "flown"))
        )
    )


def _own_kit(p: Parse, i: int, n: int, cue: Cue) -> bool:
    """A giving verb that here names using or fitting one's own kit, with no one to give it to.

    "Indonesia and Iraq fly trainer versions of the T-50": they fly them, no one is flown anything
    (a flight to someone names where: "flew drones to Sudan"); "arms the jets with the PL-15": it fits
    its own jets with missiles, and arms no one.
    """
    if cue.frame != "give" or n != 1:
        return False
    w, c = p.low[i], p.clause(i)
    if p.g.has("fly_forms", w):
        return not any(x in ("to", "into") for x in p.low[i + 1 : c.last + 1])
    if p.g.has("arming_verbs", w):
        k = i + 1
        while k <= c.last and (p.g.has("determiners", p.low[k]) or p.low[k] in ("its", "their")):
            k += 1
        return k <= c.last and p.tokens[k].anchor < 0 and p.g.has("item_words", p.low[k])
    return False


def _control_not_held(p: Parse, i: int) -> bool:
    """Control given up ("lost control of"), or "occupied" as an adjective with no occupier ("as occupied land")."""
    w, prev = p.low[i], p.low[i - 1]
    if w.startswith("control"):
        return p.g.has("losing_verbs", prev)
    return w == "occupied" and (prev == "as" or p.g.has("determiners", prev) or p.g.has("prepositions", prev))


def _own_ground(p: Parse, after: list[str]) -> bool:
    """The ground a side defends is its own: "its territory", "their territorial waters", "its airspace"."""
    if not after or after[0] not in ("its", "their"):
        return False
    return any(p.g.has("defended_grounds", w) or p.g.has("place_nouns", w) for w in after[1:])


def _item_aside(p: Parse, i: int) -> bool:
    """A past participle in an aside after an item a verb before has given or got already.

    "bought the Barak system, delivered in 2023, and ...": the aside dates the purchase; in "two
    frigates, bought from Korea in 2019, sail from ..." it is the only telling and stands.
    """
    return (
        i > 1
        and p.low[i - 1] == ","
        and p._participle(i)
        and p.g.has("item_words", p.low[i - 2])
        and "," in p.low[i + 1 : i + 6]
        and any(
            p.low[k] in p.verbs and not p.g.has("item_words", p.low[k + 1])  # not "patrol aircraft", "attack jets"
            for k in range(max(p.clause(i).first, i - 10), i - 2)
        )
    )


def _settled_after(p: Parse, i: int) -> bool:
    """An aside after the cue says the quarrel was settled: "..., a quarrel settled by the ICJ"."""
    comma = next((k for k in range(i + 1, min(len(p.low), i + 10)) if p.low[k] == ","), -1)
    return comma > 0 and any(p.g.has("settling_verbs", w) for w in p.low[comma + 1 : comma + 5])


def _curbing_before(p: Parse, words: list[str]) -> bool:
    """A ban or a curbing verb among ``words``: "lifted a ban on arms sales"."""
    return not (p.g.words["ban_nouns"].isdisjoint(words) and p.g.words["curbing_verbs"].isdisjoint(words))


def _vetoed_before(p: Parse, words: list[str]) -> bool:
    """A ban or a veto among ``words``, before a sale: "lifted a ban on arms sales", "vetoed a purchase".

    A sale restricted or curbed ("restricted shipments of chipmaking tools to China") is a sale held back:
    a frozen transfer, which its stage tells; one only asked to be curbed ("wants its allies to curb arms
    sales to X") is none.
    """
    curbs = p.g.words["curbing_verbs"] - p.g.words["restricting_verbs"]
    asked = any(w == "to" and p.g.has("restricting_verbs", v) for w, v in pairwise(words))
    return asked or not (p.g.words["ban_nouns"].isdisjoint(words) and curbs.isdisjoint(words))


def _presupposed(p: Parse, i: int, cue: Cue) -> bool:
    """A noun owned by an actor names an event as a fact, whatever the verb around it does.

    "Kenya refused to condemn Egypt's invasion of Mali", "Oslo did not back Berlin's embargo on
    Caracas": the refusal is about the condemnation, not the invasion.
    """
    if cue.pos != "noun":
        return False
    k = i - 1
    while k >= 0 and p.phrase_at[k] < 0 and k >= i - 2 and p.low[k].isalpha() and not p.is_function(p.low[k]):
        k -= 1  # "Russia's full-scale invasion"
    return k >= 0 and p.phrase_at[k] >= 0 and p.phrases[p.phrase_at[k]].possessive


def _purpose_of_a_thing(p: Parse, i: int) -> bool:
    """Whether the cue at i is an infinitive of purpose after a thing given or lent ("a swap to help Male")."""
    if i < 2 or p.low[i - 1] != "to":
        return False
    before = p.low[i - 2]
    return before in p.g.words["item_words"] or p.g.has("purpose_heads", before)


def checked_sides(p: Parse, hits: list[Hit]) -> list[Hit]:
    """A frame's hits less those whose sides the sentence shows to be no foes (see the two checks below)."""
    return _held_ground(p, _drop_own_ground(_drop_refugees(p, _drop_victims(p, _drop_comrades(p, hits)))))


def _held_ground(p: Parse, hits: list[Hit]) -> list[Hit]:
    """Ground a state occupies or annexes stands for the state it is taken from; an armed group it controls, it backs.

    "Russia, which occupies Abkhazia and South Ossetia": a conflict with Georgia, whose land they are; not
    with the regions, which Russia backs. An area that is its own holder's whole name (Western Sahara) stays.
    """
    for h in hits:
        if h.kind == "conflict" and p.g.has("occupying_verbs", p.low[h.at]):
            h.target = tuple(dict.fromkeys(_holder(t, h.source) for t in h.target))
        if h.kind == "influence" and h.cue.opt("group_support") and h.target and all("@group:" in t for t in h.target):
            h.kind = "support"  # "Rwanda controls the M23": a state that directs an armed group backs it
    return hits


def _holder(area: str, source: tuple[str, ...]) -> str:
    """The state an occupied disputed ``area`` is taken from, when it is another's than the occupier's."""
    holder = state_of(area, ("disputed:",))
    if holder == area or holder in source:
        return area
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    whole, part = gaz.get(holder), gaz.get(area)
    return area if whole is None or part is None or whole.name == part.name else holder


def _drop_own_ground(hits: list[Hit]) -> list[Hit]:
    """Influence over places that lie in the patron's own state: "the Moldovan-controlled right bank"."""
    kinds = ("city:", "admin1:", "other:")
    return [
        h
        for h in hits
        if not (h.kind == "influence" and all(state_of(t, kinds) in h.source for t in (h.members or h.target or ("",))))
    ]


def _drop_refugees(p: Parse, hits: list[Hit]) -> list[Hit]:
    """Transfers and backing whose recipient the sentence names only as the land its refugees fled.

    "the flights carry aid for Sudanese refugees", "donated tents to Afghan refugees": the refugees are
    no state, and the one they fled receives nothing.
    """
    if p.g.words["displaced_nouns"].isdisjoint(p.low) or not any(h.kind in ("transfer", "support") for h in hits):
        return hits
    fled: set[str] = set()
    named: set[str] = set()
    for k, t in enumerate(p.tokens):
        if t.anchor >= 0:
            aid = p.anchors[t.anchor].id
            ahead = p.low[k + 1 : k + 3]
            refugees = p.anchors[t.anchor].how == "demonym" and any(p.g.has("displaced_nouns", w) for w in ahead)
            (fled if refugees else named).add(aid)
    gone = fled - named
    if not gone:
        return hits
    return [h for h in hits if not (h.kind in ("transfer", "support") and h.target and set(h.target) <= gone)]


def _drop_victims(p: Parse, hits: list[Hit]) -> list[Hit]:
    """Reactions to a blow struck by no one named: the land struck is no foe of the one reacting.

    "Qatar and Egypt condemned the strikes as an attack on Sudan's sovereignty": they side with Sudan.
    "Iraq condemned the U.S. strikes", "condemned the attack by Peru", a striker the sentence before named
    ("Ecuadorean police stormed the embassy. Brazil criticised the incursion"): the striker is the foe.
    """
    out = []
    for h in hits:
        if h.kind == "conflict" and p.g.has("reaction_verbs", p.low[h.at]):
            k = h.at + 1
            while k < len(p.low) and (
                p.g.has("determiners", p.low[k]) or p.low[k] in ("overnight", "latest", "deadly")
            ):
                k += 1
            struck = {p.anchors[p.tokens[j].anchor].id for j in range(k + 1, len(p.low)) if p.tokens[j].anchor >= 0}
            unnamed = k < len(p.low) and p.g.has("attack_nouns", p.low[k]) and p.low[k + 1 : k + 2] != ["by"]
            if unnamed and set(h.target) <= struck:
                continue  # the land named after the blow is the land struck; a striker the story named stays
        out.append(h)
    return out


def _drop_comrades(p: Parse, hits: list[Hit]) -> list[Hit]:
    """Conflict hits with a side the sentence names as a comrade in arms, not a foe.

    "Nigerian troops fight the insurgents alongside soldiers from Chad and Niger", "Cameroonian troops battle
    Boko Haram, fighting alongside Nigerian forces": Chad, Niger and Nigeria fight on the same side.
    """
    if not any(h.kind == "conflict" for h in hits):
        return hits
    comrades = _named_after(p, ("alongside", "beside", "together with", "along with"))
    if not comrades:
        return hits
    foes = _named_after(p, ("against",))  # "fought alongside Nigerien troops against Malian rebels": a foe named

    def comrade_as_foe(h: Hit) -> bool:
        src, tgt = set(h.source), set(h.target)
        return (src <= comrades or tgt <= comrades) and not (src <= foes or tgt <= foes)

    return [h for h in hits if h.kind != "conflict" or not comrade_as_foe(h)]


def _named_after(p: Parse, words: tuple[str, ...]) -> set[str]:
    """The ids of the actor phrases that follow any of ``words`` within four tokens."""
    out: set[str] = set()
    for k in range(len(p.low)):
        if p.low[k] in words or " ".join(p.low[k - 1 : k + 1]) in words:
            j = next((j for j in range(k + 1, min(k + 5, len(p.low))) if p.phrase_at[j] >= 0), -1)
            out |= set(p.ids(p.phrases[p.phrase_at[j]])) if j >= 0 else set()
    return out
