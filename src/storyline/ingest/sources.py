"""Find input items: files, directories (recursive, include/exclude globs) and stdin."""

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


def iter_items(
    inputs: Iterable[str | Path],
    include: Iterable[str] = ("*",),
    exclude: Iterable[str] = (),
    max_bytes: int = 20_000_000,
) -> Iterator[Item]:
    """Items in a deterministic order: inputs as given, directory entries sorted by path."""
    include, exclude = tuple(include), tuple(exclude)
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
        path = Path(entry)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = child.relative_to(path).as_posix()
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if _matches(child.name, include) and not (
                    _matches(child.name, exclude) or _matches(rel, exclude)
                ):
                    yield _read_file(child, max_bytes)
        elif path.exists():
            yield _read_file(path, max_bytes)
        else:
            yield Item(str(path), error=UnreadableInput(f"{path}: no such file or directory"))
