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


# -- the one adapter over streamlit-folium (app/map.py): loud when upstream changes ------------------


@pytest.fixture(scope="module")
def upstream() -> dict:
    """What streamlit-folium's public ``st_folium`` hands its frontend for the same (offline) map."""
    import streamlit_folium as sf

    seen: dict = {}
    real = sf._component_func
    sf._component_func = lambda **kwargs: seen.update(kwargs)
    try:
        sf.st_folium(make_offline(render_map(small_scene()), "../assets/"), key="k", returned_objects=["x"])
    finally:
        sf._component_func = real
    assert seen, "st_folium no longer calls its module's _component_func: re-read it before upgrading"
    return seen


def test_prepared_map_is_what_st_folium_sends_its_frontend(prepared, upstream):
    """prepare_map reuses streamlit-folium's helpers; a release that changes what st_folium sends fails here."""
    for part in ("script", "header", "id", "css_links", "js_links"):
        assert prepared[part] == upstream[part], f"streamlit-folium now builds {part!r} differently"

    def ids_blanked(html: str) -> str:
        return re.sub(r'id="[^"]*"', 'id=""', html)

    assert ids_blanked(prepared["html"]) == ids_blanked(upstream["html"])


def test_st_folium_still_leaves_body_ids_behind_its_renamed_script(upstream):
    """Why app/map.py is not the public st_folium: its body HTML keeps the old element names.

    When this fails, streamlit-folium names the title's and legend's divs as its script looks
    them up: drop prepare_map's renaming, and see whether st_folium can replace the adapter.
    """
    body_ids = re.findall(r'<div id="((?:map_title|legend)_[^"]+)"', upstream["html"])
    assert len(body_ids) == 2
    assert not [i for i in body_ids if i in upstream["script"]]


def test_show_map_sends_the_arguments_st_folium_sends(monkeypatch, prepared, upstream):
    import app.map as app_map

    sent: dict = {}
    monkeypatch.setattr(app_map, "_map_component", lambda: lambda **kwargs: sent.update(kwargs) or None)
    app_map.show_map(prepared, key="k", returned_objects=["x"])
    assert set(sent) == set(upstream) - {"on_change"}, "streamlit-folium's frontend arguments changed"
    assert (app_map.map_frontend() / "index.html").is_file()
