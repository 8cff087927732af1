"""The words and records of geobrief's light clause analysis (:mod:`geo.clauses`).

:class:`Anchor` is an actor mention handed in by the extractor; :class:`Context`
what earlier sentences leave for "it", "they" and "the two countries";
:class:`Side` one side of a relation; :class:`Token`, :class:`Phrase` and
:class:`Clause` the pieces of one sentence. The word classes come from
``geo/data/grammar.toml`` (:func:`load_grammar`).

Examples
--------
>>> load_grammar().has("prepositions", "against")
True
>>> [t.text for t in tokenize("§0§'s sale of drones to §1§.")]
['§0§', "'s", 'sale', 'of', 'drones', 'to', '§1§', '.']
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from geo.data.wordlists import NUMBER_WORDS, alternation


@dataclass(frozen=True)
class Anchor:
    """An actor mention inside a sentence: offsets relative to the sentence text.

    ``how`` is how the mention was resolved (name, demonym, capital, leader,
    organ, company, group, place); ``kind`` is the place kind of ``id``.
    ``actor`` is the id of a non-state actor the mention names (``group:rsf``),
    whose country is ``id``.
    """

    start: int
    end: int
    id: str
    how: str = "name"
    kind: str = "country"
    actor: str = ""


@dataclass
class Context:
    """What earlier sentences of the same document leave for "it", "they" and "the two countries".

    ``subjects`` are the ids of the main-clause subjects, most recent last;
    ``pair`` the last two distinct actors named together; ``plural`` the last
    coordinated or group actor; ``leader`` the country of the last leader named;
    ``mentions`` how often each country has been named (the story's focus);
    ``suppliers`` how many transfers each supplier has been read in (the story's main supplier);
    ``transfer`` the supplier and recipient of the last transfer read (a
    package's later items: "the deal also includes ..."), ``item`` its item (for a bare count:
    "Belgium will send 30"); ``conflict`` the
    attackers of the last conflict read ("support to the strikes"); ``listed``
    the last list of several countries named together ("signed by A, B and C",
    for a later "the three countries"); ``areas`` the disputed areas named, most
    recent last (for "the territory", "both regions"); ``backed`` the state the
    last backing read went to (for "A and B have sent contingents"); ``foe`` the
    target of the last hostility read (for "the US has expelled 60 diplomats");
    ``previous`` the countries the previous sentence named, in order (for "the country");
    ``first`` the first state the story named;
    ``services`` how often each state's armed services were named ("the Royal Thai Army",
    "Qatar's air force"), for a later "the army", "the navy" or "the air force";
    ``office`` the state last named with one of its ministries or ministers, for a later "the ministry";
    ``topic`` the weapon system the label of the current paragraph names ("- HIMARS. Eleven of the 29
    launchers Taipei ordered arrived in 2024"), for the maker of an item its sentences leave unnamed.
    """

    subjects: list[str] = field(default_factory=list)
    pair: tuple[str, str] | None = None
    plural: tuple[str, ...] = ()
    leader: str = ""
    leaders: tuple[str, ...] = ()  # the states of the last two leaders named ("the two leaders")
    company: str = ""  # the state of the last firm named ("the company")
    actors: list[str] = field(default_factory=list)
    mentions: dict[str, int] = field(default_factory=dict)
    transfer: tuple[str, str] | None = None
    item: str = ""  # the item of the last transfer read ("sent F-16s ... Belgium will send 30")
    suppliers: dict[str, int] = field(default_factory=dict)
    conflict: tuple[str, ...] = ()
    listed: tuple[str, ...] = ()
    areas: list[str] = field(default_factory=list)
    backed: str = ""
    foe: str = ""
    previous: tuple[str, ...] = ()
    previous_named: tuple[str, ...] = ()  # those of them named by name, not by a demonym ("Greece's", not "Dutch")
    services: dict[str, int] = field(default_factory=dict)
    office: str = ""  # the state last named with a ministry or minister ("Brazil's Defense Minister")
    first: str = ""  # the first state the story names (its headline's, as a rule)
    topic: str = ""  # the system a bulleted paragraph's label names ("- HIMARS. Eleven of the 29 launchers ...")

    @property
    def service(self) -> str:
        """Whose "the army" or "the navy" is: the story's buyer or state when its services were named.

        Else the buyer the story's transfers went to, else the state whose services were named most
        (a supplier's navy named once as a ship's former owner does not outrank the buyer's).
        """
        buyer = self.transfer[1] if self.transfer else ""
        focus = self.focus()
        for ident in (buyer, focus):
            if ident and ident in self.services:
                return ident
        return buyer or max(reversed(self.services), key=self.services.__getitem__, default="")

    def focus_group(self, n: int, among: Sequence[str] = ()) -> tuple[str, ...]:
        """The n countries named most often so far (for "the two countries", "the three nations").

        With ``among`` only those countries count ("the three Sahel juntas": members of the Sahel).
        """
        actors = [c for c in self.actors if c in among] if among else self.actors
        ranked = sorted(actors, key=lambda c: -(self.mentions.get(c, 0) + actors.index(c) / 100))
        if len(ranked) >= n:
            return tuple(ranked[:n])
        if among:
            return tuple(among) if len(among) == n else ()
        # "the two countries" is never a bloc ("Serbia wants to join the EU. The two presidents signed ...")
        return (self.pair or ()) if n == 2 and not any(x.startswith("bloc:") for x in self.pair or ()) else ()

    def ranked_suppliers(self) -> list[str]:
        """The suppliers of the transfers read so far, most often first (the first read among equals)."""
        return sorted(self.suppliers, key=lambda x: -self.suppliers[x])

    def focus(self, exclude: Sequence[str] = ()) -> str:
        """The country named most often so far (the most recent among equals), other than ``exclude``."""
        best, score = "", -1.0
        for rank, ident in enumerate(self.actors):
            if ident in exclude:
                continue
            value = self.mentions.get(ident, 0) + rank / 100
            if value > score:
                best, score = ident, value
        return best


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a relation: the actor ids it stands for, and the phrase it came from (-1: a pronoun)."""

    ids: tuple[str, ...]
    np: int = -1
    how: str = ""


@dataclass(slots=True)
class Token:
    """One token of a sentence: its text, lower-cased form, offsets and the anchor it belongs to (-1: a word)."""

    text: str
    low: str
    start: int
    end: int
    anchor: int = -1  # index into the anchors, -1 for a word
    space: bool = True  # whitespace before the token


@dataclass(slots=True)
class Phrase:
    """An actor phrase: a run of tokens around one or more coordinated actor tokens."""

    first: int
    last: int
    anchors: list[int]
    head: str = ""  # the noun after the actor(s): "forces", "army", "war"
    head_at: int = -1  # token index of the head's last word
    possessive: bool = False
    prep: str = ""  # preposition governing the phrase
    prep_at: int = -1
    apposition_of: int = -1  # index of the phrase this one stands beside ("X, Y's ally,")
    official_of: bool = False  # "ministers of A and B": the phrase acts as a subject


@dataclass(slots=True)
class Clause:
    """A clause of a sentence: its token span, kind, opening word, antecedent and parent clause."""

    first: int
    last: int
    kind: str = "main"  # main, coord, sub, rel, part, reduced, paren, content
    marker: str = ""
    antecedent: int = -1  # phrase index a rel/reduced/paren clause hangs on
    parent: int = -1
    speaker: Side | None = None


@dataclass(frozen=True)
class Grammar:
    """Word classes of ``grammar.toml``: single words as sets, multi-word entries as token tuples."""

    words: dict[str, frozenset[str]]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    starts: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    first_words: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    function_words: frozenset[str] = field(init=False, repr=False, compare=False)
    finite_words: frozenset[str] = field(init=False, repr=False, compare=False)
    clause_words: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # derived tables, built once with the table (a compiled class keeps no per-instance dict to cache in)
        object.__setattr__(self, "first_words", self._first_words())
        object.__setattr__(self, "function_words", self._function_words())
        object.__setattr__(self, "finite_words", self._finite_words())
        object.__setattr__(self, "clause_words", self._clause_words())

    def has(self, cls: str, word: str) -> bool:
        """Whether ``word`` belongs to the word class ``cls`` of the grammar table."""
        return word in self.words[cls]

    def participle(self, word: str) -> bool:
        """Whether ``word`` has the shape of a past participle ("armed", "given", "sold", "bought")."""
        return (
            word.endswith(("ed", "en", "wn", "ld", "nt", "ght", "ought")) or word in self.words["irregular_participles"]
        )

    def adverbs_back(self, low: list[str], k: int) -> int:
        """From token k back past the adverbs between "be" and a participle ("were also"): the next word's index."""
        while k >= 0 and (low[k].endswith("ly") or low[k] in self.words["passive_adverbs"]):
            k -= 1
        return k

    def shared_object(self, low: list[str], i: int) -> bool:
        """The "and" or "or" at ``i`` joins two verbs of one subject that share the object after the second.

        "France will train and equip two battalions", "Britain trained and armed Ukrainian units",
        "to finance and arm the militia": the first verb has no object of its own. Both verbs have
        the same form (two past tenses, or two bare verbs after "to", a modal or "help"), and an
        object opens right after the second.
        """
        if not (1 < i < len(low) - 2 and low[i] in ("and", "or")):
            return False
        first, second, after = low[i - 1], low[i + 1], low[i + 2]
        if not (first.isalpha() and second.isalpha()) or second in self.function_words or self.has("be_forms", second):
            return False
        past = first.endswith("ed") and second.endswith("ed")
        bare = low[i - 2] in ("to", "help", "helps", "helped", "helping") or self.has("auxiliaries", low[i - 2])
        bare = bare and not first.endswith(("ed", "ing", "s")) and not second.endswith(("ed", "ing"))
        opens_object = (
            self.has("determiners", after) or after.isdigit() or after in NUMBER_WORDS or after.startswith("§")
        )
        return (past or bare) and opens_object

    def _first_words(self) -> dict[str, frozenset[str]]:
        """Per word class, the words its entries may start with (single words and first words of phrases)."""
        return {c: self.words[c] | frozenset(self.starts.get(c, {})) for c in self.words}

    def _function_words(self) -> frozenset[str]:
        """Determiners, prepositions, auxiliaries, conjunctions, subordinators, relatives, negations, head stops."""
        classes = ("determiners", "prepositions", "auxiliaries", "conjunctions", "subordinators", "relatives")
        return frozenset().union(*(self.words[c] for c in (*classes, "negations", "head_stops")))

    def _finite_words(self) -> frozenset[str]:
        """Auxiliaries, irregular past tenses, verbs of reporting and of keeping forces: finite as they stand."""
        return (
            self.words["auxiliaries"]
            | self.words["irregular_past"]
            | self.words["reporting"]
            | self.words["holding_verbs"]
        )

    def _clause_words(self) -> frozenset[str]:
        """Words a clause may open at with no comma before them: relatives, "that", "and", subordinators ..."""
        fixed = frozenset({"which", "who", "whom", "whose", "that", "and", "or"})
        return fixed | self.words["subordinators"] | self.words["clausal_prepositions"] | self.words["reporting"]


@lru_cache(maxsize=1)
def load_grammar() -> Grammar:
    """The word classes of ``geo/data/grammar.toml`` (read once)."""
    raw = resources.files("geo").joinpath("data/grammar.toml").read_text(encoding="utf-8")
    classes = tomllib.loads(raw)["classes"]
    words = {k: frozenset(w for w in v if " " not in w) for k, v in classes.items()}
    phrases = {k: tuple(tuple(w.split()) for w in v if " " in w) for k, v in classes.items()}
    starts: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for cls, entries in phrases.items():
        for entry in entries:
            starts.setdefault(cls, {}).setdefault(entry[0], []).append(entry)
    return Grammar(words, phrases, {c: {w: tuple(v) for w, v in d.items()} for c, d in starts.items()})


_TOKEN = re.compile(r"§\d+§|\d+(?:st|nd|rd|th)\b|\d+(?:[.,]\d+)*|\w+(?:[-‐]\w+)*(?:n['’]t)?|['’]s\b|['’]|[^\w\s]")
_ANCHOR = re.compile(r"§(\d+)§")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_ADVERB_END = ("ly",)


def tokenize(sketch: str) -> list[Token]:
    """Tokens of a sketch (a sentence whose anchors are written ``§k§``)."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(sketch):
        text = m.group()
        start, end = m.span()
        anchor = int(text[1:-1]) if text[0] == "§" else -1
        append(Token(text, text.lower(), start, end, anchor, start == 0 or sketch[start - 1].isspace()))
    return out


@lru_cache(maxsize=1)
def _pair_phrases() -> frozenset[str]:
    g = load_grammar()
    return phrase_set("anaphors_pair") | (g.words["anaphors_pair"] - {"both"})


@cache
def phrase_set(cls: str) -> frozenset[str]:
    """The multi-word entries of a grammar word class, each as one string ("the rebels")."""
    return frozenset(" ".join(w) for w in load_grammar().phrases[cls])


@lru_cache(maxsize=1)
def described_states() -> dict[str, tuple[str, ...]]:
    """The described-state table: a description ("gulf state") and who it may stand for (ISO codes, regions)."""
    from geo.data.wordlists import table

    return {d.lower(): tuple(v.split()) for d, v in table("described_states").items()}


@lru_cache(maxsize=1)
def described_phrases() -> frozenset[str]:
    """The described-state table's phrases ("the gulf state", "the island") and "both regions"."""
    return frozenset(f"the {d}" for d in described_states()) | _AREA_PAIRS


_AREA_PAIRS = frozenset(
    ["both regions", "the two regions", "both territories", "the two territories", "both enclaves", "the two enclaves"]
)


@lru_cache(maxsize=1)
def _anaphor_re() -> re.Pattern[str]:
    g = load_grammar()
    phrases = set(_pair_phrases()) | phrase_set("anaphors_singular") | phrase_set("anaphors_group")
    phrases |= phrase_set("army_anaphors") | phrase_set("company_anaphors") | phrase_set("ministry_anaphors")
    phrases |= described_phrases()
    phrases -= {"each other", "one another", "the two"}
    adjectives = alternation(g.words["descriptive_adjectives"])

    # "the small island kingdom", "the oil-rich emirate": a describing adjective may come after "the"
    the_rest = alternation(x[4:] for x in phrases if x.startswith("the "))
    others = alternation(x for x in phrases if not x.startswith("the "))
    alts = rf"the\ (?:(?:{adjectives})\ )?(?:{the_rest})|{others}"
    counted = rf"(?:the two|both|the three|all three) {counted_nouns()}|{_ALL_THREE}"
    return re.compile(rf"\b(?:{counted}|{alts})\b(?!['’]s\b\s+(?:own\b))", re.I)


@lru_cache(maxsize=1)
def _adjective_re() -> re.Pattern[str]:
    adjectives = "|".join(re.escape(a) for a in load_grammar().words["descriptive_adjectives"])
    return re.compile(rf"^the (?:{adjectives}) ", re.I)


def plain_anaphor(phrase: str) -> str:
    """An anaphor without its describing adjective: "the small island kingdom" → "the island kingdom"."""
    return _adjective_re().sub("the ", phrase)


# "Mali, Niger and Burkina Faso left the bloc. All three have expelled French forces", "The three now host
# Russian units": the three as a subject
_ALL_THREE = r"(?:all|the) three(?=,?\s+(?:have|has|had|are|were|will|would|also|then|now|later|since|\w+ed)\b)"


@lru_cache(maxsize=1)
def counted_nouns() -> str:
    """A pattern for a counted anaphor's noun, with one optional word before it ("the two former enemies")."""
    return rf"(?:\w+ )?(?:{alternation(load_grammar().words['counted_nouns'])})"


def _sketch(sentence: str, anchors: Sequence[Anchor]) -> tuple[str, list[tuple[int, int]]]:
    parts: list[str] = []
    pos: list[tuple[int, int]] = []
    last = 0
    length = 0
    for k, a in enumerate(anchors):
        chunk = sentence[last : a.start]
        parts.append(chunk)
        length += len(chunk)
        mark = f"§{k}§"
        pos.append((length, length + len(mark)))
        parts.append(mark)
        length += len(mark)
        last = a.end
        if sentence[last : last + 1] == "." and _INITIALISM.fullmatch(sentence[a.start : a.end]):
            last += 1  # "U.S. soldiers": the initialism's full stop is part of the name, not a token
    parts.append(sentence[last:])
    return "".join(parts), pos


_OPEN_ENDS = frozenset({"other", "several", "many", "dozen", "dozens", "more", "some"})


def open_list(low: list[str], run: list[Phrase], seps: list[str]) -> bool:
    """Whether "A, B and several other states" lists A and B though its last member names no actor.

    >>> a, b = Phrase(0, 0, [0]), Phrase(2, 2, [1])
    >>> open_list(["§0§", ",", "§1§", "and", "several", "other", "states"], [a, b], [","])
    True
    """
    end = run[-1].last + 1
    return (
        len(run) > 1
        and all(s == "," for s in seps)
        and low[end : end + 1] in (["and"], ["or"])
        and bool(_OPEN_ENDS.intersection(low[end + 1 : end + 5]))
    )


def parenthesised(low: list[str], run: list[Phrase]) -> bool:
    """Whether a list stands in parentheses, "(A, B, C)", which lists it without a conjunction."""
    return (
        len(run) > 1
        and run[0].first > 0
        and low[run[0].first - 1] == "("
        and run[-1].last + 1 < len(low)
        and low[run[-1].last + 1] == ")"
    )


def conjoined(seps: list[str]) -> bool:
    """Whether a list's separators already hold its one conjunction without a comma ("A and B")."""
    return any(sep in ("and", "or", "and the", "or the") for sep in seps)


def upto_comma(low: list[str], i: int, n: int) -> list[str]:
    """The words from ``i`` on, at most ``n``, up to the next comma or full stop ("built in Spain by ...")."""
    out: list[str] = []
    for w in low[i : i + n]:
        if w in (",", ".", ";"):
            break
        out.append(w)
    return out


def passive_pair(low: list[str], i: int, g: Grammar) -> bool:
    """The "and" or "or" at ``i`` joins two participles of one passive, the by-phrase after the second.

    "The rebels are armed and funded by Rwanda", "militias trained or equipped by Iran": both
    participles take the by-phrase, and the "and" opens no clause of its own.
    """
    return (
        0 < i < len(low) - 2
        and low[i] in ("and", "or")
        and low[i + 2] == "by"
        and g.participle(low[i - 1])
        and g.participle(low[i + 1])
    )


_RESUMING_VERBS = frozenset(["are", "were", "is", "was", "have", "has", "had", "will", "remain", "remains", "now"])


def reduced_relative(low: list[str], v: int, after_item: bool, preps: AbstractSet[str] = frozenset()) -> bool:
    """A participle right after an item that a later verb of its clause goes on from: a passive.

    "Iranian drones supplied to Sudan last year are now flown over Darfur"; also "the army,
    backed by Iran", "missiles launched by the Houthis" (a by-phrase right after, read by the caller);
    and an item a preposition governs, which is no verb's subject ("like other Western weapons
    supplied to Ukraine").
    """
    if not after_item:
        return False
    k = v - 2
    while k >= 0 and v - k <= 5 and low[k].isalpha() and low[k] not in preps and low[k] not in _RESUMING_VERBS:
        k -= 1
    if k >= 0 and low[k] in preps and low[k] not in ("to", "of"):
        return True
    for w in low[v + 1 : v + 12]:
        if w in (",", ";", ":", "and", "but", "which", "that", "who", "while", "where", "when", "after", "before"):
            return False
        if w in _RESUMING_VERBS:
            return True
    return False
