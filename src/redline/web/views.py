"""Dashboard pages: overview, alerts (live), one alert, events, pair view, treaties, documents,
and the ingest form. Jinja2 autoescapes every value, and the pages run no inline script (the
Content-Security-Policy forbids it): data for charts travels as escaped JSON in the page.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from redline.models import Modality
from redline.store import EventFilter
from redline.web import queries, render
from redline.web.api import event_filter
from redline.web.security import (
    check_csrf,
    context,
    csrf_cookie,
    csrf_token,
    require_read,
    set_csrf_cookie,
    token_matches,
)
from redline.web.treaties import (
    UnknownText,
    changes_text,
    compare,
    side_text,
    stored_treaties,
    text_choices,
)

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)
templates = Jinja2Templates(
    directory=Path(str(resources.files("redline").joinpath("web/templates")))
)
templates.env.globals["modality_words"] = render.modality_words
SEVERITIES = ("critical", "high", "medium", "low")
Code = Annotated[str, PathParam(pattern=r"^[A-Za-z]{3}$")]


def page(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    """Render a template with the values every page uses (CSRF token, poll interval)."""
    ctx = context(request)
    cookie, new = csrf_cookie(request)
    values.setdefault("csrf", csrf_token(ctx, cookie))
    values.setdefault("poll", ctx.config.poll_seconds)
    response = templates.TemplateResponse(request, name, values, status_code=status)
    if new:
        set_csrf_cookie(response, cookie)
    return response


def error_page(request: Request, status: int, message: str) -> Response:
    """A small error page (the message is escaped like any other value)."""
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "poll": 0}, status_code=status
    )


def _overview_pairs(request: Request) -> list[dict[str, Any]]:
    """The busiest pairs with their level now and when it last moved, latest move first."""
    ctx = context(request)

    def compute() -> list[dict[str, Any]]:
        rows = []
        for entry in queries.pair_counts(ctx, limit=12):
            pair = (entry["pair"][0], entry["pair"][1])
            view = queries.pair_view(ctx, pair, date.today())
            if not view.history:
                continue
            last = view.history[-1]
            rows.append(
                {
                    "pair": pair,
                    "moved": last.date.isoformat(),
                    "asserted": ctx.ladder.name(view.state.asserted),
                    "signalled": ctx.ladder.name(view.state.signalled),
                    "events": entry["events"],
                }
            )
        return sorted(rows, key=lambda r: r["moved"], reverse=True)

    result = ctx.cached(("overview-pairs",), compute)
    assert isinstance(result, list)
    return result


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    """Open alerts by severity and the pairs whose level moved last."""
    ctx = context(request)
    found = queries.alerts(ctx)
    by_severity = {s: [a for a in found if a.severity == s] for s in SEVERITIES}
    others = [a for a in found if a.severity not in SEVERITIES]
    return page(
        request,
        "overview.html",
        by_severity=by_severity,
        others=others,
        alerts=found,
        pairs=_overview_pairs(request),
        counts=ctx.store.counts(),
    )


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request) -> HTMLResponse:
    """Every alert; the list refreshes itself (htmx polling), no reload needed."""
    return page(request, "alerts.html", alerts=queries.alerts(context(request)))


@router.get("/alerts/live", response_class=HTMLResponse)
def alerts_live(request: Request) -> HTMLResponse:
    """The alert list fragment the pages poll."""
    return page(request, "_alert_list.html", alerts=queries.alerts(context(request)))


@router.get("/alerts/{alert_id}", response_class=HTMLResponse)
def alert_page(request: Request, alert_id: Annotated[str, PathParam(max_length=64)]) -> Any:
    """One alert: lifecycle, the evidence marked in its article, modality in words, playbook."""
    ctx = context(request)
    alert = queries.find_alert(ctx, alert_id)
    if alert is None:
        raise HTTPException(404, f"no alert {alert_id!r}")
    articles = []
    by_doc: dict[str, list[Any]] = {}
    for item in alert.evidence:
        by_doc.setdefault(item.doc_id, []).append(item)
    for doc_id, items in by_doc.items():
        doc = ctx.store.document(doc_id)
        if doc is None:
            continue
        articles.append(
            {
                "doc": doc,
                "items": items,
                "paragraphs": render.marked_paragraphs(doc.body, [i.text for i in items]),
                "counter": all(i.role.value == "counter" for i in items),
            }
        )
    plays = ctx.playbook.for_alert(alert)
    return page(
        request,
        "alert.html",
        alert=alert,
        lifecycle=render.lifecycle(alert),
        articles=articles,
        plays=plays,
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request, where: Annotated[EventFilter, Depends(event_filter)]
) -> HTMLResponse:
    """The event table with the CLI's filters, paging and export links."""
    found = context(request).store.events(where)
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("offset",)]
    export = [(k, v) for k, v in params if k != "limit"]
    return page(
        request,
        "events.html",
        events=found,
        where=where,
        query=request.query_params,
        types=request.query_params.getlist("type"),
        modalities=[m.value for m in Modality],
        chosen=request.query_params.getlist("modality"),
        next_url="/events?" + urlencode([*params, ("offset", where.offset + len(found))])
        if where.limit and len(found) == where.limit
        else None,
        export_csv="/api/events/export?" + urlencode([*export, ("format", "csv")]),
        export_jsonl="/api/events/export?" + urlencode([*export, ("format", "jsonl")]),
    )


@router.get("/pairs/{a}/{b}", response_class=HTMLResponse)
def pair_page(
    request: Request,
    a: Code,
    b: Code,
    at: Annotated[date | None, Query()] = None,
) -> HTMLResponse:
    """The ladder of a pair over time with what moved it, the series, alerts and playbook."""
    ctx = context(request)
    pair = (a.upper(), b.upper())
    view = queries.pair_view(ctx, pair, at or date.today())
    pair_alerts = queries.pair_alerts(ctx, pair)
    history = [
        {"change": c, "alerts": render.alerts_on(pair_alerts, c.date)}
        for c in reversed(view.history)
    ]
    play = ctx.playbook.for_level(view.state.asserted)
    return page(
        request,
        "pair.html",
        pair=pair,
        view=view,
        ladder=ctx.ladder,
        history=history,
        chart=render.level_chart(view, ctx.ladder),
        alerts=pair_alerts,
        play=play,
    )


@router.get("/treaties", response_class=HTMLResponse)
def treaties_page(
    request: Request,
    a: Annotated[str | None, Query(max_length=200)] = None,
    b: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    """Treaties with their lifecycle, and two texts compared side by side."""
    ctx = context(request)
    diff, rows, problem = None, [], None
    if a and b:
        try:
            diff = compare(ctx, a, b)
        except UnknownText as exc:
            problem = str(exc)
        else:
            rows = [
                {
                    "type": r.type.value,
                    "status": r.status.value,
                    "before": side_text(r.before),
                    "after": side_text(r.after),
                    "changes": changes_text(r.changes),
                    "before_text": [p.evidence.text for p in r.before],
                    "after_text": [p.evidence.text for p in r.after],
                }
                for r in diff.rows
            ]
    return page(
        request,
        "treaties.html",
        treaties=stored_treaties(ctx),
        choices=text_choices(ctx),
        a=a,
        b=b,
        diff=diff,
        rows=rows,
        problem=problem,
        status=422 if problem else 200,
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: Annotated[str, PathParam(max_length=64)]) -> Any:
    """An article with every sentence that produced an event marked."""
    ctx = context(request)
    doc = ctx.store.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    found = ctx.store.events(EventFilter(doc_id=doc_id))
    paragraphs = render.marked_paragraphs(doc.body, [e.evidence.text for e in found])
    return page(request, "document.html", doc=doc, events=found, paragraphs=paragraphs)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    """The form to add an article (needs the API token and the form's CSRF token)."""
    return page(request, "ingest.html", result=None, error=None)


@router.post("/ingest", response_class=HTMLResponse)
def ingest_submit(
    request: Request,
    text: Annotated[str, Form(max_length=5_000_000)],
    token: Annotated[str, Form(max_length=500)] = "",
    csrf_token_field: Annotated[str, Form(alias="csrf_token", max_length=200)] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    source: Annotated[str, Form(max_length=200)] = "",
    published_at: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Ingest the pasted article; 403 without a matching CSRF token or API token."""
    from redline.web.ingest import DocumentIn, report_json, run

    check_csrf(request, csrf_token_field)
    ctx = context(request)
    if not token_matches(ctx, token):
        return page(request, "ingest.html", 403, result=None, error="wrong or missing API token")
    item = DocumentIn(
        text=text,
        url=None,
        source_country=None,
        title=title or None,
        source=source or None,
        published_at=published_at or None,
    )
    report, where = run(ctx, item)
    result = report_json(report, where)
    if report.new:
        return RedirectResponse("/alerts", status_code=303)
    return page(
        request, "ingest.html", 422 if not report.documents else 200, result=result, error=None
    )
