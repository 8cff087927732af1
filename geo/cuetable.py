"""The cue table: geobrief's relation rules as data (``geo/data/cues.toml``).

Each ``[[cue]]`` entry of the table is one rule: its relation ``kind``, the
``words`` that trigger it (verbs are written as lemmas and matched in every
inflected form; ``@name`` stands for a verb set of the ``[lexicon]``), the
clause ``frame`` that says which phrase fills the source and which the
target (see :mod:`geo.relations`), the options the frame takes, and
``examples``: sentences with the relations they must give, which the test
suite fires one by one. The verb sets of the ``[lexicon]`` name the verbs they
``keep`` from the CAMEO verb dictionary (``geo/data/cameo_verbs.tsv``, built
by ``scripts/build_cues.py``; a kept verb CAMEO does not have is an error),
and the verbs they ``add`` that CAMEO lacks or files under another code.

Examples
--------
>>> table = load_cues()
>>> [e.id for e in table.entries_for("backed")][:1]
['support-verb']
>>> inflections("supply")
['supply', 'supplies', 'supplied', 'supplying']
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

FRAMES = (
    "agent-patient",
    "give",
    "get",
    "between",
    "possessor",
    "compound",
    "subject-noun",
    "relational",
    "partner-in",
    "fellow",
    "bloc-members",
    "bloc-pact",
    "force-members",
    "story-contingents",
    "mutual-defence",
    "presence-span",
    "compound-adjective",
    "presence",
    "thank-for",
    "use-maker",
    "arrive-maker",
    "sighted-maker",
    "leased-to",
    "participants",
    "deal",
    "package-for",
    "continued-deal",
    "invite",
    "chosen",
    "licensed",
    "paid-for",
    "funded-work",
    "operated-by",
    "launched",
    "under-which",
)


@dataclass(frozen=True)
class Cue:
    """One entry of the cue table."""

    id: str
    kind: str
    frame: str
    words: tuple[str, ...]
    pos: str = "verb"
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    examples: tuple[str, ...] = ()

    def opt(self, name: str, default: Any = None) -> Any:
        """A frame option of this entry, or ``default``."""
        return self.options.get(name, default)

    def ended(self, before: list[str]) -> bool:
        """Whether one of the entry's ``ends`` words is among the words ``before`` its trigger ("called off drills")."""
        ends = self.options.get("ends", ())
        return any(w in ends for w in before)


# frames that read nothing when none of a cue's ``needs`` nouns is in the sentence
_NEEDS_FRAMES = frozenset({"agent-patient", "presence", "invite"})


@dataclass(frozen=True)
class CueTable:
    """The compiled table: entries by the first word of each trigger form."""

    entries: tuple[Cue, ...]
    by_first: dict[str, tuple[tuple[tuple[str, ...], Cue], ...]]
    verb_forms: frozenset[str]
    first_words: frozenset[str]
    gates: dict[str, tuple[tuple[str, frozenset[str] | None], ...]] = field(init=False, repr=False, compare=False)
    one_word: dict[str, tuple[tuple[int, Cue], ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # derived tables, built once with the table (a compiled class keeps no per-instance dict to cache in)
        object.__setattr__(self, "gates", self._gates())
        object.__setattr__(self, "one_word", self._one_word())

    def _gates(self) -> dict[str, tuple[tuple[str, frozenset[str] | None], ...]]:
        """Per first word of a trigger: each form as text, with the nouns one of which its entry needs (None: none).

        Only frames that drop a cue without one of its ``needs`` gate (agent-patient, presence, invite).
        """
        out: dict[str, tuple[tuple[str, frozenset[str] | None], ...]] = {}
        for word, forms in self.by_first.items():
            rows = []
            for form, cue in forms:
                needs = cue.opt("needs") if cue.frame in _NEEDS_FRAMES else None
                rows.append((" ".join(form), frozenset(w for n in needs for w in n.split()) if needs else None))
            out[word] = tuple(rows)
        return out

    def _one_word(self) -> dict[str, tuple[tuple[int, Cue], ...]]:
        """What :meth:`at` gives for a first word all of whose forms are that word alone (no look-ahead needed)."""
        out = {}
        for word, forms in self.by_first.items():
            if all(len(form) == 1 for form, _ in forms):
                out[word] = tuple({cue.id: (1, cue) for _, cue in forms}.values())
        return out

    def may_fire(self, words: set[str], text: str) -> bool:
        """Whether some entry could fire in a sentence of these ``words`` (lower-cased ``text``).

        Its whole form must be there ("in support of", not a bare "in") and, for an entry that needs a
        noun, one of those nouns ("keeps" with "troops"). Sentences that fail are not parsed at all.
        """
        for w in words & self.first_words:
            for form, needs in self.gates[w]:
                if (" " not in form or form in text) and (needs is None or not needs.isdisjoint(words)):
                    return True
        return False

    def entries_for(self, word: str) -> list[Cue]:
        """Entries whose one-word trigger is ``word`` (lower case)."""
        return [cue for form, cue in self.by_first.get(word, ()) if len(form) == 1]

    def at(self, low: list[str], i: int) -> list[tuple[int, Cue]]:
        """(length in tokens, entry) of every entry triggered at token i, by its longest form there.

        "handed over" is the give entry's two-word form, not its "handed" followed by "over".
        """
        one_word = self.one_word.get(low[i])
        if one_word is not None:
            return list(one_word)  # most words trigger their entries by themselves alone
        forms = self.by_first.get(low[i], ())
        out: dict[str, tuple[int, Cue]] = {}
        for form, cue in forms:
            n = len(form)
            if (n == 1 or tuple(low[i : i + n]) == form) and n > out.get(cue.id, (0, cue))[0]:
                out[cue.id] = (n, cue)
        if len(out) < 2:
            return list(out.values())
        # of two entries of one kind and frame, the one read over more words wins ("handed over" gives;
        # "handed" does not give again)
        longest: dict[tuple[str, str], int] = {}
        for n, cue in out.values():
            longest[cue.kind, cue.frame] = max(n, longest.get((cue.kind, cue.frame), 0))
        return [(n, cue) for n, cue in out.values() if n == longest[cue.kind, cue.frame]]


def inflections(lemma: str) -> list[str]:
    """Regular English forms of a verb (base, -s, -ed, -ing); multi-word verbs inflect their first word."""
    first, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    w = first
    vowels = "aeiou"
    groups = re.findall(r"[aeiou]+", w)
    cvc = len(groups) == 1 and len(w) >= 3 and w[-1] not in vowels + "wxy" and w[-2] in vowels and w[-3] not in vowels
    if w.endswith(("s", "x", "z", "ch", "sh")):
        third = w + "es"
    elif w.endswith("y") and w[-2:-1] not in vowels:
        third = w[:-1] + "ies"
    else:
        third = w + "s"
    if w.endswith("e"):
        past = w + "d"
        ing = w[:-2] + "ying" if w.endswith("ie") else (w + "ing" if w.endswith("ee") else w[:-1] + "ing")
    elif w.endswith("y") and w[-2:-1] not in vowels:
        past, ing = w[:-1] + "ied", w + "ing"
    elif cvc:
        past, ing = w + w[-1] + "ed", w + w[-1] + "ing"
    else:
        past, ing = w + "ed", w + "ing"
    forms = [w, third, past, ing]
    if not cvc and len(groups) > 1 and w[-1] in "lrtpnmbdg" and w[-2] in vowels and w[-3] not in vowels:
        # a stressed last syllable doubles its consonant ("patrolled", "deterred", "committed"), and British
        # spelling doubles a final l ("cancelled"); an unused spelling never matches, so both are listed
        forms += [w + w[-1] + "ed", w + w[-1] + "ing"]
    return [f + tail for f in dict.fromkeys(forms)]


def _plural(noun: str) -> str:
    head, _, rest = noun.rpartition(" ")
    last = rest or noun
    if last.endswith(("s", "x", "ch", "sh")):
        p = last + "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        p = last[:-1] + "ies"
    else:
        p = last + "s"
    return f"{head} {p}" if head else p


def _verb_forms(lemma: str, cameo: dict[str, dict[str, set[str]]], irregular: dict[str, list[str]]) -> set[str]:
    """Every form of a verb: the regular inflections, CAMEO's irregular forms, the table's own."""
    forms = set(inflections(lemma)) | set(irregular.get(lemma, ()))
    for by_lemma in cameo.values():
        forms |= by_lemma.get(lemma, set())
    return forms


def _cameo_forms() -> dict[str, dict[str, set[str]]]:
    """Kind → lemma → forms, from ``cameo_verbs.tsv``."""
    text = resources.files("geo").joinpath("data/cameo_verbs.tsv").read_text(encoding="utf-8")
    out: dict[str, dict[str, set[str]]] = {}
    for line in text.splitlines():
        if not line or line.startswith(("#", "form\t")):
            continue
        form, lemma, kind = line.split("\t")[:3]
        out.setdefault(kind, {}).setdefault(lemma, set()).add(form)
    return out


def _lexicon(raw: dict[str, Any], cameo: dict, irregular: dict[str, list[str]]) -> dict[str, set[str]]:
    """The named verb sets (``[lexicon.NAME]``): CAMEO verbs kept, verbs added, forms written out."""
    lexicon: dict[str, set[str]] = {}
    for name, spec in raw.get("lexicon", {}).items():
        forms: set[str] = set()
        kind = spec.get("cameo", "")
        for lemma in spec.get("keep", []):
            if lemma not in cameo.get(kind, {}):
                raise ValueError(f"lexicon {name}: {lemma!r} is not a CAMEO verb of kind {kind!r}")
            forms |= cameo[kind][lemma]
        for lemma in spec.get("add", []):
            forms |= _verb_forms(lemma, cameo, irregular)
        forms |= set(spec.get("forms", []))
        lexicon[name] = forms
    return lexicon


def _cue(spec: dict[str, Any], lexicon: dict[str, set[str]], cameo: dict, irregular: dict[str, list[str]]) -> Cue:
    """One ``[[cue]]`` entry compiled: its words expanded to every form (verb inflections, noun plurals)."""
    for key in ("id", "kind", "frame", "words"):
        if key not in spec:
            raise ValueError(f"cue {spec.get('id', '?')}: missing {key!r}")
    if spec["frame"] not in FRAMES:
        raise ValueError(f"cue {spec['id']}: unknown frame {spec['frame']!r}")
    pos = spec.get("pos", "verb")
    forms: set[str] = set()
    for w in spec["words"]:
        if w.startswith("@"):
            if w[1:] not in lexicon:
                raise ValueError(f"cue {spec['id']}: unknown lexicon set {w!r}")
            forms |= lexicon[w[1:]]
        elif pos == "verb":
            forms |= _verb_forms(w, cameo, irregular)
        elif pos == "noun":
            forms |= {w, _plural(w)}
        else:
            forms.add(w)
    forms |= set(spec.get("forms", []))
    forms -= set(spec.get("exclude_forms", []))
    options = {k: v for k, v in spec.items() if k not in ("id", "kind", "frame", "words", "pos", "examples")}
    return Cue(
        spec["id"], spec["kind"], spec["frame"], tuple(sorted(forms)), pos, options, tuple(spec.get("examples", ()))
    )


def parse_cues(raw: dict[str, Any]) -> CueTable:
    """Compile the parsed TOML of the cue table.

    Parameters
    ----------
    raw : dict
        ``geo/data/cues.toml`` as :func:`tomllib.loads` reads it.

    Returns
    -------
    CueTable
        The cues, indexed by their first word.

    Raises
    ------
    ValueError
        An entry with an unknown frame, a missing field, an unknown lexicon set, or an id used twice.
    """
    cameo = _cameo_forms()
    irregular: dict[str, list[str]] = raw.get("irregular", {})
    lexicon = _lexicon(raw, cameo, irregular)
    entries: list[Cue] = []
    by_first: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    verb_forms: set[str] = set()
    for spec in raw.get("cue", []):
        cue = _cue(spec, lexicon, cameo, irregular)
        if any(e.id == cue.id for e in entries):
            raise ValueError(f"cue {cue.id}: the id is used twice")
        entries.append(cue)
        if cue.pos == "verb":
            # forms that end an actor phrase: not "-ing" (gerunds) nor "-s" (plural nouns: "bases", "arms")
            verb_forms |= {f for f in cue.words if " " not in f and not f.endswith(("ing", "s"))}
        for f in cue.words:
            words = tuple(f.lower().split())
            by_first.setdefault(words[0], []).append((words, cue))
    return CueTable(
        tuple(entries),
        {k: tuple(v) for k, v in by_first.items()},
        frozenset(verb_forms),
        frozenset(by_first),
    )


@lru_cache(maxsize=1)
def load_cues() -> CueTable:
    """The packaged cue table (read once, then cached)."""
    raw = resources.files("geo").joinpath("data/cues.toml").read_text(encoding="utf-8")
    return parse_cues(tomllib.loads(raw))
