"""The fast parts of an evaluation give what the plain computations give.

`Timeline.on` is `level_at` on any date, asked in any order; the running source count of the
confirmation is `reports_sources` of the reports so far; the reports kept one per source each
raise that count; a rule's possible types never leave out a report the rule matches; the
digest of the rules is the same in every process.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from event_records import event
from redline.analysis.evidence import Basis, EvidenceItem, ItemKind, Status
from redline.analysis.ladder import LevelState, level_at
from redline.analysis.ladder_rules import packaged_ladder
from redline.analysis.reports import Report, reports_sources
from redline.models import Evidence, Modality
from redline.redlines.conditions import evaluate, possible_types
from redline.redlines.digest import evaluation_digest
from redline.redlines.lifecycle import _one_per_source, _Sources
from redline.redlines.rules import load_rules
from redline.redlines.timeline import Timeline


def items_of_a_pair(n: int, seed: int) -> list[EvidenceItem]:
    """Reach items of every status and basis under a few agreements, and asserted lapses that
    end all commitments or only named ones, many of them on shared dates."""
    rng = random.Random(seed)
    out: list[EvidenceItem] = []
    for k in range(n):
        day = date(2000, 1, 1) + timedelta(days=rng.randrange(0, 3000, 7))
        text = f"Sentence {k}."
        evidence = Evidence(doc_id=f"doc{k % 13}", sentence=k, start=0, end=len(text), text=text)
        lapse = rng.random() < 0.1
        promise = lapse or rng.random() < 0.5
        out.append(
            EvidenceItem(
                date=day,
                level=rng.randint(1, 7),
                modality=Modality.ASSERTED,
                status=Status.ASSERTED if lapse else rng.choice(list(Status)),
                kind=ItemKind.LAPSE if lapse else ItemKind.REACH,
                basis=Basis.COMMITMENT if promise else Basis.ACTIVITY,
                description=f"item {k}",
                evidence=evidence,
                rung=f"rung{k % 4}",
                agreement=None if lapse or not promise else f"year:{2000 + rng.randint(0, 8)}",
                lapses=tuple(f"year:{2000 + y}" for y in rng.sample(range(9), rng.choice((0, 1))))
                if lapse
                else (),
            )
        )
    out.sort(key=lambda i: (i.date, i.level, i.rung))
    return out


def same(a: LevelState, b: LevelState) -> bool:
    """The same levels and the very same items, in the same order, behind each part."""
    parts = ("asserted_by", "signalled_by", "ended", "lapses", "denied")
    return (a.at, a.asserted, a.signalled) == (b.at, b.asserted, b.signalled) and all(
        [id(i) for i in getattr(a, p)] == [id(i) for i in getattr(b, p)] for p in parts
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_sweep_equals_level_at_on_every_date_asked_in_any_order(seed: int) -> None:
    items = items_of_a_pair(300, seed)
    days = sorted({i.date for i in items})
    probes = [*days, *(d - timedelta(days=1) for d in days), date(1990, 1, 1), date(2100, 1, 1)]
    forward = Timeline(items)
    for day in sorted(probes):
        assert same(forward.on(day), level_at(items, day)), day
    shuffled = list(probes)
    random.Random(seed).shuffle(shuffled)
    jumping = Timeline(items)
    for day in shuffled:
        assert same(jumping.on(day), level_at(items, day)), day
    final = level_at(items, date(2100, 1, 1))
    assert final.ended and final.lapses and final.asserted  # the cases under test occur


def test_items_out_of_date_order_are_read_with_level_at() -> None:
    items = items_of_a_pair(120, 7)
    random.Random(3).shuffle(items)
    timeline = Timeline(items)
    for day in sorted({i.date for i in items}):
        assert same(timeline.on(day), level_at(items, day))


def many_reports(n: int, seed: int) -> list[Report]:
    """Reports of a few documents each, carried by overlapping sets of outlets (or none)."""
    rng = random.Random(seed)
    outlets = ["Wire A", "Wire B", "Wire C", "Daily D", "Daily E", "Radio F", "Radio G"]
    sizes = (0, 1, 1, 2, 3)
    carriers = {f"doc{d}": tuple(rng.sample(outlets, rng.choice(sizes))) for d in range(40)}
    texts = [
        "Russia transferred satellite technology to North Korea.",
        "North Korean troops were fighting alongside Russian forces.",
        "Moscow and Pyongyang pledged mutual military assistance.",
        "The two sides held talks in Moscow.",
    ]
    kinds = ["AID", "ASSAULT", "AGREE", "CONSULT", "COOPERATE", "MOBILIZE"]
    out = []
    for k in range(n):
        doc = f"doc{rng.randrange(40)}"
        item = event(
            rng.choice(texts),
            type=rng.choice(kinds),
            source=rng.choice(("RUS", "PRK")),
            target=rng.choice(("PRK", "RUS")),
            modality=rng.choice(list(Modality)),
            doc=doc,
            sentence=k,
        )
        out.append(Report(item, date(2024, 1, 1) + timedelta(days=k % 50), carriers[doc]))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_running_source_count_and_one_report_per_source(seed: int) -> None:
    reports = many_reports(200, seed)
    sources = _Sources()
    for end, report in enumerate(reports, 1):
        sources.add(report)
        assert sources.count == reports_sources(reports[:end])
        if end % 20 == 0:
            kept: list[Report] = []
            for item in reports[:end]:  # the plain rule: keep a report that adds a source
                if reports_sources([*kept, item]) > reports_sources(kept):
                    kept.append(item)
            assert list(_one_per_source(reports[:end])) == kept


def test_possible_types_never_leave_out_a_match() -> None:
    reports = many_reports(400, 4)
    checked = 0
    for rule in load_rules().rules:
        types = possible_types(rule.condition)
        assert types is not None  # every default rule names its types
        for report in reports:
            if report.event.type in types:
                continue
            for as_asserted in (False, True):
                match = evaluate(rule.condition, report, _every_level, as_asserted)
                assert not match.strength
                checked += 1
    assert checked > 100


def _every_level(day: date) -> LevelState:
    """A ladder at the top on every date: level leaves hold, so only the types can refuse."""
    return LevelState(at=day, asserted=7, signalled=7)


def test_the_rules_digest_is_the_same_in_every_process_and_moves_with_any_rule(
    tmp_path: Path,
) -> None:
    code = (
        "from redline.redlines.digest import evaluation_digest\n"
        "from redline.redlines.rules import load_rules\n"
        "from redline.analysis.ladder_rules import packaged_ladder\n"
        "print(evaluation_digest(load_rules(), packaged_ladder(), {'SUN': 'RUS'}))\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert len(digests) == 1  # sets of types are hashed in another order in each process
    ladder = packaged_ladder()
    assert evaluation_digest(load_rules(), ladder, {"SUN": "RUS"}) in digests
    throttled = tmp_path / "throttled.yaml"
    throttled.write_text(
        "redlines:\n  - id: mutual-defence\n    title: T\n    throttle: 6h\n"
        "    when: {event: {types: [AGREE]}}\n",
        "utf-8",
    )
    changed = evaluation_digest(load_rules([throttled]), ladder, {"SUN": "RUS"})
    assert changed not in digests
    assert evaluation_digest(load_rules(), ladder, {}) not in digests
