"""How well the gazetteer alone covers the gold toponyms of the public geoparsing corpora.

For every gold toponym (phrase and coordinates) of TR-News, GeoWebNews and LGL
in ``../shared/benchmarks/geoparsing/``, prints the share whose phrase the
gazetteer knows at all, the share where some candidate lies within 161 km of
the gold point (an upper bound for any resolver over this gazetteer), and the
share where :meth:`Gazetteer.resolve` alone (no context) lies within 161 km.
Shaped entries count as within reach when the gold point falls inside them.

Run from the project root::

    .venv/bin/python bench/bench_gazetteer_coverage.py [--limit N]

The corpora are read in place and never copied.
"""

from __future__ import annotations

import argparse
import math
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "benchmarks" / "geoparsing"
FILES = {"trnews": "TR-News/TR-News.xml", "gwn": "GeoWebNews/GWN.xml", "lgl": "LGL/lgl.xml"}
KM = 161.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:5.1f}%" if total else "  n/a"


def _toponyms(path: Path):
    root = ET.parse(path).getroot()
    for top in root.iter("toponym"):
        phrase = top.findtext("phrase") or top.findtext("extractedName")  # LGL, TR-News | GWN
        lat = top.findtext(".//lat") or top.findtext("latitude")
        lon = top.findtext(".//lon") or top.findtext("longitude")
        if phrase and lat and lon:
            yield phrase.strip(), float(lat), float(lon)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="at most N toponyms per corpus")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    prepared: dict[str, object] = {}

    def near(entry, lat: float, lon: float) -> bool:
        if _km(entry.lat, entry.lon, lat, lon) <= KM:
            return True
        if entry.has_polygon and entry.area_km2 > 0:
            import shapely

            geom = prepared.get(entry.id)
            if geom is None:
                geom = prepared[entry.id] = gaz.geometry(entry.id)
                shapely.prepare(geom)
            return geom is not None and shapely.dwithin(geom, shapely.Point(lon, lat), 0.05)
        return False

    for name, rel in FILES.items():
        path = CORPORA / rel
        if not path.exists():
            print(f"{name}: {path} not found")
            continue
        total = known = reach = top = 0
        for phrase, lat, lon in _toponyms(path):
            total += 1
            cands = gaz.candidates(phrase)
            if cands:
                known += 1
                if any(near(e, lat, lon) for e, _ in cands[:50]):
                    reach += 1
                best = gaz.resolve(phrase) or cands[0][0]
                if near(best, lat, lon):
                    top += 1
            if args.limit and total >= args.limit:
                break
        print(
            f"{name:7} {total:5d} gold toponyms: phrase known {_pct(known, total)}, "
            f"a candidate within {KM:.0f} km {_pct(reach, total)}, "
            f"resolve() alone within {KM:.0f} km {_pct(top, total)}"
        )


if __name__ == "__main__":
    main()
