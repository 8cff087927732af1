"""geobrief's own small Leaflet elements, each a folium MacroElement with a template.

All data reaches JavaScript through Jinja's ``|tojson`` (which escapes
``<``, ``>``, ``&`` and ``'``), never through string concatenation or JS
template literals, so article text cannot break out of a script.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from branca.element import MacroElement

from layers import style


@cache
def template_text(name: str) -> str:
    """The text of one file under ``layers/templates``."""
    return resources.files("layers").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def template(name: str):
    """A folium Jinja template from ``layers/templates`` (loaded on first use)."""
    from folium.template import Template

    return Template(template_text(name))


class Annotation(MacroElement):
    """Bind an escaped tooltip and popup to its parent layer.

    Unlike ``folium.Tooltip``/``folium.Popup`` this needs no jQuery and puts
    the (already escaped) HTML into a JSON string, not a JS template literal.
    """

    def __init__(self, tooltip: str, popup: str):
        super().__init__()
        self._name = "Annotation"
        self._template = template("annotation.js.jinja")
        self.tooltip = tooltip
        self.popup = popup


class Pin(MacroElement):
    """A non-interactive ``DivIcon`` marker: an arrowhead or a text label.

    Parameters
    ----------
    location : (lat, lon)
    html : str
        Escaped HTML for the icon.
    class_name : str
        CSS classes of the icon's div.
    size, anchor : (int, int)
        Icon size and the pixel of the icon placed on ``location``.
    """

    def __init__(
        self,
        location: tuple[float, float],
        html: str,
        class_name: str,
        size: tuple[int, int] = (0, 0),
        anchor: tuple[int, int] = (0, 0),
        z: int = 0,
    ):
        super().__init__()
        self._name = "Pin"
        self._template = template("pin.js.jinja")
        self.location = [round(location[0], 5), round(location[1], 5)]
        self.html = html
        self.class_name = class_name
        self.size = list(size)
        self.anchor = list(anchor)
        self.z = z


class PageStyle(MacroElement):
    """The map's stylesheet and the SVG patterns (disputed-area hatching) it uses."""

    def __init__(self):
        super().__init__()
        self._name = "PageStyle"
        self._template = template("page.html.jinja")
        self.css = template_text("map.css") % {"sea": style.SEA, "ink": style.INK}
        self.hatch = style.HATCH
        self.hatch_bg = "#e9d6c8"
