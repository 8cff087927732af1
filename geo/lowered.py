r"""Large case-insensitive patterns, run on a lower-cased copy of plain text: the same matches, sooner.

Python's :mod:`re` tries every branch of a case-insensitive alternation at each position in full,
while a case-sensitive branch is dropped at its first letter. A text whose characters are all ASCII
(curly quotes, dashes and the ellipsis aside, which have no case) keeps every offset and word
boundary when lower-cased, so the same pattern without ``re.I`` finds the same spans in the
lower-cased copy. Other texts are searched as they are.

>>> p = Lowered(re.compile(r"\b(?:the two countries|both sides)\b", re.I))
>>> [m.span() for m in p.finditer("The Two Countries met; both sides spoke.")]
[(0, 17), (23, 33)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["Lowered"]

# a character whose lower-casing or case-insensitive match may differ from plain ASCII's
_CASED_OTHER = re.compile(r"[^\x00-\x7f‘’“”–—…]")
# what a pattern may not hold: an upper-case letter (but escapes: \W, \S, \D, \B, \A, \Z), inline
# flags, a numbered character, a class with a range
_UNSAFE = re.compile(r"(?<!\\)[A-Z]|\(\?[aiLmsux-]|\\[xuUN0]|\[[^\]]*[^\\]-[^\]]")


class Lowered:
    """A case-insensitive pattern with a case-sensitive twin for plain text.

    The matches found in plain text are of its lower-cased copy: read their spans, or their text
    lower-cased.
    """

    __slots__ = ("insensitive", "sensitive")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE or _UNSAFE.search(pattern.pattern):
            raise ValueError(f"not a pattern of lower-case words: {pattern.pattern[:60]!r}")
        self.insensitive = pattern
        self.sensitive = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def _pick(self, text: str) -> tuple[re.Pattern[str], str]:
        if text.isascii() or _CASED_OTHER.search(text) is None:
            return self.sensitive, text.lower()
        return self.insensitive, text

    def search(self, text: str) -> re.Match[str] | None:
        """The first match in ``text``, as :meth:`re.Pattern.search` finds it."""
        pattern, text = self._pick(text)
        return pattern.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches in ``text``, as :meth:`re.Pattern.finditer` finds them."""
        pattern, text = self._pick(text)
        return pattern.finditer(text)
