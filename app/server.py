"""Start geobrief's Streamlit app, its first page prepared in parallel.

``./run.sh app`` runs ``python -m app.server [streamlit options]``:
it starts the primer (``python -m app.cache``, see
:mod:`app.cache`) as a separate process, which computes the sample
articles' Scene and map on the machine's other core while Streamlit starts
and the browser loads Streamlit's page, then runs
``streamlit run streamlit_app.py`` with the options given. The primer
finishes on its own (in a few seconds, or at once when an earlier launch
already stored the page); if it fails, the app computes the page itself.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "streamlit_app.py"


def start_primer(seeds: Path | None = None) -> subprocess.Popen:
    """Start ``python -m app.cache`` in the background; its messages go to stderr."""
    cmd = [sys.executable, "-m", "app.cache"]
    if seeds is not None:
        cmd.append(str(seeds))
    proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL)
    threading.Thread(target=proc.wait, name="geobrief-primer", daemon=True).start()  # reap it
    return proc


def main(argv: Sequence[str] | None = None) -> None:
    """Start the primer, then ``streamlit run streamlit_app.py`` with ``argv``."""
    args = list(sys.argv[1:] if argv is None else argv)
    start_primer()
    from streamlit.web import cli

    cli.main(args=["run", str(APP), *args], prog_name="streamlit")


if __name__ == "__main__":
    main()
