"""The app in a real headless Chromium, started as the README starts it, with the network cut.

Every request that does not go to the local Streamlit server is aborted and
recorded; the tests fail if any was attempted, if the page logs an error, or
if Streamlit shows an exception. Screenshots land in pytest's tmp dir (and
in bench/out/ when GEOBRIEF_SCREENSHOTS=1) for a person to look at.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.app]

ROOT = Path(__file__).resolve().parent.parent
MAP_FRAME = 'iframe[title="app.map.st_folium"]'
STARTUP_TIMEOUT = 90


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """The app started as the README starts it (``./run.sh app``), on a free port.

    ``run.sh`` finds the venv ready and runs ``python -m app.server``:
    the primer prepares the first page in a second process while Streamlit
    starts, into this test run's empty store (conftest.py), so the first
    page here is the one a new machine gets. The server's output goes to
    ``server.log`` in pytest's temporary folder.
    """
    port = _free_port()
    log_path = tmp_path_factory.mktemp("app-server") / "server.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        ["bash", str(ROOT / "run.sh"), "app", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://localhost:{port}"
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the Streamlit server did not become healthy")
        time.sleep(0.2)
    yield url
    proc.terminate()
    log.close()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


class Watch:
    """What the page tried to fetch from outside, and what it logged as errors."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.sent: list[float] = []  # times the page sent a message to the server


@contextlib.contextmanager
def _open_app(server: str, browser, *, slow_stylesheet: float = 0.0):
    """The app's page in a new browser context (no cache, no cookies); ``slow_stylesheet`` delays
    Leaflet's CSS."""
    watch = Watch()
    context = browser.new_context(viewport={"width": 1500, "height": 1000})

    def route(r):
        url = r.request.url
        if url.startswith((server, "data:", "blob:", "about:")):
            if slow_stylesheet and url.endswith("leaflet.css"):
                time.sleep(slow_stylesheet)
            r.continue_()
        else:
            watch.blocked.append(url)
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    pg.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))
    pg.on("websocket", lambda ws: ws.on("framesent", lambda f: watch.sent.append(time.monotonic())))
    pg.goto(server)
    pg.watch = watch
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture
def page(server, browser):
    with _open_app(server, browser) as pg:
        yield pg


@pytest.fixture(scope="module")
def first_page(server, browser):
    """The app's first page as it opens, shared by the tests that only look at it."""
    with _open_app(server, browser) as pg:
        yield pg


def _shot(pg, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    pg.screenshot(path=str(path))
    if os.environ.get("GEOBRIEF_SCREENSHOTS"):
        out = ROOT / "bench" / "out"
        out.mkdir(exist_ok=True)
        shutil.copy(path, out / path.name)
    return path


def _map(pg):
    pg.locator(MAP_FRAME).first.wait_for(state="visible", timeout=120_000)
    frame = pg.frame_locator(MAP_FRAME).first
    frame.locator("path.gb-arc").first.wait_for(state="visible", timeout=60_000)
    return frame


def _no_trouble(pg) -> None:
    assert pg.watch.blocked == [], f"requests outside localhost: {pg.watch.blocked[:5]}"
    assert pg.watch.errors == [], f"console errors: {pg.watch.errors[:5]}"
    assert pg.locator('[data-testid="stException"]').count() == 0


def test_map_appears_offline_with_arcs(first_page, tmp_path):
    page = first_page
    frame = _map(page)
    arcs = frame.locator("path.gb-arc").count()
    assert arcs >= 3
    box = page.locator(MAP_FRAME).first.bounding_box()
    assert box and box["height"] >= 400 and box["width"] >= 400
    assert frame.locator(".gb-legend").count() == 1
    page.wait_for_timeout(800)
    _shot(page, tmp_path, "app-map")
    _no_trouble(page)
    # the launcher's primer prepared this first page in its own process (app/cache.py)
    store = Path(os.environ["GEOBRIEF_CACHE_DIR"])
    assert {"map", "scene", "story"} <= {p.name.split("-")[0] for p in store.glob("*-*.json")}


def test_first_view_fits_the_ends_of_the_relations(first_page, extracted_seeds, tmp_path):
    page = first_page
    from layers.render import collect_layers, story_points

    scene = extracted_seeds
    ends = [list(p) for p in story_points(scene, collect_layers(scene))]
    frame = _map(page)
    page.wait_for_timeout(800)
    inner = next(f for f in page.frames if "st_folium" in f.url)
    view = inner.evaluate(
        """(points) => { const map = window.map; const s = map.getSize();
             return {w: s.x, h: s.y,
                     pts: points.map(p => { const q = map.latLngToContainerPoint(p); return [q.x, q.y]; })}; }""",
        ends,
    )
    xs, ys = [p[0] for p in view["pts"]], [p[1] for p in view["pts"]]
    assert min(xs) >= 0 and max(xs) <= view["w"] and min(ys) >= 0 and max(ys) <= view["h"]
    assert max((max(xs) - min(xs)) / view["w"], (max(ys) - min(ys)) / view["h"]) >= 0.5
    assert frame.locator(".gb-endpoint.gb-crowded").count() == 0  # every end is named
    _shot(page, tmp_path, "app-first-view")


LABEL_OVERLAPS_JS = """() => {
  const shown = [...document.querySelectorAll('.gb-label:not(.gb-crowded)')]
    .map(e => (e.firstElementChild || e).getBoundingClientRect()).filter(r => r.width > 0);
  let overlaps = 0;
  for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) {
    const a = shown[i], b = shown[j];
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
  }
  return {shown: shown.length, hidden: document.querySelectorAll('.gb-crowded').length, overlaps};
}"""


def test_labels_are_placed_again_when_leaflets_stylesheet_comes_late(server, browser, tmp_path):
    # Label boxes measured before Leaflet's CSS applies are wrong; the map's script places
    # the labels again when the stylesheet loads (on a busy machine it comes after the script)
    with _open_app(server, browser, slow_stylesheet=1.0) as pg:
        _map(pg)
        pg.wait_for_timeout(1500)
        frame = next(f for f in pg.frames if "st_folium" in f.url)
        assert frame.evaluate("() => [...document.styleSheets].some(s => /leaflet.css/.test(s.href || ''))")
        labels = frame.evaluate(LABEL_OVERLAPS_JS)
        _shot(pg, tmp_path, "app-late-stylesheet")
        assert labels["overlaps"] == 0, labels
        assert labels["hidden"] > 0 and labels["shown"] > 0, labels  # crowded: the check means something
        _no_trouble(pg)


def test_pan_and_zoom_do_not_rerun_the_app(page):
    # from the moment the map's frame exists: the map's opening fit is a move too
    page.locator(MAP_FRAME).first.wait_for(state="attached", timeout=STARTUP_TIMEOUT * 1000)
    since = time.monotonic()
    frame = _map(page)
    page.wait_for_timeout(1500)
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(500)
    box = page.locator(MAP_FRAME).first.bounding_box()
    page.mouse.move(box["x"] + 500, box["y"] + 400)
    page.mouse.down()
    page.mouse.move(box["x"] + 380, box["y"] + 330, steps=8)
    page.mouse.up()
    page.wait_for_timeout(1500)
    assert [t for t in page.watch.sent if t > since] == []
    _no_trouble(page)


def test_layer_control_hides_and_shows_arcs(page, tmp_path):
    frame = _map(page)
    before = frame.locator("path.gb-arc").count()
    frame.locator(".leaflet-control-layers").hover()  # the control opens on hover
    toggle = frame.locator(".leaflet-control-layers-overlays label", has_text="Relations")
    toggle.locator("input").click()
    page.wait_for_timeout(300)
    assert frame.locator("path.gb-arc").count() == 0
    _shot(page, tmp_path, "app-arcs-hidden")
    toggle.locator("input").click()
    page.wait_for_timeout(300)
    assert frame.locator("path.gb-arc").count() == before
    # the app's own layer toggle redraws the map without the arcs
    page.locator("[data-testid='stSidebar'] button", has_text="Relations").first.click()
    page.wait_for_function(
        """sel => { const f = document.querySelector(sel);
                    const d = f && f.contentDocument;
                    return d && d.querySelector('.leaflet-pane') && !d.querySelector('path.gb-arc'); }""",
        arg=MAP_FRAME,
        timeout=60_000,
    )
    _no_trouble(page)


def test_clicking_an_arc_shows_its_evidence(page, tmp_path):
    frame = _map(page)
    page.wait_for_timeout(800)
    box = page.locator(MAP_FRAME).first.bounding_box()
    # a real mouse click on the middle of an arc's stroke
    x, y = (
        frame.locator("path.gb-arc")
        .nth(2)
        .evaluate(
            """p => { const q = p.getPointAtLength(p.getTotalLength() / 2);
                  const m = p.getScreenCTM(); return [q.x * m.a + m.e, q.y * m.d + m.f]; }"""
        )
    )
    since = time.monotonic()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.get_by_role("heading", name="Relation").wait_for(timeout=60_000)
    assert [t for t in page.watch.sent if t > since]  # a click does reach the server
    assert page.locator("blockquote").count() >= 1
    page.wait_for_timeout(800)
    _shot(page, tmp_path, "app-arc-selected")
    _no_trouble(page)


def test_clicking_a_country_fills_the_panel(page, tmp_path):
    frame = _map(page)
    page.wait_for_timeout(800)
    box = page.locator(MAP_FRAME).first.bounding_box()
    # a real click inside Pakistan's outline (a country at an end of a relation), away from its name
    inner = next(f for f in page.frames if "st_folium" in f.url)
    x, y = inner.evaluate(
        """() => { const map = window.map; const q = map.latLngToContainerPoint([27.0, 66.0]);
                   return [q.x, q.y]; }"""
    )
    since = time.monotonic()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.get_by_role("heading", name="Pakistan").wait_for(timeout=30_000)
    answered = time.monotonic() - since
    panel = page.locator("[data-testid='stVerticalBlock'] .gb-relations").first
    panel.wait_for(timeout=10_000)
    assert "Pakistan" in panel.inner_text() and "transfer" in panel.inner_text()
    assert page.locator("blockquote").count() >= 1  # its sentences
    assert frame.locator("path.gb-picked").count() >= 1  # marked on the map, without a redraw
    print(f"country click → panel: {answered * 1000:.0f} ms (one click, not a benchmark)")
    _shot(page, tmp_path, "app-country-click")
    _no_trouble(page)


def test_briefing_mode_with_arrow_keys(page, tmp_path):
    """The briefing is the exported player embedded in the app: the arrow keys step in the page."""
    _map(page)
    page.get_by_role("button", name="Briefing mode").click()
    player = page.frame_locator("iframe[srcdoc*='gb-briefing-data']").first
    player.locator(".gb-step[aria-current='step']").wait_for(timeout=60_000)
    assert page.locator("[data-testid='stSidebar']").is_hidden()
    inner = next(f for f in page.frames if f.url.startswith("about:srcdoc") and f.locator(".gb-panel").count())
    total = inner.evaluate("window.geobriefBriefing.count")
    assert total >= 2 and inner.evaluate("window.geobriefBriefing.index") == 0
    player.locator(".leaflet-container").click(position={"x": 30, "y": 300})  # focus the player
    page.keyboard.press("ArrowRight")
    inner.wait_for_function("window.geobriefBriefing.settled === 1", timeout=10_000)
    assert player.locator(".gb-step[aria-current='step']").get_attribute("data-step") == "1"
    page.wait_for_timeout(400)
    _shot(page, tmp_path, "app-briefing-step2")
    page.keyboard.press("ArrowLeft")
    inner.wait_for_function("window.geobriefBriefing.settled === 0", timeout=10_000)
    page.get_by_role("button", name="Leave briefing").click()
    page.locator("[data-testid='stSidebar']").wait_for(state="visible", timeout=60_000)
    _no_trouble(page)


def _arcs_in(pg) -> int:
    return pg.evaluate(
        """sel => { const f = document.querySelector(sel); const d = f && f.contentDocument;
                    return d ? d.querySelectorAll('path.gb-arc').length : -1; }""",
        MAP_FRAME,
    )


def _paste(pg, text: str) -> None:
    before = _arcs_in(pg)
    expander = pg.get_by_text("Paste an article")
    if not pg.get_by_label("Article text").is_visible():
        expander.click()
    pg.get_by_label("Article text").fill(text)
    pg.wait_for_timeout(500)  # the text area sends its value when it loses focus
    pg.get_by_role("button", name="Add pasted text").click()
    pg.wait_for_function(
        """([sel, n]) => { const f = document.querySelector(sel); const d = f && f.contentDocument;
                           return d && d.querySelectorAll('path.gb-arc').length > n; }""",
        arg=[MAP_FRAME, before],
        timeout=60_000,
    )


def test_the_time_slider_hides_and_shows_arcs_in_the_app(page, tmp_path):
    _map(page)
    _paste(page, "ABU DHABI, 12 March 2024 - The United Arab Emirates supplied drones to the Rapid Support Forces.")
    _paste(page, "CAIRO, 2 May 2023 - Egypt supplied armoured vehicles to the Sudanese army.")
    page.wait_for_timeout(800)
    inner = next(f for f in page.frames if "st_folium" in f.url)
    control = inner.locator(".gb-timefilter")
    assert control.count() == 1
    if not inner.locator(".gb-timefilter details[open]").count():
        inner.locator(".gb-timefilter summary").click()  # folded on the app's narrow map
    every = inner.evaluate("() => document.querySelectorAll('path.gb-arc').length")
    inner.evaluate(
        """() => { const d = document.querySelector('.gb-timefilter');
             const a = d.querySelector('.gb-tf-lo'), b = d.querySelector('.gb-tf-hi');
             a.value = '1'; b.value = '1';
             [a, b].forEach(x => x.dispatchEvent(new Event('input', {bubbles: true}))); }"""
    )
    inner.locator(".gb-tf-undated").uncheck()  # only what was reported on 12 March 2024
    only = inner.evaluate("() => document.querySelectorAll('path.gb-arc').length")
    assert 1 <= only < every
    _shot(page, tmp_path, "app-time-slider")
    inner.locator(".gb-tf-undated").check()
    inner.evaluate(
        """() => { const d = document.querySelector('.gb-timefilter'); const a = d.querySelector('.gb-tf-lo');
             a.value = '0'; a.dispatchEvent(new Event('input', {bubbles: true})); }"""
    )
    assert inner.evaluate("() => document.querySelectorAll('path.gb-arc').length") == every
    _no_trouble(page)


def test_an_uploaded_web_page_gives_only_its_articles_places(page, tmp_path):
    """The page's navigation (Africa, Europe, Asia), related links (Japan, Australia) and footer
    (London, Singapore) never reach the map: no tooltip the upload adds or changes names them.
    (The samples themselves name Europe, in "European manufacturers".)"""
    _map(page)
    before = set(_tooltips(page))
    page.locator("[data-testid='stSidebar'] input[type='file']").first.set_input_files(
        str(ROOT / "tests" / "data" / "pages" / "rsf-page.html")
    )
    page.get_by_text("Added “UAE arms reach Sudan").wait_for(timeout=60_000)
    page.wait_for_function(
        """sel => { const f = document.querySelector(sel); const d = f && f.contentDocument;
                    return d && [...d.querySelectorAll('.gb-label')]
                        .some(e => e.innerText.includes('Rapid Support')); }""",
        arg=MAP_FRAME,
        timeout=60_000,
    )
    text = " | ".join(t for t in _tooltips(page) if t not in before)
    for name in ("United Arab Emirates", "Egypt", "Rapid Support Forces"):
        assert name in text, name
    for name in ("Africa", "Europe", "Asia", "Japan", "Australia", "London", "Singapore", "Brazil"):
        assert name not in text, name
    _shot(page, tmp_path, "app-html-upload")
    _no_trouble(page)


def _tooltips(page) -> list[str]:
    """The text of every tooltip on the app's map."""
    inner = next(f for f in page.frames if "st_folium" in f.url)
    return inner.evaluate(
        """() => { const out = [];
             window.map.eachLayer(l => { const t = l.getTooltip && l.getTooltip();
               if (t) { const d = document.createElement('div'); d.innerHTML = t.getContent();
                        out.push(d.innerText); } });
             return out; }"""
    )


def test_crafted_scene_files_are_refused_in_one_line_and_work_is_kept(page, tmp_path):
    """Each hostile scene file of issue 17, uploaded into the real app: a one-line reason, no
    exception box, no traceback, and the article pasted before is still open."""
    from playwright.sync_api import expect

    from tests.helpers.hostile import CRAFTED

    _map(page)
    title = "Drones for Baku"
    page.get_by_text("Paste an article").first.click()
    page.get_by_label("Title (optional)").fill(title)
    page.get_by_label("Article text").fill(
        "Turkey delivered 20 Bayraktar TB2 drones to Azerbaijan last year, officials in Baku said."
    )
    page.get_by_role("button", name="Add pasted text").click()
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text(title, exact=True).wait_for(timeout=60_000)
    for name, (make, reason) in CRAFTED.items():
        path = tmp_path / f"{name}.json"
        path.write_bytes(make())
        uploader = page.locator("[data-testid='stFileUploader']", has_text="Open a saved scene")
        expect(uploader).to_have_count(1, timeout=60_000)  # the last upload's widget is gone
        uploader.locator("input[type=file]").set_input_files(str(path))
        alert = page.locator("[data-testid='stAlert']", has_text=f"{path.name} was not opened")
        alert.wait_for(timeout=60_000)
        text = alert.inner_text()
        assert reason in text and "The current scene is unchanged" in text, text
        assert len(text.strip().splitlines()) == 1, text
        assert page.locator('[data-testid="stException"]').count() == 0
        assert "Traceback" not in page.content()
        assert sidebar.get_by_text(title, exact=True).count() == 1  # the work is still there
        _map(page)
    _shot(page, tmp_path, "app-crafted-scenes")
    _no_trouble(page)
