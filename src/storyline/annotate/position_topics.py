"""Topic terms as patterns: is a stretch of text about the question at stake?

A topic (``[[topic]]`` in a topics TOML) lists terms per language. A term matches case- and
inflection-tolerantly: its last word is cut to a stem ("soldiers" → "soldier", "Truppen" →
"truppe") that may be followed by an ending, and a one-word term may also end a compound
("Beobachtertruppe", "Logistiksoldaten"), which is how German builds its nouns. Terms of every
language are used for every document: articles quote each other across languages, and a
stray foreign term costs little.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Endings cut from a term's last word before matching, longest first; the stem keeps at least
# _MIN_STEM letters so that short words ("force") are not cut to nothing.
_ENDINGS = ("en", "es", "s", "n", "e", "x")
_MIN_STEM = 4


@dataclass(frozen=True)
class TopicTerms:
    id: str
    question: str
    pattern: re.Pattern[str] | None

    def found(self, text: str, start: int = 0, end: int | None = None) -> bool:
        if self.pattern is None:
            return False
        return self.pattern.search(text, start, len(text) if end is None else end) is not None

    def count(self, text: str) -> int:
        return 0 if self.pattern is None else sum(1 for _ in self.pattern.finditer(text))


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def _term_pattern(term: str) -> str | None:
    words = term.casefold().split()
    if not words:
        return None
    parts = [re.escape(w) for w in words[:-1]]
    last = re.escape(_stem(words[-1]))
    body = r"[\s\-]+".join([*parts, last + r"\w*"])
    if len(words) == 1:
        return rf"(?<!\w)\w*{body}"  # "Beobachtertruppe" ends with the term "Truppe"
    return rf"(?<!\w){body}"


def compile_topic(topic: Mapping[str, Any]) -> TopicTerms:
    terms: list[str] = []
    raw = topic.get("terms", {})
    if isinstance(raw, Mapping):
        for values in raw.values():
            terms.extend(str(v) for v in values)
    elif isinstance(raw, Iterable) and not isinstance(raw, str):
        terms.extend(str(v) for v in raw)
    patterns = [p for p in (_term_pattern(t) for t in dict.fromkeys(terms)) if p]
    pattern = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None
    return TopicTerms(str(topic["id"]), str(topic.get("question", "")), pattern)
