"""Spelled-out numbers: per-language number words, magnitudes, fractions, German compounds."""

from __future__ import annotations

import re

from storyline.annotate.number_core import Lang

EN_SMALL = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
FR_SMALL = {
    "zéro": 0, "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
    "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70,
    "huitante": 80, "octante": 80, "nonante": 90,
}  # fmt: skip
# Words that multiply what precedes them. "m", "b" and "k" only count when glued to digits
# (or, for the French "M"/"Md", right before a currency), see ``number_tokens.classify``.
SCALES: dict[Lang, dict[str, float]] = {
    "en": {
        "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
        "mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "tln": 1e12,
    },
    "de": {
        "hundert": 1e2, "tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6,
        "mio": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billion": 1e12,
        "billionen": 1e12,
    },
    "fr": {
        "cent": 1e2, "cents": 1e2, "mille": 1e3, "million": 1e6, "millions": 1e6,
        "milliard": 1e9, "milliards": 1e9, "billion": 1e12, "billions": 1e12,
    },
}  # fmt: skip
GLUED_SCALES = {"k": 1e3, "K": 1e3, "M": 1e6, "mn": 1e6, "mio": 1e6, "b": 1e9, "B": 1e9}
GLUED_SCALES |= {"bn": 1e9, "tn": 1e12, "mrd": 1e9, "md": 1e9, "mds": 1e9, "mil": 1e6}
GLUED_SCALES |= {"million": 1e6, "millions": 1e6, "millionen": 1e6, "milliards": 1e9}
# Abbreviations written with a full stop ("40 Mio. Euro"): the stop belongs to the number.
DOTTED = {"mio", "mrd", "tsd", "md", "mds"}
# Unit letters glued to digits ("240km"): the digits are still a number. Any other glued
# letters ("5G", "3D", "1990s", "21st") mean a code, an ordinal or a decade.
GLUED_UNITS = {"km", "kms", "m", "kg", "t", "mm", "cm", "ha", "mi", "nm", "ft", "lbs", "lb"}
DOZEN = {"dozen", "dozens", "dutzend", "douzaine", "douzaines"}
ARTICLES: dict[Lang, frozenset[str]] = {
    "en": frozenset({"a", "an"}),
    "de": frozenset({"ein", "eine", "einen", "einem", "einer", "eines"}),
    "fr": frozenset({"un", "une"}),
}
AND_WORD: dict[Lang, str] = {"en": "and", "de": "\0", "fr": "et"}
# Fractions: word -> denominator. Singular ordinals ("a third", "un cinquième") are fractions
# only before "of"/"de" or at the end of a phrase: "a third country" is another country.
DENOMINATORS: dict[Lang, dict[str, int]] = {
    "en": {
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
        "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
        "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
        "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100, "thousandth": 1000,
        "thousandths": 1000,
    },
    "de": {
        "halb": 2, "halbe": 2, "halbes": 2, "halben": 2, "drittel": 3, "viertel": 4,
        "fünftel": 5, "sechstel": 6, "siebtel": 7, "achtel": 8, "neuntel": 9, "zehntel": 10,
        "hundertstel": 100, "tausendstel": 1000,
    },
    "fr": {
        "demi": 2, "demie": 2, "tiers": 3, "quart": 4, "quarts": 4, "quatrième": 4,
        "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
        "dixième": 10, "centième": 100, "millième": 1000,
    },
}  # fmt: skip


def _french_spellings(words: dict[str, int]) -> dict[str, int]:
    """Add plurals and the unaccented "-ieme" that plain-text sources often carry."""
    out = dict(words)
    for word, value in words.items():
        if word.endswith("ième"):
            bare = word.removesuffix("ième") + "ieme"
            out |= {word + "s": value, bare: value, bare + "s": value}
    return out


DENOMINATORS["fr"] = _french_spellings(DENOMINATORS["fr"])
PLAIN_FRACTIONS = frozenset(
    {"half", "halves", "quarter", "quarters", "tiers", "quart", "quarts", "demi", "demie"}
)
AFTER_FRACTION = frozenset({"of", "de", "des", "du", "d"})

# German number words are written as one word ("dreihundertneunundneunzigtausend"); they are
# cut into these pieces and checked against the order numbers are built in.
_DE_PARTS: dict[str, tuple[str, int]] = {
    "eins": ("U", 1), "ein": ("U", 1), "zwei": ("U", 2), "zwo": ("U", 2), "drei": ("U", 3),
    "vier": ("U", 4), "fuenf": ("U", 5), "sechs": ("U", 6), "sieben": ("U", 7),
    "acht": ("U", 8), "neun": ("U", 9), "zehn": ("T", 10), "elf": ("T", 11),
    "zwoelf": ("T", 12), "dreizehn": ("T", 13), "vierzehn": ("T", 14), "fuenfzehn": ("T", 15),
    "sechzehn": ("T", 16), "siebzehn": ("T", 17), "achtzehn": ("T", 18),
    "neunzehn": ("T", 19), "zwanzig": ("Z", 20), "dreissig": ("Z", 30), "vierzig": ("Z", 40),
    "fuenfzig": ("Z", 50), "sechzig": ("Z", 60), "siebzig": ("Z", 70), "achtzig": ("Z", 80),
    "neunzig": ("Z", 90), "und": ("N", 0), "hundert": ("H", 100), "tausend": ("K", 1000),
    "einhalb": ("X", 0), "anderthalb": ("A", 0),
}  # fmt: skip
_DE_PART_NAMES = sorted(_DE_PARTS, key=len, reverse=True)
_BELOW_1000 = "(?:U?H)?(?:UNZ|T|Z|U)?"
_DE_GRAMMAR = re.compile(rf"(?:{_BELOW_1000}K)?{_BELOW_1000}X?|A")


def _german_parts(word: str) -> list[str] | None:
    """Cut a German number word into known pieces (longest first, backtracking)."""
    if not word:
        return []
    for part in _DE_PART_NAMES:
        if word.startswith(part):
            rest = _german_parts(word[len(part) :])
            if rest is not None:
                return [part, *rest]
    return None


def german_number_word(word: str) -> tuple[float, float] | None:
    """(value, largest multiplier inside) of a German number word, or None.

    "fünfundzwanzigtausend" -> (25000, 1000); "zweieinhalb" -> (2.5, 1).
    """
    norm = word.casefold().replace("ß", "ss").replace("ü", "ue").replace("ö", "oe")
    parts = _german_parts(norm)
    if not parts:
        return None
    classes = "".join(_DE_PARTS[p][0] for p in parts)
    if not _DE_GRAMMAR.fullmatch(classes) or parts[-1] == "ein" or "eins" in parts[:-1]:
        return None
    total, cur, scale = 0.0, 0.0, 1.0
    for part in parts:
        kind, val = _DE_PARTS[part]
        if kind == "H":
            cur, scale = (cur or 1) * 100, max(scale, 100)
        elif kind == "K":
            total, cur, scale = total + (cur or 1) * 1000, 0.0, 1000
        elif kind == "X":
            cur += 0.5
        elif kind == "A":
            cur = 1.5
        else:
            cur += val
    return total + cur, scale
