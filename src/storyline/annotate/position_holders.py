"""Who can hold a position in a text: actors named, described, listed or referred back to.

A *holder* is a stretch of text that stands for one or more actors (country or organisation
ids from the knowledge base):

- a name or a capital used for its government ("Belmora", "Castelbrun said");
- a person who speaks for a country or body at the document's date (KB role ``of`` valid on
  that day): the position is the country's, the person is its ``speaker``;
- an adjective heading a government noun phrase ("Aurevian officials", "der karstische
  Vertreter", "le gouvernement belmorais") or a national asset ("no Drovenian soldiers",
  "soldats drovéniens"), which is how unnamed or unknown spokespeople are attributed;
- a coordinated list ("Estmark, Valdoria and Quellan", "L'Estmark, la Valdorie et le Quellan");
- a pronoun or "her country"/"sein Land"/"notre pays", resolved when a cue needs it.

Each holder records whether it stands in an oblique role ("to Belmora", "in Selmont"), where
it is rarely the one taking a position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from storyline.annotate.position_lexicon import Lexicon, wordset
from storyline.document import Document, EntityMention
from storyline.kb.model import KnowledgeBase

ACTOR_TYPES = frozenset({"country", "organization", "group"})
# Roles whose holder speaks for the body in ``of``; any KB role does, the list only orders them
# when a person holds several (a government role beats a party role).
_ROLE_ORDER = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "spokesperson",
    "secretary_general",
    "president",
)
# A bare office ("the minister", "la ministre") names its holder at most this far ahead
# ("la ministre de la Défense, Claire Dufort"); otherwise it points back.
_ROLE_AHEAD = 40
# Words between two parts of one noun phrase ("Aurevian President Ilse Varnholt"); more than
# this and they are two phrases.
_MAX_JOIN_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_QUOTE_PAIRS = {"“": "”", "„": "“", "«": "»", "»": "«", "‹": "›", "‚": "‘", '"': '"'}


@dataclass(frozen=True, slots=True)
class Holder:
    start: int
    end: int
    actors: tuple[str, ...]  # empty for a pronoun until it is resolved
    kind: str  # name | person | adjective | asset | list | pronoun
    speaker: str | None = None  # the person speaking for the actor
    pronoun: str = ""  # person | thing | first | own | bare_government | impersonal
    oblique: bool = False
    source: bool = False  # introduced by "according to" / "selon" / "laut"
    gender: str | None = None  # of a person holder, from the KB


@dataclass
class DocHolders:
    """All holders of one document, in text order, with the context to resolve pronouns."""

    doc: Document
    lexicon: Lexicon
    holders: list[Holder]
    quotes: list[tuple[int, int]] = field(default_factory=list)

    def in_range(self, start: int, end: int) -> list[Holder]:
        return [h for h in self.holders if h.start >= start and h.end <= end]

    def before(self, pos: int, limit: int) -> list[Holder]:
        """Resolved holders ending before ``pos`` and after ``limit``, nearest first."""
        found = [h for h in self.holders if limit <= h.start and h.end <= pos and h.actors]
        return sorted(found, key=lambda h: -h.end)

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        for start, end in self.quotes:
            if start <= pos < end:
                return start, end
        return None


def person_actor(kb: KnowledgeBase, person: str, day: str | None) -> str | None:
    """The country or body a person speaks for on ``day`` (None without a valid role)."""
    entity = kb.get(person)
    if entity is None:
        return None
    valid = [r for r in entity.roles if r.valid_on(day)]
    if not valid:
        return None

    def rank(role_name: str) -> int:
        return _ROLE_ORDER.index(role_name) if role_name in _ROLE_ORDER else len(_ROLE_ORDER)

    valid.sort(key=lambda r: (not r.of.startswith("country:"), rank(r.role)))
    return valid[0].of


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (contents only). Unbalanced marks are ignored."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        close = _QUOTE_PAIRS.get(ch)
        if close is None or (ch == "»" and "«" not in text[i + 1 : i + 2000]):
            i += 1
            continue
        if ch == "‚" and not _opens_low_single(text, i):
            i += 1
            continue
        end = text.find(close, i + 1)
        # A quotation that runs over a paragraph end without closing is left alone.
        if end < 0 or ("\n" in text[i:end] and text[i:end].count("\n") > 3):
            i += 1
            continue
        spans.append((i + 1, end))
        i = end + 1
    return spans


def _opens_low_single(text: str, i: int) -> bool:
    return i + 1 < len(text) and text[i + 1].isalpha()


def _word_before(text: str, pos: int, count: int = 1) -> list[str]:
    words = _WORD.findall(text[max(0, pos - 80) : pos])
    return [w.casefold() for w in words[-count:]]


def _oblique(text: str, start: int, lexicon: Lexicon) -> bool:
    """A preposition (and an optional article) right before ``start``; in German also a
    genitive attached to a noun ("ein Mandat der Vereinten Versammlung")."""
    window = text[max(0, start - 30) : start]
    if lexicon.language == "de" and re.search(r"[^\W\d_]\w*\s+(?:der|des)\s+$", window):
        noun = re.search(r"([^\W\d_]\w*)\s+(?:der|des)\s+$", window)
        if noun is not None and noun.group(1)[:1].isupper() and noun.start(1) > 0:
            return True
    window = re.sub(
        r"(?:\b(?:the|a|an|der|die|das|den|dem|des|le|la|les|l['’])\s*)$",
        "",
        window,
        flags=re.IGNORECASE,
    )
    m = re.search(r"([^\W\d_]+(?:['’])?)\s*$", window)
    if m is None:
        return False
    return lexicon.fullmatch("frame.oblique", m.group(1))


def _source_marked(text: str, start: int, lexicon: Lexicon) -> bool:
    """ "according to X", "laut X", "selon X": only articles or title words in between."""
    window = text[max(0, start - 40) : start]
    if _LEAD_SOURCE.search(window):
        return True  # "Pour la Vestrie, …", "Für Korsholm ist …": the view of X
    hits = list(lexicon.finditer("mod.source", window))
    if not hits:
        return False
    gap = _WORD.findall(window[hits[-1].end() :])
    return len(gap) <= 3 and all(w.casefold() in _JOIN_FILLERS or w[:1].isupper() for w in gap)


def _government_near(text: str, mention: EntityMention, lexicon: Lexicon) -> bool:
    after = text[mention.end : mention.end + 60].split("\n")[0]
    m = lexicon.search("noun.government", after)
    if m is not None and len(_WORD.findall(after[: m.start()])) <= 2:
        return True
    before = text[max(0, mention.start - 70) : mention.start].split("\n")[-1]
    found = list(lexicon.finditer("noun.government", before))
    return bool(found) and len(_WORD.findall(before[found[-1].end() :])) <= 4


def _asset_near(text: str, mention: EntityMention, lexicon: Lexicon) -> bool:
    """An adjective of nationality on soldiers or on a participation: "Drovenian help"."""
    after = text[mention.end : mention.end + 40]
    for name in ("noun.personnel", "noun.ships", "noun.aircraft", "mod.participation"):
        m = lexicon.search(name, after)
        if m is not None and m.start() <= 2:
            return True
    before = text[max(0, mention.start - 40) : mention.start]
    for name in ("noun.personnel", "noun.ships", "noun.aircraft", "mod.participation"):
        hits = list(lexicon.finditer(name, before))
        if hits and not before[hits[-1].end() :].strip():
            return True
    return False


def _possessive_of_other(text: str, end: int, lexicon: Lexicon) -> bool:
    """ "Aurevia's partners": the name only qualifies another noun."""
    m = re.match(r"['’]s?\s+([^\W\d_]+)", text[end : end + 40])
    if m is None:
        return False
    rest = text[end + m.start(1) : end + m.start(1) + 40]
    for name in ("noun.government", "noun.topic", "noun.personnel"):
        hit = lexicon.search(name, rest)
        if hit is not None and hit.start() == 0:
            return False
    return not re.match(r"\s*\d", text[end + m.start(1) - 1 : end + m.start(1) + 1])


def _mention_holder(
    doc: Document, mention: EntityMention, kb: KnowledgeBase, lexicon: Lexicon
) -> Holder | None:
    text = doc.text
    if mention.entity is None:
        return None
    oblique = _oblique(text, mention.start, lexicon)
    source = _source_marked(text, mention.start, lexicon)
    if mention.type == "person":
        actor = person_actor(kb, mention.entity, doc.published.date)
        if actor is None:
            return None
        entity = kb.get(mention.entity)
        gender = getattr(entity, "gender", None) if entity else None
        return Holder(
            mention.start,
            mention.end,
            (actor,),
            "person",
            mention.entity,
            oblique=oblique,
            source=source,
            gender=gender,
        )
    if mention.type not in ACTOR_TYPES:
        return None
    if mention.method == "adjective":
        if _government_near(text, mention, lexicon):
            kind = "adjective"
        elif _asset_near(text, mention, lexicon):
            kind = "asset"
        else:
            return None
        return Holder(
            mention.start, mention.end, (mention.entity,), kind, oblique=oblique, source=source
        )
    if _possessive_of_other(text, mention.end, lexicon):
        oblique = True
    return Holder(
        mention.start, mention.end, (mention.entity,), "name", oblique=oblique, source=source
    )


_LEAD_SOURCE = re.compile(
    r"(?:^|[.!?»«\"“”]\s+|\n)(?:Pour|Für|For|Selon|Laut)\s+(?:l['’]|la\s|le\s|les\s|the\s)?$"
)
_JOIN_STOP = re.compile(r"\b(?:that|dass|que|qu|qui|which|who|and|und|et)\b", re.I)
# Words that may stand between two parts of one noun phrase besides office names.
_JOIN_FILLERS = wordset("of the de la le du des d l der des von mme m mr mrs ms dr herr frau")


def _gap_ok(gap: str, lexicon: Lexicon | None) -> bool:
    """Only titles, offices and articles between two parts of a name phrase."""
    rest = gap
    if lexicon is not None:
        rest = (
            lexicon.patterns["noun.government"].sub(" ", rest)
            if lexicon.has("noun.government")
            else rest
        )
    for word in _WORD.findall(rest):
        low = word.casefold().rstrip("'’")
        if low in _JOIN_FILLERS:
            continue
        if lexicon is not None and lexicon.language != "de" and word[:1].isupper():
            continue  # "Foreign Minister", "Grand Duke": titles are capitalised
        return False
    return True


def _join(a: Holder, b: Holder, text: str, lexicon: Lexicon | None = None) -> Holder | None:
    """One noun phrase made of two holders for the same actor ("Aurevian President Varnholt")."""
    if a.actors != b.actors:
        return None
    gap = text[a.end : b.start]
    if re.search(r"[.;:!?()\n\"“”«»„]", gap) or len(_WORD.findall(gap)) > _MAX_JOIN_WORDS:
        return None
    if _JOIN_STOP.search(gap) or not _gap_ok(gap, lexicon):
        return None  # "Marchetti said that Castelbrun …": two phrases
    speaker = a.speaker or b.speaker
    kind = "person" if speaker else a.kind
    return Holder(
        a.start,
        b.end,
        a.actors,
        kind,
        speaker,
        oblique=a.oblique and b.oblique,
        source=a.source or b.source,
        gender=a.gender or b.gender,
    )


_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:(?:and|und|et|sowie|or|oder|ou)\s+)?|\s+(?:and|und|et|sowie|or|oder|ou)\s+)"
    r"(?:(?:the|der|die|das|le|la|les)\s+|l['’])?",
    re.IGNORECASE,
)


def _lists(holders: list[Holder], text: str) -> list[Holder]:
    """Coordinated names become one list holder: "Estmark, Valdoria and Quellan"."""
    out: list[Holder] = []
    i = 0
    while i < len(holders):
        group = [holders[i]]
        j = i + 1
        while j < len(holders):
            prev, cur = group[-1], holders[j]
            if prev.kind not in ("name", "person") or cur.kind not in ("name", "person"):
                break
            if not _LIST_GAP.fullmatch(text[prev.end : cur.start]):
                break
            group.append(cur)
            j += 1
        actors = tuple(dict.fromkeys(a for h in group for a in h.actors))
        tail = text[group[-1].start - 12 : group[-1].start] if len(group) > 1 else ""
        if len(actors) > 1 and re.search(r"\b(?:and|und|et|sowie|or|oder|ou)\b", tail):
            first = group[0]
            out.append(
                Holder(
                    first.start,
                    group[-1].end,
                    actors,
                    "list",
                    oblique=first.oblique,
                    source=first.source,
                )
            )
            i = j
        else:
            out.append(holders[i])
            i += 1
    return out


def _pronouns(doc: Document, lexicon: Lexicon) -> list[Holder]:
    found: list[Holder] = []
    for kind in ("own", "bare_government", "role", "first", "person", "thing", "impersonal"):
        for m in lexicon.finditer(f"pronoun.{kind}", doc.text):
            if kind == "person" and lexicon.language == "de" and not _german_subject(doc.text, m):
                continue
            found.append(Holder(m.start(), m.end(), (), "pronoun", pronoun=kind))
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Holder] = []
    for h in found:
        if kept and h.start < kept[-1].end:
            continue  # "her country" wins over "her"
        kept.append(h)
    return kept


def _german_subject(text: str, m: re.Match[str]) -> bool:
    """German "sie"/"er" as a subject: lower case inside a sentence ("Sie" may be formal)."""
    return (
        m.group().islower()
        or m.start() == 0
        or text[m.start() - 2 : m.start()].strip() in (".", "«", "»", "„", "“", '"')
    )


def find_holders(doc: Document, kb: KnowledgeBase, lexicon: Lexicon) -> DocHolders:
    text = doc.text
    named: list[Holder] = []
    for mention in sorted(doc.mentions, key=lambda m: m.start):
        holder = _mention_holder(doc, mention, kb, lexicon)
        if holder is not None:
            named.append(holder)
    joined: list[Holder] = []
    for h in named:
        merged = _join(joined[-1], h, text, lexicon) if joined else None
        if merged is not None:
            joined[-1] = merged
        else:
            joined.append(h)
    holders = _lists(joined, text)
    taken = [(h.start, h.end) for h in holders]
    for p in _pronouns(doc, lexicon):
        if not any(s < p.end and p.start < e for s, e in taken):
            holders.append(p)
    holders.sort(key=lambda h: h.start)
    return DocHolders(doc, lexicon, holders, quoted_spans(text))


def sentence_index(sentences: Sequence[tuple[int, int]], pos: int) -> int:
    for i, (start, end) in enumerate(sentences):
        if start <= pos < end:
            return i
    return max(0, len(sentences) - 1)


def resolve(
    dh: DocHolders, holder: Holder, speaker: Holder | None, sentence_starts: Sequence[int]
) -> Holder | None:
    """A pronoun holder with its actors filled in from context, or None when unresolved."""
    if holder.actors:
        return holder
    kind = holder.pronoun
    if kind in ("first", "impersonal"):
        return _as(holder, speaker)
    here = _limit(sentence_starts, holder.start, back=0)
    earlier = [
        h
        for h in dh.before(holder.start, _limit(sentence_starts, holder.start, back=2))
        if h.kind != "list"
    ]
    same = [h for h in earlier if h.start >= here and not h.oblique]
    people = [h for h in earlier if h.speaker]
    if kind == "own":
        return _as(holder, same[0] if same else people[0] if people else speaker)
    if kind == "role":
        ahead = [h for h in dh.holders if h.speaker and 0 <= h.start - holder.end <= _ROLE_AHEAD]
        return _as(holder, ahead[0] if ahead else people[0] if people else None)
    if kind == "person":
        word = dh.doc.text[holder.start : holder.end].casefold()
        gender = {"he": "m", "er": "m", "il": "m", "she": "f", "elle": "f"}.get(word)
        fitting = [h for h in people if gender is None or h.gender in (None, gender)]
        if dh.lexicon.language == "fr":  # "il"/"elle" also stand for a country named just before
            local = [h for h in same if h.speaker or h.kind in ("name", "adjective")]
            return _as(holder, local[0] if local else fitting[0] if fitting else None)
        return _as(holder, fitting[0] if fitting else None)
    if kind == "bare_government":
        follow = [h for h in dh.holders if h.actors and 0 <= h.start - holder.end <= 12]
        if follow and not follow[0].speaker:
            return _as(holder, follow[0])  # "die Regierung in Castelbrun"
    if kind in ("thing", "bare_government"):
        # "her country's pledge … a report that it had been withdrawn": a possessive pronoun
        # of the same sentence is the nearer antecedent
        owners = [p for p in dh.holders if p.pronoun == "own" and here <= p.start < holder.start]
        if owners:
            owner = resolve(dh, owners[-1], speaker, sentence_starts)
            if owner is not None:
                return _as(holder, owner)
        countries = [
            h
            for h in earlier
            if not h.speaker and not h.oblique and h.kind in ("name", "adjective")
        ]
        return _as(holder, countries[0] if countries else None)
    return None


def _as(holder: Holder, source: Holder | None) -> Holder | None:
    if source is None or not source.actors:
        return None
    return replace(holder, actors=source.actors, speaker=source.speaker)


def _limit(starts: Sequence[int], pos: int, back: int) -> int:
    idx = 0
    for i, s in enumerate(starts):
        if s <= pos:
            idx = i
    return starts[max(0, idx - back)] if starts else 0
