"""Benchmark the gazetteer: data size, cold load, look-up time, memory, venv size.

Run from the project root::

    .venv/bin/python bench/bench_gazetteer.py

Prints figures only; nothing here asserts on time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "geo" / "data"
NAMES_FILES = ("countries.tsv", "cities.tsv.gz", "city_forms.tsv.gz", "aliases.tsv", "extra_places.tsv", "groups.json")

#: Run in a fresh interpreter so that imports and loading are measured cold.
COLD = r"""
import json, time, resource
c0 = time.process_time()
t0 = time.perf_counter()
from geo.gazetteer import load_gazetteer
t1 = time.perf_counter()
gaz = load_gazetteer()
t2 = time.perf_counter()
c2 = time.process_time()
gaz.resolve("Kyiv")
t3 = time.perf_counter()
rss = 0
for line in open("/proc/self/status"):
    if line.startswith("VmRSS:"):
        rss = int(line.split()[1]) * 1024
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "cpu": c2 - c0, "first": t3 - t2, "entries": len(gaz),
                  "rss": rss, "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""

QUERIES = [
    "Kyiv",
    "Kiev",
    "Türkiye",
    "Turkish",
    "Azeri",
    "Black Sea",
    "Donbas",
    "NATO",
    "Middle East",
    "Zaporizhzhia",
    "Georgia",
    "Washington",
    "Moscow",
    "Springfield",
    "Korean",
    "Bakhmut",
    "Strait of Hormuz",
    "Nagorno-Karabakh",
    "Emirati",
    "Sea of Azov",
    "Odessa",
    "Paris",
    "Unknownplace",
    "Americans",
    "Gaza",
    "Punjab",
    "Moskau",
    "European Union",
    "São Paulo",
    "Lagos",
]


def _mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB"


def _tree_size(path: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for f in files:
            p = Path(dirpath) / f
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def main() -> None:
    names = sum((DATA / f).stat().st_size for f in NAMES_FILES if (DATA / f).exists())
    whole = sum(p.stat().st_size for p in DATA.iterdir() if p.is_file())
    print(f"names data in geo/data:       {_mb(names)} ({', '.join(NAMES_FILES)})")
    print(f"all of geo/data:              {_mb(whole)}")

    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", COLD], cwd=ROOT, capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    best = min(runs, key=lambda r: r["import"] + r["load"])
    med = sorted(r["import"] + r["load"] for r in runs)[len(runs) // 2]
    print(
        f"cold import + load:           best {best['import'] + best['load']:.3f} s, median {med:.3f} s "
        f"(import {best['import']:.3f} s, load {best['load']:.3f} s; {best['entries']} entries)"
    )
    print(
        f"cold import + load CPU time:  best {min(r['cpu'] for r in runs):.3f} s "
        f"(less sensitive than wall time to other processes; load average {os.getloadavg()[0]:.1f})"
    )
    print(f"first resolve after load:     {best['first'] * 1e6:.0f} µs")
    print(f"resident memory after load:   VmRSS {_mb(best['rss'])}, ru_maxrss {_mb(best['maxrss'])}")

    sys.path.insert(0, str(ROOT))
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for method in ("resolve", "candidates"):
        fn = getattr(gaz, method)
        for q in QUERIES:  # warm the city entry cache, as a long run would
            fn(q)
        n = 0
        t = time.perf_counter()
        for _ in range(200):
            for q in QUERIES:
                fn(q)
                n += 1
        dt = (time.perf_counter() - t) / n
        print(f"{method + '()':<14} per name:     {dt * 1e6:.1f} µs (mean over {n} calls, {len(QUERIES)} names)")
    t = time.perf_counter()
    forms = gaz.forms()
    print(f"forms() first call:           {time.perf_counter() - t:.3f} s ({len(forms)} folded forms)")

    venv = ROOT / ".venv"
    if venv.exists():
        print(f"installed size of .venv:      {_mb(_tree_size(venv))}")


if __name__ == "__main__":
    main()
