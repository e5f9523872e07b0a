"""The shipped demo corpus and its gold file are complete and consistent."""

from __future__ import annotations

import tomllib
from collections import Counter

import pytest

from storyline.eval.demo_gold import (
    CORPUS,
    KB,
    TOPICS,
    corpus_bodies,
    gold_documents,
    visible_html_text,
)

REQUIRED_KEYS = {
    "file",
    "language",
    "removed",
    "entities",
    "quotes",
    "positions",
    "figures",
    "dates",
}


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    return corpus_bodies()


@pytest.fixture(scope="module")
def gold() -> list[dict]:  # type: ignore[type-arg]
    return gold_documents()


def test_corpus_size_languages_and_formats(bodies: dict[str, str]) -> None:
    assert len(bodies) >= 24
    langs = Counter(key.split("/")[0] for key in bodies)
    assert all(langs[lang] >= 5 for lang in ("en", "de", "fr")), langs
    suffixes = {key.split("#")[0].rsplit(".", 1)[1] for key in bodies}
    assert {"txt", "jsonl", "html"} <= suffixes


def test_every_article_has_gold_and_every_gold_entry_an_article(
    bodies: dict[str, str],
    gold: list[dict],  # type: ignore[type-arg]
) -> None:
    assert sorted(g["file"] for g in gold) == sorted(bodies)
    for g in gold:
        assert set(g) >= REQUIRED_KEYS, g["file"]


def test_gold_strings_are_exact_substrings_of_their_article(
    bodies: dict[str, str],
    gold: list[dict],  # type: ignore[type-arg]
) -> None:
    problems = []
    for g in gold:
        body = bodies[g["file"]]
        if g["file"].endswith(".html"):
            # A page's clutter is removed by the HTML extractor before the text exists: its
            # gold lines are checked against the page's visible text instead.
            page = visible_html_text(CORPUS / g["file"])
            problems += [(g["file"], r["text"]) for r in g["removed"] if r["text"] not in page]
            strings = []
        else:
            strings = [r["text"] for r in g["removed"]]
        strings += [e["text"] for e in g["entities"]]
        strings += [q["text"] for q in g["quotes"]]
        strings += [p["evidence"] for p in g["positions"]]
        strings += [f["text"] for f in g["figures"]]
        strings += [d["text"] for d in g["dates"]]
        problems += [(g["file"], s) for s in strings if s not in body]
    assert problems == []


def test_gold_entity_ids_exist_in_the_kb(gold: list[dict]) -> None:  # type: ignore[type-arg]
    kb_ids = {e["id"] for e in tomllib.loads(KB.read_text(encoding="utf-8"))["entity"]}
    used = {e["entity"] for g in gold for e in g["entities"] if e["entity"]}
    used |= {p["actor"] for g in gold for p in g["positions"]}
    assert used - kb_ids == set()


def test_gold_covers_what_later_features_are_scored_on(gold: list[dict]) -> None:  # type: ignore[type-arg]
    assert sum(len(g["quotes"]) for g in gold) >= 40
    assert sum(len(g["positions"]) for g in gold) >= 30
    assert sum(len(g["figures"]) for g in gold) >= 30
    assert sum(len(g["removed"]) for g in gold) >= 30
    stances = Counter((p["actor"], p["stance"]) for g in gold for p in g["positions"])
    # Drovenia's position changes over time (planted): both stances are in the gold.
    assert stances[("country:XDR", "oppose")] and stances[("country:XDR", "support")]


def test_topics_file_parses() -> None:
    topics = tomllib.loads(TOPICS.read_text(encoding="utf-8"))["topic"]
    assert topics[0]["id"] == "lissar-force"
    assert set(topics[0]["terms"]) == {"en", "de", "fr"}
    assert CORPUS.is_dir()
