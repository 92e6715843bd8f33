"""`redline ingest`: read files, folders, feeds and URLs, code them, store them."""

from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from redline.cli.common import db_option, fail, pipeline_config, settings
from redline.errors import RedlineError
from redline.runner import IngestReport


def print_report(report: IngestReport, console: Console) -> None:
    """Summarise an ingest run, naming every input that failed and why."""
    console.print(
        f"[bold]{report.new}[/] new documents, [bold]{report.events}[/] events; "
        f"{report.copies} copies linked to stored documents; {report.seen} already stored.",
        soft_wrap=True,
    )
    for warning in report.warnings:
        console.print(
            f"[yellow]warning[/] {warning.origin}: {warning.reason}",
            highlight=False,
            soft_wrap=True,
        )
    for problem in report.problems:
        console.print(
            f"[red]error[/] {problem.origin}: {problem.reason}", highlight=False, soft_wrap=True
        )


def run_ingest(
    targets: tuple[str, ...], db_url: str | None, max_bytes: int, quiet: bool = False
) -> IngestReport:
    """Ingest `targets` with a progress display on stderr; the coder is configured by the
    `model` and `batch_size` settings."""
    from redline.ingest import IngestLimits
    from redline.pipeline import build_pipeline
    from redline.runner import ingest
    from redline.store import open_store

    console = Console(stderr=True)
    store = open_store(db_url)
    with console.status("Loading the language model and actor tables..."):
        pipeline = build_pipeline(pipeline_config())
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} items"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True, disable=quiet) as progress:
        task = progress.add_task("Ingesting", total=None)
        return ingest(
            targets,
            store,
            pipeline,
            IngestLimits(max_bytes=max_bytes),
            on_item=lambda origin: progress.advance(task),
        )


@click.command()
@click.argument("targets", nargs=-1, required=True, metavar="PATH|URL...")
@db_option
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    help="Refuse inputs larger than this many bytes. Default: the `max_bytes` setting "
    "(20,000,000 unless config.toml or $REDLINE_MAX_BYTES says otherwise).",
)
def ingest(targets: tuple[str, ...], db_url: str | None, max_bytes: int | None) -> None:
    """Read PATH|URL... into the store and code their events.

    Each target is a text/Markdown file (optional YAML front matter with title, date,
    source, source_country, url), an HTML page, a JSONL file, an RSS/Atom feed, a
    directory (read recursively) or an http(s) URL. Documents are keyed by content:
    ingesting the same text twice stores it once. A file that cannot be read is reported
    with its reason and the rest goes on; the exit status is non-zero only when nothing
    at all could be ingested. Red-line rules (the packaged ones plus the `rules` setting)
    are evaluated again after every ingest that adds documents.
    """
    limit = max_bytes or settings().max_bytes
    try:
        report = run_ingest(targets, db_url, limit)
    except RedlineError as exc:
        raise fail(exc) from exc
    print_report(report, Console())
    if report.documents == 0 and report.problems:
        sys.exit(1)
