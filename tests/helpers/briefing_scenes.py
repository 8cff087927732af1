"""Hand-built Scenes for the story and briefing tests.

``seed_scene()`` is what extraction should find in the two sample articles
(seeds/*.txt), built by hand with real character offsets, so the briefing
tests do not depend on the extractor. ``hostile_scene()`` carries markup and
script in every text a briefing shows.
"""

from __future__ import annotations

from pathlib import Path

from geo.scene import Document, Place, Relation, Scene, Span, Step

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

_PLACES: dict[str, tuple[str, str, float, float]] = {
    # id: (name, kind, lat, lon)
    "TR": ("Turkey", "country", 39.0, 35.0),
    "UA": ("Ukraine", "country", 49.0, 32.0),
    "RU": ("Russia", "country", 60.0, 90.0),
    "AZ": ("Azerbaijan", "country", 40.5, 47.5),
    "AM": ("Armenia", "country", 40.0, 45.0),
    "GE": ("Georgia", "country", 42.0, 43.5),
    "IQ": ("Iraq", "country", 33.0, 44.0),
    "TM": ("Turkmenistan", "country", 40.0, 60.0),
    "CY": ("Cyprus", "country", 35.0, 33.0),
    "IL": ("Israel", "country", 31.5, 34.75),
    "LY": ("Libya", "country", 25.0, 17.0),
    "SY": ("Syria", "country", 35.0, 38.0),
    "CN": ("China", "country", 35.0, 105.0),
    "city:703448": ("Kyiv", "city", 50.45, 30.52),
}


def _doc(name: str) -> Document:
    return Document(id=name, title=name.replace("_", " "), text=(SEEDS / f"{name}.txt").read_text("utf-8"))


def _span(doc: Document, needle: str) -> Span:
    start = doc.text.index(needle)
    return Span(doc.id, start, start + len(needle), needle)


def seed_scene(*, story: bool = False) -> Scene:
    """The two sample articles with their places and relations, built by hand."""
    a = _doc("erdogan_kyiv_drones")
    b = _doc("zelensky_turkey_defense")
    places = tuple(
        Place(pid, name, kind, None if kind != "country" else pid, lat, lon, shape=pid if kind == "country" else None)
        for pid, (name, kind, lat, lon) in _PLACES.items()
    )
    rels = (
        Relation(
            "r-tb2-12",
            "transfer",
            "TR",
            "UA",
            item="Bayraktar TB2 drones",
            quantity=12,
            status="delivered",
            evidence=(
                _span(b, "The agreement signed between the two countries allowed the purchase of a total of 12 UAVs."),
                _span(
                    b,
                    "Ukraine already purchased the combat drones Bayraktar Tactical Block 2 (TB2) unmanned aerial "
                    "vehicles (UAVs) from Turkey last year.",
                ),
            ),
            cue="purchased … from",
            confidence=0.9,
        ),
        Relation(
            "r-tb2-50",
            "transfer",
            "TR",
            "UA",
            item="Bayraktar TB2 drones",
            quantity=50,
            status="planned",
            evidence=(
                _span(
                    b,
                    "Today, Ukraine wants to purchase another 50 Bayraktar TB2 combat drones and plans to set up a "
                    "large-scale assembly line for the unmanned aircraft.",
                ),
            ),
            cue="wants to purchase",
            confidence=0.7,
        ),
        Relation(
            "r-drones",
            "transfer",
            "TR",
            "UA",
            item="drones",
            status="delivered",
            evidence=(
                _span(
                    a,
                    '"Turkey does sell drones to Ukraine, that is true, even at the risk of angering '
                    '[Russian President] Vladimir Putin sometimes," said Aydintasbas.',
                ),
            ),
            cue="sell … to",
            confidence=0.8,
        ),
        Relation(
            "r-engines",
            "transfer",
            "UA",
            "TR",
            item="AI-35 missile engines",
            status="delivered",
            evidence=(
                _span(
                    b,
                    "Ukrainian engine-maker SE Ivchenko-Progress is producing the AI-35 engine to power Turkey’s new "
                    "indigenous Gezgin missile.",
                ),
                _span(
                    a,
                    '"But it also gets very significant know-how from the Ukrainian defense industry, '
                    "particularly on how to make engines.",
                ),
            ),
            cue="producing … to power",
            confidence=0.7,
        ),
        Relation(
            "r-alliance",
            "alliance",
            "TR",
            "UA",
            label="military cooperation agreement",
            evidence=(
                _span(
                    b,
                    "This diplomatic and military alliance is needed by Ukraine to defend the country from Russian "
                    "aggression.",
                ),
                _span(
                    b,
                    "The technology transfer is the engagement ring of wider alliance between Turkey and Ukraine on "
                    "foreign affairs issues.",
                ),
            ),
            cue="alliance between",
            confidence=0.8,
        ),
        Relation(
            "r-ru-am",
            "support",
            "RU",
            "AM",
            evidence=(
                _span(
                    b,
                    "Recently, president Zelensky officially supported Turkish diplomacy in the conflict between "
                    "Armenia (backed by Russia) and Azerbaijan for the region of Nagorno-Karabakh, backing Azeri "
                    "claims.",
                ),
            ),
            cue="backed by",
            confidence=0.8,
        ),
        Relation(
            "r-ua-az",
            "support",
            "UA",
            "AZ",
            label="Nagorno-Karabakh claims",
            evidence=(
                _span(
                    b,
                    "Recently, president Zelensky officially supported Turkish diplomacy in the conflict between "
                    "Armenia (backed by Russia) and Azerbaijan for the region of Nagorno-Karabakh, backing Azeri "
                    "claims.",
                ),
            ),
            cue="backing",
            confidence=0.6,
        ),
        Relation(
            "r-am-az",
            "conflict",
            "AM",
            "AZ",
            label="Nagorno-Karabakh",
            evidence=(
                _span(
                    b,
                    "Recently, president Zelensky officially supported Turkish diplomacy in the conflict between "
                    "Armenia (backed by Russia) and Azerbaijan for the region of Nagorno-Karabakh, backing Azeri "
                    "claims.",
                ),
            ),
            cue="conflict between",
            confidence=0.8,
        ),
        Relation(
            "r-ru-ua",
            "conflict",
            "RU",
            "UA",
            label="troops massed on the border",
            evidence=(
                _span(
                    a,
                    "The growing ties come in the face of Moscow's criticism as Russian forces continue to mass on "
                    "the Ukrainian border.",
                ),
            ),
            cue="mass on the border",
            confidence=0.6,
        ),
        Relation(
            "r-tr-sphere",
            "influence",
            "TR",
            members=("AZ", "GE", "IQ", "TM", "CY", "IL", "LY", "SY"),
            label="the East and the Mediterranean",
            evidence=(
                _span(
                    b,
                    "But it is also an opportunity for Turkey to strengthen its ambitious policy of influence in the "
                    "East (Azerbaijan, Georgia, Iraq, Turkmenistan) and in the Mediterranean (Cyprus, Israel, Libya, "
                    "Syria), where Erdogan regularly steps on Putin’s feet.",
                ),
            ),
            cue="influence in",
            confidence=0.7,
        ),
    )
    scene = Scene(documents=(a, b), places=places, relations=rels)
    if story:
        from geo.story import build_story

        scene = scene.replace(story=build_story(scene))
    return scene


HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \u2028'


def hostile_scene() -> Scene:
    """Two places and a transfer whose every shown text is hostile markup."""
    text = f"Turkey sells drones to Ukraine. {HOSTILE}"
    doc = Document(id="d1", title=f"Title {HOSTILE}", text=text, source="http://evil.example/x")
    tr = Place("TR", f"Turkey {HOSTILE}", "country", "TR", 39.0, 35.0)
    ua = Place("UA", "Ukraine", "country", "UA", 49.0, 32.0)
    quote = Span("d1", 0, len(text), text)
    rel = Relation(
        "r1",
        "transfer",
        "TR",
        "UA",
        item=f"drones {HOSTILE}",
        quantity=3,
        status="delivered",
        evidence=(quote,),
        label=HOSTILE,
    )
    story = (
        Step("overview", f"Overview {HOSTILE}", f"Caption {HOSTILE}", ("TR", "UA"), ("r1",), None),
        Step("s2", "Step two", f"Second {HOSTILE}", ("TR", "UA"), ("r1",), quote),
    )
    return Scene(documents=(doc,), places=(tr, ua), relations=(rel,), story=story)


def point_scene() -> Scene:
    """One city and nothing else: a story of one step framed on a point."""
    kyiv = Place("city:703448", "Kyiv", "city", "UA", 50.45, 30.52)
    return Scene(documents=(Document("d", "d", "Kyiv."),), places=(kyiv,))
