"""Benchmark the sample map: HTML size, Scene→HTML time, first paint in Chromium.

Run: ``.venv/bin/python bench/bench_map.py``. Targets: HTML ≤ 1.5 MB,
Scene→HTML ≤ 300 ms (median after warm-up), first paint ≤ 1 s.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Resolves with the first-paint time in ms, or null if Chromium reports none within 5 s.
_FIRST_PAINT_JS = """() => new Promise(resolve => {
    const found = performance.getEntriesByName('first-paint')[0];
    if (found) { resolve(found.startTime); return; }
    new PerformanceObserver(list => {
        const entry = list.getEntries().find(e => e.name === 'first-paint');
        if (entry) { resolve(entry.startTime); }
    }).observe({type: 'paint', buffered: true});
    setTimeout(() => resolve(null), 5000);
})"""
sys.path.insert(0, str(ROOT))


def main() -> None:
    from geo.documents import load_path
    from geo.extract import extract
    from layers.export import export_geojson, export_html

    scene = extract([load_path(p) for p in sorted((ROOT / "seeds").glob("*.txt"))])
    html = export_html(scene)  # warm-up: loads shapes, Leaflet, templates
    times = []
    for _ in range(7):
        t = time.perf_counter()
        html = export_html(scene)
        times.append(time.perf_counter() - t)
    t = time.perf_counter()
    export_geojson(scene)
    geojson_ms = (time.perf_counter() - t) * 1000
    print(f"sample map HTML size: {len(html.encode()) / 1e6:.2f} MB (target ≤ 1.5 MB)")
    print(
        f"Scene→HTML: median {statistics.median(times) * 1000:.0f} ms over {len(times)} runs "
        f"(min {min(times) * 1000:.0f}, target ≤ 300 ms)"
    )
    print(f"Scene→GeoJSON: {geojson_ms:.0f} ms")

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        print("first paint: skipped (no /usr/bin/chromium)")
        return
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "map.html"
        path.write_text(html, encoding="utf-8")
        browser = p.chromium.launch(
            executable_path=str(chromium),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        paints, ready = [], []
        for _ in range(5):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
            t = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector("path.gb-arc", state="attached")
            ready.append(time.perf_counter() - t)
            # The map's scripts run before the first paint, so wait for the paint entry.
            fp = page.evaluate(_FIRST_PAINT_JS)
            if fp is not None:
                paints.append(fp)
            page.close()
        browser.close()
    if paints:
        print(f"first paint: median {statistics.median(paints):.0f} ms over {len(paints)} loads (target ≤ 1000 ms)")
    if len(paints) < 5:
        print(f"first paint: not reported by Chromium in {5 - len(paints)} of 5 loads")
    print(f"arcs in the DOM after: median {statistics.median(ready) * 1000:.0f} ms from navigation")


if __name__ == "__main__":
    main()
