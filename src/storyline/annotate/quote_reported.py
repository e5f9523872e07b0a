"""Reported speech in one sentence: "X said (that) …", "…, so X", "According to X, …",
"Laut X …", "X zufolge …", "Selon X, …", "In X's view, …", "X warned of …".

Each reader returns the message's token range and its frame, or None; ``reported_in`` tries them
from the most specific (a leading "according to") to the loosest (a bare speech act).
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.annotate.quote_frames import (
    MAX_CUE_TO_CLAUSE,
    CueHit,
    Frame,
    according_at,
    clause_end,
    frame_after,
    make_frame,
    match_cue,
    speaker_around,
    token_span,
)
from storyline.annotate.quote_lexicon import Lexicon
from storyline.annotate.quote_tokens import Phrase, Tok, phrase_before, phrase_left, phrase_right

# Words that cannot begin a reported clause (the verb then takes an object, not a clause).
_NO_MESSAGE_START = {
    "en": frozenset({"on", "of", "for", "with", "about", "from", "by", "to", "in", "at", "as"}),
    "de": frozenset(),
    "fr": frozenset(),
}
# Words that may follow a trailing attribution ("…, the minister said on Monday in Selmont").
_TAIL_START = {
    "en": frozenset({"on", "in", "at", "late", "during", "after", "before", "yesterday", "today"})
    | frozenset({"earlier", "last", "this", "when", "while", "from", "to", "in", "ahead", "as"}),
    "de": frozenset({"am", "im", "in", "bei", "beim", "gegenüber", "nach", "vor", "auf"})
    | frozenset({"heute", "gestern", "zudem", "auch", "dazu", "weiter", "während", "vom", "aus"}),
    "fr": frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"})
    | frozenset({"hier", "lors", "dans", "à", "au", "devant", "selon", "en", "après", "avant"}),
}
# A trailing attribution ("…, the minister said on Monday.") may end this many tokens early.
MAX_FRAME_TAIL = 6


@dataclass(frozen=True, slots=True)
class Reported:
    i: int  # message token range
    j: int
    frame: Frame


def _strip_end(toks: list[Tok], lo: int, hi: int) -> int:
    while hi > lo and toks[hi - 1].text in ".!?;:,)":
        hi -= 1
    return hi


def reported_in(
    lex: Lexicon, toks: list[Tok], lo: int, hi: int, entity_words: frozenset[int]
) -> Reported | None:
    """Reported speech in the sentence tokens [lo, hi): message range and frame."""
    e = _strip_end(toks, lo, hi)
    if e - lo < 3:
        return None
    return (
        _leading_according(lex, toks, lo, e, entity_words)
        or _trailing_frame(lex, toks, lo, e)
        or _verb_then_clause(lex, toks, lo, e)
        or _inner_according(lex, toks, lo, e)
        or _speech_act(lex, toks, lo, e)
    )


def _speech_act(lex: Lexicon, toks: list[Tok], lo: int, e: int) -> Reported | None:
    """ "X warned of a long conflict", "Y sprach von einem Risiko": a verb of saying with an
    object instead of a clause. The message is what follows the verb."""
    for ci in range(lo + 1, min(e, lo + MAX_CUE_TO_CLAUSE)):
        hit = match_cue(lex, toks, ci, e, lo)
        if hit is None or hit.pronoun:
            continue
        if any("thought" in f.classes for f in hit.forms):
            return None
        subject = phrase_left(lex, toks, hit.i, lo)
        if subject is None or subject.i != lo:
            return None
        m = hit.j
        if any(t.text in ',:;“”„«»"' for t in toks[m:e]) or e - m < 3:
            return None  # a clause follows: not a bare speech act
        fr = make_frame(toks, token_span(toks, hit.i, hit.j), hit, subject, None, "verb")
        return Reported(m, e, fr)
    return None


def _inner_according(lex: Lexicon, toks: list[Tok], lo: int, e: int) -> Reported | None:
    """ "Die Truppe soll laut Ministerium … umfassen": the whole sentence is the message (a
    message must be one stretch of text); a source at the very end is left out of it."""
    lows = [t.low for t in toks[:e]]
    for i in range(lo + 1, e - 1):
        if toks[i - 1].text == ",":
            continue
        acc = according_at(lex, toks, lows, i, e)
        if acc is None:
            continue
        fr = make_frame(toks, token_span(toks, i, acc[0]), None, acc[1], None, "according")
        end = i if acc[1].j >= e else e
        return Reported(lo, end, fr) if _enough(lo, end) else None
    return None


def _enough(i: int, j: int) -> bool:
    return j - i >= 2


def _leading_according(
    lex: Lexicon, toks: list[Tok], lo: int, e: int, entity_words: frozenset[int]
) -> Reported | None:
    lows = [t.low for t in toks[:e]]
    acc = according_at(lex, toks, lows, lo, e)
    via = "according"
    if acc is None and lex.phrase_at("view", lows, lo):
        n0 = lex.phrase_at("view", lows, lo)
        ph0 = phrase_right(lex, toks, lo + n0, e)
        acc = (lo + n0, ph0) if ph0 is not None else None
        via = "view"
    if acc is not None:
        n_end, ph = acc
        n = n_end - lo
        if via == "view" and not _speakerish(lex, toks, ph, entity_words):
            return None
        m = ph.j + (1 if ph.j < e and toks[ph.j].text == "," else 0)
        if lex.language != "de" and not (ph.j < e and toks[ph.j].text == ","):
            return None
        fr = make_frame(toks, token_span(toks, lo, lo + n), None, ph, None, via)
        return Reported(m, e, fr) if _enough(m, e) else None
    # "In X's view, …"
    if lows[lo] == "in" and lex.language == "en":
        for k in range(lo + 2, min(e - 2, lo + 10)):
            if lows[k] in ("'s", "’s") and (lows[k + 1],) in lex.phrases.get("view_possessive", ()):
                ph = Phrase(lo + 1, k)
                if toks[k + 2].text == ",":
                    fr = make_frame(toks, token_span(toks, lo, k + 2), None, ph, None, "view")
                    return Reported(k + 3, e, fr) if _enough(k + 3, e) else None
    # German "X zufolge …" (anywhere), "Wie X mitteilte, …"
    if lex.language == "de":
        for k in range(lo + 1, e):
            if (lows[k],) in lex.phrases.get("according_post", ()):
                before = phrase_before(lex, toks, k, lo)
                if before is None:
                    continue
                fr = make_frame(toks, token_span(toks, k, k + 1), None, before, None, "according")
                if before.i == lo:
                    m = k + 1 + (1 if toks[k + 1].text == "," else 0)
                    return Reported(m, e, fr) if _enough(m, e) else None
                return Reported(lo, e, fr)
        if lows[lo] == "wie":
            c = clause_end(toks, lo, e)
            if c < e and toks[c].text == ",":
                for k in range(c - 1, lo, -1):
                    hit = match_cue(lex, toks, k, c, lo)
                    if hit is not None:
                        who = phrase_right(lex, toks, lo + 1, k)
                        fr = make_frame(
                            toks, token_span(toks, hit.i, hit.j), hit, who, None, "verb"
                        )
                        return Reported(c + 1, e, fr) if who and _enough(c + 1, e) else None
    return None


def _speakerish(lex: Lexicon, toks: list[Tok], ph: Phrase, entity_words: frozenset[int]) -> bool:
    """An opinion holder ("Für X ist …") must be a known entity, a role or a source noun."""
    if any(k in entity_words for k in range(ph.i, ph.j)):
        return True
    nouns = set().union(*(lex.nouns.get(k, frozenset()) for k in ("anonymous", "institution")))
    lows = [t.low for t in toks[ph.i : ph.j]]
    return any(w in nouns for w in lows) or any(lex.role_at(lows, k) for k in range(len(lows)))


def _trailing_frame(lex: Lexicon, toks: list[Tok], lo: int, e: int) -> Reported | None:
    commas = [k for k in range(e - 1, lo + 1, -1) if toks[k].text == ","][:3]
    for c in commas:
        found = frame_after(lex, toks, c + 1, e)
        if found is None:
            continue
        fr, end = found
        if fr.speaker is None or (end < e - MAX_FRAME_TAIL and not _sourced(lex, toks, end, e)):
            continue
        sourced = _sourced(lex, toks, end, e)
        tail_ok = sourced or toks[end].low in _TAIL_START.get(lex.language, ()) if end < e else True
        if not tail_ok:
            continue  # "…, said the talks would resume": a clause, not a trailing frame
        if any(match_cue(lex, toks, k, e, lo) for k in range(end, e)):
            continue
        m0 = lo
        if toks[m0].low in ("but", "and", "aber", "und", "mais", "et"):
            m0 += 1
        return Reported(m0, c, fr) if _enough(m0, c) else None
    return None


def _sourced(lex: Lexicon, toks: list[Tok], k: int, e: int) -> bool:
    """Does ", citing …" / ", quoted by …" start at token ``k``?"""
    lows = [t.low for t in toks[:e]]
    return (
        k + 1 < e
        and toks[k].text == ","
        and bool(lex.phrase_at("citing", lows, k + 1) or lex.phrase_at("relayed", lows, k + 1))
    )


def _verb_then_clause(lex: Lexicon, toks: list[Tok], lo: int, e: int) -> Reported | None:
    lows = [t.low for t in toks[:e]]
    for ci in range(lo, e):
        hit = match_cue(lex, toks, ci, e, lo)
        if hit is None:
            continue
        naming = hit.forms and all("naming" in f.classes for f in hit.forms)
        if naming and (lex.language != "de" or lows[min(hit.j, e - 1)] != ","):
            continue  # "called the plan reckless": an object, not a reported clause
        if hit.pronoun:
            phrase, right = None, False
        else:
            phrase, right = speaker_around(lex, toks, hit, lo, e)
            if lex.language == "en" and toks[hit.i].low.endswith("ing"):
                # "…, saying (that) …": the subject of the main clause speaks.
                phrase, right = phrase_right(lex, toks, lo, hit.i), False
            if phrase is None or (right and lex.language != "de"):
                continue
        m = _clause_start_after(lex, toks, hit, phrase if right else None, e)
        if m is None or not _enough(m, e):
            continue
        fr = make_frame(toks, token_span(toks, hit.i, hit.j), hit, phrase, hit.pronoun, "verb")
        return Reported(m, e, fr)
    return None


def _clause_start_after(
    lex: Lexicon, toks: list[Tok], hit: CueHit, right: Phrase | None, e: int
) -> int | None:
    """Where the reported clause after a verb of saying begins, or None if it takes none."""
    lows = [t.low for t in toks[:e]]
    m = right.j if right is not None else hit.j
    comps = lex.words.get("complementizers", frozenset())
    if lex.language == "de":
        for k in range(m, min(e, hit.j + MAX_CUE_TO_CLAUSE)):
            if toks[k].text in ",:":
                n = k + 1
                return n + 1 if n < e and lows[n] in ("dass", "daß") else n
            if toks[k].text in ".;!?":
                return None
        return None
    if lex.language == "en" and hit.forms and hit.forms[0].lemma == "tell" and right is None:
        addressee = phrase_right(lex, toks, m, e)
        if addressee is not None:
            m = addressee.j
    for _ in range(4):
        skipped = next((s for s in lex.skip_after_cue if tuple(lows[m : m + len(s)]) == s), None)
        if skipped is None:
            break
        m += len(skipped)
        if m < e and toks[m].text == ",":
            m += 1
    for k in range(m, min(e, hit.j + MAX_CUE_TO_CLAUSE)):
        if lows[k] in comps:
            return k + 1
        if toks[k].text in '“”„«»"' or (
            k > m + 2 and (toks[k].text in ".;!?" or match_cue(lex, toks, k, e))
        ):
            break
    if lex.language == "fr":
        return m + 1 if m < e and toks[m].text == ":" else None
    if m < e and toks[m].text in ",:":
        m += 1
    if m >= e or lows[m] in _NO_MESSAGE_START["en"] or not toks[m].word:
        return None
    if lex.phrase_at("citing", lows, m) or lex.phrase_at("relayed", lows, m):
        return None
    if hit.forms and all("thought" in f.classes for f in hit.forms):
        return None  # "expects to", "hopes for": opinions need an explicit "that"
    return m
