"""The shipped knowledge base: countries.toml and organizations.toml.

These are data files other components trust blindly, so the tests check the
promises a matcher relies on: every entry parses and is complete, ids and codes are
unique, and a surface form never silently points at two entities.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src/storyline/kb/data"
LANGS = {"en", "de", "fr", "es", "it", "pl", "ru", "uk"}
FORM_TABLES = ("names", "adjectives", "metonyms")

# The 193 UN member states by ISO 3166-1 alpha-3, written out independently of the
# generator so a row lost from its table shows up here.
UN_MEMBERS = set(
    re.findall(
        r"[A-Z]{3}",
        """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
    BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
    CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN
    FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
    IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE
    LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
    NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
    QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
    ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV
    UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
    """,
    )
)


def _load(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open("rb") as handle:
        entities: list[dict[str, Any]] = tomllib.load(handle)["entity"]
    return entities


@pytest.fixture(scope="module")
def countries() -> list[dict[str, Any]]:
    return _load("countries.toml")


@pytest.fixture(scope="module")
def organizations() -> list[dict[str, Any]]:
    return _load("organizations.toml")


@pytest.fixture(scope="module")
def entities(
    countries: list[dict[str, Any]], organizations: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    return countries + organizations


@pytest.fixture(scope="module")
def by_id(entities: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in entities}


def _forms(entity: dict[str, Any], table: str, lang: str | None = None) -> set[str]:
    langs = entity.get(table, {})
    if lang is not None:
        return set(langs.get(lang, []))
    return {form for forms in langs.values() for form in forms}


def _all_forms(entity: dict[str, Any]) -> set[str]:
    return set().union(*(_forms(entity, table) for table in FORM_TABLES))


# --- shape ---------------------------------------------------------------------------


def test_ids_are_unique_across_both_files(entities: list[dict[str, Any]]) -> None:
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids))


def test_every_entity_has_the_basic_fields(entities: list[dict[str, Any]]) -> None:
    for entity in entities:
        assert entity["type"] in {"country", "organization"}, entity["id"]
        assert entity["name"].strip() == entity["name"] != "", entity["id"]
        assert entity["names"]["en"], entity["id"]
        assert set(entity["names"]) <= LANGS, entity["id"]


def test_form_lists_are_clean(entities: list[dict[str, Any]]) -> None:
    for entity in entities:
        for table in FORM_TABLES:
            for lang, forms in entity.get(table, {}).items():
                where = f"{entity['id']} {table}.{lang}"
                assert lang in LANGS, where
                assert forms, where
                assert len(forms) == len(set(forms)), where
                for form in forms:
                    assert form == form.strip() != "", where
                    assert "  " not in form, where


def test_country_ids_iso_codes_and_qids(countries: list[dict[str, Any]]) -> None:
    isos = [c["iso"] for c in countries]
    assert len(isos) == len(set(isos))
    qids = [c["wikidata"] for c in countries if "wikidata" in c]
    assert len(qids) == len(set(qids))
    for country in countries:
        assert country["type"] == "country"
        assert re.fullmatch(r"country:[A-Z]{3}", country["id"]), country["id"]
        assert re.fullmatch(r"[A-Z]{2}", country["iso"]), country["id"]
        assert re.fullmatch(r"Q[1-9][0-9]*", country.get("wikidata", "Q1")), country["id"]


@pytest.mark.parametrize(
    ("entity_id", "iso", "qid"),
    [
        ("country:FRA", "FR", "Q142"),
        ("country:DEU", "DE", "Q183"),
        ("country:USA", "US", "Q30"),
        ("country:GBR", "GB", "Q145"),
        ("country:RUS", "RU", "Q159"),
        ("country:UKR", "UA", "Q212"),
        ("country:CHN", "CN", "Q148"),
        ("country:PSE", "PS", "Q219060"),
        ("country:XKX", "XK", "Q1246"),
        ("country:VAT", "VA", "Q159583"),
        ("org:eu", "EU", "Q458"),
    ],
)
def test_known_codes(by_id: dict[str, dict[str, Any]], entity_id: str, iso: str, qid: str) -> None:
    assert by_id[entity_id]["iso"] == iso
    assert by_id[entity_id]["wikidata"] == qid


def test_all_un_members_and_the_extras_are_present(
    countries: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
) -> None:
    members = {c["id"].split(":")[1] for c in countries if c.get("un") == "member"}
    assert len(UN_MEMBERS) == 193
    assert members == UN_MEMBERS
    observers = {c["id"] for c in countries if c.get("un") == "observer"}
    assert observers == {"country:PSE", "country:VAT"}
    for extra in ("country:XKX", "country:TWN"):
        assert "un" not in by_id[extra]
    assert by_id["org:eu"]["type"] == "organization"
    assert len(countries) == 197


def test_every_country_has_core_names_and_an_english_adjective(
    countries: list[dict[str, Any]],
) -> None:
    for country in countries:
        for lang in ("en", "de", "fr"):
            assert country["names"].get(lang), f"{country['id']} names.{lang}"
        assert country["adjectives"].get("en"), country["id"]


def test_every_country_has_a_name_in_all_eight_languages(
    countries: list[dict[str, Any]],
) -> None:
    for country in countries:
        assert set(country["names"]) == LANGS, country["id"]


def test_references_point_at_existing_entities(
    entities: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
) -> None:
    for entity in entities:
        for key in ("parent", "country"):
            if key in entity:
                assert entity[key] in by_id, f"{entity['id']}.{key}"
                assert entity[key] != entity["id"]


# --- what the matcher will see -------------------------------------------------------


def test_ambiguous_forms_belong_to_their_entity(entities: list[dict[str, Any]]) -> None:
    for entity in entities:
        stray = set(entity.get("ambiguous", [])) - _all_forms(entity)
        assert not stray, f"{entity['id']}: {sorted(stray)}"


def test_no_form_points_at_two_entities_unless_marked(
    entities: list[dict[str, Any]],
) -> None:
    """A shared form is allowed when every owner but at most one marks it ambiguous:
    then the matcher has one context-free reading (or none) and never a silent tie."""
    owners: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity in entities:
        for form in _all_forms(entity):
            owners[form].append(entity)
    clashes = []
    for form, holders in owners.items():
        unmarked = [e["id"] for e in holders if form not in e.get("ambiguous", [])]
        if len(holders) > 1 and len(unmarked) > 1:
            clashes.append((form, unmarked))
    assert not clashes


def test_case_matters_for_short_forms(by_id: dict[str, dict[str, Any]]) -> None:
    usa = _forms(by_id["country:USA"], "names", "en")
    assert {"US", "U.S.", "USA"} <= usa
    assert "us" not in _all_forms(by_id["country:USA"])
    assert "Us" not in _all_forms(by_id["country:USA"])


@pytest.mark.parametrize(
    ("entity_id", "table", "lang", "expected"),
    [
        # names: long, short and inflected forms
        ("country:USA", "names", "en", ["US", "U.S.", "USA", "America", "the United States"]),
        ("country:USA", "names", "de", ["Vereinigte Staaten", "den Vereinigten Staaten"]),
        ("country:USA", "names", "fr", ["les États-Unis", "aux États-Unis", "États-Unis"]),
        ("country:GBR", "names", "en", ["UK", "Britain", "Great Britain", "United Kingdom"]),
        ("country:GBR", "names", "de", ["Großbritannien", "Grossbritannien"]),
        ("country:GBR", "names", "fr", ["Royaume-Uni", "le Royaume-Uni", "du Royaume-Uni"]),
        ("country:FRA", "names", "de", ["Frankreich", "Frankreichs", "Französische Republik"]),
        ("country:FRA", "names", "fr", ["la France", "République française"]),
        ("country:DEU", "names", "fr", ["l'Allemagne", "l’Allemagne"]),
        ("country:UKR", "names", "de", ["die Ukraine", "der Ukraine"]),
        ("country:UKR", "names", "uk", ["Україна", "України"]),
        ("country:UKR", "names", "ru", ["Украина", "Украины"]),
        ("country:IRN", "names", "de", ["der Iran", "des Iran", "des Irans", "den Iran"]),
        ("country:CHE", "names", "de", ["die Schweiz", "der Schweiz"]),
        ("country:TUR", "names", "en", ["Türkiye", "Turkey"]),
        ("country:NLD", "names", "de", ["den Niederlanden"]),
        ("country:CIV", "names", "en", ["Côte d’Ivoire", "Côte d'Ivoire", "Ivory Coast"]),
        ("country:MMR", "names", "en", ["Myanmar", "Burma"]),
        ("country:COD", "names", "fr", ["RDC", "République démocratique du Congo"]),
        ("country:RUS", "names", "pl", ["Rosja", "Rosji"]),
        ("country:RUS", "names", "es", ["Rusia"]),
        ("country:RUS", "names", "it", ["Russia"]),
        ("country:DEU", "names", "pl", ["Niemcy"]),
        # adjectives and demonyms, with inflection
        ("country:FRA", "adjectives", "en", ["French", "Frenchman", "Frenchwomen"]),
        ("country:FRA", "adjectives", "de", ["französischen", "Franzose", "Französin"]),
        ("country:FRA", "adjectives", "fr", ["française", "Françaises"]),
        ("country:DEU", "adjectives", "de", ["deutschen", "Deutscher", "Deutsche"]),
        ("country:RUS", "adjectives", "de", ["russische", "Russen", "Russin"]),
        ("country:RUS", "adjectives", "ru", ["российский"]),
        ("country:USA", "adjectives", "de", ["US-amerikanischen", "Amerikanerin"]),
        ("country:USA", "adjectives", "fr", ["américaines", "Américain"]),
        ("country:ZAF", "adjectives", "fr", ["sud-africaine", "Sud-Africains"]),
        ("country:TUR", "adjectives", "fr", ["turque", "Turcs"]),
        ("country:ISR", "adjectives", "en", ["Israeli", "Israelis"]),
        ("country:CHN", "adjectives", "es", ["chino"]),
        ("country:CHN", "adjectives", "it", ["cinese"]),
        ("country:CHN", "adjectives", "pl", ["chiński"]),
        ("country:UKR", "adjectives", "uk", ["український"]),
        # capitals and seats of government
        ("country:USA", "metonyms", "en", ["Washington", "the White House"]),
        ("country:USA", "metonyms", "de", ["Weißes Haus", "Weisses Haus"]),
        ("country:USA", "metonyms", "fr", ["la Maison-Blanche"]),
        ("country:RUS", "metonyms", "en", ["Moscow", "the Kremlin", "Kremlin"]),
        ("country:RUS", "metonyms", "de", ["Moskau", "Kreml"]),
        ("country:RUS", "metonyms", "fr", ["Moscou", "le Kremlin"]),
        ("country:DEU", "metonyms", "de", ["Berlin", "Kanzleramt"]),
        ("country:GBR", "metonyms", "en", ["London", "Downing Street", "Whitehall"]),
        ("country:FRA", "metonyms", "en", ["Paris", "the Élysée", "Élysée Palace"]),
        ("country:FRA", "metonyms", "fr", ["l'Élysée", "Quai d'Orsay", "Quai d’Orsay"]),
        ("country:UKR", "metonyms", "en", ["Kyiv", "Kiev"]),
        ("country:UKR", "metonyms", "de", ["Kiew", "Kyjiw"]),
        ("country:UKR", "metonyms", "fr", ["Kiev", "Kyiv"]),
        ("country:CHN", "metonyms", "en", ["Beijing", "Peking"]),
        ("country:CHN", "metonyms", "de", ["Peking"]),
        ("country:CHN", "metonyms", "fr", ["Pékin"]),
        ("country:TUR", "metonyms", "en", ["Ankara"]),
        ("country:IRN", "metonyms", "de", ["Teheran"]),
        ("org:eu", "metonyms", "en", ["Brussels"]),
        ("org:eu", "metonyms", "de", ["Brüssel"]),
        ("org:eu", "metonyms", "fr", ["Bruxelles"]),
        # organisations and their acronyms per language
        ("org:nato", "names", "en", ["NATO", "Nato"]),
        ("org:nato", "names", "fr", ["OTAN", "l'Otan"]),
        ("org:un", "names", "de", ["UNO", "Vereinte Nationen", "der Vereinten Nationen"]),
        ("org:un", "names", "fr", ["ONU", "Nations unies"]),
        ("org:eu", "names", "en", ["EU", "European Union"]),
        ("org:eu", "names", "fr", ["UE", "Union européenne"]),
        ("org:un-security-council", "names", "de", ["UN-Sicherheitsrat"]),
        ("org:un-security-council", "names", "fr", ["Conseil de sécurité de l'ONU"]),
        ("org:iaea", "names", "de", ["IAEA", "Internationale Atomenergiebehörde"]),
        ("org:imf", "names", "fr", ["FMI"]),
        ("org:who", "names", "fr", ["OMS"]),
        ("org:icc", "names", "de", ["Internationalen Strafgerichtshof"]),
    ],
)
def test_spot_checks(
    by_id: dict[str, dict[str, Any]],
    entity_id: str,
    table: str,
    lang: str,
    expected: list[str],
) -> None:
    have = _forms(by_id[entity_id], table, lang)
    assert set(expected) <= have, sorted(set(expected) - have)


def test_brussels_is_the_eu_not_belgium(by_id: dict[str, dict[str, Any]]) -> None:
    assert "Brussels" not in _all_forms(by_id["country:BEL"])
    assert "Bruxelles" not in _all_forms(by_id["country:BEL"])


def test_person_and_place_homonyms_need_context(by_id: dict[str, dict[str, Any]]) -> None:
    assert {"Georgia", "Géorgie"} <= set(by_id["country:GEO"]["ambiguous"])
    assert "Jordan" in by_id["country:JOR"]["ambiguous"]
    assert "Chad" in by_id["country:TCD"]["ambiguous"]
    # The unambiguous German names need no context.
    assert "Georgien" not in by_id["country:GEO"]["ambiguous"]
    assert "Jordanien" not in by_id["country:JOR"]["ambiguous"]


def test_the_two_congos_and_koreas_share_only_marked_forms(
    by_id: dict[str, dict[str, Any]],
) -> None:
    for a, b in (("country:COD", "country:COG"), ("country:KOR", "country:PRK")):
        shared = _all_forms(by_id[a]) & _all_forms(by_id[b])
        assert shared, (a, b)
        assert shared <= set(by_id[a]["ambiguous"]) & set(by_id[b]["ambiguous"])
    assert "DRC" not in by_id["country:COD"]["ambiguous"]


def test_bodies_point_at_their_organisation(by_id: dict[str, dict[str, Any]]) -> None:
    for body in ("org:un-security-council", "org:un-general-assembly", "org:icj"):
        assert by_id[body]["parent"] == "org:un"
    for body in ("org:european-commission", "org:european-parliament", "org:ecb"):
        assert by_id[body]["parent"] == "org:eu"
    assert "parent" not in by_id["org:imf"]


# --- the generator -------------------------------------------------------------------


def test_countries_toml_is_what_the_generator_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    babel = pytest.importorskip("babel")
    stamp = f"# Territory names from babel {babel.__version__}."
    if stamp not in (DATA / "countries.toml").read_text(encoding="utf-8"):
        pytest.skip("countries.toml was generated with another babel release")
    spec = importlib.util.spec_from_file_location(
        "build_countries", REPO / "tools/build_countries.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is created.
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    out = tmp_path / "countries.toml"
    assert module.main(["--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (DATA / "countries.toml").read_text(encoding="utf-8")
    assert module.main(["--check"]) == 0
