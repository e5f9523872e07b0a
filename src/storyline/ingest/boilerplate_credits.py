"""Per-line rules for where the copy came from: wire tags, source and credit lines, photo
credits. Each returns a verdict or None; what they find is reported as provenance."""

from __future__ import annotations

import re

from storyline.ingest.boilerplate_lines import MAX_LABEL_WORDS, Line, Verdict, normalise, unique
from storyline.ingest.boilerplate_patterns import QUOTE_CHARS, REPORTING, UPPER, Rules

_AGENCY_SPLIT = re.compile(r"\s*(?:/|,|;|\+|&|\|)\s*|\s+(?:and|und|et)\s+", re.IGNORECASE)
# Editor initials and dpa regional services ("dpa/lnw", "rtr/jbr"): lowercase, 2-4 letters.
_INITIALS = re.compile(r"[a-zäöüß]{2,4}")
_PAREN_CAPS_TAG = re.compile(rf"\(([{UPPER}]{{2,10}})\)\.?")
_DPA_INFOCOM = re.compile(r"^(?:©\s*)?dpa-infocom\b", re.IGNORECASE)
_BY_AGENCY = re.compile(r"^(?:by|von|par|from)\s+(?P<rest>.+?)(?:\s+(?:staff|redaktion))?$", re.I)


def agencies_in(text: str, rules: Rules) -> list[str] | None:
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


def wire_tag_rule(line: Line, rules: Rules) -> Verdict | None:
    if line.words > 6:
        return None
    agencies = agencies_in(line.stripped, rules)
    if agencies is None:
        by = _BY_AGENCY.match(line.stripped)
        agencies = agencies_in(by.group("rest"), rules) if by else None
    if agencies is None and _DPA_INFOCOM.match(line.stripped):
        agencies = ["dpa"]
    if agencies is None:
        # An unknown agency in the standard tag form "(XYZ)" alone on a line.
        caps = _PAREN_CAPS_TAG.fullmatch(line.stripped)
        agencies = [caps.group(1)] if caps else None
    if agencies is None:
        return None
    return Verdict("wire_tag", provenance=tuple(("wire_tag", a) for a in unique(agencies)))


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
    rf"^(?P<outlet>[{UPPER}][^.!?:]{{1,50}}?)\s+(?:avec|mit|with)\s+"
    rf"(?P<agencies>[^.!?]{{2,40}})\.?$"
)
_CREDIT_LINE = re.compile(
    r"^\(?(?:(?:additional )?reporting by|writing by|editing by|compiled by|produced by"
    r"|mitarbeit|redaktion|bearbeitung|rédaction|édition|avec la collaboration de)"
    r"\b\s*:?\s*(?P<value>[^\n]{2,200}?)\)?$",
    re.IGNORECASE,
)


def source_rule(line: Line, rules: Rules) -> Verdict | None:
    # A title may start "Sources: ..." ("Sources: minister to resign"); credits never open a page.
    if line.first or QUOTE_CHARS.search(line.stripped):
        return None
    source = _SOURCE_LINE.match(line.stripped)
    if source:
        value = source.group("value")
        if (
            len(value.split()) <= 8
            and not re.search(r"[.!?]\s+\S", value)
            and not _VERB_HINT.search(value)
        ):
            return Verdict("source_line", provenance=(("source_line", value),))
    credit = _AGENCY_CREDIT.match(line.stripped)
    if credit and line.words <= MAX_LABEL_WORDS:
        value = credit.group("value")
        agencies = agencies_in(_GENERIC_AGENCIES.sub("", value).strip(" ,"), rules)
        if agencies:
            return Verdict(
                "source_line", provenance=tuple(("wire_tag", a) for a in unique(agencies))
            )
        if _GENERIC_AGENCIES.fullmatch(value.strip()):
            return Verdict("source_line")
    # "La Voix de Castelbrun avec AFP", "Rundschau am Abend mit dpa"
    with_agency = _OUTLET_WITH_AGENCY.match(line.stripped)
    if with_agency and line.words <= MAX_LABEL_WORDS:
        agencies = agencies_in(with_agency.group("agencies"), rules)
        if agencies:
            outlet = ("source_line", with_agency.group("outlet").strip())
            wires = tuple(("wire_tag", a) for a in unique(agencies))
            return Verdict("source_line", provenance=(outlet, *wires))
    credit = _CREDIT_LINE.match(line.stripped)
    if credit and line.words <= 30 and not REPORTING.search(line.stripped):
        return Verdict("other", provenance=(("credit", credit.group("value").strip()),))
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


def photo_rule(line: Line, rules: Rules) -> Verdict | None:
    label = _PHOTO_LABEL.match(line.stripped)
    if label and len(label.group("value").split()) <= MAX_LABEL_WORDS:
        return Verdict("photo_credit")
    copyright_ = _COPYRIGHT.match(line.stripped)
    if copyright_:
        if _RIGHTS.search(copyright_.group("value")):
            return Verdict("other")
        if line.words <= MAX_LABEL_WORDS:
            return Verdict("photo_credit")
    if _is_credit(line.norm, rules):
        return Verdict("photo_credit")
    if line.words <= 60 and _TRAILING_CREDIT.search(line.stripped):
        return Verdict("photo_credit")
    # "Un champ de blé dans la Beauce. AFP / Jean Dumas": a caption whose last "sentence"
    # is an agency/photographer credit.
    head, dot, tail = line.stripped.rpartition(". ")
    if dot and head and line.words <= 60 and _is_credit(normalise(tail), rules):
        return Verdict("photo_credit")
    return None


def _is_credit(norm: str, rules: Rules) -> bool:
    """ "jane roe/reuters", "afp via getty images", "picture alliance/dpa | karl weidner"."""
    if len(norm.split()) > MAX_LABEL_WORDS or not re.search(r"/|\||\bvia\b", norm):
        return False
    parts = [p.strip() for p in _CREDIT_PARTS.split(norm) if p.strip()]
    return (
        len(parts) >= 2
        and all(len(p.split()) <= 5 for p in parts)
        and any(p in rules.photo_agencies for p in parts)
    )
