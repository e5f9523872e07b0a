"""Number expressions in English, German and French news text.

``find_numbers`` turns "up to 25,000", "rund 15.000", "vingt-cinq mille", "tens of thousands"
or "zwischen 3 und 6" into a value or bounds plus a qualifier. It knows which separator is the
decimal mark in which language, reads spelled-out numbers (German compounds such as
"fünfundzwanzigtausend", French "quatre-vingt-dix") and leaves alone what looks like a number
but is no amount: dates, years, times, ordinals, phone numbers, article and resolution numbers,
model names ("F-35") and "one of the".

What the fields mean:

- exact / about: ``value`` is the number; ``min`` and ``max`` are None;
- up_to / less_than: ``value`` is the stated number and ``max`` repeats it as the bound;
- more_than / at_least: ``value`` is the stated number and ``min`` repeats it;
- range / vague: ``value`` is None; ``min`` and ``max`` hold the bounds.

The span covers the qualifier ("up to 25,000"); when a currency symbol sits between the
qualifier and the number ("up to €40 million") it is inside the span too.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

Lang = Literal["en", "de", "fr"]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    start: int
    end: int
    text: str
    value: float | None
    min: float | None
    max: float | None
    qualifier: str  # exact | about | up_to | at_least | more_than | less_than | range | vague


@dataclass(frozen=True, slots=True)
class _Core:
    """A number before qualifiers and ranges are attached."""

    start: int
    end: int
    value: float | None
    min: float | None = None
    max: float | None = None
    qualifier: str = "exact"  # exact | about | vague at this stage
    scale: float = 1.0  # the magnitude word it ends with ("3 million" -> 1e6), for ranges
    digits: bool = False  # written with digits (only such numbers can be years or codes)
    plain: bool = False  # bare digits without separators or magnitude word ("2024")
    article: bool = False  # a lone "ein"/"un": a number only in a counting sense
    first_word: str = ""


def _language(language: str) -> Lang:
    code = (language or "en")[:2].casefold()
    if code == "de":
        return "de"
    if code == "fr":
        return "fr"
    return "en"


# ---------------------------------------------------------------------------------------------
# Digits
# ---------------------------------------------------------------------------------------------

_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_SPACES = "\u00a0\u202f\u2009 "  # no-break, narrow no-break, thin and plain space group digits
_NUMERAL = (
    r"(?<![\w.,])(?:"
    rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?"  # 25 000 | 1 234 567,89
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 25,000 | 1,234,567.89
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 25.000 | 1.234.567,89
    r"|\d+(?:[.,]\d+)?"  # 2500 | 2.5 | 2,5
    r"|[.,]\d+"  # .08
    rf")(?:[{_VULGAR}])?(?![.,]?\d)"  # 1½; "1,2,3" is a list, not a number
    rf"|(?<![\w.,])[{_VULGAR}]"
)
_TOKEN = re.compile(rf"(?P<num>{_NUMERAL})|(?P<word>[^\W\d_]+)")
_DECIMAL_MARK: dict[Lang, str] = {"en": ".", "de": ",", "fr": ","}


def numeral_value(raw: str, language: str) -> float:
    """Value of a digit string; which separator is the decimal mark depends on the language.

    With both "," and "." present the last one is the decimal mark. With one separator that
    is followed by exactly three digits, it groups thousands unless it is the language's
    decimal mark ("4.800" is 4.8 in English, 4800 in German); any other digit count after it
    makes it a decimal mark whatever the language ("2,5" is 2.5 everywhere).
    """
    compact = re.sub(f"[{_SPACES}]", "", raw)
    if compact[-1] in _VULGAR:
        whole = numeral_value(compact[:-1], language) if len(compact) > 1 else 0.0
        return whole + unicodedata.numeric(compact[-1])
    commas, dots = compact.count(","), compact.count(".")
    if commas and dots:
        mark = "," if compact.rfind(",") > compact.rfind(".") else "."
        other = "." if mark == "," else ","
        return float(compact.replace(other, "").replace(mark, "."))
    if commas + dots == 0:
        return float(compact)
    sep = "," if commas else "."
    if commas + dots > 1:
        return float(compact.replace(sep, ""))
    tail = compact.split(sep)[1]
    if len(tail) == 3 and sep != _DECIMAL_MARK[_language(language)]:
        return float(compact.replace(sep, ""))
    return float(compact.replace(sep, "."))


# ---------------------------------------------------------------------------------------------
# Number words
# ---------------------------------------------------------------------------------------------

_EN_SMALL = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_FR_SMALL = {
    "zéro": 0, "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
    "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70,
    "huitante": 80, "octante": 80, "nonante": 90,
}  # fmt: skip
# Words that multiply what precedes them. "m", "b" and "k" only count when glued to digits
# (or, for the French "M"/"Md", right before a currency), see ``_classify``.
_SCALES: dict[Lang, dict[str, float]] = {
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
_GLUED_SCALES = {"k": 1e3, "K": 1e3, "M": 1e6, "mn": 1e6, "mio": 1e6, "b": 1e9, "B": 1e9}
_GLUED_SCALES |= {"bn": 1e9, "tn": 1e12, "mrd": 1e9, "md": 1e9, "mds": 1e9, "mil": 1e6}
_GLUED_SCALES |= {"million": 1e6, "millions": 1e6, "millionen": 1e6, "milliards": 1e9}
# Abbreviations written with a full stop ("40 Mio. Euro"): the stop belongs to the number.
_DOTTED = {"mio", "mrd", "tsd", "md", "mds"}
# Unit letters glued to digits ("240km"): the digits are still a number. Any other glued
# letters ("5G", "3D", "1990s", "21st") mean a code, an ordinal or a decade.
_GLUED_UNITS = {"km", "kms", "m", "kg", "t", "mm", "cm", "ha", "mi", "nm", "ft", "lbs", "lb"}
_DOZEN = {"dozen", "dozens", "dutzend", "douzaine", "douzaines"}
_ARTICLES: dict[Lang, frozenset[str]] = {
    "en": frozenset({"a", "an"}),
    "de": frozenset({"ein", "eine", "einen", "einem", "einer", "eines"}),
    "fr": frozenset({"un", "une"}),
}
_AND: dict[Lang, str] = {"en": "and", "de": "\0", "fr": "et"}
# Fractions: word -> denominator. Singular ordinals ("a third", "un cinquième") are fractions
# only before "of"/"de" or at the end of a phrase: "a third country" is another country.
_DENOMINATORS: dict[Lang, dict[str, int]] = {
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


_DENOMINATORS["fr"] = _french_spellings(_DENOMINATORS["fr"])
_PLAIN_FRACTIONS = frozenset(
    {"half", "halves", "quarter", "quarters", "tiers", "quart", "quarts", "demi", "demie"}
)
_AFTER_FRACTION = frozenset({"of", "de", "des", "du", "d"})

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


# ---------------------------------------------------------------------------------------------
# Tokens and the phrase parser
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    digits: bool


def _tokens(text: str) -> list[_Tok]:
    return [
        _Tok(m.start(), m.end(), m.group(), m.group().casefold(), m.group("num") is not None)
        for m in _TOKEN.finditer(text)
    ]


_WORD_GAP = re.compile(r"[ \t\u00a0\u202f]*(?:\n[ \t]*)?(?:-[ \t\u00a0\u202f]*)?")
_SPACE_GAP = re.compile(r"[ \t\u00a0\u202f]*")


@dataclass(frozen=True, slots=True)
class _Word:
    kind: str  # num | small | compound | hundred | thousand | big | dozen | article | and | denom
    value: float = 0.0
    scale: float = 1.0


def _currency_near(text: str, tok: _Tok) -> bool:
    before = text[max(0, tok.start - 3) : tok.start].rstrip()
    after = text[tok.end : tok.end + 2].lstrip()
    return (bool(before) and before[-1] in "$€£¥") or after[:1] in ("€", "$", "£")


def _classify(
    toks: Sequence[_Tok], j: int, text: str, lang: Lang, values: dict[int, float]
) -> _Word | None:
    tok = toks[j]
    if tok.digits:
        return _Word("num", values[j])
    prev = toks[j - 1] if j else None
    glued = prev is not None and prev.digits and prev.end == tok.start
    after_digits = prev is not None and prev.digits and not text[prev.end : tok.start].strip()
    if glued:
        scale = _GLUED_SCALES.get(tok.text) or _GLUED_SCALES.get(tok.low)
        if scale:
            return _Word("big" if scale >= 1e6 else "thousand", scale, scale)
        if tok.text == "m" and prev is not None and _currency_near(text, prev):
            return _Word("big", 1e6, 1e6)
        return None
    if after_digits and tok.low == "k" and not text[tok.end : tok.end + 1].isalpha():
        return _Word("thousand", 1e3, 1e3)
    if lang == "fr" and tok.text in ("M", "Md", "Mds") and _currency_near(text, tok):
        scale = 1e6 if tok.text == "M" else 1e9
        return _Word("big", scale, scale)
    low = tok.low
    scale = _SCALES[lang].get(low)
    if scale is not None:
        kind = "hundred" if scale == 100 else "thousand" if scale == 1000 else "big"
        return _Word(kind, scale, scale)
    if low in _DOZEN:
        return _Word("dozen", 12)
    denominator = _DENOMINATORS[lang].get(low)
    if denominator is not None:
        return _Word("denom", float(denominator))
    if low == _AND[lang]:
        return _Word("and")
    if lang == "en":
        if low in _ARTICLES["en"]:
            return _Word("article", 1)
        value = _EN_SMALL.get(low)
        return None if value is None else _Word("small", float(value))
    if lang == "fr":
        if low in _ARTICLES["fr"]:
            return _Word("article", 1)
        value = _FR_SMALL.get(low)
        return None if value is None else _Word("small", float(value))
    if low in _ARTICLES["de"]:
        return _Word("article", 1)
    parsed = german_number_word(low)
    if parsed is None:
        return None
    return _Word("compound", parsed[0], parsed[1])


def _bare_ok(tok: _Tok, lang: Lang) -> bool:
    """A lone "hundert"/"tausend" is a number only in lower case: "Tausend" is also a name."""
    return lang != "de" or tok.text.islower()


def _additive(cur: float, value: float, lang: Lang) -> bool:
    """May ``value`` be added to the words read so far ("twenty" + "one", "cent" + "six")?"""
    if cur != int(cur):
        return False
    rest = int(cur) % 100
    if rest == 0:
        return value < 100
    if lang == "fr" and rest in (60, 80):  # soixante-dix, quatre-vingt-douze
        return value < 20
    if lang == "fr" and rest == 10:  # dix-sept
        return value < 10
    return rest >= 20 and rest % 10 == 0 and value < 10


@dataclass
class _Parse:
    """Mutable state of one phrase being read; only used inside ``_parse_at``."""

    total: float = 0.0
    cur: float = 0.0  # the group below a thousand being read
    cur_words: bool = False
    hundred: bool = False
    cap: float = math.inf  # the next thousand/million word must be smaller than this
    last: str = ""
    last_small: float = -1.0
    started: bool = False
    article: bool = False
    scale: float = 1.0
    good: tuple[int, float, float] | None = None  # (next token, value, scale) of last full read
    before_and: tuple[int, float, float] | None = None
    in_and: bool = False

    def commit(self, j: int) -> None:
        self.good = (j + 1, self.total + self.cur, self.scale)


def _fraction(p: _Parse, w: _Word, toks: Sequence[_Tok], j: int, text: str, lang: Lang) -> str:
    """A count over a denominator: "two thirds", "un quart", "ein Drittel"."""
    # p.cur is only a spelled count here: "2 quarters" is half a year of reports, no fraction
    if p.last == "article":
        count = 1.0
    elif p.last == "small" and p.total == 0 and not p.in_and and p.cur > 0:
        count = p.cur
    else:
        return "break"
    tok = toks[j]
    singular_ordinal = count == 1 and lang != "de" and tok.low not in _PLAIN_FRACTIONS
    if singular_ordinal and not _fraction_context(toks, j, text):
        return "break"
    p.cur, p.last, p.scale, p.started = count / w.value, "denom", 1.0, True
    p.commit(j)
    return "ok"  # "three quarters billion" reads on


def _fraction_context(toks: Sequence[_Tok], j: int, text: str) -> bool:
    after = toks[j + 1] if j + 1 < len(toks) else None
    if after is None:
        return True
    gap = text[toks[j].end : after.start]
    return after.low in _AFTER_FRACTION or bool(gap.strip(" \u00a0'’"))


def _mixed_fraction(
    toks: Sequence[_Tok], j: int, text: str, lang: Lang
) -> tuple[float, int] | None:
    """The share and last token of "and a half", "et demi", "et un quart" after "and"/"et"."""
    nxt = toks[j + 1 : j + 3]
    if not nxt:
        return None
    denoms = _DENOMINATORS[lang]
    first = nxt[0].low
    if lang == "fr" and first in ("demi", "demie", "quart"):
        return 1 / denoms[first], j + 1
    if len(nxt) == 2 and first in ("a", "an", "one", "un", "une") and nxt[1].low in denoms:
        if lang == "de" or nxt[1].low.endswith("s"):
            return None
        return 1 / denoms[nxt[1].low], j + 2
    return None


def _parse_at(
    toks: Sequence[_Tok], i: int, text: str, lang: Lang, values: dict[int, float]
) -> tuple[_Core, int] | None:
    """Read the longest number phrase starting at token ``i``."""
    p = _Parse()
    j = i
    while j < len(toks):
        tok = toks[j]
        if j > i:
            gap = text[toks[j - 1].end : tok.start]
            pattern = _SPACE_GAP if toks[j - 1].digits or tok.digits else _WORD_GAP
            if not pattern.fullmatch(gap):
                break
        word = _classify(toks, j, text, lang, values)
        if word is None:
            break
        stop = _step(p, word, toks, j, text, lang)
        if stop == "break":
            if word.kind in ("hundred", "thousand", "big", "dozen") and p.in_and:
                p.good = p.before_and
            break
        if stop == "skip":  # consumed a following "a half" / "demi"
            j = p.good[0] if p.good else j + 1
            continue
        if stop == "end":
            break
        j += 1
    if p.good is None:
        if p.article and lang != "en" and p.last == "article":
            tok = toks[i]
            return _Core(tok.start, tok.end, 1.0, article=True, first_word=tok.low), i + 1
        return None
    nxt, value, scale = p.good
    last_tok = toks[nxt - 1]
    end = last_tok.end
    if last_tok.low in _DOTTED and text[end : end + 1] == ".":
        end += 1
    first = toks[i]
    only_digits = nxt == i + 1 and first.digits
    core = _Core(
        start=first.start,
        end=end,
        value=value,
        scale=scale,
        digits=first.digits,
        plain=only_digits and first.text.isdigit(),
        first_word=first.low,
    )
    return core, nxt


def _step(p: _Parse, w: _Word, toks: Sequence[_Tok], j: int, text: str, lang: Lang) -> str:
    """Feed one classified token into the parse; "ok", "break", "skip" or "end"."""
    if w.kind == "num":
        # Digits never continue digits, and after "million" they rather start a new number
        # ("€40 million 2026 budget"); only "3 hundred and 21" reads on.
        joins = p.hundred and p.last == "and" and w.value < 100 and p.cur % 100 == 0
        if (p.started and not joins) or p.last == "article":
            return "break"
        p.cur += w.value
        p.cur_words, p.started, p.last, p.scale = False, True, "num", 1.0
        p.commit(j)
        return "ok"
    if w.kind == "small":
        if p.last == "article":
            return "break"
        if not p.started or (p.cur == 0 and p.last in ("thousand", "big")):
            p.cur, p.cur_words = w.value, True
        elif p.last == "num":
            return "break"
        elif lang == "fr" and p.last_small == 4 and w.value == 20 and p.last == "small":
            p.cur += 76  # quatre-vingt(s)
        elif p.last == "and" and lang == "fr":
            if not (int(p.cur) % 100 in (20, 30, 40, 50, 60) and w.value in (1, 11)):
                return "break"
            p.cur += w.value
        elif p.last_small == 0 or w.value == 0:
            return "break"  # "zero three" is two numbers
        elif (p.cur_words or p.last == "and") and _additive(p.cur, w.value, lang):
            p.cur += w.value
        else:
            return "break"
        p.started, p.last, p.last_small, p.scale = True, "small", w.value, 1.0
        p.commit(j)
        return "ok"
    if w.kind == "compound":
        if w.scale >= 1000:
            if p.started and not (p.cur == 0 and p.last == "big" and p.cap > 1000):
                return "break"
            p.total += w.value
            p.cap, p.last, p.scale = 1000.0, "thousand", 1.0
        else:
            if p.started and not (p.cur == 0 and p.last in ("thousand", "big")):
                return "break"
            p.cur, p.hundred, p.cur_words, p.last, p.scale = (
                w.value,
                w.scale >= 100,
                True,
                "small",
                1.0,
            )
        p.started = True
        p.commit(j)
        return "ok"
    if w.kind == "hundred":
        after_digits = j > 0 and toks[j - 1].digits
        if lang == "fr" and (p.last == "num" or (not p.started and after_digits)):
            return "break"  # "50 cents" is money, not 5000 or 50 and 100
        if lang == "fr" and not p.started and toks[j].low == "cents":
            return "break"  # the plural only follows a count: "deux cents"
        words = p.last != "num"
        if (not p.started and _bare_ok(toks[j], lang)) or p.last == "article":
            p.cur = 100
        elif 0 < p.cur < 100 and not p.hundred and p.last in ("small", "num"):
            p.cur *= 100
        else:
            return "break"
        p.hundred, p.started, p.last, p.scale, p.cur_words = True, True, "hundred", 100.0, words
        p.commit(j)
        return "ok"
    if w.kind in ("thousand", "big"):
        if p.cap <= w.value:
            return "break"
        bare = not p.started and lang != "en" and w.kind == "thousand" and _bare_ok(toks[j], lang)
        if p.last == "article" or bare:
            p.total += w.value
        elif p.started and p.cur > 0 and p.last != "and":
            p.total += p.cur * w.value
        else:
            return "break"
        p.cur, p.hundred, p.cap, p.started = 0.0, False, w.value, True
        p.last, p.scale, p.in_and = w.kind, w.value, False
        p.commit(j)
        return "ok"
    if w.kind == "dozen":
        if p.last not in ("small", "num") or not 0 < p.cur < 100 or p.hundred:
            return "break"
        p.cur *= 12
        p.last, p.scale = "dozen", 1.0
        p.commit(j)
        return "end"
    if w.kind == "article":
        if p.started and lang == "fr":  # "vingt et un", "cent un": here "un" is the number
            return _step(p, _Word("small", 1), toks, j, text, lang)
        if p.started:
            return "break"
        p.article, p.last = True, "article"
        return "ok"
    if w.kind == "denom":
        return _fraction(p, w, toks, j, text, lang)
    # "and" / "und" / "et"
    mixed = _mixed_fraction(toks, j, text, lang)
    if mixed is not None and p.last in ("small", "num", "big", "thousand"):
        share, last = mixed
        if p.last in ("big", "thousand"):
            p.total += share * p.scale  # "un million et demi"
        else:
            p.cur += share
        p.commit(last)
        return "skip"
    if lang == "en" and p.last in ("hundred", "thousand", "big"):
        p.before_and, p.in_and, p.last = p.good, True, "and"
        return "ok"
    if lang == "fr" and p.last == "small":
        p.before_and, p.in_and, p.last = p.good, True, "and"
        return "ok"
    return "break"


# ---------------------------------------------------------------------------------------------
# Vague and approximate amounts ("tens of thousands", "une douzaine")
# ---------------------------------------------------------------------------------------------

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


def _vague_cores(text: str, lang: Lang) -> list[_Core]:
    """Amounts named by a magnitude rather than a number; earlier rules win overlaps."""
    found: list[_Core] = []
    for pattern, read in _VAGUE[lang]:
        for m in pattern.finditer(text):
            if any(c.start < m.end() and m.start() < c.end for c in found):
                continue
            if _number_before(text, m.start(), lang):
                continue  # "3 dozens", "75 Millionen": the phrase parser reads those
            qualifier, low, high = read(m)
            if qualifier == "vague":
                core = _Core(m.start(), m.end(), None, low, high, "vague")
            else:
                scale = _mag(m.group("a")) if qualifier == "exact" else 1.0
                core = _Core(m.start(), m.end(), low, qualifier=qualifier, scale=scale)
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
        return word in _EN_SMALL
    if lang == "fr":
        return word in _FR_SMALL and word not in ("un", "une")
    return word not in _ARTICLES["de"] and german_number_word(word) is not None


# ---------------------------------------------------------------------------------------------
# What is not an amount
# ---------------------------------------------------------------------------------------------

_MONTHS = {
    "en": "January|February|March|April|May|June|July|August|September|October|November|"
    "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec",
    "de": "Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|"
    "November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez",
    "fr": "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre|janv|févr|avr|juil|sept|oct|nov|déc",
}
_BLOCKED_ALL = [
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b",  # 17.05.2018, 5/17/2018, 2024-03-16
    r"\b\d{1,3}(?:\.\d{1,3}){3}\b",  # 192.168.1.2
    r"\b(?:19|20)\d{2}\s?[-–/]\s?(?:(?:19|20)\d{2}|\d{2})\b(?![.,]\d)",  # 2023-24
    r"(?<![\w])\+\d[\d \-/().]{5,}\d",  # phone numbers
    r"\b\d{1,2}[:h]\d{2}\b",  # 14:30, 14h30
    r"(?<![\w-])[A-Za-z]{1,6}-\d+",  # F-35, COVID-19, mid-2024
    r"\b\d{1,2}(?:[.:]\d{2})?\s*Uhr\b",
    r"\b\d{1,2}\s*o['’]clock\b",
]
_BLOCKED: dict[Lang, list[str]] = {
    "en": [
        r"\b\d+(?:st|nd|rd|th)\b",
        # "twenty-fifth": an ordinal, not twenty fifths
        r"(?i:\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+"
        r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b)",
        r"\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b)",  # 2 pm
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS['en']})\b",
        rf"\b(?:{_MONTHS['en']})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",
        rf"\b(?:{_MONTHS['en']})\s+\d{{4}}\b",
    ],
    "de": [
        rf"\b\d{{1,2}}\.\s*(?:{_MONTHS['de']})\b",
        rf"\b(?:{_MONTHS['de']})\s+\d{{4}}\b",
        r"(?i:\b(?:der|die|das|dem|den|des|am|im|zum|zur|vom|beim))\s+\d{1,3}\.(?=\s)",
        r"\b\d{1,3}\.(?=\s+[a-zäöü])",  # "die 3. größte", "zum 2. Mal" is above
        r"\b\d{1,2}\s*h\b",
    ],
    "fr": [
        r"\b\d+(?:er|re|e|ème|eme|ᵉ|è)\b",
        r"(?i:\b(?:vingt|trente|quarante|cinquante|soixante|septante|huitante|octante|nonante|"
        r"cent|mille)(?:[\s-]+et)?[\s-]+[^\W\d_]*i[eè]me\b)",  # vingt-cinquième
        rf"\b(?:1er|\d{{1,2}})\s+(?:{_MONTHS['fr']})\b",
        rf"(?i:\b(?:{_MONTHS['fr']}))\s+\d{{4}}\b",
        r"\b\d{1,2}\s*h(?:\s*\d{2})?\b",
    ],
}
# Each pattern runs on its own: "16 March 2026" must block both the day and the year.
_BLOCKED_RE: dict[Lang, list[re.Pattern[str]]] = {
    lang: [re.compile(p) for p in _BLOCKED_ALL + extra] for lang, extra in _BLOCKED.items()
}


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Four-digit numbers in this span can be years; older years are rare in news and counts
# like "1500 Soldaten" are not.
_YEARS = (1900, 2099)
# Words after which a four-digit number is a year.
_YEAR_BEFORE: dict[Lang, frozenset[str]] = {
    "en": _words(
        "in since until till by from of during before after year years fiscal early late mid "
        "spring summer autumn fall winter circa"
    ),
    "de": _words(
        "im in seit bis von ab vor nach jahr jahres jahre jahren anfang ende mitte frühjahr "
        "sommer herbst winter"
    ),
    "fr": _words(
        "en depuis jusqu année an dès avant après début fin mi printemps été automne hiver vers"
    ),
}
# Numbers that are labels: "Article 5", "Resolution 2334", "S. 5", "No. 10".
_REFERENCE = re.compile(
    r"(?:\b(?i:articles?|art|artikel|resolutions?|résolutions?|section|sections|paragraphs?|"
    r"paragraphes?|absatz|abs|chapters?|chapitres?|kapitel|numbers?|nummer|numéro|pages?|seite|"
    r"flights?|flug|vol|route|highway|autobahn|version|room|platform|gleis|lines?|linie|ligne|"
    r"exit|ausfahrt|sortie|items?|points?|punkt|alinéa|annex|anhang|annexe|protocols?|"
    r"protokoll|rules?|regel|règle|levels?|stufe|niveau|phase|stage|category|kategorie|"
    r"catégorie|class|klasse|classe|code|ziffer|title|titel|titre|volume|tome|episode|folge|"
    r"season|staffel|saison|tranche|lot|bus|zone|sector|sektor|secteur|district|bezirk|"
    r"arrondissement|nr|types?|typ|models?|modell|modèle|series|serie|série|block|mk)\.?"
    r"|(?<![\w.])(?:No|Nos|Nr|S|p|pp|no|nr)\.|\bNo|[#§№°])[\s\u00a0]*$"
)
_YEAR_PAIR = re.compile(
    r"\b(?:19|20)\d{2}[\s\u00a0]+(?:to|and|through|bis|und|à|au|et)[\s\u00a0]+$"
)
_YEAR_PAIR_AFTER = re.compile(
    r"[\s\u00a0]+(?:to|and|through|bis|und|à|au|et)[\s\u00a0]+(?:19|20)\d{2}\b(?![.,]?\d)"
)
_ONE_BEFORE = _words("no the this that which any every each another a such")
_ONE_AFTER = _words("of another by after")
_COUNTING_DE = _words("nur lediglich genau bloß bloss gerade")


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([^\W\d_]+)['’]?[\s\u00a0]*$", text[max(0, start - 30) : start])
    return m.group(1).casefold() if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"[\s\u00a0]*([^\W\d_]+)", text[end : end + 30])
    return m.group(1).casefold() if m else ""


def _keep(core: _Core, text: str, lang: Lang) -> bool:
    before = text[max(0, core.start - 40) : core.start]
    if core.digits and _REFERENCE.search(before):
        return False
    prev, nxt = _prev_word(text, core.start), _next_word(text, core.end)
    if core.article:
        if lang == "de":
            return prev in _COUNTING_DE or nxt.startswith("einzig")
        return nxt in ("seul", "seule")
    if lang == "fr" and core.first_word in ("cent", "cents") and prev == "pour":
        return False  # "pour cent" is the percent sign
    if core.plain and core.value is not None and _YEARS[0] <= core.value <= _YEARS[1]:
        if prev in _YEAR_BEFORE[lang] or re.fullmatch(_MONTHS[lang], prev, re.IGNORECASE):
            return False
        if re.match(rf"\s*(?:{_MONTHS[lang]})\b", text[core.end :]):
            return False
        if _YEAR_PAIR.search(before) or _YEAR_PAIR_AFTER.match(text, core.end):
            return False
        if before.endswith("(") and text[core.end : core.end + 1] == ")":
            return False
    if lang == "en" and core.first_word == "one" and core.value == 1:
        if prev in _ONE_BEFORE or nxt in _ONE_AFTER:
            return False
        if re.match(r"-[^\W\d_]", text[core.end : core.end + 2]):
            return False  # one-sided, one-off
    return True


# ---------------------------------------------------------------------------------------------
# Ranges and qualifiers
# ---------------------------------------------------------------------------------------------

_CONNECTOR: dict[Lang, str] = {
    "en": r"to|or|through|and",
    "de": r"bis|oder|und",
    "fr": r"à|ou|et",
}
_RANGE_PREFIX: dict[Lang, str] = {
    "en": r"between|from",
    "de": r"zwischen|von",
    "fr": r"entre|de|d['’]",
}
_NEEDS_PREFIX = {"and", "und", "et"}  # "3 and 6" is a range only after "between"
_BETWEEN = {"between", "zwischen", "entre"}
_CHANGE_VERB = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas\w*|gr[eo]w\w*|f[ae]ll\w*|dropp?\w*|cut|rais\w*|"
    r"reduc\w*|jump\w*|climb\w*|doubl\w*|stieg\w*|gestiegen|erhöh\w*|gesenkt|senk\w*|sank|"
    r"gesunken|verringer\w*|passé|passer|pass\w*|augment\w*|baiss\w*|réduit\w*|réduire)"
    r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_CURRENCY_SIGN = r"(?:US|C|A|HK|NZ)?\$|[€£¥]|\b(?:EUR|USD|GBP|CHF)\b"


def _merge_ranges(cores: list[_Core], text: str, lang: Lang) -> list[_Core]:
    out: list[_Core] = []
    gap_re = re.compile(
        rf"[\s\u00a0]*(?:(?P<dash>[-–—])|(?P<word>{_CONNECTOR[lang]}))[\s\u00a0]*"
        rf"(?:{_CURRENCY_SIGN})?[\s\u00a0]*",
        re.IGNORECASE,
    )
    prefix_re = re.compile(rf"\b(?P<p>{_RANGE_PREFIX[lang]})[\s\u00a0]*$", re.IGNORECASE)
    i = 0
    while i < len(cores):
        a = cores[i]
        b = cores[i + 1] if i + 1 < len(cores) else None
        merged = _range(a, b, text, gap_re, prefix_re) if b is not None else None
        if merged is not None:
            out.append(merged)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _range(
    a: _Core, b: _Core, text: str, gap_re: re.Pattern[str], prefix_re: re.Pattern[str]
) -> _Core | None:
    if a.qualifier == "vague" or b.qualifier == "vague" or a.value is None or b.value is None:
        return None
    gap = gap_re.fullmatch(text[a.end : b.start])
    if gap is None:
        return None
    prefix = prefix_re.search(text[max(0, a.start - 20) : a.start])
    prefix_word = prefix.group("p").casefold() if prefix is not None else ""
    if (gap.group("word") or "").casefold() in _NEEDS_PREFIX and prefix_word not in _BETWEEN:
        return None
    if gap.group("dash") and not (a.digits and b.digits):
        return None
    if prefix is not None and prefix_word not in _BETWEEN:
        lead = text[max(0, a.start - 80) : a.start - len(prefix.group(0))]
        if _CHANGE_VERB.search(lead):
            return None  # "rose from 3,000 to 5,000" is a change, not a range
    low, high = a.value, b.value
    if a.scale == 1 and b.scale > 1 and low < high / b.scale:
        low *= b.scale  # "2 to 3 million"
    if not low < high:
        return None
    start = a.start - len(prefix.group(0)) if prefix is not None else a.start
    return _Core(start, b.end, None, low, high, "range", b.scale, a.digits)


_QUALIFIERS: dict[Lang, dict[str, str]] = {
    "en": {
        "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "no more than": "up_to",
        "not more than": "up_to", "at most": "up_to", "a maximum of": "up_to",
        "more than": "more_than", "over": "more_than", "above": "more_than",
        "in excess of": "more_than", "upwards of": "more_than", "exceeding": "more_than",
        "well over": "more_than", "just over": "more_than", "at least": "at_least",
        "no fewer than": "at_least", "no less than": "at_least", "not less than": "at_least",
        "a minimum of": "at_least", "about": "about", "around": "about", "roughly": "about",
        "some": "about", "approximately": "about", "approx.": "about", "an estimated": "about",
        "estimated": "about", "nearly": "about", "almost": "about", "close to": "about",
        "circa": "about", "ca.": "about", "fewer than": "less_than", "less than": "less_than",
        "under": "less_than", "below": "less_than", "just under": "less_than",
        "greater than": "more_than", "larger than": "more_than", "bigger than": "more_than",
        "higher than": "more_than", "smaller than": "less_than", "lower than": "less_than",
        "greater than or equal to": "at_least", "more than or equal to": "at_least",
        "equal to or more than": "at_least", "equal to or greater than": "at_least",
        "less than or equal to": "up_to", "equal to or less than": "up_to",
    },
    "de": {
        "bis zu": "up_to", "höchstens": "up_to", "maximal": "up_to", "nicht mehr als": "up_to",
        "mehr als": "more_than", "über": "more_than", "weit über": "more_than",
        "gut": "more_than", "mindestens": "at_least", "wenigstens": "at_least",
        "zumindest": "at_least", "nicht weniger als": "at_least", "rund": "about",
        "etwa": "about", "ungefähr": "about", "circa": "about", "ca.": "about",
        "zirka": "about", "annähernd": "about", "fast": "about", "beinahe": "about",
        "nahezu": "about", "knapp": "about", "schätzungsweise": "about",
        "weniger als": "less_than", "unter": "less_than", "größer als": "more_than",
        "höher als": "more_than", "kleiner als": "less_than", "niedriger als": "less_than",
    },
    "fr": {
        "jusqu'à": "up_to", "jusqu’à": "up_to", "au plus": "up_to", "au maximum": "up_to",
        "tout au plus": "up_to", "pas plus de": "up_to", "plus de": "more_than",
        "plus d'": "more_than", "plus d’": "more_than", "au-delà de": "more_than",
        "bien plus de": "more_than", "au moins": "at_least", "au minimum": "at_least",
        "pas moins de": "at_least", "environ": "about", "près de": "about",
        "près d'": "about", "près d’": "about", "quelque": "about", "autour de": "about",
        "approximativement": "about", "à peu près": "about", "presque": "about",
        "quasiment": "about", "pas loin de": "about", "moins de": "less_than",
        "moins d'": "less_than", "moins d’": "less_than", "supérieur à": "more_than",
        "supérieure à": "more_than", "supérieurs à": "more_than", "supérieures à": "more_than",
        "inférieur à": "less_than", "inférieure à": "less_than", "inférieurs à": "less_than",
        "inférieures à": "less_than", "supérieur ou égal à": "at_least",
        "inférieur ou égal à": "up_to",
    },
}  # fmt: skip


def _qualifier_re(lang: Lang) -> re.Pattern[str]:
    phrases = sorted(_QUALIFIERS[lang], key=len, reverse=True)
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"[\s\u00a0]+") for p in phrases)
    return re.compile(
        rf"(?<![\w-])(?P<q>{alternatives})(?:(?<=['’])|[\s\u00a0]+|(?<=\.))"
        rf"(?:(?:{_CURRENCY_SIGN})[\s\u00a0]*)?$",
        re.IGNORECASE,
    )


_QUALIFIER_RE = {lang: _qualifier_re(lang) for lang in _QUALIFIERS}
_RATIO_WORDS = re.compile(r"(?i:over|under|above|below|über|unter)$")
_ENDS_WITH_NUMBER = re.compile(r"\d[\s\u00a0]*$")


_SYMBOLS = re.compile(r"(?P<q>>=|<=|≥|≤|>|<)[\s\u00a0]*$")
_SYMBOL_QUALIFIERS = {
    ">=": "at_least", "≥": "at_least", "<=": "up_to", "≤": "up_to", ">": "more_than",
    "<": "less_than",
}  # fmt: skip
# "20 or more countries", "500 oder mehr", "20-plus": the qualifier follows the number.
_SUFFIXES: dict[Lang, re.Pattern[str]] = {
    "en": re.compile(
        r"(?:[\s\u00a0]+or[\s\u00a0]+(?:(?P<up>more|greater|above|over)|(?P<down>less|fewer|"
        r"below|under))\b|(?P<plus>-plus\b|\+))",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"(?:[\s\u00a0]+(?:oder|und)[\s\u00a0]+(?:(?P<up>mehr)|(?P<down>weniger))\b"
        r"|(?P<plus>\+))",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"(?:[\s\u00a0]+(?:ou|et)[\s\u00a0]+(?:(?P<up>plus)|(?P<down>moins))\b(?![\s\u00a0]+d)"
        r"|(?P<plus>\+))",
        re.IGNORECASE,
    ),
}


def _prefix_qualifier(core: _Core, text: str, lang: Lang) -> tuple[int, str] | None:
    """(start, qualifier) of a qualifier written right before the number."""
    window = text[max(0, core.start - 40) : core.start]
    m = _QUALIFIER_RE[lang].search(window) or _SYMBOLS.search(window)
    if m is None:
        return None
    if _RATIO_WORDS.match(m.group("q")) and _ENDS_WITH_NUMBER.search(window[: m.start("q")]):
        return None  # "1 over 3", "5 unter 10": a ratio or a comparison, not a bound
    key = re.sub(r"[\s\u00a0]+", " ", m.group("q").casefold())
    found = _QUALIFIERS[lang].get(key) or _SYMBOL_QUALIFIERS[key]
    return core.start - (len(window) - m.start("q")), found


def _qualify(core: _Core, text: str, lang: Lang) -> NumberMatch:
    start, end, qualifier = core.start, core.end, core.qualifier
    value, low, high = core.value, core.min, core.max
    if core.qualifier == "range":
        return NumberMatch(start, end, text[start:end], value, low, high, qualifier)
    found = None
    prefix = _prefix_qualifier(core, text, lang)
    if prefix is not None:
        start, found = prefix
    suffix = _SUFFIXES[lang].match(text, core.end)
    if suffix is not None and found in (None, "about"):
        end, found = suffix.end(), "up_to" if suffix.group("down") else "at_least"
    if found is None:
        pass
    elif core.qualifier == "vague":
        if found in ("up_to", "less_than"):
            qualifier, low = found, None
        elif found in ("more_than", "at_least"):
            qualifier, high = found, None
    else:
        qualifier = found
        if found in ("up_to", "less_than"):
            high = value
        elif found in ("more_than", "at_least"):
            low = value
    return NumberMatch(start, end, text[start:end], value, low, high, qualifier)


_BOUND_JOIN = re.compile(
    r"[\s\u00a0]*,?[\s\u00a0]*(?:and|but|und|aber|et|mais)?[\s\u00a0]*", re.IGNORECASE
)
_LOWER = ("more_than", "at_least")
_UPPER = ("up_to", "less_than")


def _join_bounds(matches: list[NumberMatch], text: str) -> list[NumberMatch]:
    """Join a lower and an upper bound: "more than 10 and less than 40" is one range."""
    out: list[NumberMatch] = []
    for m in matches:
        prev = out[-1] if out else None
        if prev is None or not _BOUND_JOIN.fullmatch(text[prev.end : m.start]):
            out.append(m)
            continue
        pair = {prev.qualifier, m.qualifier}
        lower = prev if prev.qualifier in _LOWER else m if m.qualifier in _LOWER else None
        upper = prev if prev.qualifier in _UPPER else m if m.qualifier in _UPPER else None
        joined = text[prev.end : m.start].strip(" ,\u00a0")
        if lower is None or upper is None or len(pair) != 2 or not joined:
            out.append(m)
            continue
        if lower.min is None or upper.max is None or not lower.min < upper.max:
            out.append(m)
            continue
        out[-1] = NumberMatch(
            prev.start, m.end, text[prev.start : m.end], None, lower.min, upper.max, "range"
        )
    return out


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def find_numbers(text: str, language: str) -> list[NumberMatch]:
    """Every amount-like number expression in ``text``, in text order, without overlaps."""
    lang = _language(language)
    toks = _tokens(text)
    values: dict[int, float] = {}
    for j, tok in enumerate(toks):
        if tok.digits:
            values[j] = numeral_value(tok.text, lang)
    # Character masks: 1 where a date/time/code (blocked) or a vague amount (taken) lies.
    blocked, taken = bytearray(len(text)), bytearray(len(text))
    for rx in _BLOCKED_RE[lang]:
        for m in rx.finditer(text):
            blocked[m.start() : m.end()] = b"\1" * (m.end() - m.start())
    cores = _vague_cores(text, lang)
    for c in cores:
        taken[c.start : c.end] = b"\1" * (c.end - c.start)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if taken[tok.start]:
            i += 1
            continue
        parsed = _parse_at(toks, i, text, lang, values)
        if parsed is None:
            i += 1
            continue
        core, nxt = parsed
        if 1 in taken[core.start : core.end]:  # ran into a vague amount: start again later
            i += 1
            continue
        if _glued_code(toks, nxt, core):
            i = nxt
            continue
        cores.append(core)
        i = nxt
    kept = [
        c
        for c in sorted(cores, key=lambda c: c.start)
        if 1 not in blocked[c.start : c.end] and _keep(c, text, lang)
    ]
    merged = _merge_ranges([_signed(c, text) for c in kept], text, lang)
    return _join_bounds([_qualify(c, text, lang) for c in merged], text)


def _signed(core: _Core, text: str) -> _Core:
    """Negative when a minus is glued to the digits and follows no number ("3-5" is a range)."""
    i = core.start - 1
    if not core.digits or core.value is None or i < 0 or text[i] not in "-−":
        return core
    if i > 0 and not (text[i - 1].isspace() or text[i - 1] in "([{=:"):
        return core
    if _ENDS_WITH_NUMBER.search(text[max(0, i - 3) : i]):
        return core  # "3 -5" is rather a range written loosely
    return _Core(i, core.end, -core.value, scale=core.scale, digits=True, first_word="-")


def _glued_code(toks: Sequence[_Tok], nxt: int, core: _Core) -> bool:
    """Digits glued to letters that are neither a multiplier nor a unit: "5G", "1990s"."""
    if nxt >= len(toks) or not core.digits:
        return False
    follow = toks[nxt]
    if follow.start != core.end or follow.digits:
        return False
    return follow.low not in _GLUED_UNITS
