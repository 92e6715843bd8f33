"""Alerts in the store: evaluated from stored events, updated in place, never duplicated."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from event_records import event
from redline.models import Document, Event
from redline.redlines.alerts import AlertState
from redline.redlines.repository import AlertRepository
from redline.redlines.rules import load_rules
from redline.redlines.service import refresh
from redline.store import Store
from redline.store.alerts_schema import alert_evidence, alerts

WORDINGS = [
    "Russia and North Korea signed a treaty pledging mutual military assistance if attacked.",
    "Putin and Kim signed a pact committing each side to mutual assistance against aggression.",
    "The two leaders signed a treaty binding their countries to assist each other if attacked.",
    "Moscow and Pyongyang signed a defence treaty promising mutual military assistance.",
    "Kim and Putin signed an agreement on mutual assistance in case of armed aggression.",
    "The treaty the leaders signed on Wednesday provides for mutual military assistance.",
    "North Korea and Russia have signed a pact of mutual assistance against any attack.",
    "A treaty signed in Pyongyang obliges both sides to give mutual military assistance.",
    "The leaders signed a strategic treaty that includes a mutual assistance clause.",
    "Russia signed a treaty with the North in which both pledge to defend each other.",
]


def article(body: str, outlet: str, day: str = "2024-06-19") -> Document:
    return Document(
        id=Document.content_id(body),
        body=body,
        title=body[:40],
        source=outlet,
        published_at=datetime.fromisoformat(f"{day}T09:00:00+00:00"),
        origin=f"{outlet}/{day}",
    )


def save(store: Store, doc: Document, coded: list[Event]) -> None:
    store.save(doc, [e.__class__(**{**_fields(e), "id": ""}) for e in coded])


def _fields(item: Event) -> dict[str, Any]:
    return {name: getattr(item, name) for name in item.__dataclass_fields__}


def signing(doc: Document, text: str) -> Event:
    base = event(text, doc=doc.id, trigger="signed")
    return base


def count(store: Store, table: Any) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_ten_reports_of_one_crossing_make_one_alert_updated_in_place(store: Store) -> None:
    rules = load_rules()
    docs = [article(text, f"Outlet {i}") for i, text in enumerate(WORDINGS)]
    for doc, text in zip(docs[:5], WORDINGS[:5], strict=True):
        save(store, doc, [signing(doc, text)])
    sent: list[str] = []
    first = refresh(store, rules, on_change=lambda alert: sent.append(alert.rule))
    assert [a.rule for a in first] == ["mutual-defence"] and sent == ["mutual-defence"]
    repository = AlertRepository(store.engine)
    (stored,) = repository.alerts()
    assert stored.state is AlertState.CROSSED and stored.mentions == 5 and stored.events == 1
    stamp = repository.updated_at(stored.id)

    refresh(store, rules, on_change=lambda alert: sent.append(alert.rule))
    assert count(store, alerts) == 1 and len(sent) == 1  # nothing new: the alert is untouched
    assert repository.updated_at(stored.id) == stamp

    for doc, text in zip(docs[5:], WORDINGS[5:], strict=True):
        save(store, doc, [signing(doc, text)])
    store.save(article(WORDINGS[0], "Lakeside Tribune"), [])  # a syndicated copy: same body
    refresh(store, rules)
    (updated,) = repository.alerts()
    assert count(store, alerts) == 1
    assert updated.id == stored.id and updated.mentions == 10 and updated.events == 1
    assert updated.sources == 10 and "Lakeside Tribune" in updated.outlets
    assert repository.updated_at(stored.id) != stamp
    assert count(store, alert_evidence) == len(updated.evidence)


def test_alerts_round_trip_through_the_store(store: Store) -> None:
    body = "Putin and Kim signed a treaty pledging to help each other if either is attacked."
    doc = article(body, "Pacific Wire Service")
    save(store, doc, [signing(doc, body)])
    found = refresh(store, load_rules())
    assert [a.to_json() for a in AlertRepository(store.engine).alerts()] == [
        a.to_json() for a in found
    ]


def test_alerts_of_rules_no_longer_matching_are_removed(store: Store) -> None:
    body = "Putin and Kim signed a treaty pledging to help each other if either is attacked."
    doc = article(body, "Pacific Wire Service")
    save(store, doc, [signing(doc, body)])
    refresh(store, load_rules())
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM events")
    assert refresh(store, load_rules()) == []
    assert count(store, alerts) == 0 and count(store, alert_evidence) == 0
