"""Context passes over the classified lines: the article head (bylines, timestamps,
mastheads), blocks under a heading, social post texts, weak labels and author bios."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.ingest.boilerplate_lines import (
    BIO_BOTTOM_LINES,
    BIO_TOP_LINES,
    BYLINE_WINDOW,
    MAX_BIO_WORDS,
    MAX_BLANK_GAP,
    MAX_BLOCK_ITEMS,
    MAX_HEADLINE_WORDS,
    Line,
    Verdict,
)
from storyline.ingest.boilerplate_patterns import DATE, MONTH, NAME, QUOTE_CHARS, Rules
from storyline.ingest.boilerplate_rules import is_timestamp

_BYLINE = re.compile(
    rf"^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR)\s+(?P<names>{NAME}(?:\s*(?:,|and|und|et|&)\s*{NAME})*)"
    r"(?:\s*[,|–—-]\s*[^.!?]{0,60}|\s*\([^()]{1,60}\))?$"
)
_MASTHEAD_SEPARATOR = re.compile(r"\s+\|\s+")
# A bare time ("14:05 BST") under the title heads a live-blog entry; only a line with a
# date is the article's own timestamp.
_HAS_DATE = re.compile(
    rf"{DATE}|\b{MONTH}(?!\w)|\b(?:19|20)\d\d\b|\d{{1,2}}[./]\d{{1,2}}\.", re.IGNORECASE
)


def mark_header(lines: Sequence[Line], verdicts: list[Verdict | None], rules: Rules) -> None:
    """Bylines, bare timestamps and "Outlet | Section" mastheads under the title.

    Only the head of the article counts: further down, "Freitag, 8. Februar 2008" alone on
    a line heads a section of the story and must stay, and "X | Y" may be a table row. The
    head ends at the first prose line, except that a timestamp right under a byline is still
    part of it (opinion pages put the standfirst above both).
    """
    content = [i for i, line in enumerate(lines) if line.stripped and verdicts[i] is None]
    in_head = True
    after_byline = False
    for rank, i in enumerate(content[:BYLINE_WINDOW]):
        line = lines[i]
        byline = _BYLINE.match(line.stripped)
        if byline:
            verdicts[i] = Verdict("other", provenance=(("byline", byline.group("names")),))
            after_byline = True
            continue
        if (in_head or after_byline) and _is_bare_timestamp(line, rules):
            verdicts[i] = Verdict("other", provenance=(("timestamp", line.stripped),))
        elif in_head and rank > 0 and line.words <= 10 and _is_masthead(line.stripped):
            verdicts[i] = Verdict("navigation")
        elif rank > 0 and _is_prose(line):
            in_head = False
        after_byline = False


def _is_bare_timestamp(line: Line, rules: Rules) -> bool:
    return (
        line.words <= 8
        and _HAS_DATE.search(line.stripped) is not None
        and is_timestamp(line.stripped, rules)
    )


def _is_prose(line: Line) -> bool:
    # Ten words ending like a sentence: a lead paragraph or a standfirst, not a label.
    return line.words >= 10 and line.stripped.endswith((".", "!", "?", '"', "”", "“", "»", "«"))


def _is_masthead(text: str) -> bool:
    parts = _MASTHEAD_SEPARATOR.split(text)
    return 2 <= len(parts) <= 4 and all(
        len(p.split()) <= 4 and not p.endswith((".", "!", "?", ":")) for p in parts
    )


def _next_non_blank(lines: Sequence[Line], index: int, step: int) -> int | None:
    """The next non-blank line in direction ``step``, across at most ``MAX_BLANK_GAP`` blanks."""
    blanks = 0
    i = index + step
    while 0 <= i < len(lines):
        if lines[i].stripped:
            return i
        blanks += 1
        if blanks > MAX_BLANK_GAP:
            return None
        i += step
    return None


def attach_social_posts(
    lines: Sequence[Line], verdicts: list[Verdict | None], rules: Rules
) -> None:
    """The post text above a "— Name (@handle) date" line goes with it when it looks like a
    post (a link, hashtag or @mention); a plain sentence above it stays, being possibly the
    article's own lead-in."""
    for i, verdict in enumerate(verdicts):
        if verdict is None or not verdict.social_attribution:
            continue
        j = _next_non_blank(lines, i, -1)
        if j is None or verdicts[j] is not None or lines[j].words > 60:
            continue
        if rules.social_link.search(lines[j].stripped) or re.search(
            r"(?:^|\s)[#@]\w", lines[j].stripped
        ):
            verdicts[j] = Verdict("social_embed")


def _is_headline_like(line: Line) -> bool:
    return line.words <= MAX_HEADLINE_WORDS and not line.stripped.endswith((".", ",", ";", ":"))


def extend_blocks(lines: Sequence[Line], verdicts: list[Verdict | None]) -> None:
    """Headlines under a teaser heading ("Mehr zum Thema", "Related") are teasers; the
    address lines under "Pressekontakt:" belong to the contact block."""
    for i, verdict in enumerate(verdicts):
        if verdict is None or verdict.opens_block is None:
            continue
        reason = verdict.opens_block
        items = 0
        j = i + 1
        blank_run = 0
        while j < len(lines) and items < MAX_BLOCK_ITEMS:
            line = lines[j]
            if not line.stripped:
                blank_run += 1
                # A blank line right under the heading is layout; after items it ends the list.
                if items or blank_run > MAX_BLANK_GAP:
                    break
            elif verdicts[j] is not None:
                pass
            elif _is_headline_like(line):
                verdicts[j] = Verdict(reason)
                items += 1
                blank_run = 0
            else:
                break
            j += 1


def resolve_weak(lines: Sequence[Line], verdicts: list[Verdict | None]) -> None:
    """Confirm weak labels next to clutter (or to each other); drop the rest."""
    changed = True
    while changed:
        changed = False
        for i, verdict in enumerate(verdicts):
            if verdict is None or verdict.strong:
                continue
            near = _adjacent(lines, i)
            if any(_supports(verdicts[j]) for j in near):
                verdicts[i] = Verdict(verdict.reason)
                changed = True
    for i, verdict in enumerate(verdicts):
        if verdict is not None and not verdict.strong:
            verdicts[i] = None


def _supports(verdict: Verdict | None) -> bool:
    # Any clutter vouches for a weak neighbour, except an unconfirmed bio: that one is
    # waiting for support itself.
    return verdict is not None and not verdict.bio_candidate


def _adjacent(lines: Sequence[Line], index: int) -> list[int]:
    """The nearest non-blank line above and below (within ``MAX_BLANK_GAP`` blanks)."""
    found = (_next_non_blank(lines, index, -1), _next_non_blank(lines, index, 1))
    return [i for i in found if i is not None]


def confirm_bios(lines: Sequence[Line], verdicts: list[Verdict | None]) -> None:
    """Keep a bio-shaped line unless it sits at the article's edge, after an "About the
    author" heading, or next to other clutter."""
    for i, verdict in enumerate(verdicts):
        if verdict is None or not verdict.bio_heading:
            continue
        j = _next_non_blank(lines, i, 1)
        if j is None or lines[j].words > MAX_BIO_WORDS or QUOTE_CHARS.search(lines[j].stripped):
            continue
        following = verdicts[j]
        if following is None or following.bio_candidate:
            verdicts[j] = Verdict("author_bio")
    content = [
        i for i, line in enumerate(lines) if line.stripped and _is_candidate_or_none(verdicts[i])
    ]
    edge = set(content[:BIO_TOP_LINES]) | set(content[-BIO_BOTTOM_LINES:])
    for i, verdict in enumerate(verdicts):
        if verdict is None or not verdict.bio_candidate:
            continue
        near = _adjacent(lines, i)
        beside_clutter = any(not _is_candidate_or_none(verdicts[j]) for j in near)
        verdicts[i] = Verdict("author_bio") if i in edge or beside_clutter else None


def _is_candidate_or_none(verdict: Verdict | None) -> bool:
    return verdict is None or verdict.bio_candidate
