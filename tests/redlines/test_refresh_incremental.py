"""An incremental refresh gives what a full evaluation gives, and reads only what changed.

Each test runs on SQLite and, when a server answers, on PostgreSQL (`new_store`). The
scenario (refresh_scenario.py) loads its reports in four steps.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from refresh_scenario import STEPS, document, load_step, rule_sets
from sqlalchemy import insert, select
from sqlalchemy import update as sql_update

from redline.redlines.alerts import Alert
from redline.redlines.marks import Mark, changed_pairs, last_mark
from redline.redlines.repository import AlertRepository
from redline.redlines.service import affected_pairs, refresh, update
from redline.store import Store
from redline.store.alerts_schema import (
    alert_evidence,
    alert_history,
    alert_status,
    alerts,
    evaluation_marks,
)
from redline.store.schema import document_copies

NewStore = Callable[[], Store]


def snapshot(store: Store) -> dict[str, Any]:
    """Everything an evaluation leaves that the analyst sees: the alerts with their evidence,
    their status rows and their history (without the clock times)."""
    with store.engine.connect() as conn:
        status = {r.alert_id: r.status for r in conn.execute(select(alert_status))}
        history = [
            (r.alert_id, r.kind, r.state, r.note)
            for r in conn.execute(select(alert_history).order_by(alert_history.c.id))
        ]
    stored = [a.to_json() for a in AlertRepository(store.engine).alerts()]
    return {"alerts": stored, "status": status, "history": history}


def collect(into: list[str]) -> Callable[[Alert], None]:
    """An `on_change` that notes the id of each alert it is called with."""
    return lambda alert: into.append(alert.id)


def as_json(found: list[Alert]) -> list[dict[str, Any]]:
    return [a.to_json() for a in found]


@pytest.mark.parametrize("rules_name", ["default", "with-pairless"])
def test_refreshing_after_each_step_equals_evaluating_everything_each_time(
    new_store: NewStore, tmp_path: Path, rules_name: str
) -> None:
    rules = rule_sets(tmp_path)[rules_name]
    incremental, full = new_store(), new_store()
    for step in range(len(STEPS)):
        load_step(incremental, step)
        load_step(full, step)
        if step:  # the rules were evaluated before: only the new sightings' pairs are read
            assert changed_pairs(incremental.engine, last_mark(incremental.engine))[1]
        sent: dict[str, list[str]] = {"incremental": [], "full": []}
        got = refresh(incremental, rules, on_change=collect(sent["incremental"]))
        want = refresh(full, rules, on_change=collect(sent["full"]), full=True)
        assert as_json(got) == as_json(want), step
        assert sent["incremental"] == sent["full"], step
        assert snapshot(incremental) == snapshot(full), step
    kinds = {kind for _, kind, _, _ in snapshot(incremental)["history"]}
    assert kinds == {"raised", "state"}  # alerts were raised and moved on across the steps
    # One evaluation of everything at once finds the same alerts.
    once = new_store()
    for step in range(len(STEPS)):
        load_step(once, step)
    assert as_json(refresh(once, rules)) == as_json(refresh(incremental, rules))
    assert snapshot(once)["alerts"] == snapshot(incremental)["alerts"]


def test_a_refresh_reads_only_the_pairs_new_sightings_touch(new_store: NewStore) -> None:
    store = new_store()
    for step in range(3):
        load_step(store, step)
    refresh(store)
    with store.engine.connect() as conn:
        evidence_rows = sorted(r.id for r in conn.execute(select(alert_evidence.c.id)))
    assert changed_pairs(store.engine, last_mark(store.engine))[1] == set()
    store.save(*document("Wire Nine", "2024-12-01", [STEPS[0][0][2][1]]))  # KOR -> RUS only
    assert changed_pairs(store.engine, last_mark(store.engine))[1] == {("KOR", "RUS")}
    done = update(store)
    assert done.pairs == {("KOR", "RUS")} and done.computed == [] and done.changed == []
    with store.engine.connect() as conn:  # the RUS-PRK alerts were not rewritten
        assert sorted(r.id for r in conn.execute(select(alert_evidence.c.id))) == evidence_rows
    # A report of the Soviet Union touches the ladder of its successor's pair too.
    assert affected_pairs({("PRK", "SUN")}) == {("PRK", "SUN"), ("PRK", "RUS")}


def test_other_rules_are_evaluated_over_the_whole_store(
    new_store: NewStore, tmp_path: Path
) -> None:
    store = new_store()
    sets = rule_sets(tmp_path)
    for step in range(len(STEPS)):
        load_step(store, step)
    refresh(store, sets["default"])
    found = refresh(store, sets["with-pairless"])  # nothing new, but a rule was added
    assert {a.rule for a in found} >= {"any-technology"}
    assert as_json(found) == as_json(refresh(store, sets["with-pairless"], full=True))


def test_a_sighting_committed_below_the_watermark_makes_the_next_refresh_full(
    new_store: NewStore,
) -> None:
    store = new_store()
    load_step(store, 0)
    load_step(store, 1)
    doc, coded = document(*STEPS[2][1])  # Wire Five's denial, stored as if its commit were late
    store.save(doc, coded)
    with store.engine.begin() as conn:
        first = conn.execute(select(document_copies).where(document_copies.c.doc_id == doc.id))
        row = first.one()._asdict()
        conn.execute(document_copies.delete().where(document_copies.c.id == row["id"]))
        conn.execute(insert(document_copies), {**row, "id": row["id"] + 50})
    refresh(store)  # the mark is at that id now
    with store.engine.begin() as conn:
        late = {**row, "id": row["id"] + 20, "source": "Wire Late", "origin": "late/1"}
        conn.execute(insert(document_copies), late)
    assert changed_pairs(store.engine, last_mark(store.engine))[1] is None
    found = {a.rule: a for a in refresh(store)}
    assert "Wire Late" in {o for e in found["mutual-defence"].evidence for o in e.outlets}


def test_a_refresh_stopped_before_its_mark_is_caught_up(new_store: NewStore) -> None:
    store, full = new_store(), new_store()
    load_step(store, 0)
    refresh(store)
    before: Mark = last_mark(store.engine)
    for step in (1, 2):
        load_step(store, step)
    refresh(store)  # alerts saved; now put the mark back as if the process died before it
    with store.engine.begin() as conn:
        conn.execute(
            sql_update(evaluation_marks).values(
                value=before.count, watermark=before.watermark, events=before.events
            )
        )
    load_step(store, 3)
    for step in range(len(STEPS)):
        load_step(full, step)
    assert as_json(refresh(store)) == as_json(refresh(full))
    with store.engine.connect() as conn:
        assert conn.execute(select(alerts.c.id)).all()
