"""Manifests: a CSV or JSONL list of articles with their metadata.

Each row names an article by ``path`` (relative to the manifest's folder, or absolute) or by
``url``, and may give ``outlet``, ``published``, ``language``, ``title`` and ``authors``
(``;``-separated in CSV, a list or string in JSONL). A row with both reads the file and records
the URL. Other columns are ignored, so a spreadsheet export with extra columns works as is.

Manifest metadata is a human's statement about the article, so it wins over whatever a reader
extracts, and its dates are marked ``published_method = "manifest"``. Each bad row is reported
with its line number; the other rows go on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from storyline.errors import InputError, UnreadableInput
from storyline.ingest.fetch import Fetcher, RefusedURL, check_url, fetched_item
from storyline.ingest.sources import Item

MANIFEST_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson")
COLUMNS = ("path", "url", "outlet", "published", "language", "title", "authors")
# Same ceiling as a single input file (sources.iter_items).
DEFAULT_MAX_BYTES = 20_000_000
# BCP 47-ish: a 2-3 letter primary language, optional subtags ("en", "de-CH", "fr_FR").
_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{2})?")


@dataclass(frozen=True, slots=True)
class ManifestRow:
    source: str  # "<manifest>#<line>"
    path: Path | None
    url: str | None
    meta: dict[str, Any] = field(default_factory=dict)


def is_manifest_name(name: str) -> bool:
    return name.lower().endswith(MANIFEST_SUFFIXES)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else str(value).strip()


def _published(value: str) -> str:
    """Validated ISO date (YYYY, YYYY-MM, YYYY-MM-DD or a date-time); raises ValueError."""
    if _PARTIAL_DATE.fullmatch(value):
        month = int(value[5:7]) if len(value) == 7 else 1
        if not 1 <= month <= 12:
            raise ValueError(value)
        return value
    if len(value) == 10:
        return date.fromisoformat(value).isoformat()
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def _authors(value: Any) -> list[str]:
    if isinstance(value, list):
        return [_text(v) for v in value if _text(v)]
    return [a.strip() for a in _text(value).split(";") if a.strip()]


def _row(fields: Mapping[str, Any], source: str, base_dir: Path) -> ManifestRow | InputError:
    path_text, url = _text(fields.get("path")), _text(fields.get("url"))
    if not path_text and not url:
        return InputError(f"{source}: row has neither a path nor a url")
    if url:
        try:
            check_url(url)
        except RefusedURL as exc:
            return InputError(f"{source}: {str(exc).split(': ', 1)[1]} ({url})")
    meta: dict[str, Any] = {"url": url or None}
    for key in ("title", "outlet"):
        meta[key] = _text(fields.get(key)) or None
    published = _text(fields.get("published"))
    if published:
        try:
            meta["published"] = _published(published)
        except ValueError:
            return InputError(f"{source}: published {published!r} is not an ISO date (YYYY-MM-DD)")
        meta["published_method"] = "manifest"
    language = _text(fields.get("language"))
    if language:
        match = _LANGUAGE.fullmatch(language)
        if match is None:
            return InputError(f"{source}: language {language!r} is not a language code")
        meta["language"] = match.group(1).lower()
    authors = _authors(fields.get("authors"))
    if authors:
        meta["authors"] = authors
    path = None
    if path_text:
        path = Path(path_text).expanduser()
        if not path.is_absolute():
            path = base_dir / path
    return ManifestRow(source, path, url or None, {k: v for k, v in meta.items() if v})


def _csv_rows(
    text: str, source: str, base_dir: Path, delimiter: str
) -> Iterator[ManifestRow | InputError]:
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(name or "").strip().lower() for name in reader.fieldnames or ()]
    if "path" not in header and "url" not in header:
        raise InputError(f"{source}: manifest has no 'path' or 'url' column")
    reader.fieldnames = header
    try:
        for record in reader:
            where = f"{source}#{reader.line_num}"
            if None in record:  # DictReader's key for cells beyond the header
                yield InputError(f"{where}: more cells than columns")
            elif any(_text(v) for v in record.values()):
                yield _row(record, where, base_dir)
    except csv.Error as exc:
        yield InputError(f"{source}#{reader.line_num}: unreadable CSV ({exc})")


def _jsonl_rows(text: str, source: str, base_dir: Path) -> Iterator[ManifestRow | InputError]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}#{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield InputError(f"{where}: row is not a JSON object")
        else:
            yield _row(record, where, base_dir)


def parse_manifest(
    data: bytes, source: str, base_dir: Path | None = None
) -> Iterator[ManifestRow | InputError]:
    """Rows of a manifest; the format comes from the suffix (content sniffed when unknown).

    ``base_dir`` anchors relative paths; by default, the folder of ``source``. Raises
    ``InputError`` when the manifest as a whole is unusable.
    """
    base = base_dir if base_dir is not None else Path(source).parent
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"{source}: manifest is not UTF-8 (byte {exc.start})") from None
    lower = source.lower()
    if lower.endswith((".jsonl", ".ndjson")) or (
        not lower.endswith((".csv", ".tsv")) and text.lstrip().startswith("{")
    ):
        yield from _jsonl_rows(text, source, base)
    else:
        yield from _csv_rows(text, source, base, "\t" if lower.endswith(".tsv") else ",")


def _read_path(row: ManifestRow, path: Path, max_bytes: int) -> Item:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            reason = f"{size:,} bytes, over the {max_bytes:,}-byte limit"
            return Item(name, error=UnreadableInput(f"{name}: {reason} ({row.source})"))
        return Item(name, path.read_bytes(), dict(row.meta))
    except OSError as exc:
        return Item(name, error=UnreadableInput(f"{name}: {exc.strerror or exc} ({row.source})"))


def rows_to_items(
    rows: Iterable[ManifestRow | InputError],
    *,
    fetcher: Fetcher | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Files are read; URL-only rows are fetched when ``fetcher`` is given, else reported."""
    for row in rows:
        if isinstance(row, InputError):
            yield Item(str(row).split(": ", 1)[0], error=row)
        elif row.path is not None:
            yield _read_path(row, row.path, max_bytes)
        elif row.url is not None and fetcher is None:
            reason = f"{row.source}: fetching is switched off, so {row.url} is not read"
            yield Item(row.source, error=InputError(reason))
        elif row.url is not None and fetcher is not None:
            meta = {k: v for k, v in row.meta.items() if k != "url"}  # keep the final URL
            try:
                yield fetched_item(fetcher.fetch(row.url), meta)
            except InputError as exc:
                yield Item(row.url, error=exc)


def manifest_items(
    path: str | Path, *, fetcher: Fetcher | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item]:
    """Items for every row of the manifest file at ``path``."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        yield Item(source, error=UnreadableInput(f"{source}: {exc.strerror or exc}"))
        return
    try:
        rows = list(parse_manifest(data, source))
    except InputError as exc:
        yield Item(source, error=exc)
        return
    yield from rows_to_items(rows, fetcher=fetcher, max_bytes=max_bytes)
