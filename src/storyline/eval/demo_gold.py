"""The demo corpus and its hand-written gold (demo/GOLD.md), for evaluations and tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.ingest.readers import read_bytes
from storyline.ingest.sources import iter_items

DEMO = Path(str(resources.files("storyline") / "demo"))
CORPUS, KB, TOPICS, OUTLETS = (
    DEMO / "corpus",
    DEMO / "kb.toml",
    DEMO / "topics.toml",
    DEMO / "outlets.toml",
)
GOLD_DIR = DEMO / "gold"


@dataclass(frozen=True)
class GoldDoc:
    file: str
    raw_body: str  # the article body as the reader delivers it (before boilerplate removal)
    gold: dict[str, Any]


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


def corpus_bodies() -> dict[str, str]:
    """``file`` key as in the gold (``en/x.txt``, ``de/y.jsonl#2``) -> raw body text."""
    bodies: dict[str, str] = {}
    for item in iter_items(
        [CORPUS], include=["*.txt", "*.jsonl", "*.json", "*.html"], exclude=["*.meta.json"]
    ):
        assert item.data is not None, item.error
        for doc in read_bytes(item.data, item.source, item.meta):
            assert not isinstance(doc, Exception), doc
            key = Path(doc.source.split("#")[0]).relative_to(CORPUS).as_posix()
            if "#" in doc.source:
                key += "#" + doc.source.split("#")[1]
            bodies[key] = doc.raw_text
    return bodies
