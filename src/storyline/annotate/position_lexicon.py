"""Cue lexicons for positions: ``position_{en,de,fr}.toml`` compiled into regular expressions.

A lexicon file has sections (``cue``, ``mod``, ``noun``, ``pronoun``, ``frame``, ``offer``) of
named lists of regular-expression fragments. Each list becomes one case-insensitive pattern
that only matches whole words: a fragment may not start or end inside a word ("rule out" does
not fire in "overrule outright"). ``GAP`` inside a fragment stands for up to eight words, for
German separable verbs ("lehnten es ab", "schließt Hilfe nicht aus").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LANGUAGES = ("en", "de", "fr")
# Up to eight words between the parts of a separable verb: longer gaps cross into the next
# clause more often than they catch a real verb.
_GAP = r"\s+(?:[^\s.,;:!?]+\s+){0,8}?"
_SPACE = r"[\s\u00a0]+"


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long stop lists stay readable)."""
    return frozenset(text.split())


def lexicon_language(language: str | None) -> str:
    """The lexicon used for ``language``: its own when shipped, English otherwise."""
    code = (language or "en")[:2].casefold()
    return code if code in LANGUAGES else "en"


def compile_fragments(fragments: list[str]) -> re.Pattern[str] | None:
    """One whole-word pattern for a list of fragments (None for an empty list)."""
    if not fragments:
        return None
    parts = []
    # Longest first, so "only if" wins over "if" at the same position.
    for frag in sorted(fragments, key=len, reverse=True):
        frag = frag.replace(" GAP ", _GAP).replace(" ", _SPACE)
        parts.append(f"(?:{frag})")
    body = "|".join(parts)
    return re.compile(rf"(?<!\w)(?:{body})(?:(?<=\W)|(?!\w))", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    language: str
    patterns: dict[str, re.Pattern[str]]  # "section.key" -> pattern

    def has(self, name: str) -> bool:
        return name in self.patterns

    def finditer(
        self, name: str, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        pattern = self.patterns.get(name)
        if pattern is None:
            return iter(())
        return pattern.finditer(text, start, len(text) if end is None else end)

    def search(
        self, name: str, text: str, start: int = 0, end: int | None = None
    ) -> re.Match[str] | None:
        pattern = self.patterns.get(name)
        if pattern is None:
            return None
        return pattern.search(text, start, len(text) if end is None else end)

    def fullmatch(self, name: str, text: str) -> bool:
        pattern = self.patterns.get(name)
        return pattern is not None and pattern.fullmatch(text) is not None

    def names(self, section: str) -> list[str]:
        """The keys of one section, e.g. the offer kinds."""
        prefix = section + "."
        return [n.removeprefix(prefix) for n in self.patterns if n.startswith(prefix)]


@lru_cache(maxsize=8)
def load_lexicon(language: str) -> Lexicon:
    lang = lexicon_language(language)
    raw = (resources.files("storyline.annotate") / f"position_{lang}.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    patterns: dict[str, re.Pattern[str]] = {}
    for section, entries in data.items():
        for key, fragments in entries.items():
            compiled = compile_fragments(list(fragments))
            if compiled is not None:
                patterns[f"{section}.{key}"] = compiled
    return Lexicon(lang, patterns)
