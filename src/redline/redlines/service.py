"""Red lines over a store: read the reports, evaluate the rules, save the alerts.

`refresh(store)` is what the ingest path calls after documents arrive; the CLI's `redlines
check` calls it with the user's rules. Every call re-evaluates the stored events as a whole,
so the alerts depend only on what is stored, not on the order it arrived in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import lru_cache

from sqlalchemy import select

from redline.analysis.ladder_rules import Ladder, packaged_ladder
from redline.analysis.reports import Report
from redline.models import Event
from redline.redlines.alerts import Alert
from redline.redlines.lifecycle import evaluate_rules
from redline.redlines.marks import mark_evaluated, sightings
from redline.redlines.repository import AlertRepository
from redline.redlines.rules import RuleSet, configured_rules
from redline.store import EventFilter, Store
from redline.store.schema import document_copies

CHUNK = 500


def refresh(
    store: Store,
    rules: RuleSet | None = None,
    ladder: Ladder | None = None,
    on_change: Callable[[Alert], None] | None = None,
) -> list[Alert]:
    """Evaluate `rules` (default: `configured_rules()`) over the store and save the alerts.

    Returns every alert; `on_change` is called with each one that is new or changed since the
    last evaluation (what a notifier sends).
    """
    rules = rules or configured_rules()
    seen = sightings(store.engine)  # counted first: later arrivals make the next run evaluate
    pairs = [r.pair for r in rules.rules]
    reports = stored_reports(store, None if any(p is None for p in pairs) else pairs)
    alerts = evaluate_rules(rules, reports, ladder or packaged_ladder(), successors())
    changed = AlertRepository(store.engine).replace(rules.ids, alerts)
    mark_evaluated(store.engine, seen)
    if on_change is not None:
        for alert in changed:
            on_change(alert)
    return alerts


def stored_reports(
    store: Store, pairs: Iterable[tuple[str, str] | None] | None = None
) -> list[Report]:
    """The stored events as reports: all of them, or those of `pairs` and their predecessors."""
    if pairs is None:
        events = store.events()
    else:
        found: dict[str, Event] = {}
        for pair in {tuple(sorted(p)) for p in pairs if p is not None}:
            for a in (pair[0], *predecessors(pair[0])):
                for b in (pair[1], *predecessors(pair[1])):
                    for event in store.events(EventFilter(pair=(a, b))):
                        found.setdefault(event.id, event)
        events = list(found.values())
    published, outlets = document_sightings(store, {e.evidence.doc_id for e in events})
    return [
        Report(
            event,
            published.get(event.evidence.doc_id),
            outlets.get(event.evidence.doc_id, ()),
        )
        for event in events
    ]


def document_sightings(
    store: Store, doc_ids: Iterable[str]
) -> tuple[dict[str, date], dict[str, tuple[str, ...]]]:
    """For each document: its earliest publication among its copies, and every outlet of it.

    The earliest copy, not the first one stored: the result must not depend on which copy of a
    syndicated story was ingested first.
    """
    ids = sorted(doc_ids)
    published: dict[str, date] = {}
    outlets: dict[str, set[str]] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            query = select(
                document_copies.c.doc_id, document_copies.c.source, document_copies.c.published_at
            ).where(document_copies.c.doc_id.in_(chunk))
            for row in conn.execute(query):
                day = row.published_at.date()
                published[row.doc_id] = min(day, published.get(row.doc_id, day))
                outlets.setdefault(row.doc_id, set()).add(row.source)
    return published, {k: tuple(sorted(v)) for k, v in outlets.items()}


@lru_cache(maxsize=1)
def successors() -> Mapping[str, str]:
    """Historic states and the state continuing them (SUN -> RUS), from the actor tables."""
    from redline.actors.tables import packaged_tables

    direct = {
        c.code: c.successor
        for c in packaged_tables().countries.values()
        if c.historic and c.successor
    }
    out: dict[str, str] = {}
    for code in direct:
        current, seen = code, {code}
        while current in direct and direct[current] not in seen:  # YUG -> SCG -> SRB
            current = direct[current]
            seen.add(current)
        out[code] = current
    return out


def predecessors(code: str) -> tuple[str, ...]:
    """The historic states a state continues (RUS -> SUN)."""
    return tuple(sorted(k for k, v in successors().items() if v == code))
