"""The SemEval-2015 Task 4 (TimeLine) score: temporal awareness of per-entity timelines.

A timeline file is a header line (the target entity) and rows ``position<TAB>anchor<TAB>
event<TAB>event…``; an event is ``docid-sentence-tokens`` ("11778-2-launch"), events in one
row corefer, rows with the same position are simultaneous, and position 0 holds events that
could not be ordered. The official tool (Aldabe and Agirre, after UzZaman and Allen's
TempEval-3 script) turns each timeline into a graph of temporal relations and scores it with
*temporal awareness*:

- every time anchor becomes a TIMEX3 node and every event is SIMULTANEOUS with its anchor;
- events in the same row or position are SIMULTANEOUS; an event at a lower position is BEFORE
  one at a higher position; position-0 rows are left out ("not considered by the evaluation
  tool");
- precision = reduced system relations that the gold graph's closure entails / reduced system
  relations; recall = reduced gold relations that the system closure entails / reduced gold
  relations; "reduced" means redundant relations (entailed by the others) are dropped;
- the reported score is micro-averaged: matched and total relations are summed over all
  timelines before P, R and F1 are computed (the v3 tool's MICRO-FSCORE).

This is a re-implementation, not the official code. Simplifications, none of which changes
the closure, only which equivalent relation stands for it in a reduced graph:

- the reduction is greedy in creation order (a relation is kept unless the ones kept before
  it entail it): per row, event–anchor, then event–previous event of the row, then the row's
  first event with the first event of its position, then one BEFORE from the previous
  position's first event; a relation that contradicts the kept ones is counted as kept, as the
  TempEval-3 tool keeps "violated" relations (and, like it, a relation found verbatim in the
  other timeline's relations counts as verified even when its closure cannot show it);
- with only BEFORE and SIMULTANEOUS, the closure is computed on point equivalence classes
  (union-find) ordered by reachability, instead of the TempEval-3 interval-algebra closure,
  to which it is equivalent for these two relations;
- a gold timeline with no system timeline counts with zero matches (the v3 tool skipped it,
  which flatters a system that leaves entities out).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Relation = Literal["BEFORE", "SIMULTANEOUS"]
Triple = tuple[str, str, Relation]


@dataclass(frozen=True, slots=True)
class Row:
    position: int
    anchor: str
    events: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    entity: str
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Counts:
    """What one timeline adds to the micro average."""

    precision_matched: int = 0
    system_total: int = 0
    recall_matched: int = 0
    gold_total: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.precision_matched + other.precision_matched,
            self.system_total + other.system_total,
            self.recall_matched + other.recall_matched,
            self.gold_total + other.gold_total,
        )


def parse_timeline(text: str) -> Timeline:
    lines = text.splitlines()
    entity = lines[0].strip() if lines else ""
    rows = []
    for line in lines[1:]:
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 3 or not fields[0].isdigit():
            continue
        events = tuple(f for f in fields[2:] if f)
        if events:
            rows.append(Row(int(fields[0]), fields[1], events))
    return Timeline(entity, tuple(rows))


def format_timeline(timeline: Timeline) -> str:
    lines = [timeline.entity]
    lines += ["\t".join((str(r.position), r.anchor, *r.events)) for r in timeline.rows]
    return "\n".join(lines) + "\n"


def relations(timeline: Timeline, anchors: bool = True) -> list[Triple]:
    """The timeline as temporal relations, in creation order (see the module docstring).
    ``anchors=False`` gives the "ordering only" variant (no TIMEX3 nodes)."""
    out: list[Triple] = []
    first_of: dict[int, str] = {}
    previous_position: int | None = None
    for row in sorted((r for r in timeline.rows if r.position > 0), key=lambda r: r.position):
        for index, event in enumerate(row.events):
            if anchors:
                out.append((event, f"TIMEX:{row.anchor}", "SIMULTANEOUS"))
            if index:
                out.append((row.events[index - 1], event, "SIMULTANEOUS"))
        head = row.events[0]
        if row.position in first_of:
            out.append((first_of[row.position], head, "SIMULTANEOUS"))
            continue
        if previous_position is not None:
            out.append((first_of[previous_position], head, "BEFORE"))
        first_of[row.position] = head
        previous_position = row.position
    return out


class _Graph:
    """Closure of BEFORE/SIMULTANEOUS relations: equivalence classes ordered by reach."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._after: dict[str, set[str]] = defaultdict(set)  # class -> classes directly after

    def _find(self, node: str) -> str:
        self._parent.setdefault(node, node)
        root = node
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[node] != root:
            self._parent[node], node = root, self._parent[node]
        return root

    def knows(self, node: str) -> bool:
        return node in self._parent

    def _reaches(self, a: str, b: str) -> bool:
        seen, stack = {a}, [a]
        while stack:
            for nxt in self._after.get(stack.pop(), ()):
                root = self._find(nxt)
                if root == b:
                    return True
                if root not in seen:
                    seen.add(root)
                    stack.append(root)
        return False

    def entails(self, x: str, y: str, rel: Relation) -> bool:
        if not (self.knows(x) and self.knows(y)):
            return False
        a, b = self._find(x), self._find(y)
        if rel == "SIMULTANEOUS":
            return a == b
        return a != b and self._reaches(a, b)

    def contradicts(self, x: str, y: str, rel: Relation) -> bool:
        if not (self.knows(x) and self.knows(y)):
            return False
        a, b = self._find(x), self._find(y)
        if rel == "SIMULTANEOUS":
            return a != b and (self._reaches(a, b) or self._reaches(b, a))
        return a == b or self._reaches(b, a)

    def add(self, x: str, y: str, rel: Relation) -> None:
        a, b = self._find(x), self._find(y)
        if rel == "BEFORE":
            self._after[a].add(b)
            return
        if a == b:
            return
        self._parent[b] = a
        self._after[a] |= self._after.pop(b, set())
        for targets in self._after.values():
            if b in targets:
                targets.discard(b)
                targets.add(a)


def reduce(triples: Iterable[Triple]) -> tuple[list[Triple], _Graph]:
    """The reduced relations (redundant ones dropped, violated ones kept) and the closure."""
    graph = _Graph()
    kept: list[Triple] = []
    for x, y, rel in triples:
        if graph.entails(x, y, rel):
            continue
        kept.append((x, y, rel))
        if not graph.contradicts(x, y, rel):
            graph.add(x, y, rel)
    return kept, graph


def _literal(triples: Iterable[Triple]) -> set[Triple]:
    """Relations as stated, both ways for SIMULTANEOUS (the TempEval-3 tool also accepts a
    relation found verbatim in the other annotation, which is what lets a violated one count)."""
    out: set[Triple] = set()
    for x, y, rel in triples:
        out.add((x, y, rel))
        if rel == "SIMULTANEOUS":
            out.add((y, x, rel))
    return out


def _verified(triples: Sequence[Triple], graph: _Graph, stated: set[Triple]) -> int:
    return sum(1 for t in triples if t in stated or graph.entails(*t))


def score_timeline(gold: Timeline, system: Timeline | None, anchors: bool = True) -> Counts:
    gold_relations = relations(gold, anchors)
    gold_reduced, gold_graph = reduce(gold_relations)
    if system is None:
        return Counts(0, 0, 0, len(gold_reduced))
    system_relations = relations(system, anchors)
    system_reduced, system_graph = reduce(system_relations)
    return Counts(
        precision_matched=_verified(system_reduced, gold_graph, _literal(gold_relations)),
        system_total=len(system_reduced),
        recall_matched=_verified(gold_reduced, system_graph, _literal(system_relations)),
        gold_total=len(gold_reduced),
    )


def micro(counts: Counts) -> tuple[float, float, float]:
    """Precision, recall and F1 in percent from summed counts."""
    p = 100 * counts.precision_matched / counts.system_total if counts.system_total else 0.0
    r = 100 * counts.recall_matched / counts.gold_total if counts.gold_total else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
