"""`redline redlines`: evaluate red-line rules over the store, or validate a rules file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from redline.cli.alerts import format_option, playbook_option, print_alerts
from redline.cli.common import db_option, fail, settings
from redline.errors import RedlineError

rules_option = click.option(
    "--rules",
    "rule_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A rules YAML file added to the default rules and to those of the `rules` setting "
    "(repeatable; a rule with an id already loaded replaces it).",
)


def configured_rule_files() -> list[Path]:
    """The rule files the `rules` setting names: one file, or every YAML file of a folder."""
    path = settings().rules
    if path is None:
        return []
    if path.is_dir():
        return sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    return [path]


@click.group()
def redlines() -> None:
    """Red-line rules: evaluate them over the stored events, or check a rules file."""


@redlines.command()
@db_option
@rules_option
@click.option(
    "--no-defaults",
    is_flag=True,
    help="Leave out the packaged default rules (evaluate yours alone).",
)
@format_option
@playbook_option
def check(
    db_url: str | None,
    rule_files: tuple[Path, ...],
    no_defaults: bool,
    fmt: str,
    playbook_path: Path | None,
) -> None:
    """Re-evaluate the red lines over every stored event, save the alerts and print them.

    The rules are the packaged defaults, those of the `rules` setting (config.toml or
    $REDLINE_RULES) and every --rules file, a later rule replacing an earlier one of its id.

    The result depends only on what is stored: evaluation walks the events in date order,
    whatever order the articles arrived in.
    """
    from redline.redlines.playbook import configured_playbook
    from redline.redlines.rules import load_rules
    from redline.redlines.service import refresh
    from redline.store import open_store

    try:
        rules = load_rules([*configured_rule_files(), *rule_files], defaults=not no_defaults)
        playbook = configured_playbook(playbook_path)
        found = refresh(open_store(db_url), rules)
    except RedlineError as exc:
        raise fail(exc) from exc
    print_alerts(found, fmt, playbook)
    click.echo(f"{len(found)} alerts from {len(rules.rules)} rules.", err=True)


@redlines.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check rules files against the schema; errors name the file and line."""
    from redline.redlines.rules import load_rules

    for path in files:
        try:
            rules = load_rules([path], defaults=False)
        except RedlineError as exc:
            raise fail(exc) from exc
        click.echo(f"{path}: {len(rules.rules)} rules, valid.")


@redlines.command()
@click.argument("rule_args", metavar="RULES...", nargs=-1, required=True)
@click.option(
    "--from",
    "start",
    required=True,
    type=click.DateTime(["%Y-%m-%d"]),
    help="First day of the replay (YYYY-MM-DD).",
)
@click.option(
    "--to",
    "end",
    required=True,
    type=click.DateTime(["%Y-%m-%d"]),
    help="Last day of the replay (YYYY-MM-DD).",
)
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a report to read; json: the same as a JSON object (see docs/backtest.md).",
)
@click.option(
    "--every-day",
    is_flag=True,
    help="Evaluate on every day a report appeared, not only the days a matching one did "
    "(exact when a later report lowers a ladder level; slower).",
)
def backtest(
    rule_args: tuple[str, ...],
    start: Any,
    end: Any,
    db_url: str | None,
    fmt: str,
    every_day: bool,
) -> None:
    """Replay the stored history: when each rule would have signalled, crossed and confirmed.

    RULES are rules files, or `default` for the packaged rules. Each day a report was
    published between --from and --to, the rules are evaluated over what was known that day;
    every change of an alert is listed with its evidence, then the notifications per month.
    Nothing is written to the store. See docs/backtest.md.

    \b
    Example:
      redline redlines backtest default my-rules.yaml --from 2024-01-01 --to 2024-12-31
    """
    import json

    from redline.redlines.backtest import backtest as run
    from redline.redlines.backtest import text_report
    from redline.redlines.rules import load_rules
    from redline.store import open_store

    paths = [Path(a) for a in rule_args if a != "default"]
    for path in paths:
        if not path.is_file():
            raise click.BadParameter(f"{path}: no such rules file", param_hint="RULES")
    try:
        rules = load_rules(paths, defaults="default" in rule_args)
        result = run(open_store(db_url), rules, start.date(), end.date(), every_day)
    except (RedlineError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(text_report(result)))
