"""Clause frames: which phrase of a clause fills a cue's source and which its target.

Each frame is a small function ``frame(parse, i, n, cue) -> list[Hit]``: the
cue's trigger spans tokens ``i .. i+n-1`` of the sentence ``parse``
(:class:`geo.clauses.Parse`), and the cue table entry ``cue``
(:class:`geo.cuetable.Cue`) names the frame and its options. A frame reads
the clause's roles (subject, object, to/from/with/by phrases, possessor,
apposition) and returns :class:`Hit` records; :mod:`geo.relations` turns
them into findings. The frames, in the order of the cue table:

agent-patient
    "X backed Y", "X clashed with Y", "Y, backed by X": the subject is the
    source and the object (or the phrase of one of ``preps``) the target; a
    passive takes the source from its by-phrase. With ``symmetric`` a
    coordinated subject and no object gives every pair ("A and B signed").
give / get
    a transfer told from the supplier ("X sold ITEM to Y", "X supplied Y with
    ITEM") or from the recipient ("Y bought ITEM from X"); the item is the
    stretch between the cue and the other party.
between / possessor / compound / subject-noun
    a relation stated by a noun: "tensions between A and B", "A's war in B",
    "the A-B pact", "[A ...] tensions with B".
relational
    "A's ally B", "B, an ally of A", "B, A's patron": the noun names one side.
compound-adjective
    "A-backed B", "A-led war in B", "A-supplied drones".
presence
    troops, bases and influence of X in A, B and C: a sphere of influence.
thank-for, use-maker, arrive-maker, participants
    "Y thanked X for its support", "Y fired X-made missiles", "X's cargo
    reached Y", "joint drills held by A and B".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.items import item_phrases, relative_item


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


def _hit(cue: Cue, i: int, src: Side | None, tgt: Side | None, kind: str = "") -> list[Hit]:
    if src is None or tgt is None:
        return []
    return [Hit(kind or cue.kind, src.ids, tgt.ids, cue, i)]


def _pairs(cue: Cue, i: int, ids: tuple[str, ...]) -> list[Hit]:
    return [Hit(cue.kind, (a,), (b,), cue, i, symmetric=True) for a, b in combinations(dict.fromkeys(ids), 2)]


def _noun_after(p: Parse, v: int, words: set[str], limit: int = 8) -> int:
    """Index of the first token in ``words`` after v within its clause (or -1)."""
    c = p.clause(v)
    for j in range(v + 1, min(c.last, v + limit) + 1):
        if p.low[j] in words:
            return j
    return -1


def agent_patient(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    v = i + n - 1
    needs = cue.opt("needs")
    anchor_v = v
    if needs:
        j = _noun_after(p, v, set(needs), cue.opt("needs_within", 8))
        if j < 0:
            return []
        anchor_v = j
        if cue.opt("not_with_item") and _items_after(p, j):
            return []
    preps = cue.opt("preps", [])
    if cue.opt("object_vs_pp"):
        # "the war pits the army against the RSF": the object against the phrase
        obj = p.object(v)
        return _hit(cue, i, obj, p.pp(v, preps, limit=12) if obj else None)
    if p.passive(v) and cue.opt("passive", True):
        src = p.agent(v)
        tgt = p.subject(v)
        if v >= 2 and p.low[v - 1] in ("both", "all") and p.low[v - 2] == ",":
            tgt = (
                _objects_before(p, v - 2) or tgt
            )  # "fought Hezbollah in Lebanon and Hamas in Gaza, both backed by Iran"
        return _hit(cue, i, src, tgt)
    src = p.subject(v)
    heads = cue.opt("subject_head")
    if heads and (src is None or src.np < 0 or p.phrases[src.np].head not in heads):
        return []
    tgt = None
    if cue.opt("object", True):
        tgt = p.object(v)
    if tgt is None and preps:
        start = v if cue.opt("pp_from_verb") else anchor_v
        tgt = p.pp(start, preps, limit=cue.opt("pp_within", 25))
    if tgt is None and cue.opt("content"):
        tgt = _content_actor(p, v)
    if tgt is None and cue.opt("symmetric") and src is not None and len(src.ids) > 1:
        return _pairs(cue, i, src.ids)
    kinds = cue.opt("target_kinds")
    if (
        kinds
        and tgt is not None
        and tgt.np >= 0
        and not any(p.anchors[k].kind in kinds for k in p.phrases[tgt.np].anchors)
    ):
        return []
    if tgt is not None and src is not None and cue.opt("symmetric") and len(src.ids) > 1 and tgt.ids:
        return _hit(cue, i, src, tgt) + _pairs(cue, i, src.ids)
    return _hit(cue, i, src, tgt)


def _objects_before(p: Parse, k: int) -> Side | None:
    """The actors after the verb of the clause ending at token k (the antecedents of ", both ...")."""
    c = p.clause(k)
    ids: list[str] = []
    first = next((ph for ph in p.phrases if c.first <= ph.first < k and not ph.prep), None)
    subj = p.ids(first) if first is not None else ()
    for ph in p.phrases:
        if c.first <= ph.first < k and not set(p.ids(ph)) & set(subj):
            ids += [x for x in p.ids(ph) if x not in ids]
    return Side(tuple(ids)) if ids else None


def _content_actor(p: Parse, v: int) -> Side | None:
    """The first actor of the clause a verb of saying opens: "complained that Malian trawlers ..."."""
    ci = p.clause_of[v] + 1
    if ci >= len(p.clauses) or p.clauses[ci].first > v + 2:
        return None
    c = p.clauses[ci]
    for pi, ph in enumerate(p.phrases):
        if c.first <= ph.first <= c.last and not ph.prep:
            return p.side(pi)
    return None


def _items_after(p: Parse, j: int) -> bool:
    """Items named around an agreement noun ("an arms deal with Libya, including JF-17 jets"): a sale, not a pact."""
    c = p.clause(j)
    end = j
    while end < min(c.last, j + 8) and p.low[end + 1] != ",":
        end += 1
    if end + 2 <= c.last and p.low[end + 1] == "," and p.low[end + 2] == "including":
        end = min(c.last, end + 8)
    return bool(item_phrases(p.text(max(c.first, j - 4), end)))


def _cut_item(p: Parse, s: int, e: int) -> int:
    """The end of an item stretch: before "to <verb>", a relative pronoun or a second cue verb."""
    for j in range(s, e + 1):
        w = p.low[j]
        if w in ("which", "who", "that", "whose") and j > s:
            return j - 1
        if w == "to" and j + 1 <= e and (p.low[j + 1] in p.verbs or p.low[j + 1] in _INFINITIVES):
            return j - 1
    return e


_INFINITIVES = frozenset(
    ["be", "bolster", "boost", "modernize", "modernise", "upgrade", "replace", "help", "support", "strengthen"]
)


def _maker_in(p: Parse, s: int, e: int, exclude: tuple[str, ...] = (), item_head: bool = False) -> Side | None:
    """A maker named inside an item stretch: "Turkish drones", "Baykar's TB2", "X-made missiles"."""
    for pi, ph in enumerate(p.phrases):
        if ph.first < s or ph.first > e:
            continue
        hows = {p.anchors[k].how for k in ph.anchors}
        ids = p.ids(ph)
        if set(ids) & set(exclude):
            continue
        compound = ph.last + 2 < len(p.low) and p.low[ph.last + 1] == "-"
        if item_head and not compound and not (ph.head and item_phrases(ph.head)):
            continue
        if hows & {"demonym", "company"} or ph.possessive or compound:
            return p.side(pi)
    return None


def give(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    v = i + n - 1
    c = p.clause(v)
    to = cue.opt("to", ["to", "for", "into"])
    tgt = p.pp(v, to, limit=30)
    src: Side | None = None
    item_start, item_end = v + 1, c.last
    if tgt is not None:
        item_end = p.phrases[tgt.np].first - 1 if tgt.np >= 0 else c.last
    if cue.pos == "noun":
        src = _possessor(p, i) or p.pp(v, ("by",), limit=20)
        if src is None:
            src = p.subject(i)
    elif p.passive(v):
        src = p.agent(v)
        subj = p.subject(v)
        said = [k for k in range(c.first, i) if p.g.has("reporting", p.low[k])]
        item_start, item_end = (said[-1] + 1 if said else c.first), i - 1
        if tgt is None and subj is not None and cue.opt("passive_recipient"):
            tgt = subj
    else:
        src = p.subject(v)
        if tgt is None:
            obj = p.object(v)
            if obj is not None and obj.np >= 0:
                ph = p.phrases[obj.np]
                if ph.last + 1 < len(p.low) and p.low[ph.last + 1] == "with":
                    tgt, item_start, item_end = obj, ph.last + 2, c.last
                elif not ph.head or ph.head not in ("drones", "missiles", "weapons", "arms", "jets"):
                    tgt, item_start = obj, ph.last + 1
    frm = p.pp(v, ("from",), limit=6)
    if tgt is None and frm is not None:
        # "minesweepers transferred from the Soviet Union": from X to the clause's subject
        tgt, src = p.subject(i, exclude=frozenset(frm.ids), first=True), frm
        item_start, item_end = max(c.first, i - 8), i - 1
    if tgt is None:
        return []
    if src is None or (src.np >= 0 and src.np == tgt.np):
        src = frm or _maker_in(p, item_start, item_end, tgt.ids)
    if src is None:
        return []
    text = p.text(item_start, _cut_item(p, item_start, item_end))
    if not item_phrases(text) and cue.pos == "noun":
        k = i - 1  # "stepped up arms deliveries to ...": the words before the noun name the item
        while (
            k >= c.first
            and i - k <= 3
            and p.tokens[k].anchor < 0
            and not p.is_function(p.low[k])
            and not (p.finite(p.low[k]) or p.g.has("particles", p.low[k]))
        ):
            k -= 1
        text = p.text(k + 1, i - 1)
        if not item_phrases(text):
            return []
    elif not item_phrases(text):
        text = p.text(max(c.first, i - 8), i - 1)
        if c.kind == "rel" and c.marker in ("that", "which"):
            # "corvettes that Chile has handed over to Peru": the item is what the clause hangs on
            text = relative_item(p.text(max(0, c.first - 8), c.first - 1))
        if not item_phrases(text) or p.low[i - 1] in p.verbs:
            return []
    return [Hit("transfer", src.ids, tgt.ids, cue, i, item_text=text)]


def get(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    v = i + n - 1
    c = p.clause(v)
    if cue.opt("no_infinitive") and v + 1 < len(p.low) and p.low[v + 1] == "to":
        return []  # "sought to bolster ... by acquiring": the later verb is the cue
    frm = p.pp(v, cue.opt("from", ["from"]), limit=30)
    if cue.pos == "noun":
        tgt = p.pp(v, ("by",), limit=4) or _possessor(p, i) or p.subject(i)
    elif p.passive(v):
        tgt = p.pp(v, ("to", "by"), limit=20) or p.subject(v, exclude=frm.ids if frm else frozenset())
        if (cue.opt("reduced_recipient_main") and c.kind in ("reduced",)) or p.clause(v).first == v:
            tgt = tgt or p.subject(c.first)
    else:
        tgt = p.subject(v, exclude=frozenset(frm.ids) if frm else frozenset())
    item_start, item_end = v + 1, c.last
    if frm is not None and frm.np >= 0:
        item_end = p.phrases[frm.np].first - 1
    if p.passive(v) and cue.pos == "verb":
        item_start = max(c.first, i - 8)
        item_end = i - 1
    src = frm or _maker_in(p, v + 1, c.last, tgt.ids if tgt else ())
    if src is None and tgt is not None:
        src = _blocked_by(p, v)  # "wanted to buy the plant, and the contract was blocked by Chile"
    last = p.context.transfer
    if src is None and tgt is not None and last and last[1] in tgt.ids and last[0]:
        src = Side((last[0],))  # the seller the story already named for this buyer
    if src is None or tgt is None:
        return []
    text = p.text(item_start, _cut_item(p, item_start, item_end))
    if not item_phrases(text):
        # "five mine hunters bought from France": a participle after its item
        text = p.text(max(c.first, i - 8), i - 1)
        if not item_phrases(text):
            return []
    return [Hit("transfer", src.ids, tgt.ids, cue, i, item_text=text)]


_DEAL_VERBS = {
    **dict.fromkeys(("buy", "purchase", "acquire", "procure", "import", "order", "obtain"), "get"),
    **dict.fromkeys(("sell", "supply", "deliver", "provide", "export", "transfer", "build"), "give"),
}
_BLOCKERS = frozenset(
    ["blocked", "frozen", "halted", "cancelled", "canceled", "suspended", "vetoed", "stopped", "refused"]
)


def _blocked_by(p: Parse, v: int) -> Side | None:
    """The side that blocked a purchase later in the sentence: the would-be supplier."""
    for k in range(v + 1, len(p.low) - 2):
        if p.low[k] in _BLOCKERS and p.low[k + 1] == "by" and p.phrase_at[k + 2] >= 0:
            return p.side(p.phrase_at[k + 2])
        if p.low[k] in _BLOCKERS and p.low[k + 1] == "by" and k + 3 < len(p.low) and p.phrase_at[k + 3] >= 0:
            return p.side(p.phrase_at[k + 3])
    return None


def deal(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """ "a Turkish helicopter deal with Pakistan", "a contract with Russia for 24 jets", "a deal to buy ... from X"."""
    v = i + n - 1
    c = p.clause(v)
    other = p.pp(v, ("with",), limit=cue.opt("within", 8))
    maker = None
    k = i - 1
    while k >= c.first and i - k <= 4 and p.low[k] not in (",", "a", "an", "the"):
        pi = p.phrase_at[k]
        if pi >= 0:
            maker = p.side(pi)
            break
        k -= 1
    before = p.text(p.phrases[maker.np].first, i - 1) if maker is not None and maker.np >= 0 else ""
    if maker is not None and other is not None and item_phrases(before):
        return [Hit("transfer", maker.ids, other.ids, cue, i, item_text=before)]
    if other is None:
        return []
    after = p.phrases[other.np].last + 1 if other.np >= 0 else v + 1
    if after + 2 <= c.last and p.low[after] == "to" and p.low[after + 1] in _DEAL_VERBS:
        # "signed a deal with France to buy 42 Rafale jets": the verb says who sells
        text = p.text(after + 2, _cut_item(p, after + 2, c.last))
        subj = p.subject(i, exclude=frozenset(other.ids), first=True)
        if subj is not None and item_phrases(text):
            buys = _DEAL_VERBS[p.low[after + 1]] == "get"
            src, dst = (other, subj) if buys else (subj, other)
            return [Hit("transfer", src.ids, dst.ids, cue, i, item_text=text)]
    while after < min(c.last, after + 5) and p.low[after] != "for" and p.phrase_at[after] < 0:
        after += 1
    if after + 1 < len(p.low) and p.low[after] == "for":
        subj = p.subject(i, exclude=frozenset(other.ids), first=True)
        text = p.text(after + 1, c.last)
        if subj is not None and item_phrases(text):
            return [Hit("transfer", other.ids, subj.ids, cue, i, item_text=text)]
    return []


def between(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    v = i + n - 1
    limit = cue.opt("within", 4)
    for _pi, ph in enumerate(p.phrases):
        if ph.prep in ("between", "among", "amongst") and v < ph.prep_at <= v + limit:
            ids = p.ids(ph)
            after = p.low[ph.last + 1] if ph.last + 1 < len(p.low) else ""
            if (ph.head in _PAIR_NOUNS or after in _PAIR_NOUNS) and all(
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
            return _pairs(cue, i, ids)
    return []


def _possessor(p: Parse, i: int) -> Side | None:
    """The phrase that owns the noun at token i: "Russia's war", "Russian aggression", "its war", "the war of X"."""
    k = i - 1
    skipped = 0
    while k >= 0 and skipped < 4:
        pi = p.phrase_at[k]
        if pi >= 0:
            ph = p.phrases[pi]
            if ph.possessive or (ph.head_at >= i - 1) or p.anchors[ph.anchors[-1]].how == "demonym":
                return p.side(pi)
            return None
        w = p.low[k]
        if w in ("its", "their", "his", "her"):
            return p.possessive_pronoun(k) if w in ("its", "their") else None
        if not p.tokens[k].text[0].isalpha() or p.g.has("prepositions", w) or p.finite(w):
            return None
        skipped += 1
        k -= 1
    if i + 2 < len(p.low) and p.low[i + 1] == "of" and p.phrase_at[i + 2] >= 0:
        return p.side(p.phrase_at[i + 2])
    # the noun is the head of an actor phrase: "Russian aggression", "Iran's war"
    pi = p.phrase_at[i]
    if pi >= 0:
        return p.side(pi)
    return None


def _nearest_other(p: Parse, i: int, exclude: tuple[str, ...], same_clause: bool = True) -> Side | None:
    """The actor phrase nearest to token i (its own clause, or the sentence) that is not ``exclude``."""
    c = p.clause(i)
    best = None
    for pi, ph in enumerate(p.phrases):
        if same_clause and not c.first <= ph.first <= c.last:
            continue
        ids = p.ids(ph)
        if set(ids) & set(exclude) or ph.head in p.g.words["place_nouns"]:
            continue
        if any(p.anchors[k].kind not in ("country", "bloc") and p.anchors[k].how != "group" for k in ph.anchors):
            continue
        d = abs(ph.first - i) + (0 if ph.first < i else 2)
        if best is None or d < best[0]:
            best = (d, pi)
    return p.side(best[1]) if best is not None else None


def possessor(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    v = i + n - 1
    owner = _possessor(p, i)
    other = p.pp(v, cue.opt("preps", ["against", "on", "in", "with", "into"]), limit=cue.opt("within", 6))
    if owner is None and other is not None and cue.opt("light_verbs"):
        # "forces carried out strikes against Houthi targets": the light verb's subject owns the noun
        for k in range(i - 1, max(-1, i - 7), -1):
            if p.low[k] in cue.opt("light_verbs"):
                owner = p.subject(k, exclude=frozenset(other.ids))
                break
    if owner is None and other is not None and cue.opt("unowned") and p.low[i - 1] in ("the", "a"):
        # "over the war in Ukraine", "the fight against Russia": the sentence's other actor; but not the
        # subject of a verb that takes the noun as its object ("Slovenia endorsed the invasion of Iraq")
        exclude = other.ids
        if i >= 2 and p.low[i - 2] in p.verbs | {"endorsed", "backed", "supported", "condemned", "opposed"}:
            subj = p.subject(i - 2)
            exclude = exclude + (subj.ids if subj else ())
        owner = _nearest_other(p, i, exclude, same_clause=False)
    if owner is None:
        return []
    if other is None and cue.opt("fallback") == "nearest":
        # "to defend the country from Russian aggression": the other actor of the clause
        c = p.clause(i)
        best = None
        for pi, ph in enumerate(p.phrases):
            if c.first <= ph.first <= c.last and pi != owner.np and not set(p.ids(ph)) & set(owner.ids):
                if ph.head in p.g.words["place_nouns"]:
                    continue
                d = abs(ph.first - i)
                if best is None or d < best[0]:
                    best = (d, pi)
        if best is not None:
            other = p.side(best[1])
        elif c.kind == "main" and any(w in ("it", "the country") for w in p.low[c.first : i]):
            other = p._pronoun_in(c, i)
    return _hit(cue, i, owner, other)


def compound(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """ "the A-B pact", "A–B tensions": two actor tokens joined by a hyphen or dash before the noun."""
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


def subject_noun(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """ "[X ...] tensions with Y", "X expressed concern over Y's drills": the clause's actor and the noun's phrase."""
    v = i + n - 1
    before = cue.opt("after_words")
    if before and not any(w in before for w in p.low[max(0, i - 3) : i]):
        return []
    other = p.pp(v, cue.opt("preps", ["with"]), limit=cue.opt("within", 6))
    if other is None and cue.opt("event_owner") and p.context.conflict:
        # "provided support to the strikes": to whoever the story says strikes
        j = v + 1
        while j < len(p.low) and j <= v + 3 and p.low[j] in ("to", "for", "the", "a", "their", "its", "these"):
            j += 1
        if j < len(p.low) and p.low[j] in _HOSTILE_NOUNS | {"mission", "missions", "coalition", "effort", "efforts"}:
            other = Side(p.context.conflict)
    if other is None:
        return []
    owner = _possessor(p, i)
    if owner is None or set(owner.ids) <= set(other.ids):
        owner = p.subject(i, exclude=frozenset(other.ids), first=True)
    if owner is None and cue.opt("nearest"):
        for pi in range(len(p.phrases) - 1, -1, -1):
            ph = p.phrases[pi]
            if ph.last < i and not ph.prep:
                owner = p.side(pi)
                break
    return _hit(cue, i, owner, other)


def relational(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """ "A's ally B", "B, A's ally", "B, an ally of A", "B is A's partner", "A and its ally B"."""
    v = i + n - 1
    owner = _possessor(p, i)
    if owner is None and v + 2 < len(p.low) and p.low[v + 1] in ("of", "to"):
        pi = p.phrase_at[v + 2]
        if pi < 0 and v + 3 < len(p.low):
            pi = p.phrase_at[v + 3]
        owner = p.side(pi) if pi >= 0 else None
    if owner is None:
        return []
    named: Side | None = None
    # "A's ally B" / "A's ally, B"
    j = v + 1
    if j < len(p.low) and p.low[j] == ",":
        j += 1
    if j < len(p.low) and p.phrase_at[j] >= 0 and p.phrases[p.phrase_at[j]].first == j:
        named = p.side(p.phrase_at[j])
    # "B, A's ally," / "B, an ally of A": the noun's phrase stands beside B
    if named is None:
        k = i - 1
        while k >= 0 and p.low[k] != "," and p.phrase_at[k] < 0 and i - k < 8:
            k -= 1
        if owner.np >= 0 and p.phrases[owner.np].apposition_of >= 0:
            named = p.side(p.phrases[owner.np].apposition_of)
        elif k > 0 and p.low[k] == "," and p.phrase_at[k - 1] >= 0 and p.phrase_at[k - 1] != owner.np:
            named = p.side(p.phrase_at[k - 1])
    # "B is A's partner", "B will be a partner of A": only across a copula
    if named is None:
        subj = p.subject(i, exclude=frozenset(owner.ids))
        if subj is not None and subj.np >= 0:
            start = p.phrases[subj.np].last + 1
            end = p.phrases[owner.np].first if owner.np >= 0 and p.phrases[owner.np].first < i else i
            between_words = p.low[start:end]
            # "B is A's partner", "B will now be a major partner of": a copula and modifiers only
            if (
                any(w in _COPULAS for w in between_words)
                and len(between_words) <= 6
                and not any(
                    p.g.has("prepositions", w) or (p.finite(w) and w not in _COPULAS and not p.g.has("auxiliaries", w))
                    for w in between_words
                )
            ):
                named = subj
    if named is None and cue.opt("context_group") and p.context.plural:
        named = Side(p.context.plural)  # "Iran's efforts to arm its proxies": the group the story is about
    if named is None:
        return []
    if cue.opt("owner") == "target":  # "A's patron B": B backs A
        return _hit(cue, i, named, owner)
    if cue.opt("owner") == "source":  # "A's proxy B": A backs B
        return _hit(cue, i, owner, named)
    return [Hit(cue.kind, owner.ids, named.ids, cue, i, symmetric=True)]


_PAIR_NOUNS = frozenset(
    ["rivals", "neighbours", "neighbors", "foes", "adversaries", "allies", "partners", "powers", "countries", "nations"]
)
_HOSTILE_NOUNS = frozenset(
    [
        "operations",
        "operation",
        "attacks",
        "attack",
        "offensive",
        "offensives",
        "strikes",
        "strike",
        "war",
        "insurgency",
        "campaign",
        "invasion",
        "aggression",
        "incursions",
        "incursion",
        "raids",
        "raid",
        "assault",
    ]
)
_COPULAS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "become",
        "became",
        "becomes",
        "remain",
        "remains",
        "remained",
        "as",
    ]
)


def compound_adjective(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """ "A-backed B", "A-led war in B", "A-supplied drones ... Y"."""
    if i < 2 or p.low[i - 1] not in ("-", "‐"):
        return []
    k = i - 2
    if p.low[k] == "." and k > 0:
        k -= 1
    if p.tokens[k].anchor < 0:
        return []
    a = p.anchors[p.tokens[k].anchor].id
    role = cue.opt("role", "backer")
    c = p.clause(i)
    if role == "backer":
        if i + 1 <= c.last and p.low[i + 1] in _HOSTILE_NOUNS:
            # "Russian-backed operations against Ukraine": the backer wages them
            other = p.pp(i + 1, ("against", "on", "in", "into"), limit=4)
            return _hit(cue, i, Side((a,)), other, kind="conflict")
        j = i + 1
        while j <= c.last and j < i + 4 and p.phrase_at[j] < 0 and p.tokens[j].text[0].isalpha():
            j += 1
        if j <= c.last and p.phrase_at[j] >= 0:
            return _hit(cue, i, Side((a,)), p.side(p.phrase_at[j]))
        where = p.pp(i, ("in", "across", "including"), limit=6)
        if where is not None:
            return _hit(cue, i, Side((a,)), where)
        for pi in range(len(p.phrases) - 1, -1, -1):
            ph = p.phrases[pi]
            if ph.last < i - 2 and a not in p.ids(ph) and not ph.possessive:
                return _hit(cue, i, Side((a,)), p.side(pi))
        if p.context.plural:
            return _hit(cue, i, Side((a,)), Side(p.context.plural))
        return []
    if role == "leader":
        other = p.pp(i, ("in", "on", "against", "into"), limit=6)
        return _hit(cue, i, Side((a,)), other)
    if role == "supplier":
        tgt = p.pp(i, ("to", "for"), limit=12)
        if tgt is None:
            for pi, ph in enumerate(p.phrases):
                if ph.first > i and a not in p.ids(ph) and p.clause_of[ph.first] == p.clause_of[i]:
                    tgt = p.side(pi)
                    break
        if tgt is None:
            tgt = p.subject(i, exclude=frozenset((a,)))
        text = p.text(i + 1, min(c.last, i + 6))
        if tgt is None or not item_phrases(text):
            return []
        return [Hit("transfer", (a,), tgt.ids, cue, i, item_text=text)]
    return []


def presence(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """Troops, bases, influence of X in A, B and C: influence X → members."""
    v = i + n - 1
    c = p.clause(v)
    if cue.opt("needs"):
        j = _noun_after(p, v, set(cue.opt("needs")), 5)
        k = _noun_before(p, i, set(cue.opt("needs")), 10)
        if j < 0 and k < 0:
            return []
    if cue.opt("host"):
        guest = p.object(v)
        host = p.subject(v)
        if guest is None or host is None:
            return []
        return [Hit("influence", guest.ids, (), cue, i, members=host.ids)]
    owner = _possessor(p, i)
    if owner is None and cue.opt("needs"):
        j = _noun_after(p, v, set(cue.opt("needs")), 5)
        if j >= 0:
            owner = _possessor(p, j)
        if owner is None:
            k = _noun_before(p, i, set(cue.opt("needs")), 10)
            if k >= 0:
                owner = _possessor(p, k)
    if owner is None:
        k = i - 1
        while k >= max(0, i - 6) and owner is None:
            if p.low[k] in ("its", "their"):
                owner = p.possessive_pronoun(k)
            k -= 1
    verbs = cue.opt("owner_verbs")
    if owner is None and (not verbs or any(w in verbs for w in p.low[max(0, i - 5) : i])):
        owner = p.subject(i)
    if owner is None:
        return []
    kinds = {a.id: a.kind for a in p.anchors}
    groups: list[tuple[str, list[str]]] = [("", [])]
    last = c.last
    ci = p.clause_of[v] + 1
    while ci < len(p.clauses) and p.clauses[ci].kind in ("paren", "cont"):
        last = p.clauses[ci].last
        ci += 1
    for ph in p.phrases:
        if ph.first <= v or ph.first > last or ph.first > v + cue.opt("within", 30):
            continue
        listed = ph.first > 0 and p.low[ph.first - 1] in (",", "and", "(")
        if not (ph.prep in cue.opt("preps", ["in", "across", "including", "throughout"]) or listed):
            continue
        if p.low[ph.first - 1] == "(":
            # "in the south (Peru, Chile)": the words before the parenthesis name the group
            k = ph.first - 2
            while k > v and ph.first - k < 6 and p.low[k] not in ("in", "over", "across", "throughout"):
                k -= 1
            if (
                p.low[k] in ("in", "over", "across", "throughout")
                and all(p.tokens[t].anchor < 0 for t in range(k + 1, ph.first - 1))
                and k + 1 < ph.first - 1
            ):
                groups.append((p.text(k + 1, ph.first - 2), []))
        ids = [x for x in p.ids(ph) if x not in owner.ids]
        if all(kinds.get(x) in ("region", "sea", "bloc") for x in ids):
            groups.append((p.text(ph.first, ph.last), list(ids)))  # a named region opens a group
            continue
        groups[-1][1].extend(x for x in ids if x not in groups[-1][1])
    hits = []
    for label, members in groups:
        countries = [m for m in members if kinds.get(m) not in ("region", "sea", "bloc")]
        members = countries or members
        if members:
            hits.append(Hit("influence", owner.ids, (), cue, i, members=tuple(members), extra={"label": label}))
    return hits


def _noun_before(p: Parse, i: int, words: set[str], limit: int) -> int:
    for j in range(i - 1, max(0, i - limit) - 1, -1):
        if p.low[j] in words:
            return j
    return -1


def thank_for(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    v = i + n - 1
    if _noun_after(p, v, {"support", "help", "aid", "assistance", "backing", "solidarity"}, 8) < 0:
        return []
    return _hit(cue, i, p.object(v), p.subject(v))


def use_maker(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """ "Y fired X-made missiles", "the use of Iranian drones by Y": maker → user."""
    v = i + n - 1
    c = p.clause(v)
    user = p.pp(v, ("by",), limit=14) if cue.pos == "noun" or p.passive(v) else p.subject(v)
    if user is None:
        return []
    s, e = (v + 1, c.last) if not p.passive(v) else (c.first, i - 1)
    maker = _maker_in(p, s, e, user.ids, item_head=True)
    if maker is None:
        return []
    if (
        maker.np >= 0
        and not p.phrases[maker.np].head
        and not (p.phrases[maker.np].last + 2 < len(p.low) and p.low[p.phrases[maker.np].last + 1] == "-")
    ):
        return []
    text = p.text(s, e)
    if not item_phrases(text):
        return []
    return [Hit("transfer", maker.ids, user.ids, cue, i, item_text=text)]


def arrive_maker(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """ "ITEM from X arrived in Y", "India's Pinaka launchers reached Armenia"."""
    v = i + n - 1
    c = p.clause(v)
    dest = p.pp(v, ("in", "at", "to"), limit=8) or p.object(v)
    if dest is None:
        return []
    src = None
    for pi, ph in enumerate(p.phrases):
        if c.first <= ph.first < i and ph.prep == "from":
            src = p.side(pi)
    if src is None:
        src = _maker_in(p, c.first, i - 1, dest.ids)
    if src is None:
        return []
    text = p.text(c.first, i - 1)
    if not item_phrases(text):
        return []
    return [Hit("transfer", src.ids, dest.ids, cue, i, item_text=text)]


def participants(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """ "joint drills held by A and B", "A and B held joint exercises": every pair of the participants."""
    v = i + n - 1
    before = cue.opt("after_words")
    if before and not any(w in before for w in p.low[max(0, i - 4) : i]):
        return []
    by = p.pp(v, ("by", "between", "with", "among"), limit=10)
    subj = p.subject(i)
    ids: tuple[str, ...] = ()
    if by is not None and by.np >= 0 and p.phrases[by.np].prep in ("between", "among"):
        subj = None  # "the conflict between A and B": the pair, not the clause's subject
    if by is not None and len(by.ids) > 1:
        ids = by.ids
    elif by is not None and subj is not None:
        ids = tuple(dict.fromkeys(subj.ids + by.ids))
    elif subj is not None and len(subj.ids) > 1:
        ids = subj.ids
    if len(ids) < 2 and subj is not None and cue.opt("host_support"):
        where = p.pp(v, ("in",), limit=4)
        if where is not None and not set(where.ids) & set(subj.ids):
            return _hit(cue, i, subj, where, kind="support")  # "the US led military exercises in Guyana"
    return _pairs(cue, i, ids) if len(ids) > 1 else []


def invite(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """ "Armenia invited US troops", "Mali invited Russian instructors to Bamako": the troops' state backs the host."""
    v = i + n - 1
    j = _noun_after(p, v, set(cue.opt("needs", [])), 5)
    if j < 0:
        return []
    owner = _possessor(p, j)
    host = p.pp(j, ("to", "into"), limit=3) or p.subject(v)
    return _hit(cue, i, owner, host)


def package_for(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """ "X announced a $1.1-billion arms package for Taiwan": the subject supplies the phrase after "for"."""
    v = i + n - 1
    tgt = p.pp(v, ("for", "to"), limit=3)
    src = p.subject(i, exclude=frozenset(tgt.ids) if tgt else frozenset(), first=True)
    k = i - 1
    while k > 0 and i - k <= 4 and p.low[k] not in ("a", "an", "the", ","):
        k -= 1
    text = p.text(k + 1, v)
    if tgt is None or src is None or not item_phrases(text):
        return []
    return [Hit("transfer", src.ids, tgt.ids, cue, i, item_text=text)]


def continued_deal(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """ "The deal also includes 100 Sidewinder missiles", "Taiwan will also spend $355 million on 60 Harpoon
    missiles": more items of the transfer the previous sentences told, between the same two sides."""
    v = i + n - 1
    last = p.context.transfer
    if not last or not last[0] or not last[1]:
        return []
    c = p.clause(v)
    if cue.opt("buyer"):
        buyer = p.subject(i)
        if buyer is None or last[1] not in buyer.ids:
            return []
        on = p.find("on", v + 1)
        if on < 0 or on > c.last:
            return []
        text = p.text(on + 1, _cut_item(p, on + 1, c.last))
    else:
        nouns = set(cue.opt("needs", []))
        if not any(w in nouns for w in p.low[max(c.first, i - 4) : i]):
            return []
        text = p.text(v + 1, _cut_item(p, v + 1, c.last))
    if not item_phrases(text) or (
        p.phrases and any(c.first <= ph.first <= c.last and not set(p.ids(ph)) <= set(last) for ph in p.phrases)
    ):
        return []
    return [Hit("transfer", (last[0],), (last[1],), cue, i, item_text=text)]


FRAME_FUNCTIONS: dict[str, Frame] = {
    "agent-patient": agent_patient,
    "give": give,
    "get": get,
    "between": between,
    "possessor": possessor,
    "compound": compound,
    "subject-noun": subject_noun,
    "relational": relational,
    "compound-adjective": compound_adjective,
    "presence": presence,
    "thank-for": thank_for,
    "use-maker": use_maker,
    "arrive-maker": arrive_maker,
    "participants": participants,
    "deal": deal,
    "package-for": package_for,
    "continued-deal": continued_deal,
    "invite": invite,
}
