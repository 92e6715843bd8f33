"""An event as one document reports it: when it became known, and through which outlets.

Analysis works on reports rather than bare events because time matters twice: an event has its
own date (when it happened), and the report has a publication date (when anyone could know).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from redline.models import Actor, DatePrecision, Event, EventDate


@dataclass(frozen=True, slots=True)
class Report:
    """One event with its document's earliest publication date and the outlets that carried it."""

    event: Event
    published: date | None = None
    outlets: tuple[str, ...] = ()

    @property
    def known_on(self) -> date | None:
        """The first day the event surely happened and was reported.

        The end of the event's date period (a month-precision date may be its last day), but
        never after publication: a report cannot assert on the 17th what happens on the 18th,
        only signal it.
        """
        end = period_end(self.event.date)
        if end is None:
            return self.published
        return end if self.published is None else min(end, self.published)

    @property
    def available_on(self) -> date | None:
        """The day the report itself could be read (its publication, else the event date)."""
        return self.published or self.known_on


def period_start(when: EventDate) -> date | None:
    """The first day of an event date's period."""
    if when.value is None:
        return None
    if when.precision is DatePrecision.YEAR:
        return date(when.value.year, 1, 1)
    if when.precision is DatePrecision.MONTH:
        return date(when.value.year, when.value.month, 1)
    return when.value


def period_end(when: EventDate) -> date | None:
    """The last day of an event date's period."""
    if when.value is None:
        return None
    if when.precision is DatePrecision.YEAR:
        return date(when.value.year, 12, 31)
    if when.precision is DatePrecision.MONTH:
        last = calendar.monthrange(when.value.year, when.value.month)[1]
        return date(when.value.year, when.value.month, last)
    return when.value


def country(actor: Actor | None) -> str | None:
    """The country of an actor, or its code when it has none (organisations)."""
    if actor is None:
        return None
    return actor.country or actor.code


def pair_key(event: Event, ordered: bool = False) -> tuple[str, str] | None:
    """The event's (source, target) countries, sorted unless `ordered`; None without a target."""
    source, target = country(event.source), country(event.target)
    if source is None or target is None:
        return None
    return (source, target) if ordered else (min(source, target), max(source, target))


def in_pair(event: Event, pair: tuple[str, str], ordered: bool = False) -> bool:
    """True when the event is between the two countries (in this direction when `ordered`)."""
    found = pair_key(event, ordered=True)
    if found is None:
        return False
    return found == pair or (not ordered and found == (pair[1], pair[0]))


def report_order(report: Report) -> tuple[date, str, int, int, str]:
    """A total order on reports that does not depend on the order they were stored in."""
    event = report.event
    return (
        report.known_on or date.min,
        event.evidence.doc_id,
        event.evidence.sentence,
        event.evidence.trigger_start,
        event.id,
    )


def independent_sources(outlets_by_doc: Mapping[str, Sequence[str]]) -> int:
    """How many independent sources a set of documents amounts to.

    Documents sharing an outlet are one source (one outlet, or one wire story syndicated under
    several mastheads: a document's outlets are all the outlets that carried its body). A
    document whose outlets are unknown counts as a source of its own.
    """
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for doc_id, outlets in outlets_by_doc.items():
        names = [f"outlet:{o}" for o in outlets] or [f"doc:{doc_id}"]
        for name in names:
            parent[find(name)] = find(f"doc:{doc_id}")
    return len({find(f"doc:{doc_id}") for doc_id in outlets_by_doc})


def reports_sources(reports: Iterable[Report]) -> int:
    """Independent sources among reports (see `independent_sources`)."""
    outlets: dict[str, tuple[str, ...]] = {}
    for report in reports:
        outlets.setdefault(report.event.evidence.doc_id, report.outlets)
    return independent_sources(outlets)
