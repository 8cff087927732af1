"""Briefing storylines: a Scene's relations told as a short sequence of steps.

:func:`build_story` turns a Scene into an overview step followed by one step
per group of related arcs (the transfers from one supplier to one
recipient, a technology flowing back the other way, an alliance, a
conflict, a sphere of influence), each framed on its places, highlighting
its relations, with a caption written from the relations' attributes and
the evidence sentence that supports it.

The editing functions (:func:`edit_caption`, :func:`edit_title`,
:func:`move_step`, :func:`remove_step`, :func:`add_step`) are pure: each
returns a new Scene and leaves its argument alone. They work on the
Scene's story, building one first when it has none (:func:`ensure_story`).

Examples
--------
>>> from geo.scene import Document, Place, Relation, Scene, Span
>>> text = "Turkey sold 12 drones to Ukraine."
>>> doc = Document(id="d1", title="demo", text=text)
>>> tr = Place("TR", "Turkey", "country", "TR", 39.0, 35.0)
>>> ua = Place("UA", "Ukraine", "country", "UA", 49.0, 32.0)
>>> rel = Relation("r1", "transfer", "TR", "UA", item="drones", quantity=12,
...                status="delivered", evidence=(Span("d1", 0, len(text), text),))
>>> steps = build_story(Scene(documents=(doc,), places=(tr, ua), relations=(rel,)))
>>> [s.id for s in steps]
['overview', 'transfer-TR-UA']
>>> steps[1].caption
'Turkey → Ukraine: drones (12), delivered.'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from geo.scene import Relation, Scene, Span, Step, possessive

MAX_GROUP_STEPS = 8
"""The most relation steps a built story has; further groups share one last step."""

OVERVIEW_ID = "overview"

_KIND_NOUNS: dict[str, tuple[str, str]] = {
    "transfer": ("transfer", "transfers"),
    "alliance": ("alliance", "alliances"),
    "support": ("act of backing", "acts of backing"),
    "conflict": ("conflict", "conflicts"),
    "influence": ("sphere of influence", "spheres of influence"),
}
_KIND_ORDER = ("transfer", "alliance", "support", "conflict", "influence")


class StoryError(ValueError):
    """A story edit that cannot be made (unknown step, relation or place id)."""


# -- names ------------------------------------------------------------------------


@cache
def _gazetteer() -> object | None:
    """The gazetteer if geo.gazetteer is installed, else None (names then come from the Scene)."""
    try:
        from geo.gazetteer import load_gazetteer

        return load_gazetteer()
    except (ImportError, OSError):  # not installed, or its data files are missing
        return None


class _Names:
    """Display names of a Scene's places, with the gazetteer as fallback."""

    def __init__(self, scene: Scene) -> None:
        self.scene = scene

    def name(self, place_id: str) -> str:
        place = self.scene.place(place_id)
        if place is not None and place.name:
            return place.name
        gaz = _gazetteer()
        entry = getattr(gaz, "get", lambda _i: None)(place_id) if gaz is not None else None
        return getattr(entry, "name", None) or place_id

    def adjective(self, place_id: str) -> str:
        """'Turkish' for Turkey (its demonym, set in the Scene), else "Turkey's"."""
        place = self.scene.place(place_id)
        return place.adjective if place is not None else possessive(self.name(place_id))

    def join(self, place_ids: Iterable[str], limit: int = 6) -> str:
        names = [self.name(p) for p in place_ids]
        if len(names) > limit:
            names = [*names[: limit - 1], f"{len(names) - limit + 1} more"]
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]


# -- grouping -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Group:
    """Relations told together in one step."""

    key: tuple[str, ...]
    kind: str
    relations: tuple[Relation, ...]
    weight: float
    first: tuple[int, int]

    @property
    def pair(self) -> frozenset[str]:
        return frozenset(self.key[1:3]) if self.kind != "influence" else frozenset(self.key[1:2])


def _group_key(rel: Relation) -> tuple[str, ...]:
    if rel.kind == "influence":
        return ("influence", rel.source)
    target = rel.target or ""
    if rel.kind == "alliance":
        a, b = sorted((rel.source, target))
        return ("alliance", a, b)
    return (rel.kind, rel.source, target)


def _first_appearance(scene: Scene, rels: Iterable[Relation]) -> tuple[int, int]:
    """(document index, character offset) of the earliest evidence of these relations."""
    order = {d.id: i for i, d in enumerate(scene.documents)}
    spans = [(order.get(s.doc, len(order)), s.start) for r in rels for s in r.evidence]
    return min(spans, default=(len(order) + 1, 0))


def _weight(rels: Sequence[Relation]) -> float:
    """Weight of evidence: evidence sentences times confidence, at least one per relation."""
    return sum(max(1, len(r.evidence)) * r.confidence for r in rels)


def _groups(scene: Scene) -> list[_Group]:
    by_key: dict[tuple[str, ...], list[Relation]] = {}
    for rel in scene.relations:
        by_key.setdefault(_group_key(rel), []).append(rel)
    groups = [
        _Group(key, key[0], tuple(rels), _weight(rels), _first_appearance(scene, rels)) for key, rels in by_key.items()
    ]
    return _order(groups)


def _order(groups: list[_Group]) -> list[_Group]:
    """Heaviest evidence first; the groups about one pair of actors stay together.

    Clusters of groups sharing a pair of actors (a transfer, the technology
    flowing back, their alliance) are ordered by their total weight, then by
    first appearance; within a cluster, transfers come first (so the flow
    back follows the flow out), then the other kinds, heavier first.
    """

    def rank(g: _Group) -> tuple[float, tuple[int, int], int]:
        return (-g.weight, g.first, _KIND_ORDER.index(g.kind))

    def in_cluster(g: _Group) -> tuple[bool, float, tuple[int, int], int]:
        return (g.kind != "transfer", *rank(g))

    clusters: dict[frozenset[str], list[_Group]] = {}
    for g in sorted(groups, key=in_cluster):
        clusters.setdefault(g.pair, []).append(g)

    def cluster_rank(members: list[_Group]) -> tuple[float, tuple[int, int]]:
        return (-sum(g.weight for g in members), min(g.first for g in members))

    return [g for members in sorted(clusters.values(), key=cluster_rank) for g in members]


# -- captions -----------------------------------------------------------------------


def _item_phrase(rel: Relation) -> str:
    what = rel.item or rel.label or "unspecified items"
    parts = [f"{what} ({rel.quantity:,})" if rel.quantity is not None else what]
    if rel.status != "unknown":
        parts.append(rel.status)
    if rel.date:
        parts.append(rel.date)
    return ", ".join(parts)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _labels(g: _Group, names: _Names) -> list[str]:
    """The group's labels, minus those that only restate who and whom."""
    ends = [names.name(p).casefold() for p in g.key[1:3] if p]
    return _unique(r.label for r in g.relations if not (len(ends) == 2 and all(e in r.label.casefold() for e in ends)))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _transfer_text(g: _Group, names: _Names, reverse: bool) -> tuple[str, str]:
    src, dst = g.key[1], g.key[2]
    arrow = f"{names.name(src)} → {names.name(dst)}"
    items = "; ".join(_unique(_item_phrase(r) for r in g.relations))
    title = f"Flowing back: {arrow}" if reverse else f"Transfer: {arrow}"
    return title, _sentence(f"{arrow}: {items}")


def _support_text(g: _Group, names: _Names) -> tuple[str, str]:
    src, dst = g.key[1], g.key[2]
    labels = "; ".join(_labels(g, names))
    caption = f"{names.name(src)} backs {names.name(dst)}" + (f": {labels}" if labels else "")
    return f"Backing: {names.name(src)} → {names.name(dst)}", _sentence(caption)


def _conflict_text(g: _Group, names: _Names) -> tuple[str, str]:
    src, dst = g.key[1], g.key[2]
    labels = "; ".join(_labels(g, names))
    dates = ", ".join(_unique(r.date or "" for r in g.relations))
    caption = f"{names.name(src)} against {names.name(dst)}"
    if labels:
        caption += f": {labels}"
    if dates:
        caption += f" ({dates})"
    return f"Conflict: {names.name(src)} vs {names.name(dst)}", _sentence(caption)


def _alliance_text(g: _Group, names: _Names) -> tuple[str, str]:
    a, b = g.key[1], g.key[2]
    labels = "; ".join(_labels(g, names))
    both = f"{names.name(a)} and {names.name(b)}"
    caption = f"{both}: {labels}" if labels else f"{both} stand together"
    return f"Alliance: {names.name(a)} – {names.name(b)}", _sentence(caption)


def _influence_text(g: _Group, names: _Names) -> tuple[str, str]:
    hub = g.key[1]
    adjective = names.adjective(hub)
    members = _unique(m for r in g.relations for m in r.members if m != hub)
    labels = _unique(r.label for r in g.relations)
    caption = f"{adjective} influence"
    if labels:
        caption += " in " + ", ".join(labels)
    if members:
        caption += ": " + names.join(members, limit=10)
    return f"{adjective} sphere of influence", _sentence(caption)


def _step_text(g: _Group, names: _Names, reverse: bool) -> tuple[str, str]:
    if g.kind == "transfer":
        return _transfer_text(g, names, reverse)
    if g.kind == "support":
        return _support_text(g, names)
    if g.kind == "conflict":
        return _conflict_text(g, names)
    if g.kind == "alliance":
        return _alliance_text(g, names)
    return _influence_text(g, names)


def _quote(scene: Scene, rels: Sequence[Relation]) -> Span | None:
    """The evidence sentence of the best-supported relation (confidence, then first seen)."""
    best = sorted(
        (r for r in rels if r.evidence),
        key=lambda r: (-r.confidence, -len(r.evidence), _first_appearance(scene, [r])),
    )
    return best[0].evidence[0] if best else None


def _places_of(rels: Iterable[Relation]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p for r in rels for p in r.endpoints()))


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "step"


# -- building -----------------------------------------------------------------------


def _overview(scene: Scene, groups: list[_Group], names: _Names) -> Step:
    rels = [r for g in groups for r in g.relations]
    places = _places_of(rels) or tuple(p.id for p in scene.places)
    counts = {k: sum(1 for r in rels if r.kind == k) for k in _KIND_ORDER}
    # the two actors in the most relations name the briefing
    degree: dict[str, int] = {}
    for r in rels:
        for p in r.endpoints():
            degree[p] = degree.get(p, 0) + 1
    leads = sorted(degree, key=lambda p: (-degree[p], places.index(p)))[:2]
    title = "Overview: " + " and ".join(names.name(p) for p in leads) if leads else "Overview"
    n_docs = len(scene.documents)
    source = f"{n_docs} article{'s' if n_docs != 1 else ''}"
    if rels:
        kinds = ", ".join(f"{n} {_KIND_NOUNS[k][0] if n == 1 else _KIND_NOUNS[k][1]}" for k, n in counts.items() if n)
        caption = f"{kinds} among {len(places)} places, from {source}."
    elif places:
        caption = f"{names.join(places)}: no relations found in {source}."
    else:
        caption = f"No places found in {source}."
    return Step(OVERVIEW_ID, title, caption, places, tuple(r.id for r in rels), None)


def build_story(scene: Scene) -> tuple[Step, ...]:
    """An overview step, then one step per group of related relations.

    Relations are grouped by kind and actors: the transfers from one
    supplier to one recipient, the backing of one actor by another, one
    conflict, one alliance pair, one sphere of influence. Groups are ordered
    by weight of evidence (evidence sentences times confidence), keeping
    the groups about one pair of actors together, so that a technology
    flowing back follows the transfer it answers. At most
    :data:`MAX_GROUP_STEPS` groups get a step of their own; the rest share a
    last "Also reported" step.

    Parameters
    ----------
    scene
        The Scene to tell; its existing story is ignored.

    Returns
    -------
    tuple of Step
        Deterministic for a given Scene: step ids derive from kinds and
        place ids (``"transfer-TR-UA"``, ``"influence-TR"``).
    """
    names = _Names(scene)
    groups = _groups(scene)
    steps = [_overview(scene, groups, names)]
    seen_ids = {OVERVIEW_ID}
    told: set[tuple[str, str]] = set()
    for g in _told(groups):
        reverse = g.kind == "transfer" and ("transfer", f"{g.key[2]}>{g.key[1]}") in told
        told.add((g.kind, f"{g.key[1]}>{g.key[2]}" if len(g.key) > 2 else g.key[1]))
        title, caption = _step_text(g, names, reverse)
        step_id = _fresh_id(_slug("-".join(g.key)), seen_ids)
        steps.append(
            Step(
                step_id,
                title,
                caption,
                _places_of(g.relations),
                tuple(r.id for r in g.relations),
                _quote(scene, g.relations),
            )
        )
    kept = {id(g) for g in _told(groups)}
    rest = [g for g in groups if id(g) not in kept]
    if rest:
        parts = [_step_text(g, names, False)[1].rstrip(".") for g in rest]
        rels = [r for g in rest for r in g.relations]
        steps.append(
            Step(
                _fresh_id("also-reported", seen_ids),
                "Also reported",
                _sentence("; ".join(parts)),
                _places_of(rels),
                tuple(r.id for r in rels),
                _quote(scene, rels),
            )
        )
    return tuple(steps)


def _told(groups: list[_Group]) -> list[_Group]:
    """The groups that get a step of their own, in story order.

    The heaviest group of every kind is kept first (a sphere of influence
    is never squeezed out by many small backings), then the rest by order.
    """
    chosen: list[int] = []
    for kind in _KIND_ORDER:
        first = next((i for i, g in enumerate(groups) if g.kind == kind), None)
        if first is not None:
            chosen.append(first)
    for i in range(len(groups)):
        if i not in chosen:
            chosen.append(i)
    return [groups[i] for i in sorted(chosen[:MAX_GROUP_STEPS])]


def _fresh_id(base: str, seen: set[str]) -> str:
    candidate, n = base, 2
    while candidate in seen:
        candidate, n = f"{base}-{n}", n + 1
    seen.add(candidate)
    return candidate


# -- editing ------------------------------------------------------------------------


def ensure_story(scene: Scene) -> Scene:
    """The Scene itself when it has a story, else a copy with :func:`build_story`'s."""
    return scene if scene.story else scene.replace(story=build_story(scene))


def _index(story: Sequence[Step], step_id: str) -> int:
    for i, step in enumerate(story):
        if step.id == step_id:
            return i
    raise StoryError(f"no step {step_id!r} in the story")


def _edit(scene: Scene, step_id: str, change: Callable[[Step], Step]) -> Scene:
    scene = ensure_story(scene)
    story = list(scene.story)
    i = _index(story, step_id)
    story[i] = change(story[i])
    return scene.replace(story=tuple(story))


def edit_caption(scene: Scene, step_id: str, caption: str) -> Scene:
    """A copy of the Scene whose step ``step_id`` has a new caption.

    Raises
    ------
    StoryError
        When the story has no such step.
    """
    return _edit(scene, step_id, lambda s: replace(s, caption=caption))


def edit_title(scene: Scene, step_id: str, title: str) -> Scene:
    """A copy of the Scene whose step ``step_id`` has a new title (StoryError if unknown)."""
    return _edit(scene, step_id, lambda s: replace(s, title=title))


def move_step(scene: Scene, step_id: str, delta: int) -> Scene:
    """A copy of the Scene with step ``step_id`` moved ``delta`` places (negative: earlier).

    The move stops at either end of the story.

    Raises
    ------
    StoryError
        When the story has no such step.
    """
    scene = ensure_story(scene)
    story = list(scene.story)
    i = _index(story, step_id)
    step = story.pop(i)
    story.insert(max(0, min(len(story), i + delta)), step)
    return scene.replace(story=tuple(story))


def remove_step(scene: Scene, step_id: str) -> Scene:
    """A copy of the Scene without step ``step_id`` (StoryError if there is none).

    Removing the last step leaves an empty story, which a briefing export
    rebuilds from the relations.
    """
    scene = ensure_story(scene)
    story = list(scene.story)
    story.pop(_index(story, step_id))
    return scene.replace(story=tuple(story))


def add_step(
    scene: Scene,
    *,
    title: str,
    caption: str,
    relation_ids: Sequence[str] = (),
    place_ids: Sequence[str] = (),
    quote: Span | None = None,
    after: str | None = None,
) -> Scene:
    """A copy of the Scene with a new step, at the end or after step ``after``.

    Parameters
    ----------
    scene
        The Scene; a story is built first when it has none.
    title, caption
        What the step says.
    relation_ids
        Relations to highlight.
    place_ids
        Places to frame the map on; when empty, the relations' endpoints.
    quote
        The supporting quote; when None, the first evidence sentence of the
        first relation that has one.
    after
        The id of the step to insert after; None appends.

    Returns
    -------
    Scene
        The new step's id is ``"step-N"``, the first N not yet used.

    Raises
    ------
    StoryError
        When a relation, place or ``after`` step id is unknown.
    """
    scene = ensure_story(scene)
    rels = []
    for rid in relation_ids:
        rel = scene.relation(rid)
        if rel is None:
            raise StoryError(f"no relation {rid!r} in the scene")
        rels.append(rel)
    for pid in place_ids:
        if scene.place(pid) is None:
            raise StoryError(f"no place {pid!r} in the scene")
    places = tuple(place_ids) or _places_of(rels)
    if quote is None:
        quote = next((r.evidence[0] for r in rels if r.evidence), None)
    seen = {s.id for s in scene.story}
    n = 1
    while f"step-{n}" in seen:
        n += 1
    step = Step(f"step-{n}", title, caption, places, tuple(relation_ids), quote)
    story = list(scene.story)
    position = len(story) if after is None else _index(story, after) + 1
    story.insert(position, step)
    return scene.replace(story=tuple(story))
