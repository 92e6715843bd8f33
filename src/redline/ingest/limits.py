"""Size, count and time limits applied while reading sources."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestLimits:
    """Bounds on one source: bytes read per file or response, entries per feed, fetch time."""

    max_bytes: int = 20_000_000
    max_feed_entries: int = 10_000
    fetch_timeout: float = 20.0


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
