"""Text and Markdown files with and without YAML front matter."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from redline.ingest import IngestProblem
from redline.models import Document

Collect = Callable[..., tuple[list[Document], list[IngestProblem]]]

BODY = "The two leaders signed a comprehensive strategic partnership treaty on Wednesday."


def test_full_front_matter(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "treaty.md"
    path.write_text(
        "---\n"
        "title: Leaders sign partnership treaty\n"
        "date: 2024-06-19T08:30:00+09:00\n"
        "source: Example Wire\n"
        "source_country: kor\n"
        "url: https://wire.example.org/a1\n"
        "---\n\n"
        f"{BODY}\n\n",
        encoding="utf-8",
    )
    documents, problems = collect([path])
    assert problems == []
    [doc] = documents
    assert doc.title == "Leaders sign partnership treaty"
    assert doc.published_at == datetime(2024, 6, 19, 8, 30, tzinfo=timezone(timedelta(hours=9)))
    assert doc.source == "Example Wire"
    assert doc.source_country == "KOR"
    assert doc.url == "https://wire.example.org/a1"
    assert doc.body == BODY
    assert doc.id == doc.content_id(BODY)
    assert doc.origin == str(path)
    assert doc.language == "en"
    assert doc.fetched_at is not None and doc.fetched_at.tzinfo is not None


def test_partial_front_matter_falls_back_with_warnings(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "putin-visit_2024.md"
    path.write_text(f"---\nsource_country: RUS\n---\n{BODY}\n", encoding="utf-8")
    mtime = datetime(2024, 6, 20, 12, 0, tzinfo=UTC)
    os.utime(path, (mtime.timestamp(), mtime.timestamp()))
    documents, problems = collect([path])
    [doc] = documents
    assert doc.title == "putin visit 2024"
    assert doc.published_at == mtime
    assert doc.source == "unknown"
    assert doc.source_country == "RUS"
    assert [p.severity for p in problems] == ["warning", "warning"]
    assert all(p.origin == str(path) for p in problems)
    assert "'title'" in problems[0].reason and "'date'" in problems[1].reason


def test_naive_date_is_utc(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: A\ndate: 2024-06-19 10:15\n---\n{BODY}", encoding="utf-8")
    [doc], problems = collect([path])
    assert problems == []
    assert doc.published_at == datetime(2024, 6, 19, 10, 15, tzinfo=UTC)


def test_markdown_without_header(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "notes.markdown"
    text = f"# Visit\n\n{BODY}\n\n---\n\nMore text.\n"
    path.write_text(text, encoding="utf-8")
    [doc], problems = collect([path])
    assert doc.body == text.strip()
    assert doc.title == "notes"
    assert {p.severity for p in problems} == {"warning"}
    assert len(problems) == 2


def test_bad_yaml_reports_line(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: fine\nsource: [unclosed\n---\nText.\n", encoding="utf-8")
    documents, [problem] = collect([path])
    assert documents == []
    assert problem.severity == "error"
    assert problem.origin == str(path)
    assert "invalid YAML front matter at line" in problem.reason


def test_bad_yaml_mapping_line_number(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: a\nsource: b: c\n---\nText.\n", encoding="utf-8")
    _, [problem] = collect([path])
    assert "at line 3" in problem.reason


def test_bad_date_reports_line(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "bad-date.md"
    path.write_text("---\ntitle: T\nsource: S\ndate: 2024-13-45\n---\nText.\n", encoding="utf-8")
    documents, [problem] = collect([path])
    assert documents == []
    assert problem.severity == "error"
    assert "bad date '2024-13-45'" in problem.reason
    assert "line 4" in problem.reason


def test_bad_country_is_an_error(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "c.md"
    path.write_text("---\ntitle: T\ndate: 2024-06-19\nsource_country: Korea\n---\nText.\n")
    documents, [problem] = collect([path])
    assert documents == []
    assert "source_country 'Korea'" in problem.reason


def test_unclosed_header_and_header_only(tmp_path: Path, collect: Collect) -> None:
    unclosed = tmp_path / "unclosed.md"
    unclosed.write_text("---\ntitle: T\nText.\n", encoding="utf-8")
    header_only = tmp_path / "header-only.md"
    header_only.write_text("---\ntitle: T\ndate: 2024-06-19\n---\n\n", encoding="utf-8")
    documents, problems = collect([unclosed, header_only])
    assert documents == []
    assert [p.origin for p in problems] == [str(unclosed), str(header_only)]
    assert "never closed" in problems[0].reason
    assert problems[1].reason == "no text after the front matter"


def test_unknown_key_warns_and_bom_is_accepted(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "bom.txt"
    text = f"---\ntitle: T\ndate: 2024-06-19\ntittle: typo\n---\n{BODY}"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    [doc], [problem] = collect([path])
    assert doc.title == "T"
    assert problem.severity == "warning" and "'tittle'" in problem.reason
