"""geobrief's front ends: the ``geobrief`` command line and the Streamlit app's helpers.

The top of the import order (app and CLI → :mod:`layers` → :mod:`geo`):
nothing in ``layers`` or ``geo`` imports this package.
"""
