"""`redline events`: list stored events with filters, as a table or JSON."""

from __future__ import annotations

import json
from datetime import datetime

import click
from rich.console import Console
from rich.table import Table

from redline.cli.common import db_option, event_filter_options, fail
from redline.errors import RedlineError
from redline.models import Event, Modality

MODALITIES = [m.value for m in Modality]


def events_table(found: list[Event]) -> Table:
    """A readable table of events."""
    table = Table(show_lines=False)
    for name in ("date", "type", "source", "target", "modality", "evidence"):
        table.add_column(name, overflow="fold")
    for event in found:
        table.add_row(
            event.date.value.isoformat() if event.date.value else "",
            event.type,
            event.source.code,
            event.target.code if event.target else "",
            event.modality.value,
            event.evidence.text
            if len(event.evidence.text) < 160
            else event.evidence.text[:157] + "...",
        )
    return table


@click.command()
@db_option
@event_filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def events(
    db_url: str | None,
    actor: str | None,
    pair: tuple[str, str] | None,
    types: tuple[str, ...],
    modalities: tuple[str, ...],
    since: datetime | None,
    until: datetime | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored events, ordered by event date.

    `--format jsonl` prints one JSON object per event with the stable fields id, type,
    mode, contexts, source, target (code, country, sector, person, text), date,
    date_precision, modality, attribution, intensity and evidence (doc_id, sentence,
    start, end, text).
    """
    from redline.serialize import event_json
    from redline.store import EventFilter, open_store

    try:
        store = open_store(db_url)
        found = store.events(
            EventFilter(
                actor=actor,
                pair=pair or None,
                types=types,
                modalities=modalities,
                since=since.date() if since else None,
                until=until.date() if until else None,
                limit=limit,
            )
        )
    except RedlineError as exc:
        raise fail(exc) from exc
    if fmt == "jsonl":
        for event in found:
            click.echo(json.dumps(event_json(event), ensure_ascii=False))
    elif fmt == "json":
        click.echo(json.dumps([event_json(e) for e in found], ensure_ascii=False, indent=2))
    else:
        Console().print(events_table(found))
        click.echo(f"{len(found)} events", err=True)
