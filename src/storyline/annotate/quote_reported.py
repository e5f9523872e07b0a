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
    cue_frame,
    frame_after,
    make_frame,
    match_cue,
    nonfinite,
    speaker_around,
    token_span,
)
from storyline.annotate.quote_german import german_speaker, is_passive
from storyline.annotate.quote_german_np import adjective, source_phrase
from storyline.annotate.quote_lexicon import CueForm, Lexicon
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
    form: str = "indirect"  # or "act": a speech act without a reported clause


def _strip_end(toks: list[Tok], lo: int, hi: int) -> int:
    """The sentence end without closing punctuation; a closing parenthesis stays when the
    sentence opened it ("…, so der Gesundheitsdienst (NHS).")."""
    while hi > lo and toks[hi - 1].text in ".!?;:,)":
        if toks[hi - 1].text == ")" and any(t.text == "(" for t in toks[lo : hi - 1]):
            break
        hi -= 1
    return hi


def reported_in(
    lex: Lexicon,
    toks: list[Tok],
    lo: int,
    hi: int,
    entity_words: frozenset[int],
    acts: bool = False,
) -> Reported | None:
    """Reported speech in the sentence tokens [lo, hi): message range and frame.

    ``acts``: every speech act without a reported clause counts ("Am Montag forderte der
    Verband Neuwahlen"), not only the plainest ones (see ``_german_act``).
    """
    e = _strip_end(toks, lo, hi)
    if e - lo < 3:
        return None
    return (
        _leading_according(lex, toks, lo, e, entity_words)
        or _anaphoric_tail(lex, toks, lo, e)
        or _trailing_frame(lex, toks, lo, e)
        or _parenthetical(lex, toks, lo, e)
        or _verb_then_clause(lex, toks, lo, e)
        or _inner_according(lex, toks, lo, e)
        or _speech_act(lex, toks, lo, e, acts)
    )


def anaphoric_frame(lex: Lexicon, toks: list[Tok], i: int, e: int) -> Frame | None:
    """ "Dies bestätigte der Minister": a demonstrative at token ``i`` and a verb of saying
    after it point back to what was just said; the frame, or None."""
    if i + 1 >= e or toks[i].low not in lex.words.get("anaphors", ()):
        return None
    hit = match_cue(lex, toks, i + 1, e, i)
    if hit is None or hit.pronoun or any("thought" in f.classes for f in hit.forms):
        return None
    fr = cue_frame(lex, toks, hit, i, e)
    return fr if fr.speaker is not None else None


def _anaphoric_tail(lex: Lexicon, toks: list[Tok], lo: int, e: int) -> Reported | None:
    """ "Die Kamera ist ausgefallen, das teilte das Institut mit": the clause before the comma."""
    for c in range(lo + 2, e - 2):
        if toks[c].text == ",":
            fr = anaphoric_frame(lex, toks, c + 1, e)
            if fr is not None:
                return Reported(lo, c, fr)
    return None


def _speech_act(lex: Lexicon, toks: list[Tok], lo: int, e: int, acts: bool) -> Reported | None:
    """ "X warned of a long conflict", "Y sprach von einem Risiko": a verb of saying with an
    object instead of a clause. The message is what follows the verb."""
    if lex.language == "de":
        return _german_act(lex, toks, lo, e, acts)
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
        return Reported(m, e, fr, "act")
    return None


def _german_act(lex: Lexicon, toks: list[Tok], lo: int, e: int, every: bool) -> Reported | None:
    """ "Der Verband forderte Neuwahlen", "Gegenwärtig wirft X dem Minister Einmischung vor":
    German word order puts the subject before or right after the finite verb.

    Without ``every`` only the plainest acts count, as in the other languages: the subject
    opens the sentence and nothing but the object follows the verb.
    """
    for ci in range(lo, min(e, lo + MAX_CUE_TO_CLAUSE)):
        hit = match_cue(lex, toks, ci, e, lo)
        if hit is None or any(f.lemma in _NO_ACT or "thought" in f.classes for f in hit.forms):
            continue
        lemma = hit.forms[0].lemma if hit.forms else None
        subject, right = german_speaker(lex, toks, hit.i, hit.j, nonfinite(toks, hit), lo, e, lemma)
        if subject is None:
            continue
        m = subject.j if right and subject.j > hit.j else hit.j
        if e - m < 2 or any(t.text in '“”„«»"' for t in toks[lo:e]):
            return None
        plain = not right and subject.i == lo and e - m >= MIN_ACT_OBJECT
        stance = any("stance" in f.classes for f in hit.forms)
        if not every and (not plain or stance or any(t.text in ",:;" for t in toks[m:e])):
            return None
        fr = make_frame(toks, token_span(toks, hit.i, hit.j), hit, subject, None, "verb")
        return Reported(m, e, fr, "act")
    return None


# A plain speech act needs an object of at least this many tokens ("warnte vor einem Krieg").
MIN_ACT_OBJECT = 3
# Verbs that are too often something else than a speech act when they take an object: "sprach
# mit den Eltern", "schrieb ein Buch", "weiß nichts davon", "rief die Polizei".
_NO_ACT = frozenset({"sprechen", "schreiben", "wissen", "rufen", "denken", "heißen", "lauten"})


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


def _parenthetical(lex: Lexicon, toks: list[Tok], lo: int, e: int) -> Reported | None:
    """ "Der Grund, so vermutet die Zeitung, sei ein Riss": the whole sentence is the message
    (one stretch of text); the frame sits inside it."""
    for i in range(lo + 3, e - 2):
        if toks[i - 1].text == ",":
            inner = _inner_so(lex, toks, i, e)
            if inner is not None:
                return Reported(lo, e, inner)
    return None


def _inner_so(lex: Lexicon, toks: list[Tok], i: int, e: int) -> Frame | None:
    """A parenthetical ", so (vermutet) X," starting at token ``i`` inside a sentence."""
    if lex.language != "de" or toks[i].low != "so" or i + 2 >= e:
        return None
    hit = match_cue(lex, toks, i + 1, e, i)
    start = hit.j if hit is not None else i + 1
    ph = phrase_right(lex, toks, start, e)
    if ph is None or ph.j >= e or toks[ph.j].text != ",":
        return None
    return make_frame(toks, token_span(toks, i, start), hit, ph, None, "according")


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
                if before is None or (lows[k] == "nach" and not source_phrase(lex, toks, before)):
                    continue  # "nach" needs a noun of information: "seiner Ansicht nach"
                fr = make_frame(toks, token_span(toks, k, k + 1), None, before, None, "according")
                if before.i == lo:
                    m = k + 1 + (1 if toks[k + 1].text == "," else 0)
                    return Reported(m, e, fr) if _enough(m, e) else None
                return Reported(lo, e, fr)
        if lows[lo] == "wie":
            found = _as_clause(lex, toks, lo, e)
            if found is not None and _enough(found[1] + 1, e):
                return Reported(found[1] + 1, e, found[0])
        for c in range(lo + 2, e - 3):
            if toks[c].text == "," and lows[c + 1] == "wie":
                found = _as_clause(lex, toks, c + 1, e)
                if found is not None:
                    end = c if found[1] >= e - 1 else e  # "…, wie X mitteilte." ends it
                    return Reported(lo, end, found[0]) if _enough(lo, end) else None
    return None


def _as_clause(lex: Lexicon, toks: list[Tok], w: int, e: int) -> tuple[Frame, int] | None:
    """ "Wie die Polizei, ein Sprecher, mitteilte, …" at token ``w``: the frame and the index of
    the comma (or end) that closes the clause. The verb stands last, before that comma."""
    for c in range(w + 2, e + 1):
        if c < e and toks[c].text != ",":
            continue
        for k in range(c - 1, max(w, c - 3), -1):
            hit = match_cue(lex, toks, k, c, w)
            if hit is None or hit.pronoun or any("naming" in f.classes for f in hit.forms):
                continue  # "wie er sich selbst nannte" names, it reports nothing
            passive = any(t.low in ("wurde", "wird", "worden", "wurden") for t in toks[hit.j : c])
            first = w + 2 if toks[w + 1].low in ("aus", "von", "vom") else w + 1
            who = None if passive and first == w + 1 else phrase_right(lex, toks, first, hit.i)
            if who is not None and who.j > hit.i:
                who = None
            fr = make_frame(toks, token_span(toks, hit.i, hit.j), hit, who, None, "verb")
            return fr, c
        if c < e and toks[c + 1].low not in ("so", "wie") and c > w + 12:
            return None
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
        if fr.speaker is None:
            continue
        sourced = _sourced(lex, toks, end, e)
        particles = {f.particle for f in _forms(lex, toks, fr)}
        while end < e and toks[end].low in particles:
            end += 1  # "…, fügte die Kanzlerin hinzu."
        tail_start = end < e and toks[end].low in _TAIL_START.get(lex.language, ())
        if end < e and not (sourced or tail_start):
            continue  # "…, said the talks would resume": a clause, not a trailing frame
        if end < e - MAX_FRAME_TAIL and not sourced and lex.language != "de":
            continue
        if any(match_cue(lex, toks, k, e, lo) for k in range(end, e)):
            continue
        m0 = lo
        if toks[m0].low in ("but", "and", "aber", "und", "mais", "et"):
            m0 += 1
        return Reported(m0, c, fr) if _enough(m0, c) else None
    return None


def _forms(lex: Lexicon, toks: list[Tok], fr: Frame) -> tuple[CueForm, ...]:
    """The lexicon forms of a frame's cue word."""
    if fr.cue is None:
        return ()
    words = [t.low for t in toks if fr.cue[0] <= t.start and t.end <= fr.cue[1]]
    return lex.cues.get((words[-1],), ()) if words else ()


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
            if right and lex.language != "de":
                continue
            if phrase is None and not (
                lex.language == "de" and is_passive(toks, hit.i, hit.j, nonfinite(toks, hit), lo, e)
            ):
                continue  # a passive may leave its speaker out ("Es wurde beschlossen, …")
        m = _clause_start_after(lex, toks, hit, phrase if right else None, e)
        if m is None or not _enough(m, e):
            continue
        fr = make_frame(toks, token_span(toks, hit.i, hit.j), hit, phrase, hit.pronoun, "verb")
        return Reported(m, e, fr)
    return None


# Prepositions of an aside between a verb of saying and its clause ("sagte, gegenüber der
# BBC, dass …", "erklärte, in einem Interview, …").
_ASIDE_PREPOSITIONS = frozenset(
    {"gegenüber", "vor", "in", "im", "auf", "bei", "beim", "am", "nach", "unter", "während"}
)
# Longest such aside (tokens).
MAX_ASIDE_TOKENS = 8


def _ordinal_dot(toks: list[Tok], k: int) -> bool:
    """The period of an ordinal or a date ("am 3. Januar"), which ends no sentence."""
    prev = toks[k - 1] if k > 0 else None
    return (
        toks[k].text == "."
        and prev is not None
        and prev.text.isdigit()
        and prev.end == toks[k].start
    )


def _aside_end(lex: Lexicon, toks: list[Tok], n: int, e: int) -> int | None:
    """The comma closing an aside that starts at token ``n``, or None if there is none."""
    if n >= e or toks[n].low not in _ASIDE_PREPOSITIONS:
        return None
    det = lex.words.get("determiners", frozenset())
    for k in range(n + 1, min(e, n + MAX_ASIDE_TOKENS)):
        t = toks[k]
        if t.text == ",":
            return k if k > n + 1 else None
        lowercase = t.word and not t.cap and not t.text[:1].isdigit()
        if lowercase and t.low not in det and not adjective(t) and t.low not in _ASIDE_PREPOSITIONS:
            return None  # a verb: the clause itself, not an aside
    return None


def _clause_start_after(
    lex: Lexicon, toks: list[Tok], hit: CueHit, right: Phrase | None, e: int
) -> int | None:
    """Where the reported clause after a verb of saying begins, or None if it takes none."""
    lows = [t.low for t in toks[:e]]
    m = right.j if right is not None else hit.j
    comps = lex.words.get("complementizers", frozenset())
    if lex.language == "de":
        k, limit = m, min(e, max(m, hit.j) + MAX_CUE_TO_CLAUSE)
        # "Ich denke, …" in an interview is no report: opinions need "dass" or "ob".
        opinion = bool(hit.forms) and all("thought" in f.classes for f in hit.forms)
        while k < limit:
            if toks[k].text in ",:":
                n = k + 1
                if n < e and lows[n] in ("dass", "daß"):
                    return n + 1
                if opinion:
                    # "…, eine Gruppe habe …": a clause in Konjunktiv I reports the opinion.
                    strong = lex.subjunctive - lex.weak_subjunctive
                    reported = any(t.low in strong for t in toks[n:e])
                    return n if n < e and (lows[n] == "ob" or reported) else None
                aside = _aside_end(lex, toks, n, e)
                if aside is None:
                    return n
                k, limit = aside, min(e, aside + MAX_CUE_TO_CLAUSE)
                continue
            if toks[k].text in ".;!?" and not _ordinal_dot(toks, k):
                return None
            k += 1
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
