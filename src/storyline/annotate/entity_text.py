"""Small text helpers shared by the entity modules: folding, tokens, slugs.

Everything here keeps character offsets intact: ``fold`` maps one character to exactly one
character, and tokens carry their ``start``/``end`` in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters that carry no combining mark in Unicode (NFD leaves them alone) but that writers
# still drop: "Zełenski" is spelt "Zelenski" by half the press, "Støre" becomes "Store".
_EXTRA_FOLD = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ħ": "h", "ŀ": "l"}


def _fold_char(c: str) -> str:
    low = c.lower()
    if len(low) != 1:  # "İ".lower() is two characters: fold it by its base letter instead
        low = c
    base = unicodedata.normalize("NFD", low)[0]
    if base.isupper() and len(base.lower()) == 1:
        base = base.lower()
    return _EXTRA_FOLD.get(base, base)


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled lazily: each distinct character is folded once."""

    def __missing__(self, key: int) -> str:
        value = _fold_char(chr(key))
        self[key] = value
        return value


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Same-length, accent- and case-insensitive form of ``text`` (offsets stay valid)."""
    return text.translate(_TABLE)


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    is_cap: bool  # starts with a capital letter ("Brell", "DROVENIA")
    is_word: bool  # a word, not punctuation


# French elisions ("l'", "d'", "qu'") are tokens of their own so that "l'Assemblée" yields the
# name; other apostrophes and hyphens stay inside a word ("O'Neill", "Lindqvist-Aro").
_TOKEN = re.compile(r"(?i:qu|[ldnsjmct])['’](?=\w)|[^\W_]+(?:['’\-‐][^\W_]+)*|[^\s\w]")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    stop = len(text) if end is None else end
    out = []
    for m in _TOKEN.finditer(text, start, stop):
        word = m.group()
        first = word[0]
        out.append(Token(m.start(), m.end(), word, first.isupper(), first.isalnum()))
    return out


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` begins a sentence or line (only spaces/quotes since the last stop)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“”„«»‘’(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n–—-"


def words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string (easier to read and extend)."""
    return frozenset(text.split())
