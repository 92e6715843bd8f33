"""JSON Lines: one document per line; a bad line is reported and the others are read."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from redline.errors import IngestError
from redline.ingest.document import (
    Provenance,
    build_document,
    clean_text,
    country_code,
    headline_from_body,
    parse_timestamp,
)
from redline.ingest.problems import IngestProblem
from redline.models import Document


def read_jsonl(text: str, provenance: Provenance) -> Iterator[Document | IngestProblem]:
    """Yield one document (or problem) per non-blank line; origins are ``path:LINE``."""
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{provenance.origin}:{number}"
        try:
            yield from _read_line(line, provenance, origin)
        except IngestError as exc:
            yield IngestProblem.error(origin, exc.message)


def _read_line(line: str, provenance: Provenance, origin: str) -> list[Document | IngestProblem]:
    """The document on one line, after a warning if its date fell back; raises IngestError."""
    record = _load_record(line)
    body = (_text(record, "text") or _text(record, "body") or "").strip()
    if not body:
        raise IngestError("no 'text' or 'body' field with text")
    country = _text(record, "source_country")
    title = _text(record, "title") or headline_from_body(body)
    source = _text(record, "source") or "unknown"
    url = _text(record, "url")
    date_text = _text(record, "published_at") or _text(record, "date")
    results: list[Document | IngestProblem] = []
    if date_text is None:
        published_at = provenance.fallback_date
        when = published_at.isoformat(timespec="seconds")
        results.append(IngestProblem.warning(origin, f"no 'date' or 'published_at'; using {when}"))
    else:
        try:
            published_at = parse_timestamp(date_text)
        except ValueError as exc:
            raise IngestError(f"bad date {date_text!r}; use ISO 8601 such as 2024-06-19") from exc
    document = build_document(
        body,
        provenance,
        title=title,
        source=source,
        published_at=published_at,
        origin=origin,
        url=url,
        source_country=country_code(country) if country else None,
    )
    return [*results, document]


def _load_record(line: str) -> Mapping[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise IngestError("invalid JSON: nested too deeply") from exc
    except ValueError as exc:  # an integer over Python's 4,300-digit conversion limit
        raise IngestError(f"invalid JSON: {str(exc).partition(':')[0]}") from exc
    if not isinstance(record, dict):
        raise IngestError(f"expected a JSON object, got {type(record).__name__}")
    return record


def _text(record: Mapping[str, Any], key: str) -> str | None:
    """A string field, stripped; None when absent, null or blank. Other types are refused."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise IngestError(f"field {key!r} must be a string, got {type(value).__name__}")
    return clean_text(value).strip() or None
