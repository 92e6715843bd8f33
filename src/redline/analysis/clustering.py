"""One event, many reports: merge the mentions of one real event across articles.

Two mentions are one event when they concern the same pair of countries (either direction),
have the same PLOVER type, share a context (or one has none), have compatible dates (their
periods overlap, give or take a day for "on Wednesday" read against different publication
dates) and similar evidence: the Jaccard overlap of their content words (lower-case words, cut
to five-letter stems) reaches `min_similarity`. Capitalised words and the trigger are left out:
the names of the two parties and their capitals are in nearly every sentence about the pair,
and the trigger verb is what the type already says, so neither tells which event a sentence
reports. Two sentences of one document are two events unless they are much closer
(`same_document_similarity`): an article rarely reports one event twice in different words,
but often reports two events of one type on one day.

Modality is not part of the key: an assertion, its denial and its earlier speculation stay
together as mentions of one event, each with its own modality. Clusters are the connected
groups of linked mentions, so the result does not depend on the order of the input. Links are
found through an index of candidates (`redline.analysis.linking`), not by comparing every two
mentions of a day, so a pair with thousands of reports a day is clustered in near-linear time.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import itemgetter

from redline.analysis.linking import link_mentions
from redline.analysis.reports import country, independent_sources, period_end, period_start
from redline.models import Event, EventDate, Modality

STOPWORDS = frozenset(
    """the and for that with from this have has had was were are its their his her they them
    said says say told after before during since when which who whom what would could should
    may might will shall not but also than then there about into over under between other
    each both either any all been being such more most some very just only one two three""".split()
)
WORD = re.compile(r"[A-Za-z]{3,}")
STEM = 5


@dataclass(frozen=True, slots=True)
class EventCluster:
    """One real event with every mention of it."""

    id: str
    type: str
    pair: tuple[str, str]
    date: EventDate
    mentions: tuple[Event, ...]
    outlets: tuple[str, ...]
    source_count: int

    @property
    def mention_count(self) -> int:
        """How many sentences report the event."""
        return len(self.mentions)

    @property
    def modalities(self) -> Counter[Modality]:
        """How many mentions present the event in each modality."""
        return Counter(m.modality for m in self.mentions)


@dataclass(frozen=True, slots=True)
class _Mention:
    event: Event
    interval: tuple[date, date] | None
    tokens: frozenset[str]


def cluster_events(
    events: Iterable[Event],
    outlets_of: Callable[[str], Sequence[str]],
    *,
    tolerance_days: int = 1,
    min_similarity: float = 0.1,
    same_document_similarity: float = 0.35,
) -> list[EventCluster]:
    """Group mentions of the same event; `outlets_of(doc_id)` names the outlets of a document.

    Mentions are linked when they pass every test above; a cluster is a connected group of
    links, so which mention comes first never decides what joins.
    """
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
        linked = _link(mentions, tolerance_days, min_similarity, same_document_similarity)
        clusters.extend(_finish(pair, group, outlets_of) for group in linked)
    return sorted(clusters, key=lambda c: (order_of[id(c.mentions[0])], c.id))


def _link(
    mentions: list[_Mention], tolerance: int, similar: float, same_document: float
) -> list[list[Event]]:
    """Connected groups of mentions (union-find); see `redline.analysis.linking`.

    `mentions` come in `_order`, so each group, filled in that order, is already sorted.
    """
    parent = link_mentions(
        [(m.interval, m.event.contexts, m.tokens, m.event.evidence.doc_id) for m in mentions],
        tolerance,
        similar,
        same_document,
    )
    groups: dict[int, list[Event]] = {}
    for i, mention in enumerate(mentions):
        groups.setdefault(parent[i], []).append(mention.event)
    return list(groups.values())


def _same_event(a: _Mention, b: _Mention, tolerance: int, similar: float, same: float) -> bool:
    if not _compatible(a.interval, b.interval, tolerance):
        return False
    if not _related(a.event.contexts, b.event.contexts):
        return False
    needed = same if a.event.evidence.doc_id == b.event.evidence.doc_id else similar
    return _jaccard(a.tokens, b.tokens) >= needed


def _finish(
    pair: tuple[str, str], mentions: list[Event], outlets_of: Callable[[str], Sequence[str]]
) -> EventCluster:
    outlets_by_doc = {m.evidence.doc_id: tuple(outlets_of(m.evidence.doc_id)) for m in mentions}
    names = sorted({o for outlets in outlets_by_doc.values() for o in outlets})
    first = mentions[0]
    return EventCluster(
        id=hashlib.sha256(("cluster|" + first.id).encode("utf-8")).hexdigest()[:24],
        type=first.type,
        pair=pair,
        date=_best_date(mentions),
        mentions=tuple(mentions),
        outlets=tuple(names),
        source_count=1 if len(outlets_by_doc) == 1 else independent_sources(outlets_by_doc),
    )


def _best_date(mentions: Sequence[Event]) -> EventDate:
    """The most precise date among the mentions, the earliest among equals."""
    rank = {"day": 0, "month": 1, "year": 2}
    dated = [m.date for m in mentions if m.date.value is not None]
    if not dated:
        return mentions[0].date
    return min(dated, key=lambda d: (rank.get(d.precision or "year", 3), d.value))


def _pair(event: Event) -> tuple[str, str]:
    source, target = country(event.source) or "-", country(event.target) or "-"
    return (min(source, target), max(source, target))


def _order(event: Event) -> tuple[date, str, int, int, str]:
    start = period_start(event.date) or date.min
    ev = event.evidence
    return (start, ev.doc_id, ev.sentence, ev.trigger_start, event.id)


def _interval(when: EventDate) -> tuple[date, date] | None:
    start, end = period_start(when), period_end(when)
    return None if start is None or end is None else (start, end)


def _compatible(
    a: tuple[date, date] | None, b: tuple[date, date] | None, tolerance_days: int
) -> bool:
    if a is None or b is None:
        return a is None and b is None
    slack = timedelta(days=tolerance_days)
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def _related(a: Sequence[str], b: Sequence[str]) -> bool:
    """Contexts that do not rule out one event: overlapping, or one side has none."""
    return not a or not b or bool(set(a) & set(b))


def _tokens(text: str, trigger: str = "") -> frozenset[str]:
    """Content stems of a sentence, without names and without the trigger (the type has it)."""
    trigger_words = {w.lower() for w in WORD.findall(trigger)} if trigger else set()
    stems = set()
    for word in WORD.findall(text):
        if word[0].isupper():
            continue
        lower = word.lower()
        if lower not in STOPWORDS and lower not in trigger_words:
            stems.add(lower[:STEM])
    return frozenset(stems)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
