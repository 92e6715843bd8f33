"""Notifications of red-line alerts: terminal, JSON Lines file, webhook and email.

`Dispatcher` decides what to send after each evaluation (new alerts, state changes, updates,
within each rule's mute and throttle) and records what it sent in the store; the notifiers
deliver. Webhook and email deliver from a background worker, so a slow or failing receiver
never holds up ingest.
"""

from __future__ import annotations

from redline.notify.dispatch import Dispatcher
from redline.notify.message import Notification, Notifier

__all__ = ["Dispatcher", "Notification", "Notifier"]
