"""Ingestion throughput: documents per second for .txt and .html input, and peak memory.

    .venv/bin/python benchmarks/ingest_throughput.py --docs 2000

Builds N unique articles from the demo corpus (each gets a numbered paragraph so no two
are duplicates), writes them as .txt and as .html pages with navigation and cookie clutter, and
ingests each set into a fresh SQLite store in this process. Peak memory is the process's maximum
resident set size, which includes the interpreter and libraries.
"""

from __future__ import annotations

import argparse
import platform
import resource
import tempfile
import time
from html import escape
from pathlib import Path

from storyline.cli import demo_paths
from storyline.config import load_config
from storyline.ingest.readers import read_bytes
from storyline.ingest.sources import iter_items
from storyline.jobs import ingest
from storyline.store import open_store


def demo_texts() -> list[tuple[str, str]]:
    corpus, _, _ = demo_paths()
    texts = []
    for item in iter_items([corpus], include=["*.txt", "*.jsonl"], exclude=["*.meta.json"]):
        for doc in read_bytes(item.data or b"", item.source, item.meta):
            if not isinstance(doc, Exception):
                texts.append((doc.title or "Untitled", doc.raw_text))
    return texts


def page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n") if p.strip())
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title>"
        '<meta property="article:published_time" content="2026-04-01T10:00:00Z"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/p">Politics</a></nav>'
        '<div class="cookie">We use cookies. <button>Accept all</button></div>'
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        '<aside><h3>Related</h3><ul><li><a href="/a">Another story</a></li></ul></aside>'
        "<footer>© 2026 Example Media</footer></body></html>"
    )


def write_corpus(folder: Path, n: int, fmt: str) -> None:
    texts = demo_texts()
    for i in range(n):
        title, body = texts[i % len(texts)]
        body = f"{body}\n\nFollow-up note {i}: correspondents filed update number {i} today."
        content = body if fmt == "txt" else page(title, body)
        (folder / f"a{i:06}.{fmt}").write_text(content, encoding="utf-8")


def run(n: int, fmt: str) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_corpus(folder, n, fmt)
        config = load_config()
        with open_store(Path(tmp) / "bench.db") as store:
            start = time.perf_counter()
            report = ingest([folder], store, config)
            elapsed = time.perf_counter() - start
            assert report.statuses["new"] == n, report
    return n / elapsed, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print("| input | documents | docs/s | peak RSS (MiB) |\n|---|---|---|---|")
    for fmt in ("txt", "html"):
        rate, n = run(args.docs, fmt)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"| .{fmt} | {n} | {rate:.1f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
