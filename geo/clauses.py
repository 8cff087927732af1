"""A light clause analysis of one sentence: actor phrases, clauses, and who does what to whom.

The relation cues (:mod:`geo.relations`) need to know, for a cue word, who
is the subject of its clause, what its object is, and which actor sits in
its to/from/with/by phrase. A full parser is too slow for the extractor's
budget (a few milliseconds per article), so this module does what the cues
need and no more:

1. **Tokens.** The sentence is split into words and punctuation; each actor
   mention (an :class:`Anchor`) becomes one token.
2. **Actor phrases.** Each actor token grows into a phrase: a determiner
   before it, a possessive ``'s`` and a head noun after it ("Russia's
   forces", "the Sudanese army"). Phrases joined by commas and a final
   "and"/"or" become one coordinated phrase ("the US, Britain and
   Australia"); a phrase between commas with no conjunction is an
   apposition. Each phrase records the preposition that governs it.
3. **Clauses.** The sentence is cut at semicolons, dashes, parentheses,
   subordinating and relative words, a coordinating "and" that is not part
   of a list, participles after a comma (", backing ...") and reported
   speech ("X said ..."). A relative, parenthetical or reduced passive
   clause ("the army, backed by Iran") knows the phrase it hangs on.
4. **Roles.** :meth:`Parse.subject`, :meth:`Parse.object`,
   :meth:`Parse.pp` and :meth:`Parse.agent` answer for a cue token; a
   subject that is a pronoun or "the two countries" is read from the
   :class:`Context` of the previous sentences.

The word classes come from ``geo/data/grammar.toml``.

Examples
--------
>>> s = "Russia and Iran have backed the Assad government."
>>> p = parse(s, [Anchor(0, 6, "RU"), Anchor(11, 15, "IR"), Anchor(36, 41, "SY", "leader")])
>>> v = p.find("backed")
>>> p.subject(v).ids, p.object(v).ids, p.passive(v)
(('RU', 'IR'), ('SY',), False)
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


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
    ``transfer`` the supplier and recipient of the last transfer read (a
    package's later items: "the deal also includes ..."); ``conflict`` the
    attackers of the last conflict read ("support to the strikes").
    """

    subjects: list[str] = field(default_factory=list)
    pair: tuple[str, str] | None = None
    plural: tuple[str, ...] = ()
    leader: str = ""
    actors: list[str] = field(default_factory=list)
    mentions: dict[str, int] = field(default_factory=dict)
    transfer: tuple[str, str] | None = None
    conflict: tuple[str, ...] = ()

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

    def has(self, cls: str, word: str) -> bool:
        return word in self.words[cls]


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


_TOKEN = re.compile(r"§\d+§|\d+(?:[.,]\d+)*|\w+(?:[-‐]\w+)*(?:n['’]t)?|['’]s\b|['’]|[^\w\s]")
_ANCHOR = re.compile(r"§(\d+)§")
_ADVERB_END = ("ly",)
# words that end an actor phrase's head noun even though they are not in a word class
_HEAD_STOP = frozenset(
    {
        "also",
        "already",
        "still",
        "now",
        "then",
        "soon",
        "again",
        "just",
        "even",
        "only",
        "too",
        "last",
        "next",
        "recently",
        "reportedly",
        "allegedly",
        "said",
        "says",
        "say",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "must",
        "should",
        "did",
        "does",
        "do",
        "being",
        "been",
    }
)


def tokenize(sketch: str) -> list[Token]:
    """Tokens of a sketch (a sentence whose anchors are written ``§k§``)."""
    out: list[Token] = []
    for m in _TOKEN.finditer(sketch):
        text = m.group()
        am = _ANCHOR.fullmatch(text)
        space = m.start() == 0 or sketch[m.start() - 1].isspace()
        out.append(Token(text, text.lower(), m.start(), m.end(), int(am.group(1)) if am else -1, space))
    return out


class Parse:
    """The analysis of one sentence (see the module docstring)."""

    def __init__(
        self,
        sentence: str,
        anchors: Sequence[Anchor],
        context: Context | None = None,
        verbs: frozenset[str] = frozenset(),
    ):
        self.sentence = sentence
        self.context = context or Context()
        self.g = load_grammar()
        self.anchors = sorted([*anchors, *self._anaphors(sentence, anchors)], key=lambda a: a.start)
        self.verbs = verbs  # finite verb forms of the cue table: they end an actor phrase's head
        self.sketch, self.pos = _sketch(sentence, self.anchors)
        self.tokens = tokenize(self.sketch)
        self.low = [t.low for t in self.tokens]
        self.phrases: list[Phrase] = []
        self.phrase_at: list[int] = [-1] * len(self.tokens)
        self._chunk()
        self.clauses: list[Clause] = []
        self.clause_of: list[int] = [0] * len(self.tokens)
        self._split()

    def _anaphors(self, sentence: str, anchors: Sequence[Anchor]) -> list[Anchor]:
        """ "the two countries", "both sides", "the country": anchors read from earlier actors."""
        out: list[Anchor] = []
        taken = [(a.start, a.end) for a in anchors]
        for m in _anaphor_re().finditer(sentence):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            before = [a for a in anchors if a.end <= s and a.how != "place"]
            phrase = m.group().lower()
            if phrase in ("the army", "the armed forces", "the military"):
                from geo.actors import load_groups

                focus = self.context.focus() or next((a.id for a in reversed(before) if a.kind == "country"), "")
                army = load_groups().army_of(focus.split("@")[0]) if focus else None
                if army is not None:
                    out.append(Anchor(s, e, f"{army.iso}@{army.id}", "group", "country"))
            elif phrase in _group_phrases():
                groups = [a.id for a in before if a.how == "group"] or list(self.context.plural[:1])
                if groups:
                    out.append(Anchor(s, e, groups[-1], "anaphor", "country"))
            elif phrase in _pair_phrases():
                ids = list(dict.fromkeys(a.id for a in before))
                pair = tuple(ids[-2:]) if len(ids) >= 2 else (self.context.pair or ())
                if len(pair) == 2:
                    out.append(Anchor(s, e, "|".join(pair), "anaphor", "country"))
            else:
                # the story's focus (the country named most often), unless it acts in this clause already
                countries = [a.id for a in before if a.kind == "country"]
                possessive = sentence[e : e + 2] in ("'s", "’s")  # "the country's partnership": the story's focus
                ident = self.context.focus(exclude=() if possessive else countries[:1])
                if not ident and countries:
                    ident = countries[-1]
                if ident:
                    out.append(Anchor(s, e, ident, "anaphor", "country"))
            taken.append((s, e))
        return out

    # -- small helpers ----------------------------------------------------------------
    def find(self, word: str, start: int = 0) -> int:
        """Index of the first token ``word`` (lower case) at or after ``start``, or -1."""
        for i in range(start, len(self.tokens)):
            if self.low[i] == word:
                return i
        return -1

    def anchor(self, k: int) -> Anchor:
        return self.anchors[k]

    def ids(self, ph: Phrase) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x for k in ph.anchors for x in self.anchors[k].id.split("|")))

    def side(self, pi: int) -> Side:
        ph = self.phrases[pi]
        hows = {self.anchors[k].how for k in ph.anchors}
        return Side(self.ids(ph), pi, hows.pop() if len(hows) == 1 else "mixed")

    def text(self, i: int, j: int) -> str:
        """The original sentence text from token i to token j (inclusive)."""
        if i > j or i >= len(self.tokens):
            return ""
        return self.original(self.tokens[i].start, self.tokens[min(j, len(self.tokens) - 1)].end)

    def original(self, s: int, e: int) -> str:
        """Sketch offsets s..e written back with the anchors' original words."""
        return _ANCHOR.sub(lambda m: self._anchor_text(int(m.group(1))), self.sketch[s:e])

    def _anchor_text(self, k: int) -> str:
        a = self.anchors[k]
        return self.sentence[a.start : a.end]

    def is_word(self, i: int) -> bool:
        t = self.tokens[i]
        return t.anchor < 0 and (t.text[0].isalpha())

    def is_function(self, w: str) -> bool:
        g = self.g
        return (
            g.has("determiners", w)
            or g.has("prepositions", w)
            or g.has("auxiliaries", w)
            or g.has("conjunctions", w)
            or g.has("subordinators", w)
            or g.has("relatives", w)
            or g.has("negations", w)
            or w in _HEAD_STOP
        )

    def finite(self, w: str) -> bool:
        """``w`` looks like a finite verb: a cue verb form, an auxiliary, a past tense."""
        g = self.g
        return (
            w in self.verbs
            or g.has("auxiliaries", w)
            or g.has("irregular_past", w)
            or g.has("reporting", w)
            or (w.endswith("ed") and len(w) > 4 and w not in _ED_NOUNS)
        )

    def match(self, i: int, cls: str) -> int:
        """Length in tokens of the longest entry of word class ``cls`` starting at token i (0: none)."""
        if i >= len(self.low):
            return 0
        w = self.low[i]
        best = 1 if w in self.g.words[cls] else 0
        for words in self.g.starts.get(cls, {}).get(w, ()):
            n = len(words)
            if n > best and tuple(self.low[i : i + n]) == words:
                best = n
        return best

    # -- actor phrases ------------------------------------------------------------------
    def _chunk(self) -> None:
        toks, low, g = self.tokens, self.low, self.g
        simple: list[Phrase] = []
        i = 0
        while i < len(toks):
            if toks[i].anchor < 0:
                i += 1
                continue
            first = i
            while first > 0 and (g.has("determiners", low[first - 1]) or low[first - 1] in ("fellow", "pro", "-")):
                if low[first - 1] == "-" and (first < 2 or low[first - 2] != "pro"):
                    break
                first -= 1
            last = i
            ph = Phrase(first, last, [toks[i].anchor])
            j = i + 1
            if j < len(toks) and low[j] in ("'s", "’s", "'", "’"):
                ph.possessive = True
                ph.last = j
                j += 1
            a = self.anchors[toks[i].anchor]
            if ph.possessive or a.how in ("demonym", "group", "organ") or (first < i and low[first] == "the"):
                head: list[int] = []
                k = j
                while k < len(toks) and len(head) < 3:
                    w = low[k]
                    if toks[k].anchor >= 0 or not toks[k].text[0].isalpha() or self.is_function(w):
                        break
                    if w.endswith(_ADVERB_END) and not toks[k].text[0].isupper():
                        break
                    modifier = ph.possessive or (a.how == "demonym" and not self._anchor_text(toks[i].anchor).isupper())
                    if self.finite(w) and not (
                        modifier
                        and not head
                        and not g.has("auxiliaries", w)
                        and not g.has("irregular_past", w)
                        and not w.endswith("ed")
                    ):
                        break  # after "Iran's", "Turkish" the next word is a noun even when it could be a verb
                    if len(head) == 2:
                        break
                    nxt = low[k + 1] if k + 1 < len(toks) else ""
                    if head and (
                        nxt in ("the", "a", "an", "its", "their") or (k + 1 < len(toks) and toks[k + 1].anchor >= 0)
                    ):
                        break  # "Sudan's war pits the army": a verb before its object, not a second noun
                    acronym = toks[i].anchor >= 0 and self._anchor_text(toks[i].anchor).isupper()
                    if (
                        (a.how not in ("demonym", "group") or acronym)
                        and not ph.possessive
                        and not (toks[k].text[0].isupper() or g.has("agent_nouns", w) or w in _ITEM_WORDS)
                    ):
                        break  # "the United States wants": only "the US Navy", "the Assad government"
                    head.append(k)
                    k += 1
                if head:
                    ph.head = " ".join(low[h] for h in head)
                    ph.head_at = head[-1]
                    ph.last = head[-1]
            simple.append(ph)
            i = max(i + 1, ph.last + 1)
        simple = self._merge_owned_groups(simple)
        self.phrases = self._coordinate(simple)
        for pi, ph in enumerate(self.phrases):
            for t in range(ph.first, ph.last + 1):
                self.phrase_at[t] = pi
            self._govern(pi)
        self._appositions()

    def _merge_owned_groups(self, simple: list[Phrase]) -> list[Phrase]:
        """ "Sudan's paramilitary Rapid Support Forces": the country's phrase joins the group it owns."""
        out: list[Phrase] = []
        for ph in simple:
            if out:
                prev = out[-1]
                a = self.anchors[ph.anchors[0]]
                b = self.anchors[prev.anchors[0]]
                if (
                    (prev.possessive or b.how == "demonym")
                    and "@" in a.id
                    and a.id.split("@")[0] == b.id
                    and ph.first == prev.last + 1
                    and len(prev.anchors) == 1
                ):
                    ph.first = prev.first
                    out[-1] = ph
                    continue
            out.append(ph)
        return out

    def _coordinate(self, simple: list[Phrase]) -> list[Phrase]:
        """Merge "A, B and C" into one phrase; "A, B," without a conjunction stays apart."""
        low = self.low
        out: list[Phrase] = []
        i = 0
        while i < len(simple):
            run = [simple[i]]
            seps: list[str] = []
            j = i
            while j + 1 < len(simple):
                gap = low[run[-1].last + 1 : simple[j + 1].first]
                if (
                    len(gap) == 2
                    and gap[0] in ("and", "or")
                    and self.tokens[simple[j + 1].first - 1].text[0].isalpha()
                    and not self.is_function(gap[1])
                    and not self.finite(gap[1])
                ):
                    gap = gap[:1]  # "Russia and Communist China": one modifier before the last member
                sep = " ".join(gap)
                if sep in (",", "and", "or", ", and", ", or", "as well as", ", as well as", "&", "and the", "or the"):
                    seps.append(sep)
                    run.append(simple[j + 1])
                    j += 1
                else:
                    break
            # a list needs a conjunction before its last member (or parentheses around it: "(A, B, C)")
            in_parens = (
                len(run) > 1
                and run[0].first > 0
                and low[run[0].first - 1] == "("
                and run[-1].last + 1 < len(low)
                and low[run[-1].last + 1] == ")"
            )
            while len(run) > 1 and not in_parens and not any(c in seps[-1] for c in ("and", "or", "&", "as well as")):
                run.pop()
                seps.pop()
            if len(run) > 1 and self._clause_follows(run):
                run, seps = run[:1], []
            if len(run) > 1:
                both = run[0].first > 0 and low[run[0].first - 1] == "both"
                merged = Phrase(
                    run[0].first - (1 if both else 0),
                    run[-1].last,
                    [k for ph in run for k in ph.anchors],
                    head=run[-1].head,
                    head_at=run[-1].head_at,
                    possessive=run[-1].possessive,
                )
                out.append(merged)
                i += len(run)
            else:
                out.append(run[0])
                i += 1
        return out

    def _clause_follows(self, run: list[Phrase]) -> bool:
        """ "sold drones to Ukraine and Russia condemned it": the last member opens a new clause."""
        after = run[-1].last + 1
        if after >= len(self.tokens):
            return False
        w = self.low[after]
        if not self.finite(w):
            return False
        if len(run) > 2:
            return False
        before = run[0].first - 1
        return before >= 0 and (
            self.low[before] in ("to", "for", "from", "with", "against", "on", "at", "into")
            or self.low[before] in self.verbs
        )

    def _govern(self, pi: int) -> None:
        """The preposition governing phrase pi: skip up to three modifier words to its left."""
        ph = self.phrases[pi]
        k = ph.first - 1
        skipped = 0
        while k >= 0 and skipped < 4:
            w = self.low[k]
            if self.g.has("prepositions", w) or w in ("including", "such", "like"):
                if w in _CLAUSAL_PREPS and self._verb_soon(ph.last + 1):
                    return  # "since India will ...", "after Niger last month suspended": a clause, not a phrase
                if w == "as" and k > 0 and self.low[k - 1] == "such":
                    w = "including"
                ph.prep, ph.prep_at = ("including" if w in ("such", "like") else w), k
                if w == "including" and k > 1 and self.low[k - 1] == "," and self.low[k - 2] in _GROUP_NOUNS:
                    ph.official_of = True  # "Several countries, including A, B and C, provided ..."
                if w in ("of", "from") and k > 0:
                    before = self.low[k - 1]
                    two = " ".join(self.low[max(0, k - 2) : k])
                    if (
                        self.g.has("official_nouns", before)
                        or two in self.g.words["official_nouns"]
                        or any(two == " ".join(p) for p in self.g.phrases["official_nouns"])
                    ):
                        ph.official_of = True
                return
            if w[:1].isdigit() and skipped < 3:  # "against 18 Houthi targets"
                skipped += 1
                k -= 1
                continue
            if self.tokens[k].anchor >= 0 or not self.tokens[k].text[0].isalpha() or self.is_function(w):
                return
            if w in self.verbs:
                return
            skipped += 1
            k -= 1

    def _verb_soon(self, j: int) -> bool:
        """A finite verb follows at token j, perhaps after a time phrase ("last month", "on Monday")."""
        for k in range(j, min(j + 4, len(self.tokens))):
            w = self.low[k]
            if self.finite(w):
                return True
            if (
                self.tokens[k].anchor >= 0
                or not self.tokens[k].text[0].isalnum()
                or (self.g.has("prepositions", w) and w not in ("on", "this", "last"))
            ):
                return False
        return False

    def _appositions(self) -> None:
        low = self.low
        for pi in range(1, len(self.phrases)):
            ph = self.phrases[pi]
            if ph.first > 0 and low[ph.first - 1] == ",":
                prev_end = ph.first - 2
                if prev_end >= 0 and self.phrase_at[prev_end] >= 0 and self.phrase_at[prev_end] != pi:
                    ph.apposition_of = self.phrase_at[prev_end]

    # -- clauses ------------------------------------------------------------------------
    def _split(self) -> None:
        toks, low, g = self.tokens, self.low, self.g
        cl = Clause(0, len(toks) - 1)
        self.clauses = [cl]
        depth_paren: list[int] = []

        def cut(i: int, kind: str, marker: str = "", antecedent: int = -1) -> None:
            cur = self.clauses[-1]
            cur.last = i - 1
            parent = len(self.clauses) - 1
            if kind in ("main",):
                parent = -1
            self.clauses.append(Clause(i, len(toks) - 1, kind, marker, antecedent, parent))

        i = 0
        while i < len(toks):
            w = low[i]
            prev = low[i - 1] if i > 0 else ""
            if i == 0:
                if g.has("subordinators", w) and w in (
                    "if",
                    "unless",
                    "whether",
                    "although",
                    "though",
                    "while",
                    "because",
                    "when",
                    "as",
                    "after",
                    "before",
                    "since",
                ):
                    cl.kind, cl.marker = "sub", w
                i += 1
                continue
            cur = self.clauses[-1]
            if (
                w == ","
                and (
                    cur.kind in ("reduced", "part")
                    or (cur.kind == "rel" and cur.marker != "that" and cur.first > 0 and low[cur.first - 1] == ",")
                )
                and cur.first < i - 1
                and self.phrase_at[i] < 0
            ):
                back = cur.parent
                cut(i + 1, "coord" if back >= 0 else "main")
                self.clauses[-1].parent = back
                i += 1
                continue
            if w in (";",) or (w in ("—", "–", "-") and toks[i].space and i + 1 < len(toks) and toks[i + 1].space):
                cut(i + 1, "main")
            elif w == ":":
                cut(i + 1, "content")
            elif w == "(":
                ante = self.phrase_at[i - 1]
                cut(i + 1, "paren", "(", ante)
                depth_paren.append(len(self.clauses) - 2)
            elif w == ")" and depth_paren:
                back = depth_paren.pop()
                cut(i + 1, "cont")
                self.clauses[-1].parent = back
            elif w in ("which", "who", "whom", "whose") or (w == "where" and prev == ","):
                ante = self._antecedent(i)
                cut(i, "rel", w, ante)
            elif w == "that" and self._that_opens(i):
                kind = (
                    "content"
                    if self.g.has("reporting", prev) or prev in self.verbs or self.match(i - 1, "denials")
                    else "rel"
                )
                cut(i, kind, w, self._antecedent(i) if kind == "rel" else -1)
            elif g.has("subordinators", w) and (
                w
                in (
                    "but",
                    "while",
                    "whereas",
                    "although",
                    "though",
                    "because",
                    "if",
                    "unless",
                    "whether",
                    "when",
                    "where",
                    "so",
                    "yet",
                )
                or prev == ","
            ):
                if w == "so" and i + 1 < len(toks) and low[i + 1] in ("that", "far", "much", "called"):
                    pass
                else:
                    cut(i, "sub", w)
            elif w in ("and", "or") and self.phrase_at[i] < 0 and self._opens_clause(i):
                cut(i, "coord", w)
            elif (
                prev == ","
                and w.endswith("ing")
                and self.is_word(i)
                and w
                not in (
                    "including",
                    "following",
                    "regarding",
                    "concerning",
                    "according",
                    "during",
                    "nothing",
                    "something",
                    "anything",
                    "everything",
                )
            ):
                cut(i, "part", w)
            elif prev == "," and w.endswith(("ed", "en")) and i + 1 < len(toks) and low[i + 1] == "by":
                cut(i, "reduced", w, self._antecedent(i))
            elif g.has("reporting", w) and self._content_follows(i):
                speaker = self._speaker(i)
                cut(i + 1, "content", w)
                self.clauses[-1].speaker = speaker
            i += 1
        for ci, c in enumerate(self.clauses):
            for t in range(c.first, c.last + 1):
                self.clause_of[t] = ci

    def _content_follows(self, i: int) -> bool:
        """A reporting verb opens a content clause: "said that ...", "said it would ...", "said Russia had ..."."""
        nxt = i + 1
        if nxt >= len(self.tokens):
            return False
        w = self.low[nxt]
        if w in ("that", "it", "they", "he", "she", "we", "the", "this", "these"):
            return w != "the" or self._phrase_then_verb(nxt)
        return self._phrase_then_verb(nxt)

    def _phrase_then_verb(self, i: int) -> bool:
        pi = self.phrase_at[i]
        if pi < 0 and i + 1 < len(self.tokens) and self.low[i] in ("the", "a"):
            pi = self.phrase_at[i + 1]
        if pi < 0:
            return False
        after = self.phrases[pi].last + 1
        return after < len(self.tokens) and self.finite(self.low[after])

    def _antecedent(self, i: int) -> int:
        k = i - 1
        if k >= 0 and self.low[k] == ",":
            k -= 1
        return self.phrase_at[k] if k >= 0 else -1

    def _that_opens(self, i: int) -> bool:
        prev = self.low[i - 1]
        if self.g.has("reporting", prev) or prev in self.verbs or prev == "," or self.match(i - 1, "denials"):
            return True
        if self.phrase_at[i - 1] >= 0:
            return True
        nxt = i + 1
        return nxt < len(self.tokens) and (
            self.phrase_at[nxt] >= 0 or self.low[nxt] in ("it", "they", "he", "she", "the", "this", "these", "its")
        )

    def _opens_clause(self, i: int) -> bool:
        """ "and" opens a clause unless it joins two words of one phrase ("arms and ammunition")."""
        nxt = i + 1
        if nxt >= len(self.tokens):
            return False
        w = self.low[nxt]
        return (
            self.finite(w)
            or self.phrase_at[nxt] >= 0
            or w in ("it", "they", "he", "she", "then", "later", "the", "its", "their")
        )

    def _speaker(self, i: int) -> Side | None:
        c = self.clauses[-1]
        for pi in range(len(self.phrases) - 1, -1, -1):
            ph = self.phrases[pi]
            if c.first <= ph.first and ph.last < i and (not ph.prep or ph.official_of):
                return self.side(pi)
        return None

    # -- roles ------------------------------------------------------------------------
    def clause(self, i: int) -> Clause:
        return self.clauses[self.clause_of[i]]

    def subject(self, v: int, *, exclude: frozenset[str] = frozenset(), first: bool = False) -> Side | None:
        """Who does what token v says: the clause's subject phrase, its antecedent, or a pronoun read from context."""
        if v >= 2 and self.low[v - 1] == "to":
            # "India's decision to supply", "Turkey's desire to buy": the possessor acts
            k = v - 2
            pi = self.phrase_at[k]
            if (
                pi >= 0
                and self.phrases[pi].head_at == k
                and (self.phrases[pi].possessive or self.anchors[self.phrases[pi].anchors[0]].how == "demonym")
            ):
                s = self.side(pi)
                if not set(s.ids) <= exclude:
                    return s
        if (
            self.low[v].endswith("ing")
            and v > 0
            and not (
                self.g.has("auxiliaries", self.low[v - 1])
                or self.g.has("be_forms", self.low[v - 1])
                or self.low[v - 1] in ("to", "of", "for", "not")
            )
        ):
            first = True  # "launched a strike on Monday targeting ...": the participle's subject leads the clause
        ci = self.clause_of[v]
        seen = 0
        while ci >= 0 and seen < 6:
            seen += 1
            c = self.clauses[ci]
            if c.kind in ("rel", "reduced", "paren") and c.antecedent >= 0 and c.marker not in ("where", "whose"):
                if c.kind == "rel" and self._subject_in(c, v, exclude):
                    return self._subject_in(c, v, exclude)
                s = self.side(c.antecedent)
                return s if not set(s.ids) <= exclude else None
            if seen > 1:
                pron = self._pronoun_in(c, v)
                if pron is not None and not set(pron.ids) <= exclude:
                    return pron
            s = self._subject_in(c, v, exclude, first=first or seen > 1)
            if s is not None:
                return s
            pron = self._pronoun_in(c, v)
            if pron is not None:
                return pron
            if seen == 1 and self._agent_noun_subject(c, v) and self.context.subjects:
                # "The instructors ... will train Nigerien troops": agents of the actor just named
                return Side((self.context.subjects[-1],), -1, "context")
            if c.kind in ("coord", "part", "sub", "cont") or (c.kind == "content" and c.speaker is None):
                ci = c.parent if c.parent >= 0 else ci - 1
                # a clause without a subject shares the subject of the main clause before it
                while ci > 0 and (
                    self.clauses[ci].kind in ("paren", "rel", "reduced", "part")
                    or (self.clauses[ci].kind in ("coord", "cont") and not self._has_verb(self.clauses[ci]))
                ):
                    ci = self.clauses[ci].parent if self.clauses[ci].parent >= 0 else ci - 1
                v = self.clauses[ci].last + 1 if ci >= 0 else v
                continue
            return None
        return None

    def _subject_in(self, c: Clause, v: int, exclude: frozenset[str], first: bool = False) -> Side | None:
        order = range(len(self.phrases)) if first else range(len(self.phrases) - 1, -1, -1)
        for pi in order:
            ph = self.phrases[pi]
            if ph.last >= v or ph.first < c.first:
                continue
            if ph.prep and not ph.official_of:
                continue
            if ph.apposition_of >= 0:
                continue
            if ph.head_at >= 0 and ph.head in _ITEM_WORDS and not ph.possessive:
                continue  # "Turkish drones" names a maker, not the subject
            if ph.last + 1 < len(self.low) and self.low[ph.last + 1] in ("-", "‐"):
                continue  # "Israel-linked vessels": a modifier, not the subject
            if all(
                self.anchors[k].how == "place" and self.anchors[k].kind in ("region", "sea", "strait", "city", "admin1")
                for k in ph.anchors
            ):
                continue  # "the Sahel region": a place, not who acts
            if first:
                pron = self._pronoun_in(c, ph.first)
                if pron is not None and not set(pron.ids) <= exclude:
                    return pron
            s = self.side(pi)
            if set(s.ids) <= exclude:
                continue
            return s
        return None

    def _pronoun_in(self, c: Clause, v: int) -> Side | None:
        low = self.low
        for i in range(c.first, min(v, c.last + 1)):
            w = low[i]
            n = self.match(i, "anaphors_pair")
            if n:
                pair = self.pair_before(c.first)
                if pair:
                    return Side(pair, -1, "pair")
            n1 = self.match(i, "anaphors_singular")
            if w in ("it", "its") or n1:
                if i > c.first and self.g.has("prepositions", low[i - 1]):
                    continue
                if c.speaker is not None:
                    return Side(c.speaker.ids[:1], -1, "pronoun")
                main = self.main_subject(before=c.first)
                if main:
                    return Side(main[:1], -1, "pronoun")
                if self.context.subjects:
                    return Side((self.context.subjects[-1],), -1, "pronoun")
                return None
            if w in ("they", "their"):
                if c.speaker is not None and len(c.speaker.ids) > 1:
                    return c.speaker
                plural = self.plural_before(c.first)
                if plural:
                    return Side(plural, -1, "pronoun")
                if self.context.plural:
                    return Side(self.context.plural, -1, "pronoun")
                return None
            if w in ("he", "she") or (w in ("his", "her") and i == c.first):
                leader = self.leader_before(c.first) or self.context.leader
                if leader:
                    return Side((leader,), -1, "pronoun")
                return None
            if self.phrase_at[i] >= 0 or w in self.verbs:
                return None
        return None

    def possessive_pronoun(self, k: int) -> Side | None:
        """Whose "its"/"their" at token k is: the nearest actor before it in the sentence, else the context."""
        plural = self.low[k] == "their"
        for pi in range(len(self.phrases) - 1, -1, -1):
            ph = self.phrases[pi]
            if ph.last >= k or (ph.prep in ("in", "at", "on", "near", "via", "through", "by") and not plural):
                continue
            s = self.side(pi)
            if plural or len(s.ids) == 1:
                return s
        if plural and self.context.plural:
            return Side(self.context.plural, -1, "pronoun")
        if self.context.subjects:
            return Side((self.context.subjects[-1],), -1, "pronoun")
        return None

    def _has_verb(self, c: Clause) -> bool:
        return any(
            self.finite(self.low[t]) or self.low[t].endswith("ing")
            for t in range(c.first, c.last + 1)
            if self.tokens[t].anchor < 0
        )

    def _agent_noun_subject(self, c: Clause, v: int) -> bool:
        """The clause (or the sentence) opens with "the <agent noun>" and names no actor before v."""
        first = c.first if c.kind not in ("coord", "cont", "rel", "reduced", "part") else 0
        i = first
        if i < len(self.low) and self.low[i] == "the":
            i += 1
        return (
            i < v
            and self.tokens[i].anchor < 0
            and self.g.has("presence_nouns", self.low[i])
            and not any(ph.first < v for ph in self.phrases)
        )

    def main_subject(self, before: int) -> tuple[str, ...]:
        """The ids of the first unprepositioned phrase of the sentence before token ``before``."""
        for _pi, ph in enumerate(self.phrases):
            if ph.first >= before:
                break
            if (not ph.prep or ph.official_of) and ph.apposition_of < 0:
                return self.ids(ph)
        return ()

    def pair_before(self, i: int) -> tuple[str, ...]:
        seen: list[str] = []
        for ph in self.phrases:
            if ph.first >= i:
                break
            seen += [x for x in self.ids(ph) if x not in seen]
        if len(seen) >= 2:
            return tuple(seen[-2:])
        return self.context.pair or ()

    def plural_before(self, i: int) -> tuple[str, ...]:
        for ph in reversed(self.phrases):
            if ph.first < i and (len(set(self.ids(ph))) > 1 or any(self.anchors[k].how == "group" for k in ph.anchors)):
                return self.ids(ph)
        return ()

    def leader_before(self, i: int) -> str:
        for ph in reversed(self.phrases):
            if ph.first < i:
                for k in ph.anchors:
                    if self.anchors[k].how == "leader":
                        return self.anchors[k].id
        return ""

    def object(self, v: int, *, skip: int = 4) -> Side | None:
        """The phrase right after token v (its direct object), skipping adverbs, particles and modifiers."""
        c = self.clause(v)
        i = v + 1
        skipped = 0
        if i <= c.last and self.low[i] in ("its", "their") and i + 1 <= c.last and self.phrase_at[i + 1] < 0:
            # "shelled its positions": whose positions the sentence has named
            return self.possessive_pronoun(i)
        while i <= c.last and skipped <= skip:
            pi = self.phrase_at[i]
            if pi >= 0:
                ph = self.phrases[pi]
                if ph.prep and ph.prep_at > v:
                    return None
                return self.side(pi)
            w = self.low[i]
            if not self.tokens[i].text[0].isalnum() and w not in ("-",):
                return None
            if (
                w in ("at", "up", "more", "less", "fewer")
                and i + 1 < len(self.low)
                and self.low[i + 1] in ("least", "to", "than", "most")
            ):
                i += 2
                continue
            if self.g.has("prepositions", w) and w not in self.g.words["particles"]:
                return None
            if w in self.verbs and skipped:
                return None
            skipped += 1
            i += 1
        return None

    def pp(self, v: int, preps: Sequence[str], *, limit: int = 25, left: bool = False) -> Side | None:
        """The nearest phrase after token v (within its clause) governed by one of ``preps``."""
        c = self.clause(v)
        end = min(c.last, v + limit)
        for pi, ph in enumerate(self.phrases):
            if ph.first <= v or ph.first > end or ph.prep_at < v:
                continue
            if ph.prep in preps and ph.prep_at >= v:
                if ph.head in self.g.words["place_nouns"] and ph.prep in (
                    "on",
                    "at",
                    "in",
                    "near",
                    "along",
                    "off",
                    "to",
                    "into",
                ):
                    continue  # "clashes on the Sudanese border": a place, not a side
                return self.named_side(pi)
        return None

    def named_side(self, pi: int) -> Side:
        """A phrase's side; "a fellow US ally, Qatar" is Qatar, not the US."""
        ph = self.phrases[pi]
        if ph.head in _RELATIONAL_HEADS and ph.last + 2 < len(self.low) and self.low[ph.last + 1] == ",":
            nxt = self.phrase_at[ph.last + 2]
            if nxt >= 0:
                return self.side(nxt)
        if ph.head in ("proxy", "proxies", "client", "clients") and self.context.plural:
            return Side(self.context.plural, -1, "context")  # "weapons to Iran's proxies": the group in the story
        return self.side(pi)

    def agent(self, v: int) -> Side | None:
        """The by-phrase of a passive verb."""
        return self.pp(v, ("by",), limit=12)

    def passive(self, v: int) -> bool:
        """Token v is a participle after a form of "be" ("was sold"), or a reduced passive ("backed by")."""
        w = self.low[v]
        if not (w.endswith(("ed", "en", "wn", "ld", "nt", "ght", "ought")) or w in _IRREGULAR_PARTICIPLES):
            return False
        k = v - 1
        while k >= 0 and (
            self.low[k].endswith("ly")
            or self.low[k] in ("not", "also", "already", "being", "been", "reportedly", "allegedly", "still", "now")
        ):
            if self.low[k] in ("being", "been"):
                return True
            k -= 1
        if k >= 0 and self.g.has("be_forms", self.low[k]):
            return True
        c = self.clause(v)
        if c.kind in ("reduced", "paren") and c.first == v:
            return True
        if (
            v >= 2
            and self.low[v - 1] in ("both", "all")
            and self.low[v - 2] == ","
            and v + 1 < len(self.low)
            and self.low[v + 1] == "by"
        ):
            return True
        nxt = v + 1
        return bool(
            nxt < len(self.tokens)
            and self.low[nxt] == "by"
            and k >= 0
            and (
                self.phrase_at[k] >= 0 or self.low[k] == "," or (self.is_word(k) and not self.is_function(self.low[k]))
            )
        )  # "the army, backed by Iran", "missiles launched by the Houthis"

    def negated(self, v: int) -> bool:
        """A negation, denial or refusal governs token v within its clause ("did not sell", "denied supplying")."""
        c = self.clause(v)
        lo = max(c.first, v - 6)
        for i in range(lo, v):
            w = self.low[i]
            if w in ("not", "never", "neither", "nor") or w.endswith(("n't", "n’t")):
                return True
            if w == "no" and i + 1 < len(self.low) and self.low[i + 1] == "longer":
                return True
            if w in ("without",):
                return True
            if self.match(i, "denials") and i + 1 < len(self.low) and self.low[i + 1] in ("to", "that"):
                return True
            if self.match(i, "denials") and i == v - 1:
                return True
        if v + 1 < len(self.low) and self.low[v + 1] in ("not", "never") and self.g.has("auxiliaries", self.low[v]):
            return True
        # a clause reported by a denial: "Moscow denied that it had supplied ..."
        ci = self.clause_of[v]
        while ci >= 0:
            cc = self.clauses[ci]
            if cc.kind == "content" and cc.first > 0 and self.match(cc.first - 1, "denials"):
                return True
            if cc.kind == "content" and cc.marker == "that" and cc.first > 0 and self.match(cc.first - 1, "denials"):
                return True
            if (
                cc.kind == "content"
                and cc.first > 1
                and self.match(cc.first - 1, "denials") == 0
                and (self.match(cc.first - 2, "denials") and self.low[cc.first] == "that")
            ):
                return True
            ci = cc.parent
        return False

    def hedged(self, v: int, *, aspirations: bool = True) -> bool:
        """A hedge governs token v: "would consider recognising", "weighing sanctions"; with ``aspirations``
        also a wish: "was invited to join", "seeks to deepen ties"."""
        c = self.clause(v)
        return any(
            self.g.has("hedges", self.low[i]) or (aspirations and self.g.has("aspirations", self.low[i]))
            for i in range(max(c.first, v - 6), v)
        )

    def hypothetical(self, v: int) -> bool:
        """Token v sits in an if/unless/whether clause, or the sentence is a question."""
        if self.sketch.rstrip().endswith("?"):
            return True
        ci = self.clause_of[v]
        hops = 0
        while ci >= 0 and hops < 4:
            c = self.clauses[ci]
            if c.kind == "sub" and self.g.has("hypothetical", c.marker):
                return True
            ci = c.parent
            hops += 1
        return False


# item heads after which an actor phrase names a maker, not an actor ("Turkish drones")
_ITEM_WORDS = frozenset(
    [
        "drones",
        "drone",
        "uavs",
        "uav",
        "missiles",
        "missile",
        "rockets",
        "rocket",
        "weapons",
        "weapon",
        "weaponry",
        "arms",
        "tanks",
        "tank",
        "howitzers",
        "artillery",
        "ammunition",
        "munitions",
        "shells",
        "jets",
        "jet",
        "aircraft",
        "planes",
        "helicopters",
        "systems",
        "system",
        "frigates",
        "corvettes",
        "submarines",
        "warships",
        "vessels",
        "ships",
        "boats",
        "radars",
        "satellites",
        "engines",
        "components",
        "parts",
        "equipment",
        "technology",
        "gas",
        "oil",
        "grain",
        "fighters",
        "bombs",
        "launchers",
        "rifles",
        "guns",
        "vehicles",
    ]
)
_GROUP_NOUNS = frozenset(
    [
        "countries",
        "nations",
        "states",
        "allies",
        "members",
        "governments",
        "partners",
        "powers",
        "neighbours",
        "neighbors",
    ]
)
# prepositions that also open a clause ("since India will be ...")
_CLAUSAL_PREPS = frozenset({"since", "after", "before", "until", "as", "following", "once", "while"})
_RELATIONAL_HEADS = frozenset(
    ["ally", "allies", "partner", "partners", "client", "proxy", "neighbour", "neighbor", "rival"]
)
_ED_NOUNS = frozenset({"speed", "need", "seed", "creed", "breed", "greed", "hundred", "kindred", "shed"})
_IRREGULAR_PARTICIPLES = frozenset(
    [
        "sold",
        "bought",
        "sent",
        "given",
        "made",
        "built",
        "held",
        "led",
        "struck",
        "shot",
        "fought",
        "brought",
        "taken",
        "seen",
        "told",
        "paid",
        "hit",
        "set",
        "put",
        "cut",
        "kept",
        "left",
        "met",
        "run",
        "won",
        "lost",
        "spent",
        "lent",
        "dealt",
        "sought",
        "caught",
    ]
)


@lru_cache(maxsize=1)
def _pair_phrases() -> frozenset[str]:
    g = load_grammar()
    return frozenset(" ".join(w) for w in g.phrases["anaphors_pair"]) | (g.words["anaphors_pair"] - {"both"})


@lru_cache(maxsize=1)
def _group_phrases() -> frozenset[str]:
    return frozenset(" ".join(w) for w in load_grammar().phrases["anaphors_group"])


@lru_cache(maxsize=1)
def _anaphor_re() -> re.Pattern[str]:
    g = load_grammar()
    phrases = set(_pair_phrases()) | {" ".join(w) for w in g.phrases["anaphors_singular"]} | _group_phrases()
    phrases |= {"the army", "the armed forces", "the military"}
    phrases -= {"each other", "one another", "the two"}
    alts = "|".join(re.escape(x) for x in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b(?!['’]s\b\s+(?:own\b))", re.I)


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
    parts.append(sentence[last:])
    return "".join(parts), pos


def parse(
    sentence: str, anchors: Sequence[Anchor], context: Context | None = None, verbs: frozenset[str] = frozenset()
) -> Parse:
    """Analyse one sentence (see :class:`Parse`)."""
    return Parse(sentence, anchors, context, verbs)
