"""The Streamlit app driven through AppTest: real extraction, real map, real edits.

AppTest runs the script in-process without a browser, so the st_folium map
is checked through the arguments the app hands to its component (the
Leaflet script, the asset links); the browser tests in test_app_browser.py
look at the drawn map itself.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.scene import Scene

pytestmark = pytest.mark.app

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")

ARTICLE = (
    "Ankara, 3 March. Turkey delivered 20 Bayraktar TB2 drones to Azerbaijan last year, "
    "officials in Baku said. Russia criticised the sale."
)


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _scene(at: AppTest) -> Scene:
    return at.session_state["app"].scene


def _panel(at: AppTest, name: str) -> AppTest:
    """Open one of the lazy tabs (Evidence, Correct, Briefing, Export)."""
    at.session_state["panel"] = name
    return _run(at)


def _messages(at: AppTest, kind: str = "error") -> list[str]:
    return [e.value for e in getattr(at, kind)]


@pytest.fixture
def at() -> AppTest:
    return _app()


def test_default_load_extracts_seeds_and_draws_an_offline_map(at, map_args):
    scene = _scene(at)
    seeds = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert sorted(d.source.rsplit("/", 1)[-1] for d in scene.documents) == seeds
    assert scene.places and scene.relations
    args = map_args(at)
    assert '"className": "gb-arc ' in args["script"]
    assert args["returned_objects"] == ["selected_tags"]  # map picks (app/pick.py)
    links = [*args["js_links"], *args["css_links"]]
    assert links and all(not link.startswith(("http:", "https:", "//")) for link in links)
    assert any(link.endswith("leaflet.js") for link in args["js_links"])
    assert not _messages(at)
    credits = " ".join(c.value for c in at.caption)
    assert "GeoNames" in credits and "CC BY 4.0" in credits and "Natural Earth" in credits


def test_paste_adds_a_document_and_empty_paste_is_refused(at):
    before = len(_scene(at).documents)
    at.button(key="paste_add").click()
    _run(at)
    assert any("empty" in m for m in _messages(at))
    assert len(_scene(at).documents) == before
    at.text_area(key="paste").input(ARTICLE)
    at.button(key="paste_add").click()
    _run(at)
    scene = _scene(at)
    assert len(scene.documents) == before + 1
    assert scene.documents[-1].text == ARTICLE
    assert any(p.id == "AZ" for p in scene.places)
    assert at.text_area(key="paste").value == ""
    # the same text again is recognised, not duplicated
    at.text_area(key="paste").input(ARTICLE)
    at.button(key="paste_add").click()
    _run(at)
    assert len(_scene(at).documents) == before + 1
    assert any("already open" in i.value for i in at.info)


def test_article_markup_never_reaches_the_page(at):
    # pasted page source: markup and scripts are stripped
    at.text_area(key="paste").input("<p>Turkey sold drones to Ukraine.</p><script>alert(1)</script>")
    at.button(key="paste_add").click()
    _run(at)
    doc = _scene(at).documents[-1]
    assert doc.text == "Turkey sold drones to Ukraine."
    # plain text that merely contains markup is kept as text and escaped wherever it is shown
    text = "Turkey sold <b>drones</b> to Ukraine. <img src=x onerror=alert(1)> <script>alert(2)</script>"
    at.text_area(key="paste").input(text)
    at.button(key="paste_add").click()
    _run(at)
    assert _scene(at).documents[-1].text == text
    bodies = " ".join(h.proto.body for h in at.get("html"))
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in bodies
    assert "<script" not in bodies and "<img" not in bodies and "<b>" not in bodies


def test_uploads_good_bad_and_too_large(at):
    before = len(_scene(at).documents)
    page = (
        b"<html><head><title>Drone deal</title><script>alert('x')</script></head>"
        b"<body><p>Turkey sold drones to <b>Ukraine</b>.</p><script>steal()</script></body></html>"
    )
    at.file_uploader[0].upload("deal.html", page, "text/html")
    _run(at)
    doc = _scene(at).documents[-1]
    assert len(_scene(at).documents) == before + 1
    assert doc.title == "Drone deal" and "alert" not in doc.text and "steal" not in doc.text
    assert "Turkey sold drones to Ukraine." in doc.text
    # the script text never reaches the page: the evidence view escapes the article
    at.file_uploader[0].upload("binary.txt", bytes(range(256)) * 40, "text/plain")
    _run(at)
    assert any("binary" in m for m in _messages(at))
    at.file_uploader[0].upload("huge.txt", b"a" * 20_000_000, "text/plain")
    _run(at)
    assert any("20.0 MB" in m for m in _messages(at))
    assert len(_scene(at).documents) == before + 1


def test_article_without_places_gets_a_clear_message():
    at = _app()
    at.multiselect(key="samples").set_value([])
    _run(at)
    at.text_area(key="paste").input("The weather was pleasant and nobody said anything at all.")
    at.button(key="paste_add").click()
    _run(at)
    assert any("No places were found" in w.value for w in at.warning)


def _edit_relation(
    at: AppTest, rows: dict | None = None, deleted: list | None = None, added: list | None = None
) -> None:
    _panel(at, "Correct")
    key = at.session_state["app"].widget_key("rel_editor")
    at.session_state[key] = {"edited_rows": rows or {}, "deleted_rows": deleted or [], "added_rows": added or []}
    _run(at)


def test_edit_and_delete_relations_survive_adding_an_article(at):
    scene = _scene(at)
    first = scene.relations[0]
    new_status = "frozen" if first.status != "frozen" else "planned"
    _edit_relation(at, rows={0: {"status": new_status, "item": "engines"}})
    edited = _scene(at).relation(first.id)
    assert (edited.status, edited.item) == (new_status, "engines")
    second = _scene(at).relations[1]
    _edit_relation(at, deleted=[1])
    assert _scene(at).relation(second.id) is None
    assert second.id not in at.session_state["app"].view.to_json()
    # adding an article re-extracts everything; the corrections stay
    at.text_area(key="paste").input(ARTICLE)
    at.button(key="paste_add").click()
    _run(at)
    scene = _scene(at)
    assert len(scene.documents) == 3
    same = [r for r in scene.relations if r.evidence == first.evidence and r.kind == first.kind]
    assert same and same[0].status == new_status and same[0].item == "engines"
    assert not [r for r in scene.relations if r.evidence == second.evidence and r.kind == second.kind]


def test_bad_edit_is_refused_with_a_message(at):
    before = _scene(at)
    _edit_relation(at, rows={0: {"target": "Atlantis"}})
    assert any("Atlantis" in m for m in _messages(at))
    assert _scene(at).relations == before.relations


def test_add_relation_and_merge_places(at):
    scene = _scene(at)
    ids = [p.id for p in scene.places]
    _panel(at, "Correct")
    at.selectbox(key="add_kind").set_value("alliance")
    at.selectbox(key="add_source").set_value(ids[0])
    at.selectbox(key="add_target").set_value(ids[1])
    at.button(key="FormSubmitter:add_form-Add relation").click()
    _run(at)
    added = _scene(at).relations[-1]
    assert (added.kind, added.source, added.target) == ("alliance", ids[0], ids[1])
    at.selectbox(key="merge_keep").set_value(ids[0])
    at.selectbox(key="merge_drop").set_value(ids[1])
    at.button(key="FormSubmitter:merge_form-Merge").click()
    _run(at)
    merged = _scene(at)
    assert merged.place(ids[1]) is None
    assert all(ids[1] not in r.endpoints() for r in merged.relations)


def test_filters_change_what_is_drawn(at, map_args):
    # empty filters (the default) show every relation
    assert not at.multiselect(key="f_kinds").value and not at.multiselect(key="f_status").value
    assert at.session_state["app"].view.relations == _scene(at).relations
    at.multiselect(key="f_status").set_value(["frozen"])
    _run(at)
    kept = at.session_state["app"].view.relations
    assert any(r.kind != "transfer" for r in kept)  # the status filter leaves other kinds alone
    assert {r.status for r in kept if r.kind == "transfer"} == {"frozen"}
    at.multiselect(key="f_status").set_value([])
    at.multiselect(key="f_kinds").set_value(["transfer"])
    _run(at)
    view = at.session_state["app"].view
    assert view.relations and all(r.kind == "transfer" for r in view.relations)
    assert '"className": "gb-arc gb-conflict' not in map_args(at)["script"]


ARC_PATH = '"className": "gb-arc '


def test_layer_toggle_removes_a_layer(at, map_args):
    assert ARC_PATH in map_args(at)["script"]
    at.pills(key="layers").unselect("arcs")
    _run(at)
    assert ARC_PATH not in map_args(at)["script"]
    at.pills(key="layers").select("arcs")
    _run(at)
    assert ARC_PATH in map_args(at)["script"]


def test_save_and_reload_scene_and_refuse_malformed(at):
    _edit_relation(at, rows={0: {"item": "engine know-how"}})
    saved = _scene(at).to_json()
    at.multiselect(key="samples").set_value([])
    _run(at)
    assert not _scene(at).documents
    at.file_uploader(key="scene_upload_0").upload("scene.json", saved.encode(), "application/json")
    _run(at)
    assert _scene(at) == Scene.from_json(saved)
    assert _scene(at).relations[0].item == "engine know-how"
    for name, data, expected in [
        ("broken.json", b"{not json", "not valid JSON"),
        ("other.json", b'{"type": "FeatureCollection", "features": []}', "schema_version"),
        ("future.json", json.dumps({"schema_version": 99}).encode(), "newer geobrief"),
    ]:
        at.file_uploader[1].upload(name, data, "application/json")
        _run(at)
        assert any(expected in m and "unchanged" in m for m in _messages(at)), name
        assert _scene(at) == Scene.from_json(saved)
    # what the analyst had before opening the file can be brought back
    at.button(key="back_before_open").click()
    _run(at)
    assert not _scene(at).documents


def test_exports_hold_what_is_on_screen(at):
    from layers.export import export_geojson, export_html

    at.multiselect(key="f_kinds").set_value(["transfer", "alliance"])
    _run(at)
    _panel(at, "Export")
    labels = {b.key: b.label for b in at.download_button}
    assert {"dl_html", "dl_geojson", "dl_scene", "dl_brief", "save_scene"} <= set(labels)
    view = at.session_state["app"].view
    page = export_html(view)
    assert "gb-arc" in page and "https://cdn" not in page
    features = export_geojson(view)["features"]
    kinds = {f["properties"].get("kind") for f in features if f["properties"].get("layer") == "arcs"}
    assert kinds and kinds <= {"transfer", "alliance"}
    # a layer switched off on the map is left out of the map exports too
    at.pills(key="layers").unselect("arcs")
    _run(at)
    shown = at.session_state["app"].export_layers
    assert "arcs" not in shown and "places" in shown
    page = export_html(view, layers=shown)
    assert "gb-arc gb-" not in page and "gb-place gb-" in page  # the classes of drawn features
    assert {f["properties"]["layer"] for f in export_geojson(view, layers=shown)["features"]} <= {
        "places",
        "regions",
        "spheres",
    }


def test_storyline_edit_reorder_remove_add_and_save(at):
    story = _scene(at).story
    assert len(story) >= 2
    _panel(at, "Briefing")
    first, second = story[0], story[1]
    at.text_area(key=f"cap_{second.id}").input("My own caption.")
    _run(at)
    assert _scene(at).story[1].caption == "My own caption."
    at.button(key=f"up_{second.id}").click()
    _run(at)
    assert [s.id for s in _scene(at).story[:2]] == [second.id, first.id]
    at.button(key=f"del_{first.id}").click()
    _run(at)
    assert first.id not in [s.id for s in _scene(at).story]
    at.text_input(key="new_step_title").input("Closing")
    at.text_area(key="new_step_caption").input("What to watch next.")
    at.button(key="FormSubmitter:new_step-Add step").click()
    _run(at)
    last = _scene(at).story[-1]
    assert (last.title, last.caption) == ("Closing", "What to watch next.")
    saved = Scene.from_json(_scene(at).to_json())
    assert saved.story == _scene(at).story and saved.story[0].caption == "My own caption."
    from layers.briefing import export_briefing_html

    briefing = export_briefing_html(_scene(at))  # what the Export panel's briefing button gives
    assert "My own caption." in briefing and "What to watch next." in briefing
    # corrections elsewhere keep the storyline
    at.text_area(key="paste").input(ARTICLE)
    at.button(key="paste_add").click()
    _run(at)
    assert _scene(at).story[0].caption == "My own caption."


def test_briefing_mode_steps_through_the_story(at):
    # the briefing is the exported player, embedded: it steps in the page (tests/test_app_browser.py)
    story = _scene(at).story
    at.button(key="brief_enter").click()
    _run(at)
    (frame,) = [e for e in at.main if "gb-briefing-data" in getattr(e.proto, "srcdoc", "")]
    page = frame.proto.srcdoc
    for step in story:
        assert html.escape(step.title, quote=False) in page or step.title in page
    assert '"jump": true' in page  # steps answer at once, no flight
    at.button(key="brief_exit").click()
    _run(at)
    assert at.session_state["app"].briefing is False
    assert at.sidebar.multiselect


def test_selecting_a_relation_highlights_its_sentence_and_arc(at, map_args):
    plain_script = map_args(at)["script"]
    rel = next(r for r in _scene(at).relations if r.evidence)
    at.selectbox(key="ev_relation").set_value(rel.id)
    _run(at)
    assert at.session_state["app"].selected == ("relation", rel.id)
    bodies = " ".join(h.proto.body for h in at.get("html"))
    assert 'id="gb-focus"' in bodies and 'class="gb-selected"' in bodies
    assert any(h.value == "Relation" for h in at.subheader)
    assert map_args(at)["script"] != plain_script  # the map is redrawn with the arc emphasised
    at.button(key="clear_sel").click()
    _run(at)
    assert at.session_state["app"].selected is None
    assert map_args(at)["script"] == plain_script


def test_selected_place_lists_its_relations_with_evidence(at):
    scene = _scene(at)
    rel = next(r for r in scene.relations if r.evidence)
    from app import state

    at.session_state["app"] = state.select(at.session_state["app"], ("place", rel.source))
    _run(at)
    assert any(h.value == scene.place(rel.source).name for h in at.subheader)
    bodies = " ".join(h.proto.body for h in at.get("html"))
    assert "gb-relations" in bodies


def _work_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("work-*.json"))


def _kept(path: Path) -> Scene:
    from app import store as app_store

    key = path.name[len("work-") : -len(".json")]
    return Scene.from_json(app_store.Store(path.parent).read("work", key))


def test_work_survives_a_reload(tmp_path, monkeypatch):
    """A new session (a reload, a closed tab) offers the last work back; nothing is lost."""
    from app import store as app_store

    monkeypatch.setenv(app_store.CACHE_ENV, str(tmp_path))
    first = _app()
    assert not _work_files(tmp_path)  # the sample page alone is not work to keep
    assert not [b for b in first.button if b.key == "restore_last"]
    first.text_area(key="paste").input(ARTICLE)
    first.button(key="paste_add").click()
    _run(first)
    (work_file,) = _work_files(tmp_path)
    kept = _kept(work_file)
    assert ARTICLE[:40] in " ".join(d.text for d in kept.documents)

    again = _app()  # a reload: a new session on the sample page, with the offer
    assert ARTICLE[:40] not in " ".join(d.text for d in _scene(again).documents)
    again.button(key="restore_last").click()
    _run(again)
    assert _scene(again) == kept
    assert any("Opened your work from" in m for m in _messages(again, "success"))
    again.button(key="back_before_open").click()  # and what was open before comes back
    _run(again)
    assert ARTICLE[:40] not in " ".join(d.text for d in _scene(again).documents)


def test_each_session_keeps_its_own_work_until_the_user_chooses(tmp_path, monkeypatch):
    """Two tabs each keep their work; a new session's edits never overwrite either before a choice."""
    from app import store as app_store

    monkeypatch.setenv(app_store.CACHE_ENV, str(tmp_path))
    tab_a, tab_b = _app(), _app()
    tab_a.text_area(key="paste").input(ARTICLE)
    tab_a.button(key="paste_add").click()
    _run(tab_a)
    other = "Moscow, 4 May. Russia supplied S-400 missiles to India, officials in New Delhi said."
    tab_b.text_area(key="paste").input(other)
    tab_b.button(key="paste_add").click()
    _run(tab_b)
    kept = {p.name: _kept(p) for p in _work_files(tmp_path)}
    assert len(kept) == 2  # one file per tab

    restarted = _app()  # after a restart: both are offered
    offered = [b for b in restarted.button if b.key.startswith("restore_")]
    assert len(offered) == 2
    restarted.text_area(key="paste").input("Ankara, 5 June. Turkey and Qatar signed a defence pact in Doha.")
    restarted.button(key="paste_add").click()
    _run(restarted)  # a change before choosing goes to the new session's own file
    assert {p.name: _kept(p) for p in _work_files(tmp_path) if p.name in kept} == kept
    assert len(_work_files(tmp_path)) == 3
    restarted.button(key="restore_work_1").click()  # then the user picks the older one
    _run(restarted)
    assert _scene(restarted).documents in [k.documents for k in kept.values()]


def test_unreadable_kept_work_is_not_offered(tmp_path, monkeypatch):
    from app import store as app_store

    monkeypatch.setenv(app_store.CACHE_ENV, str(tmp_path))
    (tmp_path / "work-last.json").write_text('{"schema_version": 1, "documents": [')
    at = _app()
    assert not [b for b in at.button if b.key == "restore_last"]
    assert _scene(at).documents


def test_an_unwritable_cache_folder_is_said_at_once(tmp_path, monkeypatch):
    from app import store as app_store

    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(app_store.CACHE_ENV, str(blocker / "cache"))
    at = _app()
    warnings = _messages(at, "warning")
    assert any("Your work is not kept between sessions" in w for w in warnings), warnings
    at.text_area(key="paste").input(ARTICLE)
    at.button(key="paste_add").click()
    _run(at)  # the work is still in the session
    assert ARTICLE[:40] in " ".join(d.text for d in _scene(at).documents)


def test_a_pasted_article_takes_the_date_the_analyst_gives(at):
    at.text_input(key="paste_date").input("2024-03-12")
    at.text_area(key="paste").input("The United Arab Emirates supplied drones to the Rapid Support Forces.")
    at.button(key="paste_add").click()
    _run(at)
    (doc,) = [d for d in _scene(at).documents if (d.source or "").startswith("pasted")]
    assert (doc.date, doc.dated_by) == ("2024-03-12", "column")
    at.text_input(key="paste_date").input("soon")
    at.text_area(key="paste").input("Egypt backs the Sudanese army.")
    at.button(key="paste_add").click()
    _run(at)
    assert any("not a date" in m for m in _messages(at))
    assert len([d for d in _scene(at).documents if (d.source or "").startswith("pasted")]) == 1
