"""Reading one document sentence by sentence: cues, their holders, enumerations, speakers.

``SentenceReader.run`` gives the raw positions of every topical sentence (see
``positions``); ``pledge_owners`` tells which figures are an actor's own contribution, for the
figures component.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from storyline.annotate.position_cues import (
    Reading,
    TopicMatcher,
    certainty_of,
    read_sentence,
    reading_certainty,
)
from storyline.annotate.position_holders import DocHolders, Holder, find_holders, resolve
from storyline.annotate.position_lexicon import Lexicon, load_lexicon
from storyline.annotate.position_merge import Found, Raw, combine, fold_speakers
from storyline.annotate.position_speakers import frame_speaker, quote_speaker
from storyline.annotate.position_topics import TopicTerms
from storyline.annotate.units import find_figures
from storyline.document import Certainty, Commitment, Document, Figure, Stance
from storyline.kb.model import KnowledgeBase

# A topic term this many sentences away still makes a sentence topical ("It rejects the
# mission outright" right after a sentence about the force).
_TOPIC_WINDOW = 1
# A document naming a topic this often is about it: its other sentences count for that topic.
_DOC_TOPIC_MIN = 2
# A subject after its verb ("Das kündigte Premierminister Lavalle an", "There will be no
# Drovenian soldiers") stands close to it; farther on it is an object.
_AFTER_REACH = 45
_OWN_REACH = 80  # characters between a verb of giving and the figure it gives
_AND_NEXT = re.compile(r"\s*(?:and|und|et|,)\s*", re.IGNORECASE)
_ALLIES = re.compile(
    r"\s(?:and|und|et)\s+(?:its|their|his|her|seine[n]?|ihre[n]?|ses|leurs)\s+$", re.IGNORECASE
)
# A quotation of at most this many words inside a clause is part of the narration.
_PARTIAL_QUOTE_WORDS = 6
_PLEDGE_UNITS = frozenset({"troops", "aircraft", "ships"})
_ENUMERATION = re.compile(r"(?:['’]s?\s+|\s*\(\s*|\s+(?:with|mit|avec)\s+)")


class SentenceReader:
    """Positions of one document, sentence by sentence."""

    def __init__(self, doc: Document, kb: KnowledgeBase, topics: Sequence[TopicTerms]) -> None:
        self.doc = doc
        self.kb = kb
        self.topics = topics
        self.lexicon: Lexicon = load_lexicon(doc.language or "en")
        self.holders: DocHolders = find_holders(doc, kb, self.lexicon)
        self.sentences = [(s.start, s.end) for s in doc.sentences]
        self.starts = [s for s, _ in self.sentences]
        self.figures: list[Figure] = list(doc.figures) or find_figures(
            doc.text, self.lexicon.language
        )
        self.speakers: list[Holder | None] = []
        self._main: list[TopicTerms] | None = None

    def topical(self, i: int) -> list[TopicTerms]:
        """Topics of sentence ``i``: named in it or next to it; else the document's main topic
        (the cues themselves still need the thing at stake or troops as their object)."""
        lo = max(0, i - _TOPIC_WINDOW)
        hi = min(len(self.sentences) - 1, i + _TOPIC_WINDOW)
        a, b = self.sentences[lo][0], self.sentences[hi][1]
        own = [t for t in self.topics if t.found(self.doc.text, *self.sentences[i])]
        near = own or [t for t in self.topics if t.found(self.doc.text, a, b)]
        return near or self.main_topics

    @property
    def main_topics(self) -> list[TopicTerms]:
        if self._main is None:
            counts = [(t.count(self.doc.text), t) for t in self.topics]
            best = max((c for c, _ in counts), default=0)
            self._main = [t for c, t in counts if c == best and c >= _DOC_TOPIC_MIN]
        return self._main

    def on_topic(self, text: str, start: int, end: int) -> bool:
        return any(t.found(text, start, end) for t in self.topics)

    def speaker_at(self, pos: int, i: int) -> Holder | None:
        if self.doc.quotes:
            found = quote_speaker(self.holders, self.kb, pos, self.doc.quotes)
            if found is not None:
                return found
        return self.speakers[i]

    def run(self) -> list[Raw]:
        raws: list[Raw] = []
        previous: Holder | None = None
        for i, sentence in enumerate(self.sentences):
            speaker = frame_speaker(self.holders, sentence, previous, self.starts)
            self.speakers.append(speaker)
            previous = speaker or (previous if self._continues(i) else None)
            topics = self.topical(i)
            if not topics:
                continue
            readings = read_sentence(
                self.doc.text, sentence, self.lexicon, self.figures, self.on_topic
            )
            raws.extend(self._sentence(i, sentence, readings, topics))
        return raws

    def pledge_owners(self) -> dict[tuple[int, int], tuple[str, str]]:
        """Figures that are an actor's own contribution: (start, end) -> (actor, holder text).
        Read in every sentence, topical or not: "Lorvain will send 150 engineers" is a pledge
        anywhere."""
        owners: dict[tuple[int, int], tuple[str, str]] = {}
        text = self.doc.text
        previous: Holder | None = None
        never: TopicMatcher = _no_topic
        for i, sentence in enumerate(self.sentences):
            speaker = frame_speaker(self.holders, sentence, previous, self.starts)
            self.speakers.append(speaker)
            previous = speaker or (previous if self._continues(i) else None)
            readings = read_sentence(self.doc.text, sentence, self.lexicon, self.figures, never)
            for actor, (start, end, _, _) in self._enumeration(sentence, readings).items():
                name = re.match(r"[^\s(’']+(?:\s[^\s(’'(]+)?", text[start:end])
                for f in self.figures:
                    if start < f.start and f.end <= end:
                        owners[(f.start, f.end)] = (actor, name.group() if name else actor)
            for reading in readings:
                giving = reading.commitment in ("pledged", "conditional") or (
                    reading.kind == "give" and reading.stance == "support"
                )
                if reading.kind not in ("give", "join", "maintain") or not giving:
                    continue
                holders = self._holders_for(reading, i, sentence)
                if len(holders) != 1 or len(holders[0][0].actors) != 1:
                    continue
                holder = holders[0][0]
                for f in self.figures:
                    inside = reading.clause[0] <= f.start and f.end <= reading.clause[1]
                    near = (
                        f.start - reading.end
                        if f.start >= reading.end
                        else reading.start - f.end
                        if self.lexicon.language == "de"
                        else None
                    )
                    if near is None or near > _OWN_REACH:
                        continue  # English and French name the offered figure after the verb
                    if inside and (f.start, f.end) not in owners:
                        owners[(f.start, f.end)] = (
                            holder.actors[0],
                            text[holder.start : holder.end],
                        )
        return owners

    def _continues(self, i: int) -> bool:
        """The next sentence may continue this speaker's quotation (same paragraph)."""
        if i + 1 >= len(self.sentences):
            return False
        return "\n" not in self.doc.text[self.sentences[i][1] : self.sentences[i + 1][0]]

    def _sentence(
        self, i: int, sentence: tuple[int, int], readings: list[Reading], topics: list[TopicTerms]
    ) -> list[Raw]:
        groups: dict[tuple[str, str | None], list[Found]] = defaultdict(list)
        enumerated = self._enumeration(sentence, readings)
        for reading in readings:
            for holder, fallback in self._holders_for(reading, i, sentence):
                for actor in holder.actors:
                    if actor in enumerated and reading.kind in ("give", "join"):
                        continue  # the enumeration already gave this actor its own figure
                    groups[(actor, holder.speaker)].append((reading, holder, fallback))
        out: list[Raw] = []
        text = self.doc.text
        for (actor, _), found in fold_speakers(groups).items():
            # a claim inside "a report that …" / "denied that …" is another voice's position
            by_certainty: dict[Certainty, list[Found]] = defaultdict(list)
            for item in found:
                by_certainty[reading_certainty(text, sentence, item[0].start, self.lexicon)].append(
                    item
                )
            for level, items in by_certainty.items():
                raw = combine(actor, i, sentence, items, level, text)
                if raw is None:
                    continue
                voice = self.speakers[i]
                if raw.speaker is None and voice is not None and actor in voice.actors:
                    raw.speaker = voice.speaker  # "Drovenia will not send, Morwitz said"
                out.extend(replace(raw, topic=t.id) for t in topics)
        certainty = certainty_of(text, *sentence, self.lexicon)
        actors = {actor for actor, _ in groups}
        for actor, (start, end, stance, commitment) in enumerated.items():
            if actor in actors:
                continue
            base = Raw(actor, "", i, start, end, stance, commitment, None, 0.8, certainty)
            out.extend(replace(base, topic=t.id) for t in topics)
        return out

    def _enumeration(
        self, sentence: tuple[int, int], readings: list[Reading]
    ) -> dict[str, tuple[int, int, Stance | None, Commitment | None]]:
        """Actors listed with their own figure: "Aurevia (3,000 troops)", "Lorvain with 150"."""
        text = self.doc.text
        a, b = sentence
        pledging = self.lexicon.search("cue.pledge_noun", text, a, b) is not None or any(
            r.commitment in ("pledged", "conditional") for r in readings
        )
        if not pledging:
            return {}
        found: dict[str, tuple[int, int, Stance | None, Commitment | None]] = {}
        for h in self.holders.in_range(a, b):
            if h.kind not in ("name", "adjective") or len(h.actors) != 1:
                continue
            link = _ENUMERATION.match(text, h.end)
            if link is None:
                continue
            fig = next((f for f in self.figures if f.start == link.end()), None)
            if fig is None or fig.unit is None:
                continue
            end = fig.end
            for f in self.figures:  # "Belmora (800 troops and four jets)"
                if f.start > end and _AND_NEXT.fullmatch(text[end : f.start]):
                    end = f.end
            if fig.unit in _PLEDGE_UNITS:
                found[h.actors[0]] = (h.start, end, "support", "pledged")
            elif fig.unit.startswith("money:"):
                found[h.actors[0]] = (h.start, end, "support", None)
        return found

    def _holders_for(
        self, reading: Reading, i: int, sentence: tuple[int, int]
    ) -> list[tuple[Holder, bool]]:
        """The holder(s) of one reading and whether they came from the speaker fallback."""
        speaker = self.speaker_at(reading.start, i)
        if reading.holder_rule == "speaker":
            return [(speaker, True)] if speaker is not None else []
        dh = self.holders
        quote = dh.quote_at(reading.start)
        if quote is not None and self._partial(quote):
            quote = None  # a few quoted words inside the narration: "had “quietly withdrawn”"
        if quote is not None:
            region = (max(quote[0], reading.clause[0]), min(quote[1], reading.clause[1]))
        else:
            region = reading.clause
        inside = [
            h
            for h in dh.in_range(*region)
            if (dh.quote_at(h.start) is not None) == (quote is not None)
            and not (h.oblique or h.source)
            and (quote is not None or not self._in_full_quote(h.start))
        ]
        before = sorted((h for h in inside if h.end <= reading.start), key=lambda h: -h.end)
        after = sorted((h for h in inside if h.start >= reading.start), key=lambda h: h.start)
        for h in before:
            if self._blocked(h.end, reading.start):
                break
            resolved = resolve(dh, h, speaker, self.starts)
            if resolved is not None:
                return [(resolved, False)]
        for h in after:
            if h.start - reading.end > _AFTER_REACH or self._blocked(reading.end, h.start):
                break
            resolved = resolve(dh, h, speaker, self.starts)
            if resolved is not None:
                return [(resolved, False)]
        if quote is None:
            earlier = [
                h
                for h in dh.in_range(sentence[0], reading.clause[0])
                if not self._in_full_quote(h.start) and not (h.oblique or h.source)
            ]
            for h in sorted(earlier, key=lambda h: -h.end):
                if self._blocked(h.end, reading.start):
                    break
                resolved = resolve(dh, h, speaker, self.starts)
                if resolved is not None:
                    return [(resolved, False)]
        if quote is None and i > 0 and self.doc.text[sentence[0] : sentence[0] + 1].islower():
            # a sentence split inside an abbreviation or date ("le 9. avril, …"): the subject
            # is at the end of the previous piece
            prev = self.sentences[i - 1]
            for h in sorted(dh.in_range(*prev), key=lambda h: -h.end):
                if h.oblique or h.source or self._in_full_quote(h.start):
                    continue
                resolved = resolve(dh, h, speaker, self.starts)
                if resolved is not None:
                    return [(resolved, False)]
        if self._blocked(region[0], reading.start):
            return []
        if speaker is not None and (quote is not None or speaker.start >= sentence[0]):
            return [(speaker, True)]
        return []

    def _partial(self, quote: tuple[int, int]) -> bool:
        """A short quotation embedded in a clause (no sentence of its own)."""
        inner = self.doc.text[quote[0] : quote[1]]
        return len(inner.split()) <= _PARTIAL_QUOTE_WORDS and not re.search(r"[.!?]\W*$", inner)

    def _in_full_quote(self, pos: int) -> bool:
        quote = self.holders.quote_at(pos)
        return quote is not None and not self._partial(quote)

    def _blocked(self, start: int, end: int) -> bool:
        """A subject that is no actor ("a dozen countries", "every capital") lies in between."""
        text = self.doc.text
        if start >= end:
            return False
        for m in self.lexicon.finditer("noun.others", text, start, end):
            before = text[start : m.start()]
            if not before.strip() and start > 0 and self._holder_ending_at(start):
                continue  # "Belmoran soldiers": the noun belongs to the holder
            if _ALLIES.search(before):
                continue  # "The Aurevian government and its allies speak of …"
            return True
        # "A dozen countries are ready": a counted subject. German puts objects before the
        # verb ("hatte 3.000 Soldaten zugesagt"), so there only counted countries block.
        for f in self.figures:
            if start <= f.start < end and (self.lexicon.language != "de" or f.unit == "countries"):
                return True
        return False

    def _holder_ending_at(self, pos: int) -> bool:
        return any(
            h.end <= pos <= h.end + 1 and h.kind in ("asset", "adjective")
            for h in self.holders.holders
        )


def _no_topic(text: str, start: int, end: int) -> bool:
    return False


def pledge_owners(
    doc: Document, kb: KnowledgeBase, figures: Sequence[Figure]
) -> dict[tuple[int, int], tuple[str, str]]:
    """Which of ``figures`` are whose own contribution ("Belmora will send 800 soldiers")."""
    if not doc.sentences:
        return {}
    reader = SentenceReader(doc, kb, ())
    reader.figures = list(figures)
    return reader.pledge_owners()
