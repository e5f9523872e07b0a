"""Within-document resolution: role mentions, demonyms used for a person, surname-only
mentions, and the KB index these need.

- "the French president", "der Kremlchef", "the Belmoran prime minister", "le chef de la
  diplomatie drovénienne": the KB person holding that office for that country on the
  document's publication date (``Role.valid_on``); a discovered person with that title in the
  same document when the KB has nobody; nothing when two holders remain.
- "the Norwegian said": the person from that country mentioned last before it.
- "Imber said", "Mr Lavrov": the one person mentioned in full whose surname it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from storyline.annotate.entity_discovery import NOT_NAME, Discovered
from storyline.annotate.entity_given_names import GIVEN_NAMES
from storyline.annotate.entity_names import same_first_name, split_name
from storyline.annotate.entity_roles import KEY_ROLES, Title
from storyline.annotate.entity_text import Token, fold, sentence_start, words
from storyline.document import EntityMention
from storyline.kb.model import KnowledgeBase, Role

# Offices that lead an organisation; "the NATO chief" may be any of them, whichever the KB uses.
_ORG_LEADERS = frozenset(
    {"secretary_general", "president", "chair", "director_general", "head", "leader"}
)
_OWNER_KINDS = ("names", "metonyms")
# "the president of France", "le président de la Drovénie", "der Präsident Frankreichs".
_OF_COUNTRY = re.compile(
    r"^\s+(?:of\s+(?:the\s+)?|de\s+la\s+|du\s+|de\s+l['’]|de\s+|d['’]|des\s+|der\s+)?$"
)


@dataclass(frozen=True)
class KbIndex:
    """Lookups over the KB that resolution needs, built once per process with the gazetteer."""

    holders: dict[tuple[str, str], tuple[tuple[str, Role], ...]]
    country: dict[str, str]  # person id -> country id
    first_names: dict[str, tuple[str, ...]]  # person id -> first names as listed
    owners: dict[str, str]  # folded name/metonym -> the one entity it names
    organizations: frozenset[str]
    known_first_names: frozenset[str]  # folded first names of every KB person

    @classmethod
    def build(cls, kb: KnowledgeBase) -> KbIndex:
        holders: dict[tuple[str, str], list[tuple[str, Role]]] = defaultdict(list)
        country: dict[str, str] = {}
        firsts: dict[str, tuple[str, ...]] = {}
        owners: dict[str, set[str]] = defaultdict(set)
        for e in kb.entities.values():
            if e.type == "person":
                for role in e.roles:
                    holders[(role.role, role.of)].append((e.id, role))
                if e.country:
                    country[e.id] = e.country
                names = [e.name, *(f for by in e.forms.get("names", {}).values() for f in by)]
                firsts[e.id] = tuple(
                    dict.fromkeys(split_name(n)[0] for n in names if len(n.split()) > 1)
                )
            elif e.type in ("country", "organization"):
                for form, kind, _ in e.surface_forms():
                    if kind in _OWNER_KINDS:
                        owners[fold(form)].add(e.id)
        return cls(
            holders={k: tuple(v) for k, v in holders.items()},
            country=country,
            first_names=firsts,
            owners={k: next(iter(v)) for k, v in owners.items() if len(v) == 1},
            organizations=frozenset(e.id for e in kb.entities.values() if e.type == "organization"),
            known_first_names=GIVEN_NAMES
            | frozenset(
                fold(part) for names in firsts.values() for n in names for part in n.split()
            ),
        )

    def lookup(self, word: str) -> str | None:
        return self.owners.get(fold(word))

    def holders_on(self, role: str, of: str, day: str | None) -> list[str]:
        roles = {role}
        if of in self.organizations and role in ("head_of_state", "secretary_general"):
            roles |= _ORG_LEADERS  # "the NATO chief", "Nato-Chef": whatever the KB calls it
        out = []
        for r in roles:
            out += [pid for pid, held in self.holders.get((r, of), ()) if held.valid_on(day)]
        return list(dict.fromkeys(out))

    def first_name_fits(self, person: str, first: str) -> bool:
        listed = self.first_names.get(person, ())
        return not listed or any(same_first_name(first, f) for f in listed)


def _starts(mentions: list[EntityMention]) -> list[int]:
    return [m.start for m in mentions]


def _overlaps(mentions: list[EntityMention], a: int, b: int) -> list[EntityMention]:
    return [m for m in mentions if m.start < b and a < m.end]


def _attached(text: str, title: Title, people: list[EntityMention]) -> bool:
    """Whether the title belongs to a name right next to it (then it is no separate mention)."""
    comma = text.find(",", title.end, title.end + 80)
    tail = text[title.end : comma] if comma >= 0 else ""
    for p in people:
        if title.end <= p.start <= title.end + 2:
            return True  # "Foreign Minister Tomas Brell"
        if comma >= 0 and "." not in tail and comma < p.start <= comma + 2:
            return True  # "la porte-parole du gouvernement, Maud X"
        gap = text[p.end : title.start]
        if p.end <= title.start and len(gap) <= 6 and "," in gap:
            return True  # "Pieter Vansen, a senior fellow"
    return False


def _country_after(text: str, title: Title, mentions: list[EntityMention]) -> str | None:
    for m in mentions:
        if (
            m.entity
            and m.type in ("country", "organization")
            and 0 <= m.start - title.end <= 10
            and _OF_COUNTRY.match(text[title.end : m.start])
        ):
            return m.entity
    return None


def role_mentions(
    text: str,
    titles: list[Title],
    mentions: list[EntityMention],
    discovered: dict[str, Discovered],
    index: KbIndex,
    day: str | None,
) -> list[EntityMention]:
    """Mentions of a person by office alone ("the French president" -> the holder on ``day``)."""
    people = [m for m in mentions if m.type == "person" and m.entity]
    in_doc = {m.entity for m in people}
    out = []
    for title in titles:
        if title.role not in KEY_ROLES or title.plural or not title.current:
            continue
        if _attached(text, title, people):
            continue
        owner = title.country or _country_after(text, title, mentions)
        if owner is None:
            continue
        assert title.role is not None
        candidates = index.holders_on(title.role, owner, day)
        if len(candidates) > 1:
            candidates = [c for c in candidates if c in in_doc]
        if not candidates:  # a discovered holder of the same office, named earlier
            candidates = [
                m.entity
                for m in people
                if m.start < title.start
                and m.entity in discovered
                and discovered[m.entity].role == title.role
                and discovered[m.entity].country == owner
            ][-1:]
        if len(set(candidates)) != 1:
            continue
        start = title.head_start
        for m in _overlaps(mentions, title.head_start, title.head_end):
            start = max(start, m.end + (1 if text[m.end : m.end + 1] == "-" else 0))
        if start >= title.head_end:
            continue
        out.append(
            EntityMention(
                start,
                title.head_end,
                text[start : title.head_end],
                candidates[0],
                "person",
                "role",
                0.8,
            )
        )
    return out


# What may follow a demonym used as a noun for one person: "the Norwegian said", "…, who".
_AFTER_PERSON = words(
    """said says told added insisted argued warned replied stressed noted wrote who has had was is
    will would could can did does also then later , . ; : sagte sagt erklärte betonte fügte hat
    hatte ist war wird a déclaré dit estime affirme qui"""
)


def demonym_people(
    text: str,
    tokens: list[Token],
    mentions: list[EntityMention],
    person_country: dict[str, str],
) -> dict[int, EntityMention]:
    """Adjective mentions that name a person ("the Norwegian said"): start -> person mention."""
    starts = [t.start for t in tokens]
    out: dict[int, EntityMention] = {}
    last_by_country: dict[str, str] = {}
    for m in sorted(mentions, key=lambda x: x.start):
        if m.type == "person" and m.entity and m.entity in person_country:
            last_by_country[person_country[m.entity]] = m.entity
            continue
        if m.method != "adjective" or not m.text[:1].isupper() or m.entity is None:
            continue
        i = bisect_left(starts, m.start)
        prev = tokens[i - 1].text.lower() if i > 0 else ""
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else "."
        singular = not m.text.endswith(("s", "n", "innen")) or m.text.endswith(("ien", "ian"))
        definite = prev in ("the", "der", "le", "la", "l'", "l’") or (
            prev == "die" and m.text.endswith("in")
        )
        if not (definite and singular and nxt in _AFTER_PERSON):
            continue
        person = last_by_country.get(m.entity)
        if person is not None:
            out[m.start] = EntityMention(m.start, m.end, m.text, person, "person", "demonym", 0.7)
    return out


_FULL_NAME_METHODS = frozenset({"gazetteer", "discovered", "variant"})


def surname_mentions(
    text: str, tokens: list[Token], mentions: list[EntityMention], titles: list[Title]
) -> list[EntityMention]:
    """Bare surnames of people named in full elsewhere in the document ("Imber said").

    Not when another first name stands before it ("Christian Rödl" is not "Bernd Rödl")."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.method not in _FULL_NAME_METHODS or m.type != "person" or not m.entity:
            continue
        if len(m.text.split()) > 1:
            by_surname[fold(split_name(m.text)[1])].add(m.entity)
    if not by_surname:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in taken]
    out = []
    for i, tok in enumerate(tokens):
        if not tok.is_cap:
            continue
        key = fold(tok.text)
        end = tok.end
        if key.endswith(("'s", "’s")):  # "Orlov's comments": the mention is the name
            key, end = key[:-2], end - 2
        ids = by_surname.get(key) or by_surname.get(key[:-1] if key.endswith("s") else "")
        if not ids or len(ids) != 1:
            continue
        j = bisect_left(starts, end)
        if j > 0 and taken[j - 1][1] > tok.start:
            continue  # already part of a mention
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt and nxt.is_cap and nxt.is_word and text[tok.end : nxt.start] == " ":
            continue  # part of another name ("Imber Foundation")
        prev = tokens[i - 1] if i > 0 else None
        if (
            prev is not None
            and prev.is_cap
            and prev.text.isalpha()
            and text[prev.end : tok.start] == " "
            and prev.text.lower() not in NOT_NAME
            and not any(t.head_start <= prev.start < t.head_end for t in titles)
            and (not sentence_start(text, prev.start) or fold(prev.text) in GIVEN_NAMES)
        ):
            continue
        out.append(
            EntityMention(
                tok.start, end, text[tok.start : end], next(iter(ids)), "person", "surname", 0.8
            )
        )
    return out
