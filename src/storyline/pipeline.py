"""Ordered processing components over ``Document`` objects.

A component is any object with ``name``, ``requires``, ``assigns`` and ``__call__(doc) -> doc``.
Components are named in the config (``[pipeline] ingest`` / ``analyze``) and created from the
factories in ``FACTORIES`` (or ``[pipeline.factories]`` in a user config: ``name =
"package.module:factory"``). Building a pipeline checks that every requirement is assigned by an
earlier component, so a misordered config fails at start-up instead of half-way through a batch.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from storyline.config import Config, component_config
from storyline.document import ANNOTATION_FIELDS, INGESTED_FIELDS, Document
from storyline.errors import ConfigError, InputError


@runtime_checkable
class Component(Protocol):
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, doc: Document) -> Document: ...


Factory = Callable[[Config, Config], Component]  # (component config, whole config)

FACTORIES: dict[str, str] = {
    "clean": "storyline.ingest.clean:make_clean",
    "outlets": "storyline.ingest.provenance:make_outlets",
    "language": "storyline.annotate.language:make_language",
    "dates": "storyline.ingest.dates:make_dates",
    "sentences": "storyline.annotate.sentences:make_sentences",
    "entities": "storyline.annotate.entities:make_entities",
    "spacy_entities": "storyline.annotate.entity_spacy:make_spacy_entities",
    "times": "storyline.annotate.times:make_times",
    "quotes": "storyline.annotate.quotes:make_quotes",
    "figures": "storyline.annotate.figures:make_figures",
    "positions": "storyline.annotate.positions:make_positions",
    "anchor": "storyline.annotate.anchoring:make_anchor",
}


def _factory(name: str, config: Config) -> Factory:
    target = {**FACTORIES, **config.get("pipeline", {}).get("factories", {})}.get(name)
    if target is None:
        raise ConfigError(f"unknown pipeline component {name!r}; known: {', '.join(FACTORIES)}")
    module_name, _, attr = target.partition(":")
    try:
        factory: Factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load component {name!r} from {target}: {exc}") from None
    return factory


def make_component(name: str, config: Config) -> Component:
    """One configured component, outside any stage (for tools that need a single step)."""
    return _factory(name, config)(component_config(config, name), config)


@dataclass(frozen=True)
class Outcome:
    """What happened to one item: a processed document, or the reason it failed."""

    source: str
    document: Document | None = None
    error: str | None = None


class Pipeline:
    def __init__(self, components: Iterable[Component], available: frozenset[str]) -> None:
        self.components = tuple(components)
        have = set(available)
        for component in self.components:
            missing = component.requires - have
            if missing:
                raise ConfigError(
                    f"component {component.name!r} requires {', '.join(sorted(missing))}, "
                    "which no earlier component assigns"
                )
            unknown = component.assigns - ANNOTATION_FIELDS
            if unknown:
                raise ConfigError(
                    f"component {component.name!r} assigns unknown field(s) "
                    f"{', '.join(sorted(unknown))}"
                )
            have |= component.assigns
        self.provides = frozenset(have)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.components)

    def __call__(self, doc: Document) -> Document:
        for component in self.components:
            doc = component(doc)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Outcome]:
        """Process documents one by one; a failing document is reported, the rest go on."""
        for doc in docs:
            yield _run_one(self, doc)


def _run_one(pipeline: Pipeline, doc: Document) -> Outcome:
    try:
        return Outcome(doc.source, pipeline(doc))
    except InputError as exc:
        return Outcome(doc.source, error=str(exc))


def build_stage(config: Config, stage: str, available: frozenset[str] | None = None) -> Pipeline:
    """Build one stage. The analyze stage is validated against what the ingest stage assigns."""
    if available is None:
        available = INGESTED_FIELDS
        if stage == "analyze":
            available = build_stage(config, "ingest").provides
    names = config.get("pipeline", {}).get(stage)
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError(f"[pipeline] {stage} must be a list of component names")
    components = [make_component(n, config) for n in names]
    return Pipeline(components, available)


# --- parallel map over a stage ------------------------------------------------------------
# Each worker builds its own pipeline from the (picklable) config once, then processes
# documents; results come back in input order so runs are deterministic.
_WORKER: Pipeline | None = None


def _init_worker(config: Config, stage: str) -> None:
    global _WORKER
    _WORKER = build_stage(config, stage)


def _work(doc: Document) -> Outcome:
    assert _WORKER is not None
    return _run_one(_WORKER, doc)


def pipe_parallel(
    config: Config, stage: str, docs: Iterable[Document], workers: int, chunksize: int = 8
) -> Iterator[Outcome]:
    if workers <= 1:
        yield from build_stage(config, stage).pipe(docs)
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(config, stage)) as ex:
        yield from ex.map(_work, docs, chunksize=chunksize)


def describe(pipeline: Pipeline) -> list[dict[str, Any]]:
    return [
        {"name": c.name, "requires": sorted(c.requires), "assigns": sorted(c.assigns)}
        for c in pipeline.components
    ]
