"""German reporting constructions of the quotes component, on sentences written for these tests:
sources after "nach", postpositions, word order (participles, passives, subordinate and
relative clauses, appositions), "heißt es", demonstratives, continuations and speech acts."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.annotate.quotes import make_quotes
from storyline.document import Document, Quote
from test_quotes_support import analyse, by_text, kb_file


@pytest.fixture
def kb(tmp_path: Path) -> str:
    return kb_file(tmp_path)


def only(quotes: list[Quote], text: str) -> Quote:
    q = by_text(quotes, text)
    assert q.speaker_span is not None
    return q


def test_nach_with_a_noun_of_information_is_an_attribution(kb: str) -> None:
    text = (
        "Nach Angaben der Hafenbehörde liegen vierzehn Frachter vor Anker.\n"
        "Die Fähre werde nach Einschätzung von Fachleuten erst im Mai wieder fahren.\n"
        "Nach Polizeiangaben wurden drei Matrosen leicht verletzt.\n"
        "Seiner Ansicht nach ist der Vertrag über die Fischereirechte gescheitert.\n"
        "Die Delegation reiste am Montag nach Norland weiter."
    )
    quotes = analyse(text, "de", kb)
    first = only(quotes, "liegen vierzehn Frachter vor Anker")
    assert (first.cue, first.speaker_text) == ("Nach", "Angaben der Hafenbehörde")
    inner = next(q for q in quotes if "erst im Mai" in q.text)
    assert (inner.cue, inner.speaker_text) == ("nach", "Einschätzung von Fachleuten")
    compound = only(quotes, "wurden drei Matrosen leicht verletzt")
    assert compound.speaker_text == "Polizeiangaben"
    post = only(quotes, "ist der Vertrag über die Fischereirechte gescheitert")
    assert (post.cue, post.speaker_text) == ("nach", "Seiner Ansicht")
    # "nach Norland" is a destination, not a source.
    assert not any("Delegation" in q.text for q in quotes)


def test_zufolge_and_laut_take_long_noun_phrases(kb: str) -> None:
    text = (
        "Einem am Montag veröffentlichten Bericht des Rechnungshofs zufolge fehlen "
        "vierzig Millionen Euro.\n"
        "Laut dem Direktor der staatlichen Werft Hanno Sell beginnt der Bau im Juli."
    )
    quotes = analyse(text, "de", kb)
    zufolge = only(quotes, "fehlen vierzig Millionen Euro")
    assert zufolge.speaker_text == "Einem am Montag veröffentlichten Bericht des Rechnungshofs"
    laut = only(quotes, "beginnt der Bau im Juli")
    assert laut.speaker_text == "dem Direktor der staatlichen Werft Hanno Sell"


def test_participle_cue_takes_the_subject_not_the_object(kb: str) -> None:
    text = (
        "Am Montag hatte der Bürgermeister erklärt, die Brücke sei sicher.\n"
        "Kern hatte besonders die Rolle der Lotsen betont: „Ohne sie läuft im Hafen nichts.“"
    )
    quotes = analyse(text, "de", kb)
    erklaert = only(quotes, "die Brücke sei sicher")
    assert (erklaert.speaker_text, erklaert.cue) == ("der Bürgermeister", "erklärt")
    betont = only(quotes, "Ohne sie läuft im Hafen nichts.")
    assert (betont.speaker, betont.cue) == ("person:tobias-kern", "betont")


def test_passive_names_its_speaker_with_von_or_not_at_all(kb: str) -> None:
    text = (
        "Vom Verband der Reeder wurde kritisiert, dass die Gebühren erneut steigen.\n"
        "Es wurde beschlossen, die Fähre im Winter nicht mehr einzusetzen."
    )
    quotes = analyse(text, "de", kb)
    agent = only(quotes, "die Gebühren erneut steigen")
    assert (agent.speaker_text, agent.cue) == ("Verband der Reeder", "kritisiert")
    none = by_text(quotes, "die Fähre im Winter nicht mehr einzusetzen")
    assert (none.speaker_span, none.cue) == (None, "beschlossen")


def test_wie_clauses_before_and_after_the_message(kb: str) -> None:
    text = (
        "Wie die Sprecherin der Hafenbehörde, Anna Weber, mitteilte, bleibt der Kanal gesperrt.\n"
        "Die Schleuse sei beschädigt, wie ein Sprecher des Ministeriums mitteilte."
    )
    quotes = analyse(text, "de", kb)
    before = only(quotes, "bleibt der Kanal gesperrt")
    assert before.speaker_text == "die Sprecherin der Hafenbehörde, Anna Weber"
    after = only(quotes, "Die Schleuse sei beschädigt")
    assert (after.speaker_text, after.cue) == ("ein Sprecher des Ministeriums", "mitteilte")


def test_heisst_es_takes_the_place_as_source(kb: str) -> None:
    text = "In dem Gutachten der Ingenieure heißt es, die Schleuse sei veraltet."
    q = only(analyse(text, "de", kb), "die Schleuse sei veraltet")
    assert (q.speaker_text, q.cue) == ("In dem Gutachten der Ingenieure", "heißt es")


def test_demonstrative_points_back_to_the_statement(kb: str) -> None:
    text = (
        "Die Fähre nach Norland fällt bis Freitag aus. Dies bestätigte ein Sprecher der Reederei.\n"
        "Der Kanal ist seit dem Morgen wieder frei, das teilte die Hafenbehörde mit."
    )
    quotes = analyse(text, "de", kb)
    back = only(quotes, "Die Fähre nach Norland fällt bis Freitag aus")
    assert (back.speaker_text, back.cue) == ("ein Sprecher der Reederei", "bestätigte")
    tail = only(quotes, "Der Kanal ist seit dem Morgen wieder frei")
    assert (tail.speaker_text, tail.cue) == ("die Hafenbehörde", "teilte")


def test_trailing_so_verb_and_separable_particle(kb: str) -> None:
    text = (
        "Die Werft stehe vor dem Aus, so behauptet die Gewerkschaft der Werftarbeiter.\n"
        "Die Kantine bleibe offen, fügte der Betriebsrat hinzu."
    )
    quotes = analyse(text, "de", kb)
    so = only(quotes, "Die Werft stehe vor dem Aus")
    assert (so.speaker_text, so.cue) == ("die Gewerkschaft der Werftarbeiter", "so behauptet")
    particle = only(quotes, "Die Kantine bleibe offen")
    assert particle.speaker_text == "der Betriebsrat"


def test_appositions_and_relative_clauses_around_the_subject(kb: str) -> None:
    text = (
        "Jana Berg, die Vorsitzende des Fischereiverbands, sagte, die Quoten seien zu niedrig.\n"
        "Berg, die seit drei Jahren im Amt ist, sagte, die Preise seien stabil.\n"
        "Die Reederei, die neue Schiffe angekündigt hatte, verschob den Termin auf Juni."
    )
    quotes = analyse(text, "de", kb)
    appo = only(quotes, "die Quoten seien zu niedrig")
    assert appo.speaker_text == "Jana Berg, die Vorsitzende des Fischereiverbands"
    rel = only(quotes, "die Preise seien stabil")
    assert rel.speaker_text == "Berg"
    # The relative clause ends and the main clause goes on: nothing is reported.
    assert not any("Termin" in q.text for q in quotes)


def test_subject_after_the_verb_and_quotation_after_a_colon_sentence(kb: str) -> None:
    text = (
        "Dies sagte am Dienstagabend der Hafenmeister von Kiel.\n"
        "Im Interview äußerte sich die Ministerin zuversichtlich:\n"
        "„Die Fähre kommt im Sommer zurück.“\n"
        "Er forderte: „Wir brauchen einen zweiten Kai.“\n"
        "Der Kapitän verließ als Letzter die Brücke und rief: „Alle von Bord!“"
    )
    quotes = analyse(text, "de", kb)
    colon = only(quotes, "Die Fähre kommt im Sommer zurück.")
    assert (colon.speaker_text, colon.cue) == ("die Ministerin", "äußerte")
    assert only(quotes, "Wir brauchen einen zweiten Kai.").speaker_text == "Er"
    coordinated = only(quotes, "Alle von Bord!")
    assert (coordinated.speaker_text, coordinated.cue) == ("Der Kapitän", "rief")


def test_continuations_need_a_speaker_who_said_something(kb: str) -> None:
    text = (
        "Die Ministerin kritisierte die Pläne der Reederei. Die Preise seien viel zu hoch.\n"
        "Der Hafen liegt im Norden der Stadt.\n"
        "Die Stadt Kiel soll wieder wachsen. Dazu soll ein neuer Hafen entstehen.\n"
        "Kern erklärte, die Grenze bleibe zu. Demnach fahren vorerst keine Lastwagen."
    )
    quotes = analyse(text, "de", kb)
    anchored = by_text(quotes, "Die Preise seien viel zu hoch")
    assert (anchored.speaker_text, anchored.cue) == ("Die Ministerin", None)
    assert not any("neuer Hafen" in q.text for q in quotes)
    demnach = by_text(quotes, "Demnach fahren vorerst keine Lastwagen")
    assert demnach.speaker == "person:tobias-kern"


def test_opinions_need_dass_and_titles_inside_the_source_are_no_quotes(kb: str) -> None:
    text = (
        "Ich denke die Lage ist ernst, aber sie ist lösbar.\n"
        "Ich glaube, dass die Lage ernst ist.\n"
        "Nach einem Bericht der „Küstenpost“ ist die Werft verkauft."
    )
    quotes = analyse(text, "de", kb)
    assert not any("lösbar" in q.text for q in quotes)
    assert by_text(quotes, "die Lage ernst ist").speaker_text == "Ich"
    report = only(quotes, "ist die Werft verkauft")
    assert report.speaker_text == "einem Bericht der „Küstenpost“"
    assert not any(q.text == "Küstenpost" for q in quotes)


def test_quotation_after_a_sentence_that_introduces_its_speaker(kb: str) -> None:
    text = "Jana Berg kritisierte die neuen Quoten scharf. „Davon kann kein Betrieb leben.“"
    q = by_text(analyse(text, "de", kb), "Davon kann kein Betrieb leben.")
    assert q.speaker_text == "Jana Berg"


def test_speech_acts_only_with_the_setting(kb: str) -> None:
    text = (
        "Am Montag forderte der Verband der Reeder neue Schleusen für den Kanal.\n"
        "Der Verband warnte vor einem langen Streik im Hafen."
    )
    plain = analyse(text, "de", kb)
    assert not any("neue Schleusen" in q.text for q in plain)
    warned = by_text(plain, "vor einem langen Streik im Hafen")
    assert (warned.speaker_text, warned.cue) == ("Der Verband", "warnte")
    doc = Document.from_raw(text, "t", text=text, language="de")
    component = make_quotes({"speech_acts": True}, {})
    assert component.speech_acts
    acts = list(component(doc).quotes)
    demand = by_text(acts, "neue Schleusen für den Kanal")
    assert (demand.speaker_text, demand.cue) == ("der Verband der Reeder", "forderte")
    assert text[demand.start : demand.end] == demand.text
    assert demand.speaker_span is not None
    assert text[demand.speaker_span[0] : demand.speaker_span[1]] == "der Verband der Reeder"


def test_parenthetical_so_hervorgehen_and_dates_in_the_frame(kb: str) -> None:
    text = (
        "Der Grund für die Sperrung, so vermutet die Zeitung Nordpost, sei ein Riss im Kai.\n"
        "Im Hafen sind zwei Kräne umgestürzt. Dies geht aus einem Bericht der Hafenpolizei "
        "hervor.\n"
        "Die Reederei empfahl am 3. Januar allen Fahrgästen, die Fähre nicht zu nutzen."
    )
    quotes = analyse(text, "de", kb)
    inner = only(quotes, text[: text.index(" Riss im Kai") + len(" Riss im Kai")])
    assert (inner.speaker_text, inner.cue) == ("die Zeitung Nordpost", "so vermutet")
    source = only(quotes, "Im Hafen sind zwei Kräne umgestürzt")
    assert (source.speaker_text, source.cue) == ("einem Bericht der Hafenpolizei", "geht")
    dated = only(quotes, "die Fähre nicht zu nutzen")
    assert (dated.speaker_text, dated.cue) == ("Die Reederei", "empfahl")


def test_subject_phrases_with_several_appositions_places_and_negated_adjectives(
    kb: str,
) -> None:
    text = (
        "Der Vorsitzende der Fischer, Sprecher der Küstenorte, Ole Brandt, nannte die Quote "
        "„eine Zumutung“.\n"
        "Ein nicht genannter Vertreter der Werft bezeichnete den Verkauf als „Fehler“.\n"
        "Das bestätigte die Reederei in Bremen.\n"
        "„Der Kai ist sicher“, erklärte Brandt in einem Interview.\n"
        "„Die Lage ist ernst“, hieß es vom Sprecher der Hafenpolizei."
    )
    quotes = analyse(text, "de", kb)
    chain = only(quotes, "eine Zumutung")
    assert chain.speaker_text == "Der Vorsitzende der Fischer, Sprecher der Küstenorte, Ole Brandt"
    assert only(quotes, "Fehler").speaker_text == "Ein nicht genannter Vertreter der Werft"
    interview = only(quotes, "Der Kai ist sicher")
    assert interview.speaker_text == "Brandt"
    place = only(quotes, "Die Lage ist ernst")
    assert (place.speaker_text, place.cue) == ("Sprecher der Hafenpolizei", "hieß es")


def test_fronted_phrase_before_coordinated_verbs(kb: str) -> None:
    text = (
        "Auf ihrer Website zeigte sich die Reederei bestürzt und verurteilte den Angriff als "
        "„feigen Anschlag“."
    )
    q = only(analyse(text, "de", kb), "feigen Anschlag")
    assert (q.speaker_text, q.cue) == ("die Reederei", "verurteilte")
