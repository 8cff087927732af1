"""The app's Corpus tab: run a small corpus, or open a corpus Scene, and look at its map.

Wiring only, like the rest of the app: uploads are written to a temporary
folder and handed to :func:`geo.corpus.run_corpus`, which runs them on a
Dask cluster inside the app's own process (one worker thread: a small
corpus does not pay for starting worker processes, and the gazetteer the
app already loaded is shared); a progress bar shows documents done, speed
and time left. The result, or a corpus Scene file opened here, is drawn
with the same offline HTML as ``geobrief corpus -o`` (time slider
included) and can be saved, or opened in the main map.

Streamlit is imported inside the functions (nothing happens at import time).
"""

from __future__ import annotations

import html
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from geo.scene import Scene, SceneError

#: what the corpus uploader takes: articles, JSON Lines and CSV files
CORPUS_TYPES = ["txt", "md", "markdown", "html", "htm", "jsonl", "ndjson", "csv"]
#: the most the app runs itself (bytes of uploads); larger corpora belong to ``geobrief corpus``
MAX_CORPUS_BYTES = 50_000_000
MAX_SCENE_BYTES = 50_000_000
KEY = "corpus_scene"  # session state: the corpus Scene on show
HTML_KEY = "corpus_html"  # session state: its map, drawn once


def corpus_summary(scene: Scene) -> str:
    """One line on a corpus Scene: documents, skips, dates, relations, places."""
    c = scene.corpus
    if c is None:
        return f"{len(scene.documents)} documents, {len(scene.relations)} relations, {len(scene.places)} places"
    dates = f", reported {c.first_date} – {c.last_date}" if c.first_date else ""
    return (
        f"{c.documents:,} documents read ({c.dated_by_column:,} dated by their date field, "
        f"{c.dated_by_text:,} by their text, {c.undated:,} undated), {c.skipped:,} skipped{dates}; "
        f"{len(scene.relations):,} relations, {len(scene.places):,} places"
    )


def _show(scene: Scene, label: str) -> None:
    import streamlit as st

    st.session_state[KEY] = (scene, label)
    st.session_state.pop(HTML_KEY, None)


def _progress_text(done: int, expected: int, started: float) -> str:
    elapsed = max(time.perf_counter() - started, 1e-6)
    rate = done / elapsed
    left = (expected - done) / rate if rate > 0 else 0.0
    return f"{done:,} of {expected:,} documents · {rate:,.0f} documents/s · about {left:,.0f} s left"


def run_uploads(files: list) -> None:
    """Run the uploaded files as one corpus, with a progress bar; shows the result or says why not."""
    import streamlit as st

    from geo.corpus import CorpusError, run_corpus

    total = sum(f.size for f in files)
    if total > MAX_CORPUS_BYTES:
        st.error(
            f"These files hold {total / 1e6:.0f} MB; the app runs corpora of up to "
            f"{MAX_CORPUS_BYTES / 1e6:.0f} MB. Use `geobrief corpus` for larger ones (it can use a Dask cluster)."
        )
        return
    bar = st.progress(0.0, text="Starting a Dask cluster…")
    started = time.perf_counter()

    def progress(done: int, expected: int) -> None:
        bar.progress(min(1.0, done / max(1, expected)), text=_progress_text(done, expected, started))

    with tempfile.TemporaryDirectory(prefix="geobrief-corpus-") as folder:
        paths = []
        for i, file in enumerate(files):
            # a folder per upload: two files of one name stay apart, and each keeps its name
            path = Path(folder) / f"{i:05d}" / (Path(file.name).name or "upload.txt")
            path.parent.mkdir()
            path.write_bytes(file.getvalue())
            paths.append(path)
        try:
            scene, report = run_corpus(paths, workers=1, processes=False, progress=progress)
        except CorpusError as exc:
            bar.empty()
            st.error(f"The corpus was not run: {exc}")
            return
    bar.progress(1.0, text=f"Done: {report.documents:,} documents in {report.seconds:.1f} s")
    _show(scene, f"{len(files)} uploaded file{'s' if len(files) != 1 else ''}")


def open_file(file) -> None:
    """Show a Scene file (a corpus Scene, or any other) in the Corpus tab."""
    import streamlit as st

    if file.size > MAX_SCENE_BYTES:
        st.error(f"{file.name} is too large to be a geobrief scene ({file.size / 1e6:.0f} MB).")
        return
    try:
        scene = Scene.from_json(file.getvalue())
    except SceneError as exc:
        st.error(f"{file.name} was not opened: {exc}.")
        return
    _show(scene, file.name)


def corpus_panel(open_in_main: Callable[[Scene, str], None]) -> None:
    """The Corpus tab's widgets.

    Parameters
    ----------
    open_in_main : callable
        ``(scene, label)``: opens a Scene in the app's main map (the app's own
        ``open_scene``, which keeps what was open to go back to).
    """
    import streamlit as st

    st.caption(
        "Many articles over time → one map of who arms, backs and fights whom. Upload articles "
        "(.txt, .md, .html), a JSON Lines or CSV file with a `text` field (and optionally `date`, `title`, "
        "`url`, `id`), or open a corpus Scene saved by `geobrief corpus --scene`."
    )
    left, right = st.columns(2)
    with left:
        files = st.file_uploader("Corpus files", type=CORPUS_TYPES, accept_multiple_files=True, key="corpus_upload")
        if st.button("Run the corpus", key="corpus_run", disabled=not files, type="primary"):
            run_uploads(list(files or []))
    with right:
        scene_file = st.file_uploader("Open a corpus Scene (.json)", type=["json"], key="corpus_scene_file")
        if scene_file is not None and st.session_state.get("corpus_opened") != scene_file.file_id:
            st.session_state["corpus_opened"] = scene_file.file_id
            open_file(scene_file)
    shown = st.session_state.get(KEY)
    if shown is None:
        return
    scene, label = shown
    st.markdown(f"**{html.escape(label)}** — {html.escape(corpus_summary(scene))}")
    corpus = scene.corpus
    if corpus is not None and corpus.skips:
        with st.expander(f"{corpus.skipped:,} skipped, {corpus.dates_ignored:,} dates unreadable"):
            for message in corpus.skips:
                st.text(message)
    if HTML_KEY not in st.session_state:
        from layers.export import export_html

        with st.spinner("Drawing the corpus map…"):
            st.session_state[HTML_KEY] = export_html(scene)
    page = st.session_state[HTML_KEY]
    st.iframe(page, height=640)
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        "Corpus Scene (.json)",
        data=scene.to_json(),
        file_name="geobrief-corpus.json",
        mime="application/json",
        key="corpus_dl_scene",
        on_click="ignore",
    )
    c2.download_button(
        "Corpus map (.html)",
        data=page,
        file_name="geobrief-corpus.html",
        mime="text/html",
        key="corpus_dl_html",
        on_click="ignore",
    )
    c3.button(
        "Open in the main map",
        key="corpus_open_main",
        on_click=open_in_main,
        args=(scene, label),
        help="Edit, filter and brief it like any Scene (what is open now can be brought back)",
    )
