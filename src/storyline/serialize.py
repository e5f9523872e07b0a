"""Documents and annotations to and from plain JSON-able dicts (store rows, exports)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from storyline.document import (
    Document,
    EntityMention,
    Figure,
    Hop,
    LanguageSpan,
    Position,
    Published,
    Quote,
    RemovedLine,
    Span,
    TimeExpression,
)

ANNOTATION_TYPES: dict[str, type] = {
    "mentions": EntityMention,
    "times": TimeExpression,
    "quotes": Quote,
    "figures": Figure,
    "positions": Position,
}


def to_plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj


def dumps(obj: Any) -> str:
    return json.dumps(to_plain(obj), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _tuple_fields(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Lists back to tuples (frozen dataclasses hold tuples), hops back to Hop objects."""
    out = {}
    for key, value in data.items():
        if key == "chain":
            value = tuple(Hop(**h) for h in value)
        elif isinstance(value, list):
            value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
        out[key] = value
    return out


def annotation_from_plain(kind: str, data: dict[str, Any]) -> Any:
    cls = ANNOTATION_TYPES[kind]
    return cls(**_tuple_fields(cls, data))


def annotations_to_json(doc: Document) -> str:
    return dumps({kind: getattr(doc, kind) for kind in ANNOTATION_TYPES})


def annotations_from_json(text: str) -> dict[str, tuple[Any, ...]]:
    data = json.loads(text)
    return {
        kind: tuple(annotation_from_plain(kind, item) for item in data.get(kind, []))
        for kind in ANNOTATION_TYPES
    }


def published_from_plain(data: dict[str, Any] | None) -> Published:
    if not data:
        return Published()
    interval = data.get("interval")
    return Published(
        date=data.get("date"),
        precision=data.get("precision"),
        method=data.get("method"),
        interval=(str(interval[0]), str(interval[1])) if interval else None,
    )


def removed_from_plain(items: list[dict[str, Any]]) -> tuple[RemovedLine, ...]:
    return tuple(RemovedLine(**item) for item in items)


def sentences_from_plain(items: list[list[Any]]) -> tuple[Span, ...]:
    return tuple(Span(int(s), int(e), str(t)) for s, e, t in items)


def languages_from_plain(items: list[dict[str, Any]]) -> tuple[LanguageSpan, ...]:
    return tuple(LanguageSpan(**item) for item in items)
