"""`redline treaty diff A B`: two treaties' provisions side by side."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from redline.cli.common import db_option, fail
from redline.cli.provisions import read_source
from redline.errors import RedlineError
from redline.treaties.diff import DiffRow, DiffStatus, TreatyDiff

_STYLE = {
    DiffStatus.ADDED: "green",
    DiffStatus.REMOVED: "red",
    DiffStatus.CHANGED: "yellow",
    DiffStatus.SAME: "",
}


def _side(row: DiffRow, before: bool) -> str:
    from redline.treaties.export import describe

    found = row.before if before else row.after
    if not found:
        return "-"
    articles = ", ".join(p.article or "?" for p in found)
    detail = describe(found[0])
    return f"Art. {articles}" + (f" ({detail})" if detail else "")


def diff_table(diff: TreatyDiff, rows: list[DiffRow], names: tuple[str, str]) -> Table:
    """The diff as a table: type, status, each treaty's articles and attributes, changes."""
    from redline.treaties.export import change_text

    table = Table(show_lines=False, caption=f"A: {diff.before.title}\nB: {diff.after.title}")
    table.add_column("type")
    table.add_column("status")
    table.add_column(f"A {names[0]}", overflow="fold")
    table.add_column(f"B {names[1]}", overflow="fold")
    table.add_column("changes", overflow="fold")
    for row in rows:
        changes = "; ".join(change_text(c) for c in row.changes)
        style = _STYLE[row.status]
        status = f"[{style}]{row.status.value}[/]" if style else row.status.value
        table.add_row(row.type.value, status, _side(row, True), _side(row, False), changes)
    return table


@click.group()
def treaty() -> None:
    """Treaty texts: compare their provisions clause by clause."""


@treaty.command()
@click.argument("before", metavar="A", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("after", metavar="B", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--changes-only", is_flag=True, help="Leave out provisions that are the same.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def diff(before: Path, after: Path, changes_only: bool, fmt: str) -> None:
    """Compare treaty A (earlier) with treaty B (later), most important provisions first.

    Rows are ordered by provision type (DEFENSE, OFFENSE, NEUTRALITY, NONAGGRESSION,
    CONSULTATION, MILITARY_AID, TECH_TRANSFER, ...) and, within a type, added, removed,
    changed (automatic, conditions, crisis, domain), same. `--format jsonl` prints one object
    per row: type, status, before, after (provision lists) and changes.
    """
    from redline.treaties.coder import code_treaty
    from redline.treaties.diff import diff_treaties
    from redline.treaties.export import diff_row_json

    try:
        result = diff_treaties(
            code_treaty(read_source(str(before)), title=before.stem),
            code_treaty(read_source(str(after)), title=after.stem),
        )
    except RedlineError as exc:
        raise fail(exc) from exc
    rows = [r for r in result.rows if not (changes_only and r.status is DiffStatus.SAME)]
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(diff_row_json(row), ensure_ascii=False))
    else:
        Console().print(diff_table(result, rows, (before.name, after.name)))


@treaty.command("list")
@click.option("--pair", nargs=2, metavar="A B", help="Only the treaties of A and B.")
@db_option
@click.option(
    "--texts",
    "texts_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A folder of treaty texts (*.md with front matter) to merge in.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def list_treaties(
    pair: tuple[str, str] | None, db_url: str | None, texts_dir: Path | None, fmt: str
) -> None:
    """Treaties of the stored news events (and of --texts) with each lifecycle stage and date.

    Stages: rumoured, negotiated, signed, ratified, in_force, then lapsed, terminated or
    superseded. Many articles reporting one treaty make one treaty; a newer treaty of the pair
    entering into force supersedes an older one still in force.
    """
    from redline.redlines.service import successors
    from redline.store import EventFilter, open_store
    from redline.treaties.coder import code_treaty
    from redline.treaties.lifecycle import build_treaties

    types = ("AGREE", "SUPPORT", "SANCTION", "CONSULT")
    try:
        store = open_store(db_url)
        events = store.events(EventFilter(pair=pair or None, types=types))
        texts = [
            code_treaty(path.read_text("utf-8"), title=path.stem)
            for path in sorted(texts_dir.glob("*.md") if texts_dir else ())
        ]
    except RedlineError as exc:
        raise fail(exc) from exc
    found = build_treaties(texts, events, successors())
    if pair:
        codes = {successors().get(c.upper(), c.upper()) for c in pair}
        found = [t for t in found if {successors().get(p, p) for p in t.parties} == codes]
    if fmt == "json":
        rows = [
            {
                "key": t.key,
                "parties": list(t.parties),
                "title": t.title,
                "stages": {
                    s.value: {
                        "date": r.date.isoformat(),
                        "evidence": [{"doc_id": e.doc_id, "text": e.text} for e in r.evidence],
                    }
                    for s, r in t.stages.items()
                },
                "provisions": len(t.provisions),
                "supersedes": t.supersedes,
            }
            for t in found
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(show_lines=False)
    for column in ("key", "title", "stages", "supersedes"):
        table.add_column(column, overflow="fold")
    for t in found:
        stages = ", ".join(f"{s.value} {r.date.isoformat()}" for s, r in t.stages.items())
        table.add_row(t.key, t.title, stages, t.supersedes or "-")
    Console().print(table)
