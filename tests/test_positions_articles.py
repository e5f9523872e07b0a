"""Whole articles in three languages on a topic the rules were not written for (a fictional
fishing-quota dispute), and the demo gold thresholds of the evaluations."""

from __future__ import annotations

import pytest

from storyline.annotate.position_lexicon import compile_fragments, load_lexicon
from storyline.document import Document
from test_positions_support import analyse, states

EN = (
    "Korsholm rejects cod quota cut as Vestria backs council plan\n"
    "ALDHAVEN, May 11 - Korsholm on Monday rejected a proposal by the Saltmere "
    "Fisheries Council to cut this year's cod quota by a third.\n"
    "\n"
    '"This cut would ruin our coastal towns," Korsholm government spokesman Lars '
    'Dahlvik told reporters. "We will not send a single ship to police it."\n'
    "\n"
    "Vestrian Fisheries Minister Oda Brekke said her country would contribute €3 "
    "million to a monitoring fund.\n"
    "\n"
    "Talvaara has not made up its mind. Brenmark did not rule out joining the "
    "patrols, but only if the council agrees to compensate its fleet.\n"
)
DE = (
    "Fangquote: Korsholm lehnt Kürzung ab\n"
    "Aldhaven. Korsholm lehnt die geplante Kürzung der Kabeljau-Fangquote weiter "
    "strikt ab.\n"
    "\n"
    "Vestrien unterstützt dagegen den Plan des Fischereirats und will zwei "
    "Patrouillenboote schicken. Ministerin Oda Brekke sagte, ihr Land werde "
    "außerdem drei Millionen Euro bereitstellen.\n"
    "\n"
    "Talvaara prüft den Vorschlag noch. Brenmark will sich nur beteiligen, wenn "
    "der Fischereirat seine Flotte entschädigt.\n"
)
FR = (
    "Quotas de pêche : le Korsholm dit non\n"
    "Le Korsholm a rejeté lundi la réduction d'un tiers du quota de cabillaud "
    "proposée par le Conseil des pêches. « Nous n'enverrons aucun navire pour "
    "faire appliquer cette décision », a déclaré le porte-parole Lars Dahlvik.\n"
    "\n"
    "La Vestrie soutient au contraire la réduction et fournira deux navires de "
    "patrouille. La Talvaara étudie encore la proposition, tandis que le Brenmark"
    " n'a pas exclu de participer aux contrôles, à condition que sa flotte soit "
    "indemnisée.\n"
)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", EN, {("country:XKH", "oppose", None), ("country:XKH", None, "declined"),
                    ("country:XVS", "support", None), ("country:XTV", "undecided", None),
                    ("country:XBM", "support", "conditional")}),
        ("de", DE, {("country:XKH", "oppose", None), ("country:XVS", "support", "pledged"),
                    ("country:XVS", "support", None), ("country:XTV", "undecided", None),
                    ("country:XBM", "support", "conditional")}),
        ("fr", FR, {("country:XKH", "oppose", None), ("country:XKH", None, "declined"),
                    ("country:XVS", "support", "pledged"), ("country:XTV", "undecided", None),
                    ("country:XBM", "support", "conditional")}),
    ],
)  # fmt: skip
def test_article(
    language: str, text: str, expected: set[tuple[str, str | None, str | None]]
) -> None:
    doc = analyse(text, language, published="2026-05-11", outlet="Saltmere Post")
    assert states(doc) == expected
    for p in doc.positions:
        assert doc.text[p.start : p.end] == p.text
        assert p.chain[0].text == "Saltmere Post"
    speakers = {p.speaker for p in doc.positions if p.speaker}
    assert speakers <= {"person:lars-dahlvik", "person:oda-brekke"}


def test_lexicons_load_for_every_language_and_fall_back_to_english() -> None:
    for language in ("en", "de", "fr"):
        lexicon = load_lexicon(language)
        for name in ("cue.give", "cue.decline", "mod.negator", "mod.condition", "noun.personnel"):
            assert lexicon.has(name), (language, name)
    assert load_lexicon("pt").language == "en"


def test_fragments_match_whole_words_only() -> None:
    pattern = compile_fragments(["rul(?:e|es|ed) out", "lehn(?:t|en) GAP ab"])
    assert pattern is not None
    assert pattern.search("Drovenia ruled out troops")
    assert not pattern.search("an overruled outcome")
    found = pattern.search("Sie lehnen es nach langer Debatte ab.")
    assert found is not None and found.group() == "lehnen es nach langer Debatte ab"
    assert not pattern.search("Sie lehnen es, wie erwartet, ab.")  # no gap across commas
    assert compile_fragments([]) is None


@pytest.fixture(scope="module")
def demo_docs() -> dict[str, Document]:
    from storyline.eval.positions import demo_documents

    return dict(demo_documents())


def test_demo_gold_positions_figures_and_contradictions(demo_docs: dict[str, Document]) -> None:
    from storyline.eval.demo_gold import gold_documents
    from storyline.eval.figures import score_figures
    from storyline.eval.positions import score_contradictions, score_positions

    docs = dict(demo_docs)
    positions = score_positions(docs, gold_documents())
    gold = sum(r["gold"] for r in positions.values())
    correct = sum(r["correct"] for r in positions.values())
    assert correct / gold >= 0.9
    figures = score_figures(docs, gold_documents())
    matched = sum(r["matched"] for r in figures.values())
    total = sum(r["gold"] + r["predicted"] for r in figures.values())
    assert 2 * matched / total >= 0.95
    assert all(found for _, _, found in score_contradictions(docs.values()))
