"""Corpus inputs: folders of articles, JSON Lines and CSV files, read as a stream of items.

Folders are searched recursively (hidden entries left out) for ``.txt``,
``.md`` and ``.html`` articles, read by :mod:`geo.documents` exactly as
single articles are; JSON Lines (``.jsonl``, ``.ndjson``) and CSV files give
one item per record with a ``text`` field and optionally ``date``,
``title``, ``url`` and ``id``. An input that cannot be used is a
:class:`Skip` with its reason, never an exception. :func:`read_item` turns an
item into a dated :class:`geo.scene.Document` on the worker.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.dates import DateError, find_date, parse_date
from geo.documents import HTML_SUFFIXES, MAX_TEXT_BYTES, InputError, load_bytes
from geo.scene import Document

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", *HTML_SUFFIXES})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
CORPUS_SUFFIXES = ARTICLE_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
FIELDS = ("text", "date", "title", "url", "id")


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
