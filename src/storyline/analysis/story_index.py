"""Online story clustering: each arriving document joins the best active story or starts one.

The similarity of a document with one exemplar of a story (see ``story_model.py``) is a weighted
mean of up to three similarities:

* **embedding** — cosine of the multilingual sentence embeddings of title and lead, rescaled so
  that what any two news leads share reads as 0;
* **entities** — cosine of tf-idf weighted knowledge-base ids, which are the same in every
  language; only when both sides mention linked entities;
* **words** — cosine of tf-idf weighted content words of title and lead; only within one
  language.

A story scores the mean of its best ``neighbours`` pair similarities, damped by the distance in
days between the document and the story's date span; the document joins the best story at or
above ``join_threshold``. A story whose last document is more than ``quiet_days`` older than the
stream's clock (the newest publication date seen) leaves the active index for good. Every
``merge_every`` documents, stories touched since the last pass are compared with the other
active stories (best pair similarities between their exemplars) and merged when they converged.

Cost per document is bounded by the number of *active* exemplars, never by the corpus: one
matrix-vector product over their embeddings, inverted indexes key → exemplar for the sparse
parts (keys in more than ``max_postings`` exemplars are skipped), and a grouped top-k in numpy.
Deterministic: the same documents in the same order give the same stories, and
``to_state``/``from_state`` resume exactly where a run stopped.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.analysis.story_model import (
    ActiveStory,
    DocRep,
    Exemplar,
    SparseSpace,
    Story,
    StorySettings,
    Vector,
    decode_array,
    dot,
    encode_array,
    story_from_record,
    story_id,
)
from storyline.errors import ConfigError

__all__ = ["DocRep", "Story", "StoryIndex", "StorySettings", "story_id"]

STATE_VERSION = 1
_INITIAL_ROWS = 256
IntArray = npt.NDArray[np.int64]


class StoryIndex:
    """Incremental clustering state. See the module docstring for the method."""

    def __init__(
        self, settings: StorySettings | None = None, dim: int = 512, encoder: str = ""
    ) -> None:
        self.settings = settings or StorySettings()
        self.dim = dim
        self.encoder = encoder  # name of the embedding space; vectors of another do not mix
        self.clock: int | None = None  # newest publication day seen
        self.entity_space = SparseSpace(self.settings.idf_prior)
        self.term_space = SparseSpace(self.settings.idf_prior)
        self._arrivals = 0
        self._next_seq = 0
        self._active: dict[int, ActiveStory] = {}  # insertion order: least recently updated first
        self._closed: dict[int, Story] = {}
        self._doc_story: dict[str, int] = {}  # documents of active stories only
        self._quiet_heap: list[tuple[int, int]] = []  # (last day, seq); stale entries skipped
        self._dirty: set[int] = set()
        self._since_merge = 0
        # arrival -> exemplar rows the document came close to; kept until the next merge pass
        self._near: dict[int, list[int]] = {}
        self._languages: dict[str, int] = {}  # language -> code in _lang
        # Exemplar rows. Free rows are reused lowest first, so rows in use stay under _top.
        self._exemplars: dict[int, Exemplar] = {}
        self._emb = np.zeros((_INITIAL_ROWS, dim), dtype=np.float32)
        self._owner = np.full(_INITIAL_ROWS, -1, dtype=np.int64)  # story seq, -1: free
        self._lang = np.full(_INITIAL_ROWS, -1, dtype=np.int64)
        self._has_entities = np.zeros(_INITIAL_ROWS, dtype=bool)
        self._has_terms = np.zeros(_INITIAL_ROWS, dtype=bool)
        self._free: list[int] = list(range(_INITIAL_ROWS))  # a heap
        self._top = 0

    # --- public API -------------------------------------------------------------------------
    @property
    def active_count(self) -> int:
        return len(self._active)

    @property
    def exemplar_count(self) -> int:
        return len(self._exemplars)

    def add(self, doc: DocRep) -> str:
        """Assigns one document and returns its story id. A document already in an active story
        is not added twice (assignments of closed stories are the caller's to keep)."""
        if doc.id in self._doc_story:
            return self._active[self._doc_story[doc.id]].id
        if doc.embedding.shape != (self.dim,):
            raise ValueError(f"embedding of {doc.id} has shape {doc.embedding.shape}")
        if doc.day is not None and (self.clock is None or doc.day > self.clock):
            self.clock = doc.day
            self._close_quiet()
        language = doc.language or "und"
        terms = tuple((f"{language}:{word}", tf) for word, tf in doc.terms)
        self.entity_space.observe(doc.entities)
        self.term_space.observe(terms)
        member = Exemplar(
            row=-1,
            story=-1,
            arrival=self._arrivals,
            emb=doc.embedding.astype(np.float32),
            entities=self.entity_space.unit(doc.entities),
            terms=self.term_space.unit(terms),
            language=language,
        )
        self._arrivals += 1
        story = self._best_story(member, doc.day)
        if story is None:
            story = self._new_story(doc.id)
        self._join(story, doc, member)
        self._since_merge += 1
        if self._since_merge >= self.settings.merge_every:
            self.merge()
        while len(self._active) > self.settings.max_active:
            self._close(next(iter(self._active)))
        return self._active[self._doc_story[doc.id]].id

    def merge(self) -> list[tuple[str, str]]:
        """Merges stories touched since the last pass into converged neighbours; returns
        (absorbed id, surviving id) pairs. The older story survives and keeps its id."""
        merged: list[tuple[str, str]] = []
        survivors: set[int] = set()
        for seq in sorted(self._dirty):
            story = self._active.get(seq)
            if story is None:
                continue
            partner = self._best_partner(story)
            if partner is None:
                continue
            keep, gone = (partner, story) if partner.seq < story.seq else (story, partner)
            self._absorb(keep, gone)
            merged.append((gone.id, keep.id))
            survivors.add(keep.seq)
        # A survivor changed: it gets one more look at the next pass.
        self._dirty = {seq for seq in survivors if seq in self._active}
        self._since_merge = 0
        self._near.clear()
        return merged

    def stories(self) -> list[Story]:
        """Every story not yet handed out by ``pop_closed``, oldest first."""
        out = dict(self._closed)
        out.update({seq: s.record(active=True) for seq, s in self._active.items()})
        return [out[seq] for seq in sorted(out)]

    def pop_closed(self) -> list[Story]:
        """Hands over quiet stories (for a store to keep) and forgets them here."""
        closed = [self._closed[seq] for seq in sorted(self._closed)]
        self._closed.clear()
        return closed

    def close_all(self) -> None:
        for seq in list(self._active):
            self._close(seq)

    # --- scoring ----------------------------------------------------------------------------
    def _pair_similarities(self, q: Exemplar, rows: IntArray | None = None) -> Vector:
        """Similarity of ``q`` with the exemplar ``rows`` (default: every row below ``_top``;
        free rows get -inf).

        A similarity that does not apply to a pair hands its weight to the embedding, the one
        signal every pair has: across languages the embedding stands in for the words, so two
        articles that merely name the same countries do not look alike on entities alone.
        """
        s, top = self.settings, self._top
        sel: slice | IntArray = slice(0, top) if rows is None else rows
        emb = (self._emb[sel] @ q.emb).astype(np.float64)
        emb = (emb - s.embedding_floor) / (1.0 - s.embedding_floor)
        total = np.zeros(len(emb))
        emb_weight = np.full(len(emb), s.embedding_weight + s.entity_weight + s.term_weight)
        if q.entities:
            applies = self._has_entities[sel]
            ent = self._sparse(q.entities, "entities", self.entity_space, rows)
            total += np.where(applies, s.entity_weight * ent, 0.0)
            emb_weight -= np.where(applies, s.entity_weight, 0.0)
        code = self._languages.get(q.language, -2)
        if q.terms and code >= 0:
            applies = self._has_terms[sel] & (self._lang[sel] == code)
            words = self._sparse(q.terms, "terms", self.term_space, rows)
            total += np.where(applies, s.term_weight * words, 0.0)
            emb_weight -= np.where(applies, s.term_weight, 0.0)
        total += emb_weight * emb
        sims: Vector = total / (s.embedding_weight + s.entity_weight + s.term_weight)
        sims[self._owner[sel] < 0] = -np.inf
        return sims

    def _sparse(
        self, query: dict[str, float], kind: str, space: SparseSpace, rows: IntArray | None
    ) -> Vector:
        """Dot products of a sparse query with the rows' vectors of one kind: through the
        inverted index for all rows, directly for a few (a merge pass's candidates)."""
        if rows is None:
            return space.dots(query, self._top, self.settings.max_postings)
        out = np.zeros(len(rows))
        for i, row in enumerate(rows.tolist()):
            member = self._exemplars.get(row)
            if member is not None:
                out[i] = dot(query, getattr(member, kind))
        return out

    def _time_factor(self, first: int | None, last: int | None, story: ActiveStory) -> float:
        """1 within the story's span, less the further away (see ``time_weight``)."""
        if first is None or last is None or story.first is None or story.last is None:
            return 1.0
        gap = max(0, first - story.last, story.first - last)
        s = self.settings
        return 1.0 - s.time_weight * min(1.0, gap / s.quiet_days)

    def _pick(
        self, seqs: IntArray, scores: Vector, threshold: float, span: tuple[int | None, int | None]
    ) -> ActiveStory | None:
        best: tuple[float, int] | None = None
        for i in np.flatnonzero(scores >= threshold):  # the time factor only lowers a score
            story = self._active[int(seqs[i])]
            score = float(scores[i]) * self._time_factor(span[0], span[1], story)
            if score >= threshold and (best is None or score > best[0]):
                best = (score, story.seq)
        return None if best is None else self._active[best[1]]

    def _best_story(self, q: Exemplar, day: int | None) -> ActiveStory | None:
        if not self._exemplars:
            self._near[q.arrival] = []
            return None
        k = self.settings.neighbours
        sims = self._pair_similarities(q)
        # Remembered for the next merge pass: the exemplars this document came close to.
        self._near[q.arrival] = np.flatnonzero(sims >= self.settings.merge_threshold).tolist()
        threshold = self.settings.join_threshold
        seqs, scores = _top_mean(
            sims, self._owner[: self._top], lambda n: np.minimum(k, n), threshold
        )
        return self._pick(seqs, scores, threshold, (day, day))

    def _best_partner(self, story: ActiveStory) -> ActiveStory | None:
        s = self.settings
        owners = self._owner[: self._top]
        # Only stories that one of the story's new members came close to when it arrived can
        # be partners (a later arrival close to this story recorded it on its own side). A
        # survivor of a merge has no new member and looks again with its most recent one.
        near: set[int] = set()
        for row in story.exemplars:
            for other in self._near.get(self._exemplars[row].arrival, ()):
                if other < len(owners):
                    near.add(int(owners[other]))
        if not any(self._exemplars[r].arrival in self._near for r in story.exemplars):
            latest = self._pair_similarities(self._exemplars[story.exemplars[-1]])
            near.update(owners[latest >= s.merge_threshold].tolist())
        near -= {story.seq, -1}
        if not near:
            return None
        # The linkage: the best k pairs per exemplar of the smaller side, between the story's
        # most recent exemplars and the rows of each near story.
        queries = story.exemplars[-s.merge_exemplars :]
        n_q = len(queries)
        rows = np.flatnonzero(np.isin(owners, np.fromiter(near, dtype=np.int64)))
        seqs, scores = _top_mean(
            np.concatenate([self._pair_similarities(self._exemplars[r], rows) for r in queries]),
            np.tile(owners[rows], n_q),
            lambda n: s.neighbours * np.minimum(n_q, np.maximum(1, n // n_q)),
            s.merge_threshold,
        )
        return self._pick(seqs, scores, s.merge_threshold, (story.first, story.last))

    # --- state changes ----------------------------------------------------------------------
    def _new_story(self, first_doc: str) -> ActiveStory:
        story = ActiveStory(self._next_seq, story_id(first_doc), np.zeros(self.dim))
        self._active[story.seq] = story
        self._next_seq += 1
        return story

    def _join(self, story: ActiveStory, doc: DocRep, member: Exemplar) -> None:
        story.docs.append(doc.id)
        self._doc_story[doc.id] = story.seq
        emb = member.emb.astype(np.float64)
        story.emb_sum += emb
        self._place(member, story)
        if doc.day is not None:
            story.first = doc.day if story.first is None else min(story.first, doc.day)
            story.last = doc.day if story.last is None else max(story.last, doc.day)
        story.languages[member.language] = story.languages.get(member.language, 0) + 1
        if doc.outlet:
            story.outlets[doc.outlet] = story.outlets.get(doc.outlet, 0) + 1
        if doc.title:
            story.offer_title(member.language, doc.title, emb)
        self._touch(story)

    def _absorb(self, keep: ActiveStory, gone: ActiveStory) -> None:
        del self._active[gone.seq]
        self._dirty.discard(gone.seq)
        keep.docs.extend(gone.docs)
        for doc_id in gone.docs:
            self._doc_story[doc_id] = keep.seq
        keep.emb_sum += gone.emb_sum
        for row in gone.exemplars:
            self._exemplars[row].story = keep.seq
            self._owner[row] = keep.seq
        keep.exemplars = sorted(
            keep.exemplars + gone.exemplars, key=lambda r: self._exemplars[r].arrival
        )
        days = [d for d in (keep.first, keep.last, gone.first, gone.last) if d is not None]
        keep.first, keep.last = (min(days), max(days)) if days else (None, None)
        for counts, more in ((keep.languages, gone.languages), (keep.outlets, gone.outlets)):
            for key, n in more.items():
                counts[key] = counts.get(key, 0) + n
        for lang, (title, emb) in gone.titles.items():
            keep.offer_title(lang, title, emb)
        self._touch(keep)

    def _touch(self, story: ActiveStory) -> None:
        """Marks the story most recently updated; keeps its newest exemplars only."""
        self._active[story.seq] = self._active.pop(story.seq)
        while len(story.exemplars) > self.settings.max_exemplars:
            self._release(story.exemplars.pop(0))
        if story.last is not None:
            heapq.heappush(self._quiet_heap, (story.last, story.seq))
        self._dirty.add(story.seq)

    def _place(self, member: Exemplar, story: ActiveStory) -> None:
        if not self._free:
            self._grow()
        row = heapq.heappop(self._free)
        self._top = max(self._top, row + 1)
        member.row, member.story = row, story.seq
        self._exemplars[row] = member
        self._emb[row] = member.emb
        self._owner[row] = story.seq
        self._lang[row] = self._languages.setdefault(member.language, len(self._languages))
        self._has_entities[row] = bool(member.entities)
        self._has_terms[row] = bool(member.terms)
        self.entity_space.link(row, member.entities)
        self.term_space.link(row, member.terms)
        story.exemplars.append(row)

    def _release(self, row: int) -> None:
        member = self._exemplars.pop(row)
        self.entity_space.unlink(row, member.entities)
        self.term_space.unlink(row, member.terms)
        self._emb[row] = 0.0
        self._owner[row] = -1
        heapq.heappush(self._free, row)

    def _grow(self) -> None:
        old = self._emb.shape[0]
        self._emb = np.vstack([self._emb, np.zeros_like(self._emb)])
        self._owner = np.concatenate([self._owner, np.full(old, -1, dtype=np.int64)])
        self._lang = np.concatenate([self._lang, np.full(old, -1, dtype=np.int64)])
        self._has_entities = np.concatenate([self._has_entities, np.zeros(old, dtype=bool)])
        self._has_terms = np.concatenate([self._has_terms, np.zeros(old, dtype=bool)])
        self._free.extend(range(old, 2 * old))
        heapq.heapify(self._free)

    def _close(self, seq: int) -> None:
        story = self._active.pop(seq)
        self._dirty.discard(seq)
        for row in story.exemplars:
            self._release(row)
        for doc_id in story.docs:
            self._doc_story.pop(doc_id, None)
        self._closed[seq] = story.record(active=False)

    def _close_quiet(self) -> None:
        assert self.clock is not None
        horizon = self.clock - self.settings.quiet_days
        while self._quiet_heap and self._quiet_heap[0][0] < horizon:
            last, seq = heapq.heappop(self._quiet_heap)
            story = self._active.get(seq)
            if story is not None and story.last == last:
                self._close(seq)

    # --- persistence ------------------------------------------------------------------------
    def to_state(self) -> dict[str, Any]:
        """A JSON-able snapshot; ``from_state`` continues from it exactly."""
        spaces = {"entity_df": self.entity_space, "term_df": self.term_space}
        return {
            "version": STATE_VERSION,
            "settings": asdict(self.settings),
            "dim": self.dim,
            "encoder": self.encoder,
            "clock": self.clock,
            "arrivals": self._arrivals,
            "next_seq": self._next_seq,
            "since_merge": self._since_merge,
            "near": [[arrival, rows] for arrival, rows in sorted(self._near.items())],
            "dirty": sorted(self._dirty),
            "languages": dict(self._languages),
            **{name: [sp.n_docs, dict(sorted(sp.df.items()))] for name, sp in spaces.items()},
            "rows": int(self._emb.shape[0]),
            "exemplars": [_exemplar_state(e) for _, e in sorted(self._exemplars.items())],
            "active": [s.to_state() for s in self._active.values()],
            "closed": [{"seq": seq, **c.export()} for seq, c in sorted(self._closed.items())],
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> StoryIndex:
        if state.get("version") != STATE_VERSION:
            raise ConfigError(f"story state version {state.get('version')!r} is not supported")
        settings = StorySettings.from_dict(state["settings"])
        index = cls(settings, dim=int(state["dim"]), encoder=str(state.get("encoder", "")))
        index.clock = state["clock"]
        index._arrivals = int(state["arrivals"])
        index._next_seq = int(state["next_seq"])
        index._since_merge = int(state["since_merge"])
        index._near = {int(a): [int(r) for r in rows] for a, rows in state["near"]}
        index._languages = {str(k): int(v) for k, v in state["languages"].items()}
        for space, (n_docs, df) in (
            (index.entity_space, state["entity_df"]),
            (index.term_space, state["term_df"]),
        ):
            space.n_docs = int(n_docs)
            space.df = {str(k): int(v) for k, v in df.items()}
        while index._emb.shape[0] < int(state["rows"]):
            index._grow()
        exemplars = {int(e["row"]): e for e in state["exemplars"]}
        for data in state["active"]:
            story = ActiveStory.from_state(data, index.dim)
            rows, story.exemplars = story.exemplars, []
            index._active[story.seq] = story
            index._doc_story.update({doc_id: story.seq for doc_id in story.docs})
            if story.last is not None:
                index._quiet_heap.append((story.last, story.seq))
            for row in rows:
                index._restore_row(_exemplar_from_state(exemplars[row], index.dim))
                story.exemplars.append(row)
        index._free = [row for row in range(index._emb.shape[0]) if index._owner[row] < 0]
        heapq.heapify(index._quiet_heap)
        index._dirty = {int(seq) for seq in state["dirty"]}
        for data in state["closed"]:
            index._closed[int(data["seq"])] = story_from_record(data)
        return index

    def _restore_row(self, member: Exemplar) -> None:
        row = member.row
        self._top = max(self._top, row + 1)
        self._exemplars[row] = member
        self._emb[row] = member.emb
        self._owner[row] = member.story
        self._lang[row] = self._languages[member.language]
        self._has_entities[row] = bool(member.entities)
        self._has_terms[row] = bool(member.terms)
        self.entity_space.link(row, member.entities)
        self.term_space.link(row, member.terms)


def _top_mean(
    values: Vector, owners: IntArray, limit: Callable[[IntArray], IntArray], threshold: float
) -> tuple[IntArray, Vector]:
    """Per owner (>= 0) with a value at or above ``threshold`` (no other can reach it): the
    mean of its ``limit(group size)`` largest values. Owners come back in ascending order."""
    hit = (values >= threshold) & (owners >= 0)
    if not hit.any():
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    used = np.isin(owners, np.unique(owners[hit]))
    v, o = values[used], owners[used]
    order = np.lexsort((-v, o))  # by owner, then best value first
    v, o = v[order], o[order]
    starts = np.flatnonzero(np.r_[True, o[1:] != o[:-1]])
    sizes = np.diff(np.r_[starts, len(o)])
    take = np.minimum(limit(sizes), sizes)
    rank = np.arange(len(o)) - np.repeat(starts, sizes)
    kept = np.where(rank < np.repeat(take, sizes), v, 0.0)
    return o[starts], np.add.reduceat(kept, starts) / take


def _exemplar_state(member: Exemplar) -> dict[str, Any]:
    return {
        "row": member.row,
        "story": member.story,
        "arrival": member.arrival,
        "emb": encode_array(member.emb),
        "entities": member.entities,
        "terms": member.terms,
        "language": member.language,
    }


def _exemplar_from_state(data: dict[str, Any], dim: int) -> Exemplar:
    return Exemplar(
        row=int(data["row"]),
        story=int(data["story"]),
        arrival=int(data["arrival"]),
        emb=decode_array(data["emb"], np.float32, dim),
        entities={str(k): float(v) for k, v in data["entities"].items()},
        terms={str(k): float(v) for k, v in data["terms"].items()},
        language=str(data["language"]),
    )
