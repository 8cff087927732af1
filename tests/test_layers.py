"""Render tests: hand-built scenes → folium HTML, asserted on fragments of the page."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys

import pytest

from layers.arcs import collect_arcs
from layers.export import export_geojson, export_html
from layers.offline import OfflineError, check_offline, remote_references
from layers.outlines import NoOutlines
from layers.render import render_map
from tests.helpers.scenes import antimeridian_scene, hostile_scene, rich_scene, transfer_scene

NONE = NoOutlines()


def _arc_options(html: str) -> list[dict]:
    """The Leaflet options object of every polyline with a geobrief arc class."""
    out = []
    for m in re.finditer(r"L\.polyline\(\s*\[.*?\],\s*(\{.*?\})\s*\)", html, re.S):
        opts = json.loads(m.group(1))
        if "gb-arc" in opts.get("className", ""):
            out.append(opts)
    return out


@pytest.fixture(scope="module")
def rich_html() -> str:
    return export_html(rich_scene(shapes=True))


def test_every_layer_is_named_and_control_comes_last(rich_html):
    for name in ("Countries", "Spheres of influence", "Seas, straits and regions", "Places", "Relations"):
        assert f'"{name}"' in rich_html
    script = rich_html.rsplit("<script>", 1)[1]
    assert script.rfind("L.control.layers") > script.rfind("L.featureGroup(")


def test_one_arc_per_kind_source_and_target_with_kind_classes(rich_html):
    opts = _arc_options(rich_html)
    # 8 relations: one is a sphere, and two transfers Turkey → Ukraine are one arc
    assert len(opts) == 6
    kinds = sorted(" ".join(o["className"].split()[:2]) for o in opts)
    assert kinds.count("gb-arc gb-transfer") == 2
    assert kinds.count("gb-arc gb-conflict") == 2
    assert "gb-arc gb-alliance" in kinds and "gb-arc gb-support" in kinds
    # the grouped arc names both statements (their key classes), is wider, and lists both in its popup
    from layers.feature import key_class

    (both,) = [o for o in opts if key_class("r2") in o["className"]]
    assert key_class("r1") in both["className"] and both["weight"] > 3
    (arc,) = [f for f in collect_arcs(rich_scene()) if f.key == "r1"]
    assert arc.keys == ("r1", "r2") and arc.properties["statements"] == 2
    for text in (
        "2 statements",
        "12 × Bayraktar TB2",
        "50 × TB2 drones",
        "delivered",
        "planned",
        "sold 12",
        "plans to buy",
    ):
        assert text in arc.popup, text
    assert [m.text for m in arc.marks if m.kind == "label"] == ["12 × Bayraktar TB2 +1"]


def test_no_two_arcs_share_a_kind_source_and_target():
    from geo.scene import Relation

    base = rich_scene()
    extra = (
        *(
            Relation(
                f"x{i}", "transfer", "TR", "UA", item="TB2", status="delivered", evidence=base.relations[0].evidence
            )
            for i in range(4)
        ),
        Relation("y", "alliance", "UA", "TR"),
    )
    arcs = collect_arcs(base.replace(relations=base.relations + extra))
    ends = [(f.kind, f.properties["source_id"], f.properties["target_id"]) for f in arcs]
    ends = [(k, *sorted(e)) if k == "alliance" else (k, *e) for k, *e in ends]
    assert len(ends) == len(set(ends))
    (tr_ua,) = [f for f in arcs if f.kind == "transfer" and f.properties["source_id"] == "TR"]
    assert tr_ua.properties["statements"] == 6
    # the item most statements name is the label
    assert [m.text for m in tr_ua.marks if m.kind == "label"] == ["TB2 +2"]


def test_transfer_styles_by_status(rich_html):
    by_color = {(o["color"], o.get("dashArray")) for o in _arc_options(rich_html) if "gb-transfer" in o["className"]}
    assert ("#1d6f6a", None) in by_color  # delivered (and planned, one arc): solid
    assert ("#9a9a9a", "9 6") in by_color  # frozen: grey
    scene = rich_scene()
    planned_only = scene.replace(relations=tuple(r for r in scene.relations if r.id != "r1"))
    by_color = {
        (o["color"], o.get("dashArray"))
        for o in _arc_options(export_html(planned_only, outlines=NONE))
        if "gb-transfer" in o["className"]
    }
    assert ("#1d6f6a", "9 6") in by_color  # planned only: dashed


def test_support_is_dotted_and_conflict_red(rich_html):
    opts = _arc_options(rich_html)
    support = next(o for o in opts if "gb-support" in o["className"])
    conflict = [o for o in opts if "gb-conflict" in o["className"]]
    assert support["dashArray"] == "1 7"
    assert {o["color"] for o in conflict} == {"#c0392b"}


def test_arcs_between_one_pair_take_different_lanes():
    arcs = [
        f for f in collect_arcs(rich_scene()) if {f.properties["source_id"], f.properties["target_id"]} == {"TR", "UA"}
    ]
    assert len(arcs) == 2  # a transfer arc (two statements) and an alliance
    mids = [tuple(a.geometry["coordinates"][len(a.geometry["coordinates"]) // 2]) for a in arcs]
    assert len({(round(x, 1), round(y, 1)) for x, y in mids}) == 2
    # mutual conflict: the two arcs bow to opposite sides
    c1, c2 = [f for f in collect_arcs(rich_scene()) if f.kind == "conflict"]
    assert c1.geometry["coordinates"][24] != c2.geometry["coordinates"][-25]


def test_directed_arcs_have_arrowheads_at_the_target():
    for f in collect_arcs(rich_scene()):
        arrows = [m for m in f.marks if m.kind == "arrow"]
        if f.kind == "alliance":
            assert not arrows
            continue
        (arrow,) = arrows
        lon, lat = f.geometry["coordinates"][-1]
        assert (arrow.lat, arrow.lon) == pytest.approx((lat, lon), abs=1e-4)


def test_antimeridian_arc_is_unwrapped():
    (arc,) = collect_arcs(antimeridian_scene())
    lons = [lon for lon, _ in arc.geometry["coordinates"]]
    assert lons[0] == pytest.approx(131.9) and lons[-1] == pytest.approx(210.1)
    assert max(abs(b - a) for a, b in itertools.pairwise(lons)) < 10
    html = export_html(antimeridian_scene(), outlines=NONE)
    assert "210.1" in html and "-149.9, 131.9" not in html


def test_page_is_offline(rich_html):
    assert remote_references(rich_html) == []
    assert "cdn." not in rich_html and "jquery" not in rich_html.lower()
    assert "bootstrap" not in rich_html.lower()
    import xstatic.pkg.leaflet as xleaflet

    assert f"Leaflet {xleaflet.VERSION}," in rich_html and "BSD 2-Clause" in rich_html
    assert "url(images/" not in rich_html


def test_guard_catches_remote_assets():
    with pytest.raises(OfflineError):
        check_offline('<html><script src="https://cdn.example.org/x.js"></script></html>')
    with pytest.raises(OfflineError):
        check_offline("<style>a { background: url( 'http://x.org/a.png') }</style>")
    with pytest.raises(OfflineError):
        check_offline('<link rel="stylesheet" href="//x.org/a.css">')
    check_offline('<a href="https://leafletjs.com" title="x">Leaflet</a>')


def test_online_tiles_only_when_asked():
    html = export_html(transfer_scene(), tiles="OpenStreetMap", outlines=NONE)
    assert "tile.openstreetmap.org" in html
    assert "tile.openstreetmap.org" not in export_html(transfer_scene(), outlines=NONE)


def test_same_scene_gives_identical_bytes(rich_html, root):
    assert export_html(rich_scene(shapes=True)) == rich_html
    code = (
        "import sys; from tests.helpers.scenes import rich_scene; from layers.export import export_html;"
        "sys.stdout.write(export_html(rich_scene(shapes=True)))"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out == rich_html


def test_hostile_text_is_escaped_everywhere():
    html = export_html(hostile_scene(shapes=True))
    benign = export_html(transfer_scene(shapes=True))
    assert html.count("<script") == benign.count("<script")
    assert html.count("</script>") == benign.count("</script>")
    for bad in ("<img src=x", "window.__pwned=1</script>", "<b onmouseover", 'onerror="window'):
        assert bad not in html
    main = html.rsplit("<script>", 1)[1]
    assert "$(`" not in main and not re.search(r"bind(Tooltip|Popup)\(\s*`", main)
    # the text is still there, escaped, for people to read
    assert "\\u0026lt;script\\u0026gt;window.__pwned=1" in html


def test_highlight_dims_the_rest():
    html = export_html(rich_scene(), outlines=NONE, highlight={"r2", "TR", "UA"})
    opts = {o["color"] + str(o.get("dashArray")): o for o in _arc_options(html)}
    assert opts["#1d6f6aNone"]["opacity"] == 0.9  # r1 and r2 (one arc), highlighted through r2
    assert opts["#9a9a9a9 6"]["opacity"] == pytest.approx(0.17)  # r3, dimmed
    assert "gb-dim" in html


def test_draws_onto_an_existing_map():
    import folium

    m = folium.Map(location=[10, 10], zoom_start=5, tiles=None)
    out = render_map(transfer_scene(), m=m, outlines=NONE, layers=("places", "arcs", "legend"))
    assert out is m
    html = m.get_root().render()
    assert "gb-arc gb-transfer" in html and '"Countries"' not in html
    assert "fitBounds" not in html


def test_legend_lists_only_what_is_drawn():
    html = export_html(transfer_scene(), outlines=NONE)
    legend = html[html.index('class="gb-legend') :]
    legend = legend[: legend.index("</div>")]
    assert "Transfer, delivered" in legend and ">supplies<" in legend and ">receives<" in legend
    # no outlines here: the countries at the ends are drawn as points, and the legend says so
    assert "Place at an end of a relation" in legend and "Country at an end" not in legend
    for absent in ("Alliance", "Conflict", "Disputed", "Sea", "influence", "planned"):
        assert absent not in legend


def test_legend_explains_every_style_of_rich_scene(rich_html):
    legend = rich_html[rich_html.index('class="gb-legend') :]
    for text in (
        "Alliance",
        "Transfer, delivered",
        "Transfer, frozen",
        "Wider: more statements",
        "purchase halted",
        "Support",
        "Conflict",
        "Disputed area",
        "Sea",
        "Turkish influence: the East",
        "City",
    ):
        assert text in legend


def test_shapes_drawn_from_real_outlines(rich_html):
    assert rich_html.count('"className": "gb-shape gb-country') == 7
    assert '"className": "gb-shape gb-region gb-disputed gb-k-' in rich_html
    assert "url(#gb-hatch)" in rich_html and 'id="gb-hatch"' in rich_html
    assert '"className": "gb-shape gb-sphere gb-k-' in rich_html


def test_every_feature_has_tooltip_and_evidence_popup(rich_html):
    n_features = rich_html.count('.bindPopup("')
    assert n_features == rich_html.count('.bindTooltip("')
    assert n_features >= 6 + 7 + 3 + 1
    assert "Turkey sold 12 Bayraktar TB2 drones to Ukraine." in rich_html
    assert "Drone deal" in rich_html


def test_geojson_is_flat_and_complete():
    fc = export_geojson(rich_scene(shapes=True))
    json.dumps(fc)
    feats = fc["features"]
    keys = {tuple(sorted(f["properties"])) for f in feats}
    assert len(keys) == 1
    for f in feats:
        for v in f["properties"].values():
            assert v is None or isinstance(v, str | int | float)
    layers = {f["properties"]["layer"] for f in feats}
    assert layers == {"arcs", "places", "regions", "spheres"}
    planned = next(f for f in feats if f["properties"]["id"] == "r1")  # r1 and r2: one arc
    assert planned["geometry"]["type"] == "LineString"
    want = {
        "relation": "transfer",
        "source": "Turkey",
        "target": "Ukraine",
        "quantity": 62,
        "status": "delivered",
        "statements": 2,
        "relation_ids": "r1 | r2",
    }
    assert {k: planned["properties"][k] for k in want} == want
    assert "plans to buy" in planned["properties"]["evidence"]
    assert planned["properties"]["documents"] == "Drone deal"
    assert len({f["id"] for f in feats}) == len(feats)


@pytest.mark.parametrize(
    "page",
    [
        "<img src=http://x.org/a.png>",
        '<iframe src="//x.org/frame"></iframe>',
        '<div style="background:url(https://x.org/a.png)"></div>',
        '<script>L.tileLayer("https://{s}.tile.example.org/{z}/{x}/{y}.png").addTo(m);</script>',
        "<script>var i = new Image(); i.src = 'https://x.org/beacon';</script>",
        '<style>@import "https://x.org/a.css";</style>',
    ],
)
def test_guard_catches_every_fetching_form(page):
    with pytest.raises(OfflineError):
        check_offline(f"<html>{page}</html>")


def test_article_text_quoting_urls_is_data_not_a_fetch():
    """An article that quotes src=/href=/url() with remote URLs still exports offline."""
    from geo.scene import Document, Place, Relation, Scene, Span

    text = (
        "Turkey sells drones to Ukraine <img src=http://evil.example/x.png> "
        'url(http://evil.example/a.css) href="https://evil.example" `https://evil.example`.'
    )
    sent = Span("d1", 0, len(text), text)
    scene = Scene(
        documents=(Document("d1", 'src=http://evil.example/t "title"', text),),
        places=(
            Place("TR", "Turkey", "country", "TR", 39.0, 35.0, (Span("d1", 0, 6, "Turkey"),)),
            Place("UA", "Ukraine", "country", "UA", 49.0, 32.0, (Span("d1", 23, 30, "Ukraine"),)),
        ),
        relations=(Relation("r1", "transfer", "TR", "UA", item="src=http://evil.example drones", evidence=(sent,)),),
    )
    html = export_html(scene, outlines=NONE)
    assert remote_references(html) == []
    assert "evil.example" in html  # the text is kept, escaped, not dropped
    assert "<img src=http://evil" not in html


def test_jinja_markers_in_article_text_stay_literal():
    """branca renders element output as a template again; article text must not be evaluated."""
    html = export_html(hostile_scene(), outlines=NONE)
    assert "{{ 7*7 }}" in html and "{% if 1 %}J{% endif %}" in html
    assert "Turkey</script>" not in html


def test_places_drawn_as_dots_are_always_named_beside_the_dot():
    from layers.places import collect_places

    scene = rich_scene()
    dots = [f for f in collect_places(scene, NoOutlines()) if f.kind != "city"]
    assert dots
    for f in dots:
        labels = [m for m in f.marks if m.kind == "label"]
        assert [m.text for m in labels] == [scene.place(f.key).name]
        assert "gb-point-label" in labels[0].css


def test_map_exports_draw_only_the_layers_asked_for():
    scene = rich_scene()
    page = export_html(scene, layers=("basemap", "places", "legend"), outlines=NoOutlines())
    assert "gb-arc gb-" not in page and "gb-place gb-" in page
    layers = {
        f["properties"]["layer"] for f in export_geojson(scene, layers=("arcs",), outlines=NoOutlines())["features"]
    }
    assert layers == {"arcs"}


def test_city_dots_grow_with_mentions_but_stay_small():
    from dataclasses import replace

    from geo.scene import Place, Span
    from layers.places import MAX_CITY_RADIUS, collect_places

    scene = rich_scene()

    def city(n):
        spans = tuple(Span(scene.documents[0].id, 0, 1, "K") for _ in range(n))
        return Place("city:1", "Kyiv", "city", "UA", 50.45, 30.52, spans, "name")

    radii = []
    for n in (1, 9, 400):
        s = replace(scene, places=(*scene.places, city(n)))
        radii.append(next(f.radius for f in collect_places(s, NoOutlines()) if f.key == "city:1"))
    assert radii[0] < radii[1] < MAX_CITY_RADIUS + 0.01
    assert radii[2] == MAX_CITY_RADIUS


def test_only_what_an_arc_across_the_antimeridian_ends_at_is_drawn_again():
    from layers.group import _copies_of
    from layers.render import collect_layers, world_copies

    features = collect_layers(antimeridian_scene(), outlines=NONE)
    copies = world_copies(features)
    assert copies == {(61.2, -149.9): 360}  # Anchorage, reached east of the antimeridian
    shifted = {f.properties.get("name"): _copies_of(f, copies) for f in features["places"]}
    assert shifted == {"Vladivostok": (), "Anchorage": (360,)}
