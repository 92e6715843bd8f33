"""Writer processes for the concurrency test, in a module of their own so that `spawn` imports
only this and redline, not pytest."""

from __future__ import annotations

import multiprocessing
import traceback
from collections import Counter
from dataclasses import replace
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from typing import Any

from store_samples import corpus

from redline.store import open_store

DOCUMENTS = 50
EVENTS_EACH = 3
Report = tuple[int, dict[str, int], str | None]  # writer, outcome counts, traceback or None


def ingest_together(url: str, writer: int, step: Barrier, results: Queue[Report]) -> None:
    """Open the store at `url`, then save each corpus document twice: under the shared origin
    and under this writer's own. Writers meet at `step` before every document, so they open
    the database and save each document at the same moment."""
    try:
        step.wait(timeout=60)
        store = open_store(url)
        outcomes: Counter[str] = Counter()
        for doc, coded in corpus(DOCUMENTS, EVENTS_EACH):
            step.wait(timeout=60)
            outcomes[store.save(doc, coded)] += 1
            outcomes[store.save(replace(doc, origin=f"writer-{writer}/{doc.origin}"), coded)] += 1
        store.engine.dispose()
        results.put((writer, dict(outcomes), None))
    except Exception:  # handed to the test process, which fails showing the traceback
        step.abort()
        results.put((writer, {}, traceback.format_exc()))


def run_writers(url: str, writers: int) -> list[tuple[int, dict[str, int]]]:
    """Run `ingest_together` in `writers` spawned processes; fail with their tracebacks."""
    context = multiprocessing.get_context("spawn")
    step = context.Barrier(writers)
    results: Any = context.Queue()
    processes = [
        context.Process(target=ingest_together, args=(url, index, step, results), daemon=True)
        for index in range(writers)
    ]
    for process in processes:
        process.start()
    reports: list[Report] = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    errors = [trace for _, _, trace in reports if trace]
    assert not errors, "\n".join(errors)
    return sorted((writer, outcomes) for writer, outcomes, _ in reports)
