"""Typed records passed between pipeline stages (DESIGN §3).

Every stage takes and returns these frozen records; nothing passes untyped dicts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Modality(StrEnum):
    """How a report presents an event: the field that separates "may sign" from "signed"."""

    ASSERTED = "asserted"
    SCHEDULED = "scheduled"
    SPECULATED = "speculated"
    CONDITIONAL = "conditional"
    NEGATED = "negated"
    DENIED = "denied"
    HISTORICAL = "historical"


class DatePrecision(StrEnum):
    """How much of an event date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Document:
    """One article or text, keyed by the hash of its normalised body."""

    id: str
    body: str
    title: str
    source: str
    published_at: datetime
    source_country: str | None = None
    url: str | None = None
    language: str = "en"
    fetched_at: datetime | None = None
    origin: str = ""

    @staticmethod
    def content_id(body: str) -> str:
        """The document key: SHA-256 of the body with whitespace collapsed."""
        normalised = " ".join(body.split())
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: country (ISO3 or historic code), sector/role, optional person."""

    code: str
    country: str | None
    sector: str | None = None
    person: str | None = None
    text: str = ""

    @property
    def is_state(self) -> bool:
        """True when the actor belongs to a country rather than an organisation."""
        return self.country is not None


@dataclass(frozen=True, slots=True)
class EventDate:
    """An event date with its precision and the expression it was read from."""

    value: date | None
    precision: DatePrecision | None
    expression: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim comes from: the sentence and its character span in the document body."""

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    trigger_start: int = -1
    trigger_end: int = -1


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event with modality, attribution and evidence."""

    type: str
    source: Actor
    target: Actor | None
    modality: Modality
    evidence: Evidence
    date: EventDate
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    attribution: str | None = None
    intensity: float | None = None
    cameo: str | None = None
    confidence: float = 1.0
    trigger: str = ""
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", self.make_id())

    def make_id(self) -> str:
        """A stable key: same document, sentence, trigger, type and pair give the same id."""
        target = self.target.code if self.target else "-"
        key = "|".join(
            (
                self.evidence.doc_id,
                str(self.evidence.sentence),
                str(self.evidence.trigger_start),
                self.type,
                self.source.code,
                target,
            )
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
