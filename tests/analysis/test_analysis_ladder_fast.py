"""The ladder's one-sweep history equals the straightforward date-by-date computation.

`level_history` and `level_at` precompute when each commitment lapses and sweep the dates once
(near-linear in the pair's items). The reference here is the earlier, plainly quadratic
algorithm — recompute the whole ladder on every date, rebuild each lapse's earlier agreements
for every item — kept only to check the fast one gives the same levels, the same items behind
them and the same history, on the demo corpus and on a synthetic busy pair.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pytest

from redline.analysis.evidence import Basis, EvidenceItem, ItemKind, LadderEvidence, Status
from redline.analysis.ladder import (
    LevelChange,
    LevelState,
    _levels_on,
    ladder_items,
    level_at,
    level_history,
)
from redline.analysis.ladder_rules import packaged_ladder
from redline.models import Evidence, Modality

SUCCESSORS = {"SUN": "RUS"}


def reference_level_at(items: Sequence[LadderEvidence], at: date) -> LevelState:
    """The ladder on `at`, recomputed from scratch (the earlier algorithm)."""
    current = [i for i in items if i.date <= at]
    lapses = [i for i in current if i.kind is ItemKind.LAPSE and i.status is Status.ASSERTED]
    reach = [i for i in current if i.kind is ItemKind.REACH]
    ended = [i for i in reach if _reference_ended(i, lapses, reach)]
    live = [i for i in reach if not any(i is e for e in ended)]
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


def _reference_ended(
    item: LadderEvidence, lapses: list[LadderEvidence], reach: list[LadderEvidence]
) -> bool:
    if item.basis is not Basis.COMMITMENT:
        return False
    for lapse in lapses:
        if lapse.date <= item.date or item.level < lapse.level:
            continue
        made_before = {
            r.agreement for r in reach if r.basis is Basis.COMMITMENT and r.date < lapse.date
        }
        scope = set(lapse.lapses) & made_before
        if not scope or item.agreement in scope:
            return True
    return False


def reference_history(items: Sequence[LadderEvidence]) -> list[LevelChange]:
    """`reference_level_at` on every date, keeping the dates where a level changed."""
    changes: list[LevelChange] = []
    previous = (0, 0)
    for day in sorted({i.date for i in items}):
        state = reference_level_at(items, day)
        levels = (state.asserted, state.signalled)
        if levels == previous:
            continue
        movers = [
            i for i in (*state.asserted_by, *state.signalled_by, *state.lapses) if i.date == day
        ]
        changes.append(LevelChange(day, state.asserted, state.signalled, tuple(movers)))
        previous = levels
    return changes


def same_state(a: LevelState, b: LevelState) -> bool:
    """Equal levels and the very same items (by identity, in the same order) behind them."""
    fields = ("asserted_by", "signalled_by", "ended", "lapses", "denied")
    return (a.at, a.asserted, a.signalled) == (b.at, b.asserted, b.signalled) and all(
        [id(i) for i in getattr(a, f)] == [id(i) for i in getattr(b, f)] for f in fields
    )


def same_history(a: list[LevelChange], b: list[LevelChange]) -> bool:
    """The same changes, each moved by the very same items."""
    return [(c.date, c.asserted, c.signalled, [id(i) for i in c.items]) for c in a] == [
        (c.date, c.asserted, c.signalled, [id(i) for i in c.items]) for c in b
    ]


def assert_matches_reference(items: Sequence[LadderEvidence]) -> None:
    fast = level_history(items)
    assert same_history(fast, reference_history(items))
    days = sorted({i.date for i in items})
    probes = {*days, *(d - timedelta(days=1) for d in days), date(2100, 1, 1)}
    for day in sorted(probes):
        assert same_state(level_at(items, day), reference_level_at(items, day)), day
    levels_on = _levels_on(items)
    for day in sorted(probes):
        state = reference_level_at(items, day)
        assert (levels_on(day).asserted, levels_on(day).signalled) == (
            state.asserted,
            state.signalled,
        ), day


def busy_pair(n: int, seed: int) -> list[EvidenceItem]:
    """`n` items of one pair over 1990-2025: commitments under many agreements, activities,
    every status, and lapses that name some agreements or none, often on shared dates."""
    rng = random.Random(seed)
    years = list(range(1990, 2026))
    items: list[EvidenceItem] = []
    for k in range(n):
        year = rng.choice(years)
        day = date(year, rng.randint(1, 12), rng.choice((1, 15, 28)))
        text = f"Item {k} of {year}."
        evidence = Evidence(doc_id=f"d{k}", sentence=0, start=0, end=len(text), text=text)
        if rng.random() < 0.08:
            named = tuple(
                f"year:{y}" for y in sorted(rng.sample(years, rng.choice((0, 0, 1, 2)))) if y < year
            )
            items.append(
                EvidenceItem(
                    date=day,
                    level=rng.randint(1, 7),
                    modality=Modality.ASSERTED,
                    status=rng.choice((Status.ASSERTED, Status.ASSERTED, Status.SIGNALLED)),
                    kind=ItemKind.LAPSE,
                    basis=Basis.COMMITMENT,
                    description="lapse",
                    evidence=evidence,
                    rung="lapse",
                    lapses=named,
                )
            )
            continue
        promise = rng.random() < 0.6
        items.append(
            EvidenceItem(
                date=day,
                level=rng.randint(1, 7),
                modality=Modality.ASSERTED,
                status=rng.choice(list(Status)),
                kind=ItemKind.REACH,
                basis=Basis.COMMITMENT if promise else Basis.ACTIVITY,
                description="reach",
                evidence=evidence,
                rung=f"r{k % 5}",
                agreement=f"year:{rng.choice(years[: years.index(year) + 1])}" if promise else None,
            )
        )
    items.sort(key=lambda i: (i.date, i.level))
    return items


@pytest.mark.parametrize("n, seed", [(60, 1), (150, 2), (150, 3), (200, 4)])
def test_fast_history_equals_reference_on_a_busy_pair(n: int, seed: int) -> None:
    items = busy_pair(n, seed)
    assert any(i.kind is ItemKind.LAPSE for i in items)
    assert_matches_reference(items)
    # The case under test is there: lapses end some commitments and leave others.
    final = reference_level_at(items, date(2100, 1, 1))
    assert final.ended
    assert any(i.basis is Basis.COMMITMENT and i not in final.ended for i in items)


def test_unsorted_items_give_the_same_answer() -> None:
    items = busy_pair(150, 9)
    shuffled = list(items)
    random.Random(5).shuffle(shuffled)
    assert_matches_reference(shuffled)


@pytest.mark.model
def test_fast_history_equals_reference_on_the_demo_corpus(
    pipeline: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from redline.cli.demo import demo_corpus
    from redline.redlines.service import stored_reports
    from redline.runner import ingest
    from redline.store import open_store

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('ladder') / 'demo.db'}")
    try:
        ingest([str(demo_corpus())], store, pipeline)
        reports = stored_reports(store)
    finally:
        store.engine.dispose()
    ladder = packaged_ladder()
    pairs = {
        tuple(sorted((r.event.source.country or "", r.event.target.country or "")))
        for r in reports
        if r.event.target is not None and r.event.source.country and r.event.target.country
    }
    checked = 0
    for pair in sorted(pairs):
        items = ladder_items(reports, ladder, (pair[0], pair[1]), SUCCESSORS)
        if items:
            assert_matches_reference(items)
            checked += 1
    rus_prk = ladder_items(reports, ladder, ("RUS", "PRK"), SUCCESSORS)
    assert any(i.kind is ItemKind.LAPSE for i in rus_prk)
    assert len(level_history(rus_prk)) >= 5
    assert checked >= 2
