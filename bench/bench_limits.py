"""Benchmark geobrief at its stated limits (geo/limits.py, the README's "Limits").

Prints figures, asserts nothing. Run from the project root:

    .venv/bin/python bench/bench_limits.py [--only article|members|max]

1. A 2 MB article of three sentences repeated: seconds to extract (target
   ≤ 5 s) and to map it (Scene → offline HTML, target ≤ 10 s).
2. A 1.1 MB scene whose one influence relation lists its members 5,000
   times over: seconds to load and map it, and the peak RSS of the process
   that does (target ≤ 10 s, < 1 GB).
3. A scene at the stated maxima (places, relations, members, steps,
   articles): seconds to load, map and brief it (target ≤ 10 s each) and
   the peak RSS.

Each case runs in its own process (``python bench/bench_limits.py --case
NAME``), from a cold start as the CLI would, so the figures include imports
and loading the gazetteer and outlines; the peak RSS is that process's. The
machine's load average is printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SENTENCES = (
    "Turkey sold 12 Bayraktar TB2 drones to Ukraine in 2020. "
    "Russia criticised the sale and warned Ankara. "
    "Azerbaijan and Turkey signed a defence pact in Baku. "
)
MEMBERS = [
    "BY",
    "AM",
    "KZ",
    "KG",
    "TJ",
    "UZ",
    "TM",
    "AZ",
    "GE",
    "MD",
    "UA",
    "RS",
    "SY",
    "IR",
    "VE",
    "CU",
    "NI",
    "MN",
    "CN",
    "KP",
    "LA",
    "VN",
    "KH",
    "MM",
    "ER",
    "SD",
    "CF",
    "ML",
    "BF",
    "NE",
    "LY",
    "DZ",
    "AO",
    "MZ",
    "ZW",
    "BA",
    "ME",
]


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def article_text(size: int = 2_000_000) -> str:
    """Three sentences repeated to just under ``size`` bytes (the article limit)."""
    n = size // len(SENTENCES.encode()) + 1
    return (SENTENCES * n)[: size - 1000]


def members_scene_json() -> str:
    """One influence relation whose members repeat 5,000 times: about 1.1 MB of JSON."""
    places = [
        {"id": iso, "name": iso, "kind": "country", "iso": iso, "lat": 50.0, "lon": 40.0, "shape": iso}
        for iso in ("RU", *MEMBERS)
    ]
    members = [*MEMBERS] * 5000
    text = "Russia keeps its sphere of influence."
    rel = {
        "id": "r1",
        "kind": "influence",
        "source": "RU",
        "members": members,
        "label": "near abroad",
        "evidence": [{"doc": "d1", "start": 0, "end": len(text), "text": text}],
    }
    doc = {"id": "d1", "title": "members", "text": text}
    return json.dumps({"schema_version": 1, "documents": [doc], "places": places, "relations": [rel], "story": []})


def max_scene_json() -> str:
    """A scene at every stated maximum: places, relations, members, steps, articles."""
    from geo import limits
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    rng = random.Random(17)
    entries = [gaz.get(i) for i in sorted(gaz.ids())]
    countries = [e for e in entries if e is not None and e.kind == "country" and e.iso and e.has_polygon]
    others = [e for e in entries if e is not None and e.kind != "country" and e.kind != "bloc"]
    rng.shuffle(others)
    chosen = countries + others[: limits.MAX_PLACES - len(countries)]
    sentence = "Turkey sold 12 Bayraktar TB2 drones to Ukraine in 2020, officials in Kyiv said on Monday."
    docs = [
        {"id": f"d{i}", "title": f"Article {i}", "text": (sentence + " ") * 20} for i in range(limits.MAX_DOCUMENTS)
    ]
    span = {"start": 0, "end": len(sentence), "text": sentence}
    places = [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind if e.kind != "city" or not e.members else "other",
            "iso": e.iso,
            "lat": e.lat,
            "lon": e.lon,
            "shape": e.id if e.has_polygon else None,
            "area_km2": round(e.area_km2, 1),
            "members": list(e.members),
            "mentions": [{"doc": f"d{rng.randrange(limits.MAX_DOCUMENTS)}", **span} for _ in range(3)],
        }
        for e in chosen
    ]
    ids = [p["id"] for p in places]
    country_ids = [e.id for e in countries]
    kinds = ["alliance", "transfer", "support", "conflict"]
    relations = []
    for i in range(limits.MAX_RELATIONS - 10):
        a, b = rng.sample(ids, 2)
        kind = kinds[i % 4]
        rel = {"id": f"r{i}", "kind": kind, "source": a, "target": b, "label": f"relation {i}", "confidence": 0.7}
        if kind == "transfer":
            rel |= {"item": "drones", "quantity": 12, "status": "delivered"}
        rel["evidence"] = [{"doc": f"d{rng.randrange(limits.MAX_DOCUMENTS)}", **span} for _ in range(2)]
        relations.append(rel)
    for i in range(10):  # spheres of influence, the first at the member limit
        members = country_ids[: limits.MAX_MEMBERS] if i == 0 else rng.sample(country_ids, 30)
        src = country_ids[i]
        relations.append(
            {
                "id": f"inf{i}",
                "kind": "influence",
                "source": src,
                "members": [m for m in members if m != src],
                "evidence": [{"doc": "d0", **span}],
            }
        )
    rel_ids = [r["id"] for r in relations]
    story = [
        {
            "id": f"s{i}",
            "title": f"Step {i}",
            "caption": "What happened here.",
            "place_ids": rng.sample(ids, 3),
            "relation_ids": rng.sample(rel_ids, 3),
        }
        for i in range(limits.MAX_STEPS)
    ]
    return json.dumps(
        {"schema_version": 1, "documents": docs, "places": places, "relations": relations, "story": story}
    )


# -- the cases, each run in a process of its own ---------------------------------------------


def case_article() -> dict:
    from geo.documents import load_bytes
    from geo.extract import extract
    from layers.export import export_html

    data = article_text().encode()
    t = time.perf_counter()
    scene = extract([load_bytes("repeated.txt", data)])
    extract_s = time.perf_counter() - t
    t = time.perf_counter()
    html = export_html(scene)
    map_s = time.perf_counter() - t
    evidence = sum(len(r.evidence) for r in scene.relations)
    return {
        "article MB": len(data) / 1e6,
        "extract s": extract_s,
        "map s": map_s,
        "relations": len(scene.relations),
        "evidence sentences": evidence,
        "HTML MB": len(html.encode()) / 1e6,
    }


def case_members() -> dict:
    from geo.scene import Scene
    from layers.export import export_html

    text = members_scene_json()
    t = time.perf_counter()
    scene = Scene.from_json(text)
    html = export_html(scene)
    return {
        "scene MB": len(text.encode()) / 1e6,
        "listed members": 5000 * len(MEMBERS),
        "distinct": len(scene.relations[0].members),
        "load+map s": time.perf_counter() - t,
        "HTML MB": len(html.encode()) / 1e6,
    }


def case_max() -> dict:
    from geo.scene import Scene
    from layers.briefing import export_briefing_html
    from layers.export import export_html

    text = max_scene_json()
    t = time.perf_counter()
    scene = Scene.from_json(text)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    html = export_html(scene)
    map_s = time.perf_counter() - t
    t = time.perf_counter()
    brief = export_briefing_html(scene)
    brief_s = time.perf_counter() - t
    return {
        "scene MB": len(text.encode()) / 1e6,
        "places": len(scene.places),
        "relations": len(scene.relations),
        "steps": len(scene.story),
        "articles": len(scene.documents),
        "load s": load_s,
        "map s": map_s,
        "brief s": brief_s,
        "HTML MB": len(html.encode()) / 1e6,
        "briefing MB": len(brief.encode()) / 1e6,
    }


CASES = {"article": case_article, "members": case_members, "max": case_max}
TARGETS = {
    "article": "extract ≤ 5 s, map ≤ 10 s",
    "members": "load+map ≤ 10 s, peak RSS < 1000 MB",
    "max": "map ≤ 10 s, brief ≤ 10 s",
}


def _run_case(name: str) -> None:
    t = time.perf_counter()
    figures = CASES[name]()
    figures["whole process s"] = time.perf_counter() - t
    figures["peak RSS MB"] = _peak_rss_mb()
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=list(CASES), action="append")
    parser.add_argument("--case", choices=list(CASES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        _run_case(args.case)
        return
    for name in args.only or list(CASES):
        load_before = _load()
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            done = subprocess.run(
                [sys.executable, __file__, "--case", name],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=900,
                env={**os.environ, "TMPDIR": tmp},
            )
            wall = time.perf_counter() - t
        if done.returncode:
            print(f"{name}: failed ({done.stderr.strip().splitlines()[-1:]})")
            continue
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        shown = ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items())
        print(f"{name}: {shown}; wall {wall:.1f} s (target: {TARGETS[name]}; load {load_before} → {_load()})")


if __name__ == "__main__":
    main()
