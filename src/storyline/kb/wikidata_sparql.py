"""SPARQL JSON results (``head.vars``, ``results.bindings``) as importer records.

A query returns one row per office held (or per language of a label); rows are grouped by
person. The variable names the reader understands are documented in
``SPARQL_VARIABLES``; a query that names them differently can rename them with
``SELECT (?x AS ?person)``. Example::

    SELECT ?person ?personLabel ?gender ?citizenship ?position ?positionLabel
           ?jurisdiction ?start ?startPrecision ?end ?endPrecision WHERE {
      ?person p:P39 ?st . ?st ps:P39 ?position .
      ?position wdt:P279* wd:Q7330070 .                # foreign ministers
      OPTIONAL { ?position wdt:P1001 ?jurisdiction }
      OPTIONAL { ?st pqv:P580 [ wikibase:timeValue ?start;
                                wikibase:timePrecision ?startPrecision ] }
      OPTIONAL { ?st pqv:P582 [ wikibase:timeValue ?end; wikibase:timePrecision ?endPrecision ] }
      OPTIONAL { ?person wdt:P21 ?gender }  OPTIONAL { ?person wdt:P27 ?citizenship }
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en,de,fr". }
    }
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from storyline.errors import ConfigError
from storyline.kb.wikidata_read import (
    ENTITY_PREFIX,
    GENDERS,
    Held,
    Human,
    ReadStats,
    Record,
    Thing,
    wikidata_date,
)

SPARQL_VARIABLES = {
    "person": "the person's entity URI (also accepted: item, human); required",
    "personLabel": "a name, language-tagged (also: label, name); one row per language is fine",
    "personAltLabel": "the label service's comma-separated aliases (or alias: one per row)",
    "gender": "an entity URI (Q6581072/Q6581097) or a literal female/male (also: genderLabel)",
    "citizenship": "country of citizenship (P27) URI (also: country)",
    "familyNameLabel": "the family name as text (also: surname)",
    "position": "the office held (P39) URI",
    "positionLabel": "the office's English name, used to map it to a role",
    "positionClass": "what the office is a subclass of (P279), a URI; may repeat",
    "jurisdiction": "what the office applies to (P1001 or the P642 qualifier), a URI (also: of)",
    "start": "xsd:dateTime of P580 (with optional startPrecision: 9 year, 10 month, 11 day)",
    "end": "xsd:dateTime of P582 (with optional endPrecision)",
    "role": "an explicit role name, overriding the mapping",
}

_PERSON = ("person", "item", "human")
_LABEL = ("personLabel", "label", "name")
_ALT_LABEL = "personAltLabel"  # the label service joins aliases with ", "
_ALIAS = "alias"  # one alias per row, or several joined with "|"


@dataclass
class _Person:
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    gender: str | None = None
    citizenships: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)


@dataclass
class _Office:
    label: str | None = None
    classes: list[str] = field(default_factory=list)


def _qid(cell: Mapping[str, Any] | None) -> str | None:
    if not cell or cell.get("type") != "uri":
        return None
    value = str(cell.get("value", ""))
    return value[len(ENTITY_PREFIX) :] if value.startswith(ENTITY_PREFIX) else None


def _text(cell: Mapping[str, Any] | None) -> str | None:
    if not cell or cell.get("type") not in ("literal", "typed-literal"):
        return None
    value = str(cell.get("value", "")).strip()
    return value or None


def _first(row: Mapping[str, Any], names: tuple[str, ...]) -> Mapping[str, Any] | None:
    return next((row[n] for n in names if n in row), None)


def _date(row: Mapping[str, Any], var: str) -> str | None:
    value = _text(row.get(var))
    if value is None:
        return None
    precision = _text(row.get(var + "Precision"))
    # Without a precision variable the value is taken at day precision, as the query
    # service prints it.
    return wikidata_date("+" + value, int(precision) if precision else 11)


def _add(values: list[str], new: str | None) -> None:
    if new and new not in values:
        values.append(new)


def _read_row(row: Mapping[str, Any], person: _Person, offices: dict[str, _Office]) -> None:
    label_cell = _first(row, _LABEL)
    if (label := _text(label_cell)) and label_cell is not None:
        lang = str(label_cell.get("xml:lang") or "en")
        if person.labels.setdefault(lang, label) != label:
            _add(person.aliases.setdefault(lang, []), label)
    for var, sep in ((_ALT_LABEL, ", "), (_ALIAS, "|")):
        if (cell := row.get(var)) and (text := _text(cell)):
            lang = str(cell.get("xml:lang") or "en")
            for alias in text.split(sep):
                _add(person.aliases.setdefault(lang, []), alias.strip())
    gender_cell = row.get("gender") or row.get("genderLabel")
    gender = _qid(gender_cell) or _text(gender_cell)
    person.gender = person.gender or GENDERS.get(gender or "")
    _add(person.citizenships, _qid(_first(row, ("citizenship", "country"))))
    _add(person.surnames, _text(_first(row, ("familyNameLabel", "surname"))))
    position = _qid(row.get("position"))
    if position is None:
        return
    office = offices.setdefault(position, _Office())
    office.label = office.label or _text(row.get("positionLabel"))
    _add(office.classes, _qid(row.get("positionClass")))
    of = _qid(_first(row, ("jurisdiction", "of")))
    held = Held(
        position=position,
        start=_date(row, "start"),
        end=_date(row, "end"),
        of=(of,) if of else (),
        role=_text(row.get("role")),
    )
    if held not in person.held:
        person.held.append(held)


def sparql_records(
    data: Mapping[str, Any], langs: frozenset[str], stats: ReadStats
) -> Iterator[Record]:
    variables = set((data.get("head") or {}).get("vars") or [])
    if not variables & set(_PERSON):
        raise ConfigError(
            f"SPARQL result has no person variable (one of {', '.join(_PERSON)}); "
            f"it has {', '.join(sorted(variables)) or 'none'}"
        )
    people: dict[str, _Person] = {}
    offices: dict[str, _Office] = {}
    for row in (data.get("results") or {}).get("bindings") or []:
        stats.entities += 1
        qid = _qid(_first(row, _PERSON))
        if qid is None:
            stats.bad_lines += 1
            continue
        _read_row(row, people.setdefault(qid, _Person()), offices)
    for qid, office in offices.items():
        labels = {"en": office.label} if office.label else {}
        yield Thing(qid=qid, labels=labels, subclass_of=tuple(office.classes))
    for qid, person in people.items():
        yield Human(
            qid=qid,
            labels={k: v for k, v in person.labels.items() if k in langs or k == "mul"},
            aliases={
                k: tuple(v) for k, v in person.aliases.items() if v and (k in langs or k == "mul")
            },
            gender=person.gender,
            citizenships=tuple(person.citizenships),
            surnames=tuple(person.surnames),
            held=tuple(person.held),
        )
