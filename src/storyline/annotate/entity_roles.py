"""Titles and roles in English, German and French: "Foreign Minister", "Regierungssprecher",
"le ministre des Armées", "the former interior ministers".

A *title* is a head noun (with its fixed complement where the language needs one: "ministre des
Affaires étrangères") plus the modifiers in front of it ("Quellan Foreign Ministry spokesman",
"der frühere Innenminister"). Its ``role`` is a KB role id (``head_of_state``,
``foreign_minister`` …) when the title names one of the offices the KB records, else ``None``
(analyst, envoy, député: still a good sign that a person's name follows).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from storyline.annotate.entity_text import Token, fold, words
from storyline.document import EntityMention

# (pattern, role) in priority order; matched case-insensitively on word boundaries.
_EN = [
    (r"prime[- ]ministers?|premiers?", "head_of_government"),
    (
        r"chancellors? of the exchequer|finance ministers?|treasury secretar(?:y|ies)",
        "finance_minister",
    ),
    (r"chancellors?", "head_of_government"),
    (
        r"foreign ministers?|foreign secretar(?:y|ies)|secretar(?:y|ies) of state",
        "foreign_minister",
    ),
    (r"(?:top|chief) diplomats?", "foreign_minister"),
    (
        r"defen[cs]e ministers?|defen[cs]e secretar(?:y|ies)|secretar(?:y|ies) of defen[cs]e",
        "defence_minister",
    ),
    (r"interior ministers?|home secretar(?:y|ies)", "interior_minister"),
    (r"spokes(?:man|woman|men|women|person|persons|people)", "spokesperson"),
    (r"secretar(?:y|ies)[- ]generals?|general secretar(?:y|ies)", "secretary_general"),
    (r"vice[- ]presidents?", "vice_president"),
    (r"supreme leaders?", "supreme_leader"),
    (r"presidents?|kings?|queens?|monarchs?|emirs?|sultans?", "head_of_state"),
    (
        r"ministers?|ambassadors?|envoys?|commanders?|admirals?|mayors?|governors?|senators?"
        r"|lawmakers?|legislators?|congress(?:man|woman|men|women)|leaders?|chiefs?"
        r"|directors?(?:[- ]general)?|chair(?:man|woman|men|women|person)?s?|chief executives?"
        r"|analysts?|researchers?|fellows?|experts?|professors?|economists?|scientists?"
        r"|officials?|diplomats?|advis[eo]rs?|negotiators?|correspondents?|editors?|judges?"
        r"|prosecutors?|lawyers?|attorneys?|activists?|colonels?|lieutenants?|captains?"
        r"|sergeants?|generals?|cardinals?|bishops?|candidates?|founders?|historians?"
        r"|commentators?|journalists?|reporters?",
        None,
    ),
]
_FR = [
    (r"(?:premier|première)s? ministres?|chef(?:fe)?s? du gouvernement", "head_of_government"),
    (r"chanceli(?:er|ère)s?", "head_of_government"),
    (
        r"ministres? des affaires étrangères|chef(?:fe)?s? de la diplomatie",
        "foreign_minister",
    ),
    (r"ministres? (?:de la défense|des armées)", "defence_minister"),
    (r"ministres? de l['’]intérieur", "interior_minister"),
    (r"ministres? (?:de l['’]économie|des finances)", "finance_minister"),
    (r"porte-parole|porte-paroles", "spokesperson"),
    (r"secrétaires? générale?s?|secrétaires? généraux", "secretary_general"),
    (r"vice-présidente?s?", "vice_president"),
    (r"guides? suprêmes?", "supreme_leader"),
    (r"présidente?s?|chef(?:fe)?s? de l['’]état|rois?|reines?|monarques?", "head_of_state"),
    (
        r"ministres?|ambassad(?:eur|rice)s?|envoyée?s?(?: spéciale?s?)?|dirigeante?s?"
        r"|députée?s?|sénat(?:eur|rice)s?|maires?|chercheu(?:r|se)s?|analystes?|experte?s?"
        r"|professeure?s?|direct(?:eur|rice)s?|conseill(?:er|ère)s?|généra(?:l|ux)|diplomates?"
        r"|économistes?|politologues?|avocate?s?|juges?|procureure?s?|militante?s?"
        r"|négociat(?:eur|rice)s?|responsables?|commandants?|colonels?|chefs?|cheffes?",
        None,
    ),
]
# Courtesy titles: capitalised, case-sensitive ("Mr Brell", "M. Ferrante", "Frau Morwitz").
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Mme|Mlle|Monsieur|Madame|Herr|Frau)\b\.?|\bM\.")

# German titles are compounds ("Außenministerin", "Regierungssprecher", "Kremlchef"): one
# capitalised word ending in an office noun, with feminine/plural/genitive endings.
_DE_TITLE = re.compile(
    r"(?P<stem>[a-zäöüß-]*?)(?P<head>minister|sprecher|sekretär|kanzler|präsident|chef"
    r"|führer|direktor|botschafter|gesandte|leiter|analyst|forscher|professor|berater"
    r"|diplomat|korrespondent|unterhändler|bürgermeister|gouverneur|kommandeur|general"
    r"|senator|anwalt|richter|ökonom|politologe|experte|abgeordnete|vorsitzende"
    r"|beauftragte|könig|premier)(?P<end>in|innen|s|n|en|e|er|es|em)?"
)
_DE_HEADS = sorted(
    words(
        """minister sprecher sekretär kanzler präsident chef führer direktor botschafter gesandte
        leiter analyst forscher professor berater diplomat korrespondent unterhändler
        bürgermeister gouverneur kommandeur general senator anwalt richter ökonom politologe
        experte abgeordnete vorsitzende beauftragte könig premier"""
    )
)
# The same, found in running text (C speed) before the exact check on the lower-cased word: a
# capitalised word containing an office noun, lower-case inside a compound or capitalised
# after a hyphen ("US-Präsident").
_DE_TITLE_TEXT = re.compile(
    r"(?<![\w-])(?=[A-ZÄÖÜ])[\w-]*?(?:"
    + "|".join(f"[{h[0].upper()}{h[0]}]{h[1:]}" for h in _DE_HEADS)
    + r")\w{0,5}(?![\w-])"
)
_DE_ROLE_STEMS = {
    ("außen", "minister"): "foreign_minister",
    ("aussen", "minister"): "foreign_minister",
    ("chef", "diplomat"): "foreign_minister",
    ("verteidigungs", "minister"): "defence_minister",
    ("innen", "minister"): "interior_minister",
    ("finanz", "minister"): "finance_minister",
    ("premier", "minister"): "head_of_government",
    ("minister", "präsident"): "head_of_government",
    ("regierungs", "chef"): "head_of_government",
    ("", "kanzler"): "head_of_government",
    ("bundes", "kanzler"): "head_of_government",
    ("", "premier"): "head_of_government",
    ("", "präsident"): "head_of_state",
    ("staats", "präsident"): "head_of_state",
    ("bundes", "präsident"): "head_of_state",
    ("staats", "chef"): "head_of_state",
    ("", "könig"): "head_of_state",
    ("vize", "präsident"): "vice_president",
    ("revolutions", "führer"): "supreme_leader",
    ("regierungs", "sprecher"): "spokesperson",
    ("", "sprecher"): "spokesperson",
    ("general", "sekretär"): "secretary_general",
}
_DE_PLURAL_END = {"innen", "n", "en"}
_DE_SAME_PLURAL = frozenset({"minister", "sprecher", "kanzler", "leiter", "berater", "forscher"})
_DE_ARTICLES = frozenset({"der", "die", "den", "dem", "des", "ein", "eine", "einen", "einem"})

# Words that may stand between a title and what it qualifies: "the former interior minister",
# "Quellan Foreign Ministry spokesman", "der ehemalige Außenminister", "l'ancien ministre".
_MODIFIERS = words(
    """former then acting deputy vice senior junior top chief interim outgoing incoming new
    presidential government foreign defence defense ministry state opposition party military
    national federal regional white house department office affairs interior home finance
    security intelligence trade economy energy health justice kremlin élysée pentagon frühere
    früheren früherer ehemalige ehemaligen ehemaliger stellvertretende stellvertretenden
    stellvertretender amtierende amtierenden amtierender neue neuen neuer designierte
    designierten designierter scheidende scheidenden scheidender ancien ancienne anciens
    anciennes ex nouveau nouvelle nouveaux actuel actuelle"""
)
# Modifiers that make the title not the current holder of the office.
_NOT_CURRENT = words(
    """former deputy vice ex frühere früheren früherer ehemalige ehemaligen ehemaliger
    stellvertretende stellvertretenden stellvertretender ancien ancienne anciens anciennes
    designierte designierten designierter incoming"""
)
# KB offices a role mention ("the French president") can be resolved to.
KEY_ROLES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "interior_minister",
        "finance_minister",
        "spokesperson",
        "foreign_ministry_spokesperson",
        "secretary_general",
        "vice_president",
        "supreme_leader",
    }
)
# A spokesperson whose title names the foreign ministry is the KB's
# ``foreign_ministry_spokesperson``: "Foreign Ministry spokeswoman", "Sprecher des
# Außenministeriums", "porte-parole du ministère des Affaires étrangères".
FOREIGN_MINISTRY = re.compile(
    r"foreign (?:ministry|office)|state department|außen(?:amt|ministeri)|aussen(?:amt|ministeri)"
    r"|auswärtige|affaires étrangères",
    re.IGNORECASE,
)


def _combined(patterns: list[tuple[str, str | None]]) -> tuple[re.Pattern[str], list[str | None]]:
    """One regex over the *folded* text (lower case, no accents: same length as the text), which
    is several times faster than a case-insensitive match on the original."""
    groups = "|".join(f"(?P<g{i}>{fold(p)})" for i, (p, _) in enumerate(patterns))
    regex = re.compile(rf"(?<![\w-])(?:{groups})(?![\w-])")
    return regex, [r for _, r in patterns]


_EN_RE, _EN_ROLES = _combined(_EN)
_FR_RE, _FR_ROLES = _combined(_FR)


@dataclass(frozen=True, slots=True)
class Title:
    start: int  # first modifier (or the head)
    end: int  # end of the head, or of a country adjective right after it (French)
    head_start: int
    head_end: int
    head: str
    role: str | None  # KB role id, None for other titles
    plural: bool
    current: bool  # False for "former", "deputy", "designated" …
    honorific: bool = False
    country: str | None = None  # a country (or organisation) named inside the title
    weak: bool = False  # an English title-case word that often heads other phrases ("General")


def _role_of(match: re.Match[str], roles: list[str | None]) -> str | None:
    return roles[int(next(k for k, v in match.groupdict().items() if v)[1:])]


_Head = tuple[int, int, str | None, bool, bool, str | None]
Lookup = Callable[[str], str | None]


def _german_compound(stem: str, head: str, lookup: Lookup | None) -> tuple[str | None, str | None]:
    """(role, country) of a German compound title from its stem.

    "Außenminister" → foreign_minister; "US-Präsident" / "Kremlchef" / "Nato-Generalsekretär":
    the stem (or the part before a hyphen) names a country, seat of government or organisation.
    """
    role = _DE_ROLE_STEMS.get((stem, head))
    if role is None and head == "sprecher" and stem in ("außenamts", "aussenamts"):
        role = "foreign_ministry_spokesperson"  # "Außenamtssprecher"
    elif role is None and head == "sprecher" and stem.endswith(("amts", "ministeriums")):
        role = "spokesperson"  # another ministry's spokesperson
    if role is not None or not stem or lookup is None:
        return role, None
    prefix, _, rest = stem.rpartition("-") if "-" in stem else (stem, "", "")
    owner = lookup(prefix)
    if owner is None:
        return None, None
    role = _DE_ROLE_STEMS.get((rest, head))
    if role is None and head == "chef":
        role = "head_of_state"  # "Kremlchef", "Élysée-Chef": whoever runs the seat
    return role, owner


def _heads(text: str, folded: str, lookup: Lookup | None) -> list[_Head]:
    """(start, end, role, plural, honorific, owner) of every title head in the text."""
    found: list[_Head] = []
    for regex, roles in ((_EN_RE, _EN_ROLES), (_FR_RE, _FR_ROLES)):
        for m in regex.finditer(folded):
            phrase = m.group().split()
            # The word that carries the number: English "prime ministers" (last) but
            # "secretaries of state" (first); French "ministres des affaires étrangères" (first).
            word = phrase[0] if regex is _FR_RE or "of" in phrase else phrase[-1]
            plural = word.endswith(("s", "x", "men", "women", "people")) and not word.endswith(
                ("ss", "us", "is")
            )
            found.append((m.start(), m.end(), _role_of(m, roles), plural, False, None))
    for compound in _DE_TITLE_TEXT.finditer(text):
        de = _DE_TITLE.fullmatch(compound.group().lower())
        if de is None:
            continue
        stem, head, end = de["stem"].rstrip("-"), de["head"], de["end"] or ""
        role, owner = _german_compound(stem, head, lookup)
        plural = end in _DE_PLURAL_END and head not in ("präsident", "diplomat", "analyst")
        if not end and head in _DE_SAME_PLURAL:
            # "die früheren Innenminister": the plural looks like the singular; the article
            # (nominative/accusative plural "die", dative "den") tells them apart.
            before = text[max(0, compound.start() - 40) : compound.start()].split()[-2:]
            article = next((w.lower() for w in reversed(before) if w.lower() in _DE_ARTICLES), "")
            plural = article in ("die", "den")
        found.append((compound.start(), compound.end(), role, plural, False, owner))
    for m in _HONORIFIC.finditer(text):
        found.append((m.start(), m.end(), None, False, True, None))
    # Longest head wins where two overlap ("prime minister" over "minister").
    found.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[_Head] = []
    for head in found:
        if kept and head[0] < kept[-1][1]:
            continue
        kept.append(head)
    return kept


def _covering(
    mentions: list[EntityMention], starts: list[int], a: int, b: int
) -> list[EntityMention]:
    """Mentions overlapping [a, b) (``mentions`` sorted by start, ``starts`` their starts)."""
    i = max(0, bisect_left(starts, a) - 1)
    out = []
    while i < len(mentions) and mentions[i].start < b:
        if mentions[i].end > a:
            out.append(mentions[i])
        i += 1
    return out


def _country_of(mentions: list[EntityMention]) -> str | None:
    ids = {m.entity for m in mentions if m.entity and m.type in ("country", "organization")}
    return ids.pop() if len(ids) == 1 else None


def find_titles(
    text: str,
    tokens: list[Token],
    mentions: list[EntityMention],
    lookup: Lookup | None = None,
    folded: str | None = None,
) -> list[Title]:
    """Every title in the text, with modifiers, and the country named inside it.

    ``mentions`` are the gazetteer's (sorted by start): a country name or adjective among the
    modifiers ("Quellan Foreign Ministry spokesman", "der französische Präsident", "le président
    valdorien", "Frankreichs Präsident") gives the title its country. ``lookup`` maps a
    folded word to the one KB entity it names, for German compounds ("Kremlchef"). ``folded``
    is ``fold(text)`` when the caller has it already.
    """
    folded = fold(text) if folded is None else folded
    starts = [m.start for m in mentions]
    tok_starts = [t.start for t in tokens]
    titles = []
    for h_start, h_end, role, plural, honorific, owner in _heads(text, folded, lookup):
        i = bisect_left(tok_starts, h_start)
        start, current = h_start, True
        j = i - 1
        while j >= 0 and i - j <= 5 and not honorific:
            tok = tokens[j]
            low = tok.text.lower()
            inside = _covering(mentions, starts, tok.start, tok.end)
            if low in _MODIFIERS:
                current = current and low not in _NOT_CURRENT
            elif not (inside and all(m.type in ("country", "organization") for m in inside)):
                break
            start = tok.start
            j -= 1
        end = h_end
        k = bisect_left(tok_starts, h_end)
        after = (
            _covering(mentions, starts, tokens[k].start, tokens[k].end) if k < len(tokens) else []
        )
        if after and after[0].method == "adjective" and not after[0].text[:1].isupper():
            end = after[0].end  # French adjective after the noun: "le président valdorien"
        inner = _covering(mentions, starts, start, end)
        if role == "spokesperson" and FOREIGN_MINISTRY.search(text, start, end):
            role = "foreign_ministry_spokesperson"
        modifiers = text[start:h_start].lower().split()
        if role == "head_of_state" and ("vice" in modifiers or "vize" in modifiers):
            role, current = "vice_president", True
        # English generic titles written with a capital ("General", "Chief", "Director") head
        # many phrases that are no title before a name; discovery then wants a given name.
        weak = role is None and not honorific and text[h_start].isupper() and h_end - h_start > 0
        weak = weak and bool(_EN_RE.fullmatch(folded, h_start, h_end))
        titles.append(
            Title(
                start=start,
                end=end,
                head_start=h_start,
                head_end=h_end,
                head=text[h_start:h_end],
                role=role,
                plural=plural,
                current=current,
                honorific=honorific,
                country=owner or _country_of(inner),
                weak=weak,
            )
        )
    return titles
