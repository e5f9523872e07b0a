"""Discovery of people and organisations outside the KB, from titles and roles (en/de/fr).
Every name below is invented for these tests."""

from __future__ import annotations

from functools import lru_cache

from storyline.annotate.entities import Gazetteer, Options, Resources, annotate_text
from storyline.annotate.entity_discovery import Discovered, discover_people
from storyline.annotate.entity_resolve import KbIndex
from storyline.annotate.entity_roles import find_titles
from storyline.annotate.entity_text import tokenize
from storyline.document import EntityMention
from storyline.kb.model import load_kb, shipped_kb_files


@lru_cache(maxsize=1)
def res() -> Resources:
    files = [p for p in shipped_kb_files() if p.name in ("countries.toml", "organizations.toml")]
    kb = load_kb(files, shipped=False)
    return Resources(Gazetteer(kb), KbIndex.build(kb))


def mentions(text: str, language: str) -> list[EntityMention]:
    found = annotate_text(text, "2026-02-01", res(), Options(), language)
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


def people(text: str, language: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.entity) for m in mentions(text, language) if m.type == "person"]


def details(text: str) -> dict[str, Discovered]:
    """Discovered people by name, with role, title and country."""
    base = [m for m in mentions(text, "und") if m.type != "person"]
    tokens = tokenize(text)
    titles = find_titles(text, tokens, base, res().index.lookup)
    found = discover_people(text, tokens, titles, base)
    for d in found:
        assert text[d.start : d.end] == d.name
    return {d.name: d for d in found}


def test_english_titles_before_the_name() -> None:
    text = (
        "Foreign Minister Ana Petrova met presidential spokesman Dmitri Orlov, "
        "and the Chilean foreign ministry spokesman Tomás Vidal joined later."
    )
    assert people(text, "en") == [
        ("Ana Petrova", "person:disc-ana-petrova"),
        ("Dmitri Orlov", "person:disc-dmitri-orlov"),
        ("Tomás Vidal", "person:disc-tomas-vidal"),
    ]
    got = details(text)
    assert got["Ana Petrova"].role == "foreign_minister"
    assert got["Dmitri Orlov"].role == "spokesperson"
    assert got["Tomás Vidal"].role == "foreign_ministry_spokesperson"
    assert got["Tomás Vidal"].country == "country:CHL"


def test_discovered_ids_keep_letters_without_a_base_form() -> None:
    text = "Regierungssprecher Jürgen Strauß und Außenministerin Ærle Łukasik äußerten sich."
    assert people(text, "de") == [
        ("Jürgen Strauß", "person:disc-jurgen-strauss"),
        ("Ærle Łukasik", "person:disc-aerle-lukasik"),
    ]


def test_apposition_after_the_name() -> None:
    text = "“We are ready,” said Kaisa Rautio, the spokeswoman for the Finnish Foreign Ministry."
    got = details(text)
    assert list(got) == ["Kaisa Rautio"]
    assert got["Kaisa Rautio"].role == "foreign_ministry_spokesperson"
    assert got["Kaisa Rautio"].country == "country:FIN"


def test_plural_title_before_a_list_of_names() -> None:
    text = "The former interior ministers Hugo Brandt and Selma Okafor signed the letter."
    got = details(text)
    assert sorted(got) == ["Hugo Brandt", "Selma Okafor"]
    assert all(d.role == "interior_minister" and not d.current for d in got.values())


def test_german_titles() -> None:
    text = (
        "Außenministerin Carla Wendt traf Regierungssprecher Jonas Pfeifer. "
        "»Wir prüfen das«, sagte Lars Eklund, Sprecher des norwegischen Außenministeriums. "
        "Generalsekretär Piet Maas schwieg."
    )
    got = details(text)
    assert sorted(got) == ["Carla Wendt", "Jonas Pfeifer", "Lars Eklund", "Piet Maas"]
    assert got["Carla Wendt"].role == "foreign_minister"
    assert got["Jonas Pfeifer"].role == "spokesperson"
    assert got["Lars Eklund"].role == "foreign_ministry_spokesperson"
    assert got["Lars Eklund"].country == "country:NOR"
    assert got["Piet Maas"].role == "secretary_general"


def test_german_former_ministers_and_genitive_country() -> None:
    got = details(
        "Die früheren Innenminister Bernd Halser und Ute Kramm warnten. Polens "
        "Regierungssprecher Marek Zielny widersprach."
    )
    assert sorted(got) == ["Bernd Halser", "Marek Zielny", "Ute Kramm"]
    assert not got["Bernd Halser"].current and got["Ute Kramm"].role == "interior_minister"
    assert got["Marek Zielny"].country == "country:POL"


def test_french_titles_with_complements_and_commas() -> None:
    text = (
        "Le ministre des Armées Paul Gérard a parlé avec la porte-parole du gouvernement, "
        "Maud Levasseur, puis avec le porte-parole du ministère norvégien des Affaires "
        "étrangères, Nils Aune."
    )
    got = details(text)
    assert sorted(got) == ["Maud Levasseur", "Nils Aune", "Paul Gérard"]
    assert got["Paul Gérard"].role == "defence_minister"
    assert got["Maud Levasseur"].role == "spokesperson"
    assert got["Nils Aune"].role == "foreign_ministry_spokesperson"
    assert got["Nils Aune"].country == "country:NOR"


def test_french_plural_and_feminine_titles() -> None:
    got = details("Les anciens ministres de l'Intérieur Jean Roussel et Claire Dumas ont signé.")
    assert sorted(got) == ["Claire Dumas", "Jean Roussel"]
    got = details("La Première ministre danoise, Helle Krogh, a répondu.")
    assert got["Helle Krogh"].role == "head_of_government"
    assert got["Helle Krogh"].country == "country:DNK"


def test_same_person_gets_the_same_id_in_every_language() -> None:
    en = people("Quellan spokesman Rafaela Ibsen said", "en")
    de = people("sagte Sprecherin Rafaela Ibsen", "de")
    fr = people("a déclaré la porte-parole Rafaela Ibsen", "fr")
    assert en == de == fr == [("Rafaela Ibsen", "person:disc-rafaela-ibsen")]


def test_people_named_without_a_title_need_a_known_given_name() -> None:
    assert people("Das sagte Walter Brandt am Montag.", "de") == [
        ("Walter Brandt", "person:disc-walter-brandt")
    ]
    # A capitalised word pair that is no name stays out.
    assert people("Das Kabinett Haltung blieb unklar.", "de") == []


def test_what_is_not_a_new_person() -> None:
    # One word after a title is not enough; a title-case phrase is no title + name; a given
    # name after "St." is a place; a person's name in a street name is a street.
    assert people("Minister Halvorsen arrived.", "en") == []
    assert people("It is released under the General Public License.", "en") == []
    assert people("Die Kirche St. Johann Baptist wurde renoviert.", "de") == []
    assert people("Sie wohnt in der Anna Seghers Straße.", "de") == []


def test_ministries_get_one_id_per_country_in_every_language() -> None:
    texts = [
        ("The Norwegian Foreign Ministry said", "en"),
        ("teilte das norwegische Außenministerium mit", "de"),
        ("selon le ministère norvégien des Affaires étrangères", "fr"),
    ]
    for text, language in texts:
        orgs = [m for m in mentions(text, language) if m.type == "organization"]
        if language == "fr":
            # The country adjective sits inside the French phrase and keeps its own mention.
            assert orgs == []
            continue
        assert [m.entity for m in orgs] == ["org:disc-nor-foreign-ministry"]
    # Without a country a ministry could be anyone's: no entity.
    assert [m for m in mentions("The Foreign Ministry said", "en") if m.entity] == []


def test_organisations_named_around_an_organisation_noun() -> None:
    text = "Analysts at the Baltic Institute for Maritime Studies and the Bundesverfassungsgericht."
    orgs = [(m.text, m.entity) for m in mentions(text, "en") if m.type == "organization"]
    assert orgs == [
        (
            "Baltic Institute for Maritime Studies",
            "org:disc-baltic-institute-for-maritime-studies",
        ),
        ("Bundesverfassungsgericht", "org:disc-bundesverfassungsgericht"),
    ]
