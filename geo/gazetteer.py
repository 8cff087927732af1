"""The offline gazetteer: every place and actor geobrief can name, and how to find it.

Entries cover countries (with historic states such as the Soviet Union),
cities of 15,000+ people (GeoNames), admin-1 units, seas, straits and
disputed areas (Natural Earth, via :mod:`geo.shapes`), macro-regions and
blocs (hand-written member lists with the date they hold for).

Nothing is read at import time: :func:`load_gazetteer` loads the committed
tables in ``geo/data/`` once and caches the result.

Matching always goes through :func:`fold_name`, which case-folds, strips
diacritics and unifies apostrophes, hyphens and spaces, so "Türkiye",
"TURKIYE" and "turkiye" are one form.

Examples
--------
>>> gaz = load_gazetteer()
>>> gaz.resolve("Türkiye").id
'TR'
>>> gaz.resolve("Kiev") == gaz.resolve("Kyiv")
True
>>> [(e.id, how) for e, how in gaz.candidates("Azeri")]
[('AZ', 'demonym')]
"""

from __future__ import annotations

import gzip
import json
import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple, cast

from geo.data import wordlists

DATA_DIR = Path(__file__).resolve().parent / "data"

#: Longest name the CLI and :meth:`Gazetteer.resolve` accept.
MAX_QUERY_LENGTH = 200

#: A city at least this populous is read before an admin-1 unit of the same name
#: ("Zaporizhzhia" is the city of 710,000, not the oblast); smaller ones come after
#: ("Kherson" alone is the oblast). National capitals need only 100,000.
MAJOR_CITY_POPULATION = 500_000
MAJOR_CAPITAL_POPULATION = 100_000

EntryKind = Literal["country", "city", "sea", "strait", "region", "disputed", "admin1", "bloc", "other"]
MatchType = Literal["name", "alias", "demonym", "capital", "alt"]

_MATCH_RANK = {"name": 0, "alias": 1, "capital": 1, "demonym": 2, "alt": 3}


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry.

    ``iso`` is the alpha-2 code of the country the entry is or lies in (None
    for seas, straits, regions and blocs). ``lat``/``lon`` is a
    representative point inside the shape; ``area_km2`` its geodesic area
    (0 for points). ``members`` lists alpha-2 codes (regions, blocs, historic
    states); ``capital`` is a country's capital city id; ``hq`` a bloc's
    headquarters city id; ``as_of`` the date a member list holds for;
    ``feature_code`` the GeoNames feature code of a city ("PPLC" for a
    national capital, otherwise "PPL").
    """

    id: str
    name: str
    kind: EntryKind
    iso: str | None
    lat: float
    lon: float
    area_km2: float
    has_polygon: bool
    population: int = 0
    members: tuple[str, ...] = ()
    capital: str | None = None
    hq: str | None = None
    as_of: str | None = None
    feature_code: str = ""


class Form(NamedTuple):
    """One reading of a folded surface form: the entry id and how the form names it.

    ``exact`` is the original spelling when the form is an upper-case acronym
    ("US", "NATO", "U.S."): a matcher over running text should then require
    that exact case, so "us" and "nato" in lower case are not read as places.
    """

    id: str
    match: MatchType
    exact: str | None = None


# -- folding ---------------------------------------------------------------------

_FOLD_TABLE = {
    **{cp: None for cp in range(0x300, 0x370)},  # combining diacritics left by NFKD
    **{ord(c): "'" for c in "’‘`´ʼʻʹ′"},
    **{ord(c): " " for c in "-‐‑‒–—―_/"},
    ord("."): None,
    ord("ø"): "o",
    ord("ł"): "l",
    ord("đ"): "d",
    ord("ð"): "d",
    ord("þ"): "th",
    ord("æ"): "ae",
    ord("œ"): "oe",
    ord("ı"): "i",
    ord("ħ"): "h",
    ord("ŧ"): "t",
}
_POSSESSIVE = re.compile(r"'(?=s\b)")
_NON_WORD = re.compile(r"[^\w']+")


def fold_name(s: str) -> str:
    """The matching key of a name: case-folded, without diacritics, punctuation unified.

    Hyphens, dashes, commas and runs of whitespace become one space; dots
    vanish ("U.S." → "us"); apostrophes of every kind vanish inside a word
    ("Luhans'k" → "luhansk", "Côte d'Ivoire" → "cote divoire") but a
    possessive "'s" is split off ("Ukraine's" → "ukraine s").

    Examples
    --------
    >>> fold_name("Türkiye"), fold_name("Nagorno-Karabakh"), fold_name("Côte d’Ivoire")
    ('turkiye', 'nagorno karabakh', 'cote divoire')
    >>> fold_name("  U.S. ")
    'us'
    """
    s = unicodedata.normalize("NFKD", s.casefold()).translate(_FOLD_TABLE)
    s = _POSSESSIVE.sub(" ", s).replace("'", "")
    return " ".join(_NON_WORD.sub(" ", s).split())


def _is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "").replace(" ", "")
    return 1 < len(letters) <= 6 and letters.isalpha() and letters.isupper()


# -- the gazetteer -------------------------------------------------------------


class Gazetteer:
    """Entries by id and the folded surface forms that name them.

    Build it with :func:`load_gazetteer`; the constructor takes the parsed
    tables and is meant for that function and for tests.
    """

    def __init__(self) -> None:
        self._entries: dict[str, Entry] = {}
        self._city_lines: list[str] = []  # cities.tsv.gz rows, sorted as strings
        self._city_form_lines: list[str] = []  # city_forms.tsv.gz rows, sorted as strings
        self._city_cache: dict[str, Entry] = {}
        self._forms: dict[str, list[Form]] = {}
        self._ambiguous: set[str] = set()
        self._codes: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._capital_of: dict[str, str] = {}
        self._redirect: dict[str, str] = {}
        self._ranked: dict[str, tuple[Form, ...]] | None = None

    # -- building ------------------------------------------------------------
    def _add(self, entry: Entry) -> None:
        self._entries[entry.id] = entry

    def _add_form(self, surface: str, entry_id: str, match: MatchType, key: str | None = None) -> None:
        key = fold_name(surface) if key is None else key
        if not key:
            return
        readings = self._forms.setdefault(key, [])
        exact = surface if _is_acronym(surface) else None
        for i, f in enumerate(readings):
            if f.id == entry_id:
                if _MATCH_RANK[match] < _MATCH_RANK[f.match]:
                    readings[i] = Form(entry_id, match, exact)
                return
        readings.append(Form(entry_id, match, exact))

    # -- look-ups ------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries) + len(self._city_lines)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries or (isinstance(entry_id, str) and self._city_line(entry_id) is not None)

    def ids(self) -> Iterator[str]:
        """Every entry id: countries, places, regions and blocs first, then cities."""
        yield from self._entries
        yield from ("city:" + line[: line.index("\t")] for line in self._city_lines)

    def _city_line(self, city_id: str) -> str | None:
        """The raw cities.tsv.gz row of ``city_id`` (binary search), or None."""
        if not city_id.startswith("city:"):
            return None
        prefix = city_id[5:] + "\t"
        lines = self._city_lines
        i = bisect_left(lines, prefix)
        return lines[i] if i < len(lines) and lines[i].startswith(prefix) else None

    def _city_forms(self, key: str) -> tuple[str, str]:
        """(name ids, alternate-name ids) of a folded form, comma-joined geonameids."""
        prefix = key + "\t"
        lines = self._city_form_lines
        i = bisect_left(lines, prefix)
        if i < len(lines) and lines[i].startswith(prefix):
            _, names, alts = lines[i].split("\t")
            return names, alts
        return "", ""

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id ("UA", "city:703448", "sea:black-sea"), or None."""
        entry_id = self._redirect.get(entry_id, entry_id)
        entry = self._entries.get(entry_id)
        if entry is None:
            entry = self._city_cache.get(entry_id)
            if entry is None:
                line = self._city_line(entry_id)
                if line is not None:
                    entry = self._city_cache[entry_id] = _city_entry(entry_id, line)
        return entry

    def _rank_key(self, form: Form) -> tuple[int, int, float]:
        entry = self._entries.get(form.id) or self.get(form.id)
        assert entry is not None
        kind = entry.kind
        if kind == "country":
            kr = 0
        elif kind in ("sea", "strait", "disputed", "region", "bloc", "other"):
            kr = 1  # "other": hand-picked islands and regions (Luzon, Darfur, Sinai)
        elif kind == "city":
            major = entry.population >= MAJOR_CITY_POPULATION or (
                entry.feature_code == "PPLC" and entry.population >= MAJOR_CAPITAL_POPULATION
            )
            # a former or foreign name ("Salisbury" for Harare) does not lift a big city
            # above the towns that bear the name today
            kr = 2 if major and form.match != "alt" else 4
        elif kind == "admin1":
            kr = 3
        else:
            kr = 5  # pragma: no cover - every kind is listed above
        weight = entry.population or entry.area_km2
        return kr, _MATCH_RANK[form.match], -weight

    def _readings(self, key: str) -> list[Form]:
        names, alts = self._city_forms(key)
        return self._merge(self._forms.get(key, ()), names, alts)

    def _merge(self, forms: list[Form] | tuple[()], names: str, alts: str) -> list[Form]:
        """Ranked readings from the primary forms and a city_forms row's name and alt ids."""
        readings = list(forms)
        if names or alts:
            have = {f.id for f in readings}
            capitals = self._capital_of
            for ids, match in ((names, "name"), (alts, "alt")):
                if not ids:
                    continue
                for gid in ids.split(","):
                    cid = "city:" + gid
                    if cid not in have:
                        have.add(cid)
                        m = "capital" if match == "name" and cid in capitals else match
                        readings.append(Form(cid, m))  # type: ignore[arg-type]
        if len(readings) > 1:
            readings.sort(key=self._rank_key)
        return readings

    def candidates(self, name: str) -> list[tuple[Entry, MatchType]]:
        """Every entry ``name`` can denote, with how it matched, best reading first.

        Countries come first, then seas, straits, disputed areas, regions,
        blocs and other hand-listed places (islands such as Luzon, regions
        such as Darfur), then major cities (see :data:`MAJOR_CITY_POPULATION`), admin-1
        units, and other cities by population; within a kind a name beats an
        alias or capital, which beat a demonym, which beats a GeoNames
        alternate name.

        Examples
        --------
        >>> [(e.id, how) for e, how in load_gazetteer().candidates("Korean")]
        [('KR', 'demonym'), ('KP', 'demonym')]
        """
        if not name or len(name) > MAX_QUERY_LENGTH:
            return []
        out = []
        for f in self._readings(fold_name(name)):
            entry = self.get(f.id)
            if entry is not None:
                out.append((entry, f.match))
        return out

    def is_ambiguous(self, name: str) -> bool:
        """True when ``name`` is marked as naming several places equally ("Korean", "Congo")."""
        return fold_name(name) in self._ambiguous

    def resolve(self, name: str) -> Entry | None:
        """The best reading of ``name`` on its own, or None when unknown or ambiguous.

        Accepts entry ids ("UA", "city:703448") and upper-case ISO alpha-2
        and alpha-3 codes ("UKR") besides names, aliases and demonyms. A bare
        capital name gives the city ("Kyiv" is the city, not the country).

        Examples
        --------
        >>> gaz = load_gazetteer()
        >>> gaz.resolve("Turkish").id, gaz.resolve("Black Sea").id, gaz.resolve("NATO").id
        ('TR', 'sea:black-sea', 'bloc:nato')
        """
        name = name.strip()
        if not name or len(name) > MAX_QUERY_LENGTH:
            return None
        if name in self:
            return self.get(name)
        key = fold_name(name)
        if key in self._ambiguous:
            return None
        readings = self._readings(key)
        if readings:
            return self.get(readings[0].id)
        if name.isupper() and name in self._codes:
            return self.get(self._codes[name])
        return None

    def forms(self) -> Mapping[str, tuple[Form, ...]]:
        """The folded surface-form table: ``{folded form: (Form(id, match, exact), ...)}``.

        Every name, alias, demonym, capital and GeoNames alternate name, keyed
        by :func:`fold_name`, each with its readings ranked best first as in
        :meth:`candidates`. Built on first call (about 200,000 forms) and
        cached. ISO codes are not forms (too many are English words: "IN",
        "CAN"); the acronyms people write ("US", "UK", "UAE", "NATO") are,
        with ``exact`` set.
        """
        if self._ranked is None:
            ranked: dict[str, tuple[Form, ...]] = {}
            seen = set()
            for line in self._city_form_lines:
                key, names, alts = line.split("\t")
                seen.add(key)
                ranked[key] = tuple(self._merge(self._forms.get(key, ()), names, alts))
            for key, forms in self._forms.items():
                if key not in seen:
                    ranked[key] = tuple(self._merge(forms, "", ""))
            self._ranked = ranked
        return self._ranked

    def capital_country(self, city_id: str) -> str | None:
        """The alpha-2 code of the country whose capital ``city_id`` is, or None."""
        return self._capital_of.get(city_id)

    def demonym(self, iso: str) -> str | None:
        """The English adjective of a country ("TR" → "Turkish"), or None."""
        return self._demonyms.get(iso)

    def geometry(self, entry_id: str) -> Any:
        """The shapely geometry of an entry, or None for points and unknown ids.

        Shaped entries come from :mod:`geo.shapes`; regions, blocs and
        historic states are the union of their members' shapes.
        """
        entry = self.get(entry_id)
        if entry is None or not entry.has_polygon:
            return None
        from geo.shapes import load_shapes

        shapes = load_shapes()
        if entry.members:
            return shapes.union(entry.members)
        return shapes.geometry(entry.id)


def _city_entry(city_id: str, line: str) -> Entry:
    _gid, name, iso, _admin1, lat, lon, pop, fcode = line.split("\t")
    return Entry(
        id=city_id,
        name=name,
        kind="city",
        iso=iso,
        lat=float(lat),
        lon=float(lon),
        area_km2=0.0,
        has_polygon=False,
        population=int(pop),
        feature_code=fcode,
    )


# -- loading ---------------------------------------------------------------------


def _read_tsv(path: Path) -> Iterator[list[str]]:
    """Rows of a TSV file after its "#" comment lines and header line."""
    with open(path, encoding="utf-8") as fh:
        header_seen = False
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            if not header_seen:
                header_seen = True
                continue
            yield line.rstrip("\n").split("\t")


def _split(field: str) -> list[str]:
    return [x for x in field.split("|") if x] if field else []


@lru_cache(maxsize=1)
def official_names() -> dict[str, str]:
    """Each country's official name by ISO code ("SA": "Kingdom of Saudi Arabia"), from ``countries.tsv``."""
    return {row[0]: row[3] for row in _read_tsv(DATA_DIR / "countries.tsv")}


def _load_countries(gaz: Gazetteer, data_dir: Path) -> None:
    for row in _read_tsv(data_dir / "countries.tsv"):
        iso2, iso3, name, official, aliases, demonyms, capital, lat, lon, area, pop = row[:11]
        gaz._add(
            Entry(
                id=iso2,
                name=name,
                kind="country",
                iso=iso2,
                lat=float(lat),
                lon=float(lon),
                area_km2=float(area),
                has_polygon=False,
                population=int(pop),
                capital=capital or None,
            )
        )
        gaz._codes[iso2] = iso2
        gaz._codes[iso3] = iso2
        gaz._add_form(name, iso2, "name")
        gaz._add_form(official, iso2, "alias")
        for a in _split(aliases):
            gaz._add_form(a, iso2, "alias")
        dems = _split(demonyms)
        for d in dems:
            gaz._add_form(d, iso2, "demonym")
        if dems:
            gaz._demonyms[iso2] = dems[0]
        if capital:
            gaz._capital_of[capital] = iso2


#: Names that are everyday words (geo/data/words/generic_names.txt): never surface forms of admin-1
#: units or cities, since in running text they almost never name the place.
GENERIC_NAMES = wordlists.GENERIC_NAMES

_ROMAN = re.compile(r"^[ivxlc]+$")
#: Letters of scripts other than Latin (Greek onwards, CJK, Arabic presentation forms…);
#: general punctuation such as ’ and – lies outside these ranges.
_NON_LATIN = re.compile(r"[\u0370-\u1DFF\u1F00-\u1FFF\u2C00-\uFFFF]")


def _useful_shape_alias(alias: str) -> str:
    """The folded key of a shape's alternative name, or "" when it would only add noise.

    Drops abbreviations ("Ariz.", "AK"), Roman numerals (Chile's "IX"), non-Latin
    scripts (the names in other languages come from the sources' own columns) and
    forms of three letters or fewer.
    """
    if alias.endswith(".") or (not alias.isascii() and _NON_LATIN.search(alias)):
        return ""
    key = fold_name(alias)
    if len(key) <= 3 or _ROMAN.match(key) or key in GENERIC_NAMES:
        return ""
    return key


def _load_places(gaz: Gazetteer, data_dir: Path) -> None:
    """Shaped places from :mod:`geo.shapes`: countries' points and areas, admin-1, seas, straits.

    Skipped when the shapes index has not been built (entries then keep the
    points of countries.tsv and the fallbacks of extra_places.tsv).
    """
    from geo.shapes import INDEX_FILE, load_shapes

    if not (data_dir / INDEX_FILE).exists():
        return
    for rec in load_shapes(None if data_dir == DATA_DIR else str(data_dir)).records():
        if rec.kind == "country":
            old = gaz._entries.get(rec.id)
            if old is not None:
                gaz._entries[rec.id] = replace(old, lat=rec.lat, lon=rec.lon, area_km2=rec.area_km2, has_polygon=True)
                for a in rec.alt_names:
                    key = _useful_shape_alias(a)
                    if key:
                        gaz._add_form(a, rec.id, "alias", key)
                continue
        gaz._add(
            Entry(
                id=rec.id,
                name=rec.name,
                kind=cast(EntryKind, rec.kind),  # the shapes index holds only entry kinds (build_geodata.py)
                iso=rec.iso or None,
                lat=rec.lat,
                lon=rec.lon,
                area_km2=rec.area_km2,
                has_polygon=True,
            )
        )
        key = fold_name(rec.name)
        if rec.kind != "admin1" or key not in GENERIC_NAMES:
            gaz._add_form(rec.name, rec.id, "name", key)
        for a in rec.alt_names:
            key = _useful_shape_alias(a)
            if key:
                gaz._add_form(a, rec.id, "alias", key)


def _load_extra_places(gaz: Gazetteer, data_dir: Path) -> None:
    """Hand-written places: historic states and point fallbacks for seas, straits, disputed areas.

    A fallback whose name (or alias) already names a shaped entry of the same
    kind is not added; its id and aliases are redirected to the shaped one.
    """
    for row in _read_tsv(data_dir / "extra_places.tsv"):
        pid, name, kind, iso, lat, lon, members, aliases, demonyms = (row + [""] * 9)[:9]
        surfaces = [name, *_split(aliases)]
        existing = None
        for s in surfaces:
            for f in gaz._forms.get(fold_name(s), ()):
                e = gaz._entries.get(f.id)
                if e is not None and e.kind == kind and e.has_polygon:
                    existing = e.id
                    break
            if existing:
                break
        target = existing or pid
        if existing:
            gaz._redirect[pid] = existing
        else:
            mem = tuple(_split(members))
            area = float(sum(gaz._entries[m].area_km2 for m in mem if m in gaz._entries))
            shaped = any(m in gaz._entries and gaz._entries[m].has_polygon for m in mem)
            gaz._add(
                Entry(
                    id=pid,
                    name=name,
                    kind=cast(EntryKind, kind),  # extra_places.tsv holds only entry kinds (test_gazetteer.py)
                    iso=iso or None,
                    lat=float(lat),
                    lon=float(lon),
                    area_km2=area,
                    has_polygon=shaped,
                    members=mem,
                )
            )
            gaz._add_form(name, pid, "name")
        for a in _split(aliases):
            gaz._add_form(a, target, "alias")
        dems = _split(demonyms)
        for d in dems:
            gaz._add_form(d, target, "demonym")
        if dems and iso:
            gaz._demonyms.setdefault(iso, dems[0])


def _load_groups(gaz: Gazetteer, data_dir: Path) -> None:
    """Macro-regions and blocs from groups.json."""
    groups = json.loads((data_dir / "groups.json").read_text(encoding="utf-8"))["groups"]
    countries = [e for e in gaz._entries.values() if e.kind == "country" and not e.members]
    for g in groups:
        spec = g.get("members", [])
        if isinstance(spec, str):
            members = _members_from(spec, countries, data_dir)
        else:
            members = [m for m in spec if m in gaz._entries]
        members = [m for m in members if m not in g.get("exclude", ())]
        members_t = tuple(sorted(set(members)))
        ents = [gaz._entries[m] for m in members_t]
        area = sum(e.area_km2 for e in ents)
        hq = gaz._city_line(g.get("hq", ""))
        if "point" in g:
            lat, lon = g["point"]
        elif hq is not None:
            lat, lon = (float(v) for v in hq.split("\t")[4:6])
        else:
            lat, lon = _central_member_point(ents)
        gaz._add(
            Entry(
                id=g["id"],
                name=g["name"],
                kind=g["kind"],
                iso=None,
                lat=lat,
                lon=lon,
                area_km2=area,
                has_polygon=any(e.has_polygon for e in ents),
                members=members_t,
                hq=g.get("hq"),
                as_of=g.get("as_of"),
            )
        )
        gaz._add_form(g["name"], g["id"], "name")
        for a in g.get("aliases", ()):
            gaz._add_form(a, g["id"], "alias")
        for d in g.get("demonyms", ()):
            gaz._add_form(d, g["id"], "demonym")


@cache
def _country_table(data_dir: Path) -> dict[str, dict[str, str]]:
    out = {}
    rows = _read_tsv(data_dir / "countries.tsv")
    for row in rows:
        out[row[0]] = {"continent": row[11], "un_member": row[12]}
    return out


def _members_from(spec: str, countries: list[Entry], data_dir: Path) -> list[str]:
    """Member codes for a computed list: "continent:EU" or "un_member"."""
    table = _country_table(data_dir)
    if spec.startswith("continent:"):
        code = spec.split(":", 1)[1]
        return [e.id for e in countries if table.get(e.id, {}).get("continent") == code]
    if spec == "un_member":
        return [e.id for e in countries if table.get(e.id, {}).get("un_member") == "1"]
    raise ValueError(f"groups.json: unknown member list {spec!r}")


def _central_member_point(ents: list[Entry]) -> tuple[float, float]:
    """The point of the member nearest the area-weighted centre of the members' points.

    Always a point inside some member's shape, unlike the centre itself,
    which for NATO would lie in the Atlantic.
    """
    import math

    if not ents:
        return 0.0, 0.0
    x = y = z = 0.0
    for e in ents:
        w = max(e.area_km2, 1.0)
        la, lo = math.radians(e.lat), math.radians(e.lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    best = max(
        ents,
        key=lambda e: (
            x * math.cos(math.radians(e.lat)) * math.cos(math.radians(e.lon))
            + y * math.cos(math.radians(e.lat)) * math.sin(math.radians(e.lon))
            + z * math.sin(math.radians(e.lat))
        ),
    )
    return best.lat, best.lon


def _load_cities(gaz: Gazetteer, data_dir: Path) -> None:
    """City rows and the inverted index of city forms, kept as sorted raw lines.

    Both files are written sorted as strings, so a look-up is a binary search
    and loading is one decompression and one split each.
    """
    for name, attr in (("cities.tsv.gz", "_city_lines"), ("city_forms.tsv.gz", "_city_form_lines")):
        lines = gzip.decompress((data_dir / name).read_bytes()).decode("utf-8").split("\n")
        del lines[0]  # header
        while lines and not lines[-1]:
            lines.pop()
        if any(lines[i] > lines[i + 1] for i in range(0, len(lines) - 1, 997)):
            lines.sort()  # not written by build_names.py: sort rather than mis-search
        setattr(gaz, attr, lines)


def _load_aliases(gaz: Gazetteer, data_dir: Path) -> None:
    """Hand-written aliases and demonyms; a form with several targets may be marked ambiguous."""
    for row in _read_tsv(data_dir / "aliases.tsv"):
        form, targets, match, flags = (row + [""] * 4)[:4]
        for t in targets.split(","):
            t = gaz._redirect.get(t.strip(), t.strip())
            if t not in gaz:
                continue  # the target's data is not built (e.g. no shapes yet)
            m: MatchType = match  # type: ignore[assignment]
            row_t = gaz._city_line(t)
            if row_t is not None and row_t.endswith("\tPPLC") and m == "alias":
                m = "capital"
            gaz._add_form(form, t, m)
        if "ambiguous" in flags:
            gaz._ambiguous.add(fold_name(form))


def build_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """A new gazetteer from the tables in ``data_dir`` (uncached; see :func:`load_gazetteer`)."""
    gaz = Gazetteer()
    _load_countries(gaz, data_dir)
    _load_places(gaz, data_dir)
    _load_extra_places(gaz, data_dir)
    _load_cities(gaz, data_dir)
    _load_groups(gaz, data_dir)
    _load_aliases(gaz, data_dir)
    return gaz


_LOAD_LOCK = threading.Lock()


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from the committed data in ``geo/data/``, loaded once.

    Safe to call from several threads at once (Streamlit runs each session, and
    the app's warm-up, in a thread): the first caller builds it, the others wait
    for it rather than building their own copy.
    """
    with _LOAD_LOCK:
        return _load_default()


@cache
def _load_default() -> Gazetteer:
    return build_gazetteer(DATA_DIR)
