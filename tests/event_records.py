"""Hand-built events and reports for the analysis and red-line tests (no model needed)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from redline.analysis.reports import Report
from redline.models import Actor, DatePrecision, Event, EventDate, Evidence, Modality


def actor(code: str) -> Actor:
    """An actor from its code: the first three letters are the country (RUSMIL -> RUS, MIL)."""
    return Actor(code=code, country=code[:3], sector=code[3:] or None, text=code)


def event(
    text: str,
    *,
    type: str = "AGREE",
    source: str = "RUS",
    target: str | None = "PRK",
    modality: Modality = Modality.ASSERTED,
    day: str | None = "2024-06-19",
    precision: DatePrecision = DatePrecision.DAY,
    doc: str = "doc1",
    sentence: int = 0,
    contexts: Sequence[str] = (),
    intensity: float | None = None,
    trigger: str = "",
) -> Event:
    """An event whose evidence sentence is `text`."""
    return Event(
        type=type,
        source=actor(source),
        target=actor(target) if target else None,
        modality=modality,
        evidence=Evidence(doc_id=doc, sentence=sentence, start=0, end=len(text), text=text),
        date=EventDate(date.fromisoformat(day) if day else None, precision if day else None),
        contexts=tuple(contexts),
        intensity=intensity,
        trigger=trigger,
    )


def report(item: Event, published: str | None = None, outlets: Sequence[str] = ("Wire",)) -> Report:
    """A report of `item` published on `published` (default: the event's date)."""
    day = date.fromisoformat(published) if published else item.date.value
    return Report(item, day, tuple(outlets))
