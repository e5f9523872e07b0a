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

This module is the entry point; the work is split by step: ``number_formats`` (digits),
``number_words`` (number words), ``number_tokens`` and ``number_phrases`` (reading a phrase),
``number_vague`` (magnitude-only amounts), ``number_blockers`` (what is no amount) and
``number_qualifiers`` (ranges, qualifiers, bounds).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from storyline.annotate.number_blockers import BLOCKED_RE, keep
from storyline.annotate.number_core import Core, NumberMatch, to_lang
from storyline.annotate.number_formats import numeral_value
from storyline.annotate.number_phrases import parse_at
from storyline.annotate.number_qualifiers import (
    ENDS_WITH_NUMBER,
    join_bounds,
    merge_ranges,
    qualify,
)
from storyline.annotate.number_tokens import Tok, tokens
from storyline.annotate.number_vague import vague_cores
from storyline.annotate.number_words import GLUED_UNITS, german_number_word

__all__ = ["NumberMatch", "find_numbers", "german_number_word", "numeral_value"]


def find_numbers(text: str, language: str) -> list[NumberMatch]:
    """Every amount-like number expression in ``text``, in text order, without overlaps."""
    return list(_find_numbers(text, language))


# The figures and positions components both read a document's numbers; parsing is the costly
# part of both, and matches are immutable, so the last few documents' results are kept.
@lru_cache(maxsize=16)
def _find_numbers(text: str, language: str) -> tuple[NumberMatch, ...]:
    lang = to_lang(language)
    toks = tokens(text)
    values: dict[int, float] = {}
    for j, tok in enumerate(toks):
        if tok.digits:
            values[j] = numeral_value(tok.text, lang)
    # Character masks: 1 where a date/time/code (blocked) or a vague amount (taken) lies.
    blocked, taken = bytearray(len(text)), bytearray(len(text))
    for rx in BLOCKED_RE[lang]:
        for m in rx.finditer(text):
            blocked[m.start() : m.end()] = b"\1" * (m.end() - m.start())
    cores = vague_cores(text, lang)
    for c in cores:
        taken[c.start : c.end] = b"\1" * (c.end - c.start)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if taken[tok.start]:
            i += 1
            continue
        parsed = parse_at(toks, i, text, lang, values)
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
        if 1 not in blocked[c.start : c.end] and keep(c, text, lang)
    ]
    merged = merge_ranges([_signed(c, text) for c in kept], text, lang)
    return tuple(join_bounds([qualify(c, text, lang) for c in merged], text))


def _signed(core: Core, text: str) -> Core:
    """Negative when a minus is glued to the digits and follows no number ("3-5" is a range)."""
    i = core.start - 1
    if not core.digits or core.value is None or i < 0 or text[i] not in "-−":
        return core
    if i > 0 and not (text[i - 1].isspace() or text[i - 1] in "([{=:"):
        return core
    if ENDS_WITH_NUMBER.search(text[max(0, i - 3) : i]):
        return core  # "3 -5" is rather a range written loosely
    return Core(i, core.end, -core.value, scale=core.scale, digits=True, first_word="-")


def _glued_code(toks: Sequence[Tok], nxt: int, core: Core) -> bool:
    """Digits glued to letters that are neither a multiplier nor a unit: "5G", "1990s"."""
    if nxt >= len(toks) or not core.digits:
        return False
    follow = toks[nxt]
    if follow.start != core.end or follow.digits:
        return False
    return follow.low not in GLUED_UNITS
