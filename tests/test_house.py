"""The house rules the test command enforces: module size, and one-way imports that can fail.

``./run.sh test`` runs ``lint-imports`` with the contracts in pyproject.toml
(app and CLI → layers → geo; geo never imports folium, branca or streamlit;
layers never imports streamlit). The test below breaks a copy of the
packages on purpose and checks that the same contracts catch each breach,
so the gate cannot silently pass.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("geo", "layers", "app")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_no_module_is_longer_than_the_limit():
    house = _pyproject()["tool"]["geobrief"]["house"]
    limit, exempt = house["max-module-lines"], set(house["long-modules-exempt"])
    assert limit == 600
    too_long = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > limit and rel not in exempt:
                too_long[rel] = lines
    assert too_long == {}, f"split these modules (over {limit} lines): {too_long}"
    stale = {p for p in exempt if not (ROOT / p).is_file()}
    assert not stale, f"exempt modules that no longer exist: {stale}"


def _not_python(folder: str, names: list[str]) -> list[str]:
    """Leave out everything but Python sources (the data files are large and never imported)."""
    return [n for n in names if n == "__pycache__" or ((Path(folder) / n).is_file() and not n.endswith(".py"))]


def _lint_imports(folder: Path) -> subprocess.CompletedProcess:
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(lint), "--config", str(folder / "pyproject.toml"), "--no-cache"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(folder)},
    )


def test_import_contracts_catch_each_kind_of_breach(tmp_path):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=_not_python)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    kept = _lint_imports(tmp_path)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    # the breaches the issue names: geo → layers, geo → folium, geo → streamlit, layers → the app
    breaches = {
        "geo/dates.py": "import layers.style\nimport folium\nimport streamlit\n",
        "layers/style.py": "import app.guard\nimport streamlit\n",
    }
    for rel, lines in breaches.items():
        path = tmp_path / rel
        path.write_text(path.read_text(encoding="utf-8") + "\n" + lines, encoding="utf-8")
    broken = _lint_imports(tmp_path)
    out = broken.stdout
    assert broken.returncode != 0, out
    assert "3 broken" in out, out
    for expected in (
        "geo.dates -> layers.style",
        "geo.dates -> folium",
        "geo.dates -> streamlit",
        "layers.style -> app.guard",
        "layers.style -> streamlit",
    ):
        assert expected in out, f"{expected!r} not reported:\n{out}"


def test_test_modules_share_code_only_through_conftest_fixtures_and_helpers():
    """A test module never imports another test module or conftest: fixtures come from conftest.py by
    name, plain builders from ``tests/helpers``."""
    import ast

    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                if name.split(".")[0] == "tests" and name.split(".")[:2] != ["tests", "helpers"]:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []
