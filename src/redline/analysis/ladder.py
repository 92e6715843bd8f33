"""The cooperation ladder of a pair: the level reached as fact, the level only signalled.

Items count from their own date (`Report.known_on`: historical background at the date it
happened, a speculation from the day it was reported). The asserted level at a date is the
highest rung among asserted items still in effect; the signalled level is the highest rung
among asserted or signalled items, so it is never below the asserted one. A lapse ends earlier
commitments (not activities: munitions delivered stay delivered) at or above its level; when it
names the agreements it ends (for events: years mentioned in its sentence that match a
commitment), only those.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from redline.analysis.evidence import Basis, EvidenceItem, ItemKind, LadderEvidence, Status
from redline.analysis.evidence import status_of as _status_of
from redline.analysis.ladder_rules import Ladder, LevelGuard, Rung
from redline.analysis.reports import Report, country, period_start

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
STATUS_RANK = {Status.ASSERTED: 0, Status.SIGNALLED: 1, Status.DENIED: 2}


@dataclass(frozen=True, slots=True)
class LevelState:
    """The ladder of a pair on one date, with the items that put it there."""

    at: date
    asserted: int
    signalled: int
    asserted_by: tuple[LadderEvidence, ...] = ()
    signalled_by: tuple[LadderEvidence, ...] = ()
    ended: tuple[LadderEvidence, ...] = ()
    lapses: tuple[LadderEvidence, ...] = ()
    denied: tuple[LadderEvidence, ...] = ()


@dataclass(frozen=True, slots=True)
class LevelChange:
    """A date on which the asserted or signalled level changed, and the items that moved it."""

    date: date
    asserted: int
    signalled: int
    items: tuple[LadderEvidence, ...]


def ladder_items(
    reports: Iterable[Report],
    ladder: Ladder,
    pair: tuple[str, str],
    successors: Mapping[str, str] | None = None,
) -> list[EvidenceItem]:
    """The evidence items of a pair; a historic state counts for its successor (SUN for RUS)."""
    successors = successors or {}
    wanted = tuple(sorted(pair))
    candidates: list[tuple[LevelGuard | None, EvidenceItem]] = []
    for report in reports:
        source, target = country(report.event.source), country(report.event.target)
        if source is None or target is None or report.known_on is None:
            continue
        mapped = (successors.get(source, source), successors.get(target, target))
        status = _status_of(report.event.modality)
        if tuple(sorted(mapped)) != wanted or status is None:
            continue
        note = "" if mapped == (source, target) else f" (as {source}-{target})"
        for rung in ladder.rungs:
            item = _item(report, rung, status, ladder, note)
            if item is not None:
                candidates.append((rung.requires, item))
    plain = [item for guard, item in candidates if guard is None]
    levels_on = _levels_on(plain) if len(plain) < len(candidates) else None
    accepted = [
        item
        for guard, item in candidates
        if guard is None or (levels_on is not None and guard_holds(guard, levels_on(item.date)))
    ]
    # One item per event and rung level: the strongest status, then the first rung listed.
    best: dict[tuple[str, int, ItemKind], EvidenceItem] = {}
    for item in accepted:
        key = (item.event_id or "", item.level, item.kind)
        if key not in best or STATUS_RANK[item.status] < STATUS_RANK[best[key].status]:
            best[key] = item
    return sorted(best.values(), key=lambda i: (i.date, i.level, i.rung, i.event_id or ""))


def _item(
    report: Report, rung: Rung, status: Status, ladder: Ladder, note: str
) -> EvidenceItem | None:
    event = report.event
    if not rung.condition.matches(event):
        return None
    if rung.kind is ItemKind.LAPSE and status is not Status.ASSERTED:
        return None
    if rung.max_status is Status.SIGNALLED and status is Status.ASSERTED:
        status = Status.SIGNALLED
    when = report.known_on
    assert when is not None
    start = period_start(event.date)
    promise = rung.basis is Basis.COMMITMENT or event.type in ladder.commitment_types
    basis = Basis.COMMITMENT if promise else Basis.ACTIVITY
    target = event.target.code if event.target else "-"
    return EvidenceItem(
        date=when,
        level=rung.level,
        modality=event.modality,
        status=status,
        kind=rung.kind,
        basis=basis,
        description=f"{rung.description or rung.id}: {event.type} {event.source.code} -> "
        f"{target}{note}, {event.modality.value}",
        evidence=event.evidence,
        rung=rung.id,
        agreement=f"year:{start.year}" if start and promise else None,
        lapses=tuple(
            f"year:{y}"
            for y in sorted({int(y) for y in YEAR.findall(event.evidence.text)})
            if y < when.year
        )
        if rung.kind is ItemKind.LAPSE
        else (),
        report=report,
    )


def _levels_on(items: Sequence[LadderEvidence]) -> Callable[[date], LevelState]:
    """The levels (without the items behind them) on any date, from one history sweep."""
    history = level_history(items)
    days = [change.date for change in history]

    def on(day: date) -> LevelState:
        position = bisect_right(days, day)
        if not position:
            return LevelState(at=day, asserted=0, signalled=0)
        change = history[position - 1]
        return LevelState(at=day, asserted=change.asserted, signalled=change.signalled)

    return on


def guard_holds(guard: LevelGuard, state: LevelState) -> bool:
    """True when the pair's level with the guard's status is at least the guard's."""
    level = state.asserted if guard.status is Status.ASSERTED else state.signalled
    return level >= guard.at_least


def level_at(items: Sequence[LadderEvidence], at: date) -> LevelState:
    """The ladder on `at`: items dated that day or before, less the commitments that lapsed."""
    ends = ended_from(items)
    current = [i for i in items if i.date <= at]
    lapses = [i for i in current if i.kind is ItemKind.LAPSE and i.status is Status.ASSERTED]
    reach = [i for i in current if i.kind is ItemKind.REACH]
    gone = {id(i) for i in reach if (end := ends.get(id(i))) is not None and end <= at}
    ended = [i for i in reach if id(i) in gone]
    live = [i for i in reach if id(i) not in gone]
    asserted = max((i.level for i in live if i.status is Status.ASSERTED), default=0)
    signal = max((i.level for i in live if i.status is Status.SIGNALLED), default=0)
    signalled = max(asserted, signal)
    return LevelState(
        at=at,
        asserted=asserted,
        signalled=signalled,
        asserted_by=tuple(i for i in live if i.status is Status.ASSERTED and i.level == asserted)
        if asserted
        else (),
        signalled_by=tuple(i for i in live if i.status is Status.SIGNALLED and i.level == signal)
        if signal > asserted
        else (),
        ended=tuple(ended),
        lapses=tuple(lapses),
        denied=tuple(i for i in live if i.status is Status.DENIED),
    )


def ended_from(items: Sequence[LadderEvidence]) -> dict[int, date]:
    """For each commitment some lapse ends, the date of the first such lapse (keyed by `id`).

    A lapse ends the commitments made before it at or above its level; when it names
    agreements, only those of them that had been made before it. Which agreements had been
    made before a lapse does not depend on the date the ladder is read at (they are all
    earlier than the lapse), so each lapse's scope is computed once, and a commitment is ended
    on any date from its first matching lapse on.
    """
    lapses = sorted(
        (i for i in items if i.kind is ItemKind.LAPSE and i.status is Status.ASSERTED),
        key=lambda i: i.date,
    )
    if not lapses:
        return {}
    commitments = sorted(
        (i for i in items if i.kind is ItemKind.REACH and i.basis is Basis.COMMITMENT),
        key=lambda i: i.date,
    )
    # The agreements made strictly before each lapse: one pass over both sorted lists.
    scopes: list[tuple[LadderEvidence, frozenset[str] | None]] = []
    made: set[str] = set()
    position = 0
    for lapse in lapses:
        while position < len(commitments) and commitments[position].date < lapse.date:
            agreement = commitments[position].agreement
            if agreement is not None:
                made.add(agreement)
            position += 1
        named = set(lapse.lapses) & made
        scopes.append((lapse, frozenset(named) if named else None))  # None: ends every one
    lapse_dates = [lapse.date for lapse in lapses]
    out: dict[int, date] = {}
    for item in commitments:
        for lapse, scope in scopes[bisect_right(lapse_dates, item.date) :]:
            if item.level >= lapse.level and (scope is None or item.agreement in scope):
                out[id(item)] = lapse.date
                break
    return out


def level_history(items: Sequence[LadderEvidence]) -> list[LevelChange]:
    """Every date on which the asserted or the signalled level changed.

    One sweep over the sorted dates: each reach item joins the live counts on its date and
    leaves them on the date it lapses, so the history is what `level_at` would give on every
    date, without recomputing the ladder from scratch each time.
    """
    ends = ended_from(items)
    by_day: dict[date, list[LadderEvidence]] = {}
    leaving: dict[date, list[LadderEvidence]] = {}
    for item in items:
        by_day.setdefault(item.date, []).append(item)
        end = ends.get(id(item))
        if end is not None and item.kind is ItemKind.REACH:
            leaving.setdefault(end, []).append(item)
    live: dict[Status, Counter[int]] = {Status.ASSERTED: Counter(), Status.SIGNALLED: Counter()}
    changes: list[LevelChange] = []
    previous = (0, 0)
    for day in sorted(by_day):
        today = by_day[day]
        for item in today:
            if item.kind is ItemKind.REACH and item.status in live:
                live[item.status][item.level] += 1
        for item in leaving.get(day, ()):
            if item.status in live:
                live[item.status][item.level] -= 1
        asserted = max((lv for lv, n in live[Status.ASSERTED].items() if n > 0), default=0)
        signal = max((lv for lv, n in live[Status.SIGNALLED].items() if n > 0), default=0)
        signalled = max(asserted, signal)
        if (asserted, signalled) == previous:
            continue
        reach = [i for i in today if i.kind is ItemKind.REACH]
        movers = [
            *(i for i in reach if asserted and i.status is Status.ASSERTED and i.level == asserted),
            *(
                i
                for i in reach
                if signal > asserted and i.status is Status.SIGNALLED and i.level == signal
            ),
            *(i for i in today if i.kind is ItemKind.LAPSE and i.status is Status.ASSERTED),
        ]
        changes.append(LevelChange(day, asserted, signalled, tuple(movers)))
        previous = (asserted, signalled)
    return changes
