"""The ``outlets`` component: which outlet published a document, and on what evidence.

Evidence, most trusted first: the URL, the page/feed/sidecar metadata, a "Source: X" line, a
wire tag, the byline area (first and last lines of the raw text). A known outlet gives its
registry name plus ``meta["outlet"]`` (id, type, country, evidence); an unknown one keeps the
name the input gave, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from storyline.config import Config
from storyline.document import Document
from storyline.ingest.outlets import OutletRegistry

BYLINE_HEAD_LINES = 4
BYLINE_TAIL_LINES = 2


@lru_cache(maxsize=4)
def _registry(files: tuple[str, ...]) -> OutletRegistry:
    return OutletRegistry.load(files)


def _byline_area(raw_text: str) -> str:
    lines = [line for line in raw_text.split("\n") if line.strip()]
    return "\n".join(lines[:BYLINE_HEAD_LINES] + lines[-BYLINE_TAIL_LINES:])


@dataclass(frozen=True)
class Outlets:
    files: tuple[str, ...]
    name: str = "outlets"
    requires: frozenset[str] = frozenset({"raw_text", "removed"})
    assigns: frozenset[str] = frozenset({"outlet"})

    def __call__(self, doc: Document) -> Document:
        provenance = dict(doc.meta.get("provenance", []))
        found = _registry(self.files).identify(
            url=doc.url,
            metadata_name=doc.outlet,
            source_line=provenance.get("source_line"),
            wire_tag=provenance.get("wire_tag"),
            byline_area=_byline_area(doc.raw_text),
        )
        if found is None:
            fallback = doc.outlet or provenance.get("source_line") or provenance.get("wire_tag")
            return doc.with_(outlet=fallback)
        outlet, evidence = found
        info = {
            "id": outlet.id,
            "type": outlet.type,
            "country": outlet.country,
            "evidence": evidence,
        }
        return doc.with_(outlet=outlet.name, meta={**doc.meta, "outlet": info})


def make_outlets(settings: Config, config: Config) -> Outlets:
    return Outlets(files=tuple(str(f) for f in settings.get("registry_files", [])))
