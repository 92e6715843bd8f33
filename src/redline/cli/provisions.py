"""`redline provisions FILE|-`: the treaty provisions a treaty text or a news report codes to."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from redline.cli.common import fail
from redline.errors import IngestError, RedlineError
from redline.treaties.models import Provision

MODES = ("auto", "treaty", "report")


def read_source(source: str) -> str:
    """The text of a file, or of standard input for "-"."""
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(IngestError(f"cannot read {source}: {exc}")) from exc


def provisions_table(found: list[Provision]) -> Table:
    """A readable table of provisions."""
    from redline.treaties.export import describe

    table = Table(show_lines=False)
    for name in ("article", "type", "attributes", "modality", "evidence"):
        table.add_column(name, overflow="fold")
    for p in found:
        text = " ".join(p.evidence.text.split())
        table.add_row(
            p.article or "",
            p.type.value,
            describe(p),
            p.modality.value,
            text if len(text) < 160 else text[:157] + "...",
        )
    return table


@click.command()
@click.argument("source", metavar="FILE|-")
@click.option(
    "--date",
    "on",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Report date (news: default the front-matter date, else today); for a treaty, the "
    "date to read it on (provisions of a treaty that ended before it are historical).",
)
@click.option(
    "--mode",
    type=click.Choice(MODES),
    default="auto",
    show_default=True,
    help="treaty: article by article; report: news sentences (needs the spaCy model); "
    "auto: treaty when the text has 'Article N' headings.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def provisions(source: str, on: datetime | None, mode: str, fmt: str) -> None:
    """Code the provisions of a treaty text or a news report (FILE, or - for stdin).

    `--format jsonl` prints one JSON object per provision with the stable fields type,
    automatic (DEFENSE only, else null), conditions, domain (TECH_TRANSFER), crisis
    (CONSULTATION), article, modality and evidence (start, end, text; offsets index the
    input as given, front matter included).
    """
    from redline.treaties.coder import code_treaty
    from redline.treaties.export import provision_json
    from redline.treaties.reports import code_report
    from redline.treaties.text import has_articles

    text = read_source(source)
    day = on.date() if on else None
    treaty = mode == "treaty" or (mode == "auto" and has_articles(text))
    try:
        found = list(code_treaty(text, as_of=day).provisions) if treaty else code_report(text, day)
    except RedlineError as exc:
        raise fail(exc) from exc
    if fmt == "jsonl":
        for provision in found:
            click.echo(json.dumps(provision_json(provision), ensure_ascii=False))
    else:
        Console().print(provisions_table(found))
        click.echo(f"{len(found)} provisions", err=True)
