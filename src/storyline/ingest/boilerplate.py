"""Remove page clutter (share bars, teasers, credits, notices) from pasted news text.

The unit is the line: text copied from a web page keeps each widget label, credit or teaser
on a line of its own, while article prose comes in paragraph lines. Each line is classified
by rules (phrase tables in ``boilerplate_patterns.toml`` plus the patterns below) using a few
features: length in words, punctuation, position in the article, and what the neighbouring
lines are. Ambiguous evidence ("X", "OK", a short bio-like sentence) only counts when the
neighbourhood agrees, because dropping a real sentence is worse than keeping a stray label.

Wire tags and source lines say where the copy came from; they are removed from the text but
reported in ``BoilerplateResult.provenance`` together with tags found in kept datelines
("SELMONT (MERIDIAN) –"), timestamps and bylines.

This module is the entry point. The line model and shared limits live in
``boilerplate_lines``, the phrase tables in ``boilerplate_patterns``, the per-line rules in
``boilerplate_rules`` (with ``boilerplate_credits`` and ``boilerplate_notices``), and the
passes that look at neighbouring lines in ``boilerplate_blocks``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.document import RemovedLine
from storyline.ingest.boilerplate_blocks import (
    attach_social_posts,
    confirm_bios,
    extend_blocks,
    mark_header,
    resolve_weak,
)
from storyline.ingest.boilerplate_credits import agencies_in
from storyline.ingest.boilerplate_lines import (
    BIO_BOTTOM_LINES,
    BIO_TOP_LINES,
    BYLINE_WINDOW,
    MAX_BIO_WORDS,
    MAX_BLANK_GAP,
    MAX_BLOCK_ITEMS,
    MAX_HEADLINE_WORDS,
    MAX_LABEL_WORDS,
    MAX_NOTICE_WORDS,
    Line,
    Verdict,
    split_lines,
    unique,
)
from storyline.ingest.boilerplate_patterns import PATTERNS_FILE, UPPER, Rules, load_rules
from storyline.ingest.boilerplate_rules import classify_line

# The limits and the pattern file name stay importable from here, where they used to live.
__all__ = [
    "BIO_BOTTOM_LINES",
    "BIO_TOP_LINES",
    "BYLINE_WINDOW",
    "MAX_BIO_WORDS",
    "MAX_BLANK_GAP",
    "MAX_BLOCK_ITEMS",
    "MAX_HEADLINE_WORDS",
    "MAX_LABEL_WORDS",
    "MAX_NOTICE_WORDS",
    "PATTERNS_FILE",
    "BoilerplateResult",
    "strip_boilerplate",
]


@dataclass(frozen=True)
class BoilerplateResult:
    text: str  # kept lines joined (before tidy_text)
    removed: tuple[RemovedLine, ...]  # offsets into the INPUT text
    provenance: tuple[tuple[str, str], ...]  # ("wire_tag", "AFP"), ("source_line", "Reuters")


_INLINE_TAG = re.compile(
    rf"^(?:[{UPPER}][^()\n]{{0,60}}?\s)?\((?P<tags>[^()\n]{{2,30}})\)\s*[-–—:]"
    r"|\((?P<end>[^()\n]{2,30})\)\s*$"
)


def strip_boilerplate(text: str, language: str | None = None) -> BoilerplateResult:
    """Split ``text`` into kept lines and removed boilerplate lines (offsets into ``text``).

    ``language`` is accepted so the pipeline can pass what it knows, but every rule runs
    for every language: German pages carry English widget labels ("Share", "Newsletter")
    and wire copy crosses languages, so restricting the rules would only lose recall.
    """
    rules = load_rules()
    lines = split_lines(text)
    verdicts: list[Verdict | None] = [classify_line(line, rules) for line in lines]
    mark_header(lines, verdicts, rules)
    attach_social_posts(lines, verdicts, rules)
    extend_blocks(lines, verdicts)
    resolve_weak(lines, verdicts)
    confirm_bios(lines, verdicts)
    removed_flags = [v is not None and v.strong for v in verdicts]

    kept = [line.text for line, gone in zip(lines, removed_flags, strict=True) if not gone]
    removed = tuple(
        RemovedLine(line.start, line.end, line.text, verdict.reason)
        for line, verdict, gone in zip(lines, verdicts, removed_flags, strict=True)
        if gone and verdict is not None
    )
    provenance = _provenance(lines, verdicts, removed_flags, rules)
    return BoilerplateResult(text="\n".join(kept), removed=removed, provenance=provenance)


def _provenance(
    lines: Sequence[Line],
    verdicts: Sequence[Verdict | None],
    removed_flags: Sequence[bool],
    rules: Rules,
) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for line, verdict, gone in zip(lines, verdicts, removed_flags, strict=True):
        if gone and verdict is not None:
            found.extend(verdict.provenance)
            continue
        for match in _INLINE_TAG.finditer(line.stripped):
            tags = match.group("tags") or match.group("end")
            agencies = agencies_in(tags, rules)
            if (
                agencies is None
                and match.group("tags")
                and re.fullmatch(f"[{UPPER}]{{2,10}}", tags)
            ):
                agencies = [tags]
            found.extend(("wire_tag", a) for a in agencies or ())
    return tuple(unique(found))
