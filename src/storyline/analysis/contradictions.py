"""Contradictions: conflicting figures, actors whose stance flips, and conflicting attributions.

Three kinds, each an export item with ``id``, ``kind``, ``explanation`` and the ids of the
items in conflict:

- ``figure``: claims about one quantity (the force's size, the number of participating
  countries, one actor's pledge) that disagree beyond a tolerance. Each claim is read as an
  interval (a number as itself — "about 12,000" and "up to 25,000" are claims of 12,000 and
  25,000 —, a range or vague amount as its bounds); claims whose intervals, widened by
  ``tolerance``, do not overlap form separate clusters. Vague amounts
  ("tens of thousands") are listed but never split or join clusters on their own.
- ``stance_change``: an actor's own (asserted) position turning from support to opposition or
  back, or from a refusal to a commitment or back, between two dates.
- ``attribution_conflict``: within a few days, sources attribute opposite commitments or
  stances to the same actor, at least one of them as a claim (alleged, reported or denied) —
  "pledged 800 troops" against "has quietly withdrawn its offer".
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import pairwise
from typing import Any

from storyline.analysis.ledger import (
    ASSERTED,
    FigureItem,
    PositionItem,
    figure_items,
    position_items,
)
from storyline.document import Document

# Relative tolerance: claims within 10 % of each other count as the same figure (rounding,
# "about 12,000" vs "12,500"); 12,000 against "about 15,000" is a disagreement.
TOLERANCE = 0.10
# Two attributions this many days apart or less speak about the same period.
ATTRIBUTION_WINDOW_DAYS = 7
_OPPOSITE_COMMITMENT = {("pledged", "declined"), ("conditional", "declined")}
_OPPOSITE_STANCE = {("support", "oppose")}
_MEASURE_NAMES = {
    "force_size": "the planned force's size",
    "forces_needed": "the number of troops needed",
    "participating_countries": "the number of participating countries",
    "budget": "the budget",
    "casualties": "the number of casualties",
    "pledge": "the pledge",
    "ceasefire_line_length": "the ceasefire line's length",
    "line_length": "the line's length",
}


def _cid(kind: str, key: str) -> str:
    return "c-" + hashlib.sha256(f"{kind}:{key}".encode()).hexdigest()[:12]


def interval(
    value: float | None, low: float | None, high: float | None, qualifier: str | None
) -> tuple[float, float] | None:
    """The numbers a claim allows, for comparison (see the module docstring)."""
    if qualifier in ("range", "vague") and low is not None and high is not None:
        return low, high
    number = value if value is not None else high if high is not None else low
    if number is None:
        return None
    return number, number


def _agree(a: tuple[float, float], b: tuple[float, float], tolerance: float) -> bool:
    lo_a, hi_a = a[0] * (1 - tolerance), a[1] * (1 + tolerance)
    return lo_a <= b[1] and b[0] <= hi_a


def _clusters(
    claims: list[tuple[FigureItem, tuple[float, float]]], tolerance: float
) -> list[list[tuple[FigureItem, tuple[float, float]]]]:
    clusters: list[list[tuple[FigureItem, tuple[float, float]]]] = []
    for claim in sorted(claims, key=lambda c: c[1]):
        if clusters and any(_agree(c[1], claim[1], tolerance) for c in clusters[-1]):
            clusters[-1].append(claim)
        else:
            clusters.append([claim])
    return clusters


def _who(item: FigureItem, names: Mapping[str, str]) -> str:
    f = item.figure
    if f.claimed_by:
        return names.get(f.claimed_by, f.claimed_by)
    return item.doc.outlet or "an unnamed source"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def figure_conflicts(
    figures: Sequence[FigureItem], names: Mapping[str, str], tolerance: float = TOLERANCE
) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str, str | None], list[FigureItem]] = defaultdict(list)
    for f in figures:
        m, unit = f.figure.measures, f.figure.unit
        if not m or not unit or m == "other":
            continue
        actor = f.figure.claimed_by if m == "pledge" else None
        if m == "pledge" and actor is None:
            continue
        groups[(m, unit, actor)].append(f)
    out = []
    for (measures, unit, actor), items in sorted(groups.items(), key=lambda g: str(g[0])):
        firm: list[tuple[FigureItem, tuple[float, float]]] = []
        vague: list[tuple[FigureItem, tuple[float, float]]] = []
        for it in items:
            span = interval(it.figure.value, it.figure.min, it.figure.max, it.figure.qualifier)
            if span is None:
                continue
            (vague if it.figure.qualifier == "vague" else firm).append((it, span))
        clusters = _clusters(firm, tolerance)
        if len(clusters) < 2:
            continue
        if len({it.doc.id for cluster in clusters for it, _ in cluster}) < 2:
            # One article giving several values (casualties of three attacks) reports several
            # things; a contradiction needs two sources.
            continue
        parts, values = [], []
        for cluster in clusters:
            first = cluster[0][0].figure
            number = first.value if first.value is not None else first.max or first.min or 0.0
            values.append(number)
            who = sorted({_who(it, names) for it, _ in cluster})
            parts.append(f"{cluster[0][0].figure.text} ({', '.join(who)})")
        subject = _MEASURE_NAMES.get(measures, measures)
        if actor:
            subject = f"{names.get(actor, actor)}'s pledge"
        out.append(
            {
                "id": _cid("figure", f"{measures}:{unit}:{actor}"),
                "kind": "figure",
                "measures": measures,
                "unit": unit,
                "actor": actor,
                "values": values,
                "figures": [it.id for c in clusters for it, _ in c] + [it.id for it, _ in vague],
                "explanation": f"Sources disagree on {subject}: " + "; ".join(parts) + ".",
            }
        )
    return out


def _flip(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    stances = (a[0], b[0])
    commitments = (a[1], b[1])
    return (
        stances in _OPPOSITE_STANCE
        or stances[::-1] in _OPPOSITE_STANCE
        or commitments in _OPPOSITE_COMMITMENT
        or commitments[::-1] in _OPPOSITE_COMMITMENT
    )


def _day_state(
    items: Sequence[PositionItem],
) -> list[tuple[str, tuple[str | None, str | None], list[PositionItem]]]:
    """Per date, the actor's most confident asserted state (ties: the commonest)."""
    by_day: dict[str, list[PositionItem]] = defaultdict(list)
    for it in items:
        if it.date and it.position.certainty == ASSERTED:
            by_day[it.date].append(it)
    out = []
    for day in sorted(by_day):
        found = by_day[day]
        counts: dict[tuple[str | None, str | None], float] = defaultdict(float)
        for it in found:
            counts[it.state] += it.position.confidence
        state = max(counts, key=lambda s: counts[s])
        out.append((day, state, [it for it in found if it.state == state]))
    return out


def _describe(state: tuple[str | None, str | None]) -> str:
    words = [w for w in state if w]
    return " / ".join(words) if words else "no position"


def stance_changes(items: Sequence[PositionItem], names: Mapping[str, str]) -> list[dict[str, Any]]:
    by_actor: dict[tuple[str, str], list[PositionItem]] = defaultdict(list)
    for it in items:
        by_actor[(it.position.topic, it.position.actor)].append(it)
    out = []
    for (topic, actor), found in sorted(by_actor.items()):
        days = _day_state(found)
        seen: set[tuple[Any, ...]] = set()
        for (d1, s1, p1), (d2, s2, p2) in pairwise(days):
            if not _flip(s1, s2) or (s1, s2) in seen or d2.startswith(d1) or d1.startswith(d2):
                continue
            seen.add((s1, s2))
            name = names.get(actor, actor)
            out.append(
                {
                    "id": _cid("stance_change", f"{topic}:{actor}:{d1}:{d2}"),
                    "kind": "stance_change",
                    "actor": actor,
                    "topic": topic,
                    "from": {
                        "stance": s1[0],
                        "commitment": s1[1],
                        "date": d1,
                        "positions": [p.id for p in p1],
                    },
                    "to": {
                        "stance": s2[0],
                        "commitment": s2[1],
                        "date": d2,
                        "positions": [p.id for p in p2],
                    },
                    "positions": [p.id for p in p1 + p2],
                    "explanation": f"{name} changed from {_describe(s1)} ({d1}) to "
                    f"{_describe(s2)} ({d2}).",
                }
            )
    return out


def _days_apart(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None  # month or year precision: too vague to call two claims simultaneous


def _opposed(a: PositionItem, b: PositionItem) -> bool:
    return _flip(a.state, b.state)


def attribution_conflicts(
    items: Sequence[PositionItem],
    names: Mapping[str, str],
    window: int = ATTRIBUTION_WINDOW_DAYS,
) -> list[dict[str, Any]]:
    """Claims (alleged/reported/denied) opposed by an asserted position of another document
    within ``window`` days; one conflict per actor and topic, with both sides."""
    by_actor: dict[tuple[str, str], list[PositionItem]] = defaultdict(list)
    for it in items:
        if it.date:
            by_actor[(it.position.topic, it.position.actor)].append(it)
    out = []
    for (topic, actor), found in sorted(by_actor.items()):
        claims: dict[str, PositionItem] = {}
        rivals: dict[str, PositionItem] = {}
        for claim in (it for it in found if it.position.certainty != ASSERTED):
            against = [
                it
                for it in found
                if it.doc.id != claim.doc.id
                and it.position.certainty == ASSERTED
                and _opposed(it, claim)
                and _near(it.date, claim.date, window)
            ]
            if against:
                claims[claim.id] = claim
                rivals.update((it.id, it) for it in against)
        if not claims:
            continue
        sides = [list(rivals.values()), list(claims.values())]
        group = sides[0] + sides[1]
        dates = sorted(it.date or "" for it in group)
        parts = []
        for members in sides:
            outlets = sorted({it.doc.outlet or it.doc.source for it in members})
            first = members[0]
            how = "" if first.position.certainty == ASSERTED else f", {first.position.certainty}"
            parts.append(f"{_describe(first.state)} ({', '.join(outlets)}{how})")
        out.append(
            {
                "id": _cid("attribution_conflict", f"{topic}:{actor}"),
                "kind": "attribution_conflict",
                "actor": actor,
                "topic": topic,
                "period": [dates[0], dates[-1]],
                "claims": [
                    {
                        "stance": m[0].state[0],
                        "commitment": m[0].state[1],
                        "certainty": m[0].position.certainty,
                        "positions": [it.id for it in m],
                        "outlets": sorted({it.doc.outlet or it.doc.source for it in m}),
                    }
                    for m in sides
                ],
                "positions": [it.id for it in group],
                "explanation": f"Between {dates[0]} and {dates[-1]} sources disagree on "
                f"{names.get(actor, actor)}: " + " against ".join(parts) + ".",
            }
        )
    return out


def _near(a: str | None, b: str | None, window: int) -> bool:
    apart = _days_apart(a or "", b or "")
    return apart is not None and apart <= window


def find_contradictions(
    docs: Sequence[Document], names: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """All contradictions in ``docs``; ``names`` maps entity ids to display names."""
    names = names or {}
    positions = position_items(docs)
    return (
        figure_conflicts(figure_items(docs), names)
        + stance_changes(positions, names)
        + attribution_conflicts(positions, names)
    )
