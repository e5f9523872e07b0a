from __future__ import annotations

import pytest

from storyline.ingest.header import Header, parse_byline, parse_header
from storyline.ingest.readers import read_text


def test_kicker_title_deck_and_byline() -> None:
    text = (
        "LISSAR CRISIS\n"
        "Belmora commits 800 troops to monitoring force\n"
        "The pledge ends weeks of hesitation in Castelbrun and brings the mission closer.\n"
        "By Camille Ostrowski and Ivo Teslar, Northgate Times\n"
        "\n"
        "Belmora will send 800 soldiers to the Lissar Valley, the prime minister said.\n"
    )
    assert parse_header(text) == Header(
        title="Belmora commits 800 troops to monitoring force",
        kicker="LISSAR CRISIS",
        deck="The pledge ends weeks of hesitation in Castelbrun and brings the mission closer.",
        authors=("Camille Ostrowski", "Ivo Teslar"),
        byline_rest="Northgate Times",
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Von Anna Beispiel, kpa", (("Anna Beispiel",), "kpa")),
        ("Par Mathilde Serrand (ALP)", (("Mathilde Serrand",), "ALP")),
        ("By Pieter Vansen | Meridian Wire", (("Pieter Vansen",), "Meridian Wire")),
        ("Von Jörg Weber und Lea Roth", (("Jörg Weber", "Lea Roth"), None)),
        ("by the way, the talks failed", None),
        ("Par ailleurs, le gouvernement a refusé.", None),
        ("De nombreux pays ont refusé", None),
    ],
)
def test_bylines(line: str, expected: tuple[tuple[str, ...], str | None] | None) -> None:
    assert parse_byline(line) == expected


def test_a_first_line_that_is_a_sentence_is_no_title() -> None:
    assert parse_header("Belmora will send 800 soldiers, officials said.\nMore.\n") == Header()


def test_reader_uses_header_for_title_authors_and_meta() -> None:
    text = "Analyse:\nDrovenien öffnet die Tür\nVon Anna Beispiel, kpa\n\nHallstedt (kpa) – Text.\n"
    doc = read_text(text.encode(), "a.txt")
    assert doc.title == "Drovenien öffnet die Tür"
    assert doc.authors == ("Anna Beispiel",)
    assert doc.meta == {"kicker": "Analyse", "byline": "kpa"}
