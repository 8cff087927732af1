"""geobrief's own small Leaflet elements, each a folium MacroElement with a template.

All data reaches JavaScript through Jinja's ``|tojson`` (which escapes
``<``, ``>``, ``&`` and ``'``), never through string concatenation or JS
template literals, so article text cannot break out of a script.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from branca.element import Element, MacroElement

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


def script_json(data: object) -> str:
    """JSON that is safe inside a ``<script>`` element (what Jinja's ``|tojson`` writes)."""
    from jinja2.utils import htmlsafe_json_dumps

    return str(htmlsafe_json_dumps(data))


class RawCode(Element):
    """Text placed into the page as is (already rendered by its owner's template)."""

    def __init__(self, code: str):
        super().__init__()
        self.code = code

    def render(self, **kwargs) -> str:
        """The text, as it is."""
        return self.code


def walk_elements(root):
    """``root`` and every element below it, depth first (a snapshot of the children)."""
    yield root
    for child in list(getattr(root, "_children", {}).values()):
        yield from walk_elements(child)


class QuickMacroElement(MacroElement):
    """A MacroElement whose rendered macros are not compiled again as Jinja templates.

    branca wraps each rendered macro in ``Element(text)``, which compiles the
    text as a template: slow for large data (the basemap) and wasteful for
    many small elements. The output is the same.
    """

    def render(self, **kwargs):  # untyped, as branca's MacroElement.render (it returns nothing)
        """Add the rendered header, html and script macros to the figure, then render the children."""
        figure: Any = self.get_root()  # a branca Figure, which has header, html and script
        module = self._template.module.__dict__
        for part, target in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
            macro = module.get(part)
            if macro is not None:
                target.add_child(RawCode(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class Shape(QuickMacroElement):
    """A GeoJSON geometry or FeatureCollection drawn with one fixed style (``L.geoJSON``)."""

    def __init__(self, data: dict | str, style: dict, interactive: bool = True, shifts: tuple[int, ...] = ()):
        super().__init__()
        self._name = "Shape"
        self._template = template("shape.js.jinja")
        #: the data as script-safe JSON (``<``, ``>``, ``&``, ``'`` escaped), or given so
        self.data_json = data if isinstance(data, str) else script_json(data)
        self.style = style
        self.interactive = interactive
        #: longitudes (multiples of 360) at which a copy is drawn too: the world west or east of this one
        self.shifts = [int(s) for s in shifts]


class Annotation(QuickMacroElement):
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


class Pin(QuickMacroElement):
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


class PageStyle(QuickMacroElement):
    """The map's stylesheet and the SVG patterns (disputed-area hatching) it uses."""

    def __init__(self):
        super().__init__()
        self._name = "PageStyle"
        self._template = template("page.html.jinja")
        self.css = template_text("map.css") % {"sea": style.SEA, "ink": style.INK}
        self.hatch = style.HATCH
        self.hatch_bg = "#e9d6c8"
        #: pixels of arc behind the tip that an arrowhead is aligned with: the front of the
        #: 16 px triangle, where the eye reads its direction
        self.arrow_reach = 6
