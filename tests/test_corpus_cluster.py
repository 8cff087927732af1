"""Same answer in both modes: a real dask.distributed cluster vs the local one.

A scheduler and two workers are started as separate processes on
localhost (the ``distributed`` package's own command-line programs), and
``geobrief corpus --scheduler tcp://127.0.0.1:PORT`` must give exactly the
aggregated relations, places and counts of ``geobrief corpus --workers 2``.

Two corpora:

- the synthetic one in ``tests/data/corpus`` (always there);
- the public geoparsing corpora (TR-News, GeoWebNews, LGL: about 900 real
  news articles) and the 30 development articles, read from ``../shared``
  at run time and never copied into the project (GPL-3.0 repositories,
  texts of their publishers). Where that folder is missing the test is
  skipped and the summary (``pytest -ra``) says why; the synthetic corpus
  test runs everywhere. ``GEOBRIEF_REQUIRE_SHARED_DATA=1`` turns the skip
  into a failure on a machine that must have the corpora.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
SHARED = Path(os.environ.get("GEOBRIEF_SHARED_DIR", ROOT.parent / "shared"))
GEOPARSING = SHARED / "benchmarks" / "geoparsing"
DEV_TEXTS = SHARED / "eval" / "dev" / "texts"
#: (name, file, article tag's id attribute) of each public corpus
REAL_CORPORA = (
    ("trnews", "TR-News/TR-News.xml", "docid"),
    ("gwn", "GeoWebNews/GWN.xml", "file"),
    ("lgl", "LGL/lgl.xml", "docid"),
)


#: the distributed package's own command-line programs (what ``dask scheduler``/``dask worker`` run)
SCHEDULER = (sys.executable, "-m", "distributed.cli.dask_scheduler")
WORKER = (sys.executable, "-m", "distributed.cli.dask_worker")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster():
    """A dask scheduler and two single-thread workers, each its own process on localhost."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    common = {
        "cwd": ROOT,
        "env": env,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
        "start_new_session": True,  # each with its children in a process group of its own
    }
    procs = [
        subprocess.Popen(
            [*SCHEDULER, "--host", "127.0.0.1", "--port", str(port), "--no-dashboard", "--no-show"],
            **common,
        )
    ]
    # the workers start alongside the scheduler (each keeps trying to reach it): the three
    # interpreters import distributed at the same time rather than one after the other
    for _ in range(2):
        procs.append(
            subprocess.Popen(
                [*WORKER, address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard", "--host", "127.0.0.1"],
                **common,
            )
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.monotonic() > deadline or procs[0].poll() is not None:
                pytest.fail("the dask scheduler did not start")
            time.sleep(0.2)
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
            pids = set(client.run(os.getpid).values())
        assert len(pids) == 2 and os.getpid() not in pids  # two workers, neither in this process
        yield address
    finally:
        # the scheduler closes its workers when asked; a worker that has not exited a few seconds
        # later (a nanny waits about 8 s for its worker) is killed with its process group
        with contextlib.suppress(Exception):
            from distributed import Client

            with Client(address, timeout="5s") as client:
                client.shutdown()
        for p in procs:
            try:
                p.wait(timeout=3)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(timeout=20)


def _corpus(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "corpus", *args], capture_output=True, text=True, cwd=ROOT, timeout=600
    )


def _both_modes(paths: list[Path], tmp_path: Path, address: str) -> tuple[dict, dict, str]:
    local, remote = tmp_path / "local.json", tmp_path / "cluster.json"
    run = _corpus(*map(str, paths), "--workers", "2", "--scene", str(local))
    assert run.returncode == 0, run.stderr  # every input read (1 would mean some were skipped)
    run_remote = _corpus(*map(str, paths), "--scheduler", address, "--scene", str(remote))
    assert run_remote.returncode == 0, run_remote.stderr
    assert f"on 2 Dask workers ({address})" in run_remote.stderr
    return json.loads(local.read_text("utf-8")), json.loads(remote.read_text("utf-8")), run_remote.stderr


def test_synthetic_corpus_gives_the_same_scene_on_a_dask_cluster(cluster, tmp_path: Path):
    local, remote, _ = _both_modes([CORPUS], tmp_path, cluster)
    assert remote == local
    assert local["corpus"]["documents"] == 13 and local["relations"]


def test_gazetteer_loads_once_per_worker(cluster):
    from geo.corpus import run_corpus

    _, report = run_corpus([CORPUS], scheduler=cluster, partition_docs=2)
    assert report.workers == 2
    # seven partitions shared by two workers, one gazetteer load on each
    assert report.gazetteer_loads == [1, 1]


def _real_jsonl(path: Path) -> int:
    """The public corpora as one JSON Lines file (in the test's temporary folder only)."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for name, file, id_attr in REAL_CORPORA:
            for article in ET.parse(GEOPARSING / file).getroot().iter("article"):
                rec = {"id": f"{name}-{article.get(id_attr)}", "text": article.findtext("text") or ""}
                title = (article.findtext("title") or "").strip()
                when = (article.findtext("dltime") or "").strip()  # the feeds' own stamps, as given
                if title:
                    rec["title"] = title
                if when:
                    rec["date"] = when
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def test_real_news_corpus_gives_the_same_relations_on_a_dask_cluster(cluster, tmp_path: Path):
    if not GEOPARSING.is_dir() or not DEV_TEXTS.is_dir():
        reason = (
            f"the real news corpora are missing ({GEOPARSING}, {DEV_TEXTS}); this test reads them from the "
            "workplace's shared folder (set GEOBRIEF_SHARED_DIR to where they are)"
        )
        if os.environ.get("GEOBRIEF_REQUIRE_SHARED_DATA") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    feed = tmp_path / "real.jsonl"
    articles = _real_jsonl(feed)
    assert articles > 850, f"expected about 900 real articles, found {articles}"
    local, remote, stderr = _both_modes([feed, DEV_TEXTS], tmp_path, cluster)
    print(f"real corpus: {articles} articles + 30 dev texts; {stderr.strip().splitlines()[-1]}")
    assert local["corpus"]["documents"] == articles + 30
    assert local["corpus"]["dated_by_column"] > 600 and local["corpus"]["dated_by_text"] > 0
    assert len(local["relations"]) > 50
    # exactly the same aggregated relations (and everything else)
    assert remote["relations"] == local["relations"]
    assert remote == local
    keys = [
        (
            r["kind"],
            r["source"],
            r.get("source_actor"),
            r["target"] if r["kind"] != "influence" else None,
            r.get("target_actor"),
        )
        for r in local["relations"]
    ]  # one arc per kind and ends (a non-state side is an end of its own)
    assert len(keys) == len(set(keys))
