"""The exported map in a real headless Chromium with the network cut.

Opens the offline HTML from file://, aborts every request that is not
file: or data:, and checks what a person would see: no failed request, no
console error, one SVG path per arc and per shape in the Scene, arrowheads
sitting on the recipient end and pointing along the arc, a non-blank
picture, and hostile article text that shows literally and runs nothing.
"""

from __future__ import annotations

import io
import math

import pytest

from layers.arcs import ARC_KINDS
from layers.export import export_html
from layers.feature import key_class
from tests.helpers.scenes import hostile_scene

pytestmark = pytest.mark.browser


def _expected_counts(scene) -> tuple[int, int]:
    from geo.shapes import load_shapes

    shapes = load_shapes()
    # one arc per (kind, source end, target end); alliances have no direction
    groups = set()
    for r in scene.relations:
        if r.kind in ARC_KINDS and r.target is not None:
            a, b = scene.endpoint(r, "source"), scene.endpoint(r, "target")
            if a is not None and b is not None and (a.lat, a.lon) != (b.lat, b.lon):
                groups.add((r.kind, *sorted((a.id, b.id))) if r.kind == "alliance" else (r.kind, a.id, b.id))
    arcs = len(groups)
    shaped = 0
    for p in scene.places:
        geom = shapes.geometry(p.shape) if p.shape else None
        if geom is None and p.kind in ("region", "bloc", "admin1") and p.members:
            geom = shapes.union(list(p.members))
        if geom is None and p.members and p.kind in ("other", "country"):  # a historical state
            geom = shapes.union(list(p.members))
        shaped += p.kind != "city" and geom is not None and not geom.is_empty
    for r in scene.relations:
        if r.kind == "influence" and r.members:
            u = shapes.union(list(r.members))
            shaped += u is not None and not u.is_empty
    return arcs, shaped


@pytest.fixture(scope="module")
def sample(open_offline, extracted_seeds, tmp_path_factory):
    scene = extracted_seeds
    path = tmp_path_factory.mktemp("map") / "map.html"
    path.write_text(export_html(scene), encoding="utf-8")
    page = open_offline(path)
    yield scene, page
    page.close()


def test_opens_offline_without_errors(sample):
    _, page = sample
    assert page.blocked == [] and page.failed == []
    assert page.errors == []


def test_dom_has_one_path_per_arc_and_shape(sample):
    scene, page = sample
    arcs, shapes = _expected_counts(scene)
    assert arcs > 0 and shapes > 0
    assert page.page.locator("path.gb-arc").count() == arcs
    assert page.page.locator("path.gb-shape").count() == shapes
    assert page.page.locator("path.gb-land").count() > 150  # the basemap is drawn


_GEOMETRY_JS = """
() => {
  const svgPoint = (path, x, y) => {
    const svg = path.ownerSVGElement, box = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
    return [box.left + (x - vb.x) * box.width / vb.width, box.top + (y - vb.y) * box.height / vb.height];
  };
  const arcs = {};
  for (const path of document.querySelectorAll('path.gb-arc')) {
    // Leaflet rounds to whole pixels, so take the heading over the last 6 px (rounding costs a few degrees)
    const len = path.getTotalLength(), a = path.getPointAtLength(len),
          b = path.getPointAtLength(Math.max(0, len - 6));
    const key = [...path.classList].find(c => c.startsWith('gb-k-'));
    arcs[key] = {end: svgPoint(path, a.x, a.y), prev: svgPoint(path, b.x, b.y)};
  }
  const arrows = [...document.querySelectorAll('.gb-arrow')].map(el => {
    const svg = el.querySelector('svg'), r = svg.getBoundingClientRect();
    const m = new DOMMatrix(getComputedStyle(svg).transform);
    const tip = svg.querySelector('path');
    // the tip is the first point of the triangle (M8 0), mapped through the rotation
    const box = el.getBoundingClientRect();
    const tipX = box.left + 8, tipY = box.top;
    return {key: [...el.classList].find(c => c.startsWith('gb-k-')),
            tip: [tipX, tipY], angle: Math.atan2(m.b, m.a) * 180 / Math.PI,
            visible: r.width > 0 && !!tip};
  });
  const mapName = Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof L.Map);
  const map = window[mapName], c = map.getContainer().getBoundingClientRect();
  return {arcs, arrows, origin: [c.left, c.top]};
}
"""


def test_arrowheads_sit_on_the_recipient_and_point_along_the_arc(sample):
    scene, page = sample
    geo = page.page.evaluate(_GEOMETRY_JS)
    from layers.arcs import group_relations

    directed = [g for g in group_relations(scene) if g.kind != "alliance"]
    assert len(geo["arrows"]) == len(directed) > 0
    targets = {key_class(g.key): g.dst for g in directed}
    sources = {key_class(g.key): g.src for g in directed}
    for arrow in geo["arrows"]:
        arc = geo["arcs"][arrow["key"]]
        # the arrow's tip is on the arc's last point ...
        assert math.dist(arrow["tip"], arc["end"]) < 2.5
        # ... which is where the recipient is drawn, not the source
        tgt, src = targets[arrow["key"]], sources[arrow["key"]]
        to_tgt = page.page.evaluate(
            "([lat, lon]) => { const k = Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof "
            "L.Map);"
            " const p = window[k].latLngToContainerPoint([lat, lon]);"
            " const c = window[k].getContainer().getBoundingClientRect(); return [c.left + p.x, c.top + p.y]; }",
            [tgt.lat, tgt.lon],
        )
        from_src = page.page.evaluate(
            "([lat, lon]) => { const k = Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof "
            "L.Map);"
            " const p = window[k].latLngToContainerPoint([lat, lon]);"
            " const c = window[k].getContainer().getBoundingClientRect(); return [c.left + p.x, c.top + p.y]; }",
            [src.lat, src.lon],
        )
        assert math.dist(arc["end"], to_tgt) < 3 < math.dist(arc["end"], from_src)
        # the rotation agrees with the direction of the last segment (screen y grows down)
        dx, dy = arc["end"][0] - arc["prev"][0], arc["end"][1] - arc["prev"][1]
        heading = math.degrees(math.atan2(dx, -dy))
        diff = (arrow["angle"] - heading + 180) % 360 - 180
        assert abs(diff) < 10, (arrow, heading)


def test_screenshot_is_not_blank(sample):
    from PIL import Image as image_mod

    _, page = sample
    img = image_mod.open(io.BytesIO(page.page.screenshot())).convert("RGB")
    small = img.resize((320, 200))
    colours = small.getcolors(320 * 200)
    assert len(colours) > 40
    sea = max(colours)[1]
    not_sea = sum(n for n, c in colours if c != sea)
    assert not_sea > 0.3 * 320 * 200


def test_hostile_article_runs_nothing_and_reads_literally(open_offline, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(export_html(hostile_scene(shapes=True)), encoding="utf-8")
    page = open_offline(path)
    try:
        texts = page.page.evaluate("""
        () => {
          const k = Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof L.Map);
          const out = [];
          window[k].eachLayer(l => {
            if (l.getTooltip && l.getTooltip()) { l.openTooltip(); }
            if (l.getPopup && l.getPopup()) {
              l.openPopup();
              const el = document.querySelector('.leaflet-popup-content');
              if (el) out.push(el.innerText);
            }
          });
          return out;
        }""")
        page.page.wait_for_timeout(300)
        for el in page.page.locator("path.leaflet-interactive").all():
            box = el.bounding_box()
            if box and 0 <= box["x"] + box["width"] / 2 <= 1280 and 0 <= box["y"] + box["height"] / 2 <= 800:
                el.hover(force=True, timeout=2000)
        assert page.page.evaluate("window.__pwned") is None
        assert page.dialogs == [] and page.errors == [] and page.blocked == []
        assert len(texts) >= 4
        assert any("<script>window.__pwned=1</script>" in t for t in texts)
        assert any("</script><img src=x onerror=window.__pwned=6>" in t for t in texts)
        legend = page.page.locator(".gb-legend").inner_text()
        assert "</script><img src=x" in legend
        assert page.page.locator(".gb-legend img, .leaflet-popup-content img").count() == 0
    finally:
        page.close()


def _legend_box(page):
    return page.page.locator(".gb-legend").bounding_box()


def test_legend_folds_on_a_small_map_and_unfolds_on_click(open_offline, extracted_seeds, tmp_path):
    from layers.legend import OPEN_FROM_PX

    path = tmp_path / "map.html"
    path.write_text(export_html(extracted_seeds), encoding="utf-8")
    wide = open_offline(path, viewport=(1280, 800))
    try:
        open_box = _legend_box(wide)
        assert wide.page.locator(".gb-legend details[open]").count() == 1
        assert "Transfer" in wide.page.locator(".gb-legend").inner_text()
    finally:
        wide.close()
    small = open_offline(path, viewport=(OPEN_FROM_PX - 140, 600))
    try:
        folded = _legend_box(small)
        assert small.page.locator(".gb-legend details[open]").count() == 0
        assert small.page.locator(".gb-legend").inner_text().strip() == "Legend"
        # folded to its title: a small fraction of the unfolded box
        assert folded["height"] * 4 < open_box["height"]
        assert folded["width"] < open_box["width"]
        small.page.locator(".gb-legend summary").click()
        assert small.page.locator(".gb-legend details[open]").count() == 1
        assert "Transfer" in small.page.locator(".gb-legend").inner_text()
        assert small.errors == [] and small.blocked == []
    finally:
        small.close()


_LABELS_JS = """
() => Array.from(document.querySelectorAll('.gb-label, .leaflet-control')).map(el => {
  const b = (el.classList.contains('leaflet-control') ? el : (el.firstElementChild || el)).getBoundingClientRect();
  return {kind: el.className, shown: getComputedStyle(el).visibility !== 'hidden',
          control: el.classList.contains('leaflet-control'),
          box: [b.left, b.top, b.right, b.bottom]};
}).filter(l => l.box[2] > l.box[0])
"""


_ARC_LABEL_OFFSETS_JS = """
() => {
  const m = Object.values(window).find(v => v instanceof L.Map);
  const key = names => names.split(/\\s+/).find(c => c.startsWith('gb-k-'));
  const arcs = {}, out = [];
  m.eachLayer(l => {
    const names = (l.options && l.options.className) || '';
    if (l instanceof L.Polyline && !(l instanceof L.Polygon) && names.includes('gb-arc')) arcs[key(names)] = l;
  });
  m.eachLayer(l => {
    const el = l instanceof L.Marker && l.getElement();
    if (!el || !el.classList.contains('gb-arc-label') || el.classList.contains('gb-crowded')) return;
    const arc = arcs[key(el.className)];
    if (!arc) { out.push({offset: 1e9, moved: false}); return; }
    const p = m.latLngToLayerPoint(l.getLatLng());
    const pts = arc.getLatLngs().map(x => m.latLngToLayerPoint(x));
    let best = 1e9;
    for (let i = 1; i < pts.length; i++)
      best = Math.min(best, L.LineUtil.pointToSegmentDistance(p, pts[i - 1], pts[i]));
    out.push({offset: best, moved: !!(l.gbHome && !l.gbHome.equals(l.getLatLng()))});
  });
  return out;
}
"""


def _overlaps(labels: list[dict]) -> list[tuple[str, str]]:
    shown = [lab for lab in labels if lab["shown"]]
    out = []
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = a["box"], b["box"]
            if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1:
                out.append((a["kind"], b["kind"]))
    return out


def test_labels_never_overlap_and_come_back_when_zoomed_in(sample):
    """Crowded labels are hidden, the more important kept, relation labels slide along their
    arcs to find room; zooming in makes room again."""
    _, page = sample
    pg = page.page
    pg.wait_for_timeout(300)
    labels = pg.evaluate(_LABELS_JS)
    assert any(lab["control"] for lab in labels)  # the legend and layer control count as taken
    labels_only = [lab for lab in labels if not lab["control"]]
    shown = [lab for lab in labels_only if lab["shown"]]
    assert len(labels_only) >= 10
    assert _overlaps(labels) == []  # no label over another, nor under the legend
    assert any("gb-arc-label" in lab["kind"] for lab in shown)  # relations win over the rest
    hidden = len(labels_only) - len(shown)
    assert hidden > 0  # the sample map is crowded at its opening zoom: the test means something
    pg.evaluate(
        "() => { const m = Object.values(window).find(v => v instanceof L.Map); m.setZoom(m.getZoom() + 2, {animate: "
        "false}); }"
    )
    pg.wait_for_timeout(400)
    zoomed = pg.evaluate(_LABELS_JS)
    assert _overlaps(zoomed) == []
    # a relation's label, wherever it was placed, sits on its own arc
    placed = pg.evaluate(_ARC_LABEL_OFFSETS_JS)
    assert placed and max(p["offset"] for p in placed) < 1.5, placed
    on_screen = [
        lab
        for lab in zoomed
        if not lab["control"]
        and lab["box"][2] > 0
        and lab["box"][0] < 1280
        and lab["box"][3] > 0
        and lab["box"][1] < 800
    ]
    assert sum(not lab["shown"] for lab in on_screen) < hidden
    pg.evaluate(
        "() => { const m = Object.values(window).find(v => v instanceof L.Map); m.setZoom(m.getZoom() - 2, {animate: "
        "false}); }"
    )
    pg.wait_for_timeout(300)


_STACK_JS = """() => {
  const paths = Array.from(document.querySelectorAll('.leaflet-overlay-pane path'));
  const last = sel => paths.map((p, i) => p.matches(sel) ? i : -1).reduce((a, b) => Math.max(a, b), -1);
  const first = sel => paths.findIndex(p => p.matches(sel));
  return {lastLand: last('path.gb-land'), lastCountry: last('path.gb-country'), firstArc: first('path.gb-arc')};
}"""


def test_a_layer_switched_off_and_on_goes_back_under_the_arcs(sample):
    _, page = sample
    before = page.page.evaluate(_STACK_JS)
    assert 0 <= before["lastLand"] < before["lastCountry"] < before["firstArc"], before
    for name, css in (("Countries", "path.gb-land"), ("Places", "path.gb-country")):
        page.page.locator(".leaflet-control-layers").hover()  # the control opens on hover
        box = page.page.locator(".leaflet-control-layers-overlays label", has_text=name)
        box.locator("input").uncheck()
        assert page.page.locator(css).count() == 0
        box.locator("input").check()
        after = page.page.evaluate(_STACK_JS)
        # the layer comes back in its place (land at the bottom, relations on top), not over the rest
        assert 0 <= after["lastLand"] < after["lastCountry"] < after["firstArc"], (name, after)
    assert page.errors == []


def test_an_arc_across_the_antimeridian_ends_on_land_in_the_world_copy(open_offline, tmp_path):
    from tests.helpers.scenes import antimeridian_scene

    scene = antimeridian_scene()  # Vladivostok -> Anchorage, drawn the short way to longitude 210.1
    path = tmp_path / "pacific.html"
    path.write_text(export_html(scene), encoding="utf-8")
    page = open_offline(path)
    assert page.blocked == [] and page.errors == []
    under_end = page.page.evaluate(
        "([lat, lon]) => { const k = Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof L.Map);"
        " const p = window[k].latLngToContainerPoint([lat, lon]);"
        " const c = window[k].getContainer().getBoundingClientRect();"
        " const x = c.left + p.x, y = c.top + p.y;"
        " return [...document.querySelectorAll('path.gb-land')].filter(e => { const r = e.getBoundingClientRect();"
        " return r.left <= x && x <= r.right && r.top <= y && y <= r.bottom; }).length; }",
        [61.2, 210.1],
    )
    # Alaska is drawn again east of the antimeridian, under the arrowhead
    assert under_end >= 1
    assert page.page.locator("path.gb-land").count() > 2 * 150
    assert page.page.locator("path.gb-place").count() == 3  # Anchorage's dot again, beside the arrowhead
