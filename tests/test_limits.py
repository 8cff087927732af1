"""Limits at the boundary (geo/limits.py): files read up to a limit, scenes held to counts and
ranges, strict JSON out, and the real CLI answering hostile input in one line.

The CLI runs are real subprocesses with a 10 s timeout: a hang (a FIFO, /dev/zero) fails
the test through the timeout, not through a timed assertion.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from geo import limits, strict_json
from geo.documents import InputError, load_bytes, load_path
from geo.scene import Scene, SceneError
from tests.helpers.hostile import CRAFTED, TEXT, valid_scene

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str, timeout: float = 10) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def _one_line(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert lines[0].startswith("geobrief: ")
    return lines[0]


# -- reading ------------------------------------------------------------------------------


def test_a_device_is_read_only_up_to_the_limit():
    with pytest.raises(limits.LimitError, match="gives more than 1 kB"):
        limits.read_limited(Path("/dev/zero"), 1000, what="article files")


def test_a_fifo_nobody_writes_reads_as_empty(tmp_path):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    assert limits.read_limited(fifo, 1000) == b""
    with pytest.raises(InputError, match="empty"):
        load_path(fifo)


def test_a_fifo_being_written_is_read(tmp_path):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    result: list[bytes] = []
    reader = threading.Thread(target=lambda: result.append(limits.read_limited(fifo, 10_000, idle=5)))
    with open(os.open(fifo, os.O_RDWR), "wb", buffering=0) as writer:  # a writer is there first
        writer.write(TEXT.encode())
        reader.start()
        reader.join(1.0)  # the reader has the text and waits for more: the writer is still there
        assert reader.is_alive()
    reader.join(10)  # the writer is gone: the end of the text
    assert result == [TEXT.encode()]


def test_a_regular_file_over_the_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 2_000_000)
    with pytest.raises(InputError, match=r"big.txt is 10.0 MB; geobrief reads article files of up to 8 MB"):
        load_path(big)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\0\0"),
    ],
)
def test_byte_order_marked_articles_are_read(encoding, bom):
    doc = load_bytes("a.txt", bom + TEXT.encode(encoding))
    assert doc.text == TEXT  # the mark is not part of the text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_marked_scenes_are_read(encoding):
    data = json.dumps(valid_scene(), ensure_ascii=False).encode(encoding)
    assert Scene.from_json(data).documents[0].text == TEXT
    assert Scene.from_json(data.decode(encoding) if encoding == "utf-16" else "\ufeff" + json.dumps(valid_scene()))


# -- scene files --------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CRAFTED))
def test_crafted_scenes_are_refused_in_one_line(name):
    make, reason = CRAFTED[name]
    with pytest.raises(SceneError, match=re.escape(reason)) as info:
        Scene.from_json(make())
    assert "\n" not in str(info.value)


def _with(mutate) -> dict:
    data = valid_scene()
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_with(lambda d: d["places"].extend([d["places"][0]])), "two places share the id 'TR'"),
        (_with(lambda d: d["relations"].append(dict(d["relations"][0]))), "two relations share the id 'r1'"),
        (
            _with(lambda d: d.update(places=[{}] * (limits.MAX_PLACES + 1))),
            f"geobrief opens scenes of up to {limits.MAX_PLACES:,}",
        ),
        (
            _with(lambda d: d.update(relations=[{}] * (limits.MAX_RELATIONS + 1))),
            "relations; geobrief opens scenes of up to",
        ),
        (_with(lambda d: d.update(documents=[{}] * (limits.MAX_DOCUMENTS + 1))), "articles; geobrief opens"),
        (_with(lambda d: d.update(story=[{}] * (limits.MAX_STEPS + 1))), "story steps; geobrief opens"),
        (
            _with(lambda d: d["places"][0].update(members=[f"M{i}" for i in range(limits.MAX_MEMBERS + 1)])),
            f"geobrief draws up to {limits.MAX_MEMBERS}",
        ),
        (_with(lambda d: d["relations"][0].update(confidence=7)), "relations[0].confidence must be between 0 and 1"),
        (_with(lambda d: d["relations"][0].update(quantity=-3)), "relations[0].quantity must be between 0"),
        (_with(lambda d: d["places"][0].update(area_km2=1e12)), "places[0].area_km2 must be between 0"),
        (_with(lambda d: d["places"][0]["mentions"][0].update(start=-1)), "mentions[0].start must be between 0"),
        (_with(lambda d: d.update(extra=json.loads("[" * 40 + "]" * 40))), "more than 16 levels deep"),
        (_with(lambda d: d["relations"][0].update(note=json.loads("[" * 40 + "]" * 40))), "relations[0].note nests"),
        (_with(lambda d: d["places"][0].update(area_km2=math.inf)), "area_km2 must be between"),
    ],
)
def test_scene_limits_are_refused_by_name(data, reason):
    with pytest.raises(SceneError, match=re.escape(reason)):
        Scene.from_dict(data)


def test_repeated_members_are_kept_once():
    members = ["UA", "TR"] * 50_000
    data = _with(lambda d: d["relations"].append({"id": "i", "kind": "influence", "source": "TR", "target": members}))
    data["relations"][-1]["target"] = members
    scene = Scene.from_json(json.dumps(data))
    assert scene.relation("i").members == ("UA", "TR")


@pytest.mark.parametrize("number", ["1e999", "-1e999", "9007199254740993", "1" + "0" * 60])
def test_numbers_out_of_range_are_refused(number):
    with pytest.raises(strict_json.JSONLimitError, match="out of range"):
        strict_json.loads(f'{{"a": {number}}}')


def test_json_written_never_holds_nan():
    scene = Scene.from_dict(valid_scene())
    bad = scene.replace(
        relations=(scene.relations[0].__class__(**{**scene.relations[0].__dict__, "confidence": math.nan}),)
    )
    with pytest.raises(ValueError):
        bad.to_json()


def test_readme_states_the_limits():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Limits") :]
    for value in (
        limits.describe_bytes(limits.MAX_TEXT_BYTES),
        limits.describe_bytes(limits.MAX_ARTICLE_FILE_BYTES),
        limits.describe_bytes(limits.MAX_SCENE_BYTES),
        f"{limits.MAX_PLACES:,}",
        f"{limits.MAX_RELATIONS:,}",
        f"{limits.MAX_MEMBERS}",
        f"{limits.MAX_DOCUMENTS}",
        f"{limits.MAX_STEPS}",
        f"{limits.MAX_SCENE_DEPTH}",
        f"{limits.MAX_INTEGER:,}",
    ):
        assert value in section, value


# -- the command line -----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CRAFTED))
@pytest.mark.parametrize("command", ["map", "export", "brief"])
def test_cli_refuses_crafted_scenes_in_one_line(tmp_path, name, command):
    make, reason = CRAFTED[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(make())
    out = {"map": ["-o", str(tmp_path / "m.html")], "export": ["--geojson", str(tmp_path / "m.geojson")]}
    done = _cli(command, "--scene", str(path), *out.get(command, ["-o", str(tmp_path / "b.html")]))
    assert done.returncode == 2
    assert reason in _one_line(done)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_cli_reads_devices_only_up_to_the_limit(device):
    done = _cli("extract", device)
    assert done.returncode == 2
    assert "geobrief reads article files of up to 8 MB" in _one_line(done)


@pytest.mark.parametrize("command", ["extract", "map", "export", "brief"])
def test_cli_does_not_hang_on_a_fifo(tmp_path, command):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    out = {"map": ["-o", str(tmp_path / "m.html")], "export": ["--geojson", str(tmp_path / "g")]}
    out["brief"] = ["-o", str(tmp_path / "b.html")]
    done = _cli(command, str(fifo), *out.get(command, []))
    assert done.returncode == 2
    assert "is empty" in _one_line(done)


def test_cli_does_not_hang_on_a_fifo_scene(tmp_path):
    fifo = tmp_path / "s.json"
    os.mkfifo(fifo)
    done = _cli("map", "--scene", str(fifo), "-o", str(tmp_path / "m.html"))
    assert done.returncode == 2
    assert "not valid JSON" in _one_line(done)


@pytest.mark.parametrize(
    ("tiles", "reason"),
    [
        ("https://tiles.example.org/{z}/{x}/{y}.png", "need --attribution"),
        ("javascript:alert(1)", "unknown tiles 'javascript:alert(1)'"),
        ("Stamen Watercolour", "unknown tiles 'Stamen Watercolour'"),
        ("http://example.org/tile.png", "unknown tiles"),
        ('https://x.org/{z}/{x}/{y}.png" onload="alert(1)', "unknown tiles"),
    ],
)
def test_cli_refuses_bad_tiles_in_one_line(tmp_path, seed_paths, tiles, reason):
    done = _cli("map", str(seed_paths[0]), "-o", str(tmp_path / "m.html"), "--tiles", tiles)
    assert done.returncode == 2
    assert reason in _one_line(done)
    assert not (tmp_path / "m.html").exists()


def test_tiles_from_a_url_carry_their_attribution_escaped(tmp_path, seed_paths):
    out = tmp_path / "m.html"
    done = _cli(
        "map",
        str(seed_paths[0]),
        "-o",
        str(out),
        "--tiles",
        "https://tiles.example.org/{z}/{x}/{y}.png",
        "--attribution",
        "© Example <script>alert(1)</script>",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "tiles.example.org/{z}/{x}/{y}.png" in html
    assert "<script>alert(1)" not in html
    assert "\\u0026lt;script\\u0026gt;alert(1)" in html  # escaped text, then JSON-escaped by Jinja's tojson


def test_cli_writes_strict_json(tmp_path, seed_paths):
    geojson, scene = tmp_path / "m.geojson", tmp_path / "s.json"
    done = _cli("export", *map(str, seed_paths), "--geojson", str(geojson), "--scene-out", str(scene), timeout=120)
    assert done.returncode == 0, done.stderr

    def refuse(name: str):
        raise ValueError(f"{name} in output")

    for path in (geojson, scene):
        json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse)
