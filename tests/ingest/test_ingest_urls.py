"""http(s) sources, served from a temporary directory by a local http.server.

The server is on 127.0.0.1, so every fetch here passes ``allow_private=True`` (LOCAL); what is
refused without it is in test_ingest_fetch_safety.py.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from redline.ingest import IngestLimits, IngestProblem
from redline.models import Document

Collect = Callable[..., tuple[list[Document], list[IngestProblem]]]
WebRoot = tuple[Path, str]
LOCAL = IngestLimits(allow_private=True)

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Envoys meet in Vladivostok | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2024-06-18T06:00:00Z">
</head><body><nav><a href="/">Front page</a></nav><article><h1>Envoys meet in Vladivostok</h1>
<p>Envoys from both countries met in Vladivostok on Tuesday to prepare the summit, the foreign
ministry said in a statement released in the evening.</p>
<p>The statement said the sides discussed transport links and a new bridge across the river.</p>
</article></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Harbour Wire</title><link>http://example.org/</link><description>d</description>
<item><title>Summit set</title><link>/news/1</link>
<description>The summit was set for Wednesday.</description>
<pubDate>Mon, 17 Jun 2024 09:00:00 GMT</pubDate></item>
<item><title>Ships arrive</title><link>http://example.org/news/2</link>
<description>&lt;p&gt;Two ships arrived in port.&lt;/p&gt;</description>
<pubDate>Tue, 18 Jun 2024 09:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_url_html_page(web_root: WebRoot, collect: Collect) -> None:
    root, base = web_root
    (root / "envoys.html").write_text(PAGE, encoding="utf-8")
    url = f"{base}/envoys.html"
    [doc], problems = collect([url], LOCAL)
    assert problems == []
    assert doc.origin == url and doc.url == url
    assert doc.title == "Envoys meet in Vladivostok"
    assert doc.body.startswith("Envoys from both countries met")
    assert doc.source == "Harbour Times"
    assert doc.published_at == datetime(2024, 6, 18, tzinfo=UTC)


def test_url_rss_feed(web_root: WebRoot, collect: Collect) -> None:
    root, base = web_root
    (root / "wire.rss").write_text(RSS, encoding="utf-8")
    (root / "feed").write_text(RSS, encoding="utf-8")  # text/plain, no extension: sniffed
    for url in (f"{base}/wire.rss", f"{base}/feed"):
        documents, problems = collect([url], LOCAL)
        assert problems == []
        assert [doc.origin for doc in documents] == [f"{url}#entry1", f"{url}#entry2"]
        assert [doc.source for doc in documents] == ["Harbour Wire", "Harbour Wire"]
        assert documents[0].url == f"{base}/news/1"  # relative link resolved against the feed
        assert documents[1].body == "Two ships arrived in port."


def test_url_failures(web_root: WebRoot, collect: Collect) -> None:
    root, base = web_root
    (root / "big.txt").write_text("word " * 1_000, encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing, big = f"{base}/missing.html", f"{base}/big.txt"
    image, disguised = f"{base}/image.png", f"{base}/image.txt"
    limits = IngestLimits(max_bytes=1_000, allow_private=True)
    documents, problems = collect([missing, big, image, disguised], limits)
    assert documents == []
    assert [(p.origin, p.reason) for p in problems] == [
        (missing, "HTTP 404 File not found"),
        (big, "response too large (5.0 kB > 1.0 kB limit; raise it with --max-bytes)"),
        (
            image,
            "content type 'image/png' is not read; expected HTML, XHTML, RSS/Atom/XML, "
            "plain text or JSON Lines",
        ),
        (disguised, "binary response, not text"),
    ]


def test_url_timeout(collect: Collect) -> None:
    with socket.socket() as listener:  # accepts connections, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
        documents, [problem] = collect([url], IngestLimits(fetch_timeout=0.3, allow_private=True))
    assert documents == []
    assert problem.origin == url and "timed out" in problem.reason


def test_redirects_are_checked(web_root: WebRoot, redirector: str, collect: Collect) -> None:
    root, base = web_root
    (root / "envoys.html").write_text(PAGE, encoding="utf-8")
    followed = f"{redirector}/to/{base}/envoys.html"
    to_ftp = f"{redirector}/to/ftp://127.0.0.1/feed.xml"
    to_file = f"{redirector}/to/file:///etc/passwd"
    documents, problems = collect([followed, to_ftp, to_file], LOCAL)
    assert [doc.origin for doc in documents] == [followed]
    assert [(p.origin, p.severity) for p in problems] == [(to_ftp, "error"), (to_file, "error")]
    assert problems[0].reason == (
        "redirect to ftp://127.0.0.1/feed.xml refused: "
        "unsupported URL scheme 'ftp'; only http and https"
    )
    assert problems[1].reason == (
        "redirect to file:///etc/passwd refused: unsupported URL scheme 'file'; only http and https"
    )


def test_url_checks_before_any_request(collect: Collect, audit_log: Any) -> None:
    documents, problems = collect(["file:///etc/passwd", "http:///no-host", "", "   "])
    assert documents == []
    assert [p.reason for p in problems] == [
        "unsupported URL scheme 'file'; only http and https",
        "URL has no host",
        "empty path or URL",
        "empty path or URL",
    ]
    assert [event for event in audit_log.events if event[0] != "open"] == []
