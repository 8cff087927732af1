"""JSON as every reader accepts it: no NaN or Infinity out, no unbounded numbers or nesting in.

Python's :mod:`json` writes ``NaN`` and ``Infinity`` (which no other JSON
reader accepts) and reads them back, turns a 5000-digit number into a
``ValueError`` and a 100,000-level nesting into a ``RecursionError``.
:func:`dumps` refuses the first, :func:`loads` turns the others into a
:class:`JSONLimitError` with a one-line reason.

Examples
--------
>>> loads('{"a": [1, 2.5]}')
{'a': [1, 2.5]}
>>> loads('{"a": NaN}')
Traceback (most recent call last):
...
geo.strict_json.JSONLimitError: NaN is not a JSON number
>>> dumps({"a": float("inf")})
Traceback (most recent call last):
...
ValueError: Out of range float values are not JSON compliant
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from geo.limits import MAX_INTEGER, MAX_NUMBER_CHARS, decode_marked


class JSONLimitError(ValueError):
    """JSON text that is valid for Python but not for geobrief; the message says why."""


def _constant(name: str) -> Any:
    raise JSONLimitError(f"{name} is not a JSON number")


def _integer(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise JSONLimitError(
            f"a number of {len(text)} digits is out of range (at most {MAX_INTEGER} in absolute value)"
        )
    value = int(text)
    if abs(value) > MAX_INTEGER:
        raise JSONLimitError(f"the number {text} is out of range (at most {MAX_INTEGER} in absolute value)")
    return value


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise JSONLimitError(f"a number written with {len(text)} characters is out of range")
    value = float(text)
    if not math.isfinite(value):
        raise JSONLimitError(f"the number {text} is out of range")
    return value


def decode(data: bytes) -> str:
    """JSON bytes as text: UTF-8, or UTF-8/16/32 with a byte-order mark.

    Raises
    ------
    JSONLimitError
        Neither.
    """
    encoding, body = decode_marked(data)
    try:
        return body.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        raise JSONLimitError(f"the file is not {(encoding or 'utf-8').upper()} text") from exc


def loads(text: str | bytes) -> Any:
    """Parse JSON strictly: no NaN/Infinity, numbers within :data:`geo.limits.MAX_INTEGER`.

    Raises
    ------
    JSONLimitError
        A constant, a number out of range, or nesting deeper than the parser can follow.
    json.JSONDecodeError
        Not JSON at all.
    """
    if isinstance(text, bytes):
        text = decode(text)
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text, parse_constant=_constant, parse_int=_integer, parse_float=_float)
    except RecursionError:
        raise JSONLimitError("its arrays and objects are nested far too deeply") from None


def dumps(obj: Any, **kwargs: Any) -> str:
    """:func:`json.dumps` that refuses NaN and infinities (``ValueError``) and keeps UTF-8 characters."""
    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(obj, allow_nan=False, **kwargs)


def depth(value: Any, limit: int) -> int:
    """How deeply ``value`` nests lists and dicts, counting no further than ``limit + 1``.

    Examples
    --------
    >>> depth([[1], {"a": [2]}], 10)
    3
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        children: Iterable[Any]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return deepest
