"""What the analyst did with an alert, and what was last sent about it (migration 0004).

An alert's rule evaluation is replaced on every refresh; its *status* (open, acknowledged,
closed), its *history* (raised, state changes, acknowledgements and closings with their notes,
notifications) and its *notification mark* (the state and fingerprint last sent) live in tables
of their own so they outlive that. A state change re-opens an acknowledged or closed alert: the
analyst acknowledged what they saw, not what came after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from redline.errors import RedlineError, StoreError
from redline.redlines.alerts import Alert
from redline.store.alerts_schema import alert_history, alert_status, alerts, rule_mutes


class Status(StrEnum):
    """The analyst's view of an alert."""

    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class StatusRow:
    """An alert's status and its notification mark."""

    status: Status
    notified_state: str | None = None
    notified_fingerprint: str | None = None
    notified_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Mute:
    """A rule's notifications held back until a date."""

    until: dt.date
    state_changes: bool = False  # changes of state are still sent
    note: str | None = None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of an alert's history."""

    at: dt.datetime
    kind: str  # raised | state | reopened | acknowledged | closed | notified | muted
    state: str | None
    note: str | None

    def to_json(self) -> dict[str, Any]:
        """JSON form, as `redline alerts --format jsonl` prints it under `history`."""
        return {
            "at": self.at.isoformat(timespec="seconds"),
            "kind": self.kind,
            "state": self.state,
            "note": self.note,
        }


def record_transition(conn: Connection, alert: Alert, before: str | None, now: dt.datetime) -> None:
    """Note that an alert was raised or changed state (inside the saving transaction)."""
    state = alert.state.value
    kind, note = ("raised", None) if before is None else ("state", f"{before} -> {state}")
    _history(conn, alert.id, now, kind, state, note)
    row = conn.execute(
        select(alert_status.c.status).where(alert_status.c.alert_id == alert.id)
    ).first()
    if row is None:
        conn.execute(
            insert(alert_status),
            {"alert_id": alert.id, "status": Status.OPEN.value, "updated_at": now},
        )
    elif row.status != Status.OPEN.value:
        _set_status(conn, alert.id, Status.OPEN, now)
        _history(conn, alert.id, now, "reopened", state, f"was {row.status}; state changed")


def _history(
    conn: Connection, alert_id: str, at: dt.datetime, kind: str, state: str | None, note: str | None
) -> None:
    conn.execute(
        insert(alert_history),
        {"alert_id": alert_id, "at": at, "kind": kind, "state": state, "note": note},
    )


def _set_status(conn: Connection, alert_id: str, status: Status, now: dt.datetime) -> None:
    conn.execute(
        update(alert_status)
        .where(alert_status.c.alert_id == alert_id)
        .values(status=status.value, updated_at=now)
    )


class StatusRepository:
    """Reads and writes alert status, history, notification marks and rule mutes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def statuses(self) -> dict[str, StatusRow]:
        """Every alert's status row, by alert id."""
        with self.engine.connect() as conn:
            return {
                r.alert_id: StatusRow(
                    Status(r.status), r.notified_state, r.notified_fingerprint, r.notified_at
                )
                for r in conn.execute(select(alert_status))
            }

    def history(self, alert_id: str) -> list[HistoryEntry]:
        """An alert's history, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(alert_history)
                .where(alert_history.c.alert_id == alert_id)
                .order_by(alert_history.c.id)
            )
            return [HistoryEntry(r.at, r.kind, r.state, r.note) for r in rows]

    def resolve(self, given: str) -> str:
        """The full id of the stored alert `given` names (its id or a unique prefix of it)."""
        with self.engine.connect() as conn:
            query = select(alerts.c.id).where(alerts.c.id.startswith(given))
            ids = [r.id for r in conn.execute(query)]
        if len(ids) == 1 and given:
            return str(ids[0])
        if not ids or not given:
            raise RedlineError(f"no alert with id {given!r} (`redline alerts` lists them)")
        raise RedlineError(f"alert id {given!r} is ambiguous: it starts {len(ids)} alert ids")

    def set_status(self, alert_id: str, status: Status, note: str | None) -> None:
        """Acknowledge, close or re-open an alert, keeping the note in its history."""
        now = dt.datetime.now(dt.UTC)
        try:
            with self.engine.begin() as conn:
                state = conn.execute(select(alerts.c.state).where(alerts.c.id == alert_id)).scalar()
                exists = conn.execute(
                    select(alert_status.c.alert_id).where(alert_status.c.alert_id == alert_id)
                ).first()
                if exists is None:
                    conn.execute(
                        insert(alert_status),
                        {"alert_id": alert_id, "status": status.value, "updated_at": now},
                    )
                else:
                    _set_status(conn, alert_id, status, now)
                kind = "reopened" if status is Status.OPEN else status.value
                _history(conn, alert_id, now, kind, state, note)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not update alert {alert_id}: {exc}") from exc

    def mark(
        self, alert: Alert, digest: str, kind: str, note: str, now: dt.datetime | None = None
    ) -> None:
        """Record that an alert's current version was notified (or muted): it is not sent again."""
        now = now or dt.datetime.now(dt.UTC)
        values = {
            "notified_state": alert.state.value,
            "notified_fingerprint": digest,
            "notified_at": now,
        }
        with self.engine.begin() as conn:
            done = conn.execute(
                update(alert_status).where(alert_status.c.alert_id == alert.id).values(**values)
            )
            if done.rowcount == 0:
                conn.execute(
                    insert(alert_status),
                    {"alert_id": alert.id, "status": Status.OPEN.value, "updated_at": now} | values,
                )
            _history(conn, alert.id, now, kind, alert.state.value, note)

    def mute(
        self, rule: str, until: dt.date, note: str | None, state_changes: bool = False
    ) -> None:
        """Send no notification for `rule` before `until` (replaces an earlier mute).

        With `state_changes`, changes of state (a new alert, signalled -> crossed -> confirmed)
        are still sent and only updates are held back.
        """
        now = dt.datetime.now(dt.UTC)
        row = {
            "rule": rule,
            "until": until,
            "state_changes": state_changes,
            "note": note,
            "created_at": now,
        }
        with self.engine.begin() as conn:
            conn.execute(delete(rule_mutes).where(rule_mutes.c.rule == rule))
            conn.execute(insert(rule_mutes), row)

    def unmute(self, rule: str) -> bool:
        """Lift a mute; False when the rule was not muted."""
        with self.engine.begin() as conn:
            return bool(conn.execute(delete(rule_mutes).where(rule_mutes.c.rule == rule)).rowcount)

    def mutes(self) -> dict[str, Mute]:
        """Muted rules: until when, whether state changes still go out, and why."""
        with self.engine.connect() as conn:
            return {
                r.rule: Mute(r.until, bool(r.state_changes), r.note)
                for r in conn.execute(select(rule_mutes))
            }
