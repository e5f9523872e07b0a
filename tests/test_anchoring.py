"""Event anchoring: the date of what an item reports, not of the article reporting it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.annotate.anchoring import (
    Anchor,
    anchor_position,
    anchor_span,
    granularity_of,
    make_anchor,
    value_interval,
)
from storyline.annotate.sentences import split_sentences
from storyline.annotate.timex import find_times
from storyline.document import Document, Figure, Position, Published, Quote


def make_doc(text: str, language: str, published: str | None, method: str = "metadata") -> Document:
    pub = Published(published, "day", method) if published else Published()  # type: ignore[arg-type]
    if method == "estimated" and published:
        pub = Published(published, "day", "estimated", (published, published))
    reference = date.fromisoformat(published) if published and method != "estimated" else None
    return Document.from_raw(text, "test").with_(
        text=text,
        language=language,
        published=pub,
        sentences=tuple(split_sentences(text, language)),
        times=tuple(find_times(text, language, reference)),
    )


def span_of(doc: Document, piece: str) -> tuple[int, int]:
    start = doc.text.index(piece)
    end = start + len(piece)
    assert doc.text[start:end] == piece
    return start, end


def test_last_spring_in_an_autumn_article_is_spring() -> None:
    doc = make_doc(
        "Last spring, the defence minister had not ruled out sending engineers. "
        "Today she confirmed the plan.",
        "en",
        "2025-10-15",
    )
    start, end = span_of(doc, "the defence minister had not ruled out sending engineers")
    found = anchor_span(doc, start, end)
    assert (found.date, found.granularity, found.method) == ("2025-SP", "quarter", "text")
    assert value_interval(found.date) == (date(2025, 3, 1), date(2025, 5, 31))


def test_a_date_deep_inside_a_position_dates_another_event() -> None:
    doc = make_doc(
        "The defence minister said last Thursday that he did not rule out help with logistics, "
        "a softer line than the one the chancellor had taken in March.",
        "en",
        "2026-04-16",
    )  # a Thursday: "last Thursday" is 9 April
    start, end = span_of(doc, "he did not rule out help with logistics, a softer line than the "
                              "one the chancellor had taken in March")  # fmt: skip
    assert anchor_position(doc, start, end).date == "2026-04-09"
    assert anchor_span(doc, start, end).date == "2026-03"  # unfocused, "in March" wins


@pytest.mark.parametrize(
    ("text", "item", "language"),
    [
        (
            "Since the ceasefire was signed on March 14, pledges came from Aurevia and Belmora.",
            "pledges came from Aurevia and Belmora",
            "en",
        ),
        (
            "Seit dem 14. März haben Aurevia und Belmora Soldaten zugesagt.",
            "haben Aurevia und Belmora Soldaten zugesagt",
            "de",
        ),
        (
            "Depuis le 14 mars, l'Aurevia et le Belmora ont promis des soldats.",
            "l'Aurevia et le Belmora ont promis des soldats",
            "fr",
        ),
    ],
)
def test_since_a_date_is_not_the_date_of_the_event(text: str, item: str, language: str) -> None:
    doc = make_doc(text, language, "2026-04-23")
    start, end = span_of(doc, item)
    assert anchor_position(doc, start, end) == anchor_span(doc, start, end)
    assert anchor_position(doc, start, end).date == "2026-04-23"  # the article's date


def test_weekday_gives_that_day_before_the_article() -> None:
    doc = make_doc(
        "Ostland rejected the proposal on Monday, its foreign ministry said.", "en", "2025-10-16"
    )  # a Thursday
    start, end = span_of(doc, "Ostland rejected the proposal on Monday")
    found = anchor_span(doc, start, end)
    assert found.date == "2025-10-13" and found.method == "text"
    assert date.fromisoformat(found.date) < date(2025, 10, 16)


def test_german_weekday_and_pluperfect() -> None:
    doc = make_doc(
        "Am Mittwoch lehnte die Regierung in Nordhafen das Angebot ab. "
        "Zuvor hatte die Kanzlerin eine Beteiligung strikt abgelehnt.",
        "de",
        "2025-10-17",  # a Friday
    )
    start, end = span_of(doc, "lehnte die Regierung in Nordhafen das Angebot ab")
    assert anchor_span(doc, start, end).date == "2025-10-15"
    start, end = span_of(doc, "eine Beteiligung strikt abgelehnt")
    before = anchor_span(doc, start, end)
    assert (before.date, before.granularity, before.method) == (
        "2025-10-17",
        "vague",
        "before_document",
    )


def test_french_relative_date_and_pluperfect() -> None:
    doc = make_doc(
        "Il y a deux semaines, le gouvernement de Valmont a proposé une médiation. "
        "Le ministre avait exclu tout envoi de soldats.",
        "fr",
        "2025-10-15",
    )
    start, end = span_of(doc, "le gouvernement de Valmont a proposé une médiation")
    assert anchor_span(doc, start, end).date == "2025-10-01"
    start, end = span_of(doc, "Le ministre avait exclu tout envoi de soldats")
    assert anchor_span(doc, start, end).method == "before_document"


def test_without_any_time_the_document_date() -> None:
    doc = make_doc("The council approved the budget.", "en", "2025-10-15")
    start, end = span_of(doc, "The council approved the budget")
    assert anchor_span(doc, start, end) == ("2025-10-15", "day", "document")


def test_a_date_inside_the_message_is_not_the_date_of_saying_it() -> None:
    doc = make_doc(
        "The minister said on Monday that the first troops would arrive in March.",
        "en",
        "2025-10-16",
    )
    quote = span_of(doc, "the first troops would arrive in March")
    cue = span_of(doc, "said")
    found = anchor_span(doc, *quote, focus=cue, exclude=quote)
    assert found.date == "2025-10-13"


def test_future_dates_are_not_when_a_pledge_was_made() -> None:
    doc = make_doc(
        "Ostland will send 200 medics next month, the prime minister said.", "en", "2025-10-15"
    )
    start, end = span_of(doc, "Ostland will send 200 medics next month")
    assert anchor_span(doc, start, end).method == "document"
    assert anchor_span(doc, start, end, allow_future=True).date == "2025-11"


def test_the_nearest_date_in_the_items_own_clause_wins() -> None:
    doc = make_doc(
        "Ostland, which had signed the treaty in 2019, withdrew from it on Tuesday.",
        "en",
        "2025-10-16",
    )
    start, end = span_of(doc, "withdrew from it")
    assert anchor_span(doc, start, end).date == "2025-10-14"
    start, end = span_of(doc, "had signed the treaty")
    assert anchor_span(doc, start, end).date == "2019"


def test_at_the_time_points_back_to_the_previous_sentence() -> None:
    doc = make_doc(
        "The talks collapsed on 3 March 2025. Ostland blamed its neighbour at the time.",
        "en",
        "2025-10-15",
    )
    start, end = span_of(doc, "Ostland blamed its neighbour")
    assert anchor_span(doc, start, end).date == "2025-03-03"


def test_estimated_and_missing_publication_dates() -> None:
    doc = make_doc("Two days ago Ostland closed the border.", "en", "2025-10-15", "estimated")
    start, end = span_of(doc, "Ostland closed the border")
    assert anchor_span(doc, start, end) == ("2025-10-13", "day", "text_estimated")
    doc = make_doc("Ostland closed the border.", "en", "2025-10-15", "estimated")
    assert anchor_span(doc, 0, 7).method == "estimated_document"
    doc = make_doc("Ostland closed the border.", "en", None)
    assert anchor_span(doc, 0, 7) == (None, "vague", "unknown")


def test_component_fills_dates_and_keeps_existing_ones() -> None:
    doc = make_doc(
        "On Tuesday, Ostland pledged 300 soldiers. "
        "\u201cWe keep our word,\u201d the president said on Wednesday.",
        "en",
        "2025-10-17",
    )
    evidence = span_of(doc, "Ostland pledged 300 soldiers")
    figure = span_of(doc, "300 soldiers")
    message = span_of(doc, "We keep our word,")
    cue = span_of(doc, "said")
    doc = doc.with_(
        positions=(
            Position(
                *evidence, doc.text[slice(*evidence)], "country:XOS", "t", "support", "pledged"
            ),
            Position(
                *evidence,
                doc.text[slice(*evidence)],
                "country:XOS",
                "u",
                "support",
                "pledged",
                date="2025-01-01",
                date_method="text",
            ),
        ),
        figures=(Figure(*figure, doc.text[slice(*figure)], value=300.0),),
        quotes=(Quote(*message, doc.text[slice(*message)], "direct", cue_span=cue),),
    )
    component = make_anchor({}, {})
    assert isinstance(component, Anchor) and "quotes" in component.assigns
    out = component(doc)
    assert (out.positions[0].date, out.positions[0].date_method) == ("2025-10-14", "text")
    assert out.positions[1].date == "2025-01-01"  # already set: kept
    assert out.figures[0].event_date == "2025-10-14"
    assert (out.quotes[0].event_date, out.quotes[0].event_date_method) == ("2025-10-15", "text")


@pytest.mark.parametrize(
    ("value", "granularity"),
    [
        ("2026-03-07", "day"),
        ("2026-W11", "week"),
        ("2026-03", "month"),
        ("2026-Q1", "quarter"),
        ("2026-SP", "quarter"),
        ("2026", "year"),
        (None, "vague"),
        ("soon", "vague"),
    ],
)
def test_granularity_of_values(value: str | None, granularity: str) -> None:
    assert granularity_of(value) == granularity


def test_position_dates_of_the_demo_gold(tmp_path: Path) -> None:
    """Anchoring the gold positions' evidence in the processed demo corpus reproduces their
    hand-written dates (the measure reported in docs/benchmarks.md)."""
    from click.testing import CliRunner

    from storyline.cli import cli
    from storyline.eval.demo_gold import gold_documents
    from storyline.store import open_store

    result = CliRunner().invoke(cli, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    with open_store(str(tmp_path / "storyline.db")) as store:
        docs = list(store.documents())
    right = total = 0
    for gold in gold_documents():
        doc = next(d for d in docs if d.title == gold["title"] or d.source.endswith(gold["file"]))
        for position in gold["positions"]:
            if position.get("date") is None:
                continue  # the gold says the text gives no date
            start = doc.text.index(position["evidence"])
            found = anchor_position(doc, start, start + len(position["evidence"]))
            total += 1
            right += found.date == position["date"]
    print(f"demo gold position dates: {right}/{total} = {right / total:.3f}")
    assert total >= 90 and right / total >= 0.9
