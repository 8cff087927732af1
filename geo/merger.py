"""Findings merged into relations: one slot per relation, transfers by item and stage.

Every sentence's findings come to :class:`Merger` in reading order; two statements of one
relation share a slot with both sentences as evidence. A transfer's slot is its two ends, its
item (the system name, else the head noun) and its stage; a later stage of the same item moves
the slot along, unless the sentence tells a further deal ("another 50 drones").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from geo.data.wordlists import ITEM_SYNONYMS
from geo.items import designations, system_names
from geo.relations import Finding
from geo.scene import Span

__all__ = ["Merger", "end_of", "split_end"]


# item keys that name no system or kind: "arms", "weapons", "military equipment"
_GENERIC_ITEMS = frozenset({"arm", "weapon", "weaponry", "equipment", "hardware", "military aid"})

# words that make a statement a further deal of the same item: "another 50 drones", "12 more jets"
_MORE = re.compile(r"(?i)\b(?:another|more(?! than)|additional|further|follow-on|second batch|new batch)\b")

# the stages of a transfer, in the order a later statement may move it along
_STAGES = ("unknown", "planned", "ordered", "delivered", "frozen")


@lru_cache(maxsize=4096)
def _item_key(item: str | None) -> str:
    """What makes two statements about one transfer the same item: its system name, else its head noun."""
    if not item:
        return ""
    from geo.items import _HEAD_RE

    heads = _HEAD_RE.findall(item.lower())
    if not heads:
        return item.lower()
    head = heads[-1]
    if head in ITEM_SYNONYMS:
        return ITEM_SYNONYMS[head]
    head = re.sub(r"(?:s|es)$", "", head) if not head.endswith(("ss", "gas")) else head  # "gas" is no plural
    return ITEM_SYNONYMS.get(head, head)


def _names_government(sentence: str) -> bool:
    """Whether a sentence names a state's government ("Lebanon's government", "the authorities in Kinshasa")."""
    from geo.grammar import load_grammar

    return not load_grammar().words["governance_nouns"].isdisjoint(re.findall(r"[a-z]+", sentence.lower()))


def end_of(place_id: str, actor: str | None) -> str:
    """A relation end: the place id, with the non-state actor after "@" when one is named."""
    return f"{place_id}@{actor}" if actor else place_id


def split_end(end: str) -> tuple[str, str | None]:
    """The place id and the actor (or None) of a relation end."""
    place_id, _, actor = end.partition("@")
    return place_id, actor or None


class Merger:
    """The findings of every sentence, merged into one slot per relation, in first-seen order.

    Every look-up is a dict or set probe, or a scan of the few transfers between the same two
    ends: a 2 MB article of one sentence repeated gives tens of thousands of findings for one
    relation, and scans of every key and every evidence made it quadratic.
    """

    def __init__(self) -> None:
        self.merged: dict[tuple, dict] = {}
        self.order: list[tuple] = []
        self.position: dict[tuple, int] = {}  # key -> its index in order
        self.between: dict[tuple, list[tuple]] = {}  # (transfer, source, target) -> its keys, in order
        self.first_of_item: dict[tuple, tuple] = {}  # (transfer, source, target, item) -> its first key
        self.systems: dict[tuple, set[str]] = {}  # key -> the system names of its item
        self.by_end: dict[tuple, list[tuple]] = {}  # (kind, place, place) -> its keys, groups or not
        self.covers: dict[tuple, tuple] = {}  # key -> the slot that covers it (fold_covered)
        self.further: set[tuple] = set()  # transfer keys whose first statement tells a further deal

    def rename(self, old: tuple, new: tuple) -> None:
        """``old`` becomes ``new``, in the same place of the order."""
        self.merged[new] = self.merged.pop(old)
        self.order[self.position[old]] = new
        self.position[new] = self.position.pop(old)
        ends = self.between[old[:3]]
        ends[ends.index(old)] = new
        if self.first_of_item.get(old[:4]) == old:
            self.first_of_item[old[:4]] = new
        self.systems[new] = self.systems.pop(old, set())
        if old in self.further:
            self.further.discard(old)
            self.further.add(new)

    def _before_further(self, key: tuple, status: str) -> bool:
        """Whether a statement at ``status`` tells an earlier deal than the further deal of slot ``key``.

        "signed for 12 more jets" then "received 12 jets in 2017": the jets received came before the new
        order. "The jets will be delivered from 2028" is that order's own future, and joins it.
        """
        return key in self.further and _STAGES.index(status) > _STAGES.index(key[4])

    def transfer_key(self, f: Finding, sentence: str = "") -> tuple:
        """The slot of a transfer: one per system, item and stage between the same two ends."""
        src, dst = end_of(f.source, f.source_actor), end_of(f.target or "", f.target_actor)
        key: tuple = ("transfer", src, dst, _item_key(f.item), f.status)
        named = system_names(f.item)
        earlier = system_names(self.merged[key]["finding"].item) if key in self.merged else frozenset()
        if named and earlier and earlier.isdisjoint(named):
            # "Aksungur drones" and "Akinci drones": two systems, two transfers, though both are drones
            key = ("transfer", src, dst, f"{key[3]}|{'/'.join(sorted(named))}", f.status)
        # "BrahMos missiles" and "three batteries of the BrahMos": one system, one transfer
        names = designations(f.item)
        more = _MORE.search(sentence) is not None  # "wants to buy another 50 drones": a new deal, not the same one
        for k in self.between.get(key[:3], []) if names else ():
            if "frozen" in (k[4], f.status) and k[4] != f.status:
                continue
            if k[4] != f.status and (more or self._before_further(k, f.status)):
                continue  # "12 more jets" ordered and "received 12 jets": two deals of one system
            if names & self.systems[k]:
                # one system, one transfer; its stage is the furthest either statement reached
                stage = max(k[4], f.status, key=_STAGES.index)
                key = ("transfer", src, dst, k[3], stage)
                if key != k and key not in self.merged:
                    self.rename(k, key)
                    self.merged[key]["finding"] = replace(self.merged[key]["finding"], status=stage)
                elif key != k:
                    key = k
                break
        # a later stage of the same item joins its earlier statement ("began pumping gas", "would supply gas")
        same = [
            k
            for k in self.between.get(key[:3], [])
            if k[3] == key[3]
            and k[4] not in ("unknown", "frozen")
            and not (names and self.systems.get(k) and names.isdisjoint(self.systems[k]))  # "J-35" is no "J-10C"
            and not self._before_further(k, f.status)
        ]
        if same and key not in self.merged and f.status not in ("unknown", "frozen") and not more:
            k = same[0]
            stage = max(k[4], f.status, key=_STAGES.index)
            key = ("transfer", src, dst, k[3], stage)
            if key != k:
                self.rename(k, key)
                self.merged[key]["finding"] = replace(self.merged[key]["finding"], status=stage)
        # a statement without status joins an earlier one about the same item
        unknown = ("transfer", src, dst, _item_key(f.item), "unknown")
        if f.status == "unknown":
            key = self.first_of_item.get(key[:4], key)
        elif unknown in self.merged and key not in self.merged:
            self.rename(unknown, key)
            self.merged[key]["finding"] = f
            self.systems[key] = designations(f.item)
        return key

    def key_of(self, f: Finding, sentence: str = "") -> tuple:
        """The slot a finding joins (transfers may rename an earlier slot)."""
        if f.kind == "transfer":
            return self.transfer_key(f, sentence)
        if f.kind in ("alliance", "conflict"):
            a, b = sorted([end_of(f.source, f.source_actor), end_of(f.target or "", f.target_actor)])
            return (f.kind, a, b)
        if f.kind == "influence":
            return ("influence", f.source, tuple(sorted(f.members)))
        return (f.kind, end_of(f.source, f.source_actor), end_of(f.target or "", f.target_actor))

    def add(self, f: Finding, ev: Span) -> None:
        """Merge one finding and the sentence that states it."""
        key = self.key_of(f, ev.text)
        if key not in self.merged:
            self.merged[key] = {"finding": f, "evidence": {}, "cues": {}, "conf": f.confidence}
            self.position[key] = len(self.order)
            self.order.append(key)
            if key[0] in ("alliance", "conflict", "support"):  # the same two places, with or without a group
                self.by_end.setdefault((key[0], key[1].partition("@")[0], key[2].partition("@")[0]), []).append(key)
            if key[0] == "transfer":
                self.between.setdefault(key[:3], []).append(key)
                self.first_of_item.setdefault(key[:4], key)
                self.systems[key] = designations(f.item)
                if _MORE.search(ev.text):
                    self.further.add(key)
        slot = self.merged[key]
        slot["evidence"].setdefault(ev, None)  # dicts as ordered sets: first statement first
        slot["cues"].setdefault(f.cue, None)
        slot["conf"] = max(slot["conf"], f.confidence)
        best = slot["finding"]
        if f.kind == "transfer" and (best.quantity is None and f.quantity is not None):
            slot["finding"] = replace(best, quantity=f.quantity, date=best.date or f.date)

    def covered(self, key: tuple) -> bool:
        """A slot another slot tells already (see :meth:`_cover`), as :meth:`fold_covered` found it.

        A transfer of "arms" is when its every sentence also names the items sent between the same two
        ends, or when it tells no stage of its own ("France's arms sales to Armenia" in a story of French
        howitzers and radars for Armenia).
        """
        return key in self.covers

    def _cover(self, key: tuple) -> tuple | None:
        """The transfer that tells what a covered transfer of "arms" sent, or None.

        Also the relation to a country's armed group that a relation to the bare country only reads
        again: "Hezbollah in Lebanon and Hamas in Gaza, both supported by Iran" backs Hezbollah, not Lebanon.
        """
        if key[0] in ("alliance", "conflict", "support"):
            return self._group_cover(key)
        if key[0] != "transfer" or key[3] not in _GENERIC_ITEMS:
            return None
        evidence = set(self.merged[key]["evidence"])
        return next(
            (
                k
                for k in self.between.get(key[:3], [])
                if k != key
                and k[3] not in _GENERIC_ITEMS
                and (key[4] == "unknown" or evidence <= set(self.merged[k]["evidence"]))
            ),
            None,
        )

    def _group_cover(self, key: tuple) -> tuple | None:
        """The one slot of the same kind whose end names a group of a bare country end here.

        A story that names the group once ("Rwanda-backed M23 rebels") and then the bare country ("its forces
        defend the country") tells one relation: the bare slot's sentences join the group's. Not when a
        sentence of its own names the state's government ("Iran also supported Lebanon's government").
        """
        kind, a, b = key
        evidence = set(self.merged[key]["evidence"])
        found = [
            k
            for k in self.by_end.get((kind, a.partition("@")[0], b.partition("@")[0]), ())
            if k != key
            and all(x == y or (("@" not in x) and y.startswith(x + "@")) for x, y in zip(key[1:], k[1:], strict=True))
            and (evidence <= set(self.merged[k]["evidence"]) or not any(_names_government(ev.text) for ev in evidence))
        ]
        return found[0] if len(found) == 1 else None

    def fold_covered(self) -> None:
        """A covered slot's sentences join the slot that covers it: every statement stays on the map."""
        for key in self.order:
            cover = self._cover(key)
            if cover is not None:
                self.covers[key] = cover
                for ev in self.merged[key]["evidence"]:
                    self.merged[cover]["evidence"].setdefault(ev, None)

    def fold_lists(self) -> None:
        """Items a sentence lists for one transfer make one relation, not one each.

        "Delivered Akash systems, ATAGS howitzers and Pinaka launchers" to Armenia is one transfer of
        three items. Only slots told by that one sentence alone, at one stage, and none counted: "24 F-16s and
        a C-130" keeps each count with its own item.
        """
        for key in self.order:
            if key[0] != "transfer" or key in self.covers or key[3] in _GENERIC_ITEMS:
                continue
            slot = self.merged[key]
            if len(slot["evidence"]) != 1:
                continue
            for k in self.between.get(key[:3], []):
                if k == key or k[4] != key[4] or k in self.covers or k[3] in _GENERIC_ITEMS:
                    continue
                if self.position[k] < self.position[key]:
                    continue
                other = self.merged[k]
                f, g = slot["finding"], other["finding"]
                if other["evidence"].keys() != slot["evidence"].keys() or (f.quantity, g.quantity) != (None, None):
                    continue  # not one list: another sentence, or a count of its own
                self.covers[k] = key
                slot["finding"] = replace(f, item=_joined(f.item, g.item))
                for cue in other["cues"]:
                    slot["cues"].setdefault(cue, None)

    def endpoint_ids(self) -> set[str]:
        """Every place id a merged relation names (blocs and regions among them become places)."""
        ids: set[str] = set()
        for key in self.order:
            f = self.merged[key]["finding"]
            ids.add(f.source)
            if f.target:
                ids.add(f.target)
            ids.update(f.members)
        return ids


def _joined(a: str | None, b: str | None) -> str:
    """Two items as one list: "Akash systems, ATAGS howitzers and Pinaka launchers"."""
    parts = [p for p in (a or "").replace(" and ", ", ").split(", ") if p] + [b or ""]
    parts = [p for p in parts if p]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
