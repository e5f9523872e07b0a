"""The per-language temporal grammar: word tables and rule patterns read from TOML.

A language is one file, ``timex_<code>.toml`` next to this module, plus the rules every
language shares (``timex_common.toml``). A file holds:

- ``[words.<table>]``: word -> value. The tables and what their values mean:
  month (1-12), weekday (0 = Monday), number (a count), few (a vague count, value unused),
  unit (a counted unit: day/week/month/year), period (a calendar period after last/this/next:
  week/weekend/month/year/quarter), shift (-1 last, 0 this, +1 next), rel (a day offset:
  yesterday = -1), part (early/mid/late/earlier/later), season (SP/SU/FA/WI), quarter (1-4),
  vague (past/future). Spaces in a word match any whitespace, an apostrophe matches ' and ’.
- ``[fragments]``: named regex pieces (``day``, ``year``) a language may define or override.
- ``[[rules]]``: ``kind`` and ``pattern``, a regex in which ``{table}`` becomes a named group
  matching any word of that table and ``{fragment}`` the fragment. A group named ``lead``
  marks words that give context but stay out of the span ("since" in "since March").
- ``needs_capital``: words that are temporal only when not written all in lowercase
  (English "may" is a verb, "May" the month); ``needs_lowercase``: words that are temporal
  only in lowercase or at the start of a sentence (German "Morgen" is the morning).
- ``[cues]``: ``future`` and ``past`` word patterns that give a sentence's tense.

Patterns are compiled case-insensitively; the capitalisation checks above do the rest.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal, cast, get_args

from storyline.errors import ConfigError

RuleKind = Literal[
    "date",
    "month",
    "year",
    "weekday",
    "relday",
    "ago",
    "ahead",
    "period",
    "season",
    "quarter",
    "vague",
]
WORD_TABLES = (
    "month",
    "weekday",
    "number",
    "few",
    "unit",
    "period",
    "shift",
    "rel",
    "part",
    "season",
    "quarter",
    "vague",
)
Word = int | str
# Every rule needs a word of one of these tables or a digit, so text far from all of them can
# be skipped: scanning only around such words is what keeps find_times fast on long articles.
TRIGGER_TABLES = ("month", "weekday", "unit", "period", "rel", "season", "vague")

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")  # lowercase names only: "{1,3}" stays a quantifier
_SPACES = re.compile(r"\s+")
# Hyphens count as spaces ("après-demain" / "après demain", "mid-March" / "mid March").
_FOLD = str.maketrans({"-": " ", "‐": " ", "‑": " ", "’": "'"})


def normalise(token: str) -> str:
    """The lookup form of matched words: case-folded, hyphens as spaces, one plain space."""
    return _SPACES.sub(" ", token.translate(_FOLD)).strip().casefold()


@dataclass(frozen=True, slots=True)
class Rule:
    kind: RuleKind
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    words: Mapping[str, Mapping[str, Word]]
    rules: tuple[Rule, ...]
    needs_capital: frozenset[str]
    needs_lowercase: frozenset[str]
    future_cues: re.Pattern[str] | None
    past_cues: re.Pattern[str] | None
    trigger: re.Pattern[str]  # a digit or a word of TRIGGER_TABLES

    def lookup(self, table: str, token: str) -> Word | None:
        return self.words.get(table, {}).get(normalise(token))


def _word_regex(word: str) -> str:
    # Keys are normalised, so a space stands for any run of spaces or hyphens.
    return re.escape(word).replace(r"\ ", r"[\s‐‑-]+").replace("'", "['’]")


def _alternation(words: Mapping[str, Word]) -> str:
    # Longest first, so that "the day before yesterday" wins over "yesterday" and "jan." over
    # "jan" at the same position.
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(_word_regex(w) for w in ordered)


def _expand(
    pattern: str, words: Mapping[str, Mapping[str, Word]], fragments: dict[str, str]
) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in words:
            return f"(?P<{name}>{_alternation(words[name])})"
        if name in fragments:
            return fragments[name]
        raise ConfigError(f"timex pattern names unknown table or fragment {{{name}}}: {pattern}")

    return _PLACEHOLDER.sub(replace, pattern)


def _cue_regex(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    alternatives = "|".join(p.replace(" ", r"\s+") for p in patterns)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _read(name: str) -> dict[str, Any]:
    source = resources.files("storyline.annotate").joinpath(name)
    if not source.is_file():
        return {}
    try:
        return tomllib.loads(source.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: {exc}") from exc


def _words(data: dict[str, Any], name: str) -> dict[str, dict[str, Word]]:
    tables: dict[str, dict[str, Word]] = {}
    for table, entries in data.get("words", {}).items():
        if table not in WORD_TABLES:
            raise ConfigError(f"{name}: unknown word table [words.{table}]")
        tables[table] = {normalise(word): value for word, value in entries.items()}
    return tables


def _rules(
    specs: list[dict[str, Any]],
    words: Mapping[str, Mapping[str, Word]],
    fragments: dict[str, str],
    name: str,
) -> tuple[Rule, ...]:
    rules = []
    for spec in specs:
        kind = spec.get("kind")
        if kind not in get_args(RuleKind):
            raise ConfigError(f"{name}: unknown rule kind {kind!r}")
        expanded = _expand(spec["pattern"], words, fragments)
        if r"\d" not in expanded and not any(f"(?P<{t}>" in expanded for t in TRIGGER_TABLES):
            raise ConfigError(f"{name}: pattern needs a digit or a trigger word: {spec['pattern']}")
        try:
            regex = re.compile(expanded, re.IGNORECASE)
        except re.error as exc:
            raise ConfigError(f"{name}: bad pattern {spec['pattern']!r}: {exc}") from exc
        rules.append(Rule(cast(RuleKind, kind), regex))
    return tuple(rules)


@cache
def load_lexicon(language: str) -> Lexicon:
    """The grammar for ``language`` (ISO 639-1). An unknown language gets the shared rules
    only (numeric and ISO dates), so a Spanish article still yields its "07.03.2025"."""
    common = _read("timex_common.toml")
    name = f"timex_{language}.toml"
    own = _read(name) if re.fullmatch(r"[a-z]{2,3}", language) else {}
    words = _words(own, name)
    fragments = {**common.get("fragments", {}), **own.get("fragments", {})}
    rules = _rules(common.get("rules", []), words, fragments, "timex_common.toml")
    rules += _rules(own.get("rules", []), words, fragments, name)
    cues = own.get("cues", {})
    return Lexicon(
        language=language,
        words=words,
        rules=rules,
        needs_capital=frozenset(normalise(w) for w in own.get("needs_capital", [])),
        needs_lowercase=frozenset(normalise(w) for w in own.get("needs_lowercase", [])),
        future_cues=_cue_regex(cues.get("future", [])),
        past_cues=_cue_regex(cues.get("past", [])),
        trigger=_trigger_regex(words),
    )


def _trigger_regex(words: Mapping[str, Mapping[str, Word]]) -> re.Pattern[str]:
    triggers = {w: 0 for t in TRIGGER_TABLES for w in words.get(t, {})}
    if not triggers:
        return re.compile(r"\d")
    return re.compile(rf"\d|\b(?:{_alternation(triggers)})", re.IGNORECASE)
