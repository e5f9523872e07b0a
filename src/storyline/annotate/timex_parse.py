"""From a rule match to what the expression says (``Meaning``), before any calendar lookup.

This layer reads the named groups of a match through the language's word tables and checks
what a regex cannot: the day exists in the month, "may" is capitalised, "Morgen" opens a
sentence. Anything it cannot make sense of is dropped (None), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import cast

from storyline.annotate.timex_calendar import Part, Season
from storyline.annotate.timex_lexicon import Lexicon, Rule, RuleKind, normalise

# Two-digit years ("07.03.25") are read as 20xx up to this many years after 2000, else 19xx:
# news archives reach back decades, but rarely a century.
TWO_DIGIT_YEAR_PIVOT = 69

# What may stand before a word that opens a sentence: nothing, end punctuation, an opening
# quotation mark or dash.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n]|[\"'„“”«»‹›(–—-])\s*$")


@dataclass(frozen=True, slots=True)
class Meaning:
    """What an expression says, independent of when it was said.

    ``shift`` is -1/0/+1 for last/this/next (-2/+2 for "vorletzte"/"übernächste");
    ``amount`` a signed count of ``unit`` from the reference (None when the count is vague,
    "months ago"); ``sign`` the inherent direction of relative and vague expressions (-1 past,
    +1 future). For a weekday or month, ``unit`` says what the shift moves when it is not the
    named day or month itself: "week" in "Friday next week", "year" in "June next year".
    """

    kind: RuleKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int | None = None
    amount: int | None = None
    unit: str | None = None
    part: Part | None = None
    season: Season | None = None
    quarter: int | None = None
    sign: int | None = None


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def _int_word(lexicon: Lexicon, table: str, match: re.Match[str]) -> int | None:
    token = _group(match, table)
    if token is None:
        return None
    value = lexicon.lookup(table, token)
    return value if isinstance(value, int) else None


def _str_word(lexicon: Lexicon, table: str, match: re.Match[str]) -> str | None:
    token = _group(match, table)
    if token is None:
        return None
    value = lexicon.lookup(table, token)
    return value if isinstance(value, str) else None


def _year(match: re.Match[str]) -> int | None:
    if (year := _group(match, "year")) is not None:
        return int(year)
    if (short := _group(match, "yy")) is not None:
        value = int(short)
        return 2000 + value if value <= TWO_DIGIT_YEAR_PIVOT else 1900 + value
    return None


def _digits(token: str | None) -> int | None:
    if token is None:
        return None
    digits = re.sub(r"\D", "", token)  # "1er", "3rd", "07"
    return int(digits) if digits else None


def _sentence_initial(text: str, start: int) -> bool:
    return _SENTENCE_OPENING.search(text, max(0, start - 3), start) is not None or start == 0


def case_ok(lexicon: Lexicon, match: re.Match[str], text: str) -> bool:
    """Whether the words of a match have the capitalisation of a temporal expression."""
    for name, token in match.groupdict().items():
        if token is None or name == "lead":
            continue
        word = normalise(token)
        if word in lexicon.needs_capital and token.islower():
            return False
        lowercase_only = word in lexicon.needs_lowercase and not token.islower()
        if lowercase_only and not _sentence_initial(text, match.start(name)):
            return False
    return True


def _valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        date(year if year is not None else 2000, month, day)  # 2000 is a leap year
    except ValueError:
        return False
    return True


def _date(lexicon: Lexicon, match: re.Match[str]) -> Meaning | None:
    month = _int_word(lexicon, "month", match) or _digits(_group(match, "mnum"))
    day = _digits(_group(match, "day"))
    year = _year(match)
    if _group(match, "mnum") is not None and month and day and month > 12 >= day:
        month, day = day, month  # "21/04/2016" in an English text: the other order is meant
    if month is None or day is None or not 1 <= month <= 12 or not _valid_day(year, month, day):
        return None
    return Meaning("date", year=year, month=month, day=day)


def _part(lexicon: Lexicon, match: re.Match[str]) -> Part | None:
    return cast(Part | None, _str_word(lexicon, "part", match))


def _count(lexicon: Lexicon, match: re.Match[str]) -> int | None:
    return _int_word(lexicon, "number", match) or _digits(_group(match, "digits"))


def parse(match: re.Match[str], rule: Rule, lexicon: Lexicon) -> Meaning | None:
    """The meaning of one rule match, or None when the match is not a usable expression."""
    kind = rule.kind
    shift = _int_word(lexicon, "shift", match)
    if kind == "date":
        return _date(lexicon, match)
    if kind == "month":
        month = _int_word(lexicon, "month", match)
        if month is None:
            return None
        # With "of next year" / "nächsten Jahres" the shift moves the year, not the month.
        unit = "year" if _group(match, "ofyear") is not None else None
        part = _part(lexicon, match)
        return Meaning(kind, year=_year(match), month=month, part=part, shift=shift, unit=unit)
    if kind == "year":
        year = _year(match)
        return None if year is None else Meaning(kind, year=year, part=_part(lexicon, match))
    if kind == "weekday":
        weekday = _int_word(lexicon, "weekday", match)
        # "Friday next week" / "Freitag nächster Woche": the shift moves the week.
        unit = "week" if _group(match, "ofweek") is not None else None
        return None if weekday is None else Meaning(kind, weekday=weekday, shift=shift, unit=unit)
    if kind == "relday":
        offset = _int_word(lexicon, "rel", match)
        return None if offset is None else Meaning(kind, amount=offset, unit="day")
    if kind in ("ago", "ahead"):
        sign = -1 if kind == "ago" else 1
        count = _count(lexicon, match)
        unit = _str_word(lexicon, "unit", match)
        amount = None if count is None else sign * count
        return None if unit is None else Meaning(kind, amount=amount, unit=unit, sign=sign)
    if kind == "period":
        period = _str_word(lexicon, "period", match)
        part = _part(lexicon, match)
        return None if period is None else Meaning(kind, unit=period, shift=shift or 0, part=part)
    if kind == "season":
        season = cast(Season | None, _str_word(lexicon, "season", match))
        return (
            None if season is None else Meaning(kind, season=season, year=_year(match), shift=shift)
        )
    if kind == "quarter":
        quarter = _int_word(lexicon, "quarter", match) or _digits(_group(match, "qnum"))
        if quarter is None or not 1 <= quarter <= 4:
            return None
        return Meaning(kind, quarter=quarter, year=_year(match), shift=shift)
    direction = _str_word(lexicon, "vague", match)
    return None if direction is None else Meaning(kind, sign=-1 if direction == "past" else 1)
