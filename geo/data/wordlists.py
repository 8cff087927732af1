"""geobrief's word lists, read from the files in ``geo/data/words/``.

Each list is a plain text file a reviewer can read and edit: one entry a
line (``.txt``) or two tab-separated columns (``.tsv``), ``#`` comments, and
a header saying what the list is for, who reads it and where it comes from
(all are written by hand for geobrief, CC0 1.0, in the manner of spaCy's
``lang/en/stop_words.py``). A file is read once, on first use.

The upper-case names (``STOP_WORDS``, ``NUMBER_WORDS``, …) are the lists as
the extractor uses them, loaded when first asked for.

Examples
--------
>>> "monday" in words("stop_words")
True
>>> table("number_words")["a dozen"]
'12'
>>> from geo.data.wordlists import NUMBER_WORDS
>>> NUMBER_WORDS["a dozen"]
12
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any


def _lines(file_name: str) -> list[str]:
    text = resources.files("geo.data").joinpath("words").joinpath(file_name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def alternation(words: Iterable[str]) -> str:
    """The entries as one regular-expression alternation, escaped, longest first (so "air base" beats "air").

    >>> import re
    >>> re.match(alternation(["air", "air base", "U.S."]), "air base").group()
    'air base'
    """
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@cache
def ordered_words(name: str) -> tuple[str, ...]:
    """The entries of ``geo/data/words/<name>.txt``, in the file's order."""
    return tuple(_lines(f"{name}.txt"))


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``geo/data/words/<name>.txt`` as a set."""
    return frozenset(ordered_words(name))


@cache
def table(name: str) -> dict[str, str]:
    """The two columns of ``geo/data/words/<name>.tsv`` as a dict, in the file's order."""
    out: dict[str, str] = {}
    for line in _lines(f"{name}.tsv"):
        key, sep, value = line.partition("\t")
        if not sep:
            raise ValueError(f"geo/data/words/{name}.tsv: {line!r} has no tab between its two columns")
        out[key.strip()] = value.strip()
    return out


if TYPE_CHECKING:  # what each name below is, for the type checker and the compiler (bench/compiled.md)
    STOP_WORDS: frozenset[str]
    PERSON_PLACES: frozenset[str]
    ORG_TAILS: frozenset[str]
    CONCESSION_NOUNS: frozenset[str]
    OUTLET_TAILS: frozenset[str]
    OUTLET_NOUNS: frozenset[str]
    TOWN_LOCATIVES: frozenset[str]
    ENTITIES_AS_SIDES: frozenset[str]
    SHIP_PREFIXES: frozenset[str]
    ABSTRACT_OBJECTS: frozenset[str]
    FORMATION_NOUNS: frozenset[str]
    CONNECTORS: frozenset[str]
    ABBREVIATIONS: frozenset[str]
    GENERIC_NAMES: frozenset[str]
    BEFORE_PLACE_WORDS: frozenset[str]
    AFTER_PLACE_WORDS: frozenset[str]
    PERSON_TITLES: frozenset[str]
    KIN_NOUNS: frozenset[str]
    ONE_WORD_TITLES: frozenset[str]
    FAMILY_NAME_FIRST: frozenset[str]
    BLOCS_ACTING_AS_ONE: frozenset[str]
    TERRITORIES_READ_AS_DISPUTED: frozenset[str]
    CONTINENT_ADJECTIVES: frozenset[str]
    FIRM_TAILS: frozenset[str]
    SITE_NOUNS: frozenset[str]
    FACILITY_NOUNS: frozenset[str]
    SEA_MODIFIED_NOUNS: frozenset[str]
    FEATURE_NOUN_SEAS: frozenset[str]
    CURRENCY_NOUNS: frozenset[str]
    OFFICES: dict[str, str]
    INTEGRAL_TERRITORIES: dict[str, str]
    GOVERNMENT_SEATS: dict[str, str]
    ITEM_HEADS: tuple[str, ...]
    POSTAL_ABBREVIATIONS: dict[str, str]
    NUMBER_WORDS: dict[str, int]
    ITEM_SYNONYMS: dict[str, str]

_LISTS: dict[str, Any] = {
    "STOP_WORDS": lambda: words("stop_words"),
    "PERSON_PLACES": lambda: words("person_places"),
    "ORG_TAILS": lambda: words("org_tails"),
    "CONCESSION_NOUNS": lambda: words("concession_nouns"),
    "OUTLET_TAILS": lambda: words("outlet_tails"),
    "OUTLET_NOUNS": lambda: words("outlet_nouns"),
    "TOWN_LOCATIVES": lambda: words("town_locatives"),
    "ENTITIES_AS_SIDES": lambda: words("entities_as_sides"),
    "SHIP_PREFIXES": lambda: words("ship_prefixes"),
    "ABSTRACT_OBJECTS": lambda: words("abstract_objects"),
    "FORMATION_NOUNS": lambda: words("formation_nouns"),
    "CONNECTORS": lambda: words("connectors"),
    "ABBREVIATIONS": lambda: words("abbreviations"),
    "GENERIC_NAMES": lambda: words("generic_names"),
    "BEFORE_PLACE_WORDS": lambda: words("before_place_words"),
    "AFTER_PLACE_WORDS": lambda: words("after_place_words"),
    "PERSON_TITLES": lambda: words("person_titles"),
    "KIN_NOUNS": lambda: words("kin_nouns"),
    "ONE_WORD_TITLES": lambda: words("one_word_titles"),
    "FAMILY_NAME_FIRST": lambda: words("family_name_first"),
    "BLOCS_ACTING_AS_ONE": lambda: words("blocs_acting_as_one"),
    "TERRITORIES_READ_AS_DISPUTED": lambda: words("territories_read_as_disputed"),
    "CONTINENT_ADJECTIVES": lambda: words("continent_adjectives"),
    "FIRM_TAILS": lambda: words("firm_tails"),
    "SITE_NOUNS": lambda: words("site_nouns"),
    "FACILITY_NOUNS": lambda: words("facility_nouns"),
    "SEA_MODIFIED_NOUNS": lambda: words("sea_modified_nouns"),
    "FEATURE_NOUN_SEAS": lambda: words("feature_noun_seas"),
    "CURRENCY_NOUNS": lambda: words("currency_nouns"),
    "OFFICES": lambda: table("offices"),
    "INTEGRAL_TERRITORIES": lambda: table("integral_territories"),
    "GOVERNMENT_SEATS": lambda: {k: v.split("\t")[0] for k, v in table("government_seats").items()},
    "ITEM_HEADS": lambda: ordered_words("item_heads"),
    "POSTAL_ABBREVIATIONS": lambda: table("postal_abbreviations"),
    "NUMBER_WORDS": lambda: {k: int(v) for k, v in table("number_words").items()},
    "ITEM_SYNONYMS": lambda: table("item_synonyms"),
}


_LOADED: dict[str, Any] = {}


def __getattr__(name: str) -> Any:
    """The word list called ``name`` (``STOP_WORDS``, …), read on first use."""
    if name not in _LISTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name not in _LOADED:
        _LOADED[name] = _LISTS[name]()
    return _LOADED[name]
