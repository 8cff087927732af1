"""Clause frames of relations told by a body's make-up: the states a force or a pact is made of.

"a regional force, sent to help Congo's army and made up of troops from South Africa, Malawi and
Tanzania": each contributor backs the state the force serves. "the Alliance of Sahel States (AES), a
mutual defence pact": the bloc's members, as the bloc table lists them, are allies. "a Russian military
presence that stretches from Mali and Niger to the Central African Republic": the states it spans are
Russia's sphere.

See :mod:`geo.frames` for the frame contract.
"""

from __future__ import annotations

from collections.abc import Collection

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.slots import Hit, owner_of, pairs


def force_members(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "a force ..., made up of troops from A, B and C": A, B and C back the state the force serves.

    The troops' from-phrase follows the cue within three words; a force noun (``force_nouns``) stands
    before the cue in the sentence, and the state served is the one its help or its place names: "sent
    to help Congo's army", "the force in Haiti".
    """
    v = i + n - 1
    troops = next((k for k in range(v + 1, min(len(p.low), v + 4)) if p.low[k] in cue.opt("troops", ())), -1)
    members = p.pp(troops, ("from",), limit=3) if troops >= 0 else None
    if members is None and troops >= 0 and p.low[troops + 1 : troops + 2] == ["from"] and p.phrase_at[troops + 2] >= 0:
        members = p.side(p.phrase_at[troops + 2])  # "with troops from A, B and C": the phrase is read as with's
    force = max((k for k in range(max(0, i - 30), i) if p.low[k] in cue.opt("force_nouns", ())), default=-1)
    if members is None or force < 0:
        return []
    host = _served(p, force, i, cue)
    if host is None:
        return []
    return [Hit("support", (m,), host.ids, cue, i) for m in members.ids if m not in host.ids]


def story_backed(p: Parse) -> str:
    """The state the story last told of backing, when it is the story's focus (its own state backed), else ""."""
    return p.context.backed if p.context.backed == p.context.focus() else ""


def story_contingents(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """Contingents of several states, in a story of a mission that backs its state: each backs that state.

    "Smaller contingents have come from Jamaica, Belize and Guatemala", "the South African, Malawian and
    Tanzanian contingents", "Belize and The Bahamas contributed small contingents": the state is the one
    the story last told of backing, when it is the story's focus and none of the contributors' foes.
    """
    v = i + n - 1
    backed = story_backed(p)
    if not backed:
        return []
    pi = p.phrase_at[v]
    if pi >= 0 and p.phrases[pi].head_at == v and not p.phrases[pi].prep:
        states = p.ids(p.phrases[pi])  # "the South African, Malawian and Tanzanian contingents"
    else:
        side = p.pp(v, ("from",), limit=5)  # "contingents have come from Jamaica, Belize ..."
        giving = any(w in cue.opt("giving_verbs", ()) for w in p.low[max(0, i - 4) : i])
        side = side or (p.subject(v) if giving else None)  # "Belize and The Bahamas contributed contingents"
        states = side.ids if side is not None else ()
    foes = set(p.context.conflict)
    return [Hit("support", (m,), (backed,), cue, i) for m in dict.fromkeys(states) if m != backed and m not in foes]


def mutual_defence(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "A and B will come to each other's aid", "the treaty commits A and B to defend one another": allies.

    One of the cue's ``defence_words`` stands within three words before the reciprocal or right after its
    "'s"; the pair is the last phrase before it that names two or more states, with no preposition.
    """
    words = set(cue.opt("defence_words", ()))
    after = p.low[i + n + 1 : i + n + 2] if p.low[i + n : i + n + 1] in (["'s"], ["’s"]) else []
    if not (words & set(p.low[max(0, i - 3) : i]) or words & set(after)):
        return []
    for ph in reversed(p.phrases):
        if ph.last < i and not ph.prep and len(set(p.ids(ph))) >= 2:
            return pairs(cue, i, p.ids(ph))
    return []


def _served(p: Parse, force: int, i: int, cue: Cue) -> Side | None:
    """The state a force between tokens ``force`` and ``i`` serves: whom it helps, else where it is.

    Whom it helps may come after the cue too: "deployed with troops from A, B and C to help Congo's army".
    """
    for k in [*range(force + 1, i), *range(i + 1, min(len(p.low) - 1, i + 16))]:
        if p.low[k] in cue.opt("help_verbs", ()) and p.phrase_at[k + 1] >= 0:
            return p.named_side(p.phrase_at[k + 1])  # "sent to help Congo's army"
    at = p.pp(force, ("in",), limit=3)
    return at if at is not None and at.np >= 0 and p.phrases[at.np].first < i else None


def bloc_pact(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "the Alliance of Sahel States (AES), a mutual defence pact": the bloc's members are allies.

    The pact noun follows one of the cue's ``pact_kinds`` ("defence", "military") in a phrase set off
    after the bloc's name ("BLOC, a ... pact", "BLOC, born as a ... pact"); the members are the bloc
    table's, for blocs of at most ``max_members`` states; of a bigger bloc, only the members the sentence
    names (a big alliance's every pair is no arc a map can carry).
    """
    from geo.gazetteer import load_gazetteer

    k = next((j for j in range(i - 1, max(0, i - 6), -1) if p.low[j] in ("a", "an", ",")), 0)
    if p.low[k] not in ("a", "an") or not set(cue.opt("pact_kinds", ())).intersection(p.low[k + 1 : i]):
        return []  # "a mutual defence pact", "a Russian-led military alliance"
    k -= 1
    if p.low[k] == "as" and k > 1 and p.low[k - 1] in cue.opt("founding_words", ()):
        k -= 2
    if p.low[k] != ",":
        return []
    k -= 1
    if p.low[k] == ")":  # "the Alliance of Sahel States (AES), ..."
        k = next((j for j in range(k - 1, max(0, k - 4), -1) if p.low[j] == "("), 0) - 1
    a = p.tokens[k].anchor if k >= 0 else -1
    if a < 0 or p.anchors[a].kind != "bloc":
        return []
    entry = load_gazetteer().get(p.anchors[a].id)
    members = list(entry.members) if entry is not None else []
    if len(members) > cue.opt("max_members", 6):  # "Kazakhstan is bound to Moscow through the CSTO, a military
        named = {x for ph in p.phrases for x in p.ids(ph)}  # alliance": only the members the sentence names
        members = [x for x in members if x in named]
    return pairs(cue, i, tuple(members)) if len(members) >= 2 else []


def presence_span(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "a Russian military presence that stretches from Mali and Niger to the Central African Republic".

    The verb's subject ends on one of the cue's ``span_nouns`` (right before it, or the antecedent of the
    relative clause it opens) with an owner ("Russian", "Russia's"); the states of its from-, to- and
    across-phrases are the owner's sphere, with the state the network hangs on ("Libya has become the
    hub of a Russian network that stretches ...").
    """
    v = i + n - 1
    c = p.clause(v)
    k = v - 1
    while k > c.first and p.low[k] in ("now", "already", "still", "today", "that", "which"):
        k -= 1
    if c.kind == "rel" and k == c.first and p.low[k] in ("that", "which"):
        k -= 1
    if k >= 2 and p.low[k - 1] == "of" and p.low[k - 2] in cue.opt("span_nouns", ()) and p.is_word(k):
        k -= 2  # "Iran's network of proxies stretches from ...": the span noun before its of-phrase
    if k < 0 or p.low[k] not in cue.opt("span_nouns", ()):
        return []
    owner = owner_of(p, k)
    spanned = [
        x
        for ph in p.phrases
        if ph.prep in ("from", "to", "across", "into") and v < ph.first <= min(len(p.low) - 1, v + 25)
        for x in p.ids(ph)
    ]
    if owner is None or not spanned:
        return []
    hub = next((j for j in range(k - 1, max(0, k - 6), -1) if p.low[j] == "of"), -1)
    if hub > 0 and p.low[hub - 1] in cue.opt("hub_nouns", ()):
        first = next((ph for ph in p.phrases if not ph.prep and ph.last < hub - 1), None)
        spanned = list(p.ids(first)) + spanned if first is not None else spanned
    members = tuple(dict.fromkeys(x for x in spanned if x not in owner.ids))
    return [Hit("influence", owner.ids, (), cue, i, members=members)] if members else []


def from_before(p: Parse, v: int, heads: Collection[str] | None = None) -> Side | None:
    """The from-phrase of v's clause before v, after one of ``heads`` if given.

    "troops from Belarus and Armenia were flown in" (after a needed noun), "jets from France were delivered".
    """
    first = p.clause(v).first
    for pi, ph in enumerate(p.phrases):
        if (
            ph.prep == "from"
            and first <= ph.prep_at < v
            and ph.last < v
            and (heads is None or p.low[ph.prep_at - 1] in heads)
        ):
            return p.side(pi)
    return None


# the frames of this module, by the names cues.toml gives them (merged into geo.frames.FRAME_FUNCTIONS)
MEMBER_FRAMES = {
    "bloc-pact": bloc_pact,
    "force-members": force_members,
    "story-contingents": story_contingents,
    "mutual-defence": mutual_defence,
    "presence-span": presence_span,
}
