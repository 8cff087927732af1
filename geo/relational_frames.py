"""Clause frames of relations stated by a relational noun: "A's ally B", "B, an ally of A", "B is A's partner".

The noun's owner and the side it names ("A's patron B": B backs A; "A's proxy B": A backs B), found
after the noun, beside it, across a copula or through a regarding verb ("counts B as an ally"); and
fellow members of a bloc ("fellow NATO member B"). See :mod:`geo.frames` for the frame contract.
"""

from __future__ import annotations

from collections.abc import Callable

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.items import item_phrases, system_maker
from geo.slots import Hit, hit, owner_of, pairs

__all__ = ["fellow", "relational"]


def _noun_owner(p: Parse, i: int, v: int) -> Side | None:
    """Whose the relation noun is: "A's ally", "an ally of A", "a threat to the A", "a key US ally"."""
    k = next((k for k in range(i - 1, max(1, i - 4), -1) if p.low[k] in ("its", "their")), -1)
    prior = owner_of(p, k - 2) if k >= 2 and p.low[k - 1] == "and" else None
    if prior is not None and prior.np >= 0 and p.phrases[prior.np].possessive:
        return prior  # "Taiwan's most important backer and its main arms supplier": Taiwan's, both
    if k >= 2 and p.low[k - 1] == "and" and p.phrase_at[k - 2] >= 0 and p.phrases[p.phrase_at[k - 2]].last == k - 2:
        return p.side(p.phrase_at[k - 2])  # "Russia and its ally Belarus": "its" is the first conjunct's
    owner = owner_of(p, i)
    if owner is None and i > 0 and p.phrase_at[i - 1] >= 0:
        ph = p.phrases[p.phrase_at[i - 1]]
        hyphen = ph.first > 0 and p.low[ph.first - 1] in ("-", "‐", "non-", "non")
        bloc = any(p.anchors[k].kind == "bloc" for k in ph.anchors)  # "a NATO ally": membership, drawn elsewhere
        if ph.last == i - 1 and ph.head_at < 0 and not ph.prep and not hyphen and not bloc:
            owner = p.side(p.phrase_at[i - 1])  # "Egypt, a key US ally", "NATO ally Germany"
    if owner is None and i >= 3 and p.low[i - 1] in ("a", "an") and p.low[i - 2] == "and":
        owner = owner_of(p, i - 3)  # "its largest trading partner and an ally": one owner for both nouns
    if owner is None and v + 2 < len(p.low) and p.low[v + 1] in ("of", "to"):
        pi = p.phrase_at[v + 2]
        if pi < 0 and v + 3 < len(p.low):
            pi = p.phrase_at[v + 3]
        if pi < 0:  # "the backer of the government in Damascus": the seat's phrase the "of" governs
            pi = next((q for q, ph in enumerate(p.phrases) if ph.prep_at == v + 1), -1)
        owner = p.side(pi) if pi >= 0 else None
    if owner is None and p.low[v + 1 : v + 2] == ["of"]:
        owner = _to_after_item(p, v + 2)  # "one of the main suppliers of uranium to French power stations"
    return owner


def _to_after_item(p: Parse, k: int) -> Side | None:
    """The to-phrase after a short item phrase that starts at k: "uranium to France", "arms to Kyiv"."""
    for j in range(k + 1, min(len(p.low) - 1, k + 4)):
        if p.low[j] == "to" and item_phrases(p.text(k, j - 1)):
            pi = p.phrase_at[j + 1]
            return p.side(pi) if pi >= 0 else None
        if not p.is_word(j) or p.phrase_at[j] >= 0:
            return None
    return None


def _named_after(p: Parse, v: int, owner: Side) -> Side | None:
    """In "A's ally B" / "A's ally, B" / "a fellow A ally in the Gulf, B": the phrase right after the noun."""
    j = v + 1
    placed = j + 1 < len(p.low) and p.low[j] in ("in", "on", "from") and "," in p.low[j + 1 : j + 5]
    if placed:
        j = p.low.index(",", j + 1)  # "a fellow French ally in the region, Morocco": a short place phrase first
    if j < len(p.low) and p.low[j] == ",":
        j += 1
    if j < len(p.low) and p.phrase_at[j] >= 0 and p.phrases[p.phrase_at[j]].first == j:
        end = p.phrases[p.phrase_at[j]].last + 1
        if placed and end < len(p.low) and p.low[end] not in (",", ".", ";"):
            return None  # "Iran's proxies in the region, the Saudi army said": the speaker
        named = p.side(p.phrase_at[j])
        if not set(named.ids) <= set(owner.ids):
            return named
        # "... Russia's sphere of influence, Kremlin officials say": the speaker, not B
    return None


def _named_beside(p: Parse, i: int, owner: Side) -> Side | None:
    """In "B, A's ally," / "B, an ally of A": the phrase the noun's phrase stands beside."""
    k = i - 1
    if owner.np >= 0 and p.phrases[owner.np].first < i <= p.phrases[owner.np].last + 4:
        # "Egypt, a key US ally", "China, North Korea's main ally", "Lithuania, one of Kyiv's most steadfast
        # backers": past the owner that modifies the noun
        k = p.phrases[owner.np].first - 1
    while k >= 0 and p.low[k] != "," and p.phrase_at[k] < 0 and i - k < 8:
        k -= 1
    if owner.np >= 0 and p.phrases[owner.np].apposition_of >= 0:
        return p.side(p.phrases[owner.np].apposition_of)
    if k > 0 and p.low[k] == "," and p.phrase_at[k - 1] >= 0 and p.phrase_at[k - 1] != owner.np:
        end = p.phrases[owner.np].first if owner.np >= 0 and p.phrases[owner.np].first < i else i
        if any(p.g.has("auxiliaries", w) or p.g.has("copulas", w) for w in p.low[k + 1 : end] if w not in ("'s", "’s")):
            return None  # "an exclave and Belarus, is among Ukraine's backers": a verb, no apposition
        return p.side(p.phrase_at[k - 1])
    return None


def _named_across_copula(p: Parse, i: int, owner: Side, cue: Cue) -> Side | None:
    """In "B is A's partner", "B will now be a major partner of A": a copula and modifiers only between."""
    subj = p.subject(i, exclude=frozenset(owner.ids))
    if subj is None or subj.np < 0:
        return None
    start = p.phrases[subj.np].last + 1
    end = p.phrases[owner.np].first if owner.np >= 0 and p.phrases[owner.np].first < i else i
    # "a major non-NATO ally of A": a bloc named as what B is not is a modifier
    between_words = [
        p.low[k]
        for k in range(start, end)
        if p.low[k] not in ("non", "-", "non-")
        and not (p.tokens[k].anchor >= 0 and p.anchors[p.tokens[k].anchor].kind == "bloc")
    ]
    if between_words[:1] == [","] and "," in between_words[1:]:  # "France, the former colonial power, remains"
        between_words = between_words[between_words.index(",", 1) + 1 :]
    for k in range(len(between_words) - 1):
        if between_words[k : k + 2] == ["one", "of"] or between_words[k] == "among":  # "B is one of/among A's backers"
            between_words = between_words[:k] + between_words[k + 2 - (between_words[k] == "among") :]
            break
    links = set(cue.opt("links", ()))  # "B falls within A's sphere of influence"

    def linking(w: str) -> bool:
        return p.g.has("copulas", w) or w in links

    between_words = _without_time_adverbials(p, between_words, linking)

    def breaks(w: str) -> bool:
        return (p.g.has("prepositions", w) and w not in links) or (
            p.finite(w) and not linking(w) and not p.g.has("auxiliaries", w)
        )

    # "B is a close ally of A": a word right after the article is a modifier, whatever else it may be
    verbs = [w for k, w in enumerate(between_words) if breaks(w) and not (k and between_words[k - 1] in ("a", "an"))]
    if any(linking(w) for w in between_words) and len(between_words) <= 6 and not verbs:
        return subj
    return None


def _whose(p: Parse, i: int) -> Side | None:
    """The antecedent that owns the noun through "whose": "Hezbollah, whose main backer Iran has armed it"."""
    k = next((k for k in range(i - 1, max(-1, i - 4), -1) if p.low[k] == "whose"), -1)
    if k < 0 or any(p.phrase_at[j] >= 0 for j in range(k + 1, i)):
        return None
    c = p.clause(k)
    return p.side(c.antecedent) if c.kind == "rel" and c.marker == "whose" and c.antecedent >= 0 else None


def _named_after_copula(p: Parse, i: int, v: int, owner: Side) -> Side | None:
    """In "A's main backers remain B and C", "the LNA's closest ally is B": the phrase after a copula.

    The owner is a possessor before the noun; "B is A's backer" is :func:`_named_across_copula`'s.
    """
    if owner.np < 0 or p.phrases[owner.np].first >= i or not (p.phrases[owner.np].possessive or _whose(p, i)):
        return None
    j = v + 1
    while j < len(p.low) and p.g.has("adverbs", p.low[j]):
        j += 1
    if j >= len(p.low) or p.low[j] == "as" or not p.g.has("copulas", p.low[j]):
        return None
    j += 1
    while j < len(p.low) and (p.g.has("adverbs", p.low[j]) or p.low[j] == "the"):
        j += 1  # "is still the United States", "are now Egypt and Turkey"
    pi = p.phrase_at[j] if j < len(p.low) else -1
    named = p.side(pi) if pi >= 0 and not p.phrases[pi].prep else None
    return None if named is None or set(named.ids) & set(owner.ids) else named


def _without_time_adverbials(p: Parse, words: list[str], linking: Callable[[str], bool]) -> list[str]:
    """Words between subject and noun, less a time adverbial before the copula ("has since become")."""
    out: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        span = 1 if w == "since" else 0
        if w in ("for", "in", "over") and k + 1 < len(words):
            span = next((n for n in (2, 3) if k + n <= len(words) and p.g.has("duration_nouns", words[k + n - 1])), 0)
        if span and k + span < len(words) and linking(words[k + span]):
            k += span
            continue
        out.append(w)
        k += 1
    return out


def _regarding_verb(p: Parse, i: int) -> int:
    """The first verb of the clause before i that names what its object is ("regards", "counts"), or -1."""
    return next((k for k in range(p.clause(i).first, i) if p.g.has("complement_verbs", p.low[k])), -1)


def _complement_object(p: Parse, k: int) -> Side | None:
    """The regarding verb's object, or its relative's antecedent ("the US, which Bucharest regards as ...")."""
    c, obj = p.clause(k), p.object(k)
    rel = c.kind == "rel" and c.marker in ("which", "that", "whom") and c.antecedent >= 0
    return p.side(c.antecedent) if obj is None and rel else obj


def _named_by_complement(p: Parse, i: int, owner: Side) -> tuple[Side | None, Side]:
    """The object of a verb that names what its object is, and the owner again.

    "Moscow regards Kazakhstan as part of its near abroad", "would make Chile Peru's supplier";
    "its" in "X regards Y as its backyard" is X's, so the owner may change.
    """
    k = _regarding_verb(p, i)
    if k < 0:
        return None, owner
    obj = _complement_object(p, k)
    if obj is not None and set(obj.ids) <= set(owner.ids) and {"its", "their"} & set(p.low[max(k, i - 4) : i]):
        owner = p.subject(k) or owner
    return (obj if obj is not None and not set(obj.ids) <= set(owner.ids) else None), owner


def _regarded(p: Parse, i: int) -> tuple[Side | None, Side | None]:
    """The subject and the object of a verb that names what its object is, before the noun at i."""
    k = _regarding_verb(p, i)
    if k < 0:
        return None, None
    subj, obj = p.subject(k), _complement_object(p, k)
    gap = p.low[p.phrases[obj.np].last + 1 : i] if obj is not None and obj.np >= 0 else []
    if any(p.g.has("prepositions", w) and w != "as" for w in gap):
        return None, None  # "sees Ukraine as an alternative to western suppliers": not the suppliers
    if subj is not None and obj is not None and not set(obj.ids) & set(subj.ids):
        return subj, obj
    return None, None


def _relational_hits(p: Parse, i: int, v: int, cue: Cue, owner: Side, named: Side) -> list[Hit]:
    """The relation the noun states between its owner and the side it names, by the cue's kind."""
    if cue.kind == "influence":  # "B lies in A's sphere of influence": A's sway over B
        return [Hit("influence", owner.ids, (), cue, i, members=named.ids)]
    if cue.kind == "transfer":
        # "India has become Armenia's largest arms supplier": what the noun says is sold ("arms")
        heads = [p.tokens[k].text for k in range(max(0, i - 2), v + 1) if item_phrases(p.tokens[k].text)]
        text = " ".join(heads) or _item_after_of(p, v) or "arms"
        src, dst = (named, owner) if cue.opt("owner") == "target" else (owner, named)
        return [Hit("transfer", src.ids, dst.ids, cue, i, item_text=text)]
    if cue.kind == "alliance" and all("@" in x for x in named.ids) and not any("@" in x for x in owner.ids):
        return [Hit("support", owner.ids, named.ids, cue, i)]  # "the SDF, Washington's main partner": a client
    if cue.opt("owner") == "target":  # "A's patron B": B backs A
        return hit(cue, i, named, owner)
    if cue.opt("owner") == "source":  # "A's proxy B": A backs B
        return hit(cue, i, owner, named)
    return [Hit(cue.kind, owner.ids, named.ids, cue, i, symmetric=True)]


def _demonym_goods(p: Parse, k: int) -> Side | None:
    """The state a demonym before goods names: "the biggest customer for Russian energy" (after "the")."""
    k += 1 if p.low[k : k + 1] == ["the"] else 0
    pi = p.phrase_at[k] if k < len(p.low) else -1
    if pi < 0 or not _demonym_at(p, k) or k + 1 >= len(p.low):
        return None
    return p.side(pi) if item_phrases(p.text(k + 1, min(len(p.low) - 1, k + 2))) else None


def _demonym_at(p: Parse, k: int) -> bool:
    return p.tokens[k].anchor >= 0 and p.anchors[p.tokens[k].anchor].how == "demonym"


def _item_after_of(p: Parse, v: int) -> str:
    """What an "of" or "for" after the noun names: "the largest supplier of gas to Germany" (up to three words)."""
    if p.low[v + 1 : v + 2] not in (["of"], ["for"]):
        return ""
    for j in range(min(len(p.low) - 1, v + 4), v + 1, -1):
        text = p.text(v + 2, j)
        if all(p.is_word(k) or _demonym_at(p, k) for k in range(v + 2, j + 1)) and item_phrases(text):
            return text
    return ""


def _fight_owned_after(p: Parse, v: int) -> int:
    """The phrase after "in" at v + 1 that owns a fight ("in Nigeria's fight against Boko Haram"), else -1."""
    pi = p.phrase_at[v + 2] if v + 2 < len(p.low) and p.low[v + 1] == "in" else -1
    ph = p.phrases[pi] if pi >= 0 else None
    head = ph.head.split()[-1] if ph is not None and ph.head else ""
    return pi if ph is not None and ph.possessive and p.g.has("fight_nouns", head) else -1


def partner_in(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A partner in another's fight backs it: "Britain is a key partner in Ukraine's fight against Russia"."""
    v = i + n - 1
    pi = _fight_owned_after(p, v - 1)
    if pi < 0:
        return []
    fought = p.side(pi)
    backer = _regarded(p, i)[1] or p.subject(i, exclude=frozenset(fought.ids))  # "described Washington as"
    if backer is None or set(backer.ids) & set(fought.ids):
        return []
    return [Hit("support", backer.ids, fought.ids, cue, i)]


def relational(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "A's ally B", "B, A's ally", "B, an ally of A", "B is A's partner", "A and its ally B"."""
    v = i + n - 1
    if cue.kind == "alliance" and _fight_owned_after(p, v) >= 0:
        return []  # "a partner in Nigeria's fight against Boko Haram": a backer (partner-in-fight), no ally
    if cue.kind == "alliance" and i > 0 and p.g.has("economic_modifiers", p.low[i - 1]):
        return []  # "Nepal's largest trading partner": trade, not an alliance
    non_nato = _non_nato_ally(p, i, cue)
    if non_nato:
        return non_nato
    owner = _noun_owner(p, i, v) or _whose(p, i)
    if owner is None and cue.kind == "alliance":
        fellow = _bloc_fellow(p, i, v, cue)
        if fellow:
            return fellow
    if owner is None and cue.kind == "transfer" and p.low[v + 1 : v + 2] == ["for"]:
        # "Romania became the latest customer for the K9": the system's maker sells to the subject
        made_by = system_maker(p.text(v + 2, min(len(p.low) - 1, v + 6)))
        owner = Side((made_by,)) if made_by else _demonym_goods(p, v + 2)
    if owner is None:
        # "Washington counts Tokyo and Seoul as firm allies": the regarding verb's subject and object
        owner, named = _regarded(p, i)
        if owner is None and cue.kind == "alliance":
            owner = _story_state(p, i, v, named := p.subject(i))
        return _relational_hits(p, i, v, cue, owner, named) if owner is not None and named is not None else []
    named = (
        _named_after(p, v, owner)
        or _named_beside(p, i, owner)
        or _named_across_copula(p, i, owner, cue)
        or _named_after_copula(p, i, v, owner)
    )
    if named is not None and _own_pronoun_subject(p, i, owner):
        owner, named = named, owner  # "northern Myanmar is its backyard": "its" is not the subject's own
    if named is None:
        named, owner = _named_by_complement(p, i, owner)
    if named is None and cue.opt("context_group") and p.context.plural:
        named = Side(p.context.plural)  # "Iran's efforts to arm its proxies": the group the story is about
    if named is None:
        return []
    return (
        _relational_hits(p, i, v, cue, owner, named)
        + _fellow(p, i, cue, owner)
        + _ranked_above(p, i, v, cue, owner)
        + _alongside(p, i, v, cue, owner)
    )


def _own_pronoun_subject(p: Parse, i: int, owner: Side) -> bool:
    """The noun's "its" or "their" was read as the copula's subject, which cannot own its own complement."""
    k = next((k for k in range(i - 1, max(-1, i - 4), -1) if p.low[k] in ("its", "their")), -1)
    if k < 0 or owner.np < 0 or p.phrases[owner.np].last >= k:
        return False
    between = p.low[p.phrases[owner.np].last + 1 : k]  # "Myanmar is its backyard", "Japan remains its ally"
    return 0 < len(between) <= 3 and all(p.g.has("copulas", w) or p.g.has("adverbs", w) for w in between)


def _alongside(p: Parse, i: int, v: int, cue: Cue, owner: Side) -> list[Hit]:
    """In "Russia, the LNA's main backer alongside Egypt and the UAE": those named alongside are backers too."""
    if cue.kind not in ("support", "transfer"):
        return []
    beside = p.pp(v, ("alongside",), limit=2)
    if beside is None or set(beside.ids) & set(owner.ids):
        return []
    return _relational_hits(p, i, v, cue, owner, beside)


def _ranked_above(p: Parse, i: int, v: int, cue: Cue, owner: Side) -> list[Hit]:
    """In "Germany is Ukraine's second-largest backer after the United States": the one ranked above is one too."""
    ranks = p.g.words["rank_ordinals"]
    if cue.kind not in ("support", "transfer") or not any(w.split("-")[0] in ranks for w in p.low[max(0, i - 5) : i]):
        return []  # "second-largest" is one word
    above = p.pp(v, ("after",), limit=2)
    if above is None or set(above.ids) & set(owner.ids):
        return []
    return _relational_hits(p, i, v, cue, owner, above)


def _story_state(p: Parse, i: int, v: int, other: Side | None) -> Side | None:
    """The story's state, for a lone singular, non-regional "partner" after a copula ("Chile, a partner for years")."""
    lone = not p.low[v].endswith("s") and not {"region", "regional"} & set(p.low[max(0, i - 3) : v + 5])
    copula = any(p.g.has("copulas", w) for w in p.low[max(0, i - 4) : i])
    if not (lone and copula) or p.low[v + 1 : v + 2] in (["of"], ["to"], ["with"]) or other is None:
        return None
    focus = p.context.focus(exclude=other.ids)
    return Side((focus,), -1, "context") if focus and p.context.mentions.get(focus, 0) >= 3 else None


def _non_nato_ally(p: Parse, i: int, cue: Cue) -> list[Hit]:
    """The United States grants the status in "Bahrain was named a major non-NATO ally"."""
    k = p.tokens[i - 1].anchor if i >= 3 and p.low[i - 3 : i - 1] == ["non", "-"] else -1
    if cue.kind != "alliance" or k < 0 or p.anchors[k].id != "bloc:nato":
        return []
    ally = _named_across_copula(p, i, Side(("US",)), cue) or p.subject(i, exclude=frozenset({"US"}))
    return [Hit("alliance", ally.ids, ("US",), cue, i, symmetric=True)] if ally is not None else []


def _bloc_fellow(p: Parse, i: int, v: int, cue: Cue) -> list[Hit]:
    """In "the US approved a sale to NATO ally Germany": the subject is a member too, so the two are allies."""
    if i == 0 or p.tokens[i - 1].anchor < 0 or p.anchors[p.tokens[i - 1].anchor].kind != "bloc":
        return []
    from geo.gazetteer import load_gazetteer

    entry = load_gazetteer().get(p.anchors[p.tokens[i - 1].anchor].id)
    members = set(entry.members) if entry is not None else set()
    bloc = p.side(p.phrase_at[i - 1]) if p.phrase_at[i - 1] >= 0 else Side(())
    named = _named_after(p, v, bloc) or _named_beside(p, i, bloc)
    if named is None or not set(named.ids) <= members:
        return []
    subj = p.subject(i, exclude=frozenset((*named.ids, *bloc.ids)))
    if subj is None or not subj.ids or not set(subj.ids) <= members:
        return []
    return [Hit("alliance", subj.ids, named.ids, cue, i, symmetric=True)]


def _fellow(p: Parse, i: int, cue: Cue, owner: Side) -> list[Hit]:
    """In "X imposed an embargo on a fellow US ally, Qatar": X is an ally of the owner too."""
    first = p.phrases[owner.np].first if owner.np >= 0 and p.phrases[owner.np].last == i - 1 else i
    if cue.kind != "alliance" or "fellow" not in p.low[max(0, first - 1) : i]:
        return []
    subj = p.subject(first, exclude=frozenset(owner.ids))
    return [Hit("alliance", owner.ids, subj.ids, cue, i, symmetric=True)] if subj is not None else []


def fellow(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "Greece's threat comes from fellow NATO member Turkey": the clause's subject and the one named."""
    v = i + n - 1
    if "fellow" not in p.low[max(0, i - 4) : i]:
        return []
    named = _named_after(p, v, Side(())) or _named_beside(p, i, Side(()))
    if named is None:
        return []
    blocs = {a.id for a in p.anchors if a.kind == "bloc"}
    subj = p.subject(i, exclude=frozenset(named.ids) | blocs)
    if subj is None:
        return []
    return [Hit(cue.kind, subj.ids, named.ids, cue, i, symmetric=True)]


def bloc_named(p: Parse, v: int, needs: set[str], within: int) -> int:
    """A bloc named after v whose own name holds a needed noun ("formed the Alliance of Sahel States"), or -1."""
    for j in range(v + 1, min(p.clause(v).last, v + within) + 1):
        k = p.tokens[j].anchor
        if k >= 0 and p.anchors[k].kind == "bloc":
            name = p.sentence[p.anchors[k].start : p.anchors[k].end].lower().split()
            return j if needs.intersection(name) else -1
    return -1


def bloc_members(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "Mali, Burkina Faso and Niger, the three members of the AES": members of a pact named together are allies.

    Only a bloc whose full name makes it a pact ("Alliance of Sahel States", "Collective Security Treaty
    Organization"; the cue's ``bloc_nouns``) and only the states the sentence names that the bloc table
    lists as its members: "members of the EU" or of NATO by its short name are no pact read from the text.
    """
    from geo.gazetteer import load_gazetteer

    v = i + n - 1
    k = next((j for j in range(v + 2, min(len(p.low), v + 4)) if p.tokens[j].anchor >= 0), -1)
    if p.low[v + 1 : v + 2] != ["of"] or k < 0 or p.anchors[p.tokens[k].anchor].kind != "bloc":
        return []
    entry = load_gazetteer().get(p.anchors[p.tokens[k].anchor].id)
    if entry is None or not set(cue.opt("bloc_nouns", [])).intersection(entry.name.lower().split()):
        return []
    named = list(dict.fromkeys(a.id for a in p.anchors if a.kind == "country" and a.id in entry.members))
    return pairs(cue, i, tuple(named))
