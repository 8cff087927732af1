"""Building the gazetteer from the committed tables in ``geo/data/``.

:func:`geo.gazetteer.load_gazetteer` calls :func:`build_gazetteer` once. The
tables are read in an order that lets later ones refine earlier ones:
countries (``countries.tsv``), shaped places from :mod:`geo.shapes`, the
hand-written ``extra_places.tsv``, cities (GeoNames, read lazily by the
gazetteer), blocs and regions (``groups.json``), ``aliases.tsv``, then named
islands and lakes (``features.tsv``) under the forms nothing else bears.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import cast

from geo.data.wordlists import GOVERNMENT_SEATS, INTEGRAL_TERRITORIES
from geo.gazetteer import (
    DATA_DIR,
    GENERIC_NAMES,
    Entry,
    EntryKind,
    Gazetteer,
    MatchType,
    _read_tsv,
    fold_name,
)


def _split(field: str) -> list[str]:
    return [x for x in field.split("|") if x] if field else []


def _add_aliases(gaz: Gazetteer, target: str, aliases: str, demonyms: str, iso: str | None) -> None:
    """An entry's aliases and demonyms (``|``-separated) as its forms; its first demonym is ``iso``'s adjective.

    Countries are read first, so a country's own demonym wins over a place inside it.
    """
    for a in _split(aliases):
        gaz._add_form(a, target, "alias")
    dems = _split(demonyms)
    for d in dems:
        gaz._add_form(d, target, "demonym")
    if dems and iso:
        gaz._demonyms.setdefault(iso, dems[0])


def _load_countries(gaz: Gazetteer, data_dir: Path) -> None:
    for row in _read_tsv(data_dir / "countries.tsv"):
        iso2, iso3, name, official, aliases, demonyms, capital, lat, lon, area, pop = row[:11]
        state = INTEGRAL_TERRITORIES.get(iso2)  # a state's own overseas ground, or Antarctica
        kind: EntryKind = "country" if state is None else "admin1" if state != "-" else "region"
        gaz._add(
            Entry(
                id=iso2,
                name=name,
                kind=kind,
                iso=iso2 if state is None else None if state == "-" else state,
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
        _add_aliases(gaz, iso2, aliases, demonyms, iso2)
        if capital:
            gaz._capital_of[capital] = iso2
    for city, iso2 in GOVERNMENT_SEATS.items():
        gaz._capital_of[city] = iso2  # "Pretoria said": a seat of government stands for its state too


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


# what a first-level unit is called after its name, where the name alone is an everyday word
_DESIGNATORS = ("Region", "Province", "District", "Governorate", "Department", "State")


# the Arabic article before an admin-1 name, which news often drops: "Al Anbar" is "Anbar",
# "As-Suwayda" "Suwayda", "Al-Hasakah" "Hasakah" (not "El": Spanish names carry it too)
_ARABIC_ARTICLE = re.compile(r"^(?:al|as|ash|ad|adh|ar|at|ath|az|an)[ \-‐](?=\w)", re.IGNORECASE)


def _unarticled(surface: str) -> str:
    """``surface`` without a leading Arabic article, or "" when it has none."""
    m = _ARABIC_ARTICLE.match(surface)
    return surface[m.end() :] if m else ""


def _load_places(gaz: Gazetteer, data_dir: Path) -> list[tuple[str, str]]:
    """Shaped places from :mod:`geo.shapes`: countries' points and areas, admin-1, seas, straits.

    Skipped when the shapes index has not been built (entries then keep the
    points of countries.tsv and the fallbacks of extra_places.tsv). Returns the admin-1 names
    without their Arabic article, with their ids, for :func:`_load_free_forms`.
    """
    from geo.shapes import INDEX_FILE, load_shapes

    bare: list[tuple[str, str]] = []
    if not (data_dir / INDEX_FILE).exists():
        return bare
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
        else:  # "Far North Region", "Eastern Province": an everyday word with its unit's designator names it
            for unit in _DESIGNATORS:
                gaz._add_form(f"{rec.name} {unit}", rec.id, "alias")
        for a in rec.alt_names:
            key = _useful_shape_alias(a)
            if key:
                gaz._add_form(a, rec.id, "alias", key)
        if rec.kind == "admin1":
            bare += [(b, rec.id) for b in map(_unarticled, (rec.name, *rec.alt_names)) if _useful_shape_alias(b)]
    return bare


def _form_taken(gaz: Gazetteer, key: str) -> bool:
    """Whether an entry, a city (name or alternate name), a small town or an airfield bears the folded form."""
    return key in gaz._forms or bool(gaz._minor_ids(key)) or any(gaz._city_forms(key))


def _load_free_forms(gaz: Gazetteer, forms: list[tuple[str, str]]) -> None:
    """Alternative forms read last, with the lowest standing, as :func:`_load_features` reads its forms.

    Each only where no other entry, city, small town or airfield bears it, and only when it names one place.
    """
    owners: dict[str, set[str]] = {}
    for surface, pid in forms:
        owners.setdefault(fold_name(surface), set()).add(pid)
    for surface, pid in forms:
        key = fold_name(surface)
        if len(owners[key]) == 1 and not _form_taken(gaz, key):
            gaz._add_form(surface, pid, "alias", key)


def _load_extra_places(gaz: Gazetteer, data_dir: Path) -> None:
    """Hand-written places: historic states, point fallbacks for seas, straits, disputed areas, and sites.

    Sites (``installations.tsv``) are bases, spaceports, nuclear plants, dams and ports news names.

    A fallback whose name (or alias) already names a shaped entry of the same
    kind is not added; its id and aliases are redirected to the shaped one.
    """
    rows = [*_read_tsv(data_dir / "extra_places.tsv"), *_read_tsv(data_dir / "installations.tsv")]
    for row in rows:
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
        _add_aliases(gaz, target, aliases, demonyms, iso)


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


def build_gazetteer(data_dir: Path = DATA_DIR, *, minor: bool = True) -> Gazetteer:
    """A new gazetteer from the tables in ``data_dir`` (uncached; see :func:`load_gazetteer`).

    Without ``minor`` the small towns and airfields are left out (their build scripts ask which
    forms the rest leaves free).
    """
    gaz = Gazetteer()
    _load_countries(gaz, data_dir)
    bare = _load_places(gaz, data_dir)
    _load_extra_places(gaz, data_dir)
    _load_cities(gaz, data_dir)
    _load_groups(gaz, data_dir)
    _load_aliases(gaz, data_dir)
    if minor:
        _load_towns(gaz, data_dir / "towns.tsv.gz")  # a town before the airfield named after it
        _load_minor(gaz, data_dir / "airfields.tsv.gz")
    _load_free_forms(gaz, bare)
    _load_features(gaz, data_dir)
    return gaz


def _load_features(gaz: Gazetteer, data_dir: Path) -> None:
    """Named islands, island groups and lakes (``features.tsv``, built by ``scripts/build_features.py``).

    Read last and with the lowest standing: a feature takes only a form that no country, admin-1 unit,
    city (name or alternate name), sea, disputed area, region, bloc, alias, small town or airfield bears,
    so every reading the other tables give stays as it was. Everyday words and forms of three letters or
    fewer are skipped.
    """
    path = data_dir / "features.tsv"
    if not path.exists():
        return
    for row in _read_tsv(path):
        pid, name, kind, iso, lat, lon, alts = (row + [""] * 7)[:7]
        free = []
        for surface in [name, *_split(alts)]:
            key = fold_name(surface)
            if len(key) <= 3 or key in GENERIC_NAMES or _form_taken(gaz, key):
                continue
            free.append((surface, key))
        if not free:
            continue
        kind_t = cast(EntryKind, kind)  # features.tsv holds only entry kinds (test_gazetteer.py)
        gaz._add(Entry(pid, name, kind_t, iso or None, float(lat), float(lon), area_km2=0.0, has_polygon=False))
        for surface, key in free:
            gaz._add_form(surface, pid, "name" if surface == name else "alias", key)


def _load_towns(gaz: Gazetteer, path: Path) -> None:
    """Small towns and villages: raw lines, one per folded form and town, sorted by form.

    ``scripts/build_towns.py`` writes them so; loading is one decompression and one split, and a
    form is found by binary search (:meth:`Gazetteer._minor_ids`). Which forms the towns may bear
    is as for :func:`_load_minor`.
    """
    if not path.exists():
        return
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    start = 0
    while start < len(lines) and lines[start][:1] == "#":
        start += 1
    del lines[:start]
    while lines and not lines[-1]:
        lines.pop()

    def form(line: str) -> str:
        return line[: line.index("\t")]

    if any(form(lines[i]) > form(lines[i + 1]) for i in range(0, len(lines) - 1, 997)):
        lines.sort(key=form)  # not written by build_towns.py: sort (stably) rather than mis-search
    gaz._town_lines = lines


def _load_minor(gaz: Gazetteer, path: Path) -> None:
    """Airfields: rows kept as text until asked for, ids by the folded forms they answer to.

    The build scripts (``scripts/build_towns.py``, ``scripts/build_airfields.py``) kept only forms no
    country, city, region or site bore; whether a mention names such a place is decided in context
    (:mod:`geo.resolve`).
    """
    if not path.exists():
        return
    rows, keys = gaz._minor_rows, gaz._minor_keys
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line[0] == "#":
                continue
            pid, rest = line.rstrip("\n").split("\t", 1)
            row, forms = rest.rsplit("\t", 1)
            rows[pid] = row
            for key in forms.split("|"):
                keys.setdefault(key, []).append(pid)
