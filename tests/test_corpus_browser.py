"""The corpus map in a real headless Chromium with the network cut.

A corpus Scene aggregated from hand-built per-document Scenes (so the
test does not hang on what extraction finds) is exported to HTML and
opened offline: arcs are as wide as their support, the time slider, the
undated switch, the kind boxes and the minimum support hide and show
arcs (with their arrowheads) in the page itself, and a click on an arc
lists its documents and quotes, with hostile titles shown literally.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.aggregate import Tally
from geo.scene import Document, Place, Relation, Scene, Span
from layers.export import export_html
from layers.feature import key_class

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=window.__pwned=1>"
COUNTRIES = {
    "TR": ("Turkey", 39.0, 35.0),
    "UA": ("Ukraine", 49.0, 31.4),
    "RU": ("Russia", 55.7, 45.0),
    "AM": ("Armenia", 40.2, 45.0),
    "FR": ("France", 46.6, 2.4),
    "GR": ("Greece", 39.1, 22.0),
}


def _doc(doc_id: str, date: str | None, title: str, *rels: tuple[str, str, str, str]) -> Scene:
    doc = Document(doc_id, title, "", date=date, dated_by="column" if date else "")
    out = []
    ends: list[str] = []
    for i, (kind, src, dst, sentence) in enumerate(rels):
        out.append(
            Relation(
                f"{doc_id}-{i}", kind, src, dst, item="drones" if kind == "transfer" else None,
                status="delivered" if kind == "transfer" else "unknown",
                evidence=(Span(doc_id, 100 * i, 100 * i + len(sentence), sentence),),
            )
        )  # fmt: skip
        ends += [src, dst]
    places = tuple(
        Place(p, COUNTRIES[p][0], "country", p, COUNTRIES[p][1], COUNTRIES[p][2], (Span(doc_id, 0, 2, p),))
        for p in dict.fromkeys(ends)
    )
    return Scene(documents=(doc,), places=places, relations=tuple(out))


def corpus_scene() -> Scene:
    """Turkey → Ukraine drones in 12 documents (Jan–Jun), Russia → Ukraine conflict in March only,
    Russia backs Armenia only undated, France → Greece once in June with a hostile title."""
    tally = Tally()
    for i in range(12):
        day = f"2024-{i // 2 + 1:02d}-{i % 2 * 10 + 5:02d}"
        tally.add_scene(
            _doc(f"tr{i}", day, f"Drones {i}", ("transfer", "TR", "UA", f"Turkey sent drones, report {i}."))
        )
    tally.add_scene(_doc("ru1", "2024-03-02", "Strikes", ("conflict", "RU", "UA", "Russia attacked Ukraine.")))
    tally.add_scene(_doc("ru2", "2024-03-20", "Strikes again", ("conflict", "RU", "UA", "Russia struck Ukraine.")))
    tally.add_scene(_doc("am1", None, "Backing", ("support", "RU", "AM", "Russia backs Armenia.")))
    tally.add_scene(_doc("fr1", "2024-06-30", HOSTILE, ("transfer", "FR", "GR", f"France delivered {HOSTILE}.")))
    return tally.to_scene()


@pytest.fixture(scope="module")
def corpus_page(open_offline, tmp_path_factory):
    scene = corpus_scene()
    path: Path = tmp_path_factory.mktemp("corpus") / "corpus.html"
    path.write_text(export_html(scene), encoding="utf-8")
    page = open_offline(path)
    yield scene, page
    page.close()


def _rel(scene: Scene, kind: str, source: str) -> Relation:
    return next(r for r in scene.relations if r.kind == kind and r.source == source)


def _shown(page) -> dict[str, float]:
    """Visible arc paths by key class, with their stroke width."""
    return page.page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('path.gb-arc')].map(p =>
             [[...p.classList].find(c => c.startsWith('gb-k-')), parseFloat(p.getAttribute('stroke-width'))]))"""
    )


def _set(page, selector: str, value: str) -> None:
    page.page.evaluate(
        """([sel, v]) => { const el = document.querySelector(sel); el.value = v;
             el.dispatchEvent(new Event('input', {bubbles: true})); }""",
        [selector, value],
    )


def _tick(page, selector: str, on: bool) -> None:
    box = page.page.locator(selector)
    if box.is_checked() != on:
        box.click()


def test_corpus_map_opens_offline_with_every_arc_and_widths_by_support(corpus_page):
    scene, page = corpus_page
    assert page.blocked == [] and page.failed == [] and page.errors == []
    shown = _shown(page)
    assert len(shown) == 4 == len(scene.relations)
    drones = key_class(_rel(scene, "transfer", "TR").id)
    jets = key_class(_rel(scene, "transfer", "FR").id)
    assert shown[drones] > shown[jets] >= 3  # 12 documents draw wider than one
    assert page.page.locator(".gb-timefilter .gb-tf-count").inner_text() == "4 of 4 relations"
    assert page.page.locator(".gb-tf-from").inner_text() == "2024-01-05"
    assert page.page.locator(".gb-tf-to").inner_text() == "2024-06-30"


def test_time_slider_undated_switch_kinds_and_support_hide_and_show_arcs(corpus_page):
    scene, page = corpus_page
    key = {r.kind + r.source: key_class(r.id) for r in scene.relations}
    days = sorted({d.date for r in scene.relations for d in r.support.by_date})
    try:
        # March only: the conflict, the drones reported in March, and the undated backing
        _set(page, ".gb-tf-lo", str(days.index("2024-03-02")))
        _set(page, ".gb-tf-hi", str(days.index("2024-03-20")))
        shown = _shown(page)
        assert set(shown) == {key["conflictRU"], key["transferTR"], key["supportRU"]}
        assert page.page.locator(f".gb-arrow.{key['transferFR']}").count() == 0  # its arrowhead went too
        assert page.page.locator(f".gb-arrow.{key['conflictRU']}").count() == 1
        # the drones arc is as wide as its two March documents now, no longer its twelve
        assert shown[key["transferTR"]] < 6
        _tick(page, ".gb-tf-undated", False)
        assert key["supportRU"] not in _shown(page)
        _tick(page, ".gb-tf-kind[data-kind=conflict]", False)
        assert set(_shown(page)) == {key["transferTR"]}
        # the whole range again, kinds back, at least 5 documents: only the drones
        _set(page, ".gb-tf-lo", "0")
        _set(page, ".gb-tf-hi", str(len(days) - 1))
        _tick(page, ".gb-tf-kind[data-kind=conflict]", True)
        _set(page, ".gb-tf-min", "5")
        assert set(_shown(page)) == {key["transferTR"]}
        assert page.page.locator(".gb-tf-count").inner_text() == "1 of 4 relations"
        _set(page, ".gb-tf-min", "1")
        _tick(page, ".gb-tf-undated", True)
        assert len(_shown(page)) == 4
        assert page.errors == []
    finally:
        page.page.reload()
        page.page.wait_for_selector("path.leaflet-interactive")


def _click_arc(page, rel: Relation) -> list[str]:
    """Click the middle of an arc's drawn path, as a person would; the text of the open popups."""
    page.page.evaluate(
        "() => { const k = Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof L.Map);"
        " window[k].closePopup(); }"
    )
    x, y = page.page.evaluate(
        """(key) => { const p = document.querySelector('path.' + key), len = p.getTotalLength();
             const pt = p.getPointAtLength(len / 2), m = p.getScreenCTM();
             return [m.a * pt.x + m.c * pt.y + m.e, m.b * pt.x + m.d * pt.y + m.f]; }""",
        key_class(rel.id),
    )
    page.page.mouse.click(x, y)
    page.page.wait_for_timeout(300)
    return page.page.evaluate("() => [...document.querySelectorAll('.leaflet-popup-content')].map(e => e.innerText)")


def test_clicking_an_arc_lists_its_documents_and_quotes_literally(corpus_page):
    scene, page = corpus_page
    drones = _rel(scene, "transfer", "TR")
    (text,) = _click_arc(page, drones)
    assert "12 documents, 12 statements" in text
    assert "history: delivered from 2024-01-05 (12 docs)" in text
    assert "reported 2024-01-05 – 2024-06-15" in text
    assert "Turkey sent drones, report 11." in text and "Drones 11 · 2024-06-15" in text
    assert "Also reported in 7 documents: tr6, tr5" in text
    jets = _rel(scene, "transfer", "FR")
    (text,) = _click_arc(page, jets)
    assert HOSTILE in text
    assert page.page.locator(".leaflet-popup-content img").count() == 0
    assert page.page.evaluate("window.__pwned") is None and page.dialogs == []
