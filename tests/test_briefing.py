"""Briefing HTML export: steps, escaping, no network references, determinism."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo.scene import Scene
from geo.story import build_story, edit_caption, edit_title
from layers.briefing import (
    BriefingError,
    export_briefing_html,
    export_briefing_pngs,
    step_bounds,
    step_keys,
)
from layers.feature import key_class
from layers.offline import remote_references
from tests.helpers.briefing_scenes import hostile_scene, point_scene, seed_scene


@pytest.fixture(scope="module")
def seed_html() -> str:
    return export_briefing_html(seed_scene())


def _data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="gb-briefing-data">(.*?)</script>', html, re.S)
    assert m, "the step data is missing"
    return json.loads(m.group(1))


def _steps(html: str) -> list[str]:
    return re.findall(r'<li class="gb-step"[^>]*>', html)


def test_one_step_element_per_story_step(seed_html):
    story = build_story(seed_scene())
    tags = _steps(seed_html)
    assert len(tags) == len(story) >= 3
    assert [re.search(r'data-step="(\d+)"', t).group(1) for t in tags] == [str(i) for i in range(len(story))]
    assert [re.search(r'data-step-id="([^"]+)"', t).group(1) for t in tags] == [s.id for s in story]
    assert sum('aria-current="step"' in t for t in tags) == 1
    assert 'aria-current="step"' in tags[0]
    assert f"1</span>&#8202;/&#8202;{len(story)}" in seed_html  # the counter


def test_step_data_has_bounds_and_keys_per_step(seed_html):
    data = _data(seed_html)
    story = build_story(seed_scene())
    assert len(data["steps"]) == len(_steps(seed_html)) == len(story)
    for step, told in zip(data["steps"], story, strict=True):
        (s, w), (n, e) = step["bounds"]
        assert -90 <= s < n <= 90 and w < e
        assert step["id"] == told.id
        assert step["keys"] == step_keys(told)
        if told.id == "overview":
            assert step["keys"] == []  # the overview dims nothing
            continue
        # every relation a step tells is emphasised, and its features carry that class
        assert step["keys"] and all(re.fullmatch(r"gb-k-[0-9a-f]{10}", k) for k in step["keys"])
        for rid in told.relation_ids:
            assert key_class(rid) in step["keys"]
            assert f"{key_class(rid)}" in seed_html.replace(json.dumps(data), "")
    assert f"var {data['map']} = L.map" in seed_html


def test_the_map_is_drawn_once(seed_html):
    data = _data(seed_html)
    assert seed_html.count(" = L.map(") == 1
    assert seed_html.count('"className": "gb-land"') == 1  # one basemap
    # each arc is drawn once, not once per step
    from layers.arcs import group_relations

    arcs = re.findall(r'"className": "gb-arc gb-[a-z]+ (gb-k-[0-9a-f]{10})', seed_html)
    # one arc per (kind, source, target): several statements share one
    assert arcs and len(arcs) == len(set(arcs)) == len(group_relations(seed_scene()))
    assert not any("groups" in step for step in data["steps"])
    assert len(seed_html.encode()) < 1_600_000


def test_captions_and_quotes_are_shown(seed_html):
    assert "Turkey → Ukraine: Bayraktar TB2 drones (12), delivered" in seed_html
    assert "allowed the purchase of a total of 12 UAVs." in seed_html
    assert "zelensky turkey defense" in seed_html  # the quote's document title


def test_uses_the_scenes_own_story_when_it_has_one():
    scene = edit_title(
        edit_caption(seed_scene(story=True), "overview", "Three things to know"), "overview", "For the minister"
    )
    html = export_briefing_html(scene)
    assert "Three things to know" in html and "For the minister" in html
    assert len(_steps(html)) == len(scene.story)


def test_hostile_text_is_escaped_everywhere():
    scene = hostile_scene()
    jinja = "{{ 7*7 }} {% for i in range(3) %}loop{% endfor %}"
    scene = edit_caption(scene, "s2", f"Second {jinja}")
    html = export_briefing_html(scene)
    assert '<script>alert("x")</script>' not in html
    assert "<img src=x" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(&#34;x&#34;)" in html  # the caption, escaped
    # a caption is data, never a template: folium re-parses element output as Jinja
    assert jinja.replace('"', "&#34;") in html
    assert "looploop" not in html
    data = _data(html)  # the JSON block parses: nothing broke out of it
    assert len(data["steps"]) == 2
    assert "http://evil.example" not in html


def test_no_network_references(seed_html):
    assert remote_references(seed_html) == []
    assert not re.search(
        r"""(src|href)=["']?(https?:)?//""", re.sub(r"<script>.*?</script>", "", seed_html, flags=re.S)
    )
    assert "<script src" not in seed_html and "<link " not in seed_html


def test_remote_reference_guard():
    assert remote_references('<img src="https://x/y.png">') == ["<img src='https://x/y.png'>"]
    assert remote_references("<style>a{background:url(//cdn/x)}</style>") == ["url(//"]
    assert remote_references("<script>var s = '<a href=\"https://leafletjs.com\">';</script>") == []


def test_the_briefing_is_judged_by_the_projects_network_guard(monkeypatch):
    """One guard: layers.offline's, on the finished page (panel and player included)."""
    import layers.offline

    seen: list[str] = []

    def remote(html: str) -> list[str]:
        seen.append(html)
        return ['<img src="https://x/y.png">']

    monkeypatch.setattr(layers.offline, "remote_references", remote)
    with pytest.raises(BriefingError, match="would load something from the network"):
        export_briefing_html(seed_scene())
    assert len(seen) == 1 and 'class="gb-panel"' in seen[0] and "geobriefBriefing" in seen[0]


def test_output_is_deterministic(seed_html):
    assert export_briefing_html(seed_scene()) == seed_html
    assert not re.search(r"_[0-9a-f]{32}", seed_html)


@pytest.mark.parametrize("scene", [Scene(), point_scene()], ids=["empty", "one-city"])
def test_scenes_without_relations_still_brief(scene):
    html = export_briefing_html(scene)
    assert len(_steps(html)) == 1
    assert remote_references(html) == []


def test_bounds_frame_a_city_with_a_minimum_span():
    scene = point_scene()
    (s, w), (n, e) = step_bounds(scene, build_story(scene)[0])
    assert s < 50.45 < n and w < 30.52 < e
    assert n - s >= 3 and e - w >= 4


def test_bounds_of_a_big_country_next_to_a_small_one_stay_near_the_small_one():
    scene = seed_scene()
    step = next(s for s in build_story(scene) if s.id == "conflict-RU-UA")
    (s, w), (n, e) = step_bounds(scene, step)
    assert e - w < 100, "framing Russia → Ukraine should not span all of Russia"
    assert w < 32 < e and s < 49 < n
    assert s < 60 < n and w < 90 < e  # Russia's point, where the arc starts


def test_png_export_refuses_clearly_without_chromium(tmp_path: Path):
    with pytest.raises(
        BriefingError, match="chromium not found at /nonexistent/chromium: install Debian's chromium package"
    ):
        export_briefing_pngs(seed_scene(), tmp_path, chromium=Path("/nonexistent/chromium"))
