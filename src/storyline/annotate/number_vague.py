"""Vague and approximate amounts named by a magnitude: "tens of thousands", "une douzaine"."""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.annotate.number_core import Core, Lang
from storyline.annotate.number_words import ARTICLES, EN_SMALL, FR_SMALL, german_number_word

_MAGNITUDE = {
    "dozen": 12, "dozens": 12, "ten": 10, "tens": 10, "hundred": 100, "hundreds": 100,
    "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
    "billions": 1e9, "dutzend": 12, "dutzende": 12, "dutzenden": 12, "hundert": 100,
    "hunderte": 100, "hunderten": 100, "tausend": 1e3, "tausende": 1e3, "tausenden": 1e3,
    "zehntausend": 1e4, "hunderttausend": 1e5, "millionen": 1e6, "milliarden": 1e9,
    "dizaines": 10, "centaines": 100, "milliers": 1e3, "milliards": 1e9, "dizaine": 10,
    "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
    "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1e3,
    "milliard": 1e9, "milliarde": 1e9, "zehn": 10,
}  # fmt: skip

Reader = Callable[[re.Match[str]], tuple[str, float, float]]
VagueRule = tuple[re.Pattern[str], Reader]


def _mag(*words: str | None) -> float:
    out = 1.0
    for w in words:
        if w:
            out *= _MAGNITUDE[w.casefold()]
    return out


def _several(m: re.Match[str]) -> tuple[str, float, float]:
    """2 to 9 times the magnitude: "a few thousand" -> 2000..9000 (the gold's convention)."""
    base = _mag(m.group("a"), m.groupdict().get("b"))
    if "couple" in m.group(0).casefold():
        return "vague", 2 * base, 3 * base
    return "vague", 2 * base, 9 * base


def _about(m: re.Match[str]) -> tuple[str, float, float]:
    value = _mag(m.group("a"), m.groupdict().get("b"))
    return "about", value, value


def _half(m: re.Match[str]) -> tuple[str, float, float]:
    share = 0.25 if (m.groupdict().get("f") or "").casefold() == "quarter" else 0.5
    value = _mag(m.group("a")) * share
    return ("about" if value == 6 else "exact"), value, value


_EN_MAG = r"(?P<a>dozen|hundred|thousand|million|billion)s?(?:\s+(?P<b>thousand|million))?"
_DE_MAG = r"(?P<a>dutzend|hundert|tausend|zehntausend|hunderttausend|millionen|milliarden)"
_FR_MAG = r"(?P<a>dizaines|centaines|milliers|millions|milliards)"
_FR_ABOUT = (
    r"(?P<a>dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|"
    r"soixantaine|centaine)"
)
_VAGUE_SOURCE: dict[Lang, list[tuple[str, Reader]]] = {
    "en": [
        (r"(?P<a>tens|hundreds|dozens)\s+of\s+(?P<b>thousands|millions|billions)", _several),
        (rf"(?:a\s+few|several|a\s+couple(?:\s+of)?|many)\s+{_EN_MAG}", _several),
        # "a half million" and "one and a half million" are read by the phrase parser
        (r"(?<!\ba\s)(?P<f>half|quarter)\s+(?:of\s+)?(?:a\s+)?(?P<a>dozen|million|billion)", _half),
        (r"(?:a|one)\s+(?P<a>dozen)", _about),
        (r"(?P<a>dozens|hundreds|thousands|millions|billions)", _several),
    ],
    "de": [
        (r"(?P<a>zehn|hundert)(?P<b>tausende[n]?)", _several),
        (rf"(?:einige[n]?|mehrere[n]?|ein\s+paar|etliche[n]?|viele[n]?)\s+{_DE_MAG}", _several),
        (r"ein(?:e|es)?\s+halbe[sn]?\s+(?P<a>dutzend|million|milliarde)", _half),
        (r"ein(?:e[mnrs]?)?\s+(?P<a>dutzend)", _about),
        (r"(?P<a>dutzende[n]?|hunderte[n]?|tausende[n]?)", _several),
    ],
    "fr": [
        (
            rf"(?:des|quelques|plusieurs|de\s+nombreu(?:x|ses))\s+{_FR_MAG}"
            r"(?:\s+de\s+(?P<b>milliers|millions|milliards))?",
            _several,
        ),
        (r"(?:une?\s+)?demi-(?P<a>douzaine|million|milliard)", _half),
        (rf"(?:une|la)\s+{_FR_ABOUT}(?:\s+de\s+(?P<b>milliers|millions))?", _about),
        (r"un\s+(?P<a>millier)", _about),
    ],
}
_VAGUE: dict[Lang, list[VagueRule]] = {
    lang: [(re.compile(rf"\b{src}\b", re.IGNORECASE), read) for src, read in rules]
    for lang, rules in _VAGUE_SOURCE.items()
}


def vague_cores(text: str, lang: Lang) -> list[Core]:
    """Amounts named by a magnitude rather than a number; earlier rules win overlaps."""
    found: list[Core] = []
    for pattern, read in _VAGUE[lang]:
        for m in pattern.finditer(text):
            if any(c.start < m.end() and m.start() < c.end for c in found):
                continue
            if _number_before(text, m.start(), lang):
                continue  # "3 dozens", "75 Millionen": the phrase parser reads those
            qualifier, low, high = read(m)
            if qualifier == "vague":
                core = Core(m.start(), m.end(), None, low, high, "vague")
            else:
                scale = _mag(m.group("a")) if qualifier == "exact" else 1.0
                core = Core(m.start(), m.end(), low, qualifier=qualifier, scale=scale)
            found.append(core)
    return found


def _number_before(text: str, start: int, lang: Lang) -> bool:
    prev = re.search(r"([^\W_]+)[\s\u00a0\u202f]*$", text[max(0, start - 40) : start])
    if prev is None:
        return False
    word = prev.group(1).casefold()
    if word.isdigit():
        return True
    if lang == "en":
        return word in EN_SMALL
    if lang == "fr":
        return word in FR_SMALL and word not in ("un", "une")
    return word not in ARTICLES["de"] and german_number_word(word) is not None
