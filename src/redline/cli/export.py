"""`redline export`: write stored events to a file other tools read without redline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from redline.cli.common import db_option, event_filter_options, fail
from redline.errors import ConfigError, RedlineError

FORMATS = ("parquet", "csv", "jsonl", "plover")


@click.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="parquet: typed columns; csv: header + NAME.columns.csv dictionary; jsonl: the "
    "stable event JSON with its document; plover: PLOVER JSON records, one per line.",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="File to write (replaced if it exists).",
)
@event_filter_options
def export(
    db_url: str | None,
    fmt: str,
    out: Path,
    actor: str | None,
    pair: tuple[str, str] | None,
    types: tuple[str, ...],
    modalities: tuple[str, ...],
    since: datetime | None,
    until: datetime | None,
    limit: int | None,
) -> None:
    """Export stored events with their evidence and provenance (filters as in `redline events`).

    Every format keeps the evidence (document id, sentence, span and text), the modality, the
    date with its precision and expression, the contexts, and the document's title, URL,
    earliest publication and outlets. Columns are described in docs/interop.md; the CSV
    export writes the same dictionary beside the file.

    \b
    Examples:
      redline export --format parquet --out events.parquet --pair RUS PRK
      redline export --format csv --out events.csv --since 2024-01-01
    """
    from redline.interop.export import dictionary_path, write_export
    from redline.interop.records import export_records
    from redline.store import EventFilter, open_store

    try:
        if not out.parent.is_dir():
            raise ConfigError(f"--out {out}: the folder {out.parent} does not exist")
        store = open_store(db_url)
        where = EventFilter(
            actor=actor,
            pair=pair or None,
            types=types,
            modalities=modalities,
            since=since.date() if since else None,
            until=until.date() if until else None,
            limit=limit,
        )
        count = write_export(export_records(store, where), fmt, out)
    except RedlineError as exc:
        raise fail(exc) from exc
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc}") from exc
    click.echo(f"{count} events written to {out}", err=True)
    if fmt == "csv":
        click.echo(f"column dictionary: {dictionary_path(out)}", err=True)
