"""A rule-based system for SemEval-2015 Task 4, track A (timelines from raw text).

For each target entity: find the sentences that mention it, take the event words near the
mention, anchor each to the time expression of its sentence (``find_times``, resolved against
the document creation time) or else to the creation time itself, and order the anchors.

Event words are recognised by rules for English verb forms (past tense and participles,
common irregular verbs, a verb after "to", a modal or an auxiliary) and by a word list learned
from the task's trial corpus, whose event mentions are annotated. The trial corpus is the
task's development data; the scores are computed on the three evaluation corpora, which the
rules never see.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from storyline.annotate.anchoring import value_interval
from storyline.annotate.timex import find_times
from storyline.eval.timeline_score import Row, Timeline

# How many tokens an event may stand from the entity mention, after and before it: a subject
# is followed closely by its verb ("Airbus said"), an object follows its verb closely
# ("sued Apple"). Chosen on the trial corpus.
AFTER_MENTION = 8
BEFORE_MENTION = 4
# A word of the learned list counts as an event when annotated so at least this often.
LEARNED_RATIO = 0.5
LEARNED_MIN_COUNT = 2


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_IRREGULAR = _wordset(
    """said says say told tells sold sells won wins made makes built bought buys took takes
    gave gives came comes went goes lost loses fell falls rose rises began begins held holds
    paid pays left leaves met meets saw became brought cut cuts set hit led leads ran grew grows
    spent struck sent sends kept found got shut sank sunk drew fought flew flown chose chosen
    broke broken sought taught thought wrote written spoke spoken bid withdrew withdrawn
    dropped plunged slipped"""
)
_AUXILIARY = _wordset(
    "to will would could can may might must shall should has have had is are was were be been "
    "being did does do not n't"
)
_DETERMINERS = _wordset("the a an this that these those its their his her our your my")
# Words that look like verb forms but are not events in news text.
_NOT_EVENTS = _wordset(
    """based used united limited related called named expected red bed need speed feed
    hundred indeed seed shed weed proceed exceed succeed"""
)
_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)?")
# Generic words that complete an index or organisation name without identifying it.
_GENERIC_NAME_WORDS = _wordset("index composite average industrial stock markets market worldwide")
_ORGANISATION_WORDS = _wordset(
    """airlines airline motors force workers exchange reserve bank average index composite
    corporation inc group company corps stock markets airways"""
)
_COUNTRY_QUALIFIERS = (("united", "states"), ("us",), ("u.s.",), ("uk",))


@dataclass(frozen=True, slots=True)
class Token:
    tid: int
    sentence: int
    text: str


@dataclass(frozen=True, slots=True)
class CatDocument:
    doc_id: str
    tokens: tuple[Token, ...]
    dct: date | None
    events: frozenset[int]  # token ids inside annotated event mentions (trial data only)


def read_cat(path: Path) -> CatDocument:
    root = ElementTree.parse(path).getroot()
    tokens = tuple(
        Token(int(t.get("t_id", "0")), int(t.get("sentence", "0")), t.text or "")
        for t in root.iter("token")
    )
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            interval = value_interval((timex.get("value") or "")[:10])
            dct = interval[0] if interval else None
    events = frozenset(
        int(a.get("t_id", "0")) for m in root.iter("EVENT_MENTION") for a in m.iter("token_anchor")
    )
    return CatDocument(root.get("doc_id", path.stem.split("_")[0]), tokens, dct, events)


def learn_event_words(docs: Iterable[CatDocument]) -> dict[str, float]:
    """How often each lower-cased word is annotated as an event where it occurs."""
    seen: Counter[str] = Counter()
    marked: Counter[str] = Counter()
    for doc in docs:
        for token in doc.tokens:
            word = token.text.lower()
            seen[word] += 1
            marked[word] += token.tid in doc.events
    return {w: marked[w] / n for w, n in seen.items() if n >= LEARNED_MIN_COUNT}


def aliases(entity: str, others: Sequence[str] = ()) -> list[tuple[str, ...]]:
    """Token sequences that name ``entity`` (see the module docstring of the eval)."""
    words = entity.split()
    lower = [w.lower() for w in words]
    found: list[tuple[str, ...]] = [tuple(words)]
    if len(words) > 1:
        found.append(("".join(words),))  # "DaimlerChrysler"
    for qualifier in _COUNTRY_QUALIFIERS:
        if tuple(lower[: len(qualifier)]) == qualifier and len(words) > len(qualifier):
            found.append(tuple(words[len(qualifier) :]))
    # "NIKKEI 225", "Dow Jones Industrial Average": the name before numbers and generic words.
    cut = next(
        (i for i, w in enumerate(words) if i and (w.lower() in _GENERIC_NAME_WORDS or w.isdigit())),
        None,
    )
    rest = words[cut:] if cut else []
    branded = cut is not None and any(not w.islower() for w in words[:cut])
    if cut and branded and all(w.lower() in _GENERIC_NAME_WORDS or w.isdigit() for w in rest):
        found.append(tuple(words[:cut]))
        if cut > 1:
            found.append((words[0],))
    else:
        # "Airbus A380", "Boeing 787 Dreamliner": the model designation and name.
        for index, word in enumerate(words[1:], 1):
            if any(c.isdigit() for c in word) and len(word) >= 3:
                found.append((word,))
                found.extend((w,) for w in words[index + 1 :] if w[:1].isupper())
    # "iTunes store": the name without its lower-case common nouns.
    head = 0
    while head < len(words) and not words[head].islower():
        head += 1
    qualified = any(tuple(lower[:head]) == q for q in _COUNTRY_QUALIFIERS)
    if 0 < head < len(words) and all(w.islower() for w in words[head:]) and not qualified:
        found.append(tuple(words[:head]))
    capitalised = [w for w in words if w[:1].isupper()]
    organisation = any(w in _ORGANISATION_WORDS for w in lower)
    person_like = len(words) in (2, 3) and len(capitalised) == len(words) and not organisation
    if person_like and not any(c.isdigit() for c in entity):
        found.append((words[-1],))  # a person's surname
    if len(capitalised) == len(words) >= 2 and (organisation or len(words) >= 3):
        found.append(("".join(w[0] for w in capitalised).upper(),))  # GM, UAW, NYSE
    # A shorter alias that is another target's name, or the start of it ("iPhone" of "iPhone 3G"
    # when the target is "iPhone 4"), would mix the two timelines.
    other = [o.lower().split() for o in others if o.lower() != entity.lower()]
    unique = [found[0]]  # the full name always stays
    for alias in found[1:]:
        folded = [w.lower() for w in alias]
        clash = any(o[: len(folded)] == folded for o in other)
        if not clash and alias not in unique:
            unique.append(alias)
    return unique


def _mentions(tokens: Sequence[Token], names: Sequence[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Index ranges of tokens naming the entity. Full names match case-insensitively, short
    aliases only with their capitals ("GM", not "gm")."""
    out = []
    for i in range(len(tokens)):
        for name in names:
            n = len(name)
            piece = [t.text for t in tokens[i : i + n]]
            exact = len(name) > 1 or len(name[0]) > 4
            if (
                [p.lower() for p in piece] == [w.lower() for w in name]
                if exact
                else piece == list(name)
            ):
                out.append((i, i + n))
                break
    return out


def is_event(tokens: Sequence[Token], index: int, learned: Mapping[str, float]) -> bool:
    text = tokens[index].text
    word = text.lower()
    if not _WORD.fullmatch(text) or word in _NOT_EVENTS or word in _AUXILIARY:
        return False
    previous = tokens[index - 1].text.lower() if index else ""
    if text[0].isupper() and index and tokens[index - 1].sentence == tokens[index].sentence:
        return False  # a capital inside a sentence: a name
    if word in learned:
        return learned[word] >= LEARNED_RATIO
    if previous in _DETERMINERS:
        return False
    if word in _IRREGULAR:
        return True
    if word.endswith("ed") and len(word) > 4:
        return True
    return previous in _AUXILIARY and not word.endswith("ly")


@dataclass(frozen=True, slots=True)
class _Found:
    event: str  # docid-sentence-word
    anchor: str  # the gold notation: 2008-02-14, 2008-02-XX, 2008-XX-XX


def _gold_notation(value: str | None, granularity: str) -> str | None:
    """A TIMEX value in the task's anchor notation (unknown parts as XX)."""
    interval = value_interval(value)
    if interval is None:
        return None
    first = interval[0]
    if granularity == "day":
        return first.isoformat()
    if granularity in ("week", "month"):
        return f"{first.year:04d}-{first.month:02d}-XX"
    return f"{first.year:04d}-XX-XX"


def _document_events(
    doc: CatDocument, names: Sequence[tuple[str, ...]], learned: Mapping[str, float]
) -> list[_Found]:
    by_sentence: dict[int, list[Token]] = defaultdict(list)
    for token in doc.tokens:
        by_sentence[token.sentence].append(token)
    found: list[_Found] = []
    dct = doc.dct.isoformat() if doc.dct else None
    for number, tokens in sorted(by_sentence.items()):
        mentions = _mentions(tokens, names)
        if not mentions:
            continue
        text, starts = "", []
        for token in tokens:
            starts.append(len(text))
            text += token.text + " "
        times = [t for t in find_times(text, "en", doc.dct) if t.value]
        covered = {i for a, b in mentions for i in range(a, b)}
        for index in range(len(tokens)):
            if index in covered or not is_event(tokens, index, learned):
                continue
            near = any(
                0 < index - b + 1 <= AFTER_MENTION or 0 < a - index <= BEFORE_MENTION
                for a, b in mentions
            )
            if not near:
                continue
            position = starts[index]
            inside = [t for t in times if t.start <= position < t.end]
            if inside:
                continue  # a word of a time expression ("said" never is, "March" could be)
            anchor = dct
            if times:
                nearest = min(times, key=lambda t: abs(t.start - position))
                anchor = _gold_notation(nearest.value, nearest.granularity) or dct
            if anchor is None:
                continue
            event = f"{doc.doc_id}-{number}-{tokens[index].text}"
            found.append(_Found(event, anchor))
    return found


def _anchor_key(anchor: str) -> tuple[str, int]:
    """Chronological order of anchors; within a period, the vaguer first (as in the gold:
    2007-XX-XX before 2007-02-28)."""
    filled = anchor.replace("XX", "00")
    return filled, -anchor.count("XX")


def build_timelines(
    docs: Sequence[CatDocument], entities: Sequence[str], learned: Mapping[str, float]
) -> dict[str, Timeline]:
    out = {}
    for entity in entities:
        names = aliases(entity, entities)
        found: dict[str, str] = {}
        for doc in docs:
            for item in _document_events(doc, names, learned):
                found.setdefault(item.event, item.anchor)
        anchors = sorted(set(found.values()), key=_anchor_key)
        position = {anchor: i + 1 for i, anchor in enumerate(anchors)}
        rows = tuple(
            Row(position[anchor], anchor, (event,))
            for event, anchor in sorted(found.items(), key=lambda e: (position[e[1]], e[0]))
        )
        out[entity] = Timeline(entity, rows)
    return out
