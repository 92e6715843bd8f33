"""The read side of the JSON API under /api/: documents, events, actors, pairs, treaties,
red lines and alerts. Filters and field names follow the CLI (`redline events`, `dyad`,
`alerts`, `treaty list`); every bad parameter is a 4xx whose `detail` says what to send.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from redline.models import Modality
from redline.serialize import event_json
from redline.store import EventFilter
from redline.web import queries
from redline.web.security import context, require_read
from redline.web.treaties import UnknownText, compare, diff_json, stored_treaties, treaty_json

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])

Code = Annotated[str, Path(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3, e.g. RUS")]
Text = Annotated[str | None, Query(max_length=200)]
MAX_PAGE = 1000
MAX_EXPORT = 200_000


def parse_pair(value: str | None) -> tuple[str, str] | None:
    """`RUS,PRK` -> ("RUS", "PRK"); 422 for anything else."""
    if value is None:
        return None
    parts = [p.strip().upper() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise HTTPException(422, f"pair must be two codes separated by a comma, not {value!r}")
    return parts[0], parts[1]


def event_filter(
    actor: Annotated[
        str | None, Query(max_length=64, description="Source or target code, e.g. RUS.")
    ] = None,
    pair: Annotated[
        str | None, Query(max_length=130, description="Two codes, either direction: RUS,PRK.")
    ] = None,
    type: Annotated[list[str], Query(description="PLOVER type (repeatable), e.g. AGREE.")] = [],  # noqa: B006 - FastAPI copies query defaults
    modality: Annotated[list[Modality], Query(description="Modality (repeatable).")] = [],  # noqa: B006
    since: Annotated[date | None, Query(description="Event date on or after.")] = None,
    until: Annotated[date | None, Query(description="Event date on or before.")] = None,
    doc_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> EventFilter:
    """The event filters of `redline events`, from query parameters."""
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    if any(len(t) > 64 for t in type):
        raise HTTPException(422, "a type is at most 64 characters, e.g. AGREE")
    return EventFilter(
        actor=actor,
        pair=parse_pair(pair),
        types=type,
        modalities=[m.value for m in modality],
        since=since,
        until=until,
        doc_id=doc_id,
        limit=limit,
        offset=offset,
    )


Filters = Annotated[EventFilter, Depends(event_filter)]


@router.get("/health", summary="Liveness and row counts")
def health(request: Request) -> dict[str, Any]:
    """`ok` and the number of documents, copies and events stored."""
    return {"status": "ok", "counts": context(request).store.counts()}


@router.get("/documents", summary="Stored documents, newest first")
def list_documents(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> dict[str, Any]:
    """Documents without their bodies; page with `limit` and `offset`."""
    docs = list(context(request).store.documents())[::-1]
    page = docs[offset : offset + limit]
    return {
        "documents": [queries.document_json(d) for d in page],
        "total": len(docs),
        "limit": limit,
        "offset": offset,
    }


@router.get("/documents/{doc_id}", summary="One document with its body, outlets and events")
def get_document(request: Request, doc_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """The document, the outlets that carried it and the events coded from it."""
    ctx = context(request)
    doc = ctx.store.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    out = queries.document_json(doc, body=True)
    out["outlets"] = ctx.store.copies(doc_id)
    out["events"] = [event_json(e) for e in ctx.store.events(EventFilter(doc_id=doc_id))]
    return out


@router.get("/events", summary="Events with the filters of `redline events`")
def list_events(request: Request, where: Filters) -> dict[str, Any]:
    """Events ordered by event date (undated first); `next_offset` pages on."""
    found = context(request).store.events(where)
    full = where.limit is not None and len(found) == where.limit
    return {
        "events": [event_json(e) for e in found],
        "limit": where.limit,
        "offset": where.offset,
        "next_offset": where.offset + len(found) if full else None,
    }


@router.get("/events/export", summary="Events as a JSON Lines or CSV download")
def export_events(
    request: Request,
    where: Filters,
    format: Literal["jsonl", "csv"] = "jsonl",
    max_rows: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = 10_000,
) -> StreamingResponse:
    """The filtered events (ignoring `limit`, up to `max_rows`) as a file."""
    from dataclasses import replace

    found = context(request).store.events(replace(where, limit=max_rows))
    name = f"redline-events.{format}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if format == "jsonl":
        lines = (json.dumps(event_json(e), ensure_ascii=False) + "\n" for e in found)
        return StreamingResponse(lines, media_type="application/x-ndjson", headers=headers)
    return StreamingResponse(_csv(found), media_type="text/csv", headers=headers)


CSV_COLUMNS = ("id", "date", "type", "source", "target", "modality", "doc_id", "evidence")


def _csv(found: list[Any]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for e in found:
        text = e.evidence.text
        # A cell starting with = + - @ is a formula to a spreadsheet: make it plain text.
        if text[:1] in ("=", "+", "-", "@"):
            text = "'" + text
        writer.writerow(
            (
                e.id,
                e.date.value.isoformat() if e.date.value else "",
                e.type,
                e.source.code,
                e.target.code if e.target else "",
                e.modality.value,
                e.evidence.doc_id,
                text,
            )
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


@router.get("/actors", summary="Actors seen in events, with counts")
def list_actors(request: Request) -> dict[str, Any]:
    """Every source or target code with its country, country name and event count."""
    return {"actors": queries.actor_counts(context(request))}


@router.get("/pairs", summary="Pairs of countries with events, most events first")
def list_pairs(
    request: Request, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100
) -> dict[str, Any]:
    """Pairs (sorted codes), their event count and latest event date."""
    return {"pairs": queries.pair_counts(context(request), limit)}


@router.get("/pairs/{a}/{b}", summary="A pair's ladder level now and its history")
def get_pair(
    request: Request,
    a: Code,
    b: Code,
    at: Annotated[date | None, Query(description="Report the level on this date.")] = None,
) -> dict[str, Any]:
    """`redline dyad A B --format json`: levels, evidence, history and playbook responses."""
    ctx = context(request)
    view = queries.pair_view(ctx, (a.upper(), b.upper()), at or date.today())
    return queries.pair_json(ctx, view)


@router.get("/pairs/{a}/{b}/series", summary="A pair's conflict-cooperation series")
def get_series(
    request: Request,
    a: Code,
    b: Code,
    period: Literal["month", "quarter", "year"] = "month",
) -> dict[str, Any]:
    """`redline dyad A B --series PERIOD`: intensities per period against news volume."""
    points = queries.pair_series(context(request), (a.upper(), b.upper()), period)
    return {
        "pair": [a.upper(), b.upper()],
        "period": period,
        "series": [queries.point_json(p) for p in points],
    }


@router.get("/treaties", summary="Treaties with their lifecycle")
def list_treaties(request: Request, pair: Text = None) -> dict[str, Any]:
    """`redline treaty list --format json`, optionally for one pair (`pair=RUS,PRK`)."""
    found = stored_treaties(context(request), parse_pair(pair))
    return {"treaties": [treaty_json(t) for t in found]}


@router.get("/treaties/diff", summary="Two treaty texts compared clause by clause")
def treaty_diff(
    request: Request,
    a: Annotated[str, Query(min_length=1, max_length=200, description="Earlier text.")],
    b: Annotated[str, Query(min_length=1, max_length=200, description="Later text.")],
    changes_only: bool = False,
) -> dict[str, Any]:
    """`redline treaty diff A B`: a and b name a text of the treaty folder or a document id."""
    try:
        result = compare(context(request), a, b)
    except UnknownText as exc:
        raise HTTPException(404, str(exc)) from exc
    return diff_json(result, changes_only)


@router.get("/redlines", summary="The red-line rules in force")
def list_redlines(request: Request) -> dict[str, Any]:
    """Each rule's id, title, pair, severity, tier and description."""
    from redline.redlines.rules import configured_rules

    rules = configured_rules().rules
    return {
        "redlines": [
            {
                "id": r.id,
                "title": r.title,
                "pair": list(r.pair) if r.pair else None,
                "ordered": r.ordered,
                "severity": r.severity,
                "tier": r.tier,
                "description": r.description,
            }
            for r in rules
        ]
    }


@router.get("/alerts", summary="Red-line alerts with evidence and responses")
def list_alerts(
    request: Request,
    state: Literal["signalled", "crossed", "confirmed"] | None = None,
    rule: Text = None,
) -> dict[str, Any]:
    """`redline alerts --format jsonl` as one list, most serious state first."""
    ctx = context(request)
    return {"alerts": [queries.alert_json(ctx, a) for a in queries.alerts(ctx, rule, state)]}


@router.get("/alerts/{alert_id}", summary="One alert")
def get_alert(request: Request, alert_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """The alert with its evidence, counter-evidence and playbook responses."""
    ctx = context(request)
    alert = queries.find_alert(ctx, alert_id)
    if alert is None:
        raise HTTPException(404, f"no alert {alert_id!r}")
    return queries.alert_json(ctx, alert)
