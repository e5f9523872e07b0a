"""Drafts of statements in a document and the passages that carry them on.

A *draft* is a message span with its attribution frame, before speakers are resolved
(``quotes._build``). This module holds the per-document working state, the reading of every
sentence for reported speech (``reported_drafts``), and the rules that give a sentence without
a frame of its own to an earlier speaker: a subjunctive or "demnach" sentence right after a
statement continues it; one after a sentence that names someone speaking ("X kritisierte die
Pläne.") is theirs (an *anchor*); a quotation opening the sentence after such one too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.annotate.quote_frames import Frame, frame_within
from storyline.annotate.quote_lexicon import Lexicon, lexicon
from storyline.annotate.quote_marks import Marked
from storyline.annotate.quote_reported import anaphoric_frame, reported_in
from storyline.annotate.quote_tokens import Tok, phrase_right, tokenize
from storyline.document import Document, QuoteKind, Span

# A frameless quotation or subjunctive sentence continues a statement at most this many
# sentences back.
MAX_CONTINUATION_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class Draft:
    start: int
    end: int
    kind: QuoteKind
    frame: Frame | None
    sentence: int
    lo: int  # token range of the attribution context (the sentence or quote region)
    hi: int
    inherit: bool = False
    # How the statement is given: "direct"/"partial" (quotation marks), "indirect" (a reported
    # clause), "act" (a speech act without a clause: "X forderte Neuwahlen"), "continuation"
    # (a subjunctive sentence carrying on an earlier statement).
    form: str = ""


@dataclass
class DocState:
    """Per-document working state."""

    doc: Document
    lex: Lexicon
    toks: list[Tok]
    sentences: list[tuple[int, int]]  # token ranges
    sentence_chars: list[tuple[int, int]]
    entity_tokens: frozenset[int] = field(default_factory=frozenset)

    def sentence_of(self, char: int) -> int:
        for k, (a, b) in enumerate(self.sentence_chars):
            if a <= char < b:
                return k
        return max(0, sum(1 for a, _ in self.sentence_chars if a <= char) - 1)

    def tok_at(self, char: int) -> int:
        lo, hi = 0, len(self.toks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.toks[mid].end <= char:
                lo = mid + 1
            else:
                hi = mid
        return lo


def sentence_spans(doc: Document) -> list[Span]:
    if doc.sentences:
        return list(doc.sentences)
    from storyline.annotate.sentences import split_sentences

    return split_sentences(doc.text, doc.language or "en")


def prepare(doc: Document) -> DocState:
    lex = lexicon(doc.language)
    toks = tokenize(doc.text)
    state = DocState(doc, lex, toks, [], [])
    for s in sentence_spans(doc):
        state.sentence_chars.append((s.start, s.end))
        state.sentences.append((state.tok_at(s.start), state.tok_at(s.end)))
    covered: set[int] = set()
    for m in doc.mentions:
        covered.update(range(state.tok_at(m.start), state.tok_at(m.end)))
    state.entity_tokens = frozenset(covered)
    return state


def introduced(state: DocState, marks: list[Marked], n: int, sa: int) -> Anchor | None:
    """The speaker introduced by the sentence right before quotation ``n`` when that sentence
    holds no quotation itself."""
    if sa == 0:
        return None
    plo, phi = state.sentences[sa - 1]
    if phi <= plo:
        return None
    a, b = state.toks[plo].start, state.toks[phi - 1].end
    if any(a <= mk.open_start < b or a < mk.close_end <= b for mk in marks):
        return None
    first = state.tok_at(marks[n].open_start)
    if first != state.sentences[sa][0]:
        return None  # the quotation does not open its sentence
    return find_anchor(state, plo, phi, sa - 1)


def continues(drafts: list[Draft], sentence: int) -> bool:
    return bool(drafts) and sentence - drafts[-1].sentence <= MAX_CONTINUATION_SENTENCES


def reported_drafts(state: DocState, quoted: list[Draft], acts: bool = False) -> list[Draft]:
    toks, lex = state.toks, state.lex
    # Sentences inside a direct quotation (a quotation may run over several) are not read again.
    taken = {
        k
        for d in quoted
        if d.kind == "direct"
        for k, (a, _b) in enumerate(state.sentence_chars)
        if k == d.sentence or d.start <= a < d.end
    }
    spoken = {d.sentence for d in quoted}
    drafts: list[Draft] = []
    anchor: Anchor | None = None  # a sentence that introduces a speaker
    for k, (lo, hi) in enumerate(state.sentences):
        if k in taken or hi - lo < 3:
            continue
        back = anaphoric_frame(lex, toks, lo, hi)
        if back is not None and k > 0 and k - 1 not in spoken:
            # "Dies bestätigte der Minister.": the sentence before is the message.
            plo, phi = state.sentences[k - 1]
            end = phi
            while end > plo and toks[end - 1].text in ".!?":
                end -= 1
            if end - plo >= 3:
                a, b = toks[plo].start, toks[end - 1].end
                drafts.append(Draft(a, b, "indirect", back, k, plo, hi, form="indirect"))
                spoken.update((k - 1, k))
                continue
        found = reported_in(lex, toks, lo, hi, state.entity_tokens, acts)
        if found is not None:
            a, b = toks[found.i].start, toks[found.j - 1].end
            drafts.append(Draft(a, b, "indirect", found.frame, k, lo, hi, form=found.form))
            spoken.add(k)
            continue
        recent = any(k - MAX_CONTINUATION_SENTENCES <= s < k for s in spoken)
        from_anchor = anchor is not None and anchor.sentence == k - 1
        # A speaker named by a verb right before ("X kritisierte die Pläne. Die Mittel seien …")
        # takes the sentence over an older statement; a mere subject does not.
        use_anchor = anchor is not None and from_anchor and (anchor.strong or not recent)
        # "soll", "wäre" carry on only the sentence right before; bridging a sentence, or giving
        # a statement to a merely named subject, takes Konjunktiv I ("sei", "habe").
        strong_only = (k - 1) not in spoken and not (use_anchor and anchor and anchor.strong)
        if (recent or from_anchor) and (
            subjunctive(lex, toks, lo, hi, strong_only) or marked(lex, toks, lo, hi)
        ):
            end = hi
            while end > lo and toks[end - 1].text in ".!?":
                end -= 1
            a, b = toks[lo].start, toks[end - 1].end
            prev = drafts[-1] if drafts else None
            if prev is not None and prev.inherit and prev.sentence == k - 1 and not use_anchor:
                # Consecutive subjunctive sentences are one reported passage.
                drafts[-1] = Draft(
                    prev.start, b, "indirect", prev.frame, k, prev.lo, hi, True, "continuation"
                )
            elif use_anchor and anchor is not None:
                frame = anchor.frame
                drafts.append(Draft(a, b, "indirect", frame, k, lo, hi, True, "continuation"))
            else:
                drafts.append(Draft(a, b, "indirect", None, k, lo, hi, True, "continuation"))
            spoken.add(k)
            anchor = None
            continue
        anchor = find_anchor(state, lo, hi, k)
    return drafts


@dataclass(frozen=True, slots=True)
class Anchor:
    sentence: int
    frame: Frame
    strong: bool  # named by a verb of saying ("X kritisierte …"), not just a subject


def find_anchor(state: DocState, lo: int, hi: int, k: int) -> Anchor | None:
    """A sentence that names someone speaking without reporting words ("X criticised the
    decision."), so that the subjunctive sentences after it are theirs."""
    lex, toks = state.lex, state.toks
    if not lex.subjunctive:
        return None
    frame = frame_within(lex, toks, lo, hi, [])
    strong = frame is not None and frame.speaker is not None
    if (
        frame is None
        or frame.speaker is None
        or (lex.language != "de" and frame.speaker[0] != toks[lo].start)
    ):
        strong = False
        subject = phrase_right(lex, toks, lo, hi)
        if subject is None or not namelike(lex, toks, subject.i, subject.j):
            return None
        a, b = subject.span(toks)
        frame = Frame(a, b, None, None, frozenset(), (a, b), "anchor")
    fr = Frame(frame.start, frame.end, None, None, frozenset(), frame.speaker, "anchor")
    return Anchor(k, fr, strong)


def namelike(lex: Lexicon, toks: list[Tok], i: int, j: int) -> bool:
    """A person or a source: a role or source noun, or a name of two capitalised words."""
    lows = [t.low for t in toks[i:j]]
    nouns = set().union(*lex.nouns.values())
    if any(lex.role_at(lows, n) for n in range(len(lows))) or any(w in nouns for w in lows):
        return True
    caps = 0
    for t in toks[i:j]:
        caps = caps + 1 if t.cap and t.word else 0
        if caps >= 2:
            return True
    return False


def marked(lex: Lexicon, toks: list[Tok], lo: int, hi: int) -> bool:
    """ "Demnach …": a word that says the sentence reports the statement before it."""
    markers = lex.words.get("continuation_markers", frozenset())
    return any(t.low in markers for t in toks[lo:hi])


def subjunctive(lex: Lexicon, toks: list[Tok], lo: int, hi: int, strong: bool = False) -> bool:
    """Is the sentence in the subjunctive (outside quotation marks)? ``strong``: only forms
    that are nothing but reported speech (Konjunktiv I: "sei", "habe"), not "soll", "wäre"."""
    if not lex.subjunctive:
        return False
    forms = lex.subjunctive - lex.weak_subjunctive if strong else lex.subjunctive
    depth = 0
    for t in toks[lo:hi]:
        if t.text in "„“«":
            depth += 1
        elif t.text in "”»" or (t.text == "“" and depth):
            depth = max(0, depth - 1)
        elif depth == 0 and not t.cap and t.low in forms:
            return True
    return False
