"""What one sentence states: a :class:`Finding`, and the sides its ends stand for.

An end may carry a non-state side after "@" ("SD@group:rsf"); a country against its own group is its
army's civil war, and a state's alliance with an armed group is its backing of the group.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from geo.actors import load_groups

__all__ = ["Finding", "group_partnership", "own_army", "split_actor", "with_actors"]


@dataclass(frozen=True)
class Finding:
    """One relation stated in one sentence."""

    kind: str
    source: str
    target: str | None
    cue: str
    item: str | None = None
    quantity: int | None = None
    status: str = "unknown"
    date: str | None = None
    members: tuple[str, ...] = ()
    label: str = ""
    confidence: float = 0.7
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    source_actor: str | None = None
    target_actor: str | None = None


def split_actor(ident: str) -> tuple[str, str | None]:
    """Split an anchor id ("SD@group:rsf" → ("SD", "group:rsf")): a country and, after "@", a non-state side."""
    country, _, actor = ident.partition("@")
    return country, actor or None


def own_army(f: Finding) -> Finding:
    """A country against its own armed group is its army's civil war ("Sudan's war against the RSF")."""
    if f.source != f.target or (f.source_actor is None) == (f.target_actor is None):
        return f
    army = load_groups().army_of(f.source)
    if army is None:
        return f
    if f.source_actor is None and army.id != f.target_actor:
        return replace(f, source_actor=army.id)
    if f.target_actor is None and army.id != f.source_actor:
        return replace(f, target_actor=army.id)
    return f


def group_partnership(f: Finding) -> Finding:
    """A state's alliance with an armed group (not a state's own army) is its backing of the group.

    "The United States has partnered with the SDF", "Iran and Hezbollah are close allies": a group is
    no treaty partner; the state backs it.
    """
    if f.kind != "alliance" or (f.source_actor is None) == (f.target_actor is None):
        return f
    state, group, group_actor = (
        (f.source, f.target, f.target_actor) if f.source_actor is None else (f.target, f.source, f.source_actor)
    )
    army = load_groups().army_of(group or "")
    if group is None or state is None or (army is not None and army.id == group_actor):
        return f
    return replace(f, kind="support", source=state, target=group, source_actor=None, target_actor=group_actor)


def with_actors(f: Finding) -> Finding:
    """A finding whose ends name a non-state side ("SD@group:rsf") with the side split off each end."""
    s, sa = split_actor(f.source)
    t, ta = split_actor(f.target) if f.target else (None, None)
    if sa is None and ta is None:
        return f
    members = tuple(dict.fromkeys(split_actor(m)[0] for m in f.members))
    return Finding(
        f.kind, s, t, f.cue, f.item, f.quantity, f.status, f.date, members, f.label, f.confidence, f.extra, sa, ta
    )
