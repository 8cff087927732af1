"""The map's layers by name: what the app's switches and the renderer share.

Kept apart from :mod:`layers.render` so that naming a layer imports
neither folium nor branca (the app shows its switches before any map is
drawn).
"""

from __future__ import annotations

ALL_LAYERS: tuple[str, ...] = ("basemap", "spheres", "regions", "places", "arcs", "legend")
"""Every layer, in drawing order (the legend last)."""

FEATURE_LAYERS: tuple[str, ...] = ("spheres", "regions", "places", "arcs")
"""The layers drawn from the Scene's places and relations."""

LAYER_NAMES = {
    "basemap": "Countries",
    "spheres": "Spheres of influence",
    "regions": "Seas, straits and regions",
    "places": "Places",
    "arcs": "Relations",
}
"""Each layer's name in the layer control and the app's switches."""
