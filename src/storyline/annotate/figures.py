"""The ``figures`` component: claimed numbers with their unit, what they measure and who claims
them.

Numbers and units come from ``find_figures`` (``numbers.py`` / ``units.py``). This component
adds, per document:

- units the shared lexicon lacks but the position lexicon knows ("150 Militär-Ingenieure",
  "quelques centaines de logisticiens");
- the unit of an elliptical number from the figure it parallels: "Aurevia's 3,000 troops and
  Belmora's 800", "L'Aurevia parle de 12.000, l'alliance de jusqu'à 25.000 soldats", "at least
  20,000 would be needed" after "12,000 soldiers";
- ``measures``: pledge (an actor's own contribution, found by the positions reader),
  force_size, forces_needed, participating_countries, budget, casualties, ceasefire_line_length
  / line_length, or other;
- ``claimed_by``: for a pledge the pledging actor; otherwise who asserts the number — a source
  named with "according to"/"laut"/"selon", a holder speaking about it after it ("the 25,000
  that Concord officials named"), the clause's subject, or the sentence's speaker; an unnamed
  source (a newspaper, "diplomats") leaves it None;
- ``certainty`` and ``chain`` from the quotes component when installed, else from cues.

"Not one soldier" and "kein einziger Soldat" are no claimed quantity and are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from storyline.annotate.numbers import NumberMatch, find_numbers
from storyline.annotate.position_cues import certainty_of
from storyline.annotate.position_holders import DocHolders, Holder, find_holders
from storyline.annotate.position_lexicon import Lexicon, load_lexicon, wordset
from storyline.annotate.position_speakers import frame_speaker
from storyline.annotate.positions import _statement_context, pledge_owners
from storyline.annotate.units import find_figures
from storyline.config import Config
from storyline.document import Document, Figure, Hop
from storyline.kb.model import KnowledgeBase, shared_kb

_LEXICON_UNITS = {"personnel": "troops", "aircraft": "aircraft", "ships": "ships"}
# A bare number takes the unit of a figure it parallels only when their sizes are comparable:
# "3,000 troops and Belmora's 800" yes, "800 troops … on 14 March" never (dates are no
# numbers anyway), "800 troops … 3 of them" no.
_MAX_RATIO = 30.0
_MIN_ELLIPTIC = 5.0
# Words after a number that show it has no noun of its own ("the 25,000 what officials named",
# "at least 20,000 would be needed", "bis zu 25.000, von denen …").
_BARE_FOLLOW = wordset(
    "would will could should might may must were are is was what which that who whom and or "
    "but than more far to at in on by for from as würden werden wären sind sei seien waren "
    "von die der das denen und oder aber als mehr sont seraient seront étaient que qui et ou "
    "mais de"
)
_NEEDED = re.compile(
    r"\b(?:need(?:ed|s)?|requir\w*|necessary|nötig\w*|notwendig\w*|erforderlich\w*|benötig\w*|"
    r"faudrait|nécessaires?|besoin|requis)\b",
    re.IGNORECASE,
)
_CASUALTY = re.compile(
    r"\b(?:killed|dead|deaths?|wounded|injured|casualties|tote[n]?|getötet\w*|verletzt\w*|"
    r"opfer|morts?|tués?|blessés?|victimes?)\b",
    re.IGNORECASE,
)
_FORCE = re.compile(
    r"\b(?:force|forces|strength|in total|contingent|\w*truppe|streitmacht|insgesamt|gesamte\w*|"
    r"au total|effectifs?|compterait|umfassen|foreign|fremde\w*|ausländische\w*|étrangers?|"
    r"plan(?:t|en|te|ten|s|ned|ning)?|prévoi\w*|prévus?|veranschlagt)\b",
    re.IGNORECASE,
)
_PARTICIPATE = re.compile(
    r"\b(?:take part|taking part|participat\w*|join\w*|contribut\w*|teilnehm\w*|teilnahme|"
    r"beteilig\w*|mitmach\w*|particip\w*|contribu\w*|rejoindre|disposés?)\b",
    re.IGNORECASE,
)
_BUDGET = re.compile(r"\b(?:budget\w*|haushalt\w*|funding|finanzierung|financement)\b", re.I)
_CEASEFIRE = re.compile(
    r"\b(?:ceasefire|truce|waffenstillstand\w*|waffenruhe|cessez-le-feu|trêve|démarcation)\b",
    re.IGNORECASE,
)
_LINE = re.compile(r"\b(?:line|front|border|linie|grenze|front|ligne|frontière)\b", re.I)
_PLEDGED = re.compile(r"\b(?:pledged|zugesagt\w*|promis\w*)\b", re.IGNORECASE)
_FORCE_REACH = 50  # characters around a figure where force words count
_NEED_BEFORE, _NEED_AFTER = 40, 60  # "il faudrait au moins 20 000", "20,000 would be needed"
_AFTER_REACH = 70  # a claimant named after its figure ("…, von denen Diplomaten … sprechen")
_VERB_REACH = 60  # characters between a verb of saying and its subject
_GOVERN_WORDS = 3  # "behauptete zudem, die Eintracht wolle …": the verb governs the next clause
_SOURCE_WORDS = 8
# Words that may stand in a source phrase besides names and offices.
_SOURCE_FILLERS = wordset(
    "the a an of by from in des der die dem den von vom de du la le les d l un une des ein "
    "eine einem einer eines document paper papier plan planning study étude studie "
    "estimates estimate sources source reports report analysts experts informed unnamed "
    "schätzungen quellen kreisen angaben informationen berichten estimations informations "
    "rapport analystes experts"
)
_AGENT = re.compile(r"\b(?:by|par|von|durch)\b", re.IGNORECASE)
_LEAD_SOURCE = re.compile(r"(?:Pour|Für|For|Aux yeux de|In the view of)\s", re.IGNORECASE)
# Claims about the same quantity follow each other ("Les chiffres varient. Le Tagesbote écrit
# 15.000, l'Aurevia parle de 12.000"): a troop figure with no signal of its own takes the
# measure of a force figure at most this many sentences before.
_PARALLEL_SENTENCES = 3
# "Not one soldier", "kein einziger Soldat", "pas un seul soldat": no claimed quantity.
_NOT_ONE = re.compile(
    r"(?:\bnot(?:\s+a\s+single)?|\bno|\bkein(?:e|en)?(?:\s+einzig\w*)?|\bpas(?:\s+un\w*)?"
    r"(?:\s+seule?)?)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Context:
    doc: Document
    lexicon: Lexicon
    holders: DocHolders
    sentences: list[tuple[int, int]]
    speakers: list[Holder | None]


def _sentence_of(sentences: Sequence[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(sentences):
        if a <= pos < b:
            return i
    return -1


def _lexicon_unit(text: str, number: NumberMatch, lexicon: Lexicon) -> tuple[int, str] | None:
    """(end, unit) of a unit noun right after the number that the shared lexicon lacks."""
    after = text[number.end : number.end + 40]
    for kind, unit in _LEXICON_UNITS.items():
        m = lexicon.search(f"noun.{kind}", after)
        if m is not None and re.fullmatch(r"[\s\u00a0]*(?:[^\W\d_]+-)?", after[: m.start()]):
            return number.end + m.end(), unit  # "150 Ingenieure", "150 Militär-Ingenieure"
        if m is not None and re.fullmatch(r"\s*(?:de|d['’])\s*", after[: m.start()]):
            return number.end + m.end(), unit  # "quelques centaines de logisticiens"
    return None


def _is_bare(text: str, number: NumberMatch) -> bool:
    m = re.match(r"[\s\u00a0]*([^\W\d_]+|[^\w\s]|$)", text[number.end : number.end + 30])
    if m is None:
        return False
    follow = m.group(1)
    return not follow or not follow[0].isalpha() or follow.casefold() in _BARE_FOLLOW


def _value(f: Figure | NumberMatch) -> float | None:
    for v in (f.value, f.max, f.min):
        if v is not None:
            return float(v)
    return None


def _elliptic_unit(
    number: NumberMatch, figures: Sequence[Figure], sentences: Sequence[tuple[int, int]]
) -> str | None:
    """The unit of the figure a bare number parallels, in its sentence or the one before."""
    own = _sentence_of(sentences, number.start)
    value = _value(number)
    if own < 0 or value is None or value < _MIN_ELLIPTIC:
        return None
    same = [f for f in figures if _sentence_of(sentences, f.start) == own and f.unit]
    before = [f for f in same if f.end <= number.start]
    after = [f for f in same if f.start >= number.end]
    earlier = [f for f in figures if _sentence_of(sentences, f.start) == own - 1 and f.unit]
    for f in [*reversed(before), *after, *reversed(earlier)]:
        other = _value(f)
        if other and 1 / _MAX_RATIO <= value / other <= _MAX_RATIO:
            return f.unit
    return None


def figures_with_units(doc: Document, lexicon: Lexicon) -> list[Figure]:
    """``find_figures`` plus units from the position lexicon and elliptical units."""
    text = doc.text
    base = find_figures(text, lexicon.language)
    taken = [(f.start, f.end) for f in base]
    extra: list[Figure] = []
    bare: list[NumberMatch] = []
    for n in find_numbers(text, lexicon.language):
        if any(s < n.end and n.start < e for s, e in taken):
            continue
        unit = _lexicon_unit(text, n, lexicon)
        if unit is not None:
            extra.append(_figure(text, n, unit[1], unit[0]))
        elif _is_bare(text, n):
            bare.append(n)
    found = sorted(base + extra, key=lambda f: f.start)
    sentences = [(s.start, s.end) for s in doc.sentences]
    for n in bare:
        unit_name = _elliptic_unit(n, found, sentences)
        if unit_name is not None:
            extra.append(_figure(text, n, unit_name, n.end))
    out = sorted(base + extra, key=lambda f: f.start)
    return [f for f in out if not _negated_one(text, f)]


def _negated_one(text: str, f: Figure) -> bool:
    return _value(f) == 1 and _NOT_ONE.search(text[max(0, f.start - 25) : f.start]) is not None


def _figure(text: str, n: NumberMatch, unit: str, end: int) -> Figure:
    return Figure(n.start, end, text[n.start : end], n.value, n.min, n.max, n.qualifier, unit)


def _measures(fig: Figure, ctx: _Context, owned: bool, previous: list[Figure]) -> str:
    text = ctx.doc.text
    i = _sentence_of(ctx.sentences, fig.start)
    a, b = ctx.sentences[i] if i >= 0 else (fig.start, fig.end)
    sentence = text[a:b]
    near = text[max(a, fig.start - _FORCE_REACH) : min(b, fig.end + _FORCE_REACH)]
    need = text[max(a, fig.start - _NEED_BEFORE) : min(b, fig.end + _NEED_AFTER)]
    unit = fig.unit or ""
    if unit.startswith("money:"):
        if _BUDGET.search(sentence):
            return "budget"
        return "pledge" if owned else "other"
    if unit == "countries":
        if _PARTICIPATE.search(sentence):
            return "participating_countries"
        prior = [f for f in previous if _sentence_of(ctx.sentences, f.start) == i - 1]
        if any(f.measures == "participating_countries" for f in prior):
            return "participating_countries"  # "Aurevia speaks of eight" after "a dozen …"
        return "other"
    if unit == "km":
        if _CEASEFIRE.search(sentence):
            return "ceasefire_line_length"
        return "line_length" if _LINE.search(sentence) else "other"
    if unit in ("troops", "aircraft", "ships"):
        if _CASUALTY.search(near):
            return "casualties"
        if owned:
            return "pledge"
        if ctx.lexicon.search("cue.pledge_noun", near) or _PLEDGED.search(near):
            return "other"  # "brings the pledged ground force to just under 4,000": a total
        if _NEEDED.search(need):
            return "forces_needed"
        if _FORCE.search(near):
            return "force_size"
        offered = ctx.lexicon.search("cue.give", text, max(a, fig.start - 25), fig.start)
        for f in [] if offered else reversed(previous):  # "to offer a few thousand": no size
            if i - _sentence_of(ctx.sentences, f.start) > _PARALLEL_SENTENCES:
                break
            if f.unit == unit and f.measures in ("force_size", "forces_needed"):
                return f.measures
    if unit == "people" and _CASUALTY.search(near):
        return "casualties"
    return "other"


def _govnoun_before(text: str, h: Holder, lexicon: Lexicon) -> bool:
    """ "Diplomaten der Eintracht", "des responsables de la Concorde", "officials of X"."""
    window = text[max(0, h.start - 45) : h.start]
    hits = list(lexicon.finditer("noun.government", window))
    if not hits:
        return False
    gap = window[hits[-1].end() :]
    return (
        re.fullmatch(r"\s*(?:of(?: the)?|der|des|von|de(?: la)?|du|des|d['’])\s*", gap) is not None
    )


def _source_phrase(
    text: str, a: int, fig: Figure, lexicon: Lexicon, holders: Sequence[Holder]
) -> tuple[int, int] | None:
    """ "according to X", "laut X", "selon X", "nach einem Papier der X", or a sentence-initial
    "Pour X," / "Für X": the words naming the source (articles, titles, offices, source nouns),
    in the figure's own part of the sentence (after the last ";" or ":")."""
    floor = a + max((m.end() for m in re.finditer(r"[;:]\s", text[a : fig.start])), default=0)
    starts = [m.end() for m in lexicon.finditer("mod.source", text, floor, fig.start)]
    lead = _LEAD_SOURCE.match(text, a)
    if lead is not None and lead.end() <= fig.start and a == floor:
        starts.append(lead.end())
    if not starts:
        return None
    begin = max(starts)
    end = begin
    for word in list(re.finditer(r"[^\s,]+", text[begin : fig.start]))[:_SOURCE_WORDS]:
        raw = re.sub(r"^[ldLD]['’]", "", word.group().strip("«»“”\"'’"))
        w = raw.casefold()
        if "," in text[end : begin + word.start()]:
            break
        at = begin + word.start()
        known = (
            w in _SOURCE_FILLERS
            or lexicon.fullmatch("noun.government", raw)
            or any(h.start <= at < h.end for h in holders)
        )
        if not (
            known
            or (raw[:1].isupper() and lexicon.language != "de")
            or (
                lexicon.language == "de"
                and raw[:1].isupper()
                and not lexicon.fullmatch("cue.give", word.group())
            )
        ):
            break
        end = begin + word.end()
    return begin, end


def _verb_subject(
    text: str, ctx: _Context, verb: re.Match[str], usable: list[Holder]
) -> Holder | None:
    before = [h for h in usable if 0 <= verb.start() - h.end <= _VERB_REACH and not h.oblique]
    if before:
        return before[-1]
    after = [h for h in usable if 0 <= h.start - verb.end() <= _VERB_REACH // 2]
    return after[0] if after else None


def _governs(text: str, verb_end: int, clause_a: int, fig: Figure) -> bool:
    """A verb of saying ends its clause and introduces the figure's ("claimed, X wants N");
    a verb with its own number ("parle de 12.000, l'alliance de 25.000") does not."""
    between = text[verb_end:clause_a]
    return len(between.split()) <= _GOVERN_WORDS and not re.search(r"\d", between)


def _claimant(fig: Figure, ctx: _Context) -> Holder | None:
    """Who asserts a figure that is nobody's pledge (see the module docstring)."""
    text, dh, lexicon = ctx.doc.text, ctx.holders, ctx.lexicon
    i = _sentence_of(ctx.sentences, fig.start)
    if i < 0:
        return None
    a, b = ctx.sentences[i]
    commas = [m.end() for m in re.finditer(r"[,;:]\s", text[a : fig.start])]
    clause_a = a + (commas[-1] if commas else 0)
    usable = [h for h in dh.in_range(a, b) if h.actors and dh.quote_at(h.start) is None]
    for h in usable:  # "the 25,000 that Concord officials have named", "prévus par X"
        gap = text[fig.end : h.start]
        if not 0 <= h.start - fig.end <= _AFTER_REACH or lexicon.search("frame.clause_break", gap):
            continue
        if re.search(r"\d", gap):
            continue  # another number stands between: the holder speaks about that one
        if not h.oblique or _govnoun_before(text, h, lexicon) or _AGENT.search(gap):
            tail = text[fig.end : h.end + 40]
            said = lexicon.search("frame.report", tail) or lexicon.search("frame.naming", tail)
            if said or _AGENT.search(gap):
                return h
    source = _source_phrase(text, a, fig, lexicon, usable)
    if source is not None:
        named = [h for h in usable if source[0] <= h.start and h.end <= source[1] + 1]
        return named[0] if named else None  # a newspaper or unnamed officials: no entity
    verbs = [
        v
        for name in ("frame.report", "frame.naming")
        for v in lexicon.finditer(name, text, a, fig.start)
        if dh.quote_at(v.start()) is None
        and (v.start() >= clause_a or _governs(text, v.end(), clause_a, fig))
    ]
    for verb in sorted(verbs, key=lambda v: -v.start()):
        subject = _verb_subject(text, ctx, verb, usable)
        if subject is not None:
            return subject  # "Brell told the board the force would number 12,000"
    subjects = [
        h
        for h in usable
        if clause_a <= h.start
        and h.end <= fig.start
        and (not h.oblique or _govnoun_before(text, h, lexicon))
    ]
    if subjects:
        return subjects[-1]
    quote = dh.quote_at(fig.start)
    speaker = ctx.speakers[i]
    if speaker is None or (quote is None and speaker.start < a):
        return None
    between = text[min(fig.end, speaker.start) : max(fig.end, speaker.start)]
    if speaker.start > fig.end and re.search(r"\d", between):
        return None  # the speaker named after another number speaks about that one
    return speaker


def claimed_figures(doc: Document, kb: KnowledgeBase) -> list[Figure]:
    """Every figure of ``doc`` with measures, claimant, certainty and chain."""
    if not doc.text:
        return []
    lexicon = load_lexicon(doc.language or "en")
    figures = figures_with_units(doc, lexicon)
    if not figures:
        return []
    holders = find_holders(doc, kb, lexicon)
    sentences = [(s.start, s.end) for s in doc.sentences]
    speakers: list[Holder | None] = []
    previous: Holder | None = None
    starts = [s for s, _ in sentences]
    for sentence in sentences:
        speaker = frame_speaker(holders, sentence, previous, starts)
        speakers.append(speaker)
        previous = speaker
    ctx = _Context(doc, lexicon, holders, sentences, speakers)
    owners = pledge_owners(doc, kb, figures)
    out: list[Figure] = []
    for fig in figures:
        owner = owners.get((fig.start, fig.end))
        measures = _measures(fig, ctx, owner is not None, out)
        claimed: str | None
        claimed_text: str | None
        if owner is not None and measures == "pledge":
            claimed, claimed_text = owner
        else:
            holder = _claimant(fig, ctx)
            claimed = holder.actors[0] if holder is not None and len(holder.actors) == 1 else None
            claimed_text = text_of(doc, holder) if claimed else None
        i = _sentence_of(sentences, fig.start)
        span = sentences[i] if i >= 0 else (fig.start, fig.end)
        certainty, chain = certainty_of(doc.text, *span, lexicon), _outlet_chain(doc)
        context = _statement_context(doc, fig.start, fig.end)
        if context is not None:
            certainty, chain = _from_context(context, certainty, chain)
        out.append(
            replace(
                fig,
                measures=measures,
                claimed_by=claimed,
                claimed_by_text=claimed_text,
                certainty=certainty,
                chain=chain,
            )
        )
    return out


def text_of(doc: Document, holder: Holder | None) -> str | None:
    return None if holder is None else doc.text[holder.start : holder.end]


def _outlet_chain(doc: Document) -> tuple[Hop, ...]:
    return (Hop("outlet", doc.outlet),) if doc.outlet else ()


def _from_context(
    context: tuple[Any, ...], certainty: Any, chain: tuple[Hop, ...]
) -> tuple[Any, tuple[Hop, ...]]:
    _, _, ctx_chain, ctx_certainty = context
    if isinstance(ctx_chain, tuple) and ctx_chain and all(isinstance(h, Hop) for h in ctx_chain):
        chain = ctx_chain
    if certainty == "asserted" and ctx_certainty in ("reported", "alleged"):
        certainty = ctx_certainty
    return certainty, chain


@dataclass
class Figures:
    kb_files: tuple[str, ...]
    name: str = "figures"
    requires: frozenset[str] = frozenset({"text", "sentences", "language", "mentions"})
    assigns: frozenset[str] = frozenset({"figures"})

    def __call__(self, doc: Document) -> Document:
        return doc.with_(figures=tuple(claimed_figures(doc, shared_kb(self.kb_files))))


def make_figures(settings: Config, config: Config) -> Figures:
    from storyline.annotate.entities import make_entities

    entity_settings = config.get("components", {}).get("entities", {})
    return Figures(kb_files=tuple(make_entities(entity_settings, config).files))
