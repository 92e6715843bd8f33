"""Importing event datasets: rows become documents and events in the store, with provenance.

An imported row has no article text redline could re-read, so each row (or each cited
document, for redline's own exports) becomes a *synthetic document*: its body is a
description of the row (dataset, row id, actors, codes and the dataset's own figures), its
`source` the outlet, its `url` the source URL and its `origin` the dataset, file and line.
The event's evidence is the first line of that body. Nothing is stored outside the existing
tables, so the ladder, red lines and exports read imported events like coded ones.

A row that cannot be read is reported with its file and line and skipped; the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.exc import SQLAlchemyError

from redline.ingest.document import clean_text
from redline.models import Document, Event
from redline.store import Store
from redline.store.records import copy_row, document_row, event_row
from redline.store.repository import COPY_KEY
from redline.store.schema import document_copies, documents, events
from redline.store.upsert import insert_all_new


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """A row that was not imported, and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


class RowError(ValueError):
    """Raised by a format's row reader: the row is skipped and reported with its line."""


@dataclass(frozen=True, slots=True)
class ImportedItem:
    """One document with its events and every outlet that carried it."""

    document: Document
    events: tuple[Event, ...]
    outlets: tuple[str, ...] = ()
    line: int = 0


@dataclass
class ImportReport:
    """What an import did."""

    rows: int = 0
    documents: int = 0
    events: int = 0
    problems: list[ImportProblem] = field(default_factory=list)


def synthetic_document(
    dataset: str,
    row_id: str,
    summary: str,
    details: Sequence[tuple[str, object]],
    *,
    url: str | None,
    outlet: str | None,
    published: datetime,
    origin: str,
) -> Document:
    """The document standing for one imported row.

    The body (and so the id) depends on the row's content, not on the file it came from: the
    same row imported again, from any file, is the same document.
    """
    lines = [summary, f"dataset: {dataset}", f"row: {row_id}"]
    lines += [f"{k}: {v}" for k, v in details if v not in (None, "")]
    body = "\n".join(lines)
    return Document(
        id=Document.content_id(body),
        body=body,
        title=f"{dataset} event {row_id}",
        source=outlet or (host(url) if url else "") or dataset,
        published_at=published,
        url=url or None,
        origin=origin,
    )


def host(url: str) -> str:
    """The outlet a URL belongs to: its host without `www.`."""
    name = urlsplit(url.strip()).hostname or ""
    return name.removeprefix("www.")


def day_moment(day: date) -> datetime:
    """Midnight UTC of a day (a dataset that gives only the date of publication)."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def parse_day(text: str, what: str) -> date:
    """A date from YYYYMMDD or YYYY-MM-DD, or a `RowError` naming the field."""
    value = text.strip()
    try:
        if len(value) == 8 and value.isdigit():
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise RowError(f"{what} {value!r} is not a date (YYYYMMDD or YYYY-MM-DD)") from exc


def save_items(store: Store, items: Sequence[ImportedItem]) -> tuple[int, int]:
    """Store documents, their copies and their events in one transaction.

    Returns the new documents and new events. Unlike `Store.save`, events are added to a
    document that is already stored: an import that adds rows citing a known document
    extends it instead of being dropped.
    """
    docs: dict[str, dict[str, object]] = {}
    copies: dict[tuple[str, str, str], dict[str, object]] = {}
    rows: dict[str, dict[str, object]] = {}
    for item in items:
        docs.setdefault(item.document.id, document_row(item.document))
        for outlet in dict.fromkeys((item.document.source, *item.outlets)):
            copy = copy_row(item.document) | {"source": outlet}
            copies.setdefault((item.document.id, outlet, item.document.origin), copy)
        rows.update((e.id, event_row(e)) for e in item.events)
    with store.engine.begin() as conn:
        docs_before = _count(conn, documents, list(docs))
        insert_all_new(conn, documents, ["id"], list(docs.values()))
        insert_all_new(conn, document_copies, COPY_KEY, list(copies.values()))
        before = _count(conn, events, list(rows))
        insert_all_new(conn, events, ["id"], list(rows.values()))
        new_docs = _count(conn, documents, list(docs)) - docs_before
        return new_docs, _count(conn, events, list(rows)) - before


def _count(conn: Connection, table: Table, ids: list[str]) -> int:
    if not ids:
        return 0
    query = select(func.count()).select_from(table).where(table.c.id.in_(ids))
    return int(conn.execute(query).scalar_one())


def decoded_lines(path: Path) -> Iterator[tuple[int, str | ImportProblem]]:
    """The file's non-blank lines, numbered from 1; a line that is not UTF-8 is a problem.

    Decoding line by line keeps one bad byte from costing the rest of the file.
    """
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                reason = f"not UTF-8 text ({exc.reason} at column {exc.start + 1})"
                yield number, ImportProblem(str(path), number, reason)
                continue
            if number == 1:
                line = line.removeprefix("\ufeff")
            if line.strip():
                yield number, clean_text(line)


Reader = Callable[[Path], Iterator[ImportedItem | ImportProblem]]
BATCH = 500  # rows per transaction


def import_files(
    paths: Iterable[Path],
    reader: Reader,
    store: Store,
    on_row: Callable[[], None] = lambda: None,
) -> ImportReport:
    """Read every file with `reader` and store what it yields; problems are collected.

    Rows are stored in transactions of `BATCH`; a file that cannot be opened is reported and
    the next one goes on.
    """
    report = ImportReport()
    for path in paths:
        batch: list[ImportedItem] = []
        try:
            for item in reader(path):
                on_row()
                if isinstance(item, ImportProblem):
                    report.problems.append(item)
                    continue
                report.rows += 1
                batch.append(item)
                if len(batch) >= BATCH:
                    _flush(store, path, batch, report)
        except OSError as exc:
            report.problems.append(ImportProblem(str(path), 0, f"cannot read the file: {exc}"))
        except UnicodeDecodeError as exc:
            reason = f"not UTF-8 text ({exc.reason} at byte {exc.start})"
            report.problems.append(ImportProblem(str(path), 0, reason))
        _flush(store, path, batch, report)
    return report


def _flush(store: Store, path: Path, batch: list[ImportedItem], report: ImportReport) -> None:
    """Save a batch; if the store refuses it, save row by row and report the refused rows."""
    if not batch:
        return
    try:
        saved = [save_items(store, batch)]
    except SQLAlchemyError:
        saved = []
        for item in batch:
            try:
                saved.append(save_items(store, [item]))
            except SQLAlchemyError as exc:
                reason = str(getattr(exc, "orig", exc)).strip().splitlines() or ["?"]
                problem = ImportProblem(
                    str(path), item.line, f"the store refused the row: {reason[0]}"
                )
                report.problems.append(problem)
                report.rows -= 1
    for docs, added in saved:
        report.documents += docs
        report.events += added
    batch.clear()
