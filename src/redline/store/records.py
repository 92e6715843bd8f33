"""Conversions between typed records and table rows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from redline.models import (
    Actor,
    DatePrecision,
    Document,
    Event,
    EventDate,
    Evidence,
    Modality,
)


def document_row(doc: Document) -> dict[str, Any]:
    """The `documents` row for a document."""
    return {
        "id": doc.id,
        "title": doc.title,
        "body": doc.body,
        "source": doc.source,
        "source_country": doc.source_country,
        "url": doc.url,
        "published_at": doc.published_at,
        "language": doc.language,
        "fetched_at": doc.fetched_at,
        "origin": doc.origin,
        "ingested_at": datetime.now(UTC),
    }


def copy_row(doc: Document) -> dict[str, Any]:
    """The `document_copies` row recording one sighting of a document."""
    return {
        "doc_id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "published_at": doc.published_at,
        "origin": doc.origin,
    }


def row_document(row: Any) -> Document:
    """A document from its row (datetimes come back aware, in UTC)."""
    return Document(
        id=row.id,
        body=row.body,
        title=row.title,
        source=row.source,
        published_at=row.published_at,
        source_country=row.source_country,
        url=row.url,
        language=row.language,
        fetched_at=row.fetched_at,
        origin=row.origin,
    )


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_code": actor.code if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_sector": actor.sector if actor else None,
        f"{prefix}_person": actor.person if actor else None,
        f"{prefix}_text": actor.text if actor else None,
    }


def event_row(event: Event) -> dict[str, Any]:
    """The `events` row for an event."""
    ev = event.evidence
    return {
        "id": event.id,
        "doc_id": ev.doc_id,
        "sentence": ev.sentence,
        "type": event.type,
        "mode": event.mode,
        "contexts": "|".join(event.contexts),
        **_actor_columns("source", event.source),
        **_actor_columns("target", event.target),
        "event_date": event.date.value,
        "date_precision": event.date.precision.value if event.date.precision else None,
        "date_expression": event.date.expression,
        "modality": event.modality.value,
        "attribution": event.attribution,
        "intensity": event.intensity,
        "cameo": event.cameo,
        "confidence": event.confidence,
        "trigger": event.trigger,
        "ev_start": ev.start,
        "ev_end": ev.end,
        "ev_text": ev.text,
        "trigger_start": ev.trigger_start,
        "trigger_end": ev.trigger_end,
    }


def _row_actor(row: Any, prefix: str) -> Actor | None:
    code = getattr(row, f"{prefix}_code")
    if code is None:
        return None
    return Actor(
        code=code,
        country=getattr(row, f"{prefix}_country"),
        sector=getattr(row, f"{prefix}_sector"),
        person=getattr(row, f"{prefix}_person"),
        text=getattr(row, f"{prefix}_text") or "",
    )


def row_event(row: Any) -> Event:
    """An event from its row."""
    source = _row_actor(row, "source")
    assert source is not None  # source_code is NOT NULL
    value: date | None = row.event_date
    return Event(
        id=row.id,
        type=row.type,
        mode=row.mode,
        contexts=tuple(c for c in row.contexts.split("|") if c),
        source=source,
        target=_row_actor(row, "target"),
        date=EventDate(
            value=value,
            precision=DatePrecision(row.date_precision) if row.date_precision else None,
            expression=row.date_expression or "",
        ),
        modality=Modality(row.modality),
        attribution=row.attribution,
        intensity=row.intensity,
        cameo=row.cameo,
        confidence=row.confidence,
        trigger=row.trigger,
        evidence=Evidence(
            doc_id=row.doc_id,
            sentence=row.sentence,
            start=row.ev_start,
            end=row.ev_end,
            text=row.ev_text,
            trigger_start=row.trigger_start,
            trigger_end=row.trigger_end,
        ),
    )
