"""Turn one input file (or stdin) into unprocessed documents.

Readers only decode and pick up metadata; cleaning, language and everything else happen in the
pipeline. A reader raises ``InputError`` (one line) for an item it cannot use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from storyline.document import Document, Published
from storyline.errors import InputError, UnreadableInput
from storyline.ingest.header import parse_header
from storyline.ingest.normalize import decode_bytes, repair_text

TEXT_SUFFIXES = (".txt", ".text", ".md")
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
_META_KEYS = ("title", "url", "outlet", "published", "language", "authors")
# trafilatura falls back to whatever text a page has; on a page without an article that is
# a menu label or a footer. Less than a short sentence of text is not an article.
_MIN_HTML_TEXT_CHARS = 40


def parse_published(value: Any, method: str) -> Published:
    """A metadata date (ISO string, with or without time) as ``Published``; junk is dropped."""
    if value in (None, ""):
        return Published()
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return Published(date.fromisoformat(text).isoformat(), "day", method)  # type: ignore[arg-type]
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return Published(text, "month", method)  # type: ignore[arg-type]
        if re.fullmatch(r"\d{4}", text):
            return Published(text, "year", method)  # type: ignore[arg-type]
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return Published(moment.date().isoformat(), "day", method)  # type: ignore[arg-type]
    except ValueError:
        return Published()


def _metadata_document(raw: str, source: str, meta: dict[str, Any], method: str) -> Document:
    text = repair_text(raw)
    if not text.strip():
        raise InputError(f"{source}: empty text")
    authors = meta.get("authors") or ()
    if isinstance(authors, str):
        authors = (authors,)
    method = str(meta.get("published_method") or method)  # manifests say where dates came from
    return Document.from_raw(
        text,
        source,
        title=(str(meta["title"]).strip() or None) if meta.get("title") else None,
        url=meta.get("url") or None,
        outlet=meta.get("outlet") or None,
        language=meta.get("language") or None,
        published=parse_published(meta.get("published"), method),
        authors=tuple(str(a) for a in authors),
    )


def read_text(data: bytes, source: str, meta: dict[str, Any] | None = None) -> Document:
    text = repair_text(decode_bytes(data))
    if not text.strip():
        raise InputError(f"{source}: empty file")
    meta = dict(meta or {})
    header = parse_header(text)
    if not meta.get("title") and header.title:
        meta["title"] = header.title
    if not meta.get("authors") and header.authors:
        meta["authors"] = list(header.authors)
    doc = _metadata_document(text, source, meta, "sidecar")
    extra = {"kicker": header.kicker, "deck": header.deck, "byline": header.byline_rest}
    extra = {k: v for k, v in extra.items() if v}
    return doc.with_(meta={**doc.meta, **extra}) if extra else doc


def read_json_records(data: bytes, source: str) -> Iterator[Document | InputError]:
    """A ``.json`` object or list, or ``.jsonl`` lines; each record becomes one document."""
    text = decode_bytes(data)
    stripped = text.lstrip()
    records: list[tuple[str, Any]] = []
    if stripped.startswith(("[", "{")) and not source.endswith((".jsonl", ".ndjson")):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            msg = f"{source}: invalid JSON ({exc.msg} at line {exc.lineno})"
            raise UnreadableInput(msg) from None
        items = parsed if isinstance(parsed, list) else [parsed]
        records = [(f"{source}#{i}", item) for i, item in enumerate(items, 1)]
    else:
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append((f"{source}#{lineno}", json.loads(line)))
            except json.JSONDecodeError as exc:
                records.append((f"{source}#{lineno}", InputError(f"invalid JSON: {exc.msg}")))
    for item_source, record in records:
        if isinstance(record, InputError):
            yield InputError(f"{item_source}: {record}")
        elif not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputError(f"{item_source}: record has no 'text' string")
        else:
            try:
                meta = {k: record.get(k) for k in _META_KEYS}
                yield _metadata_document(record["text"], item_source, meta, "metadata")
            except InputError as exc:
                yield exc


def read_html(data: bytes, source: str, meta: dict[str, Any] | None = None) -> Document:
    import trafilatura  # heavy import: only when HTML is actually read

    html = decode_bytes(data)
    try:
        extracted = trafilatura.bare_extraction(
            html, url=(meta or {}).get("url"), with_metadata=True, include_comments=False
        )
        result: dict[str, Any] | None = None
        if isinstance(extracted, dict):
            result = extracted
        elif extracted is not None:
            result = extracted.as_dict()
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise UnreadableInput(f"{source}: cannot parse HTML ({type(exc).__name__})") from None
    if not isinstance(result, dict):
        raise InputError(f"{source}: no article text found in HTML")
    text = str(result.get("text") or "")
    if len(text.strip()) < _MIN_HTML_TEXT_CHARS:
        raise InputError(f"{source}: no article text found in HTML")
    found: dict[str, Any] = {
        "title": result.get("title"),
        "url": result.get("url"),
        "outlet": result.get("sitename"),
        "published": result.get("date"),
        "language": result.get("language"),
        "authors": [a.strip() for a in str(result.get("author") or "").split(";") if a.strip()],
    }
    found.update({k: v for k, v in (meta or {}).items() if v})
    title = str(found.get("title") or "").strip()
    if title and not text.lstrip().startswith(title):
        # trafilatura keeps the <h1> headline on some pages and drops it on others; putting it
        # first always makes the text (and offsets into it) independent of that choice.
        text = f"{title}\n{text}"
    return _metadata_document(text, source, found, "metadata")


def sidecar_meta(path: Path) -> dict[str, Any]:
    """Metadata from ``NAME.meta.json`` next to ``NAME.txt``/``NAME.html``, if present."""
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{sidecar}: unreadable sidecar metadata ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(f"{sidecar}: sidecar metadata must be a JSON object")
    return data


def read_bytes(
    data: bytes, source: str, meta: dict[str, Any] | None = None
) -> Iterator[Document | InputError]:
    """Dispatch on the source's suffix (stdin and unknown suffixes: plain text)."""
    lower = source.lower()
    content_type = str((meta or {}).get("content_type") or "")
    if content_type:  # fetched and archived pages: their URL says nothing about the format
        if "html" in content_type:
            yield read_html(data, source, meta)
        else:
            yield read_text(data, source, meta)
    elif lower.endswith(JSON_SUFFIXES):
        yield from read_json_records(data, source)
    elif lower.endswith(HTML_SUFFIXES) or _starts_like_html(data):
        yield read_html(data, source, meta)
    else:
        yield read_text(data, source, meta)


def _starts_like_html(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith((b"<?xml", b"<!--")) and b"<html" in data[:4096].lower()
    )
