"""One exported event: the event, its document's provenance and its sightings, flat.

Exports and imports meet here. Every format writes `ExportRecord`s and the PLOVER import of a
redline export reads them back, so a field added here travels through every format at once.
The column dictionary (`COLUMNS`) is the single description of that flat form: the Parquet
schema, the CSV dictionary file and docs/interop.md are all derived from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

import pyarrow as pa
from sqlalchemy import select

from redline.models import Actor, DatePrecision, Event, EventDate, Evidence, Modality
from redline.store import EventFilter, Store
from redline.store.schema import document_copies, documents

CHUNK = 500


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What an export says about an event's document: enough to cite it and count sources."""

    id: str
    title: str
    source: str
    url: str | None
    language: str
    origin: str
    published: datetime | None  # the earliest sighting among the copies
    outlets: tuple[str, ...]  # every outlet that carried the document


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """An event with its document, as every export format writes it."""

    event: Event
    document: DocumentInfo


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the flat export: name, Arrow type, meaning."""

    name: str
    type: pa.DataType
    description: str


_S, _I, _F = pa.string(), pa.int32(), pa.float64()
_LIST = pa.list_(pa.string())
_TS = pa.timestamp("us", tz="UTC")

COLUMNS: tuple[Column, ...] = (
    Column("event_id", _S, "Stable event key (hash of document, sentence, trigger, type, pair)."),
    Column("type", _S, "PLOVER event type, one of the 16 (AGREE ... ASSAULT)."),
    Column("mode", _S, "PLOVER mode of the type (e.g. visit, disapprove); null when none."),
    Column("contexts", _LIST, "PLOVER contexts (military, nuclear, economic, ...)."),
    Column("source_code", _S, "Source actor code, CAMEO style: country + sector (PRKHOS)."),
    Column("source_country", _S, "Source actor's country, ISO 3166 alpha-3 or historic (SUN)."),
    Column("source_sector", _S, "Source actor's sector or role (GOV, HOS, MIL, ...)."),
    Column("source_person", _S, "Named person behind the source actor, when known."),
    Column("source_text", _S, "The words the source actor was read from."),
    Column("target_code", _S, "Target actor code; null when the event has no target."),
    Column("target_country", _S, "Target actor's country."),
    Column("target_sector", _S, "Target actor's sector or role."),
    Column("target_person", _S, "Named person behind the target actor."),
    Column("target_text", _S, "The words the target actor was read from."),
    Column("event_date", pa.date32(), "When the event happened (first day of its period)."),
    Column("date_precision", _S, "How much of event_date is known: day, month or year."),
    Column("date_expression", _S, "The expression the date was read from ('in October')."),
    Column(
        "modality",
        _S,
        "asserted, scheduled, speculated, conditional, negated, denied, "
        "historical: how the report presents the event.",
    ),  # fmt: skip
    Column("attribution", _S, "Who the report attributes the claim to (actor code or name)."),
    Column("intensity", _F, "PLOVER conflict-cooperation score, -10 to 10."),
    Column("cameo", _S, "CAMEO event code, where the event maps to one."),
    Column("confidence", _F, "Coder confidence, 0 to 1."),
    Column("trigger", _S, "The trigger words of the event."),
    Column("doc_id", _S, "Evidence: the document's content-hash id."),
    Column("sentence", _I, "Evidence: sentence number in the document (0-based)."),
    Column("evidence_start", _I, "Evidence: first character of the sentence in the body."),
    Column("evidence_end", _I, "Evidence: character after the sentence's end."),
    Column("evidence_text", _S, "Evidence: the sentence text."),
    Column("trigger_start", _I, "Evidence: first character of the trigger (-1: unknown)."),
    Column("trigger_end", _I, "Evidence: character after the trigger (-1: unknown)."),
    Column("doc_title", _S, "Title of the document."),
    Column("doc_source", _S, "Outlet of the document as first stored."),
    Column("doc_url", _S, "URL of the document, when it has one."),
    Column("doc_language", _S, "Language of the document (ISO 639-1)."),
    Column(
        "doc_origin",
        _S,
        "Where the document was read from (file, feed, or the dataset, "
        "file and line of an imported row).",
    ),  # fmt: skip
    Column("published", _TS, "Earliest publication among the document's copies (UTC)."),
    Column("outlets", _LIST, "Every outlet that carried the document (syndicated copies)."),
)
COLUMN_NAMES = tuple(c.name for c in COLUMNS)
# Each field carries its description, so the dictionary travels inside the Parquet file too.
ARROW_SCHEMA = pa.schema(
    [pa.field(c.name, c.type, metadata={"description": c.description}) for c in COLUMNS]
)


def flat_row(record: ExportRecord) -> dict[str, object]:
    """The record as one row of `COLUMNS` (native Python values, lists kept as lists)."""
    event, doc = record.event, record.document
    ev = event.evidence
    row: dict[str, object] = {
        "event_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "contexts": list(event.contexts),
    }
    for prefix, actor in (("source", event.source), ("target", event.target)):
        row[f"{prefix}_code"] = actor.code if actor else None
        row[f"{prefix}_country"] = actor.country if actor else None
        row[f"{prefix}_sector"] = actor.sector if actor else None
        row[f"{prefix}_person"] = actor.person if actor else None
        row[f"{prefix}_text"] = actor.text if actor else None
    row.update(
        event_date=event.date.value,
        date_precision=event.date.precision.value if event.date.precision else None,
        date_expression=event.date.expression,
        modality=event.modality.value,
        attribution=event.attribution,
        intensity=event.intensity,
        cameo=event.cameo,
        confidence=event.confidence,
        trigger=event.trigger,
        doc_id=ev.doc_id,
        sentence=ev.sentence,
        evidence_start=ev.start,
        evidence_end=ev.end,
        evidence_text=ev.text,
        trigger_start=ev.trigger_start,
        trigger_end=ev.trigger_end,
        doc_title=doc.title,
        doc_source=doc.source,
        doc_url=doc.url,
        doc_language=doc.language,
        doc_origin=doc.origin,
        published=doc.published,
        outlets=list(doc.outlets),
    )
    return row


def _actor(row: dict[str, object], prefix: str) -> Actor | None:
    code = row.get(f"{prefix}_code")
    if not code:
        return None
    return Actor(
        code=str(code),
        country=_text(row.get(f"{prefix}_country")),
        sector=_text(row.get(f"{prefix}_sector")),
        person=_text(row.get(f"{prefix}_person")),
        text=_text(row.get(f"{prefix}_text")) or "",
    )


def _text(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def record_from_row(row: dict[str, object]) -> ExportRecord:
    """The inverse of `flat_row` (values already typed: dates, datetimes, lists)."""
    source = _actor(row, "source")
    if source is None:
        raise ValueError("source_code is empty")
    precision = _text(row.get("date_precision"))
    day = row.get("event_date")
    published = row.get("published")
    event = Event(
        id=str(row["event_id"]),
        type=str(row["type"]),
        mode=_text(row.get("mode")),
        contexts=tuple(str(c) for c in _list(row.get("contexts"))),
        source=source,
        target=_actor(row, "target"),
        date=EventDate(
            value=day if isinstance(day, date) else None,
            precision=DatePrecision(precision) if precision else None,
            expression=str(row.get("date_expression") or ""),
        ),
        modality=Modality(str(row["modality"])),
        attribution=_text(row.get("attribution")),
        intensity=_float(row.get("intensity")),
        cameo=_text(row.get("cameo")),
        confidence=_float(row.get("confidence")) or 0.0,
        trigger=str(row.get("trigger") or ""),
        evidence=Evidence(
            doc_id=str(row["doc_id"]),
            sentence=int(str(row["sentence"])),
            start=int(str(row["evidence_start"])),
            end=int(str(row["evidence_end"])),
            text=str(row.get("evidence_text") or ""),
            trigger_start=int(str(row.get("trigger_start", -1))),
            trigger_end=int(str(row.get("trigger_end", -1))),
        ),
    )
    document = DocumentInfo(
        id=event.evidence.doc_id,
        title=str(row.get("doc_title") or ""),
        source=str(row.get("doc_source") or ""),
        url=_text(row.get("doc_url")),
        language=str(row.get("doc_language") or "en"),
        origin=str(row.get("doc_origin") or ""),
        published=published if isinstance(published, datetime) else None,
        outlets=tuple(str(o) for o in _list(row.get("outlets"))),
    )
    return ExportRecord(event, document)


def _list(value: object) -> Sequence[object]:
    if value is None:
        return ()
    if isinstance(value, str):
        return [v for v in value.split("|") if v]
    return list(value) if isinstance(value, Iterable) else ()


def _float(value: object) -> float | None:
    if value is None or value == "":
        return None
    return float(str(value))


def export_records(
    store: Store, where: EventFilter | None = None, page: int = 5_000
) -> Iterator[ExportRecord]:
    """The stored events matching `where`, each with its document's provenance.

    Read `page` events at a time, so an export of a large store holds one page in memory.
    """
    where = where or EventFilter()
    remaining = where.limit
    offset = where.offset
    while remaining is None or remaining > 0:
        size = page if remaining is None else min(page, remaining)
        found = store.events(replace(where, limit=size, offset=offset))
        info = _documents(store, sorted({e.evidence.doc_id for e in found}))
        for event in found:
            yield ExportRecord(event, info[event.evidence.doc_id])
        if len(found) < size:
            return
        offset += size
        remaining = None if remaining is None else remaining - size


def _documents(store: Store, ids: Sequence[str]) -> dict[str, DocumentInfo]:
    out: dict[str, DocumentInfo] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            sightings: dict[str, list[tuple[str, datetime]]] = {}
            query = select(
                document_copies.c.doc_id, document_copies.c.source, document_copies.c.published_at
            ).where(document_copies.c.doc_id.in_(chunk))
            for row in conn.execute(query):
                sightings.setdefault(row.doc_id, []).append((row.source, row.published_at))
            columns = (documents.c.id, documents.c.title, documents.c.source, documents.c.url)
            extra = (documents.c.language, documents.c.origin, documents.c.published_at)
            for doc in conn.execute(select(*columns, *extra).where(documents.c.id.in_(chunk))):
                seen = sightings.get(doc.id, [])
                out[doc.id] = DocumentInfo(
                    id=doc.id,
                    title=doc.title,
                    source=doc.source,
                    url=doc.url,
                    language=doc.language,
                    origin=doc.origin,
                    published=min([p for _, p in seen], default=doc.published_at),
                    outlets=tuple(sorted({s for s, _ in seen} | {doc.source})),
                )
    return out
