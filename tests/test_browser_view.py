"""What an analyst sees first, in a real headless Chromium with the network cut (1280×720).

On the sample articles and on a web page about arms for Sudan's RSF:
the first view fits the ends of the relations (within twice their box),
every end is named and no two names overlap, the legend and the layer
control take a small, measured share of the map and cover no end, no two
arcs share a kind, source and target, and no popup is cut off at the
map's edge.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from layers.export import export_html
from layers.feature import key_class

pytestmark = pytest.mark.browser

VIEWPORT = (1280, 720)
#: the share of the map the legend and the layer control may cover together
MAX_CONTROL_SHARE = 0.15
OUT = Path(__file__).resolve().parent.parent / "bench" / "out"


def rsf_scene():
    from geo.documents import load_path
    from geo.extract import extract

    return extract([load_path(Path(__file__).parent / "data" / "pages" / "rsf-page.html")])


SCENES = ("rsf", "seeds")


@pytest.fixture(scope="module", params=SCENES)
def first_view(request, open_offline, tmp_path_factory):
    scene = request.getfixturevalue("extracted_seeds") if request.param == "seeds" else rsf_scene()
    path = tmp_path_factory.mktemp("view") / f"{request.param}.html"
    path.write_text(export_html(scene), encoding="utf-8")
    page = open_offline(path, viewport=VIEWPORT)
    page.page.wait_for_timeout(400)
    OUT.mkdir(parents=True, exist_ok=True)
    page.page.screenshot(path=str(OUT / f"export-first-view-{request.param}.png"))
    yield request.param, scene, page
    page.close()


_VIEW_JS = """(points) => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const size = map.getSize();
  const pts = points.map(p => map.latLngToContainerPoint(p));
  const c = map.getContainer().getBoundingClientRect();
  const controls = [...map.getContainer().querySelectorAll('.leaflet-control')].map(el => {
    const r = el.getBoundingClientRect();
    return {name: el.className, left: r.left - c.left, top: r.top - c.top, right: r.right - c.left,
            bottom: r.bottom - c.top, area: r.width * r.height};
  });
  return {w: size.x, h: size.y, pts: pts.map(p => [p.x, p.y]), controls};
}"""


def _ends(scene):
    from layers.render import collect_layers, story_points

    return story_points(scene, collect_layers(scene))


def test_first_view_fits_the_ends_of_the_relations(first_view):
    name, scene, page = first_view
    ends = _ends(scene)
    assert len(ends) >= 3
    view = page.page.evaluate(_VIEW_JS, [list(p) for p in ends])
    xs = [p[0] for p in view["pts"]]
    ys = [p[1] for p in view["pts"]]
    # every end is in view ...
    assert min(xs) >= 0 and max(xs) <= view["w"] and min(ys) >= 0 and max(ys) <= view["h"], view["pts"]
    # ... and the view is at most twice their box where the map's shape lets it fit (the other
    # side of the map follows the window's shape)
    fill = max((max(xs) - min(xs)) / view["w"], (max(ys) - min(ys)) / view["h"])
    print(f"{name}: the ends of the relations span {fill:.0%} of the first view")
    assert fill >= 0.5, fill


def test_legend_and_layer_control_take_a_small_share_and_cover_no_end(first_view):
    name, scene, page = first_view
    view = page.page.evaluate(_VIEW_JS, [list(p) for p in _ends(scene)])
    area = view["w"] * view["h"]
    legend = [c for c in view["controls"] if "gb-legend" in c["name"]]
    layers = [c for c in view["controls"] if "leaflet-control-layers" in c["name"]]
    assert len(legend) == 1 and len(layers) == 1
    share = (legend[0]["area"] + layers[0]["area"]) / area
    print(f"{name}: legend and layer control cover {share:.1%} of the map at {VIEWPORT[0]}×{VIEWPORT[1]}")
    assert share <= MAX_CONTROL_SHARE
    assert page.page.locator(".gb-legend details").count() == 1  # it folds
    for x, y in view["pts"]:
        for c in view["controls"]:
            assert not (c["left"] <= x <= c["right"] and c["top"] <= y <= c["bottom"]), (c["name"], x, y)


_LABELS_JS = """() => {
  const c = document.querySelector('.leaflet-container').getBoundingClientRect();
  return [...document.querySelectorAll('.gb-label')].map(el => {
    const b = (el.firstElementChild || el).getBoundingClientRect();
    return {cls: el.className,
            shown: !el.classList.contains('gb-crowded') && getComputedStyle(el).visibility !== 'hidden',
            box: [b.left - c.left, b.top - c.top, b.right - c.left, b.bottom - c.top], text: el.innerText};
  }).filter(l => l.box[2] > l.box[0]);
}"""


def test_every_end_is_named_and_names_never_overlap(first_view):
    _, scene, page = first_view
    from layers.places import endpoint_ids

    labels = page.page.evaluate(_LABELS_JS)
    view = page.page.evaluate(_VIEW_JS, [])
    shown = [lab for lab in labels if lab["shown"]]
    for end in endpoint_ids(scene):
        mine = [lab for lab in labels if key_class(end) in lab["cls"].split()]
        assert mine, f"{end} has no label"
        (lab,) = mine
        assert "gb-endpoint" in lab["cls"]
        assert lab["shown"], f"{end} ({lab['text']}) is hidden at the first view"
        left, top, right, bottom = lab["box"]
        assert left >= 0 and top >= 0 and right <= view["w"] and bottom <= view["h"], (end, lab["box"])
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = a["box"], b["box"]
            assert not (l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1), (a["text"], b["text"])
        for c in view["controls"]:
            l1, t1, r1, b1 = a["box"]
            assert not (l1 < c["right"] and c["left"] < r1 and t1 < c["bottom"] and c["top"] < b1), (a["text"], c)
    # the hidden ones are still named on hover: their feature's tooltip
    assert page.page.evaluate(
        "() => { let n = 0; const m = Object.values(window).find(v => v instanceof L.Map);"
        " m.eachLayer(l => { if (l.getTooltip && l.getTooltip()) n++; }); return n; }"
    ) >= len(labels) - sum(1 for lab in labels if "gb-arc-label" in lab["cls"])


_ARCS_JS = """() => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const out = [];
  map.eachLayer(l => {
    const cls = (l.options && l.options.className) || '';
    if (!(l instanceof L.Polyline) || l instanceof L.Polygon || !cls.includes('gb-arc')) return;
    const pts = l.getLatLngs();
    const a = pts[0], b = pts[pts.length - 1];
    out.push({kind: cls.split(/\\s+/)[1], a: [a.lat.toFixed(3), a.lng.toFixed(3)].join(','),
              b: [b.lat.toFixed(3), b.lng.toFixed(3)].join(',')});
  });
  return out;
}"""


def test_no_two_arcs_share_a_kind_source_and_target(first_view):
    _, scene, page = first_view
    arcs = page.page.evaluate(_ARCS_JS)
    assert len(arcs) >= 3
    keys = [
        (a["kind"], *sorted((a["a"], a["b"]))) if a["kind"] == "gb-alliance" else (a["kind"], a["a"], a["b"])
        for a in arcs
    ]
    assert len(keys) == len(set(keys)), keys
    # and every statement is still one click away: the arcs carry more statements than there are arcs
    # (a headline's "UAE arms" and the body's drones are one transfer with both sentences behind it)
    assert sum(len(r.evidence) for r in scene.relations) > len(arcs)


_POPUPS_JS = """async () => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const c = map.getContainer().getBoundingClientRect();
  const layers = [];
  map.eachLayer(l => {
    if (l.getPopup && l.getPopup() && (l.options.className || '').includes('gb-arc')) layers.push(l);
  });
  // the arcs nearest the map's edges, where a popup would be cut off first
  const size = map.getSize();
  const edge = l => { const p = map.latLngToContainerPoint(l.getCenter());
                      return Math.min(p.x, p.y, size.x - p.x, size.y - p.y); };
  layers.sort((a, b) => edge(a) - edge(b));
  layers.splice(5);
  const out = [];
  for (const l of layers) {
    l.openPopup(l.getCenter ? l.getCenter() : undefined);
    await new Promise(r => setTimeout(r, 150));
    const el = document.querySelector('.leaflet-popup');
    const r = el.getBoundingClientRect();
    out.push({inside: r.left >= c.left - 1 && r.top >= c.top - 1 && r.right <= c.right + 1 && r.bottom <= c.bottom + 1,
              box: [r.left, r.top, r.right, r.bottom]});
    map.closePopup();
  }
  return out;
}"""


def test_popups_are_never_cut_off(first_view):
    _, _, page = first_view
    popups = page.page.evaluate(_POPUPS_JS)
    assert popups and all(p["inside"] for p in popups), [p for p in popups if not p["inside"]]
    page.page.evaluate("() => { const m = Object.values(window).find(v => v instanceof L.Map); m.closePopup(); }")
    assert page.errors == [] and page.blocked == []
