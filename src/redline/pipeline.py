"""Compose the coding stages into one pipeline, used by the CLI, the API and batch runs.

Each stage is registered by name and declares what it requires and what it assigns on a
`WorkItem`; `build_pipeline` checks the chain before the first document is read. The spaCy
parse is batched across documents, component by component; the other stages run per document.
With `prefilter` on (the default) the parse skips work that cannot change a coded event: see
`redline.nlp.prefilter` and docs/performance.md.
"""

from __future__ import annotations

import copy
import time
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
from redline.nlp.staged import StagedParser
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
        self.staged: StagedParser | None = None
        if res.config.prefilter:
            self.staged = StagedParser(
                res.nlp, res.finder.matcher, res.lexicon, res.config.batch_size
            )

    def __call__(self, items: list[WorkItem]) -> None:
        texts = (item.document.body for item in items)
        if self.staged is None:
            parsed = self.nlp.pipe(texts, batch_size=self.batch_size)
            for item, doc in zip(items, parsed, strict=True):
                item.parsed = doc
            return
        for item, (doc, skipped) in zip(items, self.staged.parse(texts), strict=True):
            item.parsed = doc
            item.prefiltered = skipped

    @property
    def timings(self) -> dict[str, float]:
        """Seconds per parse step so far (empty without the pre-filter)."""
        return dict(self.staged.timings) if self.staged is not None else {}


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
        self.timings: dict[str, float] = {stage.name: 0.0 for stage in stages}

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
            start = time.perf_counter()
            stage(batch)
            self.timings[stage.name] += time.perf_counter() - start
        return batch

    def profile(self) -> dict[str, float]:
        """Seconds spent so far per stage, the parse broken down by step when pre-filtered."""
        out: dict[str, float] = {}
        for stage in self.stages:
            steps: dict[str, float] = getattr(stage, "timings", {})
            out.update({f"{stage.name}: {step}": s for step, s in steps.items()})
            out[stage.name] = self.timings[stage.name]
        return out

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
