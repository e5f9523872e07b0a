"""Number expressions: values, bounds, qualifiers and offsets in English, German, French."""

from __future__ import annotations

import itertools

import pytest

from storyline.annotate.numbers import (
    NumberMatch,
    find_numbers,
    german_number_word,
    numeral_value,
)


def only(text: str, language: str) -> NumberMatch:
    """The single number expression in ``text``, with its offsets checked."""
    found = find_numbers(text, language)
    assert len(found) == 1, [m.text for m in found]
    match = found[0]
    assert text[match.start : match.end] == match.text
    return match


def texts(text: str, language: str) -> list[str]:
    found = find_numbers(text, language)
    for match in found:
        assert text[match.start : match.end] == match.text
    return [m.text for m in found]


# --- digits -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "expected", "value"),
    [
        ("en", "Officials put the force at 25,000 by the summer.", "25,000", 25000),
        ("de", "Die Regierung nannte 25.000 als Obergrenze.", "25.000", 25000),
        ("fr", "Le ministère évoque 25.000 au total.", "25.000", 25000),
        ("fr", "La mission compterait 25 000 au total.", "25 000", 25000),
        ("fr", "La mission compterait 25\u00a0000 au total.", "25\u00a0000", 25000),
        ("fr", "La mission compterait 25\u202f000 au total.", "25\u202f000", 25000),
        ("en", "The budget grew by 2.5 this year.", "2.5", 2.5),
        ("de", "Der Wert stieg auf 2,5 an.", "2,5", 2.5),
        ("fr", "Le taux atteint 2,5 cette année.", "2,5", 2.5),
        ("en", "Analysts expect 25k at the rally.", "25k", 25000),
        ("en", "The fund holds 1.2 million now.", "1.2 million", 1.2e6),
        ("de", "Das Land hat 1,2 Millionen Einwohner.", "1,2 Millionen", 1.2e6),
        ("fr", "Le pays compte 1,2 million d'habitants.", "1,2 million", 1.2e6),
        ("en", "Valdoria offered €40 million on Friday.", "40 million", 4e7),
        ("de", "Valdoria bietet 40 Mio. Euro an.", "40 Mio.", 4e7),
        ("fr", "Valdoria propose 40 millions d'euros.", "40 millions", 4e7),
        ("en", "The deal was worth $3bn in total.", "3bn", 3e9),
        ("de", "Es geht um 52 Mrd. Euro.", "52 Mrd.", 52e9),
        ("en", "The index moved by 1,234,567.89 points.", "1,234,567.89", 1234567.89),
        ("de", "Der Etat beträgt 1.234.567,89 Euro.", "1.234.567,89", 1234567.89),
        ("en", "The flood displaced 1½ million people.", "1½ million", 1.5e6),
    ],
)
def test_digit_forms(language: str, sentence: str, expected: str, value: float) -> None:
    match = only(sentence, language)
    assert match.text == expected
    assert match.value == pytest.approx(value)
    assert match.qualifier == "exact"
    assert match.min is None and match.max is None


@pytest.mark.parametrize(
    ("raw", "language", "value"),
    [
        ("4.800", "en", 4.8),  # one dot before three digits is a decimal mark in English
        ("4.800", "de", 4800),
        ("4,800", "de", 4.8),
        ("4,800", "en", 4800),
        ("2,5", "en", 2.5),  # not three digits after it: a decimal mark in every language
        ("1.111,11", "en", 1111.11),
        ("1,111.11", "de", 1111.11),
        ("12 500", "fr", 12500),
        ("½", "en", 0.5),
    ],
)
def test_numeral_value_reads_separators_by_language(raw: str, language: str, value: float) -> None:
    assert numeral_value(raw, language) == pytest.approx(value)


# --- words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "expected", "value"),
    [
        ("en", "Only three frigates remain in port.", "three", 3),
        ("en", "They sent twelve hundred volunteers.", "twelve hundred", 1200),
        ("en", "It took one hundred and six days.", "one hundred and six", 106),
        ("en", "A list of twenty-one demands was read out.", "twenty-one", 21),
        ("en", "Some said a thousand had gathered.", "a thousand", 1000),
        ("en", "The fund lost one and a half million in May.", "one and a half million", 1.5e6),
        ("en", "The valley lost half a million.", "half a million", 5e5),
        ("en", "The valley lost a half million.", "a half million", 5e5),
        ("de", "Es waren fünfundzwanzigtausend Menschen.", "fünfundzwanzigtausend", 25000),
        ("de", "Man rechnet mit zwölftausend Helfern.", "zwölftausend", 12000),
        ("de", "Sie zählten zweieinhalb Millionen Stimmen.", "zweieinhalb Millionen", 2.5e6),
        ("de", "Es fehlt eine halbe Million Dosen.", "eine halbe Million", 5e5),
        ("de", "Das Heer hat zwei Millionen dreihunderttausend Schuss.", None, 2.3e6),
        ("fr", "Ils étaient vingt-cinq mille dans la rue.", "vingt-cinq mille", 25000),
        ("fr", "Le convoi compte quatre-vingt-dix camions.", "quatre-vingt-dix", 90),
        ("fr", "On dénombre soixante-dix blessés.", "soixante-dix", 70),
        ("fr", "Il reste soixante et onze jours.", "soixante et onze", 71),
        ("fr", "Il y a quatre-vingt-dix-neuf candidats.", "quatre-vingt-dix-neuf", 99),
        ("fr", "Le club a vingt et un membres.", "vingt et un", 21),
        ("fr", "Le pays a reçu un million et demi de doses.", "un million et demi", 1.5e6),
        ("fr", "On attend deux cent mille visiteurs.", "deux cent mille", 200000),
    ],
)
def test_spelled_out_numbers(
    language: str, sentence: str, expected: str | None, value: float
) -> None:
    match = only(sentence, language)
    if expected is not None:
        assert match.text == expected
    assert match.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("fünfundzwanzigtausend", 25000),
        ("zwölftausend", 12000),
        ("einhunderteinunddreißig", 131),
        ("dreihundertneunundneunzigtausendfuenfhundertneun", 399509),
        ("Zehntausend", 10000),
        ("anderthalb", 1.5),
        ("dreiviertel", None),
        ("Dreier", None),
        ("elfen", None),
    ],
)
def test_german_number_words(word: str, value: float | None) -> None:
    parsed = german_number_word(word)
    if value is None:
        assert parsed is None
    else:
        assert parsed is not None and parsed[0] == pytest.approx(value)


def test_zero_does_not_glue_to_the_next_word() -> None:
    assert texts("The score was zero three times.", "en") == ["zero", "three"]


# --- vague and approximate amounts --------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "expected", "low", "high"),
    [
        ("en", "Tens of thousands marched in Selmont.", "Tens of thousands", 20000, 90000),
        ("de", "Zehntausende demonstrierten in Hallstedt.", "Zehntausende", 20000, 90000),
        ("fr", "Des dizaines de milliers ont défilé.", "Des dizaines de milliers", 20000, 90000),
        ("en", "A few thousand stayed behind.", "A few thousand", 2000, 9000),
        ("de", "Einige tausend blieben zurück.", "Einige tausend", 2000, 9000),
        ("fr", "Quelques milliers sont restés.", "Quelques milliers", 2000, 9000),
        ("en", "Several hundred were evacuated.", "Several hundred", 200, 900),
        ("de", "Mehrere hundert wurden evakuiert.", "Mehrere hundert", 200, 900),
        ("fr", "Plusieurs centaines ont été évacués.", "Plusieurs centaines", 200, 900),
        ("en", "Thousands fled the valley.", "Thousands", 2000, 9000),
        ("de", "Hunderttausende flohen.", "Hunderttausende", 200000, 900000),
        ("en", "Hundreds of thousands fled.", "Hundreds of thousands", 200000, 900000),
    ],
)
def test_vague_amounts(
    language: str, sentence: str, expected: str, low: float, high: float
) -> None:
    match = only(sentence, language)
    assert (match.text, match.qualifier) == (expected, "vague")
    assert (match.value, match.min, match.max) == (None, low, high)


@pytest.mark.parametrize(
    ("language", "sentence", "expected", "value"),
    [
        ("en", "Belmora expects a dozen to join.", "a dozen", 12),
        ("de", "Belmora erwartet ein Dutzend.", "ein Dutzend", 12),
        ("fr", "Belmora attend une douzaine de partenaires.", "une douzaine", 12),
        ("en", "Half a dozen have signed.", "Half a dozen", 6),
        ("fr", "Une vingtaine ont signé.", "Une vingtaine", 20),
        ("fr", "Un millier de personnes attendaient.", "Un millier", 1000),
    ],
)
def test_approximate_nouns_are_about(
    language: str, sentence: str, expected: str, value: float
) -> None:
    match = only(sentence, language)
    assert (match.text, match.value, match.qualifier) == (expected, value, "about")


def test_counted_dozens_are_exact() -> None:
    match = only("They ordered two dozen rifles.", "en")
    assert (match.text, match.value, match.qualifier) == ("two dozen", 24, "exact")


# --- ranges -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "expected", "low", "high"),
    [
        ("en", "It will take three to six months.", "three to six", 3, 6),
        ("en", "It will take 3-6 months.", "3-6", 3, 6),
        ("en", "It will take 3–6 months.", "3–6", 3, 6),
        ("en", "It will take between 3 and 6 months.", "between 3 and 6", 3, 6),
        ("de", "Es dauert zwischen 3 und 6 Monate.", "zwischen 3 und 6", 3, 6),
        ("fr", "Cela prendra entre 3 et 6 mois.", "entre 3 et 6", 3, 6),
        ("en", "They need 10,000 to 12,000 more.", "10,000 to 12,000", 10000, 12000),
        ("de", "Gebraucht werden 10.000 bis 12.000.", "10.000 bis 12.000", 10000, 12000),
        ("en", "Costs run to 2 to 3 million.", "2 to 3 million", 2e6, 3e6),
        ("de", "Es sind 100 bis 300 Milliarden.", "100 bis 300 Milliarden", 1e11, 3e11),
        ("en", "Two or three ministers resigned.", "Two or three", 2, 3),
        ("fr", "Le budget va de 2 à 4 millions.", "de 2 à 4 millions", 2e6, 4e6),
        ("en", "Between one hundred and two hundred came.", None, 100, 200),
    ],
)
def test_ranges(
    language: str, sentence: str, expected: str | None, low: float, high: float
) -> None:
    match = only(sentence, language)
    if expected is not None:
        assert match.text == expected
    assert (match.qualifier, match.value, match.min, match.max) == ("range", None, low, high)


def test_a_change_is_not_a_range() -> None:
    found = find_numbers("The contingent rose from 3,000 to 5,000 last year.", "en")
    assert [(m.text, m.qualifier) for m in found] == [("3,000", "exact"), ("5,000", "exact")]


def test_a_descending_pair_is_not_a_range() -> None:
    assert texts("The vote was 6-3 in favour.", "en") == ["6", "3"]


def test_two_bounds_joined_by_and_make_a_range() -> None:
    match = only("They want more than 10 and less than 40 observers.", "en")
    assert (match.qualifier, match.min, match.max) == ("range", 10, 40)
    assert match.text == "more than 10 and less than 40"


# --- qualifiers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "expected", "qualifier", "value", "low", "high"),
    [
        (
            "en",
            "Officials spoke of up to 25,000 in all.",
            "up to 25,000",
            "up_to",
            25000,
            None,
            25000,
        ),
        (
            "de",
            "Die Rede ist von bis zu 50.000 insgesamt.",
            "bis zu 50.000",
            "up_to",
            50000,
            None,
            50000,
        ),
        ("fr", "On parle de jusqu'à 600 au total.", "jusqu'à 600", "up_to", 600, None, 600),
        ("fr", "On parle de jusqu’à 600 au total.", "jusqu’à 600", "up_to", 600, None, 600),
        (
            "en",
            "Turnout was more than 800 on Sunday.",
            "more than 800",
            "more_than",
            800,
            800,
            None,
        ),
        ("de", "Es kamen mehr als 800 am Sonntag.", "mehr als 800", "more_than", 800, 800, None),
        ("de", "Es kamen über 800 am Sonntag.", "über 800", "more_than", 800, 800, None),
        ("fr", "Il en est venu plus de 800 dimanche.", "plus de 800", "more_than", 800, 800, None),
        (
            "fr",
            "Il en faudrait plus d'un million.",
            "plus d'un million",
            "more_than",
            1e6,
            1e6,
            None,
        ),
        (
            "en",
            "It needs at least 20,000 in theatre.",
            "at least 20,000",
            "at_least",
            20000,
            20000,
            None,
        ),
        (
            "de",
            "Es braucht mindestens 20.000 vor Ort.",
            "mindestens 20.000",
            "at_least",
            20000,
            20000,
            None,
        ),
        (
            "fr",
            "Il faut au moins 20 000 sur place.",
            "au moins 20 000",
            "at_least",
            20000,
            20000,
            None,
        ),
        ("en", "There were about 400 at the gate.", "about 400", "about", 400, None, None),
        ("en", "There were around 400 at the gate.", "around 400", "about", 400, None, None),
        ("en", "There were roughly 400 at the gate.", "roughly 400", "about", 400, None, None),
        ("en", "There were some 400 at the gate.", "some 400", "about", 400, None, None),
        ("de", "Es waren rund 15.000 vor Ort.", "rund 15.000", "about", 15000, None, None),
        ("de", "Es waren etwa 400 vor Ort.", "etwa 400", "about", 400, None, None),
        ("de", "Es waren ungefähr 400 vor Ort.", "ungefähr 400", "about", 400, None, None),
        ("de", "Es waren circa 400 vor Ort.", "circa 400", "about", 400, None, None),
        ("fr", "Ils étaient environ 400 sur place.", "environ 400", "about", 400, None, None),
        ("fr", "Ils étaient près de 400 sur place.", "près de 400", "about", 400, None, None),
        ("fr", "Ils étaient quelque 400 sur place.", "quelque 400", "about", 400, None, None),
        ("en", "There were fewer than 40 on board.", "fewer than 40", "less_than", 40, None, 40),
        ("de", "Es waren weniger als 40 an Bord.", "weniger als 40", "less_than", 40, None, 40),
        ("fr", "Ils étaient moins de 40 à bord.", "moins de 40", "less_than", 40, None, 40),
        ("en", "It asked for 20 or more by June.", "20 or more", "at_least", 20, 20, None),
        ("en", "More than a dozen have signed.", "More than a dozen", "more_than", 12, 12, None),
    ],
)
def test_qualifiers(
    language: str,
    sentence: str,
    expected: str,
    qualifier: str,
    value: float,
    low: float | None,
    high: float | None,
) -> None:
    match = only(sentence, language)
    assert (match.text, match.qualifier) == (expected, qualifier)
    assert (match.value, match.min, match.max) == (value, low, high)


def test_a_vague_amount_keeps_its_bound_under_a_qualifier() -> None:
    match = only("The strike drew up to tens of thousands.", "en")
    assert (match.qualifier, match.value, match.min, match.max) == ("up_to", None, None, 90000)


def test_over_between_two_numbers_is_a_ratio_not_a_bound() -> None:
    found = find_numbers("The vote went 5 over 3.", "en")
    assert [(m.text, m.qualifier) for m in found] == [("5", "exact"), ("3", "exact")]


def test_currency_sign_between_qualifier_and_number_stays_inside() -> None:
    match = only("Valdoria offered up to €40 million.", "en")
    assert match.text == "up to €40 million"
    assert (match.qualifier, match.max) == ("up_to", 4e7)


# --- fractions and signs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "expected", "value"),
    [
        ("en", "Two thirds voted in favour.", "Two thirds", 2 / 3),
        ("en", "A third of the budget is spent.", "A third", 1 / 3),
        ("de", "Zwei Drittel stimmten zu.", "Zwei Drittel", 2 / 3),
        ("fr", "Les trois quarts ont voté.", "trois quarts", 0.75),
        ("en", "It costs three quarters billion.", "three quarters billion", 7.5e8),
    ],
)
def test_fractions(language: str, sentence: str, expected: str, value: float) -> None:
    match = only(sentence, language)
    assert match.text == expected
    assert match.value == pytest.approx(value)


def test_an_ordinal_after_a_is_no_fraction() -> None:
    assert find_numbers("It is a third country.", "en") == []
    assert find_numbers("It was the twenty-fifth summit.", "en") == []
    assert find_numbers("C'est le vingt-cinquième sommet.", "fr") == []


def test_digits_before_quarters_are_no_fraction() -> None:
    match = only("Profits fell for 2 quarters.", "en")
    assert (match.text, match.value) == ("2", 2)


def test_minus_glued_to_digits_is_negative() -> None:
    match = only("Temperatures fell to -12 overnight.", "en")
    assert (match.text, match.value) == ("-12", -12)


# --- what is not an amount --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The 3rd battalion left on the 21st."),
        ("en", "They met on 16 March 2026 and again on March 20, 2026."),
        ("en", "The talks resume in 2026."),
        ("en", "The ceasefire held until 2024, since 1998 and by 2030."),
        ("en", "The session opens at 14:30 and ends at 6 pm."),
        ("en", "Call +44 20 7946 0958 for details."),
        ("en", "The mission rests on Article 5 and Resolution 2334."),
        ("en", "He was one of the negotiators and no one objected."),
        ("en", "The one who spoke was the envoy."),
        ("en", "The F-35 jets flew over; COVID-19 rules applied."),
        ("en", "The G7 met; 5G masts were debated; the 1990s were calmer."),
        ("en", "The plan ran from 2019 to 2021."),
        ("en", "The season 2023-24 was cut short."),
        ("de", "Am 4. Mai 2024 um 14 Uhr tagte der Rat."),
        ("de", "Er zitierte Artikel 24 Abs. 2 des Grundgesetzes."),
        ("de", "Der Einsatz begann im Jahr 2023 und seit 2019."),
        ("de", "Die 3. Panzerdivision zieht ab."),
        ("de", "Ein Sprecher sagte, man habe ein Angebot erhalten."),
        ("de", "Claudia Tausend sprach zuerst."),
        ("de", "Zwischen 2015 und 2018 gab es keine Mission."),
        ("fr", "Le 1er avril 2024 à 14h30, la réunion a commencé."),
        ("fr", "Selon l'article 35, l'un des ministres doit parler."),
        ("fr", "C'est la 2e fois en 2024."),
        ("fr", "Un porte-parole a annoncé une réunion."),
    ],
)
def test_things_that_are_not_amounts(language: str, sentence: str) -> None:
    assert texts(sentence, language) == []


def test_percentages_stay_numbers() -> None:
    match = only("Support fell to 27% in April.", "en")
    assert (match.text, match.value) == ("27", 27)


def test_a_year_like_number_counting_something_is_kept() -> None:
    match = only("Aurevia sent 2000 soldiers.", "en")
    assert (match.text, match.value) == ("2000", 2000)


def test_one_in_a_counting_sense_is_kept() -> None:
    match = only("Only one country declined.", "en")
    assert (match.text, match.value) == ("one", 1)


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("de", "Drovenien schickt nur ein Schiff.", "ein"),
        ("de", "Es kam ein einziger Soldat.", "ein"),
        ("fr", "Il reste un seul navire.", "un"),
    ],
)
def test_articles_count_only_in_a_counting_sense(
    language: str, sentence: str, expected: str
) -> None:
    match = only(sentence, language)
    assert (match.text, match.value) == (expected, 1)


def test_french_pour_cent_is_not_a_hundred() -> None:
    assert texts("Le chômage est de cinq pour cent.", "fr") == ["cinq"]


def test_unknown_language_falls_back_to_english_separators() -> None:
    match = only("They counted 25,000 in all.", "xx")
    assert match.value == 25000


def test_results_are_in_text_order_without_overlaps() -> None:
    text = (
        "Aurevia pledged 3,000 troops, Belmora 800 and Lorvain 150; officials speak of up to "
        "25,000, the think tank of at least 20,000 and state media of tens of thousands."
    )
    found = find_numbers(text, "en")
    assert [m.text for m in found] == [
        "3,000",
        "800",
        "150",
        "up to 25,000",
        "at least 20,000",
        "tens of thousands",
    ]
    for earlier, later in itertools.pairwise(found):
        assert earlier.end <= later.start
