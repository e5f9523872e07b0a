"""Sentence splitting with pysbd, per paragraph, with exact offsets into the clean text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pysbd

from storyline.config import Config
from storyline.document import Document, Span

_PARAGRAPH = re.compile(r"[^\n]+")
# pysbd ships rules for these; anything else is split with the English rules.
_PYSBD_LANGS = frozenset({"en", "de", "fr", "es", "it", "nl", "pl", "ru", "da", "el", "fa"})


@dataclass
class Sentences:
    name: str = "sentences"
    requires: frozenset[str] = frozenset({"text", "language"})
    assigns: frozenset[str] = frozenset({"sentences"})
    _segmenters: dict[str, Any] = field(default_factory=dict, repr=False)

    def _segmenter(self, lang: str) -> Any:
        lang = lang if lang in _PYSBD_LANGS else "en"
        if lang not in self._segmenters:
            self._segmenters[lang] = pysbd.Segmenter(language=lang, clean=False)
        return self._segmenters[lang]

    def __call__(self, doc: Document) -> Document:
        return doc.with_(sentences=tuple(split_sentences(doc.text, doc.language or "en", self)))


def split_sentences(text: str, language: str, sentences: Sentences | None = None) -> list[Span]:
    seg = (sentences or Sentences())._segmenter(language)
    spans: list[Span] = []
    for para in _PARAGRAPH.finditer(text):
        cursor = para.start()
        # pysbd's own char_span mode mis-places repeated sentences; locating each returned
        # sentence from a moving cursor is exact.
        for piece in seg.segment(para.group()):
            stripped = piece.strip()
            if not stripped:
                continue
            start = text.find(stripped, cursor, para.end())
            if start < 0:  # pysbd altered the text; fall back to the rest of the paragraph
                start = cursor
                stripped = text[cursor : para.end()].strip()
                if not stripped:
                    break
                start = text.find(stripped, cursor)
            end = start + len(stripped)
            spans.append(Span(start, end, text[start:end]))
            cursor = end
    return spans


def make_sentences(settings: Config, config: Config) -> Sentences:
    return Sentences()
