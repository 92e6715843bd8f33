"""`redline doctor`: check the installation and configuration, and say how to fix each problem."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from redline.cli.common import db_option_as_given
from redline.cli.doctor_checks import (
    Check,
    Status,
    check_config,
    check_extras,
    check_model,
    check_python,
    check_store,
)

COLOURS = {Status.OK: "green", Status.WARNING: "yellow", Status.ERROR: "bold red"}


def run_checks(
    db_url: str | None, config_path: Path | None, environ: Mapping[str, str]
) -> list[Check]:
    """Every check, in the order a user would fix them."""
    config_checks, settings = check_config(config_path, environ)
    return [
        check_python(),
        *config_checks,
        check_model(settings.model),
        *check_store(db_url or settings.database_url()),
        *check_extras(),
    ]


def checks_table(checks: list[Check]) -> Table:
    """The report: one row per check."""
    table = Table(show_lines=True)
    table.add_column("check", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("detail", overflow="fold", ratio=3)
    table.add_column("fix", overflow="fold", ratio=2)
    for check in checks:
        # Text, not markup: details hold brackets such as 'redline[web]'.
        status = Text(check.status.value, style=COLOURS[check.status])
        table.add_row(check.name, status, Text(check.detail), Text(check.fix))
    return table


def summary(checks: list[Check]) -> str:
    """'7 ok, 1 warning, 0 errors'."""
    counts = Counter(check.status for check in checks)
    return ", ".join(
        f"{counts[status]} {status.value}"
        + ("s" if status is not Status.OK and counts[status] != 1 else "")
        for status in Status
    )


@click.command()
@db_option_as_given
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Config file to check. Default: $REDLINE_CONFIG, else config.toml in your user "
    "config folder.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the checks as a JSON list.")
@click.pass_context
def doctor(ctx: click.Context, db_url: str | None, config_path: Path | None, as_json: bool) -> None:
    """Check the installation and configuration, and say how to fix each problem.

    Checks the Python version, the config file and REDLINE_* variables, the spaCy model's
    checksums, the database (reachable, migrated to the newest schema) and which optional
    extras are installed. Exits with status 1 if any check is an error.
    """
    checks = run_checks(db_url, config_path, os.environ)
    if as_json:
        click.echo(json.dumps([asdict(check) for check in checks], indent=2))
    else:
        Console().print(checks_table(checks))
        click.echo(summary(checks))
    if any(check.status is Status.ERROR for check in checks):
        ctx.exit(1)
