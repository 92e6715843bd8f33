"""Real servers on loopback for the notifier tests: an HTTP webhook receiver and SMTP.

The webhook receiver records every POST body; it can answer 503 to the first N requests (to
prove retries), answer a fixed status, or hold each request until the test releases it (to
prove that sending never waits for the receiver).
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Receiver:
    """What the webhook server received, and how it behaves."""

    url: str = ""
    fail_first: int = 0
    status: int = 200
    hold: threading.Event | None = None
    attempts: int = 0
    received: list[dict[str, Any]] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """The bodies received once there are `count` of them (or the timeout passes)."""
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.received) >= count, timeout)
        return list(self.received)

    def wait_attempts(self, count: int, timeout: float = 10.0) -> int:
        """The number of requests, once it reaches `count` (or the timeout passes)."""
        with self.arrived:
            self.arrived.wait_for(lambda: self.attempts >= count, timeout)
        return self.attempts


@contextmanager
def webhook_server(receiver: Receiver | None = None) -> Iterator[Receiver]:
    """A threaded HTTP server on 127.0.0.1 (a free port) feeding `receiver`."""
    state = receiver or Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if state.hold is not None:
                state.hold.wait(10)
            with state.arrived:
                state.attempts += 1
                failing = state.attempts <= state.fail_first
                if not failing and state.status < 300:
                    state.received.append(json.loads(body))
                state.arrived.notify_all()
            self.send_response(503 if failing else state.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        if state.hold is not None:
            state.hold.set()
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A loopback port free at the time of asking."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Mailbox:
    """An aiosmtpd handler keeping every message it is given."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = BytesParser(policy=default).parsebytes(envelope.content)
        assert isinstance(message, EmailMessage)
        with self.arrived:
            self.messages.append(message)
            self.arrived.notify_all()
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[EmailMessage]:
        """The messages once there are `count` of them (or the timeout passes)."""
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.messages) >= count, timeout)
        return list(self.messages)


@contextmanager
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    """aiosmtpd's Controller on 127.0.0.1, a free port: its mailbox and port."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    port = free_port()  # Controller checks its server by connecting: it needs a real port
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()
