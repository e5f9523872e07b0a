"""SpkAtt-2023 task 2 (German Wikinews) for the quotes component: rebuilding the articles,
mapping quotes onto the task's annotations, and the two token-overlap views of this project.

Every article is rebuilt from its tokens into a clean text with exact token offsets and run
through the quotes component. A quote becomes a SpkAtt annotation following the task's
annotation conventions, which differ from ``Quote``'s on purpose (``Quote.text`` is what was
said, as one stretch of text):

* Message: the quote's tokens without those of its speaker and cue (SpkAtt messages never hold
  frame words: "Die Lage sei – laut Polizei – ruhig" has the message "Die Lage sei ruhig"),
  plus the quotation marks of a direct or partial quote and the complementiser before an
  indirect one ("dass", "ob": SpkAtt counts them to the message). A speech act without a
  reported clause ("Der Verband forderte Neuwahlen", form ``act``) is SpkAtt's *Reported* form,
  whose message is the whole sentence, source included, and which has no cue;
* Source: the speaker phrase; Cue: the cue span; Frame: the other tokens of the sentences that
  hold speaker and cue (nothing for reported and free indirect speech, as in the data);
  Addr: not predicted;
* Form: direct/partial → Direct, indirect → Indirect, act → Reported, continuation →
  IndirectFreeIndirect.

The project's own views (both over non-nested gold annotations): "paired" pairs gold and
predicted annotations one-to-one, greedily by Message overlap, and counts per role the tokens
shared by paired annotations over all predicted / all gold tokens of the role (micro average);
"labels" compares, per document and role, the sets of tokens carrying the role in any
annotation (token labelling). The organisers' macro-averaged scoring is in ``quotes_official``.
A fixed fifth of ``train`` (documents whose SHA-256 of the numeric id is divisible by 5) is held
out; rules are tuned on the rest only.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.annotate.quotes import Found, Resources, find_quotes_detailed
from storyline.document import Document, Span
from storyline.eval.quotes_official import Ann, Official

ROLES = ("Message", "Source", "Cue")
HELD_OUT_MODULUS = 5  # one document in five is held out
# Tokens that attach to the previous token without a space.
_NO_SPACE_BEFORE = frozenset(".,;:!?)]}“”»%")
_NO_SPACE_AFTER = frozenset("„([{«")
_QUOTE_MARKS = frozenset("„“”«»‚‘’‹›\"'")
_COMPLEMENTISERS = frozenset({"dass", "daß", "ob"})
_FORMS = {
    "direct": "Direct",
    "partial": "Direct",
    "indirect": "Indirect",
    "act": "Reported",
    "continuation": "IndirectFreeIndirect",
}


def held_out(doc_id: str) -> bool:
    digest = hashlib.sha256(doc_id.encode("utf-8")).hexdigest()
    return int(digest, 16) % HELD_OUT_MODULUS == 0


def spkatt_files(folder: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted((folder / "train").glob("*.json")):
        yield path.name.split(" - ")[0], path


# --- rebuilding ------------------------------------------------------------------------------


@dataclass
class Rebuilt:
    text: str
    offsets: dict[str, tuple[int, int]]  # "sentence:token" -> char span
    sentences: list[Span]
    keys: list[str] = field(default_factory=list)  # token ids in text order
    starts: list[int] = field(default_factory=list)
    sentence_keys: list[list[str]] = field(default_factory=list)

    def tokens_in(self, span: tuple[int, int] | None) -> frozenset[str]:
        """Ids of the tokens whose middle lies in ``span`` (and that overlap it)."""
        if span is None:
            return frozenset()
        a, b = span
        k = max(0, bisect.bisect_left(self.starts, a) - 1)
        out = []
        while k < len(self.keys) and self.starts[k] < b:
            s, e = self.offsets[self.keys[k]]
            if e > a and (s + e) / 2 >= a:
                out.append(self.keys[k])
            k += 1
        return frozenset(out)

    def sentence_tokens(self, char: int) -> frozenset[str]:
        k = max(0, bisect.bisect_right([s.start for s in self.sentences], char) - 1)
        return frozenset(self.sentence_keys[k]) if k < len(self.sentence_keys) else frozenset()


def rebuild(sentences: list[dict[str, Any]]) -> Rebuilt:
    """Join tokens into readable text (no space before a comma, inside „…“), keeping offsets."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    spans: list[Span] = []
    keys: list[str] = []
    sentence_keys: list[list[str]] = []
    pos = 0
    attach = True  # the previous token opens something: no space after it
    low_open = ascii_open = False  # a German „ or an ASCII " is open
    for sent in sentences:
        sid = sent["SentenceId"]
        start = pos
        these: list[str] = []
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
            key = f"{sid}:{k}"
            offsets[key] = (pos, pos + len(tok))
            keys.append(key)
            these.append(key)
            parts.append(tok)
            pos += len(tok)
            attach = opening
        if pos > start:
            text = "".join(parts)
            spans.append(Span(start, pos, text[start:pos]))
            sentence_keys.append(these)
    return Rebuilt(
        "".join(parts),
        offsets,
        spans,
        keys,
        [offsets[k][0] for k in keys],
        sentence_keys,
    )


# --- annotations ------------------------------------------------------------------------------


def gold_annotations(doc_json: dict[str, Any], nested: bool = False) -> list[Ann]:
    """The document's annotations; nested ones only with ``nested``."""
    return [
        Ann(
            {r: frozenset(a.get(r, [])) for r in ("Message", "Source", "Cue", "Frame", "Addr")},
            a.get("Form"),
            bool(a.get("IsNested")),
        )
        for a in doc_json["Annotations"]
        if nested or not a.get("IsNested")
    ]


def _widened(rebuilt: Rebuilt, found: Found) -> frozenset[str]:
    """The message tokens with the quotation marks or complementiser SpkAtt counts to it."""
    q, text = found.quote, rebuilt.text
    a, b = q.start, q.end
    if found.form in ("direct", "partial"):
        i = a
        while i > 0 and text[i - 1] == " ":
            i -= 1
        if i > 0 and text[i - 1] in _QUOTE_MARKS:
            a = i - 1
        j = b
        while j < len(text) and text[j] in " ,;:.!?":
            j += 1
        if j < len(text) and text[j] in _QUOTE_MARKS:
            b = j + 1
    tokens = rebuilt.tokens_in((a, b))
    if found.form == "indirect":
        k = bisect.bisect_left(rebuilt.starts, a) - 1
        if k >= 0 and text[slice(*rebuilt.offsets[rebuilt.keys[k]])].lower() in _COMPLEMENTISERS:
            tokens |= {rebuilt.keys[k]}
    return tokens


def to_annotation(rebuilt: Rebuilt, found: Found) -> Ann:
    q = found.quote
    source = rebuilt.tokens_in(q.speaker_span)
    cue = rebuilt.tokens_in(q.cue_span)
    if found.form == "act":
        return Ann({"Message": rebuilt.sentence_tokens(q.start), "Source": source}, "Reported")
    message = _widened(rebuilt, found) - source - cue
    frame: frozenset[str] = frozenset()
    if found.form != "continuation":
        for span in (q.speaker_span, q.cue_span):
            if span is not None:
                frame |= rebuilt.sentence_tokens(span[0])
        frame -= message
    roles = {"Message": message, "Source": source, "Cue": cue, "Frame": frame}
    return Ann(roles, _FORMS.get(found.form, "Indirect"))


def predict_spkatt(doc_json: dict[str, Any], res: Resources, acts: bool = False) -> list[Ann]:
    rebuilt = rebuild(doc_json["Sentences"])
    doc = Document.from_raw(
        rebuilt.text,
        "spkatt",
        text=rebuilt.text,
        language="de",
        sentences=tuple(rebuilt.sentences),
    )
    # No entity pass: the scored roles are spans, and Wikinews people are not in the KB.
    anns = [to_annotation(rebuilt, f) for f in find_quotes_detailed(doc, res, acts)]
    return [nest(a, anns) for a in anns]


def nest(ann: Ann, anns: list[Ann]) -> Ann:
    """Mark an annotation nested when its message lies inside another one's message (a
    partial quote inside a reported clause), as SpkAtt does with its own."""
    msg = ann.get("Message")
    inside = any(o is not ann and msg and msg < o.get("Message") for o in anns)
    return Ann(ann.roles, ann.form, True) if inside else ann


# --- the project's views ------------------------------------------------------------------------


def match(gold: list[Ann], pred: list[Ann]) -> list[tuple[Ann, Ann]]:
    """One-to-one pairs, greedily by Message overlap (then Cue and Source overlap)."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            msg = len(g.get("Message") & p.get("Message"))
            if msg:
                extra = len(g.get("Cue") & p.get("Cue")) + len(g.get("Source") & p.get("Source"))
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


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _zero() -> dict[str, int]:
    return dict.fromkeys(ROLES, 0)


@dataclass
class RoleCounts:
    tp: dict[str, int] = field(default_factory=_zero)
    pred: dict[str, int] = field(default_factory=_zero)
    gold: dict[str, int] = field(default_factory=_zero)
    # Token labelling view: per role, the union of its tokens over all annotations.
    tp_lab: dict[str, int] = field(default_factory=_zero)
    pred_lab: dict[str, int] = field(default_factory=_zero)
    gold_lab: dict[str, int] = field(default_factory=_zero)
    docs: int = 0
    n_gold: int = 0
    n_pred: int = 0

    def add(self, gold: list[Ann], pred: list[Ann]) -> None:
        self.docs += 1
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        for role in ROLES:
            self.gold[role] += sum(len(g.get(role)) for g in gold)
            self.pred[role] += sum(len(p.get(role)) for p in pred)
        for g, p in match(gold, pred):
            for role in ROLES:
                self.tp[role] += len(g.get(role) & p.get(role))
        for role in ROLES:
            g_all = frozenset().union(*(g.get(role) for g in gold))
            p_all = frozenset().union(*(p.get(role) for p in pred))
            self.tp_lab[role] += len(g_all & p_all)
            self.gold_lab[role] += len(g_all)
            self.pred_lab[role] += len(p_all)

    def prf(self, role: str) -> tuple[float, float, float]:
        return prf(self.tp[role], self.pred[role], self.gold[role])

    def prf_labels(self, role: str) -> tuple[float, float, float]:
        return prf(self.tp_lab[role], self.pred_lab[role], self.gold_lab[role])


@dataclass
class PartScores:
    counts: RoleCounts = field(default_factory=RoleCounts)
    official: Official = field(default_factory=Official)


def evaluate_spkatt(
    folder: Path,
    res: Resources,
    parts: tuple[str, ...] = ("held-out", "tuning"),
    acts: bool = False,
) -> dict[str, PartScores]:
    """Scores per part ("held-out", "tuning"); only the parts asked for are run. ``acts``:
    the quotes component's ``speech_acts`` setting."""
    scores = {name: PartScores() for name in parts}
    for doc_id, path in spkatt_files(folder):
        part = scores.get("held-out" if held_out(doc_id) else "tuning")
        if part is None:
            continue
        doc_json = json.loads(path.read_text(encoding="utf-8"))
        gold = gold_annotations(doc_json, nested=True)
        pred = predict_spkatt(doc_json, res, acts)
        part.counts.add([g for g in gold if not g.nested], [p for p in pred if not p.nested])
        part.official.add(gold, pred)
    return scores
