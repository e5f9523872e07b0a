"""Topic suggestions from a corpus without a topics file."""

from __future__ import annotations

from storyline.analysis.topics import suggest_topics
from storyline.document import Document
from test_positions_support import document, kb

TEXTS = [
    ("en", "Korsholm rejects the quota cut. Vestria welcomed the quota cut and will send patrol "
           "ships."),
    ("en", "Brenmark opposes the quota cut, while Talvaara supports the quota cut."),
    ("en", "Vestria backs the quota cut. Korsholm will not send patrol ships."),
    ("de", "Korsholm lehnt die Quotenkürzung ab. Vestrien unterstützt die Quotenkürzung."),
    ("de", "Brenmark kritisiert die Quotenkürzung scharf."),
    ("fr", "Le Korsholm rejette la réduction des quotas. La Vestrie soutient la réduction des "
           "quotas."),
    ("fr", "Le Brenmark dénonce la réduction des quotas."),
]  # fmt: skip


def corpus() -> list[Document]:
    return [document(text, language) for language, text in TEXTS]


def test_the_top_suggestion_names_the_disputed_proposal() -> None:
    top = suggest_topics(corpus())[0]
    assert top["id"] == "quota-cut"
    assert top["question"] == "Should the quota cut go ahead, and who takes part?"
    assert "quota cut" in top["terms"]["en"]
    assert "quotenkürzung" in top["terms"]["de"]
    assert any("réduction" in t for t in top["terms"]["fr"])
    actors = {a["id"] for a in top["actors"]}
    assert {"country:XKH", "country:XVS", "country:XBM"} <= actors
    assert top["documents"] == len(TEXTS)
    example = top["examples"][0]
    doc = next(d for d in corpus() if d.id == example["doc"])
    assert doc.text[example["start"] : example["end"]] == example["text"]


def test_actor_names_are_never_terms() -> None:
    for topic in suggest_topics(corpus()):
        for terms in topic["terms"].values():
            assert not {"korsholm", "vestria", "brenmark"} & {w for t in terms for w in t.split()}


def test_mentions_are_found_with_a_kb_when_missing() -> None:
    bare = [d.with_(mentions=()) for d in corpus()]
    without = suggest_topics(bare)[0]
    with_kb = suggest_topics(bare, kb())[0]
    assert without["actors"] == []
    assert {a["id"] for a in with_kb["actors"]} >= {"country:XKH", "country:XVS"}


def test_phrases_in_a_single_document_are_no_topic() -> None:
    assert suggest_topics(corpus()[:1]) == []
