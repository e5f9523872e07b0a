"""Named, ordered schema migrations. Never edit an applied one: add a new one.

Each migration has a SQLite and a PostgreSQL form of the same tables and columns. JSON values
are stored as TEXT in both so rows read back identically; only full-text search differs
(SQLite FTS5 table vs PostgreSQL tsvector column), behind ``Backend.search``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    name: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]


_CORE = (
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        title TEXT,
        language TEXT,
        language_confidence REAL,
        published_date TEXT,
        published_precision TEXT,
        published_method TEXT,
        published_interval TEXT,
        authors TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        text TEXT NOT NULL,
        removed TEXT NOT NULL,
        paragraph_languages TEXT NOT NULL,
        sentences TEXT NOT NULL,
        meta TEXT NOT NULL,
        ingest_key TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    """CREATE TABLE document_sources (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        outlet TEXT,
        url TEXT,
        published_date TEXT,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (doc_id, source)
    )""",
    """CREATE TABLE annotations (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        analyze_key TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE failures (
        source TEXT PRIMARY KEY,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    """CREATE TABLE analysis (
        name TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX documents_published ON documents (published_date)",
    "CREATE INDEX document_sources_source ON document_sources (source)",
)

_NEAR_DUPLICATES = (
    "ALTER TABLE documents ADD COLUMN minhash TEXT",
    """CREATE TABLE lsh_bands (
        key TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (key, doc_id)
    )""",
    "CREATE INDEX lsh_bands_doc ON lsh_bands (doc_id)",
    """CREATE TABLE near_duplicates (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL,
        similarity REAL NOT NULL
    )""",
    "CREATE INDEX near_duplicates_group ON near_duplicates (group_id)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_core", sqlite=_CORE, postgres=_CORE),
    Migration(
        "0002_fulltext",
        sqlite=(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "doc_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')",
        ),
        postgres=(
            "ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED",
            "CREATE INDEX documents_tsv ON documents USING GIN (tsv)",
        ),
    ),
    Migration("0003_near_duplicates", sqlite=_NEAR_DUPLICATES, postgres=_NEAR_DUPLICATES),
)
