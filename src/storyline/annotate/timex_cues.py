"""The tense around an expression, for the cases where it decides the date.

"on Friday" in a report is the Friday just past, but "will meet on Friday" is the coming one;
"in June" in a January article is next June if the sentence says "will". A full tense
analysis is not needed: the nearest future or past marker (an auxiliary, "next", a French
future ending) in the same sentence is a good enough witness.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.annotate.timex_calendar import Lean
from storyline.annotate.timex_lexicon import Lexicon

# How far to look for a marker on either side, in characters. A news sentence is rarely
# longer; the window also stops at sentence ends.
WINDOW = 120
# A dot after a digit is a German ordinal ("7. März"), not a sentence end.
_SENTENCE_END = re.compile(r"(?<!\d)[.!?;]\s+(?=[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ\"„“«])|\n")


def _sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    low = max(0, start - WINDOW)
    high = min(len(text), end + WINDOW)
    # One character past the start, so that the capital the boundary looks ahead to is seen.
    for found in _SENTENCE_END.finditer(text, low, min(len(text), start + 1)):
        low = max(low, min(found.end(), start))
    after = _SENTENCE_END.search(text, end, high)
    if after is not None:
        high = after.start() + 1
    return low, high


def _nearest(
    pattern: re.Pattern[str] | None,
    text: str,
    span: tuple[int, int, int, int],
    others: Sequence[tuple[int, int]],
) -> int:
    """Distance in characters from the expression to the closest match of ``pattern``.

    Markers inside other temporal expressions do not count: "next" in "next week" speaks
    of that week, not of the sentence (think of a list: "last May, next week, in June").
    """
    low, high, start, end = span
    best = WINDOW * 2
    if pattern is None:
        return best
    for found in pattern.finditer(text, low, high):
        if any(found.start() < b and found.end() > a for a, b in others):
            continue
        if found.end() <= start:
            best = min(best, start - found.end())
        elif found.start() >= end:
            best = min(best, found.start() - end)
    return best


def tense_lean(
    text: str, start: int, end: int, lexicon: Lexicon, others: Sequence[tuple[int, int]] = ()
) -> Lean | None:
    """``future`` or ``past`` when the sentence around ``text[start:end]`` shows a tense.

    ``others`` are the spans of the other temporal expressions found in the text.
    """
    low, high = _sentence_window(text, start, end)
    span = (low, high, start, end)
    future = _nearest(lexicon.future_cues, text, span, others)
    past = _nearest(lexicon.past_cues, text, span, others)
    if future == past:  # neither found (or a tie): no evidence
        return None
    return "future" if future < past else "past"
