"""Conflict-cooperation series of a pair: PLOVER intensity per period, against news volume.

Each real event counts once (an `EventCluster`), with the mean intensity of its asserted
mentions; clusters with no asserted mention (only speculated, denied, historical...) do not
count. Per period:

- `cooperation` / `conflict`: the sums of positive / negative intensities of the pair's events;
- `volume`: the events of every pair in that period (how much news there was);
- `normalised`: the pair's net intensity per event of news volume, so a busy news month does
  not look like a shift in the relationship (None for a period with no news at all);
- `change`: the z-score of `normalised` against the `window` measured periods before it (population
  standard deviation, floored at `min_std` so a long flat stretch does not divide by zero);
  `flagged` when its absolute value reaches `threshold`.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from redline.analysis.clustering import EventCluster
from redline.analysis.reports import period_start
from redline.models import Modality

PERIODS = ("month", "quarter", "year")


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One period of a pair's series."""

    period: str
    start: date
    events: int
    cooperation: float
    conflict: float
    volume: int
    normalised: float | None  # None: no news at all that period, so nothing to measure
    change: float | None
    flagged: bool

    @property
    def net(self) -> float:
        """Cooperation plus conflict (conflict is negative)."""
        return self.cooperation + self.conflict


def conflict_cooperation_series(
    clusters: Sequence[EventCluster],
    pair: tuple[str, str],
    period: str = "month",
    window: int = 6,
    threshold: float = 2.0,
    min_std: float = 0.1,
    since: date | None = None,
    until: date | None = None,
) -> list[SeriesPoint]:
    """The pair's series from its first to its last period with an asserted event.

    `since` / `until` bound the events counted (e.g. to the span the news covers: an event a
    2024 article dates to 2000 is history, and there is no news volume to weigh it against).
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    wanted = tuple(sorted(pair))
    volume: dict[date, int] = {}
    scores: dict[date, list[float]] = {}
    for cluster in clusters:
        value = _intensity(cluster)
        start = period_start(cluster.date)
        if value is None or start is None:
            continue
        if (since and start < since) or (until and start > until):
            continue
        key = _period_start(start, period)
        volume[key] = volume.get(key, 0) + 1
        if cluster.pair == wanted:
            scores.setdefault(key, []).append(value)
    if not scores:
        return []
    points: list[SeriesPoint] = []
    history: list[float] = []
    for key in _periods(min(scores), max(scores), period):
        values = scores.get(key, [])
        cooperation = float(sum(v for v in values if v > 0))
        conflict = float(sum(v for v in values if v < 0))
        news = volume.get(key, 0)
        normalised = (cooperation + conflict) / news if news else None
        change = None
        if normalised is not None and window:
            change = _z(normalised, history[-window:], min_std)
        points.append(
            SeriesPoint(
                period=_label(key, period),
                start=key,
                events=len(values),
                cooperation=round(cooperation, 3),
                conflict=round(conflict, 3),
                volume=news,
                normalised=None if normalised is None else round(normalised, 4),
                change=None if change is None else round(change, 3),
                flagged=change is not None and abs(change) >= threshold,
            )
        )
        if normalised is not None:
            history.append(normalised)
    return points


def _intensity(cluster: EventCluster) -> float | None:
    values = [
        m.intensity
        for m in cluster.mentions
        if m.modality is Modality.ASSERTED and m.intensity is not None
    ]
    return statistics.fmean(values) if values else None


def _z(value: float, previous: Sequence[float], min_std: float) -> float | None:
    if len(previous) < 3:
        return None
    spread = max(statistics.pstdev(previous), min_std)
    return (value - statistics.fmean(previous)) / spread


def _period_start(day: date, period: str) -> date:
    if period == "year":
        return date(day.year, 1, 1)
    if period == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, day.month, 1)


def _periods(first: date, last: date, period: str) -> list[date]:
    step = {"month": 1, "quarter": 3, "year": 12}[period]
    out, current = [], first
    while current <= last:
        out.append(current)
        months = current.month - 1 + step
        current = date(current.year + months // 12, months % 12 + 1, 1)
    return out


def _label(start: date, period: str) -> str:
    if period == "year":
        return str(start.year)
    if period == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}-{start.month:02d}"
