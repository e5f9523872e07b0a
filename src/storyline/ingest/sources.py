"""Find input items: files, directories (recursive, include/exclude globs), stdin, URLs,
URL lists, RSS/Atom feeds, web archives (WARC) and manifests.

Everything becomes an ``Item`` (bytes plus metadata, or the reason it could not be had); the
readers turn items into documents. Network access goes through a ``Fetcher`` that is only
created when an input actually needs it.
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import InputError, UnreadableInput
from storyline.ingest.readers import sidecar_meta


@dataclass(frozen=True)
class Item:
    """One input item before decoding: its bytes, or why they could not be read."""

    source: str
    data: bytes | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: InputError | None = None


def _matches(name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) for p in patterns)


def _read_file(path: Path, max_bytes: int) -> Item:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Item(
                source,
                error=UnreadableInput(
                    f"{source}: file is {size:,} bytes, over the {max_bytes:,}-byte limit"
                ),
            )
        meta = sidecar_meta(path)
        return Item(source, path.read_bytes(), meta)
    except InputError as exc:
        return Item(source, error=exc)
    except OSError as exc:
        return Item(source, error=UnreadableInput(f"{source}: {exc.strerror or exc}"))


class LazyFetcher:
    """An ``HttpFetcher`` created on first use, so offline inputs never build a client."""

    def __init__(self, allow_private_network: bool = False) -> None:
        self.allow_private_network = allow_private_network
        self._fetcher: Any = None

    def fetch(self, url: str) -> Any:
        if self._fetcher is None:
            from storyline.ingest.fetch import FetchPolicy, HttpFetcher

            policy = FetchPolicy(allow_private_network=self.allow_private_network)
            self._fetcher = HttpFetcher(policy)
        return self._fetcher.fetch(url)

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


_FEED_SUFFIXES = (".rss", ".atom", ".xml")
_URL_LIST_SUFFIXES = (".urls",)


def _is_url(entry: str) -> bool:
    return entry.startswith(("http://", "https://"))


def _is_url_list(data: bytes) -> bool:
    """A text file whose every non-comment line is an http(s) URL is a list of URLs."""
    lines = [
        line.strip()
        for line in data[:65536].decode("utf-8", errors="replace").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return bool(lines) and all(_is_url(line) and " " not in line for line in lines)


def _file_items(path: Path, max_bytes: int, fetcher: Any, fetch_entries: bool) -> Iterator[Item]:
    from storyline.ingest.warc import is_warc

    if is_warc(path.name):
        from storyline.ingest.warc import warc_items

        yield from warc_items(path, max_bytes)
        return
    item = _read_file(path, max_bytes)
    if item.data is None:
        yield item
        return
    from storyline.ingest.feeds import feed_items, looks_like_feed

    name = path.name.lower()
    if name.endswith(_FEED_SUFFIXES) or looks_like_feed(item.data[:4096]):
        yield from feed_items(item.data, item.source, fetcher=fetcher if fetch_entries else None)
    elif name.endswith(_URL_LIST_SUFFIXES) or (name.endswith(".txt") and _is_url_list(item.data)):
        from storyline.ingest.fetch import fetch_items, read_url_list

        yield from fetch_items(read_url_list(item.data), fetcher)
    else:
        yield item


def iter_items(
    inputs: Iterable[str | Path],
    include: Iterable[str] = ("*",),
    exclude: Iterable[str] = (),
    max_bytes: int = 20_000_000,
    *,
    fetcher: Any = None,
    fetch_entries: bool = False,
    manifests: Iterable[str | Path] = (),
) -> Iterator[Item]:
    """Items in a deterministic order: manifests, then inputs as given, folders sorted by path.

    ``fetcher`` (a ``storyline.ingest.fetch.Fetcher``) serves URLs, URL lists, manifest rows
    with a url and, with ``fetch_entries``, feed entries that only carry a teaser.
    """
    include, exclude = tuple(include), tuple(exclude)
    fetcher = fetcher or LazyFetcher()
    for manifest in manifests:
        from storyline.ingest.manifest import manifest_items

        yield from manifest_items(manifest, fetcher=fetcher, max_bytes=max_bytes)
    for entry in inputs:
        if str(entry) == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Item(
                    "<stdin>", error=UnreadableInput(f"<stdin>: over the {max_bytes:,}-byte limit")
                )
            else:
                yield Item("<stdin>", data)
            continue
        if _is_url(str(entry)):
            from storyline.ingest.fetch import fetch_items

            yield from fetch_items([str(entry)], fetcher)
            continue
        path = Path(entry)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = child.relative_to(path).as_posix()
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if _matches(child.name, include) and not (
                    _matches(child.name, exclude) or _matches(rel, exclude)
                ):
                    yield from _file_items(child, max_bytes, fetcher, fetch_entries)
        elif path.exists():
            yield from _file_items(path, max_bytes, fetcher, fetch_entries)
        else:
            yield Item(str(path), error=UnreadableInput(f"{path}: no such file or directory"))
