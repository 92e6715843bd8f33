"""Which mentions of one pair and type are linked: the candidate index behind `cluster_events`.

Comparing every mention with every other one of the same days is quadratic in the number of
mentions of one pair, type and day, which a large archive has by the thousand. The links, and so
the clusters, are computed here without that loop; they are exactly those of the pairwise
comparison (`tests/analysis/clustering_reference.py` keeps it, and the tests compare the two):

- Identical mentions (same period, contexts and content words) are one node: they always link,
  so a syndicated sentence printed by a hundred outlets is compared once, not a hundred times.
- Nodes are swept in date order; a node is active while a later start can still meet its
  period, and an inverted index maps each content word to the active nodes that have it. A node
  is compared only with the active nodes sharing a word with it (the overlap counted on the way),
  since a Jaccard overlap of zero never reaches a positive threshold. Only when a threshold is
  zero or below is every active node a candidate.
- A candidate already in the node's group is skipped: a group is found once, whichever of its
  links is found first.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import chain

Interval = tuple[date, date] | None
MentionKey = tuple[Interval, Sequence[str], frozenset[str], str]


@dataclass(slots=True)
class _Node:
    """Identical mentions: their first index, shared fields and the documents they come from."""

    first: int
    interval: Interval
    contexts: frozenset[str]
    tokens: frozenset[str]
    docs: set[str] = field(default_factory=set)


def link_mentions(
    mentions: Sequence[MentionKey], tolerance: int, similar: float, same_document: float
) -> list[int]:
    """The group of each mention, as the index of one member (the same for the whole group).

    Each mention is (period or None, contexts, content words, document id). Two mentions link
    when their periods meet within `tolerance` days (or both have none), their contexts overlap
    (or one has none) and the Jaccard overlap of their words reaches `same_document` for two
    sentences of one document, `similar` otherwise.
    """
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    slack = timedelta(days=tolerance)
    nodes = _nodes(mentions, slack, similar <= 1.0 and same_document <= 1.0, parent)
    lenient = not (similar > 0.0 and same_document > 0.0)
    lowest = min(similar, same_document)  # a link reaches at least this
    dated = sorted((n for n in nodes if n.interval), key=lambda n: n.interval or (date.min,) * 2)
    undated = [n for n in nodes if n.interval is None]
    for group, expires in ((dated, True), (undated, False)):
        active: dict[int, _Node] = {}
        index: dict[str, set[int]] = {}
        empty: set[int] = set()
        ends: list[tuple[date, int]] = []
        for b in group:
            if expires and b.interval:
                horizon = b.interval[0] - slack
                while ends and ends[0][0] < horizon:
                    _, gone = heapq.heappop(ends)
                    for token in active.pop(gone).tokens:
                        index[token].discard(gone)
                    empty.discard(gone)
            rb, size = root(b.first), len(b.tokens)
            for key, overlap in _candidates(b, active, index, empty, lenient).items():
                a = active[key]
                union = size + len(a.tokens) - overlap
                if (overlap / union if union else 1.0) < lowest:
                    continue
                ra = root(a.first)
                if ra != rb and _links(a, b, overlap, slack, similar, same_document):
                    parent[ra] = rb
            active[b.first] = b
            for token in b.tokens:
                index.setdefault(token, set()).add(b.first)
            if not b.tokens:
                empty.add(b.first)
            if expires and b.interval:
                heapq.heappush(ends, (b.interval[1], b.first))
    return [root(i) for i in range(len(mentions))]


def _nodes(
    mentions: Sequence[MentionKey], slack: timedelta, merge: bool, parent: list[int]
) -> list[_Node]:
    """One node per distinct mention; identical ones (which always link) joined in `parent`.

    Identical mentions link when a Jaccard of 1 reaches both thresholds (`merge`) and their
    period meets itself (it always does, unless the tolerance is negative).
    """
    nodes: dict[object, _Node] = {}
    for i, (interval, contexts, tokens, doc) in enumerate(mentions):
        self_compatible = interval is None or interval[0] - slack <= interval[1]
        key: object = (interval, frozenset(contexts), tokens) if merge and self_compatible else i
        node = nodes.get(key)
        if node is None:
            node = nodes[key] = _Node(i, interval, frozenset(contexts), tokens)
        else:
            parent[i] = node.first
        node.docs.add(doc)
    return list(nodes.values())


def _candidates(
    b: _Node, active: dict[int, _Node], index: dict[str, set[int]], empty: set[int], lenient: bool
) -> dict[int, int]:
    """The active nodes that can link with `b`, each with the number of words it shares."""
    if lenient:
        return {key: len(a.tokens & b.tokens) for key, a in active.items()}
    if not b.tokens:
        return dict.fromkeys(empty, 0)
    return Counter(chain.from_iterable(index.get(token, ()) for token in b.tokens))


def _links(
    a: _Node, b: _Node, overlap: int, slack: timedelta, similar: float, same_document: float
) -> bool:
    """Whether some mention of `a` links with some mention of `b` (as the pairwise test says)."""
    if a.interval is None or b.interval is None:
        if a.interval is not None or b.interval is not None:
            return False
    elif not (a.interval[0] - slack <= b.interval[1] and b.interval[0] - slack <= a.interval[1]):
        return False
    if a.contexts and b.contexts and a.contexts.isdisjoint(b.contexts):
        return False
    union = len(a.tokens) + len(b.tokens) - overlap
    score = overlap / union if union else 1.0
    shared_doc = not a.docs.isdisjoint(b.docs)
    other_doc = not (shared_doc and len(a.docs) == 1 and a.docs == b.docs)
    return (other_doc and score >= similar) or (shared_doc and score >= same_document)
