"""``geobrief corpus``: the command's arguments, progress bar and report around :func:`geo.corpus.run_corpus`.

Kept apart from :mod:`app.cli` so that the other subcommands never import
Dask, and the corpus command's wiring stays in one place. Writing the map
needs :mod:`layers`, imported here only when ``-o`` or ``--geojson`` asks
for it (the CLI is the top of the import order: CLI → layers → geo).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

EXIT_OK, EXIT_PARTIAL, EXIT_FAIL = 0, 1, 2
#: how many skip messages the command prints (all are counted, and the Scene keeps the first 100)
SHOWN_SKIPS = 20


def _day(value: str | None, flag: str, err: Callable[[str], None]) -> tuple[str | None, bool]:
    if value is None:
        return None, True
    from geo.dates import DateError, parse_date

    try:
        return parse_date(value), True
    except DateError as exc:
        err(f"{flag}: {exc}")
        return None, False


class _Bar:
    """A tqdm progress bar on stderr: documents done, documents per second, time left."""

    def __init__(self) -> None:
        self.bar: Any = None  # a tqdm bar, made on the first report

    def __call__(self, done: int, expected: int) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=expected, unit="doc", desc="corpus", file=sys.stderr, dynamic_ncols=True)
        if expected != self.bar.total:
            self.bar.total = expected
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run(args: argparse.Namespace, *, err: Callable[[str], None], write: Callable[[str, str], bool]) -> int:
    """Run ``geobrief corpus``; returns the exit status (0 done, 1 some input skipped, 2 nothing done)."""
    if not (args.output or args.scene or args.geojson):
        err("say what to write: -o corpus.html, --scene corpus.json and/or --geojson FILE")
        return EXIT_FAIL
    since, ok_since = _day(args.since, "--since", err)
    until, ok_until = _day(args.until, "--until", err)
    if not (ok_since and ok_until):
        return EXIT_FAIL
    if since and until and since > until:
        err(f"--since {since} is after --until {until}: no document can be in between")
        return EXIT_FAIL
    if args.workers is not None and args.workers < 1:
        err("--workers must be 1 or more")
        return EXIT_FAIL
    if args.scheduler and args.workers:
        err("--workers sizes the local cluster; the cluster at --scheduler keeps its own workers")
    from geo.corpus import CorpusError, run_corpus

    bar = _Bar()
    try:
        scene, report = run_corpus(
            args.paths, scheduler=args.scheduler, workers=args.workers, since=since, until=until, progress=bar
        )
    except CorpusError as exc:
        bar.close()
        err(str(exc))
        return EXIT_FAIL
    bar.close()
    corpus = scene.corpus
    assert corpus is not None
    for message in corpus.skips[:SHOWN_SKIPS]:
        err(message)
    if len(corpus.skips) < corpus.skipped + corpus.dates_ignored or len(corpus.skips) > SHOWN_SKIPS:
        rest = corpus.skipped + corpus.dates_ignored - min(SHOWN_SKIPS, len(corpus.skips))
        err(f"… and {rest} more (the Scene's corpus.skips lists the first {len(corpus.skips)})")
    peak = max(report.worker_peak_mb, default=0.0)
    print(
        f"geobrief corpus: {corpus.documents:,} documents read, {corpus.skipped:,} skipped"
        + (f", {corpus.dates_ignored:,} dates unreadable" if corpus.dates_ignored else "")
        + (f", {corpus.outside_dates:,} outside the dates asked for" if since or until else "")
        + f"; {len(scene.relations):,} relations, {len(scene.places):,} places"
        + f"; {report.seconds:.1f} s ({report.rate:,.0f} documents/s; cluster start {report.start_seconds:.1f} s,"
        + f" shutdown {report.end_seconds:.1f} s) on {report.workers} Dask"
        + f" worker{'s' if report.workers != 1 else ''}"
        + f" ({report.scheduler}), peak worker memory {peak:,.0f} MB",
        file=sys.stderr,
    )
    if corpus.documents == 0:
        err("no document could be read: nothing written")
        return EXIT_FAIL
    if args.scene and not write(args.scene, scene.to_json()):
        return EXIT_FAIL
    if args.output:
        from layers.export import export_html

        if not write(args.output, export_html(scene)):
            return EXIT_FAIL
        print(f"wrote {args.output}", file=sys.stderr)
    if args.geojson:
        from layers.export import export_geojson

        if not write(args.geojson, json.dumps(export_geojson(scene), ensure_ascii=False)):
            return EXIT_FAIL
    return EXIT_PARTIAL if corpus.skipped else EXIT_OK
