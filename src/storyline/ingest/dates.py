"""The ``dates`` component: the best available publication date, and how it was obtained.

Order of trust: metadata (feed, sidecar, manifest, HTML meta) → the URL → a dateline or
timestamp at the top of the article → an estimate from the dates the text mentions. An estimate
is marked ``estimated`` and carries its interval; it is never presented as a fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from storyline.annotate.timex import find_times
from storyline.config import Config
from storyline.document import Document, Published, TimeExpression

_TRUSTED = frozenset({"metadata", "sidecar", "manifest"})
# /2026/03/18/, /2026-03-18-, /20260318/ in a URL path; the year range keeps ids like
# /123456789/ from reading as dates.
_URL_DAY = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/\-_.]|$)"
)
_URL_COMPACT = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/\-_.]|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/")
# A dateline or timestamp sits in the first lines; later dates are events, not publication.
HEADER_LINES = 6
# A dateline date ends within this many characters of its line's start
# ("LORVAIN-VILLE, 22 avril 2026 (ALP) —" is 36 characters up to the year).
DATELINE_PREFIX = 48
# A news article is usually published within days of the latest event it reports; the
# estimated interval runs from that event to this many days after it.
ESTIMATE_DAYS = 14


def date_from_url(url: str | None) -> Published | None:
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for pattern in (_URL_DAY, _URL_COMPACT):
        m = pattern.search(path)
        if m:
            try:
                day = date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
            return Published(day.isoformat(), "day", "url")
    m = _URL_MONTH.search(path)
    if m:
        return Published(f"{int(m[1]):04d}-{int(m[2]):02d}", "month", "url")
    return None


def _dateline_candidates(raw_text: str, language: str, reference: date | None) -> list[str]:
    """Day dates that open one of the first lines ("SELMONT, 20. März 2026.", "21.04.2026 |")."""
    lines = [line for line in raw_text.split("\n") if line.strip()][1 : HEADER_LINES + 1]
    days = []
    for line in lines:
        for t in find_times(line[:DATELINE_PREFIX], language, reference):
            # A dateline is a calendar date near the start of its line; a weekday or
            # "yesterday" there is part of the story, not a dateline.
            full_day = t.granularity == "day" and t.value and len(t.value) == 10
            if full_day and t.value and any(c.isdigit() for c in t.text):
                days.append(t.value)
    return days


def date_from_dateline(raw_text: str, language: str, today: date) -> Published | None:
    """A full date opening a top line; a day and month without a year give an estimate."""
    found = _dateline_candidates(raw_text, language, None)
    if found:
        return Published(found[0], "day", "dateline")
    # "CASTELBRUN, April 2 (MERIDIAN)": wire datelines omit the year. Assume the most recent
    # such day up to today, and say it is an assumption.
    assumed = _dateline_candidates(raw_text, language, today)
    if assumed:
        day = date.fromisoformat(assumed[0])
        while day > today:
            day = day.replace(year=day.year - 1)
        return Published(day.isoformat(), "day", "estimated", (day.isoformat(),) * 2)
    return None


def _days(found: list[TimeExpression], today: date, roll_back: bool = False) -> list[date]:
    days = []
    for t in found:
        if t.granularity != "day" or not t.value or len(t.value) != 10:
            continue
        if roll_back and not any(c.isdigit() for c in t.text):
            # Resolved against today, "yesterday" or "on Monday" would date the article to
            # this week; only calendar dates ("le 2 avril") say something about it.
            continue
        day = date.fromisoformat(t.value)
        while roll_back and day > today:
            day = day.replace(year=day.year - 1)
        if day <= today:
            days.append(day)
    return days


def date_from_text(text: str, language: str, today: date) -> Published | None:
    """Estimate from the latest day the text mentions (not after today).

    Days with a year count first; only when the text gives no year at all are day-and-month
    mentions ("le 2 avril") placed in the most recent matching year.
    """
    days = _days(find_times(text, language, None), today)
    if not days:
        days = _days(find_times(text, language, today), today, roll_back=True)
    if not days:
        return None
    latest = max(days)
    upper = min(latest + timedelta(days=ESTIMATE_DAYS), today)
    return Published(
        latest.isoformat(), "day", "estimated", (latest.isoformat(), upper.isoformat())
    )


@dataclass(frozen=True)
class Dates:
    today: Callable[[], date] = field(default=date.today)
    name: str = "dates"
    requires: frozenset[str] = frozenset({"raw_text", "text", "language"})
    assigns: frozenset[str] = frozenset({"published"})

    def __call__(self, doc: Document) -> Document:
        if doc.published.date and doc.published.method in _TRUSTED:
            return doc
        today = self.today()
        language = doc.language or "en"
        published = (
            date_from_url(doc.url)
            or date_from_dateline(doc.raw_text, language, today)
            or date_from_text(doc.text, language, today)
            or doc.published
        )
        return doc.with_(published=published)


def make_dates(settings: Config, config: Config) -> Dates:
    return Dates()
