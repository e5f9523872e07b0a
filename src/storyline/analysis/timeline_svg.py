"""A small inline SVG chart of timeline events for the HTML report: no script, no external
assets, readable without the page's CSS. One dot per event on a date axis, coloured by kind,
stacked where dates collide; hovering a dot shows its date, actor, kind and text (``<title>``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from storyline.annotate.anchoring import value_interval

__all__ = ["KIND_COLOURS", "timeline_svg"]

WIDTH = 720
MARGIN = 48
ROW = 14  # vertical step between stacked dots
RADIUS = 5
# Dots closer than this (pixels) go to separate rows so that each stays visible.
MIN_GAP = 2 * RADIUS + 2
# Colour-blind-safe palette (Okabe–Ito), one colour per kind; unknown kinds are grey.
KIND_COLOURS = {
    "statement": "#0072B2",
    "pledge": "#009E73",
    "refusal": "#D55E00",
    "meeting": "#E69F00",
    "decision": "#CC79A7",
    "withdrawal": "#882255",
    "announcement": "#56B4E9",
    "agreement": "#117733",
    "figure": "#F0E442",
    "position": "#999933",
}
_OTHER = "#888888"


def _midpoint(value: str | None) -> date | None:
    interval = value_interval(value)
    if interval is None:
        return None
    return interval[0] + (interval[1] - interval[0]) // 2


def _ticks(first: date, last: date) -> list[date]:
    """First days of months (or of years, for long spans) between ``first`` and ``last``."""
    if (last - first).days > 3 * 365:
        return [date(y, 1, 1) for y in range(first.year + 1, last.year + 1)]
    ticks, day = [], date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            ticks.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    step = max(1, len(ticks) // 12)  # at most about a dozen labels
    return ticks[::step]


def timeline_svg(events: Sequence[dict[str, Any]]) -> str:
    """An inline ``<svg>`` of ``events`` (timeline export items)."""
    placed = [(d, e) for e in events if (d := _midpoint(e.get("date"))) is not None]
    if not placed:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="40" role="img" '
            'aria-label="timeline"><text x="8" y="24" font-family="sans-serif" font-size="12">'
            "No dated events</text></svg>"
        )
    placed.sort(key=lambda pair: pair[0])
    first, last = placed[0][0], placed[-1][0]
    if first == last:
        first, last = first - timedelta(days=1), last + timedelta(days=1)
    span = (last - first).days
    inner = WIDTH - 2 * MARGIN

    def x_of(day: date) -> float:
        return MARGIN + inner * (day - first).days / span

    rows_end: list[float] = []  # x of the last dot in each row
    dots: list[tuple[float, int, dict[str, Any]]] = []
    for day, event in placed:
        x = x_of(day)
        row = next((i for i, end in enumerate(rows_end) if x - end >= MIN_GAP), len(rows_end))
        if row == len(rows_end):
            rows_end.append(x)
        rows_end[row] = x
        dots.append((x, row, event))
    axis_y = 24 + ROW * len(rows_end)
    height = axis_y + 44
    body = []
    for x, row, event in dots:
        colour = KIND_COLOURS.get(str(event.get("kind")), _OTHER)
        parts = (event.get("date"), event.get("actor"), event.get("kind"), event.get("text"))
        label = " — ".join(str(part) for part in parts if part)
        body.append(
            f'<circle cx="{x:.1f}" cy="{axis_y - 12 - ROW * row}" r="{RADIUS}" fill="{colour}">'
            f"<title>{escape(label)}</title></circle>"
        )
    ticks = []
    for tick in _ticks(first, last):
        x = x_of(tick)
        label = tick.strftime("%Y") if (last - first).days > 3 * 365 else tick.strftime("%b %Y")
        ticks.append(
            f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 4}" stroke="#444"/>'
            f'<text x="{x:.1f}" y="{axis_y + 16}" text-anchor="middle">{escape(label)}</text>'
        )
    kinds = sorted({str(e.get("kind")) for _, e in placed})
    legend = []
    for i, kind in enumerate(kinds):
        lx = MARGIN + i * 96
        legend.append(
            f'<circle cx="{lx}" cy="{height - 8}" r="4" fill="{KIND_COLOURS.get(kind, _OTHER)}"/>'
            f'<text x="{lx + 8}" y="{height - 4}">{escape(kind)}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label={quoteattr("timeline")} '
        'font-family="sans-serif" font-size="10">'
        f'<line x1="{MARGIN}" y1="{axis_y}" x2="{WIDTH - MARGIN}" y2="{axis_y}" stroke="#444"/>'
        + "".join(ticks)
        + "".join(body)
        + "".join(legend)
        + "</svg>"
    )
