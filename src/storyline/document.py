"""The document model: one ``Document`` flows through the pipeline and into the store.

All annotation offsets are character offsets into ``Document.text`` (the clean text),
half-open ``[start, end)``, and every annotation also carries the covered ``text`` so a
consumer can check ``doc.text[a.start:a.end] == a.text`` without trusting us.
Removed boilerplate lines are the one exception: they point into ``raw_text``, because
they are by definition no longer part of the clean text.

Everything here is a frozen dataclass; components return a new document with
``dataclasses.replace`` instead of mutating one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Precision = Literal["datetime", "day", "month", "year"]
# How a publication date was obtained. "estimated" means: inferred from dates the text
# mentions; then ``Published.interval`` holds the bounds and ``date`` is not a fact.
DateMethod = Literal["metadata", "sidecar", "manifest", "url", "dateline", "text", "estimated"]
Stance = Literal["support", "oppose", "undecided"]
Commitment = Literal["pledged", "conditional", "declined"]
QuoteKind = Literal["direct", "indirect", "partial"]
Certainty = Literal["asserted", "reported", "alleged", "denied", "hypothetical"]
Granularity = Literal["day", "week", "month", "quarter", "year", "vague"]
Direction = Literal["past", "present", "future"]

_WS = re.compile(r"\s+")


def normalise_for_hash(text: str) -> str:
    """The form of a text that decides identity: NFC, case-folded, whitespace collapsed."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def content_id(text: str) -> str:
    """Stable document id: the same article text always gets the same id."""
    digest = hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()
    return digest[:20]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Document.text``."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not fit [{self.start}, {self.end})")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Published:
    date: str | None = None  # ISO 8601: YYYY-MM-DD, or with time
    precision: Precision | None = None
    method: DateMethod | None = None
    interval: tuple[str, str] | None = None  # only for estimated dates: earliest, latest


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A boilerplate line taken out of the raw text, with why."""

    start: int  # into raw_text
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class LanguageSpan:
    """Language of one paragraph (offsets into ``text``)."""

    start: int
    end: int
    language: str
    confidence: float


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    entity: str | None  # KB id, or None when ambiguous / unlinked
    type: str  # country | organization | person | location | group
    method: str  # gazetteer | metonym | role | discovered | ...
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None  # ISO date (or YYYY-MM / YYYY) resolved against the reference date
    granularity: Granularity
    direction: Direction | None = None
    interval: tuple[str, str] | None = None  # first and last day covered, ISO


@dataclass(frozen=True, slots=True)
class Hop:
    """One link in an attribution chain, from the publisher towards the origin."""

    kind: Literal["outlet", "person", "anonymous", "document", "organization"]
    text: str
    start: int | None = None  # None for the publishing outlet, which is not in the text
    end: int | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None  # entity id
    speaker_text: str | None = None
    speaker_span: tuple[int, int] | None = None
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    certainty: Certainty = "asserted"
    chain: tuple[Hop, ...] = ()
    event_date: str | None = None
    event_date_method: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    start: int
    end: int
    text: str
    value: float | None = None
    min: float | None = None
    max: float | None = None
    qualifier: str | None = (
        None  # exact | about | up_to | at_least | more_than | less_than | range | vague
    )
    unit: str | None = None  # troops | countries | money:EUR | aircraft | ships | ...
    measures: str | None = None  # what quantity the figure is a value of
    claimed_by: str | None = None  # entity id of the claimant
    claimed_by_text: str | None = None
    certainty: Certainty = "asserted"
    chain: tuple[Hop, ...] = ()
    event_date: str | None = None


@dataclass(frozen=True, slots=True)
class Position:
    start: int  # evidence span
    end: int
    text: str
    actor: str  # entity id the position belongs to
    topic: str
    stance: Stance | None
    commitment: Commitment | None
    speaker: str | None = None
    confidence: float = 0.5
    certainty: Certainty = "asserted"
    conditions: tuple[str, ...] = ()
    chain: tuple[Hop, ...] = ()
    date: str | None = None
    date_method: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    source: str  # path or URL it was read from
    raw_text: str
    text: str = ""  # clean text: what every annotation offset points into
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    published: Published = field(default_factory=Published)
    url: str | None = None
    authors: tuple[str, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    paragraph_languages: tuple[LanguageSpan, ...] = ()
    sentences: tuple[Span, ...] = ()
    mentions: tuple[EntityMention, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    positions: tuple[Position, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @classmethod
    def from_raw(cls, raw_text: str, source: str, **fields: Any) -> Document:
        """A new, not yet processed document. Its id is the hash of its normalised text."""
        return cls(id=content_id(raw_text), source=source, raw_text=raw_text, **fields)

    def with_(self, **changes: Any) -> Document:
        return replace(self, **changes)


# Names a pipeline component may list in ``requires``/``assigns``: the Document fields
# that are filled in by processing rather than at ingestion.
ANNOTATION_FIELDS = frozenset(
    {
        "text",
        "removed",
        "title",
        "outlet",
        "published",
        "language",
        "paragraph_languages",
        "sentences",
        "mentions",
        "times",
        "quotes",
        "figures",
        "positions",
    }
)
# What every freshly ingested document has.
INGESTED_FIELDS = frozenset({"raw_text", "source"})
