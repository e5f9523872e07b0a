"""The quotes component on sentences written for these tests (en, de, fr)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.annotate.quotes import make_quotes, statement_context
from storyline.document import Document, Hop, Quote
from test_quotes_support import analyse, by_text, kb_file


@pytest.fixture
def kb(tmp_path: Path) -> str:
    return kb_file(tmp_path)


def hops(q: Quote) -> list[tuple[str, str]]:
    return [(h.kind, h.text) for h in q.chain]


# --- English ---------------------------------------------------------------------------------


def test_english_direct_quotes_with_trailing_leading_and_interrupted_attribution(kb: str) -> None:
    text = (
        "“The harbour will reopen on Friday,” Mara Lind told reporters in the capital.\n"
        "“We have waited long enough,” Lind said, “and the ships are ready.”\n"
        "Tobias Kern said: “Nobody is leaving the table.”\n"
        '"The convoy is late again," said Tobias Kern.'
    )
    quotes = analyse(text, "en", kb)
    first = by_text(quotes, "The harbour will reopen on Friday")
    assert (first.kind, first.speaker, first.cue) == ("direct", "person:mara-lind", "told")
    assert first.speaker_text == "Mara Lind"
    assert by_text(quotes, "We have waited long enough").speaker == "person:mara-lind"
    second_part = by_text(quotes, "and the ships are ready.")
    assert (second_part.kind, second_part.speaker) == ("direct", "person:mara-lind")
    colon = by_text(quotes, "Nobody is leaving the table.")
    assert (colon.speaker, colon.cue) == ("person:tobias-kern", "said")
    inverted = by_text(quotes, "The convoy is late again")
    assert (inverted.speaker, inverted.cue) == ("person:tobias-kern", "said")
    assert hops(first) == [("outlet", "Test Wire"), ("person", "Mara Lind")]


def test_english_reported_speech(kb: str) -> None:
    text = (
        "Mara Lind said on Monday that the border crossings would stay open.\n"
        "The ferries will run twice a day, Tobias Kern said.\n"
        "According to the Harbour League, fuel stocks are running low.\n"
        "Tobias Kern warned the strike could spread to the rail network."
    )
    quotes = analyse(text, "en", kb)
    that = by_text(quotes, "the border crossings would stay open")
    assert (that.kind, that.speaker, that.cue) == ("indirect", "person:mara-lind", "said")
    trailing = by_text(quotes, "The ferries will run twice a day")
    assert trailing.speaker == "person:tobias-kern"
    according = by_text(quotes, "fuel stocks are running low")
    assert (according.speaker, according.cue) == ("org:harbour-league", "According to")
    assert hops(according)[-1] == ("organization", "the Harbour League")
    warned = by_text(quotes, "the strike could spread to the rail network")
    assert (warned.cue, warned.certainty) == ("warned", "hypothetical")


def test_partial_quote_and_view_without_verb_of_saying(kb: str) -> None:
    text = (
        "Mara Lind dismissed the toll plan as “a tax on bread” during the debate.\n"
        "In Lind's view, the toll would hurt the islands first."
    )
    quotes = analyse(text, "en", kb)
    partial = by_text(quotes, "a tax on bread")
    assert (partial.kind, partial.speaker, partial.cue) == (
        "partial",
        "person:mara-lind",
        "dismissed",
    )
    view = by_text(quotes, "the toll would hurt the islands first")
    assert (view.kind, view.speaker) == ("indirect", "person:mara-lind")


def test_pronoun_takes_nearest_person_of_matching_gender(kb: str) -> None:
    text = (
        "Mara Lind met Tobias Kern at the port.\n"
        "“We will not close the bridge,” she said.\n"
        "“The bridge is safe,” he added."
    )
    quotes = analyse(text, "en", kb)
    she = by_text(quotes, "We will not close the bridge")
    assert (she.speaker, she.speaker_text) == ("person:mara-lind", "she")
    assert hops(she)[-1] == ("person", "Mara Lind")
    he = by_text(quotes, "The bridge is safe")
    assert (he.speaker, he.cue) == ("person:tobias-kern", "added")


def test_role_and_apposition_resolve_to_the_person(kb: str) -> None:
    text = (
        "The Norlandic foreign minister said the embassy would reopen in June.\n"
        "The spokesman for the ministry, Tobias Kern, said the visa rules were unchanged.\n"
        "The spokeswoman for the port authority, Ada Brenner, said the cranes were idle."
    )
    quotes = analyse(text, "en", kb)
    role = by_text(quotes, "the embassy would reopen in June")
    assert role.speaker == "person:mara-lind"
    assert role.speaker_text == "The Norlandic foreign minister"
    appo = by_text(quotes, "the visa rules were unchanged")
    assert appo.speaker == "person:tobias-kern"
    unknown = by_text(quotes, "the cranes were idle")
    assert unknown.speaker is None
    assert unknown.speaker_text == "The spokeswoman for the port authority, Ada Brenner"
    assert hops(unknown)[-1] == ("person", "Ada Brenner")


def test_unresolved_speaker_keeps_its_text(kb: str) -> None:
    quotes = analyse("“The lights went out at nine,” said Jonas Feld, a night guard.", "en", kb)
    q = by_text(quotes, "The lights went out at nine")
    assert q.speaker is None and q.speaker_text is not None
    assert q.speaker_text.startswith("Jonas Feld")


def test_scare_quotes_and_titles_are_not_quotes(kb: str) -> None:
    text = "The frigate “Seeadler” docked beside the ferry. The so-called “deal” was signed."
    assert analyse(text, "en", kb) == []


def test_frameless_quote_paragraph_continues_the_speaker(kb: str) -> None:
    text = (
        "“The first ships sail tonight,” Tobias Kern said.\n“The rest follow when the ice breaks.”"
    )
    quotes = analyse(text, "en", kb)
    follow = by_text(quotes, "The rest follow when the ice breaks.")
    assert (follow.kind, follow.speaker, follow.cue) == ("direct", "person:tobias-kern", None)


# --- German ----------------------------------------------------------------------------------


def test_german_reporting_constructions(kb: str) -> None:
    text = (
        "„Die Fähre fährt wieder“, sagte Lind am Dienstag.\n"
        "Kern erklärte, die Grenze bleibe bis Freitag geschlossen. "
        "Die Kontrollen würden danach schrittweise gelockert.\n"
        "„Wir warten auf Treibstoff“, so Kern.\n"
        "Laut Kern sollen 40 Lastwagen im Hafen festsitzen.\n"
        "Der Harbour League zufolge fehlen seit Wochen Ersatzteile.\n"
        "Die norländische Außenministerin betonte, dass die Gespräche weitergehen."
    )
    quotes = analyse(text, "de", kb)
    sagte = by_text(quotes, "Die Fähre fährt wieder")
    assert (sagte.kind, sagte.speaker, sagte.cue) == ("direct", "person:mara-lind", "sagte")
    erklaerte = by_text(quotes, "die Grenze bleibe bis Freitag geschlossen")
    assert (erklaerte.kind, erklaerte.speaker, erklaerte.cue) == (
        "indirect",
        "person:tobias-kern",
        "erklärte",
    )
    # The Konjunktiv sentence after it continues the statement.
    follow = by_text(quotes, "Die Kontrollen würden danach schrittweise gelockert")
    assert (follow.speaker, follow.cue) == ("person:tobias-kern", None)
    so = by_text(quotes, "Wir warten auf Treibstoff")
    assert (so.speaker, so.cue) == ("person:tobias-kern", "so")
    laut = by_text(quotes, "sollen 40 Lastwagen im Hafen festsitzen")
    assert (laut.speaker, laut.cue, laut.certainty) == ("person:tobias-kern", "Laut", "alleged")
    zufolge = by_text(quotes, "fehlen seit Wochen Ersatzteile")
    assert (zufolge.speaker, zufolge.cue) == ("org:harbour-league", "zufolge")
    role = by_text(quotes, "die Gespräche weitergehen")
    assert (role.speaker, role.cue) == ("person:mara-lind", "betonte")


def test_german_separable_verb_and_inverted_subject(kb: str) -> None:
    text = "Am Abend teilte das Ministerium mit, die Zölle würden gesenkt."
    q = by_text(analyse(text, "de", kb), "die Zölle würden gesenkt")
    assert (q.speaker_text, q.cue) == ("das Ministerium", "teilte")
    assert hops(q)[-1][0] == "organization"


def test_german_pronoun_er_and_sie(kb: str) -> None:
    text = (
        "Lind und Kern reisten nach Norland. „Das Abkommen steht“, sagte er. "
        "„Noch nicht“, sagte sie."
    )
    quotes = analyse(text, "de", kb)
    assert by_text(quotes, "Das Abkommen steht").speaker == "person:tobias-kern"
    assert by_text(quotes, "Noch nicht").speaker == "person:mara-lind"


# --- French ----------------------------------------------------------------------------------


def test_french_reporting_constructions(kb: str) -> None:
    text = (
        "« Le port rouvrira vendredi », a déclaré Mara Lind lundi.\n"
        "« Nous restons prudents », a-t-elle ajouté.\n"
        "Selon Tobias Kern, les camions attendent depuis trois jours.\n"
        "Tobias Kern a assuré que les stocks suffiraient jusqu'en mars.\n"
        "Pour la Harbour League, la grève coûte trop cher."
    )
    quotes = analyse(text, "fr", kb)
    declare = by_text(quotes, "Le port rouvrira vendredi")
    assert (declare.kind, declare.speaker, declare.cue) == (
        "direct",
        "person:mara-lind",
        "a déclaré",
    )
    inversion = by_text(quotes, "Nous restons prudents")
    assert (inversion.speaker, inversion.speaker_text, inversion.cue) == (
        "person:mara-lind",
        "elle",
        "a-t-elle ajouté",
    )
    selon = by_text(quotes, "les camions attendent depuis trois jours")
    assert (selon.speaker, selon.cue) == ("person:tobias-kern", "Selon")
    que = by_text(quotes, "les stocks suffiraient jusqu'en mars")
    assert (que.speaker, que.cue) == ("person:tobias-kern", "a assuré")
    pour = by_text(quotes, "la grève coûte trop cher")
    assert pour.speaker == "org:harbour-league"


def test_french_trailing_inversion_with_il(kb: str) -> None:
    text = "Tobias Kern est arrivé tôt. Les quais sont vides, a-t-il dit."
    q = by_text(analyse(text, "fr", kb), "Les quais sont vides")
    assert (q.speaker, q.cue) == ("person:tobias-kern", "a-t-il dit")


# --- robustness and API ----------------------------------------------------------------------


def test_malformed_quotes_do_not_crash_and_the_rest_is_found(kb: str) -> None:
    text = (
        "Broken ” mark and an opener “ that never closes, said nobody.\n"
        "“The depot is empty,” Tobias Kern said.\n"
        '„Halb offen\n« »\n"\n'
    )
    quotes = analyse(text, "en", kb)
    assert by_text(quotes, "The depot is empty").speaker == "person:tobias-kern"
    for odd in ("", "“", "„“", "« »", "\n\n", "'''", "“”“”"):
        analyse(odd, "de", kb)


def test_component_contract_and_config(kb: str) -> None:
    config = {"components": {"entities": {"kb_files": [kb]}, "outlets": {"registry_files": []}}}
    component = make_quotes({}, config)
    assert component.name == "quotes"
    assert component.requires == frozenset({"text", "sentences", "language", "mentions"})
    assert component.assigns == frozenset({"quotes"})
    assert component.kb_files == (kb,)


def test_statement_context_for_a_span_inside_and_outside_quotes(kb: str) -> None:
    text = "Tobias Kern said the port would host 12 ships. The weather was calm."
    doc = Document.from_raw(text, "t", text=text, language="en", outlet="Test Wire")
    quotes = tuple(analyse(text, "en", kb))
    doc = doc.with_(quotes=quotes)
    start = text.index("12 ships")
    speaker, speaker_text, chain, certainty = statement_context(doc, start, start + 8)
    assert (speaker, speaker_text, certainty) == ("person:tobias-kern", "Tobias Kern", "asserted")
    assert chain[-1].kind == "person"
    calm = text.index("calm")
    assert statement_context(doc, calm, calm + 4) == (
        None,
        None,
        (Hop("outlet", "Test Wire"),),
        "asserted",
    )


def test_quotation_after_a_sentence_naming_its_speaker(kb: str) -> None:
    english = analyse(
        "Mara Lind criticised the new tolls sharply. “Nobody can pay that much for a crossing.”",
        "en",
        kb,
    )
    assert by_text(english, "Nobody can pay that much for a crossing.").speaker == (
        "person:mara-lind"
    )
    french = analyse(
        "Mara Lind a critiqué les nouveaux péages. « Personne ne peut payer autant pour une "
        "traversée. »",
        "fr",
        kb,
    )
    assert by_text(french, "Personne ne peut payer autant pour une traversée.").speaker == (
        "person:mara-lind"
    )
    nobody = analyse("The ferry left at noon. “Nobody can pay that much for a crossing.”", "en", kb)
    assert by_text(nobody, "Nobody can pay that much for a crossing.").speaker is None
