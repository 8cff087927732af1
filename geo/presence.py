"""The presence frame: troops, bases and forces of X in A, B and C, read as X's sway (influence).

"Russia has deployed 1,600 troops in Transnistria", "China's naval base in
Djibouti", "the 1,200 Italian soldiers currently in Lebanon", "Djibouti hosts bases
of the United States, China and France". A presence at the host's wish
("under an agreement with Kinshasa") is backing for the host instead, and
trainers and police contingents back the state they serve in.
"""

from __future__ import annotations

from geo.clauses import Parse, Side
from geo.cuetable import Cue
from geo.data.wordlists import NUMBER_WORDS
from geo.grammar import Phrase
from geo.hosts import hosted, hosts_named
from geo.slots import Hit, noun_after, noun_before, only_ground, owner_of, state_of


def sent_as_deployment(p: Parse, i: int, words: list[str], item: str) -> bool:
    """Whether a sending verb at ``i`` deploys forces rather than gives ``item`` (the words after it: ``words``).

    One warship or unit sent ("send a patrol ship to Guyana", no batch "of" goods), or people sent with
    craft ("sent troops and two warships to", "troops, ships and aircraft were sent by"): crews and craft.
    """
    if "for" in words[:6] and any(p.g.has("drill_nouns", w) for w in words[:9]):
        return True  # "send vessels for training exercises with the region's navies": ships on an exercise
    # "send a patrol ship", "sent the frigate Admiral Gorshkov": one of the sender's own (a named ship is its own)
    one = p.g.has("sending_verbs", p.low[i]) and words[:1] in (["a"], ["an"], ["the"]) and "of" not in words
    sent = p.low[max(p.clause(i).first, i - 8) : i] if p.passive(i) else [w.strip(",;.") for w in item.lower().split()]
    k = next((k for k, w in enumerate(sent) if w != "of" and p.g.has("prepositions", w)), len(sent))
    if any(p.g.has("deployed_people", w) for w in sent[:k]):
        return True
    return one and any(p.g.has("deployed_units", w) for w in words)


def _given_to(p: Parse, i: int) -> Side | None:
    """In "a treaty gives France defence authority over Monaco": who is given it."""
    for k in range(i - 1, max(-1, i - 4), -1):
        pi = p.phrase_at[k]
        if pi >= 0:
            first = p.phrases[pi].first
            given = first > 0 and p.g.has("granting_verbs", p.low[first - 1])
            return p.side(pi) if given else None
    return None


def _past(p: Parse, i: int, limit: int = 10) -> int:
    """How far back the cue's noun may stand: ``limit`` words and the asides between ("X, the successor to Y, are")."""
    c = p.clause_of[i]
    return limit + sum(
        p.clause_of[j] != c and p.clauses[p.clause_of[j]].kind in _ASIDES for j in range(max(0, i - 30), i)
    )


_ASIDES = ("reduced", "paren")


def _needed_before(p: Parse, i: int, needs: set[str]) -> int:
    """The cue's noun before it, past asides, unless a place phrase holds it ("loaded crude at the port of Basra")."""
    k = noun_before(p, i, needs, _past(p, i))
    j = k - 1
    while j >= max(0, k - 4) and (p.tokens[j].anchor >= 0 or p.low[j][0].isalnum()) and not _at(p, j):
        j -= 1  # past "the Iraqi" to "at"; a comma ends the phrase ("Five weeks on, Russian forces")
    return -1 if k >= 0 and j >= max(0, k - 4) and _at(p, j) else k


def _at(p: Parse, j: int) -> bool:
    """A preposition of where at j ("at", "in", "off"), not of a goal ("pointed to the station that China operates")."""
    return p.g.has("ground_prepositions", p.low[j]) and p.low[j] not in ("to", "into")


def _presence_owner(p: Parse, i: int, v: int, cue: Cue) -> Side | None:
    """Whose troops or bases: a possessor of the cue or its needed noun, "its"/"their", else the subject."""
    needs = set(cue.opt("needs") or ())
    if cue.opt("subject_owner"):
        return p.subject(i, platforms=True)  # "US forces have access to Norwegian bases": the user, not the owner
    owner = owner_of(p, i) or _compound_user(p, i)
    if owner is None and needs:
        j = noun_after(p, v, needs, 5)
        if j >= 0:
            owner = owner_of(p, j)
            if (
                owner is not None
                and owner.np >= 0
                and all(p.anchors[k].kind == "bloc" for k in p.phrases[owner.np].anchors)
            ):
                owner = None  # "peacekeepers to the UN force in Lebanon": the force is the UN's, the troops are not
        if owner is None:
            k = _needed_before(p, i, needs)
            if k >= 0:
                owner = owner_of(p, k)
    k = i - 1
    while owner is None and k >= max(0, i - 6):
        if p.low[k] in ("its", "their"):
            owner = p.possessive_pronoun(k)
        k -= 1
    if owner is None:
        owner = _given_to(p, i)
    if owner is None and cue.opt("owner_from"):
        owner = p.pp(v, ("from",), limit=3)  # "troops from Ghana and Nepal serve in the force in Lebanon"
    verbs = cue.opt("owner_verbs")
    if owner is None and (cue.opt("counted") or cue.opt("owned_only")):
        return None  # a counted force or an owned deployment names its state beside it, not through the subject
    if owner is None and cue.opt("from_base") and "from" in p.low[max(0, i - 4) : i]:
        return p.subject(i, platforms=True)  # "French drones flew from an air base in Niger": who flies from it
    if owner is None and (not verbs or any(w in verbs for w in p.low[max(0, i - 5) : i])):
        owner = p.subject(i)
    return owner


def _compound_user(p: Parse, i: int) -> Side | None:
    """The state of a compound that says who uses the base at i: "Turkish-used airbases", "Russian-run bases"."""
    if i >= 3 and p.low[i - 2] in ("-", "‐") and p.g.has("user_participles", p.low[i - 1]) and p.phrase_at[i - 3] >= 0:
        return p.side(p.phrase_at[i - 3])
    return None


def _presence_end(p: Parse, v: int) -> int:
    """The last token of the cue's clause, with the asides and continuations that follow it."""
    last = p.clause(v).last
    ci = p.clause_of[v] + 1
    while ci < len(p.clauses) and p.clauses[ci].kind in ("paren", "cont"):
        last = p.clauses[ci].last
        ci += 1
    if ci < len(p.clauses) and _list_opens(p, last):
        last = p.clauses[ci].last  # "a presence in five African states - Mali, Burkina Faso, Niger -": the list
    return last


def _list_opens(p: Parse, k: int) -> bool:
    """Token k is a colon or a spaced dash after a count of states: "in at least five African states -"."""
    return (
        p.low[k] in (":", "-", "–", "—")
        and k > 0
        and p.low[k - 1] in ("states", "countries", "nations")
        and (p.low[k] == ":" or p.tokens[k].space)
    )


def _group_label(p: Parse, v: int, ph: Phrase) -> str | None:
    """The words before a parenthesis that name the group in it ("in the south (Peru, Chile)")."""
    k = ph.first - 2
    while k > v and ph.first - k < 6 and p.low[k] not in ("in", "over", "across", "throughout"):
        k -= 1
    if (
        p.low[k] in ("in", "over", "across", "throughout")
        and all(p.tokens[t].anchor < 0 for t in range(k + 1, ph.first - 1))
        and k + 1 < ph.first - 1
    ):
        return p.text(k + 1, ph.first - 2)
    return None


def _presence_groups(p: Parse, v: int, last: int, cue: Cue, owner: Side) -> list[tuple[str, list[str]]]:
    """The places of the presence, grouped under the regions that name them ("in the Sahel: Mali, Niger")."""
    kinds = {a.id: a.kind for a in p.anchors}
    groups: list[tuple[str, list[str]]] = [("", [])]
    seen = v + 1
    for ph in p.phrases:
        if ph.first <= v or ph.first > last or ph.first > v + cue.opt("within", 30) + _aside_length(p, v, ph.first):
            continue
        told = any(
            kinds.get(m) not in ("region", "sea", "bloc") for g in groups for m in g[1]
        )  # "bases in Africa are in X"
        if told and any(w.isalpha() and p.g.has("auxiliaries", w) for w in p.low[seen : ph.first]):
            break  # "frigates based out of Crete have escorted convoys off Libya": another verb's places
        listed = ph.first > 0 and (p.low[ph.first - 1] in (",", "and", "(") or _list_opens(p, ph.first - 1))
        said = [w for w in p.low[ph.last + 1 : ph.last + 3] if p.g.has("reporting", w)]
        if listed and said:
            break  # "fired at Pakistani air bases, Indian media reported": who reports it, not where
        if said and said[0] != "according" and ph.prep == "in" and p.low[ph.prep_at - 1] not in cue.opt("needs", ()):
            continue  # "soldiers were rotated to the front, diplomats in Dushanbe say": where the speakers are
        # "in the city of Gyumri", "at the port of Tartus": the place after "of" is where
        named_place = (
            ph.prep == "of"
            and ph.prep_at > 0
            and (p.g.has("place_nouns", p.low[ph.prep_at - 1]) or p.low[ph.prep_at - 1] == "out")  # "based out of"
        )
        if not (ph.prep in cue.opt("preps", ["in", "across", "including", "throughout"]) or listed or named_place):
            continue
        made = ph.prep == "in" and p.g.has("making_participles", p.low[ph.prep_at - 1])  # "vessels built in China"
        if _leads(p, ph) or made or (ph.prep == "from" and p.g.has("seller_participles", p.low[ph.prep_at - 1])):
            continue  # "the Kenya-led force", "operates 36 jets bought from France": a leader, a seller, a maker
        if ph.prep == "in" and ph.head.split()[-1:] in (["fleet"], ["fleets"], ["arsenal"], ["inventory"]):
            continue  # "the largest ships in the Chinese fleet": a fleet, not a place
        edge = p.low[ph.last + 1] if ph.last + 1 < len(p.low) else ""
        head = ph.head.split()[-1] if ph.head else ""
        if p.g.has("border_nouns", edge) or p.g.has("border_nouns", head):
            continue  # "stationed on the Omani border": at the edge of Oman, not inside it
        if p.low[ph.first - 1] == "(":
            label = _group_label(p, v, ph)
            if label is not None:
                groups.append((label, []))
        ids = [x for x in hosts_named(p, ph) if x not in owner.ids]
        if all(kinds.get(x) in ("region", "sea", "bloc") for x in ids):
            groups.append((p.text(ph.first, ph.last), list(ids)))  # a named region opens a group
            continue
        groups[-1][1].extend(x for x in ids if x not in groups[-1][1])
        seen = ph.last + 1
    return groups if any(g[1] for g in groups) else (_where_antecedent(p, v, owner) or _there(p, v, owner) or groups)


def _leads(p: Parse, ph: Phrase) -> bool:
    """Phrase ph names who leads or backs a force ("the Kenya-led force", "a US-backed mission"), not a place."""
    return p.low[ph.last + 1 : ph.last + 3] in (["-", "led"], ["-", "backed"])


def _there(p: Parse, v: int, owner: Side) -> list[tuple[str, list[str]]]:
    """The place "there" points back to: "forces at Al Dhafra ..., sending troops stationed there into bunkers"."""
    if "there" not in p.low[v + 1 : v + 6] or p.low[v + 1 : v + 6].index("there") + v + 1 > p.clause(v).last:
        return []
    for ph in reversed(p.phrases):
        # the nearest place named before: "a worry for South Korea and for the U.S. troops stationed there"
        # "the breakaway regions of Abkhazia and South Ossetia ... stationed troops there": the regions named
        named = ph.prep == "of" and ph.prep_at > 0 and p.g.has("place_nouns", p.low[ph.prep_at - 1])
        if (
            ph.last < v
            and (ph.prep in ("in", "at", "on", "to", "into", "for") or not ph.prep or named)
            and not ph.possessive
        ):
            ids = [x for x in p.ids(ph) if x not in owner.ids]
            if ids:
                return [("", ids)]
    # none in the sentence: the state the sentence before named first ("In Gabon, ... France keeps 100 troops there")
    told = [x for x in p.context.previous if x not in owner.ids]
    return [("", told[:1])] if told else []


def _aside_length(p: Parse, v: int, end: int) -> int:
    """Tokens of a comma-enclosed aside between v and end ("its largest installation, the 201st base, in X")."""
    commas = [k for k in range(v + 1, end) if p.low[k] == ","]
    return commas[1] - commas[0] + 1 if len(commas) == 2 and p.phrase_at[commas[0] + 1] < 0 else 0


def _site_state(p: Parse, m: str, owner: Side) -> str:
    """A base's state stands for the base in a footprint when the story names that state.

    "US personnel at Al Dhafra Air Base" in a story of the Emirates: influence over the Emirates.
    A site on ground the story never names as a state (Diego Garcia) stays itself.
    """
    if not m.startswith("other:"):
        return m
    iso = state_of(m, ("other:",))
    return iso if len(iso) == 2 and iso not in owner.ids and p.context.mentions.get(iso, 0) > 0 else m


def _not_a_footprint(p: Parse, i: int, v: int, cue: Cue) -> bool:
    """No footprint: "opened fire on border posts" (shooting), "US trainers rotated through its bases" (backing)."""
    if p.low[v + 1 : v + 2] == ["fire"]:
        return True
    if any(w in cue.opt("not_after", ()) for w in p.low[max(0, i - 4) : i]):
        return True  # "Spain trains Bolivian police officers in Madrid": trainees, not a contingent sent
    if any(w in cue.opt("not_before", ()) for w in p.low[v + 1 : v + 4]):
        return True  # "access to the ocean through the port of Dakhla": a trade route, no footprint
    kept = {"keep", "keeps", "kept", "keeping"} & set(p.low[max(0, i - 6) : i - 1])
    if kept and p.low[i].endswith("ing") and p.low[i - 1] in (cue.opt("needs") or ()):
        return True  # "the oil that keeps Israel's jets running": the jets work ("drones operating from" deploy)
    if any(p.g.has("past_office", w) for w in p.low[max(0, i - 4) : i]) and "." not in p.low[max(0, i - 4) : i]:
        return True  # "the former French air base at Bouake": a footprint of the past
    if p.low[v].startswith("buil"):
        # "submarines built at Mazagon Dock": ships built for a buyer, not a base built abroad
        craft = (
            noun_after(p, v, p.g.words["built_craft"], 5) >= 0 or noun_before(p, i, p.g.words["built_craft"], 4) >= 0
        )
        return craft and noun_after(p, v, p.g.words["built_sites"], 6) < 0
    after_noun = cue.pos != "noun" and p.low[v].endswith("ed") and p.low[i - 1] in (cue.opt("needs") or ())
    if (cue.pos == "noun" or after_noun) and _gone(p, v, after_noun):
        return True  # "France's influence in the Sahel has all but evaporated", "the peacekeepers deployed in X left"
    return cue.kind == "influence" and (
        any(p.g.has("trainer_nouns", w) for w in p.low[max(0, i - 3) : i]) or _in_mission(p, v)
    )


def _gone(p: Parse, v: int, left: bool = False) -> bool:
    """The first verb after v, past asides and auxiliaries, says it is gone ("all but evaporated"; ``left``: "left")."""
    for w in p.low[v + 1 :]:
        if p.g.has("vanishing_verbs", w) or (left and p.g.has("leaving_verbs", w)):
            return True
        if w in (".", ";") or (p.finite(w) and not p.g.has("auxiliaries", w)):
            return False
    return False


def _in_mission(p: Parse, v: int) -> bool:
    """Troops there "as part of" or "under" a mission back their host (the support cues read it), no footprint."""
    c = p.clause(v)
    for k in range(v + 1, c.last + 1):
        if p.g.has("mission_nouns", p.low[k]) or p.g.has("mission_names", p.low[k]):
            lead = p.low[max(v + 1, k - 6) : k]
            return "under" in lead or ("part" in lead and "of" in lead)
    return False


def _seller_of_items(p: Parse, v: int, owner: Side) -> bool:
    """Whether the owner sells the items that act in the relative clause ("from Norway, which will operate")."""
    c = p.clause(v)
    if c.kind != "rel" or owner.np < 0 or owner.np != c.antecedent:
        return False
    ph = p.phrases[owner.np]
    if ph.prep == "by":  # "built by Korea, which operates ..."; not "recognised only by Turkey, which keeps troops"
        made = p.low[max(0, ph.prep_at - 2) : ph.prep_at]
        return any(
            p.g.has(cls, w)
            for w in made
            for cls in ("making_participles", "seller_participles", "conveying_participles")
        )
    return ph.prep == "from"


def _needs_met(p: Parse, i: int, v: int, cue: Cue) -> bool:
    """The needed noun (troops, bases) stands after the cue or before it, and names no civil site ("R&D facilities")."""
    needs = set(cue.opt("needs") or ()).union(*(p.g.words[w] for w in cue.opt("needs_lists", ())))
    if not needs:
        return True
    # "Russian jets operate from Hmeimim": the needed noun before the verb only ("operates jets from China": none)
    before_only = cue.opt("needs_before")
    after = -1 if before_only else noun_after(p, v, needs, cue.opt("needs_within", 5))
    if after < 0 and not before_only:
        after = _list_head(p, v, needs)
    if after >= 0:
        # "has a visiting forces agreement with Manila": the noun names a pact, not forces
        pact = after + 1 < len(p.low) and p.g.has("pact_nouns", p.low[after + 1])
        return not pact and not any(p.g.has("civil_site_words", w) for w in p.low[max(v + 1, after - 3) : after])
    return not cue.opt("needs_after") and _needed_before(p, i, needs) >= 0  # "forces held talks": held nothing


def _list_head(p: Parse, v: int, needs: set[str]) -> int:
    """The head noun of the actor list right after v, when it is needed ("hosts American, Chinese and French bases")."""
    ph = next((p.phrases[p.phrase_at[k]] for k in range(v + 1, min(len(p.low), v + 3)) if p.phrase_at[k] >= 0), None)
    return ph.head_at if ph is not None and ph.head.split()[-1:] and ph.head.split()[-1] in needs else -1


def presence(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """Troops, bases, influence of X in A, B and C: influence X → members."""
    v = i + n - 1
    if _not_a_footprint(p, i, v, cue):
        return []
    if not _needs_met(p, i, v, cue):
        return []
    if cue.opt("host"):
        return hosted(p, i, v, cue)
    if cue.ended(p.low[max(0, i - 5) : i]):
        return []  # "France closed its last base in Chad": the presence ends
    owner = _presence_owner(p, i, v, cue)
    if owner is None or (cue.opt("counted") and not _counted(p, owner)) or _seller_of_items(p, v, owner):
        return []
    if only_ground(p, owner) or (owner.np >= 0 and _firm(p, owner)):
        # "the Falklands garrison": where the garrison is, not whose; "General Atomics will set up a maintenance
        # facility in India": a firm's plant, no state's footprint
        return []
    hows = cue.opt("owner_hows")
    if hows and (owner.np < 0 or not any(p.anchors[k].how in hows for k in p.phrases[owner.np].anchors)):
        return []  # "Russia's Africa Corps operates in Mali": only an armed group's operations are a footprint
    kinds = {a.id: a.kind for a in p.anchors}
    last = _presence_end(p, v)
    hits = []
    hosts = _consenting(p, v, last)
    # a sea or a region is a sphere only of a stated sway ("its influence in the Atlantic") or of works
    # that hold it ("outposts in the South China Sea"), not of ships or troops there ("frigates in the Baltic")
    sway = p.low[v] in cue.opt("waters", ())
    held = any(p.g.has("sea_footholds", w) for w in p.low[v + 1 : last + 1])
    groups = _presence_groups(p, v, last, cue, owner)
    if not hosts and _for_the_host(p, v, last):  # "4,000 troops in Mozambique fighting Islamist insurgents"
        hosts = [m for _, members in groups for m in members if kinds.get(m) == "country" and m not in owner.ids]
    for label, members in groups:
        countries = [m for m in members if kinds.get(m) not in ("region", "sea", "bloc")]
        if any(kinds.get(m) == "country" for m in countries):  # "in Iraq, mostly at Ain al-Asad": the country
            countries = [m for m in countries if kinds.get(m) != "other"]
        members = [
            _site_state(p, m, owner)
            for m in countries or members
            if m not in hosts
            and state_of(m) not in hosts
            and (kinds.get(m) not in ("sea", "strait", "region") or sway or (held and kinds.get(m) == "sea"))
        ]
        if cue.kind == "support":  # "Danish instructors remain in Argentina": trainers back their host
            hits += [Hit("support", owner.ids, (m,), cue, i) for m in countries if m not in owner.ids]
        elif members:
            hits.append(Hit("influence", owner.ids, (), cue, i, members=tuple(members), extra={"label": label}))
    # "10,000 troops in eastern Congo under an agreement with Kinshasa": there at the host's wish, so backing
    hits += [Hit("support", owner.ids, (h,), cue, i) for h in hosts if h not in owner.ids]
    if not hits and cue.kind == "support":
        hits = _sent_to_the_story(p, i, v, cue, owner)
    if not hits and cue.opt("counted"):
        hits = _at_a_site_of_the_story(p, v, last, cue, owner, i)
    return hits


def _where_antecedent(p: Parse, v: int, owner: Side) -> list[tuple[str, list[str]]]:
    """The place a "where" clause hangs on: "South Ossetia, where Russian troops have been stationed"."""
    c = p.clause(v)
    if c.kind != "rel" or c.marker != "where":
        return []
    # the antecedent, or the phrase before "the coast, where" that no actor phrase ends
    last = (
        c.antecedent
        if c.antecedent >= 0
        else max((q for q, ph in enumerate(p.phrases) if ph.last < c.first), default=-1)
    )
    if last < 0 or (c.antecedent < 0 and p.phrases[last].last < c.first - 4):
        return []
    kinds = {a.id: a.kind for a in p.anchors}
    for pi in range(last, max(-1, last - 3), -1):  # "the facility at Tartus on the Mediterranean coast, where"
        ids = [x for x in p.ids(p.phrases[pi]) if x not in owner.ids]
        if ids and not all(kinds.get(x) in ("sea", "strait", "region") for x in ids):
            return [("", ids)]
    return []


def _at_a_site_of_the_story(p: Parse, v: int, last: int, cue: Cue, owner: Side, i: int) -> list[Hit]:
    """A counted force at a site the gazetteer does not know lies in the story's country.

    "Around 400 French troops are stationed at Camp Zongo" in a story about Ghana: a base of Ghana's.
    """
    kinds = {a.id: a.kind for a in p.anchors}
    # "France leads NATO's battlegroup in the country, with 1,000 French soldiers at the Cincu training area"
    ci = p.clause_of[v]
    named = [
        x
        for ph in p.phrases
        if ph.prep == "in" and p.clause_of[ph.first] == ci and (ph.last < v or ph.first <= v + 10)
        for x in p.ids(ph)
        if kinds.get(x) == "country" and x not in owner.ids
    ]  # the site's own "in Jordan" after it, else the land the clause names before
    host = named[-1] if named else p.context.focus(exclude=owner.ids)
    if not host:
        return []
    for k in range(v + 1, min(last, v + 6)):
        if p.low[k] in ("at", "through") and k + 1 <= last:
            j = k + 2 if p.low[k + 1] == "the" else k + 1  # "rotating through the Zongo training area"
            if j <= last and p.tokens[j].anchor < 0 and p.tokens[j].text[:1].isupper():
                return [Hit("influence", owner.ids, (), cue, i, members=(host,), extra={"label": ""})]
    return []


def _sent_to_the_story(p: Parse, i: int, v: int, cue: Cue, owner: Side) -> list[Hit]:
    """A contingent sent with nowhere named: "Jamaica and Belize have sent smaller contingents".

    It goes to the state the story tells of backing, else to the state the story keeps naming; only a
    contingent sent (an owner verb before the noun).
    """
    backed = p.context.backed
    if not backed:  # "Kenya has deployed roughly 750 police officers" in a story that names Haiti throughout
        focus = p.context.focus(exclude=owner.ids)
        backed = focus if p.context.mentions.get(focus, 0) >= 5 else ""
    sent = any(w in cue.opt("owner_verbs", ()) for w in p.low[max(0, i - 5) : i])
    # "contingents to the Kenya-led force": the leader is named, not where the force serves
    named_after = any(ph.first > v and not _leads(p, ph) for ph in p.phrases if p.clause_of[ph.first] == p.clause_of[v])
    if not backed or not sent or named_after or backed in owner.ids:
        return []
    return [Hit("support", owner.ids, (backed,), cue, i)]


def _counted(p: Parse, owner: Side) -> bool:
    """Whether a number counts the owner's force: "the 2,000 U.S. troops", "some 900 American soldiers"."""
    if owner.np < 0:
        return False
    first = p.phrases[owner.np].first
    k = first - 1
    if k >= 0 and p.low[k] in ("the", "a", "an"):
        return False  # "the U.S. troops": an article, no count, before the state
    words = [*p.low[first : first + 3], p.low[k] if k >= 0 else ""]
    return any(w.replace(",", "").isdigit() or w in NUMBER_WORDS for w in words)


def _for_the_host(p: Parse, v: int, last: int) -> bool:
    """The force is there for its host: "fighting Islamist insurgents", "hunting the ADF", "on a bilateral basis"."""
    for k in range(v + 1, last):
        if p.low[k] == "bilateral" and (p.g.has("consent_nouns", p.low[k + 1]) or p.low[k + 1] == "basis"):
            return True
        if p.g.has("host_fight_words", p.low[k]):
            for j in range(k + 1, min(last + 1, k + 5)):
                a = p.tokens[j].anchor
                if p.g.has("insurgent_nouns", p.low[j]) or (a >= 0 and p.anchors[a].how in ("group", "roaming")):
                    return True
    return False


def _consenting(p: Parse, v: int, last: int) -> list[str]:
    """Hosts that asked for or agreed to a presence: "under an agreement with X", "at the invitation of X"."""
    out: list[str] = []
    words = p.low[max(0, v - 8) : last + 1]
    if any(w in ("base", "bases", "facility", "facilities") for w in words):
        return out  # a base keeps its owner's sway whoever leased the ground
    for k in range(v + 1, last + 1):
        if p.low[k] == "alongside" and p.low[k - 1] in ("fighting", "fight", "fights", "serving", "deployed"):
            # "3,000 soldiers in North Kivu fighting alongside the Congolese army": the host's ally
            side = p.pp(k - 1, ("alongside",), limit=4)  # a state's army, never a rebel group ("alongside M23")
            out += [x for x in (side.ids if side and side.how != "group" else ()) if x not in out]
            continue
        if not p.g.has("consent_nouns", p.low[k]) or p.g.has("peace_words", p.low[k - 1]):
            continue  # "under a 1992 ceasefire agreement with Moldova" ends a war, it asks for no one
        side = p.pp(k, ("with", "of", "by", "from"), limit=3) or _consenting_owner(p, k)
        if side is not None:
            out += [x for x in side.ids if x not in out]
    return out


def _consenting_owner(p: Parse, k: int) -> Side | None:
    """The owner before a consent noun: "with Kinshasa's consent", "at Maputo's request"."""
    pi = p.phrase_at[k]
    if pi < 0 or not p.phrases[pi].possessive or p.phrases[pi].head_at != k:
        return None
    side = p.named_side(pi)
    return None if side is None or side.how == "anaphor" else side  # "at the government's request": whose is unsure


# what ends a firm's name: "China Harbour Company", "Gulf Ports Ltd"
_FIRM_ENDS = frozenset(
    ["company", "co", "ltd", "limited", "holdings", "holding", "group", "corporation", "corp", "plc"]
)


def operated_by(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A port, terminal or base run by another state's firm: that state's footprint where it lies.

    "Mombasa has been run for years by China Harbour Company"; "the terminal is operated by
    India Ports Global Ltd". The host is the place the clause names before the verb, else the story's state.
    """
    v = i + n - 1
    agent = p.pp(v, ("by",), limit=8) if p.passive(v) else None
    if agent is None or agent.np < 0:
        return []
    ph = p.phrases[agent.np]
    if not _FIRM_ENDS.intersection(p.low[ph.last + 1 : ph.last + 6]) and ph.head.split()[-1:] != ["company"]:
        return []  # "run by the army": no firm of another state
    c = p.clause(v)
    first = max(0, c.first - 6) if c.kind in ("rel", "reduced") else c.first  # "the port of Gwadar, which is run by"
    hosts = {h for h in _states_named(p, first, i) if h not in agent.ids and len(h) == 2}
    if not hosts and p.g.words["facility_nouns"].intersection(p.low[first:i]):
        focus = p.context.focus(exclude=agent.ids)
        hosts = {focus} if focus and p.context.mentions.get(focus, 0) >= 2 else set()
    if len(hosts) != 1:
        return []
    return [Hit("influence", agent.ids, (), cue, i, members=tuple(hosts))]


_HOST_KINDS = ("city:", "admin1:", "other:")


def _states_named(p: Parse, first: int, i: int, exclude: tuple[str, ...] = ()) -> set[str]:
    """The states of the actors and places named from token first up to i (a port stands for its state)."""
    ids = {p.anchors[p.tokens[j].anchor].id for j in range(first, i) if p.tokens[j].anchor >= 0}
    return {state_of(x, _HOST_KINDS) for x in ids if x not in exclude}


def _leased_site(p: Parse, v: int, end: int) -> bool:
    """Between v and ``end`` a base, port or named site is what is leased ("the Manta air base")."""
    kinds = {p.anchors[p.tokens[j].anchor].kind for j in range(v + 1, end) if p.tokens[j].anchor >= 0}
    return bool(p.g.words["facility_nouns"].intersection(p.low[v + 1 : end]) or kinds & {"city", "other", "admin1"})


def leased_to(p: Parse, i: int, n: int, cue: Cue) -> list[Hit]:
    """A port or base leased or handed to another state or its firm: that state's footprint there.

    "Hambantota port was handed to China Merchants Port Holdings on a 99-year lease": China over
    Hambantota; "Colombo leased the port to China for 99 years": China over Sri Lanka.
    """
    v = i + n - 1
    c = p.clause(v)
    if not (p.low[v].startswith("lease") or p.g.words["lease_nouns"].intersection(p.low[v + 1 : c.last + 1])):
        return []  # "handed the radars to Peru": a transfer, no tenancy
    tenant = p.pp(v, ("to",), limit=8)
    landlord = p.pp(v, ("from",), limit=8) if tenant is None and p.low[v].startswith("lease") else None
    site = landlord is not None and landlord.np >= 0 and _leased_site(p, v, p.phrases[landlord.np].first)
    if landlord is not None and site and not p.passive(v):
        # "Russia leases the Baikonur Cosmodrome from Kazakhstan" (not "leased two frigates from France")
        tenant = p.subject(v, exclude=frozenset(landlord.ids))
        return [Hit("influence", tenant.ids, (), cue, i, members=landlord.ids)] if tenant is not None else []
    if tenant is None or tenant.np < 0:
        return []
    if not p.passive(v) and not _leased_site(p, v, p.phrases[tenant.np].first):
        return []  # "Japan handed five aircraft to the Philippine Navy, first under a lease": items, no ground
    if p.passive(v):
        states = _states_named(p, c.first, i, tenant.ids)  # "Sri Lanka's Hambantota port": one state
    else:
        owner = p.subject(v, exclude=frozenset(tenant.ids))
        states = {state_of(h, _HOST_KINDS) for h in owner.ids} if owner is not None else set()
    if len(states) != 1 or states & set(tenant.ids):
        return []
    return [Hit("influence", tenant.ids, (), cue, i, members=(states.pop(),))]


def joint_force_kind(p: Parse, v: int, cue: Cue) -> str:
    """Partners, not backers, in a joint force: "alongside Nigerian and Chadian forces in the Joint Task Force"."""
    words = p.low[v + 1 : p.clause(v).last + 1]
    joint = "coalition" in words or ("task" in words and "force" in words)
    return "alliance" if cue.opt("allied_against") and joint else ""


def _firm(p: Parse, owner: Side) -> bool:
    """Whether the owner's phrase names a firm: by its name ("General Atomics") or as "the company"."""
    ph = p.phrases[owner.np]
    texts = [p.sentence[p.anchors[k].start : p.anchors[k].end].lower() for k in ph.anchors]
    return all(p.anchors[k].how == "company" for k in ph.anchors) or any(
        t in ("the company", "the firm", "the manufacturer", "the group") for t in texts
    )
