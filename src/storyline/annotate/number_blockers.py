"""What looks like a number but is no amount: dates, years, times, ordinals, phone numbers,
article and resolution numbers, model names and "one of the"."""

from __future__ import annotations

import re

from storyline.annotate.number_core import Core, Lang

_MONTHS = {
    "en": "January|February|March|April|May|June|July|August|September|October|November|"
    "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec",
    "de": "Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|"
    "November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez",
    "fr": "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre|janv|févr|avr|juil|sept|oct|nov|déc",
}
_BLOCKED_ALL = [
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b",  # 17.05.2018, 5/17/2018, 2024-03-16
    r"\b\d{1,3}(?:\.\d{1,3}){3}\b",  # 192.168.1.2
    r"\b(?:19|20)\d{2}\s?[-–/]\s?(?:(?:19|20)\d{2}|\d{2})\b(?![.,]\d)",  # 2023-24
    r"(?<![\w])\+\d[\d \-/().]{5,}\d",  # phone numbers
    r"\b\d{1,2}[:h]\d{2}\b",  # 14:30, 14h30
    r"(?<![\w-])[A-Za-z]{1,6}-\d+",  # F-35, COVID-19, mid-2024
    r"\b\d{1,2}(?:[.:]\d{2})?\s*Uhr\b",
    r"\b\d{1,2}\s*o['’]clock\b",
]
_BLOCKED: dict[Lang, list[str]] = {
    "en": [
        r"\b\d+(?:st|nd|rd|th)\b",
        # "twenty-fifth": an ordinal, not twenty fifths
        r"(?i:\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+"
        r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b)",
        r"\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b)",  # 2 pm
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS['en']})\b",
        rf"\b(?:{_MONTHS['en']})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",
        rf"\b(?:{_MONTHS['en']})\s+\d{{4}}\b",
    ],
    "de": [
        rf"\b\d{{1,2}}\.\s*(?:{_MONTHS['de']})\b",
        rf"\b(?:{_MONTHS['de']})\s+\d{{4}}\b",
        r"(?i:\b(?:der|die|das|dem|den|des|am|im|zum|zur|vom|beim))\s+\d{1,3}\.(?=\s)",
        r"\b\d{1,3}\.(?=\s+[a-zäöü])",  # "die 3. größte", "zum 2. Mal" is above
        r"\b\d{1,2}\s*h\b",
    ],
    "fr": [
        r"\b\d+(?:er|re|e|ème|eme|ᵉ|è)\b",
        r"(?i:\b(?:vingt|trente|quarante|cinquante|soixante|septante|huitante|octante|nonante|"
        r"cent|mille)(?:[\s-]+et)?[\s-]+[^\W\d_]*i[eè]me\b)",  # vingt-cinquième
        rf"\b(?:1er|\d{{1,2}})\s+(?:{_MONTHS['fr']})\b",
        rf"(?i:\b(?:{_MONTHS['fr']}))\s+\d{{4}}\b",
        r"\b\d{1,2}\s*h(?:\s*\d{2})?\b",
    ],
}
# Each pattern runs on its own: "16 March 2026" must block both the day and the year.
BLOCKED_RE: dict[Lang, list[re.Pattern[str]]] = {
    lang: [re.compile(p) for p in _BLOCKED_ALL + extra] for lang, extra in _BLOCKED.items()
}


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Four-digit numbers in this span can be years; older years are rare in news and counts
# like "1500 Soldaten" are not.
_YEARS = (1900, 2099)
# Words after which a four-digit number is a year.
_YEAR_BEFORE: dict[Lang, frozenset[str]] = {
    "en": _words(
        "in since until till by from of during before after year years fiscal early late mid "
        "spring summer autumn fall winter circa"
    ),
    "de": _words(
        "im in seit bis von ab vor nach jahr jahres jahre jahren anfang ende mitte frühjahr "
        "sommer herbst winter"
    ),
    "fr": _words(
        "en depuis jusqu année an dès avant après début fin mi printemps été automne hiver vers"
    ),
}
# Numbers that are labels: "Article 5", "Resolution 2334", "S. 5", "No. 10".
_REFERENCE = re.compile(
    r"(?:\b(?i:articles?|art|artikel|resolutions?|résolutions?|section|sections|paragraphs?|"
    r"paragraphes?|absatz|abs|chapters?|chapitres?|kapitel|numbers?|nummer|numéro|pages?|seite|"
    r"flights?|flug|vol|route|highway|autobahn|version|room|platform|gleis|lines?|linie|ligne|"
    r"exit|ausfahrt|sortie|items?|points?|punkt|alinéa|annex|anhang|annexe|protocols?|"
    r"protokoll|rules?|regel|règle|levels?|stufe|niveau|phase|stage|category|kategorie|"
    r"catégorie|class|klasse|classe|code|ziffer|title|titel|titre|volume|tome|episode|folge|"
    r"season|staffel|saison|tranche|lot|bus|zone|sector|sektor|secteur|district|bezirk|"
    r"arrondissement|nr|types?|typ|models?|modell|modèle|series|serie|série|block|mk)\.?"
    r"|(?<![\w.])(?:No|Nos|Nr|S|p|pp|no|nr)\.|\bNo|[#§№°])[\s\u00a0]*$"
)
_YEAR_PAIR = re.compile(
    r"\b(?:19|20)\d{2}[\s\u00a0]+(?:to|and|through|bis|und|à|au|et)[\s\u00a0]+$"
)
_YEAR_PAIR_AFTER = re.compile(
    r"[\s\u00a0]+(?:to|and|through|bis|und|à|au|et)[\s\u00a0]+(?:19|20)\d{2}\b(?![.,]?\d)"
)
_ONE_BEFORE = _words("no the this that which any every each another a such")
_ONE_AFTER = _words("of another by after")
_COUNTING_DE = _words("nur lediglich genau bloß bloss gerade")


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([^\W\d_]+)['’]?[\s\u00a0]*$", text[max(0, start - 30) : start])
    return m.group(1).casefold() if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"[\s\u00a0]*([^\W\d_]+)", text[end : end + 30])
    return m.group(1).casefold() if m else ""


def keep(core: Core, text: str, lang: Lang) -> bool:
    before = text[max(0, core.start - 40) : core.start]
    if core.digits and _REFERENCE.search(before):
        return False
    prev, nxt = _prev_word(text, core.start), _next_word(text, core.end)
    if core.article:
        if lang == "de":
            return prev in _COUNTING_DE or nxt.startswith("einzig")
        return nxt in ("seul", "seule")
    if lang == "fr" and core.first_word in ("cent", "cents") and prev == "pour":
        return False  # "pour cent" is the percent sign
    if core.plain and core.value is not None and _YEARS[0] <= core.value <= _YEARS[1]:
        if prev in _YEAR_BEFORE[lang] or re.fullmatch(_MONTHS[lang], prev, re.IGNORECASE):
            return False
        if re.match(rf"\s*(?:{_MONTHS[lang]})\b", text[core.end :]):
            return False
        if _YEAR_PAIR.search(before) or _YEAR_PAIR_AFTER.match(text, core.end):
            return False
        if before.endswith("(") and text[core.end : core.end + 1] == ")":
            return False
    if lang == "en" and core.first_word == "one" and core.value == 1:
        if prev in _ONE_BEFORE or nxt in _ONE_AFTER:
            return False
        if re.match(r"-[^\W\d_]", text[core.end : core.end + 2]):
            return False  # one-sided, one-off
    return True
