"""What the words around a place's name say about it.

Whether a capital is a place or stands for its government ("talks in Ankara"
against "Ankara's decision"), whether a name is part of a longer name
("Cairo University", "David's Sling"), and whether a region's adjective names
the region ("European leaders" against "a European diplomat"). Read by
:mod:`geo.resolve`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.data.wordlists import (
    AFTER_PLACE_WORDS,
    BEFORE_PLACE_WORDS,
    CONTINENT_ADJECTIVES,
    FEATURE_NOUN_SEAS,
    FIRM_TAILS,
    SEA_MODIFIED_NOUNS,
    STOP_WORDS,
)
from geo.mentions import Mention

_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|to|from|at|near|outside|around|into|across|toward|towards|via|visit|visited|visiting|"
    r"visits|reached|left|leave|entered|enter|flew|fly|arrived|arriving|returned|landed|hosted by|"
    r"held in|based in|streets of|city of|capital,?|capital of|suburbs of|centre of|center of|"
    r"downtown|of the city|outskirts of|north of|south of|east of|west of|beyond|inside|"
    r"within|hit|struck|shelled|bombed|attacked|attack on|strikes on|toward|retook|retake|recaptured|recapture|"
    r"captured|capture|seized|took|take|besieged|surrounded|stormed|liberated|fall of|siege of|battle of|"
    r"battle for|control of|evacuated|evacuate|fled|flee)\s+(?:the\s+)?"
    r"(?:(?:Ukrainian|Russian|[A-Z][a-z]+n)\s+)?(?:capital,?\s+)?)$",
    re.I,
)
_PLACE_AFTER = re.compile(
    r"^(?:['’]s\s+)?(?:-based\b|\s+(?:visit|visits|summit|talks|meeting|meetings|conference|region|"
    r"oblast|province|city|residents?|mayor|airport|suburbs?|outskirts|streets?|metro|subway|"
    r"hospital|station|office|embassy|centre|center|district|area|port|harbou?r|skyline|"
    r"in\s+\d{4}|time)\b)",
    re.I,
)
# "the Kabul-based government": a government named by its seat
_SEAT_BASED = re.compile(
    r"-based\s+(?:\w+\s+){0,2}(?i:government|authorities|administration|junta|regime|leadership)\b"
)
# "the Moscow-led Eurasian Economic Union", "a Beijing-brokered deal": what the government there does
_LED = re.compile(r"-(?:led|backed|brokered|sponsored|aligned|allied|friendly|funded|financed|armed)\b")
# "David's Sling": a possessive that opens a longer capitalised name
_NAMED_AFTER = re.compile(r"['’]s\s+([A-Z][a-z]+)")
_METONYM_AFTER = re.compile(
    r"^(?:\s*['’]s?\s+(?!\d)\w"  # "Ankara's sale", "Seoul’s decision"
    r"|\s+(?:and\s+[A-Z]\w+\s+)?(?:\w+ly\s+)?(?:has|have|had|is|was|were|will|would|could|should|may|might|must|"
    r"can|cannot|did|does|do|says|said|wants|wanted|sees|saw|appears|seems|insists|denies|denied|warns|"
    r"[a-z]\w*ed|[a-z]\w*[^s\W]s)\b(?!\s+(?:of|in|are|were|have|had|and|or|is|was)\b))"
)
_METONYM_BEFORE = re.compile(
    r"\b(?:by|with|against|between|urged|pressed|accused|warned|criticized|criticised|condemned|"
    r"sanctions on|pressure on|ties with|relations with|talks with|deal with|rift with|"
    r"dispute with|accord with|"
    # a relational noun: "an ally of Beijing", "aid to Kyiv", "condemnation from Seoul"
    r"(?:ally|allies|partner|partners|backer|backers|patron|proxy|proxies|client|rival|rivals|foe|foes|"
    r"adversary|adversaries|enemy|enemies|critic|critics)\s+(?:of|to)|"
    # "Caracas's partners in Moscow and Beijing": the governments seated there
    r"(?:allies|partners|backers|patrons|friends)\s+in|"
    r"(?:aid|assistance|support|weapons|arms|loans?|funding|shipments?|deliveries|sales?|exports?)\s+(?:to|for)|"
    r"(?:condemnation|criticism|protests?|rebuke|anger|pressure|objections?|support|backing|aid|help|"
    r"assistance|funding|weapons|arms|approval|recognition)\s+from|"
    r"turned to|sided with|appealed to|"
    # a verb that acts on a government: "puts Moscow in an awkward position", "giving Moscow a pretext"
    r"puts?|putting|give|gives|giving|gave|given|lets?|letting|told|tells?|telling|ask(?:s|ed|ing)?|"
    r"forc(?:e|es|ed|ing)|persuad\w+|convinc\w+|invit\w+|reassur\w+|isolat\w+|punish\w*|"
    r"court(?:s|ed|ing)|deter(?:s|red|ring)?|embolden\w*|antagoni[sz]\w+|provok\w+|anger(?:s|ed|ing)?|"
    r"alarm(?:s|ed|ing)?|worr(?:y|ies|ied|ying)|lobb(?:y|ies|ied|ying)|thank(?:s|ed|ing)?|appeas\w+|placat\w+|"
    # the state's organs seated there: "the new government in Damascus", "the junta in Niamey"
    r"(?:government|regime|authorities|junta|leadership|administration|rulers)\s+in|"
    r"(?:recogni[sz]ed|recogni[sz]es|recogni[sz]e|recogni[sz]ing|backed|backs|backing|supported|supports|"
    r"supporting|sanctioned|sanctioning|sanctions|threatened|threatens|threatening|blamed|blames|blaming|"
    r"urging|urges|pressing|presses|accusing|accuses|warning|warns|condemning|condemns|"
    r"criticizing|criticising|criticizes|criticises))\s+(?:the\s+)?"
    # and the second of a pair: "condemnation from Seoul and Washington"
    r"(?:(?-i:[A-Z])[\w’'-]*\s+(?:(?-i:[A-Z])[\w’'-]*\s+)?(?:and|or)\s+(?:the\s+)?|(?-i:[A-Z])[\w’'-]*\s*,\s+)?$",
    re.I,
)
# "bought S-400s from Moscow": the seller's government, not the city
_TRADE_FROM = re.compile(
    r"\b(?:buy|buys|buying|bought|purchas\w+|acquir\w+|order\w*|import\w*|receiv\w+|procur\w+|"
    r"obtain\w*|get|gets|got|getting)\b[^.;:!?]{0,80}\bfrom\s+(?:the\s+)?$",
    re.I,
)
# "sold jets to Cairo": the buyer's government
_TRADE_TO = re.compile(
    r"\b(?:sell|sells|selling|sold|suppl\w+|deliver\w*|export\w*|transfer\w*|provid\w+|send|sends|"
    r"sending|sent|ship|ships|shipped|shipping|donat\w+|pledg\w+|promis\w+|gave|give|gives|giving|"
    r"lease[sd]?|leasing|sales?|deliver(?:y|ies)|shipments?)\b[^.;:!?]{0,80}\bto\s+(?:the\s+)?$",
    re.I,
)
# what both end in: a cheap test before the two searches above
_FROM_OR_TO = re.compile(r"\b(?:from|to)\s+(?:the\s+)?$", re.I)
# "Tehran, which arms Hezbollah": an active verb after a relative pronoun
_METONYM_RELATIVE = re.compile(
    r"^\s*,\s+(?:which|who)\s+(?:\w+ly\s+)?(?:has\s+|have\s+|had\s+)?(?!(?:is|was|were|are|been|lies|sits|"
    r"stands|hosts|houses|borders|remains|became|has been|had been|suffered|saw|experienced|endured|"
    r"located|situated|home)\b)[a-z]\w*(?:ed|[^s\W]s)\b(?!\s+(?:by|in|on|at|through)\b)"
)


def is_literal(text: str, m: Mention) -> bool:
    """True when a capital is used as a place; False when it stands for its government.

    A dateline, a locative preposition or a place noun make it a place; a
    verb or a possessive after it, or a relational word before it, make it
    the government; otherwise it is read as a place.
    """
    if m.dateline:
        return True
    return _literal_between(text[max(0, m.start - 100) : m.start], text[m.end : m.end + 40])


@lru_cache(maxsize=4096)
def _literal_between(wide: str, after: str) -> bool:
    """:func:`is_literal` from the 100 characters before the name and the 40 after it.

    A pure function of the two, remembered: a long paste that repeats its sentences asks it again and again.
    """
    before = wide[-40:]
    if _SEAT_BASED.match(after) or _LED.match(after):
        return False  # "the Tripoli-based government": the government seated there; "the Moscow-led union"
    place_after = _PLACE_AFTER.match(after)
    if place_after and not re.match(r"\s+in\s+\d{4}", after):
        return True
    if _METONYM_BEFORE.search(before):
        return False
    if _FROM_OR_TO.search(wide) and (_TRADE_FROM.search(wide) or _TRADE_TO.search(wide)):
        return False
    if place_after or _LOCATIVE_BEFORE.search(before):
        return True
    return not (_METONYM_AFTER.match(after) or _METONYM_RELATIVE.match(after))


def possessive_name(text: str, m: Mention) -> bool:
    """A small town's possessive that opens a longer name ("David's Sling"), not its mayor or its park."""
    after = _NAMED_AFTER.match(text, m.end)
    return after is not None and after.group(1) not in AFTER_PLACE_WORDS


def inside_longer_name(text: str, m: Mention) -> bool:
    """True when a capitalised word runs on into the mention, outside a sentence's start.

    "Jordan" or "Chad" in a person's name, a town's name in an institution's ("Cairo
    University") or an exercise's ("Golden Dragon"); titles and place nouns ("Mayor",
    "Port", "Province") do not count.
    """
    before = re.search(r"([A-Z][\w-]*\w)\s+$", text[max(0, m.start - 25) : m.start])
    after = re.match(r"\s+([A-Z][a-z]+)", text[m.end : m.end + 25])
    if (
        before
        and before.group(1).title() not in BEFORE_PLACE_WORDS
        and before.group(1).lower() not in STOP_WORDS  # "AN Edmonton man" in a headline
        and not re.search(r"[.!?]\s*\S*\s*$", text[max(0, m.start - 25) : m.start])
    ):
        return True
    return bool(after and after.group(1) not in AFTER_PLACE_WORDS)


_NEXT_WORD = re.compile(r"([\s-]?)([A-Za-z]+)")


def names_region(text: str, m: Mention) -> bool:
    """Whether a region's adjective names the region on the map.

    Not a whole continent's ("European", "African"), and not inside a name or a compound.

    >>> t = "Central Asian states met. A European diplomat spoke. The West African Development Bank met."
    >>> names_region(t, Mention(0, 13, "Central Asian", ())), names_region(t, Mention(28, 36, "European", ()))
    (True, False)
    >>> names_region(t, Mention(t.index("African"), t.index("African") + 7, "African", ()))
    False
    """
    if m.text in CONTINENT_ADJECTIVES:
        return False
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is None:
        return True
    gap, word = nxt.groups()
    return not (gap == "-" or word[0].isupper())  # "Asian-Pacific", "Southeast Asian Nations"


def sea_as_adjective(text: str, m: Mention) -> bool:
    """A sea named by a feature noun that modifies what follows: "Gulf capitals", "Gulf-based", "U.S. Gulf Coast".

    >>> t = "Gulf capitals welcomed it. Warships sail in the Gulf. The Gulf remains tense."
    >>> [sea_as_adjective(t, Mention(k, k + 4, "Gulf", ())) for k in (0, t.index("Gulf."), t.rindex("Gulf"))]
    [True, False, False]
    """
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is None or m.text.lower() not in FEATURE_NOUN_SEAS:
        return False  # "Pacific nations": a proper adjective names the region its sea is drawn for
    gap, word = nxt.groups()
    return gap == "-" or (gap == " " and (word[0].isupper() or word in SEA_MODIFIED_NOUNS))


_FIRM_AFTER = re.compile(r"\s+([A-Z][a-z]+)")


def names_firm(text: str, m: Mention) -> bool:
    """Whether the name opens a firm's name ("Israel Shipyards", "Jordan Aerospace").

    >>> t = "boats from Israel Shipyards and Israel Katz"
    >>> names_firm(t, Mention(11, 17, "Israel", ())), names_firm(t, Mention(34, 40, "Israel", ()))
    (True, False)
    """
    after = _FIRM_AFTER.match(text, m.end)
    return after is not None and after.group(1) in FIRM_TAILS
