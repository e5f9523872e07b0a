"""Recognition: inflections derived from KB base forms, case, diacritics, word boundaries,
article-only forms and forms that need context. Sentences are written for these tests."""

from __future__ import annotations

from functools import lru_cache

from storyline.annotate.entities import Gazetteer, Options, Resources, annotate_text
from storyline.annotate.entity_forms import (
    french_adjective,
    german_adjective,
    german_genitive,
    slavic_surname,
)
from storyline.annotate.entity_resolve import KbIndex
from storyline.annotate.entity_text import fold
from storyline.kb.model import Entity, KnowledgeBase, load_kb, shipped_kb_files


def person(eid: str, name: str, **names: tuple[str, ...]) -> Entity:
    return Entity(eid, "person", name, forms={"names": dict(names)})


EXTRA = (
    person(
        "person:test-kovalenko",
        "Taras Kovalenko",
        en=("Taras Kovalenko", "Kovalenko"),
        de=("Taras Kowalenko", "Kowalenko"),
        pl=("Taras Kowalenko", "Kowalenko"),
        uk=("Тарас Коваленко", "Коваленко"),
    ),
    person(
        "person:test-nowicki",
        "Adam Nowicki",
        pl=("Adam Nowicki", "Nowicki"),
        ru=("Адам Новицкий", "Новицкий"),
    ),
    person("person:test-orlov", "Dmitri Orlov", ru=("Дмитрий Орлов", "Орлов")),
    person("person:test-szabo", "Gábor Szabó", en=("Gábor Szabó", "Szabó")),
    person("person:test-lutz", "Marek Lutz", de=("Marek Lutz", "Lutz")),
    Entity(
        "org:test-alliance",
        "organization",
        "Coastal Alliance",
        forms={"names": {"en": ("Coastal Alliance", "the Alliance")}},
    ),
)


@lru_cache(maxsize=1)
def res() -> Resources:
    files = [p for p in shipped_kb_files() if p.name in ("countries.toml", "organizations.toml")]
    kb = load_kb(files, shipped=False)
    for entity in EXTRA:
        kb.add(entity)
    return Resources(Gazetteer(kb), KbIndex.build(kb))


def found(text: str, language: str = "en") -> list[tuple[str, str | None, str]]:
    mentions = annotate_text(text, "2026-01-15", res(), Options(), language)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.entity, m.method) for m in mentions]


def test_fold_keeps_length_for_letters_without_combining_marks() -> None:
    text = "Zełenski, Støre, İzmir, Đurić"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "zelenski, store, izmir, duric"


def test_derivation_rules() -> None:
    assert german_genitive("Frankreich") == ["Frankreichs"]
    assert german_genitive("Weißen Haus") == ["Weißen Hauses"]
    assert german_genitive("USA") == []  # acronyms do not decline
    assert set(german_adjective("norwegischen")) >= {"norwegisch", "norwegische", "norwegischem"}
    assert french_adjective("ukrainien") == ["ukrainiens", "ukrainienne", "ukrainiennes"]
    assert french_adjective("danois") == ["danoise", "danoises"]
    assert slavic_surname("Adam Nowicki") == ["Adam Nowickiego", "Adam Nowickiemu", "Adam Nowickim"]
    assert "Путина" in slavic_surname("Путин")


def test_german_genitives_of_countries_and_names() -> None:
    text = "Norwegens Regierung und Kowalenkos Berater lehnten Schwedens Vorschlag ab."
    assert found(text, "de") == [
        ("Norwegens", "country:NOR", "gazetteer"),
        ("Kowalenkos", "person:test-kovalenko", "gazetteer"),
        ("Schwedens", "country:SWE", "gazetteer"),
    ]
    # Names ending in a sibilant take an apostrophe; the mention is the name itself.
    assert found("Lutz’ Rede fiel kurz aus.", "de") == [("Lutz", "person:test-lutz", "gazetteer")]


def test_german_adjective_endings_not_listed_in_the_kb() -> None:
    kb = KnowledgeBase(
        [
            Entity(
                "country:XNO",
                "country",
                "Nordland",
                forms={"adjectives": {"de": ("nordländisch",)}, "names": {"de": ("Nordland",)}},
            )
        ]
    )
    gaz = Gazetteer(kb)
    text = "Mit nordländischem Geld und dem nordländischen Heer."
    got = [(m.text, m.entity) for m in gaz.find(text)]
    assert got == [("nordländischem", "country:XNO"), ("nordländischen", "country:XNO")]


def test_french_feminine_and_plural_adjectives() -> None:
    kb = KnowledgeBase(
        [
            Entity(
                "country:XNO",
                "country",
                "Nordland",
                forms={"adjectives": {"fr": ("nordlandien",)}},
            )
        ]
    )
    text = "Les autorités nordlandiennes et les Nordlandiens ont voté."
    got = [(m.text, m.entity) for m in Gazetteer(kb).find(text)]
    assert got == [("nordlandiennes", "country:XNO"), ("Nordlandiens", "country:XNO")]


def test_polish_and_russian_case_endings_on_surnames() -> None:
    assert found("Rozmowa z Nowickim i wizyta Kowalenki.", "pl")[0] == (
        "Nowickim",
        "person:test-nowicki",
        "gazetteer",
    )
    text = "Встреча Новицкого и Орлова прошла в среду."
    assert found(text, "ru") == [
        ("Новицкого", "person:test-nowicki", "gazetteer"),
        ("Орлова", "person:test-orlov", "gazetteer"),
    ]


def test_case_rules_acronyms_and_capitalised_forms() -> None:
    assert found("The US asked us to wait; Turkey sent a turkey.") == [
        ("US", "country:USA", "gazetteer"),
        ("Turkey", "country:TUR", "gazetteer"),
    ]


def test_word_boundaries() -> None:
    # "Oman" sits inside "Romania", "Iran" inside "Iranian": only whole words count.
    got = found("Romania and the Iranian delegation met.")
    assert got == [("Romania", "country:ROU", "gazetteer"), ("Iranian", "country:IRN", "adjective")]


def test_diacritics_do_not_matter() -> None:
    assert found("Gabor Szabo spoke after Szabó's aide.") == [
        ("Gabor Szabo", "person:test-szabo", "gazetteer"),
        ("Szabó", "person:test-szabo", "gazetteer"),
    ]


def test_a_form_listed_only_with_its_article_needs_the_article() -> None:
    assert found("Ministers of the Alliance met.") == [
        ("Alliance", "org:test-alliance", "gazetteer")
    ]
    assert found("Alliance members left.") == []


def test_ambiguous_form_is_linked_only_with_context() -> None:
    # "Georgia" is marked ambiguous in the shipped KB (a US state too).
    assert found("Georgia voted on Tuesday.") == []
    assert found("Georgia voted on Tuesday. Tbilisi said the vote was fair.") == [
        ("Georgia", "country:GEO", "context"),
        ("Tbilisi", "country:GEO", "metonym"),
    ]
