from __future__ import annotations

import threading
from pathlib import Path

import pytest

from storyline.document import Document, EntityMention, Published, RemovedLine, Span
from storyline.store import Store, open_store

TEXT = "Belmora will send 800 soldiers.\n\nThe decision ends weeks of hesitation."


def make_doc(source: str = "a.txt", text: str = TEXT) -> Document:
    raw = "Share on X\n" + text
    return Document.from_raw(
        raw,
        source,
        text=text,
        title="Belmora commits troops",
        outlet="The Harbour Chronicle",
        language="en",
        published=Published("2026-04-16", "day", "metadata"),
        removed=(RemovedLine(0, 10, "Share on X", "share"),),
        sentences=(Span.of(text, 0, 31),),
    )


def test_migrations_are_named_and_applied_once(store: Store, store_url: str) -> None:
    assert store.applied_migrations() == ["0001_core", "0002_fulltext", "0003_near_duplicates"]
    store.close()
    with open_store(store_url) as again:
        assert again.migrate() == []


def test_document_round_trips(store: Store) -> None:
    doc = make_doc()
    assert store.write_document(doc, "k") == "new"
    back = store.get(doc.id)
    assert back is not None
    assert back.text == doc.text and back.raw_text == doc.raw_text
    assert back.published == doc.published
    assert back.removed == doc.removed
    assert back.sentences == doc.sentences
    assert back.outlet == "The Harbour Chronicle"


def test_ingesting_the_same_article_twice_changes_nothing(store: Store) -> None:
    doc = make_doc()
    assert store.write_document(doc, "k") == "new"
    assert store.write_document(doc, "k") == "unchanged"
    assert store.count() == 1
    assert store.count("document_sources") == 1


def test_same_text_from_a_second_source_is_stored_once_with_both_sources(store: Store) -> None:
    store.write_document(make_doc("a.txt"), "k")
    assert store.write_document(make_doc("mirror/b.txt"), "k") == "new_source"
    assert store.count() == 1
    doc_id = make_doc().id
    assert [s["source"] for s in store.sources(doc_id)] == ["a.txt", "mirror/b.txt"]


def test_changed_ingest_settings_refresh_the_document_and_drop_stale_annotations(
    store: Store,
) -> None:
    doc = make_doc()
    store.write_document(doc, "k1")
    mention = EntityMention(0, 7, "Belmora", "country:XBE", "country", "gazetteer")
    store.write_annotations(doc.with_(mentions=(mention,)), "a1")
    assert store.pending_analysis("a1") == []
    assert store.write_document(doc.with_(title="New title"), "k2") == "updated"
    back = store.get(doc.id)
    assert back is not None and back.title == "New title" and back.mentions == ()
    assert store.pending_analysis("a1") == [doc.id]


def test_annotations_round_trip_and_analysis_key_controls_pending(store: Store) -> None:
    doc = make_doc()
    store.write_document(doc, "k")
    assert store.pending_analysis("a1") == [doc.id]
    mention = EntityMention(0, 7, "Belmora", "country:XBE", "country", "gazetteer")
    store.write_annotations(doc.with_(mentions=(mention,)), "a1")
    assert store.pending_analysis("a1") == []
    assert store.pending_analysis("a2") == [doc.id]
    back = store.get(doc.id)
    assert back is not None and back.mentions == (mention,)


def test_a_failing_write_leaves_nothing_half_written(store: Store) -> None:
    doc = make_doc()

    class Boom(Exception):
        pass

    with pytest.raises(Boom), store.backend.transaction():
        store.backend.execute(
            "INSERT INTO failures (source, stage, reason, at) VALUES (?, ?, ?, ?)",
            ("x", "ingest", "r", "t"),
        )
        raise Boom
    assert store.failures() == []
    store.write_document(doc, "k")
    assert store.count() == 1


def test_failures_are_recorded_one_line_and_cleared_by_success(store: Store) -> None:
    store.record_failure("a.txt", "ingest", "binary data\nsecond line")
    [failure] = store.failures()
    assert failure.reason == "binary data second line"
    store.write_document(make_doc("a.txt"), "k")
    assert store.failures() == []


def test_full_text_search_finds_words_and_ignores_query_syntax(store: Store) -> None:
    store.write_document(make_doc(), "k")
    other = make_doc("b.txt", "Drovenia rules out sending soldiers to the valley.")
    store.write_document(other, "k")
    hits = store.search("hesitation")
    assert [h[0] for h in hits] == [make_doc().id]
    assert "hesitation" in hits[0][1]
    assert {h[0] for h in store.search("soldiers")} == {make_doc().id, other.id}
    assert store.search('"unbalanced OR (') == []  # no syntax error leaks out


def test_analysis_results_are_upserted(store: Store) -> None:
    store.write_analysis("corpus", {"a": 1})
    store.write_analysis("corpus", {"a": 2})
    assert store.analysis("corpus") == {"a": 2}
    assert store.analysis("missing") is None


def test_stores_opened_at_once_apply_each_migration_once(store_url: str, tmp_path: Path) -> None:
    """An ingest and a report opening a new store together must not both migrate it."""
    url = str(tmp_path / "race.db") if not store_url.startswith("postgres") else store_url
    errors: list[Exception] = []

    def open_and_close() -> None:
        try:
            open_store(url).close()
        except Exception as exc:  # the race shows up as "table already exists"
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(url) as store:
        assert store.applied_migrations() == ["0001_core", "0002_fulltext", "0003_near_duplicates"]
