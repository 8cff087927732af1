"""Dates of articles: a ``date`` field as given, or the first date the text states.

Only whole dates (day, month and year) count: "March 2009" or "on Monday"
say too little to place an article on a timeline. Month names are
English, from the standard library's ``calendar`` module (the C locale
Python starts in), so there is no word list to keep here; a month may be
shortened to any prefix of three letters or more ("Sept.", "Dec").

Examples
--------
>>> parse_date("2009-03-20 12:24:52.002364-05")
'2009-03-20'
>>> parse_date("20 March 2009")
'2009-03-20'
>>> find_date("ANKARA, Dec. 19, 2016 (AP) - A Turkish policeman shot ...")
'2016-12-19'
>>> find_date("No date in here, only 2016.") is None
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache, lru_cache

#: years outside this range are taken for numbers, not dates
FIRST_YEAR, LAST_YEAR = 1900, 2099
#: how far into a text :func:`find_date` looks (characters): datelines and bylines come first
SCAN_CHARS = 20_000


class DateError(ValueError):
    """A ``date`` value that is not a date; the message says what was expected."""


@cache
def _months() -> tuple[str, ...]:
    return tuple(name.lower() for name in calendar.month_name[1:])


def month_number(word: str) -> int | None:
    """The month a word names (1–12), or None; any prefix of 3+ letters counts.

    Examples
    --------
    >>> month_number("Sept."), month_number("may"), month_number("Mars")
    (9, 5, None)
    """
    word = word.rstrip(".").lower()
    if len(word) < 3:
        return None
    for i, name in enumerate(_months(), start=1):
        if name.startswith(word):
            return i
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_MONTH = r"([A-Za-z]{3,9}\.?)"
_ISO_RE = re.compile(r"(?<![\d-])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])")
# "March 20, 2009", "Mar. 20 2009", "Friday, March 20th, 2009"
_MDY_RE = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)")
# "20 March 2009", "20th of March, 2009"
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(\d{4})(?!\d)")
# "2016 Oct 10"
_YMD_RE = re.compile(r"(?<!\d)(\d{4})\s+" + _MONTH + r"\s+(\d{1,2})(?!\d)")


def _candidates(text: str):
    """(position, ISO date) for every whole date written in ``text``."""
    for m in _ISO_RE.finditer(text):
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            yield m.start(), iso
    for m in _MDY_RE.finditer(text):
        month = month_number(m.group(1))
        iso = _iso(int(m.group(3)), month, int(m.group(2))) if month else None
        if iso:
            yield m.start(), iso
    for m in _DMY_RE.finditer(text):
        month = month_number(m.group(2))
        iso = _iso(int(m.group(3)), month, int(m.group(1))) if month else None
        if iso:
            yield m.start(), iso
    for m in _YMD_RE.finditer(text):
        month = month_number(m.group(2))
        iso = _iso(int(m.group(1)), month, int(m.group(3))) if month else None
        if iso:
            yield m.start(), iso


def find_date(text: str) -> str | None:
    """The first whole date an article's text states (its dateline, usually), as ISO.

    Parameters
    ----------
    text : str
        The article's text; only its first `SCAN_CHARS` characters are read.

    Returns
    -------
    str or None
        ``YYYY-MM-DD``, or None when the text states no whole date.
    """
    found = min(_candidates(text[:SCAN_CHARS]), default=None)
    return None if found is None else found[1]


def parse_date(value: object) -> str:
    """A ``date`` field as an ISO date.

    Accepts ISO dates and timestamps (``2009-03-20``, ``2009-03-20T12:24:52Z``,
    ``2009/03/20``) and any field that writes exactly one whole date among
    times and zones, as feeds do (``Wed Nov 23, 2016 | 4:58pm EST``,
    ``20 March 2009``, ``2016 Oct 10``). Numeric day/month orders
    (``11/28/2016``) are refused: which number is the month is a guess.

    Raises
    ------
    DateError
        For anything else, with a message that quotes the value.

    Examples
    --------
    >>> parse_date("Wed Nov 23, 2016 | 4:58pm EST")
    '2016-11-23'
    """
    if not isinstance(value, str):
        raise DateError(f"date {value!r:.40} is not text (YYYY-MM-DD expected)")
    text = value.strip()
    m = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][0-9:.,]+(?:Z|[+-]\d{1,2}(?::?\d{2})?)?)?", text)
    if m:
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            return iso
        raise DateError(f"date {value!r:.40} is not a day of the calendar")
    found = {iso for _, iso in _candidates(text[:200])}
    if len(found) == 1:
        return found.pop()
    if found:
        raise DateError(f"date {value!r:.40} names several days")
    if re.search(r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?!\d)", text):
        raise DateError(f"date {value!r:.40} gives day and month as numbers, in an order one can only guess")
    raise DateError(f"date {value!r:.40} is not a date (YYYY-MM-DD expected)")


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_MONTH_YEAR = re.compile(r"([A-Za-z]{3,9})\.?\s+(?:\d{1,2},?\s+)?(1[89]\d\d|20\d\d)(?!\d)")


@lru_cache(maxsize=4096)
def statement_date(text: str | None) -> str | None:
    """A relation's own date (``Relation.date``, words from its sentence) as a sortable ISO prefix.

    A whole date gives ``YYYY-MM-DD``, a month ``YYYY-MM``, a year ``YYYY``;
    words without a year ("last year") give None.

    Examples
    --------
    >>> statement_date("in 1970"), statement_date("since April 2023"), statement_date("March 5, 2022")
    ('1970', '2023-04', '2022-03-05')
    >>> statement_date("last year") is None
    True
    """
    if not text:
        return None
    whole = find_date(text)
    if whole:
        return whole
    m = _MONTH_YEAR.search(text)
    if m and month_number(m.group(1)):
        return f"{m.group(2)}-{month_number(m.group(1)):02d}"
    m = _YEAR.search(text)
    return m.group(1) if m else None
