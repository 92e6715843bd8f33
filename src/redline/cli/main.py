"""Entry point: the `redline` group with lazily imported subcommands (fast `--help`)."""

from __future__ import annotations

import importlib
import logging

import click

from redline import __version__

COMMANDS = {
    "demo": ("redline.cli.demo", "demo", "Ingest the bundled Russia-DPRK demo corpus."),
    "ingest": (
        "redline.cli.ingest",
        "ingest",
        "Read files, folders, feeds or URLs into the store.",
    ),
    "events": ("redline.cli.events", "events", "List stored events with filters."),
    "eval": ("redline.cli.evaluate", "evaluate", "Score the event coder on a gold JSONL file."),
    "init": (
        "redline.cli.init",
        "init",
        "Write a commented starter config, red-line rule file and playbook.",
    ),
    "doctor": (
        "redline.cli.doctor",
        "doctor",
        "Check the installation and configuration; say how to fix each problem.",
    ),
    "provisions": (
        "redline.cli.provisions",
        "provisions",
        "Code the treaty provisions of a treaty text or news report.",
    ),
    "treaty": ("redline.cli.treaty", "treaty", "Compare treaty texts clause by clause (diff)."),
    "dyad": ("redline.cli.dyad", "dyad", "Cooperation level of a pair: evidence and history."),
    "redlines": ("redline.cli.redlines", "redlines", "Evaluate or validate red-line rules."),
    "alerts": (
        "redline.cli.alerts",
        "alerts",
        "List red-line alerts; acknowledge, close or mute them.",
    ),
    "watch": (
        "redline.cli.watch",
        "watch",
        "Poll feeds and folders, raise alerts as reports arrive, notify.",
    ),
    "export": (
        "redline.cli.export",
        "export",
        "Write events as Parquet, CSV (+ column dictionary), JSONL or PLOVER JSON.",
    ),
    "import": (
        "redline.cli.importer",
        "importer",
        "Import GDELT, Phoenix or PLOVER/POLECAT event files into the store.",
    ),
    "batch": (
        "redline.cli.batch",
        "batch",
        "Code an archive on Dask workers into Parquet and load it; resumable.",
    ),
    "serve": ("redline.cli.serve", "serve", "Serve the JSON API and the analyst dashboard."),
}


class LazyGroup(click.Group):
    """Imports a subcommand's module only when that subcommand runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="redline")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """redline: evidence-linked political event data and red-line alerts from news.

    Start with `redline demo`, then `redline events --pair RUS PRK`.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def main() -> None:
    """Console-script entry point."""
    cli()
