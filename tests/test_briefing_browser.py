"""The exported briefing in a real headless Chromium, with the network cut.

Opens the briefing of the sample articles from file://, aborting every
request that is not file: or data:, and drives it as a presenter would:
arrow keys, the next button, the step buttons. Then exports the PNGs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.scene import Scene
from layers.briefing import export_briefing_html, export_briefing_pngs
from tests.helpers.briefing_scenes import seed_scene as hand_built_seed_scene

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=["hand-built", "extracted"])
def scene(request) -> Scene:
    """The sample articles: as built by hand (tests/helpers/briefing_scenes.py) and as extracted."""
    if request.param == "hand-built":
        return hand_built_seed_scene()
    return request.getfixturevalue("extracted_seeds")


@pytest.fixture(scope="module")
def briefing_file(scene, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("briefing") / "briefing.html"
    path.write_text(export_briefing_html(scene), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def opened(browser, briefing_file):
    """The briefing opened once per scene, with everything that goes wrong recorded."""
    context = browser.new_context(viewport={"width": 1600, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    trouble: dict[str, list[str]] = {"console errors": [], "failed requests": [], "requests to the network": []}

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            trouble["requests to the network"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda msg: trouble["console errors"].append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: trouble["console errors"].append(str(exc)))
    page.on("requestfailed", lambda req: trouble["failed requests"].append(req.url))
    page.goto(briefing_file.as_uri(), wait_until="load")
    page.wait_for_function("window.geobriefBriefing !== undefined && window.geobriefBriefing.settled === 0")
    yield page, trouble
    context.close()


@pytest.fixture
def page(opened):
    """The opened briefing back on its first step, nothing focused; no trouble after the test.

    (One page per scene rather than one per test: loading the briefing is most of a test's time.)
    """
    page, trouble = opened
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.geobriefBriefing.go(0); }")
    page.wait_for_function("window.geobriefBriefing.index === 0 && window.geobriefBriefing.settled === 0")
    yield page
    for what, found in trouble.items():
        assert found == [], f"{what}: {found}"


def _current(page) -> str:
    return page.get_attribute('.gb-step[aria-current="step"]', "data-step")


def _view(page) -> dict:
    return page.evaluate("window.geobriefBriefing.view()")


def _wait_settled(page, index: int) -> None:
    page.wait_for_function("i => window.geobriefBriefing.settled === i", arg=index)


def test_opens_on_the_first_step_with_the_map_drawn(page):
    assert page.locator(".gb-step").count() >= 3
    assert _current(page) == "0"
    assert page.locator(".gb-counter").inner_text().replace("\u200a", "").startswith("1/")
    assert page.locator(".leaflet-interactive").count() > 0
    assert page.locator(".gb-step[aria-current] .gb-caption").is_visible()


def test_right_arrow_and_next_button_advance(page):
    before = _view(page)
    page.keyboard.press("ArrowRight")
    assert _current(page) == "1"
    _wait_settled(page, 1)
    after = _view(page)
    assert (before["lat"], before["lng"], before["zoom"]) != (after["lat"], after["lng"], after["zoom"])
    page.click(".gb-next")
    assert _current(page) == "2"
    _wait_settled(page, 2)
    assert page.locator(".gb-counter").inner_text().replace("\u200a", "").startswith("3/")
    page.keyboard.press("ArrowLeft")
    assert _current(page) == "1"


@pytest.mark.parametrize(("key", "expected"), [("PageDown", "1"), ("Space", "1"), ("End", None)])
def test_clicker_keys(page, key, expected):
    page.keyboard.press(key)
    last = str(page.locator(".gb-step").count() - 1)
    assert _current(page) == (expected or last)
    page.keyboard.press("PageUp" if key != "End" else "Home")
    assert _current(page) == "0"  # one step back from the second, or home from the last


def test_each_step_frames_its_own_bounds(page):
    bounds = page.evaluate(
        "JSON.parse(document.getElementById('gb-briefing-data').textContent).steps.map(s => s.bounds)"
    )
    views = []
    for i in range(len(bounds)):
        page.evaluate("i => window.geobriefBriefing.go(i)", i)
        _wait_settled(page, i)
        views.append(_view(page))
        inside = page.evaluate(
            "b => { const m = window[JSON.parse(document.getElementById('gb-briefing-data').textContent).map];"
            " return m.getBounds().pad(0.01).contains(L.latLngBounds(b).getCenter()); }",
            bounds[i],
        )
        assert inside, f"step {i} is not framed on its places"
    distinct_bounds = {json_key(b) for b in bounds}
    distinct_views = {json_key(v) for v in views}
    assert len(distinct_views) >= min(3, len(distinct_bounds))


def json_key(value) -> str:
    import json

    return json.dumps(value, sort_keys=True)


def test_only_the_current_step_is_visible_and_steps_swap_overlays(page):
    steps = page.locator(".gb-step")
    assert sum(steps.nth(i).is_visible() for i in range(steps.count())) == 1
    shown_before = page.evaluate("window.geobriefBriefing.index")
    page.click('.gb-dot[data-goto="2"]')
    assert _current(page) == "2" and shown_before == 0
    assert page.get_attribute('.gb-dot[data-goto="2"]', "aria-current") == "step"
    assert page.is_disabled(".gb-prev") is False


def test_png_export_writes_one_non_blank_picture_per_step(scene, tmp_path):
    from PIL import Image

    paths = export_briefing_pngs(scene, tmp_path / "slides")
    n_steps = len(scene.story) or len(__import__("geo.story").story.build_story(scene))
    assert [p.name for p in paths] == [f"step-{i:02d}.png" for i in range(1, n_steps + 1)]
    for path in paths:
        with Image.open(path) as img:
            assert img.size == (1600, 900)
            colours = img.convert("RGB").resize((160, 90)).getcolors(maxcolors=100_000)
            assert colours is not None and len(colours) > 50, f"{path.name} looks blank"


_EMPHASIS = """i => {
    const data = JSON.parse(document.getElementById('gb-briefing-data').textContent);
    const container = window[data.map].getContainer();
    const keys = data.steps[i].keys;
    const features = Array.from(container.querySelectorAll(
        'path.leaflet-interactive, .gb-arrow, .gb-label'));
    const opacity = el => Number(getComputedStyle(el).opacity);
    const isOn = el => keys.some(k => el.classList.contains(k));
    return {
        keys: keys,
        focus: container.classList.contains('gb-focus'),
        onClassMatchesKeys: features.every(el => el.classList.contains('gb-on') === isOn(el)),
        perKey: keys.map(k => container.querySelectorAll('.' + k).length),
        on: features.filter(isOn).map(opacity),
        off: features.filter(el => !isOn(el)).map(opacity),
        offShapes: features.filter(el => !isOn(el) && !el.classList.contains('gb-label')).map(opacity),
        onArcs: features.filter(el => isOn(el) && el.classList.contains('gb-arc'))
            .map(el => parseFloat(getComputedStyle(el).strokeWidth)),
        offArcs: features.filter(el => !isOn(el) && el.classList.contains('gb-arc'))
            .map(el => parseFloat(getComputedStyle(el).strokeWidth)),
        land: Array.from(container.querySelectorAll('path.gb-land')).map(opacity),
    };
}"""


def test_each_step_emphasises_its_features_and_dims_the_rest(page):
    count = page.evaluate("window.geobriefBriefing.count")
    focused = 0
    for i in range(count):
        page.evaluate("i => window.geobriefBriefing.go(i)", i)
        _wait_settled(page, i)
        got = page.evaluate(_EMPHASIS, i)
        assert got["land"] and all(o == 1 for o in got["land"]), "the land never fades"
        if not got["keys"]:  # the overview: everything at full strength
            assert i == 0 and not got["focus"]
            assert got["on"] == [] and got["off"] and all(o == 1 for o in got["off"])
            assert page.locator(".gb-on").count() == 0
            continue
        focused += 1
        assert got["focus"], f"step {i}: the map is not in focus mode"
        assert got["onClassMatchesKeys"], f"step {i}: gb-on is not exactly on the step's features"
        assert any(got["perKey"]), f"step {i}: none of its features is on the map"
        assert got["on"] and all(o == 1 for o in got["on"]), f"step {i}: its features are dimmed"
        assert got["off"] and all(o <= 0.4 for o in got["off"]), f"step {i}: other features not dimmed"
        assert got["offShapes"] and all(o <= 0.2 for o in got["offShapes"]), f"step {i}: other arcs not dimmed"
        if got["onArcs"] and got["offArcs"]:
            assert min(got["onArcs"]) > max(got["offArcs"]), f"step {i}: its arcs are not the widest"
    assert focused >= 2
    # back to the overview: nothing stays dimmed
    page.keyboard.press("Home")
    _wait_settled(page, 0)
    assert page.evaluate(_EMPHASIS, 0)["focus"] is False
    assert page.locator(".gb-on").count() == 0


def test_deep_link_opens_that_step_emphasised(browser, briefing_file):
    context = browser.new_context(viewport={"width": 1600, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page.goto(briefing_file.as_uri() + "#3", wait_until="load")
    page.wait_for_function("window.geobriefBriefing !== undefined && window.geobriefBriefing.settled === 2")
    assert _current(page) == "2"
    assert page.get_attribute('.gb-dot[data-goto="2"]', "aria-current") == "step"
    got = page.evaluate(_EMPHASIS, 2)
    assert got["focus"] and got["on"] and all(o == 1 for o in got["on"])
    assert errors == []
    context.close()
