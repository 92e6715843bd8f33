"""Latency of the pair view with 100,000 events in the store (bar: p95 under 200 ms).

Builds (once, cached) the demo store plus synthetic events over 40 countries (2% of them
RUS-PRK by default, a busy pair), starts `redline serve` on it, and times sequential requests
from one client on loopback: the pair page (HTML, what the analyst opens), its JSON
(`/api/pairs/A/B`) and the series the page loads afterwards (the first call clusters the whole
store, later calls reuse that). Then, in-process, how long computing the pair's view takes for
its first 100, 400 and 2,000 reports (medians of 3), to show how it grows with a busy pair.

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


def view_seconds(db: Path, sizes: list[int], rounds: int = 3) -> tuple[int, dict[str, float]]:
    """The RUS-PRK reports stored, and median seconds of `dyad_view` over the first `n`."""
    from datetime import date

    from redline.analysis.dyad import dyad_view
    from redline.analysis.ladder_rules import packaged_ladder
    from redline.redlines.service import stored_reports, successors

    store = open_store(f"sqlite:///{db}")
    try:
        reports = sorted(stored_reports(store, [("RUS", "PRK")]), key=lambda r: r.event.id)
    finally:
        store.engine.dispose()
    ladder, names = packaged_ladder(), successors()
    out: dict[str, float] = {}
    for n in sizes:
        part = reports[:n]
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            dyad_view(part, ("RUS", "PRK"), date(2025, 6, 30), ladder, names)
            times.append(time.perf_counter() - start)
        out[str(len(part))] = round(statistics.median(times), 3)
    return len(reports), out


def main() -> None:
    """Run the benchmark and write its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--pair-share",
        type=float,
        default=0.02,
        help="Share of the synthetic events given to RUS-PRK (default 0.02: about 2,000 more "
        "at 100,000 events, a busy pair).",
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
            first = time.perf_counter()
            client.get("/pairs/RUS/PRK?at=2025-06-30").raise_for_status()
            page_cold = (time.perf_counter() - first) * 1000
            page = timed(client, "/pairs/RUS/PRK?at=2025-06-30", args.requests)
            api = timed(client, "/api/pairs/RUS/PRK?at=2025-06-30", args.requests)
            first = time.perf_counter()
            client.get("/api/pairs/RUS/PRK/series").raise_for_status()
            series_cold = (time.perf_counter() - first) * 1000
            series = timed(client, "/api/pairs/RUS/PRK/series", args.requests)
    pair_reports, compute = view_seconds(db, [100, 400, 2000])
    result = {
        "events_in_store": counts["events"],
        "documents_in_store": counts["documents"],
        "rus_prk_reports": pair_reports,  # with those of predecessor states (SUN)
        "store_build_seconds": round(built, 1),
        "pair_page_first_call_ms": round(page_cold, 1),
        "pair_page_html": page,
        "pair_json": api,
        "series_first_call_ms": round(series_cold, 1),
        "series_cached": series,
        "pair_view_compute_seconds_by_reports": compute,
        "bar_p95_ms": 200,
        "pair_page_meets_bar": page["p95_ms"] < 200,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
