"""Every user action in the app, guarded: a one-line reason on screen, the trace in the server log.

An action (adding an article, opening a scene, an edit, an export) that fails
must not show the analyst a Python traceback with the server's paths, nor
lose what they had. :func:`guard` runs a block; on an error it logs the full
trace (logger ``geobrief.app``) and reports one line through the function it
was given (the app's flash messages, or ``st.error`` in place). The block's
own changes are the caller's to keep or roll back; the app changes its
workspace only once an action has succeeded.

Streamlit's own control flow (``st.rerun()``, ``st.stop()``) raises
``BaseException`` subclasses, which pass through untouched.

Examples
--------
>>> from geo.scene import SceneError
>>> said = []
>>> with guard("Opening the file", said.append):
...     raise SceneError("not a geobrief scene: it has no 'schema_version'")
>>> said
["Opening the file failed: not a geobrief scene: it has no 'schema_version'."]
>>> with guard("Opening the file", said.append):
...     raise ValueError("/srv/geobrief/app/x.py line 3")
>>> said[-1]
'Opening the file failed: an unexpected error (ValueError); the details are in the server log.'

"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Iterator
from typing import Any

log = logging.getLogger("geobrief.app")

_EXPLAINED = (
    "geo.scene.SceneError",
    "geo.documents.InputError",
    "geo.edits.EditError",
    "geo.story.StoryError",
    "geo.limits.LimitError",
    "geo.strict_json.JSONLimitError",
    "layers.tiles.TilesError",
    "layers.briefing.BriefingError",
)
"""geobrief's own errors: their message is written for the user and is shown as it is."""


def reason(exc: BaseException) -> str:
    """One line saying why, for the user: geobrief's own message, else a plain phrase.

    Messages of other errors are not shown (they can hold the server's paths or code).

    Examples
    --------
    >>> reason(RecursionError("maximum recursion depth exceeded"))
    'the input is nested too deeply to read'
    >>> reason(KeyError("/srv/app/x.py"))
    'an unexpected error (KeyError); the details are in the server log'
    """
    for cls in type(exc).__mro__:
        if f"{cls.__module__}.{cls.__qualname__}" in _EXPLAINED:
            text = " ".join(str(exc).split())
            return (text[:300] + "…") if len(text) > 300 else text.rstrip(".")
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "the input is too large for this server's memory"
    if isinstance(exc, PermissionError):
        return "a file could not be written or read (no permission)"
    return f"an unexpected error ({type(exc).__name__}); the details are in the server log"


@contextlib.contextmanager
def guard(action: str, report: Callable[[str], Any], *, after: str = "") -> Iterator[None]:
    """Run the block; on an error, log its trace and ``report`` one line.

    Parameters
    ----------
    action : str
        What the user was doing, as a sentence start: ``"Opening the file"``.
    report : callable
        Shows the line (e.g. the app's ``flash`` or ``st.error``).
    after : str
        A sentence added to the line, e.g. ``"Your articles are unchanged."``.
    """
    try:
        yield
    except (Exception, RecursionError, MemoryError) as exc:
        log.error("%s failed", action, exc_info=exc)
        report(f"{action} failed: {reason(exc)}." + (f" {after}" if after else ""))


def guarded(action: str, report: Callable[[str], Any], *, after: str = "") -> Callable:
    """Decorate a widget callback with :func:`guard`."""

    def wrap(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            with guard(action, report, after=after):
                return fn(*args, **kwargs)
            return None

        return run

    return wrap
