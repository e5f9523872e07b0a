"""Temporal expressions: spans, values, granularity, direction and the known traps."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.annotate.timex import find_times
from storyline.annotate.timex_calendar import (
    add_months,
    narrow,
    pick_occurrence,
    season_interval,
    weekday_near,
)
from storyline.annotate.timex_lexicon import WORD_TABLES, load_lexicon
from storyline.document import TimeExpression

THURSDAY = date(2026, 4, 16)  # publication date of most examples (a Thursday)
MONDAY = date(2026, 3, 16)


def spans(text: str, language: str, reference: date | None) -> list[str]:
    found = find_times(text, language, reference)
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
    return [e.text for e in found]


def one(text: str, language: str, reference: date | None, expected: str) -> TimeExpression:
    """The expression covering exactly ``expected`` (which must occur once in ``text``)."""
    assert text.count(expected) == 1, "test sentence must contain the span exactly once"
    found = find_times(text, language, reference)
    matching = [e for e in found if e.text == expected]
    assert matching, f"{expected!r} not found; got {[e.text for e in found]}"
    expression = matching[0]
    assert text[expression.start : expression.end] == expected
    assert expression.start == text.index(expected)
    return expression


# --- absolute dates ---------------------------------------------------------------------------

ABSOLUTE = [
    ("en", "The accord was signed on March 7, 2025, in Selmont.", "on March 7, 2025"),
    ("en", "The accord was signed on 7 March 2025 in Selmont.", "on 7 March 2025"),
    ("en", "Filed 2025-03-07 with the registry.", "2025-03-07"),
    ("en", "The memo dated 3/7/2025 was leaked.", "3/7/2025"),
    ("de", "Das Abkommen wurde am 7. März 2025 unterzeichnet.", "am 7. März 2025"),
    ("de", "Die Erklärung vom 07.03.2025 liegt vor.", "07.03.2025"),
    ("de", "Das Papier trägt das Datum 7/3/2025.", "7/3/2025"),
    ("fr", "L'accord a été signé le 7 mars 2025 à Selmont.", "le 7 mars 2025"),
    ("fr", "Le communiqué du 07.03.2025 a été publié.", "07.03.2025"),
    ("fr", "La note datée du 7/3/2025 a fuité.", "7/3/2025"),
]


@pytest.mark.parametrize(("language", "text", "expected"), ABSOLUTE)
def test_absolute_dates_resolve_without_reference(language: str, text: str, expected: str) -> None:
    found = one(text, language, None, expected)
    assert found.value == "2025-03-07"
    assert found.granularity == "day"
    assert found.interval == ("2025-03-07", "2025-03-07")
    assert found.direction is None  # no reference, no "before" or "after"


def test_absolute_date_direction_against_reference() -> None:
    found = one("The accord was signed on March 7, 2025.", "en", THURSDAY, "on March 7, 2025")
    assert found.direction == "past"


def test_us_order_only_in_english() -> None:
    assert one("Memo of 4/5/2026.", "en", None, "4/5/2026").value == "2026-04-05"
    assert one("Note du 4/5/2026.", "fr", None, "4/5/2026").value == "2026-05-04"
    # A first number above 12 cannot be a month, even in an English text.
    assert one("Memo of 21/04/2026.", "en", None, "21/04/2026").value == "2026-04-21"


def test_weekday_and_date_form_one_expression() -> None:
    text = "Ministers met on Wednesday, March 18, 2026, in Selmont."
    assert spans(text, "en", THURSDAY) == ["on Wednesday, March 18, 2026"]
    text_de = "Die Minister trafen sich am Mittwoch, dem 18. März 2026, in Selmont."
    assert one(text_de, "de", THURSDAY, "am Mittwoch, dem 18. März 2026").value == "2026-03-18"
    text_fr = "Les ministres se sont réunis le mercredi 18 mars 2026 à Selmont."
    assert one(text_fr, "fr", THURSDAY, "le mercredi 18 mars 2026").value == "2026-03-18"


def test_impossible_dates_are_dropped() -> None:
    assert spans("The file 2025-02-30 is corrupt.", "en", THURSDAY) == []
    assert spans("Am 31. April war nichts.", "de", THURSDAY) == []


# --- partial dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The talks in February were tense.", "in February"),
        ("de", "Die Gespräche im Februar waren zäh.", "im Februar"),
        ("fr", "Les pourparlers en février ont été tendus.", "en février"),
    ],
)
def test_month_is_a_month_not_a_day(language: str, text: str, expected: str) -> None:
    found = one(text, language, THURSDAY, expected)
    assert found.value == "2026-02"
    assert found.granularity == "month"
    assert found.interval == ("2026-02-01", "2026-02-28")
    assert found.direction == "past"


def test_month_in_leap_year_interval() -> None:
    found = one("Prices rose in February 2024.", "en", THURSDAY, "in February 2024")
    assert found.interval == ("2024-02-01", "2024-02-29")


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The vote was held October 3, the minister recalled.", "October 3"),
        ("de", "Die Abstimmung fand am 3. Oktober statt, sagte der Minister.", "am 3. Oktober"),
        ("fr", "Le vote a eu lieu le 3 octobre, a rappelé le ministre.", "le 3 octobre"),
    ],
)
def test_day_without_year_takes_the_year_from_the_reference(
    language: str, text: str, expected: str
) -> None:
    # Said in January with a past verb: last October, not the coming one.
    found = one(text, language, date(2026, 1, 20), expected)
    assert found.value == "2025-10-03"
    assert found.direction == "past"


def test_day_without_year_in_future_speech() -> None:
    text = "The assembly will vote on October 3."
    assert one(text, "en", THURSDAY, "on October 3").value == "2026-10-03"


def test_month_without_cue_is_the_nearest_occurrence() -> None:
    # In April, "in December" is last December; "in June" is the coming June.
    assert one("Troops left in December.", "en", THURSDAY, "in December").value == "2025-12"
    assert one("Elections in June are likely.", "en", THURSDAY, "in June").value == "2026-06"


@pytest.mark.parametrize(
    ("language", "text", "expected", "value", "direction"),
    [
        ("en", "Exports grew this year.", "this year", "2026", "present"),
        ("en", "Exports fell last year.", "last year", "2025", "past"),
        ("de", "Die Exporte wuchsen dieses Jahr.", "dieses Jahr", "2026", "present"),
        ("de", "Im vergangenen Jahr sanken die Exporte.", "Im vergangenen Jahr", "2025", "past"),
        ("fr", "Les exportations ont chuté l'an dernier.", "l'an dernier", "2025", "past"),
        ("fr", "Les exportations ont chuté l’année dernière.", "l’année dernière", "2025", "past"),
        ("en", "The plan was drafted in 2024.", "in 2024", "2024", "past"),
        ("de", "Der Plan entstand im Jahr 2024.", "im Jahr 2024", "2024", "past"),
        ("fr", "Le plan a été rédigé en 2024.", "en 2024", "2024", "past"),
    ],
)
def test_years(language: str, text: str, expected: str, value: str, direction: str) -> None:
    found = one(text, language, THURSDAY, expected)
    assert (found.value, found.granularity, found.direction) == (value, "year", direction)
    assert found.interval == (f"{value}-01-01", f"{value}-12-31")


def test_meaning_changing_prepositions_stay_out_of_the_span() -> None:
    assert one("Fighting has raged since March.", "en", THURSDAY, "March").value == "2026-03"
    text = "Seit dem 1. April gilt die Waffenruhe."
    assert one(text, "de", THURSDAY, "1. April").value == "2026-04-01"
    assert one("La trêve tient depuis le 1er avril.", "fr", THURSDAY, "1er avril").value == (
        "2026-04-01"
    )
    assert one("The force should be ready by 2030.", "en", THURSDAY, "2030").direction == "future"


# --- relative expressions -----------------------------------------------------------------------

RELATIVE = [
    # (language, text, expected span, value, granularity, direction)
    ("en", "Lavalle spoke on Monday in Castelbrun.", "on Monday", "2026-04-13", "day", "past"),
    (
        "en",
        "Kessling said last Thursday he was open.",
        "last Thursday",
        "2026-04-09",
        "day",
        "past",
    ),
    ("de", "Morwitz sagte am Mittwoch, sie lehne ab.", "am Mittwoch", "2026-04-15", "day", "past"),
    (
        "de",
        "Vergangene Woche kam der Rat zusammen.",
        "Vergangene Woche",
        "2026-W15",
        "week",
        "past",
    ),
    ("de", "Er hatte letzten Freitag gesprochen.", "letzten Freitag", "2026-04-10", "day", "past"),
    ("fr", "Il a parlé mardi dernier à Selmont.", "mardi dernier", "2026-04-14", "day", "past"),
    ("fr", "Le ministre a parlé lundi à Selmont.", "lundi", "2026-04-13", "day", "past"),
    ("en", "He left two days ago.", "two days ago", "2026-04-14", "day", "past"),
    ("de", "Er reiste vor zwei Tagen ab.", "vor zwei Tagen", "2026-04-14", "day", "past"),
    ("fr", "Il est parti il y a deux jours.", "il y a deux jours", "2026-04-14", "day", "past"),
    ("en", "The talks stalled months ago.", "months ago", None, "vague", "past"),
    ("en", "She said so earlier this month.", "earlier this month", "2026-04", "month", "past"),
    ("en", "The pact was signed yesterday.", "yesterday", "2026-04-15", "day", "past"),
    ("de", "Der Pakt wurde gestern unterzeichnet.", "gestern", "2026-04-15", "day", "past"),
    ("fr", "Le pacte a été signé hier.", "hier", "2026-04-15", "day", "past"),
    ("en", "The council meets today.", "today", "2026-04-16", "day", "present"),
    ("de", "Der Rat tagt heute.", "heute", "2026-04-16", "day", "present"),
    ("fr", "Le conseil se réunit aujourd'hui.", "aujourd'hui", "2026-04-16", "day", "present"),
    ("en", "The council meets tomorrow.", "tomorrow", "2026-04-17", "day", "future"),
    ("de", "Der Rat tagt morgen in Selmont.", "morgen", "2026-04-17", "day", "future"),
    ("fr", "Le conseil se réunit demain.", "demain", "2026-04-17", "day", "future"),
    ("en", "A vote is expected next week.", "next week", "2026-W17", "week", "future"),
    ("de", "Die Abstimmung folgt nächste Woche.", "nächste Woche", "2026-W17", "week", "future"),
    (
        "fr",
        "Le vote aura lieu la semaine prochaine.",
        "la semaine prochaine",
        "2026-W17",
        "week",
        "future",
    ),
    ("en", "The offensive began last spring.", "last spring", "2025-SP", "quarter", "past"),
    (
        "de",
        "Die Offensive begann im Frühjahr 2025.",
        "im Frühjahr 2025",
        "2025-SP",
        "quarter",
        "past",
    ),
    ("en", "Officials recently confirmed the plan.", "recently", None, "vague", "past"),
    ("de", "Beamte bestätigten kürzlich den Plan.", "kürzlich", None, "vague", "past"),
    ("fr", "Des responsables ont récemment confirmé le plan.", "récemment", None, "vague", "past"),
]


@pytest.mark.parametrize(
    ("language", "text", "expected", "value", "granularity", "direction"), RELATIVE
)
def test_relative_expressions(
    language: str,
    text: str,
    expected: str,
    value: str | None,
    granularity: str,
    direction: str,
) -> None:
    found = one(text, language, THURSDAY, expected)
    assert (found.value, found.granularity, found.direction) == (value, granularity, direction)


def test_week_interval_runs_monday_to_sunday() -> None:
    found = one("Talks resume next week.", "en", THURSDAY, "next week")
    assert found.interval == ("2026-04-20", "2026-04-26")


def test_earlier_this_month_stops_before_the_reference() -> None:
    found = one("She said so earlier this month.", "en", THURSDAY, "earlier this month")
    assert found.interval == ("2026-04-01", "2026-04-15")


@pytest.mark.parametrize(
    ("language", "text", "expected", "interval"),
    [
        ("de", "Anfang März wurde verhandelt.", "Anfang März", ("2026-03-01", "2026-03-10")),
        ("de", "Mitte März wurde verhandelt.", "Mitte März", ("2026-03-11", "2026-03-20")),
        ("de", "Ende März wurde verhandelt.", "Ende März", ("2026-03-21", "2026-03-31")),
        ("fr", "Début mars, on a négocié.", "Début mars", ("2026-03-01", "2026-03-10")),
        ("fr", "On a négocié mi-mars à Selmont.", "mi-mars", ("2026-03-11", "2026-03-20")),
        ("fr", "On a négocié fin mars à Selmont.", "fin mars", ("2026-03-21", "2026-03-31")),
        ("en", "Talks began in early March.", "in early March", ("2026-03-01", "2026-03-10")),
        ("en", "Talks began in mid-March.", "in mid-March", ("2026-03-11", "2026-03-20")),
        ("en", "Talks ended late last year.", "late last year", ("2025-09-01", "2025-12-31")),
    ],
)
def test_parts_of_a_period(
    language: str, text: str, expected: str, interval: tuple[str, str]
) -> None:
    found = one(text, language, THURSDAY, expected)
    assert found.interval == interval
    assert found.value == interval[0][: len(found.value or "")]


def test_season_said_during_it() -> None:
    found = one("Die Truppen sollen im Frühjahr kommen.", "de", THURSDAY, "im Frühjahr")
    assert found.value == "2026-SP"
    assert found.interval == ("2026-03-01", "2026-05-31")
    assert found.direction == "present"


def test_in_n_units_and_quarters() -> None:
    assert one("They return in two weeks.", "en", THURSDAY, "in two weeks").value == "2026-04-30"
    text = "Deployment could start in the third quarter of next year."
    found = one(text, "en", THURSDAY, "in the third quarter of next year")
    assert (found.value, found.interval) == ("2027-Q3", ("2027-07-01", "2027-09-30"))


# --- known traps --------------------------------------------------------------------------------


def test_bare_weekday_on_its_own_day_is_that_day() -> None:
    # An article of Monday 16 March reporting what happened "on Monday".
    text = "Varnholt on Monday proposed a multinational force."
    assert one(text, "en", MONDAY, "on Monday").value == "2026-03-16"
    assert one("Varnholt kündigte am Montag an.", "de", MONDAY, "am Montag").value == "2026-03-16"
    assert one("Varnholt a proposé lundi une force.", "fr", MONDAY, "lundi").value == "2026-03-16"


def test_bare_weekday_is_the_latest_past_one() -> None:
    found = one("Ministers met on Friday in Selmont.", "en", THURSDAY, "on Friday")
    assert found.value == "2026-04-10"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Foreign ministers will meet on Friday in Selmont.", "on Friday"),
        ("de", "Kessling wird am Freitag nach Selmont reisen.", "am Freitag"),
        ("de", "Am Freitag werden die Minister beraten.", "Am Freitag"),
        ("fr", "Le ministre se rendra vendredi à Selmont.", "vendredi"),
        ("fr", "Les ministres vont se réunir vendredi.", "vendredi"),
        ("fr", "La réunion est prévue vendredi prochain.", "vendredi prochain"),
    ],
)
def test_future_speech_means_the_coming_weekday(language: str, text: str, expected: str) -> None:
    found = one(text, language, THURSDAY, expected)
    assert found.value == "2026-04-17"
    assert found.direction == "future"


def test_past_verb_next_to_a_weekday_outweighs_a_later_would() -> None:
    text = "Bonds rose after data released Wednesday showed the economy would stay slow."
    assert one(text, "en", THURSDAY, "Wednesday").value == "2026-04-15"


def test_recent_date_is_not_pushed_a_year_ahead_by_future_speech() -> None:
    text = "The board will debate a mandate next week, two weeks after the offer on April 2."
    assert one(text, "en", THURSDAY, "on April 2").value == "2026-04-02"


def test_future_marker_of_another_clause_keeps_a_date_weeks_back() -> None:
    text = "Zelmir respects the ceasefire signed on 14 March and will defend it."
    assert one(text, "en", date(2026, 4, 21), "on 14 March").value == "2026-03-14"


def test_past_marker_does_not_send_a_date_weeks_ahead_into_last_year() -> None:
    text = "The vote was postponed to May 5."
    assert one(text, "en", THURSDAY, "May 5").value == "2026-05-05"


def test_expressions_do_not_run_across_lines() -> None:
    text = "Markets stay closed until Friday\nSeptember 18, 2026 The government said so."
    assert spans(text, "en", THURSDAY) == ["Friday", "September 18, 2026"]


def test_span_of_years_is_not_a_year() -> None:
    assert spans("Production moves to Toulouse by 2010-11 at the latest.", "en", THURSDAY) == []


def test_cue_words_inside_other_dates_do_not_set_the_tense() -> None:
    # "next" belongs to "next week"; the sentence about Monday is still in the past.
    text = "Lavalle spoke on Monday and the report is due next week."
    assert one(text, "en", THURSDAY, "on Monday").value == "2026-04-13"


def test_prepositions_do_not_change_the_value() -> None:
    with_preposition = one("It happened on Wednesday.", "en", THURSDAY, "on Wednesday")
    without = one("It happened Wednesday.", "en", THURSDAY, "Wednesday")
    assert with_preposition.value == without.value == "2026-04-15"
    assert one("Es geschah am 3. März.", "de", THURSDAY, "am 3. März").value == "2026-03-03"
    assert one("Cela s'est produit le 3 mars.", "fr", THURSDAY, "le 3 mars").value == "2026-03-03"
    assert one("Die Einigung kam im Mai 2025.", "de", THURSDAY, "im Mai 2025").value == "2025-05"
    assert one("L'accord est venu en mai 2025.", "fr", THURSDAY, "en mai 2025").value == "2025-05"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Die Regierung sagte, die Truppen bleiben; die Lage sei ernst."),
        ("en", "We said we would help. Wed meetings are rare."),
        ("en", "Theresa May said the talks may march on."),
        ("en", "Protesters plan to march on the capital; nothing will mar the event."),
        ("en", "The Sun reported that an august body met."),
        ("fr", "Le rover a atterri sur Mars après sept mois de voyage."),
        ("fr", "Il a été dernier au classement."),
        ("de", "Am Morgen traf die Delegation ein."),
        ("en", "He gave an interview to USA Today and the Today programme."),
        ("en", "The shops open every Friday; Easter Sunday is a holiday."),
        ("de", "Die Zeitung erscheint jeden Freitag."),
        ("fr", "Le marché a lieu chaque vendredi."),
        ("en", "Hundreds were killed in two days of fighting."),
        ("en", "The army deployed 2000 soldiers and 4500 reservists."),
        ("en", "The score was 3/7 at half time."),
    ],
)
def test_words_that_look_like_dates_are_not_dates(language: str, text: str) -> None:
    assert spans(text, language, THURSDAY) == []


def test_month_names_with_context_are_months() -> None:
    assert one("Elections are due in May.", "en", THURSDAY, "in May").value == "2026-05"
    assert one("The vote took place on May 5.", "en", THURSDAY, "on May 5").value == "2026-05-05"
    assert one("Les troupes sont arrivées en mars.", "fr", THURSDAY, "en mars").value == "2026-03"
    assert one("Le sommet a eu lieu le 3 mars.", "fr", THURSDAY, "le 3 mars").value == "2026-03-03"


def test_morgen_opening_a_sentence_is_tomorrow() -> None:
    text = "Der Rat tagte am Abend. Morgen wird abgestimmt."
    assert one(text, "de", THURSDAY, "Morgen").value == "2026-04-17"


def test_amount_before_a_date_is_not_its_day() -> None:
    found = one("They paid $12 December 27 last year.", "en", THURSDAY, "December 27")
    assert found.value == "2025-12-27"


def test_named_days_and_outlets_with_weekday_or_today_are_skipped() -> None:
    text = "Zelmir Today said on Sunday the offer stood."
    assert spans(text, "en", THURSDAY) == ["on Sunday"]


# --- without a reference date, other languages, odd input ---------------------------------------


def test_relative_expressions_without_reference_have_no_value() -> None:
    text = "On Monday, a day after the talks ended last week, officials spoke."
    found = find_times(text, "en", None)
    by_text = {e.text: e for e in found}
    assert by_text["On Monday"].value is None
    assert by_text["On Monday"].granularity == "day"
    assert by_text["last week"].value is None
    assert by_text["last week"].direction == "past"  # the words alone say so
    assert all(e.interval is None for e in found)


def test_partial_date_without_reference_has_no_value() -> None:
    found = one("The vote is set for October 3.", "en", None, "October 3")
    assert found.value is None


def test_unknown_language_gets_numeric_dates_only() -> None:
    text = "El acuerdo del 07.03.2025 se firmó el lunes (2025-03-08)."
    assert [(e.text, e.value) for e in find_times(text, "es", THURSDAY)] == [
        ("07.03.2025", "2025-03-07"),
        ("2025-03-08", "2025-03-08"),
    ]


def test_regional_language_codes_use_the_base_grammar() -> None:
    assert spans("Der Rat tagte gestern.", "de-CH", THURSDAY) == ["gestern"]
    assert spans("Le conseil a siégé hier.", "fr_BE", THURSDAY) == ["hier"]


def test_empty_text() -> None:
    assert find_times("", "en", THURSDAY) == []


def test_offsets_in_a_longer_article() -> None:
    text = (
        "SELMONT, April 16 (MERIDIAN) - Belmora pledged 800 troops on Wednesday.\n\n"
        "The pledge follows Lavalle's insistence earlier this month that a mandate was "
        "needed. Drovenia's defence minister said last Thursday he did not rule out "
        "logistics. The Security Board will debate a mandate next week, two weeks after "
        "Belmora's conditional yes on April 2."
    )
    found = find_times(text, "en", THURSDAY)
    expected = [
        ("April 16", "2026-04-16"),
        ("on Wednesday", "2026-04-15"),
        ("earlier this month", "2026-04"),
        ("last Thursday", "2026-04-09"),
        ("next week", "2026-W17"),
        ("on April 2", "2026-04-02"),
    ]
    assert [(e.text, e.value) for e in found] == expected
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
    assert [e.start for e in found] == sorted(e.start for e in found)


# --- building blocks ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_every_language_has_rules_and_all_tables(language: str) -> None:
    lexicon = load_lexicon(language)
    assert len(lexicon.rules) > 20
    assert set(lexicon.words) == set(WORD_TABLES)
    assert lexicon.lookup("month", "Mai" if language != "en" else "May") == 5


def test_calendar_helpers() -> None:
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), -2) == date(2025, 11, 15)
    # Thursday 16 April: the Friday before, the Friday after, and "this Monday".
    assert weekday_near(THURSDAY, 4, None, None) == date(2026, 4, 10)
    assert weekday_near(THURSDAY, 4, None, "future") == date(2026, 4, 17)
    assert weekday_near(THURSDAY, 3, -1, None) == date(2026, 4, 9)
    assert weekday_near(THURSDAY, 3, -2, None) == date(2026, 4, 2)
    assert weekday_near(THURSDAY, 0, 0, None) == date(2026, 4, 13)
    # Winter belongs to the year of its January.
    assert season_interval(2026, "WI") == (date(2025, 12, 1), date(2026, 2, 28))
    june = pick_occurrence(lambda y: (date(y, 6, 1), date(y, 6, 30)), THURSDAY, -1, None)
    assert june == (date(2025, 6, 1), date(2025, 6, 30))
    month = (date(2026, 4, 1), date(2026, 4, 30))
    assert narrow(month, "later", "month", THURSDAY) == (date(2026, 4, 17), date(2026, 4, 30))
