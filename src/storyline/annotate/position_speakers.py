"""Who speaks at a point of the text: the quote's speaker or the reporting frame's subject.

The quotes component (``doc.quotes``) is used when it has run and knows the speaker; otherwise
a light frame reader finds the holder next to a verb of saying ("…, Morwitz said", "sagte
Ferrante", "a déclaré M. Lavalle", "selon Castelbrun") outside quotation marks. A sentence
that is all quotation and names nobody continues the previous sentence's speaker
("“Our engineers know how to clear mines,” Dufort said. “That is what the valley needs.”").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.annotate.position_holders import (
    ACTOR_TYPES,
    DocHolders,
    Holder,
    person_actor,
    resolve,
)
from storyline.document import Quote
from storyline.kb.model import KnowledgeBase

# Characters between a verb of saying and its subject; farther away it is another phrase.
_FRAME_REACH = 70


def quote_speaker(
    dh: DocHolders, kb: KnowledgeBase, pos: int, quotes: Sequence[Quote]
) -> Holder | None:
    """The speaker of the quote from the quotes component that covers ``pos``."""
    for q in quotes:
        if not q.start <= pos < q.end:
            continue
        if q.speaker_span is not None:
            a, b = q.speaker_span
            for h in dh.holders:
                if h.actors and h.start < b and a < h.end:
                    return h
        if q.speaker is None:
            return None
        entity = kb.get(q.speaker)
        if entity is None:
            return None
        span = q.speaker_span or (q.start, q.start)
        if entity.type == "person":
            actor = person_actor(kb, entity.id, dh.doc.published.date)
            if actor is None:
                return None
            return Holder(span[0], span[1], (actor,), "person", entity.id)
        if entity.type in ACTOR_TYPES:
            return Holder(span[0], span[1], (entity.id,), "name")
        return None
    return None


def frame_speaker(
    dh: DocHolders,
    sentence: tuple[int, int],
    previous: Holder | None,
    sentence_starts: Sequence[int],
) -> Holder | None:
    """The holder next to a verb of saying in ``sentence`` (outside quotation marks)."""
    text = dh.doc.text
    a, b = sentence
    best: tuple[int, Holder] | None = None
    candidates = [h for h in dh.in_range(a, b) if dh.quote_at(h.start) is None]
    for verb in dh.lexicon.finditer("frame.report", text, a, b):
        if dh.quote_at(verb.start()) is not None:
            continue
        for h in candidates:
            if (h.oblique and not h.source) or h.pronoun in ("first", "impersonal", "own"):
                continue
            if h.end <= verb.start():
                if re.search(r"[:;]", text[h.end : verb.start()]):
                    continue  # "s'il se confirme, … : les spécialistes évoquent"
                gap = verb.start() - h.end
            elif h.start >= verb.end():
                gap = h.start - verb.end()
            else:
                gap = 0
            if gap > _FRAME_REACH:
                continue
            resolved = resolve(dh, h, previous, sentence_starts)
            if resolved is None:
                continue
            score = gap - (15 if resolved.speaker else 0)
            if best is None or score < best[0]:
                best = (score, resolved)
    if best is not None:
        return best[1]
    sources = [h for h in candidates if h.source and h.actors]
    if sources:
        return sources[0]  # "Pour la Vestrie, …", "Selon Castelbrun, …"
    body = text[a:b].lstrip()
    if body[:1] in "“„«»\"‚‹'" or (dh.quote_at(a + 1) is not None):
        return previous
    return None
