"""The ``clean`` component: raw text -> clean text, with removed boilerplate kept on the side."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.config import Config
from storyline.document import Document
from storyline.errors import EmptyInput
from storyline.ingest.boilerplate import strip_boilerplate
from storyline.ingest.normalize import tidy_text


@dataclass(frozen=True)
class Clean:
    name: str = "clean"
    requires: frozenset[str] = frozenset({"raw_text"})
    assigns: frozenset[str] = frozenset({"text", "removed"})

    def __call__(self, doc: Document) -> Document:
        result = strip_boilerplate(doc.raw_text, doc.language)
        text = tidy_text(result.text)
        if not text.strip():
            raise EmptyInput(f"{doc.source}: no article text left after removing boilerplate")
        meta = dict(doc.meta)
        if result.provenance:
            meta["provenance"] = [list(p) for p in result.provenance]
        # Wire tags and "Source:" lines leave the text but not the record: the outlets
        # component reads them from here.
        return doc.with_(text=text, removed=result.removed, meta=meta)


def make_clean(settings: Config, config: Config) -> Clean:
    return Clean()
