"""The store keeps documents once, links copies, and writes each document atomically."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from redline.models import Actor, DatePrecision, Document, Event, EventDate, Evidence, Modality
from redline.store import EventFilter, SaveOutcome, open_store
from redline.store.database import current_revision, head_revision


def make_doc(body: str = "Putin met Kim.", source: str = "Wire", origin: str = "a.md") -> Document:
    return Document(
        id=Document.content_id(body),
        body=body,
        title="t",
        source=source,
        published_at=datetime(2024, 6, 19, tzinfo=UTC),
        source_country="KOR",
        origin=origin,
    )


def make_event(
    doc: Document,
    type_: str = "CONSULT",
    target: str | None = "PRK",
    modality: Modality = Modality.ASSERTED,
    day: date = date(2024, 6, 19),
    trigger_start: int = 6,
) -> Event:
    return Event(
        type=type_,
        source=Actor("RUSHOS", "RUS", "HOS", "Vladimir Putin", "Putin"),
        target=Actor(target, target, None, None, "Kim") if target else None,
        modality=modality,
        evidence=Evidence(doc.id, 0, 0, len(doc.body), doc.body, trigger_start, trigger_start + 3),
        date=EventDate(day, DatePrecision.DAY, "on Wednesday"),
        contexts=("military", "diplomatic"),
        attribution="KOR",
        intensity=2.5,
    )


def test_new_document_and_events_round_trip(store: Any) -> None:
    doc = make_doc()
    event = make_event(doc)
    assert store.save(doc, [event]) is SaveOutcome.NEW
    stored = store.events()
    assert stored == [event]
    assert store.document(doc.id) == doc
    assert store.counts() == {"documents": 1, "document_copies": 1, "events": 1}


def test_same_document_twice_is_stored_once(store: Any) -> None:
    doc = make_doc()
    store.save(doc, [make_event(doc)])
    assert store.save(doc, [make_event(doc)]) is SaveOutcome.SEEN
    assert store.counts()["documents"] == 1
    assert store.counts()["events"] == 1


def test_syndicated_copy_is_linked_not_duplicated(store: Any) -> None:
    doc = make_doc()
    store.save(doc, [make_event(doc)])
    copy = make_doc(source="Daily Herald", origin="b.md")
    assert store.save(copy, []) is SaveOutcome.COPY
    assert store.counts() == {"documents": 1, "document_copies": 2, "events": 1}
    assert store.copies(doc.id) == ["Daily Herald", "Wire"]


def test_failed_event_insert_leaves_no_document(store: Any) -> None:
    doc = make_doc()
    broken = make_event(doc)
    object.__setattr__(broken, "type", None)  # violates NOT NULL: the insert must fail
    with pytest.raises(IntegrityError):
        store.save(doc, [broken])
    assert store.counts() == {"documents": 0, "document_copies": 0, "events": 0}


def test_filters(store: Any) -> None:
    doc = make_doc()
    events = [
        make_event(doc, "AGREE", "PRK", Modality.SPECULATED, date(2024, 6, 17), 1),
        make_event(doc, "CONSULT", "PRK", Modality.ASSERTED, date(2024, 6, 19), 2),
        make_event(doc, "THREATEN", "KOR", Modality.ASSERTED, date(2024, 6, 20), 3),
        make_event(doc, "AGREE", None, Modality.HISTORICAL, date(1961, 7, 6), 4),
    ]
    store.save(doc, events)
    assert [e.type for e in store.events()] == ["AGREE", "AGREE", "CONSULT", "THREATEN"]
    assert len(store.events(EventFilter(pair=("prk", "rus")))) == 2
    assert len(store.events(EventFilter(actor="KOR"))) == 1
    assert [e.modality for e in store.events(EventFilter(modalities=["speculated"]))] == [
        Modality.SPECULATED
    ]
    assert len(store.events(EventFilter(types=["agree"]))) == 2
    window = EventFilter(since=date(2024, 6, 18), until=date(2024, 6, 19))
    assert [e.type for e in store.events(window)] == ["CONSULT"]
    assert len(store.events(EventFilter(limit=1, offset=1))) == 1


def test_migrations_are_idempotent_and_at_head(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    first = open_store(url)
    second = open_store(url)
    assert current_revision(second.engine) == head_revision() == "0001"
    first.engine.dispose()
    second.engine.dispose()


def test_sqlite_uses_wal(store: Any) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
