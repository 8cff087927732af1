"""Items, quantities and dates of transfers, read from the words around a cue.

A transfer cue (:mod:`geo.relations`) hands this module the stretch of text
that names what changes hands ("12 Bayraktar TB2 drones and three ground
stations"); it returns the items with their quantities, and :func:`date`
the first date of a sentence. The stage of a transfer is read by
:mod:`geo.stages`.

Examples
--------
>>> item_phrases("12 drones and plans to build a plant for them")
[('drones', 12)]
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.data.wordlists import (
    ABSTRACT_OBJECTS,
    CURRENCY_NOUNS,
    FORMATION_NOUNS,
    ITEM_HEADS,
    NUMBER_WORDS,
    alternation,
)
from geo.lowered import Lowered


@lru_cache(maxsize=512)
def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A compiled pattern, cached (patterns are built from shared fragments)."""
    return re.compile(pattern, flags)


WEAPON_HEADS = "|".join(ITEM_HEADS)
_HEAD_RE = _rx(rf"\b(?:{WEAPON_HEADS})\b", re.I)
_HEADS = Lowered(_HEAD_RE)  # the same, sooner: for a yes or no, or a span

_NUM_WORD = alternation(NUMBER_WORDS)
_QTY_RE = _rx(
    rf"(?<![\w.-])(\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_NUM_WORD})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"(?![\w%$]|\.\d|,\d|mm|-mm| ?mm\b| ?km\b| ?percent| ?per cent| ?million| ?billion"
    r"| ?years?\b| ?months?\b| ?days?\b)",
    re.I,
)


_DATE_RE = _rx(
    r"\b(?:(?:in|since|by|from|during|until|early|late|mid-?)\s+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2},?)?\s+\d{4}|\d{4}|last year|this year|next year|last month|this month)\b"
)


# a count of carriers, not of what they carry: "two tankers carrying crude", "three flights with spare parts"
_CARRIERS = _rx(
    r"\s+(?:\w+\s+)?(?:tankers?|trucks?|lorries|cargoes|cargos|shipments?|consignments?|flights?|convoys?|trains?|"
    r"barges?|containers?|planeloads?|shiploads?|truckloads?)\s+(?:carrying|of|with|laden|loaded|bringing)\b",
    re.I,
)
# a measure of a change after a trade noun, no item: "cut deliveries by half", "raised supplies by 20%"
_CHANGE_BY = _rx(r"by (?:half|a (?:third|quarter|fifth)|\d|about|around|nearly|almost|more than|up to)", re.I)
_FIRST_OF = _rx(r"\b(?:first|last|initial|final)\s+(?:\w+(?:-\w+)?\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?=\S)", re.I)
# a bound on a number ("up to 54 missiles", "more than 30 drones", "as many as 12 jets"): no part of the item
_BOUND = _rx(
    rf"^(?:up to|more than|fewer than|less than|at least|at most|as many as|as few as|upwards of|over|under)\s+"
    rf"(?=\d|(?:{_NUM_WORD})\b)",
    re.I,
)


@lru_cache(maxsize=4096)
def parse_quantity(phrase: str) -> int | None:
    """The number of items a phrase gives ("12", "a dozen", "forty-eight"), or None.

    Examples
    --------
    >>> parse_quantity("forty-eight FA-50 jets"), parse_quantity("a dozen drones"), parse_quantity("drones")
    (48, 12, None)
    """
    part = _FIRST_OF.search(phrase)
    if part:
        phrase = phrase[part.end() :]  # "the first four of 12 jets": the order is 12
    for m in _QTY_RE.finditer(phrase):
        tok = m.group(1).lower()
        if _CARRIERS.match(phrase, m.end()):
            continue  # "two tankers carrying Russian crude": the count is of the carriers
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", tok):
            value = int(tok.replace(",", ""))
            if 1900 <= value <= 2100 and "," not in tok:
                continue
            before = phrase[max(0, m.start() - 12) : m.start()]
            if (
                re.search(r"[-A-Za-z]$|[A-Z][\w-]*\s$", before)
                and not re.search(r"\b(?:The|All|Its|Their|Some)\s$", before)
            ) or re.search(r"\$|€|£", before):
                continue  # part of a designation (F-16, AH-4, Block 2, Type 055) or a price
            after = phrase[m.end() : m.end() + 4]
            if re.match(r"-[A-Za-z]", after) or re.match(r"mm", after):
                continue
            return value
        if "-" in tok:
            a, b = tok.split("-", 1)
            return NUMBER_WORDS.get(a, 0) + NUMBER_WORDS.get(b, 0) or None
        if tok in NUMBER_WORDS and phrase[m.end() : m.end() + 1] != "-":  # "single-seat", "two-seat": a kind
            return NUMBER_WORDS[tok]
    return None


_ITEM_TRIM = _rx(
    r"^(?:(?:the|a|an|this|these|those|that|its|their|his|her|own|some|more|new|further|additional|other|another|also|"
    r"first|latest|of|than|including|various|several|significantly|increased|about|around|nearly|roughly|approximately|almost|"
    r"deliveries|delivery|shipments|shipment|major|leading|key|top|biggest|largest)\s+)+",
    re.I,
)


_ITEM_SPLIT = _rx(r"(?<!\d),\s*(?:and\s+|as well as\s+)?|,(?!\d{3}(?!\d))\s*|\s+(?:and|as well as)\s+(?=\S)")
# the figure of a sum after its currency: " 2.5 billion", "40m"
_AMOUNT = r"\s?[\d.,]+(?:\s*(?:million|billion|trillion|bn|mn|m|b)\b)?"
# "$2 billion in/of/worth of arms": the money is the deal's size, the item follows
_MONEY_LEAD = _rx(
    r"^(?:an?\s+)?(?:(?:more|less|over|nearly|almost|about|up to)\s+(?:than\s+)?)?(?:(?:US|A|C)?\$|€|£)"
    + _AMOUNT
    + r"(?:\s+(?:package|tranche|batch|consignment|shipment))?"
    r"\s+(?:(?:worth\s+)?of|in)\s+",
    re.I,
)
# a sum of money and nothing else: "$1 billion", "more than Sh120 billion", "its C$5bn", "its $20bn share"
# what may open and close a sum of money: "more than $4 billion to", "about 500 million euros over"
_SUM_LEAD = (
    r"^(?:(?:an?|its|their|the)\s+)?(?:(?:more|less|over|nearly|almost|about|around|roughly|some|up to|at least)\s+"
    r"(?:than\s+)?)?"
)
_SUM_TAIL = (
    r"(?=$|\s+(?:to|towards?|for|into|in|on|over|during|since|last|this|by|from|through|under|at|between|of|with)\b)"
)
# a rate after the sum: "£3 billion a year", "$500 million annually"
_RATE = r"(?:\s+(?:a|per|each|every)\s+(?:year|month)|\s+(?:annually|yearly|monthly))?"
_MONEY_SUM = _rx(
    _SUM_LEAD
    + r"(?:(?:US|A|C|NZ|HK)?\$|€|£|¥|Sh|Rs\.?|R)"
    + _AMOUNT
    + r"(?:\s+(?:share|contribution|tranche|instalment|installment))?"
    + _RATE
    + _SUM_TAIL,
    re.I,
)
# the same sum with its currency named after it: "500 million euros", "140 million Australian dollars"
_MONEY_NAMED = _rx(
    _SUM_LEAD
    + r"[\d.,]+\s*(?:million|billion|trillion|bn)\s+(?:[A-Z][a-z]+\s+)?"
    + rf"(?i:{alternation(CURRENCY_NOUNS)})"
    + _RATE
    + _SUM_TAIL
)
# a price, not a thing: "worth 2.7 billion euros", "valued at $3 billion", "for 300 million dollars"
_PRICE_ONLY = _rx(
    r"^(?:(?:worth|valued at|priced at|costing|at (?:an? )?(?:estimated |total |reported )?cost of)\s|"
    r"for\s+(?:about\s+|some\s+)?(?:(?:US|A|C)?\$|€|£|"
    r"[\d.,]+\s*(?:million|billion|trillion|bn)\b))",
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
    r"were|is|are|will|would|could|should|may|might|can|also|already|now|then|that|which|who|while|whose|"
    r"delivered|supplied|bought|purchased|acquired|ordered|donated|gifted|sold|provided|received|transferred|built|made|destined|bound|earmarked|intended|meant)\b)+$",
    re.I,
)


# a system's name ("BrahMos", "F-16", "HIMARS", "Bayraktar", "Su-30MK2", "170mm") names the item
# better than its head noun
_DESIGNATION = re.compile(
    r"\b(?:[A-Z]{1,3}-?\d[\w-]*|[A-Z][a-z]{1,5}-\d[\w-]*|[A-Z]{3,}|[A-Z][a-z]+[A-Z]\w*|(?<!^)[A-Z][a-z]{3,}|\d+\s?mm)\b"
)

_LEADING_NAME = re.compile(r"[A-Z][a-z]{3,}\b")


def designations(item: str | None, *, leading: bool = False) -> set[str]:
    """The system names an item phrase carries, folded.

    A capitalised first word ("Chinese", "Pinaka") counts only with ``leading``:
    it may name the maker's country rather than the system.

    >>> sorted(designations("Chinese FK-3 air defence systems"))
    ['fk-3']
    >>> sorted(designations("Pinaka rocket launchers", leading=True))
    ['pinaka']
    >>> designations("artillery shells")
    set()
    >>> sorted(designations("F-16s once the conditions are met"))
    ['f-16']
    >>> sorted(designations("six Su-30SMEs"))
    ['su-30sme']
    """
    # "F-16s" is the F-16, "Su-30SMEs" the Su-30SME: a plural "s" after digits or capitals is no part of its name
    found = {re.sub(r"(?<=[\dA-Z])s$", "", m).lower() for m in _DESIGNATION.findall(item or "")}
    first = _LEADING_NAME.match(item or "") if leading else None
    return found | {first.group(0).lower()} if first else found


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# the auxiliaries and adverbs a passive verb's subject stretch ends with ("jets are still", "it is otherwise")
_VERB_GROUP_END = re.compile(
    r"(?:\s+(?:is|are|was|were|has|have|had|be|been|being|also|still|now|already|otherwise|mostly|largely|mainly))+$",
    re.I,
)
# the second of two verbs that share their object ("will build and deliver four corvettes"): the object follows it
_SHARED_VERB_LEAD = _rx(rf"^(?:and|or)\s+[a-z]+\s+(?=(?:the|its|their|a|an|\d+|{_NUM_WORD})\b)")
_TIME_LEAD = _rx(rf"^(?:(?:{_MONTHS})(?: \d{{4}})?|\d{{4}}|last year|this year|(?:early|late) \d{{4}})\s+(?:for\s+)?")
_PRICE_LEAD = _rx(r"^(?:worth|valued|costing|priced)\b", re.I)
# a piece that opens with a verb and its object is a clause of its own: "an order for radars, delivered 24 vehicles"
_CLAUSE_LEAD = _rx(r"^([a-z]+)\s+(?:\d|(?:a|an|the|its|their|his|her|some|more|another|several|dozens)\b)")


def item_phrases(text: str) -> list[tuple[str, int | None]]:
    """Item phrases (with quantities) in a stretch of text that names things transferred.

    The stretch is split at commas and "and"; pieces that each carry their own
    quantity become separate items, otherwise the pieces are kept together.
    The list stops at the first piece after an item that names no item
    ("drones and plans to …", "the factory, and this contract …").

    Examples
    --------
    >>> item_phrases("12 drones and plans to build a plant for them")
    [('drones', 12)]
    >>> item_phrases("$2 billion in arms and ammunition")
    [('arms and ammunition', None)]
    >>> item_phrases("a $40 million package of drones and radios")
    [('drones and radios', None)]
    >>> item_phrases("Pinaka rocket launchers and ATAGS towed guns")
    [('Pinaka rocket launchers', None), ('ATAGS towed guns', None)]
    >>> item_phrases("in May for four helicopters, worth 80 million euros")
    [('helicopters', 4)]
    >>> item_phrases("1,200 missiles and 40 tanks")
    [('missiles', 1200), ('tanks', 40)]
    >>> item_phrases("2,000lb bombs")
    [('2,000lb bombs', None)]
    >>> item_phrases("GM200 radars, delivered 24 Bastion armoured vehicles")
    [('GM200 radars', None)]
    >>> item_phrases("54 K9s and 36 K10 ammunition resupply vehicles")
    [('K9s', 54), ('K10 ammunition resupply vehicles', 36)]
    """
    return list(_item_phrases(text))


@lru_cache(maxsize=4096)
def _item_phrases(text: str) -> tuple[tuple[str, int | None], ...]:
    """:func:`item_phrases`, memoised (a cue's item stretch is read by several frames and checks)."""
    return tuple(_read_items(text))


def _read_items(text: str) -> list[tuple[str, int | None]]:
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    text = re.sub(r"^(?:of|in|with|on|for|whose|which)\s+", "", text, flags=re.I)
    text = _VERB_GROUP_END.sub("", text)  # "whose artillery is otherwise (supplied by)": the artillery
    text = _SHARED_VERB_LEAD.sub("", text)
    text = _TIME_LEAD.sub("", text)  # "in June for four helicopters": the time, then what is ordered
    text = _MONEY_LEAD.sub("", text)
    if _PRICE_ONLY.match(text) or _CHANGE_BY.match(text) or not _has_head(text):
        return []  # "worth 2.7 billion euros": the price of what the sentence names elsewhere
    spans: list[tuple[int, int]] = []
    last = 0
    for m in _ITEM_SPLIT.finditer(text):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text)))
    named = _system_then_apposition(text, spans)
    if named:
        return named
    kept = _kept_pieces(text, spans)
    if not kept:
        # only system names ("French-built Rafales", "F-16s and Rafales"): each system one item
        named = [(clean_item(text[s:e].strip()), parse_quantity(text[s:e])) for s, e in spans if text[s:e].strip()]
        return [(c, q) for c, q in named if c and _systems()[0].search(c)]
    with_qty = [(c, parse_quantity(raw)) for raw, c, _ in kept]
    if _counted_apart([raw for raw, _, _ in kept], [q for _, q in with_qty]):
        return with_qty
    if len(kept) > 1 and all(designations(c, leading=True) for _, c, _ in kept):
        return with_qty  # named systems are one transfer each, as an arms register lists them; kinds stay one list
    if len(kept) > 1:
        pieces = [c for _, c, _ in kept if c]
        joined = ", ".join(pieces[:-1]) + " and " + pieces[-1] if len(pieces) > 1 else (pieces[0] if pieces else "")
        stretch = text[: kept[-1][2]]
    elif len(spans) == 1:
        joined, stretch = kept[0][1], text
    else:
        joined, stretch = kept[0][1], kept[0][0]
    return [(joined, parse_quantity(stretch))] if joined else []


def _kept_pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, str, int]]:
    """The pieces of a list that name items, up to the first that does not: (raw, cleaned, end offset)."""
    kept: list[tuple[str, str, int]] = []
    for s, e in spans:
        raw = text[s:e].strip()
        if not raw:
            continue
        if kept and _verb_opens(raw):
            break  # "an initial order for GM200 radars, delivered 24 Bastion vehicles": the delivery is told apart
        if not _has_head(raw) or _PRICE_LEAD.match(raw):  # an item noun, or a system by name ("54 K9s")
            if kept:
                break  # a conjunction followed by something that is no item, or the price ("worth 90 million euros")
            continue
        cleaned = clean_item(raw)
        if kept and not _has_head(cleaned):
            break  # "drones and plans to …": the second piece's head lies in a later clause
        if cleaned.lower() in ABSTRACT_OBJECTS or cleaned.lower().rsplit(" ", 1)[-1] in FORMATION_NOUNS:
            continue  # "access to airfields for its fighters", "its first tank battalion": no thing named
        kept.append((raw, cleaned, e))
    return kept


def _verb_opens(piece: str) -> bool:
    """Whether a list piece opens with a past-tense verb and its object ("delivered 24 vehicles", "sold the jets")."""
    from geo.grammar import load_grammar

    m = _CLAUSE_LEAD.match(piece)
    if m is None:
        return False
    g, word = load_grammar(), m.group(1)
    if g.has("irregular_past", word):
        return True
    return word.endswith("ed") and not (g.has("item_adjectives", word) or g.has("ed_nouns", word))


def _system_then_apposition(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, int | None]]:
    """A system's name, then an apposition on it: "the FA-50 Block 20, an upgraded version of the jet"."""
    first = text[spans[0][0] : spans[0][1]].strip()
    if len(spans) > 1 and re.match(r"an? ", text[spans[1][0] :].strip()) and _systems()[0].search(first):
        return [(clean_item(first), parse_quantity(first))]
    return []


def _counted_apart(raws: list[str], quantities: list[int | None]) -> bool:
    """Pieces of a list that each carry a count: "six jets and four tanks", "a frigate, two corvettes"."""
    numbered = sum(q is not None for q in quantities)
    # "a frigate, two helicopters and a radar": one article counts one
    articled = sum(q is None and bool(re.match(r"an?\s", raw, re.I)) for raw, q in zip(raws, quantities, strict=True))
    return len(raws) > 1 and (numbered >= 2 or (numbered >= 1 and numbered + articled >= 2))


def _has_head(text: str) -> bool:
    """Whether a stretch names a thing transferred: an item noun, or a weapon system by name ("Rafales")."""
    return bool(_HEADS.search(text)) or _systems()[0].search(text) is not None


@lru_cache(maxsize=1)
def _systems() -> tuple[re.Pattern[str], dict[str, str]]:
    """The weapon-system table (``geo/data/systems.tsv``): a pattern over the names, and name → maker."""
    makers = {name: iso for name, iso, _note in _system_rows()}
    return re.compile(rf"(?<![\w-])({alternation(makers)})(?:-?[A-Z0-9]{{1,4}})?(?:s|['’]s)?(?![\w-])"), makers


@lru_cache(maxsize=1)
def _system_rows() -> tuple[tuple[str, str, str], ...]:
    """The rows of ``geo/data/systems.tsv``: name, maker, note ("Dassault fighter")."""
    from importlib import resources

    text = resources.files("geo").joinpath("data/systems.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, iso, note = line.split("\t")
            rows.append((name, iso, note))
    return tuple(rows)


def system_kinds(text: str | None) -> frozenset[str]:
    """What the systems ``text`` names are, in the plural, from the table's notes.

    >>> sorted(system_kinds("two F-35s")), system_kinds("patrol boats")
    (['fighters'], frozenset())
    """
    kinds = _system_kinds()
    return frozenset(kinds[m] for m in _systems()[0].findall(text or "") if m in kinds)


@lru_cache(maxsize=1)
def _system_kinds() -> dict[str, str]:
    """System name → what it is, in the plural: the last word of its note ("Dassault fighter" → "fighters")."""
    nouns = {name: note.rsplit(None, 1)[-1] for name, _iso, note in _system_rows() if note}
    return {name: noun if noun.endswith("s") else noun + "s" for name, noun in nouns.items()}


def sentence_names_system(sentence: str) -> bool:
    """Whether a sentence names a system of the weapon-system table ("Rafale", "Su-30MK2")."""
    return _systems()[0].search(sentence) is not None


@lru_cache(maxsize=4096)
def system_names(text: str | None) -> frozenset[str]:
    """The weapon systems of the table that ``text`` names, folded.

    >>> sorted(system_names("Bayraktar TB2 and Aksungur drones")), system_names("Turkish drones")
    (['aksungur', 'bayraktar', 'tb2'], frozenset())
    """
    return frozenset(m.lower() for m in _systems()[0].findall(text or ""))


def system_maker(text: str) -> str | None:
    """The state that makes the first weapon system named in ``text``, if the table knows it.

    >>> system_maker("42 Rafale jets")
    'FR'
    >>> system_maker("24 Su-30MK2 aircraft")
    'RU'
    >>> system_maker("patrol boats") is None
    True
    """
    pattern, makers = _systems()
    m = pattern.search(text)
    return makers[m.group(1)] if m else None


def money_sum(text: str | None) -> str | None:
    """The sum, when a stretch names a sum of money and no thing ("$1 billion", "its $20bn share over a year").

    A prepositional tail may follow ("more than $4 billion to", "Sh120 billion over the past decade").

    >>> money_sum("more than $4 billion to"), money_sum("its C$5bn"), money_sum("a $2 billion loan")
    ('more than $4 billion', 'C$5bn', None)
    >>> money_sum("140 million Australian dollars over five years"), money_sum("a 500 million euro loan")
    ('140 million Australian dollars', None)
    >>> money_sum("£3 billion a year to")  # a rate after the sum
    '£3 billion a year'
    """
    flat = re.sub(r"\s+", " ", text or "").strip(" ,;:.")
    m = _MONEY_SUM.match(flat) or _MONEY_NAMED.match(flat)
    return re.sub(r"^(?:its|their|the)\s+", "", m.group(0), flags=re.I) if m else None


def share(text: str, count: str) -> str:
    """The item of ``text`` counted anew: the share a further party gave or got ("... and four from Belarus").

    >>> share("six MiG-29 fighters", "four"), share("six MiG-29 fighters", "two further Su-30 jets")
    ('four MiG-29 fighters', 'two further Su-30 jets')
    """
    if (" " in count or not (count.isdigit() or count.lower() in NUMBER_WORDS)) and item_phrases(count):
        return count  # the share names its own item
    found = item_phrases(text)
    return f"{count} {found[0][0]}" if found else text


# "Norway's five P-8A aircraft", "the navy's newest frigate": the item after its owner's possessive
_POSSESSOR_OPENING = re.compile(r"^(?:\S+\s+){0,3}?\S*['’]s\s+(?=\S)")
_OWNER_OPENING = re.compile(
    r"^(?:it|them|us|him|her)\s+(?=\S)|"  # "sold it corvettes": the recipient's pronoun, then the item
    r"^(?:[a-z]+\s+){1,3}(?:its|their|our|his|her)\s+"
    r"(?:(?:first|second|third|fourth|fifth|sixth|last|final|latest|newest|next)\s+)?(?=\S)"
)


@lru_cache(maxsize=4096)
def clean_item(phrase: str) -> str:
    """The item named by a phrase: no quantity, determiners, trailing clauses or dangling words.

    Examples
    --------
    >>> clean_item("the factory, and")
    'factory'
    >>> clean_item("40 tanks based on the Korean K2 model")
    'K2 tanks'
    >>> clean_item("up to 36 additional radars delivered next year"), clean_item("more than 20 drones")
    ('radars', 'drones')
    >>> clean_item("the largest vessels"), clean_item("main battle tanks")
    ('vessels', 'main battle tanks')
    >>> clean_item("expects its third C-27J transport aircraft"), clean_item("four patrol vessels it is building")
    ('C-27J transport aircraft', 'patrol vessels')
    >>> clean_item("it 36 CAESAR howitzers")  # "agreed to sell it 36 CAESAR howitzers": the recipient first
    'CAESAR howitzers'
    """
    phrase = _BOUND.sub("", re.sub(r"§\d+§", "", phrase).strip())
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
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:-.")
    phrase = re.sub(r"\s*\([^()]{1,24}\)(?=\s+of\s)", "", phrase)  # "7.5 tons a year (mtpa) of LNG": past the aside
    phrase = re.split(r"\s*[(\[]", phrase, maxsplit=1)[0] or phrase  # "drones (UAVs)": the item before the aside
    phrase = _POSSESSOR_OPENING.sub("", phrase, count=1)
    phrase = _OWNER_OPENING.sub("", phrase, count=1)  # "expects its third C-27J": the item after its owner word
    phrase = _ITEM_TRIM.sub("", phrase)
    phrase = _ITEM_TRIM.sub("", _FIRST_OF.sub("", phrase, count=1)) if _FIRST_OF.match(phrase) else phrase
    # a designation named after the head goes before it: "tanks based on the K2 model" → "K2 tanks"
    dm = _DESIGNATION_AFTER.match(phrase)
    if dm and _HEADS.search(dm.group("item")) and not _HEADS.search(dm.group("code")):
        item = _ITEM_TRIM.sub("", dm.group("item").strip(" ,;:-"))
        phrase = item if dm.group("code") in item else f"{dm.group('code')} {item}"
    # cut trailing clauses that are not part of the item
    phrase = re.split(
        r"\s+(?:which|that|who|to|for|in|into|from|by|with|over|as|on|at|last|this|next|since|after|before|because"
        r"|under|worth|based on|it|they|we|beginning|starting)\s|\s+[—–]\s",
        phrase + " ",
        maxsplit=1,
    )[0].strip()
    if len(phrase) > 80 or _SLUG.search(phrase):  # a long phrase or a web address's slug: up to the head
        m = _HEADS.search(phrase)
        phrase = phrase[: m.end()] if m else phrase[:80]
    return _ITEM_TAIL.sub("", phrase).strip(" ,;:-")


# designations before the head are capitalised, numbered or hyphenated ("Soviet-era", "T-72"), never "partially replace"
_RELATIVE_ITEM = _rx(
    r"((?:(?-i:[A-Z0-9])[\w-]*\s+|\w+-[\w-]+\s+){0,3}(?:" + WEAPON_HEADS + r"))\s+(?:that|which)\s+$", re.I
)
_CHUNK = _rx(r"\S+")


def relative_item(before: str) -> str:
    """The item a relative clause hangs on: "retire Cold-War-era corvettes [that ...]" → "Cold-War-era corvettes".

    A system named without a noun will do too: "variants of the Shahed, [which Iran supplied]" → "Shahed".
    """
    before = before.rstrip().rstrip(",").rstrip()
    m = _RELATIVE_ITEM.search(before + " that ")  # also "the corvettes, which"
    if m:
        return m.group(1)
    last = before.rsplit(None, 1)[-1] if before.strip() else ""
    return last if last[:1].isupper() and system_maker(last) else ""


@lru_cache(maxsize=64)
def date(sentence: str) -> str | None:
    """The first date-like expression in ``sentence`` ("in March 2024", "last year"), if any."""
    m = _DATE_RE.search(sentence)
    return m.group(0) if m else None
