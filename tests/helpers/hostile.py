"""Crafted hostile and clumsy scene files, shared by the CLI, loader and browser tests.

Each is a valid scene with one thing wrong, as an attacker or a careless
script would write it (issue 17): documents or story steps sharing an id,
100,000 levels of nesting, a 5000-digit number, NaN.
"""

from __future__ import annotations

import json

TEXT = "Turkey sold drones to Ukraine. Russia criticised the sale."


def valid_scene() -> dict:
    """A small scene that opens (two countries, one transfer, one story step)."""
    sentence = {"doc": "d1", "start": 0, "end": 30, "text": TEXT[:30]}
    return {
        "schema_version": 1,
        "documents": [{"id": "d1", "title": "Drones", "text": TEXT}],
        "places": [
            {
                "id": "TR",
                "name": "Türkiye",
                "kind": "country",
                "iso": "TR",
                "lat": 39.0,
                "lon": 35.0,
                "shape": "TR",
                "mentions": [{"doc": "d1", "start": 0, "end": 6, "text": "Turkey"}],
            },
            {"id": "UA", "name": "Ukraine", "kind": "country", "iso": "UA", "lat": 49.0, "lon": 32.0, "shape": "UA"},
        ],
        "relations": [
            {
                "id": "r1",
                "kind": "transfer",
                "source": "TR",
                "target": "UA",
                "item": "drones",
                "status": "delivered",
                "evidence": [sentence],
                "confidence": 0.9,
            },
            {
                "id": "r2",
                "kind": "conflict",
                "source": "UA",
                "target": "TR",
                "target_actor": "group:x",
                "evidence": [sentence],
            },
        ],
        "actors": [{"id": "group:x", "name": "X", "kind": "group", "iso": "TR", "lat": 40.0, "lon": 33.0}],
        "story": [{"id": "s1", "title": "Drones", "caption": "Turkey sold drones.", "relation_ids": ["r1"]}],
    }


def _dup_documents() -> bytes:
    data = valid_scene()
    data["documents"].append({"id": "d1", "title": "Another", "text": "Another article with the same id."})
    return json.dumps(data).encode()


def _dup_steps() -> bytes:
    data = valid_scene()
    data["story"].append({"id": "s1", "title": "Again", "caption": "Same id.", "relation_ids": ["r1"]})
    return json.dumps(data).encode()


def _deep() -> bytes:
    text = json.dumps(valid_scene())
    return (text[:-1] + ', "extra": ' + "[" * 100_000 + "]" * 100_000 + "}").encode()


def _big_number() -> bytes:
    text = json.dumps(valid_scene())
    return text.replace('"confidence": 0.9', '"confidence": ' + "9" * 5000).encode()


def _nan() -> bytes:
    text = json.dumps(valid_scene())
    return text.replace('"confidence": 0.9', '"confidence": NaN').encode()


CRAFTED = {
    "duplicate-document-ids": (_dup_documents, "two documents share the id 'd1'"),
    "duplicate-step-ids": (_dup_steps, "two story steps share the id 's1'"),
    "deep-nesting": (_deep, "nested"),
    "5000-digit-number": (_big_number, "5000 digits"),
    "nan": (_nan, "NaN"),
}
"""name → (bytes of the file, a piece of the one-line reason)."""
