"""End-to-end throughput: ingest + analyze (all default components) on N unique articles.

    .venv/bin/python benchmarks/pipeline_throughput.py --docs 300 --workers 1 2

Articles are built from the demo corpus (each made unique by a numbered paragraph) and written
as .txt with sidecar metadata, then ingested and analysed into a fresh SQLite store with the
demo's knowledge-base overlay and topic. Reports documents per second per stage and the peak
resident memory of this process (worker processes are not included in that figure).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import tempfile
import time
from pathlib import Path

from storyline.eval.demo_gold import demo_config, raw_documents
from storyline.jobs import analyze, ingest
from storyline.store import open_store


def write_corpus(folder: Path, n: int) -> None:
    docs = [doc for _, doc in raw_documents()]
    for i in range(n):
        doc = docs[i % len(docs)]
        body = f"{doc.raw_text}\n\nFollow-up note {i}: correspondents filed update number {i}."
        (folder / f"a{i:06}.txt").write_text(body, encoding="utf-8")
        meta = {"outlet": doc.outlet, "published": doc.published.date, "language": doc.language}
        (folder / f"a{i:06}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def run(n: int, workers: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_corpus(folder, n)
        config = demo_config()
        config["pipeline"]["workers"] = workers
        with open_store(Path(tmp) / "bench.db") as store:
            start = time.perf_counter()
            ingest([folder], store, config)
            ingested = time.perf_counter()
            report = analyze(store, config)
            done = time.perf_counter()
            assert report.analyzed == n, report
    return n / (ingested - start), n / (done - ingested)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1])
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print("| documents | analyze workers | ingest docs/s | analyze docs/s | peak RSS (MiB) |")
    print("|---|---|---|---|---|")
    for workers in args.workers:
        ingest_rate, analyze_rate = run(args.docs, workers)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"| {args.docs} | {workers} | {ingest_rate:.1f} | {analyze_rate:.1f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
