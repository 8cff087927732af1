"""geobrief's Streamlit app: articles in, an offline briefing map out.

Layout and wiring only. The session's state is one ``app.state.AppState``
(``st.session_state.app``): each widget's callback reads its values and calls
one named transition of ``app/state.py``, which returns the next state. What
the analyst has (articles, corrections, storyline) is its
``geo.workspace.Workspace``; the Scene on screen is derived from it on every
run (library calls cached here), so adding an article never discards a
correction. The page's one style of its own is ``app/briefing_mode.css``.

Run with ``./run.sh app`` (``python -m app.server``: the first page is
prepared in a second process while Streamlit starts, see ``app.cache``);
plain ``streamlit run streamlit_app.py`` works too, only its first page is slower.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from app import cache, evidence, pick, state
from app.guard import guard, guarded
from app.state import AppState, counted
from geo import edit_tables, filters
from geo.scene import PLACE_KINDS, RELATION_KINDS, STATUSES, Document, Scene
from geo.workspace import build_scene
from layers.names import ALL_LAYERS, LAYER_NAMES

ROOT = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
BRIEFING_CSS = ROOT / "app" / "briefing_mode.css"  # the page's only style of its own
ARTICLE_TYPES = ["txt", "md", "markdown", "html", "htm"]
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


# -- session state: one AppState (app/state.py), changed only by its named transitions ----------

S = st.session_state


def app() -> AppState:
    """This session's state."""
    return S.app


def commit(new: AppState) -> None:
    """Store the next state; the sample multiselect follows the samples it holds."""
    if new.samples != S.app.samples:
        S.samples = list(new.samples)
    S.app = new


def flash(message: str, level: str = "error") -> None:
    commit(S.app.say(message, level))


def vkey(name: str) -> str:
    return S.app.widget_key(name)


if "app" not in S:
    # this session keeps its work under a key of its own; earlier sessions' work is offered
    S.app = state.start(
        sample_articles(),
        work_key=cache.new_work_key(),
        recent_work=cache.recent_work(STORE),
        store_problem=STORE.write_problem(),  # said in the sidebar at once
    )
    S.samples = list(S.app.samples)


# -- callbacks: each reads its widgets and calls one transition -----------------------------------


@guarded("Changing the sample articles", flash)
def on_samples() -> None:
    commit(state.choose_samples(app(), sample_articles(), S.samples))


@guarded("Adding the pasted text", flash, after="Your articles are unchanged.")
def on_paste() -> None:
    new, added = state.add_pasted(app(), S.get("paste", ""), S.get("paste_title", ""), S.get("paste_date") or "")
    commit(new)
    if added:
        S.paste = S.paste_title = S.paste_date = ""


@guarded("Removing the article", flash)
def on_remove_document(doc_id: str) -> None:
    commit(state.remove_document(app(), doc_id, sample_articles()))


@guarded("Adding the uploaded files", flash, after="Your articles are unchanged.")
def on_upload() -> None:
    commit(state.upload_articles(app(), S.get(vkey("upload")) or []))


@guarded("Opening the scene file", flash, after="The current scene is unchanged.")
def on_scene_upload() -> None:
    commit(state.open_scene_file(app(), S.get(vkey("scene_upload")), sample_articles()))


def open_scene(scene: Scene, label: str) -> None:
    commit(state.open_scene(app(), scene, label, sample_articles()))


@guarded("Reopening your work", flash, after="What is open now is unchanged.")
def on_restore_last_work(key: str) -> None:
    commit(state.restore_work(app(), key, sample_articles()))


@guarded("Going back", flash)
def on_back_before_open() -> None:
    commit(state.back_before_open(app()))


def apply_table(name: str, scene: Scene, ids: list[str], table: str) -> None:
    table_state = S.get(vkey(name))
    if not state.table_changed(table_state):
        return
    with guard("Applying the table's changes", flash, after="Your corrections are unchanged."):
        commit(state.apply_table_edits(app(), scene, ids, table_state, table))
    commit(app().bump(name))
    st.rerun()


@guarded("Merging the places", flash, after="Your corrections are unchanged.")
def on_merge(scene: Scene) -> None:
    commit(state.merge_places(app(), scene, S["merge_keep"], S["merge_drop"]))


@guarded("Adding the relation", flash, after="Your corrections are unchanged.")
def on_add_relation(scene: Scene) -> None:
    new = state.add_relation(
        app(),
        scene,
        kind=S.get("add_kind", "alliance"),
        source=S["add_source"],
        target=S.get("add_target"),
        other=S.get("add_other") or "",
        item=S.get("add_item") or None,
        quantity=S.get("add_quantity") or None,
        status=S.get("add_status", "unknown"),
        lookup=lambda name: gazetteer().resolve(name),
    )
    commit(new)


def on_pick_relation() -> None:
    commit(state.pick_relation(app(), S.get("ev_relation")))


def on_clear_selection() -> None:
    commit(state.clear_selection(app()))


@guarded("Undoing", flash)
def on_undo() -> None:
    commit(state.undo(app()))


@guarded("Changing the storyline", flash, after="The storyline is unchanged.")
def on_edit_step(scene: Scene, step_id: str) -> None:
    commit(state.edit_step(app(), scene, step_id, S.get(f"title_{step_id}", ""), S.get(f"cap_{step_id}", "")))


@guarded("Changing the storyline", flash, after="The storyline is unchanged.")
def on_move_step(scene: Scene, step_id: str, delta: int) -> None:
    commit(state.move_step(app(), scene, step_id, delta))


@guarded("Changing the storyline", flash, after="The storyline is unchanged.")
def on_remove_step(scene: Scene, step_id: str) -> None:
    commit(state.remove_step(app(), scene, step_id))


@guarded("Changing the storyline", flash, after="The storyline is unchanged.")
def on_add_step(scene: Scene) -> None:
    title, caption, rels = S.get("new_step_title") or "", S.get("new_step_caption", ""), S.get("new_step_rels", [])
    new, added = state.add_step(app(), scene, title, caption, rels)
    commit(new)
    if added:
        S.new_step_title = S.new_step_caption = ""


@guarded("Changing the storyline", flash, after="The storyline is unchanged.")
def on_rebuild_story() -> None:
    commit(state.rebuild_story(app()))
    for key in [k for k in S if str(k).startswith(("cap_", "title_"))]:
        del S[key]  # the rebuilt captions replace what the widgets held


def set_briefing(on: bool) -> None:
    commit(state.set_briefing(app(), on))


def names_of(sc: Scene) -> dict[str, str]:
    return {p.id: p.name for p in sc.places}


def relation_label(sc: Scene, rid: str, names: dict[str, str]) -> str:
    """A relation as a list shows it, e.g. "Türkiye → Ukraine: transfer" (its id if it is gone)."""
    rel = sc.relation(rid)
    return html.unescape(evidence.relation_html(rel, names)) if rel is not None else rid


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
    value = show_map(prepared, key=key, height=height, returned_objects=RETURNED)
    return value, prepared.get("not_drawn", [])  # and the historical states the map cannot outline


def show_flash() -> None:
    rest, messages = app().take_messages()
    commit(rest)
    for level, message in messages:
        getattr(st, level, st.error)(message)


# -- briefing mode ---------------------------------------------------------------------


def briefing_view(scene: Scene) -> None:
    """The briefing as the exported player, embedded: every step answers in the page at once
    (buttons, ← → keys, Home/End), with no rerun of the app."""
    st.html(f"<style>{BRIEFING_CSS.read_text(encoding='utf-8')}</style>")
    top = st.columns([6, 1], vertical_alignment="center")
    top[0].caption("Step with the player's buttons or the ← → keys (click the map once if the keys do nothing).")
    top[1].button("Leave briefing", key="brief_exit", on_click=set_briefing, args=(False,), shortcut="Esc")
    if not scene.story:
        st.info("This scene has no storyline yet: add relations or steps first.")
        return
    # the page is geobrief's own export: every article text in it is escaped (tests/test_briefing*.py)
    st.iframe(export_briefing(scene.to_json(indent=None), (S.get("map_title") or "").strip(), True), height=700)


if app().briefing:
    show_flash()
    with guard("Showing the briefing", st.error):
        briefing_view(build_scene(app().ws, extract_documents, story_builder=build_story_cached).scene)
    st.stop()


# -- sidebar: input, filters, files ------------------------------------------------------

with st.sidebar:
    st.title("geobrief")
    st.caption("Geopolitical news → briefing map, offline.")
    st.subheader("Articles")
    st.multiselect("Sample articles", list(sample_articles()), key="samples", on_change=on_samples)
    with st.expander("Paste an article", expanded=not app().ws.documents):
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
    for doc in app().ws.documents:
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
    if app().store_problem:
        st.warning(f"Your work is not kept between sessions: {app().store_problem}. Save the scene (.json) to keep it.")
    for i, work in enumerate(app().recent_work[:3]):
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
    if app().before_open is not None:
        st.button(
            "Back to before opening",
            key="back_before_open",
            on_click=on_back_before_open,
            help="Return to the articles and corrections you had before opening the file",
        )

# -- the Scene on screen: derived from the workspace after this run's input ----------------

outcome = None
with guard("Reading the articles", flash, after="The last change was undone; the rest of your work is kept."):
    outcome = build_scene(app().ws, extract_documents, story_builder=build_story_cached)
if outcome is None:  # the last change broke the page: back to the workspace that last worked
    commit(state.recover(app()))
    outcome = build_scene(app().ws, extract_documents, story_builder=build_story_cached)
scene = outcome.scene
# on screen; the analyst's work is kept for a reload or a closed tab (reopened from the sidebar)
commit(
    state.shown(
        app(),
        scene,
        keep=lambda sc, key: cache.keep_work(STORE, sc, key),
        problem=lambda: STORE.write_problem() or f"it could not be saved in {STORE.folder}",
    )
)

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
commit(state.filtered(app(), view))
view_json = view.to_json(indent=None)

st.caption(
    f"{counted(len(view.documents), 'document')}, {counted(len(view.places), 'place')}, "
    f"{counted(len(view.relations), 'relation')}"
)
if scene.documents and not scene.places:
    st.warning("No places were found in these articles. Add another article or check the text.")

# -- map and inspector ---------------------------------------------------------------


@st.fragment
def map_and_inspector(view: Scene, view_json: str, layers: Sequence[str], names: dict[str, str]) -> None:
    """The map and the Inspect panel: a click on the map reruns only these two (the map, with the
    same arguments, is not sent again), so the panel answers at once."""
    focus = app().focus
    map_col, side_col = st.columns([5, 2])
    with map_col, guard("Drawing the map", st.error):
        value, missing = draw_map(
            view_json, layers=layers, highlight={focus} if focus else None, key="main_map", height=620
        )
        commit(state.picked_on_map(app(), pick.picked(value)))
    with side_col, guard("Showing the selection", st.error):
        if app().selected:
            cache.load_library()  # never imports alongside the warm-up
        shown = pick.inspect(view, app().selected, names)
        if shown is None:
            st.subheader("Inspect")
            st.caption("Click a country, a place or an arc on the map, or pick a relation below.")
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
        selected = app().selected
        current = selected[1] if selected and selected[0] == "relation" else None
        S.ev_relation = current if current in rel_ids else ""  # follow map clicks
        choice = (
            st.selectbox(
                "Relation",
                ["", *rel_ids],
                key="ev_relation",
                on_change=on_pick_relation,
                format_func=lambda rid: relation_label(scene, rid, names) if rid else "— all mentions —",
            )
            or None
        )
        chosen = scene.relation(choice) if choice else None
        focus = chosen.evidence if chosen is not None else ()
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
            f"Undo last correction ({len(app().ws.edits)} so far)",
            on_click=on_undo,
            disabled=not app().ws.edits,
            key="undo",
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
                    on_change=on_edit_step,
                    args=(scene, step.id),
                )
                top[1].button(
                    "↑",
                    key=f"up_{step.id}",
                    on_click=on_move_step,
                    args=(scene, step.id, -1),
                    disabled=i == 0,
                )
                top[2].button(
                    "↓",
                    key=f"down_{step.id}",
                    on_click=on_move_step,
                    args=(scene, step.id, 1),
                    disabled=i == len(story) - 1,
                )
                top[3].button(
                    "✕",
                    key=f"del_{step.id}",
                    on_click=on_remove_step,
                    args=(scene, step.id),
                    help="Remove this step",
                )
                st.text_area(
                    "Caption",
                    value=step.caption,
                    key=f"cap_{step.id}",
                    height=80,
                    on_change=on_edit_step,
                    args=(scene, step.id),
                )
        with st.form("new_step", border=True):
            st.markdown("**Add a step**")
            st.text_input("Title", key="new_step_title")
            st.text_area("Caption", key="new_step_caption", height=80)
            st.multiselect(
                "Relations to highlight",
                [r.id for r in scene.relations],
                key="new_step_rels",
                format_func=lambda rid: relation_label(scene, rid, names),
            )
            st.form_submit_button("Add step", on_click=on_add_step, args=(scene,))
        c1, c2 = st.columns(2)
        c1.button("Rebuild the storyline from the relations", on_click=on_rebuild_story, key="story_rebuild")
        c2.button("Present ▶", on_click=set_briefing, args=(True,), key="brief_enter2", type="primary")

with tab_export, guard("Preparing the exports", st.error):
    if tab_export.open is not False:
        st.caption("Exports hold what the map shows: your corrections, filters and layer switches included.")
        shown = tuple(shown_layers)
        commit(state.exporting(app(), shown))
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
        if app().png_for == png_args:
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
            commit(state.ask_for_png(app(), png_args))
            st.rerun()

with tab_corpus:
    if tab_corpus.open is not False:
        from app.corpus_panel import corpus_panel

        corpus_panel(open_scene)  # many articles on Dask, or a corpus Scene file; see app/corpus_panel.py

# The page is out: load the rest of the library (folium, gazetteer, outlines) in the background,
# once per server, so the analyst's first own article or correction does not wait for it.
cache.warm_in_background()
