"""Language identification per document and per paragraph (py3langid, offline)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from storyline.config import Config
from storyline.document import Document, LanguageSpan

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def _identifier(languages: list[str]) -> Any:
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(languages)
    return ident


@dataclass
class Language:
    languages: list[str]
    min_confidence: float
    min_paragraph_chars: int
    name: str = "language"
    requires: frozenset[str] = frozenset({"text"})
    assigns: frozenset[str] = frozenset({"language", "paragraph_languages"})
    _ident: Any = field(default=None, repr=False)

    def classify(self, text: str) -> tuple[str, float]:
        if self._ident is None:
            self._ident = _identifier(self.languages)
        lang, prob = self._ident.classify(text)
        if prob < self.min_confidence:
            return "und", float(prob)
        return str(lang), float(prob)

    def __call__(self, doc: Document) -> Document:
        # The title is short and often all proper nouns, so it only joins the body text
        # instead of being classified on its own.
        detected, conf = self.classify(f"{doc.title or ''}\n{doc.text}")
        lang: str = detected
        confidence: float | None = conf
        meta = doc.meta
        if doc.language and doc.language != detected:
            # Metadata wins, but the disagreement is kept: it often flags a mislabelled feed.
            lang, confidence = doc.language, None
            meta = {**doc.meta, "language_detected": [detected, round(conf, 3)]}
        spans = []
        for m in _PARAGRAPH.finditer(doc.text):
            if len(m.group()) < self.min_paragraph_chars:
                p_lang, p_conf = lang, confidence if confidence is not None else conf
            else:
                p_lang, p_conf = self.classify(m.group())
            spans.append(LanguageSpan(m.start(), m.end(), p_lang, round(p_conf, 3)))
        return doc.with_(
            language=lang,
            language_confidence=None if confidence is None else round(confidence, 3),
            paragraph_languages=tuple(spans),
            meta=meta,
        )


def make_language(settings: Config, config: Config) -> Language:
    return Language(
        languages=list(settings.get("languages", [])) or ["en", "de", "fr"],
        min_confidence=float(settings.get("min_confidence", 0.5)),
        min_paragraph_chars=int(settings.get("min_paragraph_chars", 40)),
    )
