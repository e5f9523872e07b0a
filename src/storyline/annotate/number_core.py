"""The types every number module shares: the public match, the internal core, the language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["en", "de", "fr"]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One number expression; ``storyline.annotate.numbers`` says what the fields mean."""

    start: int
    end: int
    text: str
    value: float | None
    min: float | None
    max: float | None
    qualifier: str  # exact | about | up_to | at_least | more_than | less_than | range | vague


@dataclass(frozen=True, slots=True)
class Core:
    """A number before qualifiers and ranges are attached."""

    start: int
    end: int
    value: float | None
    min: float | None = None
    max: float | None = None
    qualifier: str = "exact"  # exact | about | vague at this stage
    scale: float = 1.0  # the magnitude word it ends with ("3 million" -> 1e6), for ranges
    digits: bool = False  # written with digits (only such numbers can be years or codes)
    plain: bool = False  # bare digits without separators or magnitude word ("2024")
    article: bool = False  # a lone "ein"/"un": a number only in a counting sense
    first_word: str = ""


def to_lang(language: str) -> Lang:
    """The rule set for a language code ("de-AT" -> "de"); any other language reads as English."""
    code = (language or "en")[:2].casefold()
    if code == "de":
        return "de"
    if code == "fr":
        return "fr"
    return "en"
