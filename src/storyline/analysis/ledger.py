"""The ledger: per topic, each actor's dated positions, their pledges and every claimed figure.

This is the spreadsheet an analyst would otherwise keep by hand:

- ``actors``: per actor a dated history of (stance, commitment) with the position ids behind
  each entry, the latest position (asserted positions win over claims about the actor), and
  the changes between consecutive asserted states;
- ``pledges``: per actor and kind of contribution (personnel, money) what is offered
  (ground troops, air policing, engineers, training, logistics, money, …), how much (figure
  ids and amounts), the conditions, and the status over time — ``proposed`` (conditional or
  only reported), ``pledged``, ``withdrawn`` (a refusal after a pledge, with its certainty);
- ``quantities``: per measured quantity (force size, forces needed, participating countries,
  budget, each actor's pledge, …) every claimed figure with its claimant and date.

Item ids are the export's (``analysis.build.item_id``), so the ledger points into the
``positions`` and ``figures`` lists. An item's date is the anchored date when the anchoring
component set one, else the date of a time expression inside its evidence, else the
document's publication date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from storyline.analysis.build import item_id
from storyline.annotate.position_cues import offer_kinds
from storyline.annotate.position_lexicon import load_lexicon
from storyline.document import Document, Figure, Position

ASSERTED = "asserted"
_PERSONNEL_UNITS = frozenset({"troops", "aircraft", "ships"})
# Quantities that are nobody's own offer and are compared across claimants.
SHARED_MEASURES = frozenset(
    {
        "force_size",
        "forces_needed",
        "participating_countries",
        "budget",
        "casualties",
        "ceasefire_line_length",
        "line_length",
    }
)


@dataclass(frozen=True)
class PositionItem:
    id: str
    doc: Document
    position: Position
    date: str | None

    @property
    def state(self) -> tuple[str | None, str | None]:
        return self.position.stance, self.position.commitment


@dataclass(frozen=True)
class FigureItem:
    id: str
    doc: Document
    figure: Figure
    date: str | None


def item_date(doc: Document, start: int, end: int, anchored: str | None) -> str | None:
    """The anchored date, else the dated time expression nearest to the evidence within its
    sentence ("Noch am 18. März hatte Morwitz … ausgeschlossen"), else the publication date.
    A week is given by its first day; a month stays a month."""
    if anchored:
        return _week_start(anchored)
    sentence = next(
        ((s.start, s.end) for s in doc.sentences if s.start <= start < s.end), (start, end)
    )
    lo = min(sentence[0], start)
    # inside the evidence, else before it in its sentence ("Le 2 avril, …"); a date after the
    # evidence belongs to another clause ("… rejoint l'Aurevia, qui a promis … le 16 mars")
    near = [t for t in doc.times if lo <= t.start and t.end <= end and t.value]
    if near:
        best = min(near, key=lambda t: 0 if start <= t.start < end else start - t.start)
        if best.granularity == "week" and best.interval:
            return best.interval[0]
        return best.value
    return doc.published.date[:10] if doc.published.date else None


def _week_start(value: str) -> str:
    """ "2026-W17" -> "2026-04-20" (its Monday), so weeks sort and compare with days."""
    m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if m is None:
        return value
    return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat()


def position_items(docs: Iterable[Document]) -> list[PositionItem]:
    items = []
    for doc in docs:
        for p in doc.positions:
            pid = item_id("positions", doc.id, p.start, p.end, p.actor)
            items.append(PositionItem(pid, doc, p, item_date(doc, p.start, p.end, p.date)))
    return sorted(items, key=lambda i: (i.date or "", i.doc.id, i.position.start))


def figure_items(docs: Iterable[Document]) -> list[FigureItem]:
    items = []
    for doc in docs:
        for f in doc.figures:
            fid = item_id("figures", doc.id, f.start, f.end, "")
            items.append(FigureItem(fid, doc, f, item_date(doc, f.start, f.end, f.event_date)))
    return sorted(items, key=lambda i: (i.date or "", i.doc.id, i.figure.start))


def _state(stance: str | None, commitment: str | None) -> dict[str, str | None]:
    return {"stance": stance, "commitment": commitment}


def _differs(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """A change needs a field both sides state: "support" then "support, pledged" is no change."""
    return any(a[k] and b[k] and a[k] != b[k] for k in ("stance", "commitment"))


def actor_history(items: Sequence[PositionItem]) -> dict[str, Any]:
    """History, latest position and changes of one actor on one topic."""
    entries: dict[tuple[str, str | None, str | None, str], dict[str, Any]] = {}
    for it in items:
        p = it.position
        key = (it.date or "", p.stance, p.commitment, p.certainty)
        entry = entries.setdefault(
            key,
            {
                "date": it.date,
                **_state(p.stance, p.commitment),
                "certainty": p.certainty,
                "confidence": 0.0,
                "positions": [],
                "speakers": [],
                "evidence": p.text,
            },
        )
        entry["positions"].append(it.id)
        entry["confidence"] = max(entry["confidence"], p.confidence)
        if p.speaker and p.speaker not in entry["speakers"]:
            entry["speakers"].append(p.speaker)
    history = sorted(entries.values(), key=lambda e: (e["date"] or "", -e["confidence"]))
    asserted = [e for e in history if e["certainty"] == ASSERTED]
    latest = (asserted or history)[-1] if history else None
    changes = []
    for before, after in pairwise(asserted):
        if _differs(before, after):
            if before["date"] == after["date"]:
                continue  # two readings of one day are no change over time
            changes.append(
                {
                    "date": after["date"],
                    "from": {
                        **_state(before["stance"], before["commitment"]),
                        "date": before["date"],
                        "positions": before["positions"],
                    },
                    "to": {
                        **_state(after["stance"], after["commitment"]),
                        "date": after["date"],
                        "positions": after["positions"],
                    },
                }
            )
    for e in history:
        e["changed"] = any(c["to"]["positions"] == e["positions"] for c in changes)
    return {
        "latest": None
        if latest is None
        else {
            **_state(latest["stance"], latest["commitment"]),
            "date": latest["date"],
            "certainty": latest["certainty"],
            "position": latest["positions"][0],
        },
        "history": history,
        "changes": changes,
    }


def _pledge_status(p: Position, pledged_before: bool) -> str | None:
    if p.commitment == "declined":
        return "withdrawn" if pledged_before else None
    if p.commitment == "conditional":
        return "proposed"
    if p.commitment == "pledged":
        return "pledged" if p.certainty == ASSERTED else "proposed"
    return None


def pledges(
    positions: Sequence[PositionItem], figures: Sequence[FigureItem], actor: str
) -> list[dict[str, Any]]:
    """The pledge records of one actor: one for personnel, one for money or equipment."""
    out = []
    own = [
        f
        for f in figures
        if f.figure.claimed_by == actor and f.figure.measures in ("pledge", "budget")
    ]
    personnel = [f for f in own if f.figure.unit in _PERSONNEL_UNITS]
    money = [f for f in own if (f.figure.unit or "").startswith("money:")]
    history: list[dict[str, Any]] = []
    pledged = False
    conditions: list[str] = []
    texts: list[tuple[str, str]] = []
    for it in positions:
        status = _pledge_status(it.position, pledged)
        if status is None:
            continue
        pledged = pledged or status in ("pledged", "proposed")
        history.append(
            {
                "date": it.date,
                "status": status,
                "certainty": it.position.certainty,
                "position": it.id,
            }
        )
        conditions.extend(c for c in it.position.conditions if c not in conditions)
        offered = it.position.text
        for condition in it.position.conditions:  # "only if the council pays for the fuel"
            offered = offered.replace(condition, " ")
        texts.append((offered, it.doc.language or "en"))
    if history or personnel:
        texts += [(f.figure.text, f.doc.language or "en") for f in personnel]
        out.append(_record(actor, "personnel", personnel, history, conditions, texts))
    if money:
        money_history = [
            {"date": f.date, "status": "pledged", "certainty": f.figure.certainty, "figure": f.id}
            for f in money
        ]
        texts = [(f.figure.text, f.doc.language or "en") for f in money]
        out.append(_record(actor, "money", money, money_history, [], texts))
    return out


def _record(
    actor: str,
    category: str,
    figures: Sequence[FigureItem],
    history: list[dict[str, Any]],
    conditions: list[str],
    texts: Sequence[tuple[str, str]],
) -> dict[str, Any]:
    offers: list[str] = []
    for text, language in texts:
        for kind in offer_kinds(text, load_lexicon(language)):
            if kind not in offers and (category == "money") == (kind == "money"):
                offers.append(kind)
    amounts: dict[tuple[Any, ...], dict[str, Any]] = {}
    for f in figures:
        fig = f.figure
        key = (fig.value, fig.min, fig.max, fig.unit)
        amount = amounts.setdefault(
            key,
            {
                "value": fig.value,
                "min": fig.min,
                "max": fig.max,
                "qualifier": fig.qualifier,
                "unit": fig.unit,
                "figures": [],
            },
        )
        amount["figures"].append(f.id)
    history.sort(key=lambda h: h["date"] or "")
    asserted = [h for h in history if h["certainty"] == ASSERTED]
    status = (asserted or history)[-1]["status"] if history else "pledged"
    return {
        "id": item_id("ledger_pledge", actor, 0, 0, category),
        "actor": actor,
        "category": category,
        "offer": offers,
        "amounts": list(amounts.values()),
        "figures": [f.id for f in figures],
        "conditions": conditions,
        "status": status,
        "history": history,
    }


def quantities(figures: Sequence[FigureItem]) -> list[dict[str, Any]]:
    """Every claimed figure per measured quantity (a pledge is a quantity per actor)."""
    groups: dict[tuple[str, str | None, str | None], list[FigureItem]] = defaultdict(list)
    for f in figures:
        m = f.figure.measures
        if m in SHARED_MEASURES:
            groups[(m, f.figure.unit, None)].append(f)
        elif m == "pledge" and f.figure.claimed_by:
            groups[(m, f.figure.unit, f.figure.claimed_by)].append(f)
    out = []
    for (measures, unit, actor), found in sorted(groups.items(), key=lambda g: str(g[0])):
        claims = [
            {
                "figure": f.id,
                "doc": f.doc.id,
                "text": f.figure.text,
                "value": f.figure.value,
                "min": f.figure.min,
                "max": f.figure.max,
                "qualifier": f.figure.qualifier,
                "claimed_by": f.figure.claimed_by,
                "claimed_by_text": f.figure.claimed_by_text,
                "certainty": f.figure.certainty,
                "date": f.date,
                "outlet": f.doc.outlet,
            }
            for f in found
        ]
        out.append({"measures": measures, "unit": unit, "actor": actor, "claims": claims})
    return out


def build_ledger(
    docs: Sequence[Document], topics: Sequence[Mapping[str, Any]] = ()
) -> list[dict[str, Any]]:
    """One ledger per topic that has positions (topics without any are listed empty)."""
    positions = position_items(docs)
    figures = figure_items(docs)
    topic_ids = [str(t["id"]) for t in topics] or sorted({p.position.topic for p in positions})
    ledgers = []
    for topic in topic_ids:
        mine = [p for p in positions if p.position.topic == topic]
        by_actor: dict[str, list[PositionItem]] = defaultdict(list)
        for p in mine:
            by_actor[p.position.actor].append(p)
        docs_here = {p.doc.id for p in mine}
        # figures carry no topic: a topic's are those of the documents taking positions on it
        topic_figures = [f for f in figures if f.doc.id in docs_here]
        actors = [{"actor": a, **actor_history(items)} for a, items in sorted(by_actor.items())]
        pledge_list = [
            r for a, items in sorted(by_actor.items()) for r in pledges(items, topic_figures, a)
        ]
        ledgers.append(
            {
                "topic": topic,
                "actors": actors,
                "pledges": pledge_list,
                "quantities": quantities(topic_figures),
            }
        )
    return ledgers
