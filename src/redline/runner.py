"""Ingest sources into a store through the pipeline: the one path every interface uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from redline.ingest import IngestLimits, IngestProblem, iter_sources
from redline.models import Document
from redline.pipeline import Pipeline
from redline.redlines.marks import behind
from redline.redlines.service import update
from redline.store import SaveOutcome, Store


@dataclass
class IngestReport:
    """What an ingest run did."""

    new: int = 0
    copies: int = 0
    seen: int = 0
    events: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    warnings: list[IngestProblem] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Documents read successfully (new, copies and already seen)."""
        return self.new + self.copies + self.seen


def _fresh(
    items: Iterable[Document | IngestProblem],
    store: Store,
    report: IngestReport,
    on_item: Callable[[str], None],
) -> Iterator[Document]:
    """Documents not yet stored; copies of stored ones are linked without re-coding."""
    for item in items:
        if isinstance(item, IngestProblem):
            (report.warnings if item.severity == "warning" else report.problems).append(item)
            if item.severity != "warning":
                on_item(item.origin)
            continue
        if store.has_document(item.id):
            outcome = store.save_or_skip(item, [])
            if outcome is SaveOutcome.COPY:
                report.copies += 1
            else:
                report.seen += 1
            on_item(item.origin)
            continue
        yield item


def ingest(
    targets: Iterable[str],
    store: Store,
    pipeline: Pipeline,
    limits: IngestLimits | None = None,
    on_item: Callable[[str], None] = lambda origin: None,
) -> IngestReport:
    """Read, code and store every document of `targets`; bad inputs are reported, not fatal."""
    report = IngestReport()
    fresh = _fresh(iter_sources(targets, limits or IngestLimits()), store, report, on_item)
    for item in pipeline.process(fresh):
        outcome = store.save_or_skip(item.document, item.events)
        if outcome is SaveOutcome.NEW:
            report.new += 1
            report.events += len(item.events)
        elif outcome is SaveOutcome.COPY:
            report.copies += 1
        else:
            report.seen += 1
        on_item(item.document.origin)
    # Red lines are evaluated whenever documents arrive, whatever the path that brought them,
    # and whenever an earlier run stored documents but was stopped before evaluating them.
    if report.new or report.copies or behind(store.engine):
        update(store)  # only the pairs of what arrived; the alerts are not read back
    return report
