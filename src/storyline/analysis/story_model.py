"""Data types of story clustering: settings, a document's representation, the exported story,
the idf-weighted sparse spaces and the working state of an active story.

A document is compared with a story through the story's *exemplars* (its most recent members,
at most ``max_exemplars``): the pair similarity of the document with each exemplar is computed
for all active exemplars at once (a matrix product for embeddings, inverted indexes for entities
and words), and a story scores the mean of its ``neighbours`` best pair similarities. Taking the
best few rather than the mean of all members lets a story that moves on (a proposal, then
pledges, then a withdrawal) keep attracting the next development; taking a few rather than one
keeps a single odd member from pulling in unrelated articles.
"""

from __future__ import annotations

import base64
import hashlib
import math
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.errors import ConfigError

Vector = npt.NDArray[np.float64]
Features = tuple[tuple[str, float], ...]  # (key, term frequency weight), sorted by key
# Posting length from which numpy beats a Python loop over the posting.
_VECTORISE_FROM = 24


@dataclass(frozen=True)
class StorySettings:
    # Score a document needs with its best story to join it, and two stories to merge. Tuned
    # on ECB+ (English, topic level; see eval/stories.py) and on the trilingual demo corpus.
    # A document that starts its own story is a one-member story at the next merge pass, so in
    # effect it joins at min(join_threshold, merge_threshold), only a little later.
    join_threshold: float = 0.20
    merge_threshold: float = 0.22
    # Weights of the three pair similarities; one that does not apply to a pair (no entities on
    # a side; different languages, for words) drops out and the rest are renormalised.
    # Entities and the embedding cross languages, words do not.
    embedding_weight: float = 0.2
    entity_weight: float = 0.1
    term_weight: float = 0.7
    # Cosine two unrelated news leads have anyway in the embedding space (ECB+: 0.18 on
    # average between topics); the embedding similarity is rescaled so that this reads as 0,
    # like an unrelated pair's entity and word similarities.
    embedding_floor: float = 0.2
    # A story scores the mean of its best this many pair similarities (see module docstring).
    neighbours: int = 3
    # Members of a story that stand for it (the most recent ones).
    max_exemplars: int = 24
    # Exemplars of a story compared with other stories in a merge pass (its most recent).
    merge_exemplars: int = 8
    # A story with no new document for this many days (publication dates) goes quiet.
    quiet_days: int = 21
    # Share of the score a gap of ``quiet_days`` between document and story costs.
    time_weight: float = 0.3
    # Documents between merge passes.
    merge_every: int = 32
    # Cap on active stories; bites for undated streams, which never go quiet by date: the least
    # recently updated story is closed.
    max_active: int = 20_000
    # A key in more active exemplars than this is not looked up: it is in everything, and
    # skipping it keeps the cost per document bounded.
    max_postings: int = 500
    # idf is computed as if the stream began with this many documents that mention nothing:
    # in a small collection about one event, an entity in every document still identifies it.
    idf_prior: int = 100
    # Characters of lead (after the title) that are embedded and whose words are counted.
    lead_chars: int = 600

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StorySettings:
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise ConfigError(f"unknown [stories] setting(s): {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for key, value in data.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ConfigError(f"[stories] {key} must be a number, got {value!r}")
            values[key] = int(value) if isinstance(getattr(cls, key), int) else float(value)
        settings = cls(**values)
        counts = ("quiet_days", "merge_every", "max_active", "neighbours", "max_exemplars")
        if min(getattr(settings, name) for name in counts) < 1 or settings.merge_exemplars < 1:
            raise ConfigError(f"[stories] {', '.join(counts)} and merge_exemplars must be >= 1")
        return settings


@dataclass(frozen=True)
class DocRep:
    """What the index needs of a document; built by ``stories.represent`` or synthetically."""

    id: str
    embedding: npt.NDArray[np.float32] = field(compare=False, repr=False)  # unit length
    entities: Features = ()  # knowledge-base ids: the same in every language
    terms: Features = ()  # content words of title and lead, in the document's language
    day: int | None = None  # proleptic Gregorian ordinal of the publication date
    language: str | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Story:
    """A story as exported; ``documents`` in the order they joined."""

    id: str
    titles: dict[str, str]
    documents: tuple[str, ...]
    languages: tuple[str, ...]  # most documents first
    outlets: tuple[str, ...]
    first: str | None
    last: str | None
    active: bool = False

    def export(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "titles": dict(self.titles),
            "documents": list(self.documents),
            "languages": list(self.languages),
            "outlets": list(self.outlets),
            "first": self.first,
            "last": self.last,
        }


def story_id(first_doc: str) -> str:
    """Named after its first document, so the id does not depend on other stories."""
    return "s-" + hashlib.sha256(first_doc.encode("utf-8")).hexdigest()[:12]


def iso_day(day: int | None) -> str | None:
    return None if day is None else date.fromordinal(day).isoformat()


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors (summed in key order: the same result every run)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(key, 0.0) for key, value in sorted(a.items()))


@dataclass
class SparseSpace:
    """Document frequencies of one kind of key, and an inverted index key -> exemplar rows
    with the row's weight for the key."""

    prior: int
    df: dict[str, int] = field(default_factory=dict)
    n_docs: int = 0
    postings: dict[str, dict[int, float]] = field(default_factory=dict)

    def observe(self, features: Features) -> None:
        self.n_docs += 1
        for key, _ in features:
            self.df[key] = self.df.get(key, 0) + 1

    def idf(self, key: str) -> float:
        return math.log((self.n_docs + self.prior) / (self.df.get(key, 0) + 1))

    def unit(self, features: Features) -> dict[str, float]:
        """tf-idf weights scaled to unit length (empty when nothing carries weight)."""
        weights = {key: tf * self.idf(key) for key, tf in features}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {k: w / norm for k, w in weights.items() if w > 0} if norm > 0 else {}

    def link(self, row: int, vector: dict[str, float]) -> None:
        for key, weight in vector.items():
            self.postings.setdefault(key, {})[row] = weight

    def unlink(self, row: int, vector: dict[str, float]) -> None:
        for key in vector:
            posting = self.postings.get(key)
            if posting is not None:
                posting.pop(row, None)
                if not posting:
                    del self.postings[key]

    def dots(self, query: dict[str, float], rows: int, max_postings: int) -> Vector:
        """Dot product of ``query`` with every exemplar row, over keys not too common."""
        out = np.zeros(rows)
        for key in sorted(query):
            posting = self.postings.get(key)
            if not posting or len(posting) > max_postings:
                continue
            weight = query[key]
            if len(posting) < _VECTORISE_FROM:
                for row, value in posting.items():
                    out[row] += weight * value
            else:  # rows are distinct within a posting, so fancy-index addition is exact
                n = len(posting)
                where = np.fromiter(posting.keys(), dtype=np.int64, count=n)
                out[where] += weight * np.fromiter(posting.values(), dtype=np.float64, count=n)
        return out


@dataclass
class Exemplar:
    """A member standing for its story in the index (internal)."""

    row: int
    story: int  # seq
    arrival: int  # position in the stream: orders exemplars of merged stories
    emb: npt.NDArray[np.float32]
    entities: dict[str, float]  # unit tf-idf vector at the time it joined
    terms: dict[str, float]  # keys "lang:word"
    language: str


@dataclass
class ActiveStory:
    """Working state of a story in the active index (mutable, internal)."""

    seq: int
    id: str
    emb_sum: Vector
    docs: list[str] = field(default_factory=list)
    exemplars: list[int] = field(default_factory=list)  # rows, oldest first
    first: int | None = None
    last: int | None = None
    languages: dict[str, int] = field(default_factory=dict)
    outlets: dict[str, int] = field(default_factory=dict)
    # language -> (title, embedding of its document): the title closest to the mean
    titles: dict[str, tuple[str, Vector]] = field(default_factory=dict)

    def mean(self) -> Vector:
        return self.emb_sum / max(1, len(self.docs))

    def record(self, active: bool) -> Story:
        by_lang = _ranked(self.languages)
        return Story(
            id=self.id,
            titles={lang: self.titles[lang][0] for lang in by_lang if lang in self.titles},
            documents=tuple(self.docs),
            languages=tuple(lang for lang in by_lang if lang != "und"),
            outlets=_ranked(self.outlets),
            first=iso_day(self.first),
            last=iso_day(self.last),
            active=active,
        )

    def offer_title(self, lang: str, title: str, emb: Vector) -> None:
        """Keeps per language the title whose document lies closest to the story's mean."""
        mean = self.mean()
        current = self.titles.get(lang)
        if current is None or float(emb @ mean) > float(current[1] @ mean):
            self.titles[lang] = (title, emb)

    def to_state(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "id": self.id,
            "emb_sum": encode_array(self.emb_sum),
            "docs": list(self.docs),
            "exemplars": list(self.exemplars),
            "first": self.first,
            "last": self.last,
            "languages": dict(self.languages),
            "outlets": dict(self.outlets),
            "titles": {lang: [t, encode_array(e)] for lang, (t, e) in self.titles.items()},
        }

    @classmethod
    def from_state(cls, data: dict[str, Any], dim: int) -> ActiveStory:
        emb_sum = decode_array(data["emb_sum"], np.float64, dim)
        return cls(
            seq=int(data["seq"]),
            id=str(data["id"]),
            emb_sum=emb_sum,
            docs=[str(d) for d in data["docs"]],
            exemplars=[int(r) for r in data["exemplars"]],
            first=data["first"],
            last=data["last"],
            languages={str(k): int(v) for k, v in data["languages"].items()},
            outlets={str(k): int(v) for k, v in data["outlets"].items()},
            titles={
                lang: (str(t), decode_array(e, np.float64, dim))
                for lang, (t, e) in data["titles"].items()
            },
        )


def encode_array(values: npt.NDArray[Any]) -> str:
    """Exact and compact: a 512-wide vector is 2.7 kB of base64 instead of 10 kB of decimals."""
    kind = "f4" if values.dtype == np.float32 else "f8"
    return kind + ":" + base64.b64encode(values.astype("<" + kind).tobytes()).decode("ascii")


def decode_array(text: str, dtype: type[np.floating[Any]], dim: int) -> npt.NDArray[Any]:
    kind, _, payload = text.partition(":")
    if kind not in ("f4", "f8"):
        raise ConfigError(f"bad array encoding {kind!r} in story state")
    values = np.frombuffer(base64.b64decode(payload), dtype="<" + kind).astype(dtype)
    if values.shape != (dim,):
        raise ConfigError(f"story state holds a vector of shape {values.shape}, expected {dim}")
    return values


def _ranked(counts: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted(counts, key=lambda k: (-counts[k], k)))


def story_from_record(data: dict[str, Any]) -> Story:
    return Story(
        id=str(data["id"]),
        titles={str(k): str(v) for k, v in data["titles"].items()},
        documents=tuple(data["documents"]),
        languages=tuple(data["languages"]),
        outlets=tuple(data["outlets"]),
        first=data["first"],
        last=data["last"],
        active=bool(data.get("active", False)),
    )
