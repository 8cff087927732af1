"""Hand-built scenes for render, export and browser tests (no extraction involved)."""

from __future__ import annotations

from geo.gazetteer import load_gazetteer
from geo.scene import Document, Place, Relation, Scene, Span

TEXT = (
    "Turkey sold 12 Bayraktar TB2 drones to Ukraine. "
    "Ukraine plans to buy 50 more TB2 drones from Turkey. "
    "A Chinese bid for the Motor Sich engine plant was frozen. "
    "Turkey and Ukraine signed a military alliance in Kyiv. "
    "Russia backs Armenia in Nagorno-Karabakh. "
    "Russia threatened Ukraine, and Ukraine accused Russia of aggression. "
    "Turkey's influence in the East (Azerbaijan, Georgia) grows around the Black Sea."
)


def _span(doc: Document, needle: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(needle, start + 1)
    return Span(doc.id, start, start + len(needle), needle)


def _sentence(doc: Document, needle: str) -> Span:
    start = doc.text.index(needle)
    s = doc.text.rfind(". ", 0, start)
    s = 0 if s < 0 else s + 2
    e = doc.text.find(". ", start)
    e = len(doc.text) if e < 0 else e + 1
    return Span(doc.id, s, e, doc.text[s:e])


def _country(
    doc: Document, iso: str, name: str, lat: float, lon: float, shape: bool = False, mention: str | None = None
) -> Place:
    mentions = (_span(doc, mention or name),) if (mention or name) in doc.text else ()
    return Place(
        id=iso,
        name=name,
        kind="country",
        iso=iso,
        lat=lat,
        lon=lon,
        mentions=mentions,
        reason=f"name {name}",
        shape=iso if shape else None,
        demonym=load_gazetteer().demonym_of(iso),  # as extraction sets it
    )


def transfer_scene(shapes: bool = False) -> Scene:
    """Turkey → Ukraine: one delivered transfer of 12 TB2 drones."""
    doc = Document(id="d1", title="Drone deal", text=TEXT)
    tr = _country(doc, "TR", "Turkey", 39.0, 35.0, shapes)
    ua = _country(doc, "UA", "Ukraine", 49.0, 31.4, shapes)
    rel = Relation(
        id="r1",
        kind="transfer",
        source="TR",
        target="UA",
        item="Bayraktar TB2",
        quantity=12,
        status="delivered",
        evidence=(_sentence(doc, "sold 12"),),
        cue="'sold … to'",
    )
    return Scene(documents=(doc,), places=(tr, ua), relations=(rel,))


def rich_scene(shapes: bool = False) -> Scene:
    """Every layer kind: transfers in three states, alliance, support, mutual conflict, a sphere."""
    doc = Document(id="d1", title="Drone deal", text=TEXT)
    places = (
        _country(doc, "TR", "Turkey", 39.0, 35.0, shapes),
        _country(doc, "UA", "Ukraine", 49.0, 31.4, shapes),
        _country(doc, "CN", "China", 35.0, 103.0, shapes, mention="Chinese"),
        _country(doc, "RU", "Russia", 55.7, 45.0, shapes),
        _country(doc, "AM", "Armenia", 40.2, 45.0, shapes),
        _country(doc, "AZ", "Azerbaijan", 40.3, 47.7, shapes),
        _country(doc, "GE", "Georgia", 42.2, 43.5, shapes),
        Place(
            id="city:703448",
            name="Kyiv",
            kind="city",
            iso="UA",
            lat=50.45,
            lon=30.52,
            mentions=(_span(doc, "Kyiv"),),
            reason="name Kyiv",
        ),
        Place(
            id="sea:black-sea",
            name="Black Sea",
            kind="sea",
            iso=None,
            lat=43.4,
            lon=34.0,
            mentions=(_span(doc, "Black Sea"),),
            reason="name Black Sea",
            shape="sea:black-sea" if shapes else None,
        ),
        Place(
            id="disputed:nagorno-karabakh",
            name="Nagorno-Karabakh",
            kind="disputed",
            iso=None,
            lat=39.9,
            lon=46.7,
            mentions=(_span(doc, "Nagorno-Karabakh"),),
            reason="name Nagorno-Karabakh",
            shape="disputed:nagorno-karabakh" if shapes else None,
        ),
    )
    rels = (
        Relation(
            id="r1",
            kind="transfer",
            source="TR",
            target="UA",
            item="Bayraktar TB2",
            quantity=12,
            status="delivered",
            evidence=(_sentence(doc, "sold 12"),),
        ),
        Relation(
            id="r2",
            kind="transfer",
            source="TR",
            target="UA",
            item="TB2 drones",
            quantity=50,
            status="planned",
            evidence=(_sentence(doc, "plans to buy"),),
        ),
        Relation(
            id="r3",
            kind="transfer",
            source="UA",
            target="CN",
            item="engine plant",
            status="frozen",
            evidence=(_sentence(doc, "Chinese bid"),),
        ),
        Relation(
            id="r4", kind="alliance", source="TR", target="UA", evidence=(_sentence(doc, "signed a military alliance"),)
        ),
        Relation(id="r5", kind="support", source="RU", target="AM", evidence=(_sentence(doc, "Russia backs"),)),
        Relation(id="r6", kind="conflict", source="RU", target="UA", evidence=(_sentence(doc, "Russia threatened"),)),
        Relation(id="r7", kind="conflict", source="UA", target="RU", evidence=(_sentence(doc, "Russia threatened"),)),
        Relation(
            id="r8",
            kind="influence",
            source="TR",
            members=("AZ", "GE"),
            label="the East",
            evidence=(_sentence(doc, "influence in the East"),),
        ),
    )
    return Scene(documents=(doc,), places=places, relations=rels)


def antimeridian_scene() -> Scene:
    """Russia (Vladivostok) → United States (Anchorage): an arc across the antimeridian."""
    text = "Russia shipped 3 icebreakers from Vladivostok to the United States in Anchorage."
    doc = Document(id="d1", title="Pacific", text=text)
    ru = Place(
        id="city:2013348",
        name="Vladivostok",
        kind="city",
        iso="RU",
        lat=43.1,
        lon=131.9,
        mentions=(_span(doc, "Vladivostok"),),
    )
    us = Place(
        id="city:5879400",
        name="Anchorage",
        kind="city",
        iso="US",
        lat=61.2,
        lon=-149.9,
        mentions=(_span(doc, "Anchorage"),),
    )
    rel = Relation(
        id="r1",
        kind="transfer",
        source=ru.id,
        target=us.id,
        item="icebreakers",
        quantity=3,
        status="delivered",
        evidence=(Span("d1", 0, len(text), text),),
    )
    return Scene(documents=(doc,), places=(ru, us), relations=(rel,))


HOSTILE = (
    '<script>window.__pwned=1</script> Turkey sold <img src=x onerror="window.__pwned=2"> '
    "drones to Ukraine \"';</script><script>window.__pwned=3</script> ${window.__pwned=4} `x`."
)


def hostile_scene(shapes: bool = False) -> Scene:
    """Article text full of markup and quote-breaking strings, in every text field."""
    doc = Document(id="d1", title='<b onmouseover="window.__pwned=5">T</b></script>', text=HOSTILE)
    span = Span("d1", 0, len(HOSTILE), HOSTILE)
    # Jinja markers too: branca re-renders element output as a template, so they must stay literal.
    evil = "</script><img src=x onerror=window.__pwned=6>'\"`${1}`{{ 7*7 }}{% if 1 %}J{% endif %}"
    tr = Place(
        id="TR",
        name="Turkey" + evil,
        kind="country",
        iso="TR",
        lat=39.0,
        lon=35.0,
        mentions=(span,),
        reason=evil,
        shape="TR" if shapes else None,
    )
    ua = Place(
        id="UA",
        name="Ukraine",
        kind="country",
        iso="UA",
        lat=49.0,
        lon=31.4,
        mentions=(span,),
        reason="name",
        shape="UA" if shapes else None,
    )
    kyiv = Place(id="city:703448", name="Kyiv" + evil, kind="city", iso="UA", lat=50.45, lon=30.52, mentions=(span,))
    rels = (
        Relation(
            id="r1",
            kind="transfer",
            source="TR",
            target="UA",
            item="drones" + evil,
            quantity=5,
            status="planned",
            label=evil,
            evidence=(span,),
            cue=evil,
        ),
        Relation(id="r2", kind="influence", source="TR", members=("UA",), label=evil, evidence=(span,)),
    )
    return Scene(documents=(doc,), places=(tr, ua, kyiv), relations=rels)
