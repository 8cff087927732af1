"""The pieces clause frames share: the :class:`Hit` they return and the phrase look-ups they make.

A frame (:mod:`geo.frames`, :mod:`geo.noun_frames`) reads one sentence's
analysis (:class:`geo.clauses.Parse`); the helpers here answer the questions
several frames ask: who owns a noun ("Russia's war", "its influence"), which
maker an item names ("Turkish drones", "X-made missiles"), where an item
stretch ends, which actor is nearest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.data.wordlists import NUMBER_WORDS
from geo.grammar import Clause
from geo.items import item_phrases, share, system_maker


@dataclass
class Hit:
    """What a frame found: the two sides (or a hub and members), the cue, and transfer details."""

    kind: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    cue: Cue
    at: int
    item_text: str = ""
    members: tuple[str, ...] = ()
    symmetric: bool = False
    extra: dict = field(default_factory=dict)


Frame = Callable[[Parse, int, int, Cue], list[Hit]]


def hit(cue: Cue, i: int, src: Side | None, tgt: Side | None, kind: str = "") -> list[Hit]:
    """One hit from ``src`` to ``tgt`` (none when either is missing), of the cue's kind unless ``kind``."""
    if src is None or tgt is None:
        return []
    if (kind or cue.kind) == "alliance" and "company" in (src.how, tgt.how):
        return []  # "reached a deal with Boeing": a firm is no party to an alliance
    return [Hit(kind or cue.kind, src.ids, tgt.ids, cue, i)]


def pairs(cue: Cue, i: int, ids: tuple[str, ...]) -> list[Hit]:
    """A symmetric hit for every pair of ``ids`` ("A, B and C signed a pact")."""
    return [Hit(cue.kind, (a,), (b,), cue, i, symmetric=True) for a, b in combinations(dict.fromkeys(ids), 2)]


def noun_after(p: Parse, v: int, words: Collection[str], limit: int = 8) -> int:
    """Index of the first token in ``words`` after v within its clause (or -1); no quote mark or possessor counts."""
    c, own = p.clause(v), (["'s"], ["’s"])  # "reach the alliance's new spending target": the noun is "target"
    quotes = sum(1 for w in p.low[v + 1 : min(c.last, v + limit) + 1] if w in ('"', "“", "”"))
    last = min(c.last, v + limit + quotes)
    return next((j for j in range(v + 1, last + 1) if p.low[j] in words and p.low[j + 1 : j + 2] not in own), -1)


def noun_past_aside(p: Parse, v: int, words: Collection[str], preps: Collection[str]) -> int:
    """The token in ``words`` where v's clause resumes after an aside ("added X, which paid, to its list"), or -1."""
    ci = p.clause_of[v]
    if ci + 2 >= len(p.clauses) or p.clauses[ci + 1].kind not in ("rel", "reduced", "paren"):
        return -1
    after = p.clauses[ci + 2]
    if p.low[after.first] not in preps:
        return -1
    return next((j for j in range(after.first, after.last + 1) if p.low[j] in words), -1)


def noun_before(p: Parse, i: int, words: Collection[str], limit: int) -> int:
    """The nearest token before ``i`` (within ``limit``) that is one of ``words``, else -1."""
    for j in range(i - 1, max(0, i - limit) - 1, -1):
        if p.low[j] in words:
            return j
    return -1


def objects_before(p: Parse, k: int) -> Side | None:
    """The actors after the verb of the clause ending at token k (the antecedents of ", both ...")."""
    c = p.clause(k)
    ids: list[str] = []
    first = next((ph for ph in p.phrases if c.first <= ph.first < k and not ph.prep), None)
    subj = p.ids(first) if first is not None else ()
    for ph in p.phrases:
        if c.first <= ph.first < k and not set(p.ids(ph)) & set(subj):
            ids += [x for x in p.ids(ph) if x not in ids]
    return Side(tuple(ids)) if ids else None


def content_actor(p: Parse, v: int) -> Side | None:
    """The first actor of the clause a verb of saying opens: "complained that Malian trawlers ..."."""
    ci = p.clause_of[v] + 1
    if ci >= len(p.clauses) or p.clauses[ci].first > v + 2 or p.clauses[ci].kind == "sub":
        return None  # "objected because it would ...": a reason, not what is said
    c = p.clauses[ci]
    for pi, ph in enumerate(p.phrases):
        if c.first <= ph.first <= c.last and not ph.prep:
            return p.side(pi)
    return None


_PRICE = re.compile(r"dollar|euro|pound|rupee|yuan|riyal|billion|million|^\$|^€|^£|^bn$")


def items_after(p: Parse, j: int) -> bool:
    """Items named with an agreement noun: an arms deal, "a deal for 40 jets", "a contract worth ... for tanks"."""
    c = p.clause(j)
    if item_phrases(p.text(max(c.first, j - 2), j - 1)):
        return True  # "an arms deal", "a $4 billion weapons contract"
    if any(_PRICE.search(w) for w in p.low[max(c.first, j - 3) : j]):
        return True  # "the 90-million-euro deal with Oslo": a price makes it a sale
    if any(p.g.has("cooperation_words", w) for w in p.low[max(c.first, j - 3) : j]):
        return False  # "a military-technical cooperation agreement covering the supply of equipment": a tie
    k = j + 1
    while k <= min(c.last, j + 8):  # "a deal with Israel's Elbit in 2023 for 36 howitzers"
        if p.low[k] in ("for", "of", "worth", "covering") and item_phrases(p.text(k + 1, min(c.last, k + 6))):
            return True
        if p.low[k] == "to" and p.g.has("trade_verbs", p.low[k + 1]):
            return True  # "an agreement with Ashgabat to import Turkmen gas": a purchase, no alliance
        k += 1
    return False


def cut_item(p: Parse, s: int, e: int) -> int:
    """The end of an item stretch: before "to <verb>", a relative pronoun or a second cue verb."""
    e = min(e, len(p.low) - 1)
    for j in range(s, e + 1):
        w = p.low[j]
        if (w in ("which", "who", "that", "whose", "is", "are", "was", "were") or p.g.has("trend_verbs", w)) and j > s:
            return j - 1  # "purchases of aircraft are planned", "imports of Iranian oil rose": the verb ends it
        if (
            w in ("since", "during", "amid", "despite", "because", "after", "before", "when", "while", "until")
            and j > s
        ):
            return j - 1  # "hundreds of missiles since Russia's invasion": a time or a cause, no item
        if w == "to" and j + 1 <= e and (p.low[j + 1] in p.verbs or p.g.has("purpose_verbs", p.low[j + 1])):
            return j - 1
        if (
            w == "to"
            and j + 2 <= e
            and p.is_word(j + 1)
            and not p.is_function(p.low[j + 1])
            and p.low[j + 2] in ("the", "a", "an", "its", "their", "his", "her")
        ):
            return j - 1  # "capacity to monitor the Chinese fleets": a verb, since a determiner follows it
        if (
            j > s
            and j + 1 <= e
            and (
                (p.low[j + 1] == "by" and (w.endswith("ed") or w in ("built", "made", "sold")))
                or (w in p.verbs and w.endswith("ed") and p.g.has("ground_prepositions", p.low[j + 1]))
            )
        ):
            return j - 1  # "boats built by Fincantieri", "trucks carrying diesel rolled into Lebanon": no item
        if (
            j > s
            and j + 1 <= e
            and p.phrase_at[j] < 0
            and w not in ("'s", "’s")
            and p.low[j - 1] not in ("-", "‐")  # "Turkish-made Bayraktar drones"
            and p.finite(w)
            and (p.phrase_at[j + 1] >= 0 or p.low[j + 1] in ("the", "a", "an"))
        ):
            return j - 1  # "a decision to buy Japanese frigates angered Beijing": a verb and its object end it
    return e


def maker_in(
    p: Parse, s: int, e: int, exclude: tuple[str, ...] = (), item_head: bool = False, systems: bool = False
) -> Side | None:
    """A maker named inside an item stretch: "Turkish drones", "Baykar's TB2", "X-made missiles".

    With ``systems`` a system name of the weapon-system table names its maker too ("ordered 42 Rafale
    jets"): for a buyer's story, whose seller the system's name implies.
    """
    for pi, ph in enumerate(p.phrases):
        if ph.first < s or ph.first > e:
            continue
        hows = {p.anchors[k].how for k in ph.anchors}
        ids = p.ids(ph)
        if set(ids) & set(exclude):
            continue
        compound = (
            ph.last + 2 < len(p.low)
            and p.low[ph.last + 1] == "-"
            and not p.g.has("unmade_compounds", p.low[ph.last + 2])
        )
        if item_head and not compound and not (ph.head and item_phrases(ph.head)):
            continue
        if hows & {"demonym", "company"} or ph.possessive or compound:
            return p.side(pi)
        made = any(p.g.has("making_participles", w) for w in p.low[max(s, ph.prep_at - 3) : ph.prep_at])
        if ph.prep == "in" and made:  # "built in Shanghai", "built for it in Turkey"
            made_by = tuple(dict.fromkeys(state_of(x) for x in ids))  # China makes "corvettes built in Shanghai"
            if not set(made_by) & set(exclude):
                return Side(made_by, pi, "made-in")
    maker = system_maker(p.text(s, e)) if systems and s <= e else None
    if maker is not None and maker not in exclude:
        return Side((maker,), -1, "system")  # "ordered 42 Rafale jets": the state that makes the system
    return None


_REACTING = ("reaction_verbs", "penalty_nouns", "rewarding_verbs")  # "sanctioned US firms over arms sales to Taiwan"


def reacted_to(p: Parse, i: int) -> bool:
    """Whether the noun at i is the object of a verb of reacting ("condemned the sale of drones")."""
    k, reach = i - 1, 4
    while k >= 0 and i - k <= reach and p.tokens[k].anchor < 0 and not p.g.has("reaction_verbs", p.low[k]):
        if p.low[k] in ("over", "about", "for"):  # "summoning the ambassador over the deliveries"; a penalty too
            return any(p.g.has(c, w) for w in p.low[max(0, k - 6) : k] for c in _REACTING)
        if p.g.has("prepositions", p.low[k]) or p.low[k] in (",", ";"):
            return False
        reach, k = reach + (3 if p.low[k] in ("and", "or") else 0), k - 1  # "condemning the raid and the sale of"
    return k >= 0 and i - k <= reach and p.g.has("reaction_verbs", p.low[k])


def state_of(ident: str, kinds: tuple[str, ...] = ("city:", "admin1:")) -> str:
    """The state a place of one of ``kinds`` lies in ("admin1:CD-SK": Congo), else the id itself.

    With ``"other:"`` also a state-less region or site (Darfur, a base); with ``"disputed:"`` its holder.
    """
    if not ident.startswith(kinds):
        return ident
    from geo.gazetteer import load_gazetteer

    entry = load_gazetteer().get(ident)
    return entry.iso if entry is not None and entry.iso else ident


def only_ground(p: Parse, side: Side) -> bool:
    """Whether a side's phrase names only places that are no actor: a disputed area, a region, a sea, a town."""
    return side.np >= 0 and all(
        p.anchors[k].kind != "country" and p.anchors[k].how == "place" for k in p.phrases[side.np].anchors
    )


def owner_of(p: Parse, i: int) -> Side | None:
    """The phrase that owns the noun at token i: "Russia's war", "Russian aggression", "its war", "the war of X"."""
    k, skipped = i - 1, 0
    while k >= 0 and skipped < 4:
        pi = p.phrase_at[k]
        if pi >= 0:
            ph = p.phrases[pi]
            if ph.possessive or (ph.head_at >= i - 1) or p.anchors[ph.anchors[-1]].how == "demonym":
                return p.side(pi)
            return None
        w = p.low[k]
        if w in ("its", "their", "his", "her", "whose"):
            return p.possessive_pronoun(k) if w in ("its", "their") else p.whose_owner(k)
        share = w == "in" and p.g.has("war_share_nouns", p.low[k - 1])
        if k >= 2 and (w == "of" or share) and p.is_word(k - 1) and not p.is_function(p.low[k - 1]):
            pj = p.phrase_at[k - 2]  # "Israel's conduct of the war", "Azerbaijan's victory in the war": its war
            return p.side(pj) if pj >= 0 and p.phrases[pj].possessive else None
        # "Russia's 102nd military base", "Azerbaijan's 2021 pact with Turkey", "Pakistan's “all-weather friend”"
        ordinal = w[:1].isdigit() and (w.endswith(("st", "nd", "rd", "th")) or (len(w) == 4 and w.isdigit()))
        quoted = w in ('"', "“") and p.phrase_at[k - 1] >= 0 and p.phrases[p.phrase_at[k - 1]].possessive
        compound = w in ("-", "‐", "”") or quoted or (w.isdigit() and p.low[k + 1] in ("-", "‐"))
        verb = p.finite(w) and "-" not in w.strip("-")  # "Pakistan's nuclear-armed rival": a modifier
        if not (p.tokens[k].text[0].isalpha() or ordinal or compound) or p.g.has("prepositions", w) or verb:
            return None
        skipped += 0 if compound else 1
        k -= 1
    if i + 2 < len(p.low) and p.low[i + 1] == "of" and p.phrase_at[i + 2] >= 0:
        return p.side(p.phrase_at[i + 2])
    by = i + 2 + (p.low[i + 2 : i + 3] in (["out"], ["up"]))  # "sanctions imposed by the EU", "strikes carried out by"
    if by + 1 < len(p.low) and p.low[by] == "by" and p.g.participle(p.low[i + 1]) and p.phrase_at[by + 1] >= 0:
        return p.side(p.phrase_at[by + 1])
    # the noun is the head of an actor phrase: "Russian aggression", "Iran's war"
    return p.side(p.phrase_at[i]) if p.phrase_at[i] >= 0 else None


def nearest_other(p: Parse, i: int, exclude: tuple[str, ...], same_clause: bool = True) -> Side | None:
    """The actor phrase nearest to token i (its own clause, or the sentence) that is not ``exclude``."""
    c = p.clause(i)
    best = None
    for pi, ph in enumerate(p.phrases):
        if same_clause and not c.first <= ph.first <= c.last:
            continue
        ids = p.ids(ph)
        if set(ids) & set(exclude) or ph.head in p.g.words["place_nouns"]:
            continue
        if ph.apposition_of >= 0 and set(p.ids(p.phrases[ph.apposition_of])) <= set(exclude):
            continue  # "the attack on Qatar, a close US partner": what describes the target acts in nothing
        if any(
            p.anchors[k].kind not in ("country", "bloc") and p.anchors[k].how not in ("group", "roaming")
            for k in ph.anchors
        ):
            continue
        d = abs(ph.first - i) + (0 if ph.first < i else 2)
        if best is None or d < best[0]:
            best = (d, pi)
    return p.side(best[1]) if best is not None else None


def after_saying(p: Parse, start: int, i: int, *, that: bool = False) -> int:
    """Where what is said starts: past the last verb of saying (or, with ``that``, "that") in start..i-1.

    "the ministry said six drones had arrived": the item is told after "said"; a clause's opening
    "while" or "and" is no part of it either.
    """
    k = max(
        [start] + [k + 1 for k in range(start, i) if p.g.has("reporting", p.low[k]) or (that and p.low[k] == "that")]
    )
    return k + 1 if k + 1 < i and (p.g.has("subordinators", p.low[k]) or p.low[k] in ("and", "but")) else k


def after_verb(p: Parse, k: int) -> int:
    """The token after the verb that starts at k, past adverbs ("already operates", "still flies")."""
    while k < len(p.low) and (p.low[k].endswith("ly") or p.g.has("adverbs", p.low[k])):
        k += 1
    return k + 1


def shares(p: Parse, side: Side | None, preps: tuple[str, ...]) -> list[tuple[Side, str]]:
    """Further parties told by a count and a preposition alone, after ``side``.

    "six jets from Russia and four from Belarus", "20 went to Poland, 12 to
    Romania": each (side, count) pair repeats the transfer with its own count.
    """
    out: list[tuple[Side, str]] = []
    if side is None or side.np < 0:
        return out
    j = p.phrases[side.np].last + 1
    while j + 3 < len(p.low):
        if p.low[j] == "," and p.low[j + 1] in ("which", "who"):
            # "drones from Turkey, which were used in the north, and of vehicles from China": past the aside
            j = next((k for k in range(j + 2, min(len(p.low) - 3, j + 25)) if p.low[k] in (",", ";", ".")), j)
        if p.low[j] == "," and p.low[j + 1] == "and":
            j += 1
            if j + 3 >= len(p.low):
                break
        if p.low[j] == "and" and p.low[j + 1] == "of":
            j += 1  # "delivery of drones from Turkey and of vehicles from China"
        count = p.low[j + 1]
        # "and four from Belarus", "and two further FREMMs from Italy": a count, perhaps its own item, then the party
        k = next((k for k in range(j + 2, min(len(p.low) - 1, j + 7)) if p.low[k] in preps or not p.is_word(k)), -1)
        own = " ".join(p.tokens[t].text for t in range(j + 1, k)) if k > j + 1 else ""
        counted = count.isdigit() or count in NUMBER_WORDS
        if p.is_function(count) or any(p.g.has("reporting", w) for w in p.low[j + 1 : max(k, j + 1)]):
            break  # ", as well as training from a mission", "and officials say more aircraft from": no share
        # "... and rocket launchers from Brazil": an item of its own, even with no count
        if p.low[j] not in ("and", ",", "of") or k < 0 or p.low[k] not in preps or not (counted or item_phrases(own)):
            break
        pi = p.phrase_at[k + 1]
        if pi < 0:
            break
        out.append((p.named_side(pi), " ".join(p.tokens[t].text for t in range(j + 1, k))))
        j = p.phrases[pi].last + 1
    return out


def story_seller(p: Parse, v: int, cue: Cue, tgt: Side) -> Side | None:
    """The seller the story already named for this buyer, when the clause ties the purchase to it.

    "Oman has since bought more radars", "it ordered a further six" continue the story's
    supply; a buyer that shops on the open market, or a purchase told without such a word, does not.
    """
    last = p.context.transfer
    c = p.clause(v)
    open_market = any(p.g.has("open_sources", w) for w in p.low[v + 1 : c.last + 1])
    continued = any(p.g.has("continuation_words", w) for w in p.low[c.first : c.last + 1])
    told = cue.pos != "noun"  # "coordination on arms procurement" names no purchase of the story's
    if last and last[1] in tgt.ids and last[0] and not open_market and told and continued:
        return Side((last[0],))
    return None


def fronted(p: Parse, v: int, preps: Sequence[str]) -> Side | None:
    """A phrase put before its clause's subject with a comma: "From Ukraine, Thailand bought 49 tanks"."""
    c = p.clause(v)
    if p.low[c.first] not in preps or c.first + 1 >= v:
        return None
    pi = p.phrase_at[c.first + 1]
    if pi < 0 or p.phrases[pi].last + 1 >= v or p.low[p.phrases[pi].last + 1] != ",":
        return None
    return p.named_side(pi)


def possessor_in(p: Parse, start: int, end: int) -> Side | None:
    """The last possessor in tokens start..end-1: "Egypt's fleet", "its equipment" (whose the things are)."""
    owner = None
    for k in range(start, end):
        if p.phrase_at[k] >= 0 and p.phrases[p.phrase_at[k]].possessive:
            owner = p.side(p.phrase_at[k])
        elif p.low[k] in ("its", "their"):
            owner = p.possessive_pronoun(k)
    return owner


def item_after_source(p: Parse, frm: Side | None, exclude: tuple[str, ...]) -> tuple[Side, str] | None:
    """A further item after the seller's phrase: "bought 20 tanks from Norinco in 2019 and 12 trucks".

    The item after "and" must carry a count, a maker or a system's name; its maker sells it, else the
    seller named before does. Another "from" after it is :func:`shares`' to read.
    """
    if frm is None or frm.np < 0:
        return None
    c = p.clause(p.phrases[frm.np].last)
    k = p.phrases[frm.np].last + 1
    while (
        k <= c.last and k - p.phrases[frm.np].last <= 5 and p.low[k] not in ("and", ",", ";") and not p.finite(p.low[k])
    ):
        k += 1  # "in three batches", "in 2019": an adjunct of the first purchase
    if k < c.last and p.low[k] == "," and p.low[k + 1] == "and":
        k += 1
    if k >= c.last or p.low[k] != "and":
        return None
    stops = (",", ";", ".", "from")
    end = next((j for j in range(k + 1, c.last + 1) if p.low[j] in stops or _verb_here(p, j)), c.last + 1)
    if end <= c.last and p.low[end] == "from":
        return None
    text = p.text(k + 1, end - 1)
    first = p.low[k + 1]
    counted = first[:1].isdigit() or first in NUMBER_WORDS
    maker = maker_in(p, k + 1, end - 1, exclude, systems=True)
    opens = counted or p.tokens[k + 1].anchor >= 0 or system_maker(p.tokens[k + 1].text) is not None
    if not opens or not item_phrases(text) or not (counted or maker is not None):
        return None  # "... from Britain last year, and in May Washington approved ...": no item of the list
    return (maker or frm), text


def _verb_here(p: Parse, j: int) -> bool:
    return p.low[j] in p.verbs or p.g.has("auxiliaries", p.low[j]) or p.g.has("irregular_past", p.low[j])


def further_items(p: Parse, frm: Side | None, tgt: Side, cue: Cue, i: int, text: str) -> list[Hit]:
    """The further transfers of a purchase: an item after the seller's phrase, and shares told by a count."""
    out = []
    further = item_after_source(p, frm, tgt.ids)
    if further is not None and not set(further[0].ids) & set(tgt.ids):
        out.append(Hit("transfer", further[0].ids, tgt.ids, cue, i, item_text=further[1]))
    return out + [
        Hit("transfer", s.ids, tgt.ids, cue, i, item_text=share(text, n)) for s, n in shares(p, frm, ("from",))
    ]


def owned_item_start(p: Parse, owner: Side) -> int:
    """Where an item named after its owner starts: "the Thai navy's [newest frigate]"."""
    k = p.phrases[owner.np].last + 1 if owner.np >= 0 else 0
    return k + 1 if p.low[k : k + 1] in (["'s"], ["’s"]) else k


def operated(p: Parse, start: int, i: int) -> int:
    """The verb of holding or using i's noun phrase hangs on ("flies 40 jets delivered by France"), or -1.

    Only the last verb before i counts: in "A operates jets, and B received helicopters donated by C", B's.
    """
    for k in range(i - 1, start - 1, -1):
        if p.g.has("operating_verbs", p.low[k]):
            return k
        if p.finite(p.low[k]) and not p.g.has("item_words", p.low[k + 1]) and not p.tokens[k].text[:1].isupper():
            return -1  # "attack helicopters": a kind; "Storm Shadow missiles": a name, no verb
    return -1


def supplied_by(p: Parse, src: Side) -> Side | None:
    """Whose supplier the giver is called in the sentence: "India, Armenia's largest arms supplier, selling ..."."""
    for pi, ph in enumerate(p.phrases):
        after = p.low[ph.last + 1 : ph.last + 5]
        if ph.possessive and not set(p.ids(ph)) & set(src.ids) and {"supplier", "provider"} & {*after, ph.head}:
            return p.side(pi)
    return None


def named_between(p: Parse, owner: Side, i: int) -> bool:
    """Whether another actor is named between the owner's phrase and token i."""
    last = p.phrases[owner.np].last
    return any(last < ph.first and ph.last < i and not set(p.ids(ph)) <= set(owner.ids) for ph in p.phrases)


def noun_before_participle(p: Parse, i: int) -> int:
    """Where the noun phrase a participle at i follows begins: after the last verb, comma or preposition."""
    k = i - 1
    while k > 0 and i - k < 8:
        w = p.low[k - 1]
        if w in (",", ";") or p.g.has("prepositions", w) or (p.finite(w) and not p._ed_adjective(k - 1)):
            break
        k -= 1
    return k


def own_doing(p: Parse, v: int) -> bool:
    """The object is the subject's own ("made its way to", "building its own boats"; not "sent its own F-16s")."""
    after = p.low[v + 2 : v + 3]
    owner = p.low[v + 1] if v + 1 < len(p.low) else ""
    if after == ["own"]:
        return owner in ("its", "their", "our", "his") and not p.g.has("handing_over_verbs", p.low[v])
    return after in (["way"], ["name"], ["mark"]) and owner in ("its", "their", "his", "her", "the")


def bought_by(p: Parse, v: int) -> Side | None:
    """The buyer named after the item: "boats already bought by the Peruvian navy", "the squadrons India ordered"."""
    c = p.clause(v)
    for k in range(v + 2, min(len(p.low) - 1, max(c.last, v + 12))):
        if p.low[k] == "by" and p.g.has("buying_participles", p.low[k - 1]) and k < c.last:
            return p.pp(k - 1, ("by",), limit=4)
        pi = p.phrase_at[k - 1]
        if p.g.has("buying_participles", p.low[k]) and pi >= 0 and not p.phrases[pi].prep:
            between = p.low[v + 1 : p.phrases[pi].first]
            return None if {",", "and", ";"} & set(between) else p.side(pi)  # a zero relative on the item
    return None


def own_subject(p: Parse, i: int) -> Side | None:
    """The subject of the noun's clause, not a speaker outside it.

    "A Chilean official said the radar sale was a matter for Peru": the sale is not the speaker's.
    """
    subj = p.subject(i)
    c = p.clause(i)
    if subj is not None and subj.np >= 0 and c.kind == "content" and not c.first <= p.phrases[subj.np].first <= c.last:
        return None
    if subj is not None and p.speaker_of(subj, i):
        return None  # the one who says it
    return subj


def resumed_start(p: Parse, c: Clause, i: int) -> int:
    """Where clause c, holding token i, starts: past an aside on its subject ("Submarines, built by TKMS, arrived")."""
    ci = p.clause_of[c.first]
    aside = p.clauses[ci - 1] if ci > 0 else None
    if (
        aside is not None
        and aside.kind in ("reduced", "rel", "paren")
        and aside.first > 1
        and p.low[aside.first - 1] == ","
        and all(p.g.has("be_forms", w) or p.g.has("auxiliaries", w) for w in p.low[c.first : i])
    ):
        return p.clause(aside.first - 1).first
    return c.first


def operator_of(p: Parse, i: int, k: int, src: Side | None) -> Side | None:
    """Who holds the item that the operating verb at k names, before a participle at i ("flies 40 jets delivered by").

    The clause's subject, or the phrase nearest the verb when a coordinated clause names its own subject
    ("A flies jets, and neighbouring B received two helicopters donated by C": B).
    """
    c = p.clause(i)
    owner = p.subject(i, first=True, exclude=frozenset(src.ids) if src else frozenset())
    near = [q for q, ph in enumerate(p.phrases) if c.first <= ph.first and ph.last < k and not ph.prep]
    last = p.phrases[owner.np].last if owner is not None and owner.np >= 0 else -1
    if owner is not None and near and p.phrases[near[-1]].first > last:
        owner = p.side(near[-1])
    return owner if owner is not None and owner.np != (src.np if src else -2) else None


def owner_with(p: Parse, i: int, back: int) -> tuple[str, ...]:
    """The pair of "X's relations with Y have soured", "X, whose ties with Y remain tense": X and Y.

    A relationship noun within ``back`` words before the word at ``i``, owned by a possessive
    phrase or by the antecedent of "whose", and a with-phrase right after it.
    """
    k = next((j for j in range(i - 1, max(-1, i - back - 1), -1) if p.g.has("relationship_nouns", p.low[j])), -1)
    if k < 1 or k + 2 >= len(p.low) or p.low[k + 1] != "with" or p.phrase_at[k + 2] < 0:
        return ()
    other = p.ids(p.phrases[p.phrase_at[k + 2]])
    before = k - 1
    if p.low[before] == "whose":
        c = p.clause(before)
        owner = p.ids(p.phrases[c.antecedent]) if c.first == before and c.antecedent >= 0 else ()
    else:
        pi = p.phrase_at[before] if p.low[before] in ("'s", "’s") else -1
        owner = p.ids(p.phrases[pi]) if pi >= 0 else ()
    return (owner[0], other[0]) if owner and other and owner[0] != other[0] else ()


def sold_to(p: Parse, v: int) -> Side | None:
    """The buyer of a sale a hostile act stops: "Britain has blocked the sale of components to Argentina"."""
    for k in range(v + 1, min(p.clause(v).last, v + 4) + 1):
        if p.g.has("sale_nouns", p.low[k]):
            return p.pp(k, ("to",), limit=10)
    return None


def blocked_thing(p: Parse, v: int) -> bool:
    """A blocking verb whose object is a sale or a measure: "is blocking that sale", "blocked measures against X".

    The seller of a sale blocked is no target, nor is the one a blocked measure was aimed at.
    """
    after = p.low[v + 1 : v + 4]
    return p.g.has("blocking_verbs", p.low[v]) and any(
        p.g.has("sale_nouns", w) or p.g.has("measure_nouns", w) for w in after
    )
