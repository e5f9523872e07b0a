"""Discovery of people the knowledge base does not know, from the titles next to their names.

Patterns (en/de/fr), all anchored on a title from ``entity_roles``:
- title before the name: "Foreign Minister X Y", "Außenministerin X Y", "le député X Y",
  "Quellan Foreign Ministry spokesman X Y", "Regierungssprecher X Y";
- title with a complement, then a comma: "la porte-parole du gouvernement, X Y",
  "le secrétaire général de l'alliance, X Y";
- apposition after the name: "X Y, the spokeswoman for the Foreign Ministry",
  "X Y, Sprecher des quellanischen Außenministeriums", "X Y, a senior fellow at …";
- a plural title before a list: "the former interior ministers X Y and Z W".

A name is two or three capitalised words (particles such as "von", "de", "al-" allowed in
between). A single word after a title ("Minister Smith") is not enough evidence for a new
person; resolution links it to a full name mentioned elsewhere instead.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from storyline.annotate.entity_given_names import is_given_name
from storyline.annotate.entity_roles import FOREIGN_MINISTRY, Title
from storyline.annotate.entity_text import Token, words
from storyline.document import EntityMention
from storyline.kb.model import slug

# Name particles ("Franz von Papen", "Ana de Sousa"). German articles count only after "von"
# / "van" ("von der Leyen", "van der Vaart"): on their own they are articles ("Kurt Miller den
# Test"), as is "zu" a preposition.
_PARTICLES = words("""von van de du di del della ter ten bin ibn al el dos af""")
_SECOND_PARTICLES = words("""der den la le""")
# A given name after these is part of a place or team ("St. Johann", "San Antonio").
_SAINTS = words("""st sankt saint sainte san santa são""")
# Capitalised words that are never part of a person's name: function words at the start of a
# sentence, days and months, and the nouns of institutions that follow titles ("ministre des
# Armées", "Foreign Ministry").
NOT_NAME = words(
    """the a an this that these those he she it they we i his her its their our my you on in at for
    from with by to of and or but as if when while after before since during according der die
    das ein eine er sie es wir ich ihr sein seine im am bei mit nach von zu aus auf für laut und
    oder aber wie als wenn dass auch noch nun doch so le la les un une il elle ils elles nous on
    en au aux dans pour par sur selon et ou mais monday tuesday wednesday thursday friday
    saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi
    mercredi jeudi vendredi samedi dimanche january february march april may june july august
    september october november december januar februar märz mai juni juli oktober dezember
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    ministry ministère ministerium office department affairs affaires armées défense defence
    defense interior intérieur state état etat government gouvernement regierung parliament
    parlement parlament council conseil commission kommission union nations assembly assemblée
    party parti partei foreign home finance finances justice health santé court cour house
    senate sénat senat congress kongress republic république republik kingdom royaume federation
    fédération föderation national nationale federal fédéral army armée armee navy police
    polizei institute institut university université universität agency agence agentur bank
    banque group groupe press presse news times post today tribune journal zeitung minister
    ministre president président präsident chancellor kanzler spokesman spokeswoman sprecher
    prime premier secretary general mr mrs ms dr prof mme herr frau monsieur madame yesterday
    today tomorrow meanwhile then now still instead earlier later also however gestern heute
    morgen dann zudem dabei damit hier demain puis ensuite alors aussi wer was wo wie warum
    welche welcher welches diese dieser dieses jede jeder jedes alle viele einige who what which
    where why how qui quoi quel quelle"""
)
_CONJUNCTIONS = frozenset({"and", "und", "et", "&"})
_DETERMINERS = words(
    """a an the der die das ein eine le la les un une sa son ses his her its their leur ihr ihre
    sein seine unser notre"""
)
_CONNECTORS = words("""of for at de du des d' d’ à au aux des der für bei im am vom zum zur""")


@dataclass(frozen=True, slots=True)
class Discovered:
    start: int
    end: int
    name: str
    type: str  # person | organization
    entity: str  # person:disc-<slug> / org:disc-<slug>
    role: str | None = None  # KB role id, when the title names one
    title: str | None = None  # the title as written
    country: str | None = None
    current: bool = True


# "Foreign Minister Maria Lindholm of Sweden", "Außenminister X aus Schweden"
_FROM_COUNTRY = re.compile(r"^\s+(?:of|from|aus|de|du|d['’])\s+(?:the\s+|la\s+|l['’])?$")


def person_id(name: str) -> str:
    return f"person:disc-{slug(name)}"


class _Names:
    """Name parsing over one document's tokens."""

    def __init__(self, text: str, tokens: list[Token], mentions: list[EntityMention]) -> None:
        self.text = text
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        # Words inside a non-person mention ("Quellan", "Security Board") cannot be a name.
        self.blocked: set[int] = set()
        for m in mentions:
            if m.type != "person":
                i = bisect_left(self.starts, m.start)
                while i < len(tokens) and tokens[i].start < m.end:
                    self.blocked.add(i)
                    i += 1

    def index_at(self, pos: int) -> int:
        return bisect_left(self.starts, pos)

    def is_name_word(self, i: int) -> bool:
        tok = self.tokens[i]
        text = tok.text
        if i in self.blocked or text.lower() in NOT_NAME:
            return False
        if text[:3].lower() in ("al-", "el-") and text[3:4].isupper():
            return True  # "al-Sisi"
        return tok.is_cap and any(c.islower() for c in text) and text[0].isalpha()

    def _adjacent(self, i: int, j: int) -> bool:
        """Tokens i < j separated by exactly one space (no line break, no punctuation)."""
        return self.text[self.tokens[i].end : self.tokens[j].start] == " "

    def _particle(self, j: int) -> bool:
        low = self.tokens[j].text.lower()
        if low in _SECOND_PARTICLES:
            return j > 0 and self.tokens[j - 1].text.lower() in ("von", "van", "de")
        return low in _PARTICLES

    def forward(self, i: int) -> tuple[int, int] | None:
        """Token range [i, k) of a 2-3 word name starting at token i.

        A third capitalised word is taken only when the first two are both given names
        ("Anna Maria Schmidt"): elsewhere it is too often the next noun ("Matthew Williams
        Liebeskummer" in German).
        """
        if i >= len(self.tokens) or not self.is_name_word(i):
            return None
        caps, last, j = 1, i, i + 1
        while j < len(self.tokens) and self._adjacent(j - 1, j):
            if self.is_name_word(j):
                before = [k for k in range(i, j) if self.is_name_word(k)]
                if caps == 2 and not all(is_given_name(self.tokens[k].text) for k in before):
                    break
                caps, last = caps + 1, j
                if caps == 3:
                    break
            elif not (
                self._particle(j)
                and j + 1 < len(self.tokens)
                and self._adjacent(j, j + 1)
                and (self.is_name_word(j + 1) or self._particle(j + 1))
            ):
                break
            j += 1
        return (i, last + 1) if caps >= 2 else None

    def backward(self, k: int) -> tuple[int, int] | None:
        """Token range [i, k+1) of a 2-3 word name ending at token k."""
        if k < 0 or not self.is_name_word(k):
            return None
        caps, first, j = 1, k, k - 1
        while j >= 0 and caps < 3 and self._adjacent(j, j + 1):
            if self.is_name_word(j):
                if caps == 2 and self._sentence_initial(j):
                    break  # "Meanwhile Pieter Vansen, …": a third word must not open a sentence
                caps, first = caps + 1, j
            elif not (self._particle(j) and caps >= 1 and j > 0):
                break
            j -= 1
        while self._particle(first):
            first += 1
        return (first, k + 1) if caps >= 2 else None

    def _sentence_initial(self, i: int) -> bool:
        return i == 0 or self.tokens[i - 1].text in '.!?:;"“”«»„'

    def span(self, rng: tuple[int, int]) -> tuple[int, int, str]:
        a, b = self.tokens[rng[0]].start, self.tokens[rng[1] - 1].end
        return a, b, self.text[a:b]


def _complement_end(names: _Names, k: int, limit: int = 8) -> int:
    """Index of the token ending a title's complement ("du gouvernement", "for the Ministry"):
    the first comma or sentence punctuation after at most ``limit`` words."""
    j = k
    while j < len(names.tokens) and j - k < limit:
        if not names.tokens[j].is_word and names.tokens[j].text not in "'’-":
            return j
        j += 1
    return j


def _country_between(mentions: list[EntityMention], a: int, b: int) -> str | None:
    """The one country (else the one organisation) named in [a, b)."""
    inside = [m for m in mentions if a <= m.start and m.end <= b and m.entity]
    for kind in ("country", "organization"):
        ids = {m.entity for m in inside if m.type == kind}
        if ids:
            return ids.pop() if len(ids) == 1 else None
    return None


def discover_people(
    text: str, tokens: list[Token], titles: list[Title], mentions: list[EntityMention]
) -> list[Discovered]:
    """People named next to a title. Names that overlap a KB person are left to the caller."""
    names = _Names(text, tokens, mentions)
    found: dict[tuple[int, int], Discovered] = {}

    def add(rng: tuple[int, int], title: Title, title_text: str, country: str | None) -> None:
        a, b, name = names.span(rng)
        role = title.role
        if role == "spokesperson" and FOREIGN_MINISTRY.search(title_text):
            role = "foreign_ministry_spokesperson"  # "porte-parole du ministère des Affaires …"
        if country is None:
            after = [m for m in mentions if b < m.start <= b + 12 and m.type == "country"]
            if after and _FROM_COUNTRY.match(text[b : after[0].start]):
                country = after[0].entity
        if (a, b) not in found:
            found[(a, b)] = Discovered(
                a,
                b,
                name,
                "person",
                person_id(name),
                role,
                title_text,
                title.country or country,
                title.current,
            )

    for title in titles:
        k = names.index_at(title.end)
        title_text = text[title.start : title.end]
        if title.weak and (k >= len(tokens) or not is_given_name(tokens[k].text)):
            continue  # "General Public License", "Chief Executive Officer": no name follows
        # 1. "Foreign Minister X Y" / "the former interior ministers X Y and Z W"
        rng = names.forward(k) if k < len(tokens) and tokens[k].start == title.end + 1 else None
        if rng is not None:
            add(rng, title, title_text, None)
            while title.plural and rng is not None and rng[1] + 1 < len(tokens):
                sep = tokens[rng[1]].text.lower()
                if sep != "," and sep not in _CONJUNCTIONS:
                    break
                rng = names.forward(rng[1] + 1)
                if rng is not None:
                    add(rng, title, title_text, None)
                if sep in _CONJUNCTIONS:
                    break
            continue
        if title.honorific:
            continue
        # 2. "la porte-parole du gouvernement, X Y" (complement starts with a connector)
        if k < len(tokens) and tokens[k].text.lower() in _CONNECTORS:
            c = _complement_end(names, k)
            if c < len(tokens) and tokens[c].text == ",":
                rng = names.forward(c + 1)
                if rng is not None:
                    country = _country_between(mentions, title.end, tokens[c].start)
                    add(rng, title, text[title.start : tokens[c].start], country)
                    continue
        if k < len(tokens) and tokens[k].text == ",":
            rng = names.forward(k + 1)
            if rng is not None and not title.plural:
                add(rng, title, title_text, None)
                continue
        # 3. "X Y, the spokeswoman for the Foreign Ministry" (apposition after the name)
        i = names.index_at(title.start) - 1
        if i >= 0 and tokens[i].text.lower() in _DETERMINERS:
            i -= 1
        if i >= 1 and tokens[i].text == ",":
            rng = names.backward(i - 1)
            if rng is not None:
                c = _complement_end(names, names.index_at(title.end))
                end = tokens[c].start if c < len(tokens) else len(text)
                country = _country_between(mentions, title.end, end)
                add(rng, title, text[title.start : end].rstrip(), country)
    return sorted(found.values(), key=lambda d: d.start)


# Words after a name that make it the name of a thing: "Max Planck Institute", "Anna Seghers
# Straße", "Otto Hahn Preis".
_NAMED_AFTER = words(
    """institute institut foundation stiftung prize preis prix award society gesellschaft school
    schule street straße strasse platz square airport flughafen aéroport bridge brücke hall
    halle center centre zentrum stadium stadion gymnasium university universität université
    museum musée lycée collège rue avenue boulevard"""
)


def discover_named_people(
    text: str, tokens: list[Token], mentions: list[EntityMention], taken: list[Discovered]
) -> list[Discovered]:
    """People named without a title: a common given name and a capitalised surname
    ("sagte Walter Brandt", "Heidi Lorenz"), where no title found them already."""
    names = _Names(text, tokens, mentions)
    covered = [(d.start, d.end) for d in taken]
    found = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not (tok.is_cap and is_given_name(tok.text)) or i in names.blocked:
            i += 1
            continue
        j = i - 2 if i > 1 and tokens[i - 1].text == "." else i - 1
        if j >= 0 and tokens[j].text.lower() in _SAINTS:
            i += 1
            continue
        rng = names.forward(i)
        if rng is None:
            i += 1
            continue
        a, b, name = names.span(rng)
        nxt = tokens[rng[1]].text.lower() if rng[1] < len(tokens) else ""
        if nxt not in _NAMED_AFTER and not any(x < b and a < y for x, y in covered):
            found.append(Discovered(a, b, name, "person", person_id(name)))
        i = rng[1]
    return found
