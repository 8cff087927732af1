"""The Streamlit page through AppTest: one smoke test for the sidebar and one per tab.

Each checks that the page's widgets reach the state transitions (app/state.py,
whose behaviour tests/test_app_state.py covers as plain functions) and that
what the page shows follows: real extraction, real map, real edits. AppTest
runs the script in-process without a browser, so the st_folium map is checked
through the arguments the app hands to its component; the browser tests in
test_app_browser.py look at the drawn map itself. (The Corpus tab's smoke
test is in test_app_corpus.py.)
"""

from __future__ import annotations

import html
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


def _view(at: AppTest) -> Scene:
    return at.session_state["app"].view


def _panel(at: AppTest, name: str) -> AppTest:
    """Open one of the lazy tabs (Evidence, Correct, Briefing, Export)."""
    at.session_state["panel"] = name
    return _run(at)


def _messages(at: AppTest, kind: str = "error") -> list[str]:
    return [e.value for e in getattr(at, kind)]


@pytest.fixture
def at() -> AppTest:
    return _app()


def _paste(at: AppTest, text: str) -> AppTest:
    at.text_area(key="paste").input(text)
    at.button(key="paste_add").click()
    return _run(at)


def test_sidebar_adds_filters_and_opens_work(at, map_args, tmp_path, monkeypatch):
    """Default load, paste, upload, filters, layers, scene files and kept work, through the sidebar's widgets."""
    from app import store as app_store

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
    # the filters and the layer switches change what is drawn
    at.multiselect(key="f_kinds").set_value(["transfer"])
    _run(at)
    assert _view(at).relations and all(r.kind == "transfer" for r in _view(at).relations)
    assert '"className": "gb-arc gb-conflict' not in map_args(at)["script"]
    at.multiselect(key="f_kinds").set_value([])
    at.multiselect(key="f_status").set_value(["frozen"])
    _run(at)
    kept = _view(at).relations
    assert any(r.kind != "transfer" for r in kept)  # the status filter leaves other kinds alone
    assert {r.status for r in kept if r.kind == "transfer"} == {"frozen"}
    at.multiselect(key="f_status").set_value([])
    at.pills(key="layers").unselect("arcs")
    _run(at)
    assert _view(at).relations == _scene(at).relations and ARC_PATH not in map_args(at)["script"]
    at.pills(key="layers").select("arcs")
    _run(at)
    assert ARC_PATH in map_args(at)["script"]
    # a pasted article is added and the field emptied; an upload too, and a refused one says why
    _paste(at, ARTICLE)
    assert _scene(at).documents[-1].text == ARTICLE and at.text_area(key="paste").value == ""
    at.file_uploader[0].upload("deal.html", b"<title>Deal</title><p>Turkey sold drones to Ukraine.</p>", "text/html")
    _run(at)
    assert _scene(at).documents[-1].title == "Deal"
    at.file_uploader[0].upload("huge.txt", b"a" * 20_000_000, "text/plain")
    _run(at)
    assert any("20.0 MB" in m for m in _messages(at))
    # a saved scene opens, a malformed one is refused, and what was open comes back
    saved = _scene(at).to_json()
    at.multiselect(key="samples").set_value([])
    _run(at)
    assert [d.title for d in _scene(at).documents] == ["Pasted text 1", "Deal"]
    at.file_uploader(key="scene_upload_0").upload("broken.json", b"{not json", "application/json")
    _run(at)
    assert any("not valid JSON" in m and "unchanged" in m for m in _messages(at))
    at.file_uploader(key="scene_upload_1").upload("scene.json", saved.encode(), "application/json")
    _run(at)
    assert _scene(at) == Scene.from_json(saved) and at.multiselect(key="samples").value == seeds
    at.button(key="back_before_open").click()
    _run(at)
    assert [d.title for d in _scene(at).documents] == ["Pasted text 1", "Deal"]
    # an article without places is said at once
    at.multiselect(key="samples").set_value([])
    for doc in list(_scene(at).documents):
        at.button(key=f"rm_{doc.id}").click()
        _run(at)
    _paste(at, "The weather was pleasant and nobody said anything at all.")
    assert any("No places were found" in w.value for w in at.warning)
    # work is kept for a reload: a new session offers it back
    monkeypatch.setenv(app_store.CACHE_ENV, str(tmp_path))
    first = _app()
    _paste(first, ARTICLE)
    again = _app()
    assert ARTICLE[:40] not in " ".join(d.text for d in _scene(again).documents)
    again.button(key="restore_last").click()
    _run(again)
    assert ARTICLE[:40] in " ".join(d.text for d in _scene(again).documents)
    assert any("Opened your work from" in m for m in _messages(again, "success"))
    # a store that cannot be written is said at once, and the work stays in the session
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(app_store.CACHE_ENV, str(blocker / "cache"))
    blocked = _paste(_app(), ARTICLE)
    assert any("Your work is not kept between sessions" in w for w in _messages(blocked, "warning"))
    assert ARTICLE[:40] in " ".join(d.text for d in _scene(blocked).documents)


ARC_PATH = '"className": "gb-arc '


def test_evidence_tab_selects_escapes_and_inspects(at, map_args):
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
    # article text that merely contains markup is escaped wherever it is shown
    _paste(at, "Turkey sold <b>drones</b> to Ukraine. <img src=x onerror=alert(1)> <script>alert(2)</script>")
    bodies = " ".join(h.proto.body for h in at.get("html"))
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in bodies
    assert "<script" not in bodies and "<img" not in bodies and "<b>" not in bodies


def _edit_relation(
    at: AppTest, rows: dict | None = None, deleted: list | None = None, added: list | None = None
) -> None:
    _panel(at, "Correct")
    key = at.session_state["app"].widget_key("rel_editor")
    at.session_state[key] = {"edited_rows": rows or {}, "deleted_rows": deleted or [], "added_rows": added or []}
    _run(at)


def test_correct_tab_edits_refuses_adds_merges_and_undoes(at):
    scene = _scene(at)
    first = scene.relations[0]
    _edit_relation(at, rows={0: {"item": "engines"}})
    assert _scene(at).relation(first.id).item == "engines"
    assert any("Applied 1 correction" in m for m in _messages(at, "success"))
    _edit_relation(at, rows={0: {"target": "Atlantis"}})
    assert any("Atlantis" in m for m in _messages(at))
    ids = [p.id for p in scene.places]
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
    assert _scene(at).place(ids[1]) is None
    at.button(key="undo").click()
    _run(at)
    assert _scene(at).place(ids[1]) is not None


def test_briefing_tab_edits_the_storyline_and_presents_it(at):
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
    assert at.text_input(key="new_step_title").value == ""
    # the briefing is the exported player, embedded: it steps in the page (tests/test_app_browser.py)
    story = _scene(at).story
    at.button(key="brief_enter2").click()
    _run(at)
    (frame,) = [e for e in at.main if "gb-briefing-data" in getattr(e.proto, "srcdoc", "")]
    page = frame.proto.srcdoc
    for step in story:
        assert html.escape(step.title, quote=False) in page
    assert "My own caption." in page and '"jump": true' in page  # steps answer at once, no flight
    at.button(key="brief_exit").click()
    _run(at)
    assert at.session_state["app"].briefing is False and at.sidebar.multiselect
    _panel(at, "Briefing")
    at.button(key="story_rebuild").click()
    _run(at)
    assert "Closing" not in [s.title for s in _scene(at).story]


def test_export_tab_holds_what_is_on_screen(at):
    from layers.export import export_geojson, export_html

    at.multiselect(key="f_kinds").set_value(["transfer", "alliance"])
    _run(at)
    _panel(at, "Export")
    labels = {b.key: b.label for b in at.download_button}
    assert {"dl_html", "dl_geojson", "dl_scene", "dl_brief", "save_scene"} <= set(labels)
    view = _view(at)
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
