"""Entity mentions by gazetteer lookup over the knowledge base (Aho-Corasick).

Matching runs on a *folded* copy of the text that has exactly the same length as the original
(one character in, one character out: diacritics dropped, lower-cased), so every match offset is
valid in the original text. Case is then checked on the original: capitalised forms must start
with a capital, acronyms must match exactly ("US" the country, never "us"), and lower-case forms
(German/French adjectives) also match when capitalised at the start of a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import ahocorasick

from storyline.config import Config
from storyline.document import Document, EntityMention
from storyline.kb.model import KnowledgeBase, demo_kb_file, load_kb

_METHOD = {"names": "gazetteer", "adjectives": "adjective", "metonyms": "metonym"}
# KB forms may carry their article ("the Kremlin", "der Ukraine", "l'OTAN") so that they read
# naturally; a mention is the name itself, so the article is not matched.
_ARTICLE = re.compile(
    r"^(?:the|der|die|das|des|den|dem|le|la|les|du|au|aux|el|il|lo|gli|i)\s+|^(?:l|d)['’]",
    re.IGNORECASE,
)


def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base if len(base) == 1 else c


def fold(text: str) -> str:
    """Same-length, accent- and case-insensitive form of ``text``."""
    return "".join(_fold_char(c) for c in text)


def _case_ok(form: str, found: str) -> bool:
    if len(form) > 1 and form.isupper():  # acronym
        return found == form
    if form[:1].isupper():
        return found[:1].isupper()
    return True  # lower-case form: any case (sentence-initial adjectives)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


@dataclass(frozen=True)
class _Entry:
    form: str
    entity: str
    type: str
    kind: str
    ambiguous: bool  # listed in the entity's `ambiguous`: never linked on its own


@dataclass
class Gazetteer:
    kb: KnowledgeBase
    _automaton: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        entries: dict[str, list[_Entry]] = defaultdict(list)
        for entity in self.kb.entities.values():
            ambiguous = {fold(a) for a in entity.ambiguous}
            for form, kind, _lang in entity.surface_forms():
                form = _ARTICLE.sub("", form.strip())
                if len(form) < 2:
                    continue
                entry = _Entry(form, entity.id, entity.type, kind, fold(form) in ambiguous)
                key = fold(form)
                if entry not in entries[key]:
                    entries[key].append(entry)
        automaton = ahocorasick.Automaton()
        for key, values in entries.items():
            automaton.add_word(key, (len(key), tuple(values)))
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton

    def find(self, text: str) -> list[EntityMention]:
        if not len(self._automaton):
            return []
        candidates: list[tuple[int, int, tuple[_Entry, ...]]] = []
        for end_idx, (length, entries) in self._automaton.iter(fold(text)):
            start, end = end_idx - length + 1, end_idx + 1
            if start > 0 and _is_word_char(text[start - 1]):
                continue
            if end < len(text) and _is_word_char(text[end]):
                continue
            found = text[start:end]
            fitting = tuple(e for e in entries if _case_ok(e.form, found))
            # Forms marked ambiguous ("Georgia", "Jordan") only count when another entity
            # claims the same form unambiguously; on their own they are not evidence.
            fitting = tuple(e for e in fitting if not e.ambiguous)
            if fitting:
                candidates.append((start, end, fitting))
        # Longest match wins; among equals, the leftmost. Overlaps are dropped.
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int, tuple[_Entry, ...]]] = []
        for cand in candidates:
            if all(cand[1] <= s or cand[0] >= e for s, e, _ in taken):
                taken.append(cand)
        mentions = []
        for start, end, entries in sorted(taken, key=lambda c: c[0]):
            ids = {e.entity for e in entries}
            first = entries[0]
            # Two entities share this surface form: better unlinked than guessed.
            entity = first.entity if len(ids) == 1 else None
            mentions.append(
                EntityMention(
                    start=start,
                    end=end,
                    text=text[start:end],
                    entity=entity,
                    type=first.type,
                    method=_METHOD[first.kind] if entity else "ambiguous",
                    confidence=1.0 if entity else 0.0,
                )
            )
        return mentions


@lru_cache(maxsize=4)
def _gazetteer(files: tuple[str, ...]) -> Gazetteer:
    return Gazetteer(load_kb(files))


@dataclass
class Entities:
    files: tuple[str, ...]
    name: str = "entities"
    requires: frozenset[str] = frozenset({"text"})
    assigns: frozenset[str] = frozenset({"mentions"})

    def __call__(self, doc: Document) -> Document:
        return doc.with_(mentions=tuple(_gazetteer(self.files).find(doc.text)))


def make_entities(settings: Config, config: Config) -> Entities:
    files: Iterable[str] = settings.get("kb_files", [])
    resolved = tuple(str(demo_kb_file()) if f == "demo" else str(f) for f in files)
    return Entities(files=resolved)
