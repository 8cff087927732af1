"""Corpus mode: dates, aggregation, reading every input kind, bad input, the command end to end.

The always-on corpus is ``tests/data/corpus`` (synthetic, written for these
tests). The same-answer test on the real news corpora, with a separate
dask.distributed cluster, is in ``test_corpus_cluster.py``.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.aggregate import QUOTES_PER_RELATION, Tally, arc_key, merge_relations
from geo.corpus import Item, Skip, extract_partition, iter_inputs, read_item
from geo.dates import DateError, find_date, parse_date
from geo.scene import Document, Place, Relation, Scene, Span

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"


# -- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("2024-03-05T08:30:00Z", "2024-03-05"),
        ("2009-03-20 12:24:52.002364-05", "2009-03-20"),
        ("March 5, 2024", "2024-03-05"),
        ("Tuesday, 5th March 2024", "2024-03-05"),
        ("Wed Nov 23, 2016 | 4:58pm EST", "2016-11-23"),
        ("Sept. 9, 2016 7:38 AM ET", "2016-09-09"),
        ("2016 Oct 10", "2016-10-10"),
    ],
)
def test_date_fields_are_read_as_iso_days(value, iso):
    assert parse_date(value) == iso


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("yesterday", "is not a date"),
        ("2024-02-30", "not a day of the calendar"),
        ("11/28/2016", "order one can only guess"),
        ("1 March 2024 to 3 March 2024", "several days"),
        ("March 2024", "is not a date"),
        (20240305, "is not text"),
    ],
)
def test_bad_date_fields_say_what_is_wrong(value, says):
    with pytest.raises(DateError, match=says):
        parse_date(value)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("KYIV, March 3, 2024 (Reuters) - Russia struck ...", "2024-03-03"),
        ("Posted 2024-01-12. On 3 February 2024 the talks began.", "2024-01-12"),
        ("The deal, first reported on 3 February 2024, was signed 1 March 2024.", "2024-02-03"),
        ("In March 2024 and on Monday the ministers met.", None),
        ("A 1066-04-14 typo and 31 February 2024 are no dates.", None),
    ],
)
def test_text_is_dated_by_its_first_whole_date(text, iso):
    assert find_date(text) == iso


# -- aggregation -----------------------------------------------------------------------


def _doc_scene(doc_id: str, date: str | None, *rels: tuple, places: tuple[str, ...] = ("TR", "UA")) -> Scene:
    """One document's Scene: relations given as (kind, source, target, status, sentence)."""
    doc = Document(doc_id, f"Title {doc_id}", "", date=date, dated_by="column" if date else "")
    out = []
    for i, (kind, src, dst, status, sentence) in enumerate(rels):
        span = Span(doc_id, 10 * i, 10 * i + len(sentence), sentence)
        item = "drones" if kind == "transfer" else None
        out.append(Relation(f"{doc_id}-{i}", kind, src, dst, item=item, status=status, evidence=(span,), cue=kind))
    pls = tuple(
        Place(p, p, "country", p, 10.0 + k, 20.0 + k, mentions=(Span(doc_id, 0, 2, p),), reason=f"name {p}")
        for k, p in enumerate(places)
    )
    return Scene(documents=(doc,), places=pls, relations=tuple(out))


def _scenes() -> list[Scene]:
    return [
        _doc_scene(
            "a",
            "2024-01-05",
            ("transfer", "TR", "UA", "ordered", "TR orders"),
            ("alliance", "UA", "TR", "unknown", "pact"),
        ),
        _doc_scene("b", "2024-02-01", ("transfer", "TR", "UA", "delivered", "TR delivers")),
        _doc_scene("c", None, ("transfer", "TR", "UA", "delivered", "TR delivered, undated")),
        _doc_scene("d", "2024-03-09", ("alliance", "TR", "UA", "unknown", "allies")),
        _doc_scene("e", "2024-03-09", ("conflict", "RU", "UA", "unknown", "RU hits UA"), places=("RU", "UA")),
        _doc_scene("f", "2024-01-20", ("conflict", "UA", "RU", "unknown", "UA hits RU"), places=("RU", "UA")),
        *[
            _doc_scene(f"g{i}", f"2024-04-{i + 1:02d}", ("transfer", "TR", "UA", "delivered", f"batch {i}"))
            for i in range(8)
        ],
    ]


def _tally(scenes: list[Scene], partition: int) -> Tally:
    total = Tally()
    for k in range(0, len(scenes), partition):
        part = Tally()
        for s in scenes[k : k + partition]:
            part.add_scene(s)
        total.merge(part)
    return total


def test_alliances_have_no_direction_but_conflicts_do():
    assert arc_key(Relation("r", "alliance", "UA", "TR")) == arc_key(Relation("s", "alliance", "TR", "UA"))
    assert arc_key(Relation("r", "conflict", "UA", "RU")) != arc_key(Relation("s", "conflict", "RU", "UA"))


def test_one_relation_per_kind_source_target_with_its_support():
    scene = _tally(_scenes(), 100).to_scene()
    keys = [(r.kind, r.source, r.target) for r in scene.relations]
    assert len(keys) == len(set(keys)) == 4
    tr = next(r for r in scene.relations if r.kind == "transfer")
    sup = tr.support
    assert (sup.documents, sup.statements, sup.first_date, sup.last_date, sup.undated) == (
        11,
        11,
        "2024-01-05",
        "2024-04-08",
        1,
    )
    # the newest statements are quoted, the other documents named by id, newest first, undated last
    assert len(tr.evidence) == QUOTES_PER_RELATION
    assert [s.doc for s in tr.evidence] == ["g7", "g6", "g5", "g4", "g3"]
    assert sup.other_documents == ("g2", "g1", "g0", "b", "a", "c")
    assert sum(d.documents for d in sup.by_date) + sup.undated == sup.documents
    # the status history, in the order statuses were first reported; the newest status is current
    assert [(h.status, h.first_date, h.last_date, h.documents) for h in sup.history] == [
        ("ordered", "2024-01-05", "2024-01-05", 1),
        ("delivered", "2024-02-01", "2024-04-08", 10),
    ]
    assert tr.status == "delivered"
    ally = next(r for r in scene.relations if r.kind == "alliance")
    assert (ally.source, ally.target, ally.support.documents) == ("TR", "UA", 2)
    # the quoted documents are in the Scene (title and date, no text); the others only by id
    assert {d.id for d in scene.documents} == {s.doc for r in scene.relations for s in r.evidence}
    assert all(d.text == "" for d in scene.documents)
    weights = {p.id: p.documents for p in scene.places}
    assert weights == {"UA": 14, "TR": 12, "RU": 2}
    assert scene.corpus.documents == 14
    assert (scene.corpus.dated_by_column, scene.corpus.undated) == (13, 1)


def test_partitions_merged_in_any_order_give_the_same_scene():
    scenes = _scenes()
    expected = _tally(scenes, 100).to_scene().to_json()
    for size in (1, 3, 5):
        for perm in itertools.islice(itertools.permutations(range(len(scenes))), 0, 400, 97):
            got = _tally([scenes[i] for i in perm], size).to_scene().to_json()
            assert got == expected


def test_corpus_scene_round_trips_and_old_scenes_keep_their_bytes():
    scene = _tally(_scenes(), 4).to_scene()
    again = Scene.from_json(scene.to_json())
    assert again == scene
    plain = Scene(documents=(Document("d", "t", "text"),), places=(Place("TR", "Turkey", "country", "TR", 1, 2),))
    data = json.loads(plain.to_json())
    assert "corpus" not in data  # an ordinary Scene writes none of the corpus fields
    assert "date" not in data["documents"][0] and "documents" not in data["places"][0]


def test_merge_relations_gives_one_arc_per_pair_on_an_ordinary_scene():
    a = _doc_scene("a", None, ("transfer", "TR", "UA", "ordered", "one"), ("transfer", "TR", "UA", "delivered", "two"))
    merged = merge_relations(a)
    assert len(merged.relations) == 1
    assert merged.relations[0].support.statements == 2
    assert merged.places == a.places and merged.documents == a.documents


# -- reading inputs ----------------------------------------------------------------------


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_every_input_kind_is_read_with_its_date_origin():
    items = [x for x in iter_inputs([CORPUS]) if isinstance(x, Item)]
    assert not [x for x in iter_inputs([CORPUS]) if isinstance(x, Skip)]
    docs = {d.id: d for d in (read_item(i)[0] for i in items)}
    assert len(docs) == 13
    assert docs["feed-1"].dated_by == "column" and docs["feed-1"].date == "2024-01-20"
    assert docs["feed-3"].date == "2024-02-21"  # "Wed Feb 21, 2024 | 4:58pm EST"
    assert docs["wire-3"].dated_by == "text" and docs["wire-3"].date == "2024-04-15"  # empty date field
    html = next(d for d in docs.values() if d.title == "Drones for Moscow")
    assert "tracking" not in html.text and html.dated_by == "text"  # the page's script is not text
    assert docs["feed-6"].date is None and docs["feed-6"].dated_by == ""
    # where a record came from is its file name and line, never the folder it is kept in
    assert docs["feed-2"].source == "feed.jsonl:2"
    assert docs["wire-2"].text.count("\n") == 1 and docs["wire-2"].source == "wire.csv:3"


@pytest.fixture
def bad_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "bad"
    _write(folder / "empty.txt", b"")
    _write(folder / "binary.txt", bytes(range(256)) * 8)
    _write(folder / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")  # not a corpus suffix: not read at all
    _write(folder / "no_text.csv", "id,body\n1,Turkey sold drones to Ukraine.\n")
    _write(folder / "empty.jsonl", b"\n\n")
    good = json.dumps({"id": "ok", "date": "2024-05-01", "text": "Russia attacked Ukraine again."})
    lines = [
        good,
        json.dumps({"id": "bad-date", "date": "next Tuesday", "text": "Iran supplied drones to Russia."}),
        json.dumps({"id": "no-text", "title": "nothing"}),
        "[1, 2, 3]",
        json.dumps({"id": "ok", "text": "the same id again"}),
        json.dumps({"id": "blank", "text": "  \n "}),
        json.dumps(
            {
                "id": "page",
                "text": "<html><body><p>France delivered jets to Greece.</p>"
                "<script>var x = 'Japan';</script></body></html>",
            }
        ),
        '{"id": "cut", "text": "France delivered Rafale je',
    ]
    _write(folder / "feed.jsonl", "\n".join(lines))
    return folder


def test_bad_input_becomes_counted_skips_with_clear_messages(bad_inputs: Path):
    tally = Tally()
    items = []
    for x in iter_inputs([bad_inputs, bad_inputs / "missing.txt"]):
        if isinstance(x, Skip):
            tally.skip(x.order, x.message)
        else:
            items.append(x)
    tally.merge(extract_partition(items))
    scene = tally.to_scene()
    messages = "\n".join(scene.corpus.skips)
    for expected in [
        "empty.txt: is empty",
        "binary.txt: looks like a binary file",
        "no_text.csv has no 'text' column (its columns: 'id', 'body')",
        "empty.jsonl is empty",
        "feed.jsonl:2: date 'next Tuesday' is not a date",
        "feed.jsonl:3: no 'text' field",
        "feed.jsonl:4: not a record with a 'text' field",
        "feed.jsonl:5: id 'ok' was already read",
        "feed.jsonl:6: has an empty 'text'",
        "feed.jsonl:8: not valid JSON",
        "missing.txt does not exist",
    ]:
        assert expected in messages
    assert "cut short" in messages
    assert "image.png" not in messages
    # three documents read (the bad date is dated from its text; the page as HTML), ten inputs
    # skipped, one date ignored
    assert (scene.corpus.documents, scene.corpus.skipped, scene.corpus.dates_ignored) == (3, 10, 1)
    page = read_item(next(i for i in items if i.id == "page"))[0]
    assert page.text == "France delivered jets to Greece."


def test_since_and_until_keep_the_documents_dated_within():
    items = [x for x in iter_inputs([CORPUS]) if isinstance(x, Item)]
    tally = extract_partition(items, since="2024-02-01", until="2024-03-31")
    # feed-2..5, the Tehran page, Kyiv notes; undated documents cannot be shown to be inside
    assert tally.documents == 6
    assert tally.outside_dates == 7


# -- the command ------------------------------------------------------------------------------


def _geobrief(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def _reference(paths: list[Path], **kw) -> Scene:
    """The corpus read and extracted in this process, in one pass: what Dask must agree with."""
    tally = Tally()
    items = []
    for x in iter_inputs(paths):
        if isinstance(x, Skip):
            tally.skip(x.order, x.message)
        else:
            items.append(x)
    return tally.merge(extract_partition(items, **kw)).to_scene(**kw)


def test_corpus_command_on_a_local_cluster_matches_one_pass_extraction(tmp_path: Path):
    out = tmp_path / "corpus.json"
    html = tmp_path / "corpus.html"
    geojson = tmp_path / "corpus.geojson"
    run = _geobrief(
        "corpus", str(CORPUS), "--workers", "2", "--scene", str(out), "-o", str(html), "--geojson", str(geojson)
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert "13 documents read, 0 skipped" in run.stderr
    assert "2 Dask workers" in run.stderr
    assert "13/13 [" in run.stderr and "doc/s]" in run.stderr  # the progress bar: done, time, speed
    scene = Scene.from_json(out.read_text(encoding="utf-8"))
    assert scene.to_json() == _reference([CORPUS]).to_json()
    assert scene.corpus is not None and scene.corpus.documents == 13
    assert (scene.corpus.dated_by_column, scene.corpus.dated_by_text, scene.corpus.undated) == (7, 4, 2)
    keys = [(r.kind, r.source, r.target) for r in scene.relations]
    assert len(keys) == len(set(keys))
    transfer = next(r for r in scene.relations if (r.kind, r.source, r.target) == ("transfer", "TR", "UA"))
    assert {h.status for h in transfer.support.history} >= {"ordered", "delivered"}
    page = html.read_text(encoding="utf-8")
    assert "gb-timefilter" in page and "https://" not in page.split("<body", 1)[1].split("example.org")[0]
    features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["layer"] for f in features} >= {"arcs", "places"}


def test_corpus_command_reports_bad_input_and_never_shows_a_traceback(bad_inputs: Path, tmp_path: Path):
    out = tmp_path / "bad.json"
    run = _geobrief("corpus", str(bad_inputs), "--workers", "1", "--scene", str(out))
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert "3 documents read, 9 skipped, 1 dates unreadable" in run.stderr
    assert "no 'text' column" in run.stderr and "not valid JSON" in run.stderr
    assert Scene.from_json(out.read_text(encoding="utf-8")).corpus.skipped == 9
    # nothing readable at all: nothing written, exit 2
    only_bad = tmp_path / "only_bad"
    _write(only_bad / "empty.txt", b"")
    run = _geobrief("corpus", str(only_bad), "--workers", "1", "--scene", str(tmp_path / "none.json"))
    assert run.returncode == 2 and "no document could be read" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "none.json").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--scene", "x.json", "--since", "soon"], "--since: date 'soon' is not a date"),
        (["--scene", "x.json", "--since", "2024-05-01", "--until", "2024-01-01"], "is after --until"),
        ([], "say what to write"),
        (["--scene", "x.json", "--scheduler", "tcp://127.0.0.1:9"], "cannot reach the Dask scheduler"),
    ],
)
def test_corpus_command_refuses_bad_arguments_in_one_line(args, says, tmp_path: Path):
    env = dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="1s")  # nothing listens on port 9
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "corpus", str(CORPUS), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env=env,
    )
    assert run.returncode == 2
    assert says in run.stderr and "Traceback" not in run.stderr


def test_map_export_and_brief_read_a_corpus_scene(tmp_path: Path):
    from geo.corpus import run_corpus

    scene, _ = run_corpus([CORPUS], workers=1, processes=False)
    path = tmp_path / "corpus.json"
    path.write_text(scene.to_json(), encoding="utf-8")
    from app.cli import main

    for args in (
        ["map", "--scene", str(path), "-o", str(tmp_path / "m.html")],
        ["export", "--scene", str(path), "--geojson", str(tmp_path / "m.geojson")],
        ["brief", "--scene", str(path), "-o", str(tmp_path / "b.html")],
    ):
        assert main(args) == 0
    assert "gb-timefilter" in (tmp_path / "m.html").read_text(encoding="utf-8")
    briefing = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert any(r.evidence[0].text.split()[0] in briefing for r in scene.relations)


def test_a_document_that_fails_extraction_is_a_counted_skip_and_the_others_go_on(monkeypatch):
    import geo.extract

    real = geo.extract.extract

    def fragile(docs):
        if any("Rafale" in d.text for d in docs):
            raise RecursionError("maximum recursion depth exceeded")
        return real(docs)

    monkeypatch.setattr(geo.extract, "extract", fragile)
    items = [x for x in iter_inputs([CORPUS]) if isinstance(x, Item)]
    scene = extract_partition(items).to_scene()
    assert (scene.corpus.documents, scene.corpus.skipped) == (11, 2)
    failed = [m for m in scene.corpus.skips if "extraction failed (RecursionError" in m]
    assert len(failed) == 2 and any("feed.jsonl:3" in m for m in failed)
    assert scene.relations and not any(r.source == "FR" for r in scene.relations)
