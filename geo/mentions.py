"""Finding place and actor mentions in text: a token n-gram matcher over folded forms.

The matcher reads two tables: the gazetteer's folded surface forms (names,
aliases, demonyms, capitals, alternate names) and the actor table (state
organs, companies, leaders, groups, demonyms). At each capitalised token it
tries the longest run of up to :data:`MAX_TOKENS` tokens whose folded text is
a form, so "Gulf of Aden" wins over "Aden" and "South Korean" over "Korean".

Case rules: a mention starts with an upper-case letter (or "al-" before one); acronym forms
("US", "UAE") must match their exact case; an all-capitals word ("KIEV")
counts when it is long enough to be no acronym of ours or opens a
dateline; lower-case words are never places. A list of capitalised English
words that double as place names ("March", "Along", "Mobile") is ignored,
and a match followed by an organisation word ("Kyiv Independent",
"Washington Post", "Stockholm International ...") is not a place.

Examples
--------
>>> from geo.gazetteer import load_gazetteer
>>> ms = find_mentions("KIEV - Turkey's drones reached Ukrainian troops in March.", load_gazetteer())
>>> [(m.text, m.readings[0].id) for m in ms]
[('KIEV', 'city:703448'), ('Turkey', 'TR'), ('Ukrainian', 'UA')]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from geo.actors import Actor, load_actors
from geo.data.wordlists import CONNECTORS as _CONNECTORS
from geo.data.wordlists import (
    FAMILY_NAME_FIRST,
    GENERIC_NAMES,
    ORG_TAILS,
    OUTLET_NOUNS,
    OUTLET_TAILS,
    PERSON_PLACES,
    PERSON_TITLES,
    POSTAL_ABBREVIATIONS,
    STOP_WORDS,
    TOWN_LOCATIVES,
    alternation,
)
from geo.gazetteer import Entry, Gazetteer, MatchType, fold_name
from geo.name_parts import inside_longer_name, pact_noun, ship_name, weapon_ahead

MAX_TOKENS = 7


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_ARTICLE = re.compile(r"(?:al|el)-[A-Z]")
# outlet nouns that are also adverbs of time ("daily", "weekly"): one that ends its clause is the adverb
_ADVERB_OUTLETS = "|".join(n for n in OUTLET_NOUNS if n.endswith("ly"))
_OUTLET_AFTER = re.compile(  # "business newspaper"; "daily" that ends its clause is an adverb ("ports daily.")
    r"(?: [a-z-]+){0,3}? (?:"
    + "|".join(n for n in OUTLET_NOUNS if not n.endswith("ly"))
    + rf")\b| (?:{_ADVERB_OUTLETS})\b|(?: [a-z-]+){{1,3}}? (?:{_ADVERB_OUTLETS})\b(?!\s*(?:[.;,:!?)]|$))"
)
# abbreviations that open a place's name ("St. Petersburg", "Mt. Kenya", "Ft. Lauderdale")
_NAME_ABBREVIATIONS = frozenset({"St", "Ste", "Mt", "Ft", "Pt"})
_GAP_BREAK = re.compile(r"[.!?;:,()\[\]{}\"“”]|\n")

_POSTAL_RE = re.compile(r"(?:,\s+|(?<!\d\s)(?<=\s)(?=\w\.\w\.))(" + alternation(POSTAL_ABBREVIATIONS) + r")(?=\W|$)")
_POSTAL_WORDS = re.compile("|".join(re.escape(k) for k in POSTAL_ABBREVIATIONS))  # what every match holds


@dataclass(frozen=True, slots=True)
class Reading:
    """One possible meaning of a mention: a gazetteer entry or an actor table row."""

    id: str
    how: str  # name, alias, capital, demonym, alt (gazetteer) or organ, company, leader, group
    actor: Actor | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names a place or an actor, with its possible readings."""

    start: int
    end: int
    text: str
    readings: tuple[Reading, ...]
    dateline: bool = False


fold_key = lru_cache(maxsize=1 << 16)(fold_name)
""":func:`geo.gazetteer.fold_name`, memoised (the same names recur in every article)."""


@lru_cache(maxsize=1)
def _actor_forms() -> dict[str, tuple[Actor, ...]]:
    """The actor table keyed by folded form (the exact surface is checked at match time)."""
    table = load_actors()
    actors: dict[str, list[Actor]] = {}
    for form in table.forms():
        for actor in table.lookup(form):
            actors.setdefault(fold_name(form), []).append(actor)
    return {k: tuple(v) for k, v in actors.items()}


@lru_cache(maxsize=1)
def _actor_surfaces() -> frozenset[str]:
    """Every actor form as written (so stop words never hide an actor)."""
    return frozenset(load_actors().forms())


def _same_surface(text: str, form: str) -> bool:
    def norm(s: str) -> str:  # "Hagglunds" for "Hägglunds", "Turkiye" for "Türkiye": accents are often left out
        s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("‘", "'").replace(".", ""))
        return "".join(c for c in s if not unicodedata.combining(c))

    if norm(text) == norm(form):
        return True
    # "Thyssenkrupp" for "ThyssenKrupp": a name spelt with an inner capital is also written without it
    return (
        text[:1].isupper()
        and any(c.isupper() for w in form.split() for c in w[1:])
        and norm(text).lower() == norm(form).lower()
    )


def _is_dateline(text: str, start: int, end: int) -> bool:
    # only white space between the line start and the mention (walked back, not sliced:
    # a mention deep in a long paragraph stops at the first word before it)
    k = start - 1
    while k >= 0 and text[k] != "\n":
        if not text[k].isspace():
            return False
        k -= 1
    return bool(re.match(r"\s*(?:,[^\n]{0,40})?\s*(?:\(\w[^)]{0,30}\)\s*)?[-–—:]", text[end : end + 60]))


def find_mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    """Every place or actor mention in ``text``, longest match first, left to right.

    Parameters
    ----------
    text : str
        The document text; offsets in the result index it.
    gaz : Gazetteer
        The gazetteer whose forms are matched (with the actor table).

    Returns
    -------
    list of Mention
        Non-overlapping, in text order, each with every reading (best first).
    """
    actors = _actor_forms()
    actors_exact = _actor_surfaces()
    toks = [m.span() for m in _TOKEN.finditer(text)]
    out: list[Mention] = []
    towns: list[Mention] = []  # single words only a town's alternate name bears ("Kobani", "Palmyra")
    resume = 0  # the token after the last match
    # a mention starts at a capitalised word, or at an Arabic article before one ("al-Jufra")
    for i in [k for k, (s, _) in enumerate(toks) if text[s].isupper() or (text[s] in "ae" and _ARTICLE.match(text, s))]:
        if i < resume:
            continue
        last = _stretch_end(text, toks, i)
        found = _longest_name(text, toks, i, last, actors, actors_exact, gaz) or _plural_demonym(
            text, toks, i, actors, gaz
        )
        if found is None:
            continue
        j, readings = found
        longer = _with_word(text, toks, i, j, j + 1, _GROUP_NOUNS, actors, gaz)  # "the Gulf states": a region
        if longer:
            j, readings = j + 1, longer
        first = i
        longer = _with_word(text, toks, i, j, i - 1, _COMPASS, actors, gaz)  # "the eastern Mediterranean": a sea
        seas = bool(longer) and all(r.id.startswith("sea:") for r in longer)
        if seas and {r.id for r in longer} != {r.id for r in readings}:
            first, readings = i - 1, longer
        s, e = toks[first][0], toks[j][1]
        surface = text[s:e]
        if text[e : e + 1] == "$" or ship_name(text, s, e, readings):
            resume = j + 1
            continue  # "US$920 million": a currency; "HMAS Stirling", "the tanker Eagle S": a ship's name
        if _keep(text, s, e, surface, readings, toks, j, gaz):
            out.append(Mention(s, e, surface, readings, _is_dateline(text, s, e)))
        elif (
            all(r.how == "alt" and r.actor is None for r in readings)
            and _AS_TOWN.match(text, e)
            and i > 0
            and text[toks[i - 1][0] : toks[i - 1][1]].lower() in TOWN_LOCATIVES
            and _keep(text, s, e, surface, readings, toks, j, gaz, alt_ok=True)
        ):
            towns.append(Mention(s, e, surface, readings))
        resume = j + 1
    out.extend(_towns_of_named_states(towns, out, gaz))
    out.extend(_defined_acronyms(text, out))
    out.extend(_leaders_again(text, out))
    for m in _POSTAL_RE.finditer(text) if _POSTAL_WORDS.search(text) else ():  # most texts hold no abbreviation
        pid = "admin1:" + POSTAL_ABBREVIATIONS[m.group(1)]
        if gaz.get(pid) is not None and not any(x.start <= m.start(1) < x.end for x in out):
            out.append(Mention(m.start(1), m.end(1), m.group(1), (Reading(pid, "alias"),)))
    out.sort(key=lambda x: x.start)
    return out


# what may follow a town named by an alternate name: "residents of Kobani fled", "entered Palmyra."
_AS_TOWN = re.compile(r"(?:[.,;:)]|\s+[–—]\s|\s+(?!(?:air\s*base|base|airport|airfield|camp|dam|field|port)\b)[a-z])")


def _towns_of_named_states(towns: list[Mention], found: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The towns known by an alternate name that lie in a state the text names: "Kobani" in a story of Syria.

    Alone such a word is too often another town's old or foreign name ("Palmyra" is also a US town's).
    """
    named = {m.readings[0].id for m in found if len(m.readings[0].id) == 2}
    out = []
    for m in towns:
        local = tuple(r for r in m.readings if _town_in(gaz, r.id, named))
        if local:
            out.append(Mention(m.start, m.end, m.text, local))
    return out


def _town_in(gaz: Gazetteer, entry_id: str, states: set[str]) -> bool:
    e = _city(gaz, entry_id)
    return e is not None and e.iso in states and e.population >= TOWN_POPULATION


_DEFINED = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|and|the|for)\s+)*){1,5}[A-Z][\w-]*)\s+\(([A-Z]{2,6})\)")
_ACRONYM = re.compile(r"\([A-Z]{2,6}\)")  # what every match of _DEFINED ends with


def _leaders_again(text: str, found: list[Mention]) -> list[Mention]:
    """A leader named in full and then by surname alone: "President Daniel Ortega ... Ortega, a former guerrilla".

    The surname is that leader (and so that state) wherever it stands alone after the full name, not
    inside another name ("Katie Ortega", "Ortega Street") and not where another actor or a state is named;
    a town mention of the same word there is replaced in ``found`` by the leader. Each surname is
    looked for once, after its first full mention (a long paste names a leader thousands of times).

    >>> from geo.gazetteer import load_gazetteer
    >>> t = "President Daniel Ortega spoke. Ortega backs Russia."
    >>> [(m.text, m.readings[0].id) for m in find_mentions(t, load_gazetteer())]
    [('Daniel Ortega', 'NI'), ('Ortega', 'NI'), ('Russia', 'RU')]
    >>> t = "Kim Jong Un spoke. Kim backs Russia."  # a Korean name's family name leads it
    >>> [(m.text, m.readings[0].id) for m in find_mentions(t, load_gazetteer())]
    [('Kim Jong Un', 'KP'), ('Kim', 'KP'), ('Russia', 'RU')]
    """
    out: list[Mention] = []
    spans = [(m.start, m.end) for m in found]
    towns = {m.start: i for i, m in enumerate(found) if all(len(r.id) != 2 for r in m.readings)}
    seen: set[str] = set()
    for m in list(found):
        first = m.text.split(" ", 1)[0]  # "Kim Jong Un ... Kim said": the family name leads a Korean name
        surname = first if first.lower() in FAMILY_NAME_FIRST else m.text.rsplit(" ", 1)[-1]
        if " " not in m.text or m.readings[0].how != "leader" or len(surname) < 3 or not surname[0].isupper():
            continue
        if surname in seen:
            continue
        seen.add(surname)
        for use in re.finditer(rf"(?<![\w-]){re.escape(surname)}\b(?! [A-Z])", text[m.end :]):
            start = m.end + use.start()
            end = start + len(surname)
            before = re.search(r"(\S+)\s+$", text[max(0, start - 40) : start])
            word = before.group(1) if before else ""
            title = word.lower().rstrip(".") in PERSON_TITLES
            named = word[:1].isupper() and not title and not word.endswith((".", ",", ":", '"', "”"))
            if named:
                continue
            if start in towns and found[towns[start]].end == end:
                found[towns[start]] = Mention(start, end, surname, m.readings[:1])  # a leader, not a town "Ortega"
            elif not any(a < end and start < b for a, b in spans):
                spans.append((start, end))
                out.append(Mention(start, end, surname, m.readings[:1]))
    return out


def _defined_acronyms(text: str, found: list[Mention]) -> list[Mention]:
    """Later uses of an acronym the text defines after a state's body: "the Botswana Defence Force (BDF)".

    The acronym's letters must be the initials of the name, and the name must hold a mention of
    a country; each later "BDF" is then a mention of that country too.

    >>> from geo.gazetteer import load_gazetteer
    >>> t = "The Kenya Coast Guard Service (KCGS) grew. KCGS boats sailed."
    >>> [(m.text, m.readings[0].id) for m in find_mentions(t, load_gazetteer())]
    [('Kenya', 'KE'), ('KCGS', 'KE')]
    >>> t = "The French Army Liaison Unit Chad (FALUC) trains. FALUC left."
    >>> [(m.text, m.readings[0].id) for m in find_mentions(t, load_gazetteer())][-1]
    ('FALUC', 'FR')
    """
    out: list[Mention] = []
    taken = {m.start for m in found}
    for d in _DEFINED.finditer(text) if _ACRONYM.search(text) else ():  # most texts define no acronym
        name, short = d.group(1), d.group(2)
        words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
        if "".join(w[0] for w in words)[-len(short) :] != short or len(words) < len(short):
            continue
        inner = [m for m in found if d.start(1) <= m.start < d.end(1) and len(m.readings[0].id) == 2]
        if len(inner) > 1 and re.match(r"(?:The\s+)?$", text[d.start(1) : inner[0].start]):
            inner = inner[:1]  # "French Army Liaison Unit Chad (FALUC)": the body of the state it opens with
        if len(inner) != 1 or any(m.text == short for m in found):
            continue
        readings = tuple(Reading(r.id, "alias", r.actor) for r in inner[0].readings[:1])
        for use in re.finditer(rf"\b{short}\b", text[d.end() :]):
            start = d.end() + use.start()
            if start not in taken:
                out.append(Mention(start, start + len(short), short, readings))
    return out


def _stretch_end(text: str, toks: list[tuple[int, int]], i: int) -> int:
    """The last token of the longest stretch a name starting at token ``i`` could cover.

    Capitalised words, numbers, initialisms ("U.S.") and connectors ("of", "al-").
    """
    last = i
    for j in range(i + 1, min(len(toks), i + MAX_TOKENS)):
        w = text[toks[j][0] : toks[j][1]]
        gap = text[toks[j - 1][1] : toks[j][0]]
        if gap in ("'", "’") and w == "s":
            continue  # a possessive inside a name: "Cox's Bazar", "Martha's Vineyard"
        if gap in ("'", "’") and w.islower() and w not in ("t", "d", "ll", "re", "ve", "m"):
            last = j  # an apostrophe inside a name: "Xi'an", "Ma'rib", "Sana'a" (not "Russia'll")
            continue
        if gap != " ":
            if gap == "." and toks[j - 1][1] - toks[j - 1][0] == 1 and text[toks[j - 1][0]].isupper():
                last = j  # an initialism: "U.S.", "U.K."
                continue
            if gap == ". " and text[toks[j - 1][0] : toks[j - 1][1]] in _NAME_ABBREVIATIONS and w[:1].isupper():
                last = j  # "St. Petersburg", "Ft. Worth": an abbreviation inside the name
                continue
            if _GAP_BREAK.search(gap):
                break
        if w[:1].isupper() or w[:1].isdigit():
            last = j
        elif w.lower() not in _CONNECTORS and gap != "-":
            break  # a word joined by a hyphen goes on: "al-Watiya", "Pakistan-administered Kashmir"
    return last


def _longest_name(
    text: str,
    toks: list[tuple[int, int]],
    i: int,
    last: int,
    actors: dict[str, tuple[Actor, ...]],
    actors_exact: frozenset[str],
    gaz: Gazetteer,
) -> tuple[int, tuple[Reading, ...]] | None:
    """The longest name from token ``i`` to at most ``last`` that has readings: (its last token, readings)."""
    s0 = toks[i][0]
    for j in range(last, i - 1, -1):
        inside = text[toks[j - 1][1] : toks[j][0]] in ("'", "’")  # "Xi'an", "Sana'a": one word
        if j > i and not text[toks[j][0]].isupper() and not text[toks[j][0]].isdigit() and not inside:
            continue  # the last word of a name is capitalised
        surface = text[s0 : toks[j][1]]
        low = surface.lower()
        if j == i and low in STOP_WORDS and low not in PERSON_PLACES and surface not in actors_exact:
            return None
        readings = _readings_for(surface, "", actors, gaz)
        if readings:
            return j, readings
    return None


_COMPASS = frozenset({"eastern", "western", "northern", "southern", "east", "west", "north", "south"})


_GROUP_NOUNS = frozenset({"states", "countries", "nations", "republics"})


def _with_word(
    text: str,
    toks: list[tuple[int, int]],
    first: int,
    last: int,
    k: int,
    words: frozenset[str],
    actors: dict[str, tuple[Actor, ...]],
    gaz: Gazetteer,
) -> tuple[Reading, ...]:
    """The readings of the name at tokens first..last together with the lower-case word at token k next to it.

    k is first - 1 or last + 1; the word must be one of ``words``, one space from the name: "the Gulf
    states", "the eastern Mediterranean". Empty when the longer stretch names nothing.
    """
    if not 0 <= k < len(toks) or text[toks[k][0] : toks[k][1]] not in words:
        return ()
    a, b = min(k, first), max(k, last)
    if text[toks[min(k, last)][1] : toks[max(k, first)][0]] != " ":
        return ()
    surface = text[toks[a][0] : toks[b][1]]
    return _readings_for(surface[:1].upper() + surface[1:], "", actors, gaz)


def _plural_demonym(
    text: str, toks: list[tuple[int, int]], i: int, actors: dict[str, tuple[Actor, ...]], gaz: Gazetteer
) -> tuple[int, tuple[Reading, ...]] | None:
    """A plural demonym at token ``i``: "Ukrainians", "Azeris"."""
    surface = text[toks[i][0] : toks[i][1]]
    if surface.endswith("s") and len(surface) > 4:
        rs = tuple(r for r in _readings_for(surface[:-1], "", actors, gaz) if r.how == "demonym")
        if rs:
            return i, rs
    return None


_CACHE: dict[tuple[int, str], tuple[Reading, ...]] = {}
_CACHE_LIMIT = 200_000


def _readings_for(surface: str, key: str, actors: dict[str, tuple[Actor, ...]], gaz: Gazetteer) -> tuple[Reading, ...]:
    """Readings of one surface form (memoised: names recur across articles)."""
    ck = (id(gaz), surface)
    hit = _CACHE.get(ck)
    if hit is not None:
        return hit
    if len(_CACHE) > _CACHE_LIMIT:
        _CACHE.clear()
    out = _lookup(surface, key or fold_name(surface), actors, gaz)
    _CACHE[ck] = out
    return out


def _lookup(surface: str, key: str, actors: dict[str, tuple[Actor, ...]], gaz: Gazetteer) -> tuple[Reading, ...]:
    readings: list[Reading] = []
    for actor in actors.get(key, ()):
        if _same_surface(surface, actor.form):
            readings.append(Reading(actor.iso, actor.kind, actor))
    letters = sum(c.isalpha() for c in surface)
    upper = surface.isupper() and letters > 1
    if letters == 3 and surface.istitle() and surface.isalpha():
        # "Gao", "Kut", "Tak province": a town's or a province's own three-letter name, which resolve
        # keeps only where the text sets it as a place ("based at Kut", "Tak province")
        cands3 = [
            (e, how)
            for name in (surface, "Al " + surface)  # "Kut" for GeoNames' "Al Kut"
            for e, how in gaz.candidates(name)
            if how == "name" and e.kind in ("city", "admin1")
        ]
        return tuple(readings) + tuple(Reading(e.id, how) for e, how in cands3)
    if letters <= 3 and not upper:
        return tuple(readings)  # "Us", "Ur": short capitalised words are acronyms or nothing
    if upper and letters < 4 and " " not in key:
        # an all-caps short word: only the acronyms people write for places ("US", "UAE")
        cands: list[tuple[Entry, MatchType]] = [
            (e, how)
            for e, how in gaz.candidates(surface)
            if how in ("alias", "name") and e.kind in ("country", "bloc", "region")
        ]
    else:
        cands = gaz.candidates(surface)
        if not cands and " " not in surface:
            # "Qamishli" for GeoNames' "Al Qamishli": the Arabic article is often left out
            cands = [(e, how) for e, how in gaz.candidates("Al " + surface) if how == "name" and e.kind == "city"]
    for entry, how in cands:
        readings.append(Reading(entry.id, how))
    return tuple(readings)


# a city this big may be found by a one-word alternate name alone
ALT_NAME_POPULATION = 100_000
TOWN_POPULATION = 15_000  # the least town read by an alternate name, in a state the text names

_SURFACE_OK: dict[tuple[int, str, bool], bool] = {}
""":func:`_surface_ok` per gazetteer and surface (a surface always comes with the same readings)."""


def _surface_ok(
    surface: str, readings: tuple[Reading, ...], gaz: Gazetteer | None = None, alt_ok: bool = False
) -> bool:
    """The rules of :func:`_keep` that read only the matched words and their readings."""
    key = fold_key(surface)
    gaz_only = all(r.actor is None for r in readings)
    if gaz_only and key in STOP_WORDS and key not in PERSON_PLACES:
        return False
    if gaz_only and key in GENERIC_NAMES and all(r.id.startswith(("city:", "admin1:")) for r in readings):
        return False  # "the far-right Confederation", "the security support Mission": everyday words
    # all-caps words outside datelines and headlines: only acronyms or long names
    if (
        surface.isupper()
        and len(surface) > 1
        and gaz_only
        and not any(r.how in ("name", "alias", "capital", "demonym") for r in readings)
    ):
        return False
    # only GeoNames alternate names: too noisy for single words, unless one is a big city's
    # ("Heraklion", "Termez", "Naypyitaw": the English name of a city GeoNames spells otherwise)
    if gaz_only and all(r.how == "alt" for r in readings) and " " not in key and not alt_ok:
        return gaz is not None and any(_big_city(gaz, r.id) or _respelling(gaz, r.id, key) for r in readings)
    return True


def _respelling(gaz: Gazetteer, entry_id: str, key: str) -> bool:
    """An alternate name that only respells a town's own ("Avdiivka" for Avdiyivka, "Dzhankoi" for Dzhankoy)."""
    e = _city(gaz, entry_id)
    if e is None or len(key) < 6:
        return False
    name = fold_key(e.name)
    return name[:2] == key[:2] and SequenceMatcher(None, name, key).ratio() >= 0.85


def _city(gaz: Gazetteer, entry_id: str) -> Entry | None:
    """The gazetteer's town of that id, or None for any other kind of entry."""
    return gaz.get(entry_id) if entry_id.startswith("city:") else None


def _big_city(gaz: Gazetteer, entry_id: str) -> bool:
    e = _city(gaz, entry_id)
    return e is not None and e.population >= ALT_NAME_POPULATION


def _keep(
    text: str,
    s: int,
    e: int,
    surface: str,
    readings: tuple[Reading, ...],
    toks: list[tuple[int, int]],
    j: int,
    gaz: Gazetteer | None = None,
    alt_ok: bool = False,
) -> bool:
    """Case and context rules that reject a match (with ``alt_ok``, not for being a town's alternate name)."""
    gaz_id = id(gaz) if gaz is not None else 0
    ok = _SURFACE_OK.get((gaz_id, surface, alt_ok)) if gaz_id else None
    if ok is None:
        ok = _surface_ok(surface, readings, gaz, alt_ok)
        if len(_SURFACE_OK) > _CACHE_LIMIT:
            _SURFACE_OK.clear()
        if gaz_id:
            _SURFACE_OK[(gaz_id, surface, alt_ok)] = ok
    if not ok:
        return False
    # an organisation or outlet named after the place: "Kyiv Independent", "Washington Post"
    nxt = j + 1
    if nxt < len(toks):
        ns, ne = toks[nxt]
        between = text[e:ns]
        word = text[ns:ne]
        if (
            between in (" ", "-")
            and word[:1].isupper()
            and word.lower() in ORG_TAILS
            and (not any(r.how == "demonym" for r in readings) or word.lower() in OUTLET_TAILS)
            and not (text[s - 1 : s] in ("-", "–") and pact_noun(word))  # "the Nauru-Australia Treaty": both sides
        ):
            return False
        # "Martin-Baker", "Mota-Engil": a town's name joined to a word no table knows names a firm
        if between == "-" and _hyphenated_name(word, readings, gaz):
            return False
        # "UH-60 Black Hawk helicopters", "Hermes drones": a weapon system named like a town
        if (
            between == " " and all(r.id.startswith(("city:", "admin1:")) for r in readings) and weapon_ahead(text, ns)
        ) or (between == " " and _first_name(surface, word, readings, gaz)):
            return False
    if inside_longer_name(text, s, e, [r.id for r in readings], all(r.actor is None for r in readings)):
        return False
    # "Soviet-era depots": a time; "the French business newspaper La Tribune": where an outlet comes from;
    # "non-Russian fuel": what something is not
    demonym = any(r.how == "demonym" for r in readings)
    if text[e : e + 4] in ("-era", "‐era", " era") or (
        demonym and (_OUTLET_AFTER.match(text, e) or text[s - 4 : s] == "non-")
    ):
        return False
    # "SANA said": a short word in capitals that only towns bear is an acronym (a dateline aside)
    return not (
        surface.isupper()
        and len(surface) <= 5
        and all(r.actor is None and r.id.startswith("city:") for r in readings)
        and not _is_dateline(text, s, e)
    )


def _hyphenated_name(word: str, readings: tuple[Reading, ...], gaz: Gazetteer | None) -> bool:
    """A town joined by a hyphen to a capitalised word that names no place or actor ("Mota-Engil")."""
    return (
        gaz is not None
        and word[:1].isupper()
        and word[1:].islower()
        and word.lower() not in _COMPASS  # "the Calgary-North West riding": the town's district
        and all(r.actor is None and r.id.startswith(("city:", "admin1:")) for r in readings)
        and fold_key(word) not in _actor_forms()
        and not any(how != "alt" for _, how in gaz.candidates(word))
    )


def _first_name(surface: str, word: str, readings: tuple[Reading, ...], gaz: Gazetteer | None) -> bool:
    """A leader's one-word name before another name is someone's first name: "Petro Burkovskiy"."""
    return (
        gaz is not None
        and word[:1].isupper()
        and word[1:].islower()
        and " " not in surface
        and all(r.how == "leader" for r in readings)
        and word.lower() not in STOP_WORDS  # "Putin Tuesday said"
        and not _lookup(word, fold_key(word), _actor_forms(), gaz)
    )
