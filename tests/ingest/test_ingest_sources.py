"""iter_sources over directories: dispatch, walking order, dedup keys and language."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from redline.ingest import IngestProblem
from redline.ingest.language import _detector
from redline.models import Document

Collect = Callable[..., tuple[list[Document], list[IngestProblem]]]

ARTICLE = "The foreign ministers met in the capital to discuss economic cooperation."
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><description>First wire story about talks.</description>
<pubDate>Mon, 17 Jun 2024 09:00:00 GMT</pubDate></item></channel></rss>"""
HTML = """<!doctype html><html><head><title>Talks</title>
<meta property="article:published_time" content="2024-06-17"></head><body><article>
<p>The two delegations held talks on trade, energy and transport links for several hours,
and agreed to meet again before the end of the year, officials from both sides said.</p>
</article></body></html>"""


def _dated(body: str) -> str:
    return f"---\ntitle: T\ndate: 2024-06-17\n---\n{body}\n"


def test_directory_with_good_and_bad_files(tmp_path: Path, collect: Collect) -> None:
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "config.md").write_text(_dated("hidden dir"), encoding="utf-8")
    (root / ".draft.md").write_text(_dated("hidden file"), encoding="utf-8")
    (root / "a.md").write_text(_dated(ARTICLE), encoding="utf-8")
    (root / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "sub" / "c.html").write_text(HTML, encoding="utf-8")
    (root / "sub" / "d.txt").write_bytes(b"")
    (root / "sub" / "deeper" / "e.rss").write_text(RSS, encoding="utf-8")
    (root / "sub" / "deeper" / "f.txt").write_bytes("d\xe9j\xe0 vu".encode("latin-1"))
    record = {"text": "A jsonl story about a summit.", "date": "2024-06-17"}
    (root / "sub" / "g.jsonl").write_text(json.dumps(record) + "\n{bad\n", encoding="utf-8")
    (root / "z.unknown").write_text(_dated("Sniffed as text."), encoding="utf-8")

    documents, problems = collect([root])

    assert [doc.origin for doc in documents] == [
        str(root / "a.md"),
        str(root / "sub" / "c.html"),
        str(root / "sub" / "deeper" / "e.rss") + "#entry1",
        str(root / "sub" / "g.jsonl") + ":1",
        str(root / "z.unknown"),
    ]
    assert [(p.origin, p.reason) for p in problems] == [
        (str(root / "b.png"), "binary file, not text"),
        (str(root / "sub" / "d.txt"), "empty file"),
        (
            str(root / "sub" / "deeper" / "f.txt"),
            "not UTF-8 text (invalid byte 0xE9 at offset 1); convert it to UTF-8",
        ),
        (str(root / "sub" / "g.jsonl") + ":2", problems[3].reason),
    ]
    assert problems[3].reason.startswith("invalid JSON")
    assert all(p.severity == "error" for p in problems)
    assert "hidden" not in " ".join(doc.body for doc in documents)


def test_same_content_same_id(tmp_path: Path, collect: Collect) -> None:
    first = tmp_path / "copy-one.md"
    first.write_text(_dated(ARTICLE), encoding="utf-8")
    second = tmp_path / "copy-two.txt"
    second.write_text(f"---\ntitle: Other\ndate: 2024-06-18\n---\n\n  {ARTICLE}  \n\n")
    reflowed = tmp_path / "reflowed.md"
    reflowed.write_text(_dated(ARTICLE.replace(" ", "\n", 3)), encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text(_dated(ARTICLE + " More."), encoding="utf-8")
    documents, problems = collect([first, second, reflowed, other])
    assert problems == []
    ids = [doc.id for doc in documents]
    assert ids[0] == ids[1] == ids[2] != ids[3]


def test_language_detected_offline(tmp_path: Path, collect: Collect, audit_log: Any) -> None:
    _detector.cache_clear()  # load the model inside this test, under the audit log
    german = tmp_path / "de.md"
    german.write_text(
        _dated("Die beiden Staatschefs unterzeichneten am Mittwoch einen umfassenden Vertrag."),
        encoding="utf-8",
    )
    korean = tmp_path / "ko.md"
    korean.write_text(_dated("양국 정상은 포괄적 전략적 동반자 관계 조약에 서명했다."))
    english = tmp_path / "en.md"
    english.write_text(_dated(ARTICLE), encoding="utf-8")
    documents, _ = collect([german, korean, english])
    assert [doc.language for doc in documents] == ["de", "ko", "en"]
    assert _detector() is not None  # the bundled lite model loaded...
    assert [event for event in audit_log.events if event[0] != "open"] == []  # ...offline


def test_targets_mix_and_bad_target(tmp_path: Path, collect: Collect) -> None:
    good = tmp_path / "good.md"
    good.write_text(_dated(ARTICLE), encoding="utf-8")
    documents, problems = collect([good, tmp_path / "nope.md", "ftp://example.org/feed", good])
    assert len(documents) == 2
    assert [p.reason for p in problems] == [
        "No such file or directory",
        "unsupported URL scheme 'ftp'; only http and https",
    ]
