"""The app's state: one frozen dataclass and the named transitions between its values.

Everything a session of the Streamlit app holds besides its widgets' values
lives in one :class:`AppState` (``st.session_state.app``): the analyst's
:class:`~geo.workspace.Workspace`, the sample articles chosen, the selection,
the briefing switch, the work kept between sessions, and the messages to show
on the next run. Each user action is a function here that takes a state and
the action's input and returns the next state; none of them imports Streamlit,
so every transition is tested as a plain function (tests/test_app_state.py).
``streamlit_app.py`` reads widgets, calls a transition and stores its result.

Messages are part of the state (:attr:`AppState.messages`): a transition that
refuses an input says why in one line and leaves everything else as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeGuard

from geo import edit_tables, edits, story
from geo.documents import MAX_TEXT_BYTES, InputError, load_bytes
from geo.limits import MAX_SCENE_BYTES
from geo.scene import Document, Scene, SceneError
from geo.workspace import Workspace

MAX_UPLOAD_BYTES = MAX_TEXT_BYTES * 4
"""An uploaded article file larger than this is refused before it is read (its text could not fit)."""

Selection = tuple[str, str]
"""What the Inspect panel shows: ``("relation", id)`` or ``("place", id)``."""


class Upload(Protocol):
    """An uploaded file as Streamlit hands it over (``UploadedFile``): a name, a size, the bytes."""

    @property
    def name(self) -> str:
        """The file's name."""
        ...

    @property
    def size(self) -> int:
        """Its size in bytes."""
        ...

    def getvalue(self) -> bytes:
        """The file's bytes."""
        ...


class KeptWork(Protocol):
    """A session's work kept by the app (:class:`app.cache.LastWork`)."""

    @property
    def scene(self) -> Scene:
        """The Scene kept."""
        ...

    @property
    def saved(self) -> str:
        """When, e.g. ``"23 Nov 17:40"``."""
        ...

    @property
    def key(self) -> str:
        """The key of the session that kept it."""
        ...

    def describe(self) -> str:
        """One line for the sidebar's button."""
        ...


@dataclass(frozen=True)
class AppState:
    """What one session of the app holds, besides its widgets' values.

    Parameters
    ----------
    ws : Workspace
        The analyst's articles, corrections and storyline.
    samples : tuple of str
        The sample articles chosen (file names); the sidebar's multiselect shows them.
    selected : (kind, id) or None
        The feature the Inspect panel shows.
    focus : str or None
        The relation the map emphasises (picked from the Evidence list).
    pick_count : int or None
        The count of the map click last answered (a click is answered once).
    briefing : bool
        The page shows the briefing player instead of the map.
    before_open : (Workspace, samples) or None
        What was open before a scene file or kept work was opened (brought back on request).
    good_ws : Workspace or None
        The last workspace whose Scene was built without an error.
    work_key : str
        The key under which this session keeps its work (:func:`app.cache.keep_work`).
    recent_work : tuple
        Earlier sessions' work, offered in the sidebar.
    store_problem : str
        Why the work cannot be kept between sessions ("" when it can).
    opening_scene, kept_scene : Scene or None
        The Scene this session opened on, and the last one kept.
    scene, view : Scene or None
        The Scene on screen, and the same after the sidebar's filters.
    export_layers : tuple of str
        The layers the exports hold (those the map shows).
    png_for : tuple or None
        The arguments of the map picture asked for (it is made once asked).
    versions : mapping of str to int
        A counter per widget that is renewed after use (uploaders, edit tables).
    messages : tuple of (level, text)
        What to say on the next run: ``level`` is ``error``, ``info`` or ``success``.
    """

    ws: Workspace = field(default_factory=Workspace)
    samples: tuple[str, ...] = ()
    selected: Selection | None = None
    focus: str | None = None
    pick_count: int | None = None
    briefing: bool = False
    before_open: tuple[Workspace, tuple[str, ...]] | None = None
    good_ws: Workspace | None = None
    work_key: str = ""
    recent_work: tuple[KeptWork, ...] = ()
    store_problem: str = ""
    opening_scene: Scene | None = None
    kept_scene: Scene | None = None
    scene: Scene | None = None
    view: Scene | None = None
    export_layers: tuple[str, ...] = ()
    png_for: tuple | None = None
    versions: Mapping[str, int] = field(default_factory=dict)
    messages: tuple[tuple[str, str], ...] = ()

    def say(self, message: str, level: str = "error") -> AppState:
        """The same state with one more message for the next run."""
        return replace(self, messages=(*self.messages, (level, message)))

    def take_messages(self) -> tuple[AppState, tuple[tuple[str, str], ...]]:
        """The messages to show now, and the state without them."""
        return replace(self, messages=()), self.messages

    def bump(self, widget: str) -> AppState:
        """Renew a widget (a new key next run: an uploader or edit table starts empty)."""
        return replace(self, versions={**self.versions, widget: self.versions.get(widget, 0) + 1})

    def widget_key(self, widget: str) -> str:
        """The key of a renewable widget this run, e.g. ``upload_2``."""
        return f"{widget}_{self.versions.get(widget, 0)}"


def counted(n: int, noun: str) -> str:
    """``"1 place"``, ``"3 places"``."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


# -- opening the app --------------------------------------------------------------------------


def start(
    samples: Mapping[str, Document],
    *,
    work_key: str = "",
    recent_work: Sequence[KeptWork] = (),
    store_problem: str | None = "",
) -> AppState:
    """A new session: every sample article open, earlier sessions' work offered."""
    ws = Workspace()
    for doc in samples.values():
        ws = ws.add_document(doc)
    return AppState(
        ws=ws,
        samples=tuple(samples),
        work_key=work_key,
        recent_work=tuple(recent_work),
        store_problem=store_problem or "",
    )


def shown(
    state: AppState,
    scene: Scene,
    *,
    keep: Callable[[Scene, str], bool],
    problem: Callable[[], str | None],
) -> AppState:
    """The Scene built from the workspace is on screen; keep it as this session's work if it is new.

    Parameters
    ----------
    state : AppState
        The state whose workspace gave ``scene``.
    scene : Scene
        The Scene on screen.
    keep : callable
        ``keep(scene, work_key)`` writes the work to the store; False when it cannot.
    problem : callable
        Why the store cannot be written, said once in the sidebar.
    """
    opening = state.opening_scene if state.opening_scene is not None else scene
    state = replace(state, good_ws=state.ws, scene=scene, view=scene, opening_scene=opening)
    unsaved = bool(scene.documents) and scene != opening and scene != state.kept_scene
    if unsaved and keep(scene, state.work_key):
        return replace(state, kept_scene=scene)
    if unsaved and not state.store_problem:
        return replace(state, store_problem=problem() or "")
    return state


def recover(state: AppState) -> AppState:
    """The last change broke the page: back to the workspace that last worked."""
    return replace(state, ws=state.good_ws or Workspace())


def filtered(state: AppState, view: Scene) -> AppState:
    """The Scene on screen after the sidebar's filters."""
    return replace(state, view=view)


# -- articles -------------------------------------------------------------------------------


def choose_samples(state: AppState, samples: Mapping[str, Document], chosen: Iterable[str]) -> AppState:
    """Open the sample articles ``chosen`` (names), close the others; corrections stay."""
    picked = set(chosen)
    ws = state.ws
    for name, doc in samples.items():
        ws = ws.add_document(doc) if name in picked else ws.remove_document(doc.id)
    return replace(state, ws=ws, samples=tuple(name for name in samples if name in picked))


def add_pasted(state: AppState, text: str, title: str = "", date: str = "") -> tuple[AppState, bool]:
    """Add a pasted article; True when it was added (the paste fields are then emptied).

    Page source (it starts with a tag and closes one) is read as HTML, anything else as
    text. ``date`` is the analyst's date for the article (else the time filter reads the
    text's first date).
    """
    if not text.strip():
        return state.say("The pasted text is empty: paste an article's text first."), False
    n = sum(1 for d in state.ws.documents if (d.source or "").startswith("pasted")) + 1
    suffix = ".html" if text.lstrip().startswith("<") and "</" in text else ".txt"
    try:
        doc = load_bytes(f"pasted{suffix}", text.encode("utf-8"))  # id from the text: no duplicates
    except InputError as exc:
        return state.say(f"The pasted text was not added: {exc}"), False
    if doc.id in state.ws.document_ids():
        return state.say("This text is already open.", "info"), False
    day = None
    if date.strip():
        from geo.dates import DateError, parse_date

        try:
            day = parse_date(date.strip())
        except DateError as exc:
            return state.say(f"The pasted text was not added: {exc}."), False
    title = title.strip() or (doc.title if doc.title != "pasted" else f"Pasted text {n}")
    doc = Document(doc.id, title, doc.text, f"pasted {n}", date=day, dated_by="column" if day else "")
    return replace(state, ws=state.ws.add_document(doc)).say(f"Added “{doc.title}”.", "success"), True


def remove_document(state: AppState, doc_id: str, samples: Mapping[str, Document]) -> AppState:
    """Close an article (a sample is unticked too); its corrections stay in the workspace."""
    names = {d.id: name for name, d in samples.items()}
    chosen = tuple(s for s in state.samples if s != names.get(doc_id))
    return replace(state, ws=state.ws.remove_document(doc_id), samples=chosen)


def upload_articles(state: AppState, files: Sequence[Upload]) -> AppState:
    """Add uploaded article files; each one refused says why, and the uploader starts empty again."""
    for file in files:
        if file.size > MAX_UPLOAD_BYTES:
            # one limit in every message: the text an article may hold
            state = state.say(
                f"{file.name} is {file.size / 1e6:.1f} MB; geobrief reads articles of up to "
                f"{MAX_TEXT_BYTES / 1e6:.0f} MB of text. Nothing was added from it."
            )
            continue
        try:
            doc = load_bytes(file.name, file.getvalue())
        except InputError as exc:
            state = state.say(f"{file.name} was not added: {exc}")
            continue
        if doc.id in state.ws.document_ids():
            state = state.say(f"{file.name} is already open.", "info")
            continue
        state = replace(state, ws=state.ws.add_document(doc)).say(f"Added “{doc.title}”.", "success")
    return state.bump("upload") if files else state


# -- scene files and kept work -------------------------------------------------------------------


def open_scene(state: AppState, scene: Scene, label: str, samples: Mapping[str, Document]) -> AppState:
    """Open a Scene (a file, a corpus, kept work); what was open can be brought back."""
    by_id = {d.id: name for name, d in samples.items()}
    state = replace(
        state,
        before_open=(state.ws, state.samples),  # opening a file never loses work
        ws=Workspace.from_scene(scene),
        samples=tuple(by_id[d.id] for d in scene.documents if d.id in by_id),
        selected=None,
    )
    return state.say(
        f"Opened {label}: {counted(len(scene.documents), 'article')}, {counted(len(scene.places), 'place')}, "
        f"{counted(len(scene.relations), 'relation')}.",
        "success",
    )


def open_scene_file(state: AppState, file: Upload | None, samples: Mapping[str, Document]) -> AppState:
    """Open an uploaded scene file; a file too large or malformed is refused in one line."""
    if file is None:
        return state
    state = state.bump("scene_upload")
    if file.size > MAX_SCENE_BYTES:
        return state.say(
            f"{file.name} is too large to be a geobrief scene ({file.size / 1e6:.0f} MB). "
            "The current scene is unchanged."
        )
    try:
        scene = Scene.from_json(file.getvalue())
    except SceneError as exc:
        return state.say(f"{file.name} was not opened: {exc}. The current scene is unchanged.")
    return open_scene(state, scene, file.name, samples)


def restore_work(state: AppState, key: str, samples: Mapping[str, Document]) -> AppState:
    """Reopen an earlier session's work; this session then goes on with it, in its file."""
    work = next((w for w in state.recent_work if w.key == key), None)
    if work is None:
        return state
    state = open_scene(state, work.scene, f"your work from {work.saved}", samples)
    return replace(state, work_key=work.key, recent_work=tuple(w for w in state.recent_work if w.key != key))


def back_before_open(state: AppState) -> AppState:
    """Bring back the articles and corrections that were open before the last opened file."""
    if state.before_open is None:
        return state
    ws, samples = state.before_open
    state = replace(state, ws=ws, samples=samples, before_open=None, selected=None)
    return state.say("Back to the articles and corrections you had before opening the file.", "info")


# -- corrections -------------------------------------------------------------------------------


def table_changed(table_state: Mapping[str, Any] | None) -> TypeGuard[Mapping[str, Any]]:
    """Whether an edit table (``st.data_editor``'s state) reports a change."""
    if not table_state:
        return False
    return any(table_state.get(k) for k in ("edited_rows", "deleted_rows", "added_rows"))


def apply_table_edits(
    state: AppState, scene: Scene, ids: Sequence[str], table_state: Mapping[str, Any], table: str
) -> AppState:
    """Apply what an edit table reports as corrections; each refused change says why."""
    found, problems = edit_tables.table_edits(scene, ids, table_state, table=table)
    for problem in problems:
        state = state.say(f"Not applied — {problem}")
    if found:
        state = replace(state, ws=state.ws.add_edit(*found))
        state = state.say(f"Applied {len(found)} correction{'s' * (len(found) != 1)}.", "success")
    return state


def merge_places(state: AppState, scene: Scene, keep: str, drop: str) -> AppState:
    """Fold the place ``drop`` into ``keep``."""
    try:
        edits.merge_places(scene, keep, drop)
    except edits.EditError as exc:
        return state.say(f"Not merged: {exc}")
    return replace(state, ws=state.ws.add_edit(edits.MergePlaces(keep, drop))).say(
        f"Merged {drop} into {keep}.", "success"
    )


def add_relation(
    state: AppState,
    scene: Scene,
    *,
    kind: str,
    source: str,
    target: str | None,
    other: str = "",
    item: str | None = None,
    quantity: int | None = None,
    status: str = "unknown",
    lookup: Callable[[str], Any] | None = None,
) -> AppState:
    """Add a relation between places of the Scene, or to ``other``, a place named in the gazetteer.

    ``lookup(name)`` finds a gazetteer entry by name (None when unknown); it is called
    only when ``other`` is given.
    """
    ws = state.ws
    other = other.strip()
    if other:
        entry = lookup(other) if lookup is not None else None
        if entry is None:
            return state.say(f"No place known as “{other}”; the relation was not added.")
        place = edits.place_from_entry(entry)
        ws = ws.add_edit(edits.AddPlace(place))
        scene = edits.add_place(scene, place)
        target = place.id
    try:
        new = edits.add_relation(
            scene,
            kind,
            source,
            None if kind == "influence" else target,
            members=(target,) if kind == "influence" and target else (),
            item=item or None,
            quantity=quantity or None,
            status=status,
        )
    except edits.EditError as exc:
        return state.say(f"The relation was not added: {exc}")
    return replace(state, ws=ws.add_edit(edits.AddRelation(new.relations[-1]))).say("Relation added.", "success")


def undo(state: AppState) -> AppState:
    """Undo the last correction."""
    if not state.ws.edits:
        return state
    return replace(state, ws=state.ws.undo()).say("The last correction was undone.", "info")


# -- selection ---------------------------------------------------------------------------------


def pick_relation(state: AppState, relation_id: str | None) -> AppState:
    """A relation picked from the Evidence list: inspected, and emphasised on the map."""
    return replace(state, selected=("relation", relation_id) if relation_id else None, focus=relation_id or None)


def picked_on_map(state: AppState, clicked: tuple[str, str, int] | None) -> AppState:
    """A click on the map (kind, id, click count): inspected once (the map marks it itself)."""
    if not clicked or clicked[2] == state.pick_count:
        return state
    return replace(state, pick_count=clicked[2], selected=(clicked[0], clicked[1]))


def select(state: AppState, selection: Selection | None) -> AppState:
    """Inspect a feature (``("place", id)`` or ``("relation", id)``), or nothing."""
    return replace(state, selected=selection)


def clear_selection(state: AppState) -> AppState:
    """Inspect nothing; the map emphasises nothing."""
    return replace(state, selected=None, focus=None)


# -- storyline ---------------------------------------------------------------------------------


def _with_story(state: AppState, change: Callable[[], Scene]) -> AppState:
    try:
        new = change()
    except story.StoryError as exc:
        return state.say(f"The storyline was not changed: {exc}")
    return replace(state, ws=state.ws.with_story(new.story))


def edit_step(state: AppState, scene: Scene, step_id: str, title: str, caption: str) -> AppState:
    """A step's title and caption as the analyst wrote them (an empty title keeps the step's id)."""
    return _with_story(
        state, lambda: story.edit_title(story.edit_caption(scene, step_id, caption), step_id, title or step_id)
    )


def move_step(state: AppState, scene: Scene, step_id: str, delta: int) -> AppState:
    """Move a step ``delta`` places (−1 up, +1 down)."""
    return _with_story(state, lambda: story.move_step(scene, step_id, delta))


def remove_step(state: AppState, scene: Scene, step_id: str) -> AppState:
    """Remove a step from the storyline."""
    return _with_story(state, lambda: story.remove_step(scene, step_id))


def add_step(
    state: AppState, scene: Scene, title: str, caption: str = "", relation_ids: Sequence[str] = ()
) -> tuple[AppState, bool]:
    """Add a step at the end; True when added (the new-step fields are then emptied)."""
    title = title.strip()
    if not title:
        return state.say("A new step needs a title."), False
    new = _with_story(
        state, lambda: story.add_step(scene, title=title, caption=caption, relation_ids=list(relation_ids))
    )
    return new, new.ws is not state.ws


def rebuild_story(state: AppState) -> AppState:
    """Drop the analyst's storyline: the next Scene gets one built from its relations."""
    return replace(state, ws=state.ws.with_story(None))


def set_briefing(state: AppState, on: bool) -> AppState:
    """Show the briefing player (True) or the map (False)."""
    return replace(state, briefing=on)


def ask_for_png(state: AppState, args: tuple) -> AppState:
    """The map picture of ``args`` (view, layers, title) is asked for: it is made and offered."""
    return replace(state, png_for=args)


def exporting(state: AppState, layers: Sequence[str]) -> AppState:
    """The exports hold ``layers``, those the map shows."""
    return replace(state, export_layers=tuple(layers))
