"""The ``geobrief`` command line: geocode, extract, map, export, brief, corpus.

Each subcommand is a thin wrapper over one library call. Exit status: 0 on
success, 1 when some input could not be used (an unknown place name, an
unreadable file among several), 2 when nothing could be done (bad usage,
no readable input, an unwritable output).

Every problem is said in one line on stderr, never as a traceback: input
over the limits of :mod:`geo.limits`, a device or FIFO given as a file, a bad
``--tiles`` value; an unexpected failure is one line too (set
``GEOBRIEF_DEBUG=1`` to see its trace).

Heavy modules are imported inside the handlers so that ``geobrief --help``
and ``geobrief geocode`` start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_PARTIAL, EXIT_FAIL = 0, 1, 2


def _err(message: str) -> None:
    print(f"geobrief: {message}", file=sys.stderr)


# -- geocode --------------------------------------------------------------------


def _geocode(args: argparse.Namespace) -> int:
    from geo.gazetteer import MAX_QUERY_LENGTH, load_gazetteer

    gaz = load_gazetteer()
    rows: list[dict] = []
    status = EXIT_OK
    for query in args.names:
        q = query.strip()
        if not q:
            _err("an empty name was given; skipped it")
            status = EXIT_PARTIAL
            continue
        if len(q) > MAX_QUERY_LENGTH:
            _err(f"a name of {len(q)} characters is too long to be a place (limit {MAX_QUERY_LENGTH}); skipped it")
            status = EXIT_PARTIAL
            continue
        entry = gaz.resolve(q)
        if entry is None:
            if gaz.is_ambiguous(q):
                options = ", ".join(f"{e.name} ({e.id})" for e, _ in gaz.candidates(q))
                _err(f"{q!r} is ambiguous: it can name {options}; give a fuller name")
            else:
                _err(f"no place known as {q!r}")
            status = EXIT_PARTIAL
            continue
        rows.append(
            {
                "query": query,
                "id": entry.id,
                "name": entry.name,
                "kind": entry.kind,
                "iso": entry.iso,
                "lat": round(entry.lat, 5),
                "lon": round(entry.lon, 5),
                "area_km2": round(entry.area_km2, 1),
                "has_polygon": entry.has_polygon,
            }
        )
    if args.format == "json":
        from geo import strict_json

        print(strict_json.dumps(rows, indent=1))
    else:
        for r in rows:
            iso = r["iso"] or "--"
            print(
                f"{r['query']!s:24} {r['name']!s:28} {r['kind']:9} {iso:3} "
                f"{r['lat']:9.4f} {r['lon']:9.4f} {r['area_km2']:>12,.0f} km²"
            )
    return status


# -- reading articles -------------------------------------------------------------


def _read_articles(paths: Sequence[str]) -> tuple[list, int]:
    """Documents from the given files, and the exit status so far."""
    from geo.documents import InputError, load_path

    docs = []
    status = EXIT_OK
    for path in paths:
        try:
            docs.append(load_path(Path(path)))
        except InputError as exc:
            _err(f"{path}: {exc}")
            status = EXIT_PARTIAL
    return docs, status


def _scene_from_args(args: argparse.Namespace):
    """The Scene named by --scene, or extracted from the FILE arguments; (scene, status)."""
    from geo.limits import MAX_SCENE_BYTES, LimitError, read_limited
    from geo.scene import Scene, SceneError

    if getattr(args, "scene", None):
        if args.files:
            _err("give either --scene or article files, not both")
            return None, EXIT_FAIL
        try:
            data = read_limited(Path(args.scene), MAX_SCENE_BYTES, what="scene files")
            return Scene.from_json(data), EXIT_OK
        except LimitError as exc:
            _err(str(exc))
        except OSError as exc:
            _err(f"{args.scene}: cannot read it ({exc.strerror or exc})")
        except SceneError as exc:
            _err(f"{args.scene}: {exc}")
        return None, EXIT_FAIL
    if not args.files:
        _err("no article files given")
        return None, EXIT_FAIL
    docs, status = _read_articles(args.files)
    if not docs:
        if len(args.files) > 1:
            _err("none of the files could be read")
        return None, EXIT_FAIL
    from geo.extract import extract

    return extract(docs), status


def _write(path: str, text: str) -> bool:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        _err(f"cannot write {path}: {exc.strerror}")
        return False
    return True


# -- extract --------------------------------------------------------------------


def _extract(args: argparse.Namespace) -> int:
    scene, status = _scene_from_args(args)
    if scene is None:
        return status
    if args.format == "json":
        print(scene.to_json())
    else:
        from geo.extract import summarize

        print(summarize(scene))
    return status


# -- map / export / brief ----------------------------------------------------------


def _map(args: argparse.Namespace) -> int:
    if args.tiles is not None or args.attribution is not None:
        from layers.tiles import TilesError, check_tiles

        if args.tiles is None:
            _err("--attribution goes with --tiles")
            return EXIT_FAIL
        try:
            check_tiles(args.tiles, args.attribution)  # before any article is read
        except TilesError as exc:
            _err(str(exc))
            return EXIT_FAIL
    scene, status = _scene_from_args(args)
    if scene is None:
        return status
    from layers.export import export_html

    if not args.output and not args.png:
        _err("say what to write: -o map.html and/or --png map.png")
        return EXIT_FAIL
    html = export_html(scene, tiles=args.tiles, attribution=args.attribution, title=args.title)
    if args.output:
        if not _write(args.output, html):
            return EXIT_FAIL
        print(f"wrote {args.output}", file=sys.stderr)
    if args.png:
        from layers.briefing import BriefingError
        from layers.export import export_map_png

        try:
            export_map_png(scene, args.png, html=html)
        except (BriefingError, OSError) as exc:
            _err(str(exc))
            return EXIT_FAIL
        print(f"wrote {args.png}", file=sys.stderr)
    return status


def _export(args: argparse.Namespace) -> int:
    scene, status = _scene_from_args(args)
    if scene is None:
        return status
    from layers.export import export_geojson

    wrote = False
    if args.geojson:
        from geo import strict_json

        if not _write(args.geojson, strict_json.dumps(export_geojson(scene))):
            return EXIT_FAIL
        wrote = True
    if args.scene_out:
        if not _write(args.scene_out, scene.to_json()):
            return EXIT_FAIL
        wrote = True
    if not wrote:
        _err("say what to write: --geojson FILE and/or --scene-out FILE")
        return EXIT_FAIL
    return status


def _brief(args: argparse.Namespace) -> int:
    if not args.output and not args.png:
        _err("say what to write: -o briefing.html and/or --png DIR")
        return EXIT_FAIL
    scene, status = _scene_from_args(args)
    if scene is None:
        return status
    from layers.briefing import BriefingError, export_briefing_html, export_briefing_pngs

    try:
        html = export_briefing_html(scene, title=args.title)
        if args.output and not _write(args.output, html):
            return EXIT_FAIL
        if args.png:
            paths = export_briefing_pngs(scene, Path(args.png), html=html)
            print(f"wrote {len(paths)} PNG files to {args.png}", file=sys.stderr)
    except BriefingError as exc:
        _err(str(exc))
        return EXIT_FAIL
    return status


# -- corpus ---------------------------------------------------------------------


def _corpus(args: argparse.Namespace) -> int:
    """Extract a corpus on Dask into one aggregated Scene; the work is in geo.corpus."""
    from app.corpus_cli import run

    return run(args, err=_err, write=_write)


# -- parser ---------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="geobrief", description="Turn geopolitical news articles into offline briefing maps."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("geocode", help="resolve place names, aliases and demonyms")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(func=_geocode)

    p = sub.add_parser("extract", help="read articles and print their Scene")
    p.add_argument("files", nargs="*", metavar="FILE", help=".txt, .md or .html articles")
    p.add_argument("--scene", help=argparse.SUPPRESS)
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(func=_extract)

    p = sub.add_parser("map", help="write an offline HTML map of articles or a saved Scene")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--scene", metavar="SCENE.json", help="render a saved or edited Scene")
    p.add_argument("-o", "--output", metavar="MAP.html")
    p.add_argument("--png", metavar="MAP.png", help="also write a PNG of the map's first view (needs chromium)")
    p.add_argument("--title", help="the map's title (default: the articles' titles)")
    p.add_argument(
        "--tiles",
        default=None,
        help="online tiles under the map (off by default): OpenStreetMap, 'CartoDB positron', "
        "'CartoDB dark_matter', or an http(s) URL template with {z}/{x}/{y} and --attribution",
    )
    p.add_argument("--attribution", default=None, metavar="TEXT", help="who provides --tiles given as a URL")
    p.set_defaults(func=_map)

    p = sub.add_parser("export", help="write every layer as GeoJSON, or the Scene as JSON")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--scene", metavar="SCENE.json")
    p.add_argument("--geojson", metavar="OUT.geojson")
    p.add_argument("--scene-out", metavar="OUT.json")
    p.set_defaults(func=_export)

    p = sub.add_parser("brief", help="write a self-contained briefing (HTML and/or PNGs)")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--scene", metavar="SCENE.json")
    p.add_argument("-o", "--output", metavar="BRIEFING.html")
    p.add_argument("--png", metavar="DIR", help="also write one PNG per step (needs chromium)")
    p.add_argument("--title", help="the briefing's title (default: the articles' titles)")
    p.set_defaults(func=_brief)

    p = sub.add_parser(
        "corpus",
        help="extract many articles on Dask into one map of who arms, backs and fights whom",
        description="Folders and files of .txt/.md/.html articles, JSON Lines and CSV files with a 'text' "
        "field (and optionally date, title, url, id) → one aggregated Scene and its map.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="folders, articles, .jsonl or .csv files")
    p.add_argument("-o", "--output", metavar="CORPUS.html", help="write the corpus map (offline HTML)")
    p.add_argument("--scene", metavar="CORPUS.json", help="write the aggregated Scene")
    p.add_argument("--geojson", metavar="OUT.geojson", help="write every layer as GeoJSON")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only documents dated on or after this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only documents dated on or before this day")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a dask.distributed scheduler, e.g. tcp://host:8786")
    p.add_argument("--workers", type=int, metavar="N", help="worker processes of the local cluster (all cores)")
    p.set_defaults(func=_corpus)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geobrief`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except (Exception, RecursionError, MemoryError) as exc:
        if os.environ.get("GEOBRIEF_DEBUG"):
            raise
        reason = str(exc).splitlines()[0][:200] if str(exc) else ""
        _err(f"failed: {type(exc).__name__}{': ' + reason if reason else ''} (GEOBRIEF_DEBUG=1 shows the trace)")
        return EXIT_FAIL


if __name__ == "__main__":
    raise SystemExit(main())
