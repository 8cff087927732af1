"""A small example Scene for the documentation's runnable examples (as spaCy ships ``lang/en/examples``).

It is what :func:`geo.extract.extract` gives for one sentence, written out
by hand so that examples run without the gazetteer: Turkey sold 12 Bayraktar
TB2 drones to Ukraine.

Examples
--------
>>> scene = example_scene()
>>> [(p.id, p.name) for p in scene.places]
[('TR', 'Turkey'), ('UA', 'Ukraine')]
>>> rel = scene.relations[0]
>>> (rel.kind, rel.source, rel.target, rel.item, rel.quantity)
('transfer', 'TR', 'UA', 'Bayraktar TB2', 12)
"""

from __future__ import annotations

from geo.scene import Document, Place, Relation, Scene, Span

EXAMPLE_TEXT = "Turkey sold 12 Bayraktar TB2 drones to Ukraine."


def example_scene() -> Scene:
    """Turkey → Ukraine: one delivered transfer of 12 TB2 drones, with its sentence."""
    doc = Document(id="d1", title="Drone deal", text=EXAMPLE_TEXT)
    sentence = Span(doc.id, 0, len(EXAMPLE_TEXT), EXAMPLE_TEXT)
    turkey = Place(
        id="TR",
        name="Turkey",
        kind="country",
        iso="TR",
        lat=39.0,
        lon=35.0,
        mentions=(Span(doc.id, 0, 6, "Turkey"),),
        reason="name Turkey",
    )
    ukraine = Place(
        id="UA",
        name="Ukraine",
        kind="country",
        iso="UA",
        lat=49.0,
        lon=31.4,
        mentions=(Span(doc.id, 39, 46, "Ukraine"),),
        reason="name Ukraine",
    )
    rel = Relation(
        id="r1",
        kind="transfer",
        source="TR",
        target="UA",
        item="Bayraktar TB2",
        quantity=12,
        status="delivered",
        evidence=(sentence,),
        cue="'sold … to'",
    )
    return Scene(documents=(doc,), places=(turkey, ukraine), relations=(rel,))
