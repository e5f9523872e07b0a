"""decode_bytes, repair_text and tidy_text."""

from __future__ import annotations

import codecs

import pytest

from storyline.errors import UnreadableInput
from storyline.ingest.normalize import decode_bytes, repair_text, tidy_text

GERMAN_FRENCH = (
    "Die Außenministerin äußerte sich zurückhaltend über die Größe der Truppe. "
    "Valdoria gibt 40 Millionen € für die Mission.\n"
    "« C'est déjà ça », a réagi un diplomate à Mirebourg, où l'on s'inquiète du coût.\n"
)

# ---------------------------------------------------------------------------------------
# decode_bytes


def test_plain_utf8_is_returned_unchanged() -> None:
    assert decode_bytes(GERMAN_FRENCH.encode("utf-8")) == GERMAN_FRENCH


def test_utf8_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "Größe".encode()) == "Größe"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_found_by_their_bom(encoding: str) -> None:
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
    }.get(encoding, b"")
    data = bom + GERMAN_FRENCH.encode(encoding)
    assert decode_bytes(data) == GERMAN_FRENCH


def test_windows_1252_text_is_recognised() -> None:
    text = GERMAN_FRENCH * 3
    assert decode_bytes(text.encode("cp1252")) == text


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(UnreadableInput, match="NUL bytes"):
        decode_bytes(b"%PDF-1.7\n\x00\x00\x01binary")


def test_many_control_bytes_mean_binary() -> None:
    data = bytes(range(1, 9)) * 50 + b"some text" * 10
    with pytest.raises(UnreadableInput, match="control characters"):
        decode_bytes(data)


def test_a_stray_form_feed_is_still_text() -> None:
    text = "Page one ends here.\x0cPage two starts here, with enough text around it."
    assert decode_bytes(text.encode()) == text


def test_oversized_input_is_refused_before_decoding() -> None:
    with pytest.raises(UnreadableInput, match="over the limit of 100"):
        decode_bytes(b"a" * 101, max_bytes=100)


def test_broken_bytes_after_a_utf16_bom_are_refused() -> None:
    with pytest.raises(UnreadableInput, match="utf-16") as info:
        decode_bytes(codecs.BOM_UTF16_LE + b"a\x00b")
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------------------------------
# repair_text


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("SchÃ¶ne GrÃ¼ÃŸe aus Hallstedt", "Schöne Grüße aus Hallstedt"),
        ("Ã‰cole Ã  Paris", "École à Paris"),
        ("â€œWe will not stand asideâ€\x9d", "“We will not stand aside”"),
        ("\x93Hallo\x94", "“Hallo”"),  # cp1252 quotes read as Latin-1 C1 controls
    ],
)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    assert repair_text(broken) == fixed


def test_typographic_quotes_are_not_uncurled() -> None:
    text = "„Nein“, sagte sie. »Ja« ‚doch‘ « Non » ‹ oui › ‘single’ “double” l’accord"
    assert repair_text(text) == text


def test_line_ends_become_newlines() -> None:
    assert repair_text("one\r\ntwo\rthree\u2028four\x85five") == "one\ntwo\nthree\nfour\nfive"


def test_page_breaks_and_vertical_tabs_separate_lines() -> None:
    assert repair_text("end of page\x0cnext page\x0bline") == "end of page\nnext page\nline"


def test_control_characters_are_removed_but_tabs_stay() -> None:
    assert repair_text("a\x00b\x07c\td\x1fe\x7ff") == "abc\tdef"


def test_odd_spaces_become_plain_spaces_without_moving_offsets() -> None:
    text = "Selon M.\u00a0Lavalle\u202f: «\u202f25\u2009000 soldats\u202f»"
    repaired = repair_text(text)
    assert repaired == "Selon M. Lavalle : « 25 000 soldats »"
    assert len(repaired) == len(text)


def test_invisible_characters_are_removed() -> None:
    assert repair_text("Nor\u200bthern\u2060 Con\u200ecord\ufeff") == "Northern Concord"


def test_soft_hyphen_is_dropped_inside_a_line_and_shown_at_a_break() -> None:
    assert repair_text("Waffen\u00adstill\u00adstand") == "Waffenstillstand"
    assert repair_text("Solda\u00ad\nten") == "Solda-\nten"


def test_result_is_nfc() -> None:
    assert repair_text("Me\u0301lanie") == "Mélanie"


# ---------------------------------------------------------------------------------------
# tidy_text


def test_spaces_and_tabs_collapse_and_line_ends_are_stripped() -> None:
    assert tidy_text("  Belmora  will\tsend   troops.  \n") == "Belmora will send troops."


def test_at_most_one_blank_line_between_paragraphs() -> None:
    text = "\n\nFirst paragraph.\n\n\n\n \nSecond paragraph.\n\n"
    assert tidy_text(text) == "First paragraph.\n\nSecond paragraph."


def test_single_line_breaks_inside_a_paragraph_are_kept() -> None:
    assert tidy_text("Line one\nline two") == "Line one\nline two"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # line-break hyphenation: the halves form one known word
        ("Die Solda-\nten warten.", "Die Soldaten warten."),
        ("the negoti-\nations went on", "the negotiations went on"),
        # a capital (or digit) after the break: the hyphen belongs to a compound
        ("Lorvain-\nVille", "Lorvain-Ville"),
        ("der Nato-\nGipfel", "der Nato-Gipfel"),
        ("2026-\n2027", "2026-2027"),
        # a known hyphenated word, or two known halves that do not join
        ("a well-\nknown plan", "a well-known plan"),
        ("le porte-\nparole du gouvernement", "le porte-parole du gouvernement"),
        # German suspended hyphen: the line break becomes a space
        ("Ein-\nund Ausreise", "Ein- und Ausreise"),
        ("pré-\nou post-électoral", "pré- ou post-électoral"),
    ],
)
def test_words_broken_across_lines(text: str, expected: str) -> None:
    assert tidy_text(text) == expected


def test_no_joining_across_a_blank_line() -> None:
    assert tidy_text("Solda-\n\nten") == "Solda-\n\nten"


def test_quotes_and_dashes_are_untouched() -> None:
    text = "„Wir bleiben“, sagte sie – und ging. « Non », dit-il. “Yes” — ‘maybe’"
    assert tidy_text(text) == text


def test_short_windows_1252_input_is_not_mistaken_for_ebcdic() -> None:
    assert decode_bytes("Größe".encode("cp1252")) == "Größe"


def test_other_legacy_encodings_still_get_a_guess() -> None:
    text = "Министр заявил в понедельник, что страна не будет отправлять войска в долину. " * 3
    assert decode_bytes(text.encode("cp1251")) == text
