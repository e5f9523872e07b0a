"""``storyline eval timeline``: SemEval-2015 Task 4 (TimeLine), main track A.

Data: ``semeval2015-timeline/`` (Minard et al. 2015; CC BY 3.0): three evaluation corpora of 30
Wikinews articles each, a list of target entities per corpus and gold timelines; plus a trial
corpus (Apple articles with annotated event mentions) that serves as development data.

For each corpus the system (``timeline_system``) builds a timeline per target entity from the
raw track-A texts, and ``timeline_score`` scores it against every gold timeline file of the
corpus (the official tool also scores each gold file; corpus 3 holds the S&P 500 timeline
under two names). The table gives micro-averaged precision, recall and F1 per corpus and
over all three. The best official track-A run scored F1 7.85.
"""

from __future__ import annotations

import re
from pathlib import Path

from storyline.eval import dataset_dir, parse_data_arg
from storyline.eval.timeline_score import Counts, Timeline, micro, parse_timeline, score_timeline
from storyline.eval.timeline_system import (
    CatDocument,
    build_timelines,
    learn_event_words,
    read_cat,
)

DATASET = "semeval2015-timeline"
TRIAL = "Corpus-trial-data_task4"
EVALUATION = "SemEval_Task4_data"
CORPORA = ("corpus_1", "corpus_2", "corpus_3")


def file_key(name: str) -> str:
    """The timeline file name for an entity, as the task names them ("S&P 500" ->
    "s_and_p_500"); gold files are matched by name, as the official tool does (a gold header
    may differ from the entity list: "United States Air Froce")."""
    key = re.sub(r"[^0-9a-z]+", "_", name.lower().replace("&", "_and_"))
    return key.strip("_")


def _documents(folder: Path) -> list[CatDocument]:
    return [read_cat(p) for p in sorted(folder.glob("*.xml"))]


def _entities(corpus: Path) -> list[str]:
    listing = next(corpus.glob("list_target_entities*.txt"))
    return [
        line.strip() for line in listing.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def score_corpus(
    corpus: Path, learned: dict[str, float], anchors: bool = True
) -> tuple[Counts, int]:
    """Summed counts over the corpus's gold timelines, and how many timelines there were."""
    entities = _entities(corpus)
    system = build_timelines(_documents(corpus / "corpus_trackA_CAT"), entities, learned)
    by_name = {file_key(name): timeline for name, timeline in system.items()}
    total, timelines = Counts(), 0
    for path in sorted((corpus / "TimeLines_Gold_Standard").glob("*.txt")):
        gold: Timeline = parse_timeline(path.read_text(encoding="utf-8"))
        total = total + score_timeline(gold, by_name.get(file_key(path.stem)), anchors)
        timelines += 1
    return total, timelines


def main(argv: list[str] | None = None) -> int:
    args = parse_data_arg(argv, "SemEval-2015 Task 4 timeline F1 (track A)")
    root = dataset_dir(args.data, DATASET)
    evaluation = root / EVALUATION
    if not evaluation.is_dir():
        print(f"no {EVALUATION}/ under {root}")
        return 1
    learned = learn_event_words(_documents(root / TRIAL)) if (root / TRIAL).is_dir() else {}
    print("SemEval-2015 Task 4 TimeLine, track A (raw text), micro-averaged over timelines")
    print(f"{'corpus':<12}{'timelines':>10}{'P':>8}{'R':>8}{'F1':>8}{'F1 order only':>15}")
    overall, overall_order, count = Counts(), Counts(), 0
    for name in CORPORA:
        counts, timelines = score_corpus(evaluation / name, learned)
        order, _ = score_corpus(evaluation / name, learned, anchors=False)
        overall, overall_order, count = overall + counts, overall_order + order, count + timelines
        p, r, f = micro(counts)
        print(f"{name:<12}{timelines:>10}{p:>8.2f}{r:>8.2f}{f:>8.2f}{micro(order)[2]:>15.2f}")
    p, r, f = micro(overall)
    print(f"{'all':<12}{count:>10}{p:>8.2f}{r:>8.2f}{f:>8.2f}{micro(overall_order)[2]:>15.2f}")
    print("best official track-A run (GPLSIUA_1): F1 7.85")
    return 0
