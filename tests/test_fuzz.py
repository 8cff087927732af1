"""Fuzzing with Hypothesis: the article reader on arbitrary bytes and text, the scene loader on
arbitrary JSON and on mutated valid scenes.

Whatever comes in, the reader returns a Document or raises ``InputError``, and the loader
returns a Scene or raises ``SceneError``: never another exception. A Scene that loads is
then written back (strict JSON), summarised and turned into GeoJSON and evidence HTML, so
input the loader lets through cannot break what comes after it.

Examples per test and the seed come from the Hypothesis profile (tests/conftest.py): 200
examples, a fixed seed in CI (``CI`` set) and random ones locally.
"""

from __future__ import annotations

import copy
import json

from hypothesis import event, given
from hypothesis import strategies as st

from app import evidence
from geo.documents import InputError, load_bytes
from geo.extract import summarize
from geo.limits import MAX_TEXT_BYTES
from geo.scene import Scene, SceneError
from layers.export import export_geojson
from layers.outlines import NoOutlines
from tests.helpers.hostile import valid_scene

NAMES = st.sampled_from(["a.txt", "b.md", "c.html", "d.htm", "e", "f.json", "g.TXT"])


def _check_document(doc) -> None:
    assert doc.text.strip()
    assert "\r" not in doc.text
    assert len(doc.text.encode("utf-8")) <= MAX_TEXT_BYTES
    assert doc.id and doc.title


@given(name=NAMES, data=st.binary(max_size=4096))
def test_article_reader_on_arbitrary_bytes(name, data):
    try:
        doc = load_bytes(name, data)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    _check_document(doc)


@given(
    name=NAMES,
    text=st.text(max_size=2000),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252"]),
)
def test_article_reader_on_arbitrary_text(name, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
        encoding = "utf-8"
    try:
        doc = load_bytes(name, data)
    except InputError:
        return
    _check_document(doc)
    if name.endswith((".txt", ".md")) and encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        # a plain-text article reads back as written (newlines made universal)
        assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
)
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=30,
)


def _use(scene: Scene) -> None:
    """What the app and the CLI do with a loaded scene: none of it may fail."""

    def refuse(name: str):
        raise AssertionError(f"{name} written")

    again = Scene.from_json(scene.to_json())
    assert again == scene
    json.loads(scene.to_json(), parse_constant=refuse)
    summarize(scene)
    json.loads(json.dumps(export_geojson(scene, outlines=NoOutlines()), allow_nan=False), parse_constant=refuse)
    colours = evidence.place_colours(scene.places)
    for doc in scene.documents:
        evidence.highlight_document(doc, scene.places, colours=colours, focus=())
    evidence.relations_list_html(scene, {p.id: p.name for p in scene.places})


def _load(text: str | bytes) -> None:
    try:
        scene = Scene.from_json(text)
    except SceneError as exc:
        assert str(exc) and "\n" not in str(exc)
        event("refused")
        return
    event("loaded")
    _use(scene)


@given(value=JSON)
def test_scene_loader_on_arbitrary_json(value):
    _load(json.dumps(value, allow_nan=True))


@given(value=st.dictionaries(st.sampled_from(["schema_version", "documents", "places", "relations", "story"]), JSON))
def test_scene_loader_on_arbitrary_top_level_fields(value):
    _load(json.dumps({"schema_version": 1, **value}, allow_nan=True))


def _paths(node, path=()):
    """Every path into a JSON value (keys and indexes)."""
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*path, i))


def _at(data, path):
    for step in path:
        data = data[step]
    return data


def _like(data, old):
    """A value of the same JSON type as ``old``: most such mutations still load, and reach the layers."""
    if isinstance(old, bool) or old is None:
        return data.draw(JSON_SCALARS)
    if isinstance(old, int):
        return data.draw(st.integers(min_value=-5, max_value=10_000) | st.integers())
    if isinstance(old, float):
        return data.draw(st.floats(min_value=-200, max_value=200) | st.floats())
    if isinstance(old, str):
        return data.draw(st.sampled_from(["d1", "TR", "UA", "r1", "s1", "", "influence", "RU"]) | st.text(max_size=40))
    return data.draw(JSON)


def _mutate(data, path, how, value):
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how in ("replace", "alike"):
        parent[last] = value
    elif how == "delete":
        del parent[last]
    elif how == "duplicate":
        if isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        else:
            parent[f"{last}_copy"] = copy.deepcopy(parent[last])
    elif how == "nest":
        parent[last] = [parent[last]]


@given(data=st.data())
def test_scene_loader_on_mutated_valid_scenes(data):
    scene = valid_scene()
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        paths = [p for p in _paths(scene) if p]
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        how = data.draw(st.sampled_from(["alike", "alike", "alike", "replace", "delete", "duplicate", "nest"]))
        value = data.draw(JSON) if how == "replace" else _like(data, _at(scene, path)) if how == "alike" else None
        _mutate(scene, path, how, value)
    _load(json.dumps(scene, allow_nan=True).encode(data.draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))))
