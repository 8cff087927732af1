"""The Scene contract: JSON round trip and clear refusals of bad files."""

from __future__ import annotations

import json

import pytest

from geo.scene import PLACE_ROLES, SCHEMA_VERSION, Document, Place, Relation, Scene, SceneError, Span, Step


def tiny_scene() -> Scene:
    text = "Turkey sells drones to Ukraine. Russia criticised the sale."
    doc = Document(id="d1", title="demo", text=text)
    tr = Place("TR", "Turkey", "country", "TR", 39.0, 35.0, (Span("d1", 0, 6, "Turkey"),), "name", shape="TR")
    ua = Place("UA", "Ukraine", "country", "UA", 49.0, 32.0, (Span("d1", 23, 30, "Ukraine"),), "name")
    ru = Place("RU", "Russia", "country", "RU", 61.0, 100.0, (Span("d1", 32, 38, "Russia"),), "name")
    sent = Span("d1", 0, 31, text[:31])
    rels = (
        Relation(
            "r1",
            "transfer",
            "TR",
            "UA",
            item="drones",
            quantity=12,
            status="delivered",
            evidence=(sent,),
            cue="sells … to",
            confidence=0.9,
        ),
        Relation("r2", "influence", "RU", members=("UA", "TR"), label="the East", evidence=(sent,)),
    )
    story = (Step("s1", "Overview", "All of it", ("TR", "UA"), ("r1",), sent),)
    return Scene(documents=(doc,), places=(tr, ua, ru), relations=rels, story=story)


def test_round_trip_is_lossless():
    scene = tiny_scene()
    again = Scene.from_json(scene.to_json())
    assert again == scene
    assert again.to_json() == scene.to_json()


def test_influence_target_is_member_list_in_json():
    data = json.loads(tiny_scene().to_json())
    infl = next(r for r in data["relations"] if r["kind"] == "influence")
    assert infl["target"] == ["UA", "TR"]
    assert data["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("schema_version"), "schema_version"),
        (lambda d: d.update(schema_version=SCHEMA_VERSION + 1), "newer geobrief"),
        (lambda d: d["places"][0].pop("lat"), "places[0] has no 'lat'"),
        (lambda d: d["places"][0].update(kind="planet"), "places[0].kind must be one of"),
        (lambda d: d["relations"][0].update(status="maybe"), "relations[0].status"),
        (lambda d: d["relations"][0].update(target="XX"), "unknown place 'XX'"),
        (lambda d: d["places"][1].update(lat="north"), "places[1].lat"),
        (lambda d: d.update(places={}), "'places' must be a list"),
        # coordinates off the globe would reach the map's arcs as NaN
        (lambda d: d["places"][1].update(lat=95), "places[1].lat must be a latitude between -90 and 90"),
        (lambda d: d["places"][0].update(lon=-999.0), "places[0].lon must be a longitude between -180 and 180"),
        (lambda d: d["places"][2].update(lat=float("nan")), "places[2].lat must be a latitude"),
        (lambda d: d["places"][0].update(role="villain"), "places[0].role must be one of actor, place, actor/place"),
        (lambda d: d["places"][0].update(role=["actor"]), "places[0].role must be one of"),
    ],
)
def test_malformed_scene_says_what_is_wrong(mutate, message):
    data = json.loads(tiny_scene().to_json())
    mutate(data)
    with pytest.raises(SceneError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Scene.from_dict(data)


@pytest.mark.parametrize("blob", [b"\xff\xfe\x00binary", b"{not json", b"[1, 2]", b"42"])
def test_foreign_files_are_refused(blob):
    with pytest.raises(SceneError):
        Scene.from_json(blob)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("actor", "actor"),
        ("place", "place"),
        ("actor/place", "actor/place"),
        ("", ""),
        # the relation-end roles the map once read: the place acted in a relation
        ("supplier", "actor"),
        ("recipient", "actor"),
        ("other", "actor"),
        ("place/target", "actor/place"),
    ],
)
def test_one_role_vocabulary_old_files_included(written, read):
    data = json.loads(tiny_scene().to_json())
    data["places"][0]["role"] = written
    assert Scene.from_dict(data).places[0].role == read


def test_extraction_and_corrections_keep_to_the_role_vocabulary():
    from pathlib import Path

    from geo.documents import load_path
    from geo.edits import EditError, update_place
    from geo.extract import extract

    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
    scene = extract([load_path(p) for p in seeds])
    roles = {p.role for p in (*scene.places, *scene.actors)}
    assert roles <= set(PLACE_ROLES) and {"actor", "place"} <= roles
    assert update_place(scene, "TR", role="place").place("TR").role == "place"
    with pytest.raises(EditError, match="unknown place role 'supplier'"):
        update_place(scene, "TR", role="supplier")
