"""Make a folium map self-contained: Leaflet inlined, no CDN, no remote URL left.

Leaflet's JavaScript and CSS come from the PyPI package XStatic-Leaflet and
are written into the page with their BSD-2-Clause licence; the images its
CSS refers to become ``data:`` URIs. folium's other default assets
(Bootstrap, jQuery, Font Awesome, awesome-markers) are dropped: geobrief
draws with paths and ``DivIcon``s and needs none of them. A final guard
refuses any page that would still fetch something over the network.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from html.parser import HTMLParser

from branca.element import Element

from layers.elements import template, template_text, walk_elements
from layers.leaflet import OfflineError, leaflet_dir

__all__ = ["OfflineError", "check_offline", "leaflet_assets", "leaflet_dir", "offline_html", "remote_references"]


#: A URL that leaves the machine: http(s) or protocol-relative.
_REMOTE_URL = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
#: Attributes that make the browser fetch what they name.
_FETCHING_ATTRS = frozenset({"src", "href", "srcset", "poster", "data", "action", "background", "xlink:href"})
#: CSS that fetches: url(...) and @import.
_CSS_REMOTE = re.compile(r"""(?:url\(\s*["']?|@import\s+["']?)\s*(?:https?:)?//""", re.IGNORECASE)
#: Script code that fetches: a URL assigned to src/href or passed to a loader or tile layer.
#: Article text reaches scripts only inside JSON strings, where quotes are escaped, so it
#: cannot form these patterns. A quoted remote URL is found first (cheap on megabytes of
#: basemap coordinates); only then is the code just before it checked.
_SCRIPT_URL = re.compile(r"""["']\s*(?:https?:)?//(?!leafletjs\.com[/"'])""", re.IGNORECASE)
_SCRIPT_FETCH = re.compile(
    r"""(?:\b(?:src|href)\s*=\s*|\b(?:tileLayer|fetch|importScripts|open|import)\s*\(\s*(?:["'][A-Z]+["']\s*,\s*)?)$""",
    re.IGNORECASE,
)
#: Navigational links that fetch nothing: Leaflet's own attribution link.
_ALLOWED_LINKS = ("https://leafletjs.com",)


class _RemoteFinder(HTMLParser):
    """Collects every reference in a page that would be fetched over the network."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._raw: str | None = None  # "style" or "script" while inside one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if not value:
                continue
            if name in _FETCHING_ATTRS and _REMOTE_URL.match(value):
                if not (tag == "a" and value.strip() in _ALLOWED_LINKS):
                    self.found.append(f"<{tag} {name}={value[:60]!r}>")
            elif name == "style" and _CSS_REMOTE.search(value):
                self.found.append(f"<{tag} style={value[:60]!r}>")
        if tag in ("style", "script"):
            self._raw = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw == "style":
            self.found.extend(m.group(0)[:80] for m in _CSS_REMOTE.finditer(data))
        elif self._raw == "script":
            for m in _SCRIPT_URL.finditer(data):
                before = data[max(0, m.start() - 60) : m.start()]
                if _SCRIPT_FETCH.search(before):
                    self.found.append((before[-30:] + m.group(0))[:80])


@cache
def leaflet_assets() -> tuple[str, str]:
    """Leaflet's ``(css, js)`` with every image in the CSS turned into a data: URI."""
    base = leaflet_dir()
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        ref = match.group(1).strip("'\"")
        path = base / ref
        if ref.startswith(("data:", "#")) or not path.is_file():
            return match.group(0)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    css = re.sub(r"url\(([^)]*)\)", inline, css)
    js = (base / "leaflet.js").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():  # pragma: no cover - upstream change
        raise OfflineError("Leaflet's source cannot be inlined safely")
    return css, js


def leaflet_licence() -> str:
    """Leaflet's licence, headed by the version inlined (read from the installed xstatic-leaflet).

    Examples
    --------
    >>> import xstatic.pkg.leaflet as xleaflet
    >>> leaflet_licence().startswith(f"Leaflet {xleaflet.VERSION}, inlined from the PyPI package XStatic-Leaflet ")
    True
    """
    import xstatic.pkg.leaflet as xleaflet

    head = f"Leaflet {xleaflet.VERSION}, inlined from the PyPI package XStatic-Leaflet {xleaflet.PACKAGE_VERSION}."
    return head + "\n" + template_text("LEAFLET-LICENSE.txt")


class LeafletAssets(Element):
    """Leaflet's CSS and JavaScript written into the page, with their licence."""

    def __init__(self):
        super().__init__()
        self._name = "LeafletAssets"
        self._template = template("assets.html.jinja")
        self.css, self.js = leaflet_assets()
        self.licence = leaflet_licence().replace("*/", "* /")


def remote_references(html: str) -> list[str]:
    """Every reference in ``html`` that would fetch something over the network.

    Tag attributes (``src``, ``href`` ...), CSS ``url()``/``@import`` and URLs
    that script code loads are checked; text shown to the reader is not, so an
    article quoting ``src=http://...`` is harmless data, not a fetch.
    """
    finder = _RemoteFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def check_offline(html: str) -> None:
    """Raise `OfflineError` if ``html`` would fetch anything over the network."""
    found = remote_references(html)
    if found:
        raise OfflineError(f"the page still refers to the network: {found[0]!r}")


def _strip_remote_assets(m) -> None:
    from branca.element import Figure  # noqa: F401  (documents the tree type)
    from folium.elements import JSCSSMixin

    for el in walk_elements(m):
        if not isinstance(el, JSCSSMixin):
            continue
        if el is m:
            # instance copies: folium's lists are shared class attributes
            el.default_js = []
            el.default_css = []
        elif el.default_js or el.default_css:
            names = [n for n, _ in [*el.default_js, *el.default_css]]
            raise OfflineError(f"{type(el).__name__} needs assets that geobrief does not inline: {names}")


def offline_html(m, *, online_tiles: bool = False) -> str:
    """The map as one self-contained HTML page.

    Parameters
    ----------
    m : folium.Map
        A rendered-or-not folium map (e.g. from `layers.render.render_map`).
    online_tiles : bool
        True when the user asked for online tiles; the network guard is then
        skipped for them (Leaflet is still inlined).

    Raises
    ------
    OfflineError
        If a plugin needs assets that are not inlined, or a remote reference
        remains in the page.
    """
    _strip_remote_assets(m)
    fig = m.get_root()
    if "gb_leaflet" not in fig.header._children:
        assets = LeafletAssets()
        assets._id = "leaflet"
        fig.header.add_child(assets, name="gb_leaflet", index=0)
    html = fig.render()
    if not online_tiles:
        check_offline(html)
    return html
