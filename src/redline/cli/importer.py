"""`redline import`: load event datasets (GDELT, Phoenix, PLOVER/POLECAT) into the store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from redline.cli.common import db_option, fail
from redline.errors import RedlineError

LAYOUTS = ("gdelt", "phoenix", "plover")
SHOWN = 20  # problems printed in full; the rest are counted


@click.command(name="import")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(LAYOUTS),
    required=True,
    help="gdelt: GDELT 2.0 event export (61 tab-separated columns); phoenix: Phoenix daily "
    "file (26 columns); plover: PLOVER JSON/JSONL records or a POLECAT TSV with its header.",
)
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--no-progress", is_flag=True, help="Do not show a progress bar.")
def importer(db_url: str | None, fmt: str, files: tuple[Path, ...], no_progress: bool) -> None:
    """Import event datasets into the store so the ladder and red lines use them.

    CAMEO event codes are mapped to PLOVER types, modes and contexts, and CAMEO actor codes
    to redline's actor codes. Each row keeps its provenance: a document per row whose source
    is the outlet, whose URL is the source URL and whose origin names the dataset, file and
    line. A row that cannot be read is reported with its line number and skipped; the others
    are imported. Importing the same file twice adds nothing. The red-line alerts are
    re-evaluated afterwards, as after `redline ingest`.

    \b
    Examples:
      redline import --format gdelt 20240619.export.CSV
      redline import --format plover events.plover.jsonl --db sqlite:///other.db
    """
    from redline.interop.cameo_formats import read_gdelt, read_phoenix
    from redline.interop.importing import Reader, import_files
    from redline.interop.plover_read import read_plover
    from redline.redlines.service import refresh
    from redline.store import open_store

    reader: Reader = {"gdelt": read_gdelt, "phoenix": read_phoenix, "plover": read_plover}[fmt]
    try:
        store = open_store(db_url)
        with click.progressbar(
            length=_lines(files),
            label="importing",
            hidden=no_progress,
            file=sys.stderr,
        ) as bar:
            report = import_files(files, reader, store, on_row=lambda: bar.update(1))
        if report.events:
            refresh(store)
    except RedlineError as exc:
        raise fail(exc) from exc
    for problem in report.problems[:SHOWN]:
        click.echo(f"skipped {problem}", err=True)
    if len(report.problems) > SHOWN:
        click.echo(f"... and {len(report.problems) - SHOWN} more skipped rows", err=True)
    click.echo(
        f"{report.rows} rows read, {report.events} new events, "
        f"{len(report.problems)} rows skipped.",
        err=True,
    )
    if report.problems and not report.rows:
        raise SystemExit(1)


def _lines(files: tuple[Path, ...]) -> int:
    """Rows to expect, for the progress bar (lines of every file)."""
    total = 0
    for path in files:
        with path.open("rb") as handle:
            total += sum(1 for _ in handle)
    return total
