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
import itertools
import logging
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from geo.aggregate import QUOTES_PER_RELATION, Tally
from geo.corpus_inputs import Item, Skip, count_inputs, iter_inputs, read_item
from geo.documents import InputError
from geo.scene import Document, Scene

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
