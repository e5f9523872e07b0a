"""Remove page clutter (share bars, teasers, credits, notices) from pasted news text.

The unit is the line: text copied from a web page keeps each widget label, credit or teaser
on a line of its own, while article prose comes in paragraph lines. Each line is classified
by rules (phrase tables in ``boilerplate_patterns.toml`` plus the patterns below) using a few
features: length in words, punctuation, position in the article, and what the neighbouring
lines are. Ambiguous evidence ("X", "OK", a short bio-like sentence) only counts when the
neighbourhood agrees, because dropping a real sentence is worse than keeping a stray label.

Wire tags and source lines say where the copy came from; they are removed from the text but
reported in ``BoilerplateResult.provenance`` together with tags found in kept datelines
("SELMONT (MERIDIAN) –"), timestamps and bylines.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TypeVar

from storyline.document import RemovedLine

PATTERNS_FILE = "boilerplate_patterns.toml"

_T = TypeVar("_T")


@dataclass(frozen=True)
class BoilerplateResult:
    text: str  # kept lines joined (before tidy_text)
    removed: tuple[RemovedLine, ...]  # offsets into the INPUT text
    provenance: tuple[tuple[str, str], ...]  # ("wire_tag", "AFP"), ("source_line", "Reuters")


# ---------------------------------------------------------------------------------------
# limits (why each number is what it is)

# Widget labels, credits and tags are short; a line longer than this is article prose or a
# caption, whatever words it contains.
MAX_LABEL_WORDS = 12
# A teaser headline rarely runs past 18 words; a longer line after a teaser heading is prose.
MAX_HEADLINE_WORDS = 18
# Related-article lists on news pages hold three to six items (contact blocks: address,
# phone, mail); eight leaves room, and the bound keeps a missed end of block from eating
# the article.
MAX_BLOCK_ITEMS = 8
# Newsletter prompts and cookie notices can be a few sentences long; beyond this a line is
# an article paragraph that happens to talk about newsletters or cookies.
MAX_NOTICE_WORDS = 80
# Bios are one to three sentences.
MAX_BIO_WORDS = 90
# A bio is only believed right under the title (byline area: title, byline, bio) or in the
# last two lines (sign-off, then perhaps a contact line): the same sentence shape anywhere
# else describes a person in the news.
BIO_TOP_LINES = 3
BIO_BOTTOM_LINES = 2
# Bylines, bare timestamps and mastheads sit in the first lines of an article (title
# included); five leaves room for a kicker and a standfirst.
BYLINE_WINDOW = 5
# Neighbour search for context rules skips at most this many blank lines.
MAX_BLANK_GAP = 1

# ---------------------------------------------------------------------------------------
# the pattern data


@dataclass(frozen=True)
class _Rules:
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
def _rules() -> _Rules:
    raw = resources.files("storyline.ingest").joinpath(PATTERNS_FILE).read_text("utf-8")
    data = tomllib.loads(raw)
    phrases: dict[str, tuple[str, bool]] = {}
    for reason, table in data["phrases"].items():
        for phrase in table.get("weak", []):
            phrases[_normalise(phrase)] = (reason, False)
        for phrase in table.get("strong", []):
            phrases[_normalise(phrase)] = (reason, True)
    prefixes = sorted(data["phrases"]["teaser"]["prefixes"], key=len, reverse=True)
    hosts = "|".join(re.escape(h) for h in data["social"]["hosts"])
    social_link = re.compile(
        rf"(?:https?://)?(?:www\.)?(?:(?:{hosts})/\S+"
        r"|(?:mobile\.)?(?:twitter|x)\.com/\w+/status/\d+\S*"
        r"|instagram\.com/(?:p|reel)/\S+|tiktok\.com/@[\w.]+/video/\S+"
        r"|bsky\.app/profile/\S+/post/\S+)",
        re.IGNORECASE,
    )
    return _Rules(
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
        contact_headings=frozenset(_normalise(h) for h in data["contact"]["headings"]),
    )


# ---------------------------------------------------------------------------------------
# lines


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str  # exactly as in the input, without the newline
    first: bool  # the first non-blank line: the title of a pasted article
    stripped: str
    norm: str  # see _normalise
    words: int


@dataclass(frozen=True)
class _Verdict:
    reason: str
    strong: bool = True  # weak: only removed when a neighbour is clutter too
    provenance: tuple[tuple[str, str], ...] = ()
    opens_block: str | None = None  # reason given to the short lines listed under it
    bio_candidate: bool = False  # needs the position check
    social_attribution: bool = False  # "— Name (@handle) date": the post text is above
    bio_heading: bool = False


_DECORATION = set("•·|>›»<‹«→←↗↘▶►▸▹■□●○◆◇★☆✓✔✕✖×+*#~=_-–—:;.,!…/\\\"'“”„")
_WHITESPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([?!:;])")


def _normalise(text: str) -> str:
    """Case-folded line without edge decoration, for comparing with the phrase tables."""
    s = _WHITESPACE.sub(" ", text.replace("’", "'").replace("‘", "'")).strip()
    start, end = 0, len(s)
    while start < end and _is_decoration(s[start]):
        start += 1
    while end > start and _is_decoration(s[end - 1]):
        end -= 1
    return _SPACE_BEFORE_PUNCT.sub(r"\1", s[start:end]).casefold()


def _is_decoration(char: str) -> bool:
    # Emoji and pictographs (So/Sk) are icons on buttons ("🔗 Link kopieren").
    return char in _DECORATION or char.isspace() or unicodedata.category(char) in {"So", "Sk"}


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    seen_content = False
    for part in text.split("\n"):
        stripped = part.strip()
        lines.append(
            _Line(
                start=offset,
                end=offset + len(part),
                text=part,
                first=bool(stripped) and not seen_content,
                stripped=stripped,
                norm=_normalise(stripped),
                words=len(stripped.split()),
            )
        )
        offset += len(part) + 1
        seen_content = seen_content or bool(stripped)
    return lines


# ---------------------------------------------------------------------------------------
# shared regex pieces

_UPPER = "A-ZÀ-ÖØ-ÞČŠŽŁ"
# Two to four capitalised name parts, with lowercase particles (de, von, van, le ...).
_NAME = (
    rf"[{_UPPER}][\w'’.-]+(?:\s+(?:(?:de|du|des|von|van|der|den|le|la|da|di|del|dos|ter)\s+)?"
    rf"[{_UPPER}][\w'’.-]+){{1,3}}"
)
_QUOTE_CHARS = re.compile('["„“”«»‚‘]')
# Attribution (a speech verb or "according to") marks a sentence about events, which no
# notice or bio contains. "reported" is left out: bios say "has reported from Korvin".
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|announced|stated|added|noted|explained|insisted"
    r"|sagte|sagt|erklärte|erklärt|teilte|betonte|laut|zufolge|fügte|so der|so die"
    r"|a déclaré|a dit|déclare|a affirmé|affirme|a annoncé|selon|a indiqué|a précisé"
    r"|a rappelé|a ajouté|a souligné|a expliqué|a confié|a-t-il|a-t-elle)\b",
    re.IGNORECASE,
)
# Quoted button or newsletter names („Alle akzeptieren“, »Rundschau Welt«) are short; a
# longer quotation means the line reports what someone said.
_LONG_QUOTE = re.compile(r"[\"„“”«»‚‘][^\"„“”«»‚‘]{40,}[\"„“”«»‚‘]")
_MONTH = (
    r"(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch)?|märz|mars|apr(?:il)?"
    r"|avr(?:il)?|may|mai|jun(?:e|i)?|juin|jul(?:y|i)?|juil(?:let)?|aug(?:ust)?|août"
    r"|sep(?:t(?:ember|embre)?)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?"
    r"|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?)\.?"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})"
)

# ---------------------------------------------------------------------------------------
# per-line rules, each returning a verdict or None


def _phrase_rule(line: _Line, rules: _Rules) -> _Verdict | None:
    if line.norm in rules.contact_headings:
        return _Verdict("other", opens_block="other")
    hit = rules.phrases.get(line.norm)
    if hit is not None:
        reason, strong = hit
        return _Verdict(
            reason,
            strong=strong,
            opens_block="teaser" if reason == "teaser" else None,
            bio_heading=reason == "author_bio",
        )
    return _widget_row(line, rules)


_ROW_SEPARATORS = re.compile(r"\s*[|•·/,:]\s*|\s{2,}|\t")


def _widget_row(line: _Line, rules: _Rules) -> _Verdict | None:
    """A row of labels: "Facebook X WhatsApp E-Mail", "Teilen | Merken", "Impressum · AGB"."""
    if line.words > MAX_LABEL_WORDS or not line.norm:
        return None
    reasons: list[tuple[str, bool]] = []
    for chunk in _ROW_SEPARATORS.split(line.norm):
        covered = _cover(chunk.split(), rules)
        if covered is None:
            return None
        reasons.extend(covered)
    if len(reasons) < 2:
        return None
    strong_reasons = [reason for reason, strong in reasons if strong]
    return _Verdict(strong_reasons[0] if strong_reasons else reasons[0][0])


def _cover(tokens: list[str], rules: _Rules) -> list[tuple[str, bool]] | None:
    """Greedy longest-first cover of ``tokens`` by known phrases, or None if a gap remains."""
    found: list[tuple[str, bool]] = []
    i = 0
    while i < len(tokens):
        for size in range(min(rules.longest_phrase, len(tokens) - i), 0, -1):
            hit = rules.phrases.get(_normalise(" ".join(tokens[i : i + size])))
            if hit is not None:
                found.append(hit)
                i += size
                break
        else:
            return None
    return found


_AGENCY_SPLIT = re.compile(r"\s*(?:/|,|;|\+|&|\|)\s*|\s+(?:and|und|et)\s+", re.IGNORECASE)
# Editor initials and dpa regional services ("dpa/lnw", "rtr/jbr"): lowercase, 2-4 letters.
_INITIALS = re.compile(r"[a-zäöüß]{2,4}")
_PAREN_CAPS_TAG = re.compile(rf"\(([{_UPPER}]{{2,10}})\)\.?")
_DPA_INFOCOM = re.compile(r"^(?:©\s*)?dpa-infocom\b", re.IGNORECASE)
_BY_AGENCY = re.compile(r"^(?:by|von|par|from)\s+(?P<rest>.+?)(?:\s+(?:staff|redaktion))?$", re.I)


def _agencies_in(text: str, rules: _Rules) -> list[str] | None:
    """Canonical agencies if ``text`` is nothing but agency tags (and initials), else None."""
    text = text.strip().strip("().[]").strip()
    if not text:
        return None
    found: list[str] = []
    for part in _AGENCY_SPLIT.split(text):
        key = part.strip().casefold()
        if key in rules.agency_tags:
            found.append(rules.agency_tags[key])
        elif key in rules.agency_names:
            found.append(rules.agency_names[key])
        elif _INITIALS.fullmatch(part.strip()):
            continue
        else:
            return None
    return found or None


def _wire_tag_rule(line: _Line, rules: _Rules) -> _Verdict | None:
    if line.words > 6:
        return None
    agencies = _agencies_in(line.stripped, rules)
    if agencies is None:
        by = _BY_AGENCY.match(line.stripped)
        agencies = _agencies_in(by.group("rest"), rules) if by else None
    if agencies is None and _DPA_INFOCOM.match(line.stripped):
        agencies = ["dpa"]
    if agencies is None:
        # An unknown agency in the standard tag form "(XYZ)" alone on a line.
        caps = _PAREN_CAPS_TAG.fullmatch(line.stripped)
        agencies = [caps.group(1)] if caps else None
    if agencies is None:
        return None
    return _Verdict("wire_tag", provenance=tuple(("wire_tag", a) for a in _unique(agencies)))


# A verb after "Sources:" makes it a headline ("Sources: Sox May Not Be Out Of ...") or a
# sentence; a source credit is a list of names.
_VERB_HINT = re.compile(
    r"\b(?:may|might|will|would|could|should|is|are|was|were|has|have|had|says|said|to"
    r"|soll|sollen|wird|werden|ist|sind|hat|haben|sagt|aurait|serait|va|est|sont|a)\b",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(r"^(?:sources?|quellen?|via)\s*:\s*(?P<value>.+?)\s*\.?$", re.I)
# Agency credits: "Mit Material von dpa und AFP", "Avec AFP", "With agencies".
_AGENCY_CREDIT = re.compile(
    r"^\(?(?:mit material (?:von|der|des)(?: nachrichtenagenturen?)?|mit agenturmaterial"
    r"|mit informationen (?:von|der)|material|avec(?: l'| les| la)?|with(?: additional)?"
    r"(?: reporting| material)?(?: from| by)?|with)\s*:?\s*(?P<value>.*?)\)?\.?$",
    re.IGNORECASE,
)
_GENERIC_AGENCIES = re.compile(
    r"(?:agencies|agences|agenturen|wires|wire services|news agencies|nachrichtenagenturen)",
    re.IGNORECASE,
)
_OUTLET_WITH_AGENCY = re.compile(
    rf"^(?P<outlet>[{_UPPER}][^.!?:]{{1,50}}?)\s+(?:avec|mit|with)\s+(?P<agencies>[^.!?]{{2,40}})\.?$"
)
_CREDIT_LINE = re.compile(
    r"^\(?(?:(?:additional )?reporting by|writing by|editing by|compiled by|produced by"
    r"|mitarbeit|redaktion|bearbeitung|rédaction|édition|avec la collaboration de)"
    r"\b\s*:?\s*(?P<value>[^\n]{2,200}?)\)?$",
    re.IGNORECASE,
)


def _source_rule(line: _Line, rules: _Rules) -> _Verdict | None:
    # A title may start "Sources: ..." ("Sources: minister to resign"); credits never open a page.
    if line.first or _QUOTE_CHARS.search(line.stripped):
        return None
    source = _SOURCE_LINE.match(line.stripped)
    if source:
        value = source.group("value")
        if (
            len(value.split()) <= 8
            and not re.search(r"[.!?]\s+\S", value)
            and not _VERB_HINT.search(value)
        ):
            return _Verdict("source_line", provenance=(("source_line", value),))
    credit = _AGENCY_CREDIT.match(line.stripped)
    if credit and line.words <= MAX_LABEL_WORDS:
        value = credit.group("value")
        agencies = _agencies_in(_GENERIC_AGENCIES.sub("", value).strip(" ,"), rules)
        if agencies:
            return _Verdict(
                "source_line", provenance=tuple(("wire_tag", a) for a in _unique(agencies))
            )
        if _GENERIC_AGENCIES.fullmatch(value.strip()):
            return _Verdict("source_line")
    # "La Voix de Castelbrun avec AFP", "Rundschau am Abend mit dpa"
    with_agency = _OUTLET_WITH_AGENCY.match(line.stripped)
    if with_agency and line.words <= MAX_LABEL_WORDS:
        agencies = _agencies_in(with_agency.group("agencies"), rules)
        if agencies:
            outlet = ("source_line", with_agency.group("outlet").strip())
            wires = tuple(("wire_tag", a) for a in _unique(agencies))
            return _Verdict("source_line", provenance=(outlet, *wires))
    credit = _CREDIT_LINE.match(line.stripped)
    if credit and line.words <= 30 and not _REPORTING.search(line.stripped):
        return _Verdict("other", provenance=(("credit", credit.group("value").strip()),))
    return None


_PHOTO_LABEL = re.compile(
    r"^\(?(?:photos?|photograph|fotos?|bild(?:er)?|images?|pictures?|pics?|credits?|crédits?"
    r"|crédit photo|photo credit|image credit|bildquelle|fotoquelle|illustration|grafik"
    r"|graphic|infographic|infographie|infografik|chart|graphique|karte|carte|map"
    r"|titelbild|symbolbild|lead image)"
    r"\s*:\s*(?P<value>[^\n]{1,120}?)\)?\.?$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)\s*(?P<value>.+)$", re.IGNORECASE)
_RIGHTS = re.compile(
    r"\b(?:19|20)\d\d\b|all rights reserved|alle rechte vorbehalten|tous droits réservés",
    re.IGNORECASE,
)
# A caption with its credit at the end: "Soldiers near Korvin. Photo: J. Roe/Meridian Wire".
# Case-sensitive on purpose: "photo:" in lowercase is prose ("he posted a photo: ...").
_TRAILING_CREDIT = re.compile(
    r"(?:[\s(]|^)(?:Photo|Photos|Photograph|Foto|Fotos|Bild|Image|Picture|Credit"
    r"|Crédit photo|Crédit|Photo credit|Bildquelle)\s*:\s*[^.!?:\n]{2,80}\)?\s*$"
    r"|[\s(]©\s*[^.!?\n]{2,60}\)?\s*$"
)
_CREDIT_PARTS = re.compile(r"\s*(?:/|\||\bvia\b)\s*", re.IGNORECASE)


def _photo_rule(line: _Line, rules: _Rules) -> _Verdict | None:
    label = _PHOTO_LABEL.match(line.stripped)
    if label and len(label.group("value").split()) <= MAX_LABEL_WORDS:
        return _Verdict("photo_credit")
    copyright_ = _COPYRIGHT.match(line.stripped)
    if copyright_:
        if _RIGHTS.search(copyright_.group("value")):
            return _Verdict("other")
        if line.words <= MAX_LABEL_WORDS:
            return _Verdict("photo_credit")
    if _is_credit(line.norm, rules):
        return _Verdict("photo_credit")
    if line.words <= 60 and _TRAILING_CREDIT.search(line.stripped):
        return _Verdict("photo_credit")
    # "Un champ de blé dans la Beauce. AFP / Jean Dumas": a caption whose last "sentence"
    # is an agency/photographer credit.
    head, dot, tail = line.stripped.rpartition(". ")
    if dot and head and line.words <= 60 and _is_credit(_normalise(tail), rules):
        return _Verdict("photo_credit")
    return None


def _is_credit(norm: str, rules: _Rules) -> bool:
    """ "jane roe/reuters", "afp via getty images", "picture alliance/dpa | karl weidner"."""
    if len(norm.split()) > MAX_LABEL_WORDS or not re.search(r"/|\||\bvia\b", norm):
        return False
    parts = [p.strip() for p in _CREDIT_PARTS.split(norm) if p.strip()]
    return (
        len(parts) >= 2
        and all(len(p.split()) <= 5 for p in parts)
        and any(p in rules.photo_agencies for p in parts)
    )


_SOCIAL_ATTRIBUTION = re.compile(
    rf"^(?:[—–-]\s*[^()\n]{{1,80}}\(@[\w.]{{1,50}}\)\s*(?:{_DATE})?"
    rf"|[^()\n]{{1,80}}\(@[\w.]{{1,50}}\)\s+{_DATE})\s*$",
    re.IGNORECASE,
)
_SHARED_POST = re.compile(
    r"^(?:a post shared by|ein beitrag geteilt von|une publication partagée par)\b", re.I
)


def _social_rule(line: _Line, rules: _Rules) -> _Verdict | None:
    if _SOCIAL_ATTRIBUTION.match(line.stripped):
        return _Verdict("social_embed", social_attribution=True)
    if _SHARED_POST.match(line.stripped):
        return _Verdict("social_embed")
    if "/" not in line.stripped:  # every post link has one; skips the costly link scan
        return None
    links = list(rules.social_link.finditer(line.stripped))
    if links and (
        links[-1].end() >= len(line.stripped.rstrip(".)»“”\"' "))
        or "pic.twitter.com" in line.stripped.casefold()
    ):
        return _Verdict("social_embed")
    return None


# "More from World", "Mehr aus dem Ressort Politik": a section teaser heading.
_MORE_FROM = re.compile(r"^(?:more from|more in|mehr aus|mehr aus dem ressort)\s+[^.!?]{1,30}$")
_MACHINE_TRANSLATED = re.compile(
    r"(?:automatically|machine)[- ]translated|automatisch (?:aus dem \w+ )?übersetzt"
    r"|maschinell übersetzt|traduit automatiquement|traduction automatique",
    re.IGNORECASE,
)
_FOLLOW_US = re.compile(r"^(?:follow us|folgen sie uns|suivez-nous)\b[^.!?]{0,60}$")
_CLICK_HERE = re.compile(r"^(?:click here|klicken sie hier|hier klicken|cliquez ici)\b")
_FOLLOW = re.compile(r"\b(?:follow|folgen|suivre|suivez)\b")
# Audio-player labels: "Écouter (3 min)", "Réécouter l'émission", "Listen (4 min)".
_AUDIO_LABEL = re.compile(
    r"^(?:listen|listen again|écouter|réécouter|anhören|nachhören|podcast)\b[^.!?]{0,30}$"
)
# "Please turn on JavaScript ...": the instruction, not an article about JavaScript.
_JAVASCRIPT = re.compile(
    r"\b(?:enable|turn on|activate|aktivieren sie|activez|activer)\b.{0,30}\bjavascript\b"
    r"|\bjavascript\b.{0,30}\b(?:aktivieren|einschalten|activer|is (?:disabled|required))\b",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"(?:reflects?|represents?|are) (?:solely |only )?the (?:author|writer)['’]?s['’]? "
    r"(?:own |personal )?(?:views?|opinions?)|gibt die (?:persönliche )?meinung de[sr] "
    r"(?:autors|autorin)|n['’]engagen?t? que (?:son auteur|leurs? auteurs?|l['’]auteur)",
    re.IGNORECASE,
)
_FIRST_PUBLISHED = re.compile(
    r"^(?:this (?:article|story) (?:was|first) (?:first )?(?:published|appeared)"
    r"|dieser (?:artikel|beitrag|text) (?:erschien|ist) zuerst"
    r"|cet article a (?:d'abord|initialement) été publié|cet article a été publié initialement)",
    re.IGNORECASE,
)
_PAYWALL = re.compile(
    r"réservée? aux abonnés|reserved for subscribers|for subscribers only|nur für abonnenten"
    r"|il vous reste \d+\s*% de cet article|you have \d+ free articles?"
    r"|lesen sie jetzt weiter mit|weiterlesen mit \S+ plus|jederzeit kündbar"
    r"|subscribe to (?:continue|keep) reading",
    re.IGNORECASE,
)
_EXTERNAL_CONTENT = re.compile(
    r"extern(?:en|er)? inhalt|external content|third-party content|contenu (?:externe|tiers)"
    r"|inhalte? von drittanbietern",
    re.IGNORECASE,
)
_EXTERNAL_ACTION = re.compile(
    r"anzeigen|klick|laden|zustimm|display|load|consent|click|afficher|accepter|cliquer",
    re.IGNORECASE,
)


def _teaser_rule(line: _Line, rules: _Rules) -> _Verdict | None:
    if line.first:  # "Video: ..." or "More from ..." as the first line is the title
        return None
    match = rules.teaser_prefix.match(line.norm)
    if match and len(match.group("rest").split()) <= MAX_HEADLINE_WORDS + 4:
        return _Verdict("teaser")
    if line.words <= 6 and _MORE_FROM.match(line.norm):
        return _Verdict("teaser", opens_block="teaser")
    return None


def _label_rule(line: _Line, rules: _Rules) -> _Verdict | None:
    """Page labels with free text inside: translation notices, "Follow us on ..." prompts."""
    if line.words <= 20 and _MACHINE_TRANSLATED.search(line.stripped):
        return _Verdict("other")
    if line.words <= MAX_LABEL_WORDS and _FOLLOW_US.match(line.norm):
        return _Verdict("share")
    if line.words <= 15 and _CLICK_HERE.match(line.norm):
        return _Verdict("share" if _FOLLOW.search(line.norm) else "other")
    if line.words <= 4 and _AUDIO_LABEL.match(line.norm):
        return _Verdict("other")
    if line.words <= 25 and (
        _JAVASCRIPT.search(line.stripped)
        or _DISCLAIMER.search(line.stripped)
        or _FIRST_PUBLISHED.match(line.stripped)
    ):
        return _Verdict("other")
    if line.words <= 40 and _PAYWALL.search(line.stripped):
        return _Verdict("newsletter")
    if (
        line.words <= 60
        and _EXTERNAL_CONTENT.search(line.stripped)
        and _EXTERNAL_ACTION.search(line.stripped)
    ):
        return _Verdict("social_embed")
    return None


_NEWSLETTER_TOPIC = re.compile(
    r"newsletter|briefing|inbox|postfach|posteingang|boîte (?:mail|e-mail|de réception)"
    r"|lettre d'information|infolettre|subscriber|abonnent|abonné|continue reading"
    r"|weiterlesen|lire la suite|\bon (?:telegram|whatsapp|google news)\b"
    r"|\bauf (?:telegram|whatsapp|google news)\b|\bsur (?:telegram|whatsapp|google news)\b",
    re.IGNORECASE,
)
_NEWSLETTER_ACTION = re.compile(
    r"\b(?:sign up|signing up|signed up|subscribe|subscribed|unsubscribe|register"
    r"|enter your e-?mail|e-?mail address|abmelden|abbestellen|désinscrire|désabonner"
    r"|abonnieren|abonnieren sie|melden sie sich|anmelden|registrieren|bestellen"
    r"|e-mail-adresse|inscrivez-vous|s'inscrire|abonnez-vous|je m'inscris|en vous inscrivant"
    r"|recevez|adresse e-mail|adresse mail)\b",
    re.IGNORECASE,
)
_COOKIE_TOPIC = re.compile(r"\bcookies?\b|\btraceurs\b|\btrackers?\b|\btracking\b", re.I)
_COOKIE_NOTICE = re.compile(
    r"\b(?:we use|this (?:site|website) uses|by clicking|by continuing|consent|accept"
    r"|wir verwenden|wir nutzen|diese (?:website|seite|webseite) (?:verwendet|nutzt)"
    r"|indem sie|einwilligung|zustimmen|akzeptieren"
    r"|nous utilisons|ce site utilise|en cliquant|en poursuivant|consentement|accepter)\b",
    re.IGNORECASE,
)


def _notice_rule(line: _Line, rules: _Rules) -> _Verdict | None:
    if line.words > MAX_NOTICE_WORDS or _REPORTING.search(line.stripped):
        return None
    if _LONG_QUOTE.search(line.stripped):
        return None
    if _COOKIE_TOPIC.search(line.stripped) and _COOKIE_NOTICE.search(line.stripped):
        return _Verdict("cookie")
    if _NEWSLETTER_TOPIC.search(line.stripped) and _NEWSLETTER_ACTION.search(line.stripped):
        return _Verdict("newsletter")
    return None


_TIMESTAMP_KEY = (
    r"(?:last updated|first published|last modified|updated|published|posted"
    r"|zuletzt aktualisiert|aktualisiert|veröffentlicht|erstellt|geändert|stand"
    r"|mis à jour|mise à jour|publié|modifié|actualisé|créé)"
)
_TIMESTAMP_LINE = re.compile(
    rf"^{_TIMESTAMP_KEY}(?:\s+(?:on|at|am|um|le|à))?\s*:?\s*(?P<value>.+)$", re.IGNORECASE
)
_RELATIVE_TIME = re.compile(r"\b(?:ago|vor|il y a|yesterday|gestern|hier|today|heute)\b", re.I)
_MONTH_WORD = re.compile(rf"^{_MONTH}$", re.IGNORECASE)
_READING_TIME = re.compile(
    r"^(?:(?:reading time|read time|lesezeit|lesedauer|temps de lecture|durée de lecture"
    r"|lecture)\s*:?\s*(?:ca\.?|about|environ|etwa)?\s*\d+\s*(?:min(?:ute)?s?|minuten|min\.?)"
    r"|(?:ca\.?\s*)?\d+\s*(?:min(?:ute)?s?|minuten|min\.?)\s*(?:read|reading time|lesezeit"
    r"|lesedauer|de lecture|lecture|to read))\.?$",
    re.IGNORECASE,
)
_COMMENT_COUNT = re.compile(
    r"^(?:\d+\s+(?:comments?|kommentare?|commentaires?|réactions?|replies|antworten|responses)"
    r"|(?:comments?|kommentare?|commentaires?|réactions?)\s*\(?\d+\)?)$",
    re.IGNORECASE,
)
_TAGS_LINE = re.compile(
    r"^(?:tags|topics|themen|schlagworte|schlagwörter|stichworte|mots-clés|mots clés|sujets"
    r"|thèmes)\s*:\s*[^.!?]{1,200}$",
    re.IGNORECASE,
)
_BREADCRUMB_SEPARATORS = re.compile(r"\s+[>›»|/]\s+|\s*[›»]\s*")


def _meta_rule(line: _Line, rules: _Rules) -> _Verdict | None:
    """Timestamps, reading time, comment counts, tag lists and breadcrumbs."""
    if line.words > 20:
        return None
    if _READING_TIME.match(line.norm):
        return _Verdict("other")
    if _COMMENT_COUNT.match(line.norm):
        return _Verdict("comments")
    if _TAGS_LINE.match(line.stripped):
        return _Verdict("other")
    stamp = _TIMESTAMP_LINE.match(line.stripped)
    value = stamp.group("value") if stamp else line.stripped
    if (stamp or _RELATIVE_TIME.search(value)) and _is_timestamp(value, rules):
        return _Verdict("other", provenance=(("timestamp", value.strip()),))
    parts = _BREADCRUMB_SEPARATORS.split(line.stripped)
    if len(parts) >= 3 and all(
        0 < len(p.split()) <= 4 and re.search(r"[^\W\d_]", p) and not re.search(r"[.!?]$", p)
        for p in parts
    ):
        return _Verdict("navigation")
    return None


def _is_timestamp(value: str, rules: _Rules) -> bool:
    words = re.findall(r"[^\W\d_]+", value)
    has_time = bool(re.search(r"\d", value)) or bool(_RELATIVE_TIME.search(value))
    return has_time and all(
        w.casefold() in rules.timestamp_words or _MONTH_WORD.match(w) is not None for w in words
    )


_ROLE_EN = (
    r"(?:correspondent|reporter|editor|journalist|writer|columnist|contributor|photographer"
    r"|producer|bureau chief|freelancer|commentator|presenter|anchor|fellow|researcher"
    r"|professor|lecturer)s?"
)
_ROLE_DE = (
    r"\w*(?:redakteur|korrespondent|reporter|journalist|autor|kolumnist|volontär|fotograf)(?:in)?"
)
_ROLE_FR = (
    r"(?:journaliste|correspondante?|reporter|rédact(?:eur|rice)|chroniqueu(?:r|se)"
    r"|envoyée? spéciale?|photographe|éditorialiste|pigiste)"
)
_BIO_PATTERNS = (
    # "Mara Lind is a senior correspondent for The Harbour Chronicle, based in Selmont."
    re.compile(
        rf"^{_NAME}\s+(?:is|was|has been|serves as|works as)\s+(?:[\w'’.-]+\s+){{0,7}}?"
        rf"{_ROLE_EN}\b(?:\s+(?:for|at|with|of|based|covering|who covers|in\s+[{_UPPER}])\b"
        r"|[,.]\s*(?:based|covering)\b|\.\s+(?:He|She|They)\s|\.?\s*$)",
    ),
    re.compile(rf"^{_NAME}\s+(?:covers|reports on|writes about)\s+[^.]{{1,100}}\bfor\b"),
    # "Anna Berg ist Korrespondentin der Hallstedter Allgemeinen in Korvin."
    re.compile(
        rf"^{_NAME}\s+(?:ist|war|arbeitet als|berichtet als|schreibt als)\s+"
        rf"(?:[\w'’.-]+\s+){{0,5}}?{_ROLE_DE}\b"
        r"(?:\s+(?:\w+\s+){0,2}?(?:der|des|bei|beim|für|in|im|von|aus|mit)\b|\s*[,.]\s*$"
        r"|\.\s+(?:Er|Sie)\s)",
        re.IGNORECASE,
    ),
    # "Claire Vidal est journaliste au Courrier du Lac, en charge de la défense."
    re.compile(
        rf"^{_NAME}\s+(?:est|était|travaille comme)\s+(?:[\w'’.-]+\s+){{0,5}}?{_ROLE_FR}\b"
        r"(?:\s+(?:[\w'’-]+\s+){0,2}?(?:au|aux|à|du|de|des|pour|chez|en|basée?)\b"
        r"|\s*[,.]\s*$|\.\s+(?:Il|Elle)\s)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^(?:follow|contact|folgen sie|kontaktieren sie|suivez|contactez)\s+(?:{_NAME}"
        r"|him|her|them|the author|dem autor|der autorin|l'auteur|l'autrice)\b.{0,80}"
        r"(?:@|\b(?:on|auf|sur)\s+(?:x|twitter|bluesky|linkedin|mastodon|threads|instagram)\b)",
        re.IGNORECASE,
    ),
    re.compile(rf"^(?:{_NAME}|he|she|they)\s+can be reached at\s+\S+@\S+", re.IGNORECASE),
    re.compile(r"^(?:e-?mail|kontakt|contact)?\s*:?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$", re.I),
)


def _bio_rule(line: _Line, rules: _Rules) -> _Verdict | None:
    if line.words > MAX_BIO_WORDS or _QUOTE_CHARS.search(line.stripped):
        return None
    if _REPORTING.search(line.stripped):
        return None
    if any(p.search(line.stripped) for p in _BIO_PATTERNS):
        return _Verdict("author_bio", bio_candidate=True)
    return None


# Order matters: the first rule that fires names the reason.
_LINE_RULES = (
    _phrase_rule,
    _wire_tag_rule,
    _source_rule,
    _social_rule,
    _meta_rule,
    _photo_rule,
    _teaser_rule,
    _label_rule,
    _notice_rule,
    _bio_rule,
)

_BYLINE = re.compile(
    rf"^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR)\s+(?P<names>{_NAME}(?:\s*(?:,|and|und|et|&)\s*{_NAME})*)"
    r"(?:\s*[,|–—-]\s*[^.!?]{0,60}|\s*\([^()]{1,60}\))?$"
)
_INLINE_TAG = re.compile(
    rf"^(?:[{_UPPER}][^()\n]{{0,60}}?\s)?\((?P<tags>[^()\n]{{2,30}})\)\s*[-–—:]"
    r"|\((?P<end>[^()\n]{2,30})\)\s*$"
)


# ---------------------------------------------------------------------------------------
# the classifier


def strip_boilerplate(text: str, language: str | None = None) -> BoilerplateResult:
    """Split ``text`` into kept lines and removed boilerplate lines (offsets into ``text``).

    ``language`` is accepted so the pipeline can pass what it knows, but every rule runs
    for every language: German pages carry English widget labels ("Share", "Newsletter")
    and wire copy crosses languages, so restricting the rules would only lose recall.
    """
    rules = _rules()
    lines = _split_lines(text)
    verdicts: list[_Verdict | None] = [_classify(line, rules) for line in lines]
    _mark_header(lines, verdicts, rules)
    _attach_social_posts(lines, verdicts, rules)
    _extend_blocks(lines, verdicts)
    _resolve_weak(lines, verdicts)
    _confirm_bios(lines, verdicts)
    removed_flags = [v is not None and v.strong for v in verdicts]

    kept = [line.text for line, gone in zip(lines, removed_flags, strict=True) if not gone]
    removed = tuple(
        RemovedLine(line.start, line.end, line.text, verdict.reason)
        for line, verdict, gone in zip(lines, verdicts, removed_flags, strict=True)
        if gone and verdict is not None
    )
    provenance = _provenance(lines, verdicts, removed_flags, rules)
    return BoilerplateResult(text="\n".join(kept), removed=removed, provenance=provenance)


def _classify(line: _Line, rules: _Rules) -> _Verdict | None:
    if not line.stripped:
        return None
    for rule in _LINE_RULES:
        verdict = rule(line, rules)
        if verdict is not None:
            return verdict
    return None


_MASTHEAD_SEPARATOR = re.compile(r"\s+\|\s+")
# A bare time ("14:05 BST") under the title heads a live-blog entry; only a line with a
# date is the article's own timestamp.
_HAS_DATE = re.compile(
    rf"{_DATE}|\b{_MONTH}(?!\w)|\b(?:19|20)\d\d\b|\d{{1,2}}[./]\d{{1,2}}\.", re.IGNORECASE
)


def _mark_header(lines: Sequence[_Line], verdicts: list[_Verdict | None], rules: _Rules) -> None:
    """Bylines, bare timestamps and "Outlet | Section" mastheads under the title.

    Only the head of the article counts: further down, "Freitag, 8. Februar 2008" alone on
    a line heads a section of the story and must stay, and "X | Y" may be a table row. The
    head ends at the first prose line, except that a timestamp right under a byline is still
    part of it (opinion pages put the standfirst above both).
    """
    content = [i for i, line in enumerate(lines) if line.stripped and verdicts[i] is None]
    in_head = True
    after_byline = False
    for rank, i in enumerate(content[:BYLINE_WINDOW]):
        line = lines[i]
        byline = _BYLINE.match(line.stripped)
        if byline:
            verdicts[i] = _Verdict("other", provenance=(("byline", byline.group("names")),))
            after_byline = True
            continue
        if (in_head or after_byline) and _is_bare_timestamp(line, rules):
            verdicts[i] = _Verdict("other", provenance=(("timestamp", line.stripped),))
        elif in_head and rank > 0 and line.words <= 10 and _is_masthead(line.stripped):
            verdicts[i] = _Verdict("navigation")
        elif rank > 0 and _is_prose(line):
            in_head = False
        after_byline = False


def _is_bare_timestamp(line: _Line, rules: _Rules) -> bool:
    return (
        line.words <= 8
        and _HAS_DATE.search(line.stripped) is not None
        and _is_timestamp(line.stripped, rules)
    )


def _is_prose(line: _Line) -> bool:
    # Ten words ending like a sentence: a lead paragraph or a standfirst, not a label.
    return line.words >= 10 and line.stripped.endswith((".", "!", "?", '"', "”", "“", "»", "«"))


def _is_masthead(text: str) -> bool:
    parts = _MASTHEAD_SEPARATOR.split(text)
    return 2 <= len(parts) <= 4 and all(
        len(p.split()) <= 4 and not p.endswith((".", "!", "?", ":")) for p in parts
    )


def _next_non_blank(lines: Sequence[_Line], index: int, step: int) -> int | None:
    """The next non-blank line in direction ``step``, across at most ``MAX_BLANK_GAP`` blanks."""
    blanks = 0
    i = index + step
    while 0 <= i < len(lines):
        if lines[i].stripped:
            return i
        blanks += 1
        if blanks > MAX_BLANK_GAP:
            return None
        i += step
    return None


def _attach_social_posts(
    lines: Sequence[_Line], verdicts: list[_Verdict | None], rules: _Rules
) -> None:
    """The post text above a "— Name (@handle) date" line goes with it when it looks like a
    post (a link, hashtag or @mention); a plain sentence above it stays, being possibly the
    article's own lead-in."""
    for i, verdict in enumerate(verdicts):
        if verdict is None or not verdict.social_attribution:
            continue
        j = _next_non_blank(lines, i, -1)
        if j is None or verdicts[j] is not None or lines[j].words > 60:
            continue
        if rules.social_link.search(lines[j].stripped) or re.search(
            r"(?:^|\s)[#@]\w", lines[j].stripped
        ):
            verdicts[j] = _Verdict("social_embed")


def _is_headline_like(line: _Line) -> bool:
    return line.words <= MAX_HEADLINE_WORDS and not line.stripped.endswith((".", ",", ";", ":"))


def _extend_blocks(lines: Sequence[_Line], verdicts: list[_Verdict | None]) -> None:
    """Headlines under a teaser heading ("Mehr zum Thema", "Related") are teasers; the
    address lines under "Pressekontakt:" belong to the contact block."""
    for i, verdict in enumerate(verdicts):
        if verdict is None or verdict.opens_block is None:
            continue
        reason = verdict.opens_block
        items = 0
        j = i + 1
        blank_run = 0
        while j < len(lines) and items < MAX_BLOCK_ITEMS:
            line = lines[j]
            if not line.stripped:
                blank_run += 1
                # A blank line right under the heading is layout; after items it ends the list.
                if items or blank_run > MAX_BLANK_GAP:
                    break
            elif verdicts[j] is not None:
                pass
            elif _is_headline_like(line):
                verdicts[j] = _Verdict(reason)
                items += 1
                blank_run = 0
            else:
                break
            j += 1


def _resolve_weak(lines: Sequence[_Line], verdicts: list[_Verdict | None]) -> None:
    """Confirm weak labels next to clutter (or to each other); drop the rest."""
    changed = True
    while changed:
        changed = False
        for i, verdict in enumerate(verdicts):
            if verdict is None or verdict.strong:
                continue
            near = _adjacent(lines, i)
            if any(_supports(verdicts[j]) for j in near):
                verdicts[i] = _Verdict(verdict.reason)
                changed = True
    for i, verdict in enumerate(verdicts):
        if verdict is not None and not verdict.strong:
            verdicts[i] = None


def _supports(verdict: _Verdict | None) -> bool:
    # Any clutter vouches for a weak neighbour, except an unconfirmed bio: that one is
    # waiting for support itself.
    return verdict is not None and not verdict.bio_candidate


def _adjacent(lines: Sequence[_Line], index: int) -> list[int]:
    """The nearest non-blank line above and below (within ``MAX_BLANK_GAP`` blanks)."""
    found = (_next_non_blank(lines, index, -1), _next_non_blank(lines, index, 1))
    return [i for i in found if i is not None]


def _confirm_bios(lines: Sequence[_Line], verdicts: list[_Verdict | None]) -> None:
    """Keep a bio-shaped line unless it sits at the article's edge, after an "About the
    author" heading, or next to other clutter."""
    for i, verdict in enumerate(verdicts):
        if verdict is None or not verdict.bio_heading:
            continue
        j = _next_non_blank(lines, i, 1)
        if j is None or lines[j].words > MAX_BIO_WORDS or _QUOTE_CHARS.search(lines[j].stripped):
            continue
        following = verdicts[j]
        if following is None or following.bio_candidate:
            verdicts[j] = _Verdict("author_bio")
    content = [
        i for i, line in enumerate(lines) if line.stripped and _is_candidate_or_none(verdicts[i])
    ]
    edge = set(content[:BIO_TOP_LINES]) | set(content[-BIO_BOTTOM_LINES:])
    for i, verdict in enumerate(verdicts):
        if verdict is None or not verdict.bio_candidate:
            continue
        near = _adjacent(lines, i)
        beside_clutter = any(not _is_candidate_or_none(verdicts[j]) for j in near)
        verdicts[i] = _Verdict("author_bio") if i in edge or beside_clutter else None


def _is_candidate_or_none(verdict: _Verdict | None) -> bool:
    return verdict is None or verdict.bio_candidate


def _provenance(
    lines: Sequence[_Line],
    verdicts: Sequence[_Verdict | None],
    removed_flags: Sequence[bool],
    rules: _Rules,
) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for line, verdict, gone in zip(lines, verdicts, removed_flags, strict=True):
        if gone and verdict is not None:
            found.extend(verdict.provenance)
            continue
        for match in _INLINE_TAG.finditer(line.stripped):
            tags = match.group("tags") or match.group("end")
            agencies = _agencies_in(tags, rules)
            if (
                agencies is None
                and match.group("tags")
                and re.fullmatch(f"[{_UPPER}]{{2,10}}", tags)
            ):
                agencies = [tags]
            found.extend(("wire_tag", a) for a in agencies or ())
    return tuple(_unique(found))


def _unique(items: Sequence[_T]) -> list[_T]:
    seen: set[_T] = set()
    out: list[_T] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
