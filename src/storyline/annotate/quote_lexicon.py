"""Reporting vocabulary per language, read from ``quote_<lang>.toml``.

The TOML files list verbs by base form; this module inflects them (English -s/-ed/-ing,
German weak conjugation with separable particles, French -er verbs and compound tenses) so that
the data stays short and a missing form is fixed by adding a lemma, not a spelling.
Everything is matched on lower-cased token sequences (see ``quote_tokens``).
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from storyline.errors import ConfigError

LANGUAGES = ("en", "de", "fr")
# Verb classes a cue can belong to; "speech" holds them all.
VERB_CLASSES = ("speech", "naming", "denial", "claim", "report", "thought", "stance")
Seq = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CueForm:
    """One surface form of a reporting verb."""

    lemma: str
    classes: frozenset[str]
    particle: str | None = None  # German separable particle that must follow in the clause
    # French past participle (needs an auxiliary before it); German participle or infinitive
    # (the clause's finite verb is an auxiliary or modal).
    participle: bool = False


@dataclass(frozen=True)
class Lexicon:
    language: str
    cues: dict[Seq, tuple[CueForm, ...]]
    phrases: dict[str, tuple[Seq, ...]]
    words: dict[str, frozenset[str]]
    skip_after_cue: tuple[Seq, ...]
    pronouns: dict[str, tuple[str, ...]]  # word -> genders it can have: m, f, pl, n
    nouns: dict[str, frozenset[str]]  # anonymous/outlet/document/institution (single words)
    noun_phrases: dict[str, tuple[Seq, ...]]  # the same, multi-word entries
    roles: dict[Seq, str]  # role noun (token sequence) -> KB role id or family
    certainty: dict[str, tuple[Seq, ...]]
    subjunctive: frozenset[str] = field(default_factory=frozenset)
    weak_subjunctive: frozenset[str] = field(default_factory=frozenset)
    max_cue_len: int = 1

    def cue_at(self, lows: list[str], i: int) -> tuple[int, tuple[CueForm, ...]] | None:
        """The longest cue form starting at token ``i``: (token count, forms)."""
        for n in range(min(self.max_cue_len, len(lows) - i), 0, -1):
            forms = self.cues.get(tuple(lows[i : i + n]))
            if forms:
                return n, forms
        return None

    def phrase_at(self, kind: str, lows: list[str], i: int) -> int:
        """Length of the longest ``kind`` phrase starting at token ``i`` (0 if none)."""
        best = 0
        for seq in self.phrases.get(kind, ()):
            if len(seq) > best and tuple(lows[i : i + len(seq)]) == seq:
                best = len(seq)
        return best

    def role_at(self, lows: list[str], i: int) -> tuple[int, str] | None:
        for n in (4, 3, 2, 1):
            role = self.roles.get(tuple(lows[i : i + n]))
            if role:
                return n, role
        return None


def split_words(text: str) -> Seq:
    """Token sequence of a lexicon entry: words, and elided articles ("l'", "qu'") apart."""
    return tuple(
        m.group().lower() for m in re.finditer(r"(?:\b\w+['’])|\w+(?:[-.]\w+)*|[^\w\s]", text)
    )


# --- inflection -----------------------------------------------------------------------------

_VOWELS = "aeiou"
_EN_DOUBLE = ("admit", "omit", "rebut", "regret", "refer", "commit", "permit", "submit")


def _en_forms(base: str) -> list[str]:
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    stem = base + base[-1] if base in _EN_DOUBLE else base
    if base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    return [base, third, past, ing]


_DE_INSEPARABLE = re.compile(r"^(?:be|er|ver|ent|zer|emp|miss|ge|hinter|wider|unter|über)")


def _de_weak(stem_lemma: str) -> tuple[list[str], str]:
    """Finite forms and the participle (without ge-/particle handling) of a weak verb."""
    lemma = stem_lemma
    stem = lemma[:-1] if lemma.endswith(("ern", "eln")) else lemma[:-2]
    e = "e" if stem.endswith(("t", "d", "chn", "gn", "ffn", "tm")) else ""
    finite = [stem + e + "t", stem + e + "te", stem + e + "ten", lemma, stem + "e"]
    return finite, stem + e + "t"


def _de_entries(lemma: str, strong: dict[str, list[str]]) -> list[tuple[str, str | None, bool]]:
    """(form, required particle, non-finite) triples of a German verb; "mit+teilen" is
    separable. Non-finite forms (participle, infinitive) need an auxiliary or modal to make a
    clause; "erklärt" is listed both ways (finite present and participle)."""
    particle, _, verb = lemma.rpartition("+")
    if lemma in strong:
        # Strong verbs list their forms; the participle is the ge- form that is not the
        # infinitive ("gegeben", not "geben").
        forms = strong[lemma]
        # "geht", "gebe" are present forms of verbs that start with "ge" themselves.
        participles = [
            f for f in forms if f.startswith("ge") and f != verb and not f.startswith(verb[:-2])
        ]
        finite = [f for f in forms if f not in participles]
        if _DE_INSEPARABLE.match(verb):
            # "beschlossen", "bestritten": past plural and participle at once.
            participles += [f for f in finite if f.endswith("en") and f != verb]
    else:
        finite, bare = _de_weak(verb)
        no_ge = _DE_INSEPARABLE.match(verb) or verb.endswith("ieren")
        participles = [bare if no_ge else "ge" + bare]
    nonfinite = [*participles, verb]
    none: str | None = None
    if not particle:
        return [(f, none, False) for f in finite] + [(f, none, True) for f in nonfinite]
    # In a main clause the particle comes last ("teilte … mit"); in a subordinate clause and in
    # the participle it is joined on ("wie sie mitteilte", "mitgeteilt", "mitzuteilen").
    joined = [(particle + f, False) for f in finite]
    joined += [(particle + f, True) for f in nonfinite] + [(particle + "zu" + verb, True)]
    return [(f, particle, False) for f in finite] + [(f, None, nf) for f, nf in joined]


_FR_AUX = frozenset({"a", "ont", "avait", "avaient", "aurait", "auraient", "est", "sont", "était"})


def _fr_entries(lemma: str, irregular: dict[str, list[str]]) -> list[tuple[str, bool]]:
    """(form, is_participle) pairs of a French verb."""
    verb = lemma[3:] if lemma.startswith("se ") else lemma
    forms = irregular.get(lemma) or irregular.get(verb)
    if forms:
        # The first listed form is the participle; "dit", "écrit", "craint" are also the
        # present tense, so they count as finite too.
        first = forms[0]
        participles = {first, first + "e", first + "s", first + "es"}
        out = [(f, f in participles) for f in forms]
        return out + ([(first, False)] if first.endswith("t") else [])
    if " " in verb:
        return [(verb, False)]
    stem = verb[:-2] if verb.endswith(("er", "ir")) else verb
    present = stem
    if re.search(r"é[^aeiouyé]+$", stem):  # répéter → répète
        present = re.sub(r"é([^aeiouyé]+)$", r"è\1", stem)
    elif stem.endswith("el"):  # rappeler → rappelle
        present = stem + "l"
    soft = stem + ("e" if stem.endswith("g") else "")  # jugeait
    soft = soft[:-1] + "ç" if soft.endswith("c") else soft  # lançait
    out = [(present + "e", False), (present + "ent", False), (soft + "ait", False)]
    out += [(soft + "aient", False), (soft + "a", False)]
    return out + [(stem + suffix, True) for suffix in ("é", "ée", "és", "ées")]


# --- loading --------------------------------------------------------------------------------


def _seqs(values: Any) -> tuple[Seq, ...]:
    return tuple(dict.fromkeys(split_words(v) for v in values or () if v.strip()))


def _verb_classes(verbs: dict[str, Any], lemma: str) -> frozenset[str]:
    return frozenset(c for c in VERB_CLASSES if lemma in verbs.get(c, ()) or c == "speech")


def _build_cues(lang: str, verbs: dict[str, Any]) -> dict[Seq, tuple[CueForm, ...]]:
    cues: dict[Seq, list[CueForm]] = defaultdict(list)
    lemmas = list(dict.fromkeys(verbs.get("speech", ())))
    for lemma in lemmas:
        classes = _verb_classes(verbs, lemma)
        if lang == "en":
            irregular = verbs.get("irregular", {})
            forms = [lemma, *irregular[lemma]] if lemma in irregular else _en_forms(lemma)
            for form in forms:
                cues[split_words(form)].append(CueForm(lemma, classes))
        elif lang == "de":
            for form, particle, nonfinite in _de_entries(lemma, verbs.get("strong", {})):
                cues[split_words(form)].append(
                    CueForm(lemma, classes, particle=particle, participle=nonfinite)
                )
        else:
            for form, participle in _fr_entries(lemma, verbs.get("irregular", {})):
                seq = split_words(form)
                if lemma.startswith("se "):
                    for reflexive in (("s'", "est"), ("s’", "est"), ("se", "sont")):
                        cues[reflexive + seq].append(CueForm(lemma, classes))
                    continue
                cues[seq].append(CueForm(lemma, classes, participle=participle))
    return {k: tuple(dict.fromkeys(v)) for k, v in cues.items() if k}


def _load(lang: str) -> Lexicon:
    name = f"quote_{lang}.toml"
    try:
        raw = tomllib.loads(
            resources.files("storyline.annotate").joinpath(name).read_text(encoding="utf-8")
        )
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {name}: {exc}") from None
    cues = _build_cues(lang, raw.get("verbs", {}))
    phrases = {k: _seqs(v) for k, v in raw.get("phrases", {}).items()}
    words = {k: frozenset(w.lower() for w in v) for k, v in raw.get("words", {}).items()}
    pronouns: dict[str, list[str]] = defaultdict(list)
    for gender, key in (("m", "male"), ("f", "female"), ("pl", "plural"), ("n", "neuter")):
        for word in raw.get("pronouns", {}).get(key, ()):
            pronouns[word].append(gender)
    nouns_raw = {k: v for k, v in raw.get("nouns", {}).items() if k != "roles"}
    roles: dict[Seq, str] = {}
    for role, values in raw.get("nouns", {}).get("roles", {}).items():
        for seq in _seqs(values):
            roles.setdefault(seq, role)
    return Lexicon(
        language=lang,
        cues=cues,
        phrases=phrases,
        words=words,
        skip_after_cue=_seqs(raw.get("words", {}).get("skip_after_cue", ())),
        pronouns={w: tuple(g) for w, g in pronouns.items()},
        nouns={k: frozenset(s[0] for s in _seqs(v) if len(s) == 1) for k, v in nouns_raw.items()},
        noun_phrases={k: tuple(s for s in _seqs(v) if len(s) > 1) for k, v in nouns_raw.items()},
        roles=roles,
        certainty={
            k: _seqs(v)
            for k, v in raw.get("certainty", {}).items()
            if k not in ("subjunctive", "weak_subjunctive")
        },
        subjunctive=frozenset(raw.get("certainty", {}).get("subjunctive", ())),
        weak_subjunctive=frozenset(raw.get("certainty", {}).get("weak_subjunctive", ())),
        max_cue_len=max((len(k) for k in cues), default=1),
    )


@lru_cache(maxsize=8)
def lexicon(language: str | None) -> Lexicon:
    """The lexicon for ``language``; languages without one use English (the lingua franca of
    wire copy), which still finds quotation marks and English attributions."""
    return _load(language if language in LANGUAGES else "en")


FR_AUXILIARIES = _FR_AUX
