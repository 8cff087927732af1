"""Extraction: article text → a Scene of places, actors and relations.

:func:`extract` is a short chain of named steps over one Scene-in-progress
(:class:`Draft`); each step says what it reads and what it adds:

1. :func:`split_step` reads the documents' text, adds sentence spans.
2. :func:`mention_step` reads the text, adds mentions matched against the
   gazetteer and the actor table (:mod:`geo.mentions`).
3. :func:`resolve_step` reads the mentions, adds one reading each: place or
   actor, which place (:mod:`geo.resolve`).
4. :func:`relation_step` reads the sentences and the actor readings, adds
   relation findings with their evidence sentence (:mod:`geo.relations`).
5. :func:`merge_step` reads everything, adds the Scene's places (one per id,
   every mention kept) and relations (repeated statements merged, all
   evidence kept).

Examples
--------
>>> from geo.scene import Document
>>> doc = Document("d1", "demo", "Turkey sold 12 Bayraktar TB2 drones to Ukraine in 2020.")
>>> scene = extract([doc])
>>> [p.id for p in scene.places]
['TR', 'UA']
>>> r = scene.relations[0]
>>> (r.kind, r.source, r.target, r.quantity, r.status)
('transfer', 'TR', 'UA', 12, 'delivered')
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from geo.clauses import Context
from geo.gate import transfer_verbs
from geo.items import system_maker
from geo.merger import Merger, split_end
from geo.relations import Anchor, Finding
from geo.resolve import Resolved, country_of_capital, resolve_mentions
from geo.scene import Document, Place, Relation, Scene, Span, place_role
from geo.sentence_memo import relations_in as _relations_in
from geo.sites import named_sites


@dataclass
class Draft:
    """The Scene being built: what each step has added so far."""

    documents: tuple[Document, ...]
    sentences: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    mentions: dict[str, list] = field(default_factory=dict)
    resolved: dict[str, list[Resolved]] = field(default_factory=dict)
    sites: dict[str, list] = field(default_factory=dict)
    findings: list[tuple[Finding, Span]] = field(default_factory=list)


def split_step(draft: Draft) -> None:
    """Reads ``documents``; adds ``sentences`` (character spans per document)."""
    for doc in draft.documents:
        draft.sentences[doc.id] = doc.sentences


def mention_step(draft: Draft) -> None:
    """Reads ``documents``; adds ``mentions`` found with the gazetteer and actor table."""
    from geo.gazetteer import load_gazetteer
    from geo.mentions import find_mentions

    gaz = load_gazetteer()
    for doc in draft.documents:
        draft.mentions[doc.id] = find_mentions(doc.text, gaz)


def resolve_step(draft: Draft) -> None:
    """Reads ``mentions``; adds ``resolved``: one place id and role per kept mention."""
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for doc in draft.documents:
        res = draft.resolved[doc.id] = resolve_mentions(doc.text, draft.mentions[doc.id], gaz)
        mapped = [(r.start, r.end, r.id, r.kind, e.name, e.area_km2) for r in res if (e := gaz.get(r.id)) is not None]
        draft.sites[doc.id] = named_sites(doc.text, mapped)  # "Sultan Hasanuddin Air Base in Makassar"


# seas and straits are anchors for spheres of influence only ("its influence in the Indian
# Ocean"); geo.relations drops any other relation that would end in one
_ANCHOR_KINDS = frozenset({"country", "disputed", "region", "admin1", "bloc", "other", "sea", "strait", "city"})


def relation_step(draft: Draft) -> None:
    """Reads ``sentences`` and ``resolved``; adds ``findings`` with their evidence sentence.

    Each document carries a :class:`~geo.clauses.Context` from sentence to
    sentence, so that "it", "they" and "the two countries" reach back.
    """
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    memo: dict = {}
    for doc in draft.documents:
        res = draft.resolved[doc.id]
        k = 0
        context = Context()
        memo["long"] = len(doc.text) > _LONG_TEXT  # a long paste repeats itself: remember from the first reading
        home = _dateline_state(draft, doc.id, gaz)
        if home:
            context.mentions[home] = _DATELINE_WEIGHT  # "PORT SUDAN - ... the government": the story's home
        for s, e in draft.sentences[doc.id]:
            while k < len(res) and res[k].start < s:
                k += 1
            inside: list[Resolved] = []
            j = k
            while j < len(res) and res[j].end <= e:
                inside.append(res[j])
                j += 1
            anchors = [_anchor(r, s, doc.text, gaz) for r in inside if r.kind in _ANCHOR_KINDS or r.how == "capital"]
            sentence = doc.text[s:e]
            evidence = Span(doc.id, s, e, sentence)
            context.topic = paragraph_topic(doc.text, s, sentence, context.topic)
            for f in _relations_in(sentence, anchors, context, memo):
                draft.findings.append((f, evidence))


# a paragraph's label: a bullet, then a few words before a full stop or colon ("- HIMARS. Eleven of the ...")
_LABEL = re.compile(r"[-–—•*]*\s*\**\s*([A-Z0-9][^.:!?\n]{0,40}?)\s*\**\s*[.:](?:\s|$)")


def paragraph_topic(text: str, s: int, sentence: str, topic: str) -> str:
    """The weapon system a paragraph's label names, for the sentences of that paragraph.

    A sentence that opens a line starts a paragraph: its label ("- M1A2T Abrams.", "- Pinaka multiple rocket
    launchers: delivered in 2023") is the topic when it is at most five words naming a known system;
    else the paragraph has none. A sentence inside a paragraph keeps its paragraph's topic.
    """
    k = s
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k > 0 and text[k - 1] != "\n":
        return topic  # inside a paragraph (only the blanks before it are read: a 2 MB line stays linear)
    m = _LABEL.match(sentence)
    label = m.group(1).strip() if m else ""
    if not label or len(label.split()) > 5 or not system_maker(label):
        return ""
    words = set(label.lower().split())
    # a label with a verb of giving, getting or arriving is a sentence: "Patriots arrived."
    return "" if words & transfer_verbs() or any(w.endswith("ed") for w in words) else label


_ARMY = re.compile(r"\s*(?:['’]s\s+)?(?:army|armed forces|military|troops|forces)\b", re.I)


def _anchor(r: Resolved, s: int, text: str, gaz) -> Anchor:
    """The relation anchor of a mention.

    A capital read as a place still names its state for relations
    ("providing Pyongyang with oil"), while the map keeps the city.
    """
    if r.role != "actor" and (r.how == "capital" or r.kind == "city"):
        entry = gaz.get(r.id)
        iso = (entry.iso if r.how == "capital" else country_of_capital(gaz, entry)) if entry is not None else None
        if iso:
            return Anchor(r.start - s, r.end - s, iso, "capital-place", "country")
    return Anchor(r.start - s, r.end - s, _actor_id(r, text), r.how if r.role == "actor" else "place", r.kind)


def _actor_id(r: Resolved, text: str) -> str:
    """The anchor id of a mention: its place id, and "@group:…" when it names a non-state side."""
    from geo.actors import load_groups

    groups = load_groups()
    group = groups.group_for(r.text)
    if group is None and r.kind == "country" and _ARMY.match(text, r.end, r.end + 20):
        group = groups.army_of(r.id)  # "the Sudanese army" is one side of Sudan's war
    if group is not None and group.iso == r.id:
        return f"{r.id}@{group.id}"
    return r.id


_LONG_TEXT = 100_000  # characters: some thirty times a long news article

# how many mentions a story's dateline place counts for its state, before the first sentence is read
_DATELINE_WEIGHT = 2


def _dateline_state(draft: Draft, doc_id: str, gaz) -> str:
    """The state of the place a story is datelined from ("PORT SUDAN -"), when its lead names it again.

    A correspondent often files from a neighbour's capital ("BANGKOK - Myanmar's junta ..."): a
    dateline whose state the lead does not name again is only where the story was written.
    """
    starts = {m.start for m in draft.mentions.get(doc_id, ()) if m.dateline}
    resolved = draft.resolved.get(doc_id, [])

    def state(r: Resolved) -> str:
        entry = gaz.get(r.id)
        iso = entry.iso if entry is not None else None
        return iso if iso and len(iso) == 2 else ""

    for k, r in enumerate(resolved):
        if r.start in starts:
            home = state(r)
            lead = [x for x in resolved[k + 1 :] if x.start < r.end + _LEAD_CHARS]
            return home if home and any(state(x) == home for x in lead) else ""
    return ""


_LEAD_CHARS = 400  # about a wire story's first sentence or two


def _relation_id(kind: str, source: str, target: str | None, extra: str) -> str:
    digest = hashlib.sha1(f"{kind}|{source}|{target}|{extra}".encode()).hexdigest()[:10]
    return f"rel-{digest}"


def _label(f: Finding, place_names: dict[str, str]) -> str:
    if f.kind == "transfer":
        bits = [b for b in (str(f.quantity) if f.quantity is not None else "", f.status) if b]
        return f"{f.item or 'transfer'} ({', '.join(bits)})"
    if f.kind == "influence":
        return f.label or ", ".join(place_names.get(m, m) for m in f.members)
    verbs = {"support": "backs", "conflict": "against", "alliance": "with"}
    source, target = _end_name(f.source, f.source_actor, place_names), _end_name(f.target, f.target_actor, place_names)
    return f"{source} {verbs.get(f.kind, f.kind)} {target}"


def _end_name(ident: str | None, actor: str | None, place_names: dict[str, str]) -> str:
    """What a label calls a relation end: the armed group when one is named ("RSF against SAF"), else the place."""
    from geo.actors import load_groups

    group = load_groups().groups.get(actor) if actor else None
    return group.name if group is not None else place_names.get(ident or "", ident or "")


def _places(draft: Draft, gaz, endpoint_ids: set[str]) -> list[Place]:
    """One place per resolved id, every mention kept; then the relation endpoints never mentioned."""
    by_id: dict[str, dict] = {}
    for doc in draft.documents:
        for r in draft.resolved[doc.id]:
            slot = by_id.setdefault(r.id, {"spans": [], "reasons": {}, "roles": set()})
            slot["spans"].append(Span(doc.id, r.start, r.end, r.text))
            slot["reasons"].setdefault(r.reason, None)
            slot["roles"].add(r.role)
    places: list[Place] = []
    for pid, slot in by_id.items():
        entry = gaz.get(pid)
        if entry is None:
            continue
        if entry.kind == "bloc" and pid not in endpoint_ids:
            continue  # blocs are drawn when the text relates them to someone
        places.append(
            gaz.place(
                entry,
                mentions=tuple(slot["spans"]),
                reason="; ".join(list(slot["reasons"])[:4]),
                role=place_role(slot["roles"]),
            )
        )
    places += _site_places(draft, gaz)
    mentioned = {p.id for p in places}
    for pid in sorted(endpoint_ids - mentioned):
        entry = gaz.get(pid)
        if entry is not None:
            places.append(gaz.place(entry, reason="relation endpoint", role="actor"))
    return places


def _site_places(draft: Draft, gaz) -> list[Place]:
    """The named sites the text sets at a mapped place, each drawn at that place's point."""
    out: dict[str, Place] = {}
    for doc in draft.documents:
        for site in draft.sites.get(doc.id, ()):
            anchor = gaz.get(site.anchor_id)
            pid = "site:" + re.sub(r"[^a-z0-9]+", "-", site.name.lower()).strip("-")
            if anchor is None:
                continue
            span = Span(doc.id, site.start, site.end, doc.text[site.start : site.end])
            old = out.get(pid)
            out[pid] = Place(
                pid,
                site.name,
                "other",
                anchor.iso,
                anchor.lat,
                anchor.lon,
                mentions=(*(old.mentions if old else ()), span),
                reason=f"named site, placed at {site.anchor_name} where the text sets it",
                role="place",
            )
    return list(out.values())


def _relation(key: tuple, slot: dict, known: set[str], names: dict[str, str]) -> Relation | None:
    """The Scene relation of one merged slot, or None when an end is not a place of the Scene."""
    f: Finding = slot["finding"]
    if f.source not in known or (f.target and f.target not in known):
        return None
    # no state's sphere over itself; a group's over its own country stays ("Haftar's forces hold the east")
    members = tuple(m for m in f.members if m in known and (m != f.source or f.source_actor))
    if f.kind == "influence" and not members:
        return None
    source, target = f.source, f.target
    source_actor, target_actor = f.source_actor, f.target_actor
    if f.kind in ("alliance",):
        (source, source_actor), (target, target_actor) = split_end(key[1]), split_end(key[2])
    extra = "|".join(f.members) if f.kind == "influence" else "|".join(map(str, key[3:]))
    ends = "|".join(x for x in (source_actor, target_actor) if x)
    transfer = f.kind == "transfer"
    return Relation(
        id=_relation_id(f.kind, source, target, extra + (f"|{ends}" if ends else "")),
        kind=f.kind,  # type: ignore[arg-type]  # a Finding's kind is one of the Scene's relation kinds
        source=source,
        target=target if f.kind != "influence" else None,
        members=members,
        label=_label(f, names),
        item=f.item if transfer else None,
        quantity=f.quantity if transfer else None,
        status=f.status if transfer else "unknown",  # type: ignore[arg-type]
        date=f.date if transfer else None,
        evidence=tuple(slot["evidence"]),
        cue="; ".join(list(slot["cues"])[:3]),
        confidence=round(min(0.95, slot["conf"] + 0.05 * (len(slot["evidence"]) - 1)), 2),
        source_actor=source_actor if f.kind != "influence" else None,
        target_actor=target_actor if f.kind != "influence" else None,
    )


def merge_step(draft: Draft) -> Scene:
    """Reads everything; returns the Scene with merged places and relations."""
    from geo.gazetteer import load_gazetteer

    # relations first, so that blocs and regions used as endpoints become places
    merger = Merger()
    for finding, ev in draft.findings:
        merger.add(finding, ev)
    merger.fold_covered()
    merger.fold_lists()
    places = _places(draft, load_gazetteer(), merger.endpoint_ids())
    names = {p.id: p.name for p in places}
    known = set(names)
    relations: list[Relation] = []
    seen_ids: set[str] = set()
    for key in merger.order:
        if merger.covered(key):
            continue  # "Armenia's largest arms supplier, selling Pinaka launchers": the launchers are the arms
        rel = _relation(key, merger.merged[key], known, names)
        if rel is not None and rel.id not in seen_ids:
            seen_ids.add(rel.id)
            relations.append(rel)
    relations = _one_arc_per_member(relations)
    actors = _actors(draft, relations)
    known_actors = {a.id for a in actors}
    relations = [
        replace(
            r,
            source_actor=r.source_actor if r.source_actor in known_actors else None,
            target_actor=r.target_actor if r.target_actor in known_actors else None,
        )
        for r in relations
    ]
    # a side against itself ("rebels who seized towns of their own country" when M23 is no actor of its own);
    # within one country only a war between its own sides is drawn (the SAF and the RSF), not a backing
    # ("the army-aligned government")
    relations = [
        r for r in relations if r.source != r.target or (r.kind == "conflict" and r.source_actor != r.target_actor)
    ]
    return Scene(documents=draft.documents, places=tuple(places), relations=tuple(relations), actors=actors)


def _one_arc_per_member(relations: list[Relation]) -> list[Relation]:
    """A sphere member drawn once per patron: a later statement of the same sway adds its evidence.

    "2,500 US troops in Iraq and 900 in Syria", then "accused US forces of occupying parts of Syria":
    one arc to Syria, with both sentences behind it.
    """
    first: dict[tuple[str, str | None, str], int] = {}  # (patron, its actor, member) -> index of its relation
    out: list[Relation] = []
    for r in relations:
        if r.kind != "influence":
            out.append(r)
            continue
        new = tuple(m for m in r.members if (r.source, r.source_actor, m) not in first)
        if not new:
            k = first[(r.source, r.source_actor, r.members[0])]
            extra = tuple(e for e in r.evidence if e not in out[k].evidence)
            out[k] = replace(out[k], evidence=out[k].evidence + extra)
            continue
        r = replace(r, members=new) if new != r.members else r
        for m in new:
            first[(r.source, r.source_actor, m)] = len(out)
        out.append(r)
    return out


def _actors(draft: Draft, relations: list[Relation]) -> tuple[Place, ...]:
    """The non-state sides the documents name (geo/data/armed_groups.tsv), each with its mentions."""
    from geo.actors import load_groups

    groups = load_groups()
    spans: dict[str, list[Span]] = {}
    for doc in draft.documents:
        for r in draft.resolved[doc.id]:
            ident = _actor_id(r, doc.text)
            if "@" in ident:
                spans.setdefault(ident.split("@", 1)[1], []).append(Span(doc.id, r.start, r.end, r.text))
    for rel in relations:
        for actor in (rel.source_actor, rel.target_actor):
            if actor:
                spans.setdefault(actor, [])
    out = []
    for gid, mentions in spans.items():
        g = groups.groups.get(gid)
        if g is None:
            continue
        out.append(
            Place(
                id=g.id,
                name=g.name,
                kind="group",
                iso=g.iso,
                lat=g.lat,
                lon=g.lon,
                mentions=tuple(mentions),
                reason=f"armed group {g.name}→{g.iso}",
                role="actor",
            )
        )
    return tuple(out)


def extract(documents: Sequence[Document]) -> Scene:
    """Read articles into a Scene of places, actors and relations with their evidence.

    Parameters
    ----------
    documents : sequence of Document
        Articles as read by :mod:`geo.documents`.

    Returns
    -------
    Scene
        Places in order of first mention, relations in order of first statement.
    """
    draft = Draft(tuple(documents))
    split_step(draft)
    mention_step(draft)
    resolve_step(draft)
    relation_step(draft)
    return merge_step(draft)


def summarize(scene: Scene) -> str:
    """A readable text summary of a Scene (the CLI's ``--format text``).

    Examples
    --------
    >>> print(summarize(Scene()))
    0 documents, 0 places, 0 relations
    """
    lines = [f"{len(scene.documents)} documents, {len(scene.places)} places, {len(scene.relations)} relations"]
    if scene.places:
        lines.append("")
        lines.append("Places")
        for p in scene.places:
            lines.append(f"  {p.name} [{p.id}, {p.kind}] ×{len(p.mentions)}  ({p.reason})")
    names = {p.id: p.name for p in scene.places}
    if scene.relations:
        lines.append("")
        lines.append("Relations")
        for r in scene.relations:
            if r.kind == "influence":
                ends = f"{names.get(r.source, r.source)} ⇒ " + ", ".join(names.get(m, m) for m in r.members)
            else:
                arrow = "↔" if r.kind in ("alliance", "conflict") else "→"
                ends = f"{names.get(r.source, r.source)} {arrow} {names.get(r.target or '', r.target)}"
            lines.append(f"  {r.kind:9} {ends}: {r.label}  [{r.cue}; {len(r.evidence)} sentence(s)]")
            ev = r.evidence[0].text if r.evidence else ""
            lines.append(f"            “{ev[:140]}{'…' if len(ev) > 140 else ''}”")
    if not scene.places and scene.documents:
        lines.append("no places or actors found in the text")
    return "\n".join(lines)
