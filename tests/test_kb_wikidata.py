"""`storyline kb import`: Wikidata dumps and SPARQL results as KB entries.

The fixtures in tests/fixtures/wikidata/ are hand-written in the public formats. People and
countries carry their real QIDs where the shipped KB knows them (so an import must reuse the
shipped ids); offices, invented people and their QIDs come from an unused range (Q98765xxx).
"""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path

import pytest

from storyline.errors import ConfigError
from storyline.kb.model import Entity, KnowledgeBase, Role, load_kb
from storyline.kb.wikidata import ImportResult, import_file, kb_import, main, slug, to_toml
from storyline.kb.wikidata_read import wikidata_date
from storyline.kb.wikidata_roles import label_roles

FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"
DUMP = FIXTURES / "dump.json"
SPARQL = FIXTURES / "sparql.json"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def dump(kb: KnowledgeBase) -> ImportResult:
    return import_file(DUMP, kb)


@pytest.fixture(scope="module")
def sparql(kb: KnowledgeBase) -> ImportResult:
    return import_file(SPARQL, kb)


def _by_qid(result: ImportResult) -> dict[str, Entity]:
    return {e.wikidata or "": e for e in result.entities}


def _roles(entity: Entity) -> set[tuple[str, str, str | None, str | None]]:
    return {(r.role, r.of, r.start, r.end) for r in entity.roles}


# --- the JSON dump ------------------------------------------------------------------------


def test_dump_yields_the_named_humans_only(dump: ImportResult) -> None:
    assert set(_by_qid(dump)) == {
        "Q3052772",
        "Q3874799",
        "Q6279",
        "Q98765200",
        "Q98765201",
        "Q98765202",
        "Q98765203",
    }
    assert all(e.type == "person" for e in dump.entities)
    assert dump.skipped == 1  # a human labelled only in Japanese
    assert dump.bad_lines == 1  # the truncated line


def test_known_people_keep_their_shipped_ids(dump: ImportResult) -> None:
    people = _by_qid(dump)
    assert people["Q3052772"].id == "person:emmanuel-macron"
    assert people["Q3874799"].id == "person:volodymyr-zelenskyy"
    assert people["Q98765200"].id == "person:halyna-moroz"
    assert people["Q98765201"].id == "person:jean-dupre"


def test_names_aliases_and_family_names_per_language(dump: ImportResult) -> None:
    macron = _by_qid(dump)["Q3052772"].forms["names"]
    assert macron["en"] == (
        "Emmanuel Macron",
        "Emmanuel Jean-Michel Frédéric Macron",
        "Macron",  # the family-name item's "mul" label
    )
    assert macron["ru"] == ("Эмманюэль Макрон",)
    assert "ja" not in macron
    zelenskyy = _by_qid(dump)["Q3874799"].forms["names"]
    assert zelenskyy["de"] == ("Wolodymyr Selenskyj", "Selenskyj")
    assert zelenskyy["pl"] == ("Wołodymyr Zełenski",)
    assert zelenskyy["uk"] == ("Володимир Зеленський",)


def test_gender_and_country(dump: ImportResult) -> None:
    people = _by_qid(dump)
    assert dump.genders[people["Q98765200"].id] == "f"
    assert dump.genders[people["Q6279"].id] == "m"
    assert people["Q3052772"].country == "country:FRA"
    assert people["Q98765202"].country == "country:FIN"
    assert people["Q98765203"].country is None
    assert people["Q98765203"].id not in dump.genders


def test_office_of_a_known_qid_gives_both_roles(dump: ImportResult) -> None:
    assert _roles(_by_qid(dump)["Q6279"]) == {
        ("head_of_state", "country:USA", "2021-01-20", "2025-01-20"),
        ("head_of_government", "country:USA", "2021-01-20", "2025-01-20"),
        ("vice_president", "country:USA", "2009-01-20", "2017-01-20"),  # label + P1001
    }


def test_president_of_a_country_is_its_head_of_state(dump: ImportResult) -> None:
    # "President of the French Republic" is a subclass of the generic "president".
    assert _roles(_by_qid(dump)["Q3052772"]) == {
        ("head_of_state", "country:FRA", "2017-05-14", None)
    }


def test_deprecated_and_unmappable_statements_are_left_out(dump: ImportResult) -> None:
    # Macron's deprecated claim to the US presidency and his economy ministry are dropped.
    macron = _by_qid(dump)["Q3052772"]
    assert all(r.of == "country:FRA" and r.role == "head_of_state" for r in macron.roles)
    assert dump.unmapped == {
        "Minister of the Economy and Finance": 1,
        "Mayor of Lindenhain": 1,
        "Prime Minister of Lindenhain (jurisdiction unknown)": 1,
    }
    assert _by_qid(dump)["Q98765203"].roles == ()


def test_generic_class_with_a_qualifier_and_date_precision(dump: ImportResult) -> None:
    # P39 = "minister of foreign affairs" (generic), qualifier P642 = Ukraine; start at month
    # precision, end at year precision.
    assert _roles(_by_qid(dump)["Q98765200"]) == {
        ("foreign_minister", "country:UKR", "2021-03", "2023")
    }


def test_role_from_a_parent_class_jurisdiction_from_the_office(dump: ImportResult) -> None:
    assert _roles(_by_qid(dump)["Q98765201"]) == {
        ("defence_minister", "country:FRA", "2016-01-04", "2016-11-30")
    }


def test_organisation_office_maps_to_the_org_id(dump: ImportResult) -> None:
    assert _roles(_by_qid(dump)["Q98765202"]) == {
        ("secretary_general", "org:nato", "2031-10-01", None)
    }


def test_extra_office_mapping(kb: KnowledgeBase) -> None:
    result = import_file(DUMP, kb, offices={"Q98765002": ("economy_minister",)})
    assert ("economy_minister", "country:FRA", "2014-08-26", "2016-08-30") in _roles(
        _by_qid(result)["Q3052772"]
    )
    assert "Minister of the Economy and Finance" not in result.unmapped


def test_json_lines_gzip_and_bz2_read_the_same(
    tmp_path: Path, kb: KnowledgeBase, dump: ImportResult
) -> None:
    lines = [
        line.rstrip(",")
        for line in DUMP.read_text(encoding="utf-8").splitlines()
        if line not in ("[", "]")
    ]
    text = "\n".join(lines) + "\n"
    plain, gz, bz = tmp_path / "d.jsonl", tmp_path / "d.jsonl.gz", tmp_path / "d.json.bz2"
    plain.write_text(text, encoding="utf-8")
    gz.write_bytes(gzip.compress(text.encode("utf-8")))
    bz.write_bytes(bz2.compress(DUMP.read_bytes()))
    for path in (plain, gz, bz):
        assert kb_import(path, kb) == list(dump.entities), path.name


def test_entity_data_and_pretty_printed_arrays(tmp_path: Path, kb: KnowledgeBase) -> None:
    lines = DUMP.read_text(encoding="utf-8").splitlines()
    entities = []
    for line in lines[1:-1]:
        try:
            entities.append(json.loads(line.rstrip(",")))
        except json.JSONDecodeError:
            continue
    entity_data = tmp_path / "Q6279.json"
    entity_data.write_text(
        json.dumps({"entities": {e["id"]: e for e in entities if e["id"] == "Q6279"}}),
        encoding="utf-8",
    )
    (biden,) = kb_import(entity_data, kb)
    assert biden.name == "Joe Biden"
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(entities, indent=2), encoding="utf-8")
    assert len(kb_import(pretty, kb)) == 7


# --- SPARQL results -----------------------------------------------------------------------


def test_sparql_rows_grouped_by_person(sparql: ImportResult) -> None:
    people = _by_qid(sparql)
    assert set(people) == {"Q567", "Q98765400", "Q98765401"}
    merkel = people["Q567"]
    assert merkel.id == "person:angela-merkel"  # the shipped entry
    assert merkel.forms["names"]["en"] == (
        "Angela Merkel",
        "Angela Dorothea Merkel",
        "Angela Dorothea Kasner",
        "Merkel",
    )
    assert merkel.forms["names"]["de"] == ("Angela Merkel",)
    # The same statement in two rows (one per label language) is one role.
    assert _roles(merkel) == {("head_of_government", "country:DEU", "2005-11-22", "2021-12-08")}
    assert sparql.genders["person:angela-merkel"] == "f"
    assert sparql.bad_lines == 1  # the row without a person


def test_sparql_precision_gender_label_and_explicit_role(sparql: ImportResult) -> None:
    people = _by_qid(sparql)
    wrona = people["Q98765400"]
    assert _roles(wrona) == {("defence_minister", "country:POL", "2019-06", None)}
    assert wrona.forms["names"]["pl"] == ("Tomasz Wrona", "Wrona")
    assert sparql.genders[wrona.id] == "m"
    sokolova = people["Q98765401"]
    assert _roles(sokolova) == {
        ("foreign_ministry_spokesperson", "country:RUS", "2024-02-01", None)
    }
    assert sokolova.forms["names"]["ru"] == ("Ирина Соколова",)


def test_sparql_without_a_person_variable_is_refused(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": []}}), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="no person variable"):
        import_file(path, kb)


@pytest.mark.parametrize("content", ["", "this is not json\n", '{"head": 1}', "[1, 2]"])
def test_unusable_files_raise_config_errors(
    tmp_path: Path, kb: KnowledgeBase, content: str
) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        import_file(path, kb)


# --- pieces -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("+2019-05-20T00:00:00Z", 11, "2019-05-20"),
        ("+2019-05-00T00:00:00Z", 10, "2019-05"),
        ("+2019-05-20T00:00:00Z", 10, "2019-05"),
        ("+2019-00-00T00:00:00Z", 9, "2019"),
        ("+2019-00-00T00:00:00Z", 11, "2019"),  # zeroed parts are less precise than claimed
        ("+2019-01-01T00:00:00Z", 8, None),  # decade
        ("-0044-03-15T00:00:00Z", 11, None),
    ],
)
def test_wikidata_dates(value: str, precision: int, expected: str | None) -> None:
    assert wikidata_date(value, precision) == expected


@pytest.mark.parametrize(
    ("label", "roles"),
    [
        ("Prime Minister of Lindenhain", ("head_of_government",)),
        ("Federal Chancellor of Austria", ("head_of_government",)),
        ("Deputy Prime Minister of Lindenhain", ()),
        ("Vice President of Lindenhain", ("vice_president",)),
        ("Minister for Europe and Foreign Affairs", ("foreign_minister",)),
        (
            "Secretary of State for Foreign, Commonwealth and Development Affairs",
            ("foreign_minister",),
        ),
        ("Minister of State for Foreign Affairs", ()),
        ("Secretary of State for Defence", ("defence_minister",)),
        ("Federal Minister of Defence", ("defence_minister",)),
        ("Chancellor of the Exchequer", ("finance_minister",)),
        ("Foreign Ministry Spokesperson of Lindenhain", ("foreign_ministry_spokesperson",)),
        ("White House Press Secretary", ("spokesperson",)),
        ("Secretary-General of the United Nations", ("secretary_general",)),
        ("President of the European Commission", ("president",)),
        ("King of Lindenhain", ("head_of_state",)),
        ("Mayor of Lindenhain", ()),
        (None, ()),
    ],
)
def test_office_labels(label: str | None, roles: tuple[str, ...]) -> None:
    assert label_roles(label) == roles


def test_slug_folds_letters_decomposition_misses() -> None:
    assert slug("Wołodymyr Zełenski") == "wolodymyr-zelenski"
    assert slug("Jonas Gahr Støre") == "jonas-gahr-store"
    assert slug("Владимир Путин") == ""


# --- TOML ---------------------------------------------------------------------------------


def test_toml_round_trip_with_awkward_strings(tmp_path: Path) -> None:
    entity = Entity(
        id="person:test-quotes",
        type="person",
        name='Ann "Nancy" O\'Neil \\ Jr.',
        wikidata="Q98765500",
        country="country:IRL",
        forms={"names": {"en": ('Ann "Nancy" O\'Neil \\ Jr.', "O’Neil"), "ga": ("Áine Ní Néill",)}},
        ambiguous=("O’Neil",),
        roles=(Role("foreign_minister", "country:IRL", "2031-01", None),),
        gender="f",
    )
    path = tmp_path / "one.toml"
    path.write_text(to_toml([entity], {entity.id: "f"}, comment="two\nlines"), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# two\n# lines\n")
    assert 'gender = "f"' in text
    reloaded = KnowledgeBase()
    reloaded.load_file(path)
    assert reloaded.get(entity.id) == entity


def test_the_shipped_kb_round_trips(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "all.toml"
    path.write_text(to_toml(kb.entities.values()), encoding="utf-8")
    again = KnowledgeBase()
    again.load_file(path)
    assert again.entities == kb.entities


def test_imported_toml_loads_as_an_overlay(tmp_path: Path, kb: KnowledgeBase) -> None:
    result = import_file(DUMP, kb)
    path = tmp_path / "imported.toml"
    path.write_text(to_toml(result.entities, result.genders), encoding="utf-8")
    merged = load_kb([path])
    assert merged.get("person:halyna-moroz") is not None
    # An overlay adds forms to a known person and keeps the shipped ones.
    macron = merged.get("person:emmanuel-macron")
    assert macron is not None
    names = {f for forms in macron.forms["names"].values() for f in forms}
    assert {"Emmanuel Jean-Michel Frédéric Macron", "Macrons"} <= names


# --- command line -------------------------------------------------------------------------


def test_cli_writes_toml_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "people.toml"
    assert main([str(SPARQL), "--out", str(out), "--lang", "en,pl"]) == 0
    err = capsys.readouterr().err
    assert "3 people, 3 roles" in err
    reloaded = KnowledgeBase()
    reloaded.load_file(out)
    wrona = reloaded.get("person:tomasz-wrona")
    assert wrona is not None and wrona.forms["names"]["pl"] == ("Tomasz Wrona", "Wrona")
    assert "ru" not in reloaded.entities["person:irina-sokolova"].forms["names"]


def test_cli_to_stdout_lists_unmapped_offices(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(DUMP), "--office", "Q98765008=mayor"]) == 0
    captured = capsys.readouterr()
    assert 'id = "person:anneli-virtanen"' in captured.out
    assert "Minister of the Economy and Finance" in captured.err
    # Mapped now, but Lindenhain is not in the KB: dropped for its jurisdiction instead.
    assert "Mayor of Lindenhain (jurisdiction unknown)" in captured.err


@pytest.mark.parametrize(
    "argv",
    [["/nonexistent/dump.json"], [str(DUMP), "--office", "Q1"], [str(DUMP), "--office", "x=y"]],
)
def test_cli_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("storyline kb import: ") and err.count("\n") == 1
