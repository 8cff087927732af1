"""Golden files: the sample articles' map HTML and GeoJSON, byte for byte.

Regenerate (after checking the change is wanted) with::

    GEOBRIEF_REGEN_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_golden.py

The HTML golden leaves out the inlined Leaflet and replaces very long data
lines (the basemap) by their SHA-256, so diffs stay readable.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
SEEDS = Path(__file__).parent.parent / "seeds"
REGEN = os.environ.get("GEOBRIEF_REGEN_GOLDEN") == "1"


_LEAFLET = re.compile(r"<style>\n/\*\nLeaflet \d+\.\d+(?:\.\d+)?\S*.*?</script>", re.S)


def normalise(html: str) -> str:
    """The page without the inlined Leaflet (whatever its version), long data lines replaced by their digest.

    A golden never pins a dependency's version: a new xstatic-leaflet changes no golden.
    """
    html = _LEAFLET.sub("<!-- leaflet inlined -->", html, count=1)
    lines = []
    for line in html.splitlines():
        if len(line) > 5000:
            line = f"<!-- {len(line)} chars sha256 {hashlib.sha256(line.encode()).hexdigest()} -->"
        lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no golden file {path.name}; run with GEOBRIEF_REGEN_GOLDEN=1")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed; if that is intended, regenerate with GEOBRIEF_REGEN_GOLDEN=1"
    )


def test_sample_map_html_matches_golden(extracted_seeds):
    from layers.export import export_html

    _check("seeds.map.html", normalise(export_html(extracted_seeds)))


def test_sample_geojson_matches_golden(extracted_seeds):
    from layers.export import export_geojson

    fc = export_geojson(extracted_seeds)
    # one feature per line: small, and a changed feature shows as one changed line
    lines = [json.dumps(f, ensure_ascii=False, sort_keys=True) for f in fc["features"]]
    head = json.dumps({k: v for k, v in fc.items() if k != "features"}, sort_keys=True)
    _check("seeds.geojson", head + "\n" + "\n".join(lines) + "\n")


@pytest.mark.parametrize("version", ["1.9.3", "1.9.4", "2.0.0-alpha"])
def test_golden_leaves_out_leaflet_whatever_its_version(version):
    page = (
        f"<head>\n<style>\n/*\nLeaflet {version}, a JS library\n*/\n.x{{}}</style><script>L={{}}</script>\n<p>map</p>"
    )
    assert normalise(page) == "<head>\n<!-- leaflet inlined -->\n<p>map</p>\n"
