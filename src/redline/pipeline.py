"""Compose the coding stages into one pipeline, used by the CLI, the API and batch runs.

Each stage is registered by name and declares what it requires and what it assigns on a
`WorkItem`; `build_pipeline` checks the chain before the first document is read. The spaCy
parse is batched across documents, component by component; the other stages run per document.
With `prefilter` on (the default) the parse skips work that cannot change a coded event: see
`redline.nlp.prefilter` and docs/performance.md.
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
from redline.events.lexicon import Lexicon, load_lexicon, packaged_lexicon
from redline.models import Document, Event
from redline.nlp.model import DEFAULT_MODEL, load_model
from redline.nlp.prefilter import entity_windows, run_entities
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
    # Skip the parse of documents naming no actor, and entity recognition of sentences whose
    # entities cannot date an event; False runs the whole model on everything.
    prefilter: bool = True


@dataclass
class WorkItem:
    """One document on its way through the stages."""

    document: Document
    parsed: Any = None
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # True when the pre-filter found no actor alias: `parsed` is tokenised only, no events.
    prefiltered: bool = False


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
    _finder: MentionFinder | None = None
    _lexicon: Lexicon | None = None

    @property
    def finder(self) -> MentionFinder:
        """The alias matcher, built once for the pre-filter and the actor stage."""
        if self._finder is None:
            self._finder = MentionFinder(self.nlp, self.tables)
        return self._finder

    @property
    def lexicon(self) -> Lexicon:
        """The trigger lexicon, with the configured extra files."""
        if self._lexicon is None:
            extra = self.config.extra_lexicons
            self._lexicon = load_lexicon(extra) if extra else packaged_lexicon()
        return self._lexicon


class ParseStage:
    """Parse document bodies with spaCy, in batches."""

    name = "parse"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("parsed",)

    def __init__(self, res: Resources) -> None:
        self.nlp = res.nlp
        self.batch_size = res.config.batch_size
        self.prefilter = res.config.prefilter and "ner" in res.nlp.pipe_names
        if self.prefilter:
            self.aliases = res.finder.matcher
            self.lexicon = res.lexicon

    def __call__(self, items: list[WorkItem]) -> None:
        if not self.prefilter:
            texts = (item.document.body for item in items)
            for item, parsed in zip(
                items, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True
            ):
                item.parsed = parsed
            return
        live: list[WorkItem] = []
        first_alias: list[int] = []
        texts = (item.document.body for item in items)
        for item, doc in zip(items, self.nlp.tokenizer.pipe(texts), strict=True):
            item.parsed = doc
            starts = [start for _, start, _ in self.aliases(doc)]
            item.prefiltered = not starts
            if starts:
                live.append(item)
                first_alias.append(min(starts))
        docs = [item.parsed for item in live]
        for name, component in self.nlp.pipeline:
            if name == "ner":
                continue
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=self.batch_size))
            else:
                docs = [component(doc) for doc in docs]
        plans = [
            entity_windows(doc, self.lexicon, first)
            for doc, first in zip(docs, first_alias, strict=True)
        ]
        run_entities(self.nlp.get_pipe("ner"), docs, plans, self.batch_size)
        for item, doc in zip(live, docs, strict=True):
            item.parsed = doc


class ActorStage:
    """Find actor mentions with the alias tables."""

    name = "actors"
    requires: tuple[str, ...] = ("parsed",)
    assigns: tuple[str, ...] = ("mentions",)

    def __init__(self, res: Resources) -> None:
        self.finder = res.finder

    def __call__(self, items: list[WorkItem]) -> None:
        for item in items:
            item.mentions = [] if item.prefiltered else self.finder.find(item.parsed)


class EventStage:
    """Code PLOVER events with modality, date and evidence."""

    name = "events"
    requires: tuple[str, ...] = ("parsed", "mentions")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, res: Resources) -> None:
        self.tables = res.tables
        self.lexicon = res.lexicon
        self.ontology = packaged_ontology()
        self.contexts = packaged_contexts()

    def __call__(self, items: list[WorkItem]) -> None:
        for item in items:
            if item.prefiltered:
                item.events = []
                continue
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
