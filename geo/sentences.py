"""Sentence splitting for English news text, by rules.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or
brackets) followed by white space and an upper-case letter, a digit or an
opening quote, unless the full stop belongs to an abbreviation ("U.S.",
"Mr.", "Gen.", "No. 5"), an initial ("John F. Kennedy") or a decimal. A
blank line or a line break before a short heading always ends a sentence.

Examples
--------
>>> text = 'Mr. Smith met Gen. Lee in the U.S. on Monday. "We agreed," he said.'
>>> [text[s:e] for s, e in split_sentences(text)]
['Mr. Smith met Gen. Lee in the U.S. on Monday.', '"We agreed," he said.']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from geo.data.wordlists import ABBREVIATIONS

_CANDIDATE = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s)|\n[ \t]*\n""")
_NEXT_START = re.compile(r"""\s+(?=["'“‘(\[]?[A-Z0-9À-Þ])""")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``.

    Parameters
    ----------
    text : str
        Any text; offsets refer to it unchanged.

    Returns
    -------
    list of (start, end)
        Spans with surrounding white space trimmed, in order.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        if m.group().startswith("\n"):
            _add(text, start, m.start(), spans)
            start = end
            continue
        # no capital next: not an end, unless a line break follows (lists, captions)
        if not _NEXT_START.match(text, end) and "\n" not in text[end : end + 3]:
            continue
        if m.group()[0] == "." and _is_abbreviation(text, m.start()):
            continue
        _add(text, start, end, spans)
        start = end
    if start < n:
        _add(text, start, n, spans)
    return _split_headlines(text, spans)


def sentence_around(text: str, sentences: Sequence[tuple[int, int]], start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``start`` (else the first one reaching into ``end``).

    ``sentences`` are ``text``'s spans from :func:`split_sentences`; the sentence is found by
    bisection, as a long article quotes the same few sentences tens of thousands of times. A
    stretch outside every sentence (white space between two) is quoted with 120 characters
    either side.

    Examples
    --------
    >>> text = "Turkey sold drones. Ukraine bought them."
    >>> sentence_around(text, split_sentences(text), 20, 27)
    'Ukraine bought them.'
    """
    i = bisect_right(sentences, start, key=lambda se: se[0]) - 1
    if i >= 0 and start < sentences[i][1]:
        return text[sentences[i][0] : sentences[i][1]]
    j = bisect_left(sentences, end, key=lambda se: se[1])
    if j < len(sentences) and sentences[j][0] < end:
        return text[sentences[j][0] : sentences[j][1]]
    return text[max(0, start - 120) : end + 120]


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "John F. Kennedy"
    low = word.lower().rstrip(".")
    if low in ABBREVIATIONS:
        # "U.S." ends a sentence only when a clearly new sentence follows; keep it joined
        # unless the next word is a typical sentence opener.
        if low in {"u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "etc", "p.m", "a.m"}:
            nxt = re.match(r"\s+[\"“]?([A-Z][a-z]+)", text[dot + 1 : dot + 20])
            return not (nxt and nxt.group(1) in _OPENERS)
        return True
    return False


_OPENERS = frozenset(
    [
        "The",
        "A",
        "An",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "In",
        "On",
        "At",
        "But",
        "And",
        "However",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "After",
        "Before",
        "When",
        "While",
        "Since",
        "As",
        "If",
        "Although",
        "Meanwhile",
        "Officials",
        "Last",
        "Earlier",
        "Later",
    ]
)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _split_headlines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split spans at single line breaks that follow a line without final punctuation."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        chunk = text[s:e]
        if "\n" not in chunk:
            out.append((s, e))
            continue
        pos = s
        for line in re.finditer(r"[^\n]*\n", chunk):
            body = line.group().rstrip()
            if body and not re.search(r"[,;:\-–—(]$", body) and (len(body) < 120 or re.search(r"""[.!?"”']$""", body)):
                _add(text, pos, s + line.end(), out)
                pos = s + line.end()
        _add(text, pos, e, out)
    return out
