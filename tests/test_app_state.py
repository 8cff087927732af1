"""The app's state transitions (app/state.py) as plain functions: real articles, real extraction, real store.

What the analyst does in the app, step by step, without Streamlit: each test
starts a session the way ``streamlit_app.py`` does, applies the transitions its
widgets call, and builds the Scene on screen with the same library call. The
page's layout and wiring are covered by one AppTest smoke test per tab
(tests/test_app.py) and by the browser tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import pytest

from app import cache as app_cache
from app import pick, state
from app.state import AppState
from app.store import Store
from geo.documents import Document
from geo.extract import extract
from geo.scene import Scene
from geo.workspace import build_scene

ARTICLE = (
    "Ankara, 3 March. Turkey delivered 20 Bayraktar TB2 drones to Azerbaijan last year, "
    "officials in Baku said. Russia criticised the sale."
)


@dataclass(frozen=True)
class File:
    """An uploaded file as Streamlit hands it over (name, size, bytes)."""

    name: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    def getvalue(self) -> bytes:
        return self.data


@cache
def _extract(items: tuple) -> Scene:
    return extract([Document(*item) for item in items])


def scene_of(s: AppState) -> Scene:
    """The Scene on screen for a state, built as the app builds it (extraction cached by the documents)."""
    return build_scene(
        s.ws,
        lambda docs: _extract(app_cache.items_of(docs)),
        story_builder=lambda scene: app_cache.story_for(scene.to_json(indent=None)),
    ).scene


@pytest.fixture(scope="module")
def samples(root) -> dict[str, Document]:
    return app_cache.read_seeds(root / "seeds")


@pytest.fixture
def first(samples) -> AppState:
    """A new session: every sample article open."""
    return state.start(samples, work_key="k1")


def _said(s: AppState, level: str = "error") -> list[str]:
    return [m for lv, m in s.messages if lv == level]


# -- articles ------------------------------------------------------------------------------------


def test_a_session_opens_on_every_sample(first, samples):
    assert first.samples == tuple(samples) and len(samples) >= 2
    assert [d.id for d in first.ws.documents] == [d.id for d in samples.values()]
    scene = scene_of(first)
    assert scene.places and scene.relations and scene.story


def test_choosing_samples_opens_and_closes_them(first, samples):
    names = list(samples)
    one = state.choose_samples(first, samples, names[:1])
    assert one.samples == (names[0],) and [d.id for d in one.ws.documents] == [samples[names[0]].id]
    assert state.choose_samples(one, samples, names).samples == tuple(names)
    none = state.choose_samples(one, samples, [])
    assert not none.ws.documents and not scene_of(none).places


def test_paste_adds_a_document_and_empty_or_repeated_paste_is_refused(first):
    empty, added = state.add_pasted(first, "   ")
    assert not added and empty.ws is first.ws and any("empty" in m for m in _said(empty))
    s, added = state.add_pasted(first, ARTICLE)
    assert added and len(s.ws.documents) == len(first.ws.documents) + 1
    doc = s.ws.documents[-1]
    assert (doc.text, doc.source, doc.title) == (ARTICLE, "pasted 1", "Pasted text 1")
    assert any(p.id == "AZ" for p in scene_of(s).places)
    again, added = state.add_pasted(s, ARTICLE)
    assert not added and again.ws is s.ws and _said(again, "info") == ["This text is already open."]


def test_pasted_page_source_is_read_as_html_and_plain_text_keeps_its_markup(first):
    s, _ = state.add_pasted(first, "<p>Turkey sold drones to Ukraine.</p><script>alert(1)</script>")
    assert s.ws.documents[-1].text == "Turkey sold drones to Ukraine."
    text = "Turkey sold <b>drones</b> to Ukraine. <img src=x onerror=alert(1)> <script>alert(2)</script>"
    s, _ = state.add_pasted(s, text, title="Mine")
    assert (s.ws.documents[-1].text, s.ws.documents[-1].title) == (text, "Mine")


def test_a_pasted_article_takes_the_date_the_analyst_gives(first):
    s, added = state.add_pasted(
        first, "The United Arab Emirates supplied drones to the Rapid Support Forces.", "", "2024-03-12"
    )
    assert added
    doc = s.ws.documents[-1]
    assert (doc.date, doc.dated_by) == ("2024-03-12", "column")
    refused, added = state.add_pasted(s, "Egypt backs the Sudanese army.", "", "soon")
    assert not added and refused.ws is s.ws and any("not a date" in m for m in _said(refused))


def test_removing_a_sample_article_unticks_it(first, samples):
    name, doc = next(iter(samples.items()))
    s = state.remove_document(first, doc.id, samples)
    assert name not in s.samples and doc.id not in s.ws.document_ids()


def test_uploads_good_bad_and_too_large(first):
    page = (
        b"<html><head><title>Drone deal</title><script>alert('x')</script></head>"
        b"<body><p>Turkey sold drones to <b>Ukraine</b>.</p><script>steal()</script></body></html>"
    )
    files = [File("deal.html", page), File("binary.txt", bytes(range(256)) * 40), File("huge.txt", b"a" * 20_000_000)]
    s = state.upload_articles(first, files)
    assert len(s.ws.documents) == len(first.ws.documents) + 1
    doc = s.ws.documents[-1]
    assert doc.title == "Drone deal" and "alert" not in doc.text and "steal" not in doc.text
    assert "Turkey sold drones to Ukraine." in doc.text
    errors = _said(s)
    assert len(errors) == 2 and "binary" in errors[0] and "20.0 MB" in errors[1]
    assert s.widget_key("upload") == "upload_1"  # the uploader starts empty again
    assert state.upload_articles(s, [File("deal.html", page)]).messages[-1] == ("info", "deal.html is already open.")


# -- corrections -----------------------------------------------------------------------------------


def _table(rows=None, deleted=None, added=None) -> dict:
    return {"edited_rows": rows or {}, "deleted_rows": deleted or [], "added_rows": added or []}


def test_edit_and_delete_relations_survive_adding_an_article(first):
    scene = scene_of(first)
    ids = [r.id for r in scene.relations]
    target = scene.relations[0]
    new_status = "frozen" if target.status != "frozen" else "planned"
    assert not state.table_changed(_table()) and state.table_changed(_table(deleted=[1]))
    s = state.apply_table_edits(
        first, scene, ids, _table(rows={0: {"status": new_status, "item": "engines"}}), "relations"
    )
    assert _said(s, "success") == ["Applied 1 correction."]
    edited = scene_of(s).relation(target.id)
    assert (edited.status, edited.item) == (new_status, "engines")
    second = scene_of(s).relations[1]
    s = state.apply_table_edits(s, scene_of(s), [r.id for r in scene_of(s).relations], _table(deleted=[1]), "relations")
    assert scene_of(s).relation(second.id) is None
    # adding an article re-extracts everything; the corrections stay
    s, _ = state.add_pasted(s, ARTICLE)
    after = scene_of(s)
    assert len(after.documents) == 3
    same = [r for r in after.relations if r.evidence == target.evidence and r.kind == target.kind]
    assert same and same[0].status == new_status and same[0].item == "engines"
    assert not [r for r in after.relations if r.evidence == second.evidence and r.kind == second.kind]
    undone = state.undo(state.undo(s))
    assert scene_of(undone).relation(target.id).status == target.status
    assert _said(undone, "info") == ["The last correction was undone."] * 2


def test_a_bad_table_edit_is_refused_with_a_message(first):
    scene = scene_of(first)
    s = state.apply_table_edits(
        first, scene, [r.id for r in scene.relations], _table(rows={0: {"target": "Atlantis"}}), "relations"
    )
    assert any("Atlantis" in m for m in _said(s)) and s.ws is first.ws


def test_add_relation_and_merge_places(first):
    from geo.gazetteer import load_gazetteer

    scene = scene_of(first)
    a, b = (p.id for p in scene.places[:2])
    s = state.add_relation(first, scene, kind="alliance", source=a, target=b)
    added = scene_of(s).relations[-1]
    assert (added.kind, added.source, added.target) == ("alliance", a, b)
    gaz = load_gazetteer()
    s = state.add_relation(
        s, scene_of(s), kind="transfer", source=a, target=None, other="Azerbaijan", item="drones", lookup=gaz.resolve
    )
    added = scene_of(s).relations[-1]
    assert (added.kind, added.source, added.target, added.item) == ("transfer", a, "AZ", "drones")
    unknown = state.add_relation(
        s, scene_of(s), kind="alliance", source=a, target=b, other="Qwertyland", lookup=gaz.resolve
    )
    assert unknown.ws is s.ws and any("No place known as “Qwertyland”" in m for m in _said(unknown))
    merged = state.merge_places(s, scene_of(s), a, b)
    assert _said(merged, "success")[-1] == f"Merged {b} into {a}."
    after = scene_of(merged)
    assert after.place(b) is None and all(b not in r.endpoints() for r in after.relations)
    refused = state.merge_places(merged, after, a, a)
    assert refused.ws is merged.ws and any(m.startswith("Not merged") for m in _said(refused))


# -- scene files and kept work -----------------------------------------------------------------------


def test_save_and_reload_scene_refuse_malformed_and_go_back(first, samples):
    scene = scene_of(first)
    s = state.apply_table_edits(
        first, scene, [r.id for r in scene.relations], _table(rows={0: {"item": "know-how"}}), "relations"
    )
    saved = scene_of(s).to_json()
    empty = state.choose_samples(s, samples, [])
    opened = state.open_scene_file(empty, File("scene.json", saved.encode()), samples)
    assert scene_of(opened) == Scene.from_json(saved) and scene_of(opened).relations[0].item == "know-how"
    assert opened.samples == tuple(samples)  # the samples it holds are ticked
    assert _said(opened, "success")[-1].startswith("Opened scene.json: 2 articles")
    for name, data, expected in [
        ("broken.json", b"{not json", "not valid JSON"),
        ("other.json", b'{"type": "FeatureCollection", "features": []}', "schema_version"),
        ("future.json", json.dumps({"schema_version": 99}).encode(), "newer geobrief"),
        ("big.json", b" " * 60_000_000, "too large"),
    ]:
        refused = state.open_scene_file(opened, File(name, data), samples)
        assert refused.ws is opened.ws, name
        assert expected in _said(refused)[-1] and "unchanged" in _said(refused)[-1], name
        assert refused.widget_key("scene_upload") != opened.widget_key("scene_upload")
    back = state.back_before_open(opened)
    assert not back.ws.documents and back.samples == () and back.before_open is None
    assert state.back_before_open(back) == back


def _store(tmp_path) -> Store:
    return Store(tmp_path / "store")


def _keep(store: Store):
    return lambda scene, key: app_cache.keep_work(store, scene, key)


def _opened(s: AppState, store: Store) -> AppState:
    """The session's first page is on screen (the page it opened on is not work to keep)."""
    return state.shown(s, scene_of(s), keep=_keep(store), problem=store.write_problem)


def test_work_is_kept_and_a_new_session_offers_it_back(first, samples, tmp_path):
    store = _store(tmp_path)
    s = state.shown(first, scene_of(first), keep=_keep(store), problem=store.write_problem)
    assert s.kept_scene is None  # the sample page alone is not work to keep
    s, _ = state.add_pasted(s, ARTICLE)
    s = state.shown(s, scene_of(s), keep=_keep(store), problem=store.write_problem)
    assert s.kept_scene == scene_of(s)

    again = state.start(samples, work_key="k2", recent_work=app_cache.recent_work(store))  # a reload
    assert [w.key for w in again.recent_work] == ["k1"]
    assert ARTICLE[:40] not in " ".join(d.text for d in again.ws.documents)
    restored = state.restore_work(again, "k1", samples)
    assert scene_of(restored) == s.kept_scene and restored.work_key == "k1" and restored.recent_work == ()
    assert any("Opened your work from" in m for m in _said(restored, "success"))
    assert state.back_before_open(restored).ws is again.ws  # what was open before comes back
    assert state.restore_work(again, "no such key", samples) is again


def test_each_session_keeps_its_own_work_until_the_user_chooses(samples, tmp_path):
    store = _store(tmp_path)
    sessions = []
    for key, text in [("a", ARTICLE), ("b", "Moscow, 4 May. Russia supplied S-400 missiles to India.")]:
        s, _ = state.add_pasted(_opened(state.start(samples, work_key=key), store), text)
        sessions.append(state.shown(s, scene_of(s), keep=_keep(store), problem=store.write_problem))
    restarted = _opened(state.start(samples, work_key="c", recent_work=app_cache.recent_work(store)), store)
    assert {w.key for w in restarted.recent_work} == {"a", "b"}
    s, _ = state.add_pasted(restarted, "Ankara, 5 June. Turkey and Qatar signed a defence pact in Doha.")
    s = state.shown(s, scene_of(s), keep=_keep(store), problem=store.write_problem)
    kept = {w.key: w.scene for w in app_cache.recent_work(store)}
    assert set(kept) == {"a", "b", "c"}  # a change before choosing goes to the new session's own file
    assert kept["a"] == sessions[0].kept_scene and kept["b"] == sessions[1].kept_scene
    picked = state.restore_work(s, "a", samples)
    assert scene_of(picked).documents == kept["a"].documents and picked.work_key == "a"


def test_unreadable_kept_work_is_not_offered(tmp_path):
    store = _store(tmp_path)
    store.folder.mkdir(parents=True)
    (store.folder / "work-last.json").write_text('{"schema_version": 1, "documents": [')
    assert app_cache.recent_work(store) == []


def test_an_unwritable_store_is_said_and_the_work_stays_in_the_session(samples, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    store = Store(blocker / "cache")
    problem = store.write_problem()
    assert problem
    s, _ = state.add_pasted(_opened(state.start(samples, work_key="k", store_problem=problem), store), ARTICLE)
    s = state.shown(s, scene_of(s), keep=_keep(store), problem=lambda: "never asked: a problem is known")
    assert s.store_problem == problem and s.kept_scene is None
    assert ARTICLE[:40] in " ".join(d.text for d in scene_of(s).documents)
    new = state.start(samples, work_key="k")
    opened = state.shown(new, scene_of(new), keep=lambda *_: False, problem=lambda: "never asked: nothing to keep")
    assert opened.store_problem == ""
    quiet = state.shown(opened, scene_of(s), keep=lambda *_: False, problem=lambda: "disk full")
    assert quiet.store_problem == "disk full"  # learnt on the first failed write


def test_a_broken_page_goes_back_to_the_last_good_workspace(first):
    s = state.shown(first, scene_of(first), keep=lambda *_: True, problem=str)
    broken, _ = state.add_pasted(s, ARTICLE)
    assert state.recover(broken).ws is first.ws
    assert state.recover(AppState()).ws.documents == ()


# -- selection ---------------------------------------------------------------------------------------


def test_picking_a_relation_inspects_and_emphasises_it_and_clear_forgets_both(first):
    scene = scene_of(first)
    rel = next(r for r in scene.relations if r.evidence)
    s = state.pick_relation(first, rel.id)
    assert (s.selected, s.focus) == (("relation", rel.id), rel.id)
    assert state.pick_relation(s, "").selected is None
    cleared = state.clear_selection(s)
    assert (cleared.selected, cleared.focus) == (None, None)


def test_a_map_click_is_answered_once(first):
    s = state.picked_on_map(first, ("place", "TR", 1))
    assert (s.selected, s.pick_count) == (("place", "TR"), 1)
    s = state.clear_selection(s)
    assert state.picked_on_map(s, ("place", "TR", 1)) is s  # the same click, seen again on a rerun
    assert state.picked_on_map(s, ("relation", "r1", 2)).selected == ("relation", "r1")
    assert state.picked_on_map(s, None) is s


def test_a_selected_place_lists_its_relations_with_evidence(first):
    scene = scene_of(first)
    rel = next(r for r in scene.relations if r.evidence)
    s = state.select(first, ("place", rel.source))
    shown = pick.inspect(scene, s.selected, {p.id: p.name for p in scene.places})
    assert shown["heading"] == scene.place(rel.source).name and "gb-relations" in shown["html"]


# -- storyline ---------------------------------------------------------------------------------------


def test_storyline_edit_reorder_remove_add_and_rebuild(first):
    scene = scene_of(first)
    story = scene.story
    assert len(story) >= 2
    first_step, second = story[0], story[1]
    s = state.edit_step(first, scene, second.id, second.title, "My own caption.")
    assert scene_of(s).story[1].caption == "My own caption."
    assert scene_of(state.edit_step(s, scene_of(s), second.id, "", "x")).story[1].title == second.id
    s = state.move_step(s, scene_of(s), second.id, -1)
    assert [st.id for st in scene_of(s).story[:2]] == [second.id, first_step.id]
    s = state.remove_step(s, scene_of(s), first_step.id)
    assert first_step.id not in [st.id for st in scene_of(s).story]
    untitled, added = state.add_step(s, scene_of(s), "  ")
    assert not added and untitled.ws is s.ws and _said(untitled) == ["A new step needs a title."]
    rel = scene_of(s).relations[0].id
    s, added = state.add_step(s, scene_of(s), "Closing", "What to watch next.", [rel])
    assert added
    last = scene_of(s).story[-1]
    assert (last.title, last.caption) == ("Closing", "What to watch next.")
    saved = Scene.from_json(scene_of(s).to_json())
    assert saved.story == scene_of(s).story and saved.story[0].caption == "My own caption."
    # corrections elsewhere keep the storyline
    more, _ = state.add_pasted(s, ARTICLE)
    assert scene_of(more).story[0].caption == "My own caption."
    rebuilt = state.rebuild_story(more)
    assert scene_of(rebuilt).story[0].caption != "My own caption."


def test_a_refused_story_change_says_why_and_changes_nothing(first):
    scene = scene_of(first)
    s = state.move_step(first, scene, "no-such-step", 1)
    assert s.ws is first.ws and _said(s)[0].startswith("The storyline was not changed")


def test_briefing_png_and_export_switches(first):
    on = state.set_briefing(first, True)
    assert on.briefing and not state.set_briefing(on, False).briefing
    assert state.ask_for_png(first, ("{}", ("arcs",), "")).png_for == ("{}", ("arcs",), "")
    assert state.exporting(first, ["places", "arcs"]).export_layers == ("places", "arcs")


def test_messages_are_said_once(first):
    s = first.say("one").say("two", "info")
    rest, said = s.take_messages()
    assert said == (("error", "one"), ("info", "two")) and rest.messages == ()
    assert state.counted(1, "place") == "1 place" and state.counted(2, "place") == "2 places"
