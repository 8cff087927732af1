"""Sentences read again in the same context: an article that repeats itself is read once.

Pasted pages, feeds and scraped archives often carry the same paragraphs many times over
(a 2 MB paste of a few sentences repeated must read in seconds). A sentence gives the same
findings and leaves the same :class:`~geo.clauses.Context` each time it is read in the same
context, so :func:`relations_in` remembers what its second reading found and changed, and
replays that from the third reading on.
"""

from __future__ import annotations

from dataclasses import fields

from geo.clauses import Context
from geo.relations import Anchor, Finding, find_relations

__all__ = ["relations_in"]

_MEMO_SIZE = 4096
_COUNTS = ("mentions", "suppliers")  # the Context fields of running counts, read only through their order
_FIELDS = tuple(f.name for f in fields(Context))
_KEPT = tuple(name for name in _FIELDS if name not in _COUNTS)  # the fields a replay sets as they were left


def _frozen(value):
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    if isinstance(value, list | set):
        return tuple(value)
    return value


def _copy(value):
    """A copy of a Context field (lists and dicts of ids and counts: one level deep)."""
    if isinstance(value, list | dict | set):
        return type(value)(value)
    return value


def _context_key(context: Context) -> tuple:
    """Everything of ``context`` that can change what a sentence yields, hashable.

    The running counts enter only as the order :meth:`Context.focus` ranks the actors in
    (their values grow with every sentence, the order soon stops changing).
    """
    out = []
    for name in _FIELDS:
        value = getattr(context, name)
        if name == "mentions":
            rank = {a: n for n, a in enumerate(context.actors)}
            value = tuple(sorted(context.actors, key=lambda i: context.mentions.get(i, 0) + rank[i] / 100))
        elif name == "suppliers":
            value = tuple(context.ranked_suppliers())
        out.append(_frozen(value))
    return tuple(out)


def relations_in(sentence: str, anchors: list[Anchor], context: Context, memo: dict) -> list[Finding]:
    """:func:`geo.relations.find_relations`, remembered for a sentence read again in the same context.

    An article that repeats a sentence gives the same findings and leaves the same context
    each time (findings are frozen); from the third time on only the context's change is
    replayed: the fields as the second reading left them, the counts raised by as much. A
    sentence met for the first time is only noted, since most sentences come once and
    freezing the context for each would cost more than it saves; in a long paste (``memo["long"]``,
    set by the caller) every sentence is kept from its first reading, as repeats are likely there.
    """
    text_key = (sentence, tuple(anchors))
    seen = memo.setdefault("seen", set())
    if text_key not in seen and not memo.get("long"):  # most sentences come once: nothing to keep
        if len(seen) >= _MEMO_SIZE:
            seen.clear()
        seen.add(text_key)
        return find_relations(sentence, anchors, context=context)
    key = (*text_key, _context_key(context))
    hit = memo.get(key)
    if hit is None:
        before = {name: dict(getattr(context, name)) for name in _COUNTS}
        findings = tuple(find_relations(sentence, anchors, context=context))
        after = {name: _copy(getattr(context, name)) for name in _KEPT}
        added = {
            name: {
                c: n - before[name].get(c, 0) for c, n in getattr(context, name).items() if n != before[name].get(c, 0)
            }
            for name in _COUNTS
        }
        if len(memo) >= _MEMO_SIZE:
            long = memo.get("long", False)
            memo.clear()
            memo["long"] = long  # the caller's flag for this document outlives the entries
        memo[key] = (findings, after, added)
        return list(findings)
    findings, after, added = hit
    for name, value in after.items():
        setattr(context, name, _copy(value))
    for name, grown in added.items():
        counts = getattr(context, name)
        for c, n in grown.items():
            counts[c] = counts.get(c, 0) + n
    return list(findings)
