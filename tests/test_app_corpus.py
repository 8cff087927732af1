"""The app's Corpus tab through AppTest (its one smoke test): uploads run on Dask with progress, corpus Scenes open."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.scene import Scene

pytestmark = pytest.mark.app

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
CORPUS = ROOT / "tests" / "data" / "corpus"


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def corpus_tab() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    _run(at)
    at.session_state["panel"] = "Corpus"
    return _run(at)


def test_corpus_tab_runs_uploads_with_progress_and_opens_corpus_scenes(corpus_tab):
    at = corpus_tab
    up = at.file_uploader(key="corpus_upload")
    up.upload("feed.jsonl", (CORPUS / "feed.jsonl").read_bytes(), "application/json")
    up.upload("wire.csv", (CORPUS / "wire.csv").read_bytes(), "text/csv")
    up.upload("binary.txt", bytes(range(256)) * 8, "text/plain")
    _run(at)
    at.button(key="corpus_run").click()
    _run(at)
    scene, label = at.session_state["corpus_scene"]
    assert label == "3 uploaded files"
    assert (scene.corpus.documents, scene.corpus.skipped) == (9, 1)
    keys = [(r.kind, r.source, r.target) for r in scene.relations]
    assert keys and len(keys) == len(set(keys))
    progress = at.get("progress")
    assert progress and "Done: 9 documents" in progress[-1].proto.text
    summary = " ".join(m.value for m in at.markdown)
    assert "9 documents read (7 dated by their date field, 1 by their text, 1 undated), 1 skipped" in summary
    skipped = [e for e in at.expander if "1 skipped" in e.label]
    assert skipped and "binary.txt: looks like a binary file" in " ".join(t.value for t in skipped[0].text)
    # the corpus map is the offline export, time filter included
    frames = at.get("iframe")
    assert frames and "gb-timefilter" in frames[-1].proto.srcdoc
    at.button(key="corpus_open_main").click()
    _run(at)
    assert at.session_state["app"].scene.relations == scene.relations
    assert any("Opened 3 uploaded files" in s.value for s in at.success)

    # a corpus Scene file (what `geobrief corpus --scene` writes) opens here and in the sidebar
    from geo.corpus import run_corpus

    scene, _ = run_corpus([CORPUS], workers=1, processes=False)
    data = scene.to_json().encode("utf-8")
    at.file_uploader(key="corpus_scene_file").upload("corpus.json", data, "application/json")
    _run(at)
    shown, label = at.session_state["corpus_scene"]
    assert label == "corpus.json" and shown == scene
    # the sidebar's "Open a saved scene" reads it too: the same contract as any Scene
    at.file_uploader(key="scene_upload_0").upload("corpus.json", data, "application/json")
    _run(at)
    assert at.session_state["app"].scene.relations == scene.relations
    assert not at.error
    at.file_uploader(key="corpus_scene_file").upload("broken.json", b'{"schema_version": 1, "places": 3}', "x")
    _run(at)
    assert any("broken.json was not opened" in e.value for e in at.error)
    assert Scene.from_json(data) == at.session_state["corpus_scene"][0]
