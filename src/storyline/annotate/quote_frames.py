"""Attribution frames: the words around a message that say who is speaking.

A frame is a cue (a verb of saying, "according to", "laut", "selon", a colon after a name) plus
the phrase naming the speaker. Frames are read on the tokens of one sentence (or the stretch
around a quotation): right of a message ("…,” said X", "…, so X"), left of it ("X said:",
"Selon X, …") or inside it ("X dismissed the plan as “reckless”").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.annotate.quote_german import german_speaker, right_subject
from storyline.annotate.quote_german_np import source_phrase
from storyline.annotate.quote_lexicon import FR_AUXILIARIES, CueForm, Lexicon
from storyline.annotate.quote_tokens import EN_NOUNLIKE, Phrase, Tok, phrase_left, phrase_right

# French subject inversion: "a-t-il", "dit-elle", "estiment-ils".
_INVERSION = re.compile(r"^(.+?)-(?:t-)?(il|elle|ils|elles|on)$")
_EN_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it", "who"})
_DE_AUX = frozenset(
    {"hat", "hatte", "hatten", "haben", "habe", "hätte", "ist", "war", "wird", "wurde", "soll"}
    | {"will", "wollte", "sollte", "werde", "würde", "kann", "konnte", "sei", "seien", "muss"}
)
_COORDINATORS = frozenset({"and", "but", "und", "aber", "et", "mais", "sondern"})
# How far (tokens) a reported clause may start after its verb ("said on Monday in X that").
MAX_CUE_TO_CLAUSE = 14
# How far (tokens) a cue may stand before the colon that introduces a quotation ("beschrieb die
# Bedeutung des Marktes für den Konzern mit den Worten: „…“").
MAX_CUE_BEFORE_COLON = 16


@dataclass(frozen=True, slots=True)
class Frame:
    start: int  # chars covered by the whole attribution
    end: int
    cue: tuple[int, int] | None
    lemma: str | None
    classes: frozenset[str]
    speaker: tuple[int, int] | None
    via: str  # verb | according | view | colon | inherited


@dataclass(frozen=True, slots=True)
class CueHit:
    i: int  # token range of the cue
    j: int
    forms: tuple[CueForm, ...]
    pronoun: tuple[int, int] | None = None  # French inverted subject inside the cue token


def clause_end(toks: list[Tok], i: int, hi: int) -> int:
    while i < hi and toks[i].text not in ',.;:!?“”„«»"':
        i += 1
    return i


def match_cue(lex: Lexicon, toks: list[Tok], i: int, hi: int, start: int = 0) -> CueHit | None:
    """The cue starting at token ``i`` (``start`` is the first token of the sentence)."""
    tok = toks[i]
    if not tok.word:
        return None
    lows = [t.low for t in toks[:hi]]
    if lex.language == "fr":
        return _match_fr(lex, toks, lows, i, hi)
    if lex.language == "de" and tok.cap and i > start:
        return None  # capitalised mid-sentence: a noun ("das Sagen"), not a verb
    hit = lex.cue_at(lows, i)
    if hit is None:
        return None
    n, forms = hit
    if lex.language == "de":
        end = clause_end(toks, i + n, hi)
        rest = set(lows[i + n : end])
        forms = tuple(f for f in forms if f.particle is None or f.particle in rest)
        # A separable particle closes its clause: in "geht aus einem Bericht hervor" the verb is
        # "hervorgehen", not "ausgehen".
        last = lows[end - 1] if end > i + n else None
        final = tuple(f for f in forms if f.particle is not None and f.particle == last)
        forms = final or forms
        if any(f.lemma == "heißen" for f in forms):
            # "heißt es" / "hatte es geheißen": without "es" it only names ("heißt Peter").
            if i + 1 < hi and lows[i + 1] == "es":
                return CueHit(i, i + 2, forms)
            if not (i > start and lows[i - 1] == "es"):
                return None
    elif lex.language == "en" and n == 1 and forms[0].lemma in EN_NOUNLIKE:
        base = forms[0].lemma
        if tok.low in (base, base + "s", base + "es"):
            prev = toks[i - 1].low if i > start else ""
            nxt = toks[i + 1].low if i + 1 < hi else ""
            named = i > start and toks[i - 1].cap and nxt in (",", ":")
            if prev not in _EN_SUBJECT_PRONOUNS and nxt != "that" and not named:
                return None
    return CueHit(i, i + n, forms) if forms else None


def _match_fr(lex: Lexicon, toks: list[Tok], lows: list[str], i: int, hi: int) -> CueHit | None:
    tok = toks[i]
    pronoun = None
    verb = tok.low
    inv = _INVERSION.match(tok.low)
    if inv:
        verb = inv.group(1)
        offset = tok.start + inv.start(2)
        pronoun = (offset, offset + len(inv.group(2)))
    if verb in FR_AUXILIARIES:
        # Compound tense: auxiliary, up to two adverbs, participle ("a seulement rappelé").
        for k in range(i + 1, min(i + 4, hi)):
            hit = lex.cue_at(lows, k)
            if hit is not None and any(f.participle for f in hit[1]):
                return CueHit(i, k + hit[0], hit[1], pronoun)
            if not toks[k].word or toks[k].cap:
                break
        return None
    if inv:
        forms = lex.cues.get((verb,))
        finite = tuple(f for f in forms or () if not f.participle)
        return CueHit(i, i + 1, finite, pronoun) if finite else None
    hit = lex.cue_at(lows, i)
    if hit is None:
        return None
    finite = tuple(f for f in hit[1] if not f.participle)
    if not finite and i > 0 and lows[i - 1] in ("s'", "s’", "se"):
        finite = hit[1]
    return CueHit(i, i + hit[0], finite) if finite else None


def token_span(toks: list[Tok], i: int, j: int) -> tuple[int, int]:
    return toks[i].start, toks[j - 1].end


def make_frame(
    toks: list[Tok],
    cue: tuple[int, int] | None,
    hit: CueHit | None,
    speaker: Phrase | None,
    pronoun: tuple[int, int] | None,
    via: str,
) -> Frame:
    spk = pronoun if pronoun is not None else (speaker.span(toks) if speaker else None)
    spans = [s for s in (cue, spk) if s is not None]
    forms = hit.forms if hit else ()
    lemma = forms[0].lemma if forms else None
    classes = frozenset().union(*(f.classes for f in forms)) if forms else frozenset()
    return Frame(min(s[0] for s in spans), max(s[1] for s in spans), cue, lemma, classes, spk, via)


def speaker_around(
    lex: Lexicon, toks: list[Tok], hit: CueHit, lo: int, hi: int
) -> tuple[Phrase | None, bool]:
    """The speaker of a cue: inverted pronoun, phrase to its left, or (inverted) to its right.

    Returns the phrase and whether it stands right of the cue.
    """
    if lex.language == "de":
        lemma = hit.forms[0].lemma if hit.forms else None
        return german_speaker(lex, toks, hit.i, hit.j, nonfinite(toks, hit), lo, hi, lemma)
    left = phrase_left(lex, toks, hit.i, lo)
    initial = hit.i == lo or toks[hit.i - 1].text in ',;:“”„«»"—–-'
    if left is not None and (not initial or toks[hit.i - 1].text == ","):
        return left, False  # "X said", "Jane Doe, the spokeswoman, said"
    if left is None and lex.language == "de":
        # Verb-final cue ("Glos hatte in einem Interview gesagt"): the subject opens the clause,
        # right before the auxiliary.
        cs = hit.i
        while cs > lo and toks[cs - 1].text not in ',;:“”„«»"—–-.':
            cs -= 1
        subject = phrase_right(lex, toks, cs, hit.i)
        if subject is not None and subject.j < hit.i and toks[subject.j].low in _DE_AUX:
            return subject, False
    right = _right_subject(lex, toks, hit.j, hi)
    if right is not None and (initial or lex.language == "de"):
        return right, True
    if left is None and hit.i > lo and toks[hit.i - 1].low in _COORDINATORS:
        # "X proposed a force and said …": the subject of the first verb speaks.
        subject = phrase_right(lex, toks, lo, hit.i)
        if subject is not None and any(
            t.cap or t.low in lex.pronouns for t in toks[subject.i : subject.j]
        ):
            return subject, False
    return left, False


def nonfinite(toks: list[Tok], hit: CueHit) -> str:
    """What a German cue form can be besides finite: "participle", "infinitive" or ""."""
    forms = [f for f in hit.forms if f.participle]
    if not forms:
        return ""
    low = toks[hit.i].low
    for f in forms:
        particle, _, verb = f.lemma.rpartition("+")
        if low in (verb, particle + verb, particle + "zu" + verb):
            return "infinitive"
    return "participle"


def _right_subject(lex: Lexicon, toks: list[Tok], i: int, hi: int) -> Phrase | None:
    if lex.language == "de":
        return right_subject(lex, toks, i, hi)  # "sagte am Montag der Minister"
    return phrase_right(lex, toks, i, hi)


def cue_frame(lex: Lexicon, toks: list[Tok], hit: CueHit, lo: int, hi: int) -> Frame:
    phrase, _ = (None, False) if hit.pronoun else speaker_around(lex, toks, hit, lo, hi)
    return make_frame(toks, token_span(toks, hit.i, hit.j), hit, phrase, hit.pronoun, "verb")


def according_at(
    lex: Lexicon, toks: list[Tok], lows: list[str], i: int, hi: int
) -> tuple[int, Phrase] | None:
    """ "according to X" / "laut X" / "nach Angaben von X" at token ``i``: (cue end, phrase).

    In German the noun after "nach" belongs to the source ("nach Angaben des Ministeriums":
    cue "nach", source "Angaben des Ministeriums"), as SpkAtt annotates it.
    """
    if lex.language == "de" and lows[i] == "nach":
        ph = phrase_right(lex, toks, i + 1, hi)
        return (i + 1, ph) if ph is not None and source_phrase(lex, toks, ph) else None
    n = lex.phrase_at("according", lows, i)
    if not n:
        return None
    ph = phrase_right(lex, toks, i + n, hi)
    return (i + n, ph) if ph is not None else None


def frame_after(lex: Lexicon, toks: list[Tok], i: int, hi: int) -> tuple[Frame, int] | None:
    """An attribution starting at token ``i``: "…,” said X", "…,” X said", "…, so X"."""
    k = i
    while k < hi and toks[k].text in ",—–-:":
        k += 1
    if k >= hi:
        return None
    lows = [t.low for t in toks[:hi]]
    acc = according_at(lex, toks, lows, k, hi)
    if (
        acc is None
        and lex.language == "de"
        and lows[k] == "so"
        and k > 0
        and toks[k - 1].text in ",—–-"
    ):
        ph0 = phrase_right(lex, toks, k + 1, hi)  # "…, so der Minister."
        acc = (k + 1, ph0) if ph0 is not None else None
    if acc is not None:
        n_end, ph = acc
        return make_frame(toks, token_span(toks, k, n_end), None, ph, None, "according"), ph.j
    so = lex.language == "de" and lows[k] == "so" and k + 1 < hi  # "…, so behauptet X"
    hit = match_cue(lex, toks, k + 1 if so else k, hi, i)
    if hit is not None:
        cue = token_span(toks, k if so else hit.i, hit.j)
        if hit.pronoun:
            return make_frame(toks, cue, hit, None, hit.pronoun, "verb"), hit.j
        if lex.language == "de" and hit.forms and hit.forms[0].lemma == "heißen":
            # "…“, hieß es vom Abgeordneten X" / "…“ heißt es in einer Pressemitteilung".
            place, _ = german_speaker(lex, toks, hit.i, hit.j, "", k, hi, "heißen")
            fr = make_frame(toks, cue, hit, place, None, "verb")
            return fr, (place.j if place else hit.j)
        inverted = _right_subject(lex, toks, hit.j, hi)
        fr = make_frame(toks, cue, hit, inverted, None, "verb")
        return fr, (inverted.j if inverted else hit.j)
    first = phrase_right(lex, toks, k, hi)
    if first is not None and first.j < hi:
        hit = match_cue(lex, toks, first.j, hi, i)
        if hit is not None:
            fr = make_frame(toks, token_span(toks, hit.i, hit.j), hit, first, hit.pronoun, "verb")
            return fr, hit.j
    return None


def frame_before(lex: Lexicon, toks: list[Tok], lo: int, j: int) -> Frame | None:
    """An attribution ending right before token ``j``: "X said:", "Selon X, …", "X: …"."""
    k = j
    colon = k > lo and toks[k - 1].text == ":"
    while k > lo and toks[k - 1].text in ",:—–-":
        k -= 1
    if k <= lo:
        return None
    lows = [t.low for t in toks[:j]]
    for i in range(k - 1, max(lo, k - MAX_CUE_BEFORE_COLON) - 1, -1):
        hit = match_cue(lex, toks, i, k, lo)
        if hit is None or hit.j > k:
            continue
        if any(match_cue(lex, toks, x, k, lo) for x in range(hit.j, k)):
            continue
        return cue_frame(lex, toks, hit, lo, k)
    for i in range(lo, k):
        acc = according_at(lex, toks, lows, i, k) if i == lo or toks[i - 1].text in ",;:" else None
        if acc is not None and acc[1].j >= k - 1:
            return make_frame(toks, token_span(toks, i, acc[0]), None, acc[1], None, "according")
    if colon:
        ph = phrase_left(lex, toks, k, lo)
        if ph is not None and ph.i == lo:
            return make_frame(toks, None, None, ph, None, "colon")
    return None


def frame_within(
    lex: Lexicon, toks: list[Tok], lo: int, hi: int, skip: list[tuple[int, int]]
) -> Frame | None:
    """Any attribution in tokens [lo, hi) outside the ``skip`` token ranges (quotations)."""
    lows = [t.low for t in toks[:hi]]
    fallback: Frame | None = None
    i = lo
    while i < hi:
        inside = next((b for a, b in skip if a <= i < b), None)
        if inside is not None:
            i = inside
            continue
        acc = according_at(lex, toks, lows, i, hi)
        if acc is not None:
            return make_frame(toks, token_span(toks, i, acc[0]), None, acc[1], None, "according")
        hit = match_cue(lex, toks, i, hi, lo)
        if hit is not None:
            floor = max([b for a, b in skip if b <= hit.i] + [lo])
            fr = cue_frame(lex, toks, hit, floor, hi)
            if fr.speaker is not None:
                return fr
            fallback = fallback or fr
            i = hit.j
            continue
        i += 1
    return fallback
