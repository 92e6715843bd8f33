"""Bad files are reported, not raised: binary, empty, not UTF-8, too large, unreadable."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from redline.ingest import IngestLimits, IngestProblem
from redline.ingest.limits import too_large_reason
from redline.models import Document

Collect = Callable[..., tuple[list[Document], list[IngestProblem]]]

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def _opened(audit_log: Any, path: Path) -> list[tuple[str, tuple[Any, ...]]]:
    return [e for e in audit_log.events if e[0] == "open" and str(e[1][0]) == str(path)]


def _only_problem(collect: Collect, path: Path, limits: IngestLimits | None = None) -> str:
    documents, problems = collect([path]) if limits is None else collect([path], limits)
    assert documents == []
    [problem] = problems
    assert problem.origin == str(path) and problem.severity == "error"
    return problem.reason


def test_binary_files(tmp_path: Path, collect: Collect) -> None:
    png = tmp_path / "chart.png"
    png.write_bytes(PNG)
    disguised = tmp_path / "chart.txt"
    disguised.write_bytes(PNG)
    pdf = tmp_path / "report.md"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    for path in (png, disguised, pdf):
        assert _only_problem(collect, path) == "binary file, not text"


def test_empty_and_blank_files(tmp_path: Path, collect: Collect) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.jsonl"
    blank.write_bytes(b"\xef\xbb\xbf \n\t\r\n  ")
    empty_feed = tmp_path / "empty.rss"
    empty_feed.write_bytes(b"\n\n")
    for path in (empty, blank, empty_feed):
        assert _only_problem(collect, path) == "empty file"


def test_latin1_file(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le président a signé le traité.".encode("latin-1"))
    reason = _only_problem(collect, path)
    assert reason == "not UTF-8 text (invalid byte 0xE9 at offset 5); convert it to UTF-8"


def test_utf16_file(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("A treaty was signed.".encode("utf-16"))
    assert _only_problem(collect, path).startswith("not UTF-8 text (UTF-16")


def test_over_limit_refused_before_reading(
    tmp_path: Path, collect: Collect, audit_log: Any
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1_000, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("word " * 100, encoding="utf-8")
    audit_log.events.clear()
    reason = _only_problem(collect, path, IngestLimits(max_bytes=1_000))
    assert reason == "file too large (5.0 kB > 1.0 kB limit; raise it with --max-bytes)"
    assert _opened(audit_log, path) == []
    [_], _ = collect([small], IngestLimits(max_bytes=1_000))
    assert len(_opened(audit_log, small)) == 1  # the audit log does see reads


@pytest.mark.slow
def test_50mb_file_refused_quickly(tmp_path: Path, collect: Collect, audit_log: Any) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        chunk = (b"news " * 209_716)[: 1024 * 1024]
        for _ in range(50):
            handle.write(chunk)
    assert path.stat().st_size == 50 * 1024 * 1024
    audit_log.events.clear()
    started = time.perf_counter()
    reason = _only_problem(collect, path)
    elapsed = time.perf_counter() - started
    assert reason == "file too large (52.4 MB > 20.0 MB limit; raise it with --max-bytes)"
    assert elapsed < 1.0
    assert _opened(audit_log, path) == []


def test_missing_file(tmp_path: Path, collect: Collect) -> None:
    missing = tmp_path / "missing.md"
    assert _only_problem(collect, missing) == "No such file or directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "secret.md"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    try:
        assert _only_problem(collect, path) == "Permission denied"
    finally:
        path.chmod(0o600)


def test_fifo_is_not_read(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert _only_problem(collect, path) == "not a regular file"


def test_size_message_in_megabytes() -> None:
    assert too_large_reason("file", 50 * 1024 * 1024, IngestLimits().max_bytes) == (
        "file too large (52.4 MB > 20.0 MB limit; raise it with --max-bytes)"
    )
