"""The two database backends. Everything dialect-specific lives here and nowhere else."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from storyline.errors import StoreError

Row = tuple[Any, ...]


class Backend(Protocol):
    name: str

    @contextmanager
    def transaction(self) -> Iterator[None]: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def index_fulltext(self, doc_id: str, title: str | None, text: str) -> None: ...

    def search(self, query: str, limit: int) -> list[Row]: ...

    def close(self) -> None: ...


class SQLiteBackend:
    name = "sqlite"

    def __init__(self, path: str) -> None:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            # Autocommit mode: transactions are opened explicitly, one per document.
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {path}: {exc}") from None
        self.conn.execute("PRAGMA foreign_keys = ON")
        if path != ":memory:":
            # WAL lets readers (report, web) work while an ingest writes.
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA busy_timeout = 10000")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self.conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite: {exc}") from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return list(self.conn.execute(sql, tuple(params)).fetchall())
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite: {exc}") from exc

    def index_fulltext(self, doc_id: str, title: str | None, text: str) -> None:
        self.execute("DELETE FROM documents_fts WHERE doc_id = ?", (doc_id,))
        self.execute(
            "INSERT INTO documents_fts (doc_id, title, text) VALUES (?, ?, ?)",
            (doc_id, title or "", text),
        )

    def search(self, query: str, limit: int) -> list[Row]:
        # Quote every term so user input cannot inject FTS5 syntax; terms are ANDed.
        terms = " ".join('"' + t.replace('"', '""') + '"' for t in query.split())
        if not terms:
            return []
        return self.query(
            "SELECT doc_id, snippet(documents_fts, 2, '[', ']', '…', 12) FROM documents_fts "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (terms, limit),
        )

    def close(self) -> None:
        self.conn.close()


class PostgresBackend:
    name = "postgres"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError(
                "PostgreSQL support is not installed: pip install 'storyline[postgres]'"
            ) from None
        self._psycopg = psycopg
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}".splitlines()[0]) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self.conn.execute(self._sql(sql), tuple(params))
        except self._psycopg.Error as exc:
            raise StoreError(f"PostgreSQL: {exc}".splitlines()[0]) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return list(self.conn.execute(self._sql(sql), tuple(params)).fetchall())
        except self._psycopg.Error as exc:
            raise StoreError(f"PostgreSQL: {exc}".splitlines()[0]) from exc

    def index_fulltext(self, doc_id: str, title: str | None, text: str) -> None:
        """Nothing to do: the tsvector column is generated from title and text."""

    def search(self, query: str, limit: int) -> list[Row]:
        if not query.split():
            return []
        return self.query(
            "SELECT id, ts_headline('simple', text, q, "
            "'StartSel=[,StopSel=],MinWords=3,MaxWords=12') "
            "FROM documents, plainto_tsquery('simple', ?) q WHERE tsv @@ q "
            "ORDER BY ts_rank(tsv, q) DESC LIMIT ?",
            (query, limit),
        )

    def close(self) -> None:
        self.conn.close()
