"""Latency of the pair view with 100,000 events in the store (bar: p95 under 200 ms).

Builds (once, cached) the demo store plus synthetic events over 40 countries, starts
`redline serve` on it, and times sequential requests from one client on loopback: the pair
page (HTML, what the analyst opens), its JSON (`/api/pairs/A/B`) and the series the page
loads afterwards (the first call clusters the whole store, later calls reuse that).

    python benchmarks/pair_view_latency.py --events 100000 --out benchmarks/results/pair_view.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_common import Server, cached_store  # noqa: E402

from redline.store import open_store  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def timed(client: httpx.Client, url: str, n: int) -> dict[str, float]:
    """`n` sequential GETs of `url`: p50, p95, max in milliseconds (after 5 warm-ups)."""
    for _ in range(5):
        client.get(url).raise_for_status()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        client.get(url).raise_for_status()
        times.append((time.perf_counter() - start) * 1000)
    return {
        "requests": n,
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
    }


def main() -> None:
    """Run the benchmark and write its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--pair-share",
        type=float,
        default=0.001,
        help="Share of the synthetic events given to RUS-PRK (0.001: about 100 more).",
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "redline-bench")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/pair_view.json"))
    args = parser.parse_args()
    start = time.perf_counter()
    db = cached_store(args.cache, args.events, args.pair_share)
    built = time.perf_counter() - start
    store = open_store(f"sqlite:///{db}")
    counts = store.counts()
    store.engine.dispose()
    with tempfile.TemporaryDirectory() as data, Server(db, "bench", Path(data)) as server:
        with httpx.Client(base_url=server.url, timeout=600) as client:
            pair_events = len(
                client.get("/api/events", params={"pair": "RUS,PRK", "limit": 1000}).json()[
                    "events"
                ]
            )
            first = time.perf_counter()
            client.get("/pairs/RUS/PRK?at=2025-06-30").raise_for_status()
            page_cold = (time.perf_counter() - first) * 1000
            page = timed(client, "/pairs/RUS/PRK?at=2025-06-30", args.requests)
            api = timed(client, "/api/pairs/RUS/PRK?at=2025-06-30", args.requests)
            first = time.perf_counter()
            client.get("/api/pairs/RUS/PRK/series").raise_for_status()
            series_cold = (time.perf_counter() - first) * 1000
            series = timed(client, "/api/pairs/RUS/PRK/series", args.requests)
    result = {
        "events_in_store": counts["events"],
        "documents_in_store": counts["documents"],
        "rus_prk_events": pair_events,
        "store_build_seconds": round(built, 1),
        "pair_page_first_call_ms": round(page_cold, 1),
        "pair_page_html": page,
        "pair_json": api,
        "series_first_call_ms": round(series_cold, 1),
        "series_cached": series,
        "bar_p95_ms": 200,
        "pair_page_meets_bar": page["p95_ms"] < 200,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
