from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import InputError, UnreadableInput
from storyline.ingest.readers import parse_published, read_bytes, read_html, read_text
from storyline.ingest.sources import iter_items

ARTICLE = (
    "Drovenia rules out troops for Lissar force\n"
    "\n"
    "HALLSTEDT — Chancellor Anke Morwitz said on Wednesday that no Drovenian soldiers would be\n"
    "sent to the Lissar Valley. “Our answer is no,” she told reporters.\n"
)


def test_text_first_line_becomes_title_when_it_looks_like_one() -> None:
    doc = read_text(ARTICLE.encode(), "a.txt")
    assert doc.title == "Drovenia rules out troops for Lissar force"
    assert doc.raw_text.startswith("Drovenia rules out")  # the headline stays in the text
    assert doc.published.date is None  # no metadata: the date is not invented


def test_text_first_line_that_is_a_sentence_is_not_a_title() -> None:
    doc = read_text(b"Belmora will send 800 soldiers, officials said.\nMore text.\n", "b.txt")
    assert doc.title is None


def test_sidecar_metadata_is_used(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps(
            {
                "outlet": "Der Tagesbote",
                "published": "2026-03-18T09:30:00+01:00",
                "url": "https://tagesbote.example/a",
            }
        ),
        encoding="utf-8",
    )
    [item] = list(iter_items([tmp_path], include=["*.txt"], exclude=["*.meta.json"]))
    [doc] = list(read_bytes(item.data or b"", item.source, item.meta))
    assert not isinstance(doc, InputError)
    assert doc.outlet == "Der Tagesbote"
    assert (doc.published.date, doc.published.precision, doc.published.method) == (
        "2026-03-18",
        "day",
        "sidecar",
    )
    assert doc.url == "https://tagesbote.example/a"


def test_jsonl_records_each_become_a_document_and_bad_lines_are_reported() -> None:
    lines = [
        json.dumps(
            {
                "text": ARTICLE,
                "title": "T1",
                "outlet": "Meridian Wire",
                "published": "2026-03-18",
                "language": "en",
            }
        ),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Second article body about Belmora.", "published": None}),
    ]
    results = list(read_bytes("\n".join(lines).encode(), "feed.jsonl"))
    assert len(results) == 4
    ok = [r for r in results if not isinstance(r, InputError)]
    bad = [r for r in results if isinstance(r, InputError)]
    assert [d.source for d in ok] == ["feed.jsonl#1", "feed.jsonl#5"]
    assert ok[0].language == "en" and ok[0].published.method == "metadata"
    assert [str(e).split(":")[0] for e in bad] == ["feed.jsonl#2", "feed.jsonl#3"]


def test_json_array_file() -> None:
    data = json.dumps([{"text": "One article."}, {"text": "Another article."}]).encode()
    docs = list(read_bytes(data, "batch.json"))
    assert [d.source for d in docs if not isinstance(d, InputError)] == [
        "batch.json#1",
        "batch.json#2",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02\x03binary\x00\x00\xff\xfe" * 50, "binary"),
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
    ],
)
def test_unusable_text_is_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_text(data, "bad.txt")


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    [item] = list(iter_items([big], max_bytes=1024))
    assert item.data is None and isinstance(item.error, UnreadableInput)
    assert "over the 1,024-byte limit" in str(item.error)


def test_missing_path_is_an_item_error() -> None:
    [item] = list(iter_items(["/nonexistent/x.txt"]))
    assert item.error is not None and "no such file" in str(item.error)


def test_directory_walk_is_sorted_and_honours_globs(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "notes.md", "sub/c.txt", ".hidden/d.txt", "a.meta.json"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    items = list(iter_items([tmp_path], include=["*.txt", "*.json"], exclude=["*.meta.json"]))
    assert [Path(i.source).relative_to(tmp_path).as_posix() for i in items] == [
        "a.txt",
        "b.txt",
        "sub/c.txt",
    ]


def test_html_page_gives_text_title_date_and_outlet() -> None:
    html = """<!doctype html><html lang="en"><head><title>Belmora commits troops | HC</title>
    <meta property="og:title" content="Belmora commits troops">
    <meta property="og:site_name" content="The Harbour Chronicle">
    <meta property="article:published_time" content="2026-04-16T08:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <div id="cookie-banner">We use cookies to improve your experience. Accept all</div>
    <article><h1>Belmora commits troops</h1>
    <p>Belmora will send 800 soldiers to the Lissar Valley, Prime Minister Hector Lavalle said
    on Wednesday, ending weeks of hesitation over the monitoring mission.</p>
    <p>“We will not stand aside,” Lavalle told reporters in Castelbrun on Wednesday evening.</p>
    </article><footer>© 2026 The Harbour Chronicle</footer></body></html>"""
    doc = read_html(html.encode(), "page.html")
    assert doc.title == "Belmora commits troops"
    assert doc.outlet == "The Harbour Chronicle"
    assert doc.published.date == "2026-04-16" and doc.published.method == "metadata"
    assert "800 soldiers" in doc.raw_text and "Accept all" not in doc.raw_text
    assert "Home" not in doc.raw_text


def test_html_without_article_text_is_refused() -> None:
    with pytest.raises(InputError):
        read_html(b"<html><body><nav>Home</nav></body></html>", "empty.html")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-18", ("2026-03-18", "day")),
        ("2026-03", ("2026-03", "month")),
        ("2026-03-18T23:30:00Z", ("2026-03-18", "day")),
        ("yesterday", (None, None)),
        (None, (None, None)),
    ],
)
def test_published_metadata_parsing(
    value: str | None, expected: tuple[str | None, str | None]
) -> None:
    p = parse_published(value, "metadata")
    assert (p.date, p.precision) == expected
