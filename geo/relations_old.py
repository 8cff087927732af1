"""Relations between actors, from general verb and noun cues in each sentence.

The input is one sentence and its *anchors*: the actor mentions already
resolved to place ids (countries, and regions or disputed areas that can be
the target of backing or fighting). Each anchor is written into a *sketch*
of the sentence as ``§k§`` so that the cue rules below read like the text:
``§0§ sells drones to §1§``. Rules fire on cue words and take their
endpoints from the anchors around them:

- transfer: giving cues (sell, supply, deliver, export, transfer, provide,
  hand over, "sale of … to") run supplier → recipient; getting cues (buy,
  purchase, order, acquire, receive, import, "purchase by Y of") run from
  the ``from`` phrase, or the maker named inside the item, to the subject;
  passives take the supplier from the ``by`` phrase.
- support: "X-backed Y", "Y, backed by X", "X supports Y", "with X's
  support", "Y's patron X".
- conflict: "war/conflict/tensions between A and B", "X criticized/attacked
  … Y", "X aggression", "X forces … Y border", "the fight against Y".
- alliance: "signed … agreement(s) with Y", "A and B agreed/deepened …
  cooperation", an alliance noun between exactly two countries, "allies of Y".
- influence: "X's influence in R (A, B, C)"; the members are the listed
  countries, or the members of region R.

Examples
--------
>>> s = "Turkey sold 12 Bayraktar TB2 drones to Ukraine last year."
>>> anchors = [Anchor(0, 6, "TR", "name"), Anchor(39, 46, "UA", "name")]
>>> [(f.kind, f.source, f.target, f.item, f.quantity, f.status) for f in find_relations(s, anchors)]
[('transfer', 'TR', 'UA', 'Bayraktar TB2 drones', 12, 'delivered')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from operator import or_


@lru_cache(maxsize=512)
def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A compiled pattern, cached (cue patterns are built from shared fragments)."""
    return re.compile(pattern, flags)


# -- inputs and outputs -----------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """An actor mention inside a sentence: offsets relative to the sentence text.

    ``how`` is how the mention was resolved (name, demonym, capital, leader,
    organ, company, group, place); ``kind`` is the place kind of ``id``.
    """

    start: int
    end: int
    id: str
    how: str = "name"
    kind: str = "country"


@dataclass(frozen=True)
class Finding:
    """One relation stated in one sentence."""

    kind: str
    source: str
    target: str | None
    cue: str
    item: str | None = None
    quantity: int | None = None
    status: str = "unknown"
    date: str | None = None
    members: tuple[str, ...] = ()
    label: str = ""
    confidence: float = 0.7
    extra: dict = field(default_factory=dict, compare=False, hash=False)


# -- lexicons -----------------------------------------------------------------------

WEAPON_HEADS = (
    "drones?|uavs?|ucavs?|unmanned aerial vehicles?|unmanned aircraft|loitering munitions?|"
    "missiles?|rockets?|interceptors?|warheads?|nuclear weapons?|weapons?|weaponry|arms|armaments?|"
    "tanks?|howitzers?|artillery|artillery shells?|shells|ammunition|munitions?|rounds|bombs?|mortars?|"
    "rifles?|assault rifles?|small arms|machine guns?|guns|launchers?|rocket launchers?|"
    "fighter jets?|fighters|jets?|aircraft|planes?|airplanes?|bombers?|helicopters?|choppers?|"
    "air defen[cs]e systems?|systems?|batteries|radars?|satellites?|"
    "frigates?|corvettes?|destroyers?|submarines?|warships?|ships?|vessels?|patrol boats?|boats?|"
    "armou?red vehicles?|vehicles?|personnel carriers?|apcs|ifvs|"
    "engines?|components?|parts|equipment|hardware|technology|technologies|know-how|expertise|"
    "factory|factories|plant|reactors?|fuel|oil|gas|grain|aid|training|vaccines?"
)
_HEAD_RE = _rx(rf"\b(?:{WEAPON_HEADS})\b", re.I)

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "a pair of": 2,
    "a couple of": 2,
    "single": 1,
    "a single": 1,
}
_NUM_WORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_QTY_RE = _rx(
    rf"(?<![\w.-])(\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_NUM_WORD})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"(?![\w%$]|\.\d|mm|-mm| ?mm\b| ?km\b| ?percent| ?per cent| ?million| ?billion| ?years?\b| ?months?\b| ?days?\b)",
    re.I,
)

_GIVE = (
    r"sells?|sold|selling|supply|supplies|supplied|supplying|deliver(?:s|ed|ing)?|deliveries|delivery|"
    r"exports?|exported|exporting|transfer(?:s|red|ring)?|provid(?:e|es|ed|ing)|provision|"
    r"send(?:s|ing)?|sent|ship(?:s|ped|ping)?|shipments?|donat(?:e|es|ed|ing)|donations?|"
    r"gives?|gave|given|giving|hand(?:s|ed|ing)? over|gift(?:ed|s)?|sales?|lease[sd]?|"
    r"smuggl(?:e|es|ed|ing)|funnel+(?:s|ed|ing)?|arm(?:s|ed|ing)?(?= \S+ with)|"
    r"pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|offer(?:s|ed|ing)?"
)
_GET = (
    r"buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|order(?:s|ed|ing)?|acquir(?:e|es|ed|ing)|acquisition|"
    r"receiv(?:e|es|ed|ing)|import(?:s|ed|ing)?|procur(?:e|es|ed|ing)|procurement|obtain(?:s|ed|ing)?|"
    r"gets?|got|getting|gains?|gained"
)
_GIVE_RE = _rx(rf"\b(?:{_GIVE})\b", re.I)
_GET_RE = _rx(rf"\b(?:{_GET})\b", re.I)
_PRODUCE_RE = _rx(
    r"\b(?:produc(?:e|es|ed|ing)|build(?:s|ing)?|built|manufactur(?:e|es|ed|ing)|develop(?:s|ed|ing)?|mak(?:e|es|ing)|made)\b",
    re.I,
)
_SEEK_TECH_RE = _rx(
    r"\b(?:interested in|seek(?:s|ing)?|sought|wants?|looking for|hopes? to get)\s+(?:\w+\s+){0,3}?"
    r"(?:technology transfers?|know-how|expertise|technology|technologies)\b",
    re.I,
)

_FROZEN = _rx(
    r"\b(?:froze|frozen|freez\w*|collaps\w*|suspend\w*|cancel+\w*|halt\w*|block(?:s|ed|ing)\b|scrap\w*|"
    r"stall\w*|interdict\w*|seiz\w*|intercept\w*|vetoe?d?|banned|barred|fell through|"
    r"called off|put on hold|tried to|attempt\w*)\b"
)
_PLANNED = _rx(
    r"\b(?:will|would|wants? to|plans?|planned|planning|intends?|aims?|agreed to|"
    r"commitments?|committed|pledged?|promised?|expected to|to be|seeks?|seeking|"
    r"could|may|might|interested|proposed|considering|talks|negotiat\w*|offer\w*|"
    r"upcoming|future|another|to expand|to construct|set up|approv\w*|"
    r"cleared (?:the|a) (?:possible |potential )?sale)\b",
    re.I,
)
_ORDERED = _rx(
    r"\b(?:ordered|orders?|signed (?:a |an )?(?:\w+ )?(?:contract|deal|agreement)|contracts?|"
    r"deal worth|worth|purchase agreement|framework (?:agreement|deal)|agreement|deal)\b",
    re.I,
)
_DELIVERED = _rx(
    r"\b(?:already|delivered|received|arrived|handed over|has handed|have handed|"
    r"were used|was used|used|sold|supplied|provided|transferred|shipped|sent|"
    r"donated|bought|purchased|acquired|imported|deployed|since \d{4}|"
    r"ha(?:s|ve|d) (?:\w+ )?(?:been )?(?:\w+ed|sold|sent|given)|"
    r"ha(?:s|ve) been (?:buying|receiving|importing|acquiring|supplying|selling|sending|"
    r"delivering|providing|shipping|exporting))\b",
    re.I,
)

_DATE_RE = _rx(
    r"\b(?:(?:in|since|by|from|during|until|early|late|mid-?)\s+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2},?)?\s+\d{4}|\d{4}|last year|this year|next year|last month|this month)\b"
)

_SUPPORT_VERB = _rx(
    r"\b(?:support(?:s|ed|ing)?|back(?:s|ed|ing)?|arm(?:s|ed|ing)?|"
    r"sponsor(?:s|ed|ing)?|fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|"
    r"endors(?:e|es|ed|ing)|propp?(?:s|ed|ing)? up|aid(?:s|ed|ing))\b",
    re.I,
)
_WITHDRAWN = _rx(
    r"\b(?:suspend\w*|halt\w*|froze|frozen|freez\w*|cut(?:s|ting)?(?: off)?|end(?:s|ed|ing)|"
    r"withdr[ae]w\w*|cancel+\w*|stop(?:s|ped|ping)?|pause[sd]?|pausing|block(?:s|ed|ing)?|"
    r"withh[oe]ld\w*|den(?:y|ies|ied)|refus\w+|no longer|without)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_SUPPORT_NOUN = _rx(r"\b(?:support|backing|aid|help|assistance|sponsorship|patronage|funding)\b", re.I)
_PATRON = _rx(r"\b(?:patron|backer|sponsor|benefactor|protector)s?\b", re.I)
_CONFLICT_VERB = _rx(
    r"\b(?:criticiz\w*|criticis\w*|condemn\w*|denounc\w*|accus\w*|threaten\w*|attack\w*|invad\w*|"
    r"sanction\w*|objected|warn(?:ed|s)|struck|strike[sd]?|bomb(?:ed|s|ing)|shell(?:ed|ing)|"
    r"interdict\w*|seiz(?:e|ed|es|ing)|intercept\w*|target(?:ed|s|ing)|fought|fight(?:s|ing)?|"
    r"clash(?:ed|es)?|blam\w*|expel\w*|rebuk\w*|slam\w*|protest(?:ed|s)|retaliat\w*|"
    r"frustrat\w* with|angry (?:at|with)|furious with|at odds with|rivals?|confront\w*|defeat|"
    r"harass\w*|ramm(?:ed|ing)|fired (?:on|at|upon)|shot down|shoots down|intimidat\w*|provok\w*|"
    r"menac(?:e|es|ed|ing)|raid(?:ed|s|ing)|complain\w*)\b",
    re.I,
)
_CONFLICT_NOUN = _rx(
    r"\b(?:aggression|invasion|war|wars|conflict|offensive|attacks?|hostilit\w+|clashes|fighting|"
    r"tensions?|rivalry|dispute|feud|standoff|stand-off|confrontation|occupation|annexation|"
    r"criticism|sanctions|blockade|incursions?|strikes)\b",
    re.I,
)
_ALLIANCE_NOUN = _rx(
    r"\b(?:agreements?|partnerships?|alliances?|cooperation|co-operation|pacts?|treaty|treaties|"
    r"accords?|memorand(?:um|a)|ties|relations|joint exercises?|joint drills?|defen[cs]e deal|"
    r"security deal|alliance)\b",
    re.I,
)
_ALLIANCE_VERB = _rx(
    r"\b(?:sign(?:s|ed|ing)?|agree(?:s|d)?|deepen\w*|strengthen\w*|boost\w*|reestablish\w*|"
    r"re-establish\w*|restor\w*|normali[sz]\w*|forg(?:e|ed|ing)|expand\w*|cement\w*|"
    r"upgrad\w*|allied|ally|pledg\w*|vow\w*|reaffirm\w*|renew\w*|establish\w*|clos(?:er|est))\b",
    re.I,
)
_INFLUENCE = _rx(
    r"\b(?:sphere of influence|influence|clout|sway|dominance|hegemony|foothold|leverage|"
    r"presence)\b",
    re.I,
)

_PAIR_NOUNS = r"(?:countries|nations|states|sides|rivals|neighbou?rs|foes|adversaries|allies|partners|governments|capitals|powers|parties)"

A = r"§(\d+)§"
POSS = r"(?:['’]s?)?"
_PASSIVE_BE = _rx(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.I)


# -- cue triggers ---------------------------------------------------------------------
# One pass over a sentence's words says which rule families (and which costly rules
# inside them) can fire: each entry lists the prefixes of the words a cue of that
# rule must contain, so a rule whose words are absent is skipped without running
# its pattern. The lists mirror the cue patterns above; keep them in step.

_TRIGGERS: dict[str, tuple[str, ...]] = {
    # rule families
    "transfer": (
        "sell",
        "sold",
        "sale",
        "suppl",
        "deliver",
        "export",
        "transfer",
        "provi",
        "send",
        "sent",
        "ship",
        "donat",
        "give",
        "gave",
        "hand",
        "gift",
        "lease",
        "smuggl",
        "funnel",
        "arm",
        "buy",
        "bought",
        "purchas",
        "order",
        "acquir",
        "receiv",
        "import",
        "procur",
        "obtain",
        "get",
        "got",
        "gain",
        "deploy",
        "station",
        "plac",
        "produc",
        "build",
        "built",
        "manufactur",
        "develop",
        "mak",
        "made",
        "interested",
        "seek",
        "sought",
        "want",
        "looking",
        "deal",
        "contract",
        "pledg",
        "promis",
        "offer",
        "talks",
        "negotiat",
    ),
    "support": (
        "back",
        "support",
        "arm",
        "sponsor",
        "fund",
        "financ",
        "endors",
        "prop",
        "aid",
        "help",
        "assist",
        "patron",
        "benefactor",
        "protect",
        "defend",
        "guard",
        "shield",
        "prox",
        "invit",
        "want",
        "enabl",
        "allow",
        "solidarity",
        "blessing",
        "sided",
        "sides",
        "stood",
        "stand",
        "rallied",
        "weight",
        "turned",
        "appeal",
    ),
    "conflict": (
        "war",
        "conflict",
        "tension",
        "hostil",
        "fight",
        "fought",
        "clash",
        "rival",
        "dispute",
        "feud",
        "stand",
        "confront",
        "animosit",
        "enmit",
        "aggress",
        "invad",
        "invasion",
        "offensive",
        "attack",
        "strike",
        "struck",
        "occup",
        "annex",
        "incursion",
        "criti",
        "condemn",
        "denounc",
        "accus",
        "threat",
        "sanction",
        "object",
        "warn",
        "bomb",
        "shell",
        "interdict",
        "seiz",
        "intercept",
        "target",
        "blam",
        "expel",
        "rebuk",
        "slam",
        "protest",
        "retaliat",
        "frustrat",
        "angry",
        "furious",
        "odds",
        "defeat",
        "forces",
        "troops",
        "soldiers",
        "army",
        "military",
        "navy",
        "raid",
        "blockad",
        "assault",
        "battle",
        "struggle",
        "resist",
        "defen",
        "harass",
        "ramm",
        "fired",
        "shot",
        "shoot",
        "intimidat",
        "provok",
        "menac",
        "row",
        "spat",
        "friction",
        "locked",
        "traded",
        "exchanged",
        "drawing",
        "drew",
        "prompt",
        "spark",
        "cut",
        "sever",
        "broke",
        "break",
        "mediat",
        "ceasefire",
        "truce",
        "peace",
        "armistice",
        "complain",
    ),
    "alliance": (
        "agree",
        "partner",
        "allian",
        "allie",
        "ally",
        "cooperat",
        "pact",
        "treat",
        "accord",
        "memorand",
        "ties",
        "relations",
        "joint",
        "deal",
        "sign",
        "join",
        "admit",
        "accession",
        "member",
        "welcom",
    ),
    # costly rules inside the families (a superset of each pattern's cue words)
    "give": (
        "sell",
        "sold",
        "sale",
        "suppl",
        "deliver",
        "export",
        "transfer",
        "provid",
        "provision",
        "send",
        "sent",
        "ship",
        "donat",
        "giv",
        "gave",
        "hand",
        "gift",
        "lease",
        "smuggl",
        "funnel",
        "arm",
        "pledg",
        "promis",
        "offer",
    ),
    "get": (
        "buy",
        "bought",
        "purchas",
        "order",
        "acquir",
        "acquisition",
        "receiv",
        "import",
        "procur",
        "obtain",
        "get",
        "got",
        "gain",
    ),
    "produce": ("produc", "build", "built", "manufactur", "develop", "mak", "made"),
    "seek": ("technolog", "know", "expertise"),
    "deploy": ("deploy", "station", "plac", "host"),
    "maker_deal": ("deal", "contract", "sale", "order", "export"),
    "conflict_verb": (
        "complain",
        "critici",
        "condemn",
        "denounc",
        "accus",
        "threaten",
        "attack",
        "invad",
        "sanction",
        "objected",
        "warn",
        "struck",
        "strike",
        "bomb",
        "shell",
        "interdict",
        "seiz",
        "intercept",
        "target",
        "fought",
        "fight",
        "clash",
        "blam",
        "expel",
        "rebuk",
        "slam",
        "protest",
        "retaliat",
        "frustrat",
        "angry",
        "furious",
        "at",
        "rival",
        "confront",
        "defeat",
        "harass",
        "ramm",
        "fired",
        "shot",
        "shoot",
        "intimidat",
        "provok",
        "menac",
        "raid",
    ),
    "between": ("between",),
    "war_noun": (
        "aggression",
        "invasion",
        "war",
        "offensive",
        "attack",
        "strike",
        "occupation",
        "annexation",
        "incursion",
        "operation",
    ),
    "attack_on": (
        "attack",
        "offensive",
        "assault",
        "strike",
        "invasion",
        "incursion",
        "bombardment",
        "shelling",
        "raid",
        "blockade",
        "aggression",
    ),
    "the_war": ("war", "conflict", "invasion"),
    "against": ("against",),
    "backed_by": (
        "backed",
        "supported",
        "armed",
        "sponsored",
        "funded",
        "aided",
        "protected",
        "defended",
        "guarded",
        "shielded",
    ),
    "support_verb": ("support", "back", "arm", "sponsor", "fund", "financ", "endors", "prop", "aid"),
    "to_win": ("defeat", "win", "prevail", "defend", "resist", "repel", "fight", "push"),
    "proxy": ("prox",),
    "x_supplied": ("supplied", "provided", "delivered", "donated", "sent", "funded"),
    "x_backed": ("backed", "supported", "sponsored", "funded", "armed", "allied"),
    "support_noun": ("support", "backing", "aid", "help", "assistance", "sponsorship", "patronage", "funding"),
    "with_support": (
        "support",
        "backing",
        "help",
        "assistance",
        "blessing",
        "funding",
        "financing",
        "aid",
        "money",
        "weapons",
        "arms",
    ),
    "sided": ("sided", "sides", "stood", "stand", "rallied", "weight", "turned", "appeal"),
    "solidarity": ("support", "solidarity"),
    "patron": ("patron", "backer", "sponsor", "benefactor", "protector"),
    "invite": ("invit",),
    "x_forces": ("forces", "troops", "soldiers", "army", "military", "navy", "jets", "warplanes", "drones", "missiles"),
    "ally_of": ("allies", "ally", "partner"),
    "sign": ("sign",),
    "al_noun": (
        "agreement",
        "partnership",
        "alliance",
        "cooperation",
        "pact",
        "treat",
        "accord",
        "memorand",
        "ties",
        "relations",
        "joint",
        "defen",
        "security",
    ),
    "allied": ("allied",),
    "break_up": (
        "cut",
        "sever",
        "broke",
        "break",
        "downgrad",
        "recall",
        "expel",
        "withdr",
        "pull",
        "exit",
        "quit",
        "tear",
        "tore",
        "scrap",
        "terminat",
        "violat",
        "abandon",
        "renounc",
        "suspend",
        "breach",
        "collaps",
    ),
    "peace_only": ("peace", "ceasefire", "truce", "brokered", "mediat"),
    # transfer status words (see _status)
    "st_frozen": (
        "froze",
        "freez",
        "collaps",
        "suspend",
        "cancel",
        "halt",
        "block",
        "scrap",
        "stall",
        "interdict",
        "seiz",
        "intercept",
        "veto",
        "banned",
        "barred",
        "fell",
        "called",
        "put",
        "tried",
        "attempt",
    ),
    "st_perfect": ("already", "have", "has", "had"),
    "st_signed": ("ordered", "signed", "contract", "deal", "worth", "purchase", "framework"),
    "st_planned": (
        "will",
        "would",
        "want",
        "plan",
        "intend",
        "aim",
        "agreed",
        "commitment",
        "committed",
        "pledge",
        "promise",
        "expected",
        "be",
        "seek",
        "could",
        "may",
        "might",
        "interested",
        "proposed",
        "considering",
        "talks",
        "negotiat",
        "offer",
        "upcoming",
        "future",
        "another",
        "expand",
        "construct",
        "set",
        "approv",
        "cleared",
    ),
    "st_ordered": ("order", "signed", "contract", "deal", "worth", "purchase", "framework", "agreement"),
    "st_delivered": (
        "already",
        "delivered",
        "received",
        "arrived",
        "handed",
        "has",
        "have",
        "had",
        "used",
        "sold",
        "supplied",
        "provided",
        "transferred",
        "shipped",
        "sent",
        "donated",
        "bought",
        "purchased",
        "acquired",
        "imported",
        "deployed",
        "since",
    ),
}
_WHOLE_WORDS: dict[str, frozenset[str]] = {
    "influence": frozenset({"influence", "clout", "sway", "dominance", "hegemony", "foothold", "leverage", "presence"}),
    "context": frozenset(
        {
            "it",
            "they",
            "both",
            "two",
            "countries",
            "nations",
            "sides",
            "rebels",
            "militants",
            "group",
            "movement",
            "insurgents",
        }
    ),
}
_BIT = {name: 1 << i for i, name in enumerate([*_TRIGGERS, *_WHOLE_WORDS])}
_WORD = re.compile(r"\w+")
_CO_OPERATE = re.compile(r"\bco-operat", re.I)


class _WordBits(dict):
    """Trigger bits per word, computed on first sight (the vocabulary of news is small)."""

    def __missing__(self, word: str) -> int:
        low = word.lower()
        bits = 0
        for name, prefixes in _TRIGGERS.items():
            if low.startswith(prefixes):
                bits |= _BIT[name]
        for name, words in _WHOLE_WORDS.items():
            if low in words:
                bits |= _BIT[name]
        if len(self) > 100_000:
            self.clear()
        self[word] = bits
        return bits


_WORD_BITS = _WordBits()


def _cue_bits(sentence: str) -> int:
    """Which trigger lists (:data:`_TRIGGERS`, :data:`_WHOLE_WORDS`) have a word in ``sentence``.

    Examples
    --------
    >>> bits = _cue_bits("Turkey sold drones to Ukraine.")
    >>> bool(bits & _BIT["transfer"]), bool(bits & _BIT["conflict"])
    (True, False)
    """
    bits = reduce(or_, map(_WORD_BITS.__getitem__, _WORD.findall(sentence)), 0)
    if "-operat" in sentence.lower() and _CO_OPERATE.search(sentence):
        bits |= _BIT["alliance"] | _BIT["al_noun"]
    return bits


def _has(sk: _Sketch, name: str) -> bool:
    return bool(sk.cues & _BIT[name])


def _cue_matches(sk: _Sketch, rx: re.Pattern[str], name: str) -> list[re.Match[str]]:
    """``rx.finditer(sk.text)`` for a cue pattern whose matches start at a word of ``_TRIGGERS[name]``.

    The pattern is tried only at those words' starts (the prefixes there must
    include the first word of every alternative), not at every character.
    """
    bit = _BIT[name]
    if not sk.cues & bit:
        return []
    t = sk.text
    out: list[re.Match[str]] = []
    last = 0
    for p, bits in sk.word_bits():
        if bits & bit and p >= last:
            m = rx.match(t, p)
            if m:
                out.append(m)
                last = m.end()
    return out


# -- the sketch ---------------------------------------------------------------------


@dataclass
class _Sketch:
    text: str  # the sentence with anchors replaced by §k§
    anchors: list[Anchor]
    # positions of each anchor in the sketch
    pos: list[tuple[int, int]]
    original: str
    cues: int = -1  # trigger bits of the original sentence (all set: every rule runs)
    _words: list[tuple[int, int]] | None = None

    def word_bits(self) -> list[tuple[int, int]]:
        """(offset, trigger bits) of each word of the sketch text, computed once."""
        if self._words is None:
            self._words = [(m.start(), _WORD_BITS[m.group()]) for m in _WORD.finditer(self.text)]
        return self._words

    def at(self, k: int) -> Anchor:
        return self.anchors[k]

    def before(self, p: int, *, exclude: set[str] = frozenset()) -> list[int]:
        """Anchor indexes ending before sketch offset p, nearest first."""
        return [
            k
            for k in sorted(range(len(self.pos)), key=lambda k: -self.pos[k][0])
            if self.pos[k][1] <= p and self.anchors[k].id not in exclude
        ]

    def after(self, p: int, *, exclude: set[str] = frozenset()) -> list[int]:
        return [k for k in range(len(self.pos)) if self.pos[k][0] >= p and self.anchors[k].id not in exclude]

    def ids_in(self, s: int, e: int) -> list[int]:
        return [k for k in range(len(self.pos)) if self.pos[k][0] >= s and self.pos[k][1] <= e]

    def words(self, s: int, e: int) -> str:
        """Sketch text s..e with anchors written back as their original words."""
        out = self.text[s:e]
        return re.sub(
            A, lambda m: self.original[self.anchors[int(m.group(1))].start : self.anchors[int(m.group(1))].end], out
        )


def _sketch(sentence: str, anchors: Sequence[Anchor]) -> _Sketch:
    parts: list[str] = []
    pos: list[tuple[int, int]] = []
    last = 0
    length = 0
    ordered = sorted(anchors, key=lambda a: a.start)
    for k, a in enumerate(ordered):
        chunk = sentence[last : a.start]
        parts.append(chunk)
        length += len(chunk)
        mark = f"§{k}§"
        pos.append((length, length + len(mark)))
        parts.append(mark)
        length += len(mark)
        last = a.end
    parts.append(sentence[last:])
    return _Sketch("".join(parts), list(ordered), pos, sentence)


def _unsketch(sk: _Sketch, piece: str) -> str:
    """A piece of sketch text with its anchors written back as the original words."""

    def back(m: re.Match[str]) -> str:
        a = sk.at(int(m.group(1)))
        return sk.original[a.start : a.end]

    return re.sub(A, back, piece)


def _clause_end(text: str, p: int, limit: int = 200) -> int:
    """Offset of the end of the clause starting at p (a ';', ' which', ' but' or end)."""
    m = _rx(r";|\.(?:\s|$)|,\s+(?:which|who|but|while|whereas|although|though|as)\b|\s+but\s|\s+because\s|\"|”").search(
        text, p, min(len(text), p + limit)
    )
    return m.start() if m else min(len(text), p + limit)


_CLAUSE_CUT = re.compile(
    r",\s+(?:which|who|but|while|whereas|although|though)\b|\bbut\s|\bbecause\s|\bsaid\b|\bsays\b|[;:]"
)


@lru_cache(maxsize=64)
def _cuts(text: str) -> tuple[int, ...]:
    """Offsets after which a new clause starts (memoised per sketch text)."""
    out = []
    for m in _CLAUSE_CUT.finditer(text):
        g = m.group()
        out.append(m.start() + 1 if g in ";:" else m.end())
    return tuple(out)


def _clause_start(text: str, p: int) -> int:
    cuts = _cuts(text)
    i = bisect_right(cuts, p) - 1
    while i >= 0 and cuts[i] > p:
        i -= 1
    return cuts[i] if i >= 0 else 0


# -- items and quantities -----------------------------------------------------------


def parse_quantity(phrase: str) -> int | None:
    """The number of items a phrase gives ("12", "a dozen", "forty-eight"), or None.

    Examples
    --------
    >>> parse_quantity("forty-eight FA-50 jets"), parse_quantity("a dozen drones"), parse_quantity("drones")
    (48, 12, None)
    """
    for m in _QTY_RE.finditer(phrase):
        tok = m.group(1).lower()
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", tok):
            value = int(tok.replace(",", ""))
            if 1900 <= value <= 2100 and "," not in tok:
                continue
            before = phrase[max(0, m.start() - 12) : m.start()]
            if re.search(r"[-A-Za-z]$|[A-Z][\w-]*\s$", before) or re.search(r"\$|€|£", before):
                continue  # part of a designation (F-16, AH-4, Block 2, Type 055) or a price
            after = phrase[m.end() : m.end() + 4]
            if re.match(r"-[A-Za-z]", after) or re.match(r"mm", after):
                continue
            return value
        if "-" in tok:
            a, b = tok.split("-", 1)
            return NUMBER_WORDS.get(a, 0) + NUMBER_WORDS.get(b, 0) or None
        if tok in NUMBER_WORDS:
            return NUMBER_WORDS[tok]
    return None


_ITEM_TRIM = _rx(
    r"^(?:(?:the|a|an|this|these|those|that|its|their|his|her|some|more|new|further|additional|other|another|also|"
    r"first|latest|of|various|several|significantly|increased)\s+)+",
    re.I,
)


_ITEM_SPLIT = _rx(r",\s*(?:and\s+)?|\s+and\s+(?=\S)")
# "$2 billion in/of/worth of arms": the money is the deal's size, the item follows
_MONEY_LEAD = _rx(
    r"^(?:(?:more|less|over|nearly|almost|about|up to)\s+(?:than\s+)?)?(?:(?:US|A|C)?\$|€|£)\s?[\d.,]+"
    r"(?:\s*(?:million|billion|trillion|bn|mn|m|b)\b)?\s+(?:(?:worth\s+)?of|in)\s+",
    re.I,
)
# a designation named after the head: "tanks based on the K2 model", "frigates of the Type 054 class"
_DESIGNATION_AFTER = _rx(
    r"^(?P<item>.*?)\s+(?:based on|derived from|modell?ed on|of)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?P<code>(?:[A-Z][a-z]+\s+)?\d[\w-]*|[A-Z][\w-]*\d[\w-]*|[A-Z]{2,}[\w-]*)\s+"
    r"(?:model|variant|design|platform|type|version|class)s?\b"
)
_SLUG = _rx(r"\w+(?:-\w+){4,}")
# words that cannot end an item: conjunctions, auxiliaries, determiners, prepositions ("factory, and")
_ITEM_TAIL = _rx(
    r"(?:[\s,;:/—–-]+|\s+(?:and|or|but|nor|plus|with|of|the|a|an|to|for|its|their|have|has|had|been|be|being|was|"
    r"were|is|are|will|would|could|should|may|might|can|also|already|now|then|that|which|who|while|whose)\b)+$",
    re.I,
)


def _item_phrases(text: str) -> list[tuple[str, int | None]]:
    """Item phrases (with quantities) in a stretch of text that names things transferred.

    The stretch is split at commas and "and"; pieces that each carry their own
    quantity become separate items, otherwise the pieces are kept together.
    The list stops at the first piece after an item that names no item
    ("drones and plans to …", "the factory, and this contract …").

    Examples
    --------
    >>> _item_phrases("12 drones and plans to build a plant for them")
    [('drones', 12)]
    >>> _item_phrases("$2 billion in arms and ammunition")
    [('arms and ammunition', None)]
    """
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    text = re.sub(r"^(?:of|in|with|on)\s+", "", text, flags=re.I)
    text = _MONEY_LEAD.sub("", text)
    if not _HEAD_RE.search(text):
        return []
    spans: list[tuple[int, int]] = []
    last = 0
    for m in _ITEM_SPLIT.finditer(text):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text)))
    kept: list[tuple[str, str, int]] = []  # raw piece, cleaned piece, end offset
    for s, e in spans:
        raw = text[s:e].strip()
        if not raw:
            continue
        if not _HEAD_RE.search(raw):
            if kept:
                break  # a conjunction followed by something that is no item
            continue
        cleaned = _clean_item(raw)
        if kept and not _HEAD_RE.search(cleaned):
            break  # "drones and plans to …": the second piece's head lies in a later clause
        kept.append((raw, cleaned, e))
    if not kept:
        return []
    with_qty = [(c, parse_quantity(raw)) for raw, c, _ in kept]
    if len(with_qty) > 1 and sum(q is not None for _, q in with_qty) >= 2:
        return with_qty
    if len(kept) > 1:
        cleaned = [c for _, c, _ in kept if c]
        joined = (
            ", ".join(cleaned[:-1]) + " and " + cleaned[-1] if len(cleaned) > 1 else (cleaned[0] if cleaned else "")
        )
        stretch = text[: kept[-1][2]]
    elif len(spans) == 1:
        joined, stretch = kept[0][1], text
    else:
        joined, stretch = kept[0][1], kept[0][0]
    return [(joined, parse_quantity(stretch))] if joined else []


def _clean_item(phrase: str) -> str:
    """The item named by a phrase: no quantity, determiners, trailing clauses or dangling words.

    Examples
    --------
    >>> _clean_item("the factory, and")
    'factory'
    >>> _clean_item("40 tanks based on the Korean K2 model")
    'K2 tanks'
    """
    phrase = re.sub(r"§\d+§", "", phrase)
    phrase = (
        _QTY_RE.sub(
            lambda m: (
                "" if not re.match(r"[A-Za-z]-|\d", phrase[max(0, m.start() - 2) : m.start()] or "x") else m.group()
            ),
            phrase,
            count=1,
        )
        if parse_quantity(phrase) is not None
        else phrase
    )
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:-")
    phrase = _ITEM_TRIM.sub("", phrase)
    # a designation named after the head goes before it: "tanks based on the K2 model" → "K2 tanks"
    dm = _DESIGNATION_AFTER.match(phrase)
    if dm and _HEAD_RE.search(dm.group("item")) and not _HEAD_RE.search(dm.group("code")):
        item = _ITEM_TRIM.sub("", dm.group("item").strip(" ,;:-"))
        phrase = item if dm.group("code") in item else f"{dm.group('code')} {item}"
    # cut trailing clauses that are not part of the item
    phrase = re.split(
        r"\s+(?:which|that|who|to|for|in|into|from|by|with|over|as|on|at|last|this|since|after|before|because|under|worth|based on)\s|\s+[—–]\s",
        phrase + " ",
        maxsplit=1,
    )[0].strip()
    if len(phrase) > 80 or _SLUG.search(phrase):  # a long phrase or a web address's slug: up to the head
        m = _HEAD_RE.search(phrase)
        phrase = phrase[: m.end()] if m else phrase[:80]
    return _ITEM_TAIL.sub("", phrase).strip(" ,;:-")


# designations before the head are capitalised, numbered or hyphenated ("Soviet-era", "T-72"), never "partially replace"
_RELATIVE_ITEM = _rx(
    r"((?:(?-i:[A-Z0-9])[\w-]*\s+|\w+-[\w-]+\s+){0,3}(?:" + WEAPON_HEADS + r"))\s+(?:that|which)\s+$", re.I
)
_CHUNK = _rx(r"\S+")
# the last word of every item head ("systems" of "air defense systems")
_HEAD_LAST_RE = _rx(
    "(?:" + "|".join(dict.fromkeys(h.rsplit(" ", 1)[-1] for h in WEAPON_HEADS.split("|"))) + r")\Z", re.I
)
_FUTURE = _rx(
    r"\b(?:will|would|wants? to|plans? to|planning to|intends? to|aims? to|expected to|could|may|might|"
    r"seeks? to|seeking to|hopes? to|is to|are to|to be|considering|upcoming|future|another)\b",
    re.I,
)
_SIGNED = _rx(
    r"\b(?:ordered|signed|contract|deal worth|worth \$|worth (?:US)?\$|purchase agreement|framework (?:agreement|deal))\b",
    re.I,
)
_PERFECT = _rx(r"\b(?:already|have|has|had)\s+(?:\w+\s+)?(?:been\s+)?\w+ed\b(?!\s+to\b)", re.I)


def _status(window: str, cue: str) -> str:
    """The stage of a transfer from the words around its cue (see the module docstring)."""
    bits = _cue_bits(window)  # a pattern whose words are absent cannot match
    perfect = None

    def is_perfect() -> bool:
        nonlocal perfect
        if perfect is None:
            perfect = bool(bits & _BIT["st_perfect"] and _PERFECT.search(window))
        return perfect

    if bits & _BIT["st_frozen"] and _FROZEN.search(window):
        return "frozen"
    if _FUTURE.search(window) and not is_perfect():
        return "planned"
    if re.fullmatch(r"(?i)received|delivered|handed over|shipped|arrived", cue):
        return "delivered"  # "received the first jets under a 2021 contract": the delivery is the news
    if (bits & _BIT["st_signed"] and _SIGNED.search(window)) or re.fullmatch(r"(?i)order(?:s|ed)?", cue):
        return "ordered"
    if bits & _BIT["st_planned"] and _PLANNED.search(window):
        return "planned" if not is_perfect() else "delivered"
    if bits & _BIT["st_ordered"] and _ORDERED.search(window):
        return "ordered"
    if (bits & _BIT["st_delivered"] and _DELIVERED.search(window)) or _DELIVERED.search(cue):
        return "delivered"
    return "unknown"


@lru_cache(maxsize=64)
def _date(sentence: str) -> str | None:
    m = _DATE_RE.search(sentence)
    return m.group(0) if m else None


# -- rules ----------------------------------------------------------------------------


def find_relations(sentence: str, anchors: Sequence[Anchor], *, context: Sequence[str] = ()) -> list[Finding]:
    """Relations stated in one sentence.

    Parameters
    ----------
    sentence : str
        The sentence text.
    anchors : sequence of Anchor
        Actor mentions inside it (offsets relative to ``sentence``).
    context : sequence of str
        Place ids of the actors of the previous sentence, most recent last,
        used for "the two countries", "both sides" and a leading "it".

    Returns
    -------
    list of Finding
        Each finding says which rule fired in ``cue``.
    """
    cues = _cue_bits(sentence)
    if len({a.id for a in anchors}) < 2 and not cues & _BIT["context"]:
        return []
    sk = _sketch(sentence, anchors)
    sk.cues = cues
    out: list[Finding] = []
    # each rule family runs only when one of its trigger words is in the sentence
    if _has(sk, "transfer"):
        out += _transfers(sk, context)
    if _has(sk, "support"):
        out += _supports(sk, context)
    if _has(sk, "conflict"):
        out += _conflicts(sk, context)
    if _has(sk, "alliance"):
        out += _alliances(sk, context)
    if _has(sk, "influence"):
        out += _influence(sk)
    out = [f for f in out if f.source and f.source != f.target and (f.target or f.members)]
    # a sea is where things happen, not an actor: only a sphere of influence may cover one
    waters = {a.id for a in anchors if a.kind in ("sea", "strait")}
    if waters:
        out = [f for f in out if f.kind == "influence" or not ({f.source, f.target} & waters)]
    # an alliance noun beside a stated conflict of the same pair, with no alliance verb, is the conflict's
    hostile = {frozenset((f.source, f.target)) for f in out if f.kind == "conflict"}
    if hostile and not _ALLIANCE_VERB.search(sk.text):
        out = [
            f
            for f in out
            if not (
                f.kind == "alliance"
                and f.cue.startswith("cue 'agreement")
                and frozenset((f.source, f.target)) in hostile
            )
        ]
    return out


def _actor_ok(a: Anchor) -> bool:
    return a.kind in ("country", "bloc", "disputed", "region", "admin1", "other") or a.how != "place"


def _subject_before(sk: _Sketch, p: int, exclude: set[str] = frozenset(), *, within: int = 160) -> int | None:
    start = _clause_start(sk.text, p)
    for k in sk.before(p, exclude=exclude):
        a = sk.at(k)
        if sk.pos[k][0] < max(start - 1, p - within):
            break
        if a.kind in ("country", "bloc") or a.how in ("group",):
            return k
    # fall back to the clause subject: the first country in the sentence, before p
    for k in range(len(sk.pos)):
        if sk.pos[k][1] <= p and sk.at(k).kind in ("country", "bloc") and sk.at(k).id not in exclude:
            return k
    return None


def _clause_subject(sk: _Sketch, p: int, exclude: set[str] = frozenset()) -> int | None:
    """The first actor of the clause holding p that is not the object of a preposition.

    "Mali's junta expelled French forces and turned to Russia": Mali, not the
    nearer "French". Falls back to `_subject_before`.
    """
    start = _clause_start(sk.text, p)
    for k in sorted(sk.ids_in(start, p), key=lambda k: sk.pos[k][0]):
        a = sk.at(k)
        if a.id in exclude or not (a.kind in ("country", "bloc") or a.how == "group"):
            continue
        if re.search(
            r"\b(?:in|into|from|to|with|against|of|on|at|by|for|near|over|toward|towards)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
            sk.text[max(0, sk.pos[k][0] - 30) : sk.pos[k][0]],
        ):
            continue
        return k
    return _subject_before(sk, p, exclude)


def _subject_id(sk: _Sketch, p: int, exclude: set[str], context: Sequence[str]) -> str | None:
    """The id of the clause subject before p (`_clause_subject`), else of a leading "it"/"they"."""
    k = _clause_subject(sk, p, exclude)
    return sk.at(k).id if k is not None else _pronoun_subject(sk, p, context)


def _pronoun_subject(sk: _Sketch, p: int, context: Sequence[str]) -> str | None:
    head = sk.text[:p]
    if re.search(
        r"(?:^|[\"“,]\s*|\b(?:but|and|so)\s+)(?:it|they|the country|the kingdom|the republic)\s+(?:\w+\s+){0,4}$",
        head,
        re.I,
    ):
        return context[-1] if context else None
    return None


def _transfers(sk: _Sketch, context: Sequence[str]) -> list[Finding]:
    t = sk.text
    out: list[Finding] = []
    used_spans: list[tuple[int, int]] = []

    def emit(src: str | None, dst: str | None, item_text: str, cue: str, window: str, conf: float) -> None:
        if not src or not dst or src == dst:
            return
        items = _item_phrases(item_text)
        if not items:
            return
        status = _status(window, cue)
        for item, qty in items:
            out.append(
                Finding(
                    "transfer",
                    src,
                    dst,
                    f"cue '{cue}'",
                    item=item or None,
                    quantity=qty,
                    status=status,
                    date=_date(sk.original),
                    confidence=conf,
                )
            )

    for m in _cue_matches(sk, _GIVE_RE, "give"):
        cue = m.group(0)
        ce = _clause_end(t, m.end(), 220)
        before = t[max(0, m.start() - 25) : m.start()]
        passive = bool(_PASSIVE_BE.search(before)) and not re.match(
            r"(?i)sales?|supply|deliver(?:y|ies)|shipments?|provision|exports?|transfers?$", cue
        )
        # recipient: "to/into §k§" after the cue
        tm = _rx(_S1).search(t, m.end(), ce)
        if not tm or (tm.group(0).lower().startswith("for") and not re.search(r"\bfor\s+(?:the\s+)?§", tm.group(0))):
            tm2 = None
        else:
            tm2 = tm
        dst_k = int(tm2.group(1)) if tm2 else None
        if dst_k is not None and sk.at(dst_k).how == "demonym" and _PLACE_NOUN.match(t, sk.pos[dst_k][1]):
            continue  # "warships sent to the Syrian port of Tartus": a deployment to a place
        item_end = tm2.start() if tm2 else ce
        src_k = None
        if passive or re.match(
            r"(?i)sales?|supply|supplies|deliver(?:y|ies)|shipments?|provision|exports?|transfers?$", cue
        ):
            bm = _rx(_S2).search(t, m.end(), ce)
            if bm:
                src_k = int(bm.group(1))
                item_end = min(item_end, bm.start()) if bm.start() > m.end() else item_end
        # passive: the item precedes ("… drones were sold to Y by X")
        item_text = t[_clause_start(t, m.start()) : m.start()] if passive else t[m.end() : item_end]
        exclude = {sk.at(dst_k).id} if dst_k is not None else set()
        if src_k is None and not passive:
            # noun cues: "X's sale of", "X supply of"; verbs: the subject before the cue
            pm = _rx(_S3).search(t[: m.start()])
            if pm and re.match(
                r"(?i)sales?|supply|supplies|deliver(?:y|ies)|shipments?|provision|exports?|transfers?$", cue
            ):
                src_k = int(pm.group(1))
            else:
                src_k = _subject_before(sk, m.start(), exclude)
        src = sk.at(src_k).id if src_k is not None else _pronoun_subject(sk, m.start(), context)
        if src is None:
            # the maker named in the item: "sale of Turkish drones to Ukraine"
            ins = sk.ids_in(m.end(), item_end)
            src = next((sk.at(k).id for k in ins if sk.at(k).how in ("demonym", "company", "name")), None)
        if dst_k is None:
            continue
        if src_k is not None and sk.at(src_k).kind not in ("country", "bloc") and sk.at(src_k).how != "group":
            continue
        if not _HEAD_RE.search(re.sub(A, "", item_text)) and src_k is not None:
            head = t[: sk.pos[src_k][0]]
            rel = None
            if head.rstrip().lower().endswith(("that", "which")):
                # the item and its relative pronoun span at most seven words: search the last ten only
                chunks = [(w.start(), w.group()) for w in _CHUNK.finditer(head)]
                # and the word before the pronoun must end like an item head
                if len(chunks) >= 2 and _HEAD_LAST_RE.search(chunks[-2][1]):
                    rel = _RELATIVE_ITEM.search(head, chunks[-10][0] if len(chunks) >= 10 else 0)
            if rel:
                item_text = rel.group(1)
        window = t[max(0, _clause_start(t, m.start()) - 1) : ce]
        emit(src, sk.at(dst_k).id, _unsketch(sk, item_text), cue, window, 0.75)
        # the cue, its item and its recipient are read; a second cue after them is not
        used_spans.append((m.start(), max(sk.pos[dst_k][1], item_end if not passive else m.end())))

    for m in _cue_matches(sk, _GET_RE, "get"):
        cue = m.group(0)
        if any(s <= m.start() < e for s, e in used_spans):
            continue
        ce = _clause_end(t, m.end(), 220)
        fm = _rx(_S4).search(t, m.end(), ce)
        bm = _rx(_S5).match(t, m.end())
        if bm:  # "the purchase by Warsaw of 980 tanks"
            dst_k = int(bm.group(1))
            item_start = bm.end()
        else:
            # the maker named in the item ("bought Israeli drones") is not the buyer
            makers = {
                sk.at(k).id
                for k in sk.ids_in(m.end(), fm.start() if fm else ce)
                if sk.at(k).how in ("demonym", "company")
            }
            dst_k = _subject_before(sk, m.start(), makers)
            item_start = m.end()
            if dst_k is None:
                pron = _pronoun_subject(sk, m.start(), context)
                if pron is None:
                    continue
        dst = sk.at(dst_k).id if dst_k is not None else _pronoun_subject(sk, m.start(), context)
        item_end = fm.start() if fm else ce
        item_text = t[item_start:item_end]
        src = None
        also: list[str] = []
        if fm:
            src = sk.at(int(fm.group(1))).id
            # "from the United States and Britain": both sell
            q = fm.end()
            while (am := _AND_ANCHOR.match(t, q, ce)) is not None:
                also.append(sk.at(int(am.group(1))).id)
                q = am.end()
        else:
            for k in sk.ids_in(item_start, item_end):
                if sk.at(k).id != dst and sk.at(k).how in ("demonym", "company"):
                    src = sk.at(k).id
                    break
        if src is None:
            fb = re.search(_S6, t[m.end() :])
            if fb and sk.at(int(fb.group(1))).id != dst:
                src = sk.at(int(fb.group(1))).id
                ce = len(t)
        if dst is None or src is None:
            continue
        window = t[max(0, _clause_start(t, m.start()) - 1) : ce]
        for s_id in dict.fromkeys([src, *also]):
            emit(s_id, dst, _unsketch(sk, item_text), cue, window, 0.7)

    # "X will supply/provide/equip/arm Y with ITEM": X → Y
    for m in re.finditer(_S56, t, re.I) if _has(sk, "give") else ():
        dst = sk.at(int(m.group(1))).id
        ce = _clause_end(t, m.end(), 200)
        item_text = t[m.end() : ce]
        if any(s_ <= m.start() < e_ for s_, e_ in used_spans) or not _HEAD_RE.search(re.sub(A, "", item_text)):
            continue
        src = _subject_id(sk, m.start(), {dst}, context)
        window = t[max(0, _clause_start(t, m.start()) - 1) : ce]
        emit(src, dst, _unsketch(sk, item_text), m.group(0).split()[0], window, 0.7)

    # "X is interested in technology transfer ... with Y": Y → X
    for m in _SEEK_TECH_RE.finditer(t) if _has(sk, "seek") else ():
        ce = _clause_end(t, m.end(), 200)
        fm = _rx(_S7).search(t, m.end(), ce)
        dst_k = _subject_before(sk, m.start())
        if fm and dst_k is not None:
            src = sk.at(int(fm.group(1))).id
            window = t[_clause_start(t, m.start()) : ce]
            item = re.sub(
                r"(?i).*?\b(technology transfers?|know-how|expertise|technolog(?:y|ies))\b", r"\1", m.group(0)
            )
            item += re.sub(A, "", t[m.end() : fm.start()]).rstrip()
            out.append(
                Finding(
                    "transfer",
                    src,
                    sk.at(dst_k).id,
                    "cue 'seeks technology … from/with'",
                    item=_clean_item(item) or "technology",
                    status="planned" if _PLANNED.search(window) else "unknown",
                    date=_date(sk.original),
                    confidence=0.6,
                )
            )

    # "<maker> is producing the X engine to power/for <Y>'s ..."
    for m in _cue_matches(sk, _PRODUCE_RE, "produce"):
        ce = _clause_end(t, m.end(), 200)
        pm = _rx(_S8).search(t, m.end(), ce)
        if not pm:
            continue
        src_k = _subject_before(sk, m.start())
        if src_k is None:
            continue
        src, dst = sk.at(src_k).id, sk.at(int(pm.group(1))).id
        item_text = t[m.end() : pm.start()]
        items = _item_phrases(re.sub(A, "", item_text))
        if items and src != dst:
            item, qty = items[0]
            out.append(
                Finding(
                    "transfer",
                    src,
                    dst,
                    f"cue '{m.group(0)} … for'",
                    item=item,
                    quantity=qty,
                    status=_status(t[_clause_start(t, m.start()) : ce], ""),
                    date=_date(sk.original),
                    confidence=0.55,
                )
            )

    # "X is deploying/stationing WEAPONS in Y": X → Y
    for m in re.finditer(
        r"\b(?:deploy(?:s|ed|ing|ment of)?|station(?:s|ed|ing)?|plac(?:e|es|ed|ing)|host(?:s|ed|ing)?)\s+((?:[\w-]+\s+){0,4}?(?:nuclear weapons?|missiles?|warheads?|weapons?|bombs?|launchers?|air defen[cs]e systems?|systems?))\s+(?:in|on|to|into)\s+(?:the\s+)?(?:territory\s+of\s+)?§(\d+)§",
        t if _has(sk, "deploy") else "",
        re.I,
    ):
        dst = sk.at(int(m.group(2))).id
        k = _subject_before(sk, m.start(), {dst})
        if k is None or not _HEAD_RE.search(m.group(1)):
            continue
        src = sk.at(k).id
        window = t[_clause_start(t, m.start()) : m.end()]
        status = (
            "delivered"
            if re.search(r"\b(?:begun|began|started|has|have|had|already|completed)\b", window)
            else _status(window, m.group(0))
        )
        if m.group(0).lower().startswith("host"):
            continue
        out.append(
            Finding(
                "transfer",
                src,
                dst,
                "cue 'deploying … in'",
                item=_clean_item(m.group(1)),
                quantity=parse_quantity(m.group(1)),
                status=status,
                date=_date(sk.original),
                confidence=0.65,
            )
        )

    # "X-supplied drones" in a clause about Y: X → Y
    for m in re.finditer(_S9, t, re.I) if _has(sk, "x_supplied") else ():
        src = sk.at(int(m.group(1))).id
        tm = _rx(_S10).search(t, m.end(), _clause_end(t, m.end(), 120))
        if tm:
            dst = sk.at(int(tm.group(1))).id
        else:
            k = _subject_before(sk, m.start(), {src}, within=250)
            dst = sk.at(k).id if k is not None else None
        if dst and dst != src:
            out.append(
                Finding(
                    "transfer",
                    src,
                    dst,
                    "cue 'X-supplied'",
                    item=_clean_item(m.group(2)),
                    quantity=parse_quantity(m.group(2)),
                    status="delivered",
                    date=_date(sk.original),
                    confidence=0.6,
                )
            )

    # "X is in talks with Y over J-10C fighters": Y → X, planned
    for m in re.finditer(_S54, t, re.I) if _has(sk, "transfer") else ():
        src = sk.at(int(m.group(1))).id
        k = _clause_subject(sk, m.start(), {src})
        if k is None or not _HEAD_RE.search(m.group(2)):
            continue
        items = _item_phrases(_unsketch(sk, m.group(2)))
        dst = sk.at(k).id
        for item, qty in items:
            if dst != src:
                out.append(
                    Finding(
                        "transfer",
                        src,
                        dst,
                        "cue 'in talks with Y over'",
                        item=item or None,
                        quantity=qty,
                        status="planned",
                        date=_date(sk.original),
                        confidence=0.55,
                    )
                )

    # "<demonym> helicopter deal ... with Y": maker → Y
    for m in re.finditer(_S11, t) if _has(sk, "maker_deal") else ():
        ce = _clause_end(t, m.end(), 200)
        wm = _rx(_S12).search(t, m.end(), ce)
        if not wm or not _HEAD_RE.search(m.group(2)):
            continue
        src, dst = sk.at(int(m.group(1))).id, sk.at(int(wm.group(1))).id
        if src != dst:
            out.append(
                Finding(
                    "transfer",
                    src,
                    dst,
                    "cue '<maker> … deal with'",
                    item=_clean_item(m.group(2)),
                    status=_status(t[m.start() : ce], "deal"),
                    date=_date(sk.original),
                    confidence=0.6,
                )
            )
    return out


def _supports(sk: _Sketch, context: Sequence[str]) -> list[Finding]:
    t = sk.text
    out: list[Finding] = []
    # X-backed Y
    for m in re.finditer(_S13, t) if _has(sk, "x_backed") else ():
        src = sk.at(int(m.group(1))).id
        ce = _clause_end(t, m.end(), 90)
        nxt = [k for k in sk.after(m.end()) if sk.pos[k][0] < ce]
        tgt = next((sk.at(k).id for k in nxt if sk.at(k).id != src), None)
        if tgt is None:
            prev = [k for k in sk.before(m.start()) if sk.at(k).id != src]
            tgt = None
        if tgt:
            out.append(Finding("support", src, tgt, "cue 'X-backed'", confidence=0.75))
    # Y, backed by X, Z and W / Y (backed by X)
    for m in re.finditer(_S14, t) if _has(sk, "backed_by") else ():
        srcs = [sk.at(int(x)).id for x in re.findall(A, m.group(1))]
        prev = sk.before(m.start())
        if not prev:
            continue
        # the nearest actor, passing over places named as a location ("an offensive in Darfur")
        usable = [
            k
            for k in prev
            if sk.at(k).kind in ("country", "bloc")
            or sk.at(k).how == "group"
            or not re.search(
                r"\b(?:in|into|at|near|across|around|inside)\s+(?:the\s+)?$",
                t[max(0, sk.pos[k][0] - 12) : sk.pos[k][0]],
            )
        ]
        tgt = sk.at(usable[0] if usable else prev[0]).id
        for s in dict.fromkeys(srcs):
            out.append(Finding("support", s, tgt, "cue 'backed by'", confidence=0.75))
    # X supports / backs Y ; ", backing Y" (the sentence subject backs Y)
    for m in _cue_matches(sk, _SUPPORT_VERB, "support_verb"):
        word = m.group(0).lower()
        if re.match(r"aid|fund|arm", word) and not re.search(_S15, t[m.end() : m.end() + 30]):
            continue
        before = t[max(0, m.start() - 12) : m.start()]
        if re.search(r"\bby\s*$|-$", before) or re.search(r"(?:was|were|is|are|been)\s+$", before):
            continue
        if re.match(r"\s+by\b", t[m.end() :]) or re.search(
            r"\b(?:the|of|with|a|an|his|her|its|their|our|for|and)\s+$", before
        ):
            continue  # "backed by X" is its own rule; "the support of" is a noun
        if _WITHDRAWN.search(t[max(0, m.start() - 40) : m.start()]):
            continue  # "suspended security aid to X": support taken away
        ce = _clause_end(t, m.end(), 120)
        tm = _rx(_S16).match(t, m.end())
        if not tm or sk.pos[int(tm.group(1))][0] >= ce:
            continue
        tgt = sk.at(int(tm.group(1))).id
        if re.search(r",\s*$", t[: m.start()]) and word.endswith("ing"):
            firsts = [k for k in range(len(sk.pos)) if sk.at(k).kind == "country" and sk.pos[k][1] <= m.start()]
            src_k = firsts[0] if firsts else None
        else:
            src_k = _subject_before(sk, m.start(), {tgt})
        src = sk.at(src_k).id if src_k is not None else _pronoun_subject(sk, m.start(), context)
        if src and src != tgt:
            out.append(Finding("support", src, tgt, f"cue '{m.group(0)}'", confidence=0.65))
    # X's support/aid (has allowed / for / to) Y ; with X's support
    for m in re.finditer(_S17, t) if _has(sk, "support_noun") else ():
        src = sk.at(int(m.group(1))).id
        if _WITHDRAWN.search(t[: m.end() - len(m.group(0).split()[-1])]):
            continue
        ce = _clause_end(t, m.end(), 100)
        tm = _rx(_S18).search(t, m.end(), ce)
        if tm:
            out.append(Finding("support", src, sk.at(int(tm.group(1))).id, "cue 'X's support for Y'", confidence=0.65))
    # with the support/backing/help of X: X backs the subject
    for m in re.finditer(_S19, t) if _has(sk, "with_support") else ():
        src = sk.at(int(m.group(1))).id
        k = _clause_subject(sk, m.start(), {src})
        if k is not None:
            out.append(Finding("support", src, sk.at(k).id, "cue 'with the support of'", confidence=0.65))
    # X wants/helps Y to defeat/win/defend: X backs Y
    for m in re.finditer(_S20, t) if _has(sk, "to_win") else ():
        tgt = sk.at(int(m.group(1))).id
        k = _subject_before(sk, m.start(), {tgt})
        if k is not None:
            out.append(Finding("support", sk.at(k).id, tgt, "cue 'wants Y to win'", confidence=0.6))
    # show of support for Y / in support of Y (subject or group in context)
    for m in re.finditer(_S21, t) if _has(sk, "solidarity") else ():
        tgt = sk.at(int(m.group(1))).id
        src_k = _subject_before(sk, m.start(), {tgt})
        src = sk.at(src_k).id if src_k is not None else None
        if src is None and re.match(
            r"(?i)\s*(?:the\s+)?(?:rebels|militants|group|movement|insurgents|fighters|militia)\b", t
        ):
            src = next((c for c in reversed(context) if c != tgt), None)
        if src:
            out.append(Finding("support", src, tgt, "cue 'support for'", confidence=0.6))
    # Y's (most significant) patron, X  /  X, Y's patron
    for m in re.finditer(_S22, t) if _has(sk, "patron") else ():
        client = sk.at(int(m.group(1))).id
        prev = [k for k in sk.before(m.start()) if sk.at(k).id != client]
        nxt = _rx(_S23).match(t, m.end())
        patron = sk.at(int(nxt.group(1))).id if nxt else (sk.at(prev[0]).id if prev else None)
        if patron and patron != client:
            out.append(Finding("support", patron, client, "cue 'patron of'", confidence=0.7))
    # proxy: "X's proxy Y", "Y, a proxy of X"
    for m in re.finditer(_S24, t) if _has(sk, "proxy") else ():
        patron = sk.at(int(m.group(1))).id
        prev = [k for k in sk.before(m.start()) if sk.at(k).id != patron]
        if prev:
            out.append(Finding("support", patron, sk.at(prev[0]).id, "cue 'proxy of'", confidence=0.65))
    # X sided with / stood by Y: X backs Y;  X turned to Y for help: Y backs X
    for m in re.finditer(_S52, t) if _has(sk, "sided") else ():
        tgt = sk.at(int(m.group(1))).id
        src = _subject_id(sk, m.start(), {tgt}, context)
        if src and src != tgt:
            out.append(Finding("support", src, tgt, "cue 'sided with'", confidence=0.6))
    for m in re.finditer(_S53, t) if _has(sk, "sided") else ():
        patron = sk.at(int(m.group(1))).id
        client = _subject_id(sk, m.start(), {patron}, context)
        if client and client != patron:
            out.append(Finding("support", patron, client, "cue 'turned to Y for help'", confidence=0.6))
    # "X troops to Y" at Y's invitation
    for m in re.finditer(_S25, t) if _has(sk, "invite") else ():
        out.append(
            Finding(
                "support",
                sk.at(int(m.group(1))).id,
                sk.at(int(m.group(2))).id,
                "cue 'invited X troops to Y'",
                confidence=0.55,
            )
        )
    return out


def _pair_from_context(sk: _Sketch, p: int, context: Sequence[str]) -> tuple[str, str] | None:
    ids = [sk.at(k).id for k in sorted(sk.before(p), key=lambda k: sk.pos[k][0]) if sk.at(k).kind == "country"]
    ids = list(dict.fromkeys(ids))
    if len(ids) >= 2:
        return ids[-2], ids[-1]
    pool: list[str] = []
    for c in reversed(context):
        if c not in pool:
            pool.append(c)
    return (pool[1], pool[0]) if len(pool) >= 2 else None


def _conflicts(sk: _Sketch, context: Sequence[str]) -> list[Finding]:
    t = sk.text
    out: list[Finding] = []
    # between A and B
    for m in re.finditer(_S26, t) if _has(sk, "between") else ():
        a, b = sk.at(int(m.group(1))).id, sk.at(int(m.group(2))).id
        out.append(Finding("conflict", a, b, "cue 'conflict between'", confidence=0.8, extra={"mutual": True}))
    for m in re.finditer(_S27, t, re.I) if _has(sk, "between") else ():
        pair = _pair_from_context(sk, m.start(), context)
        if pair:
            out.append(Finding("conflict", pair[0], pair[1], "cue 'tensions between the two'", confidence=0.65))
    # X aggression / invasion / war in|on|against Y  and "its own war in Y"
    for m in re.finditer(_S28, t) if _has(sk, "war_noun") else ():
        if m.group(1) is not None:
            src = sk.at(int(m.group(1))).id
        else:
            k = _subject_before(sk, m.start())
            src = sk.at(k).id if k is not None else None
        if src is None:
            continue
        if m.group(2) is not None:
            tgt = sk.at(int(m.group(2))).id
        else:
            others = [sk.at(k).id for k in range(len(sk.pos)) if sk.at(k).kind == "country" and sk.at(k).id != src]
            if not re.search(r"\b(?:from|against|to)\s*$", t[max(0, m.start() - 10) : m.start()]) or not others:
                continue
            tgt = others[0]
        out.append(Finding("conflict", src, tgt, "cue 'X aggression/war'", confidence=0.7))
    # "(launched) an attack/offensive on|against Y": the subject attacks Y
    for m in re.finditer(_S29, t) if _has(sk, "attack_on") else ():
        tgt = sk.at(int(m.group(1))).id
        pm = re.search(_S30, t[: m.start()])
        k = int(pm.group(1)) if pm else _subject_before(sk, m.start(), {tgt})
        if sk.at(int(m.group(1))).kind != "country" and re.search(
            r"\bin\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?§\d+§$", m.group(0)
        ):
            continue  # "an offensive in Darfur": a place, not an adversary
        if k is not None and sk.at(k).id != tgt and sk.at(k).kind in ("country", "bloc"):
            held = _rx(_S31).match(t, m.end())
            if held and sk.at(int(held.group(1))).id != sk.at(k).id:
                # the place attacked first, then its holder
                out.append(
                    Finding(
                        "conflict",
                        sk.at(k).id,
                        sk.at(int(held.group(1))).id,
                        "cue 'attack on X-held Y'",
                        confidence=0.6,
                    )
                )
            out.append(Finding("conflict", sk.at(k).id, tgt, "cue 'attack on'", confidence=0.65))
    # "the Ukraine war": the named country and the other side named in the sentence
    for m in re.finditer(_S32, t) if _has(sk, "the_war") else ():
        tgt = sk.at(int(m.group(1))).id
        others = list(
            dict.fromkeys(sk.at(k).id for k in range(len(sk.pos)) if sk.at(k).kind == "country" and sk.at(k).id != tgt)
        )
        if len(others) == 1:
            out.append(Finding("conflict", others[0], tgt, "cue 'the Y war'", confidence=0.6))
    # the fight/war/struggle against Y: Y vs the nearest actor before
    for m in re.finditer(_S33, t) if _has(sk, "against") else ():
        tgt = sk.at(int(m.group(1))).id
        k = _subject_before(sk, m.start(), {tgt}, within=400)
        prev = [x for x in sk.before(m.start(), exclude={tgt}) if sk.at(x).kind == "country"]
        if prev:
            k = prev[0]
        if k is not None:
            out.append(Finding("conflict", sk.at(k).id, tgt, "cue 'fight against'", confidence=0.65))
    # X forces|troops ... Y border
    for m in re.finditer(_S34, t) if _has(sk, "x_forces") else ():
        ce = _clause_end(t, m.end(), 120)
        seg = t[m.end() : ce]
        tm = re.search(_S35, seg)
        if tm:
            src, tgt = sk.at(int(m.group(1))).id, sk.at(int(tm.group(1))).id
            out.append(Finding("conflict", src, tgt, "cue 'X forces … Y'", confidence=0.65))
    # X criticized / attacked / sanctioned ... Y
    for m in _cue_matches(sk, _CONFLICT_VERB, "conflict_verb"):
        word = m.group(0).lower()
        before = t[max(0, m.start() - 14) : m.start()]
        if re.search(r"-$", before):
            continue
        ce = _clause_end(t, m.end(), 150)
        tm = _rx(_S36).match(t, m.end())
        if not tm or sk.pos[int(tm.group(1))][0] >= ce:
            # "interdicted at least 18 Iranian ships": object phrase holding a demonym
            tm = _rx(_S37).match(t, m.end())
            if not tm:
                continue
        tgt = sk.at(int(tm.group(1))).id
        passive = bool(re.search(r"(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", before))
        if passive:
            bm = _rx(_S38).match(t, m.end())
            if not bm:
                continue
            src = sk.at(int(bm.group(1))).id
            k = _subject_before(sk, m.start(), {src})
            if k is None:
                continue
            tgt = sk.at(k).id
        else:
            k = _subject_before(sk, m.start(), {tgt})
            src = sk.at(k).id if k is not None else _pronoun_subject(sk, m.start(), context)
        if (src and src != tgt and sk.at(int(tm.group(1))).kind in ("country", "disputed", "region", "bloc")) or (
            src and sk.at(int(tm.group(1))).how == "group"
        ):
            out.append(Finding("conflict", src, tgt, f"cue '{word}'", confidence=0.6))
    # X cut / severed ties with Y
    for m in re.finditer(_S60, t):
        tgt = sk.at(int(m.group(1))).id
        k = _clause_subject(sk, m.start(), {tgt})
        if k is not None and sk.at(k).id != tgt:
            out.append(Finding("conflict", sk.at(k).id, tgt, "cue 'cut ties with'", confidence=0.65))
    # a mediator or a ceasefire between A and B: A and B are in conflict
    for m in re.finditer(_S61, t):
        a, b = sk.at(int(m.group(1))).id, sk.at(int(m.group(2))).id
        if a != b:
            out.append(
                Finding("conflict", a, b, "cue 'ceasefire/mediation between'", confidence=0.6, extra={"mutual": True})
            )
    # X ... tensions / a dispute / at odds with Y: the subject against Y
    for m in re.finditer(_S49, t):
        tgt = sk.at(int(m.group(1))).id
        src = _subject_id(sk, m.start(), {tgt}, context)
        if src and src != tgt and sk.at(int(m.group(1))).kind in ("country", "bloc", "disputed"):
            out.append(Finding("conflict", src, tgt, "cue 'tensions with'", confidence=0.6))
    # A and B are at odds / locked in a dispute / clashed: both ways
    for m in re.finditer(_S50, t):
        a, b = sk.at(int(m.group(1))), sk.at(int(m.group(2)))
        if a.id != b.id and a.kind in ("country", "bloc") and b.kind in ("country", "bloc"):
            out.append(
                Finding("conflict", a.id, b.id, "cue 'A and B in conflict'", confidence=0.65, extra={"mutual": True})
            )
    # "the two countries remain at odds": the pair named before
    for m in re.finditer(_S62, t, re.I) if _has(sk, "context") else ():
        pair = _pair_from_context(sk, m.start(), context)
        if pair:
            out.append(
                Finding("conflict", pair[0], pair[1], "cue 'the two at odds'", confidence=0.6, extra={"mutual": True})
            )
    # X did something, drawing condemnation from Y (and Z): Y against X
    for m in re.finditer(_S51, t):
        critics = [sk.at(int(x)).id for x in re.findall(A, m.group(1))]
        k = _clause_subject(sk, m.start(), set(critics))
        if k is None:
            continue
        for c in dict.fromkeys(critics):
            if c != sk.at(k).id:
                out.append(Finding("conflict", c, sk.at(k).id, "cue 'drawing condemnation from'", confidence=0.6))
    return out


def _alliances(sk: _Sketch, context: Sequence[str]) -> list[Finding]:
    t = sk.text
    out: list[Finding] = []
    countries = [k for k in range(len(sk.pos)) if sk.at(k).kind in ("country",)]
    ids = list(dict.fromkeys(sk.at(k).id for k in countries))
    # "allies of Y" / "X's ally Y" / "X and its ally Y"
    for m in re.finditer(_S39, t) if _has(sk, "ally_of") else ():
        tgt = sk.at(int(m.group(1))).id
        cs = _clause_start(t, m.start())
        seg_ids = [sk.at(k).id for k in sk.ids_in(cs, m.start()) if sk.at(k).kind == "country"]
        for s in dict.fromkeys(seg_ids):
            if s != tgt:
                out.append(Finding("alliance", s, tgt, "cue 'allies of'", confidence=0.7))
    for m in re.finditer(_S40, t) if _has(sk, "ally_of") else ():
        a, b = sk.at(int(m.group(1))).id, sk.at(int(m.group(2))).id
        out.append(Finding("alliance", a, b, "cue 'X's ally Y'", confidence=0.7))
    # X joined / was admitted to NATO; NATO welcomed X as a member
    for m in re.finditer(_S57, t):
        bloc = sk.at(int(m.group(1)))
        k = _clause_subject(sk, m.start(), {bloc.id})
        if bloc.kind == "bloc" and k is not None and sk.at(k).id != bloc.id:
            out.append(Finding("alliance", sk.at(k).id, bloc.id, "cue 'joined the bloc'", confidence=0.7))
    for m in re.finditer(_S58, t):
        bloc, member = sk.at(int(m.group(1))), sk.at(int(m.group(2)))
        if bloc.kind == "bloc" and member.id != bloc.id:
            out.append(Finding("alliance", member.id, bloc.id, "cue 'welcomed X as a member'", confidence=0.7))
    # "X is Y's closest partner / ally"
    for m in re.finditer(_S59, t):
        a, b = sk.at(int(m.group(1))).id, sk.at(int(m.group(2))).id
        if a != b:
            out.append(Finding("alliance", a, b, "cue 'X is Y's partner'", confidence=0.65))
    # A and B agreed to share / cooperate / hold joint drills
    for m in re.finditer(_S55, t):
        a, b = (sk.at(int(g)) for g in [g for g in m.groups() if g is not None][:2])
        if a.id != b.id and a.kind in ("country", "bloc") and b.kind in ("country", "bloc"):
            out.append(Finding("alliance", a.id, b.id, "cue 'A and B cooperate'", confidence=0.6))
    t = re.sub(
        r"(§(\d+)§)(\s+(?:\w+\s+)?)(alliance|pact|treaty|partnership)",
        lambda m: m.group(1) + m.group(3) + ("bloc" if sk.at(int(m.group(2))).kind == "bloc" else m.group(4)),
        t,
    )
    if not (_has(sk, "al_noun") and _ALLIANCE_NOUN.search(t)) and not (
        _has(sk, "allied") and re.search(r"\ballied\b", t)
    ):
        return out
    # signed ... with Y
    for m in re.finditer(_S41, t) if _has(sk, "sign") else ():
        tgt = sk.at(int(m.group(1))).id
        others = [x for x in ids if x != tgt]
        k = _subject_before(sk, m.start(), {tgt})
        src = sk.at(k).id if k is not None else (others[0] if others else _pronoun_subject(sk, m.start(), context))
        if src:
            out.append(Finding("alliance", src, tgt, "cue 'signed … with'", confidence=0.75))
    # A and B agreed / deepen / signed ... ; alliance noun with exactly two countries
    pairs: list[tuple[str, str]] = []
    if len(ids) == 2 and not (_has(sk, "peace_only") and _CONFLICT_ONLY.search(t)):
        pairs.append((ids[0], ids[1]))
    elif len(ids) == 1 and re.search(_S42, t, re.I) and context:
        other = next((c for c in reversed(context) if c != ids[0]), None)
        if other:
            pairs.append((ids[0], other))
    elif len(ids) == 0 and re.search(_S43, t, re.I):
        pool = list(dict.fromkeys(context))
        if len(pool) >= 2:
            pairs.append((pool[-2], pool[-1]))
    elif len(ids) > 2:
        for m in re.finditer(_S44, t):
            pairs.append((sk.at(int(m.group(1))).id, sk.at(int(m.group(2))).id))
        for m in re.finditer(_S45, t):
            a = sk.at(int(m.group(1))).id
            if m.group(2):
                pairs.append((a, sk.at(int(m.group(2))).id))
            elif re.match(r"(?i)ties|relations|cooperation|co-operation|partnership", m.group(0)):
                # "Russia ... strengthening ties with Libya": the clause subject and Y
                k = _clause_subject(sk, m.start(), {a})
                if k is not None and sk.at(k).kind in ("country", "bloc"):
                    pairs.append((sk.at(k).id, a))
    if _has(sk, "break_up") and _BREAK_UP.search(t):
        pairs = []  # "withdraw from the partnership", "tore up the treaty": not an alliance
    for a, b in pairs:
        if a != b and (
            _ALLIANCE_NOUN.search(t)
            and (
                _ALLIANCE_VERB.search(t)
                or re.search(
                    r"\b(?:strategic|bilateral|military|defen[cs]e|security|diplomatic)\s+(?:\w+\s+)?(?:partnership|cooperation|alliance|pact|treaty|agreement|relations|ties)|\btreaty\b|\bpartnership\b|\balliance\b|\bagreements\b",
                    t,
                    re.I,
                )
            )
        ):
            out.append(Finding("alliance", a, b, "cue 'agreement/partnership between two'", confidence=0.6))
    return out


_BREAK_UP = _rx(
    r"\b(?:cut(?:s|ting)?|sever\w*|br(?:oke|eak|eaks|eaking) off|downgrad\w*|recall\w*|expel\w*|"
    r"withdr[ae]w\w*|pull(?:s|ed|ing)? out|exit(?:s|ed|ing)?|quit(?:s|ting)?|tear(?:s|ing)? up|tore up|"
    r"scrap(?:s|ped|ping)?|terminat\w+|violat\w+|abandon\w*|renounc\w+|suspend\w*|breach\w*|collaps\w*)\b",
    re.I,
)
_CONFLICT_ONLY = _rx(r"\b(?:peace talks|ceasefire|truce|peace deal|peace agreement|brokered|mediat\w+)\b", re.I)


def _influence(sk: _Sketch) -> list[Finding]:
    t = sk.text
    out: list[Finding] = []
    for m in re.finditer(_S46, t):
        if m.group(1) is not None:
            hub = sk.at(int(m.group(1))).id
        else:
            # "its influence": the clause's subject, not the nearest country named
            k = _clause_subject(sk, m.start())
            if k is None or sk.at(k).kind != "country":
                continue
            hub = sk.at(k).id
        ce = _clause_end(t, m.end(), 260)
        seg_start = m.end()
        found = False
        for lm in re.finditer(
            r"(?:\b(?:in|over|across|on)\s+((?:the\s+)?(?:[\w§-]+\s+){0,2}?[\w§-]+)|\b((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}))?\s*\(([^)]*)\)",
            t[seg_start:ce],
        ):
            members = [sk.at(int(x)).id for x in re.findall(A, lm.group(3))]
            members = [x for x in dict.fromkeys(members) if x != hub]
            if len(members) >= 1:
                label = re.sub(A, lambda x: _unsketch(sk, x.group(0)), (lm.group(1) or lm.group(2) or "").strip())
                out.append(
                    Finding(
                        "influence",
                        hub,
                        None,
                        "cue 'influence in R (A, B, …)'",
                        members=tuple(members),
                        label=label,
                        confidence=0.75,
                    )
                )
                found = True
        if found:
            continue
        rm = _rx(_S47).match(t, m.end() + 1) or _rx(_S48).match(t, m.end())
        if rm:
            ks = [int(x) for x in re.findall(A, rm.group(1))]
            members = [sk.at(k).id for k in ks if sk.at(k).id != hub]
            if members:
                labels = [sk.words(sk.pos[k][0], sk.pos[k][1]) for k in ks]
                out.append(
                    Finding(
                        "influence",
                        hub,
                        None,
                        "cue 'influence in R'",
                        members=tuple(dict.fromkeys(members)),
                        label=", ".join(labels),
                        confidence=0.6,
                        extra={"regions": [sk.at(k).id for k in ks if sk.at(k).kind in ("region", "bloc")]},
                    )
                )
    return out


# -- cue pattern sources, formatted once (the functions above compile them through _rx) --
_S1 = rf"\b(?:to|into|for)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}?{A}"
_S2 = rf"\bby\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,2}}?{A}"
_S3 = rf"{A}{POSS}\s+(?:[\w-]+\s+){{0,3}}$"
_S4 = rf"\b(?:from|with)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}?{A}"
_S5 = rf"\s+by\s+(?:the\s+)?{A}{POSS}?\s*(?:of\s+)?"
_S6 = rf"\b(?:froze|frozen|blocked|halted|cancell?ed|suspended|vetoed|refused)\s+by\s+(?:the\s+)?{A}"
_S7 = rf"\b(?:from|with)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}?{A}"
_S8 = rf"\b(?:to power|to equip|for use (?:in|by)|for)\s+(?:the\s+)?{A}"
_S9 = rf"{A}-(?:supplied|provided|delivered|donated|sent|funded)\s+((?:[\w-]+\s+){{0,3}}?(?:{WEAPON_HEADS}))\b"
_S10 = rf"\b(?:to|for)\s+(?:the\s+)?{A}"
_S11 = rf"{A}{POSS}\s+((?:[\w-]+\s+){{0,4}}?)(?:deal|contract|sale|order|export deal)\b"
_S12 = rf"\bwith\s+(?:the\s+)?{A}"
_S13 = rf"{A}-(?:backed|supported|sponsored|funded|armed|allied)\b"
_S14 = rf"(?:,|\(|\bbe|\bare|\bis|\bwere|\bwas)\s*(?:which is |who are |is |are |supposed to be |to be )?(?:backed|supported|armed|sponsored|funded|aided|protected|defended|guarded|shielded)\s+by\s+((?:(?:the\s+)?{A}{POSS}(?:\s+(?!and\b)\w+)?\s*(?:,\s*and\b|,|and\b)?\s*)+)"
_S15 = rf"{A}"
_S16 = rf"\s+(?:\w+\s+){{0,2}}?{A}"
_S17 = rf"{A}{POSS}\s+(?:\w+\s+){{0,2}}?(?:support|backing|aid|help|assistance|sponsorship|patronage|funding)\b"
_S18 = rf"\b(?:for|to|of|allowed|enabled|helped|has allowed|has enabled)\s+(?:the\s+)?{A}"
_S19 = rf"\bwith\s+(?:the\s+)?(?:\w+\s+)?(?:support|backing|help|assistance|blessing|funding|financing|aid|money|weapons|arms)\s+(?:of|from)\s+(?:the\s+)?{A}"
_S20 = rf"\b(?:want|wants|wanted|help|helps|helped|helping|enable|enables|enabled|allow|allows|allowed)\s+(?:the\s+)?{A}\s+(?:to\s+)?(?:defeat|win|prevail|defend|resist|repel|fight|push back)\b"
_S21 = rf"\b(?:show of support|in support|solidarity)\s+(?:for|of|with)\s+(?:the\s+)?{A}"
_S22 = rf"{A}{POSS}\s+(?:[\w-]+\s+){{0,3}}?(?:patron|backer|sponsor|benefactor|protector)s?\b"
_S23 = rf"\s*,?\s*(?:the\s+)?{A}"
_S24 = rf"\bprox(?:y|ies)\s+(?:of|for)\s+(?:the\s+)?{A}"
_S25 = rf"\binvit\w+\s+(?:the\s+)?{A}\s+(?:troops|forces|soldiers|military)\s+to\s+{A}"
_S26 = rf"\b(?:conflict|war|wars|tensions?|hostilities|fighting|clashes|rivalry|dispute|feud|standoff|confrontation|animosity|enmity)\s+(?:\w+\s+){{0,2}}?between\s+(?:the\s+)?{A}{POSS}(?:\s*\([^)]*\))?\s+and\s+(?:the\s+)?{A}"
_S27 = rf"\b(?:conflict|war|tensions?|hostilities|fighting|clashes|rivalry|dispute|feud|standoff|enmity)\s+between\s+(?:the\s+)?(?:two\s+)?(?:(?:[\w-]+|§\d+§)\s+)?{_PAIR_NOUNS}\b"
_S28 = rf"(?:{A}{POSS}|\bits)\s+(?:own\s+|full-scale\s+|\w+\s+)?(?:aggression|invasion|war|offensive|attacks?|strikes|occupation|annexation|incursions?|military operation)\b(?:\s+(?:in|on|against|of|into|with)\s+(?:the\s+)?{A})?"
_S29 = rf"\b(?:attacks?|offensive|assault|strikes?|invasion|incursions?|bombardment|shelling|raids?|blockade|aggression)\s+(?:on|against|into|of|in)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{A}"
_S30 = rf"{A}{POSS}\s+(?:[\w-]+\s+){{0,2}}$"
_S31 = rf"(?:-|\s+)(?:controlled|held|occupied|run)\s+(?:the\s+)?{A}"
_S32 = rf"\bthe\s+{A}\s+(?:war|conflict|invasion)\b"
_S33 = rf"\b(?:fight|war|struggle|defen[cs]e|battle|resistance)\s+against\s+(?:the\s+)?{A}"
_S34 = rf"{A}{POSS}\s+(?:\w+\s+)?(?:forces|troops|soldiers|army|military|navy|jets|warplanes|drones|missiles)\b"
_S35 = rf"\b(?:mass|massing|amass\w*|invad\w*|attack\w*|advanc\w*|shell\w*|strik\w*|struck|bomb\w*|occup\w*|fought|fight\w*|clash\w*|push\w*|enter\w*|cross\w*)\s+(?:[\w-]+\s+){{0,4}}?{A}"
_S36 = rf"\s+(?:(?:the|on|against|at|of|with|by|for|into|vehemently|\w+ly)\s+){{0,3}}?{A}"
_S37 = (
    rf"\s+(?:[\w-]+\s+){{0,4}}?{A}\s+(?:[\w-]+\s+)?(?:ships?|vessels?|boats?|forces|troops|positions|targets|bases?|"
    r"officials|government|leaders?|drones|aircraft|jets|planes?|refiner(?:y|ies)|facilit(?:y|ies)|"
    r"infrastructure|cities|towns|villages|ports?|airfields?|air bases?|depots?|units|outposts?|"
    r"soldiers|patrols?|convoys?|warships?|fishermen|fishing boats|trawlers?|tankers?|freighters?|crews?|"
    r"embassy|diplomats|territory|"
    r"oil|energy|power|military|navy|army|coast guard)\b"
)
_S38 = rf"\s+by\s+(?:the\s+)?{A}"
_S39 = rf"\b(?:allies|ally|partners?)\s+(?:of|to)\s+(?:the\s+)?{A}"
_S40 = rf"{A}{POSS}\s+(?:\w+\s+)?(?:ally|allies|partner)\s*,?\s+(?:the\s+)?{A}"
_S41 = rf"\bsign\w*\s+(?:[\w-]+\s+){{0,6}}?(?:agreements?|deals?|pacts?|treaty|treaties|accords?|memorand\w+|contracts?|declarations?)\s+(?:[\w-]+\s+){{0,4}}?with\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{A}"
_S42 = rf"\b(?:the two|both)\s+(?:\w+\s+)?{_PAIR_NOUNS}\b|\bthe countries\b|\bbilateral\b"
_S43 = rf"\b(?:the two|both)\s+(?:\w+\s+)?{_PAIR_NOUNS}\b|\bthe countries\b"
_S44 = rf"{A}{POSS}\s+and\s+(?:the\s+)?{A}{POSS}\s+(?:\w+\s+){{0,3}}?(?:{_ALLIANCE_VERB.pattern})"
_S45 = rf"(?:{_ALLIANCE_NOUN.pattern})\s+(?:between|with)\s+(?:the\s+)?{A}(?:\s+and\s+(?:the\s+)?{A})?"
_S46 = rf"(?:{A}{POSS}\s+(?:[\w-]+\s+){{0,4}}?|\b(?:its|their)\s+(?:[\w-]+\s+){{0,4}}?)(?:sphere of influence|influence|clout|sway|dominance|hegemony|foothold)\b"
_S47 = rf"\b(?:in|over|across|on)\s+(?:the\s+)?((?:{A}(?:\s*,\s*|\s+and\s+)?)+)"
_S48 = rf"\s*(?:in|over|across|on)\s+(?:the\s+)?((?:{A}(?:\s*,\s*|\s+and\s+)?)+)"
_PLACE_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:port|ports|base|bases|coast|coastline|waters|border|border areas?|"
    r"city|cities|town|towns|region|province|island|islands|harbou?r|airfield|airport)\b",
    re.I,
)
_AND_ANCHOR = re.compile(rf"(?:\s*,\s*|\s+and\s+)(?:the\s+)?{A}")
_S49 = (
    rf"\b(?:tensions?|dispute|disputes|conflict|war|feud|rivalry|standoff|stand-off|row|spat|friction|clashes|"
    rf"hostilities|confrontation|at odds|at war|on a war footing)\s+with\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{A}"
)
_AT_ODDS = (
    r"(?:at odds|at war|locked in (?:a|an|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:dispute|standoff|stand-off|conflict|war|row|feud|struggle|rivalry)|in (?:a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:dispute|standoff|stand-off|conflict|war|row|feud)|clash(?:ed|es)?|feuding|rivals|fought|"
    r"(?:traded|exchanged|trade|exchange)\s+(?:\w+\s+)?(?:fire|accusations|blows|barbs|threats|strikes))\b"
)
_S50 = (
    rf"{A}{POSS}\s+and\s+(?:the\s+)?{A}{POSS}\s+(?:(?:have|has|had|are|were|remain|remained|still|long|"
    rf"again|once\s+more|now|been|\w+ly)\s+){{0,3}}{_AT_ODDS}"
)
_S51 = (
    rf",?\s+(?:(?:continues?\s+to\s+|continued\s+to\s+)?draws?|drawing|drew|prompting|prompted|sparking|sparked|triggering|triggered|provoking|provoked)\s+"
    rf"(?:\w+\s+){{0,2}}?(?:condemnation|criticism|protests?|a rebuke|rebukes|anger|outrage|warnings?)\s+from\s+"
    rf"((?:(?:the\s+)?{A}(?:\s*,\s*|\s+and\s+)?)+)"
)
_S52 = (
    rf"\b(?:sided|sides|siding|side)\s+with\s+(?:the\s+)?{A}|"
    rf"\b(?:stood|stands|standing|stand)\s+(?:firmly\s+)?(?:by|with|behind)\s+(?:the\s+)?{A}|"
    rf"\b(?:rallied|rally|rallies|rallying)\s+(?:\w+\s+)?behind\s+(?:the\s+)?{A}|"
    rf"\bthrew\s+(?:its|their|his|her)\s+weight\s+behind\s+(?:the\s+)?{A}"
)
_S53 = (
    rf"\b(?:turned|turns|turning|turn|appealed|appeals|appealing|appeal)\s+to\s+(?:the\s+)?{A}\s+for\s+"
    rf"(?:\w+\s+){{0,2}}?(?:help|support|assistance|aid|protection|backing|weapons|arms|security|military)\b"
)
_S54 = (
    rf"\b(?:in\s+talks|holding\s+talks|negotiat\w+|in\s+negotiations)\s+with\s+(?:the\s+)?{A}\s+"
    rf"(?:over|on|for|about|to\s+(?:buy|acquire|purchase|procure))\s+((?:[\w-]+\s+){{0,5}}?(?:{WEAPON_HEADS}))\b"
)
_S55 = (
    rf"{A}{POSS}\s+and\s+(?:the\s+)?{A}{POSS}\s+(?:(?:have|has|had|also|\w+ly)\s+)?"
    rf"(?:agreed|agree|pledged|vowed|promised|decided)\s+to\s+(?:\w+ly\s+)?(?:share|cooperate|co-operate|coordinate|"
    rf"work\s+together|jointly|deepen|strengthen|boost|expand|step\s+up|hold\s+joint|conduct\s+joint|stage\s+joint|"
    rf"develop\s+jointly|build\s+jointly|integrate|pool|bolster|enhance|upgrade|form|establish\s+(?:a\s+)?"
    rf"(?:joint|military|defen[cs]e|security|strategic))\b|"
    rf"{A}{POSS}\s+and\s+(?:the\s+)?{A}{POSS}\s+(?:(?:have|has|had|also|\w+ly)\s+)?"
    rf"(?:held|hold|holding|conducted|conduct|staged|stage|began|launched)\s+(?:\w+\s+)?joint\s+"
    rf"(?:(?:military|naval|air|\w+)\s+)?(?:drills|exercises|patrols|manoeuvres|maneuvers)\b"
)
_S56 = (
    rf"\b(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|equip(?:s|ped|ping)?|arm(?:s|ed|ing)?|furnish\w*|"
    rf"re-?arm\w*)\s+(?:the\s+)?{A}{POSS}\s+(?:[\w-]+\s+){{0,2}}?with\b"
)
_S57 = (
    rf"\b(?:joined|joins|joining|join|accession\s+to|admitted\s+(?:to|into)|admission\s+to|"
    rf"membership\s+(?:of|in)|entry\s+into|became\s+(?:a|the)\s+(?:\w+\s+)?member\s+of)\s+(?:the\s+)?{A}"
)
_S58 = rf"{A}\s+(?:formally\s+)?(?:welcomed|welcomes|admitted|admits|accepted)\s+(?:the\s+)?{A}\s+(?:as|into)\b"
_S59 = (
    rf"{A}\s+(?:is|was|remains|remained|became|has\s+become|has\s+been|had\s+been)\s+(?:now\s+|also\s+|still\s+)?"
    rf"(?:the\s+)?{A}{POSS}\s+(?:[\w-]+\s+){{0,3}}?(?:ally|partner)\b"
)
_S60 = (
    rf"\b(?:cut|cuts|cutting|severed|severs|severing|broke\s+off|breaks\s+off|breaking\s+off|downgraded|suspended)\s+"
    rf"(?:its\s+|their\s+|all\s+)?(?:diplomatic\s+|trade\s+|economic\s+|military\s+)?(?:ties|relations)\s+with\s+(?:the\s+)?{A}"
)
_S61 = (
    rf"\b(?:mediat\w+|brokered|brokering|broker|ceasefire|cease-fire|truce|armistice|peace\s+(?:talks|deal|agreement|"
    rf"negotiations|process))\s+(?:\w+\s+){{0,2}}?between\s+(?:the\s+)?{A}{POSS}\s+and\s+(?:the\s+)?{A}"
)
_S62 = (
    rf"\b(?:the two|both)\s+(?:\w+\s+)?{_PAIR_NOUNS}\s+(?:(?:have|has|had|are|were|remain|remained|still|long|"
    rf"again|now|been|\w+ly)\s+){{0,3}}{_AT_ODDS}"
)
