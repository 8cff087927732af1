"""Briefing export figures for the sample articles: HTML time and size, PNG time per step.

Run: .venv/bin/python bench/bench_briefing.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from geo.documents import load_path
    from geo.extract import extract
    from geo.story import build_story
    from layers.briefing import CHROMIUM, export_briefing_html, export_briefing_pngs
    from layers.offline import remote_references

    docs = [load_path(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    t0 = time.perf_counter()
    scene = extract(docs)
    t1 = time.perf_counter()
    steps = build_story(scene)
    t2 = time.perf_counter()
    html = export_briefing_html(scene)
    t3 = time.perf_counter()
    warm = []
    for _ in range(3):
        t = time.perf_counter()
        html_again = export_briefing_html(scene)
        warm.append(time.perf_counter() - t)
    t = time.perf_counter()
    remote_references(html)
    guard = time.perf_counter() - t
    print(f"extract (cold):         {t1 - t0:7.2f} s")
    print(f"build_story:            {1000 * (t2 - t1):7.1f} ms  ({len(steps)} steps)")
    print(
        f"export_briefing_html:   {t3 - t2:7.2f} s cold, {min(warm):.2f} s warm (best of 3; "
        f"{guard:.2f} s of it the network guard)"
    )
    print(
        f"HTML size:              {len(html.encode()) / 1e6:7.2f} MB  (deterministic: {html == html_again}; "
        f"map drawn {html.count(' = L.map(')}×)"
    )
    if not CHROMIUM.exists():
        print(f"PNG export skipped: no chromium at {CHROMIUM}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        t5 = time.perf_counter()
        paths = export_briefing_pngs(scene, Path(tmp), html=html)
        t6 = time.perf_counter()
        size = sum(p.stat().st_size for p in paths)
        # the same page cut to its first step: browser start, page load and one still
        one = html
        data_start = one.index('<script type="application/json" id="gb-briefing-data">')
        body_start = one.index(">", data_start) + 1
        body_end = one.index("</script>", body_start)
        data = json.loads(one[body_start:body_end])
        data["steps"] = data["steps"][:1]
        one = one[:body_start] + json.dumps(data) + one[body_end:]
        t7 = time.perf_counter()
        export_briefing_pngs(scene, Path(tmp) / "one", html=one)
        t8 = time.perf_counter()
    per_step = (t6 - t5 - (t8 - t7)) / max(1, len(paths) - 1)
    print(
        f"export_briefing_pngs:   {t6 - t5:7.2f} s for {len(paths)} PNGs "
        f"({(t6 - t5) / max(1, len(paths)):.2f} s per step, browser start included; "
        f"{size / len(paths) / 1e3:.0f} kB each)"
    )
    print(
        f"  of which:             {t8 - t7:7.2f} s browser start, load and first still; "
        f"{per_step:.2f} s per further step"
    )


if __name__ == "__main__":
    main()
