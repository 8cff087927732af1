"""Briefing export figures for the sample articles: HTML time and size, PNG time per step.

Run: .venv/bin/python bench/bench_briefing.py
"""

from __future__ import annotations

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

    docs = [load_path(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    t0 = time.perf_counter()
    scene = extract(docs)
    t1 = time.perf_counter()
    steps = build_story(scene)
    t2 = time.perf_counter()
    html = export_briefing_html(scene)
    t3 = time.perf_counter()
    html_again = export_briefing_html(scene)
    t4 = time.perf_counter()
    print(f"extract (cold):         {t1 - t0:7.2f} s")
    print(f"build_story:            {1000 * (t2 - t1):7.1f} ms  ({len(steps)} steps)")
    print(f"export_briefing_html:   {t3 - t2:7.2f} s cold, {t4 - t3:.2f} s warm")
    print(f"HTML size:              {len(html.encode()) / 1e6:7.2f} MB  (deterministic: {html == html_again})")
    if not CHROMIUM.exists():
        print(f"PNG export skipped: no chromium at {CHROMIUM}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        t5 = time.perf_counter()
        paths = export_briefing_pngs(scene, Path(tmp), html=html)
        t6 = time.perf_counter()
        size = sum(p.stat().st_size for p in paths)
    print(f"export_briefing_pngs:   {t6 - t5:7.2f} s for {len(paths)} PNGs "
          f"({(t6 - t5) / max(1, len(paths)):.2f} s per step, browser start included; "
          f"{size / len(paths) / 1e3:.0f} kB each)")


if __name__ == "__main__":
    main()
