"""The notifiers against real receivers: an HTTP server and an SMTP server on loopback."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from local_servers import Receiver, smtp_server, webhook_server
from rich.console import Console
from sample_alerts import NOW, crossed_alert

from redline.notify.message import Notification
from redline.notify.sinks import EmailNotifier, JsonlNotifier, TerminalNotifier, WebhookNotifier
from redline.notify.worker import RetryPolicy

FAST = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)


def notification() -> Notification:
    return Notification(crossed_alert(), "state", "signalled", NOW)


def test_one_line_says_why_it_fired() -> None:
    line = notification().line
    assert "\n" not in line
    assert line.startswith("CROSSED mutual-defence RUS-PRK: signalled -> crossed on 2024-06-19")
    assert "2 independent sources (Lakeside Tribune, Pacific Wire Service)" in line


def test_webhook_is_retried_with_back_off_until_the_server_answers() -> None:
    with webhook_server(Receiver(fail_first=2)) as server:
        notifier = WebhookNotifier(server.url, FAST)
        notifier.send(notification())
        (body,) = server.wait_for(1)
        notifier.close()
    assert server.attempts == 3 and notifier.delivered == 1 and notifier.failed == 0
    assert body["change"] == "state" and body["alert"]["rule"] == "mutual-defence"
    assert body["line"] == notification().line and body["alert"]["state"] == "crossed"
    assert [FAST.delay(n) for n in (1, 2, 3, 4)] == [0.01, 0.02, 0.04, 0.05]


def test_webhook_gives_up_after_its_attempts() -> None:
    with webhook_server(Receiver(fail_first=99)) as server:
        notifier = WebhookNotifier(server.url, FAST)
        notifier.send(notification())
        notifier.close()
    assert server.attempts == FAST.attempts and notifier.failed == 1 and not server.received


def test_webhook_refused_request_is_not_retried() -> None:
    with webhook_server(Receiver(status=400)) as server:
        notifier = WebhookNotifier(server.url, FAST)
        notifier.send(notification())
        notifier.close()
    assert server.attempts == 1 and notifier.failed == 1


def test_sending_never_waits_for_the_receiver() -> None:
    release = threading.Event()
    with webhook_server(Receiver(hold=release)) as server:
        notifier = WebhookNotifier(server.url, FAST)
        notifier.send(notification())
        notifier.send(notification())
        # both calls returned while the server still holds the first request
        assert server.received == [] and not release.is_set()
        release.set()
        assert len(server.wait_for(2)) == 2
        notifier.close()


def test_a_full_queue_drops_rather_than_blocks() -> None:
    release = threading.Event()
    with webhook_server(Receiver(hold=release)) as server:
        notifier = WebhookNotifier(server.url, FAST)
        notifier._queue.maxsize = 1  # noqa: SLF001 - a tiny queue, to fill it
        for _ in range(4):
            notifier.send(notification())
        assert notifier.dropped >= 2
        release.set()
        notifier.close()
    assert notifier.delivered + notifier.dropped == 4


def test_email_reaches_the_smtp_server() -> None:
    with smtp_server() as (mailbox, port):
        notifier = EmailNotifier(
            "127.0.0.1", port, "redline@test.invalid", ["desk@test.invalid"], policy=FAST
        )
        notifier.send(notification())
        (message,) = mailbox.wait_for(1)
        notifier.close()
    assert message["Subject"] == "[redline] " + notification().line
    assert message["To"] == "desk@test.invalid"
    body = message.get_content()
    assert body.startswith(notification().line)
    assert "Putin and Kim signed a treaty pledging mutual assistance" in body


def test_email_is_retried_when_the_server_is_down() -> None:
    from local_servers import free_port

    notifier = EmailNotifier("127.0.0.1", free_port(), "a@test.invalid", ["b@test.invalid"],
                             policy=FAST)  # fmt: skip
    notifier.send(notification())
    notifier.close()
    assert notifier.attempts == FAST.attempts and notifier.failed == 1


def test_jsonl_file_gets_one_object_per_notification(tmp_path: Path) -> None:
    path = tmp_path / "out" / "alerts.jsonl"
    notifier = JsonlNotifier(path)
    notifier.send(notification())
    notifier.send(notification())
    notifier.close()
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert len(rows) == 2 and rows[0]["alert"]["id"] == crossed_alert().id
    assert rows[0]["previous_state"] == "signalled" and rows[0]["at"] == NOW.isoformat()


def test_terminal_prints_the_line() -> None:
    console = Console(record=True, width=300)
    TerminalNotifier(console).send(notification())
    assert notification().line in console.export_text()
