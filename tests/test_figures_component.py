"""The figures component: numbers and units in en/de/fr, what they measure, who claims them."""

from __future__ import annotations

import pytest

from storyline.annotate.figures import Figures, make_figures
from storyline.document import Document, Figure
from test_positions_support import analyse, document


def figure(doc: Document, text: str) -> Figure:
    found = [f for f in doc.figures if f.text == text]
    assert len(found) == 1, [f.text for f in doc.figures]
    f = found[0]
    assert doc.text[f.start : f.end] == text
    return f


@pytest.mark.parametrize(
    ("language", "text", "span", "value", "bounds", "qualifier", "unit"),
    [
        (
            "en",
            "Vestria will send 25,000 troops.",
            "25,000 troops",
            25000,
            (None, None),
            "exact",
            "troops",
        ),
        (
            "de",
            "Vestrien schickt 25.000 Soldaten.",
            "25.000 Soldaten",
            25000,
            (None, None),
            "exact",
            "troops",
        ),
        (
            "fr",
            "La Vestrie enverra 25 000 soldats.",
            "25 000 soldats",
            25000,
            (None, None),
            "exact",
            "troops",
        ),
        (
            "en",
            "The council wants 25k troops on the line.",
            "25k troops",
            25000,
            (None, None),
            "exact",
            "troops",
        ),
        (
            "de",
            "Man spricht von fünfundzwanzigtausend Soldaten.",
            "fünfundzwanzigtausend Soldaten",
            25000,
            (None, None),
            "exact",
            "troops",
        ),
        (
            "fr",
            "On parle de vingt-cinq mille soldats.",
            "vingt-cinq mille soldats",
            25000,
            (None, None),
            "exact",
            "troops",
        ),
        (
            "en",
            "A few thousand soldiers are on standby.",
            "A few thousand soldiers",
            None,
            (2000, 9000),
            "vague",
            "troops",
        ),
        (
            "en",
            "Several hundred soldiers are on standby.",
            "Several hundred soldiers",
            None,
            (200, 900),
            "vague",
            "troops",
        ),
        (
            "fr",
            "Des dizaines de milliers de civils ont fui.",
            "Des dizaines de milliers de civils",
            None,
            (20000, 90000),
            "vague",
            "people",
        ),
        (
            "en",
            "Three to six ships will patrol the zone.",
            "Three to six ships",
            None,
            (3, 6),
            "range",
            "ships",
        ),
        (
            "de",
            "Bis zu 50.000 Soldaten könnten kommen.",
            "Bis zu 50.000 Soldaten",
            50000,
            (None, 50000),
            "up_to",
            "troops",
        ),
        (
            "en",
            "More than 12 countries took part.",
            "More than 12 countries",
            12,
            (12, None),
            "more_than",
            "countries",
        ),
        (
            "en",
            "About 300 people attended.",
            "About 300 people",
            300,
            (None, None),
            "about",
            "people",
        ),
        (
            "de",
            "Rund 15 Staaten machen mit.",
            "Rund 15 Staaten",
            15,
            (None, None),
            "about",
            "countries",
        ),
        (
            "fr",
            "Environ 12 pays participent.",
            "Environ 12 pays",
            12,
            (None, None),
            "about",
            "countries",
        ),
        (
            "en",
            "Seven heads of state attended.",
            "Seven heads of state",
            7,
            (None, None),
            "exact",
            "heads_of_state",
        ),
        (
            "de",
            "Zwölf Staats- und Regierungschefs kamen.",
            "Zwölf Staats- und Regierungschefs",
            12,
            (None, None),
            "exact",
            "heads_of_state",
        ),
        (
            "fr",
            "Huit chefs d'État sont venus.",
            "Huit chefs d'État",
            8,
            (None, None),
            "exact",
            "heads_of_state",
        ),
        (
            "en",
            "Four fighter jets flew over.",
            "Four fighter jets",
            4,
            (None, None),
            "exact",
            "aircraft",
        ),
        ("de", "Drei Fregatten liefen aus.", "Drei Fregatten", 3, (None, None), "exact", "ships"),
        ("fr", "Deux frégates patrouillent.", "Deux frégates", 2, (None, None), "exact", "ships"),
        ("en", "The fund received $12m.", "$12m", 12_000_000, (None, None), "exact", "money:USD"),
        (
            "de",
            "Der Fonds erhielt 40 Mio. Euro.",
            "40 Mio. Euro",
            40_000_000,
            (None, None),
            "exact",
            "money:EUR",
        ),
        (
            "fr",
            "Le fonds a reçu 40 millions d'euros.",
            "40 millions d'euros",
            40_000_000,
            (None, None),
            "exact",
            "money:EUR",
        ),
        # units the shared lexicon lacks, known to the position lexicon
        (
            "de",
            "Lorvain schickt 150 Militär-Ingenieure.",
            "150 Militär-Ingenieure",
            150,
            (None, None),
            "exact",
            "troops",
        ),
        (
            "fr",
            "On évoque quelques centaines de logisticiens.",
            "quelques centaines de logisticiens",
            None,
            (200, 900),
            "vague",
            "troops",
        ),
        (
            "de",
            "Vestrien schickt zwei Patrouillenboote.",
            "zwei Patrouillenboote",
            2,
            (None, None),
            "exact",
            "ships",
        ),
    ],
)
def test_number_formats_and_units(
    language: str,
    text: str,
    span: str,
    value: float | None,
    bounds: tuple[float | None, float | None],
    qualifier: str,
    unit: str,
) -> None:
    f = figure(analyse(text, language), span)
    assert (f.value, (f.min, f.max), f.qualifier, f.unit) == (value, bounds, qualifier, unit)


def test_a_pledge_belongs_to_the_pledging_actor() -> None:
    doc = analyse("Vestria will send two patrol ships and €3 million to enforce the quota.")
    ships, money = figure(doc, "two patrol ships"), figure(doc, "€3 million")
    assert (ships.measures, ships.claimed_by) == ("pledge", "country:XVS")
    assert (money.measures, money.claimed_by) == ("pledge", "country:XVS")


def test_enumerated_pledges_each_have_their_owner() -> None:
    doc = analyse(
        "Pledges for the quota patrols have come from Vestria (12 ships), Korsholm (8 ships "
        "and two aircraft) and Brenmark (3 ships)."
    )
    owners = {f.text: (f.measures, f.claimed_by) for f in doc.figures}
    assert owners == {
        "12 ships": ("pledge", "country:XVS"),
        "8 ships": ("pledge", "country:XKH"),
        "two aircraft": ("pledge", "country:XKH"),
        "3 ships": ("pledge", "country:XBM"),
    }


def test_what_a_figure_measures() -> None:
    doc = analyse(
        "The Vestrian plan puts the patrol force at 30 ships. According to Korsholm, 45 ships "
        "would be needed to police the quota. Twelve countries are ready to take part, the "
        "council said. The council set aside €2 million for the budget of the patrols."
    )
    assert figure(doc, "30 ships").measures == "force_size"
    needed = figure(doc, "45 ships")
    assert (needed.measures, needed.claimed_by) == ("forces_needed", "country:XKH")
    assert figure(doc, "Twelve countries").measures == "participating_countries"
    assert figure(doc, "€2 million").measures == "budget"


def test_claimant_named_after_the_figure_and_elliptical_unit() -> None:
    doc = analyse(
        "The Vestrian plan puts the patrol force at 30 ships, far short of the 45 that "
        "Korsholm officials have called necessary."
    )
    first, second = figure(doc, "30 ships"), figure(doc, "45")
    assert second.unit == "ships"  # the unit of the figure it parallels
    assert second.claimed_by == "country:XKH"
    assert first.claimed_by is None  # the plan's author is named by no entity


def test_unnamed_source_claims_nothing() -> None:
    text = "Nach Informationen des Tagesboten plant Vestrien mit rund 15.000 Soldaten."
    f = figure(analyse(text, "de"), "rund 15.000 Soldaten")
    assert (f.claimed_by, f.qualifier, f.value) == (None, "about", 15000)


def test_reported_speech_is_claimed_by_the_speaker() -> None:
    text = (
        "Das vestrische Staatsfernsehen behauptete, der Fischereirat wolle 50.000 fremde "
        "Soldaten an der Küste stationieren."
    )
    f = figure(analyse(text, "de"), "50.000 fremde Soldaten")
    assert (f.claimed_by, f.measures, f.certainty) == ("country:XVS", "force_size", "alleged")


def test_not_one_is_no_figure() -> None:
    doc = analyse("“Not one ship has been withdrawn,” Vell said about the quota patrols.")
    assert doc.figures == ()
    assert figure(analyse("Vestria sent one ship."), "one ship").value == 1


def test_component_contract() -> None:
    component = make_figures({}, {"components": {"entities": {"kb_files": []}}})
    assert isinstance(component, Figures)
    assert component.name == "figures"
    assert component.assigns == frozenset({"figures"})
    doc = component(document("Vestria will send 25,000 troops."))
    assert [f.text for f in doc.figures] == ["25,000 troops"]
