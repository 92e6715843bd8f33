"""`redline alerts`: the stored red-line alerts, their evidence and the playbook's responses."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from redline.cli.common import db_option, fail
from redline.errors import RedlineError
from redline.redlines.alerts import Alert, AlertState, Role
from redline.redlines.playbook import Playbook

playbook_option = click.option(
    "--playbook",
    "playbook_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Playbook YAML mapping levels and alerts to responses "
    "(default: the `playbook` setting, else the packaged example).",
)
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="Output format (jsonl: one alert per line).",
)


def print_alerts(found: Sequence[Alert], fmt: str, playbook: Playbook) -> None:
    """Print alerts as JSON lines or as one readable block per alert."""
    if fmt == "jsonl":
        for alert in found:
            out = alert.to_json()
            out["responses"] = [r for p in playbook.for_alert(alert) for r in p.responses]
            click.echo(json.dumps(out, ensure_ascii=False))
        return
    console = Console()
    if not found:
        console.print("No alerts. (`redline redlines check` evaluates the rules again.)")
    for alert in found:
        _print_alert(console, alert, playbook)


def _print_alert(console: Console, alert: Alert, playbook: Playbook) -> None:
    colour = {"confirmed": "red", "crossed": "red", "signalled": "yellow"}[alert.state.value]
    console.rule(
        f"[bold {colour}]{alert.state.value.upper()}[/] {alert.rule} "
        f"({alert.pair[0]}-{alert.pair[1]}, {alert.severity}, tier {alert.tier})"
    )
    console.print(alert.title, highlight=False)
    dates = [
        f"{state.value} {day.isoformat()}"
        for state, day in (
            (AlertState.SIGNALLED, alert.signalled_on),
            (AlertState.CROSSED, alert.crossed_on),
            (AlertState.CONFIRMED, alert.confirmed_on),
        )
        if day
    ]
    console.print(
        f"{' -> '.join(dates)}; {alert.mentions} reports of {alert.events} events, "
        f"{alert.sources} independent sources ({', '.join(alert.outlets) or 'none'})",
        highlight=False,
    )
    for item in alert.evidence:
        style = {Role.COUNTER: "dim", Role.SUPPORT: ""}.get(item.role, "bold")
        when = item.date.isoformat() if item.date else "undated"
        reported = f"reported {item.published.isoformat()}, " if item.published else ""
        where = ", ".join(item.outlets) or "?"
        line = Text(f"{item.role.value:>9}", style=style)
        line.append(f" {when} ({reported}{where}; {item.modality})")
        console.print(line)
        console.print(Text(f"          {item.text}", style=style))
    for play in playbook.for_alert(alert):
        console.print(f"[bold]Playbook{': ' + play.label if play.label else ''}[/]")
        for response in play.responses:
            console.print(f"  - {response}", highlight=False)


@click.command()
@db_option
@format_option
@click.option(
    "--state",
    type=click.Choice([s.value for s in AlertState]),
    help="Only alerts in this state.",
)
@click.option("--rule", help="Only alerts of this rule id.")
@playbook_option
def alerts(
    db_url: str | None,
    fmt: str,
    state: str | None,
    rule: str | None,
    playbook_path: Path | None,
) -> None:
    """List the stored red-line alerts (run `redline redlines check` to re-evaluate them).

    `--format jsonl` prints one object per alert with the stable fields id, rule, pair, state,
    signalled_on, crossed_on, confirmed_on, sources (independent outlets), outlets, evidence
    (doc_id, text, modality, date, role, ...), counter_evidence (denials) and responses.
    """
    from redline.redlines.playbook import configured_playbook
    from redline.redlines.repository import AlertRepository
    from redline.store import open_store

    try:
        store = open_store(db_url)
        found = AlertRepository(store.engine).alerts(rule=rule, state=state)
        playbook = configured_playbook(playbook_path)
    except RedlineError as exc:
        raise fail(exc) from exc
    print_alerts(found, fmt, playbook)
