"""Ranges ("zwischen 3 und 6"), qualifiers ("up to", "rund", "plus de", "20 or more") and
joined bounds ("more than 10 and less than 40")."""

from __future__ import annotations

import re

from storyline.annotate.number_core import Core, Lang, NumberMatch

_CONNECTOR: dict[Lang, str] = {
    "en": r"to|or|through|and",
    "de": r"bis|oder|und",
    "fr": r"à|ou|et",
}
_RANGE_PREFIX: dict[Lang, str] = {
    "en": r"between|from",
    "de": r"zwischen|von",
    "fr": r"entre|de|d['’]",
}
_NEEDS_PREFIX = {"and", "und", "et"}  # "3 and 6" is a range only after "between"
_BETWEEN = {"between", "zwischen", "entre"}
_CHANGE_VERB = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas\w*|gr[eo]w\w*|f[ae]ll\w*|dropp?\w*|cut|rais\w*|"
    r"reduc\w*|jump\w*|climb\w*|doubl\w*|stieg\w*|gestiegen|erhöh\w*|gesenkt|senk\w*|sank|"
    r"gesunken|verringer\w*|passé|passer|pass\w*|augment\w*|baiss\w*|réduit\w*|réduire)"
    r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_CURRENCY_SIGN = r"(?:US|C|A|HK|NZ)?\$|[€£¥]|\b(?:EUR|USD|GBP|CHF)\b"


def merge_ranges(cores: list[Core], text: str, lang: Lang) -> list[Core]:
    out: list[Core] = []
    gap_re = re.compile(
        rf"[\s\u00a0]*(?:(?P<dash>[-–—])|(?P<word>{_CONNECTOR[lang]}))[\s\u00a0]*"
        rf"(?:{_CURRENCY_SIGN})?[\s\u00a0]*",
        re.IGNORECASE,
    )
    prefix_re = re.compile(rf"\b(?P<p>{_RANGE_PREFIX[lang]})[\s\u00a0]*$", re.IGNORECASE)
    i = 0
    while i < len(cores):
        a = cores[i]
        b = cores[i + 1] if i + 1 < len(cores) else None
        merged = _range(a, b, text, gap_re, prefix_re) if b is not None else None
        if merged is not None:
            out.append(merged)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _range(
    a: Core, b: Core, text: str, gap_re: re.Pattern[str], prefix_re: re.Pattern[str]
) -> Core | None:
    if a.qualifier == "vague" or b.qualifier == "vague" or a.value is None or b.value is None:
        return None
    gap = gap_re.fullmatch(text[a.end : b.start])
    if gap is None:
        return None
    prefix = prefix_re.search(text[max(0, a.start - 20) : a.start])
    prefix_word = prefix.group("p").casefold() if prefix is not None else ""
    if (gap.group("word") or "").casefold() in _NEEDS_PREFIX and prefix_word not in _BETWEEN:
        return None
    if gap.group("dash") and not (a.digits and b.digits):
        return None
    if prefix is not None and prefix_word not in _BETWEEN:
        lead = text[max(0, a.start - 80) : a.start - len(prefix.group(0))]
        if _CHANGE_VERB.search(lead):
            return None  # "rose from 3,000 to 5,000" is a change, not a range
    low, high = a.value, b.value
    if a.scale == 1 and b.scale > 1 and low < high / b.scale:
        low *= b.scale  # "2 to 3 million"
    if not low < high:
        return None
    start = a.start - len(prefix.group(0)) if prefix is not None else a.start
    return Core(start, b.end, None, low, high, "range", b.scale, a.digits)


_QUALIFIERS: dict[Lang, dict[str, str]] = {
    "en": {
        "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "no more than": "up_to",
        "not more than": "up_to", "at most": "up_to", "a maximum of": "up_to",
        "more than": "more_than", "over": "more_than", "above": "more_than",
        "in excess of": "more_than", "upwards of": "more_than", "exceeding": "more_than",
        "well over": "more_than", "just over": "more_than", "at least": "at_least",
        "no fewer than": "at_least", "no less than": "at_least", "not less than": "at_least",
        "a minimum of": "at_least", "about": "about", "around": "about", "roughly": "about",
        "some": "about", "approximately": "about", "approx.": "about", "an estimated": "about",
        "estimated": "about", "nearly": "about", "almost": "about", "close to": "about",
        "circa": "about", "ca.": "about", "fewer than": "less_than", "less than": "less_than",
        "under": "less_than", "below": "less_than", "just under": "less_than",
        "greater than": "more_than", "larger than": "more_than", "bigger than": "more_than",
        "higher than": "more_than", "smaller than": "less_than", "lower than": "less_than",
        "greater than or equal to": "at_least", "more than or equal to": "at_least",
        "equal to or more than": "at_least", "equal to or greater than": "at_least",
        "less than or equal to": "up_to", "equal to or less than": "up_to",
    },
    "de": {
        "bis zu": "up_to", "höchstens": "up_to", "maximal": "up_to", "nicht mehr als": "up_to",
        "mehr als": "more_than", "über": "more_than", "weit über": "more_than",
        "gut": "more_than", "mindestens": "at_least", "wenigstens": "at_least",
        "zumindest": "at_least", "nicht weniger als": "at_least", "rund": "about",
        "etwa": "about", "ungefähr": "about", "circa": "about", "ca.": "about",
        "zirka": "about", "annähernd": "about", "fast": "about", "beinahe": "about",
        "nahezu": "about", "knapp": "about", "schätzungsweise": "about",
        "weniger als": "less_than", "unter": "less_than", "größer als": "more_than",
        "höher als": "more_than", "kleiner als": "less_than", "niedriger als": "less_than",
    },
    "fr": {
        "jusqu'à": "up_to", "jusqu’à": "up_to", "au plus": "up_to", "au maximum": "up_to",
        "tout au plus": "up_to", "pas plus de": "up_to", "plus de": "more_than",
        "plus d'": "more_than", "plus d’": "more_than", "au-delà de": "more_than",
        "bien plus de": "more_than", "au moins": "at_least", "au minimum": "at_least",
        "pas moins de": "at_least", "environ": "about", "près de": "about",
        "près d'": "about", "près d’": "about", "quelque": "about", "autour de": "about",
        "approximativement": "about", "à peu près": "about", "presque": "about",
        "quasiment": "about", "pas loin de": "about", "moins de": "less_than",
        "moins d'": "less_than", "moins d’": "less_than", "supérieur à": "more_than",
        "supérieure à": "more_than", "supérieurs à": "more_than", "supérieures à": "more_than",
        "inférieur à": "less_than", "inférieure à": "less_than", "inférieurs à": "less_than",
        "inférieures à": "less_than", "supérieur ou égal à": "at_least",
        "inférieur ou égal à": "up_to",
    },
}  # fmt: skip


def _qualifier_re(lang: Lang) -> re.Pattern[str]:
    phrases = sorted(_QUALIFIERS[lang], key=len, reverse=True)
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"[\s\u00a0]+") for p in phrases)
    return re.compile(
        rf"(?<![\w-])(?P<q>{alternatives})(?:(?<=['’])|[\s\u00a0]+|(?<=\.))"
        rf"(?:(?:{_CURRENCY_SIGN})[\s\u00a0]*)?$",
        re.IGNORECASE,
    )


_QUALIFIER_RE = {lang: _qualifier_re(lang) for lang in _QUALIFIERS}
_RATIO_WORDS = re.compile(r"(?i:over|under|above|below|über|unter)$")
ENDS_WITH_NUMBER = re.compile(r"\d[\s\u00a0]*$")


_SYMBOLS = re.compile(r"(?P<q>>=|<=|≥|≤|>|<)[\s\u00a0]*$")
_SYMBOL_QUALIFIERS = {
    ">=": "at_least", "≥": "at_least", "<=": "up_to", "≤": "up_to", ">": "more_than",
    "<": "less_than",
}  # fmt: skip
# "20 or more countries", "500 oder mehr", "20-plus": the qualifier follows the number.
_SUFFIXES: dict[Lang, re.Pattern[str]] = {
    "en": re.compile(
        r"(?:[\s\u00a0]+or[\s\u00a0]+(?:(?P<up>more|greater|above|over)|(?P<down>less|fewer|"
        r"below|under))\b|(?P<plus>-plus\b|\+))",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"(?:[\s\u00a0]+(?:oder|und)[\s\u00a0]+(?:(?P<up>mehr)|(?P<down>weniger))\b"
        r"|(?P<plus>\+))",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"(?:[\s\u00a0]+(?:ou|et)[\s\u00a0]+(?:(?P<up>plus)|(?P<down>moins))\b(?![\s\u00a0]+d)"
        r"|(?P<plus>\+))",
        re.IGNORECASE,
    ),
}


def _prefix_qualifier(core: Core, text: str, lang: Lang) -> tuple[int, str] | None:
    """(start, qualifier) of a qualifier written right before the number."""
    window = text[max(0, core.start - 40) : core.start]
    m = _QUALIFIER_RE[lang].search(window) or _SYMBOLS.search(window)
    if m is None:
        return None
    if _RATIO_WORDS.match(m.group("q")) and ENDS_WITH_NUMBER.search(window[: m.start("q")]):
        return None  # "1 over 3", "5 unter 10": a ratio or a comparison, not a bound
    key = re.sub(r"[\s\u00a0]+", " ", m.group("q").casefold())
    found = _QUALIFIERS[lang].get(key) or _SYMBOL_QUALIFIERS[key]
    return core.start - (len(window) - m.start("q")), found


def qualify(core: Core, text: str, lang: Lang) -> NumberMatch:
    start, end, qualifier = core.start, core.end, core.qualifier
    value, low, high = core.value, core.min, core.max
    if core.qualifier == "range":
        return NumberMatch(start, end, text[start:end], value, low, high, qualifier)
    found = None
    prefix = _prefix_qualifier(core, text, lang)
    if prefix is not None:
        start, found = prefix
    suffix = _SUFFIXES[lang].match(text, core.end)
    if suffix is not None and found in (None, "about"):
        end, found = suffix.end(), "up_to" if suffix.group("down") else "at_least"
    if found is None:
        pass
    elif core.qualifier == "vague":
        if found in ("up_to", "less_than"):
            qualifier, low = found, None
        elif found in ("more_than", "at_least"):
            qualifier, high = found, None
    else:
        qualifier = found
        if found in ("up_to", "less_than"):
            high = value
        elif found in ("more_than", "at_least"):
            low = value
    return NumberMatch(start, end, text[start:end], value, low, high, qualifier)


_BOUND_JOIN = re.compile(
    r"[\s\u00a0]*,?[\s\u00a0]*(?:and|but|und|aber|et|mais)?[\s\u00a0]*", re.IGNORECASE
)
_LOWER = ("more_than", "at_least")
_UPPER = ("up_to", "less_than")


def join_bounds(matches: list[NumberMatch], text: str) -> list[NumberMatch]:
    """Join a lower and an upper bound: "more than 10 and less than 40" is one range."""
    out: list[NumberMatch] = []
    for m in matches:
        prev = out[-1] if out else None
        if prev is None or not _BOUND_JOIN.fullmatch(text[prev.end : m.start]):
            out.append(m)
            continue
        pair = {prev.qualifier, m.qualifier}
        lower = prev if prev.qualifier in _LOWER else m if m.qualifier in _LOWER else None
        upper = prev if prev.qualifier in _UPPER else m if m.qualifier in _UPPER else None
        joined = text[prev.end : m.start].strip(" ,\u00a0")
        if lower is None or upper is None or len(pair) != 2 or not joined:
            out.append(m)
            continue
        if lower.min is None or upper.max is None or not lower.min < upper.max:
            out.append(m)
            continue
        out[-1] = NumberMatch(
            prev.start, m.end, text[prev.start : m.end], None, lower.min, upper.max, "range"
        )
    return out
