"""Score ``find_times`` on the Microsoft Recognizers-Text DateTime test specifications.

The specs (MIT licence) are JSON lists of cases: an input sentence, usually a reference
datetime, and the expected results with their text, offsets and resolution. Two layouts
occur: "model" results (``TypeName``, ``Start``/``End`` inclusive, ``Resolution.values``) and
"parser" results (``Type``, ``Start``/``Length``, ``Value`` with ``Timex`` and
``Future``/``PastResolution``). Only results a news timeline can use are scored: a date
(``date``) or a single calendar period (``daterange`` whose timex is a year, month, ISO
week or season), with a reference date. Times of day, durations, sets, open and explicit
ranges are skipped.

Scores per language:
- ``overlap``: a found expression overlaps the expected span;
- ``exact``: one has the expected span, allowing for our convention of including an
  introducing preposition or article ("on Friday", "am 2. Oktober", "le 3 mars");
- ``strict``: one has exactly the expected span;
- ``resolved``: an overlapping expression has an accepted value. Where the spec lists both
  a past and a future reading of an ambiguous expression ("Friday" said on a Monday), either
  is accepted;
- ``covered``: an overlapping expression's interval contains the expected day or period.
  This separates wrong dates from coarser ones: storyline resolves "two months ago" to a
  month and "a year ago" to a year, where the specs expect a day.

Synthetic sentences, not news: a unit-level check of the grammar and calendar arithmetic.
Run: ``python -m storyline.eval.time_specs [SPEC_DIR]``.
"""

from __future__ import annotations

import calendar
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from storyline.annotate.timex import find_times
from storyline.document import TimeExpression
from storyline.eval import dataset_dir, parse_data_arg

LANGUAGES = {"English": "en", "German": "de", "French": "fr"}
# The spec files with resolved values in the default (non-calendar, non-experimental) mode.
# Holiday files are left out: named holidays are outside what storyline recognises.
SPEC_FILES = ("DateParser.json", "DatePeriodParser.json", "DateTimeModel.json", "MergedParser.json")

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# A daterange timex that names one calendar period: 2016, 2016-11, 2016-W46, 2016-SU.
_PERIOD_TIMEX = re.compile(r"\d{4}(?:-\d{2}|-W\d{2}|-(?:SP|SU|FA|WI))?")
_MONTH_TIMEX = re.compile(r"XXXX-(\d{2})")
# What our spans may have in front of the spec's: the introducing words of the span convention.
_INTRODUCER = re.compile(
    r"(?:(?:on|in|at|the|am|im|an|dem|den|le|la|l['’]|en|au|à)\s*)+\Z", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class SpecTarget:
    """One expected expression: where it is and which values count as resolved correctly."""

    language: str
    source: str  # file name
    input: str
    reference: date
    start: int
    end: int
    values: frozenset[str]


@dataclass
class LanguageScore:
    cases: int = 0
    targets: int = 0
    overlap: int = 0
    exact: int = 0
    strict: int = 0
    resolved: int = 0
    covered: int = 0

    def as_dict(self) -> dict[str, float | int]:
        def rate(hits: int) -> float:
            return round(hits / self.targets, 4) if self.targets else 0.0

        return {
            "cases": self.cases,
            "targets": self.targets,
            "overlap": self.overlap,
            "exact": self.exact,
            "strict": self.strict,
            "resolved": self.resolved,
            "covered": self.covered,
            "overlap_rate": rate(self.overlap),
            "exact_rate": rate(self.exact),
            "strict_rate": rate(self.strict),
            "resolved_rate": rate(self.resolved),
            "covered_rate": rate(self.covered),
        }


def _type_of(result: dict[str, Any]) -> str:
    raw = result.get("TypeName") or result.get("Typename") or result.get("Type") or ""
    return str(raw).removeprefix("datetimeV2.")


def _value_entries(result: dict[str, Any]) -> tuple[str | None, list[dict[str, Any]]]:
    """The timex and a list of resolution dicts (``value`` or ``start``), either layout."""
    if "Resolution" in result:
        entries = list(result["Resolution"].get("values", []))
        return (entries[0].get("timex") if entries else None), entries
    value = result.get("Value")
    if not isinstance(value, dict):
        return None, []
    if "values" in value:
        entries = list(value["values"])
        return (entries[0].get("timex") if entries else None), entries
    entries = []
    for key in ("FutureResolution", "PastResolution"):
        resolution = value.get(key) or {}
        entries.append({"value": resolution.get("date"), "start": resolution.get("startDate")})
    return value.get("Timex"), entries


def accepted_values(result: dict[str, Any]) -> frozenset[str]:
    """The values (in ``TimeExpression.value`` notation) a correct resolution may have."""
    kind = _type_of(result)
    timex, entries = _value_entries(result)
    if timex is None or any("Mod" in entry for entry in entries):
        return frozenset()  # open ranges ("before 2016") are not single dates
    if kind == "date":
        return frozenset(
            v for e in entries if isinstance(v := e.get("value"), str) and _DAY.fullmatch(v)
        )
    if kind != "daterange":
        return frozenset()
    if _PERIOD_TIMEX.fullmatch(timex):
        return frozenset({timex})
    if _MONTH_TIMEX.fullmatch(timex):
        starts = (e.get("start") for e in entries)
        return frozenset(s[:7] for s in starts if isinstance(s, str) and _DAY.fullmatch(s))
    return frozenset()


def _locate(sentence: str, text: str, hint: int | None) -> int | None:
    """Start of the expected text in the sentence: the spec's offset if it fits, else the
    nearest case-insensitive occurrence (a few specs carry shifted offsets)."""
    folded, wanted = sentence.casefold(), text.casefold()
    if hint is not None and folded[hint : hint + len(wanted)] == wanted:
        return hint
    starts = [m.start() for m in re.finditer(re.escape(wanted), folded)]
    if not starts:
        return None
    return min(starts, key=lambda s: abs(s - (hint or 0)))


def _reference(case: dict[str, Any]) -> date | None:
    raw = (case.get("Context") or {}).get("ReferenceDateTime")
    if not isinstance(raw, str):
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def load_targets(spec_dir: Path, files: Iterable[str] = SPEC_FILES) -> list[SpecTarget]:
    """Every scorable expected expression in the spec files, deduplicated per language."""
    root = spec_dir / "DateTime" if (spec_dir / "DateTime").is_dir() else spec_dir
    seen: set[tuple[str, str, date, int, int]] = set()
    targets: list[SpecTarget] = []
    for folder, language in LANGUAGES.items():
        for name in files:
            path = root / folder / name
            if not path.is_file():
                continue
            for case in json.loads(path.read_text(encoding="utf-8-sig")):
                targets.extend(_case_targets(case, language, name, seen))
    return targets


def _case_targets(
    case: dict[str, Any], language: str, source: str, seen: set[tuple[str, str, date, int, int]]
) -> Iterator[SpecTarget]:
    reference = _reference(case)
    sentence = case.get("Input")
    if reference is None or not isinstance(sentence, str):
        return
    for result in case.get("Results", []):
        values = accepted_values(result)
        text = result.get("Text")
        if not values or not isinstance(text, str):
            continue
        hint = result.get("Start", result.get("start"))
        start = _locate(sentence, text, hint if isinstance(hint, int) else None)
        if start is None:
            continue
        key = (language, sentence, reference, start, start + len(text))
        if key in seen:
            continue
        seen.add(key)
        yield SpecTarget(language, source, sentence, reference, start, start + len(text), values)


def _exact(found: TimeExpression, target: SpecTarget) -> bool:
    if found.end != target.end:
        return False
    if found.start == target.start:
        return True
    low, high = sorted((found.start, target.start))
    return _INTRODUCER.fullmatch(target.input[low:high]) is not None


def _days(value: str) -> tuple[str, str] | None:
    """First and last day (ISO) of a spec value that is a day, month or year."""
    if _DAY.fullmatch(value):
        return value, value
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = int(value[:4]), int(value[5:])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-01-01", f"{value}-12-31"
    return None


def _covers(found: TimeExpression, target: SpecTarget) -> bool:
    if found.value in target.values:
        return True
    if found.interval is None:
        return False
    first, last = found.interval
    spans = (_days(v) for v in target.values)
    # ISO dates compare correctly as strings.
    return any(s is not None and first <= s[0] and s[1] <= last for s in spans)


def score(targets: Iterable[SpecTarget]) -> dict[str, LanguageScore]:
    """Run ``find_times`` once per sentence and score every target in it."""
    scores: dict[str, LanguageScore] = {}
    cache: dict[tuple[str, str, date], list[TimeExpression]] = {}
    for target in targets:
        entry = scores.setdefault(target.language, LanguageScore())
        key = (target.language, target.input, target.reference)
        if key not in cache:
            cache[key] = find_times(target.input, target.language, target.reference)
            entry.cases += 1
        overlapping = [f for f in cache[key] if f.start < target.end and f.end > target.start]
        entry.targets += 1
        entry.overlap += bool(overlapping)
        entry.exact += any(_exact(f, target) for f in overlapping)
        entry.strict += any(f.start == target.start and f.end == target.end for f in overlapping)
        entry.resolved += any(f.value in target.values for f in overlapping)
        entry.covered += any(_covers(f, target) for f in overlapping)
    return scores


def evaluate_datetime_specs(spec_dir: Path) -> dict[str, dict[str, float | int]]:
    """Scores per language code (en, de, fr); see the module docstring for their meaning."""
    scores = score(load_targets(spec_dir))
    return {language: scores[language].as_dict() for language in sorted(scores)}


def format_table(results: dict[str, dict[str, float | int]]) -> str:
    header = (
        f"{'lang':<5}{'cases':>7}{'targets':>9}{'overlap':>9}{'exact':>8}{'strict':>8}"
        f"{'resolved':>10}{'covered':>9}"
    )
    lines = [header, "-" * len(header)]
    for language, row in results.items():
        lines.append(
            f"{language:<5}{row['cases']:>7}{row['targets']:>9}"
            f"{row['overlap_rate']:>9.1%}{row['exact_rate']:>8.1%}"
            f"{row['strict_rate']:>8.1%}{row['resolved_rate']:>10.1%}{row['covered_rate']:>9.1%}"
        )
    return "\n".join(lines)


def default_spec_dir() -> Path:
    data = os.environ.get("STORYLINE_DATA")
    base = Path(data) if data else Path(__file__).resolve().parents[3].parent / "shared" / "data"
    return base / "recognizers-text-specs" / "DateTime"


def main(argv: list[str] | None = None) -> int:
    args = parse_data_arg(argv, "Temporal expressions on Recognizers-Text DateTime specs.")
    spec_dir = (
        dataset_dir(args.data, "recognizers-text-specs", "DateTime")
        if args.data
        else default_spec_dir()
    )
    if not spec_dir.is_dir():
        print(f"spec directory not found: {spec_dir}", file=sys.stderr)
        return 2
    print(format_table(evaluate_datetime_specs(spec_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
