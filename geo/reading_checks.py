"""Whether a place reading chosen for a mention is plausible in its story, or a namesake to drop.

Read by :mod:`geo.resolve` after it has chosen among a mention's readings: a small town or an
airfield needs its country named and a word that makes it a place ("flew from Evenes"); a small
town far from the story's places, or a province read by another of its names, in a country the
story never names, is a namesake; so is a town placed near another ("Redbank, near Brisbane") far
from every reading of that other, a small foreign town's name on a pipeline ("the Druzhba
pipeline"), and a weapon system's name read as a town abroad ("its ageing Dardo vehicles").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from geo.data.wordlists import FACILITY_NOUNS, alternation
from geo.gazetteer import Entry, Gazetteer, load_gazetteer
from geo.items import system_maker
from geo.mentions import Mention, Reading

__all__ = [
    "SMALL_TOWN_POPULATION",
    "Evidence",
    "far_from_landmark",
    "km",
    "minor_named",
    "named_line",
    "stray_town",
    "system_named",
]

# below this, a town named by one word that runs on into other capitalised words is taken to be
# part of that longer name; bigger towns are named often enough in their own right
SMALL_TOWN_POPULATION = 100_000


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    (la1, lo1), (la2, lo2) = a, b
    p1, p2 = math.radians(la1), math.radians(la2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Evidence:
    """What the rest of the document says, for choosing among a mention's namesakes."""

    doc_iso: Counter[str]  # countries the document names without doubt (by id)
    sub_iso: Counter[str]  # countries of the sub-national places it names without doubt
    state_cues: bool  # the text speaks of US states ("the state of", "Gov.")
    points: tuple[tuple[float, float], ...]  # points of those sub-national places
    area_iso: Counter[str]  # sub_iso, and places whose readings all lie in one country ("Brazzaville")
    distinct: Counter[str] = field(default_factory=Counter)  # distinct sub-national places named, per country
    states: tuple[tuple[float, float], ...] = ()  # points of the states the story names twice or more

    def names_country(self, iso: str) -> bool:
        """The document names the country ``iso`` or a place in it."""
        return bool(self.doc_iso[iso] or self.sub_iso[iso])


def minor_named(text: str, m: Mention, best: Entry, ev: Evidence) -> bool:
    """Whether a small town's or an airfield's bare name names it here ("flew from Evenes").

    It does where the text calls it a base, an airport or a town, or puts it after "at", "from", "to"
    or in a list, or names works after it ("the Sudzha metering point"), in a story that names its country.
    """
    # its country named, not only by such places themselves
    named = bool(best.iso and (ev.doc_iso[best.iso] > 0 or ev.sub_iso[best.iso] > 1))
    if not named or system_maker(m.text):
        return False  # "Akinci drones": a weapon named like a base
    if best.kind == "city":  # a town: "in Pahalgam", "near the town of Panjgur", not "Arab states" or "and Ortega"
        return bool(
            _TOWN_BEFORE.search(text, max(0, m.start - 16), m.start) or _FACILITY_AFTER.match(text, m.end)
        ) or _in_its_country(text, m, best)
    if _AIRFIELD_AFTER.match(text, m.end):
        return True
    if _NAME_GOES_ON.match(text, m.end):
        return False  # "the vice president, Philip Mpango": a person's first name, not the airfield
    return bool(_AIRFIELD_BEFORE.search(text, max(0, m.start - 12), m.start))


def _in_its_country(text: str, m: Mention, best: Entry) -> bool:
    """A town placed in its own country right after it: "Elk in northeastern Poland"."""
    after = _IN_AFTER.match(text, m.end)
    country = load_gazetteer().get(best.iso) if after is not None and best.iso else None
    return after is not None and country is not None and text.startswith(country.name, after.end())


_IN_AFTER = re.compile(r",?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)[\w-]*\s+)?")
_FACILITY_AFTER = re.compile(rf"\s+(?:{alternation(FACILITY_NOUNS)})\b")
_AIRFIELD_AFTER = re.compile(
    r"\s+(?:international\s+)?(?:air base|airbase|air force base|airport|airfield|air station|base)\b", re.I
)
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")
_TOWN_BEFORE = re.compile(r"\b(?:in|at|near|outside|from|to|town of|village of|city of|port of)\s+$")
_AIRFIELD_BEFORE = re.compile(
    r"(?:\b(?:at|from|to|near|over|in|town of|village of|city of|port of|(?i:base|air base|airbase))|,|\band)\s+$"
)


def stray_town(best: Entry, best_r: Reading, ev: Evidence) -> bool:
    """A small town in a country the story never names, far from all its other places.

    Such a town is a namesake of a place the gazetteer lacks ("Mount Pleasant" in a story of the
    Falklands is not the American town; "the Stabroek block" off Guyana is no Belgian town): better
    unmapped than mapped on another continent. The town's own mentions do not name its country,
    and the story's other places are its points and the states it names more than once. So is a
    province read by another of its names in a story that never names its state, however near
    ("the Southern Province" in a story of Sri Lanka is no Afghan province that also goes by it).
    """
    small = best.kind == "city" and best.population < SMALL_TOWN_POPULATION
    other_name = best.kind == "admin1" and best_r.how in ("alt", "alias")
    if not (small or other_name) or best_r.how == "capital" or not best.iso:
        return False
    if other_name:
        return len(ev.points) >= 2 and not ev.names_country(best.iso)
    if ev.doc_iso[best.iso] > 0 or ev.distinct[best.iso] > 1:
        return False  # its country named, and not only by this town itself
    here = (best.lat, best.lon)
    others = [pt for pt in ev.points if km(pt, here) > 1] + list(ev.states)
    return bool(others) and min(km(here, pt) for pt in others) > _STRAY_KM


_STRAY_KM = 3000


# "Redbank, near Brisbane", "Bishoftu, south-east of the capital Addis Ababa", "a base outside Erbil"
_NEAR = re.compile(
    r",?\s+(?:near|outside|close to|not far from|(?:just\s+)?(?:north|south|east|west)(?:[\w-]*)\s+of)\s+(?:the\s+)?"
    r"(?:(?:city|town|port|capital)\s+(?:of\s+)?)?"
)
_LANDMARK_KM = 500


def far_from_landmark(text: str, m: Mention, nxt: Mention | None, best: Entry, gaz: Gazetteer) -> bool:
    """A town placed near another ("X, near Y") whose reading lies far from every reading of Y."""
    if nxt is None or best.kind not in ("city", "admin1", "other") or not _NEAR.fullmatch(text, m.end, nxt.start):
        return False
    entries = [gaz.get(r.id) for r in nxt.readings if r.actor is None]
    refs = [e for e in entries if e is not None and e.kind in ("city", "admin1")]
    return bool(refs) and all(km((best.lat, best.lon), (e.lat, e.lon)) > _LANDMARK_KM for e in refs)


_LINE_AFTER = re.compile(r"\s+(?:(?:oil|gas|crude|power|export)\s+)?(?:pipeline|cable|interconnector)s?\b", re.I)


def named_line(text: str, m: Mention, best: Entry, ev: Evidence) -> bool:
    """A pipeline or cable named by a small town's name alone, in a country the story never names.

    A line named for its ends ("the Kirkuk-Ceyhan pipeline") names its towns; "the Druzhba pipeline",
    in a story of Hungary and Slovakia, names no town in Uzbekistan.
    """
    if best.kind != "city" or best.population >= SMALL_TOWN_POPULATION or not best.iso:
        return False
    if text[max(0, m.start - 1) : m.start] in ("-", "‐", "–"):
        return False
    if ev.doc_iso[best.iso] > 0 or ev.sub_iso[best.iso] > 1:
        return False  # its country named, and not only by this town itself
    return bool(_LINE_AFTER.match(text, m.end))


def system_named(m: Mention, best: Entry, best_r: Reading, ev: Evidence) -> bool:
    """A weapon system's name read as a town by another of the town's names, or abroad ("its ageing Dardo").

    The systems table knows "Dardo" as an Italian vehicle; the Chinese town that also goes by it is
    no place of a story of Italy's army. A town's own name in a story of its country stays ("Hisar").
    """
    if best.kind != "city" or best_r.how == "capital" or system_maker(m.text) is None:
        return False
    return best_r.how == "alt" or not (best.iso and ev.doc_iso[best.iso] > 0)
