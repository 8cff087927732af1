"""What the map shows of a Scene: relations filtered by kind, actor and status.

Pure functions over a frozen Scene, for the app's sidebar filters and the
Inspect panel.
"""

from __future__ import annotations

from collections.abc import Iterable

from geo.edits import prune_story
from geo.scene import Scene


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
