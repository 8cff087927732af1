"""Which sentences are worth parsing: those that can state a relation between two sides.

Most of an article's sentences name one actor or none and hold no word that
reaches for another; :func:`geo.relations.find_relations` skips them, which
keeps extraction within its few milliseconds per article.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from geo.cuetable import load_cues
from geo.grammar import Anchor, Context, described_phrases, load_grammar
from geo.items import sentence_names_system

__all__ = ["counted_group", "giving_words", "transfer_verbs", "worth_parsing"]


def counted_group(words: set[str]) -> bool:
    """Whether a counted group of allies or rivals is itself the relation: "the three allies said"."""
    g = load_grammar()
    return bool(words & {"two", "three", "four", "both"}) and any(
        g.has("allied_nouns", w) or g.has("rival_nouns", w) for w in words
    )


def worth_parsing(anchors: Sequence[Anchor], words: set[str], context: Context | None, sentence: str = "") -> bool:
    """A relation needs two sides: two actors named, or one and a word that reaches for another.

    Sentences that cannot give one are not parsed (most of an article's sentences), which keeps
    extraction within its few milliseconds per article.
    """
    ids = {a.id for a in anchors}
    if len(ids) >= 2:
        return True
    if ids and sentence_names_system(sentence):
        return True  # "Indonesia ordered 42 Rafale jets": the system names its maker
    g = load_grammar()
    if any(a.kind == "bloc" for a in anchors) and words & g.words["pact_nouns"]:
        return True  # "the Alliance of Sahel States, a mutual defence pact": its members
    if context is None:
        return False
    if ids and context.conflict and (words & g.words["event_nouns"] or words & g.words["reaction_nouns"]):
        return True  # "Brazil condemned the incursion": the story said who carried it out
    if ids and context.transfer and words & g.words["sale_nouns"]:
        return True  # "Japan condemned the transfers": the story said who supplied them
    if ids and (context.listed or context.pair) and words & g.words["pact_nouns"]:
        return True  # "Ethiopia condemned the pact": the story said who signed it
    if ids and context.foe and (words & g.words["envoy_nouns"] or words & g.words["echo_words"]):
        return True  # "Canada has expelled 12 diplomats": the story's accused
    if ids and "there" in words and set(context.previous) - ids:
        return True  # "France keeps about 100 troops there": where the sentence before was
    if ids and words & {"ally", "partner"} and context.mentions.get(context.focus(), 0) >= 3:
        return True  # "Chile, a strategic partner for years, ...": the story's partner
    if context.topic and words & transfer_verbs():
        return True  # "- F-16V Block 70. Sixty-six jets ordered in 2019": a paragraph a system labels
    giving = words & giving_words() and (ids or sentence_names_system(sentence))
    # a recipient the story told of, or the story's state
    if giving and (context.transfer or context.mentions.get(context.focus(), 0) >= 3):
        return True  # "Portugal has donated body armour": to the recipient the story tells of
    if ids and words & _contingent_words() and context.mentions.get(context.focus(), 0) >= 5:
        return True  # "Kenya has deployed 750 police officers": to the state the story keeps naming
    if ids and any(phrase in sentence.lower() for phrase in _story_buyer_phrases()):
        return True  # "six frigates are on order from Italy": for the buyer the story tells of
    reaching = words & g.words["reaching_words"] or words & _described_heads()  # "the territory", "the Gulf state"
    return bool(reaching) and bool(ids or context.subjects)


@lru_cache(maxsize=8)
def _verb_forms(*cue_ids: str) -> frozenset[str]:
    """Every form of the first words of the cues ``cue_ids`` ("give": "supplied", "handed" ...)."""
    return frozenset(w.split()[0] for cue in load_cues().entries if cue.id in cue_ids for w in cue.words)


def giving_words() -> frozenset[str]:
    """Every form of the verbs of giving (the ``give`` cue's words)."""
    return _verb_forms("give")


def transfer_verbs() -> frozenset[str]:
    """Every form of the verbs of giving, getting and arriving ("supplied", "ordered", "arrived")."""
    return _verb_forms("give", "get", "arrive")


@lru_cache(maxsize=1)
def _contingent_words() -> frozenset[str]:
    """The head nouns of a contingent sent (the ``contingent-in`` cue's words), singular and plural."""
    heads = {w.split()[-1] for cue in load_cues().entries if cue.id == "contingent-in" for w in cue.words}
    return frozenset(heads | {h + "s" for h in heads})


@lru_cache(maxsize=1)
def _story_buyer_phrases() -> tuple[str, ...]:
    """The words of the cues whose recipient may be the story's buyer ("on order")."""
    return tuple(w for cue in load_cues().entries if cue.opt("story_buyer") for w in cue.words)


@lru_cache(maxsize=1)
def _described_heads() -> frozenset[str]:
    return frozenset(phrase.rsplit(" ", 1)[-1] for phrase in described_phrases())
