"""How sure a statement is presented: asserted, reported, alleged, denied or hypothetical.

Read from cues in its sentence, in order of precedence:

- denied: the speaker denies it ("denied that …", "dementierte", "a démenti") or the sentence
  calls it false ("which the ministry denied", "frei erfunden");
- hypothetical: a modal or a condition inside the message ("could", "könnten", "pourrait",
  "if", "wenn", "si");
- alleged by a verb of claiming ("behauptete", "claimed"), even when an outlet claims it;
- reported: it reaches the publisher through another outlet or a document (a chain hop of kind
  outlet/document after the publisher), or the sentence says so ("reportedly", "Berichten
  zufolge", "selon des sources");
- alleged: the writer distances itself ("allegedly", "angeblich", "is said to", German "soll",
  French conditional "aurait");
- asserted otherwise.
"""

from __future__ import annotations

from storyline.annotate.quote_lexicon import Lexicon, Seq
from storyline.annotate.quote_tokens import tokenize
from storyline.document import Certainty, Hop


def _has(lows: list[str], seqs: tuple[Seq, ...]) -> bool:
    for seq in seqs:
        n = len(seq)
        if any(tuple(lows[i : i + n]) == seq for i in range(len(lows) - n + 1)):
            return True
    return False


def _lows(text: str) -> list[str]:
    return [t.low for t in tokenize(text)]


def assess(
    lex: Lexicon,
    message: str,
    context: str,
    cue_classes: frozenset[str] = frozenset(),
    chain: tuple[Hop, ...] = (),
) -> Certainty:
    """Certainty of ``message``; ``context`` is the rest of its sentence (the attribution)."""
    msg, ctx = _lows(message), _lows(context)
    marks = lex.certainty
    if "denial" in cue_classes or _has(ctx, marks.get("denied", ())):
        return "denied"
    if _has(msg, marks.get("hypothetical", ())):
        return "hypothetical"
    if "claim" in cue_classes:
        return "alleged"  # "so behauptet der Staatssender": the claim outweighs the relay
    if any(h.kind in ("outlet", "document") for h in chain[1:]) or "report" in cue_classes:
        return "reported"
    if _has(ctx, marks.get("reported", ())) or _has(msg, marks.get("reported", ())):
        return "reported"
    if "claim" in cue_classes or _has(msg + ctx, marks.get("alleged", ())):
        return "alleged"
    return "asserted"


def sentence_certainty(lex: Lexicon, sentence: str) -> Certainty:
    """Certainty of an unattributed sentence: the publisher's own claim, unless marked."""
    return assess(lex, sentence, "")
