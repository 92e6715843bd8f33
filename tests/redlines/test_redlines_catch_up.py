"""A run stopped between storing documents and evaluating the red lines is caught up.

The state a SIGKILL at that moment leaves is made directly: the coded documents are saved
through the store, the rules are not evaluated. The next `runner.ingest` of the same files finds
nothing new to store, and must still evaluate the rules (tests/crash kills real processes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from redline.ingest import IngestLimits, iter_sources
from redline.models import Document
from redline.redlines.marks import behind, evaluated_at, sightings
from redline.redlines.repository import AlertRepository
from redline.runner import ingest
from redline.store import Store
from redline.store.alerts_schema import evaluation_marks

DEMO = Path(__file__).resolve().parents[2] / "src" / "redline" / "data" / "demo"
SIGNING = [DEMO / "13-signing-pacific-wire.md", DEMO / "16-signing-han-river.md"]

pytestmark = pytest.mark.model


def save_without_evaluating(store: Store, pipeline: Any) -> None:
    documents = [
        d
        for d in iter_sources([str(p) for p in SIGNING], IngestLimits())
        if isinstance(d, Document)
    ]
    assert len(documents) == len(SIGNING)
    for item in pipeline.process(iter(documents)):
        store.save_or_skip(item.document, item.events)


def test_the_next_run_evaluates_what_a_stopped_run_stored(store: Store, pipeline: Any) -> None:
    save_without_evaluating(store, pipeline)
    assert AlertRepository(store.engine).alerts() == []
    assert behind(store.engine) and evaluated_at(store.engine) == 0

    report = ingest([str(p) for p in SIGNING], store, pipeline)

    assert report.new == 0 and report.seen == len(SIGNING)
    alerts = {a.rule: a for a in AlertRepository(store.engine).alerts()}
    assert alerts["mutual-defence"].crossed_on is not None
    assert not behind(store.engine)
    assert evaluated_at(store.engine) == sightings(store.engine) == len(SIGNING)


def mark_time(store: Store) -> Any:
    with store.engine.connect() as conn:
        return conn.execute(select(evaluation_marks.c.updated_at)).scalar_one()


def test_a_run_with_nothing_new_and_nothing_owed_does_not_evaluate(
    store: Store, pipeline: Any
) -> None:
    ingest([str(p) for p in SIGNING], store, pipeline)
    assert not behind(store.engine)
    evaluated = mark_time(store)
    report = ingest([str(p) for p in SIGNING], store, pipeline)
    assert report.seen == len(SIGNING)
    assert mark_time(store) == evaluated  # the rules were not evaluated again
