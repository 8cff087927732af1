"""Corpus mode: thousands of articles over time → one aggregated Scene, extracted on Dask.

Inputs (any mix, read as a stream: no more than a few partitions of texts
are held at once):

- folders (searched recursively, hidden entries left out) and files of
  ``.txt``, ``.md`` and ``.html`` articles, read by :mod:`geo.documents`
  exactly as single articles are;
- JSON Lines (``.jsonl``, ``.ndjson``) and CSV (``.csv``) files with a
  ``text`` field and optionally ``date``, ``title``, ``url`` and ``id``.

A document's date is its ``date`` field, or else the first whole date its
text states (:func:`geo.dates.find_date`); ``Document.dated_by`` says which.

Extraction runs on a ``dask.distributed`` cluster: a local one on this
machine's cores by default, or the cluster whose scheduler address is
given. Documents travel in partitions (:func:`extract_partition` per
partition); each worker loads the gazetteer once (:class:`GazetteerPlugin`)
and returns a small :class:`geo.aggregate.Tally`, which the client merges as
results come in. A document that cannot be read or extracted is a counted,
reported skip; a partition whose worker died counts its documents as
skipped, and the run goes on.

Workers of a remote cluster need geobrief installed (the same version):
they import :mod:`geo` to run the tasks.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import json
import logging
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from geo.aggregate import QUOTES_PER_RELATION, Tally
from geo.dates import DateError, find_date, parse_date
from geo.documents import HTML_SUFFIXES, MAX_TEXT_BYTES, InputError, load_bytes
from geo.scene import Document, Scene

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", *HTML_SUFFIXES})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
CORPUS_SUFFIXES = ARTICLE_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
FIELDS = ("text", "date", "title", "url", "id")

PARTITION_DOCS = 250
"""Documents per partition (at most): a quarter of a second of extraction, so that scheduling,
sending and merging cost little next to it (bench/bench_corpus.py: the client's own CPU time
fell by a sixth from 100). Small corpora get smaller partitions, a few per worker."""
WARM_UP_DOCS = 50
"""How many of the first documents warm the extractor before local workers are forked."""
PARTITION_BYTES = 4_000_000
"""A partition is also closed at this much text, so one holds a few megabytes at most."""


class CorpusError(RuntimeError):
    """The run cannot start or cannot go on (no cluster, no workers); the message says why."""


# -- reading ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One input document before it is read: raw bytes of a file, or a record's fields.

    ``where`` names it in messages (``feed.jsonl:17``), ``order`` sorts those
    messages in input order.
    """

    where: str
    order: tuple
    source: str = ""
    name: str = ""
    data: bytes = b""
    text: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    date: object = None

    @property
    def size(self) -> int:
        """The characters this item holds (raw data and text), for the batch budget."""
        return len(self.data) + len(self.text or "")


@dataclass(frozen=True)
class Skip:
    """An input that cannot be a document (a truncated line, a CSV without ``text``)."""

    where: str
    order: tuple
    message: str


def _walk(path: Path) -> Iterator[Path]:
    """Files under a folder with a corpus suffix, sorted, hidden entries left out."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in CORPUS_SUFFIXES:
                yield Path(root) / name


def _files(paths: Sequence[str | Path]) -> Iterator[tuple[int, Path | None, str]]:
    """(input index, file, where) for every file named or found in a folder; file None if missing.

    ``where`` names the file from the folder given (``clippings/2024/a.txt``) or by its
    name alone: messages and the Scene never show where the analyst keeps the corpus.
    """
    for i, raw in enumerate(paths):
        path = Path(raw)
        if path.is_dir():
            top = path.resolve()
            for f in _walk(path):
                yield i, f, str(Path(top.name) / f.resolve().relative_to(top))
        else:
            yield i, (path if path.exists() else None), path.name or str(path)


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head


def _record_item(rec: object, where: str, order: tuple, seen: set[str], default_id: str, source: str) -> Item | Skip:
    if not isinstance(rec, dict):
        return Skip(where, order, f"{where}: not a record with a 'text' field (found {type(rec).__name__})")
    text = rec.get("text")
    if not isinstance(text, str):
        what = "no 'text' field" if text is None else f"a 'text' that is {type(text).__name__}, not text"
        return Skip(where, order, f"{where}: {what}")
    raw_id = rec.get("id")
    doc_id = str(raw_id).strip() if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else ""
    doc_id = doc_id or default_id
    if doc_id in seen:
        return Skip(where, order, f"{where}: id {doc_id!r:.60} was already read; this copy is skipped")
    seen.add(doc_id)

    def opt(key: str) -> str | None:
        value = rec.get(key)
        return value.strip() or None if isinstance(value, str) else None

    date = rec.get("date")
    return Item(
        where,
        order,
        source=source,
        text=text,
        id=doc_id,
        title=opt("title"),
        url=opt("url"),
        date=None if date == "" else date,
    )


def _jsonl_items(path: Path, index: int, where: str, seen: set[str]) -> Iterator[Item | Skip]:
    stem = path.stem
    any_line = False
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            here, order = f"{where}:{lineno}", (index, where, lineno)
            if lineno == 1 and _looks_binary(raw[:65536]):
                yield Skip(here, order, f"{where} looks like a binary file (it holds NUL bytes), not JSON Lines")
                return
            if not raw.strip():
                continue
            any_line = True
            try:
                rec = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield Skip(here, order, f"{here}: the line is not UTF-8 text")
                continue
            except json.JSONDecodeError as exc:
                cut = " (the line looks cut short)" if not raw.endswith(b"\n") or "Unterminated" in exc.msg else ""
                yield Skip(here, order, f"{here}: not valid JSON: {exc.msg} at column {exc.colno}{cut}")
                continue
            yield _record_item(rec, here, order, seen, f"{stem}-{lineno}", f"{path.name}:{lineno}")
    if not any_line:
        yield Skip(where, (index, where, 0), f"{where} is empty (no documents in it)")


def _csv_items(path: Path, index: int, where: str, seen: set[str]) -> Iterator[Item | Skip]:
    stem = path.stem
    with path.open("rb") as raw:
        if _looks_binary(raw.read(65536)):
            yield Skip(where, (index, where, 0), f"{where} looks like a binary file (it holds NUL bytes), not CSV")
            return
    csv.field_size_limit(max(csv.field_size_limit(), MAX_TEXT_BYTES * 4))
    with path.open("r", encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        try:
            header = reader.fieldnames
        except (UnicodeDecodeError, csv.Error) as exc:
            yield Skip(where, (index, where, 0), f"{where}: cannot read its header ({exc})")
            return
        if not header:
            yield Skip(where, (index, where, 0), f"{where} is empty (no header, no documents)")
            return
        if "text" not in header:
            cols = ", ".join(repr(h) for h in header[:8]) + (", …" if len(header) > 8 else "")
            yield Skip(where, (index, where, 0), f"{where} has no 'text' column (its columns: {cols}); nothing read")
            return
        row_no = 1
        while True:
            start = reader.line_num + 1  # a quoted cell may span lines: name the row's first
            try:
                row = next(reader)
            except StopIteration:
                break
            except (UnicodeDecodeError, csv.Error) as exc:
                line = reader.line_num
                msg = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else str(exc)
                yield Skip(where, (index, where, line), f"{where}:{line}: {msg}; the rest of the file was not read")
                return
            row_no += 1
            here, order = f"{where}:{start}", (index, where, start)
            if None in row:  # more cells than the header names
                row.pop(None)
            yield _record_item(row, here, order, seen, f"{stem}-{row_no}", f"{path.name}:{start}")
        if row_no == 1:
            yield Skip(where, (index, where, 0), f"{where} has a header but no documents")


def iter_inputs(paths: Sequence[str | Path]) -> Iterator[Item | Skip]:
    """Every input document (or the reason it cannot be one), in input order, one at a time.

    Parameters
    ----------
    paths : sequence of str or Path
        Folders, article files, JSON Lines and CSV files.

    Yields
    ------
    Item or Skip
        Items still hold raw bytes or a record's text: they are read into
        Documents where they are extracted (:func:`read_item`).
    """
    seen: set[str] = set()
    for index, path, where in _files(paths):
        order = (index, where, 0)
        if path is None:
            yield Skip(where, order, f"{where} does not exist")
            continue
        suffix = path.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                yield from _jsonl_items(path, index, where, seen)
            elif suffix in CSV_SUFFIXES:
                yield from _csv_items(path, index, where, seen)
            else:
                size = path.stat().st_size
                if size > MAX_TEXT_BYTES * 4:
                    yield Skip(where, order, f"{where} is {size / 1e6:.1f} MB; articles are read up to 2 MB of text")
                    continue
                yield Item(where, order, source=path.name, name=path.name, data=path.read_bytes())
        except OSError as exc:
            yield Skip(where, order, f"cannot read {where} ({exc.strerror or exc})")


def count_inputs(paths: Sequence[str | Path]) -> int:
    """About how many documents the inputs hold (for the progress bar; reads no article twice).

    Articles count one each, JSON Lines one per non-blank line, CSV one per row.
    """
    n = 0
    for _, path, _ in _files(paths):
        if path is None:
            continue
        suffix = path.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                with path.open("rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            elif suffix in CSV_SUFFIXES:
                csv.field_size_limit(max(csv.field_size_limit(), MAX_TEXT_BYTES * 4))
                with path.open("r", encoding="utf-8-sig", errors="replace", newline="") as fh:
                    n += max(0, sum(1 for _ in csv.reader(fh)) - 1)
            else:
                n += 1
        except (OSError, csv.Error):
            continue
    return n


def read_item(item: Item) -> tuple[Document, str | None]:
    """The Document an item holds, dated; and a message when its ``date`` field was unusable.

    Raises
    ------
    InputError
        Binary, empty or oversized input (the message names it).
    """
    if item.text is None:
        doc = load_bytes(item.name, item.data)
    else:
        text = item.text
        doc_id = item.id or item.source
        if text.lstrip().startswith("<") and "</" in text:
            # a record holding a page's source is read as HTML, as pasted text is in the app
            text = load_bytes(f"{doc_id}.html", text.encode("utf-8")).text
        else:
            # already text (the JSON or CSV reader decoded it): only what load_bytes would
            # check of text is left to check
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            if len(text) > MAX_TEXT_BYTES:
                raise InputError(f"holds {len(text) / 1e6:.1f} MB of text; articles are read up to 2 MB")
            if not text.strip():
                raise InputError("has an empty 'text' (nothing to read)")
        # where a record came from, by file name and line: never the folder it is kept in
        doc = Document(doc_id, item.title or doc_id, text, item.url or item.source)
    problem = None
    if item.date is not None:
        try:
            return _dated(doc, parse_date(item.date), "column"), None
        except DateError as exc:
            problem = f"{item.where}: {exc}; dated from its text instead"
    found = find_date(doc.text)
    return (_dated(doc, found, "text") if found else doc), problem


def _dated(doc: Document, date: str, by: str) -> Document:
    return Document(doc.id, doc.title, doc.text, doc.source, date=date, dated_by=by)  # type: ignore[arg-type]


# -- extraction on a worker ---------------------------------------------------------------


def extract_partition(
    items: Sequence[Item], since: str | None = None, until: str | None = None, quotes: int = QUOTES_PER_RELATION
) -> Tally:
    """Read, date and extract one partition of documents; runs on a Dask worker.

    Each document is extracted on its own with :func:`geo.extract.extract`;
    a document that fails to read or extract is counted as a skip with its
    reason, and the others go on. With ``since``/``until`` (ISO dates,
    inclusive), documents dated outside them, or not dated, are left out
    and counted.
    """
    from geo.extract import extract

    tally = Tally(quotes)
    for item in items:
        try:
            doc, date_problem = read_item(item)
        except InputError as exc:
            message = str(exc)
            if item.name and message.startswith(item.name):
                message = message[len(item.name) :].lstrip(" :")
            tally.skip(item.order, f"{item.where}: {message}")
            continue
        except Exception as exc:  # an input no reader foresaw: counted, never fatal
            tally.skip(item.order, f"{item.where}: cannot be read ({type(exc).__name__}: {exc})")
            continue
        if date_problem:
            tally.skip(item.order, date_problem, document=False)
        if (since or until) and (
            doc.date is None or (since is not None and doc.date < since) or (until is not None and doc.date > until)
        ):
            tally.outside_dates += 1
            continue
        try:
            scene = extract([doc])
        except Exception as exc:
            tally.skip(item.order, f"{item.where}: extraction failed ({type(exc).__name__}: {exc})")
            continue
        tally.add_scene(scene)
    return tally


def _worker_facts() -> dict:
    """What a worker reports at the end of a run: its peak memory and gazetteer loads."""
    import resource

    from geo.gazetteer import _load_default

    return {
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "gazetteer_loads": _load_default.cache_info().misses,
        "pid": os.getpid(),
    }


def _gazetteer_plugin():
    from distributed import WorkerPlugin

    class GazetteerPlugin(WorkerPlugin):
        """Loads the gazetteer when a worker joins, once: every task on it then shares it."""

        name = "geobrief-gazetteer"

        def setup(self, worker) -> None:
            from geo.extract import extract
            from geo.gazetteer import load_gazetteer

            load_gazetteer()
            # one short article warms the extractor's other tables before the first partition
            extract([Document("warm-up", "warm-up", "Turkey sold drones to Ukraine on 3 March 2020.")])

    return GazetteerPlugin()


# -- the run --------------------------------------------------------------------------------


@dataclass
class RunReport:
    """How a run went: documents done and skipped, time, workers and their peak memory."""

    documents: int = 0
    skipped: int = 0
    outside_dates: int = 0
    seconds: float = 0.0
    #: of which: until the workers were ready (gazetteer loaded), and after the last result
    start_seconds: float = 0.0
    end_seconds: float = 0.0
    workers: int = 0
    scheduler: str = ""
    worker_peak_mb: list[float] = field(default_factory=list)
    gazetteer_loads: list[int] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Documents read per second (extracted, skipped or outside the dates)."""
        return (self.documents + self.skipped + self.outside_dates) / self.seconds if self.seconds else 0.0


def _partitions(
    inputs: Iterable[Item | Skip], tally: Tally, size: int, skips: list[int] | None = None
) -> Iterator[list[Item]]:
    part: list[Item] = []
    held = 0
    for x in inputs:
        if isinstance(x, Skip):
            tally.skip(x.order, x.message)
            if skips is not None:
                skips[0] += 1
            continue
        part.append(x)
        held += x.size
        if len(part) >= size or held >= PARTITION_BYTES:
            yield part
            part, held = [], 0
    if part:
        yield part


def _forkable() -> bool:
    """Whether local workers may be forked from this process (Linux only: see `_warm_up`)."""
    return sys.platform.startswith("linux")


def _warm_up(items: Sequence[Item]) -> None:
    """Load the gazetteer and warm the extractor here, on a few of the first documents.

    On Linux the local cluster's workers are then forked from this process and
    start with all of it in memory: neither the imports, nor the gazetteer,
    nor the extractor's look-up caches are built again in each worker (about
    a second of a worker's time; see bench/bench_corpus.py). The documents
    are extracted again by the workers like every other: only their effect on
    the caches is kept. Forking is Dask's own ``fork`` start method; the
    extractor keeps no threads or thread-holding libraries (it is pure
    Python on the gazetteer's tables), so a forked worker inherits nothing
    half-held.
    """
    extract_partition(items[:WARM_UP_DOCS])


def local_cores() -> int:
    """The cores this process may run on (what a local cluster uses by default)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None, processes: bool = True, fork: bool = False):
    """A dask.distributed Client: on the given scheduler, or on a new local cluster."""
    import dask
    from distributed import Client, LocalCluster

    # Dask's own log lines (a worker's heartbeat lost as the cluster shuts down, a port taken)
    # are not the user's business: what goes wrong with a document comes back as its skip
    for name in ("distributed", "distributed.worker", "distributed.scheduler", "distributed.nanny"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    warnings.filterwarnings("ignore", module="distributed")
    # Workers of the local cluster (the settings reach them through their nannies) run without
    # dask's statistical profiler: sampling each task's stack every 10 ms cost a tight Python
    # loop like extraction up to a third of its speed (bench/bench_corpus.py). The monitors
    # tick less often: on a laptop the scheduler and nannies share the cores the workers need,
    # and partitions of a second each need no 20 ms watch. A cluster given with --scheduler
    # keeps its own settings.
    quiet = {
        "distributed.worker.profile.enabled": False,
        "distributed.admin.system-monitor.interval": "2s",
        "distributed.admin.tick.interval": "200ms",
        "distributed.worker.memory.monitor-interval": "500ms",
        "distributed.scheduler.work-stealing": False,
        # partitions go to the workers as soon as they are submitted (run_corpus bounds how many
        # are out): a worker then never waits for the scheduler to hand it the next one
        "distributed.scheduler.worker-saturation": "inf",
        # forked workers start with this process's modules, gazetteer and warm caches (_warm_up)
        "distributed.worker.multiprocessing-method": "fork" if fork else "spawn",
    }
    with dask.config.set(quiet):
        if scheduler:
            # dask's own setting when the user gave one (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT),
            # else 10 s: long enough for a busy scheduler, short enough for a mistyped address
            given = "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT" in os.environ
            timeout = dask.config.get("distributed.comm.timeouts.connect") if given else "10s"
            try:
                client = Client(scheduler, timeout=timeout)
            except (OSError, TimeoutError) as exc:
                raise CorpusError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from exc
            try:
                client.wait_for_workers(1, timeout=30)
            except TimeoutError as exc:
                client.close()
                raise CorpusError(f"the Dask scheduler at {scheduler} has no workers (waited 30 s)") from exc
            with client:
                yield client
            return
        cluster = LocalCluster(
            n_workers=workers or local_cores(),
            threads_per_worker=1,
            processes=processes,
            dashboard_address=":0",  # its HTTP routes on any free port, never a taken 8787
            silence_logs=logging.CRITICAL,
        )
        with cluster, Client(cluster) as client:
            yield client


def run_corpus(
    paths: Sequence[str | Path],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    since: str | None = None,
    until: str | None = None,
    quotes: int = QUOTES_PER_RELATION,
    partition_docs: int = PARTITION_DOCS,
    progress: Callable[[int, int], None] | None = None,
    processes: bool = True,
) -> tuple[Scene, RunReport]:
    """Extract a corpus on Dask and aggregate it into one Scene.

    Parameters
    ----------
    paths : sequence of str or Path
        Folders and files (see the module docstring).
    scheduler : str, optional
        A ``dask.distributed`` scheduler address (``tcp://host:port``); by
        default a local cluster is started.
    workers : int, optional
        Worker processes of the local cluster (this machine's cores by default).
    since, until : str, optional
        ISO dates (inclusive): only documents dated within are counted.
    quotes : int
        How many recent statements each arc quotes in full.
    partition_docs : int
        Documents per partition.
    progress : callable, optional
        Called as ``progress(documents_done, documents_expected)`` as partitions finish.
    processes : bool
        Whether the local cluster's workers are processes (the default: one
        per core, free of each other's interpreter lock) or threads of this
        process (the app's small corpora: nothing to start, the gazetteer
        already loaded here is shared).

    Returns
    -------
    (Scene, RunReport)

    Raises
    ------
    CorpusError
        When no cluster can be had.
    """
    from distributed import as_completed

    started = time.perf_counter()
    expected = count_inputs(paths)
    tally = Tally(quotes)
    report = RunReport()
    done = 0
    reader_skips = [0]  # inputs skipped as they were read (they count as done)
    # a small corpus still gives every worker several partitions
    size = max(1, min(partition_docs, -(-expected // (4 * (workers or local_cores())))))
    parts = _partitions(iter_inputs(paths), tally, size, reader_skips)
    fork = scheduler is None and processes and _forkable()
    first = next(parts, None) if fork else None
    if first is not None:
        _warm_up(first)
    with _client(scheduler, workers, processes, fork=fork) as client:
        client.register_plugin(_gazetteer_plugin())
        report.start_seconds = time.perf_counter() - started
        threads = sum(client.nthreads().values()) or 1
        report.workers = len(client.nthreads())
        report.scheduler = scheduler or "local"
        # partitions out at once: each worker has a few queued, so it keeps busy while this process
        # (reading, merging, and the scheduler itself) waits for a core; a partition is at most
        # PARTITION_BYTES of text, so what is out stays a few tens of MB
        window = 4 * threads + 2
        flying = as_completed()
        sizes: dict = {}
        firsts: dict = {}
        scattered: dict = {}

        def collect() -> None:
            nonlocal done
            future = next(flying)
            n = sizes.pop(future)
            order, where = firsts.pop(future)
            try:
                tally.merge(future.result())
            except Exception as exc:  # a worker died or the task could not run there
                tally.skip(
                    order,
                    f"{where} and the next {n - 1} documents: a worker failed ({type(exc).__name__}: {exc})",
                    count=n,
                )
            future.release()
            scattered.pop(future).release()
            done += n
            if progress is not None:
                progress(done + reader_skips[0], max(expected, done + reader_skips[0]))

        for part in itertools.chain([first] if first else [], parts):
            # the texts go straight to a worker (scatter) and are dropped there with the result:
            # passed inside the task instead, the scheduler kept every partition it was given
            # (the client grew by the corpus: 170 MB at 10,000 documents, 320 MB at 30,000)
            (data,) = client.scatter([part], hash=False)
            future = client.submit(extract_partition, data, since, until, quotes, pure=False)
            scattered[future] = data
            sizes[future] = len(part)
            firsts[future] = (part[0].order, part[0].where)
            flying.add(future)
            while len(sizes) >= window:
                collect()
        while sizes:
            collect()
        if progress is not None:
            progress(done + reader_skips[0], done + reader_skips[0])
        last_result = time.perf_counter()
        facts = client.run(_worker_facts)
        report.worker_peak_mb = [round(f["peak_rss_mb"], 1) for f in facts.values()]
        report.gazetteer_loads = [f["gazetteer_loads"] for f in facts.values()]
    scene = tally.to_scene(since=since, until=until)
    report.documents = tally.documents
    report.skipped = tally.skipped
    report.outside_dates = tally.outside_dates
    report.seconds = time.perf_counter() - started
    report.end_seconds = time.perf_counter() - last_result
    return scene, report


__all__ = [
    "CorpusError",
    "Item",
    "RunReport",
    "Skip",
    "count_inputs",
    "extract_partition",
    "iter_inputs",
    "read_item",
    "run_corpus",
]
