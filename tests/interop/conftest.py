"""Interop fixtures: a small hand-built store holding every kind of field an export carries.

The PostgreSQL fixtures of tests/store are reused so imports run on both backends.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from redline.models import Actor, DatePrecision, Document, Event, EventDate, Evidence, Modality
from redline.store import Store, open_store
from store.conftest import postgres_admin, postgres_url, store_url  # noqa: F401

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "interop"


def _doc(body: str, source: str, day: str, url: str | None = None) -> Document:
    return Document(
        id=Document.content_id(body),
        body=body,
        title=body.split(".")[0],
        source=source,
        published_at=datetime.fromisoformat(f"{day}T09:30:00+00:00"),
        url=url,
        origin=f"/archive/{source.lower().replace(' ', '-')}/{day}.md",
    )


def _event(doc: Document, sentence: int, text: str, **fields: Any) -> Event:
    start = doc.body.index(text)
    trigger = fields.pop("trigger", "")
    at = doc.body.index(trigger, start) if trigger else -1
    return Event(
        evidence=Evidence(
            doc_id=doc.id,
            sentence=sentence,
            start=start,
            end=start + len(text),
            text=text,
            trigger_start=at,
            trigger_end=at + len(trigger) if trigger else -1,
        ),
        trigger=trigger,
        **fields,
    )


PUTIN = Actor("RUSHOS", "RUS", "HOS", "Vladimir Putin", "Putin")
KIM = Actor("PRKHOS", "PRK", "HOS", "Kim Jong Un", "Kim")
SIGNING = (
    "Putin and Kim signed a treaty pledging mutual military assistance on Wednesday. "
    "Seoul said it may review arms supplies to Ukraine."
)
SPECULATION = "The two leaders may sign a defence pact in June, officials said."


def sample(store: Store) -> None:
    """Three documents (one carried by two outlets) and events using every field."""
    wire = _doc(SIGNING, "Pacific Wire Service", "2024-06-19", "https://wire.example/signing")
    store.save(
        wire,
        [
            _event(
                wire,
                0,
                "Putin and Kim signed a treaty pledging mutual military assistance on Wednesday.",
                type="AGREE",
                source=PUTIN,
                target=KIM,
                modality=Modality.ASSERTED,
                date=EventDate(date(2024, 6, 19), DatePrecision.DAY, "on Wednesday"),
                contexts=("military", "diplomatic"),
                intensity=2.5,
                cameo="057",
                confidence=0.92,
                trigger="signed",
            ),
            _event(
                wire,
                1,
                "Seoul said it may review arms supplies to Ukraine.",
                type="AID",
                source=Actor("KORGOV", "KOR", "GOV", None, "Seoul"),
                target=Actor("UKR", "UKR", None, None, "Ukraine"),
                modality=Modality.SPECULATED,
                date=EventDate(None, None, ""),
                mode=None,
                attribution="KORGOV",
                trigger="review",
            ),
        ],
    )
    store.save(replace(wire, source="Lakeside Tribune", origin="/archive/lakeside.md"), [])
    hint = _doc(SPECULATION, "Seoul Daily Monitor", "2024-05-30")
    store.save(
        hint,
        [
            _event(
                hint,
                0,
                SPECULATION,
                type="AGREE",
                source=Actor("RUS", "RUS", None, None, "The two leaders"),
                target=Actor("PRK", "PRK"),
                modality=Modality.SPECULATED,
                date=EventDate(date(2024, 6, 1), DatePrecision.MONTH, "in June"),
                mode="pledge",
                contexts=("military",),
                attribution="officials",
                trigger="sign",
            )
        ],
    )
    un = _doc("The UN council met on North Korea.", "UN Wire", "2024-07-01")
    store.save(
        un,
        [
            _event(
                un,
                0,
                "The UN council met on North Korea.",
                type="CONSULT",
                source=Actor("IGOUNO", None, None, None, "The UN council"),
                target=None,
                modality=Modality.HISTORICAL,
                date=EventDate(date(1991, 1, 1), DatePrecision.YEAR, "1991"),
            )
        ],
    )


@pytest.fixture()
def sample_store(tmp_path: Path) -> Iterator[Store]:
    """A SQLite store holding `sample`."""
    db = open_store(f"sqlite:///{tmp_path / 'sample.db'}")
    sample(db)
    yield db
    db.engine.dispose()


@pytest.fixture()
def backend_store(store_url: str) -> Iterator[Store]:  # noqa: F811
    """An empty store on SQLite and, when a server answers, PostgreSQL."""
    db = open_store(store_url)
    yield db
    db.engine.dispose()


@pytest.fixture()
def fixtures() -> Path:
    """The sample files in GDELT, Phoenix, PLOVER and POLECAT layouts."""
    return FIXTURES
