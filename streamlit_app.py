"""geobrief's Streamlit app: articles in, an offline briefing map out.

Wiring only: widgets call geobrief's library (``geo.documents``,
``geo.extract``, ``geo.edits``, ``geo.story``, ``layers.*``) and the
results are cached. Everything the analyst has (articles, corrections,
storyline) lives in one ``geo.workspace.Workspace`` in ``st.session_state``;
the Scene on screen is derived from it on every run, so adding an article
never discards a correction.

Run with ``./run.sh app`` (``python -m app.server``: the first page is
prepared in a second process while Streamlit starts, see ``app.cache``);
plain ``streamlit run streamlit_app.py`` works too, only its first page is slower.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from app import cache, evidence, pick
from app.guard import guard, guarded
from geo import edit_tables, edits, filters
from geo.documents import MAX_TEXT_BYTES, InputError, load_bytes
from geo.limits import MAX_SCENE_BYTES
from geo.scene import PLACE_KINDS, RELATION_KINDS, STATUSES, Document, Scene, SceneError
from geo.workspace import Workspace, build_scene
from layers.names import ALL_LAYERS, LAYER_NAMES

ROOT = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
ARTICLE_TYPES = ["txt", "md", "markdown", "html", "htm"]
MAX_UPLOAD_BYTES = MAX_TEXT_BYTES * 4
RETURNED = [pick.PICK_FIELD]  # a click on the map names its feature (app/pick.py)
CREDITS = (
    "Outlines: [Natural Earth](https://www.naturalearthdata.com/) (public domain). "
    "Cities: [GeoNames](https://www.geonames.org/) "
    "([CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)). "
    "Demonyms and alternative names: mledoze/countries (ODbL 1.0). "
    "Leaflet (BSD-2-Clause) via xstatic-leaflet. Everything runs offline."
)

st.set_page_config(page_title="geobrief", page_icon="🗺️", layout="wide")


# -- cached library calls --------------------------------------------------------------


STORE = cache.Store(cache.default_dir())  # the first page, prepared by the primer


@st.cache_data(show_spinner="Reading the articles…", max_entries=64)
def _extract_texts(items: tuple[tuple[str | None, ...], ...]) -> Scene:
    return cache.extract_items(items, store=STORE)


def extract_documents(docs: Sequence[Document]) -> Scene:
    """Extraction cached by the documents' ids, titles and texts."""
    return _extract_texts(cache.items_of(docs))


@st.cache_resource(show_spinner=False)
def sample_articles() -> dict[str, Document]:
    """The sample articles in seeds/, read once per server."""
    return cache.read_seeds(SEEDS)


@st.cache_resource(show_spinner=False)
def gazetteer():
    cache.load_library()  # imports never race the warm-up (app/cache.py)
    from geo.gazetteer import load_gazetteer

    return load_gazetteer()


@st.cache_data(show_spinner=False, max_entries=32)
def story_of(scene_json: str) -> tuple:
    return cache.story_for(scene_json, store=STORE)


def build_story_cached(scene: Scene) -> tuple:
    return story_of(scene.to_json(indent=None))


@st.cache_data(show_spinner="Preparing the offline map…", max_entries=8)
def export_map_html(scene_json: str, layers: tuple[str, ...], title: str = "") -> str:
    cache.load_library()
    from layers.export import export_html

    return export_html(Scene.from_json(scene_json), layers=layers, title=title or None)


@st.cache_data(show_spinner="Drawing the map's picture…", max_entries=4)
def export_map_png(scene_json: str, layers: tuple[str, ...], title: str = "") -> bytes:
    import tempfile

    from layers.export import export_map_png as png

    with tempfile.TemporaryDirectory(prefix="geobrief-") as tmp:
        out = Path(tmp) / "map.png"
        png(Scene.from_json(scene_json), out, html=export_map_html(scene_json, layers, title))
        return out.read_bytes()


@st.cache_data(show_spinner="Preparing the briefing…", max_entries=8)
def export_briefing(scene_json: str, title: str = "", jump: bool = False) -> str:
    cache.load_library()
    from layers.briefing import export_briefing_html

    return export_briefing_html(Scene.from_json(scene_json), title=title or None, jump=jump)


@st.cache_data(show_spinner=False, max_entries=8)
def export_geojson_text(scene_json: str, layers: tuple[str, ...]) -> str:
    cache.load_library()
    from geo import strict_json
    from layers.export import export_geojson

    return strict_json.dumps(export_geojson(Scene.from_json(scene_json), layers=layers))


# -- session state ---------------------------------------------------------------------

S = st.session_state


def flash(message: str, level: str = "error") -> None:
    S.setdefault("flash", []).append((level, message))


def bump(name: str) -> None:
    """Give a widget a new key next run (clears uploaders and edit tables)."""
    S[f"v_{name}"] = S.get(f"v_{name}", 0) + 1


def vkey(name: str) -> str:
    return f"{name}_{S.get(f'v_{name}', 0)}"


if "ws" not in S:
    samples = sample_articles()
    ws = Workspace()
    for doc in samples.values():
        ws = ws.add_document(doc)
    S.ws = ws
    S.samples = list(samples)
    S.selected = None
    S.brief_step = 0
    S.briefing = False
    # this session keeps its work under a key of its own; earlier sessions' work is offered
    S.work_key = cache.new_work_key()
    S.recent_work = cache.recent_work(STORE)
    S.store_problem = STORE.write_problem()  # said in the sidebar at once


def set_ws(ws: Workspace) -> None:
    S.ws = ws


# -- callbacks: input ------------------------------------------------------------------


@guarded("Changing the sample articles", flash)
def on_samples() -> None:
    samples = sample_articles()
    chosen = set(S.samples)
    ws = S.ws
    for name, doc in samples.items():
        ws = ws.add_document(doc) if name in chosen else ws.remove_document(doc.id)
    set_ws(ws)


@guarded("Adding the pasted text", flash, after="Your articles are unchanged.")
def on_paste() -> None:
    text = S.get("paste", "")
    if not text.strip():
        flash("The pasted text is empty: paste an article's text first.")
        return
    n = sum(1 for d in S.ws.documents if (d.source or "").startswith("pasted")) + 1
    # pasted page source is read as HTML (markup and scripts stripped), anything else as text
    suffix = ".html" if text.lstrip().startswith("<") and "</" in text else ".txt"
    try:
        doc = load_bytes(f"pasted{suffix}", text.encode("utf-8"))  # id from the text: no duplicates
    except InputError as exc:
        flash(f"The pasted text was not added: {exc}")
        return
    if doc.id in S.ws.document_ids():
        flash("This text is already open.", "info")
        return
    given = (S.get("paste_date") or "").strip()
    date = None
    if given:  # the analyst's date for the article (else the time filter reads the text's first date)
        from geo.dates import DateError, parse_date

        try:
            date = parse_date(given)
        except DateError as exc:
            flash(f"The pasted text was not added: {exc}.")
            return
    title = S.get("paste_title", "").strip() or (doc.title if doc.title != "pasted" else f"Pasted text {n}")
    doc = Document(doc.id, title, doc.text, f"pasted {n}", date=date, dated_by="column" if date else "")
    S.ws = S.ws.add_document(doc)
    S.paste = ""
    S.paste_title = ""
    S.paste_date = ""
    flash(f"Added “{doc.title}”.", "success")


@guarded("Removing the article", flash)
def on_remove_document(doc_id: str) -> None:
    S.ws = S.ws.remove_document(doc_id)
    names = {d.id: n for n, d in sample_articles().items()}
    if doc_id in names and names[doc_id] in S.samples:
        S.samples = [s for s in S.samples if s != names[doc_id]]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


@guarded("Adding the uploaded files", flash, after="Your articles are unchanged.")
def on_upload() -> None:
    files = S.get(vkey("upload")) or []
    for file in files:
        if file.size > MAX_UPLOAD_BYTES:
            # one limit in every message: the text an article may hold
            flash(
                f"{file.name} is {file.size / 1e6:.1f} MB; geobrief reads articles of up to "
                f"{MAX_TEXT_BYTES / 1e6:.0f} MB of text. Nothing was added from it."
            )
            continue
        try:
            doc = load_bytes(file.name, file.getvalue())
        except InputError as exc:
            flash(f"{file.name} was not added: {exc}")
            continue
        if doc.id in S.ws.document_ids():
            flash(f"{file.name} is already open.", "info")
            continue
        S.ws = S.ws.add_document(doc)
        flash(f"Added “{doc.title}”.", "success")
    if files:
        bump("upload")


@guarded("Opening the scene file", flash, after="The current scene is unchanged.")
def on_scene_upload() -> None:
    file = S.get(vkey("scene_upload"))
    if file is None:
        return
    bump("scene_upload")
    if file.size > MAX_SCENE_BYTES:
        flash(
            f"{file.name} is too large to be a geobrief scene ({file.size / 1e6:.0f} MB). "
            "The current scene is unchanged."
        )
        return
    try:
        scene = Scene.from_json(file.getvalue())
    except SceneError as exc:
        flash(f"{file.name} was not opened: {exc}. The current scene is unchanged.")
        return
    open_scene(scene, file.name)


def open_scene(scene: Scene, label: str) -> None:
    S.before_open = (S.ws, list(S.get("samples", [])))  # opening a file never loses work
    S.ws = Workspace.from_scene(scene)
    samples = {d.id: n for n, d in sample_articles().items()}
    S.samples = [samples[d.id] for d in scene.documents if d.id in samples]
    S.selected = None
    S.brief_step = 0
    flash(
        f"Opened {label}: {_count(len(scene.documents), 'article')}, {_count(len(scene.places), 'place')}, "
        f"{_count(len(scene.relations), 'relation')}.",
        "success",
    )


@guarded("Reopening your work", flash, after="What is open now is unchanged.")
def on_restore_last_work(key: str) -> None:
    work = next((w for w in S.get("recent_work", []) if w.key == key), None)
    if work is not None:
        open_scene(work.scene, f"your work from {work.saved}")
        S.work_key = work.key  # chosen: this session now goes on with that work, in its file
        S.recent_work = [w for w in S.recent_work if w.key != key]


@guarded("Going back", flash)
def on_back_before_open() -> None:
    before = S.pop("before_open", None)
    if before is not None:
        S.ws, S.samples = before
        S.selected = None
        flash("Back to the articles and corrections you had before opening the file.", "info")


# -- callbacks: corrections ------------------------------------------------------------


def apply_table(name: str, scene: Scene, ids: list[str], table: str) -> None:
    state = S.get(vkey(name))
    if not state:
        return
    changed = any(state.get(k) for k in ("edited_rows", "deleted_rows", "added_rows"))
    if not changed:
        return
    with guard("Applying the table's changes", flash, after="Your corrections are unchanged."):
        found, problems = edit_tables.table_edits(scene, ids, state, table=table)
        for p in problems:
            flash(f"Not applied — {p}")
        if found:
            S.ws = S.ws.add_edit(*found)
            flash(f"Applied {len(found)} correction{'s' * (len(found) != 1)}.", "success")
    bump(name)
    st.rerun()


@guarded("Merging the places", flash, after="Your corrections are unchanged.")
def on_merge(scene: Scene) -> None:
    keep, drop = S.get("merge_keep"), S.get("merge_drop")
    try:
        edits.merge_places(scene, keep, drop)
    except edits.EditError as exc:
        flash(f"Not merged: {exc}")
        return
    S.ws = S.ws.add_edit(edits.MergePlaces(keep, drop))
    flash(f"Merged {drop} into {keep}.", "success")


@guarded("Adding the relation", flash, after="Your corrections are unchanged.")
def on_add_relation(scene: Scene) -> None:
    source, target = S.get("add_source"), S.get("add_target")
    kind = S.get("add_kind", "alliance")
    other = (S.get("add_other") or "").strip()
    ws = S.ws
    if other:
        entry = gazetteer().resolve(other)
        if entry is None:
            flash(f"No place known as “{other}”; the relation was not added.")
            return
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
            item=S.get("add_item") or None,
            quantity=S.get("add_quantity") or None,
            status=S.get("add_status", "unknown"),
        )
    except edits.EditError as exc:
        flash(f"The relation was not added: {exc}")
        return
    S.ws = ws.add_edit(edits.AddRelation(new.relations[-1]))
    flash("Relation added.", "success")


def on_pick_relation() -> None:
    rid = S.get("ev_relation")
    S.selected = ("relation", rid) if rid else None
    S.focus = rid or None  # picked from the list: the map emphasises it (a map click marks it itself)


def on_clear_selection() -> None:
    S.selected = None
    S.focus = None


@guarded("Undoing", flash)
def on_undo() -> None:
    if S.ws.edits:
        S.ws = S.ws.undo()
        flash("The last correction was undone.", "info")


# -- callbacks: storyline -------------------------------------------------------------


@guarded("Changing the storyline", flash, after="The storyline is unchanged.")
def story_op(scene: Scene, op: str, step_id: str | None = None, **kwargs) -> None:
    cache.load_library()  # never imports alongside the warm-up
    from geo import story

    try:
        if op == "caption":
            new = story.edit_caption(scene, step_id, S.get(f"cap_{step_id}", ""))
            new = story.edit_title(new, step_id, S.get(f"title_{step_id}", "") or step_id)
        elif op == "move":
            new = story.move_step(scene, step_id, kwargs["delta"])
        elif op == "remove":
            new = story.remove_step(scene, step_id)
        elif op == "add":
            title = (S.get("new_step_title") or "").strip()
            if not title:
                flash("A new step needs a title.")
                return
            new = story.add_step(
                scene, title=title, caption=S.get("new_step_caption", ""), relation_ids=S.get("new_step_rels", [])
            )
            S.new_step_title = ""
            S.new_step_caption = ""
        elif op == "rebuild":
            S.ws = S.ws.with_story(None)
            for key in [k for k in S if str(k).startswith(("cap_", "title_"))]:
                del S[key]  # the rebuilt captions replace what the widgets held
            return
        else:
            return
    except story.StoryError as exc:
        flash(f"The storyline was not changed: {exc}")
        return
    S.ws = S.ws.with_story(new.story)


def set_briefing(on: bool) -> None:
    S.briefing = on


def names_of(sc: Scene) -> dict[str, str]:
    return {p.id: p.name for p in sc.places}


# -- the map -----------------------------------------------------------------------


@st.cache_resource(show_spinner="Drawing the map…", max_entries=32)
def prepared_map(
    scene_json: str,
    layers: tuple[str, ...],
    highlight: tuple[str, ...],
    bounds: tuple | None,
    prefix: str,
    title: str = "",
) -> dict:
    """The st_folium arguments for a map, cached by what is drawn.

    A resource cache: the strings (about 1 MB with the basemap) are shared by
    every session and never copied or changed.
    """
    return cache.prepare(scene_json, layers, highlight, bounds, prefix, store=STORE, title=title or None)


def draw_map(
    view_json: str,
    *,
    layers: Sequence[str],
    highlight: set[str] | None,
    key: str,
    height: int,
    bounds=None,
):
    from app.map import register_land_assets, register_leaflet_assets, show_map

    register_land_assets()
    prepared = prepared_map(
        view_json,
        tuple(layers),
        tuple(sorted(highlight or ())),
        None if bounds is None else (tuple(bounds[0]), tuple(bounds[1])),
        register_leaflet_assets(),
        (S.get("map_title") or "").strip(),
    )
    S.not_drawn = prepared.get("not_drawn", [])  # historical states the map cannot outline
    return show_map(prepared, key=key, height=height, returned_objects=RETURNED)


def show_flash() -> None:
    for level, message in S.pop("flash", []):
        getattr(st, level, st.error)(message)


# -- briefing mode ---------------------------------------------------------------------


def briefing_view(scene: Scene) -> None:
    """The briefing as the exported player, embedded: every step answers in the page at once
    (buttons, ← → keys, Home/End), with no rerun of the app."""
    st.html(
        "<style>section[data-testid='stSidebar'],div[data-testid='stSidebarCollapsedControl']{display:none}</style>"
    )
    top = st.columns([6, 1], vertical_alignment="center")
    top[0].caption("Step with the player's buttons or the ← → keys (click the map once if the keys do nothing).")
    top[1].button("Leave briefing", key="brief_exit", on_click=set_briefing, args=(False,), shortcut="Esc")
    if not scene.story:
        st.info("This scene has no storyline yet: add relations or steps first.")
        return
    # the page is geobrief's own export: every article text in it is escaped (tests/test_briefing*.py)
    st.iframe(export_briefing(scene.to_json(indent=None), (S.get("map_title") or "").strip(), True), height=700)


if S.get("briefing"):
    show_flash()
    with guard("Showing the briefing", st.error):
        briefing_view(build_scene(S.ws, extract_documents, story_builder=build_story_cached).scene)
    st.stop()


# -- sidebar: input, filters, files ------------------------------------------------------

with st.sidebar:
    st.title("geobrief")
    st.caption("Geopolitical news → briefing map, offline.")
    st.subheader("Articles")
    st.multiselect("Sample articles", list(sample_articles()), key="samples", on_change=on_samples)
    with st.expander("Paste an article", expanded=not S.ws.documents):
        st.text_input("Title (optional)", key="paste_title")
        st.text_input(
            "Date (optional)",
            key="paste_date",
            placeholder="e.g. 2024-03-12",
            help="The article's date for the map's time filter; without one, the first date its text states",
        )
        st.text_area("Article text", key="paste", height=160, placeholder="Paste the text of a news article…")
        st.button("Add pasted text", on_click=on_paste, key="paste_add")
    st.file_uploader(
        "Upload articles (.txt, .md, .html)",
        type=ARTICLE_TYPES,
        accept_multiple_files=True,
        key=vkey("upload"),
        on_change=on_upload,
    )
    for doc in S.ws.documents:
        c1, c2 = st.columns([5, 1], vertical_alignment="center")
        c1.markdown(doc.title, help=f"{len(doc.text):,} characters · {doc.source or doc.id}")
        c2.button(
            "",
            icon=":material/close:",
            key=f"rm_{doc.id}",
            help=f"Remove “{doc.title}”",
            on_click=on_remove_document,
            args=(doc.id,),
            type="tertiary",
        )

    st.subheader("Scene file")
    if S.get("store_problem"):
        st.warning(f"Your work is not kept between sessions: {S.store_problem}. Save the scene (.json) to keep it.")
    for i, work in enumerate(S.get("recent_work", [])[:3]):
        st.button(
            f"Reopen your last work ({work.describe()})" if i == 0 else f"Reopen earlier work ({work.describe()})",
            key="restore_last" if i == 0 else f"restore_work_{i}",
            on_click=on_restore_last_work,
            args=(work.key,),
            icon=":material/history:",
            help="The articles, corrections and storyline a session of this app kept (each tab keeps its own); "
            "what is open now can be brought back with “Back to before opening”",
        )
    st.file_uploader("Open a saved scene (.json)", type=["json"], key=vkey("scene_upload"), on_change=on_scene_upload)
    if S.get("before_open") is not None:
        st.button(
            "Back to before opening",
            key="back_before_open",
            on_click=on_back_before_open,
            help="Return to the articles and corrections you had before opening the file",
        )

# -- the Scene on screen: derived from the workspace after this run's input ----------------

outcome = None
with guard("Reading the articles", flash, after="The last change was undone; the rest of your work is kept."):
    outcome = build_scene(S.ws, extract_documents, story_builder=build_story_cached)
if outcome is None:  # the last change broke the page: back to the workspace that last worked
    S.ws = S.get("ws_good") or Workspace()
    outcome = build_scene(S.ws, extract_documents, story_builder=build_story_cached)
S.ws_good = S.ws
scene = outcome.scene
S.scene = S.view = scene  # what is on screen (read by the exports and the tests)
S.setdefault("opening_scene", scene)  # the page this session opened on
# the analyst's work, kept for a reload or a closed tab (reopened from the sidebar)
unsaved = scene.documents and scene != S.opening_scene and scene != S.get("kept_scene")
if unsaved and cache.keep_work(STORE, scene, S.work_key):
    S.kept_scene = scene
elif unsaved and not S.get("store_problem"):
    S.store_problem = STORE.write_problem() or f"it could not be saved in {STORE.folder}"

with st.sidebar:
    st.download_button(
        "Save scene (.json)",
        data=scene.to_json(),  # not deferred: see the Export tab
        file_name="geobrief-scene.json",
        mime="application/json",
        key="save_scene",
        on_click="ignore",
    )

    st.subheader("Map")
    st.text_input(
        "Map title", key="map_title", placeholder="The articles' titles", help="On the map and on every export"
    )
    # one row of toggles rather than a checkbox per layer: the first page draws sooner
    shown_layers = (
        st.pills(
            "Layers",
            ALL_LAYERS,
            selection_mode="multi",
            default=list(ALL_LAYERS),
            format_func=lambda name: LAYER_NAMES.get(name, name.capitalize()),
            key="layers",
            help="What the map draws and the exports hold",
        )
        or []
    )
    # an empty filter shows everything (a chip per kind and status cost the first page
    # a tenth of a second in the browser, and "pick what to show" reads more plainly)
    kinds = st.multiselect("Relation kinds", RELATION_KINDS, key="f_kinds", placeholder="All kinds")
    actors = st.multiselect(
        "Actors",
        filters.actors_of(scene),
        key="f_actors",
        format_func=lambda pid: names_of(scene).get(pid, pid),
        placeholder="All actors",
    )
    statuses = st.multiselect(
        "Transfer status",
        STATUSES,
        key="f_status",
        placeholder="All statuses",
        help="Applies to transfers; other relations are kept",
    )
    st.button(
        "Briefing mode ▶", on_click=set_briefing, args=(True,), key="brief_enter", type="primary", width="stretch"
    )
    st.divider()
    st.caption(CREDITS)

show_flash()
for _edit, reason in outcome.skipped:
    st.warning(f"A correction no longer applies and was skipped: {reason}")

if not scene.documents:
    st.info("Add an article: pick a sample, paste text or upload a file in the sidebar.")
    st.stop()

view = filters.filter_scene(scene, kinds=kinds or None, actors=actors or None, statuses=statuses or None)
names = names_of(scene)
S.view = view
view_json = view.to_json(indent=None)

st.caption(
    f"{_count(len(view.documents), 'document')}, {_count(len(view.places), 'place')}, "
    f"{_count(len(view.relations), 'relation')}"
)
if scene.documents and not scene.places:
    st.warning("No places were found in these articles. Add another article or check the text.")

# -- map and inspector ---------------------------------------------------------------


@st.fragment
def map_and_inspector(view: Scene, view_json: str, layers: Sequence[str], names: dict[str, str]) -> None:
    """The map and the Inspect panel: a click on the map reruns only these two (the map, with the
    same arguments, is not sent again), so the panel answers at once."""
    focus = S.get("focus")
    map_col, side_col = st.columns([5, 2])
    with map_col, guard("Drawing the map", st.error):
        value = draw_map(view_json, layers=layers, highlight={focus} if focus else None, key="main_map", height=620)
        clicked = pick.picked(value)
        if clicked and clicked[2] != S.get("pick_count"):
            S.pick_count = clicked[2]
            S.selected = clicked[:2]
    with side_col, guard("Showing the selection", st.error):
        if S.get("selected"):
            cache.load_library()  # never imports alongside the warm-up
        shown = pick.inspect(view, S.get("selected"), names)
        if shown is None:
            st.subheader("Inspect")
            st.caption("Click a country, a place or an arc on the map, or pick a relation below.")
            missing = S.get("not_drawn")
            if missing:
                st.caption(f"Not on the map (historical states without an outline): {', '.join(missing)}")
        else:
            st.subheader(shown["heading"])
            st.caption(shown["caption"])
            st.html(shown["html"])
            st.button("Clear selection", key="clear_sel", on_click=on_clear_selection)


map_and_inspector(view, view_json, shown_layers, names)

# -- tabs ---------------------------------------------------------------------------

# lazy tabs: only the open panel runs and is sent, which keeps reruns and page loads light
tab_ev, tab_fix, tab_story, tab_export, tab_corpus = st.tabs(
    ["Evidence", "Correct", "Briefing", "Export", "Corpus"], key="panel", on_change="rerun"
)

with tab_ev, guard("Showing the evidence", st.error):
    if tab_ev.open is not False:
        rel_ids = [r.id for r in view.relations]
        selected = S.get("selected")
        current = selected[1] if selected and selected[0] == "relation" else None
        S.ev_relation = current if current in rel_ids else ""  # follow map clicks
        choice = (
            st.selectbox(
                "Relation",
                ["", *rel_ids],
                key="ev_relation",
                on_change=on_pick_relation,
                format_func=lambda rid: (
                    "— all mentions —" if not rid else html.unescape(evidence.relation_html(scene.relation(rid), names))
                ),
            )
            or None
        )
        focus = scene.relation(choice).evidence if choice else ()
        with st.expander(f"All {len(view.relations)} relations and their sentences"):
            st.html(evidence.relations_list_html(view, names, selected=choice))
        colours = evidence.place_colours(scene.places)
        st.html(evidence.legend_html(scene.places, colours))
        for doc in scene.documents:
            with st.expander(
                doc.title, expanded=bool(focus and any(s.doc == doc.id for s in focus)) or len(scene.documents) == 1
            ):
                st.html(evidence.highlight_document(doc, scene.places, colours=colours, focus=focus))

with tab_fix, guard("Showing the corrections", st.error):
    if tab_fix.open is not False:
        cache.load_library()  # pandas for the tables, never imported alongside the warm-up
        st.markdown(
            "**Relations** — edit cells, delete rows (select and press Delete), "
            "or add a row between places of this scene."
        )
        rel_ids = [r.id for r in scene.relations]
        place_ids = [p.id for p in scene.places]
        st.data_editor(
            edit_tables.relation_rows(scene),
            key=vkey("rel_editor"),
            num_rows="dynamic",
            width="stretch",
            hide_index=True,
            column_config={
                "id": st.column_config.TextColumn("id", disabled=True),
                "kind": st.column_config.SelectboxColumn("kind", options=list(RELATION_KINDS), required=True),
                "source": st.column_config.SelectboxColumn("source", options=place_ids, required=True),
                "target": st.column_config.TextColumn(
                    "target", help="A place id; for influence, member ids separated by commas"
                ),
                "item": st.column_config.TextColumn("item"),
                "quantity": st.column_config.NumberColumn("quantity", min_value=0, step=1),
                "status": st.column_config.SelectboxColumn("status", options=list(STATUSES)),
                "directed": st.column_config.CheckboxColumn("directed", disabled=True),
                "evidence": st.column_config.TextColumn("evidence", disabled=True, width="large"),
            },
        )
        apply_table("rel_editor", scene, rel_ids, "relations")

        st.markdown("**Places** — rename, change kind, or delete a false one.")
        st.data_editor(
            edit_tables.place_rows(scene),
            key=vkey("place_editor"),
            num_rows="delete",
            width="stretch",
            hide_index=True,
            column_config={
                "id": st.column_config.TextColumn("id", disabled=True),
                "name": st.column_config.TextColumn("name", required=True),
                "kind": st.column_config.SelectboxColumn("kind", options=list(PLACE_KINDS), required=True),
                "mentions": st.column_config.NumberColumn("mentions", disabled=True),
                "reason": st.column_config.TextColumn("reason", disabled=True),
            },
        )
        apply_table("place_editor", scene, place_ids, "places")

        c_merge, c_add = st.columns(2)
        with c_merge, st.form("merge_form", border=True):
            st.markdown("**Merge duplicate places**")
            st.selectbox("Keep", place_ids, key="merge_keep", format_func=lambda p: f"{names.get(p, p)} ({p})")
            st.selectbox(
                "Fold into it",
                place_ids,
                key="merge_drop",
                index=min(1, len(place_ids) - 1),
                format_func=lambda p: f"{names.get(p, p)} ({p})",
            )
            st.form_submit_button("Merge", on_click=on_merge, args=(scene,))
        with c_add, st.form("add_form", border=True):
            st.markdown("**Add a relation**")
            st.selectbox("Kind", RELATION_KINDS, key="add_kind")
            st.selectbox("From", place_ids, key="add_source", format_func=lambda p: names.get(p, p))
            st.selectbox(
                "To",
                place_ids,
                key="add_target",
                index=min(1, len(place_ids) - 1),
                format_func=lambda p: names.get(p, p),
            )
            st.text_input("…or another place by name", key="add_other", placeholder="e.g. Azerbaijan (replaces “To”)")
            st.text_input("Item (transfers)", key="add_item")
            st.number_input("Quantity", min_value=0, step=1, value=None, key="add_quantity")
            st.selectbox("Status", STATUSES, key="add_status", index=len(STATUSES) - 1)
            st.form_submit_button("Add relation", on_click=on_add_relation, args=(scene,))
        st.button(
            f"Undo last correction ({len(S.ws.edits)} so far)", on_click=on_undo, disabled=not S.ws.edits, key="undo"
        )

with tab_story, guard("Showing the storyline", st.error):
    if tab_story.open is not False:
        st.caption("The storyline is saved with the scene file. Captions are yours to edit.")
        story = scene.story
        for i, step in enumerate(story):
            with st.container(border=True):
                top = st.columns([6, 1, 1, 1], vertical_alignment="bottom")
                top[0].text_input(
                    f"Step {i + 1} title",
                    value=step.title,
                    key=f"title_{step.id}",
                    on_change=story_op,
                    args=(scene, "caption", step.id),
                )
                top[1].button(
                    "↑",
                    key=f"up_{step.id}",
                    on_click=story_op,
                    args=(scene, "move", step.id),
                    kwargs={"delta": -1},
                    disabled=i == 0,
                )
                top[2].button(
                    "↓",
                    key=f"down_{step.id}",
                    on_click=story_op,
                    args=(scene, "move", step.id),
                    kwargs={"delta": 1},
                    disabled=i == len(story) - 1,
                )
                top[3].button(
                    "✕",
                    key=f"del_{step.id}",
                    on_click=story_op,
                    args=(scene, "remove", step.id),
                    help="Remove this step",
                )
                st.text_area(
                    "Caption",
                    value=step.caption,
                    key=f"cap_{step.id}",
                    height=80,
                    on_change=story_op,
                    args=(scene, "caption", step.id),
                )
        with st.form("new_step", border=True):
            st.markdown("**Add a step**")
            st.text_input("Title", key="new_step_title")
            st.text_area("Caption", key="new_step_caption", height=80)
            st.multiselect(
                "Relations to highlight",
                [r.id for r in scene.relations],
                key="new_step_rels",
                format_func=lambda rid: html.unescape(evidence.relation_html(scene.relation(rid), names)),
            )
            st.form_submit_button("Add step", on_click=story_op, args=(scene, "add"))
        c1, c2 = st.columns(2)
        c1.button(
            "Rebuild the storyline from the relations", on_click=story_op, args=(scene, "rebuild"), key="story_rebuild"
        )
        c2.button("Present ▶", on_click=set_briefing, args=(True,), key="brief_enter2", type="primary")

with tab_export, guard("Preparing the exports", st.error):
    if tab_export.open is not False:
        st.caption("Exports hold what the map shows: your corrections, filters and layer switches included.")
        S.export_layers = shown = tuple(shown_layers)
        title = (S.get("map_title") or "").strip()
        # The files are made while the tab is open (cached), not on click: Streamlit deletes a
        # file made on click once any two script runs of any session end, so with several
        # sessions at work the browser could fetch it too late and get nothing.
        c1, c2, c3, c4, c5 = st.columns(5)
        c1.download_button(
            "Offline map (.html)",
            data=export_map_html(view_json, shown, title),
            file_name="geobrief-map.html",
            mime="text/html",
            key="dl_html",
            on_click="ignore",
        )
        c2.download_button(
            "GeoJSON",
            data=export_geojson_text(view_json, shown),
            file_name="geobrief.geojson",
            mime="application/geo+json",
            key="dl_geojson",
            on_click="ignore",
        )
        c3.download_button(
            "Scene (.json)",
            data=view.to_json(),
            file_name="geobrief-scene.json",
            mime="application/json",
            key="dl_scene",
            on_click="ignore",
        )
        c4.download_button(
            "Briefing (.html)",
            data=export_briefing(scene.to_json(indent=None), title),
            file_name="geobrief-briefing.html",
            mime="text/html",
            key="dl_brief",
            on_click="ignore",
        )
        # a picture takes headless Chromium a few seconds: made when asked for, then kept (cached)
        png_args = (view_json, shown, title)
        if S.get("png_for") == png_args:
            c5.download_button(
                "Map picture (.png)",
                data=export_map_png(*png_args),
                file_name="geobrief-map.png",
                mime="image/png",
                key="dl_png",
                on_click="ignore",
                help="The map's first view with its title and sources",
            )
        elif c5.button("Make a map picture", key="make_png", help="A PNG of the map's first view, title and sources"):
            S.png_for = png_args
            st.rerun()

with tab_corpus:
    if tab_corpus.open is not False:
        from app.corpus_panel import corpus_panel

        corpus_panel(open_scene)  # many articles on Dask, or a corpus Scene file; see app/corpus_panel.py

# The page is out: load the rest of the library (folium, gazetteer, outlines) in the background,
# once per server, so the analyst's first own article or correction does not wait for it.
cache.warm_in_background()
