"""Temporal expressions in news text: found with exact offsets, resolved against the
publication date.

The grammar is a set of regular expressions per language (``timex_<lang>.toml``, read by
``timex_lexicon``) rather than a general date parser: a parser's "search" mode guesses too
much ("die", "We", "Sun", "May" become dates) and is slow on long texts, while a news article
uses a small, stable set of phrasings. Every rule that matches proposes a candidate; where
candidates overlap the longest wins ("Wednesday, March 18" over "Wednesday"), then each
survivor is resolved (``timex_resolve``) using the tense of its sentence (``timex_cues``)
where the tense decides the date.

Span convention: a preposition that only introduces the date is part of the span ("on
Wednesday", "am Mittwoch", "le 3 octobre", "in February", "im Mai", "en février"), as in the
demo gold; one that changes the meaning ("since March", "seit Februar", "depuis le 1er avril")
is not. Neither kind affects the value. Values use TIMEX3 notation by granularity (day
2026-03-07, week 2026-W11, month 2026-03, quarter 2026-Q1 or season 2026-SP, year 2026; see
``timex_resolve``), and ``interval`` always gives the first and last day.

Rules only run near a digit or a month, weekday, unit or similar word (``Lexicon.trigger``),
which keeps long articles cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from storyline.annotate.timex_calendar import Lean
from storyline.annotate.timex_cues import tense_lean
from storyline.annotate.timex_lexicon import Lexicon, Rule, load_lexicon
from storyline.annotate.timex_parse import Meaning, case_ok, parse
from storyline.annotate.timex_resolve import resolve
from storyline.document import TimeExpression

__all__ = ["find_times", "supported_languages"]

_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
# How far an expression can reach from its trigger word (see Lexicon.trigger) on either side:
# the longest, "the beginning of next week" or "à partir du mercredi 18 mars 2026", stay well
# within it.
TRIGGER_MARGIN = 60


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    order: int  # index of the rule: breaks ties between equally long candidates at one place
    meaning: Meaning


def supported_languages() -> tuple[str, ...]:
    return ("en", "de", "fr")


def _language(code: str) -> str:
    """The grammar for a language tag: its base language ("de-CH" -> "de", "fr_FR" -> "fr")."""
    base = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return base if _LANGUAGE_CODE.fullmatch(base) else "und"


def _span(match: re.Match[str], text: str) -> tuple[int, int]:
    start, end = match.start(), match.end()
    if match.groupdict().get("lead") is not None:
        start = match.end("lead")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _windows(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Stretches of text around trigger words, merged; no expression lies outside them."""
    windows: list[tuple[int, int]] = []
    for hit in lexicon.trigger.finditer(text):
        low, high = max(0, hit.start() - TRIGGER_MARGIN), hit.end() + TRIGGER_MARGIN
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return [(low, min(high, len(text))) for low, high in windows]


def _accept(match: re.Match[str], rule: Rule, text: str, lexicon: Lexicon) -> _Candidate | None:
    start, end = _span(match, text)
    # A date on the next line is a title or dateline, not the rest of this expression
    # ("...closed until Friday\nSeptember 18, 2008 The government...").
    if start >= end or "\n" in text[start:end] or not case_ok(lexicon, match, text):
        return None
    meaning = parse(match, rule, lexicon)
    return None if meaning is None else _Candidate(start, end, 0, meaning)


def _candidates(text: str, lexicon: Lexicon) -> list[_Candidate]:
    found: list[_Candidate] = []
    windows = _windows(text, lexicon)
    for order, rule in enumerate(lexicon.rules):
        for low, high in windows:
            position = low
            # Searching from ``position`` still lets look-behinds and \b see the text before.
            while (match := rule.regex.search(text, position, high)) is not None:
                candidate = _accept(match, rule, text, lexicon)
                if candidate is None:
                    # A rejected match may hide a good one inside it ("Friday\nSeptember 18"
                    # holds "September 18"): look again one character further.
                    position = match.start() + 1
                    continue
                found.append(replace(candidate, order=order))
                position = max(match.end(), match.start() + 1)
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first."""
    ranked = sorted(candidates, key=lambda c: (c.start - c.end, c.start, c.order))
    taken: list[_Candidate] = []
    for candidate in ranked:
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


def _needs_tense(m: Meaning) -> bool:
    """Whether the sentence's tense can change the resolved date (or, with no reference,
    is the only evidence of direction)."""
    if m.kind in ("date", "month", "season", "quarter"):
        return m.year is None and m.shift is None
    return m.kind == "weekday" and m.shift is None


def find_times(text: str, language: str, reference: date | None) -> list[TimeExpression]:
    """Temporal expressions in ``text`` (a document's clean text), in text order.

    ``language`` is an ISO 639-1 code (en, de, fr have full grammars; others get numeric and
    ISO dates only). ``reference`` is the publication date; without it, only expressions that
    carry their own year are given a value, relative ones get ``value=None``.
    """
    if not text:
        return []
    lexicon = load_lexicon(_language(language))
    chosen = _select(_candidates(text, lexicon))
    spans = [(c.start, c.end) for c in chosen]
    found: list[TimeExpression] = []
    for candidate in chosen:
        lean: Lean | None = None
        if _needs_tense(candidate.meaning):
            lean = tense_lean(text, candidate.start, candidate.end, lexicon, spans)
        resolution = resolve(candidate.meaning, reference, lean)
        if resolution is None:
            continue
        interval = resolution.interval
        found.append(
            TimeExpression(
                start=candidate.start,
                end=candidate.end,
                text=text[candidate.start : candidate.end],
                value=resolution.value,
                granularity=resolution.granularity,
                direction=resolution.direction,
                interval=None
                if interval is None
                else (interval[0].isoformat(), interval[1].isoformat()),
            )
        )
    return found
