"""Alerts for the notifier tests, and a store that raises them from hand-built reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from event_records import event
from redline.models import Document, Event, Modality
from redline.redlines.alerts import Alert, AlertEvidence, AlertState, Role
from redline.store import Store

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)


def crossed_alert() -> Alert:
    """A crossed mutual-defence alert with one piece of evidence."""
    text = "Putin and Kim signed a treaty pledging mutual assistance if either is attacked."
    return Alert(
        rule="mutual-defence",
        title="Russia and North Korea commit to automatic military intervention",
        pair=("RUS", "PRK"),
        state=AlertState.CROSSED,
        severity="critical",
        tier=3,
        signalled_on=dt.date(2024, 6, 17),
        crossed_on=dt.date(2024, 6, 19),
        confirmed_on=None,
        sources=2,
        mentions=3,
        events=1,
        outlets=("Lakeside Tribune", "Pacific Wire Service"),
        evidence=(
            AlertEvidence(
                Role.CROSSED, "doc1", text, "asserted", dt.date(2024, 6, 19),
                outlets=("Pacific Wire Service",),
            ),
        ),
    )  # fmt: skip


def add_report(
    store: Store, text: str, outlet: str, day: str, modality: Modality = Modality.ASSERTED
) -> None:
    """Store one article whose single event is `text`, coded as a RUS-PRK agreement."""
    doc = Document(
        id=Document.content_id(text),
        body=text,
        title=text[:40],
        source=outlet,
        published_at=dt.datetime.fromisoformat(f"{day}T09:00:00+00:00"),
        origin=f"{outlet}/{day}",
    )
    coded = event(text, doc=doc.id, trigger="signed", modality=modality, day=day)
    store.save(doc, [_unkeyed(coded)])


def _unkeyed(item: Event) -> Event:
    fields: dict[str, Any] = {name: getattr(item, name) for name in item.__dataclass_fields__}
    return Event(**{**fields, "id": ""})
