"""The phrase parser: reads the longest number phrase ("three hundred and twenty-one",
"2,5 Millionen", "quatre-vingt-dix", "two thirds") from classified tokens."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.annotate.number_core import Core, Lang
from storyline.annotate.number_tokens import Tok, Word, classify
from storyline.annotate.number_words import AFTER_FRACTION, DENOMINATORS, DOTTED, PLAIN_FRACTIONS

_WORD_GAP = re.compile(r"[ \t\u00a0\u202f]*(?:\n[ \t]*)?(?:-[ \t\u00a0\u202f]*)?")
_SPACE_GAP = re.compile(r"[ \t\u00a0\u202f]*")


def _bare_ok(tok: Tok, lang: Lang) -> bool:
    """A lone "hundert"/"tausend" is a number only in lower case: "Tausend" is also a name."""
    return lang != "de" or tok.text.islower()


def _additive(cur: float, value: float, lang: Lang) -> bool:
    """May ``value`` be added to the words read so far ("twenty" + "one", "cent" + "six")?"""
    if cur != int(cur):
        return False
    rest = int(cur) % 100
    if rest == 0:
        return value < 100
    if lang == "fr" and rest in (60, 80):  # soixante-dix, quatre-vingt-douze
        return value < 20
    if lang == "fr" and rest == 10:  # dix-sept
        return value < 10
    return rest >= 20 and rest % 10 == 0 and value < 10


@dataclass
class _Parse:
    """Mutable state of one phrase being read; only used inside ``parse_at``."""

    total: float = 0.0
    cur: float = 0.0  # the group below a thousand being read
    cur_words: bool = False
    hundred: bool = False
    cap: float = math.inf  # the next thousand/million word must be smaller than this
    last: str = ""
    last_small: float = -1.0
    started: bool = False
    article: bool = False
    scale: float = 1.0
    good: tuple[int, float, float] | None = None  # (next token, value, scale) of last full read
    before_and: tuple[int, float, float] | None = None
    in_and: bool = False

    def commit(self, j: int) -> None:
        self.good = (j + 1, self.total + self.cur, self.scale)


def _fraction(p: _Parse, w: Word, toks: Sequence[Tok], j: int, text: str, lang: Lang) -> str:
    """A count over a denominator: "two thirds", "un quart", "ein Drittel"."""
    # p.cur is only a spelled count here: "2 quarters" is half a year of reports, no fraction
    if p.last == "article":
        count = 1.0
    elif p.last == "small" and p.total == 0 and not p.in_and and p.cur > 0:
        count = p.cur
    else:
        return "break"
    tok = toks[j]
    singular_ordinal = count == 1 and lang != "de" and tok.low not in PLAIN_FRACTIONS
    if singular_ordinal and not _fraction_context(toks, j, text):
        return "break"
    p.cur, p.last, p.scale, p.started = count / w.value, "denom", 1.0, True
    p.commit(j)
    return "ok"  # "three quarters billion" reads on


def _fraction_context(toks: Sequence[Tok], j: int, text: str) -> bool:
    after = toks[j + 1] if j + 1 < len(toks) else None
    if after is None:
        return True
    gap = text[toks[j].end : after.start]
    return after.low in AFTER_FRACTION or bool(gap.strip(" \u00a0'’"))


def _mixed_fraction(toks: Sequence[Tok], j: int, text: str, lang: Lang) -> tuple[float, int] | None:
    """The share and last token of "and a half", "et demi", "et un quart" after "and"/"et"."""
    nxt = toks[j + 1 : j + 3]
    if not nxt:
        return None
    denoms = DENOMINATORS[lang]
    first = nxt[0].low
    if lang == "fr" and first in ("demi", "demie", "quart"):
        return 1 / denoms[first], j + 1
    if len(nxt) == 2 and first in ("a", "an", "one", "un", "une") and nxt[1].low in denoms:
        if lang == "de" or nxt[1].low.endswith("s"):
            return None
        return 1 / denoms[nxt[1].low], j + 2
    return None


def parse_at(
    toks: Sequence[Tok], i: int, text: str, lang: Lang, values: dict[int, float]
) -> tuple[Core, int] | None:
    """Read the longest number phrase starting at token ``i``."""
    p = _Parse()
    j = i
    while j < len(toks):
        tok = toks[j]
        if j > i:
            gap = text[toks[j - 1].end : tok.start]
            pattern = _SPACE_GAP if toks[j - 1].digits or tok.digits else _WORD_GAP
            if not pattern.fullmatch(gap):
                break
        word = classify(toks, j, text, lang, values)
        if word is None:
            break
        stop = _step(p, word, toks, j, text, lang)
        if stop == "break":
            if word.kind in ("hundred", "thousand", "big", "dozen") and p.in_and:
                p.good = p.before_and
            break
        if stop == "skip":  # consumed a following "a half" / "demi"
            j = p.good[0] if p.good else j + 1
            continue
        if stop == "end":
            break
        j += 1
    if p.good is None:
        if p.article and lang != "en" and p.last == "article":
            tok = toks[i]
            return Core(tok.start, tok.end, 1.0, article=True, first_word=tok.low), i + 1
        return None
    nxt, value, scale = p.good
    last_tok = toks[nxt - 1]
    end = last_tok.end
    if last_tok.low in DOTTED and text[end : end + 1] == ".":
        end += 1
    first = toks[i]
    only_digits = nxt == i + 1 and first.digits
    core = Core(
        start=first.start,
        end=end,
        value=value,
        scale=scale,
        digits=first.digits,
        plain=only_digits and first.text.isdigit(),
        first_word=first.low,
    )
    return core, nxt


def _step(p: _Parse, w: Word, toks: Sequence[Tok], j: int, text: str, lang: Lang) -> str:
    """Feed one classified token into the parse; "ok", "break", "skip" or "end"."""
    if w.kind == "num":
        # Digits never continue digits, and after "million" they rather start a new number
        # ("€40 million 2026 budget"); only "3 hundred and 21" reads on.
        joins = p.hundred and p.last == "and" and w.value < 100 and p.cur % 100 == 0
        if (p.started and not joins) or p.last == "article":
            return "break"
        p.cur += w.value
        p.cur_words, p.started, p.last, p.scale = False, True, "num", 1.0
        p.commit(j)
        return "ok"
    if w.kind == "small":
        if p.last == "article":
            return "break"
        if not p.started or (p.cur == 0 and p.last in ("thousand", "big")):
            p.cur, p.cur_words = w.value, True
        elif p.last == "num":
            return "break"
        elif lang == "fr" and p.last_small == 4 and w.value == 20 and p.last == "small":
            p.cur += 76  # quatre-vingt(s)
        elif p.last == "and" and lang == "fr":
            if not (int(p.cur) % 100 in (20, 30, 40, 50, 60) and w.value in (1, 11)):
                return "break"
            p.cur += w.value
        elif p.last_small == 0 or w.value == 0:
            return "break"  # "zero three" is two numbers
        elif (p.cur_words or p.last == "and") and _additive(p.cur, w.value, lang):
            p.cur += w.value
        else:
            return "break"
        p.started, p.last, p.last_small, p.scale = True, "small", w.value, 1.0
        p.commit(j)
        return "ok"
    if w.kind == "compound":
        if w.scale >= 1000:
            if p.started and not (p.cur == 0 and p.last == "big" and p.cap > 1000):
                return "break"
            p.total += w.value
            p.cap, p.last, p.scale = 1000.0, "thousand", 1.0
        else:
            if p.started and not (p.cur == 0 and p.last in ("thousand", "big")):
                return "break"
            p.cur, p.hundred, p.cur_words, p.last, p.scale = (
                w.value,
                w.scale >= 100,
                True,
                "small",
                1.0,
            )
        p.started = True
        p.commit(j)
        return "ok"
    if w.kind == "hundred":
        after_digits = j > 0 and toks[j - 1].digits
        if lang == "fr" and (p.last == "num" or (not p.started and after_digits)):
            return "break"  # "50 cents" is money, not 5000 or 50 and 100
        if lang == "fr" and not p.started and toks[j].low == "cents":
            return "break"  # the plural only follows a count: "deux cents"
        words = p.last != "num"
        if (not p.started and _bare_ok(toks[j], lang)) or p.last == "article":
            p.cur = 100
        elif 0 < p.cur < 100 and not p.hundred and p.last in ("small", "num"):
            p.cur *= 100
        else:
            return "break"
        p.hundred, p.started, p.last, p.scale, p.cur_words = True, True, "hundred", 100.0, words
        p.commit(j)
        return "ok"
    if w.kind in ("thousand", "big"):
        if p.cap <= w.value:
            return "break"
        bare = not p.started and lang != "en" and w.kind == "thousand" and _bare_ok(toks[j], lang)
        if p.last == "article" or bare:
            p.total += w.value
        elif p.started and p.cur > 0 and p.last != "and":
            p.total += p.cur * w.value
        else:
            return "break"
        p.cur, p.hundred, p.cap, p.started = 0.0, False, w.value, True
        p.last, p.scale, p.in_and = w.kind, w.value, False
        p.commit(j)
        return "ok"
    if w.kind == "dozen":
        if p.last not in ("small", "num") or not 0 < p.cur < 100 or p.hundred:
            return "break"
        p.cur *= 12
        p.last, p.scale = "dozen", 1.0
        p.commit(j)
        return "end"
    if w.kind == "article":
        if p.started and lang == "fr":  # "vingt et un", "cent un": here "un" is the number
            return _step(p, Word("small", 1), toks, j, text, lang)
        if p.started:
            return "break"
        p.article, p.last = True, "article"
        return "ok"
    if w.kind == "denom":
        return _fraction(p, w, toks, j, text, lang)
    # "and" / "und" / "et"
    mixed = _mixed_fraction(toks, j, text, lang)
    if mixed is not None and p.last in ("small", "num", "big", "thousand"):
        share, last = mixed
        if p.last in ("big", "thousand"):
            p.total += share * p.scale  # "un million et demi"
        else:
            p.cur += share
        p.commit(last)
        return "skip"
    if lang == "en" and p.last in ("hundred", "thousand", "big"):
        p.before_and, p.in_and, p.last = p.good, True, "and"
        return "ok"
    if lang == "fr" and p.last == "small":
        p.before_and, p.in_and, p.last = p.good, True, "and"
        return "ok"
    return "break"
