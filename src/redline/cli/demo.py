"""`redline demo`: ingest the bundled Russia-DPRK corpus into a fresh database and explain it."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from redline.cli.common import fail, settings
from redline.errors import RedlineError
from redline.models import Event, Modality
from redline.redlines.alerts import Alert

PAIR = ("RUS", "PRK")


def demo_corpus() -> Path:
    """The directory of the bundled demo articles."""
    return Path(str(resources.files("redline").joinpath("data/demo")))


def default_demo_url() -> tuple[str, Path]:
    """A throw-away SQLite file for the demo, beside the user's main database (`data_dir`)."""
    path = settings().resolved_data_dir() / "demo.db"
    return f"sqlite:///{path}", path


def explanation(db_url: str) -> str:
    """What the demo printed, and what to try next: the dashboard, a rule, your own news."""
    from redline.cli.main import COMMANDS

    db = f"--db {db_url}"
    steps = [
        ("Read the alerts, each with its sentences and the playbook", f"redline alerts {db}"),
        (
            "See the cooperation ladder of the pair on a date, and why",
            f"redline dyad RUS PRK --at 2024-06-20 {db}",
        ),
        (
            "Only what was reported as fact",
            f"redline events --pair RUS PRK --modality asserted {db}",
        ),
    ]
    if "serve" in COMMANDS:
        steps.append(
            (
                "Open the dashboard in your browser (http://127.0.0.1:8321/)",
                f"redline serve {db}",
            )
        )
    steps += [
        (
            "Write your own red line: `redline init` writes config.toml, redlines.yaml and "
            "playbook.yaml into your config folder; add a rule to redlines.yaml and set "
            'rules = "redlines.yaml" in config.toml',
            f"redline init        (then, after editing)   redline redlines check {db}",
        ),
        (
            "Code your own news: a folder of text/Markdown/HTML/JSONL files, a feed or a URL",
            "redline ingest ./my-articles/   (or: redline ingest https://example.org/feed.xml)",
        ),
    ]
    if "watch" in COMMANDS:
        steps.append(("Follow a feed and be told when an alert changes", "redline watch FEED-URL"))
    lines = [
        "",
        "[bold]What you are looking at:[/] every row is one event coded from one sentence: "
        "who did what to whom, when, and how the article presents it: [italic]asserted[/] "
        "(reported as fact), [italic]scheduled[/], [italic]speculated[/], [italic]conditional"
        "[/], [italic]negated[/], [italic]denied[/] or [italic]historical[/]. The speculation "
        "before Putin's visit stays speculation; the signing is fact. The red lines above are "
        "rules over those events: an alert is [italic]signalled[/] when the step is announced "
        "or speculated, [italic]crossed[/] when a report asserts it as fact, and "
        "[italic]confirmed[/] when the published text or independent outlets bear it out.",
        f"The events and alerts are stored in {db_url}.",
        "The tutorial in docs/tutorial.md follows this case step by step.",
        "[bold]Try next:[/]",
    ]
    for number, (what, command) in enumerate(steps, 1):
        lines.append(f"  {number}. {what}:\n       {command}")
    return "\n".join(lines)


def pair_timeline(events: list[Event], title: str, reported: dict[str, str]) -> Table:
    """Events in date order, one line each, the evidence cut to fit the terminal."""
    table = Table(title=title, show_lines=False, expand=True)
    table.add_column("reported", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("who", no_wrap=True)
    table.add_column("modality", no_wrap=True)
    table.add_column("evidence", no_wrap=True, overflow="ellipsis", ratio=1)
    for event in events:
        who = f"{event.source.country or event.source.code}->"
        who += (event.target.country or event.target.code) if event.target else "-"
        table.add_row(
            reported.get(event.evidence.doc_id, ""),
            event.date.value.isoformat() if event.date.value else "?",
            event.type,
            who,
            event.modality.value,
            event.evidence.text,
        )
    return table


def alert_lines(alerts: list[Alert]) -> list[str]:
    """One line per red-line alert: its state and the date of each transition."""
    lines = []
    for alert in alerts:
        steps = [
            f"{name} {day.isoformat()}"
            for name, day in (
                ("signalled", alert.signalled_on),
                ("crossed", alert.crossed_on),
                ("confirmed", alert.confirmed_on),
            )
            if day is not None
        ]
        lines.append(
            f"  [bold]{alert.rule}[/] {'-'.join(alert.pair)} [bold]{alert.state.value}[/]: "
            + ", ".join(steps)
            + f" ({alert.sources} outlets)"
        )
    return lines or ["  no red line touched"]


def treaty_story(events: list[Event]) -> list[Event]:
    """The reports about the 2024 pact itself, in date order."""
    words = ("treaty", "pact", "article 4")
    return [
        e
        for e in events
        if e.type in ("AGREE", "SUPPORT")
        and e.date.value is not None
        and e.date.value.year == 2024
        and any(word in e.evidence.text.lower() for word in words)
    ]


@click.command()
@click.option(
    "--db",
    "db_url",
    metavar="URL",
    help="Database URL to ingest into. Default: a fresh demo.db in the `data_dir` setting, else "
    "your user data directory (recreated on every run; your main database is not touched).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=25,
    show_default=True,
    help="Rows of the Russia-DPRK timeline to print.",
)
def demo(db_url: str | None, limit: int) -> None:
    """Ingest the bundled Russia-DPRK demo corpus and print what redline found.

    The corpus is 30-odd short articles written for redline from the public record of
    2023-2025: the Vostochny summit, the munitions deliveries, Putin's June 2024 visit to
    Pyongyang and the Comprehensive Strategic Partnership treaty, and the troop deployment.
    """
    from redline.cli.ingest import print_report, run_ingest
    from redline.redlines.repository import AlertRepository
    from redline.store import EventFilter, open_store

    console = Console()
    if db_url is None:
        db_url, path = default_demo_url()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    try:
        report = run_ingest((str(demo_corpus()),), db_url, settings().max_bytes)
        store = open_store(db_url)
        pair_events = store.events(EventFilter(pair=PAIR))
        everything = store.events()
        alerts = AlertRepository(store.engine).alerts()
    except RedlineError as exc:
        raise fail(exc) from exc
    console.rule("[bold]redline demo")
    print_report(report, console)
    by_modality = Counter(e.modality.value for e in everything)
    console.print(
        "Events by modality: "
        + ", ".join(f"{m.value} {by_modality.get(m.value, 0)}" for m in Modality)
    )
    console.print("\n[bold]Red lines (Seoul's, as described in June 2024):[/]")
    for line in alert_lines(alerts):
        console.print(line, highlight=False, soft_wrap=True)
    reported = {d.id: d.published_at.date().isoformat() for d in store.documents()}
    story = treaty_story(pair_events)
    console.print(pair_timeline(story, "The 2024 pact, as reported", reported))
    console.print(pair_timeline(pair_events[:limit], "Russia - North Korea: every event", reported))
    if len(pair_events) > limit:
        console.print(
            f"... {len(pair_events) - limit} more: redline events --pair RUS PRK --db {db_url}",
            soft_wrap=True,
        )
    console.print(explanation(db_url), highlight=False, soft_wrap=True)
