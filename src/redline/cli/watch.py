"""`redline watch`: poll feeds and folders, raise alerts as reports arrive, notify."""

from __future__ import annotations

import signal
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click
from rich.console import Console

from redline.cli.common import db_option, fail, settings
from redline.cli.redlines import configured_rule_files, rules_option
from redline.errors import RedlineError

if TYPE_CHECKING:
    from redline.watch import PollReport, Watcher


class PollPrinter:
    """One line per poll that did something, and one per input that fails.

    An input failing the same way poll after poll (a feed server down for the night) is
    reported when it starts failing, not at every poll. (A file whose content is bad is read
    again, and reported again, only when it changes.)
    """

    def __init__(self, console: Console, quiet: bool) -> None:
        self.console = console
        self.quiet = quiet
        self.failing: dict[str, str] = {}

    def __call__(self, report: PollReport) -> None:
        """Print what this poll did."""
        now = {p.origin: p.reason for p in report.problems}
        for origin, reason in now.items():
            if self.failing.get(origin) != reason:
                self.console.print(
                    f"[red]error[/] {origin}: {reason}", highlight=False, soft_wrap=True
                )
        self.failing = now
        if self.quiet or not (report.arrived or report.seen or report.notifications):
            return
        self.console.print(
            f"[dim]{report.started:%H:%M:%S}[/] {report.new} new documents ({report.events} "
            f"events), {report.copies} copies, {report.seen} already stored; "
            f"{len(report.notifications)} notifications; {report.seconds:.1f}s",
            highlight=False,
            soft_wrap=True,
        )


def _stop_on_sigterm(watcher: Watcher) -> None:
    """SIGTERM (a service manager stopping the watch) ends it like Ctrl-C: after this poll."""

    def handler(signum: int, frame: FrameType | None) -> None:
        watcher.stop.set()

    signal.signal(signal.SIGTERM, handler)


@click.command()
@click.argument("targets", nargs=-1, required=True, metavar="FEED|DIR...")
@db_option
@rules_option
@click.option("--no-defaults", is_flag=True, help="Leave out the packaged default rules.")
@click.option(
    "--interval",
    type=click.FloatRange(min=0.05),
    help="Seconds between polls. Default: the `watch_interval` setting (300).",
)
@click.option("--once", is_flag=True, help="Poll once, notify, and exit (for cron and tests).")
@click.option("--webhook", "webhook_url", help="POST each notification as JSON to this URL.")
@click.option(
    "--jsonl",
    "jsonl_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append each notification to this JSON Lines file.",
)
@click.option(
    "--email-to",
    multiple=True,
    help="Email each notification to this address (repeatable; needs an SMTP server).",
)
@click.option("--smtp-host", help="SMTP server for --email-to (default: `smtp_host`).")
@click.option("--smtp-port", type=click.IntRange(1, 65535), help="Its port (`smtp_port`).")
@click.option(
    "--throttle",
    help="At most one update per alert per interval (30m, 6h, 0 for none); state changes "
    "always notify. Default: the `notify_throttle` setting (1h).",
)
@click.option("--quiet", is_flag=True, help="No per-poll lines and no terminal notifications.")
@click.option(
    "--allow-private",
    is_flag=True,
    help="Fetch feed URLs on loopback or private addresses (an intranet feed server).",
)
def watch(
    targets: tuple[str, ...],
    db_url: str | None,
    rule_files: tuple[Path, ...],
    no_defaults: bool,
    interval: float | None,
    once: bool,
    webhook_url: str | None,
    jsonl_path: Path | None,
    email_to: tuple[str, ...],
    smtp_host: str | None,
    smtp_port: int | None,
    throttle: str | None,
    quiet: bool,
    allow_private: bool,
) -> None:
    """Watch FEED|DIR... (RSS/Atom URLs or files, folders): code new items, raise alerts.

    Every poll reads what changed since the last one (files by size, time and content hash;
    feeds by the hash of their body), stores and codes the new documents (a stored document is
    never coded twice, a syndicated copy is linked to it), evaluates the red-line rules and
    sends a notification for each alert raised or changed: to the terminal, and to a JSON
    Lines file, a webhook and email when configured (here or in the settings). Each says in one
    line why it fired. Rules' mutes (`redline alerts mute`) and throttles apply; a change of
    state is always sent. A feed or file that cannot be read is reported by name and the watch
    goes on. Ctrl-C stops it after the current document.
    """
    from redline.ingest import IngestLimits
    from redline.notify.config import NotifyOptions, build_notifiers, throttle_of
    from redline.notify.dispatch import Dispatcher
    from redline.pipeline import build_pipeline
    from redline.redlines.rules import load_rules
    from redline.store import open_store
    from redline.watch import Watcher

    console = Console(stderr=True)
    found = settings()
    options = NotifyOptions(
        terminal=not quiet,
        jsonl=jsonl_path,
        webhook_url=webhook_url,
        email_to=email_to,
        smtp_host=smtp_host,
        smtp_port=smtp_port,
        throttle=throttle,
    )
    try:
        rules = load_rules([*configured_rule_files(), *rule_files], defaults=not no_defaults)
        store = open_store(db_url)
        dispatcher = Dispatcher(
            store, build_notifiers(options, found), rules, throttle_of(options, found)
        )
        with console.status("Loading the language model and actor tables..."):
            from redline.cli.common import pipeline_config

            pipeline = build_pipeline(pipeline_config())
    except RedlineError as exc:
        raise fail(exc) from exc
    limits = IngestLimits(max_bytes=found.max_bytes, allow_private=allow_private)
    watcher = Watcher(targets, store, pipeline, rules, dispatcher, limits)
    _stop_on_sigterm(watcher)
    every = interval or float(found.watch_interval)
    if not quiet and not once:
        console.print(f"Watching {len(targets)} inputs every {every:g}s; Ctrl-C stops.")
    try:
        printer = PollPrinter(console, quiet)
        if once:
            printer(watcher.poll())
        else:
            watcher.run(every, printer)
    except KeyboardInterrupt:
        watcher.stop.set()
    finally:
        dispatcher.close()
    if watcher.stop.is_set():
        console.print("Stopped; what was stored is kept.")
