"""Reading articles: plain text, Markdown and HTML files into Documents.

The text of a ``.txt`` or ``.md`` file is kept exactly as read (UTF-8,
newlines kept) so that every character offset in a Scene indexes the file
itself. HTML is reduced to its visible text with the standard library's
parser: ``script``/``style`` content is dropped, entities are unescaped and
block elements become line breaks. A whole web page is first cut down to its
article by readability-lxml (the maintained port of Arc90's Readability), so
its navigation, footer and "related articles" never become places.

Examples
--------
>>> doc = load_bytes("note.txt", "Turkey sells drones to Ukraine.".encode())
>>> doc.title, doc.text[:6]
('note', 'Turkey')
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from geo.limits import (
    MAX_ARTICLE_FILE_BYTES,
    MAX_TEXT_BYTES,
    LimitError,
    decode_marked,
    describe_bytes,
    read_limited,
)
from geo.scene import Document

__all__ = ["MAX_TEXT_BYTES", "InputError", "html_to_text", "load_bytes", "load_path"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ""})

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "hr",
        "title",
        "dd",
        "dt",
        "figcaption",
        "main",
        "aside",
        "nav",
    }
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})


class InputError(ValueError):
    """A file that cannot be read as an article; the message says why."""


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML page (stdlib parser, no scripts run)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        if tag == "title":
            self._in_title = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
            return
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """The visible text of an HTML page and its ``<title>``.

    Parameters
    ----------
    markup : str
        HTML source.

    Returns
    -------
    tuple of str
        (text, title): the article's text (see :func:`main_html`), paragraphs
        separated by blank lines, and the page's ``<title>``.

    Examples
    --------
    >>> html_to_text("<p>Kyiv &amp; Ankara</p><script>x()</script>")
    ('Kyiv & Ankara', '')
    """
    _, title = _visible_text(markup)
    text, _ = _visible_text(main_html(markup))
    return text, title


def main_html(markup: str) -> str:
    """The article part of a web page (navigation, footers, sidebars and "related" lists left out).

    readability-lxml scores the page's blocks by their text and keeps the
    article; a page it cannot read (or where it finds no text) is kept whole.

    Examples
    --------
    >>> page = ("<nav><a href='/africa'>Africa</a></nav><article><p>" + "Turkey sells drones to Ukraine. " * 8
    ...         + "</p></article><footer>Offices in London</footer>")
    >>> "Africa" in main_html(page), "London" in main_html(page), "Ukraine" in main_html(page)
    (False, False, True)
    """
    import logging

    from readability import Document as Readable

    # readability logs every page it finds hard to read at INFO; that is not the analyst's business
    logging.getLogger("readability.readability").setLevel(logging.WARNING)
    try:
        summary = Readable(markup).summary(html_partial=True)
    except Exception:  # lxml's parser errors on odd pages: read the whole page instead
        return markup
    text, _ = _visible_text(summary)
    return summary if text.strip() else markup


def _visible_text(markup: str) -> tuple[str, str]:
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip()
    return text, title


def _decode(name: str, data: bytes) -> str:
    encoding, body = decode_marked(data)
    if encoding is not None:
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name} starts with a {encoding.upper()} byte-order mark but is not {encoding.upper()} text"
            ) from exc
        if "\x00" in text:
            raise InputError(f"{name} looks like a binary file (it holds NUL characters), not article text")
    else:
        if b"\x00" in data[:65536] or b"\x00" in data[-65536:]:
            raise InputError(f"{name} looks like a binary file (it holds NUL bytes), not article text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise InputError(f"{name} is neither UTF-8 nor Windows-1252 text") from exc
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 20000) + 2:
        raise InputError(f"{name} looks like a binary file (many control characters), not article text")
    # universal newlines, as Python's text-mode reading gives (offsets then agree)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_bytes(name: str, data: bytes) -> Document:
    """Read one article from its file name and raw bytes.

    Parameters
    ----------
    name : str
        File name; its suffix chooses the reader (.html/.htm → HTML, else text).
    data : bytes
        The file's content.

    Returns
    -------
    Document
        ``id`` is the file stem plus a short hash of the text; ``title`` the
        HTML title, a Markdown heading or the file stem.

    Raises
    ------
    InputError
        Binary or undecodable data, text over 2 MB, or an empty document.
    """
    if len(data) > MAX_ARTICLE_FILE_BYTES:
        raise InputError(
            f"{name} is {len(data) / 1e6:.1f} MB; geobrief reads articles of up to "
            f"{describe_bytes(MAX_TEXT_BYTES)} of text"
        )
    text = _decode(name, data)
    suffix = Path(name).suffix.lower()
    title = ""
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:1] == "<"):
        text, title = html_to_text(text)
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise InputError(
            f"{name} holds {size / 1e6:.1f} MB of text; geobrief reads articles of up to "
            f"{MAX_TEXT_BYTES / 1e6:.0f} MB each (split it into smaller files)"
        )
    if not text.strip():
        raise InputError(f"{name} is empty (no text to read)")
    stem = Path(name).stem or "article"
    if not title and suffix in {".md", ".markdown"}:
        first = text.lstrip().split("\n", 1)[0]
        if first.startswith("#"):
            title = first.lstrip("#").strip()
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-") or "article"
    return Document(id=f"{slug}-{digest}", title=title or stem, text=text, source=name)


def load_path(path: Path) -> Document:
    """Read one article file (.txt, .md, .html/.htm).

    Raises
    ------
    InputError
        The file is missing, unreadable, binary, too large or empty.
    """
    path = Path(path)
    try:
        # read while checking the limit: a device, pipe or FIFO can neither hang nor flood
        data = read_limited(path, MAX_ARTICLE_FILE_BYTES, what="article files")
    except LimitError as exc:
        raise InputError(f"{exc} ({describe_bytes(MAX_TEXT_BYTES)} of text)") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path} is a folder, not an article file") from exc
    except FileNotFoundError as exc:
        raise InputError(f"{path} does not exist") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path} ({exc.strerror or exc})") from exc
    # Only the file name is kept: where the analyst keeps articles must not change the
    # Scene (or the ids and bytes of its exports), nor leak into maps they share.
    return load_bytes(path.name, data)
