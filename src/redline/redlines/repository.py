"""Alerts in the store: replaced as a whole per rule on every evaluation, read back for display.

An alert's row is keyed by (rule, pair), so evaluating again updates it in place: `created_at`
is kept, and `updated_at` moves only when the alert itself changed (its fingerprint).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from redline.errors import StoreError
from redline.redlines.alerts import Alert, AlertEvidence, AlertState, Role
from redline.redlines.status import record_transition
from redline.store.alerts_schema import alert_evidence, alerts

ATTEMPTS = 3
CHUNK = 500


class AlertRepository:
    """Reads and writes alerts on the store's engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def replace(
        self,
        rules: Sequence[str],
        found: Sequence[Alert],
        pairs: Collection[tuple[str, str]] | None = None,
        then: Callable[[Connection], None] | None = None,
    ) -> list[Alert]:
        """Make the stored alerts of `rules` exactly `found`, in one transaction.

        With `pairs` (unordered, as `min, max`), only the alerts of those pairs are replaced
        and the others are left as they are (an incremental evaluation). Returns the alerts
        that are new or changed (what a notifier would send). An alert whose fingerprint did
        not change keeps its row and its evidence untouched. A concurrent evaluation may insert
        the same alert first (PostgreSQL): the transaction is then retried, and finds that row
        to update. `then` runs last in the same transaction (the evaluation mark).
        """
        for attempt in range(ATTEMPTS):
            try:
                with self.engine.begin() as conn:
                    changed = self._replace(conn, rules, found, pairs)
                    if then is not None:
                        then(conn)
                    return changed
            except IntegrityError as exc:
                if attempt == ATTEMPTS - 1:
                    raise StoreError(f"could not save alerts: {exc}") from exc
            except SQLAlchemyError as exc:
                raise StoreError(f"could not save alerts: {exc}") from exc
        return []

    def _replace(
        self,
        conn: Connection,
        rules: Sequence[str],
        found: Sequence[Alert],
        pairs: Collection[tuple[str, str]] | None,
    ) -> list[Alert]:
        columns = (alerts.c.id, alerts.c.state, alerts.c.fingerprint, alerts.c.created_at)
        query = select(*columns, alerts.c.updated_at, alerts.c.pair_a, alerts.c.pair_b)
        existing = {
            row.id: row
            for row in conn.execute(query.where(alerts.c.rule.in_(list(rules))))
            if pairs is None or _unordered(row.pair_a, row.pair_b) in pairs
        }
        now = datetime.now(UTC)
        digests = {alert.id: fingerprint(alert) for alert in found}
        stale = [
            key
            for key, row in existing.items()
            if key not in digests or row.fingerprint != digests[key]
        ]
        for start in range(0, len(stale), CHUNK):
            conn.execute(delete(alerts).where(alerts.c.id.in_(stale[start : start + CHUNK])))
        changed_alerts: list[Alert] = []
        for alert in found:
            digest = digests[alert.id]
            before = existing.get(alert.id)
            if before is not None and before.fingerprint == digest:
                continue  # unchanged: its row and evidence stay as they are
            created = before.created_at if before is not None else now
            changed_alerts.append(alert)
            if before is None or before.state != alert.state.value:
                record_transition(conn, alert, before.state if before else None, now)
            row = _alert_row(alert, digest) | {"created_at": created, "updated_at": now}
            conn.execute(insert(alerts), row)
            rows = [_evidence_row(alert.id, i, e) for i, e in enumerate(alert.evidence)]
            if rows:
                conn.execute(insert(alert_evidence), rows)
        return changed_alerts

    def alerts(self, rule: str | None = None, state: str | None = None) -> list[Alert]:
        """Stored alerts, most serious state first, then by rule and pair."""
        query = select(alerts)
        if rule:
            query = query.where(alerts.c.rule == rule)
        if state:
            query = query.where(alerts.c.state == state)
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
            evidence: dict[str, list[AlertEvidence]] = {}
            if rows:
                ids = [r.id for r in rows]
                for row in conn.execute(
                    select(alert_evidence)
                    .where(alert_evidence.c.alert_id.in_(ids))
                    .order_by(alert_evidence.c.alert_id, alert_evidence.c.position)
                ):
                    evidence.setdefault(row.alert_id, []).append(_row_evidence(row))
        order = {AlertState.CONFIRMED: 0, AlertState.CROSSED: 1, AlertState.SIGNALLED: 2}
        found = [_row_alert(r, evidence.get(r.id, [])) for r in rows]
        return sorted(found, key=lambda a: (order[a.state], a.rule, a.pair))

    def stored(
        self, rules: Sequence[str], except_pairs: Collection[tuple[str, str]] = ()
    ) -> list[Alert]:
        """The stored alerts of `rules`, but for those of `except_pairs` (unordered)."""
        query = select(alerts).where(alerts.c.rule.in_(list(rules)))
        with self.engine.connect() as conn:
            rows = [
                r for r in conn.execute(query) if _unordered(r.pair_a, r.pair_b) not in except_pairs
            ]
            evidence: dict[str, list[AlertEvidence]] = {}
            ids = [r.id for r in rows]
            for start in range(0, len(ids), CHUNK):
                for row in conn.execute(
                    select(alert_evidence)
                    .where(alert_evidence.c.alert_id.in_(ids[start : start + CHUNK]))
                    .order_by(alert_evidence.c.alert_id, alert_evidence.c.position)
                ):
                    evidence.setdefault(row.alert_id, []).append(_row_evidence(row))
        return [_row_alert(r, evidence.get(r.id, [])) for r in rows]

    def fingerprints(self) -> dict[str, str]:
        """Each stored alert's fingerprint (what changes whenever the alert does)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(alerts.c.id, alerts.c.fingerprint))
            return {r.id: r.fingerprint for r in rows}

    def updated_at(self, alert_id: str) -> datetime | None:
        """When an alert last changed."""
        with self.engine.connect() as conn:
            row = conn.execute(select(alerts.c.updated_at).where(alerts.c.id == alert_id)).first()
        return row.updated_at if row else None


def _unordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def fingerprint(alert: Alert) -> str:
    """A digest of the alert's JSON form: it changes whenever anything shown of it does."""
    data = json.dumps(alert.to_json(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _alert_row(alert: Alert, fingerprint: str) -> dict[str, Any]:
    return {
        "id": alert.id,
        "rule": alert.rule,
        "title": alert.title,
        "pair_a": alert.pair[0],
        "pair_b": alert.pair[1],
        "ordered": alert.ordered,
        "state": alert.state.value,
        "severity": alert.severity,
        "tier": alert.tier,
        "signalled_on": alert.signalled_on,
        "crossed_on": alert.crossed_on,
        "confirmed_on": alert.confirmed_on,
        "sources": alert.sources,
        "mentions": alert.mentions,
        "events": alert.events,
        "outlets": "|".join(alert.outlets),
        "fingerprint": fingerprint,
    }


def _evidence_row(alert_id: str, position: int, item: AlertEvidence) -> dict[str, Any]:
    return {
        "alert_id": alert_id,
        "position": position,
        "role": item.role.value,
        "event_id": item.event_id,
        "doc_id": item.doc_id,
        "sentence": item.sentence,
        "text": item.text,
        "modality": item.modality,
        "event_date": item.date,
        "published_on": item.published,
        "outlets": "|".join(item.outlets),
        "attribution": item.attribution,
    }


def _row_evidence(row: Any) -> AlertEvidence:
    return AlertEvidence(
        role=Role(row.role),
        doc_id=row.doc_id,
        text=row.text,
        modality=row.modality,
        date=row.event_date,
        event_id=row.event_id,
        sentence=row.sentence,
        published=row.published_on,
        outlets=tuple(o for o in row.outlets.split("|") if o),
        attribution=row.attribution,
    )


def _row_alert(row: Any, evidence: list[AlertEvidence]) -> Alert:
    return Alert(
        rule=row.rule,
        title=row.title,
        pair=(row.pair_a, row.pair_b),
        ordered=bool(row.ordered),
        state=AlertState(row.state),
        severity=row.severity,
        tier=row.tier,
        signalled_on=row.signalled_on,
        crossed_on=row.crossed_on,
        confirmed_on=row.confirmed_on,
        sources=row.sources,
        mentions=row.mentions,
        events=row.events,
        outlets=tuple(o for o in row.outlets.split("|") if o),
        evidence=tuple(evidence),
    )
