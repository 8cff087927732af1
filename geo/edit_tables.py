"""The analyst's correction tables: Scene rows for ``st.data_editor`` and the edits a changed table asks for.

:func:`relation_rows` and :func:`place_rows` give the rows the app's editors
show; :func:`table_edits` turns what an editor reports (edited, deleted and
added rows) into edit records of :mod:`geo.edits`, each checked by applying
it, with a plain-words problem for each that does not fit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from geo.edits import (
    PLACE_FIELDS,
    RELATION_FIELDS,
    AddRelation,
    DeletePlace,
    Edit,
    EditError,
    UpdatePlace,
    apply_edit,
    delete_relation_edit,
    new_relation_id,
    none_if_blank,
    update_relation_edit,
    whole_number,
)
from geo.scene import DIRECTED_KINDS, Relation, Scene

# -- rows ---------------------------------------------------------------------


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
    log = _TableLog(scene, ids)
    for index, cells in sorted(_rows(state, "edited_rows").items(), key=lambda kv: int(kv[0])):
        rid = log.row_id(index)
        if rid is not None and cells:
            log.edit_row(rid, dict(cells), table)
    for index in _rows(state, "deleted_rows"):
        rid = log.row_id(index)
        if rid is not None:
            log.delete_row(rid, table)
    if table == "relations":
        for cells in _rows(state, "added_rows"):
            log.add_relation_row(dict(cells))
    return log.edits, log.problems


class _TableLog:
    """The edits found so far, each applied to ``work`` in turn, and the problems found."""

    def __init__(self, scene: Scene, ids: Sequence[str]) -> None:
        self.work = scene
        self.ids = ids
        self.edits: list[Edit] = []
        self.problems: list[str] = []

    def take(self, edit: Edit, what: str) -> None:
        """Keep ``edit`` when it applies; else say why, naming ``what`` it was for."""
        try:
            self.work = apply_edit(self.work, edit)
        except EditError as exc:
            self.problems.append(f"{what}: {exc}")
            return
        self.edits.append(edit)

    def row_id(self, index: Any) -> str | None:
        """The id of the table row ``index``, or None for a row that is not there."""
        try:
            i = int(index)
        except (TypeError, ValueError):
            return None
        return self.ids[i] if 0 <= i < len(self.ids) else None

    def edit_row(self, rid: str, cells: dict[str, Any], table: str) -> None:
        """The edit of one changed row."""
        if table == "relations":
            rel = self.work.relation(rid)
            if rel is None:
                return
            changes = relation_changes(rel, cells)
            if changes:
                self.take(update_relation_edit(self.work, rid, **changes), f"relation {rid}")
        else:
            changes = {k: v for k, v in cells.items() if k in PLACE_FIELDS}
            if changes:
                self.take(UpdatePlace(rid, tuple(sorted(changes.items()))), f"place {rid}")

    def delete_row(self, rid: str, table: str) -> None:
        """The edit of one deleted row."""
        if table == "relations":
            self.take(delete_relation_edit(self.work, rid), f"relation {rid}")
        else:
            self.take(DeletePlace(rid), f"place {rid}")

    def add_relation_row(self, cells: dict[str, Any]) -> None:
        """The edit of one row added to the relation table."""
        cells = {k: v for k, v in cells.items() if v is not None and v != ""}
        if not cells:
            return
        kind = str(cells.get("kind") or "alliance")
        target = cells.get("target")
        members: tuple[str, ...] = ()
        if kind == "influence":
            members = tuple(m for m in re.split(r"[,;\s]+", str(target or "")) if m)
            target = None
        try:
            rel = Relation(
                id=new_relation_id(self.work),
                kind=kind,  # type: ignore[arg-type]
                source=str(cells.get("source") or ""),
                target=none_if_blank(target),
                members=members,
                item=none_if_blank(cells.get("item")),
                quantity=whole_number(cells.get("quantity")),
                status=str(cells.get("status") or "unknown"),  # type: ignore[arg-type]
                cue="added by analyst",
            )
        except EditError as exc:
            self.problems.append(f"new relation: {exc}")
            return
        if not rel.source:
            self.problems.append("new relation: choose its source place")
            return
        self.take(AddRelation(rel), "new relation")
