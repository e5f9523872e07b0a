"""The short summary printed after a run and shown at the top of the report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    mentions: int
    stance: str | None
    commitment: str | None
    position_date: str | None


@dataclass(frozen=True)
class Summary:
    documents: int
    by_language: tuple[tuple[str, int], ...]
    actors: tuple[Actor, ...]
    positions: int
    quotes: int
    figures: int
    contradictions: int
    failures: int


def latest_positions(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each actor's latest known stance and commitment, from the topic ledgers.

    A later statement that leaves the commitment open ("we support the mission") does not erase
    an earlier pledge, so stance and commitment are each the most recent *stated* value;
    ``date`` is the date of the most recent entry that stated either.
    """
    latest: dict[str, dict[str, Any]] = {}
    for topic in data.get("topics", []):
        for actor in (topic.get("ledger") or {}).get("actors", []):
            state: dict[str, Any] = {"stance": None, "commitment": None, "date": None}
            for entry in sorted(actor["history"], key=lambda e: e.get("date") or ""):
                if entry.get("certainty") not in (None, "asserted", "reported"):
                    continue  # claims about the actor (alleged, denied) are not its position
                for key in ("stance", "commitment"):
                    if entry.get(key):
                        state[key] = entry[key]
                        state["date"] = entry.get("date")
            if state["stance"] or state["commitment"]:
                latest[actor["actor"]] = state
    return latest


def summarize(data: dict[str, Any], failures: int = 0, top: int = 8) -> Summary:
    langs = Counter(d["language"] or "und" for d in data["documents"])
    latest = latest_positions(data)
    actors = [e for e in data["entities"] if e["type"] in ("country", "organization", "person")]
    # Actors with a position first (they are what the analyst came for), then by mentions.
    actors.sort(key=lambda e: (e["id"] not in latest, -len(e["mentions"]), e["id"]))
    return Summary(
        documents=len(data["documents"]),
        by_language=tuple(sorted(langs.items(), key=lambda kv: (-kv[1], kv[0]))),
        actors=tuple(
            Actor(
                e["id"],
                e["name"],
                e["type"],
                len(e["mentions"]),
                latest.get(e["id"], {}).get("stance"),
                latest.get(e["id"], {}).get("commitment"),
                latest.get(e["id"], {}).get("date"),
            )
            for e in actors[:top]
        ),
        positions=len(data["positions"]),
        quotes=len(data["quotes"]),
        figures=len(data["figures"]),
        contradictions=len(data["contradictions"]),
        failures=failures,
    )


def summary_lines(s: Summary) -> list[str]:
    langs = ", ".join(f"{lang} {n}" for lang, n in s.by_language) or "none"
    lines = [f"Documents: {s.documents} ({langs})"]
    if s.failures:
        lines.append(f"Failed items: {s.failures} (see `storyline failures`)")
    lines.append("Top actors (latest position):")
    for a in s.actors:
        if a.stance or a.commitment:
            pos = f"{a.stance or '—'} / {a.commitment or '—'}"
            if a.position_date:
                pos += f" (as of {a.position_date})"
        else:
            pos = "no position extracted"
        name = a.name if len(a.name) <= 28 else a.name[:27] + "…"
        lines.append(f"  {name:<28} {a.mentions:>4} mentions  {pos}")
    if not s.actors:
        lines.append("  none found")
    lines.append(
        f"Quotes: {s.quotes}  Positions: {s.positions}  Figures: {s.figures}  "
        f"Contradictions: {s.contradictions}"
    )
    return lines
