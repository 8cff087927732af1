"""Relation cues on invented sentences: kind, direction, item, quantity, status."""

from __future__ import annotations

import re

import pytest

from geo.relations import Anchor, find_relations, parse_quantity

# country words used in the invented sentences below, with the id each stands for
_ACTORS = {
    "Norway": "NO", "Norwegian": "NO", "Chile": "CL", "Chilean": "CL", "Kenya": "KE", "Kenyan": "KE",
    "Peru": "PE", "Peruvian": "PE", "Vietnam": "VN", "Vietnamese": "VN", "Oslo": "NO",
    "Canada": "CA", "Canadian": "CA", "Egypt": "EG", "Egyptian": "EG", "Mali": "ML", "Algeria": "DZ",
    "Spain": "ES", "Spanish": "ES", "Malian": "ML", "Morocco": "MA", "Brazil": "BR", "Brazilian": "BR",
}


def _anchors(sentence: str) -> list[Anchor]:
    out = []
    for m in re.finditer(r"[A-Z][a-z]+", sentence):
        if m.group() in _ACTORS:
            how = "demonym" if m.group().endswith(("n", "h", "e")) and m.group() not in ("Spain", "Chile", "Mali") else "name"
            out.append(Anchor(m.start(), m.end(), _ACTORS[m.group()], how))
    return out


def _rels(sentence: str, context: tuple[str, ...] = ()) -> list[tuple]:
    return [(f.kind, f.source, f.target) for f in find_relations(sentence, _anchors(sentence), context=context)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Norway sold 24 howitzers to Chile last year.", ("transfer", "NO", "CL")),
        ("Chile bought 24 howitzers from Norway.", ("transfer", "NO", "CL")),
        ("Kenya has ordered six patrol boats from Canada.", ("transfer", "CA", "KE")),
        ("The howitzers were delivered to Peru by Norway in May.", ("transfer", "NO", "PE")),
        ("Vietnam's sale of coastal missiles to Peru angered many.", ("transfer", "VN", "PE")),
        ("Peru wants to purchase another 10 Norwegian frigates.", ("transfer", "NO", "PE")),
        ("Canada will supply air defence systems to Kenya.", ("transfer", "CA", "KE")),
        ("Egypt is deploying tactical missiles in Mali.", ("transfer", "EG", "ML")),
        ("Spanish-backed militias clashed near the border with Morocco.", ("support", "ES", "MA")),
        ("The Malian army, backed by Egypt and Algeria, retook the town.", ("support", "EG", "ML")),
        ("Brazil supports Peru in the dispute.", ("support", "BR", "PE")),
        ("The war between Chile and Peru lasted five years.", ("conflict", "CL", "PE")),
        ("Egypt condemned Algeria for the raid.", ("conflict", "EG", "DZ")),
        ("Kenya signed a defence agreement with Canada on Monday.", ("alliance", "KE", "CA")),
        ("Spain and Morocco agreed to deepen their security cooperation.", ("alliance", "ES", "MA")),
        ("Chile and Norway, allies of Canada, sent observers.", ("alliance", "CL", "CA")),
    ],
)
def test_cue_fires_with_direction(sentence: str, expected: tuple) -> None:
    got = _rels(sentence)
    assert expected in got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway and Chile both exported salmon in record amounts.",  # no transfer between them
        "The Canadian-made jets flew over Kenya.",  # origin only
        "Peru and Chile held talks on fishing.",  # no alliance cue
    ],
)
def test_no_false_alarm(sentence: str) -> None:
    got = _rels(sentence)
    assert not [r for r in got if r[0] in ("transfer", "alliance")], got


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Norway has already delivered 12 drones to Chile.", "delivered"),
        ("Chile ordered 12 drones from Norway in a deal worth $40m.", "ordered"),
        ("Norway plans to supply 12 drones to Chile.", "planned"),
        ("A Norwegian drone deal with Chile collapsed after the election.", "frozen"),
        ("Norway supplies drones to Chile.", "unknown"),
    ],
)
def test_status(sentence: str, status: str) -> None:
    found = [f for f in find_relations(sentence, _anchors(sentence)) if f.kind == "transfer"]
    assert found and found[0].status == status, found


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        ("Chile bought 120 tanks, 40 howitzers and 12 fighter jets from Norway.",
         [("tanks", 120), ("howitzers", 40), ("fighter jets", 12)]),
        ("Norway sold a dozen Hawk-9 drones to Chile.", [("Hawk-9 drones", 12)]),
    ],
)
def test_items_and_quantities(sentence: str, items: list) -> None:
    found = [(f.item, f.quantity) for f in find_relations(sentence, _anchors(sentence)) if f.kind == "transfer"]
    assert found == items


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        # a trailing conjunction or punctuation is no part of the item
        ("Peru wanted to buy the plant, and the contract was blocked by Chile.", [("plant", None)]),
        # stop at "and" followed by words that name no item
        ("Peru will purchase 30 Falcon-7 patrol boats and plans to build a dock for the vessels with help from Canada.",
         [("Falcon-7 patrol boats", 30)]),
        ("Morocco bought 8 helicopters and hopes to host training for the crews from Spain.", [("helicopters", 8)]),
        # dangling auxiliaries after a passive item
        ("Officials said rifles and ammunition have been sent to Mali by Algeria.", [("rifles and ammunition", None)]),
        # a designation named after the head stays with it
        ("Brazil will buy 60 tanks based on the Norwegian Strv-9 model from Norway.", [("Strv-9 tanks", 60)]),
        ("Egypt ordered four frigates of the Type 31 class from Spain.", [("Type 31 frigates", 4)]),
        # designations before the head in a relative clause; verbs and adverbs before them are not
        ("The navy will quietly retire Cold-War-era corvettes that Chile has handed over to Peru.",
         [("Cold-War-era corvettes", None)]),
        # a deal's money size is not the item
        ("Norway agreed to sell more than $2 billion in air defence systems to Kenya.", [("air defence systems", None)]),
        # pieces that each name an item are kept together
        ("Norway sent drones and spare parts to Chile.", [("drones and spare parts", None)]),
    ],
)
def test_item_phrase_boundaries(sentence: str, items: list) -> None:
    found = [(f.item, f.quantity) for f in find_relations(sentence, _anchors(sentence)) if f.kind == "transfer"]
    assert found == items


@pytest.mark.parametrize(
    ("phrase", "n"),
    [("48 jets", 48), ("forty-eight jets", 48), ("a dozen drones", 12), ("two batteries", 2),
     ("155mm shells", None), ("F-16 jets", None), ("in 2024 jets", None), ("1,200 shells", 1200)],
)
def test_parse_quantity(phrase: str, n: int | None) -> None:
    assert parse_quantity(phrase) == n


def test_influence_with_listed_members() -> None:
    s = "Brazil seeks more influence in the south (Peru, Chile) and in the north (Canada)."
    got = [(f.kind, f.source, f.members, f.label) for f in find_relations(s, _anchors(s))]
    assert ("influence", "BR", ("PE", "CL"), "the south") in got
    assert ("influence", "BR", ("CA",), "the north") in got


def test_the_two_countries_uses_context() -> None:
    s = "Tensions between the two countries rose after the vote."
    assert ("conflict", "CL", "PE") in _rels(s, context=("CL", "PE")) or ("conflict", "PE", "CL") in _rels(s, context=("CL", "PE"))


def test_leaving_a_pact_is_no_alliance() -> None:
    assert not [r for r in _rels("Chile said it will withdraw from its defence partnership with Peru.") if r[0] == "alliance"]


def test_designation_numbers_are_no_quantity() -> None:
    s = "Chile bought the Block 2 howitzers from Norway."
    found = [f for f in find_relations(s, _anchors(s)) if f.kind == "transfer"]
    assert found and found[0].quantity is None and found[0].status == "delivered"
