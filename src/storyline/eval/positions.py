"""Score positions and contradictions on the demo gold (``demo/gold/*.json``).

The demo corpus is processed by the configured ingest and analyze stages (with the demo
knowledge base and topics, as ``storyline demo`` does); ``figures`` and ``positions`` are
appended when the configuration does not list them yet.

Positions: a gold position (document, actor, stance, commitment, evidence) is *found* when a
predicted position of the same document and actor has an evidence span overlapping the gold
evidence; it is *correct* when that position also has the gold stance and commitment (one
prediction answers one gold position; a correct one is preferred). Accuracy = correct / gold
positions. ``agreement`` = correct / predicted positions: the gold does not list every
position a text states, so this is a lower bound of precision.

Contradictions: each planted contradiction (``gold/contradictions.json``) must be reported —
a figure conflict on the same quantity and unit covering at least two of the gold values, a
stance change of the actor between the gold stances, an attribution conflict on the actor
whose claims include the gold commitments ("withdrawn" is a decline after a pledge).

Run: ``storyline eval positions`` (``--data`` is accepted and unused: the gold ships with
storyline).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from storyline.config import Config
from storyline.document import Document
from storyline.eval import language_rows, parse_data_arg, pct


def demo_documents(config: Config | None = None) -> dict[str, Document]:
    """Gold file key (``en/x.txt``, ``de/y.jsonl#2``) -> fully processed demo document."""
    from storyline.eval.demo_gold import demo_config, processed_documents

    return processed_documents(config or demo_config())


def locate(text: str, needle: str, taken: Iterable[tuple[int, int]] = ()) -> tuple[int, int]:
    """Span of ``needle`` in ``text`` (the first occurrence not yet taken), or (-1, -1)."""
    used = set(taken)
    start = text.find(needle)
    while start >= 0 and (start, start + len(needle)) in used:
        start = text.find(needle, start + 1)
    return (start, start + len(needle)) if start >= 0 else (-1, -1)


def score_positions(
    docs: Mapping[str, Document], gold: Iterable[Mapping[str, Any]]
) -> dict[str, dict[str, int]]:
    """Per language: gold, found, correct and predicted position counts."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for g in gold:
        doc = docs.get(g["file"])
        if doc is None:
            continue
        row = table[g.get("language", doc.language or "und")]
        predicted = list(doc.positions)
        row["predicted"] += len(predicted)
        used: set[int] = set()
        for gp in g.get("positions", []):
            row["gold"] += 1
            start, end = locate(doc.text, gp["evidence"])
            candidates = [
                i
                for i, p in enumerate(predicted)
                if i not in used and p.actor == gp["actor"] and p.start < end and start < p.end
            ]
            right = [
                i
                for i in candidates
                if (predicted[i].stance, predicted[i].commitment)
                == (gp["stance"], gp["commitment"])
            ]
            if not candidates:
                continue
            pick = (right or candidates)[0]
            used.add(pick)
            row["found"] += 1
            row["correct"] += bool(right)
    return {lang: dict(row) for lang, row in table.items()}


def _gold_contradictions() -> list[dict[str, Any]]:
    from storyline.eval.demo_gold import GOLD_DIR

    data = json.loads((GOLD_DIR / "contradictions.json").read_text(encoding="utf-8"))
    return list(data["contradictions"])


def contradiction_found(planted: Mapping[str, Any], found: Iterable[Mapping[str, Any]]) -> bool:
    for c in found:
        if c["kind"] != planted["kind"]:
            continue
        if c["kind"] == "figure":
            same = (c["measures"], c["unit"]) == (planted["measures"], planted["unit"])
            values = {round(v) for v in c["values"]}
            if same and len(values & {round(v) for v in planted["values"]}) >= 2:
                return True
        elif c["actor"] == planted["actor"] and c["kind"] == "stance_change":
            if (c["from"]["stance"], c["to"]["stance"]) == (
                planted["from"]["stance"],
                planted["to"]["stance"],
            ):
                return True
        elif c["actor"] == planted["actor"]:
            wanted = {
                "declined" if x["commitment"] == "withdrawn" else x["commitment"]
                for x in planted["claims"]
            }
            if wanted <= {x["commitment"] for x in c["claims"]}:
                return True
    return False


def score_contradictions(
    docs: Iterable[Document], kinds: Iterable[str] | None = None
) -> list[tuple[str, str, bool]]:
    """(id, kind, found) for every planted contradiction of the given kinds."""
    from storyline.analysis.contradictions import find_contradictions

    found = find_contradictions(list(docs))
    wanted = set(kinds) if kinds is not None else None
    return [
        (p["id"], p["kind"], contradiction_found(p, found))
        for p in _gold_contradictions()
        if wanted is None or p["kind"] in wanted
    ]


def main(argv: list[str] | None = None) -> int:
    parse_data_arg(argv, "Score positions and contradictions on the demo gold.")
    from storyline.eval.demo_gold import gold_documents

    docs = demo_documents()
    table = score_positions(docs, gold_documents())
    print("positions (actor + stance + commitment) on the demo gold")
    print(
        f"{'lang':<6}{'gold':>6}{'found':>7}{'correct':>9}{'accuracy':>10}{'predicted':>11}"
        f"{'agreement':>11}"
    )
    for label, row in language_rows(table):
        _row(label, row)
    print()
    print("planted contradictions")
    for cid, kind, ok in score_contradictions(docs.values()):
        print(f"  {cid:<28}{kind:<22}{'found' if ok else 'MISSED'}")
    return 0


def _row(label: str, row: Mapping[str, int]) -> None:
    gold, found, correct, pred = (row.get(k, 0) for k in ("gold", "found", "correct", "predicted"))
    print(
        f"{label:<6}{gold:>6}{found:>7}{correct:>9}{pct(correct, gold):>10}{pred:>11}"
        f"{pct(correct, pred):>11}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
