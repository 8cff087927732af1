"""The app's store on disk: text results, one file per key, written whole or not at all.

:mod:`app.cache` keeps the primer's first page and each session's last work
here. The store touches only its own files. Each file it writes starts with
a header line naming its kind, key and the digest of its body
(:data:`MAGIC`); a file without one, or whose body does not match, is
ignored (and then replaced), and only files with one are ever pruned. It
never follows a symbolic link: a cache folder that is one is bypassed with a
log line, and files are opened with ``O_NOFOLLOW``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import re
import stat
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger("geobrief.app_cache")

CACHE_ENV = "GEOBRIEF_CACHE_DIR"
"""Environment variable naming the store's folder (default ``~/.cache/geobrief``)."""
KEEP = 8
"""Files kept per kind of result; older ones are removed when the primer writes."""
MAGIC = "geobrief-store/1"
"""The first word of every file the store writes (then its kind, key and body digest)."""
MAX_FILE_BYTES = 256_000_000
"""A file in the folder larger than this is not the store's and is not read."""
_SAFE_KEY = re.compile(r"[A-Za-z0-9_]{1,64}")
O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
WAIT_SECONDS = 60.0
"""How long the app waits for a running primer before computing the page itself."""

stats: Counter[str] = Counter()
"""``hit:<kind>`` / ``miss:<kind>`` counts of this process's store lookups."""


def default_dir() -> Path:
    """``$GEOBRIEF_CACHE_DIR``, else ``$XDG_CACHE_HOME/geobrief``, else ``~/.cache/geobrief``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geobrief"


class Store:
    """Text results on disk, one file per key, written whole or not at all.

    Parameters
    ----------
    folder : Path
        Created when the primer first writes; reading a missing folder
        simply misses. A folder that is a symbolic link is never used.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._priming = False  # this process holds the primer's lock: never wait for it

    def path(self, kind: str, key: str) -> Path:
        """The file that holds the result ``kind`` under ``key``."""
        return self.folder / f"{kind}-{key}.json"

    # -- the folder ---------------------------------------------------------------------

    def folder_problem(self) -> str | None:
        """Why the folder cannot be used as it stands, or None (it is a folder, or absent)."""
        try:
            info = os.lstat(self.folder)
        except FileNotFoundError:
            return None
        except OSError as exc:
            return f"the cache folder {self.folder} cannot be read ({exc.strerror})"
        if stat.S_ISLNK(info.st_mode):
            return f"the cache folder {self.folder} is a symbolic link; geobrief does not follow it"
        if not stat.S_ISDIR(info.st_mode):
            return f"the cache folder {self.folder} is not a folder"
        return None

    def _ready_folder(self) -> None:
        """Create the folder if needed; raise OSError if it is not one the store may write in."""
        problem = self.folder_problem()
        if problem is not None:
            raise OSError(problem)
        self.folder.mkdir(parents=True, exist_ok=True)
        problem = self.folder_problem()  # made a link between the two calls
        if problem is not None:
            raise OSError(problem)

    def write_problem(self) -> str | None:
        """Why nothing can be kept in the folder (one line for the user), or None."""
        try:
            self._ready_folder()
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".probe-", suffix=".tmp")
            os.close(fd)
            os.unlink(tmp)
        except OSError as exc:
            text = str(exc) if exc.strerror is None else f"{self.folder} cannot be written ({exc.strerror})"
            log.warning("the cache folder cannot be used: %s", text)
            return text
        return None

    # -- files --------------------------------------------------------------------------

    def read(self, kind: str, key: str) -> str | None:
        """The stored text, or None (missing, unreadable, damaged or not the store's)."""
        if not _SAFE_KEY.fullmatch(key) or self.folder_problem() is not None:
            return None
        path = self.path(kind, key)
        try:
            fd = os.open(path, os.O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                log.warning("ignoring %s: not a file the store wrote", path.name)
                return None
            parts = []
            while chunk := os.read(fd, 1 << 20):
                parts.append(chunk)
            data = b"".join(parts)
        except OSError:
            return None
        finally:
            os.close(fd)
        body = _unwrap(data, kind, key)
        if body is None:
            log.warning("ignoring an unreadable stored %s %s (damaged, cut short or not the store's)", kind, key)
        return body

    def get(self, kind: str, key: str, wait: float = WAIT_SECONDS) -> str | None:
        """The stored text; if missing while a primer is at work, wait for it first."""
        text = self.read(kind, key)
        if text is None and not self._priming and self.wait_for_primer(wait):
            text = self.read(kind, key)
        stats[f"{'hit' if text is not None else 'miss'}:{kind}"] += 1
        return text

    def put(self, kind: str, key: str, text: str, keep: int | None = None) -> None:
        """Write atomically (a reader never sees half a file), then keep the newest ``keep`` of ``kind``.

        Raises
        ------
        OSError
            The folder cannot be written, or is not one the store uses.
        ValueError
            ``key`` is not a plain name.
        """
        if not _SAFE_KEY.fullmatch(key):
            raise ValueError(f"not a store key: {key!r:.80}")
        self._ready_folder()
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_wrap(text, kind, key))
            os.replace(tmp, self.path(kind, key))  # a link of that name is replaced, never followed
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self.prune(kind, KEEP if keep is None else keep)

    def own_files(self, kind: str) -> list[tuple[float, Path]]:
        """``(mtime, path)`` of every file of ``kind`` this store wrote (header checked), newest first."""
        found: list[tuple[float, Path]] = []
        pattern = re.compile(rf"{re.escape(kind)}-{_SAFE_KEY.pattern}\.json")
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        head = f"{MAGIC} {kind} ".encode()
        for name in names:
            if not pattern.fullmatch(name):
                continue
            path = self.folder / name
            try:
                info = os.lstat(path)
                if not stat.S_ISREG(info.st_mode):
                    continue
                fd = os.open(path, os.O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
                try:
                    first = os.read(fd, len(head))
                finally:
                    os.close(fd)
            except OSError:
                continue
            if first == head:
                found.append((info.st_mtime, path))
        found.sort(key=lambda item: (item[0], item[1].name), reverse=True)
        return found

    def prune(self, kind: str, keep: int) -> None:
        """Remove all but the newest ``keep`` files of ``kind`` that this store wrote; nothing else."""
        for _, old in self.own_files(kind)[keep:]:
            with contextlib.suppress(OSError):
                old.unlink()

    @property
    def _lock_path(self) -> Path:
        return self.folder / "prime.lock"

    @contextlib.contextmanager
    def priming(self) -> Iterator[None]:
        """Hold the primer's lock (exclusive) while the block computes and writes."""
        self._ready_folder()
        # O_NOFOLLOW: a prime.lock that is a link is refused, its target never created
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT | O_NOFOLLOW | O_NONBLOCK, 0o600)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError(f"{self._lock_path} is not a lock file the store made")
            fcntl.flock(fd, fcntl.LOCK_EX)
            self._priming = True
            try:
                yield
            finally:
                self._priming = False
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def wait_for_primer(self, timeout: float) -> bool:
        """Wait while a primer holds the lock; True if one did (its results may now be there)."""
        if self.folder_problem() is not None:
            return False
        try:
            fd = os.open(self._lock_path, os.O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        except OSError:
            return False
        waited = False
        deadline = time.monotonic() + timeout
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return False
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                except BlockingIOError:
                    waited = True
                    if time.monotonic() > deadline:
                        log.warning("the primer is still busy after %.0f s; computing here", timeout)
                        return False
                    time.sleep(0.03)
                    continue
                except OSError:
                    return False
                fcntl.flock(fd, fcntl.LOCK_UN)
                return waited
        finally:
            os.close(fd)


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:32]


def _wrap(text: str, kind: str, key: str) -> bytes:
    body = text.encode("utf-8")
    return f"{MAGIC} {kind} {key} {_digest(body)}\n".encode() + body


def _unwrap(data: bytes, kind: str, key: str) -> str | None:
    """The body of a stored file, or None unless its header names ``kind``/``key`` and its digest matches."""
    head, sep, body = data.partition(b"\n")
    if not sep:
        return None
    try:
        magic, got_kind, got_key, digest = head.decode("ascii").split(" ")
    except (UnicodeDecodeError, ValueError):
        return None
    if (magic, got_kind, got_key) != (MAGIC, kind, key) or digest != _digest(body):
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None
