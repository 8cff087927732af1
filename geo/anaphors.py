"""Anaphors: "the two countries", "both sides", "the country", "the kingdom", "the army".

A news story names a state once and then refers to it by a noun phrase. These are
read as actor anchors of their own, from the actors named earlier in the sentence
or the story (:class:`geo.grammar.Context`), before the sentence is chunked into
phrases (:mod:`geo.clauses`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

from geo.data.wordlists import ORG_TAILS, alternation, table
from geo.grammar import (
    Anchor,
    Context,
    _anaphor_re,
    _pair_phrases,
    counted_nouns,
    described_phrases,
    described_states,
    load_grammar,
    phrase_set,
    plain_anaphor,
)
from geo.lowered import Lowered

__all__ = ["anaphor_anchors"]


# continents whose adjective before a counted noun keeps their states ("the three European governments")
_CONTINENTS = {"european": "region:europe", "african": "region:africa", "asian": "region:asia"}


def anaphor_anchors(sentence: str, anchors: Sequence[Anchor], context: Context) -> list[Anchor]:
    """Anchors for the anaphors of a sentence, read from the actors named before it.

    Parameters
    ----------
    sentence : str
        One sentence.
    anchors : sequence of Anchor
        The actors and places named in it.
    context : Context
        What the story has said so far (its focus, groups, last list of countries).

    Returns
    -------
    list of Anchor
        One anchor per anaphor it can resolve ("the two countries", "both sides", "the country", "the army").
    """
    out: list[Anchor] = []
    taken = [(a.start, a.end) for a in anchors]
    for m in _anaphors().finditer(sentence):
        s, e = m.span()
        phrase = plain_anaphor(m.group().lower())
        three = re.fullmatch(f"(?:the|all) three {counted_nouns()}", phrase) or phrase in ("all three", "the three")
        counted = three or re.fullmatch(f"(?:the two|both) {counted_nouns()}", phrase)
        within = [a for a in anchors if s < a.end and a.start < e]
        if phrase in described_phrases():
            if _OF_NAME.match(sentence, e):
                continue  # "the breakaway region of Somaliland": the description names its place
            found = _described(s, e, phrase, anchors, within, taken, context, _topic_state(sentence, anchors, s))
            if found is not None:
                out.append(found)
                taken.append((s, e))
            continue
        if any(a.kind == "country" or not (counted and s < a.start and a.end < e) for a in within):
            continue  # an actor's own name; but "the three Sahel juntas" reads past the region it names
        if any(s < b and a < e for a, b in taken[len(anchors) :]) or _named_after(sentence, e, phrase, anchors):
            continue  # "the government (and people) of Sudan", "the government in Mogadishu", "the State Bank"
        before = [a for a in anchors if a.end <= s and a.how != "place"]
        army = phrase in ("the army", "the armed forces", "the military")
        if army or phrase in phrase_set("company_anaphors"):
            found = (
                _army_anchor(sentence, s, e, phrase, before, context)
                if army
                else _company_anchor(s, e, before, context)
            )
            if found is not None:
                out.append(found)
        elif phrase in phrase_set("anaphors_group"):
            group_id = _group_named(phrase, before, context)
            if group_id:
                out.append(Anchor(s, e, group_id, "anaphor", "country"))
        elif phrase in _pair_phrases() or counted:
            people = phrase.split()[-1] in ("leaders", "presidents") and not three and not before
            group: tuple[str, ...] = context.leaders if people and len(context.leaders) == 2 else ()  # just named
            after = {
                a.id for a in anchors if a.start >= e and (a.how != "place" or a.kind == "country")
            }  # "deter Moscow"
            if phrase in ("all three", "the three"):  # only a list of exactly three just named: "A, B and C left."
                group = next((g for g in (context.previous, context.listed, context.plural) if len(g) == 3), ())
            else:
                words = phrase.split()
                noun = " ".join(words[-2:]) if words[-2] in _CONTINENTS else words[-1]
                group = group or _pair(sentence, 3 if three else 2, before, within, context, after, noun)
            if group:
                out.append(Anchor(s, e, "|".join(group), "anaphor", "country"))
        else:
            ident = (
                _ministry_state(sentence, e, before, context)
                if phrase in phrase_set("ministry_anaphors")
                else _singular(sentence, e, phrase, before, context, _topic_state(sentence, anchors, s))
            )
            if ident:
                out.append(Anchor(s, e, ident, "anaphor", "country"))
        taken.append((s, e))
    return out + _pair_names(sentence, anchors, taken) + _speaker_pronouns(sentence, anchors, taken)


@lru_cache(maxsize=1)
def _pair_names_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(table('named_pairs'))})\b", re.I)


def _pair_names(sentence: str, anchors: Sequence[Anchor], taken: list[tuple[int, int]]) -> list[Anchor]:
    """Two states named by one plural name: "the two Koreas" (geo/data/words/named_pairs.tsv)."""
    out = []
    for m in _pair_names_re().finditer(sentence):
        s, e = m.span()
        pair = table("named_pairs").get(m.group().lower())
        if pair and not any(s < b and a < e for a, b in taken) and not any(s < x.end and x.start < e for x in anchors):
            out.append(Anchor(s, e, pair, "anaphor", "country"))
            taken.append((s, e))
    return out


def _group_named(phrase: str, before: Sequence[Anchor], context: Context) -> str:
    """The group of "the group", "the rebels": the one named before, else the last the story named.

    A plural subject of states is none; nor is a state's force abroad (Wagner) one that "the rebels" or
    "the insurgents" names.
    """
    groups = [a.id for a in before if a.how == "group"] or list(context.plural if len(context.plural) == 1 else ())
    if phrase in phrase_set("insurgent_anaphors"):
        groups = [x for x in groups if "@group:" in x]
    return groups[-1] if groups else ""


@lru_cache(maxsize=1)
def _anaphors() -> Lowered:
    """The anaphor pattern, run on a lower-cased copy of plain sentences (the phrase is read lower-cased)."""
    return Lowered(_anaphor_re())


def _in_aside(sentence: str, at: int) -> bool:
    """Whether offset ``at`` lies inside a relative aside still open there: "Niger, which turned on France, ..."."""
    opened = max(sentence.rfind(", which ", 0, at), sentence.rfind(", who ", 0, at))
    return opened >= 0 and "," not in sentence[opened + 2 : at]


def _pair(
    sentence: str,
    n: int,
    before: Sequence[Anchor],
    within: Sequence[Anchor],
    context: Context,
    after: AbstractSet[str] = frozenset(),
    noun: str = "",
) -> tuple[str, ...]:
    """The n countries of "the two countries", "both sides", "the three Sahel juntas" (empty: unknown).

    A country the sentence names after the phrase is another party ("Both governments aim to deter
    Moscow"): the sentence before's group that holds it yields to the last list that does not.
    """
    # "the three Sahel juntas": countries of the Sahel; "the three juntas": states the described-state table says
    # juntas rule
    among = _members(within) or _kind_members(noun)
    fit = [a for a in before if a.kind == "country" and (not among or a.id in among)]
    # "the status of the Atacama, which Bolivia claims as its coast and over which
    # the two countries fought": the two that act, not ground named after "of" or "as"
    acting = [
        a
        for a in fit
        if not _NAMED_AS_GROUND.search(sentence, 0, a.start)
        and not _in_aside(sentence, a.start)
        and not _MADE_BY.match(sentence, a.end)  # "a British-drafted resolution": the maker, no party
    ]
    ids = list(dict.fromkeys(a.id for a in (acting if len(set(x.id for x in acting)) >= n else fit)))
    listed = context.listed
    if len(ids) >= n:
        group = tuple(ids[-n:])
    elif n == 2 and len(ids) == 1 and context.focus(exclude=ids):
        # "an Indian credit line ..., and the two governments": India and the pair it was last named in,
        # else India and the story's state
        pairs = [g for g in (listed, context.previous) if len(g) == 2 and ids[0] in g]
        group = pairs[0] if pairs else (ids[0], context.focus(exclude=ids))
    elif n == 2 and not ids and len(context.previous) == 1 and context.focus(exclude=context.previous):
        # "Paris agreed to supply radars ... In June the two governments signed a contract": the state the sentence
        # before named and the story's state
        group = (context.previous[0], context.focus(exclude=context.previous))
    elif len(ids) == n - 1 and n > 2 and context.focus(exclude=ids):
        # "It set up a league with Chad and Sudan, and the three states then signed a pact": the story's state and
        # those it acted with
        group = (context.focus(exclude=ids), *ids)
    elif (
        len(context.previous) == n
        and (not among or set(context.previous) <= set(among))
        and not (len(listed) == n and (after - set(listed)) & set(context.previous))
    ):
        group = context.previous  # "... Laos trains with Vietnam. The two countries ...": the sentence before
    elif len(listed) == n and (not among or set(listed) <= set(among)):
        group = listed  # "signed by A, B and C. Chile said ... The three countries ...": the list last named
    elif among and len([x for x in listed if x in among]) == n:
        # "the US, Britain, France and Germany said ... The three European governments": the list's Europeans
        group = tuple(x for x in listed if x in among)
    elif len(context.previous) > n and not among and not after & set(context.previous[:n]):
        group = context.previous[:n]  # "For Egypt, the rivalry with Ethiopia goes beyond Somalia. The two countries"
    else:
        group = context.focus_group(n, among)
    return group if len(group) == n else ()


def _topic_state(sentence: str, anchors: Sequence[Anchor], s: int) -> str:
    """The state a sentence opens on as its topic, before offset s: "In Niger, relations have soured: the junta ..."."""
    first = next((a for a in anchors if a.kind == "country"), None)
    if first is None or first.end >= s or sentence[: first.start].strip().lower() != "in":
        return ""
    return first.id if sentence[first.end : first.end + 1] == "," else ""


def _singular(sentence: str, e: int, phrase: str, before: Sequence[Anchor], context: Context, topic: str = "") -> str:
    """The country of "the country", "the kingdom": the story's focus, unless it acts in this clause already.

    A sentence that opens on a state ("In Niger, ...") speaks of that state's junta or government.
    """
    countries = [a.id for a in before if a.kind == "country"]
    possessive = sentence[e : e + 2] in ("'s", "’s")  # "the country's partnership": the story's focus
    other = possessive and _counterpart_after(sentence, e + 2)  # "X remains the country's ally": not X
    typed = _typed_candidates(phrase, context)  # "the kingdom": a country that is one
    named = [a.id for a in before if a.kind == "country" and a.how in ("name", "alias")]
    services = [a.id for a in before if a.kind == "country" and _SERVICE_AFTER.match(sentence, a.end)]
    organ = phrase in ("the navy", "the air force", "the coast guard")
    if organ and services:
        ident = services[-1]  # "drones to the Chadian army, boats to the navy": that state's navy
    elif organ and _speaking_state(sentence, before):
        ident = before[0].id  # "Cambodian officials said China will hand two corvettes to the navy": theirs
    elif (
        organ
        and not countries
        and len(context.previous) == 1
        and context.previous_named == context.previous
        and (not context.services or context.previous[0] in context.services)
    ):
        ident = context.previous[0]  # "Greece's arsenal is changing too. The navy expects ...": the one just named
    elif organ and context.service:
        ident = context.service  # "The Royal Thai Army ... The navy signed for": the state last named with a service
    elif organ and possessive and len(set(countries)) > 1:
        # "Australia, which trains Cambodian officers, gave boats to the navy's unit"; a seller after "from" owns
        # no service of the buyer's ("buy jets from Sweden's Saab to replace the air force's fleet")
        buyers = [a.id for a in before if a.kind == "country" and not _FROM_BEFORE.search(sentence, 0, a.start)]
        ident = buyers[-1] if buyers else countries[-1]
    elif topic and not organ and (not typed or topic in typed):
        ident = topic  # "In Niger, relations with Beijing have soured: the junta expelled ..."
    elif possessive and named and not typed and not other:
        ident = named[0]  # "the Maldives ... uses them to patrol the country's waters": the sentence's state
    elif not typed and not possessive and not countries and phrase == "the country" and context.previous:
        ident = context.previous[0]  # "For Kuwait, the move ... The country hosts ...": the one just named first
    elif phrase == "the country" and len(context.previous) == 1 and _IN_BEFORE.search(sentence, 0, e - len(phrase)):
        # "... the gap in Romania. France leads NATO's battlegroup in the country": the land just named
        ident = context.previous[0] if context.previous[0] not in countries else ""
    elif phrase in _TYPED and not typed:
        return ""  # "the republic" in a story of a kingdom is none of its states
    elif not typed and _speaking_state(sentence, before):
        ident = before[0].id  # "Syria's defence ministry ... accused US forces of occupying parts of the country"
    else:
        mine = countries if other else () if possessive else countries[:1]  # "the country's ally" is another
        ident = typed[0] if typed else context.focus(exclude=mine)
    if not ident and countries and not other:
        ident = countries[-1]
    return ident


def _counterpart_after(sentence: str, at: int) -> bool:
    """A noun of a party to a tie follows, past up to three words: "the country's only treaty ally"."""
    words = sentence[at : at + 60].lower().split()[:4]
    return any(load_grammar().has("counterpart_nouns", w.strip(",.;:")) for w in words)


def _speaking_state(sentence: str, before: Sequence[Anchor]) -> bool:
    """The sentence opens with a state's office as its subject: "Syria's defence ministry said", "Thai officials"."""
    if not before or before[0].kind != "country" or before[0].start > 0:
        return False
    owned = sentence[before[0].end : before[0].end + 2] in ("'s", "’s")
    if not owned and before[0].how != "demonym":
        return False
    words = sentence[before[0].end + (2 if owned else 0) :].split()[:3]
    g = load_grammar()
    return any(
        g.has("official_nouns", w) or w in ("ministry", "spokesman", "spokeswoman") for w in map(str.lower, words)
    )


# "the military has since bought": the phrase is a subject, an auxiliary or past tense after it
_ACTS_AFTER = re.compile(r"\s+(?:has|have|had|is|was|will|would|(?:also|since|then|now)\s+\w+|\w+ed)\b")
# "the military capabilities", "the army chief": the service word modifies a noun, naming no actor
_MODIFIES = re.compile(
    r"\s+(?:capabilit\w*|aid|assistance|juntas?|governments?|regimes?|leaders(?:hip)?|council|chiefs?|commanders?|"
    r"spokes\w+|bases?|budget|spending|cooperation|ties|relations|exercises?|drills?|operations?|presence|"
    r"equipment|hardware|officers?|officials?|analysts?|sources?|intelligence|courts?|academy|coup|rule|"
    r"takeover|personnel|advisers?|advisors?|attaché)\b"
)
_SERVICE_AFTER = re.compile(r"\s+(?:armed forces|army|navy|military|air force|coast guard|forces)\b")
# a state's own armed service named: "Thai Army", "Qatari Emiri Air Force", "Denmark's navy"
_OWN_SERVICE = re.compile(
    r"(?:['’]s)?\s+(?:[A-Z][a-z]+\s+)?(?i:armed forces|army|navy|air force|coast guard)\b(?!\s+(?i:of)\b)"
)


def service_states(sentence: str, anchors: Sequence[Anchor]) -> list[str]:
    """The states ``sentence`` names with one of their armed services ("the Royal Thai Army"), in order."""
    return [
        a.id
        for a in anchors
        if a.kind == "country" and a.how not in ("anaphor", "place") and _OWN_SERVICE.match(sentence, a.end)
    ]


# a state's ministry or minister named: "Brazil's Defense Minister", "the Turkish foreign ministry"
_OWN_OFFICE = re.compile(
    r"(?:['’]s)?\s+(?:[A-Z][a-z]+\s+)?(?i:(?:foreign|defen[cs]e|interior|home)\s+(?:ministry|minister|office)|"
    r"ministry|ministers?)\b"
)
_OFFICE_OF = re.compile(r"(?i:ministry|minister)\s+of\s+(?:[A-Z]\w+\s+){1,3}of\s+(?:the\s+)?$")  # "Ministry of X of"


def office_states(sentence: str, anchors: Sequence[Anchor]) -> list[str]:
    """The states ``sentence`` names with one of their ministries or ministers, in order."""
    return [
        a.id
        for a in anchors
        if a.kind == "country"
        and a.how not in ("anaphor", "place")
        and (_OWN_OFFICE.match(sentence, a.end) or _OFFICE_OF.search(sentence, max(0, a.start - 60), a.start))
    ]


def _ministry_state(sentence: str, e: int, before: Sequence[Anchor], context: Context) -> str:
    """Whose "the ministry" is: the state the sentence opens on, else the last named with a ministry, else the story's.

    "Seoul condemned the deployment, and the foreign ministry summoned ..."; "The Ministry of Defense of
    Brazil announced ... The Ministry of Defense has doubled ..."; a compound ("the defence ministry-controlled
    successor") names no one.
    """
    if sentence[e : e + 1] in ("-", "‐") or sentence[e : e + 2] in ("'s", "’s"):
        return ""  # "the defence ministry's new expeditionary force": what the ministry owns is the actor
    if before and before[0].start == 0 and before[0].kind == "country":
        return before[0].id
    return context.office or context.focus() or next((a.id for a in before if a.kind == "country"), "")


_QUOTE_FIRST = re.compile(
    r"^\s*[\"“](?P<q>[^\"”]+)[\"”],?\s+(?P<s>[^\"“”]{1,120}?)\s+"
    r"(?:said|says|told|added|insisted|warned|stressed|declared|wrote)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|us)\b")


def _speaker_pronouns(sentence: str, anchors: Sequence[Anchor], taken: list[tuple[int, int]]) -> list[Anchor]:
    """In a quote, "we" and "our" stand for the speaker's state.

    As in '"We will supply more," German Chancellor Olaf Scholz said'.
    """
    m = _QUOTE_FIRST.match(sentence)
    if m is None:
        return []
    speaker = [a for a in anchors if m.start("s") <= a.start < m.end("s") and a.kind == "country" and a.how != "place"]
    if not speaker:
        return []
    ident = speaker[0].id
    return [
        Anchor(w.start(), w.end(), ident, "anaphor", "country")
        for w in _FIRST_PERSON.finditer(sentence, m.start("q"), m.end("q"))
        if not any(s < w.end() and w.start() < e for s, e in taken)
    ]


def _army_anchor(
    sentence: str, s: int, e: int, phrase: str, before: Sequence[Anchor], context: Context
) -> Anchor | None:
    """The anchor of "the army", "the armed forces" or "the military", or None."""
    if _MODIFIES.match(sentence, e):
        return None  # "the military governments of Mali and Niger", "the army chief": a noun it modifies
    army = _army(before, context)
    ident = (
        _singular(sentence, e, phrase, before, context)
        if not army and phrase == "the military" and _ACTS_AFTER.match(sentence, e)
        else ""
    )
    services = [a.id for a in before if a.kind == "country" and _SERVICE_AFTER.match(sentence, a.end)]
    if army:
        return Anchor(s, e, army, "group", "country")
    if services:
        return Anchor(s, e, services[-1], "anaphor", "country")  # "the Uruguayan military, ... the army"
    if context.service:
        return Anchor(s, e, context.service, "anaphor", "country")  # the service last named
    if ident and context.mentions.get(ident, 0) >= 2:
        return Anchor(s, e, ident, "anaphor", "country")  # "the military has since bought": the story's
    return None


def _army(before: Sequence[Anchor], context: Context) -> str:
    """The anchor id of "the army": the story's state's army where it is one side of a civil war, else ""."""
    from geo.actors import load_groups

    focus = context.focus() or next((a.id for a in reversed(before) if a.kind == "country"), "")
    army = load_groups().army_of(focus.split("@")[0]) if focus else None
    return f"{army.iso}@{army.id}" if army is not None else ""


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?$", re.I)
_MADE_BY = re.compile(r"[-‐](?!led\b)[a-z]+(?:ed|en|made|built|run)\b")
_NAMED_AS_GROUND = re.compile(r"\b(?:of|as|in|over|near)\s+(?:the\s+|Las\s+|Los\s+|La\s+|El\s+)?$", re.I)
# what the official name says; a sultanate is called "the kingdom" as often as "the sultanate"
_TYPED = {
    "the kingdom": ("kingdom", "sultanate"),
    "the emirate": ("emirate",),
    "the emirates": ("emirates",),
    "the republic": ("republic",),
}


_IN_BEFORE = re.compile(r"\b(?:in|inside|within|across|throughout)\s+$", re.I)
_OF_NAME = re.compile(r"\s+(?:and\s+[a-z]+\s+)?of\s+(?:the\s+)?[A-Z]")
_IN_SEAT = re.compile(r"\s+in\s+")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _named_after(sentence: str, e: int, phrase: str, anchors: Sequence[Anchor]) -> bool:
    """The anaphor's state is named after it: "of Sudan", or a governing body's seat ("in Mogadishu").

    Or the anaphor opens a body's name: "the State Bank of Pakistan", "the Government Accountability Office".
    """
    tail = _NEXT_WORD.match(sentence, e)
    if _OF_NAME.match(sentence, e) or (tail and tail.group(1)[:1].isupper() and tail.group(1).lower() in ORG_TAILS):
        return True
    seat = _IN_SEAT.match(sentence, e)
    return bool(
        seat
        and load_grammar().has("governance_nouns", phrase.split()[-1])
        and any(a.start == seat.end() for a in anchors)
    )


def _described(
    s: int,
    e: int,
    phrase: str,
    anchors: Sequence[Anchor],
    within: Sequence[Anchor],
    taken: Sequence[tuple[int, int]],
    context: Context,
    topic: str = "",
) -> Anchor | None:
    """The anchor of a description ("the Gulf state", "the territory") at s:e, or None."""
    # a state's adjective inside a description the table lists stays a description ("the Central African country")
    if any(a.kind == "country" and a.how != "demonym" for a in within) or any(
        s < b and a < e for a, b in taken[len(anchors) :]
    ):
        return None
    ident = described_state(phrase, [a for a in anchors if a.end <= s], context, topic)
    if not ident:
        return None
    return Anchor(s, e, ident, "anaphor", "country" if ident.isupper() or "|" in ident else "disputed")


def described_state(phrase: str, anchors: Sequence[Anchor], context: Context, topic: str = "") -> str:
    """The state (or disputed area) a description stands for: "the Gulf state", "the island", "the territory".

    The one of its kind named most often so far in the story or earlier in the sentence; "" when the
    story has named none. "both regions" is the last two disputed areas named, joined by "|". A state the
    sentence opens on, ``topic`` ("In Niger, ... the junta"), is meant when it is of that kind.
    """
    kinds = described_states().get(phrase.removeprefix("the "), ())
    areas = [*context.areas, *(a.id for a in anchors if a.kind == "disputed")]
    if phrase.endswith(("regions", "territories", "enclaves")):
        pair = list(dict.fromkeys(reversed(areas)))[:2]
        return "|".join(reversed(pair)) if len(pair) == 2 else ""
    if "@area" in kinds:
        return areas[-1] if areas else ""  # "It pays South Ossetia's budget, sending 7 billion to the territory"
    before = [a.id for a in anchors]
    fit = [c for c in dict.fromkeys([*context.actors, *before]) if _is_of(c, kinds)]
    if not fit:
        return ""
    if topic in fit:
        return topic
    here = [c for c in dict.fromkeys(before) if _is_of(c, kinds)]
    if len(here) == 1:
        return here[0]  # "a treaty with Nauru under which it will pay towards the island's budget": the one just named
    return max(fit, key=lambda c: (context.mentions.get(c, 0) + (1 if c in before else 0), fit.index(c)))


def _is_of(iso: str, kinds: Sequence[str]) -> bool:
    """Whether country ``iso`` is of a description's kinds (ISO codes, or region ids whose members count)."""
    from geo.gazetteer import load_gazetteer

    for k in kinds:
        if k == iso:
            return True
        if k.startswith("region:"):
            entry = load_gazetteer().get(k)
            if entry is not None and iso in entry.members:
                return True
    return False


def _kind_members(noun: str) -> tuple[str, ...]:
    """The states a counted anaphor's noun is a kind of ("juntas"), from the described-state table; () for others.

    A continent's adjective before the noun keeps that continent's states: "the three European governments".
    """
    adjective, _, noun = noun.rpartition(" ")
    if adjective in _CONTINENTS:
        from geo.gazetteer import load_gazetteer

        entry = load_gazetteer().get(_CONTINENTS[adjective])
        return tuple(entry.members) if entry is not None else ()
    kinds = described_states().get(noun.removesuffix("s"), ())
    if not kinds:
        return ()
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    out = [m for k in kinds if k.startswith("region:") and (e := gaz.get(k)) is not None for m in e.members]
    return tuple(out + [k for k in kinds if len(k) == 2 and k.isupper()])


def _members(regions: Sequence[Anchor]) -> tuple[str, ...]:
    """The member countries of the regions or blocs named inside an anaphor."""
    if not regions:
        return ()
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    entries = [gaz.get(a.id) for a in regions]
    return tuple(m for e in entries if e is not None for m in e.members)


def _typed_candidates(phrase: str, context: Context) -> list[str]:
    """Countries the story has named whose official name says what the anaphor says ("the kingdom")."""
    words = _TYPED.get(phrase)
    if not words:
        return []
    from geo.gazetteer import load_gazetteer, official_names

    names, gaz = official_names(), load_gazetteer()
    # a disputed area by its state's official name ("Sahrawi Arab Democratic Republic" for Western Sahara)
    official = {c: names.get(c) or names.get(getattr(gaz.get(c), "iso", None) or "", "") for c in context.actors}
    found = [c for c in context.actors if any(w in official[c].lower() for w in words)]
    if phrase == "the republic":  # many states are republics: only one the last sentence named is meant
        found = [c for c in found if c in context.previous]
    # the most named; among equals the story's first-named state ("Oman ... from Britain ... the kingdom's")
    return sorted(found, key=lambda c: (-context.mentions.get(c, 0), c != context.first))


def _company_anchor(s: int, e: int, before: Sequence[Anchor], context: Context) -> Anchor | None:
    """The firm the story last named ("the company delivered fuel"), or the one the sentence named before it.

    "... from Israel Aerospace Industries in 2024, and in 2024 it ordered a satellite from the same company".
    """
    firms = [a for a in before if a.how == "company"]
    if firms:
        return Anchor(s, e, firms[-1].id, "company", "country")
    return Anchor(s, e, context.company, "company", "country") if context.company and not before else None
