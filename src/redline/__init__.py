"""redline: evidence-linked political event data, treaty commitments and red-line alerts.

`import redline` stays light (no spaCy, SQLAlchemy or pandas): `redline.open(db_url)` imports
what it needs when it is called. In a notebook::

    import redline
    rl = redline.open("sqlite:///events.db")
    rl.alerts_df()
    rl.pair("RUS", "PRK").history
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from redline.handle import Redline

__all__ = ["Redline", "__version__", "open"]


def open(db_url: str | None = None) -> Redline:  # noqa: A001 - `redline.open` reads naturally
    """Open a redline store for reading from Python (see `redline.handle.Redline`).

    `db_url` is an SQLAlchemy URL; without it, the configured database (the `db` setting,
    `REDLINE_DB`, or redline.db in the data directory).
    """
    from redline.handle import open as open_handle

    return open_handle(db_url)


def __getattr__(name: str) -> Any:
    """`redline.Redline` (the handle's class) without importing it up front."""
    if name == "Redline":
        from redline.handle import Redline

        return Redline
    raise AttributeError(f"module 'redline' has no attribute {name!r}")
