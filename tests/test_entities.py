from __future__ import annotations

from storyline.annotate.entities import Gazetteer, fold
from storyline.kb.model import Entity, KnowledgeBase, demo_kb_file, load_kb


def demo_gazetteer() -> Gazetteer:
    return Gazetteer(load_kb([demo_kb_file()], shipped=False))


def found(text: str, gaz: Gazetteer | None = None) -> list[tuple[str, str | None, str]]:
    mentions = (gaz or demo_gazetteer()).find(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.entity, m.method) for m in mentions]


def test_fold_keeps_length_so_offsets_stay_valid() -> None:
    text = "Élysée, Größe, Ørsted, İstanbul"
    assert len(fold(text)) == len(text)
    assert fold("Amélie") == "amelie"


def test_names_adjectives_and_metonyms_in_three_languages() -> None:
    assert found(
        "Kanzlerin Morwitz sagte in Hallstedt, drovenische Soldaten blieben zu Hause."
    ) == [
        ("Morwitz", "person:anke-morwitz", "gazetteer"),
        ("Hallstedt", "country:XDR", "metonym"),
        ("drovenische", "country:XDR", "adjective"),
    ]
    assert found("Le gouvernement belmorais et la Drovénie") == [
        ("belmorais", "country:XBE", "adjective"),
        ("Drovénie", "country:XDR", "gazetteer"),
    ]
    assert found("The Belmoran prime minister, Hector Lavalle, met Brell.") == [
        ("Belmoran", "country:XBE", "adjective"),
        ("Hector Lavalle", "person:hector-lavalle", "gazetteer"),
        ("Brell", "person:tomas-brell", "gazetteer"),
    ]


def test_sentence_initial_adjective_and_genitive_form() -> None:
    assert found("Drovenische Truppen? Belmoras Regierung zögert.") == [
        ("Drovenische", "country:XDR", "adjective"),
        ("Belmoras", "country:XBE", "gazetteer"),
    ]


def test_case_and_word_boundaries() -> None:
    kb = KnowledgeBase(
        [
            Entity(
                "country:USA",
                "country",
                "United States",
                forms={"names": {"en": ("US", "United States")}},
            )
        ]
    )
    gaz = Gazetteer(kb)
    assert found("The US said it would help us.", gaz) == [("US", "country:USA", "gazetteer")]
    assert found("USB sticks and bus stops", gaz) == []
    # A capitalised name is not matched in lower case.
    assert found("selmont and aurevia in lower case") == []


def test_diacritics_insensitive_match() -> None:
    assert found("Amelie Roussin spoke.") == [
        ("Amelie Roussin", "person:amelie-roussin", "gazetteer")
    ]
    assert found("Joerg Kessling and Jörg Kessling") == [
        ("Joerg Kessling", "person:jorg-kessling", "gazetteer"),
        ("Jörg Kessling", "person:jorg-kessling", "gazetteer"),
    ]


def test_longest_match_wins() -> None:
    assert found("the Security Board of the United Assembly met") == [
        ("Security Board of the United Assembly", "org:ua-security-board", "gazetteer"),
    ]
    assert found("Lissar Valley")[0] == ("Lissar Valley", "location:lissar-valley", "gazetteer")


def test_a_form_shared_by_two_entities_stays_unlinked() -> None:
    kb = KnowledgeBase(
        [
            Entity("person:a", "person", "Anna Berg", forms={"names": {"en": ("Berg",)}}),
            Entity("person:b", "person", "Jonas Berg", forms={"names": {"en": ("Berg",)}}),
        ]
    )
    assert found("Berg said no.", Gazetteer(kb)) == [("Berg", None, "ambiguous")]


def test_overlay_merges_forms_into_an_existing_entity(tmp_path) -> None:  # type: ignore[no-untyped-def]
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(
        '[[entity]]\nid = "country:XBE"\ntype = "country"\nname = "Belmora"\n'
        '[entity.names]\nen = ["Belmoria"]\n',
        encoding="utf-8",
    )
    kb = load_kb([demo_kb_file(), overlay], shipped=False)
    entity = kb.get("country:XBE")
    assert entity is not None
    assert "Belmoria" in entity.forms["names"]["en"] and "Belmora" in entity.forms["names"]["en"]


def test_component_settings_and_publication_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from storyline.annotate.entities import make_entities
    from storyline.document import Document, Published
    from storyline.errors import ConfigError

    with pytest.raises(ConfigError, match="discovery must be true or false"):
        make_entities({"discovery": "yes"}, {})
    overlay = tmp_path / "people.toml"
    overlay.write_text(
        '[[entity]]\nid = "person:t-old"\ntype = "person"\nname = "Ole Dahl"\n'
        'country = "country:XBE"\n[entity.names]\nen = ["Ole Dahl"]\n'
        '[[entity.roles]]\nrole = "head_of_state"\nof = "country:XBE"\n'
        'start = "2010-01-01"\nend = "2019-12-31"\n',
        encoding="utf-8",
    )
    component = make_entities({"kb_files": ["demo", str(overlay)]}, {})
    text = "The Belmoran head of state? No: the Belmoran king is said to be ill."
    doc = Document.from_raw(text, "mem:1", text=text, published=Published(date="2015-06-01T08:00"))
    roles = [(m.text, m.entity) for m in component(doc).mentions if m.method == "role"]
    assert roles == [("king", "person:t-old")]
    later = doc.with_(published=Published(date="2024-06-01"))
    assert [m for m in component(later).mentions if m.method == "role"] == []
    plain = make_entities({"kb_files": ["demo"], "discovery": False}, {})
    assert plain.options.discovery is False and plain.options.resolution is True


def test_role_mentions_with_the_demo_kb() -> None:
    from storyline.annotate.entities import Options, Resources, annotate_text
    from storyline.annotate.entity_resolve import KbIndex

    kb = load_kb([demo_kb_file()], shipped=False)
    res = Resources(Gazetteer(kb), KbIndex.build(kb))
    text = (
        "The Belmoran prime minister arrived late, and le chef de la diplomatie drovénienne "
        "left early."
    )
    got = [
        (m.text, m.entity)
        for m in annotate_text(text, "2026-05-01", res, Options(), "en")
        if m.method == "role"
    ]
    assert got == [
        ("prime minister", "person:hector-lavalle"),
        ("chef de la diplomatie", "person:lena-sauer"),
    ]
    # Before Lena Sauer took office (2023-12-08) nobody in the KB held it.
    early = annotate_text(text, "2023-01-01", res, Options(), "en")
    assert [m.entity for m in early if m.method == "role"] == ["person:hector-lavalle"]
