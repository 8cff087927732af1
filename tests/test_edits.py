"""The Scene-editing library behind the app's correction tables and filters."""

from __future__ import annotations

import pytest

from app.evidence import highlight_document, place_colour, place_colours, relation_html
from geo import edit_tables, edits, workspace
from geo.edits import (
    AddRelation,
    DeletePlace,
    EditError,
    MergePlaces,
    UpdatePlace,
    apply_edits,
    delete_relation_edit,
    update_relation_edit,
)
from geo.filters import filter_scene
from geo.scene import Relation, Scene, Step
from tests.helpers.app_scenes import second_document_scene, small_scene


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ["r1", "r2", "r3", "r4"]),
        ({"kinds": ["conflict"]}, ["r2", "r4"]),
        ({"actors": ["UA"]}, ["r1"]),
        ({"actors": ["AZ"]}, ["r3"]),
        ({"statuses": ["ordered"]}, ["r2", "r3", "r4"]),
        ({"statuses": ["delivered"], "kinds": ["transfer"]}, ["r1"]),
        ({"kinds": []}, []),
    ],
)
def test_filter_scene(kwargs, expected):
    assert [r.id for r in filter_scene(small_scene(), **kwargs).relations] == expected


def test_filter_by_actor_keeps_only_touched_places():
    scene = filter_scene(small_scene(), actors=["UA"])
    assert {p.id for p in scene.places} == {"TR", "UA"}


def test_filter_prunes_story():
    scene = small_scene().replace(story=(Step("s", "t", "c", ("TR", "RU"), ("r1", "r2")),))
    out = filter_scene(scene, kinds=["transfer"])
    assert out.story[0].relation_ids == ("r1",)
    assert Scene.from_json(out.to_json()) == out


@pytest.mark.parametrize(
    ("changes", "field", "value"),
    [
        ({"status": "frozen"}, "status", "frozen"),
        ({"item": "TB2 drones"}, "item", "TB2 drones"),
        ({"item": "  "}, "item", None),
        ({"quantity": "50"}, "quantity", 50),
        ({"quantity": 7.0}, "quantity", 7),
        ({"quantity": None}, "quantity", None),
        ({"target": "RU"}, "target", "RU"),
        ({"kind": "support"}, "kind", "support"),
    ],
)
def test_update_relation(changes, field, value):
    scene = edits.update_relation(small_scene(), "r1", **changes)
    assert getattr(scene.relation("r1"), field) == value
    assert Scene.from_json(scene.to_json()) == scene


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": "sold"}, "unknown status"),
        ({"kind": "friendship"}, "unknown relation kind"),
        ({"target": "XX"}, "'XX' is not a place"),
        ({"target": "TR"}, "two different places"),
        ({"quantity": "many"}, "whole number"),
        ({"quantity": -3}, "at least 0"),
        ({"evidence": ()}, "cannot change evidence"),
    ],
)
def test_update_relation_refuses_bad_values(changes, message):
    with pytest.raises(EditError, match=message):
        edits.update_relation(small_scene(), "r1", **changes)


def test_kind_change_between_influence_and_pairwise():
    scene = edits.update_relation(small_scene(), "r3", kind="alliance")
    assert scene.relation("r3").target == "AZ" and scene.relation("r3").members == ()
    back = edits.update_relation(scene, "r3", kind="influence")
    assert back.relation("r3").members == ("AZ",) and back.relation("r3").target is None


def test_relation_changes_reads_member_lists():
    scene = small_scene()
    changes = edit_tables.relation_changes(scene.relation("r3"), {"target": "AZ, UA", "status": "planned"})
    assert changes == {"members": ("AZ", "UA"), "status": "planned"}
    out = edits.update_relation(scene, "r3", **changes)
    assert out.relation("r3").members == ("AZ", "UA")


def test_delete_relation_and_story():
    scene = small_scene().replace(story=(Step("s", "t", "c", (), ("r1", "r2")),))
    out = edits.delete_relation(scene, "r1")
    assert out.relation("r1") is None and out.story[0].relation_ids == ("r2",)
    with pytest.raises(EditError, match="no relation"):
        edits.delete_relation(out, "r1")


def test_add_relation_between_known_places():
    scene = edits.add_relation(small_scene(), "alliance", "UA", "AZ")
    rel = scene.relations[-1]
    assert (rel.id, rel.kind, rel.source, rel.target) == ("user-1", "alliance", "UA", "AZ")
    assert Scene.from_json(scene.to_json()) == scene
    with pytest.raises(EditError, match="not a place"):
        edits.add_relation(small_scene(), "alliance", "UA", "FR")


def test_merge_places_moves_mentions_and_repoints_relations():
    scene = edits.merge_places(small_scene(), "city:703448", "city:kiev-dup")
    assert scene.place("city:kiev-dup") is None
    kyiv = scene.place("city:703448")
    assert {m.text for m in kyiv.mentions} == {"Kyiv", "Kiev"}
    assert scene.relation("r4").target == "city:703448"
    assert Scene.from_json(scene.to_json()) == scene


def test_merge_drops_self_relations_and_joins_duplicates():
    scene = edits.add_relation(small_scene(), "conflict", "RU", "UA")
    scene = edits.add_relation(scene, "conflict", "RU", "city:703448")
    out = edits.merge_places(scene, "UA", "city:703448")
    assert [r for r in out.relations if (r.kind, r.source, r.target) == ("conflict", "RU", "UA")]
    assert len([r for r in out.relations if (r.kind, r.source, r.target) == ("conflict", "RU", "UA")]) == 1
    out2 = edits.merge_places(small_scene(), "TR", "UA")
    assert out2.relation("r1") is None  # Turkey → Turkey is no relation


def test_delete_place_removes_its_relations_and_members():
    out = edits.delete_place(small_scene(), "AZ")
    assert out.relation("r3") is None and out.place("AZ") is None
    out = edits.delete_place(small_scene(), "RU")
    assert {r.id for r in out.relations} == {"r1", "r3"}


def test_update_place():
    out = edits.update_place(small_scene(), "city:kiev-dup", name="Kyiv (old spelling)", kind="other")
    assert out.place("city:kiev-dup").name == "Kyiv (old spelling)"
    with pytest.raises(EditError, match="unknown place kind"):
        edits.update_place(small_scene(), "TR", kind="planet")
    with pytest.raises(EditError, match="needs a name"):
        edits.update_place(small_scene(), "TR", name=" ")


def test_edit_log_survives_renumbered_reextraction():
    """Edits find their relation by fingerprint when ids shift after adding an article."""
    base = small_scene()
    log = [
        update_relation_edit(base, "r1", status="frozen"),
        delete_relation_edit(base, "r2"),
        AddRelation(Relation("user-1", "alliance", "UA", "AZ")),
        MergePlaces("city:703448", "city:kiev-dup"),
        UpdatePlace("TR", (("name", "Türkiye"),)),
    ]
    edited = apply_edits(base, log)
    # re-extraction numbers relations differently
    renumbered = base.replace(
        relations=tuple(r.__class__(**{**r.__dict__, "id": f"x{i}"}) for i, r in enumerate(reversed(base.relations)))
    )
    replayed = edits.replay(renumbered, log)
    assert replayed.skipped == ()
    out = replayed.scene
    transfer = next(r for r in out.relations if r.kind == "transfer")
    assert transfer.status == "frozen"
    assert not [r for r in out.relations if r.kind == "conflict" and r.target == "TR"]
    assert out.place("TR").name == "Türkiye" and out.place("city:kiev-dup") is None
    assert len(out.relations) == len(edited.relations)


def test_stale_edits_are_reported_not_fatal():
    base = small_scene()
    log = [update_relation_edit(base, "r1", status="frozen"), DeletePlace("ZZ")]
    other = base.replace(relations=base.relations[1:])
    out = edits.replay(other, log)
    assert len(out.skipped) == 2 and out.scene.relations == other.relations


def test_merge_scenes_keeps_base_and_adds_new_document():
    base = edits.update_relation(small_scene(), "r1", status="frozen")
    merged = edits.merge_scenes(base, second_document_scene())
    assert [d.id for d in merged.documents] == ["d1", "d2"]
    assert merged.relation("r1").status == "frozen"  # the base's correction stays
    alliance = next(r for r in merged.relations if r.kind == "alliance")
    assert alliance.id == "r1.2"
    assert len(merged.place("TR").mentions) == 3
    assert Scene.from_json(merged.to_json()) == merged


def test_remove_document():
    merged = edits.merge_scenes(small_scene(), second_document_scene())
    out = edits.remove_document(merged, "d2")
    assert [d.id for d in out.documents] == ["d1"]
    assert not [r for r in out.relations if r.kind == "alliance"]
    assert all(m.doc == "d1" for p in out.places for m in p.mentions)
    assert Scene.from_json(out.to_json()) == out
    out = edits.remove_document(small_scene(), "d1")
    assert [r.id for r in out.relations] == ["r3"]  # evidence-less relation stays


def test_rows():
    rows = edit_tables.relation_rows(small_scene())
    assert rows[2]["target"] == "AZ" and rows[0]["quantity"] == 12
    assert edit_tables.place_rows(small_scene())[0] == {
        "id": "TR",
        "name": "Turkey",
        "kind": "country",
        "mentions": 2,
        "reason": "name",
    }


# -- evidence HTML -------------------------------------------------------------------


def test_highlight_escapes_article_text():
    from geo.scene import Document, Place, Span

    text = 'Turkey <script>alert("x")</script> & Ukraine <img src=x onerror=alert(1)>'
    doc = Document("d", "t", text)
    tr = Place("TR", "Tur<b>key", "country", "TR", 0, 0, mentions=(Span("d", 0, 6, "Turkey"),))
    out = highlight_document(doc, [tr], focus=[Span("d", 0, 20, text[:20])])
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out and "&amp; Ukraine" in out
    assert 'title="Tur&lt;b&gt;key"' in out
    assert out.count("<mark") == 1 and 'id="gb-focus"' in out


def test_highlight_marks_every_mention_with_its_colour():
    scene = small_scene()
    colours = place_colours(scene.places)
    out = highlight_document(scene.documents[0], scene.places, colours=colours)
    assert out.count("<mark") == 6
    assert f"border-bottom:2px solid {colours['TR']}" in out
    assert place_colour("TR") == place_colour("TR")


def test_highlight_overlaps_and_bad_colours():
    from geo.scene import Document, Place, Span

    doc = Document("d", "t", "New York City")
    a = Place("a", "A", "city", None, 0, 0, mentions=(Span("d", 0, 8, "New York"),))
    b = Place("b", "B", "city", None, 0, 0, mentions=(Span("d", 4, 13, "York City"),))
    out = highlight_document(doc, [a, b], colours={"a": "red;background:url(x)"})
    assert out.count("<mark") == 1 and "url(x)" not in out


def test_relation_html_escapes():
    rel = Relation("r", "transfer", "A", "B", item="<i>drones</i>", quantity=3, status="ordered")
    out = relation_html(rel, {"A": "A&B", "B": "C"})
    assert out == "A&amp;B → C · transfer · &lt;i&gt;drones&lt;/i&gt; (3) · ordered"


# -- workspace: corrections survive adding and removing articles ------------------------


def _fake_extract(docs):
    """Extraction stand-in: the hand-built scenes for d1/d2, merged (ids renumbered)."""
    from geo.scene import Scene as _Scene

    parts = {"d1": small_scene(), "d2": second_document_scene()}
    scene = _Scene()
    for doc in docs:
        scene = edits.merge_scenes(scene, parts[doc.id])
    # a real extractor numbers relations afresh: reverse ids to prove edits do not rely on them
    rels = scene.relations
    return scene.replace(
        relations=tuple(r.__class__(**{**r.__dict__, "id": f"e{len(rels) - i}"}) for i, r in enumerate(rels))
    )


def test_workspace_keeps_corrections_when_an_article_is_added():
    d1, d2 = small_scene().documents[0], second_document_scene().documents[0]
    ws = workspace.Workspace().add_document(d1)
    scene = workspace.build_scene(ws, _fake_extract).scene
    transfer = next(r for r in scene.relations if r.kind == "transfer")
    ws = ws.add_edit(
        update_relation_edit(scene, transfer.id, status="frozen"), MergePlaces("city:703448", "city:kiev-dup")
    )
    ws = ws.add_document(d2).add_document(d2)
    out = workspace.build_scene(ws, _fake_extract)
    assert out.skipped == ()
    assert [d.id for d in out.scene.documents] == ["d1", "d2"]
    assert next(r for r in out.scene.relations if r.kind == "transfer").status == "frozen"
    assert out.scene.place("city:kiev-dup") is None
    assert any(r.kind == "alliance" for r in out.scene.relations)
    back = workspace.build_scene(ws.remove_document("d2"), _fake_extract).scene
    assert not any(r.kind == "alliance" for r in back.relations)
    assert workspace.build_scene(ws.undo().undo(), _fake_extract).scene.place("city:kiev-dup")


def test_workspace_from_opened_scene_merges_new_articles():
    opened = edits.update_relation(small_scene(), "r1", status="planned").replace(
        story=(Step("s1", "One", "caption", ("TR",), ("r1",)),)
    )
    ws = workspace.Workspace.from_scene(opened)
    assert workspace.build_scene(ws, _fake_extract).scene == opened
    ws = ws.add_document(second_document_scene().documents[0])
    scene = workspace.build_scene(ws, _fake_extract, story_builder=lambda s: ()).scene
    assert scene.relation("r1").status == "planned"
    assert scene.story == opened.story
    assert any(r.kind == "alliance" for r in scene.relations)
    assert Scene.from_json(scene.to_json()) == scene


def test_workspace_story_builder_and_override():
    ws = workspace.Workspace().add_document(small_scene().documents[0])
    built = workspace.build_scene(ws, _fake_extract, story_builder=lambda s: (Step("auto", "A", "c"),))
    assert [s.id for s in built.scene.story] == ["auto"]
    ws = ws.with_story((Step("mine", "M", "c", ("TR", "XX")),))
    scene = workspace.build_scene(ws, _fake_extract, story_builder=lambda s: ()).scene
    assert scene.story[0].id == "mine" and scene.story[0].place_ids == ("TR",)


def test_table_edits_from_editor_state():
    scene = small_scene()
    ids = [r.id for r in scene.relations]
    state = {
        "edited_rows": {"0": {"status": "frozen", "quantity": 50}, 2: {"target": "AZ, UA"}},
        "deleted_rows": [1],
        "added_rows": [{"kind": "alliance", "source": "UA", "target": "AZ"}, {}],
    }
    found, problems = edit_tables.table_edits(scene, ids, state)
    assert problems == []
    out = apply_edits(scene, found)
    assert (out.relation("r1").status, out.relation("r1").quantity) == ("frozen", 50)
    assert out.relation("r2") is None
    assert out.relation("r3").members == ("AZ", "UA")
    assert out.relations[-1].source == "UA" and out.relations[-1].target == "AZ"


def test_table_edits_report_problems_and_keep_good_edits():
    scene = small_scene()
    ids = [r.id for r in scene.relations]
    state = {
        "edited_rows": {0: {"status": "sold"}, 1: {"item": "tanks"}},
        "added_rows": [{"kind": "alliance", "source": "UA", "target": "Atlantis"}],
    }
    found, problems = edit_tables.table_edits(scene, ids, state)
    assert len(found) == 1 and apply_edits(scene, found).relation("r2").item == "tanks"
    assert any("unknown status" in p for p in problems)
    assert any("'Atlantis' is not a place" in p for p in problems)


def test_place_table_edits():
    scene = small_scene()
    ids = [p.id for p in scene.places]
    state = {"edited_rows": {1: {"name": "Ukraina", "mentions": 9}}, "deleted_rows": [2]}
    found, problems = edit_tables.table_edits(scene, ids, state, table="places")
    out = apply_edits(scene, found)
    assert problems == [] and out.place("UA").name == "Ukraina" and out.place("RU") is None


def test_relations_list_html_escapes_and_marks_selection():
    from app.evidence import relations_list_html
    from geo.scene import Document, Span

    doc = Document("d", "<i>title</i>", "Turkey <script>x()</script> sold drones.")
    rel = Relation("r", "transfer", "TR", "UA", item="drones", evidence=(Span("d", 0, len(doc.text), doc.text),))
    scene = small_scene().replace(documents=(doc,), relations=(rel, Relation("u", "alliance", "UA", "AZ")))
    out = relations_list_html(scene, {"TR": "Turkey", "UA": "Ukraine"}, selected="r")
    assert "<script" not in out and "&lt;script&gt;" in out and "&lt;i&gt;title" in out
    assert out.count("<li") == 2 and 'class="gb-selected"' in out
    assert "added by the analyst" in out
