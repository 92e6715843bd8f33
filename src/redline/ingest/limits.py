"""Size, count, depth, time and network limits applied while reading sources.

Every limit is checked before the bytes reach a third-party parser (lxml, feedparser,
trafilatura, PyYAML), so hostile input is refused in bounded time and memory.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from redline.errors import ConfigError


@dataclass(frozen=True)
class IngestLimits:
    """Bounds on one source. The defaults suit news pages and feeds; see docs/reliability.md."""

    #: Bytes read from one file or HTTP response (before any decompression).
    max_bytes: int = 20_000_000
    #: Entries read from one feed; the rest are skipped with a warning.
    max_feed_entries: int = 10_000
    #: Seconds for one URL, all redirects and the whole body included.
    fetch_timeout: float = 20.0
    #: Bytes a .gz file or a gzip-encoded response may expand to (compression bombs).
    max_decompressed_bytes: int = 20_000_000
    #: Element nesting in HTML and feeds; lxml's HTML parser silently drops text past ~255.
    max_nesting_depth: int = 256
    #: Bytes of HTML handed to trafilatura, whose time grows faster than linearly with size.
    max_html_bytes: int = 5_000_000
    #: Bytes of YAML front matter (PyYAML is pure Python and recursive).
    max_front_matter_bytes: int = 65_536
    #: Redirects followed for one URL.
    max_redirects: int = 5
    #: Fetch loopback and private-range hosts that you name (never link-local or metadata).
    allow_private: bool = False

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, bool):
                continue
            if field.name == "max_redirects" and value >= 0:
                continue
            if value <= 0:
                raise ConfigError(f"ingest limit {field.name} must be positive, not {value}")


DEFAULT_LIMITS = IngestLimits()


def human_size(size: int) -> str:
    """A byte count for messages, in decimal units: 52428800 -> '52.4 MB'."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"


def too_large_reason(noun: str, size: int | None, limit: int) -> str:
    """The message for input over ``max_bytes``; ``size`` is None when it is not known."""
    if size is None:
        measured = f"over the {human_size(limit)} limit"
    else:
        measured = f"{human_size(size)} > {human_size(limit)} limit"
    return f"{noun} too large ({measured}; raise it with --max-bytes)"
