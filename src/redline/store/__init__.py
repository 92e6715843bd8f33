"""The store: schema, migrations and the repository of documents and events."""

from __future__ import annotations

from redline.store.database import default_url, open_engine
from redline.store.repository import EventFilter, SaveOutcome, Store


def open_store(url: str | None = None) -> Store:
    """A migrated store at `url` (default: `REDLINE_DB` or the user's data directory)."""
    return Store(open_engine(url))


__all__ = ["EventFilter", "SaveOutcome", "Store", "default_url", "open_store"]
