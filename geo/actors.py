"""Actors that stand for a country: state organs, companies, leaders, groups, demonyms.

The table ``geo/data/actors.tsv`` is geobrief's own, written by hand (CC0).
Each row maps a surface form ("Kremlin", "Baykar", "Erdogan", "Houthis",
"Azeri") to the ISO alpha-2 code of the country it stands for, with its
kind and, for leaders, the years in office.

Examples
--------
>>> table = load_actors()
>>> table.lookup("Kremlin")[0].iso
'RU'
>>> table.lookup("Baykar")[0].reason()
'company Baykar→TR'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

ActorKind = Literal["organ", "company", "leader", "group", "demonym"]


@dataclass(frozen=True)
class Actor:
    """One surface form standing for a country."""

    form: str
    iso: str
    kind: ActorKind
    years: str = ""
    note: str = ""

    def reason(self) -> str:
        """Why a mention of this form counts for its country, e.g. ``"leader Putin→RU (1999–)"``."""
        years = f" ({self.years})" if self.years else ""
        return f"{self.kind} {self.form}→{self.iso}{years}"


@dataclass(frozen=True)
class ActorTable:
    """Actors by their exact surface form."""

    by_form: dict[str, tuple[Actor, ...]]

    def lookup(self, form: str) -> tuple[Actor, ...]:
        """Actors written exactly as ``form`` (case-sensitive), or ()."""
        return self.by_form.get(form, ())

    def forms(self) -> list[str]:
        """Every surface form in the table."""
        return list(self.by_form)


def _rows(text: str, file_name: str, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """The numbered rows of a table's text, past blank and "#" lines, each with at least ``columns``."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < len(columns):
            raise ValueError(f"{file_name} line {lineno}: expected {', '.join(columns)}")
        yield lineno, cols


def parse_actors(text: str) -> ActorTable:
    """Parse the tab-separated actor table (see the module docstring).

    Raises
    ------
    ValueError
        A row with too few columns or an unknown kind; the message gives the line.
    """
    by_form: dict[str, list[Actor]] = {}
    for lineno, cols in _rows(text, "actors.tsv", ("form", "iso", "kind")):
        form, iso, kind = cols[0].strip(), cols[1].strip(), cols[2].strip()
        if kind not in ("organ", "company", "leader", "group", "demonym"):
            raise ValueError(f"actors.tsv line {lineno}: unknown kind {kind!r}")
        years = cols[3].strip() if len(cols) > 3 else ""
        note = cols[4].strip() if len(cols) > 4 else ""
        by_form.setdefault(form, []).append(Actor(form, iso, kind, years, note))  # type: ignore[arg-type]
    return ActorTable({k: tuple(v) for k, v in by_form.items()})


@dataclass(frozen=True)
class ArmedGroup:
    """A non-state side drawn as an actor of its own (``geo/data/armed_groups.tsv``)."""

    id: str
    name: str
    iso: str
    lat: float
    lon: float
    note: str = ""


@dataclass(frozen=True)
class GroupTable:
    """Armed groups by surface form, and the national armies that are one side of a civil war."""

    groups: dict[str, ArmedGroup]
    by_form: dict[str, str]
    armies: dict[str, str]  # iso → group id

    def group_for(self, form: str) -> ArmedGroup | None:
        """The group a surface form names ("RSF", "Houthis", "Haftar"), or None."""
        gid = self.by_form.get(form) or self.by_form.get(form.removesuffix("'s").removesuffix("’s"))
        return self.groups.get(gid) if gid else None

    def army_of(self, iso: str) -> ArmedGroup | None:
        """The group a country's national army is, where that army is a side of a civil war."""
        gid = self.armies.get(iso)
        return self.groups.get(gid) if gid else None


def parse_groups(text: str) -> GroupTable:
    """Parse the tab-separated armed-group table.

    Raises
    ------
    ValueError
        A row with too few columns or a coordinate that is not a number; the message gives the line.
    """
    groups: dict[str, ArmedGroup] = {}
    by_form: dict[str, str] = {}
    armies: dict[str, str] = {}
    for lineno, cols in _rows(text, "armed_groups.tsv", ("id", "name", "iso", "lat", "lon", "forms")):
        try:
            group = ArmedGroup(
                cols[0], cols[1], cols[2], float(cols[3]), float(cols[4]), cols[6] if len(cols) > 6 else ""
            )
        except ValueError as exc:
            raise ValueError(f"armed_groups.tsv line {lineno}: {exc}") from exc
        groups[group.id] = group
        for form in cols[5].split("|"):
            if form.startswith("army:"):
                armies[form[5:]] = group.id
            elif form:
                by_form[form] = group.id
    return GroupTable(groups, by_form, armies)


@lru_cache(maxsize=1)
def load_groups() -> GroupTable:
    """The packaged armed-group table (read once, then cached)."""
    text = resources.files("geo").joinpath("data/armed_groups.tsv").read_text(encoding="utf-8")
    return parse_groups(text)


@lru_cache(maxsize=1)
def load_actors() -> ActorTable:
    """The packaged actor table (read once, then cached)."""
    text = resources.files("geo").joinpath("data/actors.tsv").read_text(encoding="utf-8")
    return parse_actors(text)
