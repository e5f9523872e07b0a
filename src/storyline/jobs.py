"""The main jobs — ingest, analyze — as library functions. The CLI is a thin layer over these."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline import __version__
from storyline.config import Config
from storyline.document import Document
from storyline.errors import InputError
from storyline.ingest.dedup import signature
from storyline.ingest.readers import read_bytes
from storyline.ingest.sources import LazyFetcher, iter_items
from storyline.pipeline import build_stage, pipe_parallel
from storyline.store import Store, WriteStatus

Progress = Callable[[str], None]  # called once per item with its source


def stage_key(config: Config, stage: str) -> str:
    """Fingerprint of everything that shapes a stage's output; a change triggers reprocessing."""
    names = config["pipeline"][stage]
    settings = {n: config.get("components", {}).get(n, {}) for n in names}
    # Positions depend on the topics: a new question means re-reading every document.
    topics = config.get("topics", []) if stage == "analyze" else []
    blob = json.dumps([__version__, stage, names, settings, topics], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


@dataclass
class IngestReport:
    statuses: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> int:
        return len(self.failures)


@dataclass(frozen=True)
class InputOptions:
    """How inputs are found and fetched (see docs/ingestion.md)."""

    manifests: tuple[str, ...] = ()
    allow_private_network: bool = False  # let URLs reach loopback/private/link-local addresses
    fetch_entries: bool = False  # fetch the page of feed entries that only carry a teaser
    fetcher: Any = None  # a storyline.ingest.fetch.Fetcher; tests pass a fake


def _documents(
    inputs: Iterable[str | Path],
    config: Config,
    report: IngestReport,
    store: Store,
    progress: Progress | None,
    options: InputOptions,
) -> Iterable[Document]:
    settings = config.get("ingest", {})
    fetcher = options.fetcher or LazyFetcher(options.allow_private_network)
    try:
        items = iter_items(
            inputs,
            settings.get("include", ["*"]),
            settings.get("exclude", []),
            int(settings.get("max_bytes", 20_000_000)),
            fetcher=fetcher,
            fetch_entries=options.fetch_entries,
            manifests=options.manifests,
        )
        for item in items:
            if progress:
                progress(item.source)
            if item.error is not None or item.data is None:
                _fail(store, report, item.source, str(item.error or "unreadable"))
                continue
            try:
                for result in read_bytes(item.data, item.source, item.meta):
                    if isinstance(result, InputError):
                        _fail(store, report, _source_of(result, item.source), str(result))
                    else:
                        yield result
            except InputError as exc:
                _fail(store, report, item.source, str(exc))
    finally:
        if isinstance(fetcher, LazyFetcher):
            fetcher.close()


def _source_of(error: InputError, default: str) -> str:
    head = str(error).split(": ", 1)[0]
    return head if head.startswith(default) else default


def _fail(store: Store, report: IngestReport, source: str, reason: str) -> None:
    report.failures.append((source, reason))
    store.record_failure(source, "ingest", reason)


def ingest(
    inputs: Iterable[str | Path],
    store: Store,
    config: Config,
    progress: Progress | None = None,
    options: InputOptions | None = None,
) -> IngestReport:
    """Read, clean and label inputs; write each document in its own transaction."""
    report = IngestReport()
    pipeline = build_stage(config, "ingest")
    key = stage_key(config, "ingest")
    docs = _documents(inputs, config, report, store, progress, options or InputOptions())
    for outcome in pipeline.pipe(docs):
        if outcome.document is None:
            _fail(store, report, outcome.source, outcome.error or "failed")
            continue
        doc = outcome.document
        status: WriteStatus = store.write_document(doc, key, signature(doc.text))
        report.statuses[status] += 1
        report.languages[doc.language or "und"] += 1
    return report


@dataclass
class AnalyzeReport:
    analyzed: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    suggested_topic: str | None = None  # set when no --topics was given


def suggested_topics(store: Store, config: Config, limit: int = 5) -> list[dict[str, Any]]:
    """Candidate topics from the stored documents (their entity mentions come from a quick
    entities pass, so this works before the first analysis too)."""
    from storyline.analysis.topics import suggest_topics
    from storyline.kb.model import shared_kb
    from storyline.pipeline import make_component

    entities = make_component("entities", config)
    docs = [entities(d) for d in store.documents(with_annotations=False)]
    kb_files = getattr(entities, "files", ())
    return suggest_topics(docs, kb=shared_kb(tuple(kb_files)), limit=limit)


def analyze(
    store: Store, config: Config, progress: Progress | None = None, force: bool = False
) -> AnalyzeReport:
    """Annotate documents not yet analysed with the current settings, then cross-document analysis.

    Resumable: each document's annotations are committed on their own, so a crashed run picks
    up where it stopped.
    """
    from storyline.analysis.build import build_analysis  # imports the analysis layer lazily

    report = AnalyzeReport()
    if not config.get("topics"):
        # The suggestion is made once and kept: re-suggesting as the corpus grows would change
        # the topic, and with it every document's analysis, on each run.
        chosen = store.analysis("suggested_topic")
        if not chosen:
            chosen = suggested_topics(store, config)[:1]
            if chosen:
                store.write_analysis("suggested_topic", chosen)
        config = {**config, "topics": chosen}
        report.suggested_topic = chosen[0]["question"] if chosen else None
    key = stage_key(config, "analyze")
    ingest_fields = build_stage(config, "ingest").provides
    build_stage(config, "analyze", ingest_fields)  # validate before touching anything
    pending = [d.id for d in store.documents(False)] if force else store.pending_analysis(key)
    report.skipped = store.count() - len(pending)

    def docs() -> Iterable[Document]:
        for doc_id in pending:
            doc = store.get(doc_id, with_annotations=False)
            if doc is not None:
                if progress:
                    progress(doc.source)
                yield doc

    workers = int(config.get("pipeline", {}).get("workers", 1))
    for outcome in pipe_parallel(config, "analyze", docs(), workers):
        if outcome.document is None:
            report.failures.append((outcome.source, outcome.error or "failed"))
            store.record_failure(outcome.source, "analyze", outcome.error or "failed")
            continue
        store.write_annotations(outcome.document, key)
        report.analyzed += 1
    rebuild = force or not report.skipped  # every document (re)analysed: start stories afresh
    update_stories(store, config, pending, rebuild)
    store.write_analysis("corpus", build_analysis(store, config))
    return report


def update_stories(store: Store, config: Config, new_ids: list[str], rebuild: bool) -> None:
    """Add newly analysed documents to the story index kept in the store.

    The index holds only active stories; stories gone quiet are archived (as export records)
    next to it. When the settings or the encoder changed, or every document was re-analysed, the
    stories are rebuilt from all documents so that they stay consistent.
    """
    from storyline.analysis.stories import encoder_from_config, index_from_config
    from storyline.analysis.stories import update_stories as add_documents

    encoder = encoder_from_config(config)
    state = None if rebuild else store.analysis("stories_state")
    index, resumed = index_from_config(config, encoder, state)
    archive: list[dict[str, Any]] = (store.analysis("stories_closed") or []) if resumed else []
    if resumed:
        known = {d for story in archive for d in story["documents"]}
        known |= {d for story in index.stories() for d in story.documents}
        ids = [i for i in new_ids if i not in known]
    else:
        ids = [d.id for d in store.documents(with_annotations=False)]
    docs = [d for d in (store.get(i) for i in ids) if d is not None]
    add_documents(index, docs, encoder)
    archive += [story.export() for story in index.pop_closed()]
    store.write_analysis("stories_state", index.to_state())
    store.write_analysis("stories_closed", archive)
    stories = archive + [story.export() for story in index.stories()]
    stories.sort(key=lambda s: (-len(s["documents"]), s["first"] or "", s["id"]))
    store.write_analysis("stories", stories)
