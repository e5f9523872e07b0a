"""HTML and Markdown reports rendered from the ``storyline/1`` export data."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.report.summary import latest_positions, summarize
from storyline.store import Failure

_ENV = Environment(
    loader=PackageLoader("storyline", "report/templates"),
    # Only the HTML template is escaped: escaping Markdown would litter it with entities.
    autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
)


def render(data: dict[str, Any], fmt: str, failures: list[Failure] | None = None) -> str:
    if fmt not in ("html", "md"):
        raise ValueError(f"unknown report format {fmt!r}")
    template = _ENV.get_template(f"report.{fmt}.j2")
    from storyline.analysis.timeline_svg import timeline_svg

    names = {e["id"]: e["name"] for e in data["entities"]}
    docs = {d["id"]: d for d in data["documents"]}

    def reporters(event: dict[str, Any]) -> list[str]:
        """The outlets that reported an event, each once, in order."""
        outlets = (docs[s["doc"]]["outlet"] or docs[s["doc"]]["source"] for s in event["sources"])
        return list(dict.fromkeys(outlets))

    return template.render(
        data=data,
        s=summarize(data, failures=len(failures or [])),
        names=names,
        latest=latest_positions(data),
        docs=docs,
        reporters=reporters,
        failures=failures or [],
        timeline_chart=timeline_svg(data["timeline"]) if fmt == "html" else "",
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(
    data: dict[str, Any], fmt: str, path: Path, failures: list[Failure] | None = None
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(data, fmt, failures), encoding="utf-8")
    return path
