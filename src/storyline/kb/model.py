"""The knowledge base: entities with multilingual surface forms, read from TOML files.

Format (documented in docs/kb.md): ``[[entity]]`` tables with ``id``, ``type``, ``name`` and
per-language lists under ``names``, ``adjectives`` and ``metonyms``; persons carry ``roles``.
Files are merged in order: an entity whose id appeared before is updated, later files win, so a
user overlay can correct the shipped data.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.errors import ConfigError

# Letters that Unicode does not decompose into a base letter plus a mark; without them a slug
# would drop the letter ("Strauß" -> "strau").
_SLUG_LETTERS = str.maketrans({"ł": "l", "ı": "i", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d"})


def slug(text: str) -> str:
    """An id fragment: lower-case ASCII letters and digits, words joined by hyphens. Shared by
    imported and discovered entity ids, so one name always gives one fragment."""
    ascii_text = unicodedata.normalize("NFKD", text.lower().translate(_SLUG_LETTERS))
    ascii_text = "".join(c for c in ascii_text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


ENTITY_TYPES = frozenset({"country", "organization", "person", "location", "group"})
FORM_KINDS = ("names", "adjectives", "metonyms")


@dataclass(frozen=True)
class Role:
    role: str
    of: str
    start: str | None = None
    end: str | None = None
    title: str | None = None  # the office's own word ("chancellor"), when it differs from role

    def valid_on(self, day: str | None) -> bool:
        """Whether the role was held on ISO date ``day`` (unknown dates count as valid)."""
        if day is None:
            return True
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    name: str
    wikidata: str | None = None
    country: str | None = None
    parent: str | None = None
    iso: str | None = None
    forms: dict[str, dict[str, tuple[str, ...]]] = field(
        default_factory=dict
    )  # kind -> lang -> forms
    ambiguous: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    gender: str | None = None  # persons: "f" / "m", for pronoun resolution

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """(form, kind, language) for every listed form, plus the display name."""
        yield self.name, "names", "und"
        for kind, by_lang in self.forms.items():
            for lang, forms in by_lang.items():
                for form in forms:
                    yield form, kind, lang


def _entity(raw: dict[str, Any], origin: str) -> Entity:
    try:
        eid, etype, name = raw["id"], raw["type"], raw["name"]
    except KeyError as exc:
        raise ConfigError(f"{origin}: entity without {exc.args[0]!r}: {raw}") from None
    if etype not in ENTITY_TYPES:
        raise ConfigError(f"{origin}: entity {eid} has unknown type {etype!r}")
    forms = {
        kind: {lang: tuple(v) for lang, v in raw.get(kind, {}).items()}
        for kind in FORM_KINDS
        if raw.get(kind)
    }
    roles = tuple(
        Role(
            r["role"],
            r["of"],
            r.get("start") or None,
            r.get("end") or None,
            r.get("title") if isinstance(r.get("title"), str) else None,
        )
        for r in raw.get("roles", [])
    )
    return Entity(
        id=eid,
        type=etype,
        name=name,
        wikidata=raw.get("wikidata") or None,
        country=raw.get("country") or None,
        parent=raw.get("parent") or None,
        iso=raw.get("iso") or None,
        forms=forms,
        ambiguous=tuple(raw.get("ambiguous", ())),
        roles=roles,
        gender=raw.get("gender") or None,
    )


def _merge(old: Entity, new: Entity) -> Entity:
    forms = {k: dict(v) for k, v in old.forms.items()}
    for kind, by_lang in new.forms.items():
        for lang, values in by_lang.items():
            seen = forms.setdefault(kind, {}).get(lang, ())
            forms[kind][lang] = seen + tuple(v for v in values if v not in seen)
    return Entity(
        id=old.id,
        type=new.type,
        name=new.name,
        wikidata=new.wikidata or old.wikidata,
        country=new.country or old.country,
        parent=new.parent or old.parent,
        iso=new.iso or old.iso,
        forms=forms,
        ambiguous=tuple(dict.fromkeys(old.ambiguous + new.ambiguous)),
        # An overlay adds offices; the same office (role, of, start) from a later file wins.
        roles=tuple({(r.role, r.of, r.start): r for r in (*old.roles, *new.roles)}.values()),
        gender=new.gender or old.gender,
    )


class KnowledgeBase:
    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.entities: dict[str, Entity] = {}
        for entity in entities:
            self.add(entity)

    def add(self, entity: Entity) -> None:
        old = self.entities.get(entity.id)
        self.entities[entity.id] = _merge(old, entity) if old else entity

    def __contains__(self, eid: object) -> bool:
        return eid in self.entities

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, eid: str) -> Entity | None:
        return self.entities.get(eid)

    def load_file(self, path: Path | str) -> None:
        origin = str(path)
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read knowledge base {origin}: {exc}") from None
        for raw in data.get("entity", []):
            self.add(_entity(raw, origin))


def shipped_kb_files() -> list[Path]:
    folder = resources.files("storyline") / "kb" / "data"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".toml"))


def demo_kb_file() -> Path:
    return Path(str(resources.files("storyline") / "demo" / "kb.toml"))


def load_kb(extra_files: Iterable[Path | str] = (), shipped: bool = True) -> KnowledgeBase:
    kb = KnowledgeBase()
    for path in [*(shipped_kb_files() if shipped else []), *extra_files]:
        kb.load_file(path)
    return kb


@lru_cache(maxsize=4)
def shared_kb(files: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped KB plus ``files``, parsed once per process and shared by every component
    that reads it (entities, quotes, positions, analysis). Treat it as read-only."""
    return load_kb(files)
