"""Event anchoring: when did the thing a quote, position or figure reports happen?

An article's date is not the date of what it reports: "Last spring, the minister had not
ruled out sending troops" in an October article happened in spring. For each item we look
for the time expression that governs it in its own sentence, and only fall back to the
publication date when the text names none:

1. Time expressions of the item's sentence (``doc.times``) are candidates, except those inside
   ``exclude`` (for a quote: the message itself, whose dates belong to what was said, not to
   when it was said) and those after the publication date (a statement, a pledge or a claim
   cannot have been made after the article reporting it was written).
2. The candidate nearest to the item's ``focus`` (the cue verb of a quote, the evidence of a
   position) wins; a clause boundary in between ("; ", ", which", ", mais") counts as distance,
   so a date in a relative clause about someone else loses to one in the item's own clause.
3. With no candidate, a pluperfect in the item's clause ("had ruled out", "hatte …
   abgelehnt", "avait exclu") says the event lies before the article without saying when:
   the publication date is kept as an upper bound with granularity ``vague`` and method
   ``before_document``.
4. Otherwise the publication date (method ``document``), or its estimate
   (``estimated_document``) when the document date was itself inferred from the text.

``anchor_span`` does this for any stretch of text; the ``anchor`` component applies it to
every quote, position and figure that has no date yet.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from storyline.annotate.timex import find_times
from storyline.annotate.timex_calendar import (
    Season,
    month_interval,
    quarter_interval,
    season_interval,
    week_interval,
    year_interval,
)
from storyline.config import Config
from storyline.document import Document, Granularity, TimeExpression

__all__ = ["Anchor", "anchor_span", "granularity_of", "make_anchor", "value_interval"]

# A clause boundary between a date and the item counts as this many characters of distance:
# about the length of a short clause, so a date right across a comma can still win over one
# far away in the same clause, but not over one next to the verb.
CLAUSE_PENALTY = 60
# How far a pluperfect auxiliary may stand from the item (characters, same clause); German and
# French put the participle at the end of a long clause ("hatte … vorgeschlagen").
PLUPERFECT_REACH = 80

_CLAUSE_BOUNDARY = re.compile(
    r"[;:]\s|\s[–—]\s|,\s+(?=(?:which|who|whom|whose|but|while|whereas|although|"
    r"welche[rsnm]?|der|die|das|den|dem|aber|doch|während|obwohl|"
    r"qui|que|dont|lequel|laquelle|mais|tandis|alors)\b)",
    re.IGNORECASE,
)
# The pluperfect (and the German/French past perfect built on "sein"/"être"): an auxiliary in
# the past tense followed, within a few words, by a past participle. English "had to" is a
# modal, not a pluperfect.
_PLUPERFECT = {
    "en": re.compile(
        r"\b(?:had|'d)\b(?!\s+(?:to|a|an|the|no|some|any|\d)\b)"
        r"(?:\s+(?:not|never|already|previously|earlier|\w+ly))*\s+[a-z]+\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:hatte|hatten|hattest|hattet|war|waren|warst|wart)\b[^.;:!?]{0,80}?"
        r"\b(?:ge\w+(?:t|en)|\w*(?:ier|zurück|aus|ab|an|auf|vor|zu|ein|mit|fest)ge\w+|\w+iert|"
        r"(?:ver|be|er|ent|zer|über|unter)\w+(?:t|en))\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\b(?:avait|avaient|avais|avions|aviez|était|étaient|étais|étions|étiez)\b"
        r"(?:\s+(?:pas|plus|jamais|déjà|encore|bien|toujours|guère))*\s+"
        r"\w+(?:é|ée|és|ées|i|is|ie|ies|u|us|ue|ues|it|ite|its|ert|erte|ort|ous)\b",
        re.IGNORECASE,
    ),
}
# Words by which a sentence dates itself through the one before ("she said at the time").
_ANAPHORA = {
    "en": re.compile(r"\b(?:at the time|back then|at that time|on that day)\b", re.IGNORECASE),
    "de": re.compile(r"\b(?:damals|seinerzeit|an diesem Tag|an jenem Tag)\b", re.IGNORECASE),
    "fr": re.compile(r"(?:\bà l['’]époque\b|\bà ce moment-là\b|\bce jour-là\b)", re.IGNORECASE),
}
# How far back (characters) an antecedent date may stand: the sentence or two before.
ANTECEDENT_REACH = 400
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_ISO_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_ISO_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_ISO_YEAR = re.compile(r"(\d{4})")


class Anchored(NamedTuple):
    """When an item's event happened: ``date`` as a TIMEX3-style value (``2026-03-18``,
    ``2026-03``, ``2026-W17``, ``2026-SP``, ``2026``) or None when nothing is known."""

    date: str | None
    granularity: Granularity
    # text | text_estimated | before_document | document | estimated_document | unknown
    method: str


def granularity_of(value: str | None) -> Granularity:
    """The granularity a value's notation expresses (``2026-03`` is a month)."""
    if not value:
        return "vague"
    if _ISO_DAY.fullmatch(value[:10]):
        return "day"
    if _ISO_WEEK.fullmatch(value):
        return "week"
    if _ISO_QUARTER.fullmatch(value) or _ISO_SEASON.fullmatch(value):
        return "quarter"
    if _ISO_MONTH.fullmatch(value):
        return "month"
    if _ISO_YEAR.fullmatch(value):
        return "year"
    return "vague"


def value_interval(value: str | None) -> tuple[date, date] | None:
    """First and last day a value covers; None for no value or one we cannot read."""
    if not value:
        return None
    try:
        if m := _ISO_DAY.fullmatch(value[:10]):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _ISO_WEEK.fullmatch(value):
            return week_interval(date.fromisocalendar(int(m[1]), int(m[2]), 1))
        if m := _ISO_QUARTER.fullmatch(value):
            return quarter_interval(int(m[1]), int(m[2]))
        if m := _ISO_SEASON.fullmatch(value):
            season: Season = m[2]  # type: ignore[assignment]
            return season_interval(int(m[1]), season)
        if m := _ISO_MONTH.fullmatch(value):
            return month_interval(int(m[1]), int(m[2]))
        if m := _ISO_YEAR.fullmatch(value):
            return year_interval(int(m[1]))
    except ValueError:
        return None
    return None


def _publication(doc: Document) -> tuple[date | None, Anchored]:
    """The publication date as a day, and the fallback anchor it gives."""
    published = doc.published
    if not published.date:
        return None, Anchored(None, "vague", "unknown")
    interval = value_interval(published.date[:10]) or value_interval(published.date[:7])
    if interval is None:
        interval = value_interval(published.date[:4])
    if interval is None:
        return None, Anchored(None, "vague", "unknown")
    if published.method == "estimated":
        latest = value_interval(published.interval[1]) if published.interval else None
        bound = latest[1] if latest else interval[1]
        return bound, Anchored(published.date, "vague", "estimated_document")
    granularity: Granularity = {"month": "month", "year": "year"}.get(
        published.precision or "", "day"
    )  # type: ignore[assignment]
    value = published.date[:10] if granularity == "day" else published.date
    return interval[1], Anchored(value, granularity, "document")


def _sentence_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding ``[start, end)``; the line when sentences are missing."""
    if doc.sentences:
        starts = [s.start for s in doc.sentences]
        first = max(0, bisect.bisect_right(starts, start) - 1)
        low, high = doc.sentences[first].start, doc.sentences[first].end
        index = first
        while high < end and index + 1 < len(doc.sentences):
            index += 1
            high = doc.sentences[index].end
        return min(low, start), max(high, end)
    low = doc.text.rfind("\n", 0, start) + 1
    high = doc.text.find("\n", end)
    return low, len(doc.text) if high < 0 else high


# "since March 14", "seit dem 14. März", "depuis le 14 mars", or a time inside a clause opened
# by one ("Since the ceasefire was signed on March 14, pledges have come from …"): the start of a
# period, not the date of the event the sentence reports.
_PERIOD_WORD = r"(?:ever\s+)?(?:since|seit|seitdem|depuis)"
_PERIOD_BEFORE = re.compile(rf"\b{_PERIOD_WORD}\s+(?:the\s+|dem\s+|le\s+)?$", re.IGNORECASE)
_PERIOD_CLAUSE = re.compile(rf"^\W*{_PERIOD_WORD}\b", re.IGNORECASE)


def _starts_a_period(text: str, time: TimeExpression, low: int, focus: tuple[int, int]) -> bool:
    if _PERIOD_BEFORE.search(text, max(low, time.start - 16), time.start):
        return True
    if not (time.end <= focus[0] and "," in text[time.end : focus[0]]):
        return False  # the item is in the since-clause itself: its date is this one
    clause_start = low
    for boundary in _CLAUSE_BOUNDARY.finditer(text, low, time.start):
        clause_start = boundary.end()
    return _PERIOD_CLAUSE.match(text[clause_start : time.start]) is not None


def _distance(text: str, time: TimeExpression, focus: tuple[int, int]) -> int:
    low, high = focus
    if time.end <= low:
        gap_start, gap_end = time.end, low
    elif time.start >= high:
        gap_start, gap_end = high, time.start
    else:
        return 0  # inside the item itself
    boundaries = len(_CLAUSE_BOUNDARY.findall(text, gap_start, gap_end))
    return gap_end - gap_start + CLAUSE_PENALTY * boundaries


def _after(time: TimeExpression, bound: date | None) -> bool:
    """Whether the expression lies wholly after ``bound`` (the publication day)."""
    if time.direction == "future":
        return True
    if bound is None or time.interval is None:
        return False
    return date.fromisoformat(time.interval[0]) > bound


def _clause(text: str, low: int, high: int, focus: tuple[int, int]) -> tuple[int, int]:
    """The clause around ``focus`` within the sentence ``[low, high)``."""
    start, end = low, high
    for boundary in _CLAUSE_BOUNDARY.finditer(text, low, high):
        if boundary.end() <= focus[0]:
            start = boundary.end()
        elif boundary.start() >= focus[1]:
            end = boundary.start()
            break
    return start, end


def _pluperfect(doc: Document, low: int, high: int, focus: tuple[int, int]) -> bool:
    pattern = _PLUPERFECT.get((doc.language or "en")[:2])
    if pattern is None:
        return False
    start, end = _clause(doc.text, low, high, focus)
    start = max(start, focus[0] - PLUPERFECT_REACH)
    end = min(end, focus[1] + PLUPERFECT_REACH)
    return pattern.search(doc.text, start, end) is not None


def anchor_span(
    doc: Document,
    start: int,
    end: int,
    *,
    focus: tuple[int, int] | None = None,
    exclude: tuple[int, int] | None = None,
    allow_future: bool = False,
) -> Anchored:
    """The date of the event reported by ``doc.text[start:end]``, its granularity and how it
    was found (see the module docstring).

    ``focus`` is the part that names the event (a quote's cue verb); it defaults to the span.
    Times inside ``exclude`` are ignored. ``allow_future`` admits dates after publication
    (for scheduled events: "will meet on Friday").
    """
    bound, fallback = _publication(doc)
    focus = focus or (start, end)
    low, high = _sentence_bounds(doc, min(start, focus[0]), max(end, focus[1]))
    best: tuple[int, int, TimeExpression] | None = None
    for time in doc.times:
        if time.start < low or time.end > high:
            continue
        if exclude and time.start >= exclude[0] and time.end <= exclude[1]:
            continue
        if not allow_future and _after(time, bound):
            continue
        if time.value is None and time.direction != "past":
            continue  # "recently" and friends with no direction say nothing usable
        if _starts_a_period(doc.text, time, low, focus):
            continue
        key = (_distance(doc.text, time, focus), time.start, time)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is None:
        best = _antecedent(doc, low, high, bound, allow_future)
    if best is not None:
        time = best[2]
        if time.value is not None:
            return Anchored(time.value, time.granularity, "text")
        if fallback.method == "estimated_document":
            estimated = _against_estimate(doc, time, low, high)
            if estimated is not None and estimated.value is not None:
                return Anchored(estimated.value, estimated.granularity, "text_estimated")
        # "months ago": before the article, but not when.
        return Anchored(fallback.date, "vague", "before_document")
    if fallback.method == "document" and _pluperfect(doc, low, high, focus):
        return Anchored(fallback.date, "vague", "before_document")
    return fallback


# A position's evidence names its event near the start ("he did not rule out …"); a time
# expression deep inside it often dates another event it mentions ("… softer than the line
# taken in March"). Distances are measured from this many leading characters.
POSITION_FOCUS_CHARS = 40


def anchor_position(doc: Document, start: int, end: int) -> Anchored:
    """``anchor_span`` for a position's evidence, focused on the evidence's head."""
    return anchor_span(doc, start, end, focus=(start, min(end, start + POSITION_FOCUS_CHARS)))


def _antecedent(
    doc: Document, low: int, high: int, bound: date | None, allow_future: bool
) -> tuple[int, int, TimeExpression] | None:
    """For a sentence that points back ("said at the time", "damals", "à l'époque"): the last
    time expression of the sentences just before it, in the same paragraph."""
    language = (doc.language or "en")[:2]
    pattern = _ANAPHORA.get(language)
    if pattern is None or pattern.search(doc.text, low, high) is None:
        return None
    paragraph = doc.text.rfind("\n", 0, low) + 1
    reach = max(paragraph, low - ANTECEDENT_REACH)
    for time in reversed(doc.times):
        if time.end > low or time.start < reach:
            continue
        if time.value is not None and (allow_future or not _after(time, bound)):
            return (0, time.start, time)
    return None


def _against_estimate(
    doc: Document, time: TimeExpression, low: int, high: int
) -> TimeExpression | None:
    """``time`` resolved against the estimated publication date. The times component leaves
    relative expressions open then (resolving the text against a date inferred from the same
    text is circular for a document date); for one item's date it is the best evidence left."""
    reference = value_interval((doc.published.date or "")[:10])
    if reference is None:
        return None
    for found in find_times(doc.text[low:high], doc.language or "en", reference[0]):
        if found.start + low == time.start and found.end + low == time.end:
            return found
    return None


@dataclass(frozen=True)
class Anchor:
    """Fills the event dates of quotes, positions and figures that have none yet."""

    name: str = "anchor"
    requires: frozenset[str] = frozenset({"text", "sentences", "times", "published"})
    assigns: frozenset[str] = frozenset({"quotes", "figures", "positions"})

    def __call__(self, doc: Document) -> Document:
        quotes = tuple(
            q if q.event_date else replace(q, event_date=found.date, event_date_method=found.method)
            for q in doc.quotes
            for found in [
                anchor_span(
                    doc,
                    q.start,
                    q.end,
                    focus=q.cue_span or q.speaker_span or (q.start, q.end),
                    exclude=(q.start, q.end),
                )
            ]
        )
        positions = tuple(
            p if p.date else replace(p, date=found.date, date_method=found.method)
            for p in doc.positions
            for found in [anchor_position(doc, p.start, p.end)]
        )
        figures = tuple(
            f if f.event_date else replace(f, event_date=anchor_span(doc, f.start, f.end).date)
            for f in doc.figures
        )
        return doc.with_(quotes=quotes, positions=positions, figures=figures)


def make_anchor(settings: Config, config: Config) -> Anchor:
    return Anchor()
