"""The ``entities`` component: recognition, discovery and within-document resolution.

Steps, each in its own module:
1. gazetteer lookup of KB forms and their inflections (``entity_gazetteer``, ``entity_forms``);
2. titles and roles (``entity_roles``), then people named next to a title
   (``entity_discovery``) and organisations (``entity_orgs``), with stable ``disc-`` ids;
3. resolution (``entity_resolve``, ``entity_metonyms``): forms that need context, capitals that
   stand for governments, "the French president" by KB roles on the publication date,
   "the Norwegian", and surname-only mentions.

Mention ``method`` values: ``gazetteer``, ``adjective``, ``metonym``, ``context`` (a form linked
because the document names its entity unambiguously elsewhere), ``variant`` (a KB person under
a first-name spelling the KB lacks), ``discovered``, ``role``, ``demonym``, ``surname``,
``ambiguous`` (unlinked: two entities share the form) and ``place`` (a capital as a place, only
with ``capitals_as_places``).

The gazetteer and KB index are built once per process and KB file list.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from storyline.annotate.entity_discovery import (
    NOT_NAME,
    Discovered,
    discover_named_people,
    discover_people,
    person_id,
)
from storyline.annotate.entity_gazetteer import Gazetteer, Match, mention
from storyline.annotate.entity_metonyms import governs
from storyline.annotate.entity_orgs import discover_ministries, discover_organisations
from storyline.annotate.entity_resolve import (
    KbIndex,
    demonym_people,
    role_mentions,
    surname_mentions,
)
from storyline.annotate.entity_roles import Title, find_titles
from storyline.annotate.entity_text import Token, fold, sentence_start, tokenize
from storyline.config import Config
from storyline.document import Document, EntityMention
from storyline.errors import ConfigError
from storyline.kb.model import demo_kb_file, shared_kb

__all__ = ["Entities", "Gazetteer", "Resources", "annotate_text", "fold", "make_entities"]


@dataclass(frozen=True)
class Resources:
    gazetteer: Gazetteer
    index: KbIndex


@lru_cache(maxsize=4)
def resources(files: tuple[str, ...]) -> Resources:
    kb = shared_kb(files)
    return Resources(Gazetteer(kb), KbIndex.build(kb))


@dataclass(frozen=True)
class Options:
    discovery: bool = True
    resolution: bool = True
    capitals_as_places: bool = False


def _overlapping(mentions: list[EntityMention], a: int, b: int) -> list[EntityMention]:
    return [m for m in mentions if m.start < b and a < m.end]


def _initial(
    matches: list[Match],
) -> tuple[list[EntityMention], dict[tuple[int, int], Match], list[Match]]:
    """Linked mentions, unlinked shared forms (by span), and forms that need context."""
    base: list[EntityMention] = []
    shared: dict[tuple[int, int], Match] = {}
    pending: list[Match] = []
    for m in matches:
        strong_ids = {e.entity for e in m.strong}
        if not strong_ids:
            pending.append(m)
        elif len(strong_ids) == 1:
            base.append(mention(m, m.strong[0]))
        else:
            base.append(mention(m, m.strong[0], entity=None))
            shared[(m.start, m.end)] = m
    return base, shared, pending


def _with_people(
    text: str,
    base: list[EntityMention],
    people: list[Discovered],
    shared: dict[tuple[int, int], Match],
    index: KbIndex,
) -> tuple[list[EntityMention], dict[str, Discovered]]:
    mentions = list(base)
    discovered: dict[str, Discovered] = {}
    for d in people:
        over = _overlapping(mentions, d.start, d.end)
        if any(m.type != "person" for m in over):
            continue
        if any(m.start <= d.start and m.end >= d.end for m in over if m.entity):
            continue  # the KB knows this name as written
        target: str | None = None
        if over:
            first = text[d.start : over[0].start].strip()
            if not first:
                continue
            span = (over[0].start, over[0].end)
            ids = shared[span].ids if span in shared else {m.entity for m in over if m.entity}
            fits = [pid for pid in sorted(ids) if pid and index.first_name_fits(pid, first)]
            target = fits[0] if len(fits) == 1 else None
            mentions = [m for m in mentions if m not in over]
        if target is not None:  # "Sergey Lavrov" where the KB spells "Sergei Lavrov"
            mentions.append(EntityMention(d.start, d.end, d.name, target, "person", "variant", 0.9))
        else:
            discovered.setdefault(d.entity, d)
            confidence = 0.8 if d.title else 0.6  # a title is better evidence than a name alone
            mentions.append(
                EntityMention(d.start, d.end, d.name, d.entity, "person", "discovered", confidence)
            )
    return mentions, discovered


# Languages that capitalise every noun: a capitalised word is no sign of a first name there.
_NOUN_CAPITALISING = frozenset({"de", "lb", None, "und"})


def _first_names(
    text: str,
    tokens: list[Token],
    mentions: list[EntityMention],
    titles: list[Title],
    shared: dict[tuple[int, int], Match],
    index: KbIndex,
    language: str | None,
) -> list[EntityMention]:
    """A KB surname right after a first name: the KB person if the first name fits
    ("Sergey Volkov" for "Sergei Volkov"), else somebody else with the same surname.

    The word before counts as a first name when the KB knows it as one, or when it is a
    capitalised word inside a sentence in a language that does not capitalise nouns (in
    German "das Kabinett Morwitz" is no first name, and "Ob Morwitz …" opens a sentence)."""
    starts = [t.start for t in tokens]
    in_titles = [(t.start, t.end) for t in titles]
    covered = [(m.start, m.end) for m in mentions]
    out = []
    for m in mentions:
        if m.type != "person" or " " in m.text or m.method not in ("gazetteer", "ambiguous"):
            out.append(m)
            continue
        i = bisect_left(starts, m.start) - 1
        prev = tokens[i] if i >= 0 else None
        if (
            prev is None
            or text[prev.end : m.start] != " "
            or not (prev.is_cap and prev.text.isalpha() and not prev.text.isupper())
            or prev.text.lower() in NOT_NAME
            or any(a < prev.end and prev.start < b for a, b in in_titles + covered)
            or not (
                fold(prev.text) in index.known_first_names
                or (language not in _NOUN_CAPITALISING and not sentence_start(text, prev.start))
            )
        ):
            out.append(m)
            continue
        ids = shared[(m.start, m.end)].ids if m.entity is None else {m.entity}
        fits = [pid for pid in sorted(ids) if index.first_name_fits(pid, prev.text)]
        name = text[prev.start : m.end]
        if len(fits) == 1:
            out.append(EntityMention(prev.start, m.end, name, fits[0], "person", "variant", 0.9))
        elif not fits:
            out.append(
                EntityMention(prev.start, m.end, name, person_id(name), "person", "discovered", 0.6)
            )
        else:
            out.append(m)
    return out


def _with_orgs(
    text: str, mentions: list[EntityMention], orgs: list[Discovered]
) -> list[EntityMention]:
    for d in orgs:
        over = _overlapping(mentions, d.start, d.end)
        ministry = d.entity.endswith("-ministry")
        inside = all(
            d.start <= m.start and m.end <= d.end and m.type in ("country", "location")
            for m in over
        )
        if over and (ministry or not inside):
            continue
        mentions = [m for m in mentions if m not in over]
        surface = text[d.start : d.end]
        mentions.append(
            EntityMention(d.start, d.end, surface, d.entity, "organization", "discovered", 0.7)
        )
    return mentions


def _contextual(
    mentions: list[EntityMention], shared: dict[tuple[int, int], Match], pending: list[Match]
) -> list[EntityMention]:
    """Forms that need context, linked when the document names their entity unambiguously."""
    certain = {m.entity for m in mentions if m.entity and m.method != "ambiguous"}
    out = []
    for m in mentions:
        match = shared.get((m.start, m.end))
        if m.entity is None and match is not None:
            ids = match.ids & certain
            if len(ids) == 1:
                entry = next(e for e in match.entries if e.entity in ids)
                m = mention(match, entry, method="context", confidence=0.7)
        out.append(m)
    for match in pending:
        ids = match.ids & certain
        if len(ids) == 1 and not _overlapping(out, match.start, match.end):
            entry = next(e for e in match.entries if e.entity in ids)
            out.append(mention(match, entry, method="context", confidence=0.7))
    return out


_AND = re.compile(r"\s+(?:and|or|und|oder|et|ou)\s+$")


def _metonyms(
    text: str, tokens: list[Token], mentions: list[EntityMention], opts: Options
) -> list[EntityMention]:
    """Keep capitals that stand for a government; "Washington und Moskau müssten …": a capital
    joined by "and" to one that does also does."""
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [t.start for t in tokens]
    acting = [m.method != "metonym" or governs(text, tokens, m, starts) for m in mentions]
    for i in range(len(mentions) - 2, -1, -1):
        m, nxt = mentions[i], mentions[i + 1]
        if not acting[i] and m.method == "metonym" and nxt.method == "metonym" and acting[i + 1]:
            acting[i] = bool(_AND.match(text[m.end : nxt.start]))
    kept = []
    for m, keep in zip(mentions, acting, strict=True):
        if keep:
            kept.append(m)
        elif opts.capitals_as_places:
            kept.append(EntityMention(m.start, m.end, m.text, None, "location", "place", 0.5))
    return kept


def annotate_text(
    text: str,
    day: str | None,
    res: Resources,
    options: Options | None = None,
    language: str | None = None,
) -> list[EntityMention]:
    """All entity mentions of one text; ``day`` (ISO date) dates the roles it resolves,
    ``language`` (ISO 639-1) tunes the few rules that depend on capitalisation."""
    opts = options or Options()
    folded = fold(text)
    base, shared, pending = _initial(res.gazetteer.matches(text, folded))
    base.sort(key=lambda m: m.start)
    tokens = tokenize(text)
    mentions: list[EntityMention] = base
    discovered: dict[str, Discovered] = {}
    titles = find_titles(text, tokens, base, res.index.lookup, folded)
    if opts.discovery:
        people = discover_people(text, tokens, titles, base)
        people += discover_named_people(text, tokens, base, people)
        people.sort(key=lambda d: d.start)
        mentions, discovered = _with_people(text, base, people, shared, res.index)
        mentions = _first_names(text, tokens, mentions, titles, shared, res.index, language)
        mentions.sort(key=lambda m: m.start)
        orgs = discover_ministries(text, mentions) + discover_organisations(text, tokens, mentions)
        mentions = _with_orgs(text, mentions, orgs)
    if not opts.resolution:
        return _metonyms(text, tokens, mentions, opts)
    mentions = _metonyms(text, tokens, _contextual(mentions, shared, pending), opts)
    for r in role_mentions(text, titles, mentions, discovered, res.index, day):
        if not _overlapping(mentions, r.start, r.end):
            mentions.append(r)
    country_of = dict(res.index.country)
    country_of.update({d.entity: d.country for d in discovered.values() if d.country})
    as_person = demonym_people(text, tokens, mentions, country_of)
    mentions = [as_person.get(m.start, m) for m in mentions]
    mentions += surname_mentions(text, tokens, mentions, titles)
    return sorted(mentions, key=lambda m: m.start)


@dataclass
class Entities:
    files: tuple[str, ...]
    options: Options = Options()
    name: str = "entities"
    requires: frozenset[str] = frozenset({"text"})
    assigns: frozenset[str] = frozenset({"mentions"})

    def __call__(self, doc: Document) -> Document:
        day = doc.published.date[:10] if doc.published.date else None
        found = annotate_text(doc.text, day, resources(self.files), self.options, doc.language)
        return doc.with_(mentions=tuple(found))


def _flag(settings: Config, key: str, default: bool) -> bool:
    value = settings.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"[components.entities] {key} must be true or false, not {value!r}")
    return value


def make_entities(settings: Config, config: Config) -> Entities:
    files: Iterable[str] = settings.get("kb_files", [])
    resolved = tuple(str(demo_kb_file()) if f == "demo" else str(f) for f in files)
    options = Options(
        discovery=_flag(settings, "discovery", True),
        resolution=_flag(settings, "resolution", True),
        capitals_as_places=_flag(settings, "capitals_as_places", False),
    )
    return Entities(files=resolved, options=options)
