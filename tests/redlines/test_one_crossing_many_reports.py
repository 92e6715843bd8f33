"""One crossing reported by ten articles in different words: one event, one alert.

tests/fixtures/one_crossing holds ten short articles about the signing of 19 June 2024 from ten
(fictional) outlets; two of them carry the same Pacific Wire Service story word for word, so
they are one document with two outlets and one independent source. Whatever the order they
arrive in, and whether they arrive together or one by one, the store must hold one alert for
the mutual-defence line and the reports of the crossing must form one event.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from redline.analysis.clustering import cluster_events
from redline.redlines.alerts import AlertState, Role
from redline.redlines.repository import AlertRepository
from redline.redlines.service import refresh, stored_reports
from redline.redlines.status import StatusRepository
from redline.runner import ingest
from redline.store import Store, open_store

pytestmark = pytest.mark.model

ARTICLES = sorted((Path(__file__).parent.parent / "fixtures" / "one_crossing").glob("*.md"))
OUTLETS = {
    "Harbour Daily",
    "Prairie Ledger",
    "Seoul Morning Post",
    "Danube Observer",
    "Andes Chronicle",
    "Nordic Gazette",
    "Gulf Evening Review",
    "Sahel Tribune",
    "Kanto Shimbun English",
    "Atlantic Monitor",
}
ORDERS = {
    "in name order": ARTICLES,
    "reversed": ARTICLES[::-1],
    "shuffled": random.Random(5).sample(ARTICLES, len(ARTICLES)),
}


def _check(store: Store) -> None:
    (alert,) = AlertRepository(store.engine).alerts()
    assert alert.rule == "mutual-defence" and alert.pair == ("RUS", "PRK")
    assert alert.state is AlertState.CROSSED and alert.crossed_on == date(2024, 6, 19)
    # nine distinct texts (the wire story once), ten outlets, nine independent sources
    assert set(alert.outlets) == OUTLETS
    assert alert.sources == 9
    assert alert.events == 1
    docs = {e.doc_id for e in alert.evidence if e.role is not Role.COUNTER}
    assert len(docs) == 9
    # the reports behind the alert are one event: one cluster with every mention
    crossing = {e.event_id for e in alert.evidence}
    reports = [r for r in stored_reports(store, [("RUS", "PRK")]) if r.event.id in crossing]
    outlets = {r.event.evidence.doc_id: r.outlets for r in reports}
    (event,) = cluster_events([r.event for r in reports], lambda doc: outlets.get(doc, ()))
    assert event.type == "AGREE" and event.pair == ("PRK", "RUS")
    assert event.mention_count == len(reports) >= 9
    assert {m.evidence.doc_id for m in event.mentions} == docs
    assert set(event.outlets) == OUTLETS and event.source_count == 9


@pytest.mark.parametrize("order", list(ORDERS))
def test_ten_articles_at_once_give_one_event_and_one_alert(
    order: str, pipeline: Any, tmp_path: Path
) -> None:
    assert len(ARTICLES) == 10
    store = open_store(f"sqlite:///{tmp_path / 'crossing.db'}")
    report = ingest([str(p) for p in ORDERS[order]], store, pipeline)
    assert report.problems == [] and report.new == 9 and report.copies == 1
    _check(store)
    store.engine.dispose()


def test_ten_articles_one_by_one_never_duplicate_the_alert(pipeline: Any, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'crossing.db'}")
    for path in ORDERS["shuffled"]:
        ingest([str(path)], store, pipeline)  # evaluates the rules as each article arrives
        assert len(AlertRepository(store.engine).alerts()) == 1
        assert len(refresh(store)) == 1
    (alert,) = AlertRepository(store.engine).alerts()
    kinds = [h.kind for h in StatusRepository(store.engine).history(alert.id)]
    assert kinds == ["raised"]  # raised once, crossed from the first report, never again
    _check(store)
    store.engine.dispose()
