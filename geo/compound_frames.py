"""Clause frames of compound adjectives: "the A-backed B", "the A-led coalition", "A-held ground", "A-run bases".

See :mod:`geo.frames` for the frame contract.
"""

from __future__ import annotations

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.items import item_phrases
from geo.slots import Hit, hit, owner_of, state_of

__all__ = ["compound_adjective"]


def _backed(p: Parse, i: int, a: str, cue: Cue) -> list[Hit]:
    """In "A-backed B", "Russian-backed operations against Ukraine", "the Iran-aligned movement"."""
    c = p.clause(i)
    if p.low[i] in ("funded", "financed"):
        work = next((k for k in range(i + 1, min(i + 3, len(p.low))) if p.g.has("funded_works", p.low[k])), -1)
        if work > 0:
            return _funded_work(p, i, a, cue, work)  # "a China-funded expansion of its naval base": a grant of it
    if any(p.g.has("mediation_nouns", w) for w in p.low[i + 1 : min(c.last, i + 3) + 1]):
        return []  # "Kenya-sponsored peace talks": a mediator, not a backer of a side
    if i + 1 <= c.last and p.g.has("hostile_nouns", p.low[i + 1]):
        # "Russian-backed operations against Ukraine": the backer wages them
        other = p.pp(i + 1, ("against", "on", "in", "into"), limit=4)
        return hit(cue, i, Side((a,)), other, kind="conflict")
    j = i + 1
    if p.low[j : j + 1] == [","] and j + 1 <= c.last and "-" in p.low[j + 1]:
        j += 2  # "the US-backed, Kurdish-led SDF": a second compound before the head
    start = j
    while j <= c.last and j < start + 3 and p.phrase_at[j] < 0 and p.tokens[j].text[0].isalpha():
        if j > start and p.finite(p.low[j]):
            break  # "Iran-aligned groups have attacked U.S. forces": the verb's object is no group backed
        j += 1
    heads = p.low[i + 1 : min(c.last, i + 3) + 1]
    sides = any(
        p.g.has(cls, w)
        for w in heads
        for cls in ("faction_nouns", "insurgent_nouns", "agent_nouns", "security_forces", "governance_nouns")
    )
    if j <= c.last and p.phrase_at[j] >= 0:
        area = any(p.g.has("breakaway_nouns", w) for w in heads)  # "the Russian-backed breakaway region of"
        if not (sides or area) and any(p.g.has("prepositions", w) for w in p.low[i + 2 : j]):
            return []  # "Chinese-backed projects in Colombia": a thing backed, set in a place
        return hit(cue, i, Side((a,)), p.side(p.phrase_at[j]))
    if not sides:
        return []  # "a Chinese-funded solar farm": a thing paid for, not a side backed
    return _backed_side(p, i, a, cue)


def _backed_side(p: Parse, i: int, a: str, cue: Cue) -> list[Hit]:
    """The side "A-backed" forces or rulers are: where they are, the state the sentence is about, its group."""
    c = p.clause(i)
    where = p.pp(i, ("in", "across", "including"), limit=6)
    if where is not None:
        return hit(cue, i, Side((a,)), where)
    if p.g.has("built_sites", p.low[i + 1]):
        return []  # "a Chinese-funded base for a police unit": a site paid for, no side of the story backed
    noun = p.low[i + 1] if i + 1 <= c.last else ""
    if noun in ("coup", "government", "regime", "administration", "junta", "leadership"):
        # "a Greek-backed coup": in the country the sentence is about
        for pi in range(len(p.phrases) - 1, -1, -1):
            ph = p.phrases[pi]
            if ph.last < i - 2 and a not in p.ids(ph) and not ph.possessive:
                return hit(cue, i, Side((a,)), p.side(pi))
    areas = [x for x in p.context.areas if x.split("@")[0] != a]
    if areas and any(p.g.has("breakaway_nouns", w) for w in p.low[i + 1 : min(c.last, i + 3) + 1]):
        return hit(cue, i, Side((a,)), Side((areas[-1],)))  # "the Russian-backed separatist region": the area told of
    # "the Iran-aligned movement", "Iran-backed rebels": the armed group the sentence or story names
    verb = next((k for k in range(i + 1, c.last + 1) if p.finite(p.low[k])), c.last + 1)
    after_verb = {t.anchor for t in p.tokens[verb : c.last + 1] if t.anchor >= 0}
    # not a group the backed side's verb takes as its object ("Turkish-backed militias are fighting the SDF")
    groups = [
        x.id for k, x in enumerate(p.anchors) if x.how == "group" and x.id.split("@")[0] != a and k not in after_verb
    ]
    if groups:
        return hit(cue, i, Side((a,)), Side((groups[-1],)))
    if p.context.plural and not any(x.split("@")[0] == a for x in p.context.plural):
        return hit(cue, i, Side((a,)), Side(p.context.plural))
    return []


def _funded_work(p: Parse, i: int, a: str, cue: Cue, k: int) -> list[Hit]:
    """A work "A-funded" (its noun at ``k``): A gives it to the state of the place after it, else to the subject.

    "Cambodia inaugurated a China-funded expansion of its Ream naval base": China → Cambodia.
    """
    c = p.clause(i)
    j = next((j for j in range(i + 1, min(c.last, i + 6) + 1) if p.phrase_at[j] >= 0), -1)
    tgt = p.side(p.phrase_at[j]) if j >= 0 else p.subject(i)
    if tgt is None or a in tgt.ids:
        return []
    states = tuple(dict.fromkeys(state_of(x) for x in tgt.ids))
    return [Hit("transfer", (a,), states, cue, i, item_text=f"financing of the {p.low[k]}")]


def _led(p: Parse, i: int, a: str, cue: Cue) -> list[Hit]:
    """In "the A-led war in B": A against the phrase after; "a partner in the A-led coalition": A's ally."""
    c = p.clause(i)
    joined = [k for k in range(max(c.first, i - 7), i - 2) if p.g.has("membership_words", p.low[k])]
    after = range(i + 1, min(c.last, i + 4) + 1)
    bloc = any(p.tokens[k].anchor >= 0 and p.anchors[p.tokens[k].anchor].kind == "bloc" for k in after)
    grouped = bloc or any(p.g.has("coalition_nouns", p.low[k]) for k in after)
    if joined and grouped:
        # "Sudan's role in the Saudi-led coalition", "a partner in the US-led coalition": the noun's owner
        owned = owner_of(p, joined[0]) if p.low[joined[0]] in ("role", "part") else None
        member = owned if owned is not None and a not in owned.ids else p.subject(joined[0], exclude=frozenset((a,)))
        return hit(cue, i, Side((a,)), member, kind="alliance")
    if p.g.words["mission_nouns"].intersection(p.low[i + 1 : i + 4]):  # "the Kenya-led mission in Haiti": backing
        return hit(cue, i, Side((a,)), p.pp(i, ("in",), limit=6), kind="support")
    if bloc and not any(p.g.has("hostile_nouns", p.low[k]) for k in after):
        return []  # "the Russian-led CSTO meeting in Astana": where a bloc meets, no war it wages
    if p.g.words["mediation_nouns"].intersection(p.low[i + 1 : i + 3]):
        return []  # "boycotted U.S.-led talks in Switzerland": where A brokers peace, no war it wages
    return hit(cue, i, Side((a,)), p.pp(i, ("in", "on", "against", "into"), limit=6))


def _held(p: Parse, i: int, a: str, cue: Cue) -> list[Hit]:
    """In "the Russian-controlled part of Moldova", "Turkish-held northern Cyprus": ground A holds."""
    c = p.clause(i)
    held = p.pp(i, ("of", "in"), limit=4)
    j = i + 1
    while held is None and j <= c.last and j < i + 4:
        if p.phrase_at[j] >= 0:
            held = p.side(p.phrase_at[j])
        elif not p.tokens[j].text[:1].isalpha():
            break
        j += 1
    if held is None or a in held.ids:
        return []
    return [Hit("influence", (a,), (), cue, i, members=held.ids)]


def _run_site(p: Parse, i: int, a: str, cue: Cue) -> list[Hit]:
    """In "a Chinese-run tracking station in Neuquén", "the Russian-operated port of Tartus": A's footprint there."""
    c = p.clause(i)
    site = next((k for k in range(i + 1, min(c.last, i + 4) + 1) if p.g.has("run_sites", p.low[k])), -1)
    if site < 0:
        return []  # "a state-run newspaper", "Chinese-operated mines": no site of a force or a state
    where = p.pp(site, ("in", "at", "of", "on"), limit=6, ground=True)
    if where is None or a in where.ids:
        return []
    return [Hit("influence", (a,), (), cue, i, members=where.ids)]


def _user_phrase(p: Parse, i: int, a: str, before: bool) -> Side | None:
    """The nearest phrase of the clause, before or after ``i``, that is neither A nor a target."""
    order = range(len(p.phrases) - 1, -1, -1) if before else range(len(p.phrases))
    for pi in order:
        ph = p.phrases[pi]
        if (
            (ph.last < i - 2 if before else ph.first > i)
            and a not in p.ids(ph)
            and p.clause_of[ph.first] == p.clause_of[i]
            and ph.prep not in ("against", "at", "by", "from")  # "delivered by the US, and the French-supplied"
        ):
            return p.side(pi)
    return None


def _supplied(p: Parse, i: int, a: str, cue: Cue) -> list[Hit]:
    """In "A-supplied drones ... Y": A's items in Y's hands."""
    c = p.clause(i)
    # "Ukraine's use of US-supplied weapons against North Korean forces": the user, not the target
    tgt = (
        p.pp(i, ("to", "for"), limit=12)
        or _user_phrase(p, i, a, before=True)
        or _user_phrase(p, i, a, before=False)
        or p.subject(i, exclude=frozenset((a,)))
    )
    text = p.text(i + 1, min(c.last, i + 6))
    if tgt is None or not item_phrases(text):
        return []
    return [Hit("transfer", (a,), tgt.ids, cue, i, item_text=text)]


def _made_owned(p: Parse, i: int, a: str, cue: Cue) -> list[Hit]:
    """In "Pakistan's Chinese-made J-10C jets", "its French-built Mirage jets": A's make in its owner's hands."""
    k = i - 3 if p.low[i - 2] == "." else i - 2  # the maker's token
    if k >= 1 and p.low[k - 1] in ("its", "their"):
        owner = p.possessive_pronoun(k - 1)
    else:
        # "Pakistan's ageing Chinese-made jets"; not "supplied Haftar's forces with Russian-made": a preposition
        gap = k - 1 if k >= 1 and p.is_function(p.low[k - 1]) else k - 2
        pi = next((pi for pi, ph in enumerate(p.phrases) if ph.possessive and ph.last in (k - 1, gap)), -1)
        owner = p.side(pi) if pi >= 0 else None
    c, e = p.clause(i), i
    while e < min(c.last, i + 6) and not (p.finite(p.low[e + 1]) or p.is_function(p.low[e + 1])):
        e += 1  # the noun phrase the compound opens: "J-10C jets", up to a verb or a function word
    text = p.text(i + 1, e)
    if owner is None or a in owner.ids or not item_phrases(text):
        return []  # "Ukraine used US-made rockets": a user, read by the use cue; "its own Chinese-made": no one
    return [Hit("transfer", (a,), owner.ids, cue, i, item_text=text)]


_COMPOUND_ROLES = {
    "backer": _backed,
    "leader": _led,
    "holder": _held,
    "supplier": _supplied,
    "operator": _run_site,
    "maker": _made_owned,
}


def compound_adjective(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "A-backed B", "A-led war in B", "A-held C", "A-supplied drones ... Y", "B's A-made jets" (by ``role``)."""
    if i < 2 or p.low[i - 1] not in ("-", "‐"):
        return []
    k = i - 2
    if p.low[k] == "." and k > 0:
        k -= 1
    if p.tokens[k].anchor < 0:
        return []
    role = _COMPOUND_ROLES.get(cue.opt("role", "backer"))
    return role(p, i, p.anchors[p.tokens[k].anchor].id, cue) if role else []
