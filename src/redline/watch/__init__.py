"""`redline watch`: poll feeds and folders, code what is new, raise and notify alerts.

`Watcher.poll` is one round (the unit `--once` runs and the tests drive); `Watcher.run` repeats
it every interval until stopped.
"""

from __future__ import annotations

from redline.watch.poller import PollReport, Watcher

__all__ = ["PollReport", "Watcher"]
