"""Choosing the reading of each mention: which place, and place or actor.

Rules, in order:

1. A row of the actor table (organ, company, leader, group) is read as an
   actor of its country: "Kremlin" → Russia, "Baykar" → Turkey.
2. A national capital stands for its government ("Moscow criticized",
   "Ankara's sale", "restrictions by Washington") and is read as an actor of
   its country, unless the text uses it as a place: a dateline ("KIEV -"),
   a locative preposition ("in/to/from/near Kyiv", "visited Kyiv"), or a
   place noun after it ("Kyiv visit", "Kyiv's mayor", "Moscow region").
3. A name that is a person as often as a place ("Jordan", "Chad",
   "Georgia") is dropped when written as part of a person's name, and so
   is any town inside a name :mod:`geo.persons` finds ("Defence Minister
   Anders Lund Berg").
4. A country name that is also a sub-national place ("Georgia") becomes the
   other place when the document names two or more cities or regions of
   that other country and none of the first.
5. Among same-named places, "X, Y" picks the X nearest to Y; otherwise a
   place in a country the document names wins, then the gazetteer's order
   (countries, seas and regions, major cities, admin-1 units, by population).

Examples
--------
>>> from geo.gazetteer import load_gazetteer
>>> from geo.mentions import find_mentions
>>> text = "Moscow criticized the deal. Talks were held in Moscow."
>>> gaz = load_gazetteer()
>>> [(r.text, r.id, r.role) for r in resolve_mentions(text, find_mentions(text, gaz), gaz)]
[('Moscow', 'RU', 'actor'), ('Moscow', 'city:524901', 'place')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from geo.data.wordlists import CONCESSION_NOUNS, OFFICES, TERRITORIES_READ_AS_DISPUTED, alternation
from geo.gazetteer import Entry, Gazetteer, fold_name
from geo.mention_context import (
    inside_longer_name,
    is_literal,
    names_firm,
    names_region,
    possessive_name,
    sea_as_adjective,
)
from geo.mentions import PERSON_PLACES, Mention, Reading, fold_key
from geo.persons import Span, is_title, person_spans
from geo.reading_checks import (
    SMALL_TOWN_POPULATION,
    Evidence,
    far_from_landmark,
    km,
    minor_named,
    named_line,
    stray_town,
    system_named,
)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention with its chosen reading.

    ``role`` is "actor" when the mention stands for a state or group (a
    demonym, a metonymic capital, a leader...) and "place" when it names a
    place on the map. ``id`` is the Scene place id either way.
    """

    start: int
    end: int
    text: str
    id: str
    kind: str
    role: Literal["actor", "place"]
    how: str
    reason: str


_DESIGNATOR_AFTER = re.compile(r"\s+(?:state|province|region|governorate|oblast|county|prefecture)\b", re.I)
_STATE_CUES = re.compile(r"\b(?:Gov\.|governor|state of|state's|statewide|legislature|county|counties)\b")


def _entry_reason(how: str, surface: str, entry: Entry) -> str:
    if how == "name" or fold_key(surface) == fold_key(entry.name):
        return f"name {entry.name}"
    return f"{how} {surface}→{entry.name}"


def _country_beside_towns(m: Mention, gaz: Gazetteer) -> bool:
    """A country read by its name first, the other readings being towns or its own units ("Mali", "Aruba").

    Not a state's name that a unit abroad or another state bears too ("Georgia", "Congo").
    """
    r = m.readings[0]
    if r.actor is not None or r.how not in ("name", "alias") or len(r.id) != 2:
        return False
    for x in m.readings[1:]:
        e = gaz.get(x.id) if x.how != "alt" else None
        if e is not None and e.kind != "city" and not (e.kind == "admin1" and (e.iso == r.id or x.how == "alias")):
            return False
    return True


def country_of_capital(gaz: Gazetteer, entry: Entry) -> str | None:
    """The state whose capital ``entry`` is (also a second record of it, "New Delhi" beside "Delhi"), or None."""
    if entry.kind != "city":
        return None
    iso = gaz.capital_country(entry.id)
    if iso:
        return iso
    if entry.feature_code == "PPLC":
        return entry.iso
    # a second record of the capital, named after it and a few km from it ("New Delhi" beside "Delhi");
    # a town merely near it ("Rawalpindi", "Pančevo") is its own place
    country = gaz.get(entry.iso) if entry.iso else None
    cap = gaz.get(country.capital) if country is not None and country.capital else None
    if cap is None or km((entry.lat, entry.lon), (cap.lat, cap.lon)) >= 10:
        return None
    return entry.iso if f" {fold_name(cap.name)} " in f" {fold_name(entry.name)} " else None


@lru_cache(maxsize=1)
def _works_pattern() -> re.Pattern[str]:
    """A capitalised run before a concession or pipeline noun ("the Stabroek block")."""
    return re.compile(rf"\b([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*) (?i:{alternation(CONCESSION_NOUNS)})\b")


def _works_named(text: str) -> set[str]:
    """Names the text gives an oil or gas concession or a pipeline ("the Druzhba pipeline"): one sense each."""
    runs = (m.group(1).split() for m in _works_pattern().finditer(text))
    return {" ".join(words[k:]) for words in runs for k in range(len(words))}  # "The Druzhba pipeline": "Druzhba"


def _title_before(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is a title ("Minister", "President")."""
    words = text[max(0, start - 30) : start].split()
    return bool(words) and is_title(words[-1])


def _in_person_name(m: Mention, names: Sequence[Span], titled: bool = False) -> bool:
    """True when a town-only mention is a word of a person's name ("Anders Lund Berg", "Castro").

    A demonym that opens a name a title introduced is its given name ("Energy Minister German Galushchenko").

    A one-word group name inside a longer name counts as a town here: "Thérèse Kayikwamba Wagner"
    is no mercenary, while "Haftar" found again is the commander who is his own armed group.
    """
    if all(r.how == "demonym" for r in m.readings) and any(
        whole and s == m.start and m.end < e and titled for s, e, whole in names
    ):
        return True  # "Energy Minister German Galushchenko": a given name after a title, no demonym
    group = False
    for r in m.readings:
        if r.actor is not None:
            if r.how != "group" or " " in m.text:
                return False
            group = True
        elif not r.id.startswith(("city:", "admin1:")):
            return False
    return any(
        s <= m.start and m.end <= e and ((not whole and not group) or (s, e) != (m.start, m.end))
        for s, e, whole in names
    )


def resolve_mentions(text: str, mentions: Sequence[Mention], gaz: Gazetteer) -> list[Resolved]:
    """Choose one reading for each mention (or drop it).

    Parameters
    ----------
    text : str
        The document text the mentions index.
    mentions : sequence of Mention
        From :func:`geo.mentions.find_mentions`.
    gaz : Gazetteer
        For entries, capitals and coordinates.

    Returns
    -------
    list of Resolved
        In text order; dropped mentions are left out.
    """
    # document context: countries named without doubt, and sub-national places per country
    doc_iso: Counter[str] = Counter()
    sub_iso: Counter[str] = Counter()
    area_iso: Counter[str] = Counter()  # with the places whose readings all lie in one country
    sub_ids: dict[str, set[str]] = {}  # the distinct sub-national places named, per country
    for m in mentions:
        r = m.readings[0]
        # one reading, or a country by its name beside towns named after it ("India", "Mali", "Lebanon")
        if len(m.readings) == 1 or all(x.id == r.id for x in m.readings) or _country_beside_towns(m, gaz):
            if r.actor is not None:
                if "|" not in r.actor.iso:  # a group that fights in several countries names none of them
                    doc_iso[r.actor.iso] += 1
                continue
            e = gaz.get(r.id)
            if e is None or gaz.is_minor(e.id) or r.how == "alt":
                continue  # a small town, an airfield or an alternate name is evidence only once kept
            if e.kind in ("country", "bloc"):
                doc_iso[e.id] += 1  # and the blocs it names ("the EU"), whose seat may stand for them
            elif e.iso and e.kind in ("city", "admin1"):
                sub_iso[e.iso] += 1
                sub_ids.setdefault(e.iso, set()).add(e.id)
        elif iso := _one_country(m, gaz):
            area_iso[iso] += 1  # "Brazzaville": the city or its department, both in one country
    state_cues = bool(_STATE_CUES.search(text))
    points = tuple(_local_points(mentions, gaz))
    names = person_spans(text)
    starts = [s for s, _, _ in names]
    area_iso += sub_iso
    distinct = Counter({iso: len(ids) for iso, ids in sub_ids.items()})
    # the story's states (named twice or more), from which a small namesake abroad lies far
    named = [gaz.get(c) for c, n in doc_iso.items() if n >= 2]
    states = tuple((e.lat, e.lon) for e in named if e is not None and e.kind == "country")
    ev = Evidence(doc_iso, sub_iso, state_cues, points, area_iso, distinct, states)
    out: list[Resolved] = []
    works = _works_named(text)
    for idx, m in enumerate(mentions):
        if m.text in works and all(r.id.startswith(("city:", "admin1:")) for r in m.readings):
            continue  # "the Stabroek block", "the Druzhba pipeline" and "crude from Druzhba": the work, not the town
        k = bisect_right(starts, m.start) - 1
        titled = k >= 0 and names[k][0] == m.start and _title_before(text, m.start)
        if k >= 0 and _in_person_name(m, names[k : k + 1], titled):
            continue
        res = _resolve_one(text, m, gaz, ev, mentions, idx)
        if res is not None:
            out.append(res)
    return out


def _local_points(mentions: Sequence[Mention], gaz: Gazetteer) -> list[tuple[float, float]]:
    """Points of the sub-national places the document names without doubt."""
    pts = []
    for m in mentions:
        if m.readings[0].actor is not None:
            continue
        entries = [gaz.get(r.id) for r in m.readings]
        e = entries[0]
        if e is not None and gaz.is_minor(e.id):
            continue
        # one place, or a city and the province named after it ("Bishkek": the city and its region)
        if e is None or e.kind not in ("city", "admin1") or any(x is None or x.iso != e.iso for x in entries):
            continue
        if len(entries) == 1 or all(x is not None and km((x.lat, x.lon), (e.lat, e.lon)) < 100 for x in entries):
            pts.append((e.lat, e.lon))
    # each place once: a long article that names one town a thousand times has one point there, and
    # choosing a reading stays linear in the article's length
    return list(dict.fromkeys(pts))


_Pick = tuple[Reading, Entry]


def _resolve_one(
    text: str,
    m: Mention,
    gaz: Gazetteer,
    ev: Evidence,
    mentions: Sequence[Mention],
    idx: int,
) -> Resolved | None:
    actor_rs = [r for r in m.readings if r.actor is not None]
    if actor_rs and actor_rs[0].how != "demonym":
        a = actor_rs[0].actor
        assert a is not None
        if a.kind == "leader" and _anothers_office(text, m, mentions[idx - 1] if idx else None, a.iso):
            return None  # "Colombia's defence minister, Pedro Sánchez": a namesake of Spain's leader
        iso = _where_it_fights(text, m, mentions, idx, ev.doc_iso, a.iso.split("|")) if "|" in a.iso else a.iso
        e = _territory(gaz, gaz.get(iso))
        if e is None:
            return None
        how = "roaming" if "|" in a.iso else a.kind  # a group of several wars is no side of this one's
        return Resolved(m.start, m.end, m.text, e.id, e.kind, "actor", how, a.reason())
    gaz_rs = _gazetteer_readings(m, gaz)
    if not gaz_rs:
        return None
    # "Gao", "Kut", "Tak": a three-letter name is read only in context ("Ky." is a state's abbreviation)
    three_letters = len(m.text) == 3 and m.text.isalpha()
    if _DESIGNATOR_AFTER.match(text, m.end):  # "Rio de Janeiro state", "Kunduz province": the unit, not the town
        gaz_rs = [x for x in gaz_rs if x[1].kind != "city"] or gaz_rs
    elif three_letters:  # "Tak" is a province only as "Tak province"; "near Gao" is the town
        gaz_rs = [x for x in gaz_rs if x[1].kind != "admin1"]
        if not gaz_rs:
            return None
    nxt = mentions[idx + 1] if idx + 1 < len(mentions) else None
    if (
        fold_key(m.text) in PERSON_PLACES
        and inside_longer_name(text, m)
        and not (gaz_rs[0][1].kind == "country" and names_firm(text, m))
        and not _state_follows(m, nxt)
    ):
        return None
    best_r, best = _pick(text, m, nxt, gaz_rs, gaz, ev)
    if far_from_landmark(text, m, nxt, best, gaz):
        return None  # "at Redbank, near Brisbane": no namesake on another continent
    if system_named(m, best, best_r, ev):
        return None  # "its ageing Dardo vehicles": an Italian vehicle, no Chinese town
    if named_line(text, m, best, ev):
        return None  # "the Druzhba pipeline": a line named for something else than a small town abroad
    short = best.kind == "city" and three_letters  # a town of three letters needs the context a small town does
    if stray_town(best, best_r, ev) or ((short or gaz.is_minor(best.id)) and not minor_named(text, m, best, ev)):
        return None
    # a small town's one-word name, or a one-word alternate name, inside a longer one: "Golden
    # Dragon exercise", "Kyungnam University", "Comandante Pedro Campbell", "H225M Caracal helicopters"
    if (
        best.kind == "city"
        and (best.population < SMALL_TOWN_POPULATION or best_r.how == "alt")
        and " " not in m.text
        and best_r.how != "capital"
        and (inside_longer_name(text, m) or possessive_name(text, m))
    ):
        return None
    if best.kind == "sea" and best_r.how == "alias" and sea_as_adjective(text, m):
        return None  # "Gulf capitals", "a Gulf-based analyst", "the U.S. Gulf Coast": no water meant
    return _resolved(text, m, best_r, best, gaz, ev.doc_iso)


def _state_follows(m: Mention, nxt: Mention | None) -> bool:
    """A state's own name follows right after: "calls the US and Israel Argentina's allies" (no "Israel Katz")."""
    return nxt is not None and nxt.start == m.end + 1 and any(len(r.id) == 2 and r.id.isupper() for r in nxt.readings)


_OFFICE_WORDS = alternation(o for o in OFFICES if OFFICES[o] != "rank")
# "Colombia's defence minister, Pedro Sánchez": an office of another state's official before the name
_OFFICE = re.compile(rf"^['’]s?\s+(?:\w+\s+){{0,2}}(?:{_OFFICE_WORDS})s?,?\s+$", re.I)
# an office no head of state or government holds, right before the name ("Defence Minister Pedro Sánchez")
_LESSER_OFFICE = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(o) for o, k in OFFICES.items() if k == "lesser") + r")\s*,?\s+$", re.I
)


def _anothers_office(text: str, m: Mention, prev: Mention | None, iso: str) -> bool:
    """A leader's name after an office the leader does not hold: a namesake of the leader.

    "Colombia's defence minister, Pedro Sánchez", "Defence Minister Pedro Sánchez": not Spain's prime minister.
    """
    if _LESSER_OFFICE.search(text, max(0, m.start - 40), m.start):
        return True
    if prev is None or m.start - prev.end > 40 or not prev.readings or prev.readings[0].id == iso:
        return False
    return len(prev.readings[0].id) == 2 and bool(_OFFICE.match(text[prev.end : m.start]))


def _where_it_fights(
    text: str, m: Mention, mentions: Sequence[Mention], idx: int, doc_iso: Counter[str], candidates: list[str]
) -> str:
    """The country a group that fights in several is read as: "ISIS in Syria".

    Else the one the document names most (among those it fights in); "" when it names none of them.
    """
    end = text.find(".", m.end)
    end = len(text) if end < 0 else end
    for nxt in mentions[idx + 1 : idx + 4]:
        if nxt.start > end or nxt.start - m.end > 60:
            break
        iso = nxt.readings[0].actor.iso if nxt.readings[0].actor is not None else nxt.readings[0].id
        if iso in candidates and re.search(r"\b(?:in|across|from)\s+(?:the\s+)?(?:\w+\s+)?$", text[m.end : nxt.start]):
            return iso
    named = [c for c in candidates if doc_iso[c]]
    return max(named, key=lambda c: doc_iso[c]) if named else ""


def _territory(gaz: Gazetteer, e: Entry | None) -> Entry | None:
    """A territory read as a disputed area stands there for its actors too ("the Polisario Front")."""
    if e is None or e.kind != "country" or e.id not in TERRITORIES_READ_AS_DISPUTED:
        return e
    alt = gaz.resolve(e.name)
    return alt if alt is not None and alt.kind == "disputed" else e


def _gazetteer_readings(m: Mention, gaz: Gazetteer) -> list[_Pick]:
    """The mention's readings with their gazetteer entries (a demonym as its country), one per id."""
    gaz_rs: list[_Pick] = []
    for r in m.readings:
        if r.actor is not None:
            e = _territory(gaz, gaz.get(r.actor.iso))
            if e is not None:
                gaz_rs.append((Reading(e.id, "demonym", r.actor), e))
            continue
        e = _territory(gaz, gaz.get(r.id)) if r.how == "demonym" else gaz.get(r.id)
        if e is not None:
            gaz_rs.append((Reading(e.id, r.how, r.actor) if e.id != r.id else r, e))
    # a demonym reading of the gazetteer and of the actor table may repeat one id
    seen: set[str] = set()
    out = []
    for r, e in gaz_rs:
        if e.id not in seen:
            seen.add(e.id)
            out.append((r, e))
    return out


def _pick(text: str, m: Mention, nxt: Mention | None, gaz_rs: list[_Pick], gaz: Gazetteer, ev: Evidence) -> _Pick:
    """The reading the document supports best; the gazetteer's first reading unless told otherwise."""
    best_r, best = gaz_rs[0]
    if len(gaz_rs) == 1:
        return best_r, best
    if best.kind == "admin1":  # "São Tomé", "Kinshasa": the national capital, not the province named after it
        best_r, best = next(
            ((r, e) for r, e in gaz_rs if e.kind == "city" and e.iso == best.iso and r.how == "capital"), (best_r, best)
        )
    if best.kind != "country" and nxt is not None and re.fullmatch(r",\s*", text[m.end : nxt.start]):
        return _pick_beside(nxt, gaz_rs, gaz) or (best_r, best)
    if best.kind == "country":
        best_r, best = _pick_namesake_over_country(gaz_rs, ev) or _pick_country(gaz_rs, ev) or (best_r, best)
    elif best.kind in ("city", "admin1") and best.iso and not ev.names_country(best.iso):
        best_r, best = _pick_local(gaz_rs, gaz, best, ev) or (best_r, best)
    if best.kind in ("city", "admin1") and len(ev.points) >= 2:
        return _pick_nearest(gaz_rs, (best_r, best), ev)
    if best.kind == "city":
        capital = country_of_capital(gaz, best) is not None
        return _pick_city_in_named_country(gaz_rs, best, ev, capital) or (best_r, best)
    return best_r, best


def _pick_beside(nxt: Mention, gaz_rs: list[_Pick], gaz: Gazetteer) -> _Pick | None:
    """In "X, Y", the X nearest to Y, when Y is a country or an admin-1 unit."""
    ref = gaz.get(nxt.readings[0].id) if nxt.readings[0].actor is None else None
    if ref is None or ref.kind not in ("country", "admin1"):
        return None
    cands = [(r, e) for r, e in gaz_rs if e.kind != "country" and e.iso == ref.iso]
    if not cands:
        return None
    return min(cands, key=lambda re_: km((re_[1].lat, re_[1].lon), (ref.lat, ref.lon)))


def _one_country(m: Mention, gaz: Gazetteer) -> str:
    """The one country all of a mention's readings lie in, when they are towns and provinces ("" otherwise)."""
    entries = [gaz.get(r.id) if r.actor is None else None for r in m.readings]
    if any(e is None or e.kind not in ("city", "admin1") for e in entries):
        return ""
    isos = {e.iso for e in entries if e is not None and not gaz.is_minor(e.id)}
    return (isos.pop() or "") if len(isos) == 1 else ""


def _pick_country(gaz_rs: list[_Pick], ev: Evidence) -> _Pick | None:
    """Of two countries one name may mean ("Congo"), the one whose places the document names."""
    states = [(r, e) for r, e in gaz_rs if e.kind == "country"]
    if len(states) < 2:
        return None
    support = [ev.area_iso[e.id] + ev.doc_iso[e.id] for _, e in states]
    best = max(range(len(states)), key=lambda k: support[k])
    return states[best] if support[best] > support[0] else None


def _pick_namesake_over_country(gaz_rs: list[_Pick], ev: Evidence) -> _Pick | None:
    """Country vs a sub-national namesake: follow the document's other places.

    Only a namesake by name: "Benin" is the country, whatever alternate names Benin City has.
    """
    best = gaz_rs[0][1]
    for r, e in gaz_rs[1:]:
        if (
            e.kind in ("admin1", "city")
            and r.how != "alt"
            and e.iso
            and e.iso != best.id
            and ev.sub_iso[e.iso] >= 2
            and ev.sub_iso[best.id] == 0
            and ev.doc_iso[best.id] <= 1
            and (ev.state_cues or ev.sub_iso[e.iso] >= 3)
        ):
            return r, e
    return None


def _pick_local(gaz_rs: list[_Pick], gaz: Gazetteer, best: Entry, ev: Evidence) -> _Pick | None:
    """A namesake in a country the document names beats one elsewhere.

    A national capital gives way only to a namesake among the document's other places in
    that country (Moscow, Idaho needs Idaho places, not a mention of the United States).
    """
    capital = country_of_capital(gaz, best) is not None
    for r, e in gaz_rs:
        if capital and r.how == "alt":
            continue  # "Luanda" is Angola's capital, not a Brazilian town that is also written so
        if e.iso and e.kind != "country" and (ev.sub_iso[e.iso] if capital else ev.names_country(e.iso)):
            return r, e
    return None


def _pick_nearest(gaz_rs: list[_Pick], current: _Pick, ev: Evidence) -> _Pick:
    """Spatial minimality: the namesake nearest the document's other places, when much nearer.

    A national capital moves only to a namesake in the region of the other places ("London"
    in a story of Ontario towns), never to a merely nearer one ("Washington" in a story of
    Ankara and Baku is not the English town), and not at all when the document names its
    country ("Tripoli" in a story of Libya is Libya's capital, whatever Greek towns it names).
    Nor does any place leave a country the document names for one it does not.
    """
    points = ev.points
    best = current[1]
    capital = current[0].how == "capital" or best.feature_code == "PPLC"
    cands = [
        (r, e)
        for r, e in gaz_rs
        if e.kind in ("city", "admin1")
        and r.how != "alt"
        and (e.population >= best.population / 50 or e.kind == "admin1")
    ]
    if len(cands) <= 1:
        return current

    def spread(re_: _Pick) -> float:
        return _median_km(re_[1].lat, re_[1].lon, points)

    near = min(cands, key=spread)
    if capital and (spread(near) > 2000 or ev.names_country(best.iso or "")):
        return current
    if best.iso and near[1].iso != best.iso and ev.names_country(best.iso) and not ev.names_country(near[1].iso or ""):
        return current
    return near if spread(near) < 0.5 * spread(current) else current


@lru_cache(maxsize=4096)
def _median_km(lat: float, lon: float, points: tuple[tuple[float, float], ...]) -> float:
    """The median distance from a point to the document's places (a long text asks it again and again)."""
    ds = sorted(km((lat, lon), p) for p in points)
    return ds[len(ds) // 2]


def _pick_city_in_named_country(gaz_rs: list[_Pick], best: Entry, ev: Evidence, capital: bool) -> _Pick | None:
    """Prefer a namesake in a country the document names, when not much smaller.

    A national capital never gives way to a town only also written so ("Islamabad" is Pakistan's capital,
    not Anantnag in India, whatever Indian places the story names), and to a namesake only among the
    document's other places in its country, as in :func:`_pick_local` ("Athens signed for F-35s from the
    United States" is Greece's capital, not Athens, Georgia).
    """
    scored = []
    for rank, (r, e) in enumerate(gaz_rs):
        if e.kind != "city" or (capital and r.how == "alt"):
            continue
        named = e.iso and (ev.sub_iso[e.iso] if capital and e.iso != best.iso else ev.names_country(e.iso))
        bonus = 2 if named else 0
        scored.append((-bonus, rank, r, e))
    if not scored:
        return None
    scored.sort(key=lambda t: (t[0], t[1]))
    cand = scored[0]
    return (cand[2], cand[3]) if cand[3].population >= best.population / 20 else None


def _seated_bloc(gaz: Gazetteer, city_id: str, doc_iso: Counter[str]) -> Entry | None:
    """The one bloc seated in ``city_id`` that the document names ("Brussels" in a story of the EU)."""
    blocs = [e for e in map(gaz.get, gaz.blocs_seated_in(city_id)) if e is not None and doc_iso[e.id]]
    return blocs[0] if len(blocs) == 1 else None


def _resolved(
    text: str, m: Mention, best_r: Reading, best: Entry, gaz: Gazetteer, doc_iso: Counter[str] | None = None
) -> Resolved | None:
    """The resolution of a mention read as ``best``: a demonym, a capital's state, or the place."""
    # a region named by its adjective ("European leaders", "the Balkan country") is on the map;
    # a bloc's adjective is not
    if best_r.how == "demonym" and best.kind == "bloc":
        return None
    if best_r.how == "demonym" and best.kind == "region":
        if not names_region(text, m):
            return None
        return Resolved(m.start, m.end, m.text, best.id, best.kind, "place", "demonym", f"demonym {m.text}→{best.name}")
    if best_r.how == "demonym":
        return Resolved(m.start, m.end, m.text, best.id, best.kind, "actor", "demonym", f"demonym {m.text}→{best.name}")
    cap_iso = country_of_capital(gaz, best)
    if cap_iso and not is_literal(text, m):
        # a capital whose state the story never names, seat of a bloc it does, stands for the bloc
        seated = _seated_bloc(gaz, best.id, doc_iso) if doc_iso is not None and not doc_iso[cap_iso] else None
        country = seated or gaz.get(cap_iso)
        if country is not None:
            why = f"capital {m.text}→{country.name} ({'seat' if seated else 'metonym'})"
            return Resolved(m.start, m.end, m.text, country.id, country.kind, "actor", "capital", why)
    how = best_r.how
    return Resolved(
        m.start,
        m.end,
        m.text,
        best.id,
        best.kind,
        "actor" if best.kind in ("country", "bloc") else "place",
        how,
        _entry_reason(how, m.text, best),
    )
