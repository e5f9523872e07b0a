"""Score story clustering on ECB+ (982 English news articles, 43 topics, 86 seminal events).

ECB+ groups articles by topic (e.g. "a celebrity checks into rehab"), and each topic holds two
seminal events years apart (``N_Mecb.xml``: one rehab stay, ``N_Mecbplus.xml``: another one).
The corpus carries no publication dates, so the index runs without time, which is exactly the
signal that would separate two events of one topic in a real stream; topic level is therefore
the main target and event level shows how far content alone goes.

Documents are fed **topic-interleaved** (first article of every topic, then the second of every
topic, …; within a topic by file name, which alternates the two events), the honest setting for
an online clusterer: no story ever sees its articles in one block. ``--order sorted`` feeds them
by file name instead. The first line of ECB+ articles is often the source URL, whose words
("lohan-rehab") would give the event away; it is moved to ``Document.url``, not embedded.

Reported: B-cubed and pairwise precision/recall/F1 at topic and at seminal-event level.
Run: ``storyline eval stories --data ../shared/data``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import defusedxml.ElementTree as safe_etree  # type: ignore[import-untyped]

from storyline.analysis.embedding import Encoder, make_encoder
from storyline.analysis.stories import represent
from storyline.analysis.story_index import StoryIndex, StorySettings
from storyline.annotate.entities import make_entities
from storyline.config import load_config
from storyline.document import Document, Span
from storyline.eval import dataset_dir

_FILE = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")
_URL_LINE = re.compile(r"^https?\s*:")
# Detokenisation of the corpus' space-separated tokens: enough for an embedding to read them.
_SPACE_BEFORE = re.compile(r" (?=[,.;:!?%)\]]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'d\b|'m\b)")
_SPACE_AFTER = re.compile(r"(?<=[(\[$]) ")


@dataclass(frozen=True)
class EcbDoc:
    name: str
    topic: int
    number: int
    seminal: str  # "ecb" or "ecbplus"
    document: Document

    @property
    def event(self) -> str:
        return f"{self.topic}{self.seminal}"


def detokenise(tokens: Sequence[str]) -> str:
    text = " ".join(tokens).replace("``", '"').replace("''", '"')
    return _SPACE_AFTER.sub("", _SPACE_BEFORE.sub("", text))


def _read(path: Path) -> tuple[str | None, list[str]]:
    sentences: dict[int, list[str]] = {}
    for token in safe_etree.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence")), []).append(token.text or "")
    lines = [detokenise(tokens) for _, tokens in sorted(sentences.items())]
    url = None
    if lines and _URL_LINE.match(lines[0]):
        url = lines.pop(0).replace(" ", "")
    return url, lines


def load_ecbplus(folder: Path, topics: Collection[int] | None = None) -> list[EcbDoc]:
    """Every article (of the given topics) as a ``Document`` with sentences, language and
    entity mentions from the shipped knowledge base."""
    entities = make_entities({}, load_config())
    docs = []
    for path in sorted(folder.glob("*/*.xml")):
        match = _FILE.match(path.name)
        if match is None or (topics is not None and int(match[1]) not in topics):
            continue
        url, lines = _read(path)
        text = "\n".join(lines)
        spans, pos = [], 0
        for line in lines:
            spans.append(Span.of(text, pos, pos + len(line)))
            pos += len(line) + 1
        doc = Document.from_raw(text, str(path), text=text, url=url, language="en")
        doc = entities(replace(doc, sentences=tuple(spans)))
        docs.append(EcbDoc(path.name, int(match[1]), int(match[2]), match[3], doc))
    return docs


def feed_order(docs: Sequence[EcbDoc], order: str = "interleaved") -> list[EcbDoc]:
    by_name = sorted(docs, key=lambda d: (d.topic, d.number, d.seminal))
    if order == "sorted":
        return by_name
    rank: Counter[int] = Counter()
    keyed = []
    for doc in by_name:
        keyed.append((rank[doc.topic], doc.topic, doc))
        rank[doc.topic] += 1
    return [doc for _, _, doc in sorted(keyed, key=lambda k: (k[0], k[1]))]


def cluster(docs: Sequence[EcbDoc], settings: StorySettings, encoder: Encoder) -> list[str]:
    """Story id per document, in the order given."""
    index = StoryIndex(settings, dim=encoder.dim, encoder=encoder.name)
    for rep in represent([d.document for d in docs], encoder, settings.lead_chars):
        index.add(rep)
    index.merge()
    story_of = {doc_id: s.id for s in index.stories() for doc_id in s.documents}
    return [story_of[d.document.id] for d in docs]


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998), averaged over items."""
    if len(pred) != len(gold) or not pred:
        raise ValueError("need two equally long, non-empty labelings")
    joint = Counter(zip(pred, gold, strict=True))
    size_p, size_g = Counter(pred), Counter(gold)
    p = sum(n * n / size_p[c] for (c, _), n in joint.items()) / len(pred)
    r = sum(n * n / size_g[g] for (_, g), n in joint.items()) / len(pred)
    return p, r, _f1(p, r)


def pairwise(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Precision/recall/F1 over unordered pairs of items put in the same cluster."""
    if len(pred) != len(gold) or not pred:
        raise ValueError("need two equally long, non-empty labelings")

    def pairs(counts: Counter[Hashable]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(pred, gold, strict=True)))
    in_pred, in_gold = pairs(Counter(pred)), pairs(Counter(gold))
    p = both / in_pred if in_pred else 1.0
    r = both / in_gold if in_gold else 1.0
    return p, r, _f1(p, r)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_table(docs: Sequence[EcbDoc], labels: Sequence[str]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for level, gold in (
        ("topic", [str(d.topic) for d in docs]),
        ("seminal event", [d.event for d in docs]),
    ):
        for metric, fn in (("B-cubed", bcubed), ("pairwise", pairwise)):
            p, r, f = fn(labels, gold)
            rows.append((level, metric, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Story clustering on ECB+ (topic and seminal-event level)"
    )
    parser.add_argument("--data", help="shared data root or the ECB+ folder")
    parser.add_argument("--order", choices=("interleaved", "sorted"), default="interleaved")
    parser.add_argument("--encoder", default="use", help="use | hashing | module:factory")
    parser.add_argument("--join-threshold", type=float)
    parser.add_argument("--merge-threshold", type=float)
    known = parser.parse_args(argv)
    args = known
    folder = dataset_dir(args.data, "ecbplus", "ECB+")
    if not any(folder.glob("*/*.xml")):
        print(f"ECB+ not found under {folder} (give --data)", file=sys.stderr)
        return 2
    settings = StorySettings()
    if known.join_threshold is not None:
        settings = replace(settings, join_threshold=known.join_threshold)
    if known.merge_threshold is not None:
        settings = replace(settings, merge_threshold=known.merge_threshold)
    docs = feed_order(load_ecbplus(folder), known.order)
    labels = cluster(docs, settings, make_encoder(known.encoder))
    print(
        f"ECB+ story clustering: {len(docs)} documents, {len({d.topic for d in docs})} topics, "
        f"{len({d.event for d in docs})} seminal events -> {len(set(labels))} stories "
        f"(order: {known.order}, encoder: {known.encoder}, join {settings.join_threshold}, "
        f"merge {settings.merge_threshold})"
    )
    print(f"{'level':<14} {'metric':<9} {'P':>6} {'R':>6} {'F1':>6}")
    for level, metric, p, r, f in score_table(docs, labels):
        print(f"{level:<14} {metric:<9} {p:>6} {r:>6} {f:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
