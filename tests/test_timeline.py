"""The story timeline: dated events, merged across outlets, and its chart."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

from storyline.analysis.timeline import (
    build_timeline,
    story_timeline,
    timeline_by_actor,
    timeline_svg,
)
from storyline.annotate.sentences import split_sentences
from storyline.annotate.timex import find_times
from storyline.document import Document, EntityMention, Position, Published, Quote

ENTITIES = {
    "Ostland": ("country:XOS", "country"),
    "Ostlands": ("country:XOS", "country"),
    "Valmont": ("country:XVM", "country"),
    "Ada Kerr": ("person:ada-kerr", "person"),
    "Kerr": ("person:ada-kerr", "person"),
    "Nordhafen": ("location:nordhafen", "location"),
}


def make_doc(text: str, language: str, published: str, outlet: str) -> Document:
    mentions = []
    for name, (entity, kind) in ENTITIES.items():
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            inside_longer = end < len(text) and text[end].isalpha()
            if not inside_longer:
                mentions.append(EntityMention(start, end, name, entity, kind, "gazetteer"))
            start = text.find(name, end)
    return Document.from_raw(text, f"{outlet}.txt").with_(
        text=text,
        outlet=outlet,
        language=language,
        published=Published(published, "day", "metadata"),
        sentences=tuple(split_sentences(text, language)),
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        times=tuple(find_times(text, language, date.fromisoformat(published))),
    )


def check_sources(events: list[dict[str, object]], docs: list[Document]) -> None:
    by_id = {d.id: d for d in docs}
    for event in events:
        for source in event["sources"]:  # type: ignore[attr-defined]
            assert by_id[source["doc"]].text[source["start"] : source["end"]] == source["text"]


def test_one_pledge_reported_in_english_and_german_is_one_event() -> None:
    en = make_doc(
        "Ostland pledged 400 engineers to the mission on Wednesday.",
        "en",
        "2025-10-17",
        "Harbour Post",
    )
    de = make_doc(
        "Ostland hat am Mittwoch 400 Pioniere für die Mission zugesagt.",
        "de",
        "2025-10-18",
        "Abendblatt",
    )
    events = build_timeline([en, de])
    check_sources(events, [en, de])
    assert len(events) == 1
    event = events[0]
    assert (event["date"], event["granularity"], event["actor"], event["kind"]) == (
        "2025-10-15",
        "day",
        "country:XOS",
        "pledge",
    )
    assert {s["outlet"] for s in event["sources"]} == {"Harbour Post", "Abendblatt"}
    assert event["text"] in (en.text, de.text)  # extractive: one report's sentence


def test_different_days_or_actors_stay_apart() -> None:
    first = make_doc("Ostland rejected the plan on Monday.", "en", "2025-10-17", "A")
    second = make_doc("Ostland rejected the plan on Thursday.", "en", "2025-10-17", "B")
    other = make_doc("Valmont rejected the plan on Monday.", "en", "2025-10-17", "C")
    events = build_timeline([first, second, other])
    assert len(events) == 3
    assert [e["date"] for e in events] == ["2025-10-13", "2025-10-13", "2025-10-16"]


def test_event_before_the_article_is_placed_before_it() -> None:
    doc = make_doc(
        "Last spring, Ostland had offered 200 medics. On Friday Ostland withdrew the offer.",
        "en",
        "2025-10-15",
        "A",
    )
    events = build_timeline([doc])
    check_sources(events, [doc])
    assert [(e["date"], e["kind"]) for e in events] == [
        ("2025-SP", "pledge"),
        ("2025-10-10", "withdrawal"),
    ]
    assert all(e["date_method"] == "text" for e in events)


def test_french_position_merges_with_a_report_dated_only_by_its_article() -> None:
    fr_text = "Valmont a refusé mardi d'envoyer des soldats à Nordhafen."
    fr = make_doc(fr_text, "fr", "2025-10-15", "Le Courrier")
    en_text = "Valmont will not send soldiers to Nordhafen, the government said."
    en = make_doc(en_text, "en", "2025-10-15", "Daily Wire")
    fr_ev = (0, len("Valmont a refusé mardi d'envoyer des soldats"))
    en_ev = (0, len("Valmont will not send soldiers to Nordhafen"))
    fr = fr.with_(
        positions=(
            Position(*fr_ev, fr_text[slice(*fr_ev)], "country:XVM", "force", "oppose", "declined"),
        )
    )
    en = en.with_(
        positions=(
            Position(*en_ev, en_text[slice(*en_ev)], "country:XVM", "force", "oppose", "declined"),
        )
    )
    events = build_timeline([fr, en])
    check_sources(events, [fr, en])
    assert len(events) == 1
    assert events[0]["date"] == "2025-10-14" and events[0]["kind"] == "refusal"
    assert events[0]["date_method"] == "text"  # the stated date wins over the article's


def test_a_quote_and_the_spokesperson_side() -> None:
    text = (
        "\u201cWe stay the course,\u201d Ada Kerr said on Monday. "
        "Ostland pledged 90 medics on Monday."
    )
    doc = make_doc(text, "en", "2025-10-16", "A")
    message = (text.index("We"), text.index(",\u201d") + 1)
    cue = (text.index("said"), text.index("said") + 4)
    speaker = (text.index("Ada Kerr"), text.index("Ada Kerr") + 8)
    doc = doc.with_(
        quotes=(
            Quote(
                *message,
                text[slice(*message)],
                "direct",
                "person:ada-kerr",
                "Ada Kerr",
                speaker,
                "said",
                cue,
            ),
        )
    )
    apart = build_timeline([doc])
    assert {e["kind"] for e in apart} == {"statement", "pledge"}
    merged = build_timeline([doc], side={"person:ada-kerr": "country:XOS"})
    # A statement is generic: with the speaker acting for Ostland, the same day's pledge and
    # the statement only merge when they share evidence, which they do not here.
    assert len(merged) == 2
    by_actor = timeline_by_actor(apart)
    assert set(by_actor) == {"person:ada-kerr", "country:XOS"}
    assert story_timeline(apart, [doc.id]) == apart
    assert story_timeline(apart, ["other"]) == []


def test_chart_is_inline_svg_with_one_dot_per_event() -> None:
    docs = [
        make_doc("Ostland rejected the plan on Monday.", "en", "2025-10-17", "A"),
        make_doc("On 2 March 2025 Valmont signed the <accord>.", "en", "2025-10-17", "B"),
    ]
    events = build_timeline(docs)
    svg = timeline_svg(events)
    root = ElementTree.fromstring(svg)  # well-formed, text escaped
    circles = root.findall(".//{http://www.w3.org/2000/svg}circle")
    titles = [c.find("{http://www.w3.org/2000/svg}title") for c in circles]
    assert len([t for t in titles if t is not None]) == len(events) == 2
    assert "<script" not in svg and "href" not in svg
    assert "Oct 2025" in svg  # month ticks between the first and the last event
    assert "No dated events" in timeline_svg([])
