"""Optional statistical NER (spaCy) on top of the rule-based ``entities`` component.

Off by default: storyline needs no model. A user who has installed spaCy and a model per
language adds the component after ``entities``::

    [pipeline]
    analyze = ["entities", "spacy_entities", "times"]

    [components.spacy_entities]
    models = {en = "en_core_web_sm", de = "de_core_news_sm", fr = "fr_core_news_sm"}

Its spans only add what the rules did not find: a span overlapping an existing mention is
dropped. A span whose text is a KB form of one entity of a fitting type is linked to it
(``method="ner-kb"``); other people and organisations get the same ``disc-`` ids as rule-based
discovery (``method="ner"``), so the cross-document merge treats them alike; locations outside
the KB stay unlinked.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storyline.annotate.entities import Resources, resources
from storyline.annotate.entity_discovery import person_id
from storyline.config import Config
from storyline.document import Document, EntityMention
from storyline.errors import ConfigError
from storyline.kb.model import demo_kb_file, slug

# spaCy labels (OntoNotes for English, WikiNER for German/French) -> storyline types.
LABELS = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
}
# KB types a model label may stand for: models often label a government seat ("the Kremlin")
# or a country acting ("Norway said") ORG.
_FITS = {
    "person": {"person"},
    "organization": {"organization", "country"},
    "location": {"country", "location"},
}
INSTALL_HINT = (
    "pip install spacy && python -m spacy download en_core_web_sm "
    "(de_core_news_sm, fr_core_news_sm for German and French)"
)
Span = tuple[int, int, str]  # start, end, spaCy label


def merge_statistical(
    text: str, mentions: Iterable[EntityMention], spans: Iterable[Span], res: Resources
) -> list[EntityMention]:
    """The document's mentions plus the model's spans that do not overlap any of them."""
    out = list(mentions)
    taken = [(m.start, m.end) for m in out]
    for start, end, label in spans:
        etype = LABELS.get(label)
        surface = text[start:end].strip()
        if etype is None or not surface or any(a < end and start < b for a, b in taken):
            continue
        start = text.index(surface, start)
        end = start + len(surface)
        kb = _kb_entity(res, surface, etype)
        if kb is not None:
            (entity, etype), method = kb, "ner-kb"
        elif etype == "person" and len(surface.split()) > 1:
            entity, method = person_id(surface), "ner"
        elif etype == "organization":
            entity, method = f"org:disc-{slug(surface)}", "ner"
        else:
            entity, method = None, "ner"
        out.append(EntityMention(start, end, surface, entity, etype, method, 0.5))
        taken.append((start, end))
    return sorted(out, key=lambda m: m.start)


def _kb_entity(res: Resources, surface: str, etype: str) -> tuple[str, str] | None:
    """(id, type) of the one KB entity whose form the whole span is."""
    matches = res.gazetteer.matches(surface)
    if len(matches) != 1 or (matches[0].start, matches[0].end) != (0, len(surface)):
        return None
    ids = {(e.entity, e.type) for e in matches[0].strong if e.type in _FITS[etype]}
    return ids.pop() if len(ids) == 1 else None


Parser = Callable[[str], Any]


@lru_cache(maxsize=8)
def _load(model: str) -> Parser:
    spacy = importlib.import_module("spacy")
    try:
        nlp: Parser = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed ({exc}); {INSTALL_HINT}"
        ) from None
    return nlp


@dataclass
class SpacyEntities:
    models: dict[str, str]
    files: tuple[str, ...]
    name: str = "spacy_entities"
    requires: frozenset[str] = frozenset({"text", "mentions"})
    assigns: frozenset[str] = frozenset({"mentions"})

    def __call__(self, doc: Document) -> Document:
        model = self.models.get(doc.language or "")
        if model is None:
            return doc  # no model for this language: the rule-based mentions stand
        parsed = _load(model)(doc.text)
        spans = [(e.start_char, e.end_char, e.label_) for e in parsed.ents]
        merged = merge_statistical(doc.text, doc.mentions, spans, resources(self.files))
        return doc.with_(mentions=tuple(merged))


def make_spacy_entities(settings: Config, config: Config) -> SpacyEntities:
    try:
        importlib.import_module("spacy")
    except ImportError:
        raise ConfigError(
            f"the spacy_entities component needs spaCy and a model, which are not installed: "
            f"{INSTALL_HINT}. Or remove it from [pipeline] analyze; storyline works without it."
        ) from None
    models = settings.get("models", {})
    if not isinstance(models, dict) or not models:
        raise ConfigError(
            "[components.spacy_entities] models must map languages to installed spaCy models, "
            'e.g. models = {en = "en_core_web_sm"}'
        )
    for model in models.values():
        _load(str(model))  # fail at start-up, not half-way through a batch
    entity_settings = config.get("components", {}).get("entities", {})
    files = tuple(
        str(demo_kb_file()) if f == "demo" else str(f) for f in entity_settings.get("kb_files", [])
    )
    return SpacyEntities(models={str(k): str(v) for k, v in models.items()}, files=files)
