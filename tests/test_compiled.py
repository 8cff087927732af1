"""The compiled extractor (scripts/compile_extractor.py) is current, in use, and reads as the sources do.

``./run.sh`` compiles the extractor before it runs the app or the tests. The tests themselves
import the sources (conftest.py), so these tests start processes of their own: one with the
compiled build, one without, each extracting the same texts (every cue example of the cue
table, the sample articles, a long repeated paste and hostile input) and printing the scenes.
The two must be the same, to the byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import geo
from geo.cuetable import load_cues

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.compiled

_EXTRACT = """
import json, sys
import geo, geo.relations
from geo.extract import extract
from geo.scene import Document
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
scenes = [extract([Document(id=f"d{k}", title="t", text=t)]).to_dict() for k, t in enumerate(texts)]
print(json.dumps({"compiled": geo.COMPILED, "module": geo.relations.__file__, "scenes": scenes}, sort_keys=True))
"""


def _run(texts_file: Path, compiled: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "GEOBRIEF_PURE_PYTHON"}
    if not compiled:
        env["GEOBRIEF_PURE_PYTHON"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _EXTRACT, str(texts_file)], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def _texts() -> list[str]:
    examples = [ex.partition("=>")[0].strip() for cue in load_cues().entries for ex in cue.examples]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    hostile = [
        "",
        "<script>alert('x')</script> Russia sold 12 Su-35 jets to Iran, officials said.",
        "Turkey \u200bsupplied drones to Ukraine\u00a0in 2022; it did not supply them to Russia?",
        "\ufeffRUSSIA AND CHINA HELD NAVAL DRILLS IN THE EAST CHINA SEA.",
    ]
    # a pasted page that repeats itself: the sentence memo replays from the third reading on
    repeated = "\n\n".join(seeds[:1] * 12)
    return [*examples, *seeds, *hostile, repeated]


def test_the_build_is_current_and_the_app_uses_it() -> None:
    assert geo.compiled_is_current(), (
        "the compiled extractor is missing or older than geo/ (./run.sh builds it; "
        "or run .venv/bin/python scripts/compile_extractor.py)"
    )
    env = {k: v for k, v in os.environ.items() if k != "GEOBRIEF_PURE_PYTHON"}
    code = "import geo, geo.relations, geo.scene; print(geo.COMPILED, geo.relations.__file__, geo.scene.__file__)"
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    flag, relations_file, scene_file = out.stdout.split()
    assert flag == "True"
    assert relations_file.endswith(".so") and str(geo.compiled_dir()) in relations_file
    assert scene_file.endswith("scene.py")  # kept interpreted: its dataclasses are pickled


def test_compiled_and_source_extraction_agree(tmp_path: Path) -> None:
    texts = _texts()
    assert len(texts) > 1000  # the cue table's examples are all there
    texts_file = tmp_path / "texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    compiled, source = _run(texts_file, compiled=True), _run(texts_file, compiled=False)
    assert compiled["compiled"] is True and compiled["module"].endswith(".so")
    assert source["compiled"] is False and source["module"].endswith(".py")
    relations = sum(len(s["relations"]) for s in source["scenes"])
    assert relations > 1000  # the examples state relations: the comparison is not of empty scenes
    for k, (a, b) in enumerate(zip(compiled["scenes"], source["scenes"], strict=True)):
        assert a == b, f"text {k} reads differently compiled: {texts[k][:200]!r}"


def test_a_stale_or_missing_build_is_not_used(tmp_path: Path) -> None:
    assert not geo.compiled_is_current(tmp_path)  # no build at all
    (tmp_path / "STAMP").write_text("0" * 64 + "\n", encoding="utf-8")
    assert not geo.compiled_is_current(tmp_path)  # a build of other sources
    (tmp_path / "STAMP").write_text(geo.source_stamp() + "\n", encoding="utf-8")
    assert geo.compiled_is_current(tmp_path)
