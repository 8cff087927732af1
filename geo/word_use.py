"""Whether a cue word is used as a noun or a verb here: "its support" vs "Iran supports", "has sold".

The relation engine (:mod:`geo.relations`) asks these before it lets a verb cue or a noun cue
read the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from geo.clauses import Parse, Side
from geo.cuetable import Cue, load_cues
from geo.data.wordlists import NUMBER_WORDS

# the plurals and kin of the pact nouns: what a backing verb backs when its object is an agreement
_AGREEMENTS = frozenset({"pacts", "alliances", "accords", "treaties", "agreements", "deals", "ceasefire", "truce"})

__all__ = ["auxiliary_use", "instrument", "modifies_item", "names_agreement", "noun_use", "use_matters"]


def modifies_item(p: Parse, i: int) -> bool:
    """Token i names a kind of weapon with the item noun after it: "attack helicopters", "training aircraft"."""
    return (
        i + 1 < len(p.low)
        and (p.low[i] == "training" or not p.low[i].endswith(("ed", "s", "ing")))
        and (p.g.has("item_words", p.low[i + 1]) or p.g.has("classified_force_nouns", p.low[i + 1]))
        and p.low[i + 1] not in ("arms", "weapons", "gas", "oil", "equipment", "technology", "fleet")
    )


@lru_cache(maxsize=1)
def _held_words() -> frozenset[str]:
    """The participles of the cue for ground a state holds ("Moroccan-controlled"), read from the cue table."""
    return frozenset(w for cue in load_cues().entries if cue.id == "x-held" for w in cue.words)


def _idiom(p: Parse, i: int, prev: str) -> bool:
    """A fixed phrase whose cue word is no verb: "close to", "take place", "fuel supplies", "arms exports"."""
    w = p.low[i]
    if w == "close" and i + 1 < len(p.low) and p.low[i + 1] == "to":
        return True  # "landing close to the border": an adjective of place
    if (
        w in _held_words()
        and not prev.endswith("s")
        and p.tokens[i - 1].anchor >= 0
        and p.phrase_at[i + 1 : i + 2] != [-1]
    ):
        # "the Armenian controlled Nagorno-Karabakh": a compound adjective without its hyphen, before a place
        return p.anchors[p.tokens[i - 1].anchor].how == "demonym" and i + 1 < len(p.low)
    if w == "place" and prev in ("take", "takes", "took", "taken", "taking"):
        return True  # "training will take place in Arizona": an event, nothing placed
    if w in ("guard", "guards") and p.g.has("guard_compounds", prev):
        return True  # "the coast guards of Japan and the Philippines": a body, not a verb
    # "the blockade of fuel supplies", "arms exports": a compound noun
    return w.endswith("s") and prev in ("fuel", "food", "arms", "weapons", "oil", "gas", "grain", "ammunition", "aid")


def _quoted_modifier(p: Parse, i: int) -> bool:
    """A quoted modifier between an owner and token i: 'China's "all-weather" partner' (a noun)."""
    if p.low[i - 1] not in ('"', "”"):
        return False
    return any(p.low[k] in ("'s", "’s") and p.low[k + 1] in ('"', "“") for k in range(max(0, i - 5), i - 2))


def noun_use(p: Parse, i: int) -> bool:
    """Token i is used as a noun ("its support", "arms deal", "for help"), so verb cues do not apply."""
    if p.phrase_at[i] >= 0:
        return True
    if i == 0:
        return False
    prev = p.low[i - 1]
    numbered = prev[:1].isdigit() and not _dated(p, i, prev)  # "20 attack drones", not "in 2020 sold"
    if prev in ("'s", "’s", "billion", "million", "trillion", "bn") or numbered or _quoted_modifier(p, i):
        return True
    if _idiom(p, i, prev) or (
        p.low[i] in ("ship", "ships") and prev.isalpha() and not p.is_function(prev) and not prev.endswith("ly")
    ):
        return True  # "a Chinese coast guard ship cut across", "unregistered ships": a noun after its modifier
    if _plural_after_past(p, i, prev) or (
        p.low[i].endswith("ing") and prev.endswith(("al", "ant")) and prev.isalpha() and not p.finite(prev)
    ):
        return True  # "condemned attacks on", "repeated strikes"; "commercial shipping": a noun after its modifier
    if (p.low[i].endswith("s") and p.g.has("plural_adjectives", prev)) or (
        p.low[i].endswith("ing") and prev in ("arms", "weapons", "drug", "drugs", "oil", "fuel", "people", "gun")
    ):
        return True  # "tighter sanctions on Iran", "will stop arms smuggling": a noun after its modifier
    if prev in ("-", "–") and not p.tokens[i].space:
        return True  # "Turkey-backed factions": a compound adjective, which the compound cues read
    if (
        not p.g.has("irregular_past", p.low[i])
        and (  # "four MiG-29s came from Belarus": a past tense is the verb
            (any(c.isdigit() for c in prev) and any(c.isalpha() for c in prev))
            or (i >= 3 and p.low[i - 2] in ("-", "–") and p.low[i - 3][:1].isdigit() and prev.isalpha())
        )
    ):
        return True  # after a system's name ("CH-92A armed drones") or a measure ("a 155-millimeter shell plant")
    demonym = (
        p.tokens[i - 1].anchor >= 0
        and p.anchors[p.tokens[i - 1].anchor].how == "demonym"
        and not p.g.has("irregular_past", p.low[i])  # "the US sold missiles": a past tense is the verb
    )
    designation = p.tokens[i - 1].anchor < 0 and any(c.isdigit() for c in prev)  # "T129", "six"
    service = prev in ("force", "navy", "army", "military")  # "air force transport planes flew ..."
    if modifies_item(p, i) and (designation or prev in NUMBER_WORDS or demonym or service):
        return True  # "six T129 attack helicopters", "Turkish strike drones": a compound noun, not the verb
    by_next = _noun_by_next_word(p, i)
    if by_next is not None:
        return by_next
    if (p.g.has("determiners", prev) and prev not in ("that", "both", "all", "each")) or _bare_before_of(p, i, prev):
        return True  # "the deal", "a possible future transfer of Gripen jets": a noun
    if _in_owned_compound(p, i) or _after_article_and_adjective(p, i, prev) or _after_indefinite_article(p, i):
        return True  # "Transnistria's main power station", "under a concessional loan": a noun, not a verb
    if (
        p.low[i].endswith("s")
        and (
            (prev.endswith("est") and len(prev) > 5)  # "the two largest ships are"
            or (prev == "training" and i > 1 and p.finite(p.low[i - 2]))  # "gave training ships to Kenya"
            or (  # "fighters and supplies to pass", not "flies jets and fields S-300 systems"
                prev == "and"
                and i > 1
                and p.g.has("item_words", p.low[i - 2])
                and p.low[i + 1 : i + 2] in (["to"], ["for"], [","], ["."], ["were"], ["are"], ["from"], ["that"])
            )
        )
    ):
        return True  # a plural noun, not a verb's third person
    if "-" in prev.strip("-") and i >= 2 and p.g.has("determiners", p.low[i - 2]) and p.low[i - 2] != "that":
        return True  # "a decades-old embargo": a compound adjective after the article
    return prev in _NOUN_PREPS and not p.low[i].endswith("ing")  # "by sending troops": a gerund acts


def _dated(p: Parse, i: int, prev: str) -> bool:
    """A year in a time adverbial before a past tense: "India in 2020 sold a submarine", "since 2014 supplied"."""
    year = len(prev) == 4 and prev.isdigit() and prev[:2] in ("19", "20") and i >= 2
    past = p.low[i].endswith("ed") or p.g.has("irregular_past", p.low[i])
    return year and past and (p.g.has("prepositions", p.low[i - 2]) or p.g.has("time_nouns", p.low[i - 2]))


def _plural_after_past(p: Parse, i: int, prev: str) -> bool:
    """A word in -s after a past tense that is no auxiliary is a plural noun: "condemned attacks on Manila's boats"."""
    w = p.low[i]
    past = (prev.endswith("ed") and len(prev) > 4) or p.g.has("irregular_past", prev)
    return w.endswith("s") and not w.endswith("ss") and past and not p.g.has("auxiliaries", prev)


def _noun_by_next_word(p: Parse, i: int) -> bool | None:
    """What the next words say of token i's use: a noun before "such as" or a noun ("arms imports"); else None."""
    if p.low[i + 1 : i + 3] == ["such", "as"]:
        return True  # "non-lethal military supplies such as helmets": no verb takes "such as" for its object
    if i + 1 < len(p.low) and p.low[i + 1] in _NOUN_AFTER:
        # "arms imports", "the deal"; but after its subject a past tense is the verb: "Kenya banned imports"
        return not (p.low[i].endswith("ed") and p.phrase_at[i - 1] >= 0 and not p.phrases[p.phrase_at[i - 1]].prep)
    return None


def use_matters(cues: Sequence[tuple[int, Cue]], after_verb_word: bool) -> bool:
    """Whether it matters to one of ``cues`` if its word is used as a noun: a verb cue's word must not be.

    A one-word noun cue after "to" or an auxiliary ("a request to purchase") must not be a verb, which
    it is unless used as a noun. Other cues read neither, so :func:`noun_use` need not be asked.
    """
    return any(cue.pos == "verb" or (after_verb_word and n == 1 and cue.pos == "noun") for n, cue in cues)


def _bare_before_of(p: Parse, i: int, prev: str) -> bool:
    """A bare form before "of", after a word that is no subject, auxiliary or "to": a noun ("future transfer of")."""
    w = p.low[i]
    return (
        i + 1 < len(p.low)
        and p.low[i + 1] == "of"
        and not w.endswith(("ed", "s", "ing"))
        and p.tokens[i - 1].anchor < 0
        and prev.isalpha()
        and prev not in ("to", "not", "they", "we", "i", "you", "who", "which", "that", "also", "and", "or")
        and not (p.g.has("auxiliaries", prev) or p.finite(prev))
    )


def _in_owned_compound(p: Parse, i: int) -> bool:
    """Token i is a bare form ending a noun an owner's "'s" opens: "Transnistria's main power station"."""
    w = p.low[i]
    if w.endswith(("ed", "s", "ing")) or p.g.has("irregular_past", w):
        return False
    for k in range(i - 1, max(-1, i - 4), -1):
        if p.low[k] in ("'s", "’s"):
            return k < i - 1
        if not p.is_word(k) or p.is_function(p.low[k]) or p.finite(p.low[k]) or p.low[k].endswith("s"):
            return False  # "Algeria's weapons come from": a plural noun, then its verb
    return False


def _after_article_and_adjective(p: Parse, i: int, prev: str) -> bool:
    """Token i is a bare form after an article and a modifier: "a concessional loan", "the overnight attack"."""
    w2 = p.low[i - 2] if i >= 2 else ""
    # "the overnight attack", "the drone strike": a singular word that is no verb between "the" and the bare form
    modified = w2 == "the" and prev.isalpha() and not prev.endswith("s") and not p.finite(prev) and prev not in p.verbs
    return (
        not p.low[i].endswith(("ed", "s", "ing"))
        and not (p.g.has("irregular_past", p.low[i]) or p.g.has("irregular_participles", p.low[i]))  # "the design sold"
        and (
            modified
            or (
                (w2 in ("a", "an") or (w2 in ("'s", "’s") and prev.endswith("ing")))  # "Edge's shipbuilding arm"
                and prev.endswith(tuple(p.g.words["modifier_endings"]))
            )
        )
        and p.tokens[i - 1].anchor < 0
    )


def _after_indefinite_article(p: Parse, i: int) -> bool:
    """A bare form ending "a"/"an" and its modifiers: "a Japanese navy ship would dock", "a coast guard ship cut".

    A singular subject led by "a" cannot take a bare verb after it, so the bare form closes the noun phrase.
    """
    w = p.low[i]
    if w.endswith(("ed", "s", "ing")) or p.g.has("irregular_past", w) or p.g.has("irregular_participles", w):
        return False
    for k in range(i - 1, max(-1, i - 5), -1):
        if p.low[k] in ("a", "an"):
            return k < i - 1
        t = p.low[k]
        if not t.isalpha() or p.is_function(t) or p.finite(t) or t in p.verbs or t.endswith(("ly", "ing")):
            return False
    return False


# prepositions after which a cue word is a noun ("with funding from", "for help"); not "since", "then"
_NOUN_PREPS = frozenset(
    ["of", "for", "in", "on", "with", "by", "from", "into", "about", "against", "under", "without", "over", "between"]
)


def auxiliary_use(p: Parse, i: int) -> bool:
    """Whether have/has/had is an auxiliary ("has slammed", "had been sold"): before a participle it is."""
    if p.low[i] not in ("have", "has", "had", "having"):
        return False
    j = i + 1
    while j < len(p.low) and (p.low[j].endswith("ly") or p.g.has("adverbs", p.low[j]) or p.low[j] == "since"):
        j += 1  # "its fighters have since fired on Moroccan positions": "since" is an adverb there
    w = p.low[j] if j < len(p.low) else ""
    return bool(w) and (
        w == "been"
        or w.endswith(("ed", "en", "un", "wn"))
        or w in p.verbs
        or p.g.has("irregular_participles", w)
        or p.g.has("irregular_past", w)
    )


# nouns that make the word before them a noun too: "arms deal", "aid package", "support package"
_NOUN_AFTER = frozenset(
    [
        "deal",
        "deals",
        "sale",
        "sales",
        "embargo",
        "embargoes",
        "package",
        "packages",
        "trade",
        "exports",
        "imports",
        "race",
        "control",
        "supplies",
        "transfers",
        "shipments",
        "program",
        "programme",
        "bill",
        "bills",
        "request",
        "requests",
        "contract",
        "contracts",
        # "foreign arms makers", "the aid budget": the cue word modifies the noun after it
        "maker",
        "makers",
        "manufacturer",
        "manufacturers",
        "producer",
        "producers",
        "industry",
        "industries",
        "dealer",
        "dealers",
        "exporter",
        "exporters",
        "importer",
        "importers",
        "supplier",
        "suppliers",
        "firms",
        "companies",
        "market",
        "markets",
        "budget",
        "budgets",
        "spending",
        "depot",
        "depots",
        "smuggling",
        "trafficking",
        # "export controls", "the export version of the PL-15", "supply routes"
        "controls",
        "licence",
        "licences",
        "license",
        "licenses",
        "ban",
        "bans",
        "restrictions",
        "curbs",
        "permits",
        "revenue",
        "revenues",
        "earnings",
        "route",
        "routes",
        "version",
        "versions",
        "variant",
        "capacity",
    ]
)


def names_agreement(p: Parse, side: Side) -> bool:
    """The phrase of ``side`` is an agreement named after its parties or place ("the Minsk agreements").

    Backing it backs the agreement, not the states or the city in its name ("shoring up the AUKUS pact").
    """
    if side.np < 0:
        return False
    ph = p.phrases[side.np]
    heads = ph.head.split() or p.low[ph.last + 1 : ph.last + 2]  # the head noun after the named part
    return bool(heads) and (p.g.has("pact_nouns", heads[-1]) or heads[-1] in _AGREEMENTS)


def helps_do_a_thing(p: Parse, k: int) -> bool:
    """A bare verb after "help" takes an object the help is for, not the one helped: "help clear the mines".

    Not a protective verb, whose object is backed ("help defend Ukraine"), nor a verb whose object is a
    state's forces ("help rebuild the Somali navy"), nor a noun ("help government forces"): the verb is no
    name and has a determiner, a name or a number after it.
    """
    if k < len(p.low) and p.low[k] == "to":
        k += 1
    if k + 1 >= len(p.low):
        return False
    w = p.low[k]
    nxt = k + 2 if p.low[k + 1] in ("up", "out", "off") else k + 1  # "help set up a factory"
    if any(p.g.has("official_nouns", x) for x in p.low[nxt : nxt + 5]) and not p.g.has("repelling_verbs", w):
        return False  # "help rebuild the Somali navy", "help build up the Saudi armed forces": a force is backed
    return (
        w.isalpha()
        and p.tokens[k].anchor < 0
        and p.is_word(k)
        and not p.g.has("determiners", w)
        and not p.g.has("prepositions", w)
        and not p.g.has("protective_verbs", w)
        and nxt < len(p.low)
        and (p.g.has("determiners", p.low[nxt]) or p.tokens[nxt].anchor >= 0 or p.low[nxt][:1].isdigit())
    )


def after_helped_object(p: Parse, i: int) -> bool:
    """Token i is a bare infinitive after the object of "help" or "let": "helped the Chadian army fight rebels"."""
    pi = p.phrase_at[i - 1] if i > 0 else -1
    if pi < 0 or p.phrases[pi].prep or p.phrases[pi].possessive or p.phrase_at[i] == pi:
        return False
    k = p.phrases[pi].first - 1
    return k >= 0 and p.low[k] in ("help", "helps", "helped", "helping", "let", "lets", "letting")


def after_its_noun(p: Parse, k: int) -> bool:
    """Token k, right before a participle, is a noun's or an actor's: no be-form, adverb or bracket is between."""
    w = p.low[k]
    if p.phrase_at[k] >= 0:
        return True
    return (
        p.is_word(k)
        and w.isalpha()
        and not w.endswith("ly")
        and not p.is_function(w)
        and not p.g.has("be_forms", w)
        and w not in ("also", "now", "still", "already", "long", "once", "widely", "not", "both", "all")
    )


def instrument(p: Parse, side: Side) -> bool:
    """A with-phrase of a maker's weapons is what a deed is done with: "fought back with American weapons"."""
    if side.np < 0 or p.phrases[side.np].prep != "with":
        return False
    ph = p.phrases[side.np]
    made = all(p.anchors[k].how in ("demonym", "company") for k in ph.anchors) or ph.possessive
    return made and bool(ph.head) and p.g.has("instrument_nouns", ph.head.split()[-1])
