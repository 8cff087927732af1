"""Titles and sources on the exports: <title>, a title on the map, a source line; a PNG of the main map."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from layers.export import export_html
from layers.outlines import NoOutlines
from tests.scenes import hostile_scene, transfer_scene

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
