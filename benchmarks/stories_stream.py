"""Story clustering at scale: per-document latency and peak memory on a synthetic stream.

    .venv/bin/python benchmarks/stories_stream.py --docs 200000

No text and no model: documents are generated directly as the index sees them (embedding,
entity ids, words, day, language), from a day-by-day simulation with realistic structure:

* stories start as a Poisson process; their sizes follow a power law (most have one to three
  articles, a few run to hundreds), and bigger stories run longer (up to ``--max-days``);
* a document's embedding is ``a*g + b*p + c*n`` normalised: ``g`` is shared by all news (two
  unrelated documents have cosine ~0.18, as measured between ECB+ topics with the real encoder),
  ``p`` is its story's direction and ``n`` its own noise (same-story cosine ~0.6);
* entities and words come from Zipf-distributed vocabularies: every story has a few core
  entities and words, every document adds popular background ones; a quarter of stories are
  covered in two languages.

The generator keeps only the stories still running, so memory reflects the index. Reported at
each checkpoint: latency of ``StoryIndex.add`` per document (median, p95, over the documents
since the previous checkpoint, periodic merges included), the process's peak resident memory,
active stories and exemplars, and B-cubed precision/recall of the stories against the
generator's stories so far.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

# One BLAS thread: the index's products are small, and on a shared machine OpenBLAS threads
# spinning for a core cost more than they save. Must be set before numpy is imported.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

from storyline.analysis.story_index import DocRep, StoryIndex, StorySettings  # noqa: E402

DIM = 512  # the shipped encoder's width
LANGUAGES = ("en", "de", "fr")
START_DAY = 739_617  # 2026-01-01
# Mixing weights of the embedding (squares sum to 1): shared news direction, story, noise.
SHARED, STORY, NOISE = np.sqrt(0.18), np.sqrt(0.42), np.sqrt(0.40)


@dataclass
class _Running:
    gold: int
    direction: np.ndarray
    entities: np.ndarray
    words: np.ndarray
    languages: tuple[str, ...]
    per_day: list[int]  # documents still to publish, one entry per remaining day


def _zipf(rng: np.random.Generator, vocabulary: int, count: int) -> np.ndarray:
    """``count`` distinct ids from a Zipf(1.1)-like popularity over ``vocabulary`` ids."""
    ranks = np.minimum(rng.zipf(1.1, size=count * 2), vocabulary) - 1
    return np.unique(ranks)[:count]


def stream(
    n_docs: int, docs_per_day: int, max_days: int, seed: int
) -> Iterator[tuple[DocRep, int]]:
    """(document, generator's story number) in publication order."""
    rng = np.random.default_rng(seed)
    shared = rng.normal(size=DIM)
    shared /= np.linalg.norm(shared)
    mean_size = 4.16  # of the size distribution below (85 % of stories have 1-3 documents)
    running: list[_Running] = []
    produced, day, gold = 0, 0, 0
    while produced < n_docs:
        for _ in range(rng.poisson(docs_per_day / mean_size)):
            size = int(min(rng.zipf(2.1), 3000))
            days = int(min(max_days, 1 + rng.poisson(np.log1p(size) ** 1.6)))
            per_day = np.bincount(
                np.minimum(rng.exponential(days / 3, size=size), days - 1).astype(int),
                minlength=days,
            )
            direction = rng.normal(size=DIM)
            languages = tuple(rng.choice(LANGUAGES, size=1 + (rng.random() < 0.25), replace=False))
            running.append(
                _Running(
                    gold,
                    direction / np.linalg.norm(direction),
                    _zipf(rng, 50_000, int(rng.integers(2, 7))),
                    _zipf(rng, 100_000, 12),
                    languages,
                    per_day.tolist(),
                )
            )
            gold += 1
        today = []
        for story in running:
            today.extend([story] * story.per_day.pop(0))
        running = [s for s in running if s.per_day]
        order = rng.permutation(len(today))
        # Noise for the whole day at once: one call instead of one per document.
        noise = rng.normal(size=(len(today), DIM)) / np.sqrt(DIM)
        for j, i in enumerate(order):
            story = today[int(i)]
            emb = SHARED * shared + STORY * story.direction + NOISE * noise[j]
            keep = story.entities[rng.random(len(story.entities)) < 0.8]
            extra = _zipf(rng, 50_000, 2)
            entities = {f"e{e}" for e in keep} | {f"e{e}" for e in extra}
            core = story.words[rng.random(len(story.words)) < 0.6]
            words = {f"w{w}" for w in core} | {f"w{w}" for w in _zipf(rng, 100_000, 25)}
            yield (
                DocRep(
                    id=f"d{produced}",
                    embedding=(emb / np.linalg.norm(emb)).astype(np.float32),
                    entities=tuple((e, 1.0) for e in sorted(entities)),
                    terms=tuple((w, 1.0) for w in sorted(words)),
                    day=START_DAY + day,
                    language=str(rng.choice(story.languages)),
                    title=f"story {story.gold}",
                ),
                story.gold,
            )
            produced += 1
            if produced >= n_docs:
                return
        day += 1


def bcubed(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """B-cubed precision and recall of two integer labelings."""
    _, inverse, joint = np.unique(
        pred * (int(gold.max()) + 1) + gold, return_inverse=True, return_counts=True
    )
    both = joint[inverse]
    return (
        float(np.mean(both / np.bincount(pred)[pred])),
        float(np.mean(both / np.bincount(gold)[gold])),
    )


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=200_000)
    parser.add_argument("--docs-per-day", type=int, default=500)
    parser.add_argument("--max-days", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--checkpoints", default="10000,50000,100000,200000", help="corpus sizes to report at"
    )
    args = parser.parse_args(argv)
    checkpoints = sorted({int(c) for c in args.checkpoints.split(",") if int(c) <= args.docs})
    if not checkpoints or checkpoints[-1] != args.docs:
        checkpoints.append(args.docs)

    index = StoryIndex(StorySettings(), dim=DIM)
    latencies = np.zeros(args.docs)
    gold = np.zeros(args.docs, dtype=np.int64)
    predicted = np.zeros(args.docs, dtype=np.int64)
    story_numbers: dict[str, int] = {}
    print(f"python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    print(
        f"{'docs':>8} {'days':>5} {'median ms':>9} {'p95 ms':>7} {'peak MB':>8} "
        f"{'active':>7} {'exemplars':>9} {'B3 P':>6} {'B3 R':>6}"
    )
    started, last = time.perf_counter(), 0
    for i, (rep, story) in enumerate(
        stream(args.docs, args.docs_per_day, args.max_days, args.seed)
    ):
        t0 = time.perf_counter_ns()
        index.add(rep)
        latencies[i] = (time.perf_counter_ns() - t0) / 1e6
        gold[i] = story
        if i + 1 in checkpoints:
            index.merge()
            # Story ids can change by merging, so labels are read off the stories at the end
            # of each segment; closed stories are handed out and forgotten by the index.
            for s in index.pop_closed() + index.stories():
                number = story_numbers.setdefault(s.id, len(story_numbers))
                predicted[[int(d[1:]) for d in s.documents]] = number
            window = latencies[last : i + 1]
            p, r = bcubed(predicted[: i + 1], gold[: i + 1])
            print(
                f"{i + 1:>8} {(rep.day or START_DAY) - START_DAY:>5} {np.median(window):>9.2f} "
                f"{np.percentile(window, 95):>7.2f} {peak_rss_mb():>8.0f} {index.active_count:>7} "
                f"{index.exemplar_count:>9} {p:>6.3f} {r:>6.3f}",
                flush=True,
            )
            last = i + 1
    print(f"total {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
