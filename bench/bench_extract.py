"""Extraction speed: gazetteer load, time per article, articles per second, CLI wall time.

Reads the development texts from ../shared/eval/dev/texts at run time (never
copied into the project) and prints figures; asserts nothing.

    .venv/bin/python bench/bench_extract.py [--texts DIR] [--pure]

--pure runs the sources even when the compiled build (scripts/compile_extractor.py) is current.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "eval" / "dev" / "texts"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--pure", action="store_true", help="run geo's sources even when a compiled build is current")
    args = ap.parse_args()
    if args.pure:
        os.environ["GEOBRIEF_PURE_PYTHON"] = "1"  # before geo is imported (geo/__init__.py reads it)
    paths = sorted(args.texts.glob("*.txt"))
    if not paths:
        print(f"no texts in {args.texts}")
        return 1
    sys.path.insert(0, str(ROOT))
    t0 = time.perf_counter()
    from geo.gazetteer import load_gazetteer

    load_gazetteer()
    t_load = time.perf_counter() - t0
    from geo.documents import load_path
    from geo.extract import extract

    docs = [load_path(p) for p in paths]
    extract(docs[:1])  # warm caches (actor table, first look-ups)
    per_word: list[float] = []
    per_doc: list[float] = []
    cpu_word: list[float] = []
    for _ in range(args.rounds):
        for d in docs:
            t, c = time.perf_counter(), time.process_time()
            extract([d])
            dt, dc = time.perf_counter() - t, time.process_time() - c
            per_doc.append(dt)
            per_word.append(dt / max(1, len(d.text.split())))
            cpu_word.append(dc / max(1, len(d.text.split())))
    t, c = time.perf_counter(), time.process_time()
    n = 0
    for _ in range(args.rounds):
        for d in docs:
            extract([d])
            n += 1
    rate = n / (time.perf_counter() - t)
    cpu_rate = n / (time.process_time() - c)
    base = Path(os.path.realpath(sys.executable))
    print(f"interpreter: Python {platform.python_version()} at {base} ({platform.python_build()[1]})")
    import geo

    kind = f"compiled with mypyc ({geo.compiled_dir()})" if geo.COMPILED else "plain Python (the sources)"
    print(f"extractor: {kind}")
    print(f"gazetteer load: {t_load * 1000:.0f} ms")
    print(
        f"time per 600-word article after load: {statistics.median(per_word) * 600 * 1000:.1f} ms "
        f"(median over {len(per_doc)} runs; per article {statistics.median(per_doc) * 1000:.1f} ms)"
    )
    print(
        f"  CPU time per 600-word article: {statistics.median(cpu_word) * 600 * 1000:.1f} ms "
        f"(wall figures swell when the machine is busy; load average {os.getloadavg()[0]:.1f})"
    )
    print(f"articles per second over {len(docs)} dev texts: {rate:.0f} wall, {cpu_rate:.0f} per CPU second")
    exe = Path(sys.executable).with_name("geobrief")
    walls = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([str(exe), "extract", str(paths[0]), "--format", "json"], capture_output=True, check=True)
        walls.append(time.perf_counter() - t)
    print(f"geobrief extract one file, wall: {min(walls):.2f} s (best of 3; median {statistics.median(walls):.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
