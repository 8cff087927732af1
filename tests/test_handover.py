"""What geo hands the layers in the Scene: sentences to quote, demonyms, the storyline.

The layers never split sentences, look demonyms up or build stories themselves (the import
contract in pyproject.toml keeps them from importing geo.sentences or geo.gazetteer); these
tests check that the Scene carries what they read, for new extractions and for old files.
"""

from __future__ import annotations

import json

from geo.examples import example_scene
from geo.extract import extract
from geo.gazetteer import load_gazetteer
from geo.scene import Document, Place, Relation, Scene, Span, Step
from geo.sentences import split_sentences
from geo.story import build_story
from layers.feature import quotes

TEXT = "Turkey sold drones to Ukraine. Ankara said more would follow.\n\nRussia protested in Moscow."


def test_a_document_quotes_the_sentence_holding_a_span():
    doc = Document("d1", "demo", TEXT)
    assert doc.sentences == tuple(split_sentences(TEXT))
    ankara = TEXT.index("Ankara")
    assert doc.sentence(ankara, ankara + 6) == "Ankara said more would follow."
    # a span reaching into a sentence from the white space before it quotes that sentence
    gap = TEXT.index("\n\n")
    assert doc.sentence(gap, gap + 4) == "Russia protested in Moscow."
    # the bounds are worked out once per Document
    assert doc.sentences is doc.sentences


def test_the_sentences_stay_out_of_the_json():
    scene = Scene(documents=(Document("d1", "demo", TEXT),))
    scene.documents[0].sentence(0, 6)
    assert "sentences" not in scene.to_dict()["documents"][0]
    assert Scene.from_json(scene.to_json()) == scene


def test_map_quotes_come_from_the_documents_sentences():
    scene = extract([Document("d1", "demo", TEXT)])
    moscow = next(p for p in scene.places if p.name == "Moscow")
    assert quotes(scene, moscow.mentions, whole_sentence=True) == [("Russia protested in Moscow.", "demo")]
    turkey = scene.place("TR")  # named, and meant by its capital: "Ankara said"
    assert [q for q, _ in quotes(scene, turkey.mentions, whole_sentence=True)] == [
        "Turkey sold drones to Ukraine.",
        "Ankara said more would follow.",
    ]


def test_extraction_gives_countries_their_demonym_and_nothing_else_one():
    scene = extract([Document("d1", "demo", TEXT)])
    by_name = {p.name: p for p in scene.places}
    assert by_name["Türkiye"].demonym == "Turkish"
    assert by_name["Russia"].demonym == "Russian"
    assert by_name["Moscow"].demonym == ""


def test_historical_states_and_areas_inside_a_country():
    gaz = load_gazetteer()
    assert gaz.place(gaz.get("SU")).demonym == "Soviet"
    # Darfur lies in Sudan, but it is not "Sudanese"
    assert gaz.place(gaz.get("other:darfur")).demonym == ""


def _old_file(scene: Scene) -> dict:
    """The scene as a file written before places carried their demonym."""
    data = json.loads(scene.to_json())
    for place in data["places"]:
        del place["demonym"]
    return data


def test_old_scene_files_get_their_demonyms_on_load():
    scene = example_scene()
    assert all(p.demonym == "" for p in scene.places)  # built by hand, without them
    loaded = Scene.from_dict(_old_file(scene))
    assert [p.demonym for p in loaded.places] == ["Turkish", "Ukrainian"]


def test_a_demonym_in_the_file_is_kept_even_when_empty():
    scene = example_scene()
    scene = scene.replace(places=(scene.places[0], Place(**{**vars(scene.places[1]), "demonym": "Kyivan"})))
    data = json.loads(scene.to_json())
    data["places"][0]["demonym"] = ""
    loaded = Scene.from_dict(data)
    assert [p.demonym for p in loaded.places] == ["", "Kyivan"]
    assert loaded.places[0].adjective == "Turkey's"


def test_sphere_and_story_captions_read_the_demonym_from_the_scene():
    from layers.spheres import sphere_label

    scene = example_scene()
    tr = scene.places[0]
    rel = Relation("r2", "influence", "TR", members=("UA",), label="the East")
    plain = scene.replace(relations=(*scene.relations, rel))
    named = plain.replace(places=(Place(**{**vars(tr), "demonym": "Ottoman"}), scene.places[1]))
    assert sphere_label(plain, rel) == "Turkey's influence: the East"
    assert sphere_label(named, rel) == "Ottoman influence: the East"
    assert next(s for s in build_story(named) if s.id.startswith("influence")).title == "Ottoman sphere of influence"


def test_the_storyline_is_the_scenes_story_else_the_proposed_one():
    scene = example_scene()
    assert scene.story == ()
    assert scene.storyline == build_story(scene)
    assert scene.storyline is scene.storyline  # built once per Scene
    own = (Step("s1", "Mine", "My caption", ("TR",), (), Span("d1", 0, 6, "Turkey")),)
    assert scene.replace(story=own).storyline == own


def test_dates_are_read_from_the_text_by_geo():
    dated = Document("d1", "demo", "KYIV, March 5, 2022 - Turkey sold drones.", date="2024-01-02")
    undated = Document("d2", "demo", "KYIV, March 5, 2022 - Turkey sold drones.")
    assert dated.when == "2024-01-02" and undated.when == "2022-03-05"
    assert Document("d3", "demo", "Turkey sold drones.").when is None
    rel = Relation("r1", "transfer", "TR", "UA", date="since April 2023")
    assert rel.when == "2023-04"
    assert Relation("r2", "transfer", "TR", "UA").when is None
