"""The corpus-wide entity table: merging discovered people across documents, languages and
transliterations, and what must never merge. All people are invented."""

from __future__ import annotations

from functools import lru_cache

from storyline.analysis.entities import canonical_ids, entity_table
from storyline.annotate.entities import Gazetteer, Options, Resources, annotate_text
from storyline.annotate.entity_resolve import KbIndex
from storyline.document import Document
from storyline.kb.model import Entity, KnowledgeBase, Role, load_kb, shipped_kb_files

PEOPLE = (
    Entity(
        "person:t-volkov",
        "person",
        "Sergei Volkov",
        country="country:RUS",
        forms={"names": {"en": ("Sergei Volkov", "Volkov")}},
        roles=(Role("foreign_minister", "country:RUS", "2019-01-01", None),),
    ),
    Entity(
        "person:t-anna-berg",
        "person",
        "Anna Berg",
        country="country:SWE",
        forms={"names": {"en": ("Anna Berg", "Berg")}},
    ),
    Entity(
        "person:t-jonas-berg",
        "person",
        "Jonas Berg",
        country="country:SWE",
        forms={"names": {"en": ("Jonas Berg", "Berg")}},
    ),
)


@lru_cache(maxsize=1)
def setup() -> tuple[KnowledgeBase, Resources]:
    files = [p for p in shipped_kb_files() if p.name in ("countries.toml", "organizations.toml")]
    kb = load_kb(files, shipped=False)
    for p in PEOPLE:
        kb.add(p)
    return kb, Resources(Gazetteer(kb), KbIndex.build(kb))


def doc(text: str, language: str, day: str = "2026-02-10") -> Document:
    _, res = setup()
    mentions = annotate_text(text, day, res, Options(), language)
    return Document.from_raw(text, f"mem:{hash(text)}", text=text, language=language).with_(
        mentions=tuple(mentions)
    )


def table(*docs: Document) -> dict[str, dict]:  # type: ignore[type-arg]
    kb, _ = setup()
    items = entity_table(list(docs), kb)
    texts = {d.id: d.text for d in docs}
    for item in items:
        assert set(item) >= {"id", "type", "name", "wikidata", "country", "mentions"}
        for m in item["mentions"]:
            assert texts[m["doc"]][m["start"] : m["end"]] == m["text"]
    return {item["id"]: item for item in items}


def test_one_person_across_languages_and_transliterations() -> None:
    en = doc("Kremlin spokesman Dmitri Orlov said the offer stood. Orlov added nothing.", "en")
    de = doc("Kremlsprecher Dmitrij Orlow sagte, das Angebot gelte.", "de")
    fr = doc("Le porte-parole du Kremlin, Dmitri Orlov, a confirmé.", "fr")
    items = table(en, de, fr)
    orlov = [i for i in items.values() if i["name"].endswith(("Orlov", "Orlow"))]
    assert len(orlov) == 1
    item = orlov[0]
    assert item["type"] == "person" and item["country"] == "country:RUS"
    assert {m["text"] for m in item["mentions"]} == {"Dmitri Orlov", "Dmitrij Orlow", "Orlov"}
    assert any(r["role"] == "spokesperson" for r in item["roles"])


def test_different_first_names_never_merge() -> None:
    a = doc("Spokeswoman Eva Lindqvist said yes.", "en")
    b = doc("Spokeswoman Karin Lindqvist said no.", "en")
    items = table(a, b)
    assert "person:disc-eva-lindqvist" in items and "person:disc-karin-lindqvist" in items


def test_same_name_from_two_countries_does_not_merge() -> None:
    a = doc("Danish Foreign Minister Lars Holm resigned.", "en")
    b = doc("Norwegian Defence Minister Lars Holmm visited troops.", "en")
    items = table(a, b)
    assert {i["country"] for i in items.values() if i["type"] == "person"} == {
        "country:DNK",
        "country:NOR",
    }


def test_a_surname_only_entity_joins_the_one_full_name() -> None:
    a = doc("Envoy Mara Quist arrived. Quist said talks would go on.", "en")
    b = doc("Minister Quist met envoy Mara Quist again.", "en")
    ids = {m.entity for d in (a, b) for m in d.mentions if m.type == "person"}
    assert ids == {"person:disc-mara-quist"}
    assert table(a, b)["person:disc-mara-quist"]["name"] == "Mara Quist"


def test_discovered_spelling_of_a_kb_person_becomes_the_kb_person() -> None:
    # The KB spells "Sergei Volkov"; a German text writes "Sergej Wolkow".
    d = doc("Außenminister Sergej Wolkow reiste ab.", "de")
    assert [m.entity for m in d.mentions if m.type == "person"] == ["person:disc-sergej-wolkow"]
    kb, _ = setup()
    assert canonical_ids([d], kb) == {"person:disc-sergej-wolkow": "person:t-volkov"}
    item = table(d)["person:t-volkov"]
    assert item["name"] == "Sergei Volkov" and item["mentions"][0]["text"] == "Sergej Wolkow"


def test_two_kb_people_are_never_merged() -> None:
    a = doc("Anna Berg and Jonas Berg spoke.", "en")
    items = table(a)
    assert "person:t-anna-berg" in items and "person:t-jonas-berg" in items


def test_table_fields_order_and_unlinked_mentions() -> None:
    a = doc("Norway and Sweden met; Norway hosted. The Norwegian Foreign Ministry said so.", "en")
    items = entity_table([a], setup()[0])
    assert [i["id"] for i in items][:2] == ["country:NOR", "country:SWE"]
    nor = items[0]
    assert nor["type"] == "country" and nor["country"] == "country:NOR"
    assert nor["wikidata"] == "Q20"
    assert {m["method"] for m in nor["mentions"]} == {"gazetteer", "adjective"}
    ministry = next(i for i in items if i["id"] == "org:disc-nor-foreign-ministry")
    assert ministry["name"] == "Norway Foreign Ministry"
    assert ministry["country"] == "country:NOR" and ministry["type"] == "organization"
    shared = doc("Berg said no.", "en")  # unlinked: two KB people share the surname
    assert [(m.text, m.entity) for m in shared.mentions] == [("Berg", None)]
    assert entity_table([shared], setup()[0]) == []
