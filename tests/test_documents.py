"""Reading articles: formats, offsets and bad input, through the library and the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.documents import InputError, html_to_text, load_bytes, load_path
from geo.sentences import split_sentences


def test_txt_text_is_kept_exactly(tmp_path: Path) -> None:
    text = "Line one about Kyiv.\n\nLine two — Ankara’s view.\n"
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    doc = load_path(p)
    assert doc.text == text
    assert doc.title == "a"
    assert doc.id.startswith("a-")
    assert load_path(p).id == doc.id  # stable


def test_html_strips_markup_scripts_and_entities() -> None:
    doc = load_bytes(
        "x.html",
        b"<html><head><title>T</title><script>alert(1)</script></head>"
        b"<body><p>Rome &amp; Paris</p><style>p{}</style><p>Oslo</p></body></html>",
    )
    assert "alert" not in doc.text and "p{}" not in doc.text
    assert "Rome & Paris" in doc.text and "Oslo" in doc.text
    assert doc.title == "T"


def test_html_to_text_blocks_become_lines() -> None:
    text, _ = html_to_text("<div>A</div><div>B</div>")
    assert text.split() == ["A", "B"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("bin.txt", b"\x00\x01\x02PNG\x00" * 50, "binary"),
        ("big.txt", b"word " * 500_000, "MB"),
    ],
)
def test_bad_input_is_refused_clearly(name: str, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_bytes(name, data)


def test_missing_file() -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_path(Path("/nonexistent/file.txt"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to Washington. He met Gen. Brown.", 2),
        ("The U.S. and the U.K. agreed. Talks end today.", 2),
        ("John F. Kennedy spoke. Then he left.", 2),
        ('"We will win," he said. "Yes."', 2),
        ("It cost 3.5 billion dollars. No. 10 said so.", 2),
        ("HEADLINE WITHOUT STOP\nThe body starts here.", 2),
    ],
)
def test_sentence_split(text: str, expected: int) -> None:
    assert len(split_sentences(text)) == expected


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("geobrief")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=60)


def test_cli_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\xff\x00" * 100)
    res = _cli("extract", str(empty), str(binary))
    assert res.returncode == 2
    assert "empty" in res.stderr and "binary" in res.stderr
    assert "Traceback" not in res.stderr


def test_cli_some_unreadable(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Poland bought tanks from South Korea.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = _cli("extract", str(good), str(empty), "--format", "json")
    assert res.returncode == 1
    assert {p["id"] for p in json.loads(res.stdout)["places"]} >= {"PL", "KR"}


def test_cli_refuses_an_article_over_the_text_limit(tmp_path: Path) -> None:
    """Over 2 MB of text is refused in one line (how fast an article at the limit maps: bench_limits.py)."""
    big = tmp_path / "big.txt"
    big.write_text("Ukraine and Poland signed a treaty. " * 150_000)  # about 5 MB
    res = _cli("extract", str(big))
    assert res.returncode == 2
    assert res.stdout == ""
    assert res.stderr.strip().splitlines() == [
        f"geobrief: {big}: big.txt holds 5.4 MB of text; geobrief reads articles of up to 2 MB each "
        "(split it into smaller files)"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Le chat dort sur le canapé. Il fait beau aujourd'hui.",
        "Just some words about cooking pasta and nothing else.",
        "Это просто текст без мест.",
    ],
)
def test_cli_text_without_places(tmp_path: Path, text: str) -> None:
    p = tmp_path / "none.txt"
    p.write_text(text, encoding="utf-8")
    res = _cli("extract", str(p), "--format", "json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["relations"] == []
    res = _cli("extract", str(p))
    assert res.returncode == 0 and "Traceback" not in res.stderr


def test_the_same_article_in_two_folders_gives_the_same_document(tmp_path):
    """A Scene (and every export's bytes) must not depend on where the files live."""
    text = "Turkey sold drones to Ukraine.\n"
    paths = []
    for folder in ("a", "b/c"):
        (tmp_path / folder).mkdir(parents=True)
        path = tmp_path / folder / "article.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    first, second = (load_path(p) for p in paths)
    assert first == second
    assert first.source == "article.txt" and str(tmp_path) not in first.source


def test_a_web_page_gives_only_its_articles_places(root: Path) -> None:
    """Navigation ("Africa", "Europe", "Ukraine war"), a "related articles" list (Russia, Kyiv,
    Japan, Australia), a footer (London, New York, Singapore) and a script never become places."""
    from geo.extract import extract

    doc = load_path(root / "tests" / "data" / "pages" / "rsf-page.html")
    assert doc.title == "UAE arms reach Sudan's RSF | World News"
    assert "Related articles" not in doc.text and "Offices in London" not in doc.text
    assert doc.text.startswith("UAE arms reach Sudan's RSF")
    names = {p.name for p in extract([doc]).places}
    assert {"Sudan", "United Arab Emirates", "Egypt", "Chad"} <= names
    for name in ("Africa", "Europe", "Asia", "Ukraine", "Russia", "Kyiv", "Japan", "Australia", "London", "Brazil"):
        assert name not in names, name


def test_plain_text_and_markdown_are_not_cut(tmp_path: Path) -> None:
    text = "Menu: Africa | Europe\n\nTurkey sells drones to Ukraine.\n\nFooter: London office.\n"
    for name in ("a.txt", "a.md"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert load_path(tmp_path / name).text == text
