"""Quotation-mark pairing: every common style, apostrophes, nesting, paragraphs, broken marks."""

from __future__ import annotations

import pytest

from storyline.annotate.quote_marks import find_marked, outermost


def contents(text: str) -> list[str]:
    found = outermost(find_marked(text))
    for m in found:
        assert text[m.start : m.end] == text[m.start : m.end].strip()
    return [text[m.start : m.end] for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “the port stays shut” today.", ["the port stays shut"]),
        ('He said "the port stays shut" today.', ["the port stays shut"]),
        ("Sie sagte „der Hafen bleibt zu“ am Abend.", ["der Hafen bleibt zu"]),
        ("Il a dit « le port reste fermé » hier.", ["le port reste fermé"]),
        ("Er sagte »der Hafen bleibt zu« am Abend.", ["der Hafen bleibt zu"]),
        ("Il a dit ‹ le port reste fermé › hier.", ["le port reste fermé"]),
        ("Sie sagte ‚der Hafen bleibt zu‘ am Abend.", ["der Hafen bleibt zu"]),
        ("He called it ‘a dead end’ for the talks.", ["a dead end"]),
        ("He called it 'a dead end' for the talks.", ["a dead end"]),
    ],
)
def test_each_quotation_style(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "The ministers' talks didn’t end; l’Europe et aujourd'hui restent. 'We wait,' she said."
    assert contents(text) == ["We wait,"]


def test_nested_quotation_stays_inside_the_outer_one() -> None:
    text = "“They told us ‘wait for the convoy’ and we did,” the driver said."
    marks = find_marked(text)
    outer = [m for m in marks if m.depth == 0]
    inner = [m for m in marks if m.depth == 1]
    assert [text[m.start : m.end] for m in outer] == [
        "They told us ‘wait for the convoy’ and we did,"
    ]
    assert [text[m.start : m.end] for m in inner] == ["wait for the convoy"]
    german = "„Er rief ‚Alle raus!‘ und rannte los“, sagte die Zeugin."
    assert contents(german) == ["Er rief ‚Alle raus!‘ und rannte los"]


def test_quotation_across_sentences() -> None:
    text = "“We stay. We hold the bridge. Nobody leaves,” the mayor said."
    assert contents(text) == ["We stay. We hold the bridge. Nobody leaves,"]


def test_multi_paragraph_quotation_is_split_into_parts() -> None:
    text = "“The first convoy left at dawn.\n“The second waits for fuel,” he said.\nEnd."
    found = outermost(find_marked(text))
    assert [text[m.start : m.end] for m in found] == [
        "The first convoy left at dawn.",
        "The second waits for fuel,",
    ]
    assert not found[0].closed and found[1].closed


def test_unbalanced_marks_never_crash_and_the_rest_is_recovered() -> None:
    text = "A stray ” mark, then “a real quote” and an opener “ that never closes, and «fin»."
    assert contents(text) == ["a real quote", "fin"]
    # An unclosed quotation that opens its paragraph runs to the paragraph end.
    assert contents("„Wir bleiben hier\nDer Rest.") == ["Wir bleiben hier"]
    for broken in ("“", "”", "„“", "«", '"', "'", "“”“", "\n\n“\n”\n"):
        find_marked(broken)


def test_offsets_point_into_the_text() -> None:
    text = "Zuvor hieß es: „Das bleibt so.“ Danach: « Non. »"
    for m in find_marked(text):
        assert text[m.open_start] in "„«"
        assert text[m.start : m.end] in ("Das bleibt so.", "Non.")
