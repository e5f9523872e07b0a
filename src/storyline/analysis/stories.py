"""Stories: documents about the same developing event, grouped across languages and outlets.

This module turns annotated ``Document`` objects into the language-independent representation
the online index works on (``story_index.py``) and offers the calls the jobs and reports need:

    encoder = encoder_from_config(config)
    index, resumed = index_from_config(config, encoder, saved_state)  # saved_state may be None
    update_stories(index, new_docs, encoder)     # all docs instead when not resumed
    saved_state = index.to_state()               # JSON-able, kept in the store
    export = export_stories(index.stories())     # the export's "stories" list

A document is represented by (1) the ids of the knowledge-base entities it mentions, counted
with a log-damped frequency — ids are the same in every language, which is what joins a German
and a French report; (2) the multilingual embedding of its title and lead; (3) the content
words of title and lead, compared only within one language; (4) its publication day.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from storyline.analysis.embedding import Encoder, make_encoder
from storyline.analysis.story_index import DocRep, Story, StoryIndex, StorySettings, story_id
from storyline.analysis.story_terms import content_words
from storyline.config import Config
from storyline.document import Document

__all__ = [
    "DocRep",
    "Story",
    "StoryIndex",
    "StorySettings",
    "document_story_map",
    "embedding_text",
    "encoder_from_config",
    "entity_weights",
    "export_stories",
    "index_from_config",
    "items_in_story",
    "publication_day",
    "represent",
    "settings_from_config",
    "story_id",
    "update_stories",
]

# A title fallback longer than this is cut: it is a label, not a summary.
MAX_TITLE_CHARS = 160
# Mentions the entity linker was unsure about do not identify a story.
MIN_MENTION_CONFIDENCE = 0.5


def settings_from_config(config: Config) -> StorySettings:
    """``[stories]`` of the whole configuration (``encoder`` is read by ``encoder_from_config``)."""
    section = {k: v for k, v in config.get("stories", {}).items() if k != "encoder"}
    return StorySettings.from_dict(section)


def encoder_from_config(config: Config) -> Encoder:
    return make_encoder(str(config.get("stories", {}).get("encoder", "use")))


def index_from_config(
    config: Config, encoder: Encoder, state: dict[str, Any] | None = None
) -> tuple[StoryIndex, bool]:
    """The saved index when it was built with the same settings and encoder, else a new one.

    Returns (index, resumed). When ``resumed`` is false the caller must feed every stored
    document again: stories built under other thresholds or in another vector space do not
    continue consistently.
    """
    settings = settings_from_config(config)
    if state is not None:
        saved = StoryIndex.from_state(state)
        if saved.settings == settings and saved.encoder == encoder.name:
            return saved, True
    return StoryIndex(settings, dim=encoder.dim, encoder=encoder.name), False


def publication_day(doc: Document) -> int | None:
    """Ordinal day of publication; the middle of the interval for estimated dates."""
    pub = doc.published
    try:
        if pub.date:
            return date.fromisoformat(pub.date[:10]).toordinal()
        if pub.interval:
            lo, hi = (date.fromisoformat(d[:10]).toordinal() for d in pub.interval)
            return (lo + hi) // 2
    except ValueError:
        return None  # a malformed date is no date: the story then ignores time for this one
    return None


def _lead(doc: Document, lead_chars: int) -> str:
    """The first sentences of the clean text, at least ``lead_chars`` long when there are
    enough; whole sentences so the embedding never sees half a clause."""
    if not doc.sentences:
        return doc.text[:lead_chars]
    end = 0
    for span in doc.sentences:
        end = span.end
        if end >= lead_chars:
            break
    return doc.text[:end]


def embedding_text(doc: Document, lead_chars: int) -> str:
    """Title and lead. Most clean texts already open with their headline; it is not doubled."""
    lead = _lead(doc, lead_chars).strip()
    title = (doc.title or "").strip()
    if not title or lead.startswith(title):
        return lead
    return f"{title}\n{lead}"


def _title(doc: Document) -> str | None:
    if doc.title and doc.title.strip():
        return doc.title.strip()
    first = doc.sentences[0].text if doc.sentences else doc.text.split("\n", 1)[0]
    first = " ".join(first.split())
    if len(first) > MAX_TITLE_CHARS:
        first = first[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return first or None


def entity_weights(doc: Document) -> tuple[tuple[str, float], ...]:
    """Linked entity ids with 1 + ln(mentions): the tenth mention adds little over the third."""
    counts = Counter(
        m.entity for m in doc.mentions if m.entity and m.confidence >= MIN_MENTION_CONFIDENCE
    )
    return tuple((eid, 1.0 + math.log(n)) for eid, n in sorted(counts.items()))


def represent(docs: Sequence[Document], encoder: Encoder, lead_chars: int) -> list[DocRep]:
    """Representations of many documents; the encoder runs once over the whole batch."""
    texts = [embedding_text(d, lead_chars) for d in docs]
    embeddings = encoder.encode(texts)
    return [
        DocRep(
            id=doc.id,
            embedding=embeddings[i],
            entities=entity_weights(doc),
            terms=content_words(texts[i], doc.language),
            day=publication_day(doc),
            language=doc.language,
            outlet=doc.outlet,
            title=_title(doc),
        )
        for i, doc in enumerate(docs)
    ]


def _arrival_order(doc: Document) -> tuple[int, str]:
    # Undated documents go last: they cannot advance the clock and are placed by content alone.
    day = publication_day(doc)
    return (day if day is not None else date.max.toordinal(), doc.id)


def update_stories(
    index: StoryIndex, docs: Iterable[Document], encoder: Encoder, batch: int = 64
) -> dict[str, str]:
    """Adds new documents in publication order and runs a final merge pass.

    Returns {document id: story id} for the documents added. The caller should pass only
    documents not yet assigned (the index remembers documents of active stories only). Story ids
    can change when stories merge, so ids of *earlier* documents are read from
    ``index.stories()`` (or ``document_story_map``), not from previous return values.
    """
    ordered = sorted(docs, key=_arrival_order)
    for start in range(0, len(ordered), batch):
        for rep in represent(ordered[start : start + batch], encoder, index.settings.lead_chars):
            index.add(rep)
    index.merge()
    mapping = document_story_map(index.stories())
    return {doc.id: mapping[doc.id] for doc in ordered if doc.id in mapping}


def document_story_map(stories: Iterable[Story]) -> dict[str, str]:
    """{document id: story id}, for filtering positions, figures and timeline by story."""
    return {doc_id: story.id for story in stories for doc_id in story.documents}


def items_in_story(items: Iterable[dict[str, Any]], story: Story) -> list[dict[str, Any]]:
    """Positions, figures and quotes (dicts with ``doc``) or timeline events (with ``sources``,
    each with ``doc``) that come from the story's documents."""
    members = set(story.documents)
    return [
        item
        for item in items
        if item.get("doc") in members
        or any(src.get("doc") in members for src in item.get("sources", ()))
    ]


def export_stories(stories: Iterable[Story]) -> list[dict[str, Any]]:
    """The export's ``stories`` list: largest first, then oldest, then by id."""
    ranked = sorted(stories, key=lambda s: (-len(s.documents), s.first or "", s.id))
    return [s.export() for s in ranked]
