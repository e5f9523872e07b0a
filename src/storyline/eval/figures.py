"""Score claimed figures on the demo gold (``demo/gold/*.json``).

A gold figure is matched by a predicted figure of the same document whose span overlaps the
gold text's span and that has the same value and unit (the value of a bound or vague amount
is its stated number: ``value``, else ``max``, else ``min`` — the gold writes "bis zu 25.000"
as ``max`` and "up to 25,000" as ``value``). Precision, recall and F1 of value+unit follow;
on the matched figures the share with the gold ``measures`` and the gold ``claimed_by`` is
reported too (``ceasefire_line_length`` and ``line_length`` count as one). The planted figure
contradictions (force size, participating countries) must be reported.

Run: ``storyline eval figures`` (``--data`` is accepted and unused).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from storyline.document import Document, Figure
from storyline.eval import language_rows, parse_data_arg, pct
from storyline.eval.positions import demo_documents, locate, score_contradictions

_SAME_MEASURE = {"line_length": "ceasefire_line_length"}


def _stated(f: Mapping[str, Any] | Figure) -> float | None:
    get = f.get if isinstance(f, Mapping) else lambda k: getattr(f, k)
    for key in ("value", "max", "min"):
        v = get(key)
        if v is not None:
            return float(v)
    return None


def score_figures(
    docs: Mapping[str, Document], gold: Iterable[Mapping[str, Any]]
) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for g in gold:
        doc = docs.get(g["file"])
        if doc is None:
            continue
        row = table[g.get("language", doc.language or "und")]
        predicted = list(doc.figures)
        row["predicted"] += len(predicted)
        used: set[int] = set()
        spans: list[tuple[int, int]] = []
        for gf in g.get("figures", []):
            row["gold"] += 1
            start, end = locate(doc.text, gf["text"], spans)
            spans.append((start, end))
            pick = next(
                (
                    i
                    for i, p in enumerate(predicted)
                    if i not in used
                    and p.start < end
                    and start < p.end
                    and _stated(p) == _stated(gf)
                    and p.unit == gf["unit"]
                ),
                None,
            )
            if pick is None:
                continue
            used.add(pick)
            p = predicted[pick]
            row["matched"] += 1
            measures = _SAME_MEASURE.get(p.measures or "", p.measures)
            row["measures"] += measures == _SAME_MEASURE.get(gf["measures"], gf["measures"])
            row["claimant"] += p.claimed_by == gf.get("claimed_by")
    return {lang: dict(row) for lang, row in table.items()}


def _f1(row: Mapping[str, int]) -> str:
    m, g, p = row.get("matched", 0), row.get("gold", 0), row.get("predicted", 0)
    return pct(2 * m, g + p)


def main(argv: list[str] | None = None) -> int:
    parse_data_arg(argv, "Score claimed figures on the demo gold.")
    from storyline.eval.demo_gold import gold_documents

    docs = demo_documents()
    table = score_figures(docs, gold_documents())
    print("figures (value + unit) on the demo gold")
    print(
        f"{'lang':<6}{'gold':>6}{'pred':>6}{'match':>7}{'prec':>7}{'recall':>8}{'F1':>7}"
        f"{'measures':>10}{'claimant':>10}"
    )
    for label, row in language_rows(table):
        _row(label, row)
    print()
    print("planted figure contradictions")
    for cid, kind, ok in score_contradictions(docs.values(), kinds=["figure"]):
        print(f"  {cid:<28}{kind:<10}{'found' if ok else 'MISSED'}")
    return 0


def _row(label: str, row: Mapping[str, int]) -> None:
    g, p, m = row.get("gold", 0), row.get("predicted", 0), row.get("matched", 0)
    print(
        f"{label:<6}{g:>6}{p:>6}{m:>7}{pct(m, p):>7}{pct(m, g):>8}{_f1(row):>7}"
        f"{pct(row.get('measures', 0), m):>10}{pct(row.get('claimant', 0), m):>10}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
