"""Tokens with offsets, and the noun phrases that name a speaker.

There is no parser here on purpose: speaker phrases in news copy are short and regular ("the
Kremlin spokesman", "Der Sprecher des Ministeriums, Hans Meier", "le porte-parole du
gouvernement"), so a few word-class rules per language (determiners, linking prepositions,
words that end a phrase) find them, and they run anywhere without a model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.annotate.quote_lexicon import Lexicon

# French elisions ("l'", "qu'") are tokens of their own; so is an English possessive "'s".
_TOKEN = re.compile(
    r"(?i:\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\w))|\d+(?::\d+)+|\w+(?:[-.]\w+)*"
    r"|['’]s\b|\S"
)
# (Clock times such as "10:05" are one token: their colon introduces nothing.)
# Longest speaker phrase we accept: longer stretches are clauses, not names.
MAX_NP_TOKENS = 14
# Names in an apposition ("…, Jane Doe, said"): at most this many capitalised words.
MAX_APPOSITION_NAME = 4


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(text) if end is None else end
    return [
        Tok(m.start(), m.end(), m.group(), m.group().lower())
        for m in _TOKEN.finditer(text, start, end)
    ]


def lows(toks: list[Tok]) -> list[str]:
    return [t.low for t in toks]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A token range [i, j) that names a speaker."""

    i: int
    j: int

    def span(self, toks: list[Tok]) -> tuple[int, int]:
        return toks[self.i].start, toks[self.j - 1].end


def _is_name_run(toks: list[Tok], i: int, j: int) -> bool:
    return 0 < j - i <= MAX_APPOSITION_NAME and all(t.cap and t.word for t in toks[i:j])


def _content(lex: Lexicon, tok: Tok) -> bool:
    """Could ``tok`` be part of a noun phrase (not a stop word, verb of saying or mark)?"""
    if not tok.word or tok.low in lex.words.get("stops", ()):
        return False
    return (tok.low,) not in lex.cues or nounlike(lex, tok.low)


# English verbs of saying whose base and -s forms are more often nouns ("the report", "his
# claims"): inside a noun phrase they are nouns.
EN_NOUNLIKE = frozenset(
    {"report", "claim", "call", "post", "note", "estimate", "pledge", "promise", "vow", "signal"}
    | {"fear", "hope", "reply", "tweet", "state", "term", "label", "brand", "caution", "remark"}
    | {"respond", "urge", "welcome", "comment", "add", "stress", "warn", "insist", "deny"}
    | {"confirm", "reveal", "predict", "expect", "repeat", "concede", "observe", "suggest"}
)


def nounlike(lex: Lexicon, low: str) -> bool:
    if lex.language != "en":
        return False
    return low in EN_NOUNLIKE or (low.endswith("s") and low[:-1] in EN_NOUNLIKE)


def valid_speaker(lex: Lexicon, toks: list[Tok], i: int, j: int) -> bool:
    """Whether tokens [i, j) read as a speaker phrase (left of a verb of saying)."""
    if not 0 <= i < j <= len(toks) or j - i > MAX_NP_TOKENS:
        return False
    first = toks[i]
    if first.low in lex.words.get("not_speaker", ()) and first.low not in lex.pronouns:
        return False
    if first.low in lex.words.get("stops", ()) and first.low not in lex.pronouns:
        return False
    verbish = _VERBISH.get(lex.language, frozenset())
    if any(
        ((t.low,) in lex.cues and not nounlike(lex, t.low)) or t.low in verbish for t in toks[i:j]
    ):
        return False
    if lex.language == "de":
        if first.low in ("dem", "den", "einem", "einen", "ihm", "ihn", "uns"):
            return False  # dative/accusative: an object, not the speaker
        # German nouns are capitalised: a phrase needs one, or must be a pronoun.
        if not any(t.cap for t in toks[i:j]) and first.low not in lex.pronouns:
            return False
        # A lowercase word after the head noun that is no linking word means a clause.
        seen_cap = False
        det = lex.words.get("determiners", frozenset())
        for t in toks[i:j]:
            if t.cap and t.low not in det:  # "Die" opening a sentence is no noun
                seen_cap = True
            elif seen_cap and t.word and t.low not in _DE_INNER and not t.low.isdigit():
                return False
    return all(t.word or t.text in "()-.,'’&/" for t in toks[i:j])


# Finite verbs and negation: a stretch holding one is a clause ("The deal is off"), not a name.
_VERBISH = {
    "en": frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "could"})
    | frozenset({"should", "may", "might", "must", "can", "did", "does", "do", "not", "be"}),
    "de": frozenset({"ist", "sind", "war", "waren", "hat", "haben", "hatte", "hatten", "wird"})
    | frozenset({"werden", "wurde", "wurden", "kann", "soll", "muss", "will", "sei", "habe"})
    | frozenset({"nicht", "könne", "werde", "seien", "würde", "wollen", "können", "sollen"}),
    "fr": frozenset({"est", "sont", "était", "ont", "avait", "sera", "serait", "va", "peut"})
    | frozenset({"doit", "ne", "pas", "n'", "n’", "fait", "faut"}),
}
# Lowercase words that may follow a capitalised word inside a German speaker phrase.
_DE_INNER = frozenset(
    {"des", "der", "von", "vom", "für", "und", "aus", "den", "dem", "die", "das", "zu", "zur"}
    | {"eines", "einer", "seines", "ihres", "im", "am", "in"}
)


def phrase_right(lex: Lexicon, toks: list[Tok], i: int, limit: int | None = None) -> Phrase | None:
    """The speaker phrase that starts at token ``i`` (after an inverted verb: "said X")."""
    limit = len(toks) if limit is None else min(limit, len(toks))
    if i >= limit:
        return None
    det = lex.words.get("determiners", frozenset())
    links = lex.words.get("links", frozenset())
    if toks[i].low in lex.pronouns:
        return Phrase(i, i + 1)
    if lex.language == "de":
        from storyline.annotate.quote_german_np import np_at  # it builds on this module

        return _cut_relay(lex, toks, np_at(lex, toks, i, limit))
    j = i
    while j < limit and toks[j].low in det:
        j += 1
    head = j
    all_lows = [t.low for t in toks[:limit]]
    while j < limit and j - i < MAX_NP_TOKENS:
        t = toks[j]
        if j > head and (
            lex.phrase_at("relayed", all_lows, j) or lex.phrase_at("citing", all_lows, j)
        ):
            break  # "officials quoted by newspaper C": the relay is a hop of its own
        if t.text == "(":
            close = next((k for k in range(j, min(limit, j + 6)) if toks[k].text == ")"), None)
            if close is None or j == head:
                break
            j = close + 1
            continue
        if lex.language == "de" and not t.cap and j > head and any(x.cap for x in toks[head:j]):
            # German: after the head noun only genitive/linking words continue the phrase.
            nxt = toks[j + 1] if j + 1 < limit else None
            after = toks[j + 2] if j + 2 < limit else None
            if (
                t.low in links
                and nxt is not None
                and (
                    nxt.cap
                    or nxt.low in det
                    or (_adjective(nxt) and after is not None and after.cap)
                )
            ):
                j += 1
                continue
            if (
                nxt is not None
                and t.low in det
                and _adjective(nxt)
                and after is not None
                and after.cap
            ):
                j += 1  # "…, einem ehemaligen Minister"
                continue
            break
        if t.low in links and j > head:
            nxt = toks[j + 1] if j + 1 < limit else None
            plain = nxt is not None and lex.language != "de" and _content(lex, nxt)
            if (
                nxt is not None
                and (nxt.cap or nxt.low in det or plain)
                and t.low not in ("in", "at")
            ):
                j += 1
                continue
            if nxt is not None and nxt.cap and t.low in ("in", "at"):
                j += 1  # "diplomats in Selmont", "sources at the ministry" is rarer
                continue
            break
        if _content(lex, t) or (t.cap and t.word):
            j += 1
            continue
        break
    if j == head:
        return None
    if lex.language == "de" and not any(t.cap for t in toks[head:j]):
        return None  # German speakers are nouns or names, which are capitalised
    # Apposition: "…, Jane Doe," / "…, Hans Meier, sagte" / "X, einem ehemaligen Minister,".
    if j + 2 < limit and toks[j].text == "," and toks[j + 1].low in det and lex.language == "de":
        inner = phrase_right(lex, toks, j + 1, limit)
        if inner is not None and (inner.j >= limit or toks[inner.j].text in ",.;"):
            j = inner.j
    if j + 1 < limit and toks[j].text == ",":
        k = j + 1
        while k < limit and toks[k].cap and toks[k].word and k - j <= MAX_APPOSITION_NAME:
            k += 1
        ends = k == limit or toks[k].text in ",.;:" or toks[k].low in lex.words.get("stops", ())
        if _is_name_run(toks, j + 1, k) and ends:
            j = k
    return Phrase(i, j)


def _cut_relay(lex: Lexicon, toks: list[Tok], ph: Phrase | None) -> Phrase | None:
    """End a phrase before a relay inside it: "Beamte, zitiert von der Zeitung C"."""
    if ph is None:
        return None
    all_lows = [t.low for t in toks[: ph.j]]
    for k in range(ph.i + 1, ph.j):
        if lex.phrase_at("relayed", all_lows, k) or lex.phrase_at("citing", all_lows, k):
            j = k - 1 if toks[k - 1].text == "," else k
            return Phrase(ph.i, j) if j > ph.i else None
    return ph


def _adjective(tok: Tok) -> bool:
    """A lowercase German adjective before its noun ("behördlichen Angaben")."""
    return not tok.cap and tok.word and tok.low.endswith(("e", "en", "er", "es", "em"))


def phrase_before(lex: Lexicon, toks: list[Tok], k: int, floor: int) -> Phrase | None:
    """The German noun phrase right before a postposition ("behördlichen Angaben zufolge")."""
    if lex.language == "de":
        from storyline.annotate.quote_german_np import np_before  # it builds on this module

        return np_before(lex, toks, k, floor)
    det = lex.words.get("determiners", frozenset())
    verbish = _VERBISH.get(lex.language, frozenset())
    stops = lex.words.get("stops", frozenset())
    i = k
    while i > floor:
        t = toks[i - 1]
        if t.cap and t.word and t.low not in stops:
            i -= 1
        elif t.low in det and i < k:
            i -= 1
            break
        elif _adjective(t) and i < k and t.low not in verbish and t.low not in stops:
            i -= 1
        elif t.low in ("des", "der") and i < k and i - 1 > floor and toks[i - 2].cap:
            i -= 1  # genitive inside the phrase
        else:
            break
    if i >= k or not any(t.cap for t in toks[i:k]):
        return None
    return Phrase(i, k)


def phrase_left(lex: Lexicon, toks: list[Tok], j: int, floor: int = 0) -> Phrase | None:
    """The speaker phrase that ends right before token ``j`` ("X said"), or None.

    It starts at the beginning of the clause (after a comma, colon, quotation mark or
    conjunction); an apposition set off by commas is included ("X, the spokeswoman, said").
    """
    k = j
    if k > floor and toks[k - 1].text == ",":
        k -= 1  # "Jane Doe, the spokeswoman, said"
    start = _clause_start(lex, toks, k, floor)
    if start >= k:
        return None
    if valid_speaker(lex, toks, start, k):
        if start - 1 > floor and toks[start - 1].text == ",":
            before = _clause_start(lex, toks, start - 1, floor)
            apposition = _is_name_run(toks, start, k) or _is_name_run(toks, before, start - 1)
            if apposition and before < start - 1 and valid_speaker(lex, toks, before, start - 1):
                return Phrase(before, k)
        return Phrase(start, k)
    # "On Monday, X said" is handled by the clause start; "Am Montag sagte X" has no left
    # phrase. Try the last capitalised run ("… Präsident Hans Meier sagte").
    if lex.language == "de":
        return None  # German capitalises every noun: a capitalised run is no evidence of a name
    m = k
    while m > start and toks[m - 1].cap and toks[m - 1].word:
        m -= 1
    if m < k and valid_speaker(lex, toks, m, k) and (k - m) <= MAX_APPOSITION_NAME:
        return Phrase(m, k)
    return None


_CLAUSE_BREAK = frozenset(',;:()[]—–-"“”„«»‹›')


def _clause_start(lex: Lexicon, toks: list[Tok], k: int, floor: int) -> int:
    conj = {"and", "but", "und", "aber", "et", "mais", "while", "whereas", "sondern", "denn"}
    i = k
    while i > floor:
        t = toks[i - 1]
        if t.text in _CLAUSE_BREAK or t.low in conj or t.text in ".!?":
            break
        if t.low in ("that", "dass", "daß", "que", "qu'", "qu’") and i < k:
            break
        i -= 1
    return i
