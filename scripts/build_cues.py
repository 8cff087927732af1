"""Derive geobrief's cue-verb lexicon from the CAMEO 2.0 verb dictionary (PETRARCH2, MIT).

Run by a developer, not at install::

    python scripts/build_cues.py [PATH/TO/CAMEO.2.0.txt]

The input is the verb dictionary of the open event coder PETRARCH2
(openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt, MIT);
by default it is read from ``../shared/resources/cameo``. The output,
``geo/data/cameo_verbs.tsv``, lists every inflected form of every verb whose
CAMEO code maps to one of geobrief's relation kinds, with the lemma, the
CAMEO code and verb block it came from, so that a reviewer can trace each
cue verb to its source. Which of these verbs geobrief actually uses, and in
which clause frame, is decided in ``geo/data/cues.toml`` (the cue table),
not here: this script only translates the dictionary faithfully.

CAMEO codes map to kinds as the resource's README suggests (a starting
point, refined per verb block below):

- 05x praise, endorse, defend verbally, rally → ``support``
  (050 is "cooperate" in general: its blocks are sorted by hand below);
- 057 sign a formal agreement, 06x material cooperation → ``alliance``
  (but 061 purchase/import → ``get``, 061 finance → ``support``);
- 062 arm, 07x provide aid → ``give`` (a transfer told from the supplier);
- 074 defend → ``support``;
- 11x–20x criticise, accuse, reject, threaten, protest, reduce relations,
  coerce, assault, fight → ``conflict``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "resources" / "cameo" / "CAMEO.2.0.txt"
OUTPUT = ROOT / "geo" / "data" / "cameo_verbs.tsv"
SOURCE = "openeventdata/petrarch2 petrarch2/data/dictionaries/CAMEO.2.0.txt (commit 676801cd), MIT licence"

# verb blocks whose CAMEO code is "---" (the code depends on the object) or too broad, sorted by hand
BLOCK_KIND = {
    "SELL": "give",  # its patterns code weapons sales as 062 (military cooperation)
    "SEND": "give",
    "SIGN": "alliance",  # 057 when the object is an agreement
    "STRENGTHEN": "alliance",
    "REFUSE": "conflict",  # reject, refuse, spurn: 12x
    "GRANT": "give",  # provide, supply, give, donate, lend: 07x
    "SUPPORT": "support",
    "COLLABORATE": "alliance",
    "COORDINATE": "alliance",
    "AGREE": "alliance",
    "FINANCE": "support",
    "PURCHASE": "get",
    "IMPORT": "get",
    "OBTAIN": "get",
    "ARM": "give",
    "DEFEND": "support",
    "AID": "support",
    "BOOST": "alliance",
    "LINK": "",  # attach, bind, connect: not a relation between states
    "MERGE": "",
    "TRADE": "",
    "ALLOCATE": "",
    "ENACT": "",
    "ENLIST": "",
    "FACILITATE": "",
    "OVERSEE_MANAGE": "",
    "INTERVENE": "",
    "STABILISE": "",
    "RESCUE": "",
    "EXTRADITE": "",
    "BARGAIN": "",
    "DISCLOSE": "",
    "INFLUENCE": "",
    "REJOICE": "",
    "APOLOGIZE": "",
    "FORGIVE": "",
    "ALLEGE": "",  # allege, claim, swear: reporting verbs, not accusations
    "LAMENT": "",
    "DESPAIR": "",
    "REGRET": "",
    "DISMAY": "",
    "CURSE": "",
    "DIE": "",
    "MARCH": "",
    "RIOT": "",
    "SENTENCE": "",
    "FINE": "",
    "PROSECUTE": "",
    "SUE": "",
    "RE_ARREST": "",
    "RAPE": "",
    "TORTURE": "",
    "STAB": "",
    "KIDNAP": "",
}


def kind_of(code: str) -> str:
    """geobrief's kind for a CAMEO code ('' when the code is not a relation between actors)."""
    code = code.strip().split(":")[0]
    if not code.isdigit():
        return ""
    if code.startswith(("051", "052", "053", "054")):
        return "support"
    if code.startswith(("057", "06")):
        return "alliance"
    if code.startswith(("062", "07")):
        return "give"
    if code.startswith(("074",)):
        return "support"
    if code[:2] in {"11", "12", "13", "14", "16", "17", "18", "19", "20"}:
        return "conflict"
    return ""


def inflections(lemma: str) -> list[str]:
    """Regular English forms of a verb (base, -s, -ed, -ing); multi-word verbs inflect their first word."""
    first, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    w = first
    vowels = "aeiou"
    groups = re.findall(r"[aeiou]+", w)
    cvc = len(groups) == 1 and len(w) >= 3 and w[-1] not in vowels + "wxy" and w[-2] in vowels and w[-3] not in vowels
    if w.endswith(("s", "x", "z", "ch", "sh")):
        third = w + "es"
    elif w.endswith("y") and w[-2:-1] not in vowels:
        third = w[:-1] + "ies"
    else:
        third = w + "s"
    if w.endswith("e"):
        past, ing = (
            w + "d",
            (w[:-2] + "ying" if w.endswith("ie") else (w + "ing" if w.endswith("ee") else w[:-1] + "ing")),
        )
    elif w.endswith("y") and w[-2:-1] not in vowels:
        past, ing = w[:-1] + "ied", w + "ing"
    elif cvc:
        past, ing = w + w[-1] + "ed", w + w[-1] + "ing"
    else:
        past, ing = w + "ed", w + "ing"
    return [f + tail for f in dict.fromkeys([w, third, past, ing])]


_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_VERB = re.compile(r"^(\+?[A-Z][A-Z_'-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?")


def parse(text: str) -> list[tuple[str, str, str, str]]:
    """(form, lemma, code, block) for every verb form of the dictionary's verb blocks."""
    rows: list[tuple[str, str, str, str]] = []
    block, block_code = "", ""
    for raw in text.splitlines():
        m = _BLOCK.match(raw)
        if m:
            block, block_code = m.group(1), m.group(2)
            continue
        if not block or not raw.strip() or raw.startswith(("-", "#", "&", " ")):
            continue
        line = raw.split("#", 1)[0].strip()
        vm = _VERB.match(line)
        if not vm:
            continue
        lemma = vm.group(1).lstrip("+").replace("_", " ").lower()
        code = vm.group(3) or block_code
        irregular = [f.lstrip("+").replace("_", " ").lower() for f in (vm.group(2) or "").replace(",", " ").split()]
        for form in dict.fromkeys([*inflections(lemma), *irregular]):
            rows.append((form, lemma, code.strip(), block))
    return rows


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_INPUT
    rows = parse(src.read_text(encoding="latin-1"))
    out: dict[tuple[str, str], tuple[str, str, str, str, str]] = {}
    for form, lemma, code, block in rows:
        kind = BLOCK_KIND.get(block, kind_of(code) if block not in BLOCK_KIND else "")
        if (block in BLOCK_KIND and BLOCK_KIND[block] == "") or not kind:
            continue
        out.setdefault((form, kind), (form, lemma, kind, code, block))
    lines = [
        f"# Cue verbs derived from the CAMEO 2.0 verb dictionary: {SOURCE}.",
        "# Written by scripts/build_cues.py; do not edit by hand (geo/data/cues.toml decides which are used).",
        "# kind: give/get (a transfer told from the supplier/recipient), support, alliance, conflict.",
        "form\tlemma\tkind\tcameo_code\tcameo_block",
    ]
    lines += ["\t".join(r) for r in sorted(out.values())]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(out)} forms of {len({(r[1], r[2]) for r in out.values()})} verbs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
