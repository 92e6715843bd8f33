"""Build the notifiers from the settings, with command-line values winning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from redline.errors import ConfigError
from redline.notify.message import Notifier
from redline.notify.sinks import EmailNotifier, JsonlNotifier, TerminalNotifier, WebhookNotifier
from redline.notify.worker import DEFAULT_RETRY, RetryPolicy
from redline.redlines.hygiene import parse_duration
from redline.settings import Settings


@dataclass(frozen=True)
class NotifyOptions:
    """Where notifications go; None fields fall back to the settings."""

    terminal: bool = True
    jsonl: Path | None = None
    webhook_url: str | None = None
    email_to: Sequence[str] = ()
    smtp_host: str | None = None
    smtp_port: int | None = None
    throttle: str | None = None
    retry: RetryPolicy = field(default=DEFAULT_RETRY)


def throttle_of(options: NotifyOptions, settings: Settings) -> dt.timedelta | None:
    """The default throttle interval (None: no throttle)."""
    raw = options.throttle if options.throttle is not None else settings.notify_throttle
    try:
        interval = parse_duration(raw)
    except ValueError as exc:
        raise ConfigError(f"notify_throttle: {exc}") from exc
    return interval or None


def build_notifiers(options: NotifyOptions, settings: Settings) -> list[Notifier]:
    """The notifiers the options and settings ask for (the terminal one first)."""
    out: list[Notifier] = []
    if options.terminal:
        out.append(TerminalNotifier())
    jsonl = options.jsonl or settings.notify_jsonl
    if jsonl is not None:
        out.append(JsonlNotifier(jsonl))
    url = options.webhook_url or settings.webhook_url
    if url:
        out.append(WebhookNotifier(url, options.retry))
    recipients = list(options.email_to) or [
        a.strip() for a in (settings.smtp_to or "").split(",") if a.strip()
    ]
    host = options.smtp_host or settings.smtp_host
    if recipients and not host:
        raise ConfigError("email recipients are set but no SMTP server (smtp_host, --smtp-host)")
    if host and recipients:
        out.append(
            EmailNotifier(
                host,
                options.smtp_port or settings.smtp_port,
                settings.smtp_from,
                recipients,
                settings.smtp_security,
                settings.smtp_user,
                settings.smtp_password,
                options.retry,
            )
        )
    return out
