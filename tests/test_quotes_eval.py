"""The quotes evaluation: token rebuilding, the held-out split, pairing and scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.eval.quotes import (
    RoleCounts,
    gold_annotations,
    held_out,
    match,
    predict_spkatt,
    rebuild,
    spkatt_files,
)


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


def test_held_out_split_is_fixed() -> None:
    ids = [str(n) for n in range(1000, 1200)]
    held = [i for i in ids if held_out(i)]
    assert held == [i for i in ids if held_out(i)]  # deterministic
    assert 0.1 < len(held) / len(ids) < 0.3


def test_pairing_and_role_scores() -> None:
    gold = [
        {"Message": {"0:2", "0:3", "0:4"}, "Source": {"0:0"}, "Cue": {"0:1"}},
        {"Message": {"1:0", "1:1"}, "Source": {"1:3"}, "Cue": set()},
    ]
    pred = [
        {"Message": {"0:3", "0:4", "0:5"}, "Source": {"0:0"}, "Cue": {"0:1"}},
        {"Message": {"2:0"}, "Source": {"2:1"}, "Cue": {"2:2"}},
    ]
    pairs = match(gold, pred)
    assert pairs == [(gold[0], pred[0])]
    counts = RoleCounts()
    counts.add(gold, pred)
    p, r, _ = counts.prf("Message")
    assert (round(p, 3), round(r, 3)) == (0.5, 0.4)  # 2 of 4 predicted, 2 of 5 gold tokens
    assert counts.prf("Source")[:2] == (0.5, 0.5)


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
        counts.add(gold_annotations(doc_json), predict_spkatt(doc_json, res))
    assert counts.prf("Message")[2] > 0.45
    assert counts.prf("Source")[2] > 0.2
