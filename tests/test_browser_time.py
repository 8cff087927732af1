"""The time filter on a single-article map, in headless Chromium with the network cut.

Relations take the date their own sentence gives, else their document's
(the date given, else the first date its text states). The slider in the
exported HTML hides and shows arcs in the browser, with no server; undated
relations stay until the switch hides them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.scene import Document
from layers.export import export_html

pytestmark = pytest.mark.browser
OUT = Path(__file__).resolve().parent.parent / "bench" / "out"

DOCS = (
    Document(
        "a", "Drones for the RSF", "ABU DHABI, 12 March 2024 - The United Arab Emirates supplied drones to the RSF."
    ),
    Document("b", "Egypt and the army", "CAIRO, 2 May 2023 - Egypt backs the Sudanese army against the RSF."),
    Document("c", "Moscow and Kyiv", "Russia attacked Ukraine again, officials said."),
)


def dated_scene():
    from geo.extract import extract

    return extract(list(DOCS))


def test_relations_are_dated_by_their_sentence_or_document():
    from layers.arcs import collect_arcs
    from layers.timeline import timeline_entries

    scene = dated_scene()
    entries = timeline_entries(scene, collect_arcs(scene))
    dates = sorted({d for e in entries for d, _ in e["dates"]})
    assert dates == ["2023-05-02", "2024-03-12"]
    assert sum(e["undated"] for e in entries) >= 1  # Russia → Ukraine: no date anywhere


_SHOWN_JS = "() => document.querySelectorAll('path.gb-arc').length"


def _slide(page, lo: int, hi: int) -> None:
    page.evaluate(
        """([lo, hi]) => { const d = document.querySelector('.gb-timefilter');
             const a = d.querySelector('.gb-tf-lo'), b = d.querySelector('.gb-tf-hi');
             a.value = String(lo); b.value = String(hi);
             a.dispatchEvent(new Event('input', {bubbles: true}));
             b.dispatchEvent(new Event('input', {bubbles: true})); }""",
        [lo, hi],
    )


def test_the_time_slider_hides_and_shows_arcs_in_the_export(open_offline, tmp_path):
    path = tmp_path / "dated.html"
    path.write_text(export_html(dated_scene()), encoding="utf-8")
    page = open_offline(path, viewport=(1280, 720))
    try:
        pg = page.page
        assert pg.locator(".gb-timefilter").count() == 1
        every = pg.evaluate(_SHOWN_JS)
        assert every >= 3
        _slide(pg, 0, 0)  # 2023-05-02 only: Egypt → army, and the undated one
        only_2023 = pg.evaluate(_SHOWN_JS)
        assert 1 <= only_2023 < every
        assert pg.locator(".gb-tf-from").inner_text() == "2023-05-02"
        OUT.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(OUT / "export-time-slider.png"))
        pg.locator(".gb-tf-undated").uncheck()  # hide the undated
        assert pg.evaluate(_SHOWN_JS) == only_2023 - 1
        _slide(pg, 0, 1)
        pg.locator(".gb-tf-undated").check()
        assert pg.evaluate(_SHOWN_JS) == every  # all back
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()
