"""Shared helpers for the quote tests (no tests here): a small fictional KB and hand-placed
entity mentions, so that the tests do not depend on the entity component."""

from __future__ import annotations

import re
from pathlib import Path

from storyline.annotate.quotes import make_quotes
from storyline.annotate.sentences import split_sentences
from storyline.document import Document, EntityMention, Published, Quote

KB_TOML = """
[[entity]]
id = "country:XNO"
type = "country"
name = "Norland"
[entity.names]
en = ["Norland"]
de = ["Norland"]
fr = ["Norland"]
[entity.adjectives]
en = ["Norlandic"]
de = ["norländische", "norländischen"]
fr = ["norlandais"]

[[entity]]
id = "org:harbour-league"
type = "organization"
name = "Harbour League"
[entity.names]
en = ["Harbour League"]

[[entity]]
id = "person:mara-lind"
type = "person"
name = "Mara Lind"
gender = "f"
[entity.names]
en = ["Mara Lind", "Lind"]
[[entity.roles]]
role = "foreign_minister"
of = "country:XNO"
start = "2024-01-01"
end = ""

[[entity]]
id = "person:tobias-kern"
type = "person"
name = "Tobias Kern"
gender = "m"
[entity.names]
en = ["Tobias Kern", "Kern"]
[[entity.roles]]
role = "spokesperson"
of = "country:XNO"
start = "2023-01-01"
end = ""
"""

# Surface form -> (entity id, type), longest first when placed.
FORMS = {
    "Norland": ("country:XNO", "country"),
    "Norlandic": ("country:XNO", "country"),
    "norländische": ("country:XNO", "country"),
    "norländischen": ("country:XNO", "country"),
    "norlandais": ("country:XNO", "country"),
    "Harbour League": ("org:harbour-league", "organization"),
    "Mara Lind": ("person:mara-lind", "person"),
    "Lind": ("person:mara-lind", "person"),
    "Tobias Kern": ("person:tobias-kern", "person"),
    "Kern": ("person:tobias-kern", "person"),
}


def kb_file(tmp_path: Path) -> str:
    path = tmp_path / "kb.toml"
    path.write_text(KB_TOML, encoding="utf-8")
    return str(path)


def mentions(text: str) -> tuple[EntityMention, ...]:
    found: list[EntityMention] = []
    for form in sorted(FORMS, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if any(m.start() < x.end and x.start < m.end() for x in found):
                continue
            entity, etype = FORMS[form]
            found.append(EntityMention(m.start(), m.end(), form, entity, etype, "gazetteer"))
    return tuple(sorted(found, key=lambda x: x.start))


def analyse(
    text: str,
    lang: str,
    kb: str,
    outlet: str | None = "Test Wire",
    registry: list[str] | None = None,
) -> list[Quote]:
    doc = Document.from_raw(
        text,
        "test",
        text=text,
        language=lang,
        outlet=outlet,
        published=Published("2026-05-04", "day", "metadata"),
    )
    doc = doc.with_(sentences=tuple(split_sentences(text, lang)), mentions=mentions(text))
    component = make_quotes({"kb_files": [kb], "registry_files": registry or []}, {})
    quotes = list(component(doc).quotes)
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker_span:
            assert text[q.speaker_span[0] : q.speaker_span[1]] == q.speaker_text
        if q.cue_span:
            assert text[q.cue_span[0] : q.cue_span[1]] == q.cue
        for hop in q.chain:
            if hop.start is not None and hop.end is not None:
                assert text[hop.start : hop.end] == hop.text
    return quotes


def by_text(quotes: list[Quote], text: str) -> Quote:
    for q in quotes:
        if q.text == text:
            return q
    raise AssertionError(f"no quote {text!r} in {[q.text for q in quotes]}")
