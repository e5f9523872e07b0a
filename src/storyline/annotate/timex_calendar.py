"""Calendar arithmetic for temporal expressions: periods as closed day intervals.

Everything works on ``datetime.date`` and closed intervals ``(first_day, last_day)``; no
time zones, no times of day. News dates are days, and a day is what a timeline can place.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

Interval = tuple[date, date]
Lean = Literal["past", "future"]
Part = Literal["early", "mid", "late", "earlier", "later"]
Season = Literal["SP", "SU", "FA", "WI"]

# Meteorological seasons (northern hemisphere, where all three languages' press sits):
# first month of each; winter belongs to the year of its January ("winter 2026" is
# December 2025 to February 2026), as in "the winter of 2026" or the Winter Games.
SEASON_START_MONTH: dict[Season, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


# See pick_occurrence: how near an occurrence must be to outweigh the tense, and how far the
# tense's choice must then be. A future marker is the weaker evidence in a report, where most
# clauses are past and a "will" often belongs to another clause than the date: a date up to
# about three months back outweighs it; a past marker is outweighed by a date a month ahead
# ("was postponed to May 5").
CLOSE_BEFORE_DAYS = 92
CLOSE_AFTER_DAYS = 31
FAR_DAYS = 183


def month_interval(year: int, month: int) -> Interval:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_interval(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def week_interval(day: date) -> Interval:
    """The ISO week (Monday to Sunday) that contains ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def quarter_interval(year: int, quarter: int) -> Interval:
    first_month = 3 * (quarter - 1) + 1
    return date(year, first_month, 1), month_interval(year, first_month + 2)[1]


def season_interval(year: int, season: Season) -> Interval:
    if season == "WI":
        return date(year - 1, 12, 1), month_interval(year, 2)[1]
    first_month = SEASON_START_MONTH[season]
    return date(year, first_month, 1), month_interval(year, first_month + 2)[1]


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the end of a shorter month (31 Mar -> 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def iso_week_label(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def weekday_near(reference: date, weekday: int, shift: int | None, lean: Lean | None) -> date:
    """The day called by a weekday name, seen from ``reference``.

    shift -1 ("last Friday", "vendredi dernier") is the latest such day strictly before the
    reference, +1 ("next Friday") the first strictly after, -2/+2 ("vorletzten Freitag") one
    week further; 0 ("this Friday") is the one in the reference's week. A bare name in a news
    report means the most recent such day on or before the reference (the article of a Monday
    reporting what happened "on Monday" means that same day), unless the sentence speaks of
    the future, then it is the coming one (on or after the reference).
    """
    back = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7
    if shift is not None and shift < 0:
        return reference - timedelta(days=(back or 7) + 7 * (-shift - 1))
    if shift is not None and shift > 0:
        return reference + timedelta(days=(ahead or 7) + 7 * (shift - 1))
    if shift == 0:
        return week_interval(reference)[0] + timedelta(days=weekday)
    if lean == "future":
        return reference + timedelta(days=ahead)
    return reference - timedelta(days=back)


def _distance(interval: Interval, reference: date) -> int:
    first, last = interval
    if first <= reference <= last:
        return 0
    return min(abs((first - reference).days), abs((last - reference).days))


def pick_occurrence(
    make: Callable[[int], Interval | None], reference: date, shift: int | None, lean: Lean | None
) -> Interval | None:
    """Which year's occurrence of a yearly period ("in June", "October 3", "in spring") is meant.

    ``make(year)`` gives the period in a year (None where it does not exist, e.g. 29 February).
    shift -1 ("last June") takes the latest occurrence over before the reference, +1 the first
    one starting after it, -2/+2 the one before / after those. Otherwise the tense decides:
    future speech takes the first occurrence not yet over, past speech the latest already
    begun. With no cue (and for "this June") the occurrence nearest to the reference wins, so
    an April article's "in June" is this June and its "in December" last December; a tie goes
    to the past, the more common case in reports.
    """
    candidates = [
        interval
        for year in range(reference.year - 3, reference.year + 4)
        if (interval := make(year)) is not None
    ]
    if not candidates:
        return None
    if shift is not None and shift < 0:
        over = [c for c in candidates if c[1] < reference]
        return over[shift] if len(over) >= -shift else None
    if shift is not None and shift > 0:
        coming = [c for c in candidates if c[0] > reference]
        return coming[shift - 1] if len(coming) >= shift else None
    nearest = min(candidates, key=lambda c: _distance(c, reference))
    if shift is not None or lean is None:
        return nearest
    if lean == "future":
        coming = [c for c in candidates if c[1] >= reference]
        leaning = coming[0] if coming else nearest
    else:
        begun = [c for c in candidates if c[0] <= reference]
        leaning = begun[-1] if begun else nearest
    # The tense is read off the sentence, not the clause ("will debate it next week, two weeks
    # after the pledge on April 2"): a date close to the reference is not pushed a year away
    # on that evidence alone.
    close = CLOSE_BEFORE_DAYS if nearest[1] < reference else CLOSE_AFTER_DAYS
    if _distance(nearest, reference) <= close and _distance(leaning, reference) > FAR_DAYS:
        return nearest
    return leaning


def narrow(interval: Interval, part: Part | None, unit: str, reference: date | None) -> Interval:
    """The early / middle / late stretch of a period, or the part before / after the reference.

    Thirds for months (1-10, 11-20, 21-end) and years (Jan-Apr, May-Aug, Sep-Dec); for weeks
    early is Monday-Wednesday, mid Tuesday-Thursday, late Thursday-Sunday. "earlier this month"
    runs up to the day before the reference, "later this year" from the day after; where that
    leaves nothing (said on the first day of the month), the whole period is kept.
    """
    first, last = interval
    if part is None:
        return interval
    if part in ("earlier", "later"):
        if reference is None or not first <= reference <= last:
            return interval
        if part == "earlier" and reference > first:
            return first, reference - timedelta(days=1)
        if part == "later" and reference < last:
            return reference + timedelta(days=1), last
        return interval
    if unit == "year":
        bounds = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return date(first.year, bounds[0], 1), month_interval(first.year, bounds[1])[1]
    if unit in ("week", "weekend"):
        offsets = {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}[part]
        return first + timedelta(days=offsets[0]), first + timedelta(days=offsets[1])
    if unit == "month":
        days = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day)}[part]
        return first.replace(day=days[0]), first.replace(day=days[1])
    return interval
