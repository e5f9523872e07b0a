"""Score number reading on the test specifications of Microsoft Recognizers-Text.

The specs (``recognizers-text-specs/`` in the shared data, MIT licence) are JSON lists of
cases: an input sentence and the expressions a recogniser should find in it, each with its
span (``Start``/``End``, end inclusive) and resolved value. We score recall: the share of
expected expressions for which one of our matches overlaps the expected span and carries the
expected value. Our matches of the kind a model is about (any number; a bound or range; an
amount of money; a length) that overlap no expected expression are counted as ``spurious``,
a hint at precision: the specs do not list every expression a sentence holds.

Models scored, per language (English, German, French):

- ``number``: ``Number/<Language>/NumberModel.json`` against ``find_numbers``; a match counts
  when its value, or for a range or bound one of its bounds, equals the expected value;
- ``range``: ``NumberRangeModel.json``; the expected interval ("(20,35]") must equal our
  bounds, open and closed ends not told apart;
- ``currency``: ``NumberWithUnit/<Language>/CurrencyModel.json`` against ``find_figures``;
  value and currency (ISO code) must both match;
- ``dimension``: ``DimensionModel.json``; only the value is compared, because kilometres are
  the one length unit storyline normalises.

Cases the spec marks as failing in its reference implementation (``NotSupported`` naming
"dotnet") are skipped and counted as such.

Run it: ``python -m storyline.eval.number_specs [DATA_DIR]`` (default: ``$STORYLINE_DATA`` or
``../shared/data`` next to the repository).
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict, astuple, dataclass
from pathlib import Path
from typing import Any

from storyline.annotate.numbers import NumberMatch, find_numbers
from storyline.annotate.units import find_figures
from storyline.document import Figure
from storyline.errors import ConfigError
from storyline.eval import parse_data_arg

LANGUAGES = {"English": "en", "German": "de", "French": "fr"}
MODELS = {
    "number": ("Number", "NumberModel.json"),
    "range": ("Number", "NumberRangeModel.json"),
    "currency": ("NumberWithUnit", "CurrencyModel.json"),
    "dimension": ("NumberWithUnit", "DimensionModel.json"),
}
# Currency names in the specs -> ISO code, for results that carry no ``isoCurrency``.
_CURRENCY_NAMES = {
    "dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound": "GBP",
    "british pound": "GBP", "livre": "GBP", "livre sterling": "GBP", "japanese yen": "JPY",
    "chinese yuan": "CNY", "swiss franc": "CHF", "canadian dollar": "CAD",
    "dollar canadien": "CAD", "australian dollar": "AUD", "hong kong dollar": "HKD",
    "dollar de hong kong": "HKD",
}  # fmt: skip
Bounds = tuple[float | None, float | None]


@dataclass(frozen=True, slots=True)
class Score:
    cases: int = 0
    skipped: int = 0
    expected: int = 0
    resolved: int = 0
    spurious: int = 0

    @property
    def share(self) -> float:
        return self.resolved / self.expected if self.expected else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


# --- reading the specs ------------------------------------------------------------------------


def spec_root(path: Path) -> Path:
    """The ``recognizers-text-specs`` folder, given it, its parent or its ``Number`` folder."""
    candidates = [path, path / "recognizers-text-specs"]
    if path.name == "Number":
        candidates.append(path.parent)
    for candidate in candidates:
        if (candidate / "Number").is_dir():
            return candidate
    raise ConfigError(f"no Recognizers-Text specs (a Number/ folder) under {path}")


def load_cases(file: Path) -> list[dict[str, Any]]:
    with file.open(encoding="utf-8-sig") as handle:
        cases = json.load(handle)
    if not isinstance(cases, list):
        raise ConfigError(f"{file}: expected a JSON list of cases")
    return cases


def _skipped(case: dict[str, Any]) -> bool:
    return "dotnet" in str(case.get("NotSupported", "")).casefold()


def spec_number(raw: object) -> float | None:
    """A spec value: "2,5" in German/French files, "1E-12", or None when absent."""
    if raw is None:
        return None
    try:
        return float(str(raw).replace(",", "."))
    except ValueError:
        return None


def spec_interval(raw: str) -> Bounds:
    """ "(20,35]" -> (20, 35); "(,100]" -> (None, 100)."""
    low, _, high = raw.strip("[]()").partition(",")
    return spec_number(low or None), spec_number(high or None)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _overlaps(start: int, end: int, result: dict[str, Any]) -> bool:
    if "Start" not in result or "End" not in result:
        return False
    return start <= int(result["End"]) and int(result["Start"]) < end


# --- what our matches say ---------------------------------------------------------------------


def candidate_values(value: float | None, low: float | None, high: float | None) -> list[float]:
    return [v for v in (value, low, high) if v is not None]


def match_bounds(match: NumberMatch) -> Bounds:
    if match.qualifier in ("range", "vague"):
        return match.min, match.max
    if match.qualifier in ("more_than", "at_least"):
        return match.min, None
    if match.qualifier in ("up_to", "less_than"):
        return None, match.max
    return match.value, match.value


def _currency_of(result: dict[str, Any]) -> str | None:
    resolution = result.get("Resolution") or {}
    iso = resolution.get("isoCurrency")
    if iso:
        return str(iso)
    return _CURRENCY_NAMES.get(str(resolution.get("unit", "")).casefold())


# --- scoring ----------------------------------------------------------------------------------

Judge = Callable[[str, dict[str, Any], str], bool]
Finder = Callable[[str, str], Iterable[tuple[int, int]]]


def _score(cases: list[dict[str, Any]], language: str, judge: Judge, spans: Finder) -> Score:
    total = Score()
    for case in cases:
        if _skipped(case):
            total += Score(cases=1, skipped=1)
            continue
        text = str(case["Input"])
        results = [r for r in case.get("Results", []) if _scorable(r)]
        resolved = sum(judge(text, r, language) for r in results)
        found = list(spans(text, language))
        spurious = sum(
            not any(_overlaps(s, e, r) for r in case.get("Results", [])) for s, e in found
        )
        total += Score(1, 0, len(results), resolved, spurious)
    return total


def _scorable(result: dict[str, Any]) -> bool:
    """Results with a value; bare unit mentions ("the dollar") carry none."""
    value = (result.get("Resolution") or {}).get("value")
    return value is not None and "Start" in result and "End" in result


def _number_judge(text: str, result: dict[str, Any], language: str) -> bool:
    want = spec_number(result["Resolution"]["value"])
    return any(
        _overlaps(m.start, m.end, result)
        and any(_same(v, want) for v in candidate_values(m.value, m.min, m.max))
        for m in find_numbers(text, language)
    )


def _range_judge(text: str, result: dict[str, Any], language: str) -> bool:
    low, high = spec_interval(str(result["Resolution"]["value"]))
    for m in find_numbers(text, language):
        ours = match_bounds(m)
        if _overlaps(m.start, m.end, result) and _same(ours[0], low) and _same(ours[1], high):
            return True
    return False


def _figure_values(figure: Figure) -> list[float]:
    return candidate_values(figure.value, figure.min, figure.max)


def _currency_judge(text: str, result: dict[str, Any], language: str) -> bool:
    want, currency = spec_number(result["Resolution"]["value"]), _currency_of(result)
    return currency is not None and any(
        _overlaps(f.start, f.end, result)
        and f.unit == f"money:{currency}"
        and any(_same(v, want) for v in _figure_values(f))
        for f in find_figures(text, language)
    )


def _number_spans(text: str, language: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in find_numbers(text, language)]


def _bound_spans(text: str, language: str) -> list[tuple[int, int]]:
    return [
        (m.start, m.end)
        for m in find_numbers(text, language)
        if m.qualifier not in ("exact", "about")
    ]


def _length_spans(text: str, language: str) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in find_figures(text, language) if f.unit in ("km", "miles")]


def _money_spans(text: str, language: str) -> list[tuple[int, int]]:
    return [
        (f.start, f.end)
        for f in find_figures(text, language)
        if f.unit is not None and f.unit.startswith("money:")
    ]


_JUDGES: dict[str, tuple[Judge, Finder]] = {
    "number": (_number_judge, _number_spans),
    "range": (_range_judge, _bound_spans),
    "currency": (_currency_judge, _money_spans),
    "dimension": (_number_judge, _length_spans),
}


def evaluate_number_specs(spec_dir: Path) -> dict[str, dict[str, dict[str, float]]]:
    """Scores per model and language: {"number": {"en": {"expected": .., "share": ..}}}.

    ``spec_dir`` is the ``recognizers-text-specs`` folder (its parent or its ``Number``
    folder are accepted too). A model file missing for a language is left out.
    """
    root = spec_root(spec_dir)
    report: dict[str, dict[str, dict[str, float]]] = {}
    for model, (family, filename) in MODELS.items():
        judge, spans = _JUDGES[model]
        for folder, language in LANGUAGES.items():
            file = root / family / folder / filename
            if not file.is_file():
                continue
            score = _score(load_cases(file), language, judge, spans)
            row: dict[str, float] = {k: float(v) for k, v in asdict(score).items()}
            row["share"] = round(score.share, 4)
            report.setdefault(model, {})[language] = row
    return report


def format_table(report: dict[str, dict[str, dict[str, float]]]) -> str:
    header = f"{'model':<10} {'lang':<4} {'cases':>6} {'skipped':>7} {'expected':>8} "
    header += f"{'resolved':>8} {'share':>6} {'spurious':>8}"
    lines = [header, "-" * len(header)]
    for model, languages in report.items():
        for language, row in languages.items():
            lines.append(
                f"{model:<10} {language:<4} {int(row['cases']):>6} {int(row['skipped']):>7} "
                f"{int(row['expected']):>8} {int(row['resolved']):>8} {row['share']:>6.1%} "
                f"{int(row['spurious']):>8}"
            )
    return "\n".join(lines)


def default_data_dir() -> Path:
    env = os.environ.get("STORYLINE_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    args = parse_data_arg(argv, "Number and unit normalisation on Recognizers-Text specs.")
    data = Path(args.data) if args.data else default_data_dir()
    try:
        report = evaluate_number_specs(data)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
