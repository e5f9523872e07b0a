"""The ``storyline/1`` JSON export (documented in docs/schema.md) and its JSONL/CSV forms."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from storyline.analysis.build import build_analysis
from storyline.config import Config
from storyline.document import Document
from storyline.errors import ExportError
from storyline.serialize import to_plain
from storyline.store import Store

SCHEMA = "storyline/1"
TOP_LEVEL = (
    "schema",
    "documents",
    "entities",
    "quotes",
    "positions",
    "figures",
    "timeline",
    "stories",
    "contradictions",
    "topics",
)
_GROUNDED = ("quotes", "positions", "figures")


def document_record(
    doc: Document, sources: list[dict[str, Any]], duplicates: dict[str, Any] | None = None
) -> dict[str, Any]:
    p = doc.published
    return {
        "id": doc.id,
        "source": doc.source,
        "sources": sources,
        "url": doc.url,
        "title": doc.title,
        "outlet": doc.outlet,
        "language": doc.language,
        "language_confidence": doc.language_confidence,
        "published": {
            "date": p.date,
            "precision": p.precision,
            "method": p.method,
            "interval": list(p.interval) if p.interval else None,
        },
        "authors": list(doc.authors),
        "text": doc.text,
        "removed": [to_plain(r) for r in doc.removed],
        "paragraph_languages": [to_plain(p) for p in doc.paragraph_languages],
        "times": [to_plain(t) for t in doc.times],
        "near_duplicates": duplicates,
    }


def build_export(store: Store, config: Config) -> dict[str, Any]:
    analysis = store.analysis("corpus") or build_analysis(store, config)
    membership: dict[str, dict[str, Any]] = {}
    for group_id, members in store.near_duplicate_groups().items():
        for rank, (doc_id, score) in enumerate(members):
            membership[doc_id] = {
                "group": group_id,
                "first_report": rank == 0,  # members come earliest-published first
                "similarity": score,
                "members": [m for m, _ in members],
            }
    documents = [
        document_record(d, store.sources(d.id), membership.get(d.id))
        for d in store.documents(False)
    ]
    data: dict[str, Any] = {"schema": SCHEMA, "documents": documents}
    for key in TOP_LEVEL[2:]:
        data[key] = analysis.get(key, [])
    check_export(data)
    return data


def check_export(data: dict[str, Any]) -> None:
    """Structural checks that need no schema library: keys, ids, and every offset's text."""
    if data.get("schema") != SCHEMA:
        raise ExportError(f"schema must be {SCHEMA!r}")
    missing = [k for k in TOP_LEVEL if k not in data]
    if missing:
        raise ExportError(f"export lacks key(s): {', '.join(missing)}")
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for kind in _GROUNDED:
        for item in data[kind]:
            _check_span(texts, item, kind)
    for entity in data["entities"]:
        for mention in entity["mentions"]:
            _check_span(texts, mention, f"entity {entity['id']}")
    for event in data["timeline"]:
        for source in event["sources"]:
            _check_span(texts, source, f"timeline event {event['id']}")
    for doc in data["documents"]:
        for t in doc["times"]:
            _check_span(texts, {**t, "doc": doc["id"]}, "time")


def _check_span(texts: dict[str, str], item: dict[str, Any], what: str) -> None:
    text = texts.get(item.get("doc", ""))
    if text is None:
        raise ExportError(f"{what} item points to unknown document {item.get('doc')!r}")
    if text[item["start"] : item["end"]] != item["text"]:
        raise ExportError(f"{what} item {item.get('id', '')} offsets do not match its text")


def write_json(data: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_jsonl(data: dict[str, Any], path: Path) -> Path:
    """One record per line, each tagged with its ``type`` (the plural key it came from)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"type": "schema", "schema": data["schema"]}) + "\n")
        for key in TOP_LEVEL[1:]:
            for item in data[key]:
                out.write(json.dumps({"type": key, **item}, ensure_ascii=False) + "\n")
    return path


_CSV_COLUMNS = {
    "documents": (
        "id",
        "source",
        "title",
        "outlet",
        "language",
        "published.date",
        "published.method",
        "url",
    ),
    "mentions": ("entity", "type", "doc", "start", "end", "text", "method"),
    "quotes": (
        "id",
        "doc",
        "start",
        "end",
        "kind",
        "speaker",
        "speaker_text",
        "cue",
        "certainty",
        "text",
    ),
    "positions": (
        "id",
        "doc",
        "start",
        "end",
        "actor",
        "topic",
        "stance",
        "commitment",
        "speaker",
        "date",
        "confidence",
        "text",
    ),
    "figures": (
        "id",
        "doc",
        "start",
        "end",
        "value",
        "min",
        "max",
        "qualifier",
        "unit",
        "measures",
        "claimed_by",
        "text",
    ),
}


def _get(item: dict[str, Any], dotted: str) -> Any:
    value: Any = item
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def write_csv(data: dict[str, Any], folder: Path) -> Path:
    """A folder of CSV files, one per item kind (spreadsheets cannot hold nested JSON)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict[str, Any]]] = {
        k: data[k] for k in ("documents", "quotes", "positions", "figures")
    }
    rows["mentions"] = [
        {"entity": e["id"], "type": e["type"], **m} for e in data["entities"] for m in e["mentions"]
    ]
    for name, columns in _CSV_COLUMNS.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            for item in rows[name]:
                writer.writerow([_get(item, c) for c in columns])
    return folder
