"""The tests and doctests read geo's sources, never its compiled build (see geo/__init__.py).

A compiled module keeps no doctests, so the doctest run needs the sources; tests/test_compiled.py
checks that the compiled build, which the app and the CLI use, gives the same results.
"""

import os

os.environ["GEOBRIEF_PURE_PYTHON"] = "1"
