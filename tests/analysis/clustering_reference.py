"""The pairwise clustering that `cluster_events` replaced, kept to check that nothing changed.

This is the algorithm as it was before candidates were indexed: within each (pair, type) bucket
every mention is compared with every later one whose dates can still meet. It is quadratic in
the number of mentions of one pair, type and day, and is used only by the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from operator import itemgetter

from redline.analysis.clustering import (
    EventCluster,
    _finish,
    _interval,
    _Mention,
    _order,
    _pair,
    _same_event,
    _tokens,
)
from redline.models import Event


def reference_cluster_events(
    events: Iterable[Event],
    outlets_of: Callable[[str], Sequence[str]],
    *,
    tolerance_days: int = 1,
    min_similarity: float = 0.1,
    same_document_similarity: float = 0.35,
) -> list[EventCluster]:
    """The clusters as the pairwise algorithm made them."""
    buckets: dict[tuple[tuple[str, str], str], list[_Mention]] = {}
    keyed = sorted(((_order(event), event) for event in events), key=itemgetter(0))
    order_of = {id(event): key for key, event in keyed}
    for _, event in keyed:
        mention = _Mention(
            event, _interval(event.date), _tokens(event.evidence.text, event.trigger)
        )
        buckets.setdefault((_pair(event), event.type), []).append(mention)
    clusters: list[EventCluster] = []
    for (pair, _), mentions in buckets.items():
        linked = _pairwise(mentions, tolerance_days, min_similarity, same_document_similarity)
        clusters.extend(_finish(pair, group, outlets_of) for group in linked)
    return sorted(clusters, key=lambda c: (order_of[id(c.mentions[0])], c.id))


def _pairwise(
    mentions: list[_Mention], tolerance: int, similar: float, same_document: float
) -> list[list[Event]]:
    dated = sorted(
        (i for i, m in enumerate(mentions) if m.interval),
        key=lambda i: mentions[i].interval or (date.min, date.min),
    )
    undated = [i for i, m in enumerate(mentions) if m.interval is None]
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    slack = timedelta(days=tolerance)
    for group in (dated, undated):
        for position, i in enumerate(group):
            a = mentions[i]
            for j in group[position + 1 :]:
                b = mentions[j]
                if a.interval and b.interval and b.interval[0] - slack > a.interval[1]:
                    break
                if _same_event(a, b, tolerance, similar, same_document):
                    parent[root(j)] = root(i)
    groups: dict[int, list[Event]] = {}
    for i, mention in enumerate(mentions):
        groups.setdefault(root(i), []).append(mention.event)
    return list(groups.values())
