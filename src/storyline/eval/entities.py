"""Entity evaluation: (a) type-level recognition on GermEval 2014 (German NER, dev set),
(b) linking accuracy on the demo gold.

(a) Each GermEval sentence is annotated on its own (tokens joined by single spaces), with the
shipped KB only. Our types map to GermEval's: person -> PER, country/location -> LOC,
organization -> ORG; adjective mentions ("deutschen") map to LOCderiv, scored in a row of
their own. Gold: the outer-level chunks of those four classes (OTH and the -part classes are
not scored). Rows: the gazetteer alone (no discovery, no resolution), the default component,
and the default with ``capitals_as_places`` (GermEval labels every "Berlin" a LOC, while
storyline by default keeps a capital only where it stands for a government). Two matching
rules: *exact* (the same first and last token) and *overlap* (a predicted mention shares at
least one token with a gold chunk of the same class; each gold chunk and each prediction counts
once).

(b) Every gold entity mention with a KB id (``gold/<lang>.json``) must be found with the same
span and id. Gold mentions carry no offsets, only text order, so each is aligned to the
occurrences of its text that fit between its neighbours; it counts as found when one of them
carries the predicted mention. Precision: predictions linked to a KB id that match a gold
mention (discovered ``disc-`` ids are scored under discovery instead).
Discovery: gold mentions of people outside the KB found as ``person:disc-…``, and whether all
mentions of one such name in a document share one id.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.annotate.entities import Options, Resources, annotate_text, resources
from storyline.document import Document, EntityMention
from storyline.eval import dataset_dir, parse_data_arg

CLASSES = ("PER", "LOC", "ORG", "LOCderiv")
_TYPE = {"person": "PER", "country": "LOC", "location": "LOC", "organization": "ORG"}


@dataclass(frozen=True)
class Sentence:
    text: str
    spans: tuple[tuple[int, int], ...]  # character span of each token
    gold: tuple[tuple[str, int, int], ...]  # (class, first token, last token)


def germeval_sentences(path: Path) -> Iterator[Sentence]:
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> Sentence | None:
        if not tokens:
            return None
        spans, pos = [], 0
        for tok in tokens:
            spans.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        chunks, open_chunk = [], None
        for i, tag in enumerate([*tags, "O"]):
            if open_chunk and not (tag.startswith("I-") and tag[2:] == open_chunk[0]):
                chunks.append((open_chunk[0], open_chunk[1], i - 1))
                open_chunk = None
            if tag.startswith("B-"):
                open_chunk = (tag[2:], i)
        gold = tuple(c for c in chunks if c[0] in CLASSES)
        return Sentence(" ".join(tokens), tuple(spans), gold)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            sentence = flush()
            if sentence:
                yield sentence
            tokens, tags = [], []
            continue
        cols = line.split("\t")
        tokens.append(cols[1])
        tags.append(cols[2])
    sentence = flush()
    if sentence:
        yield sentence


def _predicted(sentence: Sentence, found: list[EntityMention]) -> list[tuple[str, int, int, bool]]:
    """(class, first token, last token, exact token boundaries) per predicted mention."""
    out = []
    for m in found:
        cls = "LOCderiv" if m.method == "adjective" else _TYPE.get(m.type)
        idx = [i for i, (a, b) in enumerate(sentence.spans) if a < m.end and m.start < b]
        if cls is None or not idx:
            continue
        exact = sentence.spans[idx[0]][0] == m.start and sentence.spans[idx[-1]][1] == m.end
        out.append((cls, idx[0], idx[-1], exact))
    return out


def score_germeval(
    sentences: list[Sentence], res: Resources, options: Options
) -> dict[str, dict[str, Counter[str]]]:
    """rule -> class -> Counter(tp, fp, fn)."""
    scores: dict[str, dict[str, Counter[str]]] = {
        rule: {c: Counter() for c in CLASSES} for rule in ("exact", "overlap")
    }
    for s in sentences:
        pred = _predicted(s, annotate_text(s.text, None, res, options, "de"))
        exact_pred = {(c, a, b) for c, a, b, ok in pred if ok}
        for c, a, b in s.gold:
            scores["exact"][c]["tp" if (c, a, b) in exact_pred else "fn"] += 1
        for c, _a, _b in exact_pred - set(s.gold):
            scores["exact"][c]["fp"] += 1
        for c, _a, _b, ok in pred:
            if not ok:
                scores["exact"][c]["fp"] += 1
        used: set[int] = set()
        for c, a, b in s.gold:
            hit = next(
                (
                    i
                    for i, (pc, pa, pb, _) in enumerate(pred)
                    if i not in used and pc == c and pa <= b and a <= pb
                ),
                None,
            )
            if hit is None:
                scores["overlap"][c]["fn"] += 1
            else:
                used.add(hit)
                scores["overlap"][c]["tp"] += 1
        for i, (pc, _, _, _) in enumerate(pred):
            if i not in used:
                scores["overlap"][pc]["fp"] += 1
    return scores


def prf(c: Counter[str]) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --- demo gold linking -----------------------------------------------------------------------
def _occurrences(text: str, needle: str) -> list[int]:
    found = []
    for m in re.finditer(re.escape(needle), text):
        a, b = m.start(), m.end()
        if (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum()):
            found.append(a)
    return found


def align(text: str, gold: list[dict[str, Any]]) -> list[list[int]]:
    """For each gold mention, the start offsets its text may have, given the text order."""
    occ = [_occurrences(text, g["text"]) for g in gold]
    earliest, pos = [], -1
    for starts in occ:
        nxt = next((s for s in starts if s > pos), None)
        earliest.append(nxt)
        pos = nxt if nxt is not None else pos
    latest: list[int | None] = [None] * len(gold)
    pos = len(text) + 1
    for i in range(len(gold) - 1, -1, -1):
        prev = next((s for s in reversed(occ[i]) if s < pos), None)
        latest[i] = prev
        pos = prev if prev is not None else pos
    windows: list[list[int]] = []
    for starts, lo, hi in zip(occ, earliest, latest, strict=True):
        if lo is None or hi is None:
            windows.append([])
        else:
            windows.append([s for s in starts if lo <= s <= hi])
    return windows


def demo_documents() -> dict[str, Document]:
    """The demo corpus ingested and annotated (entities only) with the demo overlays."""
    from storyline.eval.demo_gold import demo_config, processed_documents

    return processed_documents(demo_config(analyze=["entities"]))


def score_linking(docs: dict[str, Document]) -> dict[str, Counter[str]]:
    """language -> Counter(gold, found, predicted, correct, disc_gold, disc_found, …)."""
    from storyline.eval.demo_gold import gold_documents

    out: dict[str, Counter[str]] = defaultdict(Counter)
    for g in gold_documents():
        doc = docs[g["file"]]
        c = out[g["language"]]
        by_span = {(m.start, m.end): m for m in doc.mentions}
        windows = align(doc.text, g["entities"])
        used: set[tuple[int, int]] = set()
        disc_ids: dict[str, set[str]] = defaultdict(set)
        for gold, starts in zip(g["entities"], windows, strict=True):
            spans = [(s, s + len(gold["text"])) for s in starts]
            if gold["entity"] is None:
                c["disc_gold"] += 1
                hits = [
                    by_span[sp]
                    for sp in spans
                    if sp in by_span and (by_span[sp].entity or "").startswith("person:disc-")
                ]
                if hits:
                    c["disc_found"] += 1
                    disc_ids[gold.get("name", gold["text"])].add(hits[0].entity or "")
                continue
            c["gold"] += 1
            hit = next(
                (
                    sp
                    for sp in spans
                    if sp not in used and sp in by_span and by_span[sp].entity == gold["entity"]
                ),
                None,
            )
            if hit is not None:
                used.add(hit)
                c["found"] += 1
        c["disc_names"] += len(disc_ids)
        # A discovered name is consistent when all its mentions in the document share one id.
        c["disc_consistent"] += sum(1 for ids in disc_ids.values() if len(ids) == 1)
        linked = [
            m
            for m in doc.mentions
            if m.entity and not m.entity.startswith(("person:disc", "org:disc"))
        ]
        c["predicted"] += len(linked)
        c["correct"] += sum(1 for m in linked if (m.start, m.end) in used)
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse_data_arg(argv, "Entity recognition (GermEval 2014) and linking (demo gold).")
    path = dataset_dir(args.data, "germeval2014") / "NER-de-dev.tsv"
    if path.is_file():
        sentences = list(germeval_sentences(path))
        res = resources(())
        print(f"GermEval 2014 dev ({len(sentences)} sentences), shipped KB, type level")
        print(f"{'setting':<22}{'rule':<9}{'class':<10}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}")
        for label, options in (
            ("gazetteer only", Options(discovery=False, resolution=False)),
            ("default", Options()),
            ("capitals_as_places", Options(capitals_as_places=True)),
        ):
            scores = score_germeval(sentences, res, options)
            for rule, by_class in scores.items():
                for cls in CLASSES:
                    c = by_class[cls]
                    p, r, f = prf(c)
                    gold = c["tp"] + c["fn"]
                    print(f"{label:<22}{rule:<9}{cls:<10}{gold:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    else:
        print(f"GermEval 2014 not found at {path}: skipped (pass --data)")
    print()
    print("Demo gold linking (span and KB id must match)")
    print(
        f"{'lang':<6}{'gold':>6}{'found':>7}{'acc':>8}{'pred':>7}{'prec':>8}"
        f"{'disc':>7}{'found':>7}{'consistent':>12}"
    )
    total: Counter[str] = Counter()
    for lang, c in sorted(score_linking(demo_documents()).items()):
        total.update(c)
        _row(lang, c)
    _row("all", total)
    return 0


def _row(label: str, c: Counter[str]) -> None:
    acc = c["found"] / c["gold"] if c["gold"] else 0.0
    prec = c["correct"] / c["predicted"] if c["predicted"] else 0.0
    consistent = f"{c['disc_consistent']}/{c['disc_names']}"
    print(
        f"{label:<6}{c['gold']:>6}{c['found']:>7}{acc:>8.3f}{c['predicted']:>7}{prec:>8.3f}"
        f"{c['disc_gold']:>7}{c['disc_found']:>7}{consistent:>12}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
