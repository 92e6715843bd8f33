"""`redline batch` against `redline ingest`: same documents, copies, events and alerts.

The coding runs on a real Dask cluster (one in-process worker, reached by its scheduler
address as `--scheduler` does) with the real model and real SQLite files.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_support import RECORDS, demo_documents, make_archive, record, snapshot
from click.testing import CliRunner

from redline.batch import BatchOptions, run_batch
from redline.batch.shards import plan_shards
from redline.cli.main import cli
from redline.errors import ConfigError
from redline.runner import ingest
from redline.store import open_store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a one-worker Dask cluster, as an existing cluster would be given."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def batch(targets: list[str], url: str, out: Path, scheduler: str, size: int = 3) -> Any:
    store = open_store(url)
    try:
        options = BatchOptions(out_dir=out, scheduler=scheduler, shard_size=size)
        return run_batch(targets, store, options)
    finally:
        store.engine.dispose()


def test_batch_equals_ingest_and_rerun_is_a_no_op(
    tmp_path: Path, pipeline: Any, scheduler: str
) -> None:
    archive = make_archive(tmp_path)
    targets = [str(archive), str(tmp_path / "missing.jsonl")]
    ingest_url = f"sqlite:///{tmp_path / 'ingest.db'}"
    reference = open_store(ingest_url)
    expected = ingest(targets, reference, pipeline)
    reference.engine.dispose()

    url = f"sqlite:///{tmp_path / 'batch.db'}"
    report = batch(targets, url, tmp_path / "out", scheduler)

    assert report.shards >= 4 and report.coded == report.shards == report.loaded
    assert (report.counts.new, report.counts.copies) == (expected.new, expected.copies)
    assert report.counts.events == expected.events > 0
    assert snapshot(url) == snapshot(ingest_url)
    # Malformed inputs are named with the same reasons as ingest gives; the rest went on.
    assert sorted(map(str, report.problems)) == sorted(map(str, expected.problems))
    named = {p.origin for p in report.problems}
    assert {f"{archive}/wire.jsonl:2", f"{archive}/wire.jsonl:4", f"{archive}/scan.md"} <= named
    assert str(tmp_path / "missing.jsonl") in named

    # One model load in the worker, whatever the number of shards.
    summaries = [json.loads(p.read_text()) for p in (tmp_path / "out").glob("shards/*/done.json")]
    assert len(summaries) == report.shards
    assert {s["worker"]["pipeline_loads"] for s in summaries} == {1}

    files = sorted((tmp_path / "out").rglob("*.parquet"))
    stamps = [os.stat(f).st_mtime_ns for f in files]
    again = batch(targets, url, tmp_path / "out", scheduler)
    assert (again.coded, again.loaded, again.reused, again.refreshed) == (
        0,
        0,
        report.shards,
        False,
    )
    assert again.counts.new == again.counts.events == 0
    assert [os.stat(f).st_mtime_ns for f in files] == stamps
    assert snapshot(url) == snapshot(ingest_url)


def test_parquet_and_jsonl_archives_give_the_same_events(tmp_path: Path, scheduler: str) -> None:
    rows = [record(d) for d in demo_documents(RECORDS)]
    jsonl = tmp_path / "wire.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    table = pa.Table.from_pylist(rows)
    parquet = tmp_path / "wire.parquet"
    pq.write_table(table, parquet, row_group_size=2)
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 this is not parquet")

    from_jsonl = f"sqlite:///{tmp_path / 'jsonl.db'}"
    from_parquet = f"sqlite:///{tmp_path / 'parquet.db'}"
    batch([str(jsonl)], from_jsonl, tmp_path / "out-jsonl", scheduler)
    report = batch([str(parquet), str(bad)], from_parquet, tmp_path / "out-parquet", scheduler)

    assert [p.origin for p in report.problems] == [str(bad)]
    assert "not a readable Parquet file" in report.problems[0].reason
    jsonl_state, parquet_state = snapshot(from_jsonl), snapshot(from_parquet)
    assert parquet_state["events"] == jsonl_state["events"] != []
    assert [d[0] for d in parquet_state["documents"]] == [d[0] for d in jsonl_state["documents"]]
    # Rows are numbered from the start of the file across row groups, like JSON lines.
    origins = sorted(origin for _, _, origin in parquet_state["copies"])
    assert origins == sorted(f"{parquet}:{n}" for n in range(1, len(rows) + 1))


def test_event_files_follow_the_documented_columns(tmp_path: Path, scheduler: str) -> None:
    import duckdb

    archive = make_archive(tmp_path)
    url = f"sqlite:///{tmp_path / 'b.db'}"
    report = batch([str(archive / "news")], url, tmp_path / "out", scheduler, size=50)
    events = str(tmp_path / "out" / "shards" / "*" / "events.parquet")
    found = duckdb.sql(f"SELECT count(*), count(DISTINCT id) FROM '{events}'").fetchall()[0]
    assert found == (report.counts.events, report.counts.events)
    documented = (Path(__file__).parents[2] / "docs" / "scale.md").read_text(encoding="utf-8")
    for name in pq.read_schema(next((tmp_path / "out").rglob("events.parquet"))).names:
        assert f"| `{name}` |" in documented


@pytest.mark.postgres
def test_one_output_loads_into_a_second_database_without_coding(
    tmp_path: Path, scheduler: str, postgres_url: str
) -> None:
    archive = make_archive(tmp_path)
    sqlite_url = f"sqlite:///{tmp_path / 'b.db'}"
    first = batch([str(archive)], sqlite_url, tmp_path / "out", scheduler)
    second = batch([str(archive)], postgres_url, tmp_path / "out", scheduler)
    assert (second.coded, second.reused, second.loaded) == (0, first.shards, first.shards)
    assert (second.counts.new, second.counts.events) == (first.counts.new, first.counts.events)
    assert second.refreshed
    assert snapshot(postgres_url) == snapshot(sqlite_url)
    assert len(list((tmp_path / "out" / "loaded").iterdir())) == 2  # one ledger per database


def test_shards_are_stable_and_cut_jsonl_at_line_ends(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Article {n}.", "date": "2024-06-19"}) for n in range(7)]
    lines.insert(3, "")
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shards, problems = plan_shards([str(path)], 3)
    again, _ = plan_shards([str(path)], 3)
    assert problems == [] and [s.id for s in shards] == [s.id for s in again]
    assert [(p.first, p.weight) for s in shards for p in s.pieces] == [(1, 3), (4, 3), (8, 1)]
    data = path.read_bytes()
    assert b"".join(data[p.start : p.stop] for s in shards for p in s.pieces) == data
    _, refused = plan_shards(["https://example.org/feed.xml", str(tmp_path / "none.md")], 3)
    assert [p.reason for p in refused] == [
        "batch reads files only; use `redline ingest` for URLs",
        "No such file or directory",
    ]
    (tmp_path / "b.md").write_text("Another file.", encoding="utf-8")
    grown, _ = plan_shards([str(path), str(tmp_path / "b.md")], 3)
    assert [s.id for s in grown[:2]] == [s.id for s in shards[:2]]


def test_cli_help_and_usage_errors() -> None:
    runner = CliRunner()
    shown = runner.invoke(cli, ["batch", "--help"])
    assert shown.exit_code == 0
    options = ("--workers", "--scheduler", "--db", "--out", "--shard-size", "--files-from")
    for option in (*options, "--no-refresh"):
        assert option in shown.output
    empty = runner.invoke(cli, ["batch"])
    assert empty.exit_code == 2 and "at least one PATH" in empty.output


def test_no_refresh_leaves_the_rules_for_the_next_run(tmp_path: Path, scheduler: str) -> None:
    archive = make_archive(tmp_path)
    url = f"sqlite:///{tmp_path / 'b.db'}"
    store = open_store(url)
    try:
        options = BatchOptions(out_dir=tmp_path / "out", scheduler=scheduler, shard_size=3)
        quiet = replace(options, refresh=False)
        first = run_batch([str(archive)], store, quiet)
        assert first.loaded == first.shards and not first.refreshed
        second = run_batch([str(archive)], store, options)
        assert (second.coded, second.loaded, second.refreshed) == (0, 0, True)
        assert not run_batch([str(archive)], store, options).refreshed
    finally:
        store.engine.dispose()


def test_a_second_batch_on_the_same_out_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "shards").mkdir(parents=True)
    store = open_store(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        with (out / "lock").open("a+") as held:
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
            with pytest.raises(ConfigError, match="another `redline batch` is running"):
                run_batch([str(tmp_path)], store, BatchOptions(out_dir=out, workers=1))
        released = run_batch([str(tmp_path / "none.md")], store, BatchOptions(out, workers=1))
        assert released.shards == 0 and released.problems
    finally:
        store.engine.dispose()
