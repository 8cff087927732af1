"""One relation per (kind, source, target): statements grouped into arcs, with their support.

Extraction keeps every statement apart (a transfer per item and status, a
relation per sentence pattern). A map reads better with one arc per
(kind, source, target) that says how often and since when it was reported.
This module does that grouping for any number of documents:

- :func:`arc_key` says which arc a relation belongs to;
- :class:`Tally` adds up Scenes (one per document, or any Scene) into arcs
  and weighted places, and merges with other tallies, so that partitions of
  a corpus can be counted apart (on Dask workers) and combined in any order
  with the same result;
- :func:`merge_relations` applies it to a single Scene (what the ordinary
  map can use for its "one arc per kind, source and target").

An arc keeps, for at most `QUOTES_PER_RELATION` of its most recent
statements, the sentence itself and its document's title and date; every
other supporting document is named by id (``Support.other_documents``).
Its size thus grows with the number of documents that support it by an
id each, never by their text.

Examples
--------
>>> from geo.scene import Document, Relation, Scene, Span
>>> d1 = Document("a", "A", "", date="2024-01-02", dated_by="column")
>>> d2 = Document("b", "B", "", date="2024-02-03", dated_by="text")
>>> r1 = Relation("r1", "transfer", "TR", "UA", item="drones", status="ordered",
...               evidence=(Span("a", 0, 10, "TR sells UA"),))
>>> r2 = Relation("r2", "transfer", "TR", "UA", item="drones", status="delivered",
...               evidence=(Span("b", 0, 10, "TR sent UA"),))
>>> tally = Tally()
>>> tally.add_scene(Scene(documents=(d1,), relations=(r1,)))
>>> tally.add_scene(Scene(documents=(d2,), relations=(r2,)))
>>> (rel,) = tally.relations()
>>> rel.support.documents, rel.status, [h.status for h in rel.support.history]
(2, 'delivered', ['ordered', 'delivered'])
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from geo import limits
from geo.scene import (
    DIRECTED_KINDS,
    Corpus,
    DateCount,
    Document,
    Place,
    Relation,
    Scene,
    Span,
    StatusSpan,
    Support,
    place_role,
)

QUOTES_PER_RELATION = 5
"""How many statements an arc quotes in full: its most recent ones (undated ones last).

Five is what a popup or a briefing slide can show and an analyst reads at
a glance; every other supporting document is kept by id.
"""

MAX_PLACES = 200
"""The most places a corpus Scene keeps besides the relations' ends: those most documents
mention. A year of local news names thousands of towns once; the map and the file stay
about the story."""

MAX_SKIPS = 100
"""How many skip messages a corpus Scene keeps (the first, in input order); all are counted."""

ArcKey = tuple[str, str, str | None]


def arc_key(rel: Relation) -> ArcKey:
    """The arc a relation belongs to: ``(kind, source, target)``.

    Alliances have no direction, so their two ends are sorted; a sphere of
    influence is keyed by who holds it (its members are added up).

    Examples
    --------
    >>> arc_key(Relation("r", "alliance", "UA", "TR"))
    ('alliance', 'TR', 'UA')
    >>> arc_key(Relation("r", "conflict", "UA", "RU"))
    ('conflict', 'UA', 'RU')
    """
    if rel.kind == "influence":
        return ("influence", rel.source, None)
    source = _end(rel.source, rel.source_actor)
    target = _end(rel.target, rel.target_actor) if rel.target is not None else None
    if rel.kind not in DIRECTED_KINDS and target is not None:
        a, b = sorted((source, target))
        return (rel.kind, a, b)
    return (rel.kind, source, target)


def _end(place_id: str, actor: str | None) -> str:
    """An arc's end: a place id, or ``"SD@group:rsf"`` when a non-state side of that country acts."""
    return f"{place_id}@{actor}" if actor else place_id


def split_end(end: str | None) -> tuple[str | None, str | None]:
    """``"SD@group:rsf"`` → ``("SD", "group:rsf")``; a plain place id has no actor."""
    if end is None:
        return None, None
    place_id, _, actor = end.partition("@")
    return place_id, actor or None


def arc_id(key: ArcKey) -> str:
    """A stable relation id for an arc (the same key always gives the same id)."""
    digest = hashlib.sha1("|".join(str(k) for k in key).encode("utf-8")).hexdigest()[:12]
    return f"arc-{digest}"


def _newest_first(date: str | None) -> tuple:
    # sorts dated statements newest first, undated ones after them
    return (1, ()) if date is None else (0, tuple(-ord(c) for c in date))


@dataclass(frozen=True)
class Quote:
    """A statement quoted in full: its sentence and its document (title, date; no text)."""

    span: Span
    doc: Document

    def order(self) -> tuple:
        """The sort key of this statement: newest document first, then its place in the text."""
        return (*_newest_first(self.doc.date), self.span.doc, self.span.start, self.span.end)


class _Arc:
    """The running count of one arc; merges with the same arc counted elsewhere."""

    __slots__ = ("confidence", "cues", "docs", "items", "key", "members", "quotes", "statements", "statuses")

    def __init__(self, key: ArcKey):
        self.key = key
        self.docs: dict[str, str | None] = {}  # supporting document → its date
        self.statements = 0
        self.quotes: list[Quote] = []
        self.items: Counter[str] = Counter()
        self.members: Counter[str] = Counter()
        self.cues: Counter[str] = Counter()
        self.statuses: dict[str, dict[str, str | None]] = {}  # status → documents reporting it → date
        self.confidence = 0.0

    def keep_quotes(self, quotes: Iterable[Quote], cap: int) -> None:
        self.quotes = sorted([*self.quotes, *quotes], key=Quote.order)[:cap]

    def merge(self, other: _Arc, cap: int) -> None:
        self.docs.update(other.docs)
        self.statements += other.statements
        self.keep_quotes(other.quotes, cap)
        self.items.update(other.items)
        self.members.update(other.members)
        self.cues.update(other.cues)
        for status, docs in other.statuses.items():
            self.statuses.setdefault(status, {}).update(docs)
        self.confidence = max(self.confidence, other.confidence)


class _PlaceCount:
    __slots__ = ("docs", "place", "reasons", "roles")

    def __init__(self, place: Place):
        self.place = replace(place, mentions=(), reason="", role="", documents=0)
        self.docs = 0
        self.reasons: Counter[str] = Counter()
        self.roles: set[str] = set()

    def merge(self, other: _PlaceCount) -> None:
        self.docs += other.docs
        self.reasons.update(other.reasons)
        self.roles |= other.roles


def _top(counter: Counter[str], n: int) -> list[str]:
    return [k for k, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


class Tally:
    """Arcs, places and corpus counts added up over documents; merged in any order alike.

    Parameters
    ----------
    quotes : int
        How many of each arc's most recent statements keep their sentence
        (`QUOTES_PER_RELATION` by default).
    """

    def __init__(self, quotes: int = QUOTES_PER_RELATION):
        self.cap = quotes
        self.arcs: dict[ArcKey, _Arc] = {}
        self.places: dict[str, _PlaceCount] = {}
        self.documents = 0
        self.dated: Counter[str] = Counter()  # "column" / "text" / "" → documents
        self.first_date: str | None = None
        self.last_date: str | None = None
        self.outside_dates = 0
        self.skipped = 0
        self.dates_ignored = 0
        self.skips: list[tuple[tuple, str]] = []  # (input order, message), the first MAX_SKIPS
        self.actors: dict[str, Place] = {}  # non-state sides named by the arcs, by id

    # -- counting ---------------------------------------------------------------------

    def skip(self, order: tuple, message: str, *, document: bool = True, count: int = 1) -> None:
        """Count ``count`` documents not read (or, with ``document=False``, a date ignored).

        ``order`` places the message among the others (input order), so the
        messages kept are the same whatever order partitions finish in.
        """
        if document:
            self.skipped += count
            message = f"{message} (skipped)" if count == 1 else message
        else:
            self.dates_ignored += count
        self._keep_skips([(order, message)])

    def _keep_skips(self, skips: Iterable[tuple[tuple, str]]) -> None:
        self.skips = sorted([*self.skips, *skips])[:MAX_SKIPS]

    def add_scene(self, scene: Scene) -> None:
        """Count a Scene's documents, relations and places.

        Each relation's evidence sentences are its statements; a document
        counts once per arc however many statements it makes. A document's
        date is ``Document.date`` (documents without one are undated).
        """
        docs = {d.id: d for d in scene.documents}
        for actor in scene.actors:
            self.actors.setdefault(actor.id, replace(actor, mentions=()))
        for doc in scene.documents:
            self._count_document(doc)
        counted: dict[ArcKey, set[Span]] = {}  # a sentence stated twice (two items) counts once
        for rel in scene.relations:
            self._count_relation(rel, docs, counted.setdefault(arc_key(rel), set()))
        for place in scene.places:
            self._count_place(place)

    def _count_document(self, doc: Document) -> None:
        self.documents += 1
        self.dated[doc.dated_by if doc.date else ""] += 1
        if doc.date:
            self.first_date = min(filter(None, (self.first_date, doc.date)))
            self.last_date = max(filter(None, (self.last_date, doc.date)))

    def _count_relation(self, rel: Relation, docs: dict[str, Document], seen: set[Span]) -> None:
        """Add one relation's statements to its arc; ``seen`` are the arc's sentences of this Scene."""
        key = arc_key(rel)
        arc = self.arcs.get(key)
        if arc is None:
            arc = self.arcs[key] = _Arc(key)
        spans = rel.evidence or (Span(next(iter(docs), ""), 0, 0, ""),)
        fresh = [s for s in dict.fromkeys(spans) if s not in seen]
        seen.update(fresh)
        new_quotes = []
        for span in fresh:
            doc = docs.get(span.doc) or Document(span.doc, span.doc, "")
            date = doc.date
            arc.docs[doc.id] = date
            arc.statements += 1
            if rel.item:
                arc.items[rel.item] += 1
            if rel.kind == "transfer":
                arc.statuses.setdefault(rel.status, {})[doc.id] = date
            if span.text:
                new_quotes.append(Quote(span, replace(doc, text="")))
        for m in rel.members:
            arc.members[m] += 1
        if rel.cue:
            arc.cues[rel.cue] += 1
        arc.confidence = max(arc.confidence, rel.confidence)
        arc.keep_quotes(new_quotes, self.cap)

    def _count_place(self, place: Place) -> None:
        count = self.places.get(place.id)
        if count is None:
            count = self.places[place.id] = _PlaceCount(place)
        count.docs += place.documents or len({s.doc for s in place.mentions})
        for reason in place.reason.split("; "):
            if reason and reason != "relation endpoint":
                count.reasons[reason] += 1
        count.roles.update(r for r in place.role.split("/") if r)

    def merge(self, other: Tally) -> Tally:
        """Add another tally's counts to this one (the order of merging never matters)."""
        for key, arc in other.arcs.items():
            if key in self.arcs:
                self.arcs[key].merge(arc, self.cap)
            else:
                self.arcs[key] = arc
                arc.keep_quotes((), self.cap)
        for pid, count in other.places.items():
            if pid in self.places:
                self.places[pid].merge(count)
            else:
                self.places[pid] = count
        for aid, actor in other.actors.items():
            self.actors.setdefault(aid, actor)
        self.documents += other.documents
        self.dated.update(other.dated)
        dates = [d for d in (self.first_date, self.last_date, other.first_date, other.last_date) if d]
        self.first_date, self.last_date = (min(dates), max(dates)) if dates else (None, None)
        self.outside_dates += other.outside_dates
        self.skipped += other.skipped
        self.dates_ignored += other.dates_ignored
        self._keep_skips(other.skips)
        return self

    # -- results ----------------------------------------------------------------------

    def relations(self, names: dict[str, str] | None = None) -> list[Relation]:
        """One Relation per arc, the best supported first (then by kind, source, target)."""
        names = names or {}
        out = []
        for key in sorted(self.arcs, key=lambda k: (-len(self.arcs[k].docs), k[0], k[1], k[2] or "")):
            out.append(self._relation(self.arcs[key], names))
        return out

    def _relation(self, arc: _Arc, names: dict[str, str]) -> Relation:
        kind, source_end, target_end = arc.key
        source, source_actor = split_end(source_end)
        target, target_actor = split_end(target_end)
        source = source or ""
        quoted = {q.doc.id for q in arc.quotes}
        others = sorted((d for d in arc.docs if d not in quoted), key=lambda d: (*_newest_first(arc.docs[d]), d))
        dates = Counter(date for date in arc.docs.values() if date)
        history = []
        for status, docs in arc.statuses.items():
            dated = sorted(d for d in docs.values() if d)
            history.append(StatusSpan(status, dated[0] if dated else None, dated[-1] if dated else None, len(docs)))  # type: ignore[arg-type]
        history.sort(key=lambda h: (h.first_date is None, h.first_date or "", h.status))
        support = Support(
            documents=len(arc.docs),
            statements=arc.statements,
            first_date=min(dates) if dates else None,
            last_date=max(dates) if dates else None,
            by_date=tuple(DateCount(d, n) for d, n in sorted(dates.items())),
            undated=sum(1 for d in arc.docs.values() if not d),
            other_documents=tuple(others),
            history=tuple(history),
        )
        items = _top(arc.items, 1)
        item = items[0] if items else None
        members = tuple(_top(arc.members, len(arc.members))) if kind == "influence" else ()
        name = names.get
        if kind == "transfer":
            label = item or "transfer"
        elif kind == "influence":
            label = ", ".join(name(m, m) for m in members[:6])
        else:
            verb = {"support": "backs", "conflict": "against", "alliance": "with"}.get(kind, kind)
            label = f"{name(source, source)} {verb} {name(target or '', target)}"
        # the status of the newest statement is where the transfer stands now
        status = "unknown"
        if kind == "transfer" and history:
            latest = max(history, key=lambda h: (h.last_date or "", h.documents, h.status != "unknown"))
            status = latest.status
        return Relation(
            id=arc_id(arc.key),
            kind=kind,  # type: ignore[arg-type]
            source=source,
            target=target,
            members=members,
            label=label,
            item=item if kind == "transfer" else None,
            status=status,  # type: ignore[arg-type]
            evidence=tuple(q.span for q in arc.quotes),
            cue="; ".join(_top(arc.cues, 3)),
            confidence=round(min(0.95, arc.confidence + 0.05 * (len(arc.docs) - 1)), 2),
            support=support,
            source_actor=source_actor if source_actor in self.actors else None,
            target_actor=target_actor if target_actor in self.actors else None,
        )

    def quoted_documents(self, arcs: Iterable[_Arc] | None = None) -> list[Document]:
        """The documents the arcs quote (title, date, source; no text), in id order.

        At most ``geo.limits.MAX_DOCUMENTS`` (what a Scene file may hold): past
        that, the newest are kept, and the other quotes name their document by id.
        """
        docs = {q.doc.id: q.doc for arc in (self.arcs.values() if arcs is None else arcs) for q in arc.quotes}
        newest = sorted(docs.values(), key=lambda d: (*_newest_first(d.date), d.id))[: limits.MAX_DOCUMENTS]
        return sorted(newest, key=lambda d: d.id)

    def to_scene(self, *, since: str | None = None, until: str | None = None) -> Scene:
        """The corpus Scene: one relation per arc, weighted places, the quoted documents.

        It stays within what a Scene file may hold (``geo.limits``): the best
        supported relations, their ends, and the places most documents mention.
        """
        best = sorted(self.arcs.values(), key=lambda a: (-len(a.docs), a.key[0], a.key[1], a.key[2] or ""))
        arcs = best[: limits.MAX_RELATIONS]
        ends = {split_end(e)[0] for arc in arcs for e in (arc.key[1], arc.key[2], *arc.members) if e}
        ranked = sorted(self.places.values(), key=lambda c: (c.place.id not in ends, -c.docs, c.place.id))
        kept = [c for c in ranked if c.place.id in ends]
        rest = [c for c in ranked if c.place.id not in ends]
        kept = (kept + rest[:MAX_PLACES])[: limits.MAX_PLACES]
        places = tuple(
            replace(
                c.place,
                reason="; ".join(_top(c.reasons, 3)) or "relation endpoint",
                role=place_role(c.roles),
                documents=c.docs,
            )
            for c in kept
        )
        names = {p.id: p.name for p in places}
        known = set(names)
        relations = tuple(
            self._relation(arc, names)
            for arc in arcs
            if all(split_end(e)[0] in known for e in (arc.key[1], arc.key[2]) if e) and arc.key[1] != arc.key[2]
        )
        relations = tuple(r for r in relations if all(e in known for e in r.endpoints()))
        used = {a for r in relations for a in (r.source_actor, r.target_actor) if a}
        actors = tuple(self.actors[a] for a in sorted(used))
        corpus = Corpus(
            documents=self.documents,
            skipped=self.skipped,
            skips=tuple(m for _, m in self.skips),
            dated_by_column=self.dated["column"],
            dated_by_text=self.dated["text"],
            undated=self.dated[""],
            outside_dates=self.outside_dates,
            since=since,
            until=until,
            first_date=self.first_date,
            last_date=self.last_date,
            quotes_per_relation=self.cap,
            places_left_out=len(self.places) - len(kept),
            dates_ignored=self.dates_ignored,
            relations_left_out=len(best) - len(arcs),
        )
        return Scene(
            documents=tuple(self.quoted_documents(arcs)),
            places=places,
            relations=relations,
            corpus=corpus,
            actors=actors,
        )


def merge_relations(scene: Scene, *, quotes: int | None = None) -> Scene:
    """A Scene whose relations are one per (kind, source, target), each with its support.

    Places and documents are kept as they are; use it to draw one arc per
    pair and kind (the grouped relation lists all its evidence sentences
    unless ``quotes`` caps them).

    Examples
    --------
    >>> from geo.scene import Relation, Scene, Span
    >>> a = Relation("r1", "transfer", "TR", "UA", item="drones", evidence=(Span("d", 0, 5, "one"),))
    >>> b = Relation("r2", "transfer", "TR", "UA", item="guns", evidence=(Span("d", 6, 9, "two"),))
    >>> [r.support.statements for r in merge_relations(Scene(relations=(a, b))).relations]
    [2]
    """
    evidence = sum(len(r.evidence) for r in scene.relations) or 1
    tally = Tally(quotes=evidence if quotes is None else quotes)
    tally.add_scene(scene.replace(places=()))
    names = {p.id: p.name for p in scene.places}
    return scene.replace(relations=tuple(tally.relations(names)))
