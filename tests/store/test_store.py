"""The store keeps documents once, links copies, and writes each document atomically.

Every test taking `store` runs on SQLite and PostgreSQL (see conftest.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError
from store_samples import make_doc, make_event

from redline.models import Actor, Modality
from redline.store import EventFilter, SaveOutcome, open_store


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
    assert store.save(copy, []) is SaveOutcome.SEEN
    assert store.counts() == {"documents": 1, "document_copies": 2, "events": 1}
    assert store.copies(doc.id) == ["Daily Herald", "Wire"]


def test_repeated_event_ids_in_one_document_are_stored_once(store: Any) -> None:
    doc = make_doc()
    assert store.save(doc, [make_event(doc), make_event(doc)]) is SaveOutcome.NEW
    assert store.counts()["events"] == 1


def test_failed_event_insert_leaves_no_document(store: Any) -> None:
    doc = make_doc()
    broken = make_event(doc)
    object.__setattr__(broken, "type", None)  # violates NOT NULL: the insert must fail
    with pytest.raises(IntegrityError):
        store.save(doc, [broken])
    assert store.counts() == {"documents": 0, "document_copies": 0, "events": 0}
    assert store.save(doc, [make_event(doc)]) is SaveOutcome.NEW


def test_save_or_skip_reports_a_broken_document_as_seen(store: Any) -> None:
    doc = make_doc()
    broken = make_event(doc)
    object.__setattr__(broken, "type", None)
    assert store.save_or_skip(doc, [broken]) is SaveOutcome.SEEN
    assert store.counts()["documents"] == 0


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
    assert len(store.events(EventFilter(offset=3))) == 1


def test_undated_events_come_first_on_every_backend(store: Any) -> None:
    doc = make_doc()
    store.save(doc, [make_event(doc, day=date(2024, 6, 19)), make_event(doc, "AGREE", day=None)])
    assert [e.date.value for e in store.events()] == [None, date(2024, 6, 19)]


def test_datetimes_keep_their_moment_and_come_back_in_utc(store: Any) -> None:
    seoul = timezone(timedelta(hours=9))
    late = replace(make_doc(), published_at=datetime(2024, 6, 19, 8, 0, tzinfo=seoul))
    early = replace(
        make_doc("Kim met Putin.", origin="b.md"),
        published_at=datetime(2024, 6, 18, 23, 30, tzinfo=UTC),  # 08:30 in Seoul: after `late`
        fetched_at=datetime(2024, 6, 19, 1, 0),  # naive: taken as UTC
    )
    store.save(late, [])
    store.save(early, [])
    stored = store.document(late.id)
    assert stored.published_at == datetime(2024, 6, 18, 23, 0, tzinfo=UTC)
    assert stored.published_at.utcoffset() == timedelta(0)
    assert store.document(early.id).fetched_at == datetime(2024, 6, 19, 1, 0, tzinfo=UTC)
    assert [d.id for d in store.documents()] == [late.id, early.id]


def test_long_outlet_names_and_organisation_codes_are_stored(store: Any) -> None:
    # A person whose role belongs to an organisation has the organisation code as country.
    doc = make_doc(source="The " + "Very " * 60 + "Long Feed Title")
    banker = Actor("AFDBIGO", "AFDB", "IGO", "Omar Kabbaj", "Omar Kabbaj")
    event = replace(make_event(doc), source=banker, mode="disapprove-of-the-long-mode-name", id="")
    assert store.save(doc, [event]) is SaveOutcome.NEW
    assert store.document(doc.id) == doc
    assert store.events(EventFilter(actor="AFDB")) == [event]


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'wal.db'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.engine.dispose()
