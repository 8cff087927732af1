"""The stage of a transfer (delivered, ordered, planned, frozen), read from the words of its clause.

:mod:`geo.relations` hands :func:`status` the stretch of a sentence around a
transfer cue (its clause, and the clause before when that one holds the
subject) and the cue word itself. Words that tell a stage outright come first
(a deal agreed, a fleet in service, a purchase told in an aside), then the
tense and the modal words around the cue.

Examples
--------
>>> status("Ukraine will buy 50 more drones", "buy")
'planned'
>>> status("the 80 jets that Egypt bought in 2001 will remain its backbone", "bought")
'delivered'
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=4096)
def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A compiled pattern, cached: the module's own, and those each cue word makes (see :func:`_before_cue`)."""
    return re.compile(pattern, flags)


_FROZEN = _rx(
    r"\b(?:froze|frozen|freez\w*|collaps\w*|suspend\w*|cancel+\w*|halt\w*|block(?:s|ed|ing)\b|scrap\w*|"
    r"stall\w*|interdict\w*|seiz\w*|intercept(?:s|ed|ing)?\b|vetoe?d?|banned|barred|fell through|abandon(?:s|ed|ing)?|"
    r"called off|put on hold|paus(?:e|es|ed|ing)\b|h[eo]ld(?:s|ing)? back|withh[eo]ld\w*|tried to|attempt\w*|"
    r"stopp?(?:ed|ing)|"
    r"cut off|cut-off|cutting off|no longer|shelv\w*|revok\w*|revoca\w*|"
    r"cut(?:s|ting)? (?:[\w-]+ ){0,2}(?:supplies|deliveries|exports|flows|shipments|aid|funding)|"
    r"(?:need\w*|requir\w*) (?:\w+ ){0,2}licen[cs]es? to|"
    r"postpon\w*|restrict(?:s|ed|ing)?\b|curb(?:s|ed|ing)\b|prohibit\w*|"
    r"refus\w* (?:\w+ ){0,3}(?:permission|licen[cs]es?)|"
    r"end(?:ed|ing) (?:\w+ ){0,2}(?:deliveries|supplies|exports|imports|shipments|flows|sales|purchases)|"
    # "received Russian gas through Ukraine until the end of December": a flow that has stopped
    r"(?:received|supplied|delivered|pumped|imported|exported|shipped) (?:[\w-]+ ){1,6}until (?:the end of|last|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|\d{4}|recently))\b"
)
_AS_EXPECTED = _rx(r"\bas (?:planned|scheduled|expected|agreed|promised|intended)\b", re.I)
_BAN = _rx(r"\b(?:bans?|restrictions?|curbs)\b", re.I)
_BAN_EASED = _rx(
    r"\b(?:lift\w*|eas\w*|relax\w*|loosen\w*|end\w*|scrap\w*|overturn\w*)\s+(?:\S+\s+){0,4}(?:bans?|restrictions?|curbs)\b",
    re.I,
)
_PLANNED = _rx(
    r"\b(?:will|would|wants? to|plans?|planned|planning|intends?|aims?|agreed to|desire|requests?|requested|"
    r"announc\w+|discuss\w*|decision to|"
    r"commitments?|committed|pledged?|promised?|expected to|to be|seeks?|seeking|"
    r"could|(?-i:may)|might|interested|proposed|considering|talks|negotiat\w*|offer\w*|"
    r"upcoming|future|another|to expand|to construct|set up|approv\w*|"
    r"cleared (?:the|a) (?:possible |potential )?sale|possible sale|potential sale|to buy|to purchase|to acquire)\b",
    re.I,
)
_ORDERED = _rx(
    r"\b(?:ordered|orders?|signed (?:a |an )?(?:\w+ )?(?:contract|deal|agreement)|contracts?|"
    r"deal worth|worth|purchase agreement|framework (?:agreement|deal)|agreement|deal|"
    r"(?:is|are) (?:\w+ )?(?:acquiring|buying|purchasing|procuring))\b",
    re.I,
)
_DELIVERED = _rx(
    r"\b(?:already|delivered|received|arrived|rolled in|rolled into|handed over|has handed|have handed|"
    r"were used|was used|used|sold|supplied|provided|transferred|shipped|sent|"
    r"donated|bought|purchased|acquired|imported|deployed|since (?:\w+ )?\d{4}|gave|gifted|handed|gets|got|"
    r"borrowed|lent|"
    r"(?:began|started) (?:buying|receiving|importing)|"
    r"buys|sells|supplies|receives|imports|is receiving|are receiving|came from|comes from|draws|drew|takes|"
    r"(?<!to )(?<!will )(?<!would )(?:receive|import)|"
    r"provides(?! for)|delivers|hands over|sends|inducted|commissioned|completed|entered service|in service|"
    r"(?:is|are|was|were|been) (?:\w+ly )?(?:shipping|supplying|sending|delivering|providing|transferring|selling)|"
    r"supplier|suppliers|customer|customers|uses|(?:a|per) (?:year|day|month)|annually|"
    r"ha(?:s|ve|d) (?:\w+ )?(?:been )?(?:\w+ed|sold|sent|given)|"
    r"ha(?:s|ve) been (?:buying|receiving|importing|acquiring|supplying|selling|sending|"
    r"delivering|providing|shipping|exporting))\b",
    re.I,
)


_FUTURE = _rx(
    r"\b(?:will|would|wants? to|plans? to|planning to|intends? to|aims? to|expected to|(?:is|are) due to|could|"
    r"(?-i:may)|might|"
    r"seeks? to|seeking to|hopes? to|is to|are to|to be|considering|upcoming|future|(?<![^e]ed )another|"
    r"letters? of intent|memorand(?:um|a) of understanding)\b",
    re.I,
)
_SIGNED = _rx(
    r"\b(?:ordered|signed|contract|deal worth|worth \$|worth (?:US)?\$|purchase agreement"
    r"|framework (?:agreement|deal))\b",
    re.I,
)
_UNDER_DEAL = _rx(r"\bunder (?:the|a|an|this|that|its|their) (?:[\w-]+ ){0,3}(?:contract|deal|agreement)\b", re.I)
_PERFECT = _rx(r"\b(?:already|have|has|had)\s+(?:\w+\s+)?(?:been\s+)?\w+ed\b(?!\s+to\b)", re.I)


_REPUTED = r"(?:widely\s+)?(?:estimated|believed|thought|said|reported|understood|known)"
_PROSPECT = _rx(r"\b(?:potential|prospective|possible|likely|would-be)\s+(?:\w+\s+)?(?:buyers?|customers?)\b", re.I)
_AGREED = _rx(r"\bagreed (?:\w+ ){0,3}to (?:buy|purchase|acquire|order|sell)\b", re.I)
_AGREED_GIFT = _rx(r"\bagreed (?:\w+ ){0,3}to (?:provide|supply|deliver|transfer|donate|give|send)\b", re.I)
_IN_SERVICE = _rx(
    r"\balready (?:\w+ ){0,1}(?:flies|fly|operates|operate|fields|field|uses|use)\b"
    r"|\b(?:has|have) (?:long )?(?:flown|operated|fielded)\b"  # "has flown 14 Gripens leased from Sweden"
    r"|\b(?:that|which) (?:still )?(?:remains?|are|is) (?:still )?(?:in service|the backbone)\b"
    r"|\b(?:is|are) (?:still |now )?(?:importing|receiving|buying|getting) (?:[\w-]+ ){0,4}?"  # a flow going on
    r"(?:oil|crude|gas|lng|electricity|power|coal|grain|wheat|fuel|diesel|petrol|gasoline|uranium|fertili[sz]ers?)\b",
    re.I,
)
_APPROVED = _rx(
    r"\b(?:approv\w+|authori[sz]\w+|cleared|greenlit|green-lit|green light|go-ahead|signed off on"
    r"|(?:allow(?:s|ed)|permitted) (?:the )?(?:exports?|sales?|transfers?|deliver\w*|shipments?))\b",
    re.I,
)
_AWAITED = _rx(r"\b(?:speed up|accelerate|expedite|await\w*|pending|delayed|delays|backlog)\b", re.I)
_ON_ORDER = _rx(
    r"\b(?:on order|due (?:for delivery|to arrive|by|in)|yet to|deliveries (?:are )?(?:due|expected|to begin))\b", re.I
)
_DELIVERED_NOW = _rx(r"\b(?:arrived|received|already|handed over|has delivered|have delivered|were delivered)\b", re.I)


# the words before a cue that tell its stage (see _before_cue): "began supplying", "is estimated to supply"
_UNDER_WAY = (  # also past a time: "began in March supplying gas to Turkey"
    r"(?i)\b(?:began|begun|begins|started|starts|continu\w*(?: to)?|keeps?|keeping|kept)\s+"
    r"(?:(?:in|last|this|early|late)\s+\w+\s+)?"
)
_ORDERED_TO_STOP = (
    r"(?i)\b(?:ordered|told|forced|required|decided|agreed|voted)\s+(?:[\w-]+\s+){0,3}to\s+(?:stop|end|cease)\s+"
)
_TO_STOP = r"(?i)\b(?:stop|halt|cut off|end|suspend)\s+"
_RECKONED = r"(?i)\b(?:is|are|was|were)\s+" + _REPUTED + r"\s+to\s+(?:have\s+)?"
_FIRST_TO = r"(?i)\b(?:became|was|were)\s+(?:the|its)\s+(?:first|second|third|only)\s+(?:[\w-]+\s+){0,3}to\s+"
_PERFECT_OF = r"(?i)\b(?:already|ha(?:s|ve|d))\s+(?:\w+\s+)?(?:been\s+)?"
_AND_DONE = r"(?i)\band\s+(?:\w+ly\s+)?"
_STILL = r"(?i)\bstill\s+(?:\w+ly\s+)?"
_FLOWING = r"(?i)\b(?:is|are|was|were|been)\s+(?:still\s+|now\s+|already\s+|quietly\s+|secretly\s+)?"
_IS_ARE = r"(?i)\b(?:is|are)\s+(?:also\s+|now\s+|currently\s+)?"
_FLEET_OF = r"(?i)\b(?:operates|operate|flies|fly|fields|field)\s+(?:[\w-]+\s+){0,6}?"
_RELATIVE = r"(?i)\b(?:that|which)\s+(?:[\w'’-]+\s+){1,4}?"
_REDUCED = (
    r"(?i)\b(?!(?:it|they|he|she|we|you|i|has|have|had|was|were|is|are|be|been|being|to|not|never)\s)[a-z][\w-]*\s+"
)


def _before_cue(lead: str, cue: str, window: str, tail: str = r"\b") -> bool:
    """Whether ``window`` holds the words of ``lead`` right before the cue word (and ``tail`` after it).

    Every cue word makes patterns of its own, more than the re module's cache keeps, and compiling
    one costs more than the search: each is compiled once, and only for a window that holds its lead
    (without the lead the whole pattern cannot match).
    """
    if _rx(lead).search(window) is None:
        return False
    return _rx(lead + re.escape(cue) + tail).search(window) is not None


# a contract or deal signed, up to four words before its noun: "signed a US$700 million contract"
_SIGNED_A = r"(?i)\bsigned\s+(?:a|an|the|its|their)\s+(?:[\w$.,-]+\s+){0,4}"
# past tenses of handing over, and the year they are dated by: "delivered to the Philippines in 2022"
_DONE_VERBS = r"(?i)delivered|supplied|donated|gifted|sold|shipped|sent|handed over|transferred|provided"
_IN_YEAR = r"\s+(?:[\w'’-]+\s+){0,4}?(?:in|between|during)\s+(?:19|20)\d\d\b"


def _told_stage(window: str, cue: str) -> str:
    """A stage some words tell outright, whatever the tense: a deal agreed, a supplier chosen, a fleet in use."""
    told = _told_by_deal(window, cue)
    if told:
        return told
    if cue and _before_cue(_UNDER_WAY, cue, window):
        return "delivered"  # "began pumping gas to Uzbekistan", "continues to flow", "will keep sending": under way
    if cue and _before_cue(_ORDERED_TO_STOP, cue, window):
        return "frozen"  # "a court ordered the Netherlands to stop exporting F-35 parts": stopped by order
    if cue and _before_cue(_TO_STOP, cue, window):
        return "delivered"  # "could stop supplying electricity to Ukraine": only the stopping is to come
    if cue and _before_cue(_RECKONED, cue, window):
        return "delivered"  # "is estimated to supply 40% of Israel's oil": a flow told as a reckoning
    if cue and _before_cue(_FIRST_TO, cue, window):
        return "delivered"  # "became the first European country to receive Chinese drones": it did
    if re.fullmatch(r"(?i)bought|purchased|acquired|obtained", cue) and _before_cue(
        r"(?i),\s+", cue, window, r"\s+(?:[\w-]+\s+){0,2}from\b"
    ):
        return "delivered"  # "its four submarines, bought second-hand from Britain in 1998,": a purchase of the past
    if _bought_before(window, cue):
        # "the 80 jets that Egypt bought from the US in 2001 will remain its backbone"; "the radars it
        # bought last year will arrive in 2027": bought, and still to come
        return "ordered" if _still_to_come(window) else "delivered"
    if re.fullmatch(r"(?i)buyers?|customers?|importers?|purchasers?", cue) and not _PROSPECT.search(window):
        return "" if _FUTURE.search(window) else "delivered"  # "the biggest buyer of Iranian oil": it buys
    return _under_way(window, cue)


def _told_by_deal(window: str, cue: str) -> str:
    """A stage a deal's words or the cue's own date tell: agreed, chosen, signed, in service, done in a year."""
    if _AGREED.search(window):
        return "ordered"  # "agreed on Thursday to buy 12 Rafale jets": a deal reached
    if _AGREED_GIFT.search(window):
        return "planned"  # "agreed Friday to provide the Philippines with radars": promised, nothing bought
    if re.fullmatch(r"(?i)select(?:s|ed)?|chose|chosen|choose|picked|picks|opted|offer(?:s|ed|ing)?", cue):
        return "planned"  # "has selected the Type 26 frigate", "offered Pakistan 40 jets": no contract yet
    if cue.lower() == "signed" and re.search(r"(?i)\bsigned for\b", window):
        return "ordered"  # "also signed for two submarines, to be built locally": a contract made, whatever else flies
    if _IN_SERVICE.search(window):
        return "delivered"  # "the air force already flies 72 Typhoons bought from the UK"
    if re.fullmatch(r"(?i)contracts?|deals?", cue) and _before_cue(_SIGNED_A, cue, window):
        return "ordered"  # "signed a deal with Turkey's STM for three ships, to be built in Istanbul": a contract made
    if re.fullmatch(_DONE_VERBS, cue) and _before_cue(r"(?<!\bbe )(?<!\bbeen )", cue, window, _IN_YEAR):
        return "delivered"  # "the two cutters Japan delivered in 2022" (they will join the fleet): a dated past
    return ""


_GOODS_AWAITED = _rx(r"\b(?:expects?|expected|expecting|due|set|scheduled)\s+to\s+(?:take\s+delivery|receive)\b", re.I)
_FLOW_VERBS = "exporting|supplying|shipping|selling|sending|delivering|pumping|providing|smuggling|transferring"


def _under_way(window: str, cue: str) -> str:
    """A transfer told as going on: goods flowing, goods being built for a buyer, goods awaited by one.

    "still ships half its crude to China", "was exporting 150 tons of coltan to Rwanda" (a flow: delivered);
    "the submarines China is building for Pakistan" (a contract being filled: ordered); "expects to take
    delivery of further helicopters" (ordered).
    """
    if not cue:
        return ""
    if not cue.endswith("ing") and _before_cue(_STILL, cue, window):
        return "delivered"  # "it still ships half its crude to China", "utilities still buy uranium from Russia"
    if re.fullmatch(rf"(?i){_FLOW_VERBS}", cue) and _before_cue(_FLOWING, cue, window):
        return "delivered"
    if re.fullmatch(r"(?i)building|constructing", cue) and _before_cue(_IS_ARE, cue, window):
        return "ordered"
    return "ordered" if _GOODS_AWAITED.search(window) else ""


_STILL_TO_COME = _rx(
    r"\b(?:will|would|is to|are to|to)\s+(?:be\s+)?(?:arrive|delivered|handed over|come|reach)\b", re.I
)


def _bought_before(window: str, cue: str) -> bool:
    """A purchase told in the past inside a relative or reduced clause, whatever the main clause says.

    "the jets that Egypt bought in 2001 will remain its backbone", "batteries bought from Russia in the
    1990s": the future of the main clause is not the purchase's.
    """
    if not re.fullmatch(r"(?i)bought|purchased|acquired", cue):
        return False
    return _before_cue(_RELATIVE, cue, window) or _before_cue(
        _REDUCED, cue, window, r"\s+(?:second-hand\s+|new\s+)?(?:from|in|under|for|since)\b"
    )


def _still_to_come(window: str) -> bool:
    """Words saying the goods of a purchase have not all arrived ("will arrive in 2027", "on order")."""
    return bool(_STILL_TO_COME.search(window) or _ON_ORDER.search(window) or _AWAITED.search(window))


def _order_told(window: str, cue: str) -> str:
    """The stage of goods ordered or bought, told by the words around the order itself."""
    if re.fullmatch(r"(?i)bought|purchased|acquired|ordered", cue) and _before_cue(
        _FLEET_OF, cue, window, r"\s+(?:second-hand\s+)?(?:from|in)\b"
    ):
        return "delivered"  # "its army operates 24 K9 howitzers ordered from Hanwha in 2017": in service
    if cue.lower() == "ordered" and re.search(r"(?i)\b(?:it|they|which|that)\s+(?:\w+\s+)?ordered\b", window):
        return "ordered"  # "speed up deliveries of the 10 jets it ordered": bought, not yet all here
    if cue.lower() == "ordered" and re.search(r"(?i)\b\w+s\s+ordered\s+(?:from|by|in)\b", window):
        return "ordered"  # "the five fire units ordered from the US in 2022 will be late": ordered, whatever follows
    if re.fullmatch(r"(?i)deliver(?:y|ies)", cue) and _AWAITED.search(window):
        return "ordered"  # "would speed up delivery of six helicopters already purchased": still to come
    return ""


def status(window: str, cue: str) -> str:
    """The stage of a transfer from the words around its cue (see the module docstring)."""
    window = _AS_EXPECTED.sub(" ", window)  # "separated from the rocket as planned": no plan
    perfect: bool | None = None

    def is_perfect() -> bool:
        # "has supplied", "have been buying", "already delivered": the perfect of the cue itself, not of
        # another verb of the clause ("has linked the ratification to Turkey's desire to buy")
        nonlocal perfect
        if perfect is None:
            perfect = _before_cue(_PERFECT_OF, cue, window) if cue else bool(_PERFECT.search(window))
        return perfect

    if _FROZEN.search(window) or (_BAN.search(window) and not _BAN_EASED.search(window)):
        return "frozen"  # "a ban on Chinese exports of gallium"; not "eased its postwar ban on arms exports"
    told = _order_told(window, cue) or _told_stage(window, cue)
    if told:
        return told
    # "said it would upgrade its mission and handed over ambulances": a past tense after "and" is no plan
    done = cue.lower().endswith("ed") and _before_cue(_AND_DONE, cue, window)
    if _FUTURE.search(window) and not is_perfect() and not done:
        return "ordered" if _UNDER_DEAL.search(window) else "planned"  # "under the contract, X will deliver"
    if _APPROVED.search(window) and not _DELIVERED_NOW.search(window):
        return "planned"  # "has approved the delivery of 50 tanks": approved, not yet delivered
    if _delivery_told(window, cue):
        return "delivered"  # "received the first jets under a 2021 contract": the delivery is the news
    if _SIGNED.search(window) or re.fullmatch(r"(?i)order(?:s|ed)?", cue) or _ON_ORDER.search(window):
        return "ordered"  # "on order", "deliveries due in 2027", "yet to arrive": still to come
    if _PLANNED.search(window):
        # "has promised six jets", "has requested 40 jets": a pledge or a request made is still a plan
        pledge = re.fullmatch(r"(?i)pledged?|promised?|committed|offered|requested|sought|asked for|wanted", cue)
        return "planned" if pledge is not None or not is_perfect() else "delivered"
    if _ORDERED.search(window):
        return "ordered"
    if _DELIVERED.search(window) or _DELIVERED.search(cue):
        return "delivered"
    return "unknown"


_DELIVERY_CUES = _rx(
    r"received|delivered|handed over|handed|gave|donated|gifted|shipped|arrived|delivery|deliveries|shipments?"
    r"|arrival|took|taken|provides|supplies|delivers|gets|got|ships|exports|imports|receives|sends|sells|pumps|flows?"
    r"|flowing|sent|flew|flown|ferried|airlifted|transported|transferred|supplied|landed|reached|docked|built"
    r"|constructed|taking|released",
    re.I,
)


def _delivery_told(window: str, cue: str) -> bool:
    """A cue that tells a delivery made whatever the words around it say (no future or plan among them).

    "received the first jets", "taking delivery of 24 fighters", "built 12 boats for" (not "being built"),
    "India, which bought 36 Rafales under a 2016 deal" (a purchase told as done, unless still awaited).
    """
    low = cue.lower()
    if _DELIVERY_CUES.fullmatch(cue):
        if low in ("took", "taken", "taking"):
            return bool(re.search(r"(?i)\b(?:took|taken|taking) delivery\b", window))
        if low in ("built", "constructed"):
            return not re.search(rf"(?i)\b(?:being|be)\s+{low}\b", window)
        return True
    return low in ("bought", "purchased") and not _AWAITED.search(window) and not _ON_ORDER.search(window)


# the deal noun is the subject of an undoing verb past an aside: "several deals, including a 2018 agreement to buy
# 11 Su-35 fighters, were shelved"
_DEALS_UNDONE = _rx(
    r"(?:deals?|contracts?|agreements?|orders?|purchases?|sales?)\b[^.;:]*?,\s+"
    r"(?:was|were|has been|have been|had been)\s+(?:\w+\s+)?"
    r"(?:stalled|scrapped|cancell?ed|shelved|frozen|suspended|postponed|called off|halted|abandoned)\b",
    re.I,
)
_DEAL_UNDONE = _rx(
    r"(?:\bbut|,|;)\s+(?:the|that|this|a)\s+(?:deal|contract|order|sale|purchase|agreement|scheme|plan|project|talks)"
    r"\s+(?:(?:it|that|which|they)\s+)?(?:(?:was|were|has|have|had|been|later|since|then|eventually|subsequently)\s+)*"
    r"(?:stalled|scrapped|cancell?ed|shelved|collapsed|froze|frozen|suspended|postponed|fell through|called off"
    r"|put on hold|halted|tore up|torn up|abandoned)\b",
    re.I,
)


_ARRIVAL_TOLD = _rx(
    r"^[^;:]{0,160}?,\s+(?:(?:the bulk|most|all|some|many|half|several|the first \w+|\w+) of\s+)?which\s+"
    r"(?:(?:have|has|had|were|was|since|now|already|all|finally|been)\s+)*"
    r"(?:delivered|arrived|entered service|handed over)\b"
    # a participle joined to the cue's: "designed by Daewoo and delivered between 2017 and 2021"
    r"|^(?:designed|built|made|developed)\s+by\s+[^;:,]{1,60}?\s+and\s+(?:later\s+)?(?:delivered|handed over)\b"
    # "ordered ..., and all of them had been delivered by 2019"
    r"|^[^;:]{0,160}?\b(?:all|most|the bulk|each|both) of (?:them|these|those)\s+(?:have|has|had|were|was)\s+"
    r"(?:since\s+|now\s+|already\s+)?(?:been\s+)?(?:delivered|handed over)\b"
    # the main verb after the cue's reduced relative: "corvettes ordered from ASFAT in 2018 had been delivered"
    r"|^[^;:,]{0,100}?\s(?:had|have|has)\s+(?:all\s+|since\s+|now\s+|already\s+)*been\s+(?:delivered|handed over)\b"
    r"|^[^;:,]{0,100}?\s(?:was|were)\s+(?:all\s+|finally\s+)?(?:delivered|handed over)\b"  # "... was delivered in May"
    # "ordered from the United States in 2011 and delivered between 2014 and 2018"
    r"|^[^;:,]{0,80}?\sand\s+(?:later\s+|then\s+)?delivered\s+(?:in|between|from|by|during)\s+(?:19|20)\d\d\b",
    re.I,
)


def stage_after(rest: str) -> str:
    """A stage the words after a transfer's cue tell of its deal or its goods, or "".

    The deal came to nothing: "ordered 24 jets in 2018, but the deal stalled", "chose France to design 12
    submarines, a deal it scrapped in 2021", "signed an agreement to import gas, but the scheme has stalled".
    The goods came: "ordered 24 Rafales, the bulk of which have since been delivered", "its purchase of six
    drones, which arrived in 2020".
    """
    if _DEAL_UNDONE.search(rest) or _DEALS_UNDONE.match(rest):
        return "frozen"
    return "delivered" if _ARRIVAL_TOLD.search(rest) else ""
