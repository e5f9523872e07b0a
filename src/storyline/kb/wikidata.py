"""``storyline kb import``: Wikidata people as knowledge-base entries.

``kb_import(path)`` reads a Wikidata JSON dump (array or JSON Lines, optionally compressed),
``Special:EntityData`` JSON or a SPARQL JSON result (formats: ``wikidata_read``,
``wikidata_sparql``) and returns ``Entity`` objects for the humans in it: names and aliases per
language, family names, citizenship, gender and the offices they held, mapped to our role names
(``wikidata_roles``). ``to_toml(entities)`` writes them in the format of ``kb/data/*.toml``
(docs/kb.md), ready to list under ``[components.entities] kb_files``.

Identity: a person whose QID an existing KB entry carries keeps that entry's id, so an import
works as an overlay (new variants and roles for known people); anyone else gets
``person:<slug of the name>``, with the QID appended when the slug is taken.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import ConfigError, StorylineError
from storyline.kb.model import Entity, KnowledgeBase, Role, load_kb, slug
from storyline.kb.wikidata_read import (
    Human,
    ReadStats,
    Record,
    Thing,
    dump_entities,
    is_dump_line,
    open_text,
    record_from_entity,
    whole_file_entities,
)
from storyline.kb.wikidata_roles import describe_office
from storyline.kb.wikidata_sparql import sparql_records

DEFAULT_LANGS = ("en", "de", "fr", "es", "it", "pl", "ru", "uk")


# Letters that Unicode decomposition does not reduce to ASCII, for slugs.
@dataclass(frozen=True)
class ImportResult:
    entities: tuple[Entity, ...]
    genders: Mapping[str, str] = field(default_factory=dict)  # entity id -> f/m
    unmapped: Mapping[str, int] = field(default_factory=dict)  # office -> statements dropped
    skipped: int = 0  # humans without a usable name
    bad_lines: int = 0


def read_records(path: Path | str, langs: Iterable[str], stats: ReadStats) -> Iterator[Record]:
    """Records from any accepted input; the first non-blank line decides the shape."""
    path = Path(path)
    wanted = frozenset(langs)
    try:
        with open_text(path) as handle:
            head = [next((line for line in handle if line.strip()), "")]
            if head[0].strip() == "[":
                # The dump's "[" line, or a pretty-printed array: the next line tells.
                head.append(next((line for line in handle if line.strip()), ""))
            if is_dump_line(head[-1]):
                for entity in dump_entities(itertools.chain(head, handle), stats):
                    if (record := record_from_entity(entity, wanted)) is not None:
                        yield record
                return
            text = "".join(head) + handle.read()
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise ConfigError(f"cannot read Wikidata file {path}: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: not a Wikidata dump or SPARQL result ({exc})") from None
    if isinstance(data, dict) and "head" in data and "results" in data:
        yield from sparql_records(data, wanted, stats)
        return
    try:
        entities = whole_file_entities(data)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    for entity in entities:
        stats.entities += 1
        if (record := record_from_entity(entity, wanted)) is not None:
            yield record


def _qid_index(kb: KnowledgeBase, things: Mapping[str, Thing]) -> dict[str, str]:
    """QID -> KB id: entries that carry a QID, then countries known by ISO code (P298)."""
    index = {e.wikidata: e.id for e in kb.entities.values() if e.wikidata}
    for thing in things.values():
        if thing.iso3 and thing.qid not in index:
            index[thing.qid] = f"country:{thing.iso3.upper()}"
    return index


def _name(human: Human, langs: Sequence[str]) -> str | None:
    for lang in ("en", "mul", *langs):
        if human.labels.get(lang):
            return human.labels[lang]
    return None


def _forms(
    human: Human, things: Mapping[str, Thing], langs: Sequence[str]
) -> dict[str, tuple[str, ...]]:
    surnames = [things[q].labels for q in human.family_names if q in things]
    names: dict[str, tuple[str, ...]] = {}
    for lang in langs:
        # "mul" (labels valid in every language, common for names) is listed under English.
        keys = (lang, "mul") if lang == "en" else (lang,)
        values = [
            *(human.labels[k] for k in keys if k in human.labels),
            *(a for k in keys for a in human.aliases.get(k, ())),
            *(s[k] for s in surnames for k in keys if k in s),
            *(human.surnames if lang == "en" else ()),
        ]
        unique = tuple(dict.fromkeys(v.strip() for v in values if len(v.strip()) > 1))
        if unique:
            names[lang] = unique
    return names


@dataclass
class _Builder:
    kb: KnowledgeBase
    things: dict[str, Thing]
    langs: Sequence[str]
    extra: Mapping[str, tuple[str, ...]]
    index: dict[str, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    unmapped: Counter[str] = field(default_factory=Counter)

    def roles(self, human: Human) -> tuple[Role, ...]:
        roles: list[Role] = []
        for held in human.held:
            office = describe_office(held.position, self.things, self.extra)
            label = self.things.get(held.position, Thing(held.position)).labels.get("en")
            names = (held.role,) if held.role else office.roles
            if not names:
                self.unmapped[label or held.position] += 1
                continue
            # The statement's own qualifier beats the office's jurisdiction.
            of = next((self.index[q] for q in held.of if q in self.index), None)
            of = of or office.of_id or self.index.get(office.of_qid or "")
            if of is None:
                self.unmapped[f"{label or held.position} (jurisdiction unknown)"] += 1
                continue
            for name in names:
                if name == "president" and of.startswith("country:"):
                    name = "head_of_state"
                role = Role(name, of, held.start, held.end)
                if role not in roles:
                    roles.append(role)
        return tuple(sorted(roles, key=lambda r: (r.start or "", r.role)))

    def entity_id(self, human: Human, name: str) -> str:
        known = self.index.get(human.qid)
        if known and known.startswith("person:"):
            return known
        base = f"person:{slug(name) or human.qid.lower()}"
        eid = (
            base
            if base not in self.kb and base not in self.taken
            else f"{base}-{human.qid.lower()}"
        )
        self.taken.add(eid)
        return eid

    def country(self, human: Human, roles: tuple[Role, ...]) -> str | None:
        citizen = [self.index[q] for q in human.citizenships if q in self.index]
        of_roles = {r.of for r in roles}
        return next((c for c in citizen if c in of_roles), citizen[0] if citizen else None)


def import_file(
    path: Path | str,
    kb: KnowledgeBase | None = None,
    langs: Sequence[str] = DEFAULT_LANGS,
    offices: Mapping[str, tuple[str, ...]] | None = None,
) -> ImportResult:
    """Everything an import found, with what it had to leave out."""
    stats = ReadStats()
    humans: list[Human] = []
    things: dict[str, Thing] = {}
    for record in read_records(path, langs, stats):
        if isinstance(record, Human):
            humans.append(record)
        else:
            things[record.qid] = record
    if not stats.entities:
        raise ConfigError(f"{path}: no Wikidata entities or SPARQL rows found")
    kb = kb if kb is not None else load_kb()
    builder = _Builder(kb, things, langs, offices or {})
    builder.index = _qid_index(kb, things)
    entities: list[Entity] = []
    genders: dict[str, str] = {}
    skipped = 0
    for human in humans:
        name = _name(human, langs)
        if name is None:
            skipped += 1
            continue
        roles = builder.roles(human)
        eid = builder.entity_id(human, name)
        entities.append(
            Entity(
                id=eid,
                type="person",
                name=name,
                wikidata=human.qid,
                country=builder.country(human, roles),
                forms={"names": _forms(human, things, langs)},
                roles=roles,
            )
        )
        if human.gender:
            genders[eid] = human.gender
    return ImportResult(
        entities=tuple(entities),
        genders=genders,
        unmapped=dict(builder.unmapped),
        skipped=skipped,
        bad_lines=stats.bad_lines,
    )


def kb_import(
    path: Path | str,
    kb: KnowledgeBase | None = None,
    langs: Sequence[str] = DEFAULT_LANGS,
    offices: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Entity]:
    """KB entities for the people in a Wikidata dump or SPARQL result."""
    return list(import_file(path, kb, langs, offices).entities)


# --- TOML ---------------------------------------------------------------------------------

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(text: str) -> str:
    out = []
    for c in text:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_string(key)


def _array(values: Iterable[str]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def entity_toml(entity: Entity, gender: str | None = None) -> str:
    lines = ["[[entity]]", f"id = {toml_string(entity.id)}", f"type = {toml_string(entity.type)}"]
    lines.append(f"name = {toml_string(entity.name)}")
    for key in ("wikidata", "country", "parent", "iso"):
        value = getattr(entity, key)
        if value:
            lines.append(f"{key} = {toml_string(value)}")
    gender = gender or entity.gender
    if gender:
        lines.append(f"gender = {toml_string(gender)}")
    if entity.ambiguous:
        lines.append(f"ambiguous = {_array(entity.ambiguous)}")
    for kind, by_lang in entity.forms.items():
        if by_lang:
            lines.append(f"[entity.{kind}]")
            lines += [f"{_key(lang)} = {_array(forms)}" for lang, forms in by_lang.items()]
    for role in entity.roles:
        lines += ["[[entity.roles]]", f"role = {toml_string(role.role)}"]
        lines += [f"of = {toml_string(role.of)}", f"start = {toml_string(role.start or '')}"]
        lines.append(f"end = {toml_string(role.end or '')}")
        if role.title:
            lines.append(f"title = {toml_string(role.title)}")
    return "\n".join(lines) + "\n"


def to_toml(
    entities: Iterable[Entity], genders: Mapping[str, str] | None = None, comment: str = ""
) -> str:
    """KB TOML for ``entities``; ``comment`` becomes a ``#`` header."""
    genders = genders or {}
    header = "".join(f"# {line}".rstrip() + "\n" for line in comment.splitlines())
    body = "\n".join(entity_toml(e, genders.get(e.id)) for e in entities)
    return header + ("\n" if header and body else "") + body


# --- command line -------------------------------------------------------------------------


def _offices(specs: Iterable[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for spec in specs:
        qid, _, roles = spec.partition("=")
        if not re.fullmatch(r"Q[1-9][0-9]*", qid) or not roles:
            raise ConfigError(f"--office expects QID=ROLE[+ROLE], got {spec!r}")
        out[qid] = tuple(r for r in roles.split("+") if r)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="storyline kb import",
        description="Turn a Wikidata JSON dump or SPARQL JSON result into KB entries (TOML).",
    )
    parser.add_argument("path", help="dump (.json, .jsonl, .gz, .bz2), EntityData or SPARQL JSON")
    parser.add_argument("--out", help="write the TOML here instead of standard output")
    parser.add_argument("--lang", default=",".join(DEFAULT_LANGS), help="name languages")
    parser.add_argument(
        "--office",
        action="append",
        default=[],
        metavar="QID=ROLE[+ROLE]",
        help="map an office to roles, e.g. Q11696=head_of_state+head_of_government",
    )
    parser.add_argument(
        "--kb",
        action="append",
        default=[],
        metavar="FILE",
        help="an extra KB file whose QIDs map to ids (the shipped KB is always used)",
    )
    args = parser.parse_args(argv)
    try:
        langs = [lang.strip() for lang in args.lang.split(",") if lang.strip()]
        result = import_file(args.path, load_kb(args.kb), langs, _offices(args.office))
        text = to_toml(
            result.entities,
            result.genders,
            comment=f"Imported from {Path(args.path).name} by storyline kb import.",
        )
        if args.out:
            Path(args.out).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    except (StorylineError, OSError) as exc:
        print(f"storyline kb import: {exc}", file=sys.stderr)
        return 1
    roles = sum(len(e.roles) for e in result.entities)
    print(f"{len(result.entities)} people, {roles} roles", file=sys.stderr)
    if result.skipped or result.bad_lines:
        print(
            f"skipped {result.skipped} unnamed people, {result.bad_lines} bad lines",
            file=sys.stderr,
        )
    for office, count in sorted(result.unmapped.items(), key=lambda kv: -kv[1])[:20]:
        print(f"  not mapped to a role ({count}x): {office}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
