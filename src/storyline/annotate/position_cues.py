"""What a sentence says about taking part: stance and commitment cues with their modifiers.

``read_sentence`` finds every cue of ``position_<lang>.toml`` in one sentence and turns it into
a ``Reading``: a stance (support / oppose / undecided) and/or a commitment to take part
(pledged / conditional / declined), the clause it governs, any conditions, and whether the
holder is the clause's subject or the sentence's speaker. The rules, in short:

- giving ("send", "entsenden", "envoyer") counts only with an asset in the clause (troops,
  aircraft, ships: a commitment; money or equipment: support only); negated it is a decline,
  unless only a restricted role is refused ("no combat troops" is no refusal to take part);
- a condition marker ("only if", "nur mit", "à condition que", French "ne … que") or a modal of
  possibility ("could", "könnte", "pourrait") makes a commitment conditional; so does a
  negation plus "without" ("will not go anywhere without a mandate");
- "rule out" / "ausschließen" / "exclure" is a categorical refusal (oppose + declined); negated
  ("did not rule out", "nicht ausgeschlossen", "n'a pas exclu") it is a cautious yes
  (support + conditional);
- refusing to act ("declined to send") is a decline; refusing the thing ("rejects the mission")
  is opposition;
- a withdrawal is a decline; a denied one ("nothing has been withdrawn") keeps the pledge;
- support/oppose verbs need the thing at stake as their object, labels ("occupation force")
  belong to whoever uses them;
- indirect questions ("did not say how many troops it could offer") assert nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from storyline.annotate.position_holders import quoted_spans
from storyline.annotate.position_lexicon import Lexicon
from storyline.document import Certainty, Commitment, Figure, Stance

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d[\d.,\s]*\d|\d")
# How far (in words) a negation reaches back to its verb: "did not rule out", "will not send".
_NEG_BEFORE_WORDS = 4
_NEG_AFTER_WORDS = 2  # German/French: "schicken keine Soldaten", "n'enverrait pas de soldats"
_CONDITION_REACH = 120  # characters between a commitment cue and its condition marker
_LABEL_REACH = 60  # characters between a verb of naming and its label ("called it …")
_ASSET_UNITS = {"troops": "personnel", "aircraft": "aircraft", "ships": "ships"}
# Kinds whose own wording carries a negation ("has not made up its mind"), so it is not
# read a second time as negating the cue.
_SELF_NEGATING = frozenset({"undecided", "categorical", "maintain"})
# Which cue decides the commitment when a clause has several, strongest first.
_STRENGTH = {
    "withdraw": 9,
    "maintain": 9,
    "categorical": 8,
    "exclude": 7,
    "set_condition": 6,
    "decline": 5,
    "give": 4,
    "join": 3,
}
_COMMITMENT_KINDS = tuple(_STRENGTH)
_STANCE_KINDS = ("support", "oppose", "undecided", "stand_aside")
_LABEL_KINDS = ("label_oppose", "label_support")
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
_CONCESSIVE = re.compile(r"\b(?:even if|even though|wenn auch|auch wenn|même si)\b", re.IGNORECASE)

TopicMatcher = Callable[[str, int, int], bool]  # (text, start, end) -> mentions the topic


@dataclass(frozen=True, slots=True)
class Asset:
    start: int
    end: int
    kind: str  # personnel | aircraft | ships | money | equipment | participation
    negated: bool
    restricted: bool


@dataclass(frozen=True, slots=True)
class Reading:
    start: int  # the cue
    end: int
    kind: str
    clause: tuple[int, int]
    stance: Stance | None
    commitment: Commitment | None
    conditions: tuple[str, ...] = ()
    holder_rule: str = "subject"  # subject | speaker
    strength: int = 0
    confidence: float = 0.7
    in_question: bool = False


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def clauses(text: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Clause-like stretches of one sentence: split at ";", spaced dashes, and commas that open
    a contrast ("…, but") or a relative clause ("…, which"), which ends at its next comma."""
    cuts = {start, end}
    for m in re.finditer(r";|\s[–—-]\s", text[start:end]):
        cuts.add(start + m.start())
    for name in ("frame.clause_break", "pronoun.relative"):
        for m in lexicon.finditer(name, text, start, end):
            before = text[max(start, m.start() - 3) : m.start()]
            if "," not in before:
                continue
            cuts.add(m.start())
            if name == "pronoun.relative":
                close = re.compile(r",\s").search(text, m.end(), end)
                if close is not None:
                    cuts.add(close.start() + 1)
    ordered = sorted(cuts)
    return [(a, b) for a, b in pairwise(ordered) if b > a]


def _clause_of(spans: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in spans:
        if a <= pos < b:
            return a, b
    return spans[-1] if spans else (pos, pos)


def _negated_at(
    text: str, cue: re.Match[str], clause: tuple[int, int], lexicon: Lexicon, kind: str
) -> bool:
    """A negation governing the cue: a few words before it, inside a split verb, or (German,
    French) right after it."""
    if kind in _SELF_NEGATING:
        return False
    before_text = text[clause[0] : cue.start()]
    # a negation does not reach across a comma: "schicke keine Soldaten, stehe aber hinter …"
    before_text = re.split(r"[,;]", before_text)[-1]
    before_words = list(_WORD.finditer(before_text))[-_NEG_BEFORE_WORDS:]
    if before_words:
        window = before_text[before_words[0].start() :]
        negator = lexicon.search("mod.negator", window)
        if negator is not None and not _governed_by_other(window[negator.end() :], lexicon):
            return True
    inside = cue.group()
    if " " in inside and lexicon.search("mod.negator", inside) is not None:
        return True
    if lexicon.language in ("de", "fr"):
        after_text = re.split(
            r"[,;]|\b(?:und|oder|aber|et|ou|mais)\b", text[cue.end() : clause[1]]
        )[0]
        after_words = list(_WORD.finditer(after_text))[:_NEG_AFTER_WORDS]
        if after_words:
            window = after_text[: after_words[-1].end()]
            if lexicon.search("mod.negator", window) is not None:
                return True
    if lexicon.language == "fr" and before_words:
        # "rien de tout cela n'est exclu": "ne" before the verb with a negator earlier on
        near = before_text[before_words[-2 if len(before_words) > 1 else 0].start() :]
        if re.search(r"\bn(?:e\b|['’])", near) and lexicon.search("mod.negator", before_text):
            return True
    return False


def _governed_by_other(between: str, lexicon: Lexicon) -> bool:
    """ "did not rule out sending", "n'a pas exclu de participer": the negation belongs to the
    verb in between, which is itself a cue."""
    return any(lexicon.search(f"cue.{k}", between) for k in ("exclude", "decline", "withdraw"))


def _restriction_fr(text: str, clause: tuple[int, int]) -> re.Match[str] | None:
    """French "ne … que": a restriction, read as "only" (a condition), not as a negation."""
    return re.search(
        r"\bn(?:e\s+|['’])(?:[^\W\d_]+\s+){0,3}?qu(?:e\b|['’])", text[clause[0] : clause[1]]
    )


def _assets(
    text: str, clause: tuple[int, int], lexicon: Lexicon, figures: Sequence[Figure]
) -> list[Asset]:
    a, b = clause
    found: list[Asset] = []
    taken: list[tuple[int, int]] = []
    for fig in figures:
        if a <= fig.start and fig.end <= b and fig.unit:
            kind = _ASSET_UNITS.get(fig.unit) or ("money" if fig.unit.startswith("money:") else "")
            if kind:
                found.append(_asset(text, fig.start, fig.end, kind, a, lexicon))
                taken.append((fig.start, fig.end))
    for kind in ("personnel", "aircraft", "ships", "money", "equipment"):
        for m in lexicon.finditer(f"noun.{kind}", text, a, b):
            if any(s <= m.start() < e for s, e in taken):
                continue
            found.append(_asset(text, m.start(), m.end(), kind, a, lexicon))
            taken.append((m.start(), m.end()))
    for m in lexicon.finditer("mod.participation", text, a, b):
        if not any(s <= m.start() < e for s, e in taken):
            found.append(_asset(text, m.start(), m.end(), "participation", a, lexicon))
    return sorted(found, key=lambda x: x.start)


def _asset(text: str, start: int, end: int, kind: str, floor: int, lexicon: Lexicon) -> Asset:
    before = text[max(floor, start - 40) : start]
    words = list(_WORD.finditer(before))[-2:]
    negated = bool(words) and lexicon.search("mod.negator", before[words[0].start() :]) is not None
    if lexicon.language == "fr" and re.search(r"\bpas\s+(?:de|d['’])\s*$", before):
        negated = True
    window = text[max(floor, start - 12) : end + 30]
    restricted = lexicon.search("mod.restricted", window) is not None
    return Asset(start, end, kind, negated, restricted)


def _conditions(
    text: str, cue: re.Match[str], sentence: tuple[int, int], lexicon: Lexicon
) -> list[str]:
    """Condition clauses near a commitment cue: "only if the mission receives a mandate"."""
    a, b = sentence
    lo, hi = max(a, cue.start() - _CONDITION_REACH), min(b, cue.end() + _CONDITION_REACH)
    out: list[str] = []
    for m in lexicon.finditer("mod.condition", text, lo, hi):
        if _CONCESSIVE.match(text, max(a, m.start() - 5)) or _CONCESSIVE.search(
            text[max(a, m.start() - 6) : m.end() + 5]
        ):
            continue
        stop = re.search(r"[,;.:!?\n»«“”\"]", text[m.end() : b])
        end = m.end() + stop.start() if stop else b
        if m.start() < cue.start() < end:
            end = cue.start()
        phrase = text[m.start() : end].strip()
        if len(phrase) > len(m.group()) + 2:
            out.append(phrase)
    if lexicon.language == "fr":
        restriction = _restriction_fr(text, (lo, hi))
        if restriction is not None:
            tail = text[lo + restriction.end() : b]
            stop = re.search(r"[,;.:!?\n»«“”\"]", tail)
            phrase = tail[: stop.start()] if stop else tail
            if phrase.strip():
                out.append(("que " + phrase.strip()).strip())
    return out


def _possible(text: str, cue: re.Match[str], clause: tuple[int, int], lexicon: Lexicon) -> bool:
    before = text[clause[0] : cue.start()]
    words = list(_WORD.finditer(before))[-5:]
    if words and lexicon.search("mod.possibility", before[words[0].start() :]) is not None:
        return True
    return lexicon.language == "de" and lexicon.search("mod.possibility", before) is not None


def _in_question(text: str, cue: re.Match[str], clause: tuple[int, int], lexicon: Lexicon) -> bool:
    before = text[clause[0] : cue.start()]
    return lexicon.search("mod.question", before) is not None


# How far back in the sentence a request verb can govern an infinitive commitment cue
# ("asked the European Union in January to take part with soldiers").
REQUEST_REACH = 120


def _requested(text: str, cue: re.Match[str], sentence: tuple[int, int], lexicon: Lexicon) -> bool:
    """A commitment cue in an infinitive after a request verb ("asked X to send") is what
    someone else wants from the actor, not the actor's commitment."""
    words = list(_WORD.finditer(text, max(sentence[0], cue.start() - 12), cue.start()))
    if not words or not lexicon.fullmatch("mod.infinitive", words[-1].group()):
        # French elides: "d'envoyer" puts the marker inside the cue's own word
        head = text[max(sentence[0], cue.start() - 2) : cue.start()]
        if not lexicon.fullmatch("mod.infinitive", head.strip()):
            return False
    before = text[max(sentence[0], cue.start() - REQUEST_REACH) : cue.start()]
    return lexicon.search("mod.request", before) is not None


def _topic_object(
    text: str, clause: tuple[int, int], lexicon: Lexicon, on_topic: TopicMatcher
) -> bool:
    a, b = clause
    return lexicon.search("noun.topic", text, a, b) is not None or on_topic(text, a, b)


def _commitment_reading(
    text: str,
    cue: re.Match[str],
    kind: str,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    lexicon: Lexicon,
    figures: Sequence[Figure],
    on_topic: TopicMatcher,
) -> Reading | None:
    negated = _negated_at(text, cue, clause, lexicon, kind)
    assets = _assets(text, clause, lexicon, figures)
    troops = [x for x in assets if x.kind in ("personnel", "aircraft", "ships")]
    money = [x for x in assets if x.kind in ("money", "equipment") and not x.negated]
    taking_part = [x for x in assets if x.kind == "participation"]
    involvement = taking_part + troops
    strength = _STRENGTH[kind]
    stance: Stance | None = None
    commitment: Commitment | None = None
    conditions: list[str] = []
    confidence = 0.8
    if kind in ("give", "join"):
        if kind == "give" and not assets:
            return None
        if _ATTRIBUTIVE.search(text[max(clause[0], cue.start() - 5) : cue.start()]) and (
            cue.group().casefold().endswith("ed")
        ):
            return None  # "the pledged ground force": a participle used as an adjective
        full = [x for x in troops if not x.restricted]
        if troops and not full and (negated or all(x.negated for x in troops)):
            return None  # only a restricted role is refused: "no combat troops"
        refused = negated or (bool(full) and all(x.negated for x in full))
        if kind == "give" and not troops:
            # money or equipment ("a contribution of €40 million"): support for the mission,
            # no personnel commitment
            return None if refused else _reading(cue, kind, clause, "support", None, [], 2, 0.7)
        if refused and money and not negated:
            stance = "support"  # "offered €40 million but no soldiers"
        if refused:
            without = lexicon.search("mod.without", text, cue.end(), clause[1])
            if without is not None:
                tail = text[without.start() : clause[1]].strip(' ,.;:»«“”"')
                commitment, stance, conditions = "conditional", "support", [tail]
            else:
                commitment = "declined"
        else:
            conditions = _conditions(text, cue, sentence, lexicon)
            if conditions or _possible(text, cue, clause, lexicon):
                commitment, stance = "conditional", "support"
            else:
                commitment, stance = "pledged", "support"
        confidence = 0.85 if troops else 0.75
    elif kind == "decline":
        if negated:
            return None
        if taking_part:
            commitment = "declined"
        elif _topic_object(text, clause, lexicon, on_topic):
            stance = "oppose"
        else:
            return None
    elif kind == "exclude":
        if negated:
            stance, commitment = "support", "conditional"
            conditions = _conditions(text, cue, sentence, lexicon)
        elif involvement:
            stance, commitment = "oppose", "declined"
        elif _topic_object(text, clause, lexicon, on_topic):
            stance = "oppose"
        else:
            return None
    elif kind == "categorical":
        if not involvement:
            return None
        stance, commitment = "oppose", "declined"
    elif kind == "withdraw":
        offer = lexicon.search("noun.topic", text, *clause) is not None or bool(involvement)
        if not offer:
            return None
        if negated:
            stance, commitment = "support", "pledged"
        else:
            commitment = "declined"
    elif kind == "maintain":
        stance, commitment = "support", "pledged"
    elif kind == "set_condition":
        stance, commitment = "support", "conditional"
        conditions = _conditions(text, cue, sentence, lexicon) or [
            re.split(r"[,;.]", text[cue.end() : clause[1]])[0].strip(' »«“”"')
        ]
    return _reading(cue, kind, clause, stance, commitment, conditions, strength, confidence)


def _reading(
    cue: re.Match[str],
    kind: str,
    clause: tuple[int, int],
    stance: Stance | None,
    commitment: Commitment | None,
    conditions: list[str],
    strength: int,
    confidence: float,
    rule: str = "subject",
) -> Reading:
    conds = tuple(dict.fromkeys(c for c in conditions if c))
    return Reading(
        cue.start(), cue.end(), kind, clause, stance, commitment, conds, rule, strength, confidence
    )


def _stance_reading(
    text: str,
    cue: re.Match[str],
    kind: str,
    clause: tuple[int, int],
    lexicon: Lexicon,
    on_topic: TopicMatcher,
) -> Reading | None:
    negated = _negated_at(text, cue, clause, lexicon, kind)
    if kind == "stand_aside":
        return _reading(cue, kind, clause, "support", None, [], 1, 0.65) if negated else None
    if negated:
        return None  # "does not support" is not read as opposition: prefer no position
    if kind == "undecided":
        self_contained = " " in cue.group().strip()
        if not self_contained and not _topic_object(text, clause, lexicon, on_topic):
            return None
        return _reading(cue, kind, clause, "undecided", None, [], 1, 0.7)
    after = (cue.start(), clause[1])
    if lexicon.language == "de":
        after = clause
    if not _topic_object(text, after, lexicon, on_topic):
        return None
    stance: Stance = "support" if kind == "support" else "oppose"
    return _reading(cue, kind, clause, stance, None, [], 1, 0.7)


def _label_reading(
    text: str, cue: re.Match[str], kind: str, clause: tuple[int, int], lexicon: Lexicon
) -> Reading | None:
    """A label belongs to a speaker: inside a quotation, or right after a verb of naming
    ("called it an occupation force"); in the narrator's own words it is nobody's position."""
    quoted = any(a <= cue.start() < b for a, b in quoted_spans_of(text, clause))
    before = text[max(clause[0], cue.start() - _LABEL_REACH) : cue.start()]
    naming = lexicon.search("frame.naming", before) is not None
    if not quoted and not naming:
        return None
    stance: Stance = "oppose" if kind == "label_oppose" else "support"
    rule = "subject" if naming else "speaker"  # the one who "called it …", else the speaker
    return _reading(cue, kind, clause, stance, None, [], 1, 0.6, rule)


def quoted_spans_of(text: str, clause: tuple[int, int]) -> list[tuple[int, int]]:
    """Quoted stretches overlapping a clause (quotes may open before the clause)."""
    line_start = text.rfind("\n", 0, clause[0]) + 1
    line_end = text.find("\n", clause[1])
    line_end = len(text) if line_end < 0 else line_end
    return [(line_start + a, line_start + b) for a, b in quoted_spans(text[line_start:line_end])]


def read_sentence(
    text: str,
    sentence: tuple[int, int],
    lexicon: Lexicon,
    figures: Sequence[Figure],
    on_topic: TopicMatcher,
) -> list[Reading]:
    """Every reading of one sentence, in text order."""
    a, b = sentence
    spans = clauses(text, a, b, lexicon)
    readings: list[Reading] = []
    for kind in _COMMITMENT_KINDS + _STANCE_KINDS + _LABEL_KINDS:
        for cue in lexicon.finditer(f"cue.{kind}", text, a, b):
            clause = _clause_of(spans, cue.start())
            if _in_question(text, cue, clause, lexicon):
                continue
            if kind in _COMMITMENT_KINDS and _requested(text, cue, sentence, lexicon):
                continue
            reading: Reading | None
            if kind in _COMMITMENT_KINDS:
                reading = _commitment_reading(
                    text, cue, kind, clause, sentence, lexicon, figures, on_topic
                )
            elif kind in _STANCE_KINDS:
                reading = _stance_reading(text, cue, kind, clause, lexicon, on_topic)
            else:
                reading = _label_reading(text, cue, kind, clause, lexicon)
            if reading is not None:
                readings.append(reading)
    return _drop_overlaps(sorted(readings, key=lambda r: (r.start, -r.strength)))


def _drop_overlaps(readings: list[Reading]) -> list[Reading]:
    """Two cues on the same words ("refusal" as decline and categorical): the stronger wins."""
    kept: list[Reading] = []
    for r in readings:
        clash = next((k for k in kept if k.start < r.end and r.start < k.end), None)
        if clash is None:
            kept.append(r)
        elif r.strength > clash.strength:
            kept[kept.index(clash)] = r
    return kept


def certainty_of(text: str, start: int, end: int, lexicon: Lexicon) -> Certainty:
    """Certainty cues in a stretch of text: denied > alleged > reported > asserted."""
    if lexicon.search("mod.denied", text, start, end) is not None:
        return "denied"
    if lexicon.search("mod.alleged", text, start, end) is not None:
        return "alleged"
    if lexicon.search("mod.reported", text, start, end) is not None:
        return "reported"
    return "asserted"


_THAT = re.compile(r"\b(?:that|dass|que|qu['’])", re.IGNORECASE)
_FRAME_CERTAINTY_REACH = 70  # characters before "that" where "a report"/"denied" is looked for


def reading_certainty(
    text: str, sentence: tuple[int, int], cue_start: int, lexicon: Lexicon
) -> Certainty:
    """Certainty of one cue: the frame of its "that"-clause ("dismissed a report that it had
    been withdrawn" → denied; "told the board that her pledge remained" → asserted), else the
    whole sentence's cues ("…, according to informed sources" → reported)."""
    thats = list(_THAT.finditer(text, sentence[0], cue_start))
    if thats:
        last = thats[-1]
        return certainty_of(
            text, max(sentence[0], last.start() - _FRAME_CERTAINTY_REACH), last.start(), lexicon
        )
    return certainty_of(text, sentence[0], sentence[1], lexicon)


def offer_kinds(text: str, lexicon: Lexicon) -> list[str]:
    """What is offered in a pledge's evidence: ground_troops, air_policing, money, …"""
    return [kind for kind in lexicon.names("offer") if lexicon.search(f"offer.{kind}", text)]


def words(text: str) -> list[str]:
    return _words(text)
