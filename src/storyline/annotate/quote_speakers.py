"""Who a speaker phrase is: an entity by name, role, apposition or pronoun, and its hop kind.

Resolution order, most specific first: a pronoun takes the nearest compatible earlier person (or
group, for "they"); a phrase containing a person mention is that person; a role noun ("the
chancellor", "le porte-parole du gouvernement") is the KB person holding that role for the
country the phrase names, else the nearest earlier person holding it; an official noun with a
country ("Aurevian officials") speaks for the country; an organisation or country mention is
that entity. Whatever stays unresolved keeps its surface text and ``entity=None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from storyline.annotate.quote_lexicon import Lexicon, split_words
from storyline.annotate.quote_tokens import tokenize
from storyline.document import Document, EntityMention
from storyline.ingest.outlets import OutletRegistry
from storyline.kb.model import KnowledgeBase

HopKind = Literal["outlet", "person", "anonymous", "document", "organization"]
# Nouns of officialdom: with a country named next to them the country itself is speaking.
_OFFICIAL = frozenset(
    {"official", "officials", "beamte", "beamten", "responsable", "responsables", "offizielle"}
    | {"officiels", "regierungskreise", "regierungskreisen", "regierungssprecher"}
)
# How far back (characters) a pronoun or role may look for its antecedent.
MAX_ANTECEDENT_DISTANCE = 1500


@dataclass(frozen=True, slots=True)
class Resolved:
    entity: str | None
    text: str  # the speaker phrase as written (speaker_text)
    span: tuple[int, int]
    kind: HopKind
    hop_text: str  # what the chain shows: the name, or a pronoun's antecedent
    hop_span: tuple[int, int] | None


@dataclass
class Resolver:
    doc: Document
    lex: Lexicon
    kb: KnowledgeBase
    registry: OutletRegistry | None
    history: list[Resolved] = field(default_factory=list)

    def gender(self, entity: str | None) -> str | None:
        if entity is None:
            return None
        kb_entity = self.kb.get(entity)
        return kb_entity.gender if kb_entity else None

    def _mentions_in(self, a: int, b: int) -> list[EntityMention]:
        return [m for m in self.doc.mentions if a <= m.start and m.end <= b]

    def resolve(self, span: tuple[int, int]) -> Resolved:
        a, b = span
        text = self.doc.text[a:b]
        words = split_words(text)
        if len(words) == 1 and words[0] in self.lex.pronouns:
            found = self._pronoun(words[0], span)
        else:
            found = self._phrase(span, text, words)
        self.history.append(found)
        return found

    # --- pronouns -------------------------------------------------------------------------

    def _pronoun(self, word: str, span: tuple[int, int]) -> Resolved:
        genders = self.lex.pronouns[word]
        best: tuple[int, Resolved] | None = None
        for m in self.doc.mentions:
            if m.type != "person" or m.end > span[0] or span[0] - m.end > MAX_ANTECEDENT_DISTANCE:
                continue
            g = self.gender(m.entity)
            if g is not None and g not in genders:
                continue
            if g is None and not ({"m", "f"} & set(genders)):
                continue
            cand = Resolved(m.entity, m.text, (m.start, m.end), "person", m.text, (m.start, m.end))
            if best is None or m.end > best[0]:
                best = (m.end, cand)
        for prev in self.history:
            if prev.span[1] > span[0] or span[0] - prev.span[1] > MAX_ANTECEDENT_DISTANCE:
                continue
            ok = ("pl" in genders and prev.kind in ("anonymous", "organization")) or (
                prev.kind == "person" and self._person_gender_ok(prev, genders)
            )
            if ok and (best is None or prev.span[1] > best[0]):
                best = (prev.span[1], prev)
        text = self.doc.text[span[0] : span[1]]
        if best is None:
            return Resolved(None, text, span, "person", text, span)
        ante = best[1]
        return Resolved(ante.entity, text, span, ante.kind, ante.hop_text, ante.hop_span)

    def _person_gender_ok(self, prev: Resolved, genders: tuple[str, ...]) -> bool:
        g = self.gender(prev.entity)
        return (g in genders) if g else bool({"m", "f"} & set(genders))

    # --- phrases ----------------------------------------------------------------------------

    def _phrase(self, span: tuple[int, int], text: str, words: tuple[str, ...]) -> Resolved:
        a, b = span
        mentions = self._mentions_in(a, b)
        persons = [m for m in mentions if m.type == "person"]
        if persons:
            m = persons[-1]  # in "X's spokesman Y" and appositions the name comes last
            return Resolved(m.entity, text, span, "person", m.text, (m.start, m.end))
        named = self._apposition_name(span)
        if named is not None:
            return Resolved(None, text, span, "person", self.doc.text[named[0] : named[1]], named)
        role = next((r for k in range(len(words)) if (r := self.lex.role_at(list(words), k))), None)
        countries = [m for m in mentions if m.type == "country" and m.entity]
        if role is not None:
            person = self._role_holder(role[1], countries, a)
            if person is not None:
                return Resolved(person.entity, text, span, "person", text, span)
        kind = self._kind(text, words, mentions)
        if kind == "outlet":
            outlet_text, outlet_span = self._outlet_name(span)
            return Resolved(None, text, span, "outlet", outlet_text, outlet_span)
        official = any(w in _OFFICIAL for w in words) or (
            role is not None and role[1] == "spokesperson"
        )
        if official and len(countries) == 1:
            return Resolved(countries[0].entity, text, span, "anonymous", text, span)
        orgs = [m for m in mentions if m.entity and m.type in ("organization", "country")]
        if orgs and kind in ("organization", "person") and role is None:
            m = orgs[0]
            return Resolved(m.entity, text, span, "organization", text, span)
        if (
            role is not None
            and kind == "anonymous"
            and words[0] in self.lex.words.get("determiners", ())
            and words[0] in ("the", "der", "die", "le", "la")
        ):
            kind = "person"  # "the minister" (definite): one known person, just unnamed here
        return Resolved(None, text, span, kind, text, span)

    def _apposition_name(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The name in "the spokeswoman for the ministry, Jane Doe" (after the last comma)."""
        toks = tokenize(self.doc.text, span[0], span[1])
        commas = [k for k, t in enumerate(toks) if t.text == ","]
        if not commas:
            return None
        tail = toks[commas[-1] + 1 :]
        if 2 <= len(tail) <= 4 and all(t.cap and t.word for t in tail):
            return tail[0].start, tail[-1].end
        return None

    def _role_holder(
        self, role: str, countries: list[EntityMention], before: int
    ) -> EntityMention | None:
        day = self.doc.published.date[:10] if self.doc.published.date else None

        def holds(entity: str | None, country: str | None) -> bool:
            kb_entity = self.kb.get(entity) if entity else None
            if kb_entity is None:
                return False
            return any(
                (r.role == role or (role == "minister" and r.role.endswith("minister")))
                and (country is None or r.of == country)
                and r.valid_on(day)
                for r in kb_entity.roles
            )

        if countries:
            country = countries[0].entity
            holders = [e for e in self.kb.entities.values() if holds(e.id, country)]
            if len(holders) == 1:
                e = holders[0]
                return EntityMention(before, before, "", e.id, "person", "role")
        earlier = [
            m
            for m in self.doc.mentions
            if m.type == "person" and m.end <= before and before - m.end < MAX_ANTECEDENT_DISTANCE
        ]
        for m in reversed(earlier):
            if holds(m.entity, None):
                return m
        return None

    def _kind(self, text: str, words: tuple[str, ...], mentions: list[EntityMention]) -> HopKind:
        nouns = self.lex.nouns
        phrases = self.lex.noun_phrases

        def has(kind: str) -> bool:
            listed = nouns.get(kind, frozenset())
            if any(w in listed for w in words):
                return True
            if self.lex.language == "de":
                # German compounds and cases: "Verteidigungsministeriums", "Regierungskreisen".
                long = [n for n in listed if len(n) >= 5]
                if any(n in w for w in words for n in long):
                    return True
            joined = " " + " ".join(words) + " "
            return any(" " + " ".join(p) + " " in joined for p in phrases.get(kind, ()))

        if self.registry is not None and self._registry_outlet(text) is not None:
            return "outlet"
        if has("outlet"):
            return "outlet"
        if has("document"):
            return "document"
        if has("anonymous"):
            return "anonymous"
        if any(m.type in ("organization", "country") for m in mentions) or has("institution"):
            return "organization"
        toks = tokenize(text)
        caps = [t for t in toks if t.cap and t.word]
        if caps and toks[0].low in ("the", "der", "die", "das", "le", "la", "les"):
            return "organization"  # people's names take no article: "the Hallstedter Allgemeine"
        if len(caps) >= 2 and len(caps) == len([t for t in toks if t.word]):
            return "person"  # "Pieter Vansen": a name the KB does not know
        if caps and self.lex.language != "de" and toks[-1].cap:
            return "person" if len(caps) >= 2 else "organization"
        return "anonymous"

    def _registry_outlet(self, text: str) -> str | None:
        if self.registry is None:
            return None
        toks = [t for t in tokenize(text) if t.word]
        # Try the whole phrase, then its capitalised tail ("the newspaper Der Tagesbote").
        for k in range(len(toks)):
            if not toks[k].cap and k:
                continue
            part = text[toks[k].start - toks[0].start :].strip()
            outlet = self.registry.in_credit(part, strict=True)
            if outlet is not None:
                return part
        return None

    def _outlet_name(self, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
        """The outlet's own name inside "the Drovenian newspaper Der Tagesbote"."""
        a, b = span
        text = self.doc.text[a:b]
        found = self._registry_outlet(text)
        if found:
            start = a + text.rfind(found)
            return found, (start, start + len(found))
        toks = tokenize(self.doc.text, a, b)
        media = self.lex.nouns.get("outlet", frozenset())
        last_noun = max(
            (
                n
                for n, t in enumerate(toks)
                if t.low in media or any(t.low.endswith(m) for m in media if len(m) > 4)
            ),
            default=None,
        )
        if last_noun is not None and last_noun + 1 < len(toks):
            s, e = toks[last_noun + 1].start, toks[-1].end  # "Die Zeitung Nordpost" → Nordpost
            return self.doc.text[s:e], (s, e)
        k = len(toks)
        while k > 0 and toks[k - 1].cap and toks[k - 1].word:
            k -= 1
        tail = toks[k:]
        if tail and len(tail) < len(toks) and tail[0].low not in self.lex.nouns.get("outlet", ()):
            if k > 0 and toks[k - 1].low in ("der", "die", "das", "le", "la", "the"):
                k -= 1
            s, e = toks[k].start, toks[-1].end
            return self.doc.text[s:e], (s, e)
        return text, span
