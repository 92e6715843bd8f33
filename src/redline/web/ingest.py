"""`POST /api/documents`: ingest one article (its text, or a URL to fetch) through the same
path as `redline ingest`, so red-line rules are evaluated on arrival.

A text is written as one JSON line to the submissions folder (named by its hash, kept as the
document's origin) and read from there like any JSONL file.

The text goes through the JSON Lines reader (the same checks and fields as a JSONL file), a
URL through the SSRF-safe fetcher; problems come back naming the reason, never as a 500.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from redline.ingest import IngestLimits, IngestProblem
from redline.ingest.document import clean_text
from redline.models import Document
from redline.runner import IngestReport, ingest
from redline.web.context import AppContext
from redline.web.security import context, require_token

router = APIRouter(prefix="/api")
SUBMITTED = "request"


class DocumentIn(BaseModel):
    """An article to ingest: `text` (with optional metadata) or `url`, not both."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The article body.", max_length=5_000_000)
    url: str | None = Field(
        None,
        description="An http(s) URL to fetch (never a local path).",
        max_length=2048,
        pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$",
    )
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, description="The outlet.", max_length=200)
    source_country: str | None = Field(None, description="ISO alpha-3 of the outlet.")
    published_at: str | None = Field(
        None, description="ISO 8601 date or datetime, e.g. 2024-06-19.", max_length=64
    )


def problem_json(problem: IngestProblem, where: str) -> dict[str, str]:
    """A problem, its origin shown as the request rather than a temporary file."""
    return {"origin": where, "reason": problem.reason, "severity": problem.severity}


def report_json(report: IngestReport, where: str) -> dict[str, Any]:
    """What the ingest did, in the counts `redline ingest` prints."""
    return {
        "new": report.new,
        "copies": report.copies,
        "seen": report.seen,
        "events": report.events,
        "problems": [problem_json(p, where) for p in report.problems],
        "warnings": [problem_json(p, where) for p in report.warnings],
    }


def run(ctx: AppContext, item: DocumentIn) -> tuple[IngestReport, str]:
    """Ingest the text or URL; returns the report and how to name the input in messages."""
    limits = IngestLimits(max_bytes=ctx.config.max_bytes)
    if item.url is not None:
        with ctx.ingest_lock:
            return ingest([item.url], ctx.store, ctx.pipeline(), limits), item.url
    record = item.model_dump(exclude={"url"}, exclude_none=True)
    line = json.dumps(record, ensure_ascii=False, sort_keys=True)
    # Kept as the document's origin: the same submission again is then "seen", not a copy.
    name = hashlib.sha256(line.encode("utf-8")).hexdigest()[:32] + ".jsonl"
    path = ctx.config.submissions_dir() / name
    with ctx.ingest_lock:
        if not path.exists():
            path.write_text(line + "\n", "utf-8")
        return ingest([str(path)], ctx.store, ctx.pipeline(), limits), SUBMITTED


@router.post(
    "/documents",
    summary="Ingest an article (text or URL); red lines are evaluated on arrival",
    dependencies=[Depends(require_token)],
    status_code=201,
    responses={
        200: {"description": "Read, but already stored"},
        401: {"description": "No or wrong token"},
        403: {"description": "No token configured"},
        422: {"description": "Nothing could be read"},
    },
)
async def post_document(request: Request, item: DocumentIn) -> JSONResponse:
    """Ingest one article. 201 when a new document was stored, 200 when it was known, 422
    when nothing could be read (the reasons are in `problems`)."""
    if (item.text is None) == (item.url is None):
        raise HTTPException(422, "send exactly one of 'text' (the article body) or 'url'")
    if item.text is not None and not item.text.strip():
        raise HTTPException(422, "'text' is empty")
    ctx = context(request)
    loop = asyncio.get_running_loop()
    report, where = await loop.run_in_executor(ctx.ingest_executor, run, ctx, item)
    body = report_json(report, where)
    if item.text is not None:
        # The reader keys the document by its cleaned body, exactly as here.
        doc_id = Document.content_id(clean_text(item.text.strip()))
        body["id"] = doc_id if ctx.store.has_document(doc_id) else None
    if report.documents == 0:
        reasons = "; ".join(p["reason"] for p in body["problems"]) or "nothing to read"
        body["detail"] = f"nothing was ingested: {reasons}"
        return JSONResponse(body, status_code=422)
    return JSONResponse(body, status_code=201 if report.new else 200)
