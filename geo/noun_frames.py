"""Clause frames of relations stated by a noun.

"tensions between A and B", "A's war in B", "the A-B pact", "[A ...] tensions with B", "A's ally B",
troops and influence of X in A, B and C. Compound adjectives ("A-backed B") are :mod:`geo.compound_frames`.

See :mod:`geo.frames` for the frame contract.
"""

from __future__ import annotations

from collections.abc import Callable

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.items import item_phrases, system_maker
from geo.slots import Hit, hit, nearest_other, only_ground, owner_of, owner_with, pairs
from geo.wars import war_background, war_noun, war_owned, war_owner


def between(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A noun between two sides: "tensions between A and B", "relations between A and B have soured"."""
    v = i + n - 1
    limit = cue.opt("within", 4)
    back = cue.opt("before", 0)  # "relations between A and B have soured": the pair before the word
    for _pi, ph in enumerate(p.phrases):
        if ph.prep in ("between", "among", "amongst") and (
            v < ph.prep_at <= v + limit or (back and ph.last < i and i - ph.last <= back)
        ):
            ids = p.ids(ph)
            after = p.low[ph.last + 1] if ph.last + 1 < len(p.low) else ""
            if (ph.head in p.g.words["pair_nouns"] or after in p.g.words["pair_nouns"]) and all(
                p.anchors[k].kind == "region" for k in ph.anchors
            ):
                # "tensions between the Mideast rivals": the pair the sentence names
                ids = p.pair_before(ph.first)
            if len(ids) == 1:
                # "between Armenia (backed by Russia) and Azerbaijan": the second side after a parenthesis
                j = ph.last + 1
                if j < len(p.low) and p.low[j] == "(":
                    while j < len(p.low) and p.low[j] != ")":
                        j += 1
                    j += 1
                if j + 1 < len(p.low) and p.low[j] == "and" and p.phrase_at[j + 1] >= 0:
                    ids = ids + p.side(p.phrase_at[j + 1]).ids
                elif j + 2 < len(p.low) and p.low[j] == "and" and p.phrase_at[j + 2] >= 0 and p.low[j + 1] == "the":
                    ids = ids + p.side(p.phrase_at[j + 2]).ids
            # "between Israel and the Iran-backed militant group": the group fights, not its backer
            return pairs(cue, i, tuple(x for x in ids if x not in _backers(p, ph.first, ph.last + 4)))
    return pairs(cue, i, owner_with(p, i, back)) if back else []


def _backers(p: Parse, start: int, end: int) -> set[str]:
    """The actors in tokens start..end named only as backers: "Iran" in "the Iran-backed militant group"."""
    return {
        p.anchors[p.tokens[k].anchor].id
        for k in range(start, min(end, len(p.low) - 3))
        if p.tokens[k].anchor >= 0
        and p.tokens[k + 1].anchor != p.tokens[k].anchor
        and p.low[k + 1] in ("-", "‐")
        and p.g.has("proxy_participles", p.low[k + 2])
        and p.tokens[k + 3].anchor < 0
    }


def _aimed_at(p: Parse, v: int, cue: Cue) -> Side | None:
    """The phrase the noun is aimed at; "of" only right after the noun ("a conflict over control of X" is not)."""
    preps = cue.opt("preps", ["against", "on", "in", "with", "into"])
    struck = p.g.has("physical_attacks", p.low[v])  # "strikes on Lebanese villages": the villages' state is hit
    other = p.pp(v, preps, limit=cue.opt("within", 6), ground=struck and p.low[v + 1 : v + 2] == ["on"])
    if other is not None and other.np >= 0:
        ph = p.phrases[other.np]
        if ph.prep == "of" and ph.prep_at != v + 1:
            return None
    return other


def _light_verb_owner(p: Parse, i: int, cue: Cue, other: Side) -> Side | None:
    """The light verb's subject owns the noun: "forces carried out strikes against Houthi targets"."""
    for k in range(i - 1, max(-1, i - 11), -1):
        w = p.low[k]
        light = w in cue.opt("light_verbs") or (w.startswith("re") and w[2:] in cue.opt("light_verbs"))
        if light and not (k > 0 and p.low[k - 1] in ("-", "‐")):  # not "U.S.-led"; "relaunched" is light too
            return p.subject(k, exclude=frozenset(other.ids))
        if p.g.has("prepositions", p.low[k]) and p.low[k] != "of":
            return None  # "imposed sanctions on Russia over the war": the verb's noun is the sanctions
    return None


def _unowned_owner(p: Parse, i: int, other: Side) -> Side | None:
    """The sentence's other actor owns an unowned noun: "over the war in Ukraine", "the fight against Russia".

    Not the subject of a verb that takes the noun as its object ("Slovenia endorsed the invasion of Iraq").
    """
    exclude = other.ids
    if other.np >= 0 and p.phrases[other.np].prep == "in":
        # where a war is fought says nothing of who wages it ("anger in Egypt over the war in Gaza"); a side
        # punished or shunned over it does ("sanctions on Moscow over the war in Ukraine")
        over = p.low[i - 2 : i - 1] in (["over"], ["during"])
        owner = nearest_other(p, i, exclude, same_clause=True) if over else None
        preps = ("against", "on", "with", "of", "to")
        named = owner is not None and owner.np >= 0 and p.phrases[owner.np].first < i
        punished = named and owner is not None and p.phrases[owner.np].prep in preps
        pronoun = i >= 4 and p.low[i - 4] in preps and p.low[i - 3] in ("him", "her", "it", "them")  # "against him"
        return owner if punished or (named and pronoun) else None
    before = p.low[i - 2] if i >= 2 else ""
    if before in p.verbs or p.finite(before) or before in ("endorsed", "backed", "supported", "condemned", "opposed"):
        subj = p.subject(i - 2)
        exclude = exclude + (subj.ids if subj else ())
    if _in_opening(p, i):  # "After the invasion of Ukraine, Poland bought ...": not Poland's invasion
        return None
    if other.np >= 0 and p.phrases[other.np].prep == "with":
        # "Ukraine, once Egypt's supplier, shipped less because of the war with Russia": the subject's war
        subj = p.subject(i, exclude=frozenset(exclude))
        if subj is not None:
            return subj
    # "refugees who have fled the war in Sudan", "the attack on Qatar, ..., the largest American base, shook":
    # an unowned blow is set against no one outside its clause; a firm wages none ("Rheinmetall expanded
    # output as the war in Ukraine drains stockpiles")
    owner = nearest_other(p, i, exclude, same_clause=True)
    return None if owner is None or owner.how == "company" else owner


def _nearest_in_clause(p: Parse, i: int, owner: Side) -> Side | None:
    """The other actor of the clause: "to defend the country from Russian aggression"."""
    c = p.clause(i)
    best = None
    for pi, ph in enumerate(p.phrases):
        if c.first <= ph.first <= c.last and pi != owner.np and not set(p.ids(ph)) & set(owner.ids):
            if (
                ph.head in p.g.words["place_nouns"]
                or p.g.has("item_words", ph.head.split()[-1] if ph.head else "")
                or p._made_by(ph)
            ):
                continue  # "Russian S-300 missiles prompted Turkish threats", "Turkish Bayraktar TB2s": makers
            if any(p.g.has("supporter_nouns", w) or p.g.has("backing_nouns", w) for w in p.low[ph.last + 1 : i]):
                continue  # "China, a decisive enabler of Russia's war", "Iran's military support for Russia's war"
            if ph.prep == "among" or (
                ph.first > i and any(p.g.has("reporting", w) for w in p.low[ph.last + 1 : ph.last + 6])
            ):
                continue  # "critics of the war among EU governments"; '"... Russia's war budget," the EU's chief said'
            d = abs(ph.first - i)
            if best is None or d < best[0]:
                best = (d, pi)
    if best is not None:
        return p.side(best[1])
    if c.kind == "main" and any(w in ("it", "the country") for w in p.low[c.first : i]):
        return p.pronoun_in(c, i)
    return None


def _in_opening(p: Parse, i: int) -> bool:
    """Token i lies in a verbless prepositional phrase that opens the sentence, before its first comma."""
    end = p.opening_end()
    return 0 <= i < end < len(p.low) - 1


def _opening_owner(p: Parse, i: int, other: Side) -> Side | None:
    """The subject after an opening phrase owns its "with" noun: "Under its pact with Japan, Australia ..."."""
    if other.np < 0 or p.phrases[other.np].prep != "with" or not _in_opening(p, i):
        return None
    pi = p.phrase_at[p.opening_end() + 1]
    if pi < 0 or p.phrases[pi].prep or set(p.ids(p.phrases[pi])) & set(other.ids):
        return None
    return p.side(pi)


def _under_owner(p: Parse, i: int, other: Side) -> Side | None:
    """The clause's subject acts under its own "with" noun: "Norway hosts US troops under a pact with Washington"."""
    if other.np < 0 or p.phrases[other.np].prep != "with":
        return None
    for k in range(i - 1, max(-1, i - 6), -1):
        if p.low[k] == "under":
            c = p.clause(k)  # the clause's own subject: its first actor phrase with no preposition
            heads = [pi for pi, ph in enumerate(p.phrases) if c.first <= ph.first < k and not ph.prep]
            if heads and not set(p.ids(p.phrases[heads[0]])) & set(other.ids):
                return p.side(heads[0])
            return p.subject(k, exclude=frozenset(other.ids)) if not heads else None
        if p.low[k] in (",", ";", ":", "(", ")") or p.low[k] in p.verbs or p.finite(p.low[k]):
            return None
    return None


def possessor(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A noun owned by one side and aimed at another: "A's war in B", "A's rivalry with B"."""
    v = i + n - 1
    owner = owner_of(p, i)
    other = _aimed_at(p, v, cue)
    modified, known = war_noun(p, v)  # "Russia's war economy": no war aimed at anyone; "the war in Ukraine"
    owner = war_owner(owner, other) if known and other is not None else owner
    if owner is None and other is not None and cue.opt("light_verbs"):
        owner = _light_verb_owner(p, i, cue, other)
    if owner is None and other is not None and cue.opt("unowned") and p.low[i - 1] in ("the", "a"):
        owner = _unowned_owner(p, i, other)
    if owner is None and other is not None:
        owner = _opening_owner(p, i, other) or _under_owner(p, i, other)
    k = p.tokens[i - 1].anchor if i > 0 else -1  # "the Syrian war", "the Yemeni conflict": where it is fought
    ground = k >= 0 and p.anchors[k].how == "demonym" and p.g.has("war_ground_nouns", p.low[i])
    if owner is not None and other is None and known:
        owner, other = war_owned(p, owner, ground)  # "since Russia launched its invasion", "the Ukrainian war"
    if owner is None or (other is None and ground):
        return []
    if other is None and cue.opt("fallback") == "nearest" and not modified:
        other = _nearest_in_clause(p, i, owner)  # not for "Russia's war economy", "its war budget": no other side
    return war_background(hit(cue, i, owner, other), owner, other)


def compound(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "the A-B pact", "A–B tensions": two actor tokens joined by a hyphen or dash before the noun."""
    k = i - 1
    skipped = 0
    while k >= 0 and skipped < 3 and p.tokens[k].anchor < 0 and p.low[k] not in ("-", "–", "—", "‐"):
        if not p.tokens[k].text[0].isalpha() or p.is_function(p.low[k]):
            return []
        skipped += 1
        k -= 1
    if k < 2 or p.tokens[k].anchor < 0:
        return []
    if p.low[k - 1] not in ("-", "–", "—", "‐", "/") or p.tokens[k - 2].anchor < 0:
        return []
    a, b = p.anchors[p.tokens[k - 2].anchor].id, p.anchors[p.tokens[k].anchor].id
    if a == b:
        return []
    return [Hit(cue.kind, (a,), (b,), cue, i, symmetric=True)]


def _in_subject(p: Parse, i: int) -> bool:
    """The noun stands in its clause's subject, before any verb: "the takeover and tighter sanctions on Iran have"."""
    c = p.clause(i)
    actors = [ph for ph in p.phrases if c.first <= ph.first and ph.last < i and not ph.prep]
    # "The Taliban takeover ... and tighter sanctions"; not "Chile offers"
    verbless = c.kind == "main" and c.first == 0 and not any(p.finite(w) for w in p.low[c.first : i])
    return verbless and bool(actors) and all(ph.head for ph in actors)


def _bare_reaction(p: Parse, v: int) -> bool:
    """A reaction noun that ends its clause: "voiced grave concerns.", "expressed outrage on Monday"."""
    c = p.clause(v)
    if not p.g.has("reaction_nouns", p.low[v]):
        return False
    return not any(
        p.g.has("prepositions", w) and w not in ("on", "in", "at") for w in p.low[v + 1 : c.last + 1]
    ) and not any(ph.first > v and p.clause_of[ph.first] == p.clause_of[v] for ph in p.phrases)


def _the_nouns_side(p: Parse, v: int, other: Side) -> bool:
    """Whether the phrase a noun at v found after it is the noun's other side."""
    ph = p.phrases[other.np]
    if any(p.finite(w) for w in p.low[v + 1 : ph.prep_at]):
        return False  # "NATO member Turkey has tried to balance its relations with Kyiv": another verb's phrase
    if ph.prep == "over" and only_ground(p, other):
        return False  # "the 1879 war over the Atacama": what was fought over, not a side
    # "in wars from Yemen to Mali": a range of places, not a side
    return not (ph.prep == "from" and "to" in p.low[ph.last + 1 : ph.last + 2])


def subject_noun(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "[X ...] tensions with Y", "X expressed concern over Y's drills": the clause's actor and the noun's phrase."""
    v = i + n - 1
    before = cue.opt("after_words")
    if before and not any(w in before for w in p.low[max(0, i - 3) : i]):
        return []
    ends = cue.opt("ends")
    if ends and any(w in ends for w in p.low[max(0, i - 5) : i]):
        return []  # "would suspend some bilateral assistance to Rwanda": backing withdrawn
    other = p.pp(v, cue.opt("preps", ["with"]), limit=cue.opt("within", 6))
    if other is not None and other.np >= 0 and not _the_nouns_side(p, v, other):
        other = None
    if other is None and cue.opt("event_owner") and p.context.conflict:
        # "provided support to the strikes", "expressed concern over the incident": whoever the story says acted
        preps = cue.opt("preps", ["with"])
        j = v + 1
        lead = ("to", "for", "the", "a", "their", "its", "these", "this", "latest", "”", '"', *preps)
        while j < len(p.low) and j <= v + 3 and p.low[j] in lead:
            j += 1
        if j < len(p.low) and (
            p.g.has("hostile_nouns", p.low[j])
            or p.g.has("event_nouns", p.low[j])
            or p.low[j] in ("mission", "missions", "coalition", "effort", "efforts")
        ):
            other = Side(p.context.conflict)
    if other is None and cue.opt("event_owner") and p.context.conflict and _bare_reaction(p, v):
        other = Side(p.context.conflict)  # "Canada voiced grave concerns": at whoever the story says acted
    if other is None and cue.opt("pair_subject"):
        # "Peru and Chile remain at loggerheads over the border": the two of the subject
        both = p.subject(i, first=True)
        return pairs(cue, i, both.ids) if both is not None and len(both.ids) == 2 else []
    if other is None:
        return []
    owner = owner_of(p, i)
    if (owner is None or set(owner.ids) <= set(other.ids)) and not _in_subject(p, i):
        owner = p.subject(i, exclude=frozenset(other.ids), first=True)
    if owner is None and cue.opt("nearest"):
        for pi in range(len(p.phrases) - 1, -1, -1):
            ph = p.phrases[pi]
            if ph.last < i and not ph.prep:
                owner = p.side(pi)
                break
    return hit(cue, i, owner, other)


def _noun_owner(p: Parse, i: int, v: int) -> Side | None:
    """Whose the relation noun is: "A's ally", "an ally of A", "a threat to the A", "a key US ally"."""
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

    if any(linking(w) for w in between_words) and len(between_words) <= 6 and not any(map(breaks, between_words)):
        return subj
    return None


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


def relational(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "A's ally B", "B, A's ally", "B, an ally of A", "B is A's partner", "A and its ally B"."""
    v = i + n - 1
    if cue.kind == "alliance" and i > 0 and p.g.has("economic_modifiers", p.low[i - 1]):
        return []  # "Nepal's largest trading partner": trade, not an alliance
    non_nato = _non_nato_ally(p, i, cue)
    if non_nato:
        return non_nato
    owner = _noun_owner(p, i, v)
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
    named = _named_after(p, v, owner) or _named_beside(p, i, owner) or _named_across_copula(p, i, owner, cue)
    if named is None:
        named, owner = _named_by_complement(p, i, owner)
    if named is None and cue.opt("context_group") and p.context.plural:
        named = Side(p.context.plural)  # "Iran's efforts to arm its proxies": the group the story is about
    if named is None:
        return []
    return _relational_hits(p, i, v, cue, owner, named) + _fellow(p, i, cue, owner)


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
