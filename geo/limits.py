"""What geobrief reads, and how much: the limits at its boundary, as data.

Every file a user gives geobrief (an article, a scene file) is read through
:func:`read_limited`, which stops at the limit *while* it reads, so a device
such as ``/dev/zero``, a pipe or a FIFO never makes it hang. Scene files are
then held to the counts and ranges below by :mod:`geo.scene`. The README's
"Limits" section states the same numbers; ``tests/test_limits.py`` checks that
it does.

A scene at these maxima maps and briefs in about ten seconds on a laptop core
(``bench/bench_limits.py`` prints the figures).

Examples
--------
>>> MAX_TEXT_BYTES
2000000
>>> describe_bytes(MAX_SCENE_BYTES)
'50 MB'
"""

from __future__ import annotations

import errno
import os
import select
import stat
import time
from pathlib import Path

# -- articles ---------------------------------------------------------------------------------

MAX_TEXT_BYTES = 2_000_000
"""The largest article, in bytes of text once read (2 MB, a few hundred pages)."""

MAX_ARTICLE_FILE_BYTES = 4 * MAX_TEXT_BYTES
"""The largest article file read (8 MB): HTML pages carry much markup around their text."""

# -- scene files ------------------------------------------------------------------------------

MAX_SCENE_BYTES = 50_000_000
"""The largest scene file read (50 MB: the texts of many articles and every sentence cited)."""

MAX_SCENE_DEPTH = 16
"""The deepest nesting of JSON arrays and objects in a scene file (a valid scene needs 5)."""

MAX_DOCUMENTS = 500
"""Articles in one scene."""

MAX_PLACES = 3_000
"""Places in one scene."""

MAX_RELATIONS = 3_000
"""Relations in one scene."""

MAX_MEMBERS = 250
"""Distinct members of one bloc, region or sphere of influence (the world has about 250 countries)."""

MAX_STEPS = 500
"""Steps of one briefing storyline."""

MAX_INTEGER = 2**53 - 1
"""The largest integer (in absolute value) a scene may hold: every JSON reader keeps it exact."""

MAX_NUMBER_CHARS = 40
"""The longest number, in characters, a scene file may spell out (``1e308`` and its like fit)."""

MAX_AREA_KM2 = 600_000_000.0
"""The largest ``area_km2`` (the Earth's surface is 510 million km²)."""

MAX_QUANTITY = 10**12
"""The largest transfer ``quantity``."""

# -- reading ----------------------------------------------------------------------------------

IDLE_SECONDS = 10.0
"""How long a pipe, FIFO or device may stay silent before reading it is given up."""

_CHUNK = 1 << 20


class LimitError(ValueError):
    """Input over a limit, or that cannot be read without waiting forever; the message says which."""


def describe_bytes(n: int) -> str:
    """A size for people: ``'2 MB'``, ``'8 MB'``, ``'512 kB'``."""
    if n >= 1_000_000:
        return f"{n / 1e6:.0f} MB"
    return f"{n / 1e3:.0f} kB"


def read_limited(path: Path, limit: int, *, what: str = "files", idle: float = IDLE_SECONDS) -> bytes:
    """The bytes of ``path``, read up to ``limit``; never blocks for long.

    Regular files are read up to ``limit + 1`` bytes. Anything else (a pipe,
    a FIFO, a character device such as ``/dev/zero``) is opened non-blocking
    and read as long as it gives data, until its end, the limit, or ``idle``
    seconds without data. A FIFO that nobody writes to reads as empty.

    Parameters
    ----------
    path : Path
        What to read.
    limit : int
        The most bytes accepted.
    what : str
        What the file is meant to be, plural, for messages (``"article files"``, ``"scene files"``).
    idle : float
        Seconds a non-regular file may stay silent.

    Raises
    ------
    LimitError
        Over ``limit``, or silent for ``idle`` seconds.
    OSError
        The file cannot be opened or read (missing, a folder, no permission).
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)  # non-blocking: opening a FIFO with no writer returns at once
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if stat.S_ISREG(info.st_mode):
            if info.st_size > limit:
                raise LimitError(_too_big(path, info.st_size, limit, what))
            os.set_blocking(fd, True)
            data = _read_regular(fd, limit)
        else:
            data = _read_stream(fd, path, limit, what, idle)
        if len(data) > limit:
            raise LimitError(_too_big(path, None, limit, what))
        return data
    finally:
        os.close(fd)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_marked(data: bytes) -> tuple[str | None, bytes]:
    r"""The encoding a byte-order mark names and the bytes after it, or (None, data).

    Examples
    --------
    >>> decode_marked(b"\xff\xfeK\x00")
    ('utf-16-le', b'K\x00')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom) :]
    return None, data


def _too_big(path: Path, size: int | None, limit: int, what: str) -> str:
    has = f"is {size / 1e6:.1f} MB" if size is not None else f"gives more than {describe_bytes(limit)}"
    return f"{path.name} {has}; geobrief reads {what} of up to {describe_bytes(limit)}"


def _read_regular(fd: int, limit: int) -> bytes:
    parts: list[bytes] = []
    got = 0
    while got <= limit:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - got))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _read_stream(fd: int, path: Path, limit: int, what: str, idle: float) -> bytes:
    parts: list[bytes] = []
    got = 0
    while got <= limit:
        try:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - got))
        except BlockingIOError:
            ready, _, _ = select.select([fd], [], [], idle)
            if not ready:
                raise LimitError(
                    f"{path.name} gave no data for {idle:.0f} s; geobrief reads {what} from files, "
                    "or from pipes that are being written"
                ) from None
            continue
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
        time.sleep(0)  # let a writer on the other end run
    return b"".join(parts)
