"""From a new feed item to its alert: latency of a running `redline watch`, median over N items.

    python benchmarks/feed_to_alert.py --items 20 --interval 0.25 \
        --out benchmarks/results/feed_to_alert.json
    python benchmarks/feed_to_alert.py --items 20 --demo \
        --out benchmarks/results/feed_to_alert_demo.json

The benchmark serves an RSS feed from a loopback HTTP server and receives webhooks on another.
It starts `redline watch FEED-URL --webhook ...` as a separate process on a fresh SQLite store,
waits until the first item's alert has arrived (the model is loaded), then N times: adds one
item to the feed (each a new report of the same crossing, in its own words) and measures the
time until the webhook carrying that report arrives. The webhook is sent after the alert is
stored, so each figure covers polling (the wait for the next poll: half the interval on
average), fetching and parsing the feed, coding the new item, storing it, evaluating the rules,
storing the alert and delivering the notification.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import format_datetime
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
REDLINE = str(Path(sys.executable).parent / "redline")
PUBLISHED = datetime(2024, 6, 19, 9, tzinfo=UTC)
SUBJECTS = ["Russia and North Korea", "Moscow and Pyongyang", "The Kremlin and North Korea"]
VERBS = ["committing the two countries to", "pledging", "providing for"]


def item_text(number: int) -> str:
    """A report of the signing, in words of its own (so each is a new document)."""
    subject = SUBJECTS[number % len(SUBJECTS)]
    verb = VERBS[(number // len(SUBJECTS)) % len(VERBS)]
    return (
        f"{subject} signed a treaty on Wednesday {verb} mutual assistance if either is "
        f"attacked, dispatch number {number + 1} from the summit said."
    )


def feed(count: int) -> str:
    """The feed with its first `count` items."""
    entries = "".join(
        f"<item><title>Report {n + 1}</title><guid>report-{n + 1}</guid>"
        f"<pubDate>{format_datetime(PUBLISHED)}</pubDate>"
        f"<description>{escape(item_text(n))}</description></item>"
        for n in range(count)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Benchmark Wire</title><link>https://bench.redline.invalid/</link>"
        f"<description>benchmark</description>{entries}</channel></rss>"
    )


def publish(folder: Path, count: int) -> float:
    """Write the feed atomically; returns the moment the new item became visible."""
    temporary = folder / ".feed.xml.tmp"
    temporary.write_text(feed(count), "utf-8")
    os.replace(temporary, folder / "feed.xml")
    return time.perf_counter()


class Arrivals:
    """Webhook bodies received, with their arrival times."""

    def __init__(self) -> None:
        self.times: list[tuple[float, dict[str, Any]]] = []
        self.cond = threading.Condition()

    def wait_text(self, text: str, timeout: float) -> float | None:
        """When the first webhook whose alert has evidence quoting `text` arrived."""

        def found() -> float | None:
            for moment, body in self.times:
                if any(text in e["text"] for e in body["alert"]["evidence"]):
                    return moment
            return None

        with self.cond:
            self.cond.wait_for(lambda: found() is not None, timeout)
            return found()


@contextmanager
def servers(folder: Path, arrivals: Arrivals) -> Iterator[tuple[str, str]]:
    """The feed server and the webhook receiver, both on loopback: their URLs."""

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with arrivals.cond:
                arrivals.times.append((time.perf_counter(), body))
                arrivals.cond.notify_all()
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    class Files(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    feed_server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Files, directory=str(folder)))
    hook_server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    for server in (feed_server, hook_server):
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield (
            f"http://127.0.0.1:{feed_server.server_address[1]}/feed.xml",
            f"http://127.0.0.1:{hook_server.server_address[1]}/hook",
        )
    finally:
        for server in (feed_server, hook_server):
            server.shutdown()
            server.server_close()


def main() -> None:
    """Run the watch, add items one at a time, and write the latency figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=20, help="Items measured (N).")
    parser.add_argument("--interval", type=float, default=0.25, help="Watch poll interval (s).")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="Start from a store holding the demo corpus (its alerts already raised).",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/feed_to_alert.json")
    args = parser.parse_args()
    sys.argv[0] = "python benchmarks/feed_to_alert.py"
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "none.toml").write_text("", "utf-8")
        arrivals = Arrivals()
        publish(folder, 1)
        with servers(folder, arrivals) as (feed_url, hook_url):
            command = [REDLINE, "watch", feed_url, "--db", f"sqlite:///{folder / 'bench.db'}",
                       "--interval", str(args.interval), "--webhook", hook_url,
                       "--throttle", "0", "--allow-private", "--quiet"]  # fmt: skip
            env = {**os.environ, "REDLINE_CONFIG": str(folder / "none.toml")}
            if args.demo:
                subprocess.run([REDLINE, "demo", "--db", f"sqlite:///{folder / 'bench.db'}"],
                               env=env, check=True, capture_output=True)  # fmt: skip
            watch = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
            try:
                started = time.perf_counter()
                if arrivals.wait_text(item_text(0), timeout=300) is None:
                    raise SystemExit("the watch raised no alert for the first item")
                ready = time.perf_counter() - started
                latencies: list[float] = []
                for number in range(1, args.items + 1):
                    time.sleep(rng.uniform(0.0, args.interval))  # not in step with the polls
                    appeared = publish(folder, number + 1)
                    arrived = arrivals.wait_text(item_text(number), timeout=60)
                    if arrived is None:
                        raise SystemExit(f"no alert for item {number + 1} within 60 s")
                    latencies.append(arrived - appeared)
                    print(f"item {number + 1}: {latencies[-1]:.3f}s", flush=True)
            finally:
                watch.terminate()
                _, err = watch.communicate(timeout=30)
    latencies.sort()
    result = {
        "what": "new feed item -> alert stored and webhook received, running redline watch",
        "command": " ".join(sys.argv),
        "items": args.items,
        "poll_interval_s": args.interval,
        "store": "demo corpus preloaded" if args.demo else "empty",
        "median_s": round(statistics.median(latencies), 3),
        "p90_s": round(latencies[int(0.9 * (len(latencies) - 1))], 3),
        "min_s": round(latencies[0], 3),
        "max_s": round(latencies[-1], 3),
        "first_alert_after_start_s": round(ready, 1),
        "bar_s": 2.0,
        "meets_bar": statistics.median(latencies) < 2.0,
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_1m": round(os.getloadavg()[0], 2),
            "python": platform.python_version(),
        },
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    print(json.dumps(result, indent=2))
    if err.strip():
        print(err.decode(errors="replace")[-2000:], file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
