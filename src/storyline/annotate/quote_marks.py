"""Pairing quotation marks: “…”, "…", „…“, «…», »…«, ‹…›, ‚…‘, ‘…’, '…'.

A stack walks the marks of each paragraph. A mark closes the innermost open quotation it can
close, otherwise it opens one if it can; the direction of ambiguous marks (", ', “, », ‘) comes
from what flanks them (space or start before and a letter after: opening). An apostrophe between
letters ("don't", "l’Europe") is never a mark. Whatever stays unbalanced is dropped and the walk
goes on, so one stray mark costs at most its own quotation. A quotation whose paragraph ends
open and whose next paragraph starts with the same opening mark is the classic multi-paragraph
quotation: each paragraph becomes a part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> the marks that close it.
CLOSERS: dict[str, str] = {
    "„": "“”",
    "“": "”",
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    "‚": "‘’",
    "‘": "’",
    '"': '"',
    "'": "'",
    "”": "”",  # Swedish/Finnish ”…”
}
MARKS = frozenset("„“”«»‹›‚‘’\"'")
# Families, for nesting: a quotation inside another uses the other family.
SINGLE = frozenset("‹›‚‘’'")
# Recovery of an unclosed quotation that opens a paragraph: at most this long.
MAX_UNCLOSED_CHARS = 600
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Marked:
    """One quotation: the marks and the content between them (content trimmed of spaces)."""

    open_start: int
    open_end: int
    close_start: int  # == close_end when the quotation is closed by the paragraph end
    close_end: int
    start: int  # content
    end: int
    depth: int  # 0 for outermost, 1 for a quotation inside a quotation, …
    closed: bool = True  # False: paragraph part of a multi-paragraph quote, or recovered


def _flank(text: str, i: int) -> tuple[bool, bool]:
    """(left-flanking, right-flanking) of the mark at ``i``: can it open, can it close."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = (before.isspace() or before in "([{—–-/:" or before in MARKS) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum() or after in MARKS)
    return opens, closes


def _roles(text: str, i: int, stack: list[tuple[str, int]]) -> tuple[bool, bool]:
    """Can the mark at ``i`` close an open quotation, can it open a new one."""
    c = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if c in "'’" and before.isalnum() and after.isalnum():
        return False, False  # apostrophe inside a word
    opens, closes = _flank(text, i)
    can_close = any(c in CLOSERS[o] for o, _ in stack) and closes
    if c in "„‚":
        return False, True
    if c == "”":
        return can_close, opens and not closes and not stack
    if c == "’":
        return can_close, False
    if c in "«»‹›":
        # French « … » (often with spaces inside) or German » … «: a guillemet opens unless
        # it can close the open one.
        return any(c in CLOSERS[o] for o, _ in stack), c in "«‹" or not after.isspace()
    return can_close, opens


def find_marked(text: str) -> list[Marked]:
    """All quotations in ``text``, in order of their opening marks."""
    found: list[Marked] = []
    carry: tuple[str, int] | None = None  # an open quotation continuing into the next paragraph
    for para in _PARAGRAPH.finditer(text):
        stack: list[tuple[str, int]] = []
        first = _first_mark(text, para.start(), para.end())
        if carry is not None and first is not None and text[first] == carry[0]:
            stack.append((text[first], first))
            scan_from = first + 1
        else:
            scan_from = para.start()
        carry = None
        for i in range(scan_from, para.end()):
            c = text[i]
            if c not in MARKS:
                continue
            can_close, can_open = _roles(text, i, stack)
            if can_close:
                depth = next(d for d in range(len(stack) - 1, -1, -1) if c in CLOSERS[stack[d][0]])
                opener, at = stack[depth]
                del stack[depth:]  # anything opened inside and never closed is dropped
                found.append(_marked(text, at, i, i + 1, depth, True))
            elif can_open:
                stack.append((c, i))
        if stack:
            opener, at = stack[0]
            nxt = _next_paragraph_mark(text, para.end())
            if nxt == opener:
                carry = (opener, at)
                found.append(_marked(text, at, para.end(), para.end(), 0, False))
            elif at == _first_mark(text, para.start(), para.end()) and (
                at - para.start() < 2 and para.end() - at <= MAX_UNCLOSED_CHARS
            ):
                found.append(_marked(text, at, para.end(), para.end(), 0, False))
    found.sort(key=lambda m: (m.open_start, m.depth))
    return [m for m in found if m.end > m.start]


def _marked(text: str, at: int, close: int, close_end: int, depth: int, closed: bool) -> Marked:
    start, end = at + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Marked(at, at + 1, close, close_end, start, end, depth, closed)


def _first_mark(text: str, start: int, end: int) -> int | None:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i if i < end and text[i] in MARKS else None


def _next_paragraph_mark(text: str, end: int) -> str | None:
    m = _PARAGRAPH.search(text, end)
    if m is None:
        return None
    first = _first_mark(text, m.start(), m.end())
    return text[first] if first is not None else None


def outermost(marks: list[Marked]) -> list[Marked]:
    return [m for m in marks if m.depth == 0]
