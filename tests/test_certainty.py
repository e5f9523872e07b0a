"""Certainty of statements: asserted, reported, alleged, denied, hypothetical."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.annotate.certainty import assess, sentence_certainty
from storyline.annotate.quote_lexicon import lexicon
from storyline.document import Hop
from test_quotes_support import analyse, by_text, kb_file


@pytest.fixture
def kb(tmp_path: Path) -> str:
    return kb_file(tmp_path)


@pytest.mark.parametrize(
    ("lang", "message", "context", "classes", "expected"),
    [
        ("en", "the depot was emptied", "Kern said", frozenset(), "asserted"),
        ("en", "the depot was emptied", "Kern denied", frozenset({"denial"}), "denied"),
        ("en", "the depot could be emptied", "Kern said", frozenset(), "hypothetical"),
        ("en", "the depot was allegedly emptied", "Kern said", frozenset(), "alleged"),
        ("en", "the depot was emptied", "Kern claimed", frozenset({"claim"}), "alleged"),
        ("en", "the depot was reportedly emptied", "", frozenset(), "reported"),
        ("de", "das Lager sei angeblich leer", "sagte Kern", frozenset(), "alleged"),
        ("de", "das Lager soll leer sein", "", frozenset(), "alleged"),
        ("de", "das Lager könnte leer sein", "sagte Kern", frozenset(), "hypothetical"),
        ("de", "das Lager sei leer", "dementierte Kern", frozenset({"denial"}), "denied"),
        ("fr", "le dépôt aurait été vidé", "", frozenset(), "alleged"),
        ("fr", "le dépôt pourrait être vidé", "selon Kern", frozenset(), "hypothetical"),
        (
            "fr",
            "le dépôt a été vidé",
            "selon des sources proches du dossier",
            frozenset(),
            "reported",
        ),
        ("fr", "le dépôt a été vidé", "a démenti Kern", frozenset(), "denied"),
    ],
)
def test_assess_cues(
    lang: str, message: str, context: str, classes: frozenset[str], expected: str
) -> None:
    assert assess(lexicon(lang), message, context, classes) == expected


def test_second_hand_chain_makes_a_statement_reported() -> None:
    chain = (Hop("outlet", "Test Wire"), Hop("outlet", "Nordpost", 0, 8))
    assert assess(lexicon("en"), "the depot was emptied", "Nordpost said", frozenset(), chain) == (
        "reported"
    )


def test_a_claim_relayed_by_an_outlet_stays_alleged() -> None:
    chain = (Hop("outlet", "Test Wire"), Hop("outlet", "Kanal Nord", 0, 10))
    message, context = "die Fähre sei verkauft", "so behauptet der Sender Kanal Nord"
    lex = lexicon("de")
    assert assess(lex, message, context, frozenset({"claim"}), chain) == "alleged"
    assert assess(lex, message, context, frozenset(), chain) == "reported"


def test_unattributed_sentence_certainty() -> None:
    assert sentence_certainty(lexicon("en"), "The depot was reportedly emptied.") == "reported"
    assert sentence_certainty(lexicon("de"), "Das Lager ist leer.") == "asserted"


def test_certainty_in_the_component(kb: str) -> None:
    text = (
        "Tobias Kern denied that the tolls had been raised.\n"
        "Mara Lind said the ferries might be cancelled if the storm hits.\n"
        "The daily Nordpost reported that the harbour master had resigned.\n"
        "Kern claimed that the pier was allegedly sold twice."
    )
    quotes = analyse(text, "en", kb)
    assert by_text(quotes, "the tolls had been raised").certainty == "denied"
    assert by_text(quotes, "the ferries might be cancelled if the storm hits").certainty == (
        "hypothetical"
    )
    assert by_text(quotes, "the harbour master had resigned").certainty == "reported"
    assert by_text(quotes, "the pier was allegedly sold twice").certainty == "alleged"
    german = analyse("Kern dementierte, dass die Brücke gesperrt sei.", "de", kb)
    assert by_text(german, "die Brücke gesperrt sei").certainty == "denied"
    french = analyse("Tobias Kern a démenti que le port serait fermé.", "fr", kb)
    assert by_text(french, "le port serait fermé").certainty == "denied"
