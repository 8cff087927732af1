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

import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple, cast

from geo.data import wordlists
from geo.data.wordlists import TERRITORIES_READ_AS_DISPUTED
from geo.scene import PLACE_KINDS, Place

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

#: Names that are everyday words (geo/data/words/generic_names.txt): never surface forms of admin-1
#: units or cities (scripts/build_names.py drops them from the city index), since in running text
#: they almost never name the place. The entries stay reachable by id.
GENERIC_NAMES = wordlists.GENERIC_NAMES

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
        self._seats: dict[str, tuple[str, ...]] = {}  # a city's id -> the blocs seated there
        self._redirect: dict[str, str] = {}
        self._ranked: dict[str, tuple[Form, ...]] | None = None
        # small towns and airfields (towns.tsv.gz, airfields.tsv.gz), named only in context: their rows by
        # id, parsed into entries when asked for, and the airfields' ids by folded form; the towns' lines
        # ("form\tid\trow", sorted by form) stay raw until a form or an id is asked for
        self._minor_rows: dict[str, str] = {}
        self._minor_keys: dict[str, list[str]] = {}
        self._town_lines: list[str] = []
        self._towns_by_id: dict[str, str] | None = None

    # -- building ------------------------------------------------------------
    def _add(self, entry: Entry) -> None:
        self._entries[entry.id] = entry
        if entry.kind == "bloc" and entry.hq:
            self._seats[entry.hq] = (*self._seats.get(entry.hq, ()), entry.id)

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
                elif (row := self._minor_row(entry_id)) is not None:
                    entry = self._city_cache[entry_id] = _minor_entry(entry_id, row)
        return entry

    def _rank_key(self, form: Form) -> tuple[float, int, float]:
        entry = self._entries.get(form.id) or self.get(form.id)
        assert entry is not None
        kind = entry.kind
        if kind == "country":
            # "Western Sahara": the disputed area (rank 1) before the ISO entry
            kr: float = 1.5 if entry.id in TERRITORIES_READ_AS_DISPUTED else 0
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
            # a province known by its chief town's name ("Matrouh" as "Marsa Matruh") or by an
            # old or foreign name ranks with the towns, after a town that bears the name itself
            kr = 3 if form.match == "name" else 4
        else:
            kr = 5  # pragma: no cover - every kind is listed above
        weight = entry.population or entry.area_km2
        return kr, _MATCH_RANK[form.match], -weight

    def _readings(self, key: str) -> list[Form]:
        names, alts = self._city_forms(key)
        forms = self._forms.get(key, ())
        if not forms and not names and not alts:
            return [Form(i, "name") for i in self._minor_ids(key)]  # forms no other place bears
        return self._merge(forms, names, alts)

    def _minor_ids(self, key: str) -> list[str]:
        """The small towns, then the airfields, a folded form names (a binary search in the towns' lines).

        The rows of the towns found are kept by id, so that :meth:`get` and :meth:`is_minor` know them.
        """
        prefix = key + "\t"
        lines = self._town_lines
        i = bisect_left(lines, prefix)
        ids = []
        while i < len(lines) and lines[i].startswith(prefix):
            _, pid, row = lines[i].split("\t", 2)
            self._minor_rows.setdefault(pid, row)
            ids.append(pid)
            i += 1
        return ids + self._minor_keys.get(key, [])

    def _minor_row(self, entry_id: str) -> str | None:
        """The row of a small town or an airfield by id; the towns are indexed by id on the first such look-up."""
        row = self._minor_rows.get(entry_id)
        if row is None and self._town_lines and entry_id.startswith("city:"):
            if self._towns_by_id is None:
                self._towns_by_id = {pid: row for _, pid, row in (line.split("\t", 2) for line in self._town_lines)}
            row = self._towns_by_id.get(entry_id)
        return row

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

    def is_minor(self, entry_id: str) -> bool:
        """Whether an entry is a small town or an airfield, which a text names only in context."""
        if entry_id in self._minor_rows:
            return True  # every town a form has named so far, and every airfield
        return (
            entry_id.startswith("city:") and self._city_line(entry_id) is None and self._minor_row(entry_id) is not None
        )

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

    def blocs_seated_in(self, city_id: str) -> tuple[str, ...]:
        """The blocs whose seat is the city ``city_id`` (Brussels: the EU and NATO)."""
        return self._seats.get(city_id, ())

    def capital_country(self, city_id: str) -> str | None:
        """The alpha-2 code of the country whose capital ``city_id`` is, or None."""
        return self._capital_of.get(city_id)

    def demonym(self, iso: str) -> str | None:
        """The English adjective of a country ("TR" → "Turkish"), or None."""
        return self._demonyms.get(iso)

    def place(self, entry: Entry, **fields: Any) -> Place:
        """The Scene place of an entry, with its demonym when it is a country; ``fields`` add the rest.

        A historic state (a country listing its successors) is of kind "other" in a Scene.

        >>> gaz = load_gazetteer()
        >>> tr = gaz.place(gaz.get("TR"), reason="name Turkey")
        >>> tr.kind, tr.demonym, gaz.place(gaz.get("SU")).kind
        ('country', 'Turkish', 'other')
        """
        kind = entry.kind if entry.kind in PLACE_KINDS else "other"
        if kind == "country" and entry.members:
            kind = "other"
        return Place(
            id=entry.id,
            name=entry.name,
            kind=kind,
            iso=entry.iso,
            lat=entry.lat,
            lon=entry.lon,
            shape=entry.id if entry.has_polygon else None,
            area_km2=entry.area_km2,
            members=entry.members,
            demonym=self.demonym_of(entry.id),
            **fields,
        )

    def demonym_of(self, entry_id: str) -> str:
        """The demonym of the country ``entry_id`` ("TR" → "Turkish", "SU" → "Soviet"); "" for the rest."""
        entry = self.get(entry_id)
        if entry is None or entry.kind != "country" or not entry.iso:
            return ""
        return self._demonyms.get(entry.iso) or ""

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


def _minor_entry(entry_id: str, row: str) -> Entry:
    """An entry from a towns or airfields row: name, kind, iso, lat, lon, population."""
    name, kind, iso, lat, lon, pop = row.split("\t")
    kind_t = cast(EntryKind, kind)
    return Entry(entry_id, name, kind_t, iso or None, float(lat), float(lon), 0.0, False, int(pop or 0))


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


@lru_cache(maxsize=1)
def official_names() -> dict[str, str]:
    """Each country's official name by ISO code ("SA": "Kingdom of Saudi Arabia"), from ``countries.tsv``."""
    return {row[0]: row[3] for row in _read_tsv(DATA_DIR / "countries.tsv")}


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
    from geo.gazetteer_build import build_gazetteer

    return build_gazetteer(DATA_DIR)


def build_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """A new gazetteer from the tables in ``data_dir`` (uncached; see :func:`load_gazetteer`)."""
    from geo import gazetteer_build

    return gazetteer_build.build_gazetteer(data_dir)
