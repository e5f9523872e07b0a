"""Title, kicker, deck and byline of text pasted from a news page.

A page copied as text starts with some of: a kicker ("LISSAR CRISIS", "Analyse:"), the
headline, a deck (one-sentence summary), a byline ("By X", "Von X", "Par X"), then the body.
Only the first few lines are looked at, and every guess is conservative: a line that could be
body text is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Header elements live in the first lines; anything later is body.
MAX_HEADER_LINES = 6
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 25
KICKER_MAX_WORDS = 4
DECK_MAX_CHARS = 300

_BYLINE = re.compile(
    r"^(?:by|von|par|de)\s+(?P<names>[^\d|•·]{3,120}?)"
    r"(?:\s*[,|•·(–—-]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]+){1,3}$")
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|&)\s*")


@dataclass(frozen=True)
class Header:
    title: str | None = None
    kicker: str | None = None
    deck: str | None = None
    authors: tuple[str, ...] = ()
    byline_rest: str | None = None  # what followed the names: role, outlet, wire agency


def looks_like_title(line: str) -> bool:
    line = line.strip()
    return (
        0 < len(line) <= TITLE_MAX_CHARS
        and not line.endswith((".", ":", ";", ","))
        and len(line.split()) <= TITLE_MAX_WORDS
        and parse_byline(line) is None
    )


def _looks_like_kicker(line: str) -> bool:
    words = line.strip().rstrip(":|").split()
    if not 0 < len(words) <= KICKER_MAX_WORDS:
        return False
    stripped = line.strip()
    return stripped.isupper() or stripped.endswith((":", "|"))


def parse_byline(line: str) -> tuple[tuple[str, ...], str | None] | None:
    """("By Anna Berg and Ivo Teslar, Meridian") -> (("Anna Berg", "Ivo Teslar"), "Meridian")."""
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    names = tuple(n.strip() for n in _NAME_SPLIT.split(m["names"]) if n.strip())
    if not names or not all(_NAME.match(n) for n in names):
        return None
    rest = (m["rest"] or "").strip(" )") or None
    return names, rest


def parse_header(text: str) -> Header:
    lines = [line.strip() for line in text.split("\n") if line.strip()][:MAX_HEADER_LINES]
    if len(lines) < 2:
        return Header()
    i = 0
    kicker = None
    if _looks_like_kicker(lines[0]) and looks_like_title(lines[1]) and len(lines) > 2:
        kicker, i = lines[0].rstrip(":| "), 1
    if not looks_like_title(lines[i]):
        return Header()
    title = lines[i]
    deck = authors = rest = None
    for j in range(i + 1, len(lines)):
        byline = parse_byline(lines[j])
        if byline:
            authors, rest = byline
            # A single sentence between headline and byline is the deck.
            if j == i + 2 and len(lines[i + 1]) <= DECK_MAX_CHARS:
                deck = lines[i + 1]
            break
    return Header(title, kicker, deck, authors or (), rest)
