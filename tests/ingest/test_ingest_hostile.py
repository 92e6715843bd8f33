"""Hostile files get a clear refusal in bounded time and memory, before a parser sees them.

Each test names the exact reason, and checks the time (generously: < 10 s) and the peak of
Python-level allocations (tracemalloc) while the input is refused.
"""

from __future__ import annotations

import gzip
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from redline.errors import ConfigError
from redline.ingest import IngestLimits, IngestProblem
from redline.models import Document

Collect = Callable[..., tuple[list[Document], list[IngestProblem]]]
Measured = tuple[list[Document], list[IngestProblem], float, int]

ARTICLE = (
    "<p>The two delegations held talks on trade, energy and transport links for several "
    "hours, and agreed to meet again before the end of the year, officials said.</p>"
)
DEEP = "markup nested more than 256 levels deep (max_nesting_depth); refused before parsing"
ENTITIES = (
    "feed DOCTYPE declares entities (<!ENTITY>); refused, as entity expansion can exhaust "
    "memory (billion laughs)"
)
BOMB = (
    "file decompresses to more than 20.0 MB (max_decompressed_bytes); "
    "refused as a possible compression bomb"
)


def rss(items: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>\n') -> str:
    return f'{prolog}<rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def item(description: str) -> str:
    return (
        f"<item><title>Talks</title><description>{description}</description>"
        "<pubDate>Mon, 17 Jun 2024 09:00:00 GMT</pubDate></item>"
    )


def measure(collect: Collect, path: Path, *, traced: bool = True) -> Measured:
    """Documents, problems, seconds and peak traced bytes (0 untraced) of reading one path."""
    if traced:
        tracemalloc.start()
    try:
        started = time.perf_counter()
        documents, problems = collect([path])
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
    finally:
        tracemalloc.stop()
    return documents, problems, elapsed, peak


def refused(
    collect: Collect, path: Path, max_peak: int = 16_000_000, *, traced: bool = True
) -> str:
    """The one error reading ``path`` gave; it came within 10 s and ``max_peak`` bytes."""
    documents, problems, elapsed, peak = measure(collect, path, traced=traced)
    assert documents == []
    [problem] = problems
    assert problem.origin == str(path) and problem.severity == "error"
    assert elapsed < 10, f"{elapsed:.1f} s"
    assert peak < max_peak, f"{peak / 1e6:.1f} MB"
    return problem.reason


# Deep nesting (100k levels).


def test_deeply_nested_html_refused(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "deep.html"
    path.write_text(f"<html><body>{'<div>' * 100_000}{ARTICLE}</body></html>", encoding="utf-8")
    assert refused(collect, path) == DEEP


def test_deeply_nested_feed_refused(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "deep.rss"
    path.write_text(rss(item("<x>" * 100_000 + "text" + "</x>" * 100_000)), encoding="utf-8")
    assert refused(collect, path) == DEEP


def test_sloppy_but_shallow_html_is_read(tmp_path: Path, collect: Collect) -> None:
    """Unclosed paragraphs and list items, void tags and scripts full of '<' are not depth."""
    sloppy = "<p>Line<br><img src=x.png>" * 2_000 + "<ul>" + "<li>point" * 2_000 + "</ul>"
    script = "<script>" + "if (a<b) { html += '<div>'; }" * 2_000 + "</script>"
    nested = "<div>" * 200 + f"<article>{ARTICLE * 3}</article>" + "</div>" * 200
    path = tmp_path / "sloppy.html"
    path.write_text(f"<html><head>{script}</head><body>{sloppy}{nested}</body></html>")
    documents, _ = collect([path])
    assert len(documents) == 1 and "two delegations" in documents[0].body


# Size.


def test_html_over_the_extraction_limit_refused(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "huge.html"
    path.write_text(f"<html><body>{ARTICLE * 40_000}</body></html>", encoding="utf-8")
    reason = refused(collect, path, max_peak=24_000_000)
    assert reason == "HTML too large to extract (6.5 MB > 5.0 MB max_html_bytes)"


def test_front_matter_over_its_limit_refused(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "long.md"
    path.write_text("---\n" + "key: value\n" * 7_000 + "---\nBody.\n", encoding="utf-8")
    reason = refused(collect, path)
    assert reason == "front matter too large (77.0 kB > 65.5 kB max_front_matter_bytes)"


def test_deeply_nested_front_matter_refused(tmp_path: Path, collect: Collect) -> None:
    """Before: RecursionError escaped iter_sources. Now a cheap scan refuses deep YAML."""
    headers = {
        "flow": "title: " + "[" * 60_000,
        "block": "title:\n" + "- " * 30_000 + "x",
        "indented": "".join(f"{' ' * level}k{level}:\n" for level in range(300)),
    }
    for name, header in headers.items():
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\n{header}\n---\nBody text.\n", encoding="utf-8")
        assert refused(collect, path) == "invalid YAML front matter: nested too deeply"
    shallow = tmp_path / "shallow.md"
    shallow.write_text("---\ntitle: [a, [b, {c: d}]]\n---\nBody text.\n", encoding="utf-8")
    documents, [problem] = collect([shallow])  # parsed, then refused for what it holds
    assert documents == [] and problem.reason == "front matter key 'title' must be a single value"


# Entity expansion and encodings in feeds.


def test_billion_laughs_feed_refused(tmp_path: Path, collect: Collect) -> None:
    laughs = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ]
    path = tmp_path / "laughs.rss"
    prolog = f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{"".join(laughs)}\n]>\n'
    path.write_text(rss(item("&lol9;"), prolog), encoding="utf-8")
    assert refused(collect, path, max_peak=4_000_000) == ENTITIES


def test_external_entity_feed_refused(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "xxe.xml"
    prolog = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    path.write_text(rss(item("&x;"), prolog), encoding="utf-8")
    assert refused(collect, path) == ENTITIES


@pytest.mark.parametrize(
    ("encoding", "reason"),
    [
        ("utf-7", "feed declares encoding 'utf-7', which can hide markup; convert it to UTF-8"),
        ("raw_unicode_escape", "feed declares encoding 'raw_unicode_escape', which can hide "
         "markup; convert it to UTF-8"),
    ],
)  # fmt: skip
def test_markup_hiding_encodings_refused(
    tmp_path: Path, collect: Collect, encoding: str, reason: str
) -> None:
    """An entity bomb spelled in UTF-7 would pass a byte-level scan for '<!ENTITY'."""
    path = tmp_path / "hidden.rss"
    hidden = "+ADw-!ENTITY a +ACI-lol+ACI-+AD4-" if encoding == "utf-7" else "\\u003c!ENTITY"
    prolog = f"<?xml version='1.0' encoding='{encoding}'?><!DOCTYPE rss [{hidden}]>"
    path.write_text(rss(item("&a;"), prolog), encoding="ascii")
    assert refused(collect, path) == reason


def test_ebcdic_feed_refused(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "ebcdic.xml"
    path.write_bytes(rss(item("Talks.")).encode("cp037"))
    reason = refused(collect, path)
    assert reason == "feed is in EBCDIC (cp037), which can hide markup; convert it to UTF-8"


def test_xml_declaration_cannot_stall_feedparser(tmp_path: Path, collect: Collect) -> None:
    """feedparser's encoding regex is cubic in the first line: 12 kB of it took ~5 s before."""
    unclosed = tmp_path / "unclosed.rss"
    unclosed.write_text("<?xml version='1.0' " + "encoding='a' " * 4_000, encoding="utf-8")
    reason = refused(collect, unclosed)
    assert reason == "malformed XML declaration (no '?>' in its first 1024 bytes)"
    minified = tmp_path / "minified.rss"  # one line; the declaration gets a line of its own
    description = "Talks on encoding='a' rules " * 4_000
    minified.write_text(rss(item(description), '<?xml version="1.0"?>'), encoding="utf-8")
    documents, problems, elapsed, _ = measure(collect, minified)
    assert len(documents) == 1 and problems == [] and elapsed < 10


# Markup inside feed entries.


def test_hostile_entry_html(tmp_path: Path, collect: Collect) -> None:
    """'<![' made html.parser raise AssertionError out of iter_sources; '<!--' was quadratic."""
    path = tmp_path / "entries.rss"
    marked = "Talks resumed. &lt;![&lt;![ (a bogus comment to the end, as in browsers)"
    comments = "Talks resumed. " + "&lt;!--" * 50_000
    path.write_text(rss(item(marked) + item(comments)), encoding="utf-8")
    documents, problems, elapsed, _ = measure(collect, path)
    assert problems == [] and elapsed < 10
    assert [doc.body for doc in documents] == ["Talks resumed.", "Talks resumed."]


# Compression.


def test_gzip_files_read_within_limits(tmp_path: Path, collect: Collect) -> None:
    feed = tmp_path / "wire.rss.gz"
    feed.write_bytes(gzip.compress(rss(item("Talks resumed in the capital.")).encode()))
    [document], problems = collect([feed])
    assert problems == [] and document.origin == f"{feed}#entry1"
    corrupt = tmp_path / "corrupt.txt.gz"
    corrupt.write_bytes(gzip.compress(b"Talks resumed.")[:-6])
    assert refused(collect, corrupt).startswith("file is not valid gzip data (")


def test_gzip_bomb_file_refused(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"\n" * 1_048_576) * 1024)  # 1 GiB from about 1 MB
    assert refused(collect, path, max_peak=64_000_000) == BOMB
    tar = tmp_path / "archive.tar.gz"  # one layer is undone; what is inside must be text
    tar.write_bytes(gzip.compress(b"ustar\x00" + b"\x00" * 500))
    assert refused(collect, tar) == "binary file, not text"


# JSON Lines and text that cannot be stored.


def test_jsonl_hostile_values(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "values.jsonl"
    lines = [
        '{"text": "A story about the talks.", "n": ' + "1" * 5_000 + "}",  # raised ValueError
        '{"text": "\\ud800 A story about the talks."}',  # raised UnicodeEncodeError
        '{"text": "\\u0000"}',
        '{"text": ' + "[" * 100_000 + "}",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    documents, problems = collect([path])
    assert [doc.body for doc in documents] == ["\ufffd A story about the talks."]
    assert [(p.origin, p.reason) for p in problems if p.severity == "error"] == [
        (
            f"{path}:1",
            "invalid JSON: Exceeds the limit (4300 digits) for integer string conversion",
        ),
        (f"{path}:3", "no 'text' or 'body' field with text"),
        (f"{path}:4", "invalid JSON: nested too deeply"),
    ]


def test_limits_must_be_positive() -> None:
    with pytest.raises(ConfigError, match="max_nesting_depth must be positive, not 0"):
        IngestLimits(max_nesting_depth=0)
    assert IngestLimits(max_redirects=0).max_redirects == 0  # no redirect followed
