"""German clause structure for speaker phrases: the subject of a verb of saying.

German word order decides who speaks. In a main clause the finite verb is second: the subject
is the first constituent ("Der Minister sagte …") or follows the verb ("Dies bestätigte der
Minister", "Am Montag hatte die Polizei erklärt"). A participle or infinitive cue leaves the
finite slot to an auxiliary ("Stoiber hatte … betont"), so the word right before the cue is an
object, not the speaker. A subordinate clause puts its subject right after the conjunction
("wie die Polizei mitteilte"); a passive names the speaker with "von"/"seitens" or not at all
("wurde vom Verband kritisiert", "wurde beschlossen"); an apposition or a relative clause may
stand between subject and verb ("Frank Karl, Leiter der Abteilung, sagte"). The noun phrases
themselves come from ``quote_german_np``.
"""

from __future__ import annotations

from storyline.annotate.quote_german_np import (
    ATTRIBUTE_PREPOSITIONS,
    LINKS,
    OBJECT_WORDS,
    SUBJECT_PRONOUNS,
    appo_exact,
    function_words,
    np_at,
    np_before,
)
from storyline.annotate.quote_lexicon import Lexicon
from storyline.annotate.quote_tokens import Phrase, Tok

# Finite auxiliaries and modals: with one, a participle or infinitive cue is not the finite verb.
AUXILIARIES = frozenset(
    {"hat", "hatte", "hatten", "haben", "habe", "hätte", "hätten", "ist", "war", "waren"}
    | {"sind", "sei", "seien", "wäre", "wären", "wird", "wurde", "wurden", "werden", "werde"}
    | {"würde", "würden", "soll", "sollen", "sollte", "sollten", "will", "wollen", "wollte"}
    | {"wollten", "kann", "können", "konnte", "konnten", "könne", "könnte", "muss", "müssen"}
    | {"musste", "mussten", "müsse", "darf", "durfte", "möchte", "möchten", "habest"}
)
# "werden" forms: with a participle they make a passive.
PASSIVE = frozenset({"wird", "wurde", "wurden", "werden", "werde", "würde", "würden", "worden"})
# Conjunctions opening a verb-final clause whose subject follows them.
SUBORDINATORS = frozenset(
    {"wie", "als", "dass", "daß", "ob", "weil", "da", "nachdem", "obwohl", "während", "wenn"}
    | {"sobald", "bevor", "nachdem", "seit", "seitdem", "damit", "falls", "sodass", "wobei"}
)
RELATIVES = frozenset({"der", "die", "das", "den", "dem", "dessen", "deren", "welcher", "welche"})
# Words that may stand between a verb and its subject ("sagte am Montag der Minister").
_ADVERBS = frozenset(
    {"heute", "gestern", "morgen", "zudem", "auch", "dazu", "jedoch", "nun", "bereits", "schon"}
    | {"erneut", "ebenfalls", "weiter", "außerdem", "dabei", "daher", "deshalb", "allerdings"}
    | {"noch", "nochmals", "ausdrücklich", "damals", "zuvor", "später", "inzwischen", "jetzt"}
    | {"aber", "doch", "indes", "indessen", "mittlerweile", "zuletzt", "kürzlich", "offenbar"}
    | {"bisher", "stets", "immer", "wiederholt", "mehrfach", "öffentlich", "sogar", "gar"}
    | {"ebenso", "gleichzeitig", "zugleich", "nämlich", "demnach", "dann", "so", "hingegen"}
    | {"wiederum", "abschließend", "zunächst", "schließlich", "übereinstimmend", "dagegen"}
)
# Prepositions opening a time or place adverbial between verb and subject ("am Montag").
_ADVERBIAL_PREPOSITIONS = frozenset({"am", "im", "in", "auf", "bei", "beim", "vor", "nach", "an"})
_COORDINATORS = frozenset({"und", "sowie", "aber"})
# Focus words before a subject ("Auch der Minister sagte", "Selbst die Opposition räumte ein").
_FOCUS = frozenset(
    {"auch", "selbst", "sogar", "nur", "ebenso", "zudem", "außerdem", "und", "einzig", "allein"}
    | {"lediglich"}
)
# Lowercase words that may open a reported clause (else a lowercase word is a verb).
_CLAUSE_OPENERS = frozenset({"dass", "daß", "ob", "er", "sie", "es", "man", "wir", "ich", "die"})
# Nominalised adverbials that look like noun phrases ("Des Weiteren", "Im Übrigen").
_ADVERBIAL_NOUNS = frozenset({"weiteren", "übrigen", "ganzen", "allgemeinen", "einzelnen"})
# Times after "heute", "gestern", … ("sagte heute Abend der Minister").
_TIMES = frozenset({"abend", "morgen", "nachmittag", "vormittag", "mittag", "nacht", "früh"})
# Prepositions that make a place into the source of "heißt es" ("im Bericht heißt es").
_PLACE_PREPOSITIONS = frozenset({"in", "im", "auf", "bei", "beim", "aus", "unter", "von", "vom"})


def _clause_start(toks: list[Tok], k: int, lo: int) -> int:
    while k > lo and toks[k - 1].text not in ",;:—–.!?":
        k -= 1
    return k


def _subject_ok(lex: Lexicon, toks: list[Tok], ph: Phrase) -> bool:
    """Could the phrase be a subject (nominative)? Objects, "es", "dies" and adverbs cannot."""
    first = toks[ph.i]
    if first.low in OBJECT_WORDS:
        return False
    if ph.j - ph.i == 1 and first.low in ("es", "man", "dies", "das", "was", "dieses"):
        return False
    if first.low in SUBJECT_PRONOUNS:
        return True
    heads = [t.low for t in toks[ph.i : ph.j] if t.cap and t.word]
    if heads and all(h in _ADVERBIAL_NOUNS or h in function_words(lex) for h in heads):
        return False  # "Des Weiteren", "Im Übrigen"
    if first.low in lex.words.get("determiners", ()):
        return True
    return first.low not in function_words(lex)


def right_subject(lex: Lexicon, toks: list[Tok], i: int, hi: int) -> Phrase | None:
    """The subject after a finite verb: "sagte am Montag der Minister", "äußerte sich X"."""
    k = i
    while k < hi:
        low = toks[k].low
        if low in _ADVERBS or low == "sich":
            k += 1
        elif low in _TIMES and k > i and toks[k - 1].low in ("heute", "gestern", "morgen"):
            k += 1  # "heute Abend"
        elif (
            low in _ADVERBIAL_PREPOSITIONS
            and k + 2 < hi
            and (toks[k + 1].cap or toks[k + 1].text[:1].isdigit())
            and toks[k + 2].low not in LINKS
        ):
            k += 2  # "am Montag", "im Interview"
        else:
            break
    ph = np_at(lex, toks, k, hi)
    if ph is None or not _subject_ok(lex, toks, ph):
        return None
    return ph


def _agent(
    lex: Lexicon,
    toks: list[Tok],
    a: int,
    b: int,
    words: tuple[str, ...] = ("von", "vom", "seitens", "durch"),
) -> Phrase | None:
    """The agent of a passive: "von/vom/seitens/durch X" between tokens ``a`` and ``b``."""
    for k in range(a, b - 1):
        if toks[k].low in words:
            ph = np_at(lex, toks, k + 1, b, appositions=False)
            if ph is not None:
                return ph
    return None


def _left_chain(lex: Lexicon, toks: list[Tok], comma: int, lo: int) -> Phrase | None:
    """ "Deiss, der … hatte, sagte" / "Frank Karl, Leiter der Abteilung, sagte": a subject set
    off before a clause-initial verb by a relative clause or an apposition."""
    cs = _clause_start(toks, comma, lo)
    if cs <= lo or toks[cs - 1].text != ",":
        return None
    rel = toks[cs].low in RELATIVES or (
        cs + 1 < comma
        and toks[cs].low in ("von", "mit", "in", "für", "bei")
        and toks[cs + 1].low in RELATIVES
    )
    if rel and appo_exact(lex, toks, cs, comma):
        rel = False  # "…, der Vorsitzende der Kommission, sagte": an apposition
    if not rel and not appo_exact(lex, toks, cs, comma):
        return None
    start = _clause_start(toks, cs - 1, lo)
    # More appositions before ("Der Vorsitzende der Gewerkschaft, Nachfolgerin der ÖTV, Frank
    # Bsirske, würdigte …"): the subject runs from the first of them.
    while (
        start > lo
        and toks[start - 1].text == ","
        and appo_exact(lex, toks, start, cs - 1)
        and _clause_start(toks, start - 1, lo) < start - 1
    ):
        before = _clause_start(toks, start - 1, lo)
        if not appo_exact(lex, toks, before, start - 1):
            break
        start = before
    if start > lo and toks[start - 1].text not in ':“”"«»':
        return None
    while start < cs - 1 and toks[start].low in _FOCUS:
        start += 1  # "Auch Winfried Hassemer, …, glaubt"
    first_end = next(k for k in range(start, cs) if toks[k].text == "," or k == cs - 1)
    ph = np_at(lex, toks, start, first_end, appositions=False, coordination=True)
    if ph is None or ph.j != first_end or not _subject_ok(lex, toks, ph):
        return None
    return Phrase(ph.i, cs - 1 if rel else comma)


def _place_source(lex: Lexicon, toks: list[Tok], a: int, b: int) -> Phrase | None:
    """ "Im Bericht heißt es", "heißt es auf der Website": the place where it is written."""
    for k in range(a, b - 1):
        if toks[k].low in _PLACE_PREPOSITIONS:
            ph = np_at(lex, toks, k + 1, b, appositions=False)
            if ph is not None:
                # A place keeps its preposition ("im Bericht"); a speaker does not ("vom
                # Sprecher Mark Toner").
                return ph if toks[k].low in ("von", "vom") else Phrase(k, ph.j)
    return None


def is_passive(toks: list[Tok], i: int, j: int, nonfinite: str, lo: int, hi: int) -> bool:
    """Is the participle cue at [i, j) a passive ("wurde kritisiert", "kritisiert worden")?"""
    if nonfinite != "participle":
        return False
    cs = _clause_start(toks, i, lo)
    end = j
    while end < hi and toks[end].low in AUXILIARIES | {"worden"}:
        end += 1
    return any(t.low in PASSIVE for t in toks[cs:end])


def _named(lex: Lexicon, toks: list[Tok], ph: Phrase) -> bool:
    """A name or a subject pronoun, no article: "Gerhard Schröder", "er"."""
    first = toks[ph.i]
    return first.low in SUBJECT_PRONOUNS or (
        first.cap and first.low not in lex.words.get("determiners", ()) and ph.j - ph.i >= 2
    )


def _named_or_definite(lex: Lexicon, toks: list[Tok], ph: Phrase) -> bool:
    """A phrase with an article or a name of two capitalised words ("der Minister")."""
    det = lex.words.get("determiners", frozenset())
    caps = [t for t in toks[ph.i : ph.j] if t.cap and t.word]
    return toks[ph.i].low in det or len(caps) >= 2


def _first_subject(lex: Lexicon, toks: list[Tok], cs: int, end: int) -> Phrase | None:
    """The subject of the first verb in tokens [cs, end): before it or right after it."""
    while cs < end and toks[cs].low in _FOCUS:
        cs += 1
    ph = np_at(lex, toks, cs, end, coordination=True)
    if ph is not None and ph.j < end and toks[ph.j].word and not toks[ph.j].cap:
        return ph if _subject_ok(lex, toks, ph) else None  # "Der Kapitän verließ … und rief"
    if ph is None and cs + 1 < end and toks[cs].low in function_words(lex):
        # "Auf Twitter zeigte sich die Regierung bestürzt und verurteilte …": past a fronted
        # prepositional phrase comes the verb, then the subject.
        pp = np_at(lex, toks, cs + 1, end, appositions=False)
        if pp is not None and pp.j < end:
            return right_subject(lex, toks, pp.j + 1, end)
    verb = next((k for k in range(cs, end) if toks[k].word and not toks[k].cap), None)
    return right_subject(lex, toks, verb + 1, end) if verb is not None else None


def german_speaker(
    lex: Lexicon,
    toks: list[Tok],
    i: int,
    j: int,
    nonfinite: str,
    lo: int,
    hi: int,
    lemma: str | None = None,
) -> tuple[Phrase | None, bool]:
    """The speaker of the cue at tokens [i, j): (phrase, whether it stands right of the cue).

    ``nonfinite`` is "participle", "infinitive" or "" for what the cue form can be.
    """
    cs = _clause_start(toks, i, lo)
    if lemma in ("heißen", "hervor+gehen"):
        # "Im Bericht heißt es, …", "Dies geht aus einem Bericht hervor": no subject speaks,
        # the text it is written in does.
        end = next((k for k in range(j, hi) if toks[k].text in ",;:.!?"), hi)
        if lemma == "hervor+gehen":
            return _agent(lex, toks, cs, end, ("aus",)), False
        return _place_source(lex, toks, cs, i) or _place_source(lex, toks, j, end), False
    aux = next((k for k in range(cs, i) if toks[k].low in AUXILIARIES), None) if nonfinite else None
    tail = j
    while tail < hi and toks[tail].low in AUXILIARIES | {"worden"}:
        tail += 1
    final = tail >= hi or toks[tail].text in ",.;:!?"
    if cs < i and toks[cs].low in SUBORDINATORS and final:
        # Verb-final clause: "wie die Polizei mitteilte", "als er gesagt hatte".
        if any(toks[k].low in PASSIVE for k in range(cs, tail)) and nonfinite == "participle":
            return _agent(lex, toks, cs, i), False
        ph = np_at(lex, toks, cs + 1, i, coordination=True)
        ok = ph is not None and _subject_ok(lex, toks, ph)
        return (ph if ok else None), False
    if cs > lo and toks[cs - 1].text == "," and toks[cs].low in RELATIVES | {"welches"} and final:
        # A relative clause: "X, der sagte, …" speaks for X; but in "Aurevia, welches die
        # Mission vorgeschlagen hat, versprach …" the main clause goes on after it.
        nxt = toks[tail + 1] if tail + 1 < hi else None
        if nxt is not None and nxt.word and not nxt.cap and nxt.low not in _CLAUSE_OPENERS:
            return None, False
        inner = np_at(lex, toks, cs + 1, i)
        if inner is not None and _named(lex, toks, inner):
            return inner, False  # "…, die Gerhard Schröder erklärt hatte:": its own subject
        return np_before(lex, toks, cs - 1, lo), False
    finite = aux if aux is not None else i
    passive = nonfinite == "participle" and (
        (aux is not None and toks[aux].low in PASSIVE) or "worden" in {t.low for t in toks[j:tail]}
    )
    if passive:
        return _agent(lex, toks, cs, hi if aux is None else i), False
    after = finite + 1 if aux is not None else j
    if after < hi and toks[after].low in ("er", "wir", "ich") and cs < finite:
        return Phrase(after, after + 1), aux is None  # "Der Politik schlug er vor, …"
    if after + 1 < hi and toks[after].low == "sich" and cs < finite:
        behind = np_at(lex, toks, after + 1, hi if aux is None else i)
        if (
            behind is not None
            and _subject_ok(lex, toks, behind)
            and _named_or_definite(lex, toks, behind)
        ):
            return behind, aux is None  # "Besorgt äußerte sich Kofi Annan über …"
    first = cs
    while first < finite - 1 and toks[first].low in _FOCUS:
        first += 1  # "Auch der Minister sagte"
    if first < finite:
        ph = np_at(lex, toks, first, finite, coordination=True)
        if (
            ph is not None
            and ph.j < finite
            and toks[ph.j].low in ATTRIBUTE_PREPOSITIONS
            and appo_exact(lex, toks, ph.j + 1, finite)
        ):
            ph = Phrase(ph.i, finite)  # "Einige Moslems im Vereinigten Königreich haben"
        if ph is not None and ph.j == finite and _subject_ok(lex, toks, ph):
            return ph, False
    if cs == finite and cs > lo and toks[cs - 1].text == ",":
        chain = _left_chain(lex, toks, cs - 1, lo)
        if chain is not None:
            return chain, False
    if cs < i and toks[i - 1].low in _COORDINATORS:
        # "biss den Fluggast und rief: …": the subject of the first verb speaks.
        return _first_subject(lex, toks, cs, i - 1), False
    if aux is not None:
        return right_subject(lex, toks, finite + 1, i), False
    right = right_subject(lex, toks, j, hi)
    return right, right is not None
