"""Hand-built documents and events for store tests (imported by test processes and writers)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from redline.models import Actor, DatePrecision, Document, Event, EventDate, Evidence, Modality


def make_doc(body: str = "Putin met Kim.", source: str = "Wire", origin: str = "a.md") -> Document:
    """A document published at midnight UTC on 19 June 2024."""
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
    day: date | None = date(2024, 6, 19),
    trigger_start: int = 6,
) -> Event:
    """An event of Putin (RUSHOS) towards `target`, with evidence spanning the whole body."""
    return Event(
        type=type_,
        source=Actor("RUSHOS", "RUS", "HOS", "Vladimir Putin", "Putin"),
        target=Actor(target, target, None, None, "Kim") if target else None,
        modality=modality,
        evidence=Evidence(doc.id, 0, 0, len(doc.body), doc.body, trigger_start, trigger_start + 3),
        date=EventDate(day, DatePrecision.DAY if day else None, "on Wednesday" if day else ""),
        contexts=("military", "diplomatic"),
        attribution="KOR",
        intensity=2.5,
    )


def corpus(size: int, events_each: int) -> list[tuple[Document, list[Event]]]:
    """`size` distinct documents, each with `events_each` events at distinct triggers."""
    items = []
    for n in range(size):
        doc = make_doc(f"Report {n}: Putin met Kim in Pyongyang.", origin=f"report-{n}.md")
        items.append((doc, [make_event(doc, trigger_start=t) for t in range(events_each)]))
    return items
