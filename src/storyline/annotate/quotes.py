"""The ``quotes`` component: direct, partial and reported speech with speaker, cue, chain and
certainty; and ``statement_context`` for other components.

Per document:

1. quotations are paired from their marks (``quote_marks``); each is *direct* when it stands as
   a clause of its own (nothing but an attribution around it) and *partial* when it is woven into
   a sentence ("dismissed the plan as “reckless”"); its frame is looked for right of it, left
   of it, then anywhere in its sentence (``quote_frames``). A direct quotation without a frame
   continues the previous statement when that is close (interrupted and multi-paragraph
   quotes); a short one without a frame is a title or a scare quote and is dropped;
2. every other sentence is read for reported speech: "X said (that) …", "…, so X",
   "According to X, …", "Laut X …", "Selon X, …", "In X's view, …"; a German or French sentence
   in the subjunctive/conditional right after a statement continues it;
3. speakers are resolved to entities (``quote_speakers``), chains built (``attribution``) and
   certainty read (``certainty``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.annotate.attribution import build_chain, outlet_hop
from storyline.annotate.certainty import assess, sentence_certainty
from storyline.annotate.quote_frames import (
    Frame,
    frame_after,
    frame_before,
    frame_within,
)
from storyline.annotate.quote_lexicon import Lexicon, lexicon
from storyline.annotate.quote_marks import Marked, find_marked, outermost
from storyline.annotate.quote_reported import reported_in
from storyline.annotate.quote_speakers import Resolved, Resolver
from storyline.annotate.quote_tokens import Tok, phrase_right, tokenize
from storyline.config import Config
from storyline.document import Certainty, Document, Hop, Quote, QuoteKind, Span
from storyline.ingest.outlets import OutletRegistry
from storyline.kb.model import KnowledgeBase, demo_kb_file, load_kb

# A quotation without attribution is kept (speaker unknown) only from this many words: shorter
# ones are titles, names and scare quotes.
MIN_ORPHAN_WORDS = 4
# A frameless quotation or subjunctive sentence continues a statement at most this many
# sentences back.
MAX_CONTINUATION_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class _Draft:
    start: int
    end: int
    kind: QuoteKind
    frame: Frame | None
    sentence: int
    lo: int  # token range of the attribution context (the sentence or quote region)
    hi: int
    inherit: bool = False


@dataclass
class _Doc:
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


def _sentence_spans(doc: Document) -> list[Span]:
    if doc.sentences:
        return list(doc.sentences)
    from storyline.annotate.sentences import split_sentences

    return split_sentences(doc.text, doc.language or "en")


def _prepare(doc: Document) -> _Doc:
    lex = lexicon(doc.language)
    toks = tokenize(doc.text)
    state = _Doc(doc, lex, toks, [], [])
    for s in _sentence_spans(doc):
        state.sentence_chars.append((s.start, s.end))
        state.sentences.append((state.tok_at(s.start), state.tok_at(s.end)))
    covered: set[int] = set()
    for m in doc.mentions:
        covered.update(range(state.tok_at(m.start), state.tok_at(m.end)))
    state.entity_tokens = frozenset(covered)
    return state


# --- drafts ----------------------------------------------------------------------------------


def _words(toks: list[Tok], i: int, j: int) -> int:
    return sum(1 for t in toks[i:j] if t.word)


def _quoted(state: _Doc, marks: list[Marked]) -> list[_Draft]:
    toks, lex = state.toks, state.lex
    drafts: list[_Draft] = []
    for n, m in enumerate(marks):
        sa, sb = state.sentence_of(m.open_start), state.sentence_of(max(m.start, m.end - 1))
        ra, rb = state.sentences[sa][0], state.sentences[sb][1]
        oi, qi, qj = state.tok_at(m.open_start), state.tok_at(m.start), state.tok_at(m.end)
        ci = state.tok_at(m.close_start) if m.closed else qj
        if n > 0 and marks[n - 1].close_end <= m.open_start:
            ra = max(ra, state.tok_at(marks[n - 1].close_end))
        if n + 1 < len(marks):
            rb = min(rb, state.tok_at(marks[n + 1].open_start))
        rb = max(rb, ci + 1)
        after = ci + 1 if m.closed else qj
        content_words = _words(toks, qi, qj)
        if content_words == 0:
            continue
        left_words, right_words = _words(toks, ra, oi), _words(toks, after, rb)
        right = frame_after(lex, toks, after, rb) if m.closed and right_words else None
        left = frame_before(lex, toks, ra, oi) if left_words else None
        # English and French introduce a quotation with a colon or comma ("X said: “…”");
        # without one the quotation is part of the sentence ("saying monitors were “…”").
        left_ok = (
            left_words == 0
            or toks[oi - 1].text == ":"
            or (left is not None and toks[oi - 1].text == ",")
        )
        right_ok = right_words == 0 or right is not None
        if left_ok and right_ok:
            frame = (right[0] if right else None) or left
            if frame is None or frame.speaker is None:
                frame = (right[0] if right else None) or left or frame
            kind: QuoteKind = "direct"
        else:
            if _is_title(lex, toks, oi, qi, qj, ra):
                continue
            frame = frame_within(lex, toks, ra, rb, [(qi, qj)])
            kind = "partial"
        sentence = sa
        if frame is None:
            # A frameless quotation continues the previous statement, or is kept with an
            # unknown speaker when long enough to be speech rather than a title.
            if content_words < MIN_ORPHAN_WORDS or (
                kind == "partial" and not _continues(drafts, sentence)
            ):
                continue
            drafts.append(_Draft(m.start, m.end, kind, None, sentence, ra, rb, inherit=True))
            continue
        drafts.append(_Draft(m.start, m.end, kind, frame, sentence, ra, rb))
    return drafts


# Words before a quoted name that make it a quotation after all ("called it “Operation X”").
_QUOTING_WORDS = frozenset({"as", "als", "comme", "von", "of", "de", "called", "nannte"})


def _is_title(lex: Lexicon, toks: list[Tok], oi: int, qi: int, qj: int, ra: int) -> bool:
    """A quoted name in running text ("die Mondlandefähre „Eagle“", "the daily “Hürriyet”")."""
    content = [t for t in toks[qi:qj] if t.word]
    if not content or len(content) > 4 or not all(t.cap for t in content):
        return False
    if oi <= ra or not toks[oi - 1].word or toks[oi - 1].low in _QUOTING_WORDS:
        return False
    if lex.language == "de":
        return toks[oi - 1].cap  # German: right after a noun ("der Zeitung „Hürriyet“")
    return True


def _continues(drafts: list[_Draft], sentence: int) -> bool:
    return bool(drafts) and sentence - drafts[-1].sentence <= MAX_CONTINUATION_SENTENCES


def _reported(state: _Doc, quoted: list[_Draft]) -> list[_Draft]:
    toks, lex = state.toks, state.lex
    taken = {d.sentence for d in quoted if d.kind == "direct"}
    spoken = {d.sentence for d in quoted}
    drafts: list[_Draft] = []
    anchor: tuple[int, Frame] | None = None  # a sentence that introduces a speaker
    for k, (lo, hi) in enumerate(state.sentences):
        if k in taken or hi - lo < 3:
            continue
        found = reported_in(lex, toks, lo, hi, state.entity_tokens)
        if found is not None:
            a, b = toks[found.i].start, toks[found.j - 1].end
            drafts.append(_Draft(a, b, "indirect", found.frame, k, lo, hi))
            spoken.add(k)
            continue
        recent = any(k - MAX_CONTINUATION_SENTENCES <= s < k for s in spoken)
        from_anchor = anchor is not None and anchor[0] == k - 1
        if (recent or from_anchor) and _subjunctive(lex, toks, lo, hi):
            end = hi
            while end > lo and toks[end - 1].text in ".!?":
                end -= 1
            a, b = toks[lo].start, toks[end - 1].end
            prev = drafts[-1] if drafts else None
            if prev is not None and prev.inherit and prev.sentence == k - 1 and not from_anchor:
                # Consecutive subjunctive sentences are one reported passage.
                drafts[-1] = _Draft(prev.start, b, "indirect", prev.frame, k, prev.lo, hi, True)
            elif from_anchor and not recent and anchor is not None:
                frame = anchor[1]
                drafts.append(_Draft(a, b, "indirect", frame, k, lo, hi, True))
            else:
                drafts.append(_Draft(a, b, "indirect", None, k, lo, hi, True))
            spoken.add(k)
            anchor = None
            continue
        anchor = _anchor(state, lo, hi, k)
    return drafts


def _anchor(state: _Doc, lo: int, hi: int, k: int) -> tuple[int, Frame] | None:
    """A sentence that names someone speaking without reporting words ("X criticised the
    decision."), so that the subjunctive sentences after it are theirs."""
    lex, toks = state.lex, state.toks
    if not lex.subjunctive:
        return None
    frame = frame_within(lex, toks, lo, hi, [])
    if frame is None or frame.speaker is None or frame.speaker[0] != toks[lo].start:
        subject = phrase_right(lex, toks, lo, hi)
        if subject is None or not _namelike(lex, toks, subject.i, subject.j):
            return None
        a, b = subject.span(toks)
        frame = Frame(a, b, None, None, frozenset(), (a, b), "anchor")
    return k, Frame(frame.start, frame.end, None, None, frozenset(), frame.speaker, "anchor")


def _namelike(lex: Lexicon, toks: list[Tok], i: int, j: int) -> bool:
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


def _subjunctive(lex: Lexicon, toks: list[Tok], lo: int, hi: int) -> bool:
    if not lex.subjunctive:
        return False
    depth = 0
    for t in toks[lo:hi]:
        if t.text in "„“«":
            depth += 1
        elif t.text in "”»" or (t.text == "“" and depth):
            depth = max(0, depth - 1)
        elif depth == 0 and not t.cap and t.low in lex.subjunctive:
            return True
    return False


# --- from drafts to quotes -----------------------------------------------------------------


@dataclass(frozen=True)
class Resources:
    kb: KnowledgeBase
    registry: OutletRegistry | None
    kb_files: tuple[str, ...] = ()


def _cut_speaker(state: _Doc, span: tuple[int, int]) -> tuple[int, int]:
    """End a speaker phrase before a relay or citation inside it ("officials quoted by C")."""
    lows = [t.low for t in state.toks]
    for i in range(state.tok_at(span[0]), state.tok_at(span[1])):
        relay = state.lex.phrase_at("relayed", lows, i) or state.lex.phrase_at("citing", lows, i)
        if relay and i > state.tok_at(span[0]):
            return span[0], state.toks[i - 1].end
    return span


def _build(state: _Doc, drafts: Iterable[_Draft], res: Resources) -> list[Quote]:
    doc, lex, toks = state.doc, state.lex, state.toks
    resolver = Resolver(doc, lex, res.kb, res.registry, res.kb_files)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for d in sorted(drafts, key=lambda x: (x.start, x.end)):
        start, end = d.start, d.end
        while end > start and doc.text[end - 1] in ",;:":
            end -= 1  # "“We are ready,” she said": the comma belongs to the sentence frame
        message = doc.text[start:end]
        context = doc.text[toks[d.lo].start : toks[d.hi - 1].end] if d.hi > d.lo else ""
        context = context.replace(message, " ")
        if d.frame is None:
            if previous is None:
                quote = Quote(start, end, message, d.kind, chain=outlet_hop(doc))
            else:
                quote = Quote(
                    start,
                    end,
                    message,
                    d.kind,
                    previous.speaker,
                    previous.speaker_text,
                    previous.speaker_span,
                    None,
                    None,
                    assess(lex, message, context, frozenset(), previous.chain),
                    previous.chain,
                )
            quotes.append(quote)
            previous = quote
            continue
        fr = d.frame
        found: Resolved | None = None
        if fr.speaker is not None:
            found = resolver.resolve(_cut_speaker(state, fr.speaker))
        chain = build_chain(doc, lex, toks, d.lo, d.hi, found, (start, end), resolver.resolve)
        cue = doc.text[fr.cue[0] : fr.cue[1]] if fr.cue else None
        quote = Quote(
            start,
            end,
            message,
            d.kind,
            speaker=found.entity if found else None,
            speaker_text=found.text if found else None,
            speaker_span=found.span if found else None,
            cue=cue,
            cue_span=fr.cue,
            certainty=assess(lex, message, context, fr.classes, chain),
            chain=chain,
        )
        quotes.append(quote)
        previous = quote
    return quotes


def find_quotes(doc: Document, res: Resources) -> list[Quote]:
    if not doc.text.strip():
        return []
    state = _prepare(doc)
    quoted = _quoted(state, outermost(find_marked(doc.text)))
    reported = _reported(state, quoted)
    return _build(state, [*quoted, *reported], res)


# --- component --------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _resources(kb_files: tuple[str, ...], registry_files: tuple[str, ...]) -> Resources:
    return Resources(load_kb(kb_files), OutletRegistry.load(registry_files), kb_files)


@dataclass
class Quotes:
    kb_files: tuple[str, ...]
    registry_files: tuple[str, ...]
    name: str = "quotes"
    requires: frozenset[str] = frozenset({"text", "sentences", "language", "mentions"})
    assigns: frozenset[str] = frozenset({"quotes"})

    def resources(self) -> Resources:
        return _resources(self.kb_files, self.registry_files)

    def __call__(self, doc: Document) -> Document:
        return doc.with_(quotes=tuple(find_quotes(doc, self.resources())))


def make_quotes(settings: Config, config: Config) -> Quotes:
    """Uses the entities component's KB files and the outlets component's registry files, so
    speakers resolve against the same knowledge the rest of the pipeline uses."""
    components = config.get("components", {})
    kb = settings.get("kb_files", components.get("entities", {}).get("kb_files", []))
    registry = settings.get(
        "registry_files", components.get("outlets", {}).get("registry_files", [])
    )
    kb_files = tuple(str(demo_kb_file()) if f == "demo" else str(f) for f in kb)
    return Quotes(kb_files=kb_files, registry_files=tuple(str(f) for f in registry))


# --- statement_context --------------------------------------------------------------------------


def statement_context(
    doc: Document, start: int, end: int, res: Resources | None = None
) -> tuple[str | None, str | None, tuple[Hop, ...], Certainty]:
    """Who claims the span [start, end): (speaker entity, speaker text, chain, certainty).

    A span inside a quote's message gets that quote's attribution; otherwise the sentence holding
    it is the publisher's own statement (chain: the outlet) with the certainty its cues give.
    """
    quotes = doc.quotes or tuple(find_quotes(doc, res or _resources((), ())))
    best: Quote | None = None
    best_overlap = 0
    for q in quotes:
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > best_overlap or (overlap == best_overlap == 0 and q.start <= start < q.end):
            best, best_overlap = q, overlap
    if best is not None and (best_overlap > 0 or best.start <= start < best.end):
        return best.speaker, best.speaker_text, best.chain, best.certainty
    lex = lexicon(doc.language)
    sentence = next(
        (s.text for s in _sentence_spans(doc) if s.start <= start < s.end),
        doc.text[start:end],
    )
    return None, None, outlet_hop(doc), sentence_certainty(lex, sentence)
