"""The API under concurrent load on loopback: many clients mixing reads with ingest.

Starts `redline serve` on a copy of the demo store and runs `--clients` concurrent clients
for `--seconds`, each looping over a weighted mix of reads (events, pair level, alerts, the
overview and pair pages, health) and ingest (`POST /api/documents` with a new article each
time, so red lines are evaluated on every one). Reports requests served, throughput, p50/p99
latency per kind and errors (a 5xx, a refused connection, a timeout or an unexpected status).

    python benchmarks/api_load.py --clients 50 --seconds 60 --out benchmarks/results/api_load.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

READS: tuple[tuple[str, str, float], ...] = (
    ("events", "/api/events?pair=RUS,PRK&limit=50", 0.25),
    ("pair", "/api/pairs/RUS/PRK?at=2025-06-30", 0.20),
    ("alerts", "/api/alerts", 0.15),
    ("overview_page", "/", 0.08),
    ("pair_page", "/pairs/RUS/PRK?at=2025-06-30", 0.07),
    ("health", "/api/health", 0.15),
)
SENTENCES = (
    "Russia and North Korea held talks in Moscow on {day}.",
    "North Korea and Russia signed an agreement on economic cooperation on {day}.",
    "China and Vietnam agreed to expand border trade, officials said on {day}.",
    "South Korea summoned the Russian ambassador on {day} over the arms deliveries.",
    "Japan and the Philippines held joint naval drills on {day}.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@dataclass
class Tally:
    """Latencies and errors per kind of request."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds * 1000)


def article(rng: random.Random, number: int) -> dict[str, str]:
    """A new short article (its number keeps every body distinct)."""
    lines = [s.format(day=rng.choice(DAYS)) for s in rng.sample(SENTENCES, 2)]
    return {
        "text": " ".join(lines) + f" (Load test report {number}.)",
        "source": f"Load Wire {number % 7}",
        "published_at": f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}",
    }


async def client_loop(
    http: httpx.AsyncClient,
    token: str,
    until: float,
    ingest_share: float,
    seed: int,
    tally: Tally,
) -> None:
    """One client: weighted requests back to back until the deadline."""
    rng = random.Random(seed)
    kinds = [r for r in READS]
    weights = [w for _, _, w in kinds]
    number = seed * 1_000_000
    while time.monotonic() < until:
        start = time.perf_counter()
        try:
            if rng.random() < ingest_share:
                number += 1
                kind = "ingest"
                response = await http.post(
                    "/api/documents",
                    json=article(rng, number),
                    headers={"Authorization": f"Bearer {token}"},
                )
                ok = response.status_code in (200, 201)
            else:
                kind, url, _ = rng.choices(kinds, weights)[0]
                response = await http.get(url)
                ok = response.status_code == 200
        except httpx.HTTPError as exc:
            tally.errors.append(f"{type(exc).__name__}: {exc}")
            continue
        tally.add(kind, time.perf_counter() - start)
        if not ok:
            tally.errors.append(f"{kind}: HTTP {response.status_code} {response.text[:200]}")


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


async def run_load(
    url: str, token: str, clients: int, seconds: float, ingest_share: float = 0.1
) -> dict[str, Any]:
    """Drive the server at `url`; the figures as a dict."""
    tally = Tally()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:
        start = time.monotonic()
        until = start + seconds
        await asyncio.gather(
            *(client_loop(http, token, until, ingest_share, i + 1, tally) for i in range(clients))
        )
        elapsed = time.monotonic() - start
    every = [x for values in tally.latencies.values() for x in values]
    per_kind = {
        kind: {
            "requests": len(values),
            "p50_ms": round(statistics.median(values), 1),
            "p99_ms": round(percentile(values, 0.99), 1),
        }
        for kind, values in sorted(tally.latencies.items())
    }
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(every),
        "requests_per_second": round(len(every) / elapsed, 1),
        "p50_ms": round(statistics.median(every), 1) if every else None,
        "p99_ms": round(percentile(every, 0.99), 1) if every else None,
        "errors": len(tally.errors),
        "error_samples": tally.errors[:10],
        "per_kind": per_kind,
    }


def main() -> None:
    """Build the demo store, serve it, load it, write the figures."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from web_common import Server, build_demo

    from redline.store import open_store

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--ingest-share", type=float, default=0.1)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "redline-bench")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/api_load.json"))
    args = parser.parse_args()
    demo = args.cache / "demo.db"
    if not demo.exists():
        args.cache.mkdir(parents=True, exist_ok=True)
        build_demo(demo)
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "load.db"
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{demo}{suffix}").exists():
                shutil.copyfile(f"{demo}{suffix}", f"{db}{suffix}")
        before = open_store(f"sqlite:///{db}").counts()
        with Server(db, "load-token", Path(work)) as server:
            result = asyncio.run(
                run_load(server.url, "load-token", args.clients, args.seconds, args.ingest_share)
            )
        store = open_store(f"sqlite:///{db}")
        after = store.counts()
        store.engine.dispose()
    ingested = result["per_kind"].get("ingest", {}).get("requests", 0)
    result["documents_before"] = before["documents"]
    result["documents_after"] = after["documents"]
    result["ingests_acknowledged"] = ingested
    result["documents_lost"] = before["documents"] + ingested - after["documents"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
