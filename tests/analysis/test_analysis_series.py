"""Conflict-cooperation series: intensity per period, normalised by news volume, z-scores."""

from __future__ import annotations

import pytest

from event_records import event
from redline.analysis.clustering import cluster_events
from redline.analysis.series import conflict_cooperation_series
from redline.models import Modality

TOPICS = ["grain shipments", "railway repairs", "fishing quotas", "tourism visas", "oil swaps"]


def month(day: str, n: int, intensity: float, target: str = "PRK") -> list:
    """`n` distinct events of one day (different topics, so they do not merge)."""
    return [
        event(
            f"Officials discussed {TOPICS[i]}.",
            day=day,
            doc=f"{day}-{target}-{i}",
            target=target,
            intensity=intensity,
            trigger="discussed",
        )
        for i in range(n)
    ]


def outlets(doc_id: str) -> list[str]:
    return [doc_id]


def test_series_counts_each_event_once_and_normalises_by_volume() -> None:
    events = month("2024-01-10", 2, 4.0) + month("2024-01-12", 2, 1.0, target="USA")
    events += month("2024-03-05", 1, -6.0)
    events += [
        event(
            "Russia may sign a pact with the North.",
            day="2024-03-06",
            intensity=2.5,
            modality=Modality.SPECULATED,
            doc="spec",
        )
    ]
    points = conflict_cooperation_series(cluster_events(events, outlets), ("PRK", "RUS"))
    assert [p.period for p in points] == ["2024-01", "2024-02", "2024-03"]
    january, february, march = points
    assert (january.events, january.cooperation, january.volume) == (2, 8.0, 4)
    assert january.normalised == pytest.approx(2.0)
    assert (february.events, february.volume, february.normalised) == (0, 0, None)  # no news
    assert (march.events, march.conflict, march.volume) == (1, -6.0, 1)  # speculation not counted


def test_an_unusual_shift_is_flagged() -> None:
    events = []
    for m in range(1, 9):
        events += month(f"2024-{m:02d}-15", 2, 2.0 + (m % 2) * 0.5)
    events += month("2024-09-15", 2, -9.0)
    points = conflict_cooperation_series(cluster_events(events, outlets), ("RUS", "PRK"), window=6)
    assert points[0].change is None  # too little history
    assert not any(p.flagged for p in points[:-1])
    assert points[-1].flagged and points[-1].change is not None and points[-1].change < -2


def test_quarters_and_unknown_period() -> None:
    events = month("2024-01-15", 1, 3.0) + month("2024-05-15", 1, 3.0)
    points = conflict_cooperation_series(cluster_events(events, outlets), ("RUS", "PRK"), "quarter")
    assert [p.period for p in points] == ["2024-Q1", "2024-Q2"]
    with pytest.raises(ValueError):
        conflict_cooperation_series([], ("RUS", "PRK"), "week")
