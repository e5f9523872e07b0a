"""Gazetteer lookup of KB surface forms (Aho-Corasick over a folded copy of the text).

Matching runs on a *folded* copy of the text that has exactly the same length as the original
(one character in, one character out: diacritics dropped, lower-cased), so every match offset is
valid in the original text. Case is then checked on the original: capitalised forms must start
with a capital, acronyms must match exactly ("US" the country, never "us"), and lower-case forms
(German/French adjectives) also match when capitalised at the start of a sentence.

Besides the listed forms the automaton holds *derived* inflections (``entity_forms``); a listed
form of any entity beats a derived one on the same key.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from storyline.annotate.entity_forms import derived_forms
from storyline.annotate.entity_text import fold, is_word_char
from storyline.document import EntityMention
from storyline.kb.model import KnowledgeBase

METHOD = {"names": "gazetteer", "adjectives": "adjective", "metonyms": "metonym"}
_KIND_ORDER = {"names": 0, "adjectives": 1, "metonyms": 2}
# KB forms may carry their article ("the Kremlin", "der Ukraine", "l'OTAN") so that they read
# naturally; a mention is the name itself, so the article is not part of the match.
_ARTICLE = re.compile(
    r"^(?:the|der|die|das|des|den|dem|le|la|les|du|au|aux|el|il|lo|gli|i)\s+|^(?:l|d)['’]",
    re.IGNORECASE,
)
# When the KB lists a form *only* with its article ("the Concord"), the bare word is too weak
# on its own, so the text must show an article right before it.
_ARTICLE_BEFORE = re.compile(
    r"(?:\b(?:the|der|die|das|des|den|dem|le|la|les|du|au|aux|el|il|lo|gli|i)\s+|\b[ld]['’])$",
    re.IGNORECASE,
)


def case_ok(form: str, found: str) -> bool:
    if len(form) > 1 and form.replace(".", "").isupper():  # acronym
        return found == form
    if form[:1].isupper():
        return found[:1].isupper()
    return True  # lower-case form: any case (sentence-initial adjectives, French demonyms)


@dataclass(frozen=True, slots=True)
class FormEntry:
    form: str
    entity: str
    type: str
    kind: str  # names | adjectives | metonyms
    ambiguous: bool  # listed in the entity's `ambiguous`: needs context to be linked
    derived: bool = False  # an inflection we generated, not a listed form
    article: bool = False  # listed only with an article: the text must have one before it


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    text: str
    entries: tuple[FormEntry, ...]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(e.entity for e in self.entries)

    @property
    def ambiguous(self) -> bool:
        """Only forms the KB marks as needing context."""
        return all(e.ambiguous for e in self.entries)

    @property
    def strong(self) -> tuple[FormEntry, ...]:
        """Entries that count on their own (not marked ambiguous)."""
        return tuple(e for e in self.entries if not e.ambiguous)

    @property
    def first(self) -> FormEntry:
        return self.entries[0]


def _entries(kb: KnowledgeBase) -> dict[str, list[FormEntry]]:
    entries: dict[str, list[FormEntry]] = defaultdict(list)

    def add(key: str, entry: FormEntry) -> None:
        if entry not in entries[key]:
            entries[key].append(entry)

    for entity in kb.entities.values():
        ambiguous = {fold(_ARTICLE.sub("", a.strip())) for a in entity.ambiguous}
        listed = [(f.strip(), kind, lang) for f, kind, lang in entity.surface_forms()]
        bare = {fold(f) for f, _, _ in listed if not _ARTICLE.match(f)}
        for raw, kind, lang in listed:
            form = _ARTICLE.sub("", raw)
            if len(form) < 2:
                continue
            key = fold(form)
            needs_article = form != raw and key not in bare
            amb = key in ambiguous
            add(key, FormEntry(form, entity.id, entity.type, kind, amb, False, needs_article))
            for variant in derived_forms(form, kind, lang, entity.type):
                add(
                    fold(variant),
                    FormEntry(variant, entity.id, entity.type, kind, amb, True, needs_article),
                )
    for values in entries.values():
        if any(not e.derived for e in values):
            values[:] = [e for e in values if not e.derived]
        values.sort(key=lambda e: (_KIND_ORDER[e.kind], e.entity))
    return entries


@dataclass
class Gazetteer:
    kb: KnowledgeBase
    _automaton: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        automaton = ahocorasick.Automaton()
        for key, values in _entries(self.kb).items():
            automaton.add_word(key, (len(key), tuple(values)))
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton

    def matches(self, text: str, folded: str | None = None) -> list[Match]:
        """Word-bounded, case-fitting matches; longest first, then leftmost; no overlaps.

        ``folded`` is ``fold(text)`` when the caller has it already."""
        if not len(self._automaton):
            return []
        candidates: list[Match] = []
        folded = fold(text) if folded is None else folded
        for end_idx, (length, entries) in self._automaton.iter(folded):
            start, end = end_idx - length + 1, end_idx + 1
            if start > 0 and is_word_char(text[start - 1]):
                continue
            if end < len(text) and is_word_char(text[end]):
                continue
            found = text[start:end]
            fitting = tuple(
                e
                for e in entries
                if case_ok(e.form, found)
                and (not e.article or _ARTICLE_BEFORE.search(text, max(0, start - 6), start))
            )
            if fitting:
                candidates.append(Match(start, end, found, fitting))
        candidates.sort(key=lambda c: (-(c.end - c.start), c.start))
        taken: list[Match] = []
        for cand in candidates:
            if all(cand.end <= t.start or cand.start >= t.end for t in taken):
                taken.append(cand)
        return sorted(taken, key=lambda c: c.start)

    def find(self, text: str) -> list[EntityMention]:
        """Mentions by lookup alone (no discovery or resolution; see ``annotate.entities``).

        A form two entities share stays unlinked (``method="ambiguous"``); a form the KB marks
        ambiguous is linked only when the same text names its entity unambiguously elsewhere.
        """
        found = self.matches(text)
        certain = {m.strong[0].entity for m in found if len({e.entity for e in m.strong}) == 1}
        mentions = []
        for m in found:
            strong_ids = {e.entity for e in m.strong}
            if not strong_ids:
                ids = m.ids & certain
                if len(ids) == 1:
                    entry = next(e for e in m.entries if e.entity in ids)
                    mentions.append(mention(m, entry, method="context", confidence=0.7))
            elif len(strong_ids) == 1:
                mentions.append(mention(m, m.strong[0]))
            else:
                mentions.append(mention(m, m.strong[0], entity=None))
        return mentions


def mention(
    m: Match,
    entry: FormEntry,
    *,
    entity: str | bool | None = True,
    method: str | None = None,
    confidence: float = 1.0,
) -> EntityMention:
    """The mention for one match, linked to ``entry``'s entity unless ``entity`` says otherwise."""
    linked = entry.entity if entity is True else (entity or None)
    return EntityMention(
        start=m.start,
        end=m.end,
        text=m.text,
        entity=linked,
        type=entry.type,
        method=method or (METHOD[entry.kind] if linked else "ambiguous"),
        confidence=confidence if linked else 0.0,
    )
