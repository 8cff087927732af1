"""The analyst's workspace: documents, corrections, an opened Scene and a storyline, in one value.

The Scene on screen is never stored: :func:`build_scene` derives it from a
:class:`Workspace` by extracting the documents and replaying the edit log
(:mod:`geo.edits`), so adding or removing an article keeps every correction
that still applies.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from geo.edits import Edit, EditOutcome, merge_scenes, remove_document, replay, with_story
from geo.scene import Document, Scene, Step


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
