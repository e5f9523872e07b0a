"""The ECB+ story evaluation: metrics, reading the corpus, feed order, the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.analysis.embedding import HashingEncoder
from storyline.analysis.story_index import StorySettings
from storyline.document import Document
from storyline.eval.stories import (
    EcbDoc,
    bcubed,
    cluster,
    detokenise,
    feed_order,
    load_ecbplus,
    main,
    pairwise,
    score_table,
)


def test_bcubed_by_hand() -> None:
    # gold: {1,2,3} {4,5}; predicted: {1,2} {3,4,5}
    gold = ["a", "a", "a", "b", "b"]
    pred = ["x", "x", "y", "y", "y"]
    p, r, f = bcubed(pred, gold)
    # precision per item: 1, 1, 1/3, 2/3, 2/3 -> 11/15; recall: 2/3, 2/3, 1/3, 1, 1 -> 11/15
    assert p == pytest.approx(11 / 15)
    assert r == pytest.approx(11 / 15)
    assert f == pytest.approx(11 / 15)
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    singletons = list("abcde")
    assert bcubed(singletons, gold)[0] == 1.0
    with pytest.raises(ValueError):
        bcubed(["x"], gold)


def test_pairwise_by_hand() -> None:
    gold = ["a", "a", "a", "b", "b"]  # gold pairs: 3 + 1 = 4
    pred = ["x", "x", "y", "y", "y"]  # predicted pairs: 1 + 3 = 4, of which (1,2) and (4,5)
    assert pairwise(pred, gold) == pytest.approx((0.5, 0.5, 0.5))
    assert pairwise(list("abcde"), gold) == (1.0, 0.0, 0.0)  # no pair predicted: vacuous P
    assert pairwise(["z"] * 5, gold)[1] == 1.0


def test_detokenise() -> None:
    tokens = ["``", "We", "are", "fine", ",", "''", "she", "said", "(", "again", ")", "."]
    # Quote marks become straight quotes; their spacing is left alone (the embedding and the
    # word counts do not care), punctuation and clitics are attached.
    assert detokenise(tokens) == '" We are fine, " she said (again).'
    assert detokenise(["It", "is", "n't", "Bob", "'s", "car", ":", "5", "%"]) == (
        "It isn't Bob's car: 5%"
    )


def _fake(topic: int, number: int, seminal: str) -> EcbDoc:
    text = f"{topic} {number} {seminal}"
    return EcbDoc(
        f"{topic}_{number}{seminal}.xml", topic, number, seminal, Document.from_raw(text, text)
    )


def test_feed_order_interleaves_topics() -> None:
    docs = [_fake(t, n, k) for t in (2, 1) for n in (3, 1) for k in ("ecbplus", "ecb")]
    assert [d.name for d in feed_order(docs, "sorted")][:4] == [
        "1_1ecb.xml",
        "1_1ecbplus.xml",
        "1_3ecb.xml",
        "1_3ecbplus.xml",
    ]
    assert [d.name for d in feed_order(docs)][:4] == [
        "1_1ecb.xml",
        "2_1ecb.xml",
        "1_1ecbplus.xml",
        "2_1ecbplus.xml",
    ]
    assert sorted(d.name for d in feed_order(docs)) == sorted(d.name for d in docs)


def test_main_reports_missing_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(tmp_path)]) == 2
    assert "ECB+ not found" in capsys.readouterr().err


@pytest.mark.data
def test_ecbplus_reading_and_a_small_clustering(data_dir: Path) -> None:
    folder = data_dir / "ecbplus" / "ECB+"
    if not folder.is_dir():
        pytest.skip("ECB+ not in the shared data")
    docs = load_ecbplus(folder, topics={1, 7, 24})
    assert len(docs) == 39 + 21 + 26
    assert {d.seminal for d in docs} == {"ecb", "ecbplus"}
    plus = next(d for d in docs if d.name == "1_10ecbplus.xml")
    assert plus.document.url is not None and plus.document.url.startswith("http")
    assert not plus.document.text.startswith("http")  # the URL is metadata, not text
    for doc in docs:
        for span in doc.document.sentences:
            assert doc.document.text[span.start : span.end] == span.text
        for m in doc.document.mentions:
            assert doc.document.text[m.start : m.end] == m.text
    paris = next(d for d in docs if d.topic == 24)
    assert "country:FRA" in {m.entity for m in paris.document.mentions}
    ordered = feed_order(docs)
    labels = cluster(ordered, StorySettings(), HashingEncoder())
    table = {(level, metric): float(f) for level, metric, _, _, f in score_table(ordered, labels)}
    # Three unrelated topics (rehab, boxing, a jewellery heist): words alone keep them apart.
    assert table[("topic", "B-cubed")] >= 0.8
