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
is not. Neither kind affects the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from storyline.annotate.timex_calendar import Lean
from storyline.annotate.timex_cues import tense_lean
from storyline.annotate.timex_lexicon import Lexicon, load_lexicon
from storyline.annotate.timex_parse import Meaning, case_ok, parse
from storyline.annotate.timex_resolve import resolve
from storyline.document import TimeExpression

__all__ = ["find_times", "supported_languages"]

_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    order: int  # rule order then position, to break ties between equally long candidates
    meaning: Meaning


def supported_languages() -> tuple[str, ...]:
    return ("en", "de", "fr")


def _language(code: str) -> str:
    """ "de-CH" and "fr_FR" use the German and French grammars."""
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


def _candidates(text: str, lexicon: Lexicon) -> list[_Candidate]:
    found: list[_Candidate] = []
    for order, rule in enumerate(lexicon.rules):
        for match in rule.regex.finditer(text):
            start, end = _span(match, text)
            if start >= end or not case_ok(lexicon, match, text):
                continue
            meaning = parse(match, rule, lexicon)
            if meaning is not None:
                found.append(_Candidate(start, end, order, meaning))
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
