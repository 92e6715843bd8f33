"""What `redline watch` prints per poll: an input failing the same way is named once."""

from __future__ import annotations

from rich.console import Console

from redline.cli.watch import PollPrinter
from redline.ingest import IngestProblem
from redline.watch import PollReport


def test_a_failing_input_is_reported_when_it_starts_failing() -> None:
    console = Console(record=True, width=200)
    printer = PollPrinter(console, quiet=False)
    down = IngestProblem.error("http://feeds.example.org/rss", "connection refused")
    printer(PollReport(problems=[down]))
    printer(PollReport(problems=[down]))
    printer(PollReport(new=1, events=2))
    printer(PollReport(problems=[down]))
    text = console.export_text()
    assert text.count("connection refused") == 2  # first failure, and again after recovering
    assert "1 new documents (2 events)" in text


def test_quiet_prints_only_failures() -> None:
    console = Console(record=True, width=200)
    printer = PollPrinter(console, quiet=True)
    printer(PollReport(new=3, problems=[IngestProblem.error("inbox/a.html", "binary file")]))
    assert console.export_text().strip() == "error inbox/a.html: binary file"
