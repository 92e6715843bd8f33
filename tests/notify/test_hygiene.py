"""Alert hygiene with a real webhook receiver: mutes and throttles silence updates, state
changes still notify (the done-when of issue #10), acknowledgement and closing keep notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from local_servers import webhook_server
from sample_alerts import NOW, add_report

from redline.models import Modality
from redline.notify.dispatch import Dispatcher
from redline.notify.message import Notification
from redline.notify.sinks import WebhookNotifier
from redline.notify.worker import RetryPolicy
from redline.redlines.repository import AlertRepository
from redline.redlines.rules import load_rules
from redline.redlines.service import refresh
from redline.redlines.status import Status, StatusRepository
from redline.store import Store

FAST = RetryPolicy(attempts=3, base_delay=0.01)
HOUR = dt.timedelta(hours=1)


class Clock:
    """A settable clock for the dispatcher."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


def test_muted_and_throttled_rules_send_nothing_but_state_changes_do(any_store: Store) -> None:
    rules = load_rules()
    clock = Clock()
    status = StatusRepository(any_store.engine)
    with webhook_server() as server:
        hook = WebhookNotifier(server.url, FAST)
        dispatcher = Dispatcher(any_store, [hook], rules, throttle=HOUR, clock=clock)

        def step(minutes: int, *reports: tuple[str, str, str, Modality]) -> int:
            for text, outlet, day, modality in reports:
                add_report(any_store, text, outlet, day, modality)
            refresh(any_store, rules)
            clock.now = NOW + dt.timedelta(minutes=minutes)
            return len(dispatcher.dispatch())

        may = Modality.SPECULATED
        assert step(0, ("Russia may sign a pact of mutual assistance with the North.",
                        "Han River Daily", "2024-06-17", may)) == 1  # fmt: skip
        # an update ten minutes later: throttled
        assert step(10, ("Moscow could agree to mutual assistance with Pyongyang.",
                         "Eurasia Wire", "2024-06-17", may)) == 0  # fmt: skip
        # the crossing twenty minutes later: a state change, sent despite the throttle
        assert step(20, ("Putin and Kim signed a treaty of mutual assistance.",
                         "Pacific Wire Service", "2024-06-19", Modality.ASSERTED)) == 1  # fmt: skip
        # muted: neither an update nor the confirmation (a state change) is sent
        status.mute("mutual-defence", dt.date(2026, 12, 31), "desk briefed")
        assert step(30, ("Seoul said the signed pact includes mutual assistance.",
                         "Tokyo Evening", "2024-06-19", Modality.ASSERTED)) == 0  # fmt: skip
        assert step(40, ("Under Article 4 each side shall provide military assistance without "
                         "delay to the other.", "KCNA", "2024-06-20",
                         Modality.ASSERTED)) == 0  # fmt: skip
        (alert,) = AlertRepository(any_store.engine).alerts()
        assert alert.state.value == "confirmed"
        # the mute lifted, what happened during it is not replayed; the next update is sent
        # once the throttle interval since the last notification has passed
        assert status.unmute("mutual-defence")
        assert step(50) == 0
        assert step(180, ("The leaders signed a mutual assistance treaty on Wednesday.",
                          "Lakeside Tribune", "2024-06-19", Modality.ASSERTED)) == 1  # fmt: skip
        received = server.wait_for(3)
        hook.close()
    assert [(b["change"], b["alert"]["state"]) for b in received] == [
        ("raised", "signalled"),
        ("state", "crossed"),
        ("update", "confirmed"),
    ]
    assert server.attempts == 3
    kinds = [h.kind for h in status.history(alert.id)]
    assert kinds.count("notified") == 3 and kinds.count("muted") == 2
    assert "state" in kinds  # signalled -> crossed -> confirmed, each kept


def test_acknowledged_and_closed_alerts_stay_quiet_until_their_state_changes(
    any_store: Store,
) -> None:
    rules = load_rules()
    clock = Clock()
    sent: list[str] = []

    class Recorder:
        name = "recorder"

        def send(self, notification: Notification) -> None:
            sent.append(notification.change)

        def close(self, timeout: float = 10.0) -> None:
            """Nothing queued."""

    dispatcher = Dispatcher(any_store, [Recorder()], rules, throttle=None, clock=clock)
    status = StatusRepository(any_store.engine)
    add_report(any_store, "Russia may sign a mutual assistance pact.", "A", "2024-06-17",
               Modality.SPECULATED)  # fmt: skip
    refresh(any_store, rules)
    dispatcher.dispatch()
    (alert,) = AlertRepository(any_store.engine).alerts()
    status.set_status(status.resolve(alert.id[:6]), Status.ACKNOWLEDGED, "seen at 09:00")
    add_report(any_store, "Moscow may agree to mutual assistance.", "B", "2024-06-17",
               Modality.SPECULATED)  # fmt: skip
    refresh(any_store, rules)
    dispatcher.dispatch()
    assert sent == ["raised"]  # the update of an acknowledged alert is not sent
    add_report(any_store, "Putin and Kim signed a mutual assistance treaty.", "C", "2024-06-19")
    refresh(any_store, rules)
    dispatcher.dispatch()
    assert sent == ["raised", "state"]
    assert status.statuses()[alert.id].status is Status.OPEN  # the crossing re-opened it
    status.set_status(alert.id, Status.CLOSED, "handled by the desk")
    history = status.history(alert.id)
    assert [(h.kind, h.note) for h in history if h.kind in ("acknowledged", "closed")] == [
        ("acknowledged", "seen at 09:00"),
        ("closed", "handled by the desk"),
    ]
    assert any(h.kind == "reopened" for h in history)


def test_a_rule_can_mute_and_throttle_itself(tmp_path: Path, any_store: Store) -> None:
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text(
        """redlines:
  - id: quiet-pact
    title: A pact of mutual assistance
    pair: [RUS, PRK]
    mute_until: 2027-01-01
    confirm: {sources: null}
    when: {event: {types: [AGREE], keywords: ['mutual assistance']}}
  - id: slow-pact
    title: A pact of mutual assistance, throttled
    pair: [RUS, PRK]
    throttle: 1d
    confirm: {sources: null}
    when: {event: {types: [AGREE], keywords: ['mutual assistance']}}
""",
        "utf-8",
    )
    rules = load_rules([rules_file], defaults=False)
    clock = Clock()
    sent: list[tuple[str, str]] = []

    class Recorder:
        name = "recorder"

        def send(self, notification: Notification) -> None:
            alert = notification.alert
            sent.append((alert.rule, notification.change))

        def close(self, timeout: float = 10.0) -> None:
            """Nothing queued."""

    dispatcher = Dispatcher(any_store, [Recorder()], rules, throttle=None, clock=clock)
    add_report(any_store, "Putin and Kim signed a mutual assistance treaty.", "A", "2024-06-19")
    refresh(any_store, rules)
    dispatcher.dispatch()
    add_report(any_store, "The two signed a pact on mutual assistance.", "B", "2024-06-19")
    refresh(any_store, rules)
    clock.now = NOW + 2 * HOUR
    dispatcher.dispatch()
    assert sent == [("slow-pact", "raised")]
    clock.now = NOW + 25 * HOUR
    dispatcher.dispatch()
    assert sent == [("slow-pact", "raised"), ("slow-pact", "update")]


def test_a_mute_can_let_changes_of_state_through(any_store: Store) -> None:
    rules = load_rules()
    clock = Clock()
    status = StatusRepository(any_store.engine)
    with webhook_server() as server:
        hook = WebhookNotifier(server.url, FAST)
        dispatcher = Dispatcher(any_store, [hook], rules, throttle=None, clock=clock)
        status.mute("mutual-defence", dt.date(2026, 12, 31), "only escalations", True)
        sent = []
        for text, outlet, day, modality in [
            ("Russia may sign a mutual assistance pact.", "A", "2024-06-17", Modality.SPECULATED),
            ("Moscow could agree to mutual assistance.", "B", "2024-06-17", Modality.SPECULATED),
            ("Putin and Kim signed a mutual assistance treaty.", "C", "2024-06-19",
             Modality.ASSERTED),
        ]:  # fmt: skip
            add_report(any_store, text, outlet, day, modality)
            refresh(any_store, rules)
            sent.append(len(dispatcher.dispatch()))
        received = server.wait_for(2)
        hook.close()
    assert sent == [1, 0, 1]  # raised, the update held back, the crossing sent
    assert [(b["change"], b["alert"]["state"]) for b in received] == [
        ("raised", "signalled"),
        ("state", "crossed"),
    ]
    assert status.mutes()["mutual-defence"].state_changes
