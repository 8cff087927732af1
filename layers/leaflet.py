"""Where Leaflet comes from (the ``xstatic-leaflet`` package), and the error for anything remote.

Kept free of folium and branca so that the app can point its map at Leaflet
without importing them (see :mod:`app.map`).
"""

from __future__ import annotations

from pathlib import Path


class OfflineError(RuntimeError):
    """The page would still load something from the network."""


def leaflet_dir() -> Path:
    """The folder of the ``xstatic-leaflet`` package: leaflet.js, leaflet.css, images/."""
    try:
        import xstatic.pkg.leaflet as xleaflet
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise OfflineError("the map needs the xstatic-leaflet package: pip install xstatic-leaflet") from exc
    return Path(xleaflet.BASE_DIR)
