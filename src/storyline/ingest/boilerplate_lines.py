"""Lines of pasted page text, the verdict a rule gives one, and the limits the rules share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

_T = TypeVar("_T")


# ---------------------------------------------------------------------------------------
# limits (why each number is what it is)

# Widget labels, credits and tags are short; a line longer than this is article prose or a
# caption, whatever words it contains.
MAX_LABEL_WORDS = 12
# A teaser headline rarely runs past 18 words; a longer line after a teaser heading is prose.
MAX_HEADLINE_WORDS = 18
# Related-article lists on news pages hold three to six items (contact blocks: address,
# phone, mail); eight leaves room, and the bound keeps a missed end of block from eating
# the article.
MAX_BLOCK_ITEMS = 8
# Newsletter prompts and cookie notices can be a few sentences long; beyond this a line is
# an article paragraph that happens to talk about newsletters or cookies.
MAX_NOTICE_WORDS = 80
# Bios are one to three sentences.
MAX_BIO_WORDS = 90
# A bio is only believed right under the title (byline area: title, byline, bio) or in the
# last two lines (sign-off, then perhaps a contact line): the same sentence shape anywhere
# else describes a person in the news.
BIO_TOP_LINES = 3
BIO_BOTTOM_LINES = 2
# Bylines, bare timestamps and mastheads sit in the first lines of an article (title
# included); five leaves room for a kicker and a standfirst.
BYLINE_WINDOW = 5
# Neighbour search for context rules skips at most this many blank lines.
MAX_BLANK_GAP = 1


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # exactly as in the input, without the newline
    first: bool  # the first non-blank line: the title of a pasted article
    stripped: str
    norm: str  # see normalise
    words: int


@dataclass(frozen=True)
class Verdict:
    reason: str
    strong: bool = True  # weak: only removed when a neighbour is clutter too
    provenance: tuple[tuple[str, str], ...] = ()
    opens_block: str | None = None  # reason given to the short lines listed under it
    bio_candidate: bool = False  # needs the position check
    social_attribution: bool = False  # "— Name (@handle) date": the post text is above
    bio_heading: bool = False


_DECORATION = set("•·|>›»<‹«→←↗↘▶►▸▹■□●○◆◇★☆✓✔✕✖×+*#~=_-–—:;.,!…/\\\"'“”„")
_WHITESPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([?!:;])")


def normalise(text: str) -> str:
    """Case-folded line without edge decoration, for comparing with the phrase tables."""
    s = _WHITESPACE.sub(" ", text.replace("’", "'").replace("‘", "'")).strip()
    start, end = 0, len(s)
    while start < end and _is_decoration(s[start]):
        start += 1
    while end > start and _is_decoration(s[end - 1]):
        end -= 1
    return _SPACE_BEFORE_PUNCT.sub(r"\1", s[start:end]).casefold()


def _is_decoration(char: str) -> bool:
    # Emoji and pictographs (So/Sk) are icons on buttons ("🔗 Link kopieren").
    return char in _DECORATION or char.isspace() or unicodedata.category(char) in {"So", "Sk"}


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    offset = 0
    seen_content = False
    for part in text.split("\n"):
        stripped = part.strip()
        lines.append(
            Line(
                start=offset,
                end=offset + len(part),
                text=part,
                first=bool(stripped) and not seen_content,
                stripped=stripped,
                norm=normalise(stripped),
                words=len(stripped.split()),
            )
        )
        offset += len(part) + 1
        seen_content = seen_content or bool(stripped)
    return lines


def unique(items: Sequence[_T]) -> list[_T]:
    seen: set[_T] = set()
    out: list[_T] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
