"""Who does what to whom in one sentence: the role questions of :class:`geo.clauses.Parse`.

:class:`Roles` is the half of the sentence analysis that answers for a cue
word: its clause's subject (a phrase, an antecedent, or a pronoun read from
context), its object, the phrase after one of its prepositions, whether it
is passive (whether it is negated, hedged or hypothetical: :mod:`geo.modality`). The other half,
:mod:`geo.clauses`, builds the phrases and clauses these answers read.
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.grammar import _ANCHOR, Anchor, Clause, Context, Grammar, Phrase, Side, Token, passive_pair, reduced_relative
from geo.subject_checks import SubjectChecks

_OPEN_QUOTES = ('"', "“", "‘")
_QUOTES = (*_OPEN_QUOTES, "”", "’")
# auxiliaries that, repeated after "and", join a second verb to the first one's subject
_AUXILIARIES = (["has"], ["have"], ["had"], ["is"], ["was"], ["were"], ["will"], ["would"])
_QUALIFIED_NOUNS = frozenset({"member", "ally", "partner", "neighbour", "neighbor"})


class Roles(SubjectChecks):
    """Role look-ups over a parsed sentence (mixed into :class:`geo.clauses.Parse`)."""

    tokens: list[Token]
    low: list[str]
    anchors: list[Anchor]
    phrases: list[Phrase]
    phrase_at: list[int]
    clauses: list[Clause]
    clause_of: list[int]
    context: Context
    g: Grammar
    sentence: str
    sketch: str
    verbs: frozenset[str]

    def side(self, pi: int) -> Side:
        """Phrase ``pi`` as a side of a relation."""
        hows = {self.anchors[k].how for k in self.phrases[pi].anchors}
        return Side(self.ids(self.phrases[pi]), pi, hows.pop() if len(hows) == 1 else "mixed")

    def text(self, i: int, j: int) -> str:
        """The original sentence text from token i to token j (inclusive)."""
        if i > j or i >= len(self.tokens):
            return ""
        return self.original(self.tokens[i].start, self.tokens[min(j, len(self.tokens) - 1)].end)

    def original(self, s: int, e: int) -> str:
        """Sketch offsets s..e written back with the anchors' original words."""
        return _ANCHOR.sub(lambda m: self._anchor_text(int(m.group(1))), self.sketch[s:e])

    def _anchor_text(self, k: int) -> str:
        return self.sentence[self.anchors[k].start : self.anchors[k].end]

    def subject(
        self, v: int, *, exclude: frozenset[str] = frozenset(), first: bool = False, platforms: bool = False
    ) -> Side | None:
        """Who does what token v says: the clause's subject phrase, its antecedent, or a pronoun read from context.

        With ``platforms`` a state's weapons act for it ("Chilean warships shadowed ..."); otherwise
        "Turkish drones" names a maker, not who acts.
        """
        wish = self._wisher(v, exclude) or self._object_for(v, exclude) or self._controlled(v, exclude)
        if wish is not None:
            return wish
        if self._document_acts(v) or self._thing_subject(v) or self._sanctioned_deed(v):
            return None  # "abstained from the UN vote condemning Russia", "because the transit fees helped fund"
        k = v - 2 if v > 1 and self.low[v - 1] in _OPEN_QUOTES else v - 1  # "accused X of “arming Y”"
        before = self.low[k] if v > 0 else "to"
        if self.low[v].endswith("ing") and not (
            self.g.has("auxiliaries", before)
            or self.g.has("be_forms", before)
            or before in ("to", "of", "for", "not")
            or (self.g.has("aspect_verbs", before) and self._aspect_shared(v))  # "urged the US to stop arming"
        ):
            first = True  # "launched a strike on Monday targeting ...": the participle's subject leads the clause
        ci = self.clause_of[v]
        seen = 0
        while ci >= 0 and seen < 6:
            seen += 1
            c = self.clauses[ci]
            after = self.low[c.first + 1 : c.first + 3]  # "whose navy", "whose soldiers have fought alongside"
            owned = c.marker == "whose" and any(self.g.has("force_member_nouns", w) for w in after)
            owned = owned or (c.marker == "whose" and self.g.has("official_nouns", self.low[c.first + 1]))
            if (
                c.kind in ("rel", "reduced", "paren")
                and c.antecedent >= 0
                and (c.marker not in ("where", "whose") or owned)
            ):
                inner = self._subject_in(c, v, exclude) if c.kind == "rel" else None
                if inner is None and self.pronoun_subject(c):
                    inner = self.pronoun_in(c, v)  # "Russia, which he has accused": the pronoun acts on the antecedent
                if inner is not None and not self.speaker_of(inner, v):
                    return inner
                # "China, which the Tajik ministry said had handed over vehicles": the antecedent acts
                s = self.side(c.antecedent)
                return s if not set(s.ids) <= exclude else None
            if seen > 1:
                pron = self.pronoun_in(c, v)
                if pron is not None and not set(pron.ids) <= exclude:
                    return pron
            found = self._subject_in(c, v, exclude, first=first or seen > 1, platforms=platforms)
            found = found or (self.fronted_subject(ci, v, exclude) if seen == 1 else None)  # "After signing ..., X"
            if found is not None:
                return found
            pron = self.pronoun_in(c, v)
            if pron is not None or self._own_noun_subject(c):
                return pron  # or none: "when jihadists attacked a convoy, killing ten Russian mercenaries"
            if seen == 1 and self._agent_noun_subject(c, v) and self.context.subjects:
                # "The instructors ... will train Nigerien troops": agents of the actor just named
                return Side((self.context.subjects[-1],), -1, "context")
            if c.kind in ("coord", "part", "sub", "cont") or (
                c.kind == "content" and (c.speaker is None or c.marker == "that")
            ):
                shared = c.kind == "coord" and self.low[c.first + 1 : c.first + 2] in _AUXILIARIES
                ci = c.parent if c.parent >= 0 else ci - 1
                # a clause without a subject shares the main clause's ("has backed X and has trained Y": one subject)
                while ci > 0 and (
                    self._aside_of(ci, c)
                    or (self.clauses[ci].kind in ("coord", "cont") and not self._has_verb(self.clauses[ci]))
                    or (
                        shared
                        and self.clauses[ci].kind in ("coord", "cont")
                        and not self.opens_with_phrase(self.clauses[ci])
                    )
                ):
                    # "Egypt, which borders Sudan, has backed ... and has trained": the subject is before the aside
                    ci = self.clauses[ci].parent if self.clauses[ci].parent >= 0 else ci - 1
                v = self.clauses[ci].last + 1 if ci >= 0 else v
                continue
            return None
        return None

    def _speaker(self, i: int) -> Side | None:
        """Who speaks the verb of saying at i: the last unprepositioned actor phrase of the current clause."""
        c = self.clauses[-1]
        for pi in range(len(self.phrases) - 1, -1, -1):
            ph = self.phrases[pi]
            if c.first <= ph.first and ph.last < i and (not ph.prep or ph.official_of):
                return self.side(pi)
        return None

    def _controlled(self, v: int, exclude: frozenset[str]) -> Side | None:
        """The object of a verb of urging ("urged the US to stop arming Taiwan"; :meth:`_controller`)."""
        ctl = self._controller(v)
        u = self._urging_pronoun(v) if ctl < 0 else -1  # "urged it to stop arming Taiwan"
        if u >= 0:
            c = self.clause(u)
            said = self.clauses[c.parent].speaker if c.kind == "coord" and c.parent >= 0 else None
            urger = c.speaker or said or self.subject(u)  # "X said Y erred and urged it to": X urges, "it" is Y
            ctl = self._not_urger(u, urger.ids if urger else ())
        return self.side(ctl) if ctl >= 0 and not set(self.side(ctl).ids) <= exclude else None

    def _object_for(self, v: int, exclude: frozenset[str]) -> Side | None:
        """The object acts in a gerund after "for" or "with" ("reward Poland for sending", "credit X with helping")."""
        gerund = v >= 3 and self.low[v - 1] in ("for", "with") and self.low[v].endswith("ing")
        pi = self.phrase_at[v - 2] if gerund else -1
        # "sanctioned a refinery in China for buying", "imposed sanctions on a Chinese refinery for buying"
        first = self.phrases[pi].first if pi >= 0 else 0
        rewarded = pi >= 0 and any(self.g.has("rewarding_verbs", w) for w in self.low[max(0, first - 5) : first])
        side = self.side(pi) if rewarded and not self.phrases[pi].possessive else None
        return None if side is None or set(side.ids) <= exclude else side

    def _wisher(self, v: int, exclude: frozenset[str]) -> Side | None:
        """The possessor of the noun before "to" acts: "India's decision to supply", "Turkey's desire to buy"."""
        if v < 2 or self.low[v - 1] != "to":
            return None
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
        return None

    def _subject_in(
        self, c: Clause, v: int, exclude: frozenset[str], first: bool = False, platforms: bool = False
    ) -> Side | None:
        if first and c.kind == "coord" and self.finite(self.low[c.first]):
            return None  # "X, which ..., expelled Y before turning to Z": a clause resumed after an aside
        order = range(len(self.phrases)) if first else range(len(self.phrases) - 1, -1, -1)
        opening = self.opening_end() if c.first == 0 else -1
        for pi in order:
            ph = self.phrases[pi]
            if ph.last >= v or ph.first < c.first or (ph.last < opening < v):
                continue  # "During efforts to expel rebels from Goma, Kenya sent ...": not in the opening phrase
            if ph.prep and not ph.official_of and not self._partitive(ph):
                continue
            if ph.apposition_of >= 0 or self._listed_object(ph, v):
                continue
            if (
                ph.head_at >= 0
                and self._product(ph)
                and (not platforms or any(self.g.has("inert_items", w) for w in ph.head.split()))
            ):
                continue  # "Turkish drones" names a maker, not the subject; a radar system never acts
            tail = [*self.low[ph.last + 1 : ph.last + 4], "", "", ""]
            seat = tail[1] == "based" and self.g.has("seat_nouns", tail[2])  # "the Tripoli-based government"
            if tail[0] in ("-", "‐") and tail[1] != "led" and not seat:
                continue  # "Israel-linked vessels": a modifier, not the subject ("a Saudi-led coalition" is)
            if ph.first >= 2 and self.low[ph.first - 1] in ("-", "‐") and self.low[ph.first - 2] == "non":
                continue  # "a major non-NATO ally": what B is not, never who acts
            if all(
                self.anchors[k].how == "place" and self.anchors[k].kind in ("region", "sea", "strait", "city", "admin1")
                for k in ph.anchors
            ):
                if first and ph.first <= self._first_finite(c):
                    return None  # "(in which) the Sahel's rulers expelled X and turned to Y": never X
                continue  # "the Sahel region": a place, not who acts
            if first:
                pron = self.pronoun_in(c, ph.first)
                if pron is not None and not set(pron.ids) <= exclude:
                    return pron
            s = self._owner_subject(pi, v)
            if s is None or set(s.ids) <= exclude:
                continue  # "Russia's ally attacked Ukraine": the ally acts, and the sentence does not name it
            return self._with_companions(s, c)
        return None

    def _owner_subject(self, pi: int, v: int) -> Side | None:
        """Who acts for subject phrase pi: its apposition ("Peru's neighbour, Chile,"), or none ("Russia's ally")."""
        ph = self.phrases[pi]
        words = [w for w in self.low[ph.last + 1 : ph.last + 5] if w not in _QUOTES]  # 'China's "all-weather" partner'
        after = [*ph.head.split()[-1:], *words[: 2 - bool(ph.head)]]
        noun = any(self.g.has("counterpart_nouns", w) for w in after)
        if not ph.possessive or not (ph.head or noun):
            return self.side(pi)
        named = next((q for q, other in enumerate(self.phrases) if other.apposition_of == pi), -1)
        if named >= 0 and self.phrases[named].last < v:
            return self.side(named)
        return None if noun else self.side(pi)

    def pronoun_in(self, c: Clause, v: int) -> Side | None:
        """The actor a pronoun subject of clause ``c`` (before its verb ``v``) stands for, if any."""
        low = self.low
        for i in range(c.first, min(v, c.last + 1)):
            w = low[i]
            if self.match(i, "anaphors_pair"):
                pair = self.pair_before(c.first)
                if pair:
                    return Side(pair, -1, "pair")
            n = self.match(i, "anaphors_singular")
            if w in ("it", "its") or n:
                if i > c.first and self.g.has("prepositions", low[i - 1]):
                    continue
                if n and i + n < len(low) and low[i + n] in ("of", "and"):
                    continue  # "the government of Niger": the name after "of" says whose
                return self._singular_referent(c)
            if w in ("they", "their"):
                return self._plural_referent(c)
            if w in ("he", "she") or (w in ("his", "her") and i == c.first):
                leader = self.leader_before(c.first) or self.context.leader
                return Side((leader,), -1, "pronoun") if leader else None
            if self.phrase_at[i] >= 0 or w in self.verbs:
                return None
        return None

    def _singular_referent(self, c: Clause) -> Side | None:
        """In "it", "the country": the speaker of a content clause, else the main subject, else the story's."""
        if c.speaker is not None:
            return Side(c.speaker.ids[:1], -1, "pronoun")
        main = self.main_subject(before=c.first)
        if main:
            return Side(main[:1], -1, "pronoun")
        if self.context.subjects:
            return Side((self.context.subjects[-1],), -1, "pronoun")
        return None

    def _plural_referent(self, c: Clause) -> Side | None:
        """In "they": a plural speaker, else the last plural before the clause, else the story's group."""
        if c.speaker is not None and (
            len(c.speaker.ids) > 1 or (c.speaker.np >= 0 and self.phrases[c.speaker.np].head.endswith("s"))
        ):
            return c.speaker  # "Iranian officials have said that they ordered jets": the officials' state
        plural = self.plural_before(c.first)
        last = max(
            (ph.last for ph in self.phrases if ph.first < c.first and set(self.ids(ph)) == set(plural)), default=-1
        )
        if any(self.g.has("item_words", w) and w.endswith("s") for w in self.low[last + 1 : c.first]):
            return None  # "obtained drones from Iran, and they helped the army": the drones helped
        if plural:
            return Side(plural, -1, "pronoun")
        if self.context.plural:
            return Side(self.context.plural, -1, "pronoun")
        return None

    def _leading_owner(self, k: int, plural: bool) -> Side | None:
        """The owner a possessive pronoun at k takes before any nearer actor, or None.

        After an infinitive, the subject that wishes ("vowed to defend its territory"); after "and" in a
        subject that opens on an owner, that owner ("Russia's (Its) base at Kant, outside Bishkek, and its
        base in Tajikistan").
        """
        after_infinitive = not plural and k > 2 and self.low[k - 2] == "to" and self.phrase_at[k - 3] < 0
        near = self.infinitive_subject(k) if after_infinitive else None
        if after_infinitive and (main := self.ids(near) if near is not None else self.main_subject(k)):
            return Side(main[:1], -1, "pronoun")
        opener = self.phrases[0] if self.phrases and self.phrases[0].possessive and self.phrases[0].first <= 1 else None
        if k < 2 or self.low[k - 1] != "and" or not (opener or self.low[0] == self.low[k]):
            return None
        if any(self.finite(w) for w in self.low[(opener.last if opener else 0) + 1 : k]):
            return None
        return self.side(0) if opener else self.possessive_pronoun(0)

    def possessive_pronoun(self, k: int) -> Side | None:
        """Whose "its"/"their" at token k is: the nearest actor before it in the sentence, else the context.

        A subject ("vowed to defend its territory") or a wisher ("X's resolve to keep A in its orbit") goes
        before an object ("Serbia ..., Moscow, which backs its opposition": Serbia's); else the object will do.
        """
        plural = self.low[k] == "their"
        early = self._leading_owner(k, plural)
        if early is not None:
            return early
        objects: list[Side] = []
        rel = self.clause(k)
        # "the Africa Corps, which uses Libya as a bridge to its deployments": the relative's subject is its own
        rel_subject = rel.kind == "rel" and rel.antecedent >= 0 and self.low[rel.first] in ("which", "who")
        for pi in range(len(self.phrases) - 1, -1, -1):
            ph = self.phrases[pi]
            if rel_subject and objects and ph.last < rel.first and pi == rel.antecedent:
                return self.side(pi)
            agent_acts = ph.prep == "by" and self.low[ph.last + 1 : ph.last + 2] == ["to"]  # "used by X to justify its"
            if ph.last >= k or (self.locative(ph) and not plural and not agent_acts) or self.source_phrase(ph):
                continue  # "Nigeria received jets from Pakistan at its base": the receiver's base
            if ph.last == k - 2 and self.low[k - 1] == ",":
                continue  # "from China, its closest ally": the apposition's head is not its own owner
            if ph.apposition_of >= 0 and ph.possessive:
                continue  # "Pakistan, India's neighbour, ... its ally": the head the apposition describes
            ci = self.clause_of[ph.first]
            if ci != self.clause_of[k] and (
                self.clauses[ci].kind in ("rel", "reduced", "paren", "part") or (ph.prep and rel.kind == "coord")
            ):
                continue  # "Russia, which backed Assad, is pulling out of its base"; "between Bamako ..., and saw"
            if (
                "," in self.low[ph.last + 1 : k]
                and ph.prep == "of"
                and "," in self.low[max(0, ph.first - 6) : ph.first]
            ):
                continue  # "Algeria, the main backer of the Polisario Front, recalled its envoy": Algeria's
            s = self.side(pi)
            if not (plural or len(s.ids) == 1) or (not plural and ph.head.endswith("s") and not ph.possessive):
                continue  # "trained thousands of Somali soldiers at its base": "its" is no plural noun's
            wish = ph.possessive and ph.head and self.low[ph.last + 1 : ph.last + 2] == ["to"]
            verb_before = self.verb_before(ph.first) or (rel_subject and ph.first - 2 == rel.first)
            if not ph.prep and verb_before and not wish:
                objects.append(s)
                continue
            return s
        if objects:
            return objects[0]
        if plural and self.context.plural:
            return Side(self.context.plural, -1, "pronoun")
        if self.context.subjects:
            return Side((self.context.subjects[-1],), -1, "pronoun")
        return None

    def main_subject(self, before: int) -> tuple[str, ...]:
        """The ids of the first unprepositioned phrase before token ``before`` ("the Iran-backed Houthis": theirs)."""
        for ph in self.phrases[: next((q for q, ph in enumerate(self.phrases) if ph.first >= before), None)]:
            backer = self.low[ph.last + 2 : ph.last + 3] == ["backed"]
            nxt = ph.last + 2  # "NATO member Turkey", "US ally Japan": the first phrase only qualifies the second
            qualifier = nxt < len(self.low) and self.phrase_at[nxt] >= 0 and self.low[nxt - 1] in _QUALIFIED_NOUNS
            made = self._product(ph)  # "Russian MiG-29s": no subject
            if (not ph.prep or ph.official_of) and ph.apposition_of < 0 and not (backer or qualifier or made):
                return self.ids(ph)
        return ()

    def pair_before(self, i: int) -> tuple[str, ...]:
        """The last two actors named before token ``i`` ("both sides", "the two countries")."""
        seen: list[str] = []
        for ph in self.phrases:
            if ph.first >= i:
                break
            seen += [x for x in self.ids(ph) if x not in seen]
        if len(seen) >= 2:
            return tuple(seen[-2:])
        return self.context.pair or ()

    def plural_before(self, i: int) -> tuple[str, ...]:
        """The last phrase before token ``i`` that names several actors or a group ("they")."""
        for ph in reversed(self.phrases):
            if ph.first < i and (len(set(self.ids(ph))) > 1 or any(self.anchors[k].how == "group" for k in ph.anchors)):
                return self.ids(ph)
        return ()

    def leader_before(self, i: int) -> str:
        """The state of the last leader named before token ``i`` ("he", "she"), or ""."""
        for ph in reversed(self.phrases):
            if ph.first < i:
                for k in ph.anchors:
                    if self.anchors[k].how == "leader":
                        return self.anchors[k].id
        return ""

    def object(self, v: int, *, skip: int = 4) -> Side | None:
        """The phrase right after token v (its direct object), skipping adverbs, particles and modifiers."""
        shared = v == self.clause(v).last and self.g.shared_object(self.low, v + 1)  # "train and equip X": X
        return self._object_after(v + 2 if shared else v, skip)

    def _counted(self, w: str) -> bool:
        """A noun whose of-phrase is the object: "deported thousands of Haitians", "occupies a fifth of Georgia"."""
        return w == "group" or self.g.has("partitive_nouns", w) or self.g.has("portion_nouns", w)

    def _object_after(self, v: int, skip: int) -> Side | None:
        c = self.clause(v)
        i = v + 1
        skipped = 0
        if i <= c.last and self.low[i] in ("its", "their") and i + 1 <= c.last and self.phrase_at[i + 1] < 0:
            # "shelled its positions": whose positions the sentence has named
            return self.possessive_pronoun(i)
        seat = self._seated_body(v, c.last)
        if seat is not None:
            return seat
        while i <= c.last and skipped <= skip:
            pi = self.phrase_at[i]
            if pi >= 0:
                ph = self.phrases[pi]
                before = self.low[ph.prep_at - 1] if ph.prep_at > v else ""
                if (
                    (ph.prep == "of" and (self.g.has("target_nouns", before) or self._counted(before)))
                    or (ph.prep == "of" and self.g.has("appositive_of_nouns", before))  # "the region of Transnistria"
                    or (ph.prep == "by" and self.g.has("hostile_nouns", before))  # "condemned the incursion by Ecuador"
                    or self.linked_at(ph.prep_at - 1)  # "attacked ships linked to Israel"
                ):
                    return self._backed_or_side(pi)  # "struck positions of the US-backed SDF": the SDF's
                if ph.prep and ph.prep_at > v:
                    return None
                if self.low[ph.last + 1 : ph.last + 2] == ["-"]:
                    side = self._backed_or_side(pi)  # "endorsed a US-developed route": a thing, no side
                    return None if side.np == pi and self.made_compound(ph) else side
                return self.side(pi)
            w = self.low[i]
            if not self.tokens[i].text[0].isalnum() and w not in ("-",):
                return self.person_apposition(v, i)  # "expelled Ivan Petrov, a Russian diplomat": his state
            if (
                w in ("at", "up", "more", "less", "fewer")
                and i + 1 < len(self.low)
                and self.low[i + 1] in ("least", "to", "than", "most")
            ):
                i += 2
                continue
            if (self._counted(w) and self.low[i + 1 : i + 2] == ["of"]) or self.linked_at(i):
                i += 2  # "deported thousands of Haitians", "ships linked to Israel"
                continue
            if (
                w in ("around", "about", "over", "nearly", "some")
                and self.low[i + 1 : i + 2]
                and self.low[i + 1][0].isdigit()
            ):
                i += 1  # "hosts around 13,500 U.S. troops": an approximate number
                continue
            if (
                (w == "of" and self.g.has("target_nouns", self.low[i - 1]))
                or (w == "of" and self.g.has("appositive_of_nouns", self.low[i - 1]))
                or (w == "in" and self.g.has("governance_nouns", self.low[i - 1]))
                or (w == "by" and self.g.has("hostile_nouns", self.low[i - 1]))
            ):
                i += 1  # "positions of ...", "the new government in Damascus": whose they are
                continue
            if self.g.has("prepositions", w) and w not in self.g.words["particles"]:
                return None
            if w in self.verbs and skipped:
                return None
            skipped += 1
            i += 1
        return None

    def _backed_or_side(self, pi: int) -> Side:
        """Phrase pi's side, or in "the US-backed SDF" the modified phrase ("struck Iranian-backed militias")."""
        ph, low = self.phrases[pi], self.low
        k = ph.last + 3
        if low[k : k + 1] == [","] and k + 2 < len(low):  # "the US-backed, Kurdish-led SDF": a second compound
            k += 2 if "-" in low[k + 1] else 4 if low[k + 2] in ("-", "‐") else 0
        nxt = self.phrase_at[k] if k < len(low) else -1
        if nxt >= 0 and low[ph.last + 1] in ("-", "‐") and self.phrases[nxt].first == k:
            return self.named_side(nxt)
        proxy = ph.last + 2 < len(low) and self.g.has("proxy_participles", low[ph.last + 2])
        if low[ph.last + 1 : ph.last + 2] in (["-"], ["‐"]) and proxy:
            k = ph.last + 3  # the group nouns, then where they are
            while k < min(len(low), ph.last + 6) and self.phrase_at[k] < 0 and low[k] != "in":
                k += 1
            at = next((q for q, x in enumerate(self.phrases) if x.prep == "in" and x.prep_at == k), -1)
            if (
                at >= 0
                and low[ph.last + 3 : k]
                and (self.g.has("insurgent_nouns", low[k - 1]) or self.g.has("faction_nouns", low[k - 1]))
            ):
                return self.named_side(at)
        return self.named_side(pi)

    def pp(
        self, v: int, preps: Sequence[str], *, limit: int = 25, left: bool = False, ground: bool = False
    ) -> Side | None:
        """The nearest phrase after token v (within its clause) governed by one of ``preps``.

        With ``ground`` a place noun's state counts too ("massed on the Lithuanian border": Ukraine).
        """
        c = self.clause(v)
        end = min(c.last, v + limit)
        for pi, ph in enumerate(self.phrases):
            if v < ph.first <= end and not ph.prep and self.apposed_person(v, ph, preps) is not None:
                return self.side(pi)  # "imposed sanctions on James Kabarebe, Rwanda's minister": Rwanda
            if ph.first <= v or ph.first > end or ph.prep_at < v:
                continue
            if ph.prep in preps and ph.prep_at >= v and not self.compared_to(ph):
                nxt = self.phrase_at[ph.last + 3] if ph.last + 3 < len(self.low) else -1
                if nxt >= 0 and self.low[ph.last + 1] in ("-", "‐") and self.phrases[nxt].first == ph.last + 3:
                    return self.named_side(nxt)  # "positions of the Chile-backed Kenyan militia": the militia
                named = self._ally_named(ph)
                if named is not None:
                    return named  # "a blockade on a fellow French ally in the region, Morocco": Qatar
                if not ground and self.ground(ph) and self.g.has("ground_prepositions", ph.prep):
                    continue  # "clashes on the Sudanese border": a place, not a side
                return self.named_side(pi)
        return None

    def _ally_named(self, ph: Phrase) -> Side | None:
        """The side an "A ally, B" phrase names: B, when A only qualifies the noun ("a US ally, Qatar")."""
        j = ph.last + 1
        if ph.head_at >= 0 or j >= len(self.low) or self.low[j] not in ("ally", "partner", "neighbour", "neighbor"):
            return None
        k = j + 1
        if k + 1 < len(self.low) and self.low[k] in ("in", "on", "from") and "," in self.low[k + 1 : k + 5]:
            k = self.low.index(",", k + 1)
        if k < len(self.low) and self.low[k] == ",":
            k += 1
        pi = self.phrase_at[k] if k < len(self.low) else -1
        return self.named_side(pi) if pi >= 0 and self.phrases[pi].first == k else None

    def ground(self, ph: Phrase) -> bool:
        """Whether a phrase names ground ("the Sudanese border"), not a body ("the Sri Lankan coast guard")."""
        if ph.head not in self.g.words["place_nouns"]:
            return False
        after = self.tokens[ph.last + 1] if ph.last + 1 < len(self.tokens) else None
        return after is None or after.anchor >= 0 or not after.text[:1].isalpha() or self.is_function(after.low)

    def named_side(self, pi: int) -> Side:
        """A phrase's side; "a fellow US ally, Qatar" is Qatar, not the US."""
        ph = self.phrases[pi]
        if ph.head in self.g.words["relational_heads"] and ph.last + 2 < len(self.low) and self.low[ph.last + 1] == ",":
            nxt = self.phrase_at[ph.last + 2]
            if nxt >= 0:
                return self.side(nxt)
        if ph.head in ("proxy", "proxies", "client", "clients") and self.context.plural:
            return Side(self.context.plural, -1, "context")  # "weapons to Iran's proxies": the group in the story
        return self.side(pi)

    def agent(self, v: int) -> Side | None:
        """The by-phrase of a passive verb, not a later passive's ("a parade watched by", "sent to X were held by")."""
        by = self.pp(v, ("by",), limit=12)
        at = self.phrases[by.np].prep_at if by is not None and by.np >= 0 else v
        later = any(self.g.has("be_forms", w) for w in self.low[v + 1 : at])
        later = later or (at > v + 2 and self.low[at - 1].endswith("ed") and self.is_word(at - 1))
        return None if later and not passive_pair(self.low, v + 1, self.g) else by

    def passive(self, v: int) -> bool:
        """Token v is a participle after "be" ("was sold", "were handed over") or a reduced passive ("backed by")."""
        if v > 0 and self.low[v] in ("over", "in", "out", "off", "up") and self.low[v - 1].endswith(("ed", "en", "wn")):
            v -= 1
        w = self.low[v]
        if not self.g.participle(w):
            return False
        if passive_pair(self.low, v - 1, self.g):
            return self.passive(v - 2)  # "armed and funded by": the second participle is as the first
        k = self.g.adverbs_back(self.low, v - 1)
        if k >= 0 and self.g.has("be_forms", self.low[k]):
            return True
        c = self.clause(v)
        if (c.kind in ("reduced", "paren") and c.first == v) or (
            self.low[k : k + 1] == [","] and w[-2:] in ("wn", "en")
        ):
            return True  # "The aircraft, flown in aboard ...": a participle that is never a past tense
        if (
            v >= 2
            and self.low[v - 1] in ("both", "all")
            and self.low[v - 2] == ","
            and v + 1 < len(self.low)
            and self.low[v + 1] == "by"
        ):
            return True
        by = (self.low[v + 1 : v + 2] == ["by"] or passive_pair(self.low, v + 1, self.g)) and k >= 0  # "X, backed by"
        if by and (
            self.phrase_at[k] >= 0 or self.low[k] == "," or (self.is_word(k) and not self.is_function(self.low[k]))
        ):
            return True
        item = bool(v) and self.g.has("item_words", self.low[v - 1])
        if item and self.low[v + 1 : v + 2] == ["to"] and self.phrase_at[min(v + 2, len(self.low) - 1)] >= 0:
            return True  # "they were Turkish-made Songar drones supplied to Pakistan": drones supply no one
        return reduced_relative(self.low, v, item, self.g.words["prepositions"])
