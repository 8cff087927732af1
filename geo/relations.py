"""Relations between actors in one sentence, from the cue table and a light clause analysis.

The rules are data: ``geo/data/cues.toml`` lists each cue (its kind, its
trigger words, the clause frame that fills its source and target, and the
example sentences it must handle), and :mod:`geo.cuetable` compiles it. This
module is the engine that reads the table:

1. A sentence whose words trigger no cue is skipped at once.
2. Otherwise :func:`geo.clauses.parse` analyses it: actor phrases
   (coordinated, possessive, governed by a preposition), clauses, and the
   subject, object and to/from/with/by phrases of each word.
3. For each trigger, the entry's frame (:mod:`geo.frames`) names the
   source and target; a trigger that is negated ("did not supply"), denied,
   in an if-clause or a question gives nothing.
4. Transfers get their items, quantities, stage and date (:mod:`geo.items`, :mod:`geo.stages`).

Examples
--------
>>> s = "Turkey sold 12 Bayraktar TB2 drones to Ukraine last year."
>>> anchors = [Anchor(0, 6, "TR", "name"), Anchor(39, 46, "UA", "name")]
>>> [(f.kind, f.source, f.target, f.item, f.quantity, f.status) for f in find_relations(s, anchors)]
[('transfer', 'TR', 'UA', 'Bayraktar TB2 drones', 12, 'delivered')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from geo.anaphors import office_states, service_states
from geo.clauses import Anchor, Context, Parse, parse
from geo.cue_checks import checked_sides, cue_asserted, cue_fits, in_name
from geo.cuetable import load_cues
from geo.data.wordlists import BLOCS_ACTING_AS_ONE, ENTITIES_AS_SIDES
from geo.findings import Finding, group_partnership, own_army, split_actor, with_actors
from geo.frames import FRAME_FUNCTIONS, Hit
from geo.gate import counted_group, worth_parsing
from geo.items import date, item_phrases, money_sum, parse_quantity
from geo.slots import state_of
from geo.stages import stage_after, status
from geo.word_use import after_helped_object, auxiliary_use, noun_use, use_matters

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

__all__ = ["Anchor", "Context", "Finding", "carry", "find_relations", "parse_quantity"]

# anchors that may be a side of a relation: actors, and places that can be fought over or backed
_ENDPOINT_KINDS = frozenset({"country", "disputed", "region", "admin1", "bloc", "other"})


def find_relations(
    sentence: str, anchors: Sequence[Anchor], *, context: Context | Sequence[str] | None = None
) -> list[Finding]:
    """Relations stated in one sentence.

    Parameters
    ----------
    sentence : str
        The sentence text.
    anchors : sequence of Anchor
        Actor mentions inside it (offsets relative to ``sentence``).
    context : Context, optional
        What earlier sentences leave for "it", "they", "the two countries" (a list of ids: their subjects).

    Returns
    -------
    list of Finding
        Each finding names the cue table entry that gave it in ``cue``.
    """
    table = load_cues()
    if context is not None and not isinstance(context, Context):
        ids = list(dict.fromkeys(context))
        context = Context(subjects=ids, actors=ids, pair=(ids[-2], ids[-1]) if len(ids) >= 2 else None)
    low = sentence.lower()
    words = {w.strip(".,;:!?()\"'“”") for w in low.replace("’", "'").split()}
    words |= {w[:-2] for w in words if w.endswith("'s")}  # "the government's backer": the word itself
    # a sentence whose cue words all need a noun it does not hold ("has", "keeps" without troops or a pact)
    tokens = words | set(_WORD.findall(low))
    no_cue = "-" not in sentence and not table.may_fire(tokens, low.replace("’", "'"))
    if (no_cue or not worth_parsing(anchors, words, context, sentence)) and not counted_group(words):
        if context is not None:
            carry(context, anchors, sentence=sentence)
        return []
    p = parse(sentence, anchors, context, table.verb_forms)
    findings = _run(p, table)
    if context is not None:
        carry(context, anchors, p, sentence)
        transfers = [f for f in findings if f.kind == "transfer"]
        if transfers:
            context.transfer = (transfers[-1].source, transfers[-1].target or "")
            context.item = transfers[-1].item or context.item
            for t in transfers:
                context.suppliers[t.source] = context.suppliers.get(t.source, 0) + 1
        hostile = [f for f in findings if f.kind == "conflict" and f.target and not f.extra.get("background")]
        if hostile:
            context.foe = hostile[-1].target or ""
        backing = [f for f in findings if f.kind == "support" and f.target]
        if backing:
            context.backed = backing[-1].target or ""
        # who carried out the last attack the story told ("support to the strikes", "criticising the raid")
        attacks = [f for f in findings if f.kind == "conflict" and f.extra.get("physical")]
        if attacks:
            first = attacks[0].cue
            context.conflict = tuple(dict.fromkeys(f.source for f in attacks if f.cue == first))
    return findings


def _run(p: Parse, table) -> list[Finding]:
    hits: list[Hit] = []
    for i in [k for k, w in enumerate(p.low) if w in table.first_words]:  # the words that may open a cue
        if p.low[i] == "back" and i > 0 and p.g.has("particle_back_verbs", p.low[i - 1]):
            continue  # "to scale back its bases": a particle, not backing
        cues = table.at(p.low, i)
        if not cues or in_name(p, i):
            continue  # the first word of a longer trigger only; "JF-17 Thunder Block III" names a jet
        after_verb_word = i > 0 and (
            p.low[i - 1] == "to" or p.g.has("auxiliaries", p.low[i - 1]) or after_helped_object(p, i)
        )
        as_noun = use_matters(cues, after_verb_word) and (noun_use(p, i) or auxiliary_use(p, i))
        as_verb = after_verb_word and not as_noun
        for n, cue in cues:
            if not cue_fits(p, i, n, cue, as_noun, as_verb):
                continue
            found = FRAME_FUNCTIONS[cue.frame](p, i, n, cue)
            if found and not cue_asserted(p, i, cue):
                continue  # negated, hedged or hypothetical: asked only when the frame found something
            if cue.opt("reverse"):
                for h in found:
                    h.source, h.target = h.target, h.source
            hits += checked_sides(p, found)
    hits += _as_did(p, hits)
    out = _named_pairs(p)
    for f in _expand_blocs(p, _findings(p, hits)):
        g = own_army(group_partnership(with_actors(f)))
        if g.kind != "influence" and (g.source == g.target and g.source_actor == g.target_actor):
            continue
        if g.kind == "influence":
            g = Finding(
                g.kind,
                g.source,
                None,
                g.cue,
                members=tuple(dict.fromkeys(split_actor(m)[0] for m in g.members)),
                label=g.label,
                confidence=g.confidence,
                source_actor=g.source_actor,
            )
        out.append(g)
    return out


_ELLIPSIS_AUXILIARIES = frozenset({"did", "does", "do", "has", "have", "had", "will", "would"})


def _as_did(p: Parse, hits: list[Hit]) -> list[Hit]:
    """A clause that ends ", as did B" repeats its deed with B in its subject's place.

    "Erdogan expressed solidarity with Pakistan, as did Azerbaijan's president", "Austria sent soldiers,
    as did Italy and Romania", "... have channelled money through the mechanism, as has Iceland".
    """
    out: list[Hit] = []
    for k in range(1, len(p.low) - 2):
        pi = p.phrase_at[k + 2]
        if p.low[k - 1 : k + 1] != [",", "as"] or p.low[k + 1] not in _ELLIPSIS_AUXILIARIES or pi < 0:
            continue
        ph = p.phrases[pi]
        if ph.first != k + 2 or ph.prep or (ph.last + 1 < len(p.low) and p.low[ph.last + 1] not in (".", ",", ";")):
            continue  # "as did Italy." or "as did Italy, ...": the phrase is the whole of the ellipsis
        also = p.ids(ph)
        for h in hits:
            doer = p.subject(h.at) if h.at < k and p.clause_of[h.at] == p.clause_of[k - 1] else None
            if doer is None or not set(doer.ids) & set(h.source + h.target) or set(also) & set(h.source + h.target):
                continue
            source = also if set(doer.ids) & set(h.source) else h.source
            target = also if source is h.source else h.target
            out.append(replace(h, source=source, target=target, extra=dict(h.extra)))
    return out


def _named_pairs(p: Parse) -> list[Finding]:
    """The countries an anaphor groups are allies or rivals: "the three allies said", "the two rivals"."""
    out = []
    for a in p.anchors:
        if a.how != "anaphor" or "|" not in a.id:
            continue
        noun = p.sentence[a.start : a.end].lower().split()[-1]
        kind = "alliance" if p.g.has("allied_nouns", noun) else "conflict" if p.g.has("rival_nouns", noun) else ""
        ids = a.id.split("|")
        cue = f"cue group-noun '{noun}'"
        out += [Finding(kind, x, y, cue, confidence=0.6) for k, x in enumerate(ids) for y in ids[k + 1 :] if kind]
    return out


def _count_mentions(context: Context, anchors: Sequence[Anchor]) -> None:
    """How often the story names each state: by name, demonym or capital, and by its towns."""
    for a in anchors:
        if a.kind == "country" and a.how not in ("anaphor", "company"):
            state = a.id  # a firm named as a maker does not make its state the story's
        elif a.how == "place" and a.kind in ("city", "admin1"):
            state = state_of(a.id)  # a story told from a state's towns is that state's too ("keel laid in Cartagena")
            if state == a.id:
                continue  # a town the gazetteer puts in no state
        else:
            continue
        context.mentions[state] = context.mentions.get(state, 0) + 1


def carry(context: Context, anchors: Sequence[Anchor], p: Parse | None = None, sentence: str = "") -> None:
    """What a sentence leaves for the next sentences' pronouns: its subject, its pair, its plural actor.

    Called by :func:`find_relations` after each sentence (before the next one is read).
    """
    areas = [a.id for a in anchors if a.kind == "disputed" and a.how != "anaphor"]
    if areas:
        context.areas = [x for x in context.areas if x not in areas][-4:] + list(dict.fromkeys(areas))
    actors = [a for a in anchors if a.how != "place" or a.kind == "country"]
    ids = list(dict.fromkeys(a.id for a in actors))
    if not ids:
        return
    for state in service_states(sentence, actors):
        context.services[state] = context.services.pop(state, 0) + 1  # re-inserted: the latest last
    context.office = next(reversed(office_states(sentence, actors)), context.office)
    subject: tuple[str, ...] = (ids[0],)
    if p is not None:
        main = p.main_subject(len(p.tokens))
        if main:
            subject = main
        elif context.subjects and p.low and p.low[0] in ("it", "they", "he", "she"):
            subject = (context.subjects[-1],)  # "It signed a contract with France": still the story's subject
    context.subjects = ([*context.subjects, subject[0]])[-6:]
    countries = [a.id for a in actors if a.kind == "country" and a.how != "anaphor"]
    context.previous = tuple(dict.fromkeys(countries))
    context.previous_named = tuple(dict.fromkeys(a.id for a in actors if a.kind == "country" and a.how == "name"))
    context.first = context.first or (countries[0] if countries else "")
    _count_mentions(context, anchors)
    context.actors = [x for x in context.actors if x not in countries] + list(dict.fromkeys(countries))
    if len(ids) >= 2:
        context.pair = (ids[0], ids[1])
    if p is not None:
        lists = [p.ids(ph) for ph in p.phrases if len(ph.anchors) > 1 and len(set(p.ids(ph))) > 1]
        kinds = {a.id: a.kind for a in actors}
        lists = [ids for ids in lists if all(kinds.get(x) == "country" for x in ids)]
        if lists:
            context.listed = tuple(dict.fromkeys(lists[-1]))
    groups = [a.id for a in actors if a.how == "group"]
    if len(subject) > 1:
        context.plural = subject
    elif groups:
        context.plural = (groups[-1],)
    context.company = next((a.id for a in reversed(actors) if a.how == "company"), context.company)
    leaders = [a.id for a in actors if a.how == "leader"]
    if leaders:
        context.leader = leaders[-1]
        context.leaders = tuple(dict.fromkeys([x for x in context.leaders if x not in leaders] + leaders))[-2:]


# a bloc this small is drawn as its members ("China condemned AUKUS" is about the three states)
_SMALL_BLOC = 5


def _named_with(p: Parse, bloc: str) -> set[str]:
    """Countries named in the bloc's own phrase or the one right after it ("NATO members Poland and Romania")."""
    out: set[str] = set()
    for pi, ph in enumerate(p.phrases):
        if bloc not in p.ids(ph):
            continue
        out |= {i for i in p.ids(ph) if i != bloc}
        nxt = p.phrases[pi + 1] if pi + 1 < len(p.phrases) else None
        if nxt is not None and nxt.first <= ph.last + 3 and not nxt.prep:
            out |= set(p.ids(nxt))
    return out


def _expand_blocs(p: Parse, findings: list[Finding]) -> list[Finding]:
    """Blocs as endpoints become their members: a small bloc always, a large one where its phrase names them.

    A large bloc whose members the sentence does not name ("declined a NATO grant", "a complaint
    with the UN Security Council") is no side of a relation: the map has no one place to draw it.
    The blocs that act as one party (``geo/data/words/blocs_acting_as_one.txt``: the EU) remain.
    """
    blocs = {a.id for a in p.anchors if a.kind == "bloc"}
    if not blocs or not findings:
        return findings
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    members: dict[str, tuple[str, ...]] = {}
    for b in blocs:
        entry = gaz.get(b)
        if entry is None:
            continue
        named = _named_with(p, b)
        listed = tuple(m for m in entry.members if m in named)
        if len(entry.members) <= _SMALL_BLOC:
            members[b] = tuple(entry.members)
        elif listed:
            members[b] = listed
    out: list[Finding] = []
    seen: set[tuple] = set()
    unnamed = blocs - set(members) - BLOCS_ACTING_AS_ONE  # a large bloc with no member named is no endpoint
    for f in findings:
        if f.source in unnamed or f.target in unnamed:
            continue
        if f.members and set(f.members) & unnamed:
            f = replace(f, members=tuple(m for m in f.members if m not in unnamed))
            if not f.members:
                continue
        sources = members.get(f.source, (f.source,))
        targets = members.get(f.target, (f.target,)) if f.target else (None,)
        for s in sources:
            for t in targets:
                if s == t or (f.kind == "conflict" and _own_bloc(gaz, s, t or "")):
                    continue  # "Hungary blocked EU-wide measures": a quarrel inside a bloc, no side against it
                g = Finding(
                    f.kind, s, t, f.cue, f.item, f.quantity, f.status, f.date, f.members, f.label, f.confidence, f.extra
                )
                key = (g.kind, s, t, g.item, g.members)
                if key not in seen:
                    seen.add(key)
                    out.append(g)
    return out


def _own_bloc(gaz: Gazetteer, a: str, b: str) -> bool:
    """Whether one of a and b is a bloc the other belongs to."""
    for bloc, other in ((a, b), (b, a)):
        entry = gaz.get(bloc) if bloc.startswith("bloc:") else None
        if entry is not None and other in entry.members:
            return True
    return False


def _ok(p: Parse, ident: str, kind: str, physical: bool = False) -> bool:
    """Whether an id may be a side of a relation of this kind: any of its mentions in the sentence will do."""
    seen = False
    for a in p.anchors:
        if a.id != ident:
            continue
        seen = True
        if kind == "influence" or (kind == "transfer" and a.kind == "city"):
            return True  # "drones had arrived at Niamey": a transfer to the town's state
        if a.kind in ("region", "admin1", "other") and kind != "transfer" and a.id not in ENTITIES_AS_SIDES:
            continue  # "a threat to peace in Latin America", "Florida's senator": no side of a relation
        if a.how == "capital-place" and (kind == "influence" or (kind == "conflict" and physical)):
            continue  # "the army retook Khartoum": a city fought over, not its state
        if a.how != "place" or a.kind in _ENDPOINT_KINDS:
            return True
    return not seen  # from context: it was an actor there


# places whose holder a sphere at home leaves out: a state's bases at home are no sway
_HELD = ("disputed:", "city:", "admin1:", "other:")


def _struck_state(p: Parse, source: str, target: str) -> str | None:
    """The state a blow on a place hits ("bombed Aleppo", "struck targets near Asmara": Syria), or None.

    None when the target is no place, or a place of the attacker's own state ("the army
    retook Khartoum"): :func:`_ok` judges those.
    """
    home = state_of(target, ("city:", "admin1:", "other:"))
    if home == target and not any(a.id == target and a.how == "capital-place" for a in p.anchors):
        return None
    if home == source.split("@")[0] or len(home) != 2 or not home.isupper():
        return None
    return home


def _unbroken(hits: list[Hit]) -> list[Hit]:
    """Drop alliances between sides whose ties the sentence says end or worsen.

    An agreement broken off ("scrapped its accord with France") is not an alliance, nor are ties
    said to worsen ("ties between A and B deteriorated").
    """
    ending = [h for h in hits if h.cue.opt("ends_ties")]
    broken = {frozenset((s, t)) for h in ending for s in h.source for t in h.target}
    broken |= {frozenset(pair) for h in ending if h.symmetric for pair in [(h.source[0], h.target[0])]}
    if not broken:
        return hits
    return [h for h in hits if not (h.kind == "alliance" and frozenset((h.source[0], h.target[0])) in broken)]


_PLACES = ("city:", "admin1:", "other:")  # a place stands for its state when two readings are compared


def _one_reading(hits: list[Hit]) -> list[Hit]:
    """One word, one reading: a verb that gives an item sends no troops, troops in a mission are no footprint.

    "will send 19 F-16 fighter jets to X" is a transfer only.

    The troop reading of "send" and "deploy" yields when the same verb, between the same sides, hands over
    an item named by the troop word itself ("jets", "fighters"); the backing reading of "financed" yields
    to the work it paid for ("a pier, all financed by a Chinese grant").
    """
    # "75 Guatemalan soldiers arrived in Haiti to join the mission": a troop word that backs the host is no footprint
    backing = {(h.at, s) for h in hits if h.kind == "support" and h.cue.opt("needs") for s in h.source}
    if backing:
        hits = [h for h in hits if not (h.kind == "influence" and any((h.at, s) in backing for s in h.source))]
    given: dict[tuple[int, str, str], set[str]] = {}
    paid = {
        (h.at, s, state_of(t, _PLACES)) for h in hits if h.cue.id == "fund-works" for s in h.source for t in h.target
    }
    hits = [
        h
        for h in hits
        if h.kind != "support" or not {(h.at, s, state_of(t, _PLACES)) for s in h.source for t in h.target} & paid
    ]
    for h in hits:
        if h.kind == "transfer":
            named = {w for item, _ in item_phrases(h.item_text) for w in item.lower().split()}
            for s in h.source:
                for t in h.target:
                    given.setdefault((h.at, s, t), set()).update(named)
    if not given:
        return hits
    return [
        h
        for h in hits
        if not (
            h.kind == "support"
            and h.cue.opt("needs")
            and any(
                not given.get((h.at, s, t), set()).isdisjoint(h.cue.opt("needs")) for s in h.source for t in h.target
            )
        )
    ]


_WORD = re.compile(r"\w+")

# a town, a province or an airfield stands for its state in a sphere ("US crews at Karup": Denmark)
_SITES = ("city:", "admin1:", "other:airfield-")


def _continent(ident: str) -> bool:
    """A region the size of a continent ("the only American base in Africa"): no one's sphere."""
    if not ident.startswith("region:"):
        return False
    from geo.gazetteer import load_gazetteer

    entry = load_gazetteer().get(ident)
    return entry is not None and entry.area_km2 > _CONTINENT_KM2


_CONTINENT_KM2 = 8_000_000


def _influence(p: Parse, h: Hit, cue: str, seen: set[tuple], waters: set[str]) -> list[Finding]:
    """A sphere's findings: one per holder, over the countries it holds (a city stands for its own)."""
    # "a base in the city of Gyumri"; a verb frame's target is the sphere: "X controls Y's main port"
    held = h.members or h.target
    members = tuple(dict.fromkeys(state_of(m, _SITES) for m in held if m not in h.source and not _continent(m)))
    # "an airfield at Dzhankoi in Crimea": the disputed area named is where, not the whole state
    within = {st for m in members if m.startswith("disputed:") and (st := state_of(m, ("disputed:",))) != m}
    members = tuple(m for m in members if not (m in within and any(x.startswith(_SITES) for x in held)))
    out = []
    for s in h.source:
        home = s.split("@", 1)[0]  # an armed group's home state ("the Houthis control Yemen's capital")
        held = _HELD[1:] if h.cue.id == "control" else _HELD  # a disputed area its holder controls is its sway
        members = tuple(m for m in members if state_of(m, held) != home)  # bases at home are no sway
        key: tuple = ("influence", s, members)
        if members and key not in seen and s not in waters:
            seen.add(key)
            label = h.extra.get("label", "")
            out.append(Finding("influence", s, None, cue, members=members, label=label, confidence=0.6))
    return out


def _item_words(h: Hit) -> set[str]:
    return {w for w in h.item_text.lower().replace(",", " ").split() if len(w) > 3 and w.isalpha()}


def _findings(p: Parse, hits: list[Hit]) -> list[Finding]:
    hits = _one_reading(_unbroken(hits))
    # a giver's recipient guessed from the story (or named by no one in the sentence) yields to one the
    # sentence names for the same giver and item
    told = {a.id for a in p.anchors}
    guessed = [h.kind == "transfer" and (bool(h.extra.get("guessed")) or not set(h.target) & told) for h in hits]
    named = [(h.source, _item_words(h)) for h, g in zip(hits, guessed, strict=True) if h.kind == "transfer" and not g]
    hits = [
        h
        for h, g in zip(hits, guessed, strict=True)
        if not (g and any(s == h.source and w & _item_words(h) for s, w in named))
    ]
    out: list[Finding] = []
    seen: set[tuple] = set()
    statements: dict[tuple, int] = {}  # key -> index in out of a relation stated by a verb or noun
    waters = {a.id for a in p.anchors if a.kind in ("sea", "strait")}
    for h in hits:
        cue = f"cue {h.cue.id} '{p.low[h.at]}'"
        if h.kind == "influence":
            out += _influence(p, h, cue, seen, waters)
            continue
        for s in map(_region_state, h.source):
            for t in map(_region_state, h.target):
                if (h.kind == "support" and h.cue.frame == "presence") or h.cue.opt("to_state"):
                    # "police officers based in Honiara": backing for the Solomon Islands; "recalled its
                    # ambassador from Madrid": an envoy's post stands for its state
                    t = state_of(t)
                if (
                    s == t
                    or not s
                    or not t
                    or {s, t} & waters
                    or state_of(s) == state_of(t)
                    or "sea:" in (s[:4], t[:4])
                ):
                    continue  # "Apure" against Venezuela: a state's own province is no other side
                physical = p.g.has("physical_attacks", p.low[h.at])
                struck = _struck_state(p, s, t) if h.kind == "conflict" and physical else None
                if not (_ok(p, s, h.kind, physical) and (struck or _ok(p, t, h.kind, physical))):
                    continue
                t = struck or t
                if h.kind == "transfer":
                    # "patrol boats delivered to Cabo Delgado": a state supplies a state; no region sells or buys
                    ends = ("city:", "admin1:", "other:")
                    src, dst = state_of(s, ends), state_of(t, ends)
                    if src != dst and not {src[:4], dst[:4]} & {"regi", "othe", "sea:"}:
                        out += _transfers(p, h, src, dst, cue, seen)
                    continue
                key = (h.kind, *sorted((s, t))) if h.kind in ("alliance", "conflict") else (h.kind, s, t)
                extra = {"physical": True} if physical or p.g.has("hostile_nouns", p.low[h.at]) else {}
                extra = {"background": True} if h.extra.get("background") else extra
                if key in seen:
                    if extra and key in statements and not out[statements[key]].extra:
                        # "broke off ties with Y after Y's police stormed X's embassy": the attack tells who acted
                        out[statements[key]] = Finding(h.kind, s, t, cue, confidence=0.7, extra=extra)
                    continue
                seen.add(key)
                statements[key] = len(out)
                out.append(Finding(h.kind, s, t, cue, confidence=0.7, extra=extra))
    return out


def _region_state(ident: str) -> str:
    """A province or region of one state stands for it as a side ("Kenya backs Jubaland": Somalia)."""
    if ident.startswith("other:") and not ident.startswith(("other:feature-", "other:airfield-")):
        return ident if ident in ENTITIES_AS_SIDES else state_of(ident, ("other:",))
    return ident


def _transfers(p: Parse, h: Hit, s: str, t: str, cue: str, seen: set[tuple]) -> list[Finding]:
    out = []
    c = p.clause(h.at)
    # the stage is told around the cue: its clause (and the one before, for "X said it will ..."), up to
    # a few words past it, never a later remark ("..., a move China has repeatedly criticised")
    ci = p.clause_of[h.at]
    prev = p.clauses[ci - 1] if ci > 0 else c
    first = c.first
    own_subject = any(c.first <= ph.first < h.at and not ph.prep for ph in p.phrases)
    if c.kind == "content" or (
        c.first > 0 and not own_subject and c.kind != "reduced" and prev.kind not in ("rel", "reduced", "paren", "part")
    ):
        first = prev.first  # "X said it will ...", "X signed a deal in 2020 and has delivered ...": one subject
    elif prev.kind in ("rel", "reduced", "paren", "part") and c.parent >= 0:
        first = p.clauses[c.parent].first  # its subject, past an aside
    window = p.text(0 if p.low[0] == "under" else first, min(c.last, h.at + 12))  # "Under a contract signed ..."
    st = status(window, p.low[h.at])
    if (st == "unknown" or h.cue.opt("owned") or h.extra.get("done")) and h.cue.opt("stage"):
        st = h.cue.opt("stage")  # "the Houthis fired Iranian-made missiles", "its fleet of ...", "launched": delivered
    # "ordered 24 jets, but the deal stalled", "..., the bulk of which have since been delivered": told after it
    st = stage_after(p.text(h.at, len(p.low) - 1)) or st
    # a work paid for is its own item ("the expansion of the port"); "arms the rebels": the cue's own item
    whole = [(h.item_text or h.cue.opt("item"), None)] if h.cue.opt("whole_item") else []
    money = money_sum(h.item_text)  # "lent $1 billion to Kenya": the sum is the item
    pieces = item_phrases(h.item_text) or whole or ([(money, None)] if money else [])
    for item, qty in pieces:
        key = ("transfer", s, t, item.lower())
        words = set(item.lower().split())
        if key in seen or any(k[:3] == key[:3] and words and words <= set(k[3].split()) for k in seen):
            continue  # "provided two patrol boats ... under a grant": the grant's "boats" are the same
        seen.add(key)
        out.append(
            Finding(
                "transfer", s, t, cue, item=item or None, quantity=qty, status=st, date=date(p.sentence), confidence=0.7
            )
        )
    return out
