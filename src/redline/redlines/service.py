"""Red lines over a store: read the reports, evaluate the rules, save the alerts.

`refresh(store)` is what the ingest path calls after documents arrive; the CLI's `redlines
check` calls it with the user's rules. An alert depends only on the reports of its pair (and,
for the ladder, of the historic states its pair continues), so a refresh re-evaluates only the
pairs that sightings stored since the last evaluation touch (`marks.changed_pairs`), and keeps
the other alerts as they are. When that cannot be told (never evaluated, other rules or ladder,
a sighting committed out of order) it evaluates the whole store. Either way the alerts depend
only on what is stored, not on the order it arrived in or the steps it was refreshed in.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import and_, func, or_, select

from redline.analysis.ladder_rules import Ladder, packaged_ladder
from redline.analysis.reports import Report
from redline.models import Event
from redline.redlines.alerts import Alert
from redline.redlines.digest import evaluation_digest
from redline.redlines.lifecycle import evaluate_rules
from redline.redlines.marks import changed_pairs, last_mark, write_mark
from redline.redlines.repository import AlertRepository
from redline.redlines.rules import RuleSet, configured_rules
from redline.store import EventFilter, Store
from redline.store.records import row_event
from redline.store.schema import document_copies
from redline.store.schema import events as event_rows

CHUNK = 500
PAIRS_PER_QUERY = 100
Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What one evaluation did: the alerts it computed, and the pairs it was narrowed to."""

    computed: list[Alert]  # every alert of the rules (full), or those of `pairs`
    changed: list[Alert]  # new or changed since the last evaluation (what a notifier sends)
    pairs: set[Pair] | None  # None: the whole store was evaluated


def refresh(
    store: Store,
    rules: RuleSet | None = None,
    ladder: Ladder | None = None,
    on_change: Callable[[Alert], None] | None = None,
    full: bool = False,
) -> list[Alert]:
    """Evaluate `rules` (default: `configured_rules()`) over the store and save the alerts.

    Only the pairs touched since the last evaluation are evaluated, unless `full` or the rules
    differ from those of the last evaluation. Returns every alert of the rules (by rule, then
    pair), reading the untouched ones back from the store; `on_change` is called with each one
    that is new or changed since the last evaluation (what a notifier sends). A caller that
    needs only the changes calls `update` and reads nothing back.
    """
    rules = rules or configured_rules()
    done = update(store, rules, ladder, on_change, full)
    if done.pairs is None:
        return done.computed
    order = {rule: i for i, rule in enumerate(rules.ids)}
    kept = AlertRepository(store.engine).stored(rules.ids, done.pairs)
    return sorted([*done.computed, *kept], key=lambda a: (order[a.rule], a.pair))


def update(
    store: Store,
    rules: RuleSet | None = None,
    ladder: Ladder | None = None,
    on_change: Callable[[Alert], None] | None = None,
    full: bool = False,
) -> Evaluation:
    """`refresh` without reading back the alerts it did not evaluate."""
    rules = rules or configured_rules()
    ladder = ladder or packaged_ladder()
    digest = evaluation_digest(rules, ladder, successors())
    mark = last_mark(store.engine)
    # Counted first: sightings stored while this runs are above the new mark, for the next run.
    seen, changed = changed_pairs(store.engine, mark)
    repository = AlertRepository(store.engine)
    touched: set[Pair] | None = None
    if full or changed is None or mark.digest != digest:
        computed = evaluate_rules(rules, _reports(store, rules, None), ladder, successors())
    else:
        touched = affected_pairs(changed)
        computed = []
        if touched:
            reports = _reports(store, rules, touched)
            found = evaluate_rules(rules, reports, ladder, successors())
            computed = [a for a in found if unordered(a.pair) in touched]
    updated = repository.replace(
        rules.ids, computed, touched, then=lambda conn: write_mark(conn, seen.count, seen, digest)
    )
    if on_change is not None:
        for alert in updated:
            on_change(alert)
    return Evaluation(computed, updated, touched)


def unordered(pair: Pair) -> Pair:
    """The pair with its codes sorted."""
    return (pair[0], pair[1]) if pair[0] <= pair[1] else (pair[1], pair[0])


def affected_pairs(changed: Iterable[Pair]) -> set[Pair]:
    """The pairs whose alerts new reports of `changed` pairs can move: their own, and the pair
    of the states that continue them (a SUN-PRK report counts on the RUS-PRK ladder)."""
    mapping = successors()
    out: set[Pair] = set()
    for a, b in changed:
        out.add(unordered((a, b)))
        out.add(unordered((mapping.get(a, a), mapping.get(b, b))))
    return out


def _reports(store: Store, rules: RuleSet, touched: Collection[Pair] | None) -> list[Report]:
    """The reports a full evaluation of `rules` reads, narrowed to the `touched` pairs.

    Rules with pairs read those pairs by the events' country columns; a rule without a pair
    reads every event, grouped by `pair_key` (country, else actor code), so narrowed it reads
    the touched pairs by those same keys.
    """
    pairs = [r.pair for r in rules.rules]
    if any(p is None for p in pairs):
        return stored_reports(store) if touched is None else _keyed_reports(store, touched)
    wanted = {unordered(p) for p in pairs if p is not None}
    return stored_reports(store, wanted if touched is None else wanted & set(touched))


def _keyed_reports(store: Store, pairs: Collection[Pair]) -> list[Report]:
    """The reports whose `pair_key` is one of `pairs` or of their predecessors' pairs."""
    wanted = sorted(
        {(a, b) for x, y in pairs for a in (x, *predecessors(x)) for b in (y, *predecessors(y))}
    )
    source = func.coalesce(event_rows.c.source_country, event_rows.c.source_code)
    target = func.coalesce(event_rows.c.target_country, event_rows.c.target_code)
    found: dict[str, Event] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(wanted), PAIRS_PER_QUERY):
            chunk = wanted[start : start + PAIRS_PER_QUERY]
            either = [
                or_(and_(source == a, target == b), and_(source == b, target == a))
                for a, b in chunk
            ]
            for row in conn.execute(select(event_rows).where(or_(*either))):
                found.setdefault(row.id, row_event(row))
    return _as_reports(store, list(found.values()))


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
    return _as_reports(store, events)


def _as_reports(store: Store, events: list[Event]) -> list[Report]:
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
