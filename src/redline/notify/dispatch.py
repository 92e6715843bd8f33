"""What to send after an evaluation, within each rule's mute and throttle; and the record of it.

The store keeps, per alert, the state and fingerprint last notified (`alert_status`). After
every evaluation the dispatcher compares each stored alert with that mark:

- same fingerprint: already told, nothing to send;
- never told: *raised*; another state: a *state* change; same state: an *update* (more reports);
- a rule muted (by `redline alerts mute` or its `mute_until`) sends nothing before the date
  (or, muted with `--state-changes`, only changes of state): what is held back is marked
  `muted` in the alert's history, so lifting the mute does not replay old news;
- updates are throttled (at most one per alert per interval) and not sent at all for an
  acknowledged or closed alert; a state change is always sent.

Because the mark is in the store, a watch killed between evaluating and notifying sends what it
owed when it starts again, and two runs never send the same alert version twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence

from redline.notify.message import Notification, Notifier
from redline.redlines.alerts import Alert
from redline.redlines.repository import AlertRepository, fingerprint
from redline.redlines.rules import RedLine, RuleSet
from redline.redlines.status import Mute, Status, StatusRepository
from redline.store import Store

logger = logging.getLogger(__name__)
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The current moment in UTC."""
    return dt.datetime.now(dt.UTC)


class Dispatcher:
    """Sends the notifications owed for the stored alerts, and records them."""

    def __init__(
        self,
        store: Store,
        notifiers: Sequence[Notifier],
        rules: RuleSet | None = None,
        throttle: dt.timedelta | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.store = store
        self.notifiers = list(notifiers)
        self.rules: dict[str, RedLine] = {r.id: r for r in rules.rules} if rules else {}
        self.throttle = throttle
        self.clock = clock
        self.alerts = AlertRepository(store.engine)
        self.status = StatusRepository(store.engine)

    def dispatch(self) -> list[Notification]:
        """Send what is owed now; returns what was sent.

        With no notifier at all nothing is marked as sent: a later watch that has one still
        owes every alert.
        """
        if not self.notifiers:
            return []
        now = self.clock()
        statuses = self.status.statuses()
        mutes = self.status.mutes()
        sent: list[Notification] = []
        for alert in self.alerts.alerts():
            digest = fingerprint(alert)
            row = statuses.get(alert.id)
            if row is not None and row.notified_fingerprint == digest:
                continue
            previous = row.notified_state if row else None
            if previous is None:
                change = "raised"
            elif previous != alert.state.value:
                change = "state"
            else:
                change = "update"
            mute = self._mute(alert, mutes, now.date())
            if mute is not None and not (mute.state_changes and change != "update"):
                self.status.mark(alert, digest, "muted", f"rule muted until {mute.until}", now)
                continue
            if change == "update":
                if row is not None and row.status is not Status.OPEN:
                    self.status.mark(alert, digest, "quiet", f"update not sent: {row.status}", now)
                    continue
                interval = self._throttle(alert)
                last = row.notified_at if row else None
                if interval and last is not None and now - last < interval:
                    continue  # sent later, when the interval has passed, if still owed
            notification = Notification(alert, change, previous, now)
            self._send(notification)
            self.status.mark(alert, digest, "notified", notification.line, now)
            sent.append(notification)
        return sent

    def close(self, timeout: float = 10.0) -> None:
        """Let every notifier finish its queue."""
        for notifier in self.notifiers:
            notifier.close(timeout)

    def _send(self, notification: Notification) -> None:
        for notifier in self.notifiers:
            try:
                notifier.send(notification)
            except Exception as exc:  # one broken notifier must not silence the others
                logger.error("%s notifier failed: %s", notifier.name, exc)

    def _mute(self, alert: Alert, mutes: dict[str, Mute], today: dt.date) -> Mute | None:
        """The mute in force for the alert's rule today: the store's, else the rule file's.

        When both are in force the later date wins (and the store's `state_changes`).
        """
        found = [m for m in (mutes.get(alert.rule),) if m is not None]
        rule = self.rules.get(alert.rule)
        if rule is not None and rule.hygiene.mute_until is not None:
            found.append(Mute(rule.hygiene.mute_until, False, "mute_until in the rule"))
        current = [m for m in found if today < m.until]
        return max(current, key=lambda m: m.until) if current else None

    def _throttle(self, alert: Alert) -> dt.timedelta | None:
        rule = self.rules.get(alert.rule)
        if rule is not None and rule.hygiene.throttle is not None:
            return rule.hygiene.throttle
        return self.throttle
