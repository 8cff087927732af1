"""Hand-built Scenes for the edit-library and app tests (no extraction needed)."""

from __future__ import annotations

from geo.scene import Document, Place, Relation, Scene, Span

TEXT = "Turkey sold 12 Bayraktar drones to Ukraine. Russia criticised Ankara. Kiev and Kyiv are the same city."


def _span(doc: str, text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(doc, start, start + len(needle), needle)


def _sentence(doc: str, text: str, needle: str) -> Span:
    start = text.index(needle)
    end = text.index(".", start) + 1
    return Span(doc, start, end, text[start:end])


def small_scene() -> Scene:
    """Turkey, Ukraine, Russia and a duplicated Kyiv; a transfer, a conflict, an influence."""
    d = "d1"
    doc = Document(d, "Drones", TEXT, source="drones.txt")
    places = (
        Place(
            "TR",
            "Turkey",
            "country",
            "TR",
            39.0,
            35.0,
            mentions=(_span(d, TEXT, "Turkey"), _span(d, TEXT, "Ankara")),
            reason="name",
        ),
        Place("UA", "Ukraine", "country", "UA", 49.0, 32.0, mentions=(_span(d, TEXT, "Ukraine"),), reason="name"),
        Place("RU", "Russia", "country", "RU", 60.0, 90.0, mentions=(_span(d, TEXT, "Russia"),), reason="name"),
        Place("city:703448", "Kyiv", "city", "UA", 50.45, 30.52, mentions=(_span(d, TEXT, "Kyiv"),), reason="name"),
        Place("city:kiev-dup", "Kiev", "city", "UA", 50.45, 30.52, mentions=(_span(d, TEXT, "Kiev"),), reason="alias"),
        Place("AZ", "Azerbaijan", "country", "AZ", 40.3, 47.7, reason="member"),
    )
    relations = (
        Relation(
            "r1",
            "transfer",
            "TR",
            "UA",
            item="drones",
            quantity=12,
            status="delivered",
            evidence=(_sentence(d, TEXT, "Turkey sold"),),
            cue="sold … to",
        ),
        Relation("r2", "conflict", "RU", "TR", evidence=(_sentence(d, TEXT, "Russia criticised"),), cue="criticised"),
        Relation("r3", "influence", "TR", members=("AZ",)),
        Relation("r4", "conflict", "RU", "city:kiev-dup", evidence=(_sentence(d, TEXT, "Kiev and"),), cue="test"),
    )
    return Scene(documents=(doc,), places=places, relations=relations)


def second_document_scene() -> Scene:
    """A second article's extraction that mentions Turkey and Ukraine again."""
    text = "Ukraine and Turkey signed an alliance."
    d = "d2"
    doc = Document(d, "Alliance", text)
    places = (
        Place("UA", "Ukraine", "country", "UA", 49.0, 32.0, mentions=(_span(d, text, "Ukraine"),)),
        Place("TR", "Turkey", "country", "TR", 39.0, 35.0, mentions=(_span(d, text, "Turkey"),)),
    )
    rel = Relation("r1", "alliance", "UA", "TR", evidence=(Span(d, 0, len(text), text),))
    return Scene(documents=(doc,), places=places, relations=(rel,))
