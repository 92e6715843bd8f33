"""RSS feeds written by the watch tests and the feed-to-alert benchmark."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

Item = tuple[str, str, datetime]  # title, body, published


def rss(title: str, items: Sequence[Item]) -> str:
    """An RSS 2.0 feed with one item per (title, body, published)."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><guid>{escape(t)}-{when:%Y%m%d}</guid>"
        f"<pubDate>{format_datetime(when)}</pubDate><description>{escape(body)}</description>"
        "</item>"
        for t, body, when in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://feeds.redline.invalid/</link>"
        f"<description>test feed</description>{entries}</channel></rss>\n"
    )


def day(text: str) -> datetime:
    """A publication moment on a day, 09:00 UTC."""
    return datetime.fromisoformat(f"{text}T09:00:00").replace(tzinfo=UTC)


SIGNALS: list[Item] = [
    (
        "Kremlin previews treaty",
        "The Kremlin said Russia and North Korea may sign a treaty of mutual assistance this week.",
        day("2024-06-17"),
    ),
]
SIGNING: list[Item] = [
    (
        "Treaty signed",
        "Russia and North Korea signed a treaty on Wednesday committing the two countries to "
        "mutual assistance if either is attacked.",
        day("2024-06-19"),
    ),
]
