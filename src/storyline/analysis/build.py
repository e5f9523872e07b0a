"""Cross-document analysis over the stored, annotated documents.

Today this gathers entities, quotes, positions and figures into corpus-wide lists with stable
ids; ledgers, contradictions, timeline and stories plug in here as they are built (their lists
stay empty until then — nothing is invented to fill them).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from storyline.config import Config
from storyline.document import Document
from storyline.kb.model import KnowledgeBase, shared_kb
from storyline.serialize import to_plain
from storyline.store import Store


def item_id(kind: str, doc_id: str, start: int, end: int, extra: str = "") -> str:
    raw = f"{kind}:{doc_id}:{start}:{end}:{extra}"
    return f"{kind[0]}-{hashlib.sha256(raw.encode()).hexdigest()[:12]}"


def _kb(config: Config) -> KnowledgeBase:
    settings = config.get("components", {}).get("entities", {})
    from storyline.annotate.entities import make_entities

    return shared_kb(make_entities(settings, config).files)


def _flatten(docs: list[Document], kind: str) -> list[dict[str, Any]]:
    items = []
    for doc in docs:
        for ann in getattr(doc, kind):
            plain = to_plain(ann)
            extra = str(plain.get("actor") or plain.get("speaker") or "")
            items.append(
                {"id": item_id(kind, doc.id, ann.start, ann.end, extra), "doc": doc.id, **plain}
            )
    return items


def topics_from_config(config: Config) -> list[dict[str, Any]]:
    return [
        {"id": t["id"], "question": t.get("question", ""), "terms": t.get("terms", {})}
        for t in config.get("topics", [])
    ]


def _sides(kb: KnowledgeBase) -> dict[str, str]:
    """Person -> the country they belong to, so a minister's events merge with the country's."""
    return {e.id: e.country for e in kb.entities.values() if e.type == "person" and e.country}


def contradictions(
    docs: list[Document], names: dict[str, str], stories: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Figures are compared within a story only: two numbers from different stories measure
    different things even when both are "the force's size". Positions are compared per actor
    across the corpus, since an actor's stance on a topic outlives any one story."""
    from storyline.analysis.contradictions import (
        attribution_conflicts,
        figure_conflicts,
        stance_changes,
    )
    from storyline.analysis.ledger import figure_items, position_items

    story_of = {d: s["id"] for s in stories for d in s["documents"]}
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        groups[story_of.get(doc.id, doc.id)].append(doc)
    found = [c for group in groups.values() for c in figure_conflicts(figure_items(group), names)]
    positions = position_items(docs)
    return found + stance_changes(positions, names) + attribution_conflicts(positions, names)


def build_analysis(store: Store, config: Config) -> dict[str, Any]:
    from storyline.analysis.entities import entity_table
    from storyline.analysis.ledger import build_ledger
    from storyline.analysis.timeline import build_timeline

    docs = list(store.documents())
    kb = _kb(config)
    entities = entity_table(docs, kb)
    stories = store.analysis("stories") or []
    names = {e["id"]: e["name"] for e in entities}
    topics = topics_from_config(config)
    ledgers = {ledger["topic"]: ledger for ledger in build_ledger(docs, topics)}
    for topic in topics:
        topic["ledger"] = ledgers.get(topic["id"])
    return {
        "entities": entities,
        "quotes": _flatten(docs, "quotes"),
        "positions": _flatten(docs, "positions"),
        "figures": _flatten(docs, "figures"),
        "timeline": build_timeline(docs, _sides(kb)),
        "stories": stories,
        "contradictions": contradictions(docs, names, stories),
        "topics": topics,
    }
