"""The notifiers: terminal (rich), a JSON Lines file, a webhook (HTTP POST) and email (SMTP)."""

from __future__ import annotations

import json
import smtplib
import threading
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path

import httpx
from rich.console import Console

from redline.errors import ConfigError
from redline.notify.message import Notification
from redline.notify.worker import DEFAULT_RETRY, BackgroundSender, PermanentFailure, RetryPolicy

RETRY_STATUSES = frozenset({408, 425, 429})
SMTP_SECURITY = ("none", "starttls", "ssl")


class TerminalNotifier:
    """Prints each notification's line, coloured by state."""

    name = "terminal"

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)

    def send(self, notification: Notification) -> None:
        """Print at once (the terminal is never slow enough to need a queue)."""
        colour = "yellow" if notification.alert.state.value == "signalled" else "red"
        when = notification.at.strftime("%H:%M:%S")
        self.console.print(
            f"[dim]{when}[/] [bold {colour}]alert[/] {notification.line}",
            highlight=False,
            soft_wrap=True,
        )

    def close(self, timeout: float = 10.0) -> None:
        """Nothing to finish."""


class JsonlNotifier:
    """Appends one JSON object per notification to a file (flushed at once, for `tail -f`)."""

    name = "jsonl"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = path.open("a", encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot open notification file {path}: {exc.strerror}") from exc

    def send(self, notification: Notification) -> None:
        """Write one line."""
        with self._lock:
            self._handle.write(json.dumps(notification.to_json(), ensure_ascii=False) + "\n")
            self._handle.flush()

    def close(self, timeout: float = 10.0) -> None:
        """Close the file."""
        self._handle.close()


class WebhookNotifier(BackgroundSender):
    """POSTs each notification as JSON; retried on network errors, 5xx, 408 and 429."""

    def __init__(
        self, url: str, policy: RetryPolicy = DEFAULT_RETRY, timeout: float = 10.0
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"webhook URL must start with http:// or https://: {url!r}")
        self.url = url
        self._client = httpx.Client(timeout=timeout, follow_redirects=False)
        super().__init__("webhook", self._post, policy)

    def _post(self, notification: Notification) -> None:
        response = self._client.post(
            self.url, json=notification.to_json(), headers={"User-Agent": "redline"}
        )
        status = response.status_code
        if status < 300:
            return
        if status >= 500 or status in RETRY_STATUSES:
            raise RuntimeError(f"{self.url} answered HTTP {status}")
        raise PermanentFailure(f"{self.url} answered HTTP {status}")

    def close(self, timeout: float = 10.0) -> None:
        """Deliver what is queued, then close the HTTP client."""
        super().close(timeout)
        self._client.close()


class EmailNotifier(BackgroundSender):
    """Sends each notification as a plain-text email over SMTP (smtplib)."""

    def __init__(
        self,
        host: str,
        port: int,
        sender: str,
        recipients: Sequence[str],
        security: str = "none",
        user: str | None = None,
        password: str | None = None,
        policy: RetryPolicy = DEFAULT_RETRY,
        timeout: float = 10.0,
    ) -> None:
        if security not in SMTP_SECURITY:
            raise ConfigError(f"smtp_security must be one of {', '.join(SMTP_SECURITY)}")
        if not recipients:
            raise ConfigError("email notifications need at least one recipient (smtp_to)")
        self.host, self.port, self.sender = host, port, sender
        self.recipients = list(recipients)
        self.security, self.user, self.password, self.timeout = security, user, password, timeout
        super().__init__("email", self._mail, policy)

    def message(self, notification: Notification) -> EmailMessage:
        """The email: the one-line reason as subject and first line, then the evidence."""
        alert = notification.alert
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = ", ".join(self.recipients)
        mail["Subject"] = "[redline] " + notification.line  # long subjects are folded, not cut
        lines = [notification.line, "", f"Alert {alert.id}: {alert.title}", ""]
        for item in alert.evidence:
            when = item.date.isoformat() if item.date else "undated"
            lines.append(f"- {item.role.value} {when} ({', '.join(item.outlets) or '?'}):")
            lines.append(f"  {item.text}")
        mail.set_content("\n".join(lines) + "\n")
        return mail

    def _mail(self, notification: Notification) -> None:
        kind = smtplib.SMTP_SSL if self.security == "ssl" else smtplib.SMTP
        with kind(self.host, self.port, timeout=self.timeout) as smtp:
            if self.security == "starttls":
                smtp.starttls()
            if self.user:
                smtp.login(self.user, self.password or "")
            try:
                smtp.send_message(self.message(notification))
            except smtplib.SMTPRecipientsRefused as exc:
                raise PermanentFailure(f"recipients refused: {exc.recipients}") from exc
