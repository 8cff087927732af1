"""Build ``geo/data/airfields.tsv.gz``: air bases and airports that defence news names as places.

Source: the ``airportsdata`` wheel from PyPI (MIT licence; its data come from public
aeronautical sources), fetched with ``pip download`` and read from its ``airports.csv``.
Kept: every airfield with an IATA code (airports with scheduled or charter traffic, and the
air bases that share a runway with them) and every one whose name says it is military
("Air Base", "Air Force", "RAF", "Naval Air" ...). Dropped: heliports and strips without
either, most of them private US fields that news never names.

Each row gives the names a text may use for the field: its core name, without "Airport",
"International", "Air Base" or a service prefix ("RNZAF Base Ohakea" → "Ohakea"), and each
part of a joined name ("Harstad/Narvik Airport Evenes" → "Evenes"). The extractor only maps
such a name where the text calls it a base or an airport, or puts it after "at", "from" or
"to", and only in a story that names the field's country (see ``geo/resolve.py``).

Usage: ``python scripts/build_airfields.py`` (writes the file and prints how many rows).
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.build_towns import free_keys, write_table

AIRPORTSDATA = "airportsdata==20260905"
OUT = Path(__file__).resolve().parent.parent / "geo" / "data" / "airfields.tsv.gz"

_MILITARY = re.compile(r"Air Base|Airbase|Air Force|\bAFB\b|Military|Naval Air|\bRAF\b|RAAF|RNZAF|Army Air", re.I)
_GENERIC = (
    r"(?:International|Intl|Airport|Airfield|Aerodrome|Air Base|Airbase|Air Force Base|AFB|Air Station|"
    r"Naval Air Station|Army Airfield|Regional|Municipal|Domestic|Airstrip|Military|Base)"
)
_SUFFIX = re.compile(rf"\s+{_GENERIC}(?:\s+{_GENERIC})*\s*$")
_PREFIX = re.compile(
    r"^(?:RAF|RAAF Base|RNZAF Base|RAAF|CFB|NAS|Base A[ée]rea(?: de)?|Aeroporto(?: de)?|Aeropuerto(?: de)?|"
    r"A[ée]roport(?: de)?|Flughafen|Fliegerhorst|Air Base|Naval Base)\s+"
)
_AFTER_KIND = re.compile(r"\b(?:Airport|Air Base|Airbase)\s+([A-Z][\w-]+)$")
# core names that are words of every airport's name, not a field's own
_NOT_NAMES = {"international", "regional", "municipal", "national", "county", "city", "airport", "base", "field"}


def core_names(name: str) -> list[str]:
    """The names a text may use for an airfield: "Vojens Skrydstrup Airport" → ["Vojens Skrydstrup"]."""
    out: list[str] = []
    for part in re.split(r"\s*/\s*", name):
        after = _AFTER_KIND.search(part)
        if after:
            out.append(after.group(1))
        core = _SUFFIX.sub("", _PREFIX.sub("", part)).strip()
        if core and core != part:
            out.append(core)
            words = core.split()
            if len(words) == 2 and len(words[1]) >= 7:
                out.append(words[1])  # "Vojens Skrydstrup" is mostly "Skrydstrup"
    return [c for c in dict.fromkeys(out) if len(c) >= 4 and c.lower() not in _NOT_NAMES]


def rows(csv_text: str, free) -> list[list[str]]:
    """The kept airfields: id, name, kind, iso, lat, lon, population (none), keys (|)."""
    out = []
    for r in csv.DictReader(io.StringIO(csv_text)):
        if not r["icao"] or not (r["iata"] or _MILITARY.search(r["name"])):
            continue
        keys = free(core_names(r["name"]))
        if not keys:
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        row = [f"other:airfield-{r['icao']}", r["name"], "other", r["country"], f"{lat:.4f}", f"{lon:.4f}", ""]
        out.append([*row, "|".join(keys)])
    return out


def fetch(work: Path) -> str:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(work), AIRPORTSDATA], check=True
    )
    wheel = next(work.glob("airportsdata-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        return zf.read("airportsdata/airports.csv").decode("utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        table = rows(fetch(Path(tmp)), free_keys)
    header = (
        f"# Airfields from {AIRPORTSDATA} (PyPI, MIT licence), built by scripts/build_airfields.py.\n"
        "# Columns: id, name, kind, iso, lat, lon, population, folded forms no other place bears (|)\n"
    )
    write_table(OUT, header, table)
    print(f"{len(table)} airfields -> {OUT}")


if __name__ == "__main__":
    main()
