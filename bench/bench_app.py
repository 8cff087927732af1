"""Benchmark the Streamlit app: start-up to a visible map, rerun cost, memory per session.

Prints figures, asserts nothing. Run from the project root:

    .venv/bin/python bench/bench_app.py [--sessions 4]

1. Seconds from launching ``./run.sh app`` (as the README does) to the first
   arc drawn in headless Chromium with the network cut (target: 6 s): on a
   new machine (the store of first pages empty, the launcher's primer
   filling it alongside) and on later launches (store filled), with a
   one-line Streamlit app's launch-to-title on the same machine for scale.
2. Server time of a rerun after toggling a layer, through AppTest: the first
   time a layer combination is drawn (map prepared) and when it comes back
   (cached) (target: 300 ms).
3. Server memory (RSS) after the first session and its growth per further
   browser session.

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
MAP_FRAME = 'iframe[title="layers.app_map.st_folium"]'


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
        f"(target 6 s; medians of {rounds}, runs {_runs(figures['filled'])} / "
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=4, help="browser sessions for memory")
    parser.add_argument("--rounds", type=int, default=3, help="launches of each kind")
    parser.add_argument("--repeats", type=int, default=3, help="cached toggle rounds")
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    if not args.skip_browser:
        if not Path(CHROMIUM).exists():
            print("chromium not found; skipping the browser figures")
        else:
            bench_start(args.rounds)
            bench_memory(args.sessions)
    bench_static()
    bench_rerun(args.repeats)


if __name__ == "__main__":
    main()
