"""Non-state sides (armed groups, factions) stay apart: the RSF and the Sudanese army are two actors.

Relations keep the country as their endpoint (so scorers and older readers
see Sudan), and name the side in ``source_actor``/``target_actor``; the map
draws each side as a node of its own.
"""

from __future__ import annotations

import json

import pytest

from geo.extract import extract
from geo.scene import Document, Scene, SceneError
from layers.arcs import collect_arcs

TEXT = (
    "Sudan's war pits the army against the Rapid Support Forces (RSF). "
    "Egypt and Turkey back the army, while the United Arab Emirates backs the RSF. "
    "The UAE has supplied Chinese-made drones to the RSF in Darfur."
)


@pytest.fixture(scope="module")
def scene() -> Scene:
    return extract([Document("d1", "Sudan", TEXT)])


def _ends(scene: Scene) -> set[tuple]:
    return {(r.kind, r.source, r.source_actor, r.target, r.target_actor) for r in scene.relations}


def test_rival_sides_are_backed_by_different_states(scene: Scene) -> None:
    ends = _ends(scene)
    assert ("support", "EG", None, "SD", "group:saf") in ends
    assert ("support", "TR", None, "SD", "group:saf") in ends
    assert ("support", "AE", None, "SD", "group:rsf") in ends
    assert ("transfer", "AE", None, "SD", "group:rsf") in ends
    assert not [e for e in ends if e[0] == "support" and e[1] in ("EG", "TR") and e[4] == "group:rsf"]


def test_the_two_sides_fight_each_other(scene: Scene) -> None:
    assert ("conflict", "SD", "group:saf", "SD", "group:rsf") in _ends(scene) or (
        "conflict",
        "SD",
        "group:rsf",
        "SD",
        "group:saf",
    ) in _ends(scene)


def test_sides_are_actors_placed_where_they_fight(scene: Scene) -> None:
    actors = {a.id: a for a in scene.actors}
    assert set(actors) == {"group:rsf", "group:saf"}
    assert all(a.kind == "group" and a.iso == "SD" for a in actors.values())
    assert actors["group:rsf"].mentions, "the RSF's mentions are kept as evidence"
    assert "group:rsf" not in {p.id for p in scene.places}, "sides are not places"


def test_scene_json_round_trip_keeps_the_sides(scene: Scene) -> None:
    again = Scene.from_json(scene.to_json())
    assert again == scene
    data = json.loads(scene.to_json())
    # the eval schema reads source/target: the country, so an arc to the RSF still counts for Sudan
    assert {r["target"] for r in data["relations"] if r.get("target_actor") == "group:rsf"} == {"SD"}


def test_a_scene_naming_an_unknown_side_is_refused(scene: Scene) -> None:
    data = json.loads(scene.to_json())
    data["actors"] = []
    with pytest.raises(SceneError, match="unknown actor"):
        Scene.from_dict(data)


def test_arcs_end_at_the_side_not_the_country(scene: Scene) -> None:
    rsf = scene.actor("group:rsf")
    sudan = scene.place("SD")
    assert rsf is not None and sudan is not None
    arcs = {f.key: f for f in collect_arcs(scene)}
    rel = next(r for r in scene.relations if r.kind == "support" and r.target_actor == "group:rsf")
    lon, lat = arcs[rel.id].geometry["coordinates"][-1]
    assert (round(lat, 2), round(lon, 2)) == (round(rsf.lat, 2), round(rsf.lon, 2))
    assert (round(lat, 2), round(lon, 2)) != (round(sudan.lat, 2), round(sudan.lon, 2))


def test_grouped_arcs_keep_the_sides_apart(scene: Scene) -> None:
    from geo.aggregate import merge_relations

    grouped = merge_relations(scene)
    support = {(r.source, r.target_actor) for r in grouped.relations if r.kind == "support"}
    assert ("AE", "group:rsf") in support and ("EG", "group:saf") in support
    assert {a.id for a in grouped.actors} == {"group:rsf", "group:saf"}


def test_a_label_names_the_sides_not_their_country(scene: Scene) -> None:
    # "Sudan against Sudan" tells the reader nothing: the caption names the two sides
    fight = next(r for r in scene.relations if r.kind == "conflict" and r.source == r.target == "SD")
    assert "Rapid Support Forces" in fight.label and "Sudanese Armed Forces" in fight.label
    backing = next(r for r in scene.relations if r.kind == "support" and r.source == "AE")
    assert backing.label.startswith("United Arab Emirates backs Rapid Support Forces")
