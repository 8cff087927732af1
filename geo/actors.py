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


def parse_actors(text: str) -> ActorTable:
    """Parse the tab-separated actor table (see the module docstring).

    Raises
    ------
    ValueError
        A row with too few columns or an unknown kind; the message gives the line.
    """
    by_form: dict[str, list[Actor]] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise ValueError(f"actors.tsv line {lineno}: expected form, iso, kind")
        form, iso, kind = cols[0].strip(), cols[1].strip(), cols[2].strip()
        if kind not in ("organ", "company", "leader", "group", "demonym"):
            raise ValueError(f"actors.tsv line {lineno}: unknown kind {kind!r}")
        years = cols[3].strip() if len(cols) > 3 else ""
        note = cols[4].strip() if len(cols) > 4 else ""
        by_form.setdefault(form, []).append(Actor(form, iso, kind, years, note))  # type: ignore[arg-type]
    return ActorTable({k: tuple(v) for k, v in by_form.items()})


@lru_cache(maxsize=1)
def load_actors() -> ActorTable:
    """The packaged actor table (read once, then cached)."""
    text = resources.files("geo").joinpath("data/actors.tsv").read_text(encoding="utf-8")
    return parse_actors(text)
