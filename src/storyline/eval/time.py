"""``storyline eval time``: both time evaluations in one run — temporal expressions on the
Recognizers-Text DateTime specs, then the SemEval-2015 Task 4 timelines."""

from __future__ import annotations

from storyline.eval import time_specs, timeline


def main(argv: list[str] | None = None) -> int:
    args = list(argv or [])
    print("== Temporal expressions: Recognizers-Text DateTime specs ==")
    first = time_specs.main(args)
    print("\n== Timelines: SemEval-2015 Task 4 ==")
    second = timeline.main(args)
    return first or second
