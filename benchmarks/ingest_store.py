"""Ingest-to-store throughput on one core, SQLite and PostgreSQL side by side.

The same synthetic archive (~400-word articles, `redline.batch.synthetic`) is ingested by the
path `redline ingest` takes (read the JSON Lines file, code, save each document in its own
transaction, evaluate red lines) into a fresh store of each backend, and coded without any
store, in alternating order, `--repeats` times; medians are reported, with each backend's speed
as a fraction of coding alone so the figures stay comparable on a noisy machine. The process is
pinned to one CPU.

    python benchmarks/ingest_store.py --n 400 --repeats 3
    python benchmarks/ingest_store.py --n 2000 --postgres postgresql+psycopg://postgres@127.0.0.1/postgres
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.exc import SQLAlchemyError  # noqa: E402

from redline.batch.synthetic import write_archive  # noqa: E402
from redline.ingest import IngestLimits, iter_sources  # noqa: E402
from redline.models import Document  # noqa: E402
from redline.pipeline import Pipeline, build_pipeline  # noqa: E402
from redline.runner import ingest  # noqa: E402
from redline.store import open_store  # noqa: E402

RESULTS = Path(__file__).parent / "results"
LIMITS = IngestLimits(max_bytes=2_000_000_000)


@contextmanager
def postgres_database(admin_url: str) -> Iterator[str | None]:
    """A fresh database on the server at `admin_url`, dropped afterwards; None if unreachable."""
    try:
        admin = create_engine(
            admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
        )
        name = f"redline_bench_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except (SQLAlchemyError, ImportError) as exc:
        print(f"PostgreSQL skipped: {str(exc).splitlines()[0]}")
        yield None
        return
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def timed_ingest(archive: list[Path], url: str, pipeline: Pipeline) -> float:
    store = open_store(url)
    start = time.perf_counter()
    report = ingest([str(p) for p in archive], store, pipeline, LIMITS)
    seconds = time.perf_counter() - start
    store.engine.dispose()
    assert report.problems == [], report.problems[:3]
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400, help="articles (default 400)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "REDLINE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
        ),
        help="administrative URL of a server where a scratch database may be created",
    )
    parser.add_argument("--out", type=Path, default=RESULTS / "ingest_store.json")
    args = parser.parse_args()

    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    pipeline = build_pipeline()
    runs: dict[str, list[float]] = {"sqlite": [], "postgresql": [], "coding_only": []}
    with tempfile.TemporaryDirectory() as tmp:
        archive = write_archive(Path(tmp) / "archive", args.n, per_file=args.n)
        read = iter_sources([str(p) for p in archive], LIMITS)
        docs = [d for d in read if isinstance(d, Document)]
        assert len(docs) == args.n
        for _ in pipeline.process(docs[:20]):  # warm up: first calls fill spaCy's caches
            pass
        for repeat in range(args.repeats):
            start = time.perf_counter()
            for _ in pipeline.process(docs):
                pass
            runs["coding_only"].append(time.perf_counter() - start)
            url = f"sqlite:///{Path(tmp) / f'bench-{repeat}.db'}"
            runs["sqlite"].append(timed_ingest(archive, url, pipeline))
            with postgres_database(args.postgres) as pg_url:
                if pg_url:
                    runs["postgresql"].append(timed_ingest(archive, pg_url, pipeline))
            print({k: [round(v, 2) for v in vals] for k, vals in runs.items()})
    rates = {k: args.n / statistics.median(v) for k, v in runs.items() if v}
    result = {
        "benchmark": "ingest_store",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, pinned to 1",
        "articles": args.n,
        "words_per_article": 400,
        "repeats": args.repeats,
        "seconds": runs,
        "articles_per_second_median": {k: round(v, 2) for k, v in rates.items()},
        "store_speed_vs_coding_only": {
            k: round(rates[k] / rates["coding_only"], 3)
            for k in ("sqlite", "postgresql")
            if k in rates
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result["articles_per_second_median"]), "->", args.out)


if __name__ == "__main__":
    main()
