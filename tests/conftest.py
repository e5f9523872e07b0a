from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
POSTGRES_URL = os.environ.get("STORYLINE_TEST_POSTGRES_URL")


def shared_data() -> Path:
    """The labelled development data (never copied into the project)."""
    return Path(os.environ.get("STORYLINE_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture
def data_dir() -> Path:
    path = shared_data()
    if not path.is_dir():
        pytest.skip(f"development data not found at {path} (set STORYLINE_DATA)")
    return path


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("STORYLINE_TEST_POSTGRES_URL is not set")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "storyline.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        yield s
