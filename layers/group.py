"""Turn `MapFeature` records into one named, toggleable folium FeatureGroup."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from layers import style
from layers.elements import Annotation, Pin, QuickMacroElement, Shape
from layers.feature import MapFeature, Mark, key_class

ARROW_SIZE = 16
#: role markers shown under a name; the rest are counted (the tooltip and popup list them all)
MAX_CHIPS = 3


def _dimmed(options: dict, factor: float) -> dict:
    out = dict(options)
    out["opacity"] = round(out.get("opacity", 1.0) * factor, 3)
    if "fillOpacity" in out:
        out["fillOpacity"] = round(out["fillOpacity"] * factor, 3)
    return out


def _latlngs(coords: Sequence[Sequence[float]]) -> list[list[float]]:
    return [[round(lat, 5), round(lon, 5)] for lon, lat in coords]


def _arrow_html(mark: Mark) -> str:
    # An upward triangle whose tip is the icon's anchor, turned about that tip.
    return (
        f'<svg width="{ARROW_SIZE}" height="{ARROW_SIZE}" viewBox="0 0 16 16" '
        f'data-angle="{mark.angle:.2f}" '
        f'style="transform: rotate({mark.angle:.2f}deg); transform-origin: 8px 0px;">'
        f'<path d="M8 0 L15 16 L8 12 L1 16 Z" fill="{mark.color}" '
        'stroke="#ffffff" stroke-width="1" stroke-linejoin="round"></path></svg>'
    )


def key_classes(keys) -> str:
    """The key classes of a feature's ids, its own key first (scripts take the first as its name)."""
    return " ".join(key_class(k) for k in keys)


def mark_pin(mark: Mark, dim: bool = False, key: str = "", keys: tuple[str, ...] = ()) -> Pin:
    """The folium element for an arrowhead or a label."""
    names = key_classes(keys or ((key,) if key else ()))
    extra = (f" {names}" if names else "") + (" gb-dim" if dim else "")
    if mark.kind == "arrow":
        return Pin(
            (mark.lat, mark.lon),
            _arrow_html(mark),
            f"gb-arrow {mark.css}{extra}".strip(),
            size=(ARROW_SIZE, ARROW_SIZE),
            anchor=(ARROW_SIZE // 2, 0),
            z=500,
        )
    from layers.feature import esc

    chips = "".join(
        f'<i class="gb-chip" style="color: {esc(color)}; border-color: {esc(color)}">{esc(word)}</i>'
        for word, color in mark.chips[:MAX_CHIPS]
    )
    if len(mark.chips) > MAX_CHIPS:
        chips += f'<i class="gb-chip gb-chip-more">+{len(mark.chips) - MAX_CHIPS}</i>'
    if chips:
        chips = f'<em class="gb-chips">{chips}</em>'
    html = f'<span data-weight="{int(mark.weight)}">{esc(mark.text)}{chips}</span>'
    return Pin((mark.lat, mark.lon), html, f"gb-label {mark.css}{extra}".strip(), z=1000)


def _quick_render(self, **kwargs) -> None:
    """Folium's render for a path, with the same output.

    It skips compiling each element's script again as a Jinja template (0.4 ms an
    element: seconds on a large scene).
    """
    if getattr(self, "includes", None) or getattr(self, "icon", None):
        base: Any = type(self).__mro__[1]  # the folium class this render stands in for
        return base.render(self, **kwargs)  # what folium would do
    if isinstance(self, _marker_class()) and self.location is None:
        raise ValueError(f"{self._name} location must be assigned when added directly to map.")
    return QuickMacroElement.render(self, **kwargs)


@cache
def _marker_class():
    import folium

    return folium.Marker


@cache
def _quick(name: str) -> type:
    """Folium's ``PolyLine`` or ``CircleMarker`` rendered by :func:`_quick_render`."""
    import folium

    base = getattr(folium, name)
    return type(f"Quick{name}", (base,), {"render": _quick_render, "__module__": __name__})


def add_feature(parent, feature: MapFeature, dim: bool = False, shifts: tuple[int, ...] = ()) -> None:
    """Draw one feature (path, tooltip, popup, marks) into a folium parent.

    ``shifts`` (-360, 360) draws a copy of a place or an area in the world copy an arc across the
    antimeridian ends in; the copy shows where the arc points and carries no popup of its own.
    """
    opts = dict(feature.style)
    css = f"{feature.css} {key_classes(feature.all_keys)}"
    if dim:
        opts = _dimmed(opts, style.DIM)
    geom = feature.geometry
    gtype = geom["type"]
    if gtype == "Point":
        lon, lat = geom["coordinates"]
        layer = _quick("CircleMarker")([round(lat, 5), round(lon, 5)], radius=feature.radius, class_name=css, **opts)
    elif gtype == "LineString":
        # smooth_factor=0: Leaflet must not simplify the curve, or its last pixels stop
        # following the tangent that the arrowhead is rotated to.
        layer = _quick("PolyLine")(_latlngs(geom["coordinates"]), class_name=css, no_clip=True, smooth_factor=0, **opts)
    else:
        layer = Shape(
            {"type": "Feature", "properties": {}, "geometry": geom}, {**opts, "className": css}, shifts=shifts
        )
    Annotation(feature.tooltip, feature.popup).add_to(layer)
    layer.add_to(parent)
    for s in shifts if gtype == "Point" else ():
        _quick("CircleMarker")(
            [round(lat, 5), round(lon + s, 5)], radius=feature.radius, class_name=css, **opts
        ).add_to(parent)
    for mark in feature.marks:
        mark_pin(mark, dim, keys=feature.all_keys).add_to(parent)
        for s in shifts:
            mark_pin(replace(mark, lon=mark.lon + s), dim, keys=feature.all_keys).add_to(parent)


def feature_group(
    name: str,
    features: Iterable[MapFeature],
    highlight: set[str] | None = None,
    show: bool = True,
    copies: Mapping[tuple[float, float], int] | None = None,
):
    """A named folium FeatureGroup holding ``features``.

    With a non-empty ``highlight``, features whose key is not in it are dimmed. ``copies`` maps the
    points where arcs across the antimeridian end (``layers.render.world_copies``) to the world copy
    they are drawn in: a place or area drawn at such a point is drawn there too (see :func:`add_feature`).
    """
    import folium

    group = folium.FeatureGroup(name=name, show=show)
    for f in features:
        dim = bool(highlight) and not (highlight or set()).intersection(f.all_keys)
        add_feature(group, f, dim=dim, shifts=_copies_of(f, copies or {}))
    return group


def _copies_of(feature: MapFeature, copies: Mapping[tuple[float, float], int]) -> tuple[int, ...]:
    """The world copies a feature is drawn in again: those of the arc ends at its point or its labels."""
    if not copies or feature.geometry["type"] == "LineString":
        return ()
    points = [(m.lat, m.lon) for m in feature.marks]
    if feature.geometry["type"] == "Point":
        lon, lat = feature.geometry["coordinates"]
        points.append((lat, lon))
    return tuple(sorted({s for lat, lon in points if (s := copies.get((round(lat, 3), round(lon, 3)))) is not None}))
