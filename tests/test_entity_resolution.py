"""Within-document resolution: roles by date, metonymy, demonyms, surnames, shared surnames and
first-name variants. The people are invented; countries come from the shipped KB."""

from __future__ import annotations

from functools import lru_cache

from storyline.annotate.entities import Gazetteer, Options, Resources, annotate_text
from storyline.annotate.entity_resolve import KbIndex
from storyline.document import EntityMention
from storyline.kb.model import Entity, Role, load_kb, shipped_kb_files


def person(eid: str, name: str, country: str, names: tuple[str, ...], *roles: Role) -> Entity:
    return Entity(eid, "person", name, country=country, forms={"names": {"en": names}}, roles=roles)


PEOPLE = (
    person(
        "person:t-lemaire",
        "Claire Lemaire",
        "country:FRA",
        ("Claire Lemaire", "Lemaire"),
        Role("head_of_state", "country:FRA", "2020-05-01", "2025-05-31"),
    ),
    person(
        "person:t-bonnet",
        "Marc Bonnet",
        "country:FRA",
        ("Marc Bonnet", "Bonnet"),
        Role("head_of_state", "country:FRA", "2025-06-01", None),
    ),
    person(
        "person:t-sokolov",
        "Sergei Sokolov",
        "country:RUS",
        ("Sergei Sokolov", "Sokolov"),
        Role("head_of_state", "country:RUS", "2012-05-07", None),
    ),
    person(
        "person:t-lunde",
        "Ingrid Lunde",
        "country:NOR",
        ("Ingrid Lunde", "Lunde"),
        Role("foreign_minister", "country:NOR", "2023-10-16", None),
    ),
    # Two Swedish ministers share a surname: "Berg" alone stays unlinked without context.
    person("person:t-anna-berg", "Anna Berg", "country:SWE", ("Anna Berg", "Berg")),
    person("person:t-jonas-berg", "Jonas Berg", "country:SWE", ("Jonas Berg", "Berg")),
    # Two government spokespeople of Denmark at the same time.
    person(
        "person:t-dk-1",
        "Mette Holm",
        "country:DNK",
        ("Mette Holm",),
        Role("spokesperson", "country:DNK", "2024-01-01", None),
    ),
    person(
        "person:t-dk-2",
        "Rasmus Friis",
        "country:DNK",
        ("Rasmus Friis",),
        Role("spokesperson", "country:DNK", "2024-01-01", None),
    ),
)


@lru_cache(maxsize=1)
def res() -> Resources:
    files = [p for p in shipped_kb_files() if p.name in ("countries.toml", "organizations.toml")]
    kb = load_kb(files, shipped=False)
    for p in PEOPLE:
        kb.add(p)
    return Resources(Gazetteer(kb), KbIndex.build(kb))


def annotate(
    text: str, day: str | None = "2026-03-02", language: str = "en", **options: bool
) -> list[EntityMention]:
    found = annotate_text(text, day, res(), Options(**options), language)
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


def linked(
    text: str, day: str | None = "2026-03-02", language: str = "en"
) -> list[tuple[str, ...]]:
    return [(m.text, m.entity or "", m.method) for m in annotate(text, day, language) if m.entity]


def test_role_mention_resolved_by_the_publication_date() -> None:
    text = "The French president will travel to Oslo next week."
    assert ("president", "person:t-lemaire", "role") in linked(text, "2024-11-20")
    assert ("president", "person:t-bonnet", "role") in linked(text, "2026-03-02")


def test_role_mentions_in_german_and_french() -> None:
    de = linked("Der französische Präsident und der Kremlchef telefonierten.", language="de")
    assert ("Präsident", "person:t-bonnet", "role") in de
    assert ("Kremlchef", "person:t-sokolov", "role") in de
    fr = linked(
        "Le chef de la diplomatie norvégienne a répondu au président français.", language="fr"
    )
    assert ("chef de la diplomatie", "person:t-lunde", "role") in fr
    assert ("président", "person:t-bonnet", "role") in fr
    assert ("Frankreichs", "country:FRA", "gazetteer") in linked(
        "Frankreichs Präsident schwieg.", language="de"
    )
    assert ("Präsident", "person:t-bonnet", "role") in linked(
        "Frankreichs Präsident schwieg.", language="de"
    )


def test_a_title_next_to_its_name_is_not_a_second_mention() -> None:
    got = linked("Norwegian Foreign Minister Ingrid Lunde said the talks went well.")
    assert got == [
        ("Norwegian", "country:NOR", "adjective"),
        ("Ingrid Lunde", "person:t-lunde", "gazetteer"),
    ]


def test_two_holders_of_one_office_leave_the_role_unresolved() -> None:
    got = linked("The Danish government spokesman declined to comment.")
    assert [m for m in got if m[2] == "role"] == []


def test_a_discovered_office_holder_resolves_a_later_role_mention() -> None:
    text = (
        "Chilean Foreign Minister Ana Soto arrived on Monday. "
        "The Chilean foreign minister said the deal was close."
    )
    got = linked(text)
    assert ("Ana Soto", "person:disc-ana-soto", "discovered") in got
    assert ("foreign minister", "person:disc-ana-soto", "role") in got


def test_demonym_for_a_person_mentioned_before() -> None:
    got = linked("Ingrid Lunde met her Danish colleague. The Norwegian said little afterwards.")
    assert ("Norwegian", "person:t-lunde", "demonym") in got
    # Without a Norwegian person before it, the word stays the country.
    assert linked("The Norwegian said little.") == [("Norwegian", "country:NOR", "adjective")]


def test_capitals_standing_for_governments() -> None:
    assert linked("Oslo said it would not send troops.") == [("Oslo", "country:NOR", "metonym")]
    assert linked("Berlin lehnt den Plan ab.", language="de") == [
        ("Berlin", "country:DEU", "metonym")
    ]
    assert linked("Paris a refusé la proposition.", language="fr") == [
        ("Paris", "country:FRA", "metonym")
    ]
    assert linked("There was no reaction from Moscow.") == [("Moscow", "country:RUS", "metonym")]
    assert linked("Selon Paris, rien n'est décidé.", language="fr") == [
        ("Paris", "country:FRA", "metonym")
    ]
    assert linked("The Kremlin's position has not changed.") == [
        ("Kremlin", "country:RUS", "metonym")
    ]
    # A capital joined by "und" to one that acts acts too.
    assert linked("Washington und Moskau müssten nun liefern.", language="de") == [
        ("Washington", "country:USA", "metonym"),
        ("Moskau", "country:RUS", "metonym"),
    ]


def test_capitals_as_places_are_not_government_mentions() -> None:
    assert linked("The delegates met in Oslo on Friday.") == []
    assert linked("OSLO, May 3 (Reuters) - Talks resumed.") == []
    assert linked("Die Gespräche fanden in Berlin statt.", language="de") == []
    assert linked("Elle a déclaré à Paris que rien ne changerait.", language="fr") == []
    assert linked("Il a reçu son homologue à l'Élysée.", language="fr") == []
    assert linked("The Washington Post reported it first.") == []
    places = annotate("The delegates met in Oslo on Friday.", capitals_as_places=True)
    assert [(m.text, m.entity, m.type, m.method) for m in places] == [
        ("Oslo", None, "location", "place")
    ]


def test_surname_only_mentions_of_a_discovered_person() -> None:
    text = (
        "Chilean Foreign Minister Ana Soto spoke first. Soto's aides were cautious; "
        "later Mr Soto said the plan was sound. Their uncle Christian Soto was not there."
    )
    got = annotate(text)
    soto = [(m.text, m.method) for m in got if m.entity == "person:disc-ana-soto"]
    assert soto == [("Ana Soto", "discovered"), ("Soto", "surname"), ("Soto", "surname")]
    # Two people of that name in one text: a bare "Soto" could be either.
    two = annotate("Ana Soto and her cousin Marta Soto arrived. Soto spoke first.")
    assert [m.text for m in two if m.method == "surname"] == []


def test_shared_surname_needs_a_full_name_in_the_document() -> None:
    assert [(m.text, m.entity, m.method) for m in annotate("Berg said no.")] == [
        ("Berg", None, "ambiguous")
    ]
    got = linked("Jonas Berg arrived late. Berg said no.")
    assert got == [
        ("Jonas Berg", "person:t-jonas-berg", "gazetteer"),
        ("Berg", "person:t-jonas-berg", "context"),
    ]


def test_first_name_variants_and_different_people_with_a_kb_surname() -> None:
    got = linked("Officials met Sergey Sokolov and, separately, Pavel Sokolov.")
    assert ("Sergey Sokolov", "person:t-sokolov", "variant") in got
    assert ("Pavel Sokolov", "person:disc-pavel-sokolov", "discovered") in got
