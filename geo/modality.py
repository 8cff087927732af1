"""Word look-ups and modality of a parsed sentence: whether a cue is asserted.

:class:`Modality` is the base of :class:`geo.roles.Roles` (and so of
:class:`geo.clauses.Parse`): the word-class look-ups every question asks
(function words, finite verbs, multi-word entries, the clause of a token),
and whether what a cue word says is negated ("did not supply"), hedged
("would consider", "is rumoured to"), only possible ("could supply"), proposed
and refused, or hypothetical ("if ... supplies"); and the stretches that are
no clause of their own: a verbless opening phrase ("In April, during the
minister's visit to Lima,") and a verbless aside (", once Chile's ally,").
"""

from __future__ import annotations

from geo.data.wordlists import NUMBER_WORDS
from geo.grammar import Clause, Grammar, Phrase, Token, upto_comma

# objects a request asks to act: "urged them to send"
_ASKED_PRONOUNS = frozenset({"them", "it", "him", "her", "us", "allies", "partners", "countries", "states", "nations"})


class Modality:
    """Word look-ups and the modality questions asked of a cue word."""

    tokens: list[Token]
    low: list[str]
    phrase_at: list[int]
    phrases: list[Phrase]
    clauses: list[Clause]
    clause_of: list[int]
    negation_memo: dict[int, bool]  # answers of negated() and hedged() so far, per cue word: every cue at v asks
    hedge_memo: dict[tuple[int, bool], bool]
    finite_memo: dict[int, int]  # SubjectChecks._first_finite() so far
    g: Grammar
    sketch: str
    verbs: frozenset[str]

    def is_word(self, i: int) -> bool:
        """Whether token ``i`` is a word that is no actor or place."""
        t = self.tokens[i]
        return t.anchor < 0 and (t.text[0].isalpha())

    def is_function(self, w: str) -> bool:
        """Whether ``w`` is a function word (determiner, preposition, conjunction, auxiliary ...)."""
        return w in self.g.function_words

    def opening_token(self, c: Clause) -> int:
        """The first token of clause ``c`` past a conjunction, a comma or a determiner."""
        k = c.first
        while k < c.last and self.low[k] in ("and", "or", ",", "but", "the", "a", "an"):
            k += 1
        return k

    def opens_with_phrase(self, c: Clause) -> bool:
        """Whether an actor phrase starts clause ``c`` (after a determiner at most)."""
        k = self.opening_token(c)
        return self.phrase_at[k] >= 0 or self.low[k] in ("it", "they", "he", "she", "we")

    def locative(self, ph: Phrase) -> bool:
        """A phrase naming where, past which "its" refers: "troops in Mali and its army", "southwest of Doha"."""
        if ph.prep == "of":
            return ph.prep_at > 0 and self.g.has("bearings", self.low[ph.prep_at - 1])
        if ph.prep in ("on", "against") and ph.prep_at > 0 and self.g.has("measure_heads", self.low[ph.prep_at - 1]):
            return False  # "sanctions imposed on Russia over its invasion": whom the measure targets
        return self.g.has("locative_prepositions", ph.prep)

    def reported_before(self, i: int) -> bool:
        """A verb of saying among the six words before token ``i``: "said for more than a year that"."""
        return any(self.g.has("reporting", w) for w in self.low[max(0, i - 6) : i])

    def finite(self, w: str) -> bool:
        """``w`` looks like a finite verb: a cue verb form, an auxiliary, a past tense."""
        return (
            w in self.verbs
            or w in self.g.finite_words
            or (w.endswith("ed") and len(w) > 4 and w not in self.g.words["ed_nouns"])
        )

    def _compound_item(self, k: int) -> bool:
        """A phrase made a modifier by a hyphen ("Chinese-made jets"), with no finite verb after its noun."""
        pi = self.phrase_at[k]
        if pi < 0 or self.phrases[pi].last + 2 >= len(self.low) or self.low[self.phrases[pi].last + 1] != "-":
            return False
        for j in range(self.phrases[pi].last + 3, min(len(self.low), self.phrases[pi].last + 9)):
            if not self.tokens[j].text[0].isalnum():
                return True
            if self.finite(self.low[j]) and not self._ed_adjective(j):
                return False
        return True

    def _ed_adjective(self, k: int) -> bool:
        """A participle or verb used as a modifier of weapons: "armoured vehicles", "patrol boat engines"."""
        if self.g.has("item_adjectives", self.low[k]):
            return True
        # a verb's base form compounded with an item noun within two words ("patrol boats", "attack helicopters")
        w = self.low[k]
        if w.endswith(("ed", "s")) or self.g.has("irregular_past", w) or self.g.has("auxiliaries", w):
            return False
        return any(self.g.has("item_words", w) for w in self.low[k + 1 : k + 3]) and not any(
            self.is_function(w) or self.tokens[k + 1 + n].anchor >= 0 for n, w in enumerate(self.low[k + 1 : k + 2])
        )

    def _next_clause(self, i: int, cur: Clause) -> bool:
        """After a comma, an actor and a finite verb (not one of saying), the clause before having its own verb."""
        pi = self.phrase_at[i] if i < len(self.tokens) else -1
        if pi < 0 or not any(self.finite(w) for w in self.low[cur.first : i - 1]):
            return False
        k = self.phrases[pi].last + 1
        while k < len(self.low) and self.g.has("adverbs", self.low[k]):
            k += 1
        return k < len(self.low) and self.finite(self.low[k]) and not self.g.has("reporting", self.low[k])

    def in_return(self) -> bool:
        """The sentence tells a return for the last transfer: "in return", "in exchange"."""
        return any(self.low[k] == "in" and self.low[k + 1] in ("return", "exchange") for k in range(len(self.low) - 1))

    def present_verb(self, w: str) -> bool:
        """``w`` is a known verb in the third person present: "flies", "relies", "operates", "sells"."""
        return self.g.has("fleet_verbs", w) or (len(w) >= 4 and not w.endswith("ss") and self.cue_verb_s_form(w))

    def _owned_subject_clause(self, i: int, cur: Clause) -> bool:
        """After a comma, "its" or "their", a noun or two and a verb in the present: a clause of its own.

        "Its air force flies Russian MiG-29s, its air defence relies on Chinese missiles, and it expects ...":
        the clause before has a verb of its own, so the comma lists clauses.
        """
        if i >= len(self.low) or self.low[i] not in ("its", "their"):
            return False
        if not any(self.finite(w) or self.present_verb(w) for w in self.low[cur.first : i - 1]):
            return False
        k = i + 1
        while k < min(len(self.low), i + 4) and self.is_word(k):
            if self.present_verb(self.low[k]):
                return k > i + 1 and self.low[k + 1 : k + 2] not in (["and"], [","], ["."])
            if self.is_function(self.low[k]):
                return False
            k += 1
        return False

    def _list_goes_on(self, i: int) -> bool:
        """The comma at i goes on with a list of items ("selling Pinaka launchers, ATAGS guns and Akash")."""
        for k in range(i + 1, min(len(self.low), i + 8)):
            if self.low[k] in (",", "and"):
                return any(self.g.has("item_words", w) for w in self.low[i + 1 : k])
            if self.g.has("auxiliaries", self.low[k]) or self.tokens[k].anchor >= 0:
                return False
        return False

    def _participle(self, i: int) -> bool:
        """Token i is a past participle that is no cue's finite verb here ("locked", "hit", "torn")."""
        w = self.low[i]
        ed = w.endswith("ed") and w not in self.g.words["ed_nouns"]
        return self.is_word(i) and (ed or w in self.g.words["irregular_participles"])

    def _reduced_passive(self, i: int) -> bool:
        """A participle after a comma that opens a reduced passive: "drones, equipped with sonars," "X, backed by Y"."""
        w = self.low[i]
        if not (w.endswith(("ed", "en")) or self._participle(i)):
            return False
        return "by" in upto_comma(self.low, i + 1, 5) or self.low[i + 1 : i + 2] == ["with"]

    def _named_before_apposition(self, k: int) -> int:
        """The phrase a verbless apposition ending at token k describes ("Turkey, its closest ally"), or -1.

        The apposition opens with a determiner or "its"/"their" after a comma, and holds no verb.
        """
        stops = [j for j in range(k - 1, max(-1, k - 8), -1) if self.low[j] in (",", ";") or self.finite(self.low[j])]
        start = stops[0] + 1 if stops else 0
        opens = self.g.has("determiners", self.low[start]) or self.low[start] in ("its", "their")
        return self.phrase_at[start - 2] if start > 1 and self.low[start - 1] == "," and opens else -1

    def _apposition_goes_on(self, i: int) -> bool:
        """The comma at i opens an apposition on an aside's last noun, and the main verb follows its own comma.

        "Qatar, which hosts Al Udeid, the largest US facility in the region, is spending ...": the aside
        runs on to the second comma. So does a name in apposition before a preposition or a verb, at either
        of its commas: "Turkey, which opened its largest base, Camp TURKSOM, in Mogadishu, signed ...".
        """
        name = next(
            (k for k in range(i + 1, min(len(self.low) - 1, i + 6)) if not self.tokens[k].text[:1].isupper()), -1
        )
        if name > i + 1 and self.low[name] == "," and all(self.tokens[k].anchor < 0 for k in range(i + 1, name)):
            # "which opened its largest base, Camp TURKSOM, in Mogadishu": a name in apposition, then the clause goes on
            nxt = self.low[name + 1]
            return self.g.has("prepositions", nxt) or self.finite(nxt)
        before = next((k for k in range(i - 1, max(-1, i - 6), -1) if not self.tokens[k].text[:1].isupper()), -1)
        if before >= 0 and before < i - 1 and self.low[before] == "," and self.g.has("prepositions", self.low[i + 1]):
            return all(self.tokens[k].anchor < 0 for k in range(before + 1, i))  # its closing comma
        if self.low[i + 1 : i + 2] not in (["the"], ["a"], ["an"]):
            return False
        for k in range(i + 2, min(len(self.low) - 1, i + 16)):
            w = self.low[k]
            if w == ",":
                return k > i + 2 and self.finite(self.low[k + 1])
            if w in (";", "and", "or", "that", "which", "who") or (self.finite(w) and w not in ("'s", "’s")):
                return False
        return False

    def match(self, i: int, cls: str) -> int:
        """Length in tokens of the longest entry of word class ``cls`` starting at token i (0: none)."""
        if i >= len(self.low) or self.low[i] not in self.g.first_words[cls]:
            return 0
        w = self.low[i]
        best = 1 if w in self.g.words[cls] else 0
        for words in self.g.starts.get(cls, {}).get(w, ()):
            n = len(words)
            if n > best and tuple(self.low[i : i + n]) == words:
                best = n
        return best

    def denial_ends(self, i: int) -> bool:
        """Whether a denial ends right before token i: "denied", "ruled out" before "that"."""
        return any(self.match(i - n, "denials") == n for n in (1, 2, 3) if i >= n)

    def clause(self, i: int) -> Clause:
        """The clause that holds token ``i``."""
        return self.clauses[self.clause_of[i]]

    def negated(self, v: int) -> bool:
        """A negation, denial or refusal governs token v within its clause ("did not sell", "denied supplying")."""
        memo = self.negation_memo  # every cue at v asks it
        if v not in memo:
            memo[v] = self._negated_at(v)
        return memo[v]

    def _negated_at(self, v: int) -> bool:
        c = self.clause(v)
        lo = max(c.first, v - 6)
        for i in range(lo, v):
            w = self.low[i]
            if w in ("not", "never", "neither", "nor", "nobody") or w.endswith(("n't", "n’t")):
                return True
            if w == "no" and i + 1 < len(self.low) and self.low[i + 1] == "longer":
                return True
            if w == "no" and i >= v - 3 and not any(t == "," or self.finite(t) for t in self.low[i + 1 : v]):
                return True  # "approved no new budget support for Ukraine", "no country sent troops": none
            if w == "no" and i == self.opening_token(c) and self.low[i + 1] not in ("doubt", "matter", "sooner"):
                return True  # "no Russian warships are based there": the clause's subject is none
            if w in ("without",):
                return True
            # "denied supplying", "ruled out sending", "denied that ...", "Moscow denied it had supplied drones"
            m = self.match(i, "denials")
            if m and (
                i + m == v or (i + m < len(self.low) and self.low[i + m] in ("to", "that", "it", "they", "he", "she"))
            ):
                return True
        if self._forgone(v):
            return True
        if v + 1 < len(self.low) and self.low[v + 1] in ("not", "never") and self.g.has("auxiliaries", self.low[v]):
            return True
        if (
            v > 1
            and self.low[v - 1] == "from"
            and self.low[v].endswith("ing")
            and any(self.g.has("blocking_verbs", w) for w in self.low[max(c.first, v - 10) : v - 1])
        ):
            return True  # "blocked a drill ship from reaching the block": it did not reach it
        if v + 1 < len(self.low) and self.low[v + 1] == "no" and self.low[v + 2 : v + 3] != ["longer"]:
            return True  # "maintain no embassy ties", "sent no troops": an object that is none
        # a clause reported by a denial: "Moscow denied that it had supplied ..."
        ci = self.clause_of[v]
        while ci >= 0:
            cc = self.clauses[ci]
            if self._gainsaid(cc):
                return True
            ci = cc.parent
        return False

    def _gainsaid(self, cc: Clause) -> bool:
        """Whether clause ``cc`` reports what a denial, a rejected claim or a withheld confirmation gainsays."""
        that = self.low[cc.first] == "that"
        if cc.kind == "content" and (self.denial_ends(cc.first) or (that and self.match(cc.first - 2, "denials"))):
            return True  # "denied that ...", "ruled out that ...", "denied reports that ..."
        if cc.kind == "content" and cc.first > 1 and that and self._unconfirmed(cc.first - 1):
            return True  # "neither has publicly confirmed that North Korean soldiers are in Russia"
        if that and cc.first > 1 and self.g.has("evidence_nouns", self.low[cc.first - 1]):
            return self.low[cc.first - 2] in ("no", "little", "scant")  # "there is no evidence that China has sent"
        return cc.kind in ("content", "rel") and that and self._rebutted(cc.first)  # "rejected claims by X that"

    def _forgone(self, v: int) -> bool:
        """The course not taken: "opted to mediate rather than back the army", "warned Seoul against sending arms"."""
        if any(self.match(v - n, "forgone_markers") == n for n in (2, 3) if v >= n):
            return True
        return v > 0 and self.low[v - 1] == "against" and self.low[v].endswith("ing")

    def _rebutted(self, k: int) -> bool:
        """Whether the "that" at k reports a claim its clause rejects: "denied Egyptian claims by the minister that"."""
        noun = next((j for j in range(k - 1, max(-1, k - 9), -1) if self.g.has("report_nouns", self.low[j])), -1)
        if noun < 0 or any(w in ("and", "but", ";", ".") for w in self.low[noun + 1 : k]):
            return False
        return any(self.g.has("rebutting_verbs", w) for w in self.low[max(0, noun - 3) : noun])

    def _unconfirmed(self, k: int) -> bool:
        """A verb of confirming at k that is itself negated: "has not confirmed", "neither has acknowledged"."""
        return self.low[k] in ("confirmed", "confirm", "acknowledged", "admitted") and self._negated_at(k)

    def hedged(self, v: int, *, aspirations: bool = True) -> bool:
        """Whether a hedge governs token v: "would consider recognising", "weighing sanctions".

        With ``aspirations`` also a wish: "was invited to join", "seeks to deepen ties".
        """
        memo = self.hedge_memo  # every cue at v asks it
        if (v, aspirations) not in memo:
            memo[v, aspirations] = self._hedged_at(v, aspirations)
        return memo[v, aspirations]

    def _hedged_at(self, v: int, aspirations: bool) -> bool:
        c = self.clause(v)
        hedges, wishes = self.g.words["hedges"], self.g.words["aspirations"] if aspirations else frozenset()
        low = self.low
        if any(
            (low[i] in hedges and not self._complement_use(i)) or low[i] in wishes
            for i in range(max(c.first, v - 6), v)
        ):
            return True
        return (
            self._possible(v) or self._turned_down(v) or self._reported(v) or self._requested(v) or self._discussed(v)
        )

    def _discussed(self, v: int) -> bool:
        """Token v is a gerund that talks are about: "in talks with Peru about supplying tanks" (nothing agreed)."""
        if v < 2 or not self.low[v].endswith("ing") or self.low[v - 1] not in ("about", "on", "over", "regarding"):
            return False
        return any(self.g.has("talks_nouns", w) for w in self.low[max(0, v - 7) : v - 1])

    def _requested(self, v: int) -> bool:
        """Token v is the infinitive a request asks of its object: "urged Germany to send Taurus missiles".

        What one side urges, asks or presses another to do is not done; "urged X to stop arming Y" asks
        only the stopping (its gerund is not the infinitive, and says what X does).
        """
        k = v - 1
        while k > 0 and self.g.has("adverbs", self.low[k]):
            k -= 1
        if k < 2 or self.low[k] != "to":
            return False
        asked = self.low[k - 1]  # the one asked ends right before "to": "urged Germany to", "pressed allies to"
        if not (self.tokens[k - 1].anchor >= 0 or asked in _ASKED_PRONOUNS or self.g.has("official_nouns", asked)):
            return False  # "requested a reconsideration of India's decision to supply": the noun's infinitive
        return any(self.g.has("requesting_verbs", self.low[j]) for j in range(max(0, k - 8), k - 1))

    def _reported(self, v: int) -> bool:
        """Token v sits in a "that" clause after an unconfirmed report: "could not confirm reports that X sold".

        A report cited as a source stays a statement ("citing reports that Chilean air defences intercepted").
        """
        ci = self.clause_of[v]
        while ci >= 0:
            cc = self.clauses[ci]
            k = cc.first - 1 if self.low[cc.first] == "that" else cc.first - 2
            if k >= 0 and self.low[k + 1] == "that" and self.g.has("report_nouns", self.low[k]) and self._doubted(k):
                return True
            doubted = cc.first > 0 and self.match(cc.first - 1, "doubting_words")
            if doubted and (cc.kind == "content" or cc.marker == "that"):
                return True  # "he doubted that the rhetoric would help forge a deal": the doubter asserts nothing
            reported = cc.kind == "content" or (cc.kind == "rel" and cc.marker == "that")
            told = range(max(0, cc.first - 6), cc.first)  # "social media" is the channel of a source, no source
            if reported and any(self.g.has("media_nouns", self.low[j]) and self.low[j - 1] != "social" for j in told):
                return True  # "Peruvian media reported that the navy had received ...": unconfirmed
            ci = cc.parent
        return False

    def _doubted(self, k: int) -> bool:
        """The report noun at k is doubted: "could not confirm reports", "denied claims", "a rumour that ..."."""
        before = self.low[max(0, k - 4) : k]
        return (
            self.g.has("hearsay_nouns", self.low[k])
            or any(
                w in ("not", "never", "amid", "unconfirmed", "unverified", "media", "press") or w.endswith("n't")
                for w in before
            )
            or any(self.match(j, "denials") for j in range(max(0, k - 3), k))
        )

    def _complement_use(self, i: int) -> bool:
        """Whether a verb of regarding names rather than hedges: "Moscow considers Central Asia its backyard"."""
        return (
            self.g.has("complement_verbs", self.low[i]) and i + 1 < len(self.tokens) and self.tokens[i + 1].anchor >= 0
        )

    def _possible(self, v: int) -> bool:
        """A modal of possibility in the verb group of v, or a past that did not happen.

        "could supply", "may be providing", "could have continued delivering"; "would have sold".
        """
        low, k = self.low, v - 1
        if k > 0 and self.g.has("aspect_verbs", low[k]) and low[k - 1] == "have":
            k -= 1  # "could have continued delivering gas ..., but chose not to" ("could stop supplying": a threat)
        while k >= 0 and (self.g.has("auxiliaries", low[k]) or self.g.has("adverbs", low[k])):
            if self.g.has("possibility_modals", low[k]):
                return True
            if low[k] == "have" and k > 0 and low[k - 1] in ("would", "should") and low[k + 1] != "been":
                return True  # an unreal past; "would have been delivered by 2026" may be a plan told in the past
            k -= 1
        return False

    def _turned_down(self, v: int) -> bool:
        """What v states was proposed and refused: "rejected a US request to transfer tanks"."""
        c = self.clause(v)
        start = max(c.first, v - 10)
        refusals = self.g.words["refusals"]
        for k in range(start, v):
            if self.low[k] in refusals:
                return any(self.g.has("proposal_nouns", self.low[j]) for j in range(k + 1, v))
        return False

    def hypothetical(self, v: int) -> bool:
        """Token v sits in an if/unless/whether clause, is a gerund a modal supposes, or the sentence is a question."""
        if self.sketch.rstrip().endswith("?") or self._gerund_supposed(v) or self._indefinite_supposed(v):
            return True
        ci = self.clause_of[v]
        hops = 0
        while ci >= 0 and hops < 4:
            c = self.clauses[ci]
            if c.kind == "sub" and self.g.has("hypothetical", c.marker):
                return True
            if c.kind == "rel":
                return False  # "unclear whether the ban covers the corvettes that Egypt ordered": the order stands
            ci = c.parent
            hops += 1
        return False

    def _gerund_supposed(self, v: int) -> bool:
        """A gerund that opens its clause as the subject of a modal: "warned that supplying missiles would ..."."""
        c = self.clause(v)
        return (
            (v == c.first or self.low[v - 1] == "that")
            and self.low[v].endswith("ing")
            and any(self.g.has("supposing_modals", w) for w in self.low[v + 1 : c.last + 1])
        )

    def _indefinite_supposed(self, v: int) -> bool:
        """A noun in an indefinite subject a modal supposes: "A PLA Navy presence on the Gulf would complicate ..."."""
        c = self.clause(v)
        j = next((j for j in range(v, max(c.first, v - 6) - 1, -1) if self.low[j] in ("a", "an")), -1)
        opens = j == c.first or (j > 0 and (self.low[j - 1] == "that" or self.g.has("reporting", self.low[j - 1])))
        if j < 0 or not opens or any(self.finite(w) for w in self.low[j:v]):
            return False  # "analysts say a Russian base in Sudan could ...": the subject of what is said
        verb = next(
            (w for w in self.low[v + 1 : c.last + 1] if self.finite(w) or self.g.has("supposing_modals", w)), ""
        )
        return self.g.has("supposing_modals", verb)

    # -- opening phrases and asides ---------------------------------------------------
    def _opening_phrase(self, comma: int) -> bool:
        """The sentence opens with a prepositional phrase that ends at this comma, with no verb in it.

        "Under its pact with Japan and India, Australia ...": what follows the comma is the subject.
        """
        low = self.low
        # "In April, during Modi's visit to Colombo,": each stretch between commas opens with a preposition
        starts = [0] + [k + 1 for k in range(comma) if low[k] == ","]
        return all(k < len(low) and self.g.has("prepositions", low[k]) for k in starts) and not any(
            self.finite(low[k])
            and low[k] not in ("'s", "’s")
            and self.tokens[k].text != "May"
            and not (low[k - 1] in ("'s", "’s") or self.g.has("determiners", low[k - 1]))
            for k in range(1, comma)
        )  # "During Modi's visit to Colombo,": a noun after a possessive or an article

    def _prepositional_aside(self, i: int) -> bool:
        """A verbless phrase on a preposition between the subject and its verb, set off by commas.

        "France, after an initial order for radars, delivered 24 vehicles", "Turkey, despite US
        objections, sold drones": an aside, after which the subject's clause goes on.
        """
        if not self.g.has("aside_prepositions", self.low[i]) or not self._verbless_aside(i):
            return False
        close = self.low.index(",", i)
        return close + 1 < len(self.low) and self.finite(self.low[close + 1])

    def _verbless_aside(self, i: int) -> bool:
        """Between token i and the next comma stands no finite verb."""
        k = i + 1
        while k < len(self.low) and self.low[k] != ",":
            w = self.low[k]
            if self.finite(w) and w not in ("'s", "’s") and not (w in self.verbs and not w.endswith("ed")):
                return False  # "once Armenia's closest ally,": "ally" is a noun here
            k += 1
        return k < len(self.low)

    def _appositive_aside(self, i: int) -> bool:
        """An article after the subject's comma opens an apposition the subject's verb follows.

        "Lithuania, a NATO member that borders Belarus, backs Ukraine": the aside runs to the next
        comma, holds a common noun, and a finite verb comes right after it. Not a list ("Russia, the
        US, China and India back ...").
        """
        pi = self.phrase_at[i - 2] if i >= 2 else -1
        if pi >= 0 and self.phrases[pi].prep == "of" and self.phrases[pi].prep_at > 0:
            pi = self.phrase_at[self.phrases[pi].prep_at - 1]  # "Russian fighters of the Africa Corps, the ..."
        if pi < 0 or self.phrases[pi].prep or self.phrases[pi].first != self.clauses[-1].first:
            return False
        k = next((j for j in range(i + 1, min(len(self.low), i + 16)) if self.low[j] == ","), -1)
        if k < 0 or k + 1 >= len(self.low):
            return False
        noun = any(
            self.tokens[j].anchor < 0 and self.is_word(j) and not self.is_function(self.low[j]) for j in range(i + 1, k)
        )
        nxt = k + 2 if self.low[k + 1].endswith("ly") and k + 2 < len(self.low) else k + 1  # ", also backs"
        w = self.low[nxt]
        return noun and (
            self.g.has("auxiliaries", w) or self.cue_verb_s_form(w) or (self.finite(w) and not w.endswith("ing"))
        )

    def _owner_opens(self, i: int) -> bool:
        """Token i opens a possessive actor phrase ("Moscow's closest ally"), which may begin an apposition."""
        pi = self.phrase_at[i]
        return pi >= 0 and self.phrases[pi].first == i and self.phrases[pi].possessive

    def cue_verb_s_form(self, w: str) -> bool:
        """Whether ``w`` is the -s form of a cue verb: "backs", "supplies", "flies" (and so may be a finite verb)."""
        if not w.endswith("s"):
            return False
        stems = (w[:-3] + "y", w[:-2], w[:-1]) if w.endswith("ies") else (w[:-2], w[:-1])
        return any(stem in self.verbs for stem in stems)

    def _infinitive_after(self, k: int, first: int) -> bool:
        """Whether "to" at k marks an infinitive whose verb stands before the phrase that starts at ``first``.

        "to track Russian submarines", "to deter Chinese pressure"; not "to neighbouring Poland", "to
        eastern Ukraine", "to occupied Crimea", "to close ally Poland", "to two Gulf states".
        """
        if k + 1 >= first:
            return False
        w = self.low[k + 1]
        gap = self.low[k + 1 : first]
        return (
            w.isalpha()
            and self.is_word(k + 1)
            and self.tokens[k + 1].text.islower()
            and not self.is_function(w)
            and not self.g.has("determiners", w)
            and not self.g.has("bearings", w)
            and w not in NUMBER_WORDS
            and not w.endswith(("ern", "ing", "ed", "al"))
            and not any(self.g.has("supporter_nouns", x) or self.g.has("official_nouns", x) for x in gap)
        )

    def opening_end(self) -> int:
        """The comma that closes a verbless prepositional phrase opening the sentence (-1: none).

        "During efforts to expel rebels from Goma," is verbless here: only an infinitive stands in it.
        """
        low = self.low
        if not low or not self.g.has("prepositions", low[0]) or "," not in low:
            return -1
        comma = low.index(",")
        for k in range(1, comma):
            if self.finite(low[k]) and low[k - 1] != "to" and not self.g.has("auxiliaries", low[k]):
                return -1
        return comma
