#!/usr/bin/env bash
# geobrief's two entry points; each sets up everything it needs on a new machine.
#   ./run.sh app    install into .venv and open the Streamlit app on seeds/
#   ./run.sh test   install into .venv (plus Debian's chromium when missing), check lint, format,
#                   import contracts and types, and run every test
set -euo pipefail
cd "$(dirname "$0")"

# The interpreter for .venv: $PYTHON when given; else the distribution's own Python 3.11+ when it can
# make a venv, since Debian builds it with profile-guided and link-time optimisation (extraction runs
# about 14% faster on it than on a plain source build such as pyenv's; bench/bench_extract.py prints
# which one ran); else the first python3 on PATH.
pick_python() {
  local sys_py=/usr/bin/python3
  if [ -x "$sys_py" ] && "$sys_py" -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "$sys_py"
  else
    echo python3
  fi
}
PY=${PYTHON:-$(pick_python)}

setup_venv() {
  if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
  fi
  local stamp=.venv/.geobrief-installed
  local want
  want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test]"
    echo "$want" > "$stamp"
    INSTALLED=1
  fi
}
INSTALLED=0

ensure_chromium() {
  if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
    return
  fi
  echo "run.sh: installing Debian's chromium for the browser tests" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
}

# A C compiler and the interpreter's headers, to compile the extractor (scripts/compile_extractor.py):
# Debian's gcc and pythonX.Y-dev when missing (as root, or through sudo). Without them geobrief runs
# as plain Python: the same results, about half as fast.
ensure_compiler() {
  local include
  include=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
  if command -v cc >/dev/null 2>&1 && [ -f "$include/Python.h" ]; then
    return
  fi
  local sudo="" dev
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  dev=$(.venv/bin/python -c 'import sys; print("python%d.%d-dev" % sys.version_info[:2])')
  echo "run.sh: installing Debian's gcc and $dev to compile the extractor" >&2
  if command -v apt-get >/dev/null 2>&1; then
    $sudo apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq gcc "$dev" >/dev/null || true
  fi
}

# Compile the extractor's modules to C (a couple of minutes the first time and after a change
# to geo/; nothing when the build in .venv is current). A failed build is reported, not fatal.
compile_extractor() {
  if ! .venv/bin/python scripts/compile_extractor.py --check >/dev/null 2>&1; then
    ensure_compiler
    .venv/bin/python scripts/compile_extractor.py || true
  fi
}

case "${1:-}" in
  app)
    setup_venv
    compile_extractor
    shift
    if [ "$INSTALLED" = 1 ]; then
      # part of installing: store the sample articles' first page (app/cache.py), so even
      # the first launch opens on a drawn map; a failure here only makes that launch slower
      .venv/bin/python -m app.cache || true
    fi
    # the launcher prepares the first page in a second process (when it is not stored yet),
    # then runs streamlit_app.py
    exec .venv/bin/python -m app.server --server.headless true "$@"
    ;;
  test)
    setup_venv
    ensure_chromium
    compile_extractor
    shift
    # the house rules first (seconds each): lint (incl. docstrings and the complexity gate), format,
    # the one-way import contracts, the type check (cached in .venv); then the tests and doctests
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .
    .venv/bin/lint-imports
    .venv/bin/mypy
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: ./run.sh app | ./run.sh test [pytest args]" >&2
    exit 2
    ;;
esac
