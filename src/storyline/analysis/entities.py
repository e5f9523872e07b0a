"""The corpus-wide entity table: mentions from every document grouped by entity, with
discovered people and organisations merged across documents.

Merging rules (discovered ``person:disc-…`` / ``org:disc-…`` ids only; KB ids are never merged
with each other):
- a discovered person whose surname matches a KB person's (same transliteration key, or a
  fuzzy match; see ``annotate.entity_names``) and whose first name fits becomes that KB person,
  when exactly one KB person qualifies;
- two discovered people merge when their surnames match that way and neither their first names
  nor their countries contradict: "Rafael Imber" and "Rafael Imbér" merge, "Anna Berg" and
  "Jonas Berg" never do; a surname-only entity joins the one full name with that surname;
- discovered organisations merge on their folded name (and never across countries);
- a cluster that would hold two KB entities is not formed.
Unlinked mentions (``entity`` is None: ambiguous forms) stay out of the table.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from storyline.annotate.entity_discovery import Discovered, discover_people
from storyline.annotate.entity_names import (
    SURNAME_SIMILARITY,
    same_first_name,
    split_name,
    translit_key,
)
from storyline.annotate.entity_orgs import ministry_label
from storyline.annotate.entity_resolve import KbIndex
from storyline.annotate.entity_roles import find_titles
from storyline.annotate.entity_text import tokenize
from storyline.document import Document
from storyline.kb.model import KnowledgeBase

_DISCOVERED = ("person:disc-", "org:disc-")
_FULL_NAME_METHODS = frozenset({"discovered", "variant", "gazetteer"})


@dataclass
class _Profile:
    """What the corpus says about one discovered id."""

    id: str
    type: str
    names: Counter[str] = field(default_factory=Counter)  # full names as written
    countries: Counter[str] = field(default_factory=Counter)
    # (KB role id, title as written, country named with the title)
    roles: dict[tuple[str | None, str, str | None], None] = field(default_factory=dict)
    mentions: int = 0

    @property
    def name(self) -> str:
        full = [n for n in self.names if len(n.split()) > 1] or list(self.names)
        return max(full, key=lambda n: (self.names[n], len(n), n)) if full else self.id

    @property
    def first(self) -> str:
        return split_name(self.name)[0]

    @property
    def surname(self) -> str:
        return split_name(self.name)[1]

    @property
    def country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None


def _details(doc: Document, index: KbIndex) -> dict[tuple[int, int], Discovered]:
    """Titles and countries of a document's discovered people, found again from its text."""
    if not any(m.entity and m.entity.startswith("person:disc-") for m in doc.mentions):
        return {}
    others = [m for m in doc.mentions if m.type != "person"]
    tokens = tokenize(doc.text)
    titles = find_titles(doc.text, tokens, others, index.lookup)
    return {(d.start, d.end): d for d in discover_people(doc.text, tokens, titles, others)}


def _profiles(docs: list[Document], index: KbIndex) -> dict[str, _Profile]:
    profiles: dict[str, _Profile] = {}
    for doc in docs:
        details = _details(doc, index)
        for m in doc.mentions:
            if not m.entity or not m.entity.startswith(_DISCOVERED):
                continue
            p = profiles.setdefault(m.entity, _Profile(m.entity, m.type))
            p.mentions += 1
            if m.method in _FULL_NAME_METHODS or m.type == "organization":
                p.names[" ".join(m.text.split())] += 1
            d = details.get((m.start, m.end))
            if d is not None:
                if d.country:
                    p.countries[d.country] += 1
                if d.title:
                    p.roles[(d.role, " ".join(d.title.split()), d.country)] = None
            if m.entity.endswith("-ministry"):
                p.countries["country:" + m.entity.split("-")[1].upper()] += 1
    return profiles


class _Clusters:
    """Union-find over ids that refuses unions breaking the merge rules."""

    def __init__(self, profiles: dict[str, _Profile], kb_of: dict[str, str]) -> None:
        self.parent = {pid: pid for pid in profiles}
        self.members = {pid: [pid] for pid in profiles}
        self.profiles = profiles
        self.kb_of = kb_of  # discovered id -> KB id it was resolved to

    def find(self, pid: str) -> str:
        while self.parent[pid] != pid:
            self.parent[pid] = self.parent[self.parent[pid]]
            pid = self.parent[pid]
        return pid

    def _compatible(self, a: str, b: str) -> bool:
        pa, pb = self.profiles[a], self.profiles[b]
        if pa.type != pb.type:
            return False
        if pa.country and pb.country and pa.country != pb.country:
            return False
        if pa.type == "person" and not same_first_name(pa.first, pb.first):
            return False
        ka, kb = self.kb_of.get(a), self.kb_of.get(b)
        return not (ka and kb and ka != kb)

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not all(self._compatible(x, y) for x in self.members[ra] for y in self.members[rb]):
            return False
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)
        return True


def _kb_surnames(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Transliteration key of every listed surname -> KB person ids."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in kb.entities.values():
        if e.type != "person":
            continue
        for form, kind, _ in e.surface_forms():
            if kind == "names":
                out[translit_key(split_name(form)[1])].add(e.id)
    return out


def _similar_keys(keys: list[str]) -> dict[str, list[str]]:
    """For each surname key, the other keys close enough to be one surname spelt twice."""
    out: dict[str, list[str]] = {k: [] for k in keys}
    long_keys = [k for k in keys if len(k) > 4]
    for key in long_keys:
        for other, _score, _ in process.extract(
            key, long_keys, scorer=fuzz.ratio, score_cutoff=SURNAME_SIMILARITY, limit=None
        ):
            if other != key:
                out[key].append(other)
    return out


def _to_kb(profiles: dict[str, _Profile], kb: KnowledgeBase, index: KbIndex) -> dict[str, str]:
    """Discovered people that are a KB person under another spelling."""
    surnames = _kb_surnames(kb)
    similar = _similar_keys(list(surnames))
    out = {}
    for p in profiles.values():
        if p.type != "person" or not p.first:
            continue
        key = translit_key(p.surname)
        ids = set(surnames.get(key, ()))
        if len(key) > 4:
            for other, _s, _ in process.extract(
                key, list(similar), scorer=fuzz.ratio, score_cutoff=SURNAME_SIMILARITY, limit=5
            ):
                ids |= surnames[other]
        fits = [
            pid
            for pid in sorted(ids)
            if index.first_name_fits(pid, p.first)
            and not (p.country and index.country.get(pid) not in (None, p.country))
        ]
        if len(fits) == 1:
            out[p.id] = fits[0]
    return out


def canonical_ids(docs: list[Document], kb: KnowledgeBase) -> dict[str, str]:
    """Discovered id -> the id it is merged into (a KB id or another discovered id).

    Other layers (quotes, positions) use it to report a speaker under the same id as the
    entity table does. Ids that stay as they are do not appear.
    """
    index = KbIndex.build(kb)
    profiles = _profiles(docs, index)
    return _merge(profiles, kb, index)


def _merge(profiles: dict[str, _Profile], kb: KnowledgeBase, index: KbIndex) -> dict[str, str]:
    kb_of = _to_kb(profiles, kb, index)
    clusters = _Clusters(profiles, kb_of)
    people = [p for p in profiles.values() if p.type == "person"]
    by_key: dict[str, list[str]] = defaultdict(list)
    for p in sorted(people, key=lambda p: (-p.mentions, p.id)):
        by_key[translit_key(p.surname)].append(p.id)
    similar = _similar_keys(list(by_key))
    for key, ids in by_key.items():
        full = [i for i in ids if profiles[i].first]
        for other_key in similar[key]:
            full += [i for i in by_key[other_key] if profiles[i].first]
        for pid in ids:
            if profiles[pid].first:
                for other in full:
                    if other != pid:
                        clusters.union(pid, other)
            elif len({clusters.find(f) for f in full}) == 1:
                clusters.union(full[0], pid)  # "Imber" joins the one "Rafael Imber"
    by_name: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for p in profiles.values():
        if p.type == "organization":
            by_name[(translit_key(p.name), p.country)].append(p.id)
    for ids in by_name.values():
        for other in ids[1:]:
            clusters.union(ids[0], other)
    out: dict[str, str] = {}
    for members in clusters.members.values():
        kb_ids = {kb_of[m] for m in members if m in kb_of}
        target = next(iter(kb_ids)) if len(kb_ids) == 1 else None
        if target is None:
            target = min(members, key=lambda m: (-profiles[m].mentions, m))
        for m in members:
            if m != target:
                out[m] = target
    return out


def _item(
    eid: str,
    mentions: list[dict[str, Any]],
    kb: KnowledgeBase,
    profiles: dict[str, _Profile],
    merged_from: list[str],
    mention_type: str,
) -> dict[str, Any]:
    entity = kb.get(eid)
    if entity is not None:
        country = entity.country or (eid if entity.type == "country" else None)
        item: dict[str, Any] = {
            "id": eid,
            "type": entity.type,
            "name": entity.name,
            "wikidata": entity.wikidata,
            "country": country,
        }
        roles = [{"role": r.role, "of": r.of, "start": r.start, "end": r.end} for r in entity.roles]
    else:
        own = [profiles[m] for m in merged_from if m in profiles]
        main = profiles.get(eid) or (own[0] if own else None)
        countries: Counter[str] = Counter()
        for p in own:
            countries.update(p.countries)
        country = countries.most_common(1)[0][0] if countries else None
        name = main.name if main else mentions[0]["text"]
        label = ministry_label(eid)
        if label and country and kb.get(country):
            name = f"{kb.entities[country].name} {label}"
        item = {
            "id": eid,
            "type": main.type if main else mention_type,
            "name": name,
            "wikidata": None,
            "country": country,
        }
        roles = [
            {"role": role, "title": title, "country": of}
            for p in own
            for role, title, of in p.roles
        ]
    if roles:
        item["roles"] = roles
    item["mentions"] = mentions
    return item


def entity_table(docs: list[Document], kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The export's ``entities`` list: one item per entity, ordered by number of mentions."""
    index = KbIndex.build(kb)
    profiles = _profiles(docs, index)
    merged = _merge(profiles, kb, index)
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    sources: dict[str, list[str]] = defaultdict(list)
    for pid in profiles:
        sources[merged.get(pid, pid)].append(pid)
    fallback_type: dict[str, str] = {}
    for doc in docs:
        for m in doc.mentions:
            if m.entity is None:
                continue
            eid = merged.get(m.entity, m.entity)
            fallback_type.setdefault(eid, m.type)
            mentions[eid].append(
                {"doc": doc.id, "start": m.start, "end": m.end, "text": m.text, "method": m.method}
            )
    items = []
    for eid in sorted(mentions, key=lambda e: (-len(mentions[e]), e)):
        items.append(
            _item(eid, mentions[eid], kb, profiles, sources.get(eid, []), fallback_type[eid])
        )
    return items
