"""Tokens of a text and what each one can be inside a number phrase."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.annotate.number_core import Lang
from storyline.annotate.number_formats import TOKEN
from storyline.annotate.number_words import (
    AND_WORD,
    ARTICLES,
    DENOMINATORS,
    DOZEN,
    EN_SMALL,
    FR_SMALL,
    GLUED_SCALES,
    SCALES,
    german_number_word,
)


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    digits: bool


def tokens(text: str) -> list[Tok]:
    return [
        Tok(m.start(), m.end(), m.group(), m.group().casefold(), m.group("num") is not None)
        for m in TOKEN.finditer(text)
    ]


@dataclass(frozen=True, slots=True)
class Word:
    kind: str  # num | small | compound | hundred | thousand | big | dozen | article | and | denom
    value: float = 0.0
    scale: float = 1.0


def _currency_near(text: str, tok: Tok) -> bool:
    before = text[max(0, tok.start - 3) : tok.start].rstrip()
    after = text[tok.end : tok.end + 2].lstrip()
    return (bool(before) and before[-1] in "$€£¥") or after[:1] in ("€", "$", "£")


def classify(
    toks: Sequence[Tok], j: int, text: str, lang: Lang, values: dict[int, float]
) -> Word | None:
    tok = toks[j]
    if tok.digits:
        return Word("num", values[j])
    prev = toks[j - 1] if j else None
    glued = prev is not None and prev.digits and prev.end == tok.start
    after_digits = prev is not None and prev.digits and not text[prev.end : tok.start].strip()
    if glued:
        scale = GLUED_SCALES.get(tok.text) or GLUED_SCALES.get(tok.low)
        if scale:
            return Word("big" if scale >= 1e6 else "thousand", scale, scale)
        if tok.text == "m" and prev is not None and _currency_near(text, prev):
            return Word("big", 1e6, 1e6)
        return None
    if after_digits and tok.low == "k" and not text[tok.end : tok.end + 1].isalpha():
        return Word("thousand", 1e3, 1e3)
    if lang == "fr" and tok.text in ("M", "Md", "Mds") and _currency_near(text, tok):
        scale = 1e6 if tok.text == "M" else 1e9
        return Word("big", scale, scale)
    low = tok.low
    scale = SCALES[lang].get(low)
    if scale is not None:
        kind = "hundred" if scale == 100 else "thousand" if scale == 1000 else "big"
        return Word(kind, scale, scale)
    if low in DOZEN:
        return Word("dozen", 12)
    denominator = DENOMINATORS[lang].get(low)
    if denominator is not None:
        return Word("denom", float(denominator))
    if low == AND_WORD[lang]:
        return Word("and")
    if lang == "en":
        if low in ARTICLES["en"]:
            return Word("article", 1)
        value = EN_SMALL.get(low)
        return None if value is None else Word("small", float(value))
    if lang == "fr":
        if low in ARTICLES["fr"]:
            return Word("article", 1)
        value = FR_SMALL.get(low)
        return None if value is None else Word("small", float(value))
    if low in ARTICLES["de"]:
        return Word("article", 1)
    parsed = german_number_word(low)
    if parsed is None:
        return None
    return Word("compound", parsed[0], parsed[1])
