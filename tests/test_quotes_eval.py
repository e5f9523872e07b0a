"""The quotes evaluation: token rebuilding, the held-out split, the mapping of quotes onto SpkAtt
annotations, the project's pairing and the organisers' macro-averaged scoring."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from storyline.annotate.quotes import Found
from storyline.document import Quote
from storyline.eval.quotes_official import Ann, MacroScores, Official, assign, token_f1
from storyline.eval.quotes_spkatt import (
    RoleCounts,
    gold_annotations,
    held_out,
    match,
    nest,
    predict_spkatt,
    rebuild,
    spkatt_files,
    to_annotation,
)


def ann(message: set[str], source: set[str] = frozenset(), cue: set[str] = frozenset()) -> Ann:
    roles = {"Message": frozenset(message), "Source": frozenset(source), "Cue": frozenset(cue)}
    return Ann(roles, "Indirect")


def test_rebuild_keeps_exact_token_offsets_and_readable_spacing() -> None:
    sentences = [
        {"SentenceId": 0, "Tokens": ["„", "Wir", "bleiben", "“", ",", "sagte", "sie", "."]},
        {"SentenceId": 1, "Tokens": ["Er", "nannte", "es", '"', "Unsinn", '"', "(", "dpa", ")"]},
    ]
    rebuilt = rebuild(sentences)
    assert rebuilt.text == '„Wir bleiben“, sagte sie. Er nannte es "Unsinn" (dpa)'
    for sent in sentences:
        for k, tok in enumerate(sent["Tokens"]):
            s, e = rebuilt.offsets[f"{sent['SentenceId']}:{k}"]
            assert rebuilt.text[s:e] == tok
    assert [s.text for s in rebuilt.sentences] == [
        "„Wir bleiben“, sagte sie.",
        'Er nannte es "Unsinn" (dpa)',
    ]
    a = rebuilt.text.index("sagte")
    assert rebuilt.tokens_in((a, a + len("sagte sie"))) == {"0:5", "0:6"}
    assert rebuilt.sentence_tokens(rebuilt.text.index("Unsinn")) == {f"1:{k}" for k in range(9)}


def test_held_out_split_is_fixed() -> None:
    ids = [str(n) for n in range(1000, 1200)]
    held = [i for i in ids if held_out(i)]
    assert held == [i for i in ids if held_out(i)]  # deterministic
    assert 0.1 < len(held) / len(ids) < 0.3


def _sentence(tokens: list[str]) -> list[dict[str, object]]:
    return [{"SentenceId": 0, "Tokens": tokens}]


def test_mapping_follows_the_annotation_conventions() -> None:
    tokens = ["Der", "Minister", "sagte", ",", "dass", "die", "Brücke", "halte", "."]
    rebuilt = rebuild(_sentence(tokens))  # type: ignore[arg-type]
    text = rebuilt.text
    msg = "die Brücke halte"
    start, spk, cue = text.index(msg), text.index("Der Minister"), text.index("sagte")
    quote = Quote(
        start,
        start + len(msg),
        msg,
        "indirect",
        speaker_text="Der Minister",
        speaker_span=(spk, spk + len("Der Minister")),
        cue="sagte",
        cue_span=(cue, cue + 5),
    )
    indirect = to_annotation(rebuilt, Found(quote, "indirect"))
    # The complementiser belongs to SpkAtt's message; speaker and cue never do.
    assert indirect.get("Message") == {"0:4", "0:5", "0:6", "0:7"}
    assert (indirect.get("Source"), indirect.get("Cue")) == ({"0:0", "0:1"}, {"0:2"})
    assert indirect.form == "Indirect"
    assert indirect.get("Frame") == {"0:0", "0:1", "0:2", "0:3", "0:8"}
    # A speech act is SpkAtt's Reported form: the whole sentence, no cue.
    act = to_annotation(rebuilt, Found(quote, "act"))
    assert act.get("Message") == {f"0:{k}" for k in range(9)}
    assert (act.get("Cue"), act.form) == (frozenset(), "Reported")


def test_mapping_of_a_direct_quote_keeps_its_marks_and_drops_an_inner_source() -> None:
    tokens = ["„", "Die", "Lage", "ist", "ruhig", "“", ",", "so", "der", "Sprecher", "."]
    rebuilt = rebuild(_sentence(tokens))  # type: ignore[arg-type]
    text = rebuilt.text
    msg = "Die Lage ist ruhig"
    start = text.index(msg)
    spk = text.index("der Sprecher")
    quote = Quote(start, start + len(msg), msg, "direct", speaker_span=(spk, spk + 12))
    direct = to_annotation(rebuilt, Found(quote, "direct"))
    assert direct.get("Message") == {f"0:{k}" for k in range(6)}
    # A message running over its own inner source ("Die Lage sei – laut Polizei – ruhig").
    tokens = ["Die", "Lage", "sei", "laut", "Polizei", "ruhig", "."]
    rebuilt = rebuild(_sentence(tokens))  # type: ignore[arg-type]
    text = rebuilt.text
    polizei, laut = text.index("Polizei"), text.index("laut")
    quote = Quote(0, text.index("ruhig") + 5, text[: text.index("ruhig") + 5], "indirect")
    quote = Quote(
        quote.start,
        quote.end,
        quote.text,
        "indirect",
        speaker_span=(polizei, polizei + 7),
        cue_span=(laut, laut + 4),
    )
    inner = to_annotation(rebuilt, Found(quote, "indirect"))
    assert inner.get("Message") == {"0:0", "0:1", "0:2", "0:5"}


def test_partial_quote_inside_a_reported_clause_is_nested() -> None:
    outer = ann({"0:3", "0:4", "0:5", "0:6"}, {"0:0"})
    partial = ann({"0:5", "0:6"})
    assert nest(partial, [outer, partial]).nested
    assert not nest(outer, [outer, partial]).nested


def test_pairing_and_role_scores() -> None:
    gold = [ann({"0:2", "0:3", "0:4"}, {"0:0"}, {"0:1"}), ann({"1:0", "1:1"}, {"1:3"})]
    pred = [ann({"0:3", "0:4", "0:5"}, {"0:0"}, {"0:1"}), ann({"2:0"}, {"2:1"}, {"2:2"})]
    pairs = match(gold, pred)
    assert pairs == [(gold[0], pred[0])]
    counts = RoleCounts()
    counts.add(gold, pred)
    p, r, _ = counts.prf("Message")
    assert (round(p, 3), round(r, 3)) == (0.5, 0.4)  # 2 of 4 predicted, 2 of 5 gold tokens
    assert counts.prf("Source")[:2] == (0.5, 0.5)


def test_assignment_is_optimal_and_complete() -> None:
    scores = [[0.9, 0.8, 0.0], [0.85, 0.0, 0.0], [0.0, 0.0, 0.0], [0.1, 0.7, 0.2]]
    pairs = assign(scores)
    assert len(pairs) == 3  # min(rows, columns), zero scores included
    best = max(
        sum(scores[r][c] for r, c in zip(rows, range(3), strict=True))
        for rows in itertools.permutations(range(4), 3)
    )
    assert sum(scores[r][c] for r, c in pairs) == pytest.approx(best)
    assert sorted(c for _, c in pairs) == [0, 1, 2]
    assert assign([]) == []


def test_official_macro_scores_by_hand() -> None:
    assert token_f1(frozenset({"0:1", "0:2"}), frozenset({"0:2"})) == pytest.approx(2 / 3)
    gold = [ann({"0:2", "0:3", "0:4", "0:5"}, {"0:0", "0:1"}), ann({"1:0", "1:1"}, {"1:3"})]
    pred = [ann({"0:3", "0:4"}, {"0:1"})]
    scores = MacroScores(("Message", "Source"))
    scores.add_document(gold, pred)
    # Pair: message P 2/2, R 2/4, source P 1/1, R 1/2; the unmatched gold adds recall 0.
    assert scores.prf(("Message",))[:2] == (pytest.approx(1.0), pytest.approx((0.5 + 0) / 2))
    assert scores.prf(("Source",))[:2] == (pytest.approx(1.0), pytest.approx(0.25))
    official = Official()
    nested = Ann({"Message": frozenset({"0:9"})}, "Direct", nested=True)
    official.add([*gold, nested], pred)
    summary = official.summary()
    # The simplified subtask leaves the nested annotation out; the full one counts it.
    assert summary["simplified Message"][1] == pytest.approx(0.25)
    assert summary["full Message"][1] == pytest.approx(0.5 / 3)


@pytest.mark.data
def test_spkatt_documents_score_above_a_floor(data_dir: Path) -> None:
    folder = data_dir / "spkatt2023-de-wikinews"
    if not folder.is_dir():
        pytest.skip("spkatt2023-de-wikinews not present")
    from storyline.annotate.quotes import _resources

    res = _resources((), ())
    counts = RoleCounts()
    tuning = [p for doc_id, p in spkatt_files(folder) if not held_out(doc_id)][:40]
    for path in tuning:
        doc_json = json.loads(path.read_text(encoding="utf-8"))
        pred = [p for p in predict_spkatt(doc_json, res) if not p.nested]
        counts.add(gold_annotations(doc_json), pred)
    assert counts.prf("Message")[2] > 0.6
    assert counts.prf("Source")[2] > 0.45
