"""The ``quotes`` component: direct, partial and reported speech with speaker, cue, chain and
certainty; and ``statement_context`` for other components.

Per document:

1. quotations are paired from their marks (``quote_marks``); each is *direct* when it stands as
   a clause of its own (nothing but an attribution around it) and *partial* when it is woven into
   a sentence ("dismissed the plan as “reckless”"); its frame is looked for right of it, left
   of it, then anywhere in its sentence (``quote_frames``), and in the sentence before when
   that ends with a colon ("Er erklärte im Interview:"). A quotation without a frame belongs to
   the speaker named by the sentence before ("X kritisierte die Pläne. „…“") or continues the
   previous statement when that is close (interrupted and multi-paragraph quotes); a short one
   without a frame is a title or a scare quote and is dropped;
2. every other sentence is read for reported speech (``quote_reported``): "X said (that) …",
   "…, so X", "According to X, …", "Laut X …", "Nach Angaben der Polizei …", "X zufolge …",
   "Wie X mitteilte, …", "Im Bericht heißt es, …", "Dies bestätigte X", "Selon X, …", "In X's
   view, …"; German speakers are found by word order (``quote_german``). A subjunctive or
   "demnach" sentence right after a statement continues it, and one after a sentence naming
   someone speaking ("X kritisierte die Pläne.") is theirs (``quote_passages``);
3. speakers are resolved to entities (``quote_speakers``), chains built (``attribution``) and
   certainty read (``certainty``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from storyline.annotate.attribution import build_chain, outlet_hop
from storyline.annotate.certainty import assess, sentence_certainty
from storyline.annotate.quote_frames import (
    frame_after,
    frame_before,
    frame_within,
)
from storyline.annotate.quote_lexicon import Lexicon, lexicon
from storyline.annotate.quote_marks import Marked, find_marked, outermost
from storyline.annotate.quote_passages import (
    DocState,
    Draft,
    continues,
    introduced,
    prepare,
    reported_drafts,
    sentence_spans,
)
from storyline.annotate.quote_speakers import Resolved, Resolver
from storyline.annotate.quote_tokens import Tok
from storyline.config import Config
from storyline.document import Certainty, Document, Hop, Quote, QuoteKind
from storyline.ingest.outlets import OutletRegistry
from storyline.kb.model import KnowledgeBase, demo_kb_file, shared_kb

# A quotation without attribution is kept (speaker unknown) only from this many words: shorter
# ones are titles, names and scare quotes.
MIN_ORPHAN_WORDS = 4
# --- drafts ----------------------------------------------------------------------------------


def _words(toks: list[Tok], i: int, j: int) -> int:
    return sum(1 for t in toks[i:j] if t.word)


def _quoted(state: DocState, marks: list[Marked]) -> list[Draft]:
    toks, lex = state.toks, state.lex
    drafts: list[Draft] = []
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
        if not left_words and sa > 0 and (n == 0 or marks[n - 1].close_end <= m.open_start):
            # "Er erklärte im Interview:" ends the sentence before the quotation.
            plo, phi = state.sentences[sa - 1]
            free = n == 0 or marks[n - 1].close_end <= toks[plo].start
            if phi - plo > 1 and toks[phi - 1].text == ":" and free:
                left = frame_before(lex, toks, plo, phi)
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
                kind == "partial" and not continues(drafts, sentence)
            ):
                continue
            intro = introduced(state, marks, n, sa)
            if intro is not None and (intro.strong or not continues(drafts, sentence)):
                # "Sadiq Khan verurteilte die Haltung der Regierung. „Diese Regierung …“"
                drafts.append(Draft(m.start, m.end, kind, intro.frame, sentence, ra, rb, form=kind))
                continue
            drafts.append(
                Draft(m.start, m.end, kind, None, sentence, ra, rb, inherit=True, form=kind)
            )
            continue
        if frame.speaker is not None and frame.speaker[0] <= m.open_start < frame.speaker[1]:
            continue  # a name inside the speaker phrase: "nach einem Bericht der „Zeitung“"
        drafts.append(Draft(m.start, m.end, kind, frame, sentence, ra, rb, form=kind))
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


# --- from drafts to quotes -----------------------------------------------------------------


@dataclass(frozen=True)
class Resources:
    kb: KnowledgeBase
    registry: OutletRegistry | None


def _cut_speaker(state: DocState, span: tuple[int, int]) -> tuple[int, int]:
    """End a speaker phrase before a relay or citation inside it ("officials quoted by C")."""
    lows = [t.low for t in state.toks]
    for i in range(state.tok_at(span[0]), state.tok_at(span[1])):
        relay = state.lex.phrase_at("relayed", lows, i) or state.lex.phrase_at("citing", lows, i)
        if relay and i > state.tok_at(span[0]):
            return span[0], state.toks[i - 1].end
    return span


def _build(state: DocState, drafts: Iterable[Draft], res: Resources) -> list[Found]:
    doc, lex, toks = state.doc, state.lex, state.toks
    resolver = Resolver(doc, lex, res.kb, res.registry)
    quotes: list[Found] = []
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
            quotes.append(Found(quote, d.form or d.kind))
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
        quotes.append(Found(quote, d.form or d.kind))
        previous = quote
    return quotes


@dataclass(frozen=True, slots=True)
class Found:
    """A quote and how its statement is given (``Draft.form``), for evaluations that tell
    direct, indirect, reported (speech act) and free indirect speech apart."""

    quote: Quote
    form: str


def find_quotes_detailed(doc: Document, res: Resources, acts: bool = False) -> list[Found]:
    """Quotes with their form; ``acts``: also every speech act without a reported clause
    ("Am Montag forderte der Verband Neuwahlen"), see ``Quotes.speech_acts``."""
    if not doc.text.strip():
        return []
    state = prepare(doc)
    quoted = _quoted(state, outermost(find_marked(doc.text)))
    reported = reported_drafts(state, quoted, acts)
    return _build(state, [*quoted, *reported], res)


def find_quotes(doc: Document, res: Resources, acts: bool = False) -> list[Quote]:
    return [f.quote for f in find_quotes_detailed(doc, res, acts)]


# --- component --------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _resources(kb_files: tuple[str, ...], registry_files: tuple[str, ...]) -> Resources:
    return Resources(shared_kb(kb_files), OutletRegistry.load(registry_files))


@dataclass
class Quotes:
    kb_files: tuple[str, ...]
    registry_files: tuple[str, ...]
    # Report every speech act that has no reported clause ("Am Montag forderte der Verband
    # Neuwahlen", "Schäuble wirft dem Minister Einmischung vor") as a quote whose message is the
    # object. Off by default: such sentences are stances (the positions component reads them)
    # more than statements; only the plainest ("X warned of a long conflict") count then.
    speech_acts: bool = False
    name: str = "quotes"
    requires: frozenset[str] = frozenset({"text", "sentences", "language", "mentions"})
    assigns: frozenset[str] = frozenset({"quotes"})

    def resources(self) -> Resources:
        return _resources(self.kb_files, self.registry_files)

    def __call__(self, doc: Document) -> Document:
        return doc.with_(quotes=tuple(find_quotes(doc, self.resources(), self.speech_acts)))


def make_quotes(settings: Config, config: Config) -> Quotes:
    """Uses the entities component's KB files and the outlets component's registry files, so
    speakers resolve against the same knowledge the rest of the pipeline uses."""
    components = config.get("components", {})
    kb = settings.get("kb_files", components.get("entities", {}).get("kb_files", []))
    registry = settings.get(
        "registry_files", components.get("outlets", {}).get("registry_files", [])
    )
    kb_files = tuple(str(demo_kb_file()) if f == "demo" else str(f) for f in kb)
    return Quotes(
        kb_files=kb_files,
        registry_files=tuple(str(f) for f in registry),
        speech_acts=bool(settings.get("speech_acts", False)),
    )


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
        (s.text for s in sentence_spans(doc) if s.start <= start < s.end),
        doc.text[start:end],
    )
    return None, None, outlet_hop(doc), sentence_certainty(lex, sentence)
