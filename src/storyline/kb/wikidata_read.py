"""Wikidata entities reduced to compact records: people, and the items their offices need.

The public JSON dump (``wikidata-*-all.json``) is a ``[`` line, one entity per line ending
in a comma, and a ``]`` line; JSON Lines (one entity per line) is read the same way, plain,
``.gz`` or ``.bz2``. Dumps are read line by line and each entity is cut down to the few fields
an import uses (``record_from_entity``), and entities no import can use are dropped at once, so
a filtered dump of any size streams through. ``Special:EntityData`` files and pretty-printed
arrays are read whole (``whole_file_entities``). SPARQL results: ``wikidata_sparql``.
"""

from __future__ import annotations

import bz2
import gzip
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from storyline.errors import ConfigError

HUMAN = "Q5"
FAMILY_NAME = "Q101352"
POSITION = "Q4164871"
GENDERS = {"Q6581072": "f", "Q6581097": "m", "female": "f", "male": "m"}
# Qualifiers on a "position held" (P39) statement naming what the office is of: P642 "of"
# (deprecated but still common on older statements) and P1001 "applies to jurisdiction".
OF_QUALIFIERS = ("P642", "P1001")
# Wikidata time precision: 11 day, 10 month, 9 year; anything coarser is useless for roles.
_PRECISION_CHARS = {11: 10, 10: 7, 9: 4}
ENTITY_PREFIX = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class Held:
    """One "position held" statement."""

    position: str
    start: str | None = None
    end: str | None = None
    of: tuple[str, ...] = ()
    role: str | None = None


@dataclass(frozen=True)
class Human:
    qid: str
    labels: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    gender: str | None = None
    citizenships: tuple[str, ...] = ()
    family_names: tuple[str, ...] = ()  # QIDs of family-name items
    surnames: tuple[str, ...] = ()  # family names given as text (SPARQL)
    held: tuple[Held, ...] = ()


@dataclass(frozen=True)
class Thing:
    """Any other item an import may need: an office, a class of offices, a country, a name."""

    qid: str
    labels: Mapping[str, str] = field(default_factory=dict)
    instance_of: tuple[str, ...] = ()
    subclass_of: tuple[str, ...] = ()
    jurisdiction: tuple[str, ...] = ()  # P1001
    country: tuple[str, ...] = ()  # P17
    iso3: str | None = None  # P298


Record = Human | Thing


@dataclass
class ReadStats:
    bad_lines: int = 0
    entities: int = 0


def wikidata_date(value: str, precision: int = 11) -> str | None:
    """``+2019-05-20T00:00:00Z`` at the given precision as ISO text, or None."""
    chars = _PRECISION_CHARS.get(precision)
    text = value.lstrip("+")
    if chars is None or value.startswith("-") or len(text) < chars:
        return None
    out = text[:chars]
    # Month- or year-precision values carry zeroed parts ("2019-00-00"); a zero part also
    # means the value is less precise than claimed.
    if out.endswith("-00") or out.endswith("-00-00"):
        return wikidata_date(value, precision - 1)
    return out


# --- the JSON dump and EntityData ---------------------------------------------------------


def _snak_value(snak: Mapping[str, Any]) -> Any:
    if snak.get("snaktype") != "value":
        return None
    return (snak.get("datavalue") or {}).get("value")


def _item_id(value: Any) -> str | None:
    if isinstance(value, dict):
        qid = value.get("id")
        return qid if isinstance(qid, str) else None
    return None


def _statements(claims: Mapping[str, Any], prop: str) -> list[Mapping[str, Any]]:
    # Deprecated statements are known to be wrong; the rest (preferred, normal) count.
    return [s for s in claims.get(prop, []) if s.get("rank") != "deprecated"]


def _item_ids(claims: Mapping[str, Any], prop: str) -> tuple[str, ...]:
    ids = (_item_id(_snak_value(s.get("mainsnak", {}))) for s in _statements(claims, prop))
    return tuple(dict.fromkeys(i for i in ids if i))


def _time(snaks: list[Mapping[str, Any]]) -> str | None:
    for snak in snaks:
        value = _snak_value(snak)
        if isinstance(value, dict) and isinstance(value.get("time"), str):
            return wikidata_date(value["time"], int(value.get("precision", 11)))
    return None


def _held(statement: Mapping[str, Any]) -> Held | None:
    position = _item_id(_snak_value(statement.get("mainsnak", {})))
    if position is None:
        return None
    qualifiers = statement.get("qualifiers", {})
    of = tuple(
        i
        for prop in OF_QUALIFIERS
        for snak in qualifiers.get(prop, [])
        if (i := _item_id(_snak_value(snak)))
    )
    return Held(
        position=position,
        start=_time(qualifiers.get("P580", [])),
        end=_time(qualifiers.get("P582", [])),
        of=of,
    )


def _labels(entity: Mapping[str, Any], langs: frozenset[str]) -> dict[str, str]:
    return {
        lang: str(v["value"])
        for lang, v in (entity.get("labels") or {}).items()
        if (lang in langs or lang == "mul") and isinstance(v, dict) and v.get("value")
    }


def record_from_entity(entity: Mapping[str, Any], langs: frozenset[str]) -> Record | None:
    """The compact record for one dump entity, or None when the importer has no use for it."""
    qid = entity.get("id")
    if not isinstance(qid, str) or not qid.startswith("Q"):
        return None  # properties and lexemes
    claims = entity.get("claims") or {}
    instance_of = _item_ids(claims, "P31")
    if HUMAN in instance_of:
        held = tuple(h for s in _statements(claims, "P39") if (h := _held(s)))
        gender = next((GENDERS[g] for g in _item_ids(claims, "P21") if g in GENDERS), None)
        aliases = {
            lang: tuple(str(a["value"]) for a in values if a.get("value"))
            for lang, values in (entity.get("aliases") or {}).items()
            if lang in langs or lang == "mul"
        }
        return Human(
            qid=qid,
            labels=_labels(entity, langs),
            aliases={k: v for k, v in aliases.items() if v},
            gender=gender,
            citizenships=_item_ids(claims, "P27"),
            family_names=_item_ids(claims, "P734"),
            held=held,
        )
    subclass_of = _item_ids(claims, "P279")
    jurisdiction = _item_ids(claims, "P1001")
    iso3 = next(
        (
            v
            for s in _statements(claims, "P298")
            if isinstance(v := _snak_value(s["mainsnak"]), str)
        ),
        None,
    )
    useful = subclass_of or jurisdiction or iso3 or {FAMILY_NAME, POSITION} & set(instance_of)
    if not useful:
        return None  # keeps a streamed dump's memory to what an import can use
    return Thing(
        qid=qid,
        labels=_labels(entity, langs),
        instance_of=instance_of,
        subclass_of=subclass_of,
        jurisdiction=jurisdiction,
        country=_item_ids(claims, "P17"),
        iso3=iso3,
    )


def open_text(path: Path) -> IO[str]:
    """The file as text, decompressing ``.gz`` and ``.bz2`` on the fly."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def is_dump_line(line: str) -> bool:
    """A complete entity object on one line, as in the dump and in JSON Lines."""
    text = line.strip().rstrip(",")
    if not text.startswith("{"):
        return False
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return False
    return isinstance(value, dict) and "id" in value and "head" not in value


def dump_entities(lines: Iterable[str], stats: ReadStats) -> Iterator[dict[str, Any]]:
    """Entity objects from dump lines: ``[``/``]`` and trailing commas are skipped, a line
    that is not JSON is counted in ``stats.bad_lines`` rather than ending the import."""
    for line in lines:
        text = line.strip().rstrip(",")
        if text in ("", "[", "]"):
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            stats.bad_lines += 1
            continue
        if isinstance(value, dict):
            stats.entities += 1
            yield value


def whole_file_entities(data: Any) -> list[dict[str, Any]]:
    """Entities of a JSON array, of ``Special:EntityData`` (``{"entities": {...}}``) or of a
    single pretty-printed entity."""
    values: Any = None
    if isinstance(data, list):
        values = data
    elif isinstance(data, dict) and isinstance(data.get("entities"), dict):
        values = list(data["entities"].values())
    elif isinstance(data, dict) and "id" in data:
        values = [data]
    if values is None:
        raise ConfigError("not a Wikidata dump, EntityData file or SPARQL result")
    return [v for v in values if isinstance(v, dict)]
