"""The story timeline: dated events per story and per actor, with their sources.

Events come from four places in each document: quotes (kind ``statement``), positions
(``pledge``, ``refusal``, ``position``), figures with a claimant (``figure``) and sentences
where an actor, an event verb and a time expression meet (``meeting``, ``decision``,
``refusal``, ``pledge``, ``withdrawal``, ``announcement``, ``agreement``). Each is dated by
``annotate.anchoring`` (the time its text states, else the article's date).

The same event reported by several outlets becomes one timeline item with several sources.
Two reports are taken to be the same event when they have the same actor and kind, their
dates can be the same day (a date taken from the article's own date may be a day or two
after the event), and they say the same thing: the same topic and stance for positions, or
enough shared evidence: the entities and numbers they mention (which survive translation,
so an English and a German report of one pledge meet) or, in one language, the words.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import simplemma

from storyline.analysis.timeline_svg import timeline_svg
from storyline.annotate.anchoring import Anchored, anchor_span, granularity_of, value_interval
from storyline.document import Document, Granularity, Span

__all__ = ["build_timeline", "story_timeline", "timeline_by_actor", "timeline_svg"]

# A date taken from the article's own date (nothing in the text said when) may be this many
# days after the event: agencies report the same or the next day, weeklies later.
DOCUMENT_LAG_DAYS = 2
# Shared evidence needed to call two reports one event: entities + numbers (Jaccard), or, in
# one language, content words (Jaccard). Chosen on hand-made pairs: paraphrases of one pledge
# share about half their entities/numbers; different statements by one speaker on one day
# share well under a third of their words.
SIGNATURE_OVERLAP = 0.5
WORD_OVERLAP = 0.3
# The short description is the item's sentence, cut around the item when longer than this.
DESCRIPTION_CHARS = 220
# Precedence of how a date was found, most trustworthy first: the cluster takes its date from
# the best-dated report.
_METHOD_RANK = {
    "text": 0,
    "text_estimated": 1,
    "document": 2,
    "estimated_document": 3,
    "before_document": 4,
}
_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "vague": 5}
# Kinds that say little about what happened: a report of this kind may be the same event as
# a more specific one ("announced" and "pledged" 800 troops on one day).
_GENERIC_KINDS = frozenset({"statement", "announcement", "figure", "position"})
_ACTOR_TYPES = frozenset({"country", "organization", "person", "group"})

# Event verbs for sentence-level events, per language: what happened, not what was said
# (quotes cover saying). Inflected forms are listed rather than lemmatised: the few forms a
# news report uses are known, and a lemmatiser would also catch nouns ("offer", "Angebot").
_EVENT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "meeting": r"met|meets|held talks|hosted|visited|summit",
        "decision": r"decided|approved|adopted|voted|agreed to|endorsed",
        "refusal": r"refused|rejected|ruled out|declined|vetoed|turned down",
        "pledge": r"pledged|promised|offered|committed|vowed",
        "withdrawal": r"withdrew|withdrawn|pulled out|recalled",
        "announcement": r"announced|unveiled|proposed|launched",
        "agreement": r"signed|ratified",
    },
    "de": {
        "meeting": r"trafen?|getroffen|beriet(?:en)?|besuchte|Gipfel|Treffen",
        "decision": r"beschlo(?:ss|ß)(?:en)?|billigte|stimmte[n]?|verabschiedete|entschied",
        "refusal": r"lehnte[n]?|abgelehnt|ausgeschlossen|schloss(?:en)?|verweigerte",
        "pledge": r"zugesagt|sagte[n]? (?:\w+ ){0,4}zu|versprach|versprochen|angeboten|bot",
        "withdrawal": r"zurückgezogen|zog(?:en)? (?:\w+ ){0,4}zurück",
        "announcement": r"kündigte[n]?|angekündigt|schlug|vorgeschlagen|stellte (?:\w+ ){0,3}vor",
        "agreement": r"unterzeichnete[n]?|unterzeichnet|ratifiziert",
    },
    "fr": {
        "meeting": r"rencontré|reçu|réunis?|sommet|s'est entretenue?",
        "decision": r"décidé|approuvé|adopté|voté|entériné",
        "refusal": r"refusé|rejeté|exclu|décliné|opposé (?:son|un) veto",
        "pledge": r"promis|offert|engagée?s? à|proposé d'envoyer",
        "withdrawal": r"retiré|retirée|se retire",
        "announcement": r"annoncé|dévoilé|proposé|lancé",
        "agreement": r"signé|ratifié",
    },
}
_EVENT_PATTERNS = {
    lang: [(kind, re.compile(rf"\b(?:{words})\b")) for kind, words in table.items()]
    for lang, table in _EVENT_WORDS.items()
}
_NUMBER = re.compile(r"\d(?:[\d.,\u00a0\u202f ]*\d)?")
_WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True, slots=True)
class _Report:
    """One event as one document reports it."""

    doc: str
    outlet: str | None
    language: str
    start: int  # the evidence span in the document's text
    end: int
    evidence: str
    description: str
    actor: str | None
    kind: str
    date: str
    granularity: Granularity
    method: str
    signature: frozenset[str]  # entities (other than the actor), numbers, topic and stance
    words: frozenset[str]
    key: str | None  # positions: topic + stance + commitment, the same across languages


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[.,\s\u00a0\u202f]", "", n) for n in _NUMBER.findall(text)}


def _words(text: str, language: str) -> frozenset[str]:
    lang = language if language in ("en", "de", "fr") else "en"
    return frozenset(simplemma.lemmatize(w.lower(), lang=lang) for w in _WORD.findall(text))


def _sentence(doc: Document, start: int, end: int) -> Span:
    for sentence in doc.sentences:
        if sentence.start <= start < sentence.end or sentence.start < end <= sentence.end:
            low, high = min(sentence.start, start), max(sentence.end, end)
            return Span.of(doc.text, low, high)
    return Span.of(doc.text, start, end)


def _describe(doc: Document, start: int, end: int) -> str:
    """A short extractive description: the item's sentence, cut around the item if long."""
    sentence = _sentence(doc, start, end)
    if len(sentence.text) <= DESCRIPTION_CHARS:
        return sentence.text
    room = max(0, (DESCRIPTION_CHARS - (end - start)) // 2)
    low, high = max(sentence.start, start - room), min(sentence.end, end + room)
    while low > sentence.start and not doc.text[low - 1].isspace():
        low += 1  # do not start inside a word
    while high < sentence.end and not doc.text[high].isspace():
        high -= 1
    cut = doc.text[low:high].strip()
    return ("… " if low > sentence.start else "") + cut + (" …" if high < sentence.end else "")


def _signature(doc: Document, start: int, end: int, actor: str | None) -> set[str]:
    sentence = _sentence(doc, start, end)
    entities = {
        m.entity
        for m in doc.mentions
        if m.entity and m.entity != actor and sentence.start <= m.start < sentence.end
    }
    return entities | _numbers(sentence.text)


def _report(
    doc: Document,
    span: tuple[int, int],
    actor: str | None,
    kind: str,
    when: Anchored,
    extra: Iterable[str] = (),
    key: str | None = None,
) -> _Report | None:
    if when.date is None:
        return None  # nothing says when: it cannot be placed on a timeline
    start, end = span
    language = (doc.language or "en")[:2]
    sentence = _sentence(doc, start, end)
    return _Report(
        doc=doc.id,
        outlet=doc.outlet,
        language=language,
        start=start,
        end=end,
        evidence=doc.text[start:end],
        description=_describe(doc, start, end),
        actor=actor,
        kind=kind,
        date=when.date,
        granularity=when.granularity,
        method=when.method,
        signature=frozenset(_signature(doc, start, end, actor) | set(extra)),
        words=_words(sentence.text, language),
        key=key,
    )


def _stored(date_value: str | None, method: str | None, computed: Anchored) -> Anchored:
    """A date some component already set wins over recomputing it."""
    if not date_value:
        return computed
    granularity = "vague" if method == "before_document" else granularity_of(date_value)
    return Anchored(date_value, granularity, method or computed.method)


def _position_kind(commitment: str | None, stance: str | None) -> str:
    if commitment == "declined":
        return "refusal"
    if commitment in ("pledged", "conditional"):
        return "pledge"
    return "refusal" if stance == "oppose" else "position"


def _document_reports(doc: Document) -> Iterator[_Report]:
    taken: list[tuple[int, int]] = []
    for p in doc.positions:
        when = _stored(p.date, p.date_method, anchor_span(doc, p.start, p.end))
        key = f"{p.topic}|{p.stance}|{p.commitment}"
        found = _report(
            doc,
            (p.start, p.end),
            p.actor,
            _position_kind(p.commitment, p.stance),
            when,
            (p.topic,),
            key,
        )
        if found:
            taken.append((p.start, p.end))
            yield found
    for q in doc.quotes:
        # A position voiced in this quote already stands for it, with more information.
        if any(
            p.speaker == q.speaker and p.start < q.end and q.start < p.end for p in doc.positions
        ):
            continue
        computed = anchor_span(
            doc, q.start, q.end, focus=q.cue_span or q.speaker_span, exclude=(q.start, q.end)
        )
        found = _report(
            doc,
            (q.start, q.end),
            q.speaker,
            "statement",
            _stored(q.event_date, q.event_date_method, computed),
        )
        if found:
            taken.append((q.start, q.end))
            yield found
    for f in doc.figures:
        if f.claimed_by is None:
            continue  # an unclaimed number is context, not an event
        computed = anchor_span(doc, f.start, f.end)
        found = _report(
            doc,
            (f.start, f.end),
            f.claimed_by,
            "figure",
            _stored(f.event_date, computed.method, computed),
            (f.unit or "",),
        )
        if found:
            taken.append((f.start, f.end))
            yield found
    yield from _sentence_reports(doc, taken)


def _sentence_reports(doc: Document, taken: Sequence[tuple[int, int]]) -> Iterator[_Report]:
    """Events told in plain sentences: an actor, an event verb and a time expression."""
    patterns = _EVENT_PATTERNS.get((doc.language or "en")[:2])
    if not patterns:
        return
    for sentence in doc.sentences:
        times = [t for t in doc.times if sentence.start <= t.start < sentence.end and t.value]
        if not times:
            continue
        for kind, pattern in patterns:
            verb = pattern.search(doc.text, sentence.start, sentence.end)
            if verb is None:
                continue
            if any(a < sentence.end and sentence.start < b for a, b in taken):
                break  # this sentence already gave a quote, position or figure
            actors = [
                m
                for m in doc.mentions
                if m.entity and m.type in _ACTOR_TYPES and sentence.start <= m.start < sentence.end
            ]
            # The subject usually comes before the verb; failing that, the first actor named.
            before = [m for m in actors if m.end <= verb.start()]
            actor = before[-1] if before else actors[0] if actors else None
            if actor is None:
                break
            span = (min(actor.start, verb.start()), max(actor.end, verb.end()))
            when = anchor_span(doc, span[0], span[1], focus=(verb.start(), verb.end()))
            if when.method != "text":
                break  # a sentence event needs its own date: otherwise it is background
            found = _report(doc, span, actor.entity, kind, when)
            if found:
                yield found
            break  # one event per sentence: the first (most specific) kind found


def _window(report: _Report) -> tuple[date, date] | None:
    interval = value_interval(report.date)
    if interval is None:
        return None
    if report.method in ("document", "estimated_document"):
        return interval[0] - timedelta(days=DOCUMENT_LAG_DAYS), interval[1]
    if report.method == "before_document":
        return date.min, interval[1]
    return interval


def _dates_agree(a: _Report, b: _Report) -> bool:
    wa, wb = _window(a), _window(b)
    return wa is not None and wb is not None and wa[0] <= wb[1] and wb[0] <= wa[1]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _kinds_agree(a: str, b: str) -> bool:
    return a == b or a in _GENERIC_KINDS or b in _GENERIC_KINDS


def same_event(a: _Report, b: _Report, side: Mapping[str, str] | None = None) -> bool:
    """Whether two reports tell of one event (see the module docstring). ``side`` maps an
    actor to the one it acts for (a minister to the country), so that "Lavalle announced" and
    "Belmora pledged" can meet."""
    if a.doc == b.doc and a.start < b.end and b.start < a.end:
        return True
    if a.actor is None or b.actor is None:
        return False
    side = side or {}
    if side.get(a.actor, a.actor) != side.get(b.actor, b.actor):
        return False
    if not _kinds_agree(a.kind, b.kind) or not _dates_agree(a, b):
        return False
    if a.key is not None and a.key == b.key:
        return True
    # One actor rarely pledges, refuses or meets twice on one day: a specific kind with the
    # same day stated in both texts is enough.
    if (
        a.kind == b.kind
        and a.kind not in _GENERIC_KINDS
        and a.method == b.method == "text"
        and a.granularity == b.granularity == "day"
        and a.date == b.date
    ):
        return True
    if _jaccard(a.signature, b.signature) >= SIGNATURE_OVERLAP:
        return True
    return a.language == b.language and _jaccard(a.words, b.words) >= WORD_OVERLAP


def _clusters(reports: list[_Report], side: Mapping[str, str]) -> list[list[_Report]]:
    """Single-link grouping within each side (actor or the country it acts for)."""
    buckets: dict[str | None, list[_Report]] = defaultdict(list)
    for r in reports:
        buckets[side.get(r.actor, r.actor) if r.actor else None].append(r)
    clusters: list[list[_Report]] = []
    for bucket in buckets.values():
        groups: list[list[_Report]] = []
        for report in bucket:
            home = [g for g in groups if any(same_event(report, o, side) for o in g)]
            merged = [report] + [r for g in home for r in g]
            groups = [g for g in groups if g not in home] + [merged]
        clusters.extend(groups)
    return clusters


def _best(cluster: list[_Report]) -> _Report:
    """The report that speaks for the cluster: the best-dated, then the most specific kind."""
    return min(
        cluster,
        key=lambda r: (
            r.kind in _GENERIC_KINDS,
            _METHOD_RANK.get(r.method, 9),
            _GRANULARITY_RANK[r.granularity],
            r.date,
            r.doc,
            r.start,
        ),
    )


def _item(cluster: list[_Report]) -> dict[str, Any]:
    best = _best(cluster)
    ordered = sorted(cluster, key=lambda r: (r.doc, r.start))
    raw = "|".join(f"{r.doc}:{r.start}:{r.end}" for r in ordered)
    return {
        "id": "t-" + hashlib.sha256(raw.encode()).hexdigest()[:12],
        "date": best.date,
        "granularity": best.granularity,
        "date_method": best.method,
        "actor": best.actor,
        "actors": sorted({r.actor for r in cluster if r.actor}),
        "kind": best.kind,
        "text": best.description,
        "sources": [
            {"doc": r.doc, "start": r.start, "end": r.end, "text": r.evidence, "outlet": r.outlet}
            for r in ordered
        ],
    }


def _order(item: dict[str, Any]) -> tuple[Any, ...]:
    interval = value_interval(item["date"]) or (date.max, date.max)
    return (
        interval[0],
        _GRANULARITY_RANK.get(item["granularity"], 9),
        item["actor"] or "",
        item["kind"],
        item["id"],
    )


def build_timeline(
    docs: Iterable[Document], side: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """All dated events of ``docs``, merged across outlets, in chronological order (export
    key ``timeline``). ``side`` maps people to the country or organisation they speak for
    (from the knowledge base), which lets their reports merge with the country's."""
    reports = [r for doc in docs for r in _document_reports(doc)]
    return sorted((_item(c) for c in _clusters(reports, side or {})), key=_order)


def timeline_by_actor(events: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The timeline split per actor; an event merged from reports naming different actors
    (a minister, her country) is listed under each. Events without an actor are left out."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        for actor in event["actors"]:
            out[actor].append(event)
    return dict(out)


def story_timeline(
    events: Iterable[dict[str, Any]], doc_ids: Iterable[str]
) -> list[dict[str, Any]]:
    """The events of one story: those with at least one source among its documents."""
    wanted = set(doc_ids)
    return [e for e in events if any(s["doc"] in wanted for s in e["sources"])]
