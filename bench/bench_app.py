"""Benchmark the Streamlit app: start-up to a visible map, rerun cost, memory per session.

Prints figures, asserts nothing. Run from the project root:

    .venv/bin/python bench/bench_app.py [--sessions 4]

1. Seconds from launching ``streamlit run streamlit_app.py`` (as the README
   does) to the first arc drawn in headless Chromium, network cut
   (target: 6 s).
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
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
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


def _open_map(browser, url: str) -> tuple[object, float]:
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
    page = context.new_page()
    t = time.perf_counter()
    page.goto(url)
    page.locator(MAP_FRAME).first.wait_for(state="visible", timeout=180_000)
    page.frame_locator(MAP_FRAME).first.locator("path.gb-arc").first.wait_for(
        state="visible", timeout=180_000)
    return context, time.perf_counter() - t


def bench_browser(sessions: int) -> None:
    from playwright.sync_api import sync_playwright

    port = _free_port()
    url = f"http://localhost:{port}"
    streamlit = Path(sys.executable).with_name("streamlit")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(streamlit), "run", "streamlit_app.py", "--server.headless", "true",
         "--server.port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("the server exited") from None
                time.sleep(0.1)
        healthy = time.perf_counter() - t0
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            rss_idle = _rss_mb(proc.pid)
            first, first_open = _open_map(browser, url)
            visible = time.perf_counter() - t0
            print(f"start-up: server healthy {healthy:.2f} s, map visible {visible:.2f} s after launch "
                  f"(page load {first_open:.2f} s; target 6 s)  [load {_load()}]")
            rss_one = _rss_mb(proc.pid)
            contexts, opens = [first], []
            for _ in range(sessions - 1):
                ctx, seconds = _open_map(browser, url)
                contexts.append(ctx)
                opens.append(seconds)
            time.sleep(1.0)
            rss_n = _rss_mb(proc.pid)
            if opens:
                print(f"warm page load to map visible: median {statistics.median(opens):.2f} s "
                      f"over {len(opens)} more sessions")
            per = (rss_n - rss_one) / max(1, sessions - 1)
            print(f"server RSS: {rss_idle:.0f} MB idle, {rss_one:.0f} MB with 1 session, "
                  f"{rss_n:.0f} MB with {sessions}; ≈{per:.1f} MB per further session")
            for ctx in contexts:
                ctx.close()
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


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
        box = at.checkbox(key=f"layer_{layer}")
        box.uncheck()
        t = time.perf_counter()
        at.run()
        cold.append(time.perf_counter() - t)
        at.checkbox(key=f"layer_{layer}").check()
        at.run()
    for _ in range(repeats):
        for layer in ("arcs", "places", "spheres", "legend"):
            at.checkbox(key=f"layer_{layer}").uncheck()
            t = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - t)
            at.checkbox(key=f"layer_{layer}").check()
            at.run()
    print(f"rerun after a layer toggle: first time {statistics.median(cold) * 1000:.0f} ms "
          f"(median of {len(cold)}, map prepared), again {statistics.median(warm) * 1000:.0f} ms "
          f"(median of {len(warm)}, cached; target 300 ms)  [load {_load()}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=4, help="browser sessions for memory")
    parser.add_argument("--repeats", type=int, default=3, help="cached toggle rounds")
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    if not args.skip_browser:
        if not Path(CHROMIUM).exists():
            print("chromium not found; skipping the browser figures")
        else:
            bench_browser(args.sessions)
    bench_rerun(args.repeats)


if __name__ == "__main__":
    main()
