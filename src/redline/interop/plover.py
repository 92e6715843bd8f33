"""PLOVER JSON records (the manual's field names) and POLECAT's tab-separated layout.

Writing: one record per event with the manual's fields (`id`, `date`, `actor`, `recipient`,
`event`, `mode`, `context`, `event_scale`, `quad_code`, `event_text`, `text`, `text_info`,
`cite_info`, `coder`) and redline's own fields beside them under their own names, as the
manual allows (`modality`, `date_precision`, `attribution`, ...). Reading: the same records,
whatever produced them; fields redline adds are used when present, otherwise a record reads
as an asserted, day-precision event from a synthetic document. POLECAT's weekly TSV files
(a header row of names such as `Event ID`, `Actor Country`) read through the same path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from redline import __version__
from redline.ingest.document import clean_text
from redline.interop.cameo import country_code, intensity, quad_code
from redline.interop.importing import (
    ImportedItem,
    RowError,
    day_moment,
    parse_day,
    synthetic_document,
)
from redline.interop.records import ExportRecord, record_from_row
from redline.models import Actor, Document

CODEBOOK = "plover-2.0-draft"
HASH_ID = re.compile(r"[0-9a-f]{32}")
EVENT_ID = re.compile(r"[0-9a-f]{24}")


def _entity(actor: Actor | None) -> list[dict[str, Any]]:
    if actor is None:
        return []
    return [
        {
            "code": actor.country or actor.code[:3],
            "sector": actor.sector,
            "entity_text": actor.text,
            "identifier_text": actor.person,
            "actor_code": actor.code,  # redline's full code (country + sector)
            "country": actor.country,  # redline's country (null for organisations)
        }
    ]


def _iso(moment: date | datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def plover_record(record: ExportRecord) -> dict[str, Any]:
    """An exported event as a PLOVER JSON record."""
    event, doc = record.event, record.document
    ev = event.evidence
    coder = f"redline {__version__}"
    return {
        "id": event.id,
        "date": _iso(event.date.value),
        "actor": _entity(event.source),
        "recipient": _entity(event.target),
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.contexts),
        "event_scale": event.intensity,
        "quad_code": quad_code(event.type),
        "event_text": [event.trigger] if event.trigger else [],
        "text": ev.text,
        "text_info": {
            "sequence": ev.sentence,
            "start": ev.start,
            "end": ev.end,
            "trigger_start": ev.trigger_start,
            "trigger_end": ev.trigger_end,
        },
        "cite_info": {
            "corpus": "redline",
            "citation": doc.id,
            "url": doc.url,
            "title": doc.title,
            "language": doc.language,
            "publication": doc.source,
            "coder": coder,
            "codebook": CODEBOOK,
        },
        "coder": coder,
        "date_precision": event.date.precision.value if event.date.precision else None,
        "date_expression": event.date.expression,
        "modality": event.modality.value,
        "attribution": event.attribution,
        "cameo": event.cameo,
        "confidence": event.confidence,
        "published": _iso(doc.published),
        "outlets": list(doc.outlets),
        "origin": doc.origin,
    }


def _clean(value: Any) -> Any:
    """The record with every string storable (no NUL, no lone surrogate)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(str(k)): _clean(v) for k, v in value.items()}
    return value


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _event_type(record: dict[str, Any]) -> str:
    from redline.evaluation.bridge import packaged_bridge

    raw = _first(record.get("event"))
    if not raw:
        raise RowError("'event' is empty: a PLOVER record needs an event type")
    kind = packaged_bridge().event_type(str(raw))
    if kind is None:
        raise RowError(f"event {raw!r} is not a PLOVER type")
    return kind


def _actor_fields(entity: Any, prefix: str) -> dict[str, Any]:
    name = {"source": "actor", "target": "recipient"}[prefix]
    if not entity:
        return {}
    if not isinstance(entity, dict):
        raise RowError(f"'{name}' must be a list of objects with a 'code'")
    if "country" in entity:  # a redline export says which country it resolved
        country = entity["country"] or None
    else:
        country = country_code(str(entity.get("code") or ""))
    sector = entity.get("sector") or None
    code = entity.get("actor_code") or f"{entity.get('code') or ''}{sector or ''}"
    if not code:
        raise RowError(f"'{name}' has no code")
    return {
        f"{prefix}_code": str(code).upper(),
        f"{prefix}_country": country,
        f"{prefix}_sector": sector,
        f"{prefix}_person": entity.get("identifier_text"),
        f"{prefix}_text": entity.get("entity_text") or "",
    }


def record_row(record: dict[str, Any], origin: str) -> ImportedItem:
    """A PLOVER JSON record as an imported document with its event."""
    if not isinstance(record, dict):
        raise RowError("a PLOVER record must be a JSON object")
    record = _clean(record)
    kind = _event_type(record)
    row: dict[str, Any] = {"type": kind}
    row |= _actor_fields(_first(record.get("actor")), "source")
    if "source_code" not in row:
        raise RowError("'actor' is empty: a PLOVER record needs an actor")
    row |= _actor_fields(_first(record.get("recipient")), "target")
    day = parse_day(str(record["date"]), "date") if record.get("date") else None
    mode = _first(record.get("mode")) or None
    contexts = record.get("context") or []
    row |= {
        "mode": mode,
        "contexts": [contexts] if isinstance(contexts, str) else contexts,
        "event_date": day,
        "date_precision": record.get("date_precision", "day" if day else None),
        "date_expression": record.get("date_expression") or "",
        "modality": record.get("modality") or "asserted",
        "attribution": record.get("attribution"),
        "intensity": record.get("event_scale", intensity(kind, mode)),
        "cameo": record.get("cameo"),
        "confidence": record.get("confidence", 1.0),
        "trigger": _first(record.get("event_text")) or "",
    }
    cite = record.get("cite_info") or {}
    info = record.get("text_info") or {}
    published = _moment(record.get("published")) or (day_moment(day) if day else None)
    if published is None:
        raise RowError("neither 'published' nor 'date' is given: the record cannot be placed")
    text = str(record.get("text") or "")
    row_id = str(record.get("id") or "")
    citation = str(cite.get("citation") or "")
    doc_id = citation if HASH_ID.fullmatch(citation) else ""
    if not doc_id or not text:
        summary = text or f"PLOVER event {row_id}: {row['source_code']} {kind}" + (
            f" {row['target_code']}" if row.get("target_code") else ""
        )
        doc = synthetic_document(
            "PLOVER",
            row_id,
            summary,
            [("citation", citation), ("coder", record.get("coder"))],
            url=cite.get("url"),
            outlet=cite.get("publication"),
            published=published,
            origin=origin,
        )
        doc_id, text = doc.id, summary
    row |= {
        "event_id": row_id if EVENT_ID.fullmatch(row_id) else "",
        "doc_id": doc_id,
        "sentence": info.get("sequence", 0),
        "evidence_start": info.get("start", 0),
        "evidence_end": info.get("end", len(text)),
        "evidence_text": text,
        "trigger_start": info.get("trigger_start", -1),
        "trigger_end": info.get("trigger_end", -1),
        "doc_title": cite.get("title") or f"PLOVER event {row_id}",
        "doc_source": cite.get("publication") or "",
        "doc_url": cite.get("url"),
        "doc_language": cite.get("language") or "en",
        "doc_origin": record.get("origin") or origin,
        "published": published,
        "outlets": record.get("outlets") or [],
    }
    for name in ("sentence", "evidence_start", "evidence_end", "trigger_start", "trigger_end"):
        value = row[name]
        if not isinstance(value, int) or isinstance(value, bool) or not -1 <= value < 2**31:
            raise RowError(f"{name} must be a whole number from -1 to 2^31-1, not {value!r}")
    try:
        parsed = record_from_row(row)
    except (KeyError, TypeError, ValueError) as exc:
        raise RowError(f"invalid field: {exc}") from exc
    return _item(parsed, text)


def _item(record: ExportRecord, body: str) -> ImportedItem:
    doc = record.document
    document = Document(
        id=doc.id,
        body=body,
        title=doc.title,
        source=doc.source or (doc.outlets[0] if doc.outlets else "PLOVER"),
        published_at=doc.published or datetime.now(UTC),
        url=doc.url,
        language=doc.language,
        origin=doc.origin,
    )
    return ImportedItem(document, (record.event,), doc.outlets)


def _moment(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise RowError(f"published {value!r} is not an ISO 8601 date-time") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def write_plover(records: Iterator[ExportRecord], handle: Any) -> int:
    """Write PLOVER JSONL (the manual's suggested form); the number of records."""
    count = 0
    for record in records:
        handle.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
        count += 1
    return count
