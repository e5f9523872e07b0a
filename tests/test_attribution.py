"""Attribution chains of two and three hops, in English, German and French."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.document import Quote
from test_quotes_support import analyse, by_text, kb_file


@pytest.fixture
def kb(tmp_path: Path) -> str:
    return kb_file(tmp_path)


def hops(q: Quote) -> list[tuple[str, str]]:
    return [(h.kind, h.text) for h in q.chain]


def test_publisher_hop_has_no_offsets_and_the_speaker_hop_has_them(kb: str) -> None:
    text = "Tobias Kern said the ferry would sail at noon."
    q = by_text(analyse(text, "en", kb, outlet="Coastal Post"), "the ferry would sail at noon")
    assert q.chain[0].kind == "outlet" and q.chain[0].text == "Coastal Post"
    assert q.chain[0].start is None and q.chain[0].end is None
    speaker = q.chain[1]
    assert (speaker.kind, speaker.entity) == ("person", "person:tobias-kern")
    assert speaker.start is not None and speaker.end is not None
    assert text[speaker.start : speaker.end] == "Tobias Kern"


def test_no_publisher_hop_when_the_outlet_is_unknown(kb: str) -> None:
    q = analyse("Tobias Kern said the ferry would sail at noon.", "en", kb, outlet=None)[0]
    assert hops(q) == [("person", "Tobias Kern")]


def test_english_chains(kb: str) -> None:
    text = (
        "The daily Nordpost reported, citing military sources, that two tankers had left.\n"
        "The agency Baltwire reports, referring to the newspaper Ostblatt, "
        "that the pier collapsed.\n"
        "The weekly Kustbladet reported, citing senior officials quoted by the Harbour Gazette, "
        "that the tolls would double.\n"
        "The quay will close in May, Tobias Kern said, as relayed by the agency Baltwire.\n"
        "Per the report, the dredging costs rose by a third."
    )
    quotes = analyse(text, "en", kb)
    assert hops(by_text(quotes, "two tankers had left")) == [
        ("outlet", "Test Wire"),
        ("outlet", "Nordpost"),
        ("anonymous", "military sources"),
    ]
    assert hops(by_text(quotes, "the pier collapsed")) == [
        ("outlet", "Test Wire"),
        ("outlet", "Baltwire"),
        ("outlet", "Ostblatt"),
    ]
    three = by_text(quotes, "the tolls would double")
    assert hops(three) == [
        ("outlet", "Test Wire"),
        ("outlet", "Kustbladet"),
        ("outlet", "the Harbour Gazette"),
        ("anonymous", "senior officials"),
    ]
    assert three.certainty == "reported"
    relayed = by_text(quotes, "The quay will close in May")
    assert hops(relayed) == [
        ("outlet", "Test Wire"),
        ("outlet", "Baltwire"),
        ("person", "Tobias Kern"),
    ]
    per = by_text(quotes, "the dredging costs rose by a third")
    assert hops(per) == [("outlet", "Test Wire"), ("document", "the report")]


def test_german_chains(kb: str) -> None:
    text = (
        "Die Zeitung Nordpost berichtet unter Berufung auf Regierungskreise, "
        "der Hafen werde im Juni verkauft.\n"
        "Die Werft sei insolvent, berichtet die Agentur Baltwire.\n"
        "„Wir haben keine Wahl“, so das Magazin Kielwasser."
    )
    quotes = analyse(text, "de", kb)
    assert hops(by_text(quotes, "der Hafen werde im Juni verkauft")) == [
        ("outlet", "Test Wire"),
        ("outlet", "Nordpost"),
        ("anonymous", "Regierungskreise"),
    ]
    agency = by_text(quotes, "Die Werft sei insolvent")
    assert hops(agency) == [("outlet", "Test Wire"), ("outlet", "Baltwire")]
    assert agency.certainty == "reported"
    magazine = by_text(quotes, "Wir haben keine Wahl")
    assert hops(magazine) == [("outlet", "Test Wire"), ("outlet", "Kielwasser")]


def test_french_chains(kb: str) -> None:
    text = (
        "Selon le quotidien Nordpost, le port sera vendu en juin.\n"
        "Le journal Ostblatt a rapporté, citant des responsables du ministère, "
        "que la digue avait cédé."
    )
    quotes = analyse(text, "fr", kb)
    assert hops(by_text(quotes, "le port sera vendu en juin")) == [
        ("outlet", "Test Wire"),
        ("outlet", "Nordpost"),
    ]
    assert hops(by_text(quotes, "la digue avait cédé")) == [
        ("outlet", "Test Wire"),
        ("outlet", "Ostblatt"),
        ("anonymous", "des responsables du ministère"),
    ]


def test_outlet_registry_names_an_outlet_without_a_media_noun(tmp_path: Path, kb: str) -> None:
    registry = tmp_path / "outlets.toml"
    registry.write_text(
        '[[outlet]]\nid = "nordpost"\nname = "Nordpost"\ndomains = ["nordpost.example"]\n'
        'language = "de"\ntype = "newspaper"\n',
        encoding="utf-8",
    )
    text = "Nordpost reported that the ferry line would close."
    q = by_text(analyse(text, "en", kb, registry=[str(registry)]), "the ferry line would close")
    assert hops(q) == [("outlet", "Test Wire"), ("outlet", "Nordpost")]
