from __future__ import annotations

from storyline.annotate.language import make_language
from storyline.annotate.sentences import make_sentences, split_sentences
from storyline.config import component_config, load_config
from storyline.document import Document

LANG = make_language(component_config(load_config(), "language"), load_config())

MIXED = (
    "Drovenia rules out troops\n\n"
    "The Drovenian chancellor told parliament on Wednesday that her government would not send\n"
    "soldiers to the valley, whatever the alliance decided.\n\n"
    "„Es wird keine drovenischen Soldaten im Lissartal geben, das ist unsere Haltung“, sagte\n"
    "sie unter dem Beifall der Regierungsfraktionen im Parlament.\n\n"
    "Opposition leaders accused her of abandoning the alliance's partners at a critical moment."
)


def test_document_and_paragraph_languages_of_a_mixed_article() -> None:
    doc = LANG(Document.from_raw(MIXED, "a", text=MIXED))
    assert doc.language == "en" and (doc.language_confidence or 0) > 0.9
    langs = [(doc.text[p.start : p.end][:12], p.language) for p in doc.paragraph_languages]
    assert [lang for _, lang in langs] == ["en", "en", "de", "en"]
    for p in doc.paragraph_languages:
        assert "\n\n" not in doc.text[p.start : p.end]


def test_short_title_paragraph_takes_the_document_language() -> None:
    text = (
        "Belmora Lavalle Castelbrun\n\nLe gouvernement a annoncé mardi qu'il enverrait des soldats."
    )
    doc = LANG(Document.from_raw(text, "a", text=text))
    assert doc.language == "fr"
    assert doc.paragraph_languages[0].language == "fr"


def test_metadata_language_wins_but_disagreement_is_kept() -> None:
    text = "Die Regierung will keine Soldaten in das Tal schicken, sagte die Kanzlerin am Mittwoch."
    doc = LANG(Document.from_raw(text, "a", text=text, language="en"))
    assert doc.language == "en" and doc.language_confidence is None
    assert doc.meta["language_detected"][0] == "de"


def test_sentences_have_exact_offsets_and_respect_abbreviations() -> None:
    text = (
        "Dr. Morwitz sprach am 3. März vor dem Parlament. „Nein“, sagte sie.\n\n"
        "Die Opposition widersprach. Die Opposition widersprach."
    )
    spans = split_sentences(text, "de")
    assert [s.text for s in spans] == [
        "Dr. Morwitz sprach am 3. März vor dem Parlament.",
        "„Nein“, sagte sie.",
        "Die Opposition widersprach.",
        "Die Opposition widersprach.",
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert spans[2].start != spans[3].start  # repeated sentences get their own offsets


def test_sentences_component_uses_document_language() -> None:
    text = "M. Lavalle a parlé. Il a dit non."
    doc = make_sentences({}, {})(Document.from_raw(text, "a", text=text, language="fr"))
    assert [s.text for s in doc.sentences] == ["M. Lavalle a parlé.", "Il a dit non."]
