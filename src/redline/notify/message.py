"""A notification: which alert, what changed, and the one line that says why it fired."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from redline.redlines.alerts import Alert


@dataclass(frozen=True, slots=True)
class Notification:
    """One alert event worth telling someone about."""

    alert: Alert
    change: str  # raised | state | update
    previous_state: str | None
    at: dt.datetime

    @property
    def since(self) -> dt.date | None:
        """The date the alert reached its current state."""
        alert = self.alert
        return {
            "signalled": alert.signalled_on,
            "crossed": alert.crossed_on,
            "confirmed": alert.confirmed_on,
        }[alert.state.value]

    @property
    def line(self) -> str:
        """Why it fired, in one line: state, rule, pair, change, date, sources and outlets."""
        alert = self.alert
        state = alert.state.value
        day = self.since.isoformat() if self.since else "undated"
        what = {
            "raised": f"raised as {state} on {day}",
            "state": f"{self.previous_state} -> {state} on {day}",
            "update": f"new reports, {state} since {day}",
        }[self.change]
        outlets = ", ".join(alert.outlets) or "no outlet"
        return (
            f"{state.upper()} {alert.rule} {alert.pair[0]}-{alert.pair[1]}: {what}; "
            f"{alert.sources} independent sources ({outlets}), {alert.mentions} reports; "
            f"{alert.title}"
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON sent to webhooks and written to the JSONL file."""
        return {
            "line": self.line,
            "change": self.change,
            "previous_state": self.previous_state,
            "at": self.at.isoformat(timespec="seconds"),
            "alert": self.alert.to_json(),
        }


class Notifier(Protocol):
    """Something that delivers notifications."""

    name: str

    def send(self, notification: Notification) -> None:
        """Deliver (or queue) one notification; must not block for long."""

    def close(self, timeout: float = 10.0) -> None:
        """Finish queued deliveries (waiting at most `timeout` seconds) and release resources."""
