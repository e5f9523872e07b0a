"""The SpkAtt-2023 task 2 scoring as the organisers define it (their CodaLab scorer, re-written
from its description, not copied):

1. per document, gold and predicted annotations are aligned one-to-one by an optimal assignment
   (Hungarian method) that maximises the summed token F1 of the Messages; the same Form adds 0.01
   as a tie-breaker (the scorer also adds 0.001 for the same STWR; this system predicts none).
   As in any complete assignment, min(#gold, #predicted) pairs are formed, so two annotations
   whose messages do not overlap may still be paired (and score their other roles);
2. every aligned pair, and every annotation left over (against an empty one), is a *group*; per
   group and role, precision = shared tokens / predicted tokens of the role (undefined when none
   are predicted) and recall = shared tokens / gold tokens (undefined when gold has none);
3. a score is the macro average of the defined group values: Message P and R over Message
   values; "Roles" over the values of every other role pooled; "Joint" over all roles pooled;
   F1 is the harmonic mean of the averaged P and R.

Subtask 1 ("full") scores every annotation, nested ones included, with roles Addr, Cue, Frame
and Source; subtask 2 ("simplified") drops nested annotations and scores Message and Source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

FULL_ROLES = ("Message", "Addr", "Cue", "Frame", "Source")
SIMPLE_ROLES = ("Message", "Source")
# Tie-breaker between equally overlapping messages: the same Form (the organisers' value).
FORM_BONUS = 0.01


@dataclass(frozen=True)
class Ann:
    """One speech annotation: token ids ("sentence:token") per role, its Form, nesting flag."""

    roles: dict[str, frozenset[str]]
    form: str | None = None
    nested: bool = False

    def get(self, role: str) -> frozenset[str]:
        return self.roles.get(role, frozenset())


def token_f1(gold: frozenset[str], pred: frozenset[str]) -> float:
    both = len(gold & pred)
    if not both:
        return 0.0
    p, r = both / len(pred), both / len(gold)
    return 2 * p * r / (p + r)


def assign(scores: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Rows paired with columns maximising the summed score; min(rows, cols) pairs.

    The Hungarian method with potentials (O(n²m)) on the negated scores; rows are the shorter
    side (the matrix is transposed when needed).
    """
    n = len(scores)
    m = len(scores[0]) if n else 0
    if not n or not m:
        return []
    if n > m:
        return [(r, c) for c, r in assign([[scores[r][c] for r in range(n)] for c in range(m)])]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # column -> row (1-based), 0 = free
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        col0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[col0] = True
            r0, delta, col1 = owner[col0], inf, 0
            for col in range(1, m + 1):
                if used[col]:
                    continue
                cur = -scores[r0 - 1][col - 1] - u[r0] - v[col]
                if cur < minv[col]:
                    minv[col], way[col] = cur, col0
                if minv[col] < delta:
                    delta, col1 = minv[col], col
            for col in range(m + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    minv[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    return sorted((owner[col] - 1, col - 1) for col in range(1, m + 1) if owner[col])


@dataclass
class MacroScores:
    """Per-role lists of group precision and recall values (undefined ones left out)."""

    roles: tuple[str, ...]
    precision: dict[str, list[float]] = field(default_factory=dict)
    recall: dict[str, list[float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for role in self.roles:
            self.precision.setdefault(role, [])
            self.recall.setdefault(role, [])

    def add_document(self, gold: list[Ann], pred: list[Ann]) -> None:
        scores = [
            [
                token_f1(g.get("Message"), p.get("Message"))
                + (FORM_BONUS if g.form == p.form and g.get("Message") & p.get("Message") else 0)
                for p in pred
            ]
            for g in gold
        ]
        pairs = assign(scores)
        empty = Ann({})
        for gi, pi in pairs:
            self._group(gold[gi], pred[pi])
        for gi in set(range(len(gold))) - {g for g, _ in pairs}:
            self._group(gold[gi], empty)
        for pi in set(range(len(pred))) - {p for _, p in pairs}:
            self._group(empty, pred[pi])

    def _group(self, gold: Ann, pred: Ann) -> None:
        for role in self.roles:
            g, p = gold.get(role), pred.get(role)
            shared = len(g & p)
            if p:
                self.precision[role].append(shared / len(p))
            if g:
                self.recall[role].append(shared / len(g))

    def prf(self, roles: Sequence[str]) -> tuple[float, float, float]:
        ps = [x for r in roles for x in self.precision[r]]
        rs = [x for r in roles for x in self.recall[r]]
        p = sum(ps) / len(ps) if ps else 0.0
        r = sum(rs) / len(rs) if rs else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Official:
    """Both subtasks, accumulated over documents."""

    full: MacroScores = field(default_factory=lambda: MacroScores(FULL_ROLES))
    simple: MacroScores = field(default_factory=lambda: MacroScores(SIMPLE_ROLES))

    def add(self, gold: list[Ann], pred: list[Ann]) -> None:
        self.full.add_document(gold, pred)
        self.simple.add_document(
            [g for g in gold if not g.nested], [p for p in pred if not p.nested]
        )

    def summary(self) -> dict[str, tuple[float, float, float]]:
        return {
            "simplified Message": self.simple.prf(("Message",)),
            "simplified Source": self.simple.prf(("Source",)),
            "simplified Joint": self.simple.prf(SIMPLE_ROLES),
            "full Message": self.full.prf(("Message",)),
            "full Cue": self.full.prf(("Cue",)),
            "full Source": self.full.prf(("Source",)),
            "full Roles": self.full.prf(FULL_ROLES[1:]),
            "full Joint": self.full.prf(FULL_ROLES),
        }
