"""Evaluate the quotes component.

1. SpkAtt-2023 task 2 (German Wikinews, ``spkatt2023-de-wikinews/``): every article is rebuilt
   from its tokens into a clean text with exact token offsets, run through the entities and
   quotes components, and each quote becomes an annotation with Message (the message), Source
   (the speaker phrase) and Cue tokens. Scoring follows the task's token-overlap definition:
   gold and predicted annotations are paired one-to-one (greedily, by Message overlap), and per
   role precision = overlapping tokens of paired annotations / all predicted tokens of the
   role, recall = the same / all gold tokens of the role ("paired"). The looser "labels" view
   compares, per document and role, the set of tokens carrying that role in any annotation
   (token labelling, as a sequence tagger would be scored). Gold annotations nested inside another
   one are left out (the task's simplified subtask). A fixed fifth of ``train`` (documents whose
   SHA-256 of the numeric id is divisible by 5) is held out and was never looked at while the
   rules were written; it is reported apart from the rest.
2. The demo gold (``demo/gold``) for English, German and French: a quote counts as found when
   its message overlaps a gold quote's (Dice >= 0.5 on characters); among found quotes, speaker
   entity, kind, certainty and chain hop kinds are compared.

``storyline eval quotes --data PATH`` prints both tables.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.annotate.entities import make_entities
from storyline.annotate.quotes import Resources, _resources, find_quotes
from storyline.document import Document, Quote, Span
from storyline.eval import dataset_dir, parse_data_arg

ROLES = ("Message", "Source", "Cue")
HELD_OUT_MODULUS = 5  # one document in five is held out
# Tokens that attach to the previous token without a space.
_NO_SPACE_BEFORE = frozenset(".,;:!?)]}“”»%")
_NO_SPACE_AFTER = frozenset("„([{«")
# A demo quote counts as found when the character Dice overlap reaches this.
MIN_DICE = 0.5


# --- SpkAtt ----------------------------------------------------------------------------------


def held_out(doc_id: str) -> bool:
    digest = hashlib.sha256(doc_id.encode("utf-8")).hexdigest()
    return int(digest, 16) % HELD_OUT_MODULUS == 0


@dataclass
class Rebuilt:
    text: str
    offsets: dict[str, tuple[int, int]]  # "sentence:token" -> char span
    sentences: list[Span]


def rebuild(sentences: list[dict[str, Any]]) -> Rebuilt:
    """Join tokens into readable text (no space before a comma, inside „…“), keeping offsets."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    spans: list[Span] = []
    pos = 0
    attach = True  # the previous token opens something: no space after it
    low_open = ascii_open = False  # a German „ or an ASCII " is open
    for sent in sentences:
        sid = sent["SentenceId"]
        start = pos
        for k, tok in enumerate(sent["Tokens"]):
            if tok == '"':
                opening, closing = not ascii_open, ascii_open
                ascii_open = not ascii_open
            elif tok == "“":
                opening, closing = not low_open, low_open  # closes „, else English-style opener
                low_open = False
            else:
                opening, closing = tok in _NO_SPACE_AFTER, tok in _NO_SPACE_BEFORE
                low_open = low_open or tok == "„"
            if pos > 0 and (k == 0 or not (attach or closing)):
                parts.append(" ")
                pos += 1
            if k == 0:
                start = pos
            offsets[f"{sid}:{k}"] = (pos, pos + len(tok))
            parts.append(tok)
            pos += len(tok)
            attach = opening
        if pos > start:
            text = "".join(parts)
            spans.append(Span(start, pos, text[start:pos]))
    return Rebuilt("".join(parts), offsets, spans)


def _tokens_in(offsets: dict[str, tuple[int, int]], span: tuple[int, int] | None) -> set[str]:
    if span is None:
        return set()
    a, b = span
    return {key for key, (s, e) in offsets.items() if s < b and e > a and (s + e) / 2 >= a}


def predict_spkatt(doc_json: dict[str, Any], res: Resources) -> list[dict[str, set[str]]]:
    rebuilt = rebuild(doc_json["Sentences"])
    doc = Document.from_raw(
        rebuilt.text,
        "spkatt",
        text=rebuilt.text,
        language="de",
        sentences=tuple(rebuilt.sentences),
    )
    # No entity pass: the scored roles are spans, and Wikinews people are not in the KB.
    return [_annotation(rebuilt, q) for q in find_quotes(doc, res)]


def _annotation(rebuilt: Rebuilt, q: Quote) -> dict[str, set[str]]:
    return {
        "Message": _tokens_in(rebuilt.offsets, (q.start, q.end)),
        "Source": _tokens_in(rebuilt.offsets, q.speaker_span),
        "Cue": _tokens_in(rebuilt.offsets, q.cue_span),
    }


@dataclass
class RoleCounts:
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    # Token labelling view: per role, the union of its tokens over all annotations.
    tp_lab: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    pred_lab: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    gold_lab: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    pred: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    docs: int = 0
    n_gold: int = 0
    n_pred: int = 0

    def add(self, gold: list[dict[str, set[str]]], pred: list[dict[str, set[str]]]) -> None:
        self.docs += 1
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        for role in ROLES:
            self.gold[role] += sum(len(g[role]) for g in gold)
            self.pred[role] += sum(len(p[role]) for p in pred)
        for g, p in match(gold, pred):
            for role in ROLES:
                self.tp[role] += len(g[role] & p[role])
        for role in ROLES:
            g_all = set().union(*(g[role] for g in gold)) if gold else set()
            p_all = set().union(*(p[role] for p in pred)) if pred else set()
            self.tp_lab[role] += len(g_all & p_all)
            self.gold_lab[role] += len(g_all)
            self.pred_lab[role] += len(p_all)

    def prf(self, role: str) -> tuple[float, float, float]:
        return prf(self.tp[role], self.pred[role], self.gold[role])

    def prf_labels(self, role: str) -> tuple[float, float, float]:
        return prf(self.tp_lab[role], self.pred_lab[role], self.gold_lab[role])


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(
    gold: list[dict[str, set[str]]], pred: list[dict[str, set[str]]]
) -> list[tuple[dict[str, set[str]], dict[str, set[str]]]]:
    """One-to-one pairs, greedily by Message overlap (then Cue and Source overlap)."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            msg = len(g["Message"] & p["Message"])
            if msg:
                extra = len(g["Cue"] & p["Cue"]) + len(g["Source"] & p["Source"])
                scored.append((msg, extra, gi, pi))
    scored.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _msg, _extra, gi, pi in scored:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


def gold_annotations(doc_json: dict[str, Any]) -> list[dict[str, set[str]]]:
    return [
        {role: set(a.get(role, [])) for role in ROLES}
        for a in doc_json["Annotations"]
        if not a.get("IsNested")
    ]


def spkatt_files(folder: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted((folder / "train").glob("*.json")):
        yield path.name.split(" - ")[0], path


def evaluate_spkatt(folder: Path) -> dict[str, RoleCounts]:
    res = _resources((), ())
    counts = {"held-out": RoleCounts(), "tuning": RoleCounts()}
    for doc_id, path in spkatt_files(folder):
        doc_json = json.loads(path.read_text(encoding="utf-8"))
        part = "held-out" if held_out(doc_id) else "tuning"
        counts[part].add(gold_annotations(doc_json), predict_spkatt(doc_json, res))
    return counts


# --- demo gold ----------------------------------------------------------------------------


@dataclass
class DemoCounts:
    gold: int = 0
    pred: int = 0
    found: int = 0
    speaker: int = 0
    kind: int = 0
    certainty: int = 0
    chain: int = 0


def _locate(text: str, needle: str, taken: set[int]) -> tuple[int, int] | None:
    start = text.find(needle)
    while start >= 0 and start in taken:
        start = text.find(needle, start + 1)
    return (start, start + len(needle)) if start >= 0 else None


def _dice(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return 2 * inter / ((a[1] - a[0]) + (b[1] - b[0])) if inter else 0.0


def score_demo_doc(doc: Document, gold: list[dict[str, Any]], counts: DemoCounts) -> None:
    counts.gold += len(gold)
    counts.pred += len(doc.quotes)
    taken: set[int] = set()
    scored = []
    for gi, g in enumerate(gold):
        span = _locate(doc.text, g["text"], taken)
        if span is None:
            continue
        taken.add(span[0])
        for qi, q in enumerate(doc.quotes):
            d = _dice(span, (q.start, q.end))
            if d >= MIN_DICE:
                scored.append((d, gi, qi))
    scored.sort(reverse=True)
    used_g: set[int] = set()
    used_q: set[int] = set()
    for _d, gi, qi in scored:
        if gi in used_g or qi in used_q:
            continue
        used_g.add(gi)
        used_q.add(qi)
        g, q = gold[gi], doc.quotes[qi]
        counts.found += 1
        counts.speaker += g.get("speaker") == q.speaker
        counts.kind += g.get("kind") == q.kind
        counts.certainty += g.get("certainty") == q.certainty
        counts.chain += [h["kind"] for h in g.get("chain", [])] == [h.kind for h in q.chain]


def demo_documents() -> Iterable[tuple[str, Document]]:
    """The demo corpus through ingest, entities and quotes, keyed like the gold files."""
    from storyline.config import load_config
    from storyline.eval.demo_gold import CORPUS, KB, OUTLETS
    from storyline.ingest.readers import read_bytes
    from storyline.ingest.sources import iter_items
    from storyline.pipeline import build_stage

    overrides = {
        "components": {
            "entities": {"kb_files": [str(KB)]},
            "outlets": {"registry_files": [str(OUTLETS)]},
        }
    }
    config = load_config(overrides=overrides)
    ingest = build_stage(config, "ingest")
    entities = make_entities(config["components"]["entities"], config)
    from storyline.annotate.quotes import make_quotes

    quotes = make_quotes({}, config)
    for item in iter_items(
        [CORPUS], include=["*.txt", "*.jsonl", "*.json", "*.html"], exclude=["*.meta.json"]
    ):
        if item.data is None:
            continue
        for raw in read_bytes(item.data, item.source, item.meta):
            if isinstance(raw, Exception):
                continue
            key = Path(raw.source.split("#")[0]).relative_to(CORPUS).as_posix()
            if "#" in raw.source:
                key += "#" + raw.source.split("#")[1]
            yield key, quotes(entities(ingest(raw)))


def evaluate_demo() -> dict[str, DemoCounts]:
    from storyline.eval.demo_gold import gold_documents

    gold = {g["file"]: g for g in gold_documents()}
    counts = {lang: DemoCounts() for lang in ("en", "de", "fr")}
    for key, doc in demo_documents():
        g = gold.get(key)
        if g is not None:
            score_demo_doc(doc, g.get("quotes", []), counts[g["language"]])
    return counts


# --- command ---------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def main(argv: list[str] | None = None) -> int:
    args = parse_data_arg(argv, "Evaluate quotes on SpkAtt-2023 (German) and the demo gold.")
    folder = dataset_dir(args.data, "spkatt2023-de-wikinews")
    if (folder / "train").is_dir():
        print("SpkAtt-2023 task 2, token overlap (P / R / F1), non-nested annotations")
        print(
            f"{'part':17} {'docs':>5} {'gold':>5} {'pred':>5}  "
            + "  ".join(f"{r + ' P/R/F1':>20}" for r in ROLES)
        )
        for part, c in evaluate_spkatt(folder).items():
            for view, score in (("paired", c.prf), ("labels", c.prf_labels)):
                cells = "  ".join("/".join(_pct(v) for v in score(r)).rjust(20) for r in ROLES)
                name = f"{part} {view}"
                print(f"{name:17} {c.docs:5d} {c.n_gold:5d} {c.n_pred:5d}  {cells}")
    else:
        print(f"SpkAtt data not found under {folder}; skipped")
    print()
    print("Demo gold: message found (P / R / F1); among found: speaker, kind, certainty, chain")
    print(
        f"{'lang':5} {'gold':>5} {'pred':>5} {'found':>5}  {'P/R/F1':>17}  "
        f"{'speaker':>7} {'kind':>6} {'certain':>7} {'chain':>6}"
    )
    for lang, d in evaluate_demo().items():
        p, r, f = prf(d.found, d.pred, d.gold)
        acc = [x / d.found if d.found else 0.0 for x in (d.speaker, d.kind, d.certainty, d.chain)]
        print(
            f"{lang:5} {d.gold:5d} {d.pred:5d} {d.found:5d}  {_pct(p)}/{_pct(r)}/{_pct(f)}  "
            f"{_pct(acc[0]):>7} {_pct(acc[1]):>6} {_pct(acc[2]):>7} {_pct(acc[3]):>6}"
        )
    return 0
