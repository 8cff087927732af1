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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from geo.scene import (
    PLACE_KINDS,
    PLACE_ROLES,
    RELATION_KINDS,
    STATUSES,
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
    changes = {k: none_if_blank(v) if k in ("item", "label", "date", "target") else v for k, v in changes.items()}
    if "quantity" in changes:
        changes["quantity"] = whole_number(changes["quantity"])
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
        target=none_if_blank(target),
        members=tuple(members),
        item=none_if_blank(item),
        quantity=whole_number(quantity),
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
    from geo.gazetteer import load_gazetteer

    return load_gazetteer().place(entry, reason="added by analyst")


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
    if "role" in changes and changes["role"] not in PLACE_ROLES:
        raise EditError(f"unknown place role {changes['role']!r}; use one of {', '.join(map(repr, PLACE_ROLES))}")
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
            same = rels[index[key]]
            rels[index[key]] = replace(same, evidence=tuple(dict.fromkeys((*same.evidence, *rel.evidence))))
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
            same = rels[index[key]]
            rels[index[key]] = replace(same, evidence=tuple(dict.fromkeys((*same.evidence, *rel.evidence))))
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


def none_if_blank(value: Any) -> Any:
    """None for an empty cell (None, NaN, blank text); text stripped; anything else as it is."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


def whole_number(value: Any) -> int | None:
    """A quantity cell as a whole number of at least 0, None when empty; EditError otherwise."""
    value = none_if_blank(value)
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
