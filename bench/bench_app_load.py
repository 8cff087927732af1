"""Benchmark the app under load: N concurrent browser sessions that paste, click and export.

Prints figures, asserts nothing. Run from the project root:

    .venv/bin/python bench/bench_app_load.py [--sessions 20] [--deadline 600]

The app is started as the README starts it (``./run.sh app``) on a free
localhost port with an empty store of first pages; every browser request
that does not go to it is aborted. Then:

1. One session alone, on the warmed-up server: seconds from opening the page
   to the first arc drawn, then its interactions (the single-session figures).
2. ``--sessions`` sessions at once (separate browser contexts, one headless
   Chromium), each: open the page and wait for the map, paste an article of
   its own and wait for the redrawn map, click an arc and wait for its
   evidence, open the Export tab and download the GeoJSON.

It prints the errors (exceptions on the page, console errors, requests that
left localhost, steps that timed out; target 0), the server's peak RSS, the
median and slowest time to the map and of each interaction, and the ratio of
the median map time to the single session's (target: every session's map
drawn within 3× the single-session time). Everything is bounded: at most
``--sessions`` (≤ 40) sessions, each step ``--step-timeout`` seconds, the
whole run ``--deadline`` seconds, all traffic to 127.0.0.1. The machine's
load average is printed beside the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
MAP_FRAME = 'iframe[title="app.map.st_folium"]'
MAX_SESSIONS = 40


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _tree_rss_mb(pid: int) -> float:
    """RSS of a process and its children (the launcher's primer), in MB."""
    total = 0.0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (its reaped children included)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(x) for x in fields[11:15]) / ticks


def _browser_cpu_seconds() -> float:
    """CPU seconds of this process's descendants (Playwright's driver and Chromium)."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                ppid = int(Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(name))
    total, stack = 0.0, [os.getpid()]
    while stack:
        for child in children.get(stack.pop(), []):
            total += _cpu_seconds(child)
            stack.append(child)
    return total


def _machine_cpu_seconds() -> float:
    """CPU seconds every process on the machine has used (user, nice, system), from /proc/stat."""
    parts = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    return sum(int(x) for x in parts[:3]) / os.sysconf("SC_CLK_TCK")


async def _idle(page, ms: float) -> None:
    """Wait until the app has finished its script runs: Streamlit's "running" indicator gone
    and staying gone for a second (on a loaded machine a rerun can start late)."""
    status = page.locator('[data-testid="stStatusWidget"]')
    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline:
        await status.wait_for(state="hidden", timeout=ms)
        await page.wait_for_timeout(1000)
        if not await status.is_visible():
            return


class PeakRSS:
    """Samples a server's RSS every 0.2 s in a thread; ``peak`` in MB."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss_mb(self.pid))
            self._stop.wait(0.2)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


@dataclass
class Session:
    """What one browser session measured and what went wrong in it."""

    number: int
    times: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    retries: int = 0  # clicks that selected nothing and were made again on another arc


def _article(i: int) -> str:
    return (
        f"Ankara, {i + 1} March. Turkey delivered {i + 3} Bayraktar TB2 drones to Azerbaijan last year, "
        f"officials in Baku said. Russia criticised the sale and warned Ankara. Session {i} reports it."
    )


async def _launch(p):
    return await p.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


async def _session(browser, url: str, i: int, step_timeout: float, playwright=None) -> Session:
    """One analyst's session; with ``playwright``, in a Chromium of its own (``browser`` unused)."""
    own = await _launch(playwright) if playwright is not None else None
    try:
        return await _session_in(own or browser, url, i, step_timeout)
    finally:
        if own is not None:
            await own.close()


async def _session_in(browser, url: str, i: int, step_timeout: float) -> Session:
    out = Session(i)
    ms = step_timeout * 1000
    context = await browser.new_context(viewport={"width": 1500, "height": 1000}, accept_downloads=True)

    async def route(r):
        if r.request.url.startswith((url, "data:", "blob:", "about:")):
            await r.continue_()
        else:
            out.errors.append(f"left localhost: {r.request.url[:80]}")
            await r.abort()

    await context.route("**/*", route)
    page = await context.new_page()
    page.on("console", lambda m: out.errors.append(f"console: {m.text[:120]}") if m.type == "error" else None)
    page.on("pageerror", lambda e: out.errors.append(f"page error: {str(e)[:120]}"))
    step = "open"
    try:
        t = time.perf_counter()
        await page.goto(url, timeout=ms)
        frame = page.frame_locator(MAP_FRAME).first
        await frame.locator("path.gb-arc").first.wait_for(state="visible", timeout=ms)
        out.times["map"] = time.perf_counter() - t

        step = "paste"
        await page.get_by_text("Paste an article").first.click(timeout=ms)
        await page.get_by_label("Title (optional)").fill(f"Session {i}", timeout=ms)
        await page.get_by_label("Article text").fill(_article(i), timeout=ms)
        t = time.perf_counter()
        await page.get_by_role("button", name="Add pasted text").click(timeout=ms)
        await page.get_by_text("3 documents,").first.wait_for(timeout=ms)
        await frame.locator("path.gb-arc").first.wait_for(state="visible", timeout=ms)
        out.times["paste"] = time.perf_counter() - t

        step = "click"
        await _idle(page, ms)
        t = time.perf_counter()
        for attempt in range(3):  # a click that lands on a label, not the arc's stroke, selects nothing
            box = await page.locator(MAP_FRAME).first.bounding_box()
            x, y = (
                await frame.locator("path.gb-arc")
                .nth(attempt)
                .evaluate(
                    """p => { const q = p.getPointAtLength(p.getTotalLength() / 2);
                          const m = p.getScreenCTM(); return [q.x * m.a + m.e, q.y * m.d + m.f]; }"""
                )
            )
            await page.mouse.click(box["x"] + x, box["y"] + y)
            try:
                await page.get_by_role("heading", name="Relation").wait_for(timeout=ms / 3)
                break
            except Exception:
                out.retries += 1
                if attempt == 2:
                    raise
                await _idle(page, ms)
        out.times["click"] = time.perf_counter() - t

        step = "export"
        t = time.perf_counter()
        await page.get_by_role("tab", name="Export").click(timeout=ms)
        button = page.get_by_role("button", name="GeoJSON")
        await button.wait_for(timeout=ms)
        await _idle(page, ms)  # a download asked for during a rerun is gone when the rerun ends
        async with page.expect_download(timeout=ms) as info:
            await button.click(timeout=ms)
        download = await info.value
        path = await download.path()
        if path is None or Path(path).stat().st_size < 100:
            out.errors.append("export: empty download")
        out.times["export"] = time.perf_counter() - t

        if await page.locator('[data-testid="stException"]').count():
            out.errors.append("an exception box on the page")
        if "Traceback" in await page.content():
            out.errors.append("a traceback on the page")
    except Exception as exc:  # a timed-out or failed step is an error of this session, not the run's
        out.errors.append(f"{step}: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
    finally:
        await context.close()
    return out


async def _run(
    url: str, sessions: int, step_timeout: float, deadline: float, pid: int, cpu: list, separate: bool
) -> tuple[Session, list[Session]]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await _launch(p)
        try:
            await _session(browser, url, 999, step_timeout)  # warm the server up (imports, caches)
            cpu.append((_cpu_seconds(pid), _browser_cpu_seconds()))
            single = await _session(browser, url, 1000, step_timeout)
            cpu.append((_cpu_seconds(pid), _browser_cpu_seconds()))
            cpu.append((_cpu_seconds(pid), _machine_cpu_seconds()))
            many = await asyncio.wait_for(
                asyncio.gather(
                    *(_session(browser, url, i, step_timeout, p if separate else None) for i in range(sessions))
                ),
                timeout=deadline,
            )
            cpu.append((_cpu_seconds(pid), _machine_cpu_seconds()))
        finally:
            await browser.close()
    return single, list(many)


def _stats(values: list[float]) -> str:
    if not values:
        return "none"
    return f"median {statistics.median(values):.1f} s, slowest {max(values):.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--step-timeout", type=float, default=180.0, help="seconds one step may take")
    parser.add_argument("--deadline", type=float, default=600.0, help="seconds the concurrent run may take")
    parser.add_argument(
        "--browser-per-session",
        action="store_true",
        help="a Chromium process for each session (as each analyst has their own browser), not one for all",
    )
    args = parser.parse_args()
    sessions = max(1, min(MAX_SESSIONS, args.sessions))
    if not Path(CHROMIUM).exists():
        raise SystemExit("chromium not found at /usr/bin/chromium")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as store:
        env = {**os.environ, "GEOBRIEF_CACHE_DIR": store}
        proc = subprocess.Popen(
            ["bash", "run.sh", "app", "--server.port", str(port), "--server.address", "127.0.0.1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            started = time.monotonic()
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                        break
                except OSError:
                    if proc.poll() is not None or time.monotonic() - started > 120:
                        raise SystemExit("the app server did not start") from None
                    time.sleep(0.1)
            rss = PeakRSS(proc.pid)
            load_before = _load()
            t = time.perf_counter()
            cpu: list[tuple[float, float]] = []
            single, many = asyncio.run(
                _run(url, sessions, args.step_timeout, args.deadline, proc.pid, cpu, args.browser_per_session)
            )
            wall = time.perf_counter() - t
            peak = rss.stop()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
    errors = [f"session {s.number}: {e}" for s in [single, *many] for e in s.errors]
    browsers = "a Chromium each" if args.browser_per_session else "one Chromium"
    print(
        f"{sessions} concurrent sessions ({browsers}) against ./run.sh app on localhost  [load {load_before} → "
        f"{_load()}]"
    )
    print(f"errors: {len(errors)}")
    for line in errors[:10]:
        print(f"  {line}")
    print(f"server peak RSS: {peak:.0f} MB (the launcher's process and its primer)")
    if len(cpu) == 4:
        print(
            f"CPU of the single session's whole flow: server {cpu[1][0] - cpu[0][0]:.1f} s, "
            f"its browser {cpu[1][1] - cpu[0][1]:.1f} s"
        )
        server_cpu, machine_cpu = cpu[3][0] - cpu[2][0], cpu[3][1] - cpu[2][1]
        print(
            f"CPU during the concurrent run: server {server_cpu:.0f} s, the whole machine {machine_cpu:.0f} s "
            f"(the browsers and everything else: {machine_cpu - server_cpu:.0f} s)"
        )
    one = single.times.get("map")
    print(
        "single session: "
        + ", ".join(f"{k} {v:.1f} s" for k, v in single.times.items())
        + ("" if one else " (did not draw its map)")
    )
    maps = [s.times["map"] for s in many if "map" in s.times]
    for kind in ("map", "paste", "click", "export"):
        values = [s.times[kind] for s in many if kind in s.times]
        print(f"  {kind:6} with {sessions} at once: {_stats(values)} ({len(values)} of {sessions} done)")
    print(f"clicks made again on another arc: {sum(s.retries for s in [single, *many])}")
    interactions = [s.times[k] for s in many for k in ("paste", "click", "export") if k in s.times]
    print(f"median interaction time: {statistics.median(interactions):.1f} s" if interactions else "no interaction")
    if one and maps:
        within = sum(1 for m in maps if m <= 3 * one)
        print(
            f"map drawn within 3× the single session ({3 * one:.1f} s): {within} of {sessions} sessions; "
            f"median {statistics.median(maps) / one:.1f}×, slowest {max(maps) / one:.1f}×"
        )
    print(f"whole run {wall:.0f} s")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
