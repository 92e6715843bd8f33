"""`redline dyad A B`: the cooperation level of a pair on a date, its evidence and history."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from redline.analysis.dyad import DyadView
from redline.analysis.evidence import LadderEvidence
from redline.analysis.ladder_rules import Ladder
from redline.analysis.series import SeriesPoint
from redline.cli.common import db_option, fail
from redline.errors import RedlineError
from redline.redlines.playbook import Play


@click.command()
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@db_option
@click.option(
    "--at",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The date to report the level on (default: today).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--series",
    type=click.Choice(["month", "quarter", "year"]),
    help="Also show the conflict-cooperation series of the pair per period.",
)
@click.option(
    "--playbook",
    "playbook_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Playbook YAML (default: the `playbook` setting, else the packaged example).",
)
def dyad(
    first: str,
    second: str,
    db_url: str | None,
    at: datetime | None,
    fmt: str,
    series: str | None,
    playbook_path: Path | None,
) -> None:
    """Show how far cooperation between A and B has gone (country codes, e.g. RUS PRK).

    The level reached as asserted fact and the level only signalled (0 none, 1 contact,
    2 agreements, 3 partnership, 4 military cooperation, 5 advanced technology, 6 mutual
    defence, 7 joint combat), the sentences behind each, and every date the level changed.
    `--format json` prints level_asserted, level_signalled, evidence and history.
    """
    from redline.analysis.clustering import cluster_events
    from redline.analysis.dyad import dyad_json, dyad_view
    from redline.analysis.ladder_rules import packaged_ladder
    from redline.analysis.series import conflict_cooperation_series
    from redline.redlines.playbook import configured_playbook
    from redline.redlines.service import stored_reports, successors
    from redline.store import open_store

    pair = (first.upper(), second.upper())
    day = at.date() if at else date.today()
    points: list[SeriesPoint] = []
    try:
        store = open_store(db_url)
        ladder = packaged_ladder()
        view = dyad_view(stored_reports(store, [pair]), pair, day, ladder, successors())
        play = configured_playbook(playbook_path).for_level(view.state.asserted)
        if series:
            everything = stored_reports(store)
            outlets = {r.event.evidence.doc_id: r.outlets for r in everything}
            clusters = cluster_events([r.event for r in everything], lambda d: outlets.get(d, ()))
            # The series covers the span of the news itself, up to --at.
            news_start = min((r.published for r in everything if r.published), default=None)
            points = conflict_cooperation_series(
                clusters, pair, series, since=news_start, until=day
            )
    except RedlineError as exc:
        raise fail(exc) from exc
    if fmt == "json":
        out = dyad_json(view, ladder)
        out["responses"] = list(play.responses) if play else []
        if series:
            out["series"] = [_point_json(p) for p in points]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        _print(Console(), view, ladder, points, play)


def _print(
    console: Console,
    view: DyadView,
    ladder: Ladder,
    points: Sequence[SeriesPoint],
    play: Play | None,
) -> None:
    state = view.state
    console.rule(f"[bold]{view.pair[0]} - {view.pair[1]} on {view.at.isoformat()}")
    console.print(f"Level reached (asserted): [bold]{ladder.name(state.asserted)}[/]")
    console.print(f"Level signalled:          [bold]{ladder.name(state.signalled)}[/]")
    console.print(_items_table("Evidence", [*state.asserted_by, *state.signalled_by]))
    if state.lapses:
        console.print(
            _items_table(f"Lapses ({len(state.ended)} earlier commitments ended)", state.lapses)
        )
    history = Table(title="History")
    for name in ("date", "asserted", "signalled", "moved by"):
        history.add_column(name, overflow="fold")
    for change in view.history:
        kinds = Counter(i.description.split(":")[0] for i in change.items)
        movers = "; ".join(f"{k} ({n} reports)" if n > 1 else k for k, n in sorted(kinds.items()))
        history.add_row(
            change.date.isoformat(), f"L{change.asserted}", f"L{change.signalled}", movers
        )
    console.print(history)
    if points:
        console.print(_series_table(points))
    if play:
        console.print(f"[bold]Playbook ({play.label or ladder.name(play.at_least)}):[/]")
        for response in play.responses:
            console.print(f"  - {response}", highlight=False)


def _point_json(point: SeriesPoint) -> dict[str, Any]:
    out = asdict(point)
    out["start"] = point.start.isoformat()
    out["net"] = point.net
    return out


def _items_table(title: str, items: Sequence[LadderEvidence]) -> Table:
    table = Table(title=title)
    for name in ("date", "level", "status", "what", "evidence"):
        table.add_column(name, overflow="fold")
    for item in items:
        text = item.evidence.text.strip()
        table.add_row(
            item.date.isoformat(),
            f"L{item.level}",
            item.status.value,
            item.description,
            text if len(text) <= 160 else text[:157] + "...",
        )
    return table


def _series_table(points: Sequence[SeriesPoint]) -> Table:
    table = Table(title="Conflict-cooperation series (asserted events, each counted once)")
    for name in ("period", "events", "cooperation", "conflict", "news volume", "net/event", "z"):
        table.add_column(name, justify="right")
    for p in points:
        change = "" if p.change is None else f"{p.change:+.2f}" + (" !" if p.flagged else "")
        table.add_row(
            p.period,
            str(p.events),
            f"{p.cooperation:.1f}",
            f"{p.conflict:.1f}",
            str(p.volume),
            "" if p.normalised is None else f"{p.normalised:+.3f}",
            change,
        )
    return table
