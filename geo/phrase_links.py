"""How actor phrases link to the phrase before them: appositions, asides and the groups a state's phrase owns.

"Qatar, a close US partner," describes Qatar (the partner acts in nothing of its own); "Sudan's
paramilitary Rapid Support Forces" is one phrase, the group's. Mixed into :class:`geo.clauses.Parse`,
which runs these once its actor phrases are built; the clause splitter asks which parentheses and dashes
enclose a mere aside, and which "and" opens a clause.
"""

from __future__ import annotations

from geo.grammar import Clause, Phrase, passive_pair
from geo.roles import Roles

_NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "ould"})  # inside Arabic and Mauritanian names


class PhraseLinks(Roles):
    """Apposition and ownership links between neighbouring actor phrases (mixed into the parse)."""

    def _nested_aside(self, cur: Clause, i: int) -> bool:
        """A relative inside a reduced aside that the comma at i closes, with the aside, before the main verb.

        "Mali and Niger, run by officers who seized power, formed the AES": "formed" is the subject's.
        """
        outer = self.clauses[cur.parent] if cur.kind == "rel" and cur.marker != "that" and cur.parent >= 0 else None
        return outer is not None and outer.kind == "reduced" and i + 1 < len(self.low) and self.finite(self.low[i + 1])

    def _adjective_aside(self, cur: Clause, i: int) -> bool:
        """A that-clause of an adjective aside on the subject, which the comma at i closes before the main verb.

        "India, still angry that Aliyev sided with Pakistan, blocked ...": "blocked" is India's.
        """
        outer = self.clauses[cur.parent] if cur.kind == "rel" and cur.marker == "that" and cur.parent >= 0 else None
        if outer is None or outer.kind != "main" or i + 1 >= len(self.low) or not self.finite(self.low[i + 1]):
            return False
        return self._subject_aside(outer, cur.first)

    def _subject_aside(self, c: Clause, end: int) -> bool:
        """Clause c opens on its subject, a comma and words with no verb up to ``end`` ("India, still angry")."""
        pi = self.phrase_at[c.first] if self.phrase_at[c.first] >= 0 else self.phrase_at[min(end, c.first + 1)]
        if pi < 0 or self.phrases[pi].last + 1 >= end or self.low[self.phrases[pi].last + 1] != ",":
            return False
        return not any(self.finite(w) or w == "," for w in self.low[self.phrases[pi].last + 2 : end])

    def _leads_clause(self, k: int) -> bool:
        """Token k ends an actor phrase that opens the current clause (its subject, before any verb)."""
        pi = self.phrase_at[k] if k >= 0 else -1
        if pi < 0 or self.phrases[pi].last != k:
            return False
        start = self.clauses[-1].first
        if self.phrases[pi].first < start:
            return False  # the phrase ended an aside that is over ("X, whose navy trains Y's officers, gave")
        return all(self.g.has("determiners", w) for w in self.low[start : self.phrases[pi].first])

    def _participle_aside(self, i: int) -> bool:
        """A participle at i after the subject's comma opens an aside that a comma and the main verb close.

        "Egypt, locked in a row with Ethiopia, has drawn closer"; not "Baykar, the Turkish maker, delivered
        drones to Sudan, according to records" ("delivered" is the main verb).
        """
        if not (self._participle(i) and self._leads_clause(i - 2)):
            return False
        k = next((j for j in range(i + 1, len(self.low)) if self.low[j] in (",", ";", ".")), -1)
        after = self.low[k + 1 : k + 4] if k >= 0 and self.low[k] == "," else []
        return any(self.finite(w) and not w.endswith("ing") for w in after)  # not ", according to"

    def _all_aside(self, i: int) -> bool:
        """An "all", "both" or "each" at i opening an aside on the leading subject ("Mali and Niger, all run by")."""
        return self.low[i] in ("all", "both", "each") and self._leads_clause(i - 2)

    def _sites_only(self, ph: Phrase) -> bool:
        """Whether every name in phrase ``ph`` is a place short of a country (a town, a base, a region)."""
        return all(self.anchors[a].how == "place" and self.anchors[a].kind != "country" for a in ph.anchors)

    def _merge_owned_groups(self, simple: list[Phrase]) -> list[Phrase]:
        """In "Sudan's paramilitary Rapid Support Forces", "Germany's Olaf Scholz": a phrase joins what it owns."""
        out: list[Phrase] = []
        for ph in simple:
            if out:
                prev = out[-1]
                a = self.anchors[ph.anchors[0]]
                b = self.anchors[prev.anchors[0]]
                if (
                    (prev.possessive or b.how == "demonym")
                    and ("@" in a.id or a.how == "leader")
                    and a.id.split("@")[0] == b.id
                    and ph.first == prev.last + 1
                    and len(prev.anchors) == 1
                ):
                    ph.first = prev.first
                    out[-1] = ph
                    continue
                if prev.possessive and not prev.head and a.how == "company" and b.kind == "country":
                    # "Germany's KNDS": the firm of the state named, whatever seat the table gives it
                    ph.first, ph.anchors, ph.prep, ph.prep_at = prev.first, list(prev.anchors), prev.prep, prev.prep_at
                    out[-1] = ph
                    continue
            out.append(ph)
        return out

    def _name_rest(self, i: int) -> int:
        """The last token of a leader's name that runs on past its mention: "Sheikh Tamim bin Hamad Al Thani"."""
        toks, k = self.tokens, i
        while k + 2 < len(toks) and self.low[k + 1] in _NAME_PARTICLES and toks[k + 2].text[:1].isupper():
            k += 2
            while k + 1 < len(toks) and toks[k + 1].anchor < 0 and toks[k + 1].text[:1].isupper() and toks[k + 1].space:
                k += 1  # "bin Hamad Al Thani": the family name after the particle
        return k

    def _fronted_adverbial(self, run: list[Phrase], seps: list[str]) -> bool:
        """The first member ends a prepositional phrase that opens the sentence, and its comma closes it.

        "During the war in Ukraine, Armenia and Georgia signed a charter": the subject is the two after
        the comma. "In Mali, Niger and Chad, Russia has troops" lists three places: no verb follows them.
        """
        comma = max((k for k in range(run[0].first) if self.low[k] == ","), default=-1)
        before = self.low[run[0].first - 1] if run[0].first > 0 else ""
        dated = before.isdigit() or self.g.has("time_nouns", before)  # "In September 2023 A, B and C signed"
        if seps[:1] != [","] or len(run) < 3 or not self.g.has("prepositions", self.low[comma + 1]) or dated:
            return False  # "On Tuesday, the ministers of A, B and C said": the list is the subject's own
        after = run[-1].last + 1
        return (
            after < len(self.low)
            and (self.finite(self.low[after]) or self.g.has("adverbs", self.low[after]))
            and not any(self.finite(w) for w in self.low[: run[0].first])
        )

    def _officials_of(self, gap: list[str]) -> bool:
        """Whether the words between two phrases are "and the presidents of": the officials of the next one."""
        words = gap[2:-1] if gap[1:2] == ["the"] else gap[1:-1]
        return (
            len(gap) >= 3
            and gap[0] == "and"
            and gap[-1] == "of"
            and 0 < len(words) <= 2
            and self.g.has("official_nouns", " ".join(words))
        )

    def _appositions(self) -> None:
        """Mark each phrase set off by a comma after another as that one's apposition ("Qatar, a US partner,")."""
        low = self.low
        for pi in range(1, len(self.phrases)):
            ph = self.phrases[pi]
            k = self._indefinite_opening(ph)  # "Qatar, a close US partner": an apposition all the same
            if k > 0 and low[k - 1] == ",":
                prev_end = k - 2
                if prev_end >= 0 and self.phrase_at[prev_end] >= 0 and self.phrase_at[prev_end] != pi:
                    prev = self.phrases[self.phrase_at[prev_end]]
                    if prev.prep and not ph.prep and (prev.prep_at <= 1 or self._opening_phrase(k - 1)):
                        continue  # "Along with Russia, Iran backs ...": an opening phrase, then the subject
                    nxt = low[ph.last + 1] if ph.last + 1 < len(low) else ""
                    if not ph.prep and k == ph.first and (self.finite(nxt) or self.g.has("auxiliaries", nxt)):
                        continue  # "To harden the Tajik-Afghan border, Russia will supply ...": the subject
                    ph.apposition_of = self.phrase_at[prev_end]

    def _indefinite_opening(self, ph: Phrase) -> int:
        """Where a phrase begins with "a"/"an" and its describing words ("a close US partner"), else its first token."""
        k, low = ph.first - 1, self.low
        if "a" not in low[max(0, k - 3) : ph.first] and "an" not in low[max(0, k - 3) : ph.first]:
            return ph.first  # the common case, asked of every phrase
        while k > 0 and ph.first - k <= 3 and low[k].isalpha() and not self.is_function(low[k]):
            k -= 1
        after = ph.last + (2 if low[ph.last + 1 : ph.last + 2] == ["."] else 1)  # "a close U.S. partner"
        nxt, then = [*low[after : after + 2], "", ""][:2]
        if ph.head_at >= 0:  # "a close Turkish partner": the noun is the phrase's own
            nxt, then = "noun", nxt
        elif self.finite(nxt) and self.anchors[ph.anchors[-1]].how != "demonym":
            # "a move Somalia denounced": a name before a verb is its subject ("a US partner" is no verb)
            return ph.first
        named = nxt.isalpha() and not self.is_function(nxt) and not self.finite(then)  # not "a US official said"
        return k if low[k] in ("a", "an") and k < ph.first and named else ph.first

    def _short_name_after(self, i: int) -> bool:
        """Whether a parenthesis after actor token i only names it again ("Korea Aerospace Industries (KAI)")."""
        toks = self.tokens
        if i + 3 >= len(toks) or self.low[i + 1] != "(" or toks[i + 2].anchor < 0 or self.low[i + 3] != ")":
            return False
        again = set(self.anchors[toks[i + 2].anchor].id.split("|"))
        return again <= set(self.anchors[toks[i].anchor].id.split("|"))

    def _bare_parenthesis(self, i: int) -> bool:
        """A short verbless parenthesis naming no one ("7.5 mtpa (million tonnes) of LNG"): no clause of its own.

        Nor one inside an actor phrase, its short name ("Korea Aerospace Industries (KAI)").
        """
        if self.phrase_at[i] >= 0:
            return True
        close = next((k for k in range(i + 1, min(len(self.low), i + 6)) if self.low[k] == ")"), -1)
        inside = range(i + 1, close)
        return close > 0 and not any(self.tokens[k].anchor >= 0 or self.finite(self.low[k]) for k in inside)

    def spaced_dash(self, k: int) -> bool:
        """Token k is a dash with spaces on both sides (" — "), which cuts a clause; "Kurdish-led" is none."""
        low, toks = self.low, self.tokens
        return low[k] in ("—", "–", "-") and toks[k].space and k + 1 < len(low) and toks[k + 1].space

    def dash_aside(self, i: int) -> bool:
        """A spaced dash at i opens a verbless aside after an actor that a second spaced dash closes.

        "Mali, Burkina Faso and Niger — the three members of the AES, formed in 2024 — recalled their envoys".
        """
        if i == 0 or self.phrase_at[i - 1] < 0 or self.g.has("prepositions", self.low[i + 1]):
            return False  # "the Indian Ocean — from Gwadar to Hambantota, leased to ... —": no apposition
        for k in range(i + 1, min(len(self.low), i + 30)):
            w = self.low[k]
            if self.spaced_dash(k):
                return k > i + 1
            verb = self.finite(w) and not w.endswith("ed") and self.tokens[k].text != "May"  # "formed in May"
            if w in (";", ":", "which", "who", "that") or verb:
                return False
            if w.endswith("ed") and self.phrase_at[k - 1] >= 0:
                return False  # "— Turkey delivered drones —": a clause of its own, no aside
        return False

    def _opens_clause(self, i: int) -> bool:
        """Whether "and" opens a clause: not when it joins two words of one phrase ("arms and ammunition")."""
        nxt = i + 1
        if nxt >= len(self.tokens):
            return False
        w = self.low[nxt]
        if "between" in self.low[max(0, i - 3) : i] and "," not in self.low[max(0, i - 3) : i]:
            return False  # "seized power in coups between 2020 and 2023, formed": the range's second end
        if self._ed_adjective(nxt):
            return False  # "patrol boats and armoured vehicles": an adjective, not a new verb
        if self._compound_item(nxt):
            return False  # "Turkish-built drones and Chinese-made jets": a second item, not a clause
        if passive_pair(self.low, i, self.g):
            return False  # "are armed and funded by Rwanda": one passive
        return (
            self.finite(w)
            or self.g.has("fleet_verbs", w)  # "flies Su-30s and fields S-300 systems"
            or self.phrase_at[nxt] >= 0
            or w in ("it", "they", "he", "she", "then", "later", "the", "its", "their")
            or any(self.g.has("reporting", x) for x in self.low[nxt + 1 : nxt + 3])  # "and defence analysts say"
            or self._dated_verb(nxt)
        )

    def _dated_verb(self, k: int) -> bool:
        """A time adverbial, then a finite verb, at k: "(and) in December lodged a complaint", "last week sent"."""
        low, g = self.low, self.g
        start = k
        while (
            k < len(low)
            and k - start < 4
            and (
                g.has("time_adverb_words", low[k])
                or low[k].isdigit()
                or (low[k] == "for" and k + 1 < len(low) and g.has("duration_nouns", low[k + 1]))  # "for decades"
                or any(g.has(t, low[k]) for t in ("time_nouns", "duration_nouns"))
            )
        ):
            k += 1
        if low[k - 1 : k] == [","] and self.clauses and self.clauses[-1].kind in ("rel", "reduced"):
            return False  # "which took power in 2020 and 2021, expelled": the comma ends the aside, not a date's
        return start < k < len(low) and low[start] != "," and self.finite(low[k])

    def _subject_then_verb(self, i: int) -> bool:
        """A subject (a pronoun or an actor phrase) and its finite verb start at token i."""
        if i + 1 < len(self.tokens) and self.low[i] in ("it", "they", "he", "she", "we"):
            return self.finite(self.low[i + 1]) or self.low[i + 1] in ("also", "has", "have", "had", "would")
        return self._phrase_then_verb(i)

    def _phrase_then_verb(self, i: int) -> bool:
        if i >= len(self.tokens):
            return False
        pi = self.phrase_at[i]
        if pi < 0 and i + 1 < len(self.tokens) and self.low[i] in ("the", "a"):
            pi = self.phrase_at[i + 1]
            of = next((k for k in range(i + 2, min(i + 5, len(self.low))) if self.low[k] == "of"), -1)
            if pi < 0 and of > 0 and of + 1 < len(self.low) and self.g.has("official_nouns", self.low[of - 1]):
                pi = self.phrase_at[of + 1]  # "after the military governments of Mali and Niger expelled"
        if pi < 0 or self.phrases[pi].first < i - 1:
            return False  # "of Mali, Burkina Faso and Niger expelled": inside a list, no subject opens
        after = self.phrases[pi].last + 1
        return after < len(self.tokens) and self.finite(self.low[after])
