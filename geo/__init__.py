"""geobrief's text side: gazetteer, mention finding, resolution, relation extraction, the Scene.

The extractor's modules may also exist compiled to C (``scripts/compile_extractor.py``, run
by ``./run.sh``), in ``<venv>/geobrief-compiled/``. They are imported instead of the sources
only while the stamp of that build matches every ``geo`` source file as it is now, so an
edited module always runs as written. ``GEOBRIEF_PURE_PYTHON=1`` keeps the sources (the
tests do, so the doctests run; tests/test_compiled.py compares the two).
"""

from __future__ import annotations

import hashlib
import os
import sys
import sysconfig
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def source_stamp() -> str:
    """A digest of every ``geo`` source file and of the interpreter a build is made for."""
    h = hashlib.sha256(f"{sys.version}|{sysconfig.get_config_var('EXT_SUFFIX')}".encode())
    for path in sorted(_HERE.rglob("*.py")):
        h.update(path.relative_to(_HERE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def compiled_dir() -> Path:
    """Where this interpreter's compiled build of the extractor lives (it may not exist)."""
    return Path(sys.prefix) / "geobrief-compiled"


def compiled_is_current(out: Path | None = None) -> bool:
    """Whether a compiled build exists and was made from the sources as they are now."""
    stamp = (out or compiled_dir()) / "STAMP"
    try:
        return stamp.read_text(encoding="utf-8").strip() == source_stamp()
    except OSError:
        return False


def _use_compiled() -> bool:
    if os.environ.get("GEOBRIEF_PURE_PYTHON") == "1" or not compiled_is_current():
        return False
    out = compiled_dir()
    __path__.insert(0, str(out / "geo"))  # the compiled modules first; the rest (and geo.data) from here
    sys.path.append(str(out))  # the C libraries the compiled modules share
    return True


COMPILED = _use_compiled()
"""Whether the extractor's compiled modules are in use in this process."""
