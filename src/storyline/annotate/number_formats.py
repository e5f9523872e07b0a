"""Numbers written with digits: grouping separators, decimal marks and vulgar fractions."""

from __future__ import annotations

import re
import unicodedata

from storyline.annotate.number_core import Lang, to_lang

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
TOKEN = re.compile(rf"(?P<num>{_NUMERAL})|(?P<word>[^\W\d_]+)")
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
    if len(tail) == 3 and sep != _DECIMAL_MARK[to_lang(language)]:
        return float(compact.replace(sep, ""))
    return float(compact.replace(sep, "."))
