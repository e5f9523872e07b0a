"""German noun phrases for speaker phrases: "Angaben des stellvertretenden Gouverneurs",
"einer am Dienstag veröffentlichten Mitteilung", "der Direktor der Werft Hanno Sell".

A small grammar, no parser: article or quantifier, an attribute between article and noun ("der
[für die Region] zuständige Koordinator"), adjectives, capitalised head words (nouns and
names, a quoted name, titles such as "Dr."), then genitive or "von"/"für"/"aus" attributes,
parentheses, a place that ends the clause, and an apposition between commas.
"""

from __future__ import annotations

from storyline.annotate.quote_lexicon import Lexicon
from storyline.annotate.quote_tokens import MAX_NP_TOKENS, Phrase, Tok

# Cases that mark an object: a phrase opening with these is no subject.
OBJECT_WORDS = frozenset(
    {"dem", "den", "einem", "einen", "ihm", "ihn", "ihnen", "uns", "mir", "mich", "dir", "dich"}
    | {"diesem", "diesen", "seinem", "seinen", "ihrem", "ihren", "unserem", "unseren"}
)
# Attributes joined to a head noun: genitive articles and "von"-style prepositions.
LINKS = frozenset(
    {"des", "der", "eines", "einer", "von", "vom", "für", "aus", "dieser"}
    | {"dieses", "seines", "seiner", "ihres", "ihrer", "unseres", "unserer"}
)
# The prepositions among them: allowed also inside an attribute ("Beauftragter der Regierung für
# Kultur"), where a second genitive article would start the next phrase.
_PREPOSITION_LINKS = frozenset({"von", "vom", "für", "aus"})
# Places joined to a phrase when they end its clause ("die Organisation in Bonn.").
_PLACES = frozenset({"in", "im", "bei", "beim"})
# Pronouns that are a whole subject phrase.
SUBJECT_PRONOUNS = frozenset({"er", "sie", "wir", "ich"})  # "ihr" is mostly "her" in news
# Words that may open a phrase besides articles ("mehrere Zeugen", "dessen Sprecher").
_QUANTIFIERS = frozenset(
    {"alle", "beide", "mehrere", "einige", "viele", "zahlreiche", "manche", "wenige", "etliche"}
    | {"sämtliche", "verschiedene", "andere", "weitere", "jeder", "jede", "kein", "keine"}
    | {"unser", "unsere", "euer", "dessen", "deren", "ihr", "ihre", "sein", "seine", "tausend"}
    | {"hundert", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"}
)
# Prepositions that open an attribute before a noun ("der [für X] zuständige Minister").
ATTRIBUTE_PREPOSITIONS = frozenset(
    {"am", "im", "von", "vom", "für", "in", "auf", "mit", "bei", "zur", "zum", "aus", "seit"}
)
# Longest such attribute (tokens).
MAX_ATTRIBUTE_TOKENS = 7
# Nouns that the stop list holds for other reasons (a weekday opening a clause is no speaker).
_WEEKDAYS = frozenset(
    {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"}
)


def function_words(lex: Lexicon) -> frozenset[str]:
    words = lex.words
    return (
        words.get("stops", frozenset())
        | words.get("not_speaker", frozenset())
        | words.get("adverbs", frozenset())
    )


def adjective(tok: Tok) -> bool:
    """A lowercase inflected adjective or participle ("stellvertretenden", "geltende")."""
    if not tok.word or tok.cap:
        return False
    return tok.low.endswith(("e", "en", "er", "es", "em")) and len(tok.low) > 3


def _head(lex: Lexicon, tok: Tok) -> bool:
    """A word that can head a noun phrase: a capitalised word that is no sentence-initial
    function word ("Heute", "Zudem"), or a web address ("worldreferee.com")."""
    if tok.word and tok.cap:
        return (
            tok.low not in function_words(lex)
            or tok.low in lex.words.get("determiners", ())
            or tok.low in _WEEKDAYS
        )
    return tok.word and "." in tok.text and not tok.text[:1].isdigit()


def _attribute_end(lex: Lexicon, toks: list[Tok], j: int, limit: int) -> int:
    """Skip an attribute between article and noun: "einer [am Dienstag] veröffentlichten
    Mitteilung", "der [für die Region] zuständige Koordinator", "die [von ihm] geführte MLC".
    Returns the index of the participle that ends it, or ``j`` when there is none."""
    if j >= limit or toks[j].low not in ATTRIBUTE_PREPOSITIONS:
        return j
    det = lex.words.get("determiners", frozenset())
    for k in range(j + 1, min(limit - 1, j + MAX_ATTRIBUTE_TOKENS)):
        t = toks[k]
        if adjective(t) and k > j + 1 and _head(lex, toks[k + 1]):
            return k
        if not (t.cap or t.low in det or t.low in OBJECT_WORDS or t.text[:1].isdigit()):
            return j
    return j


def _title_dot(toks: list[Tok], j: int, limit: int) -> bool:
    """The period of an abbreviated title ("Dr.", "Prof.") inside a name."""
    prev = toks[j - 1] if j > 0 else None
    return (
        toks[j].text == "."
        and prev is not None
        and prev.cap
        and len(prev.text) <= 4
        and prev.end == toks[j].start
        and j + 1 < limit
        and toks[j + 1].cap
    )


def source_phrase(lex: Lexicon, toks: list[Tok], ph: Phrase) -> bool:
    """Is the phrase headed by a noun of information ("Angaben der Polizei", "offiziellen
    Angaben", "Polizeiangaben", "seiner Ansicht")? Compounds count by their last part."""
    nouns = lex.words.get("source_nouns", frozenset())
    det = lex.words.get("determiners", frozenset()) | _QUANTIFIERS
    head = next((t for t in toks[ph.i : ph.j] if t.cap and t.word and t.low not in det), None)
    if head is None:
        return False
    return head.low in nouns or any(head.low.endswith(n) for n in nouns if len(n) >= 5)


def np_at(
    lex: Lexicon,
    toks: list[Tok],
    i: int,
    limit: int,
    appositions: bool = True,
    coordination: bool = False,
    genitive: bool = True,
) -> Phrase | None:
    """The noun phrase starting at token ``i`` (before ``limit``), or None."""
    limit = min(limit, len(toks))
    if i >= limit:
        return None
    if toks[i].low in SUBJECT_PRONOUNS and (i + 1 >= limit or not toks[i + 1].cap):
        return Phrase(i, i + 1)
    det = lex.words.get("determiners", frozenset())
    j = i
    while j < limit and j - i < 2 and (toks[j].low in det or toks[j].low in _QUANTIFIERS):
        j += 1
    if j > i:
        j = _attribute_end(lex, toks, j, limit)
    while j < limit and (
        adjective(toks[j])
        or toks[j].text[:1].isdigit()
        or (toks[j].low in _DEGREE and j + 1 < limit and adjective(toks[j + 1]))
    ):
        j += 1  # "ein nicht genannter Vertreter", "die sehr kleine Partei"
    head = j
    while j < limit and j - i < MAX_NP_TOKENS:
        if _head(lex, toks[j]):
            j += 1
        elif _title_dot(toks, j, limit):
            j += 1  # "Prof. Dr. Matthias Beckmann"
        elif toks[j].text in _OPENING and j + 2 < limit and toks[j + 1].cap:
            # A quoted name: die „Neue Rechte“, dem „Figaro“.
            close = next(
                (k for k in range(j + 2, min(limit, j + 8)) if toks[k].text in _CLOSING), None
            )
            if close is None:
                break
            j = close + 1
        else:
            break
    if j == head:
        return None
    while j < limit and j - i < MAX_NP_TOKENS:
        t = toks[j]
        if t.text == "(":
            close = next((k for k in range(j, min(limit, j + 8)) if toks[k].text == ")"), None)
            if close is None:
                break
            j = close + 1
        elif t.low in _PLACES and j + 1 < limit and genitive:
            # "die Organisation in Bonn", "den Polizeibehörden in Mombasa": a named place that
            # ends the phrase's clause belongs to it ("… McClaren in einem Interview." not).
            inner = np_at(lex, toks, j + 1, limit, appositions=False, genitive=False)
            if (
                inner is None
                or toks[inner.i].low in det
                or not (inner.j >= limit or toks[inner.j].text in ",.;:!?")
            ):
                break
            j = inner.j
        elif j + 1 < limit and (
            (t.low in LINKS and (genitive or t.low in _PREPOSITION_LINKS))
            or (coordination and t.low in ("und", "sowie"))
        ):
            # One genitive per phrase: in "Auskunft der NASA der überwiegende Teil" the
            # second article starts the next phrase.
            inner = np_at(lex, toks, j + 1, limit, appositions=False, genitive=False)
            if inner is None:
                break
            j = inner.j
        else:
            break
    if appositions and j + 1 < limit and toks[j].text == ",":
        inner = np_at(lex, toks, j + 1, limit, appositions=False)
        if inner is not None and (inner.j >= limit or toks[inner.j].text in ",.;:!?"):
            j = inner.j
    return Phrase(i, j)


# Words that may stand before an adjective inside a phrase.
_DEGREE = frozenset({"nicht", "sehr", "besonders", "bisher", "kaum", "noch", "weit", "eher"})
# Quotation marks around a name inside a phrase (die „Neue Rechte“, dem „Figaro“).
_OPENING = frozenset('„»"“')
_CLOSING = frozenset('“”«"')
# Genitive articles: a phrase may go on to the left of them ("Angaben der Polizei").
_GENITIVE = frozenset({"des", "der", "eines", "einer"})


def np_before(lex: Lexicon, toks: list[Tok], k: int, floor: int) -> Phrase | None:
    """The noun phrase ending right before token ``k`` ("den Angaben der Polizei zufolge")."""
    det = lex.words.get("determiners", frozenset())
    best: Phrase | None = None
    for i in range(k - 1, max(floor, k - MAX_NP_TOKENS) - 1, -1):
        t = toks[i]
        inner = (
            t.low in det
            or t.low in LINKS
            or t.low in _QUANTIFIERS
            or t.low in ATTRIBUTE_PREPOSITIONS
            or adjective(t)
        )
        verbish = t.word and not t.cap and not inner and not t.text[:1].isdigit()
        if t.text in ",;:.!?" or (verbish and "." not in t.text):
            break
        ph = np_at(lex, toks, i, k, appositions=False)
        if ph is not None and ph.j == k:
            best = ph
            if t.low in det and t.low not in _GENITIVE:
                break  # a phrase starts at its article ("Sarkozy dem „Figaro“ zufolge")
    return best


def appo_exact(lex: Lexicon, toks: list[Tok], a: int, b: int) -> bool:
    ph = np_at(lex, toks, a, b, appositions=False)
    return ph is not None and ph.j == b
