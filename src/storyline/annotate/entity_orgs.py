"""Discovery of organisations the knowledge base does not know.

Two kinds, both cheap and conservative:
- a government ministry next to the country it belongs to ("the Quellan Foreign Ministry",
  "des quellanischen Außenministeriums", "le ministère de la Défense de la Drovénie"). Its id
  is built from the country and the portfolio (``org:disc-xqu-foreign-ministry``), so the same
  ministry gets the same id in every language. Without a country a ministry stays unnamed:
  "the Foreign Ministry" alone could be anyone's.
- a capitalised name built around an organisation noun: "Kiel Institute for the World
  Economy", "Deutsche Bundesbank", "Bundesverfassungsgericht", "Parti socialiste",
  "Banque de France".
"""

from __future__ import annotations

import re
from bisect import bisect_left

from storyline.annotate.entity_discovery import NOT_NAME, Discovered
from storyline.annotate.entity_text import Token, sentence_start, words
from storyline.document import EntityMention
from storyline.kb.model import slug

_PORTFOLIO = {
    "foreign": "foreign",
    "foreign affairs": "foreign",
    "affaires étrangères": "foreign",
    "außen": "foreign",
    "aussen": "foreign",
    "auswärtig": "foreign",
    "defence": "defence",
    "defense": "defence",
    "défense": "defence",
    "armées": "defence",
    "verteidigungs": "defence",
    "interior": "interior",
    "intérieur": "interior",
    "innen": "interior",
    "finance": "finance",
    "finances": "finance",
    "finanz": "finance",
    "economy": "economy",
    "économie": "economy",
    "wirtschafts": "economy",
    "justice": "justice",
    "justiz": "justice",
    "health": "health",
    "santé": "health",
    "gesundheits": "health",
}
_MINISTRY = re.compile(
    r"\b(?:(?P<en>Foreign|Defen[cs]e|Interior|Finance|Economy|Justice|Health) Ministry"
    r"|Ministry of (?:the )?(?P<en2>Foreign Affairs|Defen[cs]e|Interior|Finance|Economy|Justice"
    r"|Health)"
    r"|(?P<de>Außen|Aussen|Verteidigungs|Innen|Finanz|Wirtschafts|Justiz|Gesundheits)"
    r"ministeri(?:um|ums)"
    r"|(?P<de2>Auswärtig)e[ns]? Amt(?:e?s)?"
    r"|[Mm]inistère(?: \w+)? (?:des |de la |de l['’])"
    r"(?P<fr>Affaires étrangères|Défense|Armées|Intérieur|Économie|Finances|Justice|Santé))\b"
)
_BEFORE = re.compile(r"^(?:['’]s)?\s+(?:[a-zäöüß]+\s+)?$")  # "Quellan's Foreign Ministry"
_AFTER = re.compile(r"^\s+(?:of\s+(?:the\s+)?|de\s+la\s+|du\s+|de\s+l['’]|de\s+|d['’])?$")


def ministry_label(entity_id: str) -> str | None:
    """'org:disc-xqu-foreign-ministry' -> 'Foreign Ministry' (None for other ids)."""
    m = re.fullmatch(r"org:disc-[a-z0-9]+-([a-z]+)-ministry", entity_id)
    return f"{m[1].capitalize()} Ministry" if m else None


def _adjacent_country(text: str, mentions: list[EntityMention], a: int, b: int) -> str | None:
    for m in mentions:
        if m.type != "country" or not m.entity:
            continue
        if m.end <= a and a - m.end < 40 and _BEFORE.match(text[m.end : a]):
            return m.entity
        if a <= m.start and m.end <= b:
            return m.entity  # "ministère quellanais des Affaires étrangères"
        if m.start >= b and m.start - b < 12 and _AFTER.match(text[b : m.start]):
            return m.entity
    return None


def discover_ministries(text: str, mentions: list[EntityMention]) -> list[Discovered]:
    found = []
    for m in _MINISTRY.finditer(text):
        key = next(v for v in m.groupdict().values() if v).lower()
        country = _adjacent_country(text, mentions, m.start(), m.end())
        if country is None:
            continue
        portfolio = _PORTFOLIO[key]
        code = country.split(":", 1)[1].lower()
        label = f"{portfolio.capitalize()} Ministry"
        found.append(
            Discovered(
                m.start(),
                m.end(),
                label,
                "organization",
                f"org:disc-{code}-{portfolio}-ministry",
                country=country,
            )
        )
    return found


# Nouns that make a capitalised phrase an organisation's name.
_HEADS_EN = words(
    """institute foundation university party agency bank corporation company association federation
    committee commission movement front alliance fund centre center academy society league
    network trust authority inc ltd corp plc gmbh ag"""
)
_HEADS_FR = words(
    """institut fondation université parti banque agence comité fédération association mouvement
    groupe syndicat académie centre"""
)
_DE_COMPOUND = re.compile(
    r"bundes\w*(?:amt|anstalt|bank|gericht|gerichtshof|agentur|wehr|dienst|rat|tag|regierung"
    r"|verband|institut)"
)
_DE_HEADS = words(
    """institut stiftung universität partei bank gewerkschaft verband akademie agentur behörde
    konzern gruppe"""
)
_LINKS = frozenset({"of", "for", "für", "de", "du", "des", "d'", "d’", "the", "la", "l'", "l’"})
_FR_ADJ = re.compile(r"(?:al|ale|aux|ique|ien|ienne|ais|aise|iste|el|elle|if|ive|ain|aine)$")


def _cap_word(tok: Token, mentioned: set[int], i: int) -> bool:
    return (
        tok.is_cap
        and tok.text[:1].isalpha()
        and i not in mentioned
        and tok.text.lower() not in NOT_NAME
    )


def discover_organisations(
    text: str, tokens: list[Token], mentions: list[EntityMention]
) -> list[Discovered]:
    starts = [t.start for t in tokens]
    mentioned: set[int] = set()
    for m in mentions:
        i = bisect_left(starts, m.start)
        while i < len(tokens) and tokens[i].start < m.end:
            mentioned.add(i)
            i += 1
    found: list[Discovered] = []
    for i, tok in enumerate(tokens):
        low = tok.text.lower()
        if i in mentioned or not tok.is_cap:
            continue
        a = b = i  # token range [a, b] of the name
        if _DE_COMPOUND.fullmatch(low) and len(low) > 9:
            pass  # "Bundesverfassungsgericht": one word is enough
        elif low in _HEADS_EN or low in _DE_HEADS:
            while a > 0 and i - a < 4 and _cap_word(tokens[a - 1], mentioned, a - 1):
                if sentence_start(text, tokens[a - 1].start) and a - 1 < i - 1:
                    break
                a -= 1
            b = _extend_links(tokens, i, mentioned)
            if a == i and b == i:
                continue
        elif low in _HEADS_FR and not sentence_start(text, tok.start):
            b = _extend_links(tokens, i, mentioned)
            if (
                b == i
                and i + 1 < len(tokens)
                and _FR_ADJ.search(tokens[i + 1].text)
                and tokens[i + 1].text[:1].islower()
            ):
                b = i + 1  # "Parti socialiste", "Front national"
            if b == i:
                continue
        else:
            continue
        if tokens[a].text.lower() in ("the", "der", "die", "das", "le", "la", "les"):
            a += 1
        start, end = tokens[a].start, tokens[b].end
        name = text[start:end]
        if "\n" in name:
            continue
        found.append(Discovered(start, end, name, "organization", f"org:disc-{slug(name)}"))
    return found


def _extend_links(tokens: list[Token], i: int, mentioned: set[int]) -> int:
    """Extend a head over "of the World Economy" / "für Weltwirtschaft" / "de France"."""
    b, j = i, i + 1
    saw_link = False
    while j < len(tokens) and j - i <= 6:
        low = tokens[j].text.lower()
        if low in _LINKS and tokens[j].start - tokens[j - 1].end <= 1:
            saw_link = True
            j += 1
            continue
        if saw_link and tokens[j].is_cap and tokens[j].text[:1].isalpha():
            b = j
            j += 1
            continue
        break
    return b
