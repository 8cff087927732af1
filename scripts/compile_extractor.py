"""Compile the extractor's modules to C with mypyc (part of installing; ``./run.sh`` runs it).

The relation extractor is plain, fully annotated Python. mypyc (shipped with mypy, which the
test extra already installs) turns each of its modules into a C extension that computes the
same results about twice as fast (bench/bench_extract.py prints which kind ran). The build
goes to ``<venv>/geobrief-compiled/`` with a stamp of the sources it was made from;
``geo/__init__.py`` uses it only while every ``geo`` source file is still the one compiled,
so an edited module never runs as its stale build. Nothing is compiled when the stamp
matches. Without a C compiler and Python's headers the build fails, this script says so, and
geobrief runs as plain Python.

    python scripts/compile_extractor.py [--force] [--check]

Which modules: everything the extraction of one article imports (geo.extract and what it
pulls in), except the modules listed in ``_KEPT_INTERPRETED`` with their reasons.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

os.environ["GEOBRIEF_PURE_PYTHON"] = "1"  # import geo itself as source: this script decides what to compile
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import geo  # noqa: E402  (after the environment line above, on purpose)

# Modules of the extraction path left as Python, and why.
_KEPT_INTERPRETED = {
    "geo.data.wordlists": "module-level __getattr__ loads the word lists lazily",
    "geo.gazetteer": "finds its data files through __file__",
    "geo.scene": "its dataclasses are pickled and shared by the corpus workers and the app",
    "geo.limits": "file reading, run once per input",
    "geo.strict_json": "scene files only, not on the per-sentence path",
}
_GROUPS = 2  # two C libraries, compiled side by side (one per core of the build machine)


def extraction_modules() -> list[str]:
    """The ``geo`` modules importing ``geo.extract`` loads (here, from the sources), less those kept interpreted."""
    import geo.extract  # noqa: F401  (for what it imports)

    found = sorted(m for m in sys.modules if m.startswith("geo."))
    return [m for m in found if m not in _KEPT_INTERPRETED and (ROOT / (m.replace(".", "/") + ".py")).is_file()]


def _groups(modules: list[str]) -> list[list[str]]:
    """Split the modules into groups of about equal source size (the build time follows it)."""
    sized = sorted(modules, key=lambda m: -(ROOT / (m.replace(".", "/") + ".py")).stat().st_size)
    groups: list[list[str]] = [[] for _ in range(_GROUPS)]
    sizes = [0] * _GROUPS
    for m in sized:
        k = sizes.index(min(sizes))
        groups[k].append(m)
        sizes[k] += (ROOT / (m.replace(".", "/") + ".py")).stat().st_size
    return [sorted(g) for g in groups if g]


_SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

groups = {groups!r}
paths = [p for g in groups for p in g]
separate = [(g, "geobrief_{{}}".format(k)) for k, g in enumerate(groups)]
setup(name="geobrief-compiled", ext_modules=mypycify(paths, opt_level="3", debug_level="0", separate=separate))
"""

_MYPY_INI = """\
[mypy]
python_version = 3.11
ignore_missing_imports = True
no_implicit_optional = True
"""


def build(out: Path) -> None:
    """Compile into a fresh copy of the sources, then move the extensions to ``out`` with its stamp."""
    modules = extraction_modules()
    stamp = geo.source_stamp()
    with tempfile.TemporaryDirectory(prefix="geobrief-compile-") as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "geo", work / "geo", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        groups = [[m.replace(".", "/") + ".py" for m in g] for g in _groups(modules)]
        (work / "setup.py").write_text(_SETUP.format(groups=groups), encoding="utf-8")
        (work / "mypy.ini").write_text(_MYPY_INI, encoding="utf-8")
        cmd = [sys.executable, "setup.py", "-q", "build_ext", "--build-lib", "lib", "--parallel", str(_GROUPS)]
        done = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-15:])
            raise RuntimeError(f"the mypyc build failed:\n{tail}")
        staging = out.with_name(out.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        for so in (work / "lib").rglob(f"*{suffix}"):
            target = staging / so.relative_to(work / "lib")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(so, target)
        (staging / "MODULES").write_text("\n".join(modules) + "\n", encoding="utf-8")
        (staging / "STAMP").write_text(stamp + "\n", encoding="utf-8")  # written last: a build cut short has none
        shutil.rmtree(out, ignore_errors=True)
        staging.rename(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--force", action="store_true", help="build even when the build in place is current")
    ap.add_argument("--check", action="store_true", help="only say whether the build in place is current")
    args = ap.parse_args()
    out = geo.compiled_dir()
    current = geo.compiled_is_current(out)
    if args.check:
        print(f"{out}: {'current' if current else 'missing or stale'}")
        return 0 if current else 1
    if current and not args.force:
        return 0
    t = time.perf_counter()
    print(f"compile_extractor: compiling the extractor with mypyc into {out} (a few minutes, once)", file=sys.stderr)
    try:
        build(out)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        print(f"compile_extractor: {exc}\ngeobrief runs as plain Python (slower, same results).", file=sys.stderr)
        return 1
    print(f"compile_extractor: done in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
