"""Whether a verb's subject is no actor at all: the checks :meth:`geo.roles.Roles.subject` asks first.

A text ("the UN vote condemning X"), a band or a firm ("gangs controlling the capital"), a thing
("because the transit fees helped fund the war") or an agent noun ("the instructors will train ...")
can be what acts in a clause; then the clause's verb takes no side from the sentence around it.
Also the word and phrase look-ups the checks and the roles share (find, anchor, ids).
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.grammar import Anchor, Clause, Phrase, Side
from geo.items import system_names
from geo.modality import Modality


class SubjectChecks(Modality):
    """Subject checks over a parsed sentence (mixed into :class:`geo.roles.Roles`)."""

    anchors: list[Anchor]

    def find(self, word: str, start: int = 0) -> int:
        """Index of the first token ``word`` (lower case) at or after ``start``, or -1."""
        for i in range(start, len(self.tokens)):
            if self.low[i] == word:
                return i
        return -1

    def anchor(self, k: int) -> Anchor:
        """The ``k``-th actor or place anchor of the sentence."""
        return self.anchors[k]

    def pronoun_subject(self, c: Clause) -> bool:
        """A relative clause whose subject is a person pronoun: "Russia, which he has accused of ..."."""
        return c.kind == "rel" and self.low[c.first + 1 : c.first + 2] in (["he"], ["she"], ["they"])

    def speaker_of(self, side: Side, v: int) -> bool:
        """Whether ``side`` only reports what v says: a reporting verb stands between them."""
        if side.np < 0:
            return False
        return any(self.g.has("reporting", w) for w in self.low[self.phrases[side.np].last + 1 : v])

    def made_compound(self, ph: Phrase) -> bool:
        """Whether a maker's compound follows phrase ``ph`` ("US-developed", "Turkish-built")."""
        after = self.low[ph.last + 2 : ph.last + 3]
        return (
            self.low[ph.last + 1 : ph.last + 2] == ["-"]
            and bool(after)
            and (self.g.has("compound_maker_participles", after[0]))
        )

    def person_apposition(self, v: int, k: int) -> Side | None:
        """The state a person's name after v is described by: "sanctioned Ivan Petrov, Russia's deputy minister".

        Only one to three capitalised words that name no place stand between v and the comma at k, and the
        phrase after the comma ("a Russian diplomat", "Rwanda's minister of state") holds an agent's noun
        within five words of its end.
        """
        name = self.tokens[v + 1 : k]
        if not 1 <= len(name) <= 3 or any(t.anchor >= 0 or not t.text[:1].isupper() for t in name):
            return None
        j = k + 2 if self.low[k + 1 : k + 2] in (["a"], ["an"], ["the"]) else k + 1
        pi = self.phrase_at[j] if self.low[k] == "," and j < len(self.low) else -1
        if pi < 0 or self.phrases[pi].prep:
            return None
        rest = self.low[j : self.phrases[pi].last + 6]
        return self.side(pi) if any(self.g.has("state_agent_nouns", w) for w in rest) else None

    def apposed_person(self, v: int, ph: Phrase, preps: Sequence[str]) -> Side | None:
        """Phrase ph's side when it describes a person a preposition of ``preps`` after v governs (see above)."""
        comma = ph.first - (2 if self.low[ph.first - 1 : ph.first] in (["a"], ["an"], ["the"]) else 1)
        for q in range(max(v, comma - 4), comma - 1):
            if self.low[q] in preps and self.low[comma] == ",":
                return self.person_apposition(q, comma)
        return None

    def _seated_body(self, v: int, last: int) -> Side | None:
        """The state a government or force after v is named by ("backs the new government in Tripoli").

        Also "train a new coast guard force in Papua New Guinea"; one seat only ("in Tripoli and Turkey has").
        """
        for k in range(v + 1, min(last, v + 11)):  # "a new 800-strong coast guard force in": 9 tokens
            w = self.low[k]
            if self.phrase_at[k] >= 0 or w in (",", ";"):
                return None
            if k > v + 1 and self.finite(w) and not self.g.has("guard_compounds", self.low[k - 1]):
                return None  # a verb ends the phrase; "coast guard" is a noun
            body = self.g.has("governance_nouns", self.low[k - 1]) or self.g.has("security_forces", self.low[k - 1])
            if w == "in" and k > v + 1 and body:
                j = k + 1 if self.phrase_at[k + 1] >= 0 else k + 2
                pi = self.phrase_at[j] if j <= last else -1
                if pi < 0:
                    return None
                a = self.anchors[self.phrases[pi].anchors[0]]
                return Side((a.id,), pi, a.how)
        return None

    def compared_to(self, ph: Phrase) -> bool:
        """A to-phrase of comparison, no goal: "second only to Hungary", "compared to France", "thanks to Turkey"."""
        if ph.prep != "to" or ph.prep_at < 1:
            return False
        k = ph.prep_at - 2 if self.low[ph.prep_at - 1] in ("only", "very", "broadly") else ph.prep_at - 1
        return k >= 0 and self.g.has("comparing_words", self.low[k])  # "second only to"

    def ids(self, ph: Phrase) -> tuple[str, ...]:
        """The actor ids a phrase names, in order, each once."""
        return tuple(dict.fromkeys(x for k in ph.anchors for x in self.anchors[k].id.split("|")))

    def _document_acts(self, v: int) -> bool:
        """A text no side issued, a band or a firm acts in the participle or relative clause after it."""
        k = v - 2 if v > 1 and self.low[v - 1] in ("that", "who", "which") else v - 1
        if k >= 0 and self.phrase_at[k] < 0 and self.g.has("private_agents", self.low[k]):
            return k == v - 2 or self.low[v].endswith("ing")
        return (
            v > 0
            and self.low[v].endswith("ing")
            and self.g.has("document_nouns", self.low[v - 1])
            and not (
                any(self.g.has("issuing_verbs", w) for w in self.low[max(0, v - 6) : v - 1])
                and "against" not in self.low[max(0, v - 6) : v - 1]  # "voted against a resolution condemning"
            )
        )

    def infinitive_subject(self, k: int) -> Phrase | None:
        """Who does the infinitive before token k: the nearest subject before it, if any.

        "the revenue the Kremlin uses to fund its war": the Kremlin, not the sentence's first subject.
        """
        for ph in reversed(self.phrases):
            w = self.low[ph.last + 1] if ph.last + 1 < len(self.low) else ""
            verb = w.isalpha() and not self.is_function(w) and (self.finite(w) or w.endswith(("s", "ed")))
            if ph.last < k - 2 and not ph.prep and verb:
                return ph
        return None

    def _has_verb(self, c: Clause) -> bool:
        return any(
            self.finite(self.low[t]) or self.low[t].endswith("ing")
            for t in range(c.first, c.last + 1)
            if self.tokens[t].anchor < 0 and self.tokens[t].text != "May"  # "In May, ...": the month
        )

    def side(self, pi: int) -> Side:
        """The side phrase ``pi`` names (see :meth:`geo.roles.Roles.side`)."""
        raise NotImplementedError

    def fronted_subject(self, ci: int, v: int, exclude: frozenset[str]) -> Side | None:
        """The subject of the main clause after a fronted adjunct, for its participle at v.

        "After signing a pact with Somalia, Cairo flew arms to Mogadishu": Cairo signs.
        """
        c = self.clauses[ci]
        if c.kind not in ("sub", "part") or not self.low[v].endswith("ing") or ci + 1 >= len(self.clauses):
            return None
        if any(self._has_verb(self.clauses[k]) for k in range(ci)):
            return None  # a clause with a verb came first: the adjunct is not fronted
        nxt = self.clauses[ci + 1]
        pi = self.phrase_at[self.opening_token(nxt)] if nxt.kind == "main" else -1
        if pi < 0 or self.phrases[pi].prep or set(self.ids(self.phrases[pi])) <= exclude:
            return None
        return self.side(pi)

    def _listed_object(self, ph: Phrase, v: int) -> bool:
        """The phrase is the object of an earlier verb in a list of verb phrases: "equip Somali forces, supply ..."."""
        k = ph.first - 1
        while k > 0 and self.low[k] in ("the", "a", "an", "its", "their"):
            k -= 1
        w = self.low[k] if k >= 0 else ""
        verb = (w in self.verbs or self.finite(w)) and not self.g.has("reporting", w) and not self.g.has("be_forms", w)
        return verb and self.low[ph.last + 1 : v] == [","]

    def _product(self, ph: Phrase) -> bool:
        """The phrase names a maker's goods, not an actor: "Turkish drones", "Russian MiG-29s" (not "Iran's drones")."""
        return not ph.possessive and (self._weapon_head(ph) or self._made_by(ph))

    def _weapon_head(self, ph: Phrase) -> bool:
        """The head is an item ("Turkish drones"); an armed group's fighters are people ("Hezbollah fighters")."""
        if ph.head == "fighters" and all("@group:" in x for x in self.ids(ph)):
            return False
        # a system's name is an item too: "Russian MiG-29s"
        return ph.head in self.g.words["item_words"] or (
            ph.head_at >= 0 and bool(system_names(self.tokens[ph.head_at].text))
        )

    def _made_by(self, ph: Phrase) -> bool:
        """A maker's name on its product: "the Bayraktar TB2 drones it supplied" (the drones, not the firm).

        The product may follow the phrase as words of its own ("Bayraktar TB2 drones played a role"), and a
        demonym before the firm names the maker too ("Turkish Bayraktar TB2 drones").
        """
        how = self.anchors[ph.anchors[-1]].how
        nxt = self.phrase_at[ph.last + 1] if ph.last + 1 < len(self.low) else -1
        if how == "demonym" and not ph.head and nxt >= 0:
            return self._made_by(self.phrases[nxt])
        if ph.head or how != "company":
            return how == "company" and bool(ph.head) and self.g.has("item_words", ph.head.split()[-1])
        k = ph.last + 1
        while (
            k < len(self.low) and k <= ph.last + 4 and self.tokens[k].text[0].isalnum() and not self.finite(self.low[k])
        ):
            if self.g.has("item_words", self.low[k]):
                return True
            k += 1
        return False

    def _sanctioned_deed(self, v: int) -> bool:
        """V is the deed a penalty names ("sanctioned ... for transporting arms", "over its role in shipping oil").

        Whoever imposes the penalty does not do the deed; the one penalised does, and that is a firm, a ship
        or a person more often than a state, so the clause's subject is not taken for it.
        """
        k = v - 2 if v > 1 and self.low[v - 1] in ('"', "“", "‘") else v - 1  # "accused him of “siding with”"
        while k > 1 and self.low[k] == "and" and self.low[k - 1].endswith("ing"):
            k -= 2  # "involved in procuring and distributing fuel": the first gerund's preposition
        if not (self.low[v].endswith("ing") and k >= 1):
            return False
        if self.low[k] == "of":  # "accusing it of helping", "accused the bank of helping": no state accused
            j = next((j for j in range(k - 1, max(-1, k - 6), -1) if self.g.has("accusing_verbs", self.low[j])), -1)
            # "Rwanda is accused of backing", "Rwanda, accused of backing": the one accused is the subject
            passive = (
                j > 0
                and self.low[j].endswith("ed")
                and (self.g.has("be_forms", self.low[j - 1]) or self.low[j - 1] == ",")
            )
            return j >= 0 and not passive and all(self.phrase_at[t] < 0 for t in range(j + 1, k))
        deed = self.low[k] in ("for", "with") or (self.low[k] == "in" and self.g.has("deed_words", self.low[k - 1]))
        start = max(0, k - 25)
        return deed and any(
            (self.g.has("rewarding_verbs", w) and not self.g.has("be_forms", self.low[j - 1]))
            or w in ("sanctions", "sanction")
            for j, w in enumerate(self.low[start:k], start)
        )  # not "Russia was sanctioned for supplying": the one penalised is the subject

    def _thing_subject(self, v: int) -> bool:
        """V's clause opens with a subject that names no actor ("because the fees helped", "the revenue that funds").

        Or v is a participle in -ing right after a works noun, which it is said of: "facilities producing
        weapons for Ukraine" are no state's.
        """
        if v > 0 and self.low[v].endswith("ing") and self.g.has("works_nouns", self.low[v - 1]):
            return True
        c = self.clauses[self.clause_of[v]]
        k = c.first + 1
        if v > 1 and self.low[v - 1] in ("that", "which") and self.g.has("thing_nouns", self.low[v - 2]):
            return True  # "the revenue that funds Moscow's war": the revenue does it
        return (
            c.kind == "sub"
            and k + 1 < v <= k + 4
            and self.low[k] == "the"
            and all(self.tokens[t].anchor < 0 and self.low[t].isalpha() for t in range(k + 1, v))
            and not self.g.has("presence_nouns", self.low[v - 1])
        )

    def _aside_of(self, ci: int, c: Clause) -> bool:
        """Clause ``ci`` is an aside the subject search steps over from ``c`` ("Egypt, which borders Sudan, has").

        Not a relative clause that ``c`` goes on with no comma: "the rebels, who seized Sanaa and have fought".
        """
        a = self.clauses[ci]
        if (
            a.kind == "rel"
            and a.marker in ("who", "which")
            and c.kind == "coord"
            and c.parent == ci
            and self.low[c.first - 1] != ","
        ):
            return False
        return a.kind in ("paren", "rel", "reduced", "part") and a.marker != "where"

    def _aspect_shared(self, v: int) -> bool:
        """A gerund after "to stop", "would stop": the aspect verb's own subject does it ("India would stop buying")."""
        return v > 1 and (
            self.low[v - 2] == "to"
            or self.g.has("possibility_modals", self.low[v - 2])
            or self.low[v - 2] in ("will", "would")
        )

    def linked_at(self, k: int) -> bool:
        """Whether token k is "linked", "owned" ... right after a target noun and before its preposition.

        "targets vessels linked to Israel", "struck depots belonging to the army": the one named after
        the preposition is whose the targets are.
        """
        return (
            0 < k < len(self.low) - 1
            and self.g.has("link_participles", self.low[k])
            and self.g.has("target_nouns", self.low[k - 1])
            and self.low[k + 1] in ("to", "by", "with", "for")
        )

    def verb_before(self, k: int) -> bool:
        """Whether a verb stands right before token k: a finite verb, a cue's verb, or a perfect's participle.

        "Algeria has long seen northern Mali as its own backyard": Mali is the participle's object.
        """
        before = self.low[k - 1] if k > 0 else ""
        if self.finite(before) or before in self.verbs:
            return True
        while k > 1 and self.g.has("compass_adjectives", self.low[k - 1]):
            k -= 1  # "seen northern Mali"
        before = self.low[k - 1] if k > 0 else ""
        perfect = any(self.low[j] in ("has", "have", "had") for j in range(max(0, k - 4), k - 1))
        return perfect and before.endswith(("ed", "en", "wn")) and not self.is_function(before)

    def whose_owner(self, k: int) -> Side | None:
        """Whose the noun after a relative "whose" at k is: "Paris, whose defence pact with Athens ...": Paris's."""
        c = self.clause(k)
        return self.side(c.antecedent) if self.low[k] == "whose" and c.kind == "rel" and c.antecedent >= 0 else None

    def source_phrase(self, ph: Phrase) -> bool:
        """A "from X" phrase after the clause's own subject: where something came from, not who owns what follows."""
        return ph.prep == "from" and any(q.first < ph.first and not q.prep for q in self.phrases)

    def _partitive(self, ph: Phrase) -> bool:
        """The people a count names are the subject: "dozens of Russian personnel", "a number of key allies"."""
        w = self.low[ph.prep_at - 1] if ph.prep == "of" and ph.prep_at > 0 else ""
        return self.g.has("partitive_nouns", w) or (w.isdigit() and len(w) > 1)

    def _first_finite(self, c: Clause) -> int:
        """The first token of clause ``c`` that looks like a finite verb (past its end when none does)."""
        memo = self.finite_memo
        if c.first not in memo:
            memo[c.first] = next((k for k in range(c.first, c.last + 1) if self.finite(self.low[k])), c.last + 1)
        return memo[c.first]

    def _controller(self, v: int) -> int:
        """The object of a verb of urging acts in the infinitive after it: "called on Tehran to stop supplying"."""
        if "to" not in self.low[max(0, v - 2) : v]:
            return -1
        k = v - 2 if v > 1 and self.g.has("aspect_verbs", self.low[v - 1]) else v - 1
        pi = self.phrase_at[k - 1] if k > 0 and self.low[k] == "to" else -1
        if pi < 0 or self.phrases[pi].possessive or self.phrases[pi].last != k - 1:
            return -1
        j = self.phrases[pi].first - 1
        j -= 1 if j > 0 and self.low[j] in ("on", "upon") else 0
        return pi if j >= 0 and self.g.has("control_verbs", self.low[j]) else -1

    def _urging_pronoun(self, v: int) -> int:
        """The verb of urging whose object "it" or "them" acts at v ("urged it to stop arming Taiwan"), or -1."""
        k = v - 2 if v > 1 and self.g.has("aspect_verbs", self.low[v - 1]) else v - 1
        if k < 3 or self.low[k] != "to" or self.low[k - 1] not in ("it", "them"):
            return -1
        return k - 2 if self.g.has("control_verbs", self.low[k - 2]) else -1

    def _not_urger(self, u: int, urger: tuple[str, ...]) -> int:
        """The nearest actor phrase before the verb of urging at u that is not the urger, or -1.

        A pronoun object never stands for its own verb's subject.
        """
        for pi in range(len(self.phrases) - 1, -1, -1):
            ph = self.phrases[pi]
            if ph.last < u and not ph.prep and not set(self.ids(ph)) & set(urger):
                return pi
        return -1

    def _own_noun_subject(self, c: Clause) -> bool:
        """A subordinate clause whose subject is a common noun: "when jihadists attacked a convoy".

        A participle after it ("..., killing ten Russian mercenaries") is the jihadists' act, never the
        main clause's subject's. A state's own agents ("its navy", "troops") may still be read.
        """
        if (
            c.kind == "coord"
            and c.parent >= 0
            and self.clauses[c.parent].kind == "rel"
            and self.low[c.first - 1] != ","
        ):
            c = self.clauses[c.parent]  # "who seized Sanaa and have fought ...": the relative clause goes on
        if c.kind == "rel" and c.antecedent < 0 and c.marker in ("who", "which", "that") and c.first > 1:
            # "the rebels, who seized Sanaa and have fought a Saudi-led coalition": the rebels fought
            k = c.first - 2 if self.low[c.first - 1] == "," else c.first - 1
            w = self.low[k]
            return (
                self.tokens[k].anchor < 0
                and w.isalpha()
                and w.endswith("s")
                and not self.is_function(w)
                and not self.g.has("presence_nouns", w)
                and not self.g.has("official_nouns", w)
            )
        if c.kind != "sub":
            return False
        k = c.first + 1
        f = next((t for t in range(k, min(c.last, k + 5)) if self.finite(self.low[t])), -1)
        words = self.low[k:f]
        return (
            f > k
            and all(self.tokens[t].anchor < 0 and self.low[t].isalpha() for t in range(k, f))
            and not any(self.is_function(w) and w not in ("the", "a", "an", "and", "or") for w in words)
            and not self.g.has("presence_nouns", words[-1])
            and not self.g.has("official_nouns", words[-1])
        )

    def _agent_noun_subject(self, c: Clause, v: int) -> bool:
        """The clause (or the sentence) opens with "the <agent noun>" and names no actor before v."""
        first = c.first if c.kind not in ("coord", "cont", "rel", "reduced", "part") else 0
        i = first
        if i < len(self.low) and self.low[i] == "the":
            i += 1
            while i + 1 < v and self.g.has("service_modifiers", self.low[i]):
                i += 1  # "the defence force", "the Royal Armed Forces": a state's own services
        return (
            i < v
            and self.tokens[i].anchor < 0
            and self.g.has("presence_nouns", self.low[i])
            and not any(ph.first < v for ph in self.phrases)
        )

    def _with_companions(self, s: Side, c: Clause) -> Side:
        """The subject and whoever an opening "along with X," or "like X," joins to it."""
        for ph in self.phrases:
            if ph.first > c.first + 3 or ph.first >= self.phrases[s.np].first or not ph.prep_at >= c.first:
                continue
            joined = ph.prep in ("like", "alongside") or (
                ph.prep == "with" and ph.prep_at > 0 and self.low[ph.prep_at - 1] in ("along", "together")
            )
            thing = bool(ph.head) and self.g.has("item_words", ph.head.split()[-1])  # "Alongside the Turkish corvettes"
            if joined and not thing and ph.last + 1 < len(self.low) and self.low[ph.last + 1] == ",":
                return Side(tuple(dict.fromkeys((*self.ids(ph), *s.ids))), s.np, s.how)
        return s
