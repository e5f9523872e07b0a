"""The ``positions`` component: who stands where on each topic, and who commits to take part.

For every sentence about a topic (a topic term in it or in a neighbouring sentence) the cue
reader (``position_cues``) finds stance and commitment cues; each cue is given a holder
(``position_holders``): the clause's subject (a name, a person speaking for a country, a
list, a pronoun or "her country" resolved backwards), or — for labels and for first-person
quotations — the speaker (``position_speakers``). Enumerations with figures ("pledges have
come from Aurevia (3,000 troops), Belmora (800 troops)", "Lorvain with 150 engineers") give
each listed actor a pledge. Readings of one actor in one sentence are combined; an actor's
positions in consecutive sentences that agree are merged into one with a longer evidence
span. What cannot be attributed is dropped: no position is better than a wrong one.

Dates are left to the anchoring component (``Position.date`` stays None here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.annotate.position_merge import Raw, drop_headline, merge, sentence_times
from storyline.annotate.position_reader import SentenceReader, pledge_owners
from storyline.annotate.position_topics import TopicTerms, compile_topic
from storyline.config import Config
from storyline.document import Certainty, Document, Hop, Position
from storyline.kb.model import KnowledgeBase, shared_kb

__all__ = ["Positions", "find_positions", "make_positions", "pledge_owners", "topics_for"]

_HEARSAY: dict[str, Certainty] = {"reported": "reported", "alleged": "alleged"}
_CERTAINTY_RANK = {"asserted": 0, "reported": 1, "alleged": 2, "hypothetical": 2, "denied": 3}


def _statement_context(doc: Document, start: int, end: int) -> tuple[Any, ...] | None:
    """The quotes component's attribution of a span, when that component has run on ``doc``
    (otherwise it would extract all quotes again for every span)."""
    if not doc.quotes:
        return None
    try:
        from storyline.annotate.quotes import (  # type: ignore[import-not-found,unused-ignore]
            statement_context,
        )
    except ImportError:
        return None
    result = statement_context(doc, start, end)
    return tuple(result) if isinstance(result, tuple | list) and len(result) == 4 else None


def _chain(doc: Document, raw: Raw) -> tuple[Hop, ...]:
    hops = [Hop("outlet", doc.outlet)] if doc.outlet else []
    return tuple(hops)


def find_positions(
    doc: Document, kb: KnowledgeBase, topics: Sequence[TopicTerms]
) -> list[Position]:
    """Every position ``doc`` states on the given topics."""
    if not topics or not doc.text or not doc.sentences:
        return []
    raws = merge(drop_headline(doc, SentenceReader(doc, kb, topics).run()), sentence_times(doc))
    positions: list[Position] = []
    for raw in raws:
        certainty, chain = raw.certainty, _chain(doc, raw)
        context = _statement_context(doc, raw.start, raw.end)
        if context is not None:
            _, _, ctx_chain, ctx_certainty = context
            if isinstance(ctx_chain, tuple) and ctx_chain:
                chain = ctx_chain
            # only hearsay is taken over: a rejection is no "denial" of a report, and a
            # conditional commitment already says "could"
            hearsay = _HEARSAY.get(ctx_certainty) if isinstance(ctx_certainty, str) else None
            if hearsay and _CERTAINTY_RANK[hearsay] > _CERTAINTY_RANK[certainty]:
                certainty = hearsay
        positions.append(
            Position(
                start=raw.start,
                end=raw.end,
                text=doc.text[raw.start : raw.end],
                actor=raw.actor,
                topic=raw.topic,
                stance=raw.stance,
                commitment=raw.commitment,
                speaker=raw.speaker,
                confidence=max(0.05, min(1.0, raw.confidence)),
                certainty=certainty,
                conditions=tuple(raw.conditions),
                chain=chain,
            )
        )
    return positions


@dataclass
class Positions:
    kb_files: tuple[str, ...]
    topics: tuple[TopicTerms, ...]
    name: str = "positions"
    requires: frozenset[str] = frozenset({"text", "sentences", "language", "mentions"})
    assigns: frozenset[str] = frozenset({"positions"})

    def __call__(self, doc: Document) -> Document:
        found = find_positions(doc, shared_kb(self.kb_files), self.topics)
        return doc.with_(positions=tuple(found))


def topics_for(settings: Config, config: Config) -> tuple[TopicTerms, ...]:
    """Topics from the component settings, else from the loaded ``--topics`` file."""
    raw = settings.get("topics") or config.get("topics") or []
    return tuple(compile_topic(t) for t in raw if isinstance(t, Mapping) and "id" in t)


def make_positions(settings: Config, config: Config) -> Positions:
    from storyline.annotate.entities import make_entities

    entity_settings = config.get("components", {}).get("entities", {})
    files = make_entities(entity_settings, config).files
    return Positions(kb_files=tuple(files), topics=topics_for(settings, config))
