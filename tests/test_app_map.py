"""The app's offline st_folium preparation and click lookup (no browser, no Streamlit run)."""

from __future__ import annotations

import re

import pytest

from app.map import OfflineError, feature_at, make_offline, prepare_map, remote_links
from layers.render import FEATURE_LAYERS, collect_layers, render_map
from tests.helpers.app_scenes import small_scene


@pytest.fixture(scope="module")
def prepared() -> dict:
    return prepare_map(render_map(small_scene()), "../assets/")


def test_prepared_map_loads_nothing_from_the_network(prepared):
    links = [*prepared["js_links"], *prepared["css_links"]]
    assert prepared["js_links"] == ["../assets/leaflet.js"]
    assert "../assets/leaflet.css" in prepared["css_links"]
    assert not [u for u in links if re.match(r"^(https?:)?//", u)]
    for part in ("script", "header", "html"):
        assert not re.search(r"""(src|href)=["']https?://""", prepared[part]), part


def test_prepared_map_body_ids_match_the_script(prepared):
    for name in re.findall(r'getElementById\("([^"]+)"\)', prepared["script"]):
        assert f'id="{name}"' in prepared["html"]
    assert '"className": "gb-arc ' in prepared["script"]


def test_make_offline_refuses_unknown_remote_plugins():
    import folium

    m = render_map(small_scene())
    plugin = folium.MacroElement()
    plugin.default_js = [("mystery", "https://cdn.example.org/mystery.js")]
    m.add_child(plugin)
    with pytest.raises(OfflineError, match=r"cdn\.example\.org"):
        make_offline(m, "../assets/")
    assert remote_links(m) == ["https://cdn.example.org/mystery.js"]
    # the class-level lists stay untouched
    assert any(u.startswith("https://") for _, u in folium.Map.default_js)


def test_feature_at_matches_tooltips_and_nearest_places():
    scene = small_scene()
    features = collect_layers(scene, layers=FEATURE_LAYERS)
    arc = next(f for f in features["arcs"] if f.key == "r1")
    text = re.sub(r"<[^>]+>", "", arc.tooltip)
    assert feature_at(scene, text) == ("relation", "r1")
    assert feature_at(scene, None, {"lat": 39.2, "lng": 35.1}) == ("place", "TR")
    assert feature_at(scene, "no such tooltip", {"lat": -40.0, "lng": -120.0}) is None
