"""Processes ingesting the same documents into one new database store each of them once."""

from __future__ import annotations

from collections import Counter

from store_writers import DOCUMENTS, EVENTS_EACH, run_writers

from redline.store import SaveOutcome, open_store
from redline.store.database import current_revision, head_revision

WRITERS = 4


def test_concurrent_writers_store_each_document_once(store_url: str) -> None:
    reports = run_writers(store_url, WRITERS)
    outcomes: Counter[str] = Counter()
    for _, counted in reports:
        outcomes.update(counted)
    # Per document: 4 writers x (shared origin, own origin) = 8 saves of 5 distinct sightings.
    assert outcomes == {
        SaveOutcome.NEW: DOCUMENTS,
        SaveOutcome.COPY: DOCUMENTS * WRITERS,
        SaveOutcome.SEEN: DOCUMENTS * (WRITERS - 1),
    }
    store = open_store(store_url)
    assert current_revision(store.engine) == head_revision()
    assert store.counts() == {
        "documents": DOCUMENTS,
        "document_copies": DOCUMENTS * (WRITERS + 1),
        "events": DOCUMENTS * EVENTS_EACH,
    }
    store.engine.dispose()
