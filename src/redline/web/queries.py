"""Read-side queries shared by the JSON API and the dashboard pages.

Everything here reuses the domain code (Store, EventFilter, dyad_view, the series, the alert
repository, the treaty coder and diff) and returns the same JSON field names as the CLI, so a
script can move from `redline dyad --format json` to `GET /api/pairs/RUS/PRK` unchanged.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import func, select

from redline.analysis.dyad import DyadView, dyad_json, dyad_view
from redline.analysis.series import SeriesPoint
from redline.models import Document
from redline.redlines.alerts import Alert
from redline.redlines.repository import AlertRepository
from redline.redlines.service import stored_reports, successors
from redline.store.schema import events
from redline.web.context import AppContext


def document_json(doc: Document, body: bool = False) -> dict[str, Any]:
    """A document's fields; the body only when asked (lists stay small)."""
    out: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "source_country": doc.source_country,
        "url": doc.url,
        "published_at": doc.published_at.isoformat(),
        "language": doc.language,
        "origin": doc.origin,
    }
    if body:
        out["body"] = doc.body
    return out


def actor_counts(ctx: AppContext) -> list[dict[str, Any]]:
    """Every actor code seen as source or target, with its country and event count."""
    from redline.actors.tables import packaged_tables

    counts: dict[tuple[str, str | None], int] = {}
    with ctx.store.engine.connect() as conn:
        for side in ("source", "target"):
            code, country = events.c[f"{side}_code"], events.c[f"{side}_country"]
            query = select(code, country, func.count()).where(code.is_not(None))
            for row in conn.execute(query.group_by(code, country)):
                key = (row[0], row[1])
                counts[key] = counts.get(key, 0) + int(row[2])
    countries = packaged_tables().countries
    return [
        {
            "code": code,
            "country": country,
            "name": countries[country].name if country in countries else None,
            "events": n,
        }
        for (code, country), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    ]


def pair_counts(ctx: AppContext, limit: int | None = None) -> list[dict[str, Any]]:
    """Pairs of countries with events between them, most events first."""
    a, b = events.c.source_country, events.c.target_country
    query = (
        select(a, b, func.count(), func.max(events.c.event_date))
        .where(a.is_not(None), b.is_not(None), a != b)
        .group_by(a, b)
    )
    merged: dict[tuple[str, str], list[Any]] = {}
    with ctx.store.engine.connect() as conn:
        for row in conn.execute(query):
            key = (min(row[0], row[1]), max(row[0], row[1]))
            entry = merged.setdefault(key, [0, None])
            entry[0] += int(row[2])
            if row[3] is not None and (entry[1] is None or row[3] > entry[1]):
                entry[1] = row[3]
    rows = [
        {"pair": list(k), "events": v[0], "last_event": v[1].isoformat() if v[1] else None}
        for k, v in merged.items()
    ]
    rows.sort(key=lambda r: (-r["events"], r["pair"]))
    return rows[:limit] if limit else rows


def pair_view(ctx: AppContext, pair: tuple[str, str], at: date) -> DyadView:
    """The ladder of a pair on a date (only the pair's events are read).

    Computing it is close to linear in the pair's reports (0.3 s for 2,000; docs/api.md), and a
    view is kept until the store changes: the dashboard, the API and the overview share it.
    """

    def compute() -> DyadView:
        return dyad_view(stored_reports(ctx.store, [pair]), pair, at, ctx.ladder, successors())

    view = ctx.cached(("pair", pair, at), compute)
    assert isinstance(view, DyadView)
    return view


def pair_json(ctx: AppContext, view: DyadView) -> dict[str, Any]:
    """`redline dyad --format json`, with the playbook's responses for the level."""
    out = dyad_json(view, ctx.ladder)
    play = ctx.playbook.for_level(view.state.asserted)
    out["responses"] = list(play.responses) if play else []
    return out


def pair_series(ctx: AppContext, pair: tuple[str, str], period: str) -> list[SeriesPoint]:
    """The conflict-cooperation series, as `redline dyad --series` computes it.

    News volume needs every stored event clustered, which is slow on a large store, so the
    clusters are computed once per store version and reused by every pair and period.
    """
    from redline.analysis.clustering import cluster_events
    from redline.analysis.series import conflict_cooperation_series

    def clusters() -> tuple[list[Any], date | None]:
        everything = stored_reports(ctx.store)
        outlets = {r.event.evidence.doc_id: r.outlets for r in everything}
        found = cluster_events([r.event for r in everything], lambda d: outlets.get(d, ()))
        start = min((r.published for r in everything if r.published), default=None)
        return found, start

    def series() -> list[SeriesPoint]:
        cached = ctx.cached(("clusters",), clusters)
        assert isinstance(cached, tuple)
        found: list[Any] = cached[0]
        news_start: date | None = cached[1]
        return conflict_cooperation_series(found, pair, period, since=news_start)

    # The series itself walks every cluster (news volume), so it is kept too.
    points = ctx.cached(("series", pair, period), series)
    assert isinstance(points, list)
    return points


def point_json(point: SeriesPoint) -> dict[str, Any]:
    """A series point as `redline dyad --series --format json` prints it."""
    out = asdict(point)
    out["start"] = point.start.isoformat()
    out["net"] = point.net
    return out


def alerts(ctx: AppContext, rule: str | None = None, state: str | None = None) -> list[Alert]:
    """Stored alerts, most serious state first."""
    return AlertRepository(ctx.store.engine).alerts(rule=rule, state=state)


def alert_json(ctx: AppContext, alert: Alert) -> dict[str, Any]:
    """`redline alerts --format jsonl`: the alert with its playbook responses."""
    out = alert.to_json()
    out["responses"] = [r for p in ctx.playbook.for_alert(alert) for r in p.responses]
    return out


def find_alert(ctx: AppContext, alert_id: str) -> Alert | None:
    """One alert by id."""
    return next((a for a in alerts(ctx) if a.id == alert_id), None)


def pair_alerts(ctx: AppContext, pair: tuple[str, str]) -> list[Alert]:
    """The alerts of a pair, either order."""
    wanted = set(pair)
    return [a for a in alerts(ctx) if set(a.pair) == wanted]
