"""One poll of the watched inputs, and the loop that repeats it.

A poll reads what changed (`changes`), codes and stores the new documents (a document already
stored is only linked as a copy when another outlet carried it, never coded again), evaluates
the rules when anything arrived, and sends the notifications owed (`Dispatcher`). An input that
cannot be read or coded is reported by name and the poll goes on with the next one.

Each document is stored in its own transaction, so a watch killed mid-poll loses at most the
document it was writing; on restart that input is read again and what was stored is skipped.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from redline.errors import RedlineError
from redline.ingest import IngestLimits, IngestProblem, iter_sources
from redline.ingest.sources import read_fetched
from redline.models import Document
from redline.notify.dispatch import Dispatcher
from redline.notify.message import Notification
from redline.pipeline import Pipeline
from redline.redlines.rules import RuleSet
from redline.redlines.service import update
from redline.store import SaveOutcome, Store
from redline.watch.changes import Changed, Seen, changes

logger = logging.getLogger(__name__)


@dataclass
class PollReport:
    """What one poll did."""

    new: int = 0
    copies: int = 0
    seen: int = 0
    events: int = 0
    changed_inputs: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    seconds: float = 0.0

    @property
    def arrived(self) -> bool:
        """Whether anything new reached the store (so the rules must run again)."""
        return bool(self.new or self.copies)


class Watcher:
    """Polls targets (feed URLs, feed files, folders) into a store, raising alerts."""

    def __init__(
        self,
        targets: Sequence[str],
        store: Store,
        pipeline: Pipeline,
        rules: RuleSet,
        dispatcher: Dispatcher,
        limits: IngestLimits | None = None,
        on_document: Callable[[Document, SaveOutcome], None] = lambda doc, outcome: None,
    ) -> None:
        self.targets = list(targets)
        self.store = store
        self.pipeline = pipeline
        self.rules = rules
        self.dispatcher = dispatcher
        self.limits = limits or IngestLimits()
        self.on_document = on_document
        self.seen = Seen()
        self.stop = threading.Event()

    def poll(self) -> PollReport:
        """One round over every target; never raises for bad input."""
        start = time.perf_counter()
        report = PollReport()
        for target in self.targets:
            for item in changes(target, self.seen, self.limits):
                if self.stop.is_set():
                    break
                if isinstance(item, IngestProblem):
                    report.problems.append(item)
                    continue
                report.changed_inputs += 1
                self._take(item, report)
        if report.arrived:
            try:
                update(self.store, self.rules)
            except RedlineError as exc:
                report.problems.append(IngestProblem.error("red-line rules", exc.message))
        try:
            report.notifications = self.dispatcher.dispatch()
        except RedlineError as exc:
            report.problems.append(IngestProblem.error("notifications", exc.message))
        report.seconds = time.perf_counter() - start
        return report

    def run(
        self, interval: float, on_poll: Callable[[PollReport], None] = lambda report: None
    ) -> int:
        """Poll every `interval` seconds until `stop` is set; returns the number of polls."""
        polls = 0
        while not self.stop.is_set():
            on_poll(self.poll())
            polls += 1
            self.stop.wait(interval)
        return polls

    def _take(self, change: Changed, report: PollReport) -> None:
        """Store and code the documents of one changed input; its problems name it.

        The input is marked as handled only when all its documents are stored: one that failed
        on the way (the store down, the coder crashing) is read again next poll. Bad input is
        reported once, and again only when the file or feed changes.
        """
        try:
            documents = list(self._documents(change, report))
            for document, outcome, events in self._store(documents):
                self._count(report, outcome, events)
                self.on_document(document, outcome)
        except RedlineError as exc:
            report.problems.append(IngestProblem.error(change.origin, exc.message))
            return
        except Exception as exc:  # a coder failure on one input must not end the watch
            logger.exception("failed on %s", change.origin)
            reason = f"{type(exc).__name__}: {exc}"
            report.problems.append(IngestProblem.error(change.origin, reason))
            return
        self.seen.remember(change)

    def _documents(self, change: Changed, report: PollReport) -> Iterator[Document]:
        if change.body is not None:
            items: Iterable[Document | IngestProblem] = read_fetched(
                change.origin, change.body, change.content_type, self.limits
            )
        else:
            items = iter_sources([change.origin], self.limits)
        for item in items:
            if isinstance(item, IngestProblem):
                if item.severity != "warning":
                    report.problems.append(item)
            else:
                yield item

    def _store(self, documents: Sequence[Document]) -> Iterator[tuple[Document, SaveOutcome, int]]:
        fresh: list[Document] = []
        for document in documents:
            if self.store.has_document(document.id):
                yield document, self.store.save_or_skip(document, []), 0
            else:
                fresh.append(document)
        for item in self.pipeline.process(fresh):
            outcome = self.store.save_or_skip(item.document, item.events)
            yield item.document, outcome, len(item.events) if outcome is SaveOutcome.NEW else 0

    @staticmethod
    def _count(report: PollReport, outcome: SaveOutcome, events: int) -> None:
        if outcome is SaveOutcome.NEW:
            report.new += 1
            report.events += events
        elif outcome is SaveOutcome.COPY:
            report.copies += 1
        else:
            report.seen += 1
