"""Evaluate the quotes component.

1. SpkAtt-2023 task 2 (German Wikinews, ``spkatt2023-de-wikinews/``), see ``quotes_spkatt``
   (rebuilding, the mapping of quotes onto SpkAtt annotations, the project's "paired" and
   "labels" views) and ``quotes_official`` (the organisers' macro-averaged scoring, both
   subtasks). A fixed fifth of ``train`` is held out and reported apart from the rest.
2. The demo gold (``demo/gold``) for English, German and French: a quote counts as found when
   its message overlaps a gold quote's (Dice >= 0.5 on characters); among found quotes, speaker
   entity, kind, certainty and chain hop kinds are compared.

``storyline eval quotes --data PATH`` prints the tables: SpkAtt with the component's default
settings and with ``speech_acts = true`` (SpkAtt counts speech acts without a reported clause as
its *Reported* form; the project's own quotes leave them to the positions component), then the
demo gold. ``--part tuning`` (or ``held-out``) runs one part of SpkAtt, ``--default-only``
skips the second setting, ``--no-demo`` the demo gold.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storyline.annotate.quotes import _resources
from storyline.document import Document
from storyline.eval import dataset_dir
from storyline.eval.quotes_spkatt import ROLES, PartScores, evaluate_spkatt, prf

# A demo quote counts as found when the character Dice overlap reaches this.
MIN_DICE = 0.5


# --- demo gold ----------------------------------------------------------------------------


@dataclass
class DemoCounts:
    gold: int = 0
    pred: int = 0
    found: int = 0
    speaker: int = 0
    kind: int = 0
    certainty: int = 0
    chain: int = 0


def _locate(text: str, needle: str, taken: set[int]) -> tuple[int, int] | None:
    start = text.find(needle)
    while start >= 0 and start in taken:
        start = text.find(needle, start + 1)
    return (start, start + len(needle)) if start >= 0 else None


def _dice(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return 2 * inter / ((a[1] - a[0]) + (b[1] - b[0])) if inter else 0.0


def score_demo_doc(doc: Document, gold: list[dict[str, Any]], counts: DemoCounts) -> None:
    counts.gold += len(gold)
    counts.pred += len(doc.quotes)
    taken: set[int] = set()
    scored = []
    for gi, g in enumerate(gold):
        span = _locate(doc.text, g["text"], taken)
        if span is None:
            continue
        taken.add(span[0])
        for qi, q in enumerate(doc.quotes):
            d = _dice(span, (q.start, q.end))
            if d >= MIN_DICE:
                scored.append((d, gi, qi))
    scored.sort(reverse=True)
    used_g: set[int] = set()
    used_q: set[int] = set()
    for _d, gi, qi in scored:
        if gi in used_g or qi in used_q:
            continue
        used_g.add(gi)
        used_q.add(qi)
        g, q = gold[gi], doc.quotes[qi]
        counts.found += 1
        counts.speaker += g.get("speaker") == q.speaker
        counts.kind += g.get("kind") == q.kind
        counts.certainty += g.get("certainty") == q.certainty
        counts.chain += [h["kind"] for h in g.get("chain", [])] == [h.kind for h in q.chain]


def demo_documents() -> Iterable[tuple[str, Document]]:
    """The demo corpus through ingest, entities and quotes, keyed like the gold files."""
    from storyline.eval.demo_gold import demo_config, processed_documents

    yield from processed_documents(demo_config(analyze=["entities", "quotes"])).items()


def evaluate_demo() -> dict[str, DemoCounts]:
    from storyline.eval.demo_gold import gold_documents

    gold = {g["file"]: g for g in gold_documents()}
    counts = {lang: DemoCounts() for lang in ("en", "de", "fr")}
    for key, doc in demo_documents():
        g = gold.get(key)
        if g is not None:
            score_demo_doc(doc, g.get("quotes", []), counts[g["language"]])
    return counts


# --- command ---------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _cells(values: list[tuple[float, float, float]]) -> str:
    return "  ".join("/".join(_pct(v) for v in score).rjust(20) for score in values)


def print_spkatt(parts: dict[str, PartScores], title: str) -> None:
    print(f"SpkAtt-2023 task 2, token overlap (P / R / F1), {title}")
    print(
        f"{'part / view':24} {'docs':>5} {'gold':>5} {'pred':>5}  "
        + "  ".join(f"{r + ' P/R/F1':>20}" for r in ROLES)
    )
    for part, s in parts.items():
        c = s.counts
        for view, score in (("paired", c.prf), ("labels", c.prf_labels)):
            name = f"{part} {view}"
            print(
                f"{name:24} {c.docs:5d} {c.n_gold:5d} {c.n_pred:5d}  "
                + _cells([score(r) for r in ROLES])
            )
        o = s.official.summary()
        simple = [o["simplified Message"], o["simplified Source"]]
        print(f"{part + ' official simpl.':24} {'':17}  " + _cells(simple))
        full = [o["full Message"], o["full Source"], o["full Cue"]]
        print(f"{part + ' official full':24} {'':17}  " + _cells(full))
        joint = (
            f"simplified Joint {'/'.join(_pct(v) for v in o['simplified Joint'])}, "
            f"full Roles {'/'.join(_pct(v) for v in o['full Roles'])}, "
            f"full Joint {'/'.join(_pct(v) for v in o['full Joint'])}"
        )
        print(f"{'':24} {'':17}  {joint}")
    print(
        "paired/labels: micro, non-nested gold (project views); official: the organisers'"
        " macro scoring (simpl. = subtask 2, non-nested; full = all annotations)"
    )


def print_demo() -> None:
    print("Demo gold: message found (P / R / F1); among found: speaker, kind, certainty, chain")
    print(
        f"{'lang':5} {'gold':>5} {'pred':>5} {'found':>5}  {'P/R/F1':>17}  "
        f"{'speaker':>7} {'kind':>6} {'certain':>7} {'chain':>6}"
    )
    for lang, d in evaluate_demo().items():
        p, r, f = prf(d.found, d.pred, d.gold)
        acc = [x / d.found if d.found else 0.0 for x in (d.speaker, d.kind, d.certainty, d.chain)]
        print(
            f"{lang:5} {d.gold:5d} {d.pred:5d} {d.found:5d}  {_pct(p)}/{_pct(r)}/{_pct(f)}  "
            f"{_pct(acc[0]):>7} {_pct(acc[1]):>6} {_pct(acc[2]):>7} {_pct(acc[3]):>6}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Evaluate quotes on SpkAtt-2023 (German) and the demo gold."
    )
    parser.add_argument("--data", help="shared data root or the data set's folder")
    parser.add_argument(
        "--part", choices=("both", "tuning", "held-out"), default="both", help="SpkAtt part(s)"
    )
    parser.add_argument("--no-demo", action="store_true", help="skip the demo gold")
    parser.add_argument(
        "--default-only", action="store_true", help="SpkAtt with default settings only"
    )
    args = parser.parse_args(argv)
    folder = dataset_dir(args.data, "spkatt2023-de-wikinews")
    if (folder / "train").is_dir():
        parts = ("held-out", "tuning") if args.part == "both" else (args.part,)
        res = _resources((), ())
        print_spkatt(evaluate_spkatt(folder, res, parts), "default settings")
        if not args.default_only:
            print()
            print_spkatt(
                evaluate_spkatt(folder, res, parts, acts=True),
                "speech_acts = true (SpkAtt annotates speech acts as the Reported form)",
            )
    else:
        print(f"SpkAtt data not found under {folder}; skipped")
    if not args.no_demo:
        print()
        print_demo()
    return 0
