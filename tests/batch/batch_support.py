"""Archives with good and malformed inputs, and store snapshots to compare runs by."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, text

from redline.cli.demo import demo_corpus
from redline.ingest import iter_sources
from redline.models import Document

# Demo articles copied as files; 13 and 14 carry the same text under two outlets (a copy).
FILES = ("01", "02", "06", "07", "13", "14", "16", "21")
# Demo articles written as JSON Lines records.
RECORDS = ("03", "04", "05", "08")


def demo_documents(prefixes: tuple[str, ...]) -> list[Document]:
    """The demo documents whose file names start with `prefixes`, in that order."""
    paths = sorted(p for p in demo_corpus().iterdir() if p.name[:2] in prefixes)
    return [d for d in iter_sources([str(p) for p in paths]) if isinstance(d, Document)]


def record(doc: Document) -> dict[str, Any]:
    """A document as a JSON Lines / Parquet record of the ingest format."""
    return {
        "title": doc.title,
        "text": doc.body,
        "date": doc.published_at.isoformat(),
        "source": doc.source,
        "source_country": doc.source_country,
        "url": doc.url,
    }


def make_archive(root: Path) -> Path:
    """An archive: text files in a sub-folder, a JSON Lines file with two bad lines, a binary."""
    archive = root / "archive"
    news = archive / "news"
    news.mkdir(parents=True)
    for path in sorted(demo_corpus().iterdir()):
        if path.name[:2] in FILES:
            shutil.copy(path, news / path.name)
    lines = [json.dumps(record(d)) for d in demo_documents(RECORDS)]
    lines.insert(1, '{"title": "broken", "text": ')  # line 2: invalid JSON
    lines.insert(3, json.dumps({"title": "no text here"}))  # line 4: no text
    (archive / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (archive / "scan.md").write_bytes(b"\x00\x01\x02\x03binary\x00" * 40)
    return archive


def snapshot(url: str) -> dict[str, Any]:
    """What a store holds, in a comparable form: documents, copies, events and alerts."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            state: dict[str, Any] = {
                "documents": _rows(conn, "SELECT id, title, body, source, origin FROM documents"),
                "copies": _rows(conn, "SELECT doc_id, source, origin FROM document_copies"),
                "events": _rows(conn, "SELECT * FROM events"),
            }
            if "alerts" in tables:
                state["alerts"] = _rows(conn, "SELECT id, state, fingerprint FROM alerts")
    finally:
        engine.dispose()
    return state


def _rows(conn: Any, query: str) -> list[tuple[Any, ...]]:
    """Rows as tuples of strings: raw SQL gives SQLite dates as text, PostgreSQL's as dates."""
    rows = (tuple(None if v is None else str(v) for v in row) for row in conn.execute(text(query)))
    return sorted(rows, key=repr)
