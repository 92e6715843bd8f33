"""JSON Lines: one document per line; bad lines reported with their number."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from redline.ingest import IngestProblem
from redline.models import Document

Collect = Callable[..., tuple[list[Document], list[IngestProblem]]]


def _line(**fields: object) -> str:
    return json.dumps(fields)


def test_jsonl_with_a_bad_line(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        _line(
            id="x1",
            text="The presidential office warned Moscow not to cross the line.",
            title="Seoul warns Moscow",
            date="2024-06-18",
            source="Example Wire",
            source_country="kor",
            url="https://wire.example.org/a1",
        ),
        '{"text": "unterminated',
        "",
        _line(body="The two leaders signed a treaty.", published_at="2024-06-19T12:00:00Z"),
        _line(title="no body here", date="2024-06-19"),
        "[1, 2, 3]",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents, problems = collect([path])
    assert [doc.origin for doc in documents] == [f"{path}:1", f"{path}:4"]
    first, second = documents
    assert first.title == "Seoul warns Moscow"
    assert first.source_country == "KOR"
    assert first.published_at == datetime(2024, 6, 18, tzinfo=UTC)
    assert first.id == Document.content_id(first.body) != "x1"
    assert second.body == "The two leaders signed a treaty."
    assert second.title == second.body
    assert second.source == "unknown"
    assert second.published_at == datetime(2024, 6, 19, 12, tzinfo=UTC)
    assert [str(p) for p in problems] == [
        f"{path}:2: invalid JSON: Unterminated string starting at (column 10)",
        f"{path}:5: no 'text' or 'body' field with text",
        f"{path}:6: expected a JSON object, got list",
    ]
    assert {p.severity for p in problems} == {"error"}


def test_jsonl_bad_fields(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "fields.ndjson"
    lines = [
        _line(text="Text one.", date="yesterday"),
        _line(text="Text two.", title=42),
        _line(text="Text three."),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    [doc], problems = collect([path])
    assert doc.origin == f"{path}:3"
    assert [(p.origin, p.severity) for p in problems] == [
        (f"{path}:1", "error"),
        (f"{path}:2", "error"),
        (f"{path}:3", "warning"),
    ]
    assert "bad date 'yesterday'" in problems[0].reason
    assert "'title' must be a string" in problems[1].reason
