"""A pair's ladder read on many dates: `level_at` for each, from one sweep forward in time.

A rule with a level leaf reads the ladder on the date of every report it evaluates. Computing
`level_at(items, day)` afresh each time costs the whole item list per date, so a pair with tens
of thousands of items and a few hundred report dates spends minutes there. `Timeline.on` gives
the very same `LevelState` (same numbers, same items in the same order) by moving a sweep
forward: each item joins the live sets on its date and leaves them on the date a lapse ends it.
A date earlier than the sweep restarts it (the rules read dates in order, so that is rare).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from redline.analysis.evidence import ItemKind, LadderEvidence, Status
from redline.analysis.ladder import LevelState, ended_from, level_at


class Timeline:
    """The ladder of one pair on any date, each date computed once."""

    def __init__(self, items: Sequence[LadderEvidence]) -> None:
        self.items = list(items)
        self.dates = [i.date for i in self.items]
        # The sweep takes items in list order, which must be date order (ladder_items sorts
        # them so); any other list is read with `level_at` itself.
        self.sorted = all(a <= b for a, b in zip(self.dates, self.dates[1:], strict=False))
        self.ends = ended_from(self.items) if self.sorted else {}
        self.cache: dict[date, LevelState] = {}
        self._reset()

    def _reset(self) -> None:
        self.position = 0
        self.day = date.min
        # Live reach items by (status, level), and by status, keyed by list position: keys go in
        # ascending, so each dict stays in list order whatever leaves it.
        self.live: dict[tuple[Status, int], dict[int, LadderEvidence]] = {}
        self.live_status: dict[Status, dict[int, LadderEvidence]] = {}
        self.leaving: dict[date, list[int]] = {}
        self.ended: list[int] = []
        self.lapses: list[LadderEvidence] = []

    def on(self, day: date) -> LevelState:
        """The same state as `level_at(items, day)`."""
        state = self.cache.get(day)
        if state is None:
            state = self._compute(day) if self.sorted else level_at(self.items, day)
            self.cache[day] = state
        return state

    def _compute(self, day: date) -> LevelState:
        if day < self.day:
            self._reset()
        self.day = day
        while self.position < len(self.items) and self.dates[self.position] <= day:
            self._join(self.position)
            self.position += 1
        for end in sorted(d for d in self.leaving if d <= day):
            for index in self.leaving.pop(end):
                self._leave(index)
        return self._state(day)

    def _join(self, index: int) -> None:
        item = self.items[index]
        if item.kind is ItemKind.LAPSE and item.status is Status.ASSERTED:
            self.lapses.append(item)
        if item.kind is not ItemKind.REACH:
            return
        self.live.setdefault((item.status, item.level), {})[index] = item
        self.live_status.setdefault(item.status, {})[index] = item
        end = self.ends.get(id(item))
        if end is not None:
            self.leaving.setdefault(end, []).append(index)

    def _leave(self, index: int) -> None:
        item = self.items[index]
        del self.live[(item.status, item.level)][index]
        del self.live_status[item.status][index]
        self.ended.append(index)

    def _top(self, status: Status) -> int:
        return max(
            (lv for (st, lv), found in self.live.items() if st is status and found), default=0
        )

    def _state(self, day: date) -> LevelState:
        asserted = self._top(Status.ASSERTED)
        signal = self._top(Status.SIGNALLED)
        self.ended.sort()
        return LevelState(
            at=day,
            asserted=asserted,
            signalled=max(asserted, signal),
            asserted_by=tuple(self.live[(Status.ASSERTED, asserted)].values()) if asserted else (),
            signalled_by=tuple(self.live[(Status.SIGNALLED, signal)].values())
            if signal > asserted
            else (),
            ended=tuple(self.items[i] for i in self.ended),
            lapses=tuple(self.lapses),
            denied=tuple(self.live_status.get(Status.DENIED, {}).values()),
        )
