"""Building :class:`Document` records: provenance, timestamps, id and language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from redline.errors import IngestError
from redline.ingest.language import detect_language
from redline.models import Document

_HEADLINE_CHARS = 100
_ISO3 = re.compile(r"[A-Za-z]{3}")
# Lone surrogates (from JSON or YAML escapes) cannot be encoded as UTF-8, and NUL cannot be
# stored in a PostgreSQL text column.
_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")


@dataclass(frozen=True)
class Provenance:
    """Where a text came from and what to fall back on when it does not say."""

    origin: str
    fetched_at: datetime
    fallback_date: datetime
    fallback_title: str
    url: str | None = None


def clean_text(text: str) -> str:
    """Text that can be stored: lone surrogates become U+FFFD and NUL characters are dropped."""
    return _UNSTORABLE.sub(lambda match: "" if match.group() == "\x00" else "\ufffd", text)


def to_utc_if_naive(moment: datetime) -> datetime:
    """Attach UTC to a naive datetime; keep an aware one (and its offset) as it is."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def parse_timestamp(value: str) -> datetime:
    """Parse an ISO 8601 date or datetime; naive values are UTC. Raises ValueError."""
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    return to_utc_if_naive(datetime.fromisoformat(text))


def from_date(day: date) -> datetime:
    """Midnight UTC of a calendar date."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def country_code(value: str) -> str:
    """Check and upper-case an ISO 3166 alpha-3 code ("kor" -> "KOR")."""
    if not _ISO3.fullmatch(value):
        raise IngestError(
            f"bad source_country {value!r}; use an ISO 3166 alpha-3 code such as KOR or RUS"
        )
    return value.upper()


def headline_from_body(body: str) -> str:
    """A title for untitled text: its first line, cut at a word near 100 characters."""
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    if len(first_line) <= _HEADLINE_CHARS:
        return first_line
    cut = first_line[:_HEADLINE_CHARS].rsplit(" ", 1)[0]
    return f"{cut}…"


def build_document(
    body: str,
    provenance: Provenance,
    *,
    title: str,
    source: str,
    published_at: datetime,
    origin: str | None = None,
    url: str | None = None,
    source_country: str | None = None,
) -> Document:
    """A Document keyed by its body's content id, with its language detected.

    Readers check that ``body`` has text after :func:`clean_text`; every field is cleaned here.
    """
    body = clean_text(body)
    url = clean_text(url) if url is not None else None
    return Document(
        id=Document.content_id(body),
        body=body,
        title=clean_text(title),
        source=clean_text(source),
        published_at=published_at,
        source_country=source_country,
        url=url,
        language=detect_language(body),
        fetched_at=provenance.fetched_at,
        origin=clean_text(origin if origin is not None else provenance.origin),
    )
