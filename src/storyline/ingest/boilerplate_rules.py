"""Per-line rules for widget labels, social embeds, page metadata and author bios, and the
order in which all line rules are tried."""

from __future__ import annotations

import re

from storyline.ingest.boilerplate_credits import photo_rule, source_rule, wire_tag_rule
from storyline.ingest.boilerplate_lines import (
    MAX_BIO_WORDS,
    MAX_LABEL_WORDS,
    Line,
    Verdict,
    normalise,
)
from storyline.ingest.boilerplate_notices import label_rule, notice_rule, teaser_rule
from storyline.ingest.boilerplate_patterns import (
    DATE,
    MONTH,
    NAME,
    QUOTE_CHARS,
    REPORTING,
    UPPER,
    Rules,
)


def _phrase_rule(line: Line, rules: Rules) -> Verdict | None:
    if line.norm in rules.contact_headings:
        return Verdict("other", opens_block="other")
    hit = rules.phrases.get(line.norm)
    if hit is not None:
        reason, strong = hit
        return Verdict(
            reason,
            strong=strong,
            opens_block="teaser" if reason == "teaser" else None,
            bio_heading=reason == "author_bio",
        )
    return _widget_row(line, rules)


_ROW_SEPARATORS = re.compile(r"\s*[|•·/,:]\s*|\s{2,}|\t")


def _widget_row(line: Line, rules: Rules) -> Verdict | None:
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
    return Verdict(strong_reasons[0] if strong_reasons else reasons[0][0])


def _cover(tokens: list[str], rules: Rules) -> list[tuple[str, bool]] | None:
    """Greedy longest-first cover of ``tokens`` by known phrases, or None if a gap remains."""
    found: list[tuple[str, bool]] = []
    i = 0
    while i < len(tokens):
        for size in range(min(rules.longest_phrase, len(tokens) - i), 0, -1):
            hit = rules.phrases.get(normalise(" ".join(tokens[i : i + size])))
            if hit is not None:
                found.append(hit)
                i += size
                break
        else:
            return None
    return found


_SOCIAL_ATTRIBUTION = re.compile(
    rf"^(?:[—–-]\s*[^()\n]{{1,80}}\(@[\w.]{{1,50}}\)\s*(?:{DATE})?"
    rf"|[^()\n]{{1,80}}\(@[\w.]{{1,50}}\)\s+{DATE})\s*$",
    re.IGNORECASE,
)
_SHARED_POST = re.compile(
    r"^(?:a post shared by|ein beitrag geteilt von|une publication partagée par)\b", re.I
)


def _social_rule(line: Line, rules: Rules) -> Verdict | None:
    if _SOCIAL_ATTRIBUTION.match(line.stripped):
        return Verdict("social_embed", social_attribution=True)
    if _SHARED_POST.match(line.stripped):
        return Verdict("social_embed")
    if "/" not in line.stripped:  # every post link has one; skips the costly link scan
        return None
    links = list(rules.social_link.finditer(line.stripped))
    if links and (
        links[-1].end() >= len(line.stripped.rstrip(".)»“”\"' "))
        or "pic.twitter.com" in line.stripped.casefold()
    ):
        return Verdict("social_embed")
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
_MONTH_WORD = re.compile(rf"^{MONTH}$", re.IGNORECASE)
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


def _meta_rule(line: Line, rules: Rules) -> Verdict | None:
    """Timestamps, reading time, comment counts, tag lists and breadcrumbs."""
    if line.words > 20:
        return None
    if _READING_TIME.match(line.norm):
        return Verdict("other")
    if _COMMENT_COUNT.match(line.norm):
        return Verdict("comments")
    if _TAGS_LINE.match(line.stripped):
        return Verdict("other")
    stamp = _TIMESTAMP_LINE.match(line.stripped)
    value = stamp.group("value") if stamp else line.stripped
    if (stamp or _RELATIVE_TIME.search(value)) and is_timestamp(value, rules):
        return Verdict("other", provenance=(("timestamp", value.strip()),))
    parts = _BREADCRUMB_SEPARATORS.split(line.stripped)
    if len(parts) >= 3 and all(
        0 < len(p.split()) <= 4 and re.search(r"[^\W\d_]", p) and not re.search(r"[.!?]$", p)
        for p in parts
    ):
        return Verdict("navigation")
    return None


def is_timestamp(value: str, rules: Rules) -> bool:
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
        rf"^{NAME}\s+(?:is|was|has been|serves as|works as)\s+(?:[\w'’.-]+\s+){{0,7}}?"
        rf"{_ROLE_EN}\b(?:\s+(?:for|at|with|of|based|covering|who covers|in\s+[{UPPER}])\b"
        r"|[,.]\s*(?:based|covering)\b|\.\s+(?:He|She|They)\s|\.?\s*$)",
    ),
    re.compile(rf"^{NAME}\s+(?:covers|reports on|writes about)\s+[^.]{{1,100}}\bfor\b"),
    # "Anna Berg ist Korrespondentin der Hallstedter Allgemeinen in Korvin."
    re.compile(
        rf"^{NAME}\s+(?:ist|war|arbeitet als|berichtet als|schreibt als)\s+"
        rf"(?:[\w'’.-]+\s+){{0,5}}?{_ROLE_DE}\b"
        r"(?:\s+(?:\w+\s+){0,2}?(?:der|des|bei|beim|für|in|im|von|aus|mit)\b|\s*[,.]\s*$"
        r"|\.\s+(?:Er|Sie)\s)",
        re.IGNORECASE,
    ),
    # "Claire Vidal est journaliste au Courrier du Lac, en charge de la défense."
    re.compile(
        rf"^{NAME}\s+(?:est|était|travaille comme)\s+(?:[\w'’.-]+\s+){{0,5}}?{_ROLE_FR}\b"
        r"(?:\s+(?:[\w'’-]+\s+){0,2}?(?:au|aux|à|du|de|des|pour|chez|en|basée?)\b"
        r"|\s*[,.]\s*$|\.\s+(?:Il|Elle)\s)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^(?:follow|contact|folgen sie|kontaktieren sie|suivez|contactez)\s+(?:{NAME}"
        r"|him|her|them|the author|dem autor|der autorin|l'auteur|l'autrice)\b.{0,80}"
        r"(?:@|\b(?:on|auf|sur)\s+(?:x|twitter|bluesky|linkedin|mastodon|threads|instagram)\b)",
        re.IGNORECASE,
    ),
    re.compile(rf"^(?:{NAME}|he|she|they)\s+can be reached at\s+\S+@\S+", re.IGNORECASE),
    re.compile(r"^(?:e-?mail|kontakt|contact)?\s*:?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$", re.I),
)


def _bio_rule(line: Line, rules: Rules) -> Verdict | None:
    if line.words > MAX_BIO_WORDS or QUOTE_CHARS.search(line.stripped):
        return None
    if REPORTING.search(line.stripped):
        return None
    if any(p.search(line.stripped) for p in _BIO_PATTERNS):
        return Verdict("author_bio", bio_candidate=True)
    return None


# Order matters: the first rule that fires names the reason.
_LINE_RULES = (
    _phrase_rule,
    wire_tag_rule,
    source_rule,
    _social_rule,
    _meta_rule,
    photo_rule,
    teaser_rule,
    label_rule,
    notice_rule,
    _bio_rule,
)


def classify_line(line: Line, rules: Rules) -> Verdict | None:
    if not line.stripped:
        return None
    for rule in _LINE_RULES:
        verdict = rule(line, rules)
        if verdict is not None:
            return verdict
    return None
