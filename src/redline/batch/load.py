"""Loading finished shards into the store, each in one transaction, and the load ledger.

Loading reuses the store's content-hash keys and insert-or-nothing upserts, with the same rules
as `Store.save`: the first sighting of a text stores it with its events (new), another outlet's
or path's sighting is linked (copy), the same sighting again changes nothing (seen). A shard is
loaded in one transaction, so a kill mid-shard leaves none of it; the ledger marker is written
after the commit, and a kill between the two only means the shard is loaded again, as "seen".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from redline.batch.columns import DOCUMENTS_FILE, EVENTS_FILE, read_rows, write_atomic
from redline.store import Store
from redline.store.repository import COPY_KEY
from redline.store.schema import document_copies, documents, events
from redline.store.upsert import insert_all_new, insert_new


@dataclass
class LoadCounts:
    """What loading one shard did, in `Store.save`'s terms."""

    new: int = 0
    copies: int = 0
    seen: int = 0
    events: int = 0

    def add(self, other: LoadCounts) -> None:
        """Accumulate another shard's counts."""
        self.new += other.new
        self.copies += other.copies
        self.seen += other.seen
        self.events += other.events


def load_shard(store: Store, directory: Path) -> LoadCounts:
    """Insert a shard's documents, copies and events in one transaction."""
    counts = LoadCounts()
    by_doc: dict[str, dict[str, dict[str, Any]]] = {}
    for row in read_rows(directory / EVENTS_FILE):
        by_doc.setdefault(row["doc_id"], {}).setdefault(row["id"], row)
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        for row in read_rows(directory / DOCUMENTS_FILE):
            copy = {
                "doc_id": row["id"],
                "source": row["source"],
                "url": row["url"],
                "published_at": row["published_at"],
                "origin": row["origin"],
            }
            if insert_new(conn, documents, ["id"], {**row, "ingested_at": now}):
                insert_new(conn, document_copies, COPY_KEY, copy)
                coded = list(by_doc.pop(row["id"], {}).values())
                insert_all_new(conn, events, ["id"], coded)
                counts.new += 1
                counts.events += len(coded)
            elif insert_new(conn, document_copies, COPY_KEY, copy):
                counts.copies += 1
            else:
                counts.seen += 1
    return counts


def database_key(url: str) -> str:
    """A stable name for a database in the ledger: its URL without password, hashed.

    A relative SQLite path is made absolute first, so the same file has one key wherever the
    command is run from.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        parsed = parsed.set(database=str(Path(parsed.database or "").expanduser().resolve()))
    text = parsed.render_as_string(hide_password=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Ledger:
    """Which shards are loaded into one database: a marker file per shard in the output dir."""

    def __init__(self, out_dir: Path, store: Store) -> None:
        url = store.engine.url
        self.directory = out_dir / "loaded" / database_key(url.render_as_string(False))
        self.directory.mkdir(parents=True, exist_ok=True)
        write_atomic(self.directory / "database.txt", url.render_as_string(True) + "\n")

    def is_loaded(self, shard_id: str) -> bool:
        """True when the shard's load committed (its marker exists)."""
        return (self.directory / f"{shard_id}.loaded").exists()

    def mark_loaded(self, shard_id: str, counts: LoadCounts) -> None:
        """Record a committed load."""
        text = f"new={counts.new} copies={counts.copies} seen={counts.seen} events={counts.events}"
        write_atomic(self.directory / f"{shard_id}.loaded", text + "\n")

    def _state(self) -> str:
        names = sorted(p.name for p in self.directory.glob("*.loaded"))
        return hashlib.sha256("\n".join(names).encode("utf-8")).hexdigest()

    def refresh_needed(self) -> bool:
        """True when shards were loaded since red lines were last evaluated for this ledger."""
        try:
            return (self.directory / "refreshed").read_text("utf-8").strip() != self._state()
        except OSError:
            return any(self.directory.glob("*.loaded"))

    def mark_refreshed(self) -> None:
        """Record that red lines were evaluated over everything loaded so far."""
        write_atomic(self.directory / "refreshed", self._state() + "\n")
