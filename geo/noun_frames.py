"""Clause frames of relations stated by a noun.

"tensions between A and B", "A's war in B", "the A-B pact", "the pact under which A and B ...", "[A ...]
tensions with B", troops and influence of X in A, B and C. Relational nouns ("A's ally B") are
:mod:`geo.relational_frames`, compound adjectives ("A-backed B") :mod:`geo.compound_frames`.

See :mod:`geo.frames` for the frame contract.
"""

from __future__ import annotations

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.slots import Hit, hit, nearest_other, only_ground, owner_of, owner_with, pairs, reacted_to
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
            # "between Israel and the Iran-backed militant group": the group fights, not its backer; a group named
            # after its backer takes its place ("between Israel and Iran-backed Hamas")
            backers, backed = _backers(p, ph.first, ph.last + 4), _backed_after(p, ph.last)
            found = pairs(cue, i, tuple(x for x in (*ids, *backed) if x not in backers))
            both = next((k for k in range(ph.first + 1, ph.last) if p.low[k - 1 : k + 1] == ["and", "both"]), -1)
            # "between the Houthis and both Riyadh and Washington": the first side and each of the others, not those two
            marks = [p.tokens[k].anchor for k in range(both, ph.last + 1) if both > 0 and p.tokens[k].anchor >= 0]
            later = {x for a in marks for x in p.anchors[a].id.split("|")}
            return [h for h in found if not (h.source[0] in later and h.target[0] in later)]
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
    }


def _backed_after(p: Parse, last: int) -> tuple[str, ...]:
    """The side right after a phrase that ends in its backer: "Hamas" in "between Israel and Iran-backed Hamas"."""
    k = last + 3
    if k >= len(p.low) or p.low[last + 1] not in ("-", "‐") or not p.g.has("proxy_participles", p.low[last + 2]):
        return ()
    return p.side(p.phrase_at[k]).ids if p.phrase_at[k] >= 0 else ()


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
    if owner.how == "company" and p.low[v].startswith("tariff"):
        return []  # "calls JANAF's tariffs unjustifiable": a pipeline operator's fees, no state's trade measure
    if other is None and cue.opt("fallback") == "nearest" and not modified:
        # not for "Russia's war economy", "its war budget": no other side; nor "India condemned Russia's war": no foe
        start = p.phrases[owner.np].first if owner.np >= 0 else i
        other = None if reacted_to(p, start) else _nearest_in_clause(p, i, owner)
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


def _nouns_other(p: Parse, i: int, v: int, cue: Cue) -> Side | None:
    """The side a noun cue names in its prepositional phrase ("tensions with Y", "China's backing of Russia")."""
    other = p.pp(v, cue.opt("preps", ["with"]), limit=cue.opt("within", 6))
    if other is None and cue.opt("owned_of") and p.low[v + 1 : v + 2] == ["of"] and owner_of(p, i) is not None:
        other = p.pp(v, ("of",), limit=2)  # with an owner, the of-phrase is the one backed
    return None if other is not None and other.np >= 0 and not _the_nouns_side(p, v, other) else other


def subject_noun(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "[X ...] tensions with Y", "X expressed concern over Y's drills": the clause's actor and the noun's phrase."""
    v = i + n - 1
    before = cue.opt("after_words")
    if before and not any(w in before for w in p.low[max(0, i - 3) : i]):
        return []
    if cue.ended(p.low[max(0, i - 5) : i]):
        return []  # "would suspend some bilateral assistance to Rwanda": backing withdrawn
    other = _nouns_other(p, i, v, cue)
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
        whole = p.subject(i, first=True)
        topic = other.np >= 0 and p.phrases[other.np].prep in ("over", "about")
        if topic and whole is not None and set(other.ids) <= set(whole.ids):
            return []  # "Mali, Burkina Faso and Niger recalled their envoys, escalating a row over a Malian drone"
        owner = p.subject(i, exclude=frozenset(other.ids), first=True)
    if owner is None and cue.opt("nearest"):
        for pi in range(len(p.phrases) - 1, -1, -1):
            ph = p.phrases[pi]
            if ph.last < i and not ph.prep:
                owner = p.side(pi)
                break
    return hit(cue, i, owner, other)


def under_which(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """In "the pact under which A and B help C": every pair of the states its relative clause names."""
    v = i + n - 1
    if p.low[v + 1 : v + 3] != ["under", "which"]:
        return []
    c = p.clause(v + 2)
    kinds = {a.id: a.kind for a in p.anchors}
    inside = [ph for ph in p.phrases if c.first <= ph.first <= c.last]
    ids = [x for ph in inside for x in p.ids(ph) if "@" not in x]
    states = [x for x in dict.fromkeys(ids) if kinds.get(x) == "country"]
    partner = {x for ph in inside if ph.prep == "with" for x in p.ids(ph)}
    if partner and len(set(states) - partner) > 1:
        # "under which the UAE, Bahrain and Morocco established relations with Israel": each with Israel
        return [Hit(cue.kind, (a,), (b,), cue, i, symmetric=True) for a in states if a not in partner for b in partner]
    return pairs(cue, i, tuple(states)) if len(states) > 1 else []
