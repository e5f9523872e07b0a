"""The phrase tables of ``boilerplate_patterns.toml`` and the regex pieces several rules share."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from storyline.ingest.boilerplate_lines import normalise

PATTERNS_FILE = "boilerplate_patterns.toml"


@dataclass(frozen=True)
class Rules:
    phrases: dict[str, tuple[str, bool]]  # normalised phrase -> (reason, strong)
    longest_phrase: int  # in words, bounds the greedy cover of widget lines
    teaser_prefix: re.Pattern[str]
    agency_tags: dict[str, str]  # casefolded tag -> canonical name
    agency_names: dict[str, str]
    social_link: re.Pattern[str]
    photo_agencies: frozenset[str]
    timestamp_words: frozenset[str]  # every word of a timestamp line is one of these
    contact_headings: frozenset[str]


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = resources.files("storyline.ingest").joinpath(PATTERNS_FILE).read_text("utf-8")
    data = tomllib.loads(raw)
    phrases: dict[str, tuple[str, bool]] = {}
    for reason, table in data["phrases"].items():
        for phrase in table.get("weak", []):
            phrases[normalise(phrase)] = (reason, False)
        for phrase in table.get("strong", []):
            phrases[normalise(phrase)] = (reason, True)
    prefixes = sorted(data["phrases"]["teaser"]["prefixes"], key=len, reverse=True)
    hosts = "|".join(re.escape(h) for h in data["social"]["hosts"])
    social_link = re.compile(
        rf"(?:https?://)?(?:www\.)?(?:(?:{hosts})/\S+"
        r"|(?:mobile\.)?(?:twitter|x)\.com/\w+/status/\d+\S*"
        r"|instagram\.com/(?:p|reel)/\S+|tiktok\.com/@[\w.]+/video/\S+"
        r"|bsky\.app/profile/\S+/post/\S+)",
        re.IGNORECASE,
    )
    return Rules(
        phrases=phrases,
        longest_phrase=max(len(p.split()) for p in phrases),
        teaser_prefix=re.compile(
            "^(?:"
            + "|".join(re.escape(p) for p in prefixes)
            + r")(?:\s*[:|›»>→]|\s+[–—-])\s*(?P<rest>.+)$"
        ),
        agency_tags={k.casefold(): v for k, v in data["agencies"]["tags"].items()},
        agency_names={k.casefold(): v for k, v in data["agencies"]["names"].items()},
        social_link=social_link,
        photo_agencies=frozenset(a.casefold() for a in data["photo"]["agencies"]),
        timestamp_words=frozenset(w.casefold() for w in data["timestamp"]["words"]),
        contact_headings=frozenset(normalise(h) for h in data["contact"]["headings"]),
    )


# ---------------------------------------------------------------------------------------
# shared regex pieces

UPPER = "A-ZÀ-ÖØ-ÞČŠŽŁ"
# Two to four capitalised name parts, with lowercase particles (de, von, van, le ...).
NAME = (
    rf"[{UPPER}][\w'’.-]+(?:\s+(?:(?:de|du|des|von|van|der|den|le|la|da|di|del|dos|ter)\s+)?"
    rf"[{UPPER}][\w'’.-]+){{1,3}}"
)
QUOTE_CHARS = re.compile('["„“”«»‚‘]')
# Attribution (a speech verb or "according to") marks a sentence about events, which no
# notice or bio contains. "reported" is left out: bios say "has reported from Korvin".
REPORTING = re.compile(
    r"\b(?:said|says|told|according to|announced|stated|added|noted|explained|insisted"
    r"|sagte|sagt|erklärte|erklärt|teilte|betonte|laut|zufolge|fügte|so der|so die"
    r"|a déclaré|a dit|déclare|a affirmé|affirme|a annoncé|selon|a indiqué|a précisé"
    r"|a rappelé|a ajouté|a souligné|a expliqué|a confié|a-t-il|a-t-elle)\b",
    re.IGNORECASE,
)
# Quoted button or newsletter names („Alle akzeptieren“, »Rundschau Welt«) are short; a
# longer quotation means the line reports what someone said.
LONG_QUOTE = re.compile(r"[\"„“”«»‚‘][^\"„“”«»‚‘]{40,}[\"„“”«»‚‘]")
MONTH = (
    r"(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch)?|märz|mars|apr(?:il)?"
    r"|avr(?:il)?|may|mai|jun(?:e|i)?|juin|jul(?:y|i)?|juil(?:let)?|aug(?:ust)?|août"
    r"|sep(?:t(?:ember|embre)?)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?"
    r"|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?)\.?"
)
DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{MONTH}\s+\d{{4}}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})"
)
