"""Whether a town's name in running text is only a part of a longer name.

Towns lend their names to airports ("Aden Adde International Airport"),
institutions ("the Stockholm International Peace Research Institute",
"University of Tripoli"), weapon systems ("Harbin Z-9 helicopters", "UH-60
Black Hawk helicopters"), ship classes ("Aydın-class ships") and longer
names that go on past a particle ("Dar es Salaam"). Inside such a name the
town is not on the map. Read by :mod:`geo.mentions`, which knows the readings;
this module sees only the text and the readings' ids.

Examples
--------
>>> text = "It bought Harbin Z-9 helicopters."
>>> inside_longer_name(text, 10, 16, ["city:2037013"], no_actor=True)
True
>>> inside_longer_name("It flew to Harbin.", 11, 17, ["city:2037013"], no_actor=True)
False
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

# "Dar es Salaam", "Bab el-Mandeb": a short word whose name goes on past a particle
_NAME_GOES_ON = re.compile(r"[ -](?:es|el|al|as|ad|de|di|da|du|do|ul|ur|ar|en|la|le)[ -][A-Z]")
# "Harbin Z-9 helicopters", "Shenyang J-16": a maker's town before a designation names the system
_DESIGNATION_AFTER = re.compile(r" [A-Z]{1,3}-\d")
# "Aden Adde International Airport", "Harar Meda air base": an airfield named after a person or another place
_NAMED_AIRPORT = re.compile(
    r"(?:\s+(?!International\b|Air\b)[A-Z][a-z]+){1,2}\s+(?:International\s+)?(?:Airport|[Aa]ir\s+[Bb]ase|[Aa]irbase)\b"
)
# a run of capitalised words after a town's name that ends in an institution's noun
_INSTITUTION_AFTER = re.compile(r"(?: (?:[A-Z][a-z]+|for|of|and|on))+ (?:Institute|Foundation|Forum)\b")
# a university or college named after a person ("George Mason University"); not a state's own
# ("Colorado State University", "Florida Atlantic University"), which names the place
_NAMED_UNIVERSITY = re.compile(r" (?!State\b)[A-Z][a-z]+ (?:University|College)\b")
# "University of X", "Bank of X"
_INSTITUTION_OF = re.compile(
    r"\b(?:University|Institute|School|College|Bank|Museum|Academy|Observatory)\s+(?:of|for)\s+(?:the\s+)?$"
)
_CLASS_AFTER = re.compile(r"[- ]class\b")
# "the Eagle S", "Pacific A": a lone capital letter after a name (not an initial with its full stop) goes on the name
_LETTER_AFTER = re.compile(r" [A-Z](?![\w.’'-])")
# "Lancaster House", "Chatham House": a building named after a town, and what it names (a treaty, a think tank)
_HOUSE_AFTER = re.compile(r" House\b")
# "Hwasong-18", "Kinzhal-2": a name joined to a number by a hyphen designates a system or a unit
_NUMBER_AFTER = re.compile(r"[-‐]\d")
# "Abd al-Kuri", "Brak al-Shati", "the Al Salam contract": the last word of a longer name after an Arabic article
_ARTICLE_BEFORE = re.compile(r"[A-Z][\w'’]+ (?:(?:[Aa][lnrstdz]|[Aa]sh|[Ee]l)[-‐]|[Aa]l |[Ee]l )$")
_LOWER_WORDS = re.compile(r"((?:[a-z]+ ){0,2}[a-z]+)\b")
# the word before a run of capitalised words that ends where a name starts: "BRP Diego Silang"
_CAPS_RUN_BEFORE = re.compile(r"\b([\w]+) ((?:[A-Z][\w'’.-]* )*)$")
# a plural ship noun before a list of names: "the destroyers Noshiro and Uraga"
_LIST_GOES_ON = re.compile(r",? and |, ")
_SHIP_LIST_BEFORE = re.compile(r"\b([a-z]+s) (?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*(?:, (?:and )?| and ))+$")


def inside_longer_name(text: str, s: int, e: int, ids: Sequence[str], no_actor: bool) -> bool:
    """Whether the name at ``s:e``, with readings ``ids``, is only a part of a longer name.

    ``no_actor`` says that no reading is an actor's (a firm, a leader, a group).
    """
    cities = all(i.startswith("city:") for i in ids)
    towns = all(i.startswith(("city:", "admin1:")) for i in ids)
    if cities and ((e - s == 3 and _NAME_GOES_ON.match(text, e)) or _DESIGNATION_AFTER.match(text, e)):
        return True
    if cities and (
        _NUMBER_AFTER.match(text, e)
        or _LETTER_AFTER.match(text, e)
        or _HOUSE_AFTER.match(text, e)
        or _ARTICLE_BEFORE.search(text, max(0, s - 30), s)
    ):
        return True
    if _NAMED_AIRPORT.match(text, e):
        return True
    # "the Stockholm International Peace Research Institute", "George Mason University"
    if towns and text[e + 1 : e + 2].isupper() and _INSTITUTION_AFTER.match(text, e):
        return True
    if cities and _NAMED_UNIVERSITY.match(text, e):
        return True
    # "Aydın-class ships", "a Sandown class minehunter": a class of ships named after a town
    if no_actor and _CLASS_AFTER.match(text, e):
        return True
    # "University of X", "Bank of X": part of an institution's name; a state's bank is the state's
    # lender, though ("the Export-Import Bank of China")
    before = text[max(0, s - 40) : s]
    head = before.rstrip()
    inst = _INSTITUTION_OF.search(before) if head != before and head.endswith(("of", "for", "the")) else None
    return inst is not None and not (inst.group().startswith("Bank") and any(len(i) == 2 for i in ids))


class _Reading(Protocol):
    """What a ship check reads of a mention's reading (geo.mentions.Reading)."""

    @property
    def id(self) -> str: ...

    @property
    def actor(self) -> object: ...


def ship_name(text: str, start: int, end: int, readings: Sequence[_Reading]) -> bool:
    """Whether the name at ``start:end`` is (a word of) a ship's name.

    After its navy's prefix or a ship noun ("HMAS Stirling", "the tanker Eagle S"), also inside the
    ship's longer name ("BRP Diego Silang"); when its ``readings`` are only towns, also in a list after a plural
    ship noun ("the destroyers Noshiro and Uraga"), never a country ("submarines Australia buys")
    nor the subject of a clause on them ("the first warships Phnom Penh has received").
    """
    at = _ship_words_at(text)
    if not at or bisect_left(at, max(0, start - 60)) == bisect_left(at, start):
        return False  # no navy prefix or ship noun shortly before: most names in most texts
    from geo.data.wordlists import SHIP_PREFIXES

    town_only = all(r.actor is None and ":" in r.id for r in readings)
    before = text[max(0, start - 60) : start]
    run = _CAPS_RUN_BEFORE.search(before)
    words = [run.group(1), *run.group(2).split()] if run is not None else []
    if any(w in SHIP_PREFIXES for w in words):
        return True
    if town_only and words and words[0][:-1] in SHIP_PREFIXES and _LIST_GOES_ON.match(text, end):
        return True
    listed = _SHIP_LIST_BEFORE.search(before) if town_only else None
    return listed is not None and listed.group(1)[:-1] in SHIP_PREFIXES


@lru_cache(maxsize=8)
def _ship_words_at(text: str) -> list[int]:
    """Where the text holds a navy's prefix or a ship noun (singular or plural), in order."""
    return [m.start() for m in _ship_words().finditer(text)]


@lru_cache(maxsize=1)
def _ship_words() -> re.Pattern[str]:
    from geo.data.wordlists import SHIP_PREFIXES, alternation

    return re.compile(rf"\b(?:{alternation(SHIP_PREFIXES)})s?\b")


def pact_noun(word: str) -> bool:
    """Whether a word names a pact ("Treaty", "accord"): after a pair of states it is their own pact."""
    from geo.grammar import load_grammar

    return load_grammar().has("pact_nouns", word.lower())


def weapon_ahead(text: str, start: int) -> bool:
    """A weapon noun at ``start``, or after words that class weapons: "Bradley infantry fighting vehicles".

    Not "a Washington think tank": "think" classes no weapon.
    """
    run = _LOWER_WORDS.match(text, start)
    words = run.group(1).split() if run is not None else []
    for k, w in enumerate(words):
        if _weapon_noun(w):
            return True
        if k == len(words) - 1 or not _weapon_class(w):
            return False
    return False


def _weapon_class(word: str) -> bool:
    from geo.grammar import load_grammar

    return load_grammar().has("weapon_classes", word)


def _weapon_noun(word: str) -> bool:
    """Whether a lower-case word names a kind of weapon ("helicopters", "drones", "missiles")."""
    from geo.grammar import load_grammar

    return word.islower() and load_grammar().has("weapon_nouns", word)
