"""Briefing storylines: building steps from relations, and the pure editing functions."""

from __future__ import annotations

import pytest

from geo.scene import Document, Place, Relation, Scene, Span
from geo.story import (
    MAX_GROUP_STEPS,
    OVERVIEW_ID,
    StoryError,
    add_step,
    build_story,
    edit_caption,
    edit_title,
    ensure_story,
    move_step,
    remove_step,
)
from tests.helpers.briefing_scenes import hostile_scene, point_scene, seed_scene


def test_overview_first_then_one_step_per_group():
    steps = build_story(seed_scene())
    assert steps[0].id == OVERVIEW_ID
    assert steps[0].title.startswith("Overview")
    ids = [s.id for s in steps]
    assert len(ids) == len(set(ids))
    # three TR→UA transfers share one step; the engines flowing back get their own
    assert ids[1] == "transfer-TR-UA"
    assert set(steps[1].relation_ids) == {"r-tb2-12", "r-tb2-50", "r-drones"}
    assert "transfer-UA-TR" in ids and "influence-TR" in ids and "alliance-TR-UA" in ids


def test_flow_back_follows_the_flow_out():
    steps = build_story(seed_scene())
    ids = [s.id for s in steps]
    assert ids.index("transfer-UA-TR") == ids.index("transfer-TR-UA") + 1
    back = steps[ids.index("transfer-UA-TR")]
    assert back.title == "Flowing back: Ukraine → Turkey"


def test_transfer_caption_says_who_what_how_many_and_status():
    step = build_story(seed_scene())[1]
    assert step.caption.startswith("Turkey → Ukraine: Bayraktar TB2 drones (12), delivered")
    assert "(50), planned" in step.caption
    assert step.place_ids == ("TR", "UA")


def test_quote_is_evidence_of_the_best_supported_relation():
    scene = seed_scene()
    step = build_story(scene)[1]
    assert step.quote is not None
    doc = scene.document(step.quote.doc)
    assert doc is not None
    assert doc.text[step.quote.start : step.quote.end] == step.quote.text
    assert "12 UAVs" in step.quote.text


def test_influence_step_frames_the_whole_sphere():
    step = next(s for s in build_story(seed_scene()) if s.id == "influence-TR")
    assert step.place_ids[0] == "TR"
    assert {"AZ", "GE", "SY", "LY"} <= set(step.place_ids)
    assert "sphere of influence" in step.title
    assert "Azerbaijan" in step.caption and "Syria" in step.caption


def test_overview_frames_every_related_place_and_counts_kinds():
    overview = build_story(seed_scene())[0]
    assert len(overview.relation_ids) == len(seed_scene().relations)
    assert "4 transfers" in overview.caption and "1 sphere of influence" in overview.caption
    assert "CN" not in overview.place_ids  # China is mentioned but in no relation


@pytest.mark.parametrize(
    ("scene", "n_steps", "caption"),
    [
        (Scene(), 1, "No places found in 0 articles."),
        (point_scene(), 1, "Kyiv: no relations found in 1 article."),
    ],
)
def test_scenes_without_relations_get_one_step(scene, n_steps, caption):
    steps = build_story(scene)
    assert len(steps) == n_steps
    assert steps[0].caption == caption


def test_many_groups_fold_into_an_also_reported_step():
    places = tuple(Place(f"P{i}", f"Place {i}", "other", None, float(i), float(i)) for i in range(30))
    rels = tuple(
        Relation(f"r{i}", "conflict", f"P{i}", f"P{i + 1}", label=f"war {i}", confidence=1 - i / 100)
        for i in range(0, 24, 2)
    )
    steps = build_story(Scene(places=places, relations=rels))
    assert len(steps) == 1 + MAX_GROUP_STEPS + 1
    assert steps[-1].title == "Also reported"
    told = {r for s in steps[1:] for r in s.relation_ids}
    assert told == {r.id for r in rels}


def test_build_is_deterministic():
    assert build_story(seed_scene()) == build_story(seed_scene())


def test_caption_text_is_kept_as_data_not_markup():
    # escaping is the renderer's job; the story must keep the text unchanged
    scene = hostile_scene().replace(story=())
    step = build_story(scene)[1]
    assert "<script>" in step.caption


# -- editing ---------------------------------------------------------------------


def test_ensure_story_builds_only_when_empty():
    scene = seed_scene()
    built = ensure_story(scene)
    assert built.story == build_story(scene)
    assert ensure_story(built) is built


def test_edit_caption_and_title_return_new_scenes():
    scene = seed_scene(story=True)
    edited = edit_caption(scene, "transfer-TR-UA", "New words")
    assert edited.story[1].caption == "New words"
    assert scene.story[1].caption != "New words"
    assert edit_title(edited, "overview", "Ministers' brief").story[0].title == "Ministers' brief"


def test_edit_on_a_scene_without_story_builds_one_first():
    edited = edit_caption(seed_scene(), OVERVIEW_ID, "Hello")
    assert edited.story[0].caption == "Hello"
    assert len(edited.story) == len(build_story(seed_scene()))


@pytest.mark.parametrize(("delta", "position"), [(1, 2), (-1, 0), (-10, 0), (100, -1), (0, 1)])
def test_move_step_clamps_at_the_ends(delta, position):
    scene = seed_scene(story=True)
    moved = move_step(scene, "transfer-TR-UA", delta)
    assert moved.story[position].id == "transfer-TR-UA"
    assert sorted(s.id for s in moved.story) == sorted(s.id for s in scene.story)


def test_remove_step():
    scene = seed_scene(story=True)
    smaller = remove_step(scene, "influence-TR")
    assert "influence-TR" not in [s.id for s in smaller.story]
    assert len(smaller.story) == len(scene.story) - 1


@pytest.mark.parametrize(
    "edit",
    [
        lambda s: edit_caption(s, "nope", "x"),
        lambda s: move_step(s, "nope", 1),
        lambda s: remove_step(s, "nope"),
        lambda s: add_step(s, title="t", caption="c", relation_ids=["nope"]),
        lambda s: add_step(s, title="t", caption="c", place_ids=["XX"]),
        lambda s: add_step(s, title="t", caption="c", after="nope"),
    ],
)
def test_unknown_ids_raise_story_error(edit):
    with pytest.raises(StoryError, match=r"nope|XX"):
        edit(seed_scene(story=True))


def test_add_step_takes_places_and_quote_from_its_relations():
    scene = seed_scene(story=True)
    added = add_step(
        scene, title="Engines", caption="Engines go to Turkey", relation_ids=["r-engines"], after=OVERVIEW_ID
    )
    step = added.story[1]
    assert step.id == "step-1"
    assert step.place_ids == ("UA", "TR")
    assert step.quote == scene.relation("r-engines").evidence[0]
    again = add_step(added, title="Map", caption="Just the map", place_ids=["CN"])
    assert again.story[-1].id == "step-2" and again.story[-1].quote is None
    # the result is still a valid Scene
    assert Scene.from_json(again.to_json()) == again


def test_quote_span_indexes_its_document():
    text = "Turkey sold 12 drones to Ukraine."
    doc = Document(id="d1", title="demo", text=text)
    tr = Place("TR", "Turkey", "country", "TR", 39.0, 35.0)
    ua = Place("UA", "Ukraine", "country", "UA", 49.0, 32.0)
    rel = Relation("r1", "transfer", "TR", "UA", item="drones", quantity=12, evidence=(Span("d1", 0, len(text), text),))
    steps = build_story(Scene(documents=(doc,), places=(tr, ua), relations=(rel,)))
    assert steps[1].caption == "Turkey → Ukraine: drones (12)."
    assert steps[1].quote == rel.evidence[0]
