from __future__ import annotations

from datetime import date

import pytest

from storyline.document import Document, Published
from storyline.ingest.dates import Dates, date_from_url

TODAY = date(2026, 11, 21)
DATES = Dates(today=lambda: TODAY)


def doc(raw: str, language: str = "en", **fields: object) -> Document:
    return Document.from_raw(raw, "x.txt", text=raw, language=language, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/world/2026/03/18/drovenia-troops", ("2026-03-18", "day")),
        ("https://news.example/2026-03-18-drovenia.html", ("2026-03-18", "day")),
        ("https://news.example/politik/20260318/drovenien", ("2026-03-18", "day")),
        ("https://news.example/2026/03/drovenia", ("2026-03", "month")),
        ("https://news.example/article/123456789", None),
        ("https://news.example/2026/13/45/x", None),
    ],
)
def test_dates_in_urls(url: str, expected: tuple[str, str] | None) -> None:
    found = date_from_url(url)
    assert ((found.date, found.precision) if found else None) == expected
    if found:
        assert found.method == "url"


def test_metadata_date_is_kept() -> None:
    d = doc(
        "Title\nSELMONT, 20 March 2026 - text", published=Published("2026-03-21", "day", "sidecar")
    )
    assert DATES(d).published.date == "2026-03-21"


def test_url_beats_dateline() -> None:
    d = doc("Title\nSELMONT, 20 March 2026 - text", url="https://x.example/2026/03/21/a")
    assert DATES(d).published == Published("2026-03-21", "day", "url")


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        (
            "Drei Staaten winken ab\nSelmont, 20. März 2026. Beim Treffen am Freitag …",
            "de",
            "2026-03-20",
        ),
        (
            "Belmora pulls out\nZELMIR TODAY | ENGLISH SERVICE\n21.04.2026 | 11:32\nZELMIR - The …",
            "en",
            "2026-04-21",
        ),
    ],
)
def test_full_dateline_is_a_fact(raw: str, language: str, expected: str) -> None:
    assert DATES(doc(raw, language)).published == Published(expected, "day", "dateline")


def test_dateline_without_year_is_an_estimate() -> None:
    raw = "Belmora ready\nCASTELBRUN, April 2 (MERIDIAN) - Belmora will send troops, he said."
    published = DATES(doc(raw)).published
    assert published.method == "estimated"
    assert published.date == "2026-04-02" and published.interval == ("2026-04-02", "2026-04-02")


def test_text_only_gives_an_estimated_interval_never_a_fact() -> None:
    raw = (
        "Kessling opens the door\n\n"
        "The minister said on Thursday that logistics support was possible. The government had set "
        "a mandate as its condition on 2 April 2026, and the alliance met on 20 March 2026."
    )
    published = DATES(doc(raw)).published
    assert published.method == "estimated"
    assert published.interval == ("2026-04-02", "2026-04-16")


def test_no_date_evidence_leaves_the_date_unknown() -> None:
    raw = "Talks go on\n\nDelegates met again yesterday and will meet again next week."
    assert DATES(doc(raw)).published == Published()
