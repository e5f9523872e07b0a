"""From a ``Meaning`` to calendar values, against the reference (publication) date.

Values follow the TIMEX3 / ISO 8601 notation for their granularity: day ``2026-03-07``,
week ``2026-W11``, month ``2026-03``, quarter ``2026-Q1``, season ``2026-SP`` (granularity
"quarter": a season is a quarter-long period), year ``2026``; vague expressions have none.
The interval always gives the first and last day covered, so a consumer never has to parse a
value. Without a reference only what the text itself pins down (a date with its year) gets a
value; everything relative keeps its granularity and, where the words say it, its direction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from storyline.annotate.timex_calendar import (
    Interval,
    Lean,
    add_months,
    iso_week_label,
    month_interval,
    narrow,
    pick_occurrence,
    quarter_interval,
    season_interval,
    week_interval,
    weekday_near,
    year_interval,
)
from storyline.annotate.timex_parse import Meaning
from storyline.document import Direction, Granularity

_UNIT_GRANULARITY: dict[str, Granularity] = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
}


@dataclass(frozen=True, slots=True)
class Resolution:
    value: str | None
    granularity: Granularity
    interval: Interval | None
    direction: Direction | None


def _sign_direction(sign: int | None) -> Direction | None:
    if sign is None:
        return None
    return "past" if sign < 0 else "future" if sign > 0 else "present"


def _relation(interval: Interval, reference: date | None) -> Direction | None:
    if reference is None:
        return None
    if interval[1] < reference:
        return "past"
    if interval[0] > reference:
        return "future"
    return "present"


def _resolved(
    value: str, granularity: Granularity, interval: Interval, reference: date | None
) -> Resolution:
    return Resolution(value, granularity, interval, _relation(interval, reference))


def _day(day: date, reference: date | None) -> Resolution:
    return _resolved(day.isoformat(), "day", (day, day), reference)


def _month(year: int, month: int, part_interval: Interval, reference: date | None) -> Resolution:
    return _resolved(f"{year:04d}-{month:02d}", "month", part_interval, reference)


def _unresolved(granularity: Granularity, sign: int | None, lean: Lean | None) -> Resolution:
    direction = _sign_direction(sign)
    if direction is None and lean is not None:
        direction = lean
    return Resolution(None, granularity, None, direction)


def _date(m: Meaning, reference: date | None, lean: Lean | None) -> Resolution | None:
    assert m.month is not None and m.day is not None
    month, day = m.month, m.day
    if m.year is not None:
        return _day(date(m.year, month, day), reference)
    if reference is None:
        return _unresolved("day", None, lean)

    def make(year: int) -> Interval | None:
        try:
            found = date(year, month, day)
        except ValueError:  # 29 February outside leap years
            return None
        return found, found

    interval = pick_occurrence(make, reference, None, lean)
    return None if interval is None else _day(interval[0], reference)


def _month_meaning(m: Meaning, reference: date | None, lean: Lean | None) -> Resolution | None:
    assert m.month is not None
    month = m.month
    if m.year is not None:
        whole = month_interval(m.year, month)
    elif reference is None:
        return _unresolved("month", m.shift, lean)
    elif m.unit == "year" and m.shift is not None:
        whole = month_interval(reference.year + m.shift, month)
    else:
        found = pick_occurrence(lambda y: month_interval(y, month), reference, m.shift, lean)
        if found is None:
            return None
        whole = found
    part = narrow(whole, m.part, "month", reference)
    return _month(whole[0].year, month, part, reference)


def _weekday(m: Meaning, reference: date | None, lean: Lean | None) -> Resolution:
    assert m.weekday is not None
    if reference is None:
        return _unresolved("day", m.shift or None, lean)
    if m.unit == "week" and m.shift is not None:
        monday = week_interval(reference + timedelta(weeks=m.shift))[0]
        return _day(monday + timedelta(days=m.weekday), reference)
    return _day(weekday_near(reference, m.weekday, m.shift, lean), reference)


def _offset(m: Meaning, reference: date | None) -> Resolution:
    unit = m.unit or "day"
    if m.amount is None:
        return _unresolved("vague", m.sign, None)
    granularity: Granularity = "day" if unit in ("day", "week") else _UNIT_GRANULARITY[unit]
    if reference is None:
        return _unresolved(granularity, m.sign if m.kind != "relday" else m.amount, None)
    if unit == "day":
        return _day(reference + timedelta(days=m.amount), reference)
    if unit == "week":
        # "three weeks ago" is a point about 21 days back; precise enough to place as a day.
        return _day(reference + timedelta(weeks=m.amount), reference)
    if unit == "month":
        moved = add_months(reference, m.amount)
        return _month(moved.year, moved.month, month_interval(moved.year, moved.month), reference)
    year = reference.year + m.amount
    return _resolved(str(year), "year", year_interval(year), reference)


def _period(m: Meaning, reference: date | None) -> Resolution:
    unit = m.unit or "week"
    shift = m.shift or 0
    granularity = _UNIT_GRANULARITY[unit]
    if reference is None:
        return _unresolved(granularity, shift, None)
    if unit in ("week", "weekend"):
        week = week_interval(reference + timedelta(weeks=shift))
        if unit == "weekend":
            week = (week[0] + timedelta(days=5), week[1])
        label = iso_week_label(week[0])
        return _resolved(label, "week", narrow(week, m.part, unit, reference), reference)
    if unit == "month":
        first = add_months(reference.replace(day=1), shift)
        whole = month_interval(first.year, first.month)
        return _month(first.year, first.month, narrow(whole, m.part, "month", reference), reference)
    if unit == "quarter":
        index = reference.year * 4 + (reference.month - 1) // 3 + shift
        year, quarter = divmod(index, 4)
        whole = quarter_interval(year, quarter + 1)
        return _resolved(f"{year}-Q{quarter + 1}", "quarter", whole, reference)
    year = reference.year + shift
    part = narrow(year_interval(year), m.part, "year", reference)
    return _resolved(str(year), "year", part, reference)


def _season(m: Meaning, reference: date | None, lean: Lean | None) -> Resolution | None:
    assert m.season is not None
    season = m.season
    if m.year is not None:
        interval: Interval | None = season_interval(m.year, season)
    elif reference is None:
        return _unresolved("quarter", m.shift, lean)
    else:
        interval = pick_occurrence(lambda y: season_interval(y, season), reference, m.shift, lean)
    if interval is None:
        return None
    return _resolved(f"{interval[1].year}-{season}", "quarter", interval, reference)


def _quarter(m: Meaning, reference: date | None, lean: Lean | None) -> Resolution | None:
    assert m.quarter is not None
    quarter = m.quarter
    if m.year is not None:
        interval: Interval | None = quarter_interval(m.year, quarter)
    elif reference is None:
        return _unresolved("quarter", m.shift, lean)
    elif m.shift is not None:
        interval = quarter_interval(reference.year + m.shift, quarter)
    else:
        interval = pick_occurrence(lambda y: quarter_interval(y, quarter), reference, None, lean)
    if interval is None:
        return None
    return _resolved(f"{interval[0].year}-Q{quarter}", "quarter", interval, reference)


def resolve(m: Meaning, reference: date | None, lean: Lean | None) -> Resolution | None:
    """Calendar value of a meaning; ``lean`` is the tense of its sentence, if it shows one."""
    if m.kind == "date":
        return _date(m, reference, lean)
    if m.kind == "month":
        return _month_meaning(m, reference, lean)
    if m.kind == "year":
        assert m.year is not None
        interval = narrow(year_interval(m.year), m.part, "year", reference)
        return _resolved(str(m.year), "year", interval, reference)
    if m.kind == "weekday":
        return _weekday(m, reference, lean)
    if m.kind in ("relday", "ago", "ahead"):
        return _offset(m, reference)
    if m.kind == "period":
        return _period(m, reference)
    if m.kind == "season":
        return _season(m, reference, lean)
    if m.kind == "quarter":
        return _quarter(m, reference, lean)
    return _unresolved("vague", m.sign, None)
