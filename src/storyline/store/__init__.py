"""Storage behind one interface: SQLite by default, PostgreSQL via a URL."""

from __future__ import annotations

from pathlib import Path

from storyline.store.backends import Backend, PostgresBackend, SQLiteBackend
from storyline.store.store import Failure, Store, WriteStatus

__all__ = ["Backend", "Failure", "Store", "WriteStatus", "open_store"]


def open_store(url: str | Path = "storyline.db") -> Store:
    """``postgresql://…`` opens PostgreSQL; anything else is a SQLite path (or ``:memory:``)."""
    url = str(url)
    if url.startswith(("postgresql://", "postgres://")):
        return Store(PostgresBackend(url))
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    return Store(SQLiteBackend(url))
