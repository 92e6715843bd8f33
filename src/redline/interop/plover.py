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
from pathlib import Path
from typing import Any

from redline import __version__
from redline.ingest.document import clean_text
from redline.interop.cameo import country_code, intensity, quad_code
from redline.interop.importing import (
    ImportedItem,
    ImportProblem,
    RowError,
    day_moment,
    decoded_lines,
    parse_day,
    synthetic_document,
)
from redline.interop.records import ExportRecord, record_from_row
from redline.models import Actor, Document

CODEBOOK = "plover-2.0-draft"
HASH_ID = re.compile(r"[0-9a-f]{32}")
EVENT_ID = re.compile(r"[0-9a-f]{24}")
# POLECAT's sector names -> the sector codes redline's actors use.
SECTORS = {
    "government": "GOV",
    "executive": "GOV",
    "military": "MIL",
    "legislature": "LEG",
    "legislative": "LEG",
    "judiciary": "JUD",
    "police": "COP",
    "diplomatic": "DIP",
    "media": "MED",
    "business": "BUS",
    "rebel": "REB",
    "opposition": "OPP",
    "intelligence": "SPY",
    "civilian": "CVL",
}


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


def read_plover(path: Path) -> Iterator[ImportedItem | ImportProblem]:
    """PLOVER records from JSON (an array), JSONL (one per line) or POLECAT's TSV."""
    with path.open("rb") as handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"[":
        try:
            records = json.loads(path.read_text("utf-8-sig"))
        except json.JSONDecodeError as exc:
            yield ImportProblem(str(path), exc.lineno, f"invalid JSON: {exc.msg}")
            return
        except RecursionError:
            yield ImportProblem(str(path), 1, "the JSON is nested too deeply")
            return
        if not isinstance(records, list):
            yield ImportProblem(str(path), 1, "a PLOVER JSON file must hold an array of records")
            return
        for number, record in enumerate(records, 1):
            origin = f"plover:{path.name}:#{number}"
            yield _one(path, number, lambda r=record, o=origin: record_row(r, o))
    elif head == b"{":
        for number, line in decoded_lines(path):
            if isinstance(line, ImportProblem):
                yield line
            else:
                yield _one(path, number, lambda ln=line, n=number: _json_line(ln, path, n))
    else:
        yield from read_polecat(path)


def _json_line(line: str, path: Path, number: int) -> ImportedItem:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RowError(f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    return record_row(record, f"plover:{path.name}:{number}")


def _one(path: Path, number: int, read: Any) -> ImportedItem | ImportProblem:
    try:
        item = read()
    except RowError as exc:
        return ImportProblem(str(path), number, str(exc))
    except RecursionError:
        return ImportProblem(str(path), number, "the record is nested too deeply")
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        # A field of the wrong JSON type (a list where an object belongs, ...).
        return ImportProblem(str(path), number, f"a field has the wrong type: {exc}")
    assert isinstance(item, ImportedItem)
    return ImportedItem(item.document, item.events, item.outlets, number)


def _split(value: str) -> list[str]:
    return [v.strip().lower() for v in re.split(r"[;,|]", value or "") if v.strip()]


def polecat_record(row: dict[str, str]) -> dict[str, Any]:
    """A POLECAT TSV row as a PLOVER record (the manual's names)."""

    def entity(prefix: str) -> list[dict[str, Any]]:
        country = row.get(f"{prefix} Country") or ""
        name = row.get(f"{prefix} Name") or row.get(f"{prefix} Name Raw") or ""
        if not country and not name:
            return []
        sector = SECTORS.get((row.get(f"Primary {prefix} Sector") or "").strip().lower())
        return [{"code": country.upper() or "UNK", "sector": sector, "entity_text": name}]

    return {
        "id": row.get("Event ID"),
        "date": row.get("Event Date"),
        "event": [(row.get("Event Type") or "").upper()],
        "mode": _split(row.get("Event Mode") or "")[:1],
        "context": _split(row.get("Contexts") or ""),
        "actor": entity("Actor"),
        "recipient": entity("Recipient"),
        "published": row.get("Publication Date") or None,
        "cite_info": {"publication": row.get("Source") or None, "language": row.get("Language")},
        "coder": f"POLECAT {row.get('Version') or ''}".strip(),
    }


def read_polecat(path: Path) -> Iterator[ImportedItem | ImportProblem]:
    """POLECAT's tab-separated rows (a header of column names first)."""
    header: list[str] | None = None
    for number, line in decoded_lines(path):
        if isinstance(line, ImportProblem):
            yield line
            continue
        values = line.split("\t")
        if header is None:
            if "Event ID" not in values:
                reason = "not PLOVER JSON/JSONL, nor a POLECAT TSV with its header row"
                yield ImportProblem(str(path), number, reason)
                return
            header = values
            continue
        if len(values) != len(header):
            reason = f"expected {len(header)} tab-separated columns, found {len(values)}"
            yield ImportProblem(str(path), number, reason)
            continue
        row = dict(zip(header, values, strict=True))
        origin = f"polecat:{path.name}:{number}"
        yield _one(path, number, lambda r=row, o=origin: record_row(polecat_record(r), o))


def write_plover(records: Iterator[ExportRecord], handle: Any) -> int:
    """Write PLOVER JSONL (the manual's suggested form); the number of records."""
    count = 0
    for record in records:
        handle.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
        count += 1
    return count
