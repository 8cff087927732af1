"""The trigger-word gates in geo/relations.py must never change what is extracted.

``_TRIGGERS`` lists, by hand, the words each cue pattern needs, so that a
rule whose words are absent is skipped without running (extraction speed
depends on it). If a pattern gains a word the list lacks, the gate would
silently drop relations. Here every sentence the test suite and the sample
articles contain is extracted twice, with the gates and with every rule run
at every position, and the results must be the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

from geo import relations
from geo.documents import load_path
from geo.extract import extract
from geo.scene import Document

ROOT = Path(__file__).resolve().parent.parent


def _corpus() -> list[str]:
    texts = [load_path(p).text for p in sorted((ROOT / "seeds").glob("*.*"))]
    for name in ("test_relations.py", "test_extract.py", "test_story.py", "test_edits.py"):
        path = ROOT / "tests" / name
        if not path.exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                s = node.value
                if len(s) > 30 and s.count(" ") >= 4 and not s.lstrip().startswith(("{", "<", "#")):
                    texts.append(s)
    return list(dict.fromkeys(texts))


def _found(texts: list[str]) -> list[tuple]:
    docs = [Document(f"d{i}", f"t{i}", text) for i, text in enumerate(texts)]
    scene = extract(docs)
    return sorted(
        (
            r.kind,
            r.source,
            r.target or "",
            r.members,
            r.item or "",
            r.quantity or 0,
            r.status or "",
            r.evidence[0].doc,
            r.evidence[0].start,
        )
        for r in scene.relations
    )


def _ungated(monkeypatch) -> None:
    monkeypatch.setattr(relations, "_cue_bits", lambda sentence: -1)
    monkeypatch.setattr(relations, "_cue_matches", lambda sk, rx, name: list(rx.finditer(sk.text)))


def test_corpus_is_large_enough():
    assert len(_corpus()) >= 60


def test_gates_change_nothing(monkeypatch):
    texts = _corpus()
    gated = _found(texts)
    assert len(gated) >= 40  # the corpus exercises the rules
    _ungated(monkeypatch)
    ungated = _found(texts)
    missed = [r for r in ungated if r not in gated]
    extra = [r for r in gated if r not in ungated]
    assert missed == [] and extra == []
