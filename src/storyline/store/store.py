"""The store: one write path for documents, their annotations, failures and analysis results.

Every document is written in its own transaction, so a crash loses no committed document and
leaves no half-written one. Writes are idempotent upserts keyed by the content hash: ingesting
the same article again adds nothing; the same text from a new source only adds that source.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from storyline.document import Document
from storyline.ingest.dedup import NEAR_DUPLICATE, band_keys, similarity
from storyline.serialize import (
    annotations_from_json,
    annotations_to_json,
    dumps,
    languages_from_plain,
    published_from_plain,
    removed_from_plain,
    sentences_from_plain,
)
from storyline.store.backends import Backend, Row
from storyline.store.migrations import MIGRATIONS

WriteStatus = Literal["new", "updated", "new_source", "unchanged"]

_DOC_COLUMNS = (
    "id, source, url, outlet, title, language, language_confidence, published_date, "
    "published_precision, published_method, published_interval, authors, raw_text, text, "
    "removed, paragraph_languages, sentences, meta, ingest_key, ingested_at"
)


_MIGRATION_LOCK = 0x5354_4F52  # arbitrary fixed key for PostgreSQL's advisory lock ("STOR")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Failure:
    source: str
    stage: str
    reason: str
    at: str


class Store:
    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.migrate()

    # --- schema -----------------------------------------------------------------------
    def migrate(self) -> list[str]:
        b = self.backend
        with b.transaction():
            self._lock_schema()
            b.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
            )
        done = {r[0] for r in b.query("SELECT name FROM migrations")}
        applied = []
        for migration in MIGRATIONS:
            if migration.name in done:
                continue
            with b.transaction():
                # Two processes opening a new store at once (an ingest and a report) must not
                # both apply a migration: take the write lock, then look again.
                self._lock_schema()
                if b.query("SELECT 1 FROM migrations WHERE name = ?", (migration.name,)):
                    continue
                statements = migration.sqlite if b.name == "sqlite" else migration.postgres
                for sql in statements:
                    b.execute(sql)
                b.execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                    (migration.name, _now()),
                )
            applied.append(migration.name)
        return applied

    def _lock_schema(self) -> None:
        """Serialise schema changes between processes (SQLite's BEGIN IMMEDIATE already does;
        PostgreSQL needs an explicit lock: concurrent CREATE TABLE IF NOT EXISTS can fail)."""
        if self.backend.name == "postgres":
            self.backend.query("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.backend.query("SELECT name FROM migrations ORDER BY name")]

    # --- the write path -----------------------------------------------------------------
    def write_document(
        self, doc: Document, ingest_key: str, minhash: Sequence[int] | None = None
    ) -> WriteStatus:
        """Upsert one ingested document and its source, in one transaction.

        With a MinHash signature, the document also joins the near-duplicate group of its most
        similar earlier document (if any is similar enough) in the same transaction.
        """
        b = self.backend
        with b.transaction():
            existing = b.query("SELECT ingest_key FROM documents WHERE id = ?", (doc.id,))
            status: WriteStatus
            if not existing:
                b.execute(
                    f"INSERT INTO documents ({_DOC_COLUMNS}) VALUES ({', '.join('?' * 20)})",
                    self._document_row(doc, ingest_key),
                )
                status = "new"
            elif existing[0][0] != ingest_key:
                # Same text, different cleaning/labelling settings: refresh the derived fields
                # and drop annotations computed from the old clean text.
                row = self._document_row(doc, ingest_key)
                cols = [c.strip() for c in _DOC_COLUMNS.split(",")]
                sets = ", ".join(f"{c} = ?" for c in cols[1:] if c not in ("source", "ingested_at"))
                values = [
                    v
                    for c, v in zip(cols, row, strict=True)
                    if c not in ("id", "source", "ingested_at")
                ]
                b.execute(f"UPDATE documents SET {sets} WHERE id = ?", (*values, doc.id))
                b.execute("DELETE FROM annotations WHERE doc_id = ?", (doc.id,))
                status = "updated"
            else:
                status = "unchanged"
            if status != "unchanged" or not b.query(
                "SELECT 1 FROM document_sources WHERE doc_id = ? AND source = ?",
                (doc.id, doc.source),
            ):
                if status == "unchanged":
                    status = "new_source"
                b.execute(
                    "INSERT INTO document_sources (doc_id, source, outlet, url, published_date, "
                    "first_seen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id, source) DO NOTHING",
                    (doc.id, doc.source, doc.outlet, doc.url, doc.published.date, _now()),
                )
            if status in ("new", "updated"):
                b.index_fulltext(doc.id, doc.title, doc.text)
                if minhash is not None:
                    self._index_near_duplicates(doc.id, list(minhash))
            b.execute("DELETE FROM failures WHERE source = ?", (doc.source,))
        return status

    def _index_near_duplicates(self, doc_id: str, sig: list[int]) -> None:
        b = self.backend
        keys = band_keys(sig)
        b.execute("UPDATE documents SET minhash = ? WHERE id = ?", (json.dumps(sig), doc_id))
        b.execute("DELETE FROM lsh_bands WHERE doc_id = ?", (doc_id,))
        b.execute("DELETE FROM near_duplicates WHERE doc_id = ?", (doc_id,))
        marks = ", ".join("?" * len(keys))
        candidates = b.query(
            f"SELECT DISTINCT d.id, d.minhash FROM lsh_bands l JOIN documents d ON d.id = l.doc_id "
            f"WHERE l.key IN ({marks}) AND l.doc_id <> ? ORDER BY d.id",
            (*keys, doc_id),
        )
        best: tuple[float, str] | None = None
        for other_id, other_sig in candidates:
            score = similarity(sig, json.loads(other_sig))
            if score >= NEAR_DUPLICATE and (best is None or score > best[0]):
                best = (score, other_id)
        for key in keys:
            b.execute("INSERT INTO lsh_bands (key, doc_id) VALUES (?, ?)", (key, doc_id))
        if best is None:
            return
        score, other_id = best
        group = b.query("SELECT group_id FROM near_duplicates WHERE doc_id = ?", (other_id,))
        if group:
            group_id = group[0][0]
        else:
            group_id = other_id
            b.execute(
                "INSERT INTO near_duplicates (doc_id, group_id, similarity) VALUES (?, ?, 1.0)",
                (other_id, group_id),
            )
        b.execute(
            "INSERT INTO near_duplicates (doc_id, group_id, similarity) VALUES (?, ?, ?)",
            (doc_id, group_id, round(score, 3)),
        )

    def near_duplicate_groups(self) -> dict[str, list[tuple[str, float]]]:
        """group id -> [(document id, similarity to the group)], earliest published first."""
        rows = self.backend.query(
            "SELECT n.group_id, n.doc_id, n.similarity FROM near_duplicates n "
            "JOIN documents d ON d.id = n.doc_id "
            "ORDER BY n.group_id, d.published_date IS NULL, d.published_date, d.ingested_at, d.id"
        )
        groups: dict[str, list[tuple[str, float]]] = {}
        for group_id, doc_id, score in rows:
            groups.setdefault(group_id, []).append((doc_id, float(score)))
        return groups

    def write_annotations(self, doc: Document, analyze_key: str) -> None:
        with self.backend.transaction():
            self.backend.execute(
                "INSERT INTO annotations (doc_id, analyze_key, data, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET "
                "analyze_key = excluded.analyze_key, data = excluded.data, "
                "updated_at = excluded.updated_at",
                (doc.id, analyze_key, annotations_to_json(doc), _now()),
            )

    def record_failure(self, source: str, stage: str, reason: str) -> None:
        reason = " ".join(reason.split())[:500]  # one line, bounded
        with self.backend.transaction():
            self.backend.execute(
                "INSERT INTO failures (source, stage, reason, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (source) DO UPDATE SET stage = excluded.stage, "
                "reason = excluded.reason, at = excluded.at",
                (source, stage, reason, _now()),
            )

    def write_analysis(self, name: str, data: Any) -> None:
        with self.backend.transaction():
            self.backend.execute(
                "INSERT INTO analysis (name, data, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET data = excluded.data, "
                "updated_at = excluded.updated_at",
                (name, dumps(data), _now()),
            )

    @staticmethod
    def _document_row(doc: Document, ingest_key: str) -> tuple[Any, ...]:
        p = doc.published
        return (
            doc.id,
            doc.source,
            doc.url,
            doc.outlet,
            doc.title,
            doc.language,
            doc.language_confidence,
            p.date,
            p.precision,
            p.method,
            dumps(p.interval) if p.interval else None,
            dumps(doc.authors),
            doc.raw_text,
            doc.text,
            dumps(doc.removed),
            dumps(doc.paragraph_languages),
            dumps([[s.start, s.end, s.text] for s in doc.sentences]),
            dumps(doc.meta),
            ingest_key,
            _now(),
        )

    # --- reading ------------------------------------------------------------------------
    @staticmethod
    def _document(row: Row, annotations: str | None) -> Document:
        (
            doc_id,
            source,
            url,
            outlet,
            title,
            language,
            lang_conf,
            p_date,
            p_prec,
            p_method,
            p_interval,
            authors,
            raw_text,
            text,
            removed,
            para_langs,
            sentences,
            meta,
            _k,
            _t,
        ) = row
        published = published_from_plain(
            {
                "date": p_date,
                "precision": p_prec,
                "method": p_method,
                "interval": json.loads(p_interval) if p_interval else None,
            }
        )
        doc = Document(
            id=doc_id,
            source=source,
            raw_text=raw_text,
            text=text,
            title=title,
            outlet=outlet,
            language=language,
            language_confidence=lang_conf,
            published=published,
            url=url,
            authors=tuple(json.loads(authors)),
            removed=removed_from_plain(json.loads(removed)),
            paragraph_languages=languages_from_plain(json.loads(para_langs)),
            sentences=sentences_from_plain(json.loads(sentences)),
            meta=json.loads(meta),
        )
        if annotations:
            doc = doc.with_(**annotations_from_json(annotations))
        return doc

    def documents(self, with_annotations: bool = True) -> Iterator[Document]:
        """All documents in a stable order (publication date, then id)."""
        ids = [
            r[0] for r in self.backend.query("SELECT id FROM documents ORDER BY published_date, id")
        ]
        for doc_id in ids:
            doc = self.get(doc_id, with_annotations)
            if doc is not None:
                yield doc

    def get(self, doc_id: str, with_annotations: bool = True) -> Document | None:
        rows = self.backend.query(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            return None
        data = None
        if with_annotations:
            ann = self.backend.query("SELECT data FROM annotations WHERE doc_id = ?", (doc_id,))
            data = ann[0][0] if ann else None
        return self._document(rows[0], data)

    def pending_analysis(self, analyze_key: str) -> list[str]:
        """Ids of documents without annotations from the current analyze configuration."""
        rows = self.backend.query(
            "SELECT d.id FROM documents d LEFT JOIN annotations a ON a.doc_id = d.id "
            "WHERE a.doc_id IS NULL OR a.analyze_key <> ? ORDER BY d.published_date, d.id",
            (analyze_key,),
        )
        return [r[0] for r in rows]

    def sources(self, doc_id: str) -> list[dict[str, Any]]:
        rows = self.backend.query(
            "SELECT source, outlet, url, published_date FROM document_sources "
            "WHERE doc_id = ? ORDER BY first_seen, source",
            (doc_id,),
        )
        return [dict(zip(("source", "outlet", "url", "published"), r, strict=True)) for r in rows]

    def failures(self) -> list[Failure]:
        rows = self.backend.query("SELECT source, stage, reason, at FROM failures ORDER BY source")
        return [Failure(*r) for r in rows]

    def analysis(self, name: str) -> Any:
        rows = self.backend.query("SELECT data FROM analysis WHERE name = ?", (name,))
        return json.loads(rows[0][0]) if rows else None

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.backend.search(query, limit)]

    def count(self, table: str = "documents") -> int:
        if table not in ("documents", "document_sources", "annotations", "failures"):
            raise ValueError(table)
        return int(self.backend.query(f"SELECT count(*) FROM {table}")[0][0])

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
