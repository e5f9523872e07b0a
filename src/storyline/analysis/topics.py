"""Topic suggestions: the questions a corpus argues about, for users who define none.

``suggest_topics(docs)`` looks at what stance and commitment cues govern ("proposed a
multinational force", "declined to send soldiers", "lehnt die Beobachtertruppe ab", "soutenait
le déploiement d'une mission") and counts, per language, the content words and word pairs
right after them (German also right before: its verbs come last). A phrase found in many
documents is a candidate proposal; phrases in other languages join it when their sentences
name the same actors, which is how "force", "Beobachtertruppe" and "force multinationale" end
up in one topic. Each suggestion has the ``[[topic]]`` fields (``id``, ``question``,
``terms`` per language) plus ``actors`` (who takes positions in those sentences, with counts),
``documents`` and ``examples``; the first suggestion is the one to use without ``--topics``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from storyline.annotate.position_lexicon import load_lexicon, wordset
from storyline.document import Document, EntityMention
from storyline.kb.model import KnowledgeBase

_CUE_KINDS = ("support", "oppose", "undecided", "give", "join", "decline", "exclude", "categorical")
_WINDOW_WORDS = 6  # words after (German: also before) a cue that may name its object
_MAX_TERMS = 8  # terms per language in one suggestion
_MIN_DOCS = 2  # a phrase in fewer documents is no topic of the corpus
_ACTOR_OVERLAP = 0.2  # Jaccard overlap of actor sets that ties a phrase to a seed
_NUMBER_WORD = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozen|hundred|thousand|ein|"
    r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|dutzend|hundert|tausend|deux|trois|"
    r"quatre|cinq|sept|huit|neuf|dix|douze|douzaine|cent|mille)$"
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_STOP = wordset(
    """
    the a an and or but to of in on at for from by with as is are was were be been being will
    would could should may might must has have had that which who this these those it its their
    his her our your they we he she not no than into about over under after before also only
    more most some any all other such own said says told there here then when while what whose
    der die das den dem des ein eine einen einem einer eines und oder aber zu zur zum im in am
    an auf aus bei mit nach von vom für über unter ist sind war waren wird werden wurde hat
    haben hatte sich nicht kein keine auch noch nur als wie dass sie er es wir ihr sein seine
    ihre man so doch schon bereits
    le la les l un une des du de d et ou mais à au aux en dans par pour sur avec sans est sont
    était sera a ont avait qui que qu ce cette ces son sa ses leur leurs il elle ils elles nous
    pas ne plus se s y lui même tout toute tous dès déjà encore
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december week month year today yesterday
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz juni juli
    oktober dezember woche monat jahr heute gestern sei seien habe erklärt gesagt land
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin
    juillet août septembre octobre novembre décembre semaine mois année hier aujourd
    """
)


@dataclass
class _Phrase:
    language: str
    text: str
    docs: set[str] = field(default_factory=set)
    actors: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", word.casefold())


def _content(words: Sequence[str], names: frozenset[str] = frozenset()) -> list[str]:
    # names of actors and people are who argues, not what about; numbers are amounts
    out = []
    for w in words:
        bare = _fold(re.sub(r"^[dlDL]['’]", "", w))
        if len(bare) < 3 or bare in _STOP or _fold(w) in names or _NUMBER_WORD.match(bare):
            continue
        out.append(w)
    return out


def _windows(
    text: str, cue: re.Match[str], start: int, end: int, language: str, names: frozenset[str]
) -> list[str]:
    after = _WORD.findall(text[cue.end() : end])[:_WINDOW_WORDS]
    chunks = [after]
    if language == "de":
        chunks.append(_WORD.findall(text[start : cue.start()])[-_WINDOW_WORDS:])
    phrases: list[str] = []
    for chunk in chunks:
        clean = re.split(r"[.;:!?]", " ".join(chunk))[0].split()
        words = _content(clean, names)
        phrases.extend(_fold(w) for w in words[:3])
        phrases.extend(
            f"{_fold(a)} {_fold(b)}" for a, b in pairwise(words) if f"{a} {b}" in " ".join(clean)
        )
    return phrases


def _actors(mentions: Sequence[EntityMention], start: int, end: int) -> set[str]:
    return {
        m.entity
        for m in mentions
        if m.entity and start <= m.start < end and m.type in ("country", "organization")
    }


def _collect(docs: Sequence[Document], kb: KnowledgeBase | None) -> dict[tuple[str, str], _Phrase]:
    phrases: dict[tuple[str, str], _Phrase] = {}
    gazetteer = None
    for doc in docs:
        lang = load_lexicon(doc.language or "en").language
        lexicon = load_lexicon(lang)
        mentions: Sequence[EntityMention] = doc.mentions
        if not mentions and kb is not None:
            if gazetteer is None:
                from storyline.annotate.entities import Gazetteer

                gazetteer = Gazetteer(kb)
            mentions = gazetteer.find(doc.text)
        names = frozenset(_fold(w) for m in mentions for w in _WORD.findall(m.text))
        for s in doc.sentences:
            actors = _actors(mentions, s.start, s.end)
            for kind in _CUE_KINDS:
                for cue in lexicon.finditer(f"cue.{kind}", doc.text, s.start, s.end):
                    for text in _windows(doc.text, cue, s.start, s.end, lang, names):
                        entry = phrases.setdefault((lang, text), _Phrase(lang, text))
                        if doc.id not in entry.docs and len(entry.examples) < 3:
                            entry.examples.append(
                                {"doc": doc.id, "start": s.start, "end": s.end, "text": s.text}
                            )
                        entry.docs.add(doc.id)
                        entry.actors.update(actors)
    return phrases


def _score(p: _Phrase) -> float:
    # pairs are rarer than single words but name a proposal more precisely
    return len(p.docs) * (1.5 if " " in p.text else 1.0)


def _jaccard(a: Counter[str], b: Counter[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-") or "topic"


def suggest_topics(
    docs: Sequence[Document], kb: KnowledgeBase | None = None, limit: int = 5
) -> list[dict[str, Any]]:
    """Candidate topics, best first (see the module docstring)."""
    phrases = [p for p in _collect(docs, kb).values() if len(p.docs) >= _MIN_DOCS]
    phrases.sort(key=lambda p: (-_score(p), p.language, p.text))
    used: set[tuple[str, str]] = set()
    out: list[dict[str, Any]] = []
    for seed in phrases:
        if (seed.language, seed.text) in used or len(out) >= limit:
            continue
        members = [seed] + [
            p
            for p in phrases
            if (p.language, p.text) not in used
            and p is not seed
            and (
                _jaccard(p.actors, seed.actors) >= _ACTOR_OVERLAP
                or (p.language == seed.language and set(p.text.split()) & set(seed.text.split()))
            )
        ]
        terms: dict[str, list[str]] = defaultdict(list)
        actors: Counter[str] = Counter()
        docs_in: set[str] = set()
        for p in members:
            if len(terms[p.language]) < _MAX_TERMS and p.text not in terms[p.language]:
                terms[p.language].append(p.text)
                used.add((p.language, p.text))
                actors.update(p.actors)
                docs_in |= p.docs
        out.append(
            {
                "id": _slug(seed.text),
                "question": f"Should the {seed.text} go ahead, and who takes part?",
                "terms": dict(terms),
                "actors": [{"id": a, "count": n} for a, n in actors.most_common(12)],
                "documents": len(docs_in),
                "score": round(_score(seed), 2),
                "examples": seed.examples,
            }
        )
    return out
