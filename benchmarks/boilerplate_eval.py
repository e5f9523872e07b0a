"""Line-level precision/recall of boilerplate removal.

Two gold sets, each scored on its own:

* ``tests/fixtures/boilerplate/NAME.txt`` + ``NAME.expected.json`` (``removed``: the exact
  lines a reader would strike, with a reason);
* the demo corpus, when ``src/storyline/demo/gold/*.json`` exist: each document's
  ``removed`` list against the raw text the readers produce for ``corpus/<file>``.

A predicted removal counts as correct when a gold line has the same text (whitespace
collapsed); each gold line can be matched once. Precision matters more than recall here:
a dropped article sentence is lost for every later stage, a leftover share button is noise.

Usage: .venv/bin/python benchmarks/boilerplate_eval.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyline.ingest.boilerplate import strip_boilerplate
from storyline.ingest.normalize import repair_text

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "boilerplate"
DEMO = REPO / "src" / "storyline" / "demo"


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    reason_hits: int = 0
    documents: int = 0
    absent: int = 0  # gold lines not in the raw text at all (the HTML extractor dropped them)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        predicted = self.true_pos + self.false_pos
        return self.true_pos / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_pos + self.false_neg
        return self.true_pos / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        reasons = self.reason_hits / self.true_pos if self.true_pos else 0.0
        return (
            f"{name:<10} docs={self.documents:<3} gold={self.true_pos + self.false_neg:<4} "
            f"predicted={self.true_pos + self.false_pos:<4} P={self.precision:.3f} "
            f"R={self.recall:.3f} F1={self.f1:.3f} reason-accuracy={reasons:.3f}"
            + (
                f" (gold lines absent from raw text, not scored: {self.absent})"
                if self.absent
                else ""
            )
        )


def _key(text: str) -> str:
    return " ".join(repair_text(text).split())


def score_document(name: str, raw_text: str, gold: Iterable[tuple[str, str]], score: Score) -> None:
    result = strip_boilerplate(raw_text)
    present = Counter(_key(line) for line in raw_text.split("\n"))
    expected: Counter[str] = Counter()
    reasons: dict[str, str] = {}
    for text, reason in gold:
        if expected[_key(text)] >= present[_key(text)]:
            # For HTML the page chrome never reaches the raw text; nothing to score.
            score.absent += 1
            continue
        expected[_key(text)] += 1
        reasons[_key(text)] = reason
    score.documents += 1
    for removed in result.removed:
        key = _key(removed.text)
        if expected[key] > 0:
            expected[key] -= 1
            score.true_pos += 1
            score.reason_hits += reasons[key] == removed.reason
        else:
            score.false_pos += 1
            score.errors.append(f"  FP {name}: [{removed.reason}] {removed.text!r}")
    for key, missing in expected.items():
        score.false_neg += missing
        score.errors.extend(f"  FN {name}: [{reasons[key]}] {key!r}" for _ in range(missing))


def score_fixtures() -> Score:
    score = Score()
    for expected_file in sorted(FIXTURES.glob("*.expected.json")):
        name = expected_file.name.removesuffix(".expected.json")
        raw = repair_text((FIXTURES / f"{name}.txt").read_text("utf-8"))
        spec = json.loads(expected_file.read_text("utf-8"))
        gold = [(item["text"], item["reason"]) for item in spec["removed"]]
        score_document(name, raw, gold, score)
    return score


def _demo_raw_text(file: str) -> str:
    """The raw text the pipeline would see for a gold ``file`` entry (``path`` or ``path#N``)."""
    from storyline.document import Document
    from storyline.errors import InputError
    from storyline.ingest.readers import read_bytes

    path, _, line_no = file.partition("#")
    source = DEMO / "corpus" / path
    docs = list(read_bytes(source.read_bytes(), str(source)))
    wanted = f"{source}#{line_no}" if line_no else str(source)
    for doc in docs:
        if isinstance(doc, InputError):
            continue
        if isinstance(doc, Document) and (doc.source == wanted or not line_no):
            return doc.raw_text
    raise LookupError(f"{file}: no document read from {source}")


def score_demo() -> Score | None:
    gold_files = sorted((DEMO / "gold").glob("*.json"))
    if not gold_files:
        return None
    score = Score()
    for gold_file in gold_files:
        data = json.loads(gold_file.read_text("utf-8"))
        for entry in data.get("documents", []):
            file = entry.get("file", "")
            try:
                raw = _demo_raw_text(file)
            except (OSError, LookupError) as exc:
                score.errors.append(f"  SKIP {file}: {exc}")
                continue
            gold = [(item["text"], item["reason"]) for item in entry.get("removed", [])]
            score_document(file, raw, gold, score)
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--verbose", action="store_true", help="list every FP/FN line")
    args = parser.parse_args(argv)

    fixtures = score_fixtures()
    if not fixtures.documents:
        print(f"no fixtures under {FIXTURES}", file=sys.stderr)
        return 1
    print(fixtures.line("fixtures"))
    if args.verbose:
        print("\n".join(fixtures.errors))

    demo = score_demo()
    if demo is None:
        print("demo      (no src/storyline/demo/gold/*.json yet: skipped)")
    else:
        print(demo.line("demo"))
        skipped = [e for e in demo.errors if e.lstrip().startswith("SKIP")]
        if args.verbose or skipped:
            print("\n".join(demo.errors if args.verbose else skipped))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
