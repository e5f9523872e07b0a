"""The optional spaCy backend: a clear message without spaCy, and how model spans merge with
the rule-based mentions (tested with hand-written spans, no model needed)."""

from __future__ import annotations

import importlib.util

import pytest

from storyline.annotate.entities import Options, annotate_text, resources
from storyline.annotate.entity_spacy import make_spacy_entities, merge_statistical
from storyline.errors import ConfigError


@pytest.mark.skipif(importlib.util.find_spec("spacy") is not None, reason="spaCy is installed")
def test_without_spacy_the_component_explains_what_to_install() -> None:
    with pytest.raises(ConfigError, match="pip install spacy"):
        make_spacy_entities({"models": {"en": "en_core_web_sm"}}, {})


def test_model_spans_add_only_what_the_rules_missed() -> None:
    text = "Talks between Ingrid Halvorsen of Fjordkraft and Norway ended in Bergen."
    res = resources(())
    rules = annotate_text(text, "2026-01-10", res, Options(), "en")
    spans = [
        (14, 30, "PERSON"),  # Ingrid Halvorsen: the rules already have her (given name)
        (34, 44, "ORG"),  # Fjordkraft
        (49, 55, "GPE"),  # Norway: the gazetteer has it
        (65, 71, "GPE"),  # Bergen: a place outside the KB
        (0, 5, "DATE"),  # labels other than people, organisations, places are ignored
    ]
    merged = merge_statistical(text, rules, spans, res)
    for m in merged:
        assert text[m.start : m.end] == m.text
    got = [(m.text, m.entity, m.type, m.method) for m in merged]
    assert got == [
        ("Ingrid Halvorsen", "person:disc-ingrid-halvorsen", "person", "discovered"),
        ("Fjordkraft", "org:disc-fjordkraft", "organization", "ner"),
        ("Norway", "country:NOR", "country", "gazetteer"),
        ("Bergen", None, "location", "ner"),
    ]


def test_a_model_span_that_is_a_kb_form_is_linked() -> None:
    text = "Officials in Oslo and the Kremlin were cautious."
    res = resources(())
    # With no rule-based mentions, the model's spans are linked through the KB (a model's ORG
    # "Kremlin" is the seat of the Russian government).
    merged = merge_statistical(text, [], [(26, 33, "ORG"), (13, 17, "GPE")], res)
    assert [(m.text, m.entity, m.type, m.method) for m in merged] == [
        ("Oslo", "country:NOR", "country", "ner-kb"),
        ("Kremlin", "country:RUS", "country", "ner-kb"),
    ]
