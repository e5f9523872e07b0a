"""The demo corpus and its hand-written gold (demo/GOLD.md), for evaluations and tests."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.config import Config, load_config
from storyline.document import Document
from storyline.ingest.readers import read_bytes
from storyline.ingest.sources import iter_items
from storyline.pipeline import build_stage

DEMO = Path(str(resources.files("storyline") / "demo"))
CORPUS, KB, TOPICS, OUTLETS = (
    DEMO / "corpus",
    DEMO / "kb.toml",
    DEMO / "topics.toml",
    DEMO / "outlets.toml",
)
GOLD_DIR = DEMO / "gold"


def gold_documents() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for lang in ("en", "de", "fr"):
        path = GOLD_DIR / f"{lang}.json"
        if path.exists():
            docs.extend(json.loads(path.read_text(encoding="utf-8"))["documents"])
    return docs


def visible_html_text(path: Path) -> str:
    """A saved page's visible text, whitespace collapsed (what gold `removed` lines quote)."""
    import lxml.html  # type: ignore[import-untyped]

    tree = lxml.html.fromstring(path.read_bytes())
    for node in tree.xpath("//script|//style|//head"):
        node.getparent().remove(node)
    return " ".join(tree.text_content().split())


def demo_config(analyze: list[str] | None = None) -> Config:
    """The shipped configuration plus the demo's KB and outlet overlays and its topic."""
    overrides: Config = {
        "components": {
            "entities": {"kb_files": [str(KB)]},
            "outlets": {"registry_files": [str(OUTLETS)]},
        }
    }
    if analyze is not None:
        overrides["pipeline"] = {"analyze": analyze}
    config = load_config(overrides=overrides)
    config["topics"] = tomllib.loads(TOPICS.read_text(encoding="utf-8")).get("topic", [])
    return config


def raw_documents() -> Iterator[tuple[str, Document]]:
    """(gold ``file`` key such as ``en/x.txt`` or ``de/y.jsonl#2``, unprocessed document)."""
    items = iter_items(
        [CORPUS], include=["*.txt", "*.jsonl", "*.json", "*.html"], exclude=["*.meta.json"]
    )
    for item in items:
        if item.data is None:
            raise RuntimeError(f"demo corpus item unreadable: {item.error}")
        for doc in read_bytes(item.data, item.source, item.meta):
            if isinstance(doc, Exception):
                raise RuntimeError(f"demo corpus item unreadable: {doc}")
            key = Path(doc.source.split("#")[0]).relative_to(CORPUS).as_posix()
            if "#" in doc.source:
                key += "#" + doc.source.split("#")[1]
            yield key, doc


def processed_documents(config: Config | None = None) -> dict[str, Document]:
    """Gold key -> the demo document after the ingest and analyze stages of ``config``."""
    config = config or demo_config()
    ingest, analyze = build_stage(config, "ingest"), build_stage(config, "analyze")
    return {key: analyze(ingest(doc)) for key, doc in raw_documents()}


def corpus_bodies() -> dict[str, str]:
    """Gold key -> raw body text (what gold strings are substrings of)."""
    return {key: doc.raw_text for key, doc in raw_documents()}
