"""A light clause analysis of one sentence: actor phrases, clauses, and who does what to whom.

The relation cues (:mod:`geo.relations`) need to know, for a cue word, who is the subject of its clause,
what its object is, and which actor sits in its to/from/with/by phrase. A full parser is too slow for the
extractor's budget (a few milliseconds per article), so this module does what the cues need and no more:

1. **Tokens.** The sentence is split into words and punctuation; each actor mention (an :class:`Anchor`) is a token.
2. **Actor phrases.** Each actor token grows into a phrase: a determiner before it, a possessive ``'s`` and a head
   noun after it ("Russia's forces", "the Sudanese army"). Phrases joined by commas and a final "and"/"or" become
   one coordinated phrase ("the US, Britain and Australia"); a phrase between commas with no conjunction is an
   apposition. Each phrase records the preposition that governs it.
3. **Clauses.** The sentence is cut at semicolons, dashes, parentheses, subordinating and relative words, a
   coordinating "and" that is not part of a list, participles after a comma (", backing ...") and reported speech
   ("X said ..."). A relative, parenthetical (also between dashes) or reduced passive clause ("the army, backed by
   Iran") knows the phrase it hangs on.
4. **Roles.** :meth:`Parse.subject`, :meth:`Parse.object`, :meth:`Parse.pp` and :meth:`Parse.agent` answer for a cue
   token; a subject that is a pronoun or "the two countries" is read from the :class:`Context` of the previous
   sentences.

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

from collections.abc import Sequence
from itertools import pairwise, takewhile

from geo.anaphors import anaphor_anchors
from geo.grammar import (
    _ADVERB_END,
    Anchor,
    Clause,
    Context,
    Phrase,
    Side,
    _sketch,
    conjoined,
    load_grammar,
    open_list,
    parenthesised,
    tokenize,
)
from geo.phrase_links import PhraseLinks

__all__ = ["Anchor", "Context", "Parse", "Side", "parse"]


# those who speak for the seat named after them: "officials in Beijing", "the ministry in Lima"
_SPEAKERS = frozenset({"spokesperson", "spokesman", "spokeswoman", "official", "officials", "ministry"})
_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "—", "–", "-"})  # the tokens of _aside_ends and _punctuation_cut
_LIST_SEPARATORS = frozenset(
    {",", "&", "and", "or", ", and", ", or", "and the", "or the", "as well as", ", as well as"}
)


class Parse(PhraseLinks):
    """The analysis of one sentence (see the module docstring)."""

    def __init__(
        self,
        sentence: str,
        anchors: Sequence[Anchor],
        context: Context | None = None,
        verbs: frozenset[str] = frozenset(),
    ):
        self.sentence = sentence
        self.negation_memo, self.hedge_memo, self.finite_memo = {}, {}, {}  # answers so far: each cue asks again
        self.context = context or Context()
        self.g = load_grammar()
        found = anaphor_anchors(sentence, anchors, self.context)
        # a place named inside a counted anaphor ("the three Sahel juntas") is part of it
        inside = [a for a in anchors if any(b.start <= a.start and a.end <= b.end for b in found)]
        self.anchors = sorted([*(a for a in anchors if a not in inside), *found], key=lambda a: a.start)
        self.verbs = verbs  # finite verb forms of the cue table: they end an actor phrase's head
        self.sketch, self.pos = _sketch(sentence, self.anchors)
        self.tokens = tokenize(self.sketch)
        # "the Maldives' relations with India": a bare apostrophe after a name is its possessive "'s"
        self.low = [
            "'s" if t.low in ("'", "’") and k and self.tokens[k - 1].anchor >= 0 and not t.space else t.low
            for k, t in enumerate(self.tokens)
        ]
        self.phrases: list[Phrase] = []
        self.phrase_at: list[int] = [-1] * len(self.tokens)
        self._chunk()
        self.clauses: list[Clause] = []
        self.clause_of: list[int] = [0] * len(self.tokens)
        self._split()

    def _chunk(self) -> None:
        toks, low = self.tokens, self.low
        simple: list[Phrase] = []
        i = 0
        while i < len(toks):
            if toks[i].anchor < 0 or (i >= 2 and low[i - 1] == "-" and low[i - 2] in ("pro", "anti")):
                i += 1  # "the pro-Russian region of Transnistria" is no Russian side
                continue
            first = self._phrase_start(i)
            ph = Phrase(first, i, [toks[i].anchor])
            j = self._name_rest(i) + 1 if self.anchors[toks[i].anchor].how == "leader" else i + 1
            ph.last = j - 1
            if j < len(toks) and low[j] in ("'s", "’s", "'", "’"):
                ph.possessive = True
                ph.last = j
                j += 1
            a = self.anchors[toks[i].anchor]
            if a.how == "anaphor" and self._anchor_text(toks[i].anchor).lower() in ("our", "ours"):
                ph.possessive = True  # a quoted speaker's "our alliance with Japan"
            ground = j < len(low) and low[j] in self.g.words["border_nouns"]  # "to Haiti border"
            modifies = a.how in ("demonym", "group", "roaming", "organ") or ground
            if ph.possessive or modifies or (first < i and low[first] == "the"):
                head = self._head_words(i, j, ph)
                if head:
                    ph.head = " ".join(low[h] for h in head)
                    ph.head_at = head[-1]
                    ph.last = head[-1]
                    if ph.last + 1 < len(toks) and low[ph.last + 1] in ("'s", "’s") and not ph.possessive:
                        ph.possessive = True  # "the Cambodian army's heavy weaponry"
                        ph.last += 1
            if ph.last == i and not ph.possessive and self._short_name_after(i):
                ph.last = i + 2  # "the United Arab Emirates (UAE)": the short name is the phrase's own
            simple.append(ph)
            i = max(i + 1, ph.last + 1)
        simple = self._merge_owned_groups(simple)
        self.phrases = self._coordinate(simple)
        for pi, ph in enumerate(self.phrases):
            for t in range(ph.first, ph.last + 1):
                self.phrase_at[t] = pi
            self._govern(pi)
        self._appositions()

    def _phrase_start(self, i: int) -> int:
        """The first token of the phrase around anchor token ``i``: its determiners ("the", "fellow", "Royal")."""
        first, low = i, self.low
        while first > 0 and (self.g.has("determiners", low[first - 1]) or low[first - 1] in ("fellow", "royal")):
            if low[first - 1] == "that" and first == i:
                break  # "... and that Rwanda exercises control": a clause opens, no "that Rwanda"
            first -= 1
        return first

    def _head_words(self, i: int, j: int, ph: Phrase) -> list[int]:
        """The (at most two) nouns from ``j`` on that the anchor at ``i`` modifies: "Iran's proxies"."""
        toks, low, g = self.tokens, self.low, self.g
        a = self.anchors[toks[i].anchor]
        modifier = ph.possessive or (a.how == "demonym" and not self._anchor_text(toks[i].anchor).isupper())
        acronym = self._anchor_text(toks[i].anchor).isupper()
        head: list[int] = []
        k = j
        while k < len(toks) and len(head) < 2:
            w = low[k]
            if toks[k].anchor >= 0 or not toks[k].text[0].isalpha() or self.is_function(w):
                break
            if w.endswith(_ADVERB_END) and not toks[k].text[0].isupper():
                break
            if head and (low[k - 1], w) in g.phrases["agent_nouns"]:
                head.append(k)  # "China's coast guard blocked": "guard" ends the noun, it is no verb here
                k += 1
                continue
            if self.finite(w) and not (
                modifier
                and not head
                and not g.has("auxiliaries", w)
                and not g.has("irregular_past", w)
                and not w.endswith("ed")
            ):
                break  # after "Iran's", "Turkish" the next word is a noun even when it could be a verb
            nxt = low[k + 1] if k + 1 < len(toks) else ""
            if (
                head
                and w.endswith("s")
                and w[:-1] in self.verbs
                and (
                    nxt == "from"
                    or nxt[:1].isdigit()
                    or g.has("item_words", nxt)
                    or (k + 1 < len(toks) and toks[k + 1].text[:1].isupper() and toks[k + 1].anchor < 0)
                )
            ):
                break  # "Cambodia's equipment comes from China", "Chile's arsenal comprises Leopard tanks": a verb
            if head and (nxt in ("the", "a", "an", "its", "their") or (k + 1 < len(toks) and toks[k + 1].anchor >= 0)):
                break  # "Sudan's war pits the army": a verb before its object, not a second noun
            if (
                (a.how not in ("demonym", "group", "roaming") or acronym)
                and not ph.possessive
                and not (toks[k].text[0].isupper() or g.has("agent_nouns", w) or w in g.words["item_words"])
                and not (not head and g.has("border_nouns", w))  # "Haiti border"
            ):
                break  # "the United States wants": only "the US Navy", "the Assad government"
            head.append(k)
            k += 1
        return head

    def _coordinate(self, simple: list[Phrase]) -> list[Phrase]:
        """Merge "A, B and C" into one phrase; "A, B," without a conjunction stays apart."""
        low = self.low
        out: list[Phrase] = []
        i = 0
        while i < len(simple):
            run, seps, j, closes = [simple[i]], [], i, False
            while j + 1 < len(simple):
                gap = [w for w in low[run[-1].last + 1 : simple[j + 1].first] if w != "."]  # "the U.S. and"
                # "Russia and Communist China", "Biden and Crown Prince Mohammed": a title or modifier after "and"
                mods = range(simple[j + 1].first - len(gap) + 1, simple[j + 1].first)
                if (
                    2 <= len(gap) <= 3
                    and gap[0] in ("and", "or")
                    and self.tokens[simple[j + 1].first - 1].text[0].isalpha()
                    and not any(self.is_function(w) or self.finite(w) for w in gap[1:])
                    and (len(gap) == 2 or all(self.tokens[k].text[0].isupper() for k in mods))
                ):
                    gap = gap[:1]
                elif len(gap) == 2 and gap[0] in ("and", "or") and gap[1] in ("then", "later", "eventually"):
                    gap = gap[:1]  # "led Mali and then Niger to cut ties": one list, told in order
                elif self._officials_of(gap):
                    gap = gap[:1]  # "Xi Jinping and the presidents of A, B and C": one list of those who act
                elif len(gap) == 2 and gap[0] in ("and", "or") and low[run[0].first - 1 : run[0].first] == gap[1:]:
                    gap, closes = gap[:1], True  # "backer of Hamas and of Lebanon's Hezbollah": a repeated preposition
                sep = " ".join(gap)
                # "near Canadian airspace and China's presence": a noun, then another's owned noun, lists no actors
                owned = run[-1].head and not run[-1].possessive and simple[j + 1].possessive
                # "Latvia, a NATO and EU member": an indefinite article after the comma opens an apposition
                owned = owned or (sep == "," and low[simple[j + 1].first] in ("a", "an"))
                # "to Algeria and Chinese radars to Egypt": a state, then a maker's goods, are no list of states
                named = self.anchors[run[-1].anchors[-1]].how != "demonym"  # "American, Chinese and Pakistani jets"
                owned = owned or (named and not self.g.has("item_words", run[-1].head) and self._goods(simple[j + 1]))
                if not owned and sep in _LIST_SEPARATORS:
                    seps.append(sep)
                    run.append(simple[j + 1])
                    j += 1
                if owned or sep not in _LIST_SEPARATORS or closes:
                    break  # a member after a repeated preposition ends the list
            cut = next((n for n, sp in enumerate(seps[:-1]) if sp in (", and", ", or")), len(seps))
            run, seps = run[: cut + 1], seps[:cut]  # "in Bamako, and Burkina Faso and Niger fly": a clause opens
            while len(run) > 2 and seps[-1] in (", and", ", or") and conjoined(seps[:-1]):
                run.pop()  # "a bloc with Mali and Niger, and the three countries signed": one list ends at its "and"
                seps.pop()
            # a list needs a conjunction before its last member or "(A, B, C)", save a headline's "Japan, Peru sign"
            headline = (
                len(run) == 2
                and run[0].first == 0
                and seps == [","]
                and not run[-1].possessive  # "China, North Korea's ally": an apposition
                and run[-1].last + 1 < len(low)
                and self.finite(low[run[-1].last + 1])
            )
            in_parens = headline or open_list(low, run, seps) or parenthesised(low, run)
            while len(run) > 1 and not in_parens and not any(c in seps[-1] for c in ("and", "or", "&", "as well as")):
                run.pop()
                seps.pop()
            if len(run) > 1 and (self._clause_follows(run, seps[-1]) or self._fronted_adverbial(run, seps)):
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

    def _goods(self, ph: Phrase) -> bool:
        """Whether a phrase names goods by maker: "Chinese radars", "Bayraktar TB2 drones" (not "X with drones")."""
        words = self.low[ph.last + 1 : ph.last + 3]
        tail = takewhile(lambda w: w[:1].isalnum() and not (self.is_function(w) or self.finite(w)), words)
        return any(self.g.has("item_words", w) for w in (ph.head, *tail))

    def _clause_follows(self, run: list[Phrase], sep: str) -> bool:
        """In "sold drones to Ukraine and Russia condemned it": the last member opens a new clause.

        After "in" and most other prepositions it takes a comma too ("a factory in the kingdom, and the
        US approved", "deployed alongside Mali's army, and Russian instructors arrived"), since "troops in
        Mali and Niger withdrew" is one list.
        """
        after = run[-1].last + 1
        while after + 1 < len(self.tokens) and self.g.has("adverbs", self.low[after]):
            after += 1  # "to Burkina Faso, and both juntas now rely on ...": the verb past the adverb
        if after >= len(self.tokens):
            return False
        w = self.low[after]
        if not self.finite(w) and not self._third_person(after):
            return False
        if len(run) > 2 or not any(self.finite(w) for w in self.low[: run[0].first]):
            return False  # "Troops from Rwanda and Burundi serve ...": no clause is done before the list
        before = run[0].first - 1
        return before >= 0 and (
            self.low[before] in ("to", "for", "from", "with", "against", "on", "at", "into")
            or (self.g.has("prepositions", self.low[before]) and sep.startswith(","))
            or self.low[before] in self.verbs
        )

    def _govern(self, pi: int) -> None:
        """The preposition governing phrase pi: skip up to three modifier words to its left."""
        ph = self.phrases[pi]
        k = ph.first - 1
        skipped = 0
        while k >= 0 and skipped < 4:
            w = self.low[k]
            approximate = w in ("around", "about", "over", "under") and self.low[k + 1][:1].isdigit()
            if approximate and k + 1 < ph.first:
                skipped += 1  # "hosts around 4,200 French troops": a number's approximation, no preposition
                k -= 1
                continue
            if self.g.has("prepositions", w) or w in ("including", "such", "like"):
                self._set_preposition(ph, k, w)
                return
            if not self._modifier(k, skipped):
                return
            skipped += 1
            k -= 1

    def _modifier(self, k: int, skipped: int) -> bool:
        """Whether token k may stand between a phrase and the preposition governing it ("in northern and western")."""
        w = self.low[k]
        if (len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")) or self.g.has("time_nouns", w):
            return False  # "in 2020 Armenian President ...", "In September Bucharest summoned": the time is governed
        if w[:1].isdigit():
            return skipped < 3  # "against 18 Houthi targets"
        if w in ("and", "or") and k > 0 and self.g.has("compass_adjectives", self.low[k - 1]) and skipped:
            return True  # "in parts of northern and western Tigray": two bearings of one place
        if self.tokens[k].anchor >= 0 or not self.tokens[k].text[0].isalpha() or self.is_function(w):
            return False
        if w in self.verbs or (w in self.g.finite_words and self.low[k + 1] == "that"):
            return False  # "a panel of experts found that the UAE ...": a verb and its clause, no modifier
        return self.low[k + 1] not in ("the", "a", "an")  # "In March the Kenyan government sent ...": an article

    def _set_preposition(self, ph: Phrase, k: int, w: str) -> None:
        """Record the preposition ``w`` at k as governing phrase ``ph`` (unless it opens a range or a clause)."""
        if w in ("to", "-") and (
            # "3,000 to 4,000 Rwandan soldiers": a range of numbers, not a preposition
            (k > 0 and self.low[k - 1][:1].isdigit() and self.low[k + 1][:1].isdigit())
            # "sent jets to track Russian submarines": the verb's object, no recipient
            or (w == "to" and self._infinitive_after(k, ph.first))
        ):
            return
        if w in self.g.words["clausal_prepositions"] and self._verb_soon(ph.last + 1):
            return  # "since India will ...", "after Niger last month suspended": a clause, not a phrase
        if w == "as" and k > 0 and self.low[k - 1] == "such":
            w = "including"
        if w == "to" and k > 0 and self.g.has("compound_prepositions", self.low[k - 1]):
            w = f"{self.low[k - 1]} to"  # "according to Kristersson", "thanks to Turkish drones": no goal
        ph.prep, ph.prep_at = ("including" if w in ("such", "like") else w), k
        if w == "including" and k > 1 and self.low[k - 1] == "," and self.low[k - 2] in self.g.words["group_nouns"]:
            ph.official_of = True  # "Several countries, including A, B and C, provided ..."
        seat = w == "in" and k > 0 and (self.g.has("seat_nouns", self.low[k - 1]) or self.low[k - 1] in _SPEAKERS)
        if (w in ("of", "from") or seat) and k > 0:
            before = self.low[k - 1]
            two = " ".join(self.low[max(0, k - 2) : k])
            if (
                self.g.has("official_nouns", before)
                or two in self.g.words["official_nouns"]
                or any(two == " ".join(p) for p in self.g.phrases["official_nouns"])
                or (self.g.has("force_member_nouns", before) and not self._sites_only(ph))
            ):
                ph.official_of = True
                self._outer_preposition(ph, k)

    def _outer_preposition(self, ph: Phrase, k: int) -> None:
        """An official noun's phrase takes the preposition before the noun ("clashed with the army of Sudan")."""
        j = k - 1
        while j >= 0 and k - j <= 6 and self.tokens[j].anchor < 0 and self.tokens[j].text[:1].isalpha():
            w = self.low[j]
            # "the backer of the government in Damascus": the seat's state is what "of" governs (not "officials of")
            seat_of = w == "of" and ph.prep == "in" and j > 0 and not self.g.has("official_nouns", self.low[j - 1])
            if self.g.has("prepositions", w) and (w != "of" or seat_of):
                if w in self.g.words["clausal_prepositions"] and self._verb_soon(ph.last + 1):
                    return  # "after the military governments of Mali and Niger expelled": they are its subject
                compound = j > 0 and self.g.has("compound_prepositions", self.low[j - 1])  # "according to officials in"
                ph.prep, ph.prep_at, ph.official_of = (self.low[j - 1] if compound else w), j, False
                return
            if w in self.verbs or self.finite(w):
                return
            j -= 1

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

    def _split(self) -> None:
        toks, low = self.tokens, self.low
        self.clauses = [Clause(0, len(toks) - 1)]
        parens: list[int] = []  # the clause an open "(" hangs on; an open dash aside's as -index - 1
        cuts = self.g.clause_words  # words that open no clause are skipped unless a comma comes before
        if toks and self.g.has("opening_subordinators", low[0]) and self.g.has("subordinators", low[0]):
            self.clauses[0].kind, self.clauses[0].marker = "sub", low[0]
        for i in range(1, len(toks)):
            cur = self.clauses[-1]
            mark = low[i] in _CLAUSE_MARKS  # only these may end an aside or cut at punctuation
            if mark and self._aside_ends(i, cur):
                back = self.clauses[cur.parent].parent if self._nested_aside(cur, i) else cur.parent
                self._cut(i + 1, "coord" if back >= 0 else "main")
                self.clauses[-1].parent = back
            elif not (mark and self._punctuation_cut(i, cur, parens)) and (low[i - 1] == "," or low[i] in cuts):
                self._word_cut(i)
        for ci, c in enumerate(self.clauses):
            for t in range(c.first, c.last + 1):
                self.clause_of[t] = ci

    def _cut(self, i: int, kind: str, marker: str = "", antecedent: int = -1) -> None:
        """End the current clause before token ``i`` and open one of ``kind`` there."""
        self.clauses[-1].last = i - 1
        parent = -1 if kind == "main" else len(self.clauses) - 1
        self.clauses.append(Clause(i, len(self.tokens) - 1, kind, marker, antecedent, parent))

    def _aside_ends(self, i: int, cur: Clause) -> bool:
        """A comma that closes a reduced, participle or non-restrictive relative aside."""
        low = self.low
        return (
            low[i] == ","
            and (
                cur.kind in ("reduced", "part")
                or (cur.kind == "rel" and cur.marker != "that" and cur.first > 0 and low[cur.first - 1] == ",")
                or self._nested_aside(cur, i)
                or self._adjective_aside(cur, i)
            )
            and cur.first < i - 1
            and self.phrase_at[i] < 0
            and not self._list_goes_on(i)
            and not (cur.kind == "rel" and self._apposition_goes_on(i))
        )

    def _punctuation_cut(self, i: int, cur: Clause, parens: list[int]) -> bool:
        """Clause breaks at punctuation: ";", a spaced dash, ":", parentheses, a comma after a leading clause."""
        w, dash = self.low[i], self.spaced_dash(i)
        if dash and parens and parens[-1] < 0:  # the dash that closes an aside: the clause before it resumes
            self._cut(i + 1, "cont")
            self.clauses[-1].parent = -parens.pop() - 1
        elif dash and self.dash_aside(i):  # "Mali, Burkina Faso and Niger — the three members of AES — recalled"
            self._cut(i + 1, "paren", "—", self.phrase_at[i - 1])
            parens.append(-(len(self.clauses) - 2) - 1)
        elif w == ";" or dash:
            self._cut(i + 1, "main")
        elif w == "," and cur.kind == "sub" and cur.first < i - 2 and self._subject_then_verb(i + 1):
            # "Though Serbia is a candidate to join the EU, it has refused ...": the main clause resumes
            self._cut(i + 1, "main")
        elif w == "," and cur.kind in ("main", "coord") and self._owned_subject_clause(i + 1, cur):
            self._cut(i + 1, "coord", ",")  # "Its air force flies MiG-29s, its air defence relies on ..."
        elif w == "," and cur.kind in ("main", "coord") and self._next_clause(i + 1, cur):
            # "Turkey delivered drones to Djibouti, China handed over two patrol boats": clauses listed by commas
            self._cut(i + 1, "coord", ",")
            self.phrases[self.phrase_at[i + 1]].apposition_of = -1  # the next clause's subject, no apposition
        elif w == ":":
            self._cut(i + 1, "content")
        elif w == "(" and not self._bare_parenthesis(i):
            self._cut(i + 1, "paren", "(", self.phrase_at[i - 1])
            parens.append(len(self.clauses) - 2)
        elif w == ")" and parens and parens[-1] >= 0:
            back = parens.pop()
            self._cut(i + 1, "cont")
            self.clauses[-1].parent = back
        else:
            return False
        return True

    def _word_cut(self, i: int) -> None:
        """Clause breaks at words: relatives, "that", subordinators, "and", participles, reporting verbs."""
        toks, low, g = self.tokens, self.low, self.g
        w, prev = low[i], low[i - 1]
        if w in ("which", "who", "whom", "whose") or (w == "where" and prev == ","):
            self._cut(i, "rel", w, self._antecedent(i))
        elif w == "that" and self._generic_relative(i):
            # "countries that buy Russian weapons", "a country that has balanced its ties": no one in particular
            self._cut(i, "rel", w, -1)
        elif w == "that" and self._that_opens(i):
            content = self.reported_before(i) or prev in self.verbs or self.denial_ends(i)
            said = next((k for k in range(i - 1, max(-1, i - 7), -1) if g.has("reporting", low[k])), 0)
            speaker = self._speaker(said) if content and said else None  # "officials said that they ordered"
            self._cut(i, "content" if content else "rel", w, -1 if content else self._antecedent(i))
            self.clauses[-1].speaker = speaker
        elif (prev == "," and ((w == "once" and self._verbless_aside(i)) or self._prepositional_aside(i))) or (
            prev == "," and (w in ("a", "an", "the") or self._owner_opens(i)) and self._appositive_aside(i)
        ):
            # an aside, not a clause: "Ukraine, once Egypt's largest supplier, shipped", "Lithuania, a NATO member
            # that borders Belarus, backs Kyiv", "Belarus, Moscow's ally, signed", "France, after an order, sold"
            self._cut(i, "reduced", w, self._antecedent(i))
        elif g.has("subordinators", w) and (g.has("clause_subordinators", w) or prev == ","):
            if not (w == "so" and i + 1 < len(toks) and low[i + 1] in ("that", "far", "much", "called")):
                self._cut(i, "sub", w)
        elif g.has("clausal_prepositions", w) and prev != "," and self._phrase_then_verb(i + 1):
            # "said it would act after Ecuadorean police stormed the embassy": a clause of its own
            self._cut(i, "sub", w)
        elif w in ("and", "or") and self.phrase_at[i] < 0 and self._opens_clause(i) and not self._in_apposition():
            self._cut(i, "coord", w)
        elif prev == "," and w.endswith("ing") and self.is_word(i) and not g.has("not_participles", w):
            self._cut(i, "part", w)
        elif prev == "," and self.clauses[-1].first != i and self._reduced_passive(i + self._all_aside(i)):
            # "X, backed by Y," and "Mali and Niger, all run by officers,": an aside (not the verb after one)
            self._cut(i, "reduced", w, self._antecedent(i, reduced=True))
        elif prev == "," and self.clauses[-1].first != i and self._participle_aside(i):
            # "Egypt, locked in a dispute with Ethiopia, has drawn closer to ...": an aside on the subject
            self._cut(i, "reduced", w, self._antecedent(i))
        elif g.has("reporting", w) and self._content_follows(i):
            speaker = self._speaker(i)
            self._cut(i + 1, "content", w)
            self.clauses[-1].speaker = speaker

    def _content_follows(self, i: int) -> bool:
        """A reporting verb opens a content clause: "said that ...", "said it would ...", "said Russia had ..."."""
        nxt = i + 1
        if nxt >= len(self.tokens):
            return False
        w = self.low[nxt]
        if w in ("that", "it", "they", "he", "she", "we", "the", "this", "these"):
            return w != "the" or self._phrase_then_verb(nxt)
        if w in ("a", "an", "more", "some", "several", "many", "most", "few") or w.isdigit():
            # "officials say a decommissioned Turkish corvette is to be handed over", "say more aircraft are on order"
            window = list(takewhile(lambda x: x not in (",", "to", '"', "“"), self.low[nxt : nxt + 8]))
            amount = ("million", "billion", "trillion", "bn")  # "announced a $3 billion aid package": a noun
            return any(self.finite(x) and not (w[:1].isdigit() or w in amount) for w, x in pairwise(window))
        return self._phrase_then_verb(nxt)

    def _antecedent(self, i: int, *, reduced: bool = False) -> int:
        """The phrase a relative or reduced clause at token i describes (-1: none)."""
        k = i - 1
        if k >= 0 and self.low[k] == ",":
            k -= 1
        k -= 1 if k > 0 and self.low[k] == ")" and self.phrase_at[k - 1] >= 0 else 0  # "the Army (LNA), which"
        pi = self.phrase_at[k] if k >= 0 else -1
        ph = self.phrases[pi] if pi >= 0 else None
        ground = (
            reduced
            and ph is not None
            and ph.prep in ("in", "into", "near", "at", "across", "along", "on", "over", "throughout")
            and self._sites_only(ph)
        )
        if ground or (
            ph is not None
            and ph.prep in ("along", "near", "on", "at", "across")
            and ph.head in self.g.words["place_nouns"]
        ):
            # "a push into Darfur, helped by foreign drones"; in an apposition on the subject: the subject
            first, outer = self.clauses[-1].first, self.clauses[-1].antecedent if self._in_apposition() else -1
            return next((qi for qi, q in enumerate(self.phrases) if q.first >= first and not q.prep and qi < pi), outer)
        if pi < 0 and k >= 0 and self.is_word(k):
            return self._named_before_apposition(k)  # "Turkey, its closest ally, which has backed Baku"
        return pi

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

    def _third_person(self, k: int) -> bool:
        """A cue verb's -s form before a determiner or a name: "and Chile flies its own F-16s" (not "bases", "arms")."""
        if k + 1 >= len(self.low):
            return False
        nxt = self.tokens[k + 1]
        if not (self.g.has("determiners", self.low[k + 1]) or nxt.anchor >= 0 or nxt.text[:1].isupper()):
            return False
        return self.cue_verb_s_form(self.low[k])

    def _generic_relative(self, i: int) -> bool:
        """Whether "that" after "countries" or "a country", a verb right after it, opens a relative on a kind."""
        prev, before = self.low[i - 1], self.low[i - 2] if i > 1 else ""
        generic = prev in ("countries", "states", "nations") or (prev == "country" and before in ("a", "any", "every"))
        if "of" in self.low[max(0, i - 7) : i - 1]:
            return False  # "one of a handful of Western countries that have begun arming": the subject is one
        nxt = self.low[i + 1] if i + 1 < len(self.low) else ""
        return generic and (self.finite(nxt) or self.cue_verb_s_form(nxt) or nxt in self.verbs)

    def _in_apposition(self) -> bool:
        """The current clause is an apposition on the subject, which runs to its comma ("a NATO and EU member")."""
        return self.clauses[-1].kind == "reduced" and self.clauses[-1].marker in ("a", "an", "the")


def parse(
    sentence: str, anchors: Sequence[Anchor], context: Context | None = None, verbs: frozenset[str] = frozenset()
) -> Parse:
    """Analyse one sentence (see :class:`Parse`)."""
    return Parse(sentence, anchors, context, verbs)
