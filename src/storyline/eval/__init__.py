"""Evaluations against labelled data. Each module has ``main(argv) -> int`` taking
``--data PATH``; ``storyline eval NAME --data PATH`` runs it.

``--data`` may name the shared data root (the folder holding ``recognizers-text-specs/``,
``spkatt2023-de-wikinews/`` …) or the data set's own folder; without it, ``$STORYLINE_DATA``
and then ``../shared/data`` are tried.
"""

from __future__ import annotations

import argparse
import os
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path

LANGUAGES = ("en", "de", "fr")


def data_root(given: str | Path | None = None) -> Path:
    if given:
        return Path(given)
    env = os.environ.get("STORYLINE_DATA")
    if env:
        return Path(env)
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path("../shared/data")


def dataset_dir(given: str | Path | None, *names: str) -> Path:
    """The data set folder: ``given`` itself if it already is it, else ``given/names…``."""
    root = data_root(given)
    nested = root.joinpath(*names)
    return nested if nested.is_dir() else root


def parse_data_arg(argv: list[str] | None, description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", help="shared data root or the data set's folder")
    return parser.parse_args(argv)


def pct(part: int, whole: int) -> str:
    """A percentage for a fixed-width table column ("    -" when there is nothing to divide)."""
    return f"{100 * part / whole:5.1f}" if whole else "    -"


def language_rows(
    table: Mapping[str, Mapping[str, int]],
) -> Iterator[tuple[str, Mapping[str, int]]]:
    """Per-language count rows (en, de, fr first), then their sum as ``all``."""
    total: dict[str, int] = defaultdict(int)
    for lang in [*LANGUAGES, *sorted(set(table) - set(LANGUAGES))]:
        row = table.get(lang)
        if row:
            for key, value in row.items():
                total[key] += value
            yield lang, row
    yield "all", total
