"""Event clustering at scale: CPU seconds of `cluster_events` on synthetic reports.

The reports are shaped like a big news archive, heavily concentrated: most of them fall on a few
pairs, types and days (Zipf weights), so one pair, type and day holds thousands of mentions.
Each real event is reported many times: some sentences are wire copy printed word for word by
several outlets, the others are rewordings (a random part of the event's own words plus common
words of the beat). A few mentions are dated to the month, have no date, or carry a context.

    .venv/bin/python benchmarks/clustering_scale.py --sizes 50000,200000
    .venv/bin/python benchmarks/clustering_scale.py --sizes 20000 --reference   # old loop too

`--reference` also times the pairwise algorithm the index replaced (kept in
tests/analysis/clustering_reference.py) and checks that both give the same clusters. The machine
is shared, so the figures are CPU seconds of this process (time.process_time).
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import random
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from redline.analysis.clustering import EventCluster, cluster_events
from redline.models import Actor, DatePrecision, Event, EventDate, Evidence, Modality

RESULTS = Path(__file__).parent / "results"


def _word(first: str, k: int) -> str:
    """A lower-case word of five letters (the clustering cuts words to five), one per `k`."""
    letters = [first]
    for _ in range(4):
        k, rest = divmod(k, 26)
        letters.append(chr(ord("a") + rest))
    return "".join(letters)


PAIRS = [("RUS", "UKR"), ("ISR", "PSE"), ("USA", "CHN"), ("RUS", "PRK"), ("IND", "PAK")]
PAIRS += [("USA", f"C{k:02d}") for k in range(40)]
TYPES = ["ASSAULT", "ACCUSE", "CONSULT", "AGREE", "THREATEN", "AID", "DEMAND", "SANCTION"]
COMMON = [_word("z", k) for k in range(300)]  # the words of the beat every article uses
START = date(2024, 1, 1)


def _zipf(rng: random.Random, n: int, s: float = 1.2) -> int:
    weights = [1 / (k + 1) ** s for k in range(n)]
    return rng.choices(range(n), weights)[0]


def synthetic_events(n: int, seed: int = 7) -> list[Event]:
    """`n` mentions of about n/12 real events (see the module docstring)."""
    rng = random.Random(seed)
    events: list[Event] = []
    doc = 0
    while len(events) < n:
        pair, kind = PAIRS[_zipf(rng, len(PAIRS))], TYPES[_zipf(rng, len(TYPES))]
        day = START + timedelta(days=_zipf(rng, 120, 1.0))
        own = [_word("q", rng.randrange(26**4)) for _ in range(rng.randint(6, 12))]
        wire = " ".join(own + rng.sample(COMMON, 4))
        contexts = (rng.choice(["military", "economic"]),) if rng.random() < 0.2 else ()
        for _ in range(max(1, int(rng.expovariate(1 / 12)))):
            doc += 1
            if rng.random() < 0.4:
                text = wire
            else:
                words = rng.sample(own, max(2, len(own) // 2)) + rng.sample(COMMON, 5)
                text = " ".join(words)
            when = day + timedelta(days=rng.choice([0, 0, 0, 1]))
            precision = DatePrecision.DAY
            roll = rng.random()
            if roll < 0.03:
                when, precision = when.replace(day=1), DatePrecision.MONTH
            events.append(_event(len(events), pair, kind, text, doc, when, precision, contexts))
            if roll > 0.99:
                events[-1] = replace(events[-1], date=EventDate(None, None))
    return events[:n]


def _event(
    k: int,
    pair: tuple[str, str],
    kind: str,
    text: str,
    doc: int,
    when: date,
    precision: DatePrecision,
    contexts: tuple[str, ...],
) -> Event:
    source, target = pair if k % 2 else pair[::-1]
    return Event(
        type=kind,
        source=Actor(code=source, country=source, text=source),
        target=Actor(code=target, country=target, text=target),
        modality=Modality.ASSERTED,
        evidence=Evidence(doc_id=f"d{doc}", sentence=0, start=0, end=len(text), text=text),
        date=EventDate(when, precision),
        contexts=contexts,
        trigger="",
    )


def _timed(
    run: Callable[[list[Event], Callable[[str], tuple[str, ...]]], list[EventCluster]],
    events: list[Event],
) -> tuple[float, list[EventCluster]]:
    started = time.process_time()
    clusters = run(events, lambda doc: (f"outlet-{doc}",))
    return time.process_time() - started, clusters


def main() -> None:
    """Time the clustering at each size and write benchmarks/results/clustering_scale.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50000,200000")
    parser.add_argument("--reference", action="store_true", help="time the pairwise loop too")
    parser.add_argument("--out", type=Path, default=RESULTS / "clustering_scale.json")
    args = parser.parse_args()
    runs: list[dict[str, Any]] = []
    for n in (int(s) for s in args.sizes.split(",")):
        events = synthetic_events(n)
        busiest = max(_day_counts(events).values())
        seconds, clusters = _timed(cluster_events, events)
        row: dict[str, Any] = {
            "events": n,
            "busiest_pair_type_day": busiest,
            "clusters": len(clusters),
            "cpu_seconds": round(seconds, 2),
        }
        if args.reference:
            sys.path.insert(0, str(Path(__file__).parent.parent / "tests" / "analysis"))
            reference = importlib.import_module("clustering_reference").reference_cluster_events
            old_seconds, old = _timed(reference, events)
            row["reference_cpu_seconds"] = round(old_seconds, 2)
            row["same_clusters"] = old == clusters
        print(json.dumps(row))
        runs.append(row)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": "clustering_scale",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "runs": runs,
    }
    args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def _day_counts(events: list[Event]) -> dict[tuple[object, ...], int]:
    counts: dict[tuple[object, ...], int] = {}
    for e in events:
        key = (frozenset((e.source.country, e.target and e.target.country)), e.type, e.date.value)
        counts[key] = counts.get(key, 0) + 1
    return counts


if __name__ == "__main__":
    main()
