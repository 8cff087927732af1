"""The cue table fires on its own examples: every entry's sentences give (and withhold) their relations.

Each ``[[cue]]`` of ``geo/data/cues.toml`` lists example sentences with the
relations they must give; here each sentence goes through the whole
extractor (real gazetteer, real mention finding and resolution), so a rule
is tested as an analyst's text would meet it.
"""

from __future__ import annotations

import pytest

from geo.cuetable import FRAMES, load_cues
from geo.extract import extract
from geo.scene import Document


def _cases() -> list[tuple[str, str, str]]:
    out = []
    for cue in load_cues().entries:
        for example in cue.examples:
            sentence, _, expected = example.partition("=>")
            out.append((cue.id, sentence.strip(), expected.strip()))
    return out


def _found(sentence: str) -> set[str]:
    got = set()
    for r in extract([Document("d", "example", sentence)]).relations:
        if r.kind == "influence":
            got.add(f"influence {r.source}>{','.join(r.members)}")
        elif r.kind in ("alliance", "conflict"):
            got.add(f"{r.kind} {'-'.join(sorted((r.source, r.target or '')))}")
        else:
            got.add(f"{r.kind} {r.source}>{r.target}")
    return got


def _expected(spec: str) -> tuple[set[str], set[str]]:
    want, unwant = set(), set()
    for part in spec.split(";"):
        part = part.strip()
        if not part or part == "none":
            continue
        negative = part.startswith("!")
        kind, ends = part.lstrip("!").split()
        if kind in ("alliance", "conflict"):
            ends = "-".join(sorted(ends.split("-")))
        (unwant if negative else want).add(f"{kind} {ends}")
    return want, unwant


@pytest.mark.parametrize(
    ("cue_id", "sentence", "expected"), _cases(), ids=lambda x: x[:50] if isinstance(x, str) else x
)
def test_cue_example(cue_id: str, sentence: str, expected: str) -> None:
    got = _found(sentence)
    want, unwant = _expected(expected)
    if expected == "none":
        assert not got, f"{cue_id}: {sentence!r} gave {sorted(got)}"
    assert want <= got, f"{cue_id}: {sentence!r} gave {sorted(got)}, wanted {sorted(want)}"
    assert not (unwant & got), f"{cue_id}: {sentence!r} gave {sorted(unwant & got)}, which it must not"


def test_every_cue_has_examples_of_more_than_one_story() -> None:
    thin = [cue.id for cue in load_cues().entries if len(cue.examples) < 2]
    assert not thin, f"cues with fewer than two example sentences: {thin}"


def test_every_frame_is_used() -> None:
    used = {cue.frame for cue in load_cues().entries}
    assert used == set(FRAMES), f"frames no cue uses: {sorted(set(FRAMES) - used)}"


def test_negated_and_hypothetical_statements_give_nothing() -> None:
    for sentence in (
        "Turkey did not sell drones to Ukraine.",
        "Russia denied that it had supplied missiles to Iran.",
        "Would China attack Taiwan?",
        "If Egypt backs Sudan, Ethiopia will protest.",
        "India never signed a defence pact with Russia.",
        "Egypt chose to mediate rather than back Sudan's army.",  # the course not taken
        "Ghana chose diplomacy instead of supplying weapons to Burkina Faso.",
        # a gerund that is the subject of "would" or "could" is a supposition, and the speaker no supplier
        "Russia warned Western countries that supplying long-range missiles to Ukraine would make them parties.",
        "Beijing said that selling F-16 jets to Taiwan could damage ties.",
        # "no" before a noun cue: none of it
        "Since January the United States has approved no new budget support for Ukraine.",
        "Turkey has made no arms deliveries to Ukraine this year.",
        # a denial of two words ("ruled out") governs its gerund and its "that" clause as one of one word does
        "Tokyo has ruled out sending weapons to Kyiv.",
        "Ankara has ruled out that it would sell jets to Cyprus.",
        "Berlin has ruled out supplying Taurus missiles to Ukraine.",
        # a clause under a word of doubt is not asserted
        "Analysts doubt that Iran has received the jets from Russia.",
        "Western officials are sceptical that North Korea has shipped shells to Russia.",
        # a claim its clause rejects, however far the report noun stands from its "that"
        "Officials dismissed reports that Turkey had supplied drones to Ethiopia.",
        "The minister rejected claims by opposition lawmakers in May that Chile had sold rifles to Peru.",
    ):
        assert not _found(sentence), sentence


def test_a_confirmed_report_still_counts() -> None:
    assert "transfer TR>ET" in _found("Abiy confirmed reports that Turkey had supplied drones to Ethiopia.")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"id": "x", "kind": "conflict", "frame": "no-such-frame", "words": ["attack"]}, "unknown frame"),
        ({"id": "x", "kind": "conflict", "frame": "agent-patient"}, "missing 'words'"),
        ({"id": "x", "kind": "conflict", "frame": "agent-patient", "words": ["@nothing"]}, "unknown lexicon set"),
    ],
)
def test_a_malformed_cue_is_refused_by_name(spec: dict, message: str) -> None:
    from geo.cuetable import parse_cues

    with pytest.raises(ValueError, match=message):
        parse_cues({"cue": [spec]})


def test_a_cue_id_used_twice_is_refused() -> None:
    from geo.cuetable import parse_cues

    spec = {"id": "twice", "kind": "conflict", "frame": "agent-patient", "words": ["attack"]}
    with pytest.raises(ValueError, match="used twice"):
        parse_cues({"cue": [spec, dict(spec)]})
