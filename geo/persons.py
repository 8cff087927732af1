"""People's names in running text, so that a surname which is also a town is not put on the map.

A name is two to four capitalised words introduced as a person: after a
title or role ("Defence Minister Anders Lund Berg", "President Elena
Castro", "analyst Martin Ibarra"), after a verb of saying ("said Ioana
Sora"), or before a verb of saying or an apposition that names a role
("Rosario Vega said"; "Amira Khair, a Sudanese analyst"). The name's last
words found again elsewhere ("Lund Berg told", "Lopez Mena questioned",
"Castro"), and the first two words of a longer name ("Hassan Sheikh" for "Hassan Sheikh
Mohamud"), are the same person. A title word inside a name after a title ("President Hassan
Sheikh Mohamud") is part of the name, and so are initials ("George W. Bush"). One word is a
name after a capitalised title ("President Bush") or a family noun ("his brother Selcuk"),
and a wire story's credit line holds names ("Reporting by Lena Ortiz and Kerem Aydin").

Examples
--------
>>> text = 'Defence Minister Anders Lund Berg said so. "Enough," Lund Berg added.'
>>> [text[s:e] for s, e, _ in person_spans(text)]
['Anders Lund Berg', 'Lund Berg']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from geo.data.wordlists import (
    AFTER_PLACE_WORDS,
    BEFORE_PLACE_WORDS,
    KIN_NOUNS,
    ONE_WORD_TITLES,
    PERSON_TITLES,
    STOP_WORDS,
    alternation,
)

# Latin letters with their accented forms ("Cárdenas", "Özdemir", "Ştefan")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
_LOWER = "a-zß-öø-ÿĀ-ž"
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)?"
# initials inside a name, never at its ends: "George W. Bush", "Lt Gen SM Kamrul Hassan"
_INITIALS = rf"(?:[{_UPPER}]\.|[{_UPPER}]{{2,3}}(?= {_WORD}))"
# a run of capitalised words: the first letter is matched before the look-behind (the first word's own
# letters are spelt out), which lets the search skip to the next capital letter
_RUN = re.compile(
    rf"[{_UPPER}](?<![\w'’.-].)[{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)?(?: (?:{_INITIALS} )*{_WORD})*(?![\w'’-])"
)
# a dotted initial between two names is a person's middle initial: "Franklin D. Roosevelt", "Gerald R. Ford"
_MIDDLE_INITIAL = re.compile(rf"[{_LOWER}] [{_UPPER}]\. [{_UPPER}]")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|according to|added|wrote|asked)\s+$")
_SAID_AFTER = re.compile(r",?\s+(?:said|says|told|added|wrote|announced|noted)\b")
# a wire story's credit line: "(Reporting by Salma Idris and Kerem Aydin; Editing by Peter Graff)"
_CREDIT = re.compile(r"\((?:[A-Z]\w+ )?(?:[Rr]eporting|[Ww]riting|[Ee]diting) by [^()]{3,300}\)")
_OWNER_END = re.compile(r"(?:\b[Hh]is|\b[Hh]er|\b[Tt]heir|['’]s)$")  # "his brother", "Erdogan's son-in-law"
_POSSESSIVE = re.compile(r"['’]s\b")
_CREDIT_NAME_BEFORE = re.compile(r"(?:\bby|\band|[,;(])\s+$")
_APPOSITION = re.compile(r",\s+(?:a|an|the)((?:\s+[\w'’-]+){1,5})")
_TITLE_BEFORE = re.compile(r"\b([A-Za-z][a-z-]+)\.?,?\s+(?:(?:of|for)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?)?$")

Span = tuple[int, int, bool]
"""(start, end, whole): ``whole`` is False for a surname found again, which is never a place."""


def is_title(word: str) -> bool:
    """Whether a word is a title or office that introduces a name ("Minister", "Gen.", "then-president")."""
    word = word.lower().rstrip(".")
    return word in PERSON_TITLES or (word.startswith(("then-", "ex-")) and word.split("-", 1)[1] in PERSON_TITLES)


def _name_start(text: str, run: re.Match[str]) -> tuple[int, bool]:
    """Where the name inside a capitalised run begins, and whether a title inside the run introduced it."""
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", run.group(0))]
    start, titled, starts = 0, False, [0]
    for i, (s, e) in enumerate(tokens):
        word = run.group(0)[s:e]
        if is_title(word) or word in AFTER_PLACE_WORDS or word in BEFORE_PLACE_WORDS or word.lower() in STOP_WORDS:
            start, titled = i + 1, titled or is_title(word)
            starts.append(start)
    if len(starts) > 2 and len(tokens) - start == 1 and starts[-1] - starts[-2] > 1:
        start = starts[-2]  # "President Hassan Sheikh Mohamud": a title word inside the name is part of it
    if start >= len(tokens):
        return -1, titled
    return run.start() + tokens[start][0], titled


def _role_after(text: str, pos: int) -> bool:
    """Whether an apposition naming a role follows: ", a Sudanese analyst", ", the president of"."""
    m = _APPOSITION.match(text, pos)
    if m is None:
        return False
    return any(is_title(w) for w in m.group(1).split())


@lru_cache(maxsize=1)
def _kin_before() -> re.Pattern[str]:
    """A family noun before a capitalised word (" brother ", " son-in-law "); its owner is checked after."""
    return re.compile(rf" (?:{alternation(KIN_NOUNS)}) (?=[{_UPPER}])")


def _introduced(text: str, run: re.Match[str], start: int, titled: bool, credits: list[tuple[int, int]]) -> bool:
    """Whether a cue introduces the name that starts at ``start`` in ``run`` as a person's."""
    before = text[max(0, start - 30) : start]
    title = _TITLE_BEFORE.search(text[max(0, run.start() - 40) : run.start()])
    return bool(
        titled
        # "Sen. Marco Rubio"; "Secretary of State John Kerry" but not "the mayor of Los Angeles Eric Garcetti"
        or (
            title is not None and is_title(title.group(1)) and (start > run.start() or len(title.group(0).split()) == 1)
        )
        or (start == run.start() and _SAID_BEFORE.search(before))
        or _SAID_AFTER.match(text, run.end())
        or _role_after(text, run.end())
        or (
            any(a < start and run.end() < b for a, b in credits)
            and _CREDIT_NAME_BEFORE.search(text, max(0, start - 5), start) is not None
        )
    )


def person_spans(text: str) -> list[Span]:
    """Spans of people's names in ``text``, in text order (see the module docstring)."""
    found: list[Span] = []
    tails: set[str] = set()
    credits = [m.span() for m in _CREDIT.finditer(text)]
    kin = {m.end() for m in _kin_before().finditer(text) if _OWNER_END.search(text, max(0, m.start() - 8), m.start())}
    for run in _RUN.finditer(text):
        if " " not in run.group(0):  # one word: a name needs two, and most runs are one
            if run.start() in kin:  # "his brother Selcuk"
                found.append((run.start(), run.end(), False))
                tails.add(run.group(0))
            continue
        start, titled = _name_start(text, run)
        middle = _MIDDLE_INITIAL.search(run.group(0))
        if middle is not None:  # "Franklin D. Roosevelt": the given name before the initial is the name's too
            given = run.start() + run.group(0).rfind(" ", 0, middle.start()) + 1
            start = given if start < 0 else min(start, given)
        if start < 0:
            continue
        name = text[start : run.end()]
        if " " not in name:
            title = text[run.start() : start].split()[-1:]
            if titled and title and title[0].lower().rstrip(".") in ONE_WORD_TITLES:  # "President Bush", "Gen. Haftar"
                found.append((start, run.end(), False))
                tails.add(name)
            continue
        if middle is not None or _introduced(text, run, start, titled, credits):  # a middle initial names a person
            found.append((start, run.end(), True))
            words = name.split(" ")
            tails.update(" ".join(words[i:]) for i in range(1, len(words)))
            if len(words) >= 3:
                tails.add(" ".join(words[:2]))  # "Hassan Sheikh Mohamud" ... "Hassan Sheikh": the given names
    return _found_again(text, found, tails)


def _found_again(text: str, found: list[Span], tails: set[str]) -> list[Span]:
    """``found`` with each later use of a name's last words (``tails``) added as a span that is no place."""
    if not tails:
        return found
    starts = [s for s, _, _ in found]  # the names found are disjoint and in text order
    if len(tails) > 12:  # many names (a long text): one pass of a pattern beats a search per name
        again = re.compile(rf"(?<![\w'’-])(?:{alternation(tails)})(?![\w-]|['’](?!s\b))")  # "Morales's": his
        for m in again.finditer(text):
            k = bisect_right(starts, m.start()) - 1
            if k < 0 or found[k][1] < m.end():
                found.append((m.start(), m.end(), False))
        return sorted(found)
    taken: list[tuple[int, int]] = []  # a few names: a search per name, no pattern to compile
    for tail in sorted(tails, key=len, reverse=True):  # longest first, as an alternation would match
        at = text.find(tail)
        while at >= 0:
            end = at + len(tail)
            whole = (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or _name_ends(text, end))
            k = bisect_right(starts, at) - 1
            if whole and (k < 0 or found[k][1] < end) and not any(a < end and at < b for a, b in taken):
                taken.append((at, end))
            at = text.find(tail, at + 1)
    return sorted(found + [(a, b, False) for a, b in taken])


def _name_ends(text: str, end: int) -> bool:
    """A name ends at ``end``: no word goes on there, or only its possessive ("Morales's wing")."""
    return not _word_char(text[end]) or _POSSESSIVE.match(text, end) is not None


def _word_char(c: str) -> bool:
    """A character that continues a word ("Berg" in "Bergen", "O'Neil")."""
    return c.isalnum() or c == "_" or c in "'’-"
