"""Positions on sentences written for these tests (a fictional fishing-quota dispute)."""

from __future__ import annotations

import pytest

from storyline.document import Document, Position
from test_positions_support import MISSION, analyse, states


def only(doc: Document, actor: str) -> Position:
    found = [p for p in doc.positions if p.actor == actor]
    assert len(found) == 1, doc.positions
    p = found[0]
    assert doc.text[p.start : p.end] == p.text
    return p


def test_every_offset_covers_its_text() -> None:
    doc = analyse(
        "Korsholm will not send patrol vessels to enforce the quota cut. Vestria welcomed the "
        "quota cut and will send two patrol ships. Talvaara is still studying the quota plan."
    )
    assert len(doc.positions) == 3
    for p in doc.positions:
        assert doc.text[p.start : p.end] == p.text
        assert p.topic == "cod-quota"
        assert 0 < p.confidence <= 1


# --- negation and litotes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "evidence"),
    [
        (
            "en",
            "Korsholm will not send patrol vessels to enforce the quota cut.",
            "Korsholm will not send patrol vessels to enforce the quota cut",
        ),
        (
            "en",
            "Korsholm cannot send ships to police the new catch limit, its minister said.",
            "Korsholm cannot send ships to police the new catch limit",
        ),
        (
            "de",
            "Korsholm schickt keine Schiffe zur Kontrolle der Fangquote.",
            "Korsholm schickt keine Schiffe zur Kontrolle der Fangquote",
        ),
        (
            "fr",
            "Le Korsholm n'enverra pas de navires pour faire respecter le quota.",
            "Korsholm n'enverra pas de navires pour faire respecter le quota",
        ),
    ],
)
def test_negated_commitment_is_a_decline(language: str, text: str, evidence: str) -> None:
    p = only(analyse(text, language), "country:XKH")
    assert (p.stance, p.commitment) == (None, "declined")
    assert p.text == evidence


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Vestria did not rule out sending observers to monitor the new catch limit."),
        ("en", "Vestria has not excluded a contribution to the quota patrols."),
        ("de", "Die vestrische Regierung hält eine Beteiligung an der Kontrolle der Fangquote für "
               "nicht ausgeschlossen."),
        ("de", "Vestrien schließt eine Beteiligung an den Kontrollen der Fangquote nicht aus."),
        ("fr", "La Vestrie n'a pas exclu d'envoyer des navires pour faire respecter le quota."),
        ("fr", "Pour la Vestrie, une participation aux contrôles du quota n'est « pas exclue »."),
    ],
)  # fmt: skip
def test_litotes_is_a_cautious_yes(language: str, text: str) -> None:
    p = only(analyse(text, language), "country:XVS")
    assert (p.stance, p.commitment) == ("support", "conditional")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Vestria ruled out sending any ships to enforce the quota."),
        ("de", "Vestrien hat eine Entsendung von Schiffen zur Kontrolle der Fangquote "
               "ausgeschlossen."),
        ("fr", "La Vestrie a exclu tout envoi de navires pour contrôler le quota."),
        ("en", "There will be no Vestrian ships enforcing this quota, the minister said."),
    ],
)  # fmt: skip
def test_ruling_out_is_a_categorical_refusal(language: str, text: str) -> None:
    p = only(analyse(text, language), "country:XVS")
    assert (p.stance, p.commitment) == ("oppose", "declined")


def test_refusing_a_restricted_role_only_is_no_refusal() -> None:
    doc = analyse(
        "Talvaara would take part in the monitoring mission only in a non-combat role.",
        extra_topics=(MISSION,),
    )
    p = only(doc, "country:XTV")
    assert (p.stance, p.commitment) == ("support", "conditional")
    assert p.conditions == ("only in a non-combat role",)
    text = "»Wir schicken keine Kampftruppen zur Mission«, sagte Talvaaras Vertreter."
    assert states(analyse(text, "de", extra_topics=(MISSION,))) == set()


def test_negated_support_is_no_opposition() -> None:
    assert states(analyse("Brenmark does not support the quota cut yet.")) == set()


# --- conditions and modality --------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "condition"),
    [
        ("en", "Brenmark will send two patrol ships to enforce the quota, but only with US "
               "backing.", "only with US backing"),
        ("en", "Brenmark would deploy fisheries inspectors to police the quota if the host "
               "government asks.", "if the host government asks"),
        ("de", "Brenmark werde nur mit einem Mandat des Fischereirats Schiffe zur Kontrolle der "
               "Fangquote schicken, sagte Präsident Anton Vell.", "nur mit einem Mandat des "
               "Fischereirats Schiffe zur Kontrolle der Fangquote"),
        ("fr", "Le Brenmark participera à la surveillance du quota à condition que le Conseil des "
               "pêches lui confie un mandat.", "à condition que le Conseil des pêches lui confie "
               "un mandat"),
        ("fr", "« Nos navires ne partiront que sous un mandat du Conseil des pêches », a déclaré "
               "le président brenmarkois Anton Vell au sujet du quota.", "que sous un mandat du "
               "Conseil des pêches"),
    ],
)  # fmt: skip
def test_conditions_make_a_commitment_conditional(language: str, text: str, condition: str) -> None:
    p = only(analyse(text, language), "country:XBM")
    assert (p.stance, p.commitment) == ("support", "conditional")
    assert condition in p.conditions


def test_not_without_is_a_condition() -> None:
    text = "Brenmarkian ships will not go anywhere without a clear mandate to police the quota."
    p = only(analyse(text), "country:XBM")
    assert p.commitment == "conditional"
    assert p.conditions == ("without a clear mandate to police the quota",)


def test_modal_of_possibility_is_conditional() -> None:
    p = only(analyse("Korsholm could send two patrol vessels to enforce the quota."), "country:XKH")
    assert (p.stance, p.commitment) == ("support", "conditional")


def test_temporal_clause_is_no_condition() -> None:
    text = "Vestria will send two patrol ships as soon as the quota takes effect."
    p = only(analyse(text), "country:XVS")
    assert (p.commitment, p.conditions) == ("pledged", ())


def test_indirect_question_states_nothing() -> None:
    text = "The minister did not say how many ships Vestria could send to enforce the quota."
    assert states(analyse(text)) == set()


# --- lists --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "evidence", "actors"),
    [
        ("en", "Vestria, Korsholm, Talvaara and Brenmark declined to send patrol ships to enforce "
               "the quota.", "Vestria, Korsholm, Talvaara and Brenmark declined to send patrol "
               "ships to enforce the quota", {"country:XVS", "country:XKH", "country:XTV",
                                              "country:XBM"}),
        ("de", "Vestrien, Korsholm und Talvaara lehnten es ab, eigene Schiffe zur Kontrolle der "
               "Fangquote zu entsenden.", "Vestrien, Korsholm und Talvaara lehnten es ab, eigene "
               "Schiffe zur Kontrolle der Fangquote zu entsenden", {"country:XVS", "country:XKH",
                                                                   "country:XTV"}),
        ("fr", "La Vestrie, le Korsholm et la Talvaara ont refusé d'envoyer des navires pour "
               "contrôler le quota.", "Vestrie, le Korsholm et la Talvaara ont refusé d'envoyer "
               "des navires pour contrôler le quota", {"country:XVS", "country:XKH",
                                                        "country:XTV"}),
    ],
)  # fmt: skip
def test_a_coordinated_list_gives_one_position_each(
    language: str, text: str, evidence: str, actors: set[str]
) -> None:
    doc = analyse(text, language)
    assert states(doc) == {(a, None, "declined") for a in actors}
    assert {p.text for p in doc.positions} == {evidence}


def test_a_subject_that_is_no_actor_blocks_attribution() -> None:
    assert (
        states(analyse("Several countries declined to send ships to enforce the quota.")) == set()
    )
    text = "“A dozen countries are ready to join the quota patrols,” Dahlvik said."
    assert states(analyse(text)) == set()


# --- who speaks for whom ------------------------------------------------------------------


def test_a_spokesperson_speaks_for_the_government() -> None:
    text = "“We reject this quota cut,” government spokesman Lars Dahlvik told reporters."
    p = only(analyse(text), "country:XKH")
    assert (p.stance, p.commitment, p.speaker) == ("oppose", None, "person:lars-dahlvik")


def test_an_unnamed_spokesperson_speaks_through_an_adjective() -> None:
    text = "Le porte-parole du gouvernement korsholmois a dénoncé une réduction absurde du quota."
    p = only(analyse(text, "fr"), "country:XKH")
    assert p.stance == "oppose"


def test_a_role_counts_only_while_it_is_held() -> None:
    text = "Ines Kaarlo said she opposes the quota cut."
    assert states(analyse(text, published="2025-06-01")) == {("country:XTV", "oppose", None)}
    assert states(analyse(text, published="2026-06-01")) == set()


def test_possessive_and_pronoun_point_back_to_the_speaker() -> None:
    text = (
        "Vestrian Fisheries Minister Oda Brekke said her country would send two patrol ships "
        "to enforce the quota."
    )
    p = only(analyse(text), "country:XVS")
    assert (p.commitment, p.speaker) == ("pledged", "person:oda-brekke")
    text = "Oda Brekke spoke in Aldhaven. She said she welcomed the quota cut."
    assert states(analyse(text)) == {("country:XVS", "support", None)}


def test_first_person_quote_belongs_to_the_speaker_in_german() -> None:
    text = "»Wir unterstützen die Kürzung der Fangquote«, sagte Präsident Anton Vell."
    p = only(analyse(text, "de"), "country:XBM")
    assert (p.stance, p.speaker) == ("support", "person:anton-vell")


# --- withdrawal, denial, hedged and awkward wording ----------------------------------------


def test_withdrawal_and_its_denial() -> None:
    claimed = analyse(
        "Brenmark has quietly withdrawn its offer of two patrol ships for the quota patrols, "
        "the newspaper claimed."
    )
    p = only(claimed, "country:XBM")
    assert (p.commitment, p.certainty) == ("declined", "alleged")
    denied = analyse(
        "“Nothing has been withdrawn. Our offer of two ships for the quota patrols stands,” "
        "President Anton Vell said."
    )
    assert states(denied) == {("country:XBM", "support", "pledged")}


def test_machine_translated_wording() -> None:
    text = (
        "Vestria is going to send 3 Ships of patrol for the controlling of quota, this reported "
        "the newspaper."
    )
    p = only(analyse(text), "country:XVS")
    assert (p.stance, p.commitment, p.certainty) == ("support", "pledged", "reported")


def test_money_is_support_without_a_troop_commitment() -> None:
    text = "Korsholm has pledged €5 million to the quota monitoring fund but will send no ships."
    p = only(analyse(text), "country:XKH")
    assert (p.stance, p.commitment) == ("support", "declined")


def test_off_topic_sentences_give_no_position() -> None:
    assert states(analyse("Vestria will send 200 soldiers to a flood relief operation.")) == set()


def test_no_topics_no_positions() -> None:
    from storyline.annotate.positions import find_positions
    from test_positions_support import document, kb

    doc = document("Korsholm rejects the quota cut.")
    assert find_positions(doc, kb(), ()) == []


@pytest.mark.parametrize(
    ("request_text", "pledge_text", "language"),
    [
        (
            "The United Nations asked Vestria in January to send soldiers for the mission.",
            "Vestria will send soldiers for the mission.",
            "en",
        ),
        (
            "Die Vereinten Nationen hatten Vestrien im Januar gebeten, sich mit Soldaten an der "
            "Mission zu beteiligen.",
            "Vestrien wird sich mit Soldaten an der Mission beteiligen.",
            "de",
        ),
        (
            "L'ONU a demandé à la Vestrie d'envoyer des soldats pour la mission.",
            "La Vestrie enverra des soldats pour la mission.",
            "fr",
        ),
    ],
)
def test_a_request_to_an_actor_is_not_its_pledge(
    request_text: str, pledge_text: str, language: str
) -> None:
    asked = analyse(request_text, language=language, extra_topics=(MISSION,))
    assert [(p.actor, p.commitment) for p in asked.positions] == []
    pledged = analyse(pledge_text, language=language, extra_topics=(MISSION,))
    assert [(p.actor, p.commitment) for p in pledged.positions] == [("country:XVS", "pledged")]
