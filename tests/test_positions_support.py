"""Shared helpers for the positions, figures, ledger and topic tests (no tests here).

The tests use their own fictional world — a fishing-quota dispute over the Saltmere Sea —
so that no rule is tuned to the demo corpus: four countries, a fisheries council and a few
office holders, one of whom left office before the articles were written.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from storyline.annotate.entities import Gazetteer
from storyline.annotate.figures import claimed_figures
from storyline.annotate.position_topics import TopicTerms, compile_topic
from storyline.annotate.positions import find_positions
from storyline.annotate.sentences import split_sentences
from storyline.annotate.times import Times
from storyline.document import Document, Published
from storyline.kb.model import KnowledgeBase, load_kb

KB_TOML = """
[[entity]]
id = "country:XVS"
type = "country"
name = "Vestria"
[entity.names]
en = ["Vestria"]
de = ["Vestrien", "Vestriens"]
fr = ["Vestrie"]
[entity.adjectives]
en = ["Vestrian"]
de = ["vestrisch", "vestrische", "vestrischen", "vestrischer"]
fr = ["vestrien", "vestrienne", "vestriens"]
[entity.metonyms]
en = ["Aldhaven"]
de = ["Aldhaven"]
fr = ["Aldhaven"]

[[entity]]
id = "country:XKH"
type = "country"
name = "Korsholm"
[entity.names]
en = ["Korsholm"]
de = ["Korsholm", "Korsholms"]
fr = ["Korsholm"]
[entity.adjectives]
en = ["Korsholmian"]
de = ["korsholmisch", "korsholmische", "korsholmischen"]
fr = ["korsholmois", "korsholmoise"]

[[entity]]
id = "country:XTV"
type = "country"
name = "Talvaara"
[entity.names]
en = ["Talvaara"]
de = ["Talvaara", "Talvaaras"]
fr = ["Talvaara"]
[entity.adjectives]
en = ["Talvaaran"]
de = ["talvaarisch", "talvaarische", "talvaarischen"]
fr = ["talvaarien", "talvaarienne"]

[[entity]]
id = "country:XBM"
type = "country"
name = "Brenmark"
[entity.names]
en = ["Brenmark"]
de = ["Brenmark", "Brenmarks"]
fr = ["Brenmark"]
[entity.adjectives]
en = ["Brenmarkian"]
de = ["brenmarkisch", "brenmarkische", "brenmarkischen"]
fr = ["brenmarkois", "brenmarkoise"]

[[entity]]
id = "org:sfc"
type = "organization"
name = "Saltmere Fisheries Council"
[entity.names]
en = ["Saltmere Fisheries Council", "Fisheries Council"]
de = ["Fischereirat", "Fischereirats"]
fr = ["Conseil des pêches"]

[[entity]]
id = "person:oda-brekke"
type = "person"
name = "Oda Brekke"
country = "country:XVS"
[entity.names]
en = ["Oda Brekke", "Brekke"]
[[entity.roles]]
role = "fisheries_minister"
of = "country:XVS"
start = "2024-01-01"
end = ""

[[entity]]
id = "person:lars-dahlvik"
type = "person"
name = "Lars Dahlvik"
country = "country:XKH"
[entity.names]
en = ["Lars Dahlvik", "Dahlvik"]
[[entity.roles]]
role = "spokesperson"
of = "country:XKH"
start = "2023-05-01"
end = ""

[[entity]]
id = "person:ines-kaarlo"
type = "person"
name = "Ines Kaarlo"
country = "country:XTV"
[entity.names]
en = ["Ines Kaarlo", "Kaarlo"]
[[entity.roles]]
role = "head_of_government"
of = "country:XTV"
start = "2019-03-01"
end = "2025-12-31"

[[entity]]
id = "person:anton-vell"
type = "person"
name = "Anton Vell"
country = "country:XBM"
[entity.names]
en = ["Anton Vell", "Vell"]
[[entity.roles]]
role = "head_of_state"
of = "country:XBM"
start = "2021-02-01"
end = ""
"""

TOPIC: dict[str, Any] = {
    "id": "cod-quota",
    "question": "Should the Saltmere cod quota be cut by a third?",
    "terms": {
        "en": ["quota", "catch limit", "cod", "fishing ban", "patrol"],
        "de": ["Fangquote", "Quote", "Kabeljau", "Fangverbot"],
        "fr": ["quota", "quotas de pêche", "cabillaud", "interdiction de pêche"],
    },
}
MISSION: dict[str, Any] = {
    "id": "monitoring-mission",
    "question": "Should a monitoring mission be sent?",
    "terms": {"en": ["monitoring mission", "mission"], "de": ["Mission"], "fr": ["mission"]},
}


@lru_cache(maxsize=1)
def kb_file() -> Path:
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="storyline-positions-")) / "saltmere.toml"
    path.write_text(KB_TOML, encoding="utf-8")
    return path


@lru_cache(maxsize=1)
def kb() -> KnowledgeBase:
    return load_kb([kb_file()])


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(kb())


def topics(*extra: Mapping[str, Any]) -> tuple[TopicTerms, ...]:
    return tuple(compile_topic(t) for t in (TOPIC, *extra))


def document(
    text: str, language: str = "en", published: str = "2026-05-12", outlet: str | None = None
) -> Document:
    """A document as the ingest and entities stages would leave it (no quotes component)."""
    doc = Document.from_raw(text, source="test", text=text, language=language, outlet=outlet)
    doc = doc.with_(published=Published(published, "day", "metadata"))
    doc = doc.with_(sentences=tuple(split_sentences(text, language)))
    doc = Times()(doc)
    return doc.with_(mentions=tuple(gazetteer().find(text)))


def analyse(
    text: str,
    language: str = "en",
    published: str = "2026-05-12",
    extra_topics: tuple[Mapping[str, Any], ...] = (),
    outlet: str | None = None,
) -> Document:
    """Positions and figures of one text."""
    doc = document(text, language, published, outlet)
    doc = doc.with_(figures=tuple(claimed_figures(doc, kb())))
    return doc.with_(positions=tuple(find_positions(doc, kb(), topics(*extra_topics))))


def states(doc: Document) -> set[tuple[str, str | None, str | None]]:
    return {(p.actor, p.stance, p.commitment) for p in doc.positions}
