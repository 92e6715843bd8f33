"""Code one written sentence, or read one token's modality, for the construction tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from redline.events.modality import read_modality
from redline.models import Document, Event


def code(
    pipeline: Any, text: str, day: str = "2024-03-05", country: str | None = None
) -> list[Event]:
    """The events of `text` published on `day` by an outlet of `country`."""
    doc = Document(
        id=Document.content_id(text),
        body=text,
        title="t",
        source="test",
        published_at=datetime.fromisoformat(day).replace(tzinfo=UTC),
        origin="test",
        source_country=country,
    )
    return list(pipeline.code(doc))


def modality(nlp: Any, text: str, word: str) -> str:
    """The modality read for the first token spelled `word`."""
    token = next(t for t in nlp(text) if t.text == word)
    return str(read_modality(token).modality.value)
