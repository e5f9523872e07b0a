"""Entity recognition throughput: documents per second on one core.

    .venv/bin/python benchmarks/entity_throughput.py --docs 540

Ingests the demo corpus once (clean text, language, publication date), then runs the
``entities`` component (gazetteer + discovery + resolution, shipped KB plus the demo overlay)
over the documents repeated until ``--docs`` are done, in this one process. The KB load and the
Aho-Corasick build happen once per process and are timed separately ("build"). Two rates of
the component alone, both on one core: per wall-clock second, and per second of this process's
CPU time (the steadier number on a shared machine, where other processes take turns).
"""

from __future__ import annotations

import argparse
import platform
import time

from storyline.annotate.entities import make_entities, resources
from storyline.config import load_config
from storyline.document import Document
from storyline.eval.demo_gold import CORPUS, KB, OUTLETS
from storyline.ingest.readers import read_bytes
from storyline.ingest.sources import iter_items
from storyline.pipeline import build_stage


def ingested() -> list[Document]:
    config = load_config(
        overrides={
            "components": {
                "entities": {"kb_files": [str(KB)]},
                "outlets": {"registry_files": [str(OUTLETS)]},
            }
        }
    )
    ingest = build_stage(config, "ingest")
    docs = []
    for item in iter_items([CORPUS], include=["*.txt", "*.jsonl", "*.html"], exclude=[".*"]):
        if item.source.endswith(".meta.json"):
            continue
        for doc in read_bytes(item.data or b"", item.source, item.meta):
            if not isinstance(doc, Exception):
                docs.append(ingest(doc))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=540)
    args = parser.parse_args()
    docs = ingested()
    component = make_entities({"kb_files": [str(KB)]}, {})
    start = time.perf_counter()
    res = resources(component.files)
    build = time.perf_counter() - start
    chars = 0
    mentions = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for i in range(args.docs):
        doc = component(docs[i % len(docs)])
        chars += len(doc.text)
        mentions += len(doc.mentions)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print(f"KB entities: {len(res.gazetteer.kb)}, build (load + automaton + index): {build:.2f} s")
    print(
        "| documents | avg chars | mentions/doc | wall s | docs/s (wall) | docs/s (CPU) |\n"
        "|---|---|---|---|---|---|"
    )
    print(
        f"| {args.docs} | {chars / args.docs:.0f} | {mentions / args.docs:.1f} | {elapsed:.2f} "
        f"| {args.docs / elapsed:.1f} | {args.docs / cpu:.1f} |"
    )


if __name__ == "__main__":
    main()
