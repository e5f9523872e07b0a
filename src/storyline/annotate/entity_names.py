"""Comparing person names across spellings: transliteration keys and first-name checks.

"Zelenskyy", "Zelensky", "Selenskyj", "Zelenski" and "Zełenski" are one surname in four
transliterations (English, German, French/Polish); "Sergei"/"Sergey", "Peskov"/"Peskow",
"Orbán"/"Orban" likewise. ``translit_key`` maps them to one key; ``same_first_name`` decides
whether two first names can belong to one person (never merge "Anna Berg" with "Jonas Berg").
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from storyline.annotate.entity_text import fold

# Ordered rewrites from the German/French/Polish spellings towards one neutral key.
_REWRITES = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("sz", "sh"),
    ("cz", "ch"),
    ("kh", "h"),
    ("ch", "h"),
    ("ck", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("ou", "u"),
    ("oe", "o"),  # German spelt-out umlauts: "Joerg" ~ "Jörg" (folded to "jorg")
    ("ue", "u"),
    ("ae", "a"),
    ("w", "v"),
    ("z", "s"),
    ("j", "i"),
    ("y", "i"),
)
_DOUBLE = re.compile(r"(.)\1+")
# Fuzzy floor for two keys to count as one surname: high enough that "Berg"/"Borg" or
# "Hallan"/"Hallam" stay apart, low enough for one dropped or swapped letter in a long name.
SURNAME_SIMILARITY = 90.0
FIRST_NAME_SIMILARITY = 80.0


def translit_key(name: str) -> str:
    key = fold(name)
    key = re.sub(r"[^a-z\s-]", "", key)
    for old, new in _REWRITES:
        key = key.replace(old, new)
    key = re.sub(r"(?<=[^aeiou\s-])e\b", "", key)  # French final -e: "Poutine" ~ "Putin"
    return _DOUBLE.sub(r"\1", key).strip()


def split_name(name: str) -> tuple[str, str]:
    """(first names, surname): the surname is the last word ("Moretti-Vale" stays whole)."""
    parts = name.split()
    if len(parts) == 1:
        return "", parts[0]
    return " ".join(parts[:-1]), parts[-1]


def same_first_name(a: str, b: str) -> bool:
    """Whether two first names may be the same person's ("Sergei"/"Sergey", "J."/"Jörg")."""
    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb:
        return True  # one side has no first name: nothing contradicts
    if ka == kb:
        return True
    if (len(ka) == 1 or len(kb) == 1) and ka[0] == kb[0]:
        return True  # an initial
    return fuzz.ratio(ka, kb) >= FIRST_NAME_SIMILARITY and ka[0] == kb[0]


def same_surname(a: str, b: str) -> bool:
    ka, kb = translit_key(a), translit_key(b)
    return ka == kb or (len(ka) > 4 and fuzz.ratio(ka, kb) >= SURNAME_SIMILARITY)
