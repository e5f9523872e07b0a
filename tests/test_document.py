from __future__ import annotations

import pytest

from storyline.document import Document, Span, content_id


def test_content_id_ignores_case_whitespace_and_unicode_composition() -> None:
    composed = "Die Truppe soll 12.000 Soldaten umfassen.\n"
    decomposed = "die  truppe soll 12.000 Soldaten\tumfassen."
    assert content_id(composed) == content_id(decomposed)
    assert content_id("Caf\u00e9") == content_id("Cafe\u0301")
    assert content_id(composed) != content_id("Die Truppe soll 15.000 Soldaten umfassen.")


def test_span_must_match_its_offsets() -> None:
    text = "Belmora will send 800 soldiers."
    span = Span.of(text, 18, 30)
    assert span.text == "800 soldiers"
    with pytest.raises(ValueError):
        Span(18, 30, "800")
    with pytest.raises(ValueError):
        Span(5, 2, "")


def test_documents_are_frozen_and_replaced_not_mutated() -> None:
    doc = Document.from_raw("Text", "a.txt")
    changed = doc.with_(title="T")
    assert doc.title is None and changed.title == "T" and changed.id == doc.id
    with pytest.raises(AttributeError):
        doc.title = "x"  # type: ignore[misc]
