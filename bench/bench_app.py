"""Benchmark the Streamlit app: start-up to a visible map, rerun cost, memory per session.

Prints figures, asserts nothing. Run from the project root:

    .venv/bin/python bench/bench_app.py [--sessions 4]

1. Seconds from launching ``./run.sh app`` (as the README does) to the first
   arc drawn in headless Chromium with the network cut (target: 3 s warm): on a
   new machine (the store of first pages empty, the launcher's primer
   filling it alongside) and on later launches (store filled), with a
   one-line Streamlit app's launch-to-title on the same machine for scale.
2. Server time of a rerun after toggling a layer, through AppTest: the first
   time a layer combination is drawn (map prepared) and when it comes back
   (cached) (target: 300 ms).
3. Server memory (RSS) after the first session and its growth per further
   browser session.
4. Interaction in the browser: click on a country → Inspect panel (median of
   20 clicks, target 300 ms), paste → map for one article (target 1 s), next
   briefing step (target 150 ms); screenshots go to bench/out/.

``--only interaction`` (or start, memory, static, rerun) prints one figure.

The machine's load average is printed beside the figures: on a shared,
busy machine every figure is inflated.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
MAP_FRAME = 'iframe[title="app.map.st_folium"]'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _offline_context(browser, url: str):
    """A browser context that may fetch only from ``url`` (the network is cut)."""
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
    return context


def _wait_for_map(context, url: str) -> float:
    """Open ``url`` in a new page of ``context``; seconds until the first arc is drawn."""
    page = context.new_page()
    t = time.perf_counter()
    page.goto(url)
    page.locator(MAP_FRAME).first.wait_for(state="visible", timeout=180_000)
    page.frame_locator(MAP_FRAME).first.locator("path.gb-arc").first.wait_for(state="visible", timeout=180_000)
    return time.perf_counter() - t


def _open_map(browser, url: str) -> tuple[object, float]:
    context = _offline_context(browser, url)
    return context, _wait_for_map(context, url)


def _launch(cmd: list[str], url: str, env: dict) -> tuple[subprocess.Popen, float, float]:
    """Start a server; return it, the launch time and seconds until it answered its health check."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return proc, t0, time.perf_counter() - t0
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("the server exited") from None
            time.sleep(0.05)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def _start_to_map(browser, store: Path, *, port: int | None = None, context=None) -> tuple[float, float]:
    """``./run.sh app`` with ``store`` as the first-page store: (healthy, map visible) seconds.

    By default a new browser context (an empty HTTP cache) on a new port; pass ``port`` and
    ``context`` to reopen the app the way a returning analyst's browser does.
    """
    port = port or _free_port()
    url = f"http://localhost:{port}"
    env = {**os.environ, "GEOBRIEF_CACHE_DIR": str(store)}
    proc, t0, healthy = _launch(["bash", "run.sh", "app", "--server.port", str(port)], url, env)
    try:
        if context is None:
            own, _ = _open_map(browser, url)
            own.close()
        else:
            _wait_for_map(context, url)
        visible = time.perf_counter() - t0
    finally:
        _stop(proc)
    return healthy, visible


def _streamlit_floor(browser, folder: Path) -> float:
    """Launch to first paint of a one-line Streamlit app: what any Streamlit page costs here."""
    app = folder / "hello.py"
    app.write_text('import streamlit as st\nst.title("hello")\n')
    port = _free_port()
    url = f"http://localhost:{port}"
    streamlit = Path(sys.executable).with_name("streamlit")
    cmd = [
        str(streamlit),
        "run",
        str(app),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        "--server.address",
        "localhost",
    ]
    proc, t0, _ = _launch(cmd, url, dict(os.environ))
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        page.locator("h1").first.wait_for(state="visible", timeout=180_000)
        seconds = time.perf_counter() - t0
        context.close()
    finally:
        _stop(proc)
    return seconds


def bench_start(rounds: int) -> None:
    """Start to map visible, with the store of first pages empty (a new machine) and filled.

    The browser is started first (the analyst's browser is already open);
    the clock starts when ``./run.sh app`` is launched and stops when the
    first arc is drawn. Rounds alternate so a busy moment hits every kind.
    """
    import tempfile

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        figures: dict[str, list[float]] = {"empty": [], "filled": [], "healthy": [], "floor": [], "returning": []}
        # a returning analyst: the same port every day, a browser that has seen the app before
        # (Playwright turns the HTTP cache off in a context that routes requests, so this one
        # only watches: a request leaving localhost would stop the benchmark)
        port = _free_port()
        returning = browser.new_context(viewport={"width": 1500, "height": 1000})
        outside: list[str] = []
        returning.on(
            "request",
            lambda r: (
                None
                if r.url.startswith((f"http://localhost:{port}", "data:", "blob:", "about:"))
                else outside.append(r.url)
            ),
        )
        _start_to_map(browser, Path(tmp) / "returning", port=port, context=returning)
        for i in range(rounds):
            store = Path(tmp) / f"store{i}"
            healthy, empty = _start_to_map(browser, store)  # the primer fills it
            _, filled = _start_to_map(browser, store)
            figures["empty"].append(empty)
            figures["filled"].append(filled)
            figures["healthy"].append(healthy)
            figures["returning"].append(
                _start_to_map(browser, Path(tmp) / "returning", port=port, context=returning)[1]
            )
            if outside:
                raise SystemExit(f"the app asked the network for {outside[0]}")
            figures["floor"].append(_streamlit_floor(browser, Path(tmp)))
        returning.close()
        browser.close()
    med = {k: statistics.median(v) for k, v in figures.items()}
    print(
        f"start to map visible: {med['filled']:.2f} s with the first page stored by an earlier "
        f"launch, {med['empty']:.2f} s on a new machine (empty store; the primer runs alongside) "
        f"(target 3 s warm; medians of {rounds}, runs {_runs(figures['filled'])} / "
        f"{_runs(figures['empty'])})  [load {_load()}]"
    )
    print(
        f"  the same with a browser that has opened the app before (its HTTP cache holds "
        f"Streamlit's scripts): {med['returning']:.2f} s (runs {_runs(figures['returning'])})"
    )
    print(
        f"  server healthy {med['healthy']:.2f} s; a one-line Streamlit app on this machine "
        f"shows its title {med['floor']:.2f} s after launch (new browser context)"
    )


def _runs(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" for v in values)


@contextlib.contextmanager
def _app_server() -> Iterator[tuple[subprocess.Popen, str]]:
    """``streamlit run streamlit_app.py`` on a free port (no launcher): (process, URL)."""
    port = _free_port()
    url = f"http://localhost:{port}"
    streamlit = Path(sys.executable).with_name("streamlit")
    proc, _, _ = _launch(
        [str(streamlit), "run", "streamlit_app.py", "--server.port", str(port), "--server.headless", "true"],
        url,
        dict(os.environ),
    )
    try:
        yield proc, url
    finally:
        _stop(proc)


def bench_memory(sessions: int) -> None:
    from playwright.sync_api import sync_playwright

    with _app_server() as (proc, url), sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        rss_idle = _rss_mb(proc.pid)
        first, _ = _open_map(browser, url)
        rss_one = _rss_mb(proc.pid)
        contexts, opens = [first], []
        for _ in range(sessions - 1):
            ctx, seconds = _open_map(browser, url)
            contexts.append(ctx)
            opens.append(seconds)
        time.sleep(1.0)
        rss_n = _rss_mb(proc.pid)
        if opens:
            print(
                f"warm page load to map visible: median {statistics.median(opens):.2f} s "
                f"over {len(opens)} more sessions"
            )
        per = (rss_n - rss_one) / max(1, sessions - 1)
        print(
            f"server RSS: {rss_idle:.0f} MB idle, {rss_one:.0f} MB with 1 session, "
            f"{rss_n:.0f} MB with {sessions}; ≈{per:.1f} MB per further session"
        )
        for ctx in contexts:
            ctx.close()
        browser.close()


def bench_static(requests: int = 40) -> None:
    """How fast the server answers a browser's reused (keep-alive) connection.

    Streamlit's page loads about a hundred small scripts over six reused connections.
    uvicorn's pure-Python HTTP stack answers each request on such a connection in
    about 44 ms here; with uvloop and httptools installed (they are dependencies) it
    takes about 2 ms. Prints which stack served and the median over ``requests``.
    """
    import http.client
    import re

    with _app_server() as (_, url):
        conn = http.client.HTTPConnection(urllib.parse.urlsplit(url).netloc)
        conn.request("GET", "/")
        page = conn.getresponse().read().decode("utf-8", "replace")
        scripts = sorted(set(re.findall(r'(?:src|href)="\.?/?(static/js/[^"]+\.js)"', page)))
        if not scripts:
            raise SystemExit("no scripts found in Streamlit's page")
        times = []
        for i in range(requests):
            t = time.perf_counter()
            conn.request("GET", "/" + scripts[i % len(scripts)])
            conn.getresponse().read()
            times.append(time.perf_counter() - t)
        conn.close()
    stack = []
    for name in ("uvloop", "httptools"):
        try:
            __import__(name)
            stack.append(name)
        except ImportError:
            stack.append(f"no {name}")
    print(
        f"static script over a reused connection: median {statistics.median(times) * 1000:.1f} ms "
        f"over {requests} requests ({', '.join(stack)})  [load {_load()}]"
    )


def bench_rerun(repeats: int) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    t = time.perf_counter()
    at.run()
    first = time.perf_counter() - t
    if at.exception:
        raise SystemExit(at.exception[0].value)
    t = time.perf_counter()
    at.run()
    plain = time.perf_counter() - t
    print(f"AppTest: first run {first:.2f} s, plain rerun {plain * 1000:.0f} ms  [load {_load()}]")
    cold, warm = [], []
    for layer in ("arcs", "places", "spheres", "legend"):
        at.pills(key="layers").unselect(layer)
        t = time.perf_counter()
        at.run()
        cold.append(time.perf_counter() - t)
        at.pills(key="layers").select(layer)
        at.run()
    for _ in range(repeats):
        for layer in ("arcs", "places", "spheres", "legend"):
            at.pills(key="layers").unselect(layer)
            t = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - t)
            at.pills(key="layers").select(layer)
            at.run()
    print(
        f"rerun after a layer toggle: first time {statistics.median(cold) * 1000:.0f} ms "
        f"(median of {len(cold)}, map prepared), again {statistics.median(warm) * 1000:.0f} ms "
        f"(median of {len(warm)}, cached; target 300 ms)  [load {_load()}]"
    )


PASTED = (
    "ABU DHABI, 12 March 2024 - The United Arab Emirates supplied drones to the Rapid Support Forces in Sudan, "
    "a UN report says. CAIRO, 2 May 2023 - Egypt backs the Sudanese army against the RSF. "
    "Russia attacked Ukraine again, officials said."
)


def _frame(page):
    return next(f for f in page.frames if "st_folium" in f.url)


def _click_place(page, lat: float, lon: float) -> None:
    # the last click's popup may cover the next (braces: returning the map would serialise all of it)
    _frame(page).evaluate("() => { window.map.closePopup(); }")
    box = page.locator(MAP_FRAME).first.bounding_box()
    x, y = _frame(page).evaluate(
        "([lat, lon]) => { const q = window.map.latLngToContainerPoint([lat, lon]); return [q.x, q.y]; }", [lat, lon]
    )
    page.mouse.click(box["x"] + x, box["y"] + y)


def bench_interaction(clicks: int, steps: int) -> None:
    """Click → Inspect panel, next briefing step, and paste → map, in a real browser (network cut).

    Clicks alternate between Pakistan and China (countries at an end of a relation in the
    samples); the clock runs from the mouse click to the panel's heading naming the country.
    A briefing step runs from the Right key to the next step's counter and its map drawn.
    Paste → map runs from "Add pasted text" to the new article's arcs drawn.
    """
    from playwright.sync_api import sync_playwright

    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    with _app_server() as (_, url), sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = _offline_context(browser, url)
        _wait_for_map(context, url)
        page = context.pages[0]
        page.wait_for_timeout(1500)
        page.screenshot(path=str(out / "app-first-view.png"))
        times = []
        targets = [("Pakistan", 27.0, 66.0), ("China", 25.5, 101.0)]
        for i in range(clicks):
            name, lat, lon = targets[i % 2]
            t = time.perf_counter()
            _click_place(page, lat, lon)
            page.get_by_role("heading", name=name).wait_for(timeout=60_000)
            times.append(time.perf_counter() - t)
            page.wait_for_timeout(150)
        page.screenshot(path=str(out / "app-country-click.png"))
        print(
            f"click → Inspect panel: median {statistics.median(times) * 1000:.0f} ms over {clicks} clicks "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; target 300 ms)  [load {_load()}]"
        )
        # paste → map: one article, from the button to its arcs drawn
        page.get_by_text("Paste an article").click()
        page.get_by_label("Article text").fill(PASTED)
        page.wait_for_timeout(600)  # the text area sends its value on blur
        before = _frame(page).evaluate("() => document.querySelectorAll('path.gb-arc').length")
        t = time.perf_counter()
        page.get_by_role("button", name="Add pasted text").click()
        page.wait_for_function(
            """([sel, n]) => { const f = document.querySelector(sel); const d = f && f.contentDocument;
                               return d && d.querySelectorAll('path.gb-arc').length > n; }""",
            arg=[MAP_FRAME, before],
            timeout=120_000,
        )
        pasted = time.perf_counter() - t
        print(f"paste → map, one article: {pasted:.2f} s (target 1 s)  [load {_load()}]")
        page.wait_for_timeout(800)
        page.screenshot(path=str(out / "app-time-slider.png"))
        # next briefing step: the exported player embedded in the app, stepping in the page
        page.get_by_role("button", name="Briefing mode").click()
        player = page.frame_locator("iframe[srcdoc*='gb-briefing-data']").first
        player.locator(".gb-step[aria-current='step']").wait_for(timeout=60_000)
        inner = next(f for f in page.frames if f.url.startswith("about:srcdoc") and f.locator(".gb-panel").count())
        player.locator(".leaflet-container").click(position={"x": 30, "y": 300})
        total = inner.evaluate("window.geobriefBriefing.count")
        step_times = []
        for i in range(1, min(total, steps + 1)):
            t = time.perf_counter()
            page.keyboard.press("ArrowRight")
            # the step's panel shown and its map framed (no flight in the app)
            inner.wait_for_function("i => window.geobriefBriefing.settled === i", arg=i, timeout=60_000)
            inner.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")  # painted
            step_times.append(time.perf_counter() - t)
            page.wait_for_timeout(300)
        if step_times:
            print(
                f"next briefing step: median {statistics.median(step_times) * 1000:.0f} ms over "
                f"{len(step_times)} steps, key press to the step's panel and map painted "
                f"(target 150 ms)  [load {_load()}]"
            )
        page.screenshot(path=str(out / "app-briefing.png"))
        context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=4, help="browser sessions for memory")
    parser.add_argument("--rounds", type=int, default=3, help="launches of each kind")
    parser.add_argument("--repeats", type=int, default=3, help="cached toggle rounds")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--clicks", type=int, default=20, help="map clicks for click → panel")
    parser.add_argument("--steps", type=int, default=4, help="briefing steps for next step")
    parser.add_argument("--only", choices=["start", "interaction", "memory", "static", "rerun"], help="one figure")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    if args.only:
        {
            "start": lambda: bench_start(args.rounds),
            "interaction": lambda: bench_interaction(args.clicks, args.steps),
            "memory": lambda: bench_memory(args.sessions),
            "static": bench_static,
            "rerun": lambda: bench_rerun(args.repeats),
        }[args.only]()
        return
    if not args.skip_browser:
        if not Path(CHROMIUM).exists():
            print("chromium not found; skipping the browser figures")
        else:
            bench_start(args.rounds)
            bench_interaction(args.clicks, args.steps)
            bench_memory(args.sessions)
    bench_static()
    bench_rerun(args.repeats)


if __name__ == "__main__":
    main()
