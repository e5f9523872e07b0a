"""The shipped people (kb/data/people.toml): office holders since 2015 with name variants.

Role resolution trusts these dates blindly, so the tests check the promises it relies on:
every reference resolves, dates are well formed and ordered, one office has one holder at a
time, well-known office holders are where they should be, and the name variants news text
uses (transliterations, surnames, German genitives) are present without clashing.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from storyline.kb.model import KnowledgeBase, load_kb

PEOPLE = Path(__file__).resolve().parents[1] / "src/storyline/kb/data/people.toml"
DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
LANGS = {"en", "de", "fr", "es", "it", "pl", "ru", "uk"}
ROLES = {
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
    "finance_minister", "economy_minister", "vice_president", "spokesperson",
    "foreign_ministry_spokesperson", "defence_ministry_spokesperson", "un_ambassador",
    "foreign_policy_adviser", "security_council_secretary", "chief_of_general_staff",
    "commander_in_chief", "army_chief", "intelligence_chief", "crown_prince", "speaker",
    "party_general_secretary", "supreme_leader", "deputy_foreign_minister",
    "secretary_general", "president", "high_representative", "director_general",
    "managing_director", "executive_director", "high_commissioner",
    "emergency_relief_coordinator", "administrator", "commissioner", "chair", "prosecutor",
}  # fmt: skip
# Offices with one holder at a time: two people valid on the same day is a data error.
SINGLE_HOLDER = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
# Forms shared with a country on purpose: the Italian adjective "albanese" (countries.toml)
# is also the Australian prime minister's surname. Neither reading wins without context.
SHARED_WITH_PLACES = {"albanese"}


def fold(text: str) -> str:
    """Case and diacritics folded, as the gazetteer compares forms."""
    return "".join(
        base if len(base := unicodedata.normalize("NFD", c)[0].lower()) == 1 else c for c in text
    )


@pytest.fixture(scope="module")
def raw() -> list[dict[str, Any]]:
    with PEOPLE.open("rb") as handle:
        people: list[dict[str, Any]] = tomllib.load(handle)["entity"]
    return people


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def by_id(raw: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {p["id"]: p for p in raw}


def _forms(person: dict[str, Any]) -> set[str]:
    return {f for forms in person.get("names", {}).values() for f in forms}


def holders(kb: KnowledgeBase, role: str, of: str, day: str) -> set[str]:
    return {
        e.id
        for e in kb.entities.values()
        if e.type == "person"
        and any(r.role == role and r.of == of and r.valid_on(day) for r in e.roles)
    }


# --- shape ---------------------------------------------------------------------------


def test_file_parses_into_the_shipped_kb(raw: list[dict[str, Any]], kb: KnowledgeBase) -> None:
    assert len(raw) >= 400
    people = [e for e in kb.entities.values() if e.type == "person"]
    assert len(people) == len(raw)
    assert sum(len(p.roles) for p in people) >= 700


def test_ids_are_unique_and_well_formed(raw: list[dict[str, Any]]) -> None:
    ids = [p["id"] for p in raw]
    assert len(ids) == len(set(ids))
    for person in raw:
        assert re.fullmatch(r"person:[a-z0-9]+(-[a-z0-9]+)*", person["id"]), person["id"]
        assert person["type"] == "person"
        assert person["name"] == person["name"].strip() != ""
        assert person["name"] in person["names"]["en"], person["id"]


def test_fields_are_clean(raw: list[dict[str, Any]]) -> None:
    for person in raw:
        where = person["id"]
        assert person.get("gender", "f") in {"f", "m"}, where
        assert re.fullmatch(r"Q[1-9]\d*", person.get("wikidata", "Q1")), where
        assert set(person["names"]) <= LANGS, where
        for lang, forms in person["names"].items():
            assert forms and len(forms) == len(set(forms)), (where, lang)
            assert all(f == f.strip() != "" and "  " not in f for f in forms), (where, lang)
        assert set(person.get("ambiguous", [])) <= _forms(person), where


def test_qids_are_unique(raw: list[dict[str, Any]]) -> None:
    qids = [p["wikidata"] for p in raw if "wikidata" in p]
    assert len(qids) == len(set(qids)) >= 15


def test_every_reference_exists_in_the_shipped_kb(
    raw: list[dict[str, Any]], kb: KnowledgeBase
) -> None:
    for person in raw:
        if "country" in person:
            assert person["country"] in kb and person["country"].startswith("country:")
        for role in person.get("roles", []):
            assert role["of"] in kb, (person["id"], role["of"])
            assert kb.entities[role["of"]].type in {"country", "organization"}


def test_roles_dates_are_well_formed_and_ordered(raw: list[dict[str, Any]]) -> None:
    for person in raw:
        for role in person.get("roles", []):
            where = (person["id"], role["role"], role["of"])
            assert role["role"] in ROLES, where
            assert set(role) <= {"role", "of", "start", "end", "title"}, where
            for key in ("start", "end"):
                assert role[key] == "" or DATE.fullmatch(role[key]), where
            if role["start"] and role["end"]:
                assert role["start"] <= role["end"], where
            # Coverage starts in 2015: an office left before then does not belong here.
            assert not role["end"] or role["end"] >= "2015", where


def _first_day(date: str) -> str:
    """The earliest day a date string admits under Role.valid_on's string comparison."""
    return date + {4: "-01-01", 7: "-01", 10: ""}[len(date)]


def test_one_holder_per_office_at_a_time(raw: list[dict[str, Any]]) -> None:
    """Hand-overs may share a day (the successor starts the day the predecessor leaves);
    any longer overlap is a data error."""
    terms: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for person in raw:
        for role in person.get("roles", []):
            if role["role"] in SINGLE_HOLDER:
                terms[role["role"], role["of"]].append((role["start"], role["end"], person["id"]))
    clashes = []
    for office, held in terms.items():
        for i, (s1, e1, p1) in enumerate(held):
            for s2, e2, p2 in held[i + 1 :]:
                if p1 == p2:
                    continue
                low = _first_day(max(s1, s2)) if s1 or s2 else "0000-01-01"
                high = min((e for e in (e1, e2) if e), default="9999")
                if low < high:
                    clashes.append((office, p1, p2))
    assert not clashes


def test_coverage_of_countries_and_organisations(raw: list[dict[str, Any]]) -> None:
    countries = defaultdict(set)
    orgs = set()
    for person in raw:
        for role in person.get("roles", []):
            if role["end"] and role["end"] < "2015":
                continue
            if role["of"].startswith("country:"):
                countries[role["of"]].add(role["role"])
            else:
                orgs.add(role["of"])
    full = [c for c, roles in countries.items() if roles >= SINGLE_HOLDER]
    assert len(full) >= 40, sorted(full)
    assert {"country:USA", "country:RUS", "country:UKR", "country:DEU", "country:FRA"} <= set(full)
    assert len(orgs) >= 20
    assert {"org:un", "org:nato", "org:european-commission", "org:iaea", "org:who"} <= orgs


# --- who held what, when -------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "of", "day", "expected"),
    [
        ("head_of_state", "country:USA", "2019-06-01", "person:donald-trump"),
        ("head_of_state", "country:USA", "2024-06-01", "person:joe-biden"),
        ("head_of_government", "country:USA", "2016-03-01", "person:barack-obama"),
        ("head_of_state", "country:FRA", "2016-06-01", "person:francois-hollande"),
        ("head_of_state", "country:FRA", "2023-06-01", "person:emmanuel-macron"),
        ("head_of_government", "country:DEU", "2019-01-01", "person:angela-merkel"),
        ("head_of_government", "country:DEU", "2023-06-01", "person:olaf-scholz"),
        ("head_of_government", "country:DEU", "2025-07-01", "person:friedrich-merz"),
        ("head_of_government", "country:GBR", "2022-10-01", "person:liz-truss"),
        ("head_of_government", "country:GBR", "2018-01-01", "person:theresa-may"),
        ("head_of_state", "country:GBR", "2023-01-01", "person:king-charles-iii"),
        ("head_of_state", "country:CAN", "2020-01-01", "person:queen-elizabeth-ii"),
        ("foreign_minister", "country:RUS", "2020-01-01", "person:sergey-lavrov"),
        ("foreign_minister", "country:DEU", "2022-03-01", "person:annalena-baerbock"),
        ("foreign_minister", "country:UKR", "2023-01-01", "person:dmytro-kuleba"),
        ("defence_minister", "country:UKR", "2022-06-01", "person:oleksii-reznikov"),
        ("defence_minister", "country:RUS", "2023-01-01", "person:sergei-shoigu"),
        ("defence_minister", "country:RUS", "2024-09-01", "person:andrei-belousov"),
        ("head_of_state", "country:UKR", "2018-01-01", "person:petro-poroshenko"),
        ("head_of_state", "country:UKR", "2022-03-01", "person:volodymyr-zelenskyy"),
        ("head_of_government", "country:ITA", "2021-06-01", "person:mario-draghi"),
        ("head_of_government", "country:JPN", "2019-01-01", "person:shinzo-abe"),
        ("head_of_government", "country:IND", "2020-01-01", "person:narendra-modi"),
        ("head_of_state", "country:CHN", "2020-01-01", "person:xi-jinping"),
        ("head_of_state", "country:TUR", "2020-01-01", "person:recep-tayyip-erdogan"),
        ("head_of_state", "country:IRN", "2022-01-01", "person:ali-khamenei"),
        ("head_of_government", "country:IRN", "2022-01-01", "person:ebrahim-raisi"),
        ("head_of_government", "country:HUN", "2020-01-01", "person:viktor-orban"),
        ("spokesperson", "country:RUS", "2022-05-01", "person:dmitry-peskov"),
        ("foreign_ministry_spokesperson", "country:RUS", "2022-05-01", "person:maria-zakharova"),
        ("secretary_general", "org:un", "2015-06-01", "person:ban-ki-moon"),
        ("secretary_general", "org:un", "2020-01-01", "person:antonio-guterres"),
        ("secretary_general", "org:nato", "2022-01-01", "person:jens-stoltenberg"),
        ("secretary_general", "org:nato", "2025-01-01", "person:mark-rutte"),
        ("president", "org:european-commission", "2018-01-01", "person:jean-claude-juncker"),
        ("president", "org:european-commission", "2021-01-01", "person:ursula-von-der-leyen"),
        ("president", "org:european-council", "2022-01-01", "person:charles-michel"),
        ("high_representative", "org:eu", "2022-01-01", "person:josep-borrell"),
        ("director_general", "org:iaea", "2022-01-01", "person:rafael-grossi"),
        ("director_general", "org:who", "2020-01-01", "person:tedros-adhanom-ghebreyesus"),
        ("managing_director", "org:imf", "2018-01-01", "person:christine-lagarde"),
    ],
)
def test_office_holder_on_a_day(
    kb: KnowledgeBase, role: str, of: str, day: str, expected: str
) -> None:
    assert holders(kb, role, of, day) == {expected}


@pytest.mark.parametrize(
    ("person", "role", "of", "start", "end"),
    [
        ("person:angela-merkel", "head_of_government", "country:DEU", "2005-11-22", "2021-12-08"),
        ("person:boris-johnson", "head_of_government", "country:GBR", "2019-07-24", "2022-09-06"),
        ("person:boris-johnson", "foreign_minister", "country:GBR", "2016-07-13", "2018-07-09"),
        ("person:antony-blinken", "foreign_minister", "country:USA", "2021-01-26", "2025-01-20"),
        ("person:volodymyr-zelenskyy", "head_of_state", "country:UKR", "2019-05-20", ""),
        ("person:donald-tusk", "president", "org:european-council", "2014-12-01", "2019-11-30"),
        ("person:kaja-kallas", "high_representative", "org:eu", "2024-12-01", ""),
        ("person:antonio-guterres", "secretary_general", "org:un", "2017-01-01", "2026-12-31"),
    ],
)
def test_spot_checks(
    by_id: dict[str, dict[str, Any]], person: str, role: str, of: str, start: str, end: str
) -> None:
    roles = [(r["role"], r["of"], r["start"], r["end"]) for r in by_id[person]["roles"]]
    assert (role, of, start, end) in roles


def test_the_day_after_a_hand_over_has_one_holder(kb: KnowledgeBase) -> None:
    # Olaf Scholz handed over to Friedrich Merz on 6 May 2025: that day both are valid
    # (inclusive ends), the next day only Merz.
    assert holders(kb, "head_of_government", "country:DEU", "2025-05-07") == {
        "person:friedrich-merz"
    }


# --- names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "lang", "expected"),
    [
        ("person:volodymyr-zelenskyy", "en", {"Zelenskyy", "Zelensky", "Volodymyr Zelenskyy"}),
        ("person:volodymyr-zelenskyy", "de", {"Selenskyj", "Selenskyjs", "Wolodymyr Selenskyj"}),
        ("person:volodymyr-zelenskyy", "fr", {"Zelensky", "Zelenski"}),
        ("person:volodymyr-zelenskyy", "pl", {"Zełenski", "Zełenskiego"}),
        ("person:volodymyr-zelenskyy", "uk", {"Зеленський", "Зеленського"}),
        ("person:volodymyr-zelenskyy", "ru", {"Зеленский"}),
        ("person:dmitry-peskov", "en", {"Peskov", "Dmitry Peskov", "Dmitri Peskov"}),
        ("person:dmitry-peskov", "de", {"Peskow", "Dmitri Peskow"}),
        ("person:sergey-lavrov", "en", {"Sergei Lavrov", "Sergey Lavrov", "Lavrov"}),
        ("person:sergey-lavrov", "de", {"Sergej Lawrow", "Lawrow", "Lawrows"}),
        ("person:sergey-lavrov", "pl", {"Ławrow"}),
        ("person:vladimir-putin", "de", {"Wladimir Putin", "Putins"}),
        ("person:vladimir-putin", "fr", {"Vladimir Poutine", "Poutine"}),
        ("person:vladimir-putin", "ru", {"Путин", "Путина"}),
        ("person:viktor-orban", "en", {"Orbán", "Orban"}),
        ("person:recep-tayyip-erdogan", "en", {"Erdoğan", "Erdogan"}),
        ("person:recep-tayyip-erdogan", "de", {"Erdoğans"}),
        ("person:emmanuel-macron", "de", {"Macron", "Macrons"}),
        ("person:olaf-scholz", "de", {"Olaf Scholz", "Scholz"}),
        ("person:xi-jinping", "en", {"Xi Jinping", "Xi"}),
        ("person:xi-jinping", "de", {"Xi Jinpings"}),
        ("person:alexander-lukashenko", "de", {"Lukaschenko"}),
        ("person:alexander-lukashenko", "fr", {"Loukachenko"}),
        ("person:benjamin-netanyahu", "de", {"Netanjahu", "Netanjahus"}),
        ("person:benjamin-netanyahu", "fr", {"Netanyahou"}),
        ("person:ursula-von-der-leyen", "en", {"von der Leyen"}),
        ("person:mohammed-bin-salman", "en", {"MBS", "Mohammed bin Salman"}),
        ("person:mohammed-bin-salman", "fr", {"Mohammed ben Salmane"}),
    ],
)
def test_name_variants(
    by_id: dict[str, dict[str, Any]], person: str, lang: str, expected: set[str]
) -> None:
    have = set(by_id[person]["names"].get(lang, []))
    assert expected <= have, sorted(expected - have)


def test_german_genitives_follow_the_spelling_rule(raw: list[dict[str, Any]]) -> None:
    # Names ending in s, x, z or ß take an apostrophe, which word boundaries already cover;
    # everything else gains an -s.
    for person in raw:
        forms = set(person["names"].get("de", []))
        for form in forms:
            if re.search(r"[sxzß]s$", form):
                assert form[:-1] not in forms, (person["id"], form)
    de = {p["id"]: set(p["names"]["de"]) for p in raw}
    assert "Scholzs" not in de["person:olaf-scholz"]
    assert "Macrons" in de["person:emmanuel-macron"]


def test_common_word_surnames_need_context(by_id: dict[str, dict[str, Any]]) -> None:
    for person, form in [
        ("person:theresa-may", "May"),
        ("person:micheal-martin", "Martin"),
        ("person:antonio-costa", "Costa"),
        ("person:sebastian-kurz", "Kurz"),
        ("person:isaac-herzog", "Herzog"),
        ("person:heiko-maas", "Maas"),
        ("person:luis-montenegro", "Montenegro"),
        ("person:moon-jae-in", "Moon"),
    ]:
        assert form in by_id[person]["ambiguous"], person
    # Surnames too common to list at all.
    assert "Li" not in _forms(by_id["person:li-qiang"])
    assert "Champagne" not in _forms(by_id["person:francois-philippe-champagne"])
    # A distinctive surname is not marked.
    assert "Selenskyj" not in by_id["person:volodymyr-zelenskyy"].get("ambiguous", [])


def test_no_two_people_share_a_full_name(raw: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person in raw:
        marked = {fold(a) for a in person.get("ambiguous", [])}
        for form in _forms(person):
            key = fold(form)
            if " " in form and key not in marked:
                owners[key].add(person["id"])
    assert not {k: v for k, v in owners.items() if len(v) > 1}


def test_shared_surnames_stay_unmarked_so_the_matcher_reports_a_tie(
    by_id: dict[str, dict[str, Any]],
) -> None:
    # Two listed people named Sharif: the form belongs to both, neither claims it alone.
    for pid in ("person:nawaz-sharif", "person:shehbaz-sharif"):
        assert "Sharif" in _forms(by_id[pid])
        assert "Sharif" not in by_id[pid].get("ambiguous", [])


def test_people_do_not_take_country_or_organisation_names(
    raw: list[dict[str, Any]], kb: KnowledgeBase
) -> None:
    places: dict[str, str] = {}
    for entity in kb.entities.values():
        if entity.type != "person":
            for form, _kind, _lang in entity.surface_forms():
                places[fold(form)] = entity.id
    clashes = []
    for person in raw:
        marked = {fold(a) for a in person.get("ambiguous", [])}
        for form in _forms(person):
            key = fold(form)
            if key in places and key not in marked and key not in SHARED_WITH_PLACES:
                clashes.append((person["id"], form, places[key]))
    assert not clashes
