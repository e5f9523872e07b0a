from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from storyline.config import load_config
from storyline.document import Document
from storyline.errors import ConfigError, EmptyInput
from storyline.pipeline import Pipeline, build_stage, describe, pipe_parallel


@dataclass(frozen=True)
class Upper:
    name: str = "upper"
    requires: frozenset[str] = frozenset({"text"})
    assigns: frozenset[str] = frozenset({"title"})

    def __call__(self, doc: Document) -> Document:
        if not doc.text:
            raise EmptyInput(f"{doc.source}: nothing to title")
        return doc.with_(title=doc.text.split("\n")[0].upper())


@dataclass(frozen=True)
class CopyText:
    name: str = "copy"
    requires: frozenset[str] = frozenset({"raw_text"})
    assigns: frozenset[str] = frozenset({"text"})

    def __call__(self, doc: Document) -> Document:
        return doc.with_(text=doc.raw_text.strip())


def make_upper(settings: dict[str, object], config: dict[str, object]) -> Upper:
    return Upper()


def test_components_run_in_order_and_declare_what_they_provide() -> None:
    pipe = Pipeline([CopyText(), Upper()], frozenset({"raw_text", "source"}))
    doc = pipe(Document.from_raw("  hello world\nmore ", "x"))
    assert doc.title == "HELLO WORLD"
    assert {"text", "title", "raw_text"} <= pipe.provides
    assert describe(pipe)[1] == {"name": "upper", "requires": ["text"], "assigns": ["title"]}


def test_a_component_whose_requirement_comes_later_is_rejected_at_build_time() -> None:
    with pytest.raises(ConfigError, match="'upper' requires text"):
        Pipeline([Upper(), CopyText()], frozenset({"raw_text"}))


def test_pipe_reports_a_failing_document_and_goes_on() -> None:
    pipe = Pipeline([CopyText(), Upper()], frozenset({"raw_text"}))
    docs = [
        Document.from_raw("one", "a"),
        Document.from_raw("   ", "b"),
        Document.from_raw("three", "c"),
    ]
    outcomes = list(pipe.pipe(docs))
    assert [o.source for o in outcomes] == ["a", "b", "c"]
    assert outcomes[1].document is None and "nothing to title" in (outcomes[1].error or "")
    assert outcomes[2].document is not None and outcomes[2].document.title == "THREE"


def test_default_stages_validate_together() -> None:
    config = load_config()
    ingest = build_stage(config, "ingest")
    analyze = build_stage(config, "analyze")
    assert ingest.names == ("clean", "outlets", "language", "dates", "sentences")
    assert "entities" in analyze.names
    assert {"text", "language", "sentences"} <= ingest.provides


def test_analyze_stage_cannot_require_what_ingest_does_not_assign(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text('[pipeline]\ningest = []\nanalyze = ["entities"]\n')
    with pytest.raises(ConfigError, match="'entities' requires text"):
        build_stage(load_config(user), "analyze")


def test_unknown_component_and_custom_factory(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text('[pipeline]\nanalyze = ["nonesuch"]\n')
    with pytest.raises(ConfigError, match="unknown pipeline component 'nonesuch'"):
        build_stage(load_config(user), "analyze")
    user.write_text(
        '[pipeline]\nanalyze = ["upper"]\n'
        '[pipeline.factories]\nupper = "test_pipeline:make_upper"\n'
    )
    assert build_stage(load_config(user), "analyze").names == ("upper",)


def test_parallel_pipe_gives_the_same_results_in_input_order() -> None:
    config = load_config()
    docs = [
        Document.from_raw(f"Article {i}\n\nBelmora will send {i} soldiers, Lavalle said.", f"d{i}")
        for i in range(6)
    ]
    serial = [o.document for o in pipe_parallel(config, "ingest", docs, workers=1)]
    parallel = [o.document for o in pipe_parallel(config, "ingest", docs, workers=2, chunksize=2)]
    assert serial == parallel
    assert [d.source for d in serial if d] == [f"d{i}" for i in range(6)]
