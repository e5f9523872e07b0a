"""The entity evaluation: GermEval reader and scorer on a hand-made fixture, gold alignment,
demo linking accuracy, and the command on the shared data when it is there."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from storyline.annotate.entities import Options, resources
from storyline.eval.entities import (
    align,
    demo_documents,
    germeval_sentences,
    main,
    prf,
    score_germeval,
    score_linking,
)

# GermEval 2014 layout (index, token, outer tag, inner tag), sentences written for this test.
FIXTURE = """#\thttp://example.org/a\t[2020-01-01]
1\tIn\tO\tO
2\tNorwegen\tB-LOC\tO
3\tsagte\tO\tO
4\tWalter\tB-PER\tO
5\tBrandt\tI-PER\tO
6\t,\tO\tO
7\tdie\tO\tO
8\tdeutsche\tB-LOCderiv\tO
9\tBahn\tO\tO
10\tstreikt\tO\tO
11\t.\tO\tO

#\thttp://example.org/b\t[2020-01-02]
1\tDie\tO\tO
2\tEU\tB-ORG\tO
3\tund\tO\tO
4\tder\tO\tO
5\tVerein\tB-ORG\tO
6\tNordlicht\tI-ORG\tO
7\tstimmten\tO\tO
8\tzu\tO\tO
9\t.\tO\tO
"""


def test_germeval_reader_and_scorer(tmp_path: Path) -> None:
    path = tmp_path / "NER-de-dev.tsv"
    path.write_text(FIXTURE, encoding="utf-8")
    sentences = list(germeval_sentences(path))
    assert [s.text for s in sentences] == [
        "In Norwegen sagte Walter Brandt , die deutsche Bahn streikt .",
        "Die EU und der Verein Nordlicht stimmten zu .",
    ]
    assert sentences[0].gold == (("LOC", 1, 1), ("PER", 3, 4), ("LOCderiv", 7, 7))
    scores = score_germeval(sentences, resources(()), Options())
    exact = scores["exact"]
    assert (exact["LOC"]["tp"], exact["LOC"]["fn"]) == (1, 0)
    assert (exact["PER"]["tp"], exact["PER"]["fp"]) == (1, 0)
    assert exact["LOCderiv"]["tp"] == 1
    assert (exact["ORG"]["tp"], exact["ORG"]["fn"]) == (1, 1)  # "Verein Nordlicht" is unknown
    assert prf(Counter(tp=1, fp=1, fn=0)) == (0.5, 1.0, pytest.approx(2 / 3))


def test_alignment_uses_text_order_to_place_repeated_names() -> None:
    text = "Oslo talks. In Oslo, Oslo said no. Bern agreed."
    gold = [{"text": "Oslo"}, {"text": "Bern"}]
    windows = align(text, gold)
    # The gold "Oslo" may be any of the three occurrences before "Bern".
    assert windows == [[0, 15, 21], [35]]
    assert align("a b", [{"text": "c"}]) == [[]]


@pytest.fixture(scope="module")
def linking() -> dict[str, Counter[str]]:
    return score_linking(demo_documents())


def test_demo_linking_accuracy(linking: dict[str, Counter[str]]) -> None:
    assert set(linking) == {"en", "de", "fr"}
    for lang, c in linking.items():
        assert c["found"] / c["gold"] >= 0.95, lang
        assert c["correct"] / c["predicted"] >= 0.95, lang
    total = sum(linking.values(), Counter())
    assert total["disc_found"] == total["disc_gold"]  # every person outside the KB found


def test_command_on_shared_data(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "GermEval 2014 dev" in out and "Demo gold linking" in out
