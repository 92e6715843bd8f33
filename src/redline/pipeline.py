"""Compose the coding stages into one pipeline, used by the CLI, the API and batch runs.

Each stage is registered by name and declares what it requires and what it assigns on a
`WorkItem`; `build_pipeline` checks the chain before the first document is read. The spaCy
parse is batched across documents; the other stages run per document.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from redline.actors.mentions import Mention, MentionFinder
from redline.actors.tables import ActorTables, load_into, packaged_tables  # noqa: F401
from redline.errors import ConfigError
from redline.events.coder import CodingContext, code_document
from redline.events.contexts import packaged_contexts
from redline.events.lexicon import load_lexicon, packaged_lexicon
from redline.models import Document, Event
from redline.nlp.model import DEFAULT_MODEL, load_model
from redline.ontology.plover import packaged_ontology


@dataclass(frozen=True)
class PipelineConfig:
    """What a pipeline is built from."""

    model: str = DEFAULT_MODEL
    stages: tuple[str, ...] = ("parse", "actors", "events")
    batch_size: int = 64
    extra_lexicons: tuple[Path, ...] = ()
    extra_actor_dirs: tuple[Path, ...] = ()
    max_sentence_chars: int = 2_000


@dataclass
class WorkItem:
    """One document on its way through the stages."""

    document: Document
    parsed: Any = None
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


class Stage(Protocol):
    """A pipeline stage: fills the fields it assigns on each work item."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, items: list[WorkItem]) -> None: ...


@dataclass
class Resources:
    """Loaded once per process and shared by the stages."""

    config: PipelineConfig
    nlp: Any
    tables: ActorTables


class ParseStage:
    """Parse document bodies with spaCy, in batches."""

    name = "parse"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("parsed",)

    def __init__(self, res: Resources) -> None:
        self.nlp = res.nlp
        self.batch_size = res.config.batch_size

    def __call__(self, items: list[WorkItem]) -> None:
        texts = (item.document.body for item in items)
        for item, parsed in zip(
            items, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True
        ):
            item.parsed = parsed


class ActorStage:
    """Find actor mentions with the alias tables."""

    name = "actors"
    requires: tuple[str, ...] = ("parsed",)
    assigns: tuple[str, ...] = ("mentions",)

    def __init__(self, res: Resources) -> None:
        self.finder = MentionFinder(res.nlp, res.tables)

    def __call__(self, items: list[WorkItem]) -> None:
        for item in items:
            item.mentions = self.finder.find(item.parsed)


class EventStage:
    """Code PLOVER events with modality, date and evidence."""

    name = "events"
    requires: tuple[str, ...] = ("parsed", "mentions")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, res: Resources) -> None:
        self.tables = res.tables
        self.lexicon = (
            load_lexicon(res.config.extra_lexicons)
            if res.config.extra_lexicons
            else packaged_lexicon()
        )
        self.ontology = packaged_ontology()
        self.contexts = packaged_contexts()

    def __call__(self, items: list[WorkItem]) -> None:
        for item in items:
            ctx = CodingContext(
                self.tables, self.lexicon, self.ontology, self.contexts, item.document
            )
            item.events = code_document(ctx, item.parsed, item.mentions)


REGISTRY: dict[str, Callable[[Resources], Stage]] = {
    "parse": ParseStage,
    "actors": ActorStage,
    "events": EventStage,
}


class Pipeline:
    """A validated chain of stages."""

    def __init__(self, stages: list[Stage], config: PipelineConfig) -> None:
        self.stages = stages
        self.config = config

    def process(self, documents: Iterable[Document]) -> Iterator[WorkItem]:
        """Run every stage over the documents, a batch at a time, yielding finished items."""
        batch: list[WorkItem] = []
        for document in documents:
            batch.append(WorkItem(document))
            if len(batch) >= self.config.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[WorkItem]) -> list[WorkItem]:
        for stage in self.stages:
            stage(batch)
        return batch

    def code(self, document: Document) -> list[Event]:
        """The events of one document."""
        return next(iter(self.process([document]))).events


def validate_stages(names: Iterable[str]) -> list[str]:
    """Check that every stage exists and its requirements come earlier in the chain."""
    available: set[str] = set()
    ordered = list(names)
    for name in ordered:
        factory = REGISTRY.get(name)
        if factory is None:
            raise ConfigError(f"unknown pipeline stage {name!r}; known: {', '.join(REGISTRY)}")
        requires: tuple[str, ...] = getattr(factory, "requires", ())
        missing = [r for r in requires if r not in available]
        if missing:
            raise ConfigError(f"stage {name!r} requires {', '.join(missing)} from earlier stages")
        available.update(getattr(factory, "assigns", ()))
    return ordered


def build_pipeline(config: PipelineConfig = PipelineConfig()) -> Pipeline:
    """Load the model and tables once and compose the configured stages."""
    names = validate_stages(config.stages)
    tables = packaged_tables()
    for directory in config.extra_actor_dirs:
        tables = load_into(copy.deepcopy(tables), directory)
    resources = Resources(config, load_model(config.model), tables)
    return Pipeline([REGISTRY[name](resources) for name in names], config)
