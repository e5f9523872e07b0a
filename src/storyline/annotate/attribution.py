"""Attribution chains: the hops from the publishing outlet to the origin of a statement.

The first hop is the publisher (``doc.outlet``, not in the text, so without offsets). Then come
the sources the sentence names, outermost first: the reporting speaker, then whoever it cites
("citing military sources", "unter Berufung auf Regierungskreise", "se référant à"), with a
relay inserted before the source it relayed ("officials quoted by newspaper C" → C, officials;
"as relayed by G"). Hops are typed outlet, person, anonymous, document or organization.
"""

from __future__ import annotations

from collections.abc import Callable

from storyline.annotate.quote_lexicon import Lexicon
from storyline.annotate.quote_speakers import Resolved
from storyline.annotate.quote_tokens import Tok, phrase_right
from storyline.document import Document, Hop
from storyline.ingest.outlets import name_key

Resolve = Callable[[tuple[int, int]], Resolved]


def outlet_hop(doc: Document) -> tuple[Hop, ...]:
    return (Hop("outlet", doc.outlet),) if doc.outlet else ()


def hop_of(found: Resolved, relay: bool = False) -> Hop:
    start, end = found.hop_span if found.hop_span else (None, None)
    kind = found.kind
    if relay and kind in ("organization", "person") and found.entity is None:
        kind = "outlet"  # "quoted by the Hallstedter Allgemeine": relays are media
    return Hop(kind, found.hop_text, start, end, found.entity)


def _sources_after(
    lex: Lexicon, toks: list[Tok], kind: str, lo: int, hi: int, skip: tuple[int, int] | None
) -> list[tuple[int, tuple[int, int]]]:
    """(token index, char span) of every phrase introduced by a ``kind`` phrase in [lo, hi)."""
    lows = [t.low for t in toks[:hi]]
    found = []
    i = lo
    while i < hi:
        if skip and skip[0] <= toks[i].start < skip[1]:
            i += 1
            continue
        n = lex.phrase_at(kind, lows, i)
        if n:
            ph = phrase_right(lex, toks, i + n, hi)
            if ph is not None:
                found.append((i, ph.span(toks)))
                i = ph.j
                continue
        i += 1
    return found


def build_chain(
    doc: Document,
    lex: Lexicon,
    toks: list[Tok],
    lo: int,
    hi: int,
    speaker: Resolved | None,
    message: tuple[int, int],
    resolve: Resolve,
) -> tuple[Hop, ...]:
    """The chain of a statement whose attribution lies in sentence tokens [lo, hi)."""
    hops: list[Hop] = list(outlet_hop(doc))
    relays = _sources_after(lex, toks, "relayed", lo, hi, message)
    cited = _sources_after(lex, toks, "citing", lo, hi, message)
    cited_spans = [span for _, span in cited]
    if speaker is not None:
        # A relay named before the citing phrase relays the speaker ("officials quoted by C
        # said"); one after a cited source relays that source.
        for idx, span in relays:
            first_cited = cited[0][0] if cited else hi
            if idx < first_cited and span not in cited_spans:
                hops.append(hop_of(resolve(span), relay=True))
        hops.append(hop_of(speaker))
    for _idx, span in cited:
        for r_idx, r_span in relays:
            seen = any(h.start == r_span[0] for h in hops if h.start is not None)
            if toks[r_idx].start >= span[1] and r_span not in cited_spans and not seen:
                hops.append(hop_of(resolve(r_span), relay=True))
        if speaker is None or span != speaker.span:
            hops.append(hop_of(resolve(span)))
    return _dedupe(hops)


def _dedupe(hops: list[Hop]) -> tuple[Hop, ...]:
    """Drop a hop that repeats the one before it (the publisher citing itself, a name twice)."""
    out: list[Hop] = []
    for hop in hops:
        if out and name_key(out[-1].text) == name_key(hop.text):
            continue
        if out and out[-1].start is not None and out[-1].start == hop.start:
            continue
        out.append(hop)
    return tuple(out)
