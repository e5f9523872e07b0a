"""Units next to numbers and the figures built from them, in English, German and French."""

from __future__ import annotations

import pytest

from storyline.annotate.numbers import find_numbers
from storyline.annotate.units import UnitMatch, find_figures, find_unit
from storyline.document import Figure


def unit_of(text: str, language: str) -> UnitMatch | None:
    """The unit of the single number in ``text``, with its offsets checked."""
    numbers = find_numbers(text, language)
    assert len(numbers) == 1, [n.text for n in numbers]
    unit = find_unit(text, numbers[0], language)
    if unit is not None:
        assert text[unit.start : unit.end] == unit.text
    return unit


def figures(text: str, language: str) -> list[Figure]:
    found = find_figures(text, language)
    for figure in found:
        assert text[figure.start : figure.end] == figure.text
    return found


def only_figure(text: str, language: str) -> Figure:
    found = figures(text, language)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("language", "sentence", "word", "unit"),
    [
        ("en", "Aurevia pledged 3,000 troops on Monday.", "troops", "troops"),
        ("en", "Belmora will send 800 soldiers.", "soldiers", "troops"),
        ("en", "The unit has 40 personnel.", "personnel", "troops"),
        ("en", "Lorvain offers 150 engineers.", "engineers", "troops"),
        ("en", "It adds 20 medics.", "medics", "troops"),
        ("en", "The mission needs 900 peacekeepers.", "peacekeepers", "troops"),
        ("de", "Aurevia sagt 3.000 Soldaten zu.", "Soldaten", "troops"),
        ("de", "Es kommen 300 Soldatinnen hinzu.", "Soldatinnen", "troops"),
        ("de", "Gebraucht werden 5.000 Truppen.", "Truppen", "troops"),
        ("de", "Dort stehen 2.000 Kräfte bereit.", "Kräfte", "troops"),
        ("de", "Eine Truppe aus 12.000 Mann ist geplant.", "Mann", "troops"),
        ("de", "Drovenien schickt 600 Logistiksoldaten.", "Logistiksoldaten", "troops"),
        ("de", "Es sind 800 Bundeswehrsoldaten vor Ort.", "Bundeswehrsoldaten", "troops"),
        ("fr", "Aurevia promet 3 000 soldats.", "soldats", "troops"),
        ("fr", "La Belmora envoie 800 militaires.", "militaires", "troops"),
        ("fr", "La force compte 12 000 hommes.", "hommes", "troops"),
        ("fr", "On attend 900 casques bleus.", "casques bleus", "troops"),
        ("en", "Support came from eight countries.", "countries", "countries"),
        ("en", "Support came from 12 nations.", "nations", "countries"),
        ("en", "Support came from 27 member states.", "states", "countries"),
        ("de", "Beteiligt sind acht Länder.", "Länder", "countries"),
        ("de", "Beteiligt sind 12 Staaten.", "Staaten", "countries"),
        ("de", "Beteiligt sind 12 EU-Staaten.", "EU-Staaten", "countries"),
        ("fr", "Huit pays participent.", "pays", "countries"),
        ("fr", "Douze États participent.", "États", "countries"),
        ("en", "It sends 4 fighter jets.", "jets", "aircraft"),
        ("en", "It sends 6 planes.", "planes", "aircraft"),
        ("de", "Es schickt 4 Kampfjets.", "Kampfjets", "aircraft"),
        ("de", "Es schickt 6 Flugzeuge.", "Flugzeuge", "aircraft"),
        ("fr", "Elle envoie 4 avions de chasse.", "avions de chasse", "aircraft"),
        ("fr", "Elle envoie 4 chasseurs.", "chasseurs", "aircraft"),
        ("en", "The navy adds 2 frigates.", "frigates", "ships"),
        ("en", "The navy adds 3 vessels.", "vessels", "ships"),
        ("de", "Die Marine stellt 2 Fregatten.", "Fregatten", "ships"),
        ("de", "Die Marine stellt 3 Schiffe.", "Schiffe", "ships"),
        ("fr", "La marine fournit 2 frégates.", "frégates", "ships"),
        ("fr", "La marine fournit 3 navires.", "navires", "ships"),
        ("en", "The line runs 240 km east.", "km", "km"),
        ("de", "Die Linie ist 240 Kilometer lang.", "Kilometer", "km"),
        ("fr", "La ligne fait 240 kilomètres.", "kilomètres", "km"),
        ("en", "The flood displaced 2 million people.", "people", "people"),
        ("de", "Betroffen sind 2 Millionen Menschen.", "Menschen", "people"),
        ("fr", "Cela touche 2 millions de personnes.", "personnes", "people"),
        ("en", "The summit drew 30 heads of state.", "heads of state", "heads_of_state"),
        (
            "de",
            "Es kamen 30 Staats- und Regierungschefs.",
            "Staats- und Regierungschefs",
            "heads_of_state",
        ),
        ("fr", "Le sommet réunit 30 chefs d'État.", "chefs d'État", "heads_of_state"),
        ("en", "Support fell to 27 percent.", "percent", "percent"),
        ("en", "Support fell to 27 per cent.", "per cent", "percent"),
        ("en", "Support fell to 27%.", "%", "percent"),
        ("de", "Die Zustimmung sank auf 27 Prozent.", "Prozent", "percent"),
        ("fr", "Le soutien tombe à 27 %.", "%", "percent"),
        ("fr", "Le soutien tombe à 27 pour cent.", "pour cent", "percent"),
    ],
)
def test_unit_nouns(language: str, sentence: str, word: str, unit: str) -> None:
    found = unit_of(sentence, language)
    assert found is not None
    assert (found.text, found.unit) == (word, unit)


@pytest.mark.parametrize(
    ("language", "sentence", "mark", "unit"),
    [
        ("en", "Valdoria pledged €40 million.", "€", "money:EUR"),
        ("en", "Washington adds $3bn.", "$", "money:USD"),
        ("en", "London adds £25 million.", "£", "money:GBP"),
        ("en", "Ottawa adds C$12 million.", "C$", "money:CAD"),
        ("en", "Canberra adds A$5 million.", "A$", "money:AUD"),
        ("en", "The bank lent US$ 150 million.", "US$", "money:USD"),
        ("en", "The fund holds EUR 40 million.", "EUR", "money:EUR"),
        ("en", "The fund holds 40 million euros.", "euros", "money:EUR"),
        ("en", "The fund holds 40 million dollars.", "dollars", "money:USD"),
        ("en", "The fund holds 40 million Swiss francs.", "Swiss francs", "money:CHF"),
        ("en", "The fund holds 40 million USD.", "USD", "money:USD"),
        ("de", "Valdoria stellt 40 Mio. Euro bereit.", "Euro", "money:EUR"),
        ("de", "Valdoria stellt 40 Millionen Dollar bereit.", "Dollar", "money:USD"),
        (
            "de",
            "Valdoria stellt 16,4 Millionen kanadische Dollar bereit.",
            "kanadische Dollar",
            "money:CAD",
        ),
        ("de", "Der Etat beträgt 12 500 EUR.", "EUR", "money:EUR"),
        ("de", "Das kostet 94.000 $.", "$", "money:USD"),
        ("fr", "Valdoria débloque 40 millions d'euros.", "euros", "money:EUR"),
        ("fr", "Valdoria débloque 40 millions de dollars.", "dollars", "money:USD"),
        ("fr", "Valdoria débloque 40 M€.", "€", "money:EUR"),
        ("fr", "Valdoria débloque 75 millions de $.", "$", "money:USD"),
        ("fr", "Le prêt atteint 5 millions de livres.", "livres", "money:GBP"),
    ],
)
def test_money(language: str, sentence: str, mark: str, unit: str) -> None:
    found = unit_of(sentence, language)
    assert found is not None
    assert (found.text, found.unit) == (mark, unit)


def test_an_article_before_a_dollar_sign_is_no_currency_prefix() -> None:
    found = unit_of("They charged a $5 fee.", "en")
    assert found is not None
    assert (found.text, found.unit) == ("$", "money:USD")


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The talks lasted 3 days."),
        ("en", "Only 12 of the members voted."),
        ("en", "The 40 were released at dawn."),
        ("de", "Es gibt 300 Arbeitskräfte."),
        ("de", "Die 16 Bundesländer stimmen zu."),
        ("fr", "Les 3 ont été libérés."),
        ("en", "He counted 12.\n\nSoldiers arrived later."),
        ("fr", "Cela coûte 50 cents de plus."),
    ],
)
def test_no_unit(language: str, sentence: str) -> None:
    assert unit_of(sentence, language) is None


def test_modifiers_between_number_and_noun_are_skipped() -> None:
    found = unit_of("Belmora sends 800 additional Belmoran soldiers.", "en")
    assert found is not None and (found.text, found.unit) == ("soldiers", "troops")
    found = unit_of("Berlin schickt 150 zusätzliche Soldaten.", "de")
    assert found is not None and (found.text, found.unit) == ("Soldaten", "troops")


def test_three_modifiers_are_too_many() -> None:
    assert unit_of("It sent 800 extra well trained Belmoran soldiers.", "en") is None


def test_hyphenated_units() -> None:
    found = unit_of("A 12,000-strong force is planned.", "en")
    assert found is not None and (found.text, found.unit) == ("strong", "troops")
    found = unit_of("A 240-kilometre line is drawn.", "en")
    assert found is not None and (found.text, found.unit) == ("kilometre", "km")


def test_a_force_noun_before_the_number() -> None:
    found = unit_of("Aurevia plans a force of 12,000.", "en")
    assert found is not None and (found.text, found.unit) == ("force", "troops")
    found = unit_of("Paris évoque une force de 12 000.", "fr")
    assert found is not None and (found.text, found.unit) == ("force", "troops")
    found = unit_of("Berlin plant eine Schutztruppe von 12.000.", "de")
    assert found is not None and (found.text, found.unit) == ("Schutztruppe", "troops")


# --- figures ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "text", "value", "low", "high", "qualifier", "unit"),
    [
        (
            "en",
            "Officials spoke of up to 25,000 troops.",
            "up to 25,000 troops",
            25000,
            None,
            25000,
            "up_to",
            "troops",
        ),
        (
            "de",
            "Die Rede ist von bis zu 50.000 Soldaten.",
            "bis zu 50.000 Soldaten",
            50000,
            None,
            50000,
            "up_to",
            "troops",
        ),
        (
            "fr",
            "Il y aurait environ 25 000 soldats.",
            "environ 25 000 soldats",
            25000,
            None,
            None,
            "about",
            "troops",
        ),
        (
            "en",
            "Valdoria pledged €40 million.",
            "€40 million",
            4e7,
            None,
            None,
            "exact",
            "money:EUR",
        ),
        (
            "de",
            "Valdoria sagt 40 Mio. Euro zu.",
            "40 Mio. Euro",
            4e7,
            None,
            None,
            "exact",
            "money:EUR",
        ),
        (
            "fr",
            "Valdoria promet 40 millions d'euros.",
            "40 millions d'euros",
            4e7,
            None,
            None,
            "exact",
            "money:EUR",
        ),
        (
            "en",
            "Valdoria pledged up to €40 million.",
            "up to €40 million",
            4e7,
            None,
            4e7,
            "up_to",
            "money:EUR",
        ),
        (
            "en",
            "State media spoke of tens of thousands of troops.",
            "tens of thousands of troops",
            None,
            20000,
            90000,
            "vague",
            "troops",
        ),
        (
            "de",
            "Zehntausende Soldaten seien bereit.",
            "Zehntausende Soldaten",
            None,
            20000,
            90000,
            "vague",
            "troops",
        ),
        (
            "fr",
            "Des dizaines de milliers de soldats attendent.",
            "Des dizaines de milliers de soldats",
            None,
            20000,
            90000,
            "vague",
            "troops",
        ),
        (
            "en",
            "Belmora expects a dozen countries.",
            "a dozen countries",
            12,
            None,
            None,
            "about",
            "countries",
        ),
        (
            "fr",
            "Belmora attend une douzaine de pays.",
            "une douzaine de pays",
            12,
            None,
            None,
            "about",
            "countries",
        ),
        (
            "en",
            "It needs between 3,000 and 5,000 troops.",
            "between 3,000 and 5,000 troops",
            None,
            3000,
            5000,
            "range",
            "troops",
        ),
        (
            "de",
            "Es braucht mindestens 20.000 Soldaten.",
            "mindestens 20.000 Soldaten",
            20000,
            20000,
            None,
            "at_least",
            "troops",
        ),
        (
            "en",
            'Officials spoke of "up to 25,000" troops.',
            'up to 25,000" troops',
            25000,
            None,
            25000,
            "up_to",
            "troops",
        ),
    ],
)
def test_figures(
    language: str,
    sentence: str,
    text: str,
    value: float | None,
    low: float | None,
    high: float | None,
    qualifier: str,
    unit: str,
) -> None:
    figure = only_figure(sentence, language)
    assert (figure.text, figure.unit, figure.qualifier) == (text, unit, qualifier)
    assert (figure.value, figure.min, figure.max) == (value, low, high)
    assert figure.claimed_by is None and figure.measures is None


def test_numbers_without_a_unit_are_no_figures() -> None:
    assert figures("On day 3 the 2024 budget was debated for 12 hours.", "en") == []


def test_a_news_paragraph_in_english() -> None:
    text = (
        "SELMONT, March 16 - Aurevia will contribute 3,000 troops to a force of 12,000, "
        "citing Article 5 of the 1998 treaty. Belmora pledged 800 soldiers and 4 fighter "
        "jets; Lorvain 150 engineers. The ceasefire line is 240 km long, and one of the "
        "envoys said Valdoria would give €40 million."
    )
    got = [(f.text, f.value, f.unit) for f in figures(text, "en")]
    assert got == [
        ("3,000 troops", 3000, "troops"),
        ("force of 12,000", 12000, "troops"),
        ("800 soldiers", 800, "troops"),
        ("4 fighter jets", 4, "aircraft"),
        ("150 engineers", 150, "troops"),
        ("240 km", 240, "km"),
        ("€40 million", 4e7, "money:EUR"),
    ]


def test_a_news_paragraph_in_german() -> None:
    text = (
        "HALLSTEDT, 24. April – Drovenien soll bis zu 600 Logistiksoldaten entsenden. "
        "Laut Artikel 24 Abs. 2 ist ein Mandat nötig. Die Zeitung nennt rund 15.000 Soldaten "
        "für die gesamte Truppe, 2,1 Prozent mehr als im Jahr 2024."
    )
    got = [(f.text, f.value, f.qualifier, f.unit) for f in figures(text, "de")]
    assert got == [
        ("bis zu 600 Logistiksoldaten", 600, "up_to", "troops"),
        ("rund 15.000 Soldaten", 15000, "about", "troops"),
        ("2,1 Prozent", 2.1, "exact", "percent"),
    ]


def test_a_news_paragraph_in_french() -> None:
    text = (
        "CASTELBRUN, 15 avril (AFP) - La Belmora enverra 800 militaires et 4 avions de chasse, "
        "a annoncé le 15 avril 2026 à 10 h 30 l'un des porte-parole. Une vingtaine de pays "
        "pourraient suivre ; le coût, 40 millions d'euros, représente 0,3 % du budget."
    )
    got = [(f.text, f.value, f.qualifier, f.unit) for f in figures(text, "fr")]
    assert got == [
        ("800 militaires", 800, "exact", "troops"),
        ("4 avions de chasse", 4, "exact", "aircraft"),
        ("Une vingtaine de pays", 20, "about", "countries"),
        ("40 millions d'euros", 4e7, "exact", "money:EUR"),
        ("0,3 %", 0.3, "exact", "percent"),
    ]


@pytest.mark.parametrize(
    ("language", "sentence", "text", "unit"),
    [
        ("de", "Drovenien schickt nur ein Schiff.", "ein Schiff", "ships"),
        ("fr", "Il reste un seul navire.", "un seul navire", "ships"),
        ("en", "Only one country declined.", "one country", "countries"),
    ],
)
def test_one_in_a_counting_sense_is_a_figure(
    language: str, sentence: str, text: str, unit: str
) -> None:
    figure = only_figure(sentence, language)
    assert (figure.text, figure.value, figure.unit) == (text, 1, unit)


def test_an_article_alone_is_no_figure() -> None:
    assert figures("Ein Soldat wurde verletzt.", "de") == []
    assert figures("Un soldat a été blessé.", "fr") == []
