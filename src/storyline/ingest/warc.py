"""Web archives (WARC, plain or gzipped): the archived HTML pages, one at a time.

Crawls hold far more than articles: request records, images, scripts, redirects, error pages.
Only ``response`` records with HTTP 200 and an HTML content type are kept. Records are streamed
by warcio, and a page is read up to ``max_bytes``, so memory follows the largest kept page, not
the archive.

``WARC-Date`` is when the crawler saw the page, not when it was published, so it travels as
``retrieved`` metadata: at most an upper bound for the publication date.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]
from warcio.statusandheaders import (  # type: ignore[import-untyped]
    StatusAndHeadersParserException,
)

from storyline.errors import InputError, UnreadableInput
from storyline.ingest.sources import Item

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Same ceiling as a single input file (sources.iter_items): a bigger "page" is a crawl
# artefact (a data dump served as HTML), not an article.
DEFAULT_MAX_BYTES = 20_000_000
_READ_CHUNK = 65_536
# What a damaged or truncated archive raises from inside warcio and its decompressors.
_DAMAGE = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    # warcio 1.8 dereferences missing headers of a cut-off record instead of raising.
    AttributeError,
)


@dataclass(frozen=True, slots=True)
class ArchivedPage:
    url: str  # WARC-Target-URI
    date: str | None  # WARC-Date: capture time (ISO 8601), not publication time
    data: bytes  # the HTTP payload, transfer- and content-decoded
    content_type: str  # the HTTP Content-Type header


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def _read_limited(stream: Any, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of ``stream``; None when there is more."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(_READ_CHUNK)
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)


def _cut_off(record: Any) -> bool:
    """Whether the record's block ended before its declared length.

    warcio hands out a short payload without complaint when the file stops early; the block
    reader still expects the missing bytes, which is how a cut shows.
    """
    raw = record.raw_stream
    while raw.read(_READ_CHUNK):
        pass
    return bool(getattr(raw, "limit", 0))


def _html_response(record: Any) -> tuple[str, str] | None:
    """(target URI, content type) when ``record`` is an archived HTML page, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = str(record.http_headers.get_header("Content-Type") or "").strip()
    if content_type.split(";", 1)[0].strip().lower() not in HTML_MEDIA_TYPES:
        return None
    uri = str(record.rec_headers.get_header("WARC-Target-URI") or "").strip()
    return (uri, content_type) if uri else None


def iter_warc(
    stream: BinaryIO, source: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ArchivedPage | InputError]:
    """Archived HTML pages in archive order; oversized pages and damage come as errors.

    Damage ends the iteration (records after it cannot be located); pages before it are kept.
    """
    seen = 0
    try:
        for record in ArchiveIterator(stream):
            where = f"after {seen} records" if seen else "at the start"
            if record.format != "warc":
                # warcio also reads the older ARC format, and takes arbitrary text lines for
                # ARC headers; neither is a WARC file.
                yield UnreadableInput(f"{source}: not a WARC archive ({where})")
                return
            if not record.rec_type:
                yield UnreadableInput(f"{source}: damaged web archive {where} (no WARC-Type)")
                return
            seen += 1
            found = _html_response(record)
            if found is None:
                continue
            uri, content_type = found
            data = _read_limited(record.content_stream(), max_bytes)
            if data is None:
                yield UnreadableInput(f"{source}#{uri}: page over {max_bytes:,} bytes")
                continue
            if _cut_off(record):
                yield UnreadableInput(f"{source}#{uri}: page cut off (the archive is truncated)")
                return
            date = record.rec_headers.get_header("WARC-Date")
            yield ArchivedPage(uri, str(date) if date else None, data, content_type)
    except _DAMAGE as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        where = f"after {seen} records" if seen else "at the start"
        yield UnreadableInput(f"{source}: damaged web archive {where} ({reason})")
        return
    if not seen:
        yield UnreadableInput(f"{source}: no WARC records found")


def page_item(page: ArchivedPage, source: str) -> Item:
    """An archived page as an ingest item named ``<archive>#<url>``."""
    meta = {
        "url": page.url,
        "retrieved": page.date,
        "content_type": page.content_type.split(";", 1)[0].strip().lower(),
    }
    return Item(f"{source}#{page.url}", page.data, meta)


def warc_items(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Items for every archived HTML page in the WARC file at ``path``."""
    source = str(path)
    try:
        with Path(path).open("rb") as handle:
            for result in iter_warc(handle, source, max_bytes):
                if isinstance(result, InputError):
                    yield Item(str(result).split(": ", 1)[0], error=result)
                else:
                    yield page_item(result, source)
    except OSError as exc:  # opening failed; read errors are reported by iter_warc
        yield Item(source, error=UnreadableInput(f"{source}: {exc.strerror or exc}"))
