"""A background worker that delivers with retries, so a slow receiver never holds up ingest.

`submit` puts a notification on a bounded queue and returns at once; when the queue is full
(the receiver has been down for a long time) the notification is dropped and counted, rather
than letting memory grow or ingest wait. Each delivery is retried with exponential back-off:
`base_delay`, then twice that, and so on up to `max_delay`, `attempts` times in all.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from redline.notify.message import Notification

logger = logging.getLogger(__name__)


class PermanentFailure(Exception):
    """A delivery that retrying will not fix (the receiver refused the request itself)."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how patiently a delivery is retried."""

    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based)."""
        return float(min(self.max_delay, self.base_delay * 2 ** (attempt - 1)))


DEFAULT_RETRY = RetryPolicy()


class BackgroundSender:
    """Runs `deliver` for each submitted notification on a thread of its own."""

    def __init__(
        self,
        name: str,
        deliver: Callable[[Notification], None],
        policy: RetryPolicy = DEFAULT_RETRY,
        max_queue: int = 1000,
    ) -> None:
        self.name = name
        self._deliver = deliver
        self.policy = policy
        self._queue: queue.Queue[Notification | None] = queue.Queue(maxsize=max_queue)
        self._stopping = threading.Event()
        self.delivered = 0
        self.failed = 0
        self.dropped = 0
        self.attempts = 0
        self._thread = threading.Thread(target=self._run, name=f"redline-{name}", daemon=True)
        self._thread.start()

    def send(self, notification: Notification) -> None:
        """Queue a notification; never blocks (a full queue drops it, with a warning)."""
        try:
            self._queue.put_nowait(notification)
        except queue.Full:
            self.dropped += 1
            logger.warning("%s: queue full, dropped: %s", self.name, notification.line)

    def close(self, timeout: float = 10.0) -> None:
        """Deliver what is queued, waiting at most `timeout` seconds, then stop the thread."""
        deadline = time.monotonic() + timeout
        try:
            self._queue.put(None, timeout=timeout)
        except queue.Full:
            pass
        self._thread.join(max(0.0, deadline - time.monotonic()))
        self._stopping.set()
        self._thread.join(1.0)
        left = self._queue.qsize()
        if left:
            logger.warning("%s: %d notifications not delivered before shutdown", self.name, left)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            self._attempt(item)

    def _attempt(self, notification: Notification) -> None:
        for attempt in range(1, self.policy.attempts + 1):
            self.attempts += 1
            try:
                self._deliver(notification)
            except PermanentFailure as exc:
                self.failed += 1
                logger.error("%s: not delivered (%s): %s", self.name, exc, notification.line)
                return
            except Exception as exc:  # the receiver's failure must not end the worker
                if attempt == self.policy.attempts:
                    self.failed += 1
                    logger.error(
                        "%s: gave up after %d attempts (%s): %s",
                        self.name,
                        attempt,
                        exc,
                        notification.line,
                    )
                    return
                wait = self.policy.delay(attempt)
                logger.warning(
                    "%s: attempt %d failed (%s); retry in %.1fs", self.name, attempt, exc, wait
                )
                if self._stopping.wait(wait):
                    return
            else:
                self.delivered += 1
                return
