"""`redline batch`: code an archive on Dask workers into Parquet, then load it into the store."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as Bars

from redline.batch import BatchOptions, BatchReport, LoadCounts, Progress
from redline.batch.shards import Shard
from redline.cli.common import db_option, fail
from redline.errors import RedlineError


class BarProgress(Progress):
    """Two bars on stderr: shards coded by the workers, shards loaded into the store."""

    def __init__(self, bars: Bars) -> None:
        self.bars = bars
        self.coding: TaskID | None = None
        self.loading: TaskID | None = None

    def planned(self, shards: int, to_code: int, to_load: int) -> None:
        self.coding = self.bars.add_task(f"Coding {to_code} of {shards} shards", total=to_code)
        self.loading = self.bars.add_task("Loading into the store", total=to_load)

    def coded(self, shard: Shard, summary: dict[str, Any] | None) -> None:
        assert self.coding is not None
        self.bars.advance(self.coding)

    def loaded(self, shard: Shard, counts: LoadCounts) -> None:
        assert self.loading is not None
        self.bars.advance(self.loading)

    def refreshing(self) -> None:
        self.bars.add_task("Evaluating red-line rules", total=None)


def print_batch_report(report: BatchReport, console: Console) -> None:
    """Summarise a batch run, naming every input and shard that failed and why."""
    counts = report.counts
    console.print(
        f"{report.shards} shards: {report.coded} coded now, {report.reused} coded before, "
        f"{report.loaded} loaded. [bold]{counts.new}[/] new documents, "
        f"[bold]{counts.events}[/] events; {counts.copies} copies linked; "
        f"{counts.seen} already stored.",
        soft_wrap=True,
    )
    for warning in report.warnings:
        console.print(f"[yellow]warning[/] {warning}", highlight=False, soft_wrap=True)
    for problem in report.problems:
        console.print(f"[red]error[/] {problem}", highlight=False, soft_wrap=True)
    for label, reason in report.failures:
        console.print(
            f"[red]failed[/] {label}: {reason} (run the command again to retry it)",
            highlight=False,
            soft_wrap=True,
        )


@click.command()
@click.argument("targets", nargs=-1, metavar="PATH...")
@click.option(
    "--files-from",
    "files_from",
    metavar="FILE",
    help="Also read the paths listed in FILE, one per line ('-' for standard input).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("redline-batch"),
    show_default=True,
    help="Directory for the Parquet event files and the resume ledger.",
)
@db_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="number of CPUs",
    help="Worker processes of the local Dask cluster (one thread each).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Use the running Dask cluster at ADDRESS (e.g. tcp://10.0.0.5:8786) instead of "
    "starting a local one. Its workers need redline installed and the inputs and --out "
    "directory at the same paths.",
)
@click.option(
    "--shard-size",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Documents per shard (the unit of work and of resuming).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=20_000_000,
    show_default=True,
    help="Refuse input files (and JSON lines) larger than this many bytes.",
)
@click.option(
    "--no-refresh",
    "no_refresh",
    is_flag=True,
    help="Only code and load; leave the red-line rules to be evaluated later (by the next "
    "batch, `redline ingest`, `redline watch` or `redline redlines check`).",
)
def batch(
    targets: tuple[str, ...],
    files_from: str | None,
    out_dir: Path,
    db_url: str | None,
    workers: int,
    scheduler: str | None,
    shard_size: int,
    max_bytes: int,
    no_refresh: bool,
) -> None:
    """Code an archive of PATH... on Dask workers and load the events into the store.

    PATH is a directory (walked recursively), a JSON Lines file (one article per line, as
    for `redline ingest`), a Parquet file with the same fields as columns, or any file
    `redline ingest` reads. The archive is cut into shards; each worker loads the language
    model once and writes each shard's documents and events as Parquet under --out. Shards
    are then loaded into the store (--db) in order, and the red-line rules are evaluated.

    Run the same command again after a crash or kill: finished shards are not coded again
    and nothing is stored twice. A bad input is reported by name and the rest goes on.
    """
    from redline.batch import run_batch
    from redline.batch.shards import read_list_file
    from redline.ingest import IngestLimits
    from redline.store import open_store

    paths = list(targets)
    if files_from:
        try:
            paths += read_list_file(files_from)
        except OSError as exc:
            raise click.BadParameter(str(exc), param_hint="--files-from") from exc
    if not paths:
        raise click.UsageError("give at least one PATH (or --files-from FILE)")
    options = BatchOptions(
        out_dir=out_dir,
        workers=workers,
        scheduler=scheduler,
        shard_size=shard_size,
        limits=IngestLimits(max_bytes=max_bytes),
        refresh=not no_refresh,
    )
    errors = Console(stderr=True)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    try:
        store = open_store(db_url)
        with Bars(*columns, console=errors, transient=True) as bars:
            report = run_batch(paths, store, options, BarProgress(bars))
    except RedlineError as exc:
        raise fail(exc) from exc
    print_batch_report(report, Console())
    if report.failures or (report.documents == 0 and report.problems):
        sys.exit(1)
