"""Per-line rules for page furniture with free text inside: teaser headings, page labels
(translation, follow, paywall, JavaScript notices) and newsletter or cookie notices."""

from __future__ import annotations

import re

from storyline.ingest.boilerplate_lines import (
    MAX_HEADLINE_WORDS,
    MAX_LABEL_WORDS,
    MAX_NOTICE_WORDS,
    Line,
    Verdict,
)
from storyline.ingest.boilerplate_patterns import LONG_QUOTE, REPORTING, Rules

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


def teaser_rule(line: Line, rules: Rules) -> Verdict | None:
    if line.first:  # "Video: ..." or "More from ..." as the first line is the title
        return None
    match = rules.teaser_prefix.match(line.norm)
    if match and len(match.group("rest").split()) <= MAX_HEADLINE_WORDS + 4:
        return Verdict("teaser")
    if line.words <= 6 and _MORE_FROM.match(line.norm):
        return Verdict("teaser", opens_block="teaser")
    return None


def label_rule(line: Line, rules: Rules) -> Verdict | None:
    """Page labels with free text inside: translation notices, "Follow us on ..." prompts."""
    if line.words <= 20 and _MACHINE_TRANSLATED.search(line.stripped):
        return Verdict("other")
    if line.words <= MAX_LABEL_WORDS and _FOLLOW_US.match(line.norm):
        return Verdict("share")
    if line.words <= 15 and _CLICK_HERE.match(line.norm):
        return Verdict("share" if _FOLLOW.search(line.norm) else "other")
    if line.words <= 4 and _AUDIO_LABEL.match(line.norm):
        return Verdict("other")
    if line.words <= 25 and (
        _JAVASCRIPT.search(line.stripped)
        or _DISCLAIMER.search(line.stripped)
        or _FIRST_PUBLISHED.match(line.stripped)
    ):
        return Verdict("other")
    if line.words <= 40 and _PAYWALL.search(line.stripped):
        return Verdict("newsletter")
    if (
        line.words <= 60
        and _EXTERNAL_CONTENT.search(line.stripped)
        and _EXTERNAL_ACTION.search(line.stripped)
    ):
        return Verdict("social_embed")
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


def notice_rule(line: Line, rules: Rules) -> Verdict | None:
    if line.words > MAX_NOTICE_WORDS or REPORTING.search(line.stripped):
        return None
    if LONG_QUOTE.search(line.stripped):
        return None
    if _COOKIE_TOPIC.search(line.stripped) and _COOKIE_NOTICE.search(line.stripped):
        return Verdict("cookie")
    if _NEWSLETTER_TOPIC.search(line.stripped) and _NEWSLETTER_ACTION.search(line.stripped):
        return Verdict("newsletter")
    return None
