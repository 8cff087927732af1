"""Benchmark the shape gazetteer: committed size, cold load, geometry decoding, basemap size.

Run: ``.venv/bin/python bench/bench_shapes.py`` (prints figures; asserts nothing).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHAPE_FILES = [
    "admin0.parquet",
    "admin1.parquet",
    "seas.parquet",
    "disputed.parquet",
    "shapes_index.json",
    "basemap.geojson.gz",
]


def main() -> None:
    """Print the figures."""
    data = ROOT / "geo" / "data"
    total = 0
    for name in SHAPE_FILES:
        size = (data / name).stat().st_size
        total += size
        print(f"{name:24s} {size / 1e6:7.3f} MB")
    print(f"{'shape data total':24s} {total / 1e6:7.3f} MB")
    all_files = sum(p.stat().st_size for p in data.iterdir() if p.is_file())
    print(f"{'geo/data total':24s} {all_files / 1e6:7.3f} MB")

    cold = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t=time.perf_counter(); from geo.shapes import load_shapes; "
            "s=load_shapes(); n=len(s.records()); print(time.perf_counter()-t, n)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    print(f"cold load_shapes() + records(): {float(cold[0]) * 1000:.0f} ms in a fresh process ({cold[1]} records)")

    sys.path.insert(0, str(ROOT))
    from geo.shapes import load_shapes

    shapes = load_shapes()
    t = time.perf_counter()
    shapes.geometry("UA")
    print(
        f"first geometry('UA') (imports pyarrow+shapely, reads admin0 WKB): {(time.perf_counter() - t) * 1000:.0f} ms"
    )
    t = time.perf_counter()
    shapes.geometry("RU")
    print(f"next geometry('RU'): {(time.perf_counter() - t) * 1000:.2f} ms")
    t = time.perf_counter()
    shapes.geometry("admin1:UA-23")
    print(f"first admin-1 geometry (reads admin1 WKB): {(time.perf_counter() - t) * 1000:.0f} ms")
    t = time.perf_counter()
    for rec in shapes.records():
        shapes.geometry(rec.id)
    print(f"decode all {len(shapes.records())} geometries: {(time.perf_counter() - t) * 1000:.0f} ms")
    t = time.perf_counter()
    fc = shapes.basemap_geojson()
    elapsed = time.perf_counter() - t
    size = len(json.dumps(fc, separators=(",", ":")))
    print(f"basemap_geojson(): {elapsed * 1000:.0f} ms, {len(fc['features'])} features, {size / 1e3:.0f} kB serialised")


if __name__ == "__main__":
    main()
