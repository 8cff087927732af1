"""Titles and sources on the exports: <title>, a title on the map, a source line; a PNG of the main map."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from layers.export import export_html
from layers.outlines import NoOutlines
from tests.helpers.scenes import hostile_scene, transfer_scene

ROOT = Path(__file__).resolve().parent.parent


def test_every_export_has_a_title_and_a_source_line():
    html = export_html(transfer_scene(), outlines=NoOutlines())
    assert "<title>Drone deal · geobrief</title>" in html
    assert 'class="gb-maptitle-text">Drone deal<' in html and "Source: Drone deal" in html
    html = export_html(transfer_scene(), outlines=NoOutlines(), title="Drones for Kyiv")
    assert "<title>Drones for Kyiv · geobrief</title>" in html and ">Drones for Kyiv<" in html


def test_article_titles_are_escaped_in_the_title():
    html = export_html(hostile_scene(), outlines=NoOutlines())
    (title,) = re.findall(r"<title>(.*?)</title>", html, re.S)
    assert "<" not in title and "&lt;" in title


def test_briefing_has_a_title_and_sources():
    from layers.briefing import export_briefing_html

    html = export_briefing_html(transfer_scene(), title="Drones for Kyiv")
    assert "<title>Drones for Kyiv · geobrief</title>" in html
    assert '<p class="gb-sources">Source: Drone deal</p>' in html


@pytest.mark.browser
def test_map_command_writes_a_titled_png(tmp_path):
    from PIL import Image

    exe = Path(sys.executable).with_name("geobrief")
    page = ROOT / "tests" / "data" / "pages" / "rsf-page.html"
    out = subprocess.run(
        [str(exe), "map", str(page), "--title", "Arms for the RSF", "--png", str(tmp_path / "m.png")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    img = Image.open(tmp_path / "m.png")
    assert img.size == (1600, 900)
    assert len(img.convert("RGB").resize((160, 90)).getcolors(160 * 90)) > 40  # not blank
    none = subprocess.run([str(exe), "map", str(page)], capture_output=True, text=True, timeout=60)
    assert none.returncode == 2 and "say what to write" in none.stderr


def test_historical_states_are_outlined_never_a_dot():
    from geo.extract import extract
    from geo.scene import Document
    from layers.legend import build_legend_layer
    from layers.places import collect_places, historical_unplaced

    scene = extract(
        [Document("d", "t", "The Soviet Union supplied tanks to Egypt in 1970. Yugoslavia stayed neutral.")]
    )
    drawn = {f.key: f for f in collect_places(scene)}
    su = drawn["SU"]
    assert "gb-historical" in su.css and su.geometry["type"] in ("Polygon", "MultiPolygon")
    assert su.style.get("dashArray") and su.style.get("fill") is False  # an outline, not today's land
    assert historical_unplaced(scene) == []
    # without outlines they are listed beside the map, never drawn as a point
    none = collect_places(scene, NoOutlines())
    assert "SU" not in {f.key for f in none} and "YU" not in {f.key for f in none}
    assert [p.id for p in historical_unplaced(scene, NoOutlines())] == ["SU", "YU"]
    legend = build_legend_layer(scene, outlines=NoOutlines())
    assert any(title == "Not drawn" for title, _ in legend.sections)


def test_the_briefing_overview_frames_the_ends_of_the_relations():
    import json

    from layers.briefing import export_briefing_html
    from layers.render import story_bounds
    from tests.helpers.scenes import rich_scene

    scene = rich_scene()
    html = export_briefing_html(scene)
    data = json.loads(
        re.search(r'<script type="application/json" id="gb-briefing-data">(.*?)</script>', html, re.S).group(1)
    )
    assert data["steps"][0]["id"] == "overview"
    assert data["steps"][0]["bounds"] == story_bounds(scene)


def test_the_app_panel_lists_historical_states_it_cannot_draw(monkeypatch):
    from app import pick as app_pick
    from geo.scene import Place, Scene
    from layers import places

    su = Place("SU", "Soviet Union", "other", "SU", 61.0, 90.0, members=("RU", "UA"))
    scene = Scene(places=(su,))
    assert app_pick.not_on_the_map(scene) == []  # the gazetteer has its successors' outline
    monkeypatch.setattr(places, "default_outlines", NoOutlines)
    assert app_pick.not_on_the_map(scene) == ["Soviet Union"]
    assert app_pick.not_on_the_map(Scene()) == []
