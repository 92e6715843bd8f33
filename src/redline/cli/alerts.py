"""`redline alerts`: the stored red-line alerts, their evidence and the playbook's responses."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from redline.cli.common import db_option, fail
from redline.errors import RedlineError
from redline.redlines.alerts import Alert, AlertState, Role
from redline.redlines.playbook import Playbook
from redline.redlines.status import HistoryEntry, Status

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


def print_alerts(
    found: Sequence[Alert],
    fmt: str,
    playbook: Playbook,
    statuses: Mapping[str, str] | None = None,
    history: Mapping[str, Sequence[HistoryEntry]] | None = None,
) -> None:
    """Print alerts as JSON lines or as one readable block per alert.

    With `statuses` and `history` (from the store) each alert also shows its status and the
    notes and changes in its history.
    """
    if fmt == "jsonl":
        for alert in found:
            out = alert.to_json()
            out["responses"] = [r for p in playbook.for_alert(alert) for r in p.responses]
            if statuses is not None:
                out["status"] = statuses.get(alert.id, Status.OPEN.value)
            if history is not None:
                out["history"] = [h.to_json() for h in history.get(alert.id, ())]
            click.echo(json.dumps(out, ensure_ascii=False))
        return
    console = Console()
    if not found:
        console.print("No alerts. (`redline redlines check` evaluates the rules again.)")
    for alert in found:
        _print_alert(console, alert, playbook)
        if statuses is not None:
            status = statuses.get(alert.id, "open")
            _print_hygiene(console, alert.id, status, (history or {}).get(alert.id))


def _print_hygiene(
    console: Console, alert_id: str, status: str, history: Sequence[HistoryEntry] | None
) -> None:
    console.print(f"[bold]Status:[/] {status} (id {alert_id})", highlight=False)
    for entry in history or ():
        if entry.kind in ("notified", "muted", "quiet"):
            continue
        note = f": {entry.note}" if entry.note else ""
        console.print(f"  {entry.at:%Y-%m-%d %H:%M} {entry.kind}{note}", highlight=False)


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


status_choice = click.Choice([s.value for s in Status])


@click.group(invoke_without_command=True)
@db_option
@format_option
@click.option(
    "--state",
    type=click.Choice([s.value for s in AlertState]),
    help="Only alerts in this state.",
)
@click.option("--rule", help="Only alerts of this rule id.")
@click.option("--status", "status", type=status_choice, help="Only alerts with this status.")
@playbook_option
@click.pass_context
def alerts(
    ctx: click.Context,
    db_url: str | None,
    fmt: str,
    state: str | None,
    rule: str | None,
    status: str | None,
    playbook_path: Path | None,
) -> None:
    """List the stored red-line alerts (run `redline redlines check` to re-evaluate them).

    `--format jsonl` prints one object per alert with the stable fields id, rule, pair, state,
    signalled_on, crossed_on, confirmed_on, sources (independent outlets), outlets, evidence
    (doc_id, text, modality, date, role, ...), counter_evidence (denials) and responses, plus
    status (open, acknowledged, closed) and history (raised, state changes, notes,
    notifications).

    The subcommands acknowledge, close or re-open an alert with a note kept in its history,
    and mute a rule's notifications until a date.
    """
    if ctx.invoked_subcommand is not None:
        return
    from redline.redlines.playbook import configured_playbook
    from redline.redlines.repository import AlertRepository
    from redline.redlines.status import StatusRepository
    from redline.store import open_store

    try:
        store = open_store(db_url)
        found = AlertRepository(store.engine).alerts(rule=rule, state=state)
        hygiene = StatusRepository(store.engine)
        statuses = {k: v.status.value for k, v in hygiene.statuses().items()}
        if status:
            found = [a for a in found if statuses.get(a.id, "open") == status]
        history = {a.id: hygiene.history(a.id) for a in found}
        playbook = configured_playbook(playbook_path)
    except RedlineError as exc:
        raise fail(exc) from exc
    print_alerts(found, fmt, playbook, statuses, history)


def _set_status(db_url: str | None, given: str, status: Status, note: str | None) -> None:
    from redline.redlines.status import StatusRepository
    from redline.store import open_store

    try:
        repository = StatusRepository(open_store(db_url).engine)
        alert_id = repository.resolve(given)
        repository.set_status(alert_id, status, note)
    except RedlineError as exc:
        raise fail(exc) from exc
    click.echo(f"alert {alert_id}: {status.value}" + (f" ({note})" if note else ""))


note_option = click.option("--note", help="Why: kept in the alert's history.")


@alerts.command()
@click.argument("alert_id", metavar="ID")
@note_option
@db_option
def ack(alert_id: str, note: str | None, db_url: str | None) -> None:
    """Acknowledge alert ID (its id or a unique prefix): new reports stop notifying.

    A change of state (crossed, confirmed) re-opens it and is always notified.
    """
    _set_status(db_url, alert_id, Status.ACKNOWLEDGED, note)


@alerts.command()
@click.argument("alert_id", metavar="ID")
@note_option
@db_option
def close(alert_id: str, note: str | None, db_url: str | None) -> None:
    """Close alert ID: handled. A later change of state re-opens it."""
    _set_status(db_url, alert_id, Status.CLOSED, note)


@alerts.command()
@click.argument("alert_id", metavar="ID")
@note_option
@db_option
def reopen(alert_id: str, note: str | None, db_url: str | None) -> None:
    """Re-open an acknowledged or closed alert ID."""
    _set_status(db_url, alert_id, Status.OPEN, note)


@alerts.command()
@click.argument("rule")
@click.option(
    "--until",
    "until",
    required=True,
    type=click.DateTime(["%Y-%m-%d"]),
    help="First day notifications are sent again (YYYY-MM-DD).",
)
@click.option(
    "--state-changes",
    is_flag=True,
    help="Still send changes of state (new alert, crossed, confirmed); hold back updates only.",
)
@note_option
@db_option
def mute(
    rule: str, until: dt.datetime, state_changes: bool, note: str | None, db_url: str | None
) -> None:
    """Send no notification for RULE before a date (alerts are still raised and stored).

    What changes while the rule is muted is marked as muted in the alerts' history and is not
    sent when the mute ends. With --state-changes a change of state still goes out.
    """
    from redline.redlines.status import StatusRepository
    from redline.store import open_store

    try:
        StatusRepository(open_store(db_url).engine).mute(rule, until.date(), note, state_changes)
    except RedlineError as exc:
        raise fail(exc) from exc
    but = " except changes of state" if state_changes else ""
    click.echo(f"rule {rule}: muted{but} until {until.date().isoformat()}")


@alerts.command()
@click.argument("rule")
@db_option
def unmute(rule: str, db_url: str | None) -> None:
    """Lift the mute of RULE."""
    from redline.redlines.status import StatusRepository
    from redline.store import open_store

    try:
        lifted = StatusRepository(open_store(db_url).engine).unmute(rule)
    except RedlineError as exc:
        raise fail(exc) from exc
    click.echo(f"rule {rule}: " + ("mute lifted" if lifted else "was not muted"))


@alerts.command()
@db_option
def mutes(db_url: str | None) -> None:
    """List the muted rules."""
    from redline.redlines.status import StatusRepository
    from redline.store import open_store

    try:
        found = StatusRepository(open_store(db_url).engine).mutes()
    except RedlineError as exc:
        raise fail(exc) from exc
    if not found:
        click.echo("No rule is muted.")
    for rule, mute in sorted(found.items()):
        but = ", changes of state still sent" if mute.state_changes else ""
        why = f" ({mute.note})" if mute.note else ""
        click.echo(f"{rule}: until {mute.until.isoformat()}{but}{why}")
