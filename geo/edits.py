"""Editing a Scene: filters for display and the corrections an analyst makes.

Every function here is pure: it takes a Scene and returns a new one (the
Scene is frozen), so the app can keep the extracted Scene untouched and
replay the analyst's corrections over it whenever the documents change.

Corrections are recorded as small frozen edit records (:class:`UpdateRelation`,
:class:`DeleteRelation`, :class:`AddRelation`, :class:`UpdatePlace`,
:class:`DeletePlace`, :class:`MergePlaces`). :func:`apply_edits` replays a
log of them. Relations are found by a *fingerprint* (kind, endpoints and
evidence offsets) before their id, because re-extracting after another
article was added may number relations differently while the evidence of an
old relation stays where it was.

Examples
--------
>>> from geo.scene import Place, Relation, Scene
>>> tr = Place(id="TR", name="Turkey", kind="country", iso="TR", lat=39.0, lon=35.0)
>>> ua = Place(id="UA", name="Ukraine", kind="country", iso="UA", lat=49.0, lon=32.0)
>>> rel = Relation(id="r1", kind="transfer", source="TR", target="UA", item="drones")
>>> scene = Scene(places=(tr, ua), relations=(rel,))
>>> edited = apply_edits(scene, [update_relation_edit(scene, "r1", status="delivered")])
>>> edited.relation("r1").status
'delivered'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from geo.scene import (
    DIRECTED_KINDS,
    PLACE_KINDS,
    RELATION_KINDS,
    STATUSES,
    Document,
    Place,
    Relation,
    Scene,
    Span,
    Step,
)


class EditError(ValueError):
    """An edit that cannot be applied; the message says why in plain words."""


Fingerprint = tuple[str, str, str | None, tuple[str, ...], tuple[tuple[str, int, int], ...]]

RELATION_FIELDS = (
    "kind",
    "source",
    "target",
    "members",
    "label",
    "item",
    "quantity",
    "status",
    "date",
)
"""Relation fields an analyst may change."""

PLACE_FIELDS = ("name", "kind", "role")
"""Place fields an analyst may change."""


# -- filters ---------------------------------------------------------------------


def filter_scene(
    scene: Scene,
    *,
    kinds: Iterable[str] | None = None,
    actors: Iterable[str] | None = None,
    statuses: Iterable[str] | None = None,
) -> Scene:
    """The Scene with only the relations that pass every filter given.

    Parameters
    ----------
    scene : Scene
        The Scene to filter; it is not changed.
    kinds : iterable of str, optional
        Relation kinds to keep (None keeps every kind).
    actors : iterable of str, optional
        Place ids; a relation is kept when any of its endpoints is one of
        them. With an actor filter, only the places those relations touch
        (and the actors themselves) are kept.
    statuses : iterable of str, optional
        Statuses to keep for *transfers*; other kinds are not filtered by status.

    Returns
    -------
    Scene
        Documents and storyline are kept; the storyline drops ids that were
        filtered out.

    Examples
    --------
    >>> from geo.scene import Relation, Scene
    >>> s = Scene(relations=(Relation("a", "alliance", "TR"), Relation("b", "conflict", "RU")))
    >>> [r.id for r in filter_scene(s, kinds=["conflict"]).relations]
    ['b']
    """
    kind_set = None if kinds is None else set(kinds)
    actor_set = None if actors is None else set(actors)
    status_set = None if statuses is None else set(statuses)
    rels = []
    for rel in scene.relations:
        if kind_set is not None and rel.kind not in kind_set:
            continue
        if actor_set is not None and not actor_set.intersection(rel.endpoints()):
            continue
        if status_set is not None and rel.kind == "transfer" and rel.status not in status_set:
            continue
        rels.append(rel)
    places = scene.places
    if actor_set is not None:
        touched = set(actor_set)
        for rel in rels:
            touched.update(rel.endpoints())
        places = tuple(p for p in places if p.id in touched)
    return prune_story(scene.replace(places=places, relations=tuple(rels)))


def actors_of(scene: Scene) -> list[str]:
    """Place ids that take part in at least one relation, in first-seen order."""
    seen: dict[str, None] = {}
    for rel in scene.relations:
        for end in rel.endpoints():
            seen.setdefault(end, None)
    return list(seen)


def relations_of(scene: Scene, place_id: str) -> tuple[Relation, ...]:
    """The relations one place takes part in (as source, target or member)."""
    return tuple(r for r in scene.relations if place_id in r.endpoints())


# -- fingerprints ----------------------------------------------------------------


def fingerprint(rel: Relation) -> Fingerprint:
    """What identifies a relation across re-extractions: kind, ends and evidence offsets.

    Examples
    --------
    >>> from geo.scene import Relation, Span
    >>> fingerprint(Relation("r9", "alliance", "TR", "UA", evidence=(Span("d", 0, 5, "x"),)))
    ('alliance', 'TR', 'UA', (), (('d', 0, 5),))
    """
    return (
        rel.kind,
        rel.source,
        rel.target,
        tuple(rel.members),
        tuple((s.doc, s.start, s.end) for s in rel.evidence),
    )


def find_relation(scene: Scene, relation_id: str, fp: Fingerprint | None = None) -> Relation | None:
    """A relation by fingerprint first (stable over re-extraction), then by id."""
    if fp is not None:
        for rel in scene.relations:
            if fingerprint(rel) == fp:
                return rel
        # the fingerprint names evidence: a different relation that took over the id is not it
        if fp[4]:
            return None
    return scene.relation(relation_id)


# -- edit records ----------------------------------------------------------------


@dataclass(frozen=True)
class UpdateRelation:
    """Change some fields of one relation (``changes`` maps field → new value)."""

    relation_id: str
    changes: tuple[tuple[str, Any], ...]
    fp: Fingerprint | None = None


@dataclass(frozen=True)
class DeleteRelation:
    """Remove one relation (a false extraction)."""

    relation_id: str
    fp: Fingerprint | None = None


@dataclass(frozen=True)
class AddRelation:
    """Add a relation the extraction missed."""

    relation: Relation


@dataclass(frozen=True)
class AddPlace:
    """Add a place (a gazetteer entry) so that a new relation can reach it."""

    place: Place


@dataclass(frozen=True)
class UpdatePlace:
    """Change the name, kind or role of one place."""

    place_id: str
    changes: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class DeletePlace:
    """Remove a wrongly found place and every relation that touches it."""

    place_id: str


@dataclass(frozen=True)
class MergePlaces:
    """Fold ``drop_id`` into ``keep_id``: mentions move, relations are re-pointed."""

    keep_id: str
    drop_id: str


Edit = UpdateRelation | DeleteRelation | AddRelation | AddPlace | UpdatePlace | DeletePlace | MergePlaces


@dataclass(frozen=True)
class EditOutcome:
    """The result of replaying an edit log: the Scene and the edits that no longer apply."""

    scene: Scene
    skipped: tuple[tuple[Edit, str], ...] = field(default_factory=tuple)


# -- single edits ----------------------------------------------------------------


def _clean_relation(rel: Relation, scene: Scene) -> Relation:
    """Check a relation against the Scene; raise EditError with a plain message."""
    if rel.kind not in RELATION_KINDS:
        raise EditError(f"unknown relation kind {rel.kind!r}; use one of {', '.join(RELATION_KINDS)}")
    if rel.status not in STATUSES:
        raise EditError(f"unknown status {rel.status!r}; use one of {', '.join(STATUSES)}")
    if rel.quantity is not None and (not isinstance(rel.quantity, int) or rel.quantity < 0):
        raise EditError(f"quantity must be a whole number of at least 0, not {rel.quantity!r}")
    ids = {p.id for p in scene.places}
    if rel.kind == "influence":
        if rel.target is not None:
            rel = replace(rel, members=tuple(dict.fromkeys((*rel.members, rel.target))), target=None)
        if not rel.members:
            raise EditError("an influence relation needs at least one member country")
    elif rel.target is None and rel.members:  # was an influence relation: its first member
        rel = replace(rel, target=rel.members[0], members=())
    elif rel.target is None:
        raise EditError(f"a {rel.kind} relation needs a target place")
    else:
        rel = replace(rel, members=())
    for end in rel.endpoints():
        if end not in ids:
            raise EditError(f"{end!r} is not a place of this scene")
    if rel.kind != "influence" and rel.source == rel.target:
        raise EditError("a relation needs two different places")
    return rel


def update_relation(scene: Scene, relation_id: str, **changes: Any) -> Scene:
    """The Scene with some fields of one relation changed.

    Raises
    ------
    EditError
        Unknown relation or field, a kind/status outside the allowed values,
        an endpoint that is not a place of the Scene.
    """
    rel = scene.relation(relation_id)
    if rel is None:
        raise EditError(f"no relation {relation_id!r} in this scene")
    bad = set(changes) - set(RELATION_FIELDS)
    if bad:
        raise EditError(f"cannot change {', '.join(sorted(bad))} of a relation")
    changes = {k: _none_if_blank(v) if k in ("item", "label", "date", "target") else v for k, v in changes.items()}
    if "quantity" in changes:
        changes["quantity"] = _quantity(changes["quantity"])
    if "members" in changes:
        changes["members"] = tuple(changes["members"] or ())
    if changes.get("status") is None and "status" in changes:
        changes["status"] = "unknown"
    new = _clean_relation(replace(rel, **changes), scene)
    return scene.replace(relations=tuple(new if r.id == relation_id else r for r in scene.relations))


def delete_relation(scene: Scene, relation_id: str) -> Scene:
    """The Scene without one relation (and without it in the storyline)."""
    if scene.relation(relation_id) is None:
        raise EditError(f"no relation {relation_id!r} in this scene")
    return prune_story(scene.replace(relations=tuple(r for r in scene.relations if r.id != relation_id)))


def new_relation_id(scene: Scene, prefix: str = "user") -> str:
    """An id no relation of the Scene uses yet, e.g. ``user-3``."""
    used = {r.id for r in scene.relations}
    n = 1
    while f"{prefix}-{n}" in used:
        n += 1
    return f"{prefix}-{n}"


def add_relation(
    scene: Scene,
    kind: str,
    source: str,
    target: str | None = None,
    *,
    members: Sequence[str] = (),
    item: str | None = None,
    quantity: int | None = None,
    status: str = "unknown",
    label: str = "",
    relation_id: str | None = None,
) -> Scene:
    """The Scene with a relation added between places it already holds.

    Raises
    ------
    EditError
        Unknown kind, status or place, or the same place at both ends.
    """
    rel = Relation(
        id=relation_id or new_relation_id(scene),
        kind=kind,  # type: ignore[arg-type]
        source=source,
        target=_none_if_blank(target),
        members=tuple(members),
        item=_none_if_blank(item),
        quantity=_quantity(quantity),
        status=status,  # type: ignore[arg-type]
        label=label,
        cue="added by analyst",
    )
    if scene.relation(rel.id) is not None:
        raise EditError(f"a relation {rel.id!r} already exists")
    return scene.replace(relations=(*scene.relations, _clean_relation(rel, scene)))


def add_place(scene: Scene, place: Place) -> Scene:
    """The Scene with one more place (e.g. a gazetteer entry for a new relation end)."""
    if scene.place(place.id) is not None:
        return scene
    return scene.replace(places=(*scene.places, place))


def place_from_entry(entry: Any) -> Place:
    """A Place for a gazetteer entry (``geo.gazetteer.Entry``) the analyst picked by name."""
    kind = entry.kind if entry.kind in PLACE_KINDS else "other"
    return Place(
        id=entry.id,
        name=entry.name,
        kind=kind,
        iso=entry.iso,
        lat=entry.lat,
        lon=entry.lon,
        reason="added by analyst",
        shape=entry.id if getattr(entry, "has_polygon", False) else None,
        area_km2=float(getattr(entry, "area_km2", 0.0) or 0.0),
        members=tuple(getattr(entry, "members", ()) or ()),
    )


def update_place(scene: Scene, place_id: str, **changes: Any) -> Scene:
    """The Scene with the name, kind or role of one place changed."""
    place = scene.place(place_id)
    if place is None:
        raise EditError(f"no place {place_id!r} in this scene")
    bad = set(changes) - set(PLACE_FIELDS)
    if bad:
        raise EditError(f"cannot change {', '.join(sorted(bad))} of a place")
    if "kind" in changes and changes["kind"] not in PLACE_KINDS:
        raise EditError(f"unknown place kind {changes['kind']!r}; use one of {', '.join(PLACE_KINDS)}")
    if "name" in changes and not str(changes["name"] or "").strip():
        raise EditError("a place needs a name")
    new = replace(place, **changes)
    return scene.replace(places=tuple(new if p.id == place_id else p for p in scene.places))


def delete_place(scene: Scene, place_id: str) -> Scene:
    """The Scene without one place and without the relations that touch it."""
    if scene.place(place_id) is None:
        raise EditError(f"no place {place_id!r} in this scene")
    rels = []
    for rel in scene.relations:
        if rel.source == place_id or rel.target == place_id:
            continue
        if place_id in rel.members:
            members = tuple(m for m in rel.members if m != place_id)
            if not members:
                continue
            rel = replace(rel, members=members)
        rels.append(rel)
    places = tuple(p for p in scene.places if p.id != place_id)
    return prune_story(scene.replace(places=places, relations=tuple(rels)))


def merge_places(scene: Scene, keep_id: str, drop_id: str) -> Scene:
    """Fold one place into another: duplicates such as "Kiev" and "Kyiv".

    The kept place gains the dropped one's mentions; relations are
    re-pointed; relations that end up joining a place to itself are removed
    and relations that became identical are joined (evidence combined).

    Raises
    ------
    EditError
        Either place is unknown or both are the same.
    """
    keep, drop = scene.place(keep_id), scene.place(drop_id)
    if keep is None or drop is None:
        missing = keep_id if keep is None else drop_id
        raise EditError(f"no place {missing!r} in this scene")
    if keep_id == drop_id:
        raise EditError("choose two different places to merge")
    mentions = tuple(dict.fromkeys((*keep.mentions, *drop.mentions)))
    merged = replace(keep, mentions=mentions)
    places = tuple(merged if p.id == keep_id else p for p in scene.places if p.id != drop_id)

    def swap(pid: str | None) -> str | None:
        return keep_id if pid == drop_id else pid

    rels: list[Relation] = []
    index: dict[tuple, int] = {}
    for rel in scene.relations:
        rel = replace(
            rel,
            source=swap(rel.source) or rel.source,
            target=swap(rel.target),
            members=tuple(dict.fromkeys(swap(m) or m for m in rel.members)),
        )
        if rel.kind != "influence" and rel.source == rel.target:
            continue
        key = (rel.kind, rel.source, rel.target, rel.members, rel.item)
        if key in index:
            old = rels[index[key]]
            rels[index[key]] = replace(old, evidence=tuple(dict.fromkeys((*old.evidence, *rel.evidence))))
            continue
        index[key] = len(rels)
        rels.append(rel)
    story = tuple(replace(s, place_ids=tuple(dict.fromkeys(swap(p) or p for p in s.place_ids))) for s in scene.story)
    return prune_story(scene.replace(places=places, relations=tuple(rels), story=story))


def remove_document(scene: Scene, doc_id: str) -> Scene:
    """The Scene without one document and whatever only that document supported.

    Mentions and evidence in that document go; places left with no mention
    and no relation go; relations whose evidence was all in it go (relations
    an analyst added, which have no evidence, stay).
    """

    def keep_spans(spans: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(s for s in spans if s.doc != doc_id)

    rels = []
    for rel in scene.relations:
        evidence = keep_spans(rel.evidence)
        if rel.evidence and not evidence:
            continue
        rels.append(replace(rel, evidence=evidence))
    used = {end for rel in rels for end in rel.endpoints()}
    places = []
    for place in scene.places:
        mentions = keep_spans(place.mentions)
        if place.mentions and not mentions and place.id not in used:
            continue
        places.append(replace(place, mentions=mentions))
    story = tuple(replace(s, quote=None) if s.quote is not None and s.quote.doc == doc_id else s for s in scene.story)
    return prune_story(
        scene.replace(
            documents=tuple(d for d in scene.documents if d.id != doc_id),
            places=tuple(places),
            relations=tuple(rels),
            story=story,
        )
    )


def merge_scenes(base: Scene, extra: Scene) -> Scene:
    """Add a newly extracted Scene (new documents) to an existing one.

    Places are joined by id (mentions combined, the base's names and kinds
    win); relations equal in kind, ends and item are joined (evidence
    combined); other new relations get fresh ids if theirs are taken. The
    base's storyline is kept.
    """
    docs = (*base.documents, *(d for d in extra.documents if base.document(d.id) is None))
    places = {p.id: p for p in base.places}
    for p in extra.places:
        if p.id in places:
            old = places[p.id]
            places[p.id] = replace(old, mentions=tuple(dict.fromkeys((*old.mentions, *p.mentions))))
        else:
            places[p.id] = p
    rels = list(base.relations)
    index = {(r.kind, r.source, r.target, r.members, r.item): i for i, r in enumerate(rels)}
    used = {r.id for r in rels}
    for rel in extra.relations:
        key = (rel.kind, rel.source, rel.target, rel.members, rel.item)
        if key in index:
            old = rels[index[key]]
            rels[index[key]] = replace(old, evidence=tuple(dict.fromkeys((*old.evidence, *rel.evidence))))
            continue
        if rel.id in used:
            n = 2
            while f"{rel.id}.{n}" in used:
                n += 1
            rel = replace(rel, id=f"{rel.id}.{n}")
        used.add(rel.id)
        index[key] = len(rels)
        rels.append(rel)
    return base.replace(documents=docs, places=tuple(places.values()), relations=tuple(rels))


# -- edit records: building and replaying -----------------------------------------


def update_relation_edit(scene: Scene, relation_id: str, **changes: Any) -> UpdateRelation:
    """An :class:`UpdateRelation` record for the relation as it is in ``scene``."""
    rel = scene.relation(relation_id)
    fp = fingerprint(rel) if rel is not None else None
    return UpdateRelation(relation_id, tuple(sorted(changes.items())), fp)


def delete_relation_edit(scene: Scene, relation_id: str) -> DeleteRelation:
    """A :class:`DeleteRelation` record for the relation as it is in ``scene``."""
    rel = scene.relation(relation_id)
    return DeleteRelation(relation_id, fingerprint(rel) if rel is not None else None)


def apply_edit(scene: Scene, edit: Edit) -> Scene:
    """Apply one edit record; raises EditError when it does not fit the Scene."""
    match edit:
        case UpdateRelation(relation_id=rid, changes=changes, fp=fp):
            rel = find_relation(scene, rid, fp)
            if rel is None:
                raise EditError(f"relation {rid!r} is no longer in the extraction")
            return update_relation(scene, rel.id, **dict(changes))
        case DeleteRelation(relation_id=rid, fp=fp):
            rel = find_relation(scene, rid, fp)
            if rel is None:
                raise EditError(f"relation {rid!r} is no longer in the extraction")
            return delete_relation(scene, rel.id)
        case AddRelation(relation=rel):
            if scene.relation(rel.id) is not None:
                rel = replace(rel, id=new_relation_id(scene))
            return scene.replace(relations=(*scene.relations, _clean_relation(rel, scene)))
        case AddPlace(place=place):
            return add_place(scene, place)
        case UpdatePlace(place_id=pid, changes=changes):
            return update_place(scene, pid, **dict(changes))
        case DeletePlace(place_id=pid):
            return delete_place(scene, pid)
        case MergePlaces(keep_id=keep, drop_id=drop):
            return merge_places(scene, keep, drop)
    raise EditError(f"unknown edit {edit!r}")


def apply_edits(scene: Scene, edits: Iterable[Edit]) -> Scene:
    """Replay an edit log over a Scene, skipping edits that no longer fit.

    Use :func:`replay` to learn which edits were skipped and why.
    """
    return replay(scene, edits).scene


def replay(scene: Scene, edits: Iterable[Edit]) -> EditOutcome:
    """Replay an edit log; return the Scene and the (edit, reason) pairs skipped."""
    skipped: list[tuple[Edit, str]] = []
    for edit in edits:
        try:
            scene = apply_edit(scene, edit)
        except EditError as exc:
            skipped.append((edit, str(exc)))
    return EditOutcome(scene, tuple(skipped))


# -- storyline ----------------------------------------------------------------------


def prune_story(scene: Scene) -> Scene:
    """Drop storyline references to places and relations the Scene no longer holds."""
    if not scene.story:
        return scene
    place_ids = {p.id for p in scene.places}
    rel_ids = {r.id for r in scene.relations}
    docs = {d.id for d in scene.documents}
    story = tuple(
        replace(
            s,
            place_ids=tuple(p for p in s.place_ids if p in place_ids),
            relation_ids=tuple(r for r in s.relation_ids if r in rel_ids),
            quote=s.quote if s.quote is None or s.quote.doc in docs else None,
        )
        for s in scene.story
    )
    return scene.replace(story=story)


def with_story(scene: Scene, story: Sequence[Step]) -> Scene:
    """The Scene carrying a storyline, pruned to what the Scene holds."""
    return prune_story(scene.replace(story=tuple(story)))


# -- table rows ---------------------------------------------------------------------


def relation_rows(scene: Scene) -> list[dict[str, Any]]:
    """One plain dict per relation, the columns the relation editor shows."""
    rows = []
    for rel in scene.relations:
        rows.append(
            {
                "id": rel.id,
                "kind": rel.kind,
                "source": rel.source,
                "target": rel.target if rel.kind != "influence" else ", ".join(rel.members),
                "item": rel.item or "",
                "quantity": rel.quantity,
                "status": rel.status,
                "directed": rel.kind in DIRECTED_KINDS,
                "evidence": rel.evidence[0].text if rel.evidence else "",
            }
        )
    return rows


def place_rows(scene: Scene) -> list[dict[str, Any]]:
    """One plain dict per place, the columns the place editor shows."""
    return [
        {
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "mentions": len(p.mentions),
            "reason": p.reason,
        }
        for p in scene.places
    ]


def relation_changes(rel: Relation, row: dict[str, Any]) -> dict[str, Any]:
    """The changes an edited relation-table row asks for, as :func:`update_relation` takes them.

    ``row`` holds only the edited cells (as ``st.data_editor`` reports them).
    For influence relations the ``target`` cell is a comma-separated list
    of member ids, e.g. ``"AM, AZ"``.

    Examples
    --------
    >>> from geo.scene import Relation
    >>> relation_changes(Relation("r", "influence", "TR", members=("AZ",)), {"target": "AZ, GE"})
    {'members': ('AZ', 'GE')}
    """
    changes: dict[str, Any] = {}
    kind = row.get("kind", rel.kind)
    for key, value in row.items():
        if key not in RELATION_FIELDS:
            continue
        if isinstance(value, float) and value != value:  # NaN from an emptied cell
            value = None
        if key == "target" and kind == "influence":
            changes["members"] = tuple(m for m in re.split(r"[,;\s]+", str(value or "")) if m)
            continue
        changes[key] = value
    return changes


def _none_if_blank(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


def _quantity(value: Any) -> int | None:
    value = _none_if_blank(value)
    if value is None:
        return None
    if isinstance(value, bool):
        raise EditError("quantity must be a whole number")
    if isinstance(value, float):
        if not value.is_integer():
            raise EditError(f"quantity must be a whole number, not {value}")
        value = int(value)
    if isinstance(value, str):
        if not value.strip().isdigit():
            raise EditError(f"quantity must be a whole number, not {value!r}")
        value = int(value)
    if not isinstance(value, int) or value < 0:
        raise EditError(f"quantity must be a whole number of at least 0, not {value!r}")
    return value


# -- the analyst's workspace ----------------------------------------------------------


@dataclass(frozen=True)
class Workspace:
    """Everything the analyst has: documents, corrections, an opened Scene, a storyline.

    The Scene on screen is never stored; :func:`build_scene` derives it by
    extracting the documents and replaying the edit log, so adding or
    removing an article keeps every correction that still applies.

    Parameters
    ----------
    documents : tuple of Document
        The articles, in the order they were added.
    edits : tuple of Edit
        The corrections, oldest first.
    opened : Scene or None
        A Scene file the analyst opened: it stands in for the extraction of
        its own documents (with whatever corrections it was saved with);
        documents added later are extracted and merged into it.
    story : tuple of Step or None
        The analyst's storyline; None means "build one from the Scene".
    """

    documents: tuple[Document, ...] = ()
    edits: tuple[Edit, ...] = ()
    opened: Scene | None = None
    story: tuple[Step, ...] | None = None

    @classmethod
    def from_scene(cls, scene: Scene) -> Workspace:
        """A workspace holding an opened Scene file (its storyline kept if it has one)."""
        return cls(documents=scene.documents, opened=scene, story=scene.story or None)

    def document_ids(self) -> set[str]:
        """The ids of the workspace's documents."""
        return {d.id for d in self.documents}

    def add_document(self, doc: Document) -> Workspace:
        """The workspace with one more document (the same text twice is kept once)."""
        if any(d.id == doc.id for d in self.documents):
            return self
        return replace(self, documents=(*self.documents, doc))

    def remove_document(self, doc_id: str) -> Workspace:
        """The workspace without one document."""
        return replace(self, documents=tuple(d for d in self.documents if d.id != doc_id))

    def add_edit(self, *new: Edit) -> Workspace:
        """The workspace with corrections appended to its log."""
        return replace(self, edits=(*self.edits, *new))

    def undo(self) -> Workspace:
        """The workspace without its latest correction."""
        return replace(self, edits=self.edits[:-1])

    def with_story(self, story: Sequence[Step] | None) -> Workspace:
        """The workspace with the analyst's storyline (None: build it from the Scene)."""
        return replace(self, story=None if story is None else tuple(story))


def build_scene(
    ws: Workspace,
    extract: Callable[[Sequence[Document]], Scene],
    story_builder: Callable[[Scene], Sequence[Step]] | None = None,
) -> EditOutcome:
    """The Scene a workspace stands for, and the corrections that no longer apply.

    Parameters
    ----------
    ws : Workspace
        Documents, edit log, opened Scene and storyline.
    extract : callable
        Documents → Scene (the app passes a cached :func:`geo.extract.extract`).
    story_builder : callable, optional
        Scene → storyline, used when the analyst has none of their own.

    Returns
    -------
    EditOutcome
        ``scene`` carries the storyline, pruned to what the Scene still holds.
    """
    if ws.opened is None:
        base = extract(ws.documents) if ws.documents else Scene()
    else:
        base = ws.opened
        wanted = {d.id for d in ws.documents}
        for doc in base.documents:
            if doc.id not in wanted:
                base = remove_document(base, doc.id)
        new = [d for d in ws.documents if base.document(d.id) is None]
        if new:
            base = merge_scenes(base, extract(new))
    outcome = replay(base.replace(story=()), ws.edits)
    scene = outcome.scene
    if ws.story is not None:
        scene = with_story(scene, ws.story)
    elif story_builder is not None:
        scene = scene.replace(story=tuple(story_builder(scene)))
    return EditOutcome(scene, outcome.skipped)


# -- edit tables -----------------------------------------------------------------------


def _rows(state: Any, key: str) -> Any:
    if isinstance(state, dict):
        return state.get(key) or ({} if key == "edited_rows" else [])
    return getattr(state, key, None) or ({} if key == "edited_rows" else [])


def table_edits(
    scene: Scene, ids: Sequence[str], state: Any, *, table: str = "relations"
) -> tuple[list[Edit], list[str]]:
    """Edit records for what an ``st.data_editor`` reports, and the problems found.

    Parameters
    ----------
    scene : Scene
        The Scene the table was drawn from.
    ids : sequence of str
        The relation (or place) id of each table row, in row order.
    state : dict
        The editor's state: ``edited_rows`` ({row: {column: value}}),
        ``deleted_rows`` ([row]) and ``added_rows`` ([{column: value}]).
    table : {"relations", "places"}
        Which table it is.

    Returns
    -------
    (edits, problems)
        Each edit was checked by applying it; an edit that does not fit is
        left out and its problem is described in plain words.
    """
    edits: list[Edit] = []
    problems: list[str] = []
    work = scene

    def take(edit: Edit, what: str) -> None:
        nonlocal work
        try:
            work = apply_edit(work, edit)
        except EditError as exc:
            problems.append(f"{what}: {exc}")
            return
        edits.append(edit)

    def row_id(index: Any) -> str | None:
        try:
            i = int(index)
        except (TypeError, ValueError):
            return None
        return ids[i] if 0 <= i < len(ids) else None

    for index, cells in sorted(_rows(state, "edited_rows").items(), key=lambda kv: int(kv[0])):
        rid = row_id(index)
        if rid is None or not cells:
            continue
        if table == "relations":
            rel = work.relation(rid)
            if rel is None:
                continue
            changes = relation_changes(rel, dict(cells))
            if changes:
                take(update_relation_edit(work, rid, **changes), f"relation {rid}")
        else:
            changes = {k: v for k, v in dict(cells).items() if k in PLACE_FIELDS}
            if changes:
                take(UpdatePlace(rid, tuple(sorted(changes.items()))), f"place {rid}")
    for index in _rows(state, "deleted_rows"):
        rid = row_id(index)
        if rid is None:
            continue
        if table == "relations":
            take(delete_relation_edit(work, rid), f"relation {rid}")
        else:
            take(DeletePlace(rid), f"place {rid}")
    if table == "relations":
        for cells in _rows(state, "added_rows"):
            cells = {k: v for k, v in dict(cells).items() if v is not None and v != ""}
            if not cells:
                continue
            kind = str(cells.get("kind") or "alliance")
            target = cells.get("target")
            members: tuple[str, ...] = ()
            if kind == "influence":
                members = tuple(m for m in re.split(r"[,;\s]+", str(target or "")) if m)
                target = None
            try:
                rel = Relation(
                    id=new_relation_id(work),
                    kind=kind,  # type: ignore[arg-type]
                    source=str(cells.get("source") or ""),
                    target=_none_if_blank(target),
                    members=members,
                    item=_none_if_blank(cells.get("item")),
                    quantity=_quantity(cells.get("quantity")),
                    status=str(cells.get("status") or "unknown"),  # type: ignore[arg-type]
                    cue="added by analyst",
                )
            except EditError as exc:
                problems.append(f"new relation: {exc}")
                continue
            if not rel.source:
                problems.append("new relation: choose its source place")
                continue
            take(AddRelation(rel), "new relation")
    return edits, problems
