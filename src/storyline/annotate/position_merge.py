"""Positions before and after merging: one actor's readings in a sentence become one raw
position; an actor's agreeing positions in neighbouring sentences become one.

Readings of one actor are split by speaker (two people of one country in one sentence stay
two positions) and by certainty (a claim inside "a report that …" is another voice's). Raw
positions merge across sentences only when actor, topic, speaker and certainty agree; in the
next sentence one may fill the other's missing stance or commitment ("There will be no
Drovenian soldiers." + "The mission was the wrong answer"), two sentences apart they must be
equal. A headline restates its article: its positions count only for actors the body leaves
without one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from storyline.annotate.position_cues import Reading
from storyline.annotate.position_holders import Holder, sentence_index
from storyline.document import Certainty, Commitment, Document, Stance

_TRAILING_FRAME = re.compile(
    r",\s*(?:(?:its|his|her|their|the|a)\s+)?(?:[\w-]+\s+){0,3}?(?:said|says|told|added|"
    r"announced|sagte|erklärte|betonte|fügte|a déclaré|a dit|a annoncé|a ajouté|a précisé)\b"
    r"|\s*[»«“”\"]?,\s*(?:a-t-il|a-t-elle|sagte|said|told)\b",
    re.IGNORECASE,
)
# Agreeing positions of one actor at most this many sentences apart are one position.
_MERGE_GAP = 2
# Confidence penalties: a holder found by resolving a pronoun or by falling back to the
# speaker is more often wrong than a named subject.
_PENALTY_RESOLVED = 0.1
_PENALTY_SPEAKER = 0.15

Found = tuple[Reading, Holder, bool]  # a reading, its holder, found by speaker fallback


@dataclass
class Raw:
    """One actor's position in one sentence, before merging."""

    actor: str
    topic: str
    sentence: int
    start: int
    end: int
    stance: Stance | None
    commitment: Commitment | None
    speaker: str | None
    confidence: float
    certainty: Certainty
    conditions: list[str] = field(default_factory=list)
    speaker_span: tuple[int, int] | None = None


def fold_speakers(
    groups: Mapping[tuple[str, str | None], list[Found]],
) -> dict[tuple[str, str | None], list[Found]]:
    """One position per actor and speaker; readings without a speaker join the actor's only
    speaker. Two people of one country in one sentence ("Kessling did not rule out … the
    refusal Morwitz announced") stay two positions."""
    out: dict[tuple[str, str | None], list[Found]] = {}
    for (actor, speaker), found in groups.items():
        if speaker is None:
            speakers = [s for a, s in groups if a == actor and s is not None]
            if len(speakers) == 1:
                out.setdefault((actor, speakers[0]), []).extend(found)
                continue
        out.setdefault((actor, speaker), []).extend(found)
    return out


def combine(
    actor: str,
    i: int,
    sentence: tuple[int, int],
    found: list[Found],
    certainty: Certainty,
    text: str,
) -> Raw | None:
    stances = [
        r.stance for r, _, _ in found if r.stance and r.commitment is None and r.kind != "give"
    ]
    # money offered ("€5 million for the fund") is support, but weaker than any stated stance
    weak = [r.stance for r, _, _ in found if r.stance and r.commitment is None and r.kind == "give"]
    commits = sorted((r for r, _, _ in found if r.commitment), key=lambda r: -r.strength)
    commitment = commits[0].commitment if commits else None
    stance: Stance | None = None
    if stances:
        explicit = [s for s in stances if s != "undecided"]
        if "support" in explicit and "oppose" in explicit:
            stance = None if not commits else commits[0].stance
        else:
            stance = explicit[0] if explicit else "undecided"
    if stance is None and commits:
        stance = commits[0].stance
    if stance is None and weak:
        stance = weak[0]
    if stance == "undecided" and commitment in ("pledged", "conditional"):
        stance = "support"
    if stance is None and commitment is None:
        return None
    conditions: list[str] = []
    for r, _, _ in found:
        if r.commitment == commitment:
            conditions.extend(c for c in r.conditions if c not in conditions)
    holders = [h for _, h, fb in found if not fb and h.start >= sentence[0]]
    start = min([h.start for h in holders] + [r.start for r, _, _ in found])
    start = max(start, sentence[0])
    end = max(r.clause[1] for r, _, _ in found)
    last_cue = max(r.end for r, _, _ in found)
    frame = _TRAILING_FRAME.search(text, last_cue, end)
    if frame is not None:
        end = frame.start()  # "…, its minister said" / "…, sagte X" is attribution, not evidence
    while end > start and text[end - 1] in " ,;:.!?–—-":
        end -= 1
    confidence = max(r.confidence for r, _, _ in found)
    if all(fb for _, _, fb in found):
        confidence -= _PENALTY_SPEAKER
    elif any(h.kind == "pronoun" for _, h, _ in found):
        confidence -= _PENALTY_RESOLVED
    speaker = next((h.speaker for _, h, _ in found if h.speaker), None)
    return Raw(
        actor,
        "",
        i,
        start,
        end,
        stance,
        commitment,
        speaker,
        round(confidence, 2),
        certainty,
        conditions,
    )


def _compatible(a: Raw, b: Raw, gap: int) -> bool:
    """Same actor, topic, speaker and certainty; values equal, or (next sentence only) one
    filling the other's gap ("There will be no Drovenian soldiers." + "The mission was the
    wrong answer")."""
    if (a.actor, a.topic, a.certainty, a.speaker) != (b.actor, b.topic, b.certainty, b.speaker):
        return False
    if gap > 1:
        return (a.stance, a.commitment) == (b.stance, b.commitment)
    if a.stance and b.stance and a.stance != b.stance:
        return False
    return not (a.commitment and b.commitment and a.commitment != b.commitment)


def merge(raws: list[Raw], times: Mapping[int, set[str]]) -> list[Raw]:
    """An actor's agreeing positions in consecutive sentences become one position."""
    out: list[Raw] = []
    last: dict[tuple[str, str], Raw] = {}
    for raw in sorted(raws, key=lambda r: (r.sentence, r.start)):
        key = (raw.actor, raw.topic)
        prev = last.get(key)
        dated_apart = bool(times.get(raw.sentence)) and bool(
            times.get(prev.sentence if prev else -1)
        )
        if (
            prev is not None
            and raw.sentence - prev.sentence <= _MERGE_GAP
            and _compatible(prev, raw, raw.sentence - prev.sentence)
            and not (dated_apart and times[raw.sentence] != times[prev.sentence])
        ):
            merged = replace(
                prev,
                sentence=raw.sentence,
                end=max(prev.end, raw.end),
                stance=prev.stance or raw.stance,
                commitment=prev.commitment or raw.commitment,
                speaker=prev.speaker or raw.speaker,
                confidence=max(prev.confidence, raw.confidence),
                conditions=prev.conditions
                + [c for c in raw.conditions if c not in prev.conditions],
            )
            out[out.index(prev)] = merged
            last[key] = merged
        else:
            out.append(raw)
            last[key] = raw
    return out


def sentence_times(doc: Document) -> dict[int, set[str]]:
    spans = [(s.start, s.end) for s in doc.sentences]
    found: dict[int, set[str]] = defaultdict(set)
    for t in doc.times:
        if t.value:
            found[sentence_index(spans, t.start)].add(t.value)
    return found


def drop_headline(doc: Document, raws: list[Raw]) -> list[Raw]:
    """A headline restates the article: its positions count only for actors the body does
    not give a position to (the body has the fuller evidence)."""
    if not doc.title or not doc.sentences:
        return raws
    head_end = doc.text.find(doc.title)
    if head_end != 0:
        return raws
    head_end = len(doc.title)
    body = {r.actor for r in raws if r.start >= head_end}
    return [r for r in raws if r.start >= head_end or r.actor not in body]
