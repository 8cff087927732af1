"""What an aggregated arc says in its popup: how many documents, since when, which ones.

Corpus relations (``Relation.support`` set, see :mod:`geo.aggregate`) list
their supporting documents and quotes here: the quoted statements, newest
first, with their document's title and date, then the ids of every other
supporting document. All article text is escaped.

Examples
--------
>>> from geo.scene import Relation, Support
>>> rel = Relation("r", "conflict", "RU", "UA", support=Support(3, 4, "2024-01-02", "2024-03-04"))
>>> support_facts(rel)
['3 documents, 4 statements', 'reported 2024-01-02 – 2024-03-04']
"""

from __future__ import annotations

from geo.scene import Relation, Scene
from layers.feature import esc, evidence_html, shorten

#: how many other supporting documents a popup names (the GeoJSON and the Scene keep them all)
LISTED_DOCUMENTS = 40


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def support_facts(rel: Relation) -> list[str]:
    """Short lines on a relation's support: counts, dates, a transfer's status history."""
    sup = rel.support
    if sup is None:
        return []
    facts = [f"{_plural(sup.documents, 'document')}, {_plural(sup.statements, 'statement')}"]
    if sup.first_date:
        span = sup.first_date if sup.first_date == sup.last_date else f"{sup.first_date} – {sup.last_date}"
        facts.append(f"reported {span}" + (f" (and {sup.undated:,} undated)" if sup.undated else ""))
    elif sup.undated:
        facts.append("no dated report")
    if sup.history:
        steps = []
        for h in sup.history:
            when = f"from {h.first_date}" if h.first_date else "undated"
            steps.append(f"{h.status} {when} ({_plural(h.documents, 'doc')})")
        facts.append("history: " + " → ".join(steps))
    return facts


def support_popup(scene: Scene, rel: Relation, title: str, facts: list[str], note: str = "") -> str:
    """The popup of an aggregated arc: facts, quotes with their documents, other document ids."""
    sup = rel.support
    parts = [f'<div class="gb-pop"><div class="gb-pop-title">{esc(title)}</div>']
    lines = [f for f in facts if f] + support_facts(rel)
    for line in lines:
        parts.append(f'<div class="gb-pop-facts">{esc(line)}</div>')
    evidence = []
    for span in rel.evidence:
        doc = scene.document(span.doc)
        where = doc.title if doc is not None else span.doc
        if doc is not None and doc.date:
            where = f"{where} · {doc.date}"
        evidence.append((shorten(span.text), where))
    parts.append(evidence_html(evidence))
    others = sup.other_documents if sup is not None else ()
    if others:
        shown = ", ".join(others[:LISTED_DOCUMENTS])
        more = len(others) - LISTED_DOCUMENTS
        parts.append(
            f'<div class="gb-pop-note gb-pop-docs" style="max-height: 7em; overflow-y: auto;">'
            f"Also reported in {esc(_plural(len(others), 'document'))}: {esc(shown)}"
            + (esc(f" … and {more:,} more") if more > 0 else "")
            + "</div>"
        )
    if note:
        parts.append(f'<div class="gb-pop-note">{esc(note)}</div>')
    parts.append("</div>")
    return "".join(parts)
