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
    assigns: frozenset[str] = frozenset({"text", "removed", "outlet"})

    def __call__(self, doc: Document) -> Document:
        result = strip_boilerplate(doc.raw_text, doc.language)
        text = tidy_text(result.text)
        if not text.strip():
            raise EmptyInput(f"{doc.source}: no article text left after removing boilerplate")
        provenance = dict(result.provenance)
        meta = dict(doc.meta)
        if provenance:
            meta["provenance"] = [list(p) for p in result.provenance]
        # A "Source: X" line or a wire tag names who the copy came from; it is the best outlet
        # guess when the input carried no outlet of its own.
        outlet = doc.outlet or provenance.get("source_line") or provenance.get("wire_tag")
        return doc.with_(text=text, removed=result.removed, outlet=outlet, meta=meta)


def make_clean(settings: Config, config: Config) -> Clean:
    return Clean()
